//! `cruscotto import`: the seed annex imported and compared with the plan transcribed by hand,
//! workbooks (xlsx built with rust_xlsxwriter, ods built as a zip here), the command line, bad
//! inputs and a large input.

use std::collections::BTreeMap;
use std::path::PathBuf;

use cruscotto::diagnostic::{Code, Severity};
use cruscotto::import::{Imported, Options, import};
use cruscotto::plan::{NodeIndex, NodeKind, Plan};
use cruscotto::source::SourceFile;

use crate::support::{root, run, run_in};

/// The seed as the shared folder holds it; the identical copy under `tests/` otherwise.
fn seed_path() -> PathBuf {
    let shared = root().join("../shared/seeds/000_19743dcdfce80009.txt");
    if shared.is_file() { shared } else { root().join("tests/fixtures/seed/maremma-tirreno-2019-annex.txt") }
}

const BODY: &str = "Camera di Commercio della Maremma e del Tirreno";

/// The copy of the seed kept in the repository, relative to its root.
const SEED_COPY: &str = "tests/fixtures/seed/maremma-tirreno-2019-annex.txt";

fn import_seed() -> Imported {
    let bytes = std::fs::read(seed_path()).expect("the seed is readable");
    import("seed.txt", bytes, &Options { body: Some(BODY.to_owned()), ..Options::default() })
}

fn load(name: &str, text: &str) -> Plan {
    let checked = cruscotto::check_plan(&SourceFile::new(name, text));
    let errors: Vec<_> = checked.diagnostics.iter().filter(|d| d.severity == Severity::Error).collect();
    assert!(errors.is_empty(), "{name} has errors: {errors:#?}");
    checked.plan.expect("no errors")
}

#[test]
fn the_copy_of_the_seed_under_tests_is_the_seed() {
    let shared = root().join("../shared/seeds/000_19743dcdfce80009.txt");
    if shared.is_file() {
        let copy = std::fs::read(root().join("tests/fixtures/seed/maremma-tirreno-2019-annex.txt")).unwrap();
        assert_eq!(std::fs::read(shared).unwrap(), copy);
    }
}

#[test]
fn the_seed_imports_with_the_counts_of_the_annex() {
    let imported = import_seed();
    let counts = imported.counts;
    assert_eq!(counts.missions, 4);
    assert_eq!(counts.strategic_objectives, 14);
    assert_eq!(counts.strategic_indicators, 52);
    assert_eq!(counts.operational_indicators, 76);
    assert_eq!((counts.programs, counts.operational_objectives, counts.revisions), (36, 58, 25));
    let plan = load("imported.toml", imported.plan.as_deref().expect("a plan"));
    let plan_counts = plan.counts();
    assert_eq!(plan_counts.strategic_indicators.0, 52);
    assert_eq!(plan_counts.operational_indicators.0, 76);
}

/// Every finding of the import on the seed, by code and line: each is a real oddity of the
/// annex (see docs/import.md).
#[test]
fn the_seed_import_reports_what_it_had_to_interpret() {
    let imported = import_seed();
    let found: Vec<(&str, usize)> =
        imported.diagnostics.iter().map(|d| (d.code.as_str(), d.location.as_ref().map_or(0, |l| l.line))).collect();
    assert_eq!(
        found,
        [
            ("import-name-variant", 91),       // 011_Compattività (a typo of Competitività)
            ("import-merged-indicators", 103), // `>1 90%`: two indicators in one row
            ("import-unplaced-content", 115),  // program "Area di crisi": services and area, no indicator
            ("import-unplaced-content", 118),  // program "Analisi socio economiche...": the same
            ("import-name-variant", 120),      // objective 5 named with "Sviluppo e Promozione del Turismo"
            ("import-unplaced-content", 135),  // three programs of objective 7 without indicators
            ("import-unplaced-content", 136),
            ("import-unplaced-content", 137),
            ("import-name-variant", 141), // 032_... "delle PA" (the dashboard: "della PA")
            ("import-name-variant", 147), // "Regolazione del Mercato" for "Regolazione Mercato"
            ("import-name-variant", 150), // "Servizio GG.RR.FF.PP." for "Servizio G.RR.FF.PP"
            ("import-shifted-row", 152),  // target in the services column...
            ("import-shifted-row", 153),
            ("import-shifted-row", 154),
            ("import-shifted-row", 155),
            ("import-shifted-row", 156),  // ...or the whole row shifted left
            ("import-name-variant", 166), // area "1" for "I"
            ("import-name-variant", 167),
            ("import-shifted-row", 179),
            ("import-shifted-row", 180),
        ]
    );
    assert!(imported.diagnostics.iter().all(|d| d.severity == Severity::Warning));
}

