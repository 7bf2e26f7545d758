//! The reminder core: rule arithmetic on real 2026 clock changes (America/New_York falls back
//! on 1 November, Europe/London springs forward on 29 March and falls back on 25 October),
//! which reminders an appointment gets and why some are skipped, what a move or a cancellation
//! does to planned reminders, the job state machine with its back-off, templates, meeting
//! links, and the staff notifications decision.

use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use chrono_tz::{America::New_York, Europe::London};
use frontdesk::i18n::Language;
use frontdesk::scheduling::notice::{
    DeskFacts, FailedReminder, NoticeMemory, desk_notices, failure_notices,
};
use frontdesk::scheduling::reminder::*;
use frontdesk::scheduling::reminder_job::*;
use frontdesk::scheduling::template::*;
use frontdesk::scheduling::templates::{default_template_in, default_templates};
use frontdesk::scheduling::{AppointmentId, ClinicId, Mode, Status, VisitTypeId};
use uuid::Uuid;

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("rfc3339")
        .with_timezone(&Utc)
}

/// The instant of a local wall time that exists once.
fn local(zone: Tz, text: &str) -> DateTime<Utc> {
    let wall = chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("wall");
    zone.from_local_datetime(&wall)
        .single()
        .expect("exists once")
        .with_timezone(&Utc)
}

fn wall(zone: Tz, t: DateTime<Utc>) -> String {
    t.with_timezone(&zone)
        .format("%Y-%m-%d %H:%M %Z")
        .to_string()
}

fn at(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("time")
}

const H24: Lead = Lead::Before { minutes: 24 * 60 };
const H2: Lead = Lead::Before { minutes: 120 };

#[test]
fn hours_before_are_real_hours_across_the_new_york_fall_back() {
    // 09:00 EST on Sunday 1 November 2026, the day New York falls back (02:00 EDT → 01:00 EST).
    let start = local(New_York, "2026-11-01 09:00");
    assert_eq!(start, utc("2026-11-01T14:00:00Z"));
    let fire = H24.fire_at(New_York, start);
    // 24 real hours earlier is 10:00 on the Saturday, still summer time.
    assert_eq!(fire, utc("2026-10-31T14:00:00Z"));
    assert_eq!(wall(New_York, fire), "2026-10-31 10:00 EDT");
    // Two hours before 02:30 EST crosses the repeated hour: 01:30 EDT, the first 01:30.
    let early = local(New_York, "2026-11-01 03:30");
    assert_eq!(
        wall(New_York, H2.fire_at(New_York, early)),
        "2026-11-01 01:30 EST"
    );
    let fold = utc("2026-11-01T07:30:00Z"); // 02:30 EST
    assert_eq!(
        wall(New_York, H2.fire_at(New_York, fold)),
        "2026-11-01 01:30 EDT"
    );
}

#[test]
fn the_day_before_at_keeps_the_clinic_wall_time_across_the_new_york_fall_back() {
    let rule = Lead::DaysBeforeAt {
        days: 1,
        at: at(18, 0),
    };
    // Appointment on Monday 2 November (EST): the reminder is 18:00 EST on Sunday 1 November.
    let monday = local(New_York, "2026-11-02 09:00");
    let fire = rule.fire_at(New_York, monday);
    assert_eq!(fire, utc("2026-11-01T23:00:00Z"));
    assert_eq!(wall(New_York, fire), "2026-11-01 18:00 EST");
    // Appointment on Sunday 1 November: 18:00 on Saturday is still EDT, an hour earlier in UTC.
    let sunday = local(New_York, "2026-11-01 09:00");
    assert_eq!(rule.fire_at(New_York, sunday), utc("2026-10-31T22:00:00Z"));
    // Two days before, across the change.
    let two = Lead::DaysBeforeAt {
        days: 2,
        at: at(9, 30),
    };
    assert_eq!(
        wall(New_York, two.fire_at(New_York, monday)),
        "2026-10-31 09:30 EDT"
    );
}

#[test]
fn london_springs_forward_on_29_march() {
    // 10:00 BST on Sunday 29 March 2026; the clocks went from 01:00 GMT to 02:00 BST.
    let start = local(London, "2026-03-29 10:00");
    assert_eq!(start, utc("2026-03-29T09:00:00Z"));
    assert_eq!(
        wall(London, H2.fire_at(London, start)),
        "2026-03-29 08:00 BST"
    );
    // 24 hours before is 09:00 GMT on Saturday: the wall time is an hour earlier.
    assert_eq!(
        wall(London, H24.fire_at(London, start)),
        "2026-03-28 09:00 GMT"
    );
    // "The day before at 18:00" stays 18:00 on the wall in either season.
    let evening = Lead::DaysBeforeAt {
        days: 1,
        at: at(18, 0),
    };
    let monday = local(London, "2026-03-30 09:00");
    assert_eq!(
        wall(London, evening.fire_at(London, monday)),
        "2026-03-29 18:00 BST"
    );
    assert_eq!(
        wall(London, evening.fire_at(London, start)),
        "2026-03-28 18:00 GMT"
    );
}

