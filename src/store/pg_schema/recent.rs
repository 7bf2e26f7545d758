//! PostgreSQL's later migrations (11 onwards), each as SQLite's of the same number (see
//! [`super::super::schema`]). Listed in order by [`super::PG_MIGRATIONS`].

/// Version 11: the change counter every desk watches (see SQLite's migration 11). On
/// PostgreSQL each counted commit is followed by `NOTIFY frontdesk_changes`, the other desks'
/// doorbell; the counter is what they read.
pub(super) const MIGRATION_11: &str = r#"
CREATE TABLE change_counter (
    id       bigint PRIMARY KEY CHECK (id = 1),
    version  bigint NOT NULL CHECK (version >= 0)
);
INSERT INTO change_counter (id, version) VALUES (1, 0);
"#;

/// Version 12: the setup counter (see SQLite's migration 12), counted by one function, which
/// counts in the schema it was made in whatever the search path of the one changing the setup
/// (an administrator's `psql`, say) is, as `issue_queue_token` does.
pub(super) const MIGRATION_12: &str = r#"
CREATE TABLE setup_counter (
    id       bigint PRIMARY KEY CHECK (id = 1),
    version  bigint NOT NULL CHECK (version >= 0)
);
INSERT INTO setup_counter (id, version) VALUES (1, 0);
CREATE FUNCTION count_setup_change() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $fn$
BEGIN
    UPDATE setup_counter SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END
$fn$;
CREATE TRIGGER clinic_setup_insert AFTER INSERT ON clinic
FOR EACH ROW EXECUTE FUNCTION count_setup_change();
CREATE TRIGGER clinic_setup_update AFTER UPDATE ON clinic
FOR EACH ROW EXECUTE FUNCTION count_setup_change();
CREATE TRIGGER clinic_setup_delete AFTER DELETE ON clinic
FOR EACH ROW EXECUTE FUNCTION count_setup_change();
CREATE TRIGGER clinic_hours_setup_insert AFTER INSERT ON clinic_hours
FOR EACH ROW EXECUTE FUNCTION count_setup_change();
CREATE TRIGGER clinic_hours_setup_update AFTER UPDATE ON clinic_hours
FOR EACH ROW EXECUTE FUNCTION count_setup_change();
CREATE TRIGGER clinic_hours_setup_delete AFTER DELETE ON clinic_hours
FOR EACH ROW EXECUTE FUNCTION count_setup_change();
CREATE TRIGGER doctor_setup_insert AFTER INSERT ON doctor
FOR EACH ROW EXECUTE FUNCTION count_setup_change();
CREATE TRIGGER doctor_setup_update AFTER UPDATE ON doctor
FOR EACH ROW EXECUTE FUNCTION count_setup_change();
CREATE TRIGGER doctor_setup_delete AFTER DELETE ON doctor
FOR EACH ROW EXECUTE FUNCTION count_setup_change();
CREATE TRIGGER doctor_hours_setup_insert AFTER INSERT ON doctor_hours
FOR EACH ROW EXECUTE FUNCTION count_setup_change();
CREATE TRIGGER doctor_hours_setup_update AFTER UPDATE ON doctor_hours
FOR EACH ROW EXECUTE FUNCTION count_setup_change();
CREATE TRIGGER doctor_hours_setup_delete AFTER DELETE ON doctor_hours
FOR EACH ROW EXECUTE FUNCTION count_setup_change();
CREATE TRIGGER room_setup_insert AFTER INSERT ON room
FOR EACH ROW EXECUTE FUNCTION count_setup_change();
CREATE TRIGGER room_setup_update AFTER UPDATE ON room
FOR EACH ROW EXECUTE FUNCTION count_setup_change();
CREATE TRIGGER room_setup_delete AFTER DELETE ON room
FOR EACH ROW EXECUTE FUNCTION count_setup_change();
CREATE TRIGGER room_hours_setup_insert AFTER INSERT ON room_hours
FOR EACH ROW EXECUTE FUNCTION count_setup_change();
CREATE TRIGGER room_hours_setup_update AFTER UPDATE ON room_hours
FOR EACH ROW EXECUTE FUNCTION count_setup_change();
CREATE TRIGGER room_hours_setup_delete AFTER DELETE ON room_hours
FOR EACH ROW EXECUTE FUNCTION count_setup_change();
"#;

