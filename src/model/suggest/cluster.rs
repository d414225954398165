//! Grouping: agglomerative clustering with average linkage.
//!
//! Stickies with the same vector are one point of that many stickies (they
//! are as similar as can be, so they would merge first anyway). When most
//! pairs of points share something, the whole similarity matrix is built in
//! one pass; otherwise the clustering runs apart on each part of the graph
//! of pairs at least as similar as the threshold.

use super::corpus::Corpus;
use std::collections::HashMap;

/// Up to this many points, a dense input is clustered in one matrix
/// (n²/2 floats: 200 MB for 10,000).
const DENSE_MAX: usize = 12_000;

/// Stickies as distinct points.
struct Points {
    /// Per point: its vector, sorted by feature.
    vectors: Vec<Vec<(usize, f32)>>,
    /// Per feature: (point, weight), by point.
    postings: Vec<Vec<(usize, f32)>>,
    /// Per point: its stickies.
    members: Vec<Vec<usize>>,
}

impl Points {
    /// The points of a corpus; stickies with the same vector are one point
    /// when `merge` (and those that say nothing never are).
    fn new(corpus: &Corpus, merge: bool) -> Points {
        let mut seen: HashMap<Vec<(usize, u32)>, usize> = HashMap::new();
        let mut p = Points {
            vectors: Vec::new(),
            postings: vec![Vec::new(); corpus.postings.len()],
            members: Vec::new(),
        };
        for (i, v) in corpus.vectors.iter().enumerate() {
            if merge && !v.is_empty() {
                let key: Vec<(usize, u32)> = v.iter().map(|(f, w)| (*f, w.to_bits())).collect();
                if let Some(&k) = seen.get(&key) {
                    p.members[k].push(i);
                    continue;
                }
                seen.insert(key, p.vectors.len());
            }
            let k = p.vectors.len();
            for &(f, w) in v {
                p.postings[f].push((k, w));
            }
            p.vectors.push(v.clone());
            p.members.push(vec![i]);
        }
        p
    }

    /// Add to `acc[j]` the cosine similarity of point `i` with each point
    /// `j` after it that `keep` accepts and shares a feature with;
    /// `touched` lists them.
    fn similarities(
        &self,
        i: usize,
        keep: impl Fn(usize) -> bool,
        acc: &mut [f32],
        touched: &mut Vec<usize>,
    ) {
        for &(t, wi) in &self.vectors[i] {
            let list = &self.postings[t];
            let start = list.partition_point(|&(j, _)| j <= i);
            for &(j, wj) in &list[start..] {
                if !keep(j) {
                    continue;
                }
                if acc[j] == 0.0 {
                    touched.push(j);
                }
                acc[j] += wi * wj;
            }
        }
    }

    /// The parts of the graph of pairs at least `threshold` similar: two
    /// points less similar can only end in one group through others that
    /// are at least that similar (an average reaches the threshold only if
    /// one of its pairs does), so clustering each part apart is exact.
    fn parts(&self, threshold: f32) -> Vec<Vec<usize>> {
        let n = self.vectors.len();
        let mut parts = UnionFind::new(n);
        let mut acc = vec![0f32; n];
        let mut touched = Vec::new();
        for i in 0..n {
            self.similarities(i, |j| j > i, &mut acc, &mut touched);
            for &j in &touched {
                if acc[j] >= threshold {
                    parts.union(i, j);
                }
                acc[j] = 0.0;
            }
            touched.clear();
        }
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); n];
        for i in 0..n {
            members[parts.find(i)].push(i);
        }
        members.into_iter().filter(|m| !m.is_empty()).collect()
    }
}

/// Groups of two or more stickies, each sorted, in order of their first.
pub fn groups(corpus: &Corpus, threshold: f32) -> Vec<Vec<usize>> {
    // Identical vectors are as similar as can be: 1, but for rounding.
    let points = Points::new(corpus, threshold <= 0.999);
    let n = points.vectors.len();
    // The pairs the similarity pass visits, against all pairs.
    let visits: f64 = points
        .postings
        .iter()
        .map(|p| (p.len() as f64).powi(2) / 2.0)
        .sum();
    let pairs = n as f64 * n.saturating_sub(1) as f64 / 2.0;
    cluster(&points, threshold, n <= DENSE_MAX && visits >= pairs / 2.0)
}

