//! Diagnostics → text (rustc-like, with the source line and a caret), JSON, or GitHub Actions
//! annotations.

use std::fmt::Write as _;

use crate::diagnostic::{self, Diagnostic, Location, Severity};

use super::style::{Paint, Style, push_visible, visible};

/// The human form: one block per diagnostic.
///
/// ```text
/// error[duplicate-id]: id `S1` is already used by the strategic objective at line 12
///   --> plan.toml:40:6
///    |
/// 40 | id = "S1"
///    |      ^^^^
///    = help: ids join actual values and plan versions: give every node its own
/// ```
pub fn text(diagnostics: &[Diagnostic], style: Style) -> String {
    let mut out = String::new();
    for diagnostic in &diagnostic::cap(diagnostics) {
        let (paint, label) = match diagnostic.severity {
            Severity::Error => (Paint::Red, "error"),
            Severity::Warning => (Paint::Yellow, "warning"),
        };
        let title = format!("{label}[{}]", diagnostic.code);
        let _ = writeln!(
            out,
            "{}{}",
            style.paint(paint, &title),
            style.paint(Paint::Bold, &format!(": {}", visible(&diagnostic.message)))
        );
        let gutter_width = diagnostic.location.as_ref().map_or(1, |l| l.line.to_string().len());
        let pad = " ".repeat(gutter_width);
        if let Some(location) = &diagnostic.location {
            let arrow = style.paint(Paint::Blue, "-->");
            let _ = writeln!(out, "{pad}{arrow} {}:{}:{}", visible(&location.file), location.line, location.column);
            if !location.source_line.is_empty() {
                let bar = style.paint(Paint::Blue, "|");
                let line_number = style.paint(Paint::Blue, &location.line.to_string());
                let (shown, caret) = excerpt(location);
                let _ = writeln!(out, "{pad} {bar}");
                let _ = writeln!(out, "{line_number} {bar} {shown}");
                let _ = writeln!(out, "{pad} {bar} {}", style.paint(paint, &caret));
            }
        }
        if let Some(help) = &diagnostic.help {
            let _ =
                writeln!(out, "{pad} {} {}", style.paint(Paint::Blue, "="), format_args!("help: {}", visible(help)));
        }
        if let Some(reason) = &diagnostic.accepted {
            let _ = writeln!(
                out,
                "{pad} {} {}",
                style.paint(Paint::Blue, "="),
                format_args!("accepted: {}", visible(reason))
            );
        }
        out.push('\n');
    }
    out
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
pub fn summary(file: &str, diagnostics: &[Diagnostic]) -> String {
    let (accepted, open): (Vec<&Diagnostic>, Vec<&Diagnostic>) = diagnostics.iter().partition(|d| d.accepted.is_some());
    // A line that stands for repeated diagnostics counts for all of them.
    let errors = diagnostic::count(open.iter().copied().filter(|d| d.severity == Severity::Error));
    let warnings = diagnostic::count(open.iter().copied()) - errors;
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    if diagnostics.is_empty() {
        return format!("{file}: ok, no problems found");
    }
    let mut line = format!("{file}: {}, {}", plural(errors, "error"), plural(warnings, "warning"));
    if !open.is_empty() {
        let _ = write!(line, " ({})", counts_by_code(&open));
    }
    if !accepted.is_empty() {
        let _ =
            write!(line, "; {} accepted ({})", diagnostic::count(accepted.iter().copied()), counts_by_code(&accepted));
    }
    line
}

/// `22 incomplete-act, 8 duplicate-indicator`: the codes by count, most frequent first.
pub fn counts_by_code(diagnostics: &[&Diagnostic]) -> String {
    let mut by_code: std::collections::BTreeMap<_, usize> = std::collections::BTreeMap::new();
    for diagnostic in diagnostics {
        *by_code.entry(diagnostic.code).or_default() += diagnostic.omitted.max(1);
    }
    let mut counts: Vec<_> = by_code.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts.iter().map(|(code, n)| format!("{n} {code}")).collect::<Vec<_>>().join(", ")
}

/// A JSON array of diagnostics: `code`, `severity`, `message`, `file`, `line`, `column`, `help`,
/// and `accepted` (the reason) for the findings accepted. Repeated diagnostics are capped as in
/// [`text`]: the entry that stands for those not listed says how many in `omitted`.
pub fn json(diagnostics: &[Diagnostic]) -> String {
    let mut text = serde_json::to_string_pretty(&diagnostic::cap(diagnostics)).expect("diagnostics serialize");
    text.push('\n');
    text
}

/// GitHub Actions workflow commands: `::error file=...,line=...,col=...,title=code::message`.
/// Accepted findings are not annotated one by one (they are not to be fixed): one `::notice`
/// counts them.
pub fn github(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    let accepted: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.accepted.is_some()).collect();
    let open: Vec<Diagnostic> = diagnostics.iter().filter(|d| d.accepted.is_none()).cloned().collect();
    for diagnostic in &diagnostic::cap(&open) {
        let mut properties = Vec::new();
        if let Some(location) = &diagnostic.location {
            properties.push(format!("file={}", escape_property(&location.file)));
            properties.push(format!("line={}", location.line));
            properties.push(format!("col={}", location.column));
        }
        properties.push(format!("title={}", escape_property(diagnostic.code.as_str())));
        let mut message = diagnostic.message.clone();
        if let Some(help) = &diagnostic.help {
            let _ = write!(message, "\nhelp: {help}");
        }
        let _ = writeln!(out, "::{} {}::{}", diagnostic.severity.as_str(), properties.join(","), escape_data(&message));
    }
    if !accepted.is_empty() {
        let message = format!(
            "{} finding{} accepted, each with its reason ({}): `cruscotto check --verbose` lists them",
            accepted.len(),
            if accepted.len() == 1 { "" } else { "s" },
            counts_by_code(&accepted)
        );
        let _ = writeln!(out, "::notice title=accepted findings::{}", escape_data(&message));
    }
    out
}

/// A workflow command's message, escaped.
pub(crate) fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
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
        vec![Diagnostic::new(Code::DuplicateId, "id `S1` is used twice").at(&source, &(12..16)).with_help("rename one")]
    }

    #[test]
    fn text_shows_the_line_and_a_caret() {
        insta::assert_snapshot!(text(&sample(), Style::PLAIN), @r#"
        error[duplicate-id]: id `S1` is used twice
         --> plan.toml:2:6
          |
        2 | id = "S1"
          |      ^^^^
          = help: rename one
        "#);
    }

    #[test]
    fn github_annotations_escape_their_fields() {
        let mut diagnostics = sample();
        diagnostics[0].message = "50% done, a:b".into();
        assert_eq!(
            github(&diagnostics),
            "::error file=plan.toml,line=2,col=6,title=duplicate-id::50%25 done, a:b%0Ahelp: rename one\n"
        );
    }
}
