//! Scorecards → tables (comfy-table), CSV, JSON and Markdown.
//!
//! People's formats (table, Markdown) speak the deliverables' language: its words (from the
//! catalogue) and its numbers (`1.234,50` in Italian, `1,234.50` in English). Machine formats
//! (CSV, JSON) write English keys and plain numbers with a decimal point (`87.50`), whatever the
//! language. Attainment is always shown with two decimals rounded half away from zero; the
//! unrounded value is what roll-ups use.

use std::fmt::Write as _;

use comfy_table::Color;
use rust_decimal::Decimal;
use serde_json::{Value as Json, json};

use crate::actuals::Value;
use crate::i18n::{self, Lang, Message};
use crate::msg;
use crate::number::{format_fixed, round_half_away};
use crate::plan::{Act, IndicatorLevel, Level, Outcome, Override, Plan, ScoringRules, Unit};
use crate::provenance::Provenance;
use crate::score::{IndicatorScore, Overridden, Reason, Rollup, Scorecard, Status};

use super::style::{Style, visible};
use super::table::{self, Column, Fit, TableCell};
use super::words;

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

/// What a rolled-up row is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RowLevel {
    /// The whole body.
    Body,
    /// A mission.
    Mission,
    /// A strategic objective.
    Strategic,
    /// A program.
    Program,
    /// An operational objective.
    Operational,
    /// An area.
    Area,
    /// A service.
    Service,
}

impl RowLevel {
    /// `body`, `mission`, `strategic`, `program`, `operational`, `area` or `service`: the names
    /// of `--level`, and the `level` of machine formats.
    pub fn as_str(self) -> &'static str {
        match self {
            RowLevel::Body => "body",
            RowLevel::Mission => "mission",
            RowLevel::Strategic => "strategic",
            RowLevel::Program => "program",
            RowLevel::Operational => "operational",
            RowLevel::Area => "area",
            RowLevel::Service => "service",
        }
    }

    /// The row's level for people: `ente`, `obiettivo strategico`...
    pub fn label(self, lang: Lang) -> String {
        i18n::text(
            lang,
            match self {
                RowLevel::Body => "row-level-body",
                RowLevel::Mission => "row-level-mission",
                RowLevel::Strategic => "row-level-strategic",
                RowLevel::Program => "row-level-program",
                RowLevel::Operational => "row-level-operational",
                RowLevel::Area => "row-level-area",
                RowLevel::Service => "row-level-service",
            },
        )
    }

    /// The row level of a node of the tree above the indicators.
    pub fn of_node(level: Level) -> Self {
        match level {
            Level::Mission => RowLevel::Mission,
            Level::StrategicObjective => RowLevel::Strategic,
            Level::Program => RowLevel::Program,
            _ => RowLevel::Operational,
        }
    }
}

/// One rolled-up row: the body, a node, an area or a service.
#[derive(Debug, Clone)]
pub struct RollupRow {
    /// What the row is of.
    pub level: RowLevel,
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
            level: RowLevel::Body,
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
            rows.push(RollupRow {
                level: RowLevel::of_node(node_level),
                id: node.id.clone(),
                name: node.name.clone(),
                rollup: score.rollup,
                operational: score.operational,
                overridden: score.overridden.clone(),
            });
        }
    }
    for (wanted, level_name, groups) in [
        (ReportLevel::Area, RowLevel::Area, &scorecard.areas),
        (ReportLevel::Service, RowLevel::Service, &scorecard.services),
    ] {
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
    words::attainment(Lang::It, value)
}

