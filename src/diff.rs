//! What changed between two versions of a plan, matched by id, and which changes no revision
//! of the new version covers.

use std::collections::BTreeSet;

use crate::diagnostic::Code;
use crate::plan::{Acceptance, Act, Change, Node, NodeIndex, NodeKind, Plan, Revision, Status};
use crate::source::Span;

/// One field that changed: its name and its old and new values as people read them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldChange {
    /// The field, e.g. `name`, `parent`, `target 2019`, `services`.
    pub field: String,
    /// The old value (`—` when there was none).
    pub old: String,
    /// The new value (`—` when there is none).
    pub new: String,
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

/// The changes of one node.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct NodeDiff {
    /// The node's id.
    pub id: String,
    /// Its level (`mission`, `strategic-objective`...).
    pub level: &'static str,
    /// Its name (the new one when it changed).
    pub name: String,
    /// Added, deleted, or changed.
    pub change: NodeChange,
    /// The fields that changed (for a changed node).
    pub fields: Vec<FieldChange>,
    /// Revision records present only in the new version.
    pub revisions_added: Vec<String>,
    /// Revision records present only in the old version.
    pub revisions_removed: Vec<String>,
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
    pub warnings: Vec<String>,
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

const NONE: &str = "—";

fn change(field: impl Into<String>, old: impl Into<String>, new: impl Into<String>) -> Option<FieldChange> {
    let (old, new) = (old.into(), new.into());
    (old != new).then(|| FieldChange { field: field.into(), old, new })
}

fn or_none(value: Option<String>) -> String {
    value.filter(|v| !v.is_empty()).unwrap_or_else(|| NONE.to_owned())
}

/// The changes from `old` to `new`.
pub fn diff(old: &Plan, new: &Plan) -> PlanDiff {
    let mut result = PlanDiff::default();
    let (om, nm) = (&old.metadata, &new.metadata);
    if om.body != nm.body {
        result.warnings.push(format!("the two plans are of different bodies: {} and {}", om.body, nm.body));
    }
    if om.year != nm.year {
        result.warnings.push(format!("the two plans are of different years: {} and {}", om.year, nm.year));
        let shorthands: Vec<&str> = new
            .indicators()
            .filter(|&i| new.node(i).indicator().is_some_and(|indicator| indicator.plan_year_shorthand))
            .map(|i| new.node(i).id.as_str())
            .collect();
        if let Some(first) = shorthands.first() {
            let others = match shorthands.len() {
                1 => String::new(),
                n => format!(" and {} more", n - 1),
            };
            result.warnings.push(format!(
                "the new version writes {} target{} with the shorthand `target =` ({first}{others}), which follows \
                 `year`: they moved from {} to {}; write each under its year (`targets = {{ {} = ... }}`), as \
                 `cruscotto rollover` does",
                shorthands.len(),
                if shorthands.len() == 1 { "" } else { "s" },
                om.year,
                nm.year,
                om.year
            ));
        }
    }
    let act = |act: &Option<Act>| or_none(act.as_ref().map(ToString::to_string));
    result.metadata = [
        change("body", &om.body, &nm.body),
        change("title", &om.title, &nm.title),
        change("year", om.year.to_string(), nm.year.to_string()),
        change("horizon", format!("{}–{}", om.first_year, om.last_year), format!("{}–{}", nm.first_year, nm.last_year)),
        change("adopted-by", act(&om.adopted_by), act(&nm.adopted_by)),
        change("lang", om.lang().code(), nm.lang().code()),
        change("act-number", om.act_number.as_str(), nm.act_number.as_str()),
        change("levels", levels_text(old), levels_text(new)),
        change("notes", or_none(om.notes.clone()), or_none(nm.notes.clone())),
        change("accept", accepted_text(&om.accepted), accepted_text(&nm.accepted)),
    ]
    .into_iter()
    .flatten()
    .collect();
    let rules = |plan: &Plan| {
        let r = &plan.scoring;
        [
            ("cap", r.cap.normalize().to_string()),
            ("floor", r.floor.normalize().to_string()),
            ("partial-threshold", r.partial_threshold.normalize().to_string()),
            ("missing-data", r.missing_data.as_str().to_owned()),
            ("deadline-grace-days", r.deadline_grace_days.to_string()),
            ("body", r.body.as_str().to_owned()),
            ("parts", r.parts.as_str().to_owned()),
            ("group-weights", r.group_weights.as_str().to_owned()),
            ("bands", bands_text(&r.bands)),
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
                level: node.level().key(),
                name: node.name.clone(),
                change: NodeChange::Added,
                fields: Vec::new(),
                revisions_added: node.revisions.iter().map(revision_text).collect(),
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
                level: node.level().key(),
                name: node.name.clone(),
                change: NodeChange::Deleted,
                fields: Vec::new(),
                revisions_added: Vec::new(),
                revisions_removed: node.revisions.iter().map(revision_text).collect(),
            });
        }
    }
    result
}

