//! The scheduling core: plain Rust decisions about appointments. No iced, no rusqlite, no files,
//! no clock: "now" is always passed in. `tests/architecture.rs` keeps it so.

pub mod access;
pub mod at_risk;
pub mod availability;
pub mod call_order;
pub mod conflict;
pub mod delay;
pub mod entry;
pub mod hours;
pub mod hours_text;
pub mod kiosk;
pub mod lockout;
pub mod model;
pub mod notice;
pub mod patient_match;
pub mod permission;
pub mod placement;
pub mod queue;
pub mod reminder;
pub mod reminder_job;
pub mod report;
pub mod series;
pub mod setup_rules;
pub mod slots;
pub mod staff;
pub mod status;
pub mod template;
pub mod templates;
pub mod tidy;
pub mod time;
pub mod waiting_room;
pub mod waitlist;
pub mod waitlist_match;

pub use availability::{ClinicCalendar, DoctorCalendar, RoomCalendar};
pub use conflict::{
    Absence, Booked, Clash, Conflict, ConflictContext, LocalPlan, Proposal, RoomRules, Severity,
    Verdict, check, decide, plan_at, plan_local,
};
pub use hours::{DaySpan, HoursError, WeeklyHours};
pub use model::*;
pub use series::{
    Frequency, MAX_OCCURRENCES, OccurrenceDecision, OnConflict, RuleError, SeriesEnd, SeriesId,
    SeriesRule,
};
pub use slots::{Slot, SlotQuery, SlotTarget, TimeOfDay, find_slots, find_slots_within};
pub use staff::{StaffId, StaffMember, StaffRole};
pub use status::{Status, StatusAction, TransitionError};
pub use time::LocalTime;
