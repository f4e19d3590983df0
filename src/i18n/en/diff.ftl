# What changed between two versions of the plan (`cruscotto diff`), in text and Markdown: for the
# annex of the deliberation that adopts a revision. The English texts of changes, warnings and
# uncovered changes are also those of `diff --format json` and `github`: keep them as they are.

## Headings

diff-identical = no differences
diff-warning = warning
diff-markdown-warning = Warning
# The revisions added (`+`) or taken (`-`) from a node.
diff-revision-word = revision
diff-markdown-title = Changes to the plan
diff-markdown-from-to = From `{ $old }` to `{ $new }`.
diff-markdown-none = No change.
diff-section-plan = [plan]
diff-section-scoring = [scoring]
diff-section-registries = registries
diff-section-overrides = overrides
# A node: `S1 (strategic objective, changed): <name>`; `$kind`: the level, for languages that
# agree with it.
diff-node = { $id } ({ $level }, { $change ->
        [added] added
        [deleted] deleted from the file
       *[changed] changed
    }{ $kind ->
       *[other] {""}
    }): { $name }
diff-revision-added = revision recorded
diff-revision-deleted = revision deleted
diff-column-id = id
diff-column-level = level
diff-column-name = name
diff-column-change = change
diff-column-before = before
diff-column-after = after
diff-column-needs = needs
diff-node-added = added
diff-node-deleted = deleted from the file
diff-markdown-uncovered = Changes without an act

## Why to read the comparison with care

diff-warning-bodies = the two plans are of different bodies: { $old } and { $new }
diff-warning-years = the two plans are of different years: { $old } and { $new }
# `$first`: the first indicator; `$others`: how many more.
diff-warning-shorthand = the new version writes { $count ->
        [one] { $count } target
       *[other] { $count } targets
    } with the shorthand `target =` ({ $first }{ $others ->
        [0] {""}
       *[other] { " " }and { $others } more
    }), which follows `year`: they moved from { $old } to { $new }; write each under its year (`targets = {"{"} { $old } = ... {"}"}`), as `cruscotto rollover` does

## The fields that change

diff-field-body = body
diff-field-title = title
diff-field-year = year
diff-field-horizon = horizon
diff-field-adopted-by = adopted-by
diff-field-lang = lang
diff-field-notes = notes
diff-field-accept = accept
diff-field-cap = cap
diff-field-floor = floor
diff-field-partial-threshold = partial-threshold
diff-field-missing-data = missing-data
diff-field-deadline-grace-days = deadline-grace-days
diff-field-level = level
diff-field-name = name
diff-field-parent = parent
diff-field-status = status
diff-field-weight = weight
diff-field-perspective = perspective
diff-field-formula = formula
diff-field-unit = unit
diff-field-polarity = polarity
diff-field-scale = scale
diff-field-services = services
diff-field-area = area
diff-field-cross-cutting = cross-cutting
diff-field-act-number = act-number
diff-field-levels = levels
diff-field-body-rule = body
diff-field-parts = parts
diff-field-group-weights = group-weights
diff-field-bands = bands
diff-field-code = code
diff-field-responsible = responsible
diff-field-resources = resources
diff-field-links = links
diff-field-measures = measures
diff-field-base = base
diff-field-type = type
diff-field-source = source
diff-field-reported-by = reported-by
diff-field-target = target { $year }
# An entry of a registry: `service promozione`.
diff-field-registry = { $registry ->
        [area] area
        [service] service
        [perspective] perspective
       *[scale] scale
    } { $id }
diff-field-override = override { $id } { $year }
diff-missing-data = { $mode ->
        [zero] zero
        [error] error
       *[exclude] exclude
    }

## The revisions recorded on nodes

# `$by`: `act` with the act, `year` with the year only, `none` with neither; `$has_note`,
# `$previous`: `yes` or `no`.
diff-revision = { $change }{ $by ->
        [act] { " " }by { $act }
        [year] { " " }in { $year }, no act
       *[none] , no act
    }{ $has_note ->
        [yes] : { $note }
       *[no] {""}
    }{ $previous ->
        [yes] { " " }[previous values recorded]
       *[no] {""}
    }

## The changes no act covers (`--require-acts`)

diff-uncovered = { $count ->
        [one] { $count } change not covered by an act:
       *[other] { $count } changes not covered by an act:
    }
diff-all-covered = every change is covered by a revision with its act
diff-needs = needs { $needs }
# `$kind`: the level, for languages that agree with it; `$level`: its name.
diff-what-deleted = { $kind ->
        [mission] { $level } deleted from the file
       *[other] { $level } deleted from the file
    }
diff-what-added = { $kind ->
        [mission] { $level } added
       *[other] { $level } added
    }
diff-what-revision-deleted = revision record deleted: { $revision }
# `$after`: `after <act>`, or `dated` when the old version records no adopting act.
diff-after = { $form ->
        [act] after { $act }
       *[dated] dated
    }
diff-needs-adopting-act = a new `adopted-by` act in [plan], with its number and date, { $after }
diff-needs-revision = { $change ->
        [inserted] an `inserted` revision
        [removed] a `removed` revision
       *[updated] an `updated` revision
    } added in this version, on it or on an ancestor, citing an act with its number and date { $after }
diff-needs-nothing-node = nothing can: a removed node stays in the file with `status = "removed"` and its revision
diff-needs-nothing-revision = nothing can: the history of a plan is only added to
diff-needs-override-act = the override's own act, with its number and date, { $after }
diff-needs-nothing-override = nothing can: a decision stays on record; a later one replaces it, with its own act
