//! The demo's past activity, written in bulk: people, the past editions of
//! every course with their meetings, registrations (confirmed, cancelled,
//! waitlisted, never confirmed), attendance marks, fixed completions,
//! surveys with their invitations and anonymous answers, and certificates.
//!
//! # One plan, written N times
//!
//! [`Plan::build`] decides everything once, without the database and
//! without randomness (every choice is a hash of the indices it is about):
//! one *block* of activity, i.e. [`PAST`]'s 26 past editions (22 of the
//! union's courses, 4 of the French project's) and about 1,130 people.
//! `aula demo` writes one block; `aula demo --scale N` writes N of them
//! ([`build_block`], [`BlockRows::write`]), each with its own people (the
//! block's number is in their e-mail addresses) and its own editions (moved
//! up to 40 days later than the first block's, so months fill
//! differently). One block is about 1,230 registrations and 6,400
//! attendance marks, so 770 blocks make about a million and five million.
//!
//! A block's rows become multi-row inserts (at most `MAX_PARAMS` bound
//! values each, under SQLite's and PostgreSQL's limits), built apart from
//! the database and dropped once written: memory holds one block per
//! writer, whatever N. The loader (`demo::load_scaled`) writes the
//! catalogue and the first block in one transaction, then ten blocks per
//! transaction, two transactions at once on PostgreSQL; [`Tuning`] gives
//! SQLite's writer a page cache big enough for the indexes with random keys.
//! The open editions' registrations (12 each) are written with the first
//! block only, through the repository. The French project's people are its
//! own: nothing of it counts in the union's figures.
//!
//! # How the union programme's published figures come out exactly
//!
//! The report says: 1,002 people registered, 620 completed, 105 workplaces,
//! 4 regions of in-person training, satisfaction 4.6 out of 5. One block
//! gives exactly these for programme 0; N blocks give N times the first two
//! (blocks share no one) and the same 4.6, 105 and 4:
//!
//! 1. *Rosters first, people later.* Each past edition gets a roster: how
//!    many were placed (confirmed, or waitlisted when the seats were gone),
//!    cancelled while pending (none is left unconfirmed: the product erases
//!    such requests after 30 days); who cancelled (a confirmed
//!    cancellation promotes the lowest ticket still waiting, as
//!    `registrations::promote` does); and for everyone seated, a mark at
//!    every meeting (present, late, excused, absent; online meetings with
//!    reported minutes for some). Attended minutes and completion are then
//!    computed with `aula_domain::attendance`, the rule the product applies,
//!    so "completed" is what the marks say, not what was intended.
//! 2. *People are given to roster entries with exact counts.* Going through
//!    the completed entries in time order, `C − 620` of them (C = completed
//!    entries) go to someone who already completed another course, spread
//!    evenly; the others to a new person: exactly 620 beneficiaries. Then
//!    the placed entries that did not complete (partial attendance,
//!    no-shows, cancellations, people left on the waiting list): all but
//!    382 go to someone already registered, so 620 + 382 = 1,002 people
//!    reached a seat or the waiting list. Entries never placed (cancelled
//!    while pending) get new people or people already there;
//!    neither counts. The open editions' 12 people are people already
//!    registered, so they change no distinct count. A person is never given
//!    two registrations in one course, and someone in an in-person course
//!    lives in its venue's region.
//! 3. *Regions.* In-person participants come from the four venues' regions
//!    (Andalucía, Castilla y León, Illes Balears, Extremadura): 4 regions
//!    with modality in person. Everyone else comes from all 19 Spanish
//!    regions in a weighted rotation (`ONLINE_REGIONS`).
//! 4. *Workplaces.* Once it is known who took part (present or late at one
//!    meeting at least), participants get the workplaces of their region in
//!    rotation, leaving out five (`NO_SHOW_WORKPLACES`) that only people
//!    who never came have: each region has more participants than
//!    workplaces, so all 110 − 5 = 105 appear among participants.
//! 5. *Satisfaction.* Participants are invited when the survey opens (not
//!    the first edition, which had none); about three in four who completed
//!    and two in five of the others answer. The number of answers R is made
//!    a multiple of 5 (a few answers of people who did not complete are
//!    dropped), then the overall scores are dealt out so that they add up
//!    to 4.6 × R: n₅ = 0.6R + n₃ + 2n₂ + 3n₁ fives and n₄ = 0.4R − 2n₃ −
//!    3n₂ − 4n₁ fours, with a few threes, twos and ones.
//!
//! [`Plan::build`] checks these figures on the plan it built and refuses to
//! go on if one is off; the unit tests below check them too.
//!
//! Certificates go to the completed registrations of the university's
//! courses (where the course asks for the survey, to those who answered),
//! numbered without gaps per year; four are revoked. The last edition of an
//! accredited course has none yet, so an organiser can issue them.

use std::collections::{BTreeMap, HashMap};

use aula_domain::attendance as rule;
use aula_domain::attendance::MarkSource;
use aula_domain::indicators::{Figures, Tally};
use aula_domain::registration::RegistrationSource;
use aula_domain::{AttendanceStatus, Audience, Language, RegistrationStatus, SessionStatus, SessionTimeZone};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbBackend, EntityTrait, QueryTrait, Set, Statement};
use uuid::Uuid;

use crate::content::{self, DemoCourse};
use aula_storage::entities::{
    accreditation_body, attendance, certificate, certificate_counter, completion, course, meeting, person,
    registration, session, session_trainer, survey, survey_answer, survey_invitation, survey_response,
};
use aula_storage::secrets::{self, LinkKey};
use aula_storage::{Result, StorageError, new_id};

/// The union programme's published figures, reproduced by one block.
pub const REGISTERED_PEOPLE: u64 = 1002;
pub const BENEFICIARIES: u64 = 620;
pub const WORKPLACES: u64 = 105;
/// Satisfaction, in tenths: 4.6.
pub const SATISFACTION_TENTHS: u64 = 46;
/// Regions of the union's in-person participants.
pub const IN_PERSON_REGIONS: u64 = 4;

/// The programme whose figures are published.
const UNION: usize = 0;

/// Past editions of one block: (course index, days before today of the
/// first meeting), oldest first. The oldest (an in-person course) had no
/// survey, so an organiser can open one; the oldest accredited one does not
/// ask for the survey and has its certificates; the most recent accredited
/// one has none issued yet.
pub const PAST: &[(usize, i64)] = &[
    (0, 545),
    (5, 530),
    (1, 510),
    (7, 500),
    (2, 480),
    (4, 470),
    (3, 450),
    (6, 440),
    (10, 420),
    (8, 400),
    (12, 390),
    (0, 365),
    (1, 330),
    (11, 300),
    (2, 298),
    (3, 270),
    (5, 250),
    (7, 225),
    (4, 200),
    (6, 180),
    (9, 160),
    (0, 150),
    (12, 130),
    (1, 120),
    (2, 95),
    (3, 70),
];

/// Where people taking online courses and webinars work: each Spanish
/// region with a weight (roughly its share of public employment, at least 1).
const ONLINE_REGIONS: &[(&str, u32)] = &[
    ("ES-AN", 14),
    ("ES-CT", 12),
    ("ES-MD", 11),
    ("ES-VC", 8),
    ("ES-GA", 4),
    ("ES-CL", 4),
    ("ES-PV", 4),
    ("ES-CN", 4),
    ("ES-CM", 3),
    ("ES-MC", 3),
    ("ES-AR", 2),
    ("ES-IB", 2),
    ("ES-EX", 2),
    ("ES-AS", 2),
    ("ES-NC", 1),
    ("ES-CB", 1),
    ("ES-RI", 1),
    ("ES-CE", 1),
    ("ES-ML", 1),
];

/// Workplaces (indices into `content::WORKPLACES`) of people who registered
/// but never came: no participant works there.
const NO_SHOW_WORKPLACES: &[usize] = &[72, 73, 74, 75, 76];

/// At most this many values bound in one statement (SQLite allows 32,766,
/// PostgreSQL 65,535).
const MAX_PARAMS: usize = 30_000;

const SEED: u64 = 0x00a0_1a2d_e302_6b10;

/// SplitMix64: a well-mixed 64-bit hash of `x`.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// A hash of several indices: every choice of the plan is one.
fn h(parts: &[u64]) -> u64 {
    parts.iter().fold(SEED, |acc, p| mix(acc ^ mix(*p)))
}

fn below(hash: u64, n: usize) -> usize {
    (hash % n.max(1) as u64) as usize
}

fn percent(hash: u64, p: u64) -> bool {
    hash % 100 < p
}

/// How a course meets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    InPerson,
    Online,
    Webinar,
    Blended,
}

fn kind(c: &DemoCourse) -> Kind {
    match (c.modality, c.meetings) {
        ("online", 1) => Kind::Webinar,
        ("online", _) => Kind::Online,
        ("blended", _) => Kind::Blended,
        _ => Kind::InPerson,
    }
}

