# `--help`: what each command does (`about-COMMAND`) and the help of each argument
# (`arg-COMMAND-ARGUMENT`, or `arg-ARGUMENT` when several commands share it). The words clap
# adds (`Usage`, `Options`, `[default: ...]`, `[possible values: ...]`) are clap's.

## The program

about-cruscotto = An Italian public body's performance plan as plain-text TOML: check it, score it, report it
after-help-cruscotto = Exit codes: 0 success; 1 the input has errors; 2 usage or I/O error; 3 --fail-under not reached.
arg-color = When to colour the output (`auto`: terminals only; NO_COLOR turns it off, CLICOLOR_FORCE or FORCE_COLOR on)
arg-lang = The language of messages and of what is written for people: `it` (Italiano) or `en` (English) [default: messages in the language of CRUSCOTTO_LANG or the locale; deliverables in the plan's `lang`, Italian]
arg-quiet = No notes or summary lines (errors and the findings not accepted are still printed)
arg-ignore = Accept the warnings of CODE for this run: still counted, listed with `check --verbose`, never failing (repeat, or separate codes with commas)

## Arguments several commands share

arg-plan = The plan file, `-` for standard input, or `REV:path` read from git (e.g. `HEAD:plans/plan.toml`) [default: $CRUSCOTTO_PLAN, then ./plan.toml]
arg-format = Output format
arg-year = The year to score [default: the plan year]
arg-width = Table width: columns of low priority are left out, then text wraps, to fit [default: the terminal's width, 120 when piped]
arg-output = Write to FILE instead of standard output (whole or not at all; `-` is standard output)
arg-force = Overwrite FILE if it exists

## check

about-check = Validate a plan and report every problem; silent when clean
arg-check-format = Output format: `text`, messages with the source line and a caret; `json`, a JSON array of diagnostics; `github`, GitHub Actions annotations
arg-check-deny = Make warnings fail the check too (exit 1): `warnings` for all of them, or a code for that code's (repeat, or separate with commas). Accepted findings never fail
arg-check-verbose = Also list the accepted findings, with their reasons, and print the summary line even when the plan is clean

## tree

about-tree = Print the performance tree (albero della performance)
arg-tree-depth = The deepest level shown
arg-tree-width = Cut lines to this many characters [default: the terminal's width; no cut when piped]

## list

about-list = List every indicator, one row each, with its target per year
arg-list-columns = The columns to show, comma-separated (e.g. `id,name,2019`) [default: every column for csv and json; id, name, unit, polarity, area, services, status and the years with a target for table]

## score

about-score = Score the plan against the year's actual values and print the attainment tables
arg-score-actuals = Actual values (CSV, or a workbook: .xlsx, .ods; `-` for standard input); one file per flag, repeated for several files, e.g. last year's for `x ≤ x-1` targets
arg-score-year = The year to score, or a semester or quarter of it for interim monitoring (`2024-S1`, `2024-Q3`) [default: the plan year]
arg-score-level = Which rows to show [default: the summary (body, missions, strategic objectives, areas) then the indicators; for csv, the indicators]
arg-score-explain = Print the scoring rules applied before the tables
arg-score-fail-under = Exit 3 when the body's attainment is below PCT (for CI)
arg-score-columns = The table columns to show, comma-separated, in both tables (e.g. `id,name,attainment,status`): level, id, name, attainment, coverage, operational, band, target, actual, status, weight, note [default: all of them, those of low priority left out when the width is too small]
arg-score-strict = Fail (exit 1) when an expected actual is missing or a missed or partial indicator has no note explaining the deviation

## score-many

about-score-many = Score many plans, each with its actual values, on every core into one long table: a row per body, node and year
arg-score-many-input = A folder, each NAME.toml with its actuals files named NAME.csv, NAME-*.csv, NAME_*.csv or in a folder NAME/; or a list file, CSV with the columns `plan` and `actuals` (one row per actuals file; paths relative to the list)
arg-score-many-year = The year to score every plan at; a plan whose horizon does not hold it fails [default: each plan's own year]
arg-score-many-format = Output format: `csv`, the columns of `score --format csv --level all` after `plan` and `body`; `jsonl`, the same as one JSON object per line
arg-score-many-jobs = Plans scored at once [default: the number of cores]

## template

about-template = Write the actuals file to be filled in for a year
arg-template-year = The year to collect [default: the plan year]
arg-template-service = Only the indicators of these services (ids; repeat or separate with commas)
arg-template-format = Output format: `csv`, a CSV file; `xlsx`, a workbook (needs -o FILE, or a pipe) [default: xlsx with --by-service or when FILE ends in .xlsx, else csv]
arg-template-by-service = A workbook with one sheet per service (cross-cutting indicators on each)
arg-template-delimiter = Field delimiter [default: `semicolon` for an Italian plan, which Italian Excel opens directly; `comma` for an English one]

## export

about-export = Write the results as a workbook (or CSV files) for spreadsheets and the Relazione
arg-export-actuals = Actual values (CSV or workbook; `-` for standard input); one file per flag, repeated for several files, as for `score`
arg-export-strict = Fail (exit 1) when an expected actual is missing or a missed or partial indicator has no note (the files are written all the same)
arg-export-format = Output format: `xlsx`, one workbook, a sheet per level; `csv`, a folder with one CSV file per sheet [default: xlsx]
arg-export-output = The workbook to write (.xlsx; `-` is standard output), or, with --format csv, the folder of CSV files
arg-export-force = Overwrite PATH if it exists

## report

about-report = Write the Relazione sulla performance: one self-contained HTML page (or PDF)
arg-report-actuals = Actual values (CSV or workbook; `-` for standard input); one file per flag, repeated for several files: the years given make the multi-year view
arg-report-year = The year to report [default: the plan year]
arg-report-format = Output format: `html`, one self-contained HTML page; `pdf`, the page printed to PDF (A4) by Chromium or Chrome; `json`, the data given to templates (docs/report.md) [default: pdf when FILE ends in .pdf, json when it ends in .json, else html]
arg-report-output = Write to FILE instead of standard output (whole or not at all)
arg-report-force = Overwrite FILE (or, with --write-template, the template's files) if it exists
arg-report-template = Use the template files in DIR (`report.html`, `style.css`) instead of the default ones
arg-report-write-template = Write the default template's files into DIR, as a starting point for --template

## diff

about-diff = Compare two versions of a plan (files, or `REV:path` read from git)
arg-diff-old = The old version: a plan file, `-` for standard input, or `REV:path` read from git (e.g. `HEAD~1:plans/p.toml`)
arg-diff-new = The new version: a plan file, `-`, or `REV:path`
arg-diff-format = Output format (`github`: GitHub Actions annotations on NEW's lines, errors for changes without an act)
arg-diff-require-acts = Fail (exit 1) when a change in NEW is not covered by a revision NEW adds, with a complete act later than OLD's adoption; exit 0 when every change is covered

## history

about-history = The revision log, grouped by act

## show

about-show = The plan as it stood at a date (or as adopted by an act)
arg-show-as-of = The date: `31/12/2018` or `2018-12-31`
arg-show-act = The act, by number (`97`) or date (`26/07/2018`): the plan as that act left it
arg-show-format = Output format: the tree, or the plan as TOML
arg-show-width = Cut tree lines to this many characters [default: the terminal's width; no cut when piped]

## import

about-import = Turn a plan kept in a spreadsheet (xlsx, ods, csv, tab-separated text) into a TOML plan
arg-import-file = The spreadsheet: .xlsx, .ods, .xls, or a sheet saved as CSV or tab-separated text (`-` for standard input)
arg-import-output = Write the plan to FILE instead of standard output (whole or not at all; `-` is standard output)
arg-import-force = Overwrite the output FILE if it exists
arg-import-year = The plan year [default: inferred from the source]
arg-import-body = The body the plan is of [default: a line of the source naming it]
arg-import-title = The plan's title [default: a heading of the source, else made from the parts found]

## rollover

about-rollover = Write next year's plan from this year's: the year moved, every target under its year
arg-rollover-year = The new plan year [default: the plan year + 1]
arg-rollover-until = The horizon's last year [default: the plan's, or the new year when later]
arg-rollover-title = The new plan's title [default: the plan's, unchanged]
arg-rollover-output = Write the plan to FILE instead of standard output (whole or not at all; `-` is standard output)
arg-rollover-force = Overwrite the output FILE if it exists

## schema, completions, man, explain

about-schema = Print the JSON Schema of the plan format, for editors
about-completions = Print the completion script for a shell (e.g. `cruscotto completions bash > cruscotto.bash`; in PowerShell `cruscotto completions powershell | Out-String | Invoke-Expression`)
arg-completions-shell = The shell
about-man = Print a manual page (roff), e.g. `cruscotto man > cruscotto.1`, `cruscotto man score > cruscotto-score.1`
arg-man-command = The command whose page to print (`cruscotto-COMMAND(1)`) [default: the page of cruscotto itself]
about-explain = Print the documentation of a diagnostic code (every code, without one)
arg-explain-code = The code, e.g. `incomplete-act`
