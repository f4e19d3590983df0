//! Rendering: plans, diagnostics and results → text. One function per output format; each
//! returns a `String` and the CLI writes it. Nothing here prints or reads anything.

pub mod diagnostics;
pub mod diff;
pub mod history;
mod json;
pub mod list;
pub mod long;
pub mod plan;
pub mod score;
pub mod style;
pub mod table;
pub mod template;
pub mod tree;
pub mod words;
