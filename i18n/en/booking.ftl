# The booking form (opened from an empty slot) and what the desk says after a booking.

# A visit type in the form's list: its name and usual length.
booking-visit = { $name } ({ $minutes } min)
# Once the length typed differs from the visit type's usual one.
booking-visit-changed = { $name } ({ $minutes } min; usually { $usual })
# $problem is the core's words for the time typed ("… is not a time of day: …").
booking-start-problem = The start time { $problem }.
booking-minutes-unreadable = Write the length as minutes from 1 to { $max }, e.g. 15.
booking-choose-patient = Choose a patient, or tick “New patient” and type the name.
booking-reason-problem = Reason: { $problem }.
booking-overbook-why = Say why you overbook: the reason goes into the history.
booking-overbook-reason-problem = Overbook reason: { $problem }.
booking-no-room = No room
booking-mode-in-clinic = In clinic
booking-mode-phone = Phone
booking-mode-video = Video
booking-new-patient = New patient (register this name)
# $date: "Tue 24 Nov 2026"
booking-title = Book { $date }
booking-patient = Patient
booking-patient-placeholder = Name or phone…
booking-phone = Phone
booking-doctor = Doctor
booking-start = Start
booking-minutes = Minutes
booking-visit-type = Visit type
booking-room = Room
booking-mode = Mode
booking-reason = Reason
booking-reason-placeholder = Why the patient comes
booking-overbook = Overbook anyway
booking-overbook-reason = Overbook reason (recorded)
booking-overbook-reason-placeholder = e.g. doctor agreed
booking-checking = Checking…
# The Book button of a series.
booking-book-series = Book { $count } appointments
booking-saving = Saving…
booking-book = Book
booking-cancel = Cancel
booking-no-doctor = There is no doctor to book with: add one in the clinic's setup.
# The right-click menu's "Copy: book again".
booking-copy-notice = Booking { $patient } again a week later: change the date or time, then Save.
# What the desk says once booked: "Booked at 2026-11-24 10:30", then the end of the sentence
# (" (overbooked)." or "."), then a note, if any.
booking-booked-at = Booked at { $time }
booking-overbooked-end = (overbooked).
booking-end = .
# Before the appointment in words once the calendar shows it: "Booked Asha Rao with …".
booking-booked = Booked