/// `87.50` (plain, for machines).
pub fn percent_plain(value: Decimal) -> String {
    format_fixed(value, 2)
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

/// `42/44`: scored of expected.
fn coverage(rollup: &Rollup) -> String {
    format!("{}/{}", rollup.scored, rollup.expected)
}

/// The mark of a result set by an override in people's formats, explained in the overrides
/// section.
const OVERRIDE_MARK: &str = " *";

/// An attainment as people read it (`87,50`), marked when an override set it; the status word
/// of a result an override neutralised; `—` for none.
fn attainment_text(lang: Lang, attainment: Option<Decimal>, overridden: Option<&Overridden>) -> String {
    match (attainment, overridden) {
        (_, Some(o)) if o.decision.outcome == Outcome::Neutralised => words::status(lang, Status::Neutralised),
        (Some(a), Some(_)) => format!("{}{OVERRIDE_MARK}", words::attainment(lang, a)),
        (Some(a), None) => words::attainment(lang, a),
        (None, _) => "—".to_owned(),
    }
}

/// A decision: `reassessed at 100 by OIV (OIV n. 3 del 15/04/2020): <reason>`, in `lang`.
pub fn decision(lang: Lang, decision: &Override) -> String {
    let attainment = match decision.outcome {
        Outcome::Reassessed(attainment) => words::number(lang, attainment),
        Outcome::Neutralised => String::new(),
    };
    msg!(
        "decision",
        outcome = decision.outcome.as_str(),
        attainment = attainment,
        decided_by = &decision.decided_by,
        act = words::act(lang, &decision.act),
        reason = &decision.reason
    )
    .render(lang)
}

/// What the computation gave before an override: `45,00, missed` (Italian `non raggiunto
/// (45,00)`), `missing`, `—`.
pub fn computed_outcome(lang: Lang, overridden: &Overridden) -> String {
    let status = overridden.computed_status.map(|s| words::status(lang, s)).unwrap_or_default();
    let attainment = overridden.computed_attainment.map(|a| words::attainment(lang, a)).unwrap_or_default();
    let form = match (overridden.computed_status, overridden.computed_attainment) {
        (Some(_), Some(_)) => "both",
        (Some(_), None) => "status",
        (None, Some(_)) => "attainment",
        (None, None) => "none",
    };
    msg!("computed-outcome", form = form, status = status, attainment = attainment).render(lang)
}

/// The override's note: the decision, then what was computed: `reassessed at 100 by OIV (OIV
/// n. 3 del 15/04/2020): <reason>; computed: 45.00, missed`.
pub fn override_note(lang: Lang, overridden: &Overridden) -> String {
    msg!(
        "override-note",
        decision = decision(lang, &overridden.decision),
        computed = computed_outcome(lang, overridden)
    )
    .render(lang)
}

/// The note of an indicator row: the override, the reason it is unscored or what it was
/// compared with, and the note given with the actual.
fn indicator_note(lang: Lang, score: &IndicatorScore) -> String {
    let decision = score.overridden.as_ref().map(|o| override_note(lang, o));
    let reason = score.reason.as_ref().map(|r| r.message(lang).render(lang));
    [decision, reason, score.note.clone()].into_iter().flatten().collect::<Vec<_>>().join(" · ")
}

/// The section listing the overrides applied, one line each (`- ` for Markdown, indented for
/// text); empty when none applies.
fn overrides_section(plan: &Plan, scorecard: &Scorecard, bullet: &str, lang: Lang) -> String {
    let lines: Vec<String> = scorecard
        .overridden()
        .map(|(node, o)| format!("{bullet}{}: {}", plan.node(node).id, override_note(lang, o)))
        .collect();
    if lines.is_empty() {
        return String::new();
    }
    format!("{}\n{}\n", msg!("overrides-heading", year = scorecard.year).render(lang), lines.join("\n"))
}

/// The rules as lines of text, for `--explain`, Markdown and the rules of `export`.
pub fn rules_lines(rules: &ScoringRules, lang: Lang) -> Vec<String> {
    let number = |value: Decimal| words::number(lang, value);
    [
        msg!("rule-cap", cap = number(rules.cap)),
        msg!("rule-floor", floor = number(rules.floor)),
        msg!("rule-partial-threshold", threshold = number(rules.partial_threshold)),
        msg!("rule-missing-data", mode = rules.missing_data.as_str()),
        Message::new("rule-deadlines").count("days", usize::try_from(rules.deadline_grace_days).unwrap_or(usize::MAX)),
        Message::new("rule-numbers"),
        Message::new("rule-rollup"),
        Message::new("rule-rounding"),
    ]
    .iter()
    .map(|message| message.render(lang))
    .collect()
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

/// The options of the human report.
#[derive(Debug, Clone, Copy)]
pub struct TableOptions<'c> {
    /// Which rows.
    pub level: ReportLevel,
    /// Print the scoring rules before the tables.
    pub explain: bool,
    /// The width of the tables, in characters.
    pub width: u16,
    /// Colours.
    pub style: Style,
    /// The language of the words and numbers.
    pub lang: Lang,
    /// The columns asked for (`--columns`: names of [`table_columns`]), else the default ones.
    pub columns: Option<&'c [String]>,
}

/// The header of a table from its columns' keys, in `lang` (see [`column_label`]).
fn header(lang: Lang, columns: &[&str]) -> Vec<String> {
    columns.iter().map(|column| column_label(lang, column)).collect()
}

/// The header of a column of the result tables, in `lang`: `raggiungimento %`.
fn column_label(lang: Lang, column: &str) -> String {
    i18n::text(
        lang,
        match column {
            "level" => "column-level",
            "id" => "column-id",
            "name" => "column-name",
            "indicator" => "column-indicator",
            "attainment" => "column-attainment-percent",
            "coverage" => "column-coverage",
            "operational" => "column-operational-percent",
            "target" => "column-target",
            "actual" => "column-actual",
            "status" => "column-status",
            "weight" => "column-weight",
            _ => "column-note",
        },
    )
}

/// The columns of the rolled-up table, by the names `--columns` takes.
pub const ROLLUP_TABLE_COLUMNS: &[&str] = &["level", "id", "name", "attainment", "coverage", "operational"];

/// The columns of the indicators' table, by the names `--columns` takes.
pub const INDICATOR_TABLE_COLUMNS: &[&str] =
    &["id", "name", "target", "actual", "attainment", "status", "weight", "note"];

/// Every name `--columns` takes, each once, in the order of the tables.
pub fn table_columns() -> Vec<&'static str> {
    let mut all = ROLLUP_TABLE_COLUMNS.to_vec();
    all.extend(INDICATOR_TABLE_COLUMNS.iter().filter(|c| !ROLLUP_TABLE_COLUMNS.contains(c)));
    all
}

