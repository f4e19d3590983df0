//! One fixture per diagnostic code (`tests/fixtures/check/<code>.toml`): each is run through
//! `cruscotto check`, its exit code and output are checked and snapshotted, and
//! `docs/diagnostics.md` is checked to document every code with its fixture.

use cruscotto::diagnostic::{Code, Severity};

use crate::support::{Run, root, run as cruscotto};

/// The fixtures' folder, relative to the repository root (the working directory of every run).
const FIXTURES: &str = "tests/fixtures/check";

/// The fixture whose bytes are not UTF-8.
const NOT_UTF8: &str = "invalid-encoding";

/// The code names of the fixtures, sorted.
fn fixtures() -> Vec<String> {
    let folder = root().join(FIXTURES);
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", folder.display()))
        .map(|entry| entry.expect("a readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .map(|path| path.file_stem().and_then(|stem| stem.to_str()).expect("a UTF-8 file name").to_owned())
        .collect();
    names.sort();
    names
}

/// `tests/fixtures/check/<name>.toml`, as given on the command line.
fn fixture_path(name: &str) -> String {
    format!("{FIXTURES}/{name}.toml")
}

/// The code a fixture is named after.
fn code_of(name: &str) -> Code {
    Code::from_name(name).unwrap_or_else(|| panic!("{} is not named after a diagnostic code", fixture_path(name)))
}

fn check(name: &str, extra: &[&str]) -> Run {
    let path = fixture_path(name);
    let mut args = vec!["check", path.as_str()];
    args.extend_from_slice(extra);
    cruscotto(&args)
}

#[test]
fn every_code_has_a_fixture_and_every_fixture_is_named_after_a_code() {
    let names = fixtures();
    for name in &names {
        code_of(name);
    }
    let missing: Vec<&str> =
        Code::ALL.iter().map(|code| code.as_str()).filter(|code| !names.iter().any(|name| name == code)).collect();
    assert!(missing.is_empty(), "codes without a fixture in {FIXTURES}: {missing:?}");
}

#[test]
fn every_fixture_starts_with_a_comment_saying_what_is_wrong() {
    for name in fixtures() {
        let bytes = std::fs::read(root().join(fixture_path(&name))).expect("the fixture is readable");
        assert!(bytes.starts_with(b"# "), "{} must start with a `# ...` comment line", fixture_path(&name));
    }
}

#[test]
fn every_fixture_reports_its_code_with_the_right_exit_code() {
    for name in fixtures() {
        let code = code_of(&name);
        let run = check(&name, &[]);
        let expected = match code.severity() {
            Severity::Error => 1,
            Severity::Warning => 0,
        };
        assert_eq!(run.code, expected, "exit code of `check {}`\n{}", fixture_path(&name), run.transcript());
        assert!(run.stdout.contains(&format!("[{name}]")), "`[{name}]` not in the output\n{}", run.transcript());
        insta::with_settings!({ description => fixture_path(&name), omit_expression => true }, {
            insta::assert_snapshot!(name.as_str(), run.transcript());
        });
    }
}

#[test]
fn every_fixture_reports_only_its_own_code() {
    for name in fixtures() {
        let run = check(&name, &["--format", "json"]);
        let diagnostics: serde_json::Value = serde_json::from_str(&run.stdout).expect("the output is JSON");
        let codes: Vec<&str> = diagnostics
            .as_array()
            .expect("an array of diagnostics")
            .iter()
            .map(|diagnostic| diagnostic["code"].as_str().expect("a code"))
            .collect();
        assert!(!codes.is_empty(), "{} reports nothing", fixture_path(&name));
        assert!(codes.iter().all(|code| *code == name), "{} reports {codes:?}", fixture_path(&name));
    }
}

#[test]
fn warning_fixtures_fail_under_deny_warnings() {
    let warnings = fixtures().into_iter().filter(|name| code_of(name).severity() == Severity::Warning);
    for name in warnings {
        let run = check(&name, &["--deny", "warnings"]);
        assert_eq!(run.code, 1, "`check {} --deny warnings`\n{}", fixture_path(&name), run.transcript());
        assert!(run.stdout.contains(&format!("warning[{name}]")), "{}", run.transcript());
    }
}

#[test]
fn the_json_format_is_an_array_of_diagnostics() {
    let run = check("duplicate-id", &["--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    let diagnostics: serde_json::Value = serde_json::from_str(&run.stdout).expect("the output is JSON");
    let first = &diagnostics.as_array().expect("an array")[0];
    assert_eq!(first["code"], "duplicate-id");
    assert_eq!(first["severity"], "error");
    assert!(first["message"].as_str().is_some_and(|m| m.contains("S1.1")), "{first}");
    assert_eq!(first["file"], fixture_path("duplicate-id"));
    assert!(first["line"].as_u64().is_some_and(|line| line > 1), "{first}");
    assert!(first["column"].as_u64().is_some_and(|column| column >= 1), "{first}");
}

#[test]
fn the_github_format_is_a_workflow_annotation() {
    let run = check("duplicate-id", &["--format", "github"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    let prefix = format!("::error file={},line=", fixture_path("duplicate-id"));
    assert!(run.stdout.starts_with(&prefix), "{}", run.transcript());
}

/// With `UPDATE_DOCS=1`, rewrites the output block of every code's section in
/// `docs/diagnostics.md` with what `cruscotto check` prints today.
fn update_doc_outputs(doc: &str) -> String {
    let mut doc = doc.to_owned();
    for code in Code::ALL {
        let command = format!("```text\n$ cruscotto check {}\n", fixture_path(code.as_str()));
        let Some(start) = doc.find(&command).map(|at| at + command.len()) else { continue };
        let end = start + doc[start..].find("```").expect("the output block is closed");
        let output = check(code.as_str(), &[]).stdout;
        doc.replace_range(start..end, &format!("{}\n", output.trim_end()));
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
    // Markdown headings, not the `# ...` comments of the TOML examples.
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
    let mut last_heading = 0;
    for code in Code::ALL {
        let name = code.as_str();
        let quoted = format!("`{name}`");
        let heading = headings
            .iter()
            .position(|heading| heading.contains(&quoted))
            .unwrap_or_else(|| panic!("docs/diagnostics.md has no heading with {quoted}"));
        assert!(heading >= last_heading, "the heading of {quoted} is out of the order of Code::ALL");
        last_heading = heading;

        let bytes = std::fs::read(root().join(fixture_path(name))).expect("the fixture is readable");
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(error) => {
                assert_eq!(name, NOT_UTF8, "only the {NOT_UTF8} fixture may be other than UTF-8");
                // Latin-1: every byte is the character of the same number.
                error.into_bytes().iter().map(|&byte| char::from(byte)).collect()
            }
        };
        assert!(doc.contains(text.trim()), "docs/diagnostics.md does not show {} verbatim", fixture_path(name));

        let output = check(name, &[]).stdout;
        assert!(
            doc.contains(output.trim_end()),
            "docs/diagnostics.md does not show the current output of `cruscotto check {}` \
             (run the tests with UPDATE_DOCS=1 to refresh it):\n{output}",
            fixture_path(name)
        );
    }
}
