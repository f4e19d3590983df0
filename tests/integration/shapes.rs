//! Plans of other shapes: the four examples under `examples/` (a ministry, the national IT plan,
//! a chamber's balanced scorecard, a municipality), each checked clean and scored against its
//! actuals, every figure computed by hand in the comments; and the command line on them.

use cruscotto::actuals;
use cruscotto::period::Period;
use cruscotto::plan::Plan;
use cruscotto::score::{Scorecard, Status, score, score_period};
use cruscotto::source::SourceFile;
use rust_decimal::{Decimal, dec};

use crate::support::{root, run};

const MINISTRY: &str = "examples/ministero-2024.toml";
const MINISTRY_ACTUALS: &str = "examples/ministero-2024-consuntivi.csv";
const NATIONAL: &str = "examples/piano-triennale-2024.toml";
const NATIONAL_ACTUALS: &str = "examples/piano-triennale-2024-consuntivi.csv";
const CHAMBER: &str = "examples/camera-commercio-2024.toml";
const CHAMBER_ACTUALS: &str = "examples/camera-commercio-2024-consuntivi.csv";
const MUNICIPALITY: &str = "examples/comune-2024.toml";
const MUNICIPALITY_ACTUALS: &str = "examples/comune-2024-consuntivi.csv";

/// Every example with its actuals.
pub(crate) const EXAMPLES: [(&str, &str); 4] = [
    (MINISTRY, MINISTRY_ACTUALS),
    (NATIONAL, NATIONAL_ACTUALS),
    (CHAMBER, CHAMBER_ACTUALS),
    (MUNICIPALITY, MUNICIPALITY_ACTUALS),
];

/// The plan at `path`, which `check` must find clean: no error, no warning.
fn clean_plan(path: &str) -> Plan {
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    let checked = cruscotto::check_plan(&SourceFile::new(path, text));
    assert!(checked.diagnostics.is_empty(), "{path}: {:#?}", checked.diagnostics);
    checked.plan.unwrap()
}

fn actuals_of(plan: &Plan, path: &str) -> cruscotto::actuals::Actuals {
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    let (actuals, diagnostics) = actuals::read(plan, &[SourceFile::new(path, text)]);
    assert!(diagnostics.is_empty(), "{path}: {diagnostics:#?}");
    actuals
}

fn scored(plan_path: &str, actuals_path: &str) -> (Plan, Scorecard) {
    let plan = clean_plan(plan_path);
    let actuals = actuals_of(&plan, actuals_path);
    let card = score(&plan, &actuals, 2024);
    (plan, card)
}

fn round(value: Decimal) -> Decimal {
    cruscotto::number::round_computed(value, 2)
}

/// (status, attainment rounded to 2 decimals) of an indicator.
fn result(plan: &Plan, card: &Scorecard, id: &str) -> (Status, Option<Decimal>) {
    let score = card.indicator(plan.find(id).unwrap_or_else(|| panic!("{id}"))).unwrap();
    (score.status, score.attainment.map(round))
}

/// (attainment rounded, scored, expected) of a node.
fn node(plan: &Plan, card: &Scorecard, id: &str) -> (Option<Decimal>, usize, usize) {
    let rollup = card.node(plan.find(id).unwrap_or_else(|| panic!("{id}"))).unwrap().rollup;
    (rollup.attainment.map(round), rollup.scored, rollup.expected)
}

fn body(card: &Scorecard) -> (Option<Decimal>, usize, usize) {
    (card.body.attainment.map(round), card.body.scored, card.body.expected)
}

#[test]
fn every_example_is_checked_clean_and_written_back_as_the_same_plan() {
    for (plan_path, actuals_path) in EXAMPLES {
        let plan = clean_plan(plan_path);
        let _ = actuals_of(&plan, actuals_path);
        // `show --format toml` writes every key of other shapes back: reading it gives the same plan.
        let written = cruscotto::render::plan::toml(&plan, "written back");
        let again = cruscotto::check_plan(&SourceFile::new("written.toml", written.clone()));
        assert!(again.diagnostics.is_empty(), "{plan_path} written back:\n{written}\n{:#?}", again.diagnostics);
        let again = again.plan.unwrap();
        let changes = cruscotto::diff::diff(&plan, &again);
        assert!(changes.is_empty(), "{plan_path}: {changes:#?}");
    }
}

