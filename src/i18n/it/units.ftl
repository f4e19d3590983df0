# Le unità di misura degli indicatori e i valori scritti con la loro unità.

unit-percent = percentuale
unit-days = giorni
unit-count = numero
unit-ratio = rapporto
unit-score = punteggio
unit-number = valore numerico
unit-euro = euro
unit-date = data
unit-level = livello
unit-yes-no = sì/no

# Un valore con la sua unità: `98,5%`, `3,2 gg`, `1.250 €`.
value-percent = { $number }%
value-days = { $number } gg
value-euro = { $number } €
