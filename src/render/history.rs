//! The revision log → text, JSON, Markdown.

use std::fmt::Write as _;

use crate::history::History;
use crate::plan::Plan;

use super::style::{Paint, Style, truncate};

/// The human form: each act, its flags, then the nodes it changed.
pub fn text(plan: &Plan, history: &History, style: Style) -> String {
    let mut out = format!("{} · revision log\n", plan.metadata.title);
    if let Some(adopted) = &plan.metadata.adopted_by {
        let _ = writeln!(out, "adopted by {adopted}");
    }
    if history.groups.is_empty() {
        out.push_str("\nno revision is recorded\n");
    }
    for group in &history.groups {
        let count = group.entries.len();
        let s = if count == 1 { "" } else { "s" };
        let _ = writeln!(out, "\n{} · {count} change{s}", style.paint(Paint::Bold, &group.label()));
        for flag in &group.flags {
            let _ = writeln!(out, "  {} {flag}", style.paint(Paint::Yellow, "!"));
        }
        for entry in &group.entries {
            let node = plan.node(entry.node);
            let previous = if entry.change == crate::plan::Change::Updated && !entry.previous_recorded {
                " (previous values not recorded)"
            } else {
                ""
            };
            let _ = writeln!(out, "  {:<8} {} {}{previous}", entry.change.as_str(), node.id, truncate(&node.name, 80));
            if let Some(note) = &entry.note {
                let _ = writeln!(out, "           {}", style.paint(Paint::Dim, &format!("“{note}”")));
            }
        }
    }
    if !plan.overrides.is_empty() {
        let count = plan.overrides.len();
        let s = if count == 1 { "" } else { "s" };
        let _ = writeln!(out, "\n{} · {count} decision{s}", style.paint(Paint::Bold, "overrides of outcomes"));
        for decision in &plan.overrides {
            let _ = writeln!(out, "  {} {} {}", decision.year, plan.node(decision.node).id, decision.describe());
        }
    }
    out
}

/// JSON: one object per act with its flags and entries.
pub fn json(plan: &Plan, history: &History) -> String {
    let groups: Vec<serde_json::Value> = history
        .groups
        .iter()
        .map(|group| {
            serde_json::json!({
                "act": group.act.as_ref().map(|act| serde_json::json!({
                    "body": act.body,
                    "number": act.number,
                    "date": act.date.map(|d| d.iso()),
                })),
                "year": group.year,
                "label": group.label(),
                "flags": group.flags,
                "entries": group.entries.iter().map(|entry| {
                    let node = plan.node(entry.node);
                    serde_json::json!({
                        "id": node.id,
                        "level": node.level().key(),
                        "name": node.name,
                        "change": entry.change.as_str(),
                        "note": entry.note,
                        "previous_recorded": entry.previous_recorded,
                    })
                }).collect::<Vec<_>>(),
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&serde_json::json!({
        "plan": { "body": plan.metadata.body, "title": plan.metadata.title, "year": plan.metadata.year },
        "adopted_by": plan.metadata.adopted_by.as_ref().map(ToString::to_string),
        "acts": groups,
        "overrides": plan.overrides.iter().map(|decision| serde_json::json!({
            "id": plan.node(decision.node).id,
            "year": decision.year,
            "outcome": decision.outcome.as_str(),
            "attainment": match decision.outcome {
                crate::plan::Outcome::Reassessed(attainment) => Some(attainment.normalize().to_string()),
                crate::plan::Outcome::Neutralised => None,
            },
            "reason": decision.reason,
            "decided_by": decision.decided_by,
            "act": decision.act.to_string(),
        })).collect::<Vec<_>>(),
    }))
    .expect("JSON values serialize");
    text.push('\n');
    text
}

/// Markdown: a section per act.
pub fn markdown(plan: &Plan, history: &History) -> String {
    let cell = |text: &str| text.replace('|', "\\|").replace('\n', " ");
    let mut out = format!("## Revisioni del piano: {}\n", cell(&plan.metadata.title));
    for group in &history.groups {
        let _ = writeln!(out, "\n### {}\n", cell(&group.label()));
        for flag in &group.flags {
            let _ = writeln!(out, "> {}\n", cell(flag));
        }
        out.push_str("| id | livello | denominazione | modifica | nota |\n|---|---|---|---|---|\n");
        for entry in &group.entries {
            let node = plan.node(entry.node);
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                cell(&node.id),
                node.level().key(),
                cell(&truncate(&node.name, 120)),
                entry.change.as_str(),
                cell(entry.note.as_deref().unwrap_or(""))
            );
        }
    }
    if !plan.overrides.is_empty() {
        out.push_str(
            "\n### Deroghe (overrides of outcomes)\n\n| anno | id | denominazione | decisione |\n|---|---|---|---|\n",
        );
        for decision in &plan.overrides {
            let node = plan.node(decision.node);
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                decision.year,
                cell(&node.id),
                cell(&truncate(&node.name, 120)),
                cell(&decision.describe())
            );
        }
    }
    out
}