#[test]
fn the_ministry_scores_its_specific_objectives() {
    let (plan, card) = scored(MINISTRY, MINISTRY_ACTUALS);
    // `≥ 2.600` of a count is 2600; actual `2.470` → 2470 / 2600 × 100 = 95: not met, partial.
    assert_eq!(result(&plan, &card, "OS-11.5-1.1"), (Status::Partial, Some(dec!(95))));
    // `≥ 40.000.000 €`, never a date; actual 41.250.000 € → met, 100.
    assert_eq!(result(&plan, &card, "OS-11.5-1.2"), (Status::Met, Some(dec!(100))));
    // `≤ 90 gg`, actual 108 → 90 / 108 × 100 = 83,333… → 83,33, partial.
    assert_eq!(result(&plan, &card, "OS-11.5-1.3"), (Status::Partial, Some(dec!(83.33))));
    assert_eq!(result(&plan, &card, "OS-11.5-2.1"), (Status::Met, Some(dec!(100))));
    // Deadline 30/06/2024, published 15/07/2024: 15 days late, no grace → 0.
    assert_eq!(result(&plan, &card, "OS-11.5-2.2"), (Status::Missed, Some(dec!(0))));
    // `≤ 0 gg` with −3: met; a target of 0 has no ratio → 100.
    assert_eq!(result(&plan, &card, "OS-32.3-1.1"), (Status::Met, Some(dec!(100))));
    // The 2023 value is a baseline year.
    let actuals = actuals_of(&plan, MINISTRY_ACTUALS);
    assert_eq!(result(&plan, &score(&plan, &actuals, 2023), "OS-11.5-1.1"), (Status::Baseline, None));

    // OS-11.5-1: (1 × 95 + 1 × 100 + 2 × 83,333…) / 4 = 361,666… / 4 = 90,4166… → 90,42.
    assert_eq!(node(&plan, &card, "OS-11.5-1"), (Some(dec!(90.42)), 3, 3));
    // OS-11.5-2: (100 + 0) / 2 = 50.
    assert_eq!(node(&plan, &card, "OS-11.5-2"), (Some(dec!(50)), 2, 2));
    assert_eq!(node(&plan, &card, "OS-32.3-1"), (Some(dec!(100)), 1, 1));
    // The programs hang from the missions directly; weights of 2024: 60 and 40.
    // 011.005: (60 × 90,4166… + 40 × 50) / 100 = (5425 + 2000) / 100 = 74,25.
    assert_eq!(node(&plan, &card, "011.005"), (Some(dec!(74.25)), 5, 5));
    assert_eq!(node(&plan, &card, "011"), (Some(dec!(74.25)), 5, 5));
    assert_eq!(node(&plan, &card, "032"), (Some(dec!(100)), 1, 1));
    // The body: the obiettivi specifici, weights of 2024 60, 40, 20:
    // (60 × 90,4166… + 40 × 50 + 20 × 100) / 120 = 9425 / 120 = 78,5416… → 78,54; 6 of 6.
    assert_eq!(body(&card), (Some(dec!(78.54)), 6, 6));
    // In 2025 the weights are 50 and 50: the same results would weigh differently.
    let os1 = plan.node(plan.find("OS-11.5-1").unwrap());
    assert_eq!((os1.weight_in(2024), os1.weight_in(2025), os1.weight_in(2026)), (dec!(60), dec!(50), dec!(50)));
}

