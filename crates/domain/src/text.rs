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
