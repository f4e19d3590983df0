//! Plan diffs → text, JSON, Markdown (for the annex of the deliberation that adopts a revision).

use std::fmt::Write as _;

use crate::diff::{NodeChange, NodeDiff, PlanDiff, Uncovered};
use crate::plan::Plan;
use crate::source::{SourceFile, Span};

use super::diagnostics::{escape_data, escape_property};
use super::style::{Paint, Style, truncate};

/// The two sides' names, for headers.
#[derive(Debug, Clone, Copy)]
pub struct Sides<'a> {
    /// The old version, as the user named it.
    pub old: &'a str,
    /// The new version.
    pub new: &'a str,
}

fn node_heading(node: &NodeDiff) -> String {
    let verb = match node.change {
        NodeChange::Added => "added",
        NodeChange::Deleted => "deleted from the file",
        NodeChange::Changed => "changed",
    };
    format!("{} ({}, {verb}): {}", node.id, node.level, truncate(&node.name, 90))
}

/// The human form.
pub fn text(diff: &PlanDiff, sides: Sides<'_>, uncovered: Option<&[Uncovered]>, style: Style) -> String {
    let mut out = format!("--- {}\n+++ {}\n", sides.old, sides.new);
    for warning in &diff.warnings {
        let _ = writeln!(out, "{}: {warning}", style.paint(Paint::Yellow, "warning"));
    }
    if diff.is_empty() {
        out.push_str("no differences\n");
    }
    for (title, changes) in [
        ("[plan]", &diff.metadata),
        ("[scoring]", &diff.scoring),
        ("registries", &diff.registries),
        ("overrides", &diff.overrides),
    ] {
        if !changes.is_empty() {
            let _ = writeln!(out, "\n{}", style.paint(Paint::Bold, title));
            for change in changes {
                let _ = writeln!(out, "  {}: {} → {}", change.field, change.old, change.new);
            }
        }
    }
    for node in &diff.nodes {
        let paint = match node.change {
            NodeChange::Added => Paint::Green,
            NodeChange::Deleted => Paint::Red,
            NodeChange::Changed => Paint::Bold,
        };
        let _ = writeln!(out, "\n{}", style.paint(paint, &node_heading(node)));
        for change in &node.fields {
            let _ = writeln!(out, "  {}: {} → {}", change.field, change.old, change.new);
        }
        for revision in &node.revisions_added {
            let _ = writeln!(out, "  + revision: {revision}");
        }
        for revision in &node.revisions_removed {
            let _ = writeln!(out, "  - revision: {revision}");
        }
    }
    if let Some(uncovered) = uncovered {
        out.push('\n');
        if uncovered.is_empty() {
            out.push_str("every change is covered by a revision with its act\n");
        } else {
            let s = if uncovered.len() == 1 { "" } else { "s" };
            let _ = writeln!(
                out,
                "{}",
                style.paint(Paint::Red, &format!("{} change{s} not covered by an act:", uncovered.len()))
            );
            for item in uncovered {
                let id = if item.id.is_empty() { "[plan]".to_owned() } else { item.id.clone() };
                let _ = writeln!(out, "  {id}: {}\n    needs {}", item.what, item.needs);
            }
        }
    }
    out
}

/// JSON: the diff's sections, and the uncovered changes under `--require-acts`.
pub fn json(diff: &PlanDiff, sides: Sides<'_>, uncovered: Option<&[Uncovered]>) -> String {
    let mut value = serde_json::json!({
        "old": sides.old,
        "new": sides.new,
        "identical": diff.is_empty(),
        "warnings": diff.warnings,
        "metadata": diff.metadata,
        "scoring": diff.scoring,
        "registries": diff.registries,
        "nodes": diff.nodes,
        "overrides": diff.overrides,
    });
    if let (Some(uncovered), serde_json::Value::Object(object)) = (uncovered, &mut value) {
        object.insert("uncovered".into(), serde_json::json!(uncovered));
    }
    let mut text = serde_json::to_string_pretty(&value).expect("JSON values serialize");
    text.push('\n');
    text
}

