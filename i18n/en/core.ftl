# What the scheduling core says: why a booking clashes, why a change is refused, what to write
# instead. Dates and times come as YYYY-MM-DD and HH:MM.

## Conflicts of a booking or move

# Another appointment: $patient with $doctor on $date $start–$end
core-clash = { $patient } with { $doctor } on { $date } { $start }–{ $end }
core-clash-with-id = { $patient } with { $doctor } on { $date } { $start }–{ $end } (appointment { $id })
# $clash: core-clash
core-doctor-booked = { $doctor } is already booked then: { $clash }
core-room-booked = the room is already booked then: { $clash }
core-patient-booked = { $patient } already has an appointment then: { $clash }
core-outside-working-hours = outside { $doctor }'s working hours
# $reason: as staff wrote it ("annual leave")
core-doctor-on-leave = { $doctor } is on leave then ({ $reason })
core-doctor-inactive = { $doctor } no longer takes bookings (inactive)
core-room-blocked = { $room } is blocked then ({ $reason })
core-room-closed = { $room } is closed or out of use then
core-clinic-closed = { $clinic } is closed then
core-start-in-past = the start { $start } is in the past
core-end-not-after-start = the end must be after the start
core-outside-date-range = { $requested } is outside the dates Frontdesk books, { $first } to { $last }: check the year
core-not-on-whole-minute = the start { $start } has seconds: appointments start on whole minutes; choose { $whole }
core-not-whole-minutes-long = the end { $end } has seconds: appointments last whole minutes; end it at { $whole }
core-too-long = { $minutes } minutes is longer than the { $maximum }-minute maximum; split it into several appointments
# $zone: the time zone's name (Europe/London)
core-local-time-in-gap = { $requested } does not exist in { $zone }: the clocks go forward then; the next valid time is { $next }
# $offset: +01:00
core-local-time-ambiguous = { $requested } happens twice (the clocks go back); booked the earlier one, { $chosen } (UTC{ $offset })

## An appointment's status and what staff do to it

core-status-booked = booked
core-status-confirmed = confirmed
core-status-arrived = arrived
core-status-with-doctor = with doctor
core-status-done = done
core-status-cancelled = cancelled
core-status-no-show = no-show
core-status-entered-in-error = entered in error
# $status: core-status-…
core-cannot-move = cannot move an appointment that is { $status }: only booked, confirmed or arrived ones can move
core-action-confirm = confirm
core-action-check-in = check in
core-action-start = start
core-action-complete = complete
core-action-no-show = mark as no-show
core-action-cancel = cancel
core-action-entered-in-error = mark as entered in error
# $verb: core-action-…; $from: core-status-…; $allowed: core-action-… joined by ", ", or core-allowed-nothing
core-transition-not-allowed = cannot { $verb } an appointment that is { $from }; allowed now: { $allowed }
core-allowed-nothing = nothing
core-no-show-before-start = cannot mark as no-show before the appointment's start time ({ $minutes } min from now)
core-reason-required = a reason is required to { $verb }: say why in a few words
core-cannot-undo = cannot undo: the appointment is now { $status }, changed since; change it directly instead

## Recorded times of a visit (arrival, consultation start, completion)

core-step-arrival = arrival
core-step-consultation-start = consultation start
core-step-completion = completion
core-steps-none = it has no arrival, consultation or completion yet
core-steps-arrival-only = it can have an arrival only
core-steps-no-completion = it can have an arrival and a consultation start, no completion
core-steps-every = it can have every step
# $later, $earlier: core-step-…; the times as YYYY-MM-DD HH:MM
core-timestamps-out-of-order = the { $later } ({ $later_at }) is before the { $earlier } ({ $earlier_at }): a visit goes arrival, consultation, completion; correct the times
core-arrival-on-another-day = the arrival ({ $arrived_at }) is on another day than the appointment ({ $day }): a patient arrives on the day of the visit; correct the arrival or the date
core-step-on-another-day = the { $what } ({ $at }) is not on the appointment's day ({ $day }) or, for a visit that runs past midnight, the day after: correct the { $what } or the date
# $allowed: core-steps-…
core-step-not-for-status = the { $what } ({ $at }) is recorded, but the appointment is { $status }: { $allowed }; leave the { $what } empty or correct the status
core-step-in-the-future = the { $what } ({ $at }) is later than now ({ $now }): only what has happened can be recorded; correct the time or leave it empty

