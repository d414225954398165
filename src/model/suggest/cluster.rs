//! Grouping: agglomerative clustering with average linkage, run apart on
//! each part of the graph of pairs at least as similar as the threshold.

use super::corpus::Corpus;

/// Groups of two or more stickies, each sorted, in order of their first.
pub fn groups(corpus: &Corpus, threshold: f32) -> Vec<Vec<usize>> {
    let n = corpus.vectors.len();
    // Two stickies less similar than the threshold can only end in one
    // group through others that are at least that similar (an average
    // reaches the threshold only if one of its pairs does), so the
    // clustering runs apart on each connected part of that graph: exact,
    // and it keeps the similarity matrices small.
    let mut parts = UnionFind::new(n);
    let mut acc = vec![0f32; n];
    let mut touched = Vec::new();
    for i in 0..n {
        corpus.similarities(i, |j| j > i, &mut acc, &mut touched);
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
    let mut out = Vec::new();
    let mut local = vec![usize::MAX; n];
    for part in members.into_iter().filter(|m| m.len() > 1) {
        for (k, &i) in part.iter().enumerate() {
            local[i] = k;
        }
        let m = part.len();
        let mut sim = Condensed::new(m);
        for (a, &i) in part.iter().enumerate() {
            corpus.similarities(
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
        let mut groups = UnionFind::new(m);
        for (a, b) in average_linkage(&mut sim, threshold) {
            groups.union(a, b);
        }
        let mut by_root: Vec<Vec<usize>> = vec![Vec::new(); m];
        for (k, &i) in part.iter().enumerate() {
            by_root[groups.find(k)].push(i);
        }
        out.extend(by_root.into_iter().filter(|g| g.len() > 1));
        for &i in &part {
            local[i] = usize::MAX;
        }
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
fn average_linkage(sim: &mut Condensed, threshold: f32) -> Vec<(usize, usize)> {
    let n = sim.n;
    // The groups still open, by index (a group lives at its lowest index).
    let mut open: Vec<usize> = (0..n).collect();
    let mut size = vec![1f32; n];
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
        for &b in &open {
            if b == a {
                continue;
            }
            let s = if b < a {
                sim.values[sim.rows[b].wrapping_add(a)]
            } else {
                sim.values[row_a.wrapping_add(b)]
            };
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
    use super::*;

    #[test]
    fn linkage_merges_only_above_the_threshold() {
        // 0-1 close, 2-3 close, the pairs far apart.
        let mut sim = Condensed::new(4);
        sim.set(0, 1, 0.9);
        sim.set(2, 3, 0.8);
        sim.set(0, 2, 0.1);
        sim.set(1, 3, 0.1);
        let merges = average_linkage(&mut sim, 0.5);
        assert_eq!(merges.len(), 2);
        let mut sim = Condensed::new(4);
        sim.set(0, 1, 0.9);
        sim.set(2, 3, 0.8);
        sim.set(0, 2, 0.7);
        sim.set(1, 3, 0.7);
        sim.set(0, 3, 0.7);
        sim.set(1, 2, 0.7);
        assert_eq!(average_linkage(&mut sim, 0.5).len(), 3);
    }
}
