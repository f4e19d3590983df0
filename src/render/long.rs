//! The long table of `score-many`: one row per body, node and year, with the fields of `score
//! --format csv --level all` after the plan file and the body, as CSV or JSON Lines. Every
//! body's rows have the same columns (all of them, empty where a plan does not use one), so
//! that the files of many runs can be read as one table by DuckDB, Spark or pandas.

use crate::plan::Plan;
use crate::render::score::{
    self as score, Field, INDICATOR_COLUMNS, INDICATOR_EXTRA_COLUMNS, ROLLUP_COLUMNS, ROLLUP_EXTRA_COLUMNS, ReportLevel,
};
use crate::score::Scorecard;

/// The columns that say whose row it is: the plan file, as given, and the body's name.
pub const BODY_COLUMNS: &[&str] = &["plan", "body"];

/// The columns whose values are numbers (JSON numbers in JSON Lines; exact decimals as text,
/// never through a binary float): the rest are text.
pub const NUMBER_COLUMNS: &[&str] = &[
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

/// The columns of the long table, in order: [`BODY_COLUMNS`], then those of `score --format csv
/// --level all` with every optional column.
pub fn columns() -> Vec<&'static str> {
    let mut columns = BODY_COLUMNS.to_vec();
    let all = INDICATOR_COLUMNS.iter().chain(INDICATOR_EXTRA_COLUMNS).chain(ROLLUP_COLUMNS).chain(ROLLUP_EXTRA_COLUMNS);
    for column in all {
        if !columns.contains(column) {
            columns.push(column);
        }
    }
    columns
}

/// The header line of the CSV form.
pub fn csv_header() -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(columns()).expect("writing to memory");
    String::from_utf8(writer.into_inner().expect("flushing memory")).expect("UTF-8 names")
}

/// One body's rows (`plan_file`: the plan file as given), in the order of `score --format csv
/// --level all`, as CSV records without the header, and how many there are.
pub fn csv(plan_file: &str, plan: &Plan, scorecard: &Scorecard) -> (String, usize) {
    let columns = columns();
    let mut writer = csv::Writer::from_writer(Vec::new());
    let count = each_row(plan_file, plan, scorecard, |cells| {
        let record = columns.iter().map(|column| cell(&cells, column).map(Field::plain).unwrap_or_default());
        writer.write_record(record).expect("writing to memory");
    });
    (String::from_utf8(writer.into_inner().expect("flushing memory")).expect("UTF-8 fields"), count)
}

/// One body's rows as JSON Lines: an object per line, every column a key in the order of
/// [`columns`], `null` where the row has no value; and how many rows there are.
pub fn json_lines(plan_file: &str, plan: &Plan, scorecard: &Scorecard) -> (String, usize) {
    let columns = columns();
    let mut text = String::new();
    let count = each_row(plan_file, plan, scorecard, |cells| {
        let members: Vec<String> = columns
            .iter()
            .map(|column| {
                let key = serde_json::Value::from(*column);
                format!("{key}:{}", json_value(column, cell(&cells, column)))
            })
            .collect();
        text.push('{');
        text.push_str(&members.join(","));
        text.push_str("}\n");
    });
    (text, count)
}

/// Calls `row` with each row's fields, the plan file and body first; returns how many rows.
fn each_row(
    plan_file: &str,
    plan: &Plan,
    scorecard: &Scorecard,
    mut row: impl FnMut(Vec<(&'static str, Field)>),
) -> usize {
    let mut count = 0;
    let body = [("plan", Field::Text(plan_file.to_owned())), ("body", Field::Text(plan.metadata.body.clone()))];
    score::csv_rows(plan, scorecard, ReportLevel::All, |cells| {
        row(body.iter().cloned().chain(cells).collect());
        count += 1;
    });
    count
}

fn cell<'a>(cells: &'a [(&'static str, Field)], column: &str) -> Option<&'a Field> {
    cells.iter().find(|(name, field)| *name == column && *field != Field::Empty).map(|(_, field)| field)
}

/// A value as JSON: a number in a number column (its exact decimal digits, which JSON's grammar
/// takes as they are), a string otherwise, `null` when empty.
fn json_value(column: &str, field: Option<&Field>) -> String {
    match field {
        None => "null".to_owned(),
        Some(field) if NUMBER_COLUMNS.contains(&column) && field.shown().is_some() => field.plain(),
        Some(field) => serde_json::Value::from(field.plain()).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_is_named_once_and_the_number_columns_are_among_them() {
        let columns = columns();
        let unique: std::collections::BTreeSet<_> = columns.iter().collect();
        assert_eq!(unique.len(), columns.len(), "{columns:?}");
        assert_eq!(&columns[..3], &["plan", "body", "id"]);
        for column in NUMBER_COLUMNS {
            assert!(columns.contains(column), "{column}");
        }
    }
}
