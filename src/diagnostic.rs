//! Diagnostics: problems found in an input, as values.
//!
//! Loading and validation never stop at the first problem: they push [`Diagnostic`]s and carry
//! on. Each has a stable kebab-case [`Code`] (documented in `docs/diagnostics.md`, one fixture
//! each under `tests/fixtures/check/`), a [`Severity`], a message, the place in the file and an
//! optional help line. Rendering them is the job of [`crate::render::diagnostics`].

use serde::Serialize;

use crate::i18n::Message;
use crate::msg;
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
    ($($(#[doc = $doc:literal])* $variant:ident = $name:literal, $severity:ident, $about:literal;)*) => {
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

            /// A one-line description, from the catalogue (`code-*` messages of
            /// `diagnostics.ftl`).
            pub fn description(self) -> Message {
                match self {
                    $(Code::$variant => Message::new($about),)*
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

codes! {
    // ---- errors: the file cannot be read as a plan ----
    /// The file is not UTF-8 text.
    InvalidEncoding = "invalid-encoding", Error, "code-invalid-encoding";
    /// The file is not valid TOML.
    TomlSyntax = "toml-syntax", Error, "code-toml-syntax";
    /// A key the format does not define.
    UnknownKey = "unknown-key", Error, "code-unknown-key";
    /// A value of the wrong TOML type (a string where a number is expected, ...).
    WrongType = "wrong-type", Error, "code-wrong-type";
    /// A required key is missing.
    MissingKey = "missing-key", Error, "code-missing-key";
    /// A value of the right type but not an accepted one (an unknown polarity, a bad horizon...).
    InvalidValue = "invalid-value", Error, "code-invalid-value";
    // ---- errors: the plan is inconsistent ----
    /// An id with characters other than letters, digits, `.`, `_` and `-`.
    InvalidId = "invalid-id", Error, "code-invalid-id";
    /// Two entries share an id.
    DuplicateId = "duplicate-id", Error, "code-duplicate-id";
    /// A node names a parent that does not exist or is of the wrong level.
    UnknownParent = "unknown-parent", Error, "code-unknown-parent";
    /// A reference to an area that is not declared.
    UndeclaredArea = "undeclared-area", Error, "code-undeclared-area";
    /// A reference to a service that is not declared.
    UndeclaredService = "undeclared-service", Error, "code-undeclared-service";
    /// A reference to a perspective that is not declared.
    UndeclaredPerspective = "undeclared-perspective", Error, "code-undeclared-perspective";
    /// A reference to a scale that is not declared.
    UndeclaredScale = "undeclared-scale", Error, "code-undeclared-scale";
    /// A target that is not in the target notation.
    InvalidTarget = "invalid-target", Error, "code-invalid-target";
    /// A target (or the year a relative target refers to) outside the plan's horizon.
    TargetOutsideHorizon = "target-outside-horizon", Error, "code-target-outside-horizon";
    /// A weight below zero.
    NegativeWeight = "negative-weight", Error, "code-negative-weight";
    /// A year that is both a baseline year and a year with a target.
    BaselineWithTarget = "baseline-with-target", Error, "code-baseline-with-target";
    /// A node with `status = "removed"` but no revision that removes it.
    RemovedWithoutRevision = "removed-without-revision", Error, "code-removed-without-revision";
    /// A revision removes a node that is still marked active.
    RemovalNotMarked = "removal-not-marked", Error, "code-removal-not-marked";
    // ---- warnings: data-quality findings ----
    /// An indicator's targets do not share one unit (or disagree with its `unit`).
    InconsistentUnit = "inconsistent-unit", Warning, "code-inconsistent-unit";
    /// A target's comparator points the other way from the indicator's polarity.
    PolarityConflict = "polarity-conflict", Warning, "code-polarity-conflict";
    /// A bare-number target on an indicator without an explicit polarity.
    BareTargetWithoutPolarity = "bare-target-without-polarity", Warning, "code-bare-target-without-polarity";
    /// A deadline target dated outside the year it is the target of.
    DeadlineOutsideYear = "deadline-outside-year", Warning, "code-deadline-outside-year";
    /// A removed indicator still has targets for years after its removal.
    TargetAfterRemoval = "target-after-removal", Warning, "code-target-after-removal";
    /// A revision's act has no number or no date.
    IncompleteAct = "incomplete-act", Warning, "code-incomplete-act";
    /// One act date is cited with two different act numbers.
    ConflictingActNumbers = "conflicting-act-numbers", Warning, "code-conflicting-act-numbers";
    /// The same indicator text under two objectives.
    DuplicateIndicator = "duplicate-indicator", Warning, "code-duplicate-indicator";
    /// A program with no operational objective.
    EmptyProgram = "empty-program", Warning, "code-empty-program";
    /// A strategic or operational objective with no indicator.
    ObjectiveWithoutIndicators = "objective-without-indicators", Warning, "code-objective-without-indicators";
    /// An indicator's `area` differs from the areas of its services.
    AreaMismatch = "area-mismatch", Warning, "code-area-mismatch";
    /// A revision removes a node on a date before the revision that inserted it.
    RemovalBeforeInsertion = "removal-before-insertion", Error, "code-removal-before-insertion";
    /// An act dated after the plan year (a revision of the 2019 plan adopted in 2021?).
    ActAfterPlanYear = "act-after-plan-year", Warning, "code-act-after-plan-year";
    /// An override of an outcome that cannot apply: an unknown node, a year outside the horizon,
    /// a reassessment without an attainment, two overrides of one node and year.
    InvalidOverride = "invalid-override", Error, "code-invalid-override";
    /// An accepted finding that the plan no longer has: the acceptance can go.
    UnusedAcceptance = "unused-acceptance", Warning, "code-unused-acceptance";
    /// Every child of a node weighs 0 in a year: the node has no score that year.
    ZeroWeights = "zero-weights", Warning, "code-zero-weights";
    /// A text holds a character that cannot be seen or that reorders the text around it.
    HiddenCharacter = "hidden-character", Warning, "code-hidden-character";
    // ---- actual values (`score --actuals`) ----
    /// The actuals file is not a table that can be read: a column given twice, a row with more
    /// fields than the header, a quote never closed.
    InvalidCsv = "invalid-csv", Error, "code-invalid-csv";
    /// The actuals file lacks a required column.
    MissingColumn = "missing-column", Error, "code-missing-column";
    /// A row names an indicator the plan does not have.
    UnknownIndicator = "unknown-indicator", Error, "code-unknown-indicator";
    /// A row's year is outside the plan's horizon.
    YearOutsideHorizon = "year-outside-horizon", Error, "code-year-outside-horizon";
    /// A value that cannot be read, or does not fit the indicator's unit.
    InvalidActual = "invalid-actual", Error, "code-invalid-actual";
    /// A value given as numerator / denominator with a zero denominator.
    ZeroDenominator = "zero-denominator", Error, "code-zero-denominator";
    /// The same indicator and year on two rows.
    DuplicateActual = "duplicate-actual", Error, "code-duplicate-actual";
    /// An expected actual value is missing (with `missing-data = "error"`, or `score --strict`).
    MissingActual = "missing-actual", Error, "code-missing-actual";
    /// A missed or partial indicator without a note explaining the deviation (`score --strict`).
    UnexplainedDeviation = "unexplained-deviation", Error, "code-unexplained-deviation";
    /// A column `score` does not read; its content is ignored.
    UnknownColumn = "unknown-column", Warning, "code-unknown-column";
    /// A percentage written as a fraction (`0,95` where `95` is meant).
    ActualLooksLikeFraction = "actual-looks-like-fraction", Warning, "code-actual-looks-like-fraction";
    /// A qualitative result judged without the evidence note the judgment rests on.
    MissingEvidence = "missing-evidence", Error, "code-missing-evidence";
    // ---- spreadsheet import (`import`) ----
    /// The file cannot be read as a workbook or a text table: corrupt, password-protected or binary.
    UnreadableWorkbook = "unreadable-workbook", Error, "code-unreadable-workbook";
    /// No sheet of the file holds a layout the import recognises.
    ImportNoLayout = "import-no-layout", Error, "code-import-no-layout";
    /// The source does not give the body or the plan year, and no option does.
    ImportMissingMetadata = "import-missing-metadata", Error, "code-import-missing-metadata";
    /// Content the import could not place in the tree: kept as a note on the nearest node.
    ImportUnplacedContent = "import-unplaced-content", Warning, "code-import-unplaced-content";
    /// A row whose cells sit in the wrong columns: realigned.
    ImportShiftedRow = "import-shifted-row", Warning, "code-import-shifted-row";
    /// One row holding two indicators: split in two, or kept whole on both.
    ImportMergedIndicators = "import-merged-indicators", Warning, "code-import-merged-indicators";
    /// A mission, objective, service or area written two ways: one spelling is kept.
    ImportNameVariant = "import-name-variant", Warning, "code-import-name-variant";
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
    /// The excerpt of the line shown under the message: the whole line when it is short, else
    /// a window of [`EXCERPT_CHARS`] characters around the problem, with `…` where it is cut.
    #[serde(skip)]
    pub source_line: String,
    /// The 1-based column of the problem within `source_line` (the same as `column` unless
    /// the line was cut before it).
    #[serde(skip)]
    pub excerpt_column: usize,
}

/// The most characters of a source line an excerpt shows: a diagnostic never copies a whole
/// long line (a 200 KB CSV header), so memory and output stay proportional to the number of
/// diagnostics.
pub const EXCERPT_CHARS: usize = 120;

/// How many characters of context an excerpt keeps before the problem when the line is cut.
const CONTEXT_BEFORE: usize = 40;

impl Location {
    /// The location of `span` in `source`.
    pub fn of(source: &SourceFile, span: &Span) -> Self {
        let start = source.position(span.start);
        let line_text = source.line_text(start.line);
        let line_start = source.line_start(start.line);
        let at = span.start.clamp(line_start, line_start + line_text.len()) - line_start;
        let at = floor_char_boundary(line_text, at);
        let end = span.end.max(span.start).saturating_sub(line_start).min(line_text.len());
        let width = line_text.get(at..floor_char_boundary(line_text, end.max(at))).map_or(1, |t| t.chars().count());
        Self::in_line(source.name(), start.line, start.column, at, width, line_text)
    }

    /// A location in a file whose text is not at hand (only line and column are known).
    pub fn at_line(file: &str, line: usize, column: usize) -> Self {
        Self { file: file.to_owned(), line, column, width: 1, source_line: String::new(), excerpt_column: column }
    }

    /// The location of character column `column` (at byte `at` of `line_text`) spanning
    /// `width` characters, with the excerpt of the line around it. The work is proportional
    /// to the excerpt, not to the line.
    pub fn in_line(file: &str, line: usize, column: usize, at: usize, width: usize, line_text: &str) -> Self {
        let at = floor_char_boundary(line_text, at.min(line_text.len()));
        let short = line_text.char_indices().nth(EXCERPT_CHARS).is_none();
        if short {
            let source_line = line_text.to_owned();
            return Self {
                file: file.to_owned(),
                line,
                column,
                width: width.max(1),
                source_line,
                excerpt_column: column,
            };
        }
        // A window of EXCERPT_CHARS characters, starting CONTEXT_BEFORE before the problem,
        // moved back when the line ends first.
        let mut start = line_text[..at].char_indices().rev().nth(CONTEXT_BEFORE - 1).map_or(0, |(i, _)| i);
        let end = match line_text[start..].char_indices().nth(EXCERPT_CHARS) {
            Some((i, _)) => start + i,
            None => {
                start = line_text.char_indices().rev().nth(EXCERPT_CHARS - 1).map_or(0, |(i, _)| i);
                line_text.len()
            }
        };
        let mut source_line = String::new();
        if start > 0 {
            source_line.push('…');
        }
        source_line.push_str(&line_text[start..end]);
        if end < line_text.len() {
            source_line.push('…');
        }
        let excerpt_column = line_text[start..at].chars().count() + 1 + usize::from(start > 0);
        let shown_after = line_text[at..end].chars().count().max(1);
        Self { file: file.to_owned(), line, column, width: width.clamp(1, shown_after), source_line, excerpt_column }
    }
}

/// The largest character boundary of `text` at or before byte `at`.
fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// One problem found in an input.
///
/// Its message, help line and reason are [`Message`]s of the catalogue, rendered in the
/// interface's language when shown ([`crate::render::diagnostics`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The stable code.
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in one sentence without a trailing period.
    pub message: Message,
    /// Where, when the problem has a place in a file.
    pub location: Option<Location>,
    /// A second place that belongs to the problem (the first row of a duplicate), with what
    /// it is: shown under the first, so that both can be seen at once.
    pub related: Option<Box<(Location, Message)>>,
    /// How to fix it, when that helps.
    pub help: Option<Message>,
    /// Why the finding is accepted, when it is: by the plan (`accept`, the reason its authors
    /// wrote) or on the command line (`--ignore`). An accepted finding is still reported,
    /// counted apart, and never fails a run.
    pub accepted: Option<Message>,
    /// For a line that stands for repeated diagnostics not shown ([`cap`]): how many it
    /// stands for. Zero for every ordinary diagnostic.
    pub omitted: usize,
}

impl Diagnostic {
    /// A diagnostic with `code`'s severity and no location yet.
    pub fn new(code: Code, message: Message) -> Self {
        Self {
            code,
            severity: code.severity(),
            message,
            location: None,
            related: None,
            help: None,
            accepted: None,
            omitted: 0,
        }
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
    pub fn with_help(mut self, help: Message) -> Self {
        self.help = Some(help);
        self
    }
}

/// How many "did you mean" suggestions one file gets: each compares a name with every
/// candidate, so a file of thousands of unknown ids against a large plan would take minutes;
/// past this many (more than output shows), unknown names get the plain help.
pub(crate) const SUGGESTIONS_PER_FILE: usize = 100;

/// Collects diagnostics about one source file.
pub(crate) struct Reporter<'a> {
    /// The file the spans point into.
    pub(crate) source: &'a SourceFile,
    /// Where diagnostics go.
    pub(crate) diagnostics: &'a mut Vec<Diagnostic>,
    /// Suggestions still to be computed ([`SUGGESTIONS_PER_FILE`]).
    suggestions_left: usize,
    /// Whether a suggestion was asked for, given or not.
    pub(crate) suggestion_asked: bool,
}

impl<'a> Reporter<'a> {
    /// A reporter about `source`, pushing into `diagnostics`.
    pub(crate) fn new(source: &'a SourceFile, diagnostics: &'a mut Vec<Diagnostic>) -> Self {
        Self { source, diagnostics, suggestions_left: SUGGESTIONS_PER_FILE, suggestion_asked: false }
    }

    /// A reporter that gives no suggestion, for work done apart from the file's order: what it
    /// reports is kept only when no suggestion was asked for ([`Reporter::suggestion_asked`]),
    /// since the file's budget is spent in the file's order.
    pub(crate) fn without_suggestions(source: &'a SourceFile, diagnostics: &'a mut Vec<Diagnostic>) -> Self {
        Self { source, diagnostics, suggestions_left: 0, suggestion_asked: false }
    }

    /// [`did_you_mean`], within the file's budget of suggestions.
    pub(crate) fn suggest<'c>(&mut self, word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
        self.suggestion_asked = true;
        if self.suggestions_left == 0 {
            return None;
        }
        self.suggestions_left -= 1;
        did_you_mean(word, candidates)
    }
}

impl Reporter<'_> {
    /// Records a diagnostic at `span` and returns it, to add a help line.
    pub(crate) fn report(&mut self, code: Code, span: &Span, message: Message) -> &mut Diagnostic {
        self.diagnostics.push(Diagnostic::new(code, message).at(self.source, span));
        self.diagnostics.last_mut().expect("just pushed")
    }
}

/// Sorts diagnostics into a stable order: by file, line, column, then code and message (in
/// English, so that the order is the same in every language).
pub fn sort(diagnostics: &mut [Diagnostic]) {
    fn key(d: &Diagnostic) -> (&str, usize, usize) {
        d.location.as_ref().map(|l| (l.file.as_str(), l.line, l.column)).unwrap_or_default()
    }
    // Messages are rendered only to break the rare ties of place and code.
    diagnostics.sort_by(|a, b| {
        key(a).cmp(&key(b)).then(a.code.cmp(&b.code)).then_with(|| a.message.to_string().cmp(&b.message.to_string()))
    });
}

/// How many diagnostics of one code one line shows; the rest are counted in one line.
pub const SHOWN_PER_LINE: usize = 10;

/// How many diagnostics of one code one file shows; the rest are counted in one line.
pub const SHOWN_PER_FILE: usize = 200;

/// Bounds repeated diagnostics for output: at most [`SHOWN_PER_LINE`] of one code on one line
/// and [`SHOWN_PER_FILE`] of one code in one file, in order; the others are counted in one
/// diagnostic of the same code per line or file ("… and 29,990 more"), whose `omitted` says
/// how many it stands for, so that counts stay honest ([`count`]). Accepted findings are all
/// kept. Input in sorted order.
pub fn cap<'d>(diagnostics: impl IntoIterator<Item = &'d Diagnostic>) -> Vec<Diagnostic> {
    use std::collections::HashMap;
    fn file_of(diagnostic: &Diagnostic) -> &str {
        diagnostic.location.as_ref().map_or("", |l| l.file.as_str())
    }
    let mut shown: Vec<&'d Diagnostic> = Vec::new();
    let mut per_file: HashMap<(&str, Code), usize> = HashMap::new();
    let mut per_line: HashMap<(&str, usize, Code), usize> = HashMap::new();
    // The last shown diagnostic of each file, after which its summaries go.
    let mut last_of_file: HashMap<&str, usize> = HashMap::new();
    // Summaries being counted: (the index in `shown` it follows, or its file's last, the file,
    // the summary).
    let mut summaries: Vec<(Option<usize>, &str, Diagnostic)> = Vec::new();
    let mut line_summary: HashMap<(&str, usize, Code), usize> = HashMap::new();
    let mut file_summary: HashMap<(&str, Code), usize> = HashMap::new();
    for diagnostic in diagnostics {
        let file = file_of(diagnostic);
        if diagnostic.accepted.is_some() {
            // Accepted findings are few by design, and each carries its own reason.
            last_of_file.insert(file, shown.len());
            shown.push(diagnostic);
            continue;
        }
        let code = diagnostic.code;
        let weight = diagnostic.omitted.max(1);
        let file_count = per_file.entry((file, code)).or_default();
        if *file_count >= SHOWN_PER_FILE {
            let slot = *file_summary.entry((file, code)).or_insert_with(|| {
                let message = if file.is_empty() {
                    msg!("omitted", code = code)
                } else {
                    msg!("omitted-in-file", code = code, file = file)
                };
                let more = Diagnostic::new(code, message);
                summaries.push((None, file, more));
                summaries.len() - 1
            });
            summaries[slot].2.omitted += weight;
            continue;
        }
        if let Some(location) = diagnostic.location.as_ref().filter(|_| diagnostic.omitted == 0) {
            let line_count = per_line.entry((file, location.line, code)).or_default();
            *line_count += 1;
            if *line_count > SHOWN_PER_LINE {
                let after = shown.len().checked_sub(1);
                let slot = *line_summary.entry((file, location.line, code)).or_insert_with(|| {
                    let line = location.line;
                    let more = Diagnostic::new(code, msg!("omitted-on-line", code = code, line = line, file = file))
                        .located(Location::at_line(file, line, location.column));
                    summaries.push((after, file, more));
                    summaries.len() - 1
                });
                summaries[slot].2.omitted += weight;
                continue;
            }
        }
        *file_count += 1;
        last_of_file.insert(file, shown.len());
        shown.push(diagnostic);
    }
    // Each summary follows the diagnostics it continues: a line's after that line's last shown
    // one, a file's after the file's last shown one (`None`: before everything).
    let mut placed: Vec<(Option<usize>, Diagnostic)> = summaries
        .into_iter()
        .map(|(after, file, mut summary)| {
            summary.message = summary.message.count("count", summary.omitted);
            (after.or_else(|| last_of_file.get(file).copied()), summary)
        })
        .collect();
    // Stable: summaries after the same diagnostic keep the order they were found in.
    placed.sort_by_key(|(after, _)| *after);
    let mut out: Vec<Diagnostic> = Vec::with_capacity(shown.len() + placed.len());
    let mut pending = placed.into_iter().peekable();
    while let Some((_, summary)) = pending.next_if(|(after, _)| after.is_none()) {
        out.push(summary);
    }
    for (index, diagnostic) in shown.into_iter().enumerate() {
        out.push(diagnostic.clone());
        while let Some((_, summary)) = pending.next_if(|(after, _)| *after == Some(index)) {
            out.push(summary);
        }
    }
    out
}

/// How many problems `diagnostics` stand for: each counts once, a [`cap`] line for the
/// diagnostics it omits.
pub fn count<'d>(diagnostics: impl IntoIterator<Item = &'d Diagnostic>) -> usize {
    diagnostics.into_iter().map(|d| d.omitted.max(1)).sum()
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
            diagnostic.accepted = Some(msg!("accepted-ignored", code = diagnostic.code));
        }
    }
}

