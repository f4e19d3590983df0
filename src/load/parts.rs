//! A plan file cut into parts that parse on their own: the tree's tables in batches, everything
//! else (`[plan]`, the registries, the overrides) as the head.
//!
//! Parsing a whole file holds the parser's events for every byte of it and a value for every key
//! at once: for a plan of a hundred thousand indicators, a gigabyte for a 35 MB file. The tree's
//! tables are almost all of a plan and each stands alone, so the loader parses them a batch at a
//! time and lets each batch go before the next. A part is cut only at a header written at the
//! start of a line in its plain form (`[[indicator]]`, `[plan]`); a header written otherwise
//! stays inside the part before it. The cut is only a guess at the file's structure: the loader
//! checks that every part parsed cleanly and holds what its headers promised, and reads the file
//! whole when one does not, so that the diagnostics of a file are the same either way.

use std::ops::Range;
use std::sync::{Mutex, PoisonError};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// How many bytes of the tree's tables are parsed at once: enough that the parser's fixed cost
/// per call does not show, small enough that a batch's values stay in the processor's caches.
const BATCH_BYTES: usize = 64 * 1024;

/// A file cut into parts.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Parts {
    /// The byte ranges of everything that is not the tree's tables, in file order.
    pub head: Vec<Range<usize>>,
    /// The byte ranges of batches of the tree's tables, in file order: each starts at a header
    /// `[[mission]]`, `[[indicator]]`... and holds whole tables.
    pub batches: Vec<Range<usize>>,
    /// How many plain headers of the tree's tables the batches hold: how many nodes they give,
    /// unless some are written otherwise.
    pub tables: usize,
    /// How many of those headers each batch holds, batch by batch.
    pub batch_tables: Vec<usize>,
}

/// Cuts `text` into parts at its plain top-level headers.
pub fn split(text: &str) -> Parts {
    split_in_batches_of(text, BATCH_BYTES)
}

/// [`split`], a batch ending at the first header after `batch_bytes` bytes.
pub(super) fn split_in_batches_of(text: &str, batch_bytes: usize) -> Parts {
    let mut parts = Parts::default();
    // The part being built: its start, and whether it holds the tree's tables.
    let mut start = 0;
    let mut in_tree = false;
    // The plain headers of the tree's tables in the batch being built.
    let mut tables = 0;
    // Only a line that starts with `[` can be a header: those lines are found with `memchr`,
    // not every line of the file walked (a plan of a hundred thousand indicators has millions).
    let bytes = text.as_bytes();
    let first = (bytes.first() == Some(&b'[')).then_some(0);
    let others = memchr::memmem::find_iter(bytes, b"\n[").map(|at| at + 1);
    for line_start in first.into_iter().chain(others) {
        let line_end = memchr::memchr(b'\n', &bytes[line_start..]).map_or(text.len(), |end| line_start + end + 1);
        let Some((name, array)) = header(&text[line_start..line_end]) else { continue };
        let tree_table = array && super::tree_table(name).is_some();
        parts.tables += usize::from(tree_table);
        // A batch ends at a head table, or once it is large enough; the head ends at a tree table.
        let ends = if in_tree { !tree_table || line_start - start >= batch_bytes } else { tree_table };
        if ends && line_start > start {
            parts.push(in_tree, start..line_start, std::mem::take(&mut tables));
            start = line_start;
        }
        tables += usize::from(tree_table);
        in_tree = tree_table;
    }
    if text.len() > start || text.is_empty() {
        parts.push(in_tree, start..text.len(), tables);
    }
    parts
}

impl Parts {
    /// Adds the part `range`: a batch of the tree's tables holding `tables` plain headers of
    /// them, or a part of the head.
    fn push(&mut self, batch: bool, range: Range<usize>, tables: usize) {
        if batch {
            self.batches.push(range);
            self.batch_tables.push(tables);
        } else {
            self.head.push(range);
        }
    }
}

