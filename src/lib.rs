//! `cruscotto`: an Italian public body's performance plan as plain-text TOML, checked, scored
//! and reported.
//!
//! The library is the pure core: it never prints, never reads files or the environment. The
//! `cruscotto` binary (`src/main.rs`, `src/cli/`) reads the inputs, calls these functions and
//! writes what they return.
//!
//! The pipeline, one module per step:
//!
//! - [`source`]: an input text with its name and line index;
//! - [`load`]: TOML text → [`load::RawPlan`], every value checked on its own ([`load::spec`]
//!   describes the format);
//! - [`validate`]: raw plan → [`plan::Plan`], everything that needs several values checked;
//! - [`accept`]: the findings the plan accepts, with their reasons;
//! - [`target`], [`number`], [`date`], [`period`]: the small notations the plan is written in;
//! - [`render`]: plans and diagnostics → text, CSV, JSON;
//! - [`export`]: results and the actuals template as workbooks (xlsx) and CSV files;
//! - [`schema`]: the JSON Schema of the plan format;
//! - [`provenance`]: what results were computed from (digests, commit, version);
//! - [`report`]: the Relazione sulla performance as an HTML page (data, charts, template);
//! - [`rollover`]: next year's plan from this year's;
//! - [`import`]: a spreadsheet (xlsx, ods, csv, tab-separated text) → a plan's TOML text.
//!
//! Problems are [`diagnostic::Diagnostic`] values, collected, never panics or early returns.

pub mod accept;
pub mod actuals;
pub mod as_of;
pub mod date;
pub mod diagnostic;
pub mod diff;
pub mod export;
pub mod history;
pub mod i18n;
pub mod import;
pub mod load;
pub mod number;
pub mod parallel;
pub mod period;
pub mod plan;
pub mod provenance;
pub mod render;
pub mod report;
pub mod rollover;
pub mod schema;
pub mod score;
pub mod source;
pub mod target;
pub mod validate;
pub mod workbook;

use diagnostic::{Code, Diagnostic, Location};
use plan::Plan;
use source::SourceFile;

