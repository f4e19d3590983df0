# The file to fill in with the actual values (`cruscotto template`), as CSV or a workbook. The
# headers are those `score` reads back.

template-column-indicator = indicator
template-column-year = year
template-column-value = value
template-column-numerator = numerator
template-column-denominator = denominator
template-column-benchmark = benchmark
template-column-note = note
template-column-source = source
template-column-name = name
template-column-unit = unit
template-column-target = target
template-column-services = services

# The template's first line, after the `#` that makes it a comment `score` skips.
template-heading = Actual values { $year } · { $body } · { $title }: fill in `value` (or `numerator` and `denominator`), `n.d.` when not available, and a `note` for each deviation
template-title = Actual values { $year } · { $title }
# The sheet of a template not split by service.
template-sheet = Actuals { $year }
# The sheet of the indicators of no service, in a template split by service.
template-sheet-no-service = No service
# A cross-cutting indicator and the service that reports its value (`reported-by`).
template-reported-by = { $services }, reported by { $service }