#[test]
fn the_imported_seed_is_laid_out_like_a_plan_written_by_hand() {
    let imported = import_seed();
    let text = imported.plan.unwrap();
    // Its comments in the plan's language: Italian, since it states none.
    assert!(
        text.starts_with("# Importato con `cruscotto import` da seed.txt (testo separato da tabulazioni).\n"),
        "{text}"
    );
    for expected in [
        "# - anno 2019 (`year`): l'anno di 20 delle 20 scadenze dei target operativi;",
        "# - orizzonte 2016-2020 (`horizon`): le colonne degli anni del cruscotto;",
        "# - atto di adozione (`adopted-by`): riga 4, \"All.2.1 D GC 81 25.07.2019\";",
        "[plan]\nbody = \"Camera di Commercio della Maremma e del Tirreno\"\ntitle = \"Cruscotto strategico 2019 e Piano operativo 2019\"\nyear = 2019\nhorizon = [2016, 2020]\nadopted-by = { body = \"Giunta\", number = \"81\", date = 2019-07-25 }\n",
        "[[indicator]] # riga 13\nid = \"S1.1\"\nobjective = \"S1\"\n",
        "[[indicator.revision]]\nchange = \"removed\"\nyear = 2018\nnote = \"Eliminato in sede di rolling annuale 2018\"\n",
        "[[indicator.revision]]\nchange = \"updated\"\nact = { body = \"Giunta\", date = 2019-07-25 }\nnote = \"Modifica azioni Project Del.GC 25/07/2019\"\n",
        "# Riga 152 è spostata nella fonte: il target \"31/12/2019\" è nella colonna F (Servizi interni\n",
        "# La nota di revisione (riga 69) sta da sola sulla sua riga: è attribuita all'obiettivo che la\n# precede.\n",
        "name = \"Incremento rilascio SPID, cassetto digitale (n. anno x/n. anno x-1)\"\npolarity = \"increase\"\ntarget = \">1\"\n",
        "name = \"Utilizzo risorse Bando voucher contributi Impresa 4.0 - Anno 2019\"\nunit = \"percent\"\ntarget = \"90%\"\n",
    ] {
        assert!(text.contains(expected), "the plan lacks:\n{expected}");
    }
    // Deterministic: the same bytes give the same text.
    assert_eq!(import_seed().plan.unwrap(), text);
}

/// The differences between the imported seed and the plan transcribed by hand, node by node in
/// tree order (matched by position, not by id): level, id, name, status, revisions (change,
/// act, year, note), the strategic objectives' perspective, and each indicator's targets year
/// by year in canonical form, services (by name), areas and cross-cutting flag; then the
/// metadata, the counts per level and the registries. Notes and comments are not compared:
/// their wording is the transcriber's.
fn differences(hand: &Plan, imported: &Plan) -> Vec<String> {
    let mut out = Vec::new();
    let (a, b) = (&hand.metadata, &imported.metadata);
    let metadata = [
        ("body", a.body.clone(), b.body.clone()),
        ("title", a.title.clone(), b.title.clone()),
        ("year", a.year.to_string(), b.year.to_string()),
        ("horizon", format!("{}-{}", a.first_year, a.last_year), format!("{}-{}", b.first_year, b.last_year)),
        ("adopted-by", format!("{:?}", a.adopted_by), format!("{:?}", b.adopted_by)),
    ];
    for (key, x, y) in metadata {
        if x != y {
            out.push(format!("plan {key}: {x:?} by hand, {y:?} imported"));
        }
    }
    if hand.counts() != imported.counts() {
        out.push(format!("counts: {:?} by hand, {:?} imported", hand.counts(), imported.counts()));
    }
    compare_children(hand, imported, &hand.roots, &imported.roots, "the plan", &mut out);
    let names = |plan: &Plan| plan.services.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
    let (hand_services, imported_services) = (names(hand), names(imported));
    for name in &hand_services {
        if !imported_services.iter().any(|n| key(n) == key(name)) {
            out.push(format!("service {name:?}: by hand only"));
        } else if !imported_services.contains(name) {
            out.push(format!("service {name:?}: spelt otherwise when imported"));
        }
    }
    for name in &imported_services {
        if !hand_services.iter().any(|n| key(n) == key(name)) {
            out.push(format!("service {name:?}: imported only"));
        }
    }
    let areas = |plan: &Plan| plan.areas.iter().map(|a| (a.id.clone(), a.name.clone())).collect::<BTreeMap<_, _>>();
    let (hand_areas, imported_areas) = (areas(hand), areas(imported));
    if hand_areas.keys().ne(imported_areas.keys()) {
        out.push(format!("area ids: {:?} by hand, {:?} imported", hand_areas.keys(), imported_areas.keys()));
    }
    for (id, name) in &hand_areas {
        if imported_areas.get(id).is_some_and(|n| n != name) {
            out.push(format!("area {id} name: {name:?} by hand, {:?} imported", imported_areas[id]));
        }
    }
    let perspectives = |plan: &Plan| plan.perspectives.iter().map(|p| key(&p.name)).collect::<Vec<_>>();
    if perspectives(hand) != perspectives(imported) {
        out.push("perspectives differ".to_owned());
    }
    out
}

