//! Standard input and output (`-`), plans read from git (`REV:path`), one file per `--actuals`,
//! exit codes through a closed pipe, and `--quiet`.

use crate::support::{git, root, run, run_in, run_pipeline, run_with_stdin};

const SEED: &str = "plans/maremma-tirreno-2019.toml";
const CLEAN: &str = "tests/fixtures/plans/clean.toml";
const ACTUALS: &str = "examples/actuals-2019.csv";
const ANNEX: &str = "tests/fixtures/seed/maremma-tirreno-2019-annex.txt";

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap()
}

/// A plan of `n` dashboard indicators, each with a 2019 target of `≥ 90%`; `edit` rewrites each
/// indicator's table.
fn generated_plan(n: usize, edit: impl Fn(String) -> String) -> String {
    let mut plan = "[plan]\nbody = \"Camera di Commercio di Esempio\"\ntitle = \"Piano 2019\"\nyear = 2019\n\
                    horizon = [2019, 2021]\nadopted-by = { body = \"Giunta\", number = \"12\", date = 2019-01-30 }\n\n\
                    [[mission]]\nid = \"011\"\nname = \"Competitività\"\n\n\
                    [[strategic-objective]]\nid = \"S1\"\nmission = \"011\"\nname = \"Semplificazione\"\n"
        .to_owned();
    for i in 0..n {
        plan.push_str(&edit(format!(
            "\n[[indicator]]\nid = \"S1.{i}\"\nobjective = \"S1\"\nname = \"Pratiche del tipo {i} evase / ricevute\"\n\
             unit = \"percent\"\ntargets = {{ 2019 = \"≥ 90%\" }}\n"
        )));
    }
    plan
}

#[test]
fn a_dash_reads_the_plan_from_standard_input() {
    // The reproducer: `git show HEAD:plan.toml | cruscotto check -`.
    let clean = run_with_stdin(root(), &["check", "-", "--verbose"], read(CLEAN));
    assert_eq!((clean.code, clean.stdout.as_str()), (0, "<stdin>: ok, no problems found\n"), "{}", clean.transcript());
    let broken = run_with_stdin(root(), &["check", "-"], read("tests/fixtures/check/duplicate-id.toml"));
    assert_eq!(broken.code, 1);
    assert!(broken.stdout.contains("--> <stdin>:26:6"), "{}", broken.stdout);
    for command in [&["tree", "-"][..], &["list", "-", "--format", "csv"], &["history", "-"]] {
        let result = run_with_stdin(root(), command, read(SEED));
        assert_eq!(result.code, 0, "{command:?}: {}", result.transcript());
        assert_eq!(result.stdout, run(&[&[command[0], SEED], &command[2..]].concat()).stdout, "{command:?}");
    }
    let scored = run_with_stdin(root(), &["score", "-", "--actuals", ACTUALS, "--format", "csv"], read(SEED));
    assert_eq!(scored.code, 0, "{}", scored.transcript());
    assert_eq!(scored.stdout, run(&["score", SEED, "--actuals", ACTUALS, "--format", "csv"]).stdout);
    // Provenance records what was read: the name as given, the digest of the bytes, no commit.
    let json = run_with_stdin(root(), &["score", "-", "--actuals", ACTUALS, "--format", "json"], read(SEED));
    let document: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let digest = cruscotto::provenance::sha256_hex(read(SEED).as_bytes());
    assert_eq!(document["provenance"]["plan"]["name"], "-");
    assert_eq!(document["provenance"]["plan"]["sha256"], digest);
    assert!(document["provenance"].get("git").is_none(), "{}", document["provenance"]);
}

