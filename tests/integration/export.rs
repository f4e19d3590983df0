//! `cruscotto export` and `cruscotto template --format xlsx`, and workbooks read as actuals:
//! the exported numbers read back exactly, the CSV variant, formula injection, the filled
//! template scored like the CSV file, sheets per service, overwrite refusal, damaged files.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, DataType, Range, Reader, StyleRange, Xlsx};
use rust_decimal::Decimal;

use crate::support::{Run, root, run, run_in};

const SEED: &str = "plans/maremma-tirreno-2019.toml";
const EARLIER: &str = "examples/actuals-2016-2018.csv";
const ACTUALS: &str = "examples/actuals-2019.csv";

/// The sheets of the results workbook, in order, in English and Italian, with the `--level` of
/// `score` each follows.
const SHEETS: [(&str, &str, Option<&str>); 9] = [
    ("Summary", "Sintesi", None),
    ("Strategic objectives", "Obiettivi strategici", Some("strategic")),
    ("Programs", "Programmi", Some("program")),
    ("Operational objectives", "Obiettivi operativi", Some("operational")),
    ("Indicators", "Indicatori", Some("indicator")),
    // The seed has balanced-scorecard perspectives.
    ("Perspectives", "Prospettive", Some("perspective")),
    ("Areas", "Aree", Some("area")),
    ("Services", "Servizi", Some("service")),
    ("Rules", "Regole", None),
];

/// The column of `score --format csv` a header of the English workbook names.
fn column_key(header: &str) -> String {
    let keys = cruscotto::render::score::INDICATOR_COLUMNS.iter().chain(cruscotto::render::score::ROLLUP_COLUMNS);
    keys.map(|key| (*key).to_owned())
        .find(|key| cruscotto::export::column_header(cruscotto::i18n::Lang::En, key) == header)
        .unwrap_or_else(|| panic!("no column is headed `{header}`"))
}

fn absolute(path: &str) -> String {
    root().join(path).to_str().unwrap().to_owned()
}

/// `cruscotto ARGS` in `dir` with the seed plan and both example files.
fn export_seed(dir: &Path, extra: &[&str]) -> Run {
    let (plan, earlier, actuals) = (absolute(SEED), absolute(EARLIER), absolute(ACTUALS));
    let mut args = vec!["export", plan.as_str(), "--actuals", earlier.as_str(), "--actuals", actuals.as_str()];
    args.extend_from_slice(extra);
    run_in(dir, &args)
}

fn open(path: &Path) -> Xlsx<Cursor<Vec<u8>>> {
    calamine::open_workbook_from_rs(Cursor::new(std::fs::read(path).unwrap())).unwrap()
}

/// The decimal a number cell holds: its shortest round-trip form, read exactly.
fn decimal(number: f64) -> Decimal {
    number.to_string().parse().unwrap()
}

/// A results cell in the plain form of `score --format csv`: a percentage cell (its format has
/// `%`) back in percent points, the attainment with two decimals, dates in ISO form.
fn plain(styles: &StyleRange, sheet: &str, column: &str, at: (u32, u32), cell: &Data) -> String {
    let format = styles.get(at).and_then(|s| s.number_format.clone()).map(|f| f.format_code).unwrap_or_default();
    match cell {
        Data::Empty => String::new(),
        Data::String(text) => text.clone(),
        Data::Float(number) if format.contains('%') => {
            let points = decimal(*number) * Decimal::ONE_HUNDRED;
            if column.ends_with("attainment") {
                assert_eq!(format, "0.00%", "{sheet} {column} {at:?}");
                let mut fixed = points;
                fixed.rescale(2);
                assert_eq!(fixed, points, "{sheet} {column} {at:?}: more than two decimals");
                fixed.to_string()
            } else {
                points.normalize().to_string()
            }
        }
        Data::Float(number) => decimal(*number).normalize().to_string(),
        Data::DateTime(date) => {
            let (year, month, day, ..) = date.to_ymd_hms_milli();
            format!("{year:04}-{month:02}-{day:02}")
        }
        other => panic!("{sheet} {column} {at:?}: unexpected cell {other:?}"),
    }
}

fn header(range: &Range<Data>) -> Vec<String> {
    range.rows().next().unwrap().iter().map(ToString::to_string).collect()
}

