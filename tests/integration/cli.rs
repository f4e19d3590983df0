//! The commands on the shipped plan and on bad inputs: exit codes and output.

use crate::support::{run, run_in};

const SEED: &str = "plans/maremma-tirreno-2019.toml";

#[test]
fn check_of_the_seed_plan_counts_its_accepted_source_defects() {
    let result = run(&["check", SEED]);
    assert_eq!(result.code, 0, "{}", result.transcript());
    let summary = "plans/maremma-tirreno-2019.toml: 0 errors, 0 warnings; 45 accepted (22 incomplete-act, \
                   8 duplicate-indicator, 7 target-after-removal, 5 empty-program, 1 inconsistent-unit, \
                   1 conflicting-act-numbers, 1 objective-without-indicators)\n";
    assert_eq!(result.stdout, summary);
    // `--verbose` shows each of them, with its reason.
    let verbose = run(&["check", SEED, "--verbose"]);
    assert_eq!(verbose.code, 0);
    assert_eq!(verbose.stdout.matches(" = accepted: ").count(), 45);
    assert!(verbose.stdout.ends_with(summary), "{}", verbose.stdout);
    insta::assert_snapshot!("check_seed_plan", verbose.transcript());
}

#[test]
fn the_readme_ci_step_passes_on_the_seed_plan() {
    // The README's `cruscotto check plans/piano-2019.toml --format github --deny warnings`.
    let result = run(&["check", SEED, "--format", "github", "--deny", "warnings"]);
    assert_eq!(result.code, 0, "{}", result.transcript());
    assert_eq!(
        result.stdout,
        "::notice title=accepted findings::45 findings accepted, each with its reason (22 incomplete-act, \
         8 duplicate-indicator, 7 target-after-removal, 5 empty-program, 1 inconsistent-unit, \
         1 conflicting-act-numbers, 1 objective-without-indicators): `cruscotto check --verbose` lists them\n"
    );
}

#[test]
fn check_is_silent_on_a_clean_plan_unless_verbose() {
    let clean = "tests/fixtures/plans/clean.toml";
    let quiet = run(&["check", clean]);
    assert_eq!((quiet.code, quiet.stdout.as_str(), quiet.stderr.as_str()), (0, "", ""));
    let verbose = run(&["check", clean, "--verbose"]);
    assert_eq!(verbose.code, 0);
    assert_eq!(verbose.stdout, "tests/fixtures/plans/clean.toml: ok, no problems found\n");
}

#[test]
fn the_plan_path_comes_from_the_argument_the_environment_or_plan_toml() {
    let dir = tempfile::tempdir().unwrap();
    let missing = run_in(dir.path(), &["check"]);
    assert_eq!(missing.code, 2);
    insta::assert_snapshot!(missing.stderr, @r"
    error: no plan given: tried the PLAN argument (none), $CRUSCOTTO_PLAN (not set) and ./plan.toml (not found)
    help: run `cruscotto check path/to/plan.toml`, or set CRUSCOTTO_PLAN
    ");

    let clean = crate::support::root().join("tests/fixtures/plans/clean.toml");
    std::fs::copy(&clean, dir.path().join("plan.toml")).unwrap();
    assert_eq!(run_in(dir.path(), &["check", "--verbose"]).stdout, "plan.toml: ok, no problems found\n");

    let from_env = crate::support::binary()
        .current_dir(crate::support::root())
        .env("CRUSCOTTO_PLAN", "tests/fixtures/plans/clean.toml")
        .args(["check", "--verbose"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&from_env.stdout), "tests/fixtures/plans/clean.toml: ok, no problems found\n");
}

#[test]
fn bad_files_get_a_clear_message_and_a_non_zero_exit() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    };
    write("empty.toml", b"");
    write("binary.toml", &[0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0, 0xff, 0xfe, 0, 0]);
    write("latin1.toml", b"[plan]\nbody = \"Camera di Commercio\"\ntitle = \"Attivit\xe0\"\n");
    write("nested.toml", format!("x = {}{}", "[".repeat(100_000), "]".repeat(100_000)).as_bytes());
    std::fs::create_dir(dir.path().join("folder.toml")).unwrap();

    let empty = run_in(dir.path(), &["check", "empty.toml"]);
    assert_eq!(empty.code, 1);
    assert!(empty.stdout.contains("error[missing-key]: missing key `plan`"), "{}", empty.stdout);

    let binary = run_in(dir.path(), &["check", "binary.toml"]);
    assert_eq!(binary.code, 1);
    assert!(
        binary.stdout.contains("error[invalid-encoding]: the file is binary, not a text plan"),
        "{}",
        binary.stdout
    );

    let latin1 = run_in(dir.path(), &["check", "latin1.toml"]);
    assert_eq!(latin1.code, 1);
    assert!(latin1.stdout.contains("error[invalid-encoding]: the file is not UTF-8: byte 0xE0"), "{}", latin1.stdout);
    assert!(latin1.stdout.contains("--> latin1.toml:3:17"), "{}", latin1.stdout);

    let nested = run_in(dir.path(), &["check", "nested.toml"]);
    assert_eq!(nested.code, 1);
    assert!(nested.stdout.contains("error[toml-syntax]"), "{}", nested.stdout);

    let folder = run_in(dir.path(), &["check", "folder.toml"]);
    assert_eq!(folder.code, 2);
    assert_eq!(folder.stderr, "error: `folder.toml` is a directory, not a plan file\n");

    let absent = run_in(dir.path(), &["check", "absent.toml"]);
    assert_eq!(absent.code, 2);
    assert!(absent.stderr.starts_with("error: cannot read `absent.toml`: "), "{}", absent.stderr);

    // Commands that need a valid plan refuse a broken one with the same diagnostics.
    let tree = run_in(dir.path(), &["tree", "empty.toml"]);
    assert_eq!(tree.code, 1);
    assert!(tree.stderr.contains("error[missing-key]"), "{}", tree.stderr);
}

