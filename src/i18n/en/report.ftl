# The performance report (`cruscotto report`): the fixed words templates read as `labels.*`, the
# sentences made from the results, and the text alternatives of the charts.

## The document

report-document-title = Performance report
report-document-title-year = Performance report { $year }
report-document-subtitle = Results of the organisational performance
report-body = Body
report-plan = Plan
report-year = Year
report-horizon = Horizon of the plan
report-adopted-by = Plan adopted by
report-acts-in-force = Revisions in force on 31 December
report-no-acts-in-force = no revision recorded
report-generated-on = Document generated on
report-contents = Contents
report-skip-to-content = Skip to content
report-illustrative-values = The actual values are those of the files listed in “Provenance of the data”.

## Sections

report-section-summary = Results at a glance
report-section-strategic = Strategic objectives (three-year)
report-section-operational = Operational objectives (annual)
report-section-operational-programs = By program and objective
report-section-operational-groups = By area and service
report-section-deviations = Deviations and their reasons
report-section-overrides = Neutralised and reassessed results
report-section-revisions = Revisions of the plan
report-section-method = Scoring method
report-section-provenance = Provenance of the data

## The summary

report-body-attainment = Overall attainment of the body
report-body-attainment-note = Weighted mean of the strategic objectives
# When the body's attainment is the mean of something else (`[scoring] body`).
report-body-attainment-note-rule = Weighted mean of the { $rule ->
        [operational-objectives] operational objectives
       *[other] indicators
    }
report-coverage = Coverage
report-coverage-note = indicators scored out of those expected
report-status-counts = Indicators by status
report-indicators-in-plan = indicators in the plan, by status
report-body-chart = The body against the partial threshold and the target
report-strategic-at-a-glance = The strategic objectives at a glance
report-missions = Missions
report-legend = Key to the statuses
report-count = Count
report-of-which = of which
# Between scored and expected: `42 of 44`.
report-of = of

## Table headers

report-level = Level
report-id = Id
report-name = Name
report-mission = Mission
report-strategic-objective = Strategic objective
report-program = Program
report-operational-objective = Operational objective
report-indicator = Indicator
report-indicators-of = Indicators of
report-area = Area
report-service = Service
report-areas = Areas
report-services = Services
report-perspective = Perspective
report-perspectives = Perspectives
report-band = Band
report-code = Code of the body
report-indicator-type = Type of indicator
report-data-source = Data source
report-responsible = Responsible
report-definition = Measured with another definition
report-parts = Conditions
report-measure = Measure
report-formula = Formula
report-target = Target
report-actual = Actual
report-reference = Reference value
report-deviation = Deviation
report-attainment = Attainment %
report-attainment-short = Attainment
report-operational-attainment = Operational plan %
report-status = Status
report-weight = Weight
report-scored = Scored
report-expected = Expected
report-note = Notes and reason for the deviation
report-note-short = Reason
report-explanation = Explanation
report-source = Source
report-missing-note = No reason given
report-no-indicators = No indicator.
report-no-programs = No program.
report-no-operational-objectives = No operational objective.

## The multi-year view

report-trend = Multi-year trend
report-trend-note = Targets and actuals over the horizon of the plan; years without an actual are shown as “not recorded”, never as zero.
report-trend-single-year = Actual values are available for one year only: the multi-year trend is shown when actuals of several years are given.
report-trend-no-chart = Not a numeric indicator: the values are in the table.
report-chart-data = Data of the chart
# A year without an actual, on the chart's axis: not recorded.
report-not-recorded-short = n/r
report-trend-key-actual = actual (the shape tells the status)

## Deviations

report-deviations-intro = Every indicator partial, missed, missing or not measurable, with the reason given with the actual.
report-deviations-none = No deviation: every expected indicator was met.
report-deviations-missing-notes = Deviations without a reason

## Neutralised and reassessed results

report-overrides-intro = The results that a reasoned decision left out of the scoring (neutralised) or reassessed, for causes outside the body's control, with the outcome the computation gave.
report-overrides-none = No result was neutralised or reassessed.
report-outcome = Outcome
report-decided-attainment = Attainment decided
report-computed-outcome = Computed outcome
report-reason = Reason
report-decided-by = Decided by

## Revisions

report-revisions-intro = The acts that revised the plan, with the changes each adopted.
report-revisions-none = No revision is recorded in the plan.
report-act = Act
report-change = Change
report-changes = Changes
report-act-notes = Remarks
report-revision-note = Note of the revision
report-in-year = Adopted in the year

