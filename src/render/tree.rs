//! The performance tree ("albero della performance"), indented, with ids, counts and removed
//! nodes marked.

use std::fmt::Write as _;

use crate::plan::{Counts, Level, LevelNames, NodeIndex, Plan, Status};

use super::style::{Paint, Style, truncate, visible};

/// Options of the tree view.
#[derive(Debug, Clone, Copy)]
pub struct TreeOptions {
    /// Show nodes down to this level (indicators included when `Level::Indicator`).
    pub depth: Level,
    /// Cut lines to this many characters (`None`: never cut).
    pub width: Option<usize>,
    /// Colours.
    pub style: Style,
}

/// The whole tree, with a header of metadata and counts.
pub fn render(plan: &Plan, options: TreeOptions) -> String {
    let mut out = String::new();
    let meta = &plan.metadata;
    let _ = writeln!(out, "{}", options.style.paint(Paint::Bold, &visible(&meta.title)));
    let body = visible(&meta.body);
    let _ = writeln!(out, "{body} · plan year {} · horizon {}–{}", meta.year, meta.first_year, meta.last_year);
    let _ = writeln!(out, "{}", counts_line(&plan.counts(), &plan.level_names));
    for &root in &plan.roots {
        out.push('\n');
        write_node(plan, root, "", None, options, &mut out);
    }
    out
}

/// `4 missions · 14 strategic objectives (52 indicators, 8 removed) · ...`, in the plan's names
/// of the levels where it gives them (`[levels]`); a level the plan does not have is left out.
pub fn counts_line(counts: &Counts, names: &LevelNames) -> String {
    let part = |(all, removed): (usize, usize), one: &str, many: &str| {
        let word = if all == 1 { one } else { many };
        if removed > 0 { format!("{all} {word} ({removed} removed)") } else { format!("{all} {word}") }
    };
    let level = |level: Level, one: &'static str, many: &'static str| {
        (names.name_or(level, one).to_owned(), names.plural_or(level, many).to_owned())
    };
    // Indicators named by the plan are told apart by the objective they measure.
    let indicators = |objective: Level, one: &'static str, many: &'static str| match names.get(Level::Indicator) {
        Some(name) => {
            let of = names.name_or(objective, objective.label());
            (format!("{} ({of})", name.name), format!("{} ({of})", name.plural))
        }
        None => (one.to_owned(), many.to_owned()),
    };
    [
        (counts.missions, level(Level::Mission, "mission", "missions")),
        (counts.strategic_objectives, level(Level::StrategicObjective, "strategic objective", "strategic objectives")),
        (
            counts.strategic_indicators,
            indicators(Level::StrategicObjective, "strategic indicator", "strategic indicators"),
        ),
        (counts.programs, level(Level::Program, "program", "programs")),
        (
            counts.operational_objectives,
            level(Level::OperationalObjective, "operational objective", "operational objectives"),
        ),
        (
            counts.operational_indicators,
            indicators(Level::OperationalObjective, "operational indicator", "operational indicators"),
        ),
    ]
    .into_iter()
    .filter(|(count, _)| count.0 > 0)
    .map(|(count, (one, many))| part(count, &one, &many))
    .collect::<Vec<_>>()
    .join(" · ")
}

/// One node and, below it, its children. `prefix` is the indentation of its children's lines;
/// `is_last` is `None` for a root.
fn write_node(
    plan: &Plan,
    index: NodeIndex,
    prefix: &str,
    is_last: Option<bool>,
    options: TreeOptions,
    out: &mut String,
) {
    let node = plan.node(index);
    let branch = match is_last {
        None => "",
        Some(true) => "└─ ",
        Some(false) => "├─ ",
    };
    let summary = children_summary(plan, index);
    let removed = node.status == Status::Removed;
    let marker = match (removed, node.removed_from()) {
        (true, Some(year)) => format!(" [removed {year}]"),
        (true, None) => " [removed]".to_owned(),
        _ => String::new(),
    };
    // Names and ids come from the plan: printed with their hidden characters escaped.
    let (node_id, node_name) = (visible(&node.id), visible(&node.name));
    let fixed = format!("{prefix}{branch}{node_id} ");
    let tail = format!("{}{marker}", if summary.is_empty() { String::new() } else { format!(" · {summary}") });
    let name = match options.width {
        Some(width) => {
            let room = width.saturating_sub(fixed.chars().count() + tail.chars().count()).max(12);
            truncate(&node_name, room)
        }
        None => node_name.into_owned(),
    };
    let id = options.style.paint(if removed { Paint::Dim } else { Paint::Bold }, &node_id);
    let name = if removed { options.style.paint(Paint::Dim, &name) } else { name };
    let tail = options.style.paint(Paint::Dim, &tail);
    let _ = writeln!(out, "{prefix}{branch}{id} {name}{tail}");

    let children: Vec<NodeIndex> =
        node.children.iter().copied().filter(|&c| plan.node(c).level() <= options.depth).collect();
    let child_prefix = match is_last {
        None => String::new(),
        Some(true) => format!("{prefix}   "),
        Some(false) => format!("{prefix}│  "),
    };
    for (position, &child) in children.iter().enumerate() {
        write_node(plan, child, &child_prefix, Some(position + 1 == children.len()), options, out);
    }
}

/// `3 indicators · 4 programs`, counting direct children by level, in the plan's names.
fn children_summary(plan: &Plan, index: NodeIndex) -> String {
    let node = plan.node(index);
    let names = &plan.level_names;
    let mut parts = Vec::new();
    for (level, one, many) in [
        (Level::StrategicObjective, "strategic objective", "strategic objectives"),
        (Level::Indicator, "indicator", "indicators"),
        (Level::Program, "program", "programs"),
        (Level::OperationalObjective, "operational objective", "operational objectives"),
    ] {
        let count = node.children.iter().filter(|&&c| plan.node(c).level() == level).count();
        if count > 0 {
            let word = if count == 1 { names.name_or(level, one) } else { names.plural_or(level, many) };
            parts.push(format!("{count} {word}"));
        }
    }
    parts.join(" · ")
}
