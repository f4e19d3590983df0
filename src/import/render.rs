//! The draft → TOML text, laid out like a plan written by hand (`plans/maremma-tirreno-2019.toml`):
//! a header comment saying where the plan comes from and what was inferred, `[plan]`,
//! `[scoring]`, the registries, then the tree top-down (each mission, each of its strategic
//! objectives with its dashboard indicators, its programs, their operational objectives and
//! their indicators), every node's revisions right after it. Each node's header names its
//! source row (`[[indicator]] # line 13`); `#` comments above a node say how rows that needed
//! interpreting were read. Targets are written as the source writes them.

use std::fmt::Write as _;

use crate::render::plan::quote;
use crate::render::style::{one_line, visible};

use super::draft::{Draft, Indicator, Node};
use super::grid::{Input, Kind, Place};
use super::resolve::{Resolved, SCALE};

/// The width comments are wrapped to.
const WIDTH: usize = 100;

/// `rows`: how many rows the source had, to size the text once (a plan takes about 230 bytes
/// per indicator row).
pub(crate) fn render(input: &Input, rows: usize, draft: &Draft, resolved: &Resolved) -> String {
    let mut out = String::with_capacity(rows * 260 + 4096);
    header(&mut out, input, draft, resolved);
    plan(&mut out, draft, resolved);
    registries(&mut out, draft, resolved);
    for mission in &draft.missions {
        let banner = "═".repeat(WIDTH - 2);
        let _ = writeln!(out, "# {banner}\n# Mission {}\n# {banner}\n", mission.node.id);
        node(&mut out, input, "mission", &mission.node, &[]);
        for objective in &mission.objectives {
            let title = format!("── {} ─ {} ", objective.node.id, one_line(&objective.node.name));
            let title = fit(&title, WIDTH - 2);
            let pad = (WIDTH - 2).saturating_sub(title.chars().count());
            let _ = writeln!(out, "# {title}{}\n", "─".repeat(pad));
            let mut keys = vec![("mission", quote(&mission.node.id))];
            if let Some(perspective) = objective.perspective {
                keys.push(("perspective", quote(&draft.perspectives[perspective].id)));
            }
            node(&mut out, input, "strategic-objective", &objective.node, &keys);
            for indicator_ in &objective.indicators {
                indicator(&mut out, input, indicator_, &objective.node.id);
            }
            for program in &objective.programs {
                node(&mut out, input, "program", &program.node, &[("strategic-objective", quote(&objective.node.id))]);
                for operational in &program.objectives {
                    node(
                        &mut out,
                        input,
                        "operational-objective",
                        &operational.node,
                        &[("program", quote(&program.node.id))],
                    );
                    for indicator_ in &operational.indicators {
                        indicator(&mut out, input, indicator_, &operational.node.id);
                    }
                }
            }
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn header(out: &mut String, input: &Input, draft: &Draft, resolved: &Resolved) {
    let what = match &input.kind {
        Kind::Text { delimiter, .. } => {
            let separated = match delimiter {
                b'\t' => "tab-separated",
                b';' => "semicolon-separated",
                _ => "comma-separated",
            };
            format!("{separated} text")
        }
        Kind::Workbook { format } => {
            let sheets = input.sheets.len();
            format!("{format} workbook, {sheets} sheet{}", if sheets == 1 { "" } else { "s" })
        }
    };
    let mut lines = vec![format!("Imported by `cruscotto import` from {} ({what}).", input.name)];
    let span = |rows: &Option<(Place, Place)>| {
        rows.map(|(first, last)| match &input.kind {
            Kind::Text { .. } => format!("lines {}-{}", first.row, last.row),
            Kind::Workbook { .. } if first.sheet == last.sheet => {
                let name = input.row_name(first).to_string();
                let prefix = name.strip_suffix(&format!("row {}", first.row)).unwrap_or_default();
                format!("{prefix}rows {}-{}", first.row, last.row)
            }
            Kind::Workbook { .. } => format!("{} to {}", input.row_name(first), input.row_name(last)),
        })
    };
    let mut parts = Vec::new();
    if let Some(rows) = span(&draft.hints.dashboard_rows) {
        parts.push(format!("the strategic dashboard ({rows})"));
    }
    if let Some(rows) = span(&draft.hints.operational_rows) {
        parts.push(format!("the operational table ({rows})"));
    }
    lines.push(format!("Read: {}.", parts.join(" and ")));
    lines.push(String::new());
    lines.push("Inferred (check these):".to_owned());
    lines.extend(resolved.metadata.inferred.iter().map(|line| format!("- {line};")));
    if let Some(last) = lines.last_mut() {
        last.pop();
        last.push('.');
    }
    lines.push(String::new());
    lines.push(
        "Each node's header names the row it comes from. Comments above a node say how the import read rows it \
         had to interpret; the warnings it printed say the same, with the row and column."
            .to_owned(),
    );
    for line in lines {
        comment(out, &line);
    }
    out.push('\n');
}

fn plan(out: &mut String, draft: &Draft, resolved: &Resolved) {
    let metadata = &resolved.metadata;
    let _ = writeln!(out, "[plan]");
    let _ = writeln!(out, "body = {}", quote(&metadata.body));
    let _ = writeln!(out, "title = {}", quote(&metadata.title));
    let _ = writeln!(out, "year = {}", metadata.year);
    let _ = writeln!(out, "horizon = [{}, {}]", metadata.horizon.0, metadata.horizon.1);
    if let Some(act) = &metadata.adopted_by {
        let _ = writeln!(out, "adopted-by = {}", crate::render::plan::act_inline(act));
    }
    if !draft.plan_notes.is_empty() {
        let _ = writeln!(out, "notes = {}", quote(&draft.plan_notes.join("\n")));
    }
    out.push('\n');
    comment(out, "The source states no scoring rule: these are the tool's defaults, written out to be set.");
    let _ = writeln!(
        out,
        "[scoring]\ncap = 100\nfloor = 0\npartial-threshold = 70\nmissing-data = \"exclude\"\ndeadline-grace-days = 0\n"
    );
}

fn registries(out: &mut String, draft: &Draft, resolved: &Resolved) {
    let rule = "─".repeat(WIDTH - 17);
    let _ = writeln!(out, "# ── Registries {rule}\n");
    for area in &resolved.areas {
        let _ = writeln!(out, "[[area]]\nid = {}\nname = {}", quote(&area.id), quote(&area.name));
        if let Some(notes) = &area.notes {
            let _ = writeln!(out, "notes = {}", quote(notes));
        }
        out.push('\n');
    }
    for service in &resolved.services {
        let _ = writeln!(
            out,
            "[[service]]\nid = {}\nname = {}\narea = {}",
            quote(&service.id),
            quote(&service.name),
            quote(&service.area)
        );
        if let Some(notes) = &service.notes {
            let _ = writeln!(out, "notes = {}", quote(notes));
        }
        out.push('\n');
    }
    for perspective in &draft.perspectives {
        let _ =
            writeln!(out, "[[perspective]]\nid = {}\nname = {}\n", quote(&perspective.id), quote(&perspective.name));
    }
    if resolved.scale {
        comment(out, "The source uses the levels of this scale in its targets (`≥ a medio`) but does not define it.");
        let levels = SCALE.1.iter().map(|l| quote(l)).collect::<Vec<_>>().join(", ");
        let _ = writeln!(out, "[[scale]]\nid = {}\nlevels = [{levels}]\n", quote(SCALE.0));
    }
}

/// A node's header, keys and revisions; `keys` come after `id` (the parent, the perspective).
fn node(out: &mut String, input: &Input, table: &str, node: &Node, keys: &[(&str, String)]) {
    start(out, input, table, node);
    for (key, value) in keys {
        let _ = writeln!(out, "{key} = {value}");
    }
    let _ = writeln!(out, "name = {}", quote(&node.name));
    rest(out, node);
    out.push('\n');
    revisions(out, table, node);
}

fn start(out: &mut String, input: &Input, table: &str, node: &Node) {
    for line in &node.comments {
        comment(out, line);
    }
    let _ = writeln!(out, "[[{table}]] # {}", one_line(&input.row_name(node.place).to_string()));
    let _ = writeln!(out, "id = {}", quote(&node.id));
}

fn rest(out: &mut String, node: &Node) {
    if !node.notes.is_empty() {
        let _ = writeln!(out, "notes = {}", quote(&node.notes.join("\n")));
    }
    if node.removed() {
        let _ = writeln!(out, "status = \"removed\"");
    }
}

fn indicator(out: &mut String, input: &Input, indicator: &Indicator, objective: &str) {
    start(out, input, "indicator", &indicator.node);
    let _ = writeln!(out, "objective = {}", quote(objective));
    let _ = writeln!(out, "name = {}", quote(&indicator.node.name));
    rest(out, &indicator.node);
    if let Some(unit) = indicator.unit {
        let _ = writeln!(out, "unit = {}", quote(unit.as_str()));
    }
    if let Some(polarity) = indicator.polarity {
        let _ = writeln!(out, "polarity = {}", quote(polarity.as_str()));
    }
    if let Some(scale) = indicator.scale {
        let _ = writeln!(out, "scale = {}", quote(scale));
    }
    if !indicator.targets.is_empty() {
        let mut targets = indicator.targets.clone();
        targets.sort_by_key(|(year, _)| *year);
        let entries = targets.iter().map(|(year, text)| format!("{year} = {}", quote(text))).collect::<Vec<_>>();
        let _ = writeln!(out, "targets = {{ {} }}", entries.join(", "));
    }
    if let Some(target) = &indicator.target {
        let _ = writeln!(out, "target = {}", quote(target));
    }
    if !indicator.service_ids.is_empty() {
        let _ = writeln!(out, "services = {}", one_or_many(&indicator.service_ids));
    }
    if !indicator.area_ids.is_empty() {
        let _ = writeln!(out, "area = {}", one_or_many(&indicator.area_ids));
    }
    if indicator.cross_cutting {
        let _ = writeln!(out, "cross-cutting = true");
    }
    out.push('\n');
    revisions(out, "indicator", &indicator.node);
}

fn revisions(out: &mut String, table: &str, node: &Node) {
    for revision in &node.revisions {
        let _ = writeln!(out, "[[{table}.revision]]\nchange = {}", quote(revision.change.as_str()));
        if let Some(act) = &revision.act {
            let _ = writeln!(out, "act = {}", crate::render::plan::act_inline(act));
        }
        if let Some(year) = revision.year {
            let _ = writeln!(out, "year = {year}");
        }
        let _ = writeln!(out, "note = {}\n", quote(&revision.note));
    }
}

fn one_or_many(ids: &[String]) -> String {
    crate::render::plan::ids_inline(ids.iter().map(String::as_str))
}

/// A `#` comment, wrapped at [`WIDTH`]; an empty line gives `#`.
fn comment(out: &mut String, text: &str) {
    if text.is_empty() {
        out.push_str("#\n");
        return;
    }
    let mut line = String::from("#");
    for word in visible(text).split_whitespace() {
        if line.len() > 1 && line.chars().count() + 1 + word.chars().count() > WIDTH {
            out.push_str(&line);
            out.push('\n');
            line = String::from("#");
        }
        line.push(' ');
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
}

/// `text` cut to `width` characters, with `...` when cut.
fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(width.saturating_sub(5)).collect();
    cut.push_str("... ");
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_for_toml() {
        assert_eq!(quote("Gestione \"cassetto\" a\\b"), r#""Gestione \"cassetto\" a\\b""#);
        assert_eq!(quote("a\nb\u{7}"), r#""a\nb\u0007""#);
        let parsed: toml::Table = toml::from_str(&format!("k = {}", quote("≥ 90% \"x\" \\ \n"))).unwrap();
        assert_eq!(parsed["k"].as_str(), Some("≥ 90% \"x\" \\ \n"));
    }

    #[test]
    fn comments_wrap() {
        let mut out = String::new();
        comment(&mut out, &"parola ".repeat(40));
        assert!(out.lines().all(|line| line.starts_with("# ") && line.chars().count() <= WIDTH));
        assert!(out.lines().count() > 2);
    }
}
