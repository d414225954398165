## The command line: review comments with a name (atelier review --as)

review-no-name = Who is commenting? Give your name with --as NAME, or set it once in config.ron: (name: "Your name").
review-name-empty = A name cannot be empty.
review-comment-empty = The comment is empty.
review-comment-added = Comment by { $author } added to { $file }.
review-config-unchanged = { $path } could not be updated safely; add name: "Your name" to it by hand.
review-about-unknown = No item of the session has the id { $about }.
review-about-ambiguous = { $n } items have an id starting with { $about }: give more of it.
