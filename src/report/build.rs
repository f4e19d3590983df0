//! Plan, actuals and scorecard → [`Report`]: the numbers in their two forms, the tree, the
//! multi-year view, the charts and the words.

use rust_decimal::Decimal;

use crate::actuals::{Actuals, Value};
use crate::date::Date;
use crate::history::Flag;
use crate::history::{ActGroup, History};
use crate::i18n::Lang;
use crate::plan::{Level, NodeIndex, Plan, ScoringRules, Unit};
use crate::provenance::{InputFile, Provenance};
use crate::render::score::{
    Field, INDICATOR_COLUMNS, Light, RowLevel, cited_override_note, computed_outcome, indicator_fields, percent_plain,
};
use crate::render::words;
use crate::score::{IndicatorScore, NodeScore, Rollup, Scorecard, Status};
use crate::target::Target;

use super::chart::{self, Bar, Point};
use super::labels;
use super::model::*;

/// Above this many indicators the tree's sections start closed, so that the page opens fast
/// and can be read section by section.
pub const COLLAPSE_ABOVE: usize = 300;

/// What a report is made from. The library reads nothing: the caller gives the plan, the
/// actuals it read, the scorecard of the year reported, where they came from and today's date.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    /// The plan.
    pub plan: &'a Plan,
    /// Every actual value read (all years), for the multi-year view.
    pub actuals: &'a Actuals,
    /// The year reported, scored.
    pub scorecard: &'a Scorecard,
    /// The files the figures come from.
    pub provenance: &'a Provenance,
    /// The day the report is made.
    pub generated: Date,
    /// The language of the report.
    pub lang: Lang,
}

/// Builds the data of the report.
pub fn build(inputs: &Inputs<'_>) -> Report {
    let Inputs { plan, scorecard, lang, .. } = *inputs;
    let year = scorecard.year;
    let rules = &scorecard.rules;
    let history = crate::history::history(plan);
    let years = YearScores::new(inputs);
    let context = Context { plan, scorecard, rules, years: &years, lang };

    let missions: Vec<MissionSection> = context.sections();
    let body = context.rollup_view(RowLevel::Body, "", &plan.metadata.body, "ente".to_owned(), &scorecard.body);
    let objectives: Vec<RollupView> =
        missions.iter().flat_map(|m| m.objectives.iter().filter(|o| !o.absent).map(|o| o.row.clone())).collect();
    let statuses: Vec<StatusCount> = scorecard
        .status_counts()
        .into_iter()
        .map(|(status, count)| StatusCount { status: status_view(lang, status), count })
        .collect();
    let summary = Summary {
        body_chart: body_chart(lang, &body, rules),
        status_chart: status_chart(lang, &statuses, scorecard),
        objectives_chart: bars_chart(lang, &labels::label(lang, "strategic_objective"), &objectives, rules),
        body,
        statuses,
        indicators: scorecard.indicators.len(),
        missions: missions.iter().filter(|m| !m.absent).map(|m| m.row.clone()).collect(),
        objectives,
    };
    let groups = context.groups();
    let deviations = deviations(&missions);
    let overrides = overrides(lang, plan, scorecard);
    let indicators = scorecard.indicators.len();
    Report {
        format_version: FORMAT_VERSION,
        language: lang.code(),
        labels: labels_of(lang, plan),
        document: document(lang, plan, &history, year, inputs.generated),
        statuses: Status::ALL
            .iter()
            .map(|&status| StatusLegend {
                status: status_view(lang, status),
                meaning: labels::status_meaning(lang, status, rules),
            })
            .collect(),
        summary,
        missions,
        groups,
        deviations,
        overrides,
        revisions: revisions(lang, plan, &history, year),
        rules: rules_view(lang, rules),
        provenance: provenance_view(inputs.provenance, year, inputs.generated),
        chart_definitions: chart::definitions(),
        collapsed: indicators > COLLAPSE_ABOVE,
    }
}

