## Session files that do not load (the store's messages). The English
## wording is the store's own (src/store/load.rs); these keys let the
## command line say them in French.

load-too-deep = nesting is too deep: expected at most 128 levels of brackets
load-eof = the file ends too early: expected more (is it truncated?)
load-expected-option = expected `None` or `Some(...)`: an optional value is written like `Some("2026-06-12")`
load-integer-out-of-bounds = expected a whole number from 0 to { $max } here
load-expected-integer = a whole number such as `3` goes here
load-expected-string = a text in double quotes, such as `"Atelier"`, goes here
load-expected-array = a list in square brackets, such as `[]`, goes here
load-expected-name = a name goes here (a colour such as `Yellow`, a kind such as `Idea`; see docs/format.md)
load-missing-field = the field `{ $field }` is missing (see docs/format.md for every field)
# $detail is the RON reader's own words, in English.
load-other = the file does not read as expected here ({ $detail })
load-unknown-name = `{ $found }` is not a name known here: expected one of { $expected }
load-unknown-field = there is no field `{ $found }` here: expected one of { $expected }
load-duplicate-field = the field `{ $field }` is given twice
load-expected-comma = expected a comma `,` here
load-expected-colon = expected a colon `:` here
load-expected-boolean = expected `true` or `false` here
load-expected-number = expected a number here
load-expected-identifier = expected a name here
load-expected-unit = expected `()` here
load-unclosed-string = a text is not closed: expected its closing `"`
load-unclosed-comment = a comment is not closed
load-unexpected-char = `{ $char }` is not expected here
load-trailing = there is more text after the end: expected nothing after the last bracket
load-expected-closing = expected a closing `{ $bracket }` here
load-expected-opening = expected an opening `{ $bracket }` here
load-empty = the file is empty: expected a session such as `(format: 3, id: ..., title: ...)`
load-not-utf8 = this is not UTF-8 text: expected a RON session file (was it saved in another encoding?)
load-binary = this looks like a binary file: expected a RON session file
load-conflict-markers = this file holds git conflict markers (<<<<<<<): expected a session; finish the merge first (keep one side of each conflict), then run atelier check
load-newer = format version { $version } is newer than this atelier knows (up to { $known }): expected a file from this version or older; update atelier to open it
load-version-zero = format version 0 does not exist: expected 1 or more
load-truncated = (the file ends before its closing `)`: is it truncated?)
load-io-not-found = no such file or folder
load-io-not-a-folder = a part of this path is a file, not a folder
load-io-exists = a file with this name already exists
load-io-port-taken = another program already uses this port
load-io-permission = permission denied: the file or its folder is not writable by you
load-io-read-only = the disk is read-only: save elsewhere
load-io-full = the disk is full: free some space or save elsewhere
load-io-quota = the disk quota is exceeded: free some space or save elsewhere
load-io-is-a-folder = this is a folder, not a file
load-io-folder-not-empty = the folder is not empty
load-io-address-unavailable = this address is not one of this machine's
load-io-too-large = the file is too large for this disk
load-io-invalid-input = the system refuses this name or value
load-io-invalid-data = what was read is not what was expected (is it UTF-8 text?)
load-io-invalid-name = this file name is too long or not allowed here
load-io-timed-out = it took too long: try again
load-io-interrupted = it was interrupted: try again
load-io-unexpected-end = the file ends too early
load-io-write-zero = nothing could be written: the disk accepts no more
load-io-unsupported = this system cannot do it
load-io-busy = the file or the device is busy: try again in a moment
load-io-crosses-devices = it cannot be moved from one disk to another
load-io-broken-pipe = the program reading the output has stopped
load-io-connection-lost = the connection was cut
load-io-out-of-memory = not enough memory
load-io-too-many-links = too many links lead to this file
load-io-stale = the network file is no longer there: mount the share again
load-io-not-seekable = this file can only be read from start to end
# The system's error number, for an error with no plain words.
load-io-os = system error { $code }
# $detail is the error's own words (from a library, in English).
load-io-other = the reading or writing failed ({ $detail })

# What a crash journal gave back when its session was opened.
recovered-changes = recovered { $n ->
    [one] 1 change
   *[other] { $n } changes
} from the crash journal
recovered-changes-torn = recovered { $n ->
    [one] 1 change
   *[other] { $n } changes
} from the crash journal; an unfinished last record ({ $bytes } bytes) was dropped
recovered-conflict-copy = recovered { $n ->
    [one] 1 change
   *[other] { $n } changes
} from the crash journal into the conflict copy { $name } (the session file had been changed by someone else)
recovered-kept-aside = an older crash journal did not match the file and was kept aside as { $path }
recovered-do-not-fit = a crash journal was found but its changes do not fit this file; it was kept aside as { $path }
recovered-unreadable = the crash journal cannot be read ({ $why })

# A value the session file holds where a time, a date or a time zone goes
# ($found is the text found, quoted as the file has it).
load-bad-time = expected a time in RFC 3339 form such as "2026-06-12T07:30:00Z", found { $found }
load-bad-date = expected a date such as "2026-06-12", found { $found }
load-bad-time-of-day = expected a time of day such as "09:30", found { $found }
load-bad-zone = unknown time zone { $found }: expected an IANA name such as "Europe/Paris"
load-bad-zone-like = unknown time zone { $found }: expected an IANA name such as "Europe/Paris" (did you mean { $like }?)
load-unknown-name-like = `{ $found }` is not a name known here: did you mean { $like }? (one of { $count } names)
