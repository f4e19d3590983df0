//! Diagnostics → text (rustc-like, with the source line and a caret), JSON, or GitHub Actions
//! annotations.

use std::fmt::Write as _;

use serde::Serialize;

use crate::diagnostic::{self, Code, Diagnostic, Location, Severity};
use crate::i18n::{Lang, Message};
use crate::msg;

use super::style::{Paint, Style, push_visible, visible};

/// The human form: one block per diagnostic, in `lang`.
///
/// ```text
/// error[duplicate-id]: id `S1` is already used by the strategic objective at line 12
///   --> plan.toml:40:6
///    |
/// 40 | id = "S1"
///    |      ^^^^
///    = help: ids join actual values and plan versions: give every node its own
/// ```
///
/// The words `error`, `warning`, `help` and `accepted` are the output's grammar, the same in
/// every language (as `::error` is for GitHub): scripts and editors match them.
pub fn text<'d>(diagnostics: impl IntoIterator<Item = &'d Diagnostic>, style: Style, lang: Lang) -> String {
    let mut out = String::new();
    for diagnostic in &diagnostic::cap(diagnostics) {
        let (paint, label) = match diagnostic.severity {
            Severity::Error => (Paint::Red, "error"),
            Severity::Warning => (Paint::Yellow, "warning"),
        };
        let title = format!("{label}[{}]", diagnostic.code);
        let message = diagnostic.message.render(lang);
        let _ = writeln!(
            out,
            "{}{}",
            style.paint(paint, &title),
            style.paint(Paint::Bold, &format!(": {}", visible(&message)))
        );
        let related = diagnostic.related.as_deref();
        let gutter_width = [diagnostic.location.as_ref(), related.map(|(location, _)| location)]
            .into_iter()
            .flatten()
            .map(|l| l.line.to_string().len())
            .max()
            .unwrap_or(1);
        let pad = " ".repeat(gutter_width);
        if let Some(location) = &diagnostic.location {
            place(&mut out, style, &pad, "-->", location, (paint, '^', None));
        }
        // The second place, rustc's way: `:::` and the span underlined with `-`, labelled.
        if let Some((location, label)) = related {
            let label = label.render(lang);
            place(&mut out, style, &pad, ":::", location, (Paint::Blue, '-', Some(&label)));
        }
        let notes = [("help", &diagnostic.help), ("accepted", &diagnostic.accepted)];
        for (label, note) in notes.into_iter().filter_map(|(label, note)| note.as_ref().map(|note| (label, note))) {
            let equals = style.paint(Paint::Blue, "=");
            let _ = writeln!(out, "{pad} {equals} {label}: {}", visible(&note.render(lang)));
        }
        out.push('\n');
    }
    out
}

/// One place of a diagnostic: `arrow file:line:column`, then the line's excerpt with its span
/// marked by `mark` (its paint, its character, a label after it).
fn place(
    out: &mut String,
    style: Style,
    pad: &str,
    arrow: &str,
    location: &Location,
    mark: (Paint, char, Option<&str>),
) {
    let (paint, character, label) = mark;
    let arrow = style.paint(Paint::Blue, arrow);
    let _ = writeln!(out, "{pad}{arrow} {}:{}:{}", visible(&location.file), location.line, location.column);
    if location.source_line.is_empty() {
        return;
    }
    let bar = style.paint(Paint::Blue, "|");
    let line_number = style.paint(Paint::Blue, &format!("{:>width$}", location.line, width = pad.len()));
    let (shown, caret) = excerpt(location);
    let mut under = caret.replace('^', &character.to_string());
    if let Some(label) = label {
        under = format!("{under} {}", visible(label));
    }
    let _ = writeln!(out, "{pad} {bar}");
    let _ = writeln!(out, "{line_number} {bar} {shown}");
    let _ = writeln!(out, "{pad} {bar} {}", style.paint(paint, &under));
}

/// The excerpt as shown, and the caret line under it. Tabs become one space; hidden
/// characters (an ESC, a byte order mark, a zero-width space) their escape, `\u{FEFF}`, with
/// the caret moved and widened to match.
fn excerpt(location: &Location) -> (String, String) {
    let (mut shown, mut before, mut under) = (String::new(), 0, 0);
    let first = location.excerpt_column.max(1);
    for (index, c) in (1..).zip(location.source_line.chars()) {
        let c = if c == '\t' { ' ' } else { c };
        let pushed = push_visible(&mut shown, c);
        if index < first {
            before += pushed;
        } else if index < first + location.width {
            under += pushed;
        }
    }
    (shown, format!("{}{}", " ".repeat(before), "^".repeat(under.max(1))))
}

