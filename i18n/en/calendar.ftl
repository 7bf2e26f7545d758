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
