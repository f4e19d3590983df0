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
       *[neutralised] { $count ->
            [one] { $count } sterilizzato
           *[other] { $count } sterilizzati
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
row-level-area = area
row-level-service = servizio

# Cruscotto strategico o piano operativo.
indicator-level-strategic = strategico
indicator-level-operational = operativo

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
