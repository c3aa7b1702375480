//! Tells the tests which independent PDF tools they can check documents with:
//! - `aula_poppler`: poppler's `pdftotext` (text extraction, reading order);
//! - `aula_pikepdf`: Python with `pikepdf` (qpdf's structure checks, the
//!   catalogue, the structure tree, the fonts, the XMP metadata); the Python
//!   is `$AULA_PYTHON` if set, else `python3` (e.g.
//!   `python3 -m venv .venv && .venv/bin/pip install pikepdf`, then
//!   `AULA_PYTHON=$PWD/.venv/bin/python cargo test -p aula-documents`).
//!
//! Without a tool, the tests that need it are compiled as ignored, with the
//! reason, never as a pass that checked nothing; under `CI=true` its absence
//! is an error. Checked when this script runs: after installing a tool on a
//! machine that built without, `touch crates/documents/build.rs`.

use std::process::Command;

fn runs(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|out| out.status.success())
}

fn main() {
    println!("cargo::rustc-check-cfg=cfg(aula_poppler)");
    println!("cargo::rustc-check-cfg=cfg(aula_pikepdf)");
    println!("cargo::rerun-if-env-changed=AULA_PYTHON");
    println!("cargo::rerun-if-env-changed=CI");
    println!("cargo::rerun-if-changed=build.rs");
    let ci = std::env::var("CI").is_ok_and(|ci| ci == "true");
    let poppler = runs("pdftotext", &["-v"]);
    if poppler {
        println!("cargo::rustc-cfg=aula_poppler");
    }
    let python = std::env::var("AULA_PYTHON")
        .ok()
        .filter(|python| !python.is_empty())
        .unwrap_or_else(|| "python3".to_owned());
    let pikepdf = runs(&python, &["-c", "import pikepdf"]);
    if pikepdf {
        println!("cargo::rustc-cfg=aula_pikepdf");
        println!("cargo::rustc-env=AULA_TEST_PYTHON={python}");
    }
    if ci && !(poppler && pikepdf) {
        panic!(
            "CI checks the certificate PDF with independent tools: poppler-utils (pdftotext) and \
             Python's pikepdf must be installed before the build; pdftotext found: {poppler}, \
             pikepdf found with {python}: {pikepdf}"
        );
    }
}
