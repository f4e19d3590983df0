//! The seed plan's report, and those of the examples of other shapes, opened in headless
//! Chromium: accessibility (axe-core, WCAG 2.1 A and AA), no horizontal overflow at 1280 and
//! 390 px, the A4 print and the PDF of `--format pdf`, every number against `score --format
//! json` of each year, in Italian and in English, and a generated plan of 10,000 indicators
//! that opens. The checks are `tests/browser/report.mjs`, run with node.
//!
//! Needs Chromium (`apt-get install chromium`, or `$CRUSCOTTO_BROWSER`), node, pdfinfo and
//! pdftotext (`apt-get install poppler-utils`) and the pinned npm packages (`npm ci` in
//! `tests/browser`); `.ci/run` installs them all. When one is missing the test fails saying
//! so, unless `CRUSCOTTO_SKIP_BROWSER_TESTS=1` opts out explicitly.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::report::{ACTUALS, EARLIER, SEED, run_report, score_json_text};
use crate::shapes::EXAMPLES;
use crate::support::root;

#[path = "../../benches/common.rs"]
mod generated;

/// The program `name` on `PATH`.
fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|folder| folder.join(name)).find(|p| p.is_file())
}

/// Chromium: `$CRUSCOTTO_BROWSER`, else `chromium` on `PATH`.
fn chromium() -> Option<PathBuf> {
    match std::env::var_os("CRUSCOTTO_BROWSER").filter(|v| !v.is_empty()) {
        Some(path) => Some(PathBuf::from(path)).filter(|p| p.is_file()),
        None => on_path("chromium").or_else(|| on_path("chromium-browser")),
    }
}

