//! How long `import` takes: on the seed annex, and on a generated operational table of 100,000
//! indicator rows (about 11 MB of tab-separated text), read, placed, resolved and written as
//! TOML. Run with `cargo bench --bench import`.

use cruscotto::import::{Options, import};

#[path = "import_input.rs"]
mod import_input;

fn main() {
    divan::main();
}

#[divan::bench]
fn seed_annex(bencher: divan::Bencher<'_, '_>) {
    let bytes =
        std::fs::read("tests/fixtures/seed/maremma-tirreno-2019-annex.txt").expect("run from the repository root");
    let options =
        Options { body: Some("Camera di Commercio della Maremma e del Tirreno".to_owned()), ..Options::default() };
    bencher.bench(|| import("seed.txt", divan::black_box(bytes.clone()), &options).plan.expect("a plan").len());
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn hundred_thousand_rows(bencher: divan::Bencher<'_, '_>) {
    let bytes = import_input::operational_table(100_000).into_bytes();
    bencher
        .counter(divan::counter::ItemsCount::new(100_000usize))
        .bench(|| import("big.tsv", divan::black_box(bytes.clone()), &Options::default()).plan.expect("a plan").len());
}
