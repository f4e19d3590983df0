//! Indicators: references (scale, services, areas), targets (horizon, baseline, levels), and the
//! data-quality findings about them (units, polarity, deadlines, targets after a removal).

use std::collections::BTreeMap;

use crate::diagnostic::{Code, Reporter, code_list};
use crate::i18n::Message;
use crate::load::{RawIndicator, RawNode};
use crate::msg;
use crate::plan::{Indicator, IndicatorLevel, Metadata, PolaritySource, Status, Unit};
use crate::source::Span;
use crate::target::{Polarity, Target};

use super::registry::{Registries, resolve};

/// A target with where its year and its value are written.
struct Entry {
    year: i32,
    year_span: Span,
    target: Target,
    span: Span,
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
    let scale = check_levels(reporter, &entries, scale, raw, registries);
    let unit = unit(reporter, raw, id, &entries);
    let (polarity, polarity_source) = polarity(reporter, raw, id, &entries);
    check_deadlines(reporter, id, &entries);
    check_targets_after_removal(reporter, node, &entries);

    Indicator {
        level,
        formula: raw.formula.clone(),
        unit,
        polarity,
        polarity_source,
        scale,
        target_spans: entries.iter().map(|entry| (entry.year, entry.span.clone())).collect(),
        targets: entries.into_iter().map(|entry| (entry.year, entry.target)).collect(),
        plan_year_shorthand: raw.plan_year_target.is_some(),
        services,
        areas,
        cross_cutting: raw.cross_cutting,
        reported_by: raw
            .reported_by
            .as_ref()
            .and_then(|s| resolve(reporter, s, &registries.service_ids, Code::UndeclaredService, "service")),
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
        let names = |areas: &[usize]| code_list(areas.iter().map(|&i| registries.areas[i].id.as_str()));
        let message = msg!("area-mismatch", id = id, declared = names(declared), services = names(of_services));
        let span = raw.areas[0].span();
        reporter.report(Code::AreaMismatch, &span, message).help = Some(msg!("area-mismatch-help"));
    }
}

