//! A plan read as its bytes arrive, a piece at a time: the file's text is never held whole.
//!
//! [`super::load`] takes the whole text, and the caller holds it for as long as the plan is
//! checked, for the diagnostics that quote it: for a plan of a hundred thousand indicators, 34 MiB
//! beside the plan itself. [`PlanStream`] takes the bytes a few at a time instead. Once enough of
//! them have arrived, it cuts them at the last plain header of a tree's table (`[[indicator]]`)
//! whose line is whole, reads the piece before it in parts as [`super::load`] would ([`parts`]),
//! and lets the piece go: its head parts are kept (they are parsed with the rest of the head at
//! the end), its tables become nodes. The [`SourceFile`] the stream reads for is
//! [`SourceFile::deferred`]: the text is fetched only if a diagnostic quotes it.
//!
//! A piece always ends where [`parts::split`] of the whole file cuts a part, so reading a file a
//! piece at a time gives the parts [`super::load`] would have read, in batches cut differently:
//! the same plan and the same findings. A file that cannot be read in parts (a syntax error, a
//! table written in two places) is read whole at the end, from the text the source fetches.

use super::parts;
use super::{MOST_NODES_RESERVED, NotInParts, RawPlan, Tree, assemble, load_whole, parse_head, read_tree};
use crate::diagnostic::Diagnostic;
use crate::source::SourceFile;

/// How many bytes arrive before a piece is cut: enough that a piece holds many batches (its
/// batches are read on every core), little beside the plan it gives.
const PIECE_BYTES: usize = 4 * 1024 * 1024;

/// The bytes given to a [`PlanStream`] are not UTF-8 text. The caller reads the file whole to
/// report it (`crate::decode_source` names the first byte that is not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotText;

impl std::fmt::Display for NotText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the plan is not UTF-8 text")
    }
}

impl std::error::Error for NotText {}

/// A plan file read as its bytes arrive ([`PlanStream::push`]), then finished
/// ([`PlanStream::finish`]) into what [`super::load`] gives for the whole file.
///
/// The bytes are the file's as they are stored, without a byte order mark: a file with one, or
/// in another encoding, is decoded whole first (`crate::decode_source`).
pub struct PlanStream<'s> {
    source: &'s SourceFile,
    /// How many bytes arrive before a piece is cut ([`PIECE_BYTES`]; smaller in tests).
    piece_bytes: usize,
    /// The bytes arrived and not read yet.
    pending: Vec<u8>,
    /// How many bytes of the file come before `pending`.
    offset: usize,
    /// How many bytes pending must hold before a cut is looked for: again only once they have
    /// doubled, when the last look found none (a head far larger than a piece, or a file
    /// without tables), so that a long search is not repeated at every push.
    next_look: usize,
    /// The head's parts read so far, each with where it starts in the file.
    head: Vec<(usize, String)>,
    /// The tree's tables read so far.
    tree: Tree,
    /// How many plain headers of the tree's tables the pieces read so far hold.
    tables: usize,
    /// The file cannot be read in parts: it is read whole at the end, and meanwhile its bytes
    /// are only checked to be text.
    whole: bool,
}

impl<'s> PlanStream<'s> {
    /// A stream for the plan file `source`, [`SourceFile::deferred`] with the file's length
    /// (which makes the room for the plan's nodes the right size at once, from the first piece)
    /// and a way to fetch its text should a diagnostic quote it.
    pub fn new(source: &'s SourceFile) -> Self {
        Self::with_piece_bytes(source, PIECE_BYTES)
    }

    /// [`PlanStream::new`], cutting a piece once `piece_bytes` bytes have arrived: pieces of any
    /// size give the same plan and findings (the tests and the fuzz target `check_plan` cut them
    /// small), only the memory held between cuts differs.
    pub fn with_piece_bytes(source: &'s SourceFile, piece_bytes: usize) -> Self {
        let piece_bytes = piece_bytes.max(1);
        PlanStream {
            source,
            piece_bytes,
            pending: Vec::new(),
            offset: 0,
            next_look: piece_bytes,
            head: Vec::new(),
            tree: Tree::default(),
            tables: 0,
            whole: false,
        }
    }

    /// Takes the next `bytes` of the file.
    ///
    /// # Errors
    ///
    /// [`NotText`] when the bytes read so far are not UTF-8 text (found a piece at a time: bytes
    /// that are not may pass until their piece is cut).
    pub fn push(&mut self, bytes: &[u8]) -> Result<(), NotText> {
        if self.pending.capacity() == 0 {
            self.pending.reserve(self.piece_bytes.saturating_add(bytes.len()));
        }
        self.pending.extend_from_slice(bytes);
        if self.pending.len() < self.next_look {
            return Ok(());
        }
        match self.cut() {
            Some(end) => {
                self.read_piece(end)?;
                self.next_look = self.pending.len().saturating_add(self.piece_bytes);
            }
            None => self.next_look = self.pending.len().saturating_mul(2),
        }
        Ok(())
    }

