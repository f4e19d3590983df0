# Parole comuni a più comandi.

summary-warnings = { $count ->
    [one] { $count } avviso
   *[other] { $count } avvisi
}

# L'ultima di più alternative: `obiettivo strategico o obiettivo operativo`.
list-alternatives = { $first } o { $last }
