//! The JSON Schema of the plan format, generated from [`crate::load::spec`], so that editors
//! with a TOML language server complete and validate plans while they are typed.

use serde_json::{Map, Value, json};

use crate::diagnostic::Code;
use crate::load::spec::{self, TableSpec, ValueKind};

/// The schema as a JSON value (draft-07, the dialect TOML language servers read).
pub fn plan_schema() -> Value {
    let mut schema = table(&spec::ROOT);
    if let Value::Object(object) = &mut schema {
        object.insert("$schema".into(), json!("http://json-schema.org/draft-07/schema#"));
        object.insert("title".into(), json!("cruscotto performance plan"));
    }
    schema
}

/// The schema as pretty-printed JSON text, ending with a newline.
pub fn plan_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&plan_schema()).expect("a JSON value serializes");
    text.push('\n');
    text
}

fn table(spec: &TableSpec) -> Value {
    let mut properties = Map::new();
    for field in spec.fields {
        let mut property = kind(field.kind);
        if let Some(object) = property.as_object_mut() {
            object.insert("description".into(), json!(field.doc));
        }
        properties.insert(field.key.into(), property);
    }
    let required: Vec<&str> = spec.fields.iter().filter(|f| f.required).map(|f| f.key).collect();
    let mut object = Map::new();
    object.insert("type".into(), json!("object"));
    object.insert("description".into(), json!(spec.doc));
    object.insert("properties".into(), Value::Object(properties));
    if !required.is_empty() {
        object.insert("required".into(), json!(required));
    }
    object.insert("additionalProperties".into(), json!(false));
    Value::Object(object)
}

fn kind(kind: ValueKind) -> Value {
    let id = json!({ "type": "string", "pattern": "^[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,63}$" });
    let year = json!({ "type": "integer", "minimum": 1, "maximum": 9999 });
    let condition = json!({ "type": ["string", "integer", "number"] });
    let target = json!({ "oneOf": [condition.clone(), { "type": "array", "items": condition, "minItems": 1 }] });
    let decimal = json!({ "type": ["number", "integer", "string"] });
    let by_year = |value: Value| json!({ "type": "object", "patternProperties": { "^[0-9]{4}$": value }, "additionalProperties": false });
    match kind {
        ValueKind::String => json!({ "type": "string" }),
        ValueKind::Boolean => json!({ "type": "boolean" }),
        ValueKind::Year => year,
        ValueKind::Count => json!({ "type": "integer", "minimum": 0 }),
        ValueKind::Date => json!({ "type": "string", "format": "date" }),
        ValueKind::Decimal => decimal,
        ValueKind::Weight => json!({ "oneOf": [decimal.clone(), by_year(decimal)] }),
        ValueKind::Amounts => by_year(decimal),
        ValueKind::Id => id,
        ValueKind::IdOrIds => json!({ "oneOf": [id.clone(), { "type": "array", "items": id }] }),
        ValueKind::Years => json!({ "oneOf": [year.clone(), { "type": "array", "items": year }] }),
        ValueKind::YearPair => json!({ "type": "array", "items": year, "minItems": 2, "maxItems": 2 }),
        ValueKind::Enum(values) => json!({ "enum": values }),
        ValueKind::Strings => json!({ "type": "array", "items": { "type": "string" } }),
        ValueKind::StringOrInteger => json!({ "type": ["string", "integer"] }),
        ValueKind::Targets => json!({
            "type": "object",
            "patternProperties": { "^[0-9]{4}(-[SsQqTt][1-4])?$": target },
            "additionalProperties": false
        }),
        ValueKind::Target => target,
        ValueKind::Code => {
            let codes: Vec<&str> = Code::ALL.iter().filter(|c| c.is_acceptable()).map(|c| c.as_str()).collect();
            json!({ "enum": codes })
        }
        ValueKind::Table(spec) => table(spec),
        ValueKind::ArrayOfTables(spec) => json!({ "type": "array", "items": table(spec) }),
    }
}
