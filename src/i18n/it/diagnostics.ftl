# Diagnostiche: un messaggio per caso, e la sua riga di aiuto (`-help`), raggruppati per codice.
# Le parole comuni (il livello di un elemento, un tipo TOML, che cosa contiene una chiave) vengono
# prima.

## Comuni

did-you-mean = forse si intendeva `{ $suggestion }`?
level-name = { $level ->
    [mission] missione
    [strategic-objective] obiettivo strategico
    [program] programma
    [operational-objective] obiettivo operativo
   *[indicator] indicatore
}
toml-type = { $kind ->
    [string] stringa
    [integer] numero intero
    [float] numero decimale
    [boolean] valore booleano
    [datetime] data e ora
    [array] array
   *[table] tabella
}
key-meaning = `{ $key }`: { $meaning }
explain-lists-codes = `cruscotto explain` elenca i codici
omitted = { $count ->
        [one] … e un altro `{ $code }`, non mostrato
       *[other] … e altri { $count } `{ $code }`, non mostrati
    }
omitted-in-file = { $count ->
        [one] … e un altro `{ $code }` in { $file }, non mostrato
       *[other] … e altri { $count } `{ $code }` in { $file }, non mostrati
    }
omitted-on-line = { $count ->
        [one] … e un altro `{ $code }` alla riga { $line } di { $file }, non mostrato
       *[other] … e altri { $count } `{ $code }` alla riga { $line } di { $file }, non mostrati
    }
accepted-ignored = ignorato con `--ignore { $code }` dalla riga di comando
accepted-reason = { $reason }

## Che cosa deve essere il valore di ogni tipo di chiave (`wrong-type`)

expected-string = una stringa
expected-boolean = `true` o `false`
expected-year = un anno (un numero intero come 2019)
expected-count = un numero intero non negativo
expected-date = una data come 2019-07-25
expected-decimal = un numero (un intero, `1.45`, o una stringa come "1,45")
expected-id = un id (una stringa)
expected-id-or-ids = un id o un array di id
expected-years = un anno o un array di anni
expected-year-pair = un array di due anni, come [2016, 2020]
expected-enum = uno dei valori ammessi (una stringa)
expected-strings = un array di stringhe
expected-string-or-integer = una stringa o un numero intero
expected-targets = una tabella di target per anno, come { "{" } 2019 = "≥ 90%" { "}" }
expected-target = un target: una stringa come "≥ 90%", un numero, o un array di condizioni
expected-weight = un peso (un numero), o una tabella di pesi per anno come { "{" } 2024 = 2, 2025 = 3 { "}" }
expected-amounts = una tabella di importi per anno, come { "{" } 2024 = "1.200.000" { "}" }
expected-code = un codice diagnostico, una stringa come "incomplete-act"
expected-table = una tabella
expected-array-of-tables = un array di tabelle

## Che cosa contiene una chiave obbligatoria (l'aiuto di `missing-key` e di una `reason` vuota)

field-accept-code = il codice dell'avviso accettato, per esempio "incomplete-act"
field-accept-reason = perché il rilievo resta: ciò che il lettore del piano deve sapere
field-override-node = l'indicatore, l'obiettivo o il programma di cui si stabilisce l'esito
field-override-year = l'anno dell'esito
field-override-outcome = neutralised (escluso da ogni aggregazione) o reassessed (con il grado di raggiungimento `attainment` indicato)
field-level-name = il nome, per esempio "obiettivo specifico"
field-band-from = il grado di raggiungimento più basso della fascia; quello della prima fascia è 0
field-band-label = l'etichetta della fascia, per esempio "parzialmente raggiunto"
field-base-year = l'anno del valore di partenza
field-base-value = il valore misurato in quell'anno
field-measure-id = il suo codice nell'indicatore, per esempio "riusi"
field-measure-name = che cosa conta
field-measure-unit = la sua unità di misura
field-link-kind = piao, anticorruption, pnrr, budget, plan o other
field-link-ref = il riferimento in quel documento, per esempio "M1C1-123"
field-override-reason = perché l'esito calcolato non vale
field-override-decided-by = chi ha deciso, per esempio "OIV" o "Giunta"
field-override-act = l'atto che registra la decisione, con numero e data
field-revision-change = che cosa ha fatto l'atto all'elemento: inserted, updated o removed (inserito, aggiornato o eliminato)
field-plan-body = l'ente pubblico
field-plan-title = il titolo del documento
field-plan-year = l'anno del piano: l'anno del piano operativo e l'anno predefinito di `score`
field-plan-horizon = il primo e l'ultimo anno per cui si possono dare target; deve contenere `year`
field-area-id = il codice dell'area, per esempio "II"
field-service-name = il nome del servizio come lo scrive l'ente
field-service-area = l'area a cui appartiene il servizio
field-perspective-name = il suo nome
field-scale-levels = almeno due livelli distinti, dal più basso
field-node-id = l'id stabile dell'elemento, unico in tutto il piano
field-node-name = il testo dell'elemento come l'ha scritto l'ente
field-indicator-objective = l'obiettivo strategico o operativo che l'indicatore misura
field-root-plan = i metadati del piano
field-registry-id = un codice breve

## Le descrizioni dei codici (`cruscotto explain`)

