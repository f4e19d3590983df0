//! Overrides of outcomes (`[[override]]`): neutralised and reassessed results, in the scoring,
//! in every output of `score`, in `export`, `diff`, `history` and `show --as-of`.

use cruscotto::source::SourceFile;

use crate::support::{Run, root, run_in};

const SEED: &str = "plans/maremma-tirreno-2019.toml";
const EARLIER: &str = "examples/actuals-2016-2018.csv";
const ACTUALS: &str = "examples/actuals-2019.csv";

/// S7.4 has no 2019 value: the customer survey was not carried out. The OIV neutralises it.
const NEUTRALISE_S74: &str = "\n[[override]]\nnode = \"S7.4\"\nyear = 2019\noutcome = \"neutralised\"\n\
    reason = \"Indagine di customer satisfaction non svolta nel 2019: servizio riorganizzato\"\n\
    decided-by = \"OIV\"\nact = { body = \"OIV\", number = \"3\", date = 2020-04-15 }\n";

/// S11.3 is partial without a note; the Giunta, on the OIV's proposal, reassesses it at 100.
const REASSESS_S113: &str = "\n[[override]]\nnode = \"S11.3\"\nyear = 2019\noutcome = \"reassessed\"\n\
    attainment = 100\nreason = \"Obiettivo condizionato dal blocco delle assunzioni (causa esterna)\"\n\
    decided-by = \"Giunta\"\nact = { body = \"Giunta\", number = \"40\", date = 2020-05-20 }\n";

fn seed() -> String {
    std::fs::read_to_string(root().join(SEED)).unwrap()
}

/// A folder with `plan.toml` (the seed plus `overrides`) and the example actuals.
fn folder(overrides: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.toml"), format!("{}{overrides}", seed())).unwrap();
    for file in [EARLIER, ACTUALS] {
        std::fs::copy(root().join(file), dir.path().join(file.rsplit('/').next().unwrap())).unwrap();
    }
    dir
}

fn score(dir: &tempfile::TempDir, extra: &[&str]) -> Run {
    let mut args = vec!["score", "plan.toml", "-a", "actuals-2016-2018.csv", "-a", "actuals-2019.csv"];
    args.extend_from_slice(extra);
    run_in(dir.path(), &args)
}

fn csv_row(csv: &str, id: &str) -> std::collections::BTreeMap<String, String> {
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    let record = reader.records().map(Result::unwrap).find(|r| &r[0] == id).unwrap_or_else(|| panic!("no row {id}"));
    header.into_iter().zip(record.iter().map(str::to_owned)).collect()
}

#[test]
fn strict_accepts_a_missing_value_that_carries_an_override() {
    // The reproducer: `score --strict` failed on S7.4 (`n.d.`) although its note explains why.
    let before = score(&folder(""), &["--strict", "--level", "mission"]);
    assert!(before.stderr.contains("error[missing-actual]: S7.4 2019: not available (n.d.)"), "{}", before.stderr);
    let dir = folder(&format!("{NEUTRALISE_S74}{REASSESS_S113}"));
    let after = score(&dir, &["--strict", "--level", "mission"]);
    assert!(!after.stderr.contains("S7.4"), "{}", after.stderr);
    assert!(!after.stderr.contains("S11.3"), "a reassessment explains its result: {}", after.stderr);
    // The other findings stay.
    assert_eq!(after.stderr.matches("error[missing-actual]").count(), 3, "{}", after.stderr);
    assert_eq!(after.code, 1);
}

