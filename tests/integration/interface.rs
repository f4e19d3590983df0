//! The interface's language, through the binary: `--lang`, then `CRUSCOTTO_LANG`, then the
//! locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first set), English otherwise; and every form of
//! diagnostics, errors, notes and `--help` written in it.

use crate::support::{root, run, run_with_env};

const FIXTURE: &str = "tests/fixtures/check/duplicate-id.toml";
const ENGLISH: &str = "is already used by the indicator at line 18";
const ITALIAN: &str = "è già usato alla riga 18 (indicatore)";

/// The language `check` speaks with `args` and `env`: `en` or `it`.
fn spoken(args: &[&str], env: &[(&str, &str)]) -> &'static str {
    let mut full = args.to_vec();
    full.extend(["check", FIXTURE]);
    let result = run_with_env(root(), &full, env);
    assert_eq!(result.code, 1, "{}", result.transcript());
    match (result.stdout.contains(ENGLISH), result.stdout.contains(ITALIAN)) {
        (true, false) => "en",
        (false, true) => "it",
        _ => panic!("neither language, or both:\n{}", result.transcript()),
    }
}

#[test]
fn the_interface_language_is_the_flag_then_the_variable_then_the_locale() {
    // The C locale, and a locale of another language, speak English.
    assert_eq!(spoken(&[], &[]), "en");
    assert_eq!(spoken(&[], &[("LANG", "de_DE.UTF-8")]), "en");
    // The locale: LC_ALL, then LC_MESSAGES, then LANG, the first one set.
    assert_eq!(spoken(&[], &[("LANG", "it_IT.UTF-8")]), "it");
    assert_eq!(spoken(&[], &[("LANG", "it_IT.UTF-8"), ("LC_MESSAGES", "en_GB.UTF-8")]), "en");
    assert_eq!(spoken(&[], &[("LC_MESSAGES", "it_IT"), ("LC_ALL", "en_US.UTF-8")]), "en");
    assert_eq!(spoken(&[], &[("LANG", "en_US.UTF-8"), ("LC_ALL", "it_CH.UTF-8")]), "it");
    assert_eq!(spoken(&[], &[("LANG", "it_IT.UTF-8"), ("LC_ALL", "C")]), "en");
    // An empty variable is not set.
    assert_eq!(spoken(&[], &[("LANG", "it_IT.UTF-8"), ("LC_ALL", "")]), "it");
    // CRUSCOTTO_LANG before the locale; a value that is no language of the catalogue is skipped.
    assert_eq!(spoken(&[], &[("CRUSCOTTO_LANG", "it")]), "it");
    assert_eq!(spoken(&[], &[("CRUSCOTTO_LANG", "en"), ("LC_ALL", "it_IT.UTF-8")]), "en");
    assert_eq!(spoken(&[], &[("CRUSCOTTO_LANG", "de"), ("LANG", "it_IT.UTF-8")]), "it");
    // --lang before everything, wherever it is on the line.
    assert_eq!(spoken(&["--lang", "it"], &[]), "it");
    assert_eq!(spoken(&["--lang", "en"], &[("CRUSCOTTO_LANG", "it"), ("LC_ALL", "it_IT.UTF-8")]), "en");
    assert_eq!(spoken(&["--lang=it"], &[("CRUSCOTTO_LANG", "en")]), "it");
}

#[test]
fn every_format_of_check_speaks_the_interface_language_with_stable_keys_and_prefixes() {
    let json = run(&["--lang", "it", "check", FIXTURE, "--format", "json"]);
    let diagnostics: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    let first = &diagnostics[0];
    assert_eq!(first["code"], "duplicate-id");
    assert_eq!(first["severity"], "error");
    assert!(first["message"].as_str().is_some_and(|m| m.contains(ITALIAN)), "{first}");
    assert!(first["help"].as_str().is_some_and(|h| h.starts_with("gli id collegano")), "{first}");

    let github = run(&["--lang", "it", "check", FIXTURE, "--format", "github"]);
    assert!(github.stdout.starts_with(&format!("::error file={FIXTURE},line=26,col=6,title=duplicate-id::l'id")));
    assert!(github.stdout.contains("%0Ahelp: gli id collegano"), "{}", github.stdout);

    let text = run(&["--lang", "it", "check", FIXTURE]);
    assert!(text.stdout.starts_with("error[duplicate-id]: l'id `S1.1`"), "{}", text.stdout);
    assert!(text.stdout.contains("   = help: gli id"), "{}", text.stdout);
    assert!(text.stdout.ends_with(": 1 errore, 0 avvisi (1 duplicate-id)\n"), "{}", text.stdout);
}