/// The scorecards of every year of the horizon, the reported one included, with each node's
/// and indicator's result found by index.
struct YearScores<'a> {
    years: Vec<(i32, ScorecardIndex<'a>)>,
    /// The reported year's position in `years`.
    reported: usize,
    /// Whether actuals of more than one year were given: the multi-year charts are drawn then.
    several_years: bool,
}

/// A scorecard with its results found by node index.
struct ScorecardIndex<'a> {
    scorecard: std::borrow::Cow<'a, Scorecard>,
    indicators: Vec<Option<usize>>,
    nodes: Vec<Option<usize>>,
}

impl<'a> ScorecardIndex<'a> {
    fn new(plan: &Plan, scorecard: std::borrow::Cow<'a, Scorecard>) -> Self {
        let mut indicators = vec![None; plan.nodes.len()];
        for (i, score) in scorecard.indicators.iter().enumerate() {
            indicators[score.node.0] = Some(i);
        }
        let mut nodes = vec![None; plan.nodes.len()];
        for (i, score) in scorecard.nodes.iter().enumerate() {
            nodes[score.node.0] = Some(i);
        }
        Self { scorecard, indicators, nodes }
    }

    fn indicator(&self, node: NodeIndex) -> Option<&IndicatorScore> {
        self.indicators[node.0].map(|i| &self.scorecard.indicators[i])
    }

    fn node(&self, node: NodeIndex) -> Option<&NodeScore> {
        self.nodes[node.0].map(|i| &self.scorecard.nodes[i])
    }

    fn has_actuals(&self) -> bool {
        self.scorecard.indicators.iter().any(|s| s.actual.is_some())
    }
}

impl<'a> YearScores<'a> {
    fn new(inputs: &Inputs<'a>) -> Self {
        let plan = inputs.plan;
        let reported_year = inputs.scorecard.year;
        let years: Vec<(i32, ScorecardIndex<'a>)> = plan
            .metadata
            .horizon()
            .map(|year| {
                let scorecard = if year == reported_year {
                    std::borrow::Cow::Borrowed(inputs.scorecard)
                } else {
                    std::borrow::Cow::Owned(crate::score::score(plan, inputs.actuals, year))
                };
                (year, ScorecardIndex::new(plan, scorecard))
            })
            .collect();
        let reported = years.iter().position(|(y, _)| *y == reported_year).unwrap_or(0);
        let several_years = years.iter().filter(|(_, s)| s.has_actuals()).count() > 1;
        Self { years, reported, several_years }
    }

    fn reported(&self) -> &ScorecardIndex<'a> {
        &self.years[self.reported].1
    }
}

struct Context<'a> {
    plan: &'a Plan,
    scorecard: &'a Scorecard,
    rules: &'a ScoringRules,
    years: &'a YearScores<'a>,
    lang: Lang,
}

