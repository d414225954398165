## The command line: review comments with a name (atelier review --as)

review-no-name = Who is commenting? Give your name with --as NAME, or set it once in config.ron: (name: "Your name").
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
