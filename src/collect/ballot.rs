//! The ballot: what the page shows while a voting round is published
//! ([`RoundInfo`]), how a posted ballot is read and checked, and what is
//! handed to the app ([`CastBallot`]). Words come from Fluent
//! (`assets/locales/*/ballot.ftl`).

use super::NAME_MAX;
use super::form;
use crate::i18n::tr;
use crate::model::{
    BALLOT_MAX_ITEMS, Ballot, BallotItem, BallotOn, BallotRefused, Id, Ids, Op, RememberedBallot,
    Session, Timestamp, Voter,
};
use crate::t;
use minijinja::value::{Serde, Value};
use minijinja::{Environment, context};
use serde::Serialize;

/// The cookie that keeps a phone's ballot id for anonymous and guest
/// ballots (a fresh random value per phone, scoped to the token path).
pub(super) const COOKIE: &str = "atelier-ballot";

/// The voting round the page shows, as the app publishes it with
/// [`super::Collector::set_round`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoundInfo {
    /// The round's id: a ballot posted from a page of another round is
    /// refused ("the vote changed").
    pub id: Id,
    pub title: String,
    /// What may be voted on, in the order shown; texts as written (the
    /// page escapes them).
    pub items: Vec<BallotItem>,
    /// Dots per voter.
    pub dots: u32,
    /// Most dots on one item.
    pub cap: Option<u32>,
    /// No name is asked; every ballot counts per phone.
    pub anonymous: bool,
    /// The names the page offers (`(id, name)`), plus "someone else";
    /// not shown when `anonymous`.
    pub participants: Vec<(Id, String)>,
    /// False once the round is closed: the page says so and ballots are
    /// refused.
    pub open: bool,
}

impl RoundInfo {
    /// Round `round` of `session` as the page shows it, on `on` (clusters,
    /// or the stickies neither private nor parked: see
    /// [`Session::round_on`]), with the session's participants to choose
    /// from; `None` when there is no such round. The first
    /// [`BALLOT_MAX_ITEMS`] items only.
    pub fn of(session: &Session, round: &Id, on: BallotOn, open: bool) -> Option<RoundInfo> {
        let r = session.round(round)?;
        let items = session.ballot_items(on).take(BALLOT_MAX_ITEMS).collect();
        Some(RoundInfo {
            id: r.id.clone(),
            title: r.title.clone(),
            items,
            dots: r.dots,
            cap: r.cap,
            anonymous: r.anonymous,
            participants: session
                .participants
                .iter()
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect(),
            open,
        })
    }
}

/// The app's memory of one round's ballots: the last ballot applied per
/// voter (a second replaces the first), and so the turnout. Pure: the app
/// keeps one per open round, beside the session, and the crash journal
/// keeps what [`BallotBox::remembered`] says (a phone by a hash of its
/// ballot id, no name), so that it survives a restart
/// ([`BallotBox::recalled`]).
///
/// ```text
/// let ops = ballot_box.ops(&session, &cast, &mut ids)?;   // nothing changed yet
/// commit(ops) as one undoable step;             // the app's history
/// let before = ballot_box.record(&cast);        // keep `before` with the step
/// // undoing that step:  ballot_box.restore(&cast.voter, before)
/// // redoing it:         ballot_box.record(&cast)
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BallotBox {
    round: Option<Id>,
    /// Per [`BallotVoter::key`] (kept: a voter recalled from the journal
    /// has no phone id to make it again): who, and their last ballot, in
    /// the order they first voted.
    last: Vec<(String, BallotVoter, Ballot)>,
}

impl BallotBox {
    pub fn new(round: Id) -> BallotBox {
        BallotBox {
            round: Some(round),
            last: Vec::new(),
        }
    }

    /// The round this box is for.
    pub fn round(&self) -> Option<&Id> {
        self.round.as_ref()
    }

    fn find(&self, voter: &BallotVoter) -> Option<usize> {
        let key = voter.key();
        self.last.iter().position(|(k, _, _)| *k == key)
    }

    /// The ops that record `cast` in `session`, replacing this voter's
    /// last ballot (see [`Session::ballot_ops`]); nothing is changed here.
    /// A ballot of another round is refused as [`BallotRefused::UnknownRound`].
    pub fn ops(
        &self,
        session: &Session,
        cast: &CastBallot,
        ids: &mut Ids,
    ) -> Result<Vec<Op>, BallotRefused> {
        if self.round.as_ref() != Some(&cast.round) {
            return Err(BallotRefused::UnknownRound);
        }
        let previous = self.find(&cast.voter).map(|i| &self.last[i].2);
        session.ballot_ops(
            &cast.round,
            &cast.voter.voter(),
            previous,
            &cast.ballot,
            ids,
        )
    }

