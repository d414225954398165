//! Review mode (issue 5, item 8): `atelier review FILE` opens a session
//! read-only with `review: true`; every edit of the workshop is refused
//! (with a message, and nothing to save); `c` adds a comment, kept in
//! `session.comments` and written by `store::save_comments` through
//! `Effect::SaveComments`, which changes only the comments section of the
//! file. Plus snapshots of the facilitation screen in review mode, and one
//! run of the real binary in tmux.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod feature_support;
mod skip_support;
mod support;

use atelier::app::state::{Screen, SetupTab};
use atelier::app::{App, Effect};
use atelier::model::{ActionItem, Comment, Id, NoteKind, Role, Session, Target, Vote, validate};
use feature_support::*;
use std::path::{Path, PathBuf};

/// The reason `atelier review` gives (`src/app/run.rs`, `open_doc`).
const REVIEW: &str = "review mode: the workshop itself cannot be changed; C adds a comment";

// ---------------------------------------------------------------- session

/// A workshop as run: notes, stickies in a cluster and in the inbox, a
/// voting round with votes, an action, and a review comment already there.
fn session() -> Session {
    let mut s = base_session("Bibliothèques fraîches 📚");
    s.participants
        .push(participant("p-hanako", "山田 花子", Role::Citizen));
    s.notes = vec![
        note(
            "n-1",
            NoteKind::Quote,
            Some("p-noel"),
            "« On étouffe en salle de lecture l'après-midi »",
        ),
        note(
            "n-2",
            NoteKind::Insight,
            None,
            "La chaleur fait fuir les ados",
        ),
    ];
    s.clusters = vec![
        cluster("c-ombre", "Ombre et fraîcheur"),
        cluster("c-horaires", "Horaires"),
    ];
    s.stickies = vec![
        sticky(
            "s-1",
            "Des stores sur la façade sud",
            Some("c-ombre"),
            Some("p-amelie"),
        ),
        sticky("s-2", "Planter des arbres", Some("c-ombre"), None),
        sticky("s-3", "Ouvrir le dimanche matin", None, Some("p-hanako")),
    ];
    s.rounds = vec![support::model::vote_1()];
    s.votes = vec![Vote {
        id: Id::from("v-1"),
        round: Id::from("r-1"),
        participant: Some(Id::from("p-amelie")),
        target: Target::Sticky(Id::from("s-3")),
        count: 1,
    }];
    s.actions = vec![ActionItem {
        id: Id::from("a-1"),
        text: "Chiffrer les stores".into(),
        owner: "Amélie Roux".into(),
        due: None,
        status: Default::default(),
    }];
    s.comments = vec![Comment {
        id: Id::from("k-1"),
        about: None,
        author: "zoe".into(),
        text: "Merci pour cet atelier".into(),
        time: t(7200),
    }];
    assert!(validate(&s).is_empty(), "{:?}", validate(&s));
    s
}

/// A review app on `screen` for `session` read from `path`.
fn review_at(session: Session, path: &Path, screen: Screen) -> App {
    let mut app = app_at(session, path, Some(REVIEW), true, screen);
    // Signed (`--as` or config.ron): the name is not asked.
    app.ctx.reviewer = Some("Relectrice".into());
    app
}

fn review(screen: Screen) -> App {
    review_at(session(), &PathBuf::from("/nonexistent/biblio.ron"), screen)
}

/// The session without its comments: the workshop's own content.
fn content(s: &Session) -> Session {
    let mut s = s.clone();
    s.comments.clear();
    s
}

/// No effect that writes the workshop (or starts anything).
fn assert_nothing_written(fx: &[Effect], what: &str) {
    for e in fx {
        assert!(
            !matches!(
                e,
                Effect::Save
                    | Effect::SaveNow
                    | Effect::SaveComments
                    | Effect::StartCollect { .. }
                    | Effect::Create { .. }
            ),
            "{what}: {e:?} in {fx:?}"
        );
    }
}

// ---------------------------------------------------------------- refusals

/// Where the cursor stands before an editing action's keys.
#[derive(Clone, Copy)]
enum At {
    Anywhere,
    Board {
        col: usize,
        row: usize,
    },
    /// A setup tab and the row on it.
    Setup(SetupTab, usize),
    FirstNote,
}

