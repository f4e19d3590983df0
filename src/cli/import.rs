//! `cruscotto import`: a spreadsheet → a TOML plan, checked before it is written.

use cruscotto::i18n::Message;
use cruscotto::import::{Counts, Options};
use cruscotto::msg;
use cruscotto::render::diagnostics as render_diagnostics;

use super::args::ImportArgs;
use super::io::{self, Output};
use super::{EXIT_INPUT_ERRORS, EXIT_OK};

/// Spreadsheets larger than this are refused before reading: an annex is a few hundred
/// kilobytes, and 100,000 rows of text about 30 MiB.
const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

pub(crate) fn run(args: &ImportArgs, output: &Output) -> anyhow::Result<u8> {
    let file = io::output_file(args.output.as_ref());
    io::refuse_to_overwrite(file, args.force)?;
    let origin = io::Origin::data(&args.file);
    let name = io::recorded_name(&origin);
    let bytes = origin.read("spreadsheet", MAX_INPUT_BYTES)?;
    // The plan written states no `lang`: its language, and its comments', is Italian unless
    // `--lang` says otherwise.
    let lang = output.lang_override.unwrap_or_default();
    let options = Options { year: args.year, body: args.body.clone(), title: args.title.clone(), lang };
    let imported = cruscotto::import::import(&name, bytes, &options);

    output.eprint(&output.diagnostics_text(&imported.diagnostics));
    if !imported.diagnostics.is_empty() {
        output.note(&format!("{}\n", render_diagnostics::summary(&name, &imported.diagnostics, output.interface_lang)));
    }
    let Some(plan) = imported.plan else {
        return Ok(EXIT_INPUT_ERRORS);
    };

    // The plan must load: an error here is a fault of the import, not of the source.
    let warnings = match io::check_written(&plan, file, "import", output) {
        Ok(diagnostics) => diagnostics.len(),
        Err(code) => return Ok(code),
    };

    let counts = summary(&imported.counts);
    let done = match file {
        Some(path) => {
            io::write_atomically(path, &plan, args.force)?;
            msg!("cli-import-wrote", file = path.display())
        }
        None => {
            output.print(&plan)?;
            msg!("cli-import-imported", file = &name)
        }
    };
    output.note_line("", &done.message("counts", counts));
    if warnings > 0 {
        let note = match file {
            Some(path) => msg!("cli-import-warnings", file = path.display()),
            None => msg!("cli-import-warnings-stdout"),
        };
        output.note_line("note: ", &note.count("count", warnings));
    }
    Ok(EXIT_OK)
}

/// `4 missions, 14 strategic objectives (52 indicators), ...`.
fn summary(counts: &Counts) -> Message {
    msg!("cli-import-counts")
        .count("missions", counts.missions)
        .count("strategic", counts.strategic_objectives)
        .count("strategic_indicators", counts.strategic_indicators)
        .count("programs", counts.programs)
        .count("operational", counts.operational_objectives)
        .count("operational_indicators", counts.operational_indicators)
        .count("revisions", counts.revisions)
}
