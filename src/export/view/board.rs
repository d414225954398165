//! The board as a summary and the SVG show it, and the voting rounds.

use super::super::labels::Labels;
use super::super::text::{clean_line, clean_trim};
use super::{Board, BoardStage, ClusterView, RankedView, RoundView, StickyView};
use crate::model::{Id, Session, Target};
use std::collections::{BTreeSet, HashMap};

/// What the board shows of one sticky; `author` is its author's name,
/// already cleaned.
fn sticky_view(x: &crate::model::Sticky, author: String, votes: u32) -> StickyView {
    StickyView {
        text: clean_trim(&x.text),
        author,
        colour: x.colour.hex(),
        votes,
    }
}

/// The board: clusters grouped by the stage they were made in (agenda
/// order), stickies in each ranked by votes; then the inbox and the parking lot.
///
/// Built in time linear in the stickies: each sticky is placed in its
/// cluster once, its votes and its author's name found by hashing.
pub fn board(s: &Session, l: &Labels, tally: &HashMap<Target, u32>) -> Board {
    let sticky_votes: HashMap<&str, u32> = tally
        .iter()
        .filter_map(|(t, &n)| match t {
            Target::Sticky(id) => Some((id.as_str(), n)),
            Target::Cluster(_) => None,
        })
        .collect();
    let votes_of = |x: &crate::model::Sticky| {
        if sticky_votes.is_empty() {
            0
        } else {
            sticky_votes.get(x.id.as_str()).copied().unwrap_or(0)
        }
    };
    // Names as `Session::participant_name` finds them: the first
    // participant with the id, else the first guest.
    let mut names: HashMap<&str, String> = HashMap::new();
    for g in s.guests.iter().rev() {
        names.insert(g.id.as_str(), clean_line(&g.name));
    }
    for p in s.participants.iter().rev() {
        names.insert(p.id.as_str(), clean_line(&p.name));
    }
    let view = |x: &crate::model::Sticky| {
        let author = x
            .author
            .as_ref()
            .and_then(|id| names.get(id.as_str()))
            .cloned()
            .unwrap_or_default();
        sticky_view(x, author, votes_of(x))
    };
    // The stickies of each cluster, in board order.
    let mut members: HashMap<&str, Vec<&crate::model::Sticky>> =
        HashMap::with_capacity(s.clusters.len());
    for x in &s.stickies {
        if let Some(c) = &x.cluster {
            members.entry(c.as_str()).or_default().push(x);
        }
    }
    let cluster_view = |c| cluster_view(c, &members, &view, tally, l);
    let mut stages = Vec::new();
    for st in &s.agenda {
        let clusters: Vec<ClusterView> = s
            .clusters
            .iter()
            .filter(|c| c.stage.as_ref() == Some(&st.id))
            .map(cluster_view)
            .collect();
        if !clusters.is_empty() {
            stages.push(BoardStage {
                title: Some(clean_line(&st.title)),
                clusters,
            });
        }
    }
    let loose: Vec<ClusterView> = s
        .clusters
        .iter()
        .filter(|c| c.stage.as_ref().is_none_or(|id| s.stage(id).is_none()))
        .map(cluster_view)
        .collect();
    if !loose.is_empty() {
        let title = (!stages.is_empty()).then(|| l.other_clusters.to_owned());
        stages.push(BoardStage {
            title,
            clusters: loose,
        });
    }
    let place = |parked: bool| {
        s.stickies
            .iter()
            .filter(|x| x.cluster.is_none() && x.parked == parked)
            .map(view)
            .collect::<Vec<_>>()
    };
    let summary_line = if s.clusters.is_empty() {
        l.n_stickies(s.stickies.len())
    } else {
        l.stickies_in_groups(s.stickies.len(), s.clusters.len())
    };
    Board {
        stages,
        inbox: place(false),
        parking: place(true),
        stickies: s.stickies.len(),
        clusters: s.clusters.len(),
        summary_line,
    }
}

