//! `cruscotto template`: the actuals file to be filled in.

use anyhow::bail;
use cruscotto::render::template;

use super::EXIT_OK;
use super::args::{Delimiter, TemplateArgs};
use super::io::{self, Output};

pub(crate) fn run(args: &TemplateArgs, output: &Output) -> anyhow::Result<u8> {
    let plan = match io::load_valid_plan(&args.plan, output)? {
        Ok(plan) => plan,
        Err(code) => return Ok(code),
    };
    let year = args.year.unwrap_or(plan.metadata.year);
    if !plan.metadata.horizon().contains(&year) {
        bail!("--year {year} is outside the plan's horizon {}–{}", plan.metadata.first_year, plan.metadata.last_year);
    }
    let mut services = Vec::new();
    for id in &args.service {
        match plan.services.iter().position(|s| s.id == *id) {
            Some(index) => services.push(index),
            None => {
                let known: Vec<&str> = plan.services.iter().map(|s| s.id.as_str()).collect();
                bail!("service `{id}` is not in the plan\nhelp: the services are: {}", known.join(", "));
            }
        }
    }
    let keep = |index| {
        let indicator = plan.node(index).indicator().expect("an indicator");
        services.is_empty() || indicator.cross_cutting || indicator.services.iter().any(|s| services.contains(s))
    };
    let rows: Vec<_> = template::expected_indicators(&plan, year, keep).collect();
    let delimiter = match args.delimiter {
        Delimiter::Comma => b',',
        Delimiter::Semicolon => b';',
        Delimiter::Tab => b'\t',
    };
    let text = template::csv(&plan, year, &rows, delimiter);
    match &args.output {
        Some(path) => {
            io::write_atomically(path, &text, args.force)?;
            output.eprint(&format!("wrote {} rows to {}\n", rows.len(), path.display()));
        }
        None => output.print(&text)?,
    }
    Ok(EXIT_OK)
}
