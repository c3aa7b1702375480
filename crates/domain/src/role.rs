//! Staff roles. A user may hold several (a small union's admin often
//! organises too); trainees have no account and so no role.

crate::catalogue::vocabulary! {
    /// What a staff user may do.
    Role {
        Admin => "admin",
        Organiser => "organiser",
        Trainer => "trainer",
        Accreditor => "accreditor",
    }
}