/// The summary line after the diagnostics: `file: N errors, M warnings (3 duplicate-id, ...)`,
/// the codes by count, most frequent first; then, when findings are accepted, `; K accepted
/// (...)` counted the same way; or `file: ok, no problems found`.
pub fn summary(file: &str, diagnostics: &[Diagnostic], lang: Lang) -> String {
    let (accepted, open): (Vec<&Diagnostic>, Vec<&Diagnostic>) = diagnostics.iter().partition(|d| d.accepted.is_some());
    // A line that stands for repeated diagnostics counts for all of them.
    let errors = diagnostic::count(open.iter().copied().filter(|d| d.severity == Severity::Error));
    let warnings = diagnostic::count(open.iter().copied()) - errors;
    if diagnostics.is_empty() {
        return msg!("summary-clean", file = file).render(lang);
    }
    // The counts by code are shown when there are any (the catalogue selects on the totals).
    msg!("summary", file = file)
        .count("errors", errors)
        .count("warnings", warnings)
        .count("problems", errors + warnings)
        .message("codes", counts_by_code(&open))
        .count("accepted", diagnostic::count(accepted.iter().copied()))
        .message("accepted_codes", counts_by_code(&accepted))
        .render(lang)
}

/// `22 incomplete-act, 8 duplicate-indicator`: the codes by count, most frequent first.
pub fn counts_by_code(diagnostics: &[&Diagnostic]) -> Message {
    let mut by_code: std::collections::BTreeMap<Code, usize> = std::collections::BTreeMap::new();
    for diagnostic in diagnostics {
        *by_code.entry(diagnostic.code).or_default() += diagnostic.omitted.max(1);
    }
    let mut counts: Vec<_> = by_code.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let items = counts.into_iter().map(|(code, n)| msg!("code-count", code = code).count("count", n)).collect();
    msg!("code-counts").list("counts", items)
}

/// One diagnostic as JSON shows it: its words rendered in the interface's language, its keys
/// the stable English ones.
#[derive(Serialize)]
struct Shown<'d> {
    code: Code,
    severity: Severity,
    message: String,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    location: Option<&'d Location>,
    #[serde(skip_serializing_if = "Option::is_none")]
    related: Option<Related<'d>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    accepted: Option<String>,
    #[serde(skip_serializing_if = "is_zero")]
    omitted: usize,
}

/// The second place of a diagnostic in JSON: `file`, `line`, `column` and what it is, `label`.
#[derive(Serialize)]
struct Related<'d> {
    #[serde(flatten)]
    location: &'d Location,
    label: String,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// A JSON array of diagnostics: `code`, `severity`, `message`, `file`, `line`, `column`,
/// `related` (a second place: `file`, `line`, `column`, `label`) when there is one, `help`, and
/// `accepted` (the reason) for the findings accepted; the keys in English, the texts in
/// `lang`. Repeated diagnostics are capped as in [`text`]: the entry that stands for those not
/// listed says how many in `omitted`.
pub fn json(diagnostics: &[Diagnostic], lang: Lang) -> String {
    let capped = diagnostic::cap(diagnostics);
    let shown: Vec<Shown<'_>> = capped
        .iter()
        .map(|d| Shown {
            code: d.code,
            severity: d.severity,
            message: d.message.render(lang),
            location: d.location.as_ref(),
            related: d.related.as_deref().map(|(location, label)| Related { location, label: label.render(lang) }),
            help: d.help.as_ref().map(|help| help.render(lang)),
            accepted: d.accepted.as_ref().map(|reason| reason.render(lang)),
            omitted: d.omitted,
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&shown).expect("diagnostics serialize");
    text.push('\n');
    text
}

/// GitHub Actions workflow commands: `::error file=...,line=...,col=...,title=code::message`,
/// the message in `lang`. Accepted findings are not annotated one by one (they are not to be
/// fixed): one `::notice` counts them.
pub fn github(diagnostics: &[Diagnostic], lang: Lang) -> String {
    let mut out = String::new();
    let accepted: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.accepted.is_some()).collect();
    for diagnostic in &diagnostic::cap(diagnostics.iter().filter(|d| d.accepted.is_none())) {
        let mut properties = Vec::new();
        if let Some(location) = &diagnostic.location {
            properties.push(format!("file={}", escape_property(&location.file)));
            properties.push(format!("line={}", location.line));
            properties.push(format!("col={}", location.column));
        }
        properties.push(format!("title={}", escape_property(diagnostic.code.as_str())));
        let mut message = diagnostic.message.render(lang);
        if let Some(help) = &diagnostic.help {
            let _ = write!(message, "\nhelp: {}", help.render(lang));
        }
        let _ = writeln!(out, "::{} {}::{}", diagnostic.severity.as_str(), properties.join(","), escape_data(&message));
    }
    if !accepted.is_empty() {
        let title = msg!("github-accepted-title").render(lang);
        let message =
            msg!("github-accepted").count("count", accepted.len()).message("codes", counts_by_code(&accepted));
        let _ = writeln!(out, "::notice title={}::{}", escape_property(&title), escape_data(&message.render(lang)));
    }
    out
}

