use atelier::cli::{Command, LibraryCmd, Shell};
use atelier::i18n::io_error;
use atelier::methods::Library;
use atelier::store::Home;
use atelier::{commands, lang};
use std::path::Path;
use std::process::ExitCode;

/// Where the commands write.
type Out = std::io::StdoutLock<'static>;

fn main() -> ExitCode {
    // The language first: the help and the command line's mistakes are in it.
    let lang = lang::from_env();
    let cli = atelier::cli::parse(lang);
    let home = Home::from_env();
    let mut out = std::io::stdout().lock();
    let result: Result<bool, String> = match cli.command {
        None => atelier::app::run_home(&home),
        Some(command) => sessions(command, &home, lang, &mut out),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("atelier: {e}");
            ExitCode::from(2)
        }
    }
}

/// The commands on sessions: open, review, export, make, attach; the
/// others go to [`tools`].
fn sessions(
    command: Command,
    home: &Home,
    lang: &'static str,
    out: &mut Out,
) -> Result<bool, String> {
    match command {
        Command::Demo => {
            commands::demo_copy(home, lang).and_then(|p| atelier::app::run_file(home, &p, false))
        }
        Command::Open { file, collect } => atelier::app::run_open(home, &file, collect),
        Command::Review {
            file,
            as_name,
            comment,
            about,
        } => review(home, &file, as_name, comment, about, lang),
        Command::Export {
            file,
            format,
            output,
            anonymize,
            with_media,
            include_private,
            bundle,
        } => {
            let args = atelier::export::cli::Args {
                output: output.as_deref(),
                anonymize,
                with_media,
                bundle: bundle.as_deref(),
                include_private,
                lang,
            };
            atelier::export::cli::export_with(&file, format, &args, out)
        }
        Command::Report {
            dir,
            output,
            anonymize,
            include_private,
        } => atelier::export::cli::report_with(
            &dir,
            output.as_deref(),
            anonymize,
            include_private,
            lang,
            out,
        ),
        Command::New {
            title,
            template,
            lang: l,
            no_open,
        } => {
            let l = l.as_deref().map(lang::normalize).unwrap_or(lang);
            let zone = atelier::zone::machine();
            commands::new_session(home, &library(home), &title, template.as_deref(), l, &zone)
                .and_then(|(path, store, _)| {
                    println!("{}", path.display());
                    drop(store);
                    if no_open {
                        Ok(true)
                    } else {
                        atelier::app::run_file(home, &path, false)
                    }
                })
        }
        Command::Attach {
            session,
            files,
            to,
            caption,
        } => commands::attach(
            &session,
            &files,
            to.as_deref(),
            caption.as_deref(),
            lang,
            out,
        ),
        other => tools(other, home, lang, out),
    }
}

/// The commands that need no session open: check, fmt, merge, import, the
/// library, generate, suggest, completions.
fn tools(command: Command, home: &Home, lang: &'static str, out: &mut Out) -> Result<bool, String> {
    match command {
        Command::Check { files, recover } => if recover {
            commands::recover(&files, lang, out)
        } else {
            commands::check_in(&files, lang, out)
        }
        .map_err(|e| io_error(lang, &e)),
        Command::Fmt { files } => commands::fmt(&files, &atelier::zone::machine(), lang, out)
            .map_err(|e| io_error(lang, &e)),
        Command::Merge {
            files,
            output,
            git,
            no_base,
        } => {
            let args = atelier::merge::Args {
                files,
                output,
                git,
                no_base,
                lang,
            };
            atelier::merge::run(&args, out, &mut std::io::stderr())
        }
        Command::Import {
            session,
            from,
            format,
            stage,
            author,
            cluster,
        } => {
            let opts = atelier::import::Options {
                stage,
                author,
                cluster,
            };
            atelier::import::run(&session, &from, format, &opts, lang, out)
        }
        Command::Methods { what } => {
            let ways: Ways = (commands::methods_list, commands::method_show);
            listing(&library(home), what, ways, lang, out)
        }
        Command::Templates { what } => {
            let ways: Ways = (commands::templates_list, commands::template_show);
            listing(&library(home), what, ways, lang, out)
        }
        Command::Generate {
            stickies,
            seed,
            output,
        } => generate(stickies, seed, &output, lang),
        Command::Suggest {
            file,
            threshold,
            scope,
            format,
        } => suggest(home, &file, threshold, scope, format, lang, out),
        Command::Completions { shell } => {
            let mut cmd = atelier::cli::command(lang);
            let shell = match shell {
                Shell::Bash => clap_complete::Shell::Bash,
                Shell::Zsh => clap_complete::Shell::Zsh,
                Shell::Fish => clap_complete::Shell::Fish,
            };
            clap_complete::generate(shell, &mut cmd, "atelier", out);
            Ok(true)
        }
        // Handled by `sessions`.
        Command::Demo
        | Command::Open { .. }
        | Command::Review { .. }
        | Command::Export { .. }
        | Command::Report { .. }
        | Command::New { .. }
        | Command::Attach { .. } => sessions(command, home, lang, out),
    }
}

