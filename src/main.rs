use atelier::cli::{Command, LibraryCmd, Shell};
use atelier::methods::Library;
use atelier::store::Home;
use atelier::{commands, lang};
use std::process::ExitCode;

fn main() -> ExitCode {
    // The language first: the help and the command line's mistakes are in it.
    let lang = lang::from_env();
    let cli = atelier::cli::parse(lang);
    let home = Home::from_env();
    let mut out = std::io::stdout().lock();
    let library = || Library::load(Some(&home.methods_dir()));
    let result: Result<bool, String> = match cli.command {
        None => atelier::app::run_home(&home),
        Some(Command::Demo) => {
            commands::demo_copy(&home).and_then(|p| atelier::app::run_file(&home, &p, false))
        }
        Some(Command::Open { file, collect }) => atelier::app::run_open(&home, &file, collect),
        Some(Command::Review {
            file,
            as_name,
            comment,
            about,
        }) => {
            let reviewer = atelier::review::reviewer_in(as_name.as_deref(), &home.config);
            match comment {
                Some(text) => atelier::review::add_comment(
                    &file,
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
                None => atelier::app::run_review(&home, &file, reviewer.as_deref()),
            }
        }
        Some(Command::Export {
            file,
            format,
            output,
            anonymize,
            with_media,
            include_private,
            bundle,
        }) => {
            let args = atelier::export::cli::Args {
                output: output.as_deref(),
                anonymize,
                with_media,
                bundle: bundle.as_deref(),
                include_private,
                lang,
            };
            atelier::export::cli::export_with(&file, format, &args, &mut out)
        }
        Some(Command::Report {
            dir,
            output,
            anonymize,
            include_private,
        }) => atelier::export::cli::report_with(
            &dir,
            output.as_deref(),
            anonymize,
            include_private,
            lang,
            &mut out,
        ),
        Some(Command::New {
            title,
            template,
            lang: l,
            no_open,
        }) => {
            let l = l.as_deref().map(lang::normalize).unwrap_or(lang);
            let zone = atelier::zone::machine();
            commands::new_session(&home, &library(), &title, template.as_deref(), l, &zone)
                .and_then(|(path, store, _)| {
                    println!("{}", path.display());
                    drop(store);
                    if no_open {
                        Ok(true)
                    } else {
                        atelier::app::run_file(&home, &path, false)
                    }
                })
        }
        Some(Command::Check { files, recover }) => if recover {
            commands::recover(&files, lang, &mut out)
        } else {
            commands::check_in(&files, lang, &mut out)
        }
        .map_err(|e| e.to_string()),
        Some(Command::Fmt { files }) => {
            commands::fmt(&files, &atelier::zone::machine(), lang, &mut out)
                .map_err(|e| e.to_string())
        }
        Some(Command::Merge {
            files,
            output,
            git,
            no_base,
        }) => {
            let args = atelier::merge::Args {
                files,
                output,
                git,
                no_base,
            };
            atelier::merge::run(&args, &mut out, &mut std::io::stderr())
        }
        Some(Command::Import {
            session,
            from,
            format,
            stage,
            author,
            cluster,
        }) => {
            let opts = atelier::import::Options {
                stage,
                author,
                cluster,
            };
            atelier::import::run(&session, &from, format, &opts, lang, &mut out)
        }
        Some(Command::Methods { what }) => match what {
            None | Some(LibraryCmd::List) => commands::methods_list(&library(), lang, &mut out)
                .map(|_| true)
                .map_err(|e| e.to_string()),
            Some(LibraryCmd::Show { id }) => {
                commands::method_show(&library(), &id, lang, &mut out).map(|_| true)
            }
        },
        Some(Command::Templates { what }) => match what {
            None | Some(LibraryCmd::List) => commands::templates_list(&library(), lang, &mut out)
                .map(|_| true)
                .map_err(|e| e.to_string()),
            Some(LibraryCmd::Show { id }) => {
                commands::template_show(&library(), &id, lang, &mut out).map(|_| true)
            }
        },
        Some(Command::Generate {
            stickies,
            seed,
            output,
        }) => {
            let session = atelier::generate::session(stickies, seed);
            atelier::store::to_ron(&session)
                .and_then(|text| atelier::store::write_atomic(&output, text.as_bytes()))
                .map(|()| {
                    println!("{}", output.display());
                    true
                })
                .map_err(|e| e.to_string())
        }
        Some(Command::Attach {
            session,
            files,
            to,
            caption,
        }) => commands::attach(
            &session,
            &files,
            to.as_deref(),
            caption.as_deref(),
            &mut out,
        ),
        Some(Command::Suggest {
            file,
            threshold,
            scope,
            format,
        }) => {
            let (engine, warnings) = commands::suggest_engine(&home);
            for w in warnings {
                eprintln!("atelier: warning: {w}");
            }
            let args = commands::SuggestArgs {
                threshold,
                all: scope == atelier::cli::SuggestScope::All,
                json: format == atelier::cli::SuggestFormat::Json,
            };
            commands::suggest(&file, &engine, &args, lang, &mut out)
        }
        Some(Command::Completions { shell }) => {
            let mut cmd = atelier::cli::command(lang);
            let shell = match shell {
                Shell::Bash => clap_complete::Shell::Bash,
                Shell::Zsh => clap_complete::Shell::Zsh,
                Shell::Fish => clap_complete::Shell::Fish,
            };
            clap_complete::generate(shell, &mut cmd, "atelier", &mut out);
            Ok(true)
        }
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
