//! Indicators: references (scale, services, areas, measures), targets (horizon, baseline,
//! levels, bases), and the data-quality findings about them (units, polarity, deadlines,
//! targets after a removal). A target of several conditions is checked condition by condition,
//! each against the value it is on: the indicator's own, or one of its measures.

use std::collections::BTreeMap;

use crate::diagnostic::{Code, Reporter};
use crate::load::{RawIndicator, RawMeasure, RawNode};
use crate::period::Period;
use crate::plan::{Base, Indicator, IndicatorLevel, Measure, Metadata, PolaritySource, Status, Unit};
use crate::source::Span;
use crate::target::{BaseRef, Polarity, Target};

use super::registry::{Registries, resolve};

/// A target with where its period (a year, or a part of one) and its value are written.
struct Entry {
    period: Period,
    year_span: Span,
    target: Target,
    span: Span,
}

impl Entry {
    fn year(&self) -> i32 {
        self.period.year
    }
}

/// One condition of a target: the target itself, or one of its parts, on the indicator's own
/// value (`measure: None`) or on a measure.
struct Condition<'e> {
    entry: &'e Entry,
    measure: Option<String>,
    target: Target,
}

/// Every condition of every target, in order.
fn conditions(entries: &[Entry]) -> Vec<Condition<'_>> {
    entries
        .iter()
        .flat_map(|entry| {
            entry.target.conditions().into_iter().map(move |(measure, target)| Condition {
                entry,
                measure: measure.map(str::to_owned),
                target,
            })
        })
        .collect()
}

pub(super) fn build(
    reporter: &mut Reporter<'_>,
    node: &RawNode,
    level: IndicatorLevel,
    metadata: &Metadata,
    horizon_known: bool,
    registries: &Registries,
) -> Indicator {
    let raw = node.indicator.as_ref().expect("indicator nodes carry indicator keys");
    let id = node.id.get_ref();
    let scale =
        raw.scale.as_ref().and_then(|s| resolve(reporter, s, &registries.scale_ids, Code::UndeclaredScale, "scale"));
    let services: Vec<usize> = raw
        .services
        .iter()
        .filter_map(|s| resolve(reporter, s, &registries.service_ids, Code::UndeclaredService, "service"))
        .collect();
    let declared_areas: Vec<usize> = raw
        .areas
        .iter()
        .filter_map(|a| resolve(reporter, a, &registries.area_ids, Code::UndeclaredArea, "area"))
        .collect();
    let mut service_areas: Vec<usize> = Vec::new();
    for &service in &services {
        let area = registries.services[service].area;
        if area != usize::MAX && !service_areas.contains(&area) {
            service_areas.push(area);
        }
    }
    check_area_mismatch(reporter, raw, id, &declared_areas, &service_areas, registries);
    let areas = if raw.areas.is_empty() { service_areas } else { declared_areas };

    let entries = collect_targets(reporter, raw, id, metadata, horizon_known);
    let all = conditions(&entries);
    let own: Vec<&Condition<'_>> = all.iter().filter(|c| c.measure.is_none()).collect();
    let scale = check_levels(reporter, &own, scale, raw, registries);
    let unit = unit(reporter, raw, id, &own, scale.is_some());
    let (polarity, polarity_source) = polarity(reporter, raw.polarity, id, &own);
    check_deadlines(reporter, id, &own);
    check_targets_after_removal(reporter, node, &entries);
    let measures = measures(reporter, raw, id, &all);
    let horizon = horizon_known.then(|| metadata.horizon());
    check_bases(reporter, raw, id, &all, horizon);

    let (years, periods): (Vec<Entry>, Vec<Entry>) = entries.into_iter().partition(|e| e.period.is_year());
    Indicator {
        level,
        formula: raw.formula.clone(),
        unit,
        polarity,
        polarity_source,
        scale,
        target_spans: years.iter().map(|entry| (entry.year(), entry.span.clone())).collect(),
        targets: years.into_iter().map(|entry| (entry.year(), entry.target)).collect(),
        period_target_spans: periods.iter().map(|entry| (entry.period, entry.span.clone())).collect(),
        period_targets: periods.into_iter().map(|entry| (entry.period, entry.target)).collect(),
        plan_year_shorthand: raw.plan_year_target.is_some(),
        services,
        areas,
        cross_cutting: raw.cross_cutting,
        measures,
        base: raw.base.as_ref().map(|b| *b.get_ref()),
        bands: raw.bands.clone(),
        indicator_type: raw.indicator_type,
        data_source: raw.data_source.clone(),
    }
}