impl Context<'_> {
    fn children(&self, node: NodeIndex, level: Level) -> impl Iterator<Item = NodeIndex> + '_ {
        self.plan.node(node).children.iter().copied().filter(move |&c| self.plan.node(c).level() == level)
    }

    fn node_row(&self, index: NodeIndex) -> RollupView {
        let node = self.plan.node(index);
        let level = RowLevel::of_node(node.level());
        let score = self.years.reported().node(index);
        let rollup = score.map(|s| s.rollup).unwrap_or_default();
        let mut row = self.rollup_view(level, &node.id, &node.name, anchor(&node.id), &rollup);
        row.operational = score
            .and_then(|s| s.operational)
            .map(|o| Box::new(self.rollup_view(level, &node.id, &node.name, String::new(), &o)));
        row.removed = self.plan.is_removed_in(index, self.scorecard.year);
        let numbers = self.plan.metadata.act_number;
        row.decision = score.and_then(|s| s.overridden.as_ref()).map(|o| cited_override_note(self.lang, o, numbers));
        row.code = node.fields().code.clone();
        row.responsible = node.fields().responsible.as_ref().map(ToString::to_string);
        row
    }

    /// The tree's sections from its roots: a mission each, and the roots below the missions'
    /// level (a plan without missions) together in one section marked absent.
    fn sections(&self) -> Vec<MissionSection> {
        let mut sections = Vec::new();
        let mut others = Vec::new();
        for &root in &self.plan.roots {
            if self.plan.node(root).level() == Level::Mission {
                if !others.is_empty() {
                    sections.push(self.absent_mission(std::mem::take(&mut others)));
                }
                sections.push(self.mission(root));
            } else {
                others.push(root);
            }
        }
        if !others.is_empty() {
            sections.push(self.absent_mission(others));
        }
        sections
    }

    fn mission(&self, index: NodeIndex) -> MissionSection {
        let row = self.node_row(index);
        let objectives = self.objectives(self.plan.node(index).children.clone());
        let rows: Vec<RollupView> = objectives.iter().filter(|o| !o.absent).map(|o| o.row.clone()).collect();
        let level = self.plan.level_names.get(Level::Mission).map(|name| name.name.clone());
        let what =
            format!("{} {} {}", level.unwrap_or_else(|| words::level(self.lang, Level::Mission)), row.id, row.name);
        MissionSection { absent: false, chart: bars_chart(self.lang, &what, &rows, self.rules), row, objectives }
    }

    /// The nodes below a level the plan does not have, in a section of their own without a row.
    fn absent_mission(&self, nodes: Vec<NodeIndex>) -> MissionSection {
        let objectives = self.objectives(nodes);
        let rows: Vec<RollupView> = objectives.iter().filter(|o| !o.absent).map(|o| o.row.clone()).collect();
        let what = self
            .plan
            .level_names
            .get(Level::StrategicObjective)
            .map_or_else(|| labels::label(self.lang, "section_strategic"), |name| name.plural.clone());
        let chart = bars_chart(self.lang, &what, &rows, self.rules);
        MissionSection { absent: true, chart, row: self.absent_row(), objectives }
    }

    /// The strategic objectives among `nodes`, and the programs and operational objectives among
    /// them (a plan without strategic objectives) in one section marked absent.
    fn objectives(&self, nodes: Vec<NodeIndex>) -> Vec<StrategicSection> {
        let mut objectives = Vec::new();
        let mut others = Vec::new();
        for node in nodes {
            match self.plan.node(node).level() {
                Level::StrategicObjective => objectives.push(self.strategic(node)),
                Level::Program | Level::OperationalObjective => others.push(node),
                _ => {}
            }
        }
        if !others.is_empty() {
            objectives.push(StrategicSection {
                absent: true,
                row: self.absent_row(),
                perspective: None,
                indicators: Vec::new(),
                trends: Vec::new(),
                programs: self.programs(others),
            });
        }
        objectives
    }

    /// The programs among `nodes`, and the operational objectives among them (right under a
    /// strategic objective or a mission) in one section marked absent.
    fn programs(&self, nodes: Vec<NodeIndex>) -> Vec<ProgramSection> {
        let mut programs = Vec::new();
        let mut objectives = Vec::new();
        for node in nodes {
            match self.plan.node(node).level() {
                Level::Program => programs.push(self.program(node)),
                Level::OperationalObjective => objectives.push(self.operational(node)),
                _ => {}
            }
        }
        if !objectives.is_empty() {
            programs.push(ProgramSection { absent: true, row: self.absent_row(), objectives });
        }
        programs
    }

    fn strategic(&self, index: NodeIndex) -> StrategicSection {
        let plan = self.plan;
        let perspective = plan.perspective_of(index).map(|p| plan.perspectives[p].name.clone());
        let indicators: Vec<IndicatorView> =
            self.children(index, Level::Indicator).filter_map(|i| self.indicator(i, index)).collect();
        let trends = self.children(index, Level::Indicator).map(|i| self.trend(i)).collect();
        let below: Vec<NodeIndex> =
            plan.node(index).children.iter().copied().filter(|&c| plan.node(c).level() != Level::Indicator).collect();
        let programs = self.programs(below);
        StrategicSection { absent: false, row: self.node_row(index), perspective, indicators, trends, programs }
    }

    fn program(&self, index: NodeIndex) -> ProgramSection {
        let objectives = self.children(index, Level::OperationalObjective).map(|o| self.operational(o)).collect();
        ProgramSection { absent: false, row: self.node_row(index), objectives }
    }

    fn operational(&self, index: NodeIndex) -> OperationalSection {
        OperationalSection {
            row: self.node_row(index),
            indicators: self.children(index, Level::Indicator).filter_map(|i| self.indicator(i, index)).collect(),
        }
    }

    fn indicator(&self, index: NodeIndex, parent: NodeIndex) -> Option<IndicatorView> {
        let score = self.years.reported().indicator(index)?;
        let plan = self.plan;
        let node = plan.node(index);
        let indicator = node.indicator()?;
        let numbers = Numbers::of(plan, self.scorecard, score, indicator.unit, self.lang);
        let parent = plan.node(parent);
        Some(IndicatorView {
            id: node.id.clone(),
            anchor: anchor(&node.id),
            level: indicator.level.as_str(),
            name: node.name.clone(),
            formula: indicator.rare().formula.clone(),
            unit: indicator.unit.as_str(),
            polarity: indicator.polarity.as_str(),
            target: score.target.as_ref().map(ToString::to_string),
            reference: numbers.reference,
            actual: numbers.actual,
            deviation: numbers.deviation,
            attainment: numbers.attainment,
            weight: numbers.weight.unwrap_or_else(|| plain_num(self.lang, node.weight)),
            status: status_view(self.lang, score.status),
            explanation: labels::explanation(self.lang, score, plan.metadata.act_number),
            note: score.note().map(str::to_owned),
            source: score.source().map(str::to_owned),
            needs_note: matches!(
                score.status,
                Status::Partial | Status::Missed | Status::Missing | Status::NotMeasurable
            ),
            services: indicator.services.iter().map(|&s| plan.services[s].name.clone()).collect(),
            areas: indicator.areas.iter().map(|&a| plan.areas[a].name.clone()).collect(),
            parent: ParentRef { id: parent.id.clone(), name: parent.name.clone(), anchor: anchor(&parent.id) },
            band: crate::render::score::indicator_band(plan, self.scorecard, score).map(str::to_owned),
            code: node.fields().code.clone(),
            indicator_type: indicator.rare().indicator_type.map(|t| words::indicator_type(self.lang, t)),
            data_source: indicator.rare().data_source.clone(),
            responsible: node.fields().responsible.as_ref().map(ToString::to_string),
            definition: score.definition().map(str::to_owned),
            parts: score
                .parts
                .iter()
                .map(|part| {
                    let (measure, unit) = match part.measure.as_deref().and_then(|m| indicator.measure(m)) {
                        Some((_, measure)) => (measure.name.clone(), measure.unit),
                        None => (String::new(), indicator.unit),
                    };
                    PartView {
                        measure,
                        target: part.target.to_string(),
                        actual: part.actual.as_ref().map(|v| words::actual(self.lang, v, unit)),
                        attainment: part.attainment.map(|a| attainment_num(self.lang, a)),
                        status: status_view(self.lang, part.status),
                    }
                })
                .collect(),
        })
    }

    fn trend(&self, index: NodeIndex) -> Trend {
        let plan = self.plan;
        let node = plan.node(index);
        let unit = node.indicator().map_or(Unit::Number, |i| i.unit);
        let mut years = Vec::new();
        let mut points = Vec::new();
        for (year, scores) in &self.years.years {
            let Some(score) = scores.indicator(index) else { continue };
            let numbers = Numbers::of(plan, &scores.scorecard, score, unit, self.lang);
            let target_number = match score.target.as_deref() {
                Some(Target::Compare { quantity, .. }) => Some(quantity.value),
                Some(Target::Baseline) | None => None,
                Some(_) => score.reference,
            };
            let actual_number = match score.actual {
                Some(Value::Number(n)) => Some(n),
                _ => None,
            };
            points.push((*year, target_number, actual_number, score.status));
            years.push(TrendYear {
                year: *year,
                target: score.target.as_ref().map(ToString::to_string),
                actual: numbers.actual,
                attainment: numbers.attainment,
                status: status_view(self.lang, score.status),
            });
        }
        let numeric = !matches!(unit, Unit::Date | Unit::Level | Unit::YesNo);
        let chart = (numeric && self.years.several_years).then(|| {
            let alt = labels::trend_chart(
                self.lang,
                &node.id,
                &years
                    .iter()
                    .map(|y| (y.year, y.target.clone(), y.actual.as_ref().map(|a| a.text.clone())))
                    .collect::<Vec<_>>(),
            );
            let points: Vec<Point<'_>> = points
                .iter()
                .map(|&(year, target, actual, status)| Point { year, target, actual, status: status.as_str() })
                .collect();
            chart::trend(&points, &labels::label(self.lang, "not_recorded_short"), alt, self.lang)
        });
        Trend { id: node.id.clone(), name: node.name.clone(), years, chart }
    }

    fn groups(&self) -> Groups {
        let view = |level: RowLevel, prefix: &str, group: &crate::score::GroupScore| {
            self.rollup_view(level, &group.id, &group.name, format!("{prefix}-{}", group.id), &group.rollup)
        };
        let perspectives: Vec<RollupView> =
            self.scorecard.perspectives.iter().map(|g| view(RowLevel::Perspective, "prospettiva", g)).collect();
        let areas: Vec<RollupView> = self.scorecard.areas.iter().map(|g| view(RowLevel::Area, "area", g)).collect();
        let services: Vec<RollupView> =
            self.scorecard.services.iter().map(|g| view(RowLevel::Service, "servizio", g)).collect();
        let lang = self.lang;
        Groups {
            perspectives_chart: bars_chart(lang, &labels::label(lang, "perspectives"), &perspectives, self.rules),
            perspectives,
            areas_chart: bars_chart(lang, &labels::label(lang, "areas"), &areas, self.rules),
            services_chart: bars_chart(lang, &labels::label(lang, "services"), &services, self.rules),
            areas,
            services,
        }
    }
}

