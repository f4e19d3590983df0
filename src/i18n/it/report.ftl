# La Relazione sulla performance (`cruscotto report`): le parole fisse che i modelli leggono come
# `labels.*`, le frasi fatte dai risultati e le alternative testuali dei grafici.

## Il documento

report-document-title = Relazione sulla performance
report-document-title-year = Relazione sulla performance { $year }
report-document-subtitle = Risultati della performance organizzativa
report-body = Ente
report-plan = Piano
report-year = Anno
report-horizon = Orizzonte del piano
report-adopted-by = Piano adottato con
report-acts-in-force = Aggiornamenti in vigore al 31 dicembre
report-no-acts-in-force = nessun aggiornamento registrato
report-generated-on = Documento generato il
report-contents = Indice
report-skip-to-content = Vai al contenuto
report-illustrative-values = I valori a consuntivo sono quelli dei file indicati nella sezione «Provenienza dei dati».

## Sezioni

report-section-summary = Sintesi dei risultati
report-section-strategic = Obiettivi strategici (specifici triennali)
report-section-operational = Obiettivi operativi (annuali)
report-section-operational-programs = Per programma e obiettivo
report-section-operational-groups = Per area e servizio
report-section-deviations = Scostamenti e motivazioni
report-section-overrides = Sterilizzazioni e rideterminazioni
report-section-revisions = Aggiornamenti del piano
report-section-method = Metodo di misurazione
report-section-provenance = Provenienza dei dati

## La sintesi

report-body-attainment = Grado di raggiungimento complessivo dell'ente
report-body-attainment-note = Media ponderata degli obiettivi strategici
# Quando il grado dell'ente è la media di altro (`[scoring] body`).
report-body-attainment-note-rule = Media ponderata { $rule ->
        [operational-objectives] degli obiettivi operativi
       *[other] degli indicatori
    }
report-coverage = Copertura
report-coverage-note = indicatori valutati sul totale di quelli attesi
report-status-counts = Indicatori per stato
report-indicators-in-plan = indicatori nel piano, per stato
report-body-chart = L'ente rispetto alla soglia di raggiungimento parziale e al target
report-strategic-at-a-glance = Gli obiettivi strategici in sintesi
report-missions = Missioni
report-legend = Legenda degli stati
report-count = Numero
report-of-which = di cui
# Tra valutati e attesi: `42 su 44`.
report-of = su

## Intestazioni delle tabelle

report-level = Livello
report-id = Codice
report-name = Denominazione
report-mission = Missione
report-strategic-objective = Obiettivo strategico
report-program = Programma
report-operational-objective = Obiettivo operativo
report-indicator = Indicatore
report-indicators-of = Indicatori di
report-area = Area
report-service = Servizio
report-areas = Aree
report-services = Servizi
report-perspective = Prospettiva
report-perspectives = Prospettive
report-band = Fascia
report-code = Codice dell'ente
report-indicator-type = Tipologia di indicatore
report-data-source = Fonte del dato
report-responsible = Responsabile
report-definition = Misurato con una definizione diversa
report-parts = Condizioni
report-measure = Misura
report-formula = Algoritmo di calcolo
report-target = Target
report-actual = Consuntivo
report-reference = Valore di riferimento
report-deviation = Scostamento
report-attainment = Raggiungimento %
report-attainment-short = Raggiungimento
report-operational-attainment = Piano operativo %
report-status = Stato
report-weight = Peso
report-scored = Valutati
report-expected = Attesi
report-note = Note e motivazione dello scostamento
report-note-short = Motivazione
report-explanation = Spiegazione
report-source = Fonte
report-missing-note = Motivazione non indicata
report-no-indicators = Nessun indicatore.
report-no-programs = Nessun programma.
report-no-operational-objectives = Nessun obiettivo operativo.

## La vista pluriennale

report-trend = Andamento pluriennale
report-trend-note = Target e consuntivi sull'orizzonte del piano; gli anni senza consuntivo sono indicati come «non rilevato», mai come zero.
report-trend-single-year = Valori a consuntivo disponibili per un solo anno: l'andamento pluriennale si mostra quando si indicano i consuntivi di più anni.
report-trend-no-chart = Indicatore non numerico: i valori sono nella tabella.
report-chart-data = Dati del grafico
# Un anno senza consuntivo, sull'asse del grafico: non rilevato.
report-not-recorded-short = n.r.
report-trend-key-actual = consuntivo (la forma indica lo stato)

## Scostamenti

report-deviations-intro = Ogni indicatore parzialmente raggiunto, non raggiunto, non rilevato o non misurabile, con la motivazione fornita insieme al consuntivo.
report-deviations-none = Nessuno scostamento: tutti gli indicatori attesi sono stati raggiunti.
report-deviations-missing-notes = Scostamenti senza motivazione

## Sterilizzazioni e rideterminazioni

report-overrides-intro = I risultati che una decisione motivata ha escluso dalla valutazione (sterilizzazione) o rideterminato, per cause non imputabili all'ente, con l'esito che il calcolo aveva dato.
report-overrides-none = Nessun risultato è stato sterilizzato o rideterminato.
report-outcome = Esito
report-decided-attainment = Grado rideterminato
report-computed-outcome = Esito calcolato
report-reason = Motivazione
report-decided-by = Decisione di

## Aggiornamenti

report-revisions-intro = Gli atti che hanno aggiornato il piano, con le modifiche adottate da ciascuno.
report-revisions-none = Nessun aggiornamento registrato nel piano.
report-act = Atto
report-change = Modifica
report-changes = Modifiche
report-act-notes = Osservazioni
report-revision-note = Nota dell'aggiornamento
report-in-year = Adottato nell'anno

