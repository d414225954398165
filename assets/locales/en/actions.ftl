# The actions screen: who does what by when (src/app/rooms/actions.rs, src/ui/actions.rs).
screen-actions = Actions
context-actions = Actions
context-review = Reviewing
action-go-actions = the actions: who does what by when
action-make-action = turn the selected note, sticky or cluster into an action
hint-go-actions = actions
hint-make-action = to action
actions-title = Actions: { $n } ({ $open } open{ $notes ->
        [0] {""}
        [one] , including a note not yet assigned
       *[other] , including { $notes } notes not yet assigned
    })
actions-empty = No action yet: i adds one (text, Tab owner, Tab due date, Enter saves).
actions-col-status = Status
actions-col-due = Due
actions-col-owner = Owner
actions-col-text = Action
actions-status-open = open
actions-status-doing = doing
actions-status-done = done
actions-status-dropped = dropped
actions-field-text = Action: what is to be done (Tab: owner, Enter: save)
actions-field-owner = Owner: type to find, or anyone's name (Tab: due date, Enter: save)
actions-field-due = Due date: YYYY-MM-DD, +7 for a week after the workshop, or empty (Enter: save)
actions-owner-found = Found (Tab takes the first)
actions-owner-free = nobody found: kept as typed
actions-bad-due = Not a due date: “{ $text }” (2026-06-12, +7 or empty)
actions-no-text = An action needs its text.
actions-nothing-selected = Nothing selected to turn into an action.
actions-op-add = Action added
actions-op-edit = Action changed
actions-op-delete = Action deleted
actions-op-status = Action: { $status }
evidence-verdict-now = Verdict of { $name }: { $verdict }
detail-start = Start time
action-add-break = add a break after the selected stage (asks its title, then its minutes)
agenda-break-title = Break
agenda-break-added = { $title }: a break of { $n } minutes added (E renames it, + and - on its step change its minutes).
field-break-title = Break: its title (Enter: then its minutes)
field-break-minutes = { $title }: how many minutes? (Enter adds it)
msg-break-bad-minutes = Not a number of minutes: “{ $text }” (1 to 1440).
setup-agenda-header-start = { $n ->
    [one] { $n } stage
   *[other] { $n } stages
} · total { $total } · starts { $start } · ends { $end }
setup-agenda-no-start = No start time: set one in { $tab }, { $field }.
facilitate-agenda-ends = starts { $start } · ends { $end }
facilitate-agenda-no-start = No start time: { $key } › { $tab } sets it.
facilitate-planned-at = { $duration } planned, at { $at }