/// Lower-case letters and digits only: `Imprese, territorio e consumatori` and `Imprese
/// Territorio e Consumatori`, or `Servizio G.RR.FF.PP.` and `Servizio G.RR.FF.PP`, are the same.
fn key(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

fn compare_children(
    hand: &Plan,
    imported: &Plan,
    a: &[NodeIndex],
    b: &[NodeIndex],
    parent: &str,
    out: &mut Vec<String>,
) {
    if a.len() != b.len() {
        out.push(format!("{parent}: {} children by hand, {} imported", a.len(), b.len()));
    }
    for (&x, &y) in a.iter().zip(b) {
        compare_nodes(hand, imported, x, y, out);
    }
}

fn compare_nodes(hand: &Plan, imported: &Plan, x: NodeIndex, y: NodeIndex, out: &mut Vec<String>) {
    let (a, b) = (hand.node(x), imported.node(y));
    let id = &a.id;
    if a.level() != b.level() {
        out.push(format!("{id}: a {} by hand, a {} imported", a.level().label(), b.level().label()));
        return;
    }
    if a.id != b.id {
        out.push(format!("{id}: id {:?} imported", b.id));
    }
    if a.name != b.name {
        out.push(format!("{id} name: {:?} by hand, {:?} imported", a.name, b.name));
    }
    if a.status != b.status {
        out.push(format!("{id} status: {} by hand, {} imported", a.status.as_str(), b.status.as_str()));
    }
    let revisions = |node: &cruscotto::plan::Node| {
        node.revisions().iter().map(|r| (r.change, r.act.clone(), r.year, r.note.clone())).collect::<Vec<_>>()
    };
    if revisions(a) != revisions(b) {
        out.push(format!("{id} revisions: {:?} by hand, {:?} imported", revisions(a), revisions(b)));
    }
    let p = a.perspective.map(|i| key(&hand.perspectives[i].name));
    let q = b.perspective.map(|i| key(&imported.perspectives[i].name));
    if p != q {
        out.push(format!("{id} perspective: {p:?} by hand, {q:?} imported"));
    }
    if let (NodeKind::Indicator(i), NodeKind::Indicator(j)) = (&a.kind, &b.kind) {
        let targets = |ind: &cruscotto::plan::Indicator| {
            ind.targets.iter().map(|(year, t)| (*year, t.to_string())).collect::<BTreeMap<_, _>>()
        };
        if targets(i) != targets(j) {
            out.push(format!("{id} targets: {:?} by hand, {:?} imported", targets(i), targets(j)));
        }
        let services = |plan: &Plan, ind: &cruscotto::plan::Indicator| {
            ind.services.iter().map(|&s| key(&plan.services[s].name)).collect::<Vec<_>>()
        };
        if services(hand, i) != services(imported, j) {
            out.push(format!("{id} services: {:?} by hand, {:?} imported", services(hand, i), services(imported, j)));
        }
        let areas = |plan: &Plan, ind: &cruscotto::plan::Indicator| {
            ind.areas.iter().map(|&a| plan.areas[a].id.clone()).collect::<Vec<_>>()
        };
        if areas(hand, i) != areas(imported, j) {
            out.push(format!("{id} areas: {:?} by hand, {:?} imported", areas(hand, i), areas(imported, j)));
        }
        if i.cross_cutting != j.cross_cutting {
            out.push(format!("{id} cross-cutting: {} by hand, {} imported", i.cross_cutting, j.cross_cutting));
        }
    }
    compare_children(hand, imported, &a.children, &b.children, id, out);
}

#[test]
fn the_imported_seed_differs_from_the_hand_made_plan_only_where_expected() {
    let hand_text = std::fs::read_to_string(root().join("plans/maremma-tirreno-2019.toml")).unwrap();
    let hand = load("plans/maremma-tirreno-2019.toml", &hand_text);
    let imported = load("imported.toml", &import_seed().plan.unwrap());
    let found = differences(&hand, &imported);
    let expected: Vec<String> = [
        // Typos corrected by hand (each with a `# seed: "..."` comment in the hand-made plan);
        // the import keeps the source's text.
        r#"S2.3 name: "n° di scuole coinvolte in iniziative di educazione all'autoimprenditorialità ed orientamento alle professioni (anno x)/n° di scuole coinvolte in iniziative di educazione all'autoimprenditorialità ed orientamento alle professioni (anno x-1)" by hand, "n° di scuole coinvolte in iniziative di educazione all'autoimpegnitorialità ed orientamento alle professioni (anno x)/n° di scuole coinvolte in iniziative di educazione all'autoimpegnitorialità ed orientamento alle professioni (anno x-1)" imported"#,
        r#"P5.3 name: "Coinvolgimento di vari attori del territorio per un progetto comune" by hand, "Co coinvolgimento di vari attori del territorio per un progetto comune" imported"#,
        r#"P6.1 name: "Coinvolgimento delle imprese nei mercati esteri" by hand, "Co coinvolgimento delle imprese nei mercati esteri" imported"#,
        r#"O7.2.1 name: "Organizzazione di tavoli scientifici per promuovere clausole compromissorie" by hand, "Organizzazione di tavoli scientifici per promuovere clause compromissorie" imported"#,
        r#"O10.5.1 name: "Introduzione di nuove metodologie di valutazione" by hand, "Introduzione di una nuove metodologie di valutazione" imported"#,
        r#"P13.1 name: "Attuazione del Piano di razionalizzazione degli immobili camerali" by hand, "Attuazione del Piano di razionalizzazione degli immobili camerati" imported"#,
        r#"O13.1 name: "Attuazione del Piano di razionalizzazione degli immobili camerali" by hand, "Attuazione del Piano di razionalizzazione degli immobili camerati" imported"#,
        // "AS" appears only in "Promozione/AS" on the row of program P3.4, which has no
        // indicator: the hand-made plan registers it, the import keeps the cell in P3.4's notes.
        r#"service "AS": by hand only"#,
        // The registry's spelling: the hand-made plan writes "Servizio G.RR.FF.PP." (neither of
        // the source's two spellings); the import keeps the one most rows use (5 of 6).
        r#"service "Servizio G.RR.FF.PP.": spelt otherwise when imported"#,
        // The source gives the areas' codes only; the hand-made plan names them.
        r#"area I name: "Area I" by hand, "I" imported"#,
        r#"area II name: "Area II" by hand, "II" imported"#,
        r#"area III name: "Area III" by hand, "III" imported"#,
        r#"area SG name: "Segreteria Generale" by hand, "SG" imported"#,
    ]
    .map(str::to_owned)
    .to_vec();
    assert_eq!(found, expected, "\nfound:\n{}", found.join("\n"));
}

// ── Workbooks ───────────────────────────────────────────────────────────────────────────────

/// A small workbook: the dashboard on one sheet (targets as percentages, a formula whose
/// cached value disagrees with its formula), the operational table on another (a merged
/// program cell, a date, a revision note), and a sheet of instructions.
fn small_xlsx() -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};
    let mut workbook = Workbook::new();
    let percent = Format::new().set_num_format("0%");
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let dashboard = workbook.add_worksheet().set_name("Cruscotto").unwrap();
    dashboard.write_string(0, 0, "Camera di Commercio di Prova").unwrap();
    dashboard.write_string(2, 0, "011_ Competitività delle imprese").unwrap();
    dashboard.write_string(3, 0, "1. Semplificazione amministrativa").unwrap();
    for (column, year) in (1..).zip([2019, 2020, 2021]) {
        dashboard.write_number(3, column, year).unwrap();
    }
    dashboard.write_string(4, 0, "Pratiche evase entro 5 giorni / pratiche ricevute").unwrap();
    dashboard.write_number_with_format(4, 1, 0.9, &percent).unwrap();
    dashboard.write_number_with_format(4, 2, 0.925, &percent).unwrap();
    dashboard.write_string(4, 3, ">= 95%").unwrap();
    dashboard.write_string(5, 0, "Tempo medio di lavorazione (giorni)").unwrap();
    dashboard.write_string(5, 1, "<= 40gg").unwrap();
    dashboard.write_string(5, 2, "<= 35gg").unwrap();
    // The cached result is what is read: formulas are never evaluated.
    dashboard.write_formula(5, 3, Formula::new("=20+10").set_result("25")).unwrap();

    let table = workbook.add_worksheet().set_name("Piano operativo").unwrap();
    let header = [
        "Obiettivi strategici",
        "Programmi di intervento",
        "Obiettivo operativo",
        "Indicatore",
        "Target",
        "Servizi interni coinvolti",
        "Area",
        "Note",
    ];
    for (column, heading) in (0..).zip(header) {
        table.write_string(0, column, heading).unwrap();
    }
    table.write_string(1, 0, "1. Semplificazione amministrativa").unwrap();
    table.merge_range(1, 1, 3, 1, "Digitalizzazione delle pratiche", &Format::new()).unwrap();
    table.write_string(1, 2, "Pratiche telematiche").unwrap();
    table.write_string(1, 3, "Pratiche evase entro 5 giorni").unwrap();
    table.write_number_with_format(1, 4, 1, &percent).unwrap();
    table.write_string(1, 5, "Servizi anagrafici").unwrap();
    table.write_string(1, 6, "II").unwrap();
    table.write_string(2, 3, "Attivazione dello sportello telematico").unwrap();
    table.write_datetime_with_format(2, 4, ExcelDateTime::from_ymd(2019, 12, 31).unwrap(), &date).unwrap();
    table.write_string(2, 5, "Servizi anagrafici").unwrap();
    table.write_string(2, 6, "II").unwrap();
    table.write_string(3, 2, "Formazione").unwrap();
    table.write_string(3, 3, "Corsi di formazione attivati").unwrap();
    table.write_string(3, 4, ">3").unwrap();
    table.write_string(3, 5, "Staff").unwrap();
    table.write_string(3, 6, "SG").unwrap();
    table
        .write_string(
            3,
            7,
            "Eliminato in sede di rolling annuale con deliberazione della Giunta n. 5 del 31 gennaio 2019",
        )
        .unwrap();

    let notes = workbook.add_worksheet().set_name("Istruzioni").unwrap();
    notes.write_string(0, 0, "Compilare una riga per indicatore").unwrap();
    workbook.save_to_buffer().unwrap()
}

