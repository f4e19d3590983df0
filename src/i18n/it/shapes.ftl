# Piani di altre forme: livelli, punteggio dell'ente, prospettive, parti, variazioni, fasce, campi, consuntivi.

## Numeri

shapes-ambiguous-number-help = scrivere `{ $digits }` (o `{ $text },0`) per { $digits }, `{ $decimal }` per il numero decimale; un conteggio (`unit = "count"`) legge `{ $text }` come { $digits }

## L'albero: padri, livelli, pesi, campi

shapes-two-parents = `{ $table }` ha un solo padre: sono indicati sia `{ $first }` sia `{ $second }`
shapes-two-parents-help = lasciare la chiave del livello da cui il nodo dipende e togliere l'altra
shapes-missing-parent-help = il nodo dipende da un nodo di un livello superiore: { $keys }; un nodo senza padre è una radice solo in un piano che non ha livelli superiori al suo
shapes-parent-key-help = un livello che l'ente non ha si salta indicando il padre con la sua chiave: `{ $key } = "{ $id }"`
shapes-weight-year-help = i pesi per anno hanno come chiave l'anno: `weight = {"{"} 2024 = 2, 2025 = 3 {"}"}`
shapes-resources-year-help = le risorse hanno come chiave l'anno: `resources = {"{"} 2024 = "1.200.000" {"}"}`
shapes-year-outside-horizon = `{ $key }` è indicato per il { $year }, fuori dall'orizzonte { $first }–{ $last }
shapes-negative-amount = `{ $key }`: l'importo { $amount } è negativo
shapes-responsible-empty = `responsible` non indica né un ufficio né una persona
shapes-responsible-empty-help = scrivere `responsible = {"{"} office = "...", person = "..." {"}"}`, con almeno uno dei due
shapes-zero-weights = { $children ->
    [indicators] { $count ->
        [one] l'unico indicatore di `{ $id }` pesa 0 { $when }, quindi `{ $id }` non è valutato
       *[other] i { $count } indicatori di `{ $id }` pesano tutti 0 { $when }, quindi `{ $id }` non è valutato
    }
   *[other] { $count ->
        [one] l'unico obiettivo o programma sotto `{ $id }` pesa 0 { $when }, quindi `{ $id }` non è valutato
       *[other] i { $count } obiettivi o programmi sotto `{ $id }` pesano tutti 0 { $when }, quindi `{ $id }` non è valutato
    }
}
shapes-zero-weights-always = in ogni anno
shapes-zero-weights-years = nel { $years }
shapes-zero-weights-help = dare a uno di essi un peso maggiore di 0; se il piano lo vuole, accettare il rilievo con la sua motivazione (`accept = [{"{"} code = "zero-weights", reason = "..." {"}"}]`)

## Regole di calcolo

shapes-bands-and-threshold = `partial-threshold` e `bands` non possono essere indicati insieme
shapes-bands-and-threshold-help = le fasce dicono dove comincia ogni esito: togliere `partial-threshold`
shapes-band-first = la prima fascia comincia da { $from }: le fasce cominciano da 0
shapes-band-order = una fascia comincia da { $from }, non oltre la fascia precedente (da { $previous })
shapes-band-above = una fascia comincia da { $from }: le fasce cominciano al più da 100
shapes-band-score = il punteggio di fascia { $score } non è compreso tra 0 e il tetto { $cap }
shapes-band-count = un sistema di fasce ha almeno due fasce
shapes-band-help = scrivere le fasce dalla più bassa, ciascuna con il suo limite inferiore: `bands = [{"{"} from = 0, label = "non raggiunto" {"}"}, {"{"} from = 70, label = "parzialmente raggiunto" {"}"}, {"{"} from = 90, label = "raggiunto" {"}"}]`

## Target

