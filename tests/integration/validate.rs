//! Validation behaviours beyond one-code fixtures, through the library: the exact messages.

use cruscotto::render::diagnostics;
use cruscotto::render::style::Style;
use cruscotto::source::SourceFile;

const HEADER: &str =
    "[plan]\nbody = \"Camera di Commercio di Esempio\"\ntitle = \"Piano 2019\"\nyear = 2019\nhorizon = [2019, 2020]\n";

fn check(body: &str) -> (Option<cruscotto::plan::Plan>, String) {
    let checked = cruscotto::check_plan(&SourceFile::new("plan.toml", format!("{HEADER}{body}")));
    (checked.plan, diagnostics::text(&checked.diagnostics, Style::PLAIN, cruscotto::i18n::Lang::En))
}

#[test]
fn children_may_be_written_before_their_parents() {
    let (plan, text) = check(
        "[[indicator]]\nid = \"S1.1\"\nobjective = \"S1\"\nname = \"Indicatore\"\npolarity = \"increase\"\ntarget = \"≥ 1\"\n\n\
         [[strategic-objective]]\nid = \"S1\"\nmission = \"011\"\nname = \"Obiettivo\"\n\n\
         [[mission]]\nid = \"011\"\nname = \"Missione\"\n",
    );
    assert_eq!(text, "");
    let plan = plan.unwrap();
    let ids: Vec<&str> = plan.walk().map(|i| plan.node(i).id.as_str()).collect();
    assert_eq!(ids, ["011", "S1", "S1.1"]);
    let indicator = plan.node(plan.find("S1.1").unwrap()).indicator().unwrap();
    assert_eq!(indicator.level, cruscotto::plan::IndicatorLevel::Strategic);
}

#[test]
fn a_single_table_where_an_array_is_expected_gets_the_right_header_in_its_help() {
    let (_, text) = check("[mission]\nid = \"011\"\nname = \"Missione\"\n");
    insta::assert_snapshot!(text, @r"
    error[wrong-type]: `mission` must be an array of tables, found table
     --> plan.toml:6:1
      |
    6 | [mission]
      | ^^^^^^^^^
      = help: write the header as [[mission]]
    ");
}

#[test]
fn italian_words_for_english_values_get_a_translation() {
    let (_, text) = check(
        "[[mission]]\nid = \"011\"\nname = \"M\"\n[[strategic-objective]]\nid = \"S1\"\nmission = \"011\"\nname = \"O\"\n\
         [[indicator]]\nid = \"S1.1\"\nobjective = \"S1\"\nname = \"I\"\npolarity = \"decrescente\"\ntarget = \"≤ 5\"\n",
    );
    insta::assert_snapshot!(text, @r#"
    error[invalid-value]: `decrescente` is not an accepted `polarity`
      --> plan.toml:17:12
       |
    17 | polarity = "decrescente"
       |            ^^^^^^^^^^^^^
       = help: values are in English: `decrescente` is `decrease`
    "#);
}

#[test]
fn every_problem_is_reported_in_one_run() {
    let (plan, text) = check(
        "[[mission]]\nid = \"011\"\nnome = \"M\"\n\
         [[strategic-objective]]\nid = \"S1\"\nmission = \"012\"\nname = \"O\"\n\
         [[indicator]]\nid = \"S1 1\"\nobjective = \"S1\"\nname = \"I\"\ntarget = \"circa 5\"\nweight = -1\n",
    );
    assert!(plan.is_none());
    for code in ["unknown-key", "missing-key", "unknown-parent", "invalid-id", "invalid-target", "negative-weight"] {
        assert!(text.contains(&format!("error[{code}]")), "{code} missing from:\n{text}");
    }
}
