//! TOML text → [`RawPlan`]: every value checked on its own, with its position kept.
//!
//! The file is parsed with `toml`'s spanned document parser and walked by hand against the
//! format's description ([`spec`]), so that every unknown key, wrong type, missing key and
//! unreadable value is reported in one run (a derived `Deserialize` stops at the first). What
//! needs more than one value to check (references, duplicate ids, the horizon) is left to
//! [`crate::validate`], which receives the [`RawPlan`] with the spans it needs.

mod events;
pub mod parts;
mod plain;
pub mod spec;
mod stream;

pub use stream::{NotText, PlanStream};

use std::sync::Arc;

use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::date::Date;
use crate::diagnostic::{Code, Diagnostic, Reporter, code_list, did_you_mean, level_name};
use crate::i18n::{Lang, Message};
use crate::msg;
use crate::number::parse_decimal;
use crate::period::Period;
use crate::plan::{
    Acceptance, Act, ActNumber, Band, Base, BodyRule, Change, GroupWeights, IndicatorType, Level, LevelName,
    LevelNames, Link, LinkKind, Metadata, MissingData, Outcome, PartsRule, Previous, Responsible, Revision,
    ScoringRules, Status, Unit, YearTarget,
};
use crate::source::{SourceFile, Span};
use crate::target::{Polarity, Quantity, Suffix, Target, TargetError, accepted_forms};
use spec::{FieldSpec, TableSpec, ValueKind};

/// A value with the byte range it was read from.
pub type Sp<T> = Spanned<T>;

/// A plan as read from the file: every value has its type, but nothing is cross-checked yet.
#[derive(Debug, Default)]
pub struct RawPlan {
    /// `[plan]`, when present and readable.
    pub metadata: Option<Metadata>,
    /// `[scoring]`, defaults filled in.
    pub scoring: ScoringRules,
    /// `[levels]`: the body's names of the levels.
    pub level_names: LevelNames,
    /// `[[area]]` entries.
    pub areas: Vec<RawEntry>,
    /// `[[service]]` entries (with `area`).
    pub services: Vec<RawEntry>,
    /// `[[perspective]]` entries.
    pub perspectives: Vec<RawEntry>,
    /// `[[scale]]` entries (with `levels`).
    pub scales: Vec<RawEntry>,
    /// Every node of every level, in file order.
    pub nodes: Vec<RawNode>,
    /// `[[override]]` entries, in file order.
    pub overrides: Vec<RawOverride>,
    /// Every acceptance of the plan, with the part of the file it applies to: the node's id and
    /// table (from its header to the next table's), or, for those of `[plan]`, `None`: the whole
    /// file.
    pub acceptances: Vec<(Acceptance, Option<(String, Span)>)>,
}

/// An `[[override]]` entry, its values checked on their own.
#[derive(Debug)]
pub struct RawOverride {
    /// The node's id.
    pub node: Sp<String>,
    /// The year.
    pub year: Sp<i32>,
    /// Neutralised, or reassessed with its attainment.
    pub outcome: Outcome,
    /// Where the attainment (or, without one, the outcome) is written.
    pub outcome_span: Span,
    /// Why.
    pub reason: String,
    /// Who decided.
    pub decided_by: String,
    /// The act.
    pub act: Act,
    /// Where the act is written.
    pub act_span: Span,
    /// The `[[override]]` header.
    pub span: Span,
}

/// A registry entry: area, service, perspective or scale.
#[derive(Debug)]
pub struct RawEntry {
    /// The id.
    pub id: Sp<String>,
    /// The name, when given.
    pub name: Option<String>,
    /// A service's area.
    pub area: Option<Sp<String>>,
    /// A scale's levels, lower case, lowest first.
    pub levels: Vec<String>,
}

/// A node of any level.
#[derive(Debug)]
pub struct RawNode {
    /// Its level (which array it was in).
    pub level: Level,
    /// The span of its table (the `[[...]]` header).
    pub span: Span,
    /// The id.
    pub id: Sp<String>,
    /// The name (empty when missing, which is already reported).
    pub name: String,
    /// Where the name is written (the header when it is missing).
    pub name_span: Span,
    /// The parent's id, with the level its key names (`mission`, `strategic-objective`,
    /// `program`; `objective` for indicators, whose parent may be of either objective level).
    pub parent: Option<(Level, Sp<String>)>,
    /// The weight (default 1).
    pub weight: Decimal,
    /// `status`.
    pub status: Sp<Status>,
    /// The indicator part, for indicators.
    pub indicator: Option<Box<RawIndicator>>,
    /// The keys few nodes have, when the node has any: held apart, since a plan of national
    /// scale has a hundred thousand nodes to read.
    pub rare: Option<Box<RawRare>>,
}

/// The keys of a [`RawNode`] that few nodes have.
#[derive(Debug, Default)]
pub struct RawRare {
    /// The node's perspective.
    pub perspective: Option<Sp<String>>,
    /// Weights by year (`weight = { 2024 = 2 }`), with where each year is written.
    pub weights_by_year: Vec<(Sp<i32>, Decimal)>,
    /// `code`.
    pub code: Option<String>,
    /// `responsible`.
    pub responsible: Option<Responsible>,
    /// `resources`, each year with where it is written.
    pub resources: Vec<(Sp<i32>, Decimal)>,
    /// `links`.
    pub links: Vec<Link>,
    /// The revisions.
    pub revisions: Vec<Revision>,
    /// Free notes.
    pub notes: Option<String>,
    /// `accept`: the findings accepted in the node's table.
    pub accepted: Vec<Acceptance>,
}

impl RawRare {
    /// Whether no key of it is given.
    fn is_empty(&self) -> bool {
        self.perspective.is_none()
            && self.weights_by_year.is_empty()
            && self.code.is_none()
            && self.responsible.is_none()
            && self.resources.is_empty()
            && self.links.is_empty()
            && self.revisions.is_empty()
            && self.notes.is_none()
            && self.accepted.is_empty()
    }
}

/// What a node without rare keys reads.
static NO_RAW_RARE: RawRare = RawRare {
    perspective: None,
    weights_by_year: Vec::new(),
    code: None,
    responsible: None,
    resources: Vec::new(),
    links: Vec::new(),
    revisions: Vec::new(),
    notes: None,
    accepted: Vec::new(),
};

impl RawNode {
    /// The keys few nodes have (all empty when it has none).
    pub fn rare(&self) -> &RawRare {
        self.rare.as_deref().unwrap_or(&NO_RAW_RARE)
    }

    /// A place for a node still to be read ([`RawNode::is_empty_slot`]).
    fn empty_slot() -> Self {
        RawNode {
            level: Level::Mission,
            span: usize::MAX..usize::MAX,
            id: Spanned::new(0..0, String::new()),
            name: String::new(),
            name_span: 0..0,
            parent: None,
            weight: Decimal::ONE,
            status: Spanned::new(0..0, Status::Active),
            indicator: None,
            rare: None,
        }
    }

    /// Whether it is a place no node was read into: no table starts past every byte.
    fn is_empty_slot(&self) -> bool {
        self.span.start == usize::MAX
    }
}

/// The indicator-specific keys of a [`RawNode`].
#[derive(Debug, Default)]
pub struct RawIndicator {
    /// `unit`.
    pub unit: Option<Unit>,
    /// `polarity`.
    pub polarity: Option<Polarity>,
    /// `targets`, each year with where its key and its target are written (the records of the
    /// typed plan's [`crate::plan::YearTargets`], which takes them as they are).
    pub targets: Vec<YearTarget>,
    /// `target`: the plan year's target.
    pub plan_year_target: Option<Sp<Arc<Target>>>,
    /// Span of the `targets` table, or of `target`.
    pub targets_span: Option<Span>,
    /// `services`.
    pub services: Vec<Sp<String>>,
    /// `cross-cutting`.
    pub cross_cutting: bool,
    /// The keys few indicators have, when it has any (held apart, like [`RawNode::rare`]).
    pub rare: Option<Box<RawIndicatorRare>>,
}

/// The keys of a [`RawIndicator`] that few indicators have.
#[derive(Debug, Default)]
pub struct RawIndicatorRare {
    /// `formula`.
    pub formula: Option<String>,
    /// `scale`.
    pub scale: Option<Sp<String>>,
    /// `targets` of periods within a year (`"2024-S1"`).
    pub period_targets: Vec<(Sp<Period>, Sp<Arc<Target>>)>,
    /// `measures`.
    pub measures: Vec<RawMeasure>,
    /// `base`.
    pub base: Option<Sp<Base>>,
    /// `bands`.
    pub bands: Vec<Band>,
    /// `type`.
    pub indicator_type: Option<IndicatorType>,
    /// `source`.
    pub data_source: Option<String>,
    /// `baseline` years.
    pub baseline: Vec<Sp<i32>>,
    /// `area`.
    pub areas: Vec<Sp<String>>,
    /// `reported-by`.
    pub reported_by: Option<Sp<String>>,
}

impl RawIndicatorRare {
    /// Whether no key of it is given.
    fn is_empty(&self) -> bool {
        self.formula.is_none()
            && self.scale.is_none()
            && self.period_targets.is_empty()
            && self.measures.is_empty()
            && self.base.is_none()
            && self.bands.is_empty()
            && self.indicator_type.is_none()
            && self.data_source.is_none()
            && self.baseline.is_empty()
            && self.areas.is_empty()
            && self.reported_by.is_none()
    }
}

/// What an indicator without rare keys reads.
static NO_RAW_INDICATOR_RARE: RawIndicatorRare = RawIndicatorRare {
    formula: None,
    scale: None,
    period_targets: Vec::new(),
    measures: Vec::new(),
    base: None,
    bands: Vec::new(),
    indicator_type: None,
    data_source: None,
    baseline: Vec::new(),
    areas: Vec::new(),
    reported_by: None,
};

impl RawIndicator {
    /// The keys few indicators have (all empty when it has none).
    pub fn rare(&self) -> &RawIndicatorRare {
        self.rare.as_deref().unwrap_or(&NO_RAW_INDICATOR_RARE)
    }
}

/// A measure of an indicator, its values checked on their own.
#[derive(Debug)]
pub struct RawMeasure {
    /// Its id.
    pub id: Sp<String>,
    /// Its name.
    pub name: String,
    /// Its unit.
    pub unit: Unit,
    /// Its polarity, when declared.
    pub polarity: Option<Polarity>,
    /// Its base.
    pub base: Option<Sp<Base>>,
}

/// Whether `id` is a valid id: ASCII letters, digits, `.`, `_`, `-`, starting with a letter or
/// digit, at most 64 characters. ASCII only: a Cyrillic `Ѕ1.1` or a full-width `Ｓ１.１` looks
/// like `S1.1` but would be another id, and actual values would silently miss it.
pub fn is_valid_id(id: &str) -> bool {
    let mut bytes = id.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphanumeric())
        && id.len() <= 64
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// Reads `source` as a plan file. Problems go to `diagnostics`; `None` when the file is not
/// TOML at all.
///
/// The file is read in parts ([`parts`]) when it can be, a batch of the tree's tables at a time,
/// and otherwise whole: a part with a syntax error, or holding what its header did not promise,
/// sends the loader back to the whole file, so that both ways report the same findings.
pub fn load(source: &SourceFile, diagnostics: &mut Vec<Diagnostic>) -> Option<RawPlan> {
    let before = diagnostics.len();
    match load_in_parts(source, diagnostics) {
        Ok(plan) => plan,
        Err(NotInParts) => {
            diagnostics.truncate(before);
            load_whole(source, diagnostics)
        }
    }
}

