//! Diagnostics: problems found in an input, as values.
//!
//! Loading and validation never stop at the first problem: they push [`Diagnostic`]s and carry
//! on. Each has a stable kebab-case [`Code`] (documented in `docs/diagnostics.md`, one fixture
//! each under `tests/fixtures/check/`), a [`Severity`], a message, the place in the file and an
//! optional help line. Rendering them is the job of [`crate::render::diagnostics`].

use serde::Serialize;

use crate::source::{SourceFile, Span};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The input is wrong: the command fails.
    Error,
    /// The input is accepted, but something in it is probably not what its authors meant.
    Warning,
}

impl Severity {
    /// `"error"` or `"warning"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
        }
    }
}

macro_rules! codes {
    ($($(#[doc = $doc:literal])* $variant:ident = $name:literal, $severity:ident;)*) => {
        /// The stable identifier of a kind of problem.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($(#[doc = $doc])* $variant,)*
        }

        impl Code {
            /// Every code, in documentation order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The kebab-case name shown to users, e.g. `duplicate-id`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }

            /// The severity a diagnostic with this code has.
            pub fn severity(self) -> Severity {
                match self {
                    $(Code::$variant => Severity::$severity,)*
                }
            }

            /// A one-line description, the first line of the variant's documentation.
            pub fn description(self) -> &'static str {
                match self {
                    $(Code::$variant => first_doc_line(&[$($doc),*]),)*
                }
            }

            /// Every code's kebab-case name, in documentation order.
            pub const NAMES: &'static [&'static str] = &[$($name,)*];

            /// Looks a code up by its kebab-case name.
            pub fn from_name(name: &str) -> Option<Code> {
                Code::ALL.iter().copied().find(|code| code.as_str() == name)
            }
        }
    };
}

