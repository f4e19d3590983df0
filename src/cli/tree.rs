//! `cruscotto tree`: the performance tree.

use cruscotto::plan::Level;
use cruscotto::render::tree::{TreeOptions, render};

use super::EXIT_OK;
use super::args::{Depth, TreeArgs};
use super::io::{self, Output};

pub(crate) fn run(args: &TreeArgs, output: &Output) -> anyhow::Result<u8> {
    let plan = match io::load_valid_plan(&args.plan, output)? {
        Ok(plan) => plan,
        Err(code) => return Ok(code),
    };
    let depth = match args.depth {
        Depth::Mission => Level::Mission,
        Depth::Strategic => Level::StrategicObjective,
        Depth::Program => Level::Program,
        Depth::Operational => Level::OperationalObjective,
        Depth::Indicator => Level::Indicator,
    };
    let width = args.width.or_else(|| output.terminal_width().map(usize::from));
    let lang = output.deliverable_lang(&plan);
    output.print(&render(&plan, TreeOptions { depth, width, style: output.style, lang }))?;
    Ok(EXIT_OK)
}
