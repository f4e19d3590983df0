//! Scorecards → tables (comfy-table), CSV, JSON and Markdown.
//!
//! People's formats (table, Markdown) write numbers the Italian way (`87,50`); machine formats
//! (CSV, JSON) write plain numbers with a decimal point (`87.50`). Attainment is always shown
//! with two decimals rounded half away from zero; the unrounded value is what roll-ups use.

use std::fmt::Write as _;

use comfy_table::{Cell, Color};
use rust_decimal::Decimal;
use serde_json::{Value as Json, json};

use crate::actuals::Value;
use crate::number::{format_fixed, format_italian, round_half_away};
use crate::plan::{Level, Outcome, Plan, ScoringRules, Unit};
use crate::provenance::Provenance;
use crate::score::{IndicatorScore, Overridden, Rollup, Scorecard, Status};

use super::style::{Style, visible};
use super::table::{fit_columns, new_table};

/// Which rows a report shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportLevel {
    /// The body, missions, strategic objectives and areas, then the indicators.
    Summary,
    /// Indicators.
    Indicator,
    /// Operational objectives.
    Operational,
    /// Programs.
    Program,
    /// Strategic objectives.
    Strategic,
    /// Missions.
    Mission,
    /// Areas.
    Area,
    /// Services.
    Service,
    /// Every level.
    All,
}

/// One rolled-up row: the body, a node, an area or a service.
#[derive(Debug, Clone)]
pub struct RollupRow {
    /// `body`, `mission`, `strategic`, `program`, `operational`, `area` or `service` (the names
    /// of `--level`).
    pub level: &'static str,
    /// The id (empty for the body).
    pub id: String,
    /// The name.
    pub name: String,
    /// The roll-up.
    pub rollup: Rollup,
    /// For strategic objectives: the roll-up of their operational plan.
    pub operational: Option<Rollup>,
    /// The override that set the row's result, if any.
    pub overridden: Option<Overridden>,
}

/// The rolled-up rows of the requested levels, in report order.
pub fn rollup_rows(plan: &Plan, scorecard: &Scorecard, level: ReportLevel) -> Vec<RollupRow> {
    let wants = |candidate: ReportLevel| match level {
        ReportLevel::All => true,
        ReportLevel::Summary => {
            matches!(
                candidate,
                ReportLevel::Mission | ReportLevel::Strategic | ReportLevel::Area | ReportLevel::Summary
            )
        }
        other => other == candidate,
    };
    let mut rows = Vec::new();
    if wants(ReportLevel::Summary) {
        rows.push(RollupRow {
            level: "body",
            id: String::new(),
            name: plan.metadata.body.clone(),
            rollup: scorecard.body,
            operational: None,
            overridden: None,
        });
    }
    for node_level in [Level::Mission, Level::StrategicObjective, Level::Program, Level::OperationalObjective] {
        let report_level = match node_level {
            Level::Mission => ReportLevel::Mission,
            Level::StrategicObjective => ReportLevel::Strategic,
            Level::Program => ReportLevel::Program,
            _ => ReportLevel::Operational,
        };
        if !wants(report_level) {
            continue;
        }
        for score in scorecard.nodes.iter().filter(|s| plan.node(s.node).level() == node_level) {
            let node = plan.node(score.node);
            let level = match node_level {
                Level::Mission => "mission",
                Level::StrategicObjective => "strategic",
                Level::Program => "program",
                _ => "operational",
            };
            rows.push(RollupRow {
                level,
                id: node.id.clone(),
                name: node.name.clone(),
                rollup: score.rollup,
                operational: score.operational,
                overridden: score.overridden.clone(),
            });
        }
    }
    for (wanted, level_name, groups) in
        [(ReportLevel::Area, "area", &scorecard.areas), (ReportLevel::Service, "service", &scorecard.services)]
    {
        if wants(wanted) {
            rows.extend(groups.iter().map(|g| RollupRow {
                level: level_name,
                id: g.id.clone(),
                name: g.name.clone(),
                rollup: g.rollup,
                operational: None,
                overridden: None,
            }));
        }
    }
    rows
}

/// Whether the report shows the indicators.
fn shows_indicators(level: ReportLevel) -> bool {
    matches!(level, ReportLevel::Summary | ReportLevel::Indicator | ReportLevel::All)
}

/// `87,50` (Italian, for people).
pub fn percent_italian(value: Decimal) -> String {
    format_fixed(value, 2).replace('.', ",")
}

