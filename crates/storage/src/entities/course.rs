//! The `courses` table.

use aula_domain::catalogue::{CourseText, CourseTexts};
use aula_domain::{Language, Modality};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "courses")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub programme_id: Option<Uuid>,
    pub title: String,
    pub summary: String,
    pub objectives: Option<String>,
    pub minutes: i32,
    pub modality: Modality,
    pub language: Language,
    pub accreditation_body_id: Option<Uuid>,
    pub credits_hundredths: Option<i32>,
    pub recognised_minutes: Option<i32>,
    pub minimum_attendance_percent: i32,
    pub survey_required: bool,
    pub search_text: String,
    /// Its texts in other languages (issue 23).
    pub texts: CourseTexts,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// When it was archived (issue 20), itself or with its programme: hidden, still counted.
    pub archived_at: Option<DateTimeUtc>,
    /// The body that commissioned it (issue 20), over its programme's.
    pub commissioner: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    /// The course's words for a reader of `language` (a code, as pages
    /// have it): its text in that language where it has one, else its own.
    pub fn text(&self, language: &str) -> CourseText {
        let wanted = Language::parse(language).ok();
        match wanted.and_then(|l| self.texts.get(l)) {
            Some(text) => text.clone(),
            None => CourseText {
                language: self.language,
                title: self.title.clone(),
                summary: self.summary.clone(),
                objectives: self.objectives.clone(),
            },
        }
    }
}
