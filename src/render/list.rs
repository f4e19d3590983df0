//! The indicator list: one row per indicator with its place in the tree, unit, polarity,
//! responsibility, status and one column per horizon year holding the canonical target.

use comfy_table::{ContentArrangement, Table};
use serde_json::{Map, Value};

use crate::plan::{Level, NodeIndex, Plan, Status};

/// One row of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorRow {
    /// Column names and values, in order.
    pub cells: Vec<(String, String)>,
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

/// The rows, in tree order.
pub fn rows(plan: &Plan) -> Vec<IndicatorRow> {
    plan.indicators().map(|index| row(plan, index)).collect()
}

fn row(plan: &Plan, index: NodeIndex) -> IndicatorRow {
    let node = plan.node(index);
    let indicator = node.indicator().expect("rows are built for indicators");
    let ancestor = |level| plan.ancestor_at(index, level).map(|i| plan.node(i).id.clone()).unwrap_or_default();
    let status = if plan.is_removed(index) { Status::Removed } else { Status::Active };
    let mut cells = vec![
        ("id", node.id.clone()),
        ("level", indicator.level.as_str().to_owned()),
        ("mission", ancestor(Level::Mission)),
        ("strategic_objective", ancestor(Level::StrategicObjective)),
        ("program", ancestor(Level::Program)),
        ("operational_objective", ancestor(Level::OperationalObjective)),
        ("name", node.name.clone()),
        ("unit", indicator.unit.as_str().to_owned()),
        ("polarity", indicator.polarity.as_str().to_owned()),
        ("weight", crate::number::format_italian(node.weight).replace(',', ".")),
        ("area", indicator.areas.iter().map(|&a| plan.areas[a].id.as_str()).collect::<Vec<_>>().join(", ")),
        ("services", indicator.services.iter().map(|&s| plan.services[s].id.as_str()).collect::<Vec<_>>().join(", ")),
        ("cross_cutting", indicator.cross_cutting.to_string()),
        ("status", status.as_str().to_owned()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect::<Vec<_>>();
    for year in plan.metadata.horizon() {
        let target = indicator.targets.get(&year).map(ToString::to_string).unwrap_or_default();
        cells.push((year.to_string(), target));
    }
    IndicatorRow { cells }
}

/// The column names: the fixed ones, then one per horizon year.
pub fn header(plan: &Plan) -> Vec<String> {
    COLUMNS.iter().map(|c| (*c).to_owned()).chain(plan.metadata.horizon().map(|y| y.to_string())).collect()
}

/// CSV with a header row.
pub fn csv(plan: &Plan) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(header(plan)).expect("writing to memory");
    for row in rows(plan) {
        writer.write_record(row.cells.iter().map(|(_, v)| v)).expect("writing to memory");
    }
    String::from_utf8(writer.into_inner().expect("flushing memory")).expect("CSV of UTF-8 fields is UTF-8")
}

/// A JSON array of objects, one per indicator, keys as the CSV header.
pub fn json(plan: &Plan) -> String {
    let rows: Vec<Value> = rows(plan)
        .into_iter()
        .map(|row| {
            let object: Map<String, Value> = row
                .cells
                .into_iter()
                .map(|(k, v)| {
                    let value = match k.as_str() {
                        "cross_cutting" => Value::Bool(v == "true"),
                        _ if v.is_empty() && k.chars().all(|c| c.is_ascii_digit()) => Value::Null,
                        _ => Value::String(v),
                    };
                    (k, value)
                })
                .collect();
            Value::Object(object)
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&rows).expect("JSON values serialize");
    text.push('\n');
    text
}

/// A table for people: names wrap to fit `width`.
pub fn table(plan: &Plan, width: u16) -> String {
    let mut table = Table::new();
    table
        .load_style(comfy_table::presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .force_no_tty();
    table.set_width(width);
    let shown: Vec<&str> = ["id", "level", "name", "unit", "polarity", "area", "services", "status"].to_vec();
    let years: Vec<String> = plan.metadata.horizon().map(|y| y.to_string()).collect();
    table.set_header(shown.iter().map(|s| (*s).to_owned()).chain(years.iter().cloned()));
    for row in rows(plan) {
        let get = |key: &str| row.cells.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()).unwrap_or_default();
        table.add_row(shown.iter().map(|k| get(k)).chain(years.iter().map(|y| get(y))));
    }
    let mut text = table.to_string();
    text.push('\n');
    text
}
