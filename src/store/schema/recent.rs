//! The schema's later migrations (11 onwards): the change and setup counters the desks watch,
//! sign-in and the access log, reminders in the patient's language, the waiting room. Listed in
//! order by [`super::MIGRATIONS`].

/// Version 11: the change counter every desk watches. Each committed write that changed
/// anything adds one in its own transaction (`store::sql`), so another window or desk that sees
/// the number go up reads again (the live calendar).
pub(super) const MIGRATION_11: &str = r#"
CREATE TABLE change_counter (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    version  INTEGER NOT NULL CHECK (version >= 0)
) STRICT;
INSERT INTO change_counter (id, version) VALUES (1, 0);
"#;

/// Version 12: the setup counter. Any change to the clinic's setup that the desks keep between
/// checks (clinics and their hours, doctors and theirs, rooms and theirs) adds one, by trigger,
/// in the transaction that makes it, whoever makes it; a desk that finds it where it was knows
/// the setup it keeps is the setup stored (PostgreSQL's sessions, `store::sql::memo`).
pub(super) const MIGRATION_12: &str = r#"
CREATE TABLE setup_counter (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    version  INTEGER NOT NULL CHECK (version >= 0)
) STRICT;
INSERT INTO setup_counter (id, version) VALUES (1, 0);
CREATE TRIGGER clinic_setup_insert AFTER INSERT ON clinic
BEGIN
    UPDATE setup_counter SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER clinic_setup_update AFTER UPDATE ON clinic
BEGIN
    UPDATE setup_counter SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER clinic_setup_delete AFTER DELETE ON clinic
BEGIN
    UPDATE setup_counter SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER clinic_hours_setup_insert AFTER INSERT ON clinic_hours
BEGIN
    UPDATE setup_counter SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER clinic_hours_setup_update AFTER UPDATE ON clinic_hours
BEGIN
    UPDATE setup_counter SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER clinic_hours_setup_delete AFTER DELETE ON clinic_hours
BEGIN
    UPDATE setup_counter SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER doctor_setup_insert AFTER INSERT ON doctor
BEGIN
    UPDATE setup_counter SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER doctor_setup_update AFTER UPDATE ON doctor
BEGIN
    UPDATE setup_counter SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER doctor_setup_delete AFTER DELETE ON doctor
BEGIN
    UPDATE setup_counter SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER doctor_hours_setup_insert AFTER INSERT ON doctor_hours
BEGIN
    UPDATE setup_counter SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER doctor_hours_setup_update AFTER UPDATE ON doctor_hours
BEGIN
    UPDATE setup_counter SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER doctor_hours_setup_delete AFTER DELETE ON doctor_hours
BEGIN
    UPDATE setup_counter SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER room_setup_insert AFTER INSERT ON room
BEGIN
    UPDATE setup_counter SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER room_setup_update AFTER UPDATE ON room
BEGIN
    UPDATE setup_counter SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER room_setup_delete AFTER DELETE ON room
BEGIN
    UPDATE setup_counter SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER room_hours_setup_insert AFTER INSERT ON room_hours
BEGIN
    UPDATE setup_counter SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER room_hours_setup_update AFTER UPDATE ON room_hours
BEGIN
    UPDATE setup_counter SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER room_hours_setup_delete AFTER DELETE ON room_hours
BEGIN
    UPDATE setup_counter SET version = version + 1 WHERE id = 1;
END;
"#;

/// Version 13: the change count in up to 64 rows, summed when read (`store::sql`'s
/// `CHANGE_VERSION_SQL`): a server's desks committing at the same moment each count in the row
/// of their own transaction instead of queueing for one. SQLite's one writer counts in row 1.
pub(super) const MIGRATION_13: &str = r#"
ALTER TABLE change_counter RENAME TO change_counter_before_13;
CREATE TABLE change_counter (
    id       INTEGER PRIMARY KEY CHECK (id BETWEEN 1 AND 64),
    version  INTEGER NOT NULL CHECK (version >= 0)
) STRICT;
INSERT INTO change_counter (id, version) SELECT id, version FROM change_counter_before_13;
DROP TABLE change_counter_before_13;
"#;

/// Version 14: sign-in and the access log (issue 15). Staff get their password's and PIN's
/// Argon2id hashes (never the secrets) and their failed tries; the access log is insert-only,
/// each entry's hash covering the one before it, and its head (count and last hash) is kept in
/// a row of its own, so an edited, deleted or cut-off entry is found by `frontdesk check`.
/// Unattended jobs' service credentials are kept as the SHA-256 of their random token.
pub(super) const MIGRATION_14: &str = r#"
ALTER TABLE staff ADD COLUMN password_hash TEXT;
ALTER TABLE staff ADD COLUMN pin_hash TEXT;
ALTER TABLE staff ADD COLUMN failed_tries INTEGER NOT NULL DEFAULT 0;
ALTER TABLE staff ADD COLUMN locked_until_utc INTEGER;

