//! The shape of a plan file, as data: every table, every key, its type, whether it is required,
//! its default and its meaning.
//!
//! One description serves three purposes: the loader checks unknown keys, types and required
//! keys against it; `cruscotto schema` turns it into a JSON Schema for editors; a test checks
//! that `docs/plan-format.md` documents every key.

use crate::i18n::Message;

/// The type of a key's value.
#[derive(Debug, Clone, Copy)]
pub enum ValueKind {
    /// A string.
    String,
    /// `true` or `false`.
    Boolean,
    /// A year, 1 to 9999.
    Year,
    /// An integer of at least 0.
    Count,
    /// A TOML local date.
    Date,
    /// An exact decimal: an integer, a float (read from its digits) or a string.
    Decimal,
    /// An id (see [`crate::load::is_valid_id`]).
    Id,
    /// An id or an array of ids.
    IdOrIds,
    /// A year or an array of years.
    Years,
    /// An array of exactly two years.
    YearPair,
    /// One of the listed strings.
    Enum(&'static [&'static str]),
    /// An array of strings.
    Strings,
    /// A string or an integer (act numbers).
    StringOrInteger,
    /// A table of years (or periods within a year, `"2024-S1"`) to targets.
    Targets,
    /// A target: a string, an integer, a float, or an array of them (several conditions).
    Target,
    /// A weight: a decimal, or a table of years to decimals.
    Weight,
    /// A table of years to amounts (decimals).
    Amounts,
    /// The code of a finding a plan may accept (a warning about the plan), e.g. `incomplete-act`.
    Code,
    /// A table with its own keys.
    Table(&'static TableSpec),
    /// An array of tables with their own keys.
    ArrayOfTables(&'static TableSpec),
}

impl ValueKind {
    /// What the value should be, for "expected ..." messages.
    pub fn expected(self) -> Message {
        match self {
            Self::String => Message::new("expected-string"),
            Self::Boolean => Message::new("expected-boolean"),
            Self::Year => Message::new("expected-year"),
            Self::Count => Message::new("expected-count"),
            Self::Date => Message::new("expected-date"),
            Self::Decimal => Message::new("expected-decimal"),
            Self::Id => Message::new("expected-id"),
            Self::IdOrIds => Message::new("expected-id-or-ids"),
            Self::Years => Message::new("expected-years"),
            Self::YearPair => Message::new("expected-year-pair"),
            Self::Enum(_) => Message::new("expected-enum"),
            Self::Strings => Message::new("expected-strings"),
            Self::StringOrInteger => Message::new("expected-string-or-integer"),
            Self::Targets => Message::new("expected-targets"),
            Self::Target => Message::new("expected-target"),
            Self::Weight => Message::new("expected-weight"),
            Self::Amounts => Message::new("expected-amounts"),
            Self::Code => Message::new("expected-code"),
            Self::Table(_) => Message::new("expected-table"),
            Self::ArrayOfTables(_) => Message::new("expected-array-of-tables"),
        }
    }
}

/// One key of a table.
#[derive(Debug)]
pub struct FieldSpec {
    /// The key.
    pub key: &'static str,
    /// Its value's type.
    pub kind: ValueKind,
    /// Whether it must be present.
    pub required: bool,
    /// Its meaning, one sentence.
    pub doc: &'static str,
    /// For a required key, the catalogue's message saying what to write (the English one is
    /// `doc` as a help line: a test keeps them in step).
    pub help: Option<&'static str>,
}

/// A table and its keys.
#[derive(Debug)]
pub struct TableSpec {
    /// How the table is named in messages, e.g. `[[indicator]]`.
    pub name: &'static str,
    /// Its meaning.
    pub doc: &'static str,
    /// Its keys.
    pub fields: &'static [FieldSpec],
}

impl TableSpec {
    /// The spec of `key`, if the table has it.
    pub fn field(&self, key: &str) -> Option<&FieldSpec> {
        self.fields.iter().find(|field| field.key == key)
    }
}

/// A required key; `help` is the catalogue's message saying what to write there (the help of
/// `missing-key`).
const fn required(key: &'static str, kind: ValueKind, doc: &'static str, help: &'static str) -> FieldSpec {
    FieldSpec { key, kind, required: true, doc, help: Some(help) }
}

const fn optional(key: &'static str, kind: ValueKind, doc: &'static str) -> FieldSpec {
    FieldSpec { key, kind, required: false, doc, help: None }
}

/// The polarity spellings.
pub const POLARITIES: &[&str] = &["increase", "decrease"];
/// The status spellings.
pub const STATUSES: &[&str] = &["active", "removed"];
/// The revision change spellings.
pub const CHANGES: &[&str] = &["inserted", "updated", "removed"];
/// The languages of the deliverables.
pub const LANGS: &[&str] = &["it", "en"];
/// The missing-data policies.
pub const MISSING_DATA: &[&str] = &["exclude", "zero", "error"];
/// The outcomes an override sets.
pub const OUTCOMES: &[&str] = &["neutralised", "reassessed"];
/// What acts must carry.
pub const ACT_NUMBERS: &[&str] = &["required", "optional"];
/// What the body's score is the mean of (kept in step with `BodyRule::NAMES`).
pub const BODY_RULES: &[&str] = &["strategic-objectives", "operational-objectives", "indicators"];
/// How parts make an attainment (kept in step with `PartsRule::NAMES`).
pub const PARTS_RULES: &[&str] = &["mean", "minimum"];
/// How indicators weigh in areas and services (kept in step with `GroupWeights::NAMES`).
pub const GROUP_WEIGHTS: &[&str] = &["as-written", "share"];
/// The kinds of planning documents a link refers to (kept in step with `LinkKind::NAMES`).
pub const LINK_KINDS: &[&str] = &["piao", "anticorruption", "pnrr", "budget", "plan", "other"];
/// The indicator types (kept in step with `IndicatorType::SPELLINGS`).
pub const INDICATOR_TYPES: &[&str] = &[
    "effectiveness",
    "efficiency",
    "quality",
    "impact",
    "public-value",
    "resource-health",
    "output",
    "financial",
    "efficacia",
    "efficienza",
    "qualità",
    "impatto",
    "valore pubblico",
    "stato di salute",
    "realizzazione fisica",
    "realizzazione finanziaria",
];
/// The unit spellings, canonical names then aliases (kept in step with `Unit::SPELLINGS`).
pub const UNITS: &[&str] = &[
    "percent", "days", "count", "ratio", "score", "number", "euro", "date", "level", "yes-no", "%", "gg", "giorni",
    "n", "€",
];

/// An act: body, number, date.
pub static ACT: TableSpec = TableSpec {
    name: "act",
    doc: "An act of the body (a deliberation): body, number and date; number and date may be missing.",
    fields: &[
        optional("body", ValueKind::String, "The adopting body, e.g. \"Giunta\"."),
        optional("number", ValueKind::StringOrInteger, "The act's number."),
        optional("date", ValueKind::Date, "The act's date."),
    ],
};

/// A level's name as the body writes it.
pub static LEVEL_NAME: TableSpec = TableSpec {
    name: "level name",
    doc: "The body's name of a level, singular and plural.",
    fields: &[
        required("name", ValueKind::String, "The name, e.g. \"obiettivo specifico\".", "field-level-name"),
        optional("plural", ValueKind::String, "The plural, e.g. \"obiettivi specifici\" (default: the name)."),
    ],
};

/// `[levels]`: the body's names of the levels.
pub static LEVELS: TableSpec = TableSpec {
    name: "[levels]",
    doc: "The body's own names of the levels, used by every output for people.",
    fields: &[
        optional("mission", ValueKind::Table(&LEVEL_NAME), "The name of missions."),
        optional("strategic-objective", ValueKind::Table(&LEVEL_NAME), "The name of strategic objectives."),
        optional("program", ValueKind::Table(&LEVEL_NAME), "The name of programs."),
        optional("operational-objective", ValueKind::Table(&LEVEL_NAME), "The name of operational objectives."),
        optional("indicator", ValueKind::Table(&LEVEL_NAME), "The name of indicators."),
    ],
};

/// A band of an evaluation range.
pub static BAND: TableSpec = TableSpec {
    name: "band",
    doc: "A band of the evaluation range: its lower bound, its label, and optionally the score it yields.",
    fields: &[
        required(
            "from",
            ValueKind::Decimal,
            "The lowest attainment of the band; the first band's is 0.",
            "field-band-from",
        ),
        required("label", ValueKind::String, "The band's label, e.g. \"parzialmente raggiunto\".", "field-band-label"),
        optional("score", ValueKind::Decimal, "The attainment every result of the band gets (step scoring)."),
    ],
};

/// The recorded base of change targets.
pub static BASE: TableSpec = TableSpec {
    name: "base",
    doc: "The base of change targets: its year and its value.",
    fields: &[
        required("year", ValueKind::Year, "The year of the base.", "field-base-year"),
        required("value", ValueKind::Decimal, "The value measured in that year.", "field-base-value"),
    ],
};

/// Another quantity an indicator measures.
pub static MEASURE: TableSpec = TableSpec {
    name: "measure",
    doc: "Another quantity the indicator measures, named by the parts of its targets.",
    fields: &[
        required("id", ValueKind::Id, "Its id within the indicator, e.g. \"riusi\".", "field-measure-id"),
        required("name", ValueKind::String, "What it counts.", "field-measure-name"),
        required("unit", ValueKind::Enum(UNITS), "Its unit.", "field-measure-unit"),
        optional("polarity", ValueKind::Enum(POLARITIES), "increase or decrease (default: inferred)."),
        optional("base", ValueKind::Table(&BASE), "Its base, for change targets."),
    ],
};

/// Who is responsible for a node.
pub static RESPONSIBLE: TableSpec = TableSpec {
    name: "responsible",
    doc: "The office and/or person responsible.",
    fields: &[
        optional("office", ValueKind::String, "The office, e.g. \"Area II - Servizi anagrafici\"."),
        optional("person", ValueKind::String, "The person, e.g. \"Dirigente Area II\"."),
    ],
};

/// A link to another planning document.
pub static LINK: TableSpec = TableSpec {
    name: "link",
    doc: "A reference to another planning document: a PIAO section, an anticorruption measure, a PNRR milestone.",
    fields: &[
        required(
            "kind",
            ValueKind::Enum(LINK_KINDS),
            "piao, anticorruption, pnrr, budget, plan or other.",
            "field-link-kind",
        ),
        required("ref", ValueKind::String, "The reference in that document, e.g. \"M1C1-123\".", "field-link-ref"),
        optional("title", ValueKind::String, "Its title."),
    ],
};

/// A finding accepted, with its reason.
pub static ACCEPT: TableSpec = TableSpec {
    name: "accept",
    doc: "A finding the plan accepts: a warning's code and why it stays.",
    fields: &[
        required(
            "code",
            ValueKind::Code,
            "The code of the warning accepted, e.g. \"incomplete-act\".",
            "field-accept-code",
        ),
        required(
            "reason",
            ValueKind::String,
            "Why the finding stays: what the reader of the plan must know.",
            "field-accept-reason",
        ),
    ],
};

/// An override of a node's outcome for a year.
pub static OVERRIDE: TableSpec = TableSpec {
    name: "[[override]]",
    doc: "A reasoned decision setting a node's outcome for a year differently from the computation.",
    fields: &[
        required(
            "node",
            ValueKind::Id,
            "The indicator, objective or program whose outcome is set.",
            "field-override-node",
        ),
        required("year", ValueKind::Year, "The year of the outcome.", "field-override-year"),
        required(
            "outcome",
            ValueKind::Enum(OUTCOMES),
            "neutralised (left out of every roll-up) or reassessed (given the `attainment` below).",
            "field-override-outcome",
        ),
        optional("attainment", ValueKind::Decimal, "For `reassessed`: the attainment given, from 0 to the cap."),
        required("reason", ValueKind::String, "Why the computed outcome does not stand.", "field-override-reason"),
        required(
            "decided-by",
            ValueKind::String,
            "Who decided, e.g. \"OIV\" or \"Giunta\".",
            "field-override-decided-by",
        ),
        required(
            "act",
            ValueKind::Table(&ACT),
            "The act that records the decision, with its number and date.",
            "field-override-act",
        ),
    ],
};

/// What a node was before a revision.
pub static PREVIOUS: TableSpec = TableSpec {
    name: "previous",
    doc: "What the node was before this revision: the fields it changed, with their previous values.",
    fields: &[
        optional("name", ValueKind::String, "The previous name."),
        optional("formula", ValueKind::String, "The previous formula (indicators)."),
        optional("unit", ValueKind::Enum(UNITS), "The previous unit (indicators)."),
        optional("polarity", ValueKind::Enum(POLARITIES), "The previous polarity (indicators)."),
        optional("weight", ValueKind::Decimal, "The previous weight."),
        optional(
            "targets",
            ValueKind::Targets,
            "The previous targets of the years that changed (indicators); \"\" for a year that had none.",
        ),
        optional("services", ValueKind::IdOrIds, "The previous services (indicators)."),
        optional("area", ValueKind::IdOrIds, "The previous areas (indicators)."),
        optional("mission", ValueKind::Id, "The previous mission (strategic objectives)."),
        optional("strategic-objective", ValueKind::Id, "The previous strategic objective (programs)."),
        optional("program", ValueKind::Id, "The previous program (operational objectives)."),
        optional("objective", ValueKind::Id, "The previous objective (indicators)."),
    ],
};

/// A revision of a node.
pub static REVISION: TableSpec = TableSpec {
    name: "revision",
    doc: "A revision adopted on the node during the year (\"rolling annuale\").",
    fields: &[
        required(
            "change",
            ValueKind::Enum(CHANGES),
            "What the act did to the node: inserted, updated or removed.",
            "field-revision-change",
        ),
        optional("act", ValueKind::Table(&ACT), "The act that adopted the change."),
        optional("year", ValueKind::Year, "The year the change took effect, when the act's date is not known."),
        optional("note", ValueKind::String, "The revision note as written in the source."),
        optional(
            "previous",
            ValueKind::Table(&PREVIOUS),
            "For an update: the values the node had before it, for the fields it changed.",
        ),
    ],
};

/// `[plan]`.
pub static PLAN: TableSpec = TableSpec {
    name: "[plan]",
    doc: "The plan's metadata.",
    fields: &[
        required("body", ValueKind::String, "The public body.", "field-plan-body"),
        required("title", ValueKind::String, "The document's title.", "field-plan-title"),
        required(
            "year",
            ValueKind::Year,
            "The plan year: the operational plan's year and the default year of `score`.",
            "field-plan-year",
        ),
        required(
            "horizon",
            ValueKind::YearPair,
            "First and last year for which targets may be given; must contain `year`.",
            "field-plan-horizon",
        ),
        optional("adopted-by", ValueKind::Table(&ACT), "The act that adopted this version of the plan."),
        optional(
            "lang",
            ValueKind::Enum(LANGS),
            "The language of what the tool writes for people from this plan: `it` (the default) or `en`.",
        ),
        optional(
            "act-number",
            ValueKind::Enum(ACT_NUMBERS),
            "Whether acts must carry a number: required (default) or optional.",
        ),
        optional("notes", ValueKind::String, "Free notes."),
        ACCEPTS,
    ],
};

/// `[scoring]`.
pub static SCORING: TableSpec = TableSpec {
    name: "[scoring]",
    doc: "The scoring rules; every key has a default.",
    fields: &[
        optional(
            "cap",
            ValueKind::Decimal,
            "Highest attainment of an indicator (default 100: no over-achievement); at least 100.",
        ),
        optional("floor", ValueKind::Decimal, "Attainment below the floor scores 0 (default 0); between 0 and 100."),
        optional(
            "partial-threshold",
            ValueKind::Decimal,
            "A target not met with attainment at or above this is `partial`, below it `missed` (default 70).",
        ),
        optional(
            "missing-data",
            ValueKind::Enum(MISSING_DATA),
            "What a missing expected actual does: exclude (default), zero, or error.",
        ),
        optional(
            "deadline-grace-days",
            ValueKind::Count,
            "Days over which a late deadline's score falls linearly from 100 to 0 (default 0: late scores 0).",
        ),
        optional(
            "body",
            ValueKind::Enum(BODY_RULES),
            "What the body's score is the mean of: strategic-objectives (default), operational-objectives (the default of a plan without dashboard indicators) or indicators.",
        ),
        optional(
            "parts",
            ValueKind::Enum(PARTS_RULES),
            "How the parts of a target of several conditions make the attainment: mean (default) or minimum.",
        ),
        optional(
            "group-weights",
            ValueKind::Enum(GROUP_WEIGHTS),
            "How indicators weigh in areas and services: as-written (default) or share (of their objective).",
        ),
        optional(
            "bands",
            ValueKind::ArrayOfTables(&BAND),
            "The evaluation range: bands by lower bound, lowest first (default: the partial threshold).",
        ),
    ],
};

/// `[[area]]`.
pub static AREA: TableSpec = TableSpec {
    name: "[[area]]",
    doc: "An organisational area.",
    fields: &[
        required("id", ValueKind::Id, "The area's code, e.g. \"II\".", "field-area-id"),
        optional("name", ValueKind::String, "Its name (default: the id)."),
        optional("notes", ValueKind::String, "Free notes."),
    ],
};

/// `[[service]]`.
pub static SERVICE: TableSpec = TableSpec {
    name: "[[service]]",
    doc: "A service, belonging to an area.",
    fields: &[
        required("id", ValueKind::Id, "A short code.", "field-registry-id"),
        required("name", ValueKind::String, "The service's name as the body writes it.", "field-service-name"),
        required("area", ValueKind::Id, "The area the service belongs to.", "field-service-area"),
        optional("notes", ValueKind::String, "Free notes."),
    ],
};

/// `[[perspective]]`.
pub static PERSPECTIVE: TableSpec = TableSpec {
    name: "[[perspective]]",
    doc: "A balanced-scorecard perspective.",
    fields: &[
        required("id", ValueKind::Id, "A short code.", "field-registry-id"),
        required("name", ValueKind::String, "Its name.", "field-perspective-name"),
        optional("notes", ValueKind::String, "Free notes."),
    ],
};

/// `[[scale]]`.
pub static SCALE: TableSpec = TableSpec {
    name: "[[scale]]",
    doc: "An ordinal scale, for level targets such as `≥ a medio`.",
    fields: &[
        required("id", ValueKind::Id, "A short code.", "field-registry-id"),
        optional("name", ValueKind::String, "Its name (default: the id)."),
        required("levels", ValueKind::Strings, "At least two distinct levels, lowest first.", "field-scale-levels"),
        optional("notes", ValueKind::String, "Free notes."),
    ],
};

const ID: FieldSpec = required("id", ValueKind::Id, "The node's stable id, unique across the plan.", "field-node-id");
const NAME: FieldSpec = required("name", ValueKind::String, "The node's text as the body wrote it.", "field-node-name");
const NOTES: FieldSpec = optional("notes", ValueKind::String, "Free notes.");
const STATUS: FieldSpec = optional(
    "status",
    ValueKind::Enum(STATUSES),
    "active (default) or removed; removed exactly when a revision removes the node.",
);
const REVISIONS: FieldSpec =
    optional("revision", ValueKind::ArrayOfTables(&REVISION), "The revisions adopted on the node.");
const ACCEPTS: FieldSpec = optional(
    "accept",
    ValueKind::ArrayOfTables(&ACCEPT),
    "Findings accepted here (in the node; in [plan], anywhere), each with its code and reason.",
);
const WEIGHT: FieldSpec = optional(
    "weight",
    ValueKind::Weight,
    "Relative weight among siblings (default 1), or a table of weights by year; not negative.",
);
const PERSPECTIVE_FIELD: FieldSpec =
    optional("perspective", ValueKind::Id, "The balanced-scorecard perspective (inherited by the nodes below).");
const CODE: FieldSpec =
    optional("code", ValueKind::String, "The body's own code of the node (not necessarily unique; not the id).");
const RESPONSIBLE_FIELD: FieldSpec =
    optional("responsible", ValueKind::Table(&RESPONSIBLE), "The office and/or person responsible.");
const RESOURCES: FieldSpec = optional("resources", ValueKind::Amounts, "Resources in euro, by year.");
const LINKS: FieldSpec = optional("links", ValueKind::ArrayOfTables(&LINK), "References to other planning documents.");
const PARENT_MISSION: FieldSpec = optional("mission", ValueKind::Id, "The mission the node belongs to.");
const PARENT_STRATEGIC: FieldSpec =
    optional("strategic-objective", ValueKind::Id, "The strategic objective the node belongs to.");

/// `[[mission]]`.
pub static MISSION: TableSpec = TableSpec {
    name: "[[mission]]",
    doc: "A budget mission; its id is the mission code, e.g. \"011\".",
    fields: &[ID, NAME, CODE, RESPONSIBLE_FIELD, RESOURCES, LINKS, NOTES, STATUS, ACCEPTS, REVISIONS],
};

/// `[[strategic-objective]]`.
pub static STRATEGIC_OBJECTIVE: TableSpec = TableSpec {
    name: "[[strategic-objective]]",
    doc: "A strategic objective, under a mission (a root when the plan has no missions).",
    fields: &[
        ID,
        PARENT_MISSION,
        NAME,
        PERSPECTIVE_FIELD,
        WEIGHT,
        CODE,
        RESPONSIBLE_FIELD,
        RESOURCES,
        LINKS,
        NOTES,
        STATUS,
        ACCEPTS,
        REVISIONS,
    ],
};

/// `[[program]]`.
pub static PROGRAM: TableSpec = TableSpec {
    name: "[[program]]",
    doc: "A program, under a strategic objective or a mission (a root when the plan has neither).",
    fields: &[
        ID,
        PARENT_STRATEGIC,
        PARENT_MISSION,
        NAME,
        PERSPECTIVE_FIELD,
        WEIGHT,
        CODE,
        RESPONSIBLE_FIELD,
        RESOURCES,
        LINKS,
        NOTES,
        STATUS,
        ACCEPTS,
        REVISIONS,
    ],
};

/// `[[operational-objective]]`.
pub static OPERATIONAL_OBJECTIVE: TableSpec = TableSpec {
    name: "[[operational-objective]]",
    doc: "An operational (annual) objective, under a program, a strategic objective or a mission.",
    fields: &[
        ID,
        optional("program", ValueKind::Id, "The program the objective belongs to."),
        PARENT_STRATEGIC,
        PARENT_MISSION,
        NAME,
        PERSPECTIVE_FIELD,
        WEIGHT,
        CODE,
        RESPONSIBLE_FIELD,
        RESOURCES,
        LINKS,
        NOTES,
        STATUS,
        ACCEPTS,
        REVISIONS,
    ],
};

/// `[[indicator]]`.
pub static INDICATOR: TableSpec = TableSpec {
    name: "[[indicator]]",
    doc: "An indicator of a strategic objective (dashboard) or of an operational objective.",
    fields: &[
        ID,
        required(
            "objective",
            ValueKind::Id,
            "The strategic or operational objective the indicator measures.",
            "field-indicator-objective",
        ),
        NAME,
        optional("formula", ValueKind::String, "The calculation, when given separately from the name."),
        optional(
            "unit",
            ValueKind::Enum(UNITS),
            "The unit of the measured value (default: inferred from the targets).",
        ),
        optional(
            "polarity",
            ValueKind::Enum(POLARITIES),
            "increase (higher is better) or decrease (lower is better); default: inferred from the comparators.",
        ),
        optional("scale", ValueKind::Id, "The ordinal scale of level targets."),
        optional(
            "targets",
            ValueKind::Targets,
            "One target per year (or period, \"2024-S1\"), in the target notation.",
        ),
        optional("target", ValueKind::Target, "Shorthand for the target of the plan year."),
        optional("baseline", ValueKind::Years, "Years in which the value is only measured, not scored."),
        optional(
            "measures",
            ValueKind::ArrayOfTables(&MEASURE),
            "Other quantities the indicator measures, named by the parts of its targets.",
        ),
        optional("base", ValueKind::Table(&BASE), "The base of change targets: its year and value."),
        optional("bands", ValueKind::ArrayOfTables(&BAND), "The indicator's own evaluation range."),
        optional(
            "type",
            ValueKind::Enum(INDICATOR_TYPES),
            "The kind of indicator: efficacia, efficienza, qualità, impatto, valore pubblico...",
        ),
        optional("source", ValueKind::String, "Where the data comes from (\"fonte del dato\")."),
        WEIGHT,
        optional("services", ValueKind::IdOrIds, "The services responsible."),
        optional("area", ValueKind::IdOrIds, "The area(s) responsible (default: the services' areas)."),
        optional("cross-cutting", ValueKind::Boolean, "The indicator involves every service (\"trasversale\")."),
        CODE,
        RESPONSIBLE_FIELD,
        RESOURCES,
        LINKS,
        optional(
            "reported-by",
            ValueKind::Id,
            "The service that reports the actual value of a cross-cutting indicator (default: the first of its \
             services, else the plan's first service).",
        ),
        NOTES,
        STATUS,
        ACCEPTS,
        REVISIONS,
    ],
};

/// The whole file.
pub static ROOT: TableSpec = TableSpec {
    name: "the plan file",
    doc: "A performance plan: metadata, scoring rules, registries and the tree.",
    fields: &[
        required("plan", ValueKind::Table(&PLAN), "The plan's metadata.", "field-root-plan"),
        optional("scoring", ValueKind::Table(&SCORING), "The scoring rules."),
        optional("levels", ValueKind::Table(&LEVELS), "The body's own names of the levels."),
        optional("area", ValueKind::ArrayOfTables(&AREA), "Organisational areas."),
        optional("service", ValueKind::ArrayOfTables(&SERVICE), "Services, each in an area."),
        optional("perspective", ValueKind::ArrayOfTables(&PERSPECTIVE), "Balanced-scorecard perspectives."),
        optional("scale", ValueKind::ArrayOfTables(&SCALE), "Ordinal scales."),
        optional("mission", ValueKind::ArrayOfTables(&MISSION), "Missions: the roots of the tree."),
        optional(
            "strategic-objective",
            ValueKind::ArrayOfTables(&STRATEGIC_OBJECTIVE),
            "Strategic objectives, each under a mission.",
        ),
        optional(
            "program",
            ValueKind::ArrayOfTables(&PROGRAM),
            "Programs, each under a strategic objective or a mission.",
        ),
        optional(
            "operational-objective",
            ValueKind::ArrayOfTables(&OPERATIONAL_OBJECTIVE),
            "Operational objectives, each under a program, a strategic objective or a mission.",
        ),
        optional("indicator", ValueKind::ArrayOfTables(&INDICATOR), "Indicators, each under an objective."),
        optional(
            "override",
            ValueKind::ArrayOfTables(&OVERRIDE),
            "Overrides of outcomes: a node's result for a year set by a reasoned decision.",
        ),
    ],
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, lookup};

    /// Every table reachable from the root.
    fn tables() -> Vec<&'static TableSpec> {
        let mut out: Vec<&'static TableSpec> = vec![&ROOT];
        let mut next = 0;
        while let Some(table) = out.get(next).copied() {
            for field in table.fields {
                if let ValueKind::Table(inner) | ValueKind::ArrayOfTables(inner) = field.kind
                    && !out.iter().any(|seen| std::ptr::eq(*seen, inner))
                {
                    out.push(inner);
                }
            }
            next += 1;
        }
        out
    }

    #[test]
    fn every_required_key_says_what_it_holds_in_both_languages_and_the_english_is_its_doc() {
        for table in tables() {
            for field in table.fields {
                assert_eq!(
                    field.required,
                    field.help.is_some(),
                    "{} in {}: help exactly when required",
                    field.key,
                    table.name
                );
                let Some(help) = field.help else { continue };
                let english = lookup(Lang::En, help).unwrap_or_else(|| panic!("{help} is not in the catalogue"));
                assert!(lookup(Lang::It, help).is_some(), "{help} has no Italian");
                // The doc as a help line: lower-case start, no trailing period.
                let doc = field.doc.trim_end_matches('.');
                let mut chars = doc.chars();
                let as_help: String = chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default();
                assert_eq!(english, as_help, "{} in {}: the catalogue's English is not its doc", field.key, table.name);
            }
        }
    }
}
