## Private notes and stickies; the workshop's own time zone

action-toggle-private = mark private (left out of exports) or public again
# Shown on a private note's row and a private sticky's card.
private-tag = [private]
private-select-note = Select a note first (↑/↓).
private-undo-private = { $kind ->
    [note] note made private
   *[sticky] { $n ->
        [one] sticky made private
       *[other] { $n } stickies made private
    }
}
private-undo-public = { $kind ->
    [note] note made public
   *[sticky] { $n ->
        [one] sticky made public
       *[other] { $n } stickies made public
    }
}
private-made-private = { $kind ->
    [note] Private note: left out of every export (unless --include-private). u undoes.
   *[sticky] { $n ->
        [one] Private sticky: left out of every export (unless --include-private). u undoes.
       *[other] { $n } private stickies: left out of every export (unless --include-private). u undoes.
    }
}
private-made-public = { $kind ->
    [note] Public note: exports show it again. u undoes.
   *[sticky] { $n ->
        [one] Public sticky: exports show it again. u undoes.
       *[other] { $n } public stickies: exports show them again. u undoes.
    }
}
private-export-left-out = { $n ->
    [one] 1 private note or sticky: left out (Enter: include it)
   *[other] { $n } private notes and stickies: left out (Enter: include them)
}
private-export-kept = { $n ->
    [one] 1 private note or sticky: INCLUDED (Enter: leave it out)
   *[other] { $n } private notes and stickies: INCLUDED (Enter: leave them out)
}

detail-time-zone = Time zone
zone-none = { $zone }: this computer's (the session names none yet)
zone-unknown = Unknown time zone “{ $name }”: type an IANA name such as Europe/Paris, or a city (Paris).
zone-unknown-like = Unknown time zone “{ $name }”: did you mean { $like }?
zone-adopted = This session named no time zone: it now keeps { $zone }, this computer's (change it in setup, a).
