# I risultati dell'anno come cartella di lavoro o cartella di file CSV (`cruscotto export`).

## Fogli e file

sheet-summary = Sintesi
sheet-strategic = Obiettivi strategici
sheet-programs = Programmi
sheet-operational = Obiettivi operativi
sheet-perspectives = Prospettive
sheet-indicators = Indicatori
sheet-areas = Aree
sheet-services = Servizi
sheet-rules = Regole
file-summary = sintesi.csv
file-strategic = obiettivi-strategici.csv
file-programs = programmi.csv
file-operational = obiettivi-operativi.csv
file-perspectives = prospettive.csv
file-indicators = indicatori.csv
file-areas = aree.csv
file-services = servizi.csv
file-rules = regole.csv
# Il titolo nelle proprietà della cartella di lavoro.
export-title = { $title } — risultati { $year }

## Le colonne dei fogli dei risultati

export-column-id = codice
export-column-year = anno
export-column-level = livello
export-column-indicator-level = livello dell'indicatore
export-column-name = denominazione
export-column-unit = unità di misura
export-column-target = target
export-column-reference = valore di riferimento
export-column-actual = consuntivo
export-column-deviation = scostamento
export-column-attainment = grado di raggiungimento
export-column-status = stato
export-column-weight = peso
export-column-reason = spiegazione
export-column-note = motivazione dello scostamento
export-column-source = fonte
export-column-scored = valutati
export-column-expected = attesi
export-column-operational-attainment = grado del piano operativo
export-column-override = decisione
export-column-override-reason = motivazione della decisione
export-column-override-decided-by = decisione di
export-column-override-act = atto della decisione
export-column-computed-status = stato calcolato
export-column-computed-attainment = grado calcolato
# Le colonne che aggiungono i piani di altra forma, presenti solo quando una riga vi ha un valore.
export-column-period = periodo
export-column-band = fascia
export-column-actual-bound = consuntivo noto per un limite
export-column-definition = misurato con un'altra definizione
export-column-code = codice dell'ente
export-column-type = tipo di indicatore
export-column-data-source = fonte del dato
export-column-responsible = responsabile
export-column-resources = risorse

## Il foglio `Regole`: una voce e il suo valore per riga

rules-column-item = voce
rules-column-value = valore
rules-item-body = ente
rules-item-title = titolo
rules-item-plan-year = anno del piano
rules-item-horizon = orizzonte
rules-item-year = anno valutato
rules-item-plan-file = file del piano
rules-item-plan-sha256 = SHA-256 del file del piano
rules-item-actuals-file = file dei consuntivi
rules-item-actuals-sha256 = SHA-256 del file dei consuntivi
rules-item-git-commit = commit git
rules-item-git-tree = stato del repository
rules-git-clean = pulito
rules-git-dirty = con modifiche non registrate nel commit
rules-item-tool = generato da
rules-item-rule = regola
rules-item-override = decisione
rules-item-status = { $status ->
        [met] indicatori raggiunti
        [partial] indicatori parzialmente raggiunti
        [missed] indicatori non raggiunti
        [baseline] indicatori in anno base
        [removed] indicatori eliminati
        [no-target] indicatori senza target
        [missing] indicatori non rilevati
        [not-measurable] indicatori non misurabili
       *[neutralised] indicatori sterilizzati
    }
