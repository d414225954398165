# Collecting stickies from participants' phones: the app's side
# (src/app/collect.rs, src/ui/collect.rs). See docs/collect.md.

context-tray = Stickies from phones, waiting

action-collect = start collecting stickies from phones for the current step, or stop
action-open-tray = open the tray of stickies sent from phones
action-accept-sticky = accept the selected sticky: it joins the Inbox
action-reject-sticky = reject the selected sticky: it is dropped
action-accept-all-stickies = accept every pending sticky (one step to undo)
action-auto-accept = accept stickies from phones automatically, or not
action-collect-names = ask for names on the page, or collect anonymously

hint-accept-sticky = accept
hint-reject-sticky = reject
hint-accept-all-stickies = all
hint-auto-accept = automatic
hint-collect = collect
hint-open-tray = pending

collect-started = Collecting: participants open the address or scan the code. { $key } stops.
collect-stopped = { $n ->
    [0] Stopped collecting: the address no longer answers.
   *[other] Stopped collecting: the address no longer answers. { stickies } still pending.
}
collect-failed = Not collecting: { $error }.
collect-read-only = Read-only: { $why }. Collecting needs a session that can change.
collect-arrived = { $n ->
    [one] A sticky arrived from a phone
   *[other] { $n } stickies arrived from phones
}: { $key } to review.
collect-auto-accepted = { $n ->
    [one] A sticky from a phone joined the Inbox.
   *[other] { $n } stickies from phones joined the Inbox.
}
collect-accepted = Accepted: “{ $text }” is in the Inbox.
collect-accepted-all = { stickies } accepted: they are in the Inbox.
collect-rejected = Rejected: “{ $text }” was dropped.
collect-auto-on = { $n ->
    [0] Stickies from phones now join the Inbox at once.
   *[other] Stickies from phones now join the Inbox at once; { stickies } still pending.
}
collect-auto-off = Stickies from phones wait in the tray again.
collect-names-on = The page asks for a name (optional).
collect-names-off = The page no longer asks for names: stickies are anonymous.
collect-undo-accepted = { $n ->
    [one] sticky from a phone accepted
   *[other] { $n } stickies from phones accepted
}
collect-nothing-pending = Nothing pending.
collect-panel-title = Collecting · { $n } pending ({ $key }) · { $stop } stops
collect-no-address = No network address: is this computer on a network?
collect-scan = Scan to send a sticky
collect-status-pending = { $n } pending: { $key } to review
collect-status-on = Collecting

tray-title = Pending stickies ({ $n })
tray-auto-on = accepting automatically
tray-empty = Nothing pending: stickies sent from phones appear here.
tray-empty-not-collecting = Nothing pending. { $key } (in facilitation) starts collecting.
tray-anonymous = anonymous
tray-keys = { $accept } accept · { $reject } reject · { $all } accept all · { $auto } automatic · { $close } close
