//! Plan versions: `diff` (every kind of change, canonical targets, `--require-acts`, git
//! revisions), `history` (grouped by act), `show --as-of` (the plan at a date).

use cruscotto::as_of::as_of;
use cruscotto::date::Date;
use cruscotto::diff::{FieldName, NodeChange, PlanDiff, diff, uncovered};
use cruscotto::i18n::Lang;
use cruscotto::plan::{Change, Plan, Status};
use cruscotto::source::SourceFile;

use crate::support::{git, root, run, run_in};

const SEED: &str = "plans/maremma-tirreno-2019.toml";
const BASE: &str = "tests/fixtures/diff/base.toml";

fn load(name: &str, text: &str) -> Plan {
    let checked = cruscotto::check_plan(&SourceFile::new(name, text));
    checked.plan.unwrap_or_else(|| panic!("{name} has errors: {:#?}", checked.diagnostics))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap()
}

/// The base plan, and the base with `edit` applied.
fn pair(edit: impl Fn(String) -> String) -> (Plan, Plan) {
    let text = read(BASE);
    let changed = edit(text.clone());
    assert_ne!(changed, text, "the edit changed nothing");
    (load("old.toml", &text), load("new.toml", &changed))
}

/// The fields that changed, as `id field: old → new`.
fn changes(diff: &PlanDiff) -> Vec<String> {
    let mut lines: Vec<String> = diff
        .metadata
        .iter()
        .chain(&diff.scoring)
        .chain(&diff.registries)
        .map(|c| format!("{}: {} → {}", c.field, c.old, c.new))
        .collect();
    for node in &diff.nodes {
        match node.change {
            NodeChange::Added => lines.push(format!("{} added", node.id)),
            NodeChange::Deleted => lines.push(format!("{} deleted", node.id)),
            NodeChange::Changed => {}
        }
        lines.extend(node.fields.iter().map(|c| format!("{} {}: {} → {}", node.id, c.field, c.old, c.new)));
        lines.extend(node.revisions_added.iter().map(|r| format!("{} + {r}", node.id)));
        lines.extend(node.revisions_removed.iter().map(|r| format!("{} - {r}", node.id)));
    }
    lines
}

/// A named edit of the base plan, and the changes `diff` must report for it.
type Case = (&'static str, Box<dyn Fn(String) -> String>, Vec<&'static str>);

#[test]
fn every_kind_of_change() {
    let cases: Vec<Case> = vec![
        (
            "added",
            Box::new(|t| {
                t + "\n[[indicator]]\nid = \"S2.2\"\nobjective = \"S2\"\nname = \"Nuovo\"\nunit = \"count\"\npolarity = \"increase\"\ntargets = { 2020 = \"≥ 3\" }\n"
            }),
            vec!["S2.2 added"],
        ),
        (
            "deleted",
            Box::new(|t| {
                t.replace("[[indicator]]\nid = \"S2.1\"\nobjective = \"S2\"\nname = \"Iniziative di promozione anno x / anno x-1\"\nunit = \"ratio\"\ntargets = { 2019 = \"≥ 1\", 2020 = \"≥ 1\", 2021 = \"> 1\" }\n", "")
            }),
            vec!["S2.1 deleted"],
        ),
        (
            "renamed",
            Box::new(|t| {
                t.replace("name = \"Promozione del territorio\"", "name = \"Promozione integrata del territorio\"")
            }),
            vec!["S2 name: Promozione del territorio → Promozione integrata del territorio"],
        ),
        ("moved", Box::new(|t| t.replace("objective = \"S2\"", "objective = \"S1\"")), vec!["S2.1 parent: S2 → S1"]),
        (
            "target",
            Box::new(|t| t.replace("2021 = \"> 1\"", "2021 = \">= 1,1\"")),
            vec!["S2.1 target 2021: > 1 → ≥ 1,1"],
        ),
        ("unit", Box::new(|t| t.replace("unit = \"ratio\"", "unit = \"number\"")), vec!["S2.1 unit: ratio → number"]),
        (
            "polarity and weight",
            Box::new(|t| t.replace("unit = \"ratio\"", "unit = \"ratio\"\npolarity = \"decrease\"\nweight = 2")),
            vec!["S2.1 weight: 1 → 2", "S2.1 polarity: increase → decrease"],
        ),
        (
            "formula",
            Box::new(|t| t.replace("unit = \"days\"", "unit = \"days\"\nformula = \"Σ giorni / n. pratiche\"")),
            vec!["O1.1.1 formula: — → Σ giorni / n. pratiche"],
        ),
        (
            "services and area",
            Box::new(|t| t.replace("services = \"anagrafe\"", "services = [\"anagrafe\", \"promozione\"]")),
            vec!["O1.1.1 services: anagrafe → anagrafe, promozione", "O1.1.1 area: II → II, III"],
        ),
        (
            "scoring",
            Box::new(|t| t.replacen("[[area]]", "[scoring]\ncap = 120\n\n[[area]]", 1)),
            vec!["cap: 100 → 120"],
        ),
        (
            "revision record",
            Box::new(|t| {
                t + "\n[[indicator.revision]]\nchange = \"updated\"\nact = { body = \"Giunta\", number = \"40\", date = 2019-05-10 }\n"
            }),
            vec!["O1.1.1 + updated by Giunta n. 40 del 10/05/2019"],
        ),
        (
            "metadata",
            Box::new(|t| {
                t.replace(
                    "title = \"Piano della performance 2019-2021\"",
                    "title = \"Piano della performance 2019-2021 (aggiornato)\"",
                )
            }),
            vec!["title: Piano della performance 2019-2021 → Piano della performance 2019-2021 (aggiornato)"],
        ),
        (
            "service registry",
            Box::new(|t| t.replace("name = \"Promozione\"", "name = \"Promozione e sviluppo\"")),
            vec!["service promozione: Promozione (area III) → Promozione e sviluppo (area III)"],
        ),
    ];
    for (name, edit, expected) in cases {
        let (old, new) = pair(edit);
        let result = diff(&old, &new);
        assert_eq!(changes(&result), expected, "case {name}");
        assert!(!result.is_empty());
    }
}

