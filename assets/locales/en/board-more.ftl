## Cluster suggestions and merge conflicts

action-suggest = suggest clusters for the inbox (offline, with the words that justify them)
action-looser = suggestions: looser (bigger groups)
action-tighter = suggestions: tighter (smaller groups)
action-reject = reject this suggestion
action-conflicts = merge conflicts to settle (after atelier merge)
action-take-other = take the other version
action-keep-this = keep the version in place
context-suggest = Cluster suggestions
context-conflicts = Merge conflicts
hint-suggest = suggest
hint-reject = reject
hint-tighter = tighter
hint-looser = looser
hint-keep-this = keep
hint-take-other = other
suggest-scope-inbox = the inbox
suggest-scope-board = the whole board
suggest-title = Suggested clusters for { $scope } · threshold { $threshold } · Enter accepts · e edits the title · x rejects · +/- tighter/looser · Tab: inbox/board
suggest-none = No suggestion: these stickies share no words. Tab tries the whole board; - loosens the threshold.
suggest-item = { $title } · { $n ->
    [one] 1 sticky
   *[other] { $n } stickies
}
suggest-words = because they share: { $words }
suggest-edit-title = Title of the new cluster (Enter accepts the suggestion)
suggest-step = suggested cluster { $title }
suggest-accepted = New cluster { $title } with { $n ->
    [one] 1 sticky
   *[other] { $n } stickies
}. u undoes.
suggest-closed = { $n ->
    [one] 1 suggestion accepted.
   *[other] { $n } suggestions accepted.
}
conflicts-none = No merge conflicts in this session.
conflicts-title = { $n ->
    [one] 1 merge conflict
   *[other] { $n } merge conflicts
} · Enter keeps the version in place · o takes the other · Esc closes
conflicts-about-field = The session's { $field }
conflicts-about-item = An item changed on both sides
# The notes a merge leaves on a conflict, said in the reader's language.
conflicts-note-both = both sides changed it; ours is in place, theirs is recorded
conflicts-note-ours-changed = ours changed it, theirs deleted it: the change is kept
conflicts-note-theirs-changed = theirs changed it, ours deleted it: the change is kept
conflicts-in-place = in place:  { $text }
conflicts-other = other:     { $text }
conflicts-deleted = (deleted)
conflicts-kept = Kept the version in place. u undoes.
conflicts-took-other = Took the other version. u undoes.
conflicts-step = settled a merge conflict
conflicts-cannot = This conflict cannot be settled that way: { $error }.
conflicts-does-not-fit = the other version does not fit
conflicts-value-does-not-fit = the other version's value cannot be read here
conflicts-nothing-yet = nothing can be done for this one yet
conflicts-all-settled = Every merge conflict is settled.

## Evidence of the day: attachments and prototypes

action-attach = attach photos, videos or audio (a file or a folder; Tab completes the path)
action-new-prototype = new prototype in this stage (name, what it tests, hypothesis)
action-verdict = change the prototype's verdict: keep, change, drop
action-feedback = add feedback to the prototype
action-next-prototype = next prototype
evidence-attach-field = Attach: a photo, video or audio file, or a folder (Tab completes)
evidence-attaching = Copying { $path } into the session's media folder…
evidence-attach-failed = Nothing attached: { $error }
evidence-attach-step = { $n ->
    [one] 1 file attached
   *[other] { $n } files attached
}
evidence-attached = { $n ->
    [0] Already attached: each photo is stored once.
    [one] 1 file attached (stored once, by content). u undoes.
   *[other] { $n } files attached (stored once, by content). u undoes.
}
evidence-no-completion = No file or folder starts like this.
evidence-prototype-name = New prototype: its name
evidence-prototype-tests = What does it test? (Enter to skip)
evidence-prototype-hypothesis = Hypothesis from the test card: "We believe that…" (Enter to skip)
evidence-feedback-field = Feedback gathered when it was tested
evidence-prototype-step = new prototype { $name }
evidence-prototype-edit = prototype { $name } edited
evidence-verdict-step = verdict of { $name }
evidence-no-prototype = No prototype in this stage yet: P adds one.
evidence-prototypes-title = { $n ->
    [one] 1 prototype
   *[other] { $n } prototypes
} · P new · V verdict · F feedback · > next · A photo
evidence-prototypes-empty = No prototype yet: P adds one, A attaches its photos.
evidence-no-verdict = no verdict yet
evidence-prototype-line = { $name } · { $photos ->
    [one] 1 photo
   *[other] { $photos } photos
}
evidence-tests = tests: { $text }
evidence-hypothesis = we believe that: { $text }
hint-comment = comment
hint-go-notes = notes
msg-quit-pending = { $n ->
    [one] 1 sticky from a phone is still waiting: T reviews it; q again quits without it.
   *[other] { $n } stickies from phones are still waiting: T reviews them; q again quits without them.
}
suggest-progress = Suggesting clusters for { $n } stickies…
evidence-attached-prototype = { $n ->
    [one] 1 file attached to prototype “{ $name }”.
   *[other] { $n } files attached to prototype “{ $name }”.
}
evidence-caption-field = Caption of the photo (Enter keeps the file name)
evidence-caption-step = photo caption
evidence-verdict-none = to decide
