//! The points of the scoring rules an independent recomputation found open (docs/scoring.md,
//! "What the rules decide"): one test each, on a small plan written for it, the figures
//! computed by hand in the comments.

use cruscotto::plan::Plan;
use cruscotto::score::{Scorecard, Status, score};
use cruscotto::source::SourceFile;
use rust_decimal::{Decimal, dec};

use crate::support::run_in;

/// The `[plan]` of every plan below.
const HEAD: &str =
    "[plan]\nbody = \"Ente di prova\"\ntitle = \"Piano di prova\"\nyear = 2024\nhorizon = [2023, 2024]\n";

/// A plan of `HEAD`, `scoring` and `tree`, which must be free of errors.
fn plan_of(scoring: &str, tree: &str) -> Plan {
    let text = format!("{HEAD}\n[scoring]\n{scoring}\n{tree}");
    let checked = cruscotto::check_plan(&SourceFile::new("prova.toml", text));
    let errors: Vec<_> =
        checked.diagnostics.iter().filter(|d| d.severity == cruscotto::diagnostic::Severity::Error).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    checked.plan.unwrap()
}

fn scorecard(plan: &Plan, csv: &str) -> Scorecard {
    let (actuals, diagnostics) = cruscotto::actuals::read(plan, &[SourceFile::new("consuntivi.csv", csv)]);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    score(plan, &actuals, 2024)
}

fn indicator(plan: &Plan, card: &Scorecard, id: &str) -> (Status, Option<Decimal>) {
    let score = card.indicator(plan.find(id).unwrap()).unwrap();
    (score.status, score.attainment.map(|a| cruscotto::number::round_computed(a, 2)))
}

fn node(plan: &Plan, card: &Scorecard, id: &str) -> (Option<Decimal>, usize, usize) {
    let rollup = card.node(plan.find(id).unwrap()).unwrap().rollup;
    (rollup.attainment.map(|a| cruscotto::number::round_computed(a, 2)), rollup.scored, rollup.expected)
}

/// An objective `O1` with the indicators given as `(id, target, weight)`, each of unit `number`
/// and increasing.
fn objective(indicators: &[(&str, &str, &str)]) -> String {
    let mut tree = String::from("[[strategic-objective]]\nid = \"S1\"\nname = \"Obiettivo strategico\"\n");
    tree += "[[program]]\nid = \"P1\"\nstrategic-objective = \"S1\"\nname = \"Programma\"\n";
    tree += "[[operational-objective]]\nid = \"O1\"\nprogram = \"P1\"\nname = \"Obiettivo operativo\"\n";
    for (id, target, weight) in indicators {
        tree += &format!(
            "[[indicator]]\nid = \"{id}\"\nobjective = \"O1\"\nname = \"Indicatore {id}\"\nunit = \"number\"\npolarity = \"increase\"\ntargets = {{ 2024 = \"{target}\" }}\nweight = {weight}\n"
        );
    }
    tree
}

#[test]
fn a_child_of_weight_0_is_out_of_the_mean_and_of_the_coverage() {
    // I1 scores 50 with weight 0, I2 scores 100 with weight 1: the mean is 100, coverage 1 of 1.
    let plan = plan_of("", &objective(&[("I1", "≥ 10", "0"), ("I2", "≥ 10", "1")]));
    let card = scorecard(&plan, "indicator,year,value\nI1,2024,5\nI2,2024,12\n");
    assert_eq!(indicator(&plan, &card, "I1"), (Status::Missed, Some(dec!(50))));
    assert_eq!(node(&plan, &card, "O1"), (Some(dec!(100)), 1, 1));
    // Every scored child of weight 0: no attainment ("—") and nothing in the coverage, 0 of 0.
    let plan = plan_of_zero_weights();
    let card = scorecard(&plan, "indicator,year,value\nI1,2024,12\nI2,2024,12\n");
    assert_eq!(node(&plan, &card, "O1"), (None, 0, 0));
}

/// Two indicators of weight 0: `check` warns (`zero-weights`), which the plan may accept.
fn plan_of_zero_weights() -> Plan {
    let tree = objective(&[("I1", "≥ 10", "0"), ("I2", "≥ 10", "0")]);
    let text = format!("{HEAD}\n[scoring]\nbody = \"operational-objectives\"\n{tree}");
    let checked = cruscotto::check_plan(&SourceFile::new("prova.toml", text));
    let codes: Vec<&str> = checked.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["zero-weights"], "{:#?}", checked.diagnostics);
    checked.plan.unwrap()
}

