# L'albero della performance (`cruscotto tree`, `cruscotto show`) e l'elenco degli indicatori
# (`cruscotto list`).

tree-header = { $body } · anno del piano { $year } · orizzonte { $first }–{ $last }

## Quanti nodi di un livello, con gli eliminati tra parentesi: `14 obiettivi strategici (2 eliminati)`

# Un conteggio nel nome del livello dato dal piano (`[levels]`), singolare o plurale secondo il numero.
tree-count-named = { $count } { $word }{ $removed ->
        [0] {""}
       *[other] { " " }(eliminati: { $removed })
    }
tree-count-mission = { $count ->
        [one] { $count } missione
       *[other] { $count } missioni
    }{ $removed ->
        [0] {""}
        [one] { " " }({ $removed } eliminata)
       *[other] { " " }({ $removed } eliminate)
    }
tree-count-strategic-objective = { $count ->
        [one] { $count } obiettivo strategico
       *[other] { $count } obiettivi strategici
    }{ $removed ->
        [0] {""}
        [one] { " " }({ $removed } eliminato)
       *[other] { " " }({ $removed } eliminati)
    }
tree-count-strategic-indicator = { $count ->
        [one] { $count } indicatore strategico
       *[other] { $count } indicatori strategici
    }{ $removed ->
        [0] {""}
        [one] { " " }({ $removed } eliminato)
       *[other] { " " }({ $removed } eliminati)
    }
tree-count-program = { $count ->
        [one] { $count } programma
       *[other] { $count } programmi
    }{ $removed ->
        [0] {""}
        [one] { " " }({ $removed } eliminato)
       *[other] { " " }({ $removed } eliminati)
    }
tree-count-operational-objective = { $count ->
        [one] { $count } obiettivo operativo
       *[other] { $count } obiettivi operativi
    }{ $removed ->
        [0] {""}
        [one] { " " }({ $removed } eliminato)
       *[other] { " " }({ $removed } eliminati)
    }
tree-count-operational-indicator = { $count ->
        [one] { $count } indicatore operativo
       *[other] { $count } indicatori operativi
    }{ $removed ->
        [0] {""}
        [one] { " " }({ $removed } eliminato)
       *[other] { " " }({ $removed } eliminati)
    }
tree-count-indicator = { $count ->
        [one] { $count } indicatore
       *[other] { $count } indicatori
    }

# Un nodo eliminato, concordato col suo livello; `$year`: `none` quando non è noto.
tree-removed = [{ $level ->
        [mission] eliminata
       *[other] eliminato
    }{ $year ->
        [none] {""}
       *[other] { " " }dal { $year }
    }]

## Il piano a una data (`cruscotto show --as-of`)

as-of-heading = Il piano come era il { $date }:
as-of-nothing = nessuna revisione è stata adottata dopo quella data
# Una revisione adottata dopo la data e annullata; `$change` dice che cosa aveva fatto.
as-of-undone = { $id } { $change ->
        [inserted] inserito dopo: assente
        [removed] eliminato dopo: ancora attivo
        [restored] aggiornato dopo: ripristinati i valori precedenti
       *[updated] aggiornato dopo, valori precedenti non registrati: mostrato come è ora
    } ({ $when })
as-of-when-year = nel corso del { $year }
as-of-when-unknown = in una data non nota

## Il commento in testa a un piano riportato all'anno successivo (`cruscotto rollover`)

rollover-written = Il piano dell'anno successivo, scritto da `cruscotto rollover` a partire da { $file }:
rollover-years = anno del piano { $old } → { $year }, orizzonte { $old_first }–{ $old_last } → { $first }–{ $last }.
rollover-targets = Ogni target è scritto sotto il suo anno (la forma breve `target =` segue `year`, e si sposterebbe).
rollover-history = Revisioni, nodi eliminati, sterilizzazioni e rilievi accettati restano come storia; i commenti del file di partenza non sono riportati (li conservano il suo testo e la sua storia in git).
rollover-adoption = Non riportato: `adopted-by` ({ $act }): registrare l'atto che adotta questo piano.

## Le colonne dell'elenco degli indicatori (`list --format table`)

list-column-id = codice
list-column-level = livello
list-column-mission = missione
list-column-strategic-objective = obiettivo strategico
list-column-program = programma
list-column-operational-objective = obiettivo operativo
list-column-name = denominazione
list-column-unit = unità di misura
list-column-unit-short = u.m.
list-column-polarity = polarità
list-column-weight = peso
list-column-area = area
list-column-services = servizi
list-column-cross-cutting = trasversale
list-column-status = stato
list-column-measures = misure
list-column-type = tipo
list-column-source = fonte
list-column-code = codice dell'ente
list-column-responsible = responsabile
list-column-resources = risorse
list-column-links = collegamenti
