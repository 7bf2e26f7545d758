//! The clinic's entities: clinics, doctors, rooms, patients, visit types and appointments.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use uuid::Uuid;

use super::hours::WeeklyHours;
use super::status::Status;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub Uuid);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// Identifies a clinic (one location).
    ClinicId
);
id_type!(
    /// Identifies a doctor (practitioner).
    DoctorId
);
id_type!(
    /// Identifies a room.
    RoomId
);
id_type!(
    /// Identifies a patient.
    PatientId
);
id_type!(
    /// Identifies a visit type.
    VisitTypeId
);
id_type!(
    /// Identifies an appointment.
    AppointmentId
);

/// The longest appointment the clinic accepts. Range queries rely on it as their lower bound.
pub const MAX_APPOINTMENT_MINUTES: i64 = 8 * 60;

/// A half-open interval of UTC instants, `[start, end)`: back-to-back intervals do not overlap.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Interval {
    /// First instant inside the interval.
    pub start: DateTime<Utc>,
    /// First instant after the interval.
    pub end: DateTime<Utc>,
}

impl Interval {
    /// An interval from `start` to `end`; callers check `end > start` where it matters.
    pub fn new(start: DateTime<Utc>, end: DateTime<Utc>) -> Self {
        Self { start, end }
    }

    /// True when the two intervals share at least one instant.
    pub fn overlaps(&self, other: &Interval) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies entirely inside this interval.
    pub fn contains(&self, other: &Interval) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Length in whole minutes.
    pub fn minutes(&self) -> i64 {
        (self.end - self.start).num_minutes()
    }
}

/// A clinic location with its own time zone and opening hours.
#[derive(Clone, Debug, PartialEq)]
pub struct Clinic {
    /// Stable id.
    pub id: ClinicId,
    /// Name shown to staff and patients.
    pub name: String,
    /// Postal address (used in exports and reminders).
    pub address: String,
    /// IANA time zone in which staff enter and read times.
    pub time_zone: Tz,
    /// When the clinic is open, in local wall time.
    pub opening_hours: WeeklyHours,
    /// Default length of a booking slot, in minutes.
    pub slot_minutes: u32,
}

/// A practitioner who sees patients.
#[derive(Clone, Debug, PartialEq)]
pub struct Doctor {
    /// Stable id.
    pub id: DoctorId,
    /// Name as staff know it, e.g. "Dr. Anjali Rao".
    pub name: String,
    /// Specialty, e.g. "Paediatrics".
    pub specialty: String,
    /// Calendar colour as `#rrggbb`.
    pub colour: String,
    /// Inactive doctors keep their history but take no new bookings.
    pub active: bool,
}

/// The kind of a room, which decides what it is used for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RoomKind {
    /// An ordinary consultation room.
    Consultation,
    /// A room for minor procedures.
    Procedure,
    /// A booth for phone and video consultations.
    TeleBooth,
}

impl RoomKind {
    /// Stable text used in storage and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            RoomKind::Consultation => "consultation",
            RoomKind::Procedure => "procedure",
            RoomKind::TeleBooth => "tele_booth",
        }
    }

    /// Parses the text written by [`RoomKind::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "consultation" => Some(RoomKind::Consultation),
            "procedure" => Some(RoomKind::Procedure),
            "tele_booth" => Some(RoomKind::TeleBooth),
            _ => None,
        }
    }
}

/// A room in one clinic.
#[derive(Clone, Debug, PartialEq)]
pub struct Room {
    /// Stable id.
    pub id: RoomId,
    /// The clinic the room belongs to.
    pub clinic: ClinicId,
    /// Name on the door, e.g. "Room 3".
    pub name: String,
    /// What the room is used for.
    pub kind: RoomKind,
    /// Inactive rooms take no new bookings.
    pub active: bool,
}

/// A patient of the clinic.
#[derive(Clone, Debug, PartialEq)]
pub struct Patient {
    /// Stable id.
    pub id: PatientId,
    /// Full name.
    pub name: String,
    /// Phone number as the patient gave it.
    pub phone: String,
    /// Email address, may be empty.
    pub email: String,
    /// Date of birth, when known.
    pub birth_date: Option<NaiveDate>,
    /// Id in another system (EMR), may be empty.
    pub external_id: String,
}

/// How a consultation takes place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    /// The patient comes to the clinic.
    InClinic,
    /// A phone call.
    Phone,
    /// A video call with a meeting link.
    Video,
}

