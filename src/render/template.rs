//! The actuals file to be filled in: one row per indicator expected in a year, with its header,
//! instructions and words in the deliverables' language (`indicatore;anno;valore;...` in
//! Italian); `score` reads either language's header back.

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
    /// The services' names, or `trasversale` (`services`).
    pub services: String,
}

/// The filled-in columns of `index`'s rows for `year`, in `lang`: the indicator's own value,
/// then one row per measure the year's target has a condition on (`RA1:riusi`), with that
/// condition.
pub fn rows(plan: &Plan, year: i32, index: NodeIndex, lang: Lang) -> Vec<Row<'_>> {
    let node = plan.node(index);
    let indicator = node.indicator().expect("an indicator");
    let services = if indicator.cross_cutting {
        i18n::text(lang, "word-cross-cutting")
    } else {
        indicator.services.iter().map(|&s| plan.services[s].name.as_str()).collect::<Vec<_>>().join(", ")
    };
    let target = indicator.targets.get(&year);
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
    for measure in &indicator.measures {
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

/// The sheets of a workbook template with one sheet per service, as (name, rows): for each of
/// `services` (indices into the plan's services, in the plan's order; every service when
/// empty), its indicators and every cross-cutting one; then, when every service is wanted, the
/// indicators assigned to no service (dashboard indicators, often) on a sheet of their own,
/// `Senza servizio` (in `lang`), when there are some.
pub fn sheets_by_service(plan: &Plan, year: i32, services: &[usize], lang: Lang) -> Vec<(String, Vec<NodeIndex>)> {
    let mut sheets = Vec::new();
    for (service, definition) in plan.services.iter().enumerate() {
        if !services.is_empty() && !services.contains(&service) {
            continue;
        }
        let rows = expected_indicators(plan, year, move |index| {
            let indicator = plan.node(index).indicator().expect("an indicator");
            indicator.cross_cutting || indicator.services.contains(&service)
        });
        sheets.push((definition.name.clone(), rows.collect()));
    }
    if services.is_empty() {
        let unassigned: Vec<NodeIndex> = expected_indicators(plan, year, |index| {
            let indicator = plan.node(index).indicator().expect("an indicator");
            !indicator.cross_cutting && indicator.services.is_empty()
        })
        .collect();
        if !unassigned.is_empty() {
            sheets.push((i18n::text(lang, "template-sheet-no-service"), unassigned));
        }
    }
    sheets
}

/// The template as CSV with `delimiter`, in `lang`, starting with the [`heading`] comment line.
/// With `;` (the delimiter of Italian Excel) it starts with a byte order mark, without which
/// Excel reads UTF-8 accents as two characters. Names, targets and services go through
/// [`crate::export::neutralise`], since the file is meant to be opened in a spreadsheet.
pub fn csv(plan: &Plan, year: i32, rows: &[NodeIndex], delimiter: u8, lang: Lang) -> String {
    let mut out = if delimiter == b';' { String::from("\u{feff}") } else { String::new() };
    out += &heading(plan, year, lang);
    out.push('\n');
    let mut writer = csv::WriterBuilder::new().delimiter(delimiter).from_writer(Vec::new());
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