#[test]
fn the_national_plan_scores_changes_parts_increments_and_semesters() {
    let (plan, card) = scored(NATIONAL, NATIONAL_ACTUALS);
    // RA1.1.1, two conditions on two measures, each over its 2023 base:
    //   rilasci: base 70, `+80` asks 150; actual 178, change 108 of 80 → 135 → met, 100 (cap);
    //   riusi: base 600, `+200` asks 800; actual 740, change 140 of 200 → 70 → partial.
    //   The indicator: not every condition met; the mean (100 + 70) / 2 = 85 → partial.
    assert_eq!(result(&plan, &card, "RA1.1.1"), (Status::Partial, Some(dec!(85))));
    let ra111 = card.indicator(plan.find("RA1.1.1").unwrap()).unwrap();
    let parts: Vec<(Option<&str>, Status, Option<Decimal>)> =
        ra111.parts.iter().map(|p| (p.measure.as_deref(), p.status, p.attainment.map(round))).collect();
    assert_eq!(
        parts,
        [(Some("rilasci"), Status::Met, Some(dec!(100))), (Some("riusi"), Status::Partial, Some(dec!(70)))]
    );
    assert_eq!(ra111.parts[1].reference, Some(dec!(800)));
    // RA1.1.2, `+5% rispetto al 2023` over the recorded base 150: asks 157,5, a change of 7,5;
    // actual 156, a change of 6 → 6 / 7,5 × 100 = 80: partial (as a level, 156 / 157,5 would be
    // 99,05: the change is what the plan asks for).
    assert_eq!(result(&plan, &card, "RA1.1.2"), (Status::Partial, Some(dec!(80))));
    // RA1.1.3, `+5 per un totale di almeno 40`, actual 39 over the 2023 base 35:
    //   the increment: +4 of +5 → 80, partial; the total: 39 / 40 × 100 = 97,5, partial;
    //   the indicator: (80 + 97,5) / 2 = 88,75 → partial.
    assert_eq!(result(&plan, &card, "RA1.1.3"), (Status::Partial, Some(dec!(88.75))));
    // RA1.2.1, a qualitative result (`sì`, with its evidence) and `accessibilita: +10%` over
    // 62,5: asks 68,75, a change of 6,25; actual 70,1, a change of 7,6 → met, 100. Both met → 100.
    assert_eq!(result(&plan, &card, "RA1.2.1"), (Status::Met, Some(dec!(100))));
    // RA1.2.2, `≥ 1.280` (a count: 1280) with the actual `oltre 1.300`: a lower bound of a
    // value where higher is better is scored at the bound, 1300 ≥ 1280 → met, 100.
    assert_eq!(result(&plan, &card, "RA1.2.2"), (Status::Met, Some(dec!(100))));
    // RA1.2.3 does not apply in 2024 (`n.a.`): out of the score and of every denominator.
    assert_eq!(result(&plan, &card, "RA1.2.3"), (Status::NotApplicable, None));

    // OB.1.1: (85 + 80 + 88,75) / 3 = 253,75 / 3 = 84,5833… → 84,58.
    assert_eq!(node(&plan, &card, "OB.1.1"), (Some(dec!(84.58)), 3, 3));
    // OB.1.2: RA1.2.3 is not applicable: (100 + 100) / 2 = 100, coverage 2 of 2.
    assert_eq!(node(&plan, &card, "OB.1.2"), (Some(dec!(100)), 2, 2));
    // The objectives are roots (no missions); the body: (84,5833… + 100) / 2 = 92,2916… → 92,29.
    assert_eq!(body(&card), (Some(dec!(92.29)), 5, 5));

    // The first semester: only its targets and its actuals.
    //   RA1.1.2 `+2% rispetto al 2023` asks 153, a change of 3; 154 is a change of 4 → met, 100;
    //   RA1.1.3 `≥ 37` with 38 → met, 100. The others have no target for 2024-S1.
    let actuals = actuals_of(&plan, NATIONAL_ACTUALS);
    let semester = score_period(&plan, &actuals, Period::parse("2024-S1").unwrap());
    assert_eq!(result(&plan, &semester, "RA1.1.2"), (Status::Met, Some(dec!(100))));
    assert_eq!(result(&plan, &semester, "RA1.1.3"), (Status::Met, Some(dec!(100))));
    assert_eq!(result(&plan, &semester, "RA1.1.1"), (Status::NoTarget, None));
    assert_eq!(body(&semester), (Some(dec!(100)), 2, 2));
}

