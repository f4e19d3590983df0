//! `cruscotto explain CODE`: a diagnostic code's section of `docs/diagnostics.md`, built into
//! the binary, so the documentation is at hand where the finding is read.

use cruscotto::diagnostic::Code;
use cruscotto::msg;

use super::EXIT_OK;
use super::args::ExplainArgs;
use super::findings;
use super::io::Output;
use super::words::fail;

/// The diagnostics reference, as committed.
const DIAGNOSTICS_DOC: &str = include_str!("../../docs/diagnostics.md");

pub(crate) fn run(args: &ExplainArgs, output: &Output) -> anyhow::Result<u8> {
    let Some(name) = &args.code else {
        let width = Code::NAMES.iter().map(|n| n.len()).max().unwrap_or(0);
        // The severity is written as in diagnostics, `error` or `warning`, in every language.
        let list: String = Code::ALL
            .iter()
            .map(|code| {
                let description = output.say(&code.description());
                format!("{:<width$}  {:<7}  {description}\n", code.as_str(), code.severity().as_str())
            })
            .collect();
        output.print(&list)?;
        return Ok(EXIT_OK);
    };
    let code = findings::code(name, "explain")?;
    match section(DIAGNOSTICS_DOC, code) {
        Some(text) => output.print(&format!("{}\n", text.trim_end()))?,
        None => fail!(msg!("cli-explain-no-section", code = code)),
    }
    Ok(EXIT_OK)
}

/// The section of `doc` about `code`: from its `### `code`` heading to the next heading of the
/// same or a higher level.
pub(crate) fn section(doc: &str, code: Code) -> Option<&str> {
    let heading = format!("\n### `{code}`\n");
    let start = doc.find(&heading)? + 1;
    let rest = &doc[start + heading.len() - 1..];
    // The next `## ` or `### ` heading outside a code block ends the section.
    let mut in_code = false;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.starts_with("```") {
            in_code = !in_code;
        }
        if !in_code && (line.starts_with("## ") || line.starts_with("### ")) {
            break;
        }
        offset += line.len();
    }
    Some(&doc[start..start + heading.len() - 1 + offset])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_section_that_is_its_own() {
        for &code in Code::ALL {
            let text = section(DIAGNOSTICS_DOC, code).unwrap_or_else(|| panic!("no section for {code}"));
            assert!(text.starts_with(&format!("### `{code}`\n")), "{code}: {text}");
            assert!(text.contains("**Severity:**"), "{code}: the section has no severity");
            assert_eq!(text.matches("\n### ").count(), 0, "{code}: the section runs into the next");
        }
    }
}
