# The day sheet PDF (printed from the window, in the desk's language).

daysheet-time = Time
daysheet-patient = Patient
daysheet-phone = Phone
daysheet-room = Room
daysheet-doctor = Doctor
daysheet-visit-type = Visit type
daysheet-reason = Reason
daysheet-status = Status
daysheet-notes = Notes
daysheet-minutes = { $minutes } min
daysheet-by-phone = by phone
daysheet-by-video = by video
daysheet-overbooked = overbooked
# Day sheet — Dr. Anjali Rao — Tuesday 24 November 2026
daysheet-title = Day sheet — { $whose } — { $date }
daysheet-none = No appointments.
daysheet-count = { $count ->
    [one] { $count } appointment
   *[other] { $count } appointments
}
daysheet-count-cancelled = { $count ->
    [one] { $count } appointment ({ $cancelled } cancelled, not listed)
   *[other] { $count } appointments ({ $cancelled } cancelled, not listed)
}
daysheet-printed = Printed { $at } · times in { $zone } · Frontdesk
daysheet-label = DAY SHEET
daysheet-empty-day = No appointments on this day.
daysheet-page = Page { $page } of { $pages }
