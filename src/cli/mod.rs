//! The command line: the only code that reads files and the environment, writes to stdout and
//! stderr, and picks exit codes.
//!
//! Exit codes: 0 success; 1 the input has errors (or warnings under `--deny warnings`);
//! 2 usage or I/O error; 3 `score --fail-under` not reached. `score-many` exits 1 when any of
//! its plans could not be scored (the others are in its table).
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod args;
mod check;
mod diff;
mod explain;
mod export;
mod findings;
mod help;
mod history;
mod import;
mod io;
mod list;
mod report;
mod rollover;
mod score;
mod score_many;
mod show;
mod template;
mod tree;
mod words;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};
use cruscotto::i18n::Lang;
use cruscotto::msg;

pub(crate) use args::{Cli, Command};

/// Success.
pub(crate) const EXIT_OK: u8 = 0;
/// The input has errors.
pub(crate) const EXIT_INPUT_ERRORS: u8 = 1;
/// Usage or I/O error.
pub(crate) const EXIT_USAGE: u8 = 2;
/// `score --fail-under`: the body's attainment is below the threshold.
pub(crate) const EXIT_BELOW_THRESHOLD: u8 = 3;

pub(crate) fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The language first: `--help` is written in it.
    let lang = words::resolve(&args);
    // The help is put in the interface's language only when clap shows it (`--help`, a usage
    // error): walking every command's help at each start costs more than checking a small plan.
    let matches = match Cli::command().try_get_matches_from(&args) {
        Ok(matches) => matches,
        Err(_) => {
            help::localized(Cli::command(), lang).try_get_matches_from(&args).unwrap_or_else(|error| error.exit())
        }
    };
    let cli = Cli::from_arg_matches(&matches)
        .unwrap_or_else(|error| error.format(&mut help::localized(Cli::command(), lang)).exit());
    match run(cli, lang) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            if io::is_broken_pipe(&error) {
                return ExitCode::from(EXIT_OK);
            }
            // Not `eprintln!`: it panics when stderr cannot be written (`2>/dev/full`).
            io::write_stderr(&format!("error: {error:#}\n"));
            ExitCode::from(EXIT_USAGE)
        }
    }
}

fn run(cli: Cli, lang: Lang) -> anyhow::Result<u8> {
    let ignored = findings::ignored(&cli.ignore)?;
    let output = io::Output::new(cli.color, lang, cli.lang.map(Into::into), cli.quiet, ignored);
    match cli.command {
        Command::Check(args) => check::run(&args, &output),
        Command::Tree(args) => tree::run(&args, &output),
        Command::List(args) => list::run(&args, &output),
        Command::Score(args) => score::run(&args, &output),
        Command::ScoreMany(args) => score_many::run(&args, &output),
        Command::Template(args) => template::run(&args, &output),
        Command::Export(args) => export::run(&args, &output),
        Command::Report(args) => report::run(&args, &output),
        Command::Diff(args) => diff::run(&args, &output),
        Command::History(args) => history::run(&args, &output),
        Command::Show(args) => show::run(&args, &output),
        Command::Import(args) => import::run(&args, &output),
        Command::Rollover(args) => rollover::run(&args, &output),
        Command::Explain(args) => explain::run(&args, &output),
        Command::Schema => {
            output.print(&cruscotto::schema::plan_schema_text())?;
            Ok(EXIT_OK)
        }
        Command::Completions(args) => {
            let mut script = Vec::new();
            // In English, as the manual pages: a script is installed once for every user.
            clap_complete::generate(
                args.shell,
                &mut help::localized(Cli::command(), Lang::En),
                "cruscotto",
                &mut script,
            );
            output.print(&String::from_utf8_lossy(&script))?;
            Ok(EXIT_OK)
        }
        Command::Man(args) => {
            // Manual pages are in English: they are installed once for every user of a machine.
            let mut command = help::localized(Cli::command(), Lang::En);
            command.build();
            if let Some(name) = &args.command {
                let names: Vec<String> = command.get_subcommands().map(|c| c.get_name().to_owned()).collect();
                let Some(sub) = command.find_subcommand(name) else {
                    words::fail!(
                        msg!("cli-no-command", name = name),
                        msg!("cli-no-command-help", commands = names.join(", "))
                    );
                };
                // `cruscotto-score(1)`, as git and cargo name the pages of their commands.
                command = sub.clone().name(format!("cruscotto-{name}")).version(env!("CARGO_PKG_VERSION"));
            }
            let mut page = Vec::new();
            clap_mangen::Man::new(command).render(&mut page)?;
            output.print(&String::from_utf8_lossy(&page))?;
            Ok(EXIT_OK)
        }
    }
}
