//! What changed between two versions of a plan, matched by id, and which changes no revision
//! of the new version covers.
//!
//! The changes are typed (which field, which values, which warnings, what an uncovered change
//! needs), so that each output writes them its own way: `diff --format json` and `github` in
//! their stable English text (every type's `Display`), text and Markdown for people in the
//! plan's language (the `message` and `text` methods).

use std::collections::BTreeSet;
use std::fmt;

use rust_decimal::Decimal;

use crate::diagnostic::Code;
use crate::i18n::{self, Lang, Message};
use crate::period::Period;
use crate::plan::{
    Acceptance, Act, Change, Level, MissingData, Node, NodeIndex, NodeKind, Override, Plan, Revision, Status,
};
use crate::render::words::{self, Form};
use crate::source::Span;
use crate::target::{Polarity, Target};

/// A field of the plan that a diff compares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldName {
    /// `[plan]`'s `body`.
    Body,
    /// `title`.
    Title,
    /// `year`.
    Year,
    /// `horizon`.
    Horizon,
    /// `adopted-by`.
    AdoptedBy,
    /// `lang`.
    Lang,
    /// `notes`, of the plan or of a node.
    Notes,
    /// `accept`, of the plan or of a node.
    Accept,
    /// `[scoring]`'s `cap`.
    Cap,
    /// `floor`.
    Floor,
    /// `partial-threshold`.
    PartialThreshold,
    /// `missing-data`.
    MissingData,
    /// `deadline-grace-days`.
    DeadlineGraceDays,
    /// A node's level (its table).
    Level,
    /// `name`.
    Name,
    /// The parent's id.
    Parent,
    /// `status`.
    Status,
    /// `weight`.
    Weight,
    /// A strategic objective's `perspective`.
    Perspective,
    /// An indicator's `formula`.
    Formula,
    /// `unit`.
    Unit,
    /// `polarity`.
    Polarity,
    /// `scale`.
    Scale,
    /// `services`.
    Services,
    /// `area`.
    Area,
    /// `cross-cutting`.
    CrossCutting,
    /// `act-number`: whether the plan's acts carry a number.
    ActNumber,
    /// `[levels]`: the plan's names of the levels.
    Levels,
    /// `[scoring]`'s `body`: what the body's score is the mean of.
    BodyRule,
    /// `parts`: how the conditions of a target combine.
    Parts,
    /// `group-weights`: how indicators weigh in areas and services.
    GroupWeights,
    /// `bands`: an evaluation range, of the plan or of an indicator.
    Bands,
    /// A node's `code`.
    Code,
    /// `responsible`.
    Responsible,
    /// `resources`.
    Resources,
    /// `links`.
    Links,
    /// An indicator's `measures`.
    Measures,
    /// `base`.
    Base,
    /// `type`.
    Type,
    /// `source`.
    Source,
    /// The service that reports the indicator (`reported-by`, or its default).
    ReportedBy,
    /// The target of a year, or of a period within one.
    Target(Period),
    /// An entry of a registry: its kind (`area`, `service`, `perspective`, `scale`) and id.
    Registry(&'static str, String),
    /// The override of a node (by id) for a year.
    Override(String, i32),
}

impl FieldName {
    /// The field in `lang`: `soglia di raggiungimento parziale`; in English, the plan's key.
    pub fn text(&self, lang: Lang) -> String {
        let id = match self {
            FieldName::Target(period) => {
                return Message::new("diff-field-target").arg("year", period).render(lang);
            }
            FieldName::Registry(registry, id) => {
                return Message::new("diff-field-registry").arg("registry", registry).arg("id", id).render(lang);
            }
            FieldName::Override(id, year) => {
                return Message::new("diff-field-override").arg("id", id).arg("year", year).render(lang);
            }
            FieldName::Body => "diff-field-body",
            FieldName::Title => "diff-field-title",
            FieldName::Year => "diff-field-year",
            FieldName::Horizon => "diff-field-horizon",
            FieldName::AdoptedBy => "diff-field-adopted-by",
            FieldName::Lang => "diff-field-lang",
            FieldName::Notes => "diff-field-notes",
            FieldName::Accept => "diff-field-accept",
            FieldName::Cap => "diff-field-cap",
            FieldName::Floor => "diff-field-floor",
            FieldName::PartialThreshold => "diff-field-partial-threshold",
            FieldName::MissingData => "diff-field-missing-data",
            FieldName::DeadlineGraceDays => "diff-field-deadline-grace-days",
            FieldName::Level => "diff-field-level",
            FieldName::Name => "diff-field-name",
            FieldName::Parent => "diff-field-parent",
            FieldName::Status => "diff-field-status",
            FieldName::Weight => "diff-field-weight",
            FieldName::Perspective => "diff-field-perspective",
            FieldName::Formula => "diff-field-formula",
            FieldName::Unit => "diff-field-unit",
            FieldName::Polarity => "diff-field-polarity",
            FieldName::Scale => "diff-field-scale",
            FieldName::Services => "diff-field-services",
            FieldName::Area => "diff-field-area",
            FieldName::CrossCutting => "diff-field-cross-cutting",
            FieldName::ActNumber => "diff-field-act-number",
            FieldName::Levels => "diff-field-levels",
            FieldName::BodyRule => "diff-field-body-rule",
            FieldName::Parts => "diff-field-parts",
            FieldName::GroupWeights => "diff-field-group-weights",
            FieldName::Bands => "diff-field-bands",
            FieldName::Code => "diff-field-code",
            FieldName::Responsible => "diff-field-responsible",
            FieldName::Resources => "diff-field-resources",
            FieldName::Links => "diff-field-links",
            FieldName::Measures => "diff-field-measures",
            FieldName::Base => "diff-field-base",
            FieldName::Type => "diff-field-type",
            FieldName::Source => "diff-field-source",
            FieldName::ReportedBy => "diff-field-reported-by",
        };
        i18n::text(lang, id)
    }

