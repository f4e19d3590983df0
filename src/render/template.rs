//! The actuals file to be filled in: one row per indicator expected in a year.

use crate::plan::{NodeIndex, Plan};

/// The columns of the template: those `score` reads, then some for reading convenience, which
/// `score` accepts and ignores.
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

/// The template as CSV with `delimiter`, starting with a `#` comment line that says what it is.
/// With `;` (the delimiter of Italian Excel) it starts with a byte order mark, without which
/// Excel reads UTF-8 accents as two characters.
pub fn csv(plan: &Plan, year: i32, rows: &[NodeIndex], delimiter: u8) -> String {
    let mut out = if delimiter == b';' { String::from("\u{feff}") } else { String::new() };
    out += &format!(
        "# Valori a consuntivo {year} · {} · {}: fill in `value` (or `numerator` and `denominator`), `n.d.` when not available, and a `note` for each deviation\n",
        plan.metadata.body, plan.metadata.title
    );
    let mut writer = csv::WriterBuilder::new().delimiter(delimiter).from_writer(Vec::new());
    writer.write_record(COLUMNS).expect("writing to memory");
    for &index in rows {
        let node = plan.node(index);
        let indicator = node.indicator().expect("an indicator");
        let services = if indicator.cross_cutting {
            "trasversale".to_owned()
        } else {
            indicator.services.iter().map(|&s| plan.services[s].name.as_str()).collect::<Vec<_>>().join(", ")
        };
        let target = indicator.targets.get(&year).map(ToString::to_string).unwrap_or_default();
        writer
            .write_record([
                node.id.as_str(),
                &year.to_string(),
                "",
                "",
                "",
                "",
                "",
                "",
                &node.name,
                indicator.unit.as_str(),
                &target,
                &services,
            ])
            .expect("writing to memory");
    }
    out.push_str(&String::from_utf8(writer.into_inner().expect("flushing memory")).expect("UTF-8 fields"));
    out
}
