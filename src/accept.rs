//! Accepted findings: the plan's `accept` entries applied to the diagnostics of its check.
//!
//! An acceptance names a warning's code and the reason it stays. One in `[plan]` accepts the
//! code's findings anywhere in the file; one in a node's table accepts those located in that
//! table (from its header to the next table's, so a node's revisions are in it). An accepted
//! finding is not dropped: it keeps its place in the report, marked with its reason, counted
//! apart, and never fails a run. An acceptance that accepts nothing is itself reported
//! (`unused-acceptance`), so that the reasons on record stay true.

use crate::diagnostic::{Code, Diagnostic, Severity, has_errors};
use crate::msg;
use crate::plan::Acceptance;
use crate::source::{SourceFile, Span};

/// Marks the warnings of `diagnostics` (found in `source`) that `acceptances` accept, and
/// reports the acceptances that accept nothing. A plan with errors is not reported for unused
/// acceptances: its checks did not all run.
pub fn apply(
    source: &SourceFile,
    acceptances: &[(Acceptance, Option<(String, Span)>)],
    diagnostics: &mut Vec<Diagnostic>,
) {
    // The lines of a node's table: from its header's to the next table's header (excluded).
    let lines = |span: &Span| {
        let end = if span.end >= source.len() { usize::MAX } else { source.position(span.end).line };
        (source.position(span.start).line, end)
    };
    let scopes: Vec<(&Acceptance, Option<(usize, usize)>)> = acceptances
        .iter()
        .map(|(acceptance, scope)| (acceptance, scope.as_ref().map(|(_, region)| lines(region))))
        .collect();
    let mut used = vec![false; scopes.len()];
    for diagnostic in diagnostics.iter_mut() {
        if diagnostic.severity != Severity::Warning || diagnostic.accepted.is_some() {
            continue;
        }
        let line = diagnostic.location.as_ref().filter(|l| l.file == source.name()).map(|l| l.line);
        // The node's own acceptance first: its reason is the more precise.
        let found = scopes
            .iter()
            .enumerate()
            .filter(|(_, (acceptance, _))| acceptance.code == diagnostic.code)
            .filter(|(_, (_, scope))| match (scope, line) {
                (None, _) => true,
                (Some((first, end)), Some(line)) => (*first..*end).contains(&line),
                (Some(_), None) => false,
            })
            .min_by_key(|(_, (_, scope))| scope.is_none());
        if let Some((index, (acceptance, _))) = found {
            used[index] = true;
            diagnostic.accepted = Some(msg!("accepted-reason", reason = &acceptance.reason));
        }
    }
    if has_errors(diagnostics) {
        return;
    }
    for ((acceptance, scope), used) in acceptances.iter().zip(used) {
        if used {
            continue;
        }
        let message = match scope {
            Some((id, _)) => msg!("unused-acceptance-node", code = acceptance.code, id = id),
            None => msg!("unused-acceptance-plan", code = acceptance.code),
        };
        diagnostics.push(
            Diagnostic::new(Code::UnusedAcceptance, message)
                .at(source, &acceptance.span)
                .with_help(msg!("unused-acceptance-help")),
        );
    }
}

/// A plan's text without the acceptances that accept nothing in it, for a plan this tool writes
/// from another (`show --as-of`: the findings an acceptance was written for may not exist yet at
/// that date; `rollover`: a finding may not hold in the new year). Each acceptance is on its own line, as [`crate::render::plan`] writes them;
/// an `accept` left empty goes too.
pub fn without_unused(name: &str, text: &str) -> String {
    let checked = crate::check_plan(&SourceFile::new(name, text));
    let unused: Vec<usize> = checked
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::UnusedAcceptance)
        .filter_map(|d| d.location.as_ref().map(|l| l.line))
        .collect();
    if unused.is_empty() {
        return text.to_owned();
    }
    let kept: Vec<&str> = text
        .split_inclusive('\n')
        .enumerate()
        .filter(|(index, _)| !unused.contains(&(index + 1)))
        .map(|(_, l)| l)
        .collect();
    kept.join("").replace("accept = [\n]\n", "")
}
