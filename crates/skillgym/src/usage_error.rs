//! A mistake on the command line, told in the reader's language. clap's own messages are in
//! English only; its help is already localised (see `help`), so its errors are too.

use clap::Command;
use clap::error::{ContextKind, ContextValue, Error, ErrorKind};
use skillgym_i18n::Tr;

/// Whether clap's "error" is really the help or version it was asked for.
pub fn is_display(e: &Error) -> bool {
    matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    )
}

/// The message for a mistake, then where to find help for the command it was made in.
pub fn message(e: &Error, cmd: &Command, args: &[String], tr: &Tr) -> String {
    let text = |kind: ContextKind| e.get(kind).map(joined).unwrap_or_default();
    let (arg, value) = (
        text(ContextKind::InvalidArg),
        text(ContextKind::InvalidValue),
    );
    let mut lines = vec![match e.kind() {
        ErrorKind::InvalidValue => {
            let valid = text(ContextKind::ValidValue);
            if valid.is_empty() {
                tr.t2("cli-usage-invalid-value", "arg", arg, "value", value)
            } else {
                tr.args(
                    "cli-usage-invalid-choice",
                    [
                        ("arg", arg.into()),
                        ("value", value.into()),
                        ("valid", valid.into()),
                    ],
                )
            }
        }
        ErrorKind::ValueValidation => tr.t2("cli-usage-invalid-value", "arg", arg, "value", value),
        ErrorKind::UnknownArgument => tr.t1("cli-usage-unknown-argument", "arg", arg),
        ErrorKind::InvalidSubcommand => tr.t1(
            "cli-usage-unknown-command",
            "command",
            text(ContextKind::InvalidSubcommand),
        ),
        ErrorKind::MissingRequiredArgument => tr.t1("cli-usage-missing", "args", arg),
        ErrorKind::MissingSubcommand => tr.t1(
            "cli-usage-missing-command",
            "commands",
            text(ContextKind::ValidSubcommand),
        ),
        ErrorKind::ArgumentConflict => tr.t2(
            "cli-usage-conflict",
            "arg",
            arg,
            "prior",
            text(ContextKind::PriorArg),
        ),
        ErrorKind::NoEquals
        | ErrorKind::TooManyValues
        | ErrorKind::TooFewValues
        | ErrorKind::WrongNumberOfValues => tr.t1("cli-usage-values", "arg", arg),
        ErrorKind::InvalidUtf8 => tr.t("cli-usage-not-utf8"),
        _ => tr.t("cli-usage-not-understood"),
    }];
    let suggested = [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand]
        .into_iter()
        .map(text)
        .find(|s| !s.is_empty());
    if let Some(suggested) = suggested {
        lines.push(tr.t1("cli-usage-did-you-mean", "suggested", suggested));
    }
    lines.push(tr.t1("cli-usage-more", "command", command_path(cmd, args)));
    lines.join("\n")
}

fn joined(value: &ContextValue) -> String {
    match value {
        ContextValue::String(s) => s.clone(),
        ContextValue::Strings(v) => v.join(", "),
        ContextValue::StyledStr(s) => s.to_string(),
        ContextValue::Number(n) => n.to_string(),
        ContextValue::Bool(b) => b.to_string(),
        _ => String::new(),
    }
}

/// `skillgym demo` for `skillgym --data-dir x demo --bad`: the commands named, in order,
/// whose help covers the mistake.
fn command_path(cmd: &Command, args: &[String]) -> String {
    let mut path = vec![cmd.get_name().to_string()];
    let mut at = cmd;
    for arg in args {
        if let Some(sub) = at.find_subcommand(arg) {
            path.push(sub.get_name().to_string());
            at = sub;
        }
    }
    path.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::CommandFactory;
    use skillgym_i18n::Lang;

    fn mistake(args: &[&str], lang: Lang) -> String {
        let tr = Tr::new(lang);
        let cmd = crate::help::localise(Cli::command(), &tr);
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        let e = cmd.clone().try_get_matches_from(&args).unwrap_err();
        assert!(!is_display(&e));
        message(&e, &cmd, &args[1..], &tr)
    }

    #[test]
    fn a_value_out_of_range_names_the_option_and_the_value() {
        let en = mistake(&["skillgym", "demo", "--response-rate", "0"], Lang::En);
        assert!(en.contains("--response-rate"), "{en}");
        assert!(en.contains("“0”"), "{en}");
        assert!(en.ends_with("skillgym demo --help"), "{en}");
        let cy = mistake(&["skillgym", "demo", "--response-rate", "0"], Lang::Cy);
        assert_ne!(en, cy);
        assert!(cy.contains("--response-rate") && cy.contains("skillgym demo --help"));
    }

    #[test]
    fn a_misspelt_option_or_command_gets_a_suggestion() {
        let en = mistake(&["skillgym", "demo", "--peple", "5"], Lang::En);
        assert!(en.contains("--peple") && en.contains("--people"), "{en}");
        let en = mistake(&["skillgym", "serv"], Lang::En);
        assert!(en.contains("serv") && en.contains("serve"), "{en}");
    }

    #[test]
    fn a_choice_lists_the_values_it_takes() {
        let en = mistake(&["skillgym", "report", "1", "--format", "xml"], Lang::En);
        assert!(en.contains("xml") && en.contains("json"), "{en}");
        assert!(en.ends_with("skillgym report --help"), "{en}");
    }

    #[test]
    fn every_kind_of_mistake_has_its_message_in_both_languages() {
        for lang in Lang::OFFERED {
            let tr = Tr::new(lang);
            for id in [
                "cli-usage-invalid-value",
                "cli-usage-invalid-choice",
                "cli-usage-unknown-argument",
                "cli-usage-unknown-command",
                "cli-usage-missing",
                "cli-usage-missing-command",
                "cli-usage-conflict",
                "cli-usage-values",
                "cli-usage-not-utf8",
                "cli-usage-not-understood",
                "cli-usage-did-you-mean",
                "cli-usage-more",
            ] {
                let args = [
                    "arg",
                    "value",
                    "valid",
                    "command",
                    "args",
                    "commands",
                    "prior",
                    "suggested",
                ]
                .map(|name| (name, "x".into()));
                assert!(!tr.args(id, args).starts_with('⚠'), "{id} in {lang:?}");
            }
        }
    }
}
