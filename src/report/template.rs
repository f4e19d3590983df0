//! Rendering the report's data through a template (minijinja, a maintained Jinja2 engine).
//!
//! The default template is shipped inside the binary (`src/report/templates/` in the repository);
//! an office may give its own files, which replace the default ones of the same name. Every
//! variable a template uses must exist: a misspelt name is an error naming the file and line,
//! not an empty string in the published document.

use minijinja::{AutoEscape, Environment, UndefinedBehavior, Value};

use super::chart::escape;
use super::model::Report;

/// The template rendered first; it includes the others.
pub const ENTRY: &str = "report.html";

/// The default template's files, as shipped.
pub const DEFAULT_FILES: &[(&str, &str)] =
    &[("report.html", include_str!("templates/report.html")), ("style.css", include_str!("templates/style.css"))];

/// A template that cannot be compiled or rendered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct TemplateError {
    /// The template file at fault, when the engine knows it.
    pub file: Option<String>,
    /// Its line, when the engine knows it.
    pub line: Option<usize>,
    /// The engine's message.
    pub message: String,
}

impl TemplateError {
    fn from_engine(error: &minijinja::Error) -> Self {
        let mut message = match error.detail() {
            Some(detail) => format!("{}: {detail}", error.kind()),
            None => error.kind().to_string(),
        };
        let mut source = std::error::Error::source(error);
        while let Some(cause) = source {
            message.push_str(&format!(": {cause}"));
            source = cause.source();
        }
        Self { file: error.name().map(str::to_owned), line: error.line(), message }
    }
}

/// Renders `report` with the default template, its files replaced by those of `custom`
/// (name, text) where the names match.
pub fn render(report: &Report, custom: &[(String, String)]) -> Result<String, TemplateError> {
    let mut environment = Environment::new();
    environment.set_undefined_behavior(UndefinedBehavior::Strict);
    let syntax = minijinja::syntax::SyntaxConfig::builder().keep_trailing_newline(true).build();
    environment.set_syntax(syntax.expect("the default syntax with the trailing newline kept"));
    environment.set_formatter(|out, state, value| {
        if *state.auto_escape() == AutoEscape::Html && !value.is_safe() {
            // Only what HTML needs: `25/07/2019` stays readable in the page's source.
            return out.write_str(&escape(&value.to_string())).map_err(minijinja::Error::from);
        }
        minijinja::escape_formatter(out, state, value)
    });
    for (name, text) in DEFAULT_FILES {
        if !custom.iter().any(|(custom_name, _)| custom_name == name) {
            environment.add_template(name, text).map_err(|e| TemplateError::from_engine(&e))?;
        }
    }
    for (name, text) in custom {
        environment.add_template_owned(name.clone(), text.clone()).map_err(|e| TemplateError::from_engine(&e))?;
    }
    let template = environment.get_template(ENTRY).map_err(|e| TemplateError::from_engine(&e))?;
    template.render(Value::from(minijinja::value::Serde(report))).map_err(|e| TemplateError::from_engine(&e))
}