/// The measures, each with its polarity (declared, or inferred from the conditions on it),
/// after checking that every condition names a declared measure in the measure's unit.
fn measures(reporter: &mut Reporter<'_>, raw: &RawIndicator, id: &str, all: &[Condition<'_>]) -> Vec<Measure> {
    for condition in all {
        let Some(measure) = &condition.measure else { continue };
        let span = &condition.entry.span;
        if !raw.measures.iter().any(|m| m.id.get_ref() == measure) {
            let declared: Vec<String> = raw.measures.iter().map(|m| format!("`{}`", m.id.get_ref())).collect();
            let message = crate::msg!("shapes-unknown-measure", measure = measure, id = id);
            let help = if declared.is_empty() {
                crate::msg!("shapes-unknown-measure-help-none", measure = measure)
            } else {
                crate::msg!("shapes-unknown-measure-help", declared = declared.join(", "))
            };
            reporter.report(Code::InvalidTarget, span, message.to_string()).help = Some(help.to_string());
        } else if let Target::Level { .. } = condition.target {
            let message = crate::msg!("shapes-level-on-measure", measure = measure, id = id);
            reporter.report(Code::InvalidTarget, span, message.to_string());
        }
    }
    raw.measures.iter().map(|measure| build_measure(reporter, measure, id, all)).collect()
}

fn build_measure(reporter: &mut Reporter<'_>, raw: &RawMeasure, id: &str, all: &[Condition<'_>]) -> Measure {
    let on_it: Vec<&Condition<'_>> =
        all.iter().filter(|c| c.measure.as_deref() == Some(raw.id.get_ref().as_str())).collect();
    let label = format!("{id}:{}", raw.id.get_ref());
    for condition in on_it.iter().filter(|c| !raw.unit.fits(&c.target)) {
        let implied = implied_unit(&condition.target);
        let message = format!(
            "the {} target `{}` of `{label}` is a {}, but its unit is `{}`",
            condition.entry.period,
            condition.target,
            describe(implied),
            raw.unit.as_str()
        );
        reporter.report(Code::InconsistentUnit, &condition.entry.span, message).help =
            Some("write every year's target in the same unit, or set `unit` to the one meant".to_owned());
    }
    let (polarity, polarity_source) = polarity(reporter, raw.polarity, &label, &on_it);
    Measure {
        id: raw.id.get_ref().clone(),
        name: raw.name.clone(),
        unit: raw.unit,
        polarity,
        polarity_source,
        base: raw.base.as_ref().map(|b| *b.get_ref()),
    }
}

