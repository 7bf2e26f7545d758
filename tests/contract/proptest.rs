//! Property: random sequences of book / move / cancel never leave two live appointments of one
//! doctor, one room or one patient overlapping, and the store accepts exactly what the pure
//! core accepts when judged against an in-memory model of the clinic.

use crate::common::{Clinic1, TestBackend, utc};
use chrono::{DateTime, Duration, Utc};
use frontdesk::scheduling::*;
use frontdesk::store::{AgendaFilter, MoveRequest, Start, Store, StoreError};
use proptest::prelude::*;

const NOW: &str = "2026-06-01T03:00:00Z";

#[derive(Clone, Debug)]
enum Op {
    Book {
        doctor: usize,
        room: Option<usize>,
        patient: usize,
        slot: i64,
        quarters: i64,
    },
    Move {
        which: usize,
        doctor: Option<usize>,
        slot: i64,
    },
    Cancel {
        which: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..2usize, prop::option::of(0..2usize), 0..3usize, 0..20i64, 1..4i64).prop_map(
            |(doctor, room, patient, slot, quarters)| Op::Book { doctor, room, patient, slot, quarters }
        ),
        2 => (0..40usize, prop::option::of(0..2usize), 0..20i64)
            .prop_map(|(which, doctor, slot)| Op::Move { which, doctor, slot }),
        1 => (0..40usize).prop_map(|which| Op::Cancel { which }),
    ]
}

/// What the model knows of one appointment.
#[derive(Clone, Debug)]
struct Known {
    id: AppointmentId,
    doctor: DoctorId,
    room: Option<RoomId>,
    patient: PatientId,
    interval: Interval,
    status: Status,
}

struct World<B: TestBackend> {
    c: Clinic1<B>,
    doctors: [DoctorId; 2],
    rooms: [RoomId; 2],
    patients: [PatientId; 3],
    known: Vec<Known>,
}

impl<B: TestBackend> World<B> {
    /// Slot n: 15-minute steps from 08:45 (one before the doctors start) on 2026-06-02.
    fn start(&self, slot: i64) -> DateTime<Utc> {
        self.c.at("2026-06-02 08:45") + Duration::minutes(15 * slot)
    }

    /// The core's verdict on a proposal, judged against the model.
    fn core_accepts(&self, proposal: &Proposal) -> bool {
        let hours = self
            .c
            .store
            .doctor_hours(proposal.doctor, self.c.clinic)
            .expect("hours");
        let nearby = self
            .known
            .iter()
            .map(|k| Booked {
                id: k.id,
                doctor: k.doctor,
                room: k.room,
                patient: k.patient,
                interval: k.interval,
                status: k.status,
                patient_name: "p".into(),
                doctor_name: "d".into(),
            })
            .collect();
        let context = ConflictContext {
            zone: self.c.zone,
            clinic_name: "Test Clinic".into(),
            clinic_hours: WeeklyHours::same_each(
                &crate::common::ALL_DAYS,
                &[DaySpan::new(8 * 60, 20 * 60)],
            )
            .expect("hours"),
            doctor_name: "d".into(),
            doctor_active: true,
            doctor_hours: hours,
            doctor_leave: vec![],
            room: proposal.room.map(|_| RoomRules {
                name: "r".into(),
                hours: None,
                blockouts: vec![],
                active: true,
            }),
            nearby,
        };
        matches!(
            decide(check(proposal, &context, utc(NOW)), None),
            Verdict::Accept { .. }
        )
    }

