//! The deliverables' language: what a user hands on follows the plan's `lang` (Italian when
//! absent) whatever the shell's language, `--lang` overrides it for one run, and no English word
//! of the tool is left in the Italian outputs. Machine formats stay English in either language.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};

use crate::support::{Run, root};

const SEED: &str = "plans/maremma-tirreno-2019.toml";
const EARLIER: &str = "examples/actuals-2016-2018.csv";
const ACTUALS: &str = "examples/actuals-2019.csv";

/// The English words and field names the tool writes in its English outputs and machine
/// formats (statuses, levels, column names): none may be left in an Italian output.
const ENGLISH: &[&str] = &[
    "met",
    "partial",
    "missed",
    "baseline",
    "removed",
    "no-target",
    "missing",
    "not-measurable",
    "neutralised",
    "reassessed",
    "indicator_level",
    "attainment",
    "coverage",
    "operational_attainment",
    "computed_status",
    "computed_attainment",
    "override",
    "override_reason",
    "override_decided_by",
    "override_act",
    "decided_by",
    "deviation",
    "reference",
    "actual",
    "reason",
    "weight",
    "status",
    "unit",
    "polarity",
    "cross_cutting",
    "cross-cutting",
    "strategic",
    "operational",
    "scored",
    "expected",
    "numerator",
    "denominator",
    "benchmark",
    "source",
    "value",
    "year",
    "inserted",
    "updated",
    "changed",
    "added",
    "deleted",
    "indicator",
    "indicators",
    "mission",
    "program",
    "percent",
    "days",
    "yes",
    // The words of plans of other shapes.
    "part",
    "parts",
    "band",
    "bands",
    "not-applicable",
    "perspective",
    "perspectives",
    "definition",
    "measured",
    "measure",
    "measures",
    "bound",
    "actual_bound",
    "data_source",
    "responsible",
    "resources",
    "links",
    "conditions",
    "period",
];

/// `cruscotto --color never ARGS` in `dir`, in a shell that speaks English: the interface is
/// English, and nothing but the plan and `--lang` decides the deliverables' language.
fn run_in_english_shell(dir: &Path, args: &[&str]) -> Run {
    let output = assert_cmd::Command::cargo_bin("cruscotto")
        .expect("the binary is built for integration tests")
        .current_dir(dir)
        .env_remove("CRUSCOTTO_PLAN")
        .env_remove("COLUMNS")
        .env("NO_COLOR", "1")
        .env("CRUSCOTTO_LANG", "en")
        .env("LC_ALL", "en_US.UTF-8")
        .env("LANG", "en_US.UTF-8")
        .args(["--color", "never"])
        .args(args)
        .output()
        .expect("the binary runs");
    output.into()
}

fn run(args: &[&str]) -> Run {
    let result = run_in_english_shell(root(), args);
    assert_eq!(result.code, 0, "{args:?}: {}", result.transcript());
    result
}

fn score(extra: &[&str]) -> String {
    run(&[&["score", SEED, "--actuals", EARLIER, "--actuals", ACTUALS][..], extra].concat()).stdout
}

/// The English words of `ENGLISH` that `text` holds, as words (letters, digits, `_` and `-`).
/// A word cut with `…` is the start of a longer one (a name cut to fit): not a word.
fn english_words(text: &str) -> Vec<String> {
    let is_word = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    let mut found: Vec<String> = text
        .split_inclusive(|c: char| !is_word(c))
        .filter(|piece| !piece.ends_with('…'))
        .map(|piece| piece.trim_end_matches(|c: char| !is_word(c)).trim_matches('-').to_lowercase())
        .filter(|word| ENGLISH.contains(&word.as_str()))
        .collect();
    found.sort();
    found.dedup();
    found
}

/// Fails with every output of `outputs` that holds an English word, and the words.
fn assert_italian(outputs: &[(String, String)]) {
    let english: Vec<(String, Vec<String>)> = outputs
        .iter()
        .map(|(name, text)| (name.clone(), english_words(text)))
        .filter(|(_, words)| !words.is_empty())
        .collect();
    assert!(english.is_empty(), "English words in Italian outputs: {english:#?}");
}

/// Every text cell of every sheet of a workbook, a line each.
fn workbook_texts(bytes: Vec<u8>) -> String {
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let mut out = workbook.sheet_names().join("\n");
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name).unwrap();
        for (_, _, cell) in range.used_cells() {
            if let Data::String(text) = cell {
                out.push('\n');
                out.push_str(text);
            }
        }
    }
    out
}

