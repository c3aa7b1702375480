//! Tells the integration tests whether PostgreSQL is there to run on: with
//! `AULA_TEST_POSTGRES_URL` unset, each database test's PostgreSQL half is
//! compiled as ignored (and reported so), never as a pass that ran nothing.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(aula_postgres)");
    println!("cargo::rerun-if-env-changed=AULA_TEST_POSTGRES_URL");
    println!("cargo::rerun-if-changed=build.rs");
    if std::env::var("AULA_TEST_POSTGRES_URL").is_ok_and(|url| !url.is_empty()) {
        println!("cargo::rustc-cfg=aula_postgres");
    }
}
