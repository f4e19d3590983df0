//! Attainment ("grado di raggiungimento") of one value against one target: the arithmetic,
//! in `Decimal`, as pure functions. The rules are documented in `docs/scoring.md`; every branch
//! has a hand-computed test below.

use rust_decimal::Decimal;

use crate::plan::ScoringRules;
use crate::target::Comparator;

/// Whether the target was met, and the attainment before the floor is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// The comparator holds.
    pub met: bool,
    /// Attainment in percent, between 0 and the cap.
    pub attainment: Decimal,
}

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// A numeric actual against a numeric reference.
///
/// - higher is better (`≥`, `>`): met → actual / reference × 100, at least 100 and at most the
///   cap; not met → actual / reference × 100 (at most 100);
/// - lower is better (`≤`, `<`): the same with reference / actual;
/// - `=`: met → 100; not met → the smaller over the larger × 100 when both are positive;
/// - a reference of zero or below, or an actual on the wrong side of zero, makes the ratio
///   meaningless: met → 100, not met → 0 (so a target of 0 not met scores 0). An actual of zero
///   or below that meets a lower-is-better target reaches the cap.
pub fn numeric(actual: Decimal, comparator: Comparator, reference: Decimal, rules: &ScoringRules) -> Outcome {
    let met = comparator.holds(&actual, &reference);
    let ratio = match comparator {
        Comparator::AtLeast | Comparator::MoreThan => {
            if reference > Decimal::ZERO && actual >= Decimal::ZERO {
                Some(percent(actual, reference))
            } else {
                None
            }
        }
        Comparator::AtMost | Comparator::LessThan => {
            if reference > Decimal::ZERO && actual > Decimal::ZERO {
                Some(percent(reference, actual))
            } else if reference > Decimal::ZERO && met {
                Some(rules.cap)
            } else {
                None
            }
        }
        Comparator::Equal => {
            if met {
                Some(HUNDRED)
            } else if reference > Decimal::ZERO && actual > Decimal::ZERO {
                Some(percent(actual.min(reference), actual.max(reference)))
            } else {
                None
            }
        }
    };
    let attainment = match (met, ratio) {
        (true, Some(ratio)) => ratio.clamp(HUNDRED, rules.cap.max(HUNDRED)),
        (true, None) => HUNDRED,
        (false, Some(ratio)) => ratio.min(HUNDRED),
        (false, None) => Decimal::ZERO,
    };
    Outcome { met, attainment }
}

/// `part / whole × 100` for positive numbers. A ratio too large for a decimal (a value of
/// 10^15 over a reference of 10^-20) is larger than any cap: it saturates instead of overflowing,
/// and the cap then applies as it would to any large ratio.
fn percent(part: Decimal, whole: Decimal) -> Decimal {
    part.checked_div(whole).and_then(|ratio| ratio.checked_mul(HUNDRED)).unwrap_or(Decimal::MAX)
}

/// A completion date against a deadline: on or before it → 100; late → 0, or falling linearly
/// from 100 to 0 over the grace days.
pub fn deadline(days_late: i64, rules: &ScoringRules) -> Outcome {
    if days_late <= 0 {
        return Outcome { met: true, attainment: HUNDRED };
    }
    let grace = Decimal::from(rules.deadline_grace_days);
    let attainment = if grace.is_zero() {
        Decimal::ZERO
    } else {
        (HUNDRED - HUNDRED * Decimal::from(days_late) / grace).max(Decimal::ZERO)
    };
    Outcome { met: false, attainment }
}

/// A level against a level of the same scale, by rank (1 for the lowest level): met → 100,
/// else the ratio of the ranks (actual / target for higher-is-better, target / actual otherwise).
pub fn level(actual_rank: usize, comparator: Comparator, target_rank: usize) -> Outcome {
    let met = comparator.holds(&actual_rank, &target_rank);
    if met {
        return Outcome { met, attainment: HUNDRED };
    }
    let (actual, target) = (Decimal::from(actual_rank) + Decimal::ONE, Decimal::from(target_rank) + Decimal::ONE);
    let ratio = match comparator {
        Comparator::AtMost | Comparator::LessThan => percent(target, actual),
        Comparator::Equal => percent(actual.min(target), actual.max(target)),
        Comparator::AtLeast | Comparator::MoreThan => percent(actual, target),
    };
    Outcome { met, attainment: ratio.min(HUNDRED) }
}

