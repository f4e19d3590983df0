//! The fuzz targets' committed inputs, replayed on stable: every seed (`fuzz/seeds/<target>/`)
//! and every input that once crashed a target (`fuzz/regressions/<target>/`) goes through the
//! same property the target checks (`fuzz/properties.rs`), so CI catches a regression without
//! a nightly toolchain.

#[path = "../../fuzz/properties.rs"]
mod properties;

use crate::support::root;

fn inputs(folder: &str, target: &str) -> Vec<std::path::PathBuf> {
    let dir = root().join("fuzz").join(folder).join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else { return Vec::new() };
    let mut paths: Vec<_> = entries.map(|e| e.unwrap().path()).filter(|p| p.is_file()).collect();
    paths.sort();
    paths
}

#[test]
fn every_target_has_seeds_and_replays_them_and_its_regressions() {
    for &(target, check) in properties::TARGETS {
        let seeds = inputs("seeds", target);
        assert!(seeds.len() >= 3, "fuzz/seeds/{target}/ holds {} inputs", seeds.len());
        for path in seeds.iter().chain(&inputs("regressions", target)) {
            let bytes = std::fs::read(path).unwrap();
            let outcome = std::panic::catch_unwind(|| check(&bytes));
            assert!(outcome.is_ok(), "{target} fails on {}", path.display());
        }
    }
}

#[test]
fn every_target_has_a_dictionary() {
    for &(target, _) in properties::TARGETS {
        let dictionary = root().join("fuzz/dictionaries").join(format!("{target}.dict"));
        let text = std::fs::read_to_string(&dictionary).unwrap_or_else(|_| panic!("{}", dictionary.display()));
        assert!(text.lines().filter(|l| l.starts_with('"')).count() >= 10, "{}", dictionary.display());
    }
}
