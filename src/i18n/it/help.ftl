# `--help`: che cosa fa ogni comando (`about-COMANDO`) e l'aiuto di ogni argomento
# (`arg-COMANDO-ARGOMENTO`, o `arg-ARGOMENTO` quando più comandi lo condividono). Le parole che
# aggiunge clap (`Usage`, `Options`, `[default: ...]`, `[possible values: ...]`) restano di clap.

## Il programma

about-cruscotto = Il Piano della performance di un ente pubblico italiano, tenuto in TOML come testo semplice: verificarlo, misurarlo, rendicontarlo
after-help-cruscotto = Codici di uscita: 0 esito positivo; 1 l'input contiene errori; 2 errore d'uso o di I/O; 3 soglia di --fail-under non raggiunta.
arg-color = Quando colorare l'output (`auto`: solo nei terminali; NO_COLOR lo spegne, CLICOLOR_FORCE o FORCE_COLOR lo accendono)
arg-lang = La lingua dei messaggi e di ciò che si scrive per le persone: `it` (italiano) o `en` (inglese) [default: messaggi nella lingua di CRUSCOTTO_LANG o della localizzazione; documenti nella lingua `lang` del piano, italiano]
arg-quiet = Nessuna nota né riga di riepilogo (gli errori e i rilievi non accettati si scrivono comunque)
arg-ignore = Accetta gli avvisi di CODE per questa esecuzione: restano contati, elencati con `check --verbose`, e non fanno mai fallire (ripetere l'opzione o separare i codici con virgole)

## Argomenti comuni a più comandi

arg-plan = Il file del piano, `-` per lo standard input, o `REV:percorso` letto da git (per esempio `HEAD:plans/plan.toml`) [default: $CRUSCOTTO_PLAN, poi ./plan.toml]
arg-format = Formato dell'output
arg-year = L'anno da misurare [default: l'anno del piano]
arg-width = Larghezza della tabella: per starci si lasciano fuori le colonne meno importanti, poi il testo va a capo [default: quella del terminale, 120 se l'output è rediretto]
arg-output = Scrive in FILE invece che sullo standard output (per intero o per niente; `-` è lo standard output)
arg-force = Sovrascrive FILE se esiste

## check

about-check = Verifica un piano e segnala ogni problema; non scrive nulla se il piano è corretto
arg-check-format = Formato dell'output: `text`, messaggi con la riga del sorgente e un segno sotto il punto errato; `json`, un array JSON di diagnostiche; `github`, annotazioni di GitHub Actions
arg-check-deny = Fa fallire la verifica (uscita 1) anche per gli avvisi: `warnings` per tutti, o un codice per quelli del codice (ripetere l'opzione o separare con virgole). I rilievi accettati non fanno mai fallire
arg-check-verbose = Elenca anche i rilievi accettati, con le motivazioni, e scrive la riga di riepilogo anche quando il piano è corretto

## tree

about-tree = Stampa l'albero della performance
arg-tree-depth = Il livello più profondo mostrato
arg-tree-width = Tronca le righe a questo numero di caratteri [default: la larghezza del terminale; nessun taglio se l'output è rediretto]

## list

about-list = Elenca tutti gli indicatori, uno per riga, con il target di ogni anno
arg-list-columns = Le colonne da mostrare, separate da virgole (per esempio `id,name,2019`) [default: tutte le colonne per csv e json; id, name, unit, polarity, area, services, status e gli anni con un target per table]

## score

about-score = Misura il piano con i valori a consuntivo dell'anno e stampa le tabelle del grado di raggiungimento
arg-score-actuals = I valori a consuntivo (CSV, o una cartella di lavoro: .xlsx, .ods; `-` per lo standard input); un file per opzione, ripetuta per più file, per esempio quello dell'anno precedente per i target `x ≤ x-1`
arg-score-year = L'anno da misurare, o un suo semestre o trimestre per il monitoraggio intermedio (`2024-S1`, `2024-Q3`) [default: l'anno del piano]
arg-score-level = Quali righe mostrare [default: il riepilogo (ente, missioni, obiettivi strategici, aree) e poi gli indicatori; per csv, gli indicatori]
arg-score-explain = Stampa le regole di calcolo applicate prima delle tabelle
arg-score-fail-under = Esce con 3 quando il grado di raggiungimento dell'ente è sotto PCT (per la CI)
arg-score-columns = Le colonne da mostrare nelle due tabelle, separate da virgole (per esempio `id,name,attainment,status`): level, id, name, attainment, coverage, operational, band, target, actual, status, weight, note [default: tutte, tranne quelle meno importanti quando la larghezza non basta]
arg-score-strict = Fallisce (uscita 1) quando manca un valore a consuntivo atteso o un indicatore non raggiunto o parzialmente raggiunto non ha una nota che motivi lo scostamento

## score-many

about-score-many = Misura molti piani, ciascuno con i suoi consuntivi, su tutti i core in un'unica tabella lunga: una riga per ente, nodo e anno
arg-score-many-input = Una cartella, ogni NOME.toml con i suoi file dei consuntivi chiamati NOME.csv, NOME-*.csv, NOME_*.csv o in una cartella NOME/; oppure un elenco, un CSV con le colonne `plan` e `actuals` (una riga per file dei consuntivi; percorsi relativi all'elenco)
arg-score-many-year = L'anno in cui misurare tutti i piani; un piano che non lo ha nell'orizzonte fallisce [default: l'anno di ciascun piano]
arg-score-many-format = Formato dell'output: `csv`, le colonne di `score --format csv --level all` dopo `plan` e `body`; `jsonl`, le stesse come un oggetto JSON per riga
arg-score-many-jobs = Piani misurati insieme [default: il numero dei core]

## template

about-template = Scrive il file dei valori a consuntivo da compilare per un anno
arg-template-year = L'anno da rilevare [default: l'anno del piano]
arg-template-service = Solo gli indicatori di questi servizi (id; ripetere l'opzione o separare con virgole)
arg-template-format = Formato dell'output: `csv`, un file CSV; `xlsx`, una cartella di lavoro (richiede -o FILE, o una pipe) [default: xlsx con --by-service o quando FILE termina in .xlsx, altrimenti csv]
arg-template-by-service = Una cartella di lavoro con un foglio per servizio (gli indicatori trasversali su ciascuno)
arg-template-delimiter = Il separatore di campo [predefinito: `semicolon` per un piano in italiano, che Excel in italiano apre direttamente; `comma` per un piano in inglese]

## export

about-export = Scrive i risultati in una cartella di lavoro (o in file CSV) per i fogli di calcolo e la Relazione
arg-export-actuals = I valori a consuntivo (CSV o cartella di lavoro; `-` per lo standard input); un file per opzione, ripetuta per più file, come per `score`
arg-export-strict = Fallisce (uscita 1) quando manca un valore a consuntivo atteso o un indicatore non raggiunto o parzialmente raggiunto non ha una nota (i file si scrivono comunque)
arg-export-format = Formato dell'output: `xlsx`, una cartella di lavoro, un foglio per livello; `csv`, una cartella con un file CSV per foglio [default: xlsx]
arg-export-output = La cartella di lavoro da scrivere (.xlsx; `-` è lo standard output) o, con --format csv, la cartella dei file CSV
arg-export-force = Sovrascrive PATH se esiste

## report

about-report = Scrive la Relazione sulla performance: una pagina HTML autonoma (o un PDF)
arg-report-actuals = I valori a consuntivo (CSV o cartella di lavoro; `-` per lo standard input); un file per opzione, ripetuta per più file: gli anni forniti formano la vista pluriennale
arg-report-year = L'anno da rendicontare [default: l'anno del piano]
arg-report-format = Formato dell'output: `html`, una pagina HTML autonoma; `pdf`, la pagina stampata in PDF (A4) da Chromium o Chrome; `json`, i dati forniti ai modelli (docs/report.md) [default: pdf quando FILE termina in .pdf, json quando termina in .json, altrimenti html]
arg-report-output = Scrive in FILE invece che sullo standard output (per intero o per niente)
arg-report-force = Sovrascrive FILE (o, con --write-template, i file del modello) se esiste
arg-report-template = Usa i file del modello in DIR (`report.html`, `style.css`) invece di quelli predefiniti
arg-report-write-template = Scrive i file del modello predefinito in DIR, come punto di partenza per --template

## diff

about-diff = Confronta due versioni di un piano (file, o `REV:percorso` letto da git)
arg-diff-old = La versione precedente: un file del piano, `-` per lo standard input, o `REV:percorso` letto da git (per esempio `HEAD~1:plans/p.toml`)
arg-diff-new = La versione nuova: un file del piano, `-`, o `REV:percorso`
arg-diff-format = Formato dell'output (`github`: annotazioni di GitHub Actions sulle righe di NEW, errori per le modifiche senza atto)
arg-diff-require-acts = Fallisce (uscita 1) quando una modifica di NEW non è coperta da una revisione aggiunta da NEW, con un atto completo successivo all'adozione di OLD; esce con 0 quando ogni modifica è coperta

## history

about-history = Il registro delle revisioni, raggruppate per atto

## show

about-show = Il piano com'era a una data (o come adottato da un atto)
arg-show-as-of = La data: `31/12/2018` o `2018-12-31`
arg-show-act = L'atto, per numero (`97`) o data (`26/07/2018`): il piano come l'ha lasciato quell'atto
arg-show-format = Formato dell'output: l'albero, o il piano in TOML
arg-show-width = Tronca le righe dell'albero a questo numero di caratteri [default: la larghezza del terminale; nessun taglio se l'output è rediretto]

## import

about-import = Trasforma un piano tenuto in un foglio di calcolo (xlsx, ods, csv, testo separato da tabulazioni) in un piano TOML
arg-import-file = Il foglio di calcolo: .xlsx, .ods, .xls, o un foglio salvato come CSV o testo separato da tabulazioni (`-` per lo standard input)
arg-import-output = Scrive il piano in FILE invece che sullo standard output (per intero o per niente; `-` è lo standard output)
arg-import-force = Sovrascrive il FILE di output se esiste
arg-import-year = L'anno del piano [default: ricavato dal sorgente]
arg-import-body = L'ente a cui appartiene il piano [default: una riga del sorgente che lo nomina]
arg-import-title = Il titolo del piano [default: un'intestazione del sorgente, altrimenti composto dalle parti trovate]

## rollover

about-rollover = Scrive il piano dell'anno successivo da quello di quest'anno: l'anno spostato, ogni target sotto il suo anno
arg-rollover-year = Il nuovo anno del piano [default: l'anno del piano + 1]
arg-rollover-until = L'ultimo anno dell'orizzonte [default: quello del piano, o il nuovo anno se successivo]
arg-rollover-title = Il titolo del nuovo piano [default: quello del piano, invariato]
arg-rollover-output = Scrive il piano in FILE invece che sullo standard output (per intero o per niente; `-` è lo standard output)
arg-rollover-force = Sovrascrive il FILE di output se esiste

## schema, completions, man, explain

about-schema = Stampa lo schema JSON del formato del piano, per gli editor
about-completions = Stampa lo script di completamento per una shell (per esempio `cruscotto completions bash > cruscotto.bash`; in PowerShell `cruscotto completions powershell | Out-String | Invoke-Expression`)
arg-completions-shell = La shell
about-man = Stampa una pagina di manuale (roff), per esempio `cruscotto man > cruscotto.1`, `cruscotto man score > cruscotto-score.1`
arg-man-command = Il comando di cui stampare la pagina (`cruscotto-COMMAND(1)`) [default: la pagina di cruscotto stesso]
about-explain = Stampa la documentazione di un codice diagnostico (tutti i codici, senza argomento)
arg-explain-code = Il codice, per esempio `incomplete-act`
