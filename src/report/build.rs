//! Plan, actuals and scorecard → [`Report`]: the numbers in their two forms, the tree, the
//! multi-year view, the charts and the words.

use rust_decimal::Decimal;

use crate::actuals::{Actuals, Value};
use crate::date::Date;
use crate::history::{ActGroup, History};
use crate::i18n::Lang;
use crate::number::format_italian;
use crate::plan::{Level, NodeIndex, Plan, ScoringRules, Unit};
use crate::provenance::{InputFile, Provenance};
use crate::render::score::{Field, INDICATOR_COLUMNS, Light, indicator_fields, percent_italian, percent_plain};
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
}

/// Builds the data of the report.
pub fn build(inputs: &Inputs<'_>) -> Report {
    let Inputs { plan, scorecard, .. } = *inputs;
    let year = scorecard.year;
    let rules = &scorecard.rules;
    let history = crate::history::history(plan);
    let years = YearScores::new(inputs);
    let context = Context { plan, scorecard, rules, years: &years };

    let missions: Vec<MissionSection> = context.sections();
    let body = rollup_view("body", "", &plan.metadata.body, "ente".to_owned(), &scorecard.body, rules, None, false);
    let objectives: Vec<RollupView> =
        missions.iter().flat_map(|m| m.objectives.iter().filter(|o| !o.absent).map(|o| o.row.clone())).collect();
    let statuses: Vec<StatusCount> = scorecard
        .status_counts()
        .into_iter()
        .map(|(status, count)| StatusCount { status: status_view(status), count })
        .collect();
    let summary = Summary {
        body_chart: body_chart(&body, rules),
        status_chart: status_chart(&statuses, scorecard),
        objectives_chart: bars_chart(labels::label("strategic_objective"), &objectives, rules),
        body,
        statuses,
        indicators: scorecard.indicators.len(),
        missions: missions.iter().filter(|m| !m.absent).map(|m| m.row.clone()).collect(),
        objectives,
    };
    let groups = context.groups();
    let deviations = deviations(&missions);
    let overrides = overrides(plan, scorecard);
    let indicators = scorecard.indicators.len();
    Report {
        format_version: FORMAT_VERSION,
        language: labels::LANGUAGE,
        labels: labels_of(plan),
        document: document(plan, &history, year, inputs.generated),
        statuses: Status::ALL
            .iter()
            .map(|&status| StatusLegend { status: status_view(status), meaning: labels::status_meaning(status, rules) })
            .collect(),
        summary,
        missions,
        groups,
        deviations,
        overrides,
        revisions: revisions(plan, &history, year),
        rules: rules_view(rules),
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
}

impl Context<'_> {
    fn children(&self, node: NodeIndex, level: Level) -> impl Iterator<Item = NodeIndex> + '_ {
        self.plan.node(node).children.iter().copied().filter(move |&c| self.plan.node(c).level() == level)
    }

    fn node_row(&self, index: NodeIndex) -> RollupView {
        let node = self.plan.node(index);
        let level = match node.level() {
            Level::Mission => "mission",
            Level::StrategicObjective => "strategic",
            Level::Program => "program",
            _ => "operational",
        };
        let score = self.years.reported().node(index);
        let rollup = score.map(|s| s.rollup).unwrap_or_default();
        let operational = score
            .and_then(|s| s.operational)
            .map(|o| Box::new(rollup_view(level, &node.id, &node.name, String::new(), &o, self.rules, None, false)));
        let removed = self.plan.is_removed_in(index, self.scorecard.year);
        let mut row =
            rollup_view(level, &node.id, &node.name, anchor(&node.id), &rollup, self.rules, operational, removed);
        row.decision =
            score.and_then(|s| s.overridden.as_ref()).map(|o| labels::decision(o, self.plan.metadata.act_number));
        row.code = node.fields.code.clone();
        row.responsible = node.fields.responsible.as_ref().map(ToString::to_string);
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
        let what = format!(
            "{} {} {}",
            self.plan.level_names.name_or(Level::Mission, labels::level(Level::Mission)),
            row.id,
            row.name
        );
        MissionSection { absent: false, chart: bars_chart(&what, &rows, self.rules), row, objectives }
    }

    /// The nodes below a level the plan does not have, in a section of their own without a row.
    fn absent_mission(&self, nodes: Vec<NodeIndex>) -> MissionSection {
        let objectives = self.objectives(nodes);
        let rows: Vec<RollupView> = objectives.iter().filter(|o| !o.absent).map(|o| o.row.clone()).collect();
        let what = self.plan.level_names.plural_or(Level::StrategicObjective, labels::label("section_strategic"));
        MissionSection { absent: true, chart: bars_chart(what, &rows, self.rules), row: absent_row(), objectives }
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
                row: absent_row(),
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
            programs.push(ProgramSection { absent: true, row: absent_row(), objectives });
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
        let numbers = Numbers::of(plan, self.scorecard, score, indicator.unit);
        let parent = plan.node(parent);
        Some(IndicatorView {
            id: node.id.clone(),
            anchor: anchor(&node.id),
            level: indicator.level.as_str(),
            name: node.name.clone(),
            formula: indicator.formula.clone(),
            unit: indicator.unit.as_str(),
            polarity: indicator.polarity.as_str(),
            target: score.target.as_ref().map(ToString::to_string),
            reference: numbers.reference,
            actual: numbers.actual,
            deviation: numbers.deviation,
            attainment: numbers.attainment,
            weight: numbers.weight.unwrap_or_else(|| plain_num(node.weight)),
            status: status_view(score.status),
            explanation: labels::explanation(plan, score, self.scorecard.year),
            note: score.note.clone(),
            source: score.source.clone(),
            needs_note: matches!(
                score.status,
                Status::Partial | Status::Missed | Status::Missing | Status::NotMeasurable
            ),
            services: indicator.services.iter().map(|&s| plan.services[s].name.clone()).collect(),
            areas: indicator.areas.iter().map(|&a| plan.areas[a].name.clone()).collect(),
            parent: ParentRef { id: parent.id.clone(), name: parent.name.clone(), anchor: anchor(&parent.id) },
            band: crate::render::score::indicator_band(plan, self.scorecard, score).map(str::to_owned),
            code: node.fields.code.clone(),
            indicator_type: indicator.indicator_type.map(|t| t.italian().to_owned()),
            data_source: indicator.data_source.clone(),
            responsible: node.fields.responsible.as_ref().map(ToString::to_string),
            definition: score.definition.clone(),
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
                        actual: part.actual.as_ref().map(|v| crate::render::score::actual_text(v, unit)),
                        attainment: part.attainment.map(attainment_num),
                        status: status_view(part.status),
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
            let numbers = Numbers::of(plan, &scores.scorecard, score, unit);
            let target_number = match &score.target {
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
                status: status_view(score.status),
            });
        }
        let numeric = !matches!(unit, Unit::Date | Unit::Level | Unit::YesNo);
        let chart = (numeric && self.years.several_years).then(|| {
            let alt = labels::trend_chart(
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
            chart::trend(&points, labels::label("not_recorded_short"), alt)
        });
        Trend { id: node.id.clone(), name: node.name.clone(), years, chart }
    }

    fn groups(&self) -> Groups {
        let view = |level: &'static str, prefix: &str, group: &crate::score::GroupScore| {
            rollup_view(
                level,
                &group.id,
                &group.name,
                format!("{prefix}-{}", group.id),
                &group.rollup,
                self.rules,
                None,
                false,
            )
        };
        let perspectives: Vec<RollupView> =
            self.scorecard.perspectives.iter().map(|g| view("perspective", "prospettiva", g)).collect();
        let areas: Vec<RollupView> = self.scorecard.areas.iter().map(|g| view("area", "area", g)).collect();
        let services: Vec<RollupView> =
            self.scorecard.services.iter().map(|g| view("service", "servizio", g)).collect();
        Groups {
            perspectives_chart: bars_chart(
                &crate::msg!("shapes-report-perspectives").render(Lang::It),
                &perspectives,
                self.rules,
            ),
            perspectives,
            areas_chart: bars_chart(labels::label("areas"), &areas, self.rules),
            services_chart: bars_chart(labels::label("services"), &services, self.rules),
            areas,
            services,
        }
    }
}

