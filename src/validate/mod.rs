//! [`RawPlan`] → [`Plan`]: everything that needs more than one value to check.
//!
//! One file per family of rules: `registry` (areas, services, perspectives, scales),
//! `tree` (ids and parents), `indicators` (references, targets, units, polarity),
//! `revisions` (status, acts), `overrides` (overrides of outcomes) and `quality`
//! (findings about the plan as a whole). Every
//! rule pushes diagnostics and carries on; the plan is returned only when no error was found.

mod indicators;
mod overrides;
mod quality;
mod registry;
mod revisions;
mod tree;

use crate::diagnostic::{Diagnostic, Reporter, has_errors};
use crate::load::RawPlan;
use crate::plan::Plan;
use crate::source::SourceFile;

/// Validates `raw`, read from `source`. Returns the plan when no error was found (warnings
/// allowed); every problem goes to `diagnostics`.
pub fn validate(source: &SourceFile, mut raw: RawPlan, diagnostics: &mut Vec<Diagnostic>) -> Option<Plan> {
    let errors_before = has_errors(diagnostics);
    let mut reporter = Reporter::new(source, diagnostics);
    let registries = registry::validate(&mut reporter, &raw);
    let raw_overrides = std::mem::take(&mut raw.overrides);
    let horizon_known = raw.metadata.is_some();
    let mut plan = tree::build(&mut reporter, raw, registries);
    plan.overrides = overrides::build(&mut reporter, &plan, raw_overrides, horizon_known);
    revisions::validate(&mut reporter, &plan, horizon_known);
    quality::validate(&mut reporter, &plan);
    (!errors_before && !has_errors(diagnostics)).then_some(plan)
}
