//! Attendance: roll calls, the matrix and the sign-in sheet (`roll_call`),
//! and a video tool's participant report read into marks (`online_report`).

pub mod facilitator;
pub mod online_report;
pub mod roll_call;
