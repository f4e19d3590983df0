//! An indicator's targets by year, each with where it is written: one slice sorted by year.
//!
//! A plan of national scale has a hundred thousand indicators of ten years each. Two
//! `BTreeMap`s (the targets, and their places) took about 400 bytes an indicator in two
//! allocations; the slice takes 24 bytes a year in one. The raw plan reads an indicator's
//! targets into the same records ([`YearTarget`]), which become the typed plan's slice where
//! they lie: the memory is not given back and taken again for each of them.

use std::sync::Arc;

use crate::source::Span;
use crate::target::Target;

/// The targets of the years of an indicator, in the order of the years; read like a map from
/// the year to its target (`get`, `keys`, `values`, `iter`), with [`YearTargets::span`] for
/// where each is written.
#[derive(Debug, Clone, Default)]
pub struct YearTargets(Box<[YearTarget]>);

/// One year's target, where it is written and where its year is written: the target's place as
/// byte offsets of 32 bits (a plan file is at most 1 GiB), the year's as how far before the
/// target it starts and how long it is, so that the record takes 24 bytes.
#[derive(Debug, Clone)]
pub struct YearTarget {
    target: Arc<Target>,
    year: i32,
    /// Where the target is written: start and end.
    value: [u32; 2],
    /// Where the year is written (the key of `targets`): how many bytes before the target it
    /// starts, and how long it is; [`KEY_AT_VALUE`] when it is written where the target is, or
    /// cannot be counted so (more than 64 KB before it, or longer).
    key: [u16; 2],
}

/// The year's place of a [`YearTarget`] that is the target's: a year given with its target's
/// place only ([`YearTargets::new`], [`YearTargets::insert`]), and what no plan writes (a year
/// 64 KB or more before its target, on the same line), shown at its target.
const KEY_AT_VALUE: [u16; 2] = [u16::MAX, u16::MAX];

/// A byte offset as held: one past 4 GiB (which no plan reaches) is held as the last.
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

impl YearTarget {
    /// The target of `year`, written at `value`, its year at `key`.
    pub fn new(year: i32, key: Span, value: Span, target: Arc<Target>) -> Self {
        let back = value.start.checked_sub(key.start).and_then(|back| u16::try_from(back).ok());
        let length = key.end.checked_sub(key.start).and_then(|length| u16::try_from(length).ok());
        let key = match (back, length) {
            (Some(back), Some(length)) if [back, length] != KEY_AT_VALUE && key != value => [back, length],
            _ => KEY_AT_VALUE,
        };
        Self { target, year, value: [offset(value.start), offset(value.end)], key }
    }

    /// The year.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// Where the year is written.
    pub fn key_span(&self) -> Span {
        if self.key == KEY_AT_VALUE {
            return self.span();
        }
        let start = (self.value[0] as usize).saturating_sub(self.key[0].into());
        start..start + usize::from(self.key[1])
    }

    /// Where the target is written.
    pub fn span(&self) -> Span {
        self.value[0] as usize..self.value[1] as usize
    }

    /// The target.
    pub fn target(&self) -> &Arc<Target> {
        &self.target
    }
}

impl YearTargets {
    /// The targets given, in any order; of a year given twice, the last.
    pub fn new(targets: impl IntoIterator<Item = (i32, Arc<Target>, Span)>) -> Self {
        Self::from_targets(
            targets.into_iter().map(|(year, target, span)| YearTarget::new(year, span.clone(), span, target)).collect(),
        )
    }

    /// The targets of `targets`, in any order, sorted where they lie; of a year given twice,
    /// the last.
    pub fn from_targets(mut targets: Vec<YearTarget>) -> Self {
        // Stable: a repeated year keeps its order, and the last of it is kept.
        targets.sort_by_key(|t| t.year);
        targets.dedup_by(|later, kept| {
            let same = later.year == kept.year;
            if same {
                std::mem::swap(later, kept);
            }
            same
        });
        Self(targets.into_boxed_slice())
    }

    fn position(&self, year: i32) -> Result<usize, usize> {
        self.0.binary_search_by_key(&year, |t| t.year)
    }

    /// The target of `year`.
    pub fn get(&self, year: &i32) -> Option<&Arc<Target>> {
        self.position(*year).ok().map(|at| &self.0[at].target)
    }

    /// Where the target of `year` is written.
    pub fn span(&self, year: i32) -> Option<Span> {
        self.position(year).ok().map(|at| self.0[at].span())
    }

    /// Whether `year` has a target.
    pub fn contains_key(&self, year: &i32) -> bool {
        self.position(*year).is_ok()
    }

