# The units of indicators, and values written with their unit.

unit-percent = percent
unit-days = days
unit-count = count
unit-ratio = ratio
unit-score = score
unit-number = number
unit-euro = euro
unit-date = date
unit-level = level
unit-yes-no = yes-no

# A value with its unit: `98.5%`, `3.2 days`, `€1,250`.
value-percent = { $number }%
value-days = { $number } days
value-euro = €{ $number }