/// Gathers `targets`, `target` and `baseline` into one list by year, checking the horizon and
/// baseline conflicts.
fn collect_targets(
    reporter: &mut Reporter<'_>,
    raw: &RawIndicator,
    id: &str,
    metadata: &Metadata,
    horizon_known: bool,
) -> Vec<Entry> {
    let mut entries: Vec<Entry> = raw
        .targets
        .iter()
        .map(|(year, target)| Entry {
            year: *year.get_ref(),
            year_span: year.span(),
            target: target.get_ref().clone(),
            span: target.span(),
        })
        .collect();
    if let Some(target) = &raw.plan_year_target
        && horizon_known
    {
        entries.push(Entry {
            year: metadata.year,
            year_span: target.span(),
            target: target.get_ref().clone(),
            span: target.span(),
        });
    }
    for year in &raw.baseline {
        match entries.iter().find(|e| e.year == *year.get_ref()) {
            Some(entry) if !entry.target.is_baseline() => {
                let message = msg!("baseline-with-target", year = year.get_ref(), id = id, target = &entry.target);
                reporter.report(Code::BaselineWithTarget, &year.span(), message).help =
                    Some(msg!("baseline-with-target-help"));
            }
            Some(_) => {}
            None => entries.push(Entry {
                year: *year.get_ref(),
                year_span: year.span(),
                target: Target::Baseline,
                span: year.span(),
            }),
        }
    }
    entries.sort_by_key(|e| e.year);
    if horizon_known {
        let horizon = metadata.horizon();
        let (first, last) = (metadata.first_year, metadata.last_year);
        for entry in &entries {
            if !horizon.contains(&entry.year) {
                let message = msg!("target-outside-horizon", id = id, year = entry.year, first = first, last = last);
                reporter.report(Code::TargetOutsideHorizon, &entry.year_span, message).help =
                    Some(msg!("target-outside-horizon-help"));
            } else if let Target::Relative { lag, .. } = entry.target {
                let reference = entry.year - i32::from(lag);
                if !horizon.contains(&reference) {
                    let message = msg!(
                        "target-reference-outside-horizon",
                        year = entry.year,
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
    entries: &[Entry],
    declared_scale: Option<usize>,
    raw: &RawIndicator,
    registries: &Registries,
) -> Option<usize> {
    let mut scale = declared_scale;
    for entry in entries {
        let Target::Level { level, .. } = &entry.target else { continue };
        if raw.scale.is_some() && declared_scale.is_none() {
            continue; // undeclared scale, already reported
        }
        if let Some(index) = scale {
            let known = &registries.scales[index];
            if known.rank(level).is_none() {
                let message = msg!("target-not-a-level", level = level, scale = &known.id);
                reporter.report(Code::InvalidTarget, &entry.span, message).help =
                    Some(msg!("target-not-a-level-help", scale = &known.id, levels = known.levels.join(" < ")));
            }
            continue;
        }
        let having: Vec<usize> =
            registries.scales.iter().enumerate().filter(|(_, s)| s.rank(level).is_some()).map(|(i, _)| i).collect();
        match having.as_slice() {
            [only] => scale = Some(*only),
            [] => {
                let message = msg!("target-neither-notation-nor-level", target = &entry.target);
                let help = if registries.scales.is_empty() {
                    msg!("target-declare-scale-help").message("forms", crate::target::accepted_forms())
                } else {
                    crate::target::accepted_forms()
                };
                reporter.report(Code::InvalidTarget, &entry.span, message).help = Some(help);
            }
            _ => {
                reporter
                    .report(Code::InvalidTarget, &entry.span, msg!("target-level-of-several-scales", level = level))
                    .help = Some(msg!("target-level-of-several-scales-help"));
            }
        }
    }
    scale
}

/// The declared unit, or the one the targets imply; warns about targets that do not fit it.
fn unit(reporter: &mut Reporter<'_>, raw: &RawIndicator, id: &str, entries: &[Entry]) -> Unit {
    let implied: Vec<(Unit, &Entry)> =
        entries.iter().filter_map(|e| Unit::implied_by(&e.target).map(|unit| (unit, e))).collect();
    let (unit, reason) = match raw.unit {
        Some(unit) => (unit, Some(msg!("unit-declared", unit = unit.as_str()))),
        None => {
            // A specific unit (%, days, a date...) wins over plain numbers, which fit several.
            let inferred = implied
                .iter()
                .find(|(unit, _)| *unit != Unit::Number)
                .or_else(|| implied.first())
                .map_or(Unit::Number, |(unit, _)| *unit);
            let example = implied.iter().find(|(u, _)| *u == inferred).map(|(_, e)| (e.year, e.target.to_string()));
            let reason = example.map(|(year, target)| {
                msg!("unit-implied", year = year, target = target).message("kind", describe(inferred))
            });
            (inferred, reason)
        }
    };
    // Without a reason the unit was inferred from no target at all: there is nothing to compare.
    let Some(reason) = reason else { return unit };
    for (_, entry) in implied.iter().filter(|(_, e)| !unit.fits(&e.target)) {
        let implied_unit = Unit::implied_by(&entry.target).unwrap_or(Unit::Number);
        let message = msg!("inconsistent-unit", year = entry.year, target = &entry.target, id = id)
            .message("kind", describe(implied_unit))
            .message("reason", reason.clone());
        let help = if unit == Unit::Percent && implied_unit == Unit::Number {
            msg!("inconsistent-unit-help-percent", target = &entry.target)
        } else {
            msg!("inconsistent-unit-help")
        };
        reporter.report(Code::InconsistentUnit, &entry.span, message).help = Some(help);
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
/// the other way and about bare numbers when the polarity is not written.
fn polarity(
    reporter: &mut Reporter<'_>,
    raw: &RawIndicator,
    id: &str,
    entries: &[Entry],
) -> (Polarity, PolaritySource) {
    let implied: Vec<(Polarity, &Entry)> = entries
        .iter()
        .filter_map(|e| e.target.written_comparator().and_then(|c| c.polarity()).map(|p| (p, e)))
        .collect();
    let (polarity, source) = match raw.polarity {
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
    for (_, entry) in implied.iter().filter(|(p, _)| *p != polarity) {
        let message = match source {
            PolaritySource::Declared => msg!("polarity-conflict-declared", year = entry.year, target = &entry.target),
            _ => msg!("polarity-conflict-inferred", year = entry.year, target = &entry.target),
        };
        let message = message.arg("id", id).arg("polarity", polarity.as_str());
        reporter.report(Code::PolarityConflict, &entry.span, message).help = Some(msg!("polarity-conflict-help"));
    }
    let bare: Vec<&Entry> = entries.iter().filter(|e| e.target.is_bare()).collect();
    if raw.polarity.is_none()
        && let Some(first) = bare.first()
    {
        let read_as = first.target.comparator(polarity).map(|c| c.symbol()).unwrap_or("≥");
        let basis = match source {
            PolaritySource::Inferred => "inferred",
            _ => "assumed",
        };
        let message = msg!("bare-target-without-polarity", id = id, target = &first.target, year = first.year)
            .count("others", bare.len() - 1)
            .arg("read_as", read_as)
            .arg("basis", basis);
        reporter.report(Code::BareTargetWithoutPolarity, &first.span, message).help =
            Some(msg!("bare-target-without-polarity-help"));
    }
    (polarity, source)
}

fn check_deadlines(reporter: &mut Reporter<'_>, id: &str, entries: &[Entry]) {
    for entry in entries {
        if let Target::Deadline(date) = entry.target
            && date.year() != entry.year
        {
            let message = msg!("deadline-outside-year", year = entry.year, id = id, date = date);
            reporter.report(Code::DeadlineOutsideYear, &entry.span, message).help =
                Some(msg!("deadline-outside-year-help"));
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
        entries.iter().filter(|e| e.year > removal_year && !e.target.is_baseline()).map(|e| (e.year, e)).collect();
    if let Some((_, first)) = later.first_key_value() {
        let years = later.keys().map(i32::to_string).collect::<Vec<_>>().join(", ");
        let message = msg!("target-after-removal", id = node.id.get_ref(), removed = removal_year, years = years);
        reporter.report(Code::TargetAfterRemoval, &first.span, message).help = Some(msg!("target-after-removal-help"));
    }
}
