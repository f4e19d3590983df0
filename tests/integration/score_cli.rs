//! `cruscotto score` and `cruscotto template` on the shipped plan and examples: every format,
//! the CI options, and the round trip template → filled file → score.

use crate::support::{run, run_in};

const SEED: &str = "plans/maremma-tirreno-2019.toml";
const EARLIER: &str = "examples/actuals-2016-2018.csv";
const ACTUALS: &str = "examples/actuals-2019.csv";

fn score(extra: &[&str]) -> crate::support::Run {
    let mut args = vec!["score", SEED, "--actuals", EARLIER, "--actuals", ACTUALS];
    args.extend_from_slice(extra);
    run(&args)
}

#[test]
fn the_main_job_prints_the_summary_and_the_indicators() {
    let result = score(&["--width", "160", "--lang", "en"]);
    assert_eq!(result.code, 0, "{}", result.transcript());
    assert!(result.stdout.contains("attainment 2019: 99.14%"), "{}", result.stdout);
    insta::assert_snapshot!("score_seed_table", result.transcript());
    let italian = score(&["--width", "160", "--lang", "it"]);
    assert_eq!(italian.code, 0, "{}", italian.transcript());
    assert!(italian.stdout.contains("grado di raggiungimento 2019: 99,14%"), "{}", italian.stdout);
    insta::assert_snapshot!("score_seed_table_it", italian.transcript());
}

