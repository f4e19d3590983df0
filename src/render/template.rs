//! The actuals file to be filled in: one row per indicator expected in a year, with its header,
//! instructions and words in the deliverables' language (`indicatore;anno;valore;...` in
//! Italian); `score` reads either language's header back.

use crate::export::csv_files::spreadsheet_csv;
use crate::export::neutralise;
use crate::i18n::{self, Lang, Message};
use crate::msg;
use crate::plan::{NodeIndex, Plan};

use super::words;

/// The columns of the template, by their English names: those `score` reads, then some for
/// reading convenience, which `score` accepts and ignores. [`header`] gives them in a language.
pub const COLUMNS: &[&str] = &[
    "indicator",
    "year",
    "value",
    "numerator",
    "denominator",
    "benchmark",
    "note",
    "source",
    "name",
    "unit",
    "target",
    "services",
];

/// The template's header in `lang`: `indicatore`, `anno`, `valore`... in Italian, every name
/// one that `score` reads.
pub fn header(lang: Lang) -> Vec<String> {
    COLUMNS
        .iter()
        .map(|column| {
            let id = match *column {
                "indicator" => "template-column-indicator",
                "year" => "template-column-year",
                "value" => "template-column-value",
                "numerator" => "template-column-numerator",
                "denominator" => "template-column-denominator",
                "benchmark" => "template-column-benchmark",
                "note" => "template-column-note",
                "source" => "template-column-source",
                "name" => "template-column-name",
                "unit" => "template-column-unit",
                "target" => "template-column-target",
                _ => "template-column-services",
            };
            i18n::text(lang, id)
        })
        .collect()
}

/// The indicators expected in `year` (a target, baseline included, and not removed), in tree
/// order, keeping those `keep` accepts.
pub fn expected_indicators<'p>(
    plan: &'p Plan,
    year: i32,
    keep: impl Fn(NodeIndex) -> bool + 'p,
) -> impl Iterator<Item = NodeIndex> + 'p {
    plan.indicators().filter(move |&index| {
        let has_target = plan.node(index).indicator().is_some_and(|i| i.targets.contains_key(&year));
        has_target && !plan.is_removed_in(index, year) && keep(index)
    })
}

/// The first line of a template: what it is and what to fill in, in `lang`. It starts with
/// `#`, so that `score` reads it as a comment, in a CSV file and in a workbook's first cell alike.
pub fn heading(plan: &Plan, year: i32, lang: Lang) -> String {
    let heading = msg!("template-heading", year = year, body = &plan.metadata.body, title = &plan.metadata.title);
    format!("# {}", heading.render(lang))
}

/// The title of a template workbook, in `lang`: `Valori a consuntivo 2019 · <title>`.
pub fn title(plan: &Plan, year: i32, lang: Lang) -> String {
    msg!("template-title", year = year, title = &plan.metadata.title).render(lang)
}

/// The name of the sheet of a template not split by service, in `lang`: `Consuntivo 2019`.
pub fn sheet_name(year: i32, lang: Lang) -> String {
    Message::new("template-sheet").arg("year", year).render(lang)
}

/// The columns of a template row that are not left blank to fill in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<'p> {
    /// The indicator's id (`indicator`), with its measure for a measure's row (`RA1:riusi`).
    pub id: String,
    /// Its name (`name`): the measure's for a measure's row.
    pub name: &'p str,
    /// Its unit, in the template's language (`unit`).
    pub unit: String,
    /// The year's target, canonical (`target`).
    pub target: String,
    /// The services' names, or `trasversale` (`services`), with the service that reports it
    /// when one does (`trasversale, a cura di Segreteria generale`).
    pub services: String,
}

/// The filled-in columns of `index`'s rows for `year`, in `lang`: the indicator's own value,
/// then one row per measure the year's target has a condition on (`RA1:riusi`), with that
/// condition.
pub fn rows(plan: &Plan, year: i32, index: NodeIndex, lang: Lang) -> Vec<Row<'_>> {
    let node = plan.node(index);
    let indicator = node.indicator().expect("an indicator");
    let mut services = if indicator.cross_cutting {
        i18n::text(lang, "word-cross-cutting")
    } else {
        indicator.services.iter().map(|&s| plan.services[s].name.as_str()).collect::<Vec<_>>().join(", ")
    };
    if let Some(reporter) = plan.reporter(indicator) {
        let reported = msg!("template-reported-by", services = &services, service = &plan.services[reporter].name);
        services = reported.render(lang);
    }
    let target = indicator.targets.get(&year).map(AsRef::as_ref);
    let conditions = target.map(crate::target::Target::conditions).unwrap_or_default();
    let own: Vec<String> = conditions.iter().filter(|(m, _)| m.is_none()).map(|(_, t)| t.to_string()).collect();
    let all_own = own.len() == conditions.len();
    let mut rows = Vec::new();
    // The indicator's own row, unless every condition of its target is on a measure.
    if all_own || !own.is_empty() {
        let target = if all_own { target.map(ToString::to_string).unwrap_or_default() } else { own.join("; ") };
        rows.push(Row {
            id: node.id.clone(),
            name: &node.name,
            unit: words::unit(lang, indicator.unit),
            target,
            services: services.clone(),
        });
    }
    for measure in &indicator.rare().measures {
        let on_it: Vec<String> =
            conditions.iter().filter(|(m, _)| *m == Some(measure.id.as_str())).map(|(_, t)| t.to_string()).collect();
        if !on_it.is_empty() {
            rows.push(Row {
                id: format!("{}:{}", node.id, measure.id),
                name: &measure.name,
                unit: words::unit(lang, measure.unit),
                target: on_it.join("; "),
                services: services.clone(),
            });
        }
    }
    rows
}