/// A yes/no actual against the expected answer: 100 or 0.
pub fn yes_no(actual: bool, expected: bool) -> Outcome {
    let met = actual == expected;
    Outcome { met, attainment: if met { HUNDRED } else { Decimal::ZERO } }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    fn rules() -> ScoringRules {
        ScoringRules::default()
    }

    fn over(cap: Decimal) -> ScoringRules {
        ScoringRules { cap, ..ScoringRules::default() }
    }

    #[test]
    fn higher_is_better() {
        // ≥ 90%, actual 81% → 81 / 90 × 100 = 90.
        assert_eq!(
            numeric(dec!(81), Comparator::AtLeast, dec!(90), &rules()),
            Outcome { met: false, attainment: dec!(90) }
        );
        // ≥ 90%, actual 95% → met, capped at 100.
        assert_eq!(
            numeric(dec!(95), Comparator::AtLeast, dec!(90), &rules()),
            Outcome { met: true, attainment: dec!(100) }
        );
        // cap 120: 99 / 90 × 100 = 110.
        assert_eq!(numeric(dec!(99), Comparator::AtLeast, dec!(90), &over(dec!(120))).attainment, dec!(110));
        // cap 120: 135 / 90 × 100 = 150 → 120.
        assert_eq!(numeric(dec!(135), Comparator::AtLeast, dec!(90), &over(dec!(120))).attainment, dec!(120));
        // > 1 with exactly 1: not met, 1 / 1 × 100 = 100.
        assert_eq!(
            numeric(dec!(1), Comparator::MoreThan, dec!(1), &rules()),
            Outcome { met: false, attainment: dec!(100) }
        );
        // ≥ 3 with 2: 2 / 3 × 100 = 66.666...
        let two_thirds = numeric(dec!(2), Comparator::AtLeast, dec!(3), &rules()).attainment;
        assert_eq!(crate::number::round_half_away(two_thirds, 2), dec!(66.67));
    }

    #[test]
    fn lower_is_better() {
        // ≤ 40 days, actual 50 → 40 / 50 × 100 = 80.
        assert_eq!(
            numeric(dec!(50), Comparator::AtMost, dec!(40), &rules()),
            Outcome { met: false, attainment: dec!(80) }
        );
        // < 20%, actual 12% → met, 100.
        assert_eq!(
            numeric(dec!(12), Comparator::LessThan, dec!(20), &rules()),
            Outcome { met: true, attainment: dec!(100) }
        );
        // cap 120: ≤ 1,45 days, actual 1,25 → 1,45 / 1,25 × 100 = 116.
        assert_eq!(numeric(dec!(1.25), Comparator::AtMost, dec!(1.45), &over(dec!(120))).attainment, dec!(116));
        // actual 0 meets ≤ 5: the ratio is unbounded, so the cap.
        assert_eq!(numeric(dec!(0), Comparator::AtMost, dec!(5), &over(dec!(120))).attainment, dec!(120));
        assert_eq!(numeric(dec!(0), Comparator::AtMost, dec!(5), &rules()).attainment, dec!(100));
    }

    #[test]
    fn zero_and_negative_targets_are_met_or_not() {
        // Target 0% (at most), actual 0 → met.
        assert_eq!(
            numeric(dec!(0), Comparator::AtMost, dec!(0), &rules()),
            Outcome { met: true, attainment: dec!(100) }
        );
        // Target 0% not met: 0.
        assert_eq!(
            numeric(dec!(3), Comparator::AtMost, dec!(0), &rules()),
            Outcome { met: false, attainment: dec!(0) }
        );
        // ≥ -5 (a decline of at most 5%), actual -3: met.
        assert_eq!(
            numeric(dec!(-3), Comparator::AtLeast, dec!(-5), &rules()),
            Outcome { met: true, attainment: dec!(100) }
        );
        // ≥ -5, actual -8: not met, no meaningful ratio: 0.
        assert_eq!(
            numeric(dec!(-8), Comparator::AtLeast, dec!(-5), &rules()),
            Outcome { met: false, attainment: dec!(0) }
        );
        // ≥ 10, actual -2 (wrong side of zero): 0.
        assert_eq!(
            numeric(dec!(-2), Comparator::AtLeast, dec!(10), &rules()),
            Outcome { met: false, attainment: dec!(0) }
        );
        // ≥ 0 with 4: met.
        assert_eq!(
            numeric(dec!(4), Comparator::AtLeast, dec!(0), &rules()),
            Outcome { met: true, attainment: dec!(100) }
        );
    }

    #[test]
    fn equal_targets() {
        assert_eq!(
            numeric(dec!(5), Comparator::Equal, dec!(5), &rules()),
            Outcome { met: true, attainment: dec!(100) }
        );
        // = 5, actual 4 → 4 / 5 × 100 = 80; actual 8 → 5 / 8 × 100 = 62,5.
        assert_eq!(numeric(dec!(4), Comparator::Equal, dec!(5), &rules()).attainment, dec!(80));
        assert_eq!(numeric(dec!(8), Comparator::Equal, dec!(5), &rules()).attainment, dec!(62.5));
    }

    #[test]
    fn deadlines() {
        let grace = |days| ScoringRules { deadline_grace_days: days, ..ScoringRules::default() };
        assert_eq!(deadline(-3, &rules()), Outcome { met: true, attainment: dec!(100) });
        assert_eq!(deadline(0, &rules()), Outcome { met: true, attainment: dec!(100) });
        assert_eq!(deadline(1, &rules()), Outcome { met: false, attainment: dec!(0) });
        // 30 grace days, 6 days late → 100 − 100 × 6 / 30 = 80.
        assert_eq!(deadline(6, &grace(30)), Outcome { met: false, attainment: dec!(80) });
        assert_eq!(deadline(45, &grace(30)).attainment, dec!(0));
    }

    #[test]
    fn levels_by_rank() {
        // basso < medio < alto: ranks 0, 1, 2 (1, 2, 3 in the ratio).
        assert_eq!(level(2, Comparator::AtLeast, 1), Outcome { met: true, attainment: dec!(100) });
        // ≥ medio with basso → 1 / 2 × 100 = 50.
        assert_eq!(level(0, Comparator::AtLeast, 1), Outcome { met: false, attainment: dec!(50) });
        // ≤ basso with alto → 1 / 3 × 100.
        let third = level(2, Comparator::AtMost, 0).attainment;
        assert_eq!(crate::number::round_half_away(third, 2), dec!(33.33));
    }

    fn any_decimal() -> impl proptest::strategy::Strategy<Value = Decimal> {
        use proptest::prelude::*;
        prop_oneof![
            Just(Decimal::MAX),
            Just(Decimal::MIN),
            Just(Decimal::ZERO),
            Just(Decimal::new(1, 28)),
            Just(Decimal::new(-1, 28)),
            (any::<i128>(), 0u32..=28).prop_map(|(m, s)| {
                Decimal::try_from_i128_with_scale(m % 79_228_162_514_264_337_593_543_950_335, s).unwrap()
            }),
        ]
    }

    fn any_comparator() -> impl proptest::strategy::Strategy<Value = Comparator> {
        proptest::sample::select(vec![
            Comparator::AtLeast,
            Comparator::MoreThan,
            Comparator::AtMost,
            Comparator::LessThan,
            Comparator::Equal,
        ])
    }

    #[test]
    fn ratios_too_large_for_a_decimal_reach_the_cap() {
        let tiny = Decimal::new(1, 28);
        let huge = dec!(999_999_999_999_999);
        assert_eq!(numeric(tiny, Comparator::AtMost, dec!(90), &over(dec!(130))).attainment, dec!(130));
        assert_eq!(numeric(huge, Comparator::AtLeast, tiny, &over(dec!(130))).attainment, dec!(130));
        assert_eq!(numeric(Decimal::MAX, Comparator::AtLeast, tiny, &rules()).attainment, dec!(100));
        assert!(level(usize::MAX, Comparator::AtMost, 0).attainment < dec!(0.000001));
    }

    proptest::proptest! {
        #[test]
        fn numeric_attainment_never_panics_and_stays_within_the_cap(
            actual in any_decimal(),
            reference in any_decimal(),
            comparator in any_comparator(),
            cap in any_decimal(),
        ) {
            let rules = ScoringRules { cap: cap.max(HUNDRED), ..ScoringRules::default() };
            let outcome = numeric(actual, comparator, reference, &rules);
            proptest::prop_assert!(outcome.attainment >= Decimal::ZERO);
            proptest::prop_assert!(outcome.attainment <= rules.cap);
        }

        #[test]
        fn level_and_deadline_attainment_never_panic(
            actual in proptest::prelude::any::<usize>(),
            target in proptest::prelude::any::<usize>(),
            comparator in any_comparator(),
            late in proptest::prelude::any::<i64>(),
            grace in proptest::prelude::any::<u32>(),
        ) {
            let outcome = level(actual, comparator, target);
            proptest::prop_assert!((Decimal::ZERO..=HUNDRED).contains(&outcome.attainment));
            let rules = ScoringRules { deadline_grace_days: grace, ..ScoringRules::default() };
            let outcome = deadline(late, &rules);
            proptest::prop_assert!((Decimal::ZERO..=HUNDRED).contains(&outcome.attainment));
        }
    }

    #[test]
    fn yes_no_targets() {
        assert_eq!(yes_no(true, true), Outcome { met: true, attainment: dec!(100) });
        assert_eq!(yes_no(false, true), Outcome { met: false, attainment: dec!(0) });
    }
}
