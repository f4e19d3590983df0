//! `--ignore CODE` and `--deny WHAT`: which findings a run accepts, and which fail it.

use anyhow::bail;
use cruscotto::diagnostic::{Code, Diagnostic, Severity, did_you_mean};

/// The codes named by `--ignore`: warnings only (an error cannot be accepted).
pub(crate) fn ignored(names: &[String]) -> anyhow::Result<Vec<Code>> {
    names
        .iter()
        .map(|name| {
            let code = code(name, "--ignore")?;
            if code.severity() == Severity::Error {
                bail!("--ignore {code}: `{code}` is an error, and errors cannot be accepted");
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
                bail!("--deny {code}: `{code}` is an error, and errors always fail");
            }
            if ignored.contains(&code) {
                bail!("`{code}` is given to both --ignore and --deny");
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

    /// `--deny warnings` or `--deny CODE, ...`, as the reason a check of warnings fails.
    pub(crate) fn describe(&self, failing: &[&Diagnostic]) -> String {
        if self.warnings {
            return "`--deny warnings`".to_owned();
        }
        let mut codes: Vec<Code> = failing.iter().map(|d| d.code).collect();
        codes.sort_unstable();
        codes.dedup();
        codes.iter().map(|code| format!("`--deny {code}`")).collect::<Vec<_>>().join(", ")
    }
}

/// A code by its name, or a usage error with the closest name.
pub(crate) fn code(name: &str, flag: &str) -> anyhow::Result<Code> {
    if let Some(code) = Code::from_name(name.trim()) {
        return Ok(code);
    }
    let help = match did_you_mean(name, Code::NAMES.iter().copied()) {
        Some(suggestion) => format!("did you mean `{suggestion}`?"),
        None => "`cruscotto explain` lists the codes".to_owned(),
    };
    bail!("{flag} {name}: not a diagnostic code\nhelp: {help}")
}
