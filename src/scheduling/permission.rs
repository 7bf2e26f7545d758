//! What each role may do: the one table the store enforces (`store::guard`) and the window and
//! command line follow to show only what is allowed. Staff roles build on one another
//! (receptionist → nurse → manager → administrator); the service credential of unattended jobs
//! has its own narrow role.

use super::staff::StaffRole;

/// Who may act: a staff member's role, or the service credential of unattended jobs (cron
/// `reminders send`, `backup`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// A staff member's role.
    Staff(StaffRole),
    /// The service credential: sends reminders and makes backups, nothing else.
    Service,
}

/// Something a role may or may not do. Every store method is one of these.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// See the calendar, appointments, patients, waitlist, hours and settings as they are.
    SeeSchedule,
    /// Book appointments and series, register and edit patients and appointment details.
    Book,
    /// Book a walk-in or emergency through quick add.
    WalkIn,
    /// Move appointments and series occurrences.
    Move,
    /// Confirm, check in, cancel, mark no-show or entered in error, and undo those.
    ChangeStatus,
    /// Start and complete consultations, and undo those.
    StartOrComplete,
    /// Work the waitlist.
    Waitlist,
    /// Print a day sheet.
    PrintDaySheet,
    /// Send reminders and look after the outbox.
    SendReminders,
    /// Change the clinic's setup: hours, doctors, rooms, leave, blockouts, visit types,
    /// reminder rules and their words.
    Settings,
    /// See reports.
    Reports,
    /// Export reports to files.
    ExportReports,
    /// Add staff, change their roles, set their passwords and PINs.
    StaffAndRoles,
    /// Back the database up.
    Backup,
    /// Restore a backup.
    Restore,
    /// Import patients and appointments from files.
    Import,
    /// Export appointments (iCalendar, CSV, FHIR).
    ExportAppointments,
    /// Set up how reminders go out (e-mail server, webhook, their secrets).
    ReminderChannels,
    /// Read the access log, and check the database.
    AccessLog,
}

impl Action {
    /// Every action, in the order the permission table lists them.
    pub const ALL: [Action; 19] = [
        Action::SeeSchedule,
        Action::Book,
        Action::WalkIn,
        Action::Move,
        Action::ChangeStatus,
        Action::StartOrComplete,
        Action::Waitlist,
        Action::PrintDaySheet,
        Action::SendReminders,
        Action::Settings,
        Action::Reports,
        Action::ExportReports,
        Action::StaffAndRoles,
        Action::Backup,
        Action::Restore,
        Action::Import,
        Action::ExportAppointments,
        Action::ReminderChannels,
        Action::AccessLog,
    ];

    /// The least staff role that may do it (every role above may too).
    pub fn least_role(self) -> StaffRole {
        match self {
            Action::SeeSchedule
            | Action::Book
            | Action::WalkIn
            | Action::Move
            | Action::ChangeStatus
            | Action::Waitlist
            | Action::PrintDaySheet
            | Action::SendReminders => StaffRole::Receptionist,
            Action::StartOrComplete => StaffRole::Nurse,
            Action::Settings | Action::Reports | Action::ExportReports => StaffRole::Manager,
            Action::StaffAndRoles
            | Action::Backup
            | Action::Restore
            | Action::Import
            | Action::ExportAppointments
            | Action::ReminderChannels
            | Action::AccessLog => StaffRole::Administrator,
        }
    }

    /// Whether the service credential may do it.
    fn for_service(self) -> bool {
        matches!(self, Action::SendReminders | Action::Backup)
    }

