//! Hostile and careless inputs: every one gets a located message and a non-zero exit, or a
//! correct result; no command panics, aborts, or writes what it was not asked to write.

use std::path::Path;

use crate::support::{Run, root, run_in};

const SEED: &str = "plans/maremma-tirreno-2019.toml";
const ACTUALS_PLAN: &str = "tests/fixtures/actuals/plan.toml";

/// A temporary folder holding `files` (name, bytes).
fn folder(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

/// Runs with the repository's files reachable as `repo/...`.
fn run_with(dir: &Path, args: &[&str]) -> Run {
    let args: Vec<String> = args.iter().map(|a| a.replace("repo/", &format!("{}/", root().display()))).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run_in(dir, &args)
}

/// The run failed with input errors (exit 1), without a panic, and said `needle`.
fn refused(result: &Run, needle: &str) {
    assert_eq!(result.code, 1, "{}", result.transcript());
    let said = format!("{}{}", result.stdout, result.stderr);
    assert!(!said.contains("panicked"), "{}", result.transcript());
    assert!(said.contains(needle), "expected `{needle}` in:\n{}", result.transcript());
}

fn actuals(rows: &str) -> Vec<u8> {
    format!("indicator,year,value,numerator,denominator,benchmark\n{rows}\n").into_bytes()
}

#[test]
fn a_service_without_area_is_reported_not_a_panic() {
    let plan = "[[service]]\nid = \"a\"\nname = \"A\"\n\n[[mission]]\nid = \"M\"\nname = \"M\"\n\n\
                [[strategic-objective]]\nid = \"S\"\nmission = \"M\"\nname = \"S\"\n\n\
                [[indicator]]\nid = \"I\"\nobjective = \"S\"\nname = \"I\"\nservices = \"a\"\n";
    let dir = folder(&[("p.toml", plan.as_bytes())]);
    refused(&run_in(dir.path(), &["check", "p.toml"]), "missing key `area` in [[service]]");
}

#[test]
fn a_service_without_area_does_not_shift_the_areas_of_the_next_ones() {
    let plan = std::fs::read_to_string(root().join("tests/fixtures/plans/clean.toml")).unwrap();
    let extra = "\n[[area]]\nid = \"A1\"\nname = \"Uno\"\n\n[[area]]\nid = \"A2\"\nname = \"Due\"\n\n\
                 [[service]]\nid = \"nessuna\"\nname = \"Senza area\"\n\n\
                 [[service]]\nid = \"prima\"\nname = \"Prima\"\narea = \"A1\"\n\n\
                 [[service]]\nid = \"seconda\"\nname = \"Seconda\"\narea = \"A2\"\n\n\
                 [[indicator]]\nid = \"S1.9\"\nobjective = \"S1\"\nname = \"Nove\"\n\
                 services = \"seconda\"\narea = \"A2\"\ntargets = { 2019 = \"≥ 1\" }\n";
    let dir = folder(&[("p.toml", format!("{plan}{extra}").as_bytes())]);
    let result = run_in(dir.path(), &["check", "p.toml"]);
    refused(&result, "missing key `area`");
    assert!(!result.stderr.contains("area-mismatch"), "{}", result.transcript());
}

#[test]
fn values_beyond_a_decimal_are_located_errors_in_score_and_export() {
    let cases = [
        "S1.3,2019,79228162514264337593543950335,,,",
        "S1.3,2019,-79228162514264337593543950335,,,",
        "S1.1,2019,,79228162514264337593543950335,1,",
        "S1.1,2019,,1,0.0000000000000000000000000001,",
        "S1.1,2019,,999999999999999,\"0,0000001\",",
        "S1.3,2019,1,,,79228162514264337593543950335",
    ];
    for row in cases {
        let dir = folder(&[("a.csv", &actuals(row))]);
        for command in [
            &["score", "repo/plans/maremma-tirreno-2019.toml", "-a", "a.csv"][..],
            &["export", "repo/plans/maremma-tirreno-2019.toml", "-a", "a.csv", "-o", "out.xlsx"],
        ] {
            let result = run_with(dir.path(), command);
            refused(&result, "error[invalid-actual]");
            assert!(result.stderr.contains("a.csv:2:"), "{row}: {}", result.transcript());
        }
        assert!(!dir.path().join("out.xlsx").exists());
    }
    // The smallest positive value is a value: a lower-is-better indicator reaches the cap.
    let dir = folder(&[("a.csv", &actuals("S9.2,2019,\"0,0000000000000000000000000001\",,,"))]);
    let result = run_with(dir.path(), &["score", &format!("repo/{SEED}"), "-a", "a.csv", "--format", "csv"]);
    assert_eq!(result.code, 0, "{}", result.transcript());
}

#[test]
fn weights_and_targets_beyond_the_bound_are_invalid_values() {
    let plan = std::fs::read_to_string(root().join(ACTUALS_PLAN)).unwrap();
    for (from, to) in [
        ("name = \"Semplificazione amministrativa\"", "name = \"S\"\nweight = 1e27"),
        ("name = \"Semplificazione amministrativa\"", "name = \"S\"\nweight = \"1.000.000.000.000.000\""),
        ("name = \"Semplificazione amministrativa\"", "name = \"S\"\nweight = 9223372036854775807"),
        ("2020 = \"≥ 92%\"", "2020 = 79228162514264337593543950335"),
        ("2020 = \"≥ 92%\"", "2020 = 1.00000000000000000000000000000001"),
        ("2020 = \"≥ 92%\"", "2020 = \"≥ 1000000000000000\""),
    ] {
        assert!(plan.contains(from));
        let dir = folder(&[("p.toml", plan.replacen(from, to, 1).as_bytes())]);
        let result = run_in(dir.path(), &["check", "p.toml"]);
        refused(&result, "error[invalid-");
        assert!(result.stdout.contains("--> p.toml:"), "{}", result.transcript());
    }
}

#[test]
fn a_float_with_more_decimals_than_a_decimal_holds_is_refused_not_rounded() {
    let plan = std::fs::read_to_string(root().join(ACTUALS_PLAN)).unwrap();
    let to = "name = \"S\"\nweight = 1.00000000000000000000000000000001";
    let dir = folder(&[("p.toml", plan.replacen("name = \"Semplificazione amministrativa\"", to, 1).as_bytes())]);
    refused(&run_in(dir.path(), &["check", "p.toml"]), "p.toml:16:10");
}

#[test]
fn a_doubled_sign_is_not_a_negative_number() {
    let dir = folder(&[("a.csv", &actuals("S1.2,2019,--5,,,"))]);
    let result = run_with(dir.path(), &["score", &format!("repo/{ACTUALS_PLAN}"), "-a", "a.csv"]);
    refused(&result, "`--5` is not a number");
}

/// A minimal `.xlsx` file whose one sheet holds `cells` (reference such as `A1`, text).
pub(crate) fn xlsx_with_cells(cells: &[(&str, &str)]) -> Vec<u8> {
    let cells: String = cells
        .iter()
        .map(|(reference, text)| format!(r#"<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>"#))
        .collect();
    let files = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_owned(),
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_owned(),
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Foglio1" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_owned(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_owned(),
        ),
        (
            "xl/worksheets/sheet1.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row>{cells}</row></sheetData></worksheet>"#
            ),
        ),
    ];
    let mut bytes = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut bytes);
    let options = zip::write::SimpleFileOptions::default();
    for (name, text) in files {
        zip.start_file(name, options).unwrap();
        std::io::Write::write_all(&mut zip, text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    bytes.into_inner()
}

#[test]
fn a_workbook_cell_beyond_the_last_row_or_column_is_refused_without_building_it() {
    for reference in ["A200000000", "ZZZZZZ1", "XFE1", "A1048577"] {
        let dir = folder(&[("a.xlsx", &xlsx_with_cells(&[("A1", "indicator"), (reference, "x")]))]);
        let result = run_with(dir.path(), &["score", &format!("repo/{ACTUALS_PLAN}"), "-a", "a.xlsx"]);
        assert_eq!(result.code, 2, "{reference}: {}", result.transcript());
        assert!(result.stderr.contains("beyond 1,048,576 rows, 16,384 columns"), "{}", result.transcript());
    }
    // The last cell of a sheet is still a cell.
    let dir = folder(&[("a.xlsx", &xlsx_with_cells(&[("A1", "indicator"), ("B1", "year"), ("XFD3", "x")]))]);
    let result = run_with(dir.path(), &["score", &format!("repo/{ACTUALS_PLAN}"), "-a", "a.xlsx"]);
    assert!(result.stderr.contains("no `value` column"), "{}", result.transcript());
}

#[cfg(unix)]
#[test]
fn inputs_are_read_through_a_bounded_reader() {
    let dir = folder(&[]);
    let result = run_in(dir.path(), &["check", "/dev/zero"]);
    assert_eq!(result.code, 2, "{}", result.transcript());
    assert!(result.stderr.contains("`/dev/zero` is larger than 1024 MiB"), "{}", result.transcript());
}

#[test]
fn an_existing_output_that_is_not_a_regular_file_is_never_replaced() {
    let dir = folder(&[]);
    #[cfg(unix)]
    for format in ["xlsx", "csv"] {
        let result = run_with(
            dir.path(),
            &[
                "export",
                &format!("repo/{SEED}"),
                "-a",
                "repo/examples/actuals-2019.csv",
                "--format",
                format,
                "-o",
                "/dev/null",
                "--force",
            ],
        );
        assert_eq!(result.code, 2, "{}", result.transcript());
        assert!(result.stderr.contains("`/dev/null` is not a regular file"), "{}", result.transcript());
    }
    #[cfg(unix)]
    assert!(std::os::unix::fs::FileTypeExt::is_char_device(&std::fs::metadata("/dev/null").unwrap().file_type()));
    std::fs::create_dir(dir.path().join("out.xlsx")).unwrap();
    let result = run_with(
        dir.path(),
        &["export", &format!("repo/{SEED}"), "-a", "repo/examples/actuals-2019.csv", "-o", "out.xlsx", "--force"],
    );
    assert!(result.stderr.contains("`out.xlsx` is a folder: name a file to write"), "{}", result.transcript());
}

#[test]
fn two_runs_racing_for_one_new_output_do_not_both_succeed() {
    for (format, output) in [("xlsx", "out.xlsx"), ("csv", "out")] {
        let dir = folder(&[]);
        let seed = root().join(SEED).display().to_string();
        let actuals = root().join("examples/actuals-2019.csv").display().to_string();
        let spawn = || {
            crate::support::binary()
                .current_dir(dir.path())
                .args(["export", &seed, "-a", &actuals, "--format", format, "-o", output])
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        };
        let runs: Vec<_> = (0..4).map(|_| spawn()).collect();
        let succeeded =
            runs.into_iter().map(|run| run.wait_with_output().unwrap()).filter(|o| o.status.success()).count();
        assert_eq!(succeeded, 1, "{format}");
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, [output], "nothing but the output is left");
    }
}