/// `87.50` (plain, for machines).
pub fn percent_plain(value: Decimal) -> String {
    format_fixed(value, 2)
}

/// An actual as people read it: `98,5%`, `3,2 gg`, `31/12/2019`, `sì`, `medio`, `n.d.`.
pub fn actual_text(value: &Value, unit: Unit) -> String {
    match (value, unit) {
        (Value::Number(number), Unit::Percent) => format!("{}%", format_italian(round_half_away(*number, 4))),
        (Value::Number(number), Unit::Days) => format!("{} gg", format_italian(round_half_away(*number, 4))),
        (Value::Number(number), Unit::Euro) => format!("{} €", format_italian(round_half_away(*number, 4))),
        (Value::Number(number), _) => format_italian(round_half_away(*number, 4)),
        (other, _) => other.to_string(),
    }
}

/// The actual in plain machine form: numbers with a decimal point (at most 6 decimals, half away
/// from zero: a value computed as numerator / denominator has 28), dates in ISO form.
fn actual_plain(value: &Value) -> String {
    match value {
        Value::Number(number) => round_half_away(*number, 6).normalize().to_string(),
        Value::Date(date) => date.iso(),
        Value::YesNo(done) => if *done { "yes" } else { "no" }.to_owned(),
        Value::Level(level) => level.clone(),
        Value::NotAvailable => "n.d.".to_owned(),
    }
}

fn coverage(rollup: &Rollup) -> String {
    format!("{}/{}", rollup.scored, rollup.expected)
}

/// The mark of a result set by an override in people's formats, explained in the overrides
/// section.
const OVERRIDE_MARK: &str = " *";

/// An attainment as people read it (`87,50`), marked when an override set it; `neutralised`
/// for a result an override left out; `—` for none.
fn attainment_text(attainment: Option<Decimal>, overridden: Option<&Overridden>) -> String {
    match (attainment, overridden) {
        (_, Some(o)) if o.decision.outcome == Outcome::Neutralised => "neutralised".to_owned(),
        (Some(a), Some(_)) => format!("{}{OVERRIDE_MARK}", percent_italian(a)),
        (Some(a), None) => percent_italian(a),
        (None, _) => "—".to_owned(),
    }
}

/// The override's note: `reassessed at 100 by OIV (OIV n. 3 del 15/04/2020): <reason>;
/// computed: 45,00, missed`.
pub fn override_note(overridden: &Overridden) -> String {
    format!("{}; {}", overridden.decision.describe(), overridden.computed_text())
}