/// Seats of every edition of course `index`: the French project's groups
/// are 25, 20 and 15 people; webinars take 150.
pub fn capacity(index: usize) -> u32 {
    let c = &content::COURSES[index];
    match (c.programme, kind(c)) {
        (1 | 3 | 4, _) if c.meetings >= 8 => 25,
        (1 | 3 | 4, _) if c.meetings >= 5 => 20,
        (1 | 3 | 4, _) => 15,
        (_, Kind::Webinar) => 100,
        (_, Kind::Online) => 70,
        _ => 25,
    }
}

/// Whether course `index` asks for the survey before the certificate (half
/// of the university's courses).
pub fn survey_required(index: usize) -> bool {
    content::COURSES[index].accredited && index.is_multiple_of(2)
}

/// The region code of an in-person or blended course's venue.
fn venue_region(c: &DemoCourse) -> Option<&'static str> {
    c.place.and_then(|p| content::PLACES.get(p)).map(|p| p.region_code)
}

fn meeting_minutes(c: &DemoCourse) -> u32 {
    c.meeting_hours * 60
}

fn session_minutes(c: &DemoCourse) -> u64 {
    u64::from(c.meetings) * u64::from(meeting_minutes(c))
}

/// The minimum attendance of the demo's courses.
const PERCENT: u8 = 80;

// ----- the plan --------------------------------------------------------------

/// What became of a registration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fate {
    /// Confirmed when the session began (perhaps promoted from the waiting list).
    Seated,
    /// Confirmed, then cancelled before the start.
    CancelledSeated,
    /// Waitlisted, then cancelled.
    CancelledWaiting,
    /// Still waiting when the session began.
    Waiting,
    /// Cancelled before confirming. (None is left unconfirmed: a request
    /// never confirmed is erased after the pending-registration period,
    /// 30 days by default, and every past edition's requests are older;
    /// the demo's first start erased 62 of them and 44 people: session
    /// 29's attack round.)
    CancelledPending,
}

impl Fate {
    fn placed(self) -> bool {
        !matches!(self, Fate::CancelledPending)
    }

    fn status(self) -> RegistrationStatus {
        match self {
            Fate::Seated => RegistrationStatus::Confirmed,
            Fate::Waiting => RegistrationStatus::Waitlisted,
            Fate::CancelledSeated | Fate::CancelledWaiting | Fate::CancelledPending => RegistrationStatus::Cancelled,
        }
    }
}

/// Where a registration came from.
type Via = RegistrationSource;

/// One survey answer.
#[derive(Clone, Debug, Default)]
struct Answer {
    overall: u8,
    relevance: u8,
    trainers: u8,
    organisation: u8,
    /// 0 yes, 1 maybe, 2 no.
    recommend: u8,
    apply: Option<usize>,
    change: Option<usize>,
    /// Days after the survey opened.
    after_days: i64,
}

/// One registration of a past edition.
#[derive(Clone, Debug)]
struct Slot {
    person: usize,
    fate: Fate,
    via: Via,
    /// The waiting-list ticket it was given, if it was waitlisted.
    ticket: Option<i64>,
    /// Its cancellation (an index into the session's cancellations, in time order).
    event: Option<usize>,
    /// The cancellation that gave it its seat.
    promoted_by: Option<usize>,
    marks: Vec<(AttendanceStatus, Option<u32>)>,
    attended_minutes: u32,
    attended_meetings: u32,
    completed: bool,
    invited: bool,
    answer: Option<Answer>,
    /// `Some(revoked)` if it has a certificate.
    certificate: Option<bool>,
}

/// A past edition.
#[derive(Clone, Debug)]
struct PlanSession {
    course: usize,
    days_ago: i64,
    capacity: u32,
    survey: bool,
    certificates: bool,
    /// Cancellations, in time order.
    events: usize,
    /// Waiting-list tickets given.
    tickets: i64,
    slots: Vec<Slot>,
}

/// A person, before names and ids (those change with the block).
#[derive(Clone, Debug)]
struct PlanPerson {
    programme: usize,
    region: Option<&'static str>,
    workplace: &'static str,
    job_title: &'static str,
    audience: &'static str,
    /// Courses registered for (a bit per course index).
    courses: u32,
    /// Their first registration: (session, slot).
    first: (usize, usize),
}

/// One block of activity, decided once.
#[derive(Clone, Debug)]
pub struct Plan {
    people: Vec<PlanPerson>,
    sessions: Vec<PlanSession>,
    /// The open editions' people, by course: written with the first block.
    future: Vec<(usize, Vec<usize>)>,
}

/// What one block writes, or the whole demo.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub people: u64,
    pub sessions: u64,
    pub registrations: u64,
    pub attendance: u64,
    pub responses: u64,
    pub certificates: u64,
}

impl Summary {
    pub fn add(&mut self, other: &Summary) {
        self.people += other.people;
        self.sessions += other.sessions;
        self.registrations += other.registrations;
        self.attendance += other.attendance;
        self.responses += other.responses;
        self.certificates += other.certificates;
    }
}

fn plan_error(what: &str) -> StorageError {
    StorageError::Db(sea_orm::DbErr::Custom(format!("demo plan: {what}")))
}

impl Plan {
    /// Decides one block, and checks the union programme's figures.
    pub fn build() -> Result<Plan> {
        let mut sessions: Vec<PlanSession> = PAST
            .iter()
            .enumerate()
            .map(|(s, (course, days_ago))| roster(s, *course, *days_ago))
            .collect();
        if let Some(first) = sessions.first_mut() {
            first.survey = false;
        }
        // The most recent accredited edition: certificates not issued yet.
        if let Some(last) = sessions
            .iter_mut()
            .rev()
            .find(|s| content::COURSES[s.course].accredited)
        {
            last.certificates = false;
        }
        answer_surveys(&mut sessions);
        let mut plan = Plan {
            people: Vec::new(),
            sessions,
            future: Vec::new(),
        };
        for programme in 0..content::PROGRAMMES.len() {
            plan.allocate(programme)?;
        }
        plan.assign_workplaces();
        plan.issue_certificates();
        plan.check()?;
        Ok(plan)
    }

    /// Summary of one block; `first` adds the open editions' registrations.
    pub fn summary(&self, first: bool) -> Summary {
        let slots = || self.sessions.iter().flat_map(|s| s.slots.iter());
        Summary {
            people: self.people.len() as u64,
            sessions: self.sessions.len() as u64,
            registrations: slots().count() as u64
                + if first {
                    self.future.iter().map(|(_, p)| p.len() as u64).sum()
                } else {
                    0
                },
            attendance: slots().map(|s| s.marks.len() as u64).sum(),
            responses: slots().filter(|s| s.answer.is_some()).count() as u64,
            certificates: slots().filter(|s| s.certificate.is_some()).count() as u64,
        }
    }

    /// `programme`'s figures in one block (`first`: with the open editions),
    /// as the indicators define them, counted on the plan.
    pub fn figures(&self, programme: usize, first: bool, in_person_only: bool) -> Figures {
        use std::collections::HashSet;
        let mut f = Figures::default();
        let mut registered = HashSet::new();
        let mut beneficiaries = HashSet::new();
        let mut participants = HashSet::new();
        let mut satisfaction = Tally::default();
        for s in &self.sessions {
            let c = &content::COURSES[s.course];
            if c.programme != programme || (in_person_only && kind(c) != Kind::InPerson) {
                continue;
            }
            let mut held = false;
            for slot in &s.slots {
                if slot.fate.placed() {
                    f.registrations += 1;
                    registered.insert(slot.person);
                }
                if slot.attended_meetings > 0 {
                    f.participants += 1;
                    participants.insert(slot.person);
                    held = true;
                }
                if slot.completed {
                    f.completions += 1;
                    beneficiaries.insert(slot.person);
                }
                f.attended_minutes += u64::from(slot.attended_minutes);
                f.survey_invitations += u64::from(slot.invited);
                if let Some(a) = &slot.answer {
                    f.survey_answers += 1;
                    satisfaction.count += 1;
                    satisfaction.sum += u64::from(a.overall);
                }
                if let Some(revoked) = slot.certificate {
                    f.certificates_issued += 1;
                    f.certificates_revoked += u64::from(revoked);
                }
            }
            f.sessions_held += u64::from(held);
        }
        if first {
            for (course, people) in &self.future {
                let c = &content::COURSES[*course];
                if c.programme == programme && !(in_person_only && kind(c) != Kind::InPerson) {
                    f.registrations += people.len() as u64;
                    registered.extend(people.iter().copied());
                }
            }
        }
        f.registered_people = registered.len() as u64;
        f.beneficiaries = beneficiaries.len() as u64;
        let workplaces: HashSet<String> = participants
            .iter()
            .map(|p| self.people[*p].workplace.trim().to_lowercase())
            .collect();
        f.workplaces = workplaces.len() as u64;
        let regions: HashSet<&str> = participants.iter().filter_map(|p| self.people[*p].region).collect();
        f.regions = regions.len() as u64;
        f.satisfaction = Some(satisfaction);
        f
    }

