# I risultati dell'anno: le motivazioni degli indicatori non valutati, le tabelle di `score`
# (testo e Markdown), le regole di calcolo, le sterilizzazioni e rideterminazioni.

## Perché un indicatore non è valutato, o con che cosa è stato confrontato

# `$whose`: `own` se l'indicatore stesso è eliminato, altrimenti il livello dell'antenato
# eliminato; `$year`, `$act`: `none` quando mancano.
reason-removed = { $whose ->
        [own] eliminato
        [mission] { level-mission } { $id } eliminata
       *[other] { $level } { $id } eliminato
    }{ $year ->
        [none] {""}
       *[other] { " " }nel { $year }
    }{ $act ->
        [none] {""}
       *[other] { " " }con { $act }
    }
reason-no-target = nessun target per il { $year }
reason-baseline = anno di rilevazione: misurato, non valutato
reason-no-actual = valore a consuntivo non pervenuto
reason-not-available = valore non disponibile (n.d.)
# `$needed`: che cosa il target richiede.
reason-wrong-kind = il valore «{ $found }» non è confrontabile con il target «{ $target }», che richiede { $needed ->
        [number] un numero
        [date] una data di completamento
        [level] un livello
       *[yes-no] «sì» o «no»
    }
reason-previous-missing = manca il consuntivo { $year } necessario per il target «{ $target }»
reason-previous-not-a-number = il consuntivo { $year } «{ $found }» non è un numero
reason-no-benchmark = manca la media cluster del { $year }
reason-benchmark-out-of-range = la media cluster con la tolleranza è fuori dai valori ammessi
reason-no-scale = l'indicatore non ha una scala
reason-not-a-level = «{ $level }» non è un livello della scala { $scale }
reason-compared-with-actual = confronto con il consuntivo { $year }
reason-compared-with-benchmark = confronto con la media cluster
reason-benchmark-tolerance = confronto con la media cluster ({ $benchmark }), entro la tolleranza
reason-late = { $days ->
        [one] { $days } giorno di ritardo
       *[other] { $days } giorni di ritardo
    }
reason-done-without-date = svolto; data di completamento non indicata
reason-not-done = non svolto

## La testata dei risultati

# `$attainment`: il grado di raggiungimento dell'ente, già scritto (`99,14%`, o `—`).
score-heading = { $body } · grado di raggiungimento { $year }: { $attainment } ({ $scored } indicatori strategici valutati su { $expected } attesi)
score-statuses = indicatori: { $counts }
score-markdown-title = { $title } — risultati { $year }
score-markdown-body = **{ $body }**: grado di raggiungimento { $attainment } ({ $scored } indicatori strategici valutati su { $expected } attesi).
score-rules-heading = Regole di calcolo:

## Le colonne delle tabelle dei risultati

column-level = livello
column-id = codice
column-name = denominazione
column-indicator = indicatore
column-attainment-percent = raggiungimento %
# The abbreviation of the header above, in a table too narrow for it.
column-attainment-percent-short = ragg. %
column-coverage = copertura
column-operational-percent = piano operativo %
column-operational-percent-short = p. op. %
column-target = target
column-actual = consuntivo
column-status = stato
column-weight = peso
column-note = note

## Le regole di calcolo, una riga ciascuna (`score --explain`, Markdown, foglio `Regole`)

rule-cap = tetto: { $cap } (grado di raggiungimento massimo di un indicatore)
rule-floor = soglia minima: { $floor } (un grado di raggiungimento inferiore vale 0)
rule-partial-threshold = soglia di raggiungimento parziale: { $threshold } (target non raggiunto: parzialmente raggiunto se pari o superiore, non raggiunto se inferiore)
rule-missing-data = { $mode ->
        [zero] dati mancanti: valgono 0 e mantengono il loro peso
        [error] dati mancanti: ogni consuntivo mancante è un errore
       *[exclude] dati mancanti: esclusi dalle medie e contati nella copertura
    }
rule-deadlines = { $days ->
        [0] scadenze: in ritardo valgono 0
       *[other] scadenze: in ritardo, il valore scende da 100 a 0 in { $days } giorni
    }
rule-numbers = valori numerici: se più alto è meglio → consuntivo / target × 100; se più basso è meglio → target / consuntivo × 100; target raggiunto → 100 (fino al tetto)
rule-rollup = aggregazione: media ponderata dei livelli sottostanti valutati, con i pesi ripartiti tra questi
rule-rounding = arrotondamento: 2 decimali, per eccesso dal 5 (solo i valori mostrati)

## Sterilizzazioni e rideterminazioni

overrides-heading = Sterilizzazioni e rideterminazioni, { $year } (risultati segnati con *, o sterilizzati):
# Una decisione: `$outcome` è `neutralised` o `reassessed`; `$attainment` il grado rideterminato.
decision = { $outcome ->
        [neutralised] sterilizzato
       *[reassessed] grado di raggiungimento rideterminato a { $attainment }
    } con decisione di { $decided_by } ({ $act }): { $reason }
# Quello che il calcolo aveva dato prima della decisione; `$form` dice che cosa c'è.
computed-outcome = { $form ->
        [both] { $status } ({ $attainment })
        [status] { $status }
        [attainment] { $attainment }
       *[none] nessun valore
    }
override-note = { $decision }; esito calcolato: { $computed }
