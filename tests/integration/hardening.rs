//! Hostile and careless inputs: every one gets a located message and a non-zero exit, or a
//! correct result; no command panics, aborts, or writes what it was not asked to write.

use std::path::Path;

use crate::support::{Run, root, run_in};

const SEED: &str = "plans/maremma-tirreno-2019.toml";
const ACTUALS_PLAN: &str = "tests/fixtures/actuals/plan.toml";

/// A temporary folder holding `files` (name, bytes).
fn folder(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

/// Runs with the repository's files reachable as `repo/...`.
fn run_with(dir: &Path, args: &[&str]) -> Run {
    let args: Vec<String> = args.iter().map(|a| a.replace("repo/", &format!("{}/", root().display()))).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run_in(dir, &args)
}

/// The run failed with input errors (exit 1), without a panic, and said `needle`.
fn refused(result: &Run, needle: &str) {
    assert_eq!(result.code, 1, "{}", result.transcript());
    let said = format!("{}{}", result.stdout, result.stderr);
    assert!(!said.contains("panicked"), "{}", result.transcript());
    assert!(said.contains(needle), "expected `{needle}` in:\n{}", result.transcript());
}

fn actuals(rows: &str) -> Vec<u8> {
    format!("indicator,year,value,numerator,denominator,benchmark\n{rows}\n").into_bytes()
}

#[test]
fn a_service_without_area_is_reported_not_a_panic() {
    let plan = "[[service]]\nid = \"a\"\nname = \"A\"\n\n[[mission]]\nid = \"M\"\nname = \"M\"\n\n\
                [[strategic-objective]]\nid = \"S\"\nmission = \"M\"\nname = \"S\"\n\n\
                [[indicator]]\nid = \"I\"\nobjective = \"S\"\nname = \"I\"\nservices = \"a\"\n";
    let dir = folder(&[("p.toml", plan.as_bytes())]);
    refused(&run_in(dir.path(), &["check", "p.toml"]), "missing key `area` in [[service]]");
}

#[test]
fn a_service_without_area_does_not_shift_the_areas_of_the_next_ones() {
    let plan = std::fs::read_to_string(root().join("tests/fixtures/plans/clean.toml")).unwrap();
    let extra = "\n[[area]]\nid = \"A1\"\nname = \"Uno\"\n\n[[area]]\nid = \"A2\"\nname = \"Due\"\n\n\
                 [[service]]\nid = \"nessuna\"\nname = \"Senza area\"\n\n\
                 [[service]]\nid = \"prima\"\nname = \"Prima\"\narea = \"A1\"\n\n\
                 [[service]]\nid = \"seconda\"\nname = \"Seconda\"\narea = \"A2\"\n\n\
                 [[indicator]]\nid = \"S1.9\"\nobjective = \"S1\"\nname = \"Nove\"\n\
                 services = \"seconda\"\narea = \"A2\"\ntargets = { 2019 = \"≥ 1\" }\n";
    let dir = folder(&[("p.toml", format!("{plan}{extra}").as_bytes())]);
    let result = run_in(dir.path(), &["check", "p.toml"]);
    refused(&result, "missing key `area`");
    assert!(!result.stderr.contains("area-mismatch"), "{}", result.transcript());
}

#[test]
fn values_beyond_a_decimal_are_located_errors_in_score_and_export() {
    let cases = [
        "S1.3,2019,79228162514264337593543950335,,,",
        "S1.3,2019,-79228162514264337593543950335,,,",
        "S1.1,2019,,79228162514264337593543950335,1,",
        "S1.1,2019,,1,0.0000000000000000000000000001,",
        "S1.1,2019,,999999999999999,\"0,0000001\",",
        "S1.3,2019,1,,,79228162514264337593543950335",
    ];
    for row in cases {
        let dir = folder(&[("a.csv", &actuals(row))]);
        for command in [
            &["score", "repo/plans/maremma-tirreno-2019.toml", "-a", "a.csv"][..],
            &["export", "repo/plans/maremma-tirreno-2019.toml", "-a", "a.csv", "-o", "out.xlsx"],
        ] {
            let result = run_with(dir.path(), command);
            refused(&result, "error[invalid-actual]");
            assert!(result.stderr.contains("a.csv:2:"), "{row}: {}", result.transcript());
        }
        assert!(!dir.path().join("out.xlsx").exists());
    }
    // The smallest positive value is a value: a lower-is-better indicator reaches the cap.
    let dir = folder(&[("a.csv", &actuals("S9.2,2019,\"0,0000000000000000000000000001\",,,"))]);
    let result = run_with(dir.path(), &["score", &format!("repo/{SEED}"), "-a", "a.csv", "--format", "csv"]);
    assert_eq!(result.code, 0, "{}", result.transcript());
}

#[test]
fn weights_and_targets_beyond_the_bound_are_invalid_values() {
    let plan = std::fs::read_to_string(root().join(ACTUALS_PLAN)).unwrap();
    for (from, to) in [
        ("name = \"Semplificazione amministrativa\"", "name = \"S\"\nweight = 1e27"),
        ("name = \"Semplificazione amministrativa\"", "name = \"S\"\nweight = \"1.000.000.000.000.000\""),
        ("name = \"Semplificazione amministrativa\"", "name = \"S\"\nweight = 9223372036854775807"),
        ("2020 = \"≥ 92%\"", "2020 = 79228162514264337593543950335"),
        ("2020 = \"≥ 92%\"", "2020 = 1.00000000000000000000000000000001"),
        ("2020 = \"≥ 92%\"", "2020 = \"≥ 1000000000000000\""),
    ] {
        assert!(plan.contains(from));
        let dir = folder(&[("p.toml", plan.replacen(from, to, 1).as_bytes())]);
        let result = run_in(dir.path(), &["check", "p.toml"]);
        refused(&result, "error[invalid-");
        assert!(result.stdout.contains("--> p.toml:"), "{}", result.transcript());
    }
}

#[test]
fn a_float_with_more_decimals_than_a_decimal_holds_is_refused_not_rounded() {
    let plan = std::fs::read_to_string(root().join(ACTUALS_PLAN)).unwrap();
    let to = "name = \"S\"\nweight = 1.00000000000000000000000000000001";
    let dir = folder(&[("p.toml", plan.replacen("name = \"Semplificazione amministrativa\"", to, 1).as_bytes())]);
    refused(&run_in(dir.path(), &["check", "p.toml"]), "p.toml:16:10");
}

#[test]
fn a_doubled_sign_is_not_a_negative_number() {
    let dir = folder(&[("a.csv", &actuals("S1.2,2019,--5,,,"))]);
    let result = run_with(dir.path(), &["score", &format!("repo/{ACTUALS_PLAN}"), "-a", "a.csv"]);
    refused(&result, "`--5` is not a number");
}
