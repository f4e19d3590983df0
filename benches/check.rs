//! How long `check` takes: on the seed plan, and on generated plans of 1,000 and 10,000
//! indicators. Run with `cargo bench --bench check`.

use cruscotto::source::SourceFile;

fn main() {
    divan::main();
}

/// A plan shaped like a real one: `objectives` strategic objectives, each with 4 dashboard
/// indicators and 2 programs of 3 operational objectives with 4 indicators each (28 indicators
/// per strategic objective), in 4 missions.
fn generated_plan(objectives: usize) -> String {
    use std::fmt::Write as _;
    let mut toml = String::from(
        "[plan]\nbody = \"Camera di Commercio di Esempio\"\ntitle = \"Piano generato\"\nyear = 2019\n\
         horizon = [2016, 2021]\nadopted-by = { body = \"Giunta\", number = \"1\", date = 2019-01-30 }\n\n\
         [[area]]\nid = \"I\"\n\n[[service]]\nid = \"servizio\"\nname = \"Servizio\"\narea = \"I\"\n\n",
    );
    for mission in 0..4 {
        let _ = writeln!(toml, "[[mission]]\nid = \"M{mission}\"\nname = \"Missione {mission}\"\n");
    }
    for s in 0..objectives {
        let _ = writeln!(
            toml,
            "[[strategic-objective]]\nid = \"S{s}\"\nmission = \"M{}\"\nname = \"Obiettivo strategico {s}\"\n",
            s % 4
        );
        for k in 0..4 {
            let _ = writeln!(
                toml,
                "[[indicator]]\nid = \"S{s}.{k}\"\nobjective = \"S{s}\"\nname = \"Indicatore strategico {s}.{k}\"\n\
                 unit = \"percent\"\ntargets = {{ 2017 = \"Anno di rilevazione\", 2018 = \">= 80%\", 2019 = \"≥ 85%\", 2020 = \"> 90%\" }}\n"
            );
        }
        for p in 0..2 {
            let _ = writeln!(
                toml,
                "[[program]]\nid = \"P{s}.{p}\"\nstrategic-objective = \"S{s}\"\nname = \"Programma {s}.{p}\"\n"
            );
            for o in 0..3 {
                let objective = p * 3 + o;
                let _ = writeln!(
                    toml,
                    "[[operational-objective]]\nid = \"O{s}.{objective}\"\nprogram = \"P{s}.{p}\"\nname = \"Obiettivo operativo {s}.{objective}\"\n"
                );
                for i in 0..4 {
                    let target = ["100%", "<= 40gg", "31/12/2019", "x ≤ x-1"][i];
                    let unit = ["percent", "days", "date", "ratio"][i];
                    let _ = writeln!(
                        toml,
                        "[[indicator]]\nid = \"O{s}.{objective}.{i}\"\nobjective = \"O{s}.{objective}\"\n\
                         name = \"Indicatore operativo {s}.{objective}.{i}\"\nunit = \"{unit}\"\npolarity = \"decrease\"\n\
                         target = \"{target}\"\nservices = \"servizio\"\n"
                    );
                }
            }
        }
    }
    toml
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
    let source = SourceFile::new("generated.toml", generated_plan(objectives));
    bencher.counter(divan::counter::ItemsCount::new(objectives * 28)).bench(|| check(divan::black_box(&source)));
}
