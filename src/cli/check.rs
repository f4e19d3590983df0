//! `cruscotto check`: validate a plan, print every diagnostic, exit 1 on errors (and on the
//! warnings `--deny` names); accepted findings are counted, and listed with `--verbose`.

use cruscotto::diagnostic::{self, Diagnostic, Severity};
use cruscotto::msg;
use cruscotto::render::diagnostics as render;

use super::args::{CheckArgs, CheckFormat};
use super::findings::Deny;
use super::io::{self, Output};
use super::{EXIT_INPUT_ERRORS, EXIT_OK};

pub(crate) fn run(args: &CheckArgs, output: &Output) -> anyhow::Result<u8> {
    let deny = Deny::parse(&args.deny, &output.ignore)?;
    let origin = io::plan_origin(&args.plan)?;
    // A plan file is read a piece at a time, its text not held; any other plan is read whole.
    let (name, mut diagnostics) = match io::check_streamed(&origin)? {
        Some(cruscotto::Checked { plan, diagnostics }) => {
            let _plan = io::keep_until_exit(plan);
            (origin.display(), diagnostics)
        }
        None => match io::read_plan(&origin)?.1 {
            Ok(source) => {
                let cruscotto::Checked { plan, diagnostics } = cruscotto::check_plan(&source);
                let _plan = io::keep_until_exit(plan);
                (source.name().to_owned(), diagnostics)
            }
            Err(diagnostic) => (origin.display(), vec![*diagnostic]),
        },
    };
    diagnostic::ignore(&mut diagnostics, &output.ignore);
    let failing: Vec<&Diagnostic> = diagnostics.iter().filter(|d| deny.fails(d)).collect();
    let lang = output.interface_lang;
    let text = match args.format {
        CheckFormat::Json => render::json(&diagnostics, lang),
        CheckFormat::Github => render::github(&diagnostics, lang),
        CheckFormat::Text => {
            let shown = diagnostics.iter().filter(|d| args.verbose || d.accepted.is_none());
            let mut text = render::text(shown, output.style, lang);
            if !output.quiet && (args.verbose || !diagnostics.is_empty()) {
                text.push_str(&render::summary(&name, &diagnostics, lang));
                text.push('\n');
            }
            if !failing.is_empty() && failing.iter().all(|d| d.severity == Severity::Warning) {
                let reason = msg!("cli-failing-because").list("denied", deny.describe(&failing));
                text.push_str(&format!("{}\n", output.say(&reason)));
            }
            text
        }
    };
    output.print(&text)?;
    Ok(if failing.is_empty() { EXIT_OK } else { EXIT_INPUT_ERRORS })
}