CREATE TABLE access_log (
    seq      INTEGER PRIMARY KEY CHECK (seq >= 1),
    at_utc   INTEGER NOT NULL,
    desk     TEXT NOT NULL,
    staff_id BLOB,
    name     TEXT NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN ('signed_in', 'sign_in_failed', 'signed_out', 'opened_appointment', 'searched_patients', 'printed_day_sheet', 'exported', 'imported', 'backed_up', 'restored', 'changed_permission', 'read_access_log')),
    subject  TEXT NOT NULL,
    detail   TEXT NOT NULL,
    hash     TEXT NOT NULL
) STRICT;
CREATE INDEX access_log_at ON access_log(at_utc);
CREATE TRIGGER access_log_append_only_update BEFORE UPDATE ON access_log
BEGIN
    SELECT RAISE(ABORT, 'the access log is insert-only');
END;
CREATE TRIGGER access_log_append_only_delete BEFORE DELETE ON access_log
BEGIN
    SELECT RAISE(ABORT, 'the access log is insert-only');
END;

CREATE TABLE access_log_head (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    entries  INTEGER NOT NULL CHECK (entries >= 0),
    hash     TEXT NOT NULL
) STRICT;
INSERT INTO access_log_head (id, entries, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
CREATE TRIGGER access_log_head_never_deleted BEFORE DELETE ON access_log_head
BEGIN
    SELECT RAISE(ABORT, 'the access log is insert-only');
END;
CREATE TABLE service_credential (
    name         TEXT PRIMARY KEY,
    token_hash   TEXT NOT NULL,
    active       INTEGER NOT NULL DEFAULT 1,
    created_utc  INTEGER NOT NULL
) STRICT;
"#;

/// Version 15: reminders in the patient's language (issue 16). A rule's texts by language
/// (`reminder_template`; a rule's subject and body so far become its English text, as every
/// rule was written for English-reading patients until now), and Hindi texts for the two rules
/// a database starts with where their English is still the text it started with (a clinic's
/// own words are not translated behind its back). A patient's preferred language
/// (`patient_language`; none: the clinic's). Languages are BCP 47 codes (`en`, `hi`), so a
/// language added later needs no migration; one this build does not know is read as none.
/// `reminder_rule.subject` and `body` stay, holding each rule's English text (or its first),
/// for a desk still running version 14 until it is restarted (it reads them to send).
pub(super) const MIGRATION_15: &str = r#"
CREATE TABLE reminder_template (
    rule_id   BLOB NOT NULL REFERENCES reminder_rule(id),
    language  TEXT NOT NULL CHECK (length(language) BETWEEN 2 AND 35),
    subject   TEXT NOT NULL,
    body      TEXT NOT NULL CHECK (body <> ''),
    PRIMARY KEY (rule_id, language)
) STRICT, WITHOUT ROWID;
INSERT INTO reminder_template (rule_id, language, subject, body)
SELECT id, 'en', subject, body FROM reminder_rule WHERE body <> '';
INSERT INTO reminder_template (rule_id, language, subject, body)
SELECT id, 'hi', 'रिमाइंडर: {date} को {time} बजे आपका अपॉइंटमेंट',
'प्रिय {patient},

याद दिला दें कि {date} को {time} बजे {clinic} में {doctor} के साथ आपका अपॉइंटमेंट है।
{where}

यदि आप नहीं आ सकते, तो कृपया हमें फ़ोन करें ताकि हम यह समय किसी दूसरे मरीज़ को दे सकें।

{clinic}'
FROM reminder_rule WHERE id = X'0196f1c0000070008000000000000001' AND subject = 'Reminder: your appointment on {date} at {time}'
AND body = 'Dear {patient},

This is a reminder of your appointment with {doctor} at {clinic} on {date} at {time}.
{where}

If you cannot come, please call us so that we can give the time to another patient.

{clinic}';
INSERT INTO reminder_template (rule_id, language, subject, body)
SELECT id, 'hi', 'अपॉइंटमेंट रिमाइंडर',
'{clinic}: {date} को {time} बजे {doctor} के साथ आपके अपॉइंटमेंट का रिमाइंडर। {where}'
FROM reminder_rule WHERE id = X'0196f1c0000070008000000000000002' AND subject = 'Appointment reminder'
AND body = '{clinic}: reminder of your appointment with {doctor} on {date} at {time}. {where}';

CREATE TABLE patient_language (
    patient_id  BLOB PRIMARY KEY REFERENCES patient(id),
    language    TEXT NOT NULL CHECK (length(language) BETWEEN 2 AND 35),
    since_utc   INTEGER NOT NULL,
    actor       TEXT NOT NULL
) STRICT;
"#;

/// Version 16: the waiting room (issue 17). A patient can be called: the status `called`, the
/// step between arrived and with the doctor, which migration 1's check on `appointment.status`
/// did not name. SQLite cannot alter a check, and rebuilding a table of a million appointments
/// to add a word to one is slow and risky: [`loosen_status_check`] edits the table's recorded
/// SQL instead, the way SQLite documents for a change that makes a constraint accept more (every
/// stored row stays valid). `queue_call` counts each appointment's calls and keeps the last
/// one (the board's "now calling", "not here" after the clinic's number of calls, the reports'
/// called-to-seen time; each call is also an audit event). `waiting_room` holds a clinic's
/// rules for it; a clinic without a row has the defaults written here. `check_in_secret` keys
/// the self check-in codes (64 hex digits, made by the first reminder or desk that needs one).
pub(super) const MIGRATION_16: &str = r#"
CREATE TABLE queue_call (
    appointment_id  BLOB PRIMARY KEY REFERENCES appointment(id),
    calls           INTEGER NOT NULL CHECK (calls >= 1),
    last_called_at  INTEGER NOT NULL,
    called_by       TEXT NOT NULL
) STRICT;

CREATE TABLE waiting_room (
    clinic_id               BLOB PRIMARY KEY REFERENCES clinic(id),
    call_order              TEXT NOT NULL DEFAULT 'emergency,due,walk_in,early',
    call_limit              INTEGER NOT NULL DEFAULT 3 CHECK (call_limit BETWEEN 1 AND 9),
    wait_minutes            INTEGER NOT NULL DEFAULT 20 CHECK (wait_minutes BETWEEN 1 AND 600),
    emergency_wait_minutes  INTEGER NOT NULL DEFAULT 10
                              CHECK (emergency_wait_minutes BETWEEN 1 AND 600),
    board_shows             TEXT NOT NULL DEFAULT 'token' CHECK (board_shows IN ('token',
                              'initials')),
    announce                INTEGER NOT NULL DEFAULT 1 CHECK (announce IN (0, 1)),
    kiosk_early_minutes     INTEGER NOT NULL DEFAULT 60 CHECK (kiosk_early_minutes BETWEEN 0
                              AND 720),
    kiosk_late_minutes      INTEGER NOT NULL DEFAULT 15 CHECK (kiosk_late_minutes BETWEEN 0
                              AND 720),
    updated_by              TEXT NOT NULL,
    updated_at              INTEGER NOT NULL
) STRICT;

CREATE TABLE check_in_secret (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    secret  TEXT NOT NULL CHECK (length(secret) = 64)
) STRICT;
"#;

/// A migration step that cannot go on, with why.
fn failed(why: String) -> rusqlite::Error {
    rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_ERROR),
        Some(why),
    )
}