/// The text a reader sees on an HTML page: no markup, style or attributes, entities decoded.
/// The command that reproduces the figures is a command, not prose: left out.
fn visible_text(html: &str) -> String {
    let without_style = html.split("<style>").map(|part| part.split_once("</style>").map_or(part, |(_, rest)| rest));
    let mut text = String::new();
    for part in without_style {
        let mut inside = false;
        for c in part.chars() {
            match c {
                '<' => inside = true,
                '>' => {
                    inside = false;
                    text.push('\n');
                }
                _ if !inside => text.push(c),
                _ => {}
            }
        }
    }
    let text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'");
    text.lines().filter(|line| !line.trim_start().starts_with("cruscotto score ")).collect::<Vec<_>>().join("\n")
}

#[test]
fn an_italian_plan_speaks_italian_in_an_english_shell_and_every_output_has_its_words() {
    let dir = tempfile::tempdir().unwrap();
    // Inputs named from the repository (their names are written in the outputs), outputs into a
    // temporary folder.
    let out = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();
    let mut outputs: Vec<(String, String)> = vec![
        ("score table".into(), score(&["--width", "200"])),
        ("score --explain --level all".into(), score(&["--explain", "--level", "all", "--width", "200"])),
        ("score --format markdown --level all".into(), score(&["--format", "markdown", "--level", "all"])),
        ("score 2018".into(), score(&["--year", "2018", "--level", "indicator", "--width", "200"])),
        ("tree".into(), run(&["tree", SEED]).stdout),
        ("list".into(), run(&["list", SEED, "--width", "200"]).stdout),
        ("history".into(), run(&["history", SEED]).stdout),
        ("history --format markdown".into(), run(&["history", SEED, "--format", "markdown"]).stdout),
        ("show --as-of".into(), run(&["show", SEED, "--as-of", "2018-12-31"]).stdout),
        ("template".into(), run(&["template", SEED]).stdout),
    ];
    // Every column of the list, every year's template.
    let all_columns = "id,level,mission,strategic_objective,program,operational_objective,name,unit,polarity,weight,\
                       area,services,cross_cutting,status";
    outputs.push(("list --columns".into(), run(&["list", SEED, "--columns", all_columns, "--width", "250"]).stdout));
    outputs.push(("template 2018".into(), run(&["template", SEED, "--year", "2018"]).stdout));

    // The diff of the plan as it stood at the end of 2018 with the plan, without the lines that
    // name the two files: the acceptances it adds carry reasons the plan's authors wrote (in
    // English, in the seed): left out too.
    run(&["show", SEED, "--as-of", "2018-12-31", "--format", "toml", "-o", &out("then.toml")]);
    for format in ["text", "markdown"] {
        let diff =
            run_in_english_shell(root(), &["diff", &out("then.toml"), SEED, "--format", format, "--require-acts"]);
        assert_eq!(diff.code, 0, "{}", diff.transcript());
        let ours: Vec<&str> = diff
            .stdout
            .lines()
            .filter(|line| !line.contains("segnalazioni accettate") && !line.contains("then.toml"))
            .collect();
        outputs.push((format!("diff --format {format}"), ours.join("\n")));
    }

    let inputs = ["--actuals", EARLIER, "--actuals", ACTUALS];
    run(&[&["export", SEED][..], &inputs, &["-o", &out("risultati.xlsx")]].concat());
    outputs.push(("export workbook".into(), workbook_texts(std::fs::read(out("risultati.xlsx")).unwrap())));
    run(&[&["export", SEED][..], &inputs, &["--format", "csv", "-o", &out("risultati")]].concat());
    for file in std::fs::read_dir(out("risultati")).unwrap() {
        let file = file.unwrap();
        let text = std::fs::read_to_string(file.path()).unwrap();
        outputs.push((format!("export {}", file.file_name().to_string_lossy()), text));
    }
    run(&["template", SEED, "--by-service", "-o", &out("raccolta.xlsx")]);
    outputs.push(("template workbook".into(), workbook_texts(std::fs::read(out("raccolta.xlsx")).unwrap())));
    run(&[&["report", SEED][..], &inputs, &["-o", &out("relazione.html")]].concat());
    let html = std::fs::read_to_string(out("relazione.html")).unwrap();
    assert!(html.contains("<html lang=\"it\">"));
    outputs.push(("report".into(), visible_text(&html)));

    // The scan finds what it looks for: the same outputs in English hold the words.
    let english = score(&["--lang", "en", "--width", "200"]);
    assert!(english_words(&english).contains(&"met".to_owned()), "{english}");
    assert!(!english_words(&visible_text(&html.replace("raggiunto", "met"))).is_empty());
    assert_italian(&outputs);
}