/// A file that cannot be read in parts: it is read whole.
struct NotInParts;

/// Every text file of the project's plans, examples, test fixtures and fuzz seeds of plans, each
/// with its path: what the loader's tests read every way it can be read.
#[cfg(test)]
pub(crate) fn project_plan_texts() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut folders = vec![
        root.join("plans"),
        root.join("examples"),
        root.join("tests/fixtures"),
        root.join("fuzz/seeds/check_plan"),
        root.join("fuzz/seeds/plan_roundtrip"),
    ];
    let mut texts = Vec::new();
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else { continue };
        for path in entries.flatten().map(|entry| entry.path()) {
            if path.is_dir() {
                folders.push(path);
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                texts.push((path.display().to_string(), text));
            }
        }
    }
    texts
}

/// Reads `source` whole, with `toml`'s own document parser: the reference for [`load`], which
/// reads the tree of a file in batches, most of them without the parser (`load/plain.rs`), and
/// must give the same plan and the same findings. The loader's tests and the fuzz target
/// `check_plan` compare the two.
pub fn load_whole_file(source: &SourceFile, diagnostics: &mut Vec<Diagnostic>) -> Option<RawPlan> {
    load_whole(source, diagnostics)
}

/// The tree's arrays of tables: their key, level and description.
static TREE: [(&str, Level, &TableSpec); 5] = [
    ("mission", Level::Mission, &spec::MISSION),
    ("strategic-objective", Level::StrategicObjective, &spec::STRATEGIC_OBJECTIVE),
    ("program", Level::Program, &spec::PROGRAM),
    ("operational-objective", Level::OperationalObjective, &spec::OPERATIONAL_OBJECTIVE),
    ("indicator", Level::Indicator, &spec::INDICATOR),
];

/// The key, level and description of the tree's array of tables called `name`.
fn tree_table(name: &str) -> Option<&'static (&'static str, Level, &'static TableSpec)> {
    TREE.iter().find(|(key, ..)| *key == name)
}

/// [`load`] of the whole file, parsed at once.
fn load_whole(source: &SourceFile, diagnostics: &mut Vec<Diagnostic>) -> Option<RawPlan> {
    let (document, errors) = DeTable::parse_recoverable(source.text());
    if !errors.is_empty() {
        report_syntax_errors(source, &errors, diagnostics);
        return None;
    }
    let root = Spanned::new(0..0, DeValue::Table(document.into_inner()));
    let headers = table_headers(&root);
    let mut loader = Loader::new(source, diagnostics);
    let fields = loader.table(&root, &spec::ROOT)?;
    let mut plan = loader.head(&fields);
    for &(key, level, table_spec) in &TREE {
        for table in loader.array_of_tables(&fields, key) {
            plan.nodes.extend(loader.node(table, level, table_spec));
        }
    }
    Some(loader.finish(plan, headers))
}

/// [`load`] of the file in parts: the head whole, the tree's tables a batch at a time.
fn load_in_parts(source: &SourceFile, diagnostics: &mut Vec<Diagnostic>) -> Result<Option<RawPlan>, NotInParts> {
    load_in_parts_of(source, diagnostics, parts::split(source.text()))
}

/// [`load_in_parts`], the file cut into `cut`.
fn load_in_parts_of(
    source: &SourceFile,
    diagnostics: &mut Vec<Diagnostic>,
    cut: parts::Parts,
) -> Result<Option<RawPlan>, NotInParts> {
    load_in_parts_with(source, diagnostics, cut, MOST_NODES_RESERVED)
}

/// [`load_in_parts_of`], with slots made for at most `most_slots` nodes.
fn load_in_parts_with(
    source: &SourceFile,
    diagnostics: &mut Vec<Diagnostic>,
    cut: parts::Parts,
    most_slots: usize,
) -> Result<Option<RawPlan>, NotInParts> {
    let text = source.text();
    let head = parse_head(cut.head.iter().map(|range| (text, range.clone(), 0)))?;
    let mut tree = Tree::default();
    read_tree(source, text, 0, &cut, most_slots, &mut tree)?;
    Ok(assemble(source, diagnostics, head, tree))
}

/// The head of a file read in parts: its parts (each a range of a text that starts so many
/// bytes into the file) parsed, their keys in one table.
fn parse_head<'t>(
    parts: impl Iterator<Item = (&'t str, std::ops::Range<usize>, usize)>,
) -> Result<DeTable<'t>, NotInParts> {
    let mut head = DeTable::new();
    for (text, range, base) in parts {
        for (key, value) in parts::parse_at(text, range, base).ok_or(NotInParts)? {
            // A key in two parts (a table continued after the tree, an array of tables in two
            // runs) or a tree key in the head is for the whole file to judge.
            let name: &str = key.get_ref();
            if tree_table(name).is_some() || head.contains_key(name) {
                return Err(NotInParts);
            }
            head.insert(key, value);
        }
    }
    Ok(head)
}

/// The tree's tables of a file read in parts, as far as it is read.
#[derive(Default)]
struct Tree {
    /// The nodes, with slots for nodes not read yet or that no table gave
    /// ([`RawNode::empty_slot`]).
    nodes: Vec<RawNode>,
    /// Where each of the tables starts.
    headers: Vec<usize>,
    /// What reading them found, in file order.
    diagnostics: Vec<Diagnostic>,
}

/// The plan of a file read in parts: its `head` read, then its `tree` added.
fn assemble(source: &SourceFile, diagnostics: &mut Vec<Diagnostic>, head: DeTable<'_>, tree: Tree) -> Option<RawPlan> {
    let root = Spanned::new(0..0, DeValue::Table(head));
    let mut headers = table_headers(&root);
    let mut loader = Loader::new(source, diagnostics);
    let fields = loader.table(&root, &spec::ROOT)?;
    let mut plan = loader.head(&fields);
    let Tree { mut nodes, headers: tree_headers, diagnostics: tree_diagnostics } = tree;
    // The slots of headers that gave no node: a table in error, or a header in a multi-line string.
    nodes.retain(|node| !node.is_empty_slot());
    plan.nodes = nodes;
    headers.extend(tree_headers);
    loader.reporter.diagnostics.extend(tree_diagnostics);
    headers.sort_unstable();
    Some(loader.finish(plan, headers))
}

/// Reads the tree's batches of `cut`, the parts of `text`, a piece of the file that starts
/// `base` bytes into it, onto `tree`.
///
/// The batches are parsed and read on every core: each share of them by a loader of its own,
/// whose findings follow those of the shares before it. Each node goes straight to its place in
/// the plan's vector, made with a slot for each plain header of the batches: a share's nodes are
/// not read into vectors of their own and moved into the plan's afterwards, which left that
/// share's nodes written twice (13 MB at the peak of `check` for a plan of a hundred thousand
/// indicators). Not more than `most_slots` slots: the headers are counted in a file anyone can
/// write, and one of empty tables would otherwise reserve gigabytes; past that, and for nodes
/// written otherwise, the nodes a batch gives beyond its slots are kept apart, and go into the
/// slots no node took, then after them ([`Loader::finish`] puts the nodes in file order when they
/// are not).
fn read_tree(
    source: &SourceFile,
    text: &str,
    base: usize,
    cut: &parts::Parts,
    most_slots: usize,
    tree: &mut Tree,
) -> Result<(), NotInParts> {
    let slots = if cut.tables <= most_slots { cut.batch_tables.as_slice() } else { &[] };
    let start = tree.nodes.len();
    let count: usize = slots.iter().sum();
    tree.nodes.reserve(count);
    tree.nodes.extend(std::iter::repeat_with(RawNode::empty_slot).take(count));
    let (mut free, mut next) = (&mut tree.nodes[start..], 0);
    let shares = parts::in_shares_with(
        &cut.batches,
        |share| {
            let counts = slots.get(next..next + share.len()).unwrap_or_default();
            next += share.len();
            let (own, rest) = std::mem::take(&mut free).split_at_mut(counts.iter().sum());
            free = rest;
            (counts, own)
        },
        |share, (counts, own)| read_batches(source, text, base, share, counts, own),
    );
    let shares = shares.into_iter().collect::<Result<Vec<_>, _>>()?;
    for share in shares {
        let mut beyond = share.beyond.into_iter();
        if beyond.len() > 0 {
            for (slot, node) in tree.nodes[start..].iter_mut().filter(|node| node.is_empty_slot()).zip(beyond.by_ref())
            {
                *slot = node;
            }
            tree.nodes.extend(beyond);
        }
        tree.headers.extend(share.headers);
        tree.diagnostics.extend(share.diagnostics);
    }
    Ok(())
}

/// The most nodes slots are made for before they are read.
const MOST_NODES_RESERVED: usize = 1 << 20;

/// What a share of the tree's batches gives, besides the nodes in its slots.
struct ReadBatches {
    /// The nodes its batches gave beyond their slots, in file order.
    beyond: Vec<RawNode>,
    /// Where each of its tables starts.
    headers: Vec<usize>,
    /// What reading them found, in file order.
    diagnostics: Vec<Diagnostic>,
}

/// Parses and reads `batches` of `text` (a piece of `source` that starts `base` bytes into it),
/// in order, each batch's nodes into its slots of `slots` (`counts[i]` of them for the `i`-th
/// batch, none where `counts` is short), those beyond them kept apart.
fn read_batches(
    source: &SourceFile,
    text: &str,
    base: usize,
    batches: &[std::ops::Range<usize>],
    counts: &[usize],
    slots: &mut [RawNode],
) -> Result<ReadBatches, NotInParts> {
    let mut diagnostics = Vec::new();
    let mut loader = Loader::new(source, &mut diagnostics);
    let (mut beyond, mut headers) = (Vec::new(), Vec::new());
    // A batch's nodes, read in the order of its keys: the same few kilobytes for every batch.
    let mut batch: Vec<RawNode> = Vec::new();
    let mut at = 0;
    for (index, range) in batches.iter().enumerate() {
        for (key, value) in parts::parse_at(text, range.clone(), base).ok_or(NotInParts)? {
            let (DeValue::Array(tables), Some((_, level, table_spec))) = (value.get_ref(), tree_table(key.get_ref()))
            else {
                return Err(NotInParts);
            };
            for table in tables.iter() {
                if !table.get_ref().is_table() {
                    return Err(NotInParts);
                }
                headers.push(table.span().start);
                batch.extend(loader.node(table, *level, table_spec));
            }
        }
        // A batch holds its missions, then its objectives...: in file order, the batches in
        // turn are, and the nodes need no sorting at the end.
        batch.sort_by_key(|node| node.span.start);
        let count = counts.get(index).copied().unwrap_or(0);
        let mut read = batch.drain(..);
        for (slot, node) in slots[at..at + count].iter_mut().zip(read.by_ref()) {
            *slot = node;
        }
        beyond.extend(read);
        at += count;
    }
    Ok(ReadBatches { beyond, headers, diagnostics })
}

