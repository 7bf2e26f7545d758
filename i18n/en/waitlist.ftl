# The waitlist page, its form, and the offers of freed slots.

waitlist-title = Waitlist · { $count } waiting
waitlist-show-all = Show booked and removed
waitlist-about = Highest priority first, then those waiting longest. When an appointment is cancelled or moved, the patients who fit its time are offered it on the calendar.
waitlist-nobody = Nobody is waiting. Add a patient who wants an earlier slot with the form.
# "waiting 2 d 3 h"
waitlist-status-waiting = waiting { $waited }
waitlist-status-offered = offered a slot · waiting { $waited }
waitlist-status-booked = booked
waitlist-status-removed = removed
# Dr. Anjali Rao · Follow-up 20 min · Mon–Fri 09:00–12:00
waitlist-card-what = { $doctor } · { $visit } { $minutes } min · { $preferred }
waitlist-visit = Visit
waitlist-card-priority = Priority { $priority }
waitlist-card-holds = holds { $start } with { $doctor }
waitlist-card-held = held { $start } ({ $status })
waitlist-card-added-by = added by { $name }
waitlist-edit = Edit
waitlist-back-to-waiting = Back to waiting
waitlist-remove = Remove
waitlist-why = Why (optional)
waitlist-yes-remove = Yes, remove
waitlist-keep = Keep
waitlist-the-patient = The patient
waitlist-removed = { $name } is off the waitlist.
waitlist-waiting-again = { $name } is waiting again.
waitlist-changed = Changed { $name }'s waitlist entry.
waitlist-added = { $name } is on the waitlist.
waitlist-offer-put-away = Offer put away: the patients keep waiting.

## The form.

waitlist-priority-normal = Normal
waitlist-priority-high = High
waitlist-priority-urgent = Urgent
waitlist-add-title = Add to the waitlist
waitlist-change-title = Change the entry
waitlist-patient = Patient
waitlist-patient-stays = { $name } (stays)
waitlist-pick-patient = Pick the patient from the matches.
waitlist-name-or-phone = Name or phone…
waitlist-doctor = Doctor
waitlist-any-doctor = Any doctor
waitlist-visit-type = Visit type
# Follow-up (20 min)
waitlist-visit-type-choice = { $name } ({ $minutes } min)
waitlist-minutes = Minutes
waitlist-days = Days they can come
waitlist-from = From (HH:MM)
waitlist-until = Until (HH:MM)
waitlist-any-time = any time
waitlist-earliest-date = Earliest date
waitlist-latest-date = Latest date
waitlist-wants-earlier-than = Wants earlier than
waitlist-no-appointment-yet = No appointment yet
waitlist-priority = Priority
waitlist-notes = Notes
waitlist-notes-example = e.g. can come at an hour's notice
waitlist-save-changes = Save changes
waitlist-add = Add to waitlist
waitlist-saving = Saving…
waitlist-stop-editing = Stop editing
waitlist-clear = Clear
waitlist-choose-patient = Choose the patient: type a name or phone and pick them from the list.
waitlist-length-not-a-number = Write the length as a number of minutes, e.g. 20.
waitlist-window-both-ends = Give both ends of the time window (HH:MM), or leave both empty for any time.
# The fields named in an error ("The time from “9.30” is not a time…").
waitlist-time-from = The time from
waitlist-time-until = The time until
waitlist-the-earliest-date = The earliest date
waitlist-the-latest-date = The latest date
waitlist-not-a-time = { $field } “{ $typed }” is not a time: write it as HH:MM, e.g. 09:30.
waitlist-not-a-date = { $field } “{ $typed }” is not a date: write it as YYYY-MM-DD, e.g. 2026-12-01.