/// The examples of other shapes (no missions, the plan's names of the levels, parts, measures,
/// bands, perspectives, bounds, `n.a.`, definitions, fields) are Italian plans: every output
/// of theirs for people speaks Italian too, the new words included.
#[test]
fn the_examples_of_other_shapes_speak_italian_in_every_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();
    let mut outputs: Vec<(String, String)> = Vec::new();
    for (plan, actuals) in crate::shapes::EXAMPLES {
        let score = |extra: &[&str]| run(&[&["score", plan, "--actuals", actuals][..], extra].concat()).stdout;
        outputs.push((format!("{plan}: score"), score(&["--explain", "--level", "all", "--width", "250"])));
        outputs.push((format!("{plan}: score markdown"), score(&["--format", "markdown", "--level", "all"])));
        outputs.push((format!("{plan}: tree"), run(&["tree", plan]).stdout));
        let columns = crate::support::run(&["list", plan, "--format", "csv"]).stdout;
        let columns = columns.lines().next().unwrap_or_default().to_owned();
        outputs.push((format!("{plan}: list"), run(&["list", plan, "--columns", &columns, "--width", "400"]).stdout));
        outputs.push((format!("{plan}: template"), run(&["template", plan]).stdout));
        let name = plan.trim_start_matches("examples/").trim_end_matches(".toml");
        run(&["export", plan, "--actuals", actuals, "-o", &out(&format!("{name}.xlsx"))]);
        let workbook = workbook_texts(std::fs::read(out(&format!("{name}.xlsx"))).unwrap());
        outputs.push((format!("{plan}: export workbook"), workbook));
        run(&["report", plan, "--actuals", actuals, "-o", &out(&format!("{name}.html"))]);
        let html = std::fs::read_to_string(out(&format!("{name}.html"))).unwrap();
        outputs.push((format!("{plan}: report"), visible_text(&html)));
    }
    // The plans' own words: "software open source".
    let outputs: Vec<(String, String)> =
        outputs.into_iter().map(|(name, text)| (name, text.replace("open source", "open-source"))).collect();
    assert_italian(&outputs);
}

#[test]
fn the_plan_says_which_language_and_lang_overrides_it_for_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let english_plan =
        std::fs::read_to_string(root().join(SEED)).unwrap().replacen("[plan]\n", "[plan]\nlang = \"en\"\n", 1);
    std::fs::write(dir.path().join("plan.toml"), english_plan).unwrap();
    let tree = |extra: &[&str]| run_in_english_shell(dir.path(), &[&["tree", "plan.toml"][..], extra].concat()).stdout;
    assert!(tree(&[]).contains(" · plan year 2019 · horizon 2016–2020\n4 missions · "), "{}", tree(&[]));
    assert!(tree(&["--lang", "it"]).contains(" · anno del piano 2019 · orizzonte 2016–2020\n4 missioni · "));
    // The interface's language does not change the deliverables'.
    let italian_shell = assert_cmd::Command::cargo_bin("cruscotto")
        .unwrap()
        .current_dir(dir.path())
        .env("CRUSCOTTO_LANG", "it")
        .env("LANG", "it_IT.UTF-8")
        .args(["tree", "plan.toml"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&italian_shell.stdout).contains(" · plan year 2019 · "));
}

#[test]
fn machine_formats_are_the_same_in_either_language() {
    for args in [
        &["score", SEED, "--actuals", EARLIER, "--actuals", ACTUALS, "--format", "csv", "--level", "all"][..],
        &["score", SEED, "--actuals", EARLIER, "--actuals", ACTUALS, "--format", "json", "--level", "all"],
        &["list", SEED, "--format", "csv"],
        &["list", SEED, "--format", "json"],
        &["history", SEED, "--format", "json"],
    ] {
        let italian = run(&[args, &["--lang", "it"]].concat());
        let english = run(&[args, &["--lang", "en"]].concat());
        assert_eq!(italian.stdout, english.stdout, "{args:?}");
        assert!(english_words(&italian.stdout).len() > 3, "{args:?}: machine keys and values are English");
    }
}

/// Every catalogue file is loaded: each message id written in a file of `src/i18n/<lang>/` is
/// one of the catalogue's.
#[test]
fn every_catalogue_file_is_loaded() {
    for lang in cruscotto::i18n::Lang::ALL {
        let ids: Vec<String> = cruscotto::i18n::catalogue_ids(lang).into_iter().map(|(id, _)| id).collect();
        let folder = root().join("src/i18n").join(lang.code());
        for file in std::fs::read_dir(&folder).unwrap() {
            let path = file.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            for line in text.lines() {
                let Some((id, _)) = line.split_once(" =") else { continue };
                if !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
                    assert!(ids.contains(&id.to_owned()), "{}: `{id}` is not loaded", path.display());
                }
            }
        }
    }
}

