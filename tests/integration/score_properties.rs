//! Arithmetic invariants of scoring, over random inputs.

use cruscotto::plan::ScoringRules;
use cruscotto::score::attainment;
use cruscotto::score::weighted_mean;
use cruscotto::source::SourceFile;
use cruscotto::target::Comparator;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn decimal() -> impl Strategy<Value = Decimal> {
    (-1_000_000i64..1_000_000, 0u32..4).prop_map(|(mantissa, scale)| Decimal::new(mantissa, scale))
}

fn positive() -> impl Strategy<Value = Decimal> {
    (1i64..1_000_000, 0u32..3).prop_map(|(mantissa, scale)| Decimal::new(mantissa, scale))
}

fn comparator() -> impl Strategy<Value = Comparator> {
    prop_oneof![
        Just(Comparator::AtLeast),
        Just(Comparator::MoreThan),
        Just(Comparator::AtMost),
        Just(Comparator::LessThan),
        Just(Comparator::Equal),
    ]
}

fn rules() -> impl Strategy<Value = ScoringRules> {
    (100i64..=200, 0u32..=60).prop_map(|(cap, grace)| ScoringRules {
        cap: Decimal::from(cap),
        deadline_grace_days: grace,
        ..ScoringRules::default()
    })
}

proptest! {
    #[test]
    fn numeric_attainment_is_between_zero_and_the_cap(
        actual in decimal(), reference in decimal(), comparator in comparator(), rules in rules()
    ) {
        let outcome = attainment::numeric(actual, comparator, reference, &rules);
        prop_assert!(outcome.attainment >= Decimal::ZERO && outcome.attainment <= rules.cap, "{outcome:?}");
        // A met target never scores below 100; a missed one never above.
        if outcome.met {
            prop_assert!(outcome.attainment >= Decimal::ONE_HUNDRED);
        } else {
            prop_assert!(outcome.attainment <= Decimal::ONE_HUNDRED);
        }
        prop_assert_eq!(outcome.met, comparator.holds(&actual, &reference));
    }

    #[test]
    fn a_better_actual_never_scores_less(
        a in decimal(), b in decimal(), reference in decimal(), rules in rules()
    ) {
        let (low, high) = if a <= b { (a, b) } else { (b, a) };
        let up = |x| attainment::numeric(x, Comparator::AtLeast, reference, &rules).attainment;
        let down = |x| attainment::numeric(x, Comparator::AtMost, reference, &rules).attainment;
        prop_assert!(up(high) >= up(low));
        prop_assert!(down(low) >= down(high));
    }

    #[test]
    fn deadline_attainment_falls_with_lateness(late in -400i64..400, later in 0i64..400, rules in rules()) {
        let on = attainment::deadline(late, &rules).attainment;
        let after = attainment::deadline(late + later, &rules).attainment;
        prop_assert!(on >= after && after >= Decimal::ZERO && on <= Decimal::ONE_HUNDRED);
    }

    #[test]
    fn the_roll_up_of_equal_children_is_the_child(value in decimal(), weights in prop::collection::vec(positive(), 1..12)) {
        let children = weights.iter().map(|&w| (w, Some(value)));
        let mean = weighted_mean(children).unwrap();
        // Decimal division may round the 28th digit; a report shows 2.
        prop_assert!((mean - value).abs() < Decimal::new(1, 20), "{mean} vs {value}");
    }

    #[test]
    fn unscored_children_do_not_move_the_roll_up(
        scored in prop::collection::vec((positive(), decimal()), 1..10),
        unscored in prop::collection::vec(positive(), 0..5),
    ) {
        let with: Vec<(Decimal, Option<Decimal>)> =
            scored.iter().map(|&(w, a)| (w, Some(a))).chain(unscored.iter().map(|&w| (w, None))).collect();
        let without: Vec<(Decimal, Option<Decimal>)> = scored.iter().map(|&(w, a)| (w, Some(a))).collect();
        prop_assert_eq!(weighted_mean(with), weighted_mean(without));
    }

    #[test]
    fn the_order_of_rows_changes_nothing(order in Just((0..16usize).collect::<Vec<_>>()).prop_shuffle()) {
        let root = crate::support::root();
        let plan_text = std::fs::read_to_string(root.join("tests/fixtures/score/plan.toml")).unwrap();
        let plan = cruscotto::check_plan(&SourceFile::new("plan.toml", plan_text)).plan.unwrap();
        let actuals = std::fs::read_to_string(root.join("tests/fixtures/score/actuals.csv")).unwrap();
        let mut lines = actuals.lines().filter(|l| !l.starts_with('#'));
        let header = lines.next().unwrap();
        let rows: Vec<&str> = lines.collect();
        prop_assume!(rows.len() == order.len());
        let shuffled = std::iter::once(header).chain(order.iter().map(|&i| rows[i])).collect::<Vec<_>>().join("\n");
        let read = |text: &str| {
            let (actuals, diagnostics) = cruscotto::actuals::read(&plan, &[SourceFile::new("a.csv", text)]);
            assert!(diagnostics.is_empty());
            cruscotto::score::score(&plan, &actuals, 2019)
        };
        let (a, b) = (read(&actuals), read(&shuffled));
        for (x, y) in a.indicators.iter().zip(&b.indicators) {
            prop_assert_eq!((x.status, x.attainment), (y.status, y.attainment));
        }
        prop_assert_eq!(a.nodes, b.nodes);
        prop_assert_eq!(a.body, b.body);
        prop_assert_eq!(a.areas, b.areas);
    }
}
