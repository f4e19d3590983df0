//! Once every row is read: the registries (areas, services, perspectives, the ordinal scale),
//! the ids, each indicator's unit and polarity, and the plan's metadata.
//!
//! - **Services** are split on `/` (`Controllo Gestione/Staff`), `Trasversale` makes an
//!   indicator cross-cutting, and spellings that differ only by case, punctuation, doubled
//!   letters or small words (`Servizio GG.RR.FF.PP.` and `Servizio G.RR.FF.PP`, `Regolazione
//!   del Mercato` and `Regolazione Mercato`) are one service, named as most rows write it. Each
//!   service belongs to the area most rows pair it with.
//! - **Areas** are the codes as written; an arabic numeral where the others are roman (`1` for
//!   `I`) is read as the roman one.
//! - **Ids** follow the conventions of `docs/plan-format.md`: `S9`, `S9.2`, `P9.1`, `O9.3`,
//!   `O9.3.1`, from the objectives' numbers in the source.
//! - **Unit** is set when a target says it (`%`, `gg`, a date, a level, `sì`/`no`, `€`);
//!   **polarity** when the comparators agree (`≥`, `>`: increase; `≤`, `<`: decrease), or when
//!   a bare target is `100%` (only reachable from below) or `0` (only from above). Otherwise
//!   both are left out, and `check` says so.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::Message;
use crate::msg;
use crate::plan::{Act, Unit};
use crate::target::{Polarity, Suffix, Target};

use super::Options;
use super::draft::{Context, Draft, Indicator, name_key};
use super::grid::Place;

/// The levels of the one ordinal scale the import knows (`≥ a medio`).
pub(crate) const SCALE: (&str, [&str; 3]) = ("giudizio", ["basso", "medio", "alto"]);

/// A target in the notation `check` accepts, with the levels of [`SCALE`]: the target itself
/// and each of its conditions (`100; I` is two conditions, the second a level).
pub(crate) fn checked_target(text: &str) -> Result<Target, Message> {
    let target = Target::parse(text).map_err(|error| error.message())?;
    for (_, condition) in target.conditions() {
        if let Target::Level { level, .. } = &condition
            && !SCALE.1.contains(&level.as_str())
        {
            return Err(msg!("import-target-level", level = level));
        }
    }
    Ok(target)
}

/// Whether two names are the same text but for case, spacing and trailing punctuation.
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    name_key(a) == name_key(b)
}

/// An area in the registry.
#[derive(Debug)]
pub(crate) struct Area {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) notes: Option<String>,
}

/// A service in the registry.
#[derive(Debug)]
pub(crate) struct Service {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) area: String,
    pub(crate) notes: Option<String>,
}

/// The plan's metadata and how each part was found.
#[derive(Debug)]
pub(crate) struct Metadata {
    pub(crate) body: String,
    pub(crate) title: String,
    pub(crate) year: i32,
    pub(crate) horizon: (i32, i32),
    pub(crate) adopted_by: Option<Act>,
    /// One line per inferred value, for the plan's header comment.
    pub(crate) inferred: Vec<Message>,
}

/// Everything `resolve` adds to the draft.
#[derive(Debug)]
pub(crate) struct Resolved {
    pub(crate) metadata: Metadata,
    pub(crate) areas: Vec<Area>,
    pub(crate) services: Vec<Service>,
    pub(crate) scale: bool,
}

/// Fills in registries, ids, units and polarity; `None` when the metadata cannot be found.
pub(crate) fn resolve(ctx: &mut Context<'_>, draft: &mut Draft, options: &Options) -> Option<Resolved> {
    let (areas, services) = registries(ctx, draft);
    assign_ids(draft);
    let mut scale = false;
    for indicator in draft.indicators_mut() {
        infer_unit_and_polarity(indicator);
        scale |= indicator.scale.is_some();
    }
    let mut used = Ids::default();
    for perspective in &mut draft.perspectives {
        perspective.id = used.unique(slug(&perspective.name, "prospettiva"));
    }
    let metadata = metadata(ctx, draft, options)?;
    Some(Resolved { metadata, areas, services, scale })
}

