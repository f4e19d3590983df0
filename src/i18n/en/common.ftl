# Words shared by several commands.

summary-warnings = { $count ->
    [one] { $count } warning
   *[other] { $count } warnings
}

# The last of several alternatives: `strategic objective or operational objective`.
list-alternatives = { $first } or { $last }
