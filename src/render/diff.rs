//! Plan diffs → text, JSON, Markdown (for the annex of the deliberation that adopts a revision),
//! GitHub annotations. Text and Markdown are for people, in the deliverables' language; JSON and
//! the annotations keep their stable English.

use std::fmt::Write as _;

use crate::diff::{FieldChange, NodeChange, NodeDiff, PlanDiff, Uncovered};
use crate::i18n::{self, Lang, Message};
use crate::msg;
use crate::plan::Plan;
use crate::source::{SourceFile, Span};

use super::diagnostics::{escape_data, escape_property};
use super::style::{Paint, Style, truncate, visible};
use super::words::{self, Form};

/// The two sides' names, for headers.
#[derive(Debug, Clone, Copy)]
pub struct Sides<'a> {
    /// The old version, as the user named it.
    pub old: &'a str,
    /// The new version.
    pub new: &'a str,
}

/// `S1 (strategic objective, changed): <name>`, in `form`.
fn node_heading(node: &NodeDiff, form: Form) -> String {
    let level = match form {
        Form::Machine => node.level.key().to_owned(),
        Form::Human(lang) => words::level(lang, node.level),
    };
    Message::new("diff-node")
        .arg("id", &node.id)
        .arg("level", level)
        .arg("kind", node.level.key())
        .arg("change", node.change.as_str())
        .arg("name", truncate(&node.name, 90))
        .render(form.lang())
}

/// The sections of plan-wide changes: their title in `lang` and their changes.
fn sections(diff: &PlanDiff, lang: Lang) -> [(String, &[FieldChange]); 4] {
    [
        (i18n::text(lang, "diff-section-plan"), &diff.metadata),
        (i18n::text(lang, "diff-section-scoring"), &diff.scoring),
        (i18n::text(lang, "diff-section-registries"), &diff.registries),
        (i18n::text(lang, "diff-section-overrides"), &diff.overrides),
    ]
}

