//! The properties the fuzz targets check, one function per target, shared by the fuzz targets
//! (`fuzz/fuzz_targets/`, nightly, cargo-fuzz) and by the integration test that replays the
//! committed seeds and regressions on stable (`tests/integration/fuzz_replay.rs`).
//!
//! Each function takes any bytes and panics only when a property fails: a command would have
//! panicked, or returned something it promises never to return.

#![allow(dead_code)] // each fuzz target uses one of these functions

use std::sync::LazyLock;

use cruscotto::diagnostic::{Diagnostic, has_errors};
use cruscotto::i18n::Lang;
use cruscotto::plan::{Level, Plan};
use cruscotto::render::score::ReportLevel;
use cruscotto::render::style::Style;
use cruscotto::source::SourceFile;
use cruscotto::target::Target;

/// A property: panics on the bytes that break it.
pub(crate) type Property = fn(&[u8]);

/// Every target: its name (a folder under `fuzz/seeds/` and `fuzz/regressions/`) and its check.
pub(crate) const TARGETS: &[(&str, Property)] = &[
    ("target_notation", target_notation),
    ("check_plan", check_plan),
    ("plan_roundtrip", plan_roundtrip),
    ("actuals_score", actuals_score),
    ("import_source", import_source),
];

/// The target notation: whatever parses prints a canonical form that parses back equal.
pub(crate) fn target_notation(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(target) = Target::parse(text) {
        let printed = target.to_string();
        assert_eq!(Target::parse(&printed), Ok(target.clone()), "{text:?} is printed as {printed:?}");
        assert_eq!(Target::parse(&printed).map(|t| t.to_string()), Ok(printed.clone()), "{text:?}");
    }
}

/// Plan bytes → `check`: no panic, a plan only without errors (and errors when there is none),
/// the file read as it reads whole with `toml`'s parser, and every diagnostic renderer and plan
/// view runs on the result.
pub(crate) fn check_plan(data: &[u8]) {
    let Some((source, checked)) = checked(data) else { return };
    read_as_whole(&source);
    render_diagnostics(&checked.diagnostics);
    let Some(plan) = checked.plan else { return };
    let _ = cruscotto::render::tree::render(
        &plan,
        cruscotto::render::tree::TreeOptions {
            depth: Level::Indicator,
            width: Some(80),
            style: Style::PLAIN,
            lang: Lang::It,
        },
    );
    let rows = cruscotto::render::list::rows(&plan);
    let columns = cruscotto::render::list::header(&plan);
    let _ = cruscotto::render::list::csv(&rows, &columns);
    let people = cruscotto::render::list::rows_for_people(&plan, Lang::It);
    let columns = cruscotto::render::list::default_table_columns(&plan);
    let table = cruscotto::render::list::table(&people, &columns, 100, Lang::It, plan.metadata.year, false);
    assert_fits(&table, 100);
    let _ = cruscotto::render::list::json(rows);
    let history = cruscotto::history::history(&plan);
    let _ = cruscotto::render::history::text(&plan, &history, Style::PLAIN, Lang::It);
    let _ = cruscotto::render::history::markdown(&plan, &history, Lang::It);
    let _ = cruscotto::render::history::json(&plan, &history);
    drop(source);
}

/// Plan → written TOML (`show --format toml`) → loads without errors and equal to the plan.
pub(crate) fn plan_roundtrip(data: &[u8]) {
    let Some((_, checked)) = checked(data) else { return };
    let Some(plan) = checked.plan else { return };
    let written = cruscotto::render::plan::toml(&plan, "written back");
    let again = cruscotto::check_plan(&SourceFile::new("written.toml", written.clone()));
    let Some(again) = again.plan else {
        let errors: Vec<&Diagnostic> =
            again.diagnostics.iter().filter(|d| has_errors(std::slice::from_ref(d))).collect();
        panic!("the written plan does not load: {errors:#?}\n{written}");
    };
    let diff = cruscotto::diff::diff(&plan, &again);
    assert!(diff.is_empty(), "the written plan differs: {diff:#?}\n{written}");
}