code-invalid-encoding = Il file non è testo UTF-8.
code-toml-syntax = Il file non è TOML valido.
code-unknown-key = Una chiave che il formato non definisce.
code-wrong-type = Un valore del tipo TOML sbagliato (una stringa dove si attende un numero, ...).
code-missing-key = Manca una chiave obbligatoria.
code-invalid-value = Un valore del tipo giusto ma non ammesso (una polarità sconosciuta, un orizzonte errato...).
code-invalid-id = Un id con caratteri diversi da lettere, cifre, `.`, `_` e `-`.
code-duplicate-id = Due voci hanno lo stesso id.
code-unknown-parent = Un elemento indica un padre che non esiste o è del livello sbagliato.
code-undeclared-area = Un riferimento a un'area non dichiarata.
code-undeclared-service = Un riferimento a un servizio non dichiarato.
code-undeclared-perspective = Un riferimento a una prospettiva non dichiarata.
code-undeclared-scale = Un riferimento a una scala non dichiarata.
code-invalid-target = Un target che non è nella notazione dei target.
code-target-outside-horizon = Un target (o l'anno a cui si riferisce un target relativo) fuori dall'orizzonte del piano.
code-negative-weight = Un peso minore di zero.
code-baseline-with-target = Un anno che è sia anno di rilevazione sia anno con un target.
code-removed-without-revision = Un elemento con `status = "removed"` ma senza una revisione che lo elimina.
code-removal-not-marked = Una revisione elimina un elemento che risulta ancora attivo.
code-inconsistent-unit = I target di un indicatore non hanno la stessa unità di misura (o non concordano con la sua `unit`).
code-polarity-conflict = L'operatore di un target va nel verso opposto alla polarità dell'indicatore.
code-bare-target-without-polarity = Un target numerico senza operatore su un indicatore senza polarità esplicita.
code-deadline-outside-year = Una scadenza datata fuori dall'anno di cui è il target.
code-target-after-removal = Un indicatore eliminato ha ancora target per gli anni successivi all'eliminazione.
code-incomplete-act = L'atto di una revisione non ha numero o data.
code-conflicting-act-numbers = Un atto della stessa data è citato con due numeri diversi.
code-duplicate-indicator = Lo stesso testo di indicatore sotto due obiettivi.
code-empty-program = Un programma senza obiettivi operativi.
code-objective-without-indicators = Un obiettivo strategico o operativo senza indicatori.
code-area-mismatch = L'`area` di un indicatore differisce dalle aree dei suoi servizi.
code-removal-before-insertion = Una revisione elimina un elemento in una data precedente alla revisione che lo ha inserito.
code-act-after-plan-year = Un atto datato dopo l'anno del piano (una revisione del piano 2019 adottata nel 2021?).
code-invalid-override = Una decisione sull'esito che non si può applicare: un elemento sconosciuto, un anno fuori dall'orizzonte, una rideterminazione senza grado di raggiungimento, due decisioni per lo stesso elemento e anno.
code-unused-acceptance = Un rilievo accettato che il piano non ha più: l'accettazione si può togliere.
code-zero-weights = Tutti i figli di un nodo pesano 0 in un anno: quell'anno il nodo non ha un grado di raggiungimento.
code-hidden-character = Un testo contiene un carattere invisibile o che inverte il testo vicino.
code-invalid-csv = Il file dei valori a consuntivo non è una tabella leggibile: una colonna ripetuta, una riga con più campi dell'intestazione, virgolette mai chiuse.
code-missing-column = Al file dei valori a consuntivo manca una colonna obbligatoria.
code-unknown-indicator = Una riga indica un indicatore che il piano non ha.
code-year-outside-horizon = L'anno di una riga è fuori dall'orizzonte del piano.
code-invalid-actual = Un valore che non si può leggere, o che non corrisponde all'unità di misura dell'indicatore.
code-zero-denominator = Un valore dato come numeratore / denominatore con denominatore zero.
code-duplicate-actual = Lo stesso indicatore e anno su due righe.
code-missing-actual = Manca un valore a consuntivo atteso (con `missing-data = "error"`, o `score --strict`).
code-unexplained-deviation = Un indicatore non raggiunto o parzialmente raggiunto senza una nota che motivi lo scostamento (`score --strict`).
code-unknown-column = Una colonna che `score` non legge; il suo contenuto è ignorato.
code-actual-looks-like-fraction = Una percentuale scritta come frazione (`0,95` invece di `95`).
code-missing-evidence = Un risultato qualitativo giudicato senza la nota con le evidenze su cui il giudizio si fonda.
code-unreadable-workbook = Il file non si può leggere come cartella di lavoro o tabella di testo: danneggiato, protetto da password o binario.
code-import-no-layout = Nessun foglio del file ha una struttura che l'importazione riconosce.
code-import-missing-metadata = Il sorgente non indica l'ente o l'anno del piano, e nessuna opzione lo fa.
code-import-unplaced-content = Contenuto che l'importazione non ha potuto collocare nell'albero: conservato come nota dell'elemento più vicino.
code-import-shifted-row = Una riga con le celle nelle colonne sbagliate: riallineata.
code-import-merged-indicators = Una riga con due indicatori: divisa in due, o lasciata intera su entrambi.
code-import-name-variant = Una missione, un obiettivo, un servizio o un'area scritti in due modi: si tiene una grafia.

## toml-syntax

toml-syntax = TOML non valido: { $reason }

## unknown-key

unknown-key = chiave sconosciuta `{ $key }` in { $table }
unknown-key-top = chiave sconosciuta `{ $key }` nel file del piano
unknown-key-help = chiavi ammesse: { $keys }

## wrong-type

wrong-type = `{ $key }` deve essere { $expected }; trovato: { $found }
wrong-type-help-header = scrivere l'intestazione come { $table }
wrong-type-help-quote = mettere il valore tra virgolette: "..."
wrong-type-help-date = scrivere le date senza virgolette, come 2019-07-25
wrong-type-help-table = scriverlo come tabella: { $table }
wrong-type-table = { $table } deve essere una tabella; trovato: { $found }
wrong-type-each-table = ogni `{ $key }` deve essere una tabella; trovato: { $found }
wrong-type-ids = `{ $key }` deve contenere id (stringhe); trovato: { $found }
wrong-type-years = `{ $key }` deve contenere anni; trovato: { $found }
wrong-type-levels = i livelli devono essere stringhe; trovato: { $found }
wrong-type-target = un target deve essere una stringa, un numero o un array di condizioni; trovato: { $found }
wrong-type-condition = una condizione deve essere una stringa o un numero; trovata: { $found }

## missing-key

missing-key = manca la chiave `{ $key }`
missing-key-in = manca la chiave `{ $key }` in { $table }

## invalid-value

integer-too-large = `{ $value }` è troppo grande
not-a-year = `{ $text }` non è un anno
negative-count = `{ $key }` deve essere 0 o più; trovato: { $value }
date-out-of-range = `{ $key }`: { $value } non è una data tra l'anno 1 e il 9999
date-out-of-range-help = scrivere la data dell'atto, come 2019-07-25
date-with-time = `{ $key }` deve essere una data senza ora; trovato: { $value }
date-with-time-help = scriverla come 2019-07-25
invalid-number = `{ $key }`: { $reason }
invalid-choice = `{ $value }` non è un valore ammesso per `{ $key }`
invalid-choice-help-english = i valori sono in inglese: `{ $value }` si scrive `{ $english }`
invalid-choice-help = valori ammessi: { $values }
plan-year-outside-horizon = l'anno del piano { $year } è fuori dall'orizzonte { $first }–{ $last }
invalid-horizon = `horizon` deve essere [primo anno, ultimo anno]
invalid-horizon-help = per esempio `horizon = [2019, 2021]`, con il primo anno non successivo all'ultimo
scoring-cap-too-low = `cap` deve essere almeno 100 (100 significa che il superamento del target non si conta); trovato: { $value }
scoring-share-out-of-range = `{ $key }` deve essere tra 0 e 100; trovato: { $value }
empty-text = `{ $key }` è vuoto
accepted-twice = `{ $code }` è accettato due volte qui
accepted-twice-help = un'accettazione per codice e tabella: dare un'unica motivazione per tutti i suoi rilievi
not-a-code = `{ $name }` non è un codice diagnostico
accepted-error = `{ $code }` è un errore, e gli errori non si possono accettare
accepted-error-help = correggerlo: un piano con un errore non si può leggere come lo intendevano gli autori
accepted-unused-acceptance = `unused-acceptance` non si può accettare
accepted-unused-acceptance-help = togliere l'accettazione che nessun rilievo usa
accepted-other-file = `{ $code }` non è un rilievo sul piano
accepted-other-file-help = i rilievi su altri file si accettano dalla riga di comando: `--ignore { $code }`
scale-level-repeated = il livello `{ $level }` è vuoto o ripetuto
scale-too-few-levels = una scala richiede almeno due livelli, dal più basso
previous-not-an-update = i valori `previous` appartengono a un aggiornamento, non a una revisione `{ $change }`
previous-not-an-update-help = un elemento inserito non aveva valori precedenti; uno eliminato conserva i suoi valori nel file
previous-wrong-key = `previous` non può registrare `{ $key }` per un elemento di livello { $level }
previous-empty = `previous` non registra nulla
previous-empty-help = elencare i campi che l'aggiornamento ha cambiato con i valori precedenti, o togliere `previous`
target-and-targets = `target` e `targets` non possono essere indicati insieme
target-and-targets-help = spostare questo target in `targets` sotto il suo anno
target-year-help = i target sono indicati per anno: `targets = { "{" } 2019 = "≥ 90%" { "}" }`

## invalid-id

invalid-id = `{ $id }` non è un id valido
invalid-id-help = gli id usano lettere ASCII (A-Z, a-z), cifre, `.`, `_` e `-`, iniziano con una lettera o una cifra e hanno al massimo 64 caratteri

## invalid-target

invalid-target = target non valido: { $reason }
target-empty-help = togliere l'anno, o scriverne il target

## negative-weight

negative-weight = il peso { $value } è negativo
negative-weight-help = i pesi sono quote relative: usare 0 per escludere un elemento dalle aggregazioni

## act-after-plan-year

act-after-plan-year-adoption = il piano del { $year } è adottato da un atto del { $date }, successivo al suo anno
act-after-plan-year-adoption-help = verificare `year` e `adopted-by`

## invalid-override

reassessment-without-attainment = una rideterminazione senza il suo `attainment`
reassessment-without-attainment-help = indicare il grado di raggiungimento deciso, per esempio `attainment = 100`
neutralised-with-attainment = un esito sterilizzato non ha `attainment`: resta escluso dalle aggregazioni
neutralised-with-attainment-help = togliere `attainment`, o scrivere `outcome = "reassessed"`
negative-attainment = il grado di raggiungimento { $value } è negativo
# Un livello con il nome che gli dà il piano (`[levels]`).
level-named = { $name }
level-name-with-article = { $level ->
    [mission] una missione
    [strategic-objective] un obiettivo strategico
    [program] un programma
    [operational-objective] un obiettivo operativo
   *[indicator] un indicatore
}

## invalid-encoding

invalid-encoding = il file non è UTF-8: byte { $byte } alla posizione { $offset }
invalid-encoding-help = salvare il piano con la codifica UTF-8 (gli editor la offrono in "Salva con nome" o nella barra di stato)
invalid-encoding-utf16 = il file è UTF-16 (secondo il suo byte order mark) ma non è UTF-16 valido
invalid-encoding-utf16-without-bom = il file è testo UTF-16 senza byte order mark, non UTF-8
invalid-encoding-binary = il file è binario, non un piano in formato testo
invalid-encoding-binary-help = un piano è un file di testo TOML in UTF-8

## duplicate-id

duplicate-id = l'id `{ $id }` è già usato alla riga { $line } ({ $level })
duplicate-id-help = gli id collegano i valori a consuntivo e le versioni del piano: ogni elemento deve avere il proprio
duplicate-id-registry = { $what ->
        [area] l'area `{ $id }` è dichiarata due volte (la prima alla riga { $line })
        [service] il servizio `{ $id }` è dichiarato due volte (il primo alla riga { $line })
        [perspective] la prospettiva `{ $id }` è dichiarata due volte (la prima alla riga { $line })
       *[scale] la scala `{ $id }` è dichiarata due volte (la prima alla riga { $line })
    }

## unknown-parent

unknown-parent = `{ $id }` ({ $level }) appartiene a `{ $parent }`, che non è nel piano
unknown-parent-help = correggere l'id, o aggiungere al piano `{ $parent }` ({ $expected })
parent-of-wrong-level = il padre di `{ $id }` ({ $level }) deve essere { $expected }, ma `{ $parent }` è { $found }
previous-parent-unknown = il padre precedente `{ $parent }` di `{ $id }` non è un elemento del livello giusto nel piano
previous-parent-unknown-help = un elemento spostato conserva nel file il suo vecchio padre (eliminato, se occorre)

## undeclared-area, undeclared-service, undeclared-perspective, undeclared-scale

undeclared = { $what ->
        [area] l'area `{ $id }` non è dichiarata
        [service] il servizio `{ $id }` non è dichiarato
        [perspective] la prospettiva `{ $id }` non è dichiarata
       *[scale] la scala `{ $id }` non è dichiarata
    }
undeclared-help-none = { $what ->
        [area] nessuna area è dichiarata
        [service] nessun servizio è dichiarato
        [perspective] nessuna prospettiva è dichiarata
       *[scale] nessuna scala è dichiarata
    }: aggiungere una tabella [[{ $what }]]
undeclared-help-many = sono dichiarati { $count } id di { $what ->
        [area] aree
        [service] servizi
        [perspective] prospettive
       *[scale] scale
    }: `cruscotto list` li mostra
undeclared-help-list = dichiarati: { $ids }
previous-undeclared = { $what ->
        [area] l'area precedente `{ $id }` di `{ $node }` non è dichiarata
       *[service] il servizio precedente `{ $id }` di `{ $node }` non è dichiarato
    }

## invalid-target (i controlli rispetto alle scale del piano)

target-not-a-level = `{ $level }` non è un livello della scala `{ $scale }`
target-not-a-level-help = i livelli di `{ $scale }` sono: { $levels }
target-neither-notation-nor-level = target non valido: `{ $target }` non è né nella notazione dei target né un livello dichiarato
target-declare-scale-help = dichiarare i livelli in una tabella [[scale]]; { $forms }
target-level-of-several-scales = il livello `{ $level }` appartiene a più scale
target-level-of-several-scales-help = indicare `scale` nell'indicatore

## target-outside-horizon

target-outside-horizon = `{ $id }` ha un target per il { $year }, fuori dall'orizzonte { $first }–{ $last }
target-outside-horizon-help = ampliare `horizon` in [plan], o togliere il target
target-reference-outside-horizon = il target { $year } `{ $target }` di `{ $id }` si riferisce al { $reference }, fuori dall'orizzonte { $first }–{ $last }
target-reference-outside-horizon-help = serve il valore a consuntivo dell'anno di riferimento: ampliare `horizon` fino a includerlo

## baseline-with-target

baseline-with-target = il { $year } è un anno di rilevazione di `{ $id }` ma ha anche il target `{ $target }`
baseline-with-target-help = un anno di rilevazione si misura soltanto: togliere l'anno da `baseline` o togliere il suo target

## removed-without-revision

removed-without-revision = `{ $id }` ({ $level }) è indicato come eliminato, ma nessuna revisione ne registra l'eliminazione
removed-without-revision-help = aggiungere una revisione con `change = "removed"` e l'atto che ha eliminato l'elemento, o togliere `status`

## removal-not-marked

removal-not-marked = una revisione elimina `{ $id }` ({ $level }), che non è indicato come eliminato
removal-not-marked-help = aggiungere `status = "removed"` all'elemento

## inconsistent-unit

inconsistent-unit = il target { $year } `{ $target }` di `{ $id }` è { $kind }, ma { $reason }
inconsistent-unit-help = scrivere il target di ogni anno nella stessa unità di misura, o impostare `unit` su quella voluta
inconsistent-unit-help-percent = se si intendeva una percentuale, scrivere `{ $target }%`; altrimenti impostare la `unit` corretta
unit-declared = la sua unità di misura è `{ $unit }`
unit-implied = il suo target { $year } `{ $target }` è { $kind }
unit-kind-percent = una percentuale
unit-kind-days = un numero di giorni
unit-kind-euro = un importo in euro
unit-kind-date = una data
unit-kind-level = un livello
unit-kind-yes-no = un sì/no
unit-kind-number = un numero semplice

## polarity-conflict

polarity-conflict-declared = il target { $year } `{ $target }` di `{ $id }` va nel verso opposto: la polarità dell'indicatore è `{ $polarity }`
polarity-conflict-inferred = il target { $year } `{ $target }` di `{ $id }` va nel verso opposto: i suoi altri target indicano `{ $polarity }`
polarity-conflict-help = verificare l'operatore di confronto, o impostare `polarity` sul verso migliore

## bare-target-without-polarity

bare-target-without-polarity = `{ $id }` ha il target senza operatore `{ $target }` per il { $year }{ $others ->
        [0] {""}
        [one] { " " }(e un altro)
       *[other] { " " }(e altri { $others })
    } ma nessuna `polarity`: letto come `{ $read_as } { $target }` ({ $basis ->
        [inferred] ricavato dagli altri target
       *[assumed] per ipotesi
    })
bare-target-without-polarity-help = aggiungere all'indicatore `polarity = "increase"` (più alto è meglio) o `polarity = "decrease"`

## deadline-outside-year

deadline-outside-year = il target { $year } di `{ $id }` è la scadenza { $date }, in un altro anno
deadline-outside-year-help = verificare l'anno della scadenza o l'anno di cui è il target

## target-after-removal

target-after-removal = `{ $id }` è stato eliminato nel { $removed } ma ha ancora target per { $years }
target-after-removal-help = i target successivi all'eliminazione non si misurano mai: cancellarli, o registrare in `notes` perché restano

## incomplete-act

incomplete-act = la revisione { $change ->
        [inserted] di inserimento
        [removed] di eliminazione
       *[updated] di aggiornamento
    } di `{ $id }` { $missing ->
        [act] non cita alcun atto
        [number] cita un atto ({ $act }) senza numero
        [date] cita un atto ({ $act }) senza data
       *[number-and-date] cita un atto ({ $act }) senza numero né data
    }
incomplete-act-help = registrare numero e data dell'atto: una modifica senza numero non si può ricondurre a una deliberazione
incomplete-act-help-same-day = il piano è stato adottato con { $adopting } lo stesso giorno: se è quell'atto, registrarne il numero
incomplete-act-override = la decisione sull'esito di `{ $id }` per il { $year } cita un atto ({ $act }) { $missing ->
        [number] senza numero
        [date] senza data
       *[number-and-date] senza numero né data
    }
