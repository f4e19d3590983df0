# Diagnostics: one message per case, and its help line (`-help`), grouped by code. Shared words
# (the level of a node, a TOML type, what a key holds) come first.

## Shared

did-you-mean = did you mean `{ $suggestion }`?
level-name = { $level ->
    [mission] mission
    [strategic-objective] strategic objective
    [program] program
    [operational-objective] operational objective
   *[indicator] indicator
}
toml-type = { $kind ->
    [string] string
    [integer] integer
    [float] float
    [boolean] boolean
    [datetime] datetime
    [array] array
   *[table] table
}
key-meaning = `{ $key }`: { $meaning }
explain-lists-codes = `cruscotto explain` lists the codes
omitted = … and { $count } more `{ $code }`, not shown
omitted-in-file = … and { $count } more `{ $code }` in { $file }, not shown
omitted-on-line = … and { $count } more `{ $code }` on line { $line } of { $file }, not shown
accepted-ignored = ignored with `--ignore { $code }` on the command line
accepted-reason = { $reason }

## What a value of each kind of key should be (`wrong-type`)

expected-string = a string
expected-boolean = `true` or `false`
expected-year = a year (an integer such as 2019)
expected-count = a whole number
expected-date = a date such as 2019-07-25
expected-decimal = a number (an integer, `1.45`, or a string such as "1,45")
expected-id = an id (a string)
expected-id-or-ids = an id or an array of ids
expected-years = a year or an array of years
expected-year-pair = an array of two years, such as [2016, 2020]
expected-enum = one of the accepted strings
expected-strings = an array of strings
expected-string-or-integer = a string or an integer
expected-targets = a table of targets by year, such as { "{" } 2019 = "≥ 90%" { "}" }
expected-target = a target: a string such as "≥ 90%", a number, or an array of conditions
expected-weight = a weight (a number), or a table of weights by year such as { "{" } 2024 = 2, 2025 = 3 { "}" }
expected-amounts = a table of amounts by year, such as { "{" } 2024 = "1.200.000" { "}" }
expected-code = a diagnostic code, a string such as "incomplete-act"
expected-table = a table
expected-array-of-tables = an array of tables

## What a required key holds (the help of `missing-key` and of an empty `reason`)

field-accept-code = the code of the warning accepted, e.g. "incomplete-act"
field-accept-reason = why the finding stays: what the reader of the plan must know
field-override-node = the indicator, objective or program whose outcome is set
field-override-year = the year of the outcome
field-override-outcome = neutralised (left out of every roll-up) or reassessed (given the `attainment` below)
field-level-name = the name, e.g. "obiettivo specifico"
field-band-from = the lowest attainment of the band; the first band's is 0
field-band-label = the band's label, e.g. "parzialmente raggiunto"
field-base-year = the year of the base
field-base-value = the value measured in that year
field-measure-id = its id within the indicator, e.g. "riusi"
field-measure-name = what it counts
field-measure-unit = its unit
field-link-kind = piao, anticorruption, pnrr, budget, plan or other
field-link-ref = the reference in that document, e.g. "M1C1-123"
field-override-reason = why the computed outcome does not stand
field-override-decided-by = who decided, e.g. "OIV" or "Giunta"
field-override-act = the act that records the decision, with its number and date
field-revision-change = what the act did to the node: inserted, updated or removed
field-plan-body = the public body
field-plan-title = the document's title
field-plan-year = the plan year: the operational plan's year and the default year of `score`
field-plan-horizon = first and last year for which targets may be given; must contain `year`
field-area-id = the area's code, e.g. "II"
field-service-name = the service's name as the body writes it
field-service-area = the area the service belongs to
field-perspective-name = its name
field-scale-levels = at least two distinct levels, lowest first
field-node-id = the node's stable id, unique across the plan
field-node-name = the node's text as the body wrote it
field-indicator-objective = the strategic or operational objective the indicator measures
field-root-plan = the plan's metadata
field-registry-id = a short code

## The descriptions of the codes (`cruscotto explain`)