/// How a column of the result tables gives way in a narrow table (see [`super::table`]): the
/// level goes first (the id tells it), then the weight, the note, the target and the
/// operational plan's attainment, and the coverage; ids, names, actuals, attainment and status
/// stay.
fn column_fit(column: &str) -> Fit {
    match column {
        "name" => Fit::NAME,
        "level" => Fit::optional(5),
        "weight" => Fit::optional(4),
        "note" => Fit::optional(3),
        "target" => Fit::optional(2),
        "operational" => Fit::optional(2),
        "coverage" => Fit::optional(1),
        _ => Fit::KEEP,
    }
}

/// The columns of a table (of `all`) that are shown: those of `chosen` (`--columns`, in its
/// order) that the table has, else every one; each with its header in `lang` and how it
/// gives way (a chosen column always stays).
fn shown_columns(all: &[&'static str], chosen: Option<&[String]>, lang: Lang) -> Vec<(&'static str, Column)> {
    let keys: Vec<&'static str> = match chosen {
        Some(chosen) => chosen.iter().filter_map(|c| all.iter().find(|a| **a == c.as_str()).copied()).collect(),
        None => all.to_vec(),
    };
    keys.into_iter()
        .map(|key| {
            let fit = if chosen.is_some() && key != "name" { Fit::KEEP } else { column_fit(key) };
            let short = match key {
                "attainment" => Some(i18n::text(lang, "column-attainment-percent-short")),
                "operational" => Some(i18n::text(lang, "column-operational-percent-short")),
                _ => None,
            };
            (key, Column { header: column_label(lang, key), short, fit })
        })
        .collect()
}