#[test]
fn a_reminder_time_in_a_gap_or_a_fold_follows_the_dst_policy() {
    // 01:30 on 29 March 2026 does not exist in London: the first valid time is 02:00 BST.
    let night = Lead::DaysBeforeAt {
        days: 1,
        at: at(1, 30),
    };
    let monday = local(London, "2026-03-30 09:00");
    let fire = night.fire_at(London, monday);
    assert_eq!(wall(London, fire), "2026-03-29 02:00 BST");
    assert_eq!(fire, utc("2026-03-29T01:00:00Z"));
    // 01:30 on 25 October 2026 happens twice in London: the earlier (BST) one.
    let after_fold = local(London, "2026-10-26 09:00");
    let fire = night.fire_at(London, after_fold);
    assert_eq!(fire, utc("2026-10-25T00:30:00Z"));
    assert_eq!(wall(London, fire), "2026-10-25 01:30 BST");
}

#[test]
fn leads_describe_themselves_and_refuse_silly_numbers() {
    assert_eq!(H24.describe(), "24 h before");
    assert_eq!(Lead::Before { minutes: 90 }.describe(), "90 min before");
    let evening = Lead::DaysBeforeAt {
        days: 1,
        at: at(18, 0),
    };
    assert_eq!(evening.describe(), "the day before at 18:00");
    let two = Lead::DaysBeforeAt {
        days: 2,
        at: at(9, 5),
    };
    assert_eq!(two.describe(), "2 days before at 09:05");
    assert_eq!(
        Lead::Before { minutes: 0 }.validate(),
        Err(RuleError::LeadOutOfRange(0))
    );
    assert!(
        Lead::Before {
            minutes: MAX_LEAD_MINUTES + 1
        }
        .validate()
        .is_err()
    );
    assert!(
        Lead::Before {
            minutes: MAX_LEAD_MINUTES
        }
        .validate()
        .is_ok()
    );
    let eight = Lead::DaysBeforeAt {
        days: 8,
        at: at(9, 0),
    };
    assert_eq!(eight.validate(), Err(RuleError::DaysOutOfRange(8)));
    let mut r = rule(1, H24, Channel::Email);
    r.name = "  ".into();
    assert_eq!(r.validate(), Err(RuleError::NoName));
    assert!(RuleError::LeadOutOfRange(0).to_string().contains("8 days"));
}

fn rule(n: u128, lead: Lead, channel: Channel) -> ReminderRule {
    ReminderRule {
        id: RuleId(Uuid::from_u128(n)),
        name: format!("rule {n}"),
        lead,
        visit_type: None,
        clinic: None,
        channel,
        templates: default_templates(channel),
        active: true,
    }
}

fn rules() -> Vec<ReminderRule> {
    vec![rule(1, H24, Channel::Email), rule(2, H2, Channel::Webhook)]
}

/// An appointment at 10:00 New York time on Tuesday 3 November 2026, booked a week ahead.
fn facts() -> ReminderFacts {
    ReminderFacts {
        appointment: AppointmentId(Uuid::from_u128(99)),
        status: Status::Scheduled,
        start: local(New_York, "2026-11-03 10:00"),
        visit_type: Some(VisitTypeId(Uuid::from_u128(7))),
        changed_at: utc("2026-10-27T12:00:00Z"),
        email: "asha@example.org".into(),
        phone: "+1 212 555 0100".into(),
        opted_out: false,
        clinic: ClinicId(Uuid::from_u128(3)),
    }
}

fn planning_now() -> DateTime<Utc> {
    utc("2026-10-30T12:00:00Z")
}

fn states(plan: &[PlannedJob]) -> Vec<(u128, JobState)> {
    plan.iter()
        .map(|p| (p.rule.0.as_u128(), p.state.clone()))
        .collect()
}

#[test]
fn an_appointment_gets_one_reminder_per_rule_with_its_recipient() {
    let plan = plan(&facts(), &rules(), New_York, planning_now());
    assert_eq!(
        states(&plan),
        vec![(1, JobState::Pending), (2, JobState::Pending)]
    );
    assert_eq!(plan[0].recipient, "asha@example.org");
    assert_eq!(plan[0].due, utc("2026-11-02T15:00:00Z"));
    assert_eq!(plan[1].recipient, "+1 212 555 0100");
    assert_eq!(plan[1].due, utc("2026-11-03T13:00:00Z"));
}

