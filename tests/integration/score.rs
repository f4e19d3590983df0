//! Scoring on a small plan with every kind of target, every status and every roll-up level.
//! The expected numbers are computed by hand in the comments.

use cruscotto::actuals::{self, Value};
use cruscotto::i18n::Lang;
use cruscotto::plan::Plan;
use cruscotto::score::{Scorecard, Status, score};
use cruscotto::source::SourceFile;
use rust_decimal::{Decimal, dec};

use crate::support::root;

const PLAN: &str = "tests/fixtures/score/plan.toml";
const ACTUALS: &str = "tests/fixtures/score/actuals.csv";

fn plan_with(scoring: &str) -> Plan {
    let text = std::fs::read_to_string(root().join(PLAN)).unwrap();
    let text = match scoring {
        "" => text,
        replacement => {
            let start = text.find("[scoring]").unwrap();
            let end = start + text[start..].find("\n\n").unwrap();
            format!("{}{replacement}{}", &text[..start], &text[end..])
        }
    };
    let checked = cruscotto::check_plan(&SourceFile::new(PLAN, text));
    assert!(checked.diagnostics.is_empty(), "{:#?}", checked.diagnostics);
    checked.plan.unwrap()
}

fn actuals_text() -> String {
    std::fs::read_to_string(root().join(ACTUALS)).unwrap()
}

fn scorecard_of(plan: &Plan, csv: &str) -> Scorecard {
    let (actuals, diagnostics) = actuals::read(plan, &[SourceFile::new(ACTUALS, csv)]);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    score(plan, &actuals, 2019)
}

fn round(value: Decimal) -> Decimal {
    cruscotto::number::round_half_away(value, 2)
}

/// (status, attainment rounded to 2 decimals) of an indicator.
fn result(plan: &Plan, card: &Scorecard, id: &str) -> (Status, Option<Decimal>) {
    let score = card.indicator(plan.find(id).unwrap()).unwrap();
    (score.status, score.attainment.map(round))
}

fn node(plan: &Plan, card: &Scorecard, id: &str) -> cruscotto::score::NodeScore {
    card.node(plan.find(id).unwrap()).unwrap().clone()
}

#[test]
fn every_target_kind_and_status() {
    let plan = plan_with("");
    let card = scorecard_of(&plan, &actuals_text());
    // ≥ 90%, actual 81 / 100 × 100 = 81% → 81 / 90 × 100 = 90: not met, ≥ 70 → partial.
    assert_eq!(result(&plan, &card, "S1.1"), (Status::Partial, Some(dec!(90))));
    // bare `1,5` with polarity decrease is ≤ 1,5; actual 1,2 → met, 100 (cap 100).
    assert_eq!(result(&plan, &card, "S1.2"), (Status::Met, Some(dec!(100))));
    // x ≤ x-1: the 2018 actual 20 is the reference; 25 → 20 / 25 × 100 = 80, partial.
    assert_eq!(result(&plan, &card, "S1.3"), (Status::Partial, Some(dec!(80))));
    let s13 = card.indicator(plan.find("S1.3").unwrap()).unwrap();
    assert_eq!((s13.reference, s13.deviation), (Some(dec!(20)), Some(dec!(5))));
    // ≥ media cluster: benchmark 75, actual 70 → 70 / 75 × 100 = 93,333… → 93,33, partial.
    assert_eq!(result(&plan, &card, "S1.4"), (Status::Partial, Some(dec!(93.33))));
    // scostamento max 2 (increase): threshold 75 − 2 = 73; 72 / 73 × 100 = 98,630… → 98,63.
    assert_eq!(result(&plan, &card, "S1.5"), (Status::Partial, Some(dec!(98.63))));
    // ≥ medio with basso: ranks 1 / 2 × 100 = 50 → missed.
    assert_eq!(result(&plan, &card, "S1.6"), (Status::Missed, Some(dec!(50))));
    assert_eq!(result(&plan, &card, "S1.7"), (Status::Removed, None));
    // An actual without a target for the year is recorded but not scored.
    assert_eq!(result(&plan, &card, "S1.8"), (Status::NoTarget, None));
    let s18 = card.indicator(plan.find("S1.8").unwrap()).unwrap();
    assert_eq!(s18.actual, Some(Value::Number(dec!(1.1))));
    // Deadline 30/06/2019 done 28/06 → met; done 10/07 → 10 days late, no grace → 0, missed.
    assert_eq!(result(&plan, &card, "O1.1.1"), (Status::Met, Some(dec!(100))));
    assert_eq!(result(&plan, &card, "O1.1.2"), (Status::Missed, Some(dec!(0))));
    assert_eq!(card.indicator(plan.find("O1.1.2").unwrap()).unwrap().deviation, Some(dec!(10)));
    assert_eq!(result(&plan, &card, "O1.1.3"), (Status::Met, Some(dec!(100))));
    // n.d. is missing, never zero.
    assert_eq!(result(&plan, &card, "O1.2.1"), (Status::Missing, None));
    // Target 0 (at most), actual 2 → 0.
    assert_eq!(result(&plan, &card, "O1.2.2"), (Status::Missed, Some(dec!(0))));
    assert_eq!(result(&plan, &card, "S2.1"), (Status::Met, Some(dec!(100))));
    // x < x-1 without a 2018 actual.
    assert_eq!(result(&plan, &card, "S2.2"), (Status::NotMeasurable, None));
    let reason = card.indicator(plan.find("S2.2").unwrap()).unwrap().reason.as_ref().unwrap().to_string();
    assert_eq!(reason, "the 2018 actual needed by `x < x-1` is missing");

    // The 2018 scorecard: S1.1 is a baseline year.
    let (actuals, _) = actuals::read(&plan, &[SourceFile::new(ACTUALS, actuals_text())]);
    let card_2018 = score(&plan, &actuals, 2018);
    assert_eq!(result(&plan, &card_2018, "S1.1"), (Status::Baseline, None));
}

