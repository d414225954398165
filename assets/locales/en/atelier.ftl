# atelier: the interface in English.
#
# Every key here exists in assets/locales/fr/atelier.ftl too (a test checks).
# Counts select plurals: { $n -> [one] … *[other] … }; `{ stickies }` and
# `{ dots }` count `$n` of the message that uses them.

## Words for counts, shared by the messages below

stickies = { $n ->
    [one] { $n } sticky
   *[other] { $n } stickies
}
dots = { $n ->
    [one] { $n } dot
   *[other] { $n } dots
}
minutes-short = { $n } min

## Screens, in the top bar

screen-home = Home
screen-setup = Setup
screen-facilitate = Facilitation
screen-projector = Projector
screen-notes = Notes
screen-board = Board
top-read-only-mark = read-only
top-read-only = read-only
top-saving = saving…
top-saved-at = saved { $time }
top-saved = saved
top-not-saved = NOT SAVED
top-conflict-copy = saved to a conflict copy

## Status bar: a word or two after each key

hint-select = open
hint-open-demo = demo
hint-new-session = new
hint-forget-session = off the list
hint-next-pane = pane
hint-help = help
hint-quit = quit
hint-add = add
hint-edit = edit
hint-delete = delete
hint-cycle = change
hint-add-minute = +1 min
hint-go-facilitate = facilitate
hint-timer-toggle = timer
hint-next-step = next
hint-prev-step = back
hint-new-note = note
hint-projector = projector
hint-go-setup = setup
hint-new-sticky = sticky
hint-go-board = board
hint-left = stage
hint-right = stage
hint-back = back
hint-submit = save
hint-next-field = next field
hint-cancel = cancel
hint-mark = mark
hint-move-to = move
hint-new-cluster = cluster
hint-rename = rename
hint-vote = vote
hint-undo = undo
hint-search = search
hint-next-participant = author
hint-cycle-colour = colour

## Help: headings, then what each action does

help-title = Help · Esc closes · ↑/↓ scroll
help-keymap-file = Keys can be changed in keymap.ron in the config folder (see README).
context-global = Everywhere
context-home = Home
context-setup = Session setup
context-facilitate = Facilitation
context-projector = Projector
context-notes = Notes
context-editor = Editing text
context-picker = Choosing from a list
context-board = Board
context-capture = Capturing sticky notes
context-search = Searching
context-results = Vote results

action-help = show or hide this help
action-quit = quit (saving first)
action-save-now = save now
action-save-as = save as: move the session to another file (when its disk fails)
action-suspend = suspend atelier (fg in the shell resumes it)
action-back = back, or cancel
action-next-pane = next pane
action-prev-pane = previous pane
action-up = move up
action-down = move down
action-left = left / previous choice
action-right = right / next choice
action-page-up = page up
action-page-down = page down
action-top = go to the top
action-bottom = go to the bottom
action-select = open / choose / jump to
action-go-home = home screen
action-go-setup = session setup: details, participants, agenda
action-go-facilitate = facilitation view
action-go-notes = notes, by stage
action-projector = projector view (big timer)
action-open-demo = open a fresh copy of the demo
action-new-session = new session (from a template or empty)
action-timer-toggle = start or pause the timer
action-next-step = next step
action-prev-step = previous step
action-add-minute = add a minute
action-remove-minute = remove a minute
action-next-stage = next stage
action-prev-stage = previous stage
action-new-note = new note in the current stage
action-new-sticky = new sticky notes
action-add = add
action-edit = edit
action-delete = delete
action-move-up = move up in the list
action-move-down = move down in the list
action-cycle = change (next value)
action-cycle-back = change (previous value)
action-submit = save and close
action-cancel = cancel
action-next-field = next field
action-prev-field = previous field
action-go-board = the board: clusters, inbox, parking lot
action-undo = undo the last change
action-redo = redo what was undone
action-search = search stickies and notes (accents ignored)
action-comment = add a review comment (kept apart from the workshop)
action-export = export a summary: Markdown, web page, spreadsheet, data, board picture
action-mark = mark or unmark a sticky (multi-selection)
action-move-to = move the selected or marked stickies to…
action-new-cluster = new cluster from the selected or marked stickies
action-split = split: the marked stickies leave for a new cluster
action-rename = rename the cluster (or edit the sticky)
action-merge = merge this cluster into another
action-park = send to the parking lot (or back to the inbox)
action-sort-votes = sort stickies by votes (or back to their order)
action-vote = start or stop recording a dot vote
action-vote-add = give one dot (voting)
action-vote-remove = take one dot back (voting)
action-tally = type the tally of a paper dot vote for this item
action-next-participant = next participant (voting) / next author
action-prev-participant = previous participant (voting) / previous author
action-results = vote results, ranked
action-cycle-colour = next colour
action-ignore = nothing (unbound)

