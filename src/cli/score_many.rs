//! `cruscotto score-many`: many plans, each with its actuals, scored on every core into one
//! long table (`render::long`).
//!
//! The plans come from a folder (each `NAME.toml` with the actuals files named after it) or
//! from a list file (CSV with the columns `plan` and `actuals`). Each plan is loaded, checked,
//! read and scored as `score` does it ([`super::score::score_inputs`]); its messages are kept
//! and written to stderr in the plans' order, as are its rows to the table, whatever the order
//! the threads finish in. A plan that fails is reported with its file and left out of the
//! table; the others are scored all the same, and the run exits 1.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use anyhow::Context;
use cruscotto::diagnostic::has_errors;
use cruscotto::msg;
use cruscotto::render::long;

use super::args::{ManyFormat, PlanArg, ScoreManyArgs};
use super::io::{self, Output};
use super::score::{Keep, Scored, score_inputs};
use super::template::has_extension;
use super::words::{Failure, fail};
use super::{EXIT_INPUT_ERRORS, EXIT_OK};

/// The extensions of actuals files: those `score --actuals` reads.
const ACTUALS_EXTENSIONS: &[&str] = &["csv", "tsv", "txt", "xlsx", "xlsm", "xlsb", "xls", "ods"];

/// One body to score: its plan and its actuals files.
#[derive(Debug)]
struct Body {
    /// The plan file as the table names it: relative to the folder or the list file.
    name: String,
    plan: PathBuf,
    actuals: Vec<PathBuf>,
}

/// What scoring one body gave: its rows (none when it failed) and its messages for stderr.
struct Outcome {
    rows: (String, usize),
    messages: String,
    failed: bool,
}

pub(crate) fn run(args: &ScoreManyArgs, output: &Output) -> anyhow::Result<u8> {
    let file = io::output_file(args.output.as_ref());
    io::refuse_to_overwrite(file, args.force)?;
    let bodies = if args.input.is_dir() { in_folder(&args.input, output)? } else { in_list(&args.input)? };
    let jobs = args.jobs.map_or_else(|| std::thread::available_parallelism().map_or(1, usize::from), usize::from);
    let header = match args.format {
        ManyFormat::Csv => long::csv_header(),
        ManyFormat::Jsonl => String::new(),
    };
    let mut failed = Vec::new();
    let mut rows = 0;
    let mut emit = |body: &Body, outcome: Outcome, out: &mut dyn FnMut(&str) -> anyhow::Result<()>| {
        output.eprint(&outcome.messages);
        if outcome.failed {
            failed.push(body.plan.display().to_string());
        }
        rows += outcome.rows.1;
        out(&outcome.rows.0)
    };
    match file {
        Some(path) => io::write_atomically_with(path, args.force, |writer| {
            writer.write_all(header.as_bytes())?;
            score_in_order(&bodies, jobs, args, output, |body, outcome| {
                emit(body, outcome, &mut |text| Ok(writer.write_all(text.as_bytes())?))
            })
        })?,
        None => {
            output.print(&header)?;
            score_in_order(&bodies, jobs, args, output, |body, outcome| {
                emit(body, outcome, &mut |text| output.print(text))
            })?;
        }
    }
    let scored = bodies.len() - failed.len();
    output.note_line(
        "",
        &msg!("cli-many-scored").count("scored", scored).count("plans", bodies.len()).count("rows", rows),
    );
    if failed.is_empty() {
        return Ok(EXIT_OK);
    }
    let message = msg!("cli-many-failed", plans = failed.join(", ")).count("count", failed.len());
    output.eprint(&format!("error: {}\n", output.say(&message)));
    Ok(EXIT_INPUT_ERRORS)
}