/// An indicator's numbers in both forms: the fields of `score --format csv` (the same as its
/// JSON), with their text for people beside them.
struct Numbers {
    reference: Option<Num>,
    actual: Option<Num>,
    deviation: Option<Num>,
    attainment: Option<Num>,
    weight: Option<Num>,
}

impl Numbers {
    fn of(plan: &Plan, scorecard: &Scorecard, score: &IndicatorScore, unit: Unit, lang: Lang) -> Self {
        let fields = indicator_fields(plan, scorecard, score);
        let field = |column: &str| {
            INDICATOR_COLUMNS.iter().position(|c| *c == column).and_then(|i| fields.get(i)).unwrap_or(&Field::Empty)
        };
        // Days late, for a deadline.
        let deviation_unit = if unit == Unit::Date { Unit::Days } else { unit };
        Numbers {
            reference: num(lang, field("reference"), unit),
            actual: num(lang, field("actual"), unit),
            deviation: num(lang, field("deviation"), deviation_unit),
            attainment: num(lang, field("attainment"), unit),
            weight: num(lang, field("weight"), Unit::Number),
        }
    }
}

/// A field in its two forms; quantities get their unit.
fn num(lang: Lang, field: &Field, unit: Unit) -> Option<Num> {
    let text = match field {
        Field::Empty => return None,
        Field::Number(n) | Field::Percent(n) => words::quantity(lang, *n, unit),
        Field::Attainment(a) => words::attainment(lang, *a),
        Field::Date(date) => words::date(*date),
        Field::Integer(n) => n.to_string(),
        Field::Text(text) => text.clone(),
        Field::Word(word) => word.text(lang),
    };
    Some(Num { value: field.plain(), text })
}

