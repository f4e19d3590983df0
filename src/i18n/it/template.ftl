# Il modello da compilare con i valori a consuntivo (`cruscotto template`), in CSV o come
# cartella di lavoro. Le intestazioni sono quelle che `score` rilegge.

template-column-indicator = indicatore
template-column-year = anno
template-column-value = valore
template-column-numerator = numeratore
template-column-denominator = denominatore
template-column-benchmark = media cluster
template-column-note = nota
template-column-source = fonte
template-column-name = denominazione
template-column-unit = unità
template-column-target = target
template-column-services = servizi

# La prima riga del modello, dopo il `#` che ne fa un commento che `score` salta.
template-heading = Valori a consuntivo { $year } · { $body } · { $title }: compilare `valore` (oppure `numeratore` e `denominatore`), `n.d.` se il valore non è disponibile, e una `nota` per ogni scostamento
template-title = Valori a consuntivo { $year } · { $title }
# Il foglio di un modello non diviso per servizio.
template-sheet = Consuntivo { $year }
# Il foglio degli indicatori senza servizio, in un modello diviso per servizio.
template-sheet-no-service = Senza servizio
# Un indicatore trasversale e il servizio che ne riporta il valore (`reported-by`).
template-reported-by = { $services }, a cura di { $service }
