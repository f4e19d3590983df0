# La riga di comando: i suoi errori, note e riepiloghi su stderr. Le parole che li introducono,
# `error:`, `help:`, `note:`, restano in inglese in ogni lingua (la grammatica dell'output, che
# script e CI riconoscono); ciò che segue è qui.

## La riga di riepilogo delle diagnostiche, e l'avviso di GitHub per i rilievi accettati

summary = { $file }: { $errors ->
        [one] { $errors } errore
       *[other] { $errors } errori
    }, { $warnings ->
        [one] { $warnings } avviso
       *[other] { $warnings } avvisi
    }{ $problems ->
        [0] {""}
       *[other] { " " }({ $codes })
    }{ $accepted ->
        [0] {""}
        [one] ; { $accepted } accettato ({ $accepted_codes })
       *[other] ; { $accepted } accettati ({ $accepted_codes })
    }
summary-clean = { $file }: ok, nessun problema trovato
code-counts = { $counts }
code-count = { $count } { $code }
github-accepted-title = rilievi accettati
github-accepted = { $count ->
        [one] { $count } rilievo accettato
       *[other] { $count } rilievi accettati
    }, ciascuno con la sua motivazione ({ $codes }): `cruscotto check --verbose` li elenca
cli-accepted-with-ignore = { $count ->
        [one] { $count } rilievo accettato
       *[other] { $count } rilievi accettati
    } con --ignore ({ $codes })
cli-plan-has-warnings = { $file } ha { $count ->
        [one] { $count } avviso
       *[other] { $count } avvisi
    }; `cruscotto check { $file }` li mostra
cli-failing-because = esito negativo a causa di { $denied }
cli-deny-flag = `--deny { $what }`

## I codici sulla riga di comando

cli-not-a-code = { $flag } { $name }: non è un codice diagnostico
cli-not-a-period = `{ $text }` non è un anno né un periodo (`2024`, `2024-S1`, `2024-Q3`)
cli-ignore-error = --ignore { $code }: `{ $code }` è un errore, e gli errori non si possono accettare
cli-deny-error = --deny { $code }: `{ $code }` è un errore, e gli errori fanno sempre fallire
cli-ignore-and-deny = `{ $code }` è indicato sia a --ignore sia a --deny
cli-explain-no-section = `{ $code }` non ha una sezione nella documentazione; vedere docs/diagnostics.md
cli-no-command = nessun comando `{ $name }`
cli-no-command-help = i comandi sono { $commands }
cli-flag-value = { $flag }: { $reason }

## La lettura degli input

cli-no-plan = nessun piano indicato: provati l'argomento PLAN (assente), $CRUSCOTTO_PLAN (non impostata) e ./plan.toml (non trovato)
cli-no-plan-help = eseguire `cruscotto check percorso/del/piano.toml`, o impostare CRUSCOTTO_PLAN
cli-cannot-read = impossibile leggere `{ $file }`
cli-cannot-read-because = impossibile leggere `{ $file }`: { $reason }
cli-cannot-read-stdin = impossibile leggere lo standard input
cli-plan-changed = `{ $file }` è cambiato durante la lettura: i rilievi potrebbero indicare righe che non ha più
cli-plan-changed-help = eseguire di nuovo il comando a file salvato
cli-file-too-large = `{ $file }` supera { $mib } MiB; { $what ->
        [plan] un file del piano
        [actuals] un file di valori a consuntivo
        [spreadsheet] un foglio di calcolo
       *[template] un file di modello
    } così grande non è supportato
cli-stdin-too-large = lo standard input contiene più di { $mib } MiB; { $what ->
        [plan] un file del piano
        [actuals] un file di valori a consuntivo
        [spreadsheet] un foglio di calcolo
       *[template] un file di modello
    } più grande non è supportato
cli-file-is-directory = `{ $file }` è una cartella, non { $what ->
        [plan] un file del piano
        [actuals] un file di valori a consuntivo
        [spreadsheet] un foglio di calcolo
       *[template] un file di modello
    }
