# Fewer keys: numbers to clusters, votes on clusters, @author, search everywhere.
action-to-cluster = send the selected or marked stickies to cluster 1…9 (as numbered on the board)
action-vote-on-clusters = voting: dots go to clusters (+ on a sticky votes for its cluster), or to stickies
msg-no-cluster-n = There is no cluster { $n }.
msg-voting-on-clusters = This round is on clusters: + on a sticky gives its cluster a dot. V for stickies.
msg-voting-on-stickies = This round is on stickies. V for clusters.
msg-vote-select-cluster = This round is on clusters: select a sticky of a cluster, or a cluster's title.
board-voting-clusters = on clusters
msg-search-nothing = Nothing matches “{ $query }”.
msg-no-participant = No participant called “{ $name }”: the sticky has no author.
capture-author-line = @name at the start of a line: its author (Tab completes)
help-group-moving = Moving
help-group-screens = Screens and search
help-group-timer = Timer and agenda
help-group-capture = Capture
help-group-board = Board
help-group-voting = Voting
help-group-editing = Editing
help-group-files = Files, prototypes and the rest
facilitate-materials = Materials:
facilitate-produces = Produces:
facilitate-captured-label = This step:
facilitate-captured = { $stickies ->
    [one] { $stickies } sticky
   *[other] { $stickies } stickies
}, { $notes ->
    [one] { $notes } note
   *[other] { $notes } notes
}
facilitate-open-actions = Open actions:
produces-notes = notes
produces-stickies = stickies
produces-clusters = clusters
produces-votes = votes
produces-actions = actions
produces-artifact = a thing made in the room
produces-media = photos, video or audio
facilitate-latest = latest: “{ $text }”
picker-find = { $title } · “{ $find }”
