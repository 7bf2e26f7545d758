# The self check-in kiosk (issue 17): large type, short words, spoken to patients.
# $clinic: the clinic's name
kiosk-title = { $clinic } — self check-in
kiosk-heading = Self check-in
kiosk-ask-phone = Your phone number
kiosk-by-birth-date = My birth date
kiosk-by-code = The code from my reminder
kiosk-ask-birth-date = Your birth date: day, month, year
kiosk-ask-code = The 6-digit code in your reminder
kiosk-back = Back
kiosk-next = Next
kiosk-looking = Looking…
kiosk-clear = Clear
kiosk-phone-too-short = Please type your whole phone number (at least 7 digits).
kiosk-birth-date-unreadable = Please type your birth date as 8 digits, day first: 24 03 1985.
kiosk-code-six-digits = Please type the 6 digits of the code in your reminder.
kiosk-not-found = We could not find an appointment today with these details. Please check them, or ask at the desk.
kiosk-broken = Self check-in is not working just now. Please ask at the desk.
kiosk-closed = Please ask at the desk.
# $time: when the kiosk takes tries again, 10:40
kiosk-closed-until = Too many tries: self check-in opens again at { $time }.
kiosk-your-appointments = Your appointments today
kiosk-im-here = I'm here
# $ticket: the number the waiting room calls, 11:20 or W-003
kiosk-already-here = You are checked in: { $ticket }
# $from: 10:30
kiosk-too-early = Too early: please check in from { $from }
kiosk-too-late = Please go to the desk.
kiosk-not-me = That is not me: start again
kiosk-checked-in = You are checked in. Thank you!
kiosk-your-number = Your number:
# $place: a room or a doctor
kiosk-please-sit = Please take a seat: you will be called to { $place }.
kiosk-done = Done