/// Where each table of the file starts (its header), in file order.
fn table_headers(root: &Sp<DeValue<'_>>) -> Vec<usize> {
    let DeValue::Table(table) = root.get_ref() else { return Vec::new() };
    let mut starts = Vec::new();
    for (_, value) in table.iter() {
        match value.get_ref() {
            DeValue::Table(_) => starts.push(value.span().start),
            DeValue::Array(array) => {
                starts.extend(array.iter().filter(|item| item.get_ref().is_table()).map(|item| item.span().start));
            }
            _ => {}
        }
    }
    starts.sort_unstable();
    starts
}

/// One diagnostic per line: the parser's recovery can report a cascade from one mistake.
fn report_syntax_errors(source: &SourceFile, errors: &[toml::de::Error], diagnostics: &mut Vec<Diagnostic>) {
    let mut lines_seen = std::collections::HashSet::new();
    for error in errors {
        let span = error.span().unwrap_or(0..0);
        let line = source.position(span.start).line;
        if !lines_seen.insert(line) {
            continue;
        }
        let reason = error.message().trim_end_matches('.');
        diagnostics.push(Diagnostic::new(Code::TomlSyntax, msg!("toml-syntax", reason = reason)).at(source, &span));
    }
}

/// The keys of one table that passed the shape check, by name, in the table's order (sorted).
/// A table has a handful of keys, each looked up by a few calls: a key is found by comparing
/// lengths first, which tells most keys apart without comparing their bytes (a sorted map
/// compares the bytes of every key it passes).
struct Fields<'v, 'i> {
    span: Span,
    values: Vec<(&'v str, &'v Sp<DeValue<'i>>)>,
}

impl<'v, 'i> Fields<'v, 'i> {
    fn get(&self, key: &str) -> Option<&'v Sp<DeValue<'i>>> {
        self.values.iter().find(|(name, _)| *name == key).map(|&(_, value)| value)
    }
}

/// Targets by the text they were read from, each parsed once.
type KnownTargets = FxHashMap<Box<str>, KnownTarget>;

/// A target text read before: its target, and whether the text holds a hidden character
/// ([`Loader::hidden_characters`]), which each indicator that writes it is told of.
struct KnownTarget {
    parsed: Result<Arc<Target>, TargetError>,
    hidden: bool,
}

struct Loader<'a> {
    reporter: Reporter<'a>,
    /// Each distinct target text read as a single string, parsed once and shared by the
    /// indicators that write it: a plan of a hundred thousand indicators writes its targets in a
    /// handful of texts. By the text, read as any number (`[0]`) or as a count (`[1]`).
    targets: [KnownTargets; 2],
}

impl<'a> Loader<'a> {
    fn new(source: &'a SourceFile, diagnostics: &'a mut Vec<Diagnostic>) -> Self {
        Loader { reporter: Reporter::new(source, diagnostics), targets: Default::default() }
    }
}

impl Loader<'_> {
    /// Everything of the plan but its tree: `[plan]`, `[scoring]`, `[levels]`, the registries
    /// and the overrides.
    fn head(&mut self, fields: &Fields<'_, '_>) -> RawPlan {
        let mut plan = RawPlan::default();
        if let Some(value) = fields.get("plan") {
            let (metadata, accepted) = self.metadata(value);
            plan.metadata = metadata;
            plan.acceptances.extend(accepted.into_iter().map(|acceptance| (acceptance, None)));
        }
        if let Some(value) = fields.get("scoring") {
            plan.scoring = self.scoring(value);
        }
        if let Some(value) = fields.get("levels") {
            plan.level_names = self.level_names(value);
        }
        plan.areas = self.entries(fields, "area", &spec::AREA);
        plan.services = self.entries(fields, "service", &spec::SERVICE);
        plan.perspectives = self.entries(fields, "perspective", &spec::PERSPECTIVE);
        plan.scales = self.entries(fields, "scale", &spec::SCALE);
        for table in self.array_of_tables(fields, "override") {
            plan.overrides.extend(self.override_entry(table));
        }
        plan
    }

    /// The plan with its nodes in file order and the acceptances of each node's table, given
    /// where every table of the file starts (`headers`, in file order).
    fn finish(&mut self, mut plan: RawPlan, headers: Vec<usize>) -> RawPlan {
        let end_of_file = self.reporter.source.len();
        // In place: each node's table starts at a byte of its own, and a stable sort would take
        // room for half the nodes (13 MB for a plan of a hundred thousand indicators).
        if !plan.nodes.is_sorted_by_key(|node| node.span.start) {
            plan.nodes.sort_unstable_by_key(|node| node.span.start);
        }
        for node in plan.nodes.iter().filter(|node| !node.rare().accepted.is_empty()) {
            // A node's table runs from its header to the next table's header (its revisions,
            // `[[indicator.revision]]`, are inside it).
            // By binary search: a scan from the first header would make this quadratic in the nodes.
            let next = headers.partition_point(|&start| start <= node.span.start);
            let end = headers.get(next).copied().unwrap_or(end_of_file);
            let scope = (node.id.get_ref().clone(), node.span.start..end);
            plan.acceptances.extend(node.rare().accepted.iter().map(|a| (a.clone(), Some(scope.clone()))));
        }
        plan
    }
}