#[test]
fn the_same_target_written_another_way_is_not_a_change() {
    let (old, new) =
        pair(|t| t.replace("2019 = \">=90%\"", "2019 = \"≥ 90%\"").replace("target = \"1,5\"", "target = \"1.50\""));
    assert!(diff(&old, &new).is_empty(), "{:#?}", diff(&old, &new));
}

#[test]
fn a_plan_written_back_as_toml_is_the_same_plan() {
    for path in [SEED, BASE, "tests/fixtures/score/plan.toml"] {
        let plan = load(path, &read(path));
        let written = cruscotto::render::plan::toml(&plan, "written back");
        let again = load("written.toml", &written);
        assert!(diff(&plan, &again).is_empty(), "{path}: {:#?}", diff(&plan, &again));
    }
}

#[test]
fn require_acts_passes_only_when_every_change_has_its_act() {
    // A target changed with no revision: not covered.
    let (old, new) = pair(|t| t.replace("2021 = \"≥ 95%\"", "2021 = \"≥ 97%\""));
    let result = diff(&old, &new);
    let missing = uncovered(&old, &new, &result);
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].id, "S1.1");
    assert!(
        missing[0]
            .needs
            .to_string()
            .starts_with("an `updated` revision added in this version, on it or on an ancestor, citing an act with its number and date after Giunta n. 12 del 30/01/2019")
    );
    // The same change with an update by a later act: covered.
    let (old, new) = pair(|t| {
        t.replace("2021 = \"≥ 95%\" }\n", "2021 = \"≥ 97%\" }\n\n[[indicator.revision]]\nchange = \"updated\"\nact = { body = \"Giunta\", number = \"40\", date = 2019-05-10 }\nprevious = { targets = { 2021 = \"≥ 95%\" } }\n")
    });
    assert!(uncovered(&old, &new, &diff(&old, &new)).is_empty());
    // An update by an act older than the old version's adoption does not cover.
    let (old, new) = pair(|t| {
        t.replace("2021 = \"≥ 95%\" }\n", "2021 = \"≥ 97%\" }\n\n[[indicator.revision]]\nchange = \"updated\"\nact = { body = \"Giunta\", number = \"3\", date = 2019-01-10 }\n")
    });
    assert_eq!(uncovered(&old, &new, &diff(&old, &new)).len(), 1);
    // A revision on an ancestor covers its descendants.
    let (old, new) = pair(|t| {
        t.replace("target = \"1,5\"", "target = \"1,4\"").replace(
            "name = \"Tempi di lavorazione delle pratiche\"\n",
            "name = \"Tempi di lavorazione delle pratiche\"\n\n[[operational-objective.revision]]\nchange = \"updated\"\nact = { body = \"Giunta\", number = \"40\", date = 2019-05-10 }\n",
        )
    });
    assert!(uncovered(&old, &new, &diff(&old, &new)).is_empty());
    // Removing a node takes a `removed` revision; deleting it from the file is never covered.
    let (old, new) = pair(|t| {
        t.replace("unit = \"ratio\"\n", "unit = \"ratio\"\nstatus = \"removed\"\n").replace(
            "2021 = \"> 1\" }\n",
            "2021 = \"> 1\" }\n\n[[indicator.revision]]\nchange = \"removed\"\nact = { body = \"Giunta\", number = \"40\", date = 2019-05-10 }\n",
        )
    });
    assert!(uncovered(&old, &new, &diff(&old, &new)).is_empty());
    let (old, new) = pair(|t| t.replace("[[indicator]]\nid = \"S2.1\"", "[[indicator]]\nid = \"S2.9\""));
    let missing = uncovered(&old, &new, &diff(&old, &new));
    let whats: Vec<String> = missing.iter().map(|m| m.what.to_string()).collect();
    assert_eq!(whats, ["indicator added", "indicator deleted from the file"]);
}

