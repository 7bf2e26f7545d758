//! The database schema as an ordered list of migrations; migration N brings `user_version` from
//! N-1 to N, each in its own transaction. Append new migrations; never edit a released one.

mod recent;
use recent::{MIGRATION_11, MIGRATION_12, MIGRATION_13, MIGRATION_14, MIGRATION_15, MIGRATION_16};

/// `PRAGMA application_id` of every Frontdesk database ("FDSK").
pub const APPLICATION_ID: i32 = 0x4644_534B;

/// The migrations, in order. Index 0 is migration 1.
pub const MIGRATIONS: &[&str] = &[
    MIGRATION_1,
    MIGRATION_2,
    MIGRATION_3,
    MIGRATION_4,
    MIGRATION_5,
    MIGRATION_6,
    MIGRATION_7,
    MIGRATION_8,
    MIGRATION_9,
    MIGRATION_10,
    MIGRATION_11,
    MIGRATION_12,
    MIGRATION_13,
    MIGRATION_14,
    MIGRATION_15,
    MIGRATION_16,
];

/// The schema version this build writes.
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

/// Version 1: clinics, staff-facing entities, appointments and the append-only audit log.
const MIGRATION_1: &str = r#"
CREATE TABLE clinic (
    id            BLOB PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    address       TEXT NOT NULL DEFAULT '',
    time_zone     TEXT NOT NULL,
    slot_minutes  INTEGER NOT NULL DEFAULT 15 CHECK (slot_minutes BETWEEN 5 AND 240)
) STRICT;

CREATE TABLE clinic_hours (
    clinic_id     BLOB NOT NULL REFERENCES clinic(id),
    weekday       INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    start_minute  INTEGER NOT NULL,
    end_minute    INTEGER NOT NULL,
    CHECK (0 <= start_minute AND start_minute < end_minute AND end_minute <= 1440)
) STRICT;
CREATE INDEX clinic_hours_clinic ON clinic_hours(clinic_id);

CREATE TABLE doctor (
    id         BLOB PRIMARY KEY,
    name       TEXT NOT NULL,
    specialty  TEXT NOT NULL DEFAULT '',
    colour     TEXT NOT NULL DEFAULT '#4a90d9',
    active     INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE doctor_hours (
    doctor_id     BLOB NOT NULL REFERENCES doctor(id),
    clinic_id     BLOB NOT NULL REFERENCES clinic(id),
    weekday       INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    start_minute  INTEGER NOT NULL,
    end_minute    INTEGER NOT NULL,
    CHECK (0 <= start_minute AND start_minute < end_minute AND end_minute <= 1440)
) STRICT;
CREATE INDEX doctor_hours_doctor ON doctor_hours(doctor_id, clinic_id);

CREATE TABLE doctor_leave (
    id         INTEGER PRIMARY KEY,
    doctor_id  BLOB NOT NULL REFERENCES doctor(id),
    start_utc  INTEGER NOT NULL,
    end_utc    INTEGER NOT NULL,
    reason     TEXT NOT NULL DEFAULT '',
    CHECK (end_utc > start_utc)
) STRICT;
CREATE INDEX doctor_leave_doctor ON doctor_leave(doctor_id, start_utc);

CREATE TABLE room (
    id         BLOB PRIMARY KEY,
    clinic_id  BLOB NOT NULL REFERENCES clinic(id),
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('consultation', 'procedure', 'tele_booth')),
    active     INTEGER NOT NULL DEFAULT 1,
    UNIQUE (clinic_id, name)
) STRICT;

CREATE TABLE room_hours (
    room_id       BLOB NOT NULL REFERENCES room(id),
    weekday       INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    start_minute  INTEGER NOT NULL,
    end_minute    INTEGER NOT NULL,
    CHECK (0 <= start_minute AND start_minute < end_minute AND end_minute <= 1440)
) STRICT;
CREATE INDEX room_hours_room ON room_hours(room_id);

CREATE TABLE room_blockout (
    id         INTEGER PRIMARY KEY,
    room_id    BLOB NOT NULL REFERENCES room(id),
    start_utc  INTEGER NOT NULL,
    end_utc    INTEGER NOT NULL,
    reason     TEXT NOT NULL DEFAULT '',
    CHECK (end_utc > start_utc)
) STRICT;
CREATE INDEX room_blockout_room ON room_blockout(room_id, start_utc);