code-invalid-encoding = The file is not UTF-8 text.
code-toml-syntax = The file is not valid TOML.
code-unknown-key = A key the format does not define.
code-wrong-type = A value of the wrong TOML type (a string where a number is expected, ...).
code-missing-key = A required key is missing.
code-invalid-value = A value of the right type but not an accepted one (an unknown polarity, a bad horizon...).
code-invalid-id = An id with characters other than letters, digits, `.`, `_` and `-`.
code-duplicate-id = Two entries share an id.
code-unknown-parent = A node names a parent that does not exist or is of the wrong level.
code-undeclared-area = A reference to an area that is not declared.
code-undeclared-service = A reference to a service that is not declared.
code-undeclared-perspective = A reference to a perspective that is not declared.
code-undeclared-scale = A reference to a scale that is not declared.
code-invalid-target = A target that is not in the target notation.
code-target-outside-horizon = A target (or the year a relative target refers to) outside the plan's horizon.
code-negative-weight = A weight below zero.
code-baseline-with-target = A year that is both a baseline year and a year with a target.
code-removed-without-revision = A node with `status = "removed"` but no revision that removes it.
code-removal-not-marked = A revision removes a node that is still marked active.
code-inconsistent-unit = An indicator's targets do not share one unit (or disagree with its `unit`).
code-polarity-conflict = A target's comparator points the other way from the indicator's polarity.
code-bare-target-without-polarity = A bare-number target on an indicator without an explicit polarity.
code-deadline-outside-year = A deadline target dated outside the year it is the target of.
code-target-after-removal = A removed indicator still has targets for years after its removal.
code-incomplete-act = A revision's act has no number or no date.
code-conflicting-act-numbers = One act date is cited with two different act numbers.
code-duplicate-indicator = The same indicator text under two objectives.
code-empty-program = A program with no operational objective.
code-objective-without-indicators = A strategic or operational objective with no indicator.
code-area-mismatch = An indicator's `area` differs from the areas of its services.
code-removal-before-insertion = A revision removes a node on a date before the revision that inserted it.
code-act-after-plan-year = An act dated after the plan year (a revision of the 2019 plan adopted in 2021?).
code-invalid-override = An override of an outcome that cannot apply: an unknown node, a year outside the horizon, a reassessment without an attainment, two overrides of one node and year.
code-unused-acceptance = An accepted finding that the plan no longer has: the acceptance can go.
code-zero-weights = Every child of a node weighs 0 in a year: the node has no score that year.
code-hidden-character = A text holds a character that cannot be seen or that reorders the text around it.
code-invalid-csv = The actuals file is not a table that can be read: a column given twice, a row with more fields than the header, a quote never closed.
code-missing-column = The actuals file lacks a required column.
code-unknown-indicator = A row names an indicator the plan does not have.
code-year-outside-horizon = A row's year is outside the plan's horizon.
code-invalid-actual = A value that cannot be read, or does not fit the indicator's unit.
code-zero-denominator = A value given as numerator / denominator with a zero denominator.
code-duplicate-actual = The same indicator and year on two rows.
code-missing-actual = An expected actual value is missing (with `missing-data = "error"`, or `score --strict`).
code-unexplained-deviation = A missed or partial indicator without a note explaining the deviation (`score --strict`).
code-unknown-column = A column `score` does not read; its content is ignored.
code-actual-looks-like-fraction = A percentage written as a fraction (`0,95` where `95` is meant).
code-missing-evidence = A qualitative result judged without the evidence note the judgment rests on.
code-unreadable-workbook = The file cannot be read as a workbook or a text table: corrupt, password-protected or binary.
code-import-no-layout = No sheet of the file holds a layout the import recognises.
code-import-missing-metadata = The source does not give the body or the plan year, and no option does.
code-import-unplaced-content = Content the import could not place in the tree: kept as a note on the nearest node.
code-import-shifted-row = A row whose cells sit in the wrong columns: realigned.
code-import-merged-indicators = One row holding two indicators: split in two, or kept whole on both.
code-import-name-variant = A mission, objective, service or area written two ways: one spelling is kept.

## toml-syntax

toml-syntax = invalid TOML: { $reason }

## unknown-key

unknown-key = unknown key `{ $key }` in { $table }
unknown-key-top = unknown key `{ $key }` in the plan file
unknown-key-help = accepted keys: { $keys }

## wrong-type

wrong-type = `{ $key }` must be { $expected }, found { $found }
wrong-type-help-header = write the header as { $table }
wrong-type-help-quote = quote the value: "..."
wrong-type-help-date = write dates unquoted, as 2019-07-25
wrong-type-help-table = write it as a table: { $table }
wrong-type-table = { $table } must be a table, found { $found }
wrong-type-each-table = each `{ $key }` must be a table, found { $found }
wrong-type-ids = `{ $key }` must hold ids (strings), found { $found }
wrong-type-years = `{ $key }` must hold years, found { $found }
wrong-type-levels = levels must be strings, found { $found }
wrong-type-target = a target must be a string, a number or an array of conditions, found { $found }
wrong-type-condition = a condition must be a string or a number, found { $found }

## missing-key

missing-key = missing key `{ $key }`
missing-key-in = missing key `{ $key }` in { $table }

## invalid-value

