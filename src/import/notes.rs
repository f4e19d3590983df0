//! Revision notes and acts, as Italian annexes write them.
//!
//! - `Aggiornato in sede di rolling annuale con deliberazione della Giunta n. 97 del 26 luglio
//!   2018` → updated, act { Giunta, 97, 2018-07-26 };
//! - `... della Giunta n. del 31 gennaio 2019` → the act's number is blank: kept missing;
//! - `Modifica azioni Project Del.GC 25/07/2019` → updated, act { Giunta, 2019-07-25 };
//! - `Eliminato in sede di rolling annuale 2018` → removed, year 2018, no act;
//! - `All.2.1 D GC 81 25.07.2019` (an annex's heading) → act { Giunta, 81, 2019-07-25 }.
//!
//! The note itself is always kept as written, so nothing read here is lost if it is misread.

use crate::date::{Date, MONTHS};
use crate::plan::{Act, Change};

/// A revision read from a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Revision {
    pub(crate) change: Change,
    pub(crate) act: Option<Act>,
    /// The year, when the note gives one but no act date.
    pub(crate) year: Option<i32>,
    /// The note as written.
    pub(crate) note: String,
}

/// Reads a revision note: it must start with what was done (`Aggiornato`, `Modifica`,
/// `Eliminato`, `Inserito`...). `None` for any other text.
pub(crate) fn revision(text: &str) -> Option<Revision> {
    let first = text.split(|c: char| !c.is_alphabetic()).find(|w| !w.is_empty())?.to_lowercase();
    let change = change_of(&first)?;
    let found = act_parts(text);
    let act = (found.body.is_some() || found.number.is_some() || found.date.is_some()).then(|| Act {
        body: found.body.clone(),
        number: found.number.clone(),
        date: found.date,
    });
    let year = if found.date.is_none() { found.year } else { None };
    Some(Revision { change, act, year, note: text.to_owned() })
}

/// What a word says was done: `aggiornato`, `modifica` → updated; `eliminato`, `soppresso` →
/// removed; `inserito`, `aggiunto`, `nuovo` → inserted.
fn change_of(word: &str) -> Option<Change> {
    const STEMS: &[(&str, Change)] = &[
        ("aggiornat", Change::Updated),
        ("modific", Change::Updated),
        ("variat", Change::Updated),
        ("rivist", Change::Updated),
        ("sostituit", Change::Updated),
        ("eliminat", Change::Removed),
        ("soppress", Change::Removed),
        ("cancellat", Change::Removed),
        ("rimoss", Change::Removed),
        ("stralciat", Change::Removed),
        ("inserit", Change::Inserted),
        ("aggiunt", Change::Inserted),
        ("introdott", Change::Inserted),
        ("nuov", Change::Inserted),
    ];
    STEMS.iter().find(|(stem, _)| word.starts_with(stem)).map(|(_, change)| *change)
}

/// Reads the act of a heading such as `All.2.1 D GC 81 25.07.2019`: it needs the adopting body
/// and a number or a date.
pub(crate) fn act(text: &str) -> Option<Act> {
    let found = act_parts(text);
    (found.body.is_some() && (found.number.is_some() || found.date.is_some())).then_some(Act {
        body: found.body,
        number: found.number,
        date: found.date,
    })
}

#[derive(Debug, Default)]
struct Parts {
    body: Option<String>,
    number: Option<String>,
    date: Option<Date>,
    year: Option<i32>,
}

/// A word of the text, lower case, with where it starts among the words.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_lowercase).collect()
}

