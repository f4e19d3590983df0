# The command line: its errors, notes and summaries on stderr. The words that introduce them,
# `error:`, `help:`, `note:`, stay English in every language (the grammar of the output that
# scripts and CI match); what follows them is here.

## The summary line of diagnostics, and GitHub's notice of accepted findings

summary = { $file }: { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }{ $problems ->
        [0] {""}
       *[other] { " " }({ $codes })
    }{ $accepted ->
        [0] {""}
       *[other] ; { $accepted } accepted ({ $accepted_codes })
    }
summary-clean = { $file }: ok, no problems found
code-counts = { $counts }
code-count = { $count } { $code }
github-accepted-title = accepted findings
github-accepted = { $count ->
        [one] { $count } finding accepted
       *[other] { $count } findings accepted
    }, each with its reason ({ $codes }): `cruscotto check --verbose` lists them
cli-accepted-with-ignore = { $count ->
        [one] { $count } finding accepted
       *[other] { $count } findings accepted
    } with --ignore ({ $codes })
cli-plan-has-warnings = { $file } has { $count ->
        [one] { $count } warning
       *[other] { $count } warnings
    }; `cruscotto check { $file }` shows them
cli-failing-because = failing because of { $denied }
cli-deny-flag = `--deny { $what }`

## Codes on the command line

cli-not-a-code = { $flag } { $name }: not a diagnostic code
cli-not-a-period = `{ $text }` is not a year or a period (`2024`, `2024-S1`, `2024-Q3`)
cli-ignore-error = --ignore { $code }: `{ $code }` is an error, and errors cannot be accepted
cli-deny-error = --deny { $code }: `{ $code }` is an error, and errors always fail
cli-ignore-and-deny = `{ $code }` is given to both --ignore and --deny
cli-explain-no-section = `{ $code }` has no section in the documentation; see docs/diagnostics.md
cli-no-command = no command `{ $name }`
cli-no-command-help = the commands are { $commands }
cli-flag-value = { $flag }: { $reason }

## Reading inputs

cli-no-plan = no plan given: tried the PLAN argument (none), $CRUSCOTTO_PLAN (not set) and ./plan.toml (not found)
cli-no-plan-help = run `cruscotto check path/to/plan.toml`, or set CRUSCOTTO_PLAN
cli-cannot-read = cannot read `{ $file }`
cli-cannot-read-because = cannot read `{ $file }`: { $reason }
cli-cannot-read-stdin = cannot read standard input
cli-plan-changed = `{ $file }` changed while it was read: its findings could point at lines it no longer has
cli-plan-changed-help = run the command again once the file is saved
cli-file-too-large = `{ $file }` is larger than { $mib } MiB; { $what ->
        [plan] a plan file
        [actuals] an actuals file
        [spreadsheet] a spreadsheet
       *[template] a template file
    } that large is not supported
cli-stdin-too-large = standard input holds more than { $mib } MiB; { $what ->
        [plan] a plan file
        [actuals] an actuals file
        [spreadsheet] a spreadsheet
       *[template] a template file
    } larger than that is not supported
cli-file-is-directory = `{ $file }` is a directory, not { $what ->
        [plan] a plan file
        [actuals] an actuals file
        [spreadsheet] a spreadsheet
       *[template] a template file
    }
cli-stdin-twice = standard input (`-`) can be read only once: { $sides ->
        [old-and-new] give OLD or NEW as `-`, not both
       *[plan-and-actuals] give the plan or one actuals file as `-`, not both
    }
cli-git-revision-dash = `{ $spec }`: a git revision cannot start with `-`
cli-git-cannot-read = git cannot read `{ $spec }`: { $reason }
cli-git-missing = `{ $spec }` names a git revision, but git is not installed (or not on PATH)
cli-cannot-run-git = cannot run git
cli-actuals-is-a-plan = `{ $file }` is a plan (TOML), not actual values
cli-actuals-is-a-plan-help = give the plan as the PLAN argument, and each file of actual values with its own `--actuals FILE`
cli-workbook-password-help = save a copy without the password (in Excel: File > Info > Protect Workbook > Encrypt with Password, then clear it)
cli-workbook-unreadable-help = open it in its spreadsheet and save it again as .xlsx, or save the sheet as CSV
cli-workbook-too-large-help = split the sheet, or save it as CSV
cli-actuals-utf16 = cannot read `{ $file }`: it is UTF-16 text without a byte order mark
cli-actuals-utf16-help = save it again as CSV UTF-8, or as "Testo Unicode" (which writes the mark)
cli-actuals-binary = cannot read `{ $file }`: it is a binary file, neither CSV text nor a workbook
cli-actuals-binary-help = save the sheet as CSV (UTF-8), or pass the workbook itself (.xlsx, .ods)
cli-year-outside-horizon = --year { $year } is outside the plan's horizon { $first }–{ $last }
cli-diff-unreadable = `{ $side }` cannot be read as a plan
cli-diff-errors = `{ $side }` has errors: fix them before comparing it

