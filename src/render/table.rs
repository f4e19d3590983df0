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

/// Sets how each column (found by its header) fits: the `never_wrap` ones keep their content's
/// width; `name`, what people read, keeps at least 30% of the table; the others wrap, but stay
/// wide enough for a long word of a target (`scostamento`) or a service id.
pub fn fit_columns(table: &mut Table, never_wrap: &[&str]) {
    let names: Vec<String> = table.header().map(|h| h.cell_iter().map(|c| c.content()).collect()).unwrap_or_default();
    for (column, name) in table.column_iter_mut().zip(names) {
        let constraint = if never_wrap.contains(&name.as_str()) {
            ColumnConstraint::ContentWidth
        } else if name == "name" {
            ColumnConstraint::LowerBoundary(Width::Percentage(30))
        } else {
            ColumnConstraint::LowerBoundary(Width::Fixed(13))
        };
        column.set_constraint(constraint);
    }
}
