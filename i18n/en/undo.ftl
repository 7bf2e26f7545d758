# Undo (Ctrl+Z) and redo (Ctrl+Shift+Z, Ctrl+Y) at the desk, and what they say.

undo-unreachable-undo = The database cannot be reached: nothing can be undone until it is back. The change stays in the history.
undo-unreachable-redo = The database cannot be reached: nothing can be redone until it is back. The change stays in the history.
undo-busy = Still storing the last undo or redo: press again in a moment.
undo-nothing-to-undo = Nothing to undo.
undo-nothing-to-redo = Nothing to redo.
# $when: "2026-11-24 10:05"
undo-appointment-of = { $patient }'s appointment of { $when }
# $verb: undo-undone or undo-redone, first in what the desk says.
undo-undone = Undone
undo-redone = Redone
# Recorded as the reason of the change an undo or redo makes.
undo-undone-reason = Undone at the desk
undo-redone-reason = Redone at the desk
# $what: undo-appointment-of.
undo-booking-entered-in-error = { $verb }: the booking ({ $what }) is marked entered in error.
undo-moved-back = { $verb }: { $patient }'s appointment is back at { $back } (it was at { $was }).
# $status and $was: the core's words for a status ("arrived", "confirmed").
undo-status-again = { $verb }: { $what } is { $status } again (it was { $was }).