## Writing outputs

cli-cannot-write = cannot write `{ $file }`
cli-cannot-write-into = cannot write into `{ $folder }`
cli-cannot-write-stdout = cannot write to standard output
cli-exists = `{ $file }` exists; use --force to overwrite it
cli-wrong-kind-of-output = `{ $file }` is { $found ->
        [folder] a folder
        [file] a file
       *[other] not a regular file (a device or a pipe)
    }: name { $expected ->
        [folder] a folder
       *[file] a file
    } to write
cli-binary-to-terminal = { $what ->
        [pdf] a PDF
       *[workbook] a workbook
    } is binary: not written to the terminal
cli-binary-to-terminal-help = use -o FILE.{ $extension }, or redirect the output
cli-written-plan-fails = the plan written does not pass `cruscotto check`; this is a fault of { $command ->
        [import] the import, please report it with the source file
       *[rollover] the rollover, please report it with the plan
    }

## score, export, template, list, show

cli-below-threshold = the body's attainment { $attainment }% is below --fail-under { $threshold }%
cli-no-attainment-weights = every scored indicator weighs 0 up to the body, so the body has no attainment to compare with --fail-under
cli-no-attainment-scored = no indicator was scored, so the body has no attainment to compare with --fail-under
cli-many-scored = scored { $scored } of { $plans ->
        [one] { $plans } plan
       *[other] { $plans } plans
    }, { $rows ->
        [one] { $rows } row
       *[other] { $rows } rows
    }
cli-many-failed = { $count ->
        [one] { $count } plan could not be scored
       *[other] { $count } plans could not be scored
    } (the others are in the table): { $plans }
cli-many-no-actuals = no actuals file
cli-many-no-actuals-help = name its actuals after the plan (NAME.csv, NAME-*.csv, NAME_*.csv, or files in a folder NAME/), or give it a row in a list file
cli-many-no-plans = no plans in { $folder }
cli-many-no-plans-help = give a folder of plans (NAME.toml) with their actuals, or a list file (CSV with the columns `plan` and `actuals`)
cli-many-unmatched = { $file } is named after no plan: left out
cli-many-list-columns = { $file } has no column `plan` or no column `actuals`
cli-many-list-columns-help = a list file is CSV with a header line naming the columns `plan` and `actuals`, e.g. `plan,actuals`
cli-many-list-no-plan = { $file }:{ $line }: the row names no plan
cli-export-unknown-format = cannot tell the format from `{ $file }`
cli-export-unknown-format-help = name the workbook `….xlsx`, or add `--format csv` to write one CSV file per sheet into that folder
cli-export-csv-needs-folder = --format csv writes one file per sheet: it needs -o FOLDER
cli-export-csv-needs-folder-help = e.g. `-o risultati-2019`
cli-export-wrote = wrote { $sheets ->
        [one] { $sheets } sheet
       *[other] { $sheets } sheets
    }, { $indicators ->
        [one] { $indicators } indicator
       *[other] { $indicators } indicators
    } { $files ->
        [0] to { $path }
       *[other] as { $files } CSV files to { $path }
    }
export-workbook-error = cannot build the workbook: { $reason }
cli-template-by-service-needs-xlsx = --by-service writes one sheet per service: it needs --format xlsx
cli-template-by-service-needs-xlsx-help = for CSV, write one file per service with --service ID
cli-unknown-service = service `{ $id }` is not in the plan
cli-unknown-service-help = the services are: { $services }
cli-template-wrote = wrote { $rows ->
        [one] { $rows } row
       *[other] { $rows } rows
    }{ $sheets ->
        [0] {""}
        [one] { " " }in { $sheets } sheet
       *[other] { " " }in { $sheets } sheets
    } to { $path }