#[test]
fn every_roll_up_level() {
    let plan = plan_with("");
    let card = scorecard_of(&plan, &actuals_text());
    // O1.1: (1 × 100 + 3 × 0 + 1 × 100) / (1 + 3 + 1) = 40.
    let o11 = node(&plan, &card, "O1.1");
    assert_eq!((o11.rollup.attainment.map(round), o11.rollup.scored, o11.rollup.expected), (Some(dec!(40)), 3, 3));
    // O1.2: O1.2.1 is missing (left out), O1.2.2 scores 0 → 0, coverage 1 of 2.
    let o12 = node(&plan, &card, "O1.2");
    assert_eq!((o12.rollup.attainment, o12.rollup.scored, o12.rollup.expected), (Some(dec!(0)), 1, 2));
    // P1.1: (40 + 0) / 2 = 20.
    assert_eq!(node(&plan, &card, "P1.1").rollup.attainment.map(round), Some(dec!(20)));
    // S1 (dashboard): (90 + 100 + 80 + 93,333… + 98,630… + 50) / 6 = 511,963… / 6 = 85,327… → 85,33;
    // its operational plan, beside it: P1.1 = 20.
    let s1 = node(&plan, &card, "S1");
    assert_eq!(s1.rollup.attainment.map(round), Some(dec!(85.33)));
    assert_eq!((s1.rollup.scored, s1.rollup.expected), (6, 6));
    assert_eq!(s1.operational.unwrap().attainment.map(round), Some(dec!(20)));
    // S2: S2.2 not measurable (left out) → 100, coverage 1 of 2.
    let s2 = node(&plan, &card, "S2");
    assert_eq!((s2.rollup.attainment.map(round), s2.rollup.scored, s2.rollup.expected), (Some(dec!(100)), 1, 2));
    // Missions: 011 = S1, 032 = S2.
    assert_eq!(node(&plan, &card, "011").rollup.attainment.map(round), Some(dec!(85.33)));
    assert_eq!(node(&plan, &card, "032").rollup.attainment.map(round), Some(dec!(100)));
    // Body: S1 has weight 2: (2 × 85,327… + 1 × 100) / 3 = 90,218… → 90,22.
    assert_eq!(card.body.attainment.map(round), Some(dec!(90.22)));
    assert_eq!((card.body.scored, card.body.expected), (7, 8));
    // Area I (promozione): O1.1.1 100, O1.1.3 100, O1.2.2 (cross-cutting) 0 → 200 / 3 = 66,67.
    // Area II (anagrafe): O1.1.2 0 × 3, O1.1.3 100, O1.2.2 0, O1.2.1 missing → 100 / 5 = 20.
    let area = |id: &str| card.areas.iter().find(|a| a.id == id).unwrap().rollup;
    assert_eq!((area("I").attainment.map(round), area("I").scored, area("I").expected), (Some(dec!(66.67)), 3, 3));
    assert_eq!((area("II").attainment.map(round), area("II").scored, area("II").expected), (Some(dec!(20)), 3, 4));
    let service = |id: &str| card.services.iter().find(|s| s.id == id).unwrap().rollup.attainment.map(round);
    assert_eq!(service("anagrafe"), Some(dec!(20)));
    assert_eq!(service("promozione"), Some(dec!(66.67)));
}