integer-too-large = `{ $value }` is too large
not-a-year = `{ $text }` is not a year
negative-count = `{ $key }` must be 0 or more, found { $value }
date-out-of-range = `{ $key }`: { $value } is not a date from year 1 to 9999
date-out-of-range-help = write the date of the act, as 2019-07-25
date-with-time = `{ $key }` must be a date without a time, found { $value }
date-with-time-help = write it as 2019-07-25
invalid-number = `{ $key }`: { $reason }
invalid-choice = `{ $value }` is not an accepted `{ $key }`
invalid-choice-help-english = values are in English: `{ $value }` is `{ $english }`
invalid-choice-help = accepted values: { $values }
plan-year-outside-horizon = the plan year { $year } is outside the horizon { $first }–{ $last }
invalid-horizon = `horizon` must be [first year, last year]
invalid-horizon-help = for example `horizon = [2019, 2021]`, with the first year not after the last
scoring-cap-too-low = `cap` must be at least 100 (100 means no over-achievement), found { $value }
scoring-share-out-of-range = `{ $key }` must be between 0 and 100, found { $value }
empty-text = `{ $key }` is empty
accepted-twice = `{ $code }` is accepted twice here
accepted-twice-help = one acceptance per code and table: give one reason for all its findings
not-a-code = `{ $name }` is not a diagnostic code
accepted-error = `{ $code }` is an error, and errors cannot be accepted
accepted-error-help = fix it: a plan with an error cannot be read as its authors meant
accepted-unused-acceptance = `unused-acceptance` cannot be accepted
accepted-unused-acceptance-help = remove the acceptance that no finding uses
accepted-other-file = `{ $code }` is not a finding about the plan
accepted-other-file-help = findings about other files are accepted on the command line: `--ignore { $code }`
scale-level-repeated = level `{ $level }` is empty or repeated
scale-too-few-levels = a scale needs at least two levels, lowest first
previous-not-an-update = `previous` values belong to an update, not to a `{ $change }` revision
previous-not-an-update-help = an inserted node had no previous values; a removed one keeps its values in the file
previous-wrong-key = `previous` cannot record `{ $key }` for a node of level { $level }
previous-empty = `previous` records nothing
previous-empty-help = list the fields the update changed with their values before it, or remove `previous`
target-and-targets = `target` and `targets` cannot both be given
target-and-targets-help = move this target into `targets` under its year
target-year-help = targets are keyed by year: `targets = { "{" } 2019 = "≥ 90%" { "}" }`

## invalid-id

invalid-id = `{ $id }` is not a valid id
invalid-id-help = ids use ASCII letters (A-Z, a-z), digits, `.`, `_` and `-`, start with a letter or digit, and are at most 64 characters

## invalid-target

invalid-target = invalid target: { $reason }
target-empty-help = remove the year, or write its target

## negative-weight

negative-weight = weight { $value } is negative
negative-weight-help = weights are relative shares: use 0 to leave a node out of roll-ups

## act-after-plan-year

act-after-plan-year-adoption = the plan of { $year } is adopted by an act of { $date }, after its year
act-after-plan-year-adoption-help = check `year` and `adopted-by`

## invalid-override

reassessment-without-attainment = a reassessment without its `attainment`
reassessment-without-attainment-help = give the attainment decided, e.g. `attainment = 100`
neutralised-with-attainment = a neutralised outcome has no `attainment`: it is left out of the roll-ups
neutralised-with-attainment-help = remove `attainment`, or write `outcome = "reassessed"`
negative-attainment = the attainment { $value } is negative
# A level by the plan's own name of it (`[levels]`).
level-named = { $name }
level-name-with-article = { $level ->
    [mission] a mission
    [strategic-objective] a strategic objective
    [program] a program
    [operational-objective] an operational objective
   *[indicator] an indicator
}

## invalid-encoding

invalid-encoding = the file is not UTF-8: byte { $byte } at offset { $offset }
invalid-encoding-help = save the plan with the UTF-8 encoding (editors offer it in "Save as" or in the status bar)
invalid-encoding-utf16 = the file is UTF-16 (by its byte order mark) but not valid UTF-16
invalid-encoding-utf16-without-bom = the file is UTF-16 text without a byte order mark, not UTF-8
invalid-encoding-binary = the file is binary, not a text plan
invalid-encoding-binary-help = a plan is a UTF-8 TOML text file

## duplicate-id

duplicate-id = id `{ $id }` is already used by the { $level } at line { $line }
duplicate-id-help = ids join actual values and plan versions: give every node its own
duplicate-id-registry = { $what } `{ $id }` is declared twice (first at line { $line })

## unknown-parent

unknown-parent = { $level } `{ $id }` belongs to `{ $parent }`, which is not in the plan
unknown-parent-help = correct the id, or add the { $expected } `{ $parent }` to the plan
parent-of-wrong-level = the parent of { $level } `{ $id }` must be { $expected }, but `{ $parent }` is { $found }
previous-parent-unknown = the previous parent `{ $parent }` of `{ $id }` is not a node of the right level in the plan
previous-parent-unknown-help = a node that was moved keeps its old parent in the file (removed, if need be)

