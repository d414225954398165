## Errors said at the edge: saves, validation problems, merge, attach,
## new and demo. The model and the store give each a key; `src/i18n.rs`
## says it here.

save-read-only = { $path }: this session is open read-only ({ $reason })
save-io = { $path }: { $why }
save-exists = a file with this name already exists
save-serialize = cannot write the session: { $detail }
read-only-open-in = it is open in { $holder }
read-only-no-lock = its lock file cannot be made: { $why }
load-more-problems = (and { $n } more { $n ->
    [one] problem
   *[other] problems
})
load-format-after-migration = format version { $found } where { $expected } was expected after migration
load-unknown-version = format version { $version } is not one this atelier can read
problem-duplicate-id = duplicate id { $id }: every item needs an id of its own
problem-dangling = `{ $field }` refers to { $id }, but no { $expected ->
    [stage] stage
    [step] step
    [cluster] cluster
    [participant] participant
    [author] participant or guest
    [round] voting round
    [sticky] sticky note
    [step-of-stage] step of the stage in run.stage
   *[item] item
} has that id
problem-unknown-format = unknown format version { $found }
cmd-no-template = no template { $id }; known templates: { $known }
attach-not-changed = { $path }: not changed: { $why }
attach-unknown-target = --to { $id }: no note, sticky, cluster, stage or prototype has that id
attach-empty-folder = { $folder }: no photos, videos or audio files in this folder
attach-done = { $path }: { $n } attached
attach-done-same = { $path }: { $n } attached ({ $same } already attached, stored once)
collect-err-token = no randomness for the token: { $error }
collect-err-listen = cannot listen on { $bind } { $free ->
    [yes] a free port
   *[other] port { $port }
}: { $error }
collect-err-address = cannot read the server's address: { $error }
collect-err-start = cannot start the server: { $error }
saver-journal-failed = The crash journal cannot be written: { $error }.
saver-conflict = The file was changed on disk by someone else: your work is saved to { $copy } and the other version is kept.
saver-not-saved = Not saved: { $error }. Your work is kept in memory and retried; W saves it elsewhere.
saver-save-as-failed = Save as did not work: { $error }. Your work is still in memory.
media-not-media = { $path }: not a photo, video or audio file (PNG, JPEG, WebP, MP4, MOV, MP3, M4A, WAV, OGG...)
media-no-such-file = { $path }: no such file
media-missing = media { $path } is missing (moved or deleted?)
media-altered = media { $path } was altered: its content no longer matches its hash
media-outside = media { $path } points outside the session's media folder: not used
media-not-embeddable = media { $path } cannot be embedded (not a PNG, JPEG or WebP picture, or damaged): linked instead
merge-needs-three = merge needs three files: BASE OURS THEIRS (or --no-base OURS THEIRS)
merge-needs-two = merge --no-base needs two files: OURS THEIRS
merge-git-no-output = with --git the result goes into OURS (%A): -o is not allowed
merge-different-ids = ours and theirs are different sessions (their ids differ): if they started apart, use --no-base to match their participants and clusters
merge-invalid = the merge made an invalid session, nothing written: { $problems }
merge-cannot-write = cannot write the result: { $error }
merge-written-to = written to { $path }
merge-open-to-pick = open the session in atelier to pick a version for each conflict (see docs/git.md)
merge-not-a-session = { $path } exists and is not a session file ({ $error }): not overwritten
merge-open-elsewhere = { $path }: { $why }; nothing written (close it there and merge again)
merge-changed = { $path } changed while merging; the result went to { $copy }

# A file or folder and what went wrong with it.
io-at-path = { $path }: { $why }
cli-stdout-failed = standard output: { $why }

# The user's keymap.ron and theme.ron: $problem is where (file:line:column) and what.
keymap-not-applied = { $problem } (your key bindings were not applied)
keymap-unknown-key = keymap: unknown key { $key }
theme-not-applied = { $problem } (your theme was not applied)

# The method library: a file of the lab's that could not be read
# ($problem: where, file:line:column, and what), a template naming a
# method the library lacks.
library-skipped = { $problem } (skipped)
library-unknown-method = template { $template } uses method { $method }, which the library does not have

# The app and its terminal ($why: the system's reason, in plain words).
app-no-terminal = the app needs a terminal: run atelier in one ({ $why })
app-cannot-draw = cannot draw on the terminal: { $why }
app-cannot-read-keys = cannot read keys: { $why }

# A detail typed in setup that the session cannot take.
detail-error-no-title = A session needs a title.
detail-error-not-a-date = { $value } is not a date: expected YYYY-MM-DD, such as 2026-06-12
detail-error-not-a-time = expected a time of day such as "09:30", found { $value }
