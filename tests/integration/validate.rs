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

/// The errors of a text of diagnostics, one per line: `code: message`, then its help.
fn findings(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut in_error = false;
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("error[") {
            in_error = true;
            found.push(rest.replacen("]: ", ": ", 1));
        } else if line.starts_with("warning[") {
            in_error = false;
        } else if let Some(help) = line.trim_start().strip_prefix("= help: ").filter(|_| in_error) {
            found.push(format!("  help: {help}"));
        }
    }
    found
}

#[test]
fn levels_may_be_skipped_but_a_root_only_at_the_plan_s_highest_level() {
    // A program hangs from its mission; an operational objective from its strategic objective.
    let (plan, text) = check(
        "[[mission]]\nid = \"032\"\nname = \"Servizi istituzionali\"\n\
         [[program]]\nid = \"032.003\"\nmission = \"032\"\nname = \"Servizi generali\"\n\
         [[operational-objective]]\nid = \"OS1\"\nprogram = \"032.003\"\nname = \"Tempestività dei pagamenti\"\n\
         [[indicator]]\nid = \"OS1.1\"\nobjective = \"OS1\"\nname = \"ITP\"\nunit = \"days\"\npolarity = \"decrease\"\ntarget = \"≤ 0 gg\"\n",
    );
    assert_eq!(text, "");
    let plan = plan.unwrap();
    assert_eq!(plan.roots.iter().map(|&r| plan.node(r).id.as_str()).collect::<Vec<_>>(), ["032"]);
    // In a plan with missions, a strategic objective without `mission` is still a missing key;
    // two parent keys, and a parent of another level than its key names, are errors.
    let (plan, text) = check(
        "[[mission]]\nid = \"011\"\nname = \"Missione\"\n\
         [[strategic-objective]]\nid = \"S1\"\nname = \"Senza missione\"\n\
         [[strategic-objective]]\nid = \"S2\"\nmission = \"011\"\nname = \"Obiettivo\"\n\
         [[program]]\nid = \"P1\"\nstrategic-objective = \"S2\"\nmission = \"011\"\nname = \"Due padri\"\n\
         [[program]]\nid = \"P2\"\nstrategic-objective = \"011\"\nname = \"Chiave sbagliata\"\n",
    );
    assert!(plan.is_none());
    assert_eq!(
        findings(&text),
        [
            "missing-key: missing key `mission` in [[strategic-objective]]",
            "  help: the node hangs from a node of a level above its own: `mission`; a node without one is a root only in a plan that has no level above it",
            "invalid-value: `[[program]]` names one parent: `strategic-objective` and `mission` are both given",
            "  help: keep the key of the level the node hangs from, and remove the other",
            "unknown-parent: the parent of program `P2` must be a strategic objective, but `011` is a mission",
            "  help: a level the body skips is named by its own key: `mission = \"011\"`",
        ]
    );
}