    /// The published figures, or an error naming the first one that is off.
    fn check(&self) -> Result<()> {
        let all = self.figures(UNION, true, false);
        let in_person = self.figures(UNION, true, true);
        let satisfaction = all.satisfaction.unwrap_or_default();
        let checks = [
            ("registered people", all.registered_people, REGISTERED_PEOPLE),
            ("beneficiaries", all.beneficiaries, BENEFICIARIES),
            ("workplaces", all.workplaces, WORKPLACES),
            ("in-person regions", in_person.regions, IN_PERSON_REGIONS),
            (
                "satisfaction",
                satisfaction.sum * 10,
                satisfaction.count * SATISFACTION_TENTHS,
            ),
        ];
        for (what, got, wanted) in checks {
            if got != wanted {
                return Err(plan_error(&format!("{what}: {got}, not {wanted}")));
            }
        }
        Ok(())
    }

    /// A new person of `programme`, first registered at (`session`, `slot`).
    fn new_person(&mut self, programme: usize, session: usize, slot: usize, online_rotation: &mut usize) -> usize {
        let c = &content::COURSES[self.sessions[session].course];
        let index = self.people.len();
        let region = match venue_region(c) {
            Some(region) if kind(c) != Kind::Online && kind(c) != Kind::Webinar => Some(region),
            _ => {
                let region = online_region(*online_rotation);
                *online_rotation += 1;
                Some(region)
            }
        };
        let hash = h(&[11, index as u64]);
        self.people.push(PlanPerson {
            programme,
            region,
            workplace: "",
            job_title: if programme == UNION {
                content::JOB_TITLES[below(hash, content::JOB_TITLES.len())]
            } else {
                content::FR_JOB_TITLES[below(hash, content::FR_JOB_TITLES.len())]
            },
            audience: c.audiences[below(hash >> 20, c.audiences.len())],
            courses: 0,
            first: (session, slot),
        });
        index
    }

    /// Whether `person` may take `course`: same programme, not registered
    /// for it yet, and living in its venue's region if it meets in person.
    fn fits(&self, person: usize, course: usize) -> bool {
        let p = &self.people[person];
        let c = &content::COURSES[course];
        p.programme == c.programme
            && p.courses & (1 << course) == 0
            && match kind(c) {
                Kind::InPerson | Kind::Blended => p.region == venue_region(c),
                Kind::Online | Kind::Webinar => true,
            }
    }

    /// The first of `pool`, from a place given by `hash`, that `fits`.
    fn candidate(&self, pool: &[usize], course: usize, hash: u64) -> Option<usize> {
        let start = below(hash, pool.len());
        (0..pool.len())
            .map(|i| pool[(start + i) % pool.len()])
            .find(|p| self.fits(*p, course))
    }

    fn give(&mut self, session: usize, slot: usize, person: usize) {
        let course = self.sessions[session].course;
        let s = &mut self.sessions[session].slots[slot];
        s.person = person;
        self.people[person].courses |= 1 << course;
    }

    /// Gives each of `entries` a person: someone of `pool` who has not taken
    /// the course while fewer than their share of `returning` (spread evenly)
    /// went to a returning person, else a new person, added to `pool`.
    /// Returns how many went to a returning person.
    fn fill(
        &mut self,
        programme: usize,
        entries: &[(usize, usize)],
        pool: &mut Vec<usize>,
        returning: usize,
        salt: u64,
        rotation: &mut usize,
    ) -> usize {
        let mut returned = 0;
        for (k, (s, i)) in entries.iter().copied().enumerate() {
            let due = (k + 1) * returning / entries.len().max(1);
            let course = self.sessions[s].course;
            let again = if returned < due {
                self.candidate(pool, course, h(&[salt, s as u64, i as u64]))
            } else {
                None
            };
            let person = match again {
                Some(p) => {
                    returned += 1;
                    p
                }
                None => {
                    let p = self.new_person(programme, s, i, rotation);
                    pool.push(p);
                    p
                }
            };
            self.give(s, i, person);
        }
        returned
    }

    /// Gives people to `programme`'s roster entries (see the module's doc).
    fn allocate(&mut self, programme: usize) -> Result<()> {
        let entries = |plan: &Plan, which: fn(&Slot) -> bool| -> Vec<(usize, usize)> {
            let mut out = Vec::new();
            for (s, session) in plan.sessions.iter().enumerate() {
                if content::COURSES[session.course].programme != programme {
                    continue;
                }
                for (i, slot) in session.slots.iter().enumerate() {
                    if which(slot) {
                        out.push((s, i));
                    }
                }
            }
            out
        };
        let completed = entries(self, |s| s.completed);
        let others = entries(self, |s| s.fate.placed() && !s.completed);
        let unplaced = entries(self, |s| !s.fate.placed());
        let (repeats, reuses) = if programme == UNION {
            let repeats = completed.len().checked_sub(BENEFICIARIES as usize);
            let reuses = others.len().checked_sub((REGISTERED_PEOPLE - BENEFICIARIES) as usize);
            match (repeats, reuses) {
                (Some(r), Some(u)) => (r, u),
                _ => return Err(plan_error("too few registrations for the union's figures")),
            }
        } else {
            (completed.len() / 10, others.len() / 4)
        };
        let mut rotation = 0;
        let mut completers = Vec::new();
        let done = self.fill(programme, &completed, &mut completers, repeats, 21, &mut rotation);
        let mut registered = completers;
        let reused = self.fill(programme, &others, &mut registered, reuses, 22, &mut rotation);
        if programme == UNION && (done != repeats || reused != reuses) {
            return Err(plan_error(&format!(
                "people: {done} of {repeats} second completions, {reused} of {reuses} second registrations"
            )));
        }
        for (s, i) in unplaced {
            let course = self.sessions[s].course;
            let hash = h(&[23, s as u64, i as u64]);
            let person = match percent(hash, 25).then(|| self.candidate(&registered, course, hash >> 8)) {
                Some(Some(p)) => p,
                _ => self.new_person(programme, s, i, &mut rotation),
            };
            self.give(s, i, person);
        }
        // The open editions: twelve people already registered elsewhere.
        for (course, c) in content::COURSES.iter().enumerate() {
            if c.programme != programme {
                continue;
            }
            let mut chosen: Vec<usize> = Vec::new();
            let mut pool = registered.clone();
            for n in 0..12u64 {
                let hash = h(&[24, course as u64, n]);
                let found = self
                    .candidate(&pool, course, hash)
                    .or_else(|| (!pool.is_empty()).then(|| pool[below(hash, pool.len())]));
                let Some(p) = found else { break };
                pool.retain(|q| *q != p);
                chosen.push(p);
            }
            for p in &chosen {
                self.people[*p].courses |= 1 << course;
            }
            self.future.push((course, chosen));
        }
        Ok(())
    }

    /// Workplaces, once it is known who took part (see the module's doc).
    fn assign_workplaces(&mut self) {
        let mut took_part = vec![false; self.people.len()];
        for s in &self.sessions {
            for slot in &s.slots {
                if slot.attended_meetings > 0 {
                    took_part[slot.person] = true;
                }
            }
        }
        let mut turns: HashMap<(&str, bool), usize> = HashMap::new();
        for (index, p) in self.people.iter_mut().enumerate() {
            let region = p.region.unwrap_or_default();
            let list: Vec<&'static str> = if p.programme == UNION {
                content::WORKPLACES
                    .iter()
                    .zip(content::WORKPLACE_REGIONS)
                    .enumerate()
                    .filter(|(i, (_, r))| **r == region && !(took_part[index] && NO_SHOW_WORKPLACES.contains(i)))
                    .map(|(_, (w, _))| *w)
                    .collect()
            } else {
                content::FR_WORKPLACES
                    .iter()
                    .filter(|(_, r)| *r == region)
                    .map(|(w, _)| *w)
                    .collect()
            };
            let turn = turns.entry((region, took_part[index])).or_default();
            // Those who never came start at the end of their region's list.
            let at = if took_part[index] {
                *turn
            } else {
                list.len().saturating_sub(1 + *turn % list.len().max(1))
            };
            p.workplace = list.get(at % list.len().max(1)).copied().unwrap_or_default();
            *turn += 1;
        }
    }

    /// Certificates for the accredited editions that have them issued.
    fn issue_certificates(&mut self) {
        let mut issued = Vec::new();
        for (s, session) in self.sessions.iter_mut().enumerate() {
            if !session.certificates || !content::COURSES[session.course].accredited {
                continue;
            }
            let needs_answer = survey_required(session.course);
            for (i, slot) in session.slots.iter_mut().enumerate() {
                if slot.fate == Fate::Seated && slot.completed && (!needs_answer || slot.answer.is_some()) {
                    slot.certificate = Some(false);
                    issued.push((s, i));
                }
            }
        }
        // Four revoked, spread over the list.
        for k in [1, 3, 5, 7] {
            if let Some((s, i)) = issued.get(issued.len() * k / 8) {
                self.sessions[*s].slots[*i].certificate = Some(true);
            }
        }
    }
}

