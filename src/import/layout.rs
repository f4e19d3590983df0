//! Recognising the layouts: every row is classified on its own ([`classify`]), then the rows
//! are walked in order and handed to the layout they belong to: [`Dashboard`] (the strategic
//! dashboard) or [`OperationalTable`] (the operational plan). What comes before either, in the
//! preamble, says things about the plan itself: the adopting act, the body, the title.
//!
//! How a row is told apart:
//!
//! - `011_ Competitività delle Imprese`, alone on its row: a mission heading;
//! - `1. Semplificazione ...` followed by year cells `2016 2017 ...`: a dashboard objective
//!   heading, whose year columns hold the targets of the indicator rows under it;
//! - a row naming at least four of the columns `Obiettivi strategici`, `Programmi di
//!   intervento`, `Obiettivo operativo`, `Indicatore`, `Target`, `Servizi interni coinvolti`,
//!   `Area`, `Note` (in any order; `Indicatore` and `Target` required): the operational table's
//!   header, repeated or not;
//! - one cell alone: a revision note (`Aggiornato in sede di rolling ...`), a section title
//!   (`CRUSCOTTO STRATEGICO`), a perspective heading (`Processi Interni`) when a mission
//!   heading or the table's header follows it or the operational table has begun, or content
//!   the import keeps as a note;
//! - anything else: a row of data of the current layout.

use super::dashboard::Dashboard;
use crate::diagnostic::Code;
use crate::msg;

use super::draft::{Context, Draft};
use super::grid::{Cell, Place, Row};
use super::notes::{self, Revision};
use super::operational::OperationalTable;

/// The columns of the operational table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Strategic,
    Program,
    Operational,
    Indicator,
    Target,
    Services,
    Area,
    Notes,
}

impl Role {
    /// The column's usual heading, for messages.
    pub(crate) fn heading(self) -> &'static str {
        match self {
            Role::Strategic => "Obiettivi strategici",
            Role::Program => "Programmi di intervento",
            Role::Operational => "Obiettivo operativo",
            Role::Indicator => "Indicatore",
            Role::Target => "Target",
            Role::Services => "Servizi interni coinvolti",
            Role::Area => "Area",
            Role::Notes => "Note",
        }
    }

    /// The role of a header cell.
    fn of_heading(text: &str) -> Option<Role> {
        let lower = text.trim_end_matches(':').trim().to_lowercase();
        let role = if lower.starts_with("obiettiv") && lower.contains("strategic") {
            Role::Strategic
        } else if lower.starts_with("obiettiv") && lower.contains("operativ") {
            Role::Operational
        } else if lower.starts_with("programm") {
            Role::Program
        } else if lower.starts_with("indicator") {
            Role::Indicator
        } else if lower.starts_with("target")
            || lower.starts_with("valore atteso")
            || lower.starts_with("valore target")
        {
            Role::Target
        } else if lower.starts_with("serviz") || lower.starts_with("uffic") || lower.starts_with("struttur") {
            Role::Services
        } else if lower == "area" || lower == "aree" || lower.starts_with("area ") || lower.starts_with("aree ") {
            Role::Area
        } else if lower.starts_with("note") || lower.starts_with("revision") || lower.starts_with("variazion") {
            Role::Notes
        } else {
            return None;
        };
        Some(role)
    }
}

/// Which column holds what, in the operational table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ColumnMap {
    pub(crate) columns: Vec<(Role, u32)>,
}

impl ColumnMap {
    /// The seed's layout: the seven columns in their order, then the notes.
    pub(crate) fn standard() -> Self {
        use Role::*;
        let roles = [Strategic, Program, Operational, Indicator, Target, Services, Area, Notes];
        Self { columns: roles.iter().zip(1..).map(|(role, column)| (*role, column)).collect() }
    }

    pub(crate) fn column(&self, role: Role) -> Option<u32> {
        self.columns.iter().find(|(r, _)| *r == role).map(|(_, c)| *c)
    }

    pub(crate) fn role(&self, column: u32) -> Option<Role> {
        self.columns.iter().find(|(_, c)| *c == column).map(|(r, _)| *r)
    }

    /// The header row's map, when the row is a header.
    fn of_row(row: &Row) -> Option<Self> {
        let mut columns: Vec<(Role, u32)> = Vec::new();
        for cell in &row.cells {
            match Role::of_heading(&cell.text) {
                Some(role) if !columns.iter().any(|(r, _)| *r == role) => columns.push((role, cell.column)),
                Some(_) => {}
                None => return None,
            }
        }
        let has = |role| columns.iter().any(|(r, _)| *r == role);
        (columns.len() >= 4 && has(Role::Indicator) && has(Role::Target)).then_some(Self { columns })
    }
}