#[test]
fn skip_reasons_at_planning() {
    let now = planning_now();
    let mut f = facts();
    f.opted_out = true;
    assert_eq!(
        states(&plan(&f, &rules(), New_York, now)),
        vec![
            (1, JobState::Skipped(SkipReason::OptedOut)),
            (2, JobState::Skipped(SkipReason::OptedOut))
        ]
    );
    let mut f = facts();
    f.email = "  ".into();
    assert_eq!(
        states(&plan(&f, &rules(), New_York, now)),
        vec![
            (1, JobState::Skipped(SkipReason::NoContact)),
            (2, JobState::Pending)
        ]
    );
    // Booked 20 hours ahead: the 24 h reminder's time had passed already.
    let mut f = facts();
    let booked = f.start - Duration::hours(20);
    f.changed_at = booked;
    assert_eq!(
        states(&plan(&f, &rules(), New_York, booked)),
        vec![
            (1, JobState::Skipped(SkipReason::TooLate)),
            (2, JobState::Pending)
        ]
    );
    // Booked long ago, but first planned after the 24 h mark (the desk was closed): still
    // sent, late.
    let f = facts();
    let late = f.start - Duration::hours(20);
    assert_eq!(
        states(&plan(&f, &rules(), New_York, late)),
        vec![(1, JobState::Pending), (2, JobState::Pending)]
    );
    // Planned after the start.
    assert_eq!(
        states(&plan(&f, &rules(), New_York, f.start)),
        vec![
            (1, JobState::Skipped(SkipReason::Passed)),
            (2, JobState::Skipped(SkipReason::Passed))
        ]
    );
    assert!(
        SkipReason::NoContact
            .explain(Channel::Email)
            .contains("email")
    );
    assert!(
        SkipReason::NoContact
            .explain(Channel::Webhook)
            .contains("phone")
    );
}

#[test]
fn rules_apply_per_visit_type_and_only_when_on_and_only_to_awaited_appointments() {
    let now = planning_now();
    let mut per_type = rule(3, H2, Channel::Email);
    per_type.visit_type = Some(VisitTypeId(Uuid::from_u128(8)));
    let mut off = rule(4, H2, Channel::Email);
    off.active = false;
    let all = vec![rule(1, H24, Channel::Email), per_type.clone(), off];
    assert_eq!(states(&plan(&facts(), &all, New_York, now)).len(), 1);
    let mut f = facts();
    f.visit_type = Some(VisitTypeId(Uuid::from_u128(8)));
    assert_eq!(
        states(&plan(&f, &all, New_York, now))
            .iter()
            .map(|s| s.0)
            .collect::<Vec<_>>(),
        vec![1, 3]
    );
    for status in [
        Status::Cancelled,
        Status::NoShow,
        Status::EnteredInError,
        Status::CheckedIn,
        Status::Completed,
    ] {
        let mut f = facts();
        f.status = status;
        assert!(plan(&f, &rules(), New_York, now).is_empty(), "{status:?}");
    }
    let mut f = facts();
    f.status = Status::Confirmed;
    assert_eq!(plan(&f, &rules(), New_York, now).len(), 2);
    // A rule for one clinic plans nothing for another clinic's appointments; a rule for every
    // clinic plans for all of them.
    let mut here = rule(5, H2, Channel::Email);
    here.clinic = Some(ClinicId(Uuid::from_u128(3)));
    let mut elsewhere = rule(6, H2, Channel::Email);
    elsewhere.clinic = Some(ClinicId(Uuid::from_u128(4)));
    let all = vec![rule(1, H24, Channel::Email), here, elsewhere];
    assert_eq!(
        states(&plan(&facts(), &all, New_York, now))
            .iter()
            .map(|s| s.0)
            .collect::<Vec<_>>(),
        vec![1, 5]
    );
}

/// The stored reminders after applying `steps` the way the store does.
fn apply(
    existing: &mut Vec<Job>,
    steps: Vec<Step>,
    start: DateTime<Utc>,
    appointment: AppointmentId,
) {
    for step in steps {
        match step {
            Step::Create(p) => existing.push(Job {
                appointment,
                rule: p.rule,
                planned_start: start,
                due: p.due,
                channel: p.channel,
                recipient: p.recipient,
                state: p.state,
                attempts: 0,
            }),
            Step::Skip { index, reason } => existing[index].skip(reason).expect("skippable"),
            Step::Update {
                index,
                due,
                channel,
                recipient,
            } => {
                existing[index].due = due;
                existing[index].channel = channel;
                existing[index].recipient = recipient;
            }
            Step::Reopen {
                index,
                due,
                channel,
                recipient,
            } => {
                let j = &mut existing[index];
                j.state = JobState::Pending;
                j.due = due;
                j.channel = channel;
                j.recipient = recipient;
            }
        }
    }
}

fn planned_jobs(f: &ReminderFacts, rules: &[ReminderRule], now: DateTime<Utc>) -> Vec<Job> {
    let mut jobs = Vec::new();
    let steps = reconcile(f, rules, &jobs, New_York, now);
    apply(&mut jobs, steps, f.start, f.appointment);
    jobs
}

#[test]
fn reconciling_twice_changes_nothing() {
    let now = planning_now();
    let f = facts();
    let jobs = planned_jobs(&f, &rules(), now);
    assert_eq!(jobs.len(), 2);
    assert!(reconcile(&f, &rules(), &jobs, New_York, now).is_empty());
}

