//! How long `report` takes once the inputs are read: building the report's data (the horizon's
//! years scored, the charts drawn) and rendering the default template, on the seed plan with
//! the example actuals and on a generated plan of 10,024 indicators. Run with
//! `cargo bench --bench report`.

use cruscotto::actuals::Actuals;
use cruscotto::date::Date;
use cruscotto::plan::Plan;
use cruscotto::provenance::{InputFile, Provenance};
use cruscotto::score::Scorecard;
use cruscotto::source::SourceFile;

#[path = "common.rs"]
mod common;

fn main() {
    divan::main();
}

struct Inputs {
    plan: Plan,
    actuals: Actuals,
    scorecard: Scorecard,
    provenance: Provenance,
}

fn inputs(plan: (&str, String), actuals: Vec<(&str, String)>) -> Inputs {
    let checked = cruscotto::check_plan(&SourceFile::new(plan.0, plan.1.clone()));
    let plan_value = checked.plan.expect("a valid plan");
    let sources: Vec<SourceFile> = actuals.iter().map(|(name, text)| SourceFile::new(*name, text.clone())).collect();
    let (actuals_value, diagnostics) = cruscotto::actuals::read(&plan_value, &sources);
    assert!(!cruscotto::diagnostic::has_errors(&diagnostics), "{:?}", diagnostics.first());
    let scorecard = cruscotto::score::score(&plan_value, &actuals_value, plan_value.metadata.year);
    let provenance = Provenance {
        tool: cruscotto::provenance::tool(),
        plan: InputFile::of(plan.0, plan.1.as_bytes()),
        actuals: actuals.iter().map(|(name, text)| InputFile::of(*name, text.as_bytes())).collect(),
        git: None,
    };
    Inputs { plan: plan_value, actuals: actuals_value, scorecard, provenance }
}

fn seed() -> &'static Inputs {
    static INPUTS: std::sync::OnceLock<Inputs> = std::sync::OnceLock::new();
    INPUTS.get_or_init(|| {
        let read = |path: &'static str| (path, std::fs::read_to_string(path).expect("run from the repository root"));
        inputs(
            read("plans/maremma-tirreno-2019.toml"),
            vec![read("examples/actuals-2016-2018.csv"), read("examples/actuals-2019.csv")],
        )
    })
}

fn generated() -> &'static Inputs {
    static INPUTS: std::sync::OnceLock<Inputs> = std::sync::OnceLock::new();
    // 358 strategic objectives × 28 = 10,024 indicators, three years of actuals.
    INPUTS.get_or_init(|| {
        inputs(
            ("generated.toml", common::plan(358, 2017..=2019)),
            vec![("generated.csv", common::actuals(358, 2017..=2019))],
        )
    })
}

fn report(inputs: &Inputs) -> usize {
    let data = cruscotto::report::build(&cruscotto::report::Inputs {
        plan: &inputs.plan,
        actuals: &inputs.actuals,
        scorecard: &inputs.scorecard,
        provenance: &inputs.provenance,
        generated: Date::new(2020, 3, 31).expect("a date"),
        lang: cruscotto::i18n::Lang::It,
    });
    cruscotto::report::render(&data, &[]).expect("the default template renders").len()
}

/// The seed plan's whole page: well under 100 ms is the aim.
#[divan::bench]
fn seed_report(bencher: divan::Bencher<'_, '_>) {
    let inputs = seed();
    bencher.bench(|| report(divan::black_box(inputs)));
}

/// Building the data alone (scoring the five years of the horizon, the charts), for comparison.
#[divan::bench]
fn seed_data(bencher: divan::Bencher<'_, '_>) {
    let inputs = seed();
    bencher.bench(|| {
        cruscotto::report::build(&cruscotto::report::Inputs {
            plan: &inputs.plan,
            actuals: &inputs.actuals,
            scorecard: &inputs.scorecard,
            provenance: &inputs.provenance,
            generated: Date::new(2020, 3, 31).expect("a date"),
            lang: cruscotto::i18n::Lang::It,
        })
        .missions
        .len()
    });
}

/// A plan of 10,024 indicators: the page in seconds at most.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn generated_report(bencher: divan::Bencher<'_, '_>) {
    let inputs = generated();
    bencher.bench(|| report(divan::black_box(inputs)));
}
