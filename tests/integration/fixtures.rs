//! One fixture per diagnostic code: plans under `tests/fixtures/check/<code>.toml` (run through
//! `cruscotto check`) and actuals under `tests/fixtures/actuals/<code>.csv` (run through
//! `cruscotto score` against `tests/fixtures/actuals/plan.toml`). Each is run, its exit code and
//! output are checked and snapshotted, in the English and in the Italian interface, and
//! `docs/diagnostics.md` must document every code with its fixture and its current output in
//! both languages.

use cruscotto::diagnostic::{Code, Family, Severity};

use crate::support::{Run, root, run as cruscotto};

/// The plan the actuals fixtures are read against.
const ACTUALS_PLAN: &str = "tests/fixtures/actuals/plan.toml";

/// The fixture whose bytes are not UTF-8.
const NOT_UTF8: Code = Code::InvalidEncoding;

/// A code's fixture and how it is run.
struct Fixture {
    code: Code,
    path: String,
}

impl Fixture {
    fn of(code: Code) -> Self {
        let path = match code.family() {
            Family::Plan => format!("tests/fixtures/check/{code}.toml"),
            Family::Actuals => format!("tests/fixtures/actuals/{code}.csv"),
            // A workbook that is not one: its bytes are text, so that the docs can show them.
            Family::Import if code == Code::UnreadableWorkbook => format!("tests/fixtures/import/{code}.xlsx"),
            Family::Import => format!("tests/fixtures/import/{code}.csv"),
        };
        Fixture { code, path }
    }

    /// The command line (without `--color never`), as the docs show it.
    fn args(&self, extra: &[&str]) -> Vec<String> {
        let mut args: Vec<String> = match self.code.family() {
            Family::Plan => vec!["check".into(), self.path.clone()],
            Family::Actuals => {
                let mut args = vec!["score".into(), ACTUALS_PLAN.into(), "--actuals".into(), self.path.clone()];
                if matches!(self.code, Code::MissingActual | Code::UnexplainedDeviation) {
                    args.push("--strict".into());
                }
                args.extend(["--format", "csv", "--level", "mission"].map(String::from));
                args
            }
            Family::Import => vec!["import".into(), self.path.clone()],
        };
        args.extend(extra.iter().map(|s| (*s).to_owned()));
        args
    }

    fn run(&self, extra: &[&str]) -> Run {
        let args = self.args(extra);
        cruscotto(&args.iter().map(String::as_str).collect::<Vec<_>>())
    }

    /// The command line of the run in the Italian interface: `--lang it` first.
    fn args_italian(&self) -> Vec<String> {
        ["--lang".to_owned(), "it".to_owned()].into_iter().chain(self.args(&[])).collect()
    }

    fn run_italian(&self) -> Run {
        let args = self.args_italian();
        cruscotto(&args.iter().map(String::as_str).collect::<Vec<_>>())
    }

    /// Where the diagnostics go: stdout for `check`, stderr for `score`.
    fn diagnostics<'r>(&self, run: &'r Run) -> &'r str {
        match self.code.family() {
            Family::Plan => &run.stdout,
            Family::Actuals | Family::Import => &run.stderr,
        }
    }

    /// The fixture's text (Latin-1 for the one that is not UTF-8).
    fn text(&self) -> String {
        let bytes = std::fs::read(root().join(&self.path)).unwrap_or_else(|e| panic!("{}: {e}", self.path));
        match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(error) => {
                assert_eq!(self.code, NOT_UTF8, "only the {NOT_UTF8} fixture may be other than UTF-8");
                error.into_bytes().iter().map(|&byte| char::from(byte)).collect()
            }
        }
    }
}

fn fixtures() -> Vec<Fixture> {
    Code::ALL.iter().copied().map(Fixture::of).collect()
}

/// The codes named by the diagnostics in a text output (`error[code]`, `warning[code]`).
fn codes_in(text: &str) -> Vec<&str> {
    text.lines()
        .filter_map(|line| line.strip_prefix("error[").or_else(|| line.strip_prefix("warning[")))
        .filter_map(|rest| rest.split(']').next())
        .collect()
}