#[test]
fn the_chamber_evaluates_by_bands_and_rolls_up_by_perspective() {
    let (plan, card) = scored(CHAMBER, CHAMBER_ACTUALS);
    // Bands 0 / 70 / 90: below 70 scores 0, from 70 what it attains, from 90 scores 100.
    // OS1.1 `≥ 180` with 166: 166 / 180 × 100 = 92,22… → band "raggiunto" → 100, met.
    assert_eq!(result(&plan, &card, "OS1.1"), (Status::Met, Some(dec!(100))));
    let os11 = card.indicator(plan.find("OS1.1").unwrap()).unwrap();
    assert_eq!(os11.band, Some(2));
    // OS1.2 `≥ 4` with 3,2: 80 → "parzialmente raggiunto", scores its 80.
    assert_eq!(result(&plan, &card, "OS1.2"), (Status::Partial, Some(dec!(80))));
    // OS2.1 `≥ 90%` with 87%: 96,66… → "raggiunto" → 100. OS2.2 with 58%: 64,44… → 0, missed.
    assert_eq!(result(&plan, &card, "OS2.1"), (Status::Met, Some(dec!(100))));
    assert_eq!(result(&plan, &card, "OS2.2"), (Status::Missed, Some(dec!(0))));
    // OS3.2 `≤ 60%` with 66%: 60 / 66 × 100 = 90,90… → "raggiunto" → 100.
    assert_eq!(result(&plan, &card, "OS3.2"), (Status::Met, Some(dec!(100))));
    // OS4.1 `≥ 24` with 18: 75 → "parzialmente raggiunto", 75.
    assert_eq!(result(&plan, &card, "OS4.1"), (Status::Partial, Some(dec!(75))));
    // Two KPIs carry the chamber's same code, KPI01; their ids stay apart.
    let code = |id: &str| plan.node(plan.find(id).unwrap()).fields().code.clone();
    assert_eq!((code("OS2.1"), code("OS2.2")), (Some("KPI01".to_owned()), Some("KPI01".to_owned())));

    // OS1: (100 + 80) / 2 = 90. OS2: (100 + 0) / 2 = 50. OS3: (100 + 100) / 2 = 100. OS4: 75.
    assert_eq!(node(&plan, &card, "OS1"), (Some(dec!(90)), 2, 2));
    assert_eq!(node(&plan, &card, "OS2"), (Some(dec!(50)), 2, 2));
    assert_eq!(node(&plan, &card, "OS3"), (Some(dec!(100)), 2, 2));
    assert_eq!(node(&plan, &card, "OS4"), (Some(dec!(75)), 1, 1));
    // The body, weights 40, 30, 30, 10: (3600 + 1500 + 3000 + 750) / 110 = 80,4545… → 80,45.
    assert_eq!(body(&card), (Some(dec!(80.45)), 7, 7));
    // Mission 032: OS3 and OS4, (30 × 100 + 10 × 75) / 40 = 93,75.
    assert_eq!(node(&plan, &card, "032"), (Some(dec!(93.75)), 3, 3));
    // Each perspective is the body's rule over its strategic objectives.
    let perspectives: Vec<(&str, Option<Decimal>)> =
        card.perspectives.iter().map(|g| (g.id.as_str(), g.rollup.attainment.map(round))).collect();
    assert_eq!(
        perspectives,
        [
            ("imprese", Some(dec!(90))),
            ("processi", Some(dec!(50))),
            ("crescita", Some(dec!(75))),
            ("economico", Some(dec!(100)))
        ]
    );
}