#[test]
fn a_dash_reads_actuals_from_standard_input_once() {
    let scored = run_with_stdin(root(), &["score", SEED, "--actuals", "-", "--format", "csv"], read(ACTUALS));
    assert_eq!(scored.code, 0, "{}", scored.transcript());
    assert_eq!(scored.stdout, run(&["score", SEED, "--actuals", ACTUALS, "--format", "csv"]).stdout);
    let twice = run_with_stdin(root(), &["score", "-", "--actuals", "-"], read(SEED));
    assert_eq!(twice.code, 2);
    assert_eq!(
        twice.stderr,
        "error: standard input (`-`) can be read only once: give the plan or one actuals file as `-`, not both\n"
    );
}

#[test]
fn a_dash_writes_standard_output_and_no_file_named_dash() {
    let dir = tempfile::tempdir().unwrap();
    let plan = root().join(SEED);
    let plan = plan.to_str().unwrap();
    // The reproducer: `template -o -` wrote a file named `-`.
    let template = run_in(dir.path(), &["template", plan, "-o", "-"]);
    assert_eq!(template.code, 0, "{}", template.transcript());
    assert_eq!(template.stdout, run(&["template", SEED]).stdout);
    let shown = run_in(dir.path(), &["show", plan, "--as-of", "2018-12-31", "--format", "toml", "-o", "-"]);
    assert_eq!(shown.code, 0, "{}", shown.transcript());
    assert!(shown.stdout.contains("[plan]\n"), "{}", shown.stdout);
    let imported = run_in(dir.path(), &["import", root().join(ANNEX).to_str().unwrap(), "--body", "Camera", "-o", "-"]);
    assert_eq!(imported.code, 0, "{}", imported.transcript());
    assert!(imported.stdout.contains("[plan]\n"));
    let actuals = root().join(ACTUALS);
    let exported = run_in(dir.path(), &["export", plan, "--actuals", actuals.to_str().unwrap(), "-o", "-"]);
    assert_eq!(exported.code, 0, "{}", exported.transcript());
    assert!(exported.stdout.starts_with("PK"), "a workbook on stdout");
    let imported_from_stdin = run_with_stdin(dir.path(), &["import", "-", "--body", "Camera", "-o", "-"], read(ANNEX));
    assert_eq!(imported_from_stdin.code, 0, "{}", imported_from_stdin.transcript());
    assert!(
        imported_from_stdin
            .stdout
            .starts_with("# Importato con `cruscotto import` da <stdin> (testo separato da tabulazioni).")
    );
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(left.is_empty(), "nothing is written into the folder: {left:?}");
}

#[test]
#[cfg_attr(windows, ignore = "needs git, which the Windows test environment does not have")]
fn a_plan_is_read_from_git_wherever_a_plan_is_read() {
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q"]);
    std::fs::create_dir(dir.path().join("plans")).unwrap();
    std::fs::write(dir.path().join("plans/piano.toml"), read(SEED)).unwrap();
    std::fs::copy(root().join(ACTUALS), dir.path().join("actuals.csv")).unwrap();
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "piano adottato"]);
    // The working copy is broken; HEAD's version is the adopted plan.
    std::fs::write(dir.path().join("plans/piano.toml"), "[plan]\n").unwrap();

    let from_git = "HEAD:plans/piano.toml";
    for command in [&["check", from_git][..], &["tree", from_git], &["list", from_git], &["history", from_git]] {
        let result = run_in(dir.path(), command);
        assert_eq!(result.code, 0, "{command:?}: {}", result.transcript());
    }
    let shown = run_in(dir.path(), &["show", from_git, "--as-of", "2018-12-31"]);
    assert_eq!(shown.code, 0, "{}", shown.transcript());
    let scored = run_in(dir.path(), &["score", from_git, "--actuals", "actuals.csv", "--format", "json"]);
    assert_eq!(scored.code, 0, "{}", scored.transcript());
    let document: serde_json::Value = serde_json::from_str(&scored.stdout).unwrap();
    assert_eq!(document["provenance"]["plan"]["name"], from_git);
    assert_eq!(document["provenance"]["plan"]["sha256"], cruscotto::provenance::sha256_hex(read(SEED).as_bytes()));
    let head = std::process::Command::new("git").current_dir(dir.path()).args(["rev-parse", "HEAD"]).output().unwrap();
    let head = String::from_utf8_lossy(&head.stdout).trim().to_owned();
    assert_eq!(document["provenance"]["git"], serde_json::json!({ "commit": head, "clean": true }));

    // The working copy's errors name it; the note on warnings names a command that works.
    let broken = run_in(dir.path(), &["check", "plans/piano.toml"]);
    assert_eq!(broken.code, 1);
    let refused = run_in(dir.path(), &["check", "--", "--upload-pack=x:plans/piano.toml"]);
    assert_eq!(refused.code, 2);
    assert_eq!(refused.stderr, "error: `--upload-pack=x:plans/piano.toml`: a git revision cannot start with `-`\n");
    let missing = run_in(dir.path(), &["check", "HEAD:plans/nessuno.toml"]);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.starts_with("error: git cannot read `HEAD:plans/nessuno.toml`: "), "{}", missing.stderr);
}