#[test]
fn the_workbook_has_a_sheet_per_level_with_the_numbers_of_score_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let result = export_seed(dir.path(), &["-o", "risultati.xlsx", "--lang", "en"]);
    assert_eq!(result.code, 0, "{}", result.transcript());
    assert!(result.stderr.ends_with("wrote 9 sheets, 128 indicators to risultati.xlsx\n"), "{}", result.stderr);
    let path = dir.path().join("risultati.xlsx");
    let mut workbook = open(&path);
    assert_eq!(workbook.sheet_names(), SHEETS.map(|(name, ..)| name.to_owned()));

    // Every cell of every level, against `score --format csv --level L`: in English, the
    // workbook's words are the words of the CSV.
    for (sheet, _, level) in SHEETS {
        let Some(level) = level else { continue };
        let csv =
            run(&["score", SEED, "--actuals", EARLIER, "--actuals", ACTUALS, "--format", "csv", "--level", level]);
        let mut reader = csv::Reader::from_reader(csv.stdout.as_bytes());
        let csv_header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
        let range = workbook.worksheet_range(sheet).unwrap();
        let styles = workbook.worksheet_style(sheet).unwrap();
        let columns: Vec<String> = header(&range).iter().map(|h| column_key(h)).collect();
        let expected_columns: Vec<&String> =
            csv_header.iter().filter(|c| level == "strategic" || *c != "operational_attainment").collect();
        assert_eq!(columns.iter().collect::<Vec<_>>(), expected_columns, "{sheet}");
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(range.height() - 1, records.len(), "{sheet}");
        for (row, record) in records.iter().enumerate() {
            for (column, name) in columns.iter().enumerate() {
                let at = (u32::try_from(row + 1).unwrap(), u32::try_from(column).unwrap());
                let cell = range.get((row + 1, column)).cloned().unwrap_or_default();
                let expected = &record[csv_header.iter().position(|c| c == name).unwrap()];
                assert_eq!(plain(&styles, sheet, name, at, &cell), expected, "{sheet} row {} {name}", row + 2);
            }
        }
    }

    // The summary: the body, then the missions.
    let sintesi = workbook.worksheet_range("Summary").unwrap();
    assert_eq!(sintesi.get((1, 0)), Some(&Data::String("body".into())));
    assert_eq!(decimal(sintesi.get((1, 4)).unwrap().as_f64().unwrap()) * Decimal::ONE_HUNDRED, Decimal::new(9914, 2));
    assert_eq!(sintesi.height(), 1 + 1 + 4);

    // The rules and where the results come from.
    let regole = workbook.worksheet_range("Rules").unwrap();
    let items: Vec<(String, String)> = regole.rows().map(|r| (r[0].to_string(), r[1].to_string())).collect();
    for (item, value) in [
        ("body", "Camera di Commercio della Maremma e del Tirreno"),
        ("year scored", "2019"),
        ("actuals file", absolute(ACTUALS).as_str()),
        ("rule", "cap: 100 (highest attainment of an indicator)"),
        ("indicators met", "106"),
    ] {
        assert!(items.contains(&(item.to_owned(), value.to_owned())), "{item} {value}: {items:?}");
    }

    // Dates are date cells; traffic lights fill the attainment and status cells.
    let indicators = workbook.worksheet_range("Indicators").unwrap();
    assert!(indicators.rows().any(|r| matches!(r[8], Data::DateTime(_))), "no date cell among the actuals");
    let styles = workbook.worksheet_style("Indicators").unwrap();
    let status_at = header(&indicators).iter().position(|c| c == "status").unwrap();
    for (row, cells) in indicators.rows().enumerate().skip(1) {
        let fill = |column: usize| {
            let style = styles.get((u32::try_from(row).unwrap(), u32::try_from(column).unwrap())).unwrap();
            style.fill.as_ref().and_then(|f| f.get_color()).map(|c| c.to_string())
        };
        let expected = match cells[status_at].to_string().as_str() {
            "met" => "#C6EFCE",
            "partial" => "#FFEB9C",
            "missed" => "#FFC7CE",
            _ => "#EDEDED",
        };
        assert_eq!(fill(status_at).as_deref(), Some(expected), "row {}", row + 1);
        assert_eq!(fill(status_at - 1).as_deref(), Some(expected), "row {}", row + 1);
    }

    // The header is frozen and filtered on every sheet (calamine does not read panes: the XML);
    // each prints on A4 landscape, one page wide, the header repeated on every page.
    let mut archive = zip::ZipArchive::new(Cursor::new(std::fs::read(&path).unwrap())).unwrap();
    let mut workbook_xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("xl/workbook.xml").unwrap(), &mut workbook_xml).unwrap();
    for index in 1..=SHEETS.len() {
        let mut xml = String::new();
        std::io::Read::read_to_string(
            &mut archive.by_name(&format!("xl/worksheets/sheet{index}.xml")).unwrap(),
            &mut xml,
        )
        .unwrap();
        assert!(
            xml.contains(r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#),
            "{index}"
        );
        assert!(xml.contains("<autoFilter ref=\"A1:"), "{index}");
        assert!(xml.contains("<cols>"), "column widths on sheet {index}");
        assert!(xml.contains(r#"<pageSetUpPr fitToPage="1"/>"#), "{index}");
        assert!(xml.contains(r#"<pageSetup paperSize="9" fitToHeight="0" orientation="landscape""#), "{index}");
        let titles = format!(r#"<definedName name="_xlnm.Print_Titles" localSheetId="{}">"#, index - 1);
        let at = workbook_xml.find(&titles).unwrap_or_else(|| panic!("{titles} in {workbook_xml}"));
        assert!(workbook_xml[at..].split("</definedName>").next().unwrap().ends_with("!$1:$1"), "{index}");
    }
}

#[test]
fn the_italian_workbook_has_the_same_cells_in_italian() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(export_seed(dir.path(), &["-o", "en.xlsx", "--lang", "en"]).code, 0);
    // The seed plan is Italian: its deliverables are, without `--lang`.
    let result = export_seed(dir.path(), &["-o", "it.xlsx"]);
    assert_eq!(result.code, 0, "{}", result.transcript());
    let (mut english, mut italian) = (open(&dir.path().join("en.xlsx")), open(&dir.path().join("it.xlsx")));
    assert_eq!(italian.sheet_names(), SHEETS.map(|(_, name, _)| name.to_owned()));
    let words = ["raggiunto", "parzialmente raggiunto", "non raggiunto", "eliminato", "non rilevato", "non misurabile"];
    for (english_sheet, italian_sheet, level) in SHEETS {
        let (en, it) =
            (english.worksheet_range(english_sheet).unwrap(), italian.worksheet_range(italian_sheet).unwrap());
        assert_eq!(en.get_size(), it.get_size(), "{italian_sheet}");
        let keys: Vec<String> =
            header(&en).iter().map(|h| if level.is_some() { column_key(h) } else { h.clone() }).collect();
        for (row, (en_row, it_row)) in en.rows().zip(it.rows()).enumerate().skip(1) {
            for (column, (en_cell, it_cell)) in en_row.iter().zip(it_row).enumerate() {
                match (en_cell, it_cell) {
                    // Numbers and dates are the same cells.
                    (Data::Float(_) | Data::DateTime(_) | Data::Empty, _) => {
                        assert_eq!(en_cell, it_cell, "{italian_sheet} row {} column {}", row + 1, column + 1);
                    }
                    (_, Data::String(word)) if keys[column] == "status" => {
                        assert!(words.contains(&word.as_str()), "{italian_sheet} row {}: {word}", row + 1);
                    }
                    _ => assert!(matches!(it_cell, Data::String(_)), "{italian_sheet} row {}", row + 1),
                }
            }
        }
        if level.is_some() {
            let expected: Vec<String> =
                keys.iter().map(|key| cruscotto::export::column_header(cruscotto::i18n::Lang::It, key)).collect();
            assert_eq!(header(&it), expected, "{italian_sheet}");
        }
    }
    let indicatori = italian.worksheet_range("Indicatori").unwrap();
    let s74 = indicatori.rows().find(|r| r[0] == "S7.4").unwrap();
    let texts: Vec<String> = s74.iter().map(ToString::to_string).collect();
    for word in ["indicatore", "strategico", "percentuale", "non rilevato", "valore non disponibile (n.d.)"] {
        assert!(texts.iter().any(|t| t == word), "{word}: {texts:?}");
    }
    let regole = italian.worksheet_range("Regole").unwrap();
    let items: Vec<(String, String)> = regole.rows().map(|r| (r[0].to_string(), r[1].to_string())).collect();
    assert_eq!(items[0], ("voce".to_owned(), "valore".to_owned()));
    for (item, value) in [
        ("ente", "Camera di Commercio della Maremma e del Tirreno"),
        ("anno valutato", "2019"),
        ("regola", "tetto: 100 (grado di raggiungimento massimo di un indicatore)"),
        ("indicatori raggiunti", "106"),
    ] {
        assert!(items.contains(&(item.to_owned(), value.to_owned())), "{item} {value}: {items:?}");
    }
}

#[test]
fn the_csv_variant_writes_the_same_tables_into_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let result = export_seed(dir.path(), &["--format", "csv", "-o", "results", "--lang", "en"]);
    assert_eq!(result.code, 0, "{}", result.transcript());
    let folder = dir.path().join("results");
    let files = |folder: &Path| {
        let mut files: Vec<String> =
            std::fs::read_dir(folder).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        files.sort();
        files
    };
    assert_eq!(
        files(&folder),
        [
            "areas.csv",
            "indicators.csv",
            "operational-objectives.csv",
            "perspectives.csv",
            "programs.csv",
            "rules.csv",
            "services.csv",
            "strategic-objectives.csv",
            "summary.csv"
        ]
    );
    // In English, the rows are those of `score --format csv`, byte for byte (no text of the seed
    // starts like a formula), under a header for people.
    let rows = |text: &str| text.split_once('\n').unwrap().1.to_owned();
    let score = run(&["score", SEED, "--actuals", EARLIER, "--actuals", ACTUALS, "--format", "csv"]);
    assert_eq!(rows(&std::fs::read_to_string(folder.join("indicators.csv")).unwrap()), rows(&score.stdout));
    // The other levels: the same rows, without the empty operational column.
    let strategic = run(&["score", SEED, "-a", EARLIER, "-a", ACTUALS, "--format", "csv", "--level", "strategic"]);
    assert_eq!(
        rows(&std::fs::read_to_string(folder.join("strategic-objectives.csv")).unwrap()),
        rows(&strategic.stdout)
    );
    let areas = run(&["score", SEED, "-a", EARLIER, "-a", ACTUALS, "--format", "csv", "--level", "area"]);
    let operational =
        areas.stdout.lines().next().unwrap().split(',').position(|c| c == "operational_attainment").unwrap();
    let without_operational: String = areas
        .stdout
        .lines()
        .skip(1)
        .map(|l| {
            let mut cells: Vec<&str> = l.split(',').collect();
            cells.remove(operational);
            format!("{}\n", cells.join(","))
        })
        .collect();
    assert_eq!(rows(&std::fs::read_to_string(folder.join("areas.csv")).unwrap()), without_operational);
    let summary = std::fs::read_to_string(folder.join("summary.csv")).unwrap();
    assert!(
        summary.starts_with(
            "level,id,name,year,attainment,scored,expected,override,override reason,override decided by,override act,\
             computed attainment\nbody,,Camera di Commercio della Maremma e del Tirreno,2019,99.14,42,44,,,,,\n"
        ),
        "{summary}"
    );

    // The plan's own language: Italian files, words and numbers, `;`-delimited with the byte
    // order mark Italian Excel needs.
    let result = export_seed(dir.path(), &["--format", "csv", "-o", "risultati"]);
    assert_eq!(result.code, 0, "{}", result.transcript());
    let cartella = dir.path().join("risultati");
    assert_eq!(
        files(&cartella),
        [
            "aree.csv",
            "indicatori.csv",
            "obiettivi-operativi.csv",
            "obiettivi-strategici.csv",
            "programmi.csv",
            "prospettive.csv",
            "regole.csv",
            "servizi.csv",
            "sintesi.csv"
        ]
    );
    let sintesi = std::fs::read_to_string(cartella.join("sintesi.csv")).unwrap();
    assert!(
        sintesi.starts_with(
            "\u{feff}livello;codice;denominazione;anno;grado di raggiungimento;valutati;attesi;decisione;motivazione \
             della decisione;decisione di;atto della decisione;grado calcolato\r\nente;;Camera di Commercio della \
             Maremma e del Tirreno;2019;99,14;42;44;;;;;\r\n"
        ),
        "{sintesi}"
    );
    // The same numbers as `score --format csv`, with a decimal comma; dates as Italians write them.
    let indicatori = std::fs::read_to_string(cartella.join("indicatori.csv")).unwrap();
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(indicatori.as_bytes());
    let italian: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let mut reader = csv::Reader::from_reader(score.stdout.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    let english: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(italian.len(), english.len());
    for column in ["attainment", "weight", "reference", "deviation", "computed_attainment", "actual"] {
        let at = header.iter().position(|h| h == column).unwrap();
        for (it, en) in italian.iter().zip(&english) {
            let expected = match cruscotto::date::Date::parse(&en[at]) {
                Ok(date) if en[at].contains('-') => date.to_string(),
                _ if en[at].parse::<f64>().is_ok() => en[at].replace('.', ","),
                _ => en[at].to_owned(),
            };
            match &en[at] {
                "yes" => assert_eq!(&it[at], "sì"),
                _ => assert_eq!(it[at], expected, "{} {column}", &en[0]),
            }
        }
    }
    assert!(indicatori.contains(";non raggiunto;"), "{indicatori}");
}

/// A clean plan with hostile texts: an indicator name that is a formula, a service name
/// starting with `@`.
fn hostile_plan(dir: &Path) {
    let plan = std::fs::read_to_string(root().join("tests/fixtures/plans/clean.toml"))
        .unwrap()
        .replace(
            "name = \"Pratiche evase entro 5 giorni / pratiche ricevute\"",
            "name = '=HYPERLINK(\"http://evil.example\",\"clic\")'",
        )
        .replace("name = \"Servizi anagrafico certificativi\"", "name = \"@Servizi anagrafici\"");
    std::fs::write(dir.join("plan.toml"), plan).unwrap();
    std::fs::write(
        dir.join("consuntivo.csv"),
        "indicator,year,value,note,source\n\
         S1.1,2019,85,-5% rispetto al 2018,+39 0586 231111\n\
         O1.1.1,2019,\"1,2\",@SUM(A1),\"\t=1+1\"\n",
    )
    .unwrap();
}

#[test]
fn texts_that_start_like_formulas_are_neutralised_and_numbers_are_not() {
    let dir = tempfile::tempdir().unwrap();
    hostile_plan(dir.path());
    let args = ["export", "plan.toml", "--actuals", "consuntivo.csv"];
    let xlsx = run_in(dir.path(), &[&args[..], &["-o", "r.xlsx"]].concat());
    assert_eq!(xlsx.code, 0, "{}", xlsx.transcript());
    let csv = run_in(dir.path(), &[&args[..], &["--format", "csv", "-o", "r"]].concat());
    assert_eq!(csv.code, 0, "{}", csv.transcript());

    let expected = [
        "'=HYPERLINK(\"http://evil.example\",\"clic\")",
        "'-5% rispetto al 2018",
        "'+39 0586 231111",
        "'@SUM(A1)",
        // Spaces (a tab too) around a field are trimmed when actuals are read: "\t=1+1" is `=1+1`.
        "'=1+1",
    ];
    let mut workbook = open(&dir.path().join("r.xlsx"));
    let indicators = workbook.worksheet_range("Indicatori").unwrap();
    let texts: Vec<String> =
        indicators.used_cells().filter_map(|(_, _, c)| c.get_string().map(str::to_owned)).collect();
    for text in expected {
        assert!(texts.iter().any(|t| t == text), "{text:?} not in {texts:?}");
    }
    assert!(!texts.iter().any(|t| t.starts_with(['=', '+', '-', '@', '\t'])), "{texts:?}");
    let services = workbook.worksheet_range("Servizi").unwrap();
    assert!(services.used_cells().any(|(_, _, c)| c == &Data::String("'@Servizi anagrafici".into())));
    // S1.1's deviation, 85 − 90 = −5 points, is a number cell (−5%), not text.
    let columns = header(&indicators);
    let deviation = columns.iter().position(|c| c == "scostamento").unwrap();
    assert_eq!(indicators.get((1, deviation)), Some(&Data::Float(-0.05)));

    let csv_text = std::fs::read_to_string(dir.path().join("r/indicatori.csv")).unwrap();
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(csv_text.as_bytes());
    let fields: Vec<String> =
        reader.records().flat_map(|r| r.unwrap().iter().map(str::to_owned).collect::<Vec<_>>()).collect();
    for text in expected {
        assert!(fields.iter().any(|f| f == text), "{text:?} not in {fields:?}");
    }
    assert!(fields.iter().any(|f| f == "-5"), "the deviation stays a number: {fields:?}");
    assert!(std::fs::read_to_string(dir.path().join("r/servizi.csv")).unwrap().contains(";'@Servizi anagrafici;"));

    // The templates too: CSV and workbook.
    let template = run_in(dir.path(), &["template", "plan.toml"]);
    assert!(
        template.stdout.contains(";\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"clic\"\")\";"),
        "{}",
        template.stdout
    );
    assert!(template.stdout.contains(";'@Servizi anagrafici\r\n"), "{}", template.stdout);
    assert_eq!(run_in(dir.path(), &["template", "plan.toml", "-o", "t.xlsx"]).code, 0);
    let mut workbook = open(&dir.path().join("t.xlsx"));
    let sheet = workbook.worksheet_range_at(0).unwrap().unwrap();
    let texts: Vec<String> = sheet.used_cells().filter_map(|(_, _, c)| c.get_string().map(str::to_owned)).collect();
    assert!(texts.contains(&"'=HYPERLINK(\"http://evil.example\",\"clic\")".to_owned()), "{texts:?}");
    assert!(texts.contains(&"'@Servizi anagrafici".to_owned()), "{texts:?}");
}

/// The value to put in a workbook cell for a CSV field, as someone would type it in a
/// spreadsheet that converts what it can: numbers, percentages (a number with a `%` format),
/// dates; the rest stays text.
enum Typed {
    Text(String),
    Number(f64),
    Percent(f64),
    Date(u16, u8, u8),
}

fn typed(field: &str) -> Typed {
    if let Ok(date) = cruscotto::date::Date::parse(field)
        && field.contains('/')
    {
        return Typed::Date(u16::try_from(date.year()).unwrap(), date.month(), date.day());
    }
    if let Some(points) = field.strip_suffix('%')
        && let Ok(number) = cruscotto::number::parse_decimal(points)
    {
        return Typed::Percent((number / Decimal::ONE_HUNDRED).to_string().parse().unwrap());
    }
    match cruscotto::number::parse_decimal(field) {
        Ok(number) if field.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '-') => {
            Typed::Number(number.to_string().parse().unwrap())
        }
        _ => Typed::Text(field.to_owned()),
    }
}

#[test]
fn a_filled_template_workbook_scores_like_the_csv_file() {
    for (lang, sheet_name, heading, header) in [
        (
            "en",
            "Actuals 2019",
            "# Actual values 2019 · Camera di Commercio",
            "indicator,year,value,numerator,denominator,benchmark,note,source,name,unit,target,services",
        ),
        (
            "it",
            "Consuntivo 2019",
            "# Valori a consuntivo 2019 · Camera di Commercio",
            "indicatore,anno,valore,numeratore,denominatore,media cluster,nota,fonte,denominazione,unità,target,servizi",
        ),
    ] {
        filled_template_scores_like_the_csv_file(lang, sheet_name, heading, header);
    }
}

/// Makes the template workbook in `lang`, checks its sheet, heading and header, fills it with
/// the 2019 examples as a spreadsheet would, and scores it.
fn filled_template_scores_like_the_csv_file(lang: &str, sheet_name: &str, heading: &str, header: &str) {
    let dir = tempfile::tempdir().unwrap();
    let plan = absolute(SEED);
    let made = run_in(dir.path(), &["template", plan.as_str(), "-o", "raccolta.xlsx", "--lang", lang]);
    assert_eq!(made.code, 0, "{}", made.transcript());
    // `--lang` sets the language of the messages too.
    let wrote = match lang {
        "it" => "scritte 119 righe in 1 foglio in raccolta.xlsx\n",
        _ => "wrote 119 rows in 1 sheet to raccolta.xlsx\n",
    };
    assert!(made.stderr.ends_with(wrote), "{}", made.stderr);
    let mut template = open(&dir.path().join("raccolta.xlsx"));
    assert_eq!(template.sheet_names(), [sheet_name]);
    let range = template.worksheet_range(sheet_name).unwrap();
    let rows: Vec<Vec<Data>> = range.rows().map(<[Data]>::to_vec).collect();
    assert!(rows[0][0].to_string().starts_with(heading), "{}", rows[0][0]);
    let columns: Vec<String> = rows[1].iter().map(ToString::to_string).collect();
    assert_eq!(columns.join(","), header);
    // The columns by their English names, as the examples' header writes them.
    let english = cruscotto::render::template::COLUMNS;
    assert_eq!(rows.len(), 2 + 119);
    let styles = template.worksheet_style(sheet_name).unwrap();
    let value_fill =
        styles.get((2, 2)).and_then(|s| s.fill.as_ref()).and_then(|f| f.get_color()).map(|c| c.to_string());
    assert_eq!(value_fill.as_deref(), Some("#FFF2CC"), "the value column is highlighted");
    assert_eq!(styles.get((2, 2)).and_then(|s| s.number_format.clone()).unwrap().format_code, "@");

    // Fill it with the 2019 examples, typed as a spreadsheet types them, keeping every other cell.
    let example = std::fs::read_to_string(root().join(ACTUALS)).unwrap();
    let mut reader = csv::ReaderBuilder::new().comment(Some(b'#')).from_reader(example.as_bytes());
    let example_header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    let mut values: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let mut filled = rust_xlsxwriter::Workbook::new();
    let sheet = filled.add_worksheet().set_name(sheet_name).unwrap();
    let percent = rust_xlsxwriter::Format::new().set_num_format("0%");
    let date = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    let mut write = |row: u32, column: u16, field: &str| match typed(field) {
        _ if field.is_empty() => {}
        Typed::Text(text) => {
            sheet.write_string(row, column, text).unwrap();
        }
        Typed::Number(number) => {
            sheet.write_number(row, column, number).unwrap();
        }
        Typed::Percent(number) => {
            sheet.write_number_with_format(row, column, number, &percent).unwrap();
        }
        Typed::Date(y, m, d) => {
            let value = rust_xlsxwriter::ExcelDateTime::from_ymd(y, m, d).unwrap();
            sheet.write_datetime_with_format(row, column, &value, &date).unwrap();
        }
    };
    let mut last = 0;
    for (row, cells) in rows.iter().enumerate() {
        let row_number = u32::try_from(row).unwrap();
        last = row_number;
        let id = cells[0].to_string();
        let record = values.iter().position(|r| r[0] == id && r[1] == *"2019").map(|at| values.remove(at));
        for (column, cell) in cells.iter().enumerate() {
            let column_number = u16::try_from(column).unwrap();
            let from_example = record
                .as_ref()
                .and_then(|r| example_header.iter().position(|h| *h == english[column]).map(|at| &r[at]));
            match (from_example, cell) {
                (Some(field), _) if row > 1 && column >= 2 => write(row_number, column_number, field),
                (_, Data::Float(number)) => write(row_number, column_number, &number.to_string()),
                (_, other) => write(row_number, column_number, &other.to_string()),
            }
        }
    }
    // Rows of the examples that the template has no row for, appended.
    for record in values {
        last += 1;
        for (field, name) in record.iter().zip(&example_header) {
            let column = u16::try_from(english.iter().position(|c| c == name).unwrap()).unwrap();
            write(last, column, field);
        }
    }
    filled.save(dir.path().join("compilato.xlsx")).unwrap();

    let earlier = absolute(EARLIER);
    let from_workbook = run_in(
        dir.path(),
        &["score", plan.as_str(), "--actuals", earlier.as_str(), "--actuals", "compilato.xlsx", "--format", "csv"],
    );
    assert_eq!(from_workbook.code, 0, "{lang}: {}", from_workbook.transcript());
    let from_csv = run(&["score", SEED, "--actuals", EARLIER, "--actuals", ACTUALS, "--format", "csv"]);
    assert_eq!(from_workbook.stdout, from_csv.stdout, "{lang}");
}

#[test]
fn a_template_per_service_has_a_sheet_per_service_and_reads_back_without_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let plan = absolute(SEED);
    let made = run_in(dir.path(), &["template", plan.as_str(), "--by-service", "-o", "servizi.xlsx"]);
    assert_eq!(made.code, 0, "{}", made.transcript());
    let mut workbook = open(&dir.path().join("servizi.xlsx"));
    let names = workbook.sheet_names();
    assert!(names.len() >= 3, "{names:?}");
    assert_eq!(names.last().map(String::as_str), Some("Senza servizio"));
    for name in &names {
        assert!(name.chars().count() <= 31 && !name.contains(['[', ']', ':', '*', '?', '/', '\\']), "{name}");
    }
    // A cross-cutting indicator (`services` says `trasversale`) is on every service's sheet.
    let ids = |workbook: &mut Xlsx<Cursor<Vec<u8>>>, sheet: &str| -> Vec<(String, String)> {
        let range = workbook.worksheet_range(sheet).unwrap();
        range.rows().skip(2).map(|r| (r[0].to_string(), r[11].to_string())).collect()
    };
    let cross_cutting: Vec<String> = ids(&mut workbook, &names[0])
        .into_iter()
        .filter(|(_, s)| s.starts_with("trasversale"))
        .map(|(id, _)| id)
        .collect();
    assert!(!cross_cutting.is_empty());
    for name in &names[..names.len() - 1] {
        let on_sheet: Vec<String> = ids(&mut workbook, name).into_iter().map(|(id, _)| id).collect();
        assert!(cross_cutting.iter().all(|id| on_sheet.contains(id)), "{name}");
    }
    let unassigned = ids(&mut workbook, "Senza servizio");
    assert!(unassigned.iter().all(|(_, services)| services.is_empty()), "{unassigned:?}");

    // Filled on one sheet, a shared row is read once; filled on two, it is a duplicate that names
    // the workbook, the sheets and the rows.
    let id = cross_cutting[0].clone();
    let mut fill = |sheets: &[&String], path: &Path| {
        let mut filled = rust_xlsxwriter::Workbook::new();
        for name in &names {
            let sheet = filled.add_worksheet().set_name(name.as_str()).unwrap();
            let range = workbook.worksheet_range(name).unwrap();
            for (row, cells) in range.rows().enumerate() {
                for (column, cell) in cells.iter().enumerate() {
                    let (row, column) = (u32::try_from(row).unwrap(), u16::try_from(column).unwrap());
                    match cell {
                        Data::Float(number) => {
                            sheet.write_number(row, column, *number).unwrap();
                        }
                        Data::Empty => {}
                        other => {
                            sheet.write_string(row, column, other.to_string()).unwrap();
                        }
                    }
                }
                if sheets.contains(&name) && cells[0].to_string() == id {
                    sheet.write_string(u32::try_from(row).unwrap(), 2, "100").unwrap();
                }
            }
        }
        filled.save(path).unwrap();
    };
    fill(&[&names[0]], &dir.path().join("una.xlsx"));
    let once = run_in(dir.path(), &["score", plan.as_str(), "--actuals", "una.xlsx", "--format", "csv"]);
    assert_eq!(once.code, 0, "{}", once.transcript());
    assert!(
        once.stdout.lines().any(|l| l.starts_with(&format!("{id},2019,")) && l.contains(",met,")),
        "{}",
        once.stdout
    );
    fill(&[&names[0], &names[1]], &dir.path().join("due.xlsx"));
    let twice = run_in(dir.path(), &["score", plan.as_str(), "--actuals", "due.xlsx"]);
    assert_eq!(twice.code, 1, "{}", twice.transcript());
    let second = format!("--> due.xlsx[{}]:", names[1]);
    let first = format!("here and at due.xlsx[{}]:", names[0]);
    assert!(twice.stderr.contains(&second) && twice.stderr.contains(&first), "{}", twice.stderr);

    // Only some services, and the CSV format refuses the option.
    let one =
        run_in(dir.path(), &["template", plan.as_str(), "--by-service", "--service", "promozione", "-o", "p.xlsx"]);
    assert_eq!(one.code, 0, "{}", one.transcript());
    assert_eq!(open(&dir.path().join("p.xlsx")).sheet_names(), ["Promozione"]);
    let csv = run(&["template", SEED, "--by-service", "--format", "csv"]);
    assert_eq!(csv.code, 2);
    assert!(csv.stderr.contains("--by-service writes one sheet per service: it needs --format xlsx"), "{}", csv.stderr);
}

#[test]
fn diagnostics_of_a_workbook_name_the_file_the_sheet_and_the_row() {
    let dir = tempfile::tempdir().unwrap();
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet().set_name("Valori").unwrap();
    sheet.write_string(0, 0, "# consuntivi").unwrap();
    for (column, name) in ["indicatore", "anno", "valore"].into_iter().enumerate() {
        sheet.write_string(2, u16::try_from(column).unwrap(), name).unwrap();
    }
    sheet.write_string(3, 0, "S9.2").unwrap();
    sheet.write_number(3, 1, 2019).unwrap();
    sheet.write_number(3, 2, 1.3).unwrap();
    sheet.write_string(4, 0, "S9.2").unwrap();
    sheet.write_number(4, 1, 2019).unwrap();
    sheet.write_string(4, 2, "uno").unwrap();
    // A hidden sheet of lookup lists is not read.
    let hidden = workbook.add_worksheet().set_name("Liste").unwrap();
    hidden.write_string(0, 0, "sì").unwrap();
    hidden.set_hidden(true);
    workbook.save(dir.path().join("valori.xlsx")).unwrap();
    let plan = absolute(SEED);
    let result = run_in(dir.path(), &["score", plan.as_str(), "--actuals", "valori.xlsx"]);
    assert_eq!(result.code, 1, "{}", result.transcript());
    assert!(result.stderr.contains("error[invalid-actual]: invalid value for S9.2 2019"), "{}", result.stderr);
    assert!(result.stderr.contains("--> valori.xlsx[Valori]:5:"), "{}", result.stderr);
    assert!(
        result.stderr.contains("error[duplicate-actual]: S9.2 2019 is given twice: here and at valori.xlsx[Valori]:4")
    );
    assert!(!result.stderr.contains("Liste"), "{}", result.stderr);
}

#[test]
fn an_ods_workbook_is_read_too() {
    let dir = tempfile::tempdir().unwrap();
    let cell = |value: &str| match value.parse::<f64>() {
        Ok(_) => format!(
            r#"<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>"#
        ),
        Err(_) => {
            format!(r#"<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>"#)
        }
    };
    let rows: String = [["indicator", "year", "value"], ["S9.2", "2019", "1.3"], ["O9.3.1", "2019", "sì"]]
        .iter()
        .map(|row| format!("<table:table-row>{}</table:table-row>", row.iter().map(|v| cell(v)).collect::<String>()))
        .collect();
    std::fs::write(dir.path().join("valori.ods"), crate::support::ods(&rows)).unwrap();
    let plan = absolute(SEED);
    let result = run_in(dir.path(), &["score", plan.as_str(), "--actuals", "valori.ods", "--format", "csv"]);
    assert_eq!(result.code, 0, "{}", result.transcript());
    assert!(result.stdout.lines().any(|l| l.starts_with("S9.2,2019,") && l.contains(",1.3,")), "{}", result.stdout);
    assert!(result.stdout.lines().any(|l| l.starts_with("O9.3.1,2019,") && l.contains(",met,")), "{}", result.stdout);
}

#[test]
fn output_is_written_whole_and_never_over_an_existing_file_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let leftovers = |path: &Path| -> Vec<String> {
        std::fs::read_dir(path)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect()
    };
    assert_eq!(export_seed(dir.path(), &["-o", "r.xlsx"]).code, 0);
    let written = std::fs::read(dir.path().join("r.xlsx")).unwrap();
    let again = export_seed(dir.path(), &["-o", "r.xlsx", "--year", "2018"]);
    assert_eq!(again.code, 2);
    assert!(again.stderr.ends_with("error: `r.xlsx` exists; use --force to overwrite it\n"), "{}", again.stderr);
    assert_eq!(std::fs::read(dir.path().join("r.xlsx")).unwrap(), written, "left as it was");
    let forced = export_seed(dir.path(), &["-o", "r.xlsx", "--year", "2018", "--force"]);
    assert_eq!(forced.code, 0, "{}", forced.transcript());
    assert_ne!(std::fs::read(dir.path().join("r.xlsx")).unwrap(), written);
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());

    // A folder of CSV files: refused when it exists; with --force, its files are replaced and
    // anything else in it is left alone.
    assert_eq!(export_seed(dir.path(), &["--format", "csv", "-o", "csv"]).code, 0);
    std::fs::write(dir.path().join("csv/appunti.txt"), "mine").unwrap();
    let refused = export_seed(dir.path(), &["--format", "csv", "-o", "csv", "--year", "2018"]);
    assert_eq!(refused.code, 2, "{}", refused.transcript());
    let before = std::fs::read_to_string(dir.path().join("csv/sintesi.csv")).unwrap();
    assert!(before.contains(";2019;"));
    let forced = export_seed(dir.path(), &["--format", "csv", "-o", "csv", "--year", "2018", "--force"]);
    assert_eq!(forced.code, 0, "{}", forced.transcript());
    assert!(std::fs::read_to_string(dir.path().join("csv/sintesi.csv")).unwrap().contains(";2018;"));
    assert_eq!(std::fs::read_to_string(dir.path().join("csv/appunti.txt")).unwrap(), "mine");
    assert_eq!(leftovers(&dir.path().join("csv")), Vec::<String>::new());
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());

    // The template workbook too.
    let plan = absolute(SEED);
    assert_eq!(run_in(dir.path(), &["template", plan.as_str(), "-o", "t.xlsx"]).code, 0);
    assert_eq!(run_in(dir.path(), &["template", plan.as_str(), "-o", "t.xlsx"]).code, 2);
    assert_eq!(run_in(dir.path(), &["template", plan.as_str(), "-o", "t.xlsx", "--force"]).code, 0);
}

