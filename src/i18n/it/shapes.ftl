# Piani di altre forme: livelli, punteggio dell'ente, prospettive, parti, variazioni, fasce, campi, consuntivi.

shapes-ambiguous-number-help = scrivere `{ $digits }` (o `{ $text },0`) per { $digits }, `{ $decimal }` per il numero decimale; un conteggio (`unit = "count"`) legge `{ $text }` come { $digits }
