//! The catalogue of messages against the code: every id the code uses is defined in both
//! languages, and every id the catalogue defines is used somewhere.
//!
//! The code names a message by a string literal at the call site (`msg!("duplicate-id", ...)`,
//! `Message::new("...")`, `i18n::text(lang, "...")`), never an id built with `format!`, so the
//! sources can be scanned for them. Two families of ids are made from data and have their own
//! tests: the descriptions of the codes (`code-*`, one per `Code`, in `diagnostic.rs`) and the
//! help of the command line (`about-*`, `arg-*`, `after-help-*`, one per command and argument,
//! in `cli/help.rs`).

use std::collections::BTreeSet;
use std::path::Path;

use cruscotto::diagnostic::Code;
use cruscotto::i18n::{self, Lang};

use crate::support::root;

/// Every `.rs` file under `dir`, with its text.
fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let name = path.strip_prefix(root()).unwrap_or(&path).display().to_string();
            out.push((name, std::fs::read_to_string(&path).unwrap()));
        }
    }
}

/// The string literal at the start of `text` (after blanks), if there is one.
fn literal(text: &str) -> Option<&str> {
    let rest = text.trim_start().strip_prefix('"')?;
    rest.find('"').map(|end| &rest[..end])
}

/// The ids the code passes to the catalogue: the first argument of `msg!(` and
/// `Message::new(`, the second of `text(`.
fn used_ids(text: &str) -> Vec<&str> {
    let mut ids = Vec::new();
    for opener in ["msg!(", "Message::new("] {
        ids.extend(text.match_indices(opener).filter_map(|(at, _)| literal(&text[at + opener.len()..])));
    }
    for (at, _) in text.match_indices("text(") {
        // `text(` alone or as `i18n::text(`, not a method (`self.text(&fields, "name")`).
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
            continue;
        }
        let arguments = &text[at + "text(".len()..];
        let Some(comma) = arguments.find([',', ')']).filter(|&i| arguments[i..].starts_with(',')) else { continue };
        ids.extend(literal(&arguments[comma + 1..]));
    }
    ids.into_iter().filter(|id| id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')).collect()
}

fn defined(lang: Lang) -> BTreeSet<String> {
    i18n::catalogue_ids(lang).into_iter().map(|(id, _)| id).collect()
}

#[test]
fn every_id_the_code_uses_is_in_both_catalogues() {
    let mut files = Vec::new();
    sources(&root().join("src"), &mut files);
    let mut missing = Vec::new();
    let mut found = 0;
    // The catalogue's own module is left out: its documentation and tests use made-up ids.
    for (file, text) in
        files.iter().filter(|(file, _)| !file.starts_with(&format!("src{}i18n", std::path::MAIN_SEPARATOR)))
    {
        for id in used_ids(text) {
            found += 1;
            for lang in Lang::ALL {
                if !defined(lang).contains(id) {
                    missing.push(format!("{file}: `{id}` is not in the {lang} catalogue"));
                }
            }
        }
    }
    // The scanner finds the ids: hundreds of call sites, not none.
    assert!(found > 300, "only {found} ids found in the sources: is the scanner still matching the code?");
    missing.sort();
    missing.dedup();
    assert!(missing.is_empty(), "{missing:#?}");
}

#[test]
fn every_id_of_the_catalogue_is_used() {
    let mut files = Vec::new();
    sources(&root().join("src"), &mut files);
    let all: String = files.iter().map(|(_, text)| text.as_str()).collect();
    let descriptions: BTreeSet<String> = Code::ALL.iter().map(|code| code.description().id().to_owned()).collect();
    let unused: Vec<String> = defined(Lang::En)
        .into_iter()
        .filter(|id| !["about-", "arg-", "after-help-"].iter().any(|prefix| id.starts_with(prefix)))
        .filter(|id| !descriptions.contains(id))
        .filter(|id| !all.contains(&format!("\"{id}\"")))
        .collect();
    assert!(unused.is_empty(), "catalogue ids no code uses: {unused:?}");
    // Both languages define the same ids (their variables are compared by `i18n`'s own tests).
    assert_eq!(defined(Lang::It), defined(Lang::En));
}

#[test]
fn every_code_has_its_description_in_both_languages() {
    for &code in Code::ALL {
        let id = code.description().id();
        for lang in Lang::ALL {
            let text = i18n::lookup(lang, id).unwrap_or_else(|| panic!("`{id}` is not in the {lang} catalogue"));
            assert!(text.ends_with('.'), "{lang} `{id}`: a description is a sentence: {text}");
        }
    }
}

#[test]
fn no_message_of_the_italian_catalogue_is_left_in_english() {
    // The same words in both languages are a message not translated, unless the message is
    // made of its arguments alone (`{ $file }: { $reason }`), of a flag (`--year`), or of words
    // Italian writes as English does (`target`, `area`, `note`: see docs/glossary.md).
    const ITALIAN_TOO: [&str; 7] = ["target", "area", "note", "file", "no", "euro", "sha"];
    let words = |text: &str| {
        let mut outside = String::new();
        let mut depth = 0;
        for c in text.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ if depth == 0 => outside.push(c),
                _ => {}
            }
        }
        outside
            .split(|c: char| !c.is_alphabetic())
            .filter(|word| !word.is_empty())
            .any(|word| !ITALIAN_TOO.contains(&word.to_lowercase().as_str()))
    };
    let flags = ["cli-deny-flag", "cli-rollover-year"];
    let same: Vec<String> = defined(Lang::En)
        .into_iter()
        .filter(|id| !flags.contains(&id.as_str()))
        .filter(|id| {
            let english = i18n::lookup(Lang::En, id).unwrap_or_default();
            words(&english) && Some(&english) == i18n::lookup(Lang::It, id).as_ref()
        })
        .collect();
    assert!(same.is_empty(), "the same text in Italian and English: {same:?}");
}
