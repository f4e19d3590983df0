//! How long `list` takes to make its rows and each of its outputs, on generated plans of 1,000
//! and 10,000 indicators. Ten times the indicators take 10–25 times as long here (the bigger
//! plan's rows no longer fit in the processor's caches; the whole command takes ten times as long
//! on 100,000 indicators as on 10,000); each row once walked every indicator to find the plan's
//! periods, and the bigger plan took a hundred times as long. Run with `cargo bench --bench list`.

use cruscotto::i18n::Lang;
use cruscotto::plan::Plan;
use cruscotto::render::list;
use cruscotto::source::SourceFile;

#[path = "common.rs"]
mod common;

fn main() {
    divan::main();
}

const OBJECTIVES: [usize; 2] = [36, 358];

fn plan(objectives: usize) -> Plan {
    let source = SourceFile::new("generated.toml", common::plan(objectives, 2016..=2021));
    cruscotto::check_plan(&source).plan.expect("the generated plan is valid")
}

#[divan::bench(args = OBJECTIVES)]
fn csv(bencher: divan::Bencher<'_, '_>, objectives: usize) {
    let plan = plan(objectives);
    bencher.counter(divan::counter::ItemsCount::new(objectives * 28)).bench(|| {
        let rows = list::all_rows(&plan);
        let columns = list::header_of(&plan, &rows);
        list::csv(&list::select(rows, &columns), &columns)
    });
}

#[divan::bench(args = OBJECTIVES)]
fn json(bencher: divan::Bencher<'_, '_>, objectives: usize) {
    let plan = plan(objectives);
    bencher.counter(divan::counter::ItemsCount::new(objectives * 28)).bench(|| {
        let rows = list::all_rows(&plan);
        let columns = list::header_of(&plan, &rows);
        list::json(list::select(rows, &columns))
    });
}

#[divan::bench(args = OBJECTIVES)]
fn table(bencher: divan::Bencher<'_, '_>, objectives: usize) {
    let plan = plan(objectives);
    bencher.counter(divan::counter::ItemsCount::new(objectives * 28)).bench(|| {
        let columns = list::default_table_columns(&plan);
        let rows = list::select(list::rows_for_people(&plan, Lang::It), &columns);
        list::table(&rows, &columns, 120, Lang::It, plan.metadata.year, false)
    });
}
