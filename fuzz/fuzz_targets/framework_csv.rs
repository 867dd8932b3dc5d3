//! Any bytes given as a framework CSV: reading must never panic, and a framework that reads
//! must write back to the same framework.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillgym_domain::FileLanguage;
use skillgym_domain::audit::framework_csv::{read, write};

fuzz_target!(|data: &[u8]| {
    if let Ok(framework) = read(data) {
        for language in [FileLanguage::English, FileLanguage::Welsh] {
            let mut out = Vec::new();
            write(&mut out, &framework, language).expect("writing to memory");
            assert_eq!(read(&out).expect("a written framework reads"), framework);
        }
    }
});