## The clinic's setup: fields and what is wrong with them

core-field-name = Name
core-field-address = Address
core-field-time-zone = Time zone
core-field-slot-length = Slot length
core-field-hours = Hours
core-field-colour = Colour
core-field-length = Length
core-field-from = From
core-field-until = Until
core-kind-clinic = a clinic
core-kind-doctor = a doctor
core-kind-room = a room
core-kind-visit-type = a visit type
core-kind-staff-member = a staff member
# $what: core-kind-…
core-empty-name = { $what } needs a name: type the name staff know it by
core-duplicate-name = there is already { $what } named "{ $name }": give this one another name
# $text: what was typed
core-unknown-zone = "{ $text }" is not a time zone: use an IANA name such as Asia/Kolkata, Europe/London or America/New_York
core-unknown-zone-suggest = "{ $text }" is not a time zone: did you mean { $zone }? Write the full IANA name
core-slot-length = the slot length must be a whole number of minutes from 5 to 240, not "{ $text }": e.g. 15
core-visit-length = the length must be a whole number of minutes from 1 to 480, not "{ $text }": e.g. 15
core-colour = "{ $text }" is not a colour: write # and six hex digits, e.g. #3b82f6
core-bad-time = "{ $text }" is not a time of day: write times as HH:MM, e.g. 09:00 or 14:30
core-not-a-span = "{ $text }" is not a span of hours: write it as start–end, e.g. 09:00–13:00
# $span: 13:00–09:00
core-span-backwards = { $span } ends before it starts: put the earlier time first, e.g. 09:00–13:00
core-spans-overlap = { $first } and { $second } overlap: make them one span or let one end before the other starts
core-never-open = the clinic would never be open: give opening hours on at least one day
core-bad-date = "{ $text }" is not a date: write YYYY-MM-DD or YYYY-MM-DD HH:MM, e.g. 2026-12-01 or 2026-12-01 14:00
core-ends-before-start = it ends ({ $end }) before it starts ({ $start }): give an end after the start
core-absence-too-long = that is { $days } days long; one entry can be at most { $maximum } days: check the years, or mark the doctor or room inactive instead
core-happens-twice-earlier-used = { $wall } happens twice in { $zone } (the clocks go back): the earlier one is used
# Leave or a blockout: "Tue 1 Dec 2026 – Sat 5 Dec 2026", or two times
core-absence-span = { $first } – { $last }

## Text typed into a field: names, phone, email, reasons, notes

core-entry-field-address = the address
core-entry-field-cancellation-reason = the cancellation reason
core-entry-field-email = the email
core-entry-field-external-id = the external id
core-entry-field-name = the name
core-entry-field-name-at-desk = the name at the desk
core-entry-field-notes = the notes
core-entry-field-overbook-reason = the overbook reason
core-entry-field-phone = the phone
core-entry-field-reason = the reason
core-entry-hint-patient-name = type the name the patient goes by
# $field: core-entry-field-…; $hint: what to type
core-entry-empty = { $field } is empty: { $hint }
core-entry-too-long = { $field } is { $chars } characters long; at most { $max } are accepted: shorten it
# $what: core-entry-char-…; $code: the code point in hex (200B); $at: its place, counted in characters; $fix: core-entry-fix-…
core-entry-character = { $field } holds { $what } (U+{ $code }) at character { $at }: { $fix }
core-entry-char-variation-selector = a variation selector
core-entry-char-combining-mark = a combining mark
core-entry-char-unusual-line-break = an unusual line break
core-entry-char-line-break = a line break
core-entry-char-tab = a tab
core-entry-char-control = a control character
core-entry-char-direction-control = an invisible direction control
core-entry-char-direction-mark = an invisible direction mark
core-entry-char-joiner = a zero-width joiner
core-entry-char-invisible = an invisible character
core-entry-fix-mark-without-letter = it only belongs right after a letter or symbol, which it changes: remove it
core-entry-fix-line-break = use an ordinary line break (Enter) instead
core-entry-fix-one-line = write it on one line
core-entry-fix-tab = use a space instead
core-entry-fix-type-again = remove it (type the text again rather than pasting it)
core-entry-fix-direction-control = remove it; it can make text show in another order than it is stored
core-entry-fix-direction-mark = remove it; a name is shown in its own direction
core-entry-fix-joiner = it only belongs between two letters: remove it
core-entry-stacked-marks = { $field } has more than { $max } accents stacked on one letter at character { $at }: remove the extra ones
core-entry-no-letter = { $field } has no letter or digit: type the name with at least one letter (any script) or digit
# $ch: the character typed
core-entry-phone-character = the phone holds "{ $ch }" at character { $at }: write only digits, spaces and + - ( ) . /, e.g. +91 98450 12345
core-entry-phone-plus = the phone has a + at character { $at }: a + may only start the number, before the country code, e.g. +91 98450 12345
core-entry-phone-digits = the phone has { $digits } digits; a phone number has { $min } to { $max }: check the number
core-entry-email = the email is not an address: write it as name@example.org, with no spaces