impl Mode {
    /// Stable text used in storage, JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::InClinic => "in_clinic",
            Mode::Phone => "phone",
            Mode::Video => "video",
        }
    }

    /// Parses the text written by [`Mode::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "in_clinic" => Some(Mode::InClinic),
            "phone" => Some(Mode::Phone),
            "video" => Some(Mode::Video),
            _ => None,
        }
    }
}

/// How an appointment came about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Booked ahead of time.
    Scheduled,
    /// The patient walked in without a booking.
    WalkIn,
    /// An emergency seen now, overbooking if it must.
    Emergency,
}

impl Kind {
    /// Stable text used in storage, JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Scheduled => "scheduled",
            Kind::WalkIn => "walk_in",
            Kind::Emergency => "emergency",
        }
    }

    /// Parses the text written by [`Kind::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "scheduled" => Some(Kind::Scheduled),
            "walk_in" => Some(Kind::WalkIn),
            "emergency" => Some(Kind::Emergency),
            _ => None,
        }
    }

    /// Walk-ins and emergencies arrive now: they start checked in and may start in the past.
    pub fn arrives_now(self) -> bool {
        !matches!(self, Kind::Scheduled)
    }
}

/// A kind of visit with its usual length.
#[derive(Clone, Debug, PartialEq)]
pub struct VisitType {
    /// Stable id.
    pub id: VisitTypeId,
    /// Name, e.g. "Follow-up".
    pub name: String,
    /// Usual length in minutes.
    pub minutes: u32,
    /// Calendar colour as `#rrggbb`.
    pub colour: String,
    /// The mode a new booking of this type starts with.
    pub default_mode: Mode,
}

/// Who called off an appointment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CancelledBy {
    /// The patient asked to cancel.
    Patient,
    /// The clinic cancelled.
    Clinic,
}

impl CancelledBy {
    /// Stable text used in storage and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            CancelledBy::Patient => "patient",
            CancelledBy::Clinic => "clinic",
        }
    }

    /// Parses the text written by [`CancelledBy::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "patient" => Some(CancelledBy::Patient),
            "clinic" => Some(CancelledBy::Clinic),
            _ => None,
        }
    }
}

/// Why and when an appointment was cancelled.
#[derive(Clone, Debug, PartialEq)]
pub struct Cancellation {
    /// The reason given.
    pub reason: String,
    /// Who asked for it.
    pub by: CancelledBy,
    /// True when cancelled less than 24 hours before the start.
    pub late: bool,
    /// When it was cancelled.
    pub at: DateTime<Utc>,
}

/// One appointment: a patient seen by a doctor, maybe in a room, over an interval.
#[derive(Clone, Debug, PartialEq)]
pub struct Appointment {
    /// Stable id.
    pub id: AppointmentId,
    /// The clinic (location).
    pub clinic: ClinicId,
    /// The patient.
    pub patient: PatientId,
    /// The doctor.
    pub doctor: DoctorId,
    /// The room, if one is needed.
    pub room: Option<RoomId>,
    /// The visit type, if chosen.
    pub visit_type: Option<VisitTypeId>,
    /// When the appointment takes place (UTC).
    pub interval: Interval,
    /// In clinic, phone or video.
    pub mode: Mode,
    /// Scheduled, walk-in or emergency.
    pub kind: Kind,
    /// 0 is normal; higher is seen sooner.
    pub priority: i32,
    /// Where it is in its lifecycle.
    pub status: Status,
    /// Why the patient comes.
    pub reason: String,
    /// Free notes by staff.
    pub notes: String,
    /// Link for video consultations.
    pub meeting_link: String,
    /// Queue token for walk-ins, e.g. "W-014".
    pub queue_token: String,
    /// When the patient arrived (checked in).
    pub arrived_at: Option<DateTime<Utc>>,
    /// When the consultation started.
    pub consultation_started_at: Option<DateTime<Utc>>,
    /// When the consultation ended.
    pub completed_at: Option<DateTime<Utc>>,
    /// Set when cancelled.
    pub cancellation: Option<Cancellation>,
    /// Staff member who created it.
    pub created_by: String,
    /// Staff member who changed it last.
    pub updated_by: String,
    /// Grows by one each time the appointment moves (iCalendar SEQUENCE).
    pub sequence: u32,
}