    /// The plan, once every byte of the file has been pushed: what [`super::load`] gives for
    /// the whole text. Problems go to `diagnostics`; `None` when the file is not TOML at all.
    ///
    /// # Errors
    ///
    /// [`NotText`] when the bytes are not UTF-8 text.
    pub fn finish(mut self, diagnostics: &mut Vec<Diagnostic>) -> Result<Option<RawPlan>, NotText> {
        if !self.pending.is_empty() || self.offset == 0 {
            self.read_piece(self.pending.len())?;
        }
        if self.whole {
            return Ok(load_whole(self.source, diagnostics));
        }
        let before = diagnostics.len();
        let head = parse_head(self.head.iter().map(|(start, text)| (text.as_str(), 0..text.len(), *start)));
        let Ok(head) = head else {
            diagnostics.truncate(before);
            return Ok(load_whole(self.source, diagnostics));
        };
        let mut plan = assemble(self.source, diagnostics, head, std::mem::take(&mut self.tree));
        // The room made for the nodes was a guess from the first pieces.
        if let Some(plan) = &mut plan
            && plan.nodes.capacity() > plan.nodes.len() + plan.nodes.len() / 8
        {
            plan.nodes.shrink_to_fit();
        }
        Ok(plan)
    }

    /// Where to cut `pending`: at the start of the last line that is a plain header of a tree's
    /// table and ends within it; at the end of the last whole line once the file is to be read
    /// whole. `None` when there is no such line past the start.
    fn cut(&self) -> Option<usize> {
        let bytes = self.pending.as_slice();
        if self.whole {
            return memchr::memrchr(b'\n', bytes).map(|at| at + 1);
        }
        memchr::memmem::rfind_iter(bytes, b"\n[").map(|at| at + 1).find(|&start| {
            let Some(end) = memchr::memchr(b'\n', &bytes[start..]) else { return false };
            let line = std::str::from_utf8(&bytes[start..=start + end]).unwrap_or_default();
            parts::header(line).is_some_and(|(name, array)| array && super::tree_table(name).is_some())
        })
    }

    /// Reads the first `end` bytes of `pending`, a piece that ends at a cut ([`PlanStream::cut`])
    /// or at the end of the file, and lets them go.
    fn read_piece(&mut self, end: usize) -> Result<(), NotText> {
        let pending = std::mem::take(&mut self.pending);
        let text = std::str::from_utf8(&pending[..end]).map_err(|_| NotText)?;
        if !self.whole && self.read_parts(text).is_err() {
            // What was read is dropped: the whole file gives the findings.
            self.whole = true;
            self.head = Vec::new();
            self.tree = Tree::default();
        }
        self.pending = pending;
        self.pending.drain(..end);
        self.offset += end;
        Ok(())
    }

