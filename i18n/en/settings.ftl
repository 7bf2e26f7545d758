# The Settings page.

settings-title = Settings
settings-section-clinic = Clinic
settings-section-doctors = Doctors
settings-section-rooms = Rooms
settings-section-visit-types = Visit types
settings-section-staff = Staff
settings-section-history = History
settings-section-this-desk = This desk
settings-recorded-as = Changes are recorded as made by { $actor }.
settings-desk-title = This desk
settings-desk-about = What this computer prefers, whatever the clinic: the other desks of the clinic keep their own.
settings-desk-language-note = The window and its messages change at once; the other desks are not affected.

## Pieces every settings form shares.

settings-not-saved = Nothing was saved: correct the fields marked in red, then save again.
settings-name = Name
settings-colour = Colour (#rrggbb)
settings-details = Details
settings-saving = Saving…
settings-checking = Checking…
settings-active-bookable = Active: takes new bookings
settings-opening-hours = Opening hours
settings-open = Open
settings-remove = Remove
settings-save-anyway = Save anyway
# The placeholder of a day's hours left empty.
settings-hours-closed = closed
# A list entry no longer in use.
settings-inactive = { $name } (inactive)
# What a save did: $what is a name ("Dr. Rao") or "the clinic", "the hours"…
settings-saved-added = Added { $what }.
settings-saved-saved = Saved { $what }.
settings-saved-unchanged = Nothing to save: { $what } is as stored.
settings-what-clinic = the clinic
settings-what-hours = the hours
settings-what-room-hours = the room's hours

## Booked appointments a change would strand; $place is one of settings-stranded-… below.

settings-stranded-saved = Saved. { $count ->
        [one] { $count } booked appointment is
       *[other] { $count } booked appointments are
    } { $place }: open each one to move it.
settings-stranded-ahead = ⚠ { $count ->
        [one] { $count } booked appointment would be { $place }. Saving keeps it booked
       *[other] { $count } booked appointments would be { $place }. Saving keeps them booked
    }; open each one to move it.
settings-stranded-more = … and { $count } more
settings-stranded-outside-clinic-hours = outside the new opening hours
settings-stranded-outside-doctor-hours = outside the new hours
settings-stranded-outside-room-hours = outside the room's new hours
settings-stranded-doctor-inactive = with a doctor marked inactive
settings-stranded-room-inactive = in a room marked inactive
settings-stranded-leave = on this leave
settings-stranded-blockout = in this blockout

## The clinic.

settings-clinic-card = Clinic
settings-clinic-name-example = e.g. Lotus Family Clinic
settings-clinic-address = Address
settings-clinic-address-example = Street, town, postcode
settings-clinic-zone = Time zone (IANA name)
settings-clinic-slot = Default slot length (minutes)
settings-clinic-hours-hint = One line per day, e.g. 08:00–13:00, 14:00–20:00. Leave a day empty when the clinic is closed.
settings-clinic-save = Save clinic

## Doctors.

settings-doctor-add = + Add doctor
settings-doctor-choose = Choose a doctor to edit, or add one.
settings-doctor-new = New doctor
settings-doctor-name-example = e.g. Dr. Anjali Rao
settings-doctor-specialty = Specialty
settings-doctor-specialty-example = e.g. Paediatrics
settings-doctor-save = Save doctor
settings-doctor-save-first = Save the doctor first; then set their hours and leave.
settings-doctor-hours = Working hours at { $clinic }
settings-doctor-hours-hint = One line per day, e.g. 09:00–13:00, 14:00–18:00. Leave a day empty when they do not work.
settings-doctor-save-hours = Save hours
settings-doctor-leave = Leave
settings-doctor-leave-hint = Whole days (2026-12-01 to 2026-12-05), or with times (2026-12-01 14:00).

## A doctor's leave and a room's blockouts.

settings-absence-from = From
settings-absence-until = Until (the whole day, or a time)
settings-absence-reason = Reason
settings-absence-reason-example = e.g. annual leave
settings-leave-add = Add leave
settings-leave-added-on = Added leave on { $day }.
settings-leave-added-from = Added leave from { $start } until { $end }.
settings-leave-removed = Removed the leave.
settings-leave-none = No leave from last week on.
settings-blockout-add = Add blockout
settings-blockout-added-on = Added blockout on { $day }.
settings-blockout-added-from = Added blockout from { $start } until { $end }.
settings-blockout-removed = Removed the blockout.
settings-blockout-none = No blockout from last week on.

## Rooms.

settings-room-add = + Add room
settings-room-choose = Choose a room to edit, or add one.
settings-room-new = New room
settings-room-name-example = e.g. Room 3
settings-room-kind = Kind
settings-room-kind-consultation = Consultation
settings-room-kind-procedure = Procedure
settings-room-kind-tele-booth = Tele-booth
# A room's line in the list: its kind, and that it has hours of its own.
settings-room-detail-own-hours = { $kind } · own hours
settings-room-save = Save room
settings-room-save-first = Save the room first; then set its hours and blockouts.
settings-room-own-hours = Own opening hours (otherwise { $clinic }'s)
# Names the checkbox above ("Own opening hours").
settings-room-never-open = the room would never be open: give it hours on at least one day, or untick "Own opening hours"
settings-room-save-hours = Save room hours
settings-room-hours-hint = A room is open only when the clinic is open too.
settings-room-blockouts = Blockouts
settings-room-blockouts-hint = Times the room cannot be booked: cleaning, maintenance, repairs.

## Visit types.

settings-visit-add = + Add visit type
settings-visit-choose = Choose a visit type to edit, or add one.
settings-visit-new = New visit type
settings-visit-name-example = e.g. Follow-up
settings-visit-minutes = Usual length (minutes)
settings-visit-mode = Default mode
settings-mode-in-clinic = In clinic
settings-mode-phone = Phone
settings-mode-video = Video
settings-visit-save = Save visit type
settings-visit-details-hint = A new length applies to new bookings; booked appointments keep theirs.
# A visit type's line in the list: its usual length and default mode.
settings-visit-detail = { $minutes } min · { $mode }

## Staff.

settings-staff-add = + Add staff member
settings-staff-choose = Choose a staff member to change their role, set a new password or PIN, or mark them inactive; or add one.
settings-staff-new = New staff member
settings-staff-name = Name (as the audit records it)
settings-staff-name-example = e.g. Maria D'Souza
settings-staff-role = Role
settings-staff-active = Active: may sign in
settings-staff-save = Save staff member
settings-staff-save-first = save the staff member first
settings-staff-details-hint = Former staff stay in the history; mark them inactive instead of renaming them.
settings-staff-sign-in = Sign-in
settings-staff-sign-in-hint = Neither is ever shown again: a forgotten one is replaced here.
settings-staff-new-password = New password (8 to 256 characters)
settings-staff-new-pin = New PIN (4 to 8 digits, for switching at the desk)
settings-staff-set-password = Set password
settings-staff-set-pin = Set PIN
settings-staff-password-set = Set a new password for { $name }.
settings-staff-pin-set = Set a new PIN for { $name }.

## The setup history: "added doctor Dr. Rao", "changed working hours of Dr. Rao".

settings-history-title = Recent setup changes
settings-history-none = No setup changes recorded yet.
settings-history-line = { $action } { $what }
settings-history-created = added
settings-history-updated = changed
settings-history-removed = removed
settings-history-clinic = clinic { $subject }
settings-history-doctor = doctor { $subject }
settings-history-doctor-hours = working hours of { $subject }
settings-history-doctor-leave = leave of { $subject }
settings-history-room = room { $subject }
settings-history-room-hours = opening hours of { $subject }
settings-history-room-blockout = blockout of { $subject }
settings-history-visit-type = visit type { $subject }
settings-history-staff = staff member { $subject }
settings-history-reminder-rule = reminder rule { $subject }
settings-history-reminder-settings = reminder channels and the clinic's language
settings-history-reminder-opt-out = reminders stopped or started for patient { $subject }
settings-history-reminder-job = reminder { $subject } resent
settings-history-patient-language = reminder language of patient { $subject }
settings-section-waiting-room = Waiting room
settings-waiting-loading = Reading the waiting room's rules…
settings-waiting-order = Call order
settings-waiting-order-hint = "Call next" calls the first group that has someone waiting, then the next.
settings-waiting-calls = Calls and waits
settings-waiting-calls-hint = A patient called this often without coming is a no-show; waits longer than these are marked on the Today panel and told once.
settings-waiting-call-limit = Calls before a no-show (1–9)
settings-waiting-wait = Too long a wait (minutes)
settings-waiting-emergency-wait = For emergencies (minutes)
settings-waiting-board = Queue board
settings-waiting-board-hint = The board never shows full names, phone numbers or reasons.
settings-board-shows = Patients are shown by
settings-board-shows-token = their token or booked time only
settings-board-shows-initials = their token and initials
settings-board-announce = Chime and speak each call
settings-waiting-kiosk = Self check-in kiosk (minutes before and after the booked time)
settings-kiosk-early = From (minutes before)
settings-kiosk-late = Until (minutes after)
settings-waiting-save = Save the waiting room's rules
settings-waiting-saved = The waiting room's rules are saved.
settings-waiting-managers = Only a manager or an administrator changes these rules.
# $what: core-waiting-rule-…
settings-waiting-not-a-number = { $what }: type a whole number
settings-history-waiting-room = the waiting room's rules