const fn first_doc_line(lines: &[&'static str]) -> &'static str {
    match lines.first() {
        Some(line) => line.trim_ascii(),
        None => "",
    }
}

codes! {
    // ---- errors: the file cannot be read as a plan ----
    /// The file is not UTF-8 text.
    InvalidEncoding = "invalid-encoding", Error;
    /// The file is not valid TOML.
    TomlSyntax = "toml-syntax", Error;
    /// A key the format does not define.
    UnknownKey = "unknown-key", Error;
    /// A value of the wrong TOML type (a string where a number is expected, ...).
    WrongType = "wrong-type", Error;
    /// A required key is missing.
    MissingKey = "missing-key", Error;
    /// A value of the right type but not an accepted one (an unknown polarity, a bad horizon...).
    InvalidValue = "invalid-value", Error;
    // ---- errors: the plan is inconsistent ----
    /// An id with characters other than letters, digits, `.`, `_` and `-`.
    InvalidId = "invalid-id", Error;
    /// Two entries share an id.
    DuplicateId = "duplicate-id", Error;
    /// A node names a parent that does not exist or is of the wrong level.
    UnknownParent = "unknown-parent", Error;
    /// A reference to an area that is not declared.
    UndeclaredArea = "undeclared-area", Error;
    /// A reference to a service that is not declared.
    UndeclaredService = "undeclared-service", Error;
    /// A reference to a perspective that is not declared.
    UndeclaredPerspective = "undeclared-perspective", Error;
    /// A reference to a scale that is not declared.
    UndeclaredScale = "undeclared-scale", Error;
    /// A target that is not in the target notation.
    InvalidTarget = "invalid-target", Error;
    /// A target (or the year a relative target refers to) outside the plan's horizon.
    TargetOutsideHorizon = "target-outside-horizon", Error;
    /// A weight below zero.
    NegativeWeight = "negative-weight", Error;
    /// A year that is both a baseline year and a year with a target.
    BaselineWithTarget = "baseline-with-target", Error;
    /// A node with `status = "removed"` but no revision that removes it.
    RemovedWithoutRevision = "removed-without-revision", Error;
    /// A revision removes a node that is still marked active.
    RemovalNotMarked = "removal-not-marked", Error;
    // ---- warnings: data-quality findings ----
    /// An indicator's targets do not share one unit (or disagree with its `unit`).
    InconsistentUnit = "inconsistent-unit", Warning;
    /// A target's comparator points the other way from the indicator's polarity.
    PolarityConflict = "polarity-conflict", Warning;
    /// A bare-number target on an indicator without an explicit polarity.
    BareTargetWithoutPolarity = "bare-target-without-polarity", Warning;
    /// A deadline target dated outside the year it is the target of.
    DeadlineOutsideYear = "deadline-outside-year", Warning;
    /// A removed indicator still has targets for years after its removal.
    TargetAfterRemoval = "target-after-removal", Warning;
    /// A revision's act has no number or no date.
    IncompleteAct = "incomplete-act", Warning;
    /// One act date is cited with two different act numbers.
    ConflictingActNumbers = "conflicting-act-numbers", Warning;
    /// The same indicator text under two objectives.
    DuplicateIndicator = "duplicate-indicator", Warning;
    /// A program with no operational objective.
    EmptyProgram = "empty-program", Warning;
    /// A strategic or operational objective with no indicator.
    ObjectiveWithoutIndicators = "objective-without-indicators", Warning;
    /// An indicator's `area` differs from the areas of its services.
    AreaMismatch = "area-mismatch", Warning;
    /// A revision removes a node on a date before the revision that inserted it.
    RemovalBeforeInsertion = "removal-before-insertion", Error;
    /// An act dated after the plan year (a revision of the 2019 plan adopted in 2021?).
    ActAfterPlanYear = "act-after-plan-year", Warning;
    /// An override of an outcome that cannot apply: an unknown node, a year outside the horizon,
    /// a reassessment without an attainment, two overrides of one node and year.
    InvalidOverride = "invalid-override", Error;
    /// An accepted finding that the plan no longer has: the acceptance can go.
    UnusedAcceptance = "unused-acceptance", Warning;
    // ---- actual values (`score --actuals`) ----
    /// The actuals file is not a table that can be read: a column given twice, a row with more
    /// fields than the header, a quote never closed.
    InvalidCsv = "invalid-csv", Error;
    /// The actuals file lacks a required column.
    MissingColumn = "missing-column", Error;
    /// A row names an indicator the plan does not have.
    UnknownIndicator = "unknown-indicator", Error;
    /// A row's year is outside the plan's horizon.
    YearOutsideHorizon = "year-outside-horizon", Error;
    /// A value that cannot be read, or does not fit the indicator's unit.
    InvalidActual = "invalid-actual", Error;
    /// A value given as numerator / denominator with a zero denominator.
    ZeroDenominator = "zero-denominator", Error;
    /// The same indicator and year on two rows.
    DuplicateActual = "duplicate-actual", Error;
    /// An expected actual value is missing (with `missing-data = "error"`, or `score --strict`).
    MissingActual = "missing-actual", Error;
    /// A missed or partial indicator without a note explaining the deviation (`score --strict`).
    UnexplainedDeviation = "unexplained-deviation", Error;
    /// A column `score` does not read; its content is ignored.
    UnknownColumn = "unknown-column", Warning;
    /// A percentage written as a fraction (`0,95` where `95` is meant).
    ActualLooksLikeFraction = "actual-looks-like-fraction", Warning;
    // ---- spreadsheet import (`import`) ----
    /// The file cannot be read as a workbook or a text table: corrupt, password-protected or binary.
    UnreadableWorkbook = "unreadable-workbook", Error;
    /// No sheet of the file holds a layout the import recognises.
    ImportNoLayout = "import-no-layout", Error;
    /// The source does not give the body or the plan year, and no option does.
    ImportMissingMetadata = "import-missing-metadata", Error;
    /// Content the import could not place in the tree: kept as a note on the nearest node.
    ImportUnplacedContent = "import-unplaced-content", Warning;
    /// A row whose cells sit in the wrong columns: realigned.
    ImportShiftedRow = "import-shifted-row", Warning;
    /// One row holding two indicators: split in two, or kept whole on both.
    ImportMergedIndicators = "import-merged-indicators", Warning;
    /// A mission, objective, service or area written two ways: one spelling is kept.
    ImportNameVariant = "import-name-variant", Warning;
}

/// Which input a code is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// The plan file (`check`).
    Plan,
    /// Actual values and their scoring (`score`).
    Actuals,
    /// A spreadsheet being turned into a plan (`import`).
    Import,
}

impl Code {
    /// Which input the code is about.
    pub fn family(self) -> Family {
        match self {
            Code::UnreadableWorkbook
            | Code::ImportNoLayout
            | Code::ImportMissingMetadata
            | Code::ImportUnplacedContent
            | Code::ImportShiftedRow
            | Code::ImportMergedIndicators
            | Code::ImportNameVariant => Family::Import,
            _ if self >= Code::InvalidCsv => Family::Actuals,
            _ => Family::Plan,
        }
    }
}

impl Code {
    /// Whether a plan may accept findings of this code (`accept = [{ code = ..., reason = ...
    /// }]`): the warnings about the plan itself, except `unused-acceptance`. Errors are never
    /// accepted: a plan with an error cannot be read as its authors meant.
    pub fn is_acceptable(self) -> bool {
        self.severity() == Severity::Warning && self.family() == Family::Plan && self != Code::UnusedAcceptance
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Where a diagnostic points: a file, a 1-based line and column, and the line's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    /// The file as the user named it.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// How many characters the problem spans on that line (at least 1).
    #[serde(skip)]
    pub width: usize,
    /// The whole source line, for the excerpt under the message.
    #[serde(skip)]
    pub source_line: String,
}

impl Location {
    /// The location of `span` in `source`.
    pub fn of(source: &SourceFile, span: &Span) -> Self {
        let start = source.position(span.start);
        let source_line = source.line_text(start.line).to_owned();
        let line_chars = source_line.chars().count();
        let end = source.position(span.end.max(span.start));
        let width = if end.line == start.line {
            end.column.saturating_sub(start.column)
        } else {
            (line_chars + 1).saturating_sub(start.column)
        };
        Self {
            file: source.name().to_owned(),
            line: start.line,
            column: start.column,
            width: width.max(1),
            source_line,
        }
    }

    /// A location in a file whose text is not at hand (only line and column are known).
    pub fn at_line(file: &str, line: usize, column: usize) -> Self {
        Self { file: file.to_owned(), line, column, width: 1, source_line: String::new() }
    }
}

/// One problem found in an input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The stable code.
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in one sentence without a trailing period.
    pub message: String,
    /// Where, when the problem has a place in a file.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// How to fix it, when that helps.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Why the finding is accepted, when it is: by the plan (`accept`) or on the command line
    /// (`--ignore`). An accepted finding is still reported, counted apart, and never fails a run.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accepted: Option<String>,
}

impl Diagnostic {
    /// A diagnostic with `code`'s severity and no location yet.
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Self { code, severity: code.severity(), message: message.into(), location: None, help: None, accepted: None }
    }

    /// Points the diagnostic at `span` in `source`.
    #[must_use]
    pub fn at(mut self, source: &SourceFile, span: &Span) -> Self {
        self.location = Some(Location::of(source, span));
        self
    }

    /// Points the diagnostic at an already computed location.
    #[must_use]
    pub fn located(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    /// Adds a help line.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// Collects diagnostics about one source file.
pub(crate) struct Reporter<'a> {
    /// The file the spans point into.
    pub(crate) source: &'a SourceFile,
    /// Where diagnostics go.
    pub(crate) diagnostics: &'a mut Vec<Diagnostic>,
}

impl Reporter<'_> {
    /// Records a diagnostic at `span` and returns it, to add a help line.
    pub(crate) fn report(&mut self, code: Code, span: &Span, message: impl Into<String>) -> &mut Diagnostic {
        self.diagnostics.push(Diagnostic::new(code, message).at(self.source, span));
        self.diagnostics.last_mut().expect("just pushed")
    }
}

