## The command line's help (atelier --help, atelier COMMAND --help).
## Keys: cli-COMMAND-about (one line), cli-COMMAND-long (--help), cli-COMMAND--ARG (an argument's help).

cli-usage = Usage
cli-commands = Commands
cli-arguments = Arguments
cli-options = Options
cli-about =
    Run co-design workshops from the terminal: plan, facilitate, capture, share.
cli-long =
    Run co-design workshops from the terminal: plan an agenda from a library of methods, keep time, capture notes and sticky notes, cluster and dot-vote, and keep everything in a plain-text session file.

    With no command, opens the app.
    ATELIER_HOME names one folder to use instead of the platform folders.
cli-demo-about =
    Open a fresh copy of the bundled demo session (never the original)
cli-new-about =
    Create a session and print its path
cli-new--title =
    The session's title
cli-new--template =
    An agenda template to start from (see `atelier templates list`)
cli-new--lang =
    Language of the session's texts: en or fr (default: from LANG)
cli-new--no-open =
    Only create the file; do not open the app
cli-open-about =
    Open a session in the app
cli-open--collect =
    Start collecting stickies from participants' phones at once (the address and QR code show on screen; see docs/collect.md)
cli-review-about =
    Browse a session read-only (for participants), or add one signed comment with --comment
cli-review--as-name =
    The name your comments are signed with (default: `name` in config.ron)
cli-review--comment =
    Add this comment and quit, without opening the app
cli-review--about =
    The id of the item the comment is about (a sticky, a note, a group, a stage...), or the start of it; default: the session
cli-export-about =
    Export a session: a summary to publish (md, html), a spreadsheet (csv), the data (json), a picture of the board (svg) or the run-sheet (runsheet)
cli-export-long =
    Export a session: a summary to publish (md, html), a spreadsheet (csv), the data (json), a picture of the board (svg) or the run-sheet to print (runsheet).

    Without -o the document goes beside the session with the format's extension (demo.ron -> demo.md); `-o -` writes to standard output.
cli-export--file =
    The session file
cli-export--format =
    The format to write: md, html, csv, json, svg (a picture of the board) or runsheet (the day to print)
cli-export--output =
    Where to write (a file, a folder, or `-` for standard output)
cli-export--anonymize =
    Number the people (P1, P2, ...) and redact names, e-mail addresses and phone numbers from every text: safe to publish. Photos, videos and links are left out (faces are personal data) unless --with-media
cli-export--with-media =
    Keep photos, videos and links in an anonymized export
cli-export--include-private =
    Keep the notes and sticky notes marked private (for the facilitators only): without it they are left out, with their votes, attachments and comments
cli-export--bundle =
    Write DIR/index.html and copy the videos and audio it links to into DIR (photos are in the page): a folder to publish. HTML only
cli-report-about =
    Write an HTML report for a folder of sessions (a programme): an index across sessions and a page per session. Files that do not load are listed on standard error and left out of the pages (meant for publication); not fatal
cli-report--dir =
    The folder holding the session files (*.ron)
cli-report--output =
    The folder to write into (default: DIR/report)
cli-report--anonymize =
    Anonymize every session first (as `export --anonymize`)
cli-report--include-private =
    Keep private notes and sticky notes (as `export --include-private`)
cli-check-about =
    Check session files; print `FILE: ok` or the error. Exit status 1 if any is bad
cli-check--recover =
    Replay a crash journal left beside the file into it (as opening it in the app would), and say what was recovered
cli-fmt-about =
    Rewrite session files in their canonical form (as atelier saves them)
cli-merge-about =
    Merge copies of a session: BASE OURS THEIRS (three-way, by id), or --no-base OURS THEIRS (two sessions that started apart)
cli-merge-long =
    Merge copies of a session: BASE OURS THEIRS (three-way, by id), or --no-base OURS THEIRS (two sessions that started apart).

    Conflicts keep ours in place and record theirs in the session, for a decision in the app. Exit status 0 when clean, 1 when conflicts were recorded. As a git merge driver: `atelier merge --git %O %A %B` (see docs/git.md).
cli-merge--files =
    BASE OURS THEIRS (OURS THEIRS with --no-base)
cli-merge--output =
    Where to write the result (default: standard output)
