//! The data handed to report templates: plain serializable values, documented field by field
//! in `docs/report.md`, stable across versions (fields are added, never renamed or removed,
//! without changing [`FORMAT_VERSION`]).
//!
//! Every number comes twice, as a [`Num`]: its machine form (`value`, exactly the string of
//! `score --format json`) and its form for people in the report's language (`text`: `83,33` in
//! Italian, `83.33` in English), so that templates never compute or format anything. Every word
//! is in the report's language (the plan's `lang`, or `--lang`).

use std::collections::BTreeMap;

use serde::Serialize;

/// The version of this structure; it changes only when a field is renamed or removed.
pub const FORMAT_VERSION: u32 = 1;

/// Everything a report template receives.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// [`FORMAT_VERSION`].
    pub format_version: u32,
    /// The language of the report (`it` or `en`), for `<html lang>`.
    pub language: &'static str,
    /// The fixed words of the report, by key (`labels.section_summary`...), in its language;
    /// the names of the levels are the plan's, when it gives them (`[levels]`).
    pub labels: BTreeMap<&'static str, String>,
    /// The cover: body, title, year, acts.
    pub document: Document,
    /// The statuses, in report order, for the legend.
    pub statuses: Vec<StatusLegend>,
    /// The results at a glance.
    pub summary: Summary,
    /// The tree: missions → strategic objectives (with their indicators and multi-year view)
    /// → programs → operational objectives → indicators. A level the plan does not have is a
    /// section marked `absent`, which templates show without a heading of its own.
    pub missions: Vec<MissionSection>,
    /// Areas and services.
    pub groups: Groups,
    /// Every indicator partial, missed, missing or not measurable, with its note.
    pub deviations: Deviations,
    /// The results set by a reasoned decision (neutralised or reassessed), in tree order.
    pub overrides: Vec<OverrideView>,
    /// The revision log, by act.
    pub revisions: Vec<ActView>,
    /// The scoring rules applied.
    pub rules: Rules,
    /// What the figures were computed from.
    pub provenance: ProvenanceView,
    /// Markup shared by every chart (patterns and status shapes), to place once in the page.
    pub chart_definitions: String,
    /// Whether the tree's sections start closed (a long plan).
    pub collapsed: bool,
}

/// A number in its two forms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Num {
    /// The machine form, with a decimal point, exactly as `score --format json` writes it
    /// (`83.33`, `0.04`, a date as `2019-12-31`).
    pub value: String,
    /// The form for people, in the report's language, with its unit where it has one (`83,33`,
    /// `12%`, `3 gg`, `31/12/2019`; English `83.33`, `3 days`).
    pub text: String,
}

/// A status word with the key of its shape (`#shape-KEY` in [`Report::chart_definitions`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusView {
    /// The stable key: `met`, `partial`, `missed`, `baseline`, `removed`, `no-target`,
    /// `missing`, `not-measurable`.
    pub key: &'static str,
    /// The word, in the report's language (`raggiunto`).
    pub label: String,
}

/// A status in the legend.
#[derive(Debug, Clone, Serialize)]
pub struct StatusLegend {
    /// The status.
    pub status: StatusView,
    /// What it means, with the plan's thresholds.
    pub meaning: String,
}

/// A date in its two forms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateView {
    /// `2020-03-31`.
    pub iso: String,
    /// `31/03/2020`.
    pub text: String,
}

/// The cover.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// `Relazione sulla performance 2019`.
    pub title: String,
    /// The public body.
    pub body: String,
    /// The plan's title.
    pub plan_title: String,
    /// The year reported.
    pub year: i32,
    /// The plan year.
    pub plan_year: i32,
    /// The horizon's first and last years.
    pub horizon: [i32; 2],
    /// The act that adopted the plan, as written (`Giunta n. 81 del 25/07/2019`).
    pub adopted_by: Option<String>,
    /// The acts that revised the plan up to the end of the year reported.
    pub acts_in_force: Vec<String>,
    /// The day the report was made.
    pub generated: DateView,
    /// The plan's free notes.
    pub notes: Option<String>,
}