shapes-target-key-help = i target hanno come chiave l'anno o un periodo dell'anno: `targets = {"{"} "2024-S1" = "≥ 40%", 2024 = "≥ 90%" {"}"}`
shapes-parts-empty = un target di più condizioni non ne ha nessuna
shapes-parts-help = scrivere le condizioni in un elenco, `["≥ 80%", "≤ 30 gg"]`, o togliere l'anno
shapes-measure-twice = la misura `{ $id }` è dichiarata due volte
shapes-unknown-measure = `{ $measure }` non è una misura di `{ $id }`
shapes-unknown-measure-help = le misure dell'indicatore sono { $declared }
shapes-unknown-measure-help-none = dichiararla: `measures = [{"{"} id = "{ $measure }", name = "...", unit = "count" {"}"}]`
shapes-level-on-measure = un target di livello riguarda il valore dell'indicatore (la sua `scale`), non la misura `{ $measure }` di `{ $id }`
shapes-no-base = `{ $target }` si misura dal valore di base, ma `{ $id }` non ne registra uno
shapes-no-base-help = registrarlo: `base = {"{"} year = 2023, value = "1.200" {"}"}`
shapes-base-outside-horizon = il target { $period } `{ $target }` di `{ $id }` si misura dal { $year }, fuori dall'orizzonte { $first }–{ $last }, e non è registrato un valore di base del { $year }
shapes-base-outside-horizon-help = registrare il valore del { $year }: `base = {"{"} year = { $year }, value = "..." {"}"}`

## Valori a consuntivo

shapes-missing-evidence = { $id } { $period } è valutato `{ $value }` senza l'evidenza su cui la valutazione si fonda ({ $result })
shapes-missing-evidence-help = un risultato qualitativo si valuta sulla sua evidenza: indicare in `note` che cosa lo dimostra (un atto, un documento, una pubblicazione)
shapes-unknown-measure-row = `{ $id }` non ha la misura `{ $measure }`
shapes-unknown-measure-row-help-none = `{ $id }` non dichiara misure: il suo valore si indica nella riga `{ $id }`

## Esiti ed etichette

shapes-status-not-applicable = non applicabile
shapes-status-not-applicable-meaning = non applicabile nell'anno (n.a.): escluso dal punteggio e da ogni denominatore
shapes-reason-bound = è noto solo un limite ({ $bound }): valutato al limite, il valore meno favorevole che consente
shapes-note-definition = misurato con una definizione diversa: { $definition }
shapes-column-band = fascia
shapes-body-coverage = { $scored } su { $expected } { $rule ->
    [operational-objectives] indicatori degli obiettivi operativi attesi valutati
   *[indicators] indicatori attesi valutati
}

## Regole, come le elenca `score --explain`

shapes-rule-body = ente: media ponderata { $rule ->
    [operational-objectives] degli obiettivi operativi, con i pesi letti su tutto il piano
    [indicators] degli indicatori, con i pesi letti su tutto il piano
   *[other] degli obiettivi strategici
}
shapes-rule-parts = più condizioni in un anno: raggiunto se tutte sono raggiunte; grado di raggiungimento { $rule ->
    [minimum] il minimo delle condizioni
   *[mean] la media delle condizioni
}
shapes-rule-group-weights = aree e servizi: ogni indicatore pesa { $rule ->
    [share] la sua quota dell'obiettivo
   *[other] il peso indicato
}
shapes-rule-bands = fasce (limite inferiore, etichetta, punteggio): { $bands }; la fascia del grado di raggiungimento dà l'esito, la più alta raggiunto, la più bassa non raggiunto
shapes-rule-band = da { $from } { $label }
shapes-rule-band-scored = da { $from } { $label } (vale { $score })

## La relazione

shapes-report-perspectives = Prospettive
shapes-report-body-note = Media ponderata { $rule ->
    [operational-objectives] degli obiettivi operativi
   *[other] degli indicatori
}
shapes-report-code = Codice dell'ente
shapes-report-type = Tipologia di indicatore
shapes-report-data-source = Fonte del dato
shapes-report-responsible = Responsabile
shapes-report-definition = Misurato con una definizione diversa
shapes-report-parts = Condizioni
shapes-report-measure = Misura
