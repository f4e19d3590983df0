//! Every word of the report that the tool writes (not the plan's own content), in Italian, in
//! one place: the fixed labels handed to templates as `labels.*`, the status words, and the
//! sentences made from the results (the rules in words, the explanations of unscored
//! indicators, the text alternatives of the charts).
//!
//! Keeping them here, and nowhere in the templates or the other modules, is what lets the
//! report later follow the plan's language from one message catalogue.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::actuals::Value;
use crate::number::format_italian;
use crate::plan::{Act, ActNumber, Change, Level, MissingData, Plan, ScoringRules};
use crate::score::{IndicatorScore, Status};
use crate::target::Target;

/// The language of the labels, for `<html lang>`.
pub const LANGUAGE: &str = "it";

/// The fixed labels, by key. Templates read them as `labels.KEY`.
const LABELS: &[(&str, &str)] = &[
    // The document.
    ("document_title", "Relazione sulla performance"),
    ("document_subtitle", "Risultati della performance organizzativa"),
    ("body", "Ente"),
    ("plan", "Piano"),
    ("year", "Anno"),
    ("horizon", "Orizzonte del piano"),
    ("adopted_by", "Piano adottato con"),
    ("acts_in_force", "Aggiornamenti in vigore al 31 dicembre"),
    ("no_acts_in_force", "nessun aggiornamento registrato"),
    ("generated_on", "Documento generato il"),
    ("contents", "Indice"),
    ("skip_to_content", "Vai al contenuto"),
    (
        "illustrative_values",
        "I valori a consuntivo sono quelli dei file indicati nella sezione «Provenienza dei dati».",
    ),
    // Sections.
    ("section_summary", "Sintesi dei risultati"),
    ("section_strategic", "Obiettivi strategici (specifici triennali)"),
    ("section_operational", "Obiettivi operativi (annuali)"),
    ("section_operational_programs", "Per programma e obiettivo"),
    ("section_operational_groups", "Per area e servizio"),
    ("section_deviations", "Scostamenti e motivazioni"),
    ("section_overrides", "Sterilizzazioni e rideterminazioni"),
    ("section_revisions", "Aggiornamenti del piano"),
    ("section_method", "Metodo di misurazione"),
    ("section_provenance", "Provenienza dei dati"),
    // The summary.
    ("body_attainment", "Grado di raggiungimento complessivo dell'ente"),
    ("body_attainment_note", "Media ponderata degli obiettivi strategici"),
    ("coverage", "Copertura"),
    ("coverage_note", "indicatori valutati sul totale di quelli attesi"),
    ("status_counts", "Indicatori per stato"),
    ("indicators_in_plan", "indicatori nel piano, per stato"),
    ("body_chart", "L'ente rispetto alla soglia di raggiungimento parziale e al target"),
    ("strategic_at_a_glance", "Gli obiettivi strategici in sintesi"),
    ("missions", "Missioni"),
    ("legend", "Legenda degli stati"),
    ("count", "Numero"),
    ("of_which", "di cui"),
    // Table headers.
    ("level", "Livello"),
    ("id", "Codice"),
    ("name", "Denominazione"),
    ("mission", "Missione"),
    ("strategic_objective", "Obiettivo strategico"),
    ("program", "Programma"),
    ("operational_objective", "Obiettivo operativo"),
    ("indicator", "Indicatore"),
    ("indicators_of", "Indicatori di"),
    ("area", "Area"),
    ("service", "Servizio"),
    ("areas", "Aree"),
    ("services", "Servizi"),
    ("perspective", "Prospettiva"),
    ("formula", "Algoritmo di calcolo"),
    ("target", "Target"),
    ("actual", "Consuntivo"),
    ("reference", "Valore di riferimento"),
    ("deviation", "Scostamento"),
    ("attainment", "Raggiungimento %"),
    ("attainment_short", "Raggiungimento"),
    ("operational_attainment", "Piano operativo %"),
    ("status", "Stato"),
    ("weight", "Peso"),
    ("scored", "Valutati"),
    ("expected", "Attesi"),
    ("note", "Note e motivazione dello scostamento"),
    ("note_short", "Motivazione"),
    ("explanation", "Spiegazione"),
    ("source", "Fonte"),
    ("missing_note", "Motivazione non indicata"),
    ("no_indicators", "Nessun indicatore."),
    ("no_programs", "Nessun programma."),
    ("no_operational_objectives", "Nessun obiettivo operativo."),
    // The multi-year view.
    ("trend", "Andamento pluriennale"),
    (
        "trend_note",
        "Target e consuntivi sull'orizzonte del piano; gli anni senza consuntivo sono indicati come «non rilevato», mai come zero.",
    ),
    (
        "trend_single_year",
        "Valori a consuntivo disponibili per un solo anno: l'andamento pluriennale si mostra quando si indicano i consuntivi di più anni.",
    ),
    ("trend_no_chart", "Indicatore non numerico: i valori sono nella tabella."),
    ("chart_data", "Dati del grafico"),
    ("not_recorded_short", "n.r."),
    ("trend_key_actual", "consuntivo (la forma indica lo stato)"),
    // Deviations.
    (
        "deviations_intro",
        "Ogni indicatore parzialmente raggiunto, non raggiunto, non rilevato o non misurabile, con la motivazione fornita insieme al consuntivo.",
    ),
    ("deviations_none", "Nessuno scostamento: tutti gli indicatori attesi sono stati raggiunti."),
    ("deviations_missing_notes", "Scostamenti senza motivazione"),
    // Overrides.
    (
        "overrides_intro",
        "I risultati che una decisione motivata ha escluso dalla valutazione (sterilizzazione) o rideterminato, per cause non imputabili all'ente, con l'esito che il calcolo aveva dato.",
    ),
    ("overrides_none", "Nessun risultato è stato sterilizzato o rideterminato."),
    ("neutralised", "sterilizzato"),
    ("reassessed", "rideterminato"),
    ("outcome", "Esito"),
    ("decided_attainment", "Grado rideterminato"),
    ("computed_outcome", "Esito calcolato"),
    ("reason", "Motivazione"),
    ("decided_by", "Decisione di"),
    // Revisions.
    ("revisions_intro", "Gli atti che hanno aggiornato il piano, con le modifiche adottate da ciascuno."),
    ("revisions_none", "Nessun aggiornamento registrato nel piano."),
    ("act", "Atto"),
    ("change", "Modifica"),
    ("changes", "Modifiche"),
    ("act_notes", "Osservazioni"),
    ("revision_note", "Nota dell'aggiornamento"),
    ("in_year", "Adottato nell'anno"),
    // Method.
    ("method_intro", "Le regole di calcolo applicate, come definite nel piano (sezione «scoring»)."),
    ("partial_threshold", "Soglia di raggiungimento parziale"),
    ("cap", "Tetto"),
    ("floor", "Soglia minima"),
    // Provenance.
    (
        "provenance_intro",
        "Per riprodurre i valori: le impronte SHA-256 dei file usati, lo stato del repository e la versione dello strumento.",
    ),
    ("file", "File"),
    ("sha256", "SHA-256"),
    ("bytes", "Byte"),
    ("actuals_files", "File dei consuntivi"),
    ("plan_file", "File del piano"),
    ("git_commit", "Commit git"),
    ("git_state", "Stato del repository"),
    ("git_clean", "pulito: i file coincidono con il commit"),
    ("git_dirty", "con modifiche non registrate nel commit: i file possono differire dal commit"),
    ("git_none", "il piano non è in un repository git"),
    ("tool", "Strumento"),
    ("reproduce", "Comando per riprodurre i valori"),
    // Tree and navigation.
    ("open_close", "Aprire o chiudere per vedere il dettaglio"),
    ("back_to_contents", "Torna all'indice"),
    ("page", "Pagina"),
];