#[test]
fn a_neutralised_indicator_leaves_the_roll_ups_and_a_reassessed_one_counts_as_decided() {
    let plain = score(&folder(""), &["--format", "json"]);
    let dir = folder(&format!("{NEUTRALISE_S74}{REASSESS_S113}"));
    let result = score(&dir, &["--format", "json"]);
    assert_eq!(result.code, 0, "{}", result.transcript());
    let before: serde_json::Value = serde_json::from_str(&plain.stdout).unwrap();
    let after: serde_json::Value = serde_json::from_str(&result.stdout).unwrap();
    let indicator = |doc: &serde_json::Value, id: &str| {
        doc["indicators"].as_array().unwrap().iter().find(|i| i["id"] == id).unwrap().clone()
    };
    let s74 = indicator(&after, "S7.4");
    assert_eq!(s74["status"], "neutralised");
    assert_eq!(s74["attainment"], serde_json::Value::Null);
    assert_eq!(s74["override"]["outcome"], "neutralised");
    assert_eq!(s74["override"]["computed_status"], "missing");
    assert_eq!(s74["override"]["decided_by"], "OIV");
    assert_eq!(s74["override"]["act"], serde_json::json!({ "body": "OIV", "number": "3", "date": "2020-04-15" }));
    let s113 = indicator(&after, "S11.3");
    assert_eq!((s113["status"].as_str(), s113["attainment"].as_str()), (Some("met"), Some("100.00")));
    assert_eq!(s113["override"]["computed_status"], "partial");
    assert_eq!(s113["override"]["computed_attainment"], indicator(&before, "S11.3")["attainment"]);
    // S7: S7.4 was missing (out of the attainment, in the coverage); neutralised, it is out of both.
    let objective = |doc: &serde_json::Value, id: &str| {
        doc["strategic_objectives"].as_array().unwrap().iter().find(|o| o["id"] == id).unwrap().clone()
    };
    let (s7_before, s7_after) = (objective(&before, "S7"), objective(&after, "S7"));
    assert_eq!(s7_after["attainment"], s7_before["attainment"]);
    assert_eq!(s7_after["expected"].as_u64().unwrap() + 1, s7_before["expected"].as_u64().unwrap());
    // S11: S11.3 now counts 100.
    assert_ne!(objective(&after, "S11")["attainment"], objective(&before, "S11")["attainment"]);
    assert_eq!(after["statuses"]["neutralised"], 1);
    let listed: Vec<&str> = after["overrides"].as_array().unwrap().iter().map(|o| o["id"].as_str().unwrap()).collect();
    assert_eq!(listed, ["S7.4", "S11.3"]);
}

#[test]
fn an_objective_can_be_neutralised_or_reassessed() {
    let neutralise_s7 = NEUTRALISE_S74.replace("node = \"S7.4\"", "node = \"S7\"");
    let dir = folder(&neutralise_s7);
    let result = score(&dir, &["--format", "csv", "--level", "strategic"]);
    assert_eq!(result.code, 0, "{}", result.transcript());
    let row = result.stdout.lines().find(|l| l.starts_with("strategic,S7,")).unwrap();
    assert!(row.contains(",neutralised,Indagine di customer satisfaction"), "{row}");
    // The body leaves S7 out: its attainment is the mean of the other objectives.
    let json: serde_json::Value = serde_json::from_str(&score(&dir, &["--format", "json"]).stdout).unwrap();
    let objectives = json["strategic_objectives"].as_array().unwrap();
    let others: Vec<rust_decimal::Decimal> = objectives
        .iter()
        .filter(|o| o["id"] != "S7")
        .filter_map(|o| o["attainment"].as_str())
        .map(|a| a.parse().unwrap())
        .collect();
    let s7 = objectives.iter().find(|o| o["id"] == "S7").unwrap();
    assert_eq!(s7["attainment"], serde_json::Value::Null);
    assert_eq!(s7["override"]["outcome"], "neutralised");
    let body: rust_decimal::Decimal = json["body"]["attainment"].as_str().unwrap().parse().unwrap();
    let mean = others.iter().sum::<rust_decimal::Decimal>() / rust_decimal::Decimal::from(others.len());
    // Objectives weigh 1 each; the shown values are rounded, so the means agree to the cent.
    assert!((body - mean).abs() < rust_decimal::Decimal::new(1, 2), "{body} vs {mean}");

    let reassess_s7 =
        REASSESS_S113.replace("node = \"S11.3\"", "node = \"S7\"").replace("attainment = 100", "attainment = 90");
    let json: serde_json::Value =
        serde_json::from_str(&score(&folder(&reassess_s7), &["--format", "json"]).stdout).unwrap();
    let s7 = json["strategic_objectives"].as_array().unwrap().iter().find(|o| o["id"] == "S7").unwrap().clone();
    assert_eq!(s7["attainment"], "90.00");
    assert_eq!(s7["override"]["outcome"], "reassessed");
}

