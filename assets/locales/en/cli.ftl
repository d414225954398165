## The command line: review comments with a name (atelier review --as)

review-no-name = Who is commenting? Give your name with --as NAME, or set it once in config.ron: (name: "Your name").
review-read-only = review mode: the workshop itself cannot be changed; C adds a comment
review-name-empty = A name cannot be empty.
review-comment-empty = The comment is empty.
review-comment-added = Comment by { $author } added to { $file }.
review-config-unchanged = { $path } could not be updated safely; add name: "Your name" to it by hand.
review-about-unknown = No item of the session has the id { $about }.
review-about-ambiguous = { $n } items have an id starting with { $about }: give more of it.

## Mistakes on the command line (what clap would say in English).

cli-error-unknown-argument = unexpected argument { $arg }
cli-error-unknown-command = unknown command { $command }
cli-error-invalid-value = invalid value { $value } for { $arg } (possible values: { $valid })
cli-error-bad-value = invalid value { $value } for { $arg }
cli-error-missing = missing: { $args }
cli-error-missing-command = a command is missing
cli-error-conflict = { $arg } cannot be used with { $other }
cli-error-value-count = { $arg } has the wrong number of values
# $detail is clap's own description, in English.
cli-error-other = the command line is not understood ({ $detail })
cli-error-did-you-mean = did you mean { $suggestion }?
cli-error-more = For more, try --help.

## Messages of the commands (check, fmt, methods, templates).

cli-not-recovered = { $file }: not recovered: { $why }
cli-nothing-to-recover = { $file }: ok, nothing to recover
cli-recovered = { $file }: ok, { $what }
cli-not-rewritten = { $file }: not rewritten: { $why }
cli-fmt-zone = { $file }: note: it named no time zone; it now keeps { $zone } (this computer's)
cli-fmt-conflict = { $file }: changed on disk while formatting; written to { $copy }
# $group is a range such as "4-12" or "6+".
cli-people = { $group } people
cli-methods-count = { $methods } methods in { $stages } stages
# $what is a method or template file that was skipped, and why.
cli-warning = warning: { $what }
cli-no-method = no method "{ $id }"; see `atelier methods list`
cli-no-template = no template "{ $id }"; see `atelier templates list`
cli-method-facts =
    stage: { $stage }
    duration: { $duration } min (steps add up to { $steps })
    group: { $group } people
    source: { $source }
cli-method-materials = materials:
cli-method-steps = steps:
cli-method-produces = produces: { $what }
cli-total = total: { $total }

## Messages of atelier export and atelier report.

cli-export-no-zone = note: { $file } names no time zone: its times are shown in { $zone } (this computer's); it keeps that zone from its next save (`atelier fmt`, or opening it)
cli-export-media-left-out = { $n } photo(s), video(s) and link(s) left out: faces are personal data; use --with-media to include them
cli-export-bundle-html = --bundle writes an HTML page and its media: use it with --format html
cli-export-not-a-file-name = { $file }: not a file name
cli-export-over-session = { $target }: that is the session file itself; choose another output with -o
cli-export-linked-media = note: videos and audio are linked by their path from the session's folder ({ $first }): keep the page beside it, or use --bundle DIR to publish them together
cli-report-conflict-copy = a conflict copy, left out: merge it into its session first
cli-report-left-out = not in the report (its pages never name it): { $file }: { $why }

## The config file.

# $asked is the language named in config.ron, quoted; $code the one used.
cli-language-unavailable = config.ron: language { $asked } is not available (en, fr); using { $code }
field-reviewer-name = Your name, to sign your comments (asked once, kept in config.ron)
review-name-kept = Comments are signed { $name } (kept in { $path }).