/// The human report: header, rules (with `explain`), the rolled-up table, the indicators table.
pub fn table(plan: &Plan, scorecard: &Scorecard, options: TableOptions<'_>) -> String {
    let TableOptions { level, explain, width, style, lang, columns: chosen } = options;
    let mut out = table::paragraph(&header_text(plan, scorecard, lang), width);
    if explain {
        let _ = writeln!(out, "\n{}", i18n::text(lang, "score-rules-heading"));
        for line in rules_lines(&scorecard.rules, lang) {
            let _ = writeln!(out, "{}", table::hanging(&format!("  - {line}"), usize::from(width), 4));
        }
    }
    let overrides = overrides_section(plan, scorecard, "  ", lang);
    if !overrides.is_empty() {
        let _ = write!(out, "\n{}", table::hanging(&overrides, usize::from(width), 4));
    }
    let rows = rollup_rows(plan, scorecard, level);
    let strategic = rows.iter().any(|r| r.operational.is_some());
    let rollup_columns: Vec<&str> =
        ROLLUP_TABLE_COLUMNS.iter().copied().filter(|c| strategic || *c != "operational").collect();
    let shown = shown_columns(&rollup_columns, chosen, lang);
    if !rows.is_empty() && !shown.is_empty() {
        let cells: Vec<Vec<TableCell>> = rows
            .iter()
            .map(|row| shown.iter().map(|(key, _)| rollup_cell(key, row, scorecard, lang)).collect())
            .collect();
        let columns: Vec<Column> = shown.into_iter().map(|(_, column)| column).collect();
        let _ = write!(out, "\n{}", table::render(&columns, &cells, width, style, lang));
    }
    let shown = shown_columns(INDICATOR_TABLE_COLUMNS, chosen, lang);
    if shows_indicators(level) && !shown.is_empty() {
        let cells: Vec<Vec<TableCell>> = scorecard
            .indicators
            .iter()
            .map(|score| shown.iter().map(|(key, _)| indicator_cell(key, plan, score, lang)).collect())
            .collect();
        let columns: Vec<Column> = shown.into_iter().map(|(_, column)| column).collect();
        let _ = write!(out, "\n{}", table::render(&columns, &cells, width, style, lang));
    }
    out
}

/// The cell of column `key` of a rolled-up row.
fn rollup_cell(key: &str, row: &RollupRow, scorecard: &Scorecard, lang: Lang) -> TableCell {
    match key {
        "level" => TableCell::new(row.level.label(lang)),
        "id" => TableCell::new(visible(&row.id)),
        "name" => TableCell::new(visible(&row.name)),
        "attainment" => TableCell::colored(
            attainment_text(lang, row.rollup.attainment, row.overridden.as_ref()),
            attainment_color(row.rollup.attainment, &scorecard.rules),
        ),
        "coverage" => TableCell::new(coverage(&row.rollup)),
        _ => match row.operational {
            Some(o) => {
                let text = o.attainment.map(|a| words::attainment(lang, a)).unwrap_or_else(|| "—".to_owned());
                TableCell::colored(
                    format!("{text} ({})", coverage(&o)),
                    attainment_color(o.attainment, &scorecard.rules),
                )
            }
            None => TableCell::default(),
        },
    }
}

/// The cell of column `key` of an indicator's row.
fn indicator_cell(key: &str, plan: &Plan, score: &IndicatorScore, lang: Lang) -> TableCell {
    let node = plan.node(score.node);
    match key {
        "id" => TableCell::new(visible(&node.id)),
        "name" => TableCell::new(visible(&node.name)),
        "target" => {
            TableCell::new(score.target.as_ref().map(|t| visible(&t.to_string()).into_owned()).unwrap_or_default())
        }
        "actual" => {
            let unit = node.indicator().map_or(Unit::Number, |i| i.unit);
            TableCell::new(visible(&score.actual.as_ref().map(|v| words::actual(lang, v, unit)).unwrap_or_default()))
        }
        "attainment" => {
            let attainment = match (score.attainment, &score.overridden) {
                (Some(a), Some(_)) => format!("{}{OVERRIDE_MARK}", words::attainment(lang, a)),
                (attainment, _) => attainment.map(|a| words::attainment(lang, a)).unwrap_or_default(),
            };
            TableCell::colored(attainment, status_color(score.status))
        }
        "status" => TableCell::colored(words::status(lang, score.status), status_color(score.status)),
        "weight" => TableCell::new(words::number(lang, score.weight)),
        _ => TableCell::new(visible(&indicator_note(lang, score))),
    }
}

/// The body's attainment as people read it: `99,14%`, or `—`.
fn body_attainment(lang: Lang, scorecard: &Scorecard) -> String {
    scorecard.body.attainment.map(|a| words::attainment_percent(lang, a)).unwrap_or_else(|| "—".to_owned())
}

/// `106 raggiunti, 6 parzialmente raggiunti, ...`: the statuses that occur, with their counts.
fn status_counts(lang: Lang, scorecard: &Scorecard) -> String {
    scorecard
        .status_counts()
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(status, n)| words::status_count(lang, status, n))
        .collect::<Vec<_>>()
        .join(", ")
}