/// The note of an indicator row: the override, the reason it is unscored or what it was
/// compared with, and the note given with the actual.
fn indicator_note(score: &IndicatorScore) -> String {
    let decision = score.overridden.as_ref().map(override_note);
    [decision.as_deref(), score.reason.as_deref(), score.note.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The section listing the overrides applied, one line each (`- ` for Markdown, indented for
/// text); empty when none applies.
fn overrides_section(plan: &Plan, scorecard: &Scorecard, bullet: &str) -> String {
    let lines: Vec<String> = scorecard
        .overridden()
        .map(|(node, o)| format!("{bullet}{}: {}", plan.node(node).id, override_note(o)))
        .collect();
    if lines.is_empty() {
        return String::new();
    }
    format!("Overrides of outcomes, {} (results marked *, or neutralised):\n{}\n", scorecard.year, lines.join("\n"))
}

/// The rules as lines of text, for `--explain` and report headers.
pub fn rules_lines(rules: &ScoringRules) -> Vec<String> {
    vec![
        format!("cap: {} (highest attainment of an indicator)", format_italian(rules.cap)),
        format!("floor: {} (attainment below it scores 0)", format_italian(rules.floor)),
        format!("partial threshold: {} (not met at or above it: partial; below: missed)", format_italian(rules.partial_threshold)),
        format!(
            "missing data: {} ({})",
            rules.missing_data.as_str(),
            match rules.missing_data {
                crate::plan::MissingData::Exclude => "left out of roll-ups and counted in the coverage",
                crate::plan::MissingData::Zero => "scored 0, weight kept",
                crate::plan::MissingData::Error => "an error",
            }
        ),
        format!(
            "deadlines: {}",
            if rules.deadline_grace_days == 0 {
                "late scores 0".to_owned()
            } else {
                format!("late falls from 100 to 0 over {} days", rules.deadline_grace_days)
            }
        ),
        "numbers: higher is better → actual / target × 100; lower is better → target / actual × 100; met → 100 (up to the cap)"
            .to_owned(),
        "roll-up: weighted mean of the scored children, weights renormalised over them".to_owned(),
        "rounding: 2 decimals, half away from zero (shown values only)".to_owned(),
    ]
}

/// A traffic light: how a result is coloured in the table and filled in the workbook of
/// `cruscotto export`. The word (the status, the number) is always shown beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Light {
    /// Met, or a roll-up at 100 or more.
    Green,
    /// Partial, or a roll-up at or above the partial threshold.
    Yellow,
    /// Missed, or a roll-up below the partial threshold.
    Red,
    /// Not scored.
    Grey,
}

impl Light {
    /// The light of an indicator's status.
    pub fn of_status(status: Status) -> Self {
        match status {
            Status::Met => Light::Green,
            Status::Partial => Light::Yellow,
            Status::Missed => Light::Red,
            _ => Light::Grey,
        }
    }

    /// The light of a rolled-up attainment, by the same thresholds as indicators.
    pub fn of_attainment(attainment: Option<Decimal>, rules: &ScoringRules) -> Self {
        match attainment {
            None => Light::Grey,
            Some(a) if a >= Decimal::ONE_HUNDRED => Light::Green,
            Some(a) if a >= rules.partial_threshold => Light::Yellow,
            Some(_) => Light::Red,
        }
    }

    fn color(self) -> Color {
        match self {
            Light::Green => Color::Green,
            Light::Yellow => Color::Yellow,
            Light::Red => Color::Red,
            Light::Grey => Color::DarkGrey,
        }
    }
}

fn status_color(status: Status) -> Color {
    Light::of_status(status).color()
}

/// The color of a rolled-up attainment, by the same thresholds as indicators.
fn attainment_color(attainment: Option<Decimal>, rules: &ScoringRules) -> Color {
    Light::of_attainment(attainment, rules).color()
}

/// The human report: header, rules (with `explain`), the rolled-up table, the indicators table.
pub fn table(
    plan: &Plan,
    scorecard: &Scorecard,
    level: ReportLevel,
    explain: bool,
    width: u16,
    style: Style,
) -> String {
    let mut out = header_text(plan, scorecard);
    if explain {
        out.push_str("\nScoring rules:\n");
        for line in rules_lines(&scorecard.rules) {
            let _ = writeln!(out, "  - {line}");
        }
    }
    let overrides = overrides_section(plan, scorecard, "  ");
    if !overrides.is_empty() {
        let _ = write!(out, "\n{overrides}");
    }
    let rows = rollup_rows(plan, scorecard, level);
    if !rows.is_empty() {
        let mut table = new_table(width, style);
        let strategic = rows.iter().any(|r| r.operational.is_some());
        let mut header = vec!["level", "id", "name", "attainment %", "coverage"];
        if strategic {
            header.push("operational %");
        }
        table.set_header(header);
        for row in &rows {
            let attainment = attainment_text(row.rollup.attainment, row.overridden.as_ref());
            let mut cells = vec![
                Cell::new(row.level),
                Cell::new(visible(&row.id)),
                Cell::new(visible(&row.name)),
                Cell::new(attainment).fg(attainment_color(row.rollup.attainment, &scorecard.rules)),
                Cell::new(coverage(&row.rollup)),
            ];
            if strategic {
                let operational = row.operational.map(|o| {
                    let text = o.attainment.map(percent_italian).unwrap_or_else(|| "—".to_owned());
                    Cell::new(format!("{text} ({})", coverage(&o))).fg(attainment_color(o.attainment, &scorecard.rules))
                });
                cells.push(operational.unwrap_or_else(|| Cell::new("")));
            }
            table.add_row(cells);
        }
        fit_columns(&mut table, &["level", "id", "attainment %", "coverage"]);
        let _ = write!(out, "\n{table}\n");
    }
    if shows_indicators(level) {
        let mut table = new_table(width, style);
        table.set_header(vec!["id", "name", "target", "actual", "attainment %", "status", "weight", "note"]);
        for score in &scorecard.indicators {
            let node = plan.node(score.node);
            let unit = node.indicator().map_or(Unit::Number, |i| i.unit);
            let actual = score.actual.as_ref().map(|v| actual_text(v, unit)).unwrap_or_default();
            let attainment = match (score.attainment, &score.overridden) {
                (Some(a), Some(_)) => format!("{}{OVERRIDE_MARK}", percent_italian(a)),
                (attainment, _) => attainment.map(percent_italian).unwrap_or_default(),
            };
            let note = indicator_note(score);
            table.add_row(vec![
                Cell::new(visible(&node.id)),
                Cell::new(visible(&node.name)),
                Cell::new(score.target.as_ref().map(|t| visible(&t.to_string()).into_owned()).unwrap_or_default()),
                Cell::new(visible(&actual)),
                Cell::new(attainment).fg(status_color(score.status)),
                Cell::new(score.status.as_str()).fg(status_color(score.status)),
                Cell::new(format_italian(score.weight)),
                Cell::new(visible(&note)),
            ]);
        }
        fit_columns(&mut table, &["id", "target", "actual", "attainment %", "status", "weight"]);
        let _ = write!(out, "\n{table}\n");
    }
    out
}

fn header_text(plan: &Plan, scorecard: &Scorecard) -> String {
    let meta = &plan.metadata;
    let body = scorecard.body.attainment.map(|a| format!("{}%", percent_italian(a))).unwrap_or_else(|| "—".to_owned());
    let counts = scorecard
        .status_counts()
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(status, n)| format!("{n} {}", status.as_str()))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "{}\n{} · attainment {}: {body} ({} of {} expected strategic indicators scored)\nindicators: {counts}\n",
        visible(&meta.title),
        visible(&meta.body),
        scorecard.year,
        scorecard.body.scored,
        scorecard.body.expected
    )
}

