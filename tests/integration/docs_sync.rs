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

/// The spellings the spec accepts for the keys of other shapes are the code's, and the format
/// reference names each (`"share"` in a table of values, `valore pubblico` in the types').
#[test]
fn the_format_reference_lists_the_spellings_of_other_shapes() {
    use cruscotto::plan::{BodyRule, GroupWeights, IndicatorType, LinkKind, PartsRule};

    let doc = std::fs::read_to_string(crate::support::root().join("docs/plan-format.md")).unwrap();
    let types: Vec<&str> = IndicatorType::SPELLINGS.iter().map(|(s, _)| *s).collect();
    let lists: [(&str, &[&str], &[&str]); 5] = [
        ("body", spec::BODY_RULES, BodyRule::NAMES),
        ("parts", spec::PARTS_RULES, PartsRule::NAMES),
        ("group-weights", spec::GROUP_WEIGHTS, GroupWeights::NAMES),
        ("link kind", spec::LINK_KINDS, LinkKind::NAMES),
        ("type", spec::INDICATOR_TYPES, &types),
    ];
    for (key, spec_names, code_names) in lists {
        assert_eq!(spec_names, code_names, "{key}: the spec and the code must list the same spellings");
        for name in spec_names {
            let forms = [format!("`\"{name}\"`"), format!("`{name}`")];
            assert!(forms.iter().any(|form| doc.contains(form.as_str())), "{key} spelling {name} not documented");
        }
    }
}