/// What one row is, on its own.
#[derive(Debug)]
pub(crate) enum Kind<'r> {
    Mission { code: String, name: String },
    Objective { number: u32, name: String, years: Vec<(u32, i32)> },
    Header(ColumnMap),
    Text(&'r Cell),
    Data,
}

pub(crate) fn classify(row: &Row) -> Kind<'_> {
    if let Some(map) = ColumnMap::of_row(row) {
        return Kind::Header(map);
    }
    let first = &row.cells[0];
    if row.cells.len() == 1 {
        if first.column == 1
            && let Some((code, name)) = mission_heading(&first.text)
        {
            return Kind::Mission { code, name };
        }
        return Kind::Text(first);
    }
    if first.column == 1
        && let Some((number, name)) = numbered(&first.text)
    {
        let years: Option<Vec<(u32, i32)>> =
            row.cells[1..].iter().map(|c| year(&c.text).map(|y| (c.column, y))).collect();
        if let Some(years) = years
            && years.len() >= 2
            && years.windows(2).all(|w| w[1].1 > w[0].1)
        {
            return Kind::Objective { number, name: name.to_owned(), years };
        }
    }
    Kind::Data
}

/// `011_ Competitività delle Imprese` → (`011`, `Competitività delle Imprese`).
pub(crate) fn mission_heading(text: &str) -> Option<(String, String)> {
    let code: String = text.chars().take_while(char::is_ascii_digit).collect();
    if code.len() != 3 {
        return None;
    }
    let rest = text[3..].trim_start();
    let rest = rest.strip_prefix(['_', '-', '–'])?.trim_start();
    (!rest.is_empty()).then(|| (code, rest.to_owned()))
}

/// `3. Promozione integrata` or `3.Promozione integrata` → (3, `Promozione integrata`).
pub(crate) fn numbered(text: &str) -> Option<(u32, &str)> {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let number = text[..digits].parse().ok()?;
    let rest = text[digits..].strip_prefix(['.', ')'])?.trim_start();
    // `2.1 Name` is a sub-number, not an objective; `1. ` needs a name after it.
    (!rest.is_empty() && !rest.starts_with(|c: char| c.is_ascii_digit())).then_some((number, rest))
}

fn year(text: &str) -> Option<i32> {
    let year: i32 = text.parse().ok().filter(|_| text.len() == 4)?;
    (1990..=2100).contains(&year).then_some(year)
}

/// Which layout the walk is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Preamble,
    Dashboard,
    Operational,
}

/// Walks every sheet; returns whether any sheet had a layout. Sheets without one are reported.
pub(crate) fn walk(ctx: &mut Context<'_>, draft: &mut Draft) -> bool {
    let mut recognised = Vec::new();
    for (sheet_index, sheet) in ctx.input.sheets.iter().enumerate() {
        let kinds: Vec<Kind<'_>> = sheet.rows.iter().map(classify).collect();
        let mut walk = Walk {
            mode: Mode::Preamble,
            dashboard: Dashboard::default(),
            operational: OperationalTable::default(),
            found: false,
            preamble: Vec::new(),
        };
        for (index, row) in sheet.rows.iter().enumerate() {
            let place = Place { sheet: sheet_index, row: row.number, column: 0 };
            let next = kinds.get(index + 1);
            walk.row(ctx, draft, row, &kinds[index], next, place);
        }
        walk.finish(ctx, draft);
        recognised.push(walk.found);
    }
    let any = recognised.iter().any(|found| *found);
    if any {
        for (index, sheet) in ctx.input.sheets.iter().enumerate() {
            if !recognised[index] && !sheet.rows.is_empty() {
                let place = Place { sheet: index, row: sheet.rows[0].number, column: sheet.rows[0].cells[0].column };
                let name = sheet.name.as_deref().unwrap_or("?");
                let message = msg!("import-sheet-without-layout", sheet = name).count("rows", sheet.rows.len());
                ctx.report(Code::ImportUnplacedContent, place, message, Some(msg!("import-sheet-without-layout-help")));
            }
        }
    }
    any
}

struct Walk<'r> {
    mode: Mode,
    dashboard: Dashboard,
    operational: OperationalTable,
    /// Whether a layout was found on this sheet.
    found: bool,
    /// Rows of data before any layout, with their places.
    preamble: Vec<(&'r Row, Place)>,
}

