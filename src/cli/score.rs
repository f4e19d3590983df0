//! `cruscotto score`: actual values → attainment tables.

use std::path::PathBuf;

use cruscotto::actuals::Actuals;
use cruscotto::diagnostic::{Diagnostic, has_errors};
use cruscotto::msg;
use cruscotto::number::parse_decimal;
use cruscotto::plan::Plan;
use cruscotto::provenance::{self, Provenance};
use cruscotto::render::score::{self as report, ReportLevel, TableOptions};
use cruscotto::score::Scorecard;

use super::args::{PlanArg, ScoreArgs, ScoreFormat, ScoreLevel};
use super::io::{self, Output};
use super::words::fail;
use super::{EXIT_BELOW_THRESHOLD, EXIT_INPUT_ERRORS, EXIT_OK};

/// Table width when stdout is not a terminal.
const PIPED_TABLE_WIDTH: u16 = 120;

/// The table columns of `--columns`, checked: each one a name of [`report::table_columns`].
fn chosen_columns(columns: Option<&[String]>) -> anyhow::Result<Option<Vec<String>>> {
    let Some(columns) = columns else { return Ok(None) };
    let all = report::table_columns();
    let columns: Vec<String> = columns.iter().map(|c| c.trim().to_owned()).filter(|c| !c.is_empty()).collect();
    if let Some(unknown) = columns.iter().find(|c| !all.contains(&c.as_str())) {
        fail!(msg!("cli-list-unknown-column", column = unknown), msg!("cli-list-columns", columns = all.join(", ")));
    }
    Ok(Some(columns))
}

pub(crate) fn run(args: &ScoreArgs, output: &Output) -> anyhow::Result<u8> {
    let fail_under = match &args.fail_under {
        Some(text) => match parse_decimal(text.trim_end_matches('%')) {
            Ok(threshold) => Some(threshold),
            Err(error) => fail!(msg!("cli-flag-value", flag = "--fail-under").message("reason", error.message())),
        },
        None => None,
    };
    // The results hold everything shown: the actual values (a few vectors, freed at once) are
    // given back once scored ([`Keep::Scored`]), and the output takes the memory they held.
    let Scored { plan, scorecard, provenance, diagnostics, .. } =
        match load_and_score(&args.plan, &args.actuals, args.year, args.strict, Keep::Scored, output)? {
            Ok(scored) => scored,
            Err(code) => return Ok(code),
        };
    let (plan, scorecard) = (io::keep_until_exit(plan), io::keep_until_exit(scorecard));
    let (plan, scorecard, provenance, diagnostics) = (&*plan, &*scorecard, &provenance, &diagnostics);

    let level = match args.level {
        None => ReportLevel::Summary,
        Some(ScoreLevel::Indicator) => ReportLevel::Indicator,
        Some(ScoreLevel::Operational) => ReportLevel::Operational,
        Some(ScoreLevel::Program) => ReportLevel::Program,
        Some(ScoreLevel::Strategic) => ReportLevel::Strategic,
        Some(ScoreLevel::Mission) => ReportLevel::Mission,
        Some(ScoreLevel::Perspective) => ReportLevel::Perspective,
        Some(ScoreLevel::Area) => ReportLevel::Area,
        Some(ScoreLevel::Service) => ReportLevel::Service,
        Some(ScoreLevel::All) => ReportLevel::All,
    };
    let text = match args.format {
        ScoreFormat::Table => {
            let width = args.width.or_else(|| output.terminal_width()).unwrap_or(PIPED_TABLE_WIDTH);
            let lang = output.deliverable_lang(plan);
            let columns = chosen_columns(args.columns.as_deref())?;
            let options = TableOptions {
                level,
                explain: args.explain,
                width,
                style: output.style,
                lang,
                columns: columns.as_deref(),
            };
            // Written as it is drawn: a big table's rows are never all held at once.
            output.stream(|sink| report::table_to(sink, plan, scorecard, options))?;
            None
        }
        ScoreFormat::Csv => Some(report::csv(plan, scorecard, level)),
        ScoreFormat::Json => {
            output.stream(|sink| report::json_to(sink, plan, scorecard, level, provenance))?;
            None
        }
        ScoreFormat::Markdown => Some(report::markdown(plan, scorecard, level, output.deliverable_lang(plan))),
    };
    if let Some(text) = text {
        output.print(&text)?;
    }

    output.findings(diagnostics);
    if has_errors(diagnostics) {
        return Ok(EXIT_INPUT_ERRORS);
    }
    if let Some(threshold) = fail_under {
        match scorecard.body.attainment {
            Some(attainment) if attainment >= threshold => {}
            Some(attainment) => {
                let attainment = report::percent_italian(attainment);
                let threshold = cruscotto::number::format_italian(threshold);
                let message = msg!("cli-below-threshold", attainment = attainment, threshold = threshold);
                output.eprint(&format!("error: {}\n", output.say(&message)));
                return Ok(EXIT_BELOW_THRESHOLD);
            }
            None => {
                // Scored indicators whose weights are all 0 leave the body without a mean too.
                let scored = scorecard.indicators.iter().any(|i| i.status.is_scored());
                let message = if scored { msg!("cli-no-attainment-weights") } else { msg!("cli-no-attainment-scored") };
                output.eprint(&format!("error: {}\n", output.say(&message)));
                return Ok(EXIT_BELOW_THRESHOLD);
            }
        }
    }
    Ok(EXIT_OK)
}