#[test]
fn the_municipality_scores_its_peg_objectives_only() {
    let (plan, card) = scored(MUNICIPALITY, MUNICIPALITY_ACTUALS);
    assert_eq!(result(&plan, &card, "PEG-01.1"), (Status::Met, Some(dec!(100))));
    assert_eq!(result(&plan, &card, "PEG-01.2"), (Status::Met, Some(dec!(100))));
    // `≤ 2 gg` with 2,5: 2 / 2,5 × 100 = 80.
    assert_eq!(result(&plan, &card, "PEG-02.1"), (Status::Partial, Some(dec!(80))));
    assert_eq!(result(&plan, &card, "PEG-02.2"), (Status::NotApplicable, None));
    // `≥ 350.000,00 €` with 297.500,00: 85.
    assert_eq!(result(&plan, &card, "PEG-03.1"), (Status::Partial, Some(dec!(85))));
    // `≥ 1.200` of a count with `1.380`: met.
    assert_eq!(result(&plan, &card, "PEG-03.2"), (Status::Met, Some(dec!(100))));
    // `≤ 0 gg` with 4: a target of 0 not met has no ratio → 0.
    assert_eq!(result(&plan, &card, "PEG-04.1"), (Status::Missed, Some(dec!(0))));

    // PEG-02: PEG-02.2 is not applicable: 80, coverage 1 of 1. PEG-03: (85 + 100) / 2 = 92,5.
    assert_eq!(node(&plan, &card, "PEG-01"), (Some(dec!(100)), 2, 2));
    assert_eq!(node(&plan, &card, "PEG-02"), (Some(dec!(80)), 1, 1));
    assert_eq!(node(&plan, &card, "PEG-03"), (Some(dec!(92.5)), 2, 2));
    assert_eq!(node(&plan, &card, "PEG-04"), (Some(dec!(0)), 1, 1));
    // The strategic lines have no indicators of their own; their operational roll-up:
    // LS1 (30 × 100 + 20 × 80) / 50 = 92; LS2 (30 × 92,5 + 20 × 0) / 50 = 55,5.
    let operational = |id: &str| card.node(plan.find(id).unwrap()).unwrap().operational.unwrap();
    assert_eq!(operational("LS1").attainment.map(round), Some(dec!(92)));
    assert_eq!(operational("LS2").attainment.map(round), Some(dec!(55.5)));
    assert_eq!(node(&plan, &card, "LS1"), (None, 0, 0));
    // The body: the PEG objectives with their weights across the plan (30, 20, 30, 20):
    // (3000 + 1600 + 2775 + 0) / 100 = 73,75, coverage 6 of 6 (PEG-02.2 does not apply).
    assert_eq!(body(&card), (Some(dec!(73.75)), 6, 6));
    // Each Settore counts each objective once (`group-weights = "share"`): Settore 2 holds
    // PEG-03.1 and PEG-03.2 (a half of PEG-03 each) and PEG-04.1 (the whole of PEG-04):
    // (0,5 × 85 + 0,5 × 100 + 1 × 0) / 2 = 46,25. As written it would be (85 + 100 + 0) / 3.
    let area = |id: &str| card.areas.iter().find(|a| a.id == id).unwrap().rollup.attainment.map(round);
    assert_eq!((area("S1"), area("S2"), area("S3")), (Some(dec!(80)), Some(dec!(46.25)), Some(dec!(100))));
}

#[test]
fn the_examples_on_the_command_line() {
    // `check` is silent and exits 0 on every example.
    for (plan, actuals) in EXAMPLES {
        let check = run(&["check", plan]);
        assert_eq!((check.code, check.stdout.as_str()), (0, ""), "{}", check.transcript());
        let score = run(&["score", plan, "--actuals", actuals, "--level", "all", "--format", "json"]);
        assert_eq!(score.code, 0, "{}", score.transcript());
        let document: serde_json::Value = serde_json::from_str(&score.stdout).unwrap();
        assert!(document["body"]["attainment"].is_string(), "{plan}");
    }
    // The body's rule and coverage, in the header, in the plan's language and in English.
    // The header wraps at the table's width: read it as one line.
    let one_line = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let ministry = run(&["score", MINISTRY, "--actuals", MINISTRY_ACTUALS]);
    assert!(
        one_line(&ministry.stdout).contains(
            "grado di raggiungimento 2024: 78,54% (6 indicatori degli obiettivi operativi valutati su 6 attesi)"
        ),
        "{}",
        ministry.stdout
    );
    let ministry = run(&["score", MINISTRY, "--actuals", MINISTRY_ACTUALS, "--lang", "en"]);
    assert!(
        one_line(&ministry.stdout)
            .contains("attainment 2024: 78.54% (6 of 6 expected indicators of the operational objectives scored)"),
        "{}",
        ministry.stdout
    );
    // The plan's names of the levels, in the tree.
    let tree = run(&["tree", MINISTRY]);
    assert!(tree.stdout.contains("2 missioni · 2 programmi · 3 obiettivi specifici"), "{}", tree.stdout);
    // A semester.
    let semester = run(&["score", NATIONAL, "--actuals", NATIONAL_ACTUALS, "--year", "2024-S1", "--format", "json"]);
    let document: serde_json::Value = serde_json::from_str(&semester.stdout).unwrap();
    assert_eq!(
        (document["period"].as_str(), document["body"]["attainment"].as_str()),
        (Some("2024-S1"), Some("100.00"))
    );
    let wrong = run(&["score", NATIONAL, "--actuals", NATIONAL_ACTUALS, "--year", "2024-S3"]);
    assert_eq!(wrong.code, 2, "{}", wrong.transcript());
    // Perspectives, as a level.
    let perspectives =
        run(&["score", CHAMBER, "--actuals", CHAMBER_ACTUALS, "--level", "perspective", "--format", "csv"]);
    assert_eq!(perspectives.code, 0, "{}", perspectives.transcript());
    assert!(
        perspectives.stdout.contains("perspective,processi,Processi interni,2024,50.00,2,2"),
        "{}",
        perspectives.stdout
    );
    assert!(perspectives.stdout.lines().next().unwrap().ends_with(",band"), "{}", perspectives.stdout);
    // Acts known by their date are cited by it, not flagged as missing a number.
    let report = run(&["report", NATIONAL, "--actuals", NATIONAL_ACTUALS, "--format", "json"]);
    assert_eq!(report.code, 0, "{}", report.transcript());
    let data: serde_json::Value = serde_json::from_str(&report.stdout).unwrap();
    assert_eq!(data["document"]["adopted_by"].as_str(), Some("Presidente del Consiglio dei ministri del 12/02/2024"));
    assert!(!report.stdout.contains("numero non indicato"), "{}", report.stdout);
    // The template has a row per measure of the year's target (`;` between the fields of an
    // Italian template, as Italian Excel reads them).
    let template = run(&["template", NATIONAL]);
    assert!(template.stdout.contains("RA1.1.1:rilasci;2024;"), "{}", template.stdout);
    assert!(template.stdout.contains("RA1.2.1;2024;"), "{}", template.stdout);
    assert!(template.stdout.contains("RA1.2.1:accessibilita;2024;"), "{}", template.stdout);
}