/// The columns of the indicator CSV, in the order of [`indicator_fields`].
pub const INDICATOR_COLUMNS: &[&str] = &[
    "id",
    "year",
    "level",
    "indicator_level",
    "name",
    "unit",
    "target",
    "reference",
    "actual",
    "deviation",
    "attainment",
    "status",
    "weight",
    "reason",
    "note",
    "source",
    "override",
    "override_reason",
    "override_decided_by",
    "override_act",
    "computed_status",
    "computed_attainment",
];

/// The override columns of both tables: outcome, reason, who decided, act.
fn override_fields(overridden: Option<&Overridden>) -> Vec<Field> {
    match overridden {
        None => vec![Field::Empty; 4],
        Some(o) => vec![
            Field::Text(o.decision.outcome.as_str().to_owned()),
            Field::Text(o.decision.reason.clone()),
            Field::Text(o.decision.decided_by.clone()),
            Field::Text(o.decision.act.to_string()),
        ],
    }
}

/// The columns of the rolled-up CSV, in the order of [`rollup_fields`].
pub const ROLLUP_COLUMNS: &[&str] = &[
    "level",
    "id",
    "name",
    "year",
    "attainment",
    "scored",
    "expected",
    "operational_attainment",
    "override",
    "override_reason",
    "override_decided_by",
    "override_act",
    "computed_attainment",
];

/// CSV of one table: the indicators (`--level indicator`, the default), or the rolled-up rows
/// of the other levels; `All` gives both in one table with the union of the columns (a cell a
/// row does not have is empty).
pub fn csv(plan: &Plan, scorecard: &Scorecard, level: ReportLevel) -> String {
    let indicators = matches!(level, ReportLevel::Indicator | ReportLevel::Summary | ReportLevel::All);
    let rollups = level != ReportLevel::Indicator && level != ReportLevel::Summary;
    let mut columns: Vec<&str> = Vec::new();
    if indicators {
        columns.extend(INDICATOR_COLUMNS);
    }
    if rollups {
        columns.extend(ROLLUP_COLUMNS.iter().filter(|c| !columns.contains(c)).collect::<Vec<_>>());
    }
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&columns).expect("writing to memory");
    let mut write = |cells: Vec<(&str, String)>| {
        let record = columns.iter().map(|c| cells.iter().find(|(k, _)| k == c).map(|(_, v)| v.as_str()).unwrap_or(""));
        writer.write_record(record).expect("writing to memory");
    };
    if indicators {
        for score in &scorecard.indicators {
            let fields = indicator_fields(plan, scorecard, score);
            write(INDICATOR_COLUMNS.iter().copied().zip(fields.iter().map(Field::plain)).collect());
        }
    }
    if rollups {
        for row in rollup_rows(plan, scorecard, level) {
            let fields = rollup_fields(&row, scorecard.year);
            write(ROLLUP_COLUMNS.iter().copied().zip(fields.iter().map(Field::plain)).collect());
        }
    }
    String::from_utf8(writer.into_inner().expect("flushing memory")).expect("UTF-8 fields")
}