/// The region of the `n`-th person who first came to an online course: a
/// smooth weighted rotation of [`ONLINE_REGIONS`].
fn online_region(n: usize) -> &'static str {
    let total: u32 = ONLINE_REGIONS.iter().map(|(_, w)| w).sum();
    let step = n % total as usize;
    // Smooth weighted round robin, replayed to `step`: spreads each region's
    // turns evenly instead of in runs.
    let mut current = vec![0i64; ONLINE_REGIONS.len()];
    let mut chosen = 0;
    for _ in 0..=step {
        for (c, (_, w)) in current.iter_mut().zip(ONLINE_REGIONS) {
            *c += i64::from(*w);
        }
        chosen = current
            .iter()
            .enumerate()
            .max_by_key(|(i, c)| (**c, std::cmp::Reverse(*i)))
            .map_or(0, |(i, _)| i);
        current[chosen] -= i64::from(total);
    }
    ONLINE_REGIONS[chosen].0
}

/// One edition's roster: who was placed, waited, cancelled or never
/// confirmed, and the marks of those seated.
fn roster(s: usize, course: usize, days_ago: i64) -> PlanSession {
    let c = &content::COURSES[course];
    let k = kind(c);
    let cap = capacity(course) as usize;
    let r = |purpose: u64| h(&[1, s as u64, purpose]);
    let n = |purpose: u64, m: usize| below(r(purpose), m);
    // (placed, cancelled while pending, confirmed cancelling, waitlisted cancelling at most)
    let (demand, unplaced, seated_cancelling, waiting_cancelling) = match (c.programme, k) {
        (UNION, Kind::InPerson) => (23 + n(1, 9), n(3, 3), 1 + n(4, 3), 1),
        (UNION, Kind::Webinar) => (70 + n(1, 30), 2 + n(3, 3), 3 + n(4, 5), 2),
        (UNION, _) => (64 + n(1, 16), 1 + n(3, 3), 2 + n(4, 4), 2),
        _ => (cap - 2 + n(1, 5), n(3, 2), 1 + n(4, 2), 1),
    };
    // The order in which they registered: the unplaced merged in among the placed.
    let total = demand + unplaced;
    let mut fates = Vec::with_capacity(total);
    let mut left_unplaced = unplaced;
    for i in 0..total {
        let remaining = total - i;
        if left_unplaced > 0 && below(r(100 + i as u64), remaining) < left_unplaced {
            fates.push(Fate::CancelledPending);
            left_unplaced -= 1;
        } else {
            fates.push(Fate::Seated);
        }
    }
    // Seats in the order people were placed, then tickets.
    let mut tickets = 0i64;
    let mut ticket_of = vec![None; total];
    let mut seated_first = Vec::new();
    let mut waiting = Vec::new();
    for (i, fate) in fates.iter().enumerate() {
        if *fate != Fate::Seated {
            continue;
        }
        if seated_first.len() < cap {
            seated_first.push(i);
        } else {
            tickets += 1;
            ticket_of[i] = Some(tickets);
            waiting.push(i);
        }
    }
    // Cancellations near the start: people waiting first, then people
    // seated, each of whom gives their seat to the lowest ticket left.
    let by_hash = |list: &[usize], purpose: u64| {
        let mut sorted = list.to_vec();
        sorted.sort_by_key(|i| r(purpose * 1000 + *i as u64));
        sorted
    };
    let mut event_of = vec![None; total];
    let mut promoted_by = vec![None; total];
    let mut events = 0;
    let waiting_cancelled = waiting_cancelling.min(waiting.len()).min(n(5, waiting_cancelling + 1));
    for i in by_hash(&waiting, 6).into_iter().take(waiting_cancelled) {
        fates[i] = Fate::CancelledWaiting;
        event_of[i] = Some(events);
        events += 1;
    }
    let mut queue: std::collections::VecDeque<usize> =
        waiting.iter().copied().filter(|i| fates[*i] == Fate::Seated).collect();
    for i in by_hash(&seated_first, 7)
        .into_iter()
        .take(seated_cancelling.min(seated_first.len()))
    {
        fates[i] = Fate::CancelledSeated;
        event_of[i] = Some(events);
        if let Some(next) = queue.pop_front() {
            promoted_by[next] = Some(events);
        }
        events += 1;
    }
    for i in queue {
        fates[i] = Fate::Waiting;
    }
    let slots = fates
        .iter()
        .enumerate()
        .map(|(i, fate)| {
            let hash = r(300 + i as u64);
            let via = match (fate, hash % 100) {
                (Fate::CancelledPending, _) => Via::Public,
                (_, 0..=79) if c.programme == UNION => Via::Public,
                (_, 0..=39) => Via::Public,
                (_, 80..=93) if c.programme == UNION => Via::Organiser,
                (_, 40..=89) => Via::Organiser,
                _ => Via::Import,
            };
            let mut slot = Slot {
                person: 0,
                fate: *fate,
                via,
                ticket: ticket_of[i],
                event: event_of[i],
                promoted_by: promoted_by[i],
                marks: Vec::new(),
                attended_minutes: 0,
                attended_meetings: 0,
                completed: false,
                invited: false,
                answer: None,
                certificate: None,
            };
            if *fate == Fate::Seated {
                slot.marks = marks(c, s, i);
                let length = meeting_minutes(c);
                slot.attended_minutes = slot
                    .marks
                    .iter()
                    .map(|(status, minutes)| rule::attended_minutes(length, *status, *minutes))
                    .sum();
                slot.attended_meetings = slot.marks.iter().filter(|(status, _)| status.counts()).count() as u32;
                slot.completed = rule::completes(u64::from(slot.attended_minutes), session_minutes(c), PERCENT);
            }
            slot
        })
        .collect();
    PlanSession {
        course,
        days_ago,
        capacity: cap as u32,
        survey: true,
        certificates: c.accredited,
        events,
        tickets,
        slots,
    }
}

/// The marks of one seated registration: who meant to complete mostly did,
/// some came to part of it, a few never came.
fn marks(c: &DemoCourse, s: usize, i: usize) -> Vec<(AttendanceStatus, Option<u32>)> {
    use AttendanceStatus::{Absent, Excused, Late, Present};
    let r = |purpose: u64| h(&[2, s as u64, i as u64, purpose]);
    let count = c.meetings as usize;
    let length = meeting_minutes(c);
    let k = kind(c);
    let (complete, partial) = match (c.programme, k) {
        (UNION, Kind::InPerson) => (80, 10),
        (UNION, Kind::Online) => (68, 20),
        (UNION, Kind::Webinar) => (62, 14),
        _ => (85, 10),
    };
    let roll = r(0) % 100;
    let missed = |m: usize| if percent(r(10 + m as u64), 60) { Absent } else { Excused };
    // Someone following a blended course from home is reported like online.
    let online = match k {
        Kind::Online | Kind::Webinar => true,
        Kind::Blended => percent(r(1), 50),
        Kind::InPerson => false,
    };
    // Online meetings whose report was imported (the same for everyone in the session).
    let imported = |m: usize| online && (k == Kind::Blended || percent(h(&[3, s as u64, m as u64]), 60));
    let present = |m: usize| -> (AttendanceStatus, Option<u32>) {
        let hash = r(40 + m as u64);
        if imported(m) {
            let minutes = if percent(hash, 6) {
                length / 2 + below(hash >> 8, (length / 3) as usize) as u32
            } else {
                length - below(hash >> 8, 25) as u32
            };
            (Present, Some(minutes.min(length)))
        } else if percent(hash, 8) {
            (Late, None)
        } else {
            (Present, None)
        }
    };
    // The most meetings one can attend in full without completing.
    let most_below = (1..count)
        .rev()
        .find(|a| !rule::completes(*a as u64 * u64::from(length), session_minutes(c), PERCENT))
        .unwrap_or(0);
    if k == Kind::Webinar {
        let hash = r(50);
        return vec![if roll < complete {
            (Present, percent(hash, 70).then(|| 100 + below(hash >> 8, 21) as u32))
        } else if roll < complete + partial {
            (Present, Some(15 + below(hash >> 8, 75) as u32))
        } else {
            (Absent, None)
        }];
    }
    if roll < complete {
        // Everyone misses a meeting now and then; online more often.
        let misses = match r(60) % 100 {
            0..=64 => 0,
            65..=89 => 1,
            _ => 2,
        };
        let misses = if online {
            misses
        } else {
            misses.min(usize::from(count >= 5))
        };
        let skipped: Vec<usize> = (0..misses).map(|m| below(r(70 + m as u64), count)).collect();
        (0..count)
            .map(|m| {
                if skipped.contains(&m) {
                    (missed(m), None)
                } else {
                    present(m)
                }
            })
            .collect()
    } else if roll < complete + partial && most_below > 0 {
        // Came to the first meetings and dropped out, or to the last ones only.
        let attended = 1 + below(r(80), most_below);
        let from_start = percent(r(81), 65);
        (0..count)
            .map(|m| {
                let came = if from_start {
                    m < attended
                } else {
                    m >= count - attended
                };
                if came { present(m) } else { (missed(m), None) }
            })
            .collect()
    } else {
        (0..count).map(|m| (missed(m), None)).collect()
    }
}

