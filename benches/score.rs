//! How long `score` takes on a generated plan of 100,000 indicators with 1,000,000 actual rows
//! (ten years each), against a bare read of the same CSV with the csv crate, the floor no
//! reader of that file can go under. Run with `cargo bench --bench score`.

use cruscotto::plan::Plan;
use cruscotto::source::SourceFile;

#[path = "common.rs"]
mod common;

fn main() {
    divan::main();
}

/// 3,572 strategic objectives × 28 = 100,016 indicators; × 10 years = 1,000,160 rows.
const OBJECTIVES: usize = 3_572;
const YEARS: std::ops::RangeInclusive<i32> = 2010..=2019;

struct Inputs {
    plan: Plan,
    actuals: SourceFile,
}

fn inputs() -> &'static Inputs {
    static INPUTS: std::sync::OnceLock<Inputs> = std::sync::OnceLock::new();
    INPUTS.get_or_init(|| {
        let checked = cruscotto::check_plan(&SourceFile::new("generated.toml", common::plan(OBJECTIVES, YEARS)));
        let plan = checked.plan.expect("the generated plan is valid");
        let actuals = SourceFile::new("generated.csv", common::actuals(OBJECTIVES, YEARS));
        Inputs { plan, actuals }
    })
}

/// The floor: every record of the CSV read by the csv crate, fields touched, nothing parsed.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn csv_floor(bencher: divan::Bencher<'_, '_>) {
    let inputs = inputs();
    bencher.bench(|| {
        let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(inputs.actuals.text().as_bytes());
        let mut record = csv::StringRecord::new();
        let mut bytes = 0;
        while reader.read_record(&mut record).expect("valid CSV") {
            bytes += record.iter().map(str::len).sum::<usize>();
        }
        bytes
    });
}

/// Reading and checking the actuals against the plan.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn read_actuals(bencher: divan::Bencher<'_, '_>) {
    let inputs = inputs();
    bencher.bench(|| {
        let (actuals, diagnostics) = cruscotto::actuals::read(&inputs.plan, std::slice::from_ref(&inputs.actuals));
        assert!(diagnostics.is_empty(), "{:?}", diagnostics.first());
        actuals.len()
    });
}

/// Reading the actuals, then scoring the last year and rolling it up.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn read_and_score(bencher: divan::Bencher<'_, '_>) {
    let inputs = inputs();
    bencher.bench(|| {
        let (actuals, _) = cruscotto::actuals::read(&inputs.plan, std::slice::from_ref(&inputs.actuals));
        cruscotto::score::score(&inputs.plan, &actuals, *YEARS.end()).body
    });
}

/// Scoring the last year when each indicator weighs in its area and service by its share of its
/// objective (`[scoring] group-weights = "share"`): the shares of 100,000 indicators, each
/// objective's weights summed once (they were summed again for each indicator, for minutes).
#[divan::bench(sample_count = 5, sample_size = 1)]
fn score_with_shares(bencher: divan::Bencher<'_, '_>) {
    static PLAN: std::sync::OnceLock<Plan> = std::sync::OnceLock::new();
    let inputs = inputs();
    let plan = PLAN.get_or_init(|| {
        let text = common::plan(OBJECTIVES, YEARS).replacen(
            "\n\n[[area]]",
            "\n\n[scoring]\ngroup-weights = \"share\"\n\n[[area]]",
            1,
        );
        assert!(text.contains("group-weights"), "the scoring table is in the plan");
        let checked = cruscotto::check_plan(&SourceFile::new("generated.toml", text));
        checked.plan.expect("the generated plan is valid")
    });
    let (actuals, _) = cruscotto::actuals::read(plan, std::slice::from_ref(&inputs.actuals));
    bencher.bench(|| cruscotto::score::score(plan, &actuals, *YEARS.end()).areas.len());
}
