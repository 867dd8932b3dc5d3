//! `skillgym sign-in passwords on|off`: the way back in when single sign-on breaks (the
//! provider is down, its certificate or secret expired, the settings are wrong) and password
//! sign-in was turned off, so nobody, admins included, can sign in on the web.

use crate::output::say;
use skillgym_i18n::Tr;
use skillgym_store::{Actor, Store, StoreError};
use std::process::ExitCode;

pub async fn passwords(
    store: &Store,
    org: &skillgym_store::Organisation,
    on: bool,
    tr: &Tr,
) -> anyhow::Result<ExitCode> {
    let changed = match store
        .set_password_sign_in(org.id, on, Actor::CommandLine)
        .await
    {
        Ok(changed) => changed,
        Err(StoreError::NotFound) if !on => {
            eprintln!("{}", tr.t("cli-passwords-need-sso"));
            return Ok(ExitCode::FAILURE);
        }
        Err(e) => return Err(e.into()),
    };
    let message = match (on, changed) {
        (true, true) => "cli-passwords-on",
        (true, false) => "cli-passwords-already-on",
        (false, true) => "cli-passwords-off",
        (false, false) => "cli-passwords-already-off",
    };
    say!("{}", tr.t(message));
    if on {
        say!("{}", tr.t("cli-passwords-no-password"));
    }
    Ok(ExitCode::SUCCESS)
}
