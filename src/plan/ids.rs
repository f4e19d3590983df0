//! The plan's ids, for lookups: a hash table of the nodes' indices, each found by the id its node
//! holds. A map from ids to indices held a copy of every id beside the nodes', and a slot of 32
//! bytes for each: for a plan of a hundred thousand indicators, 8 MiB and as many small blocks
//! as nodes. The table holds the indices alone (8 bytes each), and reads the ids from the nodes.

use std::hash::BuildHasher as _;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

use super::{Node, NodeIndex};

/// Every node's id, for lookups ([`super::Plan::find`]): the indices of the nodes, hashed by
/// their ids. The ids are read from the nodes they are looked up in, given to each call.
#[derive(Debug, Clone, Default)]
pub struct Ids(HashTable<NodeIndex>);

/// The hash of an id.
fn hash(id: &str) -> u64 {
    FxBuildHasher.hash_one(id)
}

impl Ids {
    /// Room for `capacity` ids.
    pub fn with_capacity(capacity: usize) -> Self {
        Self(HashTable::with_capacity(capacity))
    }

    /// The index of the node whose id is `id`, the ids of the indices held read by `id_of`.
    pub fn get_by<'a>(&self, id: &str, id_of: impl Fn(NodeIndex) -> &'a str) -> Option<NodeIndex> {
        self.0.find(hash(id), |&index| id_of(index) == id).copied()
    }

    /// The index of the node of `nodes` whose id is `id`.
    pub fn get(&self, nodes: &[Node], id: &str) -> Option<NodeIndex> {
        self.get_by(id, |index| &nodes[index.0].id)
    }

    /// Adds `index`, whose id (read by `id_of`, like the others') no index held has.
    pub fn insert_by<'a>(&mut self, index: NodeIndex, id_of: impl Fn(NodeIndex) -> &'a str) {
        self.0.insert_unique(hash(id_of(index)), index, |&held| hash(id_of(held)));
    }

    /// Adds the node of `nodes` at `index`, whose id no node held has.
    pub fn insert(&mut self, nodes: &[Node], index: NodeIndex) {
        self.insert_by(index, |index| &nodes[index.0].id);
    }

    /// Keeps the indices `keep` gives a new index for, changed to it, and drops the others: the
    /// ids they stand for do not change (the nodes are moved, not renamed), nor do their hashes.
    /// Then gives back the room not used, the ids read from `nodes`, where the new indices are.
    pub fn renumber(&mut self, keep: impl Fn(NodeIndex) -> Option<NodeIndex>, nodes: &[Node]) {
        self.0.retain(|index| match keep(*index) {
            Some(new) => {
                *index = new;
                true
            }
            None => false,
        });
        self.0.shrink_to_fit(|index| hash(&nodes[index.0].id));
    }

    /// How many ids are held.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether none is held.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_found_by_the_text_the_nodes_hold_and_renumbered() {
        let names: Vec<String> = (0..1000).map(|n| format!("O{}.{}", n / 10, n % 10)).collect();
        let mut ids = Ids::default();
        for position in 0..names.len() {
            ids.insert_by(NodeIndex(position), |index| &names[index.0]);
        }
        assert_eq!(ids.len(), names.len());
        for (position, name) in names.iter().enumerate() {
            assert_eq!(ids.get_by(name, |index| &names[index.0]), Some(NodeIndex(position)));
        }
        assert_eq!(ids.get_by("O1.10", |index| &names[index.0]), None);
        assert_eq!(ids.get_by("", |index| &names[index.0]), None);
        // Every third left out, the others moved down as a plan's placed nodes are.
        let kept: Vec<String> = names.iter().enumerate().filter(|(p, _)| p % 3 != 0).map(|(_, n)| n.clone()).collect();
        let new = |NodeIndex(old): NodeIndex| (old % 3 != 0).then(|| NodeIndex(old - old / 3 - 1));
        let nodes: Vec<Node> = kept.iter().map(|id| node(id)).collect();
        ids.renumber(new, &nodes);
        assert_eq!(ids.len(), kept.len());
        for (position, name) in kept.iter().enumerate() {
            assert_eq!(ids.get(&nodes, name), Some(NodeIndex(position)), "{name}");
        }
        for name in names.iter().step_by(3) {
            assert_eq!(ids.get(&nodes, name), None, "{name}");
        }
    }

    fn node(id: &str) -> Node {
        Node::new(
            id.to_owned(),
            String::new(),
            0..0,
            super::super::NodeKind::Mission,
            None,
            rust_decimal::Decimal::ONE,
            None,
            super::super::Status::Active,
            0..0,
            0..0,
            super::super::Rare::default(),
        )
    }
}
