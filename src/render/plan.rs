//! A plan written back as TOML, in the layout of a hand-written plan: `[plan]`, `[scoring]`,
//! the registries, then the tree top-down with each node's revisions right after it.
//!
//! Values are written in canonical form (targets as `Target` prints them, decimals exactly), so
//! reading the text back gives the same plan: `diff(plan, load(write(plan)))` is empty.

use std::fmt::Write as _;

use crate::plan::{Acceptance, Act, Level, Node, NodeKind, Outcome, Plan, PolaritySource, Previous, Revision, Status};
use crate::render::style::one_line;

/// A TOML basic string: `"`, `\` and control characters escaped.
pub fn quote(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\t' => quoted.push_str("\\t"),
            '\r' => quoted.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(quoted, "\\u{:04X}", u32::from(c));
            }
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// An act as an inline table: `{ body = "Giunta", number = "97", date = 2018-07-26 }`.
pub fn act_inline(act: &Act) -> String {
    let mut parts = Vec::new();
    if let Some(body) = &act.body {
        parts.push(format!("body = {}", quote(body)));
    }
    if let Some(number) = &act.number {
        parts.push(format!("number = {}", quote(number)));
    }
    if let Some(date) = act.date {
        parts.push(format!("date = {}", date.iso()));
    }
    format!("{{ {} }}", parts.join(", "))
}

/// One id as a string, several as an array.
pub fn ids_inline<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    let list: Vec<String> = ids.map(quote).collect();
    match list.as_slice() {
        [one] => one.clone(),
        _ => format!("[{}]", list.join(", ")),
    }
}

/// The plan as TOML text, after an optional `#` comment `header`.
pub fn toml(plan: &Plan, header: &str) -> String {
    let mut out = String::new();
    for line in header.lines() {
        let _ = writeln!(out, "# {}", one_line(line));
    }
    if !header.is_empty() {
        out.push('\n');
    }
    let meta = &plan.metadata;
    let _ = writeln!(out, "[plan]\nbody = {}\ntitle = {}\nyear = {}", quote(&meta.body), quote(&meta.title), meta.year);
    let _ = writeln!(out, "horizon = [{}, {}]", meta.first_year, meta.last_year);
    if let Some(adopted_by) = &meta.adopted_by {
        let _ = writeln!(out, "adopted-by = {}", act_inline(adopted_by));
    }
    if let Some(lang) = meta.lang {
        let _ = writeln!(out, "lang = {}", quote(lang.code()));
    }
    if let Some(notes) = &meta.notes {
        let _ = writeln!(out, "notes = {}", quote(notes));
    }
    accepted(&meta.accepted, &mut out);
    let rules = &plan.scoring;
    let _ = writeln!(
        out,
        "\n[scoring]\ncap = {}\nfloor = {}\npartial-threshold = {}\nmissing-data = \"{}\"\ndeadline-grace-days = {}",
        quote(&rules.cap.normalize().to_string()),
        quote(&rules.floor.normalize().to_string()),
        quote(&rules.partial_threshold.normalize().to_string()),
        rules.missing_data.as_str(),
        rules.deadline_grace_days
    );
    for area in &plan.areas {
        let _ = writeln!(out, "\n[[area]]\nid = {}\nname = {}", quote(&area.id), quote(&area.name));
    }
    for service in &plan.services {
        let area = &plan.areas[service.area].id;
        let _ = writeln!(
            out,
            "\n[[service]]\nid = {}\nname = {}\narea = {}",
            quote(&service.id),
            quote(&service.name),
            quote(area)
        );
    }
    for perspective in &plan.perspectives {
        let _ =
            writeln!(out, "\n[[perspective]]\nid = {}\nname = {}", quote(&perspective.id), quote(&perspective.name));
    }
    for scale in &plan.scales {
        let levels = scale.levels.iter().map(|l| quote(l)).collect::<Vec<_>>().join(", ");
        let _ =
            writeln!(out, "\n[[scale]]\nid = {}\nname = {}\nlevels = [{levels}]", quote(&scale.id), quote(&scale.name));
    }
    for index in plan.walk() {
        node(plan, plan.node(index), &mut out);
    }
    for entry in &plan.overrides {
        let _ = writeln!(out, "\n[[override]]\nnode = {}\nyear = {}", quote(&plan.node(entry.node).id), entry.year);
        let _ = writeln!(out, "outcome = \"{}\"", entry.outcome.as_str());
        if let Outcome::Reassessed(attainment) = entry.outcome {
            let _ = writeln!(out, "attainment = {}", quote(&attainment.normalize().to_string()));
        }
        let _ = writeln!(out, "reason = {}", quote(&entry.reason));
        let _ = writeln!(out, "decided-by = {}", quote(&entry.decided_by));
        let _ = writeln!(out, "act = {}", act_inline(&entry.act));
    }
    out
}

/// `accept = [...]`, one acceptance a line.
fn accepted(acceptances: &[Acceptance], out: &mut String) {
    if acceptances.is_empty() {
        return;
    }
    out.push_str("accept = [\n");
    for acceptance in acceptances {
        let _ = writeln!(out, "  {{ code = \"{}\", reason = {} }},", acceptance.code, quote(&acceptance.reason));
    }
    out.push_str("]\n");
}

