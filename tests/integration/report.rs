//! `cruscotto report`: the page of the seed plan (self-contained, Italian, every section), its
//! data (the numbers of `score --format json`, the multi-year view, documented in
//! `docs/report.md`), custom templates and their errors, bad inputs writing nothing, overwrite
//! refusal, the PDF's browser lookup. The page in a real browser: `report_browser.rs`.

use std::path::Path;

use serde_json::Value as Json;

use crate::support::{Run, root};

pub(crate) const SEED: &str = "plans/maremma-tirreno-2019.toml";
pub(crate) const EARLIER: &str = "examples/actuals-2016-2018.csv";
pub(crate) const ACTUALS: &str = "examples/actuals-2019.csv";
/// 31 March 2020, as `SOURCE_DATE_EPOCH`: the report's date, fixed for comparisons.
const DATE_EPOCH: &str = "1585612800";

/// `cruscotto --color never ARGS` from the repository root with a fixed date and `envs`.
pub(crate) fn run_report(args: &[&str], envs: &[(&str, &str)]) -> Run {
    let mut command = crate::support::binary();
    command
        .current_dir(root())
        .env_remove("CRUSCOTTO_BROWSER")
        .env("SOURCE_DATE_EPOCH", DATE_EPOCH)
        .args(["--color", "never"])
        .args(args);
    for (key, value) in envs {
        command.env(key, value);
    }
    let output = command.output().expect("the binary runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// `report` of the seed plan with both example files, then `extra`.
fn report_seed(extra: &[&str]) -> Run {
    let mut args = vec!["report", SEED, "--actuals", EARLIER, "--actuals", ACTUALS];
    args.extend_from_slice(extra);
    run_report(&args, &[])
}

fn temporary() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8")
}

#[test]
fn the_seed_report_is_one_self_contained_italian_page_with_every_section() {
    let run = report_seed(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = &run.stdout;
    assert!(html.starts_with("<!doctype html>"), "{}", &html[..100]);
    assert!(html.contains("<html lang=\"it\">"));
    for section in [
        "Relazione sulla performance 2019",
        "Camera di Commercio della Maremma e del Tirreno",
        "Giunta n. 81 del 25/07/2019",
        "1. Sintesi dei risultati",
        "2. Obiettivi strategici (specifici triennali)",
        "3. Obiettivi operativi (annuali)",
        "3.1 Per programma e obiettivo",
        "3.2 Per area e servizio",
        "4. Scostamenti e motivazioni",
        "5. Sterilizzazioni e rideterminazioni",
        "Nessun risultato è stato sterilizzato o rideterminato.",
        "6. Aggiornamenti del piano",
        "7. Metodo di misurazione",
        "8. Provenienza dei dati",
    ] {
        assert!(html.contains(section), "missing: {section}");
    }
    // Nothing is fetched from elsewhere: no script, stylesheet, font or image outside the page.
    for outside in ["<script", "<link", "src=\"http", "href=\"http", "url(http", "@import"] {
        assert!(!html.contains(outside), "the page refers outside itself: {outside}");
    }
    // The provenance names the files with their digests and the date given.
    let plan_digest = cruscotto::provenance::sha256_hex(&std::fs::read(root().join(SEED)).unwrap());
    assert!(html.contains(&plan_digest));
    assert!(html.contains("<time datetime=\"2020-03-31\">31/03/2020</time>"));
    // A deviation without a note is listed as such; one with a note shows it.
    assert!(html.contains("Motivazione non indicata"));
    assert!(html.contains("Molte imprese individuali ancora senza PEC attiva"));
    // Every status word, with its shape.
    for (word, key) in [("raggiunto", "met"), ("parzialmente raggiunto", "partial"), ("non raggiunto", "missed")] {
        assert!(html.contains(&format!("<use href=\"#shape-{key}\"/></svg>{word}</span>")), "{word}");
    }
}

#[test]
fn the_same_inputs_give_the_same_bytes() {
    assert_eq!(report_seed(&[]).stdout, report_seed(&[]).stdout);
}

/// The report's data as JSON.
fn data() -> Json {
    let run = report_seed(&["--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).expect("JSON")
}

/// `score --level all --format json` of the seed plan for `year`, as text.
pub(crate) fn score_json_text(year: &str) -> String {
    let run = run_report(
        &[
            "score",
            SEED,
            "--actuals",
            EARLIER,
            "--actuals",
            ACTUALS,
            "--year",
            year,
            "--level",
            "all",
            "--format",
            "json",
        ],
        &[],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
}

fn score_json(year: &str) -> Json {
    serde_json::from_str(&score_json_text(year)).expect("JSON")
}

/// Every indicator of the data's tree, in tree order.
fn indicators(data: &Json) -> Vec<&Json> {
    let mut out = Vec::new();
    for mission in data["missions"].as_array().unwrap() {
        for objective in mission["objectives"].as_array().unwrap() {
            out.extend(objective["indicators"].as_array().unwrap());
            for program in objective["programs"].as_array().unwrap() {
                for operational in program["objectives"].as_array().unwrap() {
                    out.extend(operational["indicators"].as_array().unwrap());
                }
            }
        }
    }
    out
}

#[test]
fn the_data_carries_the_numbers_of_score_json_in_both_forms() {
    let data = data();
    let score = score_json("2019");
    let expected = score["indicators"].as_array().unwrap();
    let actual = indicators(&data);
    assert_eq!(actual.len(), expected.len(), "every indicator once in the tree");
    for (page, json) in actual.iter().zip(expected) {
        assert_eq!(page["id"], json["id"]);
        for field in ["reference", "actual", "deviation", "attainment", "weight"] {
            assert_eq!(page[field]["value"].as_str(), json[field].as_str(), "{} {field}", json["id"]);
        }
        assert_eq!(page["status"]["key"], json["status"], "{}", json["id"]);
        assert_eq!(page["target"], json["target"], "{}", json["id"]);
        // The Italian form is the same number with a decimal comma.
        if let Some(value) = json["attainment"].as_str() {
            assert_eq!(page["attainment"]["text"].as_str().unwrap(), value.replace('.', ","));
        }
    }
    let body = &data["summary"]["body"];
    assert_eq!(body["attainment"]["value"], score["body"]["attainment"]);
    assert_eq!(body["attainment"]["text"], "99,14");
    assert_eq!((body["scored"].as_u64(), body["expected"].as_u64()), (Some(42), Some(44)));
    let objectives = data["summary"]["objectives"].as_array().unwrap();
    for (page, json) in objectives.iter().zip(score["strategic_objectives"].as_array().unwrap()) {
        assert_eq!(page["id"], json["id"]);
        assert_eq!(page["attainment"]["value"], json["attainment"]);
        assert_eq!(page["operational"]["attainment"]["value"], json["operational"]["attainment"]);
    }
    for (key, level) in [("areas", "areas"), ("services", "services")] {
        for (page, json) in data["groups"][key].as_array().unwrap().iter().zip(score[level].as_array().unwrap()) {
            assert_eq!((&page["id"], &page["attainment"]["value"]), (&json["id"], &json["attainment"]));
        }
    }
}

#[test]
fn the_multi_year_view_shows_each_year_of_the_horizon_and_no_actual_as_none() {
    let data = data();
    let objective = &data["missions"][0]["objectives"][0];
    assert_eq!(objective["row"]["id"], "S1");
    let trend = &objective["trends"][1];
    assert_eq!(trend["id"], "S1.2");
    let years: Vec<i64> = trend["years"].as_array().unwrap().iter().map(|y| y["year"].as_i64().unwrap()).collect();
    assert_eq!(years, [2016, 2017, 2018, 2019, 2020]);
    // 2018 and 2019 were given; 2017 and 2020 were not: no value, "non rilevato", never zero.
    let year = |y: usize| &trend["years"][y];
    assert_eq!(year(2)["actual"]["value"], "9.1");
    assert_eq!(year(3)["actual"]["text"], "12%");
    assert_eq!(year(1)["actual"], Json::Null);
    assert_eq!(year(1)["status"]["label"], "non rilevato");
    assert_eq!(year(4)["actual"], Json::Null);
    // Actuals of several years were given: the chart is drawn, the missing years marked.
    let svg = trend["chart"]["svg"].as_str().unwrap();
    assert!(svg.contains("role=\"img\"") && svg.contains(">n.r.<"), "{svg}");
    for (i, y) in ["2016", "2017", "2018", "2019", "2020"].iter().enumerate() {
        let json = score_json(y);
        let row = json["indicators"].as_array().unwrap().iter().find(|r| r["id"] == "S1.2").unwrap();
        assert_eq!(year(i)["actual"]["value"].as_str(), row["actual"].as_str(), "{y}");
        assert_eq!(year(i)["status"]["key"], row["status"], "{y}");
    }
}

#[test]
fn with_one_year_of_actuals_the_trends_have_no_chart() {
    let run = run_report(&["report", SEED, "--actuals", ACTUALS, "--format", "json"], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let data: Json = serde_json::from_str(&run.stdout).unwrap();
    let trend = &data["missions"][0]["objectives"][0]["trends"][0];
    assert_eq!(trend["chart"], Json::Null);
    assert_eq!(trend["years"].as_array().unwrap().len(), 5);
}

/// Every key of the data, with its path (`summary.body.attainment.value`).
fn keys(value: &Json, path: &str, out: &mut std::collections::BTreeSet<String>) {
    match value {
        Json::Object(map) => {
            for (key, inner) in map {
                if path == "labels" {
                    continue;
                }
                let path = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                out.insert(path.clone());
                keys(inner, &path, out);
            }
        }
        Json::Array(items) => items.iter().for_each(|item| keys(item, path, out)),
        _ => {}
    }
}

#[test]
fn the_template_data_reference_documents_every_field_and_label() {
    let doc = std::fs::read_to_string(root().join("docs/report.md")).unwrap();
    let data = data();
    let mut all = std::collections::BTreeSet::new();
    keys(&data, "", &mut all);
    let missing: Vec<&String> =
        all.iter().filter(|path| !doc.contains(&format!("`{}`", path.rsplit('.').next().unwrap()))).collect();
    assert!(missing.is_empty(), "fields not documented in docs/report.md: {missing:?}");
    let labels: Vec<&String> =
        data["labels"].as_object().unwrap().keys().filter(|k| !doc.contains(&format!("`{k}`"))).collect();
    assert!(labels.is_empty(), "labels not documented in docs/report.md: {labels:?}");
}

#[test]
fn output_is_written_whole_and_never_over_a_file_without_force() {
    let dir = temporary();
    let file = dir.path().join("relazione-2019.html");
    let run = report_seed(&["-o", path_str(&file)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(written.ends_with("</html>\n"));
    std::fs::write(&file, "kept").unwrap();
    let run = report_seed(&["-o", path_str(&file)]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("exists; use --force to overwrite it"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "kept");
    let run = report_seed(&["-o", path_str(&file), "--force"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), written);
    // No temporary file is left beside it.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn a_bad_plan_or_actuals_row_is_reported_and_nothing_is_written() {
    let dir = temporary();
    let file = dir.path().join("r.html");
    let run = run_report(
        &["report", "tests/fixtures/check/invalid-target.toml", "--actuals", ACTUALS, "-o", path_str(&file)],
        &[],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("invalid-target.toml:"), "{}", run.stderr);
    assert!(!file.exists());
    let bad_row = dir.path().join("bad.csv");
    std::fs::write(&bad_row, "indicator,year,value\nS1.1,2019,abc\nS9.9,2019,1\n").unwrap();
    let run = run_report(&["report", SEED, "--actuals", path_str(&bad_row), "-o", path_str(&file)], &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("bad.csv:2:"), "{}", run.stderr);
    assert!(run.stderr.contains("bad.csv:3:"), "every bad row in one run: {}", run.stderr);
    assert!(!file.exists());
}

#[test]
fn the_default_template_written_out_renders_the_same_page() {
    let dir = temporary();
    let folder = dir.path().join("modello");
    let run = run_report(&["report", "--write-template", path_str(&folder)], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for (name, text) in cruscotto::report::DEFAULT_FILES {
        assert_eq!(&std::fs::read_to_string(folder.join(name)).unwrap(), text);
    }
    let again = run_report(&["report", "--write-template", path_str(&folder)], &[]);
    assert_eq!(again.code, 2, "never over existing files without --force");
    let custom = report_seed(&["--template", path_str(&folder)]);
    assert_eq!(custom.code, 0, "{}", custom.stderr);
    assert_eq!(custom.stdout, report_seed(&[]).stdout);
    // An office changes its copy: the page follows.
    let page = folder.join("report.html");
    let text = std::fs::read_to_string(&page).unwrap().replace("<h1>", "<h1 class=\"ufficio\">");
    std::fs::write(&page, text).unwrap();
    assert!(report_seed(&["--template", path_str(&folder)]).stdout.contains("<h1 class=\"ufficio\">"));
}

/// A template folder with `report.html` holding `text`.
fn template_with(text: &str) -> tempfile::TempDir {
    let dir = temporary();
    std::fs::write(dir.path().join("report.html"), text).unwrap();
    dir
}

#[test]
fn a_bad_template_names_its_file_and_line_and_writes_nothing() {
    let out = temporary();
    let file = out.path().join("r.html");
    for (text, line, what) in [
        ("<p>{{ document.title }}</p>\n<p>{% if %}</p>\n", 2, "syntax error"),
        ("<p>{{ document.title }}</p>\n\n<p>{{ document.titel }}</p>\n", 3, "undefined value"),
        ("<p>{{ labels.no_such_label }}</p>\n", 1, "undefined value"),
    ] {
        let dir = template_with(text);
        let run = report_seed(&["--template", path_str(dir.path()), "-o", path_str(&file)]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        let expected = format!("`{}`, line {line}: {what}", dir.path().join("report.html").display());
        assert!(run.stderr.contains(&expected), "{expected}\n{}", run.stderr);
        assert!(!file.exists());
    }
    let not_a_folder = report_seed(&["--template", SEED]);
    assert_eq!(not_a_folder.code, 2);
    assert!(not_a_folder.stderr.contains("is not a folder"), "{}", not_a_folder.stderr);
    let empty = temporary();
    let no_entry = report_seed(&["--template", path_str(empty.path())]);
    assert_eq!(no_entry.code, 2);
    assert!(no_entry.stderr.contains("has no `report.html`"), "{}", no_entry.stderr);
}

#[test]
fn a_template_error_reads_like_this() {
    let dir = template_with("<h1>{{ document.title }}</h1>\n<p>{{ summary.bodi.attainment.text }}</p>\n");
    let run = report_seed(&["--template", path_str(dir.path())]);
    let folder = dir.path().display().to_string();
    // The path as the system writes it: `[TEMPLATE]\report.html` on Windows.
    let transcript = run.transcript().replace(&folder, "[TEMPLATE]").replace("[TEMPLATE]\\", "[TEMPLATE]/");
    insta::assert_snapshot!(transcript);
}

#[test]
fn without_a_browser_the_pdf_names_what_was_tried_and_nothing_is_written() {
    let dir = temporary();
    let file = dir.path().join("relazione.pdf");
    let empty = temporary();
    let run =
        run_report(&["report", SEED, "--actuals", ACTUALS, "-o", path_str(&file)], &[("PATH", path_str(empty.path()))]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("tried $CRUSCOTTO_BROWSER (not set) and chromium, chromium-browser, google-chrome"),
        "{}",
        run.stderr
    );
    assert!(!file.exists());
    let run = run_report(
        &["report", SEED, "--actuals", ACTUALS, "--format", "pdf", "-o", path_str(&file)],
        &[("CRUSCOTTO_BROWSER", "/no/such/chromium")],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("$CRUSCOTTO_BROWSER is `/no/such/chromium`"), "{}", run.stderr);
    assert!(!file.exists());
}

#[test]
#[cfg_attr(windows, ignore = "uses the POSIX `false` program as the browser")]
fn a_browser_that_fails_leaves_no_file() {
    // `false` exits 1 without printing: the PDF is refused, nothing is written.
    let Some(fails) = ["/bin/false", "/usr/bin/false"].into_iter().find(|p| Path::new(p).exists()) else { return };
    let dir = temporary();
    let file = dir.path().join("relazione.pdf");
    let run =
        run_report(&["report", SEED, "--actuals", ACTUALS, "-o", path_str(&file)], &[("CRUSCOTTO_BROWSER", fails)]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("did not print the PDF"), "{}", run.stderr);
    assert!(!file.exists());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}