#[test]
fn an_xlsx_workbook_is_read_sheet_by_sheet() {
    let imported = import("piano.xlsx", small_xlsx(), &Options::default());
    let text = imported.plan.as_deref().unwrap_or_else(|| panic!("{:#?}", imported.diagnostics));
    let counts = imported.counts;
    assert_eq!((counts.missions, counts.strategic_objectives, counts.strategic_indicators), (1, 1, 2));
    assert_eq!((counts.programs, counts.operational_objectives, counts.operational_indicators), (1, 2, 3));
    for expected in [
        "body = \"Camera di Commercio di Prova\"",
        "year = 2019\nhorizon = [2019, 2021]",
        "targets = { 2019 = \"90%\", 2020 = \"92,5%\", 2021 = \">= 95%\" }",
        "targets = { 2019 = \"<= 40gg\", 2020 = \"<= 35gg\", 2021 = \"25\" }",
        "[[indicator]] # foglio \"Piano operativo\", riga 3\nid = \"O1.1.2\"",
        "target = \"31/12/2019\"",
        "[[indicator]] # foglio \"Piano operativo\", riga 4\nid = \"O1.2.1\"\nobjective = \"O1.2\"\nname = \"Corsi di formazione attivati\"\nstatus = \"removed\"",
        "act = { body = \"Giunta\", number = \"5\", date = 2019-01-31 }",
    ] {
        assert!(text.contains(expected), "the plan lacks:\n{expected}\n\n{text}");
    }
    load("piano.toml", text);
    // The sheet of instructions is reported, with its name.
    let [warning] = imported.diagnostics.as_slice() else { panic!("{:#?}", imported.diagnostics) };
    assert_eq!(warning.code, Code::ImportUnplacedContent);
    let message = warning.message.to_string();
    assert!(message.starts_with("sheet \"Istruzioni\" has no strategic dashboard"), "{message}");
}

