//! Integration tests: one binary, one module per theme.

mod check_fixtures;
mod cli;
mod docs_sync;
mod seed_plan;
mod support;
mod validate;