incomplete-act-override-help = registrare numero e data dell'atto: la decisione deve essere tracciabile

## conflicting-act-numbers

conflicting-act-numbers = l'atto del { $date } è citato con numeri diversi: { $citations }
act-number-cited = n. { $number } ({ $count ->
        [one] { $count } volta
       *[other] { $count } volte
    })
conflicting-act-numbers-help = una data, una deliberazione: verificare se n. { $number } è un refuso

## duplicate-indicator

duplicate-indicator = { $count } indicatori hanno lo stesso testo: { $uses }
duplicate-indicator-use = `{ $id }` (sotto `{ $parent }`)
duplicate-indicator-help = il testo di un indicatore dovrebbe dire che cosa misura per il suo obiettivo: renderli specifici, o verificare un errore di copia

## empty-program

empty-program = il programma `{ $id }` non ha obiettivi operativi
empty-program-help = un programma senza obiettivi operativi quest'anno non si misura

## objective-without-indicators

objective-without-indicators = `{ $id }` ({ $level }) { $removed ->
        [0] non ha indicatori
        [one] non ha indicatori attivi (uno eliminato)
       *[other] non ha indicatori attivi ({ $removed } eliminati)
    }
objective-without-indicators-help = un obiettivo senza indicatori non si può misurare

## area-mismatch

