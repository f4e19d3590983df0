//! The hand-transcribed seed plan: counts and exact targets.

use cruscotto::plan::{IndicatorLevel, Level, Plan, Status};
use cruscotto::source::SourceFile;
use cruscotto::target::{Comparator, Polarity, Target};
use rust_decimal::dec;

const SEED_PLAN: &str = "plans/maremma-tirreno-2019.toml";

fn seed_plan() -> Plan {
    let text = std::fs::read_to_string(SEED_PLAN).expect("the seed plan is in the repository");
    let checked = cruscotto::check_plan(&SourceFile::new(SEED_PLAN, text));
    checked.plan.expect("the seed plan has no errors")
}

fn indicator_named(plan: &Plan, prefix: &str) -> cruscotto::plan::NodeIndex {
    let found: Vec<_> = plan.indicators().filter(|&i| plan.node(i).name.starts_with(prefix)).collect();
    assert_eq!(found.len(), 1, "exactly one indicator starts with {prefix:?}");
    found[0]
}

#[test]
fn the_seed_plan_has_the_seeds_counts() {
    let plan = seed_plan();
    let counts = plan.counts();
    assert_eq!(counts.missions.0, 4);
    assert_eq!(counts.strategic_objectives.0, 14);
    assert_eq!(counts.strategic_indicators.0, 52);
    assert_eq!(counts.operational_indicators.0, 76);
    let empty_programs = plan
        .nodes
        .iter()
        .filter(|n| n.level() == Level::Program)
        .filter(|n| n.children.iter().all(|&c| plan.node(c).level() != Level::OperationalObjective))
        .count();
    assert_eq!(empty_programs, 5);
    let missions: Vec<&str> = plan.roots.iter().map(|&m| plan.node(m).id.as_str()).collect();
    assert_eq!(missions, ["011", "016", "012", "032"]);
}

#[test]
fn the_ri_processing_time_is_at_most_one_forty_five_days_in_2019() {
    let plan = seed_plan();
    let index = indicator_named(&plan, "Tempi medi di lavorazione delle pratiche RI");
    let indicator = plan.node(index).indicator().unwrap();
    assert_eq!(indicator.level, IndicatorLevel::Strategic);
    assert_eq!(indicator.polarity, Polarity::Decrease);
    let target: &Target = &indicator.targets[&2019];
    assert_eq!(target.to_string(), "1,45");
    assert_eq!(target.comparator(indicator.polarity), Some(Comparator::AtMost));
    let Target::Compare { quantity, .. } = target else { panic!("{target:?}") };
    assert_eq!(quantity.value, dec!(1.45));
}

#[test]
fn the_x_less_than_x_minus_four_target_of_2020_refers_to_2016() {
    let plan = seed_plan();
    let index = indicator_named(&plan, "Efficacia del nuovo modello organizzativo");
    let targets = &plan.node(index).indicator().unwrap().targets;
    let Target::Relative { comparator, lag } = *targets[&2020] else { panic!("{:?}", targets[&2020]) };
    assert_eq!(comparator, Comparator::LessThan);
    assert_eq!(2020 - i32::from(lag), 2016);
    assert_eq!(targets[&2017].to_string(), "x ≤ x-1");
}

#[test]
fn removed_indicators_stay_in_the_plan_with_their_revision() {
    let plan = seed_plan();
    let removed: Vec<&str> = plan.nodes.iter().filter(|n| n.status == Status::Removed).map(|n| n.id.as_str()).collect();
    assert_eq!(removed, ["S2.4", "S2.5", "S3.2", "S6.1", "S7.2", "S7.6", "O9.13.1", "S13.1", "S14.3"]);
    let revisions: usize = plan.nodes.iter().map(|n| n.revisions().len()).sum();
    assert_eq!(revisions, 25, "18 dashboard notes, S10's, S1's two and four operational notes");
}

#[test]
fn every_target_of_the_seed_parses_and_round_trips() {
    let plan = seed_plan();
    let mut count = 0;
    for index in plan.indicators() {
        for target in plan.node(index).indicator().unwrap().targets.values() {
            assert_eq!(&Target::parse(&target.to_string()).unwrap(), &**target);
            count += 1;
        }
    }
    assert!(count > 250, "{count} targets");
}

#[test]
fn the_scorecard_finds_every_result_of_the_seed_as_a_scan_does() {
    let plan = seed_plan();
    let text = std::fs::read_to_string("examples/actuals-2019.csv").expect("the seed's actuals are in the repository");
    let (actuals, diagnostics) = cruscotto::actuals::read(&plan, &[SourceFile::new("actuals-2019.csv", text)]);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    let mut card = cruscotto::score::score(&plan, &actuals, 2019);
    let scan = |card: &cruscotto::score::Scorecard, index| {
        (
            card.indicators.iter().find(|s| s.node == index).cloned(),
            card.nodes.iter().find(|s| s.node == index).cloned(),
        )
    };
    let found = |card: &cruscotto::score::Scorecard, index| (card.indicator(index).cloned(), card.node(index).cloned());
    let all = (0..plan.nodes.len()).map(cruscotto::plan::NodeIndex);
    let (mut indicators, mut nodes) = (0, 0);
    for index in all.clone() {
        let (indicator, node) = found(&card, index);
        indicators += usize::from(indicator.is_some());
        nodes += usize::from(node.is_some());
        assert_eq!((indicator, node), scan(&card, index), "{}", plan.node(index).id);
    }
    assert_eq!((indicators, nodes), (card.indicators.len(), card.nodes.len()));
    assert!(indicators > 100 && nodes > 40, "{indicators} indicators, {nodes} nodes");
    // Results moved by hand are still found where they now are.
    card.indicators.reverse();
    card.nodes.reverse();
    for index in all {
        assert_eq!(found(&card, index), scan(&card, index), "{}", plan.node(index).id);
    }
}

#[test]
fn a_target_written_alike_is_held_once_for_all_its_indicators() {
    let plan = seed_plan();
    let mut by_text: std::collections::BTreeMap<String, Vec<&std::sync::Arc<Target>>> = Default::default();
    for index in plan.indicators() {
        for target in plan.node(index).indicator().unwrap().targets.values() {
            by_text.entry(target.to_string()).or_default().push(target);
        }
    }
    // `100%` is written the same way by dozens of the seed's indicators: one target for them all.
    let hundred = &by_text["100%"];
    assert!(hundred.len() > 20, "{}", hundred.len());
    assert!(hundred.iter().all(|target| std::sync::Arc::ptr_eq(target, hundred[0])));
    let shared = by_text.values().filter(|targets| targets.len() > 1).count();
    assert!(shared > 10, "{shared}");
}