## Metodo

report-method-intro = Le regole di calcolo applicate, come definite nel piano (sezione «scoring»).
report-partial-threshold = Soglia di raggiungimento parziale
report-cap = Tetto
report-floor = Soglia minima

## Provenienza

report-provenance-intro = Per riprodurre i valori: le impronte SHA-256 dei file usati, lo stato del repository e la versione dello strumento.
report-file = File
report-sha256 = SHA-256
report-bytes = Byte
report-actuals-files = File dei consuntivi
report-plan-file = File del piano
report-git-commit = Commit git
report-git-state = Stato del repository
report-git-clean = pulito: i file coincidono con il commit
report-git-dirty = con modifiche non registrate nel commit: i file possono differire dal commit
report-git-none = il piano non è in un repository git
report-tool = Strumento
report-reproduce = Comando per riprodurre i valori

## Albero e navigazione

report-open-close = Aprire o chiudere per vedere il dettaglio
report-back-to-contents = Torna all'indice
report-page = Pagina

## Frasi fatte dai risultati

# `42 su 44`: valutati su attesi.
report-coverage-of = { $scored } su { $expected }
# Che cosa vuol dire uno stato, per la legenda.
report-status-meaning = { $status ->
        [met] il target è raggiunto
        [partial] target non raggiunto, grado di raggiungimento pari almeno a { $threshold }
        [missed] target non raggiunto, grado di raggiungimento inferiore a { $threshold }
        [baseline] anno di rilevazione: il valore è misurato, non valutato
        [removed] indicatore eliminato da un aggiornamento del piano
        [no-target] nessun target per l'anno
        [missing] valore a consuntivo atteso ma non pervenuto (o n.d.)
        [not-measurable] valore presente, ma manca un dato che il target richiede
        [neutralised] escluso dalla valutazione con decisione motivata (sterilizzazione), per cause non imputabili all'ente
       *[not-applicable] non applicabile nell'anno (n.a.): escluso dal calcolo e da ogni denominatore
    }

## Il metodo in parole, una frase per regola

report-rule-formula = Per ogni indicatore il grado di raggiungimento confronta il consuntivo con il target dell'anno: se più alto è meglio, consuntivo / target × 100; se più basso è meglio, target / consuntivo × 100; un target raggiunto vale almeno 100.
report-rule-cap = Il grado di raggiungimento di un indicatore non supera { $cap } (tetto).
report-rule-floor = Un grado di raggiungimento inferiore a { $floor } vale 0 (soglia minima).
report-rule-partial = Un indicatore il cui target non è raggiunto è «parzialmente raggiunto» se il grado di raggiungimento è almeno { $threshold }, «non raggiunto» altrimenti.
report-rule-deadlines = { $days ->
        [0] Le scadenze rispettate valgono 100; quelle superate valgono 0.
       *[other] Le scadenze rispettate valgono 100; in ritardo, il valore scende da 100 a 0 in { $days } giorni.
    }
report-rule-missing-data = { $mode ->
        [zero] Gli indicatori senza consuntivo (non rilevati) o non misurabili valgono 0 e mantengono il loro peso.
        [error] Ogni consuntivo mancante è un errore: il piano richiede tutti i valori.
       *[exclude] Gli indicatori senza consuntivo (non rilevati) o non misurabili sono esclusi dalle medie, con il loro peso, e contati nella copertura.
    }
report-rule-unscored = Gli anni di rilevazione (anno base), gli indicatori eliminati e quelli senza target non sono valutati.
report-rule-rollup = Obiettivi operativi, programmi, obiettivi strategici, missioni ed ente: media ponderata dei valori dei livelli sottostanti valutati, con i pesi ripartiti tra questi. Il valore dell'ente è la media ponderata degli obiettivi strategici; il piano operativo di ciascun obiettivo strategico è mostrato accanto. Aree e servizi: media ponderata degli indicatori operativi loro assegnati (quelli trasversali contano per tutti).
report-rule-rounding = I calcoli sono esatti in aritmetica decimale; i valori mostrati sono arrotondati a due decimali, per eccesso dal 5 (arrotondamento commerciale).

## Le alternative testuali dei grafici

# La barra dell'ente; `$value` è vuoto quando l'ente non ha un grado di raggiungimento.
report-body-chart-alt = { $form ->
        [value] Grado di raggiungimento complessivo dell'ente: { $value }%, { $grade }. Soglia di raggiungimento parziale: { $threshold }; target: 100.
       *[none] Grado di raggiungimento complessivo dell'ente: non misurabile, nessun indicatore valutato.
    }
# Un grafico a barre: `$items` sono le barre, separate da `; `.
report-bars-chart-alt = { $what }: { $items }. Soglia di raggiungimento parziale: { $threshold }; target: 100.
report-bar-item = { $form ->
        [value] { $id } { $value }% ({ $grade })
       *[none] { $id } { $grade }
    }
report-status-chart-alt = Indicatori per stato: { $items }.
report-status-chart-item = { $status } { $count }
report-trend-chart-alt = Andamento di { $id }: { $items }.
# `$has_target`, `$has_actual`: `yes` o `no`.
report-trend-chart-item = { $year }: { $has_target ->
        [yes] target { $target }
       *[no] nessun target
    }, { $has_actual ->
        [yes] consuntivo { $actual }
       *[no] non rilevato
    }
# Le scritte sulle soglie dei grafici.
report-mark-threshold = soglia { $value }
report-mark-target = target 100
report-mark-cap = tetto { $value }
report-mark-floor = minimo { $value }