/// Scores `bodies` on `jobs` threads, handing each outcome to `each` in the bodies' order (a
/// body finished early waits for those before it). An error of `each` (the output cannot be
/// written) stops the run.
fn score_in_order(
    bodies: &[Body],
    jobs: usize,
    args: &ScoreManyArgs,
    output: &Output,
    mut each: impl FnMut(&Body, Outcome) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::channel();
    std::thread::scope(|scope| {
        for _ in 0..jobs.min(bodies.len()) {
            let sender = sender.clone();
            let next = &next;
            scope.spawn(move || {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(body) = bodies.get(index) else { break };
                    // The receiver is gone only when writing failed: nothing left to do.
                    if sender.send((index, score_body(body, args, output))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        let mut waiting = BTreeMap::new();
        let mut due = 0;
        for (index, outcome) in receiver {
            waiting.insert(index, outcome);
            while let Some(outcome) = waiting.remove(&due) {
                let result = each(&bodies[due], outcome);
                if result.is_err() {
                    // Stops the threads at their next plan.
                    next.store(bodies.len(), Ordering::Relaxed);
                    return result;
                }
                due += 1;
            }
        }
        Ok(())
    })
}

/// Scores one body as `score` does, its messages kept for the caller to print in order.
fn score_body(body: &Body, args: &ScoreManyArgs, output: &Output) -> Outcome {
    let kept = output.capturing();
    let result = score_rows(body, args, &kept);
    let mut messages = kept.take_captured();
    let (rows, failed) = match result {
        Ok(Ok(rows)) => (rows, false),
        Ok(Err(_)) => (Default::default(), true),
        Err(error) => {
            // As `main` writes an error that ends `score`, naming the plan it is about.
            messages.push_str(&format!("error: {}: {error:#}\n", body.plan.display()));
            (Default::default(), true)
        }
    };
    Outcome { rows, messages, failed }
}

/// One body's rows; `Err` when it could not be scored, or its findings are errors (an expected
/// value missing under `missing-data = "error"`): then its rows are not in the table.
fn score_rows(body: &Body, args: &ScoreManyArgs, output: &Output) -> anyhow::Result<Result<(String, usize), u8>> {
    if body.actuals.is_empty() {
        fail!(msg!("cli-many-no-actuals"), msg!("cli-many-no-actuals-help"));
    }
    let plan = PlanArg { plan: Some(body.plan.clone()) };
    let period = args.year.map(cruscotto::period::Period::year);
    let Scored { plan, scorecard, diagnostics, .. } =
        match score_inputs(&plan, &body.actuals, period, false, Keep::Scored, false, output)? {
            Ok(scored) => scored,
            Err(code) => return Ok(Err(code)),
        };
    output.findings(&diagnostics);
    if has_errors(&diagnostics) {
        return Ok(Err(EXIT_INPUT_ERRORS));
    }
    Ok(Ok(match args.format {
        ManyFormat::Csv => long::csv(&body.name, &plan, &scorecard),
        ManyFormat::Jsonl => long::json_lines(&body.name, &plan, &scorecard),
    }))
}

/// The bodies of a folder: each `NAME.toml` with the actuals files named after it (`NAME.csv`,
/// `NAME-*.csv`, `NAME_*.csv`, or any name after `NAME.`, in the folder; every actuals file of
/// a folder `NAME/` beside it), in the order of the plans' names. A file that could belong to
/// two plans (`comune-2024-consuntivi.csv` beside `comune.toml` and `comune-2024.toml`) is the
/// longer name's; one that belongs to none is left out with a note.
fn in_folder(folder: &Path, output: &Output) -> anyhow::Result<Vec<Body>> {
    let name = folder.display().to_string();
    let entries = read_folder(folder)?;
    let stems: Vec<String> = entries
        .iter()
        .filter(|path| path.is_file() && has_extension(path, &["toml"]))
        .filter_map(|path| path.file_stem().map(|stem| stem.to_string_lossy().into_owned()))
        .collect();
    if stems.is_empty() {
        fail!(msg!("cli-many-no-plans", folder = &name), msg!("cli-many-no-plans-help"));
    }
    let mut bodies: BTreeMap<String, Body> = stems
        .iter()
        .map(|stem| {
            let plan = folder.join(format!("{stem}.toml"));
            (stem.clone(), Body { name: format!("{stem}.toml"), plan, actuals: Vec::new() })
        })
        .collect();
    for path in &entries {
        let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if path.is_dir() {
            if let Some(body) = bodies.get_mut(&file) {
                body.actuals.extend(read_folder(path)?.into_iter().filter(|p| is_actuals(p)));
            }
            continue;
        }
        if !is_actuals(path) {
            continue;
        }
        let owner = stems.iter().filter(|stem| belongs(&file, stem)).max_by_key(|stem| stem.len());
        match owner.and_then(|stem| bodies.get_mut(stem)) {
            Some(body) => body.actuals.push(path.clone()),
            None => output.note_line("note: ", &msg!("cli-many-unmatched", file = path.display())),
        }
    }
    let mut bodies: Vec<Body> = bodies.into_values().collect();
    bodies.sort_by(|a, b| a.plan.cmp(&b.plan));
    Ok(bodies)
}

/// Whether the file named `file` is an actuals file of the plan `stem`: `stem` followed by
/// `.`, `-` or `_`.
fn belongs(file: &str, stem: &str) -> bool {
    file.strip_prefix(stem).and_then(|rest| rest.chars().next()).is_some_and(|c| matches!(c, '.' | '-' | '_'))
}

fn is_actuals(path: &Path) -> bool {
    path.is_file() && has_extension(path, ACTUALS_EXTENSIONS)
}

/// The entries of `folder`, sorted by name (the order the file system gives is its own).
fn read_folder(folder: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let name = folder.display().to_string();
    let mut entries = std::fs::read_dir(folder)
        .and_then(|entries| entries.map(|entry| entry.map(|e| e.path())).collect::<std::io::Result<Vec<_>>>())
        .with_context(|| io::cannot_read(&name))?;
    entries.sort();
    Ok(entries)
}

/// The bodies of a list file: a CSV file with the columns `plan` and `actuals` (others are
/// ignored), one row per actuals file, a plan with several files on several rows; paths are
/// relative to the list file's folder. Sorted by the plan's path.
fn in_list(list: &Path) -> anyhow::Result<Vec<Body>> {
    let name = list.display().to_string();
    let bytes = io::read_bytes(list, "list", 64 * 1024 * 1024)?;
    let folder = list.parent().unwrap_or(Path::new(""));
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes.as_slice());
    let headers = reader.headers().with_context(|| io::cannot_read(&name))?.clone();
    let column = |wanted: &str| headers.iter().position(|h| h.trim().trim_start_matches('\u{feff}') == wanted);
    let (Some(plan_column), Some(actuals_column)) = (column("plan"), column("actuals")) else {
        fail!(msg!("cli-many-list-columns", file = &name), msg!("cli-many-list-columns-help"));
    };
    let mut bodies: BTreeMap<PathBuf, Body> = BTreeMap::new();
    for record in reader.records() {
        let record = record.with_context(|| io::cannot_read(&name))?;
        let line = record.position().map_or(0, csv::Position::line);
        let plan = record.get(plan_column).map(str::trim).unwrap_or_default();
        if plan.is_empty() {
            return Err(Failure::new(msg!("cli-many-list-no-plan", file = &name, line = line)).into());
        }
        let path = folder.join(plan);
        let body = bodies.entry(path.clone()).or_insert_with(|| Body {
            name: plan.to_owned(),
            plan: path,
            actuals: Vec::new(),
        });
        match record.get(actuals_column).map(str::trim) {
            Some(actuals) if !actuals.is_empty() => body.actuals.push(folder.join(actuals)),
            _ => {}
        }
    }
    if bodies.is_empty() {
        fail!(msg!("cli-many-no-plans", folder = &name), msg!("cli-many-no-plans-help"));
    }
    Ok(bodies.into_values().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_actuals_file_belongs_to_the_plan_its_name_starts_with() {
        assert!(belongs("comune-2024-consuntivi.csv", "comune-2024"));
        assert!(belongs("comune-2024.csv", "comune-2024"));
        assert!(belongs("comune-2024_q1.xlsx", "comune-2024"));
        assert!(!belongs("comune-20245.csv", "comune-2024"));
        assert!(!belongs("altro.csv", "comune-2024"));
    }

    #[test]
    fn in_a_folder_each_file_goes_to_the_longest_plan_name_it_starts_with() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path();
        for file in ["comune.toml", "comune-2024.toml", "comune-2024-consuntivi.csv", "comune.csv", "altro.csv"] {
            std::fs::write(folder.join(file), "").unwrap();
        }
        std::fs::create_dir(folder.join("comune")).unwrap();
        std::fs::write(folder.join("comune").join("2023.xlsx"), "").unwrap();
        let output = Output::new(super::super::args::ColorChoice::Never, cruscotto::i18n::Lang::En, None, true, vec![]);
        let bodies = in_folder(folder, &output).unwrap();
        let found: Vec<(&str, Vec<PathBuf>)> = bodies
            .iter()
            .map(|b| {
                (b.name.as_str(), b.actuals.iter().map(|p| p.strip_prefix(folder).unwrap().to_path_buf()).collect())
            })
            .collect();
        let expected = vec![
            ("comune-2024.toml", vec![PathBuf::from("comune-2024-consuntivi.csv")]),
            ("comune.toml", vec![Path::new("comune").join("2023.xlsx"), PathBuf::from("comune.csv")]),
        ];
        assert_eq!(found, expected);
    }
}
