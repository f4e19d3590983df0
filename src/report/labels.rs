//! Every word of the report that the tool writes (not the plan's own content), in the report's
//! language, from the catalogue (`report.ftl`, and the words shared with the other outputs): the
//! fixed labels handed to templates as `labels.*`, the legend, the rules in words, the
//! explanations of unscored indicators (the score's typed reasons) and the text alternatives of
//! the charts.
//!
//! The keys of `labels.*` are part of the template data (`docs/report.md`) and stay as they are;
//! each names a message of the catalogue.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::i18n::{self, Lang, Message};
use crate::msg;
use crate::plan::{ActNumber, ScoringRules};
use crate::render::score::cited_override_note;
use crate::render::words;
use crate::score::{IndicatorScore, Status};

/// The fixed labels: each template key with its message in the catalogue. Templates read them
/// as `labels.KEY`.
const LABELS: &[(&str, &str)] = &[
    // The document.
    ("document_title", "report-document-title"),
    ("document_subtitle", "report-document-subtitle"),
    ("body", "report-body"),
    ("plan", "report-plan"),
    ("year", "report-year"),
    ("horizon", "report-horizon"),
    ("adopted_by", "report-adopted-by"),
    ("acts_in_force", "report-acts-in-force"),
    ("no_acts_in_force", "report-no-acts-in-force"),
    ("generated_on", "report-generated-on"),
    ("contents", "report-contents"),
    ("skip_to_content", "report-skip-to-content"),
    ("illustrative_values", "report-illustrative-values"),
    // Sections.
    ("section_summary", "report-section-summary"),
    ("section_strategic", "report-section-strategic"),
    ("section_operational", "report-section-operational"),
    ("section_operational_programs", "report-section-operational-programs"),
    ("section_operational_groups", "report-section-operational-groups"),
    ("section_deviations", "report-section-deviations"),
    ("section_overrides", "report-section-overrides"),
    ("section_revisions", "report-section-revisions"),
    ("section_method", "report-section-method"),
    ("section_provenance", "report-section-provenance"),
    // The summary.
    ("body_attainment", "report-body-attainment"),
    ("body_attainment_note", "report-body-attainment-note"),
    ("coverage", "report-coverage"),
    ("coverage_note", "report-coverage-note"),
    ("status_counts", "report-status-counts"),
    ("indicators_in_plan", "report-indicators-in-plan"),
    ("body_chart", "report-body-chart"),
    ("strategic_at_a_glance", "report-strategic-at-a-glance"),
    ("missions", "report-missions"),
    ("legend", "report-legend"),
    ("count", "report-count"),
    ("of_which", "report-of-which"),
    ("of", "report-of"),
    // Table headers.
    ("level", "report-level"),
    ("id", "report-id"),
    ("name", "report-name"),
    ("mission", "report-mission"),
    ("strategic_objective", "report-strategic-objective"),
    ("program", "report-program"),
    ("operational_objective", "report-operational-objective"),
    ("indicator", "report-indicator"),
    ("indicators_of", "report-indicators-of"),
    ("area", "report-area"),
    ("service", "report-service"),
    ("areas", "report-areas"),
    ("services", "report-services"),
    ("perspective", "report-perspective"),
    ("perspectives", "report-perspectives"),
    ("band", "report-band"),
    ("code", "report-code"),
    ("indicator_type", "report-indicator-type"),
    ("data_source", "report-data-source"),
    ("responsible", "report-responsible"),
    ("definition", "report-definition"),
    ("parts", "report-parts"),
    ("measure", "report-measure"),
    ("formula", "report-formula"),
    ("target", "report-target"),
    ("actual", "report-actual"),
    ("reference", "report-reference"),
    ("deviation", "report-deviation"),
    ("attainment", "report-attainment"),
    ("attainment_short", "report-attainment-short"),
    ("operational_attainment", "report-operational-attainment"),
    ("status", "report-status"),
    ("weight", "report-weight"),
    ("scored", "report-scored"),
    ("expected", "report-expected"),
    ("note", "report-note"),
    ("note_short", "report-note-short"),
    ("explanation", "report-explanation"),
    ("source", "report-source"),
    ("missing_note", "report-missing-note"),
    ("no_indicators", "report-no-indicators"),
    ("no_programs", "report-no-programs"),
    ("no_operational_objectives", "report-no-operational-objectives"),
    // The multi-year view.
    ("trend", "report-trend"),
    ("trend_note", "report-trend-note"),
    ("trend_single_year", "report-trend-single-year"),
    ("trend_no_chart", "report-trend-no-chart"),
    ("chart_data", "report-chart-data"),
    ("not_recorded_short", "report-not-recorded-short"),
    ("trend_key_actual", "report-trend-key-actual"),
    // Deviations.
    ("deviations_intro", "report-deviations-intro"),
    ("deviations_none", "report-deviations-none"),
    ("deviations_missing_notes", "report-deviations-missing-notes"),
    // Overrides.
    ("overrides_intro", "report-overrides-intro"),
    ("overrides_none", "report-overrides-none"),
    ("neutralised", "outcome-neutralised"),
    ("reassessed", "outcome-reassessed"),
    ("outcome", "report-outcome"),
    ("decided_attainment", "report-decided-attainment"),
    ("computed_outcome", "report-computed-outcome"),
    ("reason", "report-reason"),
    ("decided_by", "report-decided-by"),
    // Revisions.
    ("revisions_intro", "report-revisions-intro"),
    ("revisions_none", "report-revisions-none"),
    ("act", "report-act"),
    ("change", "report-change"),
    ("changes", "report-changes"),
    ("act_notes", "report-act-notes"),
    ("revision_note", "report-revision-note"),
    ("in_year", "report-in-year"),
    // Method.
    ("method_intro", "report-method-intro"),
    ("partial_threshold", "report-partial-threshold"),
    ("cap", "report-cap"),
    ("floor", "report-floor"),
    // Provenance.
    ("provenance_intro", "report-provenance-intro"),
    ("file", "report-file"),
    ("sha256", "report-sha256"),
    ("bytes", "report-bytes"),
    ("actuals_files", "report-actuals-files"),
    ("plan_file", "report-plan-file"),
    ("git_commit", "report-git-commit"),
    ("git_state", "report-git-state"),
    ("git_clean", "report-git-clean"),
    ("git_dirty", "report-git-dirty"),
    ("git_none", "report-git-none"),
    ("tool", "report-tool"),
    ("reproduce", "report-reproduce"),
    // Tree and navigation.
    ("open_close", "report-open-close"),
    ("back_to_contents", "report-back-to-contents"),
    ("page", "report-page"),
];

