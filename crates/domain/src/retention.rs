//! How long each category of personal data is kept (issue 21). An
//! administrator sets the periods within bounds; the expiry job, the
//! records of processing and the privacy notice all read the same values,
//! so what people are told is what is done.

use chrono::Duration;

use crate::{FieldErrors, Problem};

crate::catalogue::vocabulary! {
    /// A category of personal data with a retention period.
    RetentionCategory {
        PendingRegistrations => "pending_registrations",
        InactivePeople => "inactive_people",
        SentMailBodies => "sent_mail_bodies",
        SignInRecords => "sign_in_records",
        AuditEntries => "audit_entries",
        Certificates => "certificates",
        WalkIns => "walk_ins",
    }
}

impl RetentionCategory {
    /// The period a new instance starts with, in days.
    pub fn default_days(self) -> u32 {
        match self {
            RetentionCategory::PendingRegistrations => 30,
            RetentionCategory::InactivePeople => 3 * 365,
            RetentionCategory::SentMailBodies => 90,
            RetentionCategory::SignInRecords => 30,
            RetentionCategory::AuditEntries => 5 * 365,
            // Holders and universities rely on them for an accreditation's
            // whole retention period.
            RetentionCategory::Certificates => 10 * 365,
            // Names taken at an information meeting's door (issue 20): the
            // head count stays; a year covers a programme's annual report.
            RetentionCategory::WalkIns => 365,
        }
    }

    /// The shortest and longest period allowed, in days: never so short
    /// that a record disappears while it is still in use (a confirmation
    /// link lives a day, a certificate is checked for years), never longer
    /// than thirty years.
    pub fn bounds(self) -> (u32, u32) {
        match self {
            RetentionCategory::PendingRegistrations => (2, 365),
            RetentionCategory::InactivePeople => (180, 30 * 365),
            RetentionCategory::SentMailBodies => (7, 30 * 365),
            RetentionCategory::SignInRecords => (2, 365),
            RetentionCategory::AuditEntries => (180, 30 * 365),
            RetentionCategory::Certificates => (365, 30 * 365),
            RetentionCategory::WalkIns => (30, 10 * 365),
        }
    }

    /// `input` as a period of this category, in whole days.
    pub fn parse_days(self, input: &str) -> Result<u32, Problem> {
        let input = input.trim();
        if input.is_empty() {
            return Err(Problem::required());
        }
        let (min, max) = self.bounds();
        let out_of_range = || Problem::new("error-range").with("min", min).with("max", max);
        let days: u64 = input.parse().map_err(|_| {
            if input.bytes().all(|b| b.is_ascii_digit()) {
                out_of_range()
            } else {
                Problem::new("error-number")
            }
        })?;
        match u32::try_from(days) {
            Ok(days) if (min..=max).contains(&days) => Ok(days),
            _ => Err(out_of_range()),
        }
    }
}

/// A line of the records of processing: a kind of personal data Aula
/// holds, named by `data` (its words are `records-{data}-what` and
/// `records-{data}-why`), and the category whose period bounds it; `None`
/// where it lives as long as the registration it belongs to and names
/// nobody once its person is erased (`records-{data}-kept` says so).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Record {
    pub data: &'static str,
    pub period: Option<RetentionCategory>,
}

/// What Aula holds about people, why and for how long: the staff page and
/// its JSON list these, with the periods in force.
pub const RECORDS: &[Record] = &[
    Record {
        data: "identity",
        period: Some(RetentionCategory::InactivePeople),
    },
    Record {
        data: "work",
        period: Some(RetentionCategory::InactivePeople),
    },
    Record {
        data: "pending",
        period: Some(RetentionCategory::PendingRegistrations),
    },
    Record {
        data: "attendance",
        period: None,
    },
    Record {
        data: "surveys",
        period: None,
    },
    Record {
        data: "certificates",
        period: Some(RetentionCategory::Certificates),
    },
    Record {
        data: "mail",
        period: Some(RetentionCategory::SentMailBodies),
    },
    Record {
        data: "sign-ins",
        period: Some(RetentionCategory::SignInRecords),
    },
    Record {
        data: "audit",
        period: Some(RetentionCategory::AuditEntries),
    },
    Record {
        data: "walk-ins",
        period: Some(RetentionCategory::WalkIns),
    },
];

/// The period of every category, in days.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetentionPeriods {
    days: Vec<(RetentionCategory, u32)>,
}

impl Default for RetentionPeriods {
    fn default() -> Self {
        RetentionPeriods {
            days: RetentionCategory::ALL.iter().map(|c| (*c, c.default_days())).collect(),
        }
    }
}