impl<'r> Walk<'r> {
    fn row(
        &mut self,
        ctx: &mut Context<'_>,
        draft: &mut Draft,
        row: &'r Row,
        kind: &Kind<'r>,
        next: Option<&Kind<'r>>,
        place: Place,
    ) {
        let table_follows = matches!(next, Some(Kind::Header(_)));
        match kind {
            Kind::Mission { code, name } => {
                if self.mode == Mode::Operational || table_follows {
                    self.enter(Mode::Operational);
                    self.operational.mission(ctx, draft, code, name, place);
                } else {
                    self.enter(Mode::Dashboard);
                    self.dashboard.mission(ctx, draft, code, name, place);
                }
            }
            Kind::Objective { number, name, years } => {
                self.enter(Mode::Dashboard);
                self.dashboard.objective(ctx, draft, *number, name, years, place);
            }
            Kind::Header(map) => {
                self.enter(Mode::Operational);
                self.operational.header(ctx, draft, map, row, place);
            }
            Kind::Text(cell) => self.text(ctx, draft, row, cell, next, place),
            Kind::Data => match self.mode {
                Mode::Preamble => self.preamble.push((row, place)),
                Mode::Dashboard => self.dashboard.indicator(ctx, draft, row, place),
                Mode::Operational => self.operational.row(ctx, draft, row, place),
            },
        }
        match self.mode {
            Mode::Dashboard => super::draft::Hints::extend(&mut draft.hints.dashboard_rows, place),
            Mode::Operational => super::draft::Hints::extend(&mut draft.hints.operational_rows, place),
            Mode::Preamble => {}
        }
    }

    /// The strategic objective of the layout being walked.
    fn objective(&self) -> Option<(usize, usize)> {
        match self.mode {
            Mode::Dashboard => self.dashboard.current_objective(),
            Mode::Operational => self.operational.current_objective(),
            Mode::Preamble => None,
        }
    }

    fn enter(&mut self, mode: Mode) {
        self.mode = mode;
        self.found = true;
    }

    /// A row with one cell.
    fn text(
        &mut self,
        ctx: &mut Context<'_>,
        draft: &mut Draft,
        row: &'r Row,
        cell: &Cell,
        next: Option<&Kind<'r>>,
        place: Place,
    ) {
        let text = cell.text.as_str();
        let lower = text.to_lowercase();
        let place = Place { column: cell.column, ..place };
        if let Some(revision) = notes::revision(text)
            && self.mode != Mode::Preamble
        {
            return attach_standalone(ctx, draft, self.objective(), Some(revision), text, place);
        }
        if lower.starts_with("cruscotto strategico") {
            return;
        }
        if lower.starts_with("piano operativo") {
            if let Some(year) = text.split(|c: char| !c.is_ascii_digit()).find_map(year) {
                draft.hints.year.get_or_insert((year, text.to_owned(), place));
            }
            if self.mode == Mode::Dashboard {
                self.enter(Mode::Operational);
            }
            if self.mode != Mode::Preamble {
                return;
            }
        }
        match self.mode {
            Mode::Preamble => self.preamble_text(draft, row, text, place),
            Mode::Dashboard => {
                let heading_follows = matches!(next, Some(Kind::Mission { .. } | Kind::Header(_)));
                if cell.column == 1 && heading_follows {
                    self.enter(Mode::Operational);
                    self.operational.perspective(draft, text);
                } else {
                    attach_standalone(ctx, draft, self.objective(), None, text, place);
                }
            }
            Mode::Operational => {
                let role = self.operational.role(cell.column);
                if cell.column == 1 && numbered(text).is_some() {
                    self.operational.row(ctx, draft, row, place);
                } else if cell.column == 1 && looks_like_heading(text) {
                    self.operational.perspective(draft, text);
                } else if cell.column != 1 && role.is_some_and(|role| role != Role::Notes) {
                    // A row with one cell in a column of the table (an indicator without target).
                    self.operational.row(ctx, draft, row, place);
                } else {
                    attach_standalone(ctx, draft, self.objective(), None, text, place);
                }
            }
        }
    }

    /// Text before any layout: the act, the body, the title, or a note of the plan.
    fn preamble_text(&mut self, draft: &mut Draft, row: &'r Row, text: &str, place: Place) {
        let hints = &mut draft.hints;
        if hints.act.is_none()
            && let Some(act) = notes::act(text)
        {
            hints.act = Some((act, text.to_owned(), place));
        } else if hints.body.is_none() && names_a_body(text) {
            hints.body = Some((text.to_owned(), place));
        } else if hints.title.is_none() && text.to_lowercase().starts_with("piano") {
            hints.title = Some((text.to_owned(), place));
            if let Some(year) = text.split(|c: char| !c.is_ascii_digit()).find_map(year) {
                hints.year.get_or_insert((year, text.to_owned(), place));
            }
        } else {
            self.preamble.push((row, place));
        }
    }