#[test]
fn the_seed_history_is_grouped_by_its_acts() {
    let plan = load(SEED, &read(SEED));
    let history = cruscotto::history::history(&plan);
    let summary: Vec<(String, usize, Vec<String>)> = history
        .groups
        .iter()
        .map(|g| (g.label(Lang::En), g.entries.len(), g.flags.iter().map(ToString::to_string).collect()))
        .collect();
    let two_numbers = "the date 26/07/2018 is cited with two numbers: n. 27 and n. 97".to_owned();
    let no_number = "the act has no number".to_owned();
    assert_eq!(
        summary,
        vec![
            ("Giunta n. 27 del 26/07/2018".to_owned(), 1, vec![two_numbers.clone()]),
            ("Giunta n. 97 del 26/07/2018".to_owned(), 2, vec![two_numbers]),
            ("Giunta n. ? del 31/01/2019".to_owned(), 15, vec![no_number.clone()]),
            ("Giunta n. ? del 21/07/2019".to_owned(), 1, vec![no_number.clone()]),
            (
                "Giunta n. ? del 25/07/2019".to_owned(),
                5,
                vec![
                    no_number,
                    "same date as the plan's adopting act (Giunta n. 81 del 25/07/2019): probably that act".to_owned()
                ]
            ),
            ("no act (year 2018)".to_owned(), 1, vec!["no act is cited: only the year 2018 is recorded".to_owned()]),
        ]
    );
    let result = run(&["history", SEED, "--lang", "en"]);
    assert_eq!(result.code, 0);
    insta::assert_snapshot!("history_seed", result.stdout);
    insta::assert_snapshot!("history_seed_it", run(&["history", SEED, "--lang", "it"]).stdout);
    let markdown = run(&["history", SEED, "--format", "markdown", "--lang", "en"]);
    assert!(markdown.stdout.contains("### Giunta n. 97 del 26/07/2018"), "{}", markdown.stdout);
    insta::assert_snapshot!("history_seed_markdown", markdown.stdout);
    insta::assert_snapshot!("history_seed_markdown_it", run(&["history", SEED, "--format", "markdown"]).stdout);
    // JSON is the machine format: the same in either language.
    let json = |lang| run(&["history", SEED, "--format", "json", "--lang", lang]).stdout;
    assert_eq!(json("it"), json("en"));
    let json: serde_json::Value = serde_json::from_str(&json("it")).unwrap();
    assert_eq!(json["acts"].as_array().unwrap().len(), 6);
    assert_eq!(json["acts"][1]["act"]["number"], "97");
}