#[test]
fn under_missing_data_zero_a_node_of_missing_children_shows_0_with_nothing_scored() {
    // Three indicators, none given: each scores 0 with its weight kept; the node shows 0,00 and
    // its coverage says no indicator was scored: 0 of 3.
    let plan = plan_of(
        "missing-data = \"zero\"",
        &objective(&[("I1", "≥ 10", "1"), ("I2", "≥ 10", "1"), ("I3", "≥ 10", "1")]),
    );
    let card = scorecard(&plan, "indicator,year,value\n");
    assert_eq!(indicator(&plan, &card, "I1"), (Status::Missing, Some(dec!(0))));
    assert_eq!(node(&plan, &card, "O1"), (Some(dec!(0)), 0, 3));
}

#[test]
fn the_status_is_read_after_the_floor() {
    // Floor 80 above the partial threshold 70: 7,5 of `≥ 10` computes 75, which the floor makes
    // 0 — and 0 is missed, not partial.
    let plan = plan_of("floor = 80", &objective(&[("I1", "≥ 10", "1"), ("I2", "≥ 10", "1")]));
    let card = scorecard(&plan, "indicator,year,value\nI1,2024,7.5\nI2,2024,\"8,5\"\n");
    assert_eq!(indicator(&plan, &card, "I1"), (Status::Missed, Some(dec!(0))));
    // 8,5 computes 85, above the floor: partial, 85.
    assert_eq!(indicator(&plan, &card, "I2"), (Status::Partial, Some(dec!(85))));
}

#[test]
fn a_strict_target_reached_exactly_and_a_target_of_0_not_met() {
    // `> 1` reached exactly with 1: not met; the ratio 1 / 1 × 100 = 100 → partial at 100.
    // `> 0` with 0: not met; a target of 0 has no ratio → 0, missed.
    let plan = plan_of("", &objective(&[("I1", "> 1", "1"), ("I2", "> 0", "1")]));
    let card = scorecard(&plan, "indicator,year,value\nI1,2024,1\nI2,2024,0\n");
    assert_eq!(indicator(&plan, &card, "I1"), (Status::Partial, Some(dec!(100))));
    assert_eq!(indicator(&plan, &card, "I2"), (Status::Missed, Some(dec!(0))));
}

#[test]
fn under_missing_data_error_the_tables_roll_up_as_under_exclude_then_the_run_fails() {
    let dir = tempfile::tempdir().unwrap();
    let tree = objective(&[("I1", "≥ 10", "1"), ("I2", "≥ 10", "1")]);
    std::fs::write(dir.path().join("piano.toml"), format!("{HEAD}\n[scoring]\nmissing-data = \"error\"\n{tree}"))
        .unwrap();
    std::fs::write(dir.path().join("consuntivi.csv"), "indicator,year,value\nI1,2024,5\n").unwrap();
    let result = run_in(
        dir.path(),
        &["score", "piano.toml", "--actuals", "consuntivi.csv", "--level", "operational", "--format", "csv"],
    );
    // I2 is missing: left out, as under `exclude` — O1 is I1's 50, coverage 1 of 2 — and after
    // the table, the error; exit 1.
    assert_eq!(result.code, 1, "{}", result.transcript());
    assert!(result.stdout.contains("operational,O1,Obiettivo operativo,2024,50.00,1,2"), "{}", result.stdout);
    assert!(result.stderr.contains("error[missing-actual]"), "{}", result.stderr);
}