## undeclared-area, undeclared-service, undeclared-perspective, undeclared-scale

undeclared = { $what } `{ $id }` is not declared
undeclared-help-none = no { $what } is declared: add a [[{ $what }]] table
undeclared-help-many = { $count } { $what } ids are declared: `cruscotto list` shows them
undeclared-help-list = declared: { $ids }
previous-undeclared = the previous { $what } `{ $id }` of `{ $node }` is not declared

## invalid-target (the checks against the plan's scales)

target-not-a-level = `{ $level }` is not a level of scale `{ $scale }`
target-not-a-level-help = the levels of `{ $scale }` are: { $levels }
target-neither-notation-nor-level = invalid target: `{ $target }` is neither a target notation nor a declared level
target-declare-scale-help = declare the levels in a [[scale]] table; { $forms }
target-level-of-several-scales = level `{ $level }` belongs to several scales
target-level-of-several-scales-help = set `scale` on the indicator

## target-outside-horizon

target-outside-horizon = `{ $id }` has a target for { $year }, outside the horizon { $first }–{ $last }
target-outside-horizon-help = widen `horizon` in [plan], or remove the target
target-reference-outside-horizon = the { $year } target `{ $target }` of `{ $id }` refers to { $reference }, outside the horizon { $first }–{ $last }
target-reference-outside-horizon-help = the actual of the reference year must be supplied: widen `horizon` to include it

## baseline-with-target

baseline-with-target = { $year } is a baseline year of `{ $id }` but also has the target `{ $target }`
baseline-with-target-help = a baseline year is only measured: remove the year from `baseline` or remove its target

## removed-without-revision

removed-without-revision = { $level } `{ $id }` is marked removed but no revision removes it
removed-without-revision-help = add a revision with `change = "removed"` and the act that removed it, or remove `status`

## removal-not-marked

removal-not-marked = a revision removes { $level } `{ $id }`, which is not marked removed
removal-not-marked-help = add `status = "removed"` to the node

## inconsistent-unit

inconsistent-unit = the { $year } target `{ $target }` of `{ $id }` is { $kind }, but { $reason }
inconsistent-unit-help = write every year's target in the same unit, or set `unit` to the one meant
inconsistent-unit-help-percent = if a percentage was meant, write `{ $target }%`; otherwise set the right `unit`
unit-declared = its unit is `{ $unit }`
unit-implied = its { $year } target `{ $target }` is { $kind }
unit-kind-percent = a percentage
unit-kind-days = a number of days
unit-kind-euro = an amount in euro
unit-kind-date = a date
unit-kind-level = a level
unit-kind-yes-no = a yes/no
unit-kind-number = a plain number

## polarity-conflict

polarity-conflict-declared = the { $year } target `{ $target }` of `{ $id }` points the other way: the indicator's polarity is `{ $polarity }`
polarity-conflict-inferred = the { $year } target `{ $target }` of `{ $id }` points the other way: its other targets say `{ $polarity }`
polarity-conflict-help = check the comparator, or set `polarity` to the direction that is better

## bare-target-without-polarity

bare-target-without-polarity = `{ $id }` has the bare target `{ $target }` for { $year }{ $others ->
        [0] {""}
       *[other] { " " }(and { $others } more)
    } but no `polarity`: read as `{ $read_as } { $target }` ({ $basis ->
        [inferred] inferred from the other targets
       *[assumed] assumed
    })
bare-target-without-polarity-help = add `polarity = "increase"` (higher is better) or `polarity = "decrease"` to the indicator

## deadline-outside-year

deadline-outside-year = the { $year } target of `{ $id }` is the deadline { $date }, in another year
deadline-outside-year-help = check the year of the deadline or the year it is the target of

## target-after-removal

target-after-removal = `{ $id }` was removed in { $removed } but still has targets for { $years }
target-after-removal-help = targets after a removal are never scored: delete them, or record why they stay in `notes`

## incomplete-act

incomplete-act = the { $change } revision of `{ $id }` { $missing ->
        [act] cites no act
        [number] cites an act ({ $act }) with no number
        [date] cites an act ({ $act }) with no date
       *[number-and-date] cites an act ({ $act }) with no number and no date
    }
incomplete-act-help = record the act's number and date: an unnumbered change cannot be traced to a deliberation
incomplete-act-help-same-day = the plan was adopted by { $adopting } on the same day: if this is that act, record its number
incomplete-act-override = the override of `{ $id }` { $year } cites an act ({ $act }) with { $missing ->
        [number] no number
        [date] no date
       *[number-and-date] no number and no date
    }
incomplete-act-override-help = record the act's number and date: the decision must be traceable

## conflicting-act-numbers

conflicting-act-numbers = the act of { $date } is cited with different numbers: { $citations }
act-number-cited = n. { $number } ({ $count ->
        [one] { $count } time
       *[other] { $count } times
    })