/// One field of a result row, typed, so that each tabular output writes it its own way: the
/// CSV of `score` and `export` as plain text ([`Field::plain`]), the workbook of `export` as a
/// text, number, percentage or date cell. Both show the same numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    /// Nothing.
    Empty,
    /// Text.
    Text(String),
    /// A whole number: a year, a count.
    Integer(i64),
    /// A quantity, exactly as shown (already rounded where it is).
    Number(Decimal),
    /// A quantity in percent points (`98.5` is 98,5%), exactly as shown.
    Percent(Decimal),
    /// An attainment in percent points, unrounded: shown with two decimals rounded half away
    /// from zero (see [`Field::shown`]).
    Attainment(Decimal),
    /// A calendar date.
    Date(crate::date::Date),
}

impl Field {
    /// The number a numeric field shows: the attainment rounded to two decimals, the others as
    /// they are.
    pub fn shown(&self) -> Option<Decimal> {
        match self {
            Field::Integer(n) => Some(Decimal::from(*n)),
            Field::Number(n) | Field::Percent(n) => Some(*n),
            Field::Attainment(a) => Some(round_half_away(*a, 2)),
            _ => None,
        }
    }

    /// The machine form of CSV: numbers with a decimal point (attainment with exactly two
    /// decimals), dates in ISO form.
    pub fn plain(&self) -> String {
        match self {
            Field::Empty => String::new(),
            Field::Text(text) => text.clone(),
            Field::Integer(n) => n.to_string(),
            Field::Number(n) | Field::Percent(n) => n.normalize().to_string(),
            Field::Attainment(a) => percent_plain(*a),
            Field::Date(date) => date.iso(),
        }
    }
}

fn text_or_empty(text: Option<&str>) -> Field {
    text.map_or(Field::Empty, |t| Field::Text(t.to_owned()))
}

/// An indicator's fields, in the order of [`INDICATOR_COLUMNS`]. The reference, actual and
/// deviation of a percentage indicator are [`Field::Percent`].
pub fn indicator_fields(plan: &Plan, scorecard: &Scorecard, score: &IndicatorScore) -> Vec<Field> {
    let node = plan.node(score.node);
    let indicator = node.indicator().expect("an indicator");
    let quantity = |value: Decimal| {
        if indicator.unit == Unit::Percent { Field::Percent(value) } else { Field::Number(value) }
    };
    let actual = match &score.actual {
        None => Field::Empty,
        // At most 6 decimals, half away from zero: a value computed as numerator / denominator
        // has 28.
        Some(Value::Number(number)) => quantity(round_half_away(*number, 6).normalize()),
        Some(Value::Date(date)) => Field::Date(*date),
        Some(other) => Field::Text(actual_plain(other)),
    };
    vec![
        Field::Text(node.id.clone()),
        Field::Integer(i64::from(scorecard.year)),
        Field::Text("indicator".to_owned()),
        Field::Text(indicator.level.as_str().to_owned()),
        Field::Text(node.name.clone()),
        Field::Text(indicator.unit.as_str().to_owned()),
        text_or_empty(score.target.as_ref().map(ToString::to_string).as_deref()),
        score.reference.map_or(Field::Empty, |r| quantity(r.normalize())),
        actual,
        score.deviation.map_or(Field::Empty, |d| quantity(round_half_away(d, 4).normalize())),
        score.attainment.map_or(Field::Empty, Field::Attainment),
        Field::Text(score.status.as_str().to_owned()),
        Field::Number(node.weight.normalize()),
        text_or_empty(score.reason.as_deref()),
        text_or_empty(score.note.as_deref()),
        text_or_empty(score.source.as_deref()),
    ]
    .into_iter()
    .chain(override_fields(score.overridden.as_ref()))
    .chain(match &score.overridden {
        None => vec![Field::Empty, Field::Empty],
        Some(o) => vec![
            o.computed_status.map_or(Field::Empty, |s| Field::Text(s.as_str().to_owned())),
            o.computed_attainment.map_or(Field::Empty, Field::Attainment),
        ],
    })
    .collect()
}

