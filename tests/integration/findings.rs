//! Accepted findings: in the plan (`accept`, per node and in `[plan]`) and on the command line
//! (`--ignore`, `--deny CODE`); `explain CODE`; what the seed plan accepts and why.

use crate::support::{root, run, run_in};

const SEED: &str = "plans/maremma-tirreno-2019.toml";

fn seed() -> String {
    std::fs::read_to_string(root().join(SEED)).unwrap()
}

/// Writes `text` as `plan.toml` in a new folder.
fn plan_in_folder(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.toml"), text).unwrap();
    dir
}

#[test]
fn the_seed_accepts_each_source_defect_with_its_reason() {
    let json = run(&["check", SEED, "--format", "json"]);
    let findings: Vec<serde_json::Value> = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(findings.len(), 45, "never dropped: every accepted finding is in the JSON");
    for finding in &findings {
        let reason = finding["accepted"].as_str().unwrap_or_else(|| panic!("not accepted: {finding}"));
        assert!(reason.starts_with("The annex "), "each reason names the annex's defect: {reason}");
    }
    // A new finding of an accepted code elsewhere is not accepted: acceptances are per node.
    let text = seed();
    let s92 = text.find("id = \"S9.2\"\n").unwrap();
    let end = s92 + text[s92..].find("\n\n").unwrap() + 1;
    let text = format!(
        "{}\n[[indicator.revision]]\nchange = \"updated\"\nact = {{ body = \"Giunta\", date = 2019-05-10 }}\n{}",
        &text[..end],
        &text[end..]
    );
    let dir = plan_in_folder(&text);
    let result = run_in(dir.path(), &["check", "plan.toml"]);
    assert!(result.stdout.starts_with("warning[incomplete-act]: the updated revision of `S9.2` cites an act (Giunta n. ? del 10/05/2019) with no number\n"), "{}", result.stdout);
    assert!(
        result.stdout.contains("plan.toml: 0 errors, 1 warning (1 incomplete-act); 45 accepted ("),
        "{}",
        result.stdout
    );
}

#[test]
fn a_finding_not_accepted_fails_deny_warnings_and_is_shown() {
    // Removing one acceptance brings its finding back, in full.
    let text = seed().replacen(
        "accept = [\n  { code = \"empty-program\", reason = \"The annex lists the program with no operational objective under it\" },\n]\n",
        "",
        1,
    );
    let dir = plan_in_folder(&text);
    let result = run_in(dir.path(), &["check", "plan.toml", "--deny", "warnings"]);
    assert_eq!(result.code, 1, "{}", result.transcript());
    assert!(
        result.stdout.starts_with("warning[empty-program]: program `P3.1` has no operational objective\n"),
        "{}",
        result.stdout
    );
    assert!(
        result.stdout.ends_with(
            "plan.toml: 0 errors, 1 warning (1 empty-program); 44 accepted (22 incomplete-act, 8 duplicate-indicator, \
             7 target-after-removal, 4 empty-program, 1 inconsistent-unit, 1 conflicting-act-numbers, \
             1 objective-without-indicators)\nfailing because of `--deny warnings`\n"
        ),
        "{}",
        result.stdout
    );
    // `--deny CODE` fails on that code only; `--ignore CODE` accepts it for the run.
    assert_eq!(run_in(dir.path(), &["check", "plan.toml", "--deny", "incomplete-act"]).code, 0);
    let denied = run_in(dir.path(), &["check", "plan.toml", "--deny", "empty-program"]);
    assert_eq!(denied.code, 1);
    assert!(denied.stdout.ends_with("failing because of `--deny empty-program`\n"), "{}", denied.stdout);
    let ignored = run_in(dir.path(), &["check", "plan.toml", "--deny", "warnings", "--ignore", "empty-program"]);
    assert_eq!(ignored.code, 0, "{}", ignored.transcript());
    assert!(ignored.stdout.contains("; 45 accepted ("), "{}", ignored.stdout);
    let verbose = run_in(dir.path(), &["check", "plan.toml", "--ignore", "empty-program", "--verbose"]);
    assert!(
        verbose.stdout.contains("   = accepted: ignored with `--ignore empty-program` on the command line\n"),
        "{}",
        verbose.stdout
    );
    // Other commands note only the findings not accepted.
    let tree = run_in(dir.path(), &["tree", "plan.toml"]);
    assert_eq!(tree.stderr, "note: plan.toml has 1 warning; `cruscotto check plan.toml` shows them\n");
    assert_eq!(run_in(dir.path(), &["tree", "plan.toml", "--ignore", "empty-program"]).stderr, "");
}

#[test]
fn a_fully_accepted_plan_loads_without_a_note_and_quiet_silences_check() {
    // The reproducer: "note: plan has 45 warnings" came with every command.
    for command in [&["tree", SEED][..], &["list", SEED], &["history", SEED], &["template", SEED]] {
        let result = run(command);
        assert_eq!((result.code, result.stderr.as_str()), (0, ""), "{command:?}");
    }
    let quiet = run(&["check", SEED, "--quiet", "--deny", "warnings"]);
    assert_eq!((quiet.code, quiet.stdout.as_str(), quiet.stderr.as_str()), (0, "", ""));
    assert_eq!(run(&["check", SEED, "--quiet", "--verbose"]).code, 2, "--quiet and --verbose conflict");
}