#[test]
fn a_move_skips_the_reminders_for_the_old_time_and_plans_new_ones() {
    let now = planning_now();
    let mut f = facts();
    let mut jobs = planned_jobs(&f, &rules(), now);
    // The email went out already; the SMS is pending.
    jobs[0].sent(now).expect("sent");
    let old = f.start;
    f.start = local(New_York, "2026-11-05 15:00");
    f.changed_at = now;
    let steps = reconcile(&f, &rules(), &jobs, New_York, now);
    assert_eq!(
        steps[0],
        Step::Skip {
            index: 1,
            reason: SkipReason::Moved
        }
    );
    apply(&mut jobs, steps, f.start, f.appointment);
    let for_new: Vec<&Job> = jobs.iter().filter(|j| j.planned_start == f.start).collect();
    assert_eq!(for_new.len(), 2);
    assert!(for_new.iter().all(|j| j.state == JobState::Pending));
    assert_eq!(for_new[0].due, f.start - Duration::hours(24));
    // Nothing pending is left for the old time; the sent one stays sent.
    let for_old: Vec<&Job> = jobs.iter().filter(|j| j.planned_start == old).collect();
    assert!(matches!(for_old[0].state, JobState::Sent { .. }));
    assert_eq!(for_old[1].state, JobState::Skipped(SkipReason::Moved));
    assert!(
        jobs.iter()
            .filter(|j| j.is_due(f.start))
            .all(|j| j.planned_start == f.start)
    );
    // Moving back reopens the skipped one instead of duplicating it.
    let mut back = f.clone();
    back.start = old;
    let steps = reconcile(&back, &rules(), &jobs, New_York, now);
    assert!(steps.contains(&Step::Reopen {
        index: 1,
        due: old - Duration::hours(2),
        channel: Channel::Webhook,
        recipient: "+1 212 555 0100".into()
    }));
    assert!(!steps.iter().any(|s| matches!(s, Step::Create(_))));
}

#[test]
fn cancelling_arriving_opting_out_and_turning_a_rule_off_skip_pending_reminders() {
    let now = planning_now();
    let cases = [
        (Status::Cancelled, SkipReason::Cancelled),
        (Status::NoShow, SkipReason::Cancelled),
        (Status::EnteredInError, SkipReason::Cancelled),
        (Status::CheckedIn, SkipReason::Arrived),
        (Status::InConsultation, SkipReason::Arrived),
    ];
    for (status, reason) in cases {
        let mut f = facts();
        let jobs = planned_jobs(&f, &rules(), now);
        f.status = status;
        let steps = reconcile(&f, &rules(), &jobs, New_York, now);
        assert_eq!(
            steps,
            vec![
                Step::Skip { index: 0, reason },
                Step::Skip { index: 1, reason }
            ],
            "{status:?}"
        );
    }
    let mut f = facts();
    let mut jobs = planned_jobs(&f, &rules(), now);
    f.opted_out = true;
    let steps = reconcile(&f, &rules(), &jobs, New_York, now);
    assert_eq!(steps.len(), 2);
    apply(&mut jobs, steps, f.start, f.appointment);
    assert!(
        jobs.iter()
            .all(|j| j.state == JobState::Skipped(SkipReason::OptedOut))
    );
    // Opting in again reopens them.
    f.opted_out = false;
    let steps = reconcile(&f, &rules(), &jobs, New_York, now);
    assert!(steps.iter().all(|s| matches!(s, Step::Reopen { .. })));
    assert_eq!(steps.len(), 2);
    // A rule turned off.
    let f = facts();
    let jobs = planned_jobs(&f, &rules(), now);
    let mut changed = rules();
    changed[1].active = false;
    assert_eq!(
        reconcile(&f, &changed, &jobs, New_York, now),
        vec![Step::Skip {
            index: 1,
            reason: SkipReason::RuleOff
        }]
    );
    // A rule's lead changed, or the patient's email: the pending reminder follows.
    let mut changed = rules();
    changed[0].lead = Lead::DaysBeforeAt {
        days: 1,
        at: at(18, 0),
    };
    let mut f2 = facts();
    f2.email = "asha.iyer@example.org".into();
    let steps = reconcile(&f2, &changed, &jobs, New_York, now);
    assert_eq!(
        steps,
        vec![Step::Update {
            index: 0,
            due: local(New_York, "2026-11-02 18:00"),
            channel: Channel::Email,
            recipient: "asha.iyer@example.org".into()
        }]
    );
    // The email rule now sends by SMS: the pending reminder goes to the phone, by webhook,
    // rather than emailing a phone number.
    let mut changed = rules();
    changed[0].channel = Channel::Webhook;
    let steps = reconcile(&facts(), &changed, &jobs, New_York, now);
    assert_eq!(
        steps,
        vec![Step::Update {
            index: 0,
            due: jobs[0].due,
            channel: Channel::Webhook,
            recipient: "+1 212 555 0100".into()
        }]
    );
}