cli-stdin-twice = lo standard input (`-`) si può leggere una sola volta: { $sides ->
        [old-and-new] indicare come `-` OLD o NEW, non entrambi
       *[plan-and-actuals] indicare come `-` il piano o un file di valori a consuntivo, non entrambi
    }
cli-git-revision-dash = `{ $spec }`: una revisione git non può iniziare con `-`
cli-git-cannot-read = git non riesce a leggere `{ $spec }`: { $reason }
cli-git-missing = `{ $spec }` indica una revisione git, ma git non è installato (o non è nel PATH)
cli-cannot-run-git = impossibile eseguire git
cli-actuals-is-a-plan = `{ $file }` è un piano (TOML), non un file di valori a consuntivo
cli-actuals-is-a-plan-help = indicare il piano come argomento PLAN, e ogni file di valori a consuntivo con il proprio `--actuals FILE`
cli-workbook-password-help = salvarne una copia senza password (in Excel: File > Informazioni > Proteggi cartella di lavoro > Crittografa con password, poi cancellarla)
cli-workbook-unreadable-help = aprirlo nel suo programma di fogli di calcolo e salvarlo di nuovo come .xlsx, o salvare il foglio come CSV
cli-workbook-too-large-help = dividere il foglio, o salvarlo come CSV
cli-actuals-utf16 = impossibile leggere `{ $file }`: è testo UTF-16 senza byte order mark
cli-actuals-utf16-help = salvarlo di nuovo come CSV UTF-8, o come "Testo Unicode" (che scrive il byte order mark)
cli-actuals-binary = impossibile leggere `{ $file }`: è un file binario, né testo CSV né una cartella di lavoro
cli-actuals-binary-help = salvare il foglio come CSV (UTF-8), o indicare direttamente la cartella di lavoro (.xlsx, .ods)
cli-year-outside-horizon = --year { $year } è fuori dall'orizzonte del piano { $first }–{ $last }
cli-diff-unreadable = `{ $side }` non si può leggere come piano
cli-diff-errors = `{ $side }` contiene errori: correggerli prima del confronto

## La scrittura degli output

cli-cannot-write = impossibile scrivere `{ $file }`
cli-cannot-write-into = impossibile scrivere in `{ $folder }`
cli-cannot-write-stdout = impossibile scrivere sullo standard output
cli-exists = `{ $file }` esiste già; usare --force per sovrascriverlo
cli-wrong-kind-of-output = `{ $file }` { $found ->
        [folder] è una cartella
        [file] è un file
       *[other] non è un file normale (è un dispositivo o una pipe)
    }: indicare { $expected ->
        [folder] una cartella
       *[file] un file
    } da scrivere
cli-binary-to-terminal = { $what ->
        [pdf] un PDF
       *[workbook] una cartella di lavoro
    } è un file binario: non si scrive sul terminale
cli-binary-to-terminal-help = usare -o FILE.{ $extension }, o redirigere l'output
cli-written-plan-fails = il piano scritto non supera `cruscotto check`; è un difetto { $command ->
        [import] dell'importazione: segnalarlo allegando il file sorgente
       *[rollover] del passaggio al nuovo anno: segnalarlo allegando il piano
    }

## score, export, template, list, show

cli-below-threshold = il grado di raggiungimento dell'ente { $attainment }% è sotto la soglia di --fail-under { $threshold }%
cli-no-attainment-weights = ogni indicatore misurato pesa 0 fino all'ente, quindi l'ente non ha un grado di raggiungimento da confrontare con --fail-under
cli-no-attainment-scored = nessun indicatore è stato misurato, quindi l'ente non ha un grado di raggiungimento da confrontare con --fail-under
cli-many-scored = { $scored ->
        [one] misurato
       *[other] misurati
    } { $scored } su { $plans ->
        [one] { $plans } piano
       *[other] { $plans } piani
    }, { $rows ->
        [one] { $rows } riga
       *[other] { $rows } righe
    }
