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
core-status-called = called
core-status-with-doctor = with doctor
core-status-done = done
core-status-cancelled = cancelled
core-status-no-show = no-show
core-status-entered-in-error = entered in error
# $status: core-status-…
core-cannot-move = cannot move an appointment that is { $status }: only booked, confirmed or arrived ones can move
core-action-confirm = confirm
core-action-check-in = check in
core-action-call = call
core-action-back-to-queue = send back to the queue
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
core-doing-queue-board = showing the queue board
core-doing-self-check-in = letting patients check themselves in
# $role: core-role-word-…
core-needs-administrator = the administrator role
core-needs-role-or-above = the { $role } role or above
core-signed-in-as-administrator = as an administrator
core-signed-in-as = as a { $role }
core-signed-in-as-service = with the service credential
# $doing: core-doing-…; $needs: core-needs-…; $signed_in: core-signed-in-as…
core-refused = { $doing } needs { $needs }; you are signed in { $signed_in }: ask someone who has it

## Series of appointments

# "every week", "every 2 weeks"
core-series-every-day = { $interval ->
    [one] every day
   *[other] every { $interval } days
}
core-series-every-week = { $interval ->
    [one] every week
   *[other] every { $interval } weeks
}
# $rule: core-series-every-…; $days: "Tue and Thu"
core-series-on-days = { $rule } on { $days }
core-series-times = { $count ->
    [one] { $rule }, once
   *[other] { $rule }, { $count } times
}
core-series-until = { $rule } until { $date }
# "Mon, Tue and Thu": $rest is the list before the last, joined by commas
core-list-and = { $rest } and { $last }
core-series-interval-out-of-range = repeat every { $interval }: give a number from 1 to { $max }
core-series-count-zero = a series needs at least 1 occurrence: give a count from 1 to { $max }
core-series-count-too-large = { $count } occurrences is more than the most a series may have, { $max } (two years of weekly visits): give a smaller count, and book a second series later if needed
core-series-too-many = this series would have more than { $max } occurrences (two years of weekly visits) before its end date: end it sooner, and book a second series later if needed
core-series-until-before-start = the series ends on { $until }, before its first date { $start }: choose a later end date
core-series-no-occurrence = no date from { $start } to { $until } falls on the chosen weekdays: choose other weekdays or a later end date
core-series-weekdays-on-daily = weekdays go with weekly series: choose "weekly" to repeat on chosen weekdays
# $part: a part's name as typed (count, until…) or core-series-part-freq
core-series-repeated-part = the rule gives { $part } twice: give each part once
core-series-part-freq = how often (daily or weekly)
core-series-count-and-until = the rule gives both a count and an end date: a series ends after a number of occurrences (count=N) or on a date (until=DATE), not both
# $problem: core-series-part-… or core-series-no-…
core-series-unreadable = { $problem }: write the rule as e.g. weekly;interval=1;byday=TU,TH;count=10 or daily;interval=2;until=2027-01-31
# $part: the part of the rule as typed (count=x)
core-series-part-not-a-number = "{ $part }" is not a whole number
core-series-part-number-out-of-range = "{ $part }" is out of range: give 1 to { $max }
core-series-part-not-a-frequency = "{ $part }" is not daily or weekly
core-series-part-unknown-weekday = "{ $part }" names an unknown weekday (use MO, TU, WE, TH, FR, SA, SU)
core-series-part-not-a-date = "{ $part }" is not a date (YYYY-MM-DD)
core-series-part-date-out-of-range = "{ $part }" is out of range: give a date from { $first } to { $last }
core-series-part-unknown = "{ $part }" is not a part of a rule
# $rule: the whole rule as typed
core-series-no-frequency = "{ $rule }" says neither daily nor weekly
core-series-no-end = "{ $rule }" has no end (count=N or until=DATE)
core-series-not-an-occurrence = { $date } is not a date of this series
core-series-shift-too-far = moving by { $days } days is more than a year: move the following occurrences by at most { $max } days either way
core-series-shift-breaks-pattern = moving the following occurrences by { $days } days breaks their every-{ $interval }-weeks pattern: move them by whole weeks, or change the occurrences one by one

## The waitlist