conflicting-act-numbers-help = one date, one deliberation: check whether n. { $number } is a typo

## duplicate-indicator

duplicate-indicator = { $count } indicators have the same text: { $uses }
duplicate-indicator-use = `{ $id }` (under `{ $parent }`)
duplicate-indicator-help = an indicator's text should say what it measures for its objective: make each one specific, or check for a copy mistake

## empty-program

empty-program = program `{ $id }` has no operational objective
empty-program-help = a program without operational objectives is not measured this year

## objective-without-indicators

objective-without-indicators = { $level } `{ $id }` has { $removed ->
        [0] no indicator
       *[other] no active indicator ({ $removed } removed)
    }
objective-without-indicators-help = an objective without indicators cannot be scored

## area-mismatch

area-mismatch = indicator `{ $id }` is assigned to area { $declared } but its services belong to { $services }
area-mismatch-help = correct `area`, or the services' `area` in the [[service]] registry

## removal-before-insertion

removal-before-insertion = { $level } `{ $id }` is removed on { $removed }, before it was inserted on { $inserted }
removal-before-insertion-help = check the dates of the two acts

## act-after-plan-year (of revisions)

act-after-plan-year = the { $change } revision of `{ $id }` cites an act of { $date }, after the plan year { $year }
act-after-plan-year-help = a revision of a year's plan is adopted during that year: check the act's date, or record the change in the next year's plan

## invalid-override (against the plan)

override-unknown-node = the override names `{ $id }`, which is not a node of the plan
override-unknown-node-help = name the indicator, objective or program by its id
override-mission = mission `{ $id }` has no outcome of its own to override
override-mission-help = override its strategic objectives: the body's attainment rolls them up, not the missions
override-outside-horizon = the override of `{ $id }` is for { $year }, outside the horizon { $first }–{ $last }
override-outside-horizon-help = an outcome is overridden for a year the plan scores
override-twice = `{ $id }` { $year } is already overridden at line { $line }
override-twice-help = one decision per node and year: a later decision replaces the earlier one, with its own act
override-above-cap = the attainment { $attainment } given to `{ $id }` is above the cap { $cap }
override-above-cap-help = a reassessed attainment is between 0 and the `cap` of [scoring]

## unused-acceptance

unused-acceptance-node = `{ $code }` is accepted on `{ $id }`, but `{ $id }` has no such finding
unused-acceptance-plan = `{ $code }` is accepted in [plan], but the plan has no such finding
unused-acceptance-help = remove the acceptance: the finding it accepted is gone

## invalid-csv

invalid-csv = invalid CSV: { $reason }
invalid-csv-extra-fields = the row has { $fields } fields but the header has { $header }
invalid-csv-extra-fields-lost = the row has { $fields } fields but the header has { $header }: `{ $extra }` would be lost
invalid-csv-extra-fields-help-comma = a decimal comma in a comma-separated file splits the number: quote it ("98,5") or use `;` as the delimiter
invalid-csv-extra-fields-help = remove the extra fields, or add their columns to the header
invalid-csv-unclosed-quote = a quote opened on this line is not closed: { $rows } following rows are read as part of one field
invalid-csv-unclosed-quote-help = close the quote (a field in quotes ends with `"`; a quote inside it is written `""`)
invalid-csv-same-column = `{ $name }` is the same column as `{ $first }` (column { $column })
invalid-csv-same-column-help = keep one of them: each column may appear once, in English or in Italian

## missing-column

missing-column = no `{ $name }` column
missing-column-help = the header needs `indicator` (or `indicatore`), `year` (or `anno`) and `value` (or `valore`)
missing-column-value-help = add a `value` (or `valore`) column, or `numerator` and `denominator`

## unknown-indicator

unknown-indicator = indicator `{ $id }` is not in the plan
unknown-indicator-not-an-indicator = indicator `{ $id }` is not an indicator
unknown-indicator-empty = the indicator id is empty
unknown-indicator-help = ids are those of the plan's [[indicator]] tables (`cruscotto list` shows them)

## year-outside-horizon

year-outside-horizon = { $year } is outside the plan's horizon { $first }–{ $last }
year-outside-horizon-help = actual values are read for the years of the plan's horizon only

## invalid-actual

