//! The words of the exports, in the session's language (English or French).

use crate::model::{ActionStatus, MediaKind, NoteKind, Origin, Role, StageKind, Verdict};
use serde::Serialize;

/// Fixed words and phrases. Counted phrases are methods.
#[derive(Debug, Serialize)]
pub struct Labels {
    pub lang: &'static str,
    /// ":" or, in French, a no-break space and ":".
    pub colon: &'static str,
    pub anonymized_title: &'static str,
    pub anonymized_text: &'static str,
    pub date: &'static str,
    pub place: &'static str,
    pub facilitation: &'static str,
    pub challenge: &'static str,
    pub participants: &'static str,
    pub role: &'static str,
    pub count: &'static str,
    pub top_ideas: &'static str,
    pub decisions: &'static str,
    pub actions: &'static str,
    pub agenda: &'static str,
    pub board: &'static str,
    pub notes: &'static str,
    pub comments: &'static str,
    pub in_brief: &'static str,
    pub kicker: &'static str,
    pub contents: &'static str,
    pub step: &'static str,
    pub started: &'static str,
    pub planned: &'static str,
    pub actual: &'static str,
    pub difference: &'static str,
    pub total: &'static str,
    pub not_run: &'static str,
    pub rank: &'static str,
    pub idea: &'static str,
    pub votes: &'static str,
    pub action: &'static str,
    pub owner: &'static str,
    pub due: &'static str,
    pub status: &'static str,
    pub session: &'static str,
    pub inbox: &'static str,
    pub parking: &'static str,
    pub other_notes: &'static str,
    pub other_clusters: &'static str,
    pub group: &'static str,
    pub about: &'static str,
    pub about_session: &'static str,
    pub none_decisions: &'static str,
    pub none_actions: &'static str,
    pub none_votes: &'static str,
    pub none_notes: &'static str,
    pub none_board: &'static str,
    pub none_participants: &'static str,
    pub unknown: &'static str,
    pub footer: &'static str,
    pub board_alt: &'static str,
    pub board_detail: &'static str,
    pub minutes: &'static str,
    // Prototypes and media.
    pub prototypes: &'static str,
    pub proto_tests: &'static str,
    pub hypothesis: &'static str,
    pub feedback: &'static str,
    pub no_verdict: &'static str,
    pub media: &'static str,
    pub other_media: &'static str,
    pub media_left_out: &'static str,
    pub not_embeddable: &'static str,
    // The programme report.
    pub report_title: &'static str,
    pub report_sessions: &'static str,
    pub report_public_share: &'static str,
    pub report_roles_over_time: &'static str,
    pub report_actions: &'static str,
    pub report_top_ideas: &'static str,
    pub report_bad_files: &'static str,
    pub report_back: &'static str,
    pub report_origin: &'static str,
    pub report_file: &'static str,
    pub report_error: &'static str,
    pub report_no_sessions: &'static str,
}

pub static EN: Labels = Labels {
    lang: "en",
    colon: ":",
    anonymized_title: "Anonymized export",
    anonymized_text: "Participants and facilitators are numbered (P1, P2, …; F1, F2, …); names, e-mail addresses and phone numbers are redacted from every text.",
    date: "Date",
    place: "Place",
    facilitation: "Facilitation",
    challenge: "The challenge",
    participants: "Participants",
    role: "Role",
    count: "Number",
    top_ideas: "Top ideas",
    decisions: "Decisions",
    actions: "Actions",
    agenda: "The agenda as it ran",
    board: "The board",
    notes: "Notes",
    comments: "Review comments",
    in_brief: "In brief",
    kicker: "Workshop summary",
    contents: "Contents",
    step: "Stage and step",
    started: "Start",
    planned: "Planned",
    actual: "Actual",
    difference: "Difference",
    total: "Total",
    not_run: "not run",
    rank: "Rank",
    idea: "Idea",
    votes: "Votes",
    action: "Action",
    owner: "Owner",
    due: "Due",
    status: "Status",
    session: "Session",
    inbox: "Not yet sorted",
    parking: "Parking lot",
    other_notes: "Other notes",
    other_clusters: "Other groups",
    group: "group",
    about: "on",
    about_session: "the session",
    none_decisions: "No decision was recorded.",
    none_actions: "No action was recorded.",
    none_votes: "No vote was taken.",
    none_notes: "No note was taken.",
    none_board: "The board is empty.",
    none_participants: "No participant was recorded.",
    unknown: "unknown",
    footer: "Summary produced with atelier from the session file.",
    board_alt: "The board: groups of sticky notes with their votes",
    board_detail: "The groups as text",
    minutes: "min",
    prototypes: "Prototypes",
    proto_tests: "What it tests",
    hypothesis: "Hypothesis",
    feedback: "Feedback",
    no_verdict: "no verdict yet",
    media: "Photos and videos",
    other_media: "Other photos and videos",
    media_left_out: "Photos and videos left out: faces are personal data; use --with-media to include them.",
    not_embeddable: "a picture this page cannot show: open the file",
    report_title: "Programme report",
    report_sessions: "Sessions",
    report_public_share: "Challenges raised by the public",
    report_roles_over_time: "Participants by role over time",
    report_actions: "Actions across sessions",
    report_top_ideas: "Top ideas",
    report_bad_files: "Files left out",
    report_back: "Programme report",
    report_origin: "Raised by",
    report_file: "File",
    report_error: "Why",
    report_no_sessions: "No session file was found in this folder.",
};