#[test]
fn a_confirmation_after_the_reminder_time_does_not_skip_a_reminder_planned_in_time() {
    let mut f = facts();
    let jobs = planned_jobs(&f, &rules(), planning_now());
    // The desk was closed at the 24 h mark; the patient confirms by phone afterwards.
    let late = f.start - Duration::hours(20);
    f.status = Status::Confirmed;
    assert!(reconcile(&f, &rules(), &jobs, New_York, late).is_empty());
    // A move after that time is different: the new time's reminder is too late.
    f.start += Duration::hours(1);
    f.changed_at = late;
    let steps = reconcile(&f, &rules(), &jobs, New_York, late);
    assert!(steps.contains(&Step::Create(PlannedJob {
        rule: RuleId(Uuid::from_u128(1)),
        due: f.start - Duration::hours(24),
        channel: Channel::Email,
        recipient: "asha@example.org".into(),
        state: JobState::Skipped(SkipReason::TooLate),
    })));
}

#[test]
fn a_pending_reminder_not_sent_by_the_start_is_skipped_as_passed() {
    let f = facts();
    let jobs = planned_jobs(&f, &rules(), planning_now());
    let steps = reconcile(
        &f,
        &rules(),
        &jobs,
        New_York,
        f.start + Duration::minutes(1),
    );
    assert_eq!(
        steps,
        vec![
            Step::Skip {
                index: 0,
                reason: SkipReason::Passed
            },
            Step::Skip {
                index: 1,
                reason: SkipReason::Passed
            }
        ]
    );
}

fn pending_job() -> Job {
    Job {
        appointment: AppointmentId(Uuid::from_u128(99)),
        rule: RuleId(Uuid::from_u128(1)),
        planned_start: utc("2026-11-03T15:00:00Z"),
        due: utc("2026-11-02T15:00:00Z"),
        channel: Channel::Email,
        recipient: "asha@example.org".into(),
        state: JobState::Pending,
        attempts: 0,
    }
}

#[test]
fn the_job_state_machine() {
    let due = utc("2026-11-02T15:00:00Z");
    let mut job = pending_job();
    assert!(!job.is_due(due - Duration::seconds(1)));
    assert!(job.is_due(due));
    job.sent(due).expect("pending → sent");
    assert_eq!(job.state, JobState::Sent { at: due });
    assert!(!job.is_due(due + Duration::days(1)));
    assert_eq!(job.sent(due), Err(JobError::AlreadySent));
    assert_eq!(job.failed("x", due), Err(JobError::AlreadySent));
    assert_eq!(job.skip(SkipReason::Moved), Err(JobError::AlreadySent));
    // Staff resend a sent reminder: pending, and due at once.
    job.resend().expect("resend");
    assert_eq!((job.state.clone(), job.attempts), (JobState::Pending, 0));
    assert!(job.is_due(due + Duration::hours(1)));
    // Skipped reminders stay skipped.
    let mut skipped = pending_job();
    skipped.skip(SkipReason::Cancelled).expect("skip");
    assert_eq!(skipped.sent(due), Err(JobError::Skipped("cancelled")));
    assert_eq!(skipped.resend(), Err(JobError::NotResendable("skipped")));
    assert_eq!(
        pending_job().resend(),
        Err(JobError::NotResendable("pending"))
    );
}

#[test]
fn failures_are_retried_with_back_off_then_left_for_staff() {
    assert_eq!(
        (1..=6)
            .map(|n| backoff(n).num_minutes())
            .collect::<Vec<_>>(),
        vec![5, 15, 45, 135, 360, 360]
    );
    let mut job = pending_job();
    let mut now = job.due;
    for attempt in 1..MAX_ATTEMPTS {
        job.failed("451 try later", now).expect("fail");
        let retry = now + backoff(attempt);
        assert_eq!(
            job.state,
            JobState::Failed {
                error: "451 try later".into(),
                retry_at: Some(retry)
            }
        );
        assert_eq!(job.attempts, attempt);
        assert!(job.state.is_open());
        assert!(!job.is_due(retry - Duration::seconds(1)));
        assert!(job.is_due(retry));
        now = retry;
    }
    job.failed("550 no such user", now).expect("last try");
    assert_eq!(job.attempts, MAX_ATTEMPTS);
    assert_eq!(
        job.state,
        JobState::Failed {
            error: "550 no such user".into(),
            retry_at: None
        }
    );
    assert!(!job.is_due(now + Duration::days(30)));
    assert_eq!(job.sent(now), Err(JobError::GaveUp));
    // A retry that works.
    let mut flaky = pending_job();
    flaky.failed("timeout", flaky.due).expect("fail");
    let retry = flaky.due + backoff(1);
    flaky.sent(retry).expect("sent on retry");
    assert_eq!(flaky.state, JobState::Sent { at: retry });
    // Resend after giving up starts over.
    job.resend().expect("resend");
    assert_eq!((job.attempts, job.is_due(now)), (0, true));
}