invalid-actual = invalid value for { $id } { $year }: { $reason }
invalid-actual-help-percent = write percent points: `98`, `98,5` or `98%`; `n.d.` when not available
invalid-actual-help-date = write the completion date (`31/12/2019`), or `no` when not done
invalid-actual-help-yes-no = write `sì` or `no`
invalid-actual-help-level = write one of the scale's levels
invalid-actual-help-number = write a number in { $unit } (`1,5`, `1.234,5`); `n.d.` when not available
invalid-actual-year-empty = the year is empty
invalid-actual-ratio-of-non-number = { $id } is measured as a { $unit }: a numerator and denominator cannot give its value
invalid-actual-half-ratio = a value needs both numerator and denominator
invalid-actual-numerator = invalid numerator: { $reason }
invalid-actual-denominator = invalid denominator: { $reason }
invalid-actual-ratio-out-of-range = the ratio { $numerator } / { $denominator } is out of range: values are smaller than 10^15 in magnitude
invalid-actual-ratio-out-of-range-help = check the denominator: it is far smaller than the numerator
invalid-actual-benchmark = invalid benchmark for { $id } { $year }: { $reason }
invalid-actual-benchmark-help = the benchmark (media cluster) is a number in the indicator's unit

## zero-denominator

zero-denominator = the denominator is zero
zero-denominator-help = a ratio over zero cases is not a value: write `n.d.` in `value` and say why in `note`

## duplicate-actual

duplicate-actual = { $id } { $year } is given twice: here and at { $first }
duplicate-actual-help = keep one row per indicator and year
duplicate-actual-help-reported-by = { $id } is reported by { $service }: keep its value on that service's sheet (or row) and leave it blank elsewhere
duplicate-actual-first = first given here

## missing-actual

missing-actual-not-available = { $id } { $year }: not available (n.d.)
missing-actual-no-value = { $id } { $year }: no actual value
missing-actual-not-measurable = { $id } { $year } is not measurable: { $reason }
missing-actual-help-strict = `--strict` requires a value for every expected indicator (`n.d.` counts as missing); an indicator that cannot be measured is removed or revised by an act
missing-actual-help = the plan's `missing-data = "error"` requires a value for every expected indicator

## unexplained-deviation

unexplained-deviation = { $id } { $year } is { $status } without a note explaining the deviation
unexplained-deviation-help = the Relazione must explain each deviation: add it in the `note` column

## unknown-column

unknown-column = column `{ $name }` is not read
unknown-column-help = read columns: indicator, year, value, numerator, denominator, benchmark, note, source, definition

## actual-looks-like-fraction

actual-looks-like-fraction = { $id } { $year }: `{ $text }` reads as { $reads_as }%, far below its target
actual-looks-like-fraction-help = percentages are in percent points: if { $percent }% was meant, write `{ $percent }`

## unreadable-workbook

unreadable-workbook = `{ $file }` cannot be read as an { $format } workbook: { $detail }
unreadable-workbook-help = open it in the spreadsheet program and save it again as .xlsx or .ods (or export the sheet as CSV)
unreadable-workbook-password = `{ $file }` is protected by a password
unreadable-workbook-password-help = open it with the password and save a copy without it (in Excel: File › Info › Protect Workbook › Encrypt with Password, then clear the password)
unreadable-workbook-not-a-workbook = `{ $file }` is not a workbook: its content is not an xlsx, ods or xls file
unreadable-workbook-not-a-workbook-help = the file may be damaged or only named like a workbook: open it in the spreadsheet program and save it again, or import the sheet saved as CSV
unreadable-workbook-utf16 = `{ $file }` is UTF-16 text without a byte order mark, which cannot be told from binary
unreadable-workbook-binary = `{ $file }` is a binary file, neither a workbook nor text
unreadable-workbook-binary-help = import an .xlsx or .ods workbook, or the sheet saved as CSV or tab-separated text

## import-no-layout

import-no-layout = `{ $file }` has neither a strategic dashboard nor an operational table that the import recognises
import-no-layout-empty = `{ $file }` is empty
import-no-layout-help = the import reads the strategic dashboard (objective rows `1. Name` followed by the year columns 2017, 2018...) and the operational table (a header row Obiettivi strategici | Programmi di intervento | Obiettivo operativo | Indicatore | Target | Servizi interni coinvolti | Area): see docs/import.md

## import-missing-metadata

import-missing-body = `{ $file }` does not name the body the plan is of
import-missing-body-help = pass it with --body, e.g. --body "Camera di Commercio di ..."
import-missing-year = `{ $file }` does not say the plan's year
import-missing-year-help = pass it with --year; the import looks for a heading such as `Piano operativo 2019`, the deadlines of the operational targets and the date of the adopting act

## Places in a spreadsheet, nested in the import's messages

import-place-line = line { $row }
import-place-row = row { $row }
import-place-sheet-row = sheet "{ $sheet }", row { $row }
import-place-line-column = line { $row }, column { $column }{ $heading }
import-place-cell = cell { $column }{ $row }{ $heading }
import-place-sheet-cell = sheet "{ $sheet }", cell { $column }{ $row }{ $heading }

## import-unplaced-content

import-kept-in-plan-notes = { $place } { $why ->
        [no-objective] has no objective heading above it
        [before-objective] comes before any strategic objective of the table
        [preamble] comes before the dashboard and the operational table
       *[standalone-note] stands alone before any objective
    }: kept in the plan's notes