#[test]
fn usage_errors_say_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let csv_name = export_seed(dir.path(), &["-o", "risultati.csv"]);
    assert_eq!(csv_name.code, 2);
    assert!(csv_name.stderr.contains("cannot tell the format from `risultati.csv`"), "{}", csv_name.stderr);
    let csv_to_stdout = export_seed(dir.path(), &["--format", "csv"]);
    assert_eq!(csv_to_stdout.code, 2);
    assert!(csv_to_stdout.stderr.contains("it needs -o FOLDER"), "{}", csv_to_stdout.stderr);
    // Piped, the workbook goes to stdout.
    let piped = export_seed(dir.path(), &[]);
    assert_eq!(piped.code, 0, "{}", piped.transcript());
    assert!(piped.stdout.starts_with("PK"));
    let missing = export_seed(dir.path(), &["--actuals", "nessuno.xlsx", "-o", "mai.xlsx"]);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("cannot read `nessuno.xlsx`"), "{}", missing.stderr);
    assert!(!dir.path().join("mai.xlsx").exists());
}

#[test]
fn strict_findings_fail_after_writing_and_bad_actuals_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let strict = export_seed(dir.path(), &["--strict", "-o", "r.xlsx"]);
    assert_eq!(strict.code, 1, "{}", strict.transcript());
    assert!(dir.path().join("r.xlsx").exists(), "written before the findings");
    assert!(strict.stderr.contains("error[missing-actual]"), "{}", strict.stderr);
    assert!(strict.stderr.contains("error[unexplained-deviation]"), "{}", strict.stderr);

    std::fs::write(dir.path().join("bad.csv"), "indicator,year,value\nS9.2,2019,uno\n").unwrap();
    let plan = absolute(SEED);
    let bad = run_in(dir.path(), &["export", plan.as_str(), "--actuals", "bad.csv", "-o", "bad.xlsx"]);
    assert_eq!(bad.code, 1, "{}", bad.transcript());
    assert!(bad.stderr.contains("error[invalid-actual]"), "{}", bad.stderr);
    assert!(!dir.path().join("bad.xlsx").exists());
}