fn message(mode: Mode) -> MessageFacts {
    MessageFacts {
        patient: "Asha Iyer".into(),
        doctor: "Dr. Anjali Rao".into(),
        clinic: "Sunrise Clinic".into(),
        address: "12 MG Road, Bengaluru".into(),
        zone: New_York,
        start: local(New_York, "2026-11-03 10:30"),
        mode,
        meeting_link: if mode == Mode::Video {
            "https://meet.jit.si/frontdesk-abc".into()
        } else {
            String::new()
        },
        code: "418207".into(),
        language: Language::English,
    }
}

#[test]
fn templates_fill_in_every_placeholder_in_the_clinic_zone() {
    let text = "{patient} sees {doctor} at {clinic} on {date} at {time}. {where} / {address} / {link} {{ok}}";
    assert_eq!(
        render(text, &message(Mode::InClinic)).expect("render"),
        "Asha Iyer sees Dr. Anjali Rao at Sunrise Clinic on Tuesday 3 November 2026 at 10:30. \
         12 MG Road, Bengaluru / 12 MG Road, Bengaluru /  {ok}"
    );
    assert_eq!(
        render("{where}", &message(Mode::Video)).expect("render"),
        "Join the video call: https://meet.jit.si/frontdesk-abc"
    );
    assert_eq!(
        render("{ link }", &message(Mode::Video)).expect("spaces"),
        "https://meet.jit.si/frontdesk-abc"
    );
    assert!(
        render("{where}", &message(Mode::Phone))
            .expect("phone")
            .contains("call you")
    );
    let (subject, body) = render_template(
        &default_template_in(Language::English, Channel::Email),
        &message(Mode::Video),
    )
    .expect("default");
    assert_eq!(
        subject,
        "Reminder: your appointment on Tuesday 3 November 2026 at 10:30"
    );
    assert!(body.starts_with("Dear Asha Iyer,"));
    assert!(body.contains("https://meet.jit.si/frontdesk-abc"));
    for placeholder in PLACEHOLDERS {
        let text = format!("{{{}}}", placeholder.0);
        assert!(render(&text, &message(Mode::Video)).is_ok(), "{text}");
    }
}

#[test]
fn a_lead_reads_in_the_desks_language_and_the_same_as_records_in_english() {
    let at = NaiveTime::from_hms_opt(18, 0, 0).expect("time");
    let leads = [
        Lead::Before { minutes: 1440 },
        Lead::Before { minutes: 90 },
        Lead::DaysBeforeAt { days: 1, at },
        Lead::DaysBeforeAt { days: 3, at },
    ];
    for lead in leads {
        assert_eq!(lead.label_in(Language::English), lead.describe());
    }
    let hindi: Vec<String> = leads.iter().map(|l| l.label_in(Language::Hindi)).collect();
    assert_eq!(
        hindi,
        [
            "24 घंटे पहले",
            "90 मिनट पहले",
            "एक दिन पहले 18:00 बजे",
            "3 दिन पहले 18:00 बजे"
        ]
    );
}

#[test]
fn a_hindi_text_gets_the_date_and_the_where_words_in_hindi_and_the_rest_as_typed() {
    let hindi = MessageFacts {
        language: Language::Hindi,
        ..message(Mode::Video)
    };
    assert_eq!(
        render("{date}, {time}", &hindi).expect("render"),
        "मंगलवार, 3 नवंबर 2026, 10:30"
    );
    assert_eq!(
        render("{where}", &hindi).expect("render"),
        "वीडियो कॉल से जुड़ें: https://meet.jit.si/frontdesk-abc"
    );
    let phone = MessageFacts {
        language: Language::Hindi,
        ..message(Mode::Phone)
    };
    assert_eq!(
        render("{where}", &phone).expect("render"),
        "फ़ोन पर; डॉक्टर आपको कॉल करेंगे"
    );
    // Names, the clinic and the address stay as written, whatever the language.
    assert_eq!(
        render("{patient} · {clinic} · {address}", &hindi).expect("render"),
        "Asha Iyer · Sunrise Clinic · 12 MG Road, Bengaluru"
    );
    let (subject, body) = render_template(
        &default_template_in(Language::Hindi, Channel::Email),
        &hindi,
    )
    .expect("default");
    assert_eq!(
        subject,
        "रिमाइंडर: मंगलवार, 3 नवंबर 2026 को 10:30 बजे आपका अपॉइंटमेंट"
    );
    assert!(body.starts_with("प्रिय Asha Iyer,"), "{body}");
    assert!(
        !body.contains("Tuesday") && !body.contains("Join"),
        "{body}"
    );
}

