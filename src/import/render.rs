//! The draft → TOML text, laid out like a plan written by hand (`plans/maremma-tirreno-2019.toml`):
//! a header comment saying where the plan comes from and what was inferred, `[plan]`,
//! `[scoring]`, the registries, then the tree top-down (each mission, each of its strategic
//! objectives with its dashboard indicators, its programs, their operational objectives and
//! their indicators), every node's revisions right after it. Each node's header names its
//! source row (`[[indicator]] # riga 13`); `#` comments above a node say how rows that needed
//! interpreting were read. The comments speak the plan's language (Italian unless `--lang`
//! says otherwise); targets are written as the source writes them.

use std::fmt::Write as _;

use crate::i18n::Lang;
use crate::msg;
use crate::render::plan::quote;
use crate::render::style::{one_line, visible};

use super::draft::{Draft, Indicator, Node};
use super::grid::{Input, Kind, Place};
use super::resolve::{Resolved, SCALE};

/// The width comments are wrapped to.
const WIDTH: usize = 100;

/// `rows`: how many rows the source had, to size the text once (a plan takes about 230 bytes
/// per indicator row).
pub(crate) fn render(input: &Input, rows: usize, draft: &Draft, resolved: &Resolved, lang: Lang) -> String {
    let mut out = String::with_capacity(rows * 260 + 4096);
    header(&mut out, input, draft, resolved, lang);
    plan(&mut out, draft, resolved, lang);
    registries(&mut out, draft, resolved, lang);
    for mission in &draft.missions {
        let banner = "═".repeat(WIDTH - 2);
        let title = msg!("import-comment-mission", id = &mission.node.id).render(lang);
        let _ = writeln!(out, "# {banner}\n# {}\n# {banner}\n", visible(&title));
        node(&mut out, input, lang, "mission", &mission.node, &[]);
        for objective in &mission.objectives {
            let title = format!("── {} ─ {} ", objective.node.id, one_line(&objective.node.name));
            let title = fit(&title, WIDTH - 2);
            let pad = (WIDTH - 2).saturating_sub(title.chars().count());
            let _ = writeln!(out, "# {title}{}\n", "─".repeat(pad));
            let mut keys = vec![("mission", quote(&mission.node.id))];
            if let Some(perspective) = objective.perspective {
                keys.push(("perspective", quote(&draft.perspectives[perspective].id)));
            }
            node(&mut out, input, lang, "strategic-objective", &objective.node, &keys);
            for indicator_ in &objective.indicators {
                indicator(&mut out, input, lang, indicator_, &objective.node.id);
            }
            for program in &objective.programs {
                let keys = [("strategic-objective", quote(&objective.node.id))];
                node(&mut out, input, lang, "program", &program.node, &keys);
                for operational in &program.objectives {
                    node(
                        &mut out,
                        input,
                        lang,
                        "operational-objective",
                        &operational.node,
                        &[("program", quote(&program.node.id))],
                    );
                    for indicator_ in &operational.indicators {
                        indicator(&mut out, input, lang, indicator_, &operational.node.id);
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

fn header(out: &mut String, input: &Input, draft: &Draft, resolved: &Resolved, lang: Lang) {
    let what = match &input.kind {
        Kind::Text { delimiter, .. } => {
            let delimiter = match delimiter {
                b'\t' => "tab",
                b';' => "semicolon",
                _ => "comma",
            };
            msg!("import-comment-text", delimiter = delimiter)
        }
        Kind::Workbook { format } => {
            msg!("import-comment-workbook", format = format).count("sheets", input.sheets.len())
        }
    };
    let mut lines = vec![msg!("import-comment-imported", file = &input.name).message("what", what).render(lang)];
    let span = |rows: &Option<(Place, Place)>| {
        rows.map(|(first, last)| match (&input.kind, input.sheet_name(first)) {
            (Kind::Text { .. }, _) => msg!("import-comment-lines", first = first.row, last = last.row),
            (Kind::Workbook { .. }, _) if first.sheet != last.sheet => msg!("import-comment-from-to")
                .message("first", input.row_name(first))
                .message("last", input.row_name(last)),
            (Kind::Workbook { .. }, None) => msg!("import-comment-rows", first = first.row, last = last.row),
            (Kind::Workbook { .. }, Some(sheet)) => {
                msg!("import-comment-sheet-rows", sheet = sheet, first = first.row, last = last.row)
            }
        })
    };
    let dashboard =
        span(&draft.hints.dashboard_rows).map(|rows| msg!("import-comment-dashboard").message("rows", rows));
    let operational =
        span(&draft.hints.operational_rows).map(|rows| msg!("import-comment-operational").message("rows", rows));
    let read = match (dashboard, operational) {
        (Some(dashboard), Some(operational)) => {
            msg!("import-comment-read-both").message("dashboard", dashboard).message("operational", operational)
        }
        (Some(part), None) | (None, Some(part)) => msg!("import-comment-read").message("parts", part),
        (None, None) => msg!("import-comment-read").arg("parts", ""),
    };
    lines.push(read.render(lang));
    lines.push(String::new());
    lines.push(msg!("import-comment-inferred").render(lang));
    lines.extend(resolved.metadata.inferred.iter().map(|line| format!("- {};", line.render(lang))));
    if let Some(last) = lines.last_mut() {
        last.pop();
        last.push('.');
    }
    lines.push(String::new());
    lines.push(msg!("import-comment-headers").render(lang));
    for line in lines {
        comment(out, &line);
    }
    out.push('\n');
}

fn plan(out: &mut String, draft: &Draft, resolved: &Resolved, lang: Lang) {
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
    comment(out, &msg!("import-comment-scoring").render(lang));
    let _ = writeln!(
        out,
        "[scoring]\ncap = 100\nfloor = 0\npartial-threshold = 70\nmissing-data = \"exclude\"\ndeadline-grace-days = 0\n"
    );
}

fn registries(out: &mut String, draft: &Draft, resolved: &Resolved, lang: Lang) {
    let title = msg!("import-comment-registries").render(lang);
    let title = visible(&title);
    let rule = "─".repeat((WIDTH - 7).saturating_sub(title.chars().count()));
    let _ = writeln!(out, "# ── {title} {rule}\n");
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
        comment(out, &msg!("import-comment-scale").render(lang));
        let levels = SCALE.1.iter().map(|l| quote(l)).collect::<Vec<_>>().join(", ");
        let _ = writeln!(out, "[[scale]]\nid = {}\nlevels = [{levels}]\n", quote(SCALE.0));
    }
}

/// A node's header, keys and revisions; `keys` come after `id` (the parent, the perspective).
fn node(out: &mut String, input: &Input, lang: Lang, table: &str, node: &Node, keys: &[(&str, String)]) {
    start(out, input, lang, table, node);
    for (key, value) in keys {
        let _ = writeln!(out, "{key} = {value}");
    }
    let _ = writeln!(out, "name = {}", quote(&node.name));
    rest(out, node);
    out.push('\n');
    revisions(out, table, node);
}

fn start(out: &mut String, input: &Input, lang: Lang, table: &str, node: &Node) {
    for line in &node.comments {
        comment(out, line);
    }
    let _ = writeln!(out, "[[{table}]] # {}", one_line(&input.row_name(node.place).render(lang)));
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

fn indicator(out: &mut String, input: &Input, lang: Lang, indicator: &Indicator, objective: &str) {
    start(out, input, lang, "indicator", &indicator.node);
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