#[test]
fn each_actuals_flag_takes_one_file_and_a_plan_is_not_actuals() {
    let dir = tempfile::tempdir().unwrap();
    // A `./plan.toml` that is not the plan meant: it must not be scored silently.
    std::fs::write(dir.path().join("plan.toml"), read(CLEAN)).unwrap();
    std::fs::write(dir.path().join("piano.toml"), read(SEED)).unwrap();
    std::fs::copy(root().join(ACTUALS), dir.path().join("a.csv")).unwrap();
    // The reproducer: `score --actuals a.csv plan.toml` read the plan as actual values.
    let scored = run_in(dir.path(), &["score", "--actuals", "a.csv", "piano.toml", "--format", "csv"]);
    assert_eq!(scored.code, 0, "{}", scored.transcript());
    assert_eq!(scored.stdout, run(&["score", SEED, "--actuals", ACTUALS, "--format", "csv"]).stdout);
    let mistaken = run_in(dir.path(), &["score", "--actuals", "piano.toml"]);
    assert_eq!(mistaken.code, 2);
    assert_eq!(
        mistaken.stderr,
        "error: `piano.toml` is a plan (TOML), not actual values\nhelp: give the plan as the PLAN argument, and each \
         file of actual values with its own `--actuals FILE`\n"
    );
}

#[test]
#[cfg_attr(windows, ignore = "pipes through a POSIX shell (`sh -c '… | head -1'`)")]
fn exit_codes_survive_a_pipe_closed_early() {
    let dir = tempfile::tempdir().unwrap();
    // Outputs of hundreds of kilobytes, so that `head -1` closes the pipe while they are written.
    std::fs::write(dir.path().join("bad.toml"), generated_plan(3000, |t| t.replace("\"percent\"", "\"percentuale\"")))
        .unwrap();
    std::fs::write(dir.path().join("old.toml"), generated_plan(3000, |t| t)).unwrap();
    std::fs::write(dir.path().join("new.toml"), generated_plan(3000, |t| t.replace("≥ 90%", "≥ 80%"))).unwrap();
    let half: String = (0..3000).map(|i| format!("S1.{i},2019,45\n")).collect();
    std::fs::write(dir.path().join("half.csv"), format!("indicator,year,value\n{half}")).unwrap();
    std::fs::write(dir.path().join("none.csv"), "indicator,year,value\n").unwrap();
    for (pipeline, code) in [
        ("\"$CRUSCOTTO\" check bad.toml | head -1", 1),
        ("\"$CRUSCOTTO\" diff old.toml new.toml --require-acts | head -1", 1),
        ("\"$CRUSCOTTO\" score new.toml --actuals none.csv --strict --format csv | head -1", 1),
        ("\"$CRUSCOTTO\" score new.toml --actuals half.csv --fail-under 99.9 --format csv | head -1", 3),
        ("\"$CRUSCOTTO\" check old.toml | head -1", 0),
    ] {
        let result = run_pipeline(dir.path(), pipeline);
        assert_eq!(result.code, code, "{pipeline}\n{}", result.transcript());
        assert_eq!(result.stdout.lines().count(), if code == 0 { 0 } else { 1 }, "{pipeline}");
    }
    // The CI recipe of docs/revisions.md: the annotations through `tee`, the step failing.
    let recipe =
        run_pipeline(dir.path(), "\"$CRUSCOTTO\" diff old.toml new.toml --require-acts --format github | tee diff.txt");
    assert_eq!(recipe.code, 1, "{}", recipe.transcript());
    assert_eq!(recipe.stdout.lines().filter(|l| l.starts_with("::error file=new.toml,line=")).count(), 3000);
}

