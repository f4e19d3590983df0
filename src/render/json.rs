//! JSON written as [`serde_json::to_string_pretty`] writes it, but a big array one element at a
//! time: the elements are never JSON values all at once. Built whole, the values of a plan of a
//! hundred thousand indicators took ten times the memory of their text.

use serde_json::Value as Json;

use super::table::Pieces;

/// A JSON array of elements `depth` levels deep (1 for the elements of a top-level array, 2 for
/// those of an array that is the value of a key of the top-level object), written one element at
/// a time.
pub(crate) struct PrettyArray {
    text: String,
    depth: usize,
    /// Whether an element was written (its text may have been taken since).
    started: bool,
}

impl PrettyArray {
    pub(crate) fn new(depth: usize) -> Self {
        PrettyArray { text: String::new(), depth, started: false }
    }

    pub(crate) fn push(&mut self, element: &Json) {
        self.text.push_str(if self.started { ",\n" } else { "[\n" });
        self.started = true;
        indent(&mut self.text, self.depth);
        push_pretty(&mut self.text, element, self.depth);
    }

    /// How many bytes were written since the text was last taken.
    pub(crate) fn written(&self) -> usize {
        self.text.len()
    }

    /// The text written since it was last taken: the array goes on after it.
    pub(crate) fn take(&mut self) -> String {
        std::mem::take(&mut self.text)
    }

    /// The array's text (what was not taken of it), as it reads nested where it is.
    pub(crate) fn finish(mut self) -> String {
        if !self.started {
            return "[]".to_owned();
        }
        self.text.push('\n');
        indent(&mut self.text, self.depth.saturating_sub(1));
        self.text.push(']');
        self.text
    }
}

fn indent(out: &mut String, depth: usize) {
    out.extend(std::iter::repeat_n(' ', depth * 2));
}

/// `value` as [`serde_json::to_string_pretty`] writes it nested `depth` levels deep: every line
/// after the first indented by two spaces a level (a JSON string holds no line break of its own).
fn push_pretty(out: &mut String, value: &Json, depth: usize) {
    let text = serde_json::to_string_pretty(value).expect("JSON values serialize");
    let mut lines = text.split('\n');
    out.push_str(lines.next().unwrap_or_default());
    for line in lines {
        out.push('\n');
        indent(out, depth);
        out.push_str(line);
    }
}

/// The top-level object of `fields` and of the arrays written apart (elements at depth 2), its
/// keys in order, as [`serde_json::to_string_pretty`] writes it, with a final line break.
#[cfg(test)]
pub(crate) fn pretty_document(
    fields: serde_json::Map<String, Json>,
    arrays: std::collections::BTreeMap<&str, PrettyArray>,
) -> String {
    let mut out = Pieces::default();
    pretty_document_into(&mut out, fields, arrays, None);
    out.concat()
}

