//! The performance tree ("albero della performance"), indented, with ids, counts and removed
//! nodes marked, in the deliverables' language; and the summary of the plan at a date
//! (`show --as-of`).

use std::fmt::Write as _;

use crate::as_of::AsOf;
use crate::date::Date;
use crate::i18n::{self, Lang, Message};
use crate::plan::{Change, Counts, Level, LevelNames, NodeIndex, Plan, Status, When};

use super::style::{Paint, Style, truncate, visible};
use super::table::text_width;
use super::words;

/// Options of the tree view.
#[derive(Debug, Clone, Copy)]
pub struct TreeOptions {
    /// Show nodes down to this level (indicators included when `Level::Indicator`).
    pub depth: Level,
    /// Cut lines to this many characters (`None`: never cut).
    pub width: Option<usize>,
    /// Colours.
    pub style: Style,
    /// The language of the words.
    pub lang: Lang,
}

/// The whole tree, with a header of metadata and counts.
pub fn render(plan: &Plan, options: TreeOptions) -> String {
    let mut out = String::new();
    let meta = &plan.metadata;
    let _ = writeln!(out, "{}", options.style.paint(Paint::Bold, &visible(&meta.title)));
    let header = Message::new("tree-header")
        .arg("body", visible(&meta.body))
        .arg("year", meta.year)
        .arg("first", meta.first_year)
        .arg("last", meta.last_year);
    // The heading wraps at the width the node lines are cut to.
    let heading =
        format!("{}\n{}", header.render(options.lang), counts_line(&plan.counts(), &plan.level_names, options.lang));
    let heading = match options.width {
        Some(width) => super::table::wrap(&heading, width),
        None => heading,
    };
    let _ = writeln!(out, "{heading}");
    for &root in &plan.roots {
        out.push('\n');
        write_node(plan, root, "", None, options, &mut out);
    }
    out
}

/// `4 missions · 14 strategic objectives · 52 strategic indicators (8 removed) · ...`, in the
/// plan's names of the levels where it gives them (`[levels]`); a level the plan does not have
/// is left out.
pub fn counts_line(counts: &Counts, names: &LevelNames, lang: Lang) -> String {
    let part = |id: &'static str, level: Level, (all, removed): (usize, usize)| {
        named_count(names, level, lang, all, removed)
            .unwrap_or_else(|| Message::new(id).count("count", all).count("removed", removed).render(lang))
    };
    // Indicators named by the plan are told apart by the objective they measure.
    let indicators =
        |id: &'static str, objective: Level, (all, removed): (usize, usize)| match names.get(Level::Indicator) {
            Some(name) => {
                let of = names.get(objective).map_or_else(|| words::level(lang, objective), |n| n.name.clone());
                let word = if all == 1 { &name.name } else { &name.plural };
                let word = format!("{word} ({of})");
                Message::new("tree-count-named")
                    .count("count", all)
                    .arg("word", word)
                    .count("removed", removed)
                    .render(lang)
            }
            None => Message::new(id).count("count", all).count("removed", removed).render(lang),
        };
    [
        (counts.missions, part("tree-count-mission", Level::Mission, counts.missions)),
        (
            counts.strategic_objectives,
            part("tree-count-strategic-objective", Level::StrategicObjective, counts.strategic_objectives),
        ),
        (
            counts.strategic_indicators,
            indicators("tree-count-strategic-indicator", Level::StrategicObjective, counts.strategic_indicators),
        ),
        (counts.programs, part("tree-count-program", Level::Program, counts.programs)),
        (
            counts.operational_objectives,
            part("tree-count-operational-objective", Level::OperationalObjective, counts.operational_objectives),
        ),
        (
            counts.operational_indicators,
            indicators("tree-count-operational-indicator", Level::OperationalObjective, counts.operational_indicators),
        ),
    ]
    .into_iter()
    .filter(|(count, _)| count.0 > 0)
    .map(|(_, text)| text)
    .collect::<Vec<_>>()
    .join(" · ")
}

/// `3 obiettivi specifici`: a count in the plan's name of the level, when it gives one.
fn named_count(names: &LevelNames, level: Level, lang: Lang, count: usize, removed: usize) -> Option<String> {
    let name = names.get(level)?;
    let word = if count == 1 { &name.name } else { &name.plural };
    Some(
        Message::new("tree-count-named").count("count", count).arg("word", word).count("removed", removed).render(lang),
    )
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
    let summary = children_summary(plan, index, options.lang);
    let removed = node.status == Status::Removed;
    let marker = if removed {
        let year = node.removed_from().map_or_else(|| "none".to_owned(), |year| year.to_string());
        let marker = Message::new("tree-removed").arg("level", node.level().key()).arg("year", year);
        format!(" {}", marker.render(options.lang))
    } else {
        String::new()
    };
    // Names and ids come from the plan: printed with their hidden characters escaped.
    let (node_id, node_name) = (visible(&node.id), visible(&node.name));
    let fixed = format!("{prefix}{branch}{node_id} ");
    let tail = format!("{}{marker}", if summary.is_empty() { String::new() } else { format!(" · {summary}") });
    let name = match options.width {
        Some(width) => {
            let room = width.saturating_sub(text_width(&fixed) + text_width(&tail)).max(12);
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
fn children_summary(plan: &Plan, index: NodeIndex, lang: Lang) -> String {
    let node = plan.node(index);
    let names = &plan.level_names;
    let mut parts = Vec::new();
    for (level, id) in [
        (Level::StrategicObjective, "tree-count-strategic-objective"),
        (Level::Indicator, "tree-count-indicator"),
        (Level::Program, "tree-count-program"),
        (Level::OperationalObjective, "tree-count-operational-objective"),
    ] {
        let count = node.children.iter().filter(|&&c| plan.node(c).level() == level).count();
        if count > 0 {
            let named = named_count(names, level, lang, count, 0);
            parts
                .push(named.unwrap_or_else(|| Message::new(id).count("count", count).count("removed", 0).render(lang)));
        }
    }
    parts.join(" · ")
}

/// What `show --as-of` says above the plan: the date, and each revision adopted after it that
/// was undone, with what undoing it did.
pub fn as_of_summary(result: &AsOf, date: Date, lang: Lang) -> String {
    let mut summary = format!("{}\n", Message::new("as-of-heading").arg("date", words::date(date)).render(lang));
    if result.undone.is_empty() {
        let _ = writeln!(summary, "  {}", i18n::text(lang, "as-of-nothing"));
    }
    for undone in &result.undone {
        let change = match (undone.revision.change, undone.restored) {
            (Change::Inserted, _) => "inserted",
            (Change::Removed, _) => "removed",
            (Change::Updated, true) => "restored",
            (Change::Updated, false) => "updated",
        };
        let when = match undone.revision.when() {
            When::Date(date) => words::date(date),
            When::Year(year) => Message::new("as-of-when-year").arg("year", year).render(lang),
            When::Unknown => i18n::text(lang, "as-of-when-unknown"),
        };
        let line = Message::new("as-of-undone").arg("id", &undone.id).arg("change", change).arg("when", when);
        let _ = writeln!(summary, "  {}", line.render(lang));
    }
    summary
}
