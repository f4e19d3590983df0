//! `cruscotto rollover`: next year's plan, and the shorthand `target =` that a changed `year`
//! would move.

use cruscotto::diff::{FieldName, diff, uncovered};
use cruscotto::source::SourceFile;

use crate::support::{root, run, run_in};

const SEED: &str = "plans/maremma-tirreno-2019.toml";

fn seed() -> String {
    std::fs::read_to_string(root().join(SEED)).unwrap()
}

fn load(name: &str, text: &str) -> cruscotto::plan::Plan {
    let checked = cruscotto::check_plan(&SourceFile::new(name, text));
    checked.plan.unwrap_or_else(|| panic!("{name} has errors: {:#?}", checked.diagnostics))
}

#[test]
fn changing_the_year_by_hand_moves_the_shorthand_targets_and_diff_says_so() {
    // The reproducer: a copy of the plan with `year = 2020`.
    let copied = seed().replacen("year = 2019\n", "year = 2020\n", 1);
    let (old, new) = (load(SEED, &seed()), load("piano-2020.toml", &copied));
    let changes = diff(&old, &new);
    let moved = changes
        .nodes
        .iter()
        .filter(|n| n.fields.iter().any(|f| f.field == FieldName::Target(cruscotto::period::Period::year(2019))))
        .count();
    assert_eq!(moved, 76, "every shorthand target moved from 2019 to 2020");
    assert_eq!(
        changes.warnings[1].to_string(),
        "the new version writes 76 targets with the shorthand `target =` (O1.1.1 and 75 more), which follows `year`: \
         they moved from 2019 to 2020; write each under its year (`targets = { 2019 = ... }`), as `cruscotto rollover` does"
    );
}

#[test]
fn rollover_moves_the_year_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    // Absolute on every system (on Windows, `/x/y` has no drive: it is relative).
    let plan = std::path::absolute(root().join(SEED)).unwrap();
    let result = run_in(dir.path(), &["rollover", plan.to_str().unwrap(), "--year", "2020", "-o", "plan-2020.toml"]);
    assert_eq!(result.code, 0, "{}", result.transcript());
    assert_eq!(
        result.stderr,
        "wrote plan-2020.toml: plan year 2019 → 2020, horizon 2016–2020; 76 shorthand targets written under 2019\n\
         note: the title is unchanged (\"Cruscotto strategico 2019 e Piano operativo 2019\"): set it with --title\n\
         note: `adopted-by` (Giunta n. 81 del 25/07/2019) is not carried over: record the act that adopts the new plan\n"
    );
    let text = std::fs::read_to_string(dir.path().join("plan-2020.toml")).unwrap();
    // The comment at the top speaks the plan's language, Italian, whatever the interface's.
    assert!(
        text.starts_with(
            "# Cruscotto strategico 2019 e Piano operativo 2019\n# Il piano dell'anno successivo, scritto da \
             `cruscotto rollover` a partire da\n# maremma-tirreno-2019.toml:\n# anno del piano 2019 → 2020, orizzonte \
             2016–2020 → 2016–2020.\n"
        ),
        "{}",
        &text[..600]
    );
    assert!(text.contains(
        "\n# Non riportato: `adopted-by` (Giunta n. 81 del 25/07/2019): registrare l'atto che adotta questo\n# piano.\n"
    ));
    assert!(text.lines().take_while(|line| line.starts_with('#')).all(|line| line.chars().count() <= 100));
    assert!(!text.contains("\ntarget = "), "no shorthand target");
    assert!(!text.contains(root().to_str().unwrap()), "no absolute path");
    let (old, new) = (load(SEED, &seed()), load("plan-2020.toml", &text));
    // The revisions, removed nodes and accepted findings are history, kept; only the year and
    // the adopting act change.
    let changes = diff(&old, &new);
    assert!(changes.nodes.is_empty(), "{:#?}", changes.nodes);
    let fields: Vec<String> = changes.metadata.iter().map(|c| format!("{}: {} → {}", c.field, c.old, c.new)).collect();
    assert_eq!(fields, ["year: 2019 → 2020", "adopted-by: Giunta n. 81 del 25/07/2019 → —"]);
    assert_eq!(changes.warnings[0].to_string(), "the two plans are of different years: 2019 and 2020");
    assert_eq!(changes.warnings.len(), 1);
    let check = run_in(dir.path(), &["check", "plan-2020.toml", "--deny", "warnings"]);
    assert_eq!(check.code, 0, "{}", check.transcript());
    // Until the act that adopts it is recorded, `--require-acts` holds the new year to it.
    let missing = uncovered(&old, &new, &changes);
    assert_eq!(missing.iter().map(|m| m.what.to_string()).collect::<Vec<_>>(), ["year: 2019 → 2020"]);
    let adopted = text.replacen(
        "horizon = [2016, 2020]\n",
        "horizon = [2016, 2020]\nadopted-by = { body = \"Giunta\", number = \"12\", date = 2020-01-30 }\n",
        1,
    );
    let new = load("plan-2020.toml", &adopted);
    assert!(uncovered(&old, &new, &diff(&old, &new)).is_empty());

    // Never over an existing file without --force; to stdout with `-o -`.
    let again = run_in(dir.path(), &["rollover", plan.to_str().unwrap(), "-o", "plan-2020.toml"]);
    assert_eq!(
        (again.code, again.stderr.as_str()),
        (2, "error: `plan-2020.toml` exists; use --force to overwrite it\n")
    );
    let to_stdout = run(&["rollover", SEED, "-o", "-", "--quiet"]);
    assert_eq!((to_stdout.code, to_stdout.stderr.as_str()), (0, ""));
    assert_eq!(to_stdout.stdout, text.replacen("\n# maremma-tirreno-2019.toml:", &format!("\n# {SEED}:"), 1));
}