import-no-objective-help = add the objective's heading row (`1. Name` and the years) above it
import-before-objective-help = write the objective (`1. Name`) in the first column
import-preamble-help = move it to the node it belongs to, or delete it
import-standalone-note-help = move the note to the row of the node it is about
import-standalone-text = { $place } stands alone on its row and is not a revision note: kept in the notes of objective { $objective }
import-sheet-without-layout = sheet "{ $sheet }" has no strategic dashboard or operational table: its { $rows } rows are not imported
import-sheet-without-layout-help = if the sheet holds part of the plan, give it the layout described in docs/import.md
import-target-not-in-notation = { $place }: the target "{ $target }" is not in the target notation ({ $reason }): kept in the indicator's notes
import-target-level = `{ $level }` is not a level of the scale basso < medio < alto
import-indicator-without-text = { $place } has targets but no indicator text: kept as an indicator named after its row
import-indicator-without-text-help = write the indicator in the first column
import-extra-cell = { $place } is neither the indicator nor a year's target: kept in the indicator's notes
import-not-a-revision-note = { $place } is not a revision note (Aggiornato/Eliminato/Inserito ...): kept in the { $node ->
        [indicator] indicator's notes
       *[row] notes of the row's node
    }
import-objective-without-mission = objective { $number } has no mission heading above it: placed under a mission `000`
import-objective-without-mission-help = add the mission's heading row (`011_ Name`) above it
import-row-without-indicator = { $place } has no indicator: { $described } kept in the notes of its { $level }
import-unnumbered-objective = the strategic objective "{ $name }" has no number (`1. Name`): numbered { $number }
import-unnumbered-objective-help = write its number before it, as in the dashboard
import-operational-without-program = { $place } has an operational objective but no program above it: placed under a program named after its strategic objective
import-operational-without-program-help = write the program in its column
import-indicator-without-operational = { $place } has an indicator but no operational objective above it: placed under one named after its program
import-indicator-without-operational-help = write the operational objective in its column

## import-shifted-row

import-shifted-row = { $place } is shifted: { $shift }; read as if its cells were in their columns
import-shifted-row-help = check the row in the plan, and move the cells to their columns in the source
import-shift = { $parts }
import-shift-target = the target "{ $target }" is in column { $column }{ $heading } instead of column { $expected } (Target)
import-shift-target-no-column = the target "{ $target }" is in column { $column }{ $heading } instead of the Target column (Target)
import-shift-moved = the { $level ->
        [indicator] indicator
        [operational-objective] operational objective
       *[program] program
    } in column { $column }{ $heading }

## import-merged-indicators

import-merged-indicators = { $place } holds two indicators in one row (targets "{ $first }" and "{ $second }"): split in two
import-merged-indicators-unsplit = { $place } holds two indicators in one row (targets "{ $first }" and "{ $second }"): split in two, each with the whole indicator text, which could not be split
import-merged-indicators-help = check the two indicators in the plan, and give each its own row in the source

## import-name-variant

import-mission-variant = mission { $code } is written "{ $name }" here and "{ $kept }" above: the first is kept
import-mission-variant-help = keep one name for the mission in the source
import-mission-dashboard-variant = mission { $code } is "{ $name }" here but "{ $kept }" in the dashboard: the dashboard's name is kept
import-mission-dashboard-variant-help = correct the heading that is wrong in the source
import-objective-variant = objective { $number } is "{ $name }" here but "{ $kept }" in the dashboard: the dashboard's name is kept
import-objective-variant-help = correct the name that is wrong in the source
import-objective-mission-variant = objective { $number } is under mission { $here } here but under { $there } in the dashboard: it stays under { $there }
import-objective-mission-variant-help = move the objective's rows under the right mission heading
import-area-variant = area "{ $from }" is read as "{ $to }": the other rows write the areas in roman numerals
import-area-variant-help = write the area as the other rows do
import-service-variant = the service "{ $spelling }" is taken for "{ $kept }", as { $rows ->
        [one] 1 other row writes
       *[other] { $rows } other rows write
    } it: one service, two spellings
import-service-variant-help = if they are two services, give them names that differ by more than punctuation

## Plans of other shapes: levels, parents, weights by year, fields, bands, parts, measures, bases, evidence

