# The command palette (Ctrl+K).

palette-placeholder = Go to a patient, a date (2026-12-01, tomorrow), a doctor, a room, an action…
# Words typed for a date (English ones are understood in every language).
palette-word-today = today
palette-word-tomorrow = tomorrow
palette-word-yesterday = yesterday
# $date: "Tuesday 1 December 2026".
palette-go-to = Go to { $date }
palette-doctor-week = Week of { $doctor } · { $specialty }
palette-room-week = Week of { $room }
palette-patient = Patient { $patient } · { $phone }
palette-walk-in = Walk-in or emergency
palette-day-by-doctor = Day by doctor
palette-day-by-room = Day by room
palette-today = Today
palette-theme = Light / dark theme
palette-help = Keyboard shortcuts
palette-view-options = View options: date, cancelled, columns
palette-undo = Undo the last change
# Enter stopped at an action that changes data.
palette-asking = "{ $action }" changes data: click it, or type its first word in full and press Enter.