area-mismatch = l'indicatore `{ $id }` è assegnato all'area { $declared } ma i suoi servizi appartengono a { $services }
area-mismatch-help = correggere `area`, o l'`area` dei servizi nel registro [[service]]

## removal-before-insertion

removal-before-insertion = `{ $id }` ({ $level }) è eliminato il { $removed }, prima di essere stato inserito il { $inserted }
removal-before-insertion-help = verificare le date dei due atti

## act-after-plan-year (delle revisioni)

act-after-plan-year = la revisione { $change ->
        [inserted] di inserimento
        [removed] di eliminazione
       *[updated] di aggiornamento
    } di `{ $id }` cita un atto del { $date }, successivo all'anno del piano { $year }
act-after-plan-year-help = la revisione del piano di un anno si adotta durante quell'anno: verificare la data dell'atto, o registrare la modifica nel piano dell'anno successivo

## invalid-override (rispetto al piano)

override-unknown-node = la decisione sull'esito indica `{ $id }`, che non è un elemento del piano
override-unknown-node-help = indicare l'indicatore, l'obiettivo o il programma con il suo id
override-mission = la missione `{ $id }` non ha un esito proprio da rideterminare
override-mission-help = decidere sull'esito dei suoi obiettivi strategici: il grado di raggiungimento dell'ente li aggrega, non le missioni
override-outside-horizon = la decisione sull'esito di `{ $id }` riguarda il { $year }, fuori dall'orizzonte { $first }–{ $last }
override-outside-horizon-help = si decide sull'esito di un anno che il piano misura
override-twice = per `{ $id }` nel { $year } c'è già una decisione sull'esito alla riga { $line }
override-twice-help = una decisione per elemento e anno: una decisione successiva sostituisce la precedente, con il proprio atto
override-above-cap = il grado di raggiungimento { $attainment } dato a `{ $id }` supera il tetto { $cap }
override-above-cap-help = un grado di raggiungimento rideterminato è compreso tra 0 e il `cap` di [scoring]