/// A value of the top-level object written by its own function, into the text as it goes (a
/// big array, its elements made as they are written): its key and the function.
pub(crate) type Streamed<'f, 's> = (&'f str, &'f mut dyn FnMut(&mut Pieces<'s>));

/// [`pretty_document`], written at the end of `out`, with the value of `streamed`'s key written
/// by its function where it falls among the keys.
pub(crate) fn pretty_document_into<'s>(
    out: &mut Pieces<'s>,
    fields: serde_json::Map<String, Json>,
    arrays: std::collections::BTreeMap<&str, PrettyArray>,
    mut streamed: Option<Streamed<'_, 's>>,
) {
    // Each key with its value's text, or `None` for the streamed one.
    let mut entries: Vec<(String, Option<String>)> = fields
        .into_iter()
        .map(|(key, value)| {
            let mut text = String::new();
            push_pretty(&mut text, &value, 1);
            (key, Some(text))
        })
        .collect();
    entries.extend(arrays.into_iter().map(|(key, array)| {
        debug_assert_eq!(array.depth, 2, "the arrays of a key of the top-level object");
        (key.to_owned(), Some(array.finish()))
    }));
    entries.extend(streamed.as_ref().map(|(key, _)| ((*key).to_owned(), None)));
    entries.sort_by(|(a, _), (b, _)| a.cmp(b));
    out.last().push('{');
    let empty = entries.is_empty();
    for (i, (key, value)) in entries.into_iter().enumerate() {
        let text = out.last();
        text.push_str(if i == 0 { "\n  " } else { ",\n  " });
        text.push_str(&Json::String(key).to_string());
        text.push_str(": ");
        match (value, &mut streamed) {
            (Some(value), _) => text.push_str(&value),
            (None, Some((_, write))) => write(out),
            (None, None) => unreachable!("only the streamed key has no text"),
        }
    }
    out.last().push_str(if empty { "}\n" } else { "\n}\n" });
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// The document written an array element at a time is byte for byte the one serde_json writes
    /// of the same values built whole: nested objects and arrays, empty ones, and strings holding
    /// what JSON escapes (a line break among them, which the indentation must not touch).
    #[test]
    fn the_document_written_piecewise_is_the_one_written_whole() {
        let elements = [
            json!({ "id": "S1", "name": "Riga\nnuova \"citata\" \u{202E} — à", "parts": [{ "a": 1 }, []], "x": {} }),
            json!({ "id": "S2", "nested": { "deeper": [1, 2, { "z": null }] }, "empty": [] }),
            json!("a string element"),
        ];
        let fields = json!({ "plan": { "year": 2019 }, "year": 2019, "overrides": [], "zeta": "last" });
        let Json::Object(fields) = fields else { unreachable!() };

        let mut whole = fields.clone();
        whole.insert("indicators".into(), Json::Array(elements.to_vec()));
        whole.insert("areas".into(), Json::Array(elements[..1].to_vec()));
        whole.insert("missing".into(), Json::Array(Vec::new()));
        let mut expected = serde_json::to_string_pretty(&Json::Object(whole)).unwrap();
        expected.push('\n');

        let mut arrays = std::collections::BTreeMap::new();
        let mut indicators = PrettyArray::new(2);
        for element in &elements {
            indicators.push(element);
        }
        let mut areas = PrettyArray::new(2);
        areas.push(&elements[0]);
        arrays.insert("indicators", indicators);
        arrays.insert("areas", areas);
        arrays.insert("missing", PrettyArray::new(2));
        assert_eq!(pretty_document(fields.clone(), arrays), expected);

        // The indicators written by a function where their key falls, their text taken after
        // each element and given to a sink as it goes.
        let mut arrays = std::collections::BTreeMap::new();
        let mut areas = PrettyArray::new(2);
        areas.push(&elements[0]);
        arrays.insert("areas", areas);
        arrays.insert("missing", PrettyArray::new(2));
        let mut given = String::new();
        let mut pieces = 0;
        let mut sink = |piece: &str| {
            given.push_str(piece);
            pieces += 1;
            true
        };
        let mut out = Pieces::to(&mut sink);
        let mut write = |out: &mut Pieces<'_>| {
            let mut indicators = PrettyArray::new(2);
            for element in &elements {
                indicators.push(element);
                out.add(indicators.take());
            }
            out.add(indicators.finish());
        };
        pretty_document_into(&mut out, fields, arrays, Some(("indicators", &mut write)));
        out.finish();
        assert_eq!(given, expected);
        assert!(pieces > elements.len(), "{pieces} pieces");

        assert_eq!(pretty_document(serde_json::Map::new(), std::collections::BTreeMap::new()), "{}\n");
    }

    /// A top-level array written an element at a time is serde_json's, empty or not.
    #[test]
    fn a_top_level_array_written_piecewise_is_the_one_written_whole() {
        let elements = [json!({ "id": "S1", "nested": { "a": [1, {}] }, "text": "a\nb" }), json!([]), json!(null)];
        for count in 0..=elements.len() {
            let mut array = PrettyArray::new(1);
            for element in &elements[..count] {
                array.push(element);
            }
            let whole = serde_json::to_string_pretty(&Json::Array(elements[..count].to_vec())).unwrap();
            assert_eq!(array.finish(), whole, "{count} elements");
        }
    }
}