#[test]
fn every_output_shows_the_override() {
    let dir = folder(&format!("{NEUTRALISE_S74}{REASSESS_S113}"));
    let table = score(&dir, &["--width", "200", "--lang", "en"]);
    assert_eq!(table.code, 0, "{}", table.transcript());
    assert!(
        table.stdout.contains(
            "\nOverrides of outcomes, 2019 (results marked *, or neutralised):\n  S7.4: neutralised by OIV (OIV n. 3 del \
             15/04/2020): Indagine di customer satisfaction non svolta nel 2019: servizio riorganizzato; computed: missing\n"
        ),
        "{}",
        table.stdout
    );
    assert!(table.stdout.contains("100.00 *"), "{}", table.stdout);
    assert!(table.stdout.contains("neutralised"), "{}", table.stdout);
    // The plan's own language: the decision as the Relazione states it.
    let italian = score(&dir, &["--width", "400"]);
    assert!(
        italian.stdout.contains(
            "\nSterilizzazioni e rideterminazioni, 2019 (risultati segnati con *, o sterilizzati):\n  S7.4: sterilizzato \
             con decisione di OIV (OIV n. 3 del 15/04/2020): Indagine di customer satisfaction non svolta nel 2019: \
             servizio riorganizzato; esito calcolato: non rilevato\n  S11.3: grado di raggiungimento rideterminato a 100 \
             con decisione di Giunta (Giunta n. 40 del 20/05/2020): Obiettivo condizionato dal blocco delle assunzioni \
             (causa esterna); esito calcolato: parzialmente raggiunto (91,67)\n"
        ),
        "{}",
        italian.stdout
    );
    assert!(italian.stdout.contains("100,00 *"), "{}", italian.stdout);
    let csv = score(&dir, &["--format", "csv"]);
    let row = csv_row(&csv.stdout, "S11.3");
    assert_eq!(row["override"], "reassessed");
    assert_eq!(row["override_decided_by"], "Giunta");
    assert_eq!(row["override_act"], "Giunta n. 40 del 20/05/2020");
    assert_eq!(row["computed_status"], "partial");
    assert_eq!((row["status"].as_str(), row["attainment"].as_str()), ("met", "100.00"));
    let markdown = score(&dir, &["--format", "markdown", "--lang", "en"]);
    assert!(
        markdown.stdout.contains("\nOverrides of outcomes, 2019 (results marked \\*, or neutralised):\n\n- S7.4: "),
        "{}",
        markdown.stdout
    );
    assert!(markdown.stdout.contains("| 100.00 \\* | met |"), "{}", markdown.stdout);
    let markdown = score(&dir, &["--format", "markdown"]);
    assert!(markdown.stdout.contains("| 100,00 \\* | raggiunto |"), "{}", markdown.stdout);

    // export: the columns of the CSV, and each override in the rules.
    let export = |lang: &str, folder: &str| {
        let args = ["export", "plan.toml", "-a", "actuals-2016-2018.csv", "-a", "actuals-2019.csv"];
        let exported = run_in(dir.path(), &[&args[..], &["--format", "csv", "-o", folder, "--lang", lang]].concat());
        assert_eq!(exported.code, 0, "{}", exported.transcript());
    };
    export("en", "out");
    let rules = std::fs::read_to_string(dir.path().join("out/rules.csv")).unwrap();
    assert!(rules.contains("\noverride,S7.4: neutralised by OIV (OIV n. 3 del 15/04/2020): "), "{rules}");
    assert!(
        rules.contains("\noverride,\"S11.3: reassessed at 100 by Giunta (Giunta n. 40 del 20/05/2020): "),
        "{rules}"
    );
    // In English, the values of `score --format csv` under headers for people.
    let indicators = std::fs::read_to_string(dir.path().join("out/indicators.csv")).unwrap();
    let body = |csv: &str| csv.split_once('\n').unwrap().1.to_owned();
    assert_eq!(body(&indicators), body(&csv.stdout));
    export("it", "fuori");
    let regole = std::fs::read_to_string(dir.path().join("fuori/regole.csv")).unwrap();
    assert!(
        regole.contains("\ndecisione;\"S7.4: sterilizzato con decisione di OIV (OIV n. 3 del 15/04/2020): "),
        "{regole}"
    );
    let indicatori = std::fs::read_to_string(dir.path().join("fuori/indicatori.csv")).unwrap();
    let s113 = indicatori.lines().find(|l| l.starts_with("S11.3;")).unwrap();
    assert!(s113.contains(";100,00;raggiunto;") && s113.contains(";rideterminato;"), "{s113}");
    assert!(s113.ends_with(";parzialmente raggiunto;91,67"), "{s113}");

    // history lists the decisions; show --as-of drops those taken later.
    let history = run_in(dir.path(), &["history", "plan.toml", "--lang", "en"]);
    assert!(
        history.stdout.ends_with(
            "\noverrides of outcomes · 2 decisions\n  2019 S7.4 neutralised by OIV (OIV n. 3 del 15/04/2020): Indagine di \
             customer satisfaction non svolta nel 2019: servizio riorganizzato\n  2019 S11.3 reassessed at 100 by Giunta \
             (Giunta n. 40 del 20/05/2020): Obiettivo condizionato dal blocco delle assunzioni (causa esterna)\n"
        ),
        "{}",
        history.stdout
    );
    let storia = run_in(dir.path(), &["history", "plan.toml"]);
    assert!(
        storia.stdout.contains(
            "\nsterilizzazioni e rideterminazioni · 2 decisioni\n  2019 S7.4 sterilizzato con decisione di OIV"
        ),
        "{}",
        storia.stdout
    );
    let before = run_in(dir.path(), &["show", "plan.toml", "--as-of", "2020-05-01", "--format", "toml"]);
    assert!(before.stdout.contains("node = \"S7.4\""), "{}", before.stdout);
    assert!(!before.stdout.contains("node = \"S11.3\""), "{}", before.stdout);
}