#[test]
fn acceptances_are_checked() {
    let base = std::fs::read_to_string(root().join("tests/fixtures/plans/clean.toml")).unwrap();
    let text = base.replace(
        "adopted-by = { body = \"Giunta\", number = \"12\", date = 2019-01-30 }\n",
        "adopted-by = { body = \"Giunta\", number = \"12\", date = 2019-01-30 }\naccept = [\n  { code = \"incomplete-akt\", reason = \"x\" },\n  { code = \"duplicate-id\", reason = \"x\" },\n  { code = \"unknown-column\", reason = \"x\" },\n  { code = \"empty-program\", reason = \" \" },\n  { code = \"empty-program\", reason = \"a\" },\n  { code = \"empty-program\", reason = \"b\" },\n]\n",
    );
    let dir = plan_in_folder(&text);
    let result = run_in(dir.path(), &["check", "plan.toml", "--format", "json"]);
    assert_eq!(result.code, 1, "{}", result.transcript());
    let findings: Vec<serde_json::Value> = serde_json::from_str(&result.stdout).unwrap();
    let messages: Vec<String> = findings
        .iter()
        .map(|f| {
            format!(
                "{}: {} ({})",
                f["code"].as_str().unwrap(),
                f["message"].as_str().unwrap(),
                f["help"].as_str().unwrap_or("")
            )
        })
        .collect();
    assert_eq!(
        messages,
        [
            "invalid-value: `incomplete-akt` is not a diagnostic code (did you mean `incomplete-act`?)",
            "invalid-value: `duplicate-id` is an error, and errors cannot be accepted (fix it: a plan with an error cannot be read as its authors meant)",
            "invalid-value: `unknown-column` is not a finding about the plan (findings about other files are accepted on the command line: `--ignore unknown-column`)",
            "invalid-value: `reason` is empty (`reason`: why the finding stays: what the reader of the plan must know)",
            "invalid-value: `empty-program` is accepted twice here (one acceptance per code and table: give one reason for all its findings)",
        ]
    );
    // An acceptance in [plan] that accepts nothing.
    let unused = base.replace(
        "adopted-by = { body = \"Giunta\", number = \"12\", date = 2019-01-30 }\n",
        "adopted-by = { body = \"Giunta\", number = \"12\", date = 2019-01-30 }\naccept = [{ code = \"empty-program\", reason = \"The annex has empty programs\" }]\n",
    );
    let dir = plan_in_folder(&unused);
    let result = run_in(dir.path(), &["check", "plan.toml"]);
    assert!(
        result.stdout.starts_with(
            "warning[unused-acceptance]: `empty-program` is accepted in [plan], but the plan has no such finding\n"
        ),
        "{}",
        result.stdout
    );
}

#[test]
fn an_acceptance_in_plan_covers_the_whole_file_and_a_nodes_only_its_table() {
    let base = std::fs::read_to_string(root().join("tests/fixtures/check/empty-program.toml")).unwrap();
    let plan_wide = base.replace("horizon = [2019, 2021]\n", "horizon = [2019, 2021]\naccept = [{ code = \"empty-program\", reason = \"Programs of the annex without objectives\" }]\n");
    let dir = plan_in_folder(&plan_wide);
    let result = run_in(dir.path(), &["check", "plan.toml", "--deny", "warnings"]);
    assert_eq!(result.code, 0, "{}", result.transcript());
    assert_eq!(result.stdout, "plan.toml: 0 errors, 0 warnings; 1 accepted (1 empty-program)\n");
}

#[test]
fn ignore_and_deny_take_codes() {
    let unknown = run(&["check", SEED, "--ignore", "empty-programme"]);
    assert_eq!(unknown.code, 2);
    assert_eq!(
        unknown.stderr,
        "error: --ignore empty-programme: not a diagnostic code\nhelp: did you mean `empty-program`?\n"
    );
    let error = run(&["check", SEED, "--ignore", "duplicate-id"]);
    assert_eq!(error.code, 2);
    assert_eq!(
        error.stderr,
        "error: --ignore duplicate-id: `duplicate-id` is an error, and errors cannot be accepted\n"
    );
    let both = run(&["check", SEED, "--ignore", "empty-program", "--deny", "empty-program"]);
    assert_eq!(both.stderr, "error: `empty-program` is given to both --ignore and --deny\n");
    // On score, `--ignore` accepts findings about the actual values too; they are counted.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.csv"), "indicator,year,value,colore\nS1.1,2019,100,verde\n").unwrap();
    let plan = root().join(SEED);
    let loud = run_in(dir.path(), &["score", plan.to_str().unwrap(), "--actuals", "a.csv", "--level", "mission"]);
    assert!(loud.stderr.contains("warning[unknown-column]"), "{}", loud.stderr);
    let ignored = run_in(
        dir.path(),
        &["score", plan.to_str().unwrap(), "--actuals", "a.csv", "--level", "mission", "--ignore", "unknown-column"],
    );
    assert_eq!(ignored.stderr, "note: 1 finding accepted with --ignore (1 unknown-column)\n");
}

#[test]
fn explain_prints_a_codes_documentation() {
    let result = run(&["explain", "incomplete-act"]);
    assert_eq!(result.code, 0, "{}", result.transcript());
    assert!(result.stdout.starts_with("### `incomplete-act`\n\n**Severity:** warning.\n"), "{}", result.stdout);
    assert!(result.stdout.contains("$ cruscotto check tests/fixtures/check/incomplete-act.toml\n"));
    assert!(!result.stdout.contains("### `conflicting-act-numbers`"));
    let list = run(&["explain"]);
    assert_eq!(list.stdout.lines().count(), cruscotto::diagnostic::Code::ALL.len());
    assert!(list.stdout.contains("\nunused-acceptance "), "{}", list.stdout);
    let unknown = run(&["explain", "incomplet-act"]);
    assert_eq!(unknown.code, 2);
    assert_eq!(
        unknown.stderr,
        "error: explain incomplet-act: not a diagnostic code\nhelp: did you mean `incomplete-act`?\n"
    );
}
