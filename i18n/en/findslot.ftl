# Find a slot: the search beside the calendar, its results, and the notice after a series.

findslot-title = Find a slot
findslot-title-for = Find a slot for { $name }
findslot-close = Close
findslot-visit-type = Visit type
# Follow-up (20 min)
findslot-visit-type-choice = { $name } ({ $minutes } min)
findslot-minutes = Minutes
findslot-doctor = Doctor
findslot-any-doctor = Any doctor
findslot-room = Room
findslot-no-room = No room needed
findslot-any-room = Any room
findslot-from = From
findslot-to = To
findslot-time-of-day = Time of day
findslot-any-time = Any time
findslot-morning = Morning (before 12:00)
findslot-afternoon = Afternoon (12:00–17:00)
findslot-evening = Evening (from 17:00)
findslot-between = Between…
findslot-after = After
findslot-before = Before
findslot-search = Search
findslot-searching = Searching…
findslot-none = No free slot in that range: try another doctor, room, time of day or more days.
findslot-found = { $count } free slots, earliest first: choose one to book it
# Tue 24 Nov  10:30–10:50 (two spaces before the time)
findslot-result = { $date }  { $start }–{ $end }

findslot-length-not-minutes = Write the length as minutes from 1 to { $max }, e.g. 20.
# The range's dates named in an error.
findslot-the-first-date = The first date
findslot-the-last-date = The last date
findslot-not-a-first-date = "{ $typed }" is not a first date: write it as YYYY-MM-DD, e.g. 2026-12-01.
findslot-not-a-last-date = "{ $typed }" is not a last date: write it as YYYY-MM-DD, e.g. 2026-12-01.
findslot-last-before-first = The last date is before the first: choose a later last date.
findslot-range-too-long = Search at most { $days } days at a time: choose a nearer last date.
findslot-range-over = That range is over: choose dates from today on.

# After a series was booked: "Booked a series of 6 appointments from 2026-12-01 10:00, 1
# overbooked; left out 2 conflicting (8 Dec, 15 Dec)." — its parts, in that order.
findslot-series-booked = Booked a series of { $count } appointments from { $first }
findslot-series-overbooked = , { $count } overbooked
findslot-series-left-out = ; left out { $count } conflicting ({ $dates })
findslot-series-end = .
