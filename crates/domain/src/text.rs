//! Text people write into forms.

use crate::Invalid;

/// Text someone wrote: trimmed, not empty, at most `most` characters, with no control
/// characters but line breaks and tabs. Each refusal is named by the caller's message id.
pub fn written(
    raw: &str,
    most: usize,
    missing: &'static str,
    long: &'static str,
    invalid: &'static str,
) -> Result<String, Invalid> {
    let text = raw.trim().replace("\r\n", "\n");
    if text.is_empty() {
        Err(Invalid(missing))
    } else if text.chars().count() > most {
        Err(Invalid(long))
    } else if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        Err(Invalid(invalid))
    } else {
        Ok(text)
    }
}

/// A stable identifier someone gave a thing of a register or catalogue (a service, a piece of
/// kit), kept when it is exported and imported again: letters, digits, `-`, `_` and `.`, up to
/// `most`, kept in capitals.
pub fn code(
    text: &str,
    most: usize,
    missing: &'static str,
    invalid: &'static str,
) -> Result<String, Invalid> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Invalid(missing));
    }
    let good = text.len() <= most
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if !good {
        return Err(Invalid(invalid));
    }
    Ok(text.to_ascii_uppercase())
}