/// One sheet of a template workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// Its name, as wanted (the workbook makes it valid and unique).
    pub name: String,
    /// The service whose sheet it is, an index into the plan's services; `None` for a sheet
    /// not split by service, or for the indicators of no service.
    pub service: Option<usize>,
    /// Its rows, in tree order.
    pub rows: Vec<NodeIndex>,
}

impl Sheet {
    /// The service that reports the row of `index`, when it is another than this sheet's (a
    /// cross-cutting indicator on a sheet not its reporter's): the row is there to be read, not
    /// filled in. Always `None` on a sheet not split by service.
    pub fn reported_elsewhere(&self, plan: &Plan, index: NodeIndex) -> Option<usize> {
        let service = self.service?;
        let indicator = plan.node(index).indicator()?;
        plan.reporter(indicator).filter(|&reporter| reporter != service)
    }
}

/// The sheets of a workbook template with one sheet per service: for each of `services`
/// (indices into the plan's services, in the plan's order; every service when empty), its
/// indicators, those it reports, and every cross-cutting one (to be filled in only on the sheet
/// of the service that reports it: [`Sheet::reported_elsewhere`]); then, when every service is
/// wanted, the indicators assigned to no service (dashboard indicators, often) on a sheet of
/// their own, `Senza servizio` (in `lang`), when there are some.
pub fn sheets_by_service(plan: &Plan, year: i32, services: &[usize], lang: Lang) -> Vec<Sheet> {
    let mut sheets = Vec::new();
    for (service, definition) in plan.services.iter().enumerate() {
        if !services.is_empty() && !services.contains(&service) {
            continue;
        }
        let rows = expected_indicators(plan, year, move |index| {
            let indicator = plan.node(index).indicator().expect("an indicator");
            indicator.cross_cutting
                || indicator.services.contains(&service)
                || plan.reporter(indicator) == Some(service)
        });
        sheets.push(Sheet { name: definition.name.clone(), service: Some(service), rows: rows.collect() });
    }
    if services.is_empty() {
        let unassigned: Vec<NodeIndex> = expected_indicators(plan, year, |index| {
            let indicator = plan.node(index).indicator().expect("an indicator");
            !indicator.cross_cutting && indicator.services.is_empty() && indicator.rare().reported_by.is_none()
        })
        .collect();
        if !unassigned.is_empty() {
            let name = i18n::text(lang, "template-sheet-no-service");
            sheets.push(Sheet { name, service: None, rows: unassigned });
        }
    }
    sheets
}

/// The template as CSV with `delimiter`, in `lang`, starting with the [`heading`] comment line.
/// With `;` (the delimiter of Italian Excel) it is written as that Excel writes CSV, with a byte
/// order mark and CRLF ([`spreadsheet_csv`]), so that a double click opens it in columns. Names,
/// targets and services go through [`crate::export::neutralise`], since the file is meant to be
/// opened in a spreadsheet.
pub fn csv(plan: &Plan, year: i32, rows: &[NodeIndex], delimiter: u8, lang: Lang) -> String {
    let (start, line_end, mut writer) = spreadsheet_csv(delimiter);
    let mut out = String::from(start);
    out += &heading(plan, year, lang);
    out.push_str(line_end);
    writer.write_record(header(lang)).expect("writing to memory");
    for row in rows.iter().flat_map(|&index| self::rows(plan, year, index, lang)) {
        writer
            .write_record([
                row.id.as_str(),
                &year.to_string(),
                "",
                "",
                "",
                "",
                "",
                "",
                &neutralise(row.name),
                &row.unit,
                &neutralise(&row.target),
                &neutralise(&row.services),
            ])
            .expect("writing to memory");
    }
    out.push_str(&String::from_utf8(writer.into_inner().expect("flushing memory")).expect("UTF-8 fields"));
    out
}
