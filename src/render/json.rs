//! JSON written as [`serde_json::to_string_pretty`] writes it, but a big array one element at a
//! time: the elements are never JSON values all at once. Built whole, the values of a plan of a
//! hundred thousand indicators took ten times the memory of their text.

use serde_json::Value as Json;

/// A JSON array of elements `depth` levels deep (1 for the elements of a top-level array, 2 for
/// those of an array that is the value of a key of the top-level object), written one element at
/// a time.
pub(crate) struct PrettyArray {
    text: String,
    depth: usize,
}

impl PrettyArray {
    pub(crate) fn new(depth: usize) -> Self {
        PrettyArray { text: String::new(), depth }
    }

    pub(crate) fn push(&mut self, element: &Json) {
        self.text.push_str(if self.text.is_empty() { "[\n" } else { ",\n" });
        indent(&mut self.text, self.depth);
        push_pretty(&mut self.text, element, self.depth);
    }

    /// The array's text, as it reads nested where it is.
    pub(crate) fn finish(mut self) -> String {
        if self.text.is_empty() {
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
pub(crate) fn pretty_document(
    fields: serde_json::Map<String, Json>,
    arrays: std::collections::BTreeMap<&str, PrettyArray>,
) -> String {
    let mut entries: Vec<(String, String)> = fields
        .into_iter()
        .map(|(key, value)| {
            let mut text = String::new();
            push_pretty(&mut text, &value, 1);
            (key, text)
        })
        .collect();
    entries.extend(arrays.into_iter().map(|(key, array)| {
        debug_assert_eq!(array.depth, 2, "the arrays of a key of the top-level object");
        (key.to_owned(), array.finish())
    }));
    entries.sort_by(|(a, _), (b, _)| a.cmp(b));
    let mut out = String::with_capacity(entries.iter().map(|(k, v)| k.len() + v.len() + 8).sum::<usize>() + 4);
    out.push('{');
    for (i, (key, value)) in entries.iter().enumerate() {
        out.push_str(if i == 0 { "\n  " } else { ",\n  " });
        out.push_str(&Json::String(key.clone()).to_string());
        out.push_str(": ");
        out.push_str(value);
    }
    out.push_str(if entries.is_empty() { "}\n" } else { "\n}\n" });
    out
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
        assert_eq!(pretty_document(fields, arrays), expected);

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
