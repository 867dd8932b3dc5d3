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

/// The organisation its first administrator makes on the command line, given the library
/// framework: what a register file (the learning catalogue, services, kit) may name.
pub async fn organisation_with_framework(db: &TestDb) -> skillgym_store::Organisation {
    let out = skillgym(
        db,
        &["user", "create-admin", "--email", "admin@example.org"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let org = db.store.default_organisation().await.unwrap().unwrap();
    db.store
        .create_framework(
            org.id,
            &skillgym_domain::audit::Framework::library_default(),
        )
        .await
        .unwrap();
    org
}
