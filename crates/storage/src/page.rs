//! Pagination: every list that grows with the data is read a page at a time.

use serde::{Deserialize, Serialize};

/// Which page to read: 1-based `page`, `per_page` between 1 and 100.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct Page {
    pub page: u64,
    pub per_page: u64,
}

impl Page {
    pub const MAX_PER_PAGE: u64 = 100;

    /// Clamps what was asked for into range: a hand-edited `?page=0` still
    /// gets a sensible page. (The web layer refuses a `per_page` out of
    /// range before it gets here: `aula_web::api::page`.)
    pub fn new(page: Option<u64>, per_page: Option<u64>, default_per_page: u64) -> Self {
        Page {
            page: page.unwrap_or(1).clamp(1, 1_000_000),
            per_page: per_page.unwrap_or(default_per_page).clamp(1, Self::MAX_PER_PAGE),
        }
    }

    pub fn offset(self) -> u64 {
        (self.page - 1) * self.per_page
    }
}

impl Default for Page {
    fn default() -> Self {
        Page::new(None, None, 20)
    }
}

/// One page of results and the total they were taken from.
#[derive(Clone, Debug)]
pub struct Paged<T> {
    pub items: Vec<T>,
    pub page: Page,
    pub total: u64,
}

impl<T> Paged<T> {
    pub fn pages(&self) -> u64 {
        self.total.div_ceil(self.page.per_page).max(1)
    }

    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Paged<U> {
        Paged {
            items: self.items.into_iter().map(f).collect(),
            page: self.page,
            total: self.total,
        }
    }
}