#[test]
fn diff_shows_overrides_and_holds_them_to_their_act() {
    let dir = folder(NEUTRALISE_S74);
    std::fs::write(dir.path().join("old.toml"), seed()).unwrap();
    let result = run_in(dir.path(), &["diff", "old.toml", "plan.toml", "--require-acts", "--lang", "en"]);
    assert_eq!(result.code, 0, "the override's own act covers it: {}", result.transcript());
    assert!(
        result.stdout.contains("\noverrides\n  override S7.4 2019: — → neutralised by OIV (OIV n. 3 del 15/04/2020): "),
        "{}",
        result.stdout
    );
    // Without the act's number, it does not.
    std::fs::write(
        dir.path().join("new.toml"),
        format!("{}{}", seed(), NEUTRALISE_S74.replace("number = \"3\", ", "")),
    )
    .unwrap();
    let unnumbered = run_in(dir.path(), &["diff", "old.toml", "new.toml", "--require-acts", "--lang", "en"]);
    assert_eq!(unnumbered.code, 1, "{}", unnumbered.transcript());
    assert!(unnumbered.stdout.contains("  S7.4: override S7.4 2019: — → neutralised"), "{}", unnumbered.stdout);
    // Deleting a decision is never covered.
    let deleted = run_in(dir.path(), &["diff", "plan.toml", "old.toml", "--require-acts", "--lang", "en"]);
    assert_eq!(deleted.code, 1);
    assert!(deleted.stdout.contains("needs nothing can: a decision stays on record"), "{}", deleted.stdout);
    let cancellata = run_in(dir.path(), &["diff", "plan.toml", "old.toml", "--require-acts"]);
    assert!(
        cancellata.stdout.contains("richiede nulla può coprirla: una decisione resta agli atti"),
        "{}",
        cancellata.stdout
    );
}

#[test]
fn overrides_are_checked_and_written_back() {
    let checked = |extra: &str| {
        let text = format!("{}{extra}", seed());
        let result = cruscotto::check_plan(&SourceFile::new("plan.toml", text));
        result
            .diagnostics
            .iter()
            .filter(|d| d.accepted.is_none())
            .map(|d| format!("{}: {}", d.code, d.message))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        checked(&NEUTRALISE_S74.replace("2019", "2030")),
        ["invalid-override: the override of `S7.4` is for 2030, outside the horizon 2016–2020"]
    );
    assert_eq!(
        checked(&NEUTRALISE_S74.replace("\"S7.4\"", "\"011\"")),
        ["invalid-override: mission `011` has no outcome of its own to override"]
    );
    assert_eq!(
        checked(&REASSESS_S113.replace("attainment = 100\n", "")),
        ["invalid-override: a reassessment without its `attainment`"]
    );
    assert_eq!(
        checked(&REASSESS_S113.replace("attainment = 100", "attainment = 120")),
        ["invalid-override: the attainment 120 given to `S11.3` is above the cap 100"]
    );
    assert_eq!(checked(&format!("{NEUTRALISE_S74}{NEUTRALISE_S74}")).len(), 1);
    assert!(
        checked(&format!("{NEUTRALISE_S74}{NEUTRALISE_S74}"))[0]
            .starts_with("invalid-override: `S7.4` 2019 is already overridden at line ")
    );
    assert_eq!(
        checked(&NEUTRALISE_S74.replace(
            "reason = \"Indagine di customer satisfaction non svolta nel 2019: servizio riorganizzato\"\n",
            ""
        )),
        ["missing-key: missing key `reason` in [[override]]"]
    );
    assert_eq!(
        checked(&NEUTRALISE_S74.replace("number = \"3\", ", "")),
        ["incomplete-act: the override of `S7.4` 2019 cites an act (OIV n. ? del 15/04/2020) with no number"]
    );
    // Written back as TOML (`show --format toml`), the plan keeps its overrides.
    let text = format!("{}{NEUTRALISE_S74}{REASSESS_S113}", seed());
    let plan = cruscotto::check_plan(&SourceFile::new("plan.toml", text)).plan.unwrap();
    let written = cruscotto::render::plan::toml(&plan, "");
    let again = cruscotto::check_plan(&SourceFile::new("written.toml", written)).plan.unwrap();
    assert_eq!(again.overrides.len(), 2);
    assert!(cruscotto::diff::diff(&plan, &again).is_empty());
}