impl Loader<'_> {
    fn report(&mut self, code: Code, span: &Span, message: Message) -> &mut Diagnostic {
        self.reporter.report(code, span, message)
    }

    /// Checks a table's keys against its spec: unknown keys, types, required keys.
    fn table<'v, 'i>(&mut self, value: &'v Sp<DeValue<'i>>, spec: &TableSpec) -> Option<Fields<'v, 'i>> {
        let DeValue::Table(table) = value.get_ref() else {
            let message = msg!("wrong-type-table", table = spec.name).message("found", found(value));
            self.report(Code::WrongType, &value.span(), message);
            return None;
        };
        let mut fields = Fields { span: value.span(), values: Vec::with_capacity(table.len()) };
        for (key, item) in table.iter() {
            let name = key.get_ref().as_ref();
            match spec.field(name) {
                None => self.unknown_key(name, &key.span(), spec),
                Some(field) if kind_matches(field.kind, item.get_ref()) => {
                    fields.values.push((name, item));
                }
                Some(field) => self.wrong_type(field, item),
            }
        }
        for field in spec.fields.iter().filter(|f| f.required && !table.iter().any(|(k, _)| k.get_ref() == f.key)) {
            let message = if std::ptr::eq(spec, &spec::ROOT) {
                msg!("missing-key", key = field.key)
            } else {
                msg!("missing-key-in", key = field.key, table = spec.name)
            };
            let span = if fields.span.is_empty() { 0..0 } else { fields.span.clone() };
            self.report(Code::MissingKey, &span, message).help = key_help(field);
        }
        Some(fields)
    }

    fn unknown_key(&mut self, name: &str, span: &Span, spec: &TableSpec) {
        let keys = spec.fields.iter().map(|f| f.key);
        let help = match did_you_mean(name, keys.clone()) {
            Some(suggestion) => msg!("did-you-mean", suggestion = suggestion),
            None => msg!("unknown-key-help", keys = code_list(keys)),
        };
        let message = if std::ptr::eq(spec, &spec::ROOT) {
            msg!("unknown-key-top", key = name)
        } else {
            msg!("unknown-key", key = name, table = spec.name)
        };
        self.report(Code::UnknownKey, span, message).help = Some(help);
    }

    fn wrong_type(&mut self, field: &FieldSpec, item: &Sp<DeValue<'_>>) {
        let message = msg!("wrong-type", key = field.key)
            .message("expected", field.kind.expected())
            .message("found", found(item));
        let help =
            match (field.kind, item.get_ref()) {
                (ValueKind::ArrayOfTables(spec), DeValue::Table(_)) => {
                    Some(msg!("wrong-type-help-header", table = spec.name))
                }
                (ValueKind::String | ValueKind::Id, DeValue::Integer(_) | DeValue::Float(_)) => {
                    Some(msg!("wrong-type-help-quote"))
                }
                (ValueKind::Date, _) => Some(msg!("wrong-type-help-date")),
                // A table written as its first key's value (`mission = "missione"` in `[levels]`,
                // `responsible = "Ufficio A"`): show the table with that value in its place.
                (ValueKind::Table(spec), DeValue::String(text)) if !spec.fields.is_empty() => {
                    let keys: Vec<String> =
                        spec.fields
                            .iter()
                            .enumerate()
                            .map(|(at, key)| {
                                if at == 0 { format!("{} = {:?}", key.key, text) } else { format!("{} = …", key.key) }
                            })
                            .collect();
                    Some(msg!("wrong-type-help-table", table = format!("{{ {} }}", keys.join(", "))))
                }
                _ => None,
            };
        let diagnostic = self.report(Code::WrongType, &item.span(), message);
        diagnostic.help = help;
    }

    /// The tables of an array of tables, skipping (and reporting) elements that are not tables.
    fn array_of_tables<'v, 'i>(&mut self, fields: &Fields<'v, 'i>, key: &str) -> Vec<&'v Sp<DeValue<'i>>> {
        let Some(DeValue::Array(array)) = fields.get(key).map(Sp::get_ref) else {
            return Vec::new();
        };
        let mut tables = Vec::new();
        for item in array.iter() {
            if item.get_ref().is_table() {
                tables.push(item);
            } else {
                let message = msg!("wrong-type-each-table", key = key).message("found", found(item));
                self.report(Code::WrongType, &item.span(), message);
            }
        }
        tables
    }

    // ---- scalar readers: each reports its own problems and returns `None` on failure ----

    fn string(&mut self, fields: &Fields<'_, '_>, key: &str) -> Option<Sp<String>> {
        let value = fields.get(key)?;
        let text = value.get_ref().as_str()?;
        self.hidden_characters(key, text, &value.span());
        Some(Spanned::new(value.span(), text.to_owned()))
    }

    /// Reports the characters of `text` (the value of `key`, written at `span`) that cannot be
    /// seen or that reorder the text around them: shown as nothing, or turning the text around,
    /// wherever the text is shown as written. A line break is a line break (`\r\n` too), and a
    /// tab is white space.
    fn hidden_characters(&mut self, key: &str, text: &str, span: &Span) {
        let hidden = crate::render::style::hidden_in(text);
        let Some(&first) = hidden.first() else { return };
        // The first one where it is written: as itself, or as one of TOML's escapes for it.
        let written = self.reporter.source.text().get(span.clone()).unwrap_or_default();
        let code = u32::from(first);
        let mut forms = vec![first.to_string(), format!("\\u{code:04x}"), format!("\\u{code:04X}")];
        forms.extend([format!("\\U{code:08x}"), format!("\\U{code:08X}")]);
        forms.extend(
            match first {
                '\r' => Some("\\r"),
                '\u{8}' => Some("\\b"),
                '\u{c}' => Some("\\f"),
                '\u{1b}' => Some("\\e"),
                _ => None,
            }
            .map(str::to_owned),
        );
        let found = forms.iter().filter_map(|form| written.find(form.as_str()).map(|at| (at, form.len()))).min();
        let at = match found {
            Some((offset, length)) => span.start + offset..span.start + offset + length,
            None => span.clone(),
        };
        let character = crate::render::style::visible(first.encode_utf8(&mut [0; 4])).into_owned();
        let message = msg!("hidden-character", key = key, character = character).count("count", hidden.len());
        let help = msg!("hidden-character-help").count("count", hidden.len());
        self.report(Code::HiddenCharacter, &at, message).help = Some(help);
    }

    fn text(&mut self, fields: &Fields<'_, '_>, key: &str) -> Option<String> {
        self.string(fields, key).map(Sp::into_inner)
    }

    fn id(&mut self, fields: &Fields<'_, '_>, key: &str) -> Option<Sp<String>> {
        let id = self.string(fields, key)?;
        self.check_id(id)
    }

    fn check_id(&mut self, id: Sp<String>) -> Option<Sp<String>> {
        if is_valid_id(id.get_ref()) {
            return Some(id);
        }
        self.report(Code::InvalidId, &id.span(), msg!("invalid-id", id = id.get_ref())).help =
            Some(msg!("invalid-id-help"));
        None
    }

    fn ids(&mut self, fields: &Fields<'_, '_>, key: &str) -> Vec<Sp<String>> {
        let Some(value) = fields.get(key) else {
            return Vec::new();
        };
        let items: Vec<&Sp<DeValue<'_>>> = match value.get_ref() {
            DeValue::Array(array) => array.iter().collect(),
            _ => vec![value],
        };
        // Room for every item at once: one id grown by a push would take room for four.
        let mut ids = Vec::with_capacity(items.len());
        for item in items {
            match item.get_ref().as_str() {
                Some(text) => ids.extend(self.check_id(Spanned::new(item.span(), text.to_owned()))),
                None => {
                    let message = msg!("wrong-type-ids", key = key).message("found", found(item));
                    self.report(Code::WrongType, &item.span(), message);
                }
            }
        }
        ids
    }

    fn boolean(&mut self, fields: &Fields<'_, '_>, key: &str) -> Option<bool> {
        fields.get(key)?.get_ref().as_bool()
    }

    fn integer(&mut self, item: &Sp<DeValue<'_>>) -> Option<i64> {
        let integer = item.get_ref().as_integer()?;
        let parsed = i64::from_str_radix(integer.as_str(), integer.radix()).ok();
        if parsed.is_none() {
            self.report(Code::InvalidValue, &item.span(), msg!("integer-too-large", value = integer));
        }
        parsed
    }

    fn year_value(&mut self, item: &Sp<DeValue<'_>>) -> Option<Sp<i32>> {
        let number = self.integer(item)?;
        match i32::try_from(number).ok().filter(|year| (1..=9999).contains(year)) {
            Some(year) => Some(Spanned::new(item.span(), year)),
            None => {
                self.report(Code::InvalidValue, &item.span(), msg!("not-a-year", text = number));
                None
            }
        }
    }

    fn year(&mut self, fields: &Fields<'_, '_>, key: &str) -> Option<Sp<i32>> {
        let item = fields.get(key)?;
        self.year_value(item)
    }

    fn years(&mut self, fields: &Fields<'_, '_>, key: &str) -> Vec<Sp<i32>> {
        let Some(value) = fields.get(key) else {
            return Vec::new();
        };
        let items: Vec<&Sp<DeValue<'_>>> = match value.get_ref() {
            DeValue::Array(array) => array.iter().collect(),
            _ => vec![value],
        };
        let mut years = Vec::new();
        for item in items {
            if item.get_ref().is_integer() {
                years.extend(self.year_value(item));
            } else {
                let message = msg!("wrong-type-years", key = key).message("found", found(item));
                self.report(Code::WrongType, &item.span(), message);
            }
        }
        years
    }

    fn count(&mut self, fields: &Fields<'_, '_>, key: &str) -> Option<u32> {
        let item = fields.get(key)?;
        let number = self.integer(item)?;
        let count = u32::try_from(number).ok();
        if count.is_none() {
            self.report(Code::InvalidValue, &item.span(), msg!("negative-count", key = key, value = number));
        }
        count
    }

    fn date(&mut self, fields: &Fields<'_, '_>, key: &str) -> Option<Date> {
        let item = fields.get(key)?;
        let datetime = item.get_ref().as_datetime()?;
        let date = match (datetime.date, datetime.time, datetime.offset) {
            (Some(date), None, None) => Date::new(i32::from(date.year), date.month, date.day),
            _ => None,
        };
        // A date of its own (no time) that still is none is out of range: year 0.
        let bare_date = datetime.date.is_some() && datetime.time.is_none() && datetime.offset.is_none();
        if date.is_none() && bare_date {
            let message = msg!("date-out-of-range", key = key, value = datetime);
            self.report(Code::InvalidValue, &item.span(), message).help = Some(msg!("date-out-of-range-help"));
        } else if date.is_none() {
            let message = msg!("date-with-time", key = key, value = datetime);
            self.report(Code::InvalidValue, &item.span(), message).help = Some(msg!("date-with-time-help"));
        }
        date
    }

    /// An exact decimal from an integer, a float (its digits as written) or a string.
    fn decimal(&mut self, fields: &Fields<'_, '_>, key: &str) -> Option<Sp<Decimal>> {
        let item = fields.get(key)?;
        self.decimal_value(item, key)
    }

    /// The decimal `item` of `key` (see [`Loader::decimal`]); another type is reported.
    fn decimal_value(&mut self, item: &Sp<DeValue<'_>>, key: &str) -> Option<Sp<Decimal>> {
        let parsed = match item.get_ref() {
            DeValue::Integer(integer) => {
                let n = self.integer(item)?;
                crate::number::in_range(Decimal::from(n), integer.as_str()).map_err(|e| e.message())
            }
            DeValue::Float(float) => exact_float(float.as_str()),
            DeValue::String(text) => parse_decimal(text).map_err(|e| e.message()),
            _ => {
                let message = msg!("wrong-type", key = key)
                    .message("expected", ValueKind::Decimal.expected())
                    .message("found", found(item));
                self.report(Code::WrongType, &item.span(), message);
                return None;
            }
        };
        match parsed {
            Ok(value) => Some(Spanned::new(item.span(), value)),
            Err(reason) => {
                let ambiguous = matches!(item.get_ref(), DeValue::String(text) if matches!(parse_decimal(text), Err(crate::number::NumberError::Ambiguous(_))));
                let message = msg!("invalid-number", key = key).message("reason", reason);
                let diagnostic = self.report(Code::InvalidValue, &item.span(), message);
                if let (true, DeValue::String(text)) = (ambiguous, item.get_ref()) {
                    diagnostic.help = Some(crate::number::ambiguity_help(text));
                }
                None
            }
        }
    }

    /// One of the listed spellings; anything else is reported with the closest spelling.
    fn choice(&mut self, fields: &Fields<'_, '_>, key: &str, options: &[&str]) -> Option<Sp<String>> {
        let value = self.string(fields, key)?;
        if options.contains(&value.get_ref().as_str()) {
            return Some(value);
        }
        let italian = ITALIAN_WORDS.iter().find(|(word, _)| value.get_ref().eq_ignore_ascii_case(word));
        let help = match italian.map(|(_, english)| *english).filter(|english| options.contains(english)) {
            Some(english) => msg!("invalid-choice-help-english", value = value.get_ref(), english = english),
            None => match did_you_mean(value.get_ref(), options.iter().copied()) {
                Some(suggestion) => msg!("did-you-mean", suggestion = suggestion),
                None => msg!("invalid-choice-help", values = code_list(options.iter().copied())),
            },
        };
        self.report(Code::InvalidValue, &value.span(), msg!("invalid-choice", value = value.get_ref(), key = key))
            .help = Some(help);
        None
    }

    // ---- tables ----

    fn metadata(&mut self, value: &Sp<DeValue<'_>>) -> (Option<Metadata>, Vec<Acceptance>) {
        let Some(fields) = self.table(value, &spec::PLAN) else { return (None, Vec::new()) };
        let accepted = self.acceptances(&fields);
        (self.metadata_fields(&fields, accepted.clone()), accepted)
    }

    fn metadata_fields(&mut self, fields: &Fields<'_, '_>, accepted: Vec<Acceptance>) -> Option<Metadata> {
        let body = self.text(fields, "body");
        let title = self.text(fields, "title");
        let year = self.year(fields, "year");
        let horizon = self.horizon(fields);
        let adopted_by = fields.get("adopted-by").and_then(|act| self.act(act));
        if let (Some(date), Some(year)) = (adopted_by.as_ref().and_then(|act| act.date), &year)
            && date.year() > *year.get_ref()
        {
            let span = fields.get("adopted-by").map(Sp::span).unwrap_or_default();
            let message = msg!("act-after-plan-year-adoption", year = year.get_ref(), date = date);
            self.report(Code::ActAfterPlanYear, &span, message).help = Some(msg!("act-after-plan-year-adoption-help"));
        }
        let lang = self.choice(fields, "lang", spec::LANGS).and_then(|code| Lang::from_code(code.get_ref()));
        let act_number = match self.choice(fields, "act-number", spec::ACT_NUMBERS) {
            Some(choice) if choice.get_ref() == "optional" => ActNumber::Optional,
            _ => ActNumber::Required,
        };
        let notes = self.text(fields, "notes");
        let (body, title, year, (first_year, last_year)) = (body?, title?, year?, horizon?);
        if !(first_year..=last_year).contains(year.get_ref()) {
            let message =
                msg!("plan-year-outside-horizon", year = year.get_ref(), first = first_year, last = last_year);
            self.report(Code::InvalidValue, &year.span(), message);
            return None;
        }
        Some(Metadata {
            body,
            title,
            year: year.into_inner(),
            first_year,
            last_year,
            adopted_by,
            lang,
            notes,
            accepted,
            act_number,
        })
    }

    fn horizon(&mut self, fields: &Fields<'_, '_>) -> Option<(i32, i32)> {
        let value = fields.get("horizon")?;
        let DeValue::Array(array) = value.get_ref() else {
            return None;
        };
        let years: Vec<i32> = array
            .iter()
            .filter(|item| item.get_ref().is_integer())
            .filter_map(|item| self.year_value(item).map(Sp::into_inner))
            .collect();
        match years.as_slice() {
            [first, last] if first <= last && array.len() == 2 => Some((*first, *last)),
            _ => {
                self.report(Code::InvalidValue, &value.span(), msg!("invalid-horizon")).help =
                    Some(msg!("invalid-horizon-help"));
                None
            }
        }
    }

    fn scoring(&mut self, value: &Sp<DeValue<'_>>) -> ScoringRules {
        let mut rules = ScoringRules::default();
        let Some(fields) = self.table(value, &spec::SCORING) else {
            return rules;
        };
        let hundred = Decimal::ONE_HUNDRED;
        if let Some(cap) = self.decimal(&fields, "cap") {
            if *cap.get_ref() >= hundred {
                rules.cap = cap.into_inner();
            } else {
                self.report(Code::InvalidValue, &cap.span(), msg!("scoring-cap-too-low", value = cap.get_ref()));
            }
        }
        for (key, slot) in [("floor", &mut rules.floor), ("partial-threshold", &mut rules.partial_threshold)] {
            if let Some(value) = self.decimal(&fields, key) {
                if (Decimal::ZERO..=hundred).contains(value.get_ref()) {
                    *slot = value.into_inner();
                } else {
                    let message = msg!("scoring-share-out-of-range", key = key, value = value.get_ref());
                    self.report(Code::InvalidValue, &value.span(), message);
                }
            }
        }
        if let Some(policy) = self.choice(&fields, "missing-data", spec::MISSING_DATA) {
            rules.missing_data = match policy.get_ref().as_str() {
                "zero" => MissingData::Zero,
                "error" => MissingData::Error,
                _ => MissingData::Exclude,
            };
        }
        if let Some(days) = self.count(&fields, "deadline-grace-days") {
            rules.deadline_grace_days = days;
        }
        if let Some(rule) = self.choice(&fields, "body", spec::BODY_RULES) {
            rules.body = BodyRule::parse(rule.get_ref()).unwrap_or_default();
            rules.body_declared = true;
        }
        if let Some(rule) = self.choice(&fields, "parts", spec::PARTS_RULES) {
            rules.parts = if rule.get_ref() == "minimum" { PartsRule::Minimum } else { PartsRule::Mean };
        }
        if let Some(rule) = self.choice(&fields, "group-weights", spec::GROUP_WEIGHTS) {
            rules.group_weights = if rule.get_ref() == "share" { GroupWeights::Share } else { GroupWeights::AsWritten };
        }
        if fields.get("bands").is_some() {
            rules.bands = self.bands(&fields, rules.cap);
            if let (false, Some(threshold)) = (rules.bands.is_empty(), fields.get("partial-threshold")) {
                self.report(Code::InvalidValue, &threshold.span(), msg!("bands-and-threshold")).help =
                    Some(msg!("bands-and-threshold-help"));
            }
        }
        rules
    }

    /// `bands`: the first from 0, each lower bound above the previous one and at most 100, a
    /// label each, scores between 0 and the cap. A range that breaks a rule is reported and
    /// dropped whole: a partial range would evaluate differently from the system it transcribes.
    fn bands(&mut self, fields: &Fields<'_, '_>, cap: Decimal) -> Vec<Band> {
        let mut bands: Vec<Band> = Vec::new();
        // The lower bound of the band before, kept when that band was reported and dropped, so
        // that each mistake is reported once.
        let mut previous: Option<Decimal> = None;
        let mut whole = true;
        let tables = self.array_of_tables(fields, "bands");
        let span = fields.get("bands").map(Sp::span).unwrap_or_default();
        for value in tables {
            let Some(entry) = self.table(value, &spec::BAND) else {
                whole = false;
                continue;
            };
            let from = self.decimal(&entry, "from");
            let label = self.said(&entry, "label");
            let score = self.decimal(&entry, "score");
            let (Some(from), Some(label)) = (from, label) else {
                whole = false;
                continue;
            };
            let problem = match previous.replace(*from.get_ref()) {
                None if !from.get_ref().is_zero() => Some(msg!("band-first", from = from.get_ref())),
                Some(previous) if *from.get_ref() <= previous => {
                    Some(msg!("band-order", from = from.get_ref(), previous = previous))
                }
                _ if *from.get_ref() > Decimal::ONE_HUNDRED => Some(msg!("band-above", from = from.get_ref())),
                _ => None,
            };
            if let Some(problem) = problem {
                self.report(Code::InvalidValue, &from.span(), problem).help = Some(msg!("band-help"));
                whole = false;
                continue;
            }
            if let Some(score) = &score
                && (score.get_ref().is_sign_negative() && !score.get_ref().is_zero() || *score.get_ref() > cap)
            {
                let message = msg!("band-score", score = score.get_ref(), cap = cap.normalize());
                self.report(Code::InvalidValue, &score.span(), message);
                whole = false;
                continue;
            }
            bands.push(Band { from: from.into_inner(), label, score: score.map(Sp::into_inner) });
        }
        if whole && bands.len() < 2 {
            self.report(Code::InvalidValue, &span, msg!("band-count")).help = Some(msg!("band-help"));
            whole = false;
        }
        if whole { bands } else { Vec::new() }
    }

    /// `[levels]`: the body's names of the levels.
    fn level_names(&mut self, value: &Sp<DeValue<'_>>) -> LevelNames {
        let mut names = LevelNames::default();
        let Some(fields) = self.table(value, &spec::LEVELS) else { return names };
        for level in Level::ALL {
            let Some(value) = fields.get(level.key()) else { continue };
            let Some(entry) = self.table(value, &spec::LEVEL_NAME) else { continue };
            let said = |text: Option<String>| text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty());
            let name = said(self.text(&entry, "name"));
            let plural = said(self.text(&entry, "plural"));
            match name {
                Some(name) => names.set(level, LevelName { plural: plural.unwrap_or_else(|| name.clone()), name }),
                None if entry.get("name").is_some() => {
                    let span = entry.get("name").map(Sp::span).unwrap_or_default();
                    self.report(Code::InvalidValue, &span, msg!("empty-text", key = "name"));
                }
                None => {}
            }
        }
        names
    }

    fn act(&mut self, value: &Sp<DeValue<'_>>) -> Option<Act> {
        let fields = self.table(value, &spec::ACT)?;
        let number = fields.get("number").map(|item| match item.get_ref() {
            DeValue::Integer(integer) => integer.to_string(),
            other => other.as_str().unwrap_or_default().to_owned(),
        });
        Some(Act { body: self.text(&fields, "body"), number, date: self.date(&fields, "date") })
    }

    /// A string that must say something: blank is reported.
    fn said(&mut self, fields: &Fields<'_, '_>, key: &str) -> Option<String> {
        let text = self.string(fields, key)?;
        if text.get_ref().trim().is_empty() {
            let help = [&spec::ACCEPT, &spec::OVERRIDE, &spec::LINK, &spec::BAND]
                .iter()
                .find_map(|table| table.field(key))
                .and_then(key_help);
            self.report(Code::InvalidValue, &text.span(), msg!("empty-text", key = key)).help = help;
            return None;
        }
        Some(text.into_inner())
    }

    /// `accept`: the findings accepted, each a warning about the plan, once per code.
    fn acceptances(&mut self, fields: &Fields<'_, '_>) -> Vec<Acceptance> {
        let mut accepted: Vec<Acceptance> = Vec::new();
        for value in self.array_of_tables(fields, "accept") {
            let Some(entry) = self.table(value, &spec::ACCEPT) else { continue };
            let (code, reason) = (self.code(&entry), self.said(&entry, "reason"));
            let (Some(code), Some(reason)) = (code, reason) else { continue };
            if accepted.iter().any(|a| a.code == code) {
                self.report(Code::InvalidValue, &entry.span, msg!("accepted-twice", code = code)).help =
                    Some(msg!("accepted-twice-help"));
                continue;
            }
            accepted.push(Acceptance { code, reason, span: entry.span.clone() });
        }
        accepted
    }

    /// The `code` of an acceptance: a warning about the plan.
    fn code(&mut self, fields: &Fields<'_, '_>) -> Option<Code> {
        let name = self.string(fields, "code")?;
        let (message, help) = match Code::from_name(name.get_ref()) {
            Some(code) if code.is_acceptable() => return Some(code),
            None => {
                let acceptable = Code::ALL.iter().filter(|c| c.is_acceptable()).map(|c| c.as_str());
                let help = match did_you_mean(name.get_ref(), acceptable) {
                    Some(suggestion) => msg!("did-you-mean", suggestion = suggestion),
                    None => msg!("explain-lists-codes"),
                };
                (msg!("not-a-code", name = name.get_ref()), help)
            }
            Some(code) if code.severity() == crate::diagnostic::Severity::Error => {
                (msg!("accepted-error", code = code), msg!("accepted-error-help"))
            }
            Some(Code::UnusedAcceptance) => {
                (msg!("accepted-unused-acceptance"), msg!("accepted-unused-acceptance-help"))
            }
            Some(code) => (msg!("accepted-other-file", code = code), msg!("accepted-other-file-help", code = code)),
        };
        self.report(Code::InvalidValue, &name.span(), message).help = Some(help);
        None
    }

    /// An `[[override]]` entry: its values, and an attainment exactly when it is a reassessment.
    fn override_entry(&mut self, value: &Sp<DeValue<'_>>) -> Option<RawOverride> {
        let fields = self.table(value, &spec::OVERRIDE)?;
        let node = self.id(&fields, "node");
        let year = self.year(&fields, "year");
        let outcome = self.choice(&fields, "outcome", spec::OUTCOMES);
        let attainment = self.decimal(&fields, "attainment");
        let reason = self.said(&fields, "reason");
        let decided_by = self.said(&fields, "decided-by");
        let act_value = fields.get("act");
        let act = act_value.and_then(|act| self.act(act));
        let outcome = match (outcome, attainment) {
            (Some(outcome), None) if outcome.get_ref() == "reassessed" => {
                self.report(Code::InvalidOverride, &outcome.span(), msg!("reassessment-without-attainment")).help =
                    Some(msg!("reassessment-without-attainment-help"));
                None
            }
            (Some(outcome), None) => Some((Outcome::Neutralised, outcome.span())),
            (Some(outcome), Some(attainment)) if outcome.get_ref() == "neutralised" => {
                let message = msg!("neutralised-with-attainment");
                self.report(Code::InvalidOverride, &attainment.span(), message).help =
                    Some(msg!("neutralised-with-attainment-help"));
                None
            }
            (Some(_), Some(attainment))
                if attainment.get_ref().is_sign_negative() && !attainment.get_ref().is_zero() =>
            {
                let message = msg!("negative-attainment", value = attainment.get_ref());
                self.report(Code::InvalidOverride, &attainment.span(), message);
                None
            }
            (Some(_), Some(attainment)) => Some((Outcome::Reassessed(*attainment.get_ref()), attainment.span())),
            (None, _) => None,
        };
        let ((outcome, outcome_span), act_value) = (outcome?, act_value?);
        Some(RawOverride {
            node: node?,
            year: year?,
            outcome,
            outcome_span,
            reason: reason?,
            decided_by: decided_by?,
            act: act?,
            act_span: act_value.span(),
            span: fields.span.clone(),
        })
    }

    fn entries(&mut self, fields: &Fields<'_, '_>, key: &str, table_spec: &TableSpec) -> Vec<RawEntry> {
        let mut entries = Vec::new();
        for value in self.array_of_tables(fields, key) {
            let Some(entry_fields) = self.table(value, table_spec) else {
                continue;
            };
            let Some(id) = self.id(&entry_fields, "id") else {
                continue;
            };
            let name = self.text(&entry_fields, "name");
            let area = self.id(&entry_fields, "area");
            let levels = self.levels(&entry_fields);
            entries.push(RawEntry { id, name, area, levels });
        }
        entries
    }

    fn levels(&mut self, fields: &Fields<'_, '_>) -> Vec<String> {
        let Some(value) = fields.get("levels") else {
            return Vec::new();
        };
        let DeValue::Array(array) = value.get_ref() else {
            return Vec::new();
        };
        let mut levels: Vec<String> = Vec::new();
        for item in array.iter() {
            match item.get_ref().as_str().map(str::trim) {
                Some(level) if !level.is_empty() && !levels.contains(&level.to_lowercase()) => {
                    levels.push(level.to_lowercase());
                }
                Some(level) => {
                    self.report(Code::InvalidValue, &item.span(), msg!("scale-level-repeated", level = level));
                }
                None => {
                    let message = msg!("wrong-type-levels").message("found", found(item));
                    self.report(Code::WrongType, &item.span(), message);
                }
            }
        }
        if levels.len() < 2 {
            self.report(Code::InvalidValue, &value.span(), msg!("scale-too-few-levels"));
        }
        levels
    }

    fn node(&mut self, value: &Sp<DeValue<'_>>, level: Level, table_spec: &TableSpec) -> Option<RawNode> {
        let fields = self.table(value, table_spec)?;
        let id = self.id(&fields, "id");
        let (name, name_span) = match self.string(&fields, "name") {
            Some(name) => (name.get_ref().clone(), name.span()),
            None => (String::new(), fields.span.clone()),
        };
        let parent = self.parent(&fields, level);
        let perspective = self.id(&fields, "perspective");
        let (weight, weights_by_year) = self.weight(&fields);
        let code = self.text(&fields, "code");
        let responsible = fields.get("responsible").and_then(|value| self.responsible(value));
        let resources = self.amounts(&fields, "resources");
        let links = self.links(&fields);
        let status = match self.choice(&fields, "status", spec::STATUSES) {
            Some(status) if status.get_ref() == "removed" => Spanned::new(status.span(), Status::Removed),
            Some(status) => Spanned::new(status.span(), Status::Active),
            None => Spanned::new(fields.span.clone(), Status::Active),
        };
        let revisions = self.revisions(&fields, level);
        let notes = self.text(&fields, "notes");
        let accepted = self.acceptances(&fields);
        let indicator = (level == Level::Indicator).then(|| Box::new(self.indicator(&fields)));
        let rare =
            RawRare { perspective, weights_by_year, code, responsible, resources, links, revisions, notes, accepted };
        Some(RawNode {
            level,
            span: fields.span.clone(),
            id: id?,
            name,
            name_span,
            parent,
            weight,
            status,
            indicator,
            rare: (!rare.is_empty()).then(|| Box::new(rare)),
        })
    }

    /// The node's parent: the one parent key it gives among those of its level (two are an
    /// error; none is checked by validation, which knows whether the node may be a root).
    fn parent(&mut self, fields: &Fields<'_, '_>, level: Level) -> Option<(Level, Sp<String>)> {
        let mut given: Vec<(Level, Sp<String>)> = Vec::new();
        for &parent_level in level.parent_levels() {
            let key = level.parent_key(parent_level);
            if given.iter().any(|(l, _)| level.parent_key(*l) == key) {
                continue;
            }
            if let Some(id) = self.id(fields, key) {
                given.push((parent_level, id));
            }
        }
        if let [(first, _), (second, id), ..] = given.as_slice() {
            let message = msg!(
                "two-parents",
                table = format!("[[{}]]", level.key()),
                first = level.parent_key(*first),
                second = level.parent_key(*second)
            );
            self.report(Code::InvalidValue, &id.span(), message).help = Some(msg!("two-parents-help"));
        }
        given.into_iter().next()
    }

    /// `weight`: one decimal, or a table of years to decimals; a negative weight is an error.
    fn weight(&mut self, fields: &Fields<'_, '_>) -> (Decimal, Vec<(Sp<i32>, Decimal)>) {
        let Some(item) = fields.get("weight") else { return (Decimal::ONE, Vec::new()) };
        if let DeValue::Table(table) = item.get_ref() {
            let mut by_year = Vec::new();
            for (key, value) in table.iter() {
                let year = self.year_key(key, msg!("weight-year-help"));
                let weight = self.decimal_value(value, "weight").and_then(|w| self.not_negative_weight(w));
                if let (Some(year), Some(weight)) = (year, weight) {
                    by_year.push((year, weight));
                }
            }
            return (Decimal::ONE, by_year);
        }
        let weight = self.decimal(fields, "weight").and_then(|w| self.not_negative_weight(w));
        (weight.unwrap_or(Decimal::ONE), Vec::new())
    }

    fn not_negative_weight(&mut self, weight: Sp<Decimal>) -> Option<Decimal> {
        if weight.get_ref().is_sign_negative() && !weight.get_ref().is_zero() {
            let message = msg!("negative-weight", value = weight.get_ref());
            self.report(Code::NegativeWeight, &weight.span(), message).help = Some(msg!("negative-weight-help"));
            return None;
        }
        Some(weight.into_inner())
    }

    /// A key that must be a year (`2024`), with the help line `help` when it is not.
    fn year_key(&mut self, key: &Sp<std::borrow::Cow<'_, str>>, help: Message) -> Option<Sp<i32>> {
        let text = key.get_ref().as_ref();
        let year = text.parse::<i32>().ok().filter(|year| text.len() == 4 && *year >= 1);
        if year.is_none() {
            self.report(Code::InvalidValue, &key.span(), msg!("not-a-year", text = text)).help = Some(help);
        }
        year.map(|year| Spanned::new(key.span(), year))
    }

    /// A table of years to amounts (`resources`): each a decimal, not negative.
    fn amounts(&mut self, fields: &Fields<'_, '_>, key: &str) -> Vec<(Sp<i32>, Decimal)> {
        let Some(DeValue::Table(table)) = fields.get(key).map(Sp::get_ref) else { return Vec::new() };
        let mut amounts = Vec::new();
        for (year_key, value) in table.iter() {
            let year = self.year_key(year_key, msg!("resources-year-help"));
            let amount = self.decimal_value(value, key);
            if let Some(amount) = &amount
                && amount.get_ref().is_sign_negative()
                && !amount.get_ref().is_zero()
            {
                let message = msg!("negative-amount", key = key, amount = amount.get_ref());
                self.report(Code::InvalidValue, &amount.span(), message);
                continue;
            }
            if let (Some(year), Some(amount)) = (year, amount) {
                amounts.push((year, amount.into_inner()));
            }
        }
        amounts
    }

    /// `responsible = { office = "...", person = "..." }`: at least one of the two, not blank.
    fn responsible(&mut self, value: &Sp<DeValue<'_>>) -> Option<Responsible> {
        let fields = self.table(value, &spec::RESPONSIBLE)?;
        let said = |text: Option<String>| text.filter(|t| !t.trim().is_empty());
        let office = said(self.text(&fields, "office"));
        let person = said(self.text(&fields, "person"));
        if office.is_none() && person.is_none() {
            self.report(Code::InvalidValue, &fields.span, msg!("responsible-empty")).help =
                Some(msg!("responsible-empty-help"));
            return None;
        }
        Some(Responsible { office, person })
    }

    /// `links = [{ kind = "pnrr", ref = "M1C1-123", title = "..." }]`.
    fn links(&mut self, fields: &Fields<'_, '_>) -> Vec<Link> {
        let mut links = Vec::new();
        for value in self.array_of_tables(fields, "links") {
            let Some(entry) = self.table(value, &spec::LINK) else { continue };
            let kind = self.choice(&entry, "kind", spec::LINK_KINDS).and_then(|k| LinkKind::parse(k.get_ref()));
            let reference = self.said(&entry, "ref");
            let title = self.text(&entry, "title");
            if let (Some(kind), Some(reference)) = (kind, reference) {
                links.push(Link { kind, reference, title });
            }
        }
        links
    }

    fn revisions(&mut self, fields: &Fields<'_, '_>, level: Level) -> Vec<Revision> {
        let mut revisions = Vec::new();
        for value in self.array_of_tables(fields, "revision") {
            let Some(revision_fields) = self.table(value, &spec::REVISION) else {
                continue;
            };
            let Some(change) = self.choice(&revision_fields, "change", spec::CHANGES) else {
                continue;
            };
            let change = match change.get_ref().as_str() {
                "inserted" => Change::Inserted,
                "removed" => Change::Removed,
                _ => Change::Updated,
            };
            let act = revision_fields.get("act").and_then(|act| self.act(act));
            let year = self.year(&revision_fields, "year").map(Sp::into_inner);
            let note = self.text(&revision_fields, "note");
            let previous = revision_fields.get("previous").and_then(|value| self.previous(value, level, change));
            revisions.push(Revision { change, act, year, note, previous, span: revision_fields.span.clone() });
        }
        revisions
    }

    /// `previous`: only the keys that exist at the node's level, and only on updates.
    fn previous(&mut self, value: &Sp<DeValue<'_>>, level: Level, change: Change) -> Option<Box<Previous>> {
        let fields = self.table(value, &spec::PREVIOUS)?;
        if change != Change::Updated {
            let message = msg!("previous-not-an-update", change = change.as_str());
            self.report(Code::InvalidValue, &fields.span, message).help = Some(msg!("previous-not-an-update-help"));
            return None;
        }
        let indicator_only = ["formula", "unit", "polarity", "targets", "services", "area", "objective"];
        let mut parent_keys: Vec<&str> = level.parent_levels().iter().map(|&p| level.parent_key(p)).collect();
        parent_keys.dedup();
        for (key, value) in &fields.values {
            let is_parent_key = ["mission", "strategic-objective", "program", "objective"].contains(key);
            let wrong = (is_parent_key && !parent_keys.contains(key))
                || (level != Level::Indicator && indicator_only.contains(key) && !is_parent_key);
            if wrong {
                let span = value.span();
                let message = msg!("previous-wrong-key", key = key).message("level", level_name(level));
                self.report(Code::InvalidValue, &span, message);
            }
        }
        let mut previous = Previous {
            name: self.text(&fields, "name"),
            parent: parent_keys.iter().find_map(|key| self.id(&fields, key)).map(Sp::into_inner),
            formula: self.text(&fields, "formula"),
            unit: self.choice(&fields, "unit", spec::UNITS).and_then(|unit| Unit::parse(unit.get_ref())),
            polarity: self.choice(&fields, "polarity", spec::POLARITIES).map(|p| match p.get_ref().as_str() {
                "decrease" => Polarity::Decrease,
                _ => Polarity::Increase,
            }),
            weight: self.decimal(&fields, "weight").map(Sp::into_inner),
            services: fields
                .get("services")
                .map(|_| self.ids(&fields, "services").into_iter().map(Sp::into_inner).collect()),
            areas: fields.get("area").map(|_| self.ids(&fields, "area").into_iter().map(Sp::into_inner).collect()),
            span: fields.span.clone(),
            ..Previous::default()
        };
        if let Some(DeValue::Table(table)) = fields.get("targets").map(Sp::get_ref) {
            for (key, item) in table.iter() {
                let Some(year) = self.target_year(key) else { continue };
                let blank = item.get_ref().as_str().is_some_and(|text| text.trim().is_empty());
                if blank {
                    previous.targets.insert(year.into_inner(), None);
                } else if let Some(target) = self.target("targets", item, false) {
                    previous.targets.insert(year.into_inner(), Some(Arc::unwrap_or_clone(target.into_inner())));
                }
            }
        }
        if previous.is_empty() {
            self.report(Code::InvalidValue, &fields.span, msg!("previous-empty")).help =
                Some(msg!("previous-empty-help"));
            return None;
        }
        Some(Box::new(previous))
    }

    fn indicator(&mut self, fields: &Fields<'_, '_>) -> RawIndicator {
        // Read in the order of the keys' checks, for the order of their findings.
        let formula = self.text(fields, "formula");
        let unit = self.choice(fields, "unit", spec::UNITS).and_then(|unit| Unit::parse(unit.get_ref()));
        let polarity = self.polarity(fields);
        let scale = self.id(fields, "scale");
        let baseline = self.years(fields, "baseline");
        let services = self.ids(fields, "services");
        let areas = self.ids(fields, "area");
        let cross_cutting = self.boolean(fields, "cross-cutting").unwrap_or(false);
        let mut rare = RawIndicatorRare {
            formula,
            scale,
            baseline,
            areas,
            measures: self.measures(fields),
            base: fields.get("base").and_then(|value| self.base(value)),
            indicator_type: self
                .choice(fields, "type", spec::INDICATOR_TYPES)
                .and_then(|kind| IndicatorType::parse(kind.get_ref())),
            data_source: self.text(fields, "source"),
            reported_by: self.id(fields, "reported-by"),
            ..RawIndicatorRare::default()
        };
        let mut indicator = RawIndicator { unit, polarity, services, cross_cutting, ..RawIndicator::default() };
        if fields.get("bands").is_some() {
            rare.bands = self.bands(fields, Decimal::MAX);
        }
        // A count is whole: `2.600` in its targets is two thousand six hundred.
        let units = indicator.unit.into_iter().chain(rare.measures.iter().map(|m| m.unit));
        let count = indicator.unit.is_some_and(|u| u == Unit::Count)
            || (!rare.measures.is_empty() && units.clone().all(|u| u == Unit::Count));
        if let Some(value) = fields.get("targets") {
            indicator.targets_span = Some(value.span());
            if let DeValue::Table(table) = value.get_ref() {
                // Sized once: a plan holds a hundred thousand of these.
                indicator.targets.reserve_exact(table.len());
                for (key, item) in table.iter() {
                    let period = self.target_period(key);
                    let target = self.target("targets", item, count);
                    match (period, target) {
                        (Some(period), Some(target)) if period.get_ref().is_year() => {
                            let (span, target) = (target.span(), target.into_inner());
                            indicator.targets.push(YearTarget::new(period.get_ref().year, period.span(), span, target));
                        }
                        (Some(period), Some(target)) => rare.period_targets.push((period, target)),
                        _ => {}
                    }
                }
            }
        }
        if let Some(value) = fields.get("target") {
            if fields.get("targets").is_some() {
                self.report(Code::InvalidValue, &value.span(), msg!("target-and-targets")).help =
                    Some(msg!("target-and-targets-help"));
            } else {
                indicator.targets_span = Some(value.span());
                indicator.plan_year_target = self.target("target", value, count);
            }
        }
        indicator.rare = (!rare.is_empty()).then(|| Box::new(rare));
        indicator
    }

    fn polarity(&mut self, fields: &Fields<'_, '_>) -> Option<Polarity> {
        self.choice(fields, "polarity", spec::POLARITIES).map(|p| match p.get_ref().as_str() {
            "decrease" => Polarity::Decrease,
            _ => Polarity::Increase,
        })
    }

    /// `measures`: each with its id, name and unit, ids unique within the indicator.
    fn measures(&mut self, fields: &Fields<'_, '_>) -> Vec<RawMeasure> {
        let mut measures: Vec<RawMeasure> = Vec::new();
        for value in self.array_of_tables(fields, "measures") {
            let Some(entry) = self.table(value, &spec::MEASURE) else { continue };
            let id = self.id(&entry, "id");
            let name = self.text(&entry, "name");
            let unit = self.choice(&entry, "unit", spec::UNITS).and_then(|unit| Unit::parse(unit.get_ref()));
            let polarity = self.polarity(&entry);
            let base = entry.get("base").and_then(|value| self.base(value));
            let (Some(id), Some(name), Some(unit)) = (id, name, unit) else { continue };
            if measures.iter().any(|m| m.id.get_ref() == id.get_ref()) {
                let message = msg!("measure-twice", id = id.get_ref());
                self.report(Code::DuplicateId, &id.span(), message);
                continue;
            }
            measures.push(RawMeasure { id, name, unit, polarity, base });
        }
        measures
    }

    /// `base = { year = 2023, value = "1.200" }`.
    fn base(&mut self, value: &Sp<DeValue<'_>>) -> Option<Sp<Base>> {
        let fields = self.table(value, &spec::BASE)?;
        let year = self.year(&fields, "year")?;
        let amount = self.decimal(&fields, "value")?;
        Some(Spanned::new(fields.span.clone(), Base { year: year.into_inner(), value: amount.into_inner() }))
    }

    /// A key of `targets`: a year (`2024`) or a period within it (`"2024-S1"`, `"2024-Q3"`).
    fn target_period(&mut self, key: &Sp<std::borrow::Cow<'_, str>>) -> Option<Sp<Period>> {
        let text = key.get_ref().as_ref();
        let period = Period::parse(text).filter(|_| !text.contains(' '));
        if period.is_none() {
            self.report(Code::InvalidValue, &key.span(), msg!("not-a-year", text = text)).help =
                Some(msg!("target-key-help"));
        }
        period.map(|period| Spanned::new(key.span(), period))
    }

    fn target_year(&mut self, key: &Sp<std::borrow::Cow<'_, str>>) -> Option<Sp<i32>> {
        let text = key.get_ref().as_ref();
        let year = text.parse::<i32>().ok().filter(|year| text.len() == 4 && *year >= 1);
        if year.is_none() {
            self.report(Code::InvalidValue, &key.span(), msg!("not-a-year", text = text)).help =
                Some(msg!("target-year-help"));
        }
        year.map(|year| Spanned::new(key.span(), year))
    }

    /// A target (of `key`): a string, a number, or an array of conditions (strings or numbers).
    /// `count`: the indicator is a count, so `2.600` is two thousand six hundred. A target read
    /// whose text holds a hidden character is reported as a name would be (a text that is no
    /// target is an error that shows the character already).
    fn target(&mut self, key: &str, item: &Sp<DeValue<'_>>, count: bool) -> Option<Sp<Arc<Target>>> {
        // The texts to look into for hidden characters once the target is read, with their places.
        let mut hidden: Vec<(String, Span)> = Vec::new();
        let parsed = match item.get_ref() {
            DeValue::Array(array) => {
                let mut texts = Vec::with_capacity(array.len());
                for element in array.iter() {
                    match self.target_text(element) {
                        Some(text) => texts.push(text),
                        None => return None,
                    }
                }
                if texts.is_empty() {
                    self.report(Code::InvalidTarget, &item.span(), msg!("parts-empty")).help = Some(msg!("parts-help"));
                    return None;
                }
                for (text, element) in texts.iter().zip(array.iter()) {
                    if !crate::render::style::hidden_in(text).is_empty() {
                        hidden.push((text.clone(), element.span()));
                    }
                }
                let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
                Target::parse_parts(&texts, count).map(Arc::new)
            }
            _ => {
                let bare =
                    |value| Target::Compare { comparator: None, quantity: Quantity { value, suffix: Suffix::None } };
                match item.get_ref() {
                    DeValue::String(text) => {
                        let (parsed, has_hidden) = self.string_target(text, count);
                        if has_hidden {
                            hidden.push((text.to_string(), item.span()));
                        }
                        parsed
                    }
                    DeValue::Integer(integer) => {
                        let n = self.integer(item)?;
                        crate::number::in_range(Decimal::from(n), integer.as_str()).map(bare).map(Arc::new).map_err(
                            |e| TargetError::Invalid { text: integer.as_str().to_owned(), reason: e.message() },
                        )
                    }
                    DeValue::Float(float) => exact_float(float.as_str())
                        .map(bare)
                        .map(Arc::new)
                        .map_err(|reason| TargetError::Invalid { text: float.as_str().to_owned(), reason }),
                    _ => {
                        let message = msg!("wrong-type-target").message("found", found(item));
                        self.report(Code::WrongType, &item.span(), message);
                        return None;
                    }
                }
            }
        };
        match parsed {
            Ok(target) => {
                for (text, span) in &hidden {
                    self.hidden_characters(key, text, span);
                }
                Some(Spanned::new(item.span(), target))
            }
            Err(error) => {
                let help = match &error {
                    TargetError::Empty => msg!("target-empty-help"),
                    TargetError::AmbiguousNumber { number, .. } => crate::number::ambiguity_help(number),
                    _ => accepted_forms(),
                };
                let message = msg!("invalid-target").message("reason", error.message());
                self.report(Code::InvalidTarget, &item.span(), message).help = Some(help);
                None
            }
        }
    }

    /// A target written as one string, and whether its text holds a hidden character: each
    /// distinct text is parsed (and looked into) once, from [`Loader::targets`] when it was read
    /// before, and its indicators share the target.
    fn string_target(&mut self, text: &str, count: bool) -> (Result<Arc<Target>, TargetError>, bool) {
        let known = &mut self.targets[usize::from(count)];
        if let Some(known) = known.get(text) {
            return (known.parsed.clone(), known.hidden);
        }
        let parsed = if count { Target::parse_as_count(text) } else { Target::parse(text) }.map(Arc::new);
        let hidden = !crate::render::style::hidden_in(text).is_empty();
        known.insert(Box::from(text), KnownTarget { parsed: parsed.clone(), hidden });
        (parsed, hidden)
    }

    /// One condition of an array of conditions, as text: a string as written, a number by its
    /// digits.
    fn target_text(&mut self, element: &Sp<DeValue<'_>>) -> Option<String> {
        match element.get_ref() {
            DeValue::String(text) => Some(text.to_string()),
            DeValue::Integer(integer) => Some(integer.as_str().to_owned()),
            DeValue::Float(float) => match exact_float(float.as_str()) {
                Ok(value) => Some(crate::number::format_italian(value)),
                Err(reason) => {
                    let error = TargetError::Invalid { text: float.as_str().to_owned(), reason };
                    self.report(
                        Code::InvalidTarget,
                        &element.span(),
                        msg!("invalid-target").message("reason", error.message()),
                    );
                    None
                }
            },
            _ => {
                let message = msg!("wrong-type-condition").message("found", found(element));
                self.report(Code::WrongType, &element.span(), message);
                None
            }
        }
    }
}

