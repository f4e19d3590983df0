//! Indicators: references (scale, services, areas, measures), targets (horizon, baseline,
//! levels, bases), and the data-quality findings about them (units, polarity, deadlines,
//! targets after a removal). A target of several conditions is checked condition by condition,
//! each against the value it is on: the indicator's own, or one of its measures.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::diagnostic::{Code, Reporter, code_list};
use crate::i18n::Message;
use crate::load::{RawIndicator, RawMeasure, RawNode};
use crate::msg;
use crate::period::Period;
use crate::plan::{
    Base, Indicator, IndicatorLevel, IndicatorRare, Measure, Metadata, PolaritySource, Status, Unit, YearTarget,
    YearTargets,
};
use crate::source::Span;
use crate::target::{BaseRef, Polarity, Target};

use super::registry::{Registries, resolve};

/// A target with where its period (a year, or a part of one) and its value are written.
struct Entry {
    period: Period,
    year_span: Span,
    /// Shared with the indicators whose target is written the same way.
    target: Arc<Target>,
    span: Span,
    /// Whether it is one of `targets` (whose records become the indicator's, where they lie),
    /// not `target`, a baseline year or a period's.
    of_targets: bool,
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
    let mut all = Vec::with_capacity(entries.len());
    for entry in entries {
        // Most targets are one condition: no vector of their conditions for those.
        if entry.target.is_compound() {
            all.extend(entry.target.conditions().into_iter().map(|(measure, target)| Condition {
                entry,
                measure: measure.map(str::to_owned),
                target,
            }));
        } else {
            all.push(Condition { entry, measure: None, target: Target::clone(&entry.target) });
        }
    }
    all
}

/// An indicator built but for its targets by year ([`Built::finish`]).
pub(super) struct Built {
    indicator: Indicator,
    /// The years of `target` and of the baseline, which join those of `targets`.
    added: Vec<YearTarget>,
}

impl Built {
    /// The indicator, the records of `targets` taken out of its raw node to become its own,
    /// where they lie.
    pub(super) fn finish(mut self, node: &mut RawNode) -> Indicator {
        let raw = node.indicator.as_mut().expect("indicator nodes carry indicator keys");
        let mut targets = std::mem::take(&mut raw.targets);
        targets.extend(self.added);
        self.indicator.targets = YearTargets::from_targets(targets);
        self.indicator
    }
}

/// The indicator of `node`, its findings reported, but for its targets by year
/// ([`Built::finish`]).
pub(super) fn build(
    reporter: &mut Reporter<'_>,
    node: &RawNode,
    level: IndicatorLevel,
    metadata: &Metadata,
    horizon_known: bool,
    registries: &Registries,
) -> Built {
    let raw = node.indicator.as_ref().expect("indicator nodes carry indicator keys");
    let id = node.id.get_ref();
    let scale = raw
        .rare()
        .scale
        .as_ref()
        .and_then(|s| resolve(reporter, s, &registries.scale_ids, Code::UndeclaredScale, "scale"));
    let mut services: Vec<usize> = raw
        .services
        .iter()
        .filter_map(|s| resolve(reporter, s, &registries.service_ids, Code::UndeclaredService, "service"))
        .collect();
    let declared_areas: Vec<usize> = raw
        .rare()
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
    let mut areas = if raw.rare().areas.is_empty() { service_areas } else { declared_areas };
    // Most indicators have one service and one area: a vector grown by a push has room for four,
    // which at a hundred thousand indicators is 5 MB held for nothing.
    services.shrink_to_fit();
    areas.shrink_to_fit();

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
    let reported_by = raw
        .rare()
        .reported_by
        .as_ref()
        .and_then(|s| resolve(reporter, s, &registries.service_ids, Code::UndeclaredService, "service"));
    let mut indicator = Indicator {
        level,
        unit,
        polarity,
        polarity_source,
        // Set by `Built::finish`, from the records of `targets`, where they lie.
        targets: YearTargets::default(),
        plan_year_shorthand: raw.plan_year_target.is_some(),
        services,
        areas,
        cross_cutting: raw.cross_cutting,
        rare: None,
    };
    indicator.set_rare(IndicatorRare {
        formula: raw.rare().formula.clone(),
        scale,
        period_target_spans: periods.iter().map(|entry| (entry.period, entry.span.clone())).collect(),
        period_targets: periods.into_iter().map(|entry| (entry.period, entry.target)).collect(),
        measures,
        base: raw.rare().base.as_ref().map(|b| *b.get_ref()),
        bands: raw.rare().bands.clone(),
        indicator_type: raw.rare().indicator_type,
        data_source: raw.rare().data_source.clone(),
        reported_by,
    });
    let added = years
        .into_iter()
        .filter(|entry| !entry.of_targets)
        .map(|entry| YearTarget::new(entry.year(), entry.year_span, entry.span, entry.target))
        .collect();
    Built { indicator, added }
}

