//! The command line's help in the reader's language: every command's and option's description
//! comes from the Fluent message `cli-help-PATH` (PATH being the command names joined by `-`,
//! then `--OPTION` for an option), so `skillgym --help` reads in Welsh as the pages do.

use clap::Command;
use skillgym_i18n::Tr;

/// The message id describing a command (`path` of command names) or one of its options.
pub fn message_id(path: &[&str], arg: Option<&str>) -> String {
    let mut id = String::from("cli-help");
    for name in path {
        id.push('-');
        id.push_str(name);
    }
    if let Some(arg) = arg {
        id.push_str("--");
        id.push_str(arg);
    }
    id
}

/// Replaces every description in `cmd` with its message; where a message is missing the
/// built-in English stays (a test makes sure none is missing).
pub fn localise(cmd: Command, tr: &Tr) -> Command {
    let template = format!(
        "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
        tr.t("cli-help-usage")
    );
    localise_at(cmd, tr, &[])
        .help_template(template.clone())
        .mut_subcommands(move |c| c.help_template(template.clone()))
        .next_help_heading(tr.t("cli-help-options"))
        .subcommand_help_heading(tr.t("cli-help-commands"))
}

fn localise_at(mut cmd: Command, tr: &Tr, path: &[&str]) -> Command {
    if let Some(about) = found(tr, &message_id(path, None)) {
        cmd = cmd.about(about);
    }
    let args: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .filter(|id| id != "help" && id != "version")
        .collect();
    for arg in args {
        if let Some(help) = found(tr, &message_id(path, Some(&arg))) {
            cmd = cmd.mut_arg(arg.as_str(), |a| a.help(help));
        }
    }
    let subcommands: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subcommands {
        let mut sub_path: Vec<&str> = path.to_vec();
        sub_path.push(&name);
        let path_owned: Vec<String> = sub_path.iter().map(|s| s.to_string()).collect();
        let tr = *tr;
        cmd = cmd.mut_subcommand(name.as_str(), move |s| {
            let refs: Vec<&str> = path_owned.iter().map(String::as_str).collect();
            localise_at(s, &tr, &refs)
        });
    }
    cmd
}

fn found(tr: &Tr, id: &str) -> Option<String> {
    let text = tr.t(id);
    (!text.starts_with('⚠')).then_some(text)
}

/// Every message id the command tree needs, for the test that checks they all exist.
#[cfg(test)]
fn needed_ids(cmd: &Command, path: &mut Vec<String>, out: &mut Vec<String>) {
    let refs: Vec<&str> = path.iter().map(String::as_str).collect();
    out.push(message_id(&refs, None));
    for a in cmd.get_arguments() {
        let id = a.get_id().as_str();
        if id != "help" && id != "version" {
            out.push(message_id(&refs, Some(id)));
        }
    }
    for s in cmd.get_subcommands() {
        if s.get_name() == "help" {
            continue;
        }
        path.push(s.get_name().to_string());
        needed_ids(s, path, out);
        path.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;
    use skillgym_i18n::Lang;

    #[test]
    fn every_command_and_option_is_described_in_both_languages() {
        let mut ids = Vec::new();
        needed_ids(&crate::cli::Cli::command(), &mut Vec::new(), &mut ids);
        ids.extend(["cli-help-usage", "cli-help-options", "cli-help-commands"].map(String::from));
        for lang in Lang::OFFERED {
            let tr = Tr::new(lang);
            let missing: Vec<&String> = ids.iter().filter(|id| found(&tr, id).is_none()).collect();
            assert!(missing.is_empty(), "{lang:?} is missing {missing:?}");
        }
    }

    #[test]
    fn welsh_help_is_in_welsh() {
        let mut cmd = localise(crate::cli::Cli::command(), &Tr::new(Lang::Cy));
        let help = cmd.render_help().to_string();
        assert!(
            help.contains(&Tr::new(Lang::Cy).t("cli-help-serve")),
            "{help}"
        );
    }
}