/// Cluster the points in one matrix (`dense`) or part by part.
fn cluster(points: &Points, threshold: f32, dense: bool) -> Vec<Vec<usize>> {
    let n = points.vectors.len();
    let mut out = Vec::new();
    if dense {
        // Dense: one matrix, filled straight from the postings.
        let mut sim = Condensed::new(n);
        for i in 0..n {
            let row = sim.rows[i];
            for &(t, wi) in &points.vectors[i] {
                let list = &points.postings[t];
                let start = list.partition_point(|&(j, _)| j <= i);
                for &(j, wj) in &list[start..] {
                    sim.values[row.wrapping_add(j)] += wi * wj;
                }
            }
        }
        let all: Vec<usize> = (0..n).collect();
        collect(points, &all, &mut sim, threshold, &mut out);
        return finish(out);
    }
    let mut acc = vec![0f32; n];
    let mut touched = Vec::new();
    let mut local = vec![usize::MAX; n];
    for part in points.parts(threshold) {
        if part.len() == 1 {
            let members = &points.members[part[0]];
            if members.len() > 1 {
                out.push(members.clone());
            }
            continue;
        }
        for (k, &i) in part.iter().enumerate() {
            local[i] = k;
        }
        let mut sim = Condensed::new(part.len());
        for (a, &i) in part.iter().enumerate() {
            points.similarities(
                i,
                |j| local[j] != usize::MAX && local[j] > a,
                &mut acc,
                &mut touched,
            );
            for &j in &touched {
                sim.set(a, local[j], acc[j]);
                acc[j] = 0.0;
            }
            touched.clear();
        }
        collect(points, &part, &mut sim, threshold, &mut out);
        for &i in &part {
            local[i] = usize::MAX;
        }
    }
    finish(out)
}

/// Cluster the points of `part`, whose similarities are `sim`, and add the
/// groups of two stickies or more to `out`.
fn collect(
    points: &Points,
    part: &[usize],
    sim: &mut Condensed,
    threshold: f32,
    out: &mut Vec<Vec<usize>>,
) {
    let m = part.len();
    let size: Vec<f32> = part
        .iter()
        .map(|&i| points.members[i].len() as f32)
        .collect();
    let mut groups = UnionFind::new(m);
    for (a, b) in average_linkage(sim, size, threshold) {
        groups.union(a, b);
    }
    let mut by_root: Vec<Vec<usize>> = vec![Vec::new(); m];
    for (k, &i) in part.iter().enumerate() {
        by_root[groups.find(k)].extend(&points.members[i]);
    }
    out.extend(by_root.into_iter().filter(|g| g.len() > 1));
}

/// Each group sorted, the groups by their first sticky.
fn finish(mut out: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
    for g in &mut out {
        g.sort_unstable();
    }
    out.sort_by_key(|g| g[0]);
    out
}

/// The upper triangle of a symmetric matrix, without its diagonal.
struct Condensed {
    n: usize,
    values: Vec<f32>,
    /// Per row `i`: where `(i, j)` is, less `j` (for `j > i`).
    rows: Vec<usize>,
}

impl Condensed {
    fn new(n: usize) -> Condensed {
        // Row i starts at i * (2n - i - 1) / 2 and holds j = i + 1 .. n.
        let rows = (0..n)
            .map(|i| (i * (2 * n - i - 1) / 2).wrapping_sub(i + 1))
            .collect();
        Condensed {
            n,
            values: vec![0.0; n * n.saturating_sub(1) / 2],
            rows,
        }
    }

    fn index(&self, a: usize, b: usize) -> usize {
        let (i, j) = if a < b { (a, b) } else { (b, a) };
        self.rows[i].wrapping_add(j)
    }

    fn get(&self, a: usize, b: usize) -> f32 {
        self.values[self.index(a, b)]
    }

    fn set(&mut self, a: usize, b: usize, v: f32) {
        let i = self.index(a, b);
        self.values[i] = v;
    }
}