/// The measures, each with its polarity (declared, or inferred from the conditions on it),
/// after checking that every condition names a declared measure in the measure's unit.
fn measures(reporter: &mut Reporter<'_>, raw: &RawIndicator, id: &str, all: &[Condition<'_>]) -> Vec<Measure> {
    for condition in all {
        let Some(measure) = &condition.measure else { continue };
        let span = &condition.entry.span;
        if !raw.rare().measures.iter().any(|m| m.id.get_ref() == measure) {
            let declared: Vec<String> = raw.rare().measures.iter().map(|m| format!("`{}`", m.id.get_ref())).collect();
            let message = msg!("unknown-measure", measure = measure, id = id);
            let help = if declared.is_empty() {
                msg!("unknown-measure-help-none", measure = measure)
            } else {
                msg!("unknown-measure-help", declared = declared.join(", "))
            };
            reporter.report(Code::InvalidTarget, span, message).help = Some(help);
        } else if let Target::Level { .. } = condition.target {
            let message = msg!("level-on-measure", measure = measure, id = id);
            reporter.report(Code::InvalidTarget, span, message);
        }
    }
    raw.rare().measures.iter().map(|measure| build_measure(reporter, measure, id, all)).collect()
}

fn build_measure(reporter: &mut Reporter<'_>, raw: &RawMeasure, id: &str, all: &[Condition<'_>]) -> Measure {
    let on_it: Vec<&Condition<'_>> =
        all.iter().filter(|c| c.measure.as_deref() == Some(raw.id.get_ref().as_str())).collect();
    let label = format!("{id}:{}", raw.id.get_ref());
    for condition in on_it.iter().filter(|c| !raw.unit.fits(&c.target)) {
        let implied = implied_unit(&condition.target);
        let message = msg!("inconsistent-unit", year = condition.entry.period, target = &condition.target, id = &label)
            .message("kind", describe(implied))
            .message("reason", msg!("unit-declared", unit = raw.unit.as_str()));
        reporter.report(Code::InconsistentUnit, &condition.entry.span, message).help =
            Some(msg!("inconsistent-unit-help"));
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
                .rare()
                .measures
                .iter()
                .find(|m| m.id.get_ref() == measure)
                .and_then(|m| m.base.as_ref())
                .map(|b| *b.get_ref()),
            None => raw.rare().base.as_ref().map(|b| *b.get_ref()),
        };
        let span = &condition.entry.span;
        let target = match &condition.measure {
            Some(measure) => format!("{measure}: {}", condition.target),
            None => condition.target.to_string(),
        };
        let year = match delta.base {
            BaseRef::Recorded => {
                if base.is_none() {
                    let message = msg!("no-base", target = &target, id = id);
                    reporter.report(Code::InvalidTarget, span, message).help = Some(msg!("no-base-help"));
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
            let message = msg!(
                "base-outside-horizon",
                period = condition.entry.period,
                target = &target,
                id = id,
                year = year,
                first = horizon.start(),
                last = horizon.end()
            );
            reporter.report(Code::TargetOutsideHorizon, span, message).help =
                Some(msg!("base-outside-horizon-help", year = year));
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
    if declared.is_empty() || of_services.is_empty() || declared.len() != raw.rare().areas.len() {
        return;
    }
    let mut a = declared.to_vec();
    let mut b = of_services.to_vec();
    a.sort_unstable();
    b.sort_unstable();
    if a != b {
        let names = |areas: &[usize]| code_list(areas.iter().map(|&i| registries.areas[i].id.as_str()));
        let message = msg!("area-mismatch", id = id, declared = names(declared), services = names(of_services));
        let span = raw.rare().areas[0].span();
        reporter.report(Code::AreaMismatch, &span, message).help = Some(msg!("area-mismatch-help"));
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
    let entry = |period: Period, year_span: Span, target: &toml::Spanned<Arc<Target>>| Entry {
        period,
        year_span,
        target: target.get_ref().clone(),
        span: target.span(),
        of_targets: false,
    };
    let mut entries: Vec<Entry> = raw
        .targets
        .iter()
        .map(|t| Entry {
            period: Period::year(t.year()),
            year_span: t.key_span(),
            target: t.target().clone(),
            span: t.span(),
            of_targets: true,
        })
        .collect();
    entries.extend(
        raw.rare().period_targets.iter().map(|(period, target)| entry(*period.get_ref(), period.span(), target)),
    );
    if let Some(target) = &raw.plan_year_target
        && horizon_known
    {
        entries.push(entry(Period::year(metadata.year), target.span(), target));
    }
    for year in &raw.rare().baseline {
        match entries.iter().find(|e| e.period == Period::year(*year.get_ref())) {
            Some(entry) if !entry.target.is_baseline() => {
                let message = msg!("baseline-with-target", year = year.get_ref(), id = id, target = &entry.target);
                reporter.report(Code::BaselineWithTarget, &year.span(), message).help =
                    Some(msg!("baseline-with-target-help"));
            }
            Some(_) => {}
            None => entries.push(Entry {
                period: Period::year(*year.get_ref()),
                year_span: year.span(),
                target: Arc::new(Target::Baseline),
                span: year.span(),
                of_targets: false,
            }),
        }
    }
    entries.sort_by_key(|e| e.period);
    if horizon_known {
        let horizon = metadata.horizon();
        let (first, last) = (metadata.first_year, metadata.last_year);
        for entry in &entries {
            if !horizon.contains(&entry.year()) {
                let message = msg!("target-outside-horizon", id = id, year = entry.period, first = first, last = last);
                reporter.report(Code::TargetOutsideHorizon, &entry.year_span, message).help =
                    Some(msg!("target-outside-horizon-help"));
                continue;
            }
            // Only a relative target, or one with parts, can refer to another year.
            if !entry.target.is_compound() && !matches!(*entry.target, Target::Relative { .. }) {
                continue;
            }
            for (_, condition) in entry.target.conditions() {
                let Target::Relative { lag, .. } = condition else { continue };
                let reference = entry.year() - i32::from(lag);
                if !horizon.contains(&reference) {
                    let message = msg!(
                        "target-reference-outside-horizon",
                        year = entry.period,
                        target = &entry.target,
                        id = id,
                        reference = reference,
                        first = first,
                        last = last
                    );
                    reporter.report(Code::TargetOutsideHorizon, &entry.span, message).help =
                        Some(msg!("target-reference-outside-horizon-help"));
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
        if raw.rare().scale.is_some() && declared_scale.is_none() {
            continue; // undeclared scale, already reported
        }
        if let Some(index) = scale {
            let known = &registries.scales[index];
            if known.rank(level).is_none() {
                let message = msg!("target-not-a-level", level = level, scale = &known.id);
                reporter.report(Code::InvalidTarget, span, message).help =
                    Some(msg!("target-not-a-level-help", scale = &known.id, levels = known.levels.join(" < ")));
            }
            continue;
        }
        let having: Vec<usize> =
            registries.scales.iter().enumerate().filter(|(_, s)| s.rank(level).is_some()).map(|(i, _)| i).collect();
        match having.as_slice() {
            [only] => scale = Some(*only),
            [] => {
                let message = msg!("target-neither-notation-nor-level", target = &condition.target);
                let help = if registries.scales.is_empty() {
                    msg!("target-declare-scale-help").message("forms", crate::target::accepted_forms())
                } else {
                    crate::target::accepted_forms()
                };
                reporter.report(Code::InvalidTarget, span, message).help = Some(help);
            }
            _ => {
                reporter
                    .report(Code::InvalidTarget, span, msg!("target-level-of-several-scales", level = level))
                    .help = Some(msg!("target-level-of-several-scales-help"));
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
    let (unit, reason) = match raw.unit {
        Some(unit) => {
            // Nearly every target fits the declared unit: the reason is written only for one that
            // does not.
            if own.iter().all(|c| unit.fits(&c.target)) {
                return unit;
            }
            (unit, Some(msg!("unit-declared", unit = unit.as_str())))
        }
        None => {
            let implied: Vec<(Unit, &Condition<'_>)> =
                own.iter().filter_map(|c| Unit::implied_by(&c.target).map(|unit| (unit, *c))).collect();
            let qualitative = own.iter().find(|c| matches!(c.target, Target::Qualitative(_)));
            // A specific unit (%, days, a date...) wins over plain numbers, which fit several;
            // a qualitative result is a yes/no, or a level of the indicator's scale.
            let judged = qualitative.map(|c| (if has_scale { Unit::Level } else { Unit::YesNo }, *c));
            let inferred = implied
                .iter()
                .find(|(unit, _)| *unit != Unit::Number)
                .or(judged.as_ref())
                .or_else(|| implied.first())
                .map_or(Unit::Number, |(unit, _)| *unit);
            if own.iter().all(|c| inferred.fits(&c.target)) {
                return inferred;
            }
            let example = implied
                .iter()
                .chain(judged.as_ref())
                .find(|(u, _)| *u == inferred)
                .map(|(_, c)| (c.entry.period, c.target.to_string()));
            let reason = example.map(|(period, target)| {
                msg!("unit-implied", year = period, target = target).message("kind", describe(inferred))
            });
            (inferred, reason)
        }
    };
    // Without a reason the unit was inferred from no target at all: there is nothing to compare.
    let Some(reason) = reason else { return unit };
    for condition in own.iter().filter(|c| !unit.fits(&c.target)) {
        let implied_unit = implied_unit(&condition.target);
        let message = msg!("inconsistent-unit", year = condition.entry.period, target = &condition.target, id = id)
            .message("kind", describe(implied_unit))
            .message("reason", reason.clone());
        let help = if unit == Unit::Percent && implied_unit == Unit::Number {
            msg!("inconsistent-unit-help-percent", target = &condition.target)
        } else {
            msg!("inconsistent-unit-help")
        };
        reporter.report(Code::InconsistentUnit, &condition.entry.span, message).help = Some(help);
    }
    unit
}

/// What a target of `unit` is, for `inconsistent-unit`: `a percentage`, `a date`...
fn describe(unit: Unit) -> Message {
    match unit {
        Unit::Percent => msg!("unit-kind-percent"),
        Unit::Days => msg!("unit-kind-days"),
        Unit::Euro => msg!("unit-kind-euro"),
        Unit::Date => msg!("unit-kind-date"),
        Unit::Level => msg!("unit-kind-level"),
        Unit::YesNo => msg!("unit-kind-yes-no"),
        Unit::Count | Unit::Ratio | Unit::Score | Unit::Number => msg!("unit-kind-number"),
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
    // An iterator, not a vector: this runs for every indicator of the plan.
    let implied = || {
        conditions
            .iter()
            .filter_map(|c| c.target.written_comparator().and_then(|comparator| comparator.polarity()).map(|p| (p, *c)))
    };
    let (polarity, source) = match declared {
        Some(polarity) => (polarity, PolaritySource::Declared),
        None => {
            let increase = implied().filter(|(p, _)| *p == Polarity::Increase).count();
            let decrease = implied().count() - increase;
            match (increase, decrease) {
                (0, 0) => (Polarity::Increase, PolaritySource::Assumed),
                (i, d) if d > i => (Polarity::Decrease, PolaritySource::Inferred),
                _ => (Polarity::Increase, PolaritySource::Inferred),
            }
        }
    };
    for (_, condition) in implied().filter(|(p, _)| *p != polarity) {
        let (year, target) = (condition.entry.period, &condition.target);
        let message = match source {
            PolaritySource::Declared => msg!("polarity-conflict-declared", year = year, target = target),
            _ => msg!("polarity-conflict-inferred", year = year, target = target),
        };
        let message = message.arg("id", id).arg("polarity", polarity.as_str());
        reporter.report(Code::PolarityConflict, &condition.entry.span, message).help =
            Some(msg!("polarity-conflict-help"));
    }
    let bare: Vec<&&Condition<'_>> = conditions.iter().filter(|c| c.target.is_bare()).collect();
    if declared.is_none()
        && let Some(first) = bare.first()
    {
        let read_as = first.target.comparator(polarity).map(|c| c.symbol()).unwrap_or("≥");
        let basis = match source {
            PolaritySource::Inferred => "inferred",
            _ => "assumed",
        };
        let message = msg!("bare-target-without-polarity", id = id, target = &first.target, year = first.entry.period)
            .count("others", bare.len() - 1)
            .arg("read_as", read_as)
            .arg("basis", basis);
        reporter.report(Code::BareTargetWithoutPolarity, &first.entry.span, message).help =
            Some(msg!("bare-target-without-polarity-help"));
    }
    (polarity, source)
}

fn check_deadlines(reporter: &mut Reporter<'_>, id: &str, own: &[&Condition<'_>]) {
    for condition in own {
        if let Target::Deadline(date) = condition.target
            && date.year() != condition.entry.year()
        {
            let message = msg!("deadline-outside-year", year = condition.entry.period, id = id, date = date);
            reporter.report(Code::DeadlineOutsideYear, &condition.entry.span, message).help =
                Some(msg!("deadline-outside-year-help"));
        }
    }
}

fn check_targets_after_removal(reporter: &mut Reporter<'_>, node: &RawNode, entries: &[Entry]) {
    if *node.status.get_ref() != Status::Removed {
        return;
    }
    let removal_year = node
        .rare()
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
        let message = msg!("target-after-removal", id = node.id.get_ref(), removed = removal_year, years = years);
        reporter.report(Code::TargetAfterRemoval, &first.span, message).help = Some(msg!("target-after-removal-help"));
    }
}

#[cfg(test)]
mod tests {
    use crate::source::SourceFile;

    /// An indicator's services and areas are held without spare room, read and typed: a vector
    /// grown by a push has room for four, which a plan of a hundred thousand indicators of one
    /// service each paid some 14 MB for at the peak of `check`.
    #[test]
    fn services_and_areas_are_held_without_spare_room() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let path = "plans/maremma-tirreno-2019.toml";
        let text = std::fs::read_to_string(root.join(path)).expect("the seed plan");
        let source = SourceFile::new(path, text);
        let mut findings = Vec::new();
        let raw = crate::load::load(&source, &mut findings).expect("a plan");
        let raw_services: Vec<_> = raw.nodes.iter().filter_map(|n| n.indicator.as_ref()).map(|i| &i.services).collect();
        assert!(raw_services.iter().any(|services| services.len() == 1), "indicators of one service");
        assert!(raw_services.iter().all(|services| services.capacity() == services.len()));
        let plan = crate::check_plan(&source).plan.expect("a valid plan");
        let indicators: Vec<_> = plan.nodes.iter().filter_map(|n| n.indicator()).collect();
        assert!(indicators.iter().any(|i| i.services.len() == 1 && i.areas.len() == 1));
        for indicator in indicators {
            assert_eq!(indicator.services.capacity(), indicator.services.len());
            assert_eq!(indicator.areas.capacity(), indicator.areas.len());
        }
    }
}