#[test]
fn bad_templates_say_what_is_wrong() {
    let e = render("Hello {name}", &message(Mode::InClinic)).expect_err("unknown");
    assert_eq!(
        e,
        TemplateError::Unknown {
            name: "name".into()
        }
    );
    let said = e.to_string();
    assert!(said.starts_with("{name} is not a placeholder"), "{said}");
    assert!(
        said.contains("{patient}") && said.contains("{link}"),
        "{said}"
    );
    assert_eq!(
        render("Hello {patient", &message(Mode::InClinic)),
        Err(TemplateError::Unclosed)
    );
    assert_eq!(
        render("Hello patient}", &message(Mode::InClinic)),
        Err(TemplateError::Unopened)
    );
    let empty = Template {
        subject: "Hi".into(),
        body: " \n".into(),
    };
    assert_eq!(check(&empty), Err(TemplateError::Empty));
    let bad_subject = Template {
        subject: "{when}".into(),
        body: "ok".into(),
    };
    assert!(matches!(
        check(&bad_subject),
        Err(TemplateError::Unknown { .. })
    ));
    assert_eq!(
        check(&default_template_in(Language::English, Channel::Webhook)),
        Ok(())
    );
}

#[test]
fn meeting_links_come_from_the_pattern() {
    assert_eq!(
        meeting_link(DEFAULT_MEETING_PATTERN, "3f2c").expect("default"),
        "https://meet.jit.si/frontdesk-3f2c"
    );
    assert_eq!(
        meeting_link("https://video.example.org/room/{id}?lang=en", "3f2c").expect("id"),
        "https://video.example.org/room/frontdesk-3f2c?lang=en"
    );
    assert_eq!(
        meeting_link("https://video.example.org/rooms", "3f2c").expect("slash"),
        "https://video.example.org/rooms/frontdesk-3f2c"
    );
    assert_eq!(
        meeting_link("meet.jit.si", "x"),
        Err(LinkError::NotAWebAddress)
    );
    assert_eq!(
        meeting_link("https://", "x"),
        Err(LinkError::NotAWebAddress)
    );
    assert_eq!(
        meeting_link("https://meet.jit.si/my room/", "x"),
        Err(LinkError::Spaces)
    );
}

fn desk(n: u128, status: Status, start: DateTime<Utc>) -> DeskFacts {
    DeskFacts {
        id: AppointmentId(Uuid::from_u128(n)),
        patient: format!("Patient {n}"),
        doctor: "Dr. Rao".into(),
        status,
        start,
        arrived_at: None,
        wait_minutes: 20,
    }
}

#[test]
fn staff_are_told_of_arrivals_and_overdue_starts_once_and_not_on_the_first_look() {
    let now = utc("2026-11-24T05:30:00Z");
    let here = (ClinicId(Uuid::from_u128(3)), now.date_naive());
    let mut memory = NoticeMemory::default();
    let waiting = desk(1, Status::CheckedIn, now - Duration::minutes(30));
    let later = desk(2, Status::Scheduled, now + Duration::minutes(5));
    // The first look remembers what is already so.
    assert!(desk_notices(&mut memory, here, &[waiting.clone(), later.clone()], now).is_empty());
    // The later patient arrives.
    let mut arrived = later.clone();
    arrived.status = Status::CheckedIn;
    let told = desk_notices(&mut memory, here, &[waiting.clone(), arrived.clone()], now);
    assert_eq!(told.len(), 1);
    assert_eq!(told[0].summary, "Patient 2 has arrived");
    assert!(desk_notices(&mut memory, here, &[waiting.clone(), arrived.clone()], now).is_empty());
    // Nine minutes after the start nothing; at ten, once.
    let at_nine = arrived.start + Duration::minutes(9);
    assert!(
        desk_notices(
            &mut memory,
            here,
            &[waiting.clone(), arrived.clone()],
            at_nine
        )
        .is_empty()
    );
    let at_ten = arrived.start + Duration::minutes(10);
    let told = desk_notices(
        &mut memory,
        here,
        &[waiting.clone(), arrived.clone()],
        at_ten,
    );
    assert_eq!(told.len(), 1);
    assert_eq!(told[0].summary, "Overdue: Patient 2 with Dr. Rao");
    assert!(told[0].body.contains("is waiting"), "{:?}", told[0]);
    assert!(desk_notices(&mut memory, here, &[waiting, arrived.clone()], at_ten).is_empty());
    // Started consultations are not overdue.
    let mut memory = NoticeMemory::default();
    let mut seen = desk(3, Status::InConsultation, now - Duration::hours(1));
    desk_notices(&mut memory, here, &[], now);
    assert_eq!(
        desk_notices(&mut memory, here, &[seen.clone()], now).len(),
        1
    ); // arrival
    seen.status = Status::Completed;
    assert!(desk_notices(&mut memory, here, &[seen], now).is_empty());
    // Not arrived and overdue.
    let absent = desk(4, Status::Confirmed, now - Duration::minutes(15));
    let told = desk_notices(&mut memory, here, std::slice::from_ref(&absent), now);
    assert!(told[0].body.contains("has not arrived"), "{told:?}");
    // Switching to another clinic (or a new day) is a first look again: what is already so
    // there is remembered, not told all at once.
    let there = (ClinicId(Uuid::from_u128(4)), now.date_naive());
    let other = desk(5, Status::CheckedIn, now - Duration::minutes(40));
    assert!(desk_notices(&mut memory, there, std::slice::from_ref(&other), now).is_empty());
    let mut came = desk(6, Status::Scheduled, now + Duration::minutes(5));
    assert!(desk_notices(&mut memory, there, &[other.clone(), came.clone()], now).is_empty());
    came.status = Status::CheckedIn;
    let told = desk_notices(&mut memory, there, &[other, came], now);
    assert_eq!(told.len(), 1, "{told:?}");
    assert_eq!(told[0].summary, "Patient 6 has arrived");
    // Back here: a fresh first look, so nothing is told twice or in a flood.
    assert!(desk_notices(&mut memory, here, &[absent], now).is_empty());
}

