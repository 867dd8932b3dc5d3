//! Any bytes given as an uploaded picture: checking them must never panic, and a picture that
//! passes is a PNG or JPEG of a sensible size that starts with its own signature.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillgym_domain::audit::picture::{self, PictureKind};

fuzz_target!(|data: &[u8]| {
    if let Ok(checked) = picture::check(data) {
        assert!(data.len() <= picture::MAX_BYTES);
        assert!((1..=picture::MAX_SIDE).contains(&checked.width));
        assert!((1..=picture::MAX_SIDE).contains(&checked.height));
        match checked.kind {
            PictureKind::Png => assert!(data.starts_with(b"\x89PNG\r\n\x1a\n")),
            PictureKind::Jpeg => assert!(data.starts_with(&[0xFF, 0xD8, 0xFF])),
        }
    }
});
