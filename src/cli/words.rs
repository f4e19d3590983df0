//! The interface's language, and errors that are messages of the catalogue.
//!
//! The language is resolved once, before the command line is parsed (so that `--help` speaks
//! it): `--lang`, then `CRUSCOTTO_LANG`, then the locale. Errors are [`Failure`]s, a message
//! and a help line rendered in that language when printed; the words `error:` and `help:` that
//! introduce them stay English in every language, the grammar of the output that scripts and
//! CI annotations match (as rustc's `error[E0308]`).

use std::ffi::OsString;
use std::fmt;
use std::sync::OnceLock;

use cruscotto::i18n::{Lang, Message};

/// The interface's language of this run, set once by [`resolve`].
static INTERFACE: OnceLock<Lang> = OnceLock::new();

/// Resolves the interface's language from the raw arguments and the environment, and keeps it
/// for the run.
pub(crate) fn resolve(args: &[OsString]) -> Lang {
    let lang = interface_lang(lang_flag(args));
    *INTERFACE.get_or_init(|| lang)
}

/// The interface's language of this run (English before [`resolve`], as in unit tests).
pub(crate) fn lang() -> Lang {
    INTERFACE.get().copied().unwrap_or(Lang::En)
}

/// `message` in the interface's language.
pub(crate) fn say(message: &Message) -> String {
    message.render(lang())
}

/// The language of the interface: `--lang`, then `CRUSCOTTO_LANG`, then the locale (the first
/// of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set, as POSIX reads them); English when none
/// names a language of the catalogue.
fn interface_lang(flag: Option<Lang>) -> Lang {
    let var = |name: &str| std::env::var(name).ok().filter(|value| !value.is_empty());
    flag.or_else(|| var("CRUSCOTTO_LANG").and_then(|code| Lang::from_code(&code)))
        .or_else(|| {
            ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().find_map(var).and_then(|locale| Lang::from_locale(&locale))
        })
        .unwrap_or(Lang::En)
}

/// The value of `--lang LANG` or `--lang=LANG` among the raw arguments (before `--`), read
/// before clap parses them; a value that is not a language is left for clap to refuse.
fn lang_flag(args: &[OsString]) -> Option<Lang> {
    let mut args = args.iter().skip(1).map(|arg| arg.to_str().unwrap_or_default());
    let mut found = None;
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        let value = match arg.strip_prefix("--lang") {
            Some("") => args.next(),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        // The last one wins, as for clap.
        found = value.and_then(Lang::from_code).or(found);
    }
    found
}

/// An error of the command line: a message of the catalogue and, when it helps, how to fix
/// it, both shown in the interface's language.
#[derive(Debug)]
pub(crate) struct Failure {
    message: Message,
    help: Option<Message>,
}

impl Failure {
    /// The error `message`.
    pub(crate) fn new(message: Message) -> Self {
        Self { message, help: None }
    }

    /// Adds the help line.
    #[must_use]
    pub(crate) fn help(mut self, help: Message) -> Self {
        self.help = Some(help);
        self
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&say(&self.message))?;
        match &self.help {
            Some(help) => write!(f, "\nhelp: {}", say(help)),
            None => Ok(()),
        }
    }
}

impl std::error::Error for Failure {}

/// Returns a [`Failure`] from the function: `fail!(message)` or `fail!(message, help)`.
macro_rules! fail {
    ($message:expr) => {
        return Err($crate::cli::words::Failure::new($message).into())
    };
    ($message:expr, $help:expr) => {
        return Err($crate::cli::words::Failure::new($message).help($help).into())
    };
}
pub(crate) use fail;

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        std::iter::once("cruscotto").chain(list.iter().copied()).map(OsString::from).collect()
    }

    #[test]
    fn the_lang_flag_is_read_before_parsing_wherever_it_is() {
        assert_eq!(lang_flag(&args(&["--lang", "it", "check"])), Some(Lang::It));
        assert_eq!(lang_flag(&args(&["check", "--lang=en", "p.toml"])), Some(Lang::En));
        assert_eq!(lang_flag(&args(&["--lang", "it", "--lang", "en"])), Some(Lang::En));
        assert_eq!(lang_flag(&args(&["check", "--", "--lang", "it"])), None);
        assert_eq!(lang_flag(&args(&["--lang", "de"])), None);
        assert_eq!(lang_flag(&args(&["--language", "it"])), None);
    }
}
