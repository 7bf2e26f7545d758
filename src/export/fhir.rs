//! FHIR R4 (4.0.1) JSON export: a Bundle of type `collection` holding a Location for the
//! clinic, one per room (part of the clinic), and the Practitioners, Patients and Appointments,
//! each entry's `fullUrl` a `urn:uuid:` of our id so references resolve inside the bundle and
//! ids stay the same across exports. Status and appointmentType follow DESIGN.md §2; times
//! carry the clinic's offset. Entries are formatted a chunk at a time, so a large export needs
//! little memory.

use std::io::{self, Write};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use super::chunks::{Writing, write_in_order};
use super::{ExportSet, ExportedAppointment, Names, Progress};
use crate::scheduling::*;

/// The FHIR version written.
pub const FHIR_VERSION: &str = "4.0.1";

const V2_0276: &str = "http://terminology.hl7.org/CodeSystem/v2-0276";
const CANCEL_REASON: &str = "http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason";
const PHYSICAL_TYPE: &str = "http://terminology.hl7.org/CodeSystem/location-physical-type";
const UUID_SYSTEM: &str = "urn:ietf:rfc:3986";
/// The identifier system of a patient's id in another system.
pub const EXTERNAL_ID_SYSTEM: &str = "urn:frontdesk:external-id";

/// FHIR Appointment.status of one of ours.
pub fn status(status: Status) -> &'static str {
    match status {
        Status::Scheduled | Status::Confirmed => "booked",
        // Called: the administrative work is done and the encounter may begin, which is what
        // FHIR's checked-in says; the tag `urn:frontdesk:status` says it was called.
        Status::CheckedIn | Status::Called => "checked-in",
        Status::InConsultation => "arrived",
        Status::Completed => "fulfilled",
        Status::Cancelled => "cancelled",
        Status::NoShow => "noshow",
        Status::EnteredInError => "entered-in-error",
    }
}

/// appointmentType code (HL7 v2 table 0276) and its display.
pub fn appointment_type(kind: Kind, visit_type: Option<&str>) -> (&'static str, &'static str) {
    let follow_up = visit_type.is_some_and(|v| v.to_lowercase().contains("follow"));
    match kind {
        Kind::WalkIn => ("WALKIN", "A previously unscheduled walk-in visit"),
        Kind::Emergency => ("EMERGENCY", "Emergency appointment"),
        Kind::Scheduled if follow_up => {
            ("FOLLOWUP", "A follow up visit from a previous appointment")
        }
        Kind::Scheduled => ("ROUTINE", "Routine appointment - default if not valued"),
    }
}

fn urn(id: uuid::Uuid) -> String {
    format!("urn:uuid:{id}")
}

/// An instant with the clinic's offset, as FHIR `instant`/`dateTime` want.
/// (`scheduling::time::rfc3339`: the UTC instant where the zone's offset had seconds, which
/// FHIR's offsets cannot carry).
fn instant(zone: Tz, t: DateTime<Utc>) -> String {
    crate::scheduling::time::rfc3339(zone, t)
}

#[derive(Serialize)]
struct Coding {
    system: &'static str,
    code: &'static str,
    display: &'static str,
}

#[derive(Serialize)]
struct Concept {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    coding: Vec<Coding>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
}

impl Concept {
    fn text(text: &str) -> Self {
        Concept {
            coding: Vec::new(),
            text: Some(text.to_owned()),
        }
    }
}

#[derive(Serialize)]
struct Identifier {
    system: &'static str,
    value: String,
}

#[derive(Serialize)]
struct Reference {
    reference: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    display: Option<String>,
}

impl Reference {
    fn to(id: uuid::Uuid, display: Option<&str>) -> Self {
        Reference {
            reference: urn(id),
            display: display.map(str::to_owned),
        }
    }
}

#[derive(Serialize)]
struct HumanName {
    text: String,
}

#[derive(Serialize)]
struct ContactPoint {
    system: &'static str,
    value: String,
}

#[derive(Serialize)]
struct Address {
    text: String,
}

