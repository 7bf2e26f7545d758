# The today panel beside the calendar: the queue, who is with a doctor, the next arrivals.

today-title = Today
today-waiting = Waiting ({ $count })
today-nobody-waiting = Nobody is waiting.
# A walk-in's token (with its space, or nothing), the patient, minutes waited, the doctor:
# "W3 Asha Iyer · 12 min · Dr. Anjali Rao".
today-waiting-line = { $token }{ $patient } · { $minutes } min · { $doctor }
today-with-doctor = With a doctor ({ $count })
today-next-arrivals = Next arrivals
today-no-more-bookings = No more bookings today.