/// Markdown, ready for the annex of a deliberation: one table of changes.
pub fn markdown(diff: &PlanDiff, sides: Sides<'_>, uncovered: Option<&[Uncovered]>) -> String {
    let cell = |text: &str| text.replace('|', "\\|").replace('\n', " ");
    let mut out = format!("## Modifiche al piano\n\nDa `{}` a `{}`.\n\n", cell(sides.old), cell(sides.new));
    for warning in &diff.warnings {
        let _ = writeln!(out, "> **Attenzione**: {}\n", cell(warning));
    }
    if diff.is_empty() {
        out.push_str("Nessuna modifica.\n");
        return out;
    }
    out.push_str("| id | livello | denominazione | modifica | prima | dopo |\n|---|---|---|---|---|---|\n");
    for (section, changes) in [
        ("[plan]", &diff.metadata),
        ("[scoring]", &diff.scoring),
        ("registri", &diff.registries),
        ("deroghe", &diff.overrides),
    ] {
        for change in changes {
            let _ = writeln!(
                out,
                "| {section} | | | {} | {} | {} |",
                cell(&change.field),
                cell(&change.old),
                cell(&change.new)
            );
        }
    }
    for node in &diff.nodes {
        let (id, level, name) = (cell(&node.id), node.level, cell(&truncate(&node.name, 120)));
        match node.change {
            NodeChange::Added => {
                let _ = writeln!(out, "| {id} | {level} | {name} | inserito | | |");
            }
            NodeChange::Deleted => {
                let _ = writeln!(out, "| {id} | {level} | {name} | cancellato dal file | | |");
            }
            NodeChange::Changed => {}
        }
        for change in &node.fields {
            let _ = writeln!(
                out,
                "| {id} | {level} | {name} | {} | {} | {} |",
                cell(&change.field),
                cell(&change.old),
                cell(&change.new)
            );
        }
        for revision in &node.revisions_added {
            let _ = writeln!(out, "| {id} | {level} | {name} | revisione registrata | | {} |", cell(revision));
        }
        for revision in &node.revisions_removed {
            let _ = writeln!(out, "| {id} | {level} | {name} | revisione cancellata | {} | |", cell(revision));
        }
    }
    if let Some(uncovered) = uncovered.filter(|u| !u.is_empty()) {
        out.push_str("\n### Modifiche senza atto\n\n| id | modifica | richiede |\n|---|---|---|\n");
        for item in uncovered {
            let _ = writeln!(out, "| {} | {} | {} |", cell(&item.id), cell(&item.what), cell(&item.needs));
        }
    }
    out
}

/// GitHub Actions workflow commands, so that a pull request shows each change on the line of the
/// new version that holds it: with `uncovered` (`--require-acts`), an `::error` per change no act
/// covers and a last `::notice` with the count; without, a `::notice` per change. `file` is the
/// new version's path in the repository (none for standard input: the annotations then name no
/// file), `source` its text, to turn places into lines.
pub fn github(
    diff: &PlanDiff,
    uncovered: Option<&[Uncovered]>,
    new: &Plan,
    source: &SourceFile,
    file: Option<&str>,
) -> String {
    let mut out = String::new();
    let mut annotate = |level: &str, title: &str, span: Option<&Span>, message: &str| {
        let mut properties = Vec::new();
        if let Some(file) = file {
            properties.push(format!("file={}", escape_property(file)));
            if let Some(span) = span {
                let position = source.position(span.start);
                properties.push(format!("line={}", position.line));
                properties.push(format!("col={}", position.column));
            }
        }
        properties.push(format!("title={}", escape_property(title)));
        let _ = writeln!(out, "::{level} {}::{}", properties.join(","), escape_data(message));
    };
    match uncovered {
        Some(uncovered) => {
            for item in uncovered {
                let id = if item.id.is_empty() { "[plan]" } else { item.id.as_str() };
                let message = format!("{id}: {}\nneeds {}", item.what, item.needs);
                annotate("error", "change without an act", item.span.as_ref(), &message);
            }
            let summary = match uncovered.len() {
                0 => "every change is covered by a revision with its act".to_owned(),
                1 => "1 change not covered by an act".to_owned(),
                n => format!("{n} changes not covered by an act"),
            };
            annotate("notice", "cruscotto diff --require-acts", None, &summary);
        }
        None => {
            for (section, changes) in
                [("[plan]", &diff.metadata), ("[scoring]", &diff.scoring), ("overrides", &diff.overrides)]
            {
                for change in changes {
                    annotate(
                        "notice",
                        "plan change",
                        None,
                        &format!("{section} {}: {} → {}", change.field, change.old, change.new),
                    );
                }
            }
            for node in &diff.nodes {
                let index = new.find(&node.id);
                if node.change == NodeChange::Added {
                    annotate(
                        "notice",
                        "plan change",
                        index.map(|i| &new.node(i).span),
                        &format!("{} added", node_heading(node)),
                    );
                }
                for change in &node.fields {
                    let span = index.map(|i| crate::diff::field_span(new, i, &change.field));
                    let message = format!("{} {}: {} → {}", node.id, change.field, change.old, change.new);
                    annotate("notice", "plan change", span.as_ref(), &message);
                }
            }
        }
    }
    out
}
