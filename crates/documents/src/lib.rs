//! Aula's documents: what is drawn or signed, from view models the caller
//! has already filled in and translated.
//!
//! Invariants kept here:
//! - No HTTP and no database: every function takes a plain view (a sheet, an
//!   issuer and an achievement, a list of bars) and returns bytes, SVG or
//!   JSON. Reading rows and translating labels is the caller's job.
//! - Nothing drawn depends on the clock: the same view gives the same bytes
//!   (a certificate's PDF date is its issue date).
//! - Fonts are embedded in the binary (`assets/fonts/`), parsed once per
//!   process, and every text is measured before it is drawn, so no text
//!   overflows its box.
//! - Keys come from the caller (storage keeps them); this crate signs with
//!   them and never stores or logs them.

mod bidi;
pub mod certificate;
pub mod charts;
pub mod credential;
pub mod data_integrity;
mod fonts;
pub mod image;
mod sfnt;
pub mod sign_in_sheet;
pub mod workbook;

pub use fonts::{PdfError, undrawable};