/// The name of a plain top-level header (`[plan]`, `[[indicator]]`) at the start of `line`, and
/// whether it is an array of tables; `None` for any other line, a dotted header included.
pub(super) fn header(line: &str) -> Option<(&str, bool)> {
    let rest = line.strip_prefix('[')?;
    let (rest, array) = match rest.strip_prefix('[') {
        Some(rest) => (rest, true),
        None => (rest, false),
    };
    let length = rest.bytes().take_while(|&b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-').count();
    let (name, rest) = rest.split_at(length);
    let rest = rest.strip_prefix(if array { "]]" } else { "]" })?;
    let rest = rest.trim_start_matches([' ', '\t']);
    let ends = rest.is_empty() || rest.starts_with('#') || rest.starts_with('\n') || rest.starts_with("\r\n");
    (!name.is_empty() && ends).then_some((name, array))
}

/// From how many batches on the work is shared among the processor's cores: a plan of a few
/// thousand indicators is read faster than threads start.
pub(super) const PARALLEL_FROM_BATCHES: usize = 16;

/// `work` of contiguous shares of `batches`, in file order: one share per core for a big file,
/// all of them in one share, on the calling thread, for a small one. A share whose thread
/// cannot be started (a limit of the system) is worked on the calling thread. What `work`
/// gives is the same however many threads there are, as long as it depends only on its share.
pub fn in_shares<'b, R: Send>(batches: &'b [Range<usize>], work: impl Fn(&'b [Range<usize>]) -> R + Sync) -> Vec<R> {
    in_shares_with(batches, |_| (), |share, ()| work(share))
}

/// [`in_shares`], each share worked on with what `give` gives for it, asked share by share in
/// file order before the work starts (a share's part of a vector that every share fills).
pub fn in_shares_with<'b, G: Send, R: Send>(
    batches: &'b [Range<usize>],
    mut give: impl FnMut(&'b [Range<usize>]) -> G,
    work: impl Fn(&'b [Range<usize>], G) -> R + Sync,
) -> Vec<R> {
    let threads = if batches.len() < PARALLEL_FROM_BATCHES {
        1
    } else {
        std::thread::available_parallelism().map_or(1, std::num::NonZero::get).min(batches.len())
    };
    if threads == 1 {
        return vec![work(batches, give(batches))];
    }
    // What a share is given is taken by whichever thread works on it: the share's own, or the
    // calling thread when the share's could not be started ([`crate::parallel::join`]).
    let shares: Vec<_> =
        batches.chunks(batches.len().div_ceil(threads)).map(|share| (share, Mutex::new(Some(give(share))))).collect();
    let work = &work;
    let work_on = move |(share, given): (&'b [Range<usize>], &Mutex<Option<G>>)| {
        let given = given.lock().unwrap_or_else(PoisonError::into_inner).take();
        given.map(|given| work(share, given))
    };
    let mut shares = shares.iter().map(|(share, given)| (*share, given));
    let first = shares.next();
    std::thread::scope(|scope| {
        let others: Vec<_> = shares.map(|share| crate::parallel::spawn(scope, share, work_on)).collect();
        let mut done: Vec<R> = first.and_then(work_on).into_iter().collect();
        done.extend(others.into_iter().filter_map(|other| crate::parallel::join(other, work_on)));
        done
    })
}

/// Parses the part `range` of `text`, its spans counted from the start of `text`; `None` when
/// it has a syntax error (the whole file then gives the error, with the parser's recovery).
pub fn parse(text: &str, range: Range<usize>) -> Option<DeTable<'_>> {
    parse_at(text, range, 0)
}

/// [`parse`] of a piece of a file (`text`) that starts `base` bytes into the file: the spans
/// count from the start of the file.
pub fn parse_at(text: &str, range: Range<usize>, base: usize) -> Option<DeTable<'_>> {
    match super::events::build(text, range.clone(), base) {
        super::events::Built::Table(table) => Some(table),
        super::events::Built::Invalid => None,
        super::events::Built::Other => parse_with_toml(text, range, base),
    }
}

/// [`parse_at`] by `toml`'s document parser, for a part of any shape.
pub(super) fn parse_with_toml(text: &str, range: Range<usize>, base: usize) -> Option<DeTable<'_>> {
    let offset = base + range.start;
    let (table, errors) = DeTable::parse_recoverable(&text[range]);
    if !errors.is_empty() {
        return None;
    }
    Some(shifted_table(table.into_inner(), offset))
}

