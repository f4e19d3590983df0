//! Italian Excel, both ways: the CSV template it opens on a double click, and what it writes back
//! (`;`, a point grouping thousands, dates with the month's name, UTF-16 "Testo Unicode").

use crate::support::{root, run, run_in};

const SEED: &str = "plans/maremma-tirreno-2019.toml";

fn seed() -> String {
    root().join(SEED).to_str().unwrap().to_owned()
}

#[test]
fn the_italian_template_is_written_as_italian_excel_writes_csv() {
    let italian = run(&["template", SEED, "--lang", "it"]);
    assert_eq!(italian.code, 0, "{}", italian.transcript());
    let text = &italian.stdout;
    assert!(text.starts_with('\u{feff}'), "a byte order mark first: {text:?}");
    assert!(text.lines().nth(1).unwrap().starts_with("indicatore;anno;valore;"), "{text}");
    // Every line ends in CRLF, the heading's included.
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count(), "{text:?}");
    assert!(text.ends_with("\r\n"), "{text:?}");
    // The English one is plain: `,`, LF, no byte order mark.
    let english = run(&["template", SEED, "--lang", "en"]).stdout;
    assert!(english.starts_with("# ") && !english.contains('\r'), "{english:?}");
    assert!(english.lines().nth(1).unwrap().starts_with("indicator,year,value,"), "{english}");
    // `--delimiter` is the one flag that changes it.
    let comma = run(&["template", SEED, "--lang", "it", "--delimiter", "comma"]).stdout;
    assert!(!comma.starts_with('\u{feff}') && !comma.contains('\r'), "{comma:?}");
}

#[test]
fn a_filled_in_template_reads_back_crlf_and_all() {
    let dir = tempfile::tempdir().unwrap();
    let template = run(&["template", SEED, "--lang", "it"]).stdout;
    let filled = template.replacen("\r\nO1.1.1;2019;;", "\r\nO1.1.1;2019;1.245;", 1);
    assert_ne!(filled, template);
    std::fs::write(dir.path().join("consuntivo.csv"), filled).unwrap();
    let result = run_in(dir.path(), &["score", &seed(), "--actuals", "consuntivo.csv", "--format", "json"]);
    assert_eq!(result.code, 0, "{}", result.transcript());
    assert!(result.stdout.contains("\"actual\": \"1245\""), "{}", result.stdout);
}

/// Actuals with `1.245` in every numeric column (of a count, O1.1.1, and of a ratio, S1.3), a
/// completion date with the month's name, and `delimiter` between the fields.
fn thousands_and_named_dates(delimiter: &str) -> String {
    let rows = [
        ["indicatore", "anno", "valore", "numeratore", "denominatore", "media cluster"],
        ["O1.1.1", "2019", "1.245", "", "", "2.500"],
        ["S1.3", "2019", "1.245", "", "", "2.500"],
        ["S1.1", "2019", "", "1.245", "1.300", ""],
        ["O5.1.1", "2019", "9-ago-2019", "", "", ""],
    ];
    rows.iter().map(|row| row.join(delimiter) + "\r\n").collect()
}

#[test]
fn in_a_semicolon_file_a_point_groups_thousands_in_every_numeric_column() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("excel.csv"), thousands_and_named_dates(";")).unwrap();
    let args = ["score", &seed(), "--actuals", "excel.csv", "--format", "csv", "--level", "indicator"];
    let result = run_in(dir.path(), &args);
    assert_eq!(result.code, 0, "{}", result.transcript());
    assert!(!result.stderr.contains("error"), "{}", result.stderr);
    let row = |id: &str| result.stdout.lines().find(|l| l.starts_with(&format!("{id},"))).unwrap().to_owned();
    assert!(row("O1.1.1").contains(",count,2,2,1245,1243,"), "{}", row("O1.1.1"));
    // 1245 / 1300, in percent points.
    assert!(row("S1.1").contains(",100,95.769231,"), "{}", row("S1.1"));
    assert!(row("O5.1.1").contains(",2019-08-09,10,"), "{}", row("O5.1.1"));
}