#[test]
fn a_diff_revision_is_never_an_option_of_git() {
    let dir = folder(&[]);
    let target = dir.path().join("x");
    let side = format!("--output={}:y", target.display());
    let result = run_with(dir.path(), &["diff", "--", &side, &format!("repo/{SEED}")]);
    assert_eq!(result.code, 2, "{}", result.transcript());
    assert!(result.stderr.contains("a git revision cannot start with `-`"), "{}", result.transcript());
    assert!(!target.exists());
}

#[test]
fn a_failing_stderr_or_stdout_is_an_exit_code_not_a_panic() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else { return };
    let output =
        crate::support::binary().args(["check", "nope.toml"]).stderr(full.try_clone().unwrap()).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let output = crate::support::binary().args(["schema"]).stdout(full).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cannot write to standard output"), "{stderr}");
}

#[test]
fn an_operational_relative_target_widens_the_imported_horizon() {
    let table = "Camera di Commercio di Esempio\nPiano operativo 2019\n\
                 Obiettivi strategici\tProgrammi di intervento\tObiettivo operativo\tIndicatore\tTarget\n\
                 1. Semplificazione\tDigitalizzazione\tPratiche telematiche\tTempo medio\tx < x-4\n";
    let dir = folder(&[("op.txt", table.as_bytes())]);
    let result = run_in(dir.path(), &["import", "op.txt"]);
    assert_eq!(result.code, 0, "{}", result.transcript());
    assert!(result.stdout.contains("horizon = [2015, 2019]"), "{}", result.stdout);
    let inferred = "orizzonte 2015-2019 (`horizon`): l'anno del piano e gli anni a cui rimandano i target relativi";
    assert!(result.stdout.contains(inferred), "{}", result.stdout);
}