    fn apply(&mut self, op: &Op) {
        let now = utc(NOW);
        match *op {
            Op::Book {
                doctor,
                room,
                patient,
                slot,
                quarters,
            } => {
                let start = self.start(slot);
                let proposal = Proposal {
                    doctor: self.doctors[doctor],
                    room: room.map(|r| self.rooms[r]),
                    patient: self.patients[patient],
                    interval: Interval::new(start, start + Duration::minutes(15 * quarters)),
                    kind: Kind::Scheduled,
                    moving: None,
                };
                let mut req = self.c.request(
                    proposal.doctor,
                    proposal.room,
                    proposal.patient,
                    "2026-06-02 09:00",
                );
                req.start = Start::At(start);
                req.minutes = 15 * quarters;
                let expected = self.core_accepts(&proposal);
                match self.c.store.book(&req, "prop", now) {
                    Ok(out) => {
                        assert!(expected, "store booked what the core refuses: {op:?}");
                        self.known.push(Known {
                            id: out.appointment.id,
                            doctor: proposal.doctor,
                            room: proposal.room,
                            patient: proposal.patient,
                            interval: proposal.interval,
                            status: Status::Scheduled,
                        });
                    }
                    Err(StoreError::Refused(_)) => {
                        assert!(!expected, "store refused what the core accepts: {op:?}")
                    }
                    Err(e) => panic!("unexpected error {e}"),
                }
            }
            Op::Move {
                which,
                doctor,
                slot,
            } => {
                if self.known.is_empty() {
                    return;
                }
                let index = which % self.known.len();
                let k = self.known[index].clone();
                let start = self.start(slot);
                let proposal = Proposal {
                    doctor: doctor.map(|d| self.doctors[d]).unwrap_or(k.doctor),
                    room: k.room,
                    patient: k.patient,
                    interval: Interval::new(start, start + (k.interval.end - k.interval.start)),
                    kind: Kind::Scheduled,
                    moving: Some(k.id),
                };
                let movable = matches!(
                    k.status,
                    Status::Scheduled | Status::Confirmed | Status::CheckedIn
                );
                let expected = movable && self.core_accepts(&proposal);
                let request = MoveRequest {
                    appointment: k.id,
                    start: Start::At(start),
                    doctor: Some(proposal.doctor),
                    room: None,
                    overbook: None,
                };
                match self.c.store.move_appointment(&request, "prop", now) {
                    Ok(_) => {
                        assert!(expected, "store moved what the core refuses: {op:?}");
                        self.known[index].doctor = proposal.doctor;
                        self.known[index].interval = proposal.interval;
                    }
                    Err(StoreError::Refused(_) | StoreError::Invalid(_)) => {
                        assert!(!expected, "store refused a move the core accepts: {op:?}")
                    }
                    Err(e) => panic!("unexpected error {e}"),
                }
            }
            Op::Cancel { which } => {
                if self.known.is_empty() {
                    return;
                }
                let index = which % self.known.len();
                let action = StatusAction::Cancel {
                    reason: "prop".into(),
                    by: CancelledBy::Clinic,
                };
                let result = self
                    .c
                    .store
                    .change_status(self.known[index].id, &action, "prop", now);
                if self.known[index].status == Status::Scheduled {
                    result.expect("a scheduled appointment can be cancelled");
                    self.known[index].status = Status::Cancelled;
                } else {
                    assert!(
                        result.is_err(),
                        "a cancelled appointment cannot be cancelled again"
                    );
                }
            }
        }
    }

    /// No two live appointments of one doctor, room or patient overlap, and the store holds
    /// exactly what the model holds.
    fn check_invariants(&self) {
        let day = time::local_day(
            self.c.zone,
            chrono::NaiveDate::from_ymd_opt(2026, 6, 2).expect("d"),
        );
        let stored = self
            .c
            .store
            .agenda(self.c.clinic, day, AgendaFilter::All)
            .expect("agenda");
        assert_eq!(stored.len(), self.known.len());
        for k in &self.known {
            let s = stored
                .iter()
                .find(|e| e.appointment.id == k.id)
                .expect("the model's appointment is stored");
            assert_eq!(s.appointment.interval, k.interval);
            assert_eq!(s.appointment.doctor, k.doctor);
            assert_eq!(s.appointment.status, k.status);
        }
        let live: Vec<_> = stored
            .iter()
            .filter(|e| e.appointment.status.holds_time())
            .collect();
        for (i, a) in live.iter().enumerate() {
            for b in &live[i + 1..] {
                let (a, b) = (&a.appointment, &b.appointment);
                if a.interval.overlaps(&b.interval) {
                    assert_ne!(a.doctor, b.doctor, "doctor double-booked");
                    assert_ne!(a.patient, b.patient, "patient double-booked");
                    assert!(a.room.is_none() || a.room != b.room, "room double-booked");
                }
            }
        }
        assert!(self.c.store.check().expect("check").is_ok());
    }
}

/// The property, run by proptest's runner on engine `B` (48 cases; a failure is shrunk to its
/// smallest sequence and kept beside this file, as `proptest!` does).
pub fn random_bookings_moves_and_cancellations_never_double_book<B: TestBackend>() {
    let config = ProptestConfig {
        cases: 48,
        source_file: Some(file!()),
        ..ProptestConfig::default()
    };
    let mut runner = proptest::test_runner::TestRunner::new(config);
    let outcome = runner.run(&prop::collection::vec(op(), 1..40), |ops| {
        let c = Clinic1::<B>::fresh(chrono_tz::Asia::Kolkata);
        let mut world = World {
            doctors: [c.rao, c.mehta],
            rooms: [c.room1, c.room2],
            patients: [c.asha, c.ravi, c.lata],
            c,
            known: Vec::new(),
        };
        for op in &ops {
            world.apply(op);
            world.check_invariants();
        }
        Ok(())
    });
    if let Err(e) = outcome {
        panic!("{e}");
    }
}