## Method

report-method-intro = The scoring rules applied, as the plan defines them (its “scoring” section).
report-partial-threshold = Partial threshold
report-cap = Cap
report-floor = Floor

## Provenance

report-provenance-intro = To reproduce the figures: the SHA-256 digests of the files used, the state of the repository and the version of the tool.
report-file = File
report-sha256 = SHA-256
report-bytes = Bytes
report-actuals-files = Files of actual values
report-plan-file = File of the plan
report-git-commit = Git commit
report-git-state = State of the repository
report-git-clean = clean: the files are those of the commit
report-git-dirty = with changes not in the commit: the files may differ from the commit
report-git-none = the plan is not in a git repository
report-tool = Tool
report-reproduce = Command to reproduce the figures

## Tree and navigation

report-open-close = Open or close to see the detail
report-back-to-contents = Back to the contents
report-page = Page

## Sentences made from the results

# `42 of 44`: scored of expected.
report-coverage-of = { $scored } of { $expected }
# What a status means, for the key.
report-status-meaning = { $status ->
        [met] the target is met
        [partial] target not met, attainment at least { $threshold }
        [missed] target not met, attainment below { $threshold }
        [baseline] baseline year: the value is measured, not scored
        [removed] indicator removed by a revision of the plan
        [no-target] no target for the year
        [missing] actual value expected but not received (or n.d.)
        [not-measurable] a value is there, but something the target needs is missing
        [neutralised] left out of the scoring by a reasoned decision (neutralised), for causes outside the body's control
       *[not-applicable] not applicable in the year (n.a.): out of the score and of every denominator
    }

## The method in words, one sentence per rule

report-rule-formula = For each indicator, attainment compares the actual with the year's target: if higher is better, actual / target × 100; if lower is better, target / actual × 100; a target met is worth at least 100.
report-rule-cap = An indicator's attainment does not exceed { $cap } (the cap).
report-rule-floor = An attainment below { $floor } scores 0 (the floor).
report-rule-partial = An indicator whose target is not met is “partial” if its attainment is at least { $threshold }, “missed” otherwise.
report-rule-deadlines = { $days ->
        [0] Deadlines met score 100; deadlines missed score 0.
       *[other] Deadlines met score 100; when late, the score falls from 100 to 0 over { $days } days.
    }
report-rule-missing-data = { $mode ->
        [zero] Indicators without an actual (missing) or not measurable score 0 and keep their weight.
        [error] Every missing actual is an error: the plan requires every value.
       *[exclude] Indicators without an actual (missing) or not measurable are left out of the means, with their weight, and counted in the coverage.
    }
report-rule-unscored = Baseline years, removed indicators and indicators without a target are not scored.
report-rule-rollup = Operational objectives, programs, strategic objectives, missions and the body: the weighted mean of the scored items below them, with the weights shared among those. The body's figure is the weighted mean of the strategic objectives; each strategic objective's operational plan is shown beside it. Areas and services: the weighted mean of the operational indicators assigned to them (cross-cutting ones count for all).
report-rule-rounding = Computations are exact, in decimal arithmetic; the values shown are rounded to two decimals, half away from zero.

## The text alternatives of the charts

# The body's bar; `$value` is empty when the body has no attainment.
report-body-chart-alt = { $form ->
        [value] Overall attainment of the body: { $value }%, { $grade }. Partial threshold: { $threshold }; target: 100.
       *[none] Overall attainment of the body: not measurable, no indicator scored.
    }
# A bar chart: `$items` are the bars, separated by `; `.
report-bars-chart-alt = { $what }: { $items }. Partial threshold: { $threshold }; target: 100.
report-bar-item = { $form ->
        [value] { $id } { $value }% ({ $grade })
       *[none] { $id } { $grade }
    }
report-status-chart-alt = Indicators by status: { $items }.
report-status-chart-item = { $status } { $count }
report-trend-chart-alt = Trend of { $id }: { $items }.
# `$has_target`, `$has_actual`: `yes` or `no`.
report-trend-chart-item = { $year }: { $has_target ->
        [yes] target { $target }
       *[no] no target
    }, { $has_actual ->
        [yes] actual { $actual }
       *[no] not recorded
    }
# The words on the charts' thresholds.
report-mark-threshold = threshold { $value }
report-mark-target = target 100
report-mark-cap = cap { $value }
report-mark-floor = floor { $value }