fn header_text(plan: &Plan, scorecard: &Scorecard, lang: Lang) -> String {
    let meta = &plan.metadata;
    let heading = Message::new("score-heading")
        .arg("body", visible(&meta.body))
        .arg("year", scorecard.year)
        .arg("attainment", body_attainment(lang, scorecard))
        .count("scored", scorecard.body.scored)
        .count("expected", scorecard.body.expected);
    format!(
        "{}\n{}\n{}\n",
        visible(&meta.title),
        heading.render(lang),
        msg!("score-statuses", counts = status_counts(lang, scorecard)).render(lang)
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
            Field::Word(Word::Outcome(o.decision.outcome)),
            Field::Text(o.decision.reason.clone()),
            Field::Text(o.decision.decided_by.clone()),
            Field::Word(Word::Act(o.decision.act.clone())),
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
    /// A word: a status, a unit, a reason... (see [`Word`]).
    Word(Word),
}

/// A word of a result row: its machine key in the CSV of `score` (`met`, `percent`, the English
/// reason), its words for people in the workbooks of `export` and in the report (`raggiunto`,
/// `percentuale`, the reason in the plan's language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Word {
    /// An indicator's status.
    Status(Status),
    /// A unit.
    Unit(Unit),
    /// A level of the tree (`indicator`).
    Level(Level),
    /// Strategic dashboard or operational plan.
    IndicatorLevel(IndicatorLevel),
    /// What a rolled-up row is of.
    RowLevel(RowLevel),
    /// What an override decided.
    Outcome(Outcome),
    /// Why an indicator is unscored, or what it was compared with.
    Reason(Reason),
    /// An act.
    Act(Act),
    /// An actual that is neither a number nor a date: `sì`, a level, `n.d.`.
    Actual(Value),
}

impl Word {
    /// The machine form: the key (`met`, `percent`), the English reason, `yes`/`no`.
    pub fn plain(&self) -> String {
        match self {
            Word::Status(status) => status.as_str().to_owned(),
            Word::Unit(unit) => unit.as_str().to_owned(),
            Word::Level(level) => level.key().to_owned(),
            Word::IndicatorLevel(level) => level.as_str().to_owned(),
            Word::RowLevel(level) => level.as_str().to_owned(),
            Word::Outcome(outcome) => outcome.as_str().to_owned(),
            Word::Reason(reason) => reason.to_string(),
            Word::Act(act) => act.to_string(),
            Word::Actual(value) => actual_plain(value),
        }
    }

    /// The word for people, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Word::Status(status) => words::status(lang, *status),
            Word::Unit(unit) => words::unit(lang, *unit),
            Word::Level(level) => words::level(lang, *level),
            Word::IndicatorLevel(level) => words::indicator_level(lang, *level),
            Word::RowLevel(level) => level.label(lang),
            Word::Outcome(outcome) => words::outcome(lang, *outcome),
            Word::Reason(reason) => reason.message(lang).render(lang),
            Word::Act(act) => words::act(lang, act),
            Word::Actual(value) => words::value_text(lang, value),
        }
    }
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
            Field::Word(word) => word.plain(),
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
        Some(other) => Field::Word(Word::Actual(other.clone())),
    };
    vec![
        Field::Text(node.id.clone()),
        Field::Integer(i64::from(scorecard.year)),
        Field::Word(Word::Level(Level::Indicator)),
        Field::Word(Word::IndicatorLevel(indicator.level)),
        Field::Text(node.name.clone()),
        Field::Word(Word::Unit(indicator.unit)),
        text_or_empty(score.target.as_ref().map(ToString::to_string).as_deref()),
        score.reference.map_or(Field::Empty, |r| quantity(r.normalize())),
        actual,
        score.deviation.map_or(Field::Empty, |d| quantity(round_half_away(d, 4).normalize())),
        score.attainment.map_or(Field::Empty, Field::Attainment),
        Field::Word(Word::Status(score.status)),
        Field::Number(node.weight.normalize()),
        score.reason.clone().map_or(Field::Empty, |reason| Field::Word(Word::Reason(reason))),
        text_or_empty(score.note.as_deref()),
        text_or_empty(score.source.as_deref()),
    ]
    .into_iter()
    .chain(override_fields(score.overridden.as_ref()))
    .chain(match &score.overridden {
        None => vec![Field::Empty, Field::Empty],
        Some(o) => vec![
            o.computed_status.map_or(Field::Empty, |s| Field::Word(Word::Status(s))),
            o.computed_attainment.map_or(Field::Empty, Field::Attainment),
        ],
    })
    .collect()
}