fn plain_num(lang: Lang, value: Decimal) -> Num {
    Num { value: value.normalize().to_string(), text: words::number(lang, value) }
}

fn attainment_num(lang: Lang, value: Decimal) -> Num {
    Num { value: percent_plain(value), text: words::attainment(lang, value) }
}

fn status_view(lang: Lang, status: Status) -> StatusView {
    StatusView { key: status.as_str(), label: words::status(lang, status) }
}

/// A roll-up's attainment told as a status, by the thresholds of indicators.
fn grade(lang: Lang, attainment: Option<Decimal>, rules: &ScoringRules) -> StatusView {
    status_view(
        lang,
        match Light::of_attainment(attainment, rules) {
            Light::Green => Status::Met,
            Light::Yellow => Status::Partial,
            Light::Red => Status::Missed,
            Light::Grey => Status::NotMeasurable,
        },
    )
}

/// An `id` attribute for a node: `n-` and its id.
fn anchor(id: &str) -> String {
    format!("n-{id}")
}

impl Context<'_> {
    /// A rolled-up row: not removed, without its operational plan, a decision or the fields of
    /// its node (the callers add those a node has).
    fn rollup_view(&self, level: RowLevel, id: &str, name: &str, anchor: String, rollup: &Rollup) -> RollupView {
        RollupView {
            level: level.as_str(),
            id: id.to_owned(),
            name: name.to_owned(),
            anchor,
            attainment: rollup.attainment.map(|a| attainment_num(self.lang, a)),
            scored: rollup.scored,
            expected: rollup.expected,
            coverage: labels::coverage(self.lang, rollup.scored, rollup.expected),
            grade: grade(self.lang, rollup.attainment, self.rules),
            operational: None,
            removed: false,
            decision: None,
            band: crate::render::score::rollup_band(rollup.attainment, self.rules).map(|b| b.label.clone()),
            code: None,
            responsible: None,
        }
    }

    /// The row of a section that stands for a level the plan does not have: nothing to show.
    fn absent_row(&self) -> RollupView {
        RollupView { level: "", ..self.rollup_view(RowLevel::Body, "", "", String::new(), &Rollup::default()) }
    }
}