/// The human form, in `lang`.
pub fn text(diff: &PlanDiff, sides: Sides<'_>, uncovered: Option<&[Uncovered]>, style: Style, lang: Lang) -> String {
    let form = Form::Human(lang);
    // Every text of the plans is shown through `visible`: a name cannot move the cursor or hide
    // part of itself from who reviews a change.
    let mut out = format!("--- {}\n+++ {}\n", visible(sides.old), visible(sides.new));
    for warning in &diff.warnings {
        let label = i18n::text(lang, "diff-warning");
        let _ = writeln!(out, "{}: {}", style.paint(Paint::Yellow, &label), visible(&warning.message().render(lang)));
    }
    if diff.is_empty() {
        let _ = writeln!(out, "{}", i18n::text(lang, "diff-identical"));
    }
    for (title, changes) in sections(diff, lang) {
        if !changes.is_empty() {
            let _ = writeln!(out, "\n{}", style.paint(Paint::Bold, &title));
            for change in changes {
                let _ = writeln!(out, "  {}", visible(&change.text(form)));
            }
        }
    }
    let revision = i18n::text(lang, "diff-revision-word");
    for node in &diff.nodes {
        let paint = match node.change {
            NodeChange::Added => Paint::Green,
            NodeChange::Deleted => Paint::Red,
            NodeChange::Changed => Paint::Bold,
        };
        let _ = writeln!(out, "\n{}", style.paint(paint, &visible(&node_heading(node, form))));
        for change in &node.fields {
            let _ = writeln!(out, "  {}", visible(&change.text(form)));
        }
        for record in &node.revisions_added {
            let _ = writeln!(out, "  + {revision}: {}", visible(&record.text(form)));
        }
        for record in &node.revisions_removed {
            let _ = writeln!(out, "  - {revision}: {}", visible(&record.text(form)));
        }
    }
    if let Some(uncovered) = uncovered {
        out.push('\n');
        if uncovered.is_empty() {
            let _ = writeln!(out, "{}", i18n::text(lang, "diff-all-covered"));
        } else {
            let heading = Message::new("diff-uncovered").count("count", uncovered.len()).render(lang);
            let _ = writeln!(out, "{}", style.paint(Paint::Red, &heading));
            for item in uncovered {
                let id = if item.id.is_empty() { i18n::text(lang, "diff-section-plan") } else { item.id.clone() };
                let needs = Message::new("diff-needs").message("needs", item.needs.message(lang)).render(lang);
                let line = format!("  {id}: {}\n    {needs}", item.what.text(form));
                let _ = writeln!(out, "{}", visible(&line));
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
        "warnings": diff.warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
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

/// Markdown, ready for the annex of a deliberation: one table of changes, in `lang`.
pub fn markdown(diff: &PlanDiff, sides: Sides<'_>, uncovered: Option<&[Uncovered]>, lang: Lang) -> String {
    let form = Form::Human(lang);
    let cell = |text: &str| visible(text).replace('|', "\\|").replace('\n', " ");
    let header = |ids: &[&'static str]| {
        let names: Vec<String> = ids.iter().map(|id| i18n::text(lang, id)).collect();
        format!("| {} |\n|{}\n", names.join(" | "), "---|".repeat(ids.len()))
    };
    let title = i18n::text(lang, "diff-markdown-title");
    let from_to = msg!("diff-markdown-from-to", old = cell(sides.old), new = cell(sides.new)).render(lang);
    let mut out = format!("## {title}\n\n{from_to}\n\n");
    for warning in &diff.warnings {
        let label = i18n::text(lang, "diff-markdown-warning");
        let _ = writeln!(out, "> **{label}**: {}\n", cell(&warning.message().render(lang)));
    }
    if diff.is_empty() {
        let _ = writeln!(out, "{}", i18n::text(lang, "diff-markdown-none"));
        return out;
    }
    out.push_str(&header(&[
        "diff-column-id",
        "diff-column-level",
        "diff-column-name",
        "diff-column-change",
        "diff-column-before",
        "diff-column-after",
    ]));
    for (section, changes) in sections(diff, lang) {
        for change in changes {
            let _ = writeln!(
                out,
                "| {section} | | | {} | {} | {} |",
                cell(&change.field.text(lang)),
                cell(&change.old.text(form)),
                cell(&change.new.text(form))
            );
        }
    }
    let (added, deleted) = (i18n::text(lang, "diff-node-added"), i18n::text(lang, "diff-node-deleted"));
    let (recorded, erased) = (i18n::text(lang, "diff-revision-added"), i18n::text(lang, "diff-revision-deleted"));
    for node in &diff.nodes {
        let (id, level, name) = (cell(&node.id), words::level(lang, node.level), cell(&truncate(&node.name, 120)));
        match node.change {
            NodeChange::Added => {
                let _ = writeln!(out, "| {id} | {level} | {name} | {added} | | |");
            }
            NodeChange::Deleted => {
                let _ = writeln!(out, "| {id} | {level} | {name} | {deleted} | | |");
            }
            NodeChange::Changed => {}
        }
        for change in &node.fields {
            let _ = writeln!(
                out,
                "| {id} | {level} | {name} | {} | {} | {} |",
                cell(&change.field.text(lang)),
                cell(&change.old.text(form)),
                cell(&change.new.text(form))
            );
        }
        for record in &node.revisions_added {
            let _ = writeln!(out, "| {id} | {level} | {name} | {recorded} | | {} |", cell(&record.text(form)));
        }
        for record in &node.revisions_removed {
            let _ = writeln!(out, "| {id} | {level} | {name} | {erased} | {} | |", cell(&record.text(form)));
        }
    }
    if let Some(uncovered) = uncovered.filter(|u| !u.is_empty()) {
        let _ = writeln!(out, "\n### {}\n", i18n::text(lang, "diff-markdown-uncovered"));
        out.push_str(&header(&["diff-column-id", "diff-column-change", "diff-column-needs"]));
        for item in uncovered {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                cell(&item.id),
                cell(&item.what.text(form)),
                cell(&item.needs.message(lang).render(lang))
            );
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
                    annotate("notice", "plan change", None, &format!("{section} {}", change.text(Form::Machine)));
                }
            }
            for node in &diff.nodes {
                let index = new.find(&node.id);
                if node.change == NodeChange::Added {
                    annotate(
                        "notice",
                        "plan change",
                        index.map(|i| &new.node(i).span),
                        &format!("{} added", node_heading(node, Form::Machine)),
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
