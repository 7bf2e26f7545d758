# The working desk: its status line, the view options panel, what it says about itself.

desk-help-hint = Press F1 for keyboard shortcuts.
desk-dismiss = Dismiss
desk-undo = Undo (Ctrl+Z)
desk-clinic-missing = The clinic is missing.
desk-parked-dropped = More than { $count } forms were put aside: the oldest was let go.
desk-took-over = { $name } took over the desk: changes from now on are recorded with that name.
desk-role-changed = An administrator changed your role: you are signed in as { $role } now, and the window shows what that role may do.
desk-panel-storing = Saving… the panel stays open until the change is stored.
desk-date-label = The date
desk-not-a-date = "{ $typed }" is not a date: write it as YYYY-MM-DD, e.g. 2026-12-01.
# "Moved Asha Rao with Dr Mehta, Tue 24 Nov 14:30–14:45, Room 3. Ctrl+Z undoes it."
desk-moved = Moved
desk-moved-tail = . Ctrl+Z undoes it.
# After the moved appointment's name when its room was switched (starts with a space).
desk-moved-tail-taken = {" "}({ $taken } was taken). Ctrl+Z undoes it.
# "Next appointment: Asha Rao with Dr Mehta, Tue 24 Nov 14:30–14:45, Room 3."
desk-next-appointment = Next appointment:
desk-next-appointment-end = .
desk-no-next-appointment = { $name } has no upcoming appointment: click a free slot to book one.
desk-undo-failed = Could not undo that change: { $error }. It is dropped from the history ({ $undo } to undo, { $redo } to redo are kept).
desk-redo-failed = Could not redo that change: { $error }. It is dropped from the history ({ $undo } to undo, { $redo } to redo are kept).
desk-opened-from-settings = { $patient } with { $doctor }: drag it to a free slot or use Move. The Settings tab brings back the list.
desk-signed-in = Signed in: { $name } · { $role }
# The role of the service account (scripts, imports).
desk-role-service = Service
desk-lock = Lock (Ctrl+L)

## The view options panel (Ctrl+G).

desk-view-title = View
desk-close = Close
desk-go-to-date = Go to date (YYYY-MM-DD, Enter)
desk-go = Go
desk-show-cancelled = Show cancelled appointments
desk-doctors-shown = Doctors shown
desk-rooms-shown = Rooms shown
