//! `cruscotto score-many`: many plans into one long table. The bodies are copies of the
//! examples under other names, with one broken plan among them; the table's rows must be those
//! `score --format csv --level all` gives for each plan alone, with the same columns for every
//! body and the same types in CSV and JSON Lines, whatever the number of threads.

use std::path::Path;

use crate::support::{root, run, run_in};

/// The columns of the long table, in order: the plan file and the body, then those of `score
/// --format csv --level all` with every optional column. Written out rather than taken from
/// the library: this is the schema users' queries depend on, and a change to it must show here.
const COLUMNS: &[&str] = &[
    "plan",
    "body",
    "id",
    "year",
    "level",
    "indicator_level",
    "name",
    "unit",
    "target",
    "reference",
    "actual",
    "deviation",
    "attainment",
    "status",
    "weight",
    "reason",
    "note",
    "source",
    "override",
    "override_reason",
    "override_decided_by",
    "override_act",
    "computed_status",
    "computed_attainment",
    "period",
    "band",
    "actual_bound",
    "definition",
    "code",
    "type",
    "data_source",
    "responsible",
    "scored",
    "expected",
    "operational_attainment",
    "resources",
];

/// The columns holding numbers (written out for the same reason).
const NUMBERS: &[&str] = &[
    "year",
    "reference",
    "deviation",
    "attainment",
    "weight",
    "computed_attainment",
    "scored",
    "expected",
    "operational_attainment",
];

fn copy(from: &str, to: &Path) {
    std::fs::copy(root().join(from), to).unwrap_or_else(|e| panic!("{from}: {e}"));
}

/// A folder of three bodies: `ente-a` (the municipality, its actuals beside it), `ente-b` (the
/// ministry, its actuals in a folder `ente-b/`), `ente-c` (a plan that is not TOML).
fn bodies() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("enti");
    std::fs::create_dir_all(folder.join("ente-b")).unwrap();
    copy("examples/comune-2024.toml", &folder.join("ente-a.toml"));
    copy("examples/comune-2024-consuntivi.csv", &folder.join("ente-a-consuntivi.csv"));
    copy("examples/ministero-2024.toml", &folder.join("ente-b.toml"));
    copy("examples/ministero-2024-consuntivi.csv", &folder.join("ente-b").join("2024.csv"));
    let broken = std::fs::read_to_string(root().join("examples/comune-2024.toml")).unwrap() + "\nrotto = [\n";
    std::fs::write(folder.join("ente-c.toml"), broken).unwrap();
    copy("examples/comune-2024-consuntivi.csv", &folder.join("ente-c.csv"));
    dir
}

/// The records of a CSV text, the header first.
fn records(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
    reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect()
}

/// The rows `score --format csv --level all` gives for one plan, as the long table's columns
/// (the plan file and body put first).
fn alone(dir: &Path, plan: &str, actuals: &[&str], name: &str, body: &str) -> Vec<Vec<String>> {
    let mut args = vec!["score", plan, "--format", "csv", "--level", "all"];
    for file in actuals {
        args.extend(["--actuals", file]);
    }
    let result = run_in(dir, &args);
    assert_eq!(result.code, 0, "{}", result.transcript());
    let table = records(&result.stdout);
    let header = &table[0];
    table[1..]
        .iter()
        .map(|row| {
            COLUMNS
                .iter()
                .map(|column| match *column {
                    "plan" => name.to_owned(),
                    "body" => body.to_owned(),
                    _ => header.iter().position(|h| h == column).map(|at| row[at].clone()).unwrap_or_default(),
                })
                .collect()
        })
        .collect()
}

