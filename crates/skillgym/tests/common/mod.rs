//! Running the real binary as a person would, in English, against a test database.
#![allow(dead_code)]

use skillgym_test_db::TestDb;
use std::process::{Command, Output};

/// `skillgym ARGS` against `db`, in English whatever the machine's language.
pub fn skillgym(db: &TestDb, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_skillgym"))
        .args(args)
        .env("DATABASE_URL", &db.url)
        .env("SKILLGYM_LOG", "warn")
        .env_remove("SKILLGYM_LANG")
        .env("LANG", "C.UTF-8")
        .output()
        .expect("skillgym runs")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