## unused-acceptance

unused-acceptance-node = `{ $code }` è accettato su `{ $id }`, ma `{ $id }` non ha questo rilievo
unused-acceptance-plan = `{ $code }` è accettato in [plan], ma il piano non ha questo rilievo
unused-acceptance-help = togliere l'accettazione: il rilievo che accettava non c'è più

## invalid-csv

invalid-csv = CSV non valido: { $reason }
invalid-csv-extra-fields = la riga ha { $fields } campi ma l'intestazione ne ha { $header }
invalid-csv-extra-fields-lost = la riga ha { $fields } campi ma l'intestazione ne ha { $header }: `{ $extra }` andrebbe perso
invalid-csv-extra-fields-help-comma = una virgola decimale in un file separato da virgole divide il numero: metterlo tra virgolette ("98,5") o usare `;` come separatore
invalid-csv-extra-fields-help = togliere i campi in più, o aggiungere le loro colonne all'intestazione
invalid-csv-unclosed-quote = le virgolette aperte su questa riga non sono chiuse: { $rows ->
        [one] la riga seguente è letta
       *[other] le { $rows } righe seguenti sono lette
    } come parte di un solo campo
invalid-csv-unclosed-quote-help = chiudere le virgolette (un campo tra virgolette termina con `"`; una virgoletta al suo interno si scrive `""`)
invalid-csv-same-column = `{ $name }` è la stessa colonna di `{ $first }` (colonna { $column })
invalid-csv-same-column-help = tenerne una: ogni colonna può comparire una volta, in inglese o in italiano

## missing-column

missing-column = manca la colonna `{ $name }`
missing-column-help = l'intestazione richiede `indicator` (o `indicatore`), `year` (o `anno`) e `value` (o `valore`)
missing-column-value-help = aggiungere una colonna `value` (o `valore`), o `numerator` e `denominator`

## unknown-indicator

unknown-indicator = l'indicatore `{ $id }` non è nel piano
unknown-indicator-not-an-indicator = `{ $id }` non è un indicatore
unknown-indicator-empty = l'id dell'indicatore è vuoto
unknown-indicator-help = gli id sono quelli delle tabelle [[indicator]] del piano (`cruscotto list` li mostra)

## year-outside-horizon

year-outside-horizon = il { $year } è fuori dall'orizzonte del piano { $first }–{ $last }
year-outside-horizon-help = i valori a consuntivo si leggono solo per gli anni dell'orizzonte del piano

## invalid-actual