/// An indicator's numbers in both forms: the fields of `score --format csv` (the same as its
/// JSON), with the Italian text beside them.
struct Numbers {
    reference: Option<Num>,
    actual: Option<Num>,
    deviation: Option<Num>,
    attainment: Option<Num>,
    weight: Option<Num>,
}

impl Numbers {
    fn of(plan: &Plan, scorecard: &Scorecard, score: &IndicatorScore, unit: Unit) -> Self {
        let fields = indicator_fields(plan, scorecard, score);
        let field = |column: &str| {
            INDICATOR_COLUMNS.iter().position(|c| *c == column).and_then(|i| fields.get(i)).unwrap_or(&Field::Empty)
        };
        // Days late, for a deadline.
        let deviation_unit = if unit == Unit::Date { Unit::Days } else { unit };
        Numbers {
            reference: num(field("reference"), unit),
            actual: match (field("actual"), &score.actual) {
                (Field::Text(plain), Some(value)) => Some(Num { value: plain.clone(), text: value.to_string() }),
                (other, _) => num(other, unit),
            },
            deviation: num(field("deviation"), deviation_unit),
            attainment: num(field("attainment"), unit),
            weight: num(field("weight"), Unit::Number),
        }
    }
}

/// A field in its two forms; quantities get their unit.
fn num(field: &Field, unit: Unit) -> Option<Num> {
    let text = match field {
        Field::Empty => return None,
        Field::Number(n) | Field::Percent(n) => with_unit(format_italian(*n), unit),
        Field::Attainment(a) => percent_italian(*a),
        Field::Date(date) => date.to_string(),
        Field::Integer(n) => n.to_string(),
        Field::Text(text) => text.clone(),
    };
    Some(Num { value: field.plain(), text })
}

