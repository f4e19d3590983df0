# The revision log (`cruscotto history`), by act, in text and Markdown.

history-title = { $title } · revision log
history-markdown-title = Revisions of the plan: { $title }
history-adopted-by = adopted by { $act }
history-none = no revision is recorded
history-group = { $label } · { $count ->
        [one] { $count } change
       *[other] { $count } changes
    }
history-previous-not-recorded = (previous values not recorded)
history-overrides = overrides of outcomes · { $count ->
        [one] { $count } decision
       *[other] { $count } decisions
    }
history-markdown-overrides = Overrides of outcomes
# Revisions that cite no act; `$year`: `none` when they do not record the year either.
no-act = { $year ->
        [none] no act
       *[other] no act (year { $year })
    }

## What an act lacks, or is worth knowing about it

history-flag-no-act-year = no act is cited: only the year { $year } is recorded
history-flag-no-act = no act is cited, and no date
history-flag-no-number = the act has no number
history-flag-no-date = the act has no date
# `$numbers`: `n. 27 and n. 97`.
history-flag-numbers = the date { $date } is cited with two numbers: { $numbers }
history-flag-adopting-date = same date as the plan's adopting act ({ $act }): probably that act
# Between the items of a list.
word-and = and

## The columns of Markdown tables

column-change = change
column-year = year
column-decision = decision