/// A rolled-up result: the body, a mission, an objective, a program, an area or a service.
#[derive(Debug, Clone, Serialize)]
pub struct RollupView {
    /// `body`, `mission`, `strategic`, `program`, `operational`, `area` or `service`: the
    /// levels of `score --level`, and the groups of `score --format json`.
    pub level: &'static str,
    /// The id (empty for the body).
    pub id: String,
    /// The name, as the plan writes it.
    pub name: String,
    /// A unique `id` attribute for links (`n-S1`, `area-I`).
    pub anchor: String,
    /// The weighted mean of the scored children; `None` when none is scored.
    pub attainment: Option<Num>,
    /// Indicators below with a score.
    pub scored: usize,
    /// Indicators below expected this year.
    pub expected: usize,
    /// `42 su 44`.
    pub coverage: String,
    /// The attainment as a status: `met` (100 or more), `partial` (at or above the partial
    /// threshold), `missed`, `not-measurable` (no attainment).
    pub grade: StatusView,
    /// For strategic objectives: the roll-up of their programs (the operational plan).
    pub operational: Option<Box<RollupView>>,
    /// Whether the node is removed (by itself or an ancestor) in the year reported.
    pub removed: bool,
    /// When a reasoned decision set the result: the decision, as the Relazione states it.
    pub decision: Option<String>,
    /// The band of the evaluation range the attainment falls in, when the plan has bands.
    pub band: Option<String>,
    /// The body's own code of the node.
    pub code: Option<String>,
    /// Who is responsible for the node (office and/or person).
    pub responsible: Option<String>,
}

/// A result set by a reasoned decision instead of the computation (`[[override]]` in the plan).
#[derive(Debug, Clone, Serialize)]
pub struct OverrideView {
    /// The node's level, as a word (`indicatore`, `obiettivo operativo`...).
    pub level: String,
    /// The node's id.
    pub id: String,
    /// Its name, as the plan writes it.
    pub name: String,
    /// The node's `id` attribute in the page, for a link.
    pub anchor: String,
    /// `neutralised` or `reassessed`.
    pub outcome: &'static str,
    /// The outcome in words (`sterilizzato`, `rideterminato`).
    pub outcome_label: String,
    /// For a reassessment, the attainment decided.
    pub attainment: Option<Num>,
    /// What the computation gave (`non rilevato`, `non raggiunto (45,00)`).
    pub computed: String,
    /// Why the computed result does not stand.
    pub reason: String,
    /// Who decided (`OIV`, `Giunta`).
    pub decided_by: String,
    /// The act that records the decision (`Giunta n. 12 del 15/04/2020`).
    pub act: String,
}

/// The results at a glance.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// The body.
    pub body: RollupView,
    /// How many indicators have each status (every status, zeros included).
    pub statuses: Vec<StatusCount>,
    /// Indicators in the plan.
    pub indicators: usize,
    /// The missions.
    pub missions: Vec<RollupView>,
    /// The strategic objectives.
    pub objectives: Vec<RollupView>,
    /// The body's bar with the thresholds.
    pub body_chart: Chart,
    /// The status counts as bars.
    pub status_chart: Chart,
    /// One bar per strategic objective.
    pub objectives_chart: Chart,
}

/// How many indicators have a status.
#[derive(Debug, Clone, Serialize)]
pub struct StatusCount {
    /// The status.
    pub status: StatusView,
    /// How many.
    pub count: usize,
}

/// A chart: SVG markup (to insert as is, with `|safe`) and its text alternative.
#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    /// The `<svg>` element, with `role="img"` and its `<title>`.
    pub svg: String,
    /// What it shows, in words (also the SVG's title).
    pub alt: String,
}

/// A mission with its strategic objectives.
#[derive(Debug, Clone, Serialize)]
pub struct MissionSection {
    /// Whether the section stands for a level the plan does not have (its strategic objectives
    /// are roots): no heading, no row of its own.
    pub absent: bool,
    /// The mission's result.
    pub row: RollupView,
    /// Its strategic objectives.
    pub objectives: Vec<StrategicSection>,
    /// One bar per strategic objective.
    pub chart: Chart,
}