/// The words of migration 1's status check that `called` goes between.
const STATUS_CHECK_BEFORE: &str = "'checked_in', 'in_consultation'";
/// The same words with `called` in.
const STATUS_CHECK_AFTER: &str = "'checked_in', 'called', 'in_consultation'";

/// Migration 16's data step: `appointment.status` accepts `called`. Done as SQLite documents
/// for a change that only loosens a constraint (<https://sqlite.org/lang_altertable.html>,
/// "making other kinds of table schema changes"): the table's SQL is edited in `sqlite_schema`
/// with `writable_schema` on, the schema's version is moved on so every connection reads it
/// again, and the table is checked (`quick_check(appointment)`, which reads every row against
/// the checks), all in the migration's transaction. The edit must
/// match once, or the migration fails (and nothing of it is kept).
pub(super) fn loosen_status_check(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    let sql: String = conn.query_row(
        "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'appointment'",
        [],
        |r| r.get(0),
    )?;
    if sql.contains(STATUS_CHECK_AFTER) {
        return Ok(());
    }
    if sql.matches(STATUS_CHECK_BEFORE).count() != 1 {
        return Err(failed(
            "migration 16: the appointment table's status check is not the one migration 1 \
             made, so it was left as it was and nothing changed; this version cannot use the \
             database: run the version you had, and restore the backup made before the upgrade \
             (frontdesk restore) if the database itself is in doubt"
                .to_owned(),
        ));
    }
    let loosened = sql.replace(STATUS_CHECK_BEFORE, STATUS_CHECK_AFTER);
    let version: i64 = conn.pragma_query_value(None, "schema_version", |r| r.get(0))?;
    conn.pragma_update(None, "writable_schema", true)?;
    let edited = conn.execute(
        "UPDATE sqlite_schema SET sql = ?1 WHERE type = 'table' AND name = 'appointment'",
        [&loosened],
    );
    let bumped = conn.pragma_update(None, "schema_version", version + 1);
    conn.pragma_update(None, "writable_schema", false)?;
    edited?;
    bumped?;
    // Only the table whose recorded SQL changed is read again (its every row against its
    // checks): a whole-file check of a large database would hold every desk up, and a problem
    // elsewhere is `frontdesk check`'s to report, not a reason to stop this upgrade.
    let verdict: String = conn.query_row("PRAGMA quick_check(appointment)", [], |r| r.get(0))?;
    if verdict != "ok" {
        return Err(failed(format!(
            "migration 16 found the appointments failing their check ({verdict}), so nothing \
             changed; run `frontdesk check` with the version you had, or restore the backup \
             made before the upgrade (frontdesk restore)"
        )));
    }
    Ok(())
}
