//! Any bytes given as a survey export (SurveyMonkey or one row per respondent): reading must
//! never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = skillgym_domain::audit::survey::parse(data);
});