#[test]
fn a_folder_of_plans_gives_one_table_of_every_body_and_a_broken_plan_is_reported_and_skipped() {
    let dir = bodies();
    let out = dir.path().join("tabella.csv");
    let out_arg = out.to_str().unwrap();
    let result = run_in(dir.path(), &["score-many", "enti", "--jobs", "2", "-o", out_arg]);
    assert_eq!(result.code, 1, "{}", result.transcript());
    let broken = Path::new("enti").join("ente-c.toml").display().to_string();
    assert!(result.stderr.contains(&format!("--> {broken}:")), "{}", result.stderr);
    assert!(result.stderr.contains("toml-syntax"), "{}", result.stderr);
    assert!(result.stderr.contains("scored 2 of 3 plans"), "{}", result.stderr);
    assert!(result.stderr.contains(&format!("1 plan could not be scored (the others are in the table): {broken}")));

    let table = records(&std::fs::read_to_string(&out).unwrap());
    assert_eq!(table[0], COLUMNS);
    let comune = "Comune di Esempio";
    let mut expected = alone(
        dir.path(),
        &Path::new("enti").join("ente-a.toml").display().to_string(),
        &[&Path::new("enti").join("ente-a-consuntivi.csv").display().to_string()],
        "ente-a.toml",
        comune,
    );
    let ministero = table.iter().find(|row| row[0] == "ente-b.toml").expect("the ministry's rows")[1].clone();
    expected.extend(alone(
        dir.path(),
        &Path::new("enti").join("ente-b.toml").display().to_string(),
        &[&Path::new("enti").join("ente-b").join("2024.csv").display().to_string()],
        "ente-b.toml",
        &ministero,
    ));
    assert_eq!(table[1..], expected[..]);
    assert!(table.iter().all(|row| row[0] != "ente-c.toml"));
    // Every row has a year, and its numbers are numbers.
    for row in &table[1..] {
        assert_eq!(row[COLUMNS.iter().position(|c| *c == "year").unwrap()], "2024", "{row:?}");
        for column in NUMBERS {
            let cell = &row[COLUMNS.iter().position(|c| c == column).unwrap()];
            assert!(cell.is_empty() || cell.parse::<rust_decimal::Decimal>().is_ok(), "{column}: {cell}");
        }
    }
}

#[test]
fn json_lines_hold_the_same_rows_with_numbers_as_numbers() {
    let dir = bodies();
    let csv = run_in(dir.path(), &["score-many", "enti", "-q"]);
    let jsonl = run_in(dir.path(), &["score-many", "enti", "--format", "jsonl", "-q"]);
    assert_eq!((csv.code, jsonl.code), (1, 1), "{}", jsonl.transcript());
    let table = records(&csv.stdout);
    let lines: Vec<&str> = jsonl.stdout.lines().collect();
    assert_eq!(lines.len(), table.len() - 1);
    for (line, row) in lines.iter().zip(&table[1..]) {
        let object: serde_json::Map<String, serde_json::Value> = serde_json::from_str(line).unwrap();
        assert_eq!(object.len(), COLUMNS.len(), "{line}");
        // The keys in the table's order (a map read back sorts them).
        let places: Vec<usize> = COLUMNS.iter().map(|c| line.find(&format!("\"{c}\":")).expect(c)).collect();
        assert!(places.is_sorted(), "{line}");
        for (column, cell) in COLUMNS.iter().zip(row) {
            let value = &object[*column];
            match value {
                serde_json::Value::Null => assert!(cell.is_empty(), "{column}: {cell}"),
                serde_json::Value::Number(number) => {
                    assert!(NUMBERS.contains(column), "{column} is not a number column");
                    assert_eq!(
                        number.to_string().parse::<rust_decimal::Decimal>().unwrap(),
                        cell.parse::<rust_decimal::Decimal>().unwrap(),
                        "{column}"
                    );
                }
                serde_json::Value::String(text) => {
                    assert!(!NUMBERS.contains(column), "{column} holds text: {text}");
                    assert_eq!(text, cell, "{column}");
                }
                other => panic!("{column}: {other}"),
            }
        }
    }
}

#[test]
fn a_list_file_pairs_plans_with_several_actuals_files_and_the_order_does_not_depend_on_threads() {
    // The plans and actuals are copied beside the list and named by absolute paths: a path
    // of the checkout would lose its drive when joined to the list's folder under Wine.
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("elenco.csv");
    let seed = dir.path().join("maremma-tirreno-2019.toml");
    std::fs::copy(root().join("plans").join("maremma-tirreno-2019.toml"), &seed).unwrap();
    let examples = dir.path().join("examples");
    std::fs::create_dir(&examples).unwrap();
    for name in ["actuals-2016-2018.csv", "actuals-2019.csv", "comune-2024.toml", "comune-2024-consuntivi.csv"] {
        std::fs::copy(root().join("examples").join(name), examples.join(name)).unwrap();
    }
    let text = format!(
        "plan,actuals\n{seed},{earlier}\n{seed},{actuals}\n{comune},{comune_actuals}\n",
        seed = seed.display(),
        earlier = examples.join("actuals-2016-2018.csv").display(),
        actuals = examples.join("actuals-2019.csv").display(),
        comune = examples.join("comune-2024.toml").display(),
        comune_actuals = examples.join("comune-2024-consuntivi.csv").display(),
    );
    std::fs::write(&list, text).unwrap();
    let list_arg = list.to_str().unwrap();
    let one = run(&["score-many", list_arg, "--jobs", "1"]);
    let four = run(&["score-many", list_arg, "--jobs", "4"]);
    assert_eq!(one.code, 0, "{}", one.transcript());
    assert_eq!(one.stdout, four.stdout);
    let table = records(&one.stdout);
    let seed_name = seed.display().to_string();
    let seed_rows: Vec<&Vec<String>> = table.iter().filter(|row| row[0] == seed_name).collect();
    let expected = alone(
        root(),
        "plans/maremma-tirreno-2019.toml",
        &["examples/actuals-2016-2018.csv", "examples/actuals-2019.csv"],
        &seed_name,
        &seed_rows[0][1],
    );
    assert_eq!(seed_rows.len(), expected.len());
    assert!(seed_rows.iter().zip(&expected).all(|(row, expected)| *row == expected));
    // The body's attainment of the seed, as `score` gives it.
    let at = |column: &str| COLUMNS.iter().position(|c| *c == column).unwrap();
    assert!(
        seed_rows.iter().any(|row| row[at("level")] == "body" && row[at("attainment")] == "99.14"),
        "{seed_rows:?}"
    );
}