#[test]
fn in_a_comma_file_it_stays_ambiguous_with_the_same_words_in_every_numeric_column() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("virgole.csv"), thousands_and_named_dates(",")).unwrap();
    let result = run_in(dir.path(), &["score", &seed(), "--actuals", "virgole.csv", "--lang", "en"]);
    assert_eq!(result.code, 1, "{}", result.transcript());
    let explanation = "is ambiguous: write thousands without separators (1234) or with a decimal part (1.234,0), \
                       or save the file delimited by `;`";
    for (what, text) in [
        ("invalid value for S1.3 2019", "1.245"),
        ("invalid benchmark for S1.3 2019", "2.500"),
        ("invalid numerator", "1.245"),
        ("invalid denominator", "1.300"),
    ] {
        let message = format!("{what}: `{text}` {explanation}");
        assert!(result.stderr.contains(&message), "{message}\n{}", result.stderr);
    }
    assert!(result.stderr.contains("4 errors"), "{}", result.stderr);
    // A count is whole: its `1.245` and `2.500` can only be thousands, in any file.
    assert!(!result.stderr.contains("O1.1.1"), "{}", result.stderr);
    // The date with the month's name is read whatever the delimiter.
    assert!(!result.stderr.contains("9-ago-2019"), "{}", result.stderr);
}

#[test]
fn testo_unicode_reads_as_the_same_file() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        thousands_and_named_dates("\t").replace("1.245", "1245").replace("1.300", "1300").replace("2.500", "2500");
    std::fs::write(dir.path().join("utf8.txt"), &text).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(dir.path().join("unicode.txt"), utf16).unwrap();
    let score = |file: &str| run_in(dir.path(), &["score", &seed(), "--actuals", file, "--format", "csv"]);
    let (plain, unicode) = (score("utf8.txt"), score("unicode.txt"));
    assert_eq!(unicode.code, 0, "{}", unicode.transcript());
    assert_eq!(plain.stdout, unicode.stdout);
}

#[test]
fn the_template_workbook_prints_on_a4_landscape_with_its_header_on_every_page() {
    let dir = tempfile::tempdir().unwrap();
    let result = run_in(dir.path(), &["template", &seed(), "--by-service", "-o", "t.xlsx"]);
    assert_eq!(result.code, 0, "{}", result.transcript());
    let bytes = std::fs::read(dir.path().join("t.xlsx")).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut read = |name: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut archive.by_name(name).unwrap(), &mut text).unwrap();
        text
    };
    let sheet = read("xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"<pageSetup paperSize="9" fitToHeight="0" orientation="landscape""#), "{sheet}");
    // The heading and the column names (rows 1 and 2) repeat on every printed page.
    let workbook = read("xl/workbook.xml");
    assert!(workbook.contains(r#"<definedName name="_xlnm.Print_Titles" localSheetId="0">"#), "{workbook}");
    assert!(workbook.contains("!$1:$2</definedName>"), "{workbook}");
}

#[test]
fn messages_show_paths_as_given_with_the_platforms_separator() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("consuntivi")).unwrap();
    std::fs::write(
        dir.path().join("consuntivi").join("doppio.csv"),
        "indicator,year,value\nS1.2,2019,30\nS1.2,2019,33\n",
    )
    .unwrap();
    // `consuntivi\doppio.csv` on Windows, `consuntivi/doppio.csv` elsewhere.
    let given = format!("consuntivi{}doppio.csv", std::path::MAIN_SEPARATOR);
    let result = run_in(dir.path(), &["score", &seed(), "--actuals", &given, "--lang", "en"]);
    assert_eq!(result.code, 1, "{}", result.transcript());
    assert!(result.stderr.contains(&format!(" --> {given}:3:1\n")), "{}", result.stderr);
    assert!(result.stderr.contains(&format!(" ::: {given}:2:1\n")), "{}", result.stderr);
    assert!(result.stderr.contains(&format!("{given}: 1 error")), "{}", result.stderr);
}
