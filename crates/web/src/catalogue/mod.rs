//! The catalogue: what the public browses (`public`), and the records
//! organisers and administrators keep — programmes, courses, accreditation
//! bodies, regions — and programmes' outreach beside training (issue 20).

pub mod archive;
pub mod audiences;
pub mod bodies;
pub mod branding;
pub mod course_texts;
pub mod courses;
pub mod funders;
pub mod outreach;
pub mod programmes;
pub mod public;
pub mod regions;