/// The fixed labels, for templates.
pub fn labels() -> BTreeMap<&'static str, &'static str> {
    LABELS.iter().copied().collect()
}

/// The label of `key`; keys are constants of this module, so a missing one is a bug.
pub fn label(key: &str) -> &'static str {
    LABELS.iter().find(|(k, _)| *k == key).map_or("", |(_, v)| v)
}

/// The word for an indicator's status.
pub fn status(status: Status) -> String {
    let word = match status {
        Status::Met => "raggiunto",
        Status::Partial => "parzialmente raggiunto",
        Status::Missed => "non raggiunto",
        Status::Baseline => "anno base",
        Status::Removed => "eliminato",
        Status::NoTarget => "senza target",
        Status::Missing => "non rilevato",
        Status::NotMeasurable => "non misurabile",
        Status::Neutralised => "sterilizzato",
        Status::NotApplicable => return crate::msg!("shapes-status-not-applicable").render(crate::i18n::Lang::It),
    };
    word.to_owned()
}

/// What a status means, for the legend.
pub fn status_meaning(status: Status, rules: &ScoringRules) -> String {
    let threshold = format_italian(rules.partial_threshold);
    match status {
        Status::Met => "il target è raggiunto".to_owned(),
        Status::Partial => format!("target non raggiunto, grado di raggiungimento pari almeno a {threshold}"),
        Status::Missed => format!("target non raggiunto, grado di raggiungimento inferiore a {threshold}"),
        Status::Baseline => "anno di rilevazione: il valore è misurato, non valutato".to_owned(),
        Status::Removed => "indicatore eliminato da un aggiornamento del piano".to_owned(),
        Status::NoTarget => "nessun target per l'anno".to_owned(),
        Status::Missing => "valore a consuntivo atteso ma non pervenuto (o n.d.)".to_owned(),
        Status::NotMeasurable => "valore presente, ma manca un dato che il target richiede".to_owned(),
        Status::Neutralised => {
            "escluso dalla valutazione con decisione motivata (sterilizzazione), per cause non imputabili all'ente"
                .to_owned()
        }
        Status::NotApplicable => crate::msg!("shapes-status-not-applicable-meaning").render(crate::i18n::Lang::It),
    }
}