fn with_unit(number: String, unit: Unit) -> String {
    match unit {
        Unit::Percent => format!("{number}%"),
        Unit::Days => format!("{number} gg"),
        Unit::Euro => format!("{number} €"),
        _ => number,
    }
}

fn plain_num(value: Decimal) -> Num {
    Num { value: value.normalize().to_string(), text: format_italian(value) }
}

fn attainment_num(value: Decimal) -> Num {
    Num { value: percent_plain(value), text: percent_italian(value) }
}

fn status_view(status: Status) -> StatusView {
    StatusView { key: status.as_str(), label: labels::status(status) }
}

/// A roll-up's attainment told as a status, by the thresholds of indicators.
fn grade(attainment: Option<Decimal>, rules: &ScoringRules) -> StatusView {
    status_view(match Light::of_attainment(attainment, rules) {
        Light::Green => Status::Met,
        Light::Yellow => Status::Partial,
        Light::Red => Status::Missed,
        Light::Grey => Status::NotMeasurable,
    })
}

/// An `id` attribute for a node: `n-` and its id.
fn anchor(id: &str) -> String {
    format!("n-{id}")
}

#[allow(clippy::too_many_arguments)]
fn rollup_view(
    level: &'static str,
    id: &str,
    name: &str,
    anchor: String,
    rollup: &Rollup,
    rules: &ScoringRules,
    operational: Option<Box<RollupView>>,
    removed: bool,
) -> RollupView {
    RollupView {
        level,
        id: id.to_owned(),
        name: name.to_owned(),
        anchor,
        attainment: rollup.attainment.map(attainment_num),
        scored: rollup.scored,
        expected: rollup.expected,
        coverage: labels::coverage(rollup.scored, rollup.expected),
        grade: grade(rollup.attainment, rules),
        operational,
        removed,
        decision: None,
        band: crate::render::score::rollup_band(rollup.attainment, rules).map(|b| b.label.clone()),
        code: None,
        responsible: None,
    }
}

/// The row of a section that stands for a level the plan does not have: nothing to show.
fn absent_row() -> RollupView {
    rollup_view("", "", "", String::new(), &Rollup::default(), &ScoringRules::default(), None, false)
}

/// The report's words, with the plan's names of the levels where it gives them, and the words
/// of plans of other shapes.
fn labels_of(plan: &Plan) -> std::collections::BTreeMap<&'static str, String> {
    let mut words: std::collections::BTreeMap<&'static str, String> =
        labels::labels().into_iter().map(|(k, v)| (k, v.to_owned())).collect();
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
    let body_note = match plan.scoring.body {
        crate::plan::BodyRule::StrategicObjectives => None,
        rule => Some(crate::msg!("shapes-report-body-note", rule = rule.as_str()).render(Lang::It)),
    };
    if let Some(note) = body_note {
        words.insert("body_attainment_note", note);
    }
    for (key, id) in [
        ("perspectives", "shapes-report-perspectives"),
        ("band", "shapes-column-band"),
        ("code", "shapes-report-code"),
        ("indicator_type", "shapes-report-type"),
        ("data_source", "shapes-report-data-source"),
        ("responsible", "shapes-report-responsible"),
        ("definition", "shapes-report-definition"),
        ("parts", "shapes-report-parts"),
        ("measure", "shapes-report-measure"),
    ] {
        words.insert(key, crate::i18n::Message::new(id).render(Lang::It));
    }
    words
}

/// `Obiettivo specifico` from `obiettivo specifico`: a label starts a line.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn body_chart(body: &RollupView, rules: &ScoringRules) -> Chart {
    let attainment = body.attainment.as_ref().map(|a| a.text.clone());
    let alt = labels::body_chart(attainment.as_deref(), &body.grade.label, &format_italian(rules.partial_threshold));
    let value = attainment_value(body);
    let bar = Bar {
        level: "body",
        id: "",
        label: labels::label("body"),
        value: value.and_then(|v| body.attainment.as_ref().map(|n| (v, n))),
        grade: body.grade.key,
        grade_label: &body.grade.label,
    };
    chart::bars(&[bar], &labels::threshold_marks(rules), scale_max(rules), alt)
}

