//! The shared shape of human tables (comfy-table): borders, width, colour, and which columns wrap.

use comfy_table::{ColumnConstraint, ContentArrangement, Table, Width};

use super::style::Style;

/// An empty table `width` characters wide, styled (coloured) only when `style` says so.
pub fn new_table(width: u16, style: Style) -> Table {
    let mut table = Table::new();
    table
        .load_style(comfy_table::presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width);
    if style.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table
}

/// Sets how each column fits, the columns found by their keys (`columns`, in order, whatever
/// the language of the header): the `never_wrap` ones keep their content's width; `name`, what
/// people read, keeps at least 30% of the table; the others wrap, but stay wide enough for a
/// long word of a target (`scostamento`) or a service id.
pub fn fit_columns(table: &mut Table, columns: &[impl AsRef<str>], never_wrap: &[&str]) {
    for (column, key) in table.column_iter_mut().zip(columns) {
        let key = key.as_ref();
        let constraint = if never_wrap.contains(&key) {
            ColumnConstraint::ContentWidth
        } else if key == "name" {
            ColumnConstraint::LowerBoundary(Width::Percentage(30))
        } else {
            ColumnConstraint::LowerBoundary(Width::Fixed(13))
        };
        column.set_constraint(constraint);
    }
}
