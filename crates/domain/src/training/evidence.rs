//! A certificate uploaded as the evidence of a completion: a PDF, PNG or JPEG, told apart by
//! its bytes (never by its name or declared type), and no larger than [`MAX_BYTES`].

use crate::Invalid;
use crate::audit::picture;

/// The largest certificate accepted, in bytes: as a knowledge-round picture.
pub const MAX_BYTES: usize = picture::MAX_BYTES;

/// The kinds of file accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvidenceKind {
    Pdf,
    Png,
    Jpeg,
}

impl EvidenceKind {
    /// The `Content-Type` it is served with.
    pub fn content_type(self) -> &'static str {
        match self {
            EvidenceKind::Pdf => "application/pdf",
            EvidenceKind::Png => "image/png",
            EvidenceKind::Jpeg => "image/jpeg",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            EvidenceKind::Pdf => "pdf",
            EvidenceKind::Png => "png",
            EvidenceKind::Jpeg => "jpg",
        }
    }
}

/// Checks an uploaded certificate. Each refusal names a message id.
pub fn check(bytes: &[u8]) -> Result<EvidenceKind, Invalid> {
    if bytes.len() > MAX_BYTES {
        return Err(Invalid("training-evidence-file-too-large"));
    }
    if bytes.starts_with(b"%PDF-") {
        // A PDF's last `%%EOF` is near its end; a file cut short in the upload has none.
        let tail = &bytes[bytes.len().saturating_sub(1024)..];
        if tail.windows(5).any(|w| w == b"%%EOF") {
            return Ok(EvidenceKind::Pdf);
        }
        return Err(Invalid("training-evidence-file-corrupt"));
    }
    match picture::check(bytes) {
        Ok(p) => Ok(match p.kind {
            picture::PictureKind::Png => EvidenceKind::Png,
            picture::PictureKind::Jpeg => EvidenceKind::Jpeg,
        }),
        Err(Invalid("picture-not-png-or-jpeg" | "picture-missing")) => {
            Err(Invalid("training-evidence-file-kind"))
        }
        Err(_) => Err(Invalid("training-evidence-file-corrupt")),
    }
}

/// The name a certificate is kept and downloaded under: the one it had, reduced to letters,
/// digits, spaces, dots, hyphens and underscores (so it is safe in a `Content-Disposition`
/// header), with the extension its bytes call for.
pub fn file_name(original: Option<&str>, kind: EvidenceKind) -> String {
    let stem = original
        .map(|n| n.rsplit(['/', '\\']).next().unwrap_or(n))
        .map(|n| n.rsplit_once('.').map_or(n, |(stem, _)| stem))
        .unwrap_or("");
    let clean: String = stem
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '-' | '_'))
        .take(80)
        .collect();
    let clean = clean.trim().trim_matches('.');
    let stem = if clean.is_empty() {
        "certificate"
    } else {
        clean
    };
    format!("{stem}.{}", kind.extension())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pdf_is_known_by_its_bytes_and_a_cut_one_is_refused() {
        let pdf = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";
        assert_eq!(check(pdf), Ok(EvidenceKind::Pdf));
        assert_eq!(
            check(&pdf[..20]),
            Err(Invalid("training-evidence-file-corrupt"))
        );
    }

    #[test]
    fn other_files_are_refused_by_their_bytes_whatever_their_name() {
        assert_eq!(
            check(b"<svg onload=alert(1)>"),
            Err(Invalid("training-evidence-file-kind"))
        );
        assert_eq!(
            check(b"PK\x03\x04 a word document"),
            Err(Invalid("training-evidence-file-kind"))
        );
        let mut big = b"%PDF-".to_vec();
        big.resize(MAX_BYTES + 1, b' ');
        assert_eq!(
            check(&big),
            Err(Invalid("training-evidence-file-too-large"))
        );
    }

    #[test]
    fn a_kept_name_is_safe_in_a_header_and_has_the_right_extension() {
        assert_eq!(
            file_name(Some("C:\\certs\\GDPR 2026.PDF"), EvidenceKind::Pdf),
            "GDPR 2026.pdf"
        );
        assert_eq!(
            file_name(Some("a\"b;\r\nc.exe"), EvidenceKind::Png),
            "abc.png"
        );
        assert_eq!(file_name(None, EvidenceKind::Jpeg), "certificate.jpg");
        assert_eq!(file_name(Some("..."), EvidenceKind::Pdf), "certificate.pdf");
    }
}