/// Sorts diagnostics into a stable order: by file, line, column, then code and message.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    fn key(d: &Diagnostic) -> (&str, usize, usize) {
        d.location.as_ref().map(|l| (l.file.as_str(), l.line, l.column)).unwrap_or_default()
    }
    diagnostics.sort_by(|a, b| key(a).cmp(&key(b)).then(a.code.cmp(&b.code)).then_with(|| a.message.cmp(&b.message)));
}

/// Whether any diagnostic is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity == Severity::Error)
}

/// Accepts every warning of `codes` not accepted already, as `--ignore CODE` does on the command
/// line: the finding stays in the report, counted as accepted.
pub fn ignore(diagnostics: &mut [Diagnostic], codes: &[Code]) {
    for diagnostic in diagnostics.iter_mut() {
        if diagnostic.accepted.is_none() && diagnostic.severity == Severity::Warning && codes.contains(&diagnostic.code)
        {
            diagnostic.accepted = Some(format!("ignored with `--ignore {}` on the command line", diagnostic.code));
        }
    }
}

/// The closest of `candidates` to `word`, if one is close enough to be a likely typo: the same
/// but for case, or at most one edit per three characters. Short ids (`S2`, `IV`) get no
/// suggestion unless they differ only by case: with two characters, one edit is another id.
pub fn did_you_mean<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let word = word.to_lowercase();
    let allowed = word.chars().count() / 3;
    candidates
        .into_iter()
        .map(|candidate| (strsim::damerau_levenshtein(&word, &candidate.to_lowercase()), candidate))
        .filter(|(distance, _)| *distance <= allowed)
        .min_by_key(|(distance, candidate)| (*distance, *candidate))
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_kebab_case_and_described() {
        let mut names: Vec<_> = Code::ALL.iter().map(|c| c.as_str()).collect();
        for name in &names {
            assert!(name.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{name}");
            assert!(!Code::from_name(name).unwrap().description().is_empty());
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Code::ALL.len());
    }

    #[test]
    fn suggestions_catch_typos_only() {
        assert_eq!(did_you_mean("objectiv", ["objective", "name"]), Some("objective"));
        assert_eq!(did_you_mean("servces", ["services", "unit"]), Some("services"));
        assert_eq!(did_you_mean("zzz", ["objective", "name"]), None);
        assert_eq!(did_you_mean("Imprese", ["imprese"]), Some("imprese"));
        assert_eq!(did_you_mean("S2", ["S1", "S3"]), None);
        assert_eq!(did_you_mean("IV", ["I", "II"]), None);
        assert_eq!(did_you_mean("promozion", ["promozione", "legale"]), Some("promozione"));
    }

    #[test]
    fn location_spans_one_line() {
        let source = SourceFile::new("p.toml", "a = \"≥ x\"\nb = 2\n");
        let loc = Location::of(&source, &(4..11));
        assert_eq!((loc.line, loc.column, loc.width), (1, 5, 5));
        assert_eq!(loc.source_line, "a = \"≥ x\"");
    }
}