#[test]
fn the_mistakes_of_other_shapes_are_reported_in_one_run() {
    let (plan, text) = check(
        r#"[scoring]
partial-threshold = 70
bands = [{ from = 10, label = "basso" }, { from = 5, label = "medio" }]

[levels]
program = { name = "  " }

[[strategic-objective]]
id = "S1"
name = "Obiettivo"
weight = { 2019 = -1, 2030 = 2 }
responsible = { office = " " }
resources = { 2019 = "-5" }
links = [{ kind = "regolamento", ref = "art. 3" }]

[[indicator]]
id = "S1.1"
objective = "S1"
name = "Importo erogato"
unit = "euro"
polarity = "increase"
type = "bellezza"
targets = { 2019 = "≥ 2.600 €", "2019-S3" = "≥ 1", 2020 = [] }

[[indicator]]
id = "S1.2"
objective = "S1"
name = "Riuso del software"
measures = [{ id = "riusi", name = "Soggetti che riusano", unit = "count" }]
targets = { 2019 = ["rilasci: ≥ 1", "riusi: +10% rispetto alla base"], 2020 = "riusi: +5 rispetto al 2010" }
"#,
    );
    assert!(plan.is_none());
    insta::assert_snapshot!(findings(&text).join("\n"), @r#"
    invalid-value: the first band starts at 10: bands start at 0
      help: write the bands lowest first, each with its lower bound: `bands = [{ from = 0, label = "non raggiunto" }, { from = 70, label = "parzialmente raggiunto" }, { from = 90, label = "raggiunto" }]`
    invalid-value: a band starts at 5, not above the band before it (from 10)
      help: write the bands lowest first, each with its lower bound: `bands = [{ from = 0, label = "non raggiunto" }, { from = 70, label = "parzialmente raggiunto" }, { from = 90, label = "raggiunto" }]`
    invalid-value: `name` is empty
    negative-weight: weight -1 is negative
      help: weights are relative shares: use 0 to leave a node out of roll-ups
    invalid-value: `weight` is given for 2030, outside the horizon 2019–2020
    invalid-value: `responsible` names neither an office nor a person
      help: write `responsible = { office = "...", person = "..." }`, with at least one of the two
    invalid-value: `resources`: the amount -5 is negative
    invalid-value: `regolamento` is not an accepted `kind`
      help: accepted values: `piao`, `anticorruption`, `pnrr`, `budget`, `plan`, `other`
    invalid-value: `bellezza` is not an accepted `type`
      help: accepted values: `effectiveness`, `efficiency`, `quality`, `impact`, `public-value`, `resource-health`, `output`, `financial`, `efficacia`, `efficienza`, `qualità`, `impatto`, `valore pubblico`, `stato di salute`, `realizzazione fisica`, `realizzazione finanziaria`
    invalid-target: invalid target: `≥ 2.600 €`: `2.600` has ambiguous separators
      help: write `2600` (or `2.600,0`) for 2600, `2,600` for the decimal number; a count (`unit = "count"`) reads `2.600` as 2600
    invalid-value: `2019-S3` is not a year
      help: targets are keyed by year or by period within a year: `targets = { "2024-S1" = "≥ 40%", 2024 = "≥ 90%" }`
    invalid-target: a target of several conditions has none
      help: write the conditions in an array, `["≥ 80%", "≤ 30 gg"]`, or remove the year
    invalid-target: `rilasci` is not a measure of `S1.2`
      help: the measures of the indicator are `riusi`
    invalid-target: `riusi: +10% rispetto alla base` is measured from the base, but `S1.2` records none
      help: record it: `base = { year = 2023, value = "1.200" }`
    target-outside-horizon: the 2020 target `riusi: +5 rispetto al 2010` of `S1.2` is measured from 2010, outside the horizon 2019–2020, and no base of 2010 is recorded
      help: record the value of 2010: `base = { year = 2010, value = "..." }`
    "#);
}

#[test]
fn a_plan_whose_acts_carry_no_number_says_so_once() {
    let tree = "[[mission]]\nid = \"011\"\nname = \"Missione\"\n\
        [[mission.revision]]\nchange = \"updated\"\nact = { body = \"Presidente del Consiglio dei ministri\", date = 2019-09-30 }\n";
    let (_, text) = check(tree);
    assert!(text.contains("warning[incomplete-act]"), "{text}");
    let (plan, text) = check(&format!("act-number = \"optional\"\n{tree}").replacen(
        "horizon = [2019, 2020]\n",
        "horizon = [2019, 2020]\n",
        1,
    ));
    // `act-number` belongs to [plan]: written right after the header's keys it is in [plan].
    assert_eq!(text, "", "{text}");
    assert_eq!(plan.unwrap().metadata.act_number, cruscotto::plan::ActNumber::Optional);
}

#[test]
fn findings_name_a_level_by_the_plan_s_own_name_of_it() {
    // The plan calls its operational objectives "obiettivi specifici": a finding about one says
    // so, in either language; a level it does not name keeps the catalogue's word.
    let (_, text) = check(
        "[levels]\noperational-objective = { name = \"obiettivo specifico\", plural = \"obiettivi specifici\" }\n\
         [[mission]]\nid = \"032\"\nname = \"Servizi istituzionali\"\n\
         [[program]]\nid = \"032.003\"\nmission = \"032\"\nname = \"Servizi generali\"\n\
         [[operational-objective]]\nid = \"OS1\"\nprogram = \"032.003\"\nname = \"Tempestività dei pagamenti\"\n\
         [[operational-objective]]\nid = \"OS1\"\nprogram = \"032.003\"\nname = \"Di nuovo\"\n",
    );
    assert!(text.contains("obiettivo specifico `OS1` has no indicator"), "{text}");
    assert!(text.contains("id `OS1` is already used by the obiettivo specifico at line 16"), "{text}");
    let checked = cruscotto::check_plan(&SourceFile::new(
        "plan.toml",
        format!(
            "{HEADER}[levels]\noperational-objective = {{ name = \"obiettivo specifico\" }}\n\
             [[mission]]\nid = \"032\"\nname = \"Servizi istituzionali\"\n\
             [[program]]\nid = \"032.003\"\nmission = \"032\"\nname = \"Servizi generali\"\n\
             [[operational-objective]]\nid = \"OS1\"\nprogram = \"032.003\"\nname = \"Senza indicatori\"\n\
             [[program]]\nid = \"032.004\"\nmission = \"032\"\nname = \"Vuoto\"\nstatus = \"removed\"\n"
        ),
    ));
    let italian = diagnostics::text(&checked.diagnostics, Style::PLAIN, cruscotto::i18n::Lang::It);
    assert!(italian.contains("`OS1` (obiettivo specifico)"), "{italian}");
    assert!(italian.contains("`032.004` (programma)"), "{italian}");
}