#[test]
fn a_header_of_thousands_of_unknown_columns_prints_a_bounded_report() {
    let mut header = String::from("indicator,year,value");
    for i in 0..30_000 {
        header.push_str(&format!(",colonna{i}"));
    }
    let dir = folder(&[("a.csv", format!("{header}\nS1.1,2019,95\n").as_bytes())]);
    let result = run_with(dir.path(), &["score", &format!("repo/{ACTUALS_PLAN}"), "-a", "a.csv"]);
    assert_eq!(result.code, 0, "{}", &result.stderr[..2000.min(result.stderr.len())]);
    assert!(result.stderr.len() < 20_000, "{} bytes of diagnostics", result.stderr.len());
    assert!(result.stderr.contains("… and 29,990 more `unknown-column` on line 1 of a.csv, not shown"));
    // Each excerpt is a window of the 200 KB line, with the caret under its column.
    assert!(result.stderr.contains("--> a.csv:1:22\n"), "{}", result.stderr);
    assert!(result.stderr.lines().all(|line| line.chars().count() < 200));
}

#[test]
fn thousands_of_bad_ids_on_one_line_print_a_bounded_report_in_every_format() {
    let plan = std::fs::read_to_string(root().join(ACTUALS_PLAN)).unwrap();
    let ids: Vec<String> = (0..10_000).map(|i| format!("\"Ѕ{i}\"")).collect();
    let plan = plan.replacen("unit = \"percent\"", &format!("unit = \"percent\"\nservices = [{}]", ids.join(", ")), 1);
    let dir = folder(&[("p.toml", plan.as_bytes())]);
    let text = run_in(dir.path(), &["check", "p.toml"]);
    refused(&text, "… and 9,990 more `invalid-id` on line 22 of p.toml, not shown");
    assert!(text.stdout.len() < 20_000, "{} bytes", text.stdout.len());
    let json = run_in(dir.path(), &["check", "p.toml", "--format", "json"]);
    let document: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let entries = document.as_array().unwrap();
    assert_eq!(entries.len(), 11);
    assert_eq!(entries[10]["omitted"], 9_990);
    assert_eq!(entries.iter().map(|e| e["omitted"].as_u64().unwrap_or(1)).sum::<u64>(), 10_000);
    let github = run_in(dir.path(), &["check", "p.toml", "--format", "github"]);
    assert_eq!(github.stdout.lines().count(), 11, "{}", github.stdout);
    assert!(github.stdout.lines().all(|line| line.starts_with("::error ")));
}

#[test]
fn a_million_lines_of_syntax_errors_and_a_long_horizon_stay_linear() {
    // One diagnostic per line (a set of seen lines, not a list searched for each error).
    let dir = folder(&[("p.toml", "=\n".repeat(200_000).as_bytes())]);
    let result = run_in(dir.path(), &["check", "p.toml"]);
    refused(&result, "p.toml: 200,000 errors, 0 warnings (200,000 toml-syntax)");
    // `list --format csv` over a horizon of 9,999 years: one column per year.
    let plan = std::fs::read_to_string(root().join(ACTUALS_PLAN)).unwrap();
    let dir = folder(&[("p.toml", plan.replace("horizon = [2018, 2020]", "horizon = [1, 9999]").as_bytes())]);
    let result = run_in(dir.path(), &["list", "p.toml", "--format", "csv"]);
    assert_eq!(result.code, 0, "{}", result.transcript());
    let header = result.stdout.lines().next().unwrap();
    assert_eq!(header.split(',').count(), 14 + 9_999, "{}", &header[..200]);
    assert_eq!(result.stdout.lines().nth(1).unwrap().split(',').filter(|c| c.contains("90%")).count(), 1);
}