invalid-actual = valore non valido per { $id } { $year }: { $reason }
invalid-actual-help-percent = scrivere punti percentuali: `98`, `98,5` o `98%`; `n.d.` se non disponibile
invalid-actual-help-date = scrivere la data di completamento (`31/12/2019`), o `no` se non completato
invalid-actual-help-yes-no = scrivere `sì` o `no`
invalid-actual-help-level = scrivere uno dei livelli della scala
invalid-actual-help-number = scrivere un numero nell'unità `{ $unit }` (`1,5`, `1.234,5`); `n.d.` se non disponibile
invalid-actual-year-empty = l'anno è vuoto
invalid-actual-ratio-of-non-number = { $id } ha unità di misura `{ $unit }`: un numeratore e un denominatore non possono darne il valore
invalid-actual-half-ratio = un valore richiede sia il numeratore sia il denominatore
invalid-actual-numerator = numeratore non valido: { $reason }
invalid-actual-denominator = denominatore non valido: { $reason }
invalid-actual-ratio-out-of-range = il rapporto { $numerator } / { $denominator } è fuori intervallo: i valori sono minori di 10^15 in valore assoluto
invalid-actual-ratio-out-of-range-help = verificare il denominatore: è molto più piccolo del numeratore
invalid-actual-benchmark = benchmark non valido per { $id } { $year }: { $reason }
invalid-actual-benchmark-help = il benchmark (media cluster) è un numero nell'unità di misura dell'indicatore

## zero-denominator

zero-denominator = il denominatore è zero
zero-denominator-help = un rapporto su zero casi non è un valore: scrivere `n.d.` in `value` e spiegare il motivo in `note`

## duplicate-actual

duplicate-actual = { $id } { $year } è indicato due volte: qui e in { $first }
duplicate-actual-help = tenere una riga per indicatore e anno
duplicate-actual-help-reported-by = { $id } è a cura di { $service }: tenerne il valore sul foglio (o sulla riga) di quel servizio e lasciarlo vuoto altrove
duplicate-actual-first = indicato la prima volta qui

## missing-actual

missing-actual-not-available = { $id } { $year }: non disponibile (n.d.)
missing-actual-no-value = { $id } { $year }: nessun valore a consuntivo
missing-actual-not-measurable = { $id } { $year } non è misurabile: { $reason }
missing-actual-help-strict = `--strict` richiede un valore per ogni indicatore atteso (`n.d.` conta come mancante); un indicatore che non si può misurare si elimina o si rivede con un atto
missing-actual-help = `missing-data = "error"` del piano richiede un valore per ogni indicatore atteso

## unexplained-deviation

unexplained-deviation = { $id } { $year } è { $status ->
        [partial] parzialmente raggiunto
       *[missed] non raggiunto
    } senza una nota che motivi lo scostamento
unexplained-deviation-help = la Relazione deve motivare ogni scostamento: aggiungere la motivazione nella colonna `note`

## unknown-column

unknown-column = la colonna `{ $name }` non viene letta
unknown-column-help = colonne lette: indicator, year, value, numerator, denominator, benchmark, note, source, definition

## actual-looks-like-fraction

actual-looks-like-fraction = { $id } { $year }: `{ $text }` si legge come { $reads_as }%, molto sotto il suo target
actual-looks-like-fraction-help = le percentuali sono in punti percentuali: se si intendeva { $percent }%, scrivere `{ $percent }`

## unreadable-workbook

unreadable-workbook = `{ $file }` non si può leggere come cartella di lavoro { $format }: { $detail }
unreadable-workbook-help = aprirlo nel programma di fogli di calcolo e salvarlo di nuovo come .xlsx o .ods (o esportare il foglio come CSV)
unreadable-workbook-password = `{ $file }` è protetto da password
unreadable-workbook-password-help = aprirlo con la password e salvarne una copia senza (in Excel: File › Informazioni › Proteggi cartella di lavoro › Crittografa con password, poi cancellare la password)
unreadable-workbook-not-a-workbook = `{ $file }` non è una cartella di lavoro: il contenuto non è un file xlsx, ods o xls
unreadable-workbook-not-a-workbook-help = il file può essere danneggiato o avere solo il nome di una cartella di lavoro: aprirlo nel programma di fogli di calcolo e salvarlo di nuovo, o importare il foglio salvato come CSV
unreadable-workbook-utf16 = `{ $file }` è testo UTF-16 senza byte order mark, che non si distingue da un file binario
unreadable-workbook-binary = `{ $file }` è un file binario, né una cartella di lavoro né testo
unreadable-workbook-binary-help = importare una cartella di lavoro .xlsx o .ods, o il foglio salvato come CSV o testo separato da tabulazioni

## import-no-layout

import-no-layout = `{ $file }` non ha né un cruscotto strategico né una tabella operativa che l'importazione riconosca
import-no-layout-empty = `{ $file }` è vuoto
import-no-layout-help = l'importazione legge il cruscotto strategico (righe di obiettivo `1. Nome` seguite dalle colonne degli anni 2017, 2018...) e la tabella operativa (una riga di intestazione Obiettivi strategici | Programmi di intervento | Obiettivo operativo | Indicatore | Target | Servizi interni coinvolti | Area): vedere docs/import.md

## import-missing-metadata

import-missing-body = `{ $file }` non indica l'ente a cui appartiene il piano
import-missing-body-help = indicarlo con --body, per esempio --body "Camera di Commercio di ..."
import-missing-year = `{ $file }` non indica l'anno del piano
import-missing-year-help = indicarlo con --year; l'importazione cerca un'intestazione come `Piano operativo 2019`, le scadenze dei target operativi e la data dell'atto di adozione

## Posizioni in un foglio di calcolo, annidate nei messaggi dell'importazione

import-place-line = riga { $row }
import-place-row = riga { $row }
import-place-sheet-row = foglio "{ $sheet }", riga { $row }
import-place-line-column = riga { $row }, colonna { $column }{ $heading }
import-place-cell = cella { $column }{ $row }{ $heading }
import-place-sheet-cell = foglio "{ $sheet }", cella { $column }{ $row }{ $heading }