    /// Whether the field is held to acts: free notes, acceptances (which carry their own
    /// reasons) and the language the tool writes in (presentation, not the plan's content) are not.
    fn held_to_acts(&self) -> bool {
        !matches!(self, FieldName::Notes | FieldName::Accept | FieldName::Lang)
    }
}

impl fmt::Display for FieldName {
    /// The field as `diff --format json` names it: `partial-threshold`, `target 2019`,
    /// `service promozione`, `override S7.4 2019`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// The value of a field on one side of a diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldValue {
    /// None (`—`).
    None,
    /// A text as the plan writes it: a name, an id, a note.
    Text(String),
    /// A number.
    Number(Decimal),
    /// A year, a count of days.
    Integer(i64),
    /// The first and last year of the horizon.
    Horizon(i32, i32),
    /// An act.
    Act(Act),
    /// The language of the deliverables.
    Lang(Lang),
    /// The accepted findings: code and reason.
    Accepted(Vec<(Code, String)>),
    /// What a missing actual does.
    MissingData(MissingData),
    /// A level of the tree.
    Level(Level),
    /// A node's status.
    Status(Status),
    /// A unit.
    Unit(crate::plan::Unit),
    /// A polarity.
    Polarity(Polarity),
    /// Yes or no.
    Bool(bool),
    /// A target, canonical (`≥ 1` and `>=1` are the same).
    Target(Target),
    /// An override's decision.
    Decision(Box<Override>),
    /// A service: its name and its area's id.
    Service(String, String),
    /// A scale's levels, lowest first.
    Scale(Vec<String>),
    /// Amounts by year: weights, resources, a base (`2024: 2; 2025: 3`).
    ByYear(std::collections::BTreeMap<i32, Decimal>),
    /// An evaluation range, lowest band first.
    Bands(Vec<crate::plan::Band>),
    /// The kind of an indicator.
    IndicatorType(crate::plan::IndicatorType),
}

/// What the plan writes for nothing, on either side.
const NONE: &str = "—";

impl FieldValue {
    /// The value in `form`: for machine formats, the text `diff --format json` always wrote
    /// (`0.5`, `true`, `strategic-objective`); for people, in their language (`0,5`, `sì`,
    /// `obiettivo strategico`).
    pub fn text(&self, form: Form) -> String {
        let lang = form.lang();
        let human = matches!(form, Form::Human(_));
        match self {
            FieldValue::None => NONE.to_owned(),
            FieldValue::Text(text) => text.clone(),
            FieldValue::Number(n) if human => words::number(lang, *n),
            FieldValue::Number(n) => n.normalize().to_string(),
            FieldValue::Integer(n) => n.to_string(),
            FieldValue::Horizon(first, last) => format!("{first}–{last}"),
            FieldValue::Act(act) => words::act(lang, act),
            FieldValue::Lang(of) if human => words::language(lang, *of),
            FieldValue::Lang(of) => of.code().to_owned(),
            FieldValue::Accepted(accepted) => {
                accepted.iter().map(|(code, reason)| format!("{code}: {reason}")).collect::<Vec<_>>().join("; ")
            }
            FieldValue::MissingData(mode) => msg_mode(*mode).render(lang),
            FieldValue::Level(level) if human => words::level(lang, *level),
            FieldValue::Level(level) => level.key().to_owned(),
            FieldValue::Status(status) => words::node_status(lang, *status),
            FieldValue::Unit(unit) => words::unit(lang, *unit),
            FieldValue::Polarity(polarity) => words::polarity(lang, *polarity),
            FieldValue::Bool(yes) if human => words::yes_no(lang, *yes),
            FieldValue::Bool(yes) => yes.to_string(),
            FieldValue::Target(target) => target.to_string(),
            FieldValue::Decision(decision) if human => crate::render::score::decision(lang, decision),
            FieldValue::Decision(decision) => decision.describe(),
            FieldValue::Service(name, area) => format!("{name} (area {area})"),
            FieldValue::Scale(levels) => levels.join(" < "),
            FieldValue::ByYear(values) if human => words::by_year(lang, values),
            FieldValue::ByYear(values) => crate::render::score::resources_text(values),
            FieldValue::Bands(bands) if human => words::bands(lang, bands),
            FieldValue::Bands(bands) => bands_text(bands),
            FieldValue::IndicatorType(kind) if human => words::indicator_type(lang, *kind),
            FieldValue::IndicatorType(kind) => kind.as_str().to_owned(),
        }
    }

    /// A text, or none when empty.
    fn text_or_none(text: Option<String>) -> Self {
        text.filter(|t| !t.is_empty()).map_or(FieldValue::None, FieldValue::Text)
    }
}

/// An evaluation range as `diff --format json` writes it: `0 non raggiunto (0); 70 parzialmente
/// raggiunto; 90 raggiunto (100)`.
fn bands_text(bands: &[crate::plan::Band]) -> String {
    let bands: Vec<String> = bands
        .iter()
        .map(|band| {
            let score = band.score.map(|s| format!(" ({})", s.normalize())).unwrap_or_default();
            format!("{} {}{score}", band.from.normalize(), band.label)
        })
        .collect();
    bands.join("; ")
}

fn msg_mode(mode: MissingData) -> Message {
    Message::new("diff-missing-data").arg("mode", mode.as_str())
}

impl fmt::Display for FieldValue {
    /// The value as `diff --format json` writes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Form::Machine))
    }
}