/// Areas and services, by a plan of two objectives: O1 with three indicators of weight 1, O2
/// with one of weight 3 (weights among each objective's indicators), all in area `A`.
fn groups_plan(rule: &str) -> Plan {
    let tree = r#"
[[area]]
id = "A"
[[area]]
id = "B"
[[service]]
id = "s"
name = "Servizio"
area = "B"
[[strategic-objective]]
id = "S1"
name = "Obiettivo strategico"
[[indicator]]
id = "D1"
objective = "S1"
name = "Indicatore del cruscotto"
unit = "number"
polarity = "increase"
targets = { 2024 = "≥ 10" }
services = "s"
[[operational-objective]]
id = "O1"
strategic-objective = "S1"
name = "Primo obiettivo"
[[indicator]]
id = "I1"
objective = "O1"
name = "Primo"
unit = "number"
polarity = "increase"
targets = { 2024 = "≥ 10" }
area = "A"
[[indicator]]
id = "I2"
objective = "O1"
name = "Secondo"
unit = "number"
polarity = "increase"
targets = { 2024 = "≥ 10" }
area = "A"
[[indicator]]
id = "I3"
objective = "O1"
name = "Terzo"
unit = "number"
polarity = "increase"
targets = { 2024 = "≥ 10" }
area = "A"
services = "s"
[[operational-objective]]
id = "O2"
strategic-objective = "S1"
name = "Secondo obiettivo"
[[indicator]]
id = "J1"
objective = "O2"
name = "Quarto"
unit = "number"
polarity = "increase"
targets = { 2024 = "≥ 10" }
area = "A"
weight = 3
"#;
    let text = format!("{HEAD}\n[scoring]\n{rule}\n{tree}");
    let checked = cruscotto::check_plan(&SourceFile::new("prova.toml", text));
    // I3's `area` (A) differs from its service's (B): reported, and `area` wins.
    let codes: Vec<&str> = checked.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["area-mismatch"], "{:#?}", checked.diagnostics);
    checked.plan.unwrap()
}

#[test]
fn areas_and_services_weigh_indicators_as_written_or_by_their_share_of_the_objective() {
    let actuals = "indicator,year,value\nD1,2024,2\nI1,2024,10\nI2,2024,10\nI3,2024,10\nJ1,2024,4\n";
    // As written: I1, I2, I3 score 100 with weight 1, J1 40 with weight 3, one scale across
    // objectives: (100 + 100 + 100 + 3 × 40) / 6 = 420 / 6 = 70.
    let plan = groups_plan("");
    let card = scorecard(&plan, actuals);
    let group = |groups: &[cruscotto::score::GroupScore], id: &str| {
        let rollup = groups.iter().find(|g| g.id == id).unwrap().rollup;
        (rollup.attainment.map(|a| cruscotto::number::round_computed(a, 2)), rollup.scored, rollup.expected)
    };
    assert_eq!(group(&card.areas, "A"), (Some(dec!(70)), 4, 4));
    // `area` wins over the services' areas: I3 counts for A, not for B. The dashboard indicator
    // D1 names service `s` but never counts for an area or a service: B and `s` hold only I3's
    // service assignment (`s`), not its area.
    assert_eq!(group(&card.areas, "B"), (None, 0, 0));
    assert_eq!(group(&card.services, "s"), (Some(dec!(100)), 1, 1));
    // By share of the objective: I1, I2, I3 weigh 1/3 each (O1 has three scored), J1 weighs 1
    // (O2 has one): (3 × 1/3 × 100 + 1 × 40) / 2 = 140 / 2 = 70, each objective counted once —
    // here the same figure as written, since O1's three indicators agree.
    let plan = groups_plan("group-weights = \"share\"");
    let card = scorecard(&plan, actuals);
    assert_eq!(group(&card.areas, "A"), (Some(dec!(70)), 4, 4));
    // Where the two rules differ: only I1 (40) of O1 scored, and J1 at 100. As written, J1's
    // weight 3 among O2's indicators is read against I1's 1 among O1's: (40 + 3 × 100) / 4 = 85.
    // By share, each objective once: (1 × 40 + 1 × 100) / 2 = 70.
    let sparse = "indicator,year,value\nI1,2024,4\nJ1,2024,10\n";
    assert_eq!(group(&score_of(&groups_plan(""), sparse).areas, "A").0, Some(dec!(85)));
    assert_eq!(group(&score_of(&groups_plan("group-weights = \"share\""), sparse).areas, "A").0, Some(dec!(70)));
}

fn score_of(plan: &Plan, csv: &str) -> Scorecard {
    let (actuals, _) = cruscotto::actuals::read(plan, &[SourceFile::new("consuntivi.csv", csv)]);
    score(plan, &actuals, 2024)
}