## Keys, as written on the keyboard

key-space = Space
key-enter = Enter
key-esc = Esc
key-delete = Delete
key-backspace = Backspace
key-home = Home
key-end = End
key-page-up = PgUp
key-page-down = PgDn
key-shift = Shift

## Home

home-sessions = Sessions
home-open-demo = Open the demo (a fresh copy)
home-new-session = New session…
home-new-session-hint = from a template or empty
home-no-sessions = No sessions yet: open the demo or create one.
home-library = Method library
home-library-empty = The library is empty.
home-method-facts = { $stage } · { $duration } min · { $group } people · { $source }
action-forget-session = take the session off this list (the file stays)
home-forgotten = Off the list, the file stays ({ $key } puts it back): { $file }, “{ $title }”
home-restored = “{ $title }” is back on the list.
home-no-date = no date

## Session setup

setup-title = Session setup
setup-tab-details = Details
setup-tab-participants = Participants
setup-tab-agenda = Agenda
setup-details-hint = Enter edits the field; on 'Raised by' and 'Language' it changes the value.
setup-no-participants = No participants yet: press { $key } to add one.
setup-participants-summary = { $n ->
    [one] { $n } participant
   *[other] { $n } participants
}: { $roles }
setup-agenda-header = { $n ->
    [one] { $n } stage
   *[other] { $n } stages
} · total { $total } · planned end { $end }
setup-agenda-empty = The agenda is empty: press { $key } to add a method from the library.
detail-title = Title
detail-challenge = Challenge
detail-origin = Raised by
detail-date = Date
detail-place = Place
detail-facilitators = Facilitators
detail-language = Language
language-en = English
language-fr = français

## Facilitation and projector

agenda-empty = The agenda is empty.
facilitate-agenda-empty-hint = Press a for session setup, Tab to the Agenda tab, then i to add methods from the library.
facilitate-step-title = Stage { $stage }/{ $stages } · { $title } · step { $step }/{ $steps }
facilitate-planned = { $duration } planned
facilitate-no-prompt = no prompt for this step
facilitate-next = Next: { $stage } · { $step }
facilitate-agenda-title = Agenda · { $planned } planned · { $actual } run
facilitate-notes-title = Notes of this stage ({ $n }) · { $key } adds
timer-running = running
timer-paused = paused
timer-ready = ready
timer-time-is-up = TIME IS UP

## Notes

notes-all-stages = all stages
notes-title = Notes · { $stage } ({ $n }) · ←/→ stage
notes-empty = No notes here yet: press n to add one.
notes-note = Note

## Note editor

editor-title-new = New note · Ctrl-s saves · Esc cancels
editor-title-edit = Edit note · Ctrl-s saves · Esc cancels
editor-kind = Kind
editor-author = Author
editor-tags = Tags
editor-no-author = nobody in particular
editor-placeholder = What was said or seen… (Enter: new line, Ctrl-s: save, Tab: kind, author, tags)

## Board

board-inbox = Inbox
board-parking = Parking lot
board-no-match = no match
board-empty-cluster = empty: m moves stickies here
board-empty = empty
board-matches = { $n ->
    [one] { $n } match
   *[other] { $n } matches
} · Esc clears
board-voting-line = ● { $round } · { $name } · { $left } of { $dots ->
    [one] { $dots } dot
   *[other] { $dots } dots
} left{ $cap } · [ ] participant · + - dot
vote-cap = , at most { $cap } per item
capture-title = { $head } · Enter adds · { $close_key } closes
capture-title-short = New sticky · { $author } ({ $author_key }) · { $colour } ({ $colour_key })
capture-count = { $n } added
capture-no-author = no author
search-label = Search:
results-title = Vote results
results-all-rounds = All rounds
results-round = { $round } · { $dots ->
    [one] { $dots } dot
   *[other] { $dots } dots
} each{ $cap }
results-cluster = cluster
results-none = No dots in this round yet.
results-footer = {"="} marks a tie. Esc closes.
cluster-untitled = Untitled
round-title = Vote { $n }

## Text fields and lists

