//! How long `score-many` takes on 8,000 generated plans of 140 indicators each, with their
//! actuals: the whole command (the release binary, reading every file and writing the long
//! table), with `--jobs 1` and `--jobs 2`, best of two runs each. It prints the total time, the
//! time per plan and the speed-up. Run with `cargo bench --bench score_many`;
//! `CRUSCOTTO_BENCH_PLANS=N` runs it on fewer plans for a quick look.
#![allow(clippy::print_stdout)]

use std::path::Path;
use std::time::{Duration, Instant};

#[path = "common.rs"]
mod common;

/// 5 strategic objectives × 28 = 140 indicators per plan.
const OBJECTIVES: usize = 5;
const YEARS: std::ops::RangeInclusive<i32> = 2024..=2024;
const PLANS: usize = 8_000;
const RUNS: usize = 2;

fn main() {
    let plans = std::env::var("CRUSCOTTO_BENCH_PLANS").ok().and_then(|n| n.parse().ok()).unwrap_or(PLANS);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let folder = dir.path().join("enti");
    let started = Instant::now();
    generate(&folder, plans);
    println!("generated {plans} plans of {} indicators in {:.1?}", OBJECTIVES * 28, started.elapsed());
    let table = dir.path().join("tabella.csv");
    let one = best(&folder, &table, 1);
    let two = best(&folder, &table, 2);
    let rows = std::fs::read_to_string(&table).map(|t| t.lines().count() - 1).unwrap_or(0);
    for (jobs, time) in [(1, one), (2, two)] {
        let per_plan = time.as_secs_f64() * 1000.0 / plans as f64;
        println!("score-many --jobs {jobs}: {:.2} s in all, {per_plan:.2} ms per plan", time.as_secs_f64());
    }
    println!("{rows} rows; speed-up from 1 to 2 jobs: {:.2}×", one.as_secs_f64() / two.as_secs_f64());
}

/// Every plan the same generated one, with its actuals beside it: `ente-00001.toml` and
/// `ente-00001-consuntivi.csv`.
fn generate(folder: &Path, plans: usize) {
    std::fs::create_dir_all(folder).expect("the folder is created");
    let plan = common::plan(OBJECTIVES, YEARS);
    let actuals = common::actuals(OBJECTIVES, YEARS);
    for n in 1..=plans {
        std::fs::write(folder.join(format!("ente-{n:05}.toml")), &plan).expect("the plan is written");
        std::fs::write(folder.join(format!("ente-{n:05}-consuntivi.csv")), &actuals).expect("the actuals are written");
    }
}

/// The best time of [`RUNS`] runs of the whole command with `jobs` threads.
fn best(folder: &Path, table: &Path, jobs: usize) -> Duration {
    (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            let status = std::process::Command::new(env!("CARGO_BIN_EXE_cruscotto"))
                .args(["--quiet", "score-many", "--force", "--jobs", &jobs.to_string(), "-o"])
                .arg(table)
                .arg(folder)
                .status()
                .expect("the binary runs");
            assert!(status.success(), "score-many failed: {status}");
            started.elapsed()
        })
        .min()
        .expect("at least one run")
}
