//! Any bytes as a multipart/mixed body of xAPI statements with attachments (Communication
//! 1.5.2), and as a signature attachment's JWS (Data 2.6): reading must never panic, and the
//! parts read must come back the same when written out again and read.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillgym_xapi::multipart::{PartOut, read, write};

const CONTENT_TYPE: &str = "multipart/mixed; boundary=\"b0'()+_,-./:=?\"";
const BOUNDARY: &str = "b0'()+_,-./:=?";

fuzz_target!(|data: &[u8]| {
    let _ = skillgym_xapi::signature::check(data, &serde_json::json!({}));
    if let Ok(parts) = read(CONTENT_TYPE, data) {
        let framed: Vec<PartOut<'_>> = parts
            .iter()
            .map(|p| {
                let headers = p.headers.iter().map(|(n, v)| (n.as_str(), v.clone()));
                (headers.collect(), p.data)
            })
            .collect();
        let written = write(BOUNDARY, &framed);
        let again = read(CONTENT_TYPE, &written).expect("written parts read");
        assert_eq!(parts, again);
    }
});