field-new-session = New session: title
field-save-as = Save as (a path; the session moves there)
field-save-copy-as = Save a copy as (a path)
field-comment-item = Comment on this item (kept apart from the workshop)
field-comment-session = Comment on the session (kept apart from the workshop)
field-export-to = Export to (Enter writes the file)
field-detail = { $field } (Enter to keep, Esc to cancel)
field-new-participant = New participant: name
field-participant-name = Participant: name
field-stage-title = Stage title
field-step-title = Step title
field-step-prompt = Facilitator prompt
field-split = Split: title of the new cluster
field-new-cluster = New cluster: title
field-rename-cluster = Rename cluster
field-edit-sticky = Edit sticky
field-tally = Paper dot vote: dots counted on this item
field-new-round = New voting round (e.g. "3", "3 2" or "3 2 a s")
picker-empty-agenda = Empty agenda
picker-template = Start from a template
picker-method = Add a method to the agenda
picker-export = Export: choose a format (the workshop goes on; nothing is closed)
picker-move-to = Move { stickies } to…
picker-merge-into = Merge this cluster into…
export-html = Web page to publish or print to PDF (.html)
export-md = Markdown summary (.md)
export-csv = Spreadsheet: notes, stickies, groups and actions (.csv)
export-json = Data for other tools (.json)
export-svg = Picture of the board (.svg)
export-html-anonymized = Web page, anonymized (.html)
export-md-anonymized = Markdown summary, anonymized (.md)
export-csv-anonymized = Spreadsheet, anonymized (.csv)
export-json-anonymized = Data, anonymized (.json)
export-svg-anonymized = Picture of the board, anonymized (.svg)
export-runsheet = Run-sheet to print (HTML)

## Messages on the status line

msg-read-only = Read-only: { $why }. Nothing was changed.
msg-read-only-nothing-to-save = Read-only: nothing to save.
msg-quit-unsaved = { $error } Quit anyway? Changes since the last save would be lost: q again quits, W saves elsewhere.
msg-export-is-session = That is the session file itself: choose another name.
msg-exporting = Exporting to { $path }…
msg-path-exists = { $path } already exists: choose another name.
msg-saving-to = Saving to { $path }…
msg-comment-added = Comment added. It is kept apart from the workshop's content.
msg-session-needs-title = A session needs a title.
msg-participant-added = Added. Press r to change the role.
msg-participant-removed = Removed { $name }. u undoes.
msg-participant-removed-orphans = Removed { $name }. { $n ->
    [one] { $n } note or sticky now has no author.
   *[other] { $n } notes or stickies now have no author.
} u undoes.
msg-method-added = Added { $name }.
msg-choose-a-step = Choose a step to change its minutes.
msg-stage-removed = Removed the stage { $title }. u undoes.
msg-stage-removed-detached = Removed the stage { $title }. { $n ->
    [one] { $n } note or sticky kept, without a stage.
   *[other] { $n } notes or stickies kept, without a stage.
} u undoes.
msg-agenda-empty = The agenda is empty: press a for setup, then Tab to the agenda and i to add a method.
msg-stage-has-no-steps = That stage has no steps.
msg-note-deleted = Note deleted. u undoes.
msg-note-discarded = Note discarded.
msg-note-empty = The note is empty: type something, or Esc to cancel.
msg-note-saved = Note saved.
msg-note-added = { $kind ->
    [observation] Observation noted.
    [quote] Quote noted.
    [insight] Insight noted.
    [question] Question noted.
    [idea] Idea noted.
    [decision] Decision noted.
    [action] Action noted.
   *[other] Note added.
}
msg-nothing-to-undo = Nothing to undo.
msg-nothing-to-redo = Nothing to redo.
msg-undone = Undone: { $what }.
msg-redone = Redone: { $what }.
msg-select-a-sticky = Select a sticky first (↑/↓), or mark several with Space.
msg-split-how = To split a cluster, mark the stickies that leave it (Space), then x.
msg-merge-how = Go to a cluster to merge it into another.
msg-merge-no-other = There is no other cluster to merge into.
msg-merged = Merged into { $title }. u undoes.
msg-moved = Moved { stickies } to { $place }. u undoes.
msg-parked = Moved { stickies } to the parking lot. u undoes.
msg-unparked = Moved { stickies } to the inbox. u undoes.
msg-cluster-deleted = Deleted the cluster { $title }; its stickies are back in the inbox. u undoes.
msg-stickies-deleted = { stickies } deleted. u undoes.
msg-stickies-added = { stickies } added. u undoes the last.
msg-stickies-pasted = { stickies } pasted, one per line.
msg-new-cluster = New cluster { $title } with { stickies }.
msg-sorted-by-votes = Sorted by votes.
msg-board-order = Back to the board's order.
msg-voting-paused = Voting paused; v resumes it.
msg-voting-paused-results = Voting paused; v resumes it, R shows the results.
msg-voting-needs-participants = Add participants first (a, then Tab to Participants): each has a budget of dots.
msg-voting-hint = Voting: { $name } has { dots } left. + gives a dot, - takes one back, [ ] changes participant, t types a paper tally.
msg-press-v-to-vote = Press v to start recording a dot vote.
msg-round-gone = That voting round is gone (undone): v starts a new one.
msg-vote-select = Select a sticky, or a cluster's title, to put a dot on it.
msg-start-a-round = Start a voting round first (v).
msg-tally-select = Select a sticky, or a cluster's title, to type its tally.
msg-no-votes-yet = No votes yet: v starts a voting round.
msg-bad-round = { $value }: expected a number of dots, then maybe a cap, then maybe "a" (anonymous) and "s" (on stickies), such as "3", "3 2" or "3 2 a s".
msg-bad-tally = { $value } is not a number of dots.
msg-paper-tally = Paper tally recorded: { dots }.