#[test]
fn the_2019_examples_exercise_every_status_but_baseline_and_no_target() {
    let csv = score(&["--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.stdout.as_bytes());
    let header = reader.headers().unwrap().clone();
    for column in ["id", "year", "target", "actual", "attainment", "status"] {
        assert!(header.iter().any(|h| h == column), "no column {column}");
    }
    let status_at = header.iter().position(|h| h == "status").unwrap();
    let attainment_at = header.iter().position(|h| h == "attainment").unwrap();
    let mut statuses = std::collections::BTreeSet::new();
    for record in reader.records() {
        let record = record.unwrap();
        statuses.insert(record[status_at].to_owned());
        let attainment = &record[attainment_at];
        // A plain number with two decimals, or empty when unscored.
        assert!(attainment.is_empty() || attainment.split_once('.').is_some_and(|(_, d)| d.len() == 2), "{attainment}");
    }
    let expected = ["met", "missed", "missing", "not-measurable", "partial", "removed"];
    assert_eq!(statuses.iter().map(String::as_str).collect::<Vec<_>>(), expected);
    insta::assert_snapshot!("score_seed_csv", csv.stdout);

    // 2018: baseline years and indicators without a 2018 target.
    let earlier = run(&["score", SEED, "--actuals", EARLIER, "--year", "2018", "--format", "csv"]);
    assert_eq!(earlier.code, 0, "{}", earlier.transcript());
    assert!(earlier.stdout.contains(",baseline,"), "{}", earlier.stdout);
    assert!(earlier.stdout.contains(",no-target,"), "{}", earlier.stdout);
}

#[test]
fn json_carries_the_rules_and_every_level() {
    let result = score(&["--format", "json"]);
    assert_eq!(result.code, 0);
    let document: serde_json::Value = serde_json::from_str(&result.stdout).unwrap();
    assert_eq!(document["year"], 2019);
    assert_eq!(document["rules"]["cap"], "100");
    assert_eq!(document["rules"]["missing-data"], "exclude");
    assert_eq!(document["body"]["attainment"], "99.14");
    for key in
        ["missions", "strategic_objectives", "programs", "operational_objectives", "areas", "services", "indicators"]
    {
        assert!(document[key].as_array().is_some_and(|a| !a.is_empty()), "{key}");
    }
    assert_eq!(document["indicators"].as_array().unwrap().len(), 128);
    let s1 = document["strategic_objectives"].as_array().unwrap().iter().find(|o| o["id"] == "S1").unwrap();
    assert_eq!(s1["attainment"], "94.44");
    assert_eq!(s1["operational"]["scored"], 13);
    // What the figures were computed from: the files as given with their digests, the tool, and
    // the commit (which changes with every commit: checked, then redacted).
    let provenance = &document["provenance"];
    assert_eq!(provenance["tool"], format!("cruscotto {}", env!("CARGO_PKG_VERSION")));
    let digest =
        |path: &str| cruscotto::provenance::sha256_hex(&std::fs::read(crate::support::root().join(path)).unwrap());
    assert_eq!(
        provenance["plan"],
        serde_json::json!({ "name": SEED, "sha256": digest(SEED), "bytes": std::fs::metadata(crate::support::root().join(SEED)).unwrap().len() })
    );
    let actuals: Vec<&str> =
        provenance["actuals"].as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap()).collect();
    assert_eq!(actuals, [EARLIER, ACTUALS]);
    assert_eq!(provenance["actuals"][1]["sha256"], digest(ACTUALS));
    if let Some(git) = provenance.get("git") {
        assert!(git["commit"].as_str().is_some_and(|c| c.len() == 40), "{git}");
        assert!(git["clean"].is_boolean(), "{git}");
    }
    let mut redacted = document.clone();
    redacted["provenance"]["git"] =
        serde_json::json!("[redacted: the commit checked out and whether the tree is clean]");
    let mut text = serde_json::to_string_pretty(&redacted).unwrap();
    text.push('\n');
    insta::assert_snapshot!("score_seed_json", text);
}

/// The digests of provenance are of the bytes of each file, whichever way they are taken: of a
/// big file's text on a thread of its own while the file is read (a plan and a CSV file over a
/// megabyte), or of the bytes as read when the text is not them (a byte order mark, lone `\r`
/// line ends).
#[test]
fn provenance_digests_are_of_the_bytes_read_however_taken() {
    let dir = tempfile::tempdir().unwrap();
    let read = |path: &str| std::fs::read_to_string(crate::support::root().join(path)).unwrap();
    let padding = "# riga di commento che porta il file oltre il megabyte\n".repeat(20_000);
    let plan = format!("{}{padding}", read(SEED));
    let big = format!("{}{padding}", read(ACTUALS));
    let mut marked = b"\xEF\xBB\xBF".to_vec();
    marked.extend(read(EARLIER).replace('\n', "\r").into_bytes());
    assert!(plan.len() > 1 << 20 && big.len() > 1 << 20);
    std::fs::write(dir.path().join("plan.toml"), &plan).unwrap();
    std::fs::write(dir.path().join("big.csv"), &big).unwrap();
    std::fs::write(dir.path().join("marked.csv"), &marked).unwrap();
    let result = run_in(dir.path(), &["score", "plan.toml", "-a", "marked.csv", "-a", "big.csv", "--format", "json"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let document: serde_json::Value = serde_json::from_str(&result.stdout).unwrap();
    assert_eq!(document["body"]["attainment"], "99.14");
    let provenance = &document["provenance"];
    let digest = |bytes: &[u8]| serde_json::json!(cruscotto::provenance::sha256_hex(bytes));
    assert_eq!(provenance["plan"]["sha256"], digest(plan.as_bytes()));
    assert_eq!(provenance["actuals"][0]["sha256"], digest(&marked));
    assert_eq!(provenance["actuals"][1]["sha256"], digest(big.as_bytes()));
    assert_eq!(provenance["actuals"][1]["bytes"], big.len());
}

#[test]
fn markdown_is_ready_for_the_relazione() {
    let result = score(&["--format", "markdown", "--level", "strategic", "--lang", "en"]);
    assert_eq!(result.code, 0);
    insta::assert_snapshot!("score_seed_markdown_strategic", result.stdout);
    let italian = score(&["--format", "markdown", "--level", "strategic", "--lang", "it"]);
    assert_eq!(italian.code, 0);
    insta::assert_snapshot!("score_seed_markdown_strategic_it", italian.stdout);
    let indicators = score(&["--format", "markdown", "--level", "indicator", "--lang", "it"]);
    insta::assert_snapshot!("score_seed_markdown_indicators_it", indicators.stdout);
}

#[test]
fn each_level_on_its_own() {
    for level in
        ["indicator", "operational", "program", "strategic", "mission", "perspective", "area", "service", "all"]
    {
        let table = score(&["--level", level, "--width", "140"]);
        assert_eq!(table.code, 0, "{level}: {}", table.transcript());
        let csv = score(&["--level", level, "--format", "csv"]);
        assert_eq!(csv.code, 0, "{level}: {}", csv.transcript());
        let rows = csv.stdout.lines().count() - 1;
        let expected = match level {
            "indicator" => 128,
            "operational" => 58,
            "program" => 36,
            "strategic" => 14,
            "mission" => 4,
            "perspective" => 2,
            "area" => 4,
            "service" => 10,
            _ => 128 + 1 + 4 + 14 + 36 + 58 + 2 + 4 + 10,
        };
        assert_eq!(rows, expected, "{level}");
    }
    let services = |lang| score(&["--level", "service", "--width", "120", "--lang", lang]).stdout;
    insta::assert_snapshot!("score_seed_services", services("en"));
    insta::assert_snapshot!("score_seed_services_it", services("it"));
}

#[test]
fn explain_prints_the_rules() {
    let result = score(&["--explain", "--level", "mission", "--lang", "en"]);
    insta::assert_snapshot!("score_seed_explain", result.stdout);
    let italian = score(&["--explain", "--level", "mission", "--lang", "it"]);
    insta::assert_snapshot!("score_seed_explain_it", italian.stdout);
}

#[test]
fn fail_under_exits_three_below_the_threshold() {
    assert_eq!(score(&["--level", "mission", "--fail-under", "95"]).code, 0);
    let below = score(&["--level", "mission", "--fail-under", "99,5"]);
    assert_eq!(below.code, 3, "{}", below.transcript());
    assert_eq!(below.stderr.lines().last().unwrap(), "error: the body's attainment 99,14% is below --fail-under 99,5%");
    assert_eq!(score(&["--fail-under", "tanto"]).code, 2);
}

#[test]
fn strict_requires_every_actual_and_a_note_for_every_deviation() {
    let result = score(&["--strict", "--level", "mission", "--format", "csv"]);
    assert_eq!(result.code, 1, "{}", result.transcript());
    // Three missing actuals, one not measurable, one partial without a note (S11.3).
    assert_eq!(result.stderr.matches("error[missing-actual]").count(), 4, "{}", result.stderr);
    assert_eq!(result.stderr.matches("error[unexplained-deviation]").count(), 1, "{}", result.stderr);
    assert!(result.stderr.contains("S11.3 2019 is partial without a note"), "{}", result.stderr);
}

#[test]
fn without_last_years_file_relative_targets_are_not_measurable() {
    let result = run(&["score", SEED, "--actuals", ACTUALS, "--format", "csv"]);
    let row = result.stdout.lines().find(|l| l.starts_with("S9.10,")).unwrap();
    assert!(row.contains(",not-measurable,"), "{row}");
    assert!(row.contains("the 2018 actual needed by `x ≤ x-1` is missing"), "{row}");
}

#[test]
fn bad_actuals_stop_the_run_with_every_problem() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("consuntivo.csv");
    std::fs::write(&path, "indicatore;anno;valore\nS1.1;2019;100\nS1.9;2019;5\nS9.2;2019;uno\nS9.2;2019;1,3\n")
        .unwrap();
    let plan = crate::support::root().join(SEED);
    let result = run_in(dir.path(), &["score", plan.to_str().unwrap(), "--actuals", "consuntivo.csv"]);
    assert_eq!(result.code, 1);
    assert_eq!(result.stdout, "");
    insta::assert_snapshot!("score_bad_actuals", result.stderr.replace(plan.to_str().unwrap(), "PLAN"));
    let missing = run(&["score", SEED, "--actuals", "examples/nessuno.csv"]);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.starts_with("error: cannot read `examples/nessuno.csv`"), "{}", missing.stderr);
    assert_eq!(run(&["score", SEED]).code, 2, "--actuals is required");
    assert_eq!(score(&["--year", "2030"]).code, 2);
}

/// A template as `template` wrote it (`delimiter` between fields), filled in: every value
/// `n.d.`, then a few real ones, every other column kept as written.
fn fill(template: &str, delimiter: char) -> String {
    template
        .lines()
        .map(|line| {
            let line = line.trim_start_matches('\u{feff}');
            if line.starts_with('#') || line.starts_with("indicator") {
                return format!("{line}\n");
            }
            let mut fields: Vec<String> = line.splitn(4, delimiter).map(str::to_owned).collect();
            fields[2] = match (fields[0].as_str(), delimiter) {
                ("S9.2", ',') => "\"1,3\"".to_owned(),
                ("S9.2", _) => "1,3".to_owned(),
                ("O9.3.1", _) => "sì".to_owned(),
                _ => "n.d.".to_owned(),
            };
            format!("{}\n", fields.join(&delimiter.to_string()))
        })
        .collect()
}

#[test]
fn a_filled_template_is_accepted_unchanged() {
    // In either language, with its own delimiter: `;` for Italian Excel, `,` for English.
    for (lang, delimiter, header) in [("en", ',', "indicator,year,value,"), ("it", ';', "indicatore;anno;valore;")] {
        let template = run(&["template", SEED, "--lang", lang]);
        assert_eq!(template.code, 0, "{}", template.transcript());
        // 128 indicators, 9 removed in 2019 or before: 119 rows, a comment and a header.
        assert_eq!(template.stdout.lines().count(), 121);
        assert!(template.stdout.lines().nth(1).unwrap().starts_with(header), "{lang}: {}", template.stdout);
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("filled.csv"), fill(&template.stdout, delimiter)).unwrap();
        let plan = crate::support::root().join(SEED);
        let result =
            run_in(dir.path(), &["score", plan.to_str().unwrap(), "--actuals", "filled.csv", "--format", "csv"]);
        assert_eq!(result.code, 0, "{lang}: {}", result.transcript());
        assert!(
            result.stdout.lines().any(|l| l.starts_with("S9.2,2019,") && l.contains(",100.00,met,")),
            "{lang}: {}",
            result.stdout
        );
        assert!(result.stdout.lines().any(|l| l.starts_with("O9.3.1,2019,") && l.contains(",100.00,met,")));
    }
}