ambiguous-number-help = write `{ $digits }` (or `{ $text },0`) for { $digits }, `{ $decimal }` for the decimal number; a count (`unit = "count"`) reads `{ $text }` as { $digits }
two-parents = `{ $table }` names one parent: `{ $first }` and `{ $second }` are both given
two-parents-help = keep the key of the level the node hangs from, and remove the other
missing-parent-help = the node hangs from a node of a level above its own: { $keys }; a node without one is a root only in a plan that has no level above it
parent-key-help = a level the body skips is named by its own key: `{ $key } = "{ $id }"`
weight-year-help = weights by year are keyed by year: `weight = {"{"} 2024 = 2, 2025 = 3 {"}"}`
resources-year-help = resources are keyed by year: `resources = {"{"} 2024 = "1.200.000" {"}"}`
key-year-outside-horizon = `{ $key }` is given for { $year }, outside the horizon { $first }–{ $last }
negative-amount = `{ $key }`: the amount { $amount } is negative
responsible-empty = `responsible` names neither an office nor a person
responsible-empty-help = write `responsible = {"{"} office = "...", person = "..." {"}"}`, with at least one of the two
zero-weights = { $children ->
    [indicators] { $count ->
        [one] the only indicator of `{ $id }` weighs 0 { $when }, so `{ $id }` is not scored
       *[other] the { $count } indicators of `{ $id }` all weigh 0 { $when }, so `{ $id }` is not scored
    }
   *[other] { $count ->
        [one] the only objective or program under `{ $id }` weighs 0 { $when }, so `{ $id }` is not scored
       *[other] the { $count } objectives or programs under `{ $id }` all weigh 0 { $when }, so `{ $id }` is not scored
    }
}
zero-weights-always = in every year
zero-weights-years = in { $years }
zero-weights-help = give one of them a weight above 0; if the plan means it, accept the finding with its reason (`accept = [{"{"} code = "zero-weights", reason = "..." {"}"}]`)
hidden-character = { $count ->
    [one] `{ $key }` holds a character that cannot be seen or that reorders the text around it: `{ $character }`
   *[other] `{ $key }` holds { $count } characters that cannot be seen or that reorder the text around them, the first `{ $character }`
}
hidden-character-help = { $count ->
    [one] delete it: where the text is shown as written (a workbook, a document) it shows as nothing, or turns the text around it
   *[other] delete them: where the text is shown as written (a workbook, a document) they show as nothing, or turn the text around them
}; if the plan means it, accept the finding with its reason (`accept = [{"{"} code = "hidden-character", reason = "..." {"}"}]`)
hidden-character-actuals-help = { $count ->
    [one] delete it: where the text is shown as written (a workbook, a document) it shows as nothing, or turns the text around it
   *[other] delete them: where the text is shown as written (a workbook, a document) they show as nothing, or turn the text around them
}; if the file means it, `--ignore hidden-character` accepts it
bands-and-threshold = `partial-threshold` and `bands` cannot both be given
bands-and-threshold-help = the bands say where each status starts: remove `partial-threshold`
band-first = the first band starts at { $from }: bands start at 0
band-order = a band starts at { $from }, not above the band before it (from { $previous })
band-above = a band starts at { $from }: bands start at 100 at most
band-score = a band's score { $score } is not between 0 and the cap { $cap }
band-count = an evaluation range has at least two bands
band-help = write the bands lowest first, each with its lower bound: `bands = [{"{"} from = 0, label = "non raggiunto" {"}"}, {"{"} from = 70, label = "parzialmente raggiunto" {"}"}, {"{"} from = 90, label = "raggiunto" {"}"}]`
target-key-help = targets are keyed by year or by period within a year: `targets = {"{"} "2024-S1" = "≥ 40%", 2024 = "≥ 90%" {"}"}`
parts-empty = a target of several conditions has none
parts-help = write the conditions in an array, `["≥ 80%", "≤ 30 gg"]`, or remove the year
measure-twice = the measure `{ $id }` is declared twice
unknown-measure = `{ $measure }` is not a measure of `{ $id }`
unknown-measure-help = the measures of the indicator are { $declared }
unknown-measure-help-none = declare it: `measures = [{"{"} id = "{ $measure }", name = "...", unit = "count" {"}"}]`
level-on-measure = a level target is on the indicator's own value (its `scale`), not on the measure `{ $measure }` of `{ $id }`
no-base = `{ $target }` is measured from the base, but `{ $id }` records none
no-base-help = record it: `base = {"{"} year = 2023, value = "1.200" {"}"}`
base-outside-horizon = the { $period } target `{ $target }` of `{ $id }` is measured from { $year }, outside the horizon { $first }–{ $last }, and no base of { $year } is recorded
base-outside-horizon-help = record the value of { $year }: `base = {"{"} year = { $year }, value = "..." {"}"}`
missing-evidence = { $id } { $period } is judged `{ $value }` without the evidence the judgment rests on ({ $result })
missing-evidence-help = a qualitative result is judged on its evidence: say in `note` what shows it (an act, a document, a publication)
unknown-measure-row = `{ $id }` has no measure `{ $measure }`
unknown-measure-row-help-none = `{ $id }` declares no measures: its value is given on the row `{ $id }`