/// A zip archive with its entries stored (not compressed), as ods files may be.
fn stored_zip(entries: &[(&str, &str)]) -> Vec<u8> {
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &byte in bytes {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }
    let (mut zip, mut directory) = (Vec::new(), Vec::new());
    for (name, content) in entries {
        let (name, content) = (name.as_bytes(), content.as_bytes());
        let offset = zip.len() as u32;
        let fields = |out: &mut Vec<u8>| {
            // version needed, flags, method (stored), time, date, crc, sizes, name length, extra length
            for value in [20u16, 0, 0, 0, 0x21] {
                out.extend(value.to_le_bytes());
            }
            out.extend(crc32(content).to_le_bytes());
            out.extend((content.len() as u32).to_le_bytes());
            out.extend((content.len() as u32).to_le_bytes());
            out.extend((name.len() as u16).to_le_bytes());
            out.extend(0u16.to_le_bytes());
        };
        zip.extend(0x0403_4b50u32.to_le_bytes());
        fields(&mut zip);
        zip.extend(name);
        zip.extend(content);
        directory.extend(0x0201_4b50u32.to_le_bytes());
        directory.extend(20u16.to_le_bytes());
        fields(&mut directory);
        // comment length, disk, internal and external attributes, offset of the local header
        directory.extend([0u8; 10]);
        directory.extend(offset.to_le_bytes());
        directory.extend(name);
    }
    let start = zip.len() as u32;
    zip.extend(&directory);
    zip.extend(0x0605_4b50u32.to_le_bytes());
    zip.extend([0u8; 4]);
    zip.extend((entries.len() as u16).to_le_bytes());
    zip.extend((entries.len() as u16).to_le_bytes());
    zip.extend((directory.len() as u32).to_le_bytes());
    zip.extend(start.to_le_bytes());
    zip.extend([0u8; 2]);
    zip
}

/// A small ods: the operational table only, with a number, a date and a text target.
fn small_ods() -> Vec<u8> {
    let cell = |text: &str| {
        format!("<table:table-cell office:value-type=\"string\"><text:p>{text}</text:p></table:table-cell>")
    };
    let blank = "<table:table-cell/>";
    let row = |cells: Vec<String>| format!("<table:table-row>{}</table:table-row>", cells.concat());
    let rows = [
        row(vec![cell("Comune di Esempio")]),
        row(vec![cell("Piano operativo 2020")]),
        row(
            ["Obiettivi strategici", "Programmi di intervento", "Obiettivo operativo", "Indicatore", "Target", "Servizi interni coinvolti", "Area"]
                .map(cell)
                .to_vec(),
        ),
        row(vec![cell("012_Regolazione dei mercati")]),
        row(vec![
            cell("7. Tutela della legalità"),
            cell("Diffusione dell'arbitrato"),
            cell("Organizzazione eventi"),
            cell("Eventi per sottoscrizione convenzioni"),
            "<table:table-cell office:value-type=\"float\" office:value=\"3\"><text:p>3</text:p></table:table-cell>".to_owned(),
            cell("Legale"),
            cell("SG"),
        ]),
        row(vec![
            blank.to_owned(),
            blank.to_owned(),
            blank.to_owned(),
            cell("Stipula convenzione in ambito marittimo"),
            "<table:table-cell office:value-type=\"date\" office:date-value=\"2020-12-31\"><text:p>31/12/2020</text:p></table:table-cell>".to_owned(),
            cell("Legale"),
            cell("SG"),
        ]),
        row(vec![
            blank.to_owned(),
            blank.to_owned(),
            cell("Vigilanza"),
            cell("Percentuale di realizzazione del piano"),
            cell("&gt;=80%"),
            cell("Regolazione Mercato"),
            cell("III"),
        ]),
    ];
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
         <office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
         <office:body><office:spreadsheet><table:table table:name=\"Foglio1\">{}</table:table>\
         </office:spreadsheet></office:body></office:document-content>",
        rows.concat()
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
         <manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\
         <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
         <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\
         </manifest:manifest>";
    stored_zip(&[
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", manifest),
        ("content.xml", &content),
    ])
}

