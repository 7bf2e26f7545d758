//! Knock-on delays: when an emergency takes a doctor's time now, which of the doctor's later
//! appointments run late, and by how many minutes, if each starts when the one before ends.

use super::model::{AppointmentId, Interval};

/// The appointments of `later` (any order) that an emergency over `emergency` makes late, with
/// minutes late, earliest first. The chain stops at the first appointment the delay no longer
/// reaches; appointments that started before the emergency are not moved by it.
pub fn knock_on(
    emergency: Interval,
    later: &[(AppointmentId, Interval)],
) -> Vec<(AppointmentId, i64)> {
    let mut queue: Vec<&(AppointmentId, Interval)> = later
        .iter()
        .filter(|(_, i)| i.start >= emergency.start)
        .collect();
    queue.sort_by_key(|(id, i)| (i.start, *id));
    let mut free_at = emergency.end;
    let mut late = Vec::new();
    for (id, interval) in queue {
        if interval.start >= free_at {
            break;
        }
        let delay = free_at - interval.start;
        late.push((*id, delay.num_minutes()));
        free_at = interval.end + delay;
    }
    late
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Utc};

    fn at(minute: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_780_000_000 + minute * 60, 0).expect("instant")
    }

    fn iv(start: i64, end: i64) -> Interval {
        Interval::new(at(start), at(end))
    }

    fn id(n: u128) -> AppointmentId {
        AppointmentId(uuid::Uuid::from_u128(n))
    }

    #[test]
    fn a_chain_of_back_to_back_visits_all_run_late_until_a_gap_absorbs_it() {
        // Emergency 10:00–10:30; visits 10:00, 10:15, 10:30, then a gap, then 11:30.
        let later = [
            (id(3), iv(30, 45)),
            (id(1), iv(0, 15)),
            (id(2), iv(15, 30)),
            (id(4), iv(90, 105)),
        ];
        let late = knock_on(iv(0, 30), &later);
        assert_eq!(late, vec![(id(1), 30), (id(2), 30), (id(3), 30)]);
    }

    #[test]
    fn a_gap_shortens_the_delay_of_those_after_it() {
        let later = [(id(1), iv(10, 25)), (id(2), iv(35, 50))];
        // Emergency 0–30: visit 1 runs 30–45 (20 late), visit 2 then starts 45 (10 late).
        assert_eq!(knock_on(iv(0, 30), &later), vec![(id(1), 20), (id(2), 10)]);
    }

    #[test]
    fn nothing_runs_late_when_the_emergency_fits_a_gap() {
        let later = [(id(1), iv(30, 45))];
        assert!(knock_on(iv(0, 30), &later).is_empty());
        assert!(knock_on(iv(0, 30), &[]).is_empty());
    }

    #[test]
    fn visits_already_under_way_are_not_moved() {
        let later = [(id(1), iv(-10, 5)), (id(2), iv(5, 20))];
        assert_eq!(knock_on(iv(0, 30), &later), vec![(id(2), 25)]);
    }
}