fn failure(n: u32, attempts: u32, gave_up: bool) -> FailedReminder {
    FailedReminder {
        patient: format!("Patient {n}"),
        error: "the mail server refused".into(),
        attempts,
        gave_up,
    }
}

#[test]
fn a_failed_reminder_is_told_on_its_first_and_last_try_and_many_as_one() {
    assert!(failure_notices(&[]).is_empty());
    let told = failure_notices(&[
        failure(1, 1, false),
        failure(2, 3, false),
        failure(3, 5, true),
    ]);
    assert_eq!(told.len(), 2);
    assert_eq!(told[0].summary, "Reminder to Patient 1 failed");
    assert!(told[0].body.contains("tried again"));
    assert!(told[1].body.contains("No more tries"));
    let many: Vec<FailedReminder> = (0..5).map(|n| failure(n, 1, false)).collect();
    let told = failure_notices(&many);
    assert_eq!(told.len(), 1);
    assert_eq!(told[0].summary, "5 reminders failed");
}

/// Wait alerts (issue 17): a patient waiting (arrived or called) longer than the clinic's
/// threshold for their kind is told once; seen by the doctor, never.
#[test]
fn staff_are_told_once_of_a_patient_waiting_longer_than_the_clinic_allows() {
    let now = utc("2026-11-24T05:30:00Z");
    let here = (ClinicId(Uuid::from_u128(3)), now.date_naive());
    let mut memory = NoticeMemory::default();
    // Booked for later (so no overdue start), arrived now; an emergency with a 10-minute limit.
    let mut walk_in = desk(1, Status::CheckedIn, now + Duration::hours(2));
    walk_in.arrived_at = Some(now);
    let mut emergency = desk(2, Status::Called, now + Duration::hours(2));
    emergency.arrived_at = Some(now);
    emergency.wait_minutes = 10;
    let mut seen = desk(3, Status::InConsultation, now + Duration::hours(2));
    seen.arrived_at = Some(now - Duration::hours(1));
    let all = [walk_in, emergency, seen];
    assert!(desk_notices(&mut memory, here, &all, now).is_empty());
    let at_ten = now + Duration::minutes(10);
    assert!(
        desk_notices(&mut memory, here, &all, at_ten).is_empty(),
        "not over yet"
    );
    let told = desk_notices(&mut memory, here, &all, at_ten + Duration::minutes(1));
    assert_eq!(told.len(), 1);
    assert_eq!(told[0].summary, "Patient 2 has waited too long");
    assert_eq!(
        told[0].body,
        "Waiting 11 min for Dr. Rao (the clinic's limit is 10 min)"
    );
    let told = desk_notices(&mut memory, here, &all, now + Duration::minutes(21));
    assert_eq!(
        told.iter().map(|n| n.summary.as_str()).collect::<Vec<_>>(),
        ["Patient 1 has waited too long"]
    );
    assert!(desk_notices(&mut memory, here, &all, now + Duration::minutes(40)).is_empty());
}

/// `{code}` (issue 17) gives the appointment's self check-in code: six digits, the same every
/// time for one appointment under one key, and different for others and under another key.
#[test]
fn the_check_in_code_is_six_digits_fixed_per_appointment() {
    use frontdesk::scheduling::kiosk::check_in_code;
    let text = Template {
        subject: String::new(),
        body: "Check in at the kiosk with {code}".into(),
    };
    assert_eq!(
        render(&text.body, &message(Mode::InClinic)).expect("renders"),
        "Check in at the kiosk with 418207"
    );
    let secret = "0123456789abcdef".repeat(4);
    let codes: std::collections::HashSet<String> = (1..=500u128)
        .map(|n| check_in_code(&secret, AppointmentId(Uuid::from_u128(n))))
        .collect();
    assert!(
        codes.len() > 495,
        "codes differ from one appointment to the next"
    );
    for code in &codes {
        assert!(
            code.len() == 6 && code.chars().all(|c| c.is_ascii_digit()),
            "{code}"
        );
    }
    let id = AppointmentId(Uuid::from_u128(77));
    assert_eq!(check_in_code(&secret, id), check_in_code(&secret, id));
    // Another database's key gives another code: the id alone does not give it.
    let other = "fedcba9876543210".repeat(4);
    let differ = (1..=50u128)
        .map(|n| AppointmentId(Uuid::from_u128(n)))
        .filter(|id| check_in_code(&secret, *id) != check_in_code(&other, *id))
        .count();
    assert!(differ >= 49, "{differ}");
}