#[test]
fn an_ods_workbook_is_read() {
    let imported = import("piano.ods", small_ods(), &Options::default());
    let text = imported.plan.as_deref().unwrap_or_else(|| panic!("{:#?}", imported.diagnostics));
    assert!(imported.diagnostics.is_empty(), "{:#?}", imported.diagnostics);
    let counts = imported.counts;
    assert_eq!((counts.missions, counts.strategic_objectives, counts.programs), (1, 1, 1));
    assert_eq!((counts.operational_objectives, counts.operational_indicators), (2, 3));
    for expected in [
        "body = \"Comune di Esempio\"",
        "title = \"Piano operativo 2020\"",
        "year = 2020\nhorizon = [2020, 2020]",
        "target = \"3\"",
        "target = \"31/12/2020\"",
        "target = \">=80%\"",
        "[[indicator]] # riga 6\nid = \"O7.1.2\"",
    ] {
        assert!(text.contains(expected), "the plan lacks:\n{expected}\n\n{text}");
    }
    load("piano.toml", text);
}

// ── Bad inputs ──────────────────────────────────────────────────────────────────────────────

/// A compound file (the container of .xls and of encrypted .xlsx) holding only an
/// `EncryptedPackage` stream: what Excel writes for a workbook protected by a password.
fn encrypted_workbook() -> Vec<u8> {
    const FREE: u32 = 0xFFFF_FFFF;
    const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
    const FAT_SECTOR: u32 = 0xFFFF_FFFD;
    let mut file = vec![0u8; 512 * 3];
    let put16 = |file: &mut Vec<u8>, at: usize, value: u16| file[at..at + 2].copy_from_slice(&value.to_le_bytes());
    let put32 = |file: &mut Vec<u8>, at: usize, value: u32| file[at..at + 4].copy_from_slice(&value.to_le_bytes());
    file[..8].copy_from_slice(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    put16(&mut file, 24, 0x3E); // minor version
    put16(&mut file, 26, 3); // major version
    put16(&mut file, 28, 0xFFFE); // byte order
    put16(&mut file, 30, 9); // 512-byte sectors
    put16(&mut file, 32, 6); // 64-byte mini sectors
    put32(&mut file, 44, 1); // one FAT sector
    put32(&mut file, 48, 1); // the directory starts at sector 1
    put32(&mut file, 56, 4096); // mini stream cutoff
    put32(&mut file, 60, END_OF_CHAIN); // no mini FAT
    put32(&mut file, 68, END_OF_CHAIN); // no DIFAT sector
    put32(&mut file, 76, 0); // the FAT is sector 0
    for at in (80..512).step_by(4) {
        put32(&mut file, at, FREE);
    }
    // Sector 0, the FAT: itself, then the directory's one-sector chain.
    put32(&mut file, 512, FAT_SECTOR);
    put32(&mut file, 516, END_OF_CHAIN);
    for at in (520..1024).step_by(4) {
        put32(&mut file, at, FREE);
    }
    // Sector 1, the directory: the root, then the encrypted package.
    for (index, (name, kind, child)) in [("Root Entry", 5u8, 1u32), ("EncryptedPackage", 2, FREE)].iter().enumerate() {
        let at = 1024 + index * 128;
        let utf16: Vec<u16> = name.encode_utf16().chain([0]).collect();
        for (i, unit) in utf16.iter().enumerate() {
            put16(&mut file, at + i * 2, *unit);
        }
        put16(&mut file, at + 64, (utf16.len() * 2) as u16);
        file[at + 66] = *kind;
        put32(&mut file, at + 68, FREE);
        put32(&mut file, at + 72, FREE);
        put32(&mut file, at + 76, *child);
        put32(&mut file, at + 116, END_OF_CHAIN);
    }
    file
}

#[test]
fn a_workbook_protected_by_a_password_is_refused_clearly() {
    let imported = import("piano.xlsx", encrypted_workbook(), &Options::default());
    let [error] = imported.diagnostics.as_slice() else { panic!("{:#?}", imported.diagnostics) };
    assert_eq!(error.code, Code::UnreadableWorkbook);
    assert_eq!(error.message.to_string(), "`piano.xlsx` is protected by a password");
    assert!(imported.plan.is_none());
}

#[test]
fn damaged_workbooks_are_refused_without_panicking() {
    let whole = small_xlsx();
    for cut in [4, 30, 100, whole.len() / 2, whole.len() - 10] {
        let imported = import("piano.xlsx", whole[..cut].to_vec(), &Options::default());
        assert!(imported.plan.is_none(), "cut at {cut}");
        assert_eq!(imported.diagnostics[0].code, Code::UnreadableWorkbook, "cut at {cut}");
    }
    let mut flipped = small_ods();
    let middle = flipped.len() / 2;
    flipped[middle..middle + 40].fill(b'#');
    let imported = import("piano.ods", flipped, &Options::default());
    assert!(imported.plan.is_none() || imported.diagnostics.iter().all(|d| d.severity == Severity::Warning));
    let imported = import("piano.xlsx", b"Obiettivi;Target\n".to_vec(), &Options::default());
    assert_eq!(imported.diagnostics[0].code, Code::UnreadableWorkbook);
}

#[test]
fn text_that_is_no_plan_has_no_layout() {
    for text in ["", "\n\n", "nome;cognome\nMario;Rossi\n", "\u{feff}a\tb\n"] {
        let imported = import("x.csv", text.as_bytes().to_vec(), &Options::default());
        assert!(imported.plan.is_none(), "{text:?}");
        assert_eq!(imported.diagnostics.len(), 1, "{text:?}: {:#?}", imported.diagnostics);
        assert_eq!(imported.diagnostics[0].code, Code::ImportNoLayout, "{text:?}");
    }
}

proptest::proptest! {
    #[test]
    fn any_bytes_import_without_panicking(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400)) {
        let _ = import("x.txt", bytes.clone(), &Options::default());
        let mut zip = b"PK\x03\x04".to_vec();
        zip.extend(&bytes);
        let _ = import("x.xlsx", zip, &Options::default());
    }

    #[test]
    fn table_like_text_imports_without_panicking(
        rows in proptest::collection::vec(
            proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::prelude::Just(String::new()),
                    proptest::prelude::Just("1. Obiettivo".to_owned()),
                    proptest::prelude::Just("011_ Missione".to_owned()),
                    proptest::prelude::Just("2019".to_owned()),
                    proptest::prelude::Just("Indicatore".to_owned()),
                    proptest::prelude::Just("Target".to_owned()),
                    proptest::prelude::Just("Area".to_owned()),
                    proptest::prelude::Just("Obiettivo operativo".to_owned()),
                    proptest::prelude::Just("Eliminato in sede di rolling annuale 2018".to_owned()),
                    "[<>=≥≤0-9%/ a-z]{0,10}",
                ],
                0..9,
            ),
            0..25,
        )
    ) {
        let text = rows.iter().map(|row| row.join("\t")).collect::<Vec<_>>().join("\n");
        let imported = import("x.txt", text.into_bytes(), &Options { body: Some("Ente".into()), year: Some(2019), ..Options::default() });
        if let Some(plan) = imported.plan {
            let checked = cruscotto::check_plan(&SourceFile::new("x.toml", plan.clone()));
            proptest::prop_assert!(
                checked.plan.is_some(),
                "the imported plan has errors: {:#?}\n{plan}",
                checked.diagnostics.iter().filter(|d| d.severity == Severity::Error).collect::<Vec<_>>()
            );
        }
    }
}

