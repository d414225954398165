# `atelier import` (src/import/): what it read, what it did, what went wrong.
# See docs/import.md.

import-read-as = { $file }: read as { $format }
import-format-lines = text, one sticky per line
import-format-blocks = text, one sticky per block of lines
import-format-csv = CSV of stickies (text, author, colour, cluster, votes)
import-format-parabol = a Parabol retrospective (CSV)
import-format-scrumlr-csv = a scrumlr board (CSV)
import-format-scrumlr-json = a scrumlr board (JSON)
import-not-utf8 = the file is not UTF-8: it was read as Windows-1252 (Latin-1)

import-bad-rows = { $file }: { $n ->
    [one] 1 bad row
   *[other] { $n } bad rows
}, nothing imported:
import-bad-header = the header cannot be read ({ $error })
import-column-twice = the column { $column } is named twice
import-unknown-column = unknown column { $column }: expected text, author, colour, cluster, votes
import-no-text-column = no `text` column: the first line must name the columns (text, author, colour, cluster, votes)
import-unreadable-row = this row cannot be read ({ $error })
import-field-count = { $n ->
    [one] 1 field
   *[other] { $n } fields
} where the header has { $width }
import-too-many-fields = { $n } fields where the header has { $width } (a text with a comma must be in double quotes)
import-empty-text = the text is empty
import-unknown-colour = unknown colour { $colour }: expected yellow, pink, blue, green, orange, purple (or jaune, rose, bleu, vert, orange, violet)
import-votes-not-number = votes must be a whole number such as 3, found { $found }
import-parabol-header = a Parabol export names the columns type and content (and reflectionGroup): the first line must be its header
import-scrumlr-header = a scrumlr export names the column text once: the first line must be its header (noteId,author,text,column,timestamp,parent,votes,…)
import-scrumlr-fields = { $n ->
    [one] 1 field
   *[other] { $n } fields
} where the header has { $width }: expected the note's id and author, its text, then its column, time, parent and votes
import-scrumlr-number = { $column } must be a whole number such as 2, found { $found }
import-scrumlr-parent = parent must be - or the id of another note, found { $found }
import-json-error = this is not valid JSON ({ $error })
import-scrumlr-json-shape = a scrumlr JSON export is an array of notes, each an object with noteId, author, text, column, timestamp, parent, votes
import-json-not-text = { $key } must be a text or a number
import-json-no-text = this note has no "text"

import-no-stage = no stage has the id or title { $stage }: see the agenda in the app
import-board-options = --author and --cluster are for text and CSV files: a Parabol or scrumlr board names its own authors and groups
import-read-only = { $session }: { $why }; nothing imported (close it there first, then import again)
import-invalid = the import would make an invalid session, nothing imported: { $problems }
import-conflict = { $session } changed on disk while importing; the session with the import went to { $copy }

import-rows-added = imported { $n ->
    [one] 1 sticky
   *[other] { $n } stickies
} into { $session }
import-rows-skipped = { " " }({ $n ->
    [one] 1 row
   *[other] { $n } rows
} skipped: already there)
import-new-participants = new participants (no one of that name): { $names }
import-new-clusters = new clusters: { $names }
import-tallies = votes: { $n ->
    [one] 1 paper tally
   *[other] { $n } paper tallies
} set in the round "{ $round }"
import-tallies-new-round = votes: { $n ->
    [one] 1 paper tally
   *[other] { $n } paper tallies
} set in the round "{ $round }" (new)

import-round-parabol = Parabol votes
import-round-scrumlr = scrumlr vote { $n }
import-round-scrumlr-total = scrumlr votes

import-warn-unknown-type = unknown type { $found } (expected Reflection, Comment, Reply or Task): this row is left out
import-warn-empty = nothing written: this row is left out
import-warn-time = time { $found } not understood: the time of the import is used
import-warn-parent = stacked on the note { $found }, which is not in the file: not stacked

import-board-into = imported into { $session }:
import-board-stickies = stickies: { $n } new{ $there ->
    [0] {""}
   *[other] , { $there } already there
}
import-board-notes = discussion notes: { $n } new{ $there ->
    [0] {""}
   *[other] , { $there } already there
}
import-board-actions = actions: { $n } new{ $there ->
    [0] {""}
   *[other] , { $there } already there
}
import-board-clusters = { $n ->
    [one] new cluster
   *[other] { $n } new clusters
}: { $names }
import-board-rounds = { $n ->
    [one] new voting round
   *[other] { $n } new voting rounds
}: { $names }
import-board-tallies = votes: { $n ->
    [one] 1 paper tally set
   *[other] { $n } paper tallies set
}
import-board-participants = authors found among the participants: { $names }
import-board-guests = { $n ->
    [one] new guest author
   *[other] { $n } new guest authors
}: { $names }