/// An objective reassessed as a whole, for the report's node rows.
const REASSESS_S7: &str = "\n[[override]]\nnode = \"S7\"\nyear = 2019\noutcome = \"reassessed\"\n\
    attainment = 90\nreason = \"Obiettivo ridefinito per la riorganizzazione dei servizi\"\n\
    decided-by = \"OIV\"\nact = { body = \"OIV\", number = \"4\", date = 2020-04-20 }\n";

#[test]
fn the_report_has_a_section_of_the_overrides_and_marks_each_result() {
    let dir = folder(&format!("{NEUTRALISE_S74}{REASSESS_S113}{REASSESS_S7}"));
    let run = run_in(
        dir.path(),
        &["report", "plan.toml", "-a", "actuals-2016-2018.csv", "-a", "actuals-2019.csv", "--format", "json"],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    let data: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let overrides = data["overrides"].as_array().unwrap();
    // Tree order: S7 before its indicator S7.4; S11.3 last.
    let ids: Vec<&str> = overrides.iter().map(|o| o["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["S7", "S7.4", "S11.3"]);
    let s74 = &overrides[1];
    assert_eq!(s74["outcome"], "neutralised");
    assert_eq!(s74["outcome_label"], "sterilizzato");
    assert_eq!(s74["attainment"], serde_json::Value::Null);
    assert_eq!(s74["computed"], "non rilevato");
    assert_eq!(s74["decided_by"], "OIV");
    assert_eq!(s74["act"], "OIV n. 3 del 15/04/2020");
    let s113 = &overrides[2];
    assert_eq!(
        (s113["outcome_label"].as_str(), s113["attainment"]["text"].as_str()),
        (Some("rideterminato"), Some("100,00"))
    );
    assert!(s113["computed"].as_str().unwrap().starts_with("parzialmente raggiunto ("), "{}", s113["computed"]);
    // The node's own row says it, as the indicator's explanation does.
    let s7 = data["missions"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|m| m["objectives"].as_array().unwrap())
        .find(|o| o["row"]["id"] == "S7")
        .unwrap();
    let decision = s7["row"]["decision"].as_str().unwrap();
    assert!(
        decision
            .starts_with("grado di raggiungimento rideterminato a 90 con decisione di OIV (OIV n. 4 del 20/04/2020)"),
        "{decision}"
    );
    let indicator = s7["indicators"].as_array().unwrap().iter().find(|i| i["id"] == "S7.4").unwrap();
    assert_eq!(indicator["status"]["label"], "sterilizzato");
    assert!(indicator["explanation"].as_str().unwrap().starts_with("sterilizzato con decisione di OIV"), "{indicator}");

    let html = run_in(dir.path(), &["report", "plan.toml", "-a", "actuals-2016-2018.csv", "-a", "actuals-2019.csv"]);
    assert_eq!(html.code, 0, "{}", html.transcript());
    assert!(html.stdout.contains("5. Sterilizzazioni e rideterminazioni"));
    assert_eq!(html.stdout.matches("<tr data-override=").count(), 3);
    assert!(html.stdout.contains("Indagine di customer satisfaction non svolta nel 2019"));
}