/// Writes a value as its `Display` text: the stable English of machine formats.
fn as_text<T: fmt::Display, S: serde::Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(value)
}

/// Writes values as their `Display` texts.
fn as_texts<T: fmt::Display, S: serde::Serializer>(values: &[T], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(values.iter().map(ToString::to_string))
}

/// One field that changed: its name and its old and new values.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldChange {
    /// The field, e.g. `name`, `parent`, `target 2019`, `services`.
    #[serde(serialize_with = "as_text")]
    pub field: FieldName,
    /// The old value (`—` when there was none).
    #[serde(serialize_with = "as_text")]
    pub old: FieldValue,
    /// The new value (`—` when there is none).
    #[serde(serialize_with = "as_text")]
    pub new: FieldValue,
}

impl FieldChange {
    /// `field: old → new`, in `form`.
    pub fn text(&self, form: Form) -> String {
        let field = match form {
            Form::Machine => self.field.to_string(),
            Form::Human(lang) => self.field.text(lang),
        };
        format!("{field}: {} → {}", self.old.text(form), self.new.text(form))
    }
}

/// How a node changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NodeChange {
    /// Only in the new version.
    Added,
    /// Only in the old version: deleted from the file.
    Deleted,
    /// In both, with changed fields.
    Changed,
}

impl NodeChange {
    /// `added`, `deleted` or `changed`.
    pub fn as_str(self) -> &'static str {
        match self {
            NodeChange::Added => "added",
            NodeChange::Deleted => "deleted",
            NodeChange::Changed => "changed",
        }
    }
}

/// Writes a level as its key (`strategic-objective`).
fn level_key<S: serde::Serializer>(level: &Level, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(level.key())
}

/// The changes of one node.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct NodeDiff {
    /// The node's id.
    pub id: String,
    /// Its level (`mission`, `strategic-objective`...).
    #[serde(serialize_with = "level_key")]
    pub level: Level,
    /// Its name (the new one when it changed).
    pub name: String,
    /// Added, deleted, or changed.
    pub change: NodeChange,
    /// The fields that changed (for a changed node).
    pub fields: Vec<FieldChange>,
    /// Revision records present only in the new version.
    #[serde(serialize_with = "as_texts")]
    pub revisions_added: Vec<Recorded>,
    /// Revision records present only in the old version.
    #[serde(serialize_with = "as_texts")]
    pub revisions_removed: Vec<Recorded>,
}

/// A revision record of a node, as a diff shows it: `updated by Giunta n. 97 del 26/07/2018:
/// <note>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded(pub Revision);

impl Recorded {
    /// The record in `form`.
    pub fn text(&self, form: Form) -> String {
        let lang = form.lang();
        let revision = &self.0;
        let (by, act) = match (&revision.act, revision.year) {
            (Some(act), _) => ("act", words::act(lang, act)),
            (None, Some(_)) => ("year", String::new()),
            (None, None) => ("none", String::new()),
        };
        let change = match form {
            Form::Machine => revision.change.as_str().to_owned(),
            Form::Human(lang) => words::change(lang, revision.change),
        };
        let yes_no = |yes: bool| if yes { "yes" } else { "no" };
        Message::new("diff-revision")
            .arg("change", change)
            .arg("by", by)
            .arg("act", act)
            .arg("year", revision.year.map(|y| y.to_string()).unwrap_or_default())
            .arg("has_note", yes_no(revision.note.is_some()))
            .arg("note", revision.note.as_deref().unwrap_or_default())
            .arg("previous", yes_no(revision.previous.is_some()))
            .render(lang)
    }
}

impl fmt::Display for Recorded {
    /// The record as `diff --format json` writes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Form::Machine))
    }
}

/// A reason to read a diff with care.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// The two plans are of different bodies: old and new.
    Bodies(String, String),
    /// The two plans are of different years: old and new.
    Years(i32, i32),
    /// The new version writes targets with the shorthand `target =`, which follows `year`.
    Shorthand {
        /// How many targets.
        count: usize,
        /// The first indicator that writes one.
        first: String,
        /// The old version's year.
        old: i32,
        /// The new version's year.
        new: i32,
    },
}

impl Warning {
    /// The warning, to render in a language.
    pub fn message(&self) -> Message {
        match self {
            Warning::Bodies(old, new) => Message::new("diff-warning-bodies").arg("old", old).arg("new", new),
            Warning::Years(old, new) => Message::new("diff-warning-years").arg("old", old).arg("new", new),
            Warning::Shorthand { count, first, old, new } => Message::new("diff-warning-shorthand")
                .count("count", *count)
                .arg("first", first)
                .count("others", count - 1)
                .arg("old", old)
                .arg("new", new),
        }
    }
}

impl fmt::Display for Warning {
    /// The warning in English, as `diff --format json` writes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().render(Lang::En))
    }
}

/// Everything that changed.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct PlanDiff {
    /// `[plan]` fields.
    pub metadata: Vec<FieldChange>,
    /// `[scoring]` rules.
    pub scoring: Vec<FieldChange>,
    /// Areas, services, perspectives, scales: added, removed or changed entries.
    pub registries: Vec<FieldChange>,
    /// Nodes, in the new version's tree order, then the deleted ones in the old version's.
    pub nodes: Vec<NodeDiff>,
    /// Overrides of outcomes added, changed or deleted: `override S7.4 2019`.
    pub overrides: Vec<FieldChange>,
    /// Reasons to read the diff with care (different bodies or years).
    #[serde(serialize_with = "as_texts")]
    pub warnings: Vec<Warning>,
}

