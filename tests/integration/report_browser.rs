//! The seed plan's report opened in headless Chromium: accessibility (axe-core, WCAG 2.1 A and
//! AA), no horizontal overflow at 1280 and 390 px, the A4 print and the PDF of `--format pdf`,
//! every number against `score --format json`, in Italian and in English, and a generated plan
//! of 10,000 indicators that opens. The checks are `tests/browser/report.mjs`, run with node.
//!
//! Needs Chromium (`apt-get install chromium`, or `$CRUSCOTTO_BROWSER`), node, pdfinfo and
//! pdftotext (`apt-get install poppler-utils`) and the pinned npm packages (`npm ci` in
//! `tests/browser`); `.ci/run` installs them all. When one is missing the test fails saying
//! so, unless `CRUSCOTTO_SKIP_BROWSER_TESTS=1` opts out explicitly.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::report::{ACTUALS, EARLIER, SEED, run_report, score_json_text};
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

#[test]
// What the checks measured is printed, for `cargo test -- --nocapture` and failures.
#[allow(clippy::print_stderr)]
fn the_seed_report_passes_the_browser_checks() {
    let browser_tests = root().join("tests/browser");
    if std::env::var("CRUSCOTTO_SKIP_BROWSER_TESTS").is_ok_and(|v| v == "1") {
        eprintln!("browser checks of the report skipped: CRUSCOTTO_SKIP_BROWSER_TESTS=1");
        return;
    }
    let missing = missing_tools(&browser_tests);
    assert!(
        missing.is_empty(),
        "the browser checks of the report cannot run; missing:\n  - {}\n\
         `.ci/run` installs them all; or set CRUSCOTTO_SKIP_BROWSER_TESTS=1 to skip these checks on purpose",
        missing.join("\n  - ")
    );
    let browser = chromium().expect("checked above");
    let browser = browser.to_str().expect("a UTF-8 path");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let at = |name: &str| dir.path().join(name).to_str().expect("UTF-8").to_owned();

    let seed = ["report", SEED, "--actuals", EARLIER, "--actuals", ACTUALS];
    for output in [at("relazione.html"), at("relazione.pdf")] {
        let run = run_report(&[&seed[..], &["-o", &output]].concat(), &[("CRUSCOTTO_BROWSER", browser)]);
        assert_eq!(run.code, 0, "{output}: {}", run.stderr);
    }
    let english = run_report(&[&seed[..], &["-o", &at("report.html"), "--lang", "en"]].concat(), &[]);
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
    let output = Command::new("node")
        .current_dir(&browser_tests)
        .env("CRUSCOTTO_BROWSER", browser)
        .arg("report.mjs")
        .args(["--html", &at("relazione.html"), "--pdf", &at("relazione.pdf"), "--large", &at("large.html")])
        .args(["--scores", dir.path().to_str().unwrap(), "--year", "2019", "--html-en", &at("report.html")])
        .args(["--screenshots", screenshots.to_str().expect("UTF-8")])
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    eprintln!("{stdout}");
    assert!(output.status.success(), "the browser checks failed:\n{stdout}\n{stderr}");
}