/// The name of a level of the tree.
pub fn level(level: Level) -> &'static str {
    match level {
        Level::Mission => "missione",
        Level::StrategicObjective => "obiettivo strategico",
        Level::Program => "programma",
        Level::OperationalObjective => "obiettivo operativo",
        Level::Indicator => "indicatore",
    }
}

/// What a revision did.
pub fn change(change: Change) -> &'static str {
    match change {
        Change::Inserted => "inserito",
        Change::Updated => "aggiornato",
        Change::Removed => "eliminato",
    }
}

/// `42 su 44`: scored of expected.
pub fn coverage(scored: usize, expected: usize) -> String {
    format!("{scored} su {expected}")
}

/// The flag of an act whose date is cited with several numbers.
pub fn conflicting_numbers(date: crate::date::Date, numbers: &[String]) -> String {
    let numbers: Vec<String> = numbers.iter().map(|n| format!("n. {n}")).collect();
    format!("la data {date} è citata con più numeri ({}): probabilmente lo stesso atto", numbers.join(", "))
}

/// An act as Italian documents cite it: `Giunta n. 97 del 26/07/2018`; a missing number or
/// date is said, not shown as `?` — the number only when the plan's acts must carry one
/// (`act-number`): a decree known by its date is cited by its date.
pub fn act(act: &Act, number: ActNumber) -> String {
    let body = act.body.as_deref().unwrap_or("Atto");
    match (&act.number, act.date) {
        (Some(number), Some(date)) => format!("{body} n. {number} del {date}"),
        (None, Some(date)) if number == ActNumber::Optional => format!("{body} del {date}"),
        (None, Some(date)) => format!("{body} del {date} (numero non indicato)"),
        (Some(number), None) => format!("{body} n. {number} (data non indicata)"),
        (None, None) => format!("{body} (numero e data non indicati)"),
    }
}

/// The label of revisions that cite no act.
pub fn no_act(year: Option<i32>) -> String {
    match year {
        Some(year) => format!("Nessun atto indicato (anno {year})"),
        None => "Nessun atto indicato".to_owned(),
    }
}

/// The title of the report for a year.
pub fn document_title(year: i32) -> String {
    format!("{} {year}", label("document_title"))
}

/// Why an indicator is unscored, or what it was compared with: the Italian counterpart of the
/// score's `reason`, made from the same facts.
pub fn explanation(plan: &Plan, score: &IndicatorScore, year: i32) -> Option<String> {
    let computed = computed_explanation(plan, score, year);
    match &score.overridden {
        Some(overridden) => Some(match computed {
            Some(computed) => format!("{}; {computed}", decision(overridden, plan.metadata.act_number)),
            None => decision(overridden, plan.metadata.act_number),
        }),
        None => computed,
    }
}

/// `sterilizzato con decisione di OIV (OIV n. 3 del 15/04/2020): <motivazione>; esito
/// calcolato: non rilevato`: an override as the Relazione states it, with what the computation
/// gave.
pub fn decision(overridden: &crate::score::Overridden, number: ActNumber) -> String {
    let decision = &overridden.decision;
    let outcome = match decision.outcome {
        crate::plan::Outcome::Neutralised => "sterilizzato".to_owned(),
        crate::plan::Outcome::Reassessed(attainment) => {
            format!("grado di raggiungimento rideterminato a {}", format_italian(attainment.normalize()))
        }
    };
    format!(
        "{outcome} con decisione di {} ({}): {}; esito calcolato: {}",
        decision.decided_by,
        act(&decision.act, number),
        decision.reason,
        computed(overridden)
    )
}

