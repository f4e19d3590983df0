//! Integration tests: one binary, one module per theme.

mod catalogue;
mod cli;
mod cross_cutting;
mod deliverables;
mod docs_sync;
mod excel;
mod export;
mod findings;
mod fixtures;
mod fuzz_replay;
mod hardening;
mod import;
mod interface;
mod overrides;
mod report;
mod report_browser;
mod revisions;
mod rollover;
mod score;
mod score_cli;
mod score_properties;
mod seed_plan;
mod streams;
mod support;
mod tables;
mod validate;
