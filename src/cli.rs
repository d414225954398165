//! The command line: parsed with clap before the terminal is touched.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

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
    Open { file: PathBuf },
    /// Browse a session read-only (for participants).
    Review { file: PathBuf },
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

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}