#[test]
fn usage_errors_exit_two() {
    assert_eq!(run(&["check", SEED, "--format", "yaml"]).code, 2);
    assert_eq!(run(&["frobnicate"]).code, 2);
    let columns = run(&["list", SEED, "--columns", "id,nome"]);
    assert_eq!(columns.code, 2);
    assert!(columns.stderr.contains("error: unknown column `nome`"), "{}", columns.stderr);
}

#[test]
fn tree_of_the_seed_plan() {
    let result = run(&["tree", SEED, "--width", "110", "--lang", "en"]);
    assert_eq!(result.code, 0);
    insta::assert_snapshot!("tree_seed_plan", result.transcript());
    let strategic = run(&["tree", SEED, "--depth", "strategic", "--lang", "en"]);
    insta::assert_snapshot!("tree_seed_plan_strategic", strategic.stdout);
    // The plan's own language, Italian.
    let italian = run(&["tree", SEED, "--width", "110", "--lang", "it"]);
    assert_eq!(italian.code, 0);
    insta::assert_snapshot!("tree_seed_plan_it", italian.transcript());
    let strategic = run(&["tree", SEED, "--depth", "strategic", "--lang", "it"]);
    insta::assert_snapshot!("tree_seed_plan_strategic_it", strategic.stdout);
}

#[test]
fn list_of_the_seed_plan_in_every_format() {
    let csv = run(&["list", SEED, "--format", "csv"]);
    assert_eq!(csv.code, 0);
    let mut reader = csv::Reader::from_reader(csv.stdout.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    let expected_start = [
        "id",
        "level",
        "mission",
        "strategic_objective",
        "program",
        "operational_objective",
        "name",
        "unit",
        "polarity",
    ];
    assert_eq!(&header[..expected_start.len()], expected_start);
    assert_eq!(&header[header.len() - 5..], ["2016", "2017", "2018", "2019", "2020"]);
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 128);
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let row = records.iter().find(|r| &r[0] == "S9.2").unwrap();
    assert_eq!(&row[column("level")], "strategic");
    assert_eq!(&row[column("2017")], "< 2");
    assert_eq!(&row[column("2019")], "1,45");
    let removed = records.iter().filter(|r| &r[column("status")] == "removed").count();
    assert_eq!(removed, 9);
    insta::assert_snapshot!("list_seed_plan_csv", csv.stdout);

    let json = run(&["list", SEED, "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 128);
    let o171 = rows.iter().find(|r| r["id"] == "O1.7.1").unwrap();
    assert_eq!(o171["level"], "operational");
    assert_eq!(o171["program"], "P1.4");
    assert_eq!(o171["2019"], "> 1");
    assert_eq!(o171["2016"], serde_json::Value::Null);

    let table = run(&["list", SEED, "--width", "160", "--lang", "en"]);
    assert_eq!(table.code, 0);
    insta::assert_snapshot!("list_seed_plan_table", table.stdout);
    let italian = run(&["list", SEED, "--width", "160", "--lang", "it"]);
    assert_eq!(italian.code, 0);
    insta::assert_snapshot!("list_seed_plan_table_it", italian.stdout);
    // CSV and JSON are the machine formats: the same in either language.
    for format in ["csv", "json"] {
        let english = run(&["list", SEED, "--format", format, "--lang", "en"]);
        assert_eq!(run(&["list", SEED, "--format", format, "--lang", "it"]).stdout, english.stdout, "{format}");
    }

    let chosen = run(&["list", SEED, "--format", "csv", "--columns", "id,2019"]);
    assert!(chosen.stdout.starts_with("id,2019\nS1.1,100%\nS1.2,< 10%\n"), "{}", chosen.stdout);
}

#[test]
fn schema_is_the_committed_one() {
    let result = run(&["schema"]);
    assert_eq!(result.code, 0);
    let committed = std::fs::read_to_string(crate::support::root().join("docs/plan.schema.json")).unwrap();
    assert_eq!(result.stdout, committed, "run `cruscotto schema > docs/plan.schema.json` and commit it");
}

#[test]
fn completions_for_every_shell_know_the_commands_and_their_options() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let result = run(&["completions", shell]);
        assert_eq!(result.code, 0, "{shell}: {}", result.transcript());
        for word in ["check", "score", "export", "actuals", "fail-under"] {
            assert!(result.stdout.contains(word), "{shell} completions lack `{word}`");
        }
    }
    assert_eq!(run(&["completions", "tcsh"]).code, 2);
}

#[test]
fn man_pages_for_the_tool_and_each_command() {
    let main = run(&["man"]);
    assert_eq!(main.code, 0, "{}", main.transcript());
    assert!(main.stdout.contains(".TH cruscotto 1"), "{}", main.stdout);
    for command in ["check", "tree", "list", "score", "template", "export", "diff", "history", "show", "import"] {
        assert!(main.stdout.contains(&format!("cruscotto\\-{command}(1)")), "the main page lacks `{command}`");
        let page = run(&["man", command]);
        assert_eq!(page.code, 0, "{}", page.transcript());
        assert!(page.stdout.contains(&format!(".TH cruscotto-{command} 1")), "{}", page.stdout);
    }
    assert!(run(&["man", "score"]).stdout.contains("\\-\\-actuals"));
    let unknown = run(&["man", "scroe"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.starts_with("error: no command `scroe`\nhelp: the commands are check, tree,"),
        "{}",
        unknown.stderr
    );
}
