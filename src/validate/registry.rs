//! Registries: areas, services, perspectives, scales. Ids unique within each; every service
//! in a declared area.

use std::collections::HashMap;

use crate::diagnostic::{Code, Reporter, code_list};
use crate::load::{RawEntry, RawPlan};
use crate::msg;
use crate::plan::{Area, Perspective, Scale, Service};

/// The validated registries, with an id → index map for each.
pub(super) struct Registries {
    pub(super) areas: Vec<Area>,
    pub(super) services: Vec<Service>,
    pub(super) perspectives: Vec<Perspective>,
    pub(super) scales: Vec<Scale>,
    pub(super) area_ids: HashMap<String, usize>,
    pub(super) service_ids: HashMap<String, usize>,
    pub(super) perspective_ids: HashMap<String, usize>,
    pub(super) scale_ids: HashMap<String, usize>,
}

pub(super) fn validate(reporter: &mut Reporter<'_>, raw: &RawPlan) -> Registries {
    let (area_entries, area_ids) = unique(reporter, &raw.areas, "area");
    let areas = area_entries.iter().map(|e| Area { id: e.id.get_ref().clone(), name: name_or_id(e) }).collect();
    let (perspective_entries, perspective_ids) = unique(reporter, &raw.perspectives, "perspective");
    let perspectives =
        perspective_entries.iter().map(|e| Perspective { id: e.id.get_ref().clone(), name: name_or_id(e) }).collect();
    let (scale_entries, scale_ids) = unique(reporter, &raw.scales, "scale");
    let scales = scale_entries
        .iter()
        .map(|e| Scale { id: e.id.get_ref().clone(), name: name_or_id(e), levels: e.levels.clone() })
        .collect();
    let (service_entries, service_ids) = unique(reporter, &raw.services, "service");
    let mut services = Vec::new();
    // Every kept entry gets its place, even without a usable `area` (already reported as a
    // missing key, or reported here as undeclared): `service_ids` indexes this list.
    for entry in service_entries {
        let area_index =
            entry.area.as_ref().and_then(|area| resolve(reporter, area, &area_ids, Code::UndeclaredArea, "area"));
        services.push(Service {
            id: entry.id.get_ref().clone(),
            name: name_or_id(entry),
            area: area_index.unwrap_or(usize::MAX),
        });
    }
    Registries { areas, services, perspectives, scales, area_ids, service_ids, perspective_ids, scale_ids }
}

fn name_or_id(entry: &RawEntry) -> String {
    entry.name.clone().unwrap_or_else(|| entry.id.get_ref().clone())
}

/// Keeps the first entry of each id, reporting the others.
fn unique<'r>(
    reporter: &mut Reporter<'_>,
    entries: &'r [RawEntry],
    what: &str,
) -> (Vec<&'r RawEntry>, HashMap<String, usize>) {
    let mut kept = Vec::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    for entry in entries {
        if let Some(&first) = ids.get(entry.id.get_ref()) {
            let first_line = reporter.source.position(kept_span(&kept, first).start).line;
            let message = msg!("duplicate-id-registry", what = what, id = entry.id.get_ref(), line = first_line);
            reporter.report(Code::DuplicateId, &entry.id.span(), message);
            continue;
        }
        ids.insert(entry.id.get_ref().clone(), kept.len());
        kept.push(entry);
    }
    (kept, ids)
}

fn kept_span(kept: &[&RawEntry], index: usize) -> std::ops::Range<usize> {
    kept[index].id.span()
}

/// Resolves a reference to a registry entry, reporting it with a suggestion when undeclared.
pub(super) fn resolve(
    reporter: &mut Reporter<'_>,
    reference: &toml::Spanned<String>,
    ids: &HashMap<String, usize>,
    code: Code,
    what: &str,
) -> Option<usize> {
    if let Some(&index) = ids.get(reference.get_ref()) {
        return Some(index);
    }
    // A long registry is not listed in every help line: a plan of thousands of bad references
    // would print it thousands of times.
    const LISTED: usize = 20;
    let help = match reporter.suggest(reference.get_ref(), ids.keys().map(String::as_str)) {
        Some(suggestion) => msg!("did-you-mean", suggestion = suggestion),
        None if ids.is_empty() => msg!("undeclared-help-none", what = what),
        None if ids.len() > LISTED => msg!("undeclared-help-many", what = what).count("count", ids.len()),
        None => {
            let mut declared: Vec<&str> = ids.keys().map(String::as_str).collect();
            declared.sort_unstable();
            msg!("undeclared-help-list", ids = code_list(declared))
        }
    };
    let message = msg!("undeclared", what = what, id = reference.get_ref());
    reporter.report(code, &reference.span(), message).help = Some(help);
    None
}