/// The text of a cell split into names: on `/`, trimmed.
fn names(text: &str) -> impl Iterator<Item = &str> {
    text.split('/').map(str::trim).filter(|name| !name.is_empty())
}

fn is_cross_cutting(name: &str) -> bool {
    matches!(name.to_lowercase().as_str(), "trasversale" | "trasversali" | "tutti" | "tutti i servizi" | "tutte")
}

/// Spellings that differ only by case, punctuation, doubled letters and small words have one
/// key: `Servizio GG.RR.FF.PP.` and `Servizio G.RR.FF.PP` → `servizogrfp`.
fn service_key(name: &str) -> String {
    const SMALL: &[&str] = &[
        "di", "del", "della", "dello", "dei", "degli", "delle", "e", "ed", "il", "lo", "la", "i", "gli", "le", "l", "d",
    ];
    let lower = name.to_lowercase();
    let words = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty() && !SMALL.contains(w));
    let mut key = String::new();
    for c in words.flat_map(str::chars) {
        if !key.ends_with(c) {
            key.push(c);
        }
    }
    key
}

/// What the rows say about one service.
#[derive(Default)]
struct Seen {
    /// Each spelling, with how often and where first.
    spellings: Vec<(String, usize, Place)>,
    /// Where each spelling is in `spellings`.
    spelling_index: HashMap<String, usize>,
    /// Each area it is paired with, and how often.
    areas: BTreeMap<String, usize>,
    first: usize,
}

