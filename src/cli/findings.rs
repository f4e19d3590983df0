//! `--ignore CODE` and `--deny WHAT`: which findings a run accepts, and which fail it.

use cruscotto::diagnostic::{Code, Diagnostic, Severity, did_you_mean};
use cruscotto::i18n::Message;
use cruscotto::msg;

use super::words::fail;

/// The codes named by `--ignore`: warnings only (an error cannot be accepted).
pub(crate) fn ignored(names: &[String]) -> anyhow::Result<Vec<Code>> {
    names
        .iter()
        .map(|name| {
            let code = code(name, "--ignore")?;
            if code.severity() == Severity::Error {
                fail!(msg!("cli-ignore-error", code = code));
            }
            Ok(code)
        })
        .collect()
}

/// What `--deny` makes fail besides errors.
#[derive(Debug, Default)]
pub(crate) struct Deny {
    /// `--deny warnings`: every warning.
    pub(crate) warnings: bool,
    /// `--deny CODE`: that code's warnings.
    pub(crate) codes: Vec<Code>,
}

impl Deny {
    /// Reads `--deny` values, refusing a code also given to `--ignore`.
    pub(crate) fn parse(values: &[String], ignored: &[Code]) -> anyhow::Result<Self> {
        let mut deny = Deny::default();
        for value in values {
            if value == "warnings" {
                deny.warnings = true;
                continue;
            }
            let code = code(value, "--deny")?;
            if code.severity() == Severity::Error {
                fail!(msg!("cli-deny-error", code = code));
            }
            if ignored.contains(&code) {
                fail!(msg!("cli-ignore-and-deny", code = code));
            }
            deny.codes.push(code);
        }
        Ok(deny)
    }

    /// Whether `diagnostic` fails the run: an error, or a warning denied; never an accepted one.
    pub(crate) fn fails(&self, diagnostic: &Diagnostic) -> bool {
        diagnostic.accepted.is_none()
            && (diagnostic.severity == Severity::Error || self.warnings || self.codes.contains(&diagnostic.code))
    }

    /// `--deny warnings` or `--deny CODE`, ..., as the reason a check of warnings fails.
    pub(crate) fn describe(&self, failing: &[&Diagnostic]) -> Vec<Message> {
        if self.warnings {
            return vec![msg!("cli-deny-flag", what = "warnings")];
        }
        let mut codes: Vec<Code> = failing.iter().map(|d| d.code).collect();
        codes.sort_unstable();
        codes.dedup();
        codes.iter().map(|code| msg!("cli-deny-flag", what = code)).collect()
    }
}

/// A code by its name, or a usage error with the closest name.
pub(crate) fn code(name: &str, flag: &str) -> anyhow::Result<Code> {
    if let Some(code) = Code::from_name(name.trim()) {
        return Ok(code);
    }
    let help = match did_you_mean(name, Code::NAMES.iter().copied()) {
        Some(suggestion) => msg!("did-you-mean", suggestion = suggestion),
        None => msg!("explain-lists-codes"),
    };
    fail!(msg!("cli-not-a-code", flag = flag, name = cruscotto::render::style::visible(name)), help)
}
