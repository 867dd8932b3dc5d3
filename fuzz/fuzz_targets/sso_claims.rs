//! Any claims in a verified ID token (the first byte picks which claim holds the employee
//! number): reading them must never panic; an identity always has the token's non-empty
//! `sub`, an email address only when the token says it is verified, and an employee number
//! only from the claim named, never blank.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillgym_domain::Email;
use skillgym_domain::single_sign_on::map_claims;

const CLAIMS: [Option<&str>; 4] = [None, Some("employee_id"), Some("sub"), Some("email")];

fuzz_target!(|data: &[u8]| {
    let Some((which, payload)) = data.split_first() else {
        return;
    };
    let claim = CLAIMS[usize::from(*which) % CLAIMS.len()];
    let Some(claimed) = map_claims(payload, claim) else {
        return;
    };
    let json: serde_json::Value =
        serde_json::from_slice(payload).expect("claims that mapped are JSON");
    assert!(!claimed.subject.is_empty());
    assert_eq!(json["sub"].as_str(), Some(claimed.subject.as_str()));
    if let Some(email) = &claimed.email {
        assert_eq!(json["email_verified"], serde_json::Value::Bool(true));
        let given = json["email"].as_str().expect("an email claim");
        assert_eq!(Email::parse(given).as_ref(), Ok(email));
    }
    match (&claimed.employee_number, claim) {
        (Some(n), Some(name)) => {
            assert!(!n.is_empty() && n.trim() == n);
            assert!(!json[name].is_null());
        }
        (Some(_), None) => panic!("an employee number with no claim named"),
        (None, _) => {}
    }
});