core-any-day = any day
# $days: core-any-day, "Mon–Fri" or "Mon, Wed, Fri"; $window: 09:00–12:00
core-preferred-window = { $days } { $window }
core-preferred-any-time = { $days }, any time
# $preferred: core-preferred-…
core-preferred-from = { $preferred }, from { $date }
core-preferred-until = { $preferred }, until { $date }
core-wait-status-waiting = waiting
core-wait-status-offered = offered
core-wait-status-booked = booked
core-wait-status-removed = removed
core-wait-action-edit = edit
core-wait-action-offer = offer a slot to
core-wait-action-decline = decline for
core-wait-action-book = book
core-wait-action-remove = remove
core-wait-no-weekday = tick at least one weekday the patient can come
core-wait-window-backwards = the time window ends at { $end }, not after it starts at { $start }: give an end after the start
core-wait-window-past-midnight = the time window runs past midnight: end it at 24:00 at the latest
core-wait-window-too-short = the time window { $window } is shorter than the { $minutes }-minute visit: widen it or shorten the visit
core-wait-earliest-after-latest = the earliest date { $earliest } is after the latest date { $latest }: swap them or clear one
core-wait-latest-passed = the latest date { $latest } has passed (today is { $today }): give a later date or clear it
core-wait-length = a visit of { $minutes } minutes is not possible: give 5 to { $max } minutes
# $action: core-wait-action-…; $status: core-wait-status-…
core-wait-not-allowed = cannot { $action } a waitlist entry that is { $status }

## Reminder templates and meeting links

