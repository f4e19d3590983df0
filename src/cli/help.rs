//! `--help` in the interface's language.
//!
//! The help of every command and argument is a message of the catalogue (`help.ftl`), found by
//! the command's path and the argument's id: `about-score` is what `score` does, `arg-score-year`
//! the help of its `--year`, `arg-plan` that of an argument many commands share (the specific
//! entry wins). At start the clap command tree is walked and each text set in the language of
//! the interface; a test checks that every command and argument has its entries in both
//! languages and that no entry is left over. clap's own words (`Usage`, `Options`, `[default:
//! ...]`) stay as clap writes them.

use clap::Command;
use cruscotto::i18n::{self, Lang};

/// `command` with the help of its commands and arguments in `lang`.
pub(crate) fn localized(command: Command, lang: Lang) -> Command {
    localize(command, &[], lang)
}

fn localize(mut command: Command, path: &[String], lang: Lang) -> Command {
    let key = command_key(path);
    if let Some(about) = i18n::lookup(lang, &format!("about-{key}")) {
        command = command.about(about);
    }
    if let Some(after) = i18n::lookup(lang, &format!("after-help-{key}")) {
        command = command.after_help(after);
    }
    let ids: Vec<String> = command.get_arguments().map(|arg| arg.get_id().to_string()).collect();
    for id in ids {
        if let Some(help) = arg_keys(path, &id).iter().find_map(|key| i18n::lookup(lang, key)) {
            command = command.mut_arg(id, |arg| arg.help(help));
        }
    }
    let names: Vec<String> = command.get_subcommands().map(|sub| sub.get_name().to_owned()).collect();
    for name in names {
        let child: Vec<String> = path.iter().cloned().chain(std::iter::once(name.clone())).collect();
        command = command.mut_subcommand(name, |sub| localize(sub, &child, lang));
    }
    command
}

/// `cruscotto` for the program itself, `score` for `cruscotto score`.
fn command_key(path: &[String]) -> String {
    if path.is_empty() { "cruscotto".to_owned() } else { path.join("-") }
}

/// The catalogue ids an argument's help may have, the specific one first: `arg-score-fail-under`,
/// then `arg-fail-under` (arguments of the program itself have only the second).
fn arg_keys(path: &[String], id: &str) -> Vec<String> {
    let id = id.replace('_', "-");
    let mut keys = Vec::new();
    if !path.is_empty() {
        keys.push(format!("arg-{}-{id}", command_key(path)));
    }
    keys.push(format!("arg-{id}"));
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every (command path, argument id) of the command line, before clap adds `--help` and
    /// `--version`.
    fn walk(command: &Command, path: &[String], out: &mut Vec<(Vec<String>, Option<String>)>) {
        out.push((path.to_vec(), None));
        for arg in command.get_arguments() {
            out.push((path.to_vec(), Some(arg.get_id().to_string())));
        }
        for sub in command.get_subcommands() {
            let child: Vec<String> = path.iter().cloned().chain(std::iter::once(sub.get_name().to_owned())).collect();
            walk(sub, &child, out);
        }
    }

    #[test]
    fn every_command_and_argument_has_its_help_in_both_languages_and_no_entry_is_left_over() {
        let mut entries = Vec::new();
        walk(&crate::cli::Cli::command(), &[], &mut entries);
        let mut used = std::collections::BTreeSet::new();
        let mut missing = Vec::new();
        for (path, arg) in &entries {
            let keys = match arg {
                None => vec![format!("about-{}", command_key(path))],
                Some(id) => arg_keys(path, id),
            };
            for lang in Lang::ALL {
                match keys.iter().find(|key| i18n::lookup(lang, key).is_some()) {
                    Some(key) => {
                        used.insert(key.clone());
                    }
                    None => missing.push(format!("{lang}: {}", keys.join(" or "))),
                }
            }
        }
        used.insert("after-help-cruscotto".to_owned());
        assert!(missing.is_empty(), "help missing from the catalogue: {missing:#?}");
        for lang in Lang::ALL {
            let left_over: Vec<String> = i18n::catalogue_ids(lang)
                .into_iter()
                .map(|(id, _)| id)
                .filter(|id| ["about-", "arg-", "after-help-"].iter().any(|prefix| id.starts_with(prefix)))
                .filter(|id| !used.contains(id))
                .collect();
            assert!(left_over.is_empty(), "{lang}: help entries of no command or argument: {left_over:?}");
        }
    }

    #[test]
    fn the_help_is_written_in_the_language_asked_for() {
        let render = |lang| {
            let mut command = localized(crate::cli::Cli::command(), lang);
            command.find_subcommand_mut("score").expect("score exists").render_help().to_string()
        };
        let (italian, english) = (render(Lang::It), render(Lang::En));
        assert!(english.contains("Score the plan against the year's actual values"), "{english}");
        assert!(italian.contains("valori a consuntivo"), "{italian}");
        assert_ne!(italian, english);
    }
}