CREATE TABLE patient (
    id           BLOB PRIMARY KEY,
    name         TEXT NOT NULL,
    phone        TEXT NOT NULL DEFAULT '',
    email        TEXT NOT NULL DEFAULT '',
    birth_date   TEXT,
    external_id  TEXT NOT NULL DEFAULT '',
    -- search keys: lower-case full name, lower-case last word, phone digits, last 10 digits
    name_key     TEXT NOT NULL,
    family_key   TEXT NOT NULL,
    phone_key    TEXT NOT NULL,
    phone_tail   TEXT NOT NULL
) STRICT;
CREATE INDEX patient_name_key ON patient(name_key);
CREATE INDEX patient_family_key ON patient(family_key);
CREATE INDEX patient_phone_key ON patient(phone_key);
CREATE INDEX patient_phone_tail ON patient(phone_tail);

CREATE TABLE visit_type (
    id            BLOB PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    minutes       INTEGER NOT NULL CHECK (minutes > 0),
    colour        TEXT NOT NULL DEFAULT '#7a7a7a',
    default_mode  TEXT NOT NULL CHECK (default_mode IN ('in_clinic', 'phone', 'video'))
) STRICT;

CREATE TABLE appointment (
    id                       BLOB PRIMARY KEY,
    clinic_id                BLOB NOT NULL REFERENCES clinic(id),
    patient_id               BLOB NOT NULL REFERENCES patient(id),
    doctor_id                BLOB NOT NULL REFERENCES doctor(id),
    room_id                  BLOB REFERENCES room(id),
    visit_type_id            BLOB REFERENCES visit_type(id),
    start_utc                INTEGER NOT NULL,
    end_utc                  INTEGER NOT NULL,
    mode                     TEXT NOT NULL CHECK (mode IN ('in_clinic', 'phone', 'video')),
    kind                     TEXT NOT NULL CHECK (kind IN ('scheduled', 'walk_in', 'emergency')),
    priority                 INTEGER NOT NULL DEFAULT 0,
    status                   TEXT NOT NULL CHECK (status IN ('scheduled', 'confirmed',
                               'checked_in', 'in_consultation', 'completed', 'cancelled',
                               'no_show', 'entered_in_error')),
    reason                   TEXT NOT NULL DEFAULT '',
    notes                    TEXT NOT NULL DEFAULT '',
    meeting_link             TEXT NOT NULL DEFAULT '',
    queue_token              TEXT NOT NULL DEFAULT '',
    arrived_at               INTEGER,
    consultation_started_at  INTEGER,
    completed_at             INTEGER,
    cancel_reason            TEXT,
    cancelled_by             TEXT CHECK (cancelled_by IN ('patient', 'clinic')),
    cancelled_late           INTEGER,
    cancelled_at             INTEGER,
    created_by               TEXT NOT NULL,
    created_at               INTEGER NOT NULL,
    updated_by               TEXT NOT NULL,
    updated_at               INTEGER NOT NULL,
    CHECK (end_utc > start_utc)
) STRICT;
CREATE INDEX appointment_clinic_start ON appointment(clinic_id, start_utc);
CREATE INDEX appointment_doctor_start ON appointment(doctor_id, start_utc);
CREATE INDEX appointment_room_start ON appointment(room_id, start_utc);
CREATE INDEX appointment_patient_start ON appointment(patient_id, start_utc);

CREATE TRIGGER appointment_never_deleted BEFORE DELETE ON appointment
BEGIN
    SELECT RAISE(ABORT, 'appointments are never deleted: mark them entered_in_error');
END;