/// A strategic objective with its dashboard indicators and programs.
#[derive(Debug, Clone, Serialize)]
pub struct StrategicSection {
    /// Whether the section stands for a level the plan does not have (programs right under a
    /// mission): no heading, no row of its own.
    pub absent: bool,
    /// The objective's result (with `operational`).
    pub row: RollupView,
    /// Its balanced-scorecard perspective.
    pub perspective: Option<String>,
    /// Its own (dashboard) indicators.
    pub indicators: Vec<IndicatorView>,
    /// The same indicators over the plan's horizon.
    pub trends: Vec<Trend>,
    /// Its programs.
    pub programs: Vec<ProgramSection>,
}

/// A program with its operational objectives.
#[derive(Debug, Clone, Serialize)]
pub struct ProgramSection {
    /// Whether the section stands for a level the plan does not have (operational objectives
    /// right under a strategic objective or a mission): no heading, no row of its own.
    pub absent: bool,
    /// The program's result.
    pub row: RollupView,
    /// Its operational objectives.
    pub objectives: Vec<OperationalSection>,
}

/// An operational objective with its indicators.
#[derive(Debug, Clone, Serialize)]
pub struct OperationalSection {
    /// The objective's result.
    pub row: RollupView,
    /// Its indicators.
    pub indicators: Vec<IndicatorView>,
}

/// One indicator's result for the year.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorView {
    /// The id.
    pub id: String,
    /// A unique `id` attribute for links (`n-S1.2`).
    pub anchor: String,
    /// `strategic` or `operational`.
    pub level: &'static str,
    /// The name, as the plan writes it.
    pub name: String,
    /// The formula, when the plan gives one apart from the name.
    pub formula: Option<String>,
    /// The unit's key (`percent`, `days`...).
    pub unit: &'static str,
    /// `increase` or `decrease`.
    pub polarity: &'static str,
    /// The year's target, in canonical notation (`≥ 90%`).
    pub target: Option<String>,
    /// The number the actual was compared with.
    pub reference: Option<Num>,
    /// The actual value.
    pub actual: Option<Num>,
    /// Actual − reference (days late for deadlines).
    pub deviation: Option<Num>,
    /// Attainment in percent.
    pub attainment: Option<Num>,
    /// The weight among its siblings.
    pub weight: Num,
    /// The status.
    pub status: StatusView,
    /// Why it is unscored, or what it was compared with, in the report's language.
    pub explanation: Option<String>,
    /// The note given with the actual (the reason for a deviation).
    pub note: Option<String>,
    /// Where the actual comes from.
    pub source: Option<String>,
    /// Whether the Relazione must explain it: partial, missed, missing or not measurable.
    pub needs_note: bool,
    /// The services' names.
    pub services: Vec<String>,
    /// The areas' names.
    pub areas: Vec<String>,
    /// Its objective's id and name, for lists outside the tree.
    pub parent: ParentRef,
    /// The band of the evaluation range the attainment falls in, when the plan has bands.
    pub band: Option<String>,
    /// The body's own code of the indicator.
    pub code: Option<String>,
    /// The kind of indicator, in Italian (`efficacia`, `valore pubblico`).
    pub indicator_type: Option<String>,
    /// Where the data comes from, as the plan states it.
    pub data_source: Option<String>,
    /// Who is responsible (office and/or person).
    pub responsible: Option<String>,
    /// How the actual was measured, when not by the plan's definition.
    pub definition: Option<String>,
    /// The conditions of a target of several, each with its result.
    pub parts: Vec<PartView>,
}

/// One condition of a target of several.
#[derive(Debug, Clone, Serialize)]
pub struct PartView {
    /// The measure's name, or empty for the indicator's own value.
    pub measure: String,
    /// The condition, in canonical notation.
    pub target: String,
    /// The actual of its value.
    pub actual: Option<String>,
    /// Its attainment.
    pub attainment: Option<Num>,
    /// Its status.
    pub status: StatusView,
}

/// A link to a node.
#[derive(Debug, Clone, Serialize)]
pub struct ParentRef {
    /// The id.
    pub id: String,
    /// The name.
    pub name: String,
    /// The node's anchor.
    pub anchor: String,
}