cli-list-unknown-column = unknown column `{ $column }`
cli-list-columns = the columns are: { $columns }
cli-show-needs-date = give --as-of DATE or --act ACT
cli-show-no-act = no act of the plan has the number or date `{ $act }`
cli-show-no-act-help = `cruscotto history` lists the acts
cli-show-several-acts = `{ $act }` names acts of several dates ({ $dates }): give the date with --as-of

## report

cli-report-wrote-template = wrote the default template ({ $files }) into `{ $folder }`
cli-report-wrote-template-help = edit it, then run `cruscotto report ... --template { $folder }`
cli-template-not-a-folder = --template `{ $folder }` is not a folder
cli-template-not-a-folder-help = write the default template with `cruscotto report --write-template { $folder }`, then edit it
cli-template-not-utf8 = `{ $file }` is not UTF-8 text
cli-template-not-utf8-help = save the template as UTF-8
cli-template-without-entry = --template `{ $folder }` has no `{ $entry }`
cli-template-without-entry-help = write the default template with `cruscotto report --write-template DIR` and start from it
cli-template-error = { $file }: { $reason }
cli-template-error-at-line = { $file }, line { $line }: { $reason }
cli-template-error-help = the data a template receives is described in docs/report.md
cli-template-file = `{ $file }`
cli-template-default-file = `{ $file }` of the default template
cli-template-unnamed = the template
cli-browser-not-found = $CRUSCOTTO_BROWSER is `{ $browser }`, which is neither a file nor a program on PATH
cli-browser-not-found-help = set it to the path of Chromium or Chrome
cli-no-browser = no browser to print the PDF with: tried $CRUSCOTTO_BROWSER (not set) and { $browsers } on PATH
cli-no-browser-help = install Chromium (Debian, Ubuntu: `apt-get install chromium`) or Chrome, or set CRUSCOTTO_BROWSER to its path; or write the HTML page (-o relazione.html) and print it from any browser
cli-cannot-run = cannot run `{ $program }`
cli-browser-timeout = `{ $browser }` did not print the PDF within { $seconds } s: stopped
cli-browser-failed = `{ $browser }` did not print the PDF ({ $status })
    { $output }

## import, rollover

cli-import-wrote = wrote { $file }: { $counts }
cli-import-imported = imported { $file }: { $counts }
cli-import-counts = { $missions ->
        [one] { $missions } mission
       *[other] { $missions } missions
    }, { $strategic ->
        [one] { $strategic } strategic objective
       *[other] { $strategic } strategic objectives
    } ({ $strategic_indicators ->
        [one] { $strategic_indicators } indicator
       *[other] { $strategic_indicators } indicators
    }), { $programs ->
        [one] { $programs } program
       *[other] { $programs } programs
    }, { $operational ->
        [one] { $operational } operational objective
       *[other] { $operational } operational objectives
    } ({ $operational_indicators ->
        [one] { $operational_indicators } indicator
       *[other] { $operational_indicators } indicators
    }), { $revisions ->
        [one] { $revisions } revision
       *[other] { $revisions } revisions
    }
cli-import-warnings = `cruscotto check` finds { $count ->
        [one] { $count } warning
       *[other] { $count } warnings
    } in the plan, about the source's content: `cruscotto check { $file }` shows them
cli-import-warnings-stdout = `cruscotto check` finds { $count ->
        [one] { $count } warning
       *[other] { $count } warnings
    } in the plan, about the source's content: save the plan and check it to see them
cli-rollover-year = --year { $year }: { $reason }
rollover-not-later = the plan is of { $plan_year }; next year's plan must be of a later year
rollover-horizon-too-short = the horizon must reach the plan year { $year }, not end in { $until }
cli-rollover-wrote = wrote { $file }: plan year { $old } → { $year }, horizon { $first }–{ $last }{ $extended ->
        [yes] { " " }(extended)
       *[no] {""}
    }{ $shorthands ->
        [0] {""}
       *[other] ; { $shorthands } shorthand targets written under { $old }
    }
cli-rollover-rolled = rolled over { $file }: plan year { $old } → { $year }, horizon { $first }–{ $last }{ $extended ->
        [yes] { " " }(extended)
       *[no] {""}
    }{ $shorthands ->
        [0] {""}
       *[other] ; { $shorthands } shorthand targets written under { $old }
    }
cli-rollover-title-unchanged = the title is unchanged ("{ $title }"): set it with --title
cli-rollover-adoption-not-carried = `adopted-by` ({ $act }) is not carried over: record the act that adopts the new plan