/// The plan's names of the levels as one line: `strategic-objective: obiettivo specifico`.
fn levels_text(plan: &Plan) -> String {
    let names: Vec<String> = crate::plan::Level::ALL
        .iter()
        .filter_map(|&level| plan.level_names.get(level).map(|n| format!("{}: {} / {}", level.key(), n.name, n.plural)))
        .collect();
    or_none(Some(names.join("; ")))
}

/// An evaluation range as one line: `0 non raggiunto (0); 70 parzialmente raggiunto; 90 raggiunto (100)`.
fn bands_text(bands: &[crate::plan::Band]) -> String {
    let bands: Vec<String> = bands
        .iter()
        .map(|band| {
            let score = band.score.map(|s| format!(" ({})", s.normalize())).unwrap_or_default();
            format!("{} {}{score}", band.from.normalize(), band.label)
        })
        .collect();
    or_none(Some(bands.join("; ")))
}

/// A node's structured fields, each as one line.
fn fields_text(fields: &crate::plan::NodeFields) -> [(&'static str, String); 4] {
    let resources: Vec<String> =
        fields.resources.iter().map(|(year, amount)| format!("{year}: {}", amount.normalize())).collect();
    let links: Vec<String> = fields.links.iter().map(ToString::to_string).collect();
    [
        ("code", or_none(fields.code.clone())),
        ("responsible", or_none(fields.responsible.as_ref().map(ToString::to_string))),
        ("resources", or_none(Some(resources.join("; ")))),
        ("links", or_none(Some(links.join("; ")))),
    ]
}

/// The acceptances as one line: `incomplete-act: <reason>; empty-program: <reason>`.
fn accepted_text(accepted: &[Acceptance]) -> String {
    or_none(Some(accepted.iter().map(|a| format!("{}: {}", a.code, a.reason)).collect::<Vec<_>>().join("; ")))
}

/// An indicator's measures as one line: `riusi (count, increase, base 2020: 600)`.
fn measures_text(indicator: &crate::plan::Indicator) -> String {
    let measures: Vec<String> = indicator
        .measures
        .iter()
        .map(|m| {
            let base = m.base.map(|b| format!(", base {}: {}", b.year, b.value.normalize())).unwrap_or_default();
            format!("{} {} ({}, {}{base})", m.id, m.name, m.unit.as_str(), m.polarity.as_str())
        })
        .collect();
    or_none(Some(measures.join("; ")))
}

fn base_text(base: Option<crate::plan::Base>) -> String {
    or_none(base.map(|b| format!("{}: {}", b.year, b.value.normalize())))
}

/// Overrides matched by node id and year.
fn overrides(old: &Plan, new: &Plan) -> Vec<FieldChange> {
    let keyed = |plan: &Plan| -> Vec<((String, i32), String)> {
        plan.overrides.iter().map(|o| ((plan.node(o.node).id.clone(), o.year), o.describe())).collect()
    };
    let (before, after) = (keyed(old), keyed(new));
    let field = |(id, year): &(String, i32)| format!("override {id} {year}");
    let mut changes: Vec<FieldChange> = after
        .iter()
        .filter_map(|(key, text)| {
            let old_text = before.iter().find(|(k, _)| k == key).map(|(_, t)| t.clone());
            change(field(key), or_none(old_text), text.clone())
        })
        .collect();
    changes.extend(
        before
            .iter()
            .filter(|(key, _)| !after.iter().any(|(k, _)| k == key))
            .filter_map(|(key, text)| change(field(key), text.clone(), NONE)),
    );
    changes
}

fn registries(old: &Plan, new: &Plan) -> Vec<FieldChange> {
    let mut changes = Vec::new();
    let mut compare = |what: &str, old: Vec<(String, String)>, new: Vec<(String, String)>| {
        for (id, value) in &new {
            let before = old.iter().find(|(o, _)| o == id).map(|(_, v)| v.clone());
            changes.extend(change(format!("{what} {id}"), or_none(before), value.clone()));
        }
        for (id, value) in &old {
            if !new.iter().any(|(n, _)| n == id) {
                changes.extend(change(format!("{what} {id}"), value.clone(), NONE));
            }
        }
    };
    let areas = |p: &Plan| p.areas.iter().map(|a| (a.id.clone(), a.name.clone())).collect();
    let services = |p: &Plan| {
        p.services.iter().map(|s| (s.id.clone(), format!("{} (area {})", s.name, p.areas[s.area].id))).collect()
    };
    let perspectives = |p: &Plan| p.perspectives.iter().map(|x| (x.id.clone(), x.name.clone())).collect();
    let scales = |p: &Plan| p.scales.iter().map(|x| (x.id.clone(), x.levels.join(" < "))).collect();
    compare("area", areas(old), areas(new));
    compare("service", services(old), services(new));
    compare("perspective", perspectives(old), perspectives(new));
    compare("scale", scales(old), scales(new));
    changes
}

/// A revision as one line: `updated by Giunta n. 97 del 26/07/2018: <note>`.
pub fn revision_text(revision: &Revision) -> String {
    let by = match (&revision.act, revision.year) {
        (Some(act), _) => format!(" by {act}"),
        (None, Some(year)) => format!(" in {year}, no act"),
        (None, None) => ", no act".to_owned(),
    };
    let note = revision.note.as_ref().map(|n| format!(": {n}")).unwrap_or_default();
    let previous = if revision.previous.is_some() { " [previous values recorded]" } else { "" };
    format!("{}{by}{note}{previous}", revision.change.as_str())
}

fn changed_node(old: &Plan, old_index: NodeIndex, new: &Plan, new_index: NodeIndex) -> Option<NodeDiff> {
    let (o, n) = (old.node(old_index), new.node(new_index));
    let parent_id = |plan: &Plan, node: &Node| node.parent.map(|p| plan.node(p).id.clone());
    let mut fields: Vec<FieldChange> = [
        change("level", o.level().key(), n.level().key()),
        change("name", &o.name, &n.name),
        change("parent", or_none(parent_id(old, o)), or_none(parent_id(new, n))),
        change("status", o.status.as_str(), n.status.as_str()),
        change("weight", o.weight_text(), n.weight_text()),
        change("notes", or_none(o.notes.clone()), or_none(n.notes.clone())),
        change("accept", accepted_text(&o.accepted), accepted_text(&n.accepted)),
    ]
    .into_iter()
    .flatten()
    .collect();
    let perspective = |plan: &Plan, p: Option<usize>| or_none(p.map(|p| plan.perspectives[p].id.clone()));
    fields.extend(change("perspective", perspective(old, o.perspective), perspective(new, n.perspective)));
    for ((key, before), (_, after)) in fields_text(&o.fields).into_iter().zip(fields_text(&n.fields)) {
        fields.extend(change(key, before, after));
    }
    if let (NodeKind::Indicator(oi), NodeKind::Indicator(ni)) = (&o.kind, &n.kind) {
        let services = |plan: &Plan, list: &[usize]| {
            or_none(Some(list.iter().map(|&s| plan.services[s].id.clone()).collect::<Vec<_>>().join(", ")))
        };
        let areas = |plan: &Plan, list: &[usize]| {
            or_none(Some(list.iter().map(|&a| plan.areas[a].id.clone()).collect::<Vec<_>>().join(", ")))
        };
        let scale = |plan: &Plan, s: Option<usize>| or_none(s.map(|s| plan.scales[s].id.clone()));
        fields.extend(
            [
                change("formula", or_none(oi.formula.clone()), or_none(ni.formula.clone())),
                change("unit", oi.unit.as_str(), ni.unit.as_str()),
                change("polarity", oi.polarity.as_str(), ni.polarity.as_str()),
                change("scale", scale(old, oi.scale), scale(new, ni.scale)),
                change("services", services(old, &oi.services), services(new, &ni.services)),
                change("area", areas(old, &oi.areas), areas(new, &ni.areas)),
                change("cross-cutting", oi.cross_cutting.to_string(), ni.cross_cutting.to_string()),
                change("measures", measures_text(oi), measures_text(ni)),
                change("base", base_text(oi.base), base_text(ni.base)),
                change("bands", bands_text(&oi.bands), bands_text(&ni.bands)),
                change(
                    "type",
                    or_none(oi.indicator_type.map(|t| t.as_str().to_owned())),
                    or_none(ni.indicator_type.map(|t| t.as_str().to_owned())),
                ),
                change("source", or_none(oi.data_source.clone()), or_none(ni.data_source.clone())),
            ]
            .into_iter()
            .flatten(),
        );
        let years: BTreeSet<i32> = oi.targets.keys().chain(ni.targets.keys()).copied().collect();
        let text = |t: Option<&crate::target::Target>| or_none(t.map(ToString::to_string));
        for year in years {
            // Canonical forms: `>=1` and `≥ 1` are the same target.
            fields.extend(change(format!("target {year}"), text(oi.targets.get(&year)), text(ni.targets.get(&year))));
        }
        let periods: BTreeSet<crate::period::Period> =
            oi.period_targets.keys().chain(ni.period_targets.keys()).copied().collect();
        for period in periods {
            fields.extend(change(
                format!("target {period}"),
                text(oi.period_targets.get(&period)),
                text(ni.period_targets.get(&period)),
            ));
        }
    }
    let texts = |node: &Node| node.revisions.iter().map(revision_text).collect::<Vec<_>>();
    let (old_revisions, new_revisions) = (texts(o), texts(n));
    let revisions_added: Vec<String> = multiset_difference(&new_revisions, &old_revisions);
    let revisions_removed: Vec<String> = multiset_difference(&old_revisions, &new_revisions);
    (!fields.is_empty() || !revisions_added.is_empty() || !revisions_removed.is_empty()).then(|| NodeDiff {
        id: n.id.clone(),
        level: n.level().key(),
        name: n.name.clone(),
        change: NodeChange::Changed,
        fields,
        revisions_added,
        revisions_removed,
    })
}

/// The items of `a` not matched one for one in `b`, in `a`'s order.
fn multiset_difference(a: &[String], b: &[String]) -> Vec<String> {
    let mut unmatched: Vec<&String> = b.iter().collect();
    a.iter()
        .filter(|item| match unmatched.iter().position(|u| u == item) {
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
    pub what: String,
    /// What would cover it.
    pub needs: String,
    /// Where the change is in the new version's text, when it is there (not for a deletion).
    #[serde(skip)]
    pub span: Option<Span>,
}

/// Fields not held to acts: free notes, acceptances (which carry their own reasons) and the
/// language the tool writes in (a matter of presentation, not of the plan's content).
const NOT_HELD_TO_ACTS: [&str; 3] = ["notes", "accept", "lang"];

/// Every change of `diff` that no revision of `new` covers. A change is covered only by a
/// revision that `new` adds (one `old` does not record already), on the changed node or on an
/// ancestor, of the kind the change needs, whose act is complete and later than `old`'s
/// adoption ([`Coverage::covers`]). Plan-wide changes (metadata, scoring rules) need a new
/// complete `adopted-by` act; an override, its own complete act. Targets deleted for the years
/// after a node's removal are covered by the removal itself, as `check` asks for them to be
/// deleted (`target-after-removal`): one act, recorded once. Notes, acceptances and `lang` are not held
/// to acts; deleting a node, a revision record or an override is never covered (the history of
/// a plan is only added to).
pub fn uncovered(old: &Plan, new: &Plan, diff: &PlanDiff) -> Vec<Uncovered> {
    let coverage = Coverage { old, new };
    let after = coverage.after();
    let mut result = Vec::new();
    let plan_wide: Vec<&FieldChange> = diff
        .metadata
        .iter()
        .chain(&diff.scoring)
        .filter(|c| c.field != "adopted-by" && !NOT_HELD_TO_ACTS.contains(&c.field.as_str()))
        .collect();
    if !plan_wide.is_empty() && !new.metadata.adopted_by.as_ref().is_some_and(|act| coverage.act_covers(act, None)) {
        for field in plan_wide {
            result.push(Uncovered {
                id: String::new(),
                what: format!("{}: {} → {}", field.field, field.old, field.new),
                needs: format!("a new `adopted-by` act in [plan], with its number and date, {after}"),
                span: None,
            });
        }
    }
    for node in &diff.nodes {
        let index = new.find(&node.id);
        match (node.change, index) {
            (NodeChange::Deleted, _) | (_, None) => result.push(Uncovered {
                id: node.id.clone(),
                what: format!("{} deleted from the file", node.level),
                needs: "nothing can: a removed node stays in the file with `status = \"removed\"` and its revision"
                    .to_owned(),
                span: None,
            }),
            (NodeChange::Added, Some(index)) => {
                if !coverage.covers(index, &[Change::Inserted]) {
                    result.push(Uncovered {
                        id: node.id.clone(),
                        what: format!("{} added", node.level),
                        needs: coverage.needs("an `inserted` revision"),
                        span: Some(new.node(index).span.clone()),
                    });
                }
            }
            (NodeChange::Changed, Some(index)) => {
                for field in node.fields.iter().filter(|f| !NOT_HELD_TO_ACTS.contains(&f.field.as_str())) {
                    if coverage.void_target_deleted(index, field) {
                        continue;
                    }
                    let (changes, needs): (&[Change], &str) = match (field.field.as_str(), field.new.as_str()) {
                        ("status", "removed") => (&[Change::Removed], "a `removed` revision"),
                        _ => (&[Change::Updated, Change::Inserted], "an `updated` revision"),
                    };
                    if !coverage.covers(index, changes) {
                        result.push(Uncovered {
                            id: node.id.clone(),
                            what: format!("{}: {} → {}", field.field, field.old, field.new),
                            needs: coverage.needs(needs),
                            span: Some(field_span(new, index, &field.field)),
                        });
                    }
                }
                for revision in &node.revisions_removed {
                    result.push(Uncovered {
                        id: node.id.clone(),
                        what: format!("revision record deleted: {revision}"),
                        needs: "nothing can: the history of a plan is only added to".to_owned(),
                        span: Some(new.node(index).span.clone()),
                    });
                }
            }
        }
    }
    for change in &diff.overrides {
        let decided =
            new.overrides.iter().find(|o| format!("override {} {}", new.node(o.node).id, o.year) == change.field);
        let (id, needs) = match decided {
            Some(decision) if coverage.act_covers(&decision.act, Some(decision.node)) => continue,
            Some(decision) => (
                new.node(decision.node).id.clone(),
                format!("the override's own act, with its number and date, {after}"),
            ),
            None => (
                change.field.split(' ').nth(1).unwrap_or_default().to_owned(),
                "nothing can: a decision stays on record; a later one replaces it, with its own act".to_owned(),
            ),
        };
        result.push(Uncovered {
            id,
            what: format!("{}: {} → {}", change.field, change.old, change.new),
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
    /// `after Giunta n. 12 del 30/01/2019`, or `dated` when the old version records no adopting
    /// act.
    fn after(&self) -> String {
        match &self.old.metadata.adopted_by {
            Some(act) => format!("after {act}"),
            None => "dated".to_owned(),
        }
    }

    /// What would cover a change of a node.
    fn needs(&self, revision: &str) -> String {
        format!(
            "{revision} added in this version, on it or on an ancestor, citing an act with its number and date {}",
            self.after()
        )
    }

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
            || node.is_some_and(|index| accepts_unnumbered(&self.new.node(index).accepted));
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
            self.old.find(&node.id).map(|old| self.old.node(old).revisions.iter().collect()).unwrap_or_default();
        node.revisions
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
        let year = field.field.strip_prefix("target ").and_then(|year| year.parse::<i32>().ok());
        match (year, node.removed_from()) {
            (Some(year), Some(removed)) => field.new == NONE && node.status == Status::Removed && year > removed,
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
pub fn field_span(plan: &Plan, index: NodeIndex, field: &str) -> Span {
    let node = plan.node(index);
    let target = field.strip_prefix("target ").and_then(crate::period::Period::parse).and_then(|period| {
        let indicator = node.indicator()?;
        if period.is_year() {
            indicator.target_spans.get(&period.year).cloned()
        } else {
            indicator.period_target_spans.get(&period).cloned()
        }
    });
    if let Some(span) = target {
        return span;
    }
    match field {
        "status" => node.status_span.clone(),
        "name" => node.name_span.clone(),
        _ => node.span.clone(),
    }
}
