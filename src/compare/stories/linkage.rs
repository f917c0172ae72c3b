//! Average-linkage clustering over a sparse graph: start from one cluster per item and
//! keep merging the two clusters with the highest average link weight (missing links
//! weigh 0) while it is at least the threshold. Clusters without a link between them
//! never merge, so this refines the connected components of the graph.
//!
//! Deterministic: ties go to the pair of lowest cluster numbers, and sums are added in
//! a fixed order.

use std::collections::{BTreeMap, BinaryHeap};

/// A weighted edge between items `a` and `b`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Edge {
    /// One item.
    pub a: usize,
    /// The other item.
    pub b: usize,
    /// Its weight, 0–1.
    pub weight: f64,
}

/// A candidate merge in the queue: the higher average first, then lower numbers.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Merge {
    average: f64,
    a: usize,
    b: usize,
    /// The sizes the average was computed for (stale when a side has grown since).
    sizes: (usize, usize),
}

impl Eq for Merge {}

impl Ord for Merge {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.average
            .total_cmp(&other.average)
            .then(other.a.cmp(&self.a))
            .then(other.b.cmp(&self.b))
    }
}

impl PartialOrd for Merge {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// The cluster of each of `items` items (clusters numbered by their lowest item, as
/// that item's number), merging while the best average link is at least `threshold`.
#[must_use]
pub fn average_linkage(items: usize, edges: &[Edge], threshold: f64) -> Vec<usize> {
    // Per live cluster: its size and the summed weights to its neighbours.
    let mut size = vec![1usize; items];
    let mut links: Vec<BTreeMap<usize, f64>> = vec![BTreeMap::new(); items];
    let mut parent: Vec<usize> = (0..items).collect();
    for e in edges
        .iter()
        .filter(|e| e.a != e.b && e.a < items && e.b < items)
    {
        *links[e.a].entry(e.b).or_insert(0.0) += e.weight;
        *links[e.b].entry(e.a).or_insert(0.0) += e.weight;
    }
    let mut queue = BinaryHeap::new();
    for (a, neighbours) in links.iter().enumerate() {
        for (&b, &sum) in neighbours.range(a + 1..) {
            push(&mut queue, a, b, sum, (1, 1), threshold);
        }
    }
    while let Some(m) = queue.pop() {
        let live = parent[m.a] == m.a && parent[m.b] == m.b;
        if !live || (size[m.a], size[m.b]) != m.sizes {
            continue;
        }
        // Merge the later-numbered cluster into the earlier one.
        let (keep, gone) = (m.a.min(m.b), m.a.max(m.b));
        parent[gone] = keep;
        size[keep] += size[gone];
        let moved = std::mem::take(&mut links[gone]);
        links[keep].remove(&gone);
        for (other, sum) in moved {
            if other == keep {
                continue;
            }
            *links[keep].entry(other).or_insert(0.0) += sum;
            if let Some(back) = links.get_mut(other) {
                let s = back.remove(&gone).unwrap_or(0.0);
                *back.entry(keep).or_insert(0.0) += s;
            }
        }
        for (&other, &sum) in &links[keep] {
            let (a, b) = (keep.min(other), keep.max(other));
            push(&mut queue, a, b, sum, (size[a], size[b]), threshold);
        }
    }
    (0..items).map(|i| root(&mut parent, i)).collect()
}

fn push(
    queue: &mut BinaryHeap<Merge>,
    a: usize,
    b: usize,
    sum: f64,
    sizes: (usize, usize),
    threshold: f64,
) {
    #[allow(clippy::cast_precision_loss)]
    let average = sum / (sizes.0 * sizes.1) as f64;
    if average >= threshold {
        queue.push(Merge {
            average,
            a,
            b,
            sizes,
        });
    }
}

fn root(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edge(a: usize, b: usize, weight: f64) -> Edge {
        Edge { a, b, weight }
    }

    #[test]
    fn strong_pairs_merge_and_weak_bridges_do_not() {
        // Two triangles joined by one weak edge.
        let edges = [
            edge(0, 1, 0.9),
            edge(1, 2, 0.8),
            edge(0, 2, 0.7),
            edge(3, 4, 0.9),
            edge(4, 5, 0.9),
            edge(3, 5, 0.6),
            edge(2, 3, 0.5),
        ];
        assert_eq!(average_linkage(7, &edges, 0.3), [0, 0, 0, 3, 3, 3, 6]);
        // With a low threshold the bridge's average (0.5 / 9) still keeps them apart.
        assert_eq!(average_linkage(7, &edges, 0.1), [0, 0, 0, 3, 3, 3, 6]);
        assert_eq!(average_linkage(7, &edges, 0.05), [0, 0, 0, 0, 0, 0, 6]);
    }

    #[test]
    fn a_chain_of_single_links_does_not_make_one_cluster() {
        let edges: Vec<Edge> = (0..5).map(|i| edge(i, i + 1, 0.4)).collect();
        let clusters = average_linkage(6, &edges, 0.3);
        let distinct: std::collections::BTreeSet<usize> = clusters.iter().copied().collect();
        assert!(distinct.len() >= 3, "{clusters:?}");
    }
}