/// What the browser tests need and is missing, each with how to get it.
fn missing_tools(browser_tests: &Path) -> Vec<String> {
    let mut missing = Vec::new();
    if chromium().is_none() {
        missing.push("Chromium: `apt-get install chromium` (or set CRUSCOTTO_BROWSER to its path)".to_owned());
    }
    if on_path("node").is_none() {
        missing.push("node: `apt-get install nodejs npm`".to_owned());
    }
    if on_path("pdfinfo").is_none() || on_path("pdftotext").is_none() {
        missing.push("pdfinfo and pdftotext: `apt-get install poppler-utils`".to_owned());
    }
    for package in ["playwright-core", "axe-core"] {
        if !browser_tests.join("node_modules").join(package).join("package.json").is_file() {
            missing.push(format!("the npm package {package}: `npm ci` in tests/browser"));
        }
    }
    missing
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// The browser, or `None` when the checks are skipped on purpose; fails saying what is missing.
// What is skipped is printed, for `cargo test -- --nocapture`.
#[allow(clippy::print_stderr)]
fn browser_or_skip() -> Option<String> {
    if std::env::var("CRUSCOTTO_SKIP_BROWSER_TESTS").is_ok_and(|v| v == "1") {
        eprintln!("browser checks of the report skipped: CRUSCOTTO_SKIP_BROWSER_TESTS=1");
        return None;
    }
    let missing = missing_tools(&root().join("tests/browser"));
    assert!(
        missing.is_empty(),
        "the browser checks of the report cannot run; missing:\n  - {}\n\
         `.ci/run` installs them all; or set CRUSCOTTO_SKIP_BROWSER_TESTS=1 to skip these checks on purpose",
        missing.join("\n  - ")
    );
    let browser = chromium().expect("checked above");
    Some(browser.to_str().expect("a UTF-8 path").to_owned())
}

/// Writes `relazione.html` and `relazione.pdf` into `dir` with `report` and `args` (the plan
/// and its actuals).
fn write_reports(browser: &str, args: &[&str], dir: &Path) {
    for name in ["relazione.html", "relazione.pdf"] {
        let output = dir.join(name);
        let output = output.to_str().expect("UTF-8");
        let run = run_report(&[&["report"], args, &["-o", output]].concat(), &[("CRUSCOTTO_BROWSER", browser)]);
        assert_eq!(run.code, 0, "{args:?} {output}: {}", run.stderr);
    }
}

/// Runs `tests/browser/report.mjs` on the reports in `dir` (`relazione.html`, `relazione.pdf`),
/// its numbers against the `score-<year>.json` there, `year` being the year reported, on
/// `large` and on the English report `english` when given; fails with what it printed when a
/// check fails.
// What the checks measured is printed, for `cargo test -- --nocapture` and failures.
#[allow(clippy::print_stderr)]
fn run_checks(browser: &str, dir: &Path, year: &str, screenshots: &Path, large: Option<&Path>, english: Option<&Path>) {
    let utf8 = |path: &Path| path.to_str().expect("UTF-8").to_owned();
    let mut command = Command::new("node");
    command
        .current_dir(root().join("tests/browser"))
        .env("CRUSCOTTO_BROWSER", browser)
        .arg("report.mjs")
        .args(["--html", &utf8(&dir.join("relazione.html")), "--pdf", &utf8(&dir.join("relazione.pdf"))])
        .args(["--scores", &utf8(dir), "--year", year, "--screenshots", &utf8(screenshots)]);
    if let Some(large) = large {
        command.args(["--large", &utf8(large)]);
    }
    if let Some(english) = english {
        command.args(["--html-en", &utf8(english)]);
    }
    let output = command.output().expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    eprintln!("{stdout}");
    assert!(output.status.success(), "the browser checks failed:\n{stdout}\n{stderr}");
}

#[test]
fn the_seed_report_passes_the_browser_checks() {
    let Some(browser) = browser_or_skip() else { return };
    let dir = tempfile::tempdir().expect("a temporary folder");
    let at = |name: &str| dir.path().join(name).to_str().expect("UTF-8").to_owned();

    let seed = [SEED, "--actuals", EARLIER, "--actuals", ACTUALS];
    write_reports(&browser, &seed, dir.path());
    let english = run_report(&[&["report"], &seed[..], &["-o", &at("report.html"), "--lang", "en"]].concat(), &[]);
    assert_eq!(english.code, 0, "{}", english.stderr);
    for year in 2016..=2020 {
        write(&dir.path().join(format!("score-{year}.json")), &score_json_text(&year.to_string()));
    }

    // A generated plan of 10,024 indicators (358 strategic objectives × 28), with actuals.
    let (objectives, years) = (358, 2017..=2019);
    write(&dir.path().join("large.toml"), &generated::plan(objectives, years.clone()));
    write(&dir.path().join("large.csv"), &generated::actuals(objectives, years));
    let run = run_report(&["report", &at("large.toml"), "--actuals", &at("large.csv"), "-o", &at("large.html")], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    let screenshots = match std::env::var("CRUSCOTTO_UPDATE_SCREENSHOTS") {
        Ok(v) if v == "1" => root().join("docs"),
        _ => PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("report-screenshots"),
    };
    let english = dir.path().join("report.html");
    run_checks(&browser, dir.path(), "2019", &screenshots, Some(&dir.path().join("large.html")), Some(&english));
}

/// The reports of the plans of other shapes under `examples/` — no missions, levels of their
/// own names, parts, bands, perspectives, results not applicable — pass the same checks, in
/// the plan's language and in English.
#[test]
fn the_reports_of_the_examples_pass_the_browser_checks() {
    let Some(browser) = browser_or_skip() else { return };
    for (plan, actuals) in EXAMPLES {
        let dir = tempfile::tempdir().expect("a temporary folder");
        write_reports(&browser, &[plan, "--actuals", actuals], dir.path());
        let english = dir.path().join("report.html");
        let english_path = english.to_str().expect("UTF-8");
        let run = run_report(&["report", plan, "--actuals", actuals, "-o", english_path, "--lang", "en"], &[]);
        assert_eq!(run.code, 0, "{plan}: {}", run.stderr);
        // The trends show every year of the plan's horizon.
        let text = std::fs::read_to_string(root().join(plan)).expect("the example is read");
        let checked = cruscotto::check_plan(&cruscotto::source::SourceFile::new(plan, text));
        let metadata = checked.plan.expect("the example loads").metadata;
        for year in metadata.first_year..=metadata.last_year {
            let year = year.to_string();
            let args = ["score", plan, "--actuals", actuals, "--year", &year, "--level", "all", "--format", "json"];
            let score = run_report(&args, &[]);
            assert_eq!(score.code, 0, "{plan} {year}: {}", score.stderr);
            write(&dir.path().join(format!("score-{year}.json")), &score.stdout);
        }
        let year = metadata.year.to_string();
        run_checks(&browser, dir.path(), &year, &dir.path().join("screenshots"), None, Some(&english));
    }
}
