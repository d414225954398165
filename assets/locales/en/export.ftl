# atelier: the words of the exports (Markdown, HTML, SVG, the programme
# report) in English. The session's language chooses them, not the
# interface's (src/export/labels.rs reads them once per language).
#
# Every key here exists in assets/locales/fr/export.ftl too (a test checks).
# Counts select plurals: { $n -> [one] … *[other] … }.

## Counts

export-n-participants = { $n ->
    [one] { $n } participant
   *[other] { $n } participants
}
export-n-stickies = { $n ->
    [one] { $n } sticky note
   *[other] { $n } sticky notes
}
export-n-votes = { $n ->
    [one] { $n } vote
   *[other] { $n } votes
}
export-n-groups = { $n ->
    [one] { $n } group
   *[other] { $n } groups
}
export-n-notes = { $n ->
    [one] { $n } note
   *[other] { $n } notes
}
export-n-actions = { $n ->
    [one] { $n } action
   *[other] { $n } actions
}
export-n-sessions = { $n ->
    [one] { $n } session
   *[other] { $n } sessions
}
# "12 sticky notes in 3 groups" ($stickies and $groups are counts above).
export-stickies-in-groups = { $stickies } in { $groups }
# The votes of a group: $votes is a count of votes above, $inner a number.
export-group-votes-inner = { export-n-votes } on its sticky notes
export-group-votes-both = { $votes } for the group, { $inner } on its sticky notes
# A group among the top ideas: "group, 9 sticky notes".
export-ranked-group = group, { $stickies }
# The rules of a round of dot voting: "3 dots each (at most 2 on one item);
# 12 voters; 36 votes". The pieces are joined by export-semicolon.
export-round-dots = { $dots ->
    [one] { $dots } dot each
   *[other] { $dots } dots each
}
export-round-dots-capped = { export-round-dots } (at most { $cap } on one item)
export-round-voters = { $voters ->
    [one] { $voters } voter
   *[other] { $voters } voters
}
export-semicolon = {"; "}
export-colon = :
# A percentage; "4 of 6 (67%)".
export-percent = { $pct }%
export-share = { $part } of { $whole } ({ $pct }%)
# Durations: $minutes has two digits after hours ("1 h 05 min").
export-duration-minutes = { $minutes } min
export-duration-hours = { $hours } h { $minutes } min
export-of-workshop = of workshop
export-times-note = Local times ({ $offset }), durations in minutes.
# "Thursday 9 July 2026": $date is the date as the interface writes it.
export-date-weekday = { $weekday } { $date }
export-weekday-1 = Monday
export-weekday-2 = Tuesday
export-weekday-3 = Wednesday
export-weekday-4 = Thursday
export-weekday-5 = Friday
export-weekday-6 = Saturday
export-weekday-7 = Sunday

## Headings and labels

export-kicker = Workshop summary
export-anonymized-title = Anonymized export
export-anonymized-text = Participants, facilitators and guests are numbered (P1, P2, …; F1, F2, …; G1, G2, …); names, e-mail addresses, handles and phone numbers are redacted from every text, and actions name their owner by number only.
export-date = Date
export-place = Place
export-facilitation = Facilitation
export-challenge = The challenge
export-participants = Participants
export-role = Role
export-count = Number
export-top-ideas = Top ideas
export-decisions = Decisions
export-actions = Actions
export-agenda = The agenda as it ran
export-board = The board
export-notes = Notes
export-comments = Review comments
export-in-brief = In brief
export-contents = Contents
export-step = Stage and step
export-started = Start
export-planned = Planned
export-actual = Actual
export-difference = Difference
export-total = Total
export-not-run = not run
export-rank = Rank
export-idea = Idea
export-votes = Votes
export-action = Action
export-owner = Owner
export-due = Due
export-status = Status
export-session = Session
export-inbox = Not yet sorted
export-parking = Parking lot
export-other-notes = Other notes
export-other-clusters = Other groups
export-about = on
export-about-session = the session
export-none-decisions = No decision was recorded.
export-none-actions = No action was recorded.
export-none-votes = No vote was taken.
export-none-notes = No note was taken.
export-none-board = The board is empty.
export-none-participants = No participant was recorded.
export-unknown = unknown
export-footer = Summary produced with atelier from the session file.
export-board-alt = The board: groups of sticky notes with their votes
export-board-detail = The groups as text

