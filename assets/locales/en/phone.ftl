## The participants' page on their phones (src/collect/page.rs): its words
## and the server's messages. `{ $max }` and `{ $n }` are filled in per message.

phone-fallback-title = Add a sticky
phone-text-label = Your sticky
phone-max-hint = Up to { $max } characters.
phone-name-label = Your name (optional)
phone-name-hint = Leave it empty to stay anonymous.
phone-anonymous = Stickies are anonymous: no name is asked.
phone-colour-label = Colour
phone-send = Send
phone-note = Your sticky goes to the facilitator, who shares it with the room. This page never shows what others wrote.
phone-offline = Not sent: check that you are on the room's Wi-Fi, then try again.
phone-sent = Sent! Write another.
phone-empty = Write something first.
phone-too-long = Too long: { $n } characters, { $max } at most. Shorten it and send again.
phone-name-too-long = The name is too long: { $max } characters at most.
phone-too-large = Too much text at once. Shorten it and send again.
phone-malformed = This sticky could not be read. Reload the page and try again.
phone-bad-colour = Unknown colour. Reload the page and try again.
phone-too-many = That is a lot of stickies in a minute! Wait a moment, then send again.
phone-busy = The facilitator's inbox is full. Wait a minute, then send again.
phone-ended = Collecting has ended. Thank you!
phone-crowded = Many phones are sending at once. Wait a moment, then send again.
phone-slow = The connection was too slow. Send again.

# The small page of an HTTP error (the phone's browser would show its own,
# in its own language). $status is the HTTP status number.
phone-error-heading = { $status ->
    [404] This page does not exist
    [405] This page only takes the form
    [413] Too much at once
    [500] Something went wrong
    [503] Too many phones at once
   *[other] This request could not be read
}
phone-error-message = { $status ->
    [404] Check the address, or scan the QR code shown in the room again.
    [405] Go back to the form to send a sticky.
    [413] Shorten what you wrote, go back to the form and send it again.
    [500] The facilitator's computer could not show this page. Try again in a moment.
    [503] Wait a moment, then try again.
   *[other] Reload the page, or scan the QR code shown in the room again.
}
phone-error-back = Back to the form
