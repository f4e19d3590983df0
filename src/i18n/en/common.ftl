# Words shared by several commands.

summary-warnings = { $count ->
    [one] { $count } warning
   *[other] { $count } warnings
}