/// A plan scored against its actual values: what `score` and `export` start from.
pub(crate) struct Scored {
    pub(crate) plan: Plan,
    /// The actual values read, of every period given ([`Keep::All`]); `None` for
    /// [`Keep::Scored`], whose values are given back once scored.
    pub(crate) actuals: Option<Actuals>,
    pub(crate) scorecard: Scorecard,
    /// What the results were computed from: files, digests, commit, version.
    pub(crate) provenance: Provenance,
    /// The warnings of the actuals, and the findings of `--strict` or `missing-data = "error"`:
    /// to print after the results.
    pub(crate) diagnostics: Vec<Diagnostic>,
}

/// Which actual values a command keeps once read (every row is read and checked either way).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Keep {
    /// Those of every period: the Relazione draws the years side by side.
    All,
    /// Only those that scoring the period reads ([`cruscotto::score::periods_read`]), given back
    /// once it is scored: for a plan of a hundred thousand indicators with ten years of values,
    /// some 45 MB less, and the findings of `--strict` made in the memory the values held.
    Scored,
}

/// Loads the plan and the actuals and scores `period` (the plan year by default; a semester or
/// quarter for interim monitoring). A plan or actuals with errors are reported on stderr and give
/// the exit code (1); a year outside the horizon or a file that cannot be read is an error
/// (exit 2).
pub(crate) fn load_and_score(
    plan_arg: &PlanArg,
    actuals: &[PathBuf],
    period: Option<cruscotto::period::Period>,
    strict: bool,
    keep: Keep,
    output: &Output,
) -> anyhow::Result<Result<Scored, u8>> {
    score_inputs(plan_arg, actuals, period, strict, keep, true, output)
}

/// [`load_and_score`], asking git for the plan's commit (two processes per plan) only when `git`
/// is true: `score-many` records no provenance in its table of thousands of plans.
pub(crate) fn score_inputs(
    plan_arg: &PlanArg,
    actuals: &[PathBuf],
    period: Option<cruscotto::period::Period>,
    strict: bool,
    keep: Keep,
    git: bool,
    output: &Output,
) -> anyhow::Result<Result<Scored, u8>> {
    let origin = io::plan_origin(plan_arg)?;
    let stdin_readers = usize::from(origin == io::Origin::Stdin)
        + actuals.iter().filter(|path| io::Origin::data(path) == io::Origin::Stdin).count();
    if stdin_readers > 1 {
        fail!(msg!("cli-stdin-twice", sides = "plan-and-actuals"));
    }
    // Git is asked while the files are read: its two processes take tens of milliseconds in a
    // repository, and longer when the plan is big and freshly written.
    let git_state = git.then(|| std::thread::Builder::new().spawn(move || io::git_state(&origin)));
    let io::LoadedPlan { plan, source: plan_source, origin: plan_origin, input: plan_input } =
        match io::load_plan(plan_arg, output)? {
            Ok(loaded) => loaded,
            Err(code) => return Ok(Err(code)),
        };
    // The texts are quoted by the findings of the results only, which most runs cannot have:
    // then they are given back as soon as they have been read (for a plan of a hundred thousand
    // indicators and its million actual values, some 60 MB that scoring takes instead).
    let keep_texts = cruscotto::score::has_findings(&plan, strict);
    let plan_source = keep_texts.then_some(plan_source);
    let year = io::plan_year(&plan, period.map(|p| p.year))?;
    let period = period.unwrap_or(cruscotto::period::Period::year(year));
    let mut sources = Vec::new();
    let mut digests = Vec::new();
    for path in actuals {
        let (sheets, digest) = io::read_actuals(path)?;
        // A digest still to take is of a CSV file's text: the one source the file adds.
        digests.push((digest, sources.len()));
        sources.extend(sheets);
    }
    let digests =
        digests.into_iter().map(|(digest, at)| (digest, sources.get(at).map_or(&[][..], |s| s.text().as_bytes())));
    // The files' digests are taken while their rows are read.
    let (inputs, (actuals, mut diagnostics)) = io::digests_while(digests.collect(), || match keep {
        Keep::All => cruscotto::actuals::read(&plan, &sources),
        Keep::Scored => cruscotto::actuals::read_for(&plan, &sources, &cruscotto::score::periods_read(&plan, period)),
    });
    let provenance = Provenance {
        tool: provenance::tool(),
        plan: plan_input,
        actuals: inputs,
        git: match git_state {
            None => None,
            Some(Ok(thread)) => thread.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            // A thread the system cannot start: git is asked in turn.
            Some(Err(_)) => io::git_state(&plan_origin),
        },
    };
    cruscotto::diagnostic::ignore(&mut diagnostics, &output.ignore);
    if has_errors(&diagnostics) {
        // In the order the files were given and their rows read.
        let names: Vec<&str> = sources.iter().map(|s| s.name()).collect();
        output.report(&names.join(", "), &diagnostics);
        return Ok(Err(EXIT_INPUT_ERRORS));
    }
    let sources = keep_texts.then_some(sources);
    let scorecard = cruscotto::score::score_period(&plan, &actuals, period);
    let actuals = (keep == Keep::All).then_some(actuals);
    if let (Some(plan_source), Some(sources)) = (&plan_source, &sources) {
        let findings = cruscotto::score::findings(&plan, plan_source, sources, &scorecard, strict);
        // Not copied when they are all there is (the findings of a big plan can be tens of MB).
        if diagnostics.is_empty() {
            diagnostics = findings;
        } else {
            diagnostics.extend(findings);
        }
    }
    Ok(Ok(Scored { plan, actuals, scorecard, provenance, diagnostics }))
}