/// The rows of the first sheet of a workbook, cells separated by ` | `.
fn first_sheet_rows(bytes: Vec<u8>) -> String {
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let name = workbook.sheet_names()[0].clone();
    let range = workbook.worksheet_range(&name).unwrap();
    let rows: Vec<String> =
        range.rows().map(|row| row.iter().map(ToString::to_string).collect::<Vec<_>>().join(" | ")).collect();
    format!("[{name}]\n{}\n", rows.join("\n"))
}

/// The words of the report that depend on its language, from its data: the fixed labels, the
/// legend, the rules, the cover, the revisions, and the unscored or deviating indicators with
/// their explanations and numbers.
fn report_words(data: &serde_json::Value) -> String {
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&text);
        out.push('\n');
    };
    for (key, label) in data["labels"].as_object().unwrap() {
        line(format!("labels.{key}: {}", label.as_str().unwrap()));
    }
    let document = &data["document"];
    line(format!("title: {}", document["title"]));
    line(format!("adopted by: {}", document["adopted_by"]));
    line(format!("acts in force: {}", document["acts_in_force"]));
    for status in data["statuses"].as_array().unwrap() {
        line(format!("legend: {} — {}", status["status"]["label"], status["meaning"]));
    }
    for sentence in data["rules"]["sentences"].as_array().unwrap() {
        line(format!("rule: {sentence}"));
    }
    let body = &data["summary"]["body"];
    line(format!("body: {} {} {}", body["attainment"]["text"], body["grade"]["label"], body["coverage"]));
    line(format!("chart: {}", data["summary"]["status_chart"]["alt"]));
    for act in data["revisions"].as_array().unwrap() {
        let changes: Vec<String> = act["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| format!("{} {}", e["id"], e["change"]["label"]))
            .collect();
        line(format!("act: {} {} {}", act["label"], act["flags"], changes.join(", ")));
    }
    for indicator in data["deviations"]["indicators"].as_array().unwrap() {
        line(format!(
            "deviation: {} {} | actual {} | attainment {} | {}",
            indicator["id"],
            indicator["status"]["label"],
            indicator["actual"]["text"],
            indicator["attainment"]["text"],
            indicator["explanation"]
        ));
    }
    out
}

/// Every output for people of the seed plan, in both languages, beside the snapshots of the
/// commands' own tests (score, tree, list, history, diff): `show`, the templates, the export and
/// the report's words.
#[test]
fn every_human_output_of_the_seed_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let out = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();
    let inputs = ["--actuals", EARLIER, "--actuals", ACTUALS];
    for lang in ["it", "en"] {
        let lang_args = ["--lang", lang];
        let with = |args: &[&str]| run(&[args, &lang_args].concat()).stdout;
        insta::assert_snapshot!(format!("show_as_of_2018_{lang}"), with(&["show", SEED, "--as-of", "2018-12-31"]));
        insta::assert_snapshot!(format!("template_csv_{lang}"), with(&["template", SEED]));
        with(&["template", SEED, "-o", &out(&format!("t-{lang}.xlsx"))]);
        insta::assert_snapshot!(
            format!("template_xlsx_{lang}"),
            first_sheet_rows(std::fs::read(out(&format!("t-{lang}.xlsx"))).unwrap())
        );
        let folder = out(&format!("export-{lang}"));
        with(&[&["export", SEED][..], &inputs, &["--format", "csv", "-o", &folder]].concat());
        let mut files: Vec<std::path::PathBuf> =
            std::fs::read_dir(&folder).unwrap().map(|f| f.unwrap().path()).collect();
        files.sort();
        let mut export = String::new();
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            // The commit and the state of the checkout change with every commit.
            let text: Vec<&str> = text.lines().filter(|l| !l.contains("git") && !l.contains("repository")).collect();
            export.push_str(&format!("=== {}\n{}\n", file.file_name().unwrap().to_string_lossy(), text.join("\n")));
        }
        insta::assert_snapshot!(format!("export_csv_{lang}"), export);
        let data: serde_json::Value =
            serde_json::from_str(&with(&[&["report", SEED][..], &inputs, &["--format", "json"]].concat())).unwrap();
        assert_eq!(data["language"], lang);
        insta::assert_snapshot!(format!("report_words_{lang}"), report_words(&data));
    }
}
