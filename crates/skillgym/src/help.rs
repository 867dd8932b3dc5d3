//! The command line's help in the reader's language: every command's and option's description
//! comes from the Fluent message `cli-help-PATH` (PATH being the command names joined by `-`,
//! then `--OPTION` for an option), so `skillgym --help` reads in Welsh as the pages do.

use clap::{Arg, ArgAction, Command};
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
/// built-in English stays (a test makes sure none is missing). clap's own parts (headings,
/// `--help`, `--version`, the `help` command) are replaced too, at every level.
pub fn localise(cmd: Command, tr: &Tr) -> Command {
    let template = format!(
        "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
        tr.t("cli-help-usage")
    );
    let parts = Parts {
        template,
        options: tr.t("cli-help-options"),
        commands: tr.t("cli-help-commands"),
        help: tr.t("cli-help-print-help"),
        version: tr.t("cli-help-print-version"),
        default: tr.t("cli-help-default"),
        versioned: cmd.get_version().is_some() && cmd.is_propagate_version_set(),
    };
    let mut cmd = clap_parts(localise_at(cmd, tr, &[]), &parts);
    // clap adds its `help` command only when the tree is built; building first lets it be
    // reworded too.
    cmd.build();
    help_command(cmd, &tr.t("cli-help-help-command"))
}

/// The words clap writes itself, in the reader's language.
#[derive(Clone)]
struct Parts {
    template: String,
    options: String,
    commands: String,
    help: String,
    version: String,
    default: String,
    versioned: bool,
}

/// Headings, and clap's own `--help` and `--version` replaced by the same flags described in
/// the reader's language, at every level.
fn clap_parts(mut cmd: Command, parts: &Parts) -> Command {
    // Options declared before this have no heading of their own, so clap would head them
    // "Options".
    let unheaded: Vec<String> = cmd
        .get_arguments()
        .filter(|a| !a.is_positional() && a.get_help_heading().is_none())
        .map(|a| a.get_id().to_string())
        .collect();
    for id in unheaded {
        cmd = cmd.mut_arg(id.as_str(), |a| a.help_heading(parts.options.clone()));
    }
    // clap writes "[default: …]" in English; the same, in the reader's language.
    let defaulted: Vec<(String, String)> = cmd
        .get_arguments()
        .filter(|a| !a.get_default_values().is_empty() && !a.is_hide_default_value_set())
        .map(|a| {
            let values: Vec<String> = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            (a.get_id().to_string(), values.join(", "))
        })
        .collect();
    for (id, values) in defaulted {
        cmd = cmd.mut_arg(id.as_str(), |a| {
            let help = a.get_help().map(ToString::to_string).unwrap_or_default();
            a.hide_default_value(true)
                .help(format!("{help} [{}: {values}]", parts.default))
        });
    }
    cmd = cmd
        .help_template(parts.template.clone())
        .next_help_heading(parts.options.clone())
        .subcommand_help_heading(parts.commands.clone())
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(parts.help.clone()),
        );
    // The version is propagated to every command, so `-V` works at every level.
    if parts.versioned {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(parts.version.clone()),
        );
    }
    let parts = parts.clone();
    cmd.mut_subcommands(move |sub| clap_parts(sub, &parts))
}

fn help_command(cmd: Command, about: &str) -> Command {
    let about = about.to_string();
    cmd.mut_subcommands(move |sub| {
        if sub.get_name() == "help" {
            sub.about(about.clone())
        } else {
            help_command(sub, &about)
        }
    })
}

fn localise_at(mut cmd: Command, tr: &Tr, path: &[&str]) -> Command {
    if let Some(about) = tr.find(&message_id(path, None)) {
        cmd = cmd.about(about);
    }
    let args: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .filter(|id| id != "help" && id != "version")
        .collect();
    for arg in args {
        if let Some(help) = tr.find(&message_id(path, Some(&arg))) {
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
        ids.extend(
            [
                "cli-help-usage",
                "cli-help-options",
                "cli-help-commands",
                "cli-help-print-help",
                "cli-help-print-version",
                "cli-help-help-command",
                "cli-help-default",
            ]
            .map(String::from),
        );
        for lang in Lang::OFFERED {
            let tr = Tr::new(lang);
            let missing: Vec<&String> = ids.iter().filter(|id| tr.find(id).is_none()).collect();
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

    #[test]
    fn clap_own_words_are_in_welsh_at_every_level() {
        let tr = Tr::new(Lang::Cy);
        let cmd = localise(crate::cli::Cli::command(), &tr);
        for path in [&["user"][..], &["user", "create-admin"], &["demo"]] {
            let mut at = cmd.clone();
            for name in path {
                at = at.find_subcommand(name).unwrap().clone();
            }
            let help = at.render_help().to_string();
            for english in [
                "Print help",
                "Print version",
                "Options:",
                "Commands:",
                "Usage:",
                "[default:",
            ] {
                assert!(!help.contains(english), "{path:?}: {english} in\n{help}");
            }
            assert!(help.contains(&tr.t("cli-help-print-help")), "{help}");
            assert!(help.contains(&tr.t("cli-help-print-version")), "{help}");
        }
        let user = cmd.find_subcommand("user").unwrap();
        let help = user.find_subcommand("help").unwrap();
        assert_eq!(
            help.get_about().unwrap().to_string(),
            tr.t("cli-help-help-command")
        );
    }
}
