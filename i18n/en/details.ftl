# The details panel of one appointment, its video part, the block's right-click menu, the
# pinboard and what a drop on the grid says.

details-confirm = Confirm
details-check-in = Check in
details-start = Start
details-complete = Complete
details-no-show = No-show
details-cancel = Cancel…
details-entered-in-error = Entered in error…
details-reason-needed-cancel = Type why it is cancelled in the reason field, then press the button again: the reason is kept in the history.
details-reason-needed-error = Type why it was entered in error in the reason field, then press the button again: the reason is kept in the history.
details-move-unreadable = Write the new date as YYYY-MM-DD and the time as HH:MM.
# Put before the core's words about a date or time typed ("… is out of range: …").
details-new-date = The new date
details-new-time = The new time
details-loading = Loading…
details-close = Close
details-kind-scheduled = scheduled
details-kind-walk-in = walk-in, queue token { $token }
details-kind-emergency = EMERGENCY, token { $token }
details-mode-in-clinic = in clinic
details-mode-phone = phone
details-mode-video = video
details-patient = Patient
details-doctor = Doctor
details-room = Room
details-when = When
# "2026-11-24 10:30–10:45 (15 min)"
details-when-span = { $start }–{ $end } ({ $minutes } min)
details-visit-type = Visit type
details-mode = Mode
details-kind = Kind
details-status = Status
details-reason = Reason
details-notes = Notes
details-arrived = Arrived
details-with-doctor = With doctor
details-completed = Completed
details-cancelled = Cancelled
# $by is "patient" or "clinic".
details-cancelled-by = by { $by ->
        [clinic] clinic
       *[patient] patient
    }: { $reason }
details-cancelled-by-late = by { $by ->
        [clinic] clinic
       *[patient] patient
    } (late): { $reason }
details-overbooked = Overbooked
details-meeting-link = Meeting link
details-by-patient = by the patient
details-by-clinic = by the clinic
details-reason-placeholder = Reason for cancel / error
details-move = Move
details-overbook-placeholder = Overbook reason (only if it must)
details-move-appointment = Move appointment
details-edit = Edit
details-notes-placeholder = Notes for the desk and the doctor
details-link-placeholder = Meeting link (video)
details-save-changes = Save changes
details-history = History
# One line of the appointment's history: "2026-11-24 10:02  checked in by Asha".
details-history-line = { $at }  { $action } by { $actor }
# An audit event's action as stored ($action); one not listed reads as $words (the stored
# text with spaces for underscores).
details-action = { $action ->
        [created] created
        [moved] moved
        [imported] imported
        [edited] edited
        [undo] undo
        [ended] ended
        [split] split
        [from_waitlist] from waitlist
        [doctor_joined] doctor joined
        [patient_joined] patient joined
        [scheduled] scheduled
        [confirmed] confirmed
        [checked_in] checked in
        [in_consultation] in consultation
        [completed] completed
        [cancelled] cancelled
        [no_show] no show
        [entered_in_error] entered in error
       *[other] { $words }
    }

# The video part.
details-join = Join
details-doctor-joined = Doctor joined
details-patient-joined = Patient joined
details-doctor-joined-at = Doctor joined { $time }
details-patient-joined-at = Patient joined { $time }

# The block's right-click menu (Confirm, Check in and Cancel… are the panel's own).
details-menu-move = Move to a date…
details-menu-copy = Copy: book again
details-menu-pin = Pin: move to another day

# The pinboard.
details-pinned-notice = { $patient } is pinned: go to another day and click a free time to move it there.
details-pinned = Pinned: { $patient } · { $minutes } min · { $doctor } (was { $was }). Click a free time, on any day, to move it there.
details-unpin = Unpin

# What a drop (or a click with something pinned) says; $when: "Tue 24 Nov 14:35".
details-dropped = Moved to { $when } with { $doctor }. Ctrl+Z undoes it.
details-dropped-room = Moved to { $when } with { $doctor }, { $room }. Ctrl+Z undoes it.
details-dropped-taken = Moved to { $when } with { $doctor } ({ $taken } was taken). Ctrl+Z undoes it.
details-dropped-room-taken = Moved to { $when } with { $doctor }, { $room } ({ $taken } was taken). Ctrl+Z undoes it.
details-language = Reminders in
details-language-clinic = The clinic's language
details-language-saving = Saving…
details-call = Call
details-call-again = Call again
details-not-here = Not here
details-check-in-code = Self check-in code