/// Invitations, answers and the overall scores (see the module's doc).
fn answer_surveys(sessions: &mut [PlanSession]) {
    for (s, session) in sessions.iter_mut().enumerate() {
        if !session.survey {
            continue;
        }
        for (i, slot) in session.slots.iter_mut().enumerate() {
            if slot.fate != Fate::Seated || slot.attended_meetings == 0 {
                continue;
            }
            slot.invited = true;
            let hash = h(&[4, s as u64, i as u64]);
            if percent(hash, if slot.completed { 76 } else { 40 }) {
                slot.answer = Some(Answer {
                    after_days: below(hash >> 8, 13) as i64,
                    ..Answer::default()
                });
            }
        }
    }
    for programme in 0..content::PROGRAMMES.len() {
        let in_programme = |s: &PlanSession| content::COURSES[s.course].programme == programme;
        let answered = |sessions: &[PlanSession]| -> Vec<(usize, usize)> {
            let mut out = Vec::new();
            for (s, session) in sessions.iter().enumerate().filter(|(_, s)| in_programme(s)) {
                for (i, slot) in session.slots.iter().enumerate() {
                    if slot.answer.is_some() {
                        out.push((s, i));
                    }
                }
            }
            out
        };
        let mut all = answered(sessions);
        if programme == UNION {
            // A multiple of 5 answers: drop the last few of people who did not complete.
            let mut extra = all.len() % 5;
            for (s, i) in all.iter().rev() {
                if extra == 0 {
                    break;
                }
                let slot = &mut sessions[*s].slots[*i];
                if !slot.completed {
                    slot.answer = None;
                    extra -= 1;
                }
            }
            all = answered(sessions);
        }
        let total = all.len();
        let mut order = all;
        order.sort_by_key(|(s, i)| h(&[5, *s as u64, *i as u64]));
        // How many of each score: for the union exactly 4.6 on average.
        let (ones, twos, threes) = (total / 250, total / 100, total / 25);
        let fives = total * 3 / 5 + threes + 2 * twos + 3 * ones;
        let fours = (total * 2 / 5).saturating_sub(2 * threes + 3 * twos + 4 * ones);
        for (rank, (s, i)) in order.into_iter().enumerate() {
            let hash = h(&[6, s as u64, i as u64]);
            let overall: u8 = if programme == UNION {
                match rank {
                    r if r < fives => 5,
                    r if r < fives + fours => 4,
                    r if r < fives + fours + threes => 3,
                    r if r < fives + fours + threes + twos => 2,
                    _ => 1,
                }
            } else {
                match hash % 100 {
                    0..=47 => 5,
                    48..=85 => 4,
                    86..=96 => 3,
                    _ => 2,
                }
            };
            let near = |purpose: u64| -> u8 {
                match h(&[7, s as u64, i as u64, purpose]) % 10 {
                    0 => overall.saturating_sub(1).max(1),
                    1 if overall < 5 => overall + 1,
                    _ => overall,
                }
            };
            let language_fr = content::COURSES[sessions[s].course].language == "fr";
            let (applies, changes) = if language_fr {
                (content::SURVEY_APPLY_FR.len(), content::SURVEY_CHANGE_FR.len())
            } else {
                (content::SURVEY_APPLY_ES.len(), content::SURVEY_CHANGE_ES.len())
            };
            if let Some(answer) = sessions[s].slots[i].answer.as_mut() {
                answer.overall = overall;
                answer.relevance = near(1);
                answer.trainers = near(2);
                answer.organisation = near(3);
                answer.recommend = match overall {
                    5 => 0,
                    4 if hash % 10 < 8 => 0,
                    4 | 3 => 1,
                    _ => 2,
                };
                answer.apply = percent(hash >> 16, 45).then(|| below(hash >> 24, applies));
                answer.change = percent(hash >> 32, 25).then(|| below(hash >> 40, changes));
            }
        }
    }
}

// ----- writing a block ---------------------------------------------------------

/// A course as the writer needs it: its row, and the open edition the
/// loader made through the repositories (time zone, venue, trainers).
#[derive(Clone, Debug)]
pub struct CourseInfo {
    /// The organisation that runs it, as its certificates keep it (issue 19).
    pub issuer: aula_storage::issuer::IssuerSnapshot,
    pub course: course::Model,
    pub body: Option<accreditation_body::Model>,
    pub zone: SessionTimeZone,
    pub venue_id: Option<Uuid>,
    /// The venue as certificates name it: "name, city (region)".
    pub place: Option<String>,
    pub online_url: Option<String>,
    /// (user id, e-mail) of its trainers.
    pub trainers: Vec<(Uuid, String)>,
    /// The edition to come.
    pub open_session: Uuid,
}

/// What the writer needs from the catalogue, course by course in the order of `content::COURSES`.
#[derive(Clone, Debug)]
pub struct Catalogue {
    /// Each programme's organisation (issue 17), by programme index: its
    /// people are that organisation's.
    pub organisations: Vec<aula_domain::OrganisationId>,
    pub courses: Vec<CourseInfo>,
    pub regions: HashMap<&'static str, Uuid>,
    /// Each programme's organisation's default questionnaire, by programme index.
    pub template_ids: Vec<Uuid>,
}

/// Certificate numbers used so far, per series and year.
#[derive(Clone, Debug, Default)]
pub struct Counters(BTreeMap<(String, i32), i32>);

impl Counters {
    /// The counters the database holds now.
    pub async fn read(conn: &impl ConnectionTrait) -> Result<Counters> {
        Ok(Counters(
            certificate_counter::Entity::find()
                .all(conn)
                .await?
                .into_iter()
                .map(|c| ((c.series, c.year), c.last))
                .collect(),
        ))
    }

    fn next(&mut self, series: &str, year: i32) -> i32 {
        let last = self.0.entry((series.to_owned(), year)).or_default();
        *last += 1;
        *last
    }

    /// Statements leaving every counter at the last number used (or a
    /// higher one another transaction wrote).
    fn statements(&self, backend: DbBackend) -> Vec<Statement> {
        self.0
            .iter()
            .map(|((series, year), last)| {
                certificate_counter::Entity::insert(certificate_counter::ActiveModel {
                    series: Set(series.clone()),
                    year: Set(*year),
                    last: Set(*last),
                })
                .on_conflict(
                    // Blocks may be written by two transactions at once: the higher number stays.
                    OnConflict::columns([certificate_counter::Column::Series, certificate_counter::Column::Year])
                        .value(
                            certificate_counter::Column::Last,
                            Expr::cust(
                                r#"CASE WHEN "excluded"."last" > "certificate_counters"."last" THEN "excluded"."last" ELSE "certificate_counters"."last" END"#,
                            ),
                        )
                        .to_owned(),
                )
                .build(backend)
            })
            .collect()
    }
}

/// One block's rows as multi-row inserts, in the order foreign keys need,
/// built apart from the database (on PostgreSQL, one writer builds its next
/// block while the server runs the other's statements).
pub struct BlockRows {
    block: u32,
    statements: Vec<Statement>,
    /// The open editions' people (first block only): (session, people).
    open: Vec<(Uuid, Vec<Uuid>)>,
    summary: Summary,
}

impl BlockRows {
    pub fn block(&self) -> u32 {
        self.block
    }

    /// Writes the block in the caller's transaction; returns what it wrote.
    pub async fn write(self, conn: &impl ConnectionTrait, key: &LinkKey) -> Result<Summary> {
        for statement in self.statements {
            conn.execute_raw(statement).await?;
        }
        // The open editions' people are seated through the repository.
        for (session, people) in self.open {
            for person in people {
                aula_storage::registrations::add_placed(
                    conn,
                    key,
                    session,
                    person,
                    aula_storage::registrations::Source::Organiser,
                )
                .await?;
            }
        }
        Ok(self.summary)
    }
}

/// Settings of a bulk-writing transaction, and how to put them back.
///
/// On SQLite the writer's connection gets a page cache big enough for the
/// indexes a block touches (their keys are random: token hashes, UUIDv4
/// answers) and keeps statement journals in memory; both are put back
/// before the commit, so the pool's connection is as it was. On PostgreSQL
/// the transaction's commit does not wait for the disk (`SET LOCAL`: only
/// for this transaction; a crash loses the demo, not the database).
pub struct Tuning {
    sqlite: Option<(i64, i64)>,
}

impl Tuning {
    /// Page cache for a bulk write on SQLite: 128 MiB, whatever the scale.
    const CACHE_KIB: i64 = 128 * 1024;