## import-unplaced-content

import-kept-in-plan-notes = { $place }: { $why ->
        [no-objective] non ha sopra di sé un'intestazione di obiettivo
        [before-objective] precede ogni obiettivo strategico della tabella
        [preamble] precede il cruscotto e la tabella operativa
       *[standalone-note] è isolata prima di ogni obiettivo
    }; conservata nelle note del piano
import-no-objective-help = aggiungere sopra la riga di intestazione dell'obiettivo (`1. Nome` e gli anni)
import-before-objective-help = scrivere l'obiettivo (`1. Nome`) nella prima colonna
import-preamble-help = spostarla presso l'elemento a cui appartiene, o cancellarla
import-standalone-note-help = spostare la nota nella riga dell'elemento a cui si riferisce
import-standalone-text = { $place }: è isolata sulla sua riga e non è una nota di revisione; conservata nelle note dell'obiettivo { $objective }
import-sheet-without-layout = il foglio "{ $sheet }" non ha né un cruscotto strategico né una tabella operativa: { $rows ->
        [one] la sua riga non è importata
       *[other] le sue { $rows } righe non sono importate
    }
import-sheet-without-layout-help = se il foglio contiene parte del piano, dargli la struttura descritta in docs/import.md
import-target-not-in-notation = { $place }: il target "{ $target }" non è nella notazione dei target ({ $reason }); conservato nelle note dell'indicatore
import-target-level = `{ $level }` non è un livello della scala basso < medio < alto
import-indicator-without-text = { $place }: ha dei target ma nessun testo di indicatore; conservata come indicatore che prende il nome dalla riga
import-indicator-without-text-help = scrivere l'indicatore nella prima colonna
import-extra-cell = { $place }: non è né l'indicatore né il target di un anno; conservata nelle note dell'indicatore
import-not-a-revision-note = { $place }: non è una nota di revisione (Aggiornato/Eliminato/Inserito ...); conservata nelle note { $node ->
        [indicator] dell'indicatore
       *[row] dell'elemento della riga
    }
import-objective-without-mission = l'obiettivo { $number } non ha sopra di sé un'intestazione di missione: collocato sotto una missione `000`
import-objective-without-mission-help = aggiungere sopra la riga di intestazione della missione (`011_ Nome`)
import-row-without-indicator = { $place }: non ha un indicatore; il contenuto ({ $described }) è conservato nelle note dell'elemento superiore ({ $level })
import-unnumbered-objective = l'obiettivo strategico "{ $name }" non ha numero (`1. Nome`): numerato { $number }
import-unnumbered-objective-help = scriverne il numero davanti, come nel cruscotto
import-operational-without-program = { $place }: ha un obiettivo operativo ma nessun programma sopra; collocato sotto un programma che prende il nome dal suo obiettivo strategico
import-operational-without-program-help = scrivere il programma nella sua colonna
import-indicator-without-operational = { $place }: ha un indicatore ma nessun obiettivo operativo sopra; collocato sotto un obiettivo che prende il nome dal suo programma
import-indicator-without-operational-help = scrivere l'obiettivo operativo nella sua colonna

## import-shifted-row

import-shifted-row = { $place }: è spostata ({ $shift }); letta come se le celle fossero nelle loro colonne
import-shifted-row-help = verificare la riga nel piano, e spostare le celle nelle loro colonne nel sorgente
import-shift = { $parts }
import-shift-target = il target "{ $target }" è nella colonna { $column }{ $heading } invece che nella colonna { $expected } (Target)
import-shift-target-no-column = il target "{ $target }" è nella colonna { $column }{ $heading } invece che nella colonna Target
import-shift-moved = { $level ->
        [indicator] l'indicatore
        [operational-objective] l'obiettivo operativo
       *[program] il programma
    } nella colonna { $column }{ $heading }

## import-merged-indicators

import-merged-indicators = { $place }: contiene due indicatori in una riga (target "{ $first }" e "{ $second }"); divisa in due
import-merged-indicators-unsplit = { $place }: contiene due indicatori in una riga (target "{ $first }" e "{ $second }"); divisa in due, ciascuno con l'intero testo dell'indicatore, che non si è potuto dividere
import-merged-indicators-help = verificare i due indicatori nel piano, e dare a ciascuno la propria riga nel sorgente

## import-name-variant

import-mission-variant = la missione { $code } è scritta "{ $name }" qui e "{ $kept }" sopra: si tiene la prima
import-mission-variant-help = usare un solo nome per la missione nel sorgente
import-mission-dashboard-variant = la missione { $code } è "{ $name }" qui ma "{ $kept }" nel cruscotto: si tiene il nome del cruscotto
import-mission-dashboard-variant-help = correggere l'intestazione errata nel sorgente
import-objective-variant = l'obiettivo { $number } è "{ $name }" qui ma "{ $kept }" nel cruscotto: si tiene il nome del cruscotto
import-objective-variant-help = correggere il nome errato nel sorgente
import-objective-mission-variant = l'obiettivo { $number } è sotto la missione { $here } qui ma sotto la { $there } nel cruscotto: resta sotto la { $there }
import-objective-mission-variant-help = spostare le righe dell'obiettivo sotto l'intestazione della missione giusta
import-area-variant = l'area "{ $from }" è letta come "{ $to }": le altre righe scrivono le aree in numeri romani
import-area-variant-help = scrivere l'area come nelle altre righe
import-service-variant = il servizio "{ $spelling }" è inteso come "{ $kept }", come { $rows ->
        [one] lo scrive un'altra riga
       *[other] lo scrivono altre { $rows } righe
    }: un servizio, due grafie
import-service-variant-help = se sono due servizi, dare loro nomi che differiscano per più della punteggiatura

## Piani di altra forma: livelli, nodi superiori, pesi per anno, campi, fasce, parti, misure, valori di partenza, evidenze