// Columns: 0 inbox (s-3), 1 Ombre (s-1, s-2), 2 Horaires, 3 parking lot.
const INBOX_STICKY: At = At::Board { col: 0, row: 1 };
const CLUSTERED_STICKY: At = At::Board { col: 1, row: 1 };
const CLUSTER_HEADER: At = At::Board { col: 1, row: 0 };
const DETAILS: At = At::Setup(SetupTab::Details, 0);
const ORIGIN: At = At::Setup(SetupTab::Details, 2);
const LANGUAGE: At = At::Setup(SetupTab::Details, 7);
const PARTICIPANT: At = At::Setup(SetupTab::Participants, 1);
const AGENDA_STAGE: At = At::Setup(SetupTab::Agenda, 2);
const AGENDA_STEP: At = At::Setup(SetupTab::Agenda, 3);

impl At {
    fn put(self, app: &mut App) {
        match self {
            At::Anywhere => {}
            At::Board { col, row } => {
                app.board.col = col;
                app.board.row = row;
            }
            At::Setup(tab, row) => {
                app.setup.tab = tab;
                match tab {
                    SetupTab::Details => app.setup.detail = row,
                    SetupTab::Participants => app.setup.participant = row,
                    SetupTab::Agenda => app.setup.agenda_row = row,
                }
            }
            At::FirstNote => {
                app.notes.selected = 0;
                app.notes.focus_list = true;
            }
        }
    }
}

/// One editing action: where, where the cursor stands, which keys.
struct Case {
    what: &'static str,
    screen: Screen,
    at: At,
    keys: &'static [&'static str],
}