## Prototypes and media

export-prototypes = Prototypes
export-proto-tests = What it tests
export-hypothesis = Hypothesis
export-feedback = Feedback
export-no-verdict = no verdict yet
export-media = Photos and videos
export-other-media = Other photos and videos
export-media-left-out = Photos and videos left out: faces are personal data; use --with-media to include them.
export-not-embeddable = a picture this page cannot show: open the file
# $kind is image, video, audio or link.
export-media-kind = { $kind ->
    [image] photo
    [video] video
    [audio] audio recording
   *[link] link
}
export-media-missing = missing { export-media-kind }
export-media-altered = { export-media-kind } altered since it was attached, not shown
export-media-outside = { export-media-kind } outside the session's folder, not shown
# A file that is not shown, and its caption.
export-media-caption = { $problem }: { $caption }
# What anonymizing puts in place of an e-mail address, a phone number, a name.
export-redacted-email = [email]
export-redacted-phone = [phone]
export-redacted-name = [name]

## The programme report

export-report-title = Programme report
export-report-sessions = Sessions
export-report-public-share = Challenges raised by the public
export-report-roles-over-time = Participants by role over time
export-report-roles-chart = Participants by role and session
export-report-actions = Actions across sessions
export-report-top-ideas = Top ideas
export-report-back = Programme report
export-report-origin = Raised by
export-report-no-sessions = No session file was found in this folder.

## Words of the session

export-origin-public = Raised by the public
export-origin-administration = Raised by the administration
export-origin-elected = Raised by elected officials
export-origin-other = Other origin
# Short, for the report's table.
export-origin-short-public = public
export-origin-short-administration = administration
export-origin-short-elected = elected officials
export-origin-short-other = other
# Plural, for headings with counts.
export-roles-civil-servant = Civil servants
export-roles-elected-official = Elected officials
export-roles-citizen = Citizens
export-roles-partner = Partners
export-roles-other = Others
export-stage-kind-opening = opening
export-stage-kind-immersion = immersion
export-stage-kind-interviews = interviews and observation
export-stage-kind-synthesis = synthesis
export-stage-kind-ideation = ideation
export-stage-kind-prototyping = prototyping
export-stage-kind-testing = testing and experimentation
export-stage-kind-closing = closing
export-stage-kind-break = break
# Plural, for headings.
export-note-kinds-observation = Observations
export-note-kinds-quote = Quotes
export-note-kinds-insight = Insights
export-note-kinds-question = Questions
export-note-kinds-idea = Ideas
export-note-kinds-decision = Decisions
export-note-kinds-action = Actions
export-verdict-keep = Keep
export-verdict-change = Change
export-verdict-drop = Drop
export-status-todo = to do
export-status-doing = in progress
export-status-done = done
export-status-dropped = dropped
# What a review comment (or a photo) is about, with its words: $kind is note, sticky, group or action.
export-about-item = { $kind ->
    [note] note “{ $text }”
    [sticky] sticky note “{ $text }”
    [group] group “{ $text }”
   *[action] action “{ $text }”
}
# A note of kind "action", listed with the actions: no owner, due date nor status yet.
export-status-unassigned = not yet assigned

## The run-sheet: the day's agenda to print for co-facilitators

export-runsheet-kicker = Run-sheet
export-runsheet-time = Time
export-runsheet-minutes = Min.
export-runsheet-min = min
export-runsheet-step = Step
export-runsheet-prompt = What to say
export-runsheet-method = Method
export-runsheet-materials = Materials
export-runsheet-room = Room
export-runsheet-empty = The agenda is empty.
# $total is a duration ("6 h 15 min").
export-runsheet-planned = { $total } planned.
export-runsheet-planned-breaks = { $total } planned, including { $breaks } of breaks.
export-runsheet-no-start = No start time is set: times count from the start of the day (+h:mm).
export-runsheet-footer = Run-sheet produced with atelier from the session file.

# An export that could not be made (a bug: every session that loads can be
# exported). $detail is the library's own words, in English.
export-failed-template = the export could not be made: the page template { $name } failed ({ $detail })
export-failed-json = the export could not be made: the JSON could not be written ({ $detail })
export-failed-csv = the export could not be made: the CSV could not be written ({ $detail })