/// The plans actuals are read against: the shipped plan and the scoring fixture (one
/// indicator per kind of target).
static PLANS: LazyLock<[Plan; 2]> = LazyLock::new(|| {
    let load = |name: &str, text: &str| cruscotto::check_plan(&SourceFile::new(name, text)).plan.expect("a valid plan");
    [
        load("seed.toml", include_str!("../plans/maremma-tirreno-2019.toml")),
        load("score.toml", include_str!("../tests/fixtures/score/plan.toml")),
    ]
});

/// Actuals bytes (CSV text or a workbook) → read → score → every renderer and export. The first
/// byte chooses what is done with them, so that each run stays fast and the fuzzer still
/// reaches every combination: bit 0 the plan, bit 1 whether the export workbook (the slowest
/// step) is written too, bit 2 the year (the plan year or the first of the horizon), bits 3-7
/// the report level.
pub(crate) fn actuals_score(data: &[u8]) {
    const LEVELS: [ReportLevel; 5] = [
        ReportLevel::Summary,
        ReportLevel::Indicator,
        ReportLevel::Operational,
        ReportLevel::Program,
        ReportLevel::Strategic,
    ];
    let Some((&choice, data)) = data.split_first() else { return };
    let plan = &PLANS[usize::from(choice & 1)];
    let sources = match cruscotto::actuals::workbook::kind("fuzz", data) {
        Some(kind) => match cruscotto::actuals::workbook::sheets("fuzz", data, kind) {
            Ok(sources) => sources,
            Err(_) => return,
        },
        None => vec![SourceFile::new("fuzz.csv", cruscotto::actuals::encoding::decode(data.to_vec()).0)],
    };
    let (actuals, diagnostics) = cruscotto::actuals::read(plan, &sources);
    render_diagnostics(&diagnostics);
    let year = if choice & 4 == 0 { plan.metadata.year } else { plan.metadata.first_year };
    let scorecard = cruscotto::score::score(plan, &actuals, year);
    // Keeping only the values scoring reads changes no finding and no result.
    let periods = cruscotto::score::periods_read(plan, cruscotto::period::Period::year(year));
    let (kept, kept_diagnostics) = cruscotto::actuals::read_for(plan, &sources, &periods);
    assert_eq!(format!("{kept_diagnostics:?}"), format!("{diagnostics:?}"), "the findings, some periods kept");
    let kept_scorecard = cruscotto::score::score(plan, &kept, year);
    assert_eq!(format!("{kept_scorecard:?}"), format!("{scorecard:?}"), "the results, some periods kept");
    let findings = cruscotto::score::findings(plan, &SourceFile::new("plan.toml", ""), &sources, &scorecard, true);
    render_diagnostics(&findings);
    let provenance = cruscotto::provenance::Provenance {
        tool: "cruscotto fuzz".to_owned(),
        plan: cruscotto::provenance::InputFile::of("plan.toml", b""),
        actuals: vec![cruscotto::provenance::InputFile::of("fuzz", data)],
        git: None,
    };
    let level = LEVELS[usize::from(choice >> 3) % LEVELS.len()];
    let options = cruscotto::render::score::TableOptions {
        level,
        explain: true,
        width: 80,
        style: Style::PLAIN,
        lang: Lang::It,
        columns: None,
    };
    assert_fits(&cruscotto::render::score::table(plan, &scorecard, options), 80);
    let _ = cruscotto::render::score::csv(plan, &scorecard, level);
    let json = cruscotto::render::score::json(plan, &scorecard, level, &provenance);
    serde_json::from_str::<serde_json::Value>(&json).expect("score --format json is JSON");
    let _ = cruscotto::render::score::markdown(plan, &scorecard, level, Lang::It);
    let sheets = cruscotto::export::results(plan, &scorecard, &provenance, Lang::It);
    let _ = cruscotto::export::csv_files::files(&sheets, Lang::It);
    if choice & 2 != 0 {
        cruscotto::export::xlsx::workbook(sheets, "fuzz", 0).expect("the export workbook is written");
    }
}