fn node(plan: &Plan, node: &Node, out: &mut String) {
    let level = node.level();
    let parent = node.parent.map(|p| plan.node(p).id.as_str());
    if level == Level::StrategicObjective {
        let _ = writeln!(out, "\n# ── {} ─ {}", node.id, one_line(&node.name.chars().take(80).collect::<String>()));
    }
    let _ = writeln!(out, "\n[[{}]]\nid = {}", level.key(), quote(&node.id));
    let parent_key = match level {
        Level::Mission => None,
        Level::StrategicObjective => Some("mission"),
        Level::Program => Some("strategic-objective"),
        Level::OperationalObjective => Some("program"),
        Level::Indicator => Some("objective"),
    };
    if let (Some(key), Some(parent)) = (parent_key, parent) {
        let _ = writeln!(out, "{key} = {}", quote(parent));
    }
    let _ = writeln!(out, "name = {}", quote(&node.name));
    match &node.kind {
        NodeKind::StrategicObjective { perspective: Some(p) } => {
            let _ = writeln!(out, "perspective = {}", quote(&plan.perspectives[*p].id));
        }
        NodeKind::Indicator(indicator) => {
            if let Some(formula) = &indicator.formula {
                let _ = writeln!(out, "formula = {}", quote(formula));
            }
            let _ = writeln!(out, "unit = \"{}\"", indicator.unit.as_str());
            if indicator.polarity_source == PolaritySource::Declared {
                let _ = writeln!(out, "polarity = \"{}\"", indicator.polarity.as_str());
            }
            if let Some(scale) = indicator.scale {
                let _ = writeln!(out, "scale = {}", quote(&plan.scales[scale].id));
            }
            let targets: Vec<String> = indicator
                .targets
                .iter()
                .map(|(year, target)| format!("{year} = {}", quote(&target.to_string())))
                .collect();
            if !targets.is_empty() {
                let _ = writeln!(out, "targets = {{ {} }}", targets.join(", "));
            }
            if !indicator.services.is_empty() {
                let _ = writeln!(
                    out,
                    "services = {}",
                    ids_inline(indicator.services.iter().map(|&s| plan.services[s].id.as_str()))
                );
            }
            if !indicator.areas.is_empty() && !indicator.cross_cutting {
                let _ =
                    writeln!(out, "area = {}", ids_inline(indicator.areas.iter().map(|&a| plan.areas[a].id.as_str())));
            }
            if indicator.cross_cutting {
                out.push_str("cross-cutting = true\n");
            }
            if let Some(service) = indicator.reported_by {
                let _ = writeln!(out, "reported-by = {}", quote(&plan.services[service].id));
            }
        }
        _ => {}
    }
    if node.weight != rust_decimal::Decimal::ONE {
        let _ = writeln!(out, "weight = {}", quote(&node.weight.normalize().to_string()));
    }
    if node.status == Status::Removed {
        out.push_str("status = \"removed\"\n");
    }
    if let Some(notes) = &node.notes {
        let _ = writeln!(out, "notes = {}", quote(notes));
    }
    accepted(&node.accepted, out);
    for revision in &node.revisions {
        self::revision(level, revision, out);
    }
}

fn revision(level: Level, revision: &Revision, out: &mut String) {
    let _ = writeln!(out, "\n[[{}.revision]]\nchange = \"{}\"", level.key(), revision.change.as_str());
    if let Some(by) = &revision.act {
        let _ = writeln!(out, "act = {}", act_inline(by));
    }
    if let Some(year) = revision.year {
        let _ = writeln!(out, "year = {year}");
    }
    if let Some(note) = &revision.note {
        let _ = writeln!(out, "note = {}", quote(note));
    }
    if let Some(previous) = &revision.previous {
        let _ = writeln!(out, "previous = {}", previous_table(level, previous));
    }
}

fn previous_table(level: Level, previous: &Previous) -> String {
    let mut parts = Vec::new();
    if let Some(name) = &previous.name {
        parts.push(format!("name = {}", quote(name)));
    }
    if let Some(parent) = &previous.parent {
        let key = match level {
            Level::StrategicObjective => "mission",
            Level::Program => "strategic-objective",
            Level::OperationalObjective => "program",
            _ => "objective",
        };
        parts.push(format!("{key} = {}", quote(parent)));
    }
    if let Some(formula) = &previous.formula {
        parts.push(format!("formula = {}", quote(formula)));
    }
    if let Some(unit) = previous.unit {
        parts.push(format!("unit = \"{}\"", unit.as_str()));
    }
    if let Some(polarity) = previous.polarity {
        parts.push(format!("polarity = \"{}\"", polarity.as_str()));
    }
    if let Some(weight) = previous.weight {
        parts.push(format!("weight = {}", quote(&weight.normalize().to_string())));
    }
    if !previous.targets.is_empty() {
        let targets: Vec<String> = previous
            .targets
            .iter()
            .map(|(year, target)| {
                format!("{year} = {}", quote(&target.as_ref().map(ToString::to_string).unwrap_or_default()))
            })
            .collect();
        parts.push(format!("targets = {{ {} }}", targets.join(", ")));
    }
    if let Some(services) = &previous.services {
        parts.push(format!("services = {}", ids_inline(services.iter().map(String::as_str))));
    }
    if let Some(areas) = &previous.areas {
        parts.push(format!("area = {}", ids_inline(areas.iter().map(String::as_str))));
    }
    format!("{{ {} }}", parts.join(", "))
}