impl PlanDiff {
    /// Whether the two versions are the same.
    pub fn is_empty(&self) -> bool {
        self.metadata.is_empty()
            && self.scoring.is_empty()
            && self.registries.is_empty()
            && self.nodes.is_empty()
            && self.overrides.is_empty()
    }
}

/// The change of `field`, when its two values read differently.
fn change(field: FieldName, old: FieldValue, new: FieldValue) -> Option<FieldChange> {
    (old.to_string() != new.to_string()).then_some(FieldChange { field, old, new })
}

/// The changes from `old` to `new`.
pub fn diff(old: &Plan, new: &Plan) -> PlanDiff {
    let mut result = PlanDiff::default();
    let (om, nm) = (&old.metadata, &new.metadata);
    if om.body != nm.body {
        result.warnings.push(Warning::Bodies(om.body.clone(), nm.body.clone()));
    }
    if om.year != nm.year {
        result.warnings.push(Warning::Years(om.year, nm.year));
        let shorthands: Vec<&str> = new
            .indicators()
            .filter(|&i| new.node(i).indicator().is_some_and(|indicator| indicator.plan_year_shorthand))
            .map(|i| new.node(i).id.as_str())
            .collect();
        if let Some(first) = shorthands.first() {
            result.warnings.push(Warning::Shorthand {
                count: shorthands.len(),
                first: (*first).to_owned(),
                old: om.year,
                new: nm.year,
            });
        }
    }
    let act = |act: &Option<Act>| act.clone().map_or(FieldValue::None, FieldValue::Act);
    let text = |text: &str| FieldValue::Text(text.to_owned());
    result.metadata = [
        change(FieldName::Body, text(&om.body), text(&nm.body)),
        change(FieldName::Title, text(&om.title), text(&nm.title)),
        change(FieldName::Year, FieldValue::Integer(om.year.into()), FieldValue::Integer(nm.year.into())),
        change(
            FieldName::Horizon,
            FieldValue::Horizon(om.first_year, om.last_year),
            FieldValue::Horizon(nm.first_year, nm.last_year),
        ),
        change(FieldName::AdoptedBy, act(&om.adopted_by), act(&nm.adopted_by)),
        change(FieldName::Lang, FieldValue::Lang(om.lang()), FieldValue::Lang(nm.lang())),
        change(FieldName::ActNumber, text(om.act_number.as_str()), text(nm.act_number.as_str())),
        change(FieldName::Levels, levels(old), levels(new)),
        change(
            FieldName::Notes,
            FieldValue::text_or_none(om.notes.clone()),
            FieldValue::text_or_none(nm.notes.clone()),
        ),
        change(FieldName::Accept, accepted(&om.accepted), accepted(&nm.accepted)),
    ]
    .into_iter()
    .flatten()
    .collect();
    let rules = |plan: &Plan| {
        let r = &plan.scoring;
        [
            (FieldName::Cap, FieldValue::Number(r.cap)),
            (FieldName::Floor, FieldValue::Number(r.floor)),
            (FieldName::PartialThreshold, FieldValue::Number(r.partial_threshold)),
            (FieldName::MissingData, FieldValue::MissingData(r.missing_data)),
            (FieldName::DeadlineGraceDays, FieldValue::Integer(r.deadline_grace_days.into())),
            (FieldName::BodyRule, FieldValue::Text(r.body.as_str().to_owned())),
            (FieldName::Parts, FieldValue::Text(r.parts.as_str().to_owned())),
            (FieldName::GroupWeights, FieldValue::Text(r.group_weights.as_str().to_owned())),
            (FieldName::Bands, bands(&r.bands)),
        ]
    };
    result.scoring =
        rules(old).into_iter().zip(rules(new)).filter_map(|((key, o), (_, n))| change(key, o, n)).collect();
    result.registries = registries(old, new);
    result.overrides = overrides(old, new);

    for index in new.walk() {
        let node = new.node(index);
        match old.find(&node.id) {
            None => result.nodes.push(NodeDiff {
                id: node.id.clone(),
                level: node.level(),
                name: node.name.clone(),
                change: NodeChange::Added,
                fields: Vec::new(),
                revisions_added: node.revisions().iter().cloned().map(Recorded).collect(),
                revisions_removed: Vec::new(),
            }),
            Some(old_index) => {
                if let Some(node_diff) = changed_node(old, old_index, new, index) {
                    result.nodes.push(node_diff);
                }
            }
        }
    }
    for index in old.walk() {
        let node = old.node(index);
        if new.find(&node.id).is_none() {
            result.nodes.push(NodeDiff {
                id: node.id.clone(),
                level: node.level(),
                name: node.name.clone(),
                change: NodeChange::Deleted,
                fields: Vec::new(),
                revisions_added: Vec::new(),
                revisions_removed: node.revisions().iter().cloned().map(Recorded).collect(),
            });
        }
    }
    result
}

/// The plan's names of the levels as one line: `strategic-objective: obiettivo specifico`.
fn levels(plan: &Plan) -> FieldValue {
    let names: Vec<String> = crate::plan::Level::ALL
        .iter()
        .filter_map(|&level| plan.level_names.get(level).map(|n| format!("{}: {} / {}", level.key(), n.name, n.plural)))
        .collect();
    FieldValue::text_or_none(Some(names.join("; ")))
}

/// An evaluation range: `0 non raggiunto (0); 70 parzialmente raggiunto; 90 raggiunto (100)`.
fn bands(bands: &[crate::plan::Band]) -> FieldValue {
    if bands.is_empty() {
        return FieldValue::None;
    }
    FieldValue::Bands(bands.to_vec())
}