/// One cluster of the board: its stickies (`members`, shown by `view`)
/// ranked by votes, and its line of counts.
fn cluster_view(
    c: &crate::model::Cluster,
    members: &HashMap<&str, Vec<&crate::model::Sticky>>,
    view: &impl Fn(&crate::model::Sticky) -> StickyView,
    tally: &HashMap<Target, u32>,
    l: &Labels,
) -> ClusterView {
    let mine = members.get(c.id.as_str()).map_or(&[][..], Vec::as_slice);
    let mut stickies: Vec<StickyView> = mine.iter().map(|x| view(x)).collect();
    // Stable: equal votes keep their board order.
    stickies.sort_by_key(|x| std::cmp::Reverse(x.votes));
    let group_votes = tally
        .get(&Target::Cluster(c.id.clone()))
        .copied()
        .unwrap_or(0);
    let sticky_votes = stickies.iter().map(|x| x.votes).sum();
    let count = stickies.len();
    let mut line = l.n_stickies(count);
    let votes = l.group_votes(group_votes, sticky_votes);
    if !votes.is_empty() {
        line.push_str(" · ");
        line.push_str(&votes);
    }
    ClusterView {
        id: c.id.clone(),
        title: clean_line(&c.title),
        count,
        line,
        group_votes,
        sticky_votes,
        stickies,
        media: Vec::new(),
    }
}

/// Each voting round's top five (and whatever ties with the fifth).
///
/// Each ranked sticky and each cluster's size is found in maps made once
/// (with ties, a round may rank hundreds of stickies of a big board).
pub(super) fn rounds(s: &Session, l: &Labels) -> Vec<RoundView> {
    if s.rounds.is_empty() {
        return Vec::new();
    }
    let mut stickies: HashMap<&str, &crate::model::Sticky> =
        HashMap::with_capacity(s.stickies.len());
    let mut sizes: HashMap<&str, usize> = HashMap::with_capacity(s.clusters.len());
    for x in &s.stickies {
        stickies.entry(x.id.as_str()).or_insert(x);
        if let Some(c) = &x.cluster {
            *sizes.entry(c.as_str()).or_default() += 1;
        }
    }
    s.rounds
        .iter()
        .map(|r| {
            let votes: Vec<_> = s.votes.iter().filter(|v| v.round == r.id).collect();
            let voters: BTreeSet<&Id> = votes
                .iter()
                .filter_map(|v| v.participant.as_ref())
                .collect();
            let total: u32 = votes.iter().map(|v| v.count).sum();
            let ranked = s
                .ranking(Some(&r.id))
                .into_iter()
                .filter(|x| x.rank <= 5)
                .map(|x| {
                    let rank = if x.tie {
                        format!("{}=", x.rank)
                    } else {
                        x.rank.to_string()
                    };
                    let (text, detail, colour) = match &x.target {
                        Target::Cluster(id) => {
                            let n = sizes.get(id.as_str()).copied().unwrap_or(0);
                            (
                                s.cluster(id)
                                    .map_or_else(|| l.unknown.to_owned(), |c| clean_line(&c.title)),
                                l.ranked_group(n),
                                None,
                            )
                        }
                        Target::Sticky(id) => match stickies.get(id.as_str()) {
                            Some(st) => (
                                clean_line(&st.text),
                                st.cluster
                                    .as_ref()
                                    .and_then(|c| s.cluster(c))
                                    .map(|c| clean_line(&c.title))
                                    .unwrap_or_default(),
                                Some(st.colour.hex()),
                            ),
                            None => (l.unknown.to_owned(), String::new(), None),
                        },
                    };
                    RankedView {
                        rank,
                        place: x.rank,
                        text,
                        detail,
                        votes: x.count,
                        votes_line: l.n_votes(x.count),
                        colour,
                    }
                })
                .collect();
            RoundView {
                title: clean_line(&r.title),
                rules: l.round_rules(r.dots, r.cap, voters.len(), total),
                ranked,
            }
        })
        .collect()
}