#[test]
fn exit_codes_survive_a_pipe_closed_before_anything_is_written() {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let output = crate::support::binary()
        .current_dir(root())
        .args(["check", "tests/fixtures/check/duplicate-id.toml"])
        .stdout(writer)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "", "a closed stdout is not an error to report");
}

#[test]
fn quiet_drops_notes_and_summaries_never_errors() {
    let dir = tempfile::tempdir().unwrap();
    let plan = root().join(SEED);
    let plan = plan.to_str().unwrap();
    let loud = run_in(dir.path(), &["template", plan, "-o", "a.csv"]);
    assert!(loud.stderr.ends_with("wrote 119 rows to a.csv\n"), "{}", loud.stderr);
    let quiet = run_in(dir.path(), &["--quiet", "template", plan, "-o", "b.csv"]);
    assert_eq!((quiet.code, quiet.stderr.as_str()), (0, ""));
    let refused = run_in(dir.path(), &["template", plan, "-o", "b.csv", "-q"]);
    assert_eq!(refused.code, 2);
    assert_eq!(refused.stderr, "error: `b.csv` exists; use --force to overwrite it\n");
    let broken = run(&["tree", "tests/fixtures/check/duplicate-id.toml", "--quiet"]);
    assert_eq!(broken.code, 1);
    assert!(broken.stderr.contains("error[duplicate-id]"), "{}", broken.stderr);
}

/// The first line `check` writes for a plan with an error (to stdout), with `args` and `env`.
fn first_error_line(args: &[&str], env: &[(&str, &str)]) -> String {
    let mut command = crate::support::binary();
    command.env_remove("NO_COLOR").current_dir(crate::support::root());
    command.args(args).args(["check", "tests/fixtures/check/duplicate-id.toml"]);
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command.output().unwrap();
    String::from_utf8(output.stdout).unwrap().lines().next().unwrap_or_default().to_owned()
}

#[test]
fn colour_follows_the_conventions_of_the_environment() {
    let coloured = "\u{1b}[1m\u{1b}[31merror[duplicate-id]\u{1b}[0m";
    // Not a terminal: no colour unless something forces it.
    assert_eq!(first_error_line(&[], &[]), first_error_line(&["--color", "never"], &[]));
    assert!(!first_error_line(&[], &[]).contains('\u{1b}'));
    for force in [("CLICOLOR_FORCE", "1"), ("FORCE_COLOR", "1"), ("FORCE_COLOR", "true")] {
        let line = first_error_line(&[], &[force]);
        assert!(line.starts_with(coloured), "{force:?}: {line:?}");
        // NO_COLOR wins over both, and --color over everything.
        assert!(!first_error_line(&[], &[force, ("NO_COLOR", "1")]).contains('\u{1b}'), "{force:?}");
        assert!(!first_error_line(&["--color", "never"], &[force]).contains('\u{1b}'), "{force:?}");
    }
    assert!(!first_error_line(&[], &[("FORCE_COLOR", "")]).contains('\u{1b}'));
    assert!(first_error_line(&["--color", "always"], &[("NO_COLOR", "1")]).starts_with(coloured));
}
