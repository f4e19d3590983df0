# Le parole degli stati, dei livelli e delle modifiche: comuni a tutti gli output destinati alle
# persone (tabelle, Markdown, cartelle di lavoro, modelli, relazione).

## Stato di un indicatore nell'anno

status-met = raggiunto
status-partial = parzialmente raggiunto
status-missed = non raggiunto
status-baseline = anno base
status-removed = eliminato
status-no-target = senza target
status-missing = non rilevato
status-not-measurable = non misurabile
status-neutralised = sterilizzato
status-not-applicable = non applicabile

# Quanti indicatori hanno uno stato, concordato col numero: `106 raggiunti`, `1 non misurabile`.
status-count = { $status ->
        [met] { $count ->
            [one] { $count } raggiunto
           *[other] { $count } raggiunti
        }
        [partial] { $count ->
            [one] { $count } parzialmente raggiunto
           *[other] { $count } parzialmente raggiunti
        }
        [missed] { $count ->
            [one] { $count } non raggiunto
           *[other] { $count } non raggiunti
        }
        [baseline] { $count } in anno base
        [removed] { $count ->
            [one] { $count } eliminato
           *[other] { $count } eliminati
        }
        [no-target] { $count } senza target
        [missing] { $count ->
            [one] { $count } non rilevato
           *[other] { $count } non rilevati
        }
        [not-measurable] { $count ->
            [one] { $count } non misurabile
           *[other] { $count } non misurabili
        }
        [neutralised] { $count ->
            [one] { $count } sterilizzato
           *[other] { $count } sterilizzati
        }
       *[not-applicable] { $count ->
            [one] { $count } non applicabile
           *[other] { $count } non applicabili
        }
    }

## Livelli dell'albero della performance

level-mission = missione
level-strategic-objective = obiettivo strategico
level-program = programma
level-operational-objective = obiettivo operativo
level-indicator = indicatore

# Le righe dei risultati aggregati: l'ente, i nodi dell'albero, le aree e i servizi.
row-level-body = ente
row-level-mission = missione
row-level-strategic = obiettivo strategico
row-level-program = programma
row-level-operational = obiettivo operativo
row-level-perspective = prospettiva
row-level-area = area
row-level-service = servizio
# La riga di una condizione di un target con più condizioni.
row-level-part = parte

# Cruscotto strategico o piano operativo.
indicator-level-strategic = strategico
indicator-level-operational = operativo

## Tipi di indicatore, come li classificano le linee guida

indicator-type-effectiveness = efficacia
indicator-type-efficiency = efficienza
indicator-type-quality = qualità
indicator-type-impact = impatto
indicator-type-public-value = valore pubblico
indicator-type-resource-health = stato di salute delle risorse
indicator-type-output = realizzazione fisica
indicator-type-financial = realizzazione finanziaria

## Una fascia di valutazione: `$score` è `none` quando la fascia non dà un punteggio proprio.

band = da { $from } { $label }{ $score ->
        [none] {""}
       *[other] { " " }(punteggio { $score })
    }

## Stato di un nodo del piano e modifiche degli aggiornamenti

node-status-active = attivo
node-status-removed = eliminato
change-inserted = inserito
change-updated = aggiornato
change-removed = eliminato

## Esiti decisi da un atto

outcome-neutralised = sterilizzato
outcome-reassessed = rideterminato

## Polarità e altre parole

polarity-increase = crescente
polarity-decrease = decrescente
# La direzione di un consuntivo noto solo per un limite (`oltre 220`).
bound-at-least = almeno
bound-more-than = oltre
bound-at-most = al più
bound-less-than = meno di
bound-equal = esattamente
word-yes = sì
word-no = no
# Un indicatore che coinvolge tutti i servizi.
word-cross-cutting = trasversale

## Lingue del piano

lang-it = italiano
lang-en = inglese

## Un atto come lo citano i documenti: `Giunta n. 97 del 26/07/2018`. Il numero o la data
## mancanti sono detti, non mostrati come `?`.

act = { $form ->
        [full] { $body } n. { $number } del { $date }
        [dated] { $body } del { $date }
        [no-number] { $body } del { $date } (numero non indicato)
        [no-date] { $body } n. { $number } (data non indicata)
       *[none] { $body } (numero e data non indicati)
    }
# L'organo di un atto che non lo indica.
act-body-unknown = Atto

## Tabelle

# Sotto una tabella troppo larga per il terminale (o per `--width`): le colonne lasciate fuori.
table-columns-hidden = { $count ->
        [one] colonna non mostrata a questa larghezza
       *[other] colonne non mostrate a questa larghezza
    }: { $columns } (con un --width maggiore, o con --columns, { $count ->
        [one] si vede
       *[other] si vedono
    })