/// A node's structured fields, each with its value.
fn fields(fields: &crate::plan::NodeFields) -> [(FieldName, FieldValue); 4] {
    let links: Vec<String> = fields.links.iter().map(ToString::to_string).collect();
    [
        (FieldName::Code, FieldValue::text_or_none(fields.code.clone())),
        (FieldName::Responsible, FieldValue::text_or_none(fields.responsible.as_ref().map(ToString::to_string))),
        (
            FieldName::Resources,
            if fields.resources.is_empty() { FieldValue::None } else { FieldValue::ByYear(fields.resources.clone()) },
        ),
        (FieldName::Links, FieldValue::text_or_none(Some(links.join("; ")))),
    ]
}

/// The acceptances: `incomplete-act: <reason>; empty-program: <reason>`.
fn accepted(accepted: &[Acceptance]) -> FieldValue {
    if accepted.is_empty() {
        return FieldValue::None;
    }
    FieldValue::Accepted(accepted.iter().map(|a| (a.code, a.reason.clone())).collect())
}

/// A node's weight: one number, or one by year.
fn weight(node: &Node) -> FieldValue {
    if node.weights_by_year().is_empty() {
        FieldValue::Number(node.weight)
    } else {
        FieldValue::ByYear(node.weights_by_year().clone())
    }
}

/// An indicator's measures as one line: `riusi (count, increase, base 2020: 600)`.
fn measures_text(indicator: &crate::plan::Indicator) -> FieldValue {
    let measures: Vec<String> = indicator
        .rare()
        .measures
        .iter()
        .map(|m| {
            let base = m.base.map(|b| format!(", base {}: {}", b.year, b.value.normalize())).unwrap_or_default();
            format!("{} {} ({}, {}{base})", m.id, m.name, m.unit.as_str(), m.polarity.as_str())
        })
        .collect();
    FieldValue::text_or_none(Some(measures.join("; ")))
}

/// A recorded base: its year and value.
fn base_text(base: Option<crate::plan::Base>) -> FieldValue {
    base.map_or(FieldValue::None, |b| FieldValue::ByYear(std::iter::once((b.year, b.value)).collect()))
}

/// Overrides matched by node id and year.
fn overrides(old: &Plan, new: &Plan) -> Vec<FieldChange> {
    let keyed = |plan: &Plan| -> Vec<((String, i32), Override)> {
        plan.overrides.iter().map(|o| ((plan.node(o.node).id.clone(), o.year), o.clone())).collect()
    };
    let (before, after) = (keyed(old), keyed(new));
    let field = |(id, year): &(String, i32)| FieldName::Override(id.clone(), *year);
    let mut changes: Vec<FieldChange> = after
        .iter()
        .filter_map(|(key, decision)| {
            let old_decision = before.iter().find(|(k, _)| k == key).map(|(_, d)| d.clone());
            change(
                field(key),
                old_decision.map_or(FieldValue::None, |d| FieldValue::Decision(Box::new(d))),
                FieldValue::Decision(Box::new(decision.clone())),
            )
        })
        .collect();
    changes.extend(before.iter().filter(|(key, _)| !after.iter().any(|(k, _)| k == key)).filter_map(
        |(key, decision)| change(field(key), FieldValue::Decision(Box::new(decision.clone())), FieldValue::None),
    ));
    changes
}

fn registries(old: &Plan, new: &Plan) -> Vec<FieldChange> {
    let mut changes = Vec::new();
    let mut compare = |what: &'static str, old: Vec<(String, FieldValue)>, new: Vec<(String, FieldValue)>| {
        for (id, value) in &new {
            let before = old.iter().find(|(o, _)| o == id).map_or(FieldValue::None, |(_, v)| v.clone());
            changes.extend(change(FieldName::Registry(what, id.clone()), before, value.clone()));
        }
        for (id, value) in &old {
            if !new.iter().any(|(n, _)| n == id) {
                changes.extend(change(FieldName::Registry(what, id.clone()), value.clone(), FieldValue::None));
            }
        }
    };
    let areas = |p: &Plan| p.areas.iter().map(|a| (a.id.clone(), FieldValue::Text(a.name.clone()))).collect();
    let services = |p: &Plan| {
        p.services
            .iter()
            .map(|s| (s.id.clone(), FieldValue::Service(s.name.clone(), p.areas[s.area].id.clone())))
            .collect()
    };
    let perspectives =
        |p: &Plan| p.perspectives.iter().map(|x| (x.id.clone(), FieldValue::Text(x.name.clone()))).collect();
    let scales = |p: &Plan| p.scales.iter().map(|x| (x.id.clone(), FieldValue::Scale(x.levels.clone()))).collect();
    compare("area", areas(old), areas(new));
    compare("service", services(old), services(new));
    compare("perspective", perspectives(old), perspectives(new));
    compare("scale", scales(old), scales(new));
    changes
}

