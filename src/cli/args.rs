//! What the user can type: clap definitions only, no behaviour.

use std::path::PathBuf;

use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};

/// Check, score and report an Italian public body's performance plan kept as TOML.
#[derive(Debug, Parser)]
#[command(name = "cruscotto", version, about, long_about = None)]
#[command(
    after_help = "Exit codes: 0 success; 1 the input has errors; 2 usage or I/O error; 3 --fail-under not reached."
)]
pub(crate) struct Cli {
    /// When to colour the output (NO_COLOR is respected under `auto`).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub(crate) color: ColorChoice,

    /// The language of messages and of what is written for people [default: messages in the
    /// language of CRUSCOTTO_LANG or the locale; deliverables in the plan's `lang`, Italian]
    #[arg(long, value_enum, global = true, value_name = "LANG")]
    pub(crate) lang: Option<LangChoice>,
    /// No notes or summary lines (errors and the findings not accepted are still printed).
    #[arg(short, long, global = true)]
    pub(crate) quiet: bool,

    /// Accept the warnings of CODE for this run: still counted, listed with `check --verbose`,
    /// never failing (repeat, or separate codes with commas).
    #[arg(long, value_name = "CODE", value_delimiter = ',', global = true)]
    pub(crate) ignore: Vec<String>,

    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum LangChoice {
    /// Italiano.
    It,
    /// English.
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
    /// Validate a plan and report every problem; silent when clean.
    Check(CheckArgs),
    /// Print the performance tree (albero della performance).
    Tree(TreeArgs),
    /// List every indicator, one row each, with its target per year.
    List(ListArgs),
    /// Score the plan against the year's actual values and print the attainment tables.
    Score(ScoreArgs),
    /// Write the actuals file to be filled in for a year.
    Template(TemplateArgs),
    /// Write the results as a workbook (or CSV files) for spreadsheets and the Relazione.
    Export(ExportArgs),
    /// Write the Relazione sulla performance: one self-contained HTML page (or PDF).
    Report(ReportArgs),
    /// Compare two versions of a plan (files, or `REV:path` read from git).
    Diff(DiffArgs),
    /// The revision log, grouped by act.
    History(HistoryArgs),
    /// The plan as it stood at a date (or as adopted by an act).
    Show(ShowArgs),
    /// Turn a plan kept in a spreadsheet (xlsx, ods, csv, tab-separated text) into a TOML plan.
    Import(ImportArgs),
    /// Write next year's plan from this year's: the year moved, every target under its year.
    Rollover(RolloverArgs),
    /// Print the JSON Schema of the plan format, for editors.
    Schema,
    /// Print the completion script for a shell (e.g. `cruscotto completions bash > /etc/bash_completion.d/cruscotto`).
    Completions(CompletionsArgs),
    /// Print a manual page (roff), e.g. `cruscotto man > cruscotto.1`, `cruscotto man score > cruscotto-score.1`.
    Man(ManArgs),
    /// Print the documentation of a diagnostic code (every code, without one).
    Explain(ExplainArgs),
}

#[derive(Debug, Args)]
pub(crate) struct ManArgs {
    /// The command whose page to print (`cruscotto-COMMAND(1)`) [default: the page of cruscotto itself]
    #[arg(value_name = "COMMAND")]
    pub(crate) command: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub(crate) shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub(crate) struct ExplainArgs {
    /// The code, e.g. `incomplete-act`.
    #[arg(value_name = "CODE")]
    pub(crate) code: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct ImportArgs {
    /// The spreadsheet: .xlsx, .ods, .xls, or a sheet saved as CSV or tab-separated text (`-` for
    /// standard input).
    #[arg(value_name = "FILE")]
    pub(crate) file: PathBuf,
    /// Write the plan to FILE instead of standard output (whole or not at all; `-` is standard
    /// output).
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// Overwrite the output FILE if it exists.
    #[arg(long)]
    pub(crate) force: bool,
    /// The plan year [default: inferred from the source]
    #[arg(long)]
    pub(crate) year: Option<i32>,
    /// The body the plan is of [default: a line of the source naming it]
    #[arg(long)]
    pub(crate) body: Option<String>,
    /// The plan's title [default: a heading of the source, else made from the parts found]
    #[arg(long)]
    pub(crate) title: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct RolloverArgs {
    #[command(flatten)]
    pub(crate) plan: PlanArg,
    /// The new plan year [default: the plan year + 1]
    #[arg(long)]
    pub(crate) year: Option<i32>,
    /// The horizon's last year [default: the plan's, or the new year when later]
    #[arg(long, value_name = "YEAR")]
    pub(crate) until: Option<i32>,
    /// The new plan's title [default: the plan's, unchanged]
    #[arg(long)]
    pub(crate) title: Option<String>,
    /// Write the plan to FILE instead of standard output (whole or not at all; `-` is standard
    /// output).
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// Overwrite the output FILE if it exists.
    #[arg(long)]
    pub(crate) force: bool,
}

/// Where the plan comes from.
#[derive(Debug, Args)]
pub(crate) struct PlanArg {
    /// The plan file, `-` for standard input, or `REV:path` read from git (e.g.
    /// `HEAD:plans/plan.toml`) [default: $CRUSCOTTO_PLAN, then ./plan.toml]
    #[arg(value_name = "PLAN")]
    pub(crate) plan: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    #[command(flatten)]
    pub(crate) plan: PlanArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub(crate) format: CheckFormat,
    /// Make warnings fail the check too (exit 1): `warnings` for all of them, or a code for
    /// that code's (repeat, or separate with commas). Accepted findings never fail.
    #[arg(long, value_name = "WHAT", value_delimiter = ',')]
    pub(crate) deny: Vec<String>,
    /// Also list the accepted findings, with their reasons, and print the summary line even when
    /// the plan is clean.
    #[arg(short, long, conflicts_with = "quiet")]
    pub(crate) verbose: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum CheckFormat {
    /// Messages with the source line and a caret.
    Text,
    /// A JSON array of diagnostics.
    Json,
    /// GitHub Actions annotations.
    Github,
}

#[derive(Debug, Args)]
pub(crate) struct TreeArgs {
    #[command(flatten)]
    pub(crate) plan: PlanArg,
    /// The deepest level shown.
    #[arg(long, value_enum, default_value_t = Depth::Indicator)]
    pub(crate) depth: Depth,
    /// Cut lines to this many characters [default: the terminal's width; no cut when piped]
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
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub(crate) format: ListFormat,
    /// Table width [default: the terminal's width, 120 when piped]
    #[arg(long)]
    pub(crate) width: Option<u16>,
    /// The columns to show, comma-separated (e.g. `id,name,2019`) [default: every column for csv
    /// and json; id, level, name, unit, polarity, area, services, status and the years for table]
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
pub(crate) struct ScoreArgs {
    #[command(flatten)]
    pub(crate) plan: PlanArg,
    /// Actual values (CSV, or a workbook: .xlsx, .ods; `-` for standard input); one file per
    /// flag, repeated for several files, e.g. last year's for `x ≤ x-1` targets.
    #[arg(long = "actuals", short = 'a', value_name = "FILE", required = true, action = ArgAction::Append)]
    pub(crate) actuals: Vec<PathBuf>,
    /// The year to score [default: the plan year]
    #[arg(long)]
    pub(crate) year: Option<i32>,
    /// Which rows to show [default: the summary (body, missions, strategic objectives, areas)
    /// then the indicators; for csv, the indicators]
    #[arg(long, value_enum)]
    pub(crate) level: Option<ScoreLevel>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ScoreFormat::Table)]
    pub(crate) format: ScoreFormat,
    /// Print the scoring rules applied before the tables.
    #[arg(long)]
    pub(crate) explain: bool,
    /// Exit 3 when the body's attainment is below PCT (for CI).
    #[arg(long, value_name = "PCT")]
    pub(crate) fail_under: Option<String>,
    /// Fail (exit 1) when an expected actual is missing or a missed or partial indicator has no
    /// note explaining the deviation.
    #[arg(long)]
    pub(crate) strict: bool,
    /// Table width [default: the terminal's width, 120 when piped]
    #[arg(long)]
    pub(crate) width: Option<u16>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ScoreLevel {
    Indicator,
    Operational,
    Program,
    Strategic,
    Mission,
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
    /// The year to collect [default: the plan year]
    #[arg(long)]
    pub(crate) year: Option<i32>,
    /// Only the indicators of these services (ids; repeat or separate with commas).
    #[arg(long, value_delimiter = ',', value_name = "SERVICE")]
    pub(crate) service: Vec<String>,
    /// Output format [default: xlsx with --by-service or when FILE ends in .xlsx, else csv]
    #[arg(long, value_enum)]
    pub(crate) format: Option<TemplateFormat>,
    /// A workbook with one sheet per service (cross-cutting indicators on each).
    #[arg(long)]
    pub(crate) by_service: bool,
    /// Field delimiter [default: semicolon for an Italian plan, which Italian Excel opens
    /// directly; comma for an English one]
    #[arg(long, value_enum)]
    pub(crate) delimiter: Option<Delimiter>,
    /// Write to FILE instead of standard output (whole or not at all; `-` is standard output).
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// Overwrite FILE if it exists.
    #[arg(long)]
    pub(crate) force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum TemplateFormat {
    /// A CSV file.
    Csv,
    /// A workbook (needs -o FILE, or a pipe).
    Xlsx,
}

#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    #[command(flatten)]
    pub(crate) plan: PlanArg,
    /// Actual values (CSV or workbook; `-` for standard input); one file per flag, repeated for
    /// several files, as for `score`.
    #[arg(long = "actuals", short = 'a', value_name = "FILE", required = true, action = ArgAction::Append)]
    pub(crate) actuals: Vec<PathBuf>,
    /// The year to score [default: the plan year]
    #[arg(long)]
    pub(crate) year: Option<i32>,
    /// Fail (exit 1) when an expected actual is missing or a missed or partial indicator has no
    /// note (the files are written all the same).
    #[arg(long)]
    pub(crate) strict: bool,
    /// Output format [default: xlsx]
    #[arg(long, value_enum)]
    pub(crate) format: Option<ExportFormat>,
    /// The workbook to write (.xlsx; `-` is standard output), or, with --format csv, the folder of
    /// CSV files.
    #[arg(short, long, value_name = "PATH")]
    pub(crate) output: Option<PathBuf>,
    /// Overwrite PATH if it exists.
    #[arg(long)]
    pub(crate) force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ExportFormat {
    /// One workbook, a sheet per level.
    Xlsx,
    /// A folder with one CSV file per sheet.
    Csv,
}

#[derive(Debug, Args)]
pub(crate) struct ReportArgs {
    #[command(flatten)]
    pub(crate) plan: PlanArg,
    /// Actual values (CSV or workbook; `-` for standard input); one file per flag, repeated for
    /// several files: the years given make the multi-year view.
    #[arg(
        long = "actuals",
        short = 'a',
        value_name = "FILE",
        action = ArgAction::Append,
        required_unless_present = "write_template"
    )]
    pub(crate) actuals: Vec<PathBuf>,
    /// The year to report [default: the plan year]
    #[arg(long)]
    pub(crate) year: Option<i32>,
    /// Output format [default: pdf when FILE ends in .pdf, json when it ends in .json, else html]
    #[arg(long, value_enum)]
    pub(crate) format: Option<ReportFileFormat>,
    /// Write to FILE instead of standard output (whole or not at all).
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// Overwrite FILE (or, with --write-template, the template's files) if it exists.
    #[arg(long)]
    pub(crate) force: bool,
    /// Use the template files in DIR (`report.html`, `style.css`) instead of the default ones.
    #[arg(long, value_name = "DIR")]
    pub(crate) template: Option<PathBuf>,
    /// Write the default template's files into DIR, as a starting point for --template.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["actuals", "template", "format", "output", "year"])]
    pub(crate) write_template: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ReportFileFormat {
    /// One self-contained HTML page.
    Html,
    /// The page printed to PDF (A4) by Chromium or Chrome.
    Pdf,
    /// The data given to templates (docs/report.md).
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
    /// The old version: a plan file, `-` for standard input, or `REV:path` read from git (e.g.
    /// `HEAD~1:plans/p.toml`).
    #[arg(value_name = "OLD")]
    pub(crate) old: String,
    /// The new version: a plan file, `-`, or `REV:path`.
    #[arg(value_name = "NEW")]
    pub(crate) new: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub(crate) format: DiffFormat,
    /// Fail (exit 1) when a change in NEW is not covered by a revision NEW adds, with a complete
    /// act later than OLD's adoption; exit 0 when every change is covered.
    #[arg(long)]
    pub(crate) require_acts: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum DiffFormat {
    Text,
    Json,
    Markdown,
    /// GitHub Actions annotations on NEW's lines (errors for changes without an act).
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
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub(crate) format: ReportFormat,
}

#[derive(Debug, Args)]
pub(crate) struct ShowArgs {
    #[command(flatten)]
    pub(crate) plan: PlanArg,
    /// The date: `31/12/2018` or `2018-12-31`.
    #[arg(long, value_name = "DATE", conflicts_with = "act", required_unless_present = "act")]
    pub(crate) as_of: Option<String>,
    /// The act, by number (`97`) or date (`26/07/2018`): the plan as that act left it.
    #[arg(long, value_name = "ACT")]
    pub(crate) act: Option<String>,
    /// Output format: the tree, or the plan as TOML.
    #[arg(long, value_enum, default_value_t = ShowFormat::Tree)]
    pub(crate) format: ShowFormat,
    /// Write to FILE instead of standard output (whole or not at all; `-` is standard output).
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// Overwrite FILE if it exists.
    #[arg(long)]
    pub(crate) force: bool,
    /// Cut tree lines to this many characters [default: the terminal's width; no cut when piped]
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