#[test]
fn missing_data_counted_as_zero() {
    let plan = plan_with("[scoring]\nmissing-data = \"zero\"");
    let card = scorecard_of(&plan, &actuals_text());
    // Missing and not measurable keep their weight and score 0; their status stays.
    assert_eq!(result(&plan, &card, "O1.2.1"), (Status::Missing, Some(dec!(0))));
    assert_eq!(result(&plan, &card, "S2.2"), (Status::NotMeasurable, Some(dec!(0))));
    // S2: (100 + 0) / 2 = 50; body (2 × 85,327… + 50) / 3 = 73,551… → 73,55. Coverage is unchanged.
    assert_eq!(node(&plan, &card, "S2").rollup.attainment.map(round), Some(dec!(50)));
    assert_eq!(card.body.attainment.map(round), Some(dec!(73.55)));
    assert_eq!((card.body.scored, card.body.expected), (7, 8));
}

#[test]
fn over_achievement_up_to_the_cap() {
    let plan = plan_with("[scoring]\ncap = 120");
    let card = scorecard_of(&plan, &actuals_text());
    // ≤ 1,5 with 1,2 → 1,5 / 1,2 × 100 = 125 → capped at 120.
    assert_eq!(result(&plan, &card, "S1.2"), (Status::Met, Some(dec!(120))));
    // S1: (90 + 120 + 80 + 93,333… + 98,630… + 50) / 6 = 88,660… → 88,66.
    assert_eq!(node(&plan, &card, "S1").rollup.attainment.map(round), Some(dec!(88.66)));
}

#[test]
fn late_deadlines_with_grace_days() {
    let plan = plan_with("[scoring]\ndeadline-grace-days = 20");
    let card = scorecard_of(&plan, &actuals_text());
    // 10 days late over 20 grace days: 100 − 100 × 10 / 20 = 50 → below 70, missed.
    assert_eq!(result(&plan, &card, "O1.1.2"), (Status::Missed, Some(dec!(50))));
    // O1.1: (100 + 3 × 50 + 100) / 5 = 70.
    assert_eq!(node(&plan, &card, "O1.1").rollup.attainment.map(round), Some(dec!(70)));
}

#[test]
fn below_the_floor_scores_zero() {
    let plan = plan_with("[scoring]\nfloor = 60\npartial-threshold = 95");
    let card = scorecard_of(&plan, &actuals_text());
    assert_eq!(result(&plan, &card, "S1.6"), (Status::Missed, Some(dec!(0))));
    // 90 is above the floor but below the partial threshold 95.
    assert_eq!(result(&plan, &card, "S1.1"), (Status::Missed, Some(dec!(90))));
    assert_eq!(result(&plan, &card, "S1.5"), (Status::Partial, Some(dec!(98.63))));
}

#[test]
fn an_excel_csv_reads_like_the_plain_one() {
    let plan = plan_with("");
    let plain = actuals_text();
    // What Italian Excel saves: semicolons, decimal commas, a byte order mark or Windows-1252.
    let mut rows = csv::Reader::from_reader(
        plain.lines().filter(|l| !l.starts_with('#')).collect::<Vec<_>>().join("\n").as_bytes(),
    )
    .into_records()
    .map(Result::unwrap)
    .collect::<Vec<_>>();
    let mut excel = String::from("Indicatore;Anno;Valore;Numeratore;Denominatore;Benchmark;Note;Fonte\r\n");
    for row in &mut rows {
        // Numbers get decimal commas; ids and words keep their points.
        let is_number = |f: &str| !f.is_empty() && f.chars().all(|c| c.is_ascii_digit() || c == '.');
        let fields: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(i, f)| if i > 0 && is_number(f) { f.replace('.', ",") } else { f.to_owned() })
            .collect();
        excel.push_str(&fields.join(";"));
        excel.push_str("\r\n");
    }
    let excel = excel.replace("2019-07-10", "10/07/2019");
    let expected = scorecard_of(&plan, &plain);
    let as_utf8_with_bom = [b"\xEF\xBB\xBF".as_slice(), excel.as_bytes()].concat();
    let as_windows_1252: Vec<u8> = excel.chars().map(|c| if c == 'ì' { 0xEC } else { c as u8 }).collect();
    for bytes in [as_utf8_with_bom, as_windows_1252] {
        let (text, _) = actuals::encoding::decode(bytes);
        let card = scorecard_of(&plan, &text);
        for (a, b) in card.indicators.iter().zip(&expected.indicators) {
            assert_eq!(
                (a.status, a.attainment, &a.actual),
                (b.status, b.attainment, &b.actual),
                "{}",
                plan.node(a.node).id
            );
        }
        assert_eq!(card.body, expected.body);
    }
}

