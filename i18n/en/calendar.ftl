# The calendar's top bar.

calendar-today = Today
calendar-week-title = Week { $range }
# 23–29 Nov 2026 ($first is the day of the month, $last the whole last date)
calendar-week-range-in-month = { $first }–{ $last }
# 30 Nov – 6 Dec 2026
calendar-week-range = { $first } – { $last }
calendar-week-of = Week of …
calendar-more = More ▾
calendar-less = Less ▴
calendar-walk-in = Walk-in (Ctrl+I)
calendar-by-doctor = By doctor
calendar-by-room = By room
calendar-find-slot = Find a slot
calendar-view-options = View…
calendar-zoom-out = Zoom out (Ctrl+−)
calendar-zoom-in = Zoom in (Ctrl++)
calendar-theme = Light / dark (Ctrl+D)
calendar-help = Keyboard help (F1)

## The grid: blocks, their popover, the drag preview.

# On a late block, short enough for the narrowest one.
calendar-late-mark = +{ $minutes } min late
calendar-walk-in-token = WALK-IN { $token }
calendar-emergency-token = EMERGENCY { $token }
calendar-overbooked-mark = overbooked
calendar-with-doctor = with { $doctor }
calendar-no-room = no room
calendar-no-visit-type = No visit type
calendar-running-late = Running { $minutes } min late (after an emergency)
calendar-overbooked = Overbooked
calendar-has-note = Has a note (open it to read)
calendar-cancelled-free = Cancelled: the time is free
# The status line names an appointment: "Asha Rao with Dr Mehta, Tue 24 Nov 14:30–14:45".
calendar-in-words = { $patient } with { $doctor }, { $start }–{ $end }
# A drag over empty time: "Tue 14:30 · Dr Mehta – 15:00 (30 min)".
calendar-drag-span = { $from } – { $until } ({ $minutes } min)
# A room column's subtitle.
calendar-room-kind-consultation = consultation
calendar-room-kind-procedure = procedure
calendar-room-kind-tele-booth = tele booth

## The month mini-calendar's weekdays, Monday first.

calendar-mini-mon = Mo
calendar-mini-tue = Tu
calendar-mini-wed = We
calendar-mini-thu = Th
calendar-mini-fri = Fr
calendar-mini-sat = Sa
calendar-mini-sun = Su
