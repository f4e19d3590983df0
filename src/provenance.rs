//! Provenance: what a set of results was computed from, so that an evaluator (the OIV) can
//! reproduce the figures and check that they come from the files they were given.
//!
//! The CLI reads the files, asks git about the repository and hands the facts over; this module
//! only holds them and digests bytes. Every output that carries results (`score --format json`,
//! `export`, the report) records a [`Provenance`].

use serde::Serialize;
use sha2::{Digest, Sha256};

/// What the results were computed from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Provenance {
    /// The tool and its version, e.g. `cruscotto 0.1.0`.
    pub tool: String,
    /// The plan file.
    pub plan: InputFile,
    /// The actuals files, in the order given (a workbook is one file, whatever its sheets).
    pub actuals: Vec<InputFile>,
    /// The git repository holding the plan, when the plan is read inside one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub git: Option<GitState>,
}

/// One input file: its name as the user gave it and the digest of its bytes as read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InputFile {
    /// The file as the user named it.
    pub name: String,
    /// The SHA-256 of its bytes, in lower-case hexadecimal (what `sha256sum` prints).
    pub sha256: String,
    /// Its size in bytes.
    pub bytes: u64,
}

impl InputFile {
    /// Digests the `bytes` read from the file named `name`.
    pub fn of(name: impl Into<String>, bytes: &[u8]) -> Self {
        Self { name: name.into(), sha256: sha256_hex(bytes), bytes: bytes.len() as u64 }
    }
}

/// The state of the repository the plan was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GitState {
    /// The commit checked out (`HEAD`), in full.
    pub commit: String,
    /// Whether the tracked files had no uncommitted change: when false, the figures may come
    /// from files that differ from the commit.
    pub clean: bool,
}

/// The version of this tool, as recorded in provenance.
pub fn tool() -> String {
    format!("cruscotto {}", env!("CARGO_PKG_VERSION"))
}

/// The SHA-256 of `bytes` in lower-case hexadecimal.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for byte in digest {
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_are_those_of_sha256sum() {
        // `printf '' | sha256sum` and `printf 'abc' | sha256sum`.
        assert_eq!(sha256_hex(b""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assert_eq!(sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        let file = InputFile::of("a.csv", b"abc");
        assert_eq!((file.name.as_str(), file.bytes), ("a.csv", 3));
    }
}
