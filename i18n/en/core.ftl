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
