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
        [yes-no] «sì» o «no»
       *[judgment] un giudizio («sì»/«no» o un livello)
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
reason-not-applicable = non applicabile (n.a.)
# Una condizione di un target con più condizioni: `$measure` è `none` per il valore dell'indicatore stesso.
reason-part = { $measure ->
        [none] {""}
       *[other] { $measure }:{ " " }
    }{ $target }: { $reason }
# `$then`: con che cosa è stato confrontato il limite, `none` se con niente.
reason-bound = è noto solo un limite ({ $bound }): valutato al limite, il valore meno favorevole che ammette{ $then ->
        [none] {""}
       *[other] ; { $then }
    }
reason-bound-on-better-side = il consuntivo è noto solo come «{ $comparator } { $value }»: un limite dal lato favorevole non si può valutare
reason-no-base = nessun valore di partenza registrato
reason-base-missing = manca il valore del { $year } da cui si misura la variazione
reason-base-not-a-number = il valore del { $year } «{ $found }» non è un numero
reason-change-out-of-range = il valore di partenza con la variazione è fuori dai valori ammessi
reason-base = valore di partenza { $year }: { $value }

## La testata dei risultati

# `$attainment`: il grado di raggiungimento dell'ente, già scritto (`99,14%`, o `—`).
# `$coverage`: la copertura dell'ente, `score-coverage`.
score-heading = { $body } · grado di raggiungimento { $year }: { $attainment } ({ $coverage })
# `$rule`: di che cosa è media il grado dell'ente (`[scoring] body`).
score-coverage = { $scored } { $rule ->
        [operational-objectives] indicatori degli obiettivi operativi
        [indicators] indicatori
       *[strategic-objectives] indicatori strategici
    } valutati su { $expected } attesi
score-statuses = indicatori: { $counts }
score-markdown-title = { $title } — risultati { $year }
score-markdown-body = **{ $body }**: grado di raggiungimento { $attainment } ({ $coverage }).
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
column-band = fascia

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
# Le regole che un piano di altra forma sceglie, elencate solo quando non tiene quella predefinita.
rule-body = ente: media ponderata { $rule ->
        [operational-objectives] degli obiettivi operativi, con i loro pesi letti su tutto il piano
        [indicators] degli indicatori, con i loro pesi letti su tutto il piano
       *[other] degli obiettivi strategici
    }
rule-parts = più condizioni nello stesso anno: target raggiunto quando lo sono tutte; grado di raggiungimento { $rule ->
        [minimum] il più basso tra quelli delle condizioni
       *[mean] la media di quelli delle condizioni
    }
rule-group-weights = aree e servizi: ogni indicatore pesa { $rule ->
        [share] la sua quota del proprio obiettivo
       *[other] il peso scritto nel piano
    }
rule-bands = fasce: { $bands }; la fascia del grado di raggiungimento dà lo stato, la più alta raggiunto, la più bassa non raggiunto
# Un valore misurato con una definizione diversa da quella del piano (la colonna `definition`).
note-definition = misurato con un'altra definizione: { $definition }

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