/// A strategic indicator over the plan's horizon.
#[derive(Debug, Clone, Serialize)]
pub struct Trend {
    /// The indicator's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// One entry per year of the horizon.
    pub years: Vec<TrendYear>,
    /// Targets and actuals as dots and lines, when the indicator is numeric and actuals of
    /// several years were given.
    pub chart: Option<Chart>,
}

/// One year of a [`Trend`].
#[derive(Debug, Clone, Serialize)]
pub struct TrendYear {
    /// The year.
    pub year: i32,
    /// The target, in canonical notation.
    pub target: Option<String>,
    /// The actual, when given.
    pub actual: Option<Num>,
    /// The attainment, when scored.
    pub attainment: Option<Num>,
    /// The status that year.
    pub status: StatusView,
}

/// Areas and services.
#[derive(Debug, Clone, Serialize)]
pub struct Groups {
    /// The balanced-scorecard perspectives (none when the plan has none).
    pub perspectives: Vec<RollupView>,
    /// One bar per perspective.
    pub perspectives_chart: Chart,
    /// The areas.
    pub areas: Vec<RollupView>,
    /// The services.
    pub services: Vec<RollupView>,
    /// One bar per area.
    pub areas_chart: Chart,
    /// One bar per service.
    pub services_chart: Chart,
}

/// The deviations to explain.
#[derive(Debug, Clone, Serialize)]
pub struct Deviations {
    /// Every partial, missed, missing or not measurable indicator, in tree order.
    pub indicators: Vec<IndicatorView>,
    /// How many of them have no note.
    pub without_note: usize,
}

/// An act and what it changed.
#[derive(Debug, Clone, Serialize)]
pub struct ActView {
    /// `Giunta n. 97 del 26/07/2018`, or why there is no act.
    pub label: String,
    /// The act's date.
    pub date: Option<DateView>,
    /// Whether the act was adopted in the year reported.
    pub in_year: bool,
    /// What is worth knowing about the act (a date cited with several numbers).
    pub flags: Vec<String>,
    /// The nodes it changed, in tree order.
    pub entries: Vec<RevisionEntry>,
}

/// One node changed by an act.
#[derive(Debug, Clone, Serialize)]
pub struct RevisionEntry {
    /// The node's id.
    pub id: String,
    /// Its level, in words.
    pub level: String,
    /// Its name.
    pub name: String,
    /// `inserted`, `updated` or `removed`, with its word.
    pub change: ChangeView,
    /// The revision's note, as written.
    pub note: Option<String>,
}

/// What a revision did.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeView {
    /// `inserted`, `updated` or `removed`.
    pub key: &'static str,
    /// `inserito`, `aggiornato`, `eliminato`.
    pub label: String,
}

/// The scoring rules.
#[derive(Debug, Clone, Serialize)]
pub struct Rules {
    /// Highest attainment of an indicator.
    pub cap: Num,
    /// Attainment below it scores 0.
    pub floor: Num,
    /// Not met at or above it: partial.
    pub partial_threshold: Num,
    /// `exclude`, `zero` or `error`.
    pub missing_data: &'static str,
    /// Days over which a late deadline falls from 100 to 0.
    pub deadline_grace_days: u32,
    /// The rules in words, one sentence each.
    pub sentences: Vec<String>,
}

/// Provenance, for the evaluators.
#[derive(Debug, Clone, Serialize)]
pub struct ProvenanceView {
    /// `cruscotto 0.1.0`.
    pub tool: String,
    /// The plan file.
    pub plan: FileView,
    /// The actuals files, in the order given.
    pub actuals: Vec<FileView>,
    /// The repository's state, when the plan is in one.
    pub git: Option<GitView>,
    /// The day the report was made.
    pub generated: DateView,
    /// The command that reproduces the figures (`cruscotto score … --level all --format json`).
    pub command: String,
}

/// One input file.
#[derive(Debug, Clone, Serialize)]
pub struct FileView {
    /// As the user named it.
    pub name: String,
    /// SHA-256 of its bytes, lower-case hexadecimal.
    pub sha256: String,
    /// Its size in bytes.
    pub bytes: u64,
}

/// The repository's state.
#[derive(Debug, Clone, Serialize)]
pub struct GitView {
    /// The commit, in full.
    pub commit: String,
    /// Whether the tracked files matched the commit.
    pub clean: bool,
}