fn changed_node(old: &Plan, old_index: NodeIndex, new: &Plan, new_index: NodeIndex) -> Option<NodeDiff> {
    let (o, n) = (old.node(old_index), new.node(new_index));
    let parent_id = |plan: &Plan, node: &Node| FieldValue::text_or_none(node.parent.map(|p| plan.node(p).id.clone()));
    let mut fields: Vec<FieldChange> = [
        change(FieldName::Level, FieldValue::Level(o.level()), FieldValue::Level(n.level())),
        change(FieldName::Name, FieldValue::Text(o.name.clone()), FieldValue::Text(n.name.clone())),
        change(FieldName::Parent, parent_id(old, o), parent_id(new, n)),
        change(FieldName::Status, FieldValue::Status(o.status), FieldValue::Status(n.status)),
        change(FieldName::Weight, weight(o), weight(n)),
        change(
            FieldName::Notes,
            FieldValue::text_or_none(o.notes().map(str::to_owned)),
            FieldValue::text_or_none(n.notes().map(str::to_owned)),
        ),
        change(FieldName::Accept, accepted(o.accepted()), accepted(n.accepted())),
    ]
    .into_iter()
    .flatten()
    .collect();
    let perspective =
        |plan: &Plan, p: Option<usize>| FieldValue::text_or_none(p.map(|p| plan.perspectives[p].id.clone()));
    fields.extend(change(FieldName::Perspective, perspective(old, o.perspective), perspective(new, n.perspective)));
    for ((key, before), (_, after)) in self::fields(o.fields()).into_iter().zip(self::fields(n.fields())) {
        fields.extend(change(key, before, after));
    }
    if let (NodeKind::Indicator(oi), NodeKind::Indicator(ni)) = (&o.kind, &n.kind) {
        let ids = |list: Vec<String>| FieldValue::text_or_none(Some(list.join(", ")));
        let services = |plan: &Plan, list: &[usize]| ids(list.iter().map(|&s| plan.services[s].id.clone()).collect());
        let areas = |plan: &Plan, list: &[usize]| ids(list.iter().map(|&a| plan.areas[a].id.clone()).collect());
        let scale = |plan: &Plan, s: Option<usize>| FieldValue::text_or_none(s.map(|s| plan.scales[s].id.clone()));
        let kind = |t: Option<crate::plan::IndicatorType>| t.map_or(FieldValue::None, FieldValue::IndicatorType);
        let reporter = |plan: &Plan, i: &crate::plan::Indicator| {
            FieldValue::text_or_none(plan.reporter(i).map(|s| plan.services[s].id.clone()))
        };
        fields.extend(
            [
                change(
                    FieldName::Formula,
                    FieldValue::text_or_none(oi.rare().formula.clone()),
                    FieldValue::text_or_none(ni.rare().formula.clone()),
                ),
                change(FieldName::Unit, FieldValue::Unit(oi.unit), FieldValue::Unit(ni.unit)),
                change(FieldName::Polarity, FieldValue::Polarity(oi.polarity), FieldValue::Polarity(ni.polarity)),
                change(FieldName::Scale, scale(old, oi.rare().scale), scale(new, ni.rare().scale)),
                change(FieldName::Services, services(old, &oi.services), services(new, &ni.services)),
                change(FieldName::Area, areas(old, &oi.areas), areas(new, &ni.areas)),
                change(FieldName::CrossCutting, FieldValue::Bool(oi.cross_cutting), FieldValue::Bool(ni.cross_cutting)),
                change(FieldName::ReportedBy, reporter(old, oi), reporter(new, ni)),
                change(FieldName::Measures, measures_text(oi), measures_text(ni)),
                change(FieldName::Base, base_text(oi.rare().base), base_text(ni.rare().base)),
                change(FieldName::Bands, bands(&oi.rare().bands), bands(&ni.rare().bands)),
                change(FieldName::Type, kind(oi.rare().indicator_type), kind(ni.rare().indicator_type)),
                change(
                    FieldName::Source,
                    FieldValue::text_or_none(oi.rare().data_source.clone()),
                    FieldValue::text_or_none(ni.rare().data_source.clone()),
                ),
            ]
            .into_iter()
            .flatten(),
        );
        let target =
            |t: Option<&std::sync::Arc<Target>>| t.map_or(FieldValue::None, |t| FieldValue::Target(Target::clone(t)));
        let years: BTreeSet<i32> = oi.targets.keys().chain(ni.targets.keys()).copied().collect();
        for year in years {
            // Canonical forms: `>=1` and `≥ 1` are the same target.
            fields.extend(change(
                FieldName::Target(Period::year(year)),
                target(oi.targets.get(&year)),
                target(ni.targets.get(&year)),
            ));
        }
        let periods: BTreeSet<crate::period::Period> =
            oi.rare().period_targets.keys().chain(ni.rare().period_targets.keys()).copied().collect();
        for period in periods {
            fields.extend(change(
                FieldName::Target(period),
                target(oi.rare().period_targets.get(&period)),
                target(ni.rare().period_targets.get(&period)),
            ));
        }
    }
    let records = |node: &Node| node.revisions().iter().cloned().map(Recorded).collect::<Vec<_>>();
    let (old_revisions, new_revisions) = (records(o), records(n));
    let revisions_added = multiset_difference(&new_revisions, &old_revisions);
    let revisions_removed = multiset_difference(&old_revisions, &new_revisions);
    (!fields.is_empty() || !revisions_added.is_empty() || !revisions_removed.is_empty()).then(|| NodeDiff {
        id: n.id.clone(),
        level: n.level(),
        name: n.name.clone(),
        change: NodeChange::Changed,
        fields,
        revisions_added,
        revisions_removed,
    })
}

/// The records of `a` not matched one for one in `b` (by their text), in `a`'s order.
fn multiset_difference(a: &[Recorded], b: &[Recorded]) -> Vec<Recorded> {
    let mut unmatched: Vec<String> = b.iter().map(ToString::to_string).collect();
    a.iter()
        .filter(|item| match unmatched.iter().position(|u| *u == item.to_string()) {
            Some(position) => {
                unmatched.remove(position);
                false
            }
            None => true,
        })
        .cloned()
        .collect()
}

/// A change in the new version that no revision covers.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Uncovered {
    /// The node's id (empty for plan-wide changes).
    pub id: String,
    /// What changed.
    #[serde(serialize_with = "as_text")]
    pub what: What,
    /// What would cover it.
    #[serde(serialize_with = "as_text")]
    pub needs: Needs,
    /// Where the change is in the new version's text, when it is there (not for a deletion).
    #[serde(skip)]
    pub span: Option<Span>,
}

