# The Reports page: the range, the figures at a glance, the charts, the day sheet and saving.

reports-from = From
reports-to = to
# The range's dates named in an error ("From "2026-13-01" is not a date…").
reports-field-from = From
reports-field-to = To
reports-not-a-date = { $field } "{ $typed }" is not a date: write it as YYYY-MM-DD, e.g. 2026-11-01.
reports-show = Show
# The quick ranges: the last so many days up to today.
reports-last-days = { $count } days
reports-computing = Computing…
reports-saving = Saving…
reports-computing-all = Computing the reports…
reports-choose-range = Choose a range and press Show.

reports-day-sheet = Day sheet
reports-doctor-or-room = Doctor or room
reports-save-pdf = Save PDF…
reports-sheet-choose = Choose the doctor or room whose day sheet to print.
reports-sheet-not-a-date = Day sheet date "{ $typed }" is not a date: write it as YYYY-MM-DD, e.g. 2026-11-24.
reports-not-saved = Not saved: the dialog was cancelled.
reports-saved-beside = { $said } (this desktop has no file chooser, so it was saved beside the database; install zenity to choose where)
reports-saving-stopped = saving stopped unexpectedly: { $reason }
reports-saved-csv = Saved { $table } ({ $rows } rows) to { $file }.
reports-saved-sheet = Saved the day sheet of { $name } for { $date } ({ $appointments } appointments, { $pages } pages) to { $file }.

# The tables, as a saved CSV file is named in the status line.
reports-table-rooms = Room utilisation
reports-table-room-days = Room utilisation by day
reports-table-doctors = Clinician utilisation
reports-table-no-shows = No-shows and late cancellations
reports-table-waiting = Waiting time and consultation length
reports-table-busiest-hours = Busiest hours of the week

# Sunrise Clinic · 26 Oct 2026 to 24 Nov 2026 (30 days) · times in Asia/Kolkata
reports-heading = { $clinic } · { $first } to { $last } ({ $days } days) · times in { $zone }
reports-rooms-booked = Rooms booked
reports-clinicians-booked = Clinicians booked
reports-no-shows = No-shows
reports-late-cancellations = Late cancellations
reports-waiting-median = Waiting (median)
reports-consultation-median = Consultation (median)
reports-busiest-hour = Busiest hour
reports-used = used { $share }
reports-of-due = { $count } of { $due } due
reports-p90-of = 90th percentile { $minutes }
reports-mean-of = mean { $minutes }
reports-minutes = { $minutes } min
# Tue 10:00
reports-busiest-when = { $weekday } { $time }
reports-busiest-count = { $count } booked in that hour
reports-nothing-booked = nothing booked

reports-section-room-days = Room utilisation by day (booked share of open time)
reports-section-rooms = Room utilisation
reports-section-doctors = Clinician utilisation
reports-section-no-shows = No-shows and late cancellations by doctor
reports-section-by-visit-type = … by visit type
reports-section-waiting = Waiting time: arrival to consultation (minutes)
reports-section-consultation = Consultation length: start to completion (minutes)
reports-section-busiest = Busiest hours of the week (booked appointments by start)
reports-export-csv = Export CSV…

# The charts.
reports-series-booked = Booked
reports-series-used = Used
reports-all-rooms = All rooms
reports-all-doctors = All doctors
reports-median = Median
reports-p90 = 90th percentile
# 12.0 % · 2.5 % of 40 due
reports-rates-of-due = { $no_shows } · { $late } of { $due } due
# 12 · 25 min · 30 seen
reports-timing-figures = { $median } · { $p90 } min · { $seen } seen
# Under a column of the room × day chart: Tue 24
reports-tick-weekday-day = { $weekday } { $day }
reports-room-day = { $room } · { $date }: booked { $booked } of { $open } min ({ $share } %), used { $used } min
reports-room-day-closed = { $room } · { $date }: closed
reports-legend-full = 100 % booked
reports-legend-closed = closed
# Tue 09:00–10:00: 3 booked
reports-hour = { $weekday } { $from }–{ $until }: { $count } booked
reports-booked-count = { $count } booked
# $minutes: the 90th percentile of waits; $called: the median from the last call to being seen
reports-p90-and-called-to-seen = p90 { $minutes } · called to seen { $called }