/// Italian words people write for the format's English values, for help lines.
const ITALIAN_WORDS: &[(&str, &str)] = &[
    ("crescente", "increase"),
    ("decrescente", "decrease"),
    ("inserito", "inserted"),
    ("inserimento", "inserted"),
    ("aggiornato", "updated"),
    ("aggiornamento", "updated"),
    ("modificato", "updated"),
    ("eliminato", "removed"),
    ("sterilizzato", "neutralised"),
    ("neutralizzato", "neutralised"),
    ("neutralized", "neutralised"),
    ("rivalutato", "reassessed"),
    ("rideterminato", "reassessed"),
    ("soppresso", "removed"),
    ("attivo", "active"),
    ("escludi", "exclude"),
    ("zero", "zero"),
    ("percentuale", "percent"),
    ("giorni", "days"),
    ("numero", "number"),
    ("data", "date"),
    ("livello", "level"),
    ("punteggio", "score"),
    ("rapporto", "ratio"),
    ("conteggio", "count"),
    ("sì/no", "yes-no"),
    ("si/no", "yes-no"),
];

/// The help line saying what a required key holds: `` `reason`: why the finding stays... ``.
fn key_help(field: &FieldSpec) -> Option<Message> {
    field.help.map(|meaning| msg!("key-meaning", key = field.key).message("meaning", Message::new(meaning)))
}