/// A rolled-up row's fields, in the order of [`ROLLUP_COLUMNS`].
pub fn rollup_fields(row: &RollupRow, year: i32) -> Vec<Field> {
    vec![
        Field::Text(row.level.to_owned()),
        if row.id.is_empty() { Field::Empty } else { Field::Text(row.id.clone()) },
        Field::Text(row.name.clone()),
        Field::Integer(i64::from(year)),
        row.rollup.attainment.map_or(Field::Empty, Field::Attainment),
        Field::Integer(i64::try_from(row.rollup.scored).unwrap_or(i64::MAX)),
        Field::Integer(i64::try_from(row.rollup.expected).unwrap_or(i64::MAX)),
        row.operational.and_then(|o| o.attainment).map_or(Field::Empty, Field::Attainment),
    ]
    .into_iter()
    .chain(override_fields(row.overridden.as_ref()))
    .chain([row.overridden.as_ref().and_then(|o| o.computed_attainment).map_or(Field::Empty, Field::Attainment)])
    .collect()
}

/// An override as JSON: what was decided, by whom, by which act, and what was computed.
fn override_json(overridden: &Overridden) -> Json {
    let decision = &overridden.decision;
    json!({
        "outcome": decision.outcome.as_str(),
        "attainment": match decision.outcome {
            Outcome::Reassessed(attainment) => Some(percent_plain(attainment)),
            Outcome::Neutralised => None,
        },
        "reason": decision.reason,
        "decided_by": decision.decided_by,
        "act": {
            "body": decision.act.body,
            "number": decision.act.number,
            "date": decision.act.date.map(|d| d.iso()),
        },
        "computed_status": overridden.computed_status.map(Status::as_str),
        "computed_attainment": overridden.computed_attainment.map(percent_plain),
    })
}

/// The whole scorecard (or the requested levels) as JSON, with the rules that produced it and
/// what it was computed from (`provenance`).
pub fn json(plan: &Plan, scorecard: &Scorecard, level: ReportLevel, provenance: &Provenance) -> String {
    let rollup_json = |rollup: &Rollup| {
        json!({
            "attainment": rollup.attainment.map(percent_plain),
            "scored": rollup.scored,
            "expected": rollup.expected,
        })
    };
    let level = if level == ReportLevel::Summary { ReportLevel::All } else { level };
    let mut groups: serde_json::Map<String, Json> = serde_json::Map::new();
    for row in rollup_rows(plan, scorecard, level) {
        let key = match row.level {
            "body" => continue,
            "mission" => "missions",
            "strategic" => "strategic_objectives",
            "program" => "programs",
            "operational" => "operational_objectives",
            "area" => "areas",
            _ => "services",
        };
        let mut object = json!({ "id": row.id, "name": row.name });
        if let (Json::Object(object), Json::Object(rollup)) = (&mut object, rollup_json(&row.rollup)) {
            object.extend(rollup);
            if let Some(operational) = &row.operational {
                object.insert("operational".into(), rollup_json(operational));
            }
            if let Some(overridden) = &row.overridden {
                object.insert("override".into(), override_json(overridden));
            }
        }
        if let Json::Array(array) = groups.entry(key).or_insert_with(|| Json::Array(Vec::new())) {
            array.push(object);
        }
    }
    if shows_indicators(level) {
        let indicators: Vec<Json> = scorecard
            .indicators
            .iter()
            .map(|score| {
                let node = plan.node(score.node);
                let indicator = node.indicator().expect("an indicator");
                json!({
                    "id": node.id,
                    "level": indicator.level.as_str(),
                    "name": node.name,
                    "unit": indicator.unit.as_str(),
                    "polarity": indicator.polarity.as_str(),
                    "target": score.target.as_ref().map(ToString::to_string),
                    "reference": score.reference.map(|r| r.normalize().to_string()),
                    "actual": score.actual.as_ref().map(actual_plain),
                    "deviation": score.deviation.map(|d| round_half_away(d, 4).normalize().to_string()),
                    "attainment": score.attainment.map(percent_plain),
                    "status": score.status.as_str(),
                    "weight": node.weight.normalize().to_string(),
                    "reason": score.reason,
                    "note": score.note,
                    "source": score.source,
                    "override": score.overridden.as_ref().map(override_json),
                })
            })
            .collect();
        groups.insert("indicators".into(), Json::Array(indicators));
    }
    let statuses: serde_json::Map<String, Json> =
        scorecard.status_counts().into_iter().map(|(s, n)| (s.as_str().to_owned(), json!(n))).collect();
    let mut document = json!({
        "plan": { "body": plan.metadata.body, "title": plan.metadata.title, "year": plan.metadata.year },
        "year": scorecard.year,
        "rules": {
            "cap": scorecard.rules.cap.normalize().to_string(),
            "floor": scorecard.rules.floor.normalize().to_string(),
            "partial-threshold": scorecard.rules.partial_threshold.normalize().to_string(),
            "missing-data": scorecard.rules.missing_data.as_str(),
            "deadline-grace-days": scorecard.rules.deadline_grace_days,
            "rounding": "2 decimals, half away from zero",
        },
        "body": rollup_json(&scorecard.body),
        "statuses": statuses,
        "provenance": provenance,
        "overrides": overrides_json(plan, scorecard),
    });
    if let Json::Object(object) = &mut document {
        object.extend(groups);
    }
    let mut text = serde_json::to_string_pretty(&document).expect("JSON values serialize");
    text.push('\n');
    text
}