/// A plan with the diagnostics found while reading it.
#[derive(Debug)]
pub struct Checked {
    /// The plan, when it has no errors (it may have warnings).
    pub plan: Option<Plan>,
    /// Every problem found, in a stable order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads and validates a plan: the work of `cruscotto check`. The findings the plan accepts are
/// marked as accepted ([`accept`]).
pub fn check_plan(source: &SourceFile) -> Checked {
    let mut diagnostics = Vec::new();
    let raw = load::load(source, &mut diagnostics);
    check_loaded(source, raw, diagnostics)
}

/// [`check_plan`] of a plan already read (`raw`, with what reading it found in `diagnostics`):
/// one read a piece at a time ([`load::PlanStream`]), whose text is not held.
pub fn check_loaded(source: &SourceFile, raw: Option<load::RawPlan>, mut diagnostics: Vec<Diagnostic>) -> Checked {
    let mut acceptances = Vec::new();
    let plan = raw.and_then(|mut raw| {
        acceptances = std::mem::take(&mut raw.acceptances);
        validate::validate(source, raw, &mut diagnostics)
    });
    accept::apply(source, &acceptances, &mut diagnostics);
    diagnostic::sort(&mut diagnostics);
    Checked { plan, diagnostics }
}

/// The help of every encoding problem of a plan.
fn save_as_utf8() -> i18n::Message {
    msg!("invalid-encoding-help")
}

/// Turns the bytes of a file into a [`SourceFile`], or an `invalid-encoding` diagnostic that
/// points at the first byte that is not UTF-8. A byte order mark is honoured: UTF-8 after one is
/// read as UTF-8, UTF-16 after one (Windows Notepad's "Unicode") is decoded, and a malformed
/// UTF-16 file is an error, never a silent replacement.
pub fn decode_source(name: &str, bytes: Vec<u8>) -> Result<SourceFile, Box<Diagnostic>> {
    use actuals::encoding::{self, Encoding};
    let bytes = match encoding::byte_order_mark(&bytes) {
        Some((Encoding::Utf16Le | Encoding::Utf16Be, length)) => {
            let utf16 = if bytes[0] == 0xFF { encoding_rs::UTF_16LE } else { encoding_rs::UTF_16BE };
            return match utf16.decode_without_bom_handling_and_without_replacement(&bytes[length..]) {
                Some(text) => Ok(SourceFile::new(name, text.into_owned())),
                None => Err(Box::new(
                    Diagnostic::new(Code::InvalidEncoding, msg!("invalid-encoding-utf16"))
                        .located(Location::at_line(name, 1, 1))
                        .with_help(save_as_utf8()),
                )),
            };
        }
        Some((_, length)) => bytes[length..].to_vec(),
        None => bytes,
    };
    // NULs are valid UTF-8, but no text plan has them: UTF-16 without its mark, or a binary.
    if encoding::is_binary(&bytes) {
        let (message, help) = if encoding::looks_like_utf16_without_bom(&bytes) {
            (msg!("invalid-encoding-utf16-without-bom"), save_as_utf8())
        } else {
            (msg!("invalid-encoding-binary"), msg!("invalid-encoding-binary-help"))
        };
        let diagnostic = Diagnostic::new(Code::InvalidEncoding, message).located(Location::at_line(name, 1, 1));
        return Err(Box::new(diagnostic.with_help(help)));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile::new(name, text)),
        Err(error) => {
            let valid = error.utf8_error().valid_up_to();
            let prefix = String::from_utf8_lossy(&error.as_bytes()[..valid]);
            let line = prefix.matches('\n').count() + 1;
            let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            let byte = format!("0x{:02X}", error.as_bytes()[valid]);
            let message = msg!("invalid-encoding", byte = byte, offset = valid);
            // The offending line, with the bad byte shown as the replacement character.
            let line_start = valid - prefix.rsplit('\n').next().map_or(0, str::len);
            let rest = &error.as_bytes()[line_start..];
            let line_end = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
            let text = String::from_utf8_lossy(&rest[..line_end]);
            let location = Location::in_line(name, line, column, valid - line_start, 1, text.trim_end_matches('\r'));
            Err(Box::new(Diagnostic::new(Code::InvalidEncoding, message).located(location).with_help(save_as_utf8())))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_utf8_bytes_are_located() {
        let error = decode_source("p.toml", b"a = 1\nb = \"caf\xE8\"\n".to_vec()).unwrap_err();
        assert_eq!(error.code, Code::InvalidEncoding);
        let location = error.location.unwrap();
        assert_eq!((location.line, location.column), (2, 9));
        assert!(error.message.to_string().contains("0xE8"), "{}", error.message);
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded_and_without_one_is_named() {
        let text = "[plan]\nbody = \"Camera di Commercio – Prova\"\n";
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode_source("p.toml", bytes).unwrap().text(), text);
        let mut big = vec![0xFE, 0xFF];
        big.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode_source("p.toml", big).unwrap().text(), text);
        let bare: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let error = decode_source("p.toml", bare).unwrap_err();
        assert_eq!(error.message.to_string(), "the file is UTF-16 text without a byte order mark, not UTF-8");
        let lone_surrogate = vec![0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00];
        assert_eq!(decode_source("p.toml", lone_surrogate).unwrap_err().code, Code::InvalidEncoding);
    }

    #[test]
    fn a_byte_order_mark_is_dropped() {
        let source = decode_source("p.toml", b"\xEF\xBB\xBFa = 1".to_vec()).unwrap();
        assert_eq!(source.text(), "a = 1");
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_checked_without_panicking(text in "\\PC{0,200}") {
            let _ = check_plan(&SourceFile::new("fuzz.toml", text));
        }

        #[test]
        fn plan_like_text_is_checked_without_panicking(
            lines in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::prelude::Just("[plan]".to_owned()),
                    proptest::prelude::Just("[[indicator]]".to_owned()),
                    proptest::prelude::Just("[[mission]]".to_owned()),
                    proptest::prelude::Just("[[indicator.revision]]".to_owned()),
                    "(id|name|objective|mission|targets|target|year|horizon|weight|change|act|status) = (\"[A-Za-z0-9.≥<% ]{0,8}\"|[0-9]{1,4}|\\[2019, 2020\\]|\\{ 2019 = \"[0-9<>=%]{0,4}\" \\})",
                ],
                0..30,
            )
        ) {
            let _ = check_plan(&SourceFile::new("fuzz.toml", lines.join("\n")));
        }
    }
}
