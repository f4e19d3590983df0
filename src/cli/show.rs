//! `cruscotto show --as-of DATE`: the plan as it stood at a date.

use cruscotto::as_of::as_of;
use cruscotto::date::Date;
use cruscotto::msg;
use cruscotto::plan::Plan;
use cruscotto::render::tree::{TreeOptions, as_of_summary, render};

use super::EXIT_OK;
use super::args::{ShowArgs, ShowFormat};
use super::io::{self, Output};
use super::words::{Failure, fail};

pub(crate) fn run(args: &ShowArgs, output: &Output) -> anyhow::Result<u8> {
    let plan = match io::load_valid_plan(&args.plan, output)? {
        Ok(plan) => plan,
        Err(code) => return Ok(code),
    };
    let date = match (&args.as_of, &args.act) {
        (Some(text), _) => Date::parse(text).map_err(|error| {
            Failure::new(msg!("cli-flag-value", flag = "--as-of").message("reason", error.message()))
        })?,
        (None, Some(act)) => act_date(&plan, act)?,
        (None, None) => fail!(msg!("cli-show-needs-date")),
    };
    let result = as_of(&plan, date);
    let lang = output.deliverable_lang(&plan);
    let summary = as_of_summary(&result, date, lang);
    match args.format {
        ShowFormat::Tree => {
            let width = args.width.or_else(|| output.terminal_width().map(usize::from));
            let depth = cruscotto::plan::Level::Indicator;
            let tree = render(&result.plan, TreeOptions { depth, width, style: output.style, lang });
            write(args, output, &format!("{summary}\n{tree}"))?;
        }
        ShowFormat::Toml => {
            let header = format!("{}\n{}", plan.metadata.title, summary.trim_end());
            let text = cruscotto::render::plan::toml(&result.plan, &header);
            // The findings some acceptances were written for came later: those go.
            let text = cruscotto::accept::without_unused("as-of.toml", &text);
            write(args, output, &text)?;
        }
    }
    Ok(EXIT_OK)
}

fn write(args: &ShowArgs, output: &Output, text: &str) -> anyhow::Result<()> {
    match io::output_file(args.output.as_ref()) {
        Some(path) => io::write_atomically(path, text, args.force),
        None => output.print(text),
    }
}

/// The date of the act named by number (`97`) or date (`26/07/2018`), when it is one act.
fn act_date(plan: &Plan, wanted: &str) -> anyhow::Result<Date> {
    let as_date = Date::parse(wanted).ok();
    let mut dates: Vec<Date> = plan
        .nodes
        .iter()
        .flat_map(|node| node.revisions().iter())
        .filter_map(|revision| revision.act.as_ref())
        .chain(plan.metadata.adopted_by.as_ref())
        .filter(|act| act.number.as_deref() == Some(wanted.trim()) || (as_date.is_some() && act.date == as_date))
        .filter_map(|act| act.date)
        .collect();
    dates.sort_unstable();
    dates.dedup();
    match dates.as_slice() {
        [date] => Ok(*date),
        [] => fail!(msg!("cli-show-no-act", act = wanted), msg!("cli-show-no-act-help")),
        several => {
            let list = several.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
            fail!(msg!("cli-show-several-acts", act = wanted, dates = list))
        }
    }
}