#[test]
fn the_seed_as_of_the_end_of_2018() {
    let plan = load(SEED, &read(SEED));
    let date = Date::new(2018, 12, 31).unwrap();
    let result = as_of(&plan, date);
    let then = &result.plan;
    // Inserted on 31/01/2019: absent. Removed on 31/01/2019 and 21/07/2019: still active.
    assert!(then.find("S5.2").is_none() && then.find("S6.2").is_none());
    for id in ["S2.4", "S2.5", "S3.2", "S6.1", "S7.2", "S13.1", "O9.13.1"] {
        assert_eq!(then.node(then.find(id).unwrap()).status, Status::Active, "{id}");
    }
    // Removed on 26/07/2018 and during 2018: removed already.
    for id in ["S7.6", "S14.3"] {
        assert_eq!(then.node(then.find(id).unwrap()).status, Status::Removed, "{id}");
    }
    let unrecorded: Vec<&str> = result
        .undone
        .iter()
        .filter(|u| u.revision.change == Change::Updated && !u.restored)
        .map(|u| u.id.as_str())
        .collect();
    assert_eq!(
        unrecorded,
        ["S1", "S1", "S2.2", "S2.3", "O7.5.1", "O9.4.1", "S10", "S11.1", "S12.1", "S12.2", "S14.1", "O14.1.1"]
    );
    assert_eq!(then.metadata.adopted_by, None, "adopted by an act of 25/07/2019");

    // The diff of the plan as it stood against the plan lists exactly what the notes date after
    // 2018: 31 January 2019, 21 and 25 July 2019.
    let result = diff(then, &plan);
    let mut by_node: Vec<(String, String)> = result
        .nodes
        .iter()
        .map(|node| {
            let what = match node.change {
                NodeChange::Added => "inserted".to_owned(),
                _ if node.fields.iter().any(|f| f.field == FieldName::Status) => "removed".to_owned(),
                _ => "updated".to_owned(),
            };
            (node.id.clone(), what)
        })
        .collect();
    by_node.sort();
    let expected = [
        ("O14.1.1", "updated"),
        ("O7.5.1", "updated"),
        ("O9.13.1", "removed"),
        ("O9.4.1", "updated"),
        ("S1", "updated"),
        ("S10", "updated"),
        ("S11.1", "updated"),
        ("S12.1", "updated"),
        ("S12.2", "updated"),
        ("S13.1", "removed"),
        ("S14.1", "updated"),
        ("S2.2", "updated"),
        ("S2.3", "updated"),
        ("S2.4", "removed"),
        ("S2.5", "removed"),
        ("S3.2", "removed"),
        ("S5.2", "inserted"),
        ("S6.1", "removed"),
        ("S6.2", "inserted"),
        ("S7.2", "removed"),
    ];
    assert_eq!(by_node, expected.map(|(id, what)| (id.to_owned(), what.to_owned())));
    // Each of them is covered by its act (the plan as it stood has no adopting act).
    assert!(uncovered(then, &plan, &result).is_empty());
}

#[test]
fn show_restores_recorded_previous_values() {
    let text = read(BASE).replace(
        "2021 = \"≥ 95%\" }\n",
        "2021 = \"≥ 97%\" }\n\n[[indicator.revision]]\nchange = \"updated\"\nact = { body = \"Giunta\", number = \"40\", date = 2019-05-10 }\nprevious = { name = \"Pratiche evase / pratiche ricevute\", targets = { 2021 = \"≥ 95%\", 2020 = \"\" } }\n",
    );
    let plan = load("plan.toml", &text);
    let before = as_of(&plan, Date::new(2019, 5, 9).unwrap());
    let s11 = before.plan.node(before.plan.find("S1.1").unwrap());
    assert_eq!(s11.name, "Pratiche evase / pratiche ricevute");
    let targets = &s11.indicator().unwrap().targets;
    assert_eq!(targets.get(&2021).unwrap().to_string(), "≥ 95%");
    assert!(!targets.contains_key(&2020), "2020 had no target before the update");
    assert!(before.undone.iter().all(|u| u.restored));
    let on_the_day = as_of(&plan, Date::new(2019, 5, 10).unwrap());
    assert!(on_the_day.undone.is_empty());
    assert_eq!(
        on_the_day.plan.node(on_the_day.plan.find("S1.1").unwrap()).name,
        "Pratiche evase entro 5 giorni / pratiche ricevute"
    );

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.toml"), &text).unwrap();
    let shown = run_in(dir.path(), &["show", "plan.toml", "--as-of", "09/05/2019", "--format", "toml"]);
    assert_eq!(shown.code, 0, "{}", shown.transcript());
    assert!(shown.stdout.contains("name = \"Pratiche evase / pratiche ricevute\""), "{}", shown.stdout);
    let tree = run_in(dir.path(), &["show", "plan.toml", "--act", "40", "--lang", "en"]);
    assert!(
        tree.stdout.starts_with("The plan as it stood on 10/05/2019:\n  no revision was adopted after that date\n"),
        "{}",
        tree.stdout
    );
    assert_eq!(run_in(dir.path(), &["show", "plan.toml", "--act", "99"]).code, 2);
    assert_eq!(run_in(dir.path(), &["show", "plan.toml", "--as-of", "ieri"]).code, 2);
}