const fn case(what: &'static str, screen: Screen, at: At, keys: &'static [&'static str]) -> Case {
    Case {
        what,
        screen,
        at,
        keys,
    }
}

const CASES: &[Case] = &[
    // Facilitation.
    case(
        "start the timer",
        Screen::Facilitate,
        At::Anywhere,
        &["space"],
    ),
    case("next step", Screen::Facilitate, At::Anywhere, &["]"]),
    case("previous step", Screen::Facilitate, At::Anywhere, &["["]),
    case("next stage", Screen::Facilitate, At::Anywhere, &["}"]),
    case("previous stage", Screen::Facilitate, At::Anywhere, &["{"]),
    case("add a minute", Screen::Facilitate, At::Anywhere, &["+"]),
    case("remove a minute", Screen::Facilitate, At::Anywhere, &["-"]),
    case("new note", Screen::Facilitate, At::Anywhere, &["n"]),
    case("new sticky", Screen::Facilitate, At::Anywhere, &["s"]),
    case("new prototype", Screen::Facilitate, At::Anywhere, &["P"]),
    case(
        "collect from phones",
        Screen::Facilitate,
        At::Anywhere,
        &["w"],
    ),
    // Projector.
    case(
        "projector: timer",
        Screen::Projector,
        At::Anywhere,
        &["space"],
    ),
    case(
        "projector: next step",
        Screen::Projector,
        At::Anywhere,
        &["]"],
    ),
    case(
        "projector: add a minute",
        Screen::Projector,
        At::Anywhere,
        &["+"],
    ),
    // Notes.
    case("edit a note", Screen::Notes, At::FirstNote, &["E"]),
    case("delete a note", Screen::Notes, At::FirstNote, &["d"]),
    case("notes: new note", Screen::Notes, At::FirstNote, &["n"]),
    // Board.
    case("board: new sticky", Screen::Board, INBOX_STICKY, &["s"]),
    case("move to", Screen::Board, INBOX_STICKY, &["m"]),
    case("park", Screen::Board, INBOX_STICKY, &["P"]),
    case("delete a sticky", Screen::Board, INBOX_STICKY, &["d"]),
    case("split", Screen::Board, CLUSTERED_STICKY, &["space", "x"]),
    case("edit a sticky", Screen::Board, CLUSTERED_STICKY, &["enter"]),
    case("rename a cluster", Screen::Board, CLUSTER_HEADER, &["r"]),
    case("merge clusters", Screen::Board, CLUSTER_HEADER, &["M"]),
    case("delete a cluster", Screen::Board, CLUSTER_HEADER, &["d"]),
    case("vote", Screen::Board, INBOX_STICKY, &["v", "+"]),
    case("remove a vote", Screen::Board, INBOX_STICKY, &["v", "-"]),
    case("paper tally", Screen::Board, INBOX_STICKY, &["t"]),
    case("suggest clusters", Screen::Board, INBOX_STICKY, &["S"]),
    case("board: collect", Screen::Board, At::Anywhere, &["w"]),
    // Setup.
    case("edit the title", Screen::Setup, DETAILS, &["enter"]),
    case("cycle the origin", Screen::Setup, ORIGIN, &["enter"]),
    case("cycle the language", Screen::Setup, LANGUAGE, &["enter"]),
    case("add a participant", Screen::Setup, PARTICIPANT, &["i"]),
    case("rename a participant", Screen::Setup, PARTICIPANT, &["E"]),
    case("cycle a role", Screen::Setup, PARTICIPANT, &["r"]),
    case("delete a participant", Screen::Setup, PARTICIPANT, &["d"]),
    case("move a participant", Screen::Setup, PARTICIPANT, &["K"]),
    case("add a stage", Screen::Setup, AGENDA_STAGE, &["i"]),
    case("rename a stage", Screen::Setup, AGENDA_STAGE, &["E"]),
    case("delete a stage", Screen::Setup, AGENDA_STAGE, &["d"]),
    case("move a stage", Screen::Setup, AGENDA_STAGE, &["K"]),
    case("step: add a minute", Screen::Setup, AGENDA_STEP, &["+"]),
    case("step: remove a minute", Screen::Setup, AGENDA_STEP, &["-"]),
    case("rename a step", Screen::Setup, AGENDA_STEP, &["E"]),
    case("delete a step", Screen::Setup, AGENDA_STEP, &["d"]),
];

/// If a key opened something to type in or choose from, go through with it.
fn follow_through(app: &mut App) -> Vec<Effect> {
    let mut fx = Vec::new();
    for _ in 0..3 {
        if app.field.is_some() || app.capture.is_some() {
            fx.extend(type_text(app, "Modifié ✏️"));
            fx.extend(keys(app, &["enter"]));
        } else if app.editor.is_some() {
            fx.extend(type_text(app, "Modifié ✏️"));
            fx.extend(keys(app, &["ctrl-s"]));
        } else if app.picker.is_some() {
            fx.extend(keys(app, &["j", "enter"]));
        }
    }
    fx
}

#[test]
fn every_editing_action_is_refused_with_a_message_and_nothing_to_save() {
    let mut failures = Vec::new();
    for case in CASES {
        let mut app = review(case.screen);
        case.at.put(&mut app);
        let before = sess(&app).clone();
        let mut fx = keys(&mut app, case.keys);
        let first_message = message(&app).to_owned();
        let first_error = is_error(&app);
        fx.extend(follow_through(&mut app));
        assert_nothing_written(&fx, case.what);
        assert_eq!(sess(&app), &before, "{}: the session changed", case.what);
        assert!(app.history.undo.is_empty(), "{}", case.what);
        assert_eq!(app.doc.as_ref().unwrap().generation, 0, "{}", case.what);
        let refused = (first_error && first_message.starts_with("Read-only"))
            || (is_error(&app) && message(&app).starts_with("Read-only"));
        if !refused {
            failures.push(format!(
                "{} ({:?} {:?}): message {:?} then {:?}",
                case.what,
                case.screen,
                case.keys,
                first_message,
                message(&app)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "refused without a read-only message:\n{}",
        failures.join("\n")
    );
}

#[test]
fn undo_redo_and_save_now_write_nothing_in_review_mode() {
    let mut app = review(Screen::Facilitate);
    let before = sess(&app).clone();
    let fx = keys(&mut app, &["u", "ctrl-r"]);
    assert_nothing_written(&fx, "undo, redo");
    let fx = keys(&mut app, &["ctrl-s"]);
    assert_nothing_written(&fx, "Ctrl-s");
    assert!(is_error(&app));
    assert!(message(&app).starts_with("Read-only"), "{}", message(&app));
    assert_eq!(sess(&app), &before);
}

#[test]
fn browsing_is_allowed_in_review_mode() {
    let mut app = review(Screen::Facilitate);
    let before = sess(&app).clone();
    let mut fx = keys(&mut app, &["N"]);
    assert_eq!(app.screen, Screen::Notes);
    fx.extend(keys(&mut app, &["b"]));
    assert_eq!(app.screen, Screen::Board);
    fx.extend(keys(&mut app, &["l", "j", "/"]));
    fx.extend(type_text(&mut app, "arbres"));
    fx.extend(keys(&mut app, &["enter"]));
    assert_eq!(app.search.input.value(), "arbres");
    fx.extend(keys(&mut app, &["a"]));
    assert_eq!(app.screen, Screen::Setup);
    fx.extend(keys(&mut app, &["f", "p"]));
    assert_eq!(app.screen, Screen::Projector);
    assert_nothing_written(&fx, "browsing");
    assert_eq!(sess(&app), &before);
    assert!(!is_error(&app), "{}", message(&app));
}

#[test]
fn c_on_the_board_comments_in_review_mode_instead_of_making_a_cluster() {
    let mut app = review(Screen::Board);
    INBOX_STICKY.put(&mut app);
    let before = sess(&app).clone();
    let fx = keys(&mut app, &["c"]);
    assert!(fx.is_empty(), "{fx:?}");
    let field = app.field.as_ref().expect("a comment field");
    assert!(
        field.title.starts_with("Comment on this item"),
        "{}",
        field.title
    );
    type_text(&mut app, "Bonne idée");
    let fx = keys(&mut app, &["enter"]);
    assert_eq!(fx, [Effect::SaveComments]);
    assert_eq!(content(sess(&app)), content(&before), "no cluster was made");
    assert_eq!(
        sess(&app).comments.last().unwrap().about,
        Some(Id::from("s-3"))
    );
}

#[test]
fn the_review_keys_come_from_the_keymap_and_can_be_rebound() {
    use atelier::app::keymap::Keymap;
    let user = r#"{ review: { "c": Ignore, "K": Comment } }"#;
    let (keymap, warnings) = Keymap::with_user(Some(("keymap.ron", user)));
    assert!(warnings.is_empty(), "{warnings:?}");
    let mut app = review(Screen::Board);
    app.keymap = keymap;
    INBOX_STICKY.put(&mut app);
    let before = sess(&app).clone();
    keys(&mut app, &["c"]);
    assert!(app.field.is_none(), "c is the board's again: refused");
    assert_eq!(sess(&app), &before);
    keys(&mut app, &["K"]);
    let title = app.field.as_ref().map(|f| f.title.as_str());
    assert!(
        title.is_some_and(|t| t.starts_with("Comment on this item")),
        "{title:?}"
    );
}

// ---------------------------------------------------------------- comments

#[test]
fn c_text_enter_adds_a_session_comment_and_asks_to_save_only_the_comments() {
    let mut app = review(Screen::Facilitate);
    let before = sess(&app).clone();
    let fx = keys(&mut app, &["c"]);
    assert!(fx.is_empty(), "{fx:?}");
    let field = app.field.as_ref().expect("a comment field");
    assert!(
        field.title.starts_with("Comment on the session"),
        "{}",
        field.title
    );
    let mut fx = type_text(&mut app, "Très clair, merci ! 👍 「ありがとう」");
    assert!(fx.is_empty(), "{fx:?}");
    fx.extend(keys(&mut app, &["enter"]));
    assert_eq!(fx, [Effect::SaveComments], "only the comments are written");
    assert!(app.field.is_none());

    let after = sess(&app).clone();
    assert_eq!(
        content(&after),
        content(&before),
        "the workshop is untouched"
    );
    assert_eq!(after.comments.len(), 2);
    assert_eq!(after.comments[0], before.comments[0]);
    let c = &after.comments[1];
    assert_eq!(c.text, "Très clair, merci ! 👍 「ありがとう」");
    assert_eq!(c.about, None);
    assert_eq!(c.time, t(0));
    assert!(
        app.history.undo.is_empty(),
        "a comment is not an undoable edit"
    );
    assert!(!is_error(&app), "{}", message(&app));
    assert!(
        message(&app).starts_with("Comment added"),
        "{}",
        message(&app)
    );
    assert!(validate(&after).is_empty());
}

#[test]
fn comments_on_a_sticky_and_on_a_note_name_what_they_are_about() {
    // On the board, C comments on the selected sticky.
    let mut app = review(Screen::Board);
    INBOX_STICKY.put(&mut app);
    keys(&mut app, &["C"]);
    let field = app.field.as_ref().expect("a comment field");
    assert!(
        field.title.starts_with("Comment on this item"),
        "{}",
        field.title
    );
    type_text(&mut app, "Oui, le dimanche !");
    let fx = keys(&mut app, &["enter"]);
    assert_eq!(fx, [Effect::SaveComments]);
    let c = sess(&app).comments.last().unwrap();
    assert_eq!(c.about, Some(Id::from("s-3")));
    assert_eq!(c.text, "Oui, le dimanche !");

    // On the notes screen, c comments on the selected note.
    let mut app = review(Screen::Notes);
    At::FirstNote.put(&mut app);
    let id = sess(&app).notes[app.visible_notes()[0]].id.clone();
    keys(&mut app, &["c"]);
    type_text(&mut app, "Je confirme");
    let fx = keys(&mut app, &["enter"]);
    assert_eq!(fx, [Effect::SaveComments]);
    assert_eq!(sess(&app).comments.last().unwrap().about, Some(id));
}

#[test]
fn an_empty_comment_or_esc_adds_nothing() {
    let mut app = review(Screen::Facilitate);
    let before = sess(&app).clone();
    let mut fx = keys(&mut app, &["c"]);
    fx.extend(type_text(&mut app, "   "));
    fx.extend(keys(&mut app, &["enter"]));
    fx.extend(keys(&mut app, &["c"]));
    fx.extend(type_text(&mut app, "Finalement non"));
    fx.extend(keys(&mut app, &["esc"]));
    assert!(fx.is_empty(), "{fx:?}");
    assert!(app.field.is_none());
    assert_eq!(sess(&app), &before);
}

#[test]
fn outside_review_mode_a_comment_is_an_ordinary_saved_change() {
    let mut app = app_at(
        session(),
        &PathBuf::from("/nonexistent/biblio.ron"),
        None,
        false,
        Screen::Facilitate,
    );
    // `C`, the comment key on every screen (`c` is a cluster on the board).
    keys(&mut app, &["C"]);
    type_text(&mut app, "Note de l'animatrice");
    let fx = keys(&mut app, &["enter"]);
    assert!(fx.contains(&Effect::Save), "{fx:?}");
    assert!(!fx.contains(&Effect::SaveComments), "{fx:?}");
    assert_eq!(sess(&app).comments.len(), 2);
}

// ---------------------------------------------------------------- the file

/// The session written to `dir/biblio.ron` as atelier writes it.
fn write_session(dir: &Path) -> PathBuf {
    let path = dir.join("biblio.ron");
    std::fs::write(&path, atelier::store::to_ron(&session()).unwrap()).unwrap();
    path
}

fn files_in(dir: &Path) -> Vec<String> {
    support::file_names(dir)
}

#[test]
fn save_comments_changes_only_the_comments_section_of_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_session(dir.path());
    let before = atelier::store::load_file(&path).unwrap();
    let before_bytes = std::fs::read(&path).unwrap();

    let mut app = review_at(before.clone(), &path, Screen::Facilitate);
    keys(&mut app, &["c"]);
    type_text(&mut app, "Et les ados, on les a écoutés ?");
    let fx = keys(&mut app, &["enter"]);
    assert_eq!(fx, [Effect::SaveComments]);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before_bytes,
        "update itself writes nothing"
    );

    // What the run loop does with Effect::SaveComments.
    let comments = sess(&app).comments.clone();
    atelier::store::save_comments(&path, &comments).expect("the comments are saved");

    let after = atelier::store::load_file(&path).expect("the file still loads");
    assert!(validate(&after).is_empty(), "{:?}", validate(&after));
    assert_eq!(after.comments, comments, "the comments are in the file");
    assert_eq!(content(&after), content(&before), "equal except comments");
    // In bytes too: the file is the canonical text of the session with the
    // new comment, nothing else moved.
    let mut expected = before.clone();
    expected.comments = comments.clone();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        atelier::store::to_ron(&expected).unwrap()
    );
    // No conflict copy; the lock is released and the journal replays
    // nothing: the file opens for writing as it is.
    let files = files_in(dir.path());
    assert!(
        files
            .iter()
            .all(|f| f.starts_with("biblio.ron") && !f.contains("conflict")),
        "{files:?}"
    );
    let (store, reopened) = atelier::store::Store::open(&path).unwrap();
    assert_eq!(store.read_only(), None, "the lock was released");
    assert_eq!(store.recovery().map(ToString::to_string), None);
    assert_eq!(reopened, after);
    drop(store);

    // The same comments again: nothing to add, the file is untouched.
    let bytes = std::fs::read(&path).unwrap();
    atelier::store::save_comments(&path, &comments).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn save_comments_keeps_changes_made_to_the_file_meanwhile() {
    // The facilitator's copy saved a new note after the reviewer opened the
    // file: the comment is added to the file as it is now, the note stays.
    let dir = tempfile::tempdir().unwrap();
    let path = write_session(dir.path());
    let opened = atelier::store::load_file(&path).unwrap();
    let mut app = review_at(opened, &path, Screen::Facilitate);

    let mut newer = session();
    newer
        .notes
        .push(note("n-3", NoteKind::Idea, None, "Une idée de plus"));
    std::fs::write(&path, atelier::store::to_ron(&newer).unwrap()).unwrap();

    keys(&mut app, &["c"]);
    type_text(&mut app, "Bravo");
    keys(&mut app, &["enter"]);
    atelier::store::save_comments(&path, &sess(&app).comments).unwrap();
    let after = atelier::store::load_file(&path).unwrap();
    assert_eq!(
        content(&after),
        content(&newer),
        "the newer workshop is kept"
    );
    assert_eq!(after.comments.len(), 2);
    assert_eq!(after.comments[1].text, "Bravo");
}

// ---------------------------------------------------------------- snapshots

#[test]
fn snapshot_of_the_facilitation_screen_in_review_mode() {
    let app = review(Screen::Facilitate);
    let terminal = draw(&app, 100, 30);
    let top = screen_text(terminal.backend().buffer())
        .lines()
        .next()
        .unwrap()
        .to_owned();
    assert!(top.contains("[read-only]"), "{top}");
    assert!(top.trim_end().ends_with("read-only"), "{top}");
    insta::assert_snapshot!("review_facilitate_100x30", terminal.backend());
}

#[test]
fn snapshot_of_the_comment_field_in_review_mode() {
    let mut app = review(Screen::Facilitate);
    keys(&mut app, &["c"]);
    type_text(&mut app, "Très clair, merci ! 👍");
    insta::assert_snapshot!("review_comment_field_100x30", draw(&app, 100, 30).backend());
}

// ---------------------------------------------------------------- tmux

mod tmux {
    use super::content;
    use crate::support::tmux::{BIN, Tmux, WAIT, q, sh_quote, wait_for_file};

    #[test]
    fn atelier_review_then_c_adds_a_comment_to_the_file_and_nothing_else() {
        if crate::skip_support::missing(crate::skip_support::Tool::Tmux) {
            return;
        }
        let home = tempfile::tempdir().unwrap();
        let file = home.path().join("biblio.ron");
        std::fs::write(&file, atelier::store::to_ron(&super::session()).unwrap()).unwrap();
        let before = atelier::store::load_file(&file).unwrap();
        let status = home.path().join("status.txt");

        let tmux = Tmux::new(home.path());
        tmux.start(&format!(
            "{} review {}; echo $? > {}; sleep 30",
            sh_quote(BIN),
            q(&file),
            q(&status),
        ));
        tmux.wait_for(&["[read-only]", "Bibliothèques fraîches"]);
        tmux.type_text("c");
        // No --as and no name in config.ron: asked once, then kept.
        tmux.wait_for(&["Your name"]);
        tmux.type_text("Léa Roux");
        tmux.keys(&["Enter"]);
        tmux.wait_for(&["Comment on the session"]);
        let comment = "Très clair, merci ! On a oublié les ados 👍";
        tmux.type_text(comment);
        tmux.wait_for(&["On a oublié les ados"]);
        tmux.keys(&["Enter"]);
        tmux.wait_for(&["Comment saved"]);
        tmux.type_text("q");

        assert_eq!(
            wait_for_file(&status, WAIT, &tmux).trim(),
            "0",
            "atelier's exit status"
        );

        let after = atelier::store::load_file(&file).expect("the file still loads");
        assert_eq!(after.comments.len(), before.comments.len() + 1);
        assert_eq!(after.comments[..before.comments.len()], before.comments[..]);
        let added = after.comments.last().unwrap();
        assert_eq!(added.text, comment);
        assert_eq!(added.about, None);
        assert_eq!(added.author, "Léa Roux");
        let config = atelier::store::Home::under(home.path()).config;
        assert_eq!(
            atelier::review::reviewer_in(None, &config).as_deref(),
            Some("Léa Roux"),
            "the name is kept in config.ron"
        );
        assert_eq!(
            content(&after),
            content(&before),
            "the workshop is unchanged"
        );
    }
}

#[test]
fn a_comment_is_signed_with_the_reviewers_name_else_the_login_name() {
    let path = PathBuf::from("/nonexistent/review.ron");
    let mut app = app_at(session(), &path, Some(REVIEW), true, Screen::Board);
    app.ctx.user = "lea".into();
    app.ctx.reviewer = Some("Léa".into());
    keys(&mut app, &["C"]);
    type_text(&mut app, "Et le sous-sol ?");
    keys(&mut app, &["enter"]);
    let last = sess(&app).comments.last().unwrap();
    assert_eq!(
        (last.author.as_str(), last.text.as_str()),
        ("Léa", "Et le sous-sol ?")
    );
    // Outside review mode, a comment is signed with the login name.
    let mut app = app_at(session(), &path, None, false, Screen::Board);
    app.ctx.user = "lea".into();
    keys(&mut app, &["C"]);
    type_text(&mut app, "Deuxième");
    keys(&mut app, &["enter"]);
    assert_eq!(sess(&app).comments.last().unwrap().author, "lea");
}

#[test]
fn in_review_mode_without_a_name_it_is_asked_once_and_kept_by_the_run_loop() {
    let path = PathBuf::from("/nonexistent/review.ron");
    let mut app = app_at(session(), &path, Some(REVIEW), true, Screen::Board);
    app.ctx.user = "lea".into();
    assert_eq!(app.ctx.reviewer, None);
    let fx = keys(&mut app, &["C"]);
    assert!(fx.is_empty(), "nothing written before the name: {fx:?}");
    let field = app.field.as_ref().expect("the name is asked");
    assert!(field.title.starts_with("Your name"), "{}", field.title);
    insta::assert_snapshot!("review_name_asked_80x24", shown(&app, 80, 24));
    // An empty name is refused; the field stays.
    keys(&mut app, &["enter"]);
    assert!(is_error(&app), "{}", message(&app));
    assert!(app.field.is_some());
    type_text(&mut app, "  Léa   Roux ");
    let fx = keys(&mut app, &["enter"]);
    assert_eq!(
        fx,
        [Effect::RememberName("Léa Roux".into())],
        "config.ron is written by the run loop, not by update"
    );
    let field = app.field.as_ref().expect("then the comment");
    assert!(field.title.starts_with("Comment on"), "{}", field.title);
    type_text(&mut app, "Et le sous-sol ?");
    keys(&mut app, &["enter"]);
    assert_eq!(sess(&app).comments.last().unwrap().author, "Léa Roux");
    // Asked once.
    keys(&mut app, &["C"]);
    assert!(app.field.as_ref().unwrap().title.starts_with("Comment on"));
    // Esc on the name keeps it as a draft, like every field.
    let mut app = app_at(session(), &path, Some(REVIEW), true, Screen::Board);
    keys(&mut app, &["C"]);
    type_text(&mut app, "Zoé");
    keys(&mut app, &["esc", "C"]);
    assert_eq!(app.field.as_ref().unwrap().input.value(), "Zoé");
}