fn registries(ctx: &mut Context<'_>, draft: &mut Draft) -> (Vec<Area>, Vec<Service>) {
    // Areas: roman numerals when the source uses them, so `1` is `I`.
    let mut roman_used = false;
    for indicator in draft.indicators_mut() {
        for mention in &indicator.areas {
            roman_used |= names(&mention.text).any(|a| roman_value(a).is_some());
        }
    }
    let mut seen: HashMap<String, Seen> = HashMap::new();
    let mut area_order: Vec<String> = Vec::new();
    let mut area_seen: HashSet<String> = HashSet::new();
    let mut area_fixes: Vec<(String, String, Place)> = Vec::new();
    let mut pending: Vec<Diagnostic> = Vec::new();
    for indicator in draft.indicators_mut() {
        let mut service_names = Vec::new();
        for mention in &indicator.services {
            for name in names(&mention.text) {
                if is_cross_cutting(name) {
                    indicator.cross_cutting = true;
                } else {
                    service_names.push((name.to_owned(), mention.place));
                }
            }
        }
        let mut area_ids = Vec::new();
        for mention in &indicator.areas {
            for name in names(&mention.text) {
                if is_cross_cutting(name) {
                    continue;
                }
                let id = match arabic_value(name) {
                    Some(n) if roman_used => {
                        let roman = roman(n);
                        area_fixes.push((name.to_owned(), roman.clone(), mention.place));
                        roman
                    }
                    _ => area_id(name),
                };
                if area_seen.insert(id.clone()) {
                    area_order.push(id.clone());
                }
                if !area_ids.contains(&id) {
                    area_ids.push(id);
                }
            }
        }
        for (index, (name, place)) in service_names.iter().enumerate() {
            let key = service_key(name);
            let order = seen.len();
            let entry = seen.entry(key).or_insert_with(|| Seen { first: order, ..Seen::default() });
            match entry.spelling_index.get(name) {
                Some(&at) => entry.spellings[at].1 += 1,
                None => {
                    entry.spelling_index.insert(name.clone(), entry.spellings.len());
                    entry.spellings.push((name.clone(), 1, *place));
                }
            }
            let paired = if area_ids.len() == service_names.len() {
                area_ids.get(index)
            } else if area_ids.len() == 1 {
                area_ids.first()
            } else {
                None
            };
            if let Some(area) = paired {
                *entry.areas.entry(area.clone()).or_default() += 1;
            }
        }
        // Ids are given below, once every spelling is known; keep the names for now.
        indicator.service_ids = service_names.into_iter().map(|(name, _)| name).collect();
        indicator.area_ids = area_ids;
    }
    for (from, to, place) in area_fixes {
        let message = msg!("import-area-variant", from = from, to = to);
        pending.push(
            Diagnostic::new(Code::ImportNameVariant, message)
                .located(ctx.input.locate(place))
                .with_help(msg!("import-area-variant-help")),
        );
    }
    // One service per key, named as most rows write it.
    let mut groups: Vec<(String, Seen)> = seen.into_iter().collect();
    groups.sort_by_key(|(_, seen)| seen.first);
    let mut used_ids = Ids::default();
    let mut services = Vec::new();
    let mut id_of_name: HashMap<String, String> = HashMap::new();
    let mut missing_area = false;
    for (_, seen) in groups {
        let canonical = seen
            .spellings
            .iter()
            .enumerate()
            .max_by_key(|(index, (_, count, _))| (*count, std::cmp::Reverse(*index)))
            .map(|(_, (name, count, _))| (name.clone(), *count))
            .expect("a service has a spelling");
        let id = used_ids.unique(slug(&canonical.0, "servizio"));
        let others: Vec<&(String, usize, Place)> =
            seen.spellings.iter().filter(|(s, _, _)| *s != canonical.0).collect();
        for (spelling, _, place) in &others {
            let message =
                msg!("import-service-variant", spelling = spelling, kept = &canonical.0).count("rows", canonical.1);
            pending.push(
                Diagnostic::new(Code::ImportNameVariant, message)
                    .located(ctx.input.locate(*place))
                    .with_help(msg!("import-service-variant-help")),
            );
        }
        let notes = (!others.is_empty()).then(|| {
            let spellings = others.iter().map(|(s, n, _)| msg!("import-note-spelling", text = s).count("rows", *n));
            msg!("import-note-spellings").list("spellings", spellings.collect()).render(ctx.lang)
        });
        let area = seen
            .areas
            .iter()
            .max_by_key(|(area, count)| (**count, std::cmp::Reverse(area.as_str())))
            .map(|(a, _)| a.clone());
        let area = area.unwrap_or_else(|| {
            missing_area = true;
            UNKNOWN_AREA.to_owned()
        });
        for (spelling, _, _) in &seen.spellings {
            id_of_name.insert(spelling.clone(), id.clone());
        }
        services.push(Service { id, name: canonical.0, area, notes });
    }
    for indicator in draft.indicators_mut() {
        let mut ids: Vec<String> = Vec::new();
        for name in std::mem::take(&mut indicator.service_ids) {
            let id = id_of_name[&name].clone();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        indicator.service_ids = ids;
    }
    // Roman numerals in their order, then the other codes as they come.
    area_order.sort_by_key(|id| roman_value(id).unwrap_or(u32::MAX));
    let mut areas: Vec<Area> = area_order.into_iter().map(|id| Area { name: id.clone(), id, notes: None }).collect();
    for area in &mut areas {
        area.notes = Some(msg!("import-note-area-code-only").render(ctx.lang));
    }
    if missing_area {
        areas.push(Area {
            id: UNKNOWN_AREA.to_owned(),
            name: "Area non indicata".to_owned(),
            notes: Some(msg!("import-note-area-unknown").render(ctx.lang)),
        });
    }
    ctx.diagnostics.extend(pending);
    (areas, services)
}

/// The area of services the source pairs with none.
const UNKNOWN_AREA: &str = "non-indicata";

/// An area code as an id: kept when it is one (`SG`, `III`), made one otherwise.
fn area_id(name: &str) -> String {
    if crate::load::is_valid_id(name) { name.to_owned() } else { slug(name, "area") }
}

fn arabic_value(text: &str) -> Option<u32> {
    text.parse().ok().filter(|n| (1..=10).contains(n))
}

fn roman_value(text: &str) -> Option<u32> {
    (1..=10).find(|&n| roman(n) == text)
}

fn roman(n: u32) -> String {
    ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][n as usize].to_owned()
}

