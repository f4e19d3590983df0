# The words of statuses, levels and changes: shared by every output for people (tables,
# Markdown, workbooks, templates, the report).

## An indicator's status for the year

status-met = met
status-partial = partial
status-missed = missed
status-baseline = baseline
status-removed = removed
status-no-target = no-target
status-missing = missing
status-not-measurable = not-measurable
status-neutralised = neutralised
status-not-applicable = not-applicable

# How many indicators have a status: `106 met`.
status-count = { $status ->
        [met] { $count } met
        [partial] { $count } partial
        [missed] { $count } missed
        [baseline] { $count } baseline
        [removed] { $count } removed
        [no-target] { $count } no-target
        [missing] { $count } missing
        [not-measurable] { $count } not-measurable
        [neutralised] { $count } neutralised
       *[not-applicable] { $count } not-applicable
    }

## Levels of the performance tree

level-mission = mission
level-strategic-objective = strategic objective
level-program = program
level-operational-objective = operational objective
level-indicator = indicator

# The rows of rolled-up results: the body, the nodes of the tree, areas and services.
row-level-body = body
row-level-mission = mission
row-level-strategic = strategic
row-level-program = program
row-level-operational = operational
row-level-perspective = perspective
row-level-area = area
row-level-service = service
# The row of one condition of a target of several.
row-level-part = part

# Strategic dashboard or operational plan.
indicator-level-strategic = strategic
indicator-level-operational = operational

## The kinds of indicator, as the guidelines classify them

indicator-type-effectiveness = effectiveness
indicator-type-efficiency = efficiency
indicator-type-quality = quality
indicator-type-impact = impact
indicator-type-public-value = public value
indicator-type-resource-health = health of resources
indicator-type-output = output
indicator-type-financial = financial

## A band of an evaluation range: `$score` is `none` when the band gives no score of its own.

band = from { $from } { $label }{ $score ->
        [none] {""}
       *[other] { " " }(scores { $score })
    }

## A node's status and the changes of revisions

node-status-active = active
node-status-removed = removed
change-inserted = inserted
change-updated = updated
change-removed = removed

## Outcomes set by an act

outcome-neutralised = neutralised
outcome-reassessed = reassessed

## Polarity and other words

polarity-increase = increase
polarity-decrease = decrease
# The direction of an actual known only by a bound (`oltre 220`).
bound-at-least = at least
bound-more-than = more than
bound-at-most = at most
bound-less-than = less than
bound-equal = exactly
word-yes = yes
word-no = no
# An indicator that involves every service.
word-cross-cutting = cross-cutting

## Languages of the plan

lang-it = Italian
lang-en = English

## An act as cited: `Giunta n. 97 del 26/07/2018`, the Italian citation the acts carry, with `?`
## for a missing number or date.

act = { $form ->
        [full] { $body } n. { $number } del { $date }
        [dated] { $body } del { $date }
        [no-number] { $body } n. ? del { $date }
        [no-date] { $body } n. { $number } del ?
       *[none] { $body } n. ? del ?
    }
# The body of an act that names none.
act-body-unknown = act

## Tables

# Under a table too wide for the terminal (or `--width`), naming the columns left out.
table-columns-hidden = { $count ->
        [one] column not shown at this width
       *[other] columns not shown at this width
    }: { $columns } (a larger --width, or --columns, shows { $count ->
        [one] it
       *[other] them
    })