/// A rolled-up row's fields, in the order of [`ROLLUP_COLUMNS`].
pub fn rollup_fields(row: &RollupRow, year: i32) -> Vec<Field> {
    vec![
        Field::Word(Word::RowLevel(row.level)),
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
            RowLevel::Body => continue,
            RowLevel::Mission => "missions",
            RowLevel::Strategic => "strategic_objectives",
            RowLevel::Program => "programs",
            RowLevel::Operational => "operational_objectives",
            RowLevel::Area => "areas",
            RowLevel::Service => "services",
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
                    "reason": score.reason.as_ref().map(ToString::to_string),
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
pub fn markdown(plan: &Plan, scorecard: &Scorecard, level: ReportLevel, lang: Lang) -> String {
    let cell = |text: &str| text.replace('|', "\\|").replace('\n', " ");
    let row = |cells: &[String]| format!("| {} |\n", cells.join(" | "));
    let meta = &plan.metadata;
    let title = msg!("score-markdown-title", title = cell(&meta.title), year = scorecard.year).render(lang);
    let mut out = format!("## {title}\n\n");
    let body = Message::new("score-markdown-body")
        .arg("body", cell(&meta.body))
        .arg("attainment", body_attainment(lang, scorecard))
        .count("scored", scorecard.body.scored)
        .count("expected", scorecard.body.expected);
    let _ = writeln!(out, "{}\n", body.render(lang));
    let _ = writeln!(out, "{}\n", i18n::text(lang, "score-rules-heading"));
    for line in rules_lines(&scorecard.rules, lang) {
        let _ = writeln!(out, "- {line}");
    }
    let overrides = overrides_section(plan, scorecard, "- ", lang);
    if !overrides.is_empty() {
        let _ = write!(out, "\n{}", overrides.replacen(":\n", ":\n\n", 1).replace('*', "\\*"));
    }
    let rows = rollup_rows(plan, scorecard, level);
    if !rows.is_empty() {
        let columns = ["level", "id", "name", "attainment", "coverage", "operational"];
        out.push('\n');
        out.push_str(&row(&header(lang, &columns)));
        out.push_str("|---|---|---|---:|---:|---:|\n");
        for rollup in rows {
            let attainment =
                attainment_text(lang, rollup.rollup.attainment, rollup.overridden.as_ref()).replace('*', "\\*");
            let operational = rollup
                .operational
                .map(|o| {
                    let attainment = o.attainment.map(|a| words::attainment(lang, a));
                    format!("{} ({})", attainment.unwrap_or_else(|| "—".to_owned()), coverage(&o))
                })
                .unwrap_or_default();
            out.push_str(&row(&[
                rollup.level.label(lang),
                cell(&rollup.id),
                cell(&rollup.name),
                attainment,
                coverage(&rollup.rollup),
                operational,
            ]));
        }
    }
    if shows_indicators(level) {
        let columns = ["id", "indicator", "target", "actual", "attainment", "status", "weight", "note"];
        out.push('\n');
        out.push_str(&row(&header(lang, &columns)));
        out.push_str("|---|---|---|---|---:|---|---:|---|\n");
        for score in &scorecard.indicators {
            let node = plan.node(score.node);
            let unit = node.indicator().map_or(Unit::Number, |i| i.unit);
            let attainment = match (score.attainment, &score.overridden) {
                (Some(a), Some(_)) => format!("{} \\*", words::attainment(lang, a)),
                (attainment, _) => attainment.map(|a| words::attainment(lang, a)).unwrap_or_default(),
            };
            out.push_str(&row(&[
                cell(&node.id),
                cell(&node.name),
                cell(&score.target.as_ref().map(ToString::to_string).unwrap_or_default()),
                cell(&score.actual.as_ref().map(|v| words::actual(lang, v, unit)).unwrap_or_default()),
                attainment,
                words::status(lang, score.status),
                words::number(lang, score.weight),
                cell(&indicator_note(lang, score)),
            ]));
        }
    }
    out
}
