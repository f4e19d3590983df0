//! Workbooks: reading 100,000 actual rows from an `.xlsx` file (against the same rows as CSV),
//! and writing the results workbook and the template workbook of a 10,000-indicator plan. Run
//! with `cargo bench --bench workbook`.

use cruscotto::plan::Plan;
use cruscotto::source::SourceFile;

#[path = "common.rs"]
mod common;

fn main() {
    divan::main();
}

/// 358 strategic objectives × 28 = 10,024 indicators; × 10 years = 100,240 rows.
const OBJECTIVES: usize = 358;
const YEARS: std::ops::RangeInclusive<i32> = 2010..=2019;

struct Inputs {
    plan: Plan,
    /// The digest of the plan's text, for the results' provenance.
    plan_file: cruscotto::provenance::InputFile,
    csv: SourceFile,
    xlsx: Vec<u8>,
}

#[allow(clippy::print_stderr)] // the sizes of the inputs, printed once beside the timings
fn inputs() -> &'static Inputs {
    static INPUTS: std::sync::OnceLock<Inputs> = std::sync::OnceLock::new();
    INPUTS.get_or_init(|| {
        let text = common::plan(OBJECTIVES, YEARS);
        let plan_file = cruscotto::provenance::InputFile::of("generated.toml", text.as_bytes());
        let checked = cruscotto::check_plan(&SourceFile::new("generated.toml", text));
        let plan = checked.plan.expect("the generated plan is valid");
        let csv = common::actuals(OBJECTIVES, YEARS);
        let xlsx = workbook_of(&csv);
        eprintln!("{} rows: {} bytes as CSV, {} bytes as xlsx", csv.lines().count() - 1, csv.len(), xlsx.len());
        Inputs { plan, plan_file, csv: SourceFile::new("generated.csv", csv), xlsx }
    })
}

/// The rows of `csv` (`;`-delimited, decimal commas) as a spreadsheet holds them after
/// someone typed them: ids and notes as text, years and values as numbers.
fn workbook_of(csv: &str) -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (row, line) in csv.lines().enumerate() {
        let row = u32::try_from(row).expect("fewer rows than a sheet holds");
        for (column, field) in line.split(';').enumerate() {
            let column = u16::try_from(column).expect("four columns");
            let number = field.replace(',', ".").parse::<f64>();
            match number {
                _ if field.is_empty() => {}
                Ok(number) if row > 0 => {
                    sheet.write_number(row, column, number).expect("a cell");
                }
                _ => {
                    sheet.write_string(row, column, field).expect("a cell");
                }
            }
        }
    }
    workbook.save_to_buffer().expect("a workbook")
}

/// The workbook's sheet turned into the text the actuals reader reads.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn xlsx_to_text(bencher: divan::Bencher<'_, '_>) {
    let inputs = inputs();
    bencher.bench(|| {
        cruscotto::actuals::workbook::sheets("generated.xlsx", &inputs.xlsx, cruscotto::actuals::workbook::Kind::Xlsx)
            .expect("a readable workbook")
    });
}

/// Reading and checking the workbook's rows against the plan: what `score --actuals x.xlsx` does.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn read_xlsx_actuals(bencher: divan::Bencher<'_, '_>) {
    let inputs = inputs();
    bencher.bench(|| {
        let sheets = cruscotto::actuals::workbook::sheets(
            "generated.xlsx",
            &inputs.xlsx,
            cruscotto::actuals::workbook::Kind::Xlsx,
        )
        .expect("a readable workbook");
        let (actuals, diagnostics) = cruscotto::actuals::read(&inputs.plan, &sheets);
        assert!(
            diagnostics.iter().all(|d| d.severity != cruscotto::diagnostic::Severity::Error),
            "{:?}",
            diagnostics.first()
        );
        actuals.len()
    });
}

/// The same rows from the CSV file, for comparison.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn read_csv_actuals(bencher: divan::Bencher<'_, '_>) {
    let inputs = inputs();
    bencher.bench(|| {
        let (actuals, diagnostics) = cruscotto::actuals::read(&inputs.plan, std::slice::from_ref(&inputs.csv));
        assert!(
            diagnostics.iter().all(|d| d.severity != cruscotto::diagnostic::Severity::Error),
            "{:?}",
            diagnostics.first()
        );
        actuals.len()
    });
}

/// The results workbook of the last year: eight sheets, 10,024 indicator rows.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn export_results_workbook(bencher: divan::Bencher<'_, '_>) {
    let inputs = inputs();
    let (actuals, _) = cruscotto::actuals::read(&inputs.plan, std::slice::from_ref(&inputs.csv));
    let scorecard = cruscotto::score::score(&inputs.plan, &actuals, *YEARS.end());
    let provenance = cruscotto::provenance::Provenance {
        tool: cruscotto::provenance::tool(),
        plan: inputs.plan_file.clone(),
        actuals: vec![cruscotto::provenance::InputFile::of("generated.csv", inputs.csv.text().as_bytes())],
        git: None,
    };
    bencher.bench(|| {
        let sheets = cruscotto::export::results(&inputs.plan, &scorecard, &provenance, cruscotto::i18n::Lang::It);
        cruscotto::export::xlsx::workbook(sheets.clone(), "Piano generato", 0).expect("a workbook").len()
    });
}

/// The template workbook of the last year, one sheet per service.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn template_workbook(bencher: divan::Bencher<'_, '_>) {
    let inputs = inputs();
    bencher.bench(|| {
        let sheets =
            cruscotto::render::template::sheets_by_service(&inputs.plan, *YEARS.end(), &[], cruscotto::i18n::Lang::It);
        cruscotto::export::template::workbook(&inputs.plan, *YEARS.end(), &sheets, 0, cruscotto::i18n::Lang::It)
            .expect("a workbook")
            .len()
    });
}