/// The smallest OLE compound file whose directory has an `EncryptedPackage` stream: how Excel
/// stores a workbook protected by a password.
fn encrypted_workbook() -> Vec<u8> {
    const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
    const FREE: u32 = 0xFFFF_FFFF;
    let mut header = vec![0u8; 512];
    header[..8].copy_from_slice(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    header[24..26].copy_from_slice(&0x3Eu16.to_le_bytes());
    header[26..28].copy_from_slice(&3u16.to_le_bytes());
    header[28..30].copy_from_slice(&0xFFFEu16.to_le_bytes());
    header[30..32].copy_from_slice(&9u16.to_le_bytes());
    header[32..34].copy_from_slice(&6u16.to_le_bytes());
    header[44..48].copy_from_slice(&1u32.to_le_bytes()); // one FAT sector
    header[48..52].copy_from_slice(&1u32.to_le_bytes()); // the directory at sector 1
    header[56..60].copy_from_slice(&4096u32.to_le_bytes());
    header[60..64].copy_from_slice(&END_OF_CHAIN.to_le_bytes());
    header[68..72].copy_from_slice(&END_OF_CHAIN.to_le_bytes());
    for slot in 0..109 {
        let at = 76 + slot * 4;
        header[at..at + 4].copy_from_slice(&if slot == 0 { 0 } else { FREE }.to_le_bytes());
    }
    let mut fat = Vec::new();
    for entry in [0xFFFF_FFFD, END_OF_CHAIN].into_iter().chain(std::iter::repeat_n(FREE, 126)) {
        fat.extend_from_slice(&u32::to_le_bytes(entry));
    }
    let entry = |name: &str, kind: u8, child: u32| {
        let mut entry = vec![0u8; 128];
        let utf16: Vec<u8> = name.encode_utf16().chain([0]).flat_map(u16::to_le_bytes).collect();
        entry[..utf16.len()].copy_from_slice(&utf16);
        entry[64..66].copy_from_slice(&u16::try_from(utf16.len()).unwrap().to_le_bytes());
        entry[66] = kind;
        entry[67] = 1;
        entry[68..72].copy_from_slice(&FREE.to_le_bytes());
        entry[72..76].copy_from_slice(&FREE.to_le_bytes());
        entry[76..80].copy_from_slice(&child.to_le_bytes());
        entry[116..120].copy_from_slice(&END_OF_CHAIN.to_le_bytes());
        entry
    };
    let mut directory = [entry("Root Entry", 5, 1), entry("EncryptedPackage", 2, FREE)].concat();
    directory.resize(512, 0);
    [header, fat, directory].concat()
}

#[test]
fn damaged_and_protected_workbooks_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let plan = absolute(SEED);
    let mut noise = Vec::new();
    let mut state: u32 = 2019;
    for _ in 0..4096 {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        noise.push(state.to_be_bytes()[0]);
    }
    for (name, bytes, message) in [
        ("rumore.xlsx", noise.clone(), "error: cannot read `rumore.xlsx`: not a readable .xlsx workbook ("),
        ("rumore.ods", noise, "error: cannot read `rumore.ods`: not a readable .ods workbook ("),
        ("vuoto.xlsx", Vec::new(), "error: cannot read `vuoto.xlsx`: not a readable .xlsx workbook ("),
        ("troncato.xlsx", b"PK\x03\x04\x14\x00\x00\x00".to_vec(), "error: cannot read `troncato.xlsx`: not a readable"),
        (
            "protetto.xlsx",
            encrypted_workbook(),
            "error: cannot read `protetto.xlsx`: the workbook is protected by a password\nhelp: save a copy without the password",
        ),
        (
            "protetto.csv",
            encrypted_workbook(),
            "error: cannot read `protetto.csv`: the workbook is protected by a password",
        ),
    ] {
        std::fs::write(dir.path().join(name), bytes).unwrap();
        let result = run_in(dir.path(), &["score", plan.as_str(), "--actuals", name]);
        assert_eq!(result.code, 2, "{name}: {}", result.transcript());
        assert!(result.stderr.contains(message), "{name}: {}", result.stderr);
        assert!(!result.stderr.contains("panicked"), "{name}: {}", result.stderr);
    }
}

