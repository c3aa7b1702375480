//! Surveys: answering by personal link and the results (`answers`), and the
//! questionnaires organisers keep (`templates`).

pub mod answers;
pub mod templates;