pub static FR: Labels = Labels {
    lang: "fr",
    colon: "\u{a0}:",
    anonymized_title: "Export anonymisé",
    anonymized_text: "Participants et animateurs sont numérotés (P1, P2, … ; F1, F2, …) ; les noms, adresses électroniques et numéros de téléphone sont masqués dans tous les textes.",
    date: "Date",
    place: "Lieu",
    facilitation: "Animation",
    challenge: "Le défi",
    participants: "Participants",
    role: "Rôle",
    count: "Nombre",
    top_ideas: "Idées les plus soutenues",
    decisions: "Décisions",
    actions: "Actions",
    agenda: "Le déroulé",
    board: "Le mur de post-it",
    notes: "Notes",
    comments: "Commentaires de relecture",
    in_brief: "En bref",
    kicker: "Synthèse d'atelier",
    contents: "Sommaire",
    step: "Séquence et étape",
    started: "Début",
    planned: "Prévu",
    actual: "Réel",
    difference: "Écart",
    total: "Total",
    not_run: "non réalisé",
    rank: "Rang",
    idea: "Idée",
    votes: "Votes",
    action: "Action",
    owner: "Porteur",
    due: "Échéance",
    status: "État",
    session: "Séance",
    inbox: "À trier",
    parking: "Parking",
    other_notes: "Autres notes",
    other_clusters: "Autres groupes",
    group: "groupe",
    about: "sur",
    about_session: "la séance",
    none_decisions: "Aucune décision n'a été notée.",
    none_actions: "Aucune action n'a été notée.",
    none_votes: "Aucun vote n'a eu lieu.",
    none_notes: "Aucune note n'a été prise.",
    none_board: "Le mur est vide.",
    none_participants: "Aucun participant n'a été inscrit.",
    unknown: "inconnu",
    footer: "Synthèse produite avec atelier à partir du fichier de la séance.",
    board_alt: "Le mur : groupes de post-it et leurs votes",
    board_detail: "Les groupes en texte",
    minutes: "min",
    prototypes: "Prototypes",
    proto_tests: "Ce qu'il teste",
    hypothesis: "Hypothèse",
    feedback: "Retours",
    no_verdict: "pas encore de verdict",
    media: "Photos et vidéos",
    other_media: "Autres photos et vidéos",
    media_left_out: "Photos et vidéos non incluses : les visages sont des données personnelles ; --with-media pour les inclure.",
    not_embeddable: "une image que cette page ne peut pas afficher : ouvrir le fichier",
    report_title: "Bilan du programme",
    report_sessions: "Séances",
    report_public_share: "Défis portés par le public",
    report_roles_over_time: "Participants par rôle au fil des séances",
    report_actions: "Actions de toutes les séances",
    report_top_ideas: "Idées les plus soutenues",
    report_bad_files: "Fichiers non pris en compte",
    report_back: "Bilan du programme",
    report_origin: "Porté par",
    report_file: "Fichier",
    report_error: "Raison",
    report_no_sessions: "Aucun fichier de séance dans ce dossier.",
};

/// Why a file is not shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MediaWhy {
    Missing,
    Altered,
    Outside,
}

/// The labels for a session's language (`"fr..."` is French, anything else English).
pub fn for_lang(lang: Option<&str>) -> &'static Labels {
    match lang {
        Some(l) if l.to_ascii_lowercase().starts_with("fr") => &FR,
        _ => &EN,
    }
}

impl Labels {
    fn fr(&self) -> bool {
        self.lang == "fr"
    }