/// The report's words in `lang`, with the plan's names of the levels where it gives them, and
/// the note on the body's attainment in the words of the plan's rule.
fn labels_of(lang: Lang, plan: &Plan) -> std::collections::BTreeMap<&'static str, String> {
    let mut words = labels::labels(lang);
    let names = &plan.level_names;
    for (key, level, plural) in [
        ("mission", Level::Mission, false),
        ("missions", Level::Mission, true),
        ("strategic_objective", Level::StrategicObjective, false),
        ("program", Level::Program, false),
        ("operational_objective", Level::OperationalObjective, false),
        ("indicator", Level::Indicator, false),
    ] {
        if let Some(name) = names.get(level) {
            let word = if plural { &name.plural } else { &name.name };
            words.insert(key, capitalised(word));
        }
    }
    if plan.scoring.body != crate::plan::BodyRule::StrategicObjectives {
        let note = crate::msg!("report-body-attainment-note-rule", rule = plan.scoring.body.as_str());
        words.insert("body_attainment_note", note.render(lang));
    }
    words
}

/// `Obiettivo specifico` from `obiettivo specifico`: a label starts a line.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn body_chart(lang: Lang, body: &RollupView, rules: &ScoringRules) -> Chart {
    let attainment = body.attainment.as_ref().map(|a| a.text.clone());
    let threshold = words::number(lang, rules.partial_threshold);
    let alt = labels::body_chart(lang, attainment.as_deref(), &body.grade.label, &threshold);
    let value = attainment_value(body);
    let label = labels::label(lang, "body");
    let bar = Bar {
        level: "body",
        id: "",
        label: &label,
        value: value.and_then(|v| body.attainment.as_ref().map(|n| (v, n))),
        grade: body.grade.key,
        grade_label: &body.grade.label,
    };
    chart::bars(&[bar], &labels::threshold_marks(lang, rules), scale_max(rules), alt)
}