CREATE TABLE audit_event (
    id              INTEGER PRIMARY KEY,
    appointment_id  BLOB NOT NULL REFERENCES appointment(id),
    at_utc          INTEGER NOT NULL,
    actor           TEXT NOT NULL,
    action          TEXT NOT NULL,
    before          TEXT,
    after           TEXT,
    reason          TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX audit_event_appointment ON audit_event(appointment_id, id);

CREATE TRIGGER audit_event_append_only_update BEFORE UPDATE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_event_append_only_delete BEFORE DELETE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
"#;

/// Version 2: a move counter (iCalendar SEQUENCE), the overbook reason on the appointment so the
/// calendar and `check` can tell deliberate overlaps from broken ones, and audit by time.
const MIGRATION_2: &str = r#"
ALTER TABLE appointment ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE appointment ADD COLUMN overbook_reason TEXT;
CREATE INDEX audit_event_at ON audit_event(at_utc);
"#;

/// Waitlist: patients waiting for an earlier slot, and the append-only log of what happened to
/// each entry. Entries are never deleted: taking one off the list marks it removed.
const MIGRATION_3: &str = r#"
CREATE TABLE waitlist_entry (
    id                     BLOB PRIMARY KEY,
    clinic_id              BLOB NOT NULL REFERENCES clinic(id),
    patient_id             BLOB NOT NULL REFERENCES patient(id),
    doctor_id              BLOB REFERENCES doctor(id),
    visit_type_id          BLOB REFERENCES visit_type(id),
    minutes                INTEGER NOT NULL CHECK (minutes BETWEEN 5 AND 480),
    weekdays               INTEGER NOT NULL CHECK (weekdays BETWEEN 1 AND 127),
    window_start           INTEGER,
    window_end             INTEGER,
    earliest_date          TEXT,
    latest_date            TEXT,
    held_appointment_id    BLOB REFERENCES appointment(id),
    notes                  TEXT NOT NULL DEFAULT '',
    priority               INTEGER NOT NULL DEFAULT 0,
    status                 TEXT NOT NULL CHECK (status IN ('waiting', 'offered', 'booked',
                             'removed')),
    booked_appointment_id  BLOB REFERENCES appointment(id),
    created_by             TEXT NOT NULL,
    created_at             INTEGER NOT NULL,
    updated_by             TEXT NOT NULL,
    updated_at             INTEGER NOT NULL,
    CHECK ((window_start IS NULL) = (window_end IS NULL)),
    CHECK (window_start IS NULL OR (0 <= window_start AND window_start < window_end
           AND window_end <= 1440))
) STRICT;
CREATE INDEX waitlist_entry_clinic_status ON waitlist_entry(clinic_id, status, created_at);
CREATE INDEX waitlist_entry_patient ON waitlist_entry(patient_id);

CREATE TRIGGER waitlist_entry_never_deleted BEFORE DELETE ON waitlist_entry
BEGIN
    SELECT RAISE(ABORT, 'waitlist entries are never deleted: mark them removed');
END;

CREATE TABLE waitlist_event (
    id        INTEGER PRIMARY KEY,
    entry_id  BLOB NOT NULL REFERENCES waitlist_entry(id),
    at_utc    INTEGER NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    before    TEXT,
    after     TEXT,
    reason    TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX waitlist_event_entry ON waitlist_event(entry_id, id);

CREATE TRIGGER waitlist_event_append_only_update BEFORE UPDATE ON waitlist_event
BEGIN
    SELECT RAISE(ABORT, 'the waitlist log is append-only');
END;
CREATE TRIGGER waitlist_event_append_only_delete BEFORE DELETE ON waitlist_event
BEGIN
    SELECT RAISE(ABORT, 'the waitlist log is append-only');
END;
"#;

/// Recurring series: the rule in RFC 5545 RRULE terms (FREQ, INTERVAL, BYDAY, UNTIL as a local
/// date or COUNT), the clinic-local start date and wall time with the zone, who created it, and
/// the series it was split from ("this and the following ones"). Each appointment of a series
/// names it and its occurrence's original local date (iCalendar RECURRENCE-ID). Dates of the
/// rule without an appointment were left out (EXDATE). Changes to a series row are recorded in
/// the append-only `series_audit`; changes to its appointments in `audit_event` as always.
const MIGRATION_4: &str = r#"
CREATE TABLE series (
    id             BLOB PRIMARY KEY,
    clinic_id      BLOB NOT NULL REFERENCES clinic(id),
    patient_id     BLOB NOT NULL REFERENCES patient(id),
    doctor_id      BLOB NOT NULL REFERENCES doctor(id),
    room_id        BLOB REFERENCES room(id),
    visit_type_id  BLOB REFERENCES visit_type(id),
    freq           TEXT NOT NULL CHECK (freq IN ('DAILY', 'WEEKLY')),
    interval       INTEGER NOT NULL CHECK (interval BETWEEN 1 AND 52),
    by_day         TEXT NOT NULL DEFAULT '',
    until_date     TEXT,
    count          INTEGER CHECK (count BETWEEN 1 AND 104),
    start_date     TEXT NOT NULL,
    start_time     TEXT NOT NULL,
    minutes        INTEGER NOT NULL CHECK (minutes > 0),
    time_zone      TEXT NOT NULL,
    split_from     BLOB REFERENCES series(id),
    created_by     TEXT NOT NULL,
    created_at     INTEGER NOT NULL,
    updated_by     TEXT NOT NULL,
    updated_at     INTEGER NOT NULL,
    CHECK ((until_date IS NULL) <> (count IS NULL))
) STRICT;
CREATE INDEX series_patient ON series(patient_id);

CREATE TRIGGER series_never_deleted BEFORE DELETE ON series
BEGIN
    SELECT RAISE(ABORT, 'series are never deleted: cancel their appointments');
END;

CREATE TABLE series_audit (
    id         INTEGER PRIMARY KEY,
    series_id  BLOB NOT NULL REFERENCES series(id),
    at_utc     INTEGER NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    before     TEXT,
    after      TEXT,
    reason     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX series_audit_series ON series_audit(series_id, id);
CREATE TRIGGER series_audit_append_only_update BEFORE UPDATE ON series_audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER series_audit_append_only_delete BEFORE DELETE ON series_audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

ALTER TABLE appointment ADD COLUMN series_id BLOB REFERENCES series(id);
ALTER TABLE appointment ADD COLUMN occurrence_date TEXT;
CREATE INDEX appointment_series ON appointment(series_id, occurrence_date)
    WHERE series_id IS NOT NULL;
"#;

/// Settings: the staff members who work the desk, and the append-only audit of setup changes
/// (clinic, doctors and their hours and leave, rooms and their hours and blockouts, visit types,
/// staff). Entity ids are text so that any kind of row (a UUID, a leave row's number) fits.
const MIGRATION_5: &str = r#"
CREATE TABLE staff (
    id      BLOB PRIMARY KEY,
    name    TEXT NOT NULL,
    role    TEXT NOT NULL CHECK (role IN ('receptionist', 'nurse', 'manager', 'administrator')),
    active  INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE UNIQUE INDEX staff_name ON staff(name COLLATE NOCASE);

CREATE TABLE setup_audit (
    id           INTEGER PRIMARY KEY,
    at_utc       INTEGER NOT NULL,
    actor        TEXT NOT NULL,
    entity_kind  TEXT NOT NULL,
    entity_id    TEXT NOT NULL,
    action       TEXT NOT NULL,
    before       TEXT,
    after        TEXT
) STRICT;
CREATE INDEX setup_audit_entity ON setup_audit(entity_id, id);
CREATE INDEX setup_audit_at ON setup_audit(at_utc);

CREATE TRIGGER setup_audit_append_only_update BEFORE UPDATE ON setup_audit
BEGIN
    SELECT RAISE(ABORT, 'the setup audit is append-only');
END;
CREATE TRIGGER setup_audit_append_only_delete BEFORE DELETE ON setup_audit
BEGIN
    SELECT RAISE(ABORT, 'the setup audit is append-only');
END;
"#;

/// Reminders: the clinic's rules (with their message templates), the outbox of reminder jobs,
/// channel settings (SMTP, webhook, meeting links) and patients' opt-outs; changes to them go to
/// `setup_audit`. Two rules to start with; they plan nothing until their channel is set up.
/// Self-contained: it only adds tables and rows.
const MIGRATION_6: &str = r#"
CREATE TABLE reminder_rule (
    id             BLOB PRIMARY KEY,
    name           TEXT NOT NULL,
    lead_kind      TEXT NOT NULL CHECK (lead_kind IN ('before', 'days_before_at')),
    -- 'before': minutes before the start; 'days_before_at': the local minute of the day
    lead_minutes   INTEGER NOT NULL CHECK (lead_minutes >= 0),
    lead_days      INTEGER NOT NULL DEFAULT 0 CHECK (lead_days BETWEEN 0 AND 7),
    visit_type_id  BLOB REFERENCES visit_type(id),
    channel        TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
    subject        TEXT NOT NULL,
    body           TEXT NOT NULL,
    active         INTEGER NOT NULL DEFAULT 1,
    position       INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE reminder_job (
    id                 INTEGER PRIMARY KEY,
    appointment_id     BLOB NOT NULL REFERENCES appointment(id),
    rule_id            BLOB NOT NULL REFERENCES reminder_rule(id),
    planned_start_utc  INTEGER NOT NULL,
    due_utc            INTEGER NOT NULL,
    channel            TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
    recipient          TEXT NOT NULL,
    state              TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed', 'skipped')),
    attempts           INTEGER NOT NULL DEFAULT 0,
    retry_utc          INTEGER,
    last_error         TEXT NOT NULL DEFAULT '',
    skip_reason        TEXT CHECK (skip_reason IN ('cancelled', 'moved', 'no_contact',
                         'opted_out', 'too_late', 'passed', 'arrived', 'rule_off')),
    sent_utc           INTEGER,
    claimed_until_utc  INTEGER,
    subject            TEXT NOT NULL DEFAULT '',
    body               TEXT NOT NULL DEFAULT '',
    created_utc        INTEGER NOT NULL,
    updated_utc        INTEGER NOT NULL,
    UNIQUE (appointment_id, rule_id, planned_start_utc),
    CHECK ((state = 'skipped') = (skip_reason IS NOT NULL))
) STRICT;
CREATE INDEX reminder_job_due ON reminder_job(state, due_utc);
CREATE INDEX reminder_job_updated ON reminder_job(updated_utc);

CREATE TABLE reminder_setting (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) STRICT;

CREATE TABLE reminder_opt_out (
    patient_id  BLOB PRIMARY KEY REFERENCES patient(id),
    since_utc   INTEGER NOT NULL,
    actor       TEXT NOT NULL
) STRICT;

INSERT INTO reminder_rule (id, name, lead_kind, lead_minutes, lead_days, channel, subject, body,
                           position)
VALUES
    (X'0196f1c0000070008000000000000001', 'Email, 24 h before', 'before', 1440, 0, 'email',
     'Reminder: your appointment on {date} at {time}',
     'Dear {patient},

This is a reminder of your appointment with {doctor} at {clinic} on {date} at {time}.
{where}

If you cannot come, please call us so that we can give the time to another patient.

{clinic}', 1),
    (X'0196f1c0000070008000000000000002', 'SMS, 2 h before', 'before', 120, 0, 'webhook',
     'Appointment reminder',
     '{clinic}: reminder of your appointment with {doctor} on {date} at {time}. {where}', 2);
"#;

/// Reminder rules per clinic: a rule names the clinic whose appointments it reminds of, or none
/// for every clinic of the database (what every rule did before).
const MIGRATION_7: &str = r#"
ALTER TABLE reminder_rule ADD COLUMN clinic_id BLOB REFERENCES clinic(id);
"#;

/// Reports read a clinic's appointments over up to a year: an index holding every column they
/// read makes that a scan of the index alone, with no lookup into the table for each row. It
/// starts with (clinic_id, start_utc), so it serves every query the index it replaces served.
const MIGRATION_8: &str = r#"
CREATE INDEX appointment_clinic_report ON appointment(clinic_id, start_utc, end_utc, doctor_id,
    room_id, visit_type_id, status, cancelled_late, arrived_at, consultation_started_at,
    completed_at);
DROP INDEX appointment_clinic_start;
"#;

/// Queue tokens unique per clinic day. `queue_token` is the ledger of every token ever issued:
/// one row per (clinic, clinic-local day, token), so a token is never given twice in a day even
/// after its appointment moved or was cancelled; rows are never changed or deleted. Each
/// appointment holding a token names its day (`queue_date`, the clinic-local date of its start,
/// `YYYY-MM-DD`). The data step ([`finish_migration`]) fills `queue_date` and the ledger and
/// re-issues the later of any two appointments that held the same token on the same day (a
/// "token reissued" audit event each), before [`MIGRATION_9_CONSTRAINTS`] makes the duplicates
/// impossible.
const MIGRATION_9: &str = r#"
ALTER TABLE appointment ADD COLUMN queue_date TEXT;

CREATE TABLE queue_token (
    clinic_id       BLOB NOT NULL REFERENCES clinic(id),
    local_date      TEXT NOT NULL,
    token           TEXT NOT NULL CHECK (token <> ''),
    appointment_id  BLOB NOT NULL REFERENCES appointment(id),
    issued_at       INTEGER NOT NULL,
    PRIMARY KEY (clinic_id, local_date, token)
) STRICT, WITHOUT ROWID;
"#;

/// Migration 9's ledger of queue tokens kept up to date and append-only: every token an
/// appointment gets enters the ledger; its rows are never changed or deleted. Made by
/// migration 9, set aside and made again by migration 10 around its data step.
macro_rules! token_ledger_triggers {
    () => {
        r#"
CREATE TRIGGER appointment_token_issued_insert AFTER INSERT ON appointment
WHEN NEW.queue_token <> ''
BEGIN
    INSERT INTO queue_token (clinic_id, local_date, token, appointment_id, issued_at)
    VALUES (NEW.clinic_id, NEW.queue_date, NEW.queue_token, NEW.id, NEW.created_at);
END;
CREATE TRIGGER appointment_token_issued_update AFTER UPDATE OF queue_token, queue_date
    ON appointment
WHEN NEW.queue_token <> ''
    AND (NEW.queue_token IS NOT OLD.queue_token OR NEW.queue_date IS NOT OLD.queue_date)
BEGIN
    INSERT INTO queue_token (clinic_id, local_date, token, appointment_id, issued_at)
    VALUES (NEW.clinic_id, NEW.queue_date, NEW.queue_token, NEW.id, NEW.updated_at);
END;

CREATE TRIGGER queue_token_append_only_update BEFORE UPDATE ON queue_token
BEGIN
    SELECT RAISE(ABORT, 'queue tokens once issued are kept: the ledger is append-only');
END;
CREATE TRIGGER queue_token_append_only_delete BEFORE DELETE ON queue_token
BEGIN
    SELECT RAISE(ABORT, 'queue tokens once issued are kept: the ledger is append-only');
END;
"#
    };
}

/// Migration 9's constraints, applied after its data step: no two appointments of a clinic hold
/// one token on one day; a token always names its day; every token an appointment gets enters
/// the ledger, whose key refuses a token given before that day; the ledger is append-only.
pub const MIGRATION_9_CONSTRAINTS: &str = concat!(
    r#"
CREATE UNIQUE INDEX appointment_queue_token ON appointment(clinic_id, queue_date, queue_token)
    WHERE queue_token <> '';

CREATE TRIGGER appointment_token_needs_day_insert BEFORE INSERT ON appointment
WHEN NEW.queue_token <> '' AND NEW.queue_date IS NULL
BEGIN
    SELECT RAISE(ABORT, 'a queue token needs its clinic day (queue_date)');
END;
CREATE TRIGGER appointment_token_needs_day_update BEFORE UPDATE OF queue_token, queue_date
    ON appointment
WHEN NEW.queue_token <> '' AND NEW.queue_date IS NULL
BEGIN
    SELECT RAISE(ABORT, 'a queue token needs its clinic day (queue_date)');
END;

"#,
    token_ledger_triggers!()
);

/// Queue tokens compared by their letter and number. Migration 9's unique index compares
/// tokens as text, so `W-1`, `w-001` and `W-0001` could each hold walk-in number 1 on a day
/// where `W-001` was given, and an imported `W-9999` closed the day's queue. From here on a
/// stored token is written only one way, as the core writes it for the appointment's kind
/// (`W-001` … `W-9999` for a walk-in, `E-001` … `E-9999` for an emergency, none for a
/// scheduled appointment), so equal text is equal number and the unique index and the ledger's
/// key of migration 9 hold tokens unique by number. The data step
/// ([`super::queue::upgrade_token_forms`]) first gives every day's tokens the form and numbers
/// an import would give them today (`scheduling::queue::import_tokens`, in the order they were
/// booked; each change audited as "token reissued"), and takes the tokens no one holds out of
/// the ledger; so the ledger's triggers are set aside here and made again by
/// [`MIGRATION_10_CONSTRAINTS`].
const MIGRATION_10: &str = r#"
DROP TRIGGER appointment_token_issued_insert;
DROP TRIGGER appointment_token_issued_update;
DROP TRIGGER queue_token_append_only_update;
DROP TRIGGER queue_token_append_only_delete;
"#;

/// Migration 10's constraints, applied after its data step: migration 9's ledger triggers
/// again, and a token only in the one form, for its kind, in appointments and in the ledger.
pub const MIGRATION_10_CONSTRAINTS: &str = concat!(
    token_ledger_triggers!(),
    r#"
CREATE TRIGGER appointment_token_form_insert BEFORE INSERT ON appointment
WHEN NEW.queue_token <> '' AND NOT (
    (NEW.kind = 'walk_in' AND (NEW.queue_token GLOB 'W-[0-9][0-9][0-9]'
        OR NEW.queue_token GLOB 'W-[1-9][0-9][0-9][0-9]') AND NEW.queue_token <> 'W-000')
    OR (NEW.kind = 'emergency' AND (NEW.queue_token GLOB 'E-[0-9][0-9][0-9]'
        OR NEW.queue_token GLOB 'E-[1-9][0-9][0-9][0-9]') AND NEW.queue_token <> 'E-000'))
BEGIN
    SELECT RAISE(ABORT, 'a queue token is written W-001 to W-9999 for a walk-in, E-001 to E-9999 for an emergency, and a scheduled appointment holds none');
END;
CREATE TRIGGER appointment_token_form_update BEFORE UPDATE OF queue_token, kind ON appointment
WHEN NEW.queue_token <> '' AND NOT (
    (NEW.kind = 'walk_in' AND (NEW.queue_token GLOB 'W-[0-9][0-9][0-9]'
        OR NEW.queue_token GLOB 'W-[1-9][0-9][0-9][0-9]') AND NEW.queue_token <> 'W-000')
    OR (NEW.kind = 'emergency' AND (NEW.queue_token GLOB 'E-[0-9][0-9][0-9]'
        OR NEW.queue_token GLOB 'E-[1-9][0-9][0-9][0-9]') AND NEW.queue_token <> 'E-000'))
BEGIN
    SELECT RAISE(ABORT, 'a queue token is written W-001 to W-9999 for a walk-in, E-001 to E-9999 for an emergency, and a scheduled appointment holds none');
END;
CREATE TRIGGER queue_token_form BEFORE INSERT ON queue_token
WHEN NOT ((NEW.token GLOB '[WE]-[0-9][0-9][0-9]' OR NEW.token GLOB '[WE]-[1-9][0-9][0-9][0-9]')
    AND NEW.token NOT IN ('W-000', 'E-000'))
BEGIN
    SELECT RAISE(ABORT, 'the ledger holds queue tokens as written W-001 or E-001, one per number');
END;
"#
);

/// The part of a migration that SQL alone cannot do, run after its SQL in the same
/// transaction: migrations 9 and 10 need each clinic's time zone and the core's queue rules;
/// migration 16 loosens a check SQL cannot alter.
pub fn finish_migration(conn: &rusqlite::Connection, version: i64) -> rusqlite::Result<()> {
    match version {
        9 => {
            super::queue::upgrade_tokens(&super::sql::Db::Sqlite(conn))
                .map_err(super::sql::Error::into_sqlite)?;
            conn.execute_batch(MIGRATION_9_CONSTRAINTS)
        }
        10 => {
            super::queue::upgrade_token_forms(&super::sql::Db::Sqlite(conn))
                .map_err(super::sql::Error::into_sqlite)?;
            conn.execute_batch(MIGRATION_10_CONSTRAINTS)
        }
        16 => recent::loosen_status_check(conn),
        _ => Ok(()),
    }
}
