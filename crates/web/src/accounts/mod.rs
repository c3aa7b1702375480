//! Staff accounts: users (administrators), signing in and out, and API tokens.

pub mod issuer;
pub mod networks;
pub mod organisation_admin;
pub mod organisation_pages;
pub mod organisations;
pub mod password;
pub mod sign_in;
pub mod tokens;
pub mod users;