#[test]
fn previous_values_are_checked() {
    let bad = read(BASE).replace(
        "target = \"1,5\"\nservices = \"anagrafe\"\n",
        "target = \"1,5\"\nservices = \"anagrafe\"\n\n[[indicator.revision]]\nchange = \"removed\"\nact = { body = \"Giunta\", number = \"40\", date = 2019-05-10 }\nprevious = { name = \"x\" }\n\n[[indicator.revision]]\nchange = \"updated\"\nprevious = { program = \"P1.1\", services = \"marketing\" }\n",
    );
    let checked = cruscotto::check_plan(&SourceFile::new("plan.toml", bad));
    let messages: Vec<String> = checked.diagnostics.iter().map(|d| format!("{}: {}", d.code, d.message)).collect();
    assert!(
        messages
            .contains(&"invalid-value: `previous` values belong to an update, not to a `removed` revision".to_owned()),
        "{messages:#?}"
    );
    assert!(
        messages
            .contains(&"invalid-value: `previous` cannot record `program` for a node of level indicator".to_owned()),
        "{messages:#?}"
    );
    assert!(
        messages.iter().any(|m| m.starts_with("undeclared-service: the previous service `marketing`")),
        "{messages:#?}"
    );
}

#[test]
fn diff_in_every_format_and_its_exit_codes() {
    let same = run(&["diff", SEED, SEED, "--lang", "en"]);
    assert_eq!(
        (same.code, same.stdout.as_str()),
        (0, "--- plans/maremma-tirreno-2019.toml\n+++ plans/maremma-tirreno-2019.toml\nno differences\n")
    );
    let dir = tempfile::tempdir().unwrap();
    let then = dir.path().join("then.toml");
    let shown = run(&["show", SEED, "--as-of", "2018-12-31", "--format", "toml", "-o", then.to_str().unwrap()]);
    assert_eq!(shown.code, 0, "{}", shown.transcript());
    // The acceptances of findings that came later (the unnumbered acts of 2019) are not kept.
    let checked = run_in(dir.path(), &["check", "then.toml", "--format", "json"]);
    assert!(!checked.stdout.contains("unused-acceptance"), "{}", checked.stdout);
    assert!(checked.stdout.contains("\"accepted\": "), "the others are kept: {}", checked.stdout);
    let seed = root().join(SEED);
    let seed = seed.to_str().unwrap();
    let compare = |args: &[&str]| {
        let mut all = vec!["diff", "then.toml", seed];
        all.extend_from_slice(args);
        let result = run_in(dir.path(), &all);
        crate::support::Run { stdout: result.stdout.replace(seed, SEED), ..result }
    };
    let changed = compare(&["--lang", "en"]);
    assert_eq!(changed.code, 1);
    insta::assert_snapshot!("diff_seed_2018_text", changed.stdout);
    insta::assert_snapshot!("diff_seed_2018_text_it", compare(&["--lang", "it"]).stdout);
    insta::assert_snapshot!("diff_seed_2018_markdown", compare(&["--format", "markdown", "--lang", "en"]).stdout);
    insta::assert_snapshot!("diff_seed_2018_markdown_it", compare(&["--format", "markdown", "--lang", "it"]).stdout);
    // JSON is the machine format: the same in either language.
    let json = compare(&["--format", "json", "--require-acts", "--lang", "it"]);
    assert_eq!(json.stdout, compare(&["--format", "json", "--require-acts", "--lang", "en"]).stdout);
    assert_eq!(json.code, 0, "every change is covered: {}", json.transcript());
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(value["identical"], false);
    // The 20 nodes revised after 2018, and O9.13 and O11.3.1, whose accepted findings came with
    // those revisions (an objective left without indicators, a duplicate text).
    assert_eq!(value["nodes"].as_array().unwrap().len(), 22);
    assert_eq!(value["uncovered"].as_array().unwrap().len(), 0);
    // A plan with errors, a missing file: exit 2.
    std::fs::write(dir.path().join("broken.toml"), "[plan]\n").unwrap();
    assert_eq!(run_in(dir.path(), &["diff", "broken.toml", "then.toml"]).code, 2);
    assert_eq!(run_in(dir.path(), &["diff", "nowhere.toml", "then.toml"]).code, 2);
}

