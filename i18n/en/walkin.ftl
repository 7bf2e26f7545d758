# The walk-in quick-add (Ctrl+I) and what the desk says once it is added.

walkin-name-needed = Type the patient's name (or find them by name or phone).
walkin-no-doctor-now = No doctor works now: choose the doctor who will see the emergency.
# Recorded as the overbook reason of an emergency (kept in its history).
walkin-emergency-reason = Emergency: seen at once
walkin-first-available = First available
walkin-title = Walk-in
walkin-patient = Patient (find, or type a new name)
walkin-phone = Phone (new patient)
walkin-reason-placeholder = e.g. fever since yesterday
walkin-emergency = Emergency: see now, overbooking if it must
walkin-adding = Adding…
walkin-add-emergency = Add emergency
walkin-add = Add walk-in
# "Walk-in 7 at 10:30", then the rest of the sentence.
walkin-added = Walk-in { $token } at { $time }
walkin-added-emergency = Emergency { $token } at { $time }
# Before the appointment in words once the calendar shows it: "Walk-in 7: Asha Rao with …".
walkin-reveal = Walk-in { $token }:
walkin-reveal-emergency = Emergency { $token }:
# After an emergency, continuing the sentence above.
walkin-late = ; { $count } later appointments now run late (up to { $worst } min)
