//! The indicator list: one row per indicator with its place in the tree, unit, polarity,
//! responsibility, status and one column per horizon year holding the canonical target (and one
//! per period within a year that has a target). The fields of plans of other shapes (type,
//! source, code, responsible, resources, links, measures) are columns too, listed by default
//! when the plan uses them.
//!
//! CSV and JSON are machine formats: English column names and values (`percent`, `removed`).
//! The table is for people: its header and its words (unit, polarity, status...) are in the
//! deliverables' language ([`rows_for_people`], [`table()`]).

use std::sync::Arc;

use serde_json::{Map, Value};

use crate::i18n::{self, Lang};
use crate::plan::{Level, NodeIndex, Plan, PolaritySource, Status};

use super::style::{Style, visible};
use super::table::{self, Column, Fit, TableCell};
use super::words;

/// One row of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorRow {
    /// Column names and values, in order. The names are shared by the rows of a plan (a plan of a
    /// hundred thousand indicators has some three million cells).
    pub cells: Vec<(Arc<str>, String)>,
}

/// The fixed columns, before the year columns.
pub const COLUMNS: &[&str] = &[
    "id",
    "level",
    "mission",
    "strategic_objective",
    "program",
    "operational_objective",
    "name",
    "unit",
    "polarity",
    "weight",
    "area",
    "services",
    "cross_cutting",
    "status",
];

/// The columns of the fields plans of other shapes carry, after [`COLUMNS`]: accepted by
/// `--columns` always, listed by default when some indicator has a value in them.
pub const EXTRA_COLUMNS: &[&str] = &["measures", "type", "source", "code", "responsible", "resources", "links"];

/// The rows, in tree order, with the machine values of CSV and JSON and the columns of [`header`].
pub fn rows(plan: &Plan) -> Vec<IndicatorRow> {
    let rows = all_rows(plan);
    let header = header_of(plan, &rows);
    select(rows, &header)
}

/// The rows, in tree order, with machine values and every column [`all_columns`] names: to
/// [`select`] from.
pub fn all_rows(plan: &Plan) -> Vec<IndicatorRow> {
    let names = Names::of(plan);
    plan.indicators().map(|index| row(plan, index, None, &names)).collect()
}

/// The rows, in tree order, with their words in `lang` (`percentuale`, `crescente`,
/// `eliminato`) and every column [`all_columns`] names: to [`select`] from.
pub fn rows_for_people(plan: &Plan, lang: Lang) -> Vec<IndicatorRow> {
    let names = Names::of(plan);
    plan.indicators().map(|index| row(plan, index, Some(lang), &names)).collect()
}

/// The names of a plan's columns, made once for all its rows: the fixed ones, the fields of
/// other shapes, one per horizon year and one per period within a year that has a target
/// (finding those walks every indicator).
struct Names {
    fixed: std::collections::HashMap<&'static str, Arc<str>>,
    years: Vec<Arc<str>>,
    periods: Vec<(crate::period::Period, Arc<str>)>,
}

impl Names {
    fn of(plan: &Plan) -> Self {
        Names {
            fixed: COLUMNS.iter().chain(EXTRA_COLUMNS).map(|&name| (name, Arc::from(name))).collect(),
            years: plan.metadata.horizon().map(|year| Arc::from(year.to_string())).collect(),
            periods: periods(plan).into_iter().map(|period| (period, Arc::from(period.to_string()))).collect(),
        }
    }

    fn get(&self, name: &'static str) -> Arc<str> {
        self.fixed.get(name).cloned().unwrap_or_else(|| Arc::from(name))
    }
}

/// The periods within a year that some indicator has a target for, in order.
fn periods(plan: &Plan) -> Vec<crate::period::Period> {
    let mut periods: Vec<crate::period::Period> = plan
        .indicators()
        .filter_map(|i| plan.node(i).indicator())
        .flat_map(|indicator| indicator.rare().period_targets.keys().copied())
        .collect();
    periods.sort_unstable();
    periods.dedup();
    periods
}