#[test]
fn thousands_of_periods_of_one_indicator_stay_linear() {
    // Every year, semester and quarter of 9,000 years for one indicator: its keys leave the chain
    // that is walked for a few and are looked up by hash (walking them was quadratic).
    let plan = std::fs::read_to_string(root().join(ACTUALS_PLAN)).unwrap();
    let plan = plan.replace("horizon = [2018, 2020]", "horizon = [1000, 9999]");
    let mut actuals = String::from("indicator,year,value\n");
    for year in 1000..10_000 {
        for part in ["", "-S1", "-S2", "-Q1", "-Q2", "-Q3", "-Q4"] {
            actuals.push_str(&format!("S1.1,{year}{part},50\n"));
        }
    }
    // A second value for a key read long before: still a duplicate, located at both places.
    actuals.push_str("S1.1,1000-Q2,60\n");
    let dir = folder(&[("p.toml", plan.as_bytes()), ("a.csv", actuals.as_bytes())]);
    let result = run_in(dir.path(), &["score", "p.toml", "-a", "a.csv", "--year", "2019"]);
    refused(&result, "a.csv: 1 error, 0 warnings (1 duplicate-actual)");
    assert!(result.stderr.contains("a.csv:63002:"), "{}", result.transcript());
    assert!(result.stderr.contains("a.csv:6:"), "{}", result.transcript());
    actuals.truncate(actuals.len() - "S1.1,1000-Q2,60\n".len());
    let dir = folder(&[("p.toml", plan.as_bytes()), ("a.csv", actuals.as_bytes())]);
    let result = run_in(
        dir.path(),
        &["score", "p.toml", "-a", "a.csv", "--year", "2019", "--format", "csv", "--level", "indicator"],
    );
    assert_eq!(result.code, 0, "{}", result.transcript());
    assert!(result.stdout.lines().any(|line| line.starts_with("S1.1,") && line.contains(",50,")), "{}", result.stdout);
}

#[test]
fn a_name_of_a_hundred_thousand_lines_is_drawn_in_linear_time() {
    // Each line of a cell is taken once as the table is drawn, not searched for again from the
    // cell's start for every line (which was quadratic: 20 s for this name).
    let plan = std::fs::read_to_string(root().join(ACTUALS_PLAN)).unwrap();
    let name = format!("name = \"\"\"{}\"\"\"", "riga\n".repeat(100_000));
    let plan = plan.replacen("name = \"Pratiche evase entro 5 giorni / pratiche ricevute\"", &name, 1);
    let dir = folder(&[("p.toml", plan.as_bytes()), ("a.csv", actuals("S1.1,2019,95,,,").as_slice())]);
    let result = run_in(dir.path(), &["score", "p.toml", "-a", "a.csv", "--level", "indicator", "--width", "200"]);
    assert_eq!(result.code, 0, "{}", result.transcript());
    assert!(result.stdout.lines().filter(|line| line.contains("riga")).count() >= 100_000);
}