/// Every override applied, with the node it applies to.
fn overrides_json(plan: &Plan, scorecard: &Scorecard) -> Json {
    let applied = scorecard
        .overridden()
        .map(|(node, overridden)| {
            let mut object = override_json(overridden);
            if let Json::Object(object) = &mut object {
                object.insert("id".into(), json!(plan.node(node).id));
                object.insert("level".into(), json!(plan.node(node).level().key()));
            }
            object
        })
        .collect();
    Json::Array(applied)
}

/// Markdown, ready to paste into the Relazione: a title, the rules, the rolled-up table and the
/// indicators table.
pub fn markdown(plan: &Plan, scorecard: &Scorecard, level: ReportLevel) -> String {
    let cell = |text: &str| text.replace('|', "\\|").replace('\n', " ");
    let meta = &plan.metadata;
    let mut out = format!("## {} — risultati {}\n\n", cell(&meta.title), scorecard.year);
    let body = scorecard.body.attainment.map(|a| format!("{}%", percent_italian(a))).unwrap_or_else(|| "—".to_owned());
    let _ = writeln!(
        out,
        "**{}**: attainment {body} ({} of {} expected strategic indicators scored).\n",
        cell(&meta.body),
        scorecard.body.scored,
        scorecard.body.expected
    );
    out.push_str("Scoring rules:\n\n");
    for line in rules_lines(&scorecard.rules) {
        let _ = writeln!(out, "- {line}");
    }
    let overrides = overrides_section(plan, scorecard, "- ");
    if !overrides.is_empty() {
        let _ = write!(out, "\n{}", overrides.replacen(":\n", ":\n\n", 1).replace('*', "\\*"));
    }
    let rows = rollup_rows(plan, scorecard, level);
    if !rows.is_empty() {
        out.push_str(
            "\n| level | id | name | attainment % | coverage | operational % |\n|---|---|---|---:|---:|---:|\n",
        );
        for row in rows {
            let attainment = attainment_text(row.rollup.attainment, row.overridden.as_ref()).replace('*', "\\*");
            let operational = row
                .operational
                .map(|o| {
                    format!(
                        "{} ({})",
                        o.attainment.map(percent_italian).unwrap_or_else(|| "—".to_owned()),
                        coverage(&o)
                    )
                })
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "| {} | {} | {} | {attainment} | {} | {operational} |",
                row.level,
                cell(&row.id),
                cell(&row.name),
                coverage(&row.rollup)
            );
        }
    }
    if shows_indicators(level) {
        out.push_str("\n| id | indicator | target | actual | attainment % | status | weight | note |\n|---|---|---|---|---:|---|---:|---|\n");
        for score in &scorecard.indicators {
            let node = plan.node(score.node);
            let unit = node.indicator().map_or(Unit::Number, |i| i.unit);
            let note = indicator_note(score);
            let attainment = match (score.attainment, &score.overridden) {
                (Some(a), Some(_)) => format!("{} \\*", percent_italian(a)),
                (attainment, _) => attainment.map(percent_italian).unwrap_or_default(),
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} |",
                cell(&node.id),
                cell(&node.name),
                cell(&score.target.as_ref().map(ToString::to_string).unwrap_or_default()),
                cell(&score.actual.as_ref().map(|v| actual_text(v, unit)).unwrap_or_default()),
                attainment,
                score.status.as_str(),
                format_italian(score.weight),
                cell(&note),
            );
        }
    }
    out
}