/// The method library, the user's own methods added.
fn library(home: &Home) -> Library {
    Library::load(Some(&home.methods_dir()))
}

/// How `atelier methods` or `templates` lists its items, and shows one.
type Ways = (
    fn(&Library, &str, &mut Out) -> std::io::Result<()>,
    fn(&Library, &str, &str, &mut Out) -> Result<(), String>,
);

/// `atelier methods` / `atelier templates`: the list, or the item asked.
fn listing(
    library: &Library,
    what: Option<LibraryCmd>,
    (list, show): Ways,
    lang: &'static str,
    out: &mut Out,
) -> Result<bool, String> {
    match what {
        None | Some(LibraryCmd::List) => list(library, lang, out).map_err(|e| io_error(lang, &e)),
        Some(LibraryCmd::Show { id }) => show(library, &id, lang, out),
    }
    .map(|()| true)
}

/// `atelier review`: one comment from the command line, else the app.
fn review(
    home: &Home,
    file: &Path,
    as_name: Option<String>,
    comment: Option<String>,
    about: Option<String>,
    lang: &'static str,
) -> Result<bool, String> {
    let reviewer = atelier::review::reviewer_in(as_name.as_deref(), &home.config);
    match comment {
        Some(text) => atelier::review::add_comment(
            file,
            reviewer.as_deref(),
            &text,
            about.as_deref(),
            atelier::model::Timestamp::now(),
            lang,
        )
        .map(|said| {
            println!("{said}");
            true
        }),
        None => atelier::app::run_review(home, file, reviewer.as_deref()),
    }
}

/// `atelier generate`: a made-up session of `stickies` sticky notes.
fn generate(stickies: usize, seed: u64, output: &Path, lang: &str) -> Result<bool, String> {
    let session = atelier::generate::session(stickies, seed);
    atelier::store::to_ron(&session)
        .and_then(|text| atelier::store::write_atomic(output, text.as_bytes()))
        .map(|()| {
            println!("{}", output.display());
            true
        })
        .map_err(|e| atelier::i18n::save_error(lang, &e))
}

/// `atelier suggest`: groups to make of a session's loose stickies.
fn suggest(
    home: &Home,
    file: &Path,
    threshold: f32,
    scope: atelier::cli::SuggestScope,
    format: atelier::cli::SuggestFormat,
    lang: &'static str,
    out: &mut Out,
) -> Result<bool, String> {
    let (engine, warnings) = commands::suggest_engine(home, lang);
    for w in warnings {
        eprintln!("atelier: {}", atelier::t!(lang, "cli-warning", what = w));
    }
    let args = commands::SuggestArgs {
        threshold,
        all: scope == atelier::cli::SuggestScope::All,
        json: format == atelier::cli::SuggestFormat::Json,
    };
    let engine = engine
        .as_ref()
        .unwrap_or_else(|| atelier::model::suggest::Engine::builtin());
    commands::suggest(file, engine, &args, lang, out)
}
