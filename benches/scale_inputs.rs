//! The inputs and the floors of the whole-CLI measurement `benches/scale/run`, not a timed
//! benchmark itself:
//!
//! - `inputs DIR OBJECTIVES` writes the generated plan (`plan.toml`, 28 indicators per strategic
//!   objective), its actuals (`actuals.csv`, ten years) and the node list a script working on a
//!   table reads instead of the plan (`nodes.csv`: id, parent, weight, target, polarity);
//! - `toml FILE` parses a file into a bare `toml::Table`, the floor of any reader of the plan;
//! - `csv FILE` reads every record of a `;`-delimited file with the csv crate, touching every
//!   field, the floor of any reader of the actuals.
//!
//! Run through `cargo bench --bench scale_inputs -- MODE ARGS...` (an optimised build).

use std::io::Write as _;

#[path = "common.rs"]
mod common;

/// The years of every generated input: ten rows per indicator.
const YEARS: std::ops::RangeInclusive<i32> = 2010..=2019;

fn main() -> std::io::Result<()> {
    // `cargo bench` passes `--bench`; everything else is ours.
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["inputs", dir, objectives] => {
            let objectives: usize = objectives.parse().expect("OBJECTIVES is a number");
            let dir = std::path::Path::new(dir);
            std::fs::write(dir.join("plan.toml"), common::plan(objectives, YEARS))?;
            std::fs::write(dir.join("actuals.csv"), common::actuals(objectives, YEARS))?;
            std::fs::write(dir.join("nodes.csv"), common::nodes(objectives))?;
        }
        ["toml", file] => {
            let text = std::fs::read_to_string(file)?;
            let table: toml::Table = text.parse().expect("valid TOML");
            writeln!(std::io::stdout(), "{} top-level keys", table.len())?;
        }
        ["csv", file] => {
            let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_path(file)?;
            let mut record = csv::StringRecord::new();
            let mut bytes = 0;
            while reader.read_record(&mut record)? {
                bytes += record.iter().map(str::len).sum::<usize>();
            }
            writeln!(std::io::stdout(), "{bytes} bytes of fields")?;
        }
        _ => {
            let usage = "usage: scale_inputs inputs DIR OBJECTIVES | toml FILE | csv FILE";
            return Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, usage));
        }
    }
    Ok(())
}
