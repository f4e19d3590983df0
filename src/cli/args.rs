//! What the user can type: clap definitions only, no behaviour. The words of `--help` are
//! messages of the catalogue, set at start in the interface's language ([`super::help`]).

use std::path::PathBuf;

use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};

/// The command line. The help of every command and argument is in the catalogue (`help.ftl`),
/// in both languages: see [`super::help`].
#[derive(Debug, Parser)]
// `bin_name`: usage lines say `cruscotto` on Windows too, not the `cruscotto.exe` of argv[0].
#[command(name = "cruscotto", bin_name = "cruscotto", version, about, long_about = None)]
pub(crate) struct Cli {
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub(crate) color: ColorChoice,

    #[arg(long, value_enum, global = true, value_name = "LANG")]
    pub(crate) lang: Option<LangChoice>,
    #[arg(short, long, global = true)]
    pub(crate) quiet: bool,

    #[arg(long, value_name = "CODE", value_delimiter = ',', global = true)]
    pub(crate) ignore: Vec<String>,

    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum LangChoice {
    It,
    En,
}

impl From<LangChoice> for cruscotto::i18n::Lang {
    fn from(choice: LangChoice) -> Self {
        match choice {
            LangChoice::It => Self::It,
            LangChoice::En => Self::En,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    Check(CheckArgs),
    Tree(TreeArgs),
    List(ListArgs),
    Score(ScoreArgs),
    ScoreMany(ScoreManyArgs),
    Template(TemplateArgs),
    Export(ExportArgs),
    Report(ReportArgs),
    Diff(DiffArgs),
    History(HistoryArgs),
    Show(ShowArgs),
    Import(ImportArgs),
    Rollover(RolloverArgs),
    Schema,
    Completions(CompletionsArgs),
    Man(ManArgs),
    Explain(ExplainArgs),
}

#[derive(Debug, Args)]
pub(crate) struct ManArgs {
    #[arg(value_name = "COMMAND")]
    pub(crate) command: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct CompletionsArgs {
    #[arg(value_enum)]
    pub(crate) shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub(crate) struct ExplainArgs {
    #[arg(value_name = "CODE")]
    pub(crate) code: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct ImportArgs {
    #[arg(value_name = "FILE")]
    pub(crate) file: PathBuf,
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    #[arg(long)]
    pub(crate) force: bool,
    #[arg(long)]
    pub(crate) year: Option<i32>,
    #[arg(long)]
    pub(crate) body: Option<String>,
    #[arg(long)]
    pub(crate) title: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct RolloverArgs {
    #[command(flatten)]
    pub(crate) plan: PlanArg,
    #[arg(long)]
    pub(crate) year: Option<i32>,
    #[arg(long, value_name = "YEAR")]
    pub(crate) until: Option<i32>,
    #[arg(long)]
    pub(crate) title: Option<String>,
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    #[arg(long)]
    pub(crate) force: bool,
}

/// Where the plan comes from.
#[derive(Debug, Args)]
pub(crate) struct PlanArg {
    #[arg(value_name = "PLAN")]
    pub(crate) plan: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    #[command(flatten)]
    pub(crate) plan: PlanArg,
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub(crate) format: CheckFormat,
    #[arg(long, value_name = "WHAT", value_delimiter = ',')]
    pub(crate) deny: Vec<String>,
    #[arg(short, long, conflicts_with = "quiet")]
    pub(crate) verbose: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum CheckFormat {
    Text,
    Json,
    Github,
}

#[derive(Debug, Args)]
pub(crate) struct TreeArgs {
    #[command(flatten)]
    pub(crate) plan: PlanArg,
    #[arg(long, value_enum, default_value_t = Depth::Indicator)]
    pub(crate) depth: Depth,
    #[arg(long)]
    pub(crate) width: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Depth {
    Mission,
    Strategic,
    Program,
    Operational,
    Indicator,
}

#[derive(Debug, Args)]
pub(crate) struct ListArgs {
    #[command(flatten)]
    pub(crate) plan: PlanArg,
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub(crate) format: ListFormat,
    #[arg(long)]
    pub(crate) width: Option<u16>,
    #[arg(long, value_delimiter = ',')]
    pub(crate) columns: Option<Vec<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ListFormat {
    Table,
    Csv,
    Json,
}

#[derive(Debug, Args)]
pub(crate) struct ScoreManyArgs {
    #[arg(value_name = "FOLDER|LIST")]
    pub(crate) input: PathBuf,
    #[arg(long)]
    pub(crate) year: Option<i32>,
    #[arg(long, value_enum, default_value_t = ManyFormat::Csv)]
    pub(crate) format: ManyFormat,
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    #[arg(long)]
    pub(crate) force: bool,
    #[arg(short, long, value_name = "N")]
    pub(crate) jobs: Option<std::num::NonZeroUsize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ManyFormat {
    Csv,
    Jsonl,
}

#[derive(Debug, Args)]
pub(crate) struct ScoreArgs {
    #[command(flatten)]
    pub(crate) plan: PlanArg,
    #[arg(long = "actuals", short = 'a', value_name = "FILE", required = true, action = ArgAction::Append)]
    pub(crate) actuals: Vec<PathBuf>,
    #[arg(long, value_parser = parse_period, value_name = "YEAR")]
    pub(crate) year: Option<cruscotto::period::Period>,
    #[arg(long, value_enum)]
    pub(crate) level: Option<ScoreLevel>,
    #[arg(long, value_enum, default_value_t = ScoreFormat::Table)]
    pub(crate) format: ScoreFormat,
    #[arg(long)]
    pub(crate) explain: bool,
    #[arg(long, value_name = "PCT")]
    pub(crate) fail_under: Option<String>,
    #[arg(long)]
    pub(crate) strict: bool,
    #[arg(long)]
    pub(crate) width: Option<u16>,
    #[arg(long, value_delimiter = ',')]
    pub(crate) columns: Option<Vec<String>>,
}

/// A period of `--year`: `2024`, `2024-S1`, `2024-Q3`.
fn parse_period(text: &str) -> Result<cruscotto::period::Period, String> {
    cruscotto::period::Period::parse(text)
        .ok_or_else(|| super::words::say(&cruscotto::msg!("cli-not-a-period", text = text)))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ScoreLevel {
    Indicator,
    Operational,
    Program,
    Strategic,
    Mission,
    Perspective,
    Area,
    Service,
    All,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ScoreFormat {
    Table,
    Csv,
    Json,
    Markdown,
}

#[derive(Debug, Args)]
pub(crate) struct TemplateArgs {
    #[command(flatten)]
    pub(crate) plan: PlanArg,
    #[arg(long)]
    pub(crate) year: Option<i32>,
    #[arg(long, value_delimiter = ',', value_name = "SERVICE")]
    pub(crate) service: Vec<String>,
    #[arg(long, value_enum)]
    pub(crate) format: Option<TemplateFormat>,
    #[arg(long)]
    pub(crate) by_service: bool,
    #[arg(long, value_enum)]
    pub(crate) delimiter: Option<Delimiter>,
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    #[arg(long)]
    pub(crate) force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum TemplateFormat {
    Csv,
    Xlsx,
}

#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    #[command(flatten)]
    pub(crate) plan: PlanArg,
    #[arg(long = "actuals", short = 'a', value_name = "FILE", required = true, action = ArgAction::Append)]
    pub(crate) actuals: Vec<PathBuf>,
    #[arg(long)]
    pub(crate) year: Option<i32>,
    #[arg(long)]
    pub(crate) strict: bool,
    #[arg(long, value_enum)]
    pub(crate) format: Option<ExportFormat>,
    #[arg(short, long, value_name = "PATH")]
    pub(crate) output: Option<PathBuf>,
    #[arg(long)]
    pub(crate) force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ExportFormat {
    Xlsx,
    Csv,
}

#[derive(Debug, Args)]
pub(crate) struct ReportArgs {
    #[command(flatten)]
    pub(crate) plan: PlanArg,
    #[arg(
        long = "actuals",
        short = 'a',
        value_name = "FILE",
        action = ArgAction::Append,
        required_unless_present = "write_template"
    )]
    pub(crate) actuals: Vec<PathBuf>,
    #[arg(long)]
    pub(crate) year: Option<i32>,
    #[arg(long, value_enum)]
    pub(crate) format: Option<ReportFileFormat>,
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    #[arg(long)]
    pub(crate) force: bool,
    #[arg(long, value_name = "DIR")]
    pub(crate) template: Option<PathBuf>,
    #[arg(long, value_name = "DIR", conflicts_with_all = ["actuals", "template", "format", "output", "year"])]
    pub(crate) write_template: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ReportFileFormat {
    Html,
    Pdf,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Delimiter {
    Comma,
    Semicolon,
    Tab,
}

#[derive(Debug, Args)]
pub(crate) struct DiffArgs {
    #[arg(value_name = "OLD")]
    pub(crate) old: String,
    #[arg(value_name = "NEW")]
    pub(crate) new: String,
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub(crate) format: DiffFormat,
    #[arg(long)]
    pub(crate) require_acts: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum DiffFormat {
    Text,
    Json,
    Markdown,
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ReportFormat {
    Text,
    Json,
    Markdown,
}

#[derive(Debug, Args)]
pub(crate) struct HistoryArgs {
    #[command(flatten)]
    pub(crate) plan: PlanArg,
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub(crate) format: ReportFormat,
}

#[derive(Debug, Args)]
pub(crate) struct ShowArgs {
    #[command(flatten)]
    pub(crate) plan: PlanArg,
    #[arg(long, value_name = "DATE", conflicts_with = "act", required_unless_present = "act")]
    pub(crate) as_of: Option<String>,
    #[arg(long, value_name = "ACT")]
    pub(crate) act: Option<String>,
    #[arg(long, value_enum, default_value_t = ShowFormat::Tree)]
    pub(crate) format: ShowFormat,
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    #[arg(long)]
    pub(crate) force: bool,
    #[arg(long)]
    pub(crate) width: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ShowFormat {
    Tree,
    Toml,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_definition_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