/// What the computation gave before an override: `non raggiunto (45,00)`, `non rilevato`,
/// `83,33`, `nessun valore`.
pub fn computed(overridden: &crate::score::Overridden) -> String {
    let attainment = overridden.computed_attainment.map(|a| crate::number::format_computed(a, 2).replace('.', ","));
    match (overridden.computed_status, attainment) {
        (Some(computed), Some(attainment)) => format!("{} ({attainment})", status(computed)),
        (Some(computed), None) => status(computed),
        (None, Some(attainment)) => attainment,
        (None, None) => "nessun valore".to_owned(),
    }
}

/// The explanation of the computed result, before any override.
fn computed_explanation(plan: &Plan, score: &IndicatorScore, year: i32) -> Option<String> {
    let target = score.target.as_ref();
    match score.overridden.as_ref().and_then(|o| o.computed_status).unwrap_or(score.status) {
        Status::Neutralised => None,
        Status::NotApplicable => {
            Some(crate::msg!("shapes-status-not-applicable-meaning").render(crate::i18n::Lang::It))
        }
        Status::Removed => Some(removal(plan, score)),
        Status::NoTarget => Some(format!("nessun target per il {year}")),
        Status::Baseline => Some("anno di rilevazione: misurato, non valutato".to_owned()),
        Status::Missing => Some(match score.actual {
            Some(Value::NotAvailable) => "valore non disponibile (n.d.)".to_owned(),
            _ => "valore a consuntivo non pervenuto".to_owned(),
        }),
        Status::NotMeasurable => Some(match (target, &score.actual) {
            (Some(Target::Relative { lag, .. }), _) => {
                format!(
                    "manca il consuntivo {} necessario per il target «{}»",
                    year - i32::from(*lag),
                    target_text(target)
                )
            }
            (Some(Target::Benchmark { .. } | Target::BenchmarkTolerance { .. }), Some(Value::Number(_))) => {
                format!("manca la media cluster del {year}")
            }
            (_, Some(actual)) => {
                format!("il valore «{actual}» non è confrontabile con il target «{}»", target_text(target))
            }
            (_, None) => "valore non confrontabile con il target".to_owned(),
        }),
        Status::Met | Status::Partial | Status::Missed => match target? {
            Target::Relative { lag, .. } => Some(format!("confronto con il consuntivo {}", year - i32::from(*lag))),
            Target::Benchmark { .. } => Some("confronto con la media cluster".to_owned()),
            Target::BenchmarkTolerance { .. } => Some("confronto con la media cluster, entro la tolleranza".to_owned()),
            Target::Deadline(_) => match (&score.actual, score.deviation) {
                (Some(Value::Date(_)), Some(late)) if late > Decimal::ZERO => {
                    Some(format!("{} giorni di ritardo", format_italian(late)))
                }
                (Some(Value::YesNo(true)), _) => Some("svolto; data di completamento non indicata".to_owned()),
                (Some(Value::YesNo(false)), _) => Some("non svolto".to_owned()),
                _ => None,
            },
            _ => None,
        },
    }
}

fn target_text(target: Option<&Target>) -> String {
    target.map(ToString::to_string).unwrap_or_default()
}

/// `eliminato nel 2019 con Giunta n. 97 del 26/07/2018`, naming the removed ancestor when the
/// removal is not the indicator's own.
fn removal(plan: &Plan, score: &IndicatorScore) -> String {
    let Some((removed, revision)) = plan.removal(score.node) else {
        return status(Status::Removed);
    };
    let node = plan.node(removed);
    let mut text = if removed == score.node {
        "eliminato".to_owned()
    } else {
        format!("{} {} eliminato", level(node.level()), node.id)
    };
    if let Some(year) = node.removed_from() {
        text.push_str(&format!(" nel {year}"));
    }
    if let Some(act) = revision.and_then(|r| r.act.as_ref()) {
        text.push_str(&format!(" con {}", self::act(act, plan.metadata.act_number)));
    }
    text
}