#[test]
fn errors_notes_and_summaries_speak_the_interface_language() {
    // An error of the command line: the prefix stays, the words are Italian, the system's own
    // words (the reason a file cannot be opened) follow as the system gives them.
    let missing = run(&["--lang", "it", "check", "nessun-piano.toml"]);
    assert_eq!(missing.code, 2, "{}", missing.transcript());
    assert!(missing.stderr.starts_with("error: impossibile leggere `nessun-piano.toml`: "), "{}", missing.stderr);

    let help = run(&["--lang", "it", "--ignore", "duplicate-id", "check", FIXTURE]);
    assert_eq!(help.code, 2, "{}", help.transcript());
    assert_eq!(
        help.stderr,
        "error: --ignore duplicate-id: `duplicate-id` è un errore, e gli errori non si possono accettare\n"
    );
    let suggestion = run(&["--lang", "it", "check", FIXTURE, "--deny", "incomplete-ac"]);
    assert!(suggestion.stderr.ends_with("\nhelp: forse si intendeva `incomplete-act`?\n"), "{}", suggestion.stderr);

    // A note on stderr, after the results of another command.
    let seed = "plans/maremma-tirreno-2019.toml";
    let noted = run(&["--lang", "it", "list", "tests/fixtures/check/incomplete-act.toml", "--format", "csv"]);
    assert_eq!(noted.code, 0, "{}", noted.transcript());
    assert_eq!(
        noted.stderr,
        "note: tests/fixtures/check/incomplete-act.toml ha 1 avviso; `cruscotto check \
         tests/fixtures/check/incomplete-act.toml` li mostra\n"
    );
    // The summary of a clean check, and the explanation of the codes.
    let clean = run(&["--lang", "it", "check", seed, "--verbose"]);
    assert!(clean.stdout.contains("; 45 accettati (22 incomplete-act"), "{}", clean.stdout);
    let explained = run(&["--lang", "it", "explain"]);
    let line = explained.stdout.lines().find(|line| line.starts_with("duplicate-id ")).expect("duplicate-id is listed");
    assert!(line.ends_with(" error    Due voci hanno lo stesso id."), "{line}");
}

#[test]
fn the_help_speaks_the_interface_language_and_the_manual_english() {
    let italian = run_with_env(root(), &["score", "--help"], &[("CRUSCOTTO_LANG", "it")]);
    assert_eq!(italian.code, 0, "{}", italian.transcript());
    assert!(italian.stdout.starts_with("Misura il piano con i valori a consuntivo"), "{}", italian.stdout);
    assert!(italian.stdout.contains("Il file del piano, `-` per lo standard input"), "{}", italian.stdout);
    let english = run(&["score", "--help"]);
    assert!(english.stdout.starts_with("Score the plan against the year's actual values"), "{}", english.stdout);
    let top = run(&["--lang", "it", "--help"]);
    assert!(top.stdout.contains("Codici di uscita: 0 esito positivo"), "{}", top.stdout);
    assert!(top.stdout.contains("Stampa l'albero della performance"), "{}", top.stdout);
    // Manual pages and completion scripts are installed once for everyone: English.
    let manual = run(&["--lang", "it", "man", "score"]);
    assert!(manual.stdout.contains("Score the plan against the year"), "{}", manual.stdout);
    let completions = run(&["--lang", "it", "completions", "fish"]);
    assert!(completions.stdout.contains("Score the plan against the year"), "{}", completions.stdout);
}

#[test]
fn the_help_of_the_program_and_of_a_command_in_both_languages() {
    for lang in ["en", "it"] {
        for command in [None, Some("score")] {
            let mut args = vec!["--lang", lang];
            args.extend(command);
            args.push("--help");
            let result = run(&args);
            assert_eq!(result.code, 0, "{}", result.transcript());
            let name = match command {
                Some(command) => format!("help-{command}-{lang}"),
                None => format!("help-{lang}"),
            };
            insta::assert_snapshot!(name, result.stdout);
        }
    }
}