#[test]
fn different_bodies_or_years_are_a_warning_before_the_diff() {
    let (old, new) =
        pair(|t| t.replace("year = 2019", "year = 2020").replace("horizon = [2018, 2021]", "horizon = [2018, 2022]"));
    let result = diff(&old, &new);
    assert_eq!(
        result.warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [
            "the two plans are of different years: 2019 and 2020",
            "the new version writes 1 target with the shorthand `target =` (O1.1.1), which follows `year`: they moved \
             from 2019 to 2020; write each under its year (`targets = { 2019 = ... }`), as `cruscotto rollover` does"
        ]
    );
    assert!(changes(&result).contains(&"year: 2019 → 2020".to_owned()));
}

#[test]
#[cfg_attr(windows, ignore = "needs git, which the Windows test environment does not have")]
fn git_revisions_are_read_with_git_show() {
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q"]);
    std::fs::create_dir(dir.path().join("plans")).unwrap();
    let plan = dir.path().join("plans/piano.toml");
    std::fs::write(&plan, read(BASE)).unwrap();
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "piano adottato"]);
    std::fs::write(&plan, read(BASE).replace("2021 = \"> 1\"", "2021 = \"> 1,1\"")).unwrap();
    git(dir.path(), &["commit", "-q", "-am", "target aggiornato"]);

    let result = run_in(dir.path(), &["diff", "HEAD~1:plans/piano.toml", "plans/piano.toml", "--lang", "en"]);
    assert_eq!(result.code, 1, "{}", result.transcript());
    assert!(
        result.stdout.contains(
            "S2.1 (indicator, changed): Iniziative di promozione anno x / anno x-1\n  target 2021: > 1 → > 1,1\n"
        ),
        "{}",
        result.stdout
    );
    let unchanged = run_in(dir.path(), &["diff", "HEAD:plans/piano.toml", "plans/piano.toml", "--require-acts"]);
    assert_eq!(unchanged.code, 0, "{}", unchanged.transcript());
    let failing =
        run_in(dir.path(), &["diff", "HEAD~1:plans/piano.toml", "plans/piano.toml", "--require-acts", "--lang", "en"]);
    assert_eq!(failing.code, 1);
    assert!(
        failing.stdout.contains("1 change not covered by an act:\n  S2.1: target 2021: > 1 → > 1,1\n"),
        "{}",
        failing.stdout
    );
    let missing = run_in(dir.path(), &["diff", "HEAD~5:plans/piano.toml", "plans/piano.toml"]);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.starts_with("error: git cannot read `HEAD~5:plans/piano.toml`: "), "{}", missing.stderr);
    let outside = tempfile::tempdir().unwrap();
    let not_a_repo = run_in(outside.path(), &["diff", "HEAD:plans/piano.toml", plan.to_str().unwrap()]);
    assert_eq!(not_a_repo.code, 2);
    assert!(not_a_repo.stderr.contains("git cannot read `HEAD:plans/piano.toml`"), "{}", not_a_repo.stderr);
}

/// The seed plan with `edit` applied.
fn seed_with(edit: impl Fn(String) -> String) -> String {
    let text = read(SEED);
    let edited = edit(text.clone());
    assert_ne!(edited, text, "the edit changed nothing");
    edited
}

/// Adds `revision` (the lines of a `[[KIND.revision]]` table) right after the table that starts
/// with `header`.
fn add_revision(text: &str, header: &str, kind: &str, revision: &str) -> String {
    let start = text.find(header).unwrap_or_else(|| panic!("no {header}"));
    let end = start + text[start..].find("\n\n").unwrap() + 1;
    format!("{}\n[[{kind}.revision]]\n{revision}{}", &text[..end], &text[end..])
}

/// Lowers S3.1's 2019 target (other indicators have the same targets line).
trait LowerS31 {
    fn pipe_lower(self) -> String;
}

impl LowerS31 for String {
    fn pipe_lower(self) -> String {
        let at = self.find(S31).unwrap();
        let target = at + self[at..].find(S31_TARGETS).unwrap();
        format!("{}{S31_LOWERED}{}", &self[..target], &self[target + S31_TARGETS.len()..])
    }
}

const S3: &str = "[[strategic-objective]]\nid = \"S3\"\n";
const S31: &str = "[[indicator]]\nid = \"S3.1\"\n";
const S31_TARGETS: &str = "targets = { 2017 = \"Anno di rilevazione\", 2018 = \"≥1\", 2019 = \"≥1\", 2020 = \"≥1\" }";
const S31_LOWERED: &str =
    "targets = { 2017 = \"Anno di rilevazione\", 2018 = \"≥1\", 2019 = \"≥ 0,5\", 2020 = \"≥1\" }";