#[test]
fn equal_on_a_level_scale() {
    // `= medio` on basso < medio < alto: medio is met (100); alto is not, min/max of the ranks
    // 2 / 3 × 100 = 66,67; basso 1 / 2 × 100 = 50.
    let tree = r#"
[[scale]]
id = "giudizio"
levels = ["basso", "medio", "alto"]
[[strategic-objective]]
id = "S1"
name = "Obiettivo"
[[indicator]]
id = "L1"
objective = "S1"
name = "Giudizio uno"
scale = "giudizio"
targets = { 2024 = "= medio" }
[[indicator]]
id = "L2"
objective = "S1"
name = "Giudizio due"
scale = "giudizio"
targets = { 2024 = "= medio" }
[[indicator]]
id = "L3"
objective = "S1"
name = "Giudizio tre"
scale = "giudizio"
targets = { 2024 = "= medio" }
"#;
    let plan = plan_of("", tree);
    let card = scorecard(&plan, "indicator,year,value\nL1,2024,medio\nL2,2024,alto\nL3,2024,basso\n");
    assert_eq!(indicator(&plan, &card, "L1"), (Status::Met, Some(dec!(100))));
    assert_eq!(indicator(&plan, &card, "L2"), (Status::Missed, Some(dec!(66.67))));
    assert_eq!(indicator(&plan, &card, "L3"), (Status::Missed, Some(dec!(50))));
}

#[test]
fn a_mean_is_shown_as_its_exact_value_rounds() {
    // Three indicators at 1 / 3 × 100 (1 of `≥ 3`) and one at 0,02 (`≥ 100` with 0,02):
    // (3 × 100/3 + 0,02) / 4 = 25,005 exactly, shown 25,01. Computed with 28 digits it is
    // 25,00499…, which a plain rounding would show as 25,00.
    let plan =
        plan_of("", &objective(&[("I1", "≥ 3", "1"), ("I2", "≥ 3", "1"), ("I3", "≥ 3", "1"), ("I4", "≥ 100", "1")]));
    let card = scorecard(&plan, "indicator,year,value\nI1,2024,1\nI2,2024,1\nI3,2024,1\nI4,2024,0.02\n");
    let mean = card.node(plan.find("O1").unwrap()).unwrap().rollup.attainment.unwrap();
    assert_eq!(cruscotto::number::round_half_away(mean, 2), dec!(25.00));
    assert_eq!(cruscotto::render::score::percent_italian(mean), "25,01");
    assert_eq!(cruscotto::render::score::percent_plain(mean), "25.01");
}

#[test]
fn a_completion_date_is_done_only_where_the_unit_is_a_date() {
    // A `date` indicator whose 2024 target asks only whether it was done (`sì`): a completion
    // date counts as `sì`. A `yes-no` indicator takes `sì` or `no`, and refuses a date.
    let tree = r#"
[[strategic-objective]]
id = "S1"
name = "Obiettivo"
[[indicator]]
id = "D1"
objective = "S1"
name = "Adozione del regolamento"
unit = "date"
targets = { 2023 = "31/12/2023", 2024 = "sì" }
[[indicator]]
id = "Y1"
objective = "S1"
name = "Pubblicazione della carta dei servizi"
unit = "yes-no"
targets = { 2024 = "sì" }
"#;
    let plan = plan_of("", tree);
    let card = scorecard(&plan, "indicator,year,value\nD1,2024,15/03/2024\nY1,2024,sì\n");
    assert_eq!(indicator(&plan, &card, "D1"), (Status::Met, Some(dec!(100))));
    let (_, diagnostics) = cruscotto::actuals::read(
        &plan,
        &[SourceFile::new("consuntivi.csv", "indicator,year,value\nY1,2024,15/03/2024\n")],
    );
    let codes: Vec<&str> = diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["invalid-actual"]);
}

#[test]
fn a_plan_without_dashboard_indicators_is_scored_through_its_operational_objectives() {
    // No strategic objective has indicators of its own and `body` is not written: the body's
    // score is O1's: I1 12 of ≥ 10 scores 100 (the cap), I2 5 of ≥ 10 scores 50, (100 + 50) / 2 = 75,
    // coverage 2 of 2, not "—" with 0 of 0.
    let tree = objective(&[("I1", "≥ 10", "1"), ("I2", "≥ 10", "1")]);
    let actuals = "indicator,year,value\nI1,2024,12\nI2,2024,5\n";
    let plan = plan_of("", &tree);
    assert_eq!(plan.scoring.body, cruscotto::plan::BodyRule::OperationalObjectives);
    let card = scorecard(&plan, actuals);
    let body = card.body;
    assert_eq!(
        (body.attainment.map(|a| cruscotto::number::round_computed(a, 2)), body.scored, body.expected),
        (Some(dec!(75)), 2, 2)
    );
    // Written, the rule holds even where it leaves the body without a score.
    let plan = plan_of("body = \"strategic-objectives\"", &tree);
    let card = scorecard(&plan, actuals);
    assert_eq!((card.body.attainment, card.body.scored, card.body.expected), (None, 0, 0));
}