cli-merge--git =
    Run as a git merge driver: the result replaces OURS (%A)
cli-merge--no-base =
    The two sessions have no common base: unite them, matching participants by name and clusters by title
cli-import-about =
    Import sticky notes into a session from a text file (one per line, or blocks separated by blank lines), a CSV file with a header (text, author, colour, cluster, votes), or a board exported from Parabol (retrospective CSV) or scrumlr (CSV or JSON)
cli-import-long =
    Import sticky notes into a session from a text file (one per line, or blocks separated by blank lines), a CSV file with a header (text, author, colour, cluster, votes), or a board exported from Parabol (retrospective CSV) or scrumlr (CSV or JSON).

    The format is found from the file and said. Unknown authors are added as participants (guests for boards); missing clusters are created; votes become paper tallies. Bad rows are reported with their line numbers and nothing is imported; what is already in the session is skipped (see docs/import.md).
cli-import--session =
    The session file
cli-import--from =
    The file to import
cli-import--format =
    Read the file as this format instead of finding it: text, csv, parabol or scrumlr
cli-import--stage =
    The stage the stickies belong to (id or title)
cli-import--author =
    The author of rows that name none
cli-import--cluster =
    The cluster (title) of rows that name none; created if missing
cli-methods-about =
    The method library
cli-methods-list-about =
    One line each (the default)
cli-methods-show-about =
    One in full
cli-templates-about =
    Agenda templates
cli-templates-list-about =
    One line each (the default)
cli-templates-show-about =
    One in full
cli-attach-about =
    Attach photos, videos, audio or links to a session (or to one of its items): files are copied into SESSION.media/, stored once by content
cli-attach--session =
    The session file
cli-attach--files =
    Files, folders (their photos, videos and audio) or http(s) links
cli-attach--to =
    The id of the note, sticky, cluster, stage or prototype they belong to
cli-attach--caption =
    A caption (default: the file's name)
cli-suggest-about =
    Suggest clusters for a session's stickies, as `S` on the board does: groups of stickies that say the same thing, with the concepts and words that justify each (see docs/suggestions.md). Uses the lab's thesaurus and model in the configuration folder (suggest/*.txt, suggest/*.vec) when there are some
cli-suggest--file =
    The session file
cli-suggest--threshold =
    The least average similarity for two groups to merge: higher gives fewer, tighter suggestions (default: { $default })
cli-suggest--scope =
    The stickies to group: inbox (the default) or all (the whole board)
cli-suggest--format =
    text for people (the default), or json: a list of objects with `title`, `words` and `stickies` (their ids)
cli-completions-about =
    Print a shell completion script
cli-generate-about =
    Write a large generated session (for benchmarks and tests); the same seed always gives the same file
cli-generate--stickies =
    How many sticky notes (notes, clusters and votes follow in proportion)
cli-generate--output =
    The file to write
cli-open--file =
    The session file
cli-review--file =
    The session file
cli-check--files =
    The session files
cli-fmt--files =
    The session files
cli-methods-show--id =
    The method's id (see `atelier methods list`)
cli-templates-show--id =
    The template's id (see `atelier templates list`)
cli-completions--shell =
    The shell: bash, zsh or fish
cli-generate--seed =
    The seed (default: 1)
cli-help--help =
    Print help (-h for a summary)
cli-help--version =
    Print the version
cli-help-about =
    Print this message or the help of the given command

## Placeholders in the usage and the help (<FILE>).

cli-value-author = AUTHOR
cli-value-caption = CAPTION
cli-value-cluster = CLUSTER
cli-value-dir = DIR
cli-value-file = FILE
cli-value-files = FILES
cli-value-format = FORMAT
cli-value-from = FROM
cli-value-id = ID
cli-value-lang = LANG
cli-value-name = NAME
cli-value-output = OUTPUT
cli-value-scope = SCOPE
cli-value-seed = SEED
cli-value-session = SESSION
cli-value-shell = SHELL
cli-value-stage = STAGE
cli-value-stickies = STICKIES
cli-value-template = TEMPLATE
cli-value-text = TEXT
cli-value-threshold = THRESHOLD
cli-value-title = TITLE
cli-value-to = TO
cli-value-command = COMMAND
