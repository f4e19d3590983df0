# Perché un valore non si può leggere: numeri, date, target, valori a consuntivo, cartelle di
# lavoro. Questi messaggi sono parti di diagnostiche ed errori, annidati in essi.

## Numeri (`NumberError`)

number-empty = numero vuoto
number-not-a-number = `{ $text }` non è un numero
number-ambiguous = `{ $text }` ha separatori ambigui
number-out-of-range = `{ $text }` è fuori intervallo: i numeri hanno al massimo 15 cifre prima del separatore decimale e 28 dopo
number-not-finite = `{ $text }` non è un numero decimale finito

## Date (`DateError`)

date-format = `{ $text }` non è una data (si attende gg/mm/aaaa, aaaa-mm-gg o 9 agosto 2019)
date-no-such-day = `{ $text }` non è un giorno del calendario

## Target (`TargetError`)

target-empty = target vuoto
target-unknown = `{ $text }` non è nella notazione dei target
target-invalid = `{ $text }`: { $reason }
target-expected-tolerance = si attende `scostamento max <numero> da media cluster`
target-comparator-without-value = un operatore di confronto deve essere seguito da un valore
target-deadline-comparator = una scadenza si scrive come data, eventualmente `≤ data`
target-relative-zero-lag = l'anno di riferimento deve precedere l'anno (x-1, x-2...)
target-relative-lag = `{ $lag }` non è un numero di anni
target-ambiguous-number = `{ $text }`: `{ $number }` ha separatori ambigui
target-empty-condition = una condizione è vuota: scrivere una condizione fra un `;` e l'altro
target-baseline-condition = un anno di rilevazione (`Anno di rilevazione`) non può essere una di più condizioni
target-qualitative-quotes = un risultato qualitativo si scrive fra `«` e `»`, senza altri `«` o `»` all'interno
target-change-unsigned = una variazione ha un segno: `+10%` per un aumento, `-15%` per una diminuzione
target-change-two-signs = una variazione ha un solo segno
target-change-base = una variazione si misura `rispetto al <anno>`, `rispetto alla base` o `rispetto all'anno precedente`
target-increment-unsigned = un incremento ha un segno: `+5 per un totale di almeno 40`
target-increment-two-signs = un incremento ha un solo segno
target-not-an-amount = `{ $text }` non è una quantità
target-not-a-total = `{ $text }` non è un totale
target-accepted-forms = forme ammesse: `≥ 90%`, `< 20%`, `>= 1,2`, un numero senza operatore come `1,45` o `100%` (decide la polarità), `<= 40gg`, `31/12/2019`, `x ≤ x-1`, `≥ a medio`, `≥ media cluster`, `scostamento max 0,02 da media cluster`, `Anno di rilevazione`, `sì`/`no`, `+10% rispetto al 2023`, `≥ base + 10%`, `+5 per un totale di almeno 40`, `«risultato atteso»`, più condizioni come `≥ 80%; ≤ 30 gg`

## Valori a consuntivo, letti secondo l'unità di misura dell'indicatore

value-not-a-completion-date = `{ $text }` non è una data (gg/mm/aaaa o 9 agosto 2019), `sì` o `no`
value-not-yes-no = `{ $text }` non è `sì` o `no`
value-not-a-level = `{ $text }` non è un livello della scala ({ $levels })
value-wrong-suffix = `{ $text }` è espresso in { $suffix }, ma l'unità di misura dell'indicatore è `{ $unit }`
value-ambiguous = `{ $text }` è ambiguo: scrivere le migliaia senza separatori (1234) o con la parte decimale (1.234,0), oppure salvare il file delimitato da `;` (il CSV di Excel in italiano), dove il punto separa le migliaia

## Cartelle di lavoro (`WorkbookError`)

workbook-password = la cartella di lavoro è protetta da password
workbook-unreadable = non è una cartella di lavoro { $kind } leggibile ({ $reason })
workbook-too-large = il foglio `{ $sheet }` è troppo grande per essere letto: supera 1.048.576 righe, 16.384 colonne o 1 GiB di testo
