# Plans of other shapes: levels, body score, perspectives, parts, changes, bands, fields, actuals.

## Numbers

shapes-ambiguous-number-help = write `{ $digits }` (or `{ $text },0`) for { $digits }, `{ $decimal }` for the decimal number; a count (`unit = "count"`) reads `{ $text }` as { $digits }

## The tree: parents, levels, weights, fields

shapes-two-parents = `{ $table }` names one parent: `{ $first }` and `{ $second }` are both given
shapes-two-parents-help = keep the key of the level the node hangs from, and remove the other
shapes-missing-parent-help = the node hangs from a node of a level above its own: { $keys }; a node without one is a root only in a plan that has no level above it
shapes-parent-key-help = a level the body skips is named by its own key: `{ $key } = "{ $id }"`
shapes-weight-year-help = weights by year are keyed by year: `weight = {"{"} 2024 = 2, 2025 = 3 {"}"}`
shapes-resources-year-help = resources are keyed by year: `resources = {"{"} 2024 = "1.200.000" {"}"}`
shapes-year-outside-horizon = `{ $key }` is given for { $year }, outside the horizon { $first }–{ $last }
shapes-negative-amount = `{ $key }`: the amount { $amount } is negative
shapes-responsible-empty = `responsible` names neither an office nor a person
shapes-responsible-empty-help = write `responsible = {"{"} office = "...", person = "..." {"}"}`, with at least one of the two
shapes-zero-weights = { $children ->
    [indicators] { $count ->
        [one] the only indicator of `{ $id }` weighs 0 { $when }, so `{ $id }` is not scored
       *[other] the { $count } indicators of `{ $id }` all weigh 0 { $when }, so `{ $id }` is not scored
    }
   *[other] { $count ->
        [one] the only objective or program under `{ $id }` weighs 0 { $when }, so `{ $id }` is not scored
       *[other] the { $count } objectives or programs under `{ $id }` all weigh 0 { $when }, so `{ $id }` is not scored
    }
}
shapes-zero-weights-always = in every year
shapes-zero-weights-years = in { $years }
shapes-zero-weights-help = give one of them a weight above 0; if the plan means it, accept the finding with its reason (`accept = [{"{"} code = "zero-weights", reason = "..." {"}"}]`)

## Scoring rules

shapes-bands-and-threshold = `partial-threshold` and `bands` cannot both be given
shapes-bands-and-threshold-help = the bands say where each status starts: remove `partial-threshold`
shapes-band-first = the first band starts at { $from }: bands start at 0
shapes-band-order = a band starts at { $from }, not above the band before it (from { $previous })
shapes-band-above = a band starts at { $from }: bands start at 100 at most
shapes-band-score = a band's score { $score } is not between 0 and the cap { $cap }
shapes-band-count = an evaluation range has at least two bands
shapes-band-help = write the bands lowest first, each with its lower bound: `bands = [{"{"} from = 0, label = "non raggiunto" {"}"}, {"{"} from = 70, label = "parzialmente raggiunto" {"}"}, {"{"} from = 90, label = "raggiunto" {"}"}]`

## Targets

shapes-target-key-help = targets are keyed by year or by period within a year: `targets = {"{"} "2024-S1" = "≥ 40%", 2024 = "≥ 90%" {"}"}`
shapes-parts-empty = a target of several conditions has none
shapes-parts-help = write the conditions in an array, `["≥ 80%", "≤ 30 gg"]`, or remove the year
shapes-measure-twice = the measure `{ $id }` is declared twice
shapes-unknown-measure = `{ $measure }` is not a measure of `{ $id }`
shapes-unknown-measure-help = the measures of the indicator are { $declared }
shapes-unknown-measure-help-none = declare it: `measures = [{"{"} id = "{ $measure }", name = "...", unit = "count" {"}"}]`
shapes-level-on-measure = a level target is on the indicator's own value (its `scale`), not on the measure `{ $measure }` of `{ $id }`
shapes-no-base = `{ $target }` is measured from the base, but `{ $id }` records none
shapes-no-base-help = record it: `base = {"{"} year = 2023, value = "1.200" {"}"}`
shapes-base-outside-horizon = the { $period } target `{ $target }` of `{ $id }` is measured from { $year }, outside the horizon { $first }–{ $last }, and no base of { $year } is recorded
shapes-base-outside-horizon-help = record the value of { $year }: `base = {"{"} year = { $year }, value = "..." {"}"}`

## Actual values

shapes-missing-evidence = { $id } { $period } is judged `{ $value }` without the evidence the judgment rests on ({ $result })
shapes-missing-evidence-help = a qualitative result is judged on its evidence: say in `note` what shows it (an act, a document, a publication)
shapes-unknown-measure-row = `{ $id }` has no measure `{ $measure }`
shapes-unknown-measure-row-help-none = `{ $id }` declares no measures: its value is given on the row `{ $id }`

## Statuses and labels

shapes-status-not-applicable = not applicable
shapes-status-not-applicable-meaning = not applicable in the year (n.a.): out of the score and of every denominator
shapes-reason-bound = only a bound is known ({ $bound }): scored at the bound, the least favourable value it allows
shapes-note-definition = measured with another definition: { $definition }
shapes-column-band = band
shapes-body-coverage = { $scored } of { $expected } expected { $rule ->
    [operational-objectives] indicators of the operational objectives
   *[indicators] indicators
} scored

## Rules, as `score --explain` lists them

shapes-rule-body = body: the weighted mean of the { $rule ->
    [operational-objectives] operational objectives, their weights read across the plan
    [indicators] indicators, their weights read across the plan
   *[other] strategic objectives
}
shapes-rule-parts = several conditions in one year: met when all are met; attainment the { $rule ->
    [minimum] lowest of the conditions'
   *[mean] mean of the conditions'
}
shapes-rule-group-weights = areas and services: each indicator weighs { $rule ->
    [share] its share of its objective
   *[other] its weight as written
}
shapes-rule-bands = bands (lower bound, label, score): { $bands }; the band of the attainment gives the status, the highest met, the lowest missed
shapes-rule-band = from { $from } { $label }
shapes-rule-band-scored = from { $from } { $label } (scores { $score })

## The report (its deliverable words are Italian; English for the catalogue's tests)

shapes-report-perspectives = Perspectives
shapes-report-body-note = Weighted mean of the { $rule ->
    [operational-objectives] operational objectives
   *[other] indicators
}
shapes-report-code = Code of the body
shapes-report-type = Type of indicator
shapes-report-data-source = Data source
shapes-report-responsible = Responsible
shapes-report-definition = Measured with another definition
shapes-report-parts = Conditions
shapes-report-measure = Measure
