//! Tells the integration tests what they can run on:
//! - `aula_postgres`: with `AULA_TEST_POSTGRES_URL` unset, each database
//!   test's PostgreSQL half is compiled as ignored (and reported so), never
//!   as a pass that ran nothing;
//! - `aula_verifier`: Node and the npm packages of `tests/browser` (the
//!   DCC's `@digitalcredentials/verifier-core`, `jose`) are installed, so
//!   `tests/credentials.rs` checks Aula's credentials with them; otherwise
//!   those tests are compiled as ignored, with the reason. Under `CI=true`
//!   their absence is an error: CI must run them (`.ci/run` installs them
//!   before building). Checked when this script runs: after installing them
//!   on a machine that built without, `touch build.rs`.

use std::path::Path;
use std::process::Command;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(aula_postgres)");
    println!("cargo::rustc-check-cfg=cfg(aula_verifier)");
    println!("cargo::rerun-if-env-changed=AULA_TEST_POSTGRES_URL");
    println!("cargo::rerun-if-env-changed=CI");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=tests/browser/package-lock.json");
    if std::env::var("AULA_TEST_POSTGRES_URL").is_ok_and(|url| !url.is_empty()) {
        println!("cargo::rustc-cfg=aula_postgres");
    }
    let node = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|out| out.status.success());
    let modules = Path::new("tests/browser/node_modules");
    let packages = ["@digitalcredentials/verifier-core", "jose"]
        .iter()
        .all(|package| modules.join(package).join("package.json").is_file());
    if node && packages {
        println!("cargo::rustc-cfg=aula_verifier");
    } else if std::env::var("CI").is_ok_and(|ci| ci == "true") {
        panic!(
            "CI runs the credential verifier tests: Node and the npm packages of tests/browser \
             must be installed before the build (.ci/run does it); node found: {node}, packages found: {packages}"
        );
    }
}