/// `` `a`, `b`, `c` ``: names quoted as code, for messages that list ids or accepted values.
pub(crate) fn code_list<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    names.into_iter().map(|name| format!("`{name}`")).collect::<Vec<_>>().join(", ")
}

/// The name of a level for people (`strategic objective`, `obiettivo strategico`), to nest in
/// a message.
pub(crate) fn level_name(level: crate::plan::Level) -> Message {
    msg!("level-name", level = level.key())
}

/// The name of a level of `names`' plan for people: the plan's own (`[levels]`, `obiettivo
/// specifico`) when it gives one, in either language since it is the plan's word; else the
/// catalogue's, as [`level_name`].
pub(crate) fn plan_level_name(names: &crate::plan::LevelNames, level: crate::plan::Level) -> Message {
    names.get(level).map_or_else(|| level_name(level), |name| msg!("level-named", name = &name.name))
}

/// A level with its indefinite article (`an indicator`, `un indicatore`), to nest in a message.
pub(crate) fn level_with_article(level: crate::plan::Level) -> Message {
    msg!("level-name-with-article", level = level.key())
}

/// The closest of `candidates` to `word`, if one is close enough to be a likely typo: the same
/// but for case, or at most one edit per three characters. Short ids (`S2`, `IV`) get no
/// suggestion unless they differ only by case: with two characters, one edit is another id.
pub fn did_you_mean<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let word = word.to_lowercase();
    let length = word.chars().count();
    let allowed = length / 3;
    candidates
        .into_iter()
        // Each edit changes the length by one at most: most candidates need no comparison.
        .filter(|candidate| candidate.chars().count().abs_diff(length) <= allowed)
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
            let description = Code::from_name(name).unwrap().description();
            assert!(!description.to_string().is_empty() && description.to_string() != description.id());
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
    fn long_lines_are_cut_to_a_window_around_the_problem() {
        let line = format!("{}ERR{}", "a".repeat(100_000), "b".repeat(100_000));
        let source = SourceFile::new("p.csv", format!("{line}\n"));
        let location = Location::of(&source, &(100_000..100_003));
        assert_eq!((location.line, location.column, location.width), (1, 100_001, 3));
        assert_eq!(location.source_line.chars().count(), EXCERPT_CHARS + 2);
        assert!(location.source_line.starts_with('…') && location.source_line.ends_with('…'));
        let caret = location.excerpt_column - 1;
        assert_eq!(location.source_line.chars().skip(caret).take(3).collect::<String>(), "ERR");
        // Near the end of the line the window shows its last EXCERPT_CHARS characters.
        let end = Location::of(&source, &(200_002..200_003));
        assert!(end.source_line.ends_with("bb") && !end.source_line.ends_with('…'));
        assert_eq!(end.source_line.chars().count(), EXCERPT_CHARS + 1);
        assert_eq!(end.source_line.chars().nth(end.excerpt_column - 1), Some('b'));
        // A short line is shown whole.
        let short = Location::of(&SourceFile::new("p", "id = 1"), &(5..6));
        assert_eq!((short.source_line.as_str(), short.excerpt_column), ("id = 1", 6));
    }

    fn repeated(lines: usize, per_line: usize) -> Vec<Diagnostic> {
        let source = SourceFile::new("a.csv", "x\n".repeat(lines));
        let mut diagnostics = Vec::new();
        for line in 0..lines {
            for _ in 0..per_line {
                diagnostics.push(
                    Diagnostic::new(Code::UnknownColumn, msg!("unknown-column", name = "x"))
                        .at(&source, &(line * 2..line * 2 + 1)),
                );
            }
        }
        diagnostics
    }

    #[test]
    fn repeated_diagnostics_are_capped_and_still_counted() {
        let capped = cap(&repeated(1, 30_000));
        assert_eq!(capped.len(), SHOWN_PER_LINE + 1);
        assert_eq!(
            capped[SHOWN_PER_LINE].message.to_string(),
            "… and 29,990 more `unknown-column` on line 1 of a.csv, not shown"
        );
        assert_eq!(count(&capped), 30_000);
        // Per file: SHOWN_PER_FILE shown in all, the rest counted once.
        let many = repeated(1_000, 1);
        let capped = cap(&many);
        assert_eq!(capped.len(), SHOWN_PER_FILE + 1);
        assert_eq!(capped.last().unwrap().message.to_string(), "… and 800 more `unknown-column` in a.csv, not shown");
        assert_eq!(count(&capped), 1_000);
        // Capping what is capped changes nothing.
        assert_eq!(cap(&capped), capped);
        assert_eq!(cap(&repeated(3, 2)), repeated(3, 2));
    }

    #[test]
    fn suggestions_are_budgeted_per_file() {
        let source = SourceFile::new("p.toml", "");
        let mut diagnostics = Vec::new();
        let mut reporter = Reporter::new(&source, &mut diagnostics);
        for _ in 0..SUGGESTIONS_PER_FILE {
            assert_eq!(reporter.suggest("objectiv", ["objective"]), Some("objective"));
        }
        assert_eq!(reporter.suggest("objectiv", ["objective"]), None);
    }

    #[test]
    fn location_spans_one_line() {
        let source = SourceFile::new("p.toml", "a = \"≥ x\"\nb = 2\n");
        let loc = Location::of(&source, &(4..11));
        assert_eq!((loc.line, loc.column, loc.width), (1, 5, 5));
        assert_eq!(loc.source_line, "a = \"≥ x\"");
    }
}