/// `index`'s row: with machine values, or with the words of `lang`; its columns named by `names`.
fn row(plan: &Plan, index: NodeIndex, lang: Option<Lang>, names: &Names) -> IndicatorRow {
    let node = plan.node(index);
    let indicator = node.indicator().expect("rows are built for indicators");
    let ancestor = |level| plan.ancestor_at(index, level).map(|i| plan.node(i).id.clone()).unwrap_or_default();
    let status = if plan.is_removed(index) { Status::Removed } else { Status::Active };
    let word = |machine: &str, human: &dyn Fn(Lang) -> String| lang.map_or_else(|| machine.to_owned(), human);
    let mut cells = vec![
        ("id", node.id.clone()),
        ("level", word(indicator.level.as_str(), &|l| words::indicator_level(l, indicator.level))),
        ("mission", ancestor(Level::Mission)),
        ("strategic_objective", ancestor(Level::StrategicObjective)),
        ("program", ancestor(Level::Program)),
        ("operational_objective", ancestor(Level::OperationalObjective)),
        ("name", node.name.clone()),
        ("unit", word(indicator.unit.as_str(), &|l| words::unit(l, indicator.unit))),
        // A deadline or a yes/no has no direction: an assumed polarity would only mislead.
        (
            "polarity",
            if indicator.unit.is_numeric() || indicator.polarity_source != PolaritySource::Assumed {
                word(indicator.polarity.as_str(), &|l| words::polarity(l, indicator.polarity))
            } else {
                String::new()
            },
        ),
        ("weight", word(&node.weight_text(), &|l| words::weight(l, node))),
        ("area", indicator.areas.iter().map(|&a| plan.areas[a].id.as_str()).collect::<Vec<_>>().join(", ")),
        ("services", indicator.services.iter().map(|&s| plan.services[s].id.as_str()).collect::<Vec<_>>().join(", ")),
        ("cross_cutting", word(&indicator.cross_cutting.to_string(), &|l| words::yes_no(l, indicator.cross_cutting))),
        ("status", word(status.as_str(), &|l| words::node_status(l, status))),
    ]
    .into_iter()
    .map(|(k, v)| (names.get(k), v))
    .collect::<Vec<_>>();
    let measures: Vec<String> = indicator
        .rare()
        .measures
        .iter()
        .map(|m| format!("{} ({}, {})", m.id, m.name, word(m.unit.as_str(), &|l| words::unit(l, m.unit))))
        .collect();
    let fields = node.fields();
    let extras = [
        ("measures", measures.join("; ")),
        (
            "type",
            indicator
                .rare()
                .indicator_type
                .map(|t| word(t.as_str(), &|l| words::indicator_type(l, t)))
                .unwrap_or_default(),
        ),
        ("source", indicator.rare().data_source.clone().unwrap_or_default()),
        ("code", fields.code.clone().unwrap_or_default()),
        ("responsible", fields.responsible.as_ref().map(ToString::to_string).unwrap_or_default()),
        (
            "resources",
            word(&super::score::resources_text(&fields.resources), &|l| words::by_year(l, &fields.resources)),
        ),
        ("links", fields.links.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")),
    ];
    cells.extend(extras.into_iter().map(|(k, v)| (names.get(k), v)));
    for (year, name) in plan.metadata.horizon().zip(&names.years) {
        let target = indicator.targets.get(&year).map(ToString::to_string).unwrap_or_default();
        cells.push((name.clone(), target));
    }
    for (period, name) in &names.periods {
        let target = indicator.rare().period_targets.get(period).map(ToString::to_string).unwrap_or_default();
        cells.push((name.clone(), target));
    }
    IndicatorRow { cells }
}

/// The column names: the fixed ones, the fields of other shapes some indicator has, one per
/// horizon year, and one per period within a year that has a target.
pub fn header(plan: &Plan) -> Vec<String> {
    header_of(plan, &all_rows(plan))
}

/// [`header`], of the plan's [`all_rows`] made already.
pub fn header_of(plan: &Plan, rows: &[IndicatorRow]) -> Vec<String> {
    // The rows of [`all_rows`] have the same columns in the same order: where each extra one is
    // is found once, in the first row. A row made some other way is looked into by name.
    let first = rows.first().map_or(&[][..], |row| &row.cells[..]);
    let used = |column: &&&str| {
        let name: &str = column;
        let at = first.iter().position(|(k, _)| &**k == name);
        rows.iter().any(|row| {
            let cell = at.and_then(|at| row.cells.get(at)).filter(|(k, _)| &**k == name);
            let cell = cell.or_else(|| row.cells.iter().find(|(k, _)| &**k == name));
            cell.is_some_and(|(_, value)| !value.is_empty())
        })
    };
    COLUMNS
        .iter()
        .chain(EXTRA_COLUMNS.iter().filter(used))
        .map(|c| (*c).to_owned())
        .chain(plan.metadata.horizon().map(|y| y.to_string()))
        .chain(periods(plan).iter().map(ToString::to_string))
        .collect()
}

/// Every column `--columns` accepts: [`header`]'s and every field of other shapes (whether an
/// indicator has it or not, so the rows need not be made to know them).
pub fn all_columns(plan: &Plan) -> Vec<String> {
    COLUMNS
        .iter()
        .chain(EXTRA_COLUMNS)
        .map(|c| (*c).to_owned())
        .chain(plan.metadata.horizon().map(|y| y.to_string()))
        .chain(periods(plan).iter().map(ToString::to_string))
        .collect()
}

/// The columns the table shows by default: what people read; CSV and JSON carry every column.
pub const TABLE_COLUMNS: &[&str] = &["id", "name", "unit", "polarity", "area", "services", "status"];

/// The default columns of the table: [`TABLE_COLUMNS`] then the horizon years that have at
/// least one target (a terminal is narrow; an empty column only takes room).
pub fn default_table_columns(plan: &Plan) -> Vec<String> {
    let has_targets = |year: &i32| {
        plan.indicators()
            .any(|i| plan.node(i).indicator().is_some_and(|indicator| indicator.targets.contains_key(year)))
    };
    TABLE_COLUMNS
        .iter()
        .map(|c| (*c).to_owned())
        .chain(plan.metadata.horizon().filter(has_targets).map(|y| y.to_string()))
        .chain(periods(plan).iter().map(ToString::to_string))
        .collect()
}

/// Keeps only `columns` (in that order) of every row. Unknown names are the caller's to check
/// against [`header`].
pub fn select(rows: Vec<IndicatorRow>, columns: &[String]) -> Vec<IndicatorRow> {
    // Where each column is in a row, and whether it is asked for again after (then its value is
    // copied, else moved), found by name: once for all the rows of [`all_rows`], which have the
    // same columns in the same order (a horizon of thousands of years is not searched once per
    // column and row). A row made some other way is looked into on its own.
    let places = |row: &IndicatorRow| -> Vec<(Option<usize>, bool)> {
        let by_name: std::collections::HashMap<&str, usize> =
            row.cells.iter().enumerate().map(|(at, (k, _))| (&**k, at)).collect();
        let at: Vec<Option<usize>> = columns.iter().map(|column| by_name.get(column.as_str()).copied()).collect();
        let mut seen = std::collections::HashSet::new();
        let mut places: Vec<(Option<usize>, bool)> =
            at.iter().rev().map(|&at| (at, at.is_some_and(|at| !seen.insert(at)))).collect();
        places.reverse();
        places
    };
    let Some(first) = rows.first() else { return Vec::new() };
    let keys: Vec<Arc<str>> = first.cells.iter().map(|(k, _)| k.clone()).collect();
    let shared = places(first);
    let names: Vec<Arc<str>> = columns.iter().map(|column| Arc::from(column.as_str())).collect();
    rows.into_iter()
        .map(|mut row| {
            let same = row.cells.len() == keys.len() && row.cells.iter().zip(&keys).all(|((k, _), key)| k == key);
            let own = if same { None } else { Some(places(&row)) };
            let cells = names
                .iter()
                .zip(own.as_ref().unwrap_or(&shared))
                .map(|(name, &(at, again))| {
                    // The value is moved, unless its column is asked for again.
                    let value = match at.and_then(|at| row.cells.get_mut(at)) {
                        Some((_, value)) if !again => std::mem::take(value),
                        Some((_, value)) => value.clone(),
                        None => String::new(),
                    };
                    (name.clone(), value)
                })
                .collect();
            IndicatorRow { cells }
        })
        .collect()
}

/// The header of a column of the table in `lang`: `unità di misura` for `unit`; a year is
/// itself. In English, the column names `--columns` takes.
fn column_header(lang: Lang, column: &str) -> String {
    let id = match column {
        "id" => "list-column-id",
        "level" => "list-column-level",
        "mission" => "list-column-mission",
        "strategic_objective" => "list-column-strategic-objective",
        "program" => "list-column-program",
        "operational_objective" => "list-column-operational-objective",
        "name" => "list-column-name",
        "unit" => "list-column-unit",
        "polarity" => "list-column-polarity",
        "weight" => "list-column-weight",
        "area" => "list-column-area",
        "services" => "list-column-services",
        "cross_cutting" => "list-column-cross-cutting",
        "status" => "list-column-status",
        "measures" => "list-column-measures",
        "type" => "list-column-type",
        "source" => "list-column-source",
        "code" => "list-column-code",
        "responsible" => "list-column-responsible",
        "resources" => "list-column-resources",
        "links" => "list-column-links",
        year => return year.to_owned(),
    };
    i18n::text(lang, id)
}

/// A table for people, of [`rows_for_people`], at most `width` characters wide: the header
/// in `lang`; the name column wraps. When `chosen` (`--columns`), every column asked for stays;
/// otherwise, at a narrow width, polarity and area go first, then unit and services, then the
/// years furthest from `plan_year` (see [`super::table`]).
pub fn table(
    rows: &[IndicatorRow],
    columns: &[String],
    width: u16,
    lang: Lang,
    plan_year: i32,
    chosen: bool,
) -> String {
    let columns: Vec<Column> = columns
        .iter()
        .map(|column| Column {
            header: column_header(lang, column),
            short: (column == "unit").then(|| i18n::text(lang, "list-column-unit-short")),
            fit: if chosen && column != "name" { Fit::KEEP } else { column_fit(column, plan_year) },
        })
        .collect();
    let rows: Vec<Vec<TableCell>> =
        rows.iter().map(|row| row.cells.iter().map(|(_, v)| TableCell::new(visible(v))).collect()).collect();
    table::render(&columns, rows, width, Style::PLAIN, lang)
}

/// How the column `column` gives way in a narrow table.
fn column_fit(column: &str, plan_year: i32) -> Fit {
    match column {
        "id" => Fit::KEEP,
        "name" => Fit::NAME,
        "status" => Fit::optional(1),
        "unit" | "services" => Fit::optional(20),
        "polarity" | "area" | "cross_cutting" | "weight" | "level" => Fit::optional(21),
        "mission" | "strategic_objective" | "program" | "operational_objective" => Fit::optional(22),
        year => match year.parse::<i32>() {
            // The plan year first, then the years around it.
            Ok(year) => Fit::optional(u8::try_from(2 + year.abs_diff(plan_year)).unwrap_or(u8::MAX).min(19)),
            Err(_) => Fit::optional(23),
        },
    }
}

/// CSV of the given rows, with their column names as the header.
pub fn csv(rows: &[IndicatorRow], columns: &[String]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(columns).expect("writing to memory");
    for row in rows {
        writer.write_record(row.cells.iter().map(|(_, v)| v)).expect("writing to memory");
    }
    String::from_utf8(writer.into_inner().expect("flushing memory")).expect("CSV of UTF-8 fields is UTF-8")
}

/// A JSON array of objects, one per row, keys as the CSV header; empty year cells are `null`.
pub fn json(rows: Vec<IndicatorRow>) -> String {
    // Written a row at a time (see [`super::json`]).
    let mut array = super::json::PrettyArray::new(1);
    for row in rows {
        let object: Map<String, Value> = row
            .cells
            .into_iter()
            .map(|(k, v)| {
                let value = match &*k {
                    "cross_cutting" => Value::Bool(v == "true"),
                    _ if v.is_empty() && crate::period::Period::parse(&k).is_some() => Value::Null,
                    _ => Value::String(v),
                };
                (k.to_string(), value)
            })
            .collect();
        array.push(&Value::Object(object));
    }
    let mut text = array.finish();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[(&str, &str)]) -> IndicatorRow {
        IndicatorRow { cells: cells.iter().map(|&(k, v)| (Arc::from(k), v.to_owned())).collect() }
    }

    /// The columns are found once in the first row; a row with other columns is looked into by
    /// name, and a column asked for twice has its value twice.
    #[test]
    fn columns_are_picked_by_name_whatever_the_row() {
        let rows = vec![
            row(&[("id", "A"), ("name", "a"), ("2019", "1")]),
            row(&[("id", "B"), ("name", "b"), ("2019", "2")]),
            row(&[("name", "c"), ("id", "C")]),
        ];
        let columns: Vec<String> = ["id", "2019", "id", "links"].map(String::from).to_vec();
        let picked = select(rows, &columns);
        assert_eq!(picked[0], row(&[("id", "A"), ("2019", "1"), ("id", "A"), ("links", "")]));
        assert_eq!(picked[1], row(&[("id", "B"), ("2019", "2"), ("id", "B"), ("links", "")]));
        assert_eq!(picked[2], row(&[("id", "C"), ("2019", ""), ("id", "C"), ("links", "")]));
        assert!(select(Vec::new(), &columns).is_empty());
    }
}