#[derive(Serialize)]
struct Participant {
    actor: Reference,
    required: &'static str,
    status: &'static str,
}

/// A resource's `meta`: here only tags.
#[derive(Serialize)]
struct Tags {
    tag: Vec<Coding>,
}

/// The tag system naming our own status where FHIR's status says less (a called patient is
/// `checked-in` in FHIR).
pub const STATUS_TAG_SYSTEM: &str = "urn:frontdesk:status";

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct AppointmentResource {
    id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    meta: Option<Tags>,
    identifier: Vec<Identifier>,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    cancelation_reason: Option<Concept>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    service_type: Vec<Concept>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    specialty: Vec<Concept>,
    appointment_type: Concept,
    #[serde(skip_serializing_if = "Option::is_none")]
    priority: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    start: String,
    end: String,
    minutes_duration: i64,
    created: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    comment: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    patient_instruction: Option<String>,
    participant: Vec<Participant>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PatientResource {
    id: String,
    identifier: Vec<Identifier>,
    active: bool,
    name: Vec<HumanName>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    telecom: Vec<ContactPoint>,
    #[serde(skip_serializing_if = "Option::is_none")]
    birth_date: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    communication: Vec<Communication>,
}

/// A language the patient reads (Patient.communication), as a BCP 47 code.
#[derive(Serialize)]
struct Communication {
    language: Concept,
    preferred: bool,
}

/// The patient's preferred language as FHIR says it: the BCP 47 code, its English name.
fn communication(language: crate::i18n::Language) -> Communication {
    use crate::i18n::Language;
    let display = match language {
        Language::English => "English",
        Language::Hindi => "Hindi",
    };
    Communication {
        language: Concept {
            coding: vec![Coding {
                system: "urn:ietf:bcp:47",
                code: language.code(),
                display,
            }],
            text: Some(display.to_owned()),
        },
        preferred: true,
    }
}

#[derive(Serialize)]
struct PractitionerResource {
    id: String,
    identifier: Vec<Identifier>,
    active: bool,
    name: Vec<HumanName>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LocationResource {
    id: String,
    identifier: Vec<Identifier>,
    status: &'static str,
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    mode: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    address: Option<Address>,
    physical_type: Concept,
    #[serde(skip_serializing_if = "Option::is_none")]
    part_of: Option<Reference>,
}

#[derive(Serialize)]
#[serde(tag = "resourceType")]
enum Resource {
    Location(LocationResource),
    Practitioner(PractitionerResource),
    Patient(PatientResource),
    Appointment(Box<AppointmentResource>),
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Entry {
    full_url: String,
    resource: Resource,
}

fn uuid_identifier(id: uuid::Uuid) -> Vec<Identifier> {
    vec![Identifier {
        system: UUID_SYSTEM,
        value: urn(id),
    }]
}

fn clinic_location(set: &ExportSet) -> Entry {
    let c = &set.clinic;
    Entry {
        full_url: urn(c.id.0),
        resource: Resource::Location(LocationResource {
            id: c.id.to_string(),
            identifier: uuid_identifier(c.id.0),
            status: "active",
            name: c.name.clone(),
            description: Some(format!("Time zone {}", c.time_zone.name())),
            mode: "instance",
            address: (!c.address.is_empty()).then(|| Address {
                text: c.address.clone(),
            }),
            physical_type: Concept {
                coding: vec![Coding {
                    system: PHYSICAL_TYPE,
                    code: "bu",
                    display: "Building",
                }],
                text: None,
            },
            part_of: None,
        }),
    }
}

fn room_location(set: &ExportSet, r: &Room) -> Entry {
    Entry {
        full_url: urn(r.id.0),
        resource: Resource::Location(LocationResource {
            id: r.id.to_string(),
            identifier: uuid_identifier(r.id.0),
            status: if r.active { "active" } else { "inactive" },
            name: r.name.clone(),
            description: Some(match r.kind {
                RoomKind::Consultation => "Consultation room".to_owned(),
                RoomKind::Procedure => "Procedure room".to_owned(),
                RoomKind::TeleBooth => "Tele-consultation booth".to_owned(),
            }),
            mode: "instance",
            address: None,
            physical_type: Concept {
                coding: vec![Coding {
                    system: PHYSICAL_TYPE,
                    code: "ro",
                    display: "Room",
                }],
                text: None,
            },
            part_of: Some(Reference::to(set.clinic.id.0, Some(&set.clinic.name))),
        }),
    }
}

fn practitioner(d: &Doctor) -> Entry {
    Entry {
        full_url: urn(d.id.0),
        resource: Resource::Practitioner(PractitionerResource {
            id: d.id.to_string(),
            identifier: uuid_identifier(d.id.0),
            active: d.active,
            name: vec![HumanName {
                text: d.name.clone(),
            }],
        }),
    }
}

fn patient(p: &Patient, language: Option<crate::i18n::Language>) -> Entry {
    let mut identifier = uuid_identifier(p.id.0);
    if !p.external_id.is_empty() {
        identifier.push(Identifier {
            system: EXTERNAL_ID_SYSTEM,
            value: p.external_id.clone(),
        });
    }
    let mut telecom = Vec::new();
    if !p.phone.is_empty() {
        telecom.push(ContactPoint {
            system: "phone",
            value: p.phone.clone(),
        });
    }
    if !p.email.is_empty() {
        telecom.push(ContactPoint {
            system: "email",
            value: p.email.clone(),
        });
    }
    Entry {
        full_url: urn(p.id.0),
        resource: Resource::Patient(PatientResource {
            id: p.id.to_string(),
            identifier,
            active: true,
            name: vec![HumanName {
                text: p.name.clone(),
            }],
            telecom,
            birth_date: p.birth_date.map(|d| d.format("%Y-%m-%d").to_string()),
            communication: language.into_iter().map(communication).collect(),
        }),
    }
}

fn cancelation_reason(a: &Appointment) -> Option<Concept> {
    let coding = |code, display| {
        vec![Coding {
            system: CANCEL_REASON,
            code,
            display,
        }]
    };
    match (a.status, &a.cancellation) {
        (Status::Cancelled, Some(c)) => Some(Concept {
            coding: match c.by {
                CancelledBy::Patient => coding("pat", "Patient"),
                CancelledBy::Clinic => coding("prov", "Provider"),
            },
            text: Some(c.reason.clone()),
        }),
        (Status::Cancelled, None) => Some(Concept::text("Cancelled")),
        (Status::NoShow, _) => Some(Concept {
            coding: coding("pat", "Patient"),
            text: Some("Did not attend (no-show)".to_owned()),
        }),
        _ => None,
    }
}

fn appointment(set: &ExportSet, names: &Names<'_>, e: &ExportedAppointment) -> Entry {
    let a = &e.appointment;
    let zone = set.clinic.time_zone;
    let doctor = names.doctor(a.doctor);
    let visit = names.visit_type(a.visit_type);
    let patient = names.patient(a.patient);
    let (code, display) = appointment_type(a.kind, visit.map(|v| v.name.as_str()));
    let patient_status = match (a.status, &a.cancellation) {
        (Status::Scheduled, _) => "needs-action",
        (Status::Cancelled, Some(c)) if c.by == CancelledBy::Patient => "declined",
        _ => "accepted",
    };
    let mut participant = vec![
        Participant {
            actor: Reference::to(a.patient.0, patient.map(|p| p.name.as_str())),
            required: "required",
            status: patient_status,
        },
        Participant {
            actor: Reference::to(a.doctor.0, doctor.map(|d| d.name.as_str())),
            required: "required",
            status: "accepted",
        },
    ];
    let location = match names.room(a.room) {
        Some(r) => Reference::to(r.id.0, Some(&r.name)),
        None => Reference::to(set.clinic.id.0, Some(&set.clinic.name)),
    };
    participant.push(Participant {
        actor: location,
        required: "required",
        status: "accepted",
    });
    let instruction = match a.mode {
        Mode::Video if !a.meeting_link.is_empty() => {
            Some(format!("Video consultation: join at {}", a.meeting_link))
        }
        Mode::Video => Some("Video consultation".to_owned()),
        Mode::Phone => Some("Phone consultation: the clinic will call you".to_owned()),
        Mode::InClinic => None,
    };
    let resource = AppointmentResource {
        id: a.id.to_string(),
        meta: (a.status == Status::Called).then(|| Tags {
            tag: vec![Coding {
                system: STATUS_TAG_SYSTEM,
                code: "called",
                display: "Called from the waiting room",
            }],
        }),
        identifier: uuid_identifier(a.id.0),
        status: status(a.status),
        cancelation_reason: cancelation_reason(a),
        service_type: visit
            .map(|v| vec![Concept::text(&v.name)])
            .unwrap_or_default(),
        specialty: doctor
            .filter(|d| !d.specialty.is_empty())
            .map(|d| vec![Concept::text(&d.specialty)])
            .unwrap_or_default(),
        appointment_type: Concept {
            coding: vec![Coding {
                system: V2_0276,
                code,
                display,
            }],
            text: None,
        },
        priority: u32::try_from(a.priority).ok().filter(|p| *p > 0),
        description: (!a.reason.is_empty()).then(|| a.reason.clone()),
        start: instant(zone, a.interval.start),
        end: instant(zone, a.interval.end),
        minutes_duration: a.interval.minutes(),
        created: instant(zone, e.created_at),
        comment: (!a.notes.is_empty()).then(|| a.notes.clone()),
        patient_instruction: instruction,
        participant,
    };
    Entry {
        full_url: urn(a.id.0),
        resource: Resource::Appointment(Box::new(resource)),
    }
}

/// Entry `i` of the bundle: the clinic's Location, then the rooms', the Practitioners, the
/// Patients and the Appointments, in that order.
fn entry(set: &ExportSet, names: &Names<'_>, i: usize) -> Entry {
    let rooms = 1 + set.rooms.len();
    let doctors = rooms + set.doctors.len();
    let patients = doctors + set.patients.len();
    match i {
        0 => clinic_location(set),
        i if i < rooms => room_location(set, &set.rooms[i - 1]),
        i if i < doctors => practitioner(&set.doctors[i - rooms]),
        i if i < patients => {
            let p = &set.patients[i - doctors];
            patient(p, set.patient_languages.get(&p.id).copied())
        }
        i => appointment(set, names, &set.appointments[i - patients]),
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Meta {
    last_updated: String,
}

/// Writes the Bundle as compact JSON (no indentation: 40 % fewer bytes and a third less time at
/// 100,000 appointments than indented), ending with a newline. The Bundle's own fields are
/// written here; its entries are serialised a chunk at a time on every core.
pub fn write(
    set: &ExportSet,
    now: DateTime<Utc>,
    out: &mut dyn Write,
    progress: &mut dyn FnMut(Progress),
    chunk: usize,
) -> io::Result<()> {
    let zone = set.clinic.time_zone;
    out.write_all(br#"{"resourceType":"Bundle","meta":"#)?;
    let meta = Meta {
        last_updated: instant(zone, now),
    };
    serde_json::to_writer(&mut *out, &meta).map_err(io::Error::other)?;
    out.write_all(br#","type":"collection","timestamp":"#)?;
    serde_json::to_writer(&mut *out, &instant(zone, now)).map_err(io::Error::other)?;
    out.write_all(br#","entry":["#)?;
    let names = Names::new(set);
    let first_appointment = 1 + set.rooms.len() + set.doctors.len() + set.patients.len();
    let entries = first_appointment + set.appointments.len();
    let mut writing = Writing::new(set.appointments.len(), progress);
    write_in_order(entries, chunk, out, &mut writing, |range, buffer| {
        for i in range.clone() {
            if i > 0 {
                buffer.push(b',');
            }
            serde_json::to_writer(&mut *buffer, &entry(set, &names, i))
                .map_err(io::Error::other)?;
        }
        let appointments = range.end.saturating_sub(range.start.max(first_appointment));
        Ok(appointments as u64)
    })?;
    out.write_all(b"]}\n")?;
    writing.finish();
    Ok(())
}