fn status_chart(statuses: &[StatusCount], scorecard: &Scorecard) -> Chart {
    let rows: Vec<(&str, &str, usize)> =
        statuses.iter().map(|s| (s.status.key, s.status.label.as_str(), s.count)).collect();
    chart::counts(&rows, labels::status_chart(&scorecard.status_counts()))
}

/// One bar per row, with the thresholds.
fn bars_chart(what: &str, rows: &[RollupView], rules: &ScoringRules) -> Chart {
    let alt_rows: Vec<(String, Option<String>, &str)> = rows
        .iter()
        .map(|r| (r.id.clone(), r.attainment.as_ref().map(|a| a.text.clone()), r.grade.label.as_str()))
        .collect();
    let alt = labels::bars_chart(what, &alt_rows, &format_italian(rules.partial_threshold));
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
    chart::bars(&bars, &labels::threshold_marks(rules), scale_max(rules), alt)
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

fn overrides(plan: &Plan, scorecard: &Scorecard) -> Vec<OverrideView> {
    let mut views: Vec<(NodeIndex, OverrideView)> = scorecard
        .overridden()
        .map(|(index, overridden)| {
            let node = plan.node(index);
            let decision = &overridden.decision;
            let (outcome_label, attainment) = match decision.outcome {
                crate::plan::Outcome::Neutralised => (labels::label("neutralised"), None),
                crate::plan::Outcome::Reassessed(value) => (labels::label("reassessed"), Some(attainment_num(value))),
            };
            let view = OverrideView {
                level: labels::level(node.level()),
                id: node.id.clone(),
                name: node.name.clone(),
                anchor: anchor(&node.id),
                outcome: decision.outcome.as_str(),
                outcome_label,
                attainment,
                computed: labels::computed(overridden),
                reason: decision.reason.clone(),
                decided_by: decision.decided_by.clone(),
                act: labels::act(&decision.act, plan.metadata.act_number),
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
    DateView { iso: date.iso(), text: date.to_string() }
}

/// Whether an act's revisions were in force at the end of `year`.
fn in_force_at_end_of(group: &ActGroup, year: i32) -> bool {
    match (group.date(), group.year) {
        (Some(date), _) => date.year() <= year,
        (None, Some(recorded)) => recorded <= year,
        (None, None) => true,
    }
}

fn act_label(group: &ActGroup, number: crate::plan::ActNumber) -> String {
    match &group.act {
        Some(act) => labels::act(act, number),
        None => labels::no_act(group.year),
    }
}

fn document(plan: &Plan, history: &History, year: i32, generated: Date) -> Document {
    let meta = &plan.metadata;
    Document {
        title: labels::document_title(year),
        body: meta.body.clone(),
        plan_title: meta.title.clone(),
        year,
        plan_year: meta.year,
        horizon: [meta.first_year, meta.last_year],
        adopted_by: meta.adopted_by.as_ref().map(|act| labels::act(act, meta.act_number)),
        acts_in_force: history
            .groups
            .iter()
            .filter(|g| in_force_at_end_of(g, year))
            .map(|g| act_label(g, meta.act_number))
            .collect(),
        generated: date_view(generated),
        notes: meta.notes.clone(),
    }
}

fn revisions(plan: &Plan, history: &History, year: i32) -> Vec<ActView> {
    let numbers_by_date = history.numbers_by_date();
    history
        .groups
        .iter()
        .map(|group| ActView {
            label: act_label(group, plan.metadata.act_number),
            date: group.date().map(date_view),
            in_year: group.date().map_or(group.year == Some(year), |d| d.year() == year),
            flags: group
                .date()
                .and_then(|date| numbers_by_date.get(&date).filter(|n| n.len() > 1).map(|n| (date, n)))
                .map(|(date, numbers)| vec![labels::conflicting_numbers(date, numbers)])
                .unwrap_or_default(),
            entries: group
                .entries
                .iter()
                .map(|entry| {
                    let node = plan.node(entry.node);
                    RevisionEntry {
                        id: node.id.clone(),
                        level: labels::level(node.level()),
                        name: node.name.clone(),
                        change: ChangeView { key: entry.change.as_str(), label: labels::change(entry.change) },
                        note: entry.note.clone(),
                    }
                })
                .collect(),
        })
        .collect()
}

fn rules_view(rules: &ScoringRules) -> Rules {
    Rules {
        cap: plain_num(rules.cap),
        floor: plain_num(rules.floor),
        partial_threshold: plain_num(rules.partial_threshold),
        missing_data: rules.missing_data.as_str(),
        deadline_grace_days: rules.deadline_grace_days,
        sentences: labels::rules(rules),
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
