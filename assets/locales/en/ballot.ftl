# Dot voting from phones: the ballot page the collection server shows while
# a voting round is open (src/collect/ballot.rs, assets/collect/ballot.html).
# See docs/collect.md.

ballot-fallback-title = Dot vote
ballot-budget = { $dots ->
    [one] You have 1 dot.
   *[other] You have { $dots } dots.
}
ballot-cap = { $cap ->
    [one] At most 1 dot on one item.
   *[other] At most { $cap } dots on one item.
}
ballot-dots-left = Dots left: { $n }
ballot-over = Too many dots: take { $n } off
ballot-dots-on = Dots on “{ $item }”
ballot-more = One more dot on “{ $item }”
ballot-less = One dot less on “{ $item }”
ballot-who = Who is voting?
ballot-choose = Choose your name
ballot-someone-else = Someone else
ballot-guest-name = Your name (optional, if someone else)
ballot-anonymous = This vote is anonymous: no name is asked.
ballot-send = Send my dots
ballot-note = Your dots go to the facilitator. Sending again replaces your earlier dots until the vote closes. This page never shows how others voted.
ballot-turnout = { $n ->
    [0] No ballot in yet.
    [one] 1 ballot in so far.
   *[other] { $n } ballots in so far.
}
ballot-in = Your dots are in! Send again to change them.
ballot-closed-title = The vote is closed
ballot-closed = The vote is closed. Thank you! The facilitator will share the results.
ballot-stale = The vote changed since this page was loaded. Reload the page and vote again.
ballot-empty = Place at least one dot.
ballot-over-budget = { $given } dots placed, but you have { $dots }. Take some off and send again.
ballot-over-cap = { $given } dots on “{ $item }”, but { $cap } at most on one item. Take some off and send again.
ballot-unknown-item = An item of this ballot is no longer on the wall. Reload the page and vote again.
ballot-not-a-number = Write whole numbers of dots (0, 1, 2…).
ballot-no-name = Choose your name first.
ballot-unknown-voter = This name is no longer on the list. Reload the page and choose again.

# A dot the board refuses to give or take back.
vote-refused-budget = { $who } has used all { $dots } dots of this round: remove one first (-).
vote-refused-cap = { $who } already has { $cap ->
    [one] 1 dot
   *[other] { $cap } dots
} here, the most one person may put on one item.
vote-refused-no-dot = no dot to remove here.