fn status_chart(lang: Lang, statuses: &[StatusCount], scorecard: &Scorecard) -> Chart {
    let rows: Vec<(&str, &str, usize)> =
        statuses.iter().map(|s| (s.status.key, s.status.label.as_str(), s.count)).collect();
    chart::counts(&rows, labels::status_chart(lang, &scorecard.status_counts()))
}

/// One bar per row, with the thresholds.
fn bars_chart(lang: Lang, what: &str, rows: &[RollupView], rules: &ScoringRules) -> Chart {
    let alt_rows: Vec<(String, Option<String>, &str)> = rows
        .iter()
        .map(|r| (r.id.clone(), r.attainment.as_ref().map(|a| a.text.clone()), r.grade.label.as_str()))
        .collect();
    let alt = labels::bars_chart(lang, what, &alt_rows, &words::number(lang, rules.partial_threshold));
    let values: Vec<Option<Decimal>> = rows.iter().map(attainment_value).collect();
    let bars: Vec<Bar<'_>> = rows
        .iter()
        .zip(&values)
        .map(|(row, value)| Bar {
            level: row.level,
            id: &row.id,
            label: &row.id,
            value: value.and_then(|v| row.attainment.as_ref().map(|n| (v, n))),
            grade: row.grade.key,
            grade_label: &row.grade.label,
        })
        .collect();
    chart::bars(&bars, &labels::threshold_marks(lang, rules), scale_max(rules), alt)
}

/// The attainment shown, as a number to draw (the rounded value the text shows).
fn attainment_value(row: &RollupView) -> Option<Decimal> {
    row.attainment.as_ref().and_then(|a| a.value.parse().ok())
}

/// The right end of the bars' scale: the cap, at least 100.
fn scale_max(rules: &ScoringRules) -> Decimal {
    rules.cap.max(Decimal::ONE_HUNDRED)
}

fn deviations(missions: &[MissionSection]) -> Deviations {
    let mut indicators = Vec::new();
    for objective in missions.iter().flat_map(|m| &m.objectives) {
        indicators.extend(objective.indicators.iter().filter(|i| i.needs_note).cloned());
        for program in &objective.programs {
            for operational in &program.objectives {
                indicators.extend(operational.indicators.iter().filter(|i| i.needs_note).cloned());
            }
        }
    }
    let without_note = indicators.iter().filter(|i| i.note.is_none()).count();
    Deviations { indicators, without_note }
}

fn overrides(lang: Lang, plan: &Plan, scorecard: &Scorecard) -> Vec<OverrideView> {
    let mut views: Vec<(NodeIndex, OverrideView)> = scorecard
        .overridden()
        .map(|(index, overridden)| {
            let node = plan.node(index);
            let decision = &overridden.decision;
            let attainment = match decision.outcome {
                crate::plan::Outcome::Neutralised => None,
                crate::plan::Outcome::Reassessed(value) => Some(attainment_num(lang, value)),
            };
            let view = OverrideView {
                level: words::level(lang, node.level()),
                id: node.id.clone(),
                name: node.name.clone(),
                anchor: anchor(&node.id),
                outcome: decision.outcome.as_str(),
                outcome_label: words::outcome(lang, decision.outcome),
                attainment,
                computed: computed_outcome(lang, overridden),
                reason: decision.reason.clone(),
                decided_by: decision.decided_by.clone(),
                act: words::cited_act(lang, &decision.act, plan.metadata.act_number),
            };
            (index, view)
        })
        .collect();
    // Tree order, as every other list of the report.
    let order: rustc_hash::FxHashMap<NodeIndex, usize> = plan.walk().enumerate().map(|(i, n)| (n, i)).collect();
    views.sort_by_key(|(index, _)| order.get(index).copied().unwrap_or(usize::MAX));
    views.into_iter().map(|(_, view)| view).collect()
}