/// The outputs for people of the national plan (measures, parts, a qualitative result, a bound,
/// `n.a.`, a definition) and of the chamber's balanced scorecard (bands, perspectives, the
/// plan's names of the levels), in the plan's language and in English: the rules, the
/// rolled-up rows and every indicator with its conditions.
#[test]
fn the_examples_read_the_same_in_either_language() {
    for (name, plan, actuals) in [("national", NATIONAL, NATIONAL_ACTUALS), ("chamber", CHAMBER, CHAMBER_ACTUALS)] {
        for lang in ["it", "en"] {
            let args = ["--level", "all", "--explain", "--width", "200", "--lang", lang];
            let table = run(&[&["score", plan, "--actuals", actuals][..], &args].concat());
            assert_eq!(table.code, 0, "{}", table.transcript());
            let markdown = run(&["score", plan, "--actuals", actuals, "--format", "markdown", "--lang", lang]);
            assert_eq!(markdown.code, 0, "{}", markdown.transcript());
            let tree = run(&["tree", plan, "--lang", lang]);
            insta::assert_snapshot!(
                format!("{name}_{lang}"),
                format!("{}\n{}\n{}", table.stdout, markdown.stdout, tree.stdout)
            );
        }
    }
}

/// In a plan whose acts need no number (`act-number = "optional"`), the act of a decision is
/// cited by its date wherever the report names it: the overrides' table, the explanation of the
/// indicator, the row of its objective; never flagged as missing a number.
#[test]
fn a_decision_by_an_act_known_by_its_date_is_cited_by_it_in_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = std::fs::read_to_string(root().join(NATIONAL)).unwrap();
    text.push_str(
        "\n[[override]]\nnode = \"RA1.1.2\"\nyear = 2024\noutcome = \"neutralised\"\n\
         reason = \"Piattaforma dei report ferma per sei mesi\"\ndecided-by = \"OIV\"\n\
         act = { body = \"Decreto del Direttore generale\", date = 2025-03-10 }\n",
    );
    let plan = dir.path().join("piano.toml");
    std::fs::write(&plan, text).unwrap();
    let plan = plan.to_str().unwrap();
    let actuals = root().join(NATIONAL_ACTUALS);
    let actuals = actuals.to_str().unwrap();
    let check = run(&["check", plan]);
    assert_eq!((check.code, check.stdout.as_str()), (0, ""), "{}", check.transcript());
    for lang in ["it", "en"] {
        let report = run(&["report", plan, "--actuals", actuals, "--format", "json", "--lang", lang]);
        assert_eq!(report.code, 0, "{}", report.transcript());
        let data: serde_json::Value = serde_json::from_str(&report.stdout).unwrap();
        assert_eq!(data["overrides"][0]["act"].as_str(), Some("Decreto del Direttore generale del 10/03/2025"));
        let cited = "(Decreto del Direttore generale del 10/03/2025)";
        assert!(report.stdout.contains(cited), "{lang}: {}", report.stdout);
        assert!(!report.stdout.contains("numero non indicato") && !report.stdout.contains("n. ?"), "{lang}");
    }
}