#[test]
fn every_code_has_a_fixture_and_every_fixture_is_named_after_a_code() {
    for fixture in fixtures() {
        assert!(root().join(&fixture.path).is_file(), "{} has no fixture {}", fixture.code, fixture.path);
    }
    for (folder, extension) in [("tests/fixtures/check", "toml"), ("tests/fixtures/actuals", "csv")] {
        for entry in std::fs::read_dir(root().join(folder)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == extension) {
                let stem = path.file_stem().unwrap().to_string_lossy();
                assert!(Code::from_name(&stem).is_some(), "{} is not named after a diagnostic code", path.display());
            }
        }
    }
}

#[test]
fn every_fixture_starts_with_a_comment_saying_what_is_wrong() {
    for fixture in fixtures() {
        assert!(fixture.text().starts_with("# "), "{} must start with a `# ...` comment line", fixture.path);
    }
}

#[test]
fn every_fixture_reports_its_code_and_only_it_with_the_right_exit_code() {
    for fixture in fixtures() {
        let run = fixture.run(&[]);
        let expected = match fixture.code.severity() {
            Severity::Error => 1,
            Severity::Warning => 0,
        };
        assert_eq!(run.code, expected, "exit code of `{}`\n{}", fixture.args(&[]).join(" "), run.transcript());
        let codes = codes_in(fixture.diagnostics(&run));
        assert!(!codes.is_empty(), "{} reports nothing\n{}", fixture.path, run.transcript());
        assert!(codes.iter().all(|c| *c == fixture.code.as_str()), "{} reports {codes:?}", fixture.path);
        insta::with_settings!({ description => fixture.path.clone(), omit_expression => true }, {
            insta::assert_snapshot!(fixture.code.as_str(), run.transcript());
        });
    }
}

#[test]
fn every_fixture_reports_the_same_in_the_italian_interface() {
    for fixture in fixtures() {
        let (english, italian) = (fixture.run(&[]), fixture.run_italian());
        assert_eq!(italian.code, english.code, "exit code of `{}`", fixture.args_italian().join(" "));
        let codes = codes_in(fixture.diagnostics(&italian));
        assert_eq!(codes, codes_in(fixture.diagnostics(&english)), "{}", italian.transcript());
        assert_ne!(fixture.diagnostics(&italian), fixture.diagnostics(&english), "{}", italian.transcript());
        // What is read from files and is not a word of ours stays as it is: the score's CSV.
        if fixture.code.family() == Family::Actuals {
            assert_eq!(italian.stdout, english.stdout, "the CSV of `score` is a machine format");
        }
        insta::with_settings!({ description => fixture.path.clone(), omit_expression => true }, {
            insta::assert_snapshot!(format!("{}-it", fixture.code), italian.transcript());
        });
    }
}

#[test]
fn warning_fixtures_of_plans_fail_under_deny_warnings() {
    let warnings =
        fixtures().into_iter().filter(|f| f.code.family() == Family::Plan && f.code.severity() == Severity::Warning);
    for fixture in warnings {
        let run = fixture.run(&["--deny", "warnings"]);
        assert_eq!(run.code, 1, "{}", run.transcript());
        assert!(run.stdout.contains(&format!("warning[{}]", fixture.code)), "{}", run.transcript());
        assert!(run.stdout.ends_with("failing because of `--deny warnings`\n"), "{}", run.transcript());
    }
}

