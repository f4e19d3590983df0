# The year's results: why indicators are unscored, the tables of `score` (text and Markdown),
# the scoring rules, the overrides of outcomes. The reasons' English is also the `reason` of
# `score --format json` and `csv`: keep it as it is.

## Why an indicator is unscored, or what it was compared with

# `$whose`: `own` when the indicator itself is removed, else the removed ancestor's level;
# `$year`, `$act`: `none` when missing.
reason-removed = { $whose ->
        [own] removed
        [mission] { level-mission } `{ $id }` removed
       *[other] { $level } `{ $id }` removed
    }{ $year ->
        [none] {""}
       *[other] { " " }in { $year }
    }{ $act ->
        [none] {""}
       *[other] { " " }by { $act }
    }
reason-no-target = no target for { $year }
reason-baseline = baseline year: measured, not scored
reason-no-actual = no actual value
reason-not-available = not available (n.d.)
# `$needed`: what the target needs.
reason-wrong-kind = { $needed ->
        [number] a number
        [date] a completion date
        [level] a level
        [yes-no] `sì` or `no`
       *[judgment] a judgment (`sì`/`no` or a level)
    } is needed for the target `{ $target }`, found `{ $found }`
reason-previous-missing = the { $year } actual needed by `{ $target }` is missing
reason-previous-not-a-number = the { $year } actual `{ $found }` is not a number
reason-no-benchmark = no benchmark given for { $year }
reason-benchmark-out-of-range = the benchmark with the tolerance is out of range
reason-no-scale = the indicator has no scale
reason-not-a-level = `{ $level }` is not a level of scale `{ $scale }`
reason-compared-with-actual = compared with the { $year } actual
reason-compared-with-benchmark = compared with the benchmark
reason-benchmark-tolerance = benchmark { $benchmark } with the tolerance
reason-late = { $days ->
        [one] { $days } day late
       *[other] { $days } days late
    }
reason-done-without-date = done; no completion date given
reason-not-done = not done
reason-not-applicable = not applicable (n.a.)
# A condition of a target of several: `$measure` is `none` for the indicator's own value.
reason-part = { $measure ->
        [none] {""}
       *[other] { $measure }:{ " " }
    }{ $target }: { $reason }
# `$then`: what the bound was compared with, `none` when nothing.
reason-bound = only a bound is known ({ $bound }): scored at the bound, the least favourable value it allows{ $then ->
        [none] {""}
       *[other] ; { $then }
    }
reason-bound-on-better-side = the actual is only known as `{ $comparator } { $value }`: a bound on the better side cannot be scored
reason-no-base = no base is recorded
reason-base-missing = the { $year } value the change is measured from is missing
reason-base-not-a-number = the { $year } value `{ $found }` is not a number
reason-change-out-of-range = the base with the change is out of range
reason-base = base { $year }: { $value }

## The heading of the results

# `$attainment`: the body's attainment, already written (`99.14%`, or `—`).
# `$coverage`: the body's coverage, `score-coverage`.
score-heading = { $body } · attainment { $year }: { $attainment } ({ $coverage })
# `$rule`: what the body's score is the mean of (`[scoring] body`).
score-coverage = { $scored } of { $expected } expected { $rule ->
        [operational-objectives] indicators of the operational objectives
        [indicators] indicators
       *[strategic-objectives] strategic indicators
    } scored
score-statuses = indicators: { $counts }
score-markdown-title = { $title } — results { $year }
score-markdown-body = **{ $body }**: attainment { $attainment } ({ $coverage }).
score-rules-heading = Scoring rules:

## The columns of the result tables

column-level = level
column-id = id
column-name = name
column-indicator = indicator
column-attainment-percent = attainment %
# The abbreviation of the header above, in a table too narrow for it.
column-attainment-percent-short = att. %
column-coverage = coverage
column-operational-percent = operational %
column-operational-percent-short = op. plan %
column-target = target
column-actual = actual
column-status = status
column-weight = weight
column-note = note
column-band = band

## The scoring rules, one line each (`score --explain`, Markdown, the `Rules` sheet)

rule-cap = cap: { $cap } (highest attainment of an indicator)
rule-floor = floor: { $floor } (attainment below it scores 0)
rule-partial-threshold = partial threshold: { $threshold } (not met at or above it: partial; below: missed)
rule-missing-data = { $mode ->
        [zero] missing data: zero (scored 0, weight kept)
        [error] missing data: error (an error)
       *[exclude] missing data: exclude (left out of roll-ups and counted in the coverage)
    }
rule-deadlines = { $days ->
        [0] deadlines: late scores 0
       *[other] deadlines: late falls from 100 to 0 over { $days } days
    }
rule-numbers = numbers: higher is better → actual / target × 100; lower is better → target / actual × 100; met → 100 (up to the cap)
rule-rollup = roll-up: weighted mean of the scored children, weights renormalised over them
rule-rounding = rounding: 2 decimals, half away from zero (shown values only)
# The rules a plan of another shape chooses, listed only where it does not keep the default.
rule-body = body: the weighted mean of the { $rule ->
        [operational-objectives] operational objectives, their weights read across the plan
        [indicators] indicators, their weights read across the plan
       *[other] strategic objectives
    }
rule-parts = several conditions in one year: met when all are met; attainment the { $rule ->
        [minimum] lowest of the conditions'
       *[mean] mean of the conditions'
    }
rule-group-weights = areas and services: each indicator weighs { $rule ->
        [share] its share of its objective
       *[other] its weight as written
    }
rule-bands = bands: { $bands }; the band of the attainment gives the status, the highest met, the lowest missed
# A value measured with another definition than the plan's (the `definition` column).
note-definition = measured with another definition: { $definition }

## Overrides of outcomes

overrides-heading = Overrides of outcomes, { $year } (results marked *, or neutralised):
# A decision: `$outcome` is `neutralised` or `reassessed`; `$attainment` the attainment decided.
decision = { $outcome ->
        [neutralised] neutralised
       *[reassessed] reassessed at { $attainment }
    } by { $decided_by } ({ $act }): { $reason }
# What the computation gave before the decision; `$form` says what there is.
computed-outcome = { $form ->
        [both] { $attainment }, { $status }
        [status] { $status }
        [attainment] { $attainment }
       *[none] —
    }
override-note = { $decision }; computed: { $computed }