/// What an uncovered change is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum What {
    /// A field changed.
    Field(FieldChange),
    /// A node of this level deleted from the file.
    Deleted(Level),
    /// A node of this level added.
    Added(Level),
    /// A revision record deleted.
    RevisionDeleted(Recorded),
}

impl What {
    /// The change in `form`.
    pub fn text(&self, form: Form) -> String {
        let lang = form.lang();
        let level = |level: &Level| match form {
            Form::Machine => level.key().to_owned(),
            Form::Human(lang) => words::level(lang, *level),
        };
        match self {
            What::Field(change) => change.text(form),
            What::Deleted(kind) => {
                Message::new("diff-what-deleted").arg("kind", kind.key()).arg("level", level(kind)).render(lang)
            }
            What::Added(kind) => {
                Message::new("diff-what-added").arg("kind", kind.key()).arg("level", level(kind)).render(lang)
            }
            What::RevisionDeleted(record) => {
                Message::new("diff-what-revision-deleted").arg("revision", record.text(form)).render(lang)
            }
        }
    }
}

impl fmt::Display for What {
    /// The change as `diff --format json` writes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Form::Machine))
    }
}

/// What would cover an uncovered change. `after` is the old version's adopting act, when it
/// records one: the act that covers must be later.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Needs {
    /// A new complete `adopted-by` act (for plan-wide changes).
    AdoptingAct {
        /// The old version's adopting act.
        after: Option<Act>,
    },
    /// A revision of this kind, added on the node or an ancestor, with a complete later act.
    Revision {
        /// The kind of revision.
        change: Change,
        /// The old version's adopting act.
        after: Option<Act>,
    },
    /// The override's own complete act.
    OverrideAct {
        /// The old version's adopting act.
        after: Option<Act>,
    },
    /// Nothing: a node deleted from the file.
    NothingForNode,
    /// Nothing: a revision record deleted.
    NothingForRevision,
    /// Nothing: an override deleted.
    NothingForOverride,
}

impl Needs {
    /// What is needed, in `lang`.
    pub fn message(&self, lang: Lang) -> Message {
        let after = |act: &Option<Act>| match act {
            Some(act) => Message::new("diff-after").arg("form", "act").message("act", words::act_message(lang, act)),
            None => Message::new("diff-after").arg("form", "dated").arg("act", ""),
        };
        match self {
            Needs::AdoptingAct { after: act } => Message::new("diff-needs-adopting-act").message("after", after(act)),
            Needs::Revision { change, after: act } => {
                Message::new("diff-needs-revision").arg("change", change.as_str()).message("after", after(act))
            }
            Needs::OverrideAct { after: act } => Message::new("diff-needs-override-act").message("after", after(act)),
            Needs::NothingForNode => Message::new("diff-needs-nothing-node"),
            Needs::NothingForRevision => Message::new("diff-needs-nothing-revision"),
            Needs::NothingForOverride => Message::new("diff-needs-nothing-override"),
        }
    }
}

impl fmt::Display for Needs {
    /// What is needed, as `diff --format json` writes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En).render(Lang::En))
    }
}

/// Every change of `diff` that no revision of `new` covers. A change is covered only by a
/// revision that `new` adds (one `old` does not record already), on the changed node or on an
/// ancestor, of the kind the change needs, whose act is complete and later than `old`'s
/// adoption (`Coverage::covers`). Plan-wide changes (metadata, scoring rules) need a new
/// complete `adopted-by` act; an override, its own complete act. Targets deleted for the years
/// after a node's removal are covered by the removal itself, as `check` asks for them to be
/// deleted (`target-after-removal`): one act, recorded once. Notes, acceptances and `lang` are not held
/// to acts; deleting a node, a revision record or an override is never covered (the history of
/// a plan is only added to).
pub fn uncovered(old: &Plan, new: &Plan, diff: &PlanDiff) -> Vec<Uncovered> {
    let coverage = Coverage { old, new };
    let after = old.metadata.adopted_by.clone();
    let mut result = Vec::new();
    let plan_wide: Vec<&FieldChange> = diff
        .metadata
        .iter()
        .chain(&diff.scoring)
        .filter(|c| c.field != FieldName::AdoptedBy && c.field.held_to_acts())
        .collect();
    if !plan_wide.is_empty() && !new.metadata.adopted_by.as_ref().is_some_and(|act| coverage.act_covers(act, None)) {
        for field in plan_wide {
            result.push(Uncovered {
                id: String::new(),
                what: What::Field(field.clone()),
                needs: Needs::AdoptingAct { after: after.clone() },
                span: None,
            });
        }
    }
    for node in &diff.nodes {
        let index = new.find(&node.id);
        match (node.change, index) {
            (NodeChange::Deleted, _) | (_, None) => result.push(Uncovered {
                id: node.id.clone(),
                what: What::Deleted(node.level),
                needs: Needs::NothingForNode,
                span: None,
            }),
            (NodeChange::Added, Some(index)) => {
                if !coverage.covers(index, &[Change::Inserted]) {
                    result.push(Uncovered {
                        id: node.id.clone(),
                        what: What::Added(node.level),
                        needs: Needs::Revision { change: Change::Inserted, after: after.clone() },
                        span: Some(new.node(index).span.clone()),
                    });
                }
            }
            (NodeChange::Changed, Some(index)) => {
                for field in node.fields.iter().filter(|f| f.field.held_to_acts()) {
                    if coverage.void_target_deleted(index, field) {
                        continue;
                    }
                    let removal = field.field == FieldName::Status && field.new == FieldValue::Status(Status::Removed);
                    let (changes, needed): (&[Change], Change) = if removal {
                        (&[Change::Removed], Change::Removed)
                    } else {
                        (&[Change::Updated, Change::Inserted], Change::Updated)
                    };
                    if !coverage.covers(index, changes) {
                        result.push(Uncovered {
                            id: node.id.clone(),
                            what: What::Field(field.clone()),
                            needs: Needs::Revision { change: needed, after: after.clone() },
                            span: Some(field_span(new, index, &field.field)),
                        });
                    }
                }
                for revision in &node.revisions_removed {
                    result.push(Uncovered {
                        id: node.id.clone(),
                        what: What::RevisionDeleted(revision.clone()),
                        needs: Needs::NothingForRevision,
                        span: Some(new.node(index).span.clone()),
                    });
                }
            }
        }
    }
    for change in &diff.overrides {
        let FieldName::Override(id, year) = &change.field else { continue };
        let decided = new.overrides.iter().find(|o| new.node(o.node).id == *id && o.year == *year);
        let needs = match decided {
            Some(decision) if coverage.act_covers(&decision.act, Some(decision.node)) => continue,
            Some(_) => Needs::OverrideAct { after: after.clone() },
            None => Needs::NothingForOverride,
        };
        result.push(Uncovered {
            id: id.clone(),
            what: What::Field(change.clone()),
            needs,
            span: decided.map(|d| d.span.clone()),
        });
    }
    result
}