/// Average-linkage clustering by nearest-neighbour chains, O(n²): the
/// merges whose average similarity is at least `threshold`, as pairs of
/// items (any member of each side). `sim` is consumed as working space.
///
/// A group whose best average similarity to any other is below the
/// threshold can never merge at or above it later (an average of values
/// below the threshold stays below it), so it is set aside at once. Ties go
/// to the previous link of the chain, then to the lowest index.
fn average_linkage(sim: &mut Condensed, mut size: Vec<f32>, threshold: f32) -> Vec<(usize, usize)> {
    let n = sim.n;
    // The groups still open, by index (a group lives at its lowest index).
    let mut open: Vec<usize> = (0..n).collect();
    let mut chain: Vec<usize> = Vec::new();
    let mut merges = Vec::new();
    let close = |open: &mut Vec<usize>, x: usize| {
        if let Ok(k) = open.binary_search(&x) {
            open.remove(k);
        }
    };
    while open.len() > 1 {
        if chain.is_empty() {
            chain.push(open[0]);
        }
        let a = chain[chain.len() - 1];
        let prev = chain.len().checked_sub(2).map(|k| chain[k]);
        let mut best = prev.map(|p| (p, sim.get(a, p)));
        let row_a = sim.rows[a];
        // `open` is sorted: the groups before `a` hold it in their rows,
        // those after it are in its row.
        let at = open.partition_point(|&b| b < a);
        for &b in &open[..at] {
            let s = sim.values[sim.rows[b].wrapping_add(a)];
            if best.is_none_or(|(_, bs)| s > bs) {
                best = Some((b, s));
            }
        }
        for &b in open[at..].iter().filter(|&&b| b != a) {
            let s = sim.values[row_a.wrapping_add(b)];
            if best.is_none_or(|(_, bs)| s > bs) {
                best = Some((b, s));
            }
        }
        match best {
            Some((b, s)) if s >= threshold => {
                if Some(b) != prev {
                    chain.push(b);
                    continue;
                }
                chain.truncate(chain.len() - 2);
                merges.push((a, b));
                let (keep, gone) = if a < b { (a, b) } else { (b, a) };
                let (sk, sg) = (size[keep], size[gone]);
                close(&mut open, gone);
                for &k in &open {
                    if k != keep {
                        let v = (sk * sim.get(keep, k) + sg * sim.get(gone, k)) / (sk + sg);
                        sim.set(keep, k, v);
                    }
                }
                size[keep] = sk + sg;
            }
            _ => {
                // Nothing close enough: done with `a`.
                chain.pop();
                close(&mut open, a);
            }
        }
    }
    merges
}

struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Join the sets of `a` and `b`; the lower root stays the root.
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi] = lo;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Engine;
    use super::*;

    #[test]
    fn one_matrix_or_part_by_part_and_merged_duplicates_give_the_same_groups() {
        let csv = include_str!("../../../tests/fixtures/suggest/spoken.csv");
        let mut texts: Vec<&str> = csv
            .lines()
            .skip(1)
            .map(|l| l.splitn(3, ',').nth(2).unwrap_or("").trim_matches('"'))
            .collect();
        // Some stickies twice.
        texts.extend(texts.clone().into_iter().step_by(7));
        let corpus = Corpus::new(Engine::builtin(), texts.iter().copied(), None);
        for threshold in [0.1, 0.25, 0.5] {
            let merged = Points::new(&corpus, true);
            let apart = Points::new(&corpus, false);
            assert!(merged.vectors.len() < apart.vectors.len());
            let want = cluster(&apart, threshold, false);
            assert!(!want.is_empty());
            assert_eq!(cluster(&apart, threshold, true), want, "{threshold}");
            assert_eq!(cluster(&merged, threshold, false), want, "{threshold}");
            assert_eq!(cluster(&merged, threshold, true), want, "{threshold}");
        }
    }

    #[test]
    fn linkage_merges_only_above_the_threshold() {
        // 0-1 close, 2-3 close, the pairs far apart.
        let mut sim = Condensed::new(4);
        sim.set(0, 1, 0.9);
        sim.set(2, 3, 0.8);
        sim.set(0, 2, 0.1);
        sim.set(1, 3, 0.1);
        let merges = average_linkage(&mut sim, vec![1.0; 4], 0.5);
        assert_eq!(merges.len(), 2);
        let mut sim = Condensed::new(4);
        sim.set(0, 1, 0.9);
        sim.set(2, 3, 0.8);
        sim.set(0, 2, 0.7);
        sim.set(1, 3, 0.7);
        sim.set(0, 3, 0.7);
        sim.set(1, 2, 0.7);
        assert_eq!(average_linkage(&mut sim, vec![1.0; 4], 0.5).len(), 3);
        // Sizes weigh the averages: once 0 (a point of three stickies) and
        // 1 merge, they are (3 * 0.2 + 0.9) / 4 < 0.5 similar to 2; were 0
        // one sticky, (0.2 + 0.9) / 2 >= 0.5.
        let sim = || {
            let mut sim = Condensed::new(3);
            sim.set(0, 1, 0.9);
            sim.set(0, 2, 0.2);
            sim.set(1, 2, 0.9);
            sim
        };
        assert_eq!(
            average_linkage(&mut sim(), vec![3.0, 1.0, 1.0], 0.5).len(),
            1
        );
        assert_eq!(
            average_linkage(&mut sim(), vec![1.0, 1.0, 1.0], 0.5).len(),
            2
        );
    }
}