/// Version 13: the change count in up to 64 rows (see SQLite's migration 13); each counted
/// commit adds one in the row of its transaction's id (`store::sql::pg`'s `COUNTED_COMMIT`).
pub(super) const MIGRATION_13: &str = r#"
ALTER TABLE change_counter RENAME TO change_counter_before_13;
ALTER TABLE change_counter_before_13 RENAME CONSTRAINT change_counter_pkey
    TO change_counter_before_13_pkey;
CREATE TABLE change_counter (
    id       bigint PRIMARY KEY CHECK (id BETWEEN 1 AND 64),
    version  bigint NOT NULL CHECK (version >= 0)
);
INSERT INTO change_counter (id, version) SELECT id, version FROM change_counter_before_13;
DROP TABLE change_counter_before_13;
"#;

/// Version 14: sign-in and the access log, as SQLite's migration 14.
pub(super) const MIGRATION_14: &str = r#"
ALTER TABLE staff ADD COLUMN password_hash text COLLATE "C";
ALTER TABLE staff ADD COLUMN pin_hash text COLLATE "C";
ALTER TABLE staff ADD COLUMN failed_tries bigint NOT NULL DEFAULT 0;
ALTER TABLE staff ADD COLUMN locked_until_utc bigint;

CREATE TABLE access_log (
    seq      bigint PRIMARY KEY CHECK (seq >= 1),
    at_utc   bigint NOT NULL,
    desk     text COLLATE "C" NOT NULL,
    staff_id uuid,
    name     text COLLATE "C" NOT NULL,
    kind     text COLLATE "C" NOT NULL CHECK (kind IN ('signed_in', 'sign_in_failed', 'signed_out', 'opened_appointment', 'searched_patients', 'printed_day_sheet', 'exported', 'imported', 'backed_up', 'restored', 'changed_permission', 'read_access_log')),
    subject  text COLLATE "C" NOT NULL,
    detail   text COLLATE "C" NOT NULL,
    hash     text COLLATE "C" NOT NULL
);
CREATE INDEX access_log_at ON access_log(at_utc);
CREATE TRIGGER access_log_append_only_update BEFORE UPDATE ON access_log
FOR EACH ROW EXECUTE FUNCTION refuse_change('the access log is insert-only');
CREATE TRIGGER access_log_append_only_delete BEFORE DELETE ON access_log
FOR EACH ROW EXECUTE FUNCTION refuse_change('the access log is insert-only');
CREATE TRIGGER access_log_never_truncated BEFORE TRUNCATE ON access_log
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('the access log is insert-only');

