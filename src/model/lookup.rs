//! Where each sticky stands in [`Session::stickies`], by id, so that an
//! edit finds its sticky without a scan of the list.
//!
//! The index is a hint, checked at every use: a position is believed only
//! when the sticky there has the id asked for. Ops applied through
//! [`Session::apply_at`] keep it in step (a replacement touches nothing, an
//! insertion or removal at the end one entry; in the middle, the positions
//! after it move by one, plain integer updates); anything that changes the
//! list directly leaves it stale, which only costs a scan, and the next edit
//! rebuilds it. It is built by the first edit that looks a sticky up, not at
//! load, so that opening a file does not pay for it.

use super::{Id, Session, Sticky};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Stickies' positions by a 64-bit hash of their id (two ids with the same
/// hash only make one of them found by a scan).
#[derive(Default)]
pub struct StickyIndex {
    at: HashMap<u64, u32, BuildHasherDefault<Keyed>>,
    /// Entries and stickies looked at, for tests to count.
    work: AtomicUsize,
}

/// The hasher of the map: its keys are hashes already.
#[derive(Default)]
struct Keyed(u64);

impl Hasher for Keyed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A cheap hash of an id, eight bytes at a time (about 40 instructions for
/// a UUID, where SipHash takes 200): ids a file chooses to collide only
/// make their lookups scans, as they all were before this index.
fn key(id: &Id) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let b = id.0.as_bytes();
    let mut h = b.len() as u64;
    let mut words = b.chunks_exact(8);
    for w in &mut words {
        let mut x = [0; 8];
        x.copy_from_slice(w);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(x)).wrapping_mul(K);
    }
    let mut x = [0; 8];
    x[..words.remainder().len()].copy_from_slice(words.remainder());
    h = (h.rotate_left(5) ^ u64::from_le_bytes(x)).wrapping_mul(K);
    h ^ (h >> 29)
}

impl Clone for StickyIndex {
    fn clone(&self) -> Self {
        StickyIndex {
            at: self.at.clone(),
            work: AtomicUsize::new(0),
        }
    }
}

/// The index is not part of what a session is: any two are equal.
impl PartialEq for StickyIndex {
    fn eq(&self, _: &StickyIndex) -> bool {
        true
    }
}

impl std::fmt::Debug for StickyIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "StickyIndex({} entries)", self.at.len())
    }
}

impl StickyIndex {
    fn count(&self, n: usize) {
        self.work.fetch_add(n, Ordering::Relaxed);
    }

    /// Where `id` stands, if the index knows it and is right.
    fn find(&self, stickies: &[Sticky], id: &Id) -> Option<usize> {
        self.count(1);
        let at = *self.at.get(&key(id))? as usize;
        (stickies.get(at)?.id == *id).then_some(at)
    }

    fn rebuild(&mut self, stickies: &[Sticky]) {
        self.count(stickies.len());
        self.at.clear();
        self.at.reserve(stickies.len());
        for (i, s) in stickies.iter().enumerate().rev() {
            // In reverse: of two equal ids, the first is kept, as a scan finds.
            self.at.insert(key(&s.id), i as u32);
        }
    }

    /// A sticky was inserted at `at` (`stickies` as it is now).
    pub(super) fn inserted(&mut self, stickies: &[Sticky], at: usize) {
        if at + 1 < stickies.len() {
            self.shift(at, true);
        }
        if let Some(s) = stickies.get(at) {
            self.count(1);
            self.at.insert(key(&s.id), at as u32);
        }
    }

    /// The sticky `id` was removed from `at` (`stickies` as it is now).
    pub(super) fn removed(&mut self, stickies: &[Sticky], id: &Id, at: usize) {
        self.count(1);
        if self.at.get(&key(id)) == Some(&(at as u32)) {
            self.at.remove(&key(id));
        }
        if at < stickies.len() {
            self.shift(at, false);
        }
    }

    /// The stickies after `at` moved by one.
    fn shift(&mut self, at: usize, inserted: bool) {
        self.count(self.at.len());
        let at = at as u32;
        for v in self.at.values_mut() {
            if inserted && *v >= at {
                *v += 1;
            } else if !inserted && *v > at {
                *v -= 1;
            }
        }
    }

    /// Entries and stickies looked at so far (for tests).
    pub fn work(&self) -> usize {
        self.work.load(Ordering::Relaxed)
    }
}

impl Session {
    /// Where the sticky with this id stands in `stickies`: by the index,
    /// else by a scan.
    pub fn sticky_position(&self, id: &Id) -> Option<usize> {
        self.sticky_index
            .find(&self.stickies, id)
            .or_else(|| self.scan(id))
    }

