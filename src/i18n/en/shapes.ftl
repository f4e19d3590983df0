# Plans of other shapes: levels, body score, perspectives, parts, changes, bands, fields, actuals.

shapes-ambiguous-number-help = write `{ $digits }` (or `{ $text },0`) for { $digits }, `{ $decimal }` for the decimal number; a count (`unit = "count"`) reads `{ $text }` as { $digits }