    pub async fn apply(conn: &impl ConnectionTrait) -> Result<Tuning> {
        match conn.get_database_backend() {
            DbBackend::Sqlite => {
                let read = async |pragma: &str| -> Result<i64> {
                    let row = conn
                        .query_one_raw(Statement::from_string(DbBackend::Sqlite, format!("PRAGMA {pragma}")))
                        .await?
                        .ok_or(StorageError::NotFound)?;
                    Ok(row.try_get_by_index::<i64>(0)?)
                };
                let before = (read("cache_size").await?, read("temp_store").await?);
                conn.execute_unprepared(&format!("PRAGMA cache_size = -{}", Self::CACHE_KIB))
                    .await?;
                conn.execute_unprepared("PRAGMA temp_store = MEMORY").await?;
                Ok(Tuning { sqlite: Some(before) })
            }
            DbBackend::Postgres => {
                conn.execute_unprepared("SET LOCAL synchronous_commit = off").await?;
                Ok(Tuning { sqlite: None })
            }
            _ => Ok(Tuning { sqlite: None }),
        }
    }

    /// Puts the connection's settings back (before the commit).
    pub async fn restore(self, conn: &impl ConnectionTrait) -> Result<()> {
        if let Some((cache, temp)) = self.sqlite {
            conn.execute_unprepared(&format!("PRAGMA cache_size = {cache}")).await?;
            conn.execute_unprepared(&format!("PRAGMA temp_store = {temp}")).await?;
        }
        Ok(())
    }
}

/// Adds multi-row inserts of `rows`, each binding at most [`MAX_PARAMS`] values.
fn push<A>(statements: &mut Vec<Statement>, backend: DbBackend, rows: Vec<A>, columns: usize)
where
    A: ActiveModelTrait,
{
    let per = (MAX_PARAMS / columns.max(1)).max(1);
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<A> = rows.by_ref().take(per).collect();
        statements.push(A::Entity::insert_many(chunk).build(backend));
    }
}

/// When things happened in one edition of one block.
struct Times {
    meetings: Vec<(DateTime<Utc>, DateTime<Utc>)>,
    opens: DateTime<Utc>,
    closes: DateTime<Utc>,
}

impl Times {
    fn starts(&self) -> DateTime<Utc> {
        self.meetings.first().map_or(self.opens, |m| m.0)
    }

    fn ends(&self) -> DateTime<Utc> {
        self.meetings.last().map_or(self.closes, |m| m.1)
    }

    /// What the meetings add up to, in minutes.
    fn minutes(&self) -> i32 {
        self.meetings.iter().map(|(s, e)| (*e - *s).num_minutes() as i32).sum()
    }

    /// When the `i`-th of `n` people registered: spread over the first 44 days of the window.
    fn created(&self, i: usize, n: usize, hash: u64) -> DateTime<Utc> {
        let span = 44 * 24 * 60;
        self.opens + Duration::minutes(span * (i as i64 + 1) / (n as i64 + 1) + (hash % 180) as i64)
    }

    /// When the `k`-th of `n` cancellations happened: in the two weeks before the start.
    fn event(&self, k: usize, n: usize) -> DateTime<Utc> {
        self.opens + Duration::days(46) + Duration::minutes(12 * 24 * 60 * (k as i64 + 1) / (n as i64 + 1))
    }
}

fn times(info: &CourseInfo, c: &DemoCourse, first_day: NaiveDate) -> Result<Times> {
    let zone = info.zone;
    let at = |day: NaiveDate, time: NaiveTime| {
        zone.instant(day.and_time(time))
            .map_err(|p| StorageError::invalid("demo", p.key))
    };
    let start = NaiveTime::from_hms_opt(9, 30, 0).unwrap_or_default();
    let end = start + Duration::hours(i64::from(c.meeting_hours));
    let modality = aula_domain::Modality::parse(c.modality).map_err(|p| StorageError::invalid("demo", p.key))?;
    let meetings = crate::meeting_days(first_day, c.meetings, modality)
        .into_iter()
        .map(|day| Ok((at(day, start)?, at(day, end)?)))
        .collect::<Result<Vec<_>>>()?;
    Ok(Times {
        meetings,
        opens: at(
            first_day - Duration::days(60),
            NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default(),
        )?,
        closes: at(
            first_day - Duration::days(2),
            NaiveTime::from_hms_opt(23, 59, 0).unwrap_or_default(),
        )?,
    })
}

/// How much later than the first block's this block's editions are.
fn shift(block: u32) -> i64 {
    if block == 0 {
        0
    } else {
        1 + (h(&[8, u64::from(block)]) % 40) as i64
    }
}

/// Letters a person's e-mail is made of.
fn ascii(s: &str) -> String {
    aula_domain::fold_for_search(s)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect()
}