#[test]
fn names_with_terminal_controls_are_printed_escaped() {
    let plan = std::fs::read_to_string(root().join(ACTUALS_PLAN)).unwrap();
    let plan = plan.replace(
        "name = \"Semplificazione amministrativa\"",
        "name = \"Sempl\\u001b]0;pwned\\u0007ificazione\\r\\u001b[2J\"",
    );
    let with_bom = plan.replace("[[indicator]]\nid = \"S1.3\"", "[[indicator]]\nid = \"S1.3\"\n\u{feff}note = 1");
    let dir = folder(&[
        ("p.toml", plan.as_bytes()),
        ("bom.toml", with_bom.as_bytes()),
        ("a.csv", &actuals("S1.1,2019,95,,,")),
    ]);
    for args in [
        &["check", "p.toml"][..],
        &["check", "bom.toml"],
        &["tree", "p.toml"],
        &["list", "p.toml"],
        &["score", "p.toml", "-a", "a.csv"],
    ] {
        let result = run_in(dir.path(), args);
        let said = format!("{}{}", result.stdout, result.stderr);
        assert!(!said.contains('\u{1b}') && !said.contains('\u{7}') && !said.contains('\r'), "{args:?}: {said:?}");
        assert!(!said.contains('\u{feff}'), "{args:?}");
    }
    // The same holds where a change is reviewed and where the results are handed on: a name, a
    // revision's note and an override's reason that could hide part of themselves (a line erased,
    // a window title set, text reversed by a bidirectional control).
    let original = std::fs::read_to_string(root().join(ACTUALS_PLAN)).unwrap();
    let revised = plan.replace(
        "targets = { 2019 = \"31/10/2019\" }",
        "targets = { 2019 = \"31/10/2019\" }\n\n[[indicator.revision]]\nchange = \"updated\"\n\
         act = { body = \"Giunta\", number = \"8\", date = 2019-03-01 }\n\
         note = \"Aggiornato\\u001b[1A\\u001b[2K dalla Giunta\\u202e\"",
    ) + "\n[[override]]\nnode = \"S1.2\"\nyear = 2019\noutcome = \"neutralised\"\n\
         reason = \"Dato non\\u200b disponibile\\u0007\"\ndecided-by = \"OIV\"\n\
         act = { body = \"OIV\", number = \"3\", date = 2020-04-15 }\n";
    std::fs::write(dir.path().join("old.toml"), &original).unwrap();
    std::fs::write(dir.path().join("revised.toml"), &revised).unwrap();
    let hidden = ['\u{1b}', '\u{7}', '\r', '\u{202e}', '\u{200b}'];
    for args in [
        &["check", "revised.toml"][..],
        &["diff", "old.toml", "revised.toml"],
        &["diff", "old.toml", "revised.toml", "--format", "markdown"],
        &["diff", "old.toml", "revised.toml", "--format", "github"],
        &["history", "revised.toml"],
        &["history", "revised.toml", "--format", "markdown"],
        &["explain", "invalid\u{1b}]0;x\u{7}-override"],
        &["report", "revised.toml", "-a", "a.csv", "-o", "relazione.html"],
        &["score", "revised.toml", "-a", "a.csv", "--level", "all", "--format", "markdown"],
        &["score", "revised.toml", "-a", "a.csv", "--level", "all", "--explain"],
        &["show", "revised.toml", "--as-of", "2019-12-31", "--format", "toml"],
        &["rollover", "revised.toml"],
    ] {
        let result = run_in(dir.path(), args);
        let said = format!("{}{}", result.stdout, result.stderr);
        assert!(!said.contains(hidden), "{args:?}: {said:?}");
        match args[0] {
            "check" | "report" => assert_eq!(result.code, 0, "{args:?}: {}", result.transcript()),
            // A plan written as TOML holds them as TOML escapes: the same value.
            "show" | "rollover" => {
                assert!(said.contains("Sempl\\u001B]0;pwned\\u0007ificazione\\r\\u001B[2J"), "{args:?}: {said}");
                assert!(said.contains("dalla Giunta\\u202E"), "{args:?}: {said}");
            }
            _ => assert!(said.contains("\\u{1B}"), "{args:?}: {said}"),
        }
    }
    let history = run_in(dir.path(), &["history", "revised.toml"]);
    assert!(history.stdout.contains("Aggiornato\\u{1B}[1A\\u{1B}[2K dalla Giunta\\u{202E}"), "{}", history.stdout);
    assert!(history.stdout.contains("Dato non\\u{200B} disponibile\\u{7}"), "{}", history.stdout);
    let report = std::fs::read_to_string(dir.path().join("relazione.html")).unwrap();
    assert!(
        !report.contains(hidden),
        "the report holds a hidden character: {:?}",
        report
            .char_indices()
            .filter(|(_, c)| hidden.contains(c))
            .map(|(i, c)| (c, &report[i.saturating_sub(80)..i]))
            .collect::<Vec<_>>()
    );
    assert!(report.contains("Sempl\\u{1B}]0;pwned\\u{7}ificazione\\u{D}\\u{1B}[2J"));

    let check = run_in(dir.path(), &["check", "bom.toml"]);
    // The caret spans the escape shown for the invisible byte order mark.
    assert!(check.stdout.contains("33 | \\u{FEFF}note = 1\n   | ^^^^^^^^\n"), "{}", check.stdout);
    let tree = run_in(dir.path(), &["tree", "p.toml"]);
    assert!(tree.stdout.contains("Sempl\\u{1B}]0;pwned\\u{7}ificazione\\u{D}\\u{1B}[2J"), "{}", tree.stdout);
}

#[test]
fn check_finds_hidden_characters_in_texts_but_not_line_breaks_or_tabs() {
    let plan = std::fs::read_to_string(root().join(ACTUALS_PLAN)).unwrap();
    // Written as themselves (a right-to-left override and a zero-width space in one name) and
    // as an escape (a bell in a note); a note written on Windows, its line breaks `\r\n`, and a
    // tab are not reported.
    let plan = plan
        .replace(
            "name = \"Semplificazione amministrativa\"",
            "name = \"Semplificazione\u{202e} amministrativa\u{200b}\"",
        )
        .replace(
            "name = \"Tempo medio d'istruttoria per la concessione\"",
            "name = \"Tempo medio\tdi istruttoria\"\nnotes = \"\"\"\r\nuna nota\r\nsu due righe\\u0007\r\n\"\"\"",
        )
        .replace(
            "name = \"Realizzazione del seminario per le imprese\"",
            "name = \"Realizzazione\\r\\n del seminario\"",
        );
    let accepted = plan.replace(
        "name = \"Semplificazione\u{202e} amministrativa\u{200b}\"",
        "name = \"Semplificazione\u{202e} amministrativa\u{200b}\"\n\
         accept = [{ code = \"hidden-character\", reason = \"Il carattere è voluto\" }]",
    );
    let dir = folder(&[("p.toml", plan.as_bytes()), ("accepted.toml", accepted.as_bytes())]);
    let check = run_in(dir.path(), &["check", "p.toml"]);
    assert_eq!(check.code, 0, "{}", check.transcript());
    assert!(check.stdout.ends_with("p.toml: 0 errors, 2 warnings (2 hidden-character)\n"), "{}", check.stdout);
    // The name: at its first hidden character, the two counted; the caret spans its escape.
    let name_line = plan.lines().position(|line| line.starts_with("name = \"Semplificazione")).unwrap() + 1;
    assert!(
        check.stdout.contains(&format!(
            "`name` holds 2 characters that cannot be seen or that reorder the text around them, the first \
             `\\u{{202E}}`\n  --> p.toml:{name_line}:24\n"
        )),
        "{}",
        check.stdout
    );
    assert!(
        check
            .stdout
            .contains("Semplificazione\\u{202E} amministrativa\\u{200B}\"\n   |                        ^^^^^^^^\n")
    );
    // The note: the bell, written as an escape, not its line breaks.
    assert!(
        check
            .stdout
            .contains("`notes` holds a character that cannot be seen or that reorders the text around it: `\\u{7}`")
    );
    assert!(!check.stdout.contains("`\\u{D}`") && !check.stdout.contains("`\\u{9}`"), "{}", check.stdout);
    // Accepted in the node's table, the finding is counted, not shown.
    let accepted = run_in(dir.path(), &["check", "accepted.toml"]);
    assert!(
        accepted
            .stdout
            .ends_with("accepted.toml: 0 errors, 1 warning (1 hidden-character); 1 accepted (1 hidden-character)\n"),
        "{}",
        accepted.stdout
    );
}