/// An id made from a name: lower case, accents dropped, words joined by `-`; a leading
/// `servizio`/`ufficio` is dropped when words remain.
pub(crate) fn slug(name: &str, fallback: &str) -> String {
    let folded: String = name
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'à' | 'á' | 'â' => 'a',
            'è' | 'é' | 'ê' => 'e',
            'ì' | 'í' | 'î' => 'i',
            'ò' | 'ó' | 'ô' => 'o',
            'ù' | 'ú' | 'û' => 'u',
            c if c.is_ascii_alphanumeric() => c,
            _ => ' ',
        })
        .collect();
    let mut words: Vec<&str> = folded.split_whitespace().collect();
    if words.len() > 1 && matches!(words[0], "servizio" | "servizi" | "ufficio" | "uffici") {
        words.remove(0);
    }
    let slug = words.join("-");
    let slug: String = slug.chars().take(48).collect();
    let slug = slug.trim_end_matches('-').to_owned();
    if slug.is_empty() { fallback.to_owned() } else { slug }
}

/// Ids given so far, and the next suffix to try for each base.
#[derive(Default)]
struct Ids {
    used: HashSet<String>,
    next: HashMap<String, usize>,
}

impl Ids {
    /// `base`, or `base-2`, `base-3`... when taken.
    fn unique(&mut self, base: String) -> String {
        if self.used.insert(base.clone()) {
            return base;
        }
        let n = self.next.entry(base.clone()).or_insert(2);
        loop {
            let id = format!("{base}-{n}");
            *n += 1;
            if self.used.insert(id.clone()) {
                return id;
            }
        }
    }
}

fn assign_ids(draft: &mut Draft) {
    let mut used = Ids { used: draft.missions.iter().map(|m| m.node.id.clone()).collect(), ..Ids::default() };
    for mission in &mut draft.missions {
        for objective in &mut mission.objectives {
            let id = used.unique(format!("S{}", objective.number));
            let n = id[1..].to_owned();
            objective.node.id = id;
            for (k, indicator) in objective.indicators.iter_mut().enumerate() {
                indicator.node.id = used.unique(format!("S{n}.{}", k + 1));
            }
            let mut operational_number = 0;
            for (p, program) in objective.programs.iter_mut().enumerate() {
                program.node.id = used.unique(format!("P{n}.{}", p + 1));
                for operational in &mut program.objectives {
                    operational_number += 1;
                    let id = used.unique(format!("O{n}.{operational_number}"));
                    for (k, indicator) in operational.indicators.iter_mut().enumerate() {
                        indicator.node.id = used.unique(format!("{id}.{}", k + 1));
                    }
                    operational.node.id = id;
                }
            }
        }
    }
}

fn infer_unit_and_polarity(indicator: &mut Indicator) {
    let targets: Vec<Target> = indicator
        .targets
        .iter()
        .map(|(_, text)| text)
        .chain(indicator.target.iter())
        .filter_map(|text| checked_target(text).ok())
        .collect();
    indicator.unit = targets.iter().filter_map(Unit::implied_by).find(|unit| *unit != Unit::Number);
    if targets.iter().any(|t| matches!(t, Target::Level { .. })) {
        indicator.scale = Some(SCALE.0);
    }
    if matches!(indicator.unit, Some(Unit::Date | Unit::YesNo)) {
        return;
    }
    let written: Vec<Polarity> =
        targets.iter().filter_map(|t| t.written_comparator().and_then(|c| c.polarity())).collect();
    indicator.polarity = match written.first() {
        Some(first) if written.iter().all(|p| p == first) => Some(*first),
        Some(_) => None,
        None => {
            let bare = |value: i64, suffix: Option<Suffix>| {
                targets.iter().any(|t| {
                    matches!(t, Target::Compare { comparator: None, quantity }
                        if quantity.value == rust_decimal::Decimal::from(value) && suffix.is_none_or(|s| quantity.suffix == s))
                })
            };
            if bare(100, Some(Suffix::Percent)) {
                Some(Polarity::Increase)
            } else if bare(0, None) {
                Some(Polarity::Decrease)
            } else {
                None
            }
        }
    };
}

