//! What is tidied before it is saved, entity by entity: names trimmed with inner runs of spaces
//! made one (`setup_rules::tidy_name`), free text trimmed, colours in lower case. The store
//! calls one function per entity, so which fields are tidied, and how, is decided here on every
//! engine; the checks (`setup_rules`) then see what will be stored.

use super::model::{Clinic, Doctor, Room, VisitType};
use super::setup_rules::tidy_name;
use super::staff::StaffMember;

/// A clinic as saved: its name tidied, its address trimmed.
pub fn clinic(clinic: &Clinic) -> Clinic {
    Clinic {
        name: tidy_name(&clinic.name),
        address: text(&clinic.address),
        ..clinic.clone()
    }
}

/// A doctor as saved: name tidied, specialty trimmed, colour trimmed and in lower case.
pub fn doctor(doctor: &Doctor) -> Doctor {
    Doctor {
        name: tidy_name(&doctor.name),
        specialty: text(&doctor.specialty),
        colour: colour(&doctor.colour),
        ..doctor.clone()
    }
}

/// A room as saved: its name tidied.
pub fn room(room: &Room) -> Room {
    Room {
        name: tidy_name(&room.name),
        ..room.clone()
    }
}

/// A visit type as saved: name tidied, colour trimmed and in lower case.
pub fn visit_type(visit: &VisitType) -> VisitType {
    VisitType {
        name: tidy_name(&visit.name),
        colour: colour(&visit.colour),
        ..visit.clone()
    }
}

/// A staff member as saved: the name tidied.
pub fn staff_member(member: &StaffMember) -> StaffMember {
    StaffMember {
        name: tidy_name(&member.name),
        ..member.clone()
    }
}

/// Free text as saved (a reason, notes, a meeting link, an absence's reason): trimmed; what is
/// inside is kept as typed.
pub fn text(text: &str) -> String {
    text.trim().to_owned()
}

/// A colour as saved: trimmed, in lower case (`#4A90D9` is `#4a90d9`).
pub fn colour(colour: &str) -> String {
    colour.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scheduling::hours::WeeklyHours;

    #[test]
    fn names_free_text_and_colours_are_tidied_as_stored() {
        let c = clinic(&Clinic {
            id: crate::scheduling::ClinicId(uuid::Uuid::nil()),
            name: "  Lotus   Family Clinic ".into(),
            address: "\t1 Main Street  ".into(),
            time_zone: chrono_tz::Asia::Kolkata,
            opening_hours: WeeklyHours::default(),
            slot_minutes: 15,
        });
        assert_eq!(c.name, "Lotus Family Clinic");
        assert_eq!(c.address, "1 Main Street");
        let d = doctor(&Doctor {
            id: crate::scheduling::DoctorId(uuid::Uuid::nil()),
            name: " Dr.  अंजलि  राव ".into(),
            specialty: " Cardiology ".into(),
            colour: " #4A90D9 ".into(),
            active: true,
        });
        assert_eq!(d.name, "Dr. अंजलि राव");
        assert_eq!(d.specialty, "Cardiology");
        assert_eq!(d.colour, "#4a90d9");
        assert_eq!(text("  after  lunch \n"), "after  lunch");
        assert_eq!(text(""), "");
        // A line break inside a name stays, for the name check to refuse.
        assert!(
            staff_member(&StaffMember {
                id: crate::scheduling::staff::StaffId(uuid::Uuid::nil()),
                name: "Ma\nria".into(),
                role: crate::scheduling::staff::StaffRole::Receptionist,
                active: true,
            })
            .name
            .contains('\n')
        );
    }
}
