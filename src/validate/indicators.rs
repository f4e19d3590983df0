//! Indicators: references (scale, services, areas), targets (horizon, baseline, levels), and the
//! data-quality findings about them (units, polarity, deadlines, targets after a removal).

use std::collections::BTreeMap;

use crate::diagnostic::{Code, Reporter};
use crate::load::{RawIndicator, RawNode};
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
        let range = format!("{}–{}", metadata.first_year, metadata.last_year);
        for entry in &entries {
            if !horizon.contains(&entry.year) {
                let message = format!("`{id}` has a target for {}, outside the horizon {range}", entry.year);
                reporter.report(Code::TargetOutsideHorizon, &entry.year_span, message).help =
                    Some("widen `horizon` in [plan], or remove the target".to_owned());
            } else if let Target::Relative { lag, .. } = entry.target {
                let reference = entry.year - i32::from(lag);
                if !horizon.contains(&reference) {
                    let message = format!(
                        "the {} target `{}` of `{id}` refers to {reference}, outside the horizon {range}",
                        entry.year, entry.target
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
                let message = format!("`{level}` is not a level of scale `{}`", known.id);
                reporter.report(Code::InvalidTarget, &entry.span, message).help =
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
                    format!("invalid target: `{}` is neither a target notation nor a declared level", entry.target);
                let help = if registries.scales.is_empty() {
                    format!("declare the levels in a [[scale]] table; {}", crate::target::ACCEPTED_FORMS)
                } else {
                    crate::target::ACCEPTED_FORMS.to_owned()
                };
                reporter.report(Code::InvalidTarget, &entry.span, message).help = Some(help);
            }
            _ => {
                let message = format!("level `{level}` belongs to several scales");
                reporter.report(Code::InvalidTarget, &entry.span, message).help =
                    Some("set `scale` on the indicator".to_owned());
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
        Some(unit) => (unit, format!("its unit is `{}`", unit.as_str())),
        None => {
            // A specific unit (%, days, a date...) wins over plain numbers, which fit several.
            let inferred = implied
                .iter()
                .find(|(unit, _)| *unit != Unit::Number)
                .or_else(|| implied.first())
                .map_or(Unit::Number, |(unit, _)| *unit);
            let example = implied.iter().find(|(u, _)| *u == inferred).map(|(_, e)| (e.year, e.target.to_string()));
            let reason = match example {
                Some((year, target)) => format!("its {year} target `{target}` is a {}", describe(inferred)),
                None => String::new(),
            };
            (inferred, reason)
        }
    };
    for (_, entry) in implied.iter().filter(|(_, e)| !unit.fits(&e.target)) {
        let implied_unit = Unit::implied_by(&entry.target).unwrap_or(Unit::Number);
        let message = format!(
            "the {} target `{}` of `{id}` is a {}, but {reason}",
            entry.year,
            entry.target,
            describe(implied_unit)
        );
        let help = if unit == Unit::Percent && implied_unit == Unit::Number {
            format!("if a percentage was meant, write `{}%`; otherwise set the right `unit`", entry.target)
        } else {
            "write every year's target in the same unit, or set `unit` to the one meant".to_owned()
        };
        reporter.report(Code::InconsistentUnit, &entry.span, message).help = Some(help);
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
        let why = match source {
            PolaritySource::Declared => format!("the indicator's polarity is `{}`", polarity.as_str()),
            _ => format!("its other targets say `{}`", polarity.as_str()),
        };
        let message = format!("the {} target `{}` of `{id}` points the other way: {why}", entry.year, entry.target);
        reporter.report(Code::PolarityConflict, &entry.span, message).help =
            Some("check the comparator, or set `polarity` to the direction that is better".to_owned());
    }
    let bare: Vec<&Entry> = entries.iter().filter(|e| e.target.is_bare()).collect();
    if raw.polarity.is_none()
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
            first.target, first.year, first.target
        );
        reporter.report(Code::BareTargetWithoutPolarity, &first.span, message).help = Some(
            "add `polarity = \"increase\"` (higher is better) or `polarity = \"decrease\"` to the indicator".to_owned(),
        );
    }
    (polarity, source)
}

fn check_deadlines(reporter: &mut Reporter<'_>, id: &str, entries: &[Entry]) {
    for entry in entries {
        if let Target::Deadline(date) = entry.target
            && date.year() != entry.year
        {
            let message = format!("the {} target of `{id}` is the deadline {date}, in another year", entry.year);
            reporter.report(Code::DeadlineOutsideYear, &entry.span, message).help =
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
        entries.iter().filter(|e| e.year > removal_year && !e.target.is_baseline()).map(|e| (e.year, e)).collect();
    if let Some((_, first)) = later.first_key_value() {
        let years = later.keys().map(i32::to_string).collect::<Vec<_>>().join(", ");
        let message =
            format!("`{}` was removed in {removal_year} but still has targets for {years}", node.id.get_ref());
        reporter.report(Code::TargetAfterRemoval, &first.span, message).help = Some(
            "targets after a removal are never scored: delete them, or record why they stay in `notes`".to_owned(),
        );
    }
}