    /// Rows of the preamble that said nothing the import understands: kept as the plan's notes
    /// when the sheet has a layout (otherwise the whole sheet is reported).
    fn finish(&mut self, ctx: &mut Context<'_>, draft: &mut Draft) {
        if !self.found {
            return;
        }
        for (row, place) in std::mem::take(&mut self.preamble) {
            let help = msg!("import-preamble-help");
            ctx.keep_row_in_plan_notes(draft, row, place, "preamble", help);
        }
    }
}

/// A note alone on its row: a revision goes to the objective above (the nearest node at the
/// level such notes are written for), with a comment; other text is kept in its notes.
fn attach_standalone(
    ctx: &mut Context<'_>,
    draft: &mut Draft,
    objective: Option<(usize, usize)>,
    revision: Option<Revision>,
    text: &str,
    place: Place,
) {
    let Some(objective) = objective else {
        let help = msg!("import-standalone-note-help");
        ctx.keep_in_plan_notes(draft, text, place, "standalone-note", help);
        return;
    };
    let where_ = ctx.input.row_name(place);
    let node = &mut draft.strategic(objective).node;
    match revision {
        Some(revision) => {
            node.comments
                .push(msg!("import-comment-standalone-revision").message("place", where_.clone()).render(ctx.lang));
            node.revisions.push(revision);
        }
        None => {
            node.notes.push(msg!("import-note-from", text = text).message("place", where_.clone()).render(ctx.lang));
            let number = draft.strategic(objective).number;
            let message = msg!("import-standalone-text", objective = number).message("place", where_);
            ctx.report(Code::ImportUnplacedContent, place, message, None);
        }
    }
}

/// A short line of words, such as a perspective's name (`Processi Interni`).
fn looks_like_heading(text: &str) -> bool {
    text.chars().count() <= 80 && text.split_whitespace().count() <= 10 && !text.contains(['%', '/', '<', '>', '='])
}

/// Whether a line names a public body (`Camera di Commercio di ...`, `Comune di ...`).
fn names_a_body(text: &str) -> bool {
    const BODIES: &[&str] = &[
        "camera di commercio",
        "comune di",
        "provincia di",
        "regione ",
        "città metropolitana",
        "unione dei comuni",
        "università",
        "azienda ",
        "agenzia ",
        "ente ",
        "istituto ",
        "consorzio ",
        "autorità ",
        "ministero ",
    ];
    let lower = text.to_lowercase();
    BODIES.iter().any(|body| lower.starts_with(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Row {
        Row {
            number: 1,
            cells: cells.iter().zip(1..).filter_map(|(text, column)| Cell::new(column, text, None)).collect(),
        }
    }

    #[test]
    fn rows_are_classified_on_their_own() {
        assert!(
            matches!(classify(&row(&["011_ Competitività delle Imprese"])), Kind::Mission { code, name } if code == "011" && name == "Competitività delle Imprese")
        );
        assert!(matches!(classify(&row(&["012_Regolazione dei mercati", "", ""])), Kind::Mission { .. }));
        let objective_row = row(&["3.Promozione integrata del territorio", "2016", "2017", "2018", "2019", "2020", ""]);
        let heading = classify(&objective_row);
        assert!(
            matches!(&heading, Kind::Objective { number: 3, name, years } if name == "Promozione integrata del territorio" && years.len() == 5 && years[0] == (2, 2016))
        );
        let header_row = row(&[
            "Obiettivi strategici",
            "Programma di intervento",
            "Obiettivo operativo",
            "Indicatore",
            "Target",
            "Servizi interni coinvolti",
            "Area",
        ]);
        let header = classify(&header_row);
        assert!(
            matches!(header, Kind::Header(map) if map == ColumnMap { columns: ColumnMap::standard().columns[..7].to_vec() })
        );
        assert!(matches!(classify(&row(&["Processi Interni"])), Kind::Text(_)));
        assert!(matches!(classify(&row(&["n° fascicoli", "", "100%", "100%"])), Kind::Data));
    }

    #[test]
    fn numbers_and_mission_codes() {
        assert_eq!(numbered("10. Consolidamento"), Some((10, "Consolidamento")));
        assert_eq!(numbered("3.Promozione"), Some((3, "Promozione")));
        assert_eq!(numbered("2.1 Sottoprogramma"), None);
        assert_eq!(numbered("2019"), None);
        assert_eq!(mission_heading("032_Servizi istituzionali"), Some(("032".into(), "Servizi istituzionali".into())));
        assert_eq!(mission_heading("0321_x"), None);
        assert_eq!(mission_heading("011"), None);
    }
}