/// Which acts and revisions of the new version cover its changes against the old one.
struct Coverage<'p> {
    old: &'p Plan,
    new: &'p Plan,
}

impl Coverage<'_> {
    /// Whether `act` can cover a change: it is complete (a number and a date; without a number
    /// only where the new version accepts `incomplete-act`, on `node` or in `[plan]`), and
    /// later than the old version's adoption: dated after it, or on its day with another
    /// number. An act without a number on the adoption day is probably the adopting act itself
    /// (as `check` and `history` say), so it never covers.
    fn act_covers(&self, act: &Act, node: Option<NodeIndex>) -> bool {
        let Some(date) = act.date else { return false };
        let accepts_unnumbered = |accepted: &[Acceptance]| accepted.iter().any(|a| a.code == Code::IncompleteAct);
        let numbered = act.number.is_some()
            || self.new.metadata.act_number == crate::plan::ActNumber::Optional
            || accepts_unnumbered(&self.new.metadata.accepted)
            || node.is_some_and(|index| accepts_unnumbered(self.new.node(index).accepted()));
        let adopted = self.old.metadata.adopted_by.as_ref();
        let later = match adopted.and_then(|a| a.date) {
            None => true,
            Some(adopted_on) => {
                date > adopted_on
                    || (date == adopted_on
                        && act.number.is_some()
                        && act.number != adopted.and_then(|a| a.number.clone()))
            }
        };
        numbered && later
    }

    /// Whether a revision added in the new version, of one of `changes`, on the node or on an
    /// ancestor, with an act that covers, exists.
    fn covers(&self, index: NodeIndex, changes: &[Change]) -> bool {
        std::iter::once(index).chain(self.new.ancestors(index)).any(|i| {
            self.added_revisions(i).into_iter().any(|revision| {
                changes.contains(&revision.change)
                    && revision.act.as_ref().is_some_and(|act| self.act_covers(act, Some(i)))
            })
        })
    }

    /// The revisions of a node of the new version that the old version does not record on the
    /// node with the same id (matched one for one).
    fn added_revisions(&self, index: NodeIndex) -> Vec<&Revision> {
        let node = self.new.node(index);
        let mut recorded: Vec<&Revision> =
            self.old.find(&node.id).map(|old| self.old.node(old).revisions().iter().collect()).unwrap_or_default();
        node.revisions()
            .iter()
            .filter(|revision| match recorded.iter().position(|r| same_record(r, revision)) {
                Some(position) => {
                    recorded.remove(position);
                    false
                }
                None => true,
            })
            .collect()
    }

    /// A target deleted for a year after the node's removal: the removal made it void, and
    /// `check` asks for it to go (`target-after-removal`), so the removal covers its deletion.
    fn void_target_deleted(&self, index: NodeIndex, field: &FieldChange) -> bool {
        let node = self.new.node(index);
        match (&field.field, node.removed_from()) {
            (FieldName::Target(period), Some(removed)) if period.is_year() => {
                field.new == FieldValue::None && node.status == Status::Removed && period.year > removed
            }
            _ => false,
        }
    }
}

/// Whether two revision records are the same record (their place in the file aside).
fn same_record(a: &Revision, b: &Revision) -> bool {
    let previous = |r: &Revision| r.previous.as_ref().map(|p| crate::plan::Previous { span: 0..0, ..(**p).clone() });
    a.change == b.change && a.act == b.act && a.year == b.year && a.note == b.note && previous(a) == previous(b)
}

/// Where a changed field of a node is written in its version: the year's target, the status,
/// the name, else the node's header.
pub fn field_span(plan: &Plan, index: NodeIndex, field: &FieldName) -> Span {
    let node = plan.node(index);
    let target = match field {
        FieldName::Target(period) => node.indicator().and_then(|indicator| {
            if period.is_year() {
                indicator.targets.span(period.year)
            } else {
                indicator.rare().period_target_spans.get(period).cloned()
            }
        }),
        _ => None,
    };
    if let Some(span) = target {
        return span;
    }
    match field {
        FieldName::Status => node.status_span.clone(),
        FieldName::Name => node.name_span.clone(),
        _ => node.span.clone(),
    }
}
