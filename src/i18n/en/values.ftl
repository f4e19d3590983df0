# Why a value cannot be read: numbers, dates, targets, actual values, workbooks. These messages
# are parts of diagnostics and errors, nested in them.

## Numbers (`NumberError`)

number-empty = empty number
number-not-a-number = `{ $text }` is not a number
number-ambiguous = `{ $text }` has ambiguous separators
number-out-of-range = `{ $text }` is out of range: numbers have at most 15 digits before the decimal separator and 28 after it
number-not-finite = `{ $text }` is not a finite decimal number

## Dates (`DateError`)

date-format = `{ $text }` is not a date (expected dd/mm/yyyy, yyyy-mm-dd or 9 agosto 2019)
date-no-such-day = `{ $text }` is not a day of the calendar

## Targets (`TargetError`)

target-empty = empty target
target-unknown = `{ $text }` is not a target notation
target-invalid = `{ $text }`: { $reason }
target-expected-tolerance = expected `scostamento max <number> da media cluster`
target-comparator-without-value = a comparator needs a value after it
target-deadline-comparator = a deadline is written as a date, optionally `≤ date`
target-relative-zero-lag = the reference year must be before the year (x-1, x-2...)
target-relative-lag = `{ $lag }` is not a number of years
target-ambiguous-number = `{ $text }`: `{ $number }` has ambiguous separators
target-empty-condition = a condition is empty: write one condition between each `;`
target-baseline-condition = a baseline year (`Anno di rilevazione`) cannot be one of several conditions
target-qualitative-quotes = a qualitative result is written between `«` and `»`, with no other `«` or `»` inside
target-change-unsigned = a change is signed: `+10%` for an increase, `-15%` for a decrease
target-change-two-signs = a change has one sign
target-change-base = a change is measured `rispetto al <year>`, `rispetto alla base` or `rispetto all'anno precedente`
target-increment-unsigned = an increment is signed: `+5 per un totale di almeno 40`
target-increment-two-signs = an increment has one sign
target-not-an-amount = `{ $text }` is not an amount
target-not-a-total = `{ $text }` is not a total
target-accepted-forms = accepted forms: `≥ 90%`, `< 20%`, `>= 1,2`, a bare number such as `1,45` or `100%` (the polarity decides), `<= 40gg`, `31/12/2019`, `x ≤ x-1`, `≥ a medio`, `≥ media cluster`, `scostamento max 0,02 da media cluster`, `Anno di rilevazione`, `sì`/`no`, `+10% rispetto al 2023`, `≥ base + 10%`, `+5 per un totale di almeno 40`, `«risultato atteso»`, parts such as `≥ 80%; ≤ 30 gg`

## Actual values, read by the indicator's unit

value-not-a-completion-date = `{ $text }` is not a date (dd/mm/yyyy or 9 agosto 2019), `sì` or `no`
value-not-yes-no = `{ $text }` is not `sì` or `no`
value-not-a-level = `{ $text }` is not a level of the scale ({ $levels })
value-wrong-suffix = `{ $text }` is written in { $suffix }, but the indicator's unit is `{ $unit }`
value-ambiguous = `{ $text }` is ambiguous: write thousands without separators (1234) or with a decimal part (1.234,0), or save the file delimited by `;` (Italian Excel's CSV), where a point groups thousands

## Workbooks (`WorkbookError`)

workbook-password = the workbook is protected by a password
workbook-unreadable = not a readable { $kind } workbook ({ $reason })
workbook-too-large = sheet `{ $sheet }` is too large to read: it reaches beyond 1,048,576 rows, 16,384 columns or 1 GiB of text