/// The scoring rules in words, one sentence each.
pub fn rules(rules: &ScoringRules) -> Vec<String> {
    let threshold = format_italian(rules.partial_threshold);
    let mut sentences = vec![
        "Per ogni indicatore il grado di raggiungimento confronta il consuntivo con il target dell'anno: se più alto è \
         meglio, consuntivo / target × 100; se più basso è meglio, target / consuntivo × 100; un target raggiunto vale \
         almeno 100."
            .to_owned(),
        format!(
            "Il grado di raggiungimento di un indicatore non supera {} (tetto).",
            format_italian(rules.cap)
        ),
    ];
    if rules.floor > Decimal::ZERO {
        sentences.push(format!(
            "Un grado di raggiungimento inferiore a {} vale 0 (soglia minima).",
            format_italian(rules.floor)
        ));
    }
    sentences.push(format!(
        "Un indicatore il cui target non è raggiunto è «parzialmente raggiunto» se il grado di raggiungimento è almeno \
         {threshold}, «non raggiunto» altrimenti."
    ));
    sentences.push(if rules.deadline_grace_days == 0 {
        "Le scadenze rispettate valgono 100; quelle superate valgono 0.".to_owned()
    } else {
        format!(
            "Le scadenze rispettate valgono 100; in ritardo, il valore scende da 100 a 0 in {} giorni.",
            rules.deadline_grace_days
        )
    });
    sentences.push(match rules.missing_data {
        MissingData::Exclude => {
            "Gli indicatori senza consuntivo (non rilevati) o non misurabili sono esclusi dalle medie, \
                                 con il loro peso, e contati nella copertura."
                .to_owned()
        }
        MissingData::Zero => {
            "Gli indicatori senza consuntivo (non rilevati) o non misurabili valgono 0 e mantengono il loro \
                              peso."
                .to_owned()
        }
        MissingData::Error => "Ogni consuntivo mancante è un errore: il piano richiede tutti i valori.".to_owned(),
    });
    sentences.push(
        "Gli anni di rilevazione (anno base), gli indicatori eliminati e quelli senza target non sono valutati."
            .to_owned(),
    );
    sentences.push(
        "Obiettivi operativi, programmi, obiettivi strategici, missioni ed ente: media ponderata dei valori dei livelli \
         sottostanti valutati, con i pesi ripartiti tra questi. Il valore dell'ente è la media ponderata degli obiettivi \
         strategici; il piano operativo di ciascun obiettivo strategico è mostrato accanto. Aree e servizi: media \
         ponderata degli indicatori operativi loro assegnati (quelli trasversali contano per tutti)."
            .to_owned(),
    );
    sentences.push(
        "I calcoli sono esatti in aritmetica decimale; i valori mostrati sono arrotondati a due decimali, per eccesso \
         dal 5 (arrotondamento commerciale)."
            .to_owned(),
    );
    sentences
}

/// The text alternative of the body's bar.
pub fn body_chart(attainment: Option<&str>, grade: &str, threshold: &str) -> String {
    match attainment {
        Some(value) => format!(
            "Grado di raggiungimento complessivo dell'ente: {value}%, {grade}. Soglia di raggiungimento parziale: \
             {threshold}; target: 100."
        ),
        None => "Grado di raggiungimento complessivo dell'ente: non misurabile, nessun indicatore valutato.".to_owned(),
    }
}

/// The text alternative of a chart of bars, one per row.
pub fn bars_chart(what: &str, rows: &[(String, Option<String>, &str)], threshold: &str) -> String {
    let items: Vec<String> = rows
        .iter()
        .map(|(id, value, grade)| match value {
            Some(value) => format!("{id} {value}% ({grade})"),
            None => format!("{id} {grade}"),
        })
        .collect();
    format!("{what}: {}. Soglia di raggiungimento parziale: {threshold}; target: 100.", items.join("; "))
}

/// The text alternative of the chart of status counts.
pub fn status_chart(counts: &[(Status, usize)]) -> String {
    let items: Vec<String> = counts.iter().map(|(s, n)| format!("{} {n}", status(*s))).collect();
    format!("Indicatori per stato: {}.", items.join("; "))
}

/// The text alternative of an indicator's multi-year chart.
pub fn trend_chart(id: &str, points: &[(i32, Option<String>, Option<String>)]) -> String {
    let items: Vec<String> = points
        .iter()
        .map(|(year, target, actual)| {
            let target = target.as_deref().map_or("nessun target".to_owned(), |t| format!("target {t}"));
            let actual = actual.as_deref().map_or("non rilevato".to_owned(), |a| format!("consuntivo {a}"));
            format!("{year}: {target}, {actual}")
        })
        .collect();
    format!("Andamento di {id}: {}.", items.join("; "))
}

/// The words the charts write on their thresholds.
pub fn threshold_marks(rules: &ScoringRules) -> Vec<(Decimal, String)> {
    let mut marks = vec![
        (rules.partial_threshold, format!("soglia {}", format_italian(rules.partial_threshold))),
        (Decimal::ONE_HUNDRED, "target 100".to_owned()),
    ];
    if rules.cap != Decimal::ONE_HUNDRED {
        marks.push((rules.cap, format!("tetto {}", format_italian(rules.cap))));
    }
    if rules.floor > Decimal::ZERO {
        marks.push((rules.floor, format!("minimo {}", format_italian(rules.floor))));
    }
    marks
}
