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

## `import`: the comments written into the plan it makes (how it read the source), in the
## plan's language.

import-comment-imported = Imported by `cruscotto import` from { $file } ({ $what }).
import-comment-text = { $delimiter ->
        [tab] tab-separated
        [semicolon] semicolon-separated
       *[comma] comma-separated
    } text
import-comment-workbook = { $format } workbook, { $sheets ->
        [one] { $sheets } sheet
       *[other] { $sheets } sheets
    }
import-comment-lines = lines { $first }-{ $last }
import-comment-rows = rows { $first }-{ $last }
import-comment-sheet-rows = sheet "{ $sheet }", rows { $first }-{ $last }
import-comment-from-to = { $first } to { $last }
import-comment-dashboard = the strategic dashboard ({ $rows })
import-comment-operational = the operational table ({ $rows })
import-comment-read = Read: { $parts }.
import-comment-read-both = Read: { $dashboard } and { $operational }.
import-comment-inferred = Inferred (check these):
import-comment-headers = Each node's header names the row it comes from. Comments above a node say how the import read rows it had to interpret; the warnings it printed say the same, with the row and column.
import-comment-mission = Mission { $id }
import-comment-registries = Registries
import-comment-scoring = The source states no scoring rule: these are the tool's defaults, written out to be set.
import-comment-scale = The source uses the levels of this scale in its targets (`≥ a medio`) but does not define it.
import-inferred-year-option = year { $year }: given with --year
import-inferred-year = year { $year }: { $how }
import-year-heading = the heading "{ $text }"
import-year-deadlines = the year of { $count } of the { $total } deadlines of the operational targets
import-year-act = the year of the adopting act
import-inferred-body-option = body: given with --body
import-inferred-body = body: { $place }
import-inferred-horizon = horizon { $first }-{ $last }: { $how }
import-horizon-columns = the dashboard's year columns
import-horizon-columns-relative = the dashboard's year columns, the plan year and the years relative targets refer to
import-horizon-year = the plan year
import-horizon-year-relative = the plan year and the years relative targets refer to
import-inferred-adopted-by = adopted-by: { $place }, "{ $text }"
import-inferred-title-option = title: given with --title
import-inferred-title = title: { $place }
import-inferred-title-made = title: made from the parts found; the source gives none
import-comment-repeated-objective = { $place } repeats this objective's text instead of leaving the cell blank: read as the same objective.
import-comment-shifted = { $place } is shifted in the source: { $shift }. Realigned.
import-comment-markup = The cells from { $place } on carry HTML tags (an export artefact): dropped.
import-comment-no-program = The source gives no program for the operational objectives below: this one stands for it.
import-comment-no-operational = The source gives no operational objective for the indicators below: this one is named after its program.
import-comment-two-indicators = { $place } holds two indicators in one row: { $source }. Read as two: { $how }.
import-comment-pair-source = indicator "{ $name }", target "{ $target }"
import-comment-pair-services = , services "{ $text }"
import-comment-pair-area = , area "{ $text }"
import-comment-pair-split = split into this indicator and the next
import-comment-pair-not-split = the indicator's text could not be split where the second indicator starts, so both carry all of it: split it by hand
import-comment-second-indicator = The second indicator of { $place } (see the one above).
import-comment-standalone-revision = The revision note on { $place } stands alone on its row; it is attached to the objective above it.
import-comment-no-mission = The source names no mission for the objectives below.
import-note-from = { $place }: { $text }
import-note-target = The target is written "{ $text }" ({ $place }).
import-note-year-target = The { $year } target is written "{ $text }" ({ $place }).
import-note-mission-variant = The operational table ({ $place }) writes "{ $code }_{ $name }"; the dashboard's name is kept.
import-note-objective-variant = The operational table ({ $place }) writes "{ $number }. { $name }"; the dashboard's name is kept.
import-note-no-indicator = { $place }: { $described } (no indicator on the row).
import-note-spellings = Also written { $spellings } in the source.
import-note-spelling = "{ $text }" ({ $rows ->
        [one] { $rows } row
       *[other] { $rows } rows
    })
import-note-cell = { $place }: "{ $text }"
import-name-unnamed-indicator = (unnamed indicator, { $place })
import-note-area-code-only = The source gives only the code.
import-note-area-unknown = The source pairs no area with some services: see the services in this area.
