# Parole comuni a più comandi.

summary-warnings = { $count ->
    [one] { $count } avviso
   *[other] { $count } avvisi
}
