# Le modifiche tra due versioni del piano (`cruscotto diff`), in testo e Markdown: per l'allegato
# della deliberazione che adotta un aggiornamento.

## Intestazioni

diff-identical = nessuna differenza
diff-warning = attenzione
diff-markdown-warning = Attenzione
# Le revisioni aggiunte (`+`) o tolte (`-`) da un nodo.
diff-revision-word = revisione
diff-markdown-title = Modifiche al piano
diff-markdown-from-to = Da `{ $old }` a `{ $new }`.
diff-markdown-none = Nessuna modifica.
diff-section-plan = piano
diff-section-scoring = regole di calcolo
diff-section-registries = registri
diff-section-overrides = sterilizzazioni e rideterminazioni
# Un nodo: `S1 (obiettivo strategico, modificato): <denominazione>`; `$kind`: il livello, per
# concordare.
diff-node = { $id } ({ $level }, { $change ->
        [added] { $kind ->
            [mission] inserita
           *[other] inserito
        }
        [deleted] { $kind ->
            [mission] cancellata dal file
           *[other] cancellato dal file
        }
       *[changed] { $kind ->
            [mission] modificata
           *[other] modificato
        }
    }): { $name }
diff-revision-added = revisione registrata
diff-revision-deleted = revisione cancellata
diff-column-id = codice
diff-column-level = livello
diff-column-name = denominazione
diff-column-change = modifica
diff-column-before = prima
diff-column-after = dopo
diff-column-needs = richiede
diff-node-added = inserito
diff-node-deleted = cancellato dal file
diff-markdown-uncovered = Modifiche senza atto

## Perché leggere il confronto con attenzione

diff-warning-bodies = i due piani sono di enti diversi: { $old } e { $new }
diff-warning-years = i due piani sono di anni diversi: { $old } e { $new }
# `$first`: il primo indicatore; `$others`: quanti altri.
diff-warning-shorthand = la nuova versione scrive { $count } target con l'abbreviazione `target =` ({ $first }{ $others ->
        [0] {""}
       *[other] { " " }e altri { $others }
    }), che segue `year`: sono passati dal { $old } al { $new }; scrivere ciascuno sotto il suo anno (`targets = {"{"} { $old } = ... {"}"}`), come fa `cruscotto rollover`

## I campi che cambiano

diff-field-body = ente
diff-field-title = titolo
diff-field-year = anno
diff-field-horizon = orizzonte
diff-field-adopted-by = adottato con
diff-field-lang = lingua
diff-field-notes = note
diff-field-accept = segnalazioni accettate
diff-field-cap = tetto
diff-field-floor = soglia minima
diff-field-partial-threshold = soglia di raggiungimento parziale
diff-field-missing-data = dati mancanti
diff-field-deadline-grace-days = giorni di tolleranza delle scadenze
diff-field-level = livello
diff-field-name = denominazione
diff-field-parent = nodo superiore
diff-field-status = stato
diff-field-weight = peso
diff-field-perspective = prospettiva
diff-field-formula = algoritmo di calcolo
diff-field-unit = unità di misura
diff-field-polarity = polarità
diff-field-scale = scala
diff-field-services = servizi
diff-field-area = area
diff-field-cross-cutting = trasversale
diff-field-act-number = numero degli atti
diff-field-levels = nomi dei livelli
diff-field-body-rule = calcolo del grado dell'ente
diff-field-parts = combinazione delle condizioni
diff-field-group-weights = pesi nelle aree e nei servizi
diff-field-bands = fasce di valutazione
diff-field-code = codice dell'ente
diff-field-responsible = responsabile
diff-field-resources = risorse
diff-field-links = collegamenti
diff-field-measures = misure
diff-field-base = valore di partenza
diff-field-type = tipo di indicatore
diff-field-source = fonte dei dati
diff-field-reported-by = a cura di
diff-field-target = target { $year }
# Una voce di un registro: `servizio promozione`.
diff-field-registry = { $registry ->
        [area] area
        [service] servizio
        [perspective] prospettiva
       *[scale] scala
    } { $id }
diff-field-override = decisione su { $id } per il { $year }
diff-missing-data = { $mode ->
        [zero] zero
        [error] errore
       *[exclude] esclusi
    }

## Le revisioni registrate sui nodi

# `$by`: `act` con l'atto, `year` con l'anno soltanto, `none` senza l'uno e l'altro;
# `$has_note`, `$previous`: `yes` o `no`.
diff-revision = { $change }{ $by ->
        [act] { " " }con { $act }
        [year] { " " }nel { $year }, senza atto
       *[none] , senza atto
    }{ $has_note ->
        [yes] : { $note }
       *[no] {""}
    }{ $previous ->
        [yes] { " " }[valori precedenti registrati]
       *[no] {""}
    }

## Le modifiche che nessun atto copre (`--require-acts`)

diff-uncovered = { $count ->
        [one] { $count } modifica non coperta da un atto:
       *[other] { $count } modifiche non coperte da un atto:
    }
diff-all-covered = ogni modifica è coperta da una revisione con il suo atto
diff-needs = richiede { $needs }
# `$kind`: il livello, per concordare; `$level`: il suo nome.
diff-what-deleted = { $kind ->
        [mission] { $level } cancellata dal file
       *[other] { $level } cancellato dal file
    }
diff-what-added = { $kind ->
        [mission] { $level } inserita
       *[other] { $level } inserito
    }
diff-what-revision-deleted = revisione cancellata: { $revision }
# `$after`: `dopo <atto>`, o `datato` quando la versione precedente non registra l'atto di adozione.
diff-after = { $form ->
        [act] successivo a { $act }
       *[dated] datato
    }
diff-needs-adopting-act = un nuovo atto `adopted-by` in [plan], con numero e data, { $after }
diff-needs-revision = { $change ->
        [inserted] una revisione `inserted`
        [removed] una revisione `removed`
       *[updated] una revisione `updated`
    } aggiunta in questa versione, sul nodo o su un suo antenato, che citi un atto con numero e data { $after }
diff-needs-nothing-node = nulla può coprirla: un nodo eliminato resta nel file con `status = "removed"` e la sua revisione
diff-needs-nothing-revision = nulla può coprirla: la storia di un piano si può solo arricchire
diff-needs-override-act = l'atto della decisione stessa, con numero e data, { $after }
diff-needs-nothing-override = nulla può coprirla: una decisione resta agli atti; una successiva la sostituisce, con il suo atto
