//! The page machinery every feature shares: the request's context and role
//! guards (`context`), the errors policy (`error`), our extractors
//! (`extract`), the doors of add-or-change forms (`forms`), lenient form input and `PATCH` merging (`input`), the
//! layout's `Chrome`, form errors and paging on pages (`pages`), the API's
//! frame and paging (`api`), CSV exports (`spreadsheet`), CSV uploads
//! (`upload`) and the judge of return addresses (`return_to`).

pub mod api;
pub mod audiences;
pub mod context;
pub mod error;
pub mod extract;
pub mod forms;
pub mod input;
pub mod pages;
pub mod return_to;
pub mod spreadsheet;
pub mod upload;
