//! `cruscotto check`: validate a plan, print every diagnostic, exit 1 on errors.

use cruscotto::diagnostic::Severity;
use cruscotto::render::diagnostics as render;

use super::args::{CheckArgs, CheckFormat, Deny};
use super::io::{self, Output};
use super::{EXIT_INPUT_ERRORS, EXIT_OK};

pub(crate) fn run(args: &CheckArgs, output: &Output) -> anyhow::Result<u8> {
    let origin = io::plan_origin(&args.plan)?;
    let (name, diagnostics) = match io::read_plan(&origin)?.1 {
        Ok(source) => (source.name().to_owned(), cruscotto::check_plan(&source).diagnostics),
        Err(diagnostic) => (origin.display(), vec![*diagnostic]),
    };
    let failed = diagnostics.iter().any(|d| d.severity == Severity::Error || args.deny == Some(Deny::Warnings));
    let text = match args.format {
        CheckFormat::Json => render::json(&diagnostics),
        CheckFormat::Github => render::github(&diagnostics),
        CheckFormat::Text if diagnostics.is_empty() && !args.verbose => String::new(),
        CheckFormat::Text => {
            let mut text = render::text(&diagnostics, output.style);
            text.push_str(&render::summary(&name, &diagnostics));
            text.push('\n');
            let only_warnings = !diagnostics.is_empty() && !cruscotto::diagnostic::has_errors(&diagnostics);
            if failed && only_warnings {
                text.push_str("failing because of `--deny warnings`\n");
            }
            text
        }
    };
    output.print(&text)?;
    Ok(if failed { EXIT_INPUT_ERRORS } else { EXIT_OK })
}