/// The fixed labels in `lang`, for templates.
pub fn labels(lang: Lang) -> BTreeMap<&'static str, String> {
    LABELS.iter().map(|&(key, id)| (key, i18n::text(lang, id))).collect()
}

/// The label of `key` in `lang`; keys are constants of the report, so a missing one is a bug
/// (and shows as the key).
pub fn label(lang: Lang, key: &str) -> String {
    LABELS.iter().find(|(k, _)| *k == key).map_or_else(|| key.to_owned(), |&(_, id)| i18n::text(lang, id))
}

/// What a status means, for the legend.
pub fn status_meaning(lang: Lang, status: Status, rules: &ScoringRules) -> String {
    msg!("report-status-meaning", status = status.as_str(), threshold = words::number(lang, rules.partial_threshold))
        .render(lang)
}

/// `42 su 44`: scored of expected.
pub fn coverage(lang: Lang, scored: usize, expected: usize) -> String {
    Message::new("report-coverage-of").count("scored", scored).count("expected", expected).render(lang)
}

/// The title of the report for a year.
pub fn document_title(lang: Lang, year: i32) -> String {
    msg!("report-document-title-year", year = year).render(lang)
}

/// Why an indicator is unscored, or what it was compared with (the score's reason), after the
/// decision that set its result, if one did (its act cited as the plan's acts are).
pub fn explanation(lang: Lang, score: &IndicatorScore, numbers: ActNumber) -> Option<String> {
    let decision = score.overridden.as_ref().map(|o| cited_override_note(lang, o, numbers));
    // A neutralised result is explained by its decision; its computed reason follows it.
    let reason = score.reason.as_ref().map(|r| r.message(lang).render(lang));
    match (decision, reason) {
        (Some(decision), Some(reason)) => Some(format!("{decision}; {reason}")),
        (decision, reason) => decision.or(reason),
    }
}

