//! The Relazione sulla performance as one self-contained HTML page: the year's results in the
//! order of the Department of Public Administration's guidelines (Linee guida n. 3/2018), with
//! charts, the deviations and their reasons, the revisions of the plan, the rules applied and
//! the provenance of the figures.
//!
//! Two pure steps: [`build`] turns the plan, the actuals, the scorecard and the provenance into
//! a [`Report`], the documented data of `docs/report.md`; [`render`] writes it through a
//! template. The CLI reads the files, passes today's date, and writes the page (or prints it to
//! PDF through a browser).

mod build;
pub mod chart;
pub mod labels;
mod model;
mod template;

pub use build::{COLLAPSE_ABOVE, Inputs, build};
pub use model::*;
pub use template::{DEFAULT_FILES, ENTRY, TemplateError, render};