#[test]
fn the_json_format_is_an_array_of_diagnostics() {
    let fixture = Fixture::of(Code::DuplicateId);
    let run = fixture.run(&["--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    let diagnostics: serde_json::Value = serde_json::from_str(&run.stdout).expect("the output is JSON");
    let first = &diagnostics.as_array().expect("an array")[0];
    assert_eq!(first["code"], "duplicate-id");
    assert_eq!(first["severity"], "error");
    assert!(first["message"].as_str().is_some_and(|m| m.contains("S1.1")), "{first}");
    assert_eq!(first["file"], fixture.path.as_str());
    assert!(first["line"].as_u64().is_some_and(|line| line > 1), "{first}");
    assert!(first["column"].as_u64().is_some_and(|column| column >= 1), "{first}");
}

#[test]
fn the_github_format_is_a_workflow_annotation() {
    let fixture = Fixture::of(Code::DuplicateId);
    let run = fixture.run(&["--format", "github"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(run.stdout.starts_with(&format!("::error file={},line=", fixture.path)), "{}", run.transcript());
}

/// With `UPDATE_DOCS=1`, rewrites the output blocks of every code's section in
/// `docs/diagnostics.md` with what the fixture's command prints today, in English and in
/// Italian (the Italian block follows the English one, and is added when missing).
fn update_doc_outputs(doc: &str) -> String {
    let mut doc = doc.to_owned();
    for fixture in fixtures() {
        let english = format!("```text\n$ cruscotto {}\n", fixture.args(&[]).join(" "));
        let italian = format!("```text\n$ cruscotto {}\n", fixture.args_italian().join(" "));
        let Some(start) = doc.find(&english).map(|at| at + english.len()) else { continue };
        let end = start + doc[start..].find("```").expect("the output block is closed");
        doc.replace_range(start..end, &format!("{}\n", fixture.diagnostics(&fixture.run(&[])).trim_end()));
        if !doc.contains(&italian) {
            let after = start + doc[start..].find("```\n").expect("the output block is closed") + 4;
            doc.insert_str(after, &format!("\n{italian}```\n"));
        }
        let start = doc.find(&italian).expect("just added") + italian.len();
        let end = start + doc[start..].find("```").expect("the output block is closed");
        let run = fixture.run_italian();
        doc.replace_range(start..end, &format!("{}\n", fixture.diagnostics(&run).trim_end()));
    }
    doc
}

#[test]
fn the_diagnostics_doc_documents_every_code_with_its_fixture() {
    let path = root().join("docs/diagnostics.md");
    let mut doc = std::fs::read_to_string(&path).expect("docs/diagnostics.md exists");
    if std::env::var_os("UPDATE_DOCS").is_some() {
        doc = update_doc_outputs(&doc);
        std::fs::write(&path, &doc).expect("docs/diagnostics.md is writable");
    }
    // Markdown headings, not the `# ...` comments of the examples.
    let mut in_code_block = false;
    let headings: Vec<&str> = doc
        .lines()
        .filter(|line| {
            if line.starts_with("```") {
                in_code_block = !in_code_block;
            }
            !in_code_block && line.starts_with('#')
        })
        .collect();
    // The table of the codes lists each one, in the order of Code::ALL, with its severity.
    let rows: Vec<&str> = doc.lines().filter(|line| line.starts_with("| [`")).collect();
    let expected: Vec<String> = Code::ALL
        .iter()
        .map(|code| {
            let severity = if code.severity() == Severity::Error { "error" } else { "warning" };
            format!("| [`{code}`](#{code}) | {severity} | ")
        })
        .collect();
    assert_eq!(rows.len(), expected.len(), "the table of the codes in docs/diagnostics.md has a row per code");
    for (row, expected) in rows.iter().zip(&expected) {
        assert!(row.starts_with(expected.as_str()), "the table of the codes: `{row}` where `{expected}` is expected");
    }
    let mut last_heading = 0;
    for fixture in fixtures() {
        let quoted = format!("`{}`", fixture.code);
        let heading = headings
            .iter()
            .position(|heading| heading.starts_with("### ") && heading.contains(&quoted))
            .unwrap_or_else(|| panic!("docs/diagnostics.md has no heading with {quoted}"));
        assert!(heading >= last_heading, "the heading of {quoted} is out of the order of Code::ALL");
        last_heading = heading;
        assert!(doc.contains(fixture.text().trim()), "docs/diagnostics.md does not show {} verbatim", fixture.path);
        for (args, run) in [(fixture.args(&[]), fixture.run(&[])), (fixture.args_italian(), fixture.run_italian())] {
            let command = format!("$ cruscotto {}\n", args.join(" "));
            assert!(doc.contains(&command), "docs/diagnostics.md does not show the command `{}`", command.trim());
            let output = fixture.diagnostics(&run);
            assert!(
                doc.contains(&format!("{command}{}\n```", output.trim_end())),
                "docs/diagnostics.md does not show the current output of `{}` (run the tests with UPDATE_DOCS=1 \
                 to refresh it):\n{output}",
                command.trim()
            );
        }
    }
}