    /// `cast` was applied: it is now this voter's last ballot. Returns what
    /// was there before (for [`BallotBox::restore`] on undo).
    pub fn record(&mut self, cast: &CastBallot) -> Option<(BallotVoter, Ballot)> {
        let entry = (cast.voter.key(), cast.voter.clone(), cast.ballot.clone());
        match self.find(&cast.voter) {
            Some(i) => {
                let (_, voter, ballot) = std::mem::replace(&mut self.last[i], entry);
                Some((voter, ballot))
            }
            None => {
                self.last.push(entry);
                None
            }
        }
    }

    /// Undo of [`BallotBox::record`]: `voter`'s last ballot is `before`
    /// again (none: they have not voted).
    pub fn restore(&mut self, voter: &BallotVoter, before: Option<(BallotVoter, Ballot)>) {
        let key = voter.key();
        match (self.find(voter), before) {
            (Some(i), Some((v, b))) => self.last[i] = (key, v, b),
            (Some(i), None) => {
                self.last.remove(i);
            }
            (None, Some((v, b))) => self.last.push((key, v, b)),
            (None, None) => {}
        }
    }

    /// How many voters have a ballot in.
    pub fn turnout(&self) -> usize {
        self.last.len()
    }

    /// Who voted, in the order they first did (for the facilitator's
    /// turnout; say "anonymous" for [`BallotVoter::Anonymous`]).
    pub fn voters(&self) -> impl Iterator<Item = &BallotVoter> {
        self.last.iter().map(|(_, v, _)| v)
    }

    /// What the crash journal keeps of this box: per voter, their key (a
    /// phone's is a hash) and their dots; never a name typed on a phone.
    pub fn remembered(&self) -> Vec<RememberedBallot> {
        self.last
            .iter()
            .map(|(key, voter, ballot)| RememberedBallot {
                key: key.clone(),
                guest: matches!(voter, BallotVoter::Guest { .. }),
                dots: ballot.iter().map(|(t, n)| (t.clone(), n)).collect(),
            })
            .collect()
    }

    /// The box of `round` as the crash journal kept it: a second ballot
    /// from a phone of `list` replaces its first, as before the restart.
    pub fn recalled(round: Id, list: &[RememberedBallot]) -> BallotBox {
        let last = list
            .iter()
            .map(|r| {
                let voter = match r.key.strip_prefix("participant:") {
                    Some(id) => BallotVoter::Participant(Id::from(id)),
                    None if r.guest => BallotVoter::Guest {
                        device: String::new(),
                        name: None,
                    },
                    None => BallotVoter::Anonymous {
                        device: String::new(),
                    },
                };
                (r.key.clone(), voter, Ballot::new(r.dots.iter().cloned()))
            })
            .collect();
        BallotBox {
            round: Some(round),
            last,
        }
    }
}

/// Who sent a ballot.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum BallotVoter {
    /// A participant chosen from the list.
    Participant(Id),
    /// "Someone else", with the name typed (if any), per phone.
    Guest {
        device: String,
        name: Option<String>,
    },
    /// A ballot of an anonymous round, per phone.
    Anonymous { device: String },
}

impl BallotVoter {
    /// One ballot per key: a second ballot with the same key replaces the
    /// first (the participant's id, or a hash of the phone's ballot id:
    /// the key is kept in the crash journal, the phone's id never is).
    pub fn key(&self) -> String {
        match self {
            BallotVoter::Participant(id) => format!("participant:{}", id.as_str()),
            BallotVoter::Guest { device, .. } | BallotVoter::Anonymous { device } => {
                use sha2::{Digest, Sha256};
                let digest = Sha256::digest(format!("atelier ballot {device}").as_bytes());
                let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
                format!("device:{hex}")
            }
        }
    }

    /// Whose dots these are in the model (see [`crate::model::Voter`]).
    pub fn voter(&self) -> Voter {
        match self {
            BallotVoter::Participant(id) => Voter::Participant(id.clone()),
            BallotVoter::Guest { .. } | BallotVoter::Anonymous { .. } => Voter::Tally,
        }
    }
}

