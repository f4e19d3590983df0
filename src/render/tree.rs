//! The performance tree ("albero della performance"), indented, with ids, counts and removed
//! nodes marked.

use std::fmt::Write as _;

use crate::plan::{Counts, Level, NodeIndex, Plan, Status};

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
    let _ = writeln!(out, "{}", counts_line(&plan.counts()));
    for &mission in &plan.missions {
        out.push('\n');
        write_node(plan, mission, "", None, options, &mut out);
    }
    out
}

/// `4 missions · 14 strategic objectives (52 indicators, 8 removed) · ...`
pub fn counts_line(counts: &Counts) -> String {
    let part = |(all, removed): (usize, usize), one: &str, many: &str| {
        let word = if all == 1 { one } else { many };
        if removed > 0 { format!("{all} {word} ({removed} removed)") } else { format!("{all} {word}") }
    };
    [
        part(counts.missions, "mission", "missions"),
        part(counts.strategic_objectives, "strategic objective", "strategic objectives"),
        part(counts.strategic_indicators, "strategic indicator", "strategic indicators"),
        part(counts.programs, "program", "programs"),
        part(counts.operational_objectives, "operational objective", "operational objectives"),
        part(counts.operational_indicators, "operational indicator", "operational indicators"),
    ]
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

/// `3 indicators · 4 programs`, counting direct children by level.
fn children_summary(plan: &Plan, index: NodeIndex) -> String {
    let node = plan.node(index);
    let mut parts = Vec::new();
    for (level, one, many) in [
        (Level::StrategicObjective, "strategic objective", "strategic objectives"),
        (Level::Indicator, "indicator", "indicators"),
        (Level::Program, "program", "programs"),
        (Level::OperationalObjective, "operational objective", "operational objectives"),
    ] {
        let count = node.children.iter().filter(|&&c| plan.node(c).level() == level).count();
        if count > 0 {
            parts.push(format!("{count} {}", if count == 1 { one } else { many }));
        }
    }
    parts.join(" · ")
}