/// Given and family names, changing with the block.
fn names(p: &PlanPerson, index: usize, block: u32) -> (String, String) {
    let hash = h(&[9, u64::from(block), index as u64]);
    let pick = |list: &[&'static str], from: &[usize], hash: u64| -> &'static str {
        let i = from[below(hash, from.len())];
        list.get(i).copied().unwrap_or_default()
    };
    if p.programme == UNION {
        let given = content::GIVEN_NAMES[below(hash, content::GIVEN_NAMES.len())];
        let first = below(hash >> 16, content::FAMILY_NAMES.len());
        // Spanish names carry two family names.
        let family = if first < 48 {
            format!(
                "{} {}",
                content::FAMILY_NAMES[first],
                content::FAMILY_NAMES[below(hash >> 32, 48)]
            )
        } else {
            content::FAMILY_NAMES[first].to_owned()
        };
        (given.to_owned(), family)
    } else {
        // French, Senegalese, Moroccan and Romanian names.
        let given: Vec<usize> = (45..57).chain(64..78).collect();
        let family: Vec<usize> = (48..60).chain(66..78).collect();
        (
            pick(content::GIVEN_NAMES, &given, hash).to_owned(),
            pick(content::FAMILY_NAMES, &family, hash >> 16).to_owned(),
        )
    }
}

/// Builds one block's rows (the first block also seats the open editions'
/// people).
pub fn build_block(
    plan: &Plan,
    catalogue: &Catalogue,
    key: &LinkKey,
    backend: DbBackend,
    today: NaiveDate,
    block: u32,
    counters: &mut Counters,
) -> Result<BlockRows> {
    let now = aula_storage::now();
    let mut statements = Vec::new();
    let days = shift(block);
    let info = |course: usize| {
        catalogue
            .courses
            .get(course)
            .ok_or_else(|| plan_error("the catalogue lacks a course"))
    };

    // When each edition meets.
    let mut all_times = Vec::with_capacity(plan.sessions.len());
    for s in &plan.sessions {
        let first_day = crate::next_weekday(today - Duration::days(s.days_ago - days));
        all_times.push(times(info(s.course)?, &content::COURSES[s.course], first_day)?);
    }
    let created = |s: usize, i: usize| {
        let n = plan.sessions[s].slots.len();
        all_times[s].created(i, n, h(&[30, u64::from(block), s as u64, i as u64]))
    };

    // People.
    let person_ids: Vec<Uuid> = plan.people.iter().map(|_| new_id()).collect();
    let mut emails = Vec::with_capacity(plan.people.len());
    let mut rows = Vec::with_capacity(plan.people.len());
    for (index, p) in plan.people.iter().enumerate() {
        let (given, family) = names(p, index, block);
        let (g, f) = (ascii(&given), ascii(&family));
        let local = if g.is_empty() || f.is_empty() {
            format!("persona.{index}")
        } else {
            format!("{g}.{f}.{index}")
        };
        let local = if block == 0 { local } else { format!("{local}.{block}") };
        let domain = if p.programme == UNION {
            "correo.example.org"
        } else {
            "courriel.example.org"
        };
        let email = format!("{local}@{domain}");
        let at = created(p.first.0, p.first.1);
        rows.push(person::ActiveModel {
            id: Set(person_ids[index]),
            organisation_id: Set(catalogue.organisations[p.programme].uuid()),
            given_name: Set(given.clone()),
            family_name: Set(family.clone()),
            email: Set(Some(email.clone())),
            phone: Set(None),
            employer: Set(Some(p.workplace.to_owned())),
            job_title: Set(Some(p.job_title.to_owned())),
            audience: Set(Some(
                Audience::parse(p.audience).map_err(|p| StorageError::invalid("demo", p.key))?,
            )),
            region_id: Set(p.region.and_then(|r| catalogue.regions.get(r).copied())),
            language: Set(if p.programme == UNION {
                Language::Es
            } else {
                Language::Fr
            }),
            consent_at: Set(Some(at)),
            consent_version: Set(Some("demo".to_owned())),
            created_at: Set(at),
            updated_at: Set(at),
            workplace_key: Set(aula_storage::retention::workplace_key_with(key, Some(p.workplace))),
            erased_at: Set(None),
        });
        emails.push((format!("{given} {family}"), email));
    }
    push(&mut statements, backend, rows, 14);

    // Editions, their meetings and trainers.
    let session_ids: Vec<Uuid> = plan.sessions.iter().map(|_| new_id()).collect();
    let mut meeting_ids: Vec<Vec<Uuid>> = Vec::with_capacity(plan.sessions.len());
    let mut sessions = Vec::new();
    let mut meetings = Vec::new();
    let mut trainers = Vec::new();
    for (s, p) in plan.sessions.iter().enumerate() {
        let info = info(p.course)?;
        let t = &all_times[s];
        let c = &content::COURSES[p.course];
        sessions.push(session::ActiveModel {
            id: Set(session_ids[s]),
            organisation_id: Set(info.course.organisation_id),
            course_id: Set(info.course.id),
            status: Set(SessionStatus::Completed),
            time_zone: Set(info.zone),
            venue_id: Set(info.venue_id),
            online_url: Set(info.online_url.clone()),
            capacity: Set(p.capacity as i32),
            seats_taken: Set(p.slots.iter().filter(|x| x.fate == Fate::Seated).count() as i32),
            registration_opens_at: Set(Some(t.opens)),
            registration_closes_at: Set(Some(t.closes)),
            starts_at: Set(Some(t.starts())),
            ends_at: Set(Some(t.ends())),
            minutes: Set(session_minutes(c) as i32),
            reminder_lead_minutes: Set((aula_domain::details::DEFAULT_REMINDER_LEAD_HOURS * 60) as i32),
            calendar_sequence: Set(0),
            calendar_uids: Set(aula_domain::CalendarUids::Meeting),
            waitlist_counter: Set(p.tickets),
            confirm_organiser_entries: Set(true),
            checkin_margin_minutes: Set(30),
            issue_on_completion: Set(false),
            present_share_percent: Set(i32::from(aula_domain::attendance::DEFAULT_PRESENT_SHARE_PERCENT)),
            record_past: Set(false),
            by_invitation: Set(false),
            commissioner: Set(None),
            invitation_token: Set(None),
            created_at: Set(t.opens - Duration::days(10)),
            updated_at: Set(t.ends() + Duration::days(1)),
        });
        let ids: Vec<Uuid> = t.meetings.iter().map(|_| new_id()).collect();
        for (id, (starts, ends)) in ids.iter().zip(&t.meetings) {
            meetings.push(meeting::ActiveModel {
                id: Set(*id),
                session_id: Set(session_ids[s]),
                starts_at: Set(*starts),
                ends_at: Set(*ends),
                place: Set(None),
            });
        }
        meeting_ids.push(ids);
        for (user, _) in &info.trainers {
            trainers.push(session_trainer::ActiveModel {
                session_id: Set(session_ids[s]),
                user_id: Set(*user),
            });
        }
    }
    push(&mut statements, backend, sessions, 21);
    push(&mut statements, backend, meetings, 4);
    push(&mut statements, backend, trainers, 2);

    // Registrations.
    let mut registration_ids: Vec<Vec<Uuid>> = Vec::with_capacity(plan.sessions.len());
    let mut rows = Vec::new();
    for (s, p) in plan.sessions.iter().enumerate() {
        let t = &all_times[s];
        let french = content::COURSES[p.course].language == "fr";
        let mut ids = Vec::with_capacity(p.slots.len());
        for (i, slot) in p.slots.iter().enumerate() {
            let id = new_id();
            ids.push(id);
            let hash = h(&[31, u64::from(block), s as u64, i as u64]);
            let made = created(s, i);
            let placed = made
                + Duration::minutes(if slot.via == Via::Public {
                    5 + (hash % 235) as i64
                } else {
                    0
                });
            let event = slot.event.map(|k| t.event(k, p.events));
            let seated = slot.promoted_by.map_or(placed, |k| t.event(k, p.events));
            let (confirmed_at, cancelled_at, placed_at, updated_at) = match slot.fate {
                Fate::Seated => (Some(seated), None, Some(placed), seated),
                Fate::CancelledSeated => (Some(placed), event, Some(placed), event.unwrap_or(placed)),
                Fate::CancelledWaiting => (None, event, Some(placed), event.unwrap_or(placed)),
                Fate::Waiting => (None, None, Some(placed), placed),
                Fate::CancelledPending => {
                    let at = made + Duration::hours(2 + (hash % 38) as i64);
                    (None, Some(at), None, at)
                }
            };
            let reasons = if french {
                content::CANCEL_REASONS_FR
            } else {
                content::CANCEL_REASONS_ES
            };
            let reason = (matches!(slot.fate, Fate::CancelledSeated | Fate::CancelledWaiting)
                && percent(hash >> 8, 60))
            .then(|| reasons[below(hash >> 16, reasons.len())].to_owned());
            let public = slot.via == Via::Public;
            rows.push(registration::ActiveModel {
                id: Set(id),
                session_id: Set(session_ids[s]),
                person_id: Set(person_ids[slot.person]),
                status: Set(slot.fate.status()),
                waitlist_ticket: Set(if slot.fate == Fate::Waiting { slot.ticket } else { None }),
                source: Set(slot.via),
                confirm_token_hash: Set(public.then(|| secrets::hash(&secrets::generate("")))),
                confirm_expires_at: Set(public.then(|| made + aula_storage::registrations::CONFIRM_LIFETIME)),
                manage_token_hash: Set(secrets::hash(&key.sign(id))),
                created_at: Set(made),
                updated_at: Set(updated_at),
                confirmed_at: Set(confirmed_at),
                cancelled_at: Set(cancelled_at),
                cancel_reason: Set(reason),
                placed_at: Set(placed_at),
                attended_minutes: Set(slot.attended_minutes as i32),
                attended_meetings: Set(slot.attended_meetings as i32),
                completed: Set(slot.completed),
                proposed_details: Set(None),
                body_identifier: Set(None),
            });
        }
        registration_ids.push(ids);
    }
    push(&mut statements, backend, rows, 20);

    // Attendance marks and the completions fixed when each edition was completed.
    let mut marks = Vec::new();
    let mut completions = Vec::new();
    for (s, p) in plan.sessions.iter().enumerate() {
        let t = &all_times[s];
        let info = info(p.course)?;
        let trainer = info.trainers.first().map(|(_, e)| e.clone()).unwrap_or_default();
        let c = &content::COURSES[p.course];
        let required = rule::required_minutes(session_minutes(c), PERCENT) as i32;
        for (i, slot) in p.slots.iter().enumerate() {
            if slot.fate != Fate::Seated {
                continue;
            }
            for (m, (status, minutes)) in slot.marks.iter().enumerate() {
                let ends = t.meetings.get(m).map_or(t.ends(), |x| x.1);
                marks.push(attendance::ActiveModel {
                    id: Set(new_id()),
                    registration_id: Set(registration_ids[s][i]),
                    meeting_id: Set(meeting_ids[s][m]),
                    status: Set(*status),
                    minutes: Set(minutes.map(|v| v as i32)),
                    source: Set(if minutes.is_some() {
                        MarkSource::Import
                    } else {
                        MarkSource::RollCall
                    }),
                    updated_by: Set(trainer.clone()),
                    updated_at: Set(if minutes.is_some() {
                        ends + Duration::hours(20)
                    } else {
                        ends + Duration::minutes(15)
                    }),
                });
            }
            completions.push(completion::ActiveModel {
                registration_id: Set(registration_ids[s][i]),
                session_id: Set(session_ids[s]),
                attended_minutes: Set(slot.attended_minutes as i32),
                required_minutes: Set(required),
                completed: Set(slot.completed),
                fixed_at: Set(t.ends() + Duration::days(1)),
            });
        }
    }
    push(&mut statements, backend, marks, 8);
    push(&mut statements, backend, completions, 6);

    // Surveys: invitations, then the answers, apart and in no order that
    // would tell whose they are.
    let mut surveys = Vec::new();
    let mut invitations = Vec::new();
    let mut responses = Vec::new();
    let mut answers = Vec::new();
    for (s, p) in plan.sessions.iter().enumerate() {
        if !p.survey {
            continue;
        }
        let t = &all_times[s];
        let opens = t.ends() + Duration::minutes(5);
        let reminder = opens + Duration::days(aula_storage::surveys::REMINDER_DAYS);
        let reminded = reminder <= now;
        let survey_id = new_id();
        surveys.push(survey::ActiveModel {
            id: Set(survey_id),
            session_id: Set(session_ids[s]),
            template_id: Set(catalogue.template_ids[content::COURSES[p.course].programme]),
            opens_at: Set(opens),
            closes_at: Set(opens + Duration::days(aula_storage::surveys::OPEN_DAYS)),
            reminder_at: Set(reminder),
            reminded: Set(reminded),
        });
        let french = content::COURSES[p.course].language == "fr";
        let mut answered = Vec::new();
        for (i, slot) in p.slots.iter().enumerate() {
            if !slot.invited {
                continue;
            }
            let id = new_id();
            let late = slot
                .answer
                .as_ref()
                .is_none_or(|a| a.after_days >= aula_storage::surveys::REMINDER_DAYS);
            invitations.push(survey_invitation::ActiveModel {
                id: Set(id),
                survey_id: Set(survey_id),
                registration_id: Set(registration_ids[s][i]),
                token_hash: Set(secrets::hash(&aula_storage::surveys::token(key, id))),
                answered: Set(slot.answer.is_some()),
                invited_at: Set(opens),
                reminded_at: Set((reminded && late).then_some(reminder)),
            });
            if let Some(a) = &slot.answer {
                answered.push((h(&[32, u64::from(block), s as u64, i as u64]), a));
            }
        }
        answered.sort_by_key(|(hash, _)| *hash);
        for (_, a) in answered {
            let id = Uuid::new_v4();
            responses.push(survey_response::ActiveModel {
                id: Set(id),
                survey_id: Set(survey_id),
                submitted_on: Set((opens + Duration::days(a.after_days)).date_naive().min(today)),
                overall: Set(Some(i32::from(a.overall))),
            });
            let scale = |key: &str, v: u8| (key.to_owned(), Some(i32::from(v)), None, None);
            let mut given = vec![
                scale("overall", a.overall),
                scale("relevance", a.relevance),
                scale("trainers", a.trainers),
                scale("organisation", a.organisation),
                ("recommend".to_owned(), None, Some(i32::from(a.recommend)), None),
            ];
            let (applies, changes) = if french {
                (content::SURVEY_APPLY_FR, content::SURVEY_CHANGE_FR)
            } else {
                (content::SURVEY_APPLY_ES, content::SURVEY_CHANGE_ES)
            };
            if let Some(text) = a.apply.and_then(|k| applies.get(k)) {
                given.push(("apply".to_owned(), None, None, Some((*text).to_owned())));
            }
            if let Some(text) = a.change.and_then(|k| changes.get(k)) {
                given.push(("change".to_owned(), None, None, Some((*text).to_owned())));
            }
            for (question, scale, choice, text) in given {
                answers.push(survey_answer::ActiveModel {
                    id: Set(Uuid::new_v4()),
                    response_id: Set(id),
                    question_key: Set(question),
                    scale: Set(scale),
                    choice: Set(choice),
                    text: Set(text),
                });
            }
        }
    }
    push(&mut statements, backend, surveys, 7);
    push(&mut statements, backend, invitations, 7);
    push(&mut statements, backend, responses, 4);
    push(&mut statements, backend, answers, 6);

    // Certificates, numbered in the order they were issued.
    let mut issued = Vec::new();
    for (s, p) in plan.sessions.iter().enumerate() {
        for (i, slot) in p.slots.iter().enumerate() {
            if let Some(revoked) = slot.certificate {
                let hash = h(&[33, u64::from(block), s as u64, i as u64]);
                let at = all_times[s].ends() + Duration::days(14) + Duration::minutes((hash % 480) as i64);
                issued.push((at, s, i, revoked));
            }
        }
    }
    issued.sort();
    let mut certificates = Vec::with_capacity(issued.len());
    for (at, s, i, revoked) in issued {
        let p = &plan.sessions[s];
        let slot = &p.slots[i];
        let info = info(p.course)?;
        let t = &all_times[s];
        let series = info.body.as_ref().map_or("AULA", |b| b.code.as_str()).to_owned();
        let issued_on = info.zone.local(at).date();
        let year = chrono::Datelike::year(&issued_on);
        let number = counters.next(&series, year);
        // The first certificate of all was withdrawn a month later, its
        // holder having asked to be forgotten (issue 21): the fourth state
        // of the verification page, naming nobody.
        let withdrawn = block == 0 && !revoked && certificates.is_empty();
        let (holder, email) = match withdrawn {
            true => (String::new(), String::new()),
            false => emails[slot.person].clone(),
        };
        let reason = content::REVOKE_REASONS[below(h(&[34, s as u64, i as u64]), content::REVOKE_REASONS.len())];
        certificates.push(certificate::ActiveModel {
            id: Set(new_id()),
            registration_id: Set(registration_ids[s][i]),
            session_id: Set(session_ids[s]),
            course_id: Set(info.course.id),
            accreditation_body_id: Set(info.body.as_ref().map(|b| b.id)),
            number: Set(format!("{series}-{year}-{number:06}")),
            verification_code: Set(aula_storage::certificates::generate_code()),
            holder_name: Set(holder),
            holder_email: Set(email),
            salt: Set(secrets::generate("")),
            language: Set(if plan.people[slot.person].programme == UNION {
                Language::Es
            } else {
                Language::Fr
            }),
            course_title: Set(info.course.title.clone()),
            course_summary: Set(info.course.summary.clone()),
            attended_minutes: Set(slot.attended_minutes as i32),
            nominal_minutes: Set(info.course.minutes),
            starts_on: Set(info.zone.local(t.starts()).date()),
            ends_on: Set(info.zone.local(t.ends()).date()),
            modality: Set(info.course.modality),
            place: Set(info.place.clone()),
            body_name: Set(info.body.as_ref().map(|b| b.name.clone())),
            credits_hundredths: Set(info.course.credits_hundredths),
            recognised_minutes: Set(info.course.recognised_minutes),
            issuer_name: Set(info.issuer.legal_name.clone()),
            issued_at: Set(at),
            issued_on: Set(issued_on),
            revoked_at: Set(revoked.then(|| at + Duration::days(20))),
            revoked_reason: Set(revoked.then(|| reason.to_owned())),
            withdrawn_at: Set(withdrawn.then(|| at + Duration::days(30))),
            // Drawn after the load (`certificates::backfill_status_indexes`).
            status_index: Set(None),
            planned_minutes: Set(Some(t.minutes())),
            issuer_address: Set(info.issuer.address.clone()),
            issuer_website: Set(info.issuer.website.clone()),
            issuer_logo_sha256: Set(info.issuer.logo_sha256.clone()),
            signatory_name: Set(info.issuer.signatory_name.clone()),
            signatory_title: Set(info.issuer.signatory_title.clone()),
            signature_sha256: Set(info.issuer.signature_sha256.clone()),
            accreditor_logo_sha256: Set(info.issuer.accreditor_logo_sha256.clone()),
            outcomes: Set(info.issuer.outcomes.clone()),
            funders: Set(info.issuer.funders.clone()),
            funder_logos: Set(info.issuer.funder_logos.clone()),
        });
    }
    push(&mut statements, backend, certificates, 36);
    statements.extend(counters.statements(backend));
    let mut open = Vec::new();
    if block == 0 {
        for (course, people) in &plan.future {
            open.push((
                info(*course)?.open_session,
                people.iter().map(|p| person_ids[*p]).collect(),
            ));
        }
    }
    Ok(BlockRows {
        block,
        statements,
        open,
        summary: plan.summary(block == 0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_union_programme_gives_the_published_figures() {
        let plan = Plan::build().expect("a plan");
        let all = plan.figures(UNION, true, false);
        assert_eq!(all.registered_people, 1002, "{all:?}");
        assert_eq!(all.beneficiaries, 620, "{all:?}");
        assert_eq!(all.workplaces, 105, "{all:?}");
        let satisfaction = all.satisfaction.unwrap_or_default();
        assert_eq!(satisfaction.sum * 10, satisfaction.count * 46, "{all:?}");
        assert_eq!(plan.figures(UNION, true, true).regions, 4);
        // The funnel narrows, and people come from all over Spain.
        assert!(all.registrations > all.registered_people);
        assert!(all.registered_people > all.participants.min(all.registered_people - 1));
        assert!(all.participants > all.completions && all.completions > all.beneficiaries);
        assert_eq!(all.regions, 19, "{all:?}");
        assert!((3..=5).contains(&all.certificates_revoked), "{all:?}");
        let rate = all.survey_answers * 100 / all.survey_invitations;
        assert!((55..=80).contains(&rate), "response rate {rate} %");
        println!("union: {all:?}\nblock: {:?}", plan.summary(true));
    }

    #[test]
    fn rosters_keep_the_seat_rules() {
        let plan = Plan::build().expect("a plan");
        for s in &plan.sessions {
            let seated = s.slots.iter().filter(|x| x.fate == Fate::Seated).count() as u32;
            assert!(seated <= s.capacity);
            let waiting = s.slots.iter().filter(|x| x.fate == Fate::Waiting).count();
            assert!(
                waiting == 0 || seated == s.capacity,
                "nobody waits while a seat is free"
            );
            let mut tickets: Vec<i64> = s.slots.iter().filter_map(|x| x.ticket).collect();
            tickets.sort();
            tickets.dedup();
            assert_eq!(tickets.len() as i64, s.tickets);
            let mut people: Vec<usize> = s.slots.iter().map(|x| x.person).collect();
            people.sort();
            people.dedup();
            assert_eq!(people.len(), s.slots.len(), "one registration per person and session");
        }
        // Several people registered for two or three courses.
        let mut per_person = vec![0; plan.people.len()];
        for s in &plan.sessions {
            for slot in &s.slots {
                per_person[slot.person] += 1;
            }
        }
        assert!(per_person.iter().any(|n| *n >= 3));
    }

    #[test]
    fn workplaces_have_regions() {
        assert_eq!(content::WORKPLACES.len(), content::WORKPLACE_REGIONS.len());
        for r in content::WORKPLACE_REGIONS {
            assert!(content::REGIONS.iter().any(|x| x.code == *r), "{r}");
        }
        for (r, _) in ONLINE_REGIONS {
            assert!(content::WORKPLACE_REGIONS.contains(r), "{r}");
        }
    }
}