/// A workflow command's message, escaped.
pub(crate) fn escape_data(text: &str) -> String {
    super::style::visible(text).replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A workflow command's property (`file=`, `title=`), escaped.
pub(crate) fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Code;
    use crate::source::SourceFile;

    fn sample() -> Vec<Diagnostic> {
        let source = SourceFile::new("plan.toml", "[plan]\nid = \"S1\"\n");
        let message = msg!("duplicate-id", id = "S1", line = 1).message("level", msg!("level-name", level = "mission"));
        vec![Diagnostic::new(Code::DuplicateId, message).at(&source, &(12..16)).with_help(msg!("duplicate-id-help"))]
    }

    #[test]
    fn text_shows_the_line_and_a_caret() {
        insta::assert_snapshot!(text(&sample(), Style::PLAIN, Lang::En), @r#"
        error[duplicate-id]: id `S1` is already used by the mission at line 1
         --> plan.toml:2:6
          |
        2 | id = "S1"
          |      ^^^^
          = help: ids join actual values and plan versions: give every node its own
        "#);
        insta::assert_snapshot!(text(&sample(), Style::PLAIN, Lang::It), @r#"
        error[duplicate-id]: l'id `S1` è già usato alla riga 1 (missione)
         --> plan.toml:2:6
          |
        2 | id = "S1"
          |      ^^^^
          = help: gli id collegano i valori a consuntivo e le versioni del piano: ogni elemento deve avere il proprio
        "#);
    }

    #[test]
    fn a_second_place_is_shown_under_the_first_and_kept_in_json() {
        let source =
            SourceFile::new("a.csv", format!("indicator,year,value\n{}S1,2019,1\nS1,2019,2\n", "\n".repeat(8)));
        let first = crate::diagnostic::Location::of(&source, &(29..31));
        let mut diagnostic = Diagnostic::new(
            Code::DuplicateActual,
            msg!("duplicate-actual", id = "S1", year = 2019, first = "a.csv:10"),
        )
        .at(&source, &(39..41));
        diagnostic.related = Some(Box::new((first, msg!("duplicate-actual-first"))));
        // The gutter is as wide as the longer line number of the two.
        let shown = text(std::slice::from_ref(&diagnostic), Style::PLAIN, Lang::En);
        assert!(
            shown.contains("  --> a.csv:11:1\n   |\n11 | S1,2019,2\n   | ^^\n  ::: a.csv:10:1\n   |\n10 | S1,2019,1\n   | -- first given here\n"),
            "{shown}"
        );
        let json = json(&[diagnostic], Lang::En);
        assert!(json.contains("\"related\": {\n      \"file\": \"a.csv\",\n      \"line\": 10,\n      \"column\": 1,\n      \"label\": \"first given here\"\n    }"), "{json}");
    }

    #[test]
    fn github_annotations_escape_their_fields() {
        let mut diagnostics = sample();
        diagnostics[0].message = msg!("toml-syntax", reason = "50% done, a:b");
        assert_eq!(
            github(&diagnostics, Lang::En),
            "::error file=plan.toml,line=2,col=6,title=duplicate-id::invalid TOML: 50%25 done, a:b%0Ahelp: ids join \
             actual values and plan versions: give every node its own\n"
        );
    }
}