/// The TOML type of a value, for "found ..." in messages: `string`, `integer`, `table`...
fn found(value: &Sp<DeValue<'_>>) -> Message {
    msg!("toml-type", kind = value.get_ref().type_str())
}

/// A TOML float read exactly from its digits (`1.450` is 1.450, not the nearest binary double).
/// Digits a decimal cannot hold exactly are an error, never rounded away (`1.000…0001` with 30
/// decimals is not 1); so is a number beyond [`crate::number::MAX_MAGNITUDE`].
fn exact_float(text: &str) -> Result<Decimal, Message> {
    let text = text.replace('_', "");
    let out_of_range = || crate::number::NumberError::OutOfRange(text.clone()).message();
    let (digits, exponent) = match text.split_once(['e', 'E']) {
        Some((digits, exponent)) => (digits, exponent.parse::<i32>().map_err(|_| out_of_range())?),
        None => (text.as_str(), 0),
    };
    if !digits.bytes().any(|b| b.is_ascii_digit()) || digits.contains(['i', 'n']) {
        return Err(msg!("number-not-finite", text = text));
    }
    let mut value = Decimal::from_str_exact(digits).map_err(|_| out_of_range())?;
    // The exponent moves the decimal point; past 28 places either way nothing fits.
    if !(-28..=28).contains(&exponent) {
        return Err(out_of_range());
    }
    if exponent >= 0 {
        for _ in 0..exponent {
            value = value.checked_mul(Decimal::TEN).ok_or_else(out_of_range)?;
        }
    } else {
        let scale = value.scale() + exponent.unsigned_abs();
        value.set_scale(scale).map_err(|_| out_of_range())?;
    }
    crate::number::in_range(value, &text).map_err(|e| e.message())
}

