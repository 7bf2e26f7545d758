//! Whole numbers on the command line. Every numeric flag has a range, and clap checks it while
//! it reads the arguments, before anything is opened: a negative, huge or non-numeric value is
//! refused with the flag, the value and the range ("invalid value '-5' for '--minutes <N>': -5
//! is out of range: give 1 to 480 minutes"), exit status 2, nothing written.

use frontdesk::scheduling::MAX_APPOINTMENT_MINUTES;
use frontdesk::scheduling::time::echo;

/// The most days `agenda --days` and `slots --days` look at.
pub const MAX_DAYS: u32 = 366;

/// The most slots `slots --count` lists.
pub const MAX_SLOTS: usize = 500;

/// The most rows `reminders outbox --limit` lists.
pub const MAX_OUTBOX_ROWS: usize = 10_000;

/// The most daily backups `--keep-backups` keeps: three years of days.
pub const MAX_KEEP_BACKUPS: usize = 1_000;

/// Reads a whole number from `least` to `most`; `unit` names what it counts in the message.
fn whole(text: &str, least: u64, most: u64, unit: &str) -> Result<u64, String> {
    let t = text.trim();
    let range = format!("give {least} to {most} {unit}");
    let digits = t.strip_prefix(['-', '+']).unwrap_or(t);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("\"{}\" is not a whole number: {range}", echo(t)));
    }
    if t.starts_with('-') && digits.bytes().any(|b| b != b'0') {
        return Err(format!("{} is out of range: {range}", echo(t)));
    }
    digits
        .parse::<u64>()
        .ok()
        .filter(|n| (least..=most).contains(n))
        .ok_or_else(|| format!("{} is out of range: {range}", echo(t)))
}

/// The length of a visit: 1 to [`MAX_APPOINTMENT_MINUTES`] minutes.
pub fn visit_minutes(text: &str) -> Result<u32, String> {
    let most = u64::try_from(MAX_APPOINTMENT_MINUTES).unwrap_or(0);
    let n = whole(text, 1, most, "minutes (a visit is at most 8 hours)")?;
    u32::try_from(n).map_err(|e| e.to_string())
}

/// A number of days to show or search: 1 to [`MAX_DAYS`].
pub fn days(text: &str) -> Result<u32, String> {
    let n = whole(text, 1, u64::from(MAX_DAYS), "days")?;
    u32::try_from(n).map_err(|e| e.to_string())
}

/// How many slots to list: 1 to [`MAX_SLOTS`].
pub fn slot_count(text: &str) -> Result<usize, String> {
    let most = MAX_SLOTS as u64;
    Ok(whole(text, 1, most, "slots")? as usize)
}

/// How many outbox rows to list: 1 to [`MAX_OUTBOX_ROWS`].
pub fn outbox_rows(text: &str) -> Result<usize, String> {
    let most = MAX_OUTBOX_ROWS as u64;
    Ok(whole(text, 1, most, "reminders")? as usize)
}

/// How many daily backups to keep: 0 (none) to [`MAX_KEEP_BACKUPS`].
pub fn keep_backups(text: &str) -> Result<usize, String> {
    let most = MAX_KEEP_BACKUPS as u64;
    Ok(whole(text, 0, most, "backups (0 keeps none)")? as usize)
}

/// Minutes without a key or a click before the window locks: 1 to 240.
pub fn lock_after(text: &str) -> Result<u64, String> {
    whole(text, 1, 240, "minutes")
}

/// How many demo appointments: 0 to [`frontdesk::demo::MAX_APPOINTMENTS`].
pub fn demo_appointments(text: &str) -> Result<u64, String> {
    whole(text, 0, frontdesk::demo::MAX_APPOINTMENTS, "appointments")
}

/// How many demo patients: 0 to [`frontdesk::demo::MAX_PATIENTS`].
pub fn demo_patients(text: &str) -> Result<u64, String> {
    whole(text, 0, frontdesk::demo::MAX_PATIENTS, "patients")
}

/// A demo seed: any whole number that fits 64 bits.
pub fn seed(text: &str) -> Result<u64, String> {
    whole(text, 0, u64::MAX, "(any whole number)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_value_is_read_or_refused_with_its_range() {
        assert_eq!(visit_minutes("30"), Ok(30));
        assert_eq!(visit_minutes(" 480 "), Ok(480));
        assert_eq!(visit_minutes("+15"), Ok(15));
        for (typed, says) in [
            ("0", "0 is out of range: give 1 to 480 minutes"),
            ("481", "481 is out of range: give 1 to 480"),
            ("-5", "-5 is out of range: give 1 to 480"),
            ("1000000000000", "1000000000000 is out of range"),
            ("99999999999999999999999", "is out of range"),
            ("ten", "\"ten\" is not a whole number: give 1 to 480"),
            ("1.5", "\"1.5\" is not a whole number"),
            ("", "\"\" is not a whole number"),
            ("-", "\"-\" is not a whole number"),
            ("٣٠", "is not a whole number"),
        ] {
            let message = visit_minutes(typed).expect_err(typed);
            assert!(message.contains(says), "{typed}: {message}");
        }
        assert_eq!(keep_backups("0"), Ok(0));
        assert_eq!(keep_backups("-0"), Ok(0));
        assert!(keep_backups("-1").unwrap_err().contains("give 0 to 1000"));
        assert_eq!(seed("18446744073709551615"), Ok(u64::MAX));
        assert!(seed("18446744073709551616").is_err());
        assert!(days("367").unwrap_err().contains("give 1 to 366 days"));
    }
}
