//! What each role may do: the one table the store enforces (`store::guard`) and the window and
//! command line follow to show only what is allowed. Staff roles build on one another
//! (receptionist → nurse → manager → administrator); the service credential of unattended jobs
//! has its own narrow role.

use super::staff::StaffRole;

/// Who may act: a staff member's role, or a service credential of something unattended (cron
/// `reminders send`, `backup`; the queue board; the self check-in kiosk).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// A staff member's role.
    Staff(StaffRole),
    /// A service credential, narrowed to what it is for.
    Service(ServiceScope),
}

/// What a service credential is for, by its name: `board` shows the queue board, `kiosk` runs
/// the self check-in kiosk, any other name is cron's (reminders and backups). No credential
/// does two of these: the file on a TV or a kiosk in the waiting room cannot back up the
/// database or send reminders, and cron's cannot read the queue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ServiceScope {
    /// Cron's jobs: send reminders, make backups.
    Jobs,
    /// The queue board on a TV.
    Board,
    /// The self check-in kiosk.
    Kiosk,
}

impl ServiceScope {
    /// The scope of the credential named `name`.
    pub fn of_name(name: &str) -> ServiceScope {
        match name {
            "board" => ServiceScope::Board,
            "kiosk" => ServiceScope::Kiosk,
            _ => ServiceScope::Jobs,
        }
    }
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
    /// Show the waiting room's queue board (tokens and initials only): staff, and the service
    /// credential a board on a TV runs with.
    QueueBoard,
    /// Let patients check themselves in at a kiosk: staff, and the service credential a kiosk
    /// runs with.
    SelfCheckIn,
}

impl Action {
    /// Every action, in the order the permission table lists them.
    pub const ALL: [Action; 21] = [
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
        Action::QueueBoard,
        Action::SelfCheckIn,
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
            | Action::SendReminders
            | Action::QueueBoard
            | Action::SelfCheckIn => StaffRole::Receptionist,
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

    /// Whether a service credential of `scope` may do it.
    fn for_service(self, scope: ServiceScope) -> bool {
        match scope {
            ServiceScope::Jobs => matches!(self, Action::SendReminders | Action::Backup),
            ServiceScope::Board => self == Action::QueueBoard,
            ServiceScope::Kiosk => self == Action::SelfCheckIn,
        }
    }

    /// What it is, as a refusal says it: "exporting appointments", in the desk's language.
    pub fn doing(self) -> String {
        match self {
            Action::SeeSchedule => crate::t!("core-doing-see-schedule"),
            Action::Book => crate::t!("core-doing-book"),
            Action::WalkIn => crate::t!("core-doing-walk-in"),
            Action::Move => crate::t!("core-doing-move"),
            Action::ChangeStatus => crate::t!("core-doing-change-status"),
            Action::StartOrComplete => crate::t!("core-doing-start-or-complete"),
            Action::Waitlist => crate::t!("core-doing-waitlist"),
            Action::PrintDaySheet => crate::t!("core-doing-print-day-sheet"),
            Action::SendReminders => crate::t!("core-doing-send-reminders"),
            Action::Settings => crate::t!("core-doing-settings"),
            Action::Reports => crate::t!("core-doing-reports"),
            Action::ExportReports => crate::t!("core-doing-export-reports"),
            Action::StaffAndRoles => crate::t!("core-doing-staff-and-roles"),
            Action::Backup => crate::t!("core-doing-backup"),
            Action::Restore => crate::t!("core-doing-restore"),
            Action::Import => crate::t!("core-doing-import"),
            Action::ExportAppointments => crate::t!("core-doing-export-appointments"),
            Action::ReminderChannels => crate::t!("core-doing-reminder-channels"),
            Action::AccessLog => crate::t!("core-doing-access-log"),
            Action::QueueBoard => crate::t!("core-doing-queue-board"),
            Action::SelfCheckIn => crate::t!("core-doing-self-check-in"),
        }
    }
}

impl Role {
    /// The stable text of the role ("receptionist", …, "service").
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Staff(role) => role.as_str(),
            Role::Service(_) => "service",
        }
    }

    /// Whether this role may do `action`.
    pub fn may(self, action: Action) -> bool {
        match self {
            Role::Staff(role) => role.rank() >= action.least_role().rank(),
            Role::Service(scope) => action.for_service(scope),
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
#[error(
    "{}",
    crate::t!(
        "core-refused",
        doing = action.doing(),
        needs = needs(action),
        signed_in = as_role(role),
    )
)]
pub struct Refused {
    /// What was asked.
    pub action: Action,
    /// The role that asked.
    pub role: Role,
}

/// A role as a sentence names it, lower-case: "receptionist".
fn role_word(role: StaffRole) -> String {
    match role {
        StaffRole::Receptionist => crate::t!("core-role-word-receptionist"),
        StaffRole::Nurse => crate::t!("core-role-word-nurse"),
        StaffRole::Manager => crate::t!("core-role-word-manager"),
        StaffRole::Administrator => crate::t!("core-role-word-administrator"),
    }
}

fn needs(action: &Action) -> String {
    match action.least_role() {
        StaffRole::Administrator => crate::t!("core-needs-administrator"),
        role => crate::t!("core-needs-role-or-above", role = role_word(role)),
    }
}

fn as_role(role: &Role) -> String {
    match role {
        Role::Staff(StaffRole::Administrator) => crate::t!("core-signed-in-as-administrator"),
        Role::Staff(role) => crate::t!("core-signed-in-as", role = role_word(*role)),
        Role::Service(_) => crate::t!("core-signed-in-as-service"),
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
        // The waiting room's screens (issue 17): every role may show the board and run the
        // kiosk, as may the service credential they run with unattended.
        let screens = [QueueBoard, SelfCheckIn];
        let with_screens = |mut roles: Vec<Action>| {
            roles.extend(screens);
            roles
        };
        assert_eq!(
            allowed(Role::Staff(StaffRole::Receptionist)),
            with_screens(desk.clone())
        );
        let mut nurse = desk.clone();
        nurse.insert(5, StartOrComplete);
        assert_eq!(
            allowed(Role::Staff(StaffRole::Nurse)),
            with_screens(nurse.clone())
        );
        let mut manager = nurse.clone();
        manager.extend([Settings, Reports, ExportReports]);
        assert_eq!(
            allowed(Role::Staff(StaffRole::Manager)),
            with_screens(manager)
        );
        assert_eq!(
            allowed(Role::Staff(StaffRole::Administrator)),
            Action::ALL.to_vec()
        );
        assert_eq!(
            allowed(Role::Service(ServiceScope::Jobs)),
            vec![SendReminders, Backup]
        );
        assert_eq!(
            allowed(Role::Service(ServiceScope::Board)),
            vec![QueueBoard]
        );
        assert_eq!(
            allowed(Role::Service(ServiceScope::Kiosk)),
            vec![SelfCheckIn]
        );
        assert_eq!(ServiceScope::of_name("board"), ServiceScope::Board);
        assert_eq!(ServiceScope::of_name("kiosk"), ServiceScope::Kiosk);
        assert_eq!(ServiceScope::of_name("reminders"), ServiceScope::Jobs);
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
        let refused = Role::Service(ServiceScope::Jobs)
            .check(Action::Book)
            .unwrap_err();
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