/// The scoring rules in words, one sentence each.
pub fn rules(lang: Lang, rules: &ScoringRules) -> Vec<String> {
    let number = |value: Decimal| words::number(lang, value);
    let mut sentences = vec![Message::new("report-rule-formula"), msg!("report-rule-cap", cap = number(rules.cap))];
    if rules.floor > Decimal::ZERO {
        sentences.push(msg!("report-rule-floor", floor = number(rules.floor)));
    }
    sentences.push(msg!("report-rule-partial", threshold = number(rules.partial_threshold)));
    sentences.push(
        Message::new("report-rule-deadlines")
            .count("days", usize::try_from(rules.deadline_grace_days).unwrap_or(usize::MAX)),
    );
    sentences.push(msg!("report-rule-missing-data", mode = rules.missing_data.as_str()));
    sentences.push(Message::new("report-rule-unscored"));
    sentences.push(Message::new("report-rule-rollup"));
    sentences.push(Message::new("report-rule-rounding"));
    sentences.iter().map(|sentence| sentence.render(lang)).collect()
}

/// The text alternative of the body's bar.
pub fn body_chart(lang: Lang, attainment: Option<&str>, grade: &str, threshold: &str) -> String {
    let form = if attainment.is_some() { "value" } else { "none" };
    msg!(
        "report-body-chart-alt",
        form = form,
        value = attainment.unwrap_or_default(),
        grade = grade,
        threshold = threshold
    )
    .render(lang)
}

/// The text alternative of a chart of bars, one per row: `(id, attainment, grade)`.
pub fn bars_chart(lang: Lang, what: &str, rows: &[(String, Option<String>, &str)], threshold: &str) -> String {
    let items: Vec<String> = rows
        .iter()
        .map(|(id, value, grade)| {
            let form = if value.is_some() { "value" } else { "none" };
            let value = value.as_deref().unwrap_or_default();
            msg!("report-bar-item", form = form, id = id, value = value, grade = grade).render(lang)
        })
        .collect();
    msg!("report-bars-chart-alt", what = what, items = items.join("; "), threshold = threshold).render(lang)
}

/// The text alternative of the chart of status counts.
pub fn status_chart(lang: Lang, counts: &[(Status, usize)]) -> String {
    let items: Vec<String> = counts
        .iter()
        .map(|&(status, count)| {
            Message::new("report-status-chart-item")
                .arg("status", words::status(lang, status))
                .count("count", count)
                .render(lang)
        })
        .collect();
    msg!("report-status-chart-alt", items = items.join("; ")).render(lang)
}

/// The text alternative of an indicator's multi-year chart: `(year, target, actual)`.
pub fn trend_chart(lang: Lang, id: &str, points: &[(i32, Option<String>, Option<String>)]) -> String {
    let yes_no = |present: bool| if present { "yes" } else { "no" };
    let items: Vec<String> = points
        .iter()
        .map(|(year, target, actual)| {
            msg!(
                "report-trend-chart-item",
                year = year,
                has_target = yes_no(target.is_some()),
                target = target.as_deref().unwrap_or_default(),
                has_actual = yes_no(actual.is_some()),
                actual = actual.as_deref().unwrap_or_default()
            )
            .render(lang)
        })
        .collect();
    msg!("report-trend-chart-alt", id = id, items = items.join("; ")).render(lang)
}

/// The words the charts write on their thresholds.
pub fn threshold_marks(lang: Lang, rules: &ScoringRules) -> Vec<(Decimal, String)> {
    let number = |value: Decimal| words::number(lang, value);
    let mut marks = vec![
        (rules.partial_threshold, msg!("report-mark-threshold", value = number(rules.partial_threshold)).render(lang)),
        (Decimal::ONE_HUNDRED, i18n::text(lang, "report-mark-target")),
    ];
    if rules.cap != Decimal::ONE_HUNDRED {
        marks.push((rules.cap, msg!("report-mark-cap", value = number(rules.cap)).render(lang)));
    }
    if rules.floor > Decimal::ZERO {
        marks.push((rules.floor, msg!("report-mark-floor", value = number(rules.floor)).render(lang)));
    }
    marks
}