#[test]
fn rollover_extends_the_horizon_and_refuses_going_back() {
    let extended =
        run(&["rollover", SEED, "--year", "2021", "--title", "Piano della performance 2021-2023", "--until", "2023"]);
    assert_eq!(extended.code, 0, "{}", extended.transcript());
    assert!(
        extended
            .stdout
            .contains("title = \"Piano della performance 2021-2023\"\nyear = 2021\nhorizon = [2016, 2023]\n")
    );
    assert!(
        extended.stderr.starts_with(
            "rolled over plans/maremma-tirreno-2019.toml: plan year 2019 → 2021, horizon 2016–2023 (extended)"
        ),
        "{}",
        extended.stderr
    );
    let back = run(&["rollover", SEED, "--year", "2019"]);
    assert_eq!(back.code, 2);
    assert_eq!(back.stderr, "error: --year 2019: the plan is of 2019; next year's plan must be of a later year\n");
}

#[test]
fn an_acceptance_the_new_year_makes_void_is_dropped() {
    // A 2019 plan whose revision cites an act of 2021, accepted; in the 2021 plan it is in the year.
    let text = std::fs::read_to_string(root().join("tests/fixtures/check/act-after-plan-year.toml")).unwrap().replace(
        "targets = { 2019 = \"100%\", 2020 = \"100%\", 2021 = \"100%\" }\n",
        "targets = { 2019 = \"100%\", 2020 = \"100%\", 2021 = \"100%\" }\naccept = [{ code = \"act-after-plan-year\", reason = \"The act's year is as the annex writes it\" }]\n",
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.toml"), text).unwrap();
    assert_eq!(run_in(dir.path(), &["check", "plan.toml", "--deny", "warnings"]).code, 0);
    let rolled = run_in(dir.path(), &["rollover", "plan.toml", "--year", "2021", "-o", "plan-2021.toml"]);
    assert_eq!(rolled.code, 0, "{}", rolled.transcript());
    let written = std::fs::read_to_string(dir.path().join("plan-2021.toml")).unwrap();
    assert!(!written.contains("accept = "), "{written}");
    let check = run_in(dir.path(), &["check", "plan-2021.toml", "--deny", "warnings", "--verbose"]);
    assert_eq!((check.code, check.stdout.as_str()), (0, "plan-2021.toml: ok, no problems found\n"));
}