/// A ballot accepted by the server (checked against the round it was
/// published with), waiting for the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CastBallot {
    pub round: Id,
    pub voter: BallotVoter,
    /// At least one dot, within the budget and the cap, on published items.
    pub ballot: Ballot,
    /// When the server received it.
    pub at: Timestamp,
}

/// Why a posted ballot is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Refused {
    /// No round published, or it is closed.
    Closed,
    /// The page was of another round.
    Stale,
    NotANumber,
    NoName,
    UnknownVoter,
    NameTooLong,
    /// Dots on an item that is not (or no longer) on the ballot.
    UnknownItem,
    Ballot(BallotRefused),
}

impl Refused {
    pub fn status(&self) -> u16 {
        match self {
            Refused::Closed | Refused::Stale => 409,
            _ => 400,
        }
    }

    pub fn message(&self, lang: &str, round: Option<&RoundInfo>) -> String {
        match self {
            Refused::Closed => tr(lang, "ballot-closed"),
            Refused::Stale => tr(lang, "ballot-stale"),
            Refused::NotANumber => tr(lang, "ballot-not-a-number"),
            Refused::NoName => tr(lang, "ballot-no-name"),
            Refused::UnknownVoter => tr(lang, "ballot-unknown-voter"),
            Refused::UnknownItem => tr(lang, "ballot-unknown-item"),
            Refused::NameTooLong => super::page::words(lang)
                .name_too_long
                .replace("{max}", &NAME_MAX.to_string()),
            Refused::Ballot(b) => match b {
                BallotRefused::Empty => tr(lang, "ballot-empty"),
                BallotRefused::Budget { given, dots } => {
                    t!(lang, "ballot-over-budget", given = *given, dots = *dots)
                }
                BallotRefused::Cap { target, given, cap } => {
                    let item = round
                        .and_then(|r| r.items.iter().find(|i| &i.target == target))
                        .map(|i| short(&i.text))
                        .unwrap_or_default();
                    t!(
                        lang,
                        "ballot-over-cap",
                        given = *given,
                        cap = *cap,
                        item = item
                    )
                }
                BallotRefused::UnknownItem(_)
                | BallotRefused::UnknownRound
                | BallotRefused::UnknownVoter => tr(lang, "ballot-unknown-item"),
            },
        }
    }
}

/// An item's text quoted in a message: one line, 60 characters at most.
fn short(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= 60 {
        return line;
    }
    let mut s: String = line.chars().take(59).collect();
    s.push('…');
    s
}

/// A ballot's fields as posted, kept to show them again.
#[derive(Debug, Default)]
pub(super) struct Posted {
    pub round: String,
    pub voter: String,
    pub guest: String,
    pub device: String,
    /// `(item id, what was typed)`.
    pub dots: Vec<(String, String)>,
}

impl Posted {
    pub fn read(pairs: &[(String, String)]) -> Posted {
        let field = |k: &str| form::get(pairs, k).unwrap_or_default().to_owned();
        Posted {
            round: field("round"),
            voter: field("voter"),
            guest: field("guest"),
            device: field("device"),
            dots: pairs
                .iter()
                .filter_map(|(k, v)| Some((k.strip_prefix("dot-")?.to_owned(), v.clone())))
                .collect(),
        }
    }

    /// The ballot these fields make for `round`, sent from the phone
    /// `device` (its cookie, else the form's field, else a fresh id).
    pub fn ballot(
        &self,
        round: Option<&RoundInfo>,
        device: String,
        clean: impl Fn(&str) -> String,
    ) -> Result<CastBallot, Refused> {
        let round = round.filter(|r| r.open).ok_or(Refused::Closed)?;
        if self.round != round.id.as_str() {
            return Err(Refused::Stale);
        }
        let mut dots = Vec::with_capacity(self.dots.len());
        for (id, typed) in &self.dots {
            let typed = typed.trim();
            let n = if typed.is_empty() {
                0
            } else if typed.len() <= 3 && typed.bytes().all(|b| b.is_ascii_digit()) {
                // Three digits at most: no overflow, and more is no vote.
                typed.parse::<u32>().map_err(|_| Refused::NotANumber)?
            } else {
                return Err(Refused::NotANumber);
            };
            match round.items.iter().find(|i| i.target.id().as_str() == id) {
                Some(item) => dots.push((item.target.clone(), n)),
                // An item gone since the page was loaded, left at zero.
                None if n == 0 => {}
                None => return Err(Refused::UnknownItem),
            }
        }
        let voter = if round.anonymous {
            BallotVoter::Anonymous { device }
        } else {
            match self.voter.as_str() {
                "" => return Err(Refused::NoName),
                "guest" => {
                    let name = clean(&self.guest)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ");
                    if name.chars().count() > NAME_MAX {
                        return Err(Refused::NameTooLong);
                    }
                    BallotVoter::Guest {
                        device,
                        name: (!name.is_empty()).then_some(name),
                    }
                }
                id => {
                    let p = round
                        .participants
                        .iter()
                        .find(|(p, _)| p.as_str() == id)
                        .ok_or(Refused::UnknownVoter)?;
                    BallotVoter::Participant(p.0.clone())
                }
            }
        };
        let ballot = Ballot::new(dots);
        ballot
            .check(round.dots, round.cap, |_| true)
            .map_err(Refused::Ballot)?;
        Ok(CastBallot {
            round: round.id.clone(),
            voter,
            ballot,
            at: Timestamp::now(),
        })
    }
}