#[test]
fn a_change_is_covered_only_by_a_revision_the_new_version_adds() {
    // The reproducer: B adds a revision to S3 by act n. 90 of 15/10/2019; C, with no new
    // revision, lowers S3.1's 2019 target. The revision B already had does not cover C's change.
    let b = seed_with(|t| {
        add_revision(
            &t,
            S3,
            "strategic-objective",
            "change = \"updated\"\nact = { body = \"Giunta\", number = \"90\", date = 2019-10-15 }\n",
        )
    });
    let c = b.clone().pipe_lower();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t-B.toml"), &b).unwrap();
    std::fs::write(dir.path().join("t-C.toml"), &c).unwrap();
    let result = run_in(dir.path(), &["diff", "t-B.toml", "t-C.toml", "--require-acts", "--lang", "en"]);
    assert_eq!(result.code, 1, "{}", result.transcript());
    assert!(result.stdout.contains("  target 2019: ≥ 1 → ≥ 0,5\n"), "{}", result.stdout);
    assert!(
        result.stdout.ends_with(
            "1 change not covered by an act:\n  S3.1: target 2019: ≥ 1 → ≥ 0,5\n    needs an `updated` revision added in \
             this version, on it or on an ancestor, citing an act with its number and date after Giunta n. 81 del 25/07/2019\n"
        ),
        "{}",
        result.stdout
    );
    // From the seed to C, the revision is new: it covers the change.
    std::fs::write(dir.path().join("t-A.toml"), read(SEED)).unwrap();
    let covered = run_in(dir.path(), &["diff", "t-A.toml", "t-C.toml", "--require-acts", "--lang", "en"]);
    assert_eq!(covered.code, 0, "{}", covered.transcript());
    assert!(covered.stdout.ends_with("every change is covered by a revision with its act\n"), "{}", covered.stdout);

    // GitHub annotations point at the target's line in the new version.
    let annotated = run_in(dir.path(), &["diff", "t-B.toml", "t-C.toml", "--require-acts", "--format", "github"]);
    assert_eq!(annotated.code, 1);
    let line = c.lines().position(|l| l == S31_LOWERED).unwrap() + 1;
    let column = S31_LOWERED[..S31_LOWERED.find("\"≥ 0,5\"").unwrap()].chars().count() + 1;
    assert_eq!(
        annotated.stdout,
        format!(
            "::error file=t-C.toml,line={line},col={column},title=change without an act::S3.1: target 2019: ≥ 1 → ≥ 0,5%0Aneeds \
             an `updated` revision added in this version, on it or on an ancestor, citing an act with its number and \
             date after Giunta n. 81 del 25/07/2019\n::notice file=t-C.toml,title=cruscotto diff --require-acts::1 change not covered by \
             an act\n"
        )
    );
    let notices = run_in(dir.path(), &["diff", "t-B.toml", "t-C.toml", "--format", "github"]);
    assert_eq!(notices.code, 1);
    assert_eq!(
        notices.stdout,
        format!("::notice file=t-C.toml,line={line},col={column},title=plan change::S3.1 target 2019: ≥ 1 → ≥ 0,5\n")
    );
}

#[test]
fn an_act_without_a_number_covers_only_where_the_plan_accepts_it_and_never_on_the_adoption_day() {
    fn unnumbered(date: &'static str) -> impl Fn(String) -> String {
        move |t: String| {
            add_revision(
                &t,
                S31,
                "indicator",
                &format!("change = \"updated\"\nact = {{ body = \"Giunta\", date = {date} }}\n"),
            )
            .pipe_lower()
        }
    }
    let old = load(SEED, &read(SEED));
    // On the day of the plan's adoption (n. 81 of 25/07/2019): probably that act, never covering.
    let same_day = load("new.toml", &seed_with(unnumbered("2019-07-25")));
    assert_eq!(uncovered(&old, &same_day, &diff(&old, &same_day)).len(), 1);
    // Later, but the plan does not accept acts without a number on S3.1.
    let later = load("new.toml", &seed_with(unnumbered("2019-10-15")));
    assert_eq!(uncovered(&old, &later, &diff(&old, &later)).len(), 1);
    // Later, and S3.1 accepts its act without a number, with a reason: covered.
    let accepted = load(
        "new.toml",
        &seed_with(|t| {
            unnumbered("2019-10-15")(t).replacen(
                S31_LOWERED,
                &format!("{S31_LOWERED}\naccept = [{{ code = \"incomplete-act\", reason = \"The deliberation is not numbered yet\" }}]"),
                1,
            )
        }),
    );
    assert!(uncovered(&old, &accepted, &diff(&old, &accepted)).is_empty());
    // An act with its number on the adoption day is another act: it covers.
    let numbered = load(
        "new.toml",
        &seed_with(|t| {
            add_revision(
                &t,
                S31,
                "indicator",
                "change = \"updated\"\nact = { body = \"Giunta\", number = \"82\", date = 2019-07-25 }\n",
            )
            .pipe_lower()
        }),
    );
    assert!(uncovered(&old, &numbered, &diff(&old, &numbered)).is_empty());
}