/// `table` with every span moved `offset` bytes on.
fn shifted_table(table: DeTable<'_>, offset: usize) -> DeTable<'_> {
    // Collected, not inserted one by one: the keys come in order, and the map is built from them
    // at once.
    table
        .into_iter()
        .map(|(key, value)| {
            let span = key.span();
            (Spanned::new(span.start + offset..span.end + offset, key.into_inner()), shifted_value(value, offset))
        })
        .collect()
}

/// `value` with every span moved `offset` bytes on.
pub fn shifted_value(value: Spanned<DeValue<'_>>, offset: usize) -> Spanned<DeValue<'_>> {
    let span = value.span();
    let inner = match value.into_inner() {
        DeValue::Table(table) => DeValue::Table(shifted_table(table, offset)),
        DeValue::Array(mut array) => {
            for item in array.iter_mut() {
                let taken = std::mem::replace(item, Spanned::new(0..0, DeValue::Boolean(false)));
                *item = shifted_value(taken, offset);
            }
            DeValue::Array(array)
        }
        scalar => scalar,
    };
    Spanned::new(span.start + offset..span.end + offset, inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`split_in_batches_of`] as it was first written: every line of the file walked.
    fn split_line_by_line(text: &str, batch_bytes: usize) -> Parts {
        let mut parts = Parts::default();
        let (mut start, mut in_tree, mut at) = (0, false, 0);
        // Where each tree header starts: a batch's count is of those within it.
        let mut tree_headers = Vec::new();
        for line in text.split_inclusive('\n') {
            let line_start = at;
            at += line.len();
            let Some((name, array)) = header(line) else { continue };
            let tree_table = array && super::super::tree_table(name).is_some();
            parts.tables += usize::from(tree_table);
            if tree_table {
                tree_headers.push(line_start);
            }
            let ends = if in_tree { !tree_table || line_start - start >= batch_bytes } else { tree_table };
            if ends && line_start > start {
                let part = if in_tree { &mut parts.batches } else { &mut parts.head };
                part.push(start..line_start);
                start = line_start;
            }
            in_tree = tree_table;
        }
        if at > start || text.is_empty() {
            let part = if in_tree { &mut parts.batches } else { &mut parts.head };
            part.push(start..at);
        }
        parts.batch_tables =
            parts.batches.iter().map(|batch| tree_headers.iter().filter(|at| batch.contains(at)).count()).collect();
        parts
    }

    /// The headers found by searching for `\n[` are those found walking every line: on every
    /// plan of the project in batches of several sizes, and on files that start with a header,
    /// end without a line break, use `\r\n`, or hold `[` at the start of a line of a value.
    #[test]
    fn headers_are_found_as_walking_every_line_finds_them() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts: Vec<String> = ["plans", "examples", "tests/fixtures/check"]
            .iter()
            .flat_map(|folder| std::fs::read_dir(root.join(folder)).expect("a folder of the project"))
            .map(|entry| entry.expect("an entry").path())
            .filter(|path| path.extension().is_some_and(|e| e == "toml"))
            .map(|path| String::from_utf8_lossy(&std::fs::read(path).expect("a plan")).into_owned())
            .collect();
        assert!(texts.len() > 10);
        texts.extend(
            [
                "",
                "[",
                "[[indicator]]",
                "[[mission]]\nid = \"M1\"",
                "[plan]\r\nyear = 2024\r\n[[mission]]\r\nid = \"M1\"\r\n[[mission]] # due\r\n",
                "x = \"\"\"\n[[indicator]]\n\"\"\"\n[[indicator]]\nlist = [\n[1], [2]]\n[ [indicator]]\n",
                "\n\n[[program]]\n\n[areas]\n[[area]]\n",
            ]
            .map(String::from),
        );
        for text in &texts {
            for batch_bytes in [0, 10, 1000, BATCH_BYTES] {
                assert_eq!(split_in_batches_of(text, batch_bytes), split_line_by_line(text, batch_bytes), "{text:?}");
            }
        }
    }

    fn texts<'t>(text: &'t str, ranges: &[Range<usize>]) -> Vec<&'t str> {
        ranges.iter().map(|range| &text[range.clone()]).collect()
    }

    #[test]
    fn the_head_and_the_tree_are_cut_at_plain_headers() {
        let text = "# plan\n[plan]\nyear = 1\n\n[[area]]\nid = \"A\"\n[[mission]]\nid = \"M\"\n\
                    [[indicator]]\nid = \"I\"\n[[indicator.revision]]\nact = 1\n[indicator.targets]\n\
                    2019 = 1\n[[override]]\nnode = \"I\"\n";
        let parts = split(text);
        assert_eq!(
            texts(text, &parts.head),
            ["# plan\n[plan]\nyear = 1\n\n[[area]]\nid = \"A\"\n", "[[override]]\nnode = \"I\"\n"]
        );
        assert_eq!(
            texts(text, &parts.batches),
            [
                "[[mission]]\nid = \"M\"\n[[indicator]]\nid = \"I\"\n[[indicator.revision]]\nact = 1\n[indicator.targets]\n2019 = 1\n"
            ]
        );
    }

    #[test]
    fn headers_written_otherwise_stay_in_the_part_before() {
        for line in ["[[ indicator ]]", "  [[indicator]]", "[[\"indicator\"]]", "[indicator]", "[[indicator.x]]"] {
            let text = format!("[plan]\n{line}\n");
            let parts = split(&text);
            assert_eq!((parts.head.len(), parts.batches.len()), (1, 0), "{line}");
            assert_eq!(parts.head[0], 0..text.len(), "{line}");
        }
        assert_eq!(header("[[indicator]] # comment\r\n"), Some(("indicator", true)));
        assert_eq!(header("[plan]\t\n"), Some(("plan", false)));
        assert_eq!(header("[plan] x = 1\n"), None);
    }

    #[test]
    fn batches_hold_whole_tables_and_cover_the_tree() {
        let table = "[[indicator]]\nid = \"I\"\nname = \"................................\"\n";
        let text = format!("[plan]\n{}", table.repeat(10_000));
        let parts = split(&text);
        assert!(parts.batches.len() > 1);
        assert_eq!(parts.batches.first().map(|b| b.start), Some(7));
        assert_eq!(parts.batches.last().map(|b| b.end), Some(text.len()));
        for pair in parts.batches.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
            assert!(text[pair[1].clone()].starts_with("[[indicator]]\n"));
        }
    }

    #[test]
    fn shares_worked_on_many_threads_come_in_file_order() {
        let table = "[[indicator]]\nid = \"I\"\nname = \"................................\"\n";
        let text = format!("[plan]\n{}[[indicator]]\nid = \n", table.repeat(100_000));
        let parts = split(&text);
        assert!(parts.batches.len() >= PARALLEL_FROM_BATCHES);
        let shares = in_shares(&parts.batches, |share| {
            let mut starts = Vec::new();
            for range in share {
                let Some(table) = parse(&text, range.clone()) else { return Err(starts.len()) };
                let DeValue::Array(tables) = table.iter().next().expect("indicators").1.get_ref() else {
                    panic!("an array")
                };
                starts.extend(tables.iter().map(|t| t.span().start));
            }
            Ok(starts)
        });
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        assert_eq!(shares.len(), threads.min(parts.batches.len()));
        // The last batch holds the syntax error: every table of the shares before it came, in
        // order.
        let (last, before) = shares.split_last().expect("shares");
        let starts: Vec<usize> = before.iter().flat_map(|share| share.clone().expect("parsed")).collect();
        assert!(last.is_err());
        assert!(starts.is_sorted());
        assert!(threads == 1 || starts.first() == Some(&7));
        let shares: Vec<_> = in_shares(&parts.batches[..PARALLEL_FROM_BATCHES - 1], |share| share.len());
        assert_eq!(shares, [PARALLEL_FROM_BATCHES - 1], "a small file is one share");
    }

    #[test]
    fn spans_count_from_the_start_of_the_file() {
        let text = "[plan]\nyear = 1\n[[indicator]]\nid = \"I\"\n";
        let parts = split(text);
        let table = parse(text, parts.batches[0].clone()).expect("parses");
        let (key, value) = table.iter().next().expect("one key");
        assert_eq!(&text[key.span()], "indicator");
        let DeValue::Array(array) = value.get_ref() else { panic!("an array") };
        let DeValue::Table(indicator) = array[0].get_ref() else { panic!("a table") };
        let (id_key, id) = indicator.iter().next().expect("id");
        assert_eq!(&text[id_key.span()], "id");
        assert_eq!(&text[id.span()], "\"I\"");
        assert!(parse("x = \n", 0..5).is_none());
    }
}