/// Spreadsheet or text bytes → `import`: no panic, and a plan it writes passes `check`.
pub(crate) fn import_source(data: &[u8]) {
    let options = cruscotto::import::Options {
        year: Some(2019),
        body: Some("Camera di Commercio di Prova".to_owned()),
        title: None,
        lang: cruscotto::i18n::Lang::It,
    };
    let imported = cruscotto::import::import("fuzz.txt", data.to_vec(), &options);
    render_diagnostics(&imported.diagnostics);
    if let Some(plan) = imported.plan {
        let checked = cruscotto::check_plan(&SourceFile::new("imported.toml", plan.clone()));
        assert!(checked.plan.is_some(), "the imported plan does not pass check: {:#?}\n{plan}", checked.diagnostics);
    }
}

/// The loader reads `source` as `toml`'s parser reads it whole: the same plan, the same findings
/// (the loader reads a file's tree in batches, most of them without the parser).
fn read_as_whole(source: &SourceFile) {
    let outcome = |plan: Option<cruscotto::load::RawPlan>, mut diagnostics: Vec<Diagnostic>| {
        cruscotto::diagnostic::sort(&mut diagnostics);
        format!("{plan:#?}\n{diagnostics:#?}")
    };
    let mut diagnostics = Vec::new();
    let loaded = cruscotto::load::load(source, &mut diagnostics);
    let loaded = outcome(loaded, diagnostics);
    let mut diagnostics = Vec::new();
    let whole = cruscotto::load::load_whole_file(source, &mut diagnostics);
    assert_eq!(loaded, outcome(whole, diagnostics), "read in parts as whole");
    // Read as `check` reads a file, a piece at a time, its text fetched only for findings.
    let text = source.text().to_owned();
    let deferred = SourceFile::deferred(source.name(), text.len(), move || text.clone());
    let mut stream = cruscotto::load::PlanStream::with_piece_bytes(&deferred, 1 + source.len() / 3);
    for bytes in source.text().as_bytes().chunks(7) {
        stream.push(bytes).expect("text");
    }
    let mut diagnostics = Vec::new();
    let streamed = stream.finish(&mut diagnostics).expect("text");
    assert_eq!(loaded, outcome(streamed, diagnostics), "read a piece at a time as whole");
}

/// Decodes and checks plan bytes; `None` when they are not text.
fn checked(data: &[u8]) -> Option<(SourceFile, cruscotto::Checked)> {
    let source = match cruscotto::decode_source("fuzz.toml", data.to_vec()) {
        Ok(source) => source,
        Err(diagnostic) => {
            render_diagnostics(&[*diagnostic]);
            return None;
        }
    };
    let checked = cruscotto::check_plan(&source);
    assert_eq!(
        checked.plan.is_some(),
        !has_errors(&checked.diagnostics),
        "a plan comes back exactly when there is no error: {:#?}",
        checked.diagnostics
    );
    Some((source, checked))
}

/// Every diagnostic format, in every language: text, summary, JSON (well-formed) and GitHub
/// annotations (one line each).
fn render_diagnostics(diagnostics: &[Diagnostic]) {
    for lang in Lang::ALL {
        let _ = cruscotto::render::diagnostics::text(diagnostics, Style::PLAIN, lang);
        let _ = cruscotto::render::diagnostics::summary("fuzz", diagnostics, lang);
        let json = cruscotto::render::diagnostics::json(diagnostics, lang);
        serde_json::from_str::<serde_json::Value>(&json).expect("diagnostics as JSON are JSON");
        let github = cruscotto::render::diagnostics::github(diagnostics, lang);
        assert!(github.lines().all(|line| line.starts_with("::")), "one annotation per line:\n{github}");
    }
}

/// A table for people is never wider than asked: every line of `text` fits `width` columns.
fn assert_fits(text: &str, width: usize) {
    for line in text.lines() {
        let shown = cruscotto::render::table::text_width(line);
        assert!(shown <= width, "a line of {shown} columns in a table of {width}:\n{line}\n\n{text}");
    }
}
