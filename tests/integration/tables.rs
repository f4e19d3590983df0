//! Tables that fit: `score` and `list` at 80, 100 and 120 columns, in both languages (Italian
//! words are longer), never wider than asked, never wider at a smaller width; `--columns` on
//! `score`.

use crate::support::run;

const SEED: &str = "plans/maremma-tirreno-2019.toml";

/// The display width of `line`: what a terminal gives it (an accented letter is one column).
fn width(line: &str) -> usize {
    cruscotto::render::table::text_width(line)
}

/// The widest line of `text`.
fn widest(text: &str) -> usize {
    text.lines().map(width).max().unwrap_or(0)
}

fn score(args: &[&str]) -> crate::support::Run {
    let mut all = vec!["score", SEED, "--actuals", "examples/actuals-2016-2018.csv", "--actuals"];
    all.push("examples/actuals-2019.csv");
    all.extend_from_slice(args);
    run(&all)
}

#[test]
fn score_and_list_fit_80_100_and_120_columns_in_both_languages() {
    for lang in ["it", "en"] {
        let mut previous = (0, 0);
        for columns in ["80", "100", "120"] {
            let limit: usize = columns.parse().unwrap();
            let table = score(&["--width", columns, "--lang", lang]);
            assert_eq!(table.code, 0, "{}", table.transcript());
            let list = run(&["list", SEED, "--width", columns, "--lang", lang]);
            assert_eq!(list.code, 0, "{}", list.transcript());
            for (what, output) in [("score", &table.stdout), ("list", &list.stdout)] {
                for line in output.lines() {
                    assert!(
                        width(line) <= limit,
                        "{what} --width {limit} --lang {lang}: {} wide:\n{line}",
                        width(line)
                    );
                }
            }
            // A larger width never gives a narrower table.
            let widths = (widest(&table.stdout), widest(&list.stdout));
            assert!(widths.0 >= previous.0 && widths.1 >= previous.1, "{lang} {columns}: {widths:?} < {previous:?}");
            previous = widths;
            insta::assert_snapshot!(format!("score_seed_width_{columns}_{lang}"), table.stdout);
            insta::assert_snapshot!(format!("list_seed_width_{columns}_{lang}"), list.stdout);
        }
    }
}

#[test]
fn the_level_and_the_rules_fit_too() {
    for columns in ["80", "100"] {
        let result = score(&["--width", columns, "--level", "all", "--explain"]);
        assert_eq!(result.code, 0, "{}", result.transcript());
        let limit: usize = columns.parse().unwrap();
        assert!(widest(&result.stdout) <= limit, "{}", result.stdout);
    }
}

#[test]
fn a_narrow_table_names_the_columns_it_leaves_out_and_wraps_words_whole() {
    let italian = score(&["--width", "80"]).stdout;
    // The level (told by the id) leaves the summary; target, weight and note the indicators.
    assert!(italian.contains("colonna non mostrata a questa larghezza: livello"), "{italian}");
    assert!(italian.contains("colonne non mostrate a questa larghezza: target, peso, note"), "{italian}");
    // The attainment header is abbreviated rather than wrapped.
    assert!(italian.contains("┆ ragg. % ┆"), "{italian}");
    // Words wrap at spaces: no Italian word is split in two.
    assert!(italian.contains("internazionalizzazione"), "{italian}");
    assert!(!italian.contains("internazionalizzazi\n"), "{italian}");
}

#[test]
fn score_takes_columns_as_list_does() {
    let chosen = score(&["--columns", "id,attainment,status", "--width", "80", "--lang", "en"]);
    assert_eq!(chosen.code, 0, "{}", chosen.transcript());
    let headers: Vec<&str> = chosen.stdout.lines().filter(|l| l.starts_with("│ id ")).collect();
    assert_eq!(headers.len(), 2, "{}", chosen.stdout);
    assert_eq!(headers[0], "│ id  ┆ attainment % │");
    assert!(headers[1].starts_with("│ id      ┆ attainment % ┆ status"), "{}", chosen.stdout);
    assert!(!chosen.stdout.contains("not shown"), "{}", chosen.stdout);
    // Columns asked for are never left out: they wrap instead.
    let all = "level,id,name,attainment,coverage,operational,target,actual,status,weight,note";
    let every = score(&["--columns", all, "--width", "80", "--lang", "en", "--level", "indicator"]);
    assert_eq!(every.code, 0, "{}", every.transcript());
    assert!(every.stdout.contains("┆ weight ┆"), "{}", every.stdout);
    assert!(widest(&every.stdout) <= 80, "{}", every.stdout);
    // A column asked for twice shows the same cells twice.
    let twice = score(&["--columns", "id,note,id,attainment,note", "--width", "300", "--lang", "en"]);
    assert_eq!(twice.code, 0, "{}", twice.transcript());
    let rows: Vec<Vec<&str>> = twice
        .stdout
        .lines()
        .filter(|l| l.starts_with('│'))
        .map(|l| l.trim_matches('│').split('┆').map(str::trim).collect())
        .filter(|cells: &Vec<&str>| cells.len() == 5)
        .collect();
    assert!(rows.iter().filter(|cells| !cells[0].is_empty() && !cells[1].is_empty()).count() > 5, "{}", twice.stdout);
    assert!(rows.iter().all(|cells| cells[0] == cells[2] && cells[1] == cells[4]), "{}", twice.stdout);
    let unknown = score(&["--columns", "id,attainment %"]);
    assert_eq!(unknown.code, 2, "{}", unknown.transcript());
    assert!(unknown.stderr.contains("unknown column `attainment %`"), "{}", unknown.stderr);
    assert!(
        unknown.stderr.contains("level, id, name, attainment, coverage, operational, band, target"),
        "{}",
        unknown.stderr
    );
}
