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
# $doctor: a name
today-nobody-for = Nobody is waiting for { $doctor }
# $who: a name with the token or time, W-003 or 10:30; $to: a room or a doctor; $calls: a number
today-called = Called { $who } to { $to }{ $calls ->
    [1] {""}
   *[other] {" "}(call { $calls })
}
# $doctor: a name; $count: how many wait to be called
today-call-next-title = Call next
today-call-next = { $doctor } ({ $count })
# $line: today-waiting-line; $limit: minutes
today-waiting-too-long = { $line } (over { $limit } min)
today-called-title = Called ({ $count })