#[test]
fn template_for_one_service_and_for_excel() {
    let promozione = run(&["template", SEED, "--service", "promozione", "--delimiter", "semicolon", "--lang", "en"]);
    assert_eq!(promozione.code, 0);
    let lines: Vec<&str> = promozione.stdout.lines().collect();
    assert_eq!(lines[1], "indicator;year;value;numerator;denominator;benchmark;note;source;name;unit;target;services");
    // The service's own indicators and the cross-cutting ones.
    assert!(
        lines[2..].iter().all(|l| l.ends_with(";Promozione")
            || l.contains(";cross-cutting, reported by ")
            || l.contains(";Promozione, ")),
        "{lines:?}"
    );
    // For the Italian plan, Italian words, and `;` (with the byte order mark Excel needs) unless
    // told otherwise.
    let italian = run(&["template", SEED, "--service", "promozione"]);
    assert!(italian.stdout.starts_with("\u{feff}# Valori a consuntivo 2019 · "), "{}", italian.stdout);
    let lines: Vec<&str> = italian.stdout.lines().collect();
    assert_eq!(
        lines[1],
        "indicatore;anno;valore;numeratore;denominatore;media cluster;nota;fonte;denominazione;unità;target;servizi"
    );
    assert!(
        lines[2..].iter().any(|l| l.contains(";percentuale;") && l.contains(";trasversale, a cura di ")),
        "{lines:?}"
    );
    let comma = run(&["template", SEED, "--service", "promozione", "--delimiter", "comma"]);
    assert!(comma.stdout.lines().nth(1).unwrap().starts_with("indicatore,anno,valore,"), "{}", comma.stdout);
    let unknown = run(&["template", SEED, "--service", "marketing"]);
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("service `marketing` is not in the plan"), "{}", unknown.stderr);
}

#[test]
fn template_output_is_written_whole_and_never_over_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let plan = crate::support::root().join(SEED);
    let plan = plan.to_str().unwrap();
    let first = run_in(dir.path(), &["template", plan, "-o", "raccolta.csv"]);
    assert_eq!(first.code, 0, "{}", first.transcript());
    assert_eq!(first.stderr, "wrote 119 rows to raccolta.csv\n");
    let written = std::fs::read_to_string(dir.path().join("raccolta.csv")).unwrap();
    assert_eq!(written, run(&["template", SEED]).stdout);
    let again = run_in(dir.path(), &["template", plan, "-o", "raccolta.csv", "--year", "2018"]);
    assert_eq!(again.code, 2);
    assert!(again.stderr == "error: `raccolta.csv` exists; use --force to overwrite it\n", "{}", again.stderr);
    assert_eq!(std::fs::read_to_string(dir.path().join("raccolta.csv")).unwrap(), written, "left as it was");
    let forced = run_in(dir.path(), &["template", plan, "-o", "raccolta.csv", "--year", "2018", "--force"]);
    assert_eq!(forced.code, 0);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left: {leftovers:?}");
}
