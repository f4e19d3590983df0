//! Documents that must follow the code: the format reference and the committed schema.

use cruscotto::load::spec::{self, TableSpec, ValueKind};
use cruscotto::plan::Unit;

fn tables() -> Vec<&'static TableSpec> {
    fn walk(spec: &'static TableSpec, out: &mut Vec<&'static TableSpec>) {
        if out.iter().any(|s| std::ptr::eq(*s, spec)) {
            return;
        }
        out.push(spec);
        for field in spec.fields {
            if let ValueKind::Table(inner) | ValueKind::ArrayOfTables(inner) = field.kind {
                walk(inner, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(&spec::ROOT, &mut out);
    out
}

#[test]
fn the_format_reference_documents_every_key() {
    let doc = std::fs::read_to_string(crate::support::root().join("docs/plan-format.md")).unwrap();
    let mut missing = Vec::new();
    for table in tables() {
        for field in table.fields {
            let forms = [format!("`{}`", field.key), format!("[{}]", field.key), format!("[[{}]]", field.key)];
            if !forms.iter().any(|form| doc.contains(form.as_str())) {
                missing.push(format!("{} in {}", field.key, table.name));
            }
        }
    }
    assert!(missing.is_empty(), "keys not documented in docs/plan-format.md: {missing:?}");
}

#[test]
fn the_format_reference_lists_every_unit_spelling() {
    let doc = std::fs::read_to_string(crate::support::root().join("docs/plan-format.md")).unwrap();
    for (spelling, _) in Unit::SPELLINGS {
        assert!(doc.contains(&format!("`{spelling}`")), "unit spelling {spelling} not documented");
    }
    let spec_units: Vec<&str> = spec::UNITS.to_vec();
    let code_units: Vec<&str> = Unit::SPELLINGS.iter().map(|(s, _)| *s).collect();
    assert_eq!(spec_units, code_units, "spec::UNITS and Unit::SPELLINGS must list the same spellings");
}
