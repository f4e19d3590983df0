//! A plan written back as TOML, in the layout of a hand-written plan: `[plan]`, `[scoring]`,
//! the registries, then the tree top-down with each node's revisions right after it.
//!
//! Values are written in canonical form (targets as `Target` prints them, decimals exactly), so
//! reading the text back gives the same plan: `diff(plan, load(write(plan)))` is empty.

use std::fmt::Write as _;

use rust_decimal::Decimal;

use crate::plan::{
    Acceptance, Act, ActNumber, Band, Base, BodyRule, GroupWeights, Level, Node, NodeFields, NodeKind, Outcome,
    PartsRule, Plan, PolaritySource, Previous, Revision, ScoringRules, Status,
};
use crate::render::style::one_line;

/// A TOML basic string: `"`, `\`, control characters and the characters that cannot be seen or
/// that reorder text (bidirectional and zero-width controls) escaped.
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
            // Written as escapes, the same value: a character that cannot be seen or that reorders
            // text shows in the file (every such character is in the Basic Multilingual Plane).
            c if super::style::is_hidden(c) => {
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
    if meta.act_number != ActNumber::Required {
        let _ = writeln!(out, "act-number = \"{}\"", meta.act_number.as_str());
    }
    if let Some(notes) = &meta.notes {
        let _ = writeln!(out, "notes = {}", quote(notes));
    }
    accepted(&meta.accepted, &mut out);
    let rules = &plan.scoring;
    let _ = writeln!(out, "\n[scoring]\ncap = {}\nfloor = {}", decimal(rules.cap), decimal(rules.floor));
    // Bands say where each status starts: a plan with bands has no partial threshold.
    if rules.bands.is_empty() {
        let _ = writeln!(out, "partial-threshold = {}", decimal(rules.partial_threshold));
    }
    let _ = writeln!(
        out,
        "missing-data = \"{}\"\ndeadline-grace-days = {}",
        rules.missing_data.as_str(),
        rules.deadline_grace_days
    );
    scoring_choices(rules, &mut out);
    if !plan.level_names.is_empty() {
        out.push_str("\n[levels]\n");
        for level in Level::ALL {
            if let Some(name) = plan.level_names.get(level) {
                let _ = writeln!(
                    out,
                    "{} = {{ name = {}, plural = {} }}",
                    level.key(),
                    quote(&name.name),
                    quote(&name.plural)
                );
            }
        }
    }
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

/// The rules of `[scoring]` a plan of another shape chooses, written only when they are not the
/// defaults (so that the seed's plan is written as before).
fn scoring_choices(rules: &ScoringRules, out: &mut String) {
    if rules.body != BodyRule::default() {
        let _ = writeln!(out, "body = \"{}\"", rules.body.as_str());
    }
    if rules.parts != PartsRule::default() {
        let _ = writeln!(out, "parts = \"{}\"", rules.parts.as_str());
    }
    if rules.group_weights != GroupWeights::default() {
        let _ = writeln!(out, "group-weights = \"{}\"", rules.group_weights.as_str());
    }
    if !rules.bands.is_empty() {
        let _ = writeln!(out, "bands = {}", bands_inline(&rules.bands));
    }
}

/// `[{ from = "0", label = "non raggiunto", score = "0" }, ...]`.
fn bands_inline(bands: &[Band]) -> String {
    let bands: Vec<String> = bands
        .iter()
        .map(|band| {
            let score = band.score.map(|s| format!(", score = {}", decimal(s))).unwrap_or_default();
            format!("{{ from = {}, label = {}{score} }}", decimal(band.from), quote(&band.label))
        })
        .collect();
    format!("[{}]", bands.join(", "))
}

/// A decimal as a quoted exact string: `"1.45"`.
fn decimal(value: Decimal) -> String {
    quote(&value.normalize().to_string())
}

/// `{ year = 2023, value = "1200" }`.
fn base_inline(base: &Base) -> String {
    format!("{{ year = {}, value = {} }}", base.year, decimal(base.value))
}

/// `{ 2024 = "2", 2025 = "3" }`: a table of years to decimals.
fn by_year_inline(values: &std::collections::BTreeMap<i32, Decimal>) -> String {
    let entries: Vec<String> = values.iter().map(|(year, value)| format!("{year} = {}", decimal(*value))).collect();
    format!("{{ {} }}", entries.join(", "))
}

/// The fields any node may carry: code, responsible, resources, links.
fn node_fields(fields: &NodeFields, out: &mut String) {
    if let Some(code) = &fields.code {
        let _ = writeln!(out, "code = {}", quote(code));
    }
    if let Some(responsible) = &fields.responsible {
        let mut parts = Vec::new();
        if let Some(office) = &responsible.office {
            parts.push(format!("office = {}", quote(office)));
        }
        if let Some(person) = &responsible.person {
            parts.push(format!("person = {}", quote(person)));
        }
        let _ = writeln!(out, "responsible = {{ {} }}", parts.join(", "));
    }
    if !fields.resources.is_empty() {
        let _ = writeln!(out, "resources = {}", by_year_inline(&fields.resources));
    }
    if !fields.links.is_empty() {
        let links: Vec<String> = fields
            .links
            .iter()
            .map(|link| {
                let title = link.title.as_ref().map(|t| format!(", title = {}", quote(t))).unwrap_or_default();
                format!("{{ kind = \"{}\", ref = {}{title} }}", link.kind.as_str(), quote(&link.reference))
            })
            .collect();
        let _ = writeln!(out, "links = [{}]", links.join(", "));
    }
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
    if level == Level::StrategicObjective {
        let _ = writeln!(out, "\n# ── {} ─ {}", node.id, one_line(&node.name.chars().take(80).collect::<String>()));
    }
    let _ = writeln!(out, "\n[[{}]]\nid = {}", level.key(), quote(&node.id));
    if let Some(parent) = node.parent {
        let parent = plan.node(parent);
        let _ = writeln!(out, "{} = {}", level.parent_key(parent.level()), quote(&parent.id));
    }
    let _ = writeln!(out, "name = {}", quote(&node.name));
    if let Some(p) = node.perspective {
        let _ = writeln!(out, "perspective = {}", quote(&plan.perspectives[p].id));
    }
    if let NodeKind::Indicator(indicator) = &node.kind {
        if let Some(formula) = &indicator.rare().formula {
            let _ = writeln!(out, "formula = {}", quote(formula));
        }
        let _ = writeln!(out, "unit = \"{}\"", indicator.unit.as_str());
        if indicator.polarity_source == PolaritySource::Declared {
            let _ = writeln!(out, "polarity = \"{}\"", indicator.polarity.as_str());
        }
        if let Some(scale) = indicator.rare().scale {
            let _ = writeln!(out, "scale = {}", quote(&plan.scales[scale].id));
        }
        let years = indicator.targets.iter().map(|(year, target)| (year.to_string(), target));
        let periods =
            indicator.rare().period_targets.iter().map(|(period, target)| (quote(&period.to_string()), target));
        let targets: Vec<String> =
            years.chain(periods).map(|(key, target)| format!("{key} = {}", quote(&target.to_string()))).collect();
        if !targets.is_empty() {
            let _ = writeln!(out, "targets = {{ {} }}", targets.join(", "));
        }
        let measures: Vec<String> = indicator
            .rare()
            .measures
            .iter()
            .map(|measure| {
                let polarity = match measure.polarity_source {
                    PolaritySource::Declared => format!(", polarity = \"{}\"", measure.polarity.as_str()),
                    _ => String::new(),
                };
                let base = measure.base.as_ref().map(|b| format!(", base = {}", base_inline(b))).unwrap_or_default();
                format!(
                    "{{ id = {}, name = {}, unit = \"{}\"{polarity}{base} }}",
                    quote(&measure.id),
                    quote(&measure.name),
                    measure.unit.as_str()
                )
            })
            .collect();
        if !measures.is_empty() {
            let _ = writeln!(out, "measures = [{}]", measures.join(", "));
        }
        if let Some(base) = &indicator.rare().base {
            let _ = writeln!(out, "base = {}", base_inline(base));
        }
        if !indicator.rare().bands.is_empty() {
            let _ = writeln!(out, "bands = {}", bands_inline(&indicator.rare().bands));
        }
        if let Some(kind) = indicator.rare().indicator_type {
            let _ = writeln!(out, "type = \"{}\"", kind.as_str());
        }
        if let Some(source) = &indicator.rare().data_source {
            let _ = writeln!(out, "source = {}", quote(source));
        }
        if !indicator.services.is_empty() {
            let _ = writeln!(
                out,
                "services = {}",
                ids_inline(indicator.services.iter().map(|&s| plan.services[s].id.as_str()))
            );
        }
        if !indicator.areas.is_empty() && !indicator.cross_cutting {
            let _ = writeln!(out, "area = {}", ids_inline(indicator.areas.iter().map(|&a| plan.areas[a].id.as_str())));
        }
        if indicator.cross_cutting {
            out.push_str("cross-cutting = true\n");
        }
        if let Some(service) = indicator.rare().reported_by {
            let _ = writeln!(out, "reported-by = {}", quote(&plan.services[service].id));
        }
    }
    if !node.weights_by_year().is_empty() {
        let _ = writeln!(out, "weight = {}", by_year_inline(node.weights_by_year()));
    } else if node.weight != Decimal::ONE {
        let _ = writeln!(out, "weight = {}", decimal(node.weight));
    }
    node_fields(node.fields(), out);
    if node.status == Status::Removed {
        out.push_str("status = \"removed\"\n");
    }
    if let Some(notes) = &node.notes() {
        let _ = writeln!(out, "notes = {}", quote(notes));
    }
    accepted(node.accepted(), out);
    for revision in node.revisions() {
        self::revision(plan, level, revision, out);
    }
}

fn revision(plan: &Plan, level: Level, revision: &Revision, out: &mut String) {
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
        let _ = writeln!(out, "previous = {}", previous_table(plan, level, previous));
    }
}

fn previous_table(plan: &Plan, level: Level, previous: &Previous) -> String {
    let mut parts = Vec::new();
    if let Some(name) = &previous.name {
        parts.push(format!("name = {}", quote(name)));
    }
    if let Some(parent) = &previous.parent {
        // The key names the previous parent's level (validation checked it is in the plan).
        let parent_level = plan.find(parent).map_or(level, |p| plan.node(p).level());
        let key = level.parent_key(parent_level);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_quoted_with_hidden_characters_escaped_and_read_back_the_same() {
        let text = "Sì, \"tutto\"\\ a\tcapo\r\nESC\u{1b}[2J RLO\u{202e} ZWSP\u{200b} BOM\u{feff} 東京";
        let quoted = quote(text);
        assert_eq!(
            quoted,
            "\"Sì, \\\"tutto\\\"\\\\ a\\tcapo\\r\\nESC\\u001B[2J RLO\\u202E ZWSP\\u200B BOM\\uFEFF 東京\""
        );
        let table: toml::Table = format!("text = {quoted}").parse().expect("a TOML string");
        assert_eq!(table["text"].as_str(), Some(text));
    }
}
