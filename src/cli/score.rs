//! `cruscotto score`: actual values → attainment tables.

use anyhow::bail;
use cruscotto::diagnostic::has_errors;
use cruscotto::number::parse_decimal;
use cruscotto::render::diagnostics as render_diagnostics;
use cruscotto::render::score::{self as report, ReportLevel};

use super::args::{ScoreArgs, ScoreFormat, ScoreLevel};
use super::io::{self, Output};
use super::{EXIT_BELOW_THRESHOLD, EXIT_INPUT_ERRORS, EXIT_OK};

/// Table width when stdout is not a terminal.
const PIPED_TABLE_WIDTH: u16 = 120;

pub(crate) fn run(args: &ScoreArgs, output: &Output) -> anyhow::Result<u8> {
    let fail_under = match &args.fail_under {
        Some(text) => match parse_decimal(text.trim_end_matches('%')) {
            Ok(threshold) => Some(threshold),
            Err(error) => bail!("--fail-under: {error}"),
        },
        None => None,
    };
    let (plan, plan_source) = match io::load_valid_plan_with_source(&args.plan, output)? {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    let year = args.year.unwrap_or(plan.metadata.year);
    if !plan.metadata.horizon().contains(&year) {
        bail!("--year {year} is outside the plan's horizon {}–{}", plan.metadata.first_year, plan.metadata.last_year);
    }
    let sources = args.actuals.iter().map(|path| io::read_actuals(path)).collect::<anyhow::Result<Vec<_>>>()?;
    let (actuals, mut diagnostics) = cruscotto::actuals::read(&plan, &sources);
    if has_errors(&diagnostics) {
        // In the order the files were given and their rows read.
        let mut text = render_diagnostics::text(&diagnostics, output.stderr_style);
        let names: Vec<&str> = sources.iter().map(|s| s.name()).collect();
        text.push_str(&render_diagnostics::summary(&names.join(", "), &diagnostics));
        text.push('\n');
        output.eprint(&text);
        return Ok(EXIT_INPUT_ERRORS);
    }
    let scorecard = cruscotto::score::score(&plan, &actuals, year);
    diagnostics.extend(cruscotto::score::findings(&plan, &plan_source, &sources, &scorecard, args.strict));

    let level = match args.level {
        None => ReportLevel::Summary,
        Some(ScoreLevel::Indicator) => ReportLevel::Indicator,
        Some(ScoreLevel::Operational) => ReportLevel::Operational,
        Some(ScoreLevel::Program) => ReportLevel::Program,
        Some(ScoreLevel::Strategic) => ReportLevel::Strategic,
        Some(ScoreLevel::Mission) => ReportLevel::Mission,
        Some(ScoreLevel::Area) => ReportLevel::Area,
        Some(ScoreLevel::Service) => ReportLevel::Service,
        Some(ScoreLevel::All) => ReportLevel::All,
    };
    let text = match args.format {
        ScoreFormat::Table => {
            let width = args.width.or_else(|| output.terminal_width()).unwrap_or(PIPED_TABLE_WIDTH);
            report::table(&plan, &scorecard, level, args.explain, width, output.style)
        }
        ScoreFormat::Csv => report::csv(&plan, &scorecard, level),
        ScoreFormat::Json => report::json(&plan, &scorecard, level),
        ScoreFormat::Markdown => report::markdown(&plan, &scorecard, level),
    };
    output.print(&text)?;

    if !diagnostics.is_empty() {
        output.eprint(&render_diagnostics::text(&diagnostics, output.stderr_style));
    }
    if has_errors(&diagnostics) {
        return Ok(EXIT_INPUT_ERRORS);
    }
    if let Some(threshold) = fail_under {
        match scorecard.body.attainment {
            Some(attainment) if attainment >= threshold => {}
            Some(attainment) => {
                output.eprint(&format!(
                    "error: the body's attainment {}% is below --fail-under {}%\n",
                    report::percent_italian(attainment),
                    cruscotto::number::format_italian(threshold)
                ));
                return Ok(EXIT_BELOW_THRESHOLD);
            }
            None => {
                output.eprint(
                    "error: no indicator was scored, so the body has no attainment to compare with --fail-under\n",
                );
                return Ok(EXIT_BELOW_THRESHOLD);
            }
        }
    }
    Ok(EXIT_OK)
}