    fn plural(&self, n: usize, one: &str, many: &str) -> String {
        // French uses the singular for 0 and 1, English for 1 only.
        let single = if self.fr() { n <= 1 } else { n == 1 };
        format!("{n} {}", if single { one } else { many })
    }

    pub fn n_participants(&self, n: usize) -> String {
        self.plural(n, "participant", "participants")
    }

    pub fn n_stickies(&self, n: usize) -> String {
        if self.fr() {
            self.plural(n, "post-it", "post-it")
        } else {
            self.plural(n, "sticky note", "sticky notes")
        }
    }

    pub fn n_votes(&self, n: u32) -> String {
        self.plural(n as usize, "vote", "votes")
    }

    pub fn n_groups(&self, n: usize) -> String {
        if self.fr() {
            self.plural(n, "groupe", "groupes")
        } else {
            self.plural(n, "group", "groups")
        }
    }

    pub fn n_notes(&self, n: usize) -> String {
        self.plural(n, "note", "notes")
    }

    pub fn n_actions(&self, n: usize) -> String {
        self.plural(n, "action", "actions")
    }

    pub fn n_sessions(&self, n: usize) -> String {
        if self.fr() {
            self.plural(n, "séance", "séances")
        } else {
            self.plural(n, "session", "sessions")
        }
    }

    /// "5 votes for the group, 9 for its sticky notes".
    pub fn group_votes(&self, group: u32, inner: u32) -> String {
        match (group, inner, self.fr()) {
            (0, 0, _) => String::new(),
            (g, 0, _) => self.n_votes(g),
            (0, i, true) => format!("{} sur ses post-it", self.n_votes(i)),
            (0, i, false) => format!("{} on its sticky notes", self.n_votes(i)),
            (g, i, true) => format!("{} pour le groupe, {i} sur ses post-it", self.n_votes(g)),
            (g, i, false) => format!("{} for the group, {i} on its sticky notes", self.n_votes(g)),
        }
    }

    /// "3 dots each (at most 2 on one item); 12 voters, 36 dots".
    pub fn round_rules(&self, dots: u32, cap: Option<u32>, voters: usize, total: u32) -> String {
        let mut out = if self.fr() {
            format!(
                "{dots} gommette{} par personne",
                if dots > 1 { "s" } else { "" }
            )
        } else {
            format!("{dots} dot{} each", if dots == 1 { "" } else { "s" })
        };
        if let Some(cap) = cap {
            if self.fr() {
                out.push_str(&format!(" (au plus {cap} sur une même idée)"));
            } else {
                out.push_str(&format!(" (at most {cap} on one item)"));
            }
        }
        if voters > 0 {
            if self.fr() {
                out.push_str(&format!(
                    " ; {voters} votant{}",
                    if voters > 1 { "s" } else { "" }
                ));
            } else {
                out.push_str(&format!(
                    "; {voters} voter{}",
                    if voters == 1 { "" } else { "s" }
                ));
            }
        }
        let sep = if self.fr() { " ; " } else { "; " };
        out.push_str(sep);
        out.push_str(&self.n_votes(total));
        out
    }

    /// "Times are local (UTC+02:00)."
    pub fn times_note(&self, offset: &str) -> String {
        if self.fr() {
            format!("Heures locales ({offset}), durées en minutes.")
        } else {
            format!("Local times ({offset}), durations in minutes.")
        }
    }

    /// "4 of 6 (67 %)".
    pub fn share(&self, part: usize, whole: usize) -> String {
        let pct = (part * 100 + whole / 2).checked_div(whole).unwrap_or(0);
        if self.fr() {
            format!("{part} sur {whole} ({pct} %)")
        } else {
            format!("{part} of {whole} ({pct}%)")
        }
    }

