//! Any bytes given as a CASE 1.0 file: reading must never panic, and a framework that reads
//! must survive a round trip unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillgym_domain::audit::case::{from_case, to_case};

fuzz_target!(|data: &[u8]| {
    if let Ok(framework) = from_case(data) {
        let json = to_case(&framework, time::OffsetDateTime::UNIX_EPOCH).to_string();
        let again = from_case(json.as_bytes()).expect("an exported framework reads");
        assert_eq!(framework, again);
    }
});