CREATE TABLE access_log_head (
    id       bigint PRIMARY KEY CHECK (id = 1),
    entries  bigint NOT NULL CHECK (entries >= 0),
    hash     text COLLATE "C" NOT NULL
);
INSERT INTO access_log_head (id, entries, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
CREATE TRIGGER access_log_head_never_deleted BEFORE DELETE ON access_log_head
FOR EACH ROW EXECUTE FUNCTION refuse_change('the access log is insert-only');
CREATE TRIGGER access_log_head_never_truncated BEFORE TRUNCATE ON access_log_head
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('the access log is insert-only');
CREATE TABLE service_credential (
    name         text COLLATE "C" PRIMARY KEY,
    token_hash   text COLLATE "C" NOT NULL,
    active       bigint NOT NULL DEFAULT 1,
    created_utc  bigint NOT NULL
);
"#;

/// Version 15: reminders in the patient's language, as SQLite's migration 15.
pub(super) const MIGRATION_15: &str = r#"
CREATE TABLE reminder_template (
    rule_id   uuid NOT NULL REFERENCES reminder_rule(id),
    language  text COLLATE "C" NOT NULL CHECK (length(language) BETWEEN 2 AND 35),
    subject   text COLLATE "C" NOT NULL,
    body      text COLLATE "C" NOT NULL CHECK (body <> ''),
    PRIMARY KEY (rule_id, language)
);
INSERT INTO reminder_template (rule_id, language, subject, body)
SELECT id, 'en', subject, body FROM reminder_rule WHERE body <> '';
INSERT INTO reminder_template (rule_id, language, subject, body)
SELECT id, 'hi', 'रिमाइंडर: {date} को {time} बजे आपका अपॉइंटमेंट',
'प्रिय {patient},

याद दिला दें कि {date} को {time} बजे {clinic} में {doctor} के साथ आपका अपॉइंटमेंट है।
{where}

यदि आप नहीं आ सकते, तो कृपया हमें फ़ोन करें ताकि हम यह समय किसी दूसरे मरीज़ को दे सकें।

{clinic}'
FROM reminder_rule WHERE id = '0196f1c0-0000-7000-8000-000000000001' AND subject = 'Reminder: your appointment on {date} at {time}'
AND body = 'Dear {patient},

This is a reminder of your appointment with {doctor} at {clinic} on {date} at {time}.
{where}

If you cannot come, please call us so that we can give the time to another patient.

{clinic}';
INSERT INTO reminder_template (rule_id, language, subject, body)
SELECT id, 'hi', 'अपॉइंटमेंट रिमाइंडर',
'{clinic}: {date} को {time} बजे {doctor} के साथ आपके अपॉइंटमेंट का रिमाइंडर। {where}'
FROM reminder_rule WHERE id = '0196f1c0-0000-7000-8000-000000000002' AND subject = 'Appointment reminder'
AND body = '{clinic}: reminder of your appointment with {doctor} on {date} at {time}. {where}';

CREATE TABLE patient_language (
    patient_id  uuid PRIMARY KEY REFERENCES patient(id),
    language    text COLLATE "C" NOT NULL CHECK (length(language) BETWEEN 2 AND 35),
    since_utc   bigint NOT NULL,
    actor       text COLLATE "C" NOT NULL
);
"#;

/// Version 16: the waiting room (see SQLite's migration 16). PostgreSQL can replace a check:
/// migration 1's check on `appointment.status` (named by PostgreSQL `appointment_status_check`)
/// is dropped and made again naming `called`, which every stored row passes.
pub(super) const MIGRATION_16: &str = r#"
ALTER TABLE appointment DROP CONSTRAINT appointment_status_check;
ALTER TABLE appointment ADD CONSTRAINT appointment_status_check CHECK (status IN ('scheduled',
    'confirmed', 'checked_in', 'called', 'in_consultation', 'completed', 'cancelled', 'no_show',
    'entered_in_error'));

CREATE TABLE queue_call (
    appointment_id  uuid PRIMARY KEY REFERENCES appointment(id),
    calls           bigint NOT NULL CHECK (calls >= 1),
    last_called_at  bigint NOT NULL,
    called_by       text COLLATE "C" NOT NULL
);

CREATE TABLE waiting_room (
    clinic_id               uuid PRIMARY KEY REFERENCES clinic(id),
    call_order              text COLLATE "C" NOT NULL DEFAULT 'emergency,due,walk_in,early',
    call_limit              bigint NOT NULL DEFAULT 3 CHECK (call_limit BETWEEN 1 AND 9),
    wait_minutes            bigint NOT NULL DEFAULT 20 CHECK (wait_minutes BETWEEN 1 AND 600),
    emergency_wait_minutes  bigint NOT NULL DEFAULT 10
                              CHECK (emergency_wait_minutes BETWEEN 1 AND 600),
    board_shows             text COLLATE "C" NOT NULL DEFAULT 'token' CHECK (board_shows IN
                              ('token', 'initials')),
    announce                bigint NOT NULL DEFAULT 1 CHECK (announce IN (0, 1)),
    kiosk_early_minutes     bigint NOT NULL DEFAULT 60 CHECK (kiosk_early_minutes BETWEEN 0
                              AND 720),
    kiosk_late_minutes      bigint NOT NULL DEFAULT 15 CHECK (kiosk_late_minutes BETWEEN 0
                              AND 720),
    updated_by              text COLLATE "C" NOT NULL,
    updated_at              bigint NOT NULL
);

CREATE TABLE check_in_secret (
    id      bigint PRIMARY KEY CHECK (id = 1),
    secret  text COLLATE "C" NOT NULL CHECK (length(secret) = 64)
);
"#;
