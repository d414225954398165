## `atelier merge`: the summary on standard error (src/merge/say.rs).

merge-count-participant = { $n ->
    [one] { $n } participant
   *[other] { $n } participants
}
merge-count-guest = { $n ->
    [one] { $n } guest
   *[other] { $n } guests
}
merge-count-stage = { $n ->
    [one] { $n } stage
   *[other] { $n } stages
}
merge-count-step = { $n ->
    [one] { $n } step
   *[other] { $n } steps
}
merge-count-note = { $n ->
    [one] { $n } note
   *[other] { $n } notes
}
merge-count-sticky = { $n ->
    [one] { $n } sticky
   *[other] { $n } stickies
}
merge-count-cluster = { $n ->
    [one] { $n } cluster
   *[other] { $n } clusters
}
merge-count-round = { $n ->
    [one] { $n } round
   *[other] { $n } rounds
}
merge-count-voting-round = { $n ->
    [one] { $n } voting round
   *[other] { $n } voting rounds
}
merge-count-vote = { $n ->
    [one] { $n } vote
   *[other] { $n } votes
}
merge-count-action = { $n ->
    [one] { $n } action
   *[other] { $n } actions
}
merge-count-comment = { $n ->
    [one] { $n } comment
   *[other] { $n } comments
}
merge-count-prototype = { $n ->
    [one] { $n } prototype
   *[other] { $n } prototypes
}
merge-count-attachment = { $n ->
    [one] { $n } attachment
   *[other] { $n } attachments
}
merge-count-detail = { $n ->
    [one] { $n } detail
   *[other] { $n } details
}
merge-count-item = { $n ->
    [one] { $n } item
   *[other] { $n } items
}
merge-count-conflict = { $n ->
    [one] { $n } conflict
   *[other] { $n } conflicts
}
merge-item-participant = participant { $text }
merge-item-guest = guest { $text }
merge-item-stage = stage { $text }
merge-item-step = step { $text }
merge-item-note = note { $text }
merge-item-sticky = sticky { $text }
merge-item-cluster = cluster { $text }
merge-item-voting-round = voting round { $text }
merge-item-action = action { $text }
merge-item-comment = comment { $text }
merge-item-prototype = prototype { $text }
merge-item-attachment = attachment { $text }
merge-item-voter = participant { $text }
merge-item-vote = vote { $text } ({ $n ->
    [one] { $n } dot
   *[other] { $n } dots
})
merge-sum-added = added { $items }
merge-sum-changed = changed { $items }
merge-sum-deleted = deleted { $items }
merge-parts-separator = { "; " }
merge-no-change = { $name }: no change
merge-side = { $name }: { $parts }
merge-conflicts-recorded = { $n ->
    [one] { $n } conflict
   *[other] { $n } conflicts
} recorded in the session (ours in place, the other version kept for a decision):
merge-repaired = repaired so that the session holds together:
merge-both-changed = { $item }: both changed it
merge-both-added = { $item }: added on both sides, differently
merge-ours-changed-theirs-deleted = { $item }: ours changed it, theirs deleted it (kept)
merge-theirs-changed-ours-deleted = { $item }: theirs changed it, ours deleted it (kept)
merge-field-both-changed = { $field }: ours { $ours } / theirs { $theirs }
merge-field-title = title
merge-field-challenge = challenge
merge-field-origin = origin
merge-field-date = date
merge-field-place = place
merge-field-start = start
merge-field-language = language
merge-field-run = run
merge-field-other = a detail
merge-matched = { $what } of theirs matched to ours by { $by }
merge-by-name = name
merge-by-title = title
merge-by-kind-title = kind and title
merge-repair-inbox = { $what } moved to the inbox: their cluster was deleted
merge-repair-no-author = { $what } without an author now: their author was removed
merge-repair-no-stage = { $what } without a stage now: their stage was removed
merge-repair-votes-dropped = { $what } dropped: the round, the voter or what they were on was deleted
merge-repair-detached = { $what } now attached to the session: what they were attached to was deleted
merge-repair-same-versions = { $what } dropped: both versions are now the same
merge-repair-settled = { $what } settled: one version points at what was deleted
merge-repair-new-id = { $what } given a new id: the id was used twice
merge-repair-step-once = { $what } kept only once: it was in two stages
merge-repair-run-reset = the run was reset: its stage or step was deleted
merge-repair-votes-folded = { $n } records of { $who }'s dots on one item in one round made one ({ $dots ->
    [one] { $dots } dot
   *[other] { $dots } dots
}, { $how })
merge-paper-tally = the paper tally
merge-added-up = added up
merge-largest-count = the largest count
merge-name-ours = ours
merge-name-theirs = theirs
merge-name-ours-file = ours ({ $path })
merge-name-theirs-file = theirs ({ $path })
