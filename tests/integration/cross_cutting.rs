//! Cross-cutting indicators have one service that reports them (`reported-by`, by default the
//! plan's first service): `template --by-service` puts their row to fill in on its sheet and
//! shows it read-only elsewhere; a second value is a `duplicate-actual` naming both places and
//! that service.

use std::io::{Cursor, Read as _};

use calamine::{Data, Reader, Xlsx};

use crate::support::{root, run_in};

/// The seed plan, with O8.1.1 (cross-cutting) reported by the promotion service.
fn plan_in(dir: &std::path::Path) -> std::path::PathBuf {
    let seed = std::fs::read_to_string(root().join("plans/maremma-tirreno-2019.toml")).unwrap();
    let changed = seed.replacen(
        "target = \"100%\"\ncross-cutting = true\n",
        "target = \"100%\"\ncross-cutting = true\nreported-by = \"promozione\"\n",
        1,
    );
    assert_ne!(seed, changed);
    let path = dir.join("piano.toml");
    std::fs::write(&path, changed).unwrap();
    path
}

/// The rows of sheet `name`, as text.
fn rows(workbook: &mut Xlsx<Cursor<Vec<u8>>>, name: &str) -> Vec<Vec<String>> {
    let range = workbook.worksheet_range(name).unwrap();
    range
        .rows()
        .map(|row| row.iter().map(|c| if c == &Data::Empty { String::new() } else { c.to_string() }).collect())
        .collect()
}

fn xml(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    archive.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

#[test]
fn the_template_puts_a_cross_cutting_indicator_on_its_reporters_sheet_and_read_only_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(dir.path());
    let result =
        run_in(dir.path(), &["template", plan.to_str().unwrap(), "--by-service", "--lang", "it", "-o", "t.xlsx"]);
    assert_eq!(result.code, 0, "{}", result.transcript());
    let bytes = std::fs::read(dir.path().join("t.xlsx")).unwrap();
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    let names = workbook.sheet_names();
    let promotion = names.iter().position(|n| n == "Promozione").unwrap();
    let registry = names.iter().position(|n| n == "Servizi anagrafico certificativ").unwrap();
    // The row is on both sheets, saying who reports it.
    for name in ["Promozione", "Servizi anagrafico certificativ"] {
        let row = rows(&mut workbook, name).into_iter().find(|r| r[0] == "O8.1.1").unwrap();
        assert_eq!(row[11], "trasversale, a cura di Promozione", "{name}: {row:?}");
    }
    // Another cross-cutting indicator keeps the default: the plan's first service.
    let other = rows(&mut workbook, "Promozione").into_iter().find(|r| r[0] == "O8.2.1").unwrap();
    assert_eq!(other[11], "trasversale, a cura di Servizi anagrafico certificativi");
    // Elsewhere it is read-only: its cells to fill in grey and locked, the sheet protected; on
    // the reporter's sheet the value cell is open.
    let sheet = |index: usize| xml(&bytes, &format!("xl/worksheets/sheet{}.xml", index + 1));
    let (on_promotion, on_registry) = (sheet(promotion), sheet(registry));
    assert!(on_promotion.contains("<sheetProtection"), "protected: O8.2.1 is reported by another service");
    assert!(on_registry.contains("<sheetProtection"), "protected: O8.1.1 is reported by promozione");
    let styles = xml(&bytes, "xl/styles.xml");
    assert!(styles.contains(r#"<protection locked="0"/>"#), "the cells to fill in are unlocked");
    assert!(styles.contains("FFD9D9D9"), "the read-only cells are grey");
}

#[test]
fn a_second_value_from_another_sheet_names_both_sheets_and_the_reporter() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(dir.path());
    let mut workbook = rust_xlsxwriter::Workbook::new();
    for (sheet, value) in [("Promozione", "100%"), ("Provveditorato", "98%")] {
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(sheet).unwrap();
        for (column, text) in ["indicatore", "anno", "valore"].iter().enumerate() {
            worksheet.write_string(0, column as u16, *text).unwrap();
        }
        worksheet.write_string(1, 0, "O8.1.1").unwrap();
        worksheet.write_number(1, 1, 2019).unwrap();
        worksheet.write_string(1, 2, value).unwrap();
    }
    workbook.save(dir.path().join("consuntivo.xlsx")).unwrap();
    let args = ["score", plan.to_str().unwrap(), "--actuals", "consuntivo.xlsx", "--lang", "en"];
    let result = run_in(dir.path(), &args);
    assert_eq!(result.code, 1, "{}", result.transcript());
    let expected = "error[duplicate-actual]: O8.1.1 2019 is given twice: here and at consuntivo.xlsx[Promozione]:2\n \
                    --> consuntivo.xlsx[Provveditorato]:2:1\n  |\n2 | O8.1.1 2019 98%\n  | ^^^^^^\n \
                    ::: consuntivo.xlsx[Promozione]:2:1\n  |\n2 | O8.1.1 2019 100%\n  | ------ first given here\n  \
                    = help: O8.1.1 is reported by Promozione: keep its value on that service's sheet (or row) and \
                    leave it blank elsewhere\n";
    assert!(result.stderr.replace(' ', "·").contains(&expected.replace(' ', "·")), "{}", result.stderr);
}

#[test]
fn reported_by_is_written_back_and_a_change_of_it_is_a_change_of_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(dir.path());
    let plan = plan.to_str().unwrap();
    // `show --as-of ... --format toml` writes the key back, and reading that gives the same plan.
    let shown = run_in(dir.path(), &["show", plan, "--as-of", "2019-12-31", "--format", "toml"]);
    assert_eq!(shown.code, 0, "{}", shown.transcript());
    assert!(shown.stdout.contains("cross-cutting = true\nreported-by = \"promozione\"\n"), "{}", shown.stdout);
    std::fs::write(dir.path().join("shown.toml"), &shown.stdout).unwrap();
    let same = run_in(dir.path(), &["diff", plan, "shown.toml", "--format", "json"]);
    assert!(!same.stdout.contains("reported-by"), "{}", same.transcript());
    // The seed reports O8.1.1 by its first service; the changed plan by promozione.
    let seed = root().join("plans/maremma-tirreno-2019.toml");
    let changed = run_in(dir.path(), &["diff", seed.to_str().unwrap(), plan, "--lang", "en"]);
    assert!(changed.stdout.contains("reported-by: anagrafe → promozione"), "{}", changed.transcript());
    // An undeclared service is an error that names it.
    let wrong =
        std::fs::read_to_string(plan).unwrap().replace("reported-by = \"promozione\"", "reported-by = \"ufficio\"");
    std::fs::write(dir.path().join("wrong.toml"), wrong).unwrap();
    let check = run_in(dir.path(), &["check", "wrong.toml", "--lang", "en"]);
    assert_eq!(check.code, 1, "{}", check.transcript());
    let said = check.transcript();
    assert!(said.contains("error[undeclared-service]: service `ufficio` is not declared"), "{said}");
}