## What undo and redo name (after "Undone:" and "Redone:")

undo-removed-participant = removed { $name }
undo-removed-stage = removed the stage { $title }
undo-participant-added = added { $name }
undo-participant-renamed = renamed { $name }
undo-participant-role = role of { $name }
undo-participant-moved = moved { $name }
undo-stage-added = added the stage { $title }
undo-stage-renamed = stage renamed to { $title }
undo-stage-moved = moved the stage { $title }
undo-step-renamed = step renamed to { $title }
undo-step-prompt = step prompt edited
undo-step-minutes = step duration
undo-note-deleted = note deleted
undo-note-edited = note edited
undo-new-note = { $kind ->
    [observation] new observation
    [quote] new quote
    [insight] new insight
    [question] new question
    [idea] new idea
    [decision] new decision
    [action] new action
   *[other] new note
}
undo-new-stickies = { $n ->
    [one] new sticky
   *[other] { $n } pasted stickies
}
undo-sticky-edited = sticky edited
undo-stickies-deleted = deleted { stickies }
undo-moved = moved { stickies } to { $place }
undo-parked = { stickies } to the parking lot
undo-unparked = { stickies } to the inbox
undo-new-cluster = new cluster { $title }
undo-renamed = renamed to { $title }
undo-merged = merged into { $title }
undo-cluster-deleted = deleted the cluster { $title }
undo-new-round = voting round { $n }
undo-dot-given = a dot of { $name }
undo-dot-taken-back = a dot taken back of { $name }
undo-paper-tally = paper tally of { $n }

## Messages of the run loop (saving, exporting, opening)

run-save-unfinished = The last save did not finish.
run-exported = Exported to { $path }.
run-export-failed = Export failed: { $error }. Nothing else changed.
run-exported-but = written to { $path }, but { $problems }
run-problems-separator = { "; " }
run-moved-to = Saved to { $path }; the session now lives there.
run-copy-saved = A copy is saved to { $path }.
run-not-saved = Not saved: { $error }.
run-comment-saved = Comment saved.
run-comment-not-saved = The comment is kept here but not saved yet: { $error }
run-cannot-export = Cannot export: { $error }
run-created = Created { $title }. Tab moves between details, participants and agenda.
run-opened-read-only = Opened read-only: { $why }. Edits are refused; W saves a copy.
run-stays-open = { $error } The session stays open: W saves it elsewhere.

## Words of the session model

role-civil-servant = civil servant
role-elected-official = elected official
role-citizen = citizen
role-partner = partner
role-other = other
role-count-civil-servant = { $n ->
    [one] { $n } civil servant
   *[other] { $n } civil servants
}
role-count-elected-official = { $n ->
    [one] { $n } elected official
   *[other] { $n } elected officials
}
role-count-citizen = { $n ->
    [one] { $n } citizen
   *[other] { $n } citizens
}
role-count-partner = { $n ->
    [one] { $n } partner
   *[other] { $n } partners
}
role-count-other = { $n } other
origin-public = raised by the public
origin-administration = raised by the administration
origin-elected = raised by elected officials
origin-other = other
stage-kind-opening = opening
stage-kind-immersion = immersion
stage-kind-interviews = interviews and observation
stage-kind-synthesis = synthesis
stage-kind-ideation = ideation
stage-kind-prototyping = prototyping
stage-kind-testing = testing and experimentation
stage-kind-closing = closing
stage-kind-break = break
note-kind-observation = observation
note-kind-quote = quote
note-kind-insight = insight
note-kind-question = question
note-kind-idea = idea
note-kind-decision = decision
note-kind-action = action
colour-yellow = yellow
colour-pink = pink
colour-blue = blue
colour-green = green
colour-orange = orange
colour-purple = purple
action-status-todo = to do
action-status-doing = in progress
action-status-done = done
action-status-dropped = dropped
verdict-keep = keep
verdict-change = change
verdict-drop = drop

## Dates and sizes

date-long = { $day } { $month } { $year }
date-time = { $date } { $time }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
size-bytes = { $n } B
size-kilobytes = { $n } kB
size-megabytes = { $n } MB
