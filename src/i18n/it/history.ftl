# Il registro delle revisioni (`cruscotto history`), per atto, in testo e Markdown.

history-title = { $title } · registro delle revisioni
history-markdown-title = Revisioni del piano: { $title }
history-adopted-by = adottato con { $act }
history-none = nessuna revisione registrata
history-group = { $label } · { $count ->
        [one] { $count } modifica
       *[other] { $count } modifiche
    }
history-previous-not-recorded = (valori precedenti non registrati)
history-overrides = sterilizzazioni e rideterminazioni · { $count ->
        [one] { $count } decisione
       *[other] { $count } decisioni
    }
history-markdown-overrides = Sterilizzazioni e rideterminazioni
# Le revisioni che non citano un atto; `$year`: `none` quando non registrano neppure l'anno.
no-act = { $year ->
        [none] Nessun atto indicato
       *[other] Nessun atto indicato (anno { $year })
    }

## Che cosa manca a un atto, o che cosa è bene sapere

history-flag-no-act-year = nessun atto è citato: è registrato solo l'anno { $year }
history-flag-no-act = nessun atto è citato, né una data
history-flag-no-number = l'atto non ha numero
history-flag-no-date = l'atto non ha data
# `$numbers`: `n. 27 e n. 97`.
history-flag-numbers = la data { $date } è citata con più numeri: { $numbers }
history-flag-adopting-date = stessa data dell'atto di adozione del piano ({ $act }): probabilmente è quell'atto
# Tra gli ultimi due elementi di un elenco.
word-and = e

## Le colonne delle tabelle in Markdown

column-change = modifica
column-year = anno
column-decision = decisione