/// A phone's ballot id: the cookie's value when it is one of ours.
pub(super) fn device_from_cookie(header: Option<&str>) -> Option<String> {
    header?
        .split(';')
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE)
        .map(|(_, v)| v.trim().to_owned())
        .filter(|v| is_device(v))
}

/// A value [`super::server::token`] makes: 26 lowercase base32 characters.
pub(super) fn is_device(v: &str) -> bool {
    v.len() == 26
        && v.bytes()
            .all(|c| c.is_ascii_lowercase() || (b'2'..=b'7').contains(&c))
}

#[derive(Serialize)]
struct Words {
    closed: String,
    anonymous: String,
    who: String,
    choose: String,
    someone_else: String,
    guest_name: String,
    send: String,
    note: String,
}

#[derive(Serialize)]
struct ItemView {
    id: String,
    text: String,
    value: String,
    more: String,
    less: String,
}

#[derive(Serialize)]
struct Choice<'a> {
    id: &'a str,
    name: &'a str,
    selected: bool,
}

/// What one rendering of the ballot shows.
pub(super) struct BallotPage<'a> {
    pub lang: &'static str,
    pub round: &'a RoundInfo,
    pub turnout: usize,
    pub action: &'a str,
    pub nonce: &'a str,
    pub device: &'a str,
    /// A message and whether it is good news.
    pub status: Option<(String, bool)>,
    /// What was posted, shown again.
    pub posted: Option<&'a Posted>,
}