cli-many-failed = { $count ->
        [one] { $count } piano non è stato misurato
       *[other] { $count } piani non sono stati misurati
    } (gli altri sono nella tabella): { $plans }
cli-many-no-actuals = nessun file dei consuntivi
cli-many-no-actuals-help = chiama i consuntivi come il piano (NOME.csv, NOME-*.csv, NOME_*.csv, o file in una cartella NOME/), o dagli una riga in un elenco
cli-many-no-plans = nessun piano in { $folder }
cli-many-no-plans-help = indica una cartella di piani (NOME.toml) con i loro consuntivi, o un elenco (CSV con le colonne `plan` e `actuals`)
cli-many-unmatched = { $file } non ha il nome di nessun piano: escluso
cli-many-list-columns = { $file } non ha la colonna `plan` o la colonna `actuals`
cli-many-list-columns-help = un elenco è un CSV con una riga di intestazione che nomina le colonne `plan` e `actuals`, per esempio `plan,actuals`
cli-many-list-no-plan = { $file }:{ $line }: la riga non indica un piano
cli-export-unknown-format = impossibile capire il formato da `{ $file }`
cli-export-unknown-format-help = chiamare la cartella di lavoro `….xlsx`, o aggiungere `--format csv` per scrivere un file CSV per foglio in quella cartella
cli-export-csv-needs-folder = --format csv scrive un file per foglio: richiede -o CARTELLA
cli-export-csv-needs-folder-help = per esempio `-o risultati-2019`
cli-export-wrote = { $sheets ->
        [one] scritto { $sheets } foglio
       *[other] scritti { $sheets } fogli
    } con { $indicators ->
        [one] { $indicators } indicatore
       *[other] { $indicators } indicatori
    } { $files ->
        [0] in { $path }
       *[other] come { $files } file CSV in { $path }
    }
export-workbook-error = impossibile costruire la cartella di lavoro: { $reason }
cli-template-by-service-needs-xlsx = --by-service scrive un foglio per servizio: richiede --format xlsx
cli-template-by-service-needs-xlsx-help = per il CSV, scrivere un file per servizio con --service ID
cli-unknown-service = il servizio `{ $id }` non è nel piano
cli-unknown-service-help = i servizi sono: { $services }
cli-template-wrote = { $rows ->
        [one] scritta { $rows } riga
       *[other] scritte { $rows } righe
    }{ $sheets ->
        [0] {""}
        [one] { " " }in { $sheets } foglio
       *[other] { " " }in { $sheets } fogli
    } in { $path }
cli-list-unknown-column = colonna sconosciuta `{ $column }`
cli-list-columns = le colonne sono: { $columns }
cli-show-needs-date = indicare --as-of DATA o --act ATTO
cli-show-no-act = nessun atto del piano ha il numero o la data `{ $act }`
cli-show-no-act-help = `cruscotto history` elenca gli atti
cli-show-several-acts = `{ $act }` indica atti di più date ({ $dates }): indicare la data con --as-of

## report