    /// What it is, as a refusal says it: "exporting appointments".
    pub fn doing(self) -> &'static str {
        match self {
            Action::SeeSchedule => "seeing the schedule",
            Action::Book => "booking",
            Action::WalkIn => "adding a walk-in",
            Action::Move => "moving appointments",
            Action::ChangeStatus => "changing an appointment's status",
            Action::StartOrComplete => "starting or completing a consultation",
            Action::Waitlist => "working the waitlist",
            Action::PrintDaySheet => "printing a day sheet",
            Action::SendReminders => "sending reminders",
            Action::Settings => "changing the clinic's settings",
            Action::Reports => "seeing reports",
            Action::ExportReports => "exporting reports",
            Action::StaffAndRoles => "changing staff, roles, passwords and PINs",
            Action::Backup => "backing up",
            Action::Restore => "restoring a backup",
            Action::Import => "importing",
            Action::ExportAppointments => "exporting appointments",
            Action::ReminderChannels => "setting up how reminders are sent",
            Action::AccessLog => "reading the access log",
        }
    }
}

impl Role {
    /// The stable text of the role ("receptionist", …, "service").
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Staff(role) => role.as_str(),
            Role::Service => "service",
        }
    }

    /// Whether this role may do `action`.
    pub fn may(self, action: Action) -> bool {
        match self {
            Role::Staff(role) => role.rank() >= action.least_role().rank(),
            Role::Service => action.for_service(),
        }
    }

    /// `Ok` when this role may do `action`, else why not ([`Refused`]).
    pub fn check(self, action: Action) -> Result<(), Refused> {
        if self.may(action) {
            Ok(())
        } else {
            Err(Refused { action, role: self })
        }
    }
}

/// An action refused to a role: says which role it needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{} needs {}; you are signed in {}: ask someone who has it", .action.doing(), needs(.action), as_role(.role))]
pub struct Refused {
    /// What was asked.
    pub action: Action,
    /// The role that asked.
    pub role: Role,
}

fn needs(action: &Action) -> String {
    match action.least_role() {
        StaffRole::Administrator => "the administrator role".to_owned(),
        role => format!("the {} role or above", role.as_str()),
    }
}

fn as_role(role: &Role) -> String {
    match role {
        Role::Staff(StaffRole::Administrator) => "as an administrator".to_owned(),
        Role::Staff(role) => format!("as a {}", role.as_str()),
        Role::Service => "with the service credential".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allowed(role: Role) -> Vec<Action> {
        Action::ALL.into_iter().filter(|a| role.may(*a)).collect()
    }

    #[test]
    fn each_role_may_do_what_the_issue_lists_and_nothing_more() {
        use Action::*;
        let desk = vec![
            SeeSchedule,
            Book,
            WalkIn,
            Move,
            ChangeStatus,
            Waitlist,
            PrintDaySheet,
            SendReminders,
        ];
        assert_eq!(allowed(Role::Staff(StaffRole::Receptionist)), desk);
        let mut nurse = desk.clone();
        nurse.insert(5, StartOrComplete);
        assert_eq!(allowed(Role::Staff(StaffRole::Nurse)), nurse);
        let mut manager = nurse.clone();
        manager.extend([Settings, Reports, ExportReports]);
        assert_eq!(allowed(Role::Staff(StaffRole::Manager)), manager);
        assert_eq!(
            allowed(Role::Staff(StaffRole::Administrator)),
            Action::ALL.to_vec()
        );
        assert_eq!(allowed(Role::Service), vec![SendReminders, Backup]);
    }

    #[test]
    fn a_refusal_says_which_role_the_action_needs() {
        let refused = Role::Staff(StaffRole::Receptionist)
            .check(Action::ExportAppointments)
            .unwrap_err();
        assert_eq!(
            refused.to_string(),
            "exporting appointments needs the administrator role; you are signed in as a \
             receptionist: ask someone who has it"
        );
        let refused = Role::Service.check(Action::Book).unwrap_err();
        assert_eq!(
            refused.to_string(),
            "booking needs the receptionist role or above; you are signed in with the service \
             credential: ask someone who has it"
        );
        assert!(
            Role::Staff(StaffRole::Nurse)
                .check(Action::Settings)
                .unwrap_err()
                .to_string()
                .starts_with("changing the clinic's settings needs the manager role or above")
        );
        assert_eq!(
            Role::Staff(StaffRole::Manager).check(Action::Reports),
            Ok(())
        );
    }
}
