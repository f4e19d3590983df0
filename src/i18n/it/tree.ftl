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

## `import`: i commenti scritti nel piano che produce (come ha letto la fonte), nella lingua
## del piano.

import-comment-imported = Importato con `cruscotto import` da { $file } ({ $what }).
import-comment-text = testo separato da { $delimiter ->
        [tab] tabulazioni
        [semicolon] punti e virgola
       *[comma] virgole
    }
import-comment-workbook = cartella di lavoro { $format }, { $sheets ->
        [one] { $sheets } foglio
       *[other] { $sheets } fogli
    }
import-comment-lines = righe { $first }-{ $last }
import-comment-rows = righe { $first }-{ $last }
import-comment-sheet-rows = foglio "{ $sheet }", righe { $first }-{ $last }
import-comment-from-to = da { $first } a { $last }
import-comment-dashboard = il cruscotto strategico ({ $rows })
import-comment-operational = la tabella operativa ({ $rows })
import-comment-read = Fonte: { $parts }.
import-comment-read-both = Fonte: { $dashboard } e { $operational }.
import-comment-inferred = Dedotto (da verificare):
import-comment-headers = L'intestazione di ogni nodo indica la riga da cui proviene. I commenti sopra un nodo dicono come l'importazione ha letto le righe che ha dovuto interpretare; gli avvisi stampati dicono lo stesso, con riga e colonna.
import-comment-mission = Missione { $id }
import-comment-registries = Anagrafiche
import-comment-scoring = La fonte non indica regole di calcolo: questi sono i valori predefiniti dello strumento, riportati per esteso da adattare.
import-comment-scale = La fonte usa i livelli di questa scala nei target (`≥ a medio`) ma non la definisce.
import-inferred-year-option = anno { $year } (`year`): indicato con --year
import-inferred-year = anno { $year } (`year`): { $how }
import-year-heading = l'intestazione "{ $text }"
import-year-deadlines = l'anno di { $count } delle { $total } scadenze dei target operativi
import-year-act = l'anno dell'atto di adozione
import-inferred-body-option = ente (`body`): indicato con --body
import-inferred-body = ente (`body`): { $place }
import-inferred-horizon = orizzonte { $first }-{ $last } (`horizon`): { $how }
import-horizon-columns = le colonne degli anni del cruscotto
import-horizon-columns-relative = le colonne degli anni del cruscotto, l'anno del piano e gli anni a cui rimandano i target relativi
import-horizon-year = l'anno del piano
import-horizon-year-relative = l'anno del piano e gli anni a cui rimandano i target relativi
import-inferred-adopted-by = atto di adozione (`adopted-by`): { $place }, "{ $text }"
import-inferred-title-option = titolo (`title`): indicato con --title
import-inferred-title = titolo (`title`): { $place }
import-inferred-title-made = titolo (`title`): composto dalle parti trovate; la fonte non lo indica
import-comment-repeated-objective = { $place } ripete il testo di questo obiettivo invece di lasciare vuota la cella: letto come lo stesso obiettivo.
import-comment-shifted = { $place } è spostata nella fonte: { $shift }. Riallineata.
import-comment-markup = Le celle da qui in poi ({ $place }) contengono tag HTML (un residuo dell'esportazione): rimossi.
import-comment-no-program = La fonte non indica il programma degli obiettivi operativi seguenti: questo ne fa le veci.
import-comment-no-operational = La fonte non indica l'obiettivo operativo degli indicatori seguenti: questo prende il nome dal suo programma.
import-comment-two-indicators = { $place } contiene due indicatori: { $source }. Letti come due: { $how }.
import-comment-pair-source = indicatore "{ $name }", target "{ $target }"
import-comment-pair-services = , servizi "{ $text }"
import-comment-pair-area = , area "{ $text }"
import-comment-pair-split = divisi in questo indicatore e nel successivo
import-comment-pair-not-split = il testo non si è potuto dividere dove inizia il secondo indicatore, quindi entrambi lo riportano per intero: dividerlo a mano
import-comment-second-indicator = Il secondo indicatore della stessa riga della fonte ({ $place }; vedere quello sopra).
import-comment-standalone-revision = La nota di revisione ({ $place }) sta da sola sulla sua riga: è attribuita all'obiettivo che la precede.
import-comment-no-mission = La fonte non indica la missione degli obiettivi seguenti.
import-note-from = { $place }: { $text }
import-note-target = Il target è scritto "{ $text }" ({ $place }).
import-note-year-target = Il target { $year } è scritto "{ $text }" ({ $place }).
import-note-mission-variant = La tabella operativa ({ $place }) scrive "{ $code }_{ $name }"; si mantiene il nome del cruscotto.
import-note-objective-variant = La tabella operativa ({ $place }) scrive "{ $number }. { $name }"; si mantiene il nome del cruscotto.
import-note-no-indicator = { $place }: { $described } (nessun indicatore sulla riga).
import-note-spellings = Scritto anche { $spellings } nella fonte.
import-note-spelling = "{ $text }" ({ $rows ->
        [one] { $rows } riga
       *[other] { $rows } righe
    })
import-note-cell = { $place }: "{ $text }"
import-name-unnamed-indicator = (indicatore senza nome, { $place })
import-note-area-code-only = La fonte indica solo il codice.
import-note-area-unknown = La fonte non associa un'area ad alcuni servizi: vedere i servizi di quest'area.