#[test]
fn score_warns_of_hidden_characters_in_the_texts_of_actual_values() {
    // An Italian header: the finding names the column as the file does. A note written on two
    // lines with a tab, and a row whose value cannot be read, are not reported for their texts.
    let csv = "indicatore,anno,valore,nota,fonte\n\
               S1.1,2019,95%,Nota con\u{202e} testo girato,Registro\u{200b} imprese\u{200b}\n\
               S1.2,2019,38,\"una nota\r\nsu due righe\tcon un tab\",\n\
               S1.3,2019,tanti,Nota\u{202e},\n";
    let dir =
        folder(&[("a.csv", csv.as_bytes()), ("ok.csv", csv.lines().take(3).collect::<Vec<_>>().join("\n").as_bytes())]);
    let result = run_with(dir.path(), &["score", &format!("repo/{ACTUALS_PLAN}"), "-a", "ok.csv"]);
    assert_eq!(result.code, 0, "{}", result.transcript());
    for expected in [
        "warning[hidden-character]: `nota` holds a character that cannot be seen or that reorders the text around \
         it: `\\u{202E}`\n --> ok.csv:2:15\n",
        "warning[hidden-character]: `fonte` holds 2 characters that cannot be seen or that reorder the text around \
         them, the first `\\u{200B}`\n --> ok.csv:2:38\n",
        "if the file means it, `--ignore hidden-character` accepts it",
    ] {
        assert!(result.stderr.contains(expected), "{expected}\nnot in\n{}", result.stderr);
    }
    assert_eq!(result.stderr.matches("warning[").count(), 2, "{}", result.stderr);
    // Accepted for the run, the findings are not shown; in the Italian interface, the help says so.
    let ignored = run_with(
        dir.path(),
        &["score", &format!("repo/{ACTUALS_PLAN}"), "-a", "ok.csv", "--ignore", "hidden-character"],
    );
    assert!(!ignored.stderr.contains("warning["), "{}", ignored.stderr);
    assert!(ignored.stderr.contains("2 findings accepted with --ignore (2 hidden-character)"), "{}", ignored.stderr);
    let italian = run_with(dir.path(), &["--lang", "it", "score", &format!("repo/{ACTUALS_PLAN}"), "-a", "ok.csv"]);
    assert!(
        italian.stderr.contains("se il file lo vuole, `--ignore hidden-character` lo accetta"),
        "{}",
        italian.stderr
    );
    // The row whose value is wrong is an error, and its note is not looked into.
    let result = run_with(dir.path(), &["score", &format!("repo/{ACTUALS_PLAN}"), "-a", "a.csv"]);
    refused(&result, "a.csv:5:11");
    assert!(!result.stderr.contains("a.csv:5:17"), "{}", result.stderr);
}

#[test]
fn check_finds_hidden_characters_in_target_texts_for_each_indicator_that_writes_them() {
    let plan = std::fs::read_to_string(root().join(ACTUALS_PLAN)).unwrap();
    let written = "«Carta dei servizi aggiornata con gli standard di qualità e pubblicata sul sito»";
    assert!(plan.contains(written));
    // The same expected result in two indicators (the second reads it from the loader's targets
    // read before, the first written as itself, the second as its escape), and a hidden
    // character in one condition of an array of them.
    let plan = plan.replace(written, "«Carta dei servizi\u{202e} aggiornata»")
        + concat!(
            "\n[[indicator]]\nid = \"S1.8\"\nobjective = \"S1\"\nname = \"Carta dei servizi, la stessa\"\n",
            "target = \"«Carta dei servizi\\u202E aggiornata»\"\n",
            "\n[[indicator]]\nid = \"S1.7\"\nobjective = \"S1\"\nname = \"Carta pubblicata nei tempi\"\n",
            "targets = { 2020 = [\"«Carta approvata»\", \"«Carta\u{200b} pubblicata»\"] }\n",
        );
    // A text that is no target is an error that shows the character, and only that.
    let broken = plan.replace("\"≥ 90%\", 2020", "\"≥ 90%\u{200b}\", 2020");
    let dir = folder(&[("p.toml", plan.as_bytes()), ("broken.toml", broken.as_bytes())]);
    let line = |text: &str| plan.lines().position(|l| l.contains(text)).unwrap() + 1;

    let check = run_in(dir.path(), &["check", "p.toml"]);
    assert_eq!(check.code, 0, "{}", check.transcript());
    assert!(check.stdout.ends_with("p.toml: 0 errors, 3 warnings (3 hidden-character)\n"), "{}", check.stdout);
    let finding = |key: &str, character: &str, place: String| {
        format!(
            "`{key}` holds a character that cannot be seen or that reorders the text around it: \
             `{character}`\n  --> p.toml:{place}\n"
        )
    };
    for expected in [
        finding("targets", "\\u{202E}", format!("{}:39", line("targets = { 2020 = \"«Carta dei servizi"))),
        finding("target", "\\u{202E}", format!("{}:29", line("target = \"«Carta dei servizi"))),
        finding("targets", "\\u{200B}", format!("{}:49", line("\"«Carta approvata»\""))),
    ] {
        assert!(check.stdout.contains(&expected), "{expected}\nnot in\n{}", check.stdout);
    }

    let broken = run_in(dir.path(), &["check", "broken.toml"]);
    assert_eq!(broken.code, 1, "{}", broken.transcript());
    assert!(broken.stdout.contains("invalid target: `≥ 90%\\u{200B}` is not a target notation"), "{}", broken.stdout);
    assert!(
        broken.stdout.ends_with("1 error, 3 warnings (3 hidden-character, 1 invalid-target)\n"),
        "{}",
        broken.stdout
    );
}