#[test]
fn check_and_require_acts_agree_on_the_targets_of_a_removed_indicator() {
    // S2.4 was removed on 31/01/2019 and keeps its 2020 target: `check` asks to delete it.
    let kept = run(&["check", SEED, "--format", "json"]);
    assert!(kept.stdout.contains("`S2.4` was removed in 2019 but still has targets for 2020"), "{}", kept.stdout);
    // Deleted, the plan no longer has the finding, and `--require-acts` asks no act for the
    // deletion: the removal (recorded once, by its own act) made the target void.
    let deleted = seed_with(|t| {
        t.replace(
            "targets = { 2017 = \"Anno di rilevazione\", 2018 = \"≥1\", 2019 = \"≥1\", 2020 = \"≥1\" }\naccept = [\n  { code = \"target-after-removal\", reason = \"The annex keeps the targets for 2020 of the indicator it removed: kept as the annex writes them\" },\n  { code = \"incomplete-act\", reason = \"The annex cites the deliberation of the Giunta of 31 January 2019 with its number left blank (\\\"n. del 31 gennaio 2019\\\"): it cannot be filled in from the annex\" },\n]\n\n[[indicator.revision]]\nchange = \"removed\"\nact = { body = \"Giunta\", date = 2019-01-31 }\nnote = \"Eliminato in sede di rolling annuale con deliberazione della Giunta n. del 31 gennaio 2019\"\n\n[[indicator]]\nid = \"S2.5\"",
            "targets = { 2017 = \"Anno di rilevazione\", 2018 = \"≥1\", 2019 = \"≥1\" }\naccept = [\n  { code = \"incomplete-act\", reason = \"The annex cites the deliberation of the Giunta of 31 January 2019 with its number left blank (\\\"n. del 31 gennaio 2019\\\"): it cannot be filled in from the annex\" },\n]\n\n[[indicator.revision]]\nchange = \"removed\"\nact = { body = \"Giunta\", date = 2019-01-31 }\nnote = \"Eliminato in sede di rolling annuale con deliberazione della Giunta n. del 31 gennaio 2019\"\n\n[[indicator]]\nid = \"S2.5\"",
        )
    });
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("new.toml"), &deleted).unwrap();
    std::fs::write(dir.path().join("old.toml"), read(SEED)).unwrap();
    let check = run_in(dir.path(), &["check", "new.toml", "--deny", "warnings"]);
    assert_eq!(check.code, 0, "{}", check.transcript());
    let result = run_in(dir.path(), &["diff", "old.toml", "new.toml", "--require-acts", "--lang", "en"]);
    assert_eq!(result.code, 0, "{}", result.transcript());
    assert!(result.stdout.contains("S2.4 (indicator, changed): "), "{}", result.stdout);
    assert!(result.stdout.contains("  target 2020: ≥ 1 → —\n"), "{}", result.stdout);
    // A target of a year the indicator was still in force is not void: its deletion needs an act.
    let in_force = load(
        "new.toml",
        &deleted.replace(
            "2018 = \"≥1\", 2019 = \"≥1\" }\naccept = [\n  { code = \"incomplete-act\"",
            "2018 = \"≥1\" }\naccept = [\n  { code = \"incomplete-act\"",
        ),
    );
    let old = load(SEED, &read(SEED));
    let missing = uncovered(&old, &in_force, &diff(&old, &in_force));
    assert_eq!(missing.iter().map(|m| m.what.to_string()).collect::<Vec<_>>(), ["target 2019: ≥ 1 → —"]);
}

#[test]
fn the_language_of_the_deliverables_is_a_change_no_act_is_needed_for() {
    let (old, new) = pair(|t| t.replacen("horizon = [2018, 2021]", "horizon = [2018, 2021]\nlang = \"en\"", 1));
    let result = diff(&old, &new);
    assert_eq!(changes(&result), ["lang: it → en"]);
    assert!(cruscotto::diff::uncovered(&old, &new, &result).is_empty());
}