    /// How many years have a target.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether no year has a target.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The years, in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &i32> + ExactSizeIterator + Clone {
        self.0.iter().map(|t| &t.year)
    }

    /// The targets, in the order of their years.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &Arc<Target>> + ExactSizeIterator + Clone {
        self.0.iter().map(|t| &t.target)
    }

    /// Each year with its target, in order.
    pub fn iter(&self) -> Iter<'_> {
        Iter(self.0.iter())
    }

    /// Sets the target of `year`, written at `span`; gives back the one it replaces.
    pub fn insert(&mut self, year: i32, target: Arc<Target>, span: Span) -> Option<Arc<Target>> {
        let new = YearTarget::new(year, span.clone(), span, target);
        match self.position(year) {
            Ok(at) => Some(std::mem::replace(&mut self.0[at], new).target),
            Err(at) => {
                let mut targets = std::mem::take(&mut self.0).into_vec();
                targets.insert(at, new);
                self.0 = targets.into_boxed_slice();
                None
            }
        }
    }

    /// Removes the target of `year`; gives it back.
    pub fn remove(&mut self, year: &i32) -> Option<Arc<Target>> {
        let at = self.position(*year).ok()?;
        let mut targets = std::mem::take(&mut self.0).into_vec();
        let removed = targets.remove(at);
        self.0 = targets.into_boxed_slice();
        Some(removed.target)
    }
}

/// Each year with its target: [`YearTargets::iter`].
#[derive(Debug, Clone)]
pub struct Iter<'a>(std::slice::Iter<'a, YearTarget>);

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a i32, &'a Arc<Target>);

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|t| (&t.year, &t.target))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|t| (&t.year, &t.target))
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'a> IntoIterator for &'a YearTargets {
    type Item = (&'a i32, &'a Arc<Target>);
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl std::ops::Index<&i32> for YearTargets {
    type Output = Arc<Target>;

    fn index(&self, year: &i32) -> &Arc<Target> {
        self.get(year).expect("no target for the year")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(text: &str) -> Arc<Target> {
        Arc::new(Target::parse(text).unwrap())
    }

    /// A year's record takes 24 bytes, and gives back the places it was given: the year's
    /// before its target, or at it.
    #[test]
    fn a_year_takes_24_bytes_and_keeps_its_places() {
        assert_eq!(std::mem::size_of::<YearTarget>(), 24);
        let at = |key: Span, value: Span| {
            let year = YearTarget::new(2024, key, value, target("≥ 1"));
            (year.key_span(), year.span())
        };
        assert_eq!(at(100..104, 107..113), (100..104, 107..113));
        assert_eq!(at(100..106, 109..115), (100..106, 109..115));
        // Given at the target, or where it cannot be counted back from it: at the target.
        assert_eq!(at(107..113, 107..113), (107..113, 107..113));
        assert_eq!(at(0..70_000, 70_003..70_010), (70_003..70_010, 70_003..70_010));
        assert_eq!(at(0..4, 70_003..70_010), (70_003..70_010, 70_003..70_010));
        assert_eq!(at(200..204, 107..113), (107..113, 107..113));
        assert_eq!(at(5..5 + 65_535, 70_600..70_610), (70_600..70_610, 70_600..70_610));
        // The farthest and longest it counts.
        assert_eq!(at(10..20, 65_544..65_550), (10..20, 65_544..65_550));
        assert_eq!(at(10..65_544, 65_544..65_550), (10..65_544, 65_544..65_550));
        let long = 0..100_000;
        assert_eq!(at(long.clone(), long.clone()), (long.clone(), long));
    }

    #[test]
    fn a_map_of_the_years_in_order() {
        let mut targets = YearTargets::new([
            (2021, target("≥ 3"), 30..33),
            (2019, target("≥ 1"), 10..13),
            (2020, target("≥ 9"), 20..23),
            (2020, target("≥ 2"), 24..27),
        ]);
        assert_eq!(targets.keys().copied().collect::<Vec<_>>(), [2019, 2020, 2021]);
        assert_eq!(targets.get(&2020).map(|t| t.to_string()), Some(target("≥ 2").to_string()));
        assert_eq!(targets.span(2020), Some(24..27));
        assert!(targets.get(&2018).is_none() && targets.span(2022).is_none());
        assert_eq!(targets.insert(2018, target("≥ 0"), 5..8), None);
        assert!(targets.insert(2021, target("≥ 4"), 40..43).is_some());
        assert_eq!(targets.span(2021), Some(40..43));
        assert!(targets.remove(&2019).is_some() && targets.remove(&2019).is_none());
        let years: Vec<i32> = targets.iter().map(|(year, _)| *year).collect();
        assert_eq!(years, [2018, 2020, 2021]);
        assert_eq!(targets.iter().next_back().map(|(year, _)| *year), Some(2021));
        assert_eq!(targets.len(), 3);
    }
}
