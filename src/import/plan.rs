//! What every import plans: ops applied as they come to a working copy of
//! the session (so a later row finds what an earlier one added), and the
//! clusters found by title or made.

use crate::merge::same_name;
use crate::model::{Cluster, Id, Item, Op, Session};
use std::collections::HashMap;

pub(super) struct Plan {
    /// The session as the ops so far leave it.
    pub work: Session,
    pub ops: Vec<Op>,
    /// The stage new items belong to.
    pub stage: Option<Id>,
    /// Clusters by folded title.
    clusters: HashMap<String, Id>,
    /// The titles of the clusters made, in order.
    pub new_clusters: Vec<String>,
}

impl Plan {
    pub fn new(s: &Session, stage: Option<Id>) -> Plan {
        Plan {
            work: s.clone(),
            ops: Vec::new(),
            stage,
            clusters: s
                .clusters
                .iter()
                .rev()
                .map(|c| (same_name(&c.title), c.id.clone()))
                .collect(),
            new_clusters: Vec::new(),
        }
    }

    pub fn push(&mut self, op: Op) {
        self.work.apply(op.clone());
        self.ops.push(op);
    }

    /// The cluster with that title (case, accents and spaces aside), made
    /// when missing.
    pub fn cluster(&mut self, title: &str) -> Id {
        let key = same_name(title);
        if let Some(id) = self.clusters.get(&key) {
            return id.clone();
        }
        let c = Cluster {
            id: Id::new(),
            title: super::norm(title),
            stage: self.stage.clone(),
        };
        let id = c.id.clone();
        self.new_clusters.push(c.title.clone());
        self.push(Op::Insert {
            at: usize::MAX,
            item: Item::Cluster(c),
        });
        self.clusters.insert(key, id.clone());
        id
    }
}