#[test]
fn a_list_without_its_columns_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("elenco.csv"), "piano;consuntivi\na.toml;a.csv\n").unwrap();
    let result = run_in(dir.path(), &["score-many", "elenco.csv"]);
    assert_eq!(result.code, 2, "{}", result.transcript());
    assert!(result.stderr.contains("has no column `plan` or no column `actuals`"), "{}", result.stderr);
}

/// The README's DuckDB queries, run by DuckDB's Python package on the table of [`bodies`]:
/// each statement of its `sql` block, in the folder where the table is. Skipped, saying so,
/// when `python3` cannot import `duckdb` (`.ci/run` installs it).
#[test]
#[cfg_attr(windows, ignore = "runs python3 with DuckDB, installed by .ci/run on Linux")]
#[allow(clippy::print_stderr)]
fn the_readme_duckdb_queries_read_the_table() {
    let has_duckdb = std::process::Command::new("python3")
        .args(["-c", "import duckdb"])
        .output()
        .is_ok_and(|output| output.status.success());
    if !has_duckdb {
        eprintln!("DuckDB check of the long table skipped: python3 cannot import duckdb (pip install duckdb)");
        return;
    }
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme.find("```sql\n").expect("the README has a DuckDB query") + "```sql\n".len();
    let sql = &readme[start..start + readme[start..].find("```").unwrap()];
    let dir = bodies();
    let result = run_in(dir.path(), &["score-many", "enti", "-q", "-o", "risultati-2024.csv"]);
    assert_eq!(result.code, 1, "{}", result.transcript());
    let script = r#"
import json, sys, duckdb
results = []
for statement in sys.stdin.read().split(";"):
    lines = [l for l in statement.splitlines() if l.strip() and not l.strip().startswith("--")]
    if lines:
        relation = duckdb.sql("\n".join(lines))
        results.append([] if relation is None else [[str(v) for v in row] for row in relation.fetchall()])
types = dict(duckdb.sql("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM 'risultati-2024.parquet')").fetchall())
print(json.dumps({"results": results, "types": types}))
"#;
    let mut child = std::process::Command::new("python3")
        .args(["-c", script])
        .current_dir(dir.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), sql.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let answer: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let results = answer["results"].as_array().unwrap();
    // Missions: the municipality's and the ministry's, with their attainments as `score` gives them.
    let missions = &results[0];
    let table = records(&std::fs::read_to_string(dir.path().join("risultati-2024.csv")).unwrap());
    let at = |column: &str| COLUMNS.iter().position(|c| *c == column).unwrap();
    let expected: Vec<serde_json::Value> = table[1..]
        .iter()
        .filter(|row| row[at("level")] == "mission")
        .map(|row| {
            serde_json::json!([
                row[at("body")],
                row[at("id")],
                row[at("name")],
                row[at("attainment")],
                row[at("scored")],
                row[at("expected")]
            ])
        })
        .collect();
    let mut missions: Vec<serde_json::Value> = missions.as_array().unwrap().clone();
    let mut expected = expected;
    let key = |v: &serde_json::Value| v.to_string();
    missions.sort_by_key(key);
    expected.sort_by_key(key);
    assert!(!expected.is_empty());
    assert_eq!(missions, expected);
    // The ranking: one row per body scored, its attainment the body row's.
    let ranking = results[1].as_array().unwrap();
    assert_eq!(ranking.len(), 2, "{ranking:?}");
    for row in ranking {
        let body_row = table[1..].iter().find(|r| r[at("level")] == "body" && r[at("body")] == row[0]).unwrap();
        assert_eq!(row[1], body_row[at("attainment")].as_str());
    }
    // The Parquet file keeps the exact decimal and the integers.
    assert_eq!(answer["types"]["attainment"], "DECIMAL(9,2)");
    assert_eq!(answer["types"]["year"], "BIGINT");
    assert_eq!(answer["types"]["scored"], "BIGINT");
}