fn act_parts(text: &str) -> Parts {
    let words = words(text);
    let mut parts = Parts::default();
    // The date first, so that its day is not read as the act's number.
    let mut date_at = None;
    for (i, word) in words.iter().enumerate() {
        let trimmed = word.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '(' | ')'));
        if let Ok(date) = Date::parse(trimmed)
            && trimmed.chars().filter(|c| !c.is_ascii_digit()).count() == 2
        {
            parts.date = Some(date);
            date_at = Some(i);
            break;
        }
        if let (Some(month), Some(year)) = (words.get(i + 1), words.get(i + 2)) {
            let day = trimmed.trim_end_matches('°');
            let month = MONTHS.iter().position(|m| month.trim_matches(',') == *m);
            let year = year.trim_matches(|c: char| !c.is_ascii_digit());
            if let (Ok(day), Some(month), Ok(year)) = (day.parse::<u8>(), month, year.parse::<i32>())
                && let Some(date) = Date::new(year, month as u8 + 1, day)
            {
                parts.date = Some(date);
                date_at = Some(i);
                break;
            }
        }
    }
    let before_date = &words[..date_at.unwrap_or(words.len())];
    // The body: `Giunta`, `GC`/`G.C.`/`DGC`/`Del.GC` (Giunta camerale), `Consiglio`, `Presidente`...
    let mut body_at = None;
    for (i, word) in before_date.iter().enumerate() {
        let letters: String = word.chars().filter(|c| c.is_alphanumeric() || *c == '.').collect();
        let pieces: Vec<&str> = letters.split('.').filter(|p| !p.is_empty()).collect();
        let joined: String = pieces.concat();
        let giunta = joined.starts_with("giunta")
            || matches!(joined.as_str(), "gc" | "dgc" | "delgc")
            || (pieces.len() > 1 && pieces.last().is_some_and(|p| *p == "gc"));
        let body = if giunta {
            Some("Giunta")
        } else if joined.starts_with("consiglio") {
            Some("Consiglio")
        } else if joined.starts_with("president") {
            Some("Presidente")
        } else if joined.starts_with("commissari") {
            Some("Commissario")
        } else {
            None
        };
        if let Some(body) = body {
            parts.body = Some(body.to_owned());
            body_at = Some(i);
            break;
        }
    }
    // The number: after `n.`/`n°`/`nr.`; or, in headings, the integer right after the body.
    for (i, word) in before_date.iter().enumerate() {
        let marker = matches!(word.as_str(), "n." | "n°" | "nr." | "num." | "n" | "numero");
        if let Some(glued) = word.strip_prefix("n.").or_else(|| word.strip_prefix("n°")).filter(|g| !g.is_empty())
            && glued.chars().next().is_some_and(|c| c.is_ascii_digit())
        {
            parts.number = Some(act_number(glued));
            break;
        }
        if marker {
            if let Some(next) = before_date.get(i + 1).filter(|next| next.starts_with(|c: char| c.is_ascii_digit())) {
                parts.number = Some(act_number(next));
            }
            break;
        }
    }
    if parts.number.is_none()
        && let Some(next) = body_at.and_then(|at| before_date.get(at + 1))
        && !next.is_empty()
        && next.len() <= 5
        && next.chars().all(|c| c.is_ascii_digit())
    {
        parts.number = Some(next.clone());
    }
    if parts.date.is_none() {
        parts.year = words
            .iter()
            .map(|w| w.trim_matches(|c: char| !c.is_ascii_digit()))
            .filter(|w| w.len() == 4)
            .filter_map(|w| w.parse::<i32>().ok())
            .find(|year| (1990..=2100).contains(year));
    }
    parts
}

/// `97`, `97/2018` → the number as written, without trailing punctuation.
fn act_number(word: &str) -> String {
    word.trim_end_matches([',', ';', ':', '.', ')']).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn giunta(number: Option<&str>, date: (i32, u8, u8)) -> Option<Act> {
        Some(Act {
            body: Some("Giunta".into()),
            number: number.map(str::to_owned),
            date: Date::new(date.0, date.1, date.2),
        })
    }

    #[test]
    fn the_notes_of_the_seed() {
        let r =
            revision("Aggiornato in sede di rolling annuale con deliberazione della Giunta n. 97 del 26 luglio 2018")
                .unwrap();
        assert_eq!((r.change, r.act, r.year), (Change::Updated, giunta(Some("97"), (2018, 7, 26)), None));

        let r = revision("Eliminato in sede di rolling annuale con deliberazione della Giunta n. del 31 gennaio 2019")
            .unwrap();
        assert_eq!((r.change, r.act), (Change::Removed, giunta(None, (2019, 1, 31))));

        let r = revision("Inserito in sede di rolling annuale con deliberazione della Giunta n. del 31 gennaio 2019")
            .unwrap();
        assert_eq!(r.change, Change::Inserted);

        let r =
            revision("Aggiornato in sede di rolling annuale con deliberazione della Giunta n. del 25 luglio 2019 (1)")
                .unwrap();
        assert_eq!(r.act, giunta(None, (2019, 7, 25)));
        assert!(r.note.ends_with("(1)"));

        let r = revision("Modifica azioni Project Del.GC 25/07/2019").unwrap();
        assert_eq!((r.change, r.act), (Change::Updated, giunta(None, (2019, 7, 25))));

        let r = revision("Eliminato in sede di rolling annuale 2018").unwrap();
        assert_eq!((r.change, r.act, r.year), (Change::Removed, None, Some(2018)));

        let r =
            revision("Eliminato in sede di rolling annuale con deliberazione della Giunta n. 27 del 26 luglio 2018")
                .unwrap();
        assert_eq!(r.act, giunta(Some("27"), (2018, 7, 26)));
    }

    #[test]
    fn other_texts_are_not_revisions() {
        assert_eq!(revision("Imprese Territorio e Consumatori"), None);
        assert_eq!(revision("n° iniziative internazionali divulgate"), None);
        assert_eq!(revision(""), None);
    }

    #[test]
    fn the_heading_of_an_annex_names_its_act() {
        assert_eq!(act("All.2.1 D GC 81 25.07.2019"), giunta(Some("81"), (2019, 7, 25)));
        assert_eq!(
            act("Allegato 2 alla deliberazione della Giunta n. 12 del 30 gennaio 2020"),
            giunta(Some("12"), (2020, 1, 30))
        );
        assert_eq!(
            act("Deliberazione del Consiglio n.5/2019"),
            Some(Act { body: Some("Consiglio".into()), number: Some("5/2019".into()), date: None })
        );
        assert_eq!(act("CRUSCOTTO STRATEGICO"), None);
        assert_eq!(act("Piano della performance 2019-2021"), None);
    }
}