/// Whether a value has the TOML type a kind needs (its content is checked when it is read).
fn kind_matches(kind: ValueKind, value: &DeValue<'_>) -> bool {
    match kind {
        ValueKind::String | ValueKind::Id | ValueKind::Enum(_) | ValueKind::Code => value.is_str(),
        ValueKind::Boolean => value.is_bool(),
        ValueKind::Year | ValueKind::Count => value.is_integer(),
        ValueKind::Date => value.is_datetime(),
        ValueKind::Decimal => value.is_integer() || value.is_float() || value.is_str(),
        ValueKind::Target => value.is_integer() || value.is_float() || value.is_str() || value.is_array(),
        ValueKind::Weight => value.is_integer() || value.is_float() || value.is_str() || value.is_table(),
        ValueKind::Amounts => value.is_table(),
        ValueKind::IdOrIds => value.is_str() || value.is_array(),
        ValueKind::Years => value.is_integer() || value.is_array(),
        ValueKind::YearPair | ValueKind::Strings | ValueKind::ArrayOfTables(_) => value.is_array(),
        ValueKind::StringOrInteger => value.is_str() || value.is_integer(),
        ValueKind::Targets | ValueKind::Table(_) => value.is_table(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a load gives: the plan and the findings, in a form to compare.
    fn outcome(plan: Option<RawPlan>, mut diagnostics: Vec<Diagnostic>) -> String {
        crate::diagnostic::sort(&mut diagnostics);
        format!("{plan:#?}\n{diagnostics:#?}")
    }

    /// Loads `text` both ways; `None` when it cannot be read in parts.
    fn both_ways(name: &str, text: &str) -> (String, Option<String>) {
        let source = SourceFile::new(name, text);
        let mut diagnostics = Vec::new();
        let whole = outcome(load_whole(&source, &mut diagnostics), diagnostics);
        let mut diagnostics = Vec::new();
        let in_parts = match load_in_parts(&source, &mut diagnostics) {
            Ok(plan) => Some(outcome(plan, diagnostics)),
            Err(NotInParts) => None,
        };
        (whole, in_parts)
    }

    /// Every plan the project ships or tests with, good and bad, reads the same in parts as
    /// whole: the same values with the same spans, the same findings at the same places.
    #[test]
    fn a_file_read_in_parts_reads_as_the_whole_file() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut folders =
            vec![root.join("plans"), root.join("fuzz/seeds/check_plan"), root.join("fuzz/seeds/plan_roundtrip")];
        let (mut read, mut in_parts) = (0, 0);
        while let Some(folder) = folders.pop() {
            let Ok(entries) = std::fs::read_dir(&folder) else { continue };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    folders.push(path);
                    continue;
                }
                let Ok(text) = std::fs::read_to_string(&path) else { continue };
                let (whole, parts) = both_ways(&path.display().to_string(), &text);
                read += 1;
                if let Some(parts) = parts {
                    in_parts += 1;
                    assert_eq!(parts, whole, "{}", path.display());
                }
            }
        }
        folders = vec![root.join("tests/fixtures")];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).expect("fixtures").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    folders.push(path);
                } else if path.extension().is_some_and(|e| e == "toml")
                    && let Ok(text) = std::fs::read_to_string(&path)
                {
                    let (whole, parts) = both_ways(&path.display().to_string(), &text);
                    read += 1;
                    if let Some(parts) = parts {
                        in_parts += 1;
                        assert_eq!(parts, whole, "{}", path.display());
                    }
                }
            }
        }
        assert!(read > 100, "{read} files read");
        // Most are read in parts: only syntax errors and unusual layouts are read whole.
        assert!(in_parts * 10 > read * 8, "{in_parts} of {read} read in parts");
        let seed = std::fs::read_to_string(root.join("plans/maremma-tirreno-2019.toml")).expect("seed");
        assert!(both_ways("seed", &seed).1.is_some(), "the seed plan is read in parts");
    }

    /// Lines that change what a table belongs to, or hide a header in a string.
    const TROUBLE: [&str; 14] = [
        "[plan.extra]",
        "[[ mission ]]\nid = \"MX\"\nname = \"Written otherwise\"",
        "[[mission]]\nname = \"Without an id\"",
        "[[area]]\nid = \"Z\"",
        "[[indicator]]",
        "[mission.x]",
        "notes = \"\"\"",
        "\"\"\"",
        "[ [mission]]",
        "[[indicator.revision]]",
        "x = 1",
        "[scoring]",
        "indicator = 1",
        "[[override]]",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config { cases: 64, ..Default::default() })]

        /// The seed plan with troublesome lines put anywhere, cut into small batches, its nodes
        /// given slots for all, some or none of them: whenever the parts are read, they read as
        /// the whole file.
        #[test]
        fn any_cut_reads_as_the_whole_file(
            insertions in proptest::collection::vec((0usize..2000, 0usize..TROUBLE.len()), 0..4),
            batch_bytes in 1usize..4000,
            most_slots in proptest::sample::select(vec![0, 100, MOST_NODES_RESERVED]),
        ) {
            let seed = include_str!("../../plans/maremma-tirreno-2019.toml");
            let mut lines: Vec<&str> = seed.lines().collect();
            for (at, line) in insertions {
                lines.insert(at % (lines.len() + 1), TROUBLE[line]);
            }
            let text = lines.join("\n");
            let source = SourceFile::new("plan.toml", text.as_str());
            let mut diagnostics = Vec::new();
            let whole = outcome(load_whole(&source, &mut diagnostics), diagnostics);
            let mut diagnostics = Vec::new();
            let cut = parts::split_in_batches_of(&text, batch_bytes);
            if let Ok(plan) = load_in_parts_with(&source, &mut diagnostics, cut, most_slots) {
                proptest::prop_assert_eq!(outcome(plan, diagnostics), whole);
            }
        }
    }

    /// A big file read on every core, with tables that take no slot (a header written with
    /// spaces), slots that take no node (a table without an id, a header inside a string), and
    /// slots for all, some or none of its nodes: it reads as the whole file.
    #[test]
    fn nodes_beyond_their_slots_and_slots_without_a_node_read_as_the_whole_file() {
        let mut text = String::from("[plan]\nbody = \"B\"\ntitle = \"T\"\nyear = 2019\nhorizon = [2019, 2019]\n");
        for i in 0..3000 {
            if i == 5 {
                text.push_str("[[mission]]\nid = \"H\"\nname = \"H\"\nnotes = \"\"\"\n[[mission]]\n\"\"\"\n");
            }
            if i % 500 == 7 {
                text.push_str(&format!("[[ mission ]]\nid = \"X{i}\"\nname = \"Written otherwise\"\n"));
            }
            if i % 700 == 3 {
                text.push_str("[[mission]]\nname = \"Without an id\"\n");
            }
            text.push_str(&format!("[[mission]]\nid = \"M{i}\"\nname = \"Missione {i}\"\n"));
        }
        let source = SourceFile::new("plan.toml", text.as_str());
        let mut diagnostics = Vec::new();
        let whole = outcome(load_whole(&source, &mut diagnostics), diagnostics);
        let cut = parts::split_in_batches_of(&text, 2000);
        assert!(cut.batches.len() >= 2 * parts::PARALLEL_FROM_BATCHES, "{} batches", cut.batches.len());
        for most_slots in [0, 1000, MOST_NODES_RESERVED] {
            let mut diagnostics = Vec::new();
            let cut = parts::split_in_batches_of(&text, 2000);
            let Ok(plan) = load_in_parts_with(&source, &mut diagnostics, cut, most_slots) else {
                panic!("read in parts")
            };
            assert_eq!(plan.as_ref().map(|plan| plan.nodes.len()), Some(3000 + 1 + 6), "{most_slots}");
            assert_eq!(outcome(plan, diagnostics), whole, "{most_slots}");
        }
    }

    /// Layouts the parts cannot hold alone are read whole, with the same result as before.
    #[test]
    fn unusual_layouts_are_read_whole() {
        let plan = "[plan]\nbody = \"B\"\ntitle = \"T\"\nyear = 2019\nhorizon = [2019, 2019]\n";
        let mission = "[[mission]]\nid = \"M1\"\nname = \"M\"\n";
        let cases = [
            // A table of the head continued after the tree.
            format!("{plan}{mission}[plan.extra]\nx = 1\n"),
            // The head's array of tables in two runs.
            format!("[[area]]\nid = \"A\"\n{plan}{mission}[[area]]\nid = \"B\"\n"),
            // Headers inside a multi-line string, where a part would end.
            format!("{plan}{mission}notes = \"\"\"\n[plan]\n\"\"\"\n"),
            format!("{plan}{mission}notes = \"\"\"\n{}\n[[mission]]\n\"\"\"\n", "x".repeat(70_000)),
            // A syntax error in the tree.
            format!("{plan}{mission}name = \n"),
            // A tree key in the head.
            format!("mission = 1\n{plan}{mission}"),
            // The last mission's table continued after another table of the tree.
            format!(
                "{plan}{mission}notes = \"{}\"\n[[indicator]]\nid = \"I\"\n[mission.x]\ny = 1\n",
                "x".repeat(70_000)
            ),
        ];
        for text in cases {
            let (whole, parts) = both_ways("plan.toml", &text);
            assert_eq!(parts, None, "{text}");
            let source = SourceFile::new("plan.toml", text.as_str());
            let mut diagnostics = Vec::new();
            assert_eq!(outcome(load(&source, &mut diagnostics), diagnostics), whole, "{text}");
        }
    }
}