impl RetentionPeriods {
    /// The periods as stored: a category missing takes its default; a
    /// value out of bounds (written by hand) is brought back within them.
    pub fn from_stored(stored: impl IntoIterator<Item = (RetentionCategory, i32)>) -> Self {
        let mut periods = RetentionPeriods::default();
        for (category, days) in stored {
            let (min, max) = category.bounds();
            let days = u32::try_from(days).unwrap_or(0).clamp(min, max);
            periods.set(category, days);
        }
        periods
    }

    /// The periods an administrator typed, by category code; every
    /// category is required. Errors are named by the category's code.
    pub fn parse(given: &[(&str, &str)]) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut periods = RetentionPeriods::default();
        for category in RetentionCategory::ALL {
            let value = given
                .iter()
                .find(|(code, _)| *code == category.as_str())
                .map_or("", |(_, value)| value);
            if let Some(days) = errors.take(category.as_str(), category.parse_days(value)) {
                periods.set(*category, days);
            }
        }
        errors.into_result().map(|()| periods)
    }

    fn set(&mut self, category: RetentionCategory, days: u32) {
        if let Some(entry) = self.days.iter_mut().find(|(c, _)| *c == category) {
            entry.1 = days;
        }
    }

    pub fn days(&self, category: RetentionCategory) -> u32 {
        self.days
            .iter()
            .find(|(c, _)| *c == category)
            .map_or(category.default_days(), |(_, days)| *days)
    }

    pub fn duration(&self, category: RetentionCategory) -> Duration {
        Duration::days(i64::from(self.days(category)))
    }

    /// Every category with its period, in the vocabulary's order.
    pub fn iter(&self) -> impl Iterator<Item = (RetentionCategory, u32)> + '_ {
        self.days.iter().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_lie_within_their_bounds() {
        for category in RetentionCategory::ALL {
            let (min, max) = category.bounds();
            assert!((min..=max).contains(&category.default_days()), "{category}");
        }
    }

    #[test]
    fn days_are_whole_numbers_within_bounds() {
        let c = RetentionCategory::PendingRegistrations;
        assert_eq!(c.parse_days(" 45 "), Ok(45));
        assert_eq!(c.parse_days("2"), Ok(2));
        assert_eq!(c.parse_days("365"), Ok(365));
        for refused in ["1", "366", "0", "99999999999999999999999"] {
            assert_eq!(
                c.parse_days(refused).map_err(|p| p.key),
                Err("error-range"),
                "{refused}"
            );
        }
        for refused in ["-3", "4.5", "30d", "١٠"] {
            assert_eq!(
                c.parse_days(refused).map_err(|p| p.key),
                Err("error-number"),
                "{refused}"
            );
        }
        assert_eq!(c.parse_days("  ").map_err(|p| p.key), Err("error-required"));
    }

    #[test]
    fn a_form_needs_every_category_and_names_each_problem() {
        let days: Vec<(RetentionCategory, String)> = RetentionCategory::ALL
            .iter()
            .map(|c| (*c, c.default_days().to_string()))
            .collect();
        let mut given: Vec<(&str, &str)> = days.iter().map(|(c, d)| (c.as_str(), d.as_str())).collect();
        assert_eq!(RetentionPeriods::parse(&given), Ok(RetentionPeriods::default()));
        given[0].1 = "400";
        given[5].1 = "3";
        let errors = RetentionPeriods::parse(&given).expect_err("out of bounds");
        assert_eq!(errors.get("pending_registrations")[0].key, "error-range");
        assert_eq!(errors.get("certificates")[0].key, "error-range");
        assert_eq!(errors.iter().count(), 2);
        let errors = RetentionPeriods::parse(&[]).expect_err("all missing");
        assert_eq!(errors.iter().count(), RetentionCategory::ALL.len());
    }

    #[test]
    fn every_category_is_in_the_records_of_processing() {
        for category in RetentionCategory::ALL {
            assert!(RECORDS.iter().any(|r| r.period == Some(*category)), "{category}");
        }
    }

    #[test]
    fn stored_values_out_of_bounds_are_brought_back() {
        let periods = RetentionPeriods::from_stored([
            (RetentionCategory::SentMailBodies, 1),
            (RetentionCategory::Certificates, 4000),
        ]);
        assert_eq!(periods.days(RetentionCategory::SentMailBodies), 7);
        assert_eq!(periods.days(RetentionCategory::Certificates), 4000);
        assert_eq!(periods.days(RetentionCategory::InactivePeople), 3 * 365);
    }
}