pub(super) fn render(env: &Environment, p: &BallotPage) -> Result<String, String> {
    let lang = p.lang;
    let r = p.round;
    let heading = if r.title.trim().is_empty() {
        tr(lang, "ballot-fallback-title")
    } else {
        r.title.clone()
    };
    let typed = |id: &str| {
        p.posted
            .and_then(|x| x.dots.iter().find(|(k, _)| k == id))
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let items: Vec<ItemView> = r
        .items
        .iter()
        .map(|i| {
            let item = short(&i.text);
            ItemView {
                id: i.target.id().as_str().to_owned(),
                text: i.text.trim().to_owned(),
                value: typed(i.target.id().as_str()),
                more: t!(lang, "ballot-more", item = item.as_str()),
                less: t!(lang, "ballot-less", item = item.as_str()),
            }
        })
        .collect();
    let voter = p.posted.map_or("", |x| x.voter.as_str());
    let participants: Vec<Choice> = r
        .participants
        .iter()
        .map(|(id, name)| Choice {
            id: id.as_str(),
            name,
            selected: id.as_str() == voter,
        })
        .collect();
    let words = Words {
        closed: tr(lang, "ballot-closed"),
        anonymous: tr(lang, "ballot-anonymous"),
        who: tr(lang, "ballot-who"),
        choose: tr(lang, "ballot-choose"),
        someone_else: tr(lang, "ballot-someone-else"),
        guest_name: tr(lang, "ballot-guest-name"),
        send: tr(lang, "ballot-send"),
        note: tr(lang, "ballot-note"),
    };
    let (status, status_class) = super::page::status_parts(&p.status);
    let ctx = context! {
        lang => lang,
        heading => heading,
        nonce => p.nonce,
        action => p.action,
        closed => !r.open,
        round => r.id.as_str(),
        device => p.device,
        anonymous => r.anonymous,
        budget => t!(lang, "ballot-budget", dots = r.dots),
        cap => r.cap.map(|c| t!(lang, "ballot-cap", cap = c)).unwrap_or_default(),
        dots => r.dots,
        max_each => r.cap.unwrap_or(r.dots).min(r.dots),
        left_text => t!(lang, "ballot-dots-left", n = "#"),
        over_text => t!(lang, "ballot-over", n = "#"),
        offline => super::page::words(lang).offline,
        items => Value::from(Serde(&items)),
        participants => Value::from(Serde(&participants)),
        guest_selected => voter == "guest",
        guest => p.posted.map_or("", |x| x.guest.as_str()),
        name_max => NAME_MAX,
        turnout => t!(lang, "ballot-turnout", n = p.turnout),
        status => status,
        status_class => status_class,
        b => Value::from(Serde(&words)),
    };
    env.get_template("ballot.html")
        .and_then(|tpl| tpl.render(ctx))
        .map_err(|e| format!("ballot page: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_own_ballot_ids_are_read_from_cookies() {
        let id = "abcdefghijklmnopqrstuvwxyz";
        assert_eq!(
            device_from_cookie(Some(&format!("x=1; {COOKIE}={id}; y=2"))),
            Some(id.to_owned())
        );
        for bad in [
            format!("{COOKIE}={}", &id[1..]),
            format!("{COOKIE}={}", id.to_uppercase()),
            format!("{COOKIE}={id}1"),
            format!("{COOKIE}=abcdefghijklmnopqrstuvwx\"<"),
            format!("other={id}"),
            String::new(),
        ] {
            assert_eq!(device_from_cookie(Some(&bad)), None, "{bad}");
        }
        assert_eq!(device_from_cookie(None), None);
    }

    #[test]
    fn the_ballot_box_keeps_one_last_ballot_per_voter_and_undoes() {
        use crate::model::Target;
        let cast = |voter: BallotVoter, n: u32| CastBallot {
            round: Id("r".into()),
            voter,
            ballot: Ballot::new([(Target::Cluster(Id("c".into())), n)]),
            at: Timestamp::now(),
        };
        let ana = BallotVoter::Participant(Id("ana".into()));
        let phone = BallotVoter::Anonymous {
            device: "a".repeat(26),
        };
        let mut b = BallotBox::new(Id("r".into()));
        assert_eq!(b.record(&cast(ana.clone(), 1)), None);
        let first_of_phone = b.record(&cast(phone.clone(), 1));
        let before = b.record(&cast(phone.clone(), 2));
        assert_eq!(b.turnout(), 2);
        assert_eq!(b.voters().collect::<Vec<_>>(), [&ana, &phone]);
        // Undo the phone's second ballot, then its first.
        b.restore(&phone, before);
        assert_eq!(b.last[1].2, cast(phone.clone(), 1).ballot);
        b.restore(&phone, first_of_phone);
        assert_eq!(b.turnout(), 1);
        assert_eq!(b.round(), Some(&Id("r".into())));
    }

    #[test]
    fn a_recalled_box_knows_its_phones_by_a_hash_and_no_name() {
        use crate::model::Target;
        let device = "abcdefghijklmnopqrstuvwxyz".to_owned();
        let cast = |voter: BallotVoter, n: u32| CastBallot {
            round: Id("r".into()),
            voter,
            ballot: Ballot::new([(Target::Cluster(Id("c".into())), n)]),
            at: Timestamp::now(),
        };
        let guest = BallotVoter::Guest {
            device: device.clone(),
            name: Some("Zoé".into()),
        };
        let mut b = BallotBox::new(Id("r".into()));
        b.record(&cast(guest.clone(), 2));
        b.record(&cast(BallotVoter::Participant(Id("ana".into())), 1));
        let kept = b.remembered();
        let text = format!("{kept:?}");
        assert!(!text.contains(&device) && !text.contains("Zoé"), "{text}");
        assert!(
            kept[0].guest && kept[0].key.starts_with("device:"),
            "{text}"
        );
        let mut again = BallotBox::recalled(Id("r".into()), &kept);
        assert_eq!(again.turnout(), 2);
        // The same phone: its last ballot is the one remembered.
        let before = again.record(&cast(guest, 1));
        assert_eq!(before.map(|(_, ballot)| ballot.total()), Some(2));
        assert_eq!(again.turnout(), 2);
        assert_eq!(again.remembered()[0].key, kept[0].key);
    }

    #[test]
    fn quoted_items_are_one_short_line() {
        assert_eq!(short("  Faster\n queue "), "Faster queue");
        let long = "é".repeat(80);
        assert_eq!(short(&long).chars().count(), 60);
        assert!(short(&long).ends_with('…'));
    }
}