#[test]
fn excel_limits_are_counted_in_utf16_units() {
    let plan = std::fs::read_to_string(root().join(ACTUALS_PLAN)).unwrap();
    let long_name = "😀".repeat(20_000);
    let plan = plan.replace("name = \"Semplificazione amministrativa\"", &format!("name = \"{long_name}\""));
    let service = format!(
        "\n[[area]]\nid = \"I\"\n\n[[service]]\nid = \"emoji\"\nname = \"{}\"\narea = \"I\"\n",
        "😀".repeat(18)
    );
    let plan = plan.replace("unit = \"percent\"", "unit = \"percent\"\nservices = \"emoji\"") + &service;
    let dir = folder(&[("p.toml", plan.as_bytes()), ("a.csv", &actuals("S1.1,2019,95,,,"))]);
    let export = run_in(dir.path(), &["export", "p.toml", "-a", "a.csv", "-o", "out.xlsx"]);
    assert_eq!(export.code, 0, "{}", export.transcript());
    let template = run_in(dir.path(), &["template", "p.toml", "--format", "xlsx", "--by-service", "-o", "t.xlsx"]);
    assert_eq!(template.code, 0, "{}", template.transcript());
}

#[test]
fn encodings_and_line_ends_get_precise_messages_or_are_read() {
    let text = "indicator;year;value\r\nS1.1;2019;95\r\n";
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let bare: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let plan = std::fs::read(root().join(ACTUALS_PLAN)).unwrap();
    let mut plan_utf16 = vec![0xFF, 0xFE];
    plan_utf16.extend(String::from_utf8(plan.clone()).unwrap().encode_utf16().flat_map(u16::to_le_bytes));
    let plan_bare: Vec<u8> = String::from_utf8(plan).unwrap().encode_utf16().flat_map(u16::to_le_bytes).collect();
    let dir = folder(&[
        ("utf16.csv", &utf16),
        ("bare.csv", &bare),
        ("mac.csv", b"indicator;year;value\rS1.1;2019;95\r"),
        ("p16.toml", &plan_utf16),
        ("bare.toml", &plan_bare),
    ]);
    let plan = format!("repo/{ACTUALS_PLAN}");
    for readable in ["utf16.csv", "mac.csv"] {
        let result = run_with(dir.path(), &["score", &plan, "-a", readable, "--format", "csv"]);
        assert_eq!(result.code, 0, "{readable}: {}", result.transcript());
        assert!(result.stdout.contains("S1.1,2019,"), "{readable}: {}", result.stdout);
    }
    let result = run_with(dir.path(), &["score", &plan, "-a", "bare.csv"]);
    assert_eq!(result.code, 2, "{}", result.transcript());
    assert!(result.stderr.contains("UTF-16 text without a byte order mark"), "{}", result.stderr);
    assert_eq!(run_in(dir.path(), &["check", "p16.toml"]).code, 0);
    refused(&run_in(dir.path(), &["check", "bare.toml"]), "the file is UTF-16 text without a byte order mark");
}

#[test]
fn messages_name_the_real_problem() {
    let plan = std::fs::read_to_string(root().join(ACTUALS_PLAN)).unwrap();
    // `[plan]` without its year: no warning compares acts with a plan year of 0.
    let revision = "\n[[indicator.revision]]\nchange = \"inserted\"\nact = { body = \"Giunta\", number = \"3\", date = 2019-01-10 }\n";
    let no_year = plan.replace("year = 2019\n", "") + revision;
    // A date of year 0 is out of range, not a date with a time.
    let year_zero = plan.clone() + &revision.replace("2019-01-10", "0000-01-10");
    let dir = folder(&[("no-year.toml", no_year.as_bytes()), ("year-zero.toml", year_zero.as_bytes())]);
    let result = run_in(dir.path(), &["check", "no-year.toml"]);
    refused(&result, "missing key `year` in [plan]");
    assert!(!result.stdout.contains("act-after-plan-year"), "{}", result.stdout);
    refused(&run_in(dir.path(), &["check", "year-zero.toml"]), "`date`: 0000-01-10 is not a date from year 1 to 9999");
    // --fail-under when every scored indicator weighs 0.
    let weightless = plan.replace("name = \"Semplificazione amministrativa\"", "name = \"S\"\nweight = 0");
    let dir = folder(&[("p.toml", weightless.as_bytes()), ("a.csv", &actuals("S1.1,2019,95,,,"))]);
    let result = run_in(dir.path(), &["score", "p.toml", "-a", "a.csv", "--fail-under", "50"]);
    assert_eq!(result.code, 3, "{}", result.transcript());
    assert!(result.stderr.contains("every scored indicator weighs 0 up to the body"), "{}", result.stderr);
}

