//! Any bytes given as a full staff file, imported into an organisation that already has
//! people, some of whom have left: reading must never panic, and the people found to have
//! left the service are exactly those now in skillgym whom the file does not name.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillgym_domain::leavers::{left_out, marks_most};
use skillgym_domain::staff_file::{self, Known};
use skillgym_domain::{Email, EmployeeNumber, SiteCode};
use std::collections::{HashMap, HashSet};

/// Twelve people: E1 to E12, E10 to E12 already marked as left, E1 and E2 without email.
fn stored() -> (HashMap<EmployeeNumber, Option<Email>>, Vec<String>) {
    let mut people = HashMap::new();
    let mut current = Vec::new();
    for n in 1..=12 {
        let number = format!("E{n}");
        let email = (n > 2).then(|| Email::parse(&format!("p{n}@example.org")).unwrap());
        people.insert(EmployeeNumber::parse(&number).unwrap(), email);
        if n < 10 {
            current.push(number);
        }
    }
    (people, current)
}

fuzz_target!(|data: &[u8]| {
    let sites = HashSet::from([
        SiteCode::parse("CEN").unwrap(),
        SiteCode::parse("HQ").unwrap(),
    ]);
    let (people, current) = stored();
    let known = Known {
        sites: &sites,
        people: &people,
    };
    let Ok(lines) = staff_file::read_and_check(data, &known) else {
        return;
    };
    let records: Vec<_> = lines.into_iter().map(|l| l.record).collect();
    let current: Vec<&str> = current.iter().map(String::as_str).collect();
    let found = left_out(&current, &records);
    let named: HashSet<&str> = records.iter().map(|r| r.employee_number.as_str()).collect();
    assert!(
        found.windows(2).all(|w| w[0] < w[1]),
        "in order, none twice"
    );
    for (i, number) in current.iter().enumerate() {
        // Found ⊆ current people not in the file, and every such person is found.
        assert_eq!(found.contains(&i), !named.contains(number), "{number}");
    }
    let count = found.len() as u64;
    assert_eq!(
        marks_most(count, current.len() as u64),
        count * 2 > current.len() as u64
    );
});
