//! How long `check` takes: on the seed plan, and on generated plans of 1,000 and 10,000
//! indicators. Run with `cargo bench --bench check`.

use cruscotto::source::SourceFile;

#[path = "common.rs"]
mod common;

fn main() {
    divan::main();
}

fn check(source: &SourceFile) -> usize {
    let checked = cruscotto::check_plan(source);
    assert!(checked.plan.is_some(), "{:?}", checked.diagnostics.first());
    checked.diagnostics.len()
}

#[divan::bench]
fn seed_plan(bencher: divan::Bencher<'_, '_>) {
    let text = std::fs::read_to_string("plans/maremma-tirreno-2019.toml").expect("run from the repository root");
    let source = SourceFile::new("plans/maremma-tirreno-2019.toml", text);
    bencher.bench(|| check(divan::black_box(&source)));
}

#[divan::bench(args = [36, 358])]
fn generated(bencher: divan::Bencher<'_, '_>, objectives: usize) {
    let source = SourceFile::new("generated.toml", common::plan(objectives, 2016..=2021));
    bencher.counter(divan::counter::ItemsCount::new(objectives * 28)).bench(|| check(divan::black_box(&source)));
}