/// The plan's metadata: the options first, then what the source says.
fn metadata(ctx: &mut Context<'_>, draft: &Draft, options: &Options) -> Option<Metadata> {
    let hints = &draft.hints;
    let input = ctx.input;
    let mut inferred = Vec::new();
    let year = match options.year {
        Some(year) => {
            inferred.push(msg!("import-inferred-year-option", year = year));
            Some(year)
        }
        None => infer_year(draft).map(|(year, how)| {
            inferred.push(msg!("import-inferred-year", year = year).message("how", how));
            year
        }),
    };
    let body = match (&options.body, &hints.body) {
        (Some(body), _) => {
            inferred.push(msg!("import-inferred-body-option"));
            Some(body.clone())
        }
        (None, Some((body, place))) => {
            inferred.push(msg!("import-inferred-body").message("place", input.row_name(*place)));
            Some(body.clone())
        }
        (None, None) => None,
    };
    let mut missing = false;
    if body.is_none() {
        missing = true;
        ctx.diagnostics.push(
            Diagnostic::new(Code::ImportMissingMetadata, msg!("import-missing-body", file = &input.name))
                .with_help(msg!("import-missing-body-help")),
        );
    }
    let Some(year) = year else {
        ctx.diagnostics.push(
            Diagnostic::new(Code::ImportMissingMetadata, msg!("import-missing-year", file = &input.name))
                .with_help(msg!("import-missing-year-help")),
        );
        return None;
    };
    if missing {
        return None;
    }
    let mut years: Vec<i32> = hints.dashboard_years.iter().copied().collect();
    years.push(year);
    let mut relative_reach = Vec::new();
    // Operational indicators too: their one target is the plan year's, and `x < x-4` there
    // reaches back as far as on the dashboard.
    for indicator in draft.indicators() {
        let operational = indicator.target.iter().map(|text| (year, text));
        for (target_year, text) in indicator.targets.iter().map(|(y, text)| (*y, text)).chain(operational) {
            years.push(target_year);
            if let Ok(Target::Relative { lag, .. }) = checked_target(text) {
                relative_reach.push(target_year - i32::from(lag));
            }
        }
    }
    let first = years.iter().chain(&relative_reach).copied().min().unwrap_or(year);
    let last = years.iter().copied().max().unwrap_or(year);
    let columns = &hints.dashboard_years;
    let horizon_how = match (columns.first(), columns.last()) {
        (Some(a), Some(b)) if (*a, *b) == (first, last) => msg!("import-horizon-columns"),
        (Some(_), Some(_)) => msg!("import-horizon-columns-relative"),
        _ if (first, last) == (year, year) => msg!("import-horizon-year"),
        _ => msg!("import-horizon-year-relative"),
    };
    inferred.push(msg!("import-inferred-horizon", first = first, last = last).message("how", horizon_how));
    let adopted_by = hints.act.as_ref().map(|(act, text, place)| {
        inferred.push(msg!("import-inferred-adopted-by", text = text).message("place", input.row_name(*place)));
        act.clone()
    });
    let title = match (&options.title, &hints.title) {
        (Some(title), _) => {
            inferred.push(msg!("import-inferred-title-option"));
            title.clone()
        }
        (None, Some((title, place))) => {
            inferred.push(msg!("import-inferred-title").message("place", input.row_name(*place)));
            title.clone()
        }
        (None, None) => {
            let dashboard = hints.dashboard_rows.is_some();
            let operational = hints.operational_rows.is_some();
            inferred.push(msg!("import-inferred-title-made"));
            match (dashboard, operational) {
                (true, true) => format!("Cruscotto strategico {year} e Piano operativo {year}"),
                (true, false) => format!("Cruscotto strategico {year}"),
                _ => format!("Piano operativo {year}"),
            }
        }
    };
    Some(Metadata { body: body.expect("checked above"), title, year, horizon: (first, last), adopted_by, inferred })
}

