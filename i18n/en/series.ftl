# Series: the booking form's "Repeat…" section and its list of occurrences, and the series
# section of an appointment's details (change this occurrence or the following ones).

# What a change to occurrences did; the parts below follow, then the full stop.
series-cancelled-count = Cancelled { $count ->
        [one] { $count } occurrence
       *[other] { $count } occurrences
    }
series-moved-count = Moved { $count ->
        [one] { $count } occurrence
       *[other] { $count } occurrences
    }
series-split = ; the following ones are now a new series
# $list: "1 Dec: the doctor is on leave, 8 Dec: …"
series-untouched = ; { $count } left as they were ({ $list })
series-reason-needed = Type the reason first: it is kept in each history.
series-days-unreadable = Write the days to move by as a whole number from -{ $max } to { $max }, e.g. 1 or -7 (0 keeps the date).
series-time-unreadable = Write the new time as HH:MM, e.g. 15:30.
series-place = Occurrence { $number } of { $count }
series-outside = Outside the series' dates (it ended before)
series-scope-this = This occurrence
series-scope-following = This and the following ones
series-title = Series
# $rule: the core's words for the rule ("Every week on Tue"); $zone: "Asia/Kolkata".
series-rule = { $rule } at { $time } ({ $zone })
# $place: series-place or series-outside; $date: "Tue 24 Nov 2026".
series-standing = { $place } ({ $date }); { $booked } booked, { $later } after this one
series-change = Change
# "Move by [0] days, at [HH:MM]"
series-move-by = Move by
series-days-at = days, at
series-move-this = Move this one
series-move-following = Move all these
series-reason-placeholder = Reason to cancel
series-cancel-this = Cancel this one
series-cancel-following = Cancel all these
series-following-note = Moving the following ones splits the series at this occurrence; cancelling them ends it the day before.

# The booking form's "Repeat…" section: "Every [1] [weeks] ends [after] [6] times".
series-every-unreadable = Write how often as a number from 1 to { $max }, e.g. 1.
series-count-unreadable = Write how many times as a number from 1 to { $max }, e.g. 6.
# Put before the core's words about a date typed ("… is out of range: …").
series-end-date = The end date
series-end-date-unreadable = Write the end date as YYYY-MM-DD, e.g. 2027-01-31.
# $problem: the core's words for a rule it cannot repeat.
series-rule-problem = { $problem }.
series-wall-time = A series starts at a wall time.
series-overbook-why = Say why you overbook: the reason goes into each history.
series-repeat = Repeat…
series-days = days
series-weeks = weeks
series-after = after
series-until = until
series-every = Every
series-ends = ends
series-times = times
series-book-skipping = Book { $free }, skip { $blocking } conflicting
series-overbook-all = Overbook all
series-all-free = { $count } occurrences, all free
series-some-conflicting = { $count } occurrences: { $free } free, { $blocking } conflicting
# An occurrence with no conflict.
series-free = free
series-wall-time-note = Times are wall time in { $zone }; each date keeps it, across clock changes.
# A conflict in the list of occurrences (the row gives the date); $hours: "10:30–10:45".
series-doctor-booked = { $doctor } is already booked then: { $patient }, { $hours }
series-room-booked = the room is already booked then: { $patient } with { $doctor }, { $hours }
series-patient-booked = { $patient } already has an appointment then: with { $doctor }, { $hours }
