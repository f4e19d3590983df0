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
use crate::number::{format_computed, round_computed, round_half_away};
use crate::plan::{Act, ActNumber, IndicatorLevel, Level, NodeIndex, Outcome, Override, Plan, ScoringRules, Unit};
use crate::provenance::Provenance;
use crate::score::{IndicatorScore, Overridden, Reason, Rollup, Scorecard, Status};

use super::json::{PrettyArray, pretty_document_into};
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
    /// Balanced-scorecard perspectives.
    Perspective,
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
    /// A balanced-scorecard perspective.
    Perspective,
    /// An area.
    Area,
    /// A service.
    Service,
}

impl RowLevel {
    /// `body`, `mission`, `strategic`, `program`, `operational`, `perspective`, `area` or
    /// `service`: the names of `--level`, and the `level` of machine formats.
    pub fn as_str(self) -> &'static str {
        match self {
            RowLevel::Body => "body",
            RowLevel::Mission => "mission",
            RowLevel::Strategic => "strategic",
            RowLevel::Program => "program",
            RowLevel::Operational => "operational",
            RowLevel::Perspective => "perspective",
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
                RowLevel::Perspective => "row-level-perspective",
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

    /// The level of the tree a row of a node is of; `None` for the body and the groups.
    pub fn node_level(self) -> Option<Level> {
        match self {
            RowLevel::Mission => Some(Level::Mission),
            RowLevel::Strategic => Some(Level::StrategicObjective),
            RowLevel::Program => Some(Level::Program),
            RowLevel::Operational => Some(Level::OperationalObjective),
            _ => None,
        }
    }
}

/// One rolled-up row: the body, a node, a perspective, an area or a service.
#[derive(Debug, Clone)]
pub struct RollupRow {
    /// What the row is of.
    pub level: RowLevel,
    /// The node, for a mission, objective or program.
    pub node: Option<NodeIndex>,
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
            node: None,
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
                node: Some(score.node),
                id: node.id.clone(),
                name: node.name.clone(),
                rollup: score.rollup,
                operational: score.operational,
                overridden: score.overridden.as_deref().cloned(),
            });
        }
    }
    for (wanted, level_name, groups) in [
        (ReportLevel::Perspective, RowLevel::Perspective, &scorecard.perspectives),
        (ReportLevel::Area, RowLevel::Area, &scorecard.areas),
        (ReportLevel::Service, RowLevel::Service, &scorecard.services),
    ] {
        if wants(wanted) {
            rows.extend(groups.iter().map(|g| RollupRow {
                level: level_name,
                node: None,
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

/// The band of a rolled-up attainment, by the plan's bands (none without bands).
pub fn rollup_band(attainment: Option<Decimal>, rules: &ScoringRules) -> Option<&crate::plan::Band> {
    attainment.and_then(|a| crate::plan::band_of(&rules.bands, a)).map(|b| &rules.bands[b])
}

/// The label of an indicator's band, when it has one.
pub fn indicator_band<'a>(plan: &'a Plan, scorecard: &'a Scorecard, score: &IndicatorScore) -> Option<&'a str> {
    let bands = plan.node(score.node).indicator()?.bands(&scorecard.rules);
    score.band.and_then(|b| bands.get(b)).map(|band| band.label.as_str())
}

/// `87,50` (Italian, for people): a computed value, rounded with its guard digits
/// ([`crate::number::round_computed`]).
pub fn percent_italian(value: Decimal) -> String {
    words::attainment(Lang::It, value)
}

/// The level of a row as people read it: the plan's name of the level (`[levels]`), else the
/// level's word in `lang`.
pub fn level_label(plan: &Plan, level: RowLevel, lang: Lang) -> String {
    level.node_level().and_then(|l| plan.level_names.get(l)).map_or_else(|| level.label(lang), |name| name.name.clone())
}

/// `87.50` (plain, for machines), rounded as [`percent_italian`].
pub fn percent_plain(value: Decimal) -> String {
    format_computed(value, 2)
}

/// The actual in plain machine form: numbers with a decimal point (at most 6 decimals, half away
/// from zero: a value computed as numerator / denominator has 28), dates in ISO form.
fn actual_plain(value: &Value) -> String {
    match value {
        Value::Number(number) => crate::number::decimal_text(round_half_away(*number, 6).normalize()),
        Value::Date(date) => date.iso(),
        Value::YesNo(done) => if *done { "yes" } else { "no" }.to_owned(),
        Value::Level(level) => level.to_string(),
        Value::NotAvailable => "n.d.".to_owned(),
        Value::NotApplicable => "n.a.".to_owned(),
        // The number; the bound's direction is its own field (`actual_bound`).
        Value::Bound { value, .. } => crate::number::decimal_text(round_half_away(*value, 6).normalize()),
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
    cited_decision(lang, decision, ActNumber::Required)
}

/// [`decision`], its act cited as the plan's acts are (`act-number`): by its date alone in a
/// plan whose acts need no number.
pub fn cited_decision(lang: Lang, decision: &Override, numbers: ActNumber) -> String {
    let attainment = match decision.outcome {
        Outcome::Reassessed(attainment) => words::number(lang, attainment),
        Outcome::Neutralised => String::new(),
    };
    msg!(
        "decision",
        outcome = decision.outcome.as_str(),
        attainment = attainment,
        decided_by = &decision.decided_by,
        act = words::cited_act(lang, &decision.act, numbers),
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
    cited_override_note(lang, overridden, ActNumber::Required)
}

/// [`override_note`], its act cited as the plan's acts are (`act-number`).
pub fn cited_override_note(lang: Lang, overridden: &Overridden, numbers: ActNumber) -> String {
    msg!(
        "override-note",
        decision = cited_decision(lang, &overridden.decision, numbers),
        computed = computed_outcome(lang, overridden)
    )
    .render(lang)
}

/// The note of an indicator row: the override, the reason it is unscored or what it was
/// compared with, and the note given with the actual.
fn indicator_note(lang: Lang, score: &IndicatorScore) -> String {
    let decision = score.overridden.as_ref().map(|o| override_note(lang, o));
    let reason = score.reason.as_ref().map(|r| r.message(lang).render(lang));
    let definition = score.definition().map(|d| definition_note(lang, d));
    [decision, reason, definition, score.note().map(str::to_owned)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The section listing the overrides applied, one line each (`- ` for Markdown, indented for
/// text); empty when none applies. The reasons are shown [`visible`].
fn overrides_section(plan: &Plan, scorecard: &Scorecard, bullet: &str, lang: Lang) -> String {
    let lines: Vec<String> = scorecard
        .overridden()
        .map(|(node, o)| visible(&format!("{bullet}{}: {}", plan.node(node).id, override_note(lang, o))).into_owned())
        .collect();
    if lines.is_empty() {
        return String::new();
    }
    format!("{}\n{}\n", msg!("overrides-heading", year = scorecard.year).render(lang), lines.join("\n"))
}

/// The rules as lines of text, for `--explain`, Markdown and the rules of `export`: the
/// defaults' lines, then those of the rules a plan of another shape chooses.
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
    .into_iter()
    .chain(shapes_rules(rules, lang))
    .map(|message| message.render(lang))
    .collect()
}

/// The rules a plan of another shape chooses, only where it does not keep the default: the
/// body's rule, how parts combine, how indicators weigh in areas, the bands.
fn shapes_rules(rules: &ScoringRules, lang: Lang) -> Vec<Message> {
    use crate::plan::{BodyRule, GroupWeights, PartsRule};
    let mut lines = Vec::new();
    if rules.body != BodyRule::default() {
        lines.push(msg!("rule-body", rule = rules.body.as_str()));
    }
    if rules.parts != PartsRule::default() {
        lines.push(msg!("rule-parts", rule = rules.parts.as_str()));
    }
    if rules.group_weights != GroupWeights::default() {
        lines.push(msg!("rule-group-weights", rule = rules.group_weights.as_str()));
    }
    if !rules.bands.is_empty() {
        lines.push(msg!("rule-bands", bands = words::bands(lang, &rules.bands)));
    }
    lines
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

    /// The light of a rolled-up attainment, by the same thresholds as indicators (the plan's
    /// bands, when it has them: the highest green, the lowest red).
    pub fn of_attainment(attainment: Option<Decimal>, rules: &ScoringRules) -> Self {
        match attainment {
            None => Light::Grey,
            Some(a) if !rules.bands.is_empty() => {
                Light::of_status(crate::score::grade(a, a >= Decimal::ONE_HUNDRED, &rules.bands, rules).0)
            }
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
            "band" => "column-band",
            _ => "column-note",
        },
    )
}

/// The columns of the rolled-up table, by the names `--columns` takes.
pub const ROLLUP_TABLE_COLUMNS: &[&str] = &["level", "id", "name", "attainment", "coverage", "operational", "band"];

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
    let mut pieces = table::Pieces::default();
    table_into(&mut pieces, plan, scorecard, options);
    pieces.concat()
}

/// [`table()`], given to `sink` as it is drawn: the rows of a big table of indicators are made and
/// packed a share at a time, and their lines given away a round at a time, never all held at
/// once. `sink` returns `false` when it wants no more (its output closed): the rest is then not
/// drawn.
pub fn table_to(sink: &mut dyn FnMut(&str) -> bool, plan: &Plan, scorecard: &Scorecard, options: TableOptions<'_>) {
    let mut pieces = table::Pieces::to(sink);
    table_into(&mut pieces, plan, scorecard, options);
    pieces.finish();
}

fn table_into(pieces: &mut table::Pieces<'_>, plan: &Plan, scorecard: &Scorecard, options: TableOptions<'_>) {
    let TableOptions { level, explain, width, style, lang, columns: chosen } = options;
    let out = pieces.last();
    out.push_str(&table::paragraph(&header_text(plan, scorecard, lang), width));
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
    let banded = !scorecard.rules.bands.is_empty();
    let rollup_columns: Vec<&str> = ROLLUP_TABLE_COLUMNS
        .iter()
        .copied()
        .filter(|c| (strategic || *c != "operational") && (banded || *c != "band"))
        .collect();
    let shown = shown_columns(&rollup_columns, chosen, lang);
    if !rows.is_empty() && !shown.is_empty() {
        let cells: Vec<Vec<TableCell>> = rows
            .iter()
            .map(|row| shown.iter().map(|(key, _)| rollup_cell(key, plan, row, scorecard, lang)).collect())
            .collect();
        let columns: Vec<Column> = shown.into_iter().map(|(_, column)| column).collect();
        out.push('\n');
        table::render_into(pieces, &columns, cells, width, style, lang);
    }
    let shown = shown_columns(INDICATOR_TABLE_COLUMNS, chosen, lang);
    if shows_indicators(level) && !shown.is_empty() {
        let keys: Vec<&str> = shown.iter().map(|(key, _)| *key).collect();
        // The rows of a share of the indicators, made on every core, then measured and packed:
        // a big plan's are never all held as cells at once.
        let make = |scores: &[IndicatorScore]| -> Vec<Vec<TableCell>> {
            scores
                .iter()
                .flat_map(|score| rows_of_indicator(plan, scorecard, score, lang))
                .map(|row| indicator_cells(&keys, row))
                .collect()
        };
        let columns: Vec<Column> = shown.into_iter().map(|(_, column)| column).collect();
        pieces.last().push('\n');
        table::render_made(pieces, &columns, &scorecard.indicators, make, width, style, lang);
    }
}

/// The cell of column `key` of a rolled-up row.
fn rollup_cell(key: &str, plan: &Plan, row: &RollupRow, scorecard: &Scorecard, lang: Lang) -> TableCell {
    match key {
        "level" => TableCell::new(level_label(plan, row.level, lang)),
        "id" => TableCell::new(visible(&row.id)),
        "name" => TableCell::new(visible(&row.name)),
        "attainment" => TableCell::colored(
            attainment_text(lang, row.rollup.attainment, row.overridden.as_ref()),
            attainment_color(row.rollup.attainment, &scorecard.rules),
        ),
        "coverage" => TableCell::new(coverage(&row.rollup)),
        "band" => TableCell::new(
            rollup_band(row.rollup.attainment, &scorecard.rules).map(|b| b.label.clone()).unwrap_or_default(),
        ),
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

/// The cells of columns `keys` of an indicator's row (or of a condition's, below it): each text
/// moved out of the row, copied only for a column asked for twice.
fn indicator_cells(keys: &[&str], mut row: IndicatorRow) -> Vec<TableCell> {
    let status = row.status;
    let overridden = row.overridden;
    (0..keys.len())
        .map(|position| {
            let key = keys[position];
            let again = keys[position + 1..].contains(&key);
            let take = |text: &mut String| if again { text.clone() } else { std::mem::take(text) };
            match key {
                "id" => TableCell::new(shown(take(&mut row.id))),
                "name" => TableCell::new(shown(take(&mut row.name))),
                "target" => TableCell::new(shown(take(&mut row.target))),
                "actual" => TableCell::new(shown(take(&mut row.actual))),
                "attainment" => {
                    let attainment = take(&mut row.attainment);
                    let attainment = if overridden { format!("{attainment}{OVERRIDE_MARK}") } else { attainment };
                    TableCell::colored(attainment, status_color(status))
                }
                "status" => TableCell::colored(take(&mut row.status_text), status_color(status)),
                "weight" => TableCell::new(take(&mut row.weight)),
                _ => TableCell::new(shown(take(&mut row.note))),
            }
        })
        .collect()
}

/// `text` as [`visible`] shows it, kept when it has nothing to escape.
fn shown(text: String) -> String {
    match visible(&text) {
        std::borrow::Cow::Owned(escaped) => escaped,
        std::borrow::Cow::Borrowed(_) => text,
    }
}

/// One row of the indicators' table for people (table and Markdown): an indicator, or one
/// condition of a target of several, below it.
struct IndicatorRow {
    id: String,
    name: String,
    target: String,
    actual: String,
    /// `87,50`, without the mark of an override.
    attainment: String,
    /// Whether an override set the attainment: marked in both formats.
    overridden: bool,
    status: Status,
    status_text: String,
    weight: String,
    note: String,
}

/// The word of a status for people: the band's label when the plan evaluates by bands.
fn status_text(plan: &Plan, scorecard: &Scorecard, score: &IndicatorScore, lang: Lang) -> String {
    match indicator_band(plan, scorecard, score) {
        Some(label) => label.to_owned(),
        None => words::status(lang, score.status),
    }
}

/// `misurato con un'altra definizione: ...`: the definition a value was measured by, when not
/// the plan's.
fn definition_note(lang: Lang, definition: &str) -> String {
    msg!("note-definition", definition = definition).render(lang)
}

/// A condition's note: what it was compared with, and the definition its value was measured by.
fn part_note(lang: Lang, part: &crate::score::PartScore) -> String {
    let reason = part.reason.as_ref().map(|r| r.message(lang).render(lang));
    let definition = part.definition.as_ref().map(|d| definition_note(lang, d));
    [reason, definition].into_iter().flatten().collect::<Vec<_>>().join(" · ")
}

/// The id, name and unit of a condition's row: the measure's (`RA1:riusi`), or the indicator's
/// own value numbered by its place (`RA1 [2]`).
pub fn part_identity(
    node: &crate::plan::Node,
    part: &crate::score::PartScore,
    position: usize,
) -> (String, String, Unit) {
    let indicator = node.indicator().expect("an indicator");
    match part.measure.as_deref().and_then(|m| indicator.measure(m)) {
        Some((_, measure)) => (format!("{}:{}", node.id, measure.id), measure.name.clone(), measure.unit),
        None => (format!("{} [{}]", node.id, position + 1), String::new(), indicator.unit),
    }
}

/// The indicators' rows for people, each followed by its conditions when its target has several:
/// made one at a time, as the table or the Markdown takes them.
fn indicator_rows<'a>(plan: &'a Plan, scorecard: &'a Scorecard, lang: Lang) -> impl Iterator<Item = IndicatorRow> + 'a {
    scorecard.indicators.iter().flat_map(move |score| rows_of_indicator(plan, scorecard, score, lang))
}

/// The rows of one indicator for people: its own, then its conditions' when its target has several.
fn rows_of_indicator<'a>(
    plan: &'a Plan,
    scorecard: &'a Scorecard,
    score: &'a IndicatorScore,
    lang: Lang,
) -> impl Iterator<Item = IndicatorRow> + 'a {
    let node = plan.node(score.node);
    let indicator = node.indicator().expect("an indicator");
    let own = IndicatorRow {
        id: node.id.clone(),
        name: node.name.clone(),
        target: score.target.as_ref().map(ToString::to_string).unwrap_or_default(),
        actual: score.actual.as_ref().map(|v| words::actual(lang, v, indicator.unit)).unwrap_or_default(),
        attainment: score.attainment.map(|a| words::attainment(lang, a)).unwrap_or_default(),
        overridden: score.attainment.is_some() && score.overridden.is_some(),
        status: score.status,
        status_text: status_text(plan, scorecard, score, lang),
        weight: words::number(lang, score.weight),
        note: indicator_note(lang, score),
    };
    let parts = score.parts.iter().enumerate().map(move |(position, part)| {
        let (id, name, unit) = part_identity(node, part, position);
        IndicatorRow {
            id,
            name,
            target: part.target.to_string(),
            actual: part.actual.as_ref().map(|v| words::actual(lang, v, unit)).unwrap_or_default(),
            attainment: part.attainment.map(|a| words::attainment(lang, a)).unwrap_or_default(),
            overridden: false,
            status: part.status,
            status_text: words::status(lang, part.status),
            weight: String::new(),
            note: part_note(lang, part),
        }
    });
    std::iter::once(own).chain(parts)
}

/// The body's attainment as people read it: `99,14%`, or `—`.
fn body_attainment(lang: Lang, scorecard: &Scorecard) -> String {
    scorecard.body.attainment.map(|a| words::attainment_percent(lang, a)).unwrap_or_else(|| "—".to_owned())
}

/// `40 indicatori strategici valutati su 43 attesi`: the body's coverage, in the words of its rule.
fn body_coverage(lang: Lang, scorecard: &Scorecard) -> String {
    Message::new("score-coverage")
        .count("scored", scorecard.body.scored)
        .count("expected", scorecard.body.expected)
        .arg("rule", scorecard.rules.body.as_str())
        .render(lang)
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
        .arg("year", scorecard.period)
        .arg("attainment", body_attainment(lang, scorecard))
        .arg("coverage", body_coverage(lang, scorecard));
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
    let (indicators, rollups) = csv_tables(level);
    let indicator_extras = if indicators { used_indicator_extras(plan, scorecard) } else { Vec::new() };
    let rollup_extras =
        if rollups { used_rollup_extras(plan, scorecard, &rollup_rows(plan, scorecard, level)) } else { Vec::new() };
    let mut columns: Vec<&str> = Vec::new();
    if indicators {
        columns.extend(INDICATOR_COLUMNS);
        columns.extend(&indicator_extras);
    }
    if rollups {
        let more: Vec<&str> =
            ROLLUP_COLUMNS.iter().chain(&rollup_extras).copied().filter(|c| !columns.contains(c)).collect();
        columns.extend(more);
    }
    // Each record is written on its own, so records written apart and put together in order are
    // the bytes of one writer's: a big plan's indicators are written on every core.
    let write = |each: &mut dyn FnMut(&mut Rows<'_>)| -> Vec<u8> {
        let mut writer = csv::Writer::from_writer(Vec::new());
        // Each cell is written into one reused buffer, then to the writer.
        let mut cell = String::new();
        each(&mut |cells| {
            for column in &columns {
                cell.clear();
                if let Some((_, field)) = cells.iter().find(|(k, _)| k == column) {
                    field.write_plain(&mut cell);
                }
                writer.write_field(&cell).expect("writing to memory");
            }
            writer.write_record(None::<&[u8]>).expect("writing to memory");
        });
        writer.into_inner().expect("flushing memory")
    };
    let mut header = csv::Writer::from_writer(Vec::new());
    header.write_record(&columns).expect("writing to memory");
    let mut out = header.into_inner().expect("flushing memory");
    if indicators {
        let shares = crate::parallel::map_shares(&scorecard.indicators, |scores| {
            write(&mut |row| indicator_csv_rows(plan, scorecard, scores, row))
        });
        shares.into_iter().for_each(|share| out.extend(share));
    }
    if rollups {
        out.extend(write(&mut |row| rollup_csv_rows(plan, scorecard, level, row)));
    }
    String::from_utf8(out).expect("UTF-8 fields")
}

/// Which tables the CSV of `level` holds: the indicators', the rolled-up rows', or both.
fn csv_tables(level: ReportLevel) -> (bool, bool) {
    let indicators = matches!(level, ReportLevel::Indicator | ReportLevel::Summary | ReportLevel::All);
    let rollups = level != ReportLevel::Indicator && level != ReportLevel::Summary;
    (indicators, rollups)
}

/// The rows of [`csv()`] for `level`, in its order, each as its named fields (a column a row does
/// not have is absent): what `score --format csv` writes and `score-many` puts in its long table.
pub fn csv_rows(
    plan: &Plan,
    scorecard: &Scorecard,
    level: ReportLevel,
    mut row: impl FnMut(Vec<(&'static str, Field)>),
) {
    let (indicators, rollups) = csv_tables(level);
    if indicators {
        indicator_csv_rows(plan, scorecard, &scorecard.indicators, &mut row);
    }
    if rollups {
        rollup_csv_rows(plan, scorecard, level, &mut row);
    }
}

/// What takes the rows of [`csv_rows`], one at a time.
type Rows<'r> = dyn FnMut(Vec<(&'static str, Field)>) + 'r;

/// The rows of `scores` in [`csv_rows`]: each indicator's, then its conditions'.
fn indicator_csv_rows(plan: &Plan, scorecard: &Scorecard, scores: &[IndicatorScore], row: &mut Rows<'_>) {
    for score in scores {
        let mut cells: Vec<(&str, Field)> =
            INDICATOR_COLUMNS.iter().copied().zip(indicator_fields(plan, scorecard, score)).collect();
        cells.extend(indicator_extra_fields(plan, scorecard, score));
        row(cells);
        for part in part_fields(plan, scorecard, score) {
            row(part);
        }
    }
}

/// The rolled-up rows of `level` in [`csv_rows`].
fn rollup_csv_rows(plan: &Plan, scorecard: &Scorecard, level: ReportLevel, row: &mut Rows<'_>) {
    for rollup in rollup_rows(plan, scorecard, level) {
        let mut cells: Vec<(&str, Field)> =
            ROLLUP_COLUMNS.iter().copied().zip(rollup_fields(&rollup, scorecard.year)).collect();
        cells.extend(rollup_extra_fields(plan, scorecard, &rollup));
        row(cells);
    }
}

/// The columns of the indicators' table that plans of other shapes add, after
/// [`INDICATOR_COLUMNS`]: each is written only when some row has a value in it, so that a plan
/// that uses none of them gets the columns it always had.
pub const INDICATOR_EXTRA_COLUMNS: &[&str] =
    &["period", "band", "actual_bound", "definition", "code", "type", "data_source", "responsible"];

/// The columns of the rolled-up table that plans of other shapes add, after [`ROLLUP_COLUMNS`],
/// written only when used.
pub const ROLLUP_EXTRA_COLUMNS: &[&str] = &["period", "band", "code", "responsible", "resources"];

/// An indicator's extra fields, in the order of [`INDICATOR_EXTRA_COLUMNS`].
pub fn indicator_extra_fields(
    plan: &Plan,
    scorecard: &Scorecard,
    score: &IndicatorScore,
) -> Vec<(&'static str, Field)> {
    let node = plan.node(score.node);
    let indicator = node.indicator().expect("an indicator");
    let bound = match &score.actual {
        Some(Value::Bound { comparator, .. }) => Field::Word(Word::Bound(*comparator)),
        _ => Field::Empty,
    };
    vec![
        ("period", period_field(scorecard)),
        ("band", text_or_empty(indicator_band(plan, scorecard, score))),
        ("actual_bound", bound),
        ("definition", text_or_empty(score.definition())),
        ("code", text_or_empty(node.fields().code.as_deref())),
        ("type", indicator.rare().indicator_type.map_or(Field::Empty, |t| Field::Word(Word::IndicatorType(t)))),
        ("data_source", text_or_empty(indicator.rare().data_source.as_deref())),
        ("responsible", text_or_empty(node.fields().responsible.as_ref().map(ToString::to_string).as_deref())),
    ]
}

/// A rolled-up row's extra fields, in the order of [`ROLLUP_EXTRA_COLUMNS`].
pub fn rollup_extra_fields(plan: &Plan, scorecard: &Scorecard, row: &RollupRow) -> Vec<(&'static str, Field)> {
    let fields = row.node.map(|n| plan.node(n).fields());
    let resources = fields.map(|f| f.resources.clone()).filter(|r| !r.is_empty());
    vec![
        ("period", period_field(scorecard)),
        ("band", text_or_empty(rollup_band(row.rollup.attainment, &scorecard.rules).map(|b| b.label.as_str()))),
        ("code", text_or_empty(fields.and_then(|f| f.code.as_deref()))),
        ("responsible", text_or_empty(fields.and_then(|f| f.responsible.as_ref()).map(ToString::to_string).as_deref())),
        ("resources", resources.map_or(Field::Empty, |r| Field::Word(Word::ByYear(r)))),
    ]
}

/// `2024: 1200000; 2025: 1300000`: resources by year, in machine form.
pub fn resources_text(resources: &std::collections::BTreeMap<i32, Decimal>) -> String {
    let years: Vec<String> = resources.iter().map(|(year, amount)| format!("{year}: {}", amount.normalize())).collect();
    years.join("; ")
}

fn period_field(scorecard: &Scorecard) -> Field {
    if scorecard.period.is_year() { Field::Empty } else { Field::Text(scorecard.period.to_string()) }
}

/// `at-least`, `more-than`, `at-most`, `less-than`: the direction of a bound, for machines.
pub fn bound_word(comparator: crate::target::Comparator) -> &'static str {
    match comparator {
        crate::target::Comparator::AtLeast => "at-least",
        crate::target::Comparator::MoreThan => "more-than",
        crate::target::Comparator::AtMost => "at-most",
        crate::target::Comparator::LessThan => "less-than",
        crate::target::Comparator::Equal => "equal",
    }
}

/// The extra columns of the indicators' table some row uses. The rows are looked at one at a
/// time, not gathered first: a big plan has hundreds of thousands.
pub fn used_indicator_extras(plan: &Plan, scorecard: &Scorecard) -> Vec<&'static str> {
    let mut used = [false; INDICATOR_EXTRA_COLUMNS.len()];
    let mut mark = |row: Vec<(&'static str, Field)>| {
        for (key, field) in row {
            if let Some(column) = INDICATOR_EXTRA_COLUMNS.iter().position(|c| *c == key)
                && field != Field::Empty
            {
                used[column] = true;
            }
        }
    };
    for score in &scorecard.indicators {
        mark(indicator_extra_fields(plan, scorecard, score));
        part_fields(plan, scorecard, score).into_iter().for_each(&mut mark);
    }
    INDICATOR_EXTRA_COLUMNS.iter().zip(used).filter(|(_, used)| *used).map(|(column, _)| *column).collect()
}

/// The extra columns of the rolled-up table some of `rows` uses.
pub fn used_rollup_extras(plan: &Plan, scorecard: &Scorecard, rows: &[RollupRow]) -> Vec<&'static str> {
    let rows: Vec<Vec<(&'static str, Field)>> =
        rows.iter().map(|row| rollup_extra_fields(plan, scorecard, row)).collect();
    ROLLUP_EXTRA_COLUMNS
        .iter()
        .copied()
        .filter(|column| rows.iter().any(|row| row.iter().any(|(k, f)| k == column && *f != Field::Empty)))
        .collect()
}

/// The rows of an indicator's conditions, for the CSV and the workbook: `level` `part`, the
/// indicator's id with its measure (`RA1:riusi`), the condition, its actual and result.
pub fn part_fields(plan: &Plan, scorecard: &Scorecard, score: &IndicatorScore) -> Vec<Vec<(&'static str, Field)>> {
    let node = plan.node(score.node);
    let indicator = node.indicator().expect("an indicator");
    score
        .parts
        .iter()
        .map(|part| {
            // The indicator's own value keeps its id and name here: the `level` says it is a part.
            let (id, name, unit) = match part.measure.as_deref().and_then(|m| indicator.measure(m)) {
                Some((_, measure)) => (format!("{}:{}", node.id, measure.id), measure.name.clone(), measure.unit),
                None => (node.id.clone(), node.name.clone(), indicator.unit),
            };
            let [reference, actual, deviation] =
                quantity_fields(unit, part.reference, part.actual.as_ref(), part.deviation);
            vec![
                ("id", Field::Text(id)),
                ("year", Field::Integer(i64::from(scorecard.year))),
                ("level", Field::Word(Word::Part)),
                ("indicator_level", Field::Word(Word::IndicatorLevel(indicator.level))),
                ("name", Field::Text(name)),
                ("unit", Field::Word(Word::Unit(unit))),
                ("target", Field::Text(part.target.to_string())),
                ("reference", reference),
                ("actual", actual),
                ("deviation", deviation),
                ("attainment", part.attainment.map_or(Field::Empty, Field::Attainment)),
                ("status", Field::Word(Word::Status(part.status))),
                ("reason", part.reason.clone().map_or(Field::Empty, |r| Field::Word(Word::Reason(r)))),
                ("period", period_field(scorecard)),
                ("definition", text_or_empty(part.definition.as_deref())),
            ]
        })
        .collect()
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
    /// The row of one condition of a target of several (`level` `part`).
    Part,
    /// The kind of an indicator.
    IndicatorType(crate::plan::IndicatorType),
    /// The direction of an actual known only by a bound (`oltre 220`).
    Bound(crate::target::Comparator),
    /// Amounts by year: resources.
    ByYear(std::collections::BTreeMap<i32, Decimal>),
}

impl Word {
    /// The machine form: the key (`met`, `percent`), the English reason, `yes`/`no`.
    pub fn plain(&self) -> String {
        let mut out = String::new();
        self.write_plain(&mut out);
        out
    }

    /// [`Word::plain`], written at the end of `out`.
    pub fn write_plain(&self, out: &mut String) {
        let key = match self {
            Word::Status(status) => status.as_str(),
            Word::Unit(unit) => unit.as_str(),
            Word::Level(level) => level.key(),
            Word::IndicatorLevel(level) => level.as_str(),
            Word::RowLevel(level) => level.as_str(),
            Word::Outcome(outcome) => outcome.as_str(),
            Word::Part => "part",
            Word::IndicatorType(kind) => kind.as_str(),
            Word::Bound(comparator) => bound_word(*comparator),
            Word::Reason(reason) => {
                let _ = write!(out, "{reason}");
                return;
            }
            Word::Act(act) => {
                let _ = write!(out, "{act}");
                return;
            }
            Word::Actual(value) => return out.push_str(&actual_plain(value)),
            Word::ByYear(values) => return out.push_str(&resources_text(values)),
        };
        out.push_str(key);
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
            Word::Part => i18n::text(lang, "row-level-part"),
            Word::IndicatorType(kind) => words::indicator_type(lang, *kind),
            Word::Bound(comparator) => words::bound(lang, *comparator),
            Word::ByYear(values) => words::by_year(lang, values),
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
            Field::Attainment(a) => Some(round_computed(*a, 2)),
            _ => None,
        }
    }

    /// The machine form of CSV: numbers with a decimal point (attainment with exactly two
    /// decimals), dates in ISO form.
    pub fn plain(&self) -> String {
        let mut out = String::new();
        self.write_plain(&mut out);
        out
    }

    /// [`Field::plain`], written at the end of `out`: a CSV of a big plan fills one buffer
    /// instead of a string per cell.
    pub fn write_plain(&self, out: &mut String) {
        match self {
            Field::Empty => {}
            Field::Text(text) => out.push_str(text),
            Field::Integer(n) => {
                let _ = write!(out, "{n}");
            }
            Field::Number(n) | Field::Percent(n) => {
                let _ = write!(out, "{}", n.normalize());
            }
            Field::Attainment(a) => out.push_str(&percent_plain(*a)),
            Field::Date(date) => out.push_str(&date.iso()),
            Field::Word(word) => word.write_plain(out),
        }
    }
}

/// The reference, actual and deviation of a result in `unit`: [`Field::Percent`] for a
/// percentage, else [`Field::Number`]; the actual to at most 6 decimals, half away from zero (a
/// value computed as numerator / denominator has 28), the deviation to 4.
fn quantity_fields(
    unit: Unit,
    reference: Option<Decimal>,
    actual: Option<&Value>,
    deviation: Option<Decimal>,
) -> [Field; 3] {
    let quantity = |value: Decimal| if unit == Unit::Percent { Field::Percent(value) } else { Field::Number(value) };
    let actual = match actual {
        None => Field::Empty,
        Some(Value::Number(number)) => quantity(round_half_away(*number, 6).normalize()),
        Some(Value::Date(date)) => Field::Date(*date),
        Some(other) => Field::Word(Word::Actual(other.clone())),
    };
    [
        reference.map_or(Field::Empty, |r| quantity(r.normalize())),
        actual,
        deviation.map_or(Field::Empty, |d| quantity(round_half_away(d, 4).normalize())),
    ]
}

fn text_or_empty(text: Option<&str>) -> Field {
    text.map_or(Field::Empty, |t| Field::Text(t.to_owned()))
}

/// An indicator's fields, in the order of [`INDICATOR_COLUMNS`]. The reference, actual and
/// deviation of a percentage indicator are [`Field::Percent`].
pub fn indicator_fields(plan: &Plan, scorecard: &Scorecard, score: &IndicatorScore) -> Vec<Field> {
    let node = plan.node(score.node);
    let indicator = node.indicator().expect("an indicator");
    let [reference, actual, deviation] =
        quantity_fields(indicator.unit, score.reference, score.actual.as_ref(), score.deviation);
    vec![
        Field::Text(node.id.clone()),
        Field::Integer(i64::from(scorecard.year)),
        Field::Word(Word::Level(Level::Indicator)),
        Field::Word(Word::IndicatorLevel(indicator.level)),
        Field::Text(node.name.clone()),
        Field::Word(Word::Unit(indicator.unit)),
        text_or_empty(score.target.as_ref().map(ToString::to_string).as_deref()),
        reference,
        actual,
        deviation,
        score.attainment.map_or(Field::Empty, Field::Attainment),
        Field::Word(Word::Status(score.status)),
        Field::Number(node.weight.normalize()),
        score.reason.clone().map_or(Field::Empty, |reason| Field::Word(Word::Reason(*reason))),
        text_or_empty(score.note()),
        text_or_empty(score.source()),
    ]
    .into_iter()
    .chain(override_fields(score.overridden.as_deref()))
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
    let mut out = table::Pieces::default();
    json_into(&mut out, plan, scorecard, level, provenance);
    out.concat()
}

/// [`json()`], given to `sink` as it is written: the indicators of a big plan are written a few
/// at a time, never all held as text at once. `sink` returns `false` when it wants no more (its
/// output closed): the rest is then not written.
pub fn json_to(
    sink: &mut dyn FnMut(&str) -> bool,
    plan: &Plan,
    scorecard: &Scorecard,
    level: ReportLevel,
    provenance: &Provenance,
) {
    let mut out = table::Pieces::to(sink);
    json_into(&mut out, plan, scorecard, level, provenance);
    out.finish();
}

/// How many bytes of the indicators' JSON are written at a time.
const JSON_PIECE_BYTES: usize = 1 << 20;

fn json_into(
    out: &mut table::Pieces<'_>,
    plan: &Plan,
    scorecard: &Scorecard,
    level: ReportLevel,
    provenance: &Provenance,
) {
    let rollup_json = |rollup: &Rollup| {
        json!({
            "attainment": rollup.attainment.map(percent_plain),
            "scored": rollup.scored,
            "expected": rollup.expected,
        })
    };
    // The summary gives every group but the perspectives, as it always did; `all` adds them.
    let summary = level == ReportLevel::Summary;
    let level = if summary { ReportLevel::All } else { level };
    // The groups and the indicators are written one element at a time, each as soon as it is
    // made: built whole as JSON values first, the indicators of a plan of a hundred thousand took
    // ten times the memory of their text.
    let mut groups: std::collections::BTreeMap<&'static str, PrettyArray> = std::collections::BTreeMap::new();
    let group = || PrettyArray::new(2);
    for row in rollup_rows(plan, scorecard, level) {
        let key = match row.level {
            RowLevel::Body => continue,
            RowLevel::Perspective if summary => continue,
            RowLevel::Mission => "missions",
            RowLevel::Strategic => "strategic_objectives",
            RowLevel::Program => "programs",
            RowLevel::Operational => "operational_objectives",
            RowLevel::Perspective => "perspectives",
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
            extend_present(object, rollup_extra_fields(plan, scorecard, &row));
        }
        groups.entry(key).or_insert_with(group).push(&object);
    }
    // The indicators, written where their key falls, as they are made.
    let mut write_indicators = |out: &mut table::Pieces<'_>| {
        let mut indicators = PrettyArray::new(2);
        for score in &scorecard.indicators {
            if !out.wants_more() {
                return;
            }
            let node = plan.node(score.node);
            let indicator = node.indicator().expect("an indicator");
            let mut object = json!({
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
                "note": score.note(),
                "source": score.source(),
                "override": score.overridden.as_deref().map(override_json),
            });
            if let Json::Object(object) = &mut object {
                extend_present(object, indicator_extra_fields(plan, scorecard, score));
                if !score.parts.is_empty() {
                    let parts = part_fields(plan, scorecard, score)
                        .into_iter()
                        .map(|part| {
                            let mut object = serde_json::Map::new();
                            extend_present(&mut object, part);
                            Json::Object(object)
                        })
                        .collect();
                    object.insert("parts".into(), Json::Array(parts));
                }
            }
            indicators.push(&object);
            if indicators.written() >= JSON_PIECE_BYTES {
                out.add(indicators.take());
            }
        }
        out.add(indicators.finish());
    };
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
        if !scorecard.period.is_year() {
            object.insert("period".into(), json!(scorecard.period.to_string()));
        }
        if let Some(Json::Object(rules)) = object.get_mut("rules") {
            rules.extend(shapes_rules_json(&scorecard.rules));
        }
    }
    let Json::Object(document) = document else { unreachable!("the document is an object") };
    let streamed = shows_indicators(level).then_some(("indicators", &mut write_indicators as &mut dyn FnMut(&mut _)));
    pretty_document_into(out, document, groups, streamed);
}

/// The fields of `fields` that have a value, in their machine form, added to `object`.
fn extend_present(object: &mut serde_json::Map<String, Json>, fields: Vec<(&'static str, Field)>) {
    for (key, field) in fields {
        if field != Field::Empty {
            object.insert(key.to_owned(), json!(field.plain()));
        }
    }
}

/// The rules a plan of another shape chooses, as JSON keys: only those that differ from the
/// default, so that the rules object of a plan that uses none is what it always was.
fn shapes_rules_json(rules: &ScoringRules) -> serde_json::Map<String, Json> {
    use crate::plan::{BodyRule, GroupWeights, PartsRule};
    let mut object = serde_json::Map::new();
    if rules.body != BodyRule::default() {
        object.insert("body".into(), json!(rules.body.as_str()));
    }
    if rules.parts != PartsRule::default() {
        object.insert("parts".into(), json!(rules.parts.as_str()));
    }
    if rules.group_weights != GroupWeights::default() {
        object.insert("group-weights".into(), json!(rules.group_weights.as_str()));
    }
    if !rules.bands.is_empty() {
        let bands: Vec<Json> = rules
            .bands
            .iter()
            .map(|band| {
                json!({
                    "from": band.from.normalize().to_string(),
                    "label": band.label,
                    "score": band.score.map(|s| s.normalize().to_string()),
                })
            })
            .collect();
        object.insert("bands".into(), Json::Array(bands));
    }
    object
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
    let cell = |text: &str| visible(text).replace('|', "\\|").replace('\n', " ");
    let row = |cells: &[String]| format!("| {} |\n", cells.join(" | "));
    let meta = &plan.metadata;
    let title = msg!("score-markdown-title", title = cell(&meta.title), year = scorecard.period).render(lang);
    let mut out = format!("## {title}\n\n");
    let body = Message::new("score-markdown-body")
        .arg("body", cell(&meta.body))
        .arg("attainment", body_attainment(lang, scorecard))
        .arg("coverage", body_coverage(lang, scorecard));
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
                level_label(plan, rollup.level, lang),
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
        for indicator in indicator_rows(plan, scorecard, lang) {
            let attainment =
                if indicator.overridden { format!("{} \\*", indicator.attainment) } else { indicator.attainment };
            out.push_str(&row(&[
                cell(&indicator.id),
                cell(&indicator.name),
                cell(&indicator.target),
                cell(&indicator.actual),
                attainment,
                cell(&indicator.status_text),
                indicator.weight,
                cell(&indicator.note),
            ]));
        }
    }
    out
}