/// Every change target has its base: a recorded `base` for `rispetto alla base`; for `rispetto
/// al 2023`, the recorded base of 2023 or a year of the horizon (whose actual is the base).
fn check_bases(
    reporter: &mut Reporter<'_>,
    raw: &RawIndicator,
    id: &str,
    all: &[Condition<'_>],
    horizon: Option<std::ops::RangeInclusive<i32>>,
) {
    for condition in all {
        let Target::Change { delta, .. } = &condition.target else { continue };
        let base: Option<Base> = match &condition.measure {
            Some(measure) => raw
                .measures
                .iter()
                .find(|m| m.id.get_ref() == measure)
                .and_then(|m| m.base.as_ref())
                .map(|b| *b.get_ref()),
            None => raw.base.as_ref().map(|b| *b.get_ref()),
        };
        let span = &condition.entry.span;
        let target = match &condition.measure {
            Some(measure) => format!("{measure}: {}", condition.target),
            None => condition.target.to_string(),
        };
        let year = match delta.base {
            BaseRef::Recorded => {
                if base.is_none() {
                    let message = crate::msg!("shapes-no-base", target = &target, id = id);
                    reporter.report(Code::InvalidTarget, span, message.to_string()).help =
                        Some(crate::msg!("shapes-no-base-help").to_string());
                }
                continue;
            }
            BaseRef::Year(year) => year,
            BaseRef::PreviousYear => condition.entry.year() - 1,
        };
        let recorded = base.is_some_and(|b| b.year == year);
        if let Some(horizon) = &horizon
            && !recorded
            && !horizon.contains(&year)
        {
            let message = crate::msg!(
                "shapes-base-outside-horizon",
                period = condition.entry.period,
                target = &target,
                id = id,
                year = year,
                first = horizon.start(),
                last = horizon.end()
            );
            reporter.report(Code::TargetOutsideHorizon, span, message.to_string()).help =
                Some(crate::msg!("shapes-base-outside-horizon-help", year = year).to_string());
        }
    }
}

fn check_area_mismatch(
    reporter: &mut Reporter<'_>,
    raw: &RawIndicator,
    id: &str,
    declared: &[usize],
    of_services: &[usize],
    registries: &Registries,
) {
    if declared.is_empty() || of_services.is_empty() || declared.len() != raw.areas.len() {
        return;
    }
    let mut a = declared.to_vec();
    let mut b = of_services.to_vec();
    a.sort_unstable();
    b.sort_unstable();
    if a != b {
        let names =
            |areas: &[usize]| areas.iter().map(|&i| format!("`{}`", registries.areas[i].id)).collect::<Vec<_>>();
        let message = format!(
            "indicator `{id}` is assigned to area {} but its services belong to {}",
            names(declared).join(", "),
            names(of_services).join(", ")
        );
        let span = raw.areas[0].span();
        reporter.report(Code::AreaMismatch, &span, message).help =
            Some("correct `area`, or the services' `area` in the [[service]] registry".to_owned());
    }
}

/// Gathers `targets`, `target` and `baseline` into one list by period, checking the horizon and
/// baseline conflicts.
fn collect_targets(
    reporter: &mut Reporter<'_>,
    raw: &RawIndicator,
    id: &str,
    metadata: &Metadata,
    horizon_known: bool,
) -> Vec<Entry> {
    let entry = |period: Period, year_span: Span, target: &toml::Spanned<Target>| Entry {
        period,
        year_span,
        target: target.get_ref().clone(),
        span: target.span(),
    };
    let mut entries: Vec<Entry> =
        raw.targets.iter().map(|(year, target)| entry(Period::year(*year.get_ref()), year.span(), target)).collect();
    entries.extend(raw.period_targets.iter().map(|(period, target)| entry(*period.get_ref(), period.span(), target)));
    if let Some(target) = &raw.plan_year_target
        && horizon_known
    {
        entries.push(entry(Period::year(metadata.year), target.span(), target));
    }
    for year in &raw.baseline {
        match entries.iter().find(|e| e.period == Period::year(*year.get_ref())) {
            Some(entry) if !entry.target.is_baseline() => {
                let message = format!(
                    "{} is a baseline year of `{id}` but also has the target `{}`",
                    year.get_ref(),
                    entry.target
                );
                reporter.report(Code::BaselineWithTarget, &year.span(), message).help = Some(
                    "a baseline year is only measured: remove the year from `baseline` or remove its target".to_owned(),
                );
            }
            Some(_) => {}
            None => entries.push(Entry {
                period: Period::year(*year.get_ref()),
                year_span: year.span(),
                target: Target::Baseline,
                span: year.span(),
            }),
        }
    }
    entries.sort_by_key(|e| e.period);
    if horizon_known {
        let horizon = metadata.horizon();
        let range = format!("{}–{}", metadata.first_year, metadata.last_year);
        for entry in &entries {
            if !horizon.contains(&entry.year()) {
                let message = format!("`{id}` has a target for {}, outside the horizon {range}", entry.period);
                reporter.report(Code::TargetOutsideHorizon, &entry.year_span, message).help =
                    Some("widen `horizon` in [plan], or remove the target".to_owned());
                continue;
            }
            for (_, condition) in entry.target.conditions() {
                let Target::Relative { lag, .. } = condition else { continue };
                let reference = entry.year() - i32::from(lag);
                if !horizon.contains(&reference) {
                    let message = format!(
                        "the {} target `{}` of `{id}` refers to {reference}, outside the horizon {range}",
                        entry.period, entry.target
                    );
                    reporter.report(Code::TargetOutsideHorizon, &entry.span, message).help = Some(
                        "the actual of the reference year must be supplied: widen `horizon` to include it".to_owned(),
                    );
                }
            }
        }
    }
    entries
}

/// Level targets must name a level of the indicator's scale; the scale is inferred when
/// exactly one declared scale has the level.
fn check_levels(
    reporter: &mut Reporter<'_>,
    own: &[&Condition<'_>],
    declared_scale: Option<usize>,
    raw: &RawIndicator,
    registries: &Registries,
) -> Option<usize> {
    let mut scale = declared_scale;
    for condition in own {
        let Target::Level { level, .. } = &condition.target else { continue };
        let span = &condition.entry.span;
        if raw.scale.is_some() && declared_scale.is_none() {
            continue; // undeclared scale, already reported
        }
        if let Some(index) = scale {
            let known = &registries.scales[index];
            if known.rank(level).is_none() {
                let message = format!("`{level}` is not a level of scale `{}`", known.id);
                reporter.report(Code::InvalidTarget, span, message).help =
                    Some(format!("the levels of `{}` are: {}", known.id, known.levels.join(" < ")));
            }
            continue;
        }
        let having: Vec<usize> =
            registries.scales.iter().enumerate().filter(|(_, s)| s.rank(level).is_some()).map(|(i, _)| i).collect();
        match having.as_slice() {
            [only] => scale = Some(*only),
            [] => {
                let message =
                    format!("invalid target: `{}` is neither a target notation nor a declared level", condition.target);
                let help = if registries.scales.is_empty() {
                    format!("declare the levels in a [[scale]] table; {}", crate::target::ACCEPTED_FORMS)
                } else {
                    crate::target::ACCEPTED_FORMS.to_owned()
                };
                reporter.report(Code::InvalidTarget, span, message).help = Some(help);
            }
            _ => {
                let message = format!("level `{level}` belongs to several scales");
                reporter.report(Code::InvalidTarget, span, message).help =
                    Some("set `scale` on the indicator".to_owned());
            }
        }
    }
    scale
}

/// The unit a condition implies; a qualitative result is judged yes or no unless a scale says
/// otherwise.
fn implied_unit(target: &Target) -> Unit {
    match target {
        Target::Qualitative(_) => Unit::YesNo,
        other => Unit::implied_by(other).unwrap_or(Unit::Number),
    }
}

/// The declared unit, or the one the targets imply; warns about targets that do not fit it.
fn unit(reporter: &mut Reporter<'_>, raw: &RawIndicator, id: &str, own: &[&Condition<'_>], has_scale: bool) -> Unit {
    let implied: Vec<(Unit, &Condition<'_>)> =
        own.iter().filter_map(|c| Unit::implied_by(&c.target).map(|unit| (unit, *c))).collect();
    let qualitative = own.iter().find(|c| matches!(c.target, Target::Qualitative(_)));
    let (unit, reason) = match raw.unit {
        Some(unit) => (unit, format!("its unit is `{}`", unit.as_str())),
        None => {
            // A specific unit (%, days, a date...) wins over plain numbers, which fit several;
            // a qualitative result is a yes/no, or a level of the indicator's scale.
            let judged = qualitative.map(|c| (if has_scale { Unit::Level } else { Unit::YesNo }, *c));
            let inferred = implied
                .iter()
                .find(|(unit, _)| *unit != Unit::Number)
                .or(judged.as_ref())
                .or_else(|| implied.first())
                .map_or(Unit::Number, |(unit, _)| *unit);
            let example = implied
                .iter()
                .chain(judged.as_ref())
                .find(|(u, _)| *u == inferred)
                .map(|(_, c)| (c.entry.period, c.target.to_string()));
            let reason = match example {
                Some((period, target)) => format!("its {period} target `{target}` is a {}", describe(inferred)),
                None => String::new(),
            };
            (inferred, reason)
        }
    };
    for condition in own.iter().filter(|c| !unit.fits(&c.target)) {
        let implied_unit = implied_unit(&condition.target);
        let message = format!(
            "the {} target `{}` of `{id}` is a {}, but {reason}",
            condition.entry.period,
            condition.target,
            describe(implied_unit)
        );
        let help = if unit == Unit::Percent && implied_unit == Unit::Number {
            format!("if a percentage was meant, write `{}%`; otherwise set the right `unit`", condition.target)
        } else {
            "write every year's target in the same unit, or set `unit` to the one meant".to_owned()
        };
        reporter.report(Code::InconsistentUnit, &condition.entry.span, message).help = Some(help);
    }
    unit
}

fn describe(unit: Unit) -> &'static str {
    match unit {
        Unit::Percent => "percentage",
        Unit::Days => "number of days",
        Unit::Euro => "amount in euro",
        Unit::Date => "date",
        Unit::Level => "level",
        Unit::YesNo => "yes/no",
        Unit::Count | Unit::Ratio | Unit::Score | Unit::Number => "plain number",
    }
}

/// The declared polarity, or the one the comparators imply; warns about comparators that point
/// the other way and, when the polarity is not written, about bare numbers.
fn polarity(
    reporter: &mut Reporter<'_>,
    declared: Option<Polarity>,
    id: &str,
    conditions: &[&Condition<'_>],
) -> (Polarity, PolaritySource) {
    let implied: Vec<(Polarity, &Condition<'_>)> = conditions
        .iter()
        .filter_map(|c| c.target.written_comparator().and_then(|comparator| comparator.polarity()).map(|p| (p, *c)))
        .collect();
    let (polarity, source) = match declared {
        Some(polarity) => (polarity, PolaritySource::Declared),
        None => {
            let increase = implied.iter().filter(|(p, _)| *p == Polarity::Increase).count();
            let decrease = implied.len() - increase;
            match (increase, decrease) {
                (0, 0) => (Polarity::Increase, PolaritySource::Assumed),
                (i, d) if d > i => (Polarity::Decrease, PolaritySource::Inferred),
                _ => (Polarity::Increase, PolaritySource::Inferred),
            }
        }
    };
    for (_, condition) in implied.iter().filter(|(p, _)| *p != polarity) {
        let why = match source {
            PolaritySource::Declared => format!("the indicator's polarity is `{}`", polarity.as_str()),
            _ => format!("its other targets say `{}`", polarity.as_str()),
        };
        let message = format!(
            "the {} target `{}` of `{id}` points the other way: {why}",
            condition.entry.period, condition.target
        );
        reporter.report(Code::PolarityConflict, &condition.entry.span, message).help =
            Some("check the comparator, or set `polarity` to the direction that is better".to_owned());
    }
    let bare: Vec<&&Condition<'_>> = conditions.iter().filter(|c| c.target.is_bare()).collect();
    if declared.is_none()
        && let Some(first) = bare.first()
    {
        let read_as = first.target.comparator(polarity).map(|c| c.symbol()).unwrap_or("≥");
        let basis = match source {
            PolaritySource::Inferred => "inferred from the other targets",
            _ => "assumed",
        };
        let others = match bare.len() {
            1 => String::new(),
            n => format!(" (and {} more)", n - 1),
        };
        let message = format!(
            "`{id}` has the bare target `{}` for {}{others} but no `polarity`: read as `{read_as} {}` ({basis})",
            first.target, first.entry.period, first.target
        );
        reporter.report(Code::BareTargetWithoutPolarity, &first.entry.span, message).help = Some(
            "add `polarity = \"increase\"` (higher is better) or `polarity = \"decrease\"` to the indicator".to_owned(),
        );
    }
    (polarity, source)
}

fn check_deadlines(reporter: &mut Reporter<'_>, id: &str, own: &[&Condition<'_>]) {
    for condition in own {
        if let Target::Deadline(date) = condition.target
            && date.year() != condition.entry.year()
        {
            let message =
                format!("the {} target of `{id}` is the deadline {date}, in another year", condition.entry.period);
            reporter.report(Code::DeadlineOutsideYear, &condition.entry.span, message).help =
                Some("check the year of the deadline or the year it is the target of".to_owned());
        }
    }
}

fn check_targets_after_removal(reporter: &mut Reporter<'_>, node: &RawNode, entries: &[Entry]) {
    if *node.status.get_ref() != Status::Removed {
        return;
    }
    let removal_year = node
        .revisions
        .iter()
        .filter(|r| r.change == crate::plan::Change::Removed)
        .filter_map(crate::plan::Revision::effective_year)
        .min();
    let Some(removal_year) = removal_year else { return };
    let later: BTreeMap<i32, &Entry> =
        entries.iter().filter(|e| e.year() > removal_year && !e.target.is_baseline()).map(|e| (e.year(), e)).collect();
    if let Some((_, first)) = later.first_key_value() {
        let years = later.keys().map(i32::to_string).collect::<Vec<_>>().join(", ");
        let message =
            format!("`{}` was removed in {removal_year} but still has targets for {years}", node.id.get_ref());
        reporter.report(Code::TargetAfterRemoval, &first.span, message).help = Some(
            "targets after a removal are never scored: delete them, or record why they stay in `notes`".to_owned(),
        );
    }
}