cli-report-wrote-template = scritto il modello predefinito ({ $files }) in `{ $folder }`
cli-report-wrote-template-help = modificarlo, poi eseguire `cruscotto report ... --template { $folder }`
cli-template-not-a-folder = --template `{ $folder }` non è una cartella
cli-template-not-a-folder-help = scrivere il modello predefinito con `cruscotto report --write-template { $folder }`, poi modificarlo
cli-template-not-utf8 = `{ $file }` non è testo UTF-8
cli-template-not-utf8-help = salvare il modello in UTF-8
cli-template-without-entry = --template `{ $folder }` non contiene `{ $entry }`
cli-template-without-entry-help = scrivere il modello predefinito con `cruscotto report --write-template DIR` e partire da quello
cli-template-error = { $file }: { $reason }
cli-template-error-at-line = { $file }, riga { $line }: { $reason }
cli-template-error-help = i dati che un modello riceve sono descritti in docs/report.md
cli-template-file = `{ $file }`
cli-template-default-file = `{ $file }` del modello predefinito
cli-template-unnamed = il modello
cli-browser-not-found = $CRUSCOTTO_BROWSER è `{ $browser }`, che non è né un file né un programma nel PATH
cli-browser-not-found-help = impostarla sul percorso di Chromium o di Chrome
cli-no-browser = nessun browser con cui stampare il PDF: provati $CRUSCOTTO_BROWSER (non impostata) e { $browsers } nel PATH
cli-no-browser-help = installare Chromium (Debian, Ubuntu: `apt-get install chromium`) o Chrome, o impostare CRUSCOTTO_BROWSER sul suo percorso; oppure scrivere la pagina HTML (-o relazione.html) e stamparla da un browser qualsiasi
cli-cannot-run = impossibile eseguire `{ $program }`
cli-browser-timeout = `{ $browser }` non ha stampato il PDF entro { $seconds } s: interrotto
cli-browser-failed = `{ $browser }` non ha stampato il PDF ({ $status })
    { $output }

## import, rollover

cli-import-wrote = scritto { $file }: { $counts }
cli-import-imported = importato { $file }: { $counts }
cli-import-counts = { $missions ->
        [one] { $missions } missione
       *[other] { $missions } missioni
    }, { $strategic ->
        [one] { $strategic } obiettivo strategico
       *[other] { $strategic } obiettivi strategici
    } ({ $strategic_indicators ->
        [one] { $strategic_indicators } indicatore
       *[other] { $strategic_indicators } indicatori
    }), { $programs ->
        [one] { $programs } programma
       *[other] { $programs } programmi
    }, { $operational ->
        [one] { $operational } obiettivo operativo
       *[other] { $operational } obiettivi operativi
    } ({ $operational_indicators ->
        [one] { $operational_indicators } indicatore
       *[other] { $operational_indicators } indicatori
    }), { $revisions ->
        [one] { $revisions } revisione
       *[other] { $revisions } revisioni
    }
cli-import-warnings = `cruscotto check` trova { $count ->
        [one] { $count } avviso
       *[other] { $count } avvisi
    } nel piano, sul contenuto del sorgente: `cruscotto check { $file }` li mostra
cli-import-warnings-stdout = `cruscotto check` trova { $count ->
        [one] { $count } avviso
       *[other] { $count } avvisi
    } nel piano, sul contenuto del sorgente: salvare il piano e verificarlo per vederli
cli-rollover-year = --year { $year }: { $reason }
rollover-not-later = il piano è del { $plan_year }; il piano dell'anno successivo deve essere di un anno posteriore
rollover-horizon-too-short = l'orizzonte deve arrivare all'anno del piano { $year }, non terminare nel { $until }
cli-rollover-wrote = scritto { $file }: anno del piano { $old } → { $year }, orizzonte { $first }–{ $last }{ $extended ->
        [yes] { " " }(esteso)
       *[no] {""}
    }{ $shorthands ->
        [0] {""}
        [one] ; { $shorthands } target abbreviato scritto sotto il { $old }
       *[other] ; { $shorthands } target abbreviati scritti sotto il { $old }
    }
cli-rollover-rolled = passaggio al nuovo anno di { $file }: anno del piano { $old } → { $year }, orizzonte { $first }–{ $last }{ $extended ->
        [yes] { " " }(esteso)
       *[no] {""}
    }{ $shorthands ->
        [0] {""}
        [one] ; { $shorthands } target abbreviato scritto sotto il { $old }
       *[other] ; { $shorthands } target abbreviati scritti sotto il { $old }
    }
cli-rollover-title-unchanged = il titolo è invariato ("{ $title }"): impostarlo con --title
cli-rollover-adoption-not-carried = `adopted-by` ({ $act }) non viene riportato: registrare l'atto che adotta il nuovo piano