# $name: {name} as typed; $known: {patient}, {doctor}, …
core-template-unknown = { $name } is not a placeholder: use one of { $known }
core-template-unclosed = a "{"{"}" is not closed: write placeholders as {"{"}patient{"}"}, and a brace itself as {"{"}{"{"} or {"}"}{"}"}
core-template-unopened = a "{"}"}" has no "{"{"}" before it: write a brace itself as {"}"}{"}"}
core-template-empty = the message is empty: write what the patient should read
core-templates-none = the rule has no text: write what the patient should read, in at least one language
core-templates-in-language = the { $language } text: { $problem }
core-reminder-where-video = Join the video call: { $link }
core-reminder-where-video-later = by video; the link follows
core-reminder-where-phone = by phone; the doctor will call you
core-link-pattern-not-web = a meeting link pattern is a web address starting with https:// (or http://), e.g. https://meet.jit.si/ or https://video.example.org/room/{"{"}id{"}"}
core-link-pattern-spaces = a meeting link pattern cannot contain spaces
core-link-not-a-link = "{ $link }" is not a meeting link: paste the web address of the meeting, starting with https://

## The day's queue of walk-ins and emergencies

core-queue-walk-in = walk-in
core-queue-emergency = emergency
# "walk-in W-003"
core-queue-kind-token = { $what } { $token }
core-queue-not-queued = a scheduled appointment gets no queue token: only walk-ins and emergencies join the day's queue
# $what: core-queue-walk-in or core-queue-emergency; $last: the last token (W-9999)
core-queue-full = the { $what } queue of { $day } has reached { $last }, the last token a day can give: book the patient as a scheduled appointment
# On import. $file: the file's token; $token: the token the patient gets
core-queue-token-other-kind = queue token { $file } is an { $file_kind } token, and this row is a { $row_kind }: this patient gets { $token } instead
core-queue-token-not-ours = queue token "{ $file }" is not written as Frontdesk writes { $what } tokens (the letter { $letter }, a dash and three digits, such as { $example }): this patient gets { $token } instead
core-queue-token-taken = queue token { $file } was already given on { $day }: this patient gets { $token } instead
core-queue-token-beyond = queue token { $file } is beyond the { $what } queue of { $day }, which has { $tokens } { $tokens ->
    [one] token
   *[other] tokens
} with this file's: this patient gets { $token } instead
core-queue-token-dropped = queue token { $file } dropped: a scheduled appointment takes no queue token, so it is imported without a token
core-queue-token-unusable = queue_token "{ $file }" is not a queue token: write at most { $max } characters without line breaks or control characters (such as W-007), or leave it empty
core-queue-not-today = a { $what } arrives now and joins today's queue, so it starts today ({ $today }, clinic time), not on { $day }: to see the patient on { $day }, book a scheduled appointment
# $what: core-queue-check-in-…
core-queue-not-its-day = cannot check in on { $today }: the appointment is on { $day }, and a patient arrives on the day of their appointment ({ $what })
core-queue-check-in-later-day = to see them today, move the appointment to today first, or add them as a walk-in
core-queue-check-in-day-over = that day is over: mark it no-show, and book them again or add them as a walk-in
core-queue-this-walk-in = this walk-in
core-queue-this-emergency = this emergency
core-queue-this-patient = this patient
# $kind: core-queue-this-…
core-queue-who-arrived-token = { $kind } has arrived and holds queue token { $token }
core-queue-who-arrived = { $kind } has arrived (checked in)
core-queue-who-token = { $kind } holds queue token { $token }
core-queue-who-queued = { $kind } belongs to the queue
# $who: core-queue-who-…
core-queue-stays-on-its-day = cannot move to { $to }: { $who } on { $from }, and a patient in a day's queue stays on that day (a move within { $from } keeps the token and the arrival as they are). To see them on { $to }, book a new appointment then and cancel this one (reason: "rebooked for { $to }")

## Reminders

core-reminder-lead-out-of-range = a reminder goes out between 1 minute and 8 days before the appointment: { $minutes } minutes is out of range
core-reminder-days-out-of-range = "the day before at" takes 1 to 7 days before: { $days } is out of range
core-reminder-rule-no-name = give the rule a name, e.g. "Email 24 h before"
core-channel-email = Email
core-channel-webhook = SMS / WhatsApp
core-skip-cancelled = the appointment was cancelled
core-skip-moved = the appointment moved; a reminder for the new time replaces it
core-skip-no-email = the patient has no email address
core-skip-no-phone = the patient has no phone number
core-skip-opted-out = the patient asked for no reminders
core-skip-too-late = booked or moved after this reminder's time
core-skip-passed = the appointment began before it could go out
core-skip-arrived = the patient has already arrived
core-skip-rule-off = the rule was turned off or changed
core-job-already-sent = this reminder was sent already; use Resend to send it again
# $reason: the stored reason (no_contact…)
core-job-skipped = this reminder is skipped ({ $reason }) and does not go out
core-job-gave-up = this reminder failed { $attempts } times; use Resend to try again
# $state: pending, skipped…
core-job-not-resendable = only a failed or sent reminder can be resent; this one is { $state }

## Reports

core-report-end-before-start = the range ends ({ $last }) before it starts ({ $first }): give a "to" date on or after the "from" date
core-report-too-long = the range has { $days } days; a report covers at most { $max } days: choose a shorter range or run one report per year

## Telling patients apart (imports, registration)

core-detail-name = name
core-detail-birth-date = date of birth
core-detail-external-id = external id
core-detail-phone = phone
core-detail-email = email
# A patient described: "Asha Iyer", born 1980-05-17, phone 98450 12345, … (joined by ", ")
core-match-quoted-name = "{ $name }"
core-match-no-name = (no name)
core-match-born = born { $date }
core-match-phone = phone { $phone }
core-match-no-phone = no phone
core-match-email = email { $email }
core-match-external-id = external id { $id }
core-match-id = id { $id }
core-match-which-external-id = the external id { $id }
core-match-which-patient-id = the patient id { $id }
# $stored: the patient in the database; $claim: what the file says; $agrees, $differs: core-detail-… joined by core-list-and; $count: how many differ
core-match-same-name-differs = { $stored } in this database has the same name and { $agrees }, but this says { $claim }: the { $differs } { $count ->
    [one] differs
   *[other] differ
}, so it may or may not be them
# $which: core-match-which-…
core-match-belongs-to = { $which } belongs to { $stored } in this database, but this says { $claim }: the { $differs } { $count ->
    [one] differs
   *[other] differ
}
core-match-more = { $count } more
# $listed: patients joined by "; "
core-match-several-fit = { $count } registered patients fit { $shared }: { $listed }
core-match-new-patient-differs = the new patient's id differs from the booking's patient
core-match-by-phone = the same phone
core-match-by-name-and-birth = the same name and date of birth
core-match-registered-by = { $patient } ({ $by })
core-match-already-registered = Already registered: { $listed }. Choose them to book them, or register "{ $name }" as a new patient anyway.

## Notices to staff (desktop notifications)

core-notice-arrived = { $patient } has arrived
core-notice-arrived-for = For { $doctor }.
core-notice-overdue = Overdue: { $patient } with { $doctor }
core-notice-overdue-waiting = Due { $minutes } min ago; the patient is waiting.
core-notice-overdue-not-arrived = Due { $minutes } min ago; the patient has not arrived.
core-notice-reminders-failed = { $count } reminders failed
# $error: as the mail server or gateway said it
core-notice-reminders-failed-example = For example: { $error }. See Reminders → Outbox.
core-notice-reminder-failed = Reminder to { $patient } failed
core-notice-reminder-gave-up = { $error } No more tries: resend it from the outbox.
core-notice-reminder-retry = { $error } It will be tried again.

## Why a waitlist entry does not fit a freed slot

core-misfit-not-waiting = not waiting
core-misfit-other-clinic = waits at another clinic
core-misfit-own-slot = it was their own appointment
core-misfit-other-doctor = wants another doctor
core-misfit-past = the slot has begun
core-misfit-too-short = the slot is too short for their visit
core-misfit-weekday = cannot come on that weekday
core-misfit-window = outside the times they can come
core-misfit-before-earliest = before the earliest date they can come
core-misfit-after-latest = after the latest date they can come
core-misfit-not-earlier = not earlier than the appointment they hold

## The access log

core-access-signed-in = Signed in
core-access-sign-in-failed = Sign-in failed
core-access-signed-out = Signed out
core-access-opened-appointment = Opened an appointment
core-access-searched-patients = Searched patients
core-access-printed-day-sheet = Printed a day sheet
core-access-exported = Exported
core-access-imported = Imported
core-access-backed-up = Backed up
core-access-restored = Restored a backup
core-access-changed-permission = Changed staff or a permission
core-access-read-access-log = Read the access log
core-report-no-visit-type = No visit type

## Opening a meeting link in the browser

core-open-link-not-web = "{ $link }" is not a web address (https://…): correct the meeting link first
# $error: what the system said
core-open-link-no-browser = the browser could not be opened ({ $error }); copy the link instead: { $link }
core-lead-hours-before = { $hours } h before
core-lead-minutes-before = { $minutes } min before
core-lead-days-before-at = { $days ->
    [one] the day before at { $at }
   *[other] { $days } days before at { $at }
}
core-call-order-unknown = "{ $word }" is not a group of the call order: use emergency, due, walk_in and early
core-call-order-not-each-once = the call order names each group once: emergency, due, walk_in and early, in any order

# The waiting room (issue 17). $what: core-waiting-rule-…; $low, $high, $given: numbers
core-waiting-rule-range = { $what } must be from { $low } to { $high }, not { $given }
core-waiting-rule-call-limit = the number of calls before a no-show
core-waiting-rule-wait = the waiting time before a patient is marked (minutes)
core-waiting-rule-emergency-wait = the waiting time before an emergency is marked (minutes)
core-waiting-rule-kiosk-early = how early the kiosk accepts an arrival (minutes)
core-waiting-rule-kiosk-late = how late the kiosk still accepts an arrival (minutes)
# Spoken on the board. $letter: W or E; $number: the token's number without leading zeros
core-board-say-token = Token { $letter } { $number }
# $time: the booked time, 10:30
core-board-say-appointment = The { $time } appointment
# $who: core-board-say-…; $to: a room's or a doctor's name
core-board-announcement = { $who }, please go to { $to }
# $patient: a name
core-notice-waited-long = { $patient } has waited too long
# $minutes, $limit: numbers; $doctor: a name
core-notice-waited-long-for = Waiting { $minutes } min for { $doctor } (the clinic's limit is { $limit } min)
core-group-emergency = emergencies, by arrival
core-group-due = appointments at or past their time, by start
core-group-walk-in = walk-ins, by token
core-group-early = appointments that came early, by start