## Dates and times typed

# $text: what was typed
core-not-a-date = "{ $text }" is not a date: write it as YYYY-MM-DD, e.g. 2026-03-09
core-date-out-of-range = "{ $text }" is out of range: give a date from { $first } to { $last }, written YYYY-MM-DD
core-not-a-time = "{ $text }" is not a time of day: write it as HH:MM (00:00 to 23:59), e.g. 09:30
# $minute: the same time without its seconds
core-time-has-seconds = "{ $text }" has seconds: times are whole minutes, so write { $minute }
core-not-a-date-time = "{ $text }" is not a date and time: write it as "YYYY-MM-DD HH:MM", e.g. "2026-03-09 09:30"
# $day: Mon, Tue…; $span: 09:00–13:00
core-hours-end-not-after-start = on { $day }, { $span } ends before it starts: give an end time after the start time
core-hours-past-midnight = on { $day }, { $span } runs past midnight: end it at 24:00 at the latest
core-hours-overlap = on { $day }, { $first } and { $second } overlap: make them one span or separate them
core-window-not-a-time = "{ $text }" is not a time of day: write it as HH:MM, e.g. 14:30
core-window-backwards = the window { $window } ends before it starts: give a "before" time later than the "after" time

## Staff, roles and what each may do

core-role-receptionist = Receptionist
core-role-nurse = Nurse
core-role-manager = Manager
core-role-administrator = Administrator
core-role-word-receptionist = receptionist
core-role-word-nurse = nurse
core-role-word-manager = manager
core-role-word-administrator = administrator
core-desk-name-empty = say who is at the desk: every change is recorded with a staff name
# $character: escaped (\n, \u{1b})
core-desk-name-control = the name at the desk holds a control character ({ $character }): write the name as plain text
core-desk-name-too-long = the name at the desk is { $chars } characters long: give a name of at most { $max }
core-locked-out = this account is locked after { $tries } wrong tries until { $until } UTC: wait, or ask an administrator to set a new password
core-doing-see-schedule = seeing the schedule
core-doing-book = booking
core-doing-walk-in = adding a walk-in
core-doing-move = moving appointments
core-doing-change-status = changing an appointment's status
core-doing-start-or-complete = starting or completing a consultation
core-doing-waitlist = working the waitlist
core-doing-print-day-sheet = printing a day sheet
core-doing-send-reminders = sending reminders
core-doing-settings = changing the clinic's settings
core-doing-reports = seeing reports
core-doing-export-reports = exporting reports
core-doing-staff-and-roles = changing staff, roles, passwords and PINs
core-doing-backup = backing up
core-doing-restore = restoring a backup
core-doing-import = importing
core-doing-export-appointments = exporting appointments
core-doing-reminder-channels = setting up how reminders are sent
core-doing-access-log = reading the access log
# $role: core-role-word-…
core-needs-administrator = the administrator role
core-needs-role-or-above = the { $role } role or above
core-signed-in-as-administrator = as an administrator
core-signed-in-as = as a { $role }
core-signed-in-as-service = with the service credential
# $doing: core-doing-…; $needs: core-needs-…; $signed_in: core-signed-in-as…
core-refused = { $doing } needs { $needs }; you are signed in { $signed_in }: ask someone who has it