#[path = "../../benches/import_input.rs"]
mod import_input;

/// 100,000 indicator rows: imported whole, every row read (the benchmark times it).
#[test]
fn a_hundred_thousand_rows_import() {
    let text = import_input::operational_table(100_000);
    let imported = import("big.tsv", text.into_bytes(), &Options::default());
    assert!(imported.diagnostics.is_empty(), "{:?}", imported.diagnostics.first());
    let counts = imported.counts;
    assert_eq!((counts.missions, counts.strategic_objectives, counts.programs), (4, 100, 1000));
    assert_eq!((counts.operational_objectives, counts.operational_indicators), (10_000, 100_000));
    let plan = imported.plan.unwrap();
    assert!(plan.contains("[[indicator]] # riga 100007\nid = \"O100.100.10\""), "{}", &plan[plan.len() - 600..]);
}

/// A row of 50,000 cells and 20,000 rows of one cell each: every cell is kept and reported, in
/// time proportional to their number.
#[test]
fn wide_rows_and_many_headings_stay_linear() {
    let mut text = String::from("Camera di Commercio di Esempio\n011_ Missione\n1. Obiettivo\t2019\t2020\nIndicatore");
    text.push_str(&"\tx".repeat(50_000));
    text.push_str("\nObiettivi strategici\tProgrammi di intervento\tObiettivo operativo\tIndicatore\tTarget\n");
    for i in 0..20_000 {
        text.push_str(&format!("Prospettiva {i}\n"));
    }
    let started = std::time::Instant::now();
    let imported = import("wide.txt", text.into_bytes(), &Options { year: Some(2019), ..Options::default() });
    assert!(started.elapsed() < std::time::Duration::from_secs(60), "{:?}", started.elapsed());
    assert_eq!(imported.diagnostics.len(), 50_000, "{:?}", imported.diagnostics.first());
    assert!(imported.plan.unwrap().contains("id = \"prospettiva-19999\""));
}

// ── The command line ────────────────────────────────────────────────────────────────────────