    pub fn origin(&self, o: Origin) -> &'static str {
        match (o, self.fr()) {
            (Origin::Public, false) => "Raised by the public",
            (Origin::Administration, false) => "Raised by the administration",
            (Origin::Elected, false) => "Raised by elected officials",
            (Origin::Other, false) => "Other origin",
            (Origin::Public, true) => "Porté par le public",
            (Origin::Administration, true) => "Porté par l'administration",
            (Origin::Elected, true) => "Porté par des élus",
            (Origin::Other, true) => "Autre origine",
        }
    }

    /// Short origin for tables ("public", "administration").
    pub fn origin_short(&self, o: Origin) -> &'static str {
        match (o, self.fr()) {
            (Origin::Public, _) => "public",
            (Origin::Administration, _) => "administration",
            (Origin::Elected, false) => "elected officials",
            (Origin::Elected, true) => "élus",
            (Origin::Other, false) => "other",
            (Origin::Other, true) => "autre",
        }
    }

    /// Plural role names, for headings with counts.
    pub fn roles(&self, r: Role) -> &'static str {
        match (r, self.fr()) {
            (Role::CivilServant, false) => "Civil servants",
            (Role::ElectedOfficial, false) => "Elected officials",
            (Role::Citizen, false) => "Citizens",
            (Role::Partner, false) => "Partners",
            (Role::Other, false) => "Others",
            (Role::CivilServant, true) => "Agents publics",
            (Role::ElectedOfficial, true) => "Élus",
            (Role::Citizen, true) => "Habitants et usagers",
            (Role::Partner, true) => "Partenaires",
            (Role::Other, true) => "Autres",
        }
    }

    pub fn stage_kind(&self, k: StageKind) -> &'static str {
        if !self.fr() {
            return k.label();
        }
        match k {
            StageKind::Opening => "ouverture",
            StageKind::Immersion => "immersion",
            StageKind::Interviews => "entretiens et observation",
            StageKind::Synthesis => "synthèse",
            StageKind::Ideation => "idéation",
            StageKind::Prototyping => "prototypage",
            StageKind::Testing => "test et expérimentation",
            StageKind::Closing => "clôture",
        }
    }

    /// Plural note kinds, for headings.
    pub fn note_kinds(&self, k: NoteKind) -> &'static str {
        match (k, self.fr()) {
            (NoteKind::Observation, _) => "Observations",
            (NoteKind::Quote, false) => "Quotes",
            (NoteKind::Insight, false) => "Insights",
            (NoteKind::Question, _) => "Questions",
            (NoteKind::Idea, false) => "Ideas",
            (NoteKind::Decision, false) => "Decisions",
            (NoteKind::Action, _) => "Actions",
            (NoteKind::Quote, true) => "Citations",
            (NoteKind::Insight, true) => "Enseignements",
            (NoteKind::Idea, true) => "Idées",
            (NoteKind::Decision, true) => "Décisions",
        }
    }

    pub fn verdict(&self, v: Verdict) -> &'static str {
        match (v, self.fr()) {
            (Verdict::Keep, false) => "Keep",
            (Verdict::Change, false) => "Change",
            (Verdict::Drop, false) => "Drop",
            (Verdict::Keep, true) => "On garde",
            (Verdict::Change, true) => "À modifier",
            (Verdict::Drop, true) => "Abandonné",
        }
    }

    /// "photo", "video", "audio recording", "link".
    pub fn media_kind(&self, k: MediaKind) -> &'static str {
        match (k, self.fr()) {
            (MediaKind::Image, _) => "photo",
            (MediaKind::Video, false) => "video",
            (MediaKind::Video, true) => "vidéo",
            (MediaKind::Audio, false) => "audio recording",
            (MediaKind::Audio, true) => "enregistrement audio",
            (MediaKind::Link, false) => "link",
            (MediaKind::Link, true) => "lien",
        }
    }

    /// The placeholder of a file that is not shown: "missing photo:
    /// caption" (`why`: missing, altered or outside).
    pub fn media_problem(&self, k: MediaKind, why: MediaWhy, caption: &str) -> String {
        let kind = self.media_kind(k);
        // French: photo and vidéo are feminine.
        let fem = matches!(k, MediaKind::Image | MediaKind::Video);
        let e = if fem { "e" } else { "" };
        let text = match (why, self.fr()) {
            (MediaWhy::Missing, false) => format!("missing {kind}"),
            (MediaWhy::Altered, false) => {
                format!("{kind} altered since it was attached, not shown")
            }
            (MediaWhy::Outside, false) => {
                format!("{kind} outside the session's folder, not shown")
            }
            (MediaWhy::Missing, true) => format!("{kind} manquant{e}"),
            (MediaWhy::Altered, true) => {
                format!("{kind} modifié{e} depuis son ajout, non affiché{e}")
            }
            (MediaWhy::Outside, true) => {
                format!("{kind} hors du dossier de la séance, non affiché{e}")
            }
        };
        if caption.is_empty() {
            text
        } else {
            format!("{text}{} {caption}", self.colon)
        }
    }

    pub fn status(&self, s: ActionStatus) -> &'static str {
        if !self.fr() {
            return s.label();
        }
        match s {
            ActionStatus::Todo => "à faire",
            ActionStatus::Doing => "en cours",
            ActionStatus::Done => "fait",
            ActionStatus::Dropped => "abandonné",
        }
    }
}