/// The plan year: a heading's year, the year of most deadlines of the operational targets, or
/// the adopting act's year.
fn infer_year(draft: &Draft) -> Option<(i32, Message)> {
    if let Some((year, text, _)) = &draft.hints.year {
        return Some((*year, msg!("import-year-heading", text = text)));
    }
    let mut deadlines: BTreeMap<i32, usize> = BTreeMap::new();
    for mission in &draft.missions {
        for objective in &mission.objectives {
            for program in &objective.programs {
                for operational in &program.objectives {
                    for indicator in &operational.indicators {
                        if let Some(Ok(Target::Deadline(date))) = indicator.target.as_deref().map(checked_target) {
                            *deadlines.entry(date.year()).or_default() += 1;
                        }
                    }
                }
            }
        }
    }
    if let Some((year, count)) = deadlines.iter().max_by_key(|(year, count)| (**count, std::cmp::Reverse(**year))) {
        let total: usize = deadlines.values().sum();
        return Some((*year, msg!("import-year-deadlines", count = count, total = total)));
    }
    let act_year = draft.hints.act.as_ref().and_then(|(act, _, _)| act.date).map(|date| date.year());
    act_year.map(|year| (year, msg!("import-year-act")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_service_share_a_key() {
        assert_eq!(service_key("Servizio GG.RR.FF.PP."), service_key("Servizio G.RR.FF.PP"));
        assert_eq!(service_key("Regolazione del Mercato"), service_key("Regolazione Mercato"));
        assert_ne!(service_key("Legale"), service_key("Staff"));
        assert_ne!(service_key("Segreteria Generale"), service_key("Controllo Gestione"));
    }

    #[test]
    fn ids_from_names() {
        assert_eq!(slug("Servizi anagrafico certificativi", "s"), "anagrafico-certificativi");
        assert_eq!(slug("Servizio G.RR.FF.PP", "s"), "g-rr-ff-pp");
        assert_eq!(slug("Promozione", "s"), "promozione");
        assert_eq!(slug("Imprese Territorio e Consumatori", "p"), "imprese-territorio-e-consumatori");
        assert_eq!(slug("Qualità", "p"), "qualita");
        assert_eq!(slug("///", "p"), "p");
        let mut used = Ids::default();
        assert_eq!(used.unique("a".into()), "a");
        assert_eq!(used.unique("a".into()), "a-2");
        assert_eq!(used.unique("a-3".into()), "a-3");
        assert_eq!(used.unique("a".into()), "a-4");
    }

    #[test]
    fn units_and_polarity_only_where_the_targets_say_so() {
        let infer = |targets: &[&str]| {
            let mut indicator = Indicator {
                targets: targets.iter().zip(2017..).map(|(t, y)| (y, (*t).to_owned())).collect(),
                ..Indicator::default()
            };
            infer_unit_and_polarity(&mut indicator);
            (indicator.unit, indicator.polarity)
        };
        assert_eq!(infer(&["< 20%", "< 10%", "0%"]), (Some(Unit::Percent), Some(Polarity::Decrease)));
        assert_eq!(infer(&["100%", "100%"]), (Some(Unit::Percent), Some(Polarity::Increase)));
        assert_eq!(infer(&["1", "1"]), (None, None));
        assert_eq!(infer(&["< 2", "1,45"]), (None, Some(Polarity::Decrease)));
        assert_eq!(infer(&["31/12/2019"]), (Some(Unit::Date), None));
        assert_eq!(infer(&["x ≤ x-1", "x < x-2"]), (None, Some(Polarity::Decrease)));
        assert_eq!(infer(&["≥ 1", "< 1"]), (None, None));
        assert_eq!(infer(&["<= 40gg"]), (Some(Unit::Days), Some(Polarity::Decrease)));
        assert_eq!(infer(&["≥ a medio"]).0, Some(Unit::Level));
        assert_eq!(infer(&["Anno di rilevazione", "≥1"]), (None, Some(Polarity::Increase)));
    }

    #[test]
    fn only_the_known_levels_are_targets() {
        assert!(checked_target("≥ a medio").is_ok());
        assert!(checked_target("Promozione").is_err());
        assert!(checked_target("III").is_err());
        assert!(checked_target("31/12/2019").is_ok());
        // Each condition of a target of several: a level among them is one of the scale's.
        assert!(checked_target("100;I").is_err());
        assert!(checked_target("≥ 80%; ≥ a medio").is_ok());
    }
}