#[test]
fn the_plan_goes_to_stdout_and_the_findings_to_stderr() {
    // The path as given, relative to the repository: the header does not depend on where the
    // repository is checked out.
    let run = crate::support::run(&["import", SEED_COPY, "--body", BODY]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    // The plan's comments speak its language (Italian: it states none), whatever the
    // interface's; `--lang en` writes them in English.
    assert!(
        run.stdout.starts_with(&format!(
            "# Importato con `cruscotto import` da {SEED_COPY} (testo\n# separato da tabulazioni).\n"
        )),
        "{}",
        run.transcript()
    );
    let english = crate::support::run(&["import", SEED_COPY, "--body", BODY, "--lang", "en"]);
    assert_eq!(english.code, 0, "{}", english.transcript());
    assert!(
        english
            .stdout
            .starts_with(&format!("# Imported by `cruscotto import` from {SEED_COPY}\n# (tab-separated text).\n")),
        "{}",
        english.transcript()
    );
    assert!(run.stderr.contains("warning[import-shifted-row]: line 152 is shifted"), "{}", run.stderr);
    assert!(
        run.stderr.contains(": 0 errors, 20 warnings (7 import-shifted-row, 7 import-name-variant, 5 import-unplaced-content, 1 import-merged-indicators)\n"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains(
        ": 4 missions, 14 strategic objectives (52 indicators), 36 programs, 58 operational objectives (76 indicators), 25 revisions\n"
    ));
    assert!(run.stderr.ends_with(
        "note: `cruscotto check` finds 73 warnings in the plan, about the source's content: save the plan and check it to see them\n"
    ));
}

#[test]
fn an_imported_plan_never_records_an_absolute_path() {
    let absolute = std::path::absolute(root().join(SEED_COPY)).unwrap();
    let absolute = absolute.to_str().unwrap();
    // Under the current folder: recorded relative to it, with the system's separators.
    let inside = run(&["import", absolute, "--body", BODY]);
    assert_eq!(inside.code, 0, "{}", inside.transcript());
    let relative = SEED_COPY.replace('/', std::path::MAIN_SEPARATOR_STR);
    assert!(
        inside.stdout.starts_with(&format!("# Importato con `cruscotto import` da {relative} (testo\n")),
        "{}",
        inside.stdout
    );
    // Elsewhere: only the file's name.
    let dir = tempfile::tempdir().unwrap();
    let outside = run_in(dir.path(), &["import", absolute, "--body", BODY]);
    assert_eq!(outside.code, 0, "{}", outside.transcript());
    assert!(
        outside.stdout.starts_with("# Importato con `cruscotto import` da maremma-tirreno-2019-annex.txt ("),
        "{}",
        outside.stdout
    );
    for plan in [&inside.stdout, &outside.stdout] {
        assert!(!plan.contains(absolute), "the plan records the absolute path");
        assert!(!plan.contains(root().to_str().unwrap()), "the plan records the checkout's path");
    }
}

#[test]
fn the_output_file_is_written_whole_and_never_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed_path();
    let seed = seed.to_str().unwrap();
    let args = ["import", seed, "--body", BODY, "--year", "2019", "--title", "Piano 2019", "-o", "plan.toml"];
    let first = run_in(dir.path(), &args);
    assert_eq!(first.code, 0, "{}", first.transcript());
    assert_eq!(first.stdout, "");
    assert!(first.stderr.contains("wrote plan.toml: 4 missions"), "{}", first.stderr);
    let written = std::fs::read_to_string(dir.path().join("plan.toml")).unwrap();
    assert!(written.contains("title = \"Piano 2019\"\nyear = 2019\n"));
    assert!(written.contains("# - anno 2019 (`year`): indicato con --year;"), "{written}");
    load("plan.toml", &written);

    std::fs::write(dir.path().join("plan.toml"), "mine").unwrap();
    let again = run_in(dir.path(), &args);
    assert_eq!(again.code, 2, "{}", again.transcript());
    assert_eq!(again.stderr, "error: `plan.toml` exists; use --force to overwrite it\n");
    assert_eq!(std::fs::read_to_string(dir.path().join("plan.toml")).unwrap(), "mine");

    let forced = run_in(dir.path(), &[&args[..], &["--force"]].concat());
    assert_eq!(forced.code, 0, "{}", forced.transcript());
    assert_eq!(std::fs::read_to_string(dir.path().join("plan.toml")).unwrap(), written);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers, ["plan.toml"], "no temporary file is left behind");
}

#[test]
fn errors_of_the_source_exit_1_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("piano.xlsx"), encrypted_workbook()).unwrap();
    let run = run_in(dir.path(), &["import", "piano.xlsx", "-o", "plan.toml"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(
        run.stderr.starts_with("error[unreadable-workbook]: `piano.xlsx` is protected by a password\n"),
        "{}",
        run.stderr
    );
    assert!(!dir.path().join("plan.toml").exists());

    let seed = seed_path();
    let run = run_in(dir.path(), &["import", seed.to_str().unwrap(), "-o", "plan.toml"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(run.stderr.contains("error[import-missing-metadata]: "), "{}", run.stderr);
    assert!(!dir.path().join("plan.toml").exists());
}

#[test]
fn files_that_cannot_be_read_exit_2() {
    let directory = run(&["import", "tests"]);
    assert_eq!((directory.code, directory.stderr.as_str()), (2, "error: `tests` is a directory, not a spreadsheet\n"));
    let missing = run(&["import", "no-such-file.xlsx"]);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.starts_with("error: cannot read `no-such-file.xlsx`"), "{}", missing.stderr);
}