    /// The sticky with this id, found as [`Session::sticky_position`] finds
    /// it.
    pub fn sticky(&self, id: &Id) -> Option<&Sticky> {
        self.sticky_position(id)
            .and_then(|at| self.stickies.get(at))
    }

    /// As [`Session::sticky_position`]; a sticky found by a scan means the
    /// index is stale, and it is rebuilt.
    pub(super) fn sticky_position_mut(&mut self, id: &Id) -> Option<usize> {
        if let Some(at) = self.sticky_index.find(&self.stickies, id) {
            return Some(at);
        }
        let at = self.scan(id)?;
        // Stale, unless another sticky holds this id's key (then a rebuild
        // would not help, and this id is found by a scan each time).
        let other = self.sticky_index.at.get(&key(id)).and_then(|&p| {
            let s = self.stickies.get(p as usize)?;
            (key(&s.id) == key(id)).then_some(())
        });
        if other.is_none() {
            self.sticky_index.rebuild(&self.stickies);
        }
        Some(at)
    }

    fn scan(&self, id: &Id) -> Option<usize> {
        let at = self.stickies.iter().position(|s| &s.id == id);
        self.sticky_index
            .count(at.map_or(self.stickies.len(), |i| i + 1));
        at
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Id, Item, Op, Place, Session, Timestamp};

    /// What the lookups of each edit cost, in entries and stickies looked
    /// at: park a sticky from the middle, undo it, capture one, undo it.
    fn work(n: usize) -> Vec<(&'static str, usize)> {
        let mut s: Session = crate::generate::session(n, 1);
        let now = Timestamp::from_unix(1_781_253_000).expect("a time");
        let id = s.stickies[n / 2].id.clone();
        // The first edit builds the index.
        let ops = s.move_stickies(std::slice::from_ref(&id), &Place::Parking);
        let undo = s.apply_all(ops);
        s.apply_all(undo);
        let mut out = Vec::new();
        let mut step = |s: &mut Session, name, ops: Vec<Op>| {
            let before = s.sticky_index.work();
            assert!(ops.iter().all(|op| s.changes(op)), "{name} changes");
            let undo = s.apply_all(ops);
            assert!(!undo.is_empty(), "{name} applied");
            out.push((name, s.sticky_index.work() - before));
            undo
        };
        let park = s.move_stickies(std::slice::from_ref(&id), &Place::Parking);
        let undo = step(&mut s, "park", park);
        step(&mut s, "undo park", undo);
        let capture = s.new_sticky(
            "nouveau",
            None,
            Default::default(),
            None,
            &Place::Inbox,
            now,
            Id("00000000-0000-7000-8000-00000000beef".into()),
        );
        let undo = step(&mut s, "capture", vec![capture]);
        step(&mut s, "undo capture", undo);
        // Every lookup after these edits still finds the right sticky.
        for (i, x) in s.stickies.iter().enumerate() {
            assert_eq!(s.sticky_position(&x.id), Some(i));
        }
        out
    }

    #[test]
    fn an_edit_finds_its_sticky_in_as_few_steps_at_10000_stickies_as_at_100() {
        let small = work(100);
        let large = work(10_000);
        for ((name, a), (_, b)) in small.iter().zip(&large) {
            println!("{name}: {a} at 100 stickies, {b} at 10,000");
            assert_eq!(a, b, "{name}");
            assert!(*b <= 4, "{name}: {b}");
        }
    }

    #[test]
    fn a_stale_index_is_only_slower() {
        let mut s: Session = crate::generate::session(300, 2);
        let id = s.stickies[10].id.clone();
        let ops = s.move_stickies(std::slice::from_ref(&id), &Place::Parking);
        s.apply_all(ops);
        // Changed behind the index's back: the positions it holds are wrong.
        s.stickies.swap(10, 200);
        s.stickies.remove(0);
        for (i, x) in s.stickies.clone().iter().enumerate() {
            assert_eq!(s.sticky_position(&x.id), Some(i));
        }
        let mut x = s.stickies[9].clone();
        x.text = "changé".into();
        assert!(s.apply(Op::Replace(Item::Sticky(x.clone()))).is_some());
        assert_eq!(s.stickies[9], x);
        // The edit rebuilt it: found without a scan again.
        let before = s.sticky_index.work();
        assert_eq!(s.sticky_position(&s.stickies[250].id.clone()), Some(250));
        assert_eq!(s.sticky_index.work() - before, 1);
        assert_eq!(s.sticky_position(&Id("absent".into())), None);
    }
}
