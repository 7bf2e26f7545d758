# Freed slots: the banner above the calendar and the offer panel beside it (who on the
# waitlist takes the slot).

# $slot: "Dr Anjali Rao · Tue 24 Nov 10:30–10:50"
offer-booked = Booked { $patient } from the waitlist: { $slot }.
# Recorded in the waitlist's history when the patient said no.
offer-declined-reason = declined the freed slot
# Recorded as the cancel reason of the later appointment the patient gave up.
offer-moved-earlier-reason = Moved to an earlier slot from the waitlist
# $when: "2026-12-03 09:00"
offer-keeps-both = { $patient } keeps { $when } with { $doctor } as well.
offer-cancelled-later = Cancelled { $patient }'s later appointment ({ $when } with { $doctor }).
offer-title = Freed slot
offer-looking = Looking for waiting patients…
offer-nobody = Nobody on the waitlist can take this slot now.
offer-fit = { $count ->
        [one] { $count } waiting patient fit, best first. Call them; choose who takes it.
       *[other] { $count } waiting patients fit, best first. Call them; choose who takes it.
    }
offer-book-patient = Book { $patient } · { $phone }
# $span: "Tue 24 Nov 10:30–10:50"
offer-visit = { $span } · { $visit } · { $minutes } min
# A wish that names no visit type.
offer-visit-default = Visit
offer-booking = Booking…
offer-confirm = Confirm booking
offer-they-said-no = They said no
offer-booked-at = Booked { $patient }: { $span }.
offer-holds-later = { $patient } still holds a later appointment: { $when } with { $doctor }. Cancel it? Ask the patient.
offer-cancel-later = Cancel the later appointment
offer-keep-both = Keep both
# A waiting patient's card: "waiting 3 days · urgent priority · Consultation 15 min · holds …"
offer-waiting = waiting { $waited }
offer-priority = { $priority } priority
offer-wants = { $visit } { $minutes } min
offer-holds = holds { $when }
offer-book = Book { $patient }
offer-said-no = Said no

# The banner above the calendar.
offer-banner-line = { $count ->
        [one] { $slot } is free: { $count } waiting patient matches
       *[other] { $slot } is free: { $count } waiting patients match
    }
offer-see-who = See who
offer-dismiss = Dismiss
offer-banner-more = and { $count } more freed slots