#[test]
fn every_bad_row_is_reported_with_its_place() {
    let plan = plan_with("");
    let csv = "indicator;year;value;numerator;denominator\n\
               S1.1;2019;81;;\n\
               S9.9;2019;5;;\n\
               S1.1;2019;82;;\n\
               S1.2;2025;1;;\n\
               S1.3;2019;venti;;\n\
               S2.1;2019;;3;0\n\
               O1.1.1;2019;99%;;\n";
    let (_, diagnostics) = actuals::read(&plan, &[SourceFile::new("consuntivo.csv", csv)]);
    let text = cruscotto::render::diagnostics::text(&diagnostics, cruscotto::render::style::Style::PLAIN, Lang::En);
    insta::assert_snapshot!(text);
}

#[test]
fn mistakes_that_would_lose_data_are_errors() {
    let plan = plan_with("");
    // An unquoted decimal comma in a comma-separated file; a quote never closed in a note.
    let csv = "indicator,year,value,note\n\
               S1.2,2019,1,2,\n\
               S1.3,2019,25,\"Nuovo applicativo\n\
               S2.1,2019,100,\n\
               O1.1.3,2019,sì,\n";
    let (_, diagnostics) = actuals::read(&plan, &[SourceFile::new("consuntivo.csv", csv)]);
    let text = cruscotto::render::diagnostics::text(&diagnostics, cruscotto::render::style::Style::PLAIN, Lang::En);
    insta::assert_snapshot!(text, @r#"
    error[invalid-csv]: the row has 5 fields but the header has 4
     --> consuntivo.csv:2:15
      |
    2 | S1.2,2019,1,2,
      |               ^
      = help: a decimal comma in a comma-separated file splits the number: quote it ("98,5") or use `;` as the delimiter

    error[invalid-csv]: a quote opened on this line is not closed: 2 following rows are read as part of one field
     --> consuntivo.csv:3:1
      |
    3 | S1.3,2019,25,"Nuovo applicativo
      | ^
      = help: close the quote (a field in quotes ends with `"`; a quote inside it is written `""`)
    "#);
}

#[test]
fn blank_rows_do_not_count_and_ratios_need_numbers() {
    let plan = plan_with("");
    // Two services' templates filled separately: the shared row is blank in one of them.
    let first = "indicator,year,value\nO1.1.3,2019,sì\nO1.1.2,2019,\n";
    let second = "indicator,year,value\nO1.1.3,2019,\nO1.1.2,2019,10/07/2019\n";
    let (actuals, diagnostics) =
        actuals::read(&plan, &[SourceFile::new("anagrafe.csv", first), SourceFile::new("promozione.csv", second)]);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    assert_eq!(actuals.len(), 2);
    // A numerator and a denominator for a deadline; a benchmark in days.
    let csv = "indicator,year,value,numerator,denominator,benchmark\nO1.1.1,2019,,3,4,\nS1.2,2019,\"1,2\",,,3 gg\n";
    let (_, diagnostics) = actuals::read(&plan, &[SourceFile::new("a.csv", csv)]);
    let messages: Vec<String> = diagnostics.iter().map(|d| d.message.to_string()).collect();
    assert_eq!(messages, ["O1.1.1 is measured as a date: a numerator and denominator cannot give its value"]);
}

/// A key whose first row has an error keeps its place: a second row for it is a duplicate
/// that points back at the first, and neither gives a value; the good rows are counted alone.
#[test]
fn a_row_with_errors_still_makes_the_next_row_of_its_key_a_duplicate() {
    let plan = plan_with("");
    let csv = "indicator,year,value\nS2.1,2019,100\nS2.2,2019,tanti\nS2.2,2019,3\nS2.2,2018,2\n";
    let (actuals, diagnostics) = actuals::read(&plan, &[SourceFile::new(ACTUALS, csv)]);
    let found: Vec<(&str, usize)> =
        diagnostics.iter().map(|d| (d.code.as_str(), d.location.as_ref().map_or(0, |l| l.line))).collect();
    assert_eq!(found, [("invalid-actual", 3), ("duplicate-actual", 4)]);
    let related = diagnostics[1].related.as_ref().expect("the first row is shown");
    assert_eq!(related.0.line, 3);
    let (s21, s22) = (plan.find("S2.1").unwrap(), plan.find("S2.2").unwrap());
    assert_eq!(actuals.get(s22, 2019), None);
    assert_eq!(actuals.get(s22, 2018).map(|a| (&a.value, a.line)), Some((&Value::Number(dec!(2)), 5)));
    assert_eq!(actuals.get(s21, 2019).map(|a| a.line), Some(2));
    assert_eq!(actuals.len(), 2);
}