ambiguous-number-help = scrivere `{ $digits }` (o `{ $text },0`) per { $digits }, `{ $decimal }` per il numero decimale; un conteggio (`unit = "count"`) legge `{ $text }` come { $digits }
two-parents = `{ $table }` ha un solo padre: sono indicati sia `{ $first }` sia `{ $second }`
two-parents-help = lasciare la chiave del livello da cui il nodo dipende e togliere l'altra
missing-parent-help = il nodo dipende da un nodo di un livello superiore: { $keys }; un nodo senza padre è una radice solo in un piano che non ha livelli superiori al suo
parent-key-help = un livello che l'ente non ha si salta indicando il padre con la sua chiave: `{ $key } = "{ $id }"`
weight-year-help = i pesi per anno hanno come chiave l'anno: `weight = {"{"} 2024 = 2, 2025 = 3 {"}"}`
resources-year-help = le risorse hanno come chiave l'anno: `resources = {"{"} 2024 = "1.200.000" {"}"}`
key-year-outside-horizon = `{ $key }` è indicato per il { $year }, fuori dall'orizzonte { $first }–{ $last }
negative-amount = `{ $key }`: l'importo { $amount } è negativo
responsible-empty = `responsible` non indica né un ufficio né una persona
responsible-empty-help = scrivere `responsible = {"{"} office = "...", person = "..." {"}"}`, con almeno uno dei due
zero-weights = { $children ->
    [indicators] { $count ->
        [one] l'unico indicatore di `{ $id }` pesa 0 { $when }, quindi `{ $id }` non è valutato
       *[other] i { $count } indicatori di `{ $id }` pesano tutti 0 { $when }, quindi `{ $id }` non è valutato
    }
   *[other] { $count ->
        [one] l'unico obiettivo o programma sotto `{ $id }` pesa 0 { $when }, quindi `{ $id }` non è valutato
       *[other] i { $count } obiettivi o programmi sotto `{ $id }` pesano tutti 0 { $when }, quindi `{ $id }` non è valutato
    }
}
zero-weights-always = in ogni anno
zero-weights-years = nel { $years }
zero-weights-help = dare a uno di essi un peso maggiore di 0; se il piano lo vuole, accettare il rilievo con la sua motivazione (`accept = [{"{"} code = "zero-weights", reason = "..." {"}"}]`)
hidden-character = { $count ->
    [one] `{ $key }` contiene un carattere invisibile o che inverte il testo vicino: `{ $character }`
   *[other] `{ $key }` contiene { $count } caratteri invisibili o che invertono il testo vicino, il primo `{ $character }`
}
hidden-character-help = { $count ->
    [one] cancellarlo: dove il testo è mostrato come scritto (un foglio di calcolo, un documento) non si vede, o capovolge il testo vicino
   *[other] cancellarli: dove il testo è mostrato come scritto (un foglio di calcolo, un documento) non si vedono, o capovolgono il testo vicino
}; se il piano lo vuole, accettare il rilievo con la sua motivazione (`accept = [{"{"} code = "hidden-character", reason = "..." {"}"}]`)
hidden-character-actuals-help = { $count ->
    [one] cancellarlo: dove il testo è mostrato come scritto (un foglio di calcolo, un documento) non si vede, o capovolge il testo vicino
   *[other] cancellarli: dove il testo è mostrato come scritto (un foglio di calcolo, un documento) non si vedono, o capovolgono il testo vicino
}; se il file lo vuole, `--ignore hidden-character` lo accetta
bands-and-threshold = `partial-threshold` e `bands` non possono essere indicati insieme
bands-and-threshold-help = le fasce dicono dove comincia ogni esito: togliere `partial-threshold`
band-first = la prima fascia comincia da { $from }: le fasce cominciano da 0
band-order = una fascia comincia da { $from }, non oltre la fascia precedente (da { $previous })
band-above = una fascia comincia da { $from }: le fasce cominciano al più da 100
band-score = il punteggio di fascia { $score } non è compreso tra 0 e il tetto { $cap }
band-count = un sistema di fasce ha almeno due fasce
band-help = scrivere le fasce dalla più bassa, ciascuna con il suo limite inferiore: `bands = [{"{"} from = 0, label = "non raggiunto" {"}"}, {"{"} from = 70, label = "parzialmente raggiunto" {"}"}, {"{"} from = 90, label = "raggiunto" {"}"}]`
target-key-help = i target hanno come chiave l'anno o un periodo dell'anno: `targets = {"{"} "2024-S1" = "≥ 40%", 2024 = "≥ 90%" {"}"}`
parts-empty = un target di più condizioni non ne ha nessuna
parts-help = scrivere le condizioni in un elenco, `["≥ 80%", "≤ 30 gg"]`, o togliere l'anno
measure-twice = la misura `{ $id }` è dichiarata due volte
unknown-measure = `{ $measure }` non è una misura di `{ $id }`
unknown-measure-help = le misure dell'indicatore sono { $declared }
unknown-measure-help-none = dichiararla: `measures = [{"{"} id = "{ $measure }", name = "...", unit = "count" {"}"}]`
level-on-measure = un target di livello riguarda il valore dell'indicatore (la sua `scale`), non la misura `{ $measure }` di `{ $id }`
no-base = `{ $target }` si misura dal valore di base, ma `{ $id }` non ne registra uno
no-base-help = registrarlo: `base = {"{"} year = 2023, value = "1.200" {"}"}`
base-outside-horizon = il target { $period } `{ $target }` di `{ $id }` si misura dal { $year }, fuori dall'orizzonte { $first }–{ $last }, e non è registrato un valore di base del { $year }
base-outside-horizon-help = registrare il valore del { $year }: `base = {"{"} year = { $year }, value = "..." {"}"}`
missing-evidence = { $id } { $period } è valutato `{ $value }` senza l'evidenza su cui la valutazione si fonda ({ $result })
missing-evidence-help = un risultato qualitativo si valuta sulla sua evidenza: indicare in `note` che cosa lo dimostra (un atto, un documento, una pubblicazione)
unknown-measure-row = `{ $id }` non ha la misura `{ $measure }`
unknown-measure-row-help-none = `{ $id }` non dichiara misure: il suo valore si indica nella riga `{ $id }`