#[test]
fn a_workbook_of_100000_rows_is_read() {
    // Timings are measured by `cargo bench --bench workbook`; here, that it reads at all, with
    // every row, within the memory of a test.
    let checked = cruscotto::check_plan(&cruscotto::source::SourceFile::new("p.toml", plan_of_100_indicators()));
    let plan = checked.plan.expect("a valid plan");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (column, name) in ["indicator", "year", "value", "note"].into_iter().enumerate() {
        sheet.write_string(0, u16::try_from(column).unwrap(), name).unwrap();
    }
    for row in 1..=100_000u32 {
        let id = format!("I{}", row % 100);
        sheet.write_string(row, 0, &id).unwrap();
        sheet.write_number(row, 1, f64::from(2019 - i32::try_from(row / 100).unwrap() % 2)).unwrap();
        sheet.write_number(row, 2, f64::from(row % 1000) / 8.0).unwrap();
    }
    let bytes = workbook.save_to_buffer().unwrap();
    let kind = cruscotto::actuals::workbook::kind("big.xlsx", &bytes).unwrap();
    let sheets = cruscotto::actuals::workbook::sheets("big.xlsx", &bytes, kind).unwrap();
    assert_eq!(sheets.len(), 1);
    assert_eq!(sheets[0].text().lines().count(), 100_001);
    assert!(
        sheets[0].text().lines().nth(8).unwrap().ends_with("\t2019\t1"),
        "{}",
        sheets[0].text().lines().nth(8).unwrap()
    );
    let (_, diagnostics) = cruscotto::actuals::read(&plan, &sheets);
    // Every (indicator, year) pair but the first 200 rows' is a duplicate: all found, none lost.
    assert_eq!(diagnostics.len(), 100_000 - 200);
    assert!(diagnostics.iter().all(|d| d.code == cruscotto::diagnostic::Code::DuplicateActual));
}

/// A plan of 100 indicators (`I0`…`I99`) with a number target in 2018 and 2019.
fn plan_of_100_indicators() -> String {
    let mut plan = String::from(
        "[plan]\nbody = \"Ente\"\ntitle = \"Piano\"\nyear = 2019\nhorizon = [2018, 2019]\n\
         adopted-by = { body = \"Giunta\", number = \"1\", date = 2019-01-30 }\n\n\
         [[mission]]\nid = \"M\"\nname = \"Missione\"\n\n\
         [[strategic-objective]]\nid = \"S\"\nmission = \"M\"\nname = \"Obiettivo\"\n\n",
    );
    for i in 0..100 {
        plan += &format!(
            "[[indicator]]\nid = \"I{i}\"\nobjective = \"S\"\nname = \"Indicatore {i}\"\nunit = \"number\"\n\
             polarity = \"increase\"\ntargets = {{ 2018 = \"≥ 1\", 2019 = \"≥ 1\" }}\n\n"
        );
    }
    plan
}
