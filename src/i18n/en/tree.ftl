# The performance tree (`cruscotto tree`, `cruscotto show`) and the list of indicators
# (`cruscotto list`).

tree-header = { $body } · plan year { $year } · horizon { $first }–{ $last }

## How many nodes of a level, the removed ones in brackets: `14 strategic objectives (2 removed)`

# A count in the plan's own name of the level (`[levels]`), singular or plural as the count asks.
tree-count-named = { $count } { $word }{ $removed ->
        [0] {""}
       *[other] { " " }({ $removed } removed)
    }
tree-count-mission = { $count ->
        [one] { $count } mission
       *[other] { $count } missions
    }{ $removed ->
        [0] {""}
       *[other] { " " }({ $removed } removed)
    }
tree-count-strategic-objective = { $count ->
        [one] { $count } strategic objective
       *[other] { $count } strategic objectives
    }{ $removed ->
        [0] {""}
       *[other] { " " }({ $removed } removed)
    }
tree-count-strategic-indicator = { $count ->
        [one] { $count } strategic indicator
       *[other] { $count } strategic indicators
    }{ $removed ->
        [0] {""}
       *[other] { " " }({ $removed } removed)
    }
tree-count-program = { $count ->
        [one] { $count } program
       *[other] { $count } programs
    }{ $removed ->
        [0] {""}
       *[other] { " " }({ $removed } removed)
    }
tree-count-operational-objective = { $count ->
        [one] { $count } operational objective
       *[other] { $count } operational objectives
    }{ $removed ->
        [0] {""}
       *[other] { " " }({ $removed } removed)
    }
tree-count-operational-indicator = { $count ->
        [one] { $count } operational indicator
       *[other] { $count } operational indicators
    }{ $removed ->
        [0] {""}
       *[other] { " " }({ $removed } removed)
    }
tree-count-indicator = { $count ->
        [one] { $count } indicator
       *[other] { $count } indicators
    }

# A removed node; `$level` lets languages agree with it; `$year`: `none` when unknown.
tree-removed = [removed{ $level ->
        [mission] {""}
       *[other] {""}
    }{ $year ->
        [none] {""}
       *[other] { " " }{ $year }
    }]

## The plan at a date (`cruscotto show --as-of`)

as-of-heading = The plan as it stood on { $date }:
as-of-nothing = no revision was adopted after that date
# A revision adopted after the date and undone; `$change` says what it had done.
as-of-undone = { $id } { $change ->
        [inserted] inserted later: absent
        [removed] removed later: still active
        [restored] updated later: previous values restored
       *[updated] updated later, previous values not recorded: shown as it is now
    } ({ $when })
as-of-when-year = during { $year }
as-of-when-unknown = on an unknown date

## The comment at the top of a rolled-over plan (`cruscotto rollover`)

rollover-written = Next year's plan, written by `cruscotto rollover` from { $file }:
rollover-years = plan year { $old } → { $year }, horizon { $old_first }–{ $old_last } → { $first }–{ $last }.
rollover-targets = Every target is written under its year (the shorthand `target =` follows `year`, and would move).
rollover-history = Revisions, removed nodes, overrides and accepted findings are kept as history; the comments of the source are not carried over (its text and git history keep them).
rollover-adoption = Not carried over: `adopted-by` ({ $act }): record the act that adopts this plan.

## The columns of the list of indicators (`list --format table`)

list-column-id = id
list-column-level = level
list-column-mission = mission
list-column-strategic-objective = strategic_objective
list-column-program = program
list-column-operational-objective = operational_objective
list-column-name = name
list-column-unit = unit
list-column-unit-short = unit
list-column-polarity = polarity
list-column-weight = weight
list-column-area = area
list-column-services = services
list-column-cross-cutting = cross_cutting
list-column-status = status
list-column-measures = measures
list-column-type = type
list-column-source = source
list-column-code = code
list-column-responsible = responsible
list-column-resources = resources
list-column-links = links
