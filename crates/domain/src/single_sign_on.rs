//! What skillgym takes from a council's identity provider: the claims of an ID token whose
//! signature, issuer, audience, expiry and nonce have already been checked.

use crate::Email;

/// Who the provider says signed in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claimed {
    /// The provider's own id for the person (`sub`): never empty.
    pub subject: String,
    /// Their email address, only when the provider says it has verified it.
    pub email: Option<Email>,
    /// Their employee number, from the claim an admin named, if the token has it.
    pub employee_number: Option<String>,
}

/// Reads the claims (the JSON payload of a verified ID token). `None` when they are not a
/// JSON object with a non-empty `sub`: without it a person cannot be told apart from another.
pub fn map_claims(payload: &[u8], employee_number_claim: Option<&str>) -> Option<Claimed> {
    let claims: serde_json::Value = serde_json::from_slice(payload).ok()?;
    let subject = claims.get("sub")?.as_str()?;
    if subject.is_empty() {
        return None;
    }
    // An unverified address could be anyone's: it must never match a person.
    let verified = claims.get("email_verified") == Some(&serde_json::Value::Bool(true));
    let email = claims
        .get("email")
        .and_then(serde_json::Value::as_str)
        .filter(|_| verified)
        .and_then(|e| Email::parse(e).ok());
    let employee_number = employee_number_claim.and_then(|name| match claims.get(name)? {
        serde_json::Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    });
    Some(Claimed {
        subject: subject.to_string(),
        email,
        employee_number,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claims_are_read_as_text() {
        let payload = br#"{"sub":"abc","employee_id":"E123","n":42,"o":{}}"#;
        let read = |claim| map_claims(payload, Some(claim)).unwrap().employee_number;
        assert_eq!(read("employee_id").as_deref(), Some("E123"));
        assert_eq!(read("n").as_deref(), Some("42"));
        assert_eq!(read("o"), None);
        assert_eq!(read("missing"), None);
        assert_eq!(map_claims(payload, None).unwrap().subject, "abc");
    }

    #[test]
    fn only_a_verified_email_is_taken() {
        let email = |payload: &[u8]| map_claims(payload, None).unwrap().email;
        assert_eq!(
            email(br#"{"sub":"a","email":"Ann@Example.org","email_verified":true}"#),
            Some(Email::parse("ann@example.org").unwrap())
        );
        assert_eq!(email(br#"{"sub":"a","email":"ann@example.org"}"#), None);
        assert_eq!(
            email(br#"{"sub":"a","email":"ann@example.org","email_verified":"true"}"#),
            None
        );
        assert_eq!(
            email(br#"{"sub":"a","email":"ann@example.org","email_verified":false}"#),
            None
        );
    }

    #[test]
    fn a_token_without_a_subject_names_nobody() {
        assert_eq!(map_claims(br#"{"email":"a@b.org"}"#, None), None);
        assert_eq!(map_claims(br#"{"sub":""}"#, None), None);
        assert_eq!(map_claims(br#"{"sub":7}"#, None), None);
        assert_eq!(map_claims(b"[]", None), None);
        assert_eq!(map_claims(b"\xff", None), None);
    }
}