    /// Reads `text`, the piece of the file that starts at `self.offset`, in parts.
    fn read_parts(&mut self, text: &str) -> Result<(), NotInParts> {
        let cut = parts::split(text);
        for range in &cut.head {
            self.head.push((self.offset + range.start, text[range.clone()].to_owned()));
        }
        self.tables += cut.tables;
        let nodes = &mut self.tree.nodes;
        let most_slots = MOST_NODES_RESERVED.saturating_sub(nodes.len());
        // Room for the whole plan's nodes at once, guessed from how many tables the bytes read
        // so far hold, and a little more: grown by doubling, the vector would be written twice
        // and could end with room for twice the nodes.
        let needed = nodes.len() + cut.tables;
        if cut.tables <= most_slots && needed > nodes.capacity() {
            let read = self.offset + text.len();
            let guess = self.tables.saturating_mul(self.source.len().max(read)) / read.max(1);
            let room = guess.saturating_add(guess / 32).min(MOST_NODES_RESERVED).max(needed);
            nodes.reserve_exact(room - nodes.len());
        }
        read_tree(self.source, text, self.offset, &cut, most_slots, &mut self.tree)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What reading `text` gives: the plan and the findings, as text to compare.
    fn outcome(plan: Option<RawPlan>, diagnostics: &[Diagnostic]) -> String {
        format!("{plan:#?}\n{diagnostics:#?}")
    }

    /// `text` read by [`super::super::load`].
    fn loaded(text: &str) -> String {
        let source = SourceFile::new("plan.toml", text);
        let mut diagnostics = Vec::new();
        let plan = super::super::load(&source, &mut diagnostics);
        outcome(plan, &diagnostics)
    }

    /// `text` streamed in pushes of `push` bytes, a piece cut every `piece` bytes, from a
    /// deferred source; and whether the source's text was fetched.
    fn streamed(text: &str, piece: usize, push: usize) -> (String, bool) {
        let owned = text.to_owned();
        let source = SourceFile::deferred("plan.toml", text.len(), move || owned.clone());
        let mut stream = PlanStream::with_piece_bytes(&source, piece);
        for bytes in text.as_bytes().chunks(push.max(1)) {
            stream.push(bytes).expect("text");
        }
        let mut diagnostics = Vec::new();
        let plan = stream.finish(&mut diagnostics).expect("text");
        (outcome(plan, &diagnostics), source.is_held())
    }

    #[test]
    fn every_project_plan_streamed_is_read_as_loaded_whole() {
        let texts = super::super::project_plan_texts();
        assert!(texts.len() > 50, "{} plan texts", texts.len());
        for (path, text) in texts {
            let expected = loaded(&text);
            for (piece, push) in [(1, 1), (64, 7), (300, 4096), (4096, 1000), (PIECE_BYTES, 1 << 16)] {
                if piece == 1 && text.len() > 20_000 {
                    continue;
                }
                let (got, _) = streamed(&text, piece, push);
                assert_eq!(got, expected, "{path}, pieces of {piece}, pushes of {push}");
            }
        }
    }

    #[test]
    fn a_plan_read_without_findings_never_fetches_its_text_and_one_with_findings_does() {
        let mut clean = 0;
        for (path, text) in super::super::project_plan_texts() {
            let source = SourceFile::new("plan.toml", text.as_str());
            let in_parts = super::super::load_in_parts(&source, &mut Vec::new()).is_ok();
            let mut diagnostics = Vec::new();
            super::super::load(&source, &mut diagnostics);
            let (_, fetched) = streamed(&text, 512, 100);
            if in_parts && diagnostics.is_empty() {
                assert!(!fetched, "{path}: read without findings, yet its text was fetched");
                clean += 1;
            } else if diagnostics.iter().any(|d| d.location.is_some()) {
                assert!(fetched, "{path}: its findings quote it, yet its text was not fetched");
            }
        }
        assert!(clean > 10, "{clean} plans read without findings");

        let typo = "[plan]\nbody = \"Ente\"\n\n[[indicator]]\nidd = \"a\"\n";
        let (got, fetched) = streamed(typo, 16, 5);
        assert!(fetched, "a finding quoting the file fetches its text");
        assert_eq!(got, loaded(typo));
    }

    #[test]
    fn bytes_that_are_not_text_are_refused() {
        let source = SourceFile::deferred("plan.toml", 0, String::new);
        let mut stream = PlanStream::with_piece_bytes(&source, 8);
        stream.push(b"[plan]\nbody = \"caf\xE8\"\n").unwrap();
        assert_eq!(stream.push(b"[[indicator]]\nid = \"a\"\n"), Err(NotText));

        let mut stream = PlanStream::with_piece_bytes(&source, 1 << 20);
        stream.push(b"[plan]\nbody = \"caf\xE8\"\n").unwrap();
        assert_eq!(stream.finish(&mut Vec::new()).unwrap_err(), NotText);

        // Cut in the middle of a character, pushed a byte at a time: text all the same.
        let (got, _) = streamed("[plan]\nbody = \"Società\"\n[[mission]]\nid = \"è\"\n", 3, 1);
        assert_eq!(got, loaded("[plan]\nbody = \"Società\"\n[[mission]]\nid = \"è\"\n"));
    }

    #[test]
    fn a_file_read_whole_is_streamed_whole() {
        // A syntax error in the tree, then more tables: the whole file is read at the end.
        let text = "[plan]\nbody = \"Ente\"\n[[indicator]]\nid = \"a\nname = 1\n[[indicator]]\nid = \"b\"\n";
        let (got, fetched) = streamed(text, 8, 3);
        assert!(fetched);
        assert_eq!(got, loaded(text));
        // The head continued after the tree.
        let text = "[plan]\nbody = \"Ente\"\n[[mission]]\nid = \"m\"\n[plan.extra]\nx = 1\n[[mission]]\nid = \"n\"\n";
        assert_eq!(streamed(text, 8, 3).0, loaded(text));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn any_cut_of_the_seed_gives_the_same_plan(piece in 1usize..20_000, push in 1usize..9_000) {
            let text = include_str!("../../plans/maremma-tirreno-2019.toml");
            let (got, _) = streamed(text, piece, push);
            prop_assert_eq!(got, loaded(text));
        }
    }
}
