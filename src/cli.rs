//! The command line: parsed with clap before the terminal is touched.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

pub use crate::export::Format;

#[derive(Debug, Parser)]
#[command(
    name = "atelier",
    version,
    about = "Run co-design workshops from the terminal: plan, facilitate, capture, share.",
    long_about = "Run co-design workshops from the terminal: plan an agenda from a library of \
                  methods, keep time, capture notes and sticky notes, cluster and dot-vote, and \
                  keep everything in a plain-text session file.\n\nWith no command, opens the app.\n\
                  ATELIER_HOME names one folder to use instead of the platform folders."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open a fresh copy of the bundled demo session (never the original).
    Demo,
    /// Create a session and print its path.
    New {
        /// The session's title.
        #[arg(long)]
        title: String,
        /// An agenda template to start from (see `atelier templates list`).
        #[arg(long)]
        template: Option<String>,
        /// Language of the session's texts: en or fr (default: from LANG).
        #[arg(long)]
        lang: Option<String>,
        /// Only create the file; do not open the app.
        #[arg(long)]
        no_open: bool,
    },
    /// Open a session in the app.
    Open {
        file: PathBuf,
        /// Start collecting stickies from participants' phones at once
        /// (the address and QR code show on screen; see docs/collect.md).
        #[arg(long)]
        collect: bool,
    },
    /// Browse a session read-only (for participants), or add one signed
    /// comment with --comment.
    Review {
        file: PathBuf,
        /// The name your comments are signed with (default: `name` in
        /// config.ron).
        #[arg(long = "as", value_name = "NAME")]
        as_name: Option<String>,
        /// Add this comment and quit, without opening the app.
        #[arg(long, value_name = "TEXT")]
        comment: Option<String>,
        /// The id of the item the comment is about (a sticky, a note, a
        /// group, a stage...), or the start of it; default: the session.
        #[arg(long, value_name = "ID", requires = "comment")]
        about: Option<String>,
    },
    /// Export a session: a summary to publish (md, html), a spreadsheet (csv),
    /// the data (json) or a picture of the board (svg).
    ///
    /// Without -o the document goes beside the session with the format's
    /// extension (demo.ron -> demo.md); `-o -` writes to standard output.
    Export {
        /// The session file.
        file: PathBuf,
        /// The format to write.
        #[arg(long, value_enum)]
        format: Format,
        /// Where to write (a file, a folder, or `-` for standard output).
        #[arg(short = 'o', long)]
        output: Option<PathBuf>,
        /// Number the people (P1, P2, ...) and redact names, e-mail addresses
        /// and phone numbers from every text: safe to publish. Photos, videos
        /// and links are left out (faces are personal data) unless --with-media.
        #[arg(long)]
        anonymize: bool,
        /// Keep photos, videos and links in an anonymized export.
        #[arg(long)]
        with_media: bool,
        /// Keep the notes and sticky notes marked private (for the
        /// facilitators only): without it they are left out, with their
        /// votes, attachments and comments.
        #[arg(long)]
        include_private: bool,
        /// Write DIR/index.html and copy the videos and audio it links to
        /// into DIR (photos are in the page): a folder to publish. HTML only.
        #[arg(long, value_name = "DIR", conflicts_with = "output")]
        bundle: Option<PathBuf>,
    },
    /// Write an HTML report for a folder of sessions (a programme): an index
    /// across sessions and a page per session. Files that do not load are
    /// listed on standard error and left out of the pages (meant for
    /// publication); not fatal.
    Report {
        /// The folder holding the session files (*.ron).
        dir: PathBuf,
        /// The folder to write into (default: DIR/report).
        #[arg(short = 'o', long)]
        output: Option<PathBuf>,
        /// Anonymize every session first (as `export --anonymize`).
        #[arg(long)]
        anonymize: bool,
        /// Keep private notes and sticky notes (as `export --include-private`).
        #[arg(long)]
        include_private: bool,
    },
    /// Check session files; print `FILE: ok` or the error. Exit status 1 if any is bad.
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Replay a crash journal left beside the file into it (as opening it
        /// in the app would), and say what was recovered.
        #[arg(long)]
        recover: bool,
    },
    /// Rewrite session files in their canonical form (as atelier saves them).
    Fmt {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Merge copies of a session: BASE OURS THEIRS (three-way, by id), or
    /// --no-base OURS THEIRS (two sessions that started apart).
    ///
    /// Conflicts keep ours in place and record theirs in the session, for a
    /// decision in the app. Exit status 0 when clean, 1 when conflicts were
    /// recorded. As a git merge driver: `atelier merge --git %O %A %B`
    /// (see docs/git.md).
    Merge {
        /// BASE OURS THEIRS (OURS THEIRS with --no-base).
        #[arg(required = true, num_args = 2..=3)]
        files: Vec<PathBuf>,
        /// Where to write the result (default: standard output).
        #[arg(short = 'o', long)]
        output: Option<PathBuf>,
        /// Run as a git merge driver: the result replaces OURS (%A).
        #[arg(long)]
        git: bool,
        /// The two sessions have no common base: unite them, matching
        /// participants by name and clusters by title.
        #[arg(long)]
        no_base: bool,
    },
    /// Import sticky notes into a session from a text file (one per line,
    /// or blocks separated by blank lines), a CSV file with a header
    /// (text, author, colour, cluster, votes), or a board exported from
    /// Parabol (retrospective CSV) or scrumlr (CSV or JSON).
    ///
    /// The format is found from the file and said. Unknown authors are
    /// added as participants (guests for boards); missing clusters are
    /// created; votes become paper tallies. Bad rows are reported with
    /// their line numbers and nothing is imported; what is already in the
    /// session is skipped (see docs/import.md).
    Import {
        /// The session file.
        session: PathBuf,
        /// The file to import.
        from: PathBuf,
        /// Read the file as this format instead of finding it.
        #[arg(long = "from", value_enum, value_name = "FORMAT")]
        format: Option<crate::import::Source>,
        /// The stage the stickies belong to (id or title).
        #[arg(long)]
        stage: Option<String>,
        /// The author of rows that name none.
        #[arg(long)]
        author: Option<String>,
        /// The cluster (title) of rows that name none; created if missing.
        #[arg(long)]
        cluster: Option<String>,
    },
    /// The method library.
    Methods {
        #[command(subcommand)]
        what: Option<LibraryCmd>,
    },
    /// Agenda templates.
    Templates {
        #[command(subcommand)]
        what: Option<LibraryCmd>,
    },
    /// Attach photos, videos, audio or links to a session (or to one of its
    /// items): files are copied into SESSION.media/, stored once by content.
    Attach {
        /// The session file.
        session: PathBuf,
        /// Files, folders (their photos, videos and audio) or http(s) links.
        #[arg(required = true)]
        files: Vec<String>,
        /// The id of the note, sticky, cluster, stage or prototype they belong to.
        #[arg(long)]
        to: Option<String>,
        /// A caption (default: the file's name).
        #[arg(long)]
        caption: Option<String>,
    },
    /// Suggest clusters for a session's stickies, as `S` on the board does:
    /// groups of stickies that say the same thing, with the concepts and
    /// words that justify each (see docs/suggestions.md). Uses the lab's
    /// thesaurus and model in the configuration folder (suggest/*.txt,
    /// suggest/*.vec) when there are some.
    Suggest {
        /// The session file.
        file: PathBuf,
        /// The least average similarity for two groups to merge: higher
        /// gives fewer, tighter suggestions.
        #[arg(long, default_value_t = crate::model::suggest::DEFAULT_THRESHOLD)]
        threshold: f32,
        /// The stickies to group: those of the inbox, or all of the board.
        #[arg(long, value_enum, default_value = "inbox")]
        scope: SuggestScope,
        /// Text for people, or JSON: a list of objects with `title`,
        /// `words` and `stickies` (their ids).
        #[arg(long, value_enum, default_value = "text")]
        format: SuggestFormat,
    },
    /// Print a shell completion script.
    Completions { shell: Shell },
    /// Write a large generated session (for benchmarks and tests); the same
    /// seed always gives the same file.
    Generate {
        /// How many sticky notes (notes, clusters and votes follow in proportion).
        #[arg(long)]
        stickies: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The file to write.
        #[arg(short)]
        output: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum LibraryCmd {
    /// One line each (the default).
    List,
    /// One in full.
    Show { id: String },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SuggestScope {
    Inbox,
    All,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SuggestFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

// ------------------------------------------------------------ translated help

/// The command line in `lang`: every command's and argument's help from
/// Fluent (`assets/locales/*/cli-help.ftl`, keys `cli-COMMAND-about`,
/// `cli-COMMAND-long`, `cli-COMMAND--ARG`), and clap's own headings
/// ("Usage", "Commands", "Arguments", "Options") too. Possible and default
/// values are said in the help texts, so clap's English "[default: …]" and
/// "[possible values: …]" are hidden.
pub fn command(lang: &str) -> clap::Command {
    use clap::CommandFactory;
    let mut cmd = Cli::command();
    // Built, so that the help and version flags and the help command exist
    // and can be translated like the rest.
    cmd.build();
    translate(cmd, "", "", lang)
}

/// The keys of the command at `path` ("", "export", "methods-show").
fn key_of(path: &str) -> String {
    if path.is_empty() {
        "cli".to_owned()
    } else {
        format!("cli-{path}")
    }
}

/// A heading clap follows with ":": in French a no-break space before it.
fn heading(lang: &str, key: &str) -> String {
    let mut h = crate::i18n::tr(lang, key);
    if crate::i18n::supported(lang) == "fr" {
        h.push('\u{a0}');
    }
    h
}

/// Translate `cmd`, whose keys are at `path`; its subcommands' keys are
/// under `parent` (the same path, except in clap's help command, whose
/// subcommands are copies of its parent's).
fn translate(mut cmd: clap::Command, path: &str, parent: &str, lang: &str) -> clap::Command {
    use crate::i18n::try_tr;
    let key = key_of(path);
    let default = crate::model::suggest::DEFAULT_THRESHOLD.to_string();
    let text = |k: &str| -> Option<String> {
        if k.ends_with("suggest--threshold") {
            Some(crate::t!(
                lang,
                "cli-suggest--threshold",
                default = default.clone()
            ))
        } else {
            try_tr(lang, k)
        }
    };
    if let Some(about) = text(&format!("{key}-about")) {
        cmd = cmd.about(about);
    }
    cmd = match text(&format!("{key}-long")) {
        Some(long) => cmd.long_about(long),
        None => cmd.long_about(None::<&'static str>),
    };
    let usage = crate::i18n::tr(lang, "cli-usage");
    let colon = if crate::i18n::supported(lang) == "fr" {
        "\u{a0}:"
    } else {
        ":"
    };
    cmd = cmd
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{usage}{colon} {{usage}}\n\n{{all-args}}{{after-help}}"
        ))
        .subcommand_help_heading(heading(lang, "cli-commands"));
    let (positional, options) = (heading(lang, "cli-arguments"), heading(lang, "cli-options"));
    cmd = cmd.subcommand_value_name(crate::i18n::tr(lang, "cli-value-command"));
    let args: Vec<(String, bool, Option<String>)> = cmd
        .get_arguments()
        .map(|a| {
            // The placeholder (`<FILE>`) in the user's language, when it has one.
            let shown = match a.get_value_names() {
                Some([name, ..]) => name.to_string(),
                _ => a.get_id().as_str().to_uppercase(),
            };
            let takes_value = a.get_num_args().is_some_and(|n| n.takes_values());
            let placeholder = takes_value
                .then(|| try_tr(lang, &format!("cli-value-{}", shown.to_lowercase())))
                .flatten();
            (
                a.get_id().as_str().to_owned(),
                a.is_positional(),
                placeholder,
            )
        })
        .collect();
    for (id, is_positional, placeholder) in args {
        let arg_key = match id.as_str() {
            "help" | "version" => format!("cli-help--{id}"),
            _ => format!("{key}--{}", id.replace('_', "-")),
        };
        let help = text(&arg_key);
        let head = if is_positional { &positional } else { &options };
        cmd = cmd.mut_arg(&id, |a| {
            let a = match placeholder {
                Some(p) => a.value_name(p),
                None => a,
            };
            let a = a
                .help_heading(head.clone())
                .long_help(None::<&'static str>)
                .hide_possible_values(true)
                .hide_default_value(true);
            match help {
                Some(h) => a.help(h),
                None => a,
            }
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in subs {
        let sub_path = match (parent, name.as_str()) {
            // The help command is clap's, at every level: one key.
            (_, "help") => "help".to_owned(),
            ("", n) => n.to_owned(),
            (p, n) => format!("{p}-{n}"),
        };
        let sub_parent = if name == "help" {
            parent.to_owned()
        } else {
            sub_path.clone()
        };
        cmd = cmd.mut_subcommand(&name, |s| translate(s, &sub_path, &sub_parent, lang));
    }
    cmd
}

/// The command line parsed with the help in `lang`; a mistake is said in
/// `lang` ([`error_text`]) and ends the process with status 2, as clap does.
pub fn parse(lang: &str) -> Cli {
    use clap::FromArgMatches;
    let parsed = command(lang)
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m));
    match parsed {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind as K;
            if matches!(
                e.kind(),
                K::DisplayHelp | K::DisplayVersion | K::DisplayHelpOnMissingArgumentOrSubcommand
            ) {
                e.exit()
            }
            eprintln!("{}", error_text(&e, lang));
            std::process::exit(2)
        }
    }
}

/// A command-line mistake in `lang`: what was wrong, a suggestion when
/// clap has one, the usage and where to read more. Kinds clap reports
/// rarely get a general sentence with clap's own words after it.
pub fn error_text(e: &clap::Error, lang: &str) -> String {
    use crate::t;
    use clap::error::{ContextKind as C, ContextValue as V, ErrorKind as K};
    let get = |k: C| -> String {
        match e.get(k) {
            Some(V::String(s)) => s.clone(),
            Some(V::Strings(v)) => v.join(", "),
            Some(V::StyledStr(s)) => s.to_string(),
            Some(V::Number(n)) => n.to_string(),
            _ => String::new(),
        }
    };
    let (arg, value) = (get(C::InvalidArg), get(C::InvalidValue));
    let mut lines = vec![match e.kind() {
        K::UnknownArgument => t!(lang, "cli-error-unknown-argument", arg = arg),
        K::InvalidSubcommand => t!(
            lang,
            "cli-error-unknown-command",
            command = get(C::InvalidSubcommand)
        ),
        K::InvalidValue => t!(
            lang,
            "cli-error-invalid-value",
            value = value,
            arg = arg,
            valid = get(C::ValidValue)
        ),
        K::ValueValidation => t!(lang, "cli-error-bad-value", value = value, arg = arg),
        K::MissingRequiredArgument => t!(lang, "cli-error-missing", args = arg),
        K::MissingSubcommand => t!(lang, "cli-error-missing-command"),
        K::ArgumentConflict => t!(
            lang,
            "cli-error-conflict",
            arg = arg,
            other = get(C::PriorArg)
        ),
        K::WrongNumberOfValues | K::TooManyValues | K::TooFewValues => {
            t!(lang, "cli-error-value-count", arg = arg)
        }
        _ => {
            let clap_words = e.kind().as_str().unwrap_or_default().to_owned();
            t!(lang, "cli-error-other", detail = clap_words)
        }
    }];
    let suggested = [get(C::SuggestedSubcommand), get(C::SuggestedArg)]
        .into_iter()
        .find(|s| !s.is_empty());
    if let Some(s) = suggested {
        lines.push(t!(lang, "cli-error-did-you-mean", suggestion = s));
    }
    let usage = get(C::Usage);
    let usage = usage.trim();
    // clap's usage starts with its own English heading.
    let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
    if !usage.is_empty() {
        let heading = crate::i18n::tr(lang, "cli-usage");
        let colon = if crate::i18n::supported(lang) == "fr" {
            "\u{a0}:"
        } else {
            ":"
        };
        lines.push(String::new());
        lines.push(format!("{heading}{colon} {usage}"));
    }
    lines.push(String::new());
    lines.push(crate::i18n::tr(lang, "cli-error-more"));
    format!("atelier: {}", lines.join("\n"))
}