fn date_view(date: Date) -> DateView {
    DateView { iso: date.iso(), text: words::date(date) }
}

/// Whether an act's revisions were in force at the end of `year`.
fn in_force_at_end_of(group: &ActGroup, year: i32) -> bool {
    match (group.date(), group.year) {
        (Some(date), _) => date.year() <= year,
        (None, Some(recorded)) => recorded <= year,
        (None, None) => true,
    }
}

fn document(lang: Lang, plan: &Plan, history: &History, year: i32, generated: Date) -> Document {
    let meta = &plan.metadata;
    Document {
        title: labels::document_title(lang, year),
        body: meta.body.clone(),
        plan_title: meta.title.clone(),
        year,
        plan_year: meta.year,
        horizon: [meta.first_year, meta.last_year],
        adopted_by: meta.adopted_by.as_ref().map(|act| words::cited_act(lang, act, meta.act_number)),
        acts_in_force: history
            .groups
            .iter()
            .filter(|g| in_force_at_end_of(g, year))
            .map(|g| g.cited_label(lang, meta.act_number))
            .collect(),
        generated: date_view(generated),
        notes: meta.notes.clone(),
    }
}

fn revisions(lang: Lang, plan: &Plan, history: &History, year: i32) -> Vec<ActView> {
    history
        .groups
        .iter()
        .map(|group| ActView {
            label: group.cited_label(lang, plan.metadata.act_number),
            date: group.date().map(date_view),
            in_year: group.date().map_or(group.year == Some(year), |d| d.year() == year),
            // The log's other flags say what the act lacks, which its label already says.
            flags: group
                .flags
                .iter()
                .filter(|flag| matches!(flag, Flag::Numbers { .. }))
                .map(|flag| flag.message(lang).render(lang))
                .collect(),
            entries: group
                .entries
                .iter()
                .map(|entry| {
                    let node = plan.node(entry.node);
                    RevisionEntry {
                        id: node.id.clone(),
                        level: words::level(lang, node.level()),
                        name: node.name.clone(),
                        change: ChangeView { key: entry.change.as_str(), label: words::change(lang, entry.change) },
                        note: entry.note.clone(),
                    }
                })
                .collect(),
        })
        .collect()
}

fn rules_view(lang: Lang, rules: &ScoringRules) -> Rules {
    Rules {
        cap: plain_num(lang, rules.cap),
        floor: plain_num(lang, rules.floor),
        partial_threshold: plain_num(lang, rules.partial_threshold),
        missing_data: rules.missing_data.as_str(),
        deadline_grace_days: rules.deadline_grace_days,
        sentences: labels::rules(lang, rules),
    }
}

fn file_view(file: &InputFile) -> FileView {
    FileView { name: file.name.clone(), sha256: file.sha256.clone(), bytes: file.bytes }
}

fn provenance_view(provenance: &Provenance, year: i32, generated: Date) -> ProvenanceView {
    let mut command = format!("cruscotto score {}", shell_word(&provenance.plan.name));
    for file in &provenance.actuals {
        command.push_str(&format!(" --actuals {}", shell_word(&file.name)));
    }
    command.push_str(&format!(" --year {year} --level all --format json"));
    ProvenanceView {
        tool: provenance.tool.clone(),
        plan: file_view(&provenance.plan),
        actuals: provenance.actuals.iter().map(file_view).collect(),
        git: provenance.git.as_ref().map(|g| GitView { commit: g.commit.clone(), clean: g.clean }),
        generated: date_view(generated),
        command,
    }
}

/// A file name as a shell word: quoted when it holds anything but plain characters.
fn shell_word(name: &str) -> String {
    let plain = name.chars().all(|c| c.is_ascii_alphanumeric() || "-_./+,:@".contains(c));
    if plain && !name.is_empty() { name.to_owned() } else { format!("'{}'", name.replace('\'', "'\\''")) }
}