#[test]
fn an_ods_row_repeated_four_billion_times_gives_a_bounded_report() {
    let row = |cells: &[&str]| {
        cells
            .iter()
            .map(|c| format!(r#"<table:table-cell office:value-type="string"><text:p>{c}</text:p></table:table-cell>"#))
            .collect::<String>()
    };
    let rows = format!(
        r#"<table:table-row>{}</table:table-row><table:table-row table:number-rows-repeated="4294967295">{}</table:table-row>"#,
        row(&["indicator", "year", "value"]),
        row(&["X9", "2019"])
    );
    let dir = folder(&[("rep.ods", &crate::support::ods(&rows))]);
    let result = run_with(dir.path(), &["score", &format!("repo/{ACTUALS_PLAN}"), "-a", "rep.ods"]);
    assert_eq!(result.code, 1, "{}", &result.stderr[..2000.min(result.stderr.len())]);
    assert!(result.stderr.len() < 100_000, "{} bytes", result.stderr.len());
    let summary = result.stderr.lines().last().unwrap();
    assert!(summary.starts_with("rep.ods[Foglio1]: "), "{summary}");
    assert!(result.stderr.contains("more `unknown-indicator` in rep.ods[Foglio1], not shown"), "{summary}");
}

#[test]
fn thousands_of_unknown_ids_against_a_large_plan_get_a_bounded_number_of_suggestions() {
    let mut plan = String::from(
        "[plan]\nbody = \"B\"\ntitle = \"T\"\nyear = 2019\nhorizon = [2018, 2020]\n\n[[mission]]\nid = \"011\"\nname = \"M\"\n\n\
         [[strategic-objective]]\nid = \"S1\"\nmission = \"011\"\nname = \"S\"\n",
    );
    let mut rows = String::from("indicator,year,value\n");
    for i in 0..3_000 {
        plan.push_str(&format!(
            "\n[[indicator]]\nid = \"S1.{i}\"\nobjective = \"S1\"\nname = \"Indicatore {i}\"\nunit = \"percent\"\ntargets = {{ 2019 = \"≥ 90%\" }}\n"
        ));
        rows.push_str(&format!("S1.{i}x,2019,5\n"));
    }
    let dir = folder(&[("p.toml", plan.as_bytes()), ("a.csv", rows.as_bytes())]);
    let result = run_in(dir.path(), &["score", "p.toml", "-a", "a.csv"]);
    refused(&result, "a.csv: 3,000 errors, 0 warnings (3,000 unknown-indicator)");
    // Suggestions are computed for the first ids only (output shows 200 of them anyway).
    assert!(result.stderr.contains("did you mean `S1.0`?"), "{}", &result.stderr[..1000]);
    assert!(result.stderr.matches("did you mean").count() <= 100);
    assert!(result.stderr.contains("… and 2,800 more `unknown-indicator` in a.csv, not shown"));
}

#[test]
fn thousands_of_overrides_are_checked_and_applied_in_linear_time() {
    // An override per indicator of a big plan: the check for a second override of a node and
    // year, and each node's override when scoring, are looked up by hash (scanning every
    // override for each one was quadratic), and an override of an unknown node asks for a "did
    // you mean" within the file's budget (each compares the id with every node).
    let mut plan = std::fs::read_to_string(root().join(ACTUALS_PLAN)).unwrap();
    let mut overrides = String::new();
    let mut rows = String::from("indicator,year,value\n");
    for i in 0..5_000 {
        plan.push_str(&format!(
            "\n[[indicator]]\nid = \"S1.x{i}\"\nobjective = \"S1\"\nname = \"Indicatore {i}\"\nunit = \"percent\"\n\
             targets = {{ 2019 = \"≥ 90%\" }}\n"
        ));
        overrides.push_str(&format!(
            "\n[[override]]\nnode = \"S1.x{i}\"\nyear = 2019\noutcome = \"neutralised\"\nreason = \"Evento esterno\"\n\
             decided-by = \"OIV\"\nact = {{ body = \"OIV\", number = \"{i}\", date = 2020-04-15 }}\n"
        ));
        rows.push_str(&format!("S1.x{i},2019,50\n"));
    }
    let mut broken = format!("{plan}{overrides}");
    broken.push_str(&overrides[..overrides.find("\n[[override]]\nnode = \"S1.x1\"").unwrap()]);
    for i in 0..300 {
        broken.push_str(&format!(
            "\n[[override]]\nnode = \"S1.y{i}\"\nyear = 2019\noutcome = \"neutralised\"\nreason = \"x\"\n\
             decided-by = \"OIV\"\nact = {{ body = \"OIV\", number = \"1\", date = 2020-04-15 }}\n"
        ));
    }
    let dir = folder(&[("p.toml", broken.as_bytes())]);
    let result = run_in(dir.path(), &["check", "p.toml"]);
    // Every one is counted: the second override of S1.x0, and the 300 of unknown nodes.
    refused(&result, "p.toml: 301 errors");
    assert!(result.stdout.contains("S1.x0"), "{}", result.transcript());
    // `S1.y7` is one letter from `S1.x7`: a suggestion for the first hundred only.
    assert!(result.stdout.contains("did you mean `S1.x7`?"), "{}", result.transcript());
    assert_eq!(result.stdout.matches("did you mean").count(), 100, "{}", result.transcript());

    let dir = folder(&[("p.toml", format!("{plan}{overrides}").as_bytes()), ("a.csv", rows.as_bytes())]);
    let result = run_in(dir.path(), &["score", "p.toml", "-a", "a.csv", "--format", "csv", "--level", "indicator"]);
    assert_eq!(result.code, 0, "{}", result.transcript());
    let neutralised = result.stdout.lines().filter(|l| l.starts_with("S1.x") && l.contains(",neutralised,")).count();
    assert_eq!(neutralised, 5_000, "{}", result.stdout.chars().take(2000).collect::<String>());
}
