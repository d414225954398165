# Dot voting from phones in the app (src/app/rooms/ballots.rs) and the wall
# on the projector (src/ui/wall.rs).

ballots-in = Ballot in from { $who } · { $n ->
    [one] 1 ballot
   *[other] { $n } ballots
} so far
ballots-same = { $who } sent the same dots again · { $n ->
    [one] 1 ballot
   *[other] { $n } ballots
} so far
ballots-refused = Ballot from { $who } refused: { $why }
ballots-undo = ballot from { $who }
ballots-closed = the round is not open
ballots-someone = someone no longer on the list
ballots-guest = a guest
ballots-guest-named = { $name } (guest)
ballots-anonymous = an anonymous phone
ballots-why-empty = no dot placed
ballots-why-budget = { $given } dots, { $dots } at most
ballots-why-cap = { $given } dots on “{ $item }”, { $cap } at most
ballots-why-item = an item is no longer on the wall
ballots-why-voter = this participant is no longer on the list
ballots-turnout = { $n ->
    [0] No ballot yet
    [one] 1 ballot
   *[other] { $n } ballots
}
ballots-turnout-anonymous = { $n ->
    [0] No ballot yet (anonymous)
    [one] 1 anonymous ballot
   *[other] { $n } anonymous ballots
}
ballots-vote-closed = Vote closed
wall-title = { $title } · the wall
wall-empty = Nothing on the wall yet.
wall-inbox = Not grouped yet ({ $n })
wall-above = ▲ { $n } above
wall-below = ▼ { $n } more
wall-results = Results · { $round }
wall-private = (private)
# While a round is open, its dots are hidden until R; anonymity before the
# first ballot; rounds on stickies.
board-dots-hidden = dots hidden until R
msg-sorted-after-results = Sorted by votes once the results are shown (R).
action-toggle-anonymous = voting: ballots from phones anonymous or named (before the first ballot)
ballots-now-anonymous = Ballots from phones are now anonymous: no name is asked. I asks for names again.
ballots-now-named = Ballots from phones now ask for a name. I makes them anonymous.
ballots-undo-anonymous = anonymous ballots
ballots-undo-named = named ballots
ballots-anonymous-locked = { $n ->
    [one] 1 ballot is in
   *[other] { $n } ballots are in
}: this round stays as it is (switching now would reveal or lose who voted). Open a new round to change it.
ballots-capped = The phones list the first { $shown } of { $n } stickies: park or group some, or vote on clusters.
hint-vote-add = dot
hint-vote-remove = take back
hint-vote-next = next voter
hint-vote-on = clusters/stickies
hint-vote-anonymous = anonymous
hint-vote-results = results
hint-vote-pause = pause
round-hint-title = What to type
round-hint-dots = 3 2: 3 dots per person, at most 2 on one item (the cap is optional)
round-hint-anonymous = a: anonymous ballots from phones (no name is asked)
round-hint-stickies = s: the phones vote on the stickies, not the clusters
action-new-round = voting: open a new round (dots, cap, "a" anonymous, "s" on stickies)
hint-vote-new = new round
