//! Any bytes given as a staff file: reading and checking them must never panic, and a file that
//! reads must write back to the same records.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillgym_domain::FileLanguage;
use skillgym_domain::staff_file::{self, Known};
use std::collections::{HashMap, HashSet};

fuzz_target!(|data: &[u8]| {
    let sites = HashSet::from([skillgym_domain::SiteCode::parse("CEN").unwrap()]);
    let people = HashMap::new();
    let known = Known { sites: &sites, people: &people };
    if let Ok(lines) = staff_file::read_and_check(data, &known) {
        let records: Vec<_> = lines.into_iter().map(|l| l.record).collect();
        // Both languages' headers must read back to the same records.
        for language in [FileLanguage::English, FileLanguage::Welsh] {
            let mut out = Vec::new();
            staff_file::write(&mut out, records.clone(), language).expect("writing to memory");
            let again: Vec<_> = staff_file::parse(&out)
                .expect("a written file reads")
                .into_iter()
                .map(|l| l.record)
                .collect();
            assert_eq!(records, again);
        }
    }
});
