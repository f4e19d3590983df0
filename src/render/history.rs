//! The revision log → text, JSON, Markdown. Text and Markdown are for people, in the
//! deliverables' language; JSON keeps English keys and texts.

use std::fmt::Write as _;

use crate::history::History;
use crate::i18n::{self, Lang, Message};
use crate::msg;
use crate::plan::{Change, Plan};

use super::score::decision;
use super::style::{Paint, Style, truncate, visible};
use super::words;

/// The human form: each act, its flags, then the nodes it changed.
pub fn text(plan: &Plan, history: &History, style: Style, lang: Lang) -> String {
    // Every text of the plan is shown through `visible`: a name cannot move the cursor or hide
    // part of itself.
    let mut out = format!("{}\n", visible(&msg!("history-title", title = &plan.metadata.title).render(lang)));
    if let Some(adopted) = &plan.metadata.adopted_by {
        let adopted = Message::new("history-adopted-by").message("act", words::act_message(lang, adopted));
        let _ = writeln!(out, "{}", visible(&adopted.render(lang)));
    }
    if history.groups.is_empty() {
        let _ = writeln!(out, "\n{}", i18n::text(lang, "history-none"));
    }
    // The changes' words padded to the longest, so that the ids line up.
    let changes = [Change::Inserted, Change::Updated, Change::Removed];
    let width = changes.iter().map(|&c| words::change(lang, c).chars().count()).max().unwrap_or(0);
    for group in &history.groups {
        let heading = Message::new("history-group").arg("label", group.label(lang)).count("count", group.entries.len());
        let _ = writeln!(out, "\n{}", style.paint(Paint::Bold, &visible(&heading.render(lang))));
        for flag in &group.flags {
            let _ =
                writeln!(out, "  {} {}", style.paint(Paint::Yellow, "!"), visible(&flag.message(lang).render(lang)));
        }
        for entry in &group.entries {
            let node = plan.node(entry.node);
            let previous = if entry.change == Change::Updated && !entry.previous_recorded {
                format!(" {}", i18n::text(lang, "history-previous-not-recorded"))
            } else {
                String::new()
            };
            let change = words::change(lang, entry.change);
            let name = truncate(&node.name, 80);
            let _ = writeln!(out, "  {change:<width$} {} {}{previous}", visible(&node.id), visible(&name));
            if let Some(note) = &entry.note {
                let indent = " ".repeat(width + 3);
                let _ = writeln!(out, "{indent}{}", style.paint(Paint::Dim, &format!("“{}”", visible(note))));
            }
        }
    }
    if !plan.overrides.is_empty() {
        let heading = Message::new("history-overrides").count("count", plan.overrides.len()).render(lang);
        let _ = writeln!(out, "\n{}", style.paint(Paint::Bold, &heading));
        for override_ in &plan.overrides {
            let line = format!("  {} {} {}", override_.year, plan.node(override_.node).id, decision(lang, override_));
            let _ = writeln!(out, "{}", visible(&line));
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
                "label": group.label(Lang::En),
                "flags": group.flags.iter().map(ToString::to_string).collect::<Vec<_>>(),
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
pub fn markdown(plan: &Plan, history: &History, lang: Lang) -> String {
    let cell = |text: &str| visible(text).replace('|', "\\|").replace('\n', " ");
    let header = |ids: &[&'static str]| {
        let names: Vec<String> = ids.iter().map(|id| i18n::text(lang, id)).collect();
        format!("| {} |\n|{}\n", names.join(" | "), "---|".repeat(ids.len()))
    };
    let title = msg!("history-markdown-title", title = cell(&plan.metadata.title)).render(lang);
    let mut out = format!("## {title}\n");
    for group in &history.groups {
        let _ = writeln!(out, "\n### {}\n", cell(&group.label(lang)));
        for flag in &group.flags {
            let _ = writeln!(out, "> {}\n", cell(&flag.message(lang).render(lang)));
        }
        out.push_str(&header(&["column-id", "column-level", "column-name", "column-change", "column-note"]));
        for entry in &group.entries {
            let node = plan.node(entry.node);
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                cell(&node.id),
                words::level(lang, node.level()),
                cell(&truncate(&node.name, 120)),
                words::change(lang, entry.change),
                cell(entry.note.as_deref().unwrap_or(""))
            );
        }
    }
    if !plan.overrides.is_empty() {
        let _ = writeln!(out, "\n### {}\n", i18n::text(lang, "history-markdown-overrides"));
        out.push_str(&header(&["column-year", "column-id", "column-name", "column-decision"]));
        for override_ in &plan.overrides {
            let node = plan.node(override_.node);
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                override_.year,
                cell(&node.id),
                cell(&truncate(&node.name, 120)),
                cell(&decision(lang, override_))
            );
        }
    }
    out
}
