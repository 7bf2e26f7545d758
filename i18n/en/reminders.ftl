# The Reminders page: the outbox, the rules and their templates, the channels.

reminders-title = Reminders
reminders-outbox = Outbox
reminders-rules-and-templates = Rules and templates
reminders-channels = Channels
reminders-failed-count = { $count } failed
reminders-task-stopped = a background task stopped unexpectedly: { $reason }

## The outbox.

reminders-filter-due = Due
reminders-filter-sent = Sent
reminders-filter-failed = Failed
reminders-filter-skipped = Skipped
reminders-filter-failed-count = Failed ({ $count })
reminders-sending = Sending…
reminders-send-now = Send due reminders now
reminders-refresh = Refresh
reminders-column-goes-out = Goes out
reminders-column-sent = Sent
reminders-column-was-due = Was due
reminders-column-patient = Patient · to
reminders-column-appointment = Appointment
reminders-column-rule = Rule
reminders-column-state = State
reminders-loading = Loading…
reminders-none-due = No due reminders.
reminders-none-sent = No sent reminders.
reminders-none-failed = No failed reminders.
reminders-none-skipped = No skipped reminders.
reminders-resend = Resend
reminders-confirmed-by-phone = Confirmed by phone
reminders-send-again = Send reminders again
reminders-no-reminders = No reminders
reminders-open = Open
reminders-hide-text = Hide text
reminders-text = Text
reminders-subject-line = Subject: { $subject }
reminders-resent = Reminder { $job } goes out with the next send.
reminders-confirmed-by-phone-done = Marked confirmed (by phone).
reminders-opted-out = The patient gets no more reminders.
reminders-opted-in = The patient gets reminders again.
reminders-state-due-now = due now
reminders-state-waiting = waiting
reminders-state-sent = sent
# failed 2× — connection refused; next try 14:35
reminders-state-failed-retry = failed { $attempts }× — { $error }; next try { $at }
reminders-state-failed = failed { $attempts }× — { $error }; no more tries
reminders-state-skipped = skipped: { $reason }

## Rules and templates.

reminders-rules = Rules
reminders-rules-about = A rule plans one reminder for every booked or confirmed appointment it applies to. Rules on a channel that is not set up plan nothing.
reminders-new-email-rule = New email rule
reminders-new-sms-rule = New SMS rule
# A new rule's name: "Email, the day before at 18:00".
reminders-new-rule-name = { $channel }, the day before at 18:00
reminders-edit = Edit
reminders-placeholders = Placeholders
reminders-placeholder-patient = the patient's name
reminders-placeholder-doctor = the doctor's name
reminders-placeholder-clinic = the clinic's name
reminders-placeholder-date = the local date, e.g. Tuesday 24 November 2026
reminders-placeholder-time = the local start time, e.g. 10:30
reminders-placeholder-where = the clinic's address, the meeting link (video) or "by phone"
reminders-placeholder-address = the clinic's address
reminders-placeholder-link = the video meeting link (empty for other visits)
reminders-choose-rule = Choose a rule to edit its timing and its message, with a preview.
# In the rule list: "24 h before · Email · every visit type · every clinic".
reminders-every-clinic-lower = every clinic
reminders-removed-clinic = a removed clinic
reminders-every-visit-type-lower = every visit type
reminders-removed-visit-type = a removed visit type
reminders-kind-before = hours or minutes before
reminders-kind-days-before = the day(s) before at a time
reminders-before-the-start = before the start
reminders-days-before-at = day(s) before, at
reminders-clinic-time = clinic time
reminders-every-visit-type = Every visit type
reminders-every-clinic = Every clinic
reminders-mode-in-clinic = in clinic
reminders-mode-video = video
reminders-mode-phone = phone
reminders-name = Name
reminders-name-example = Email 24 h before
reminders-on = On
reminders-clinic-language = The clinic's language
reminders-clinic-language-about = Reminders go out in the patient's own language (chosen on their appointment) when the rule is written in it, else in this one, else in English.
reminders-text-in = Text in
reminders-text-missing = No { $language } text: patients who read { $language } get this reminder in the clinic's language, or in English when the rule has no text in the clinic's language. Write one here to send it in { $language }.
reminders-subject = Subject
reminders-subject-example = Reminder: your appointment on { "{" }date{ "}" }
reminders-message = Message
reminders-save-rule = Save rule
reminders-cancel = Cancel
reminders-preview = Preview, for a sample visit
reminders-preview-when = Goes out { $sent } for a visit at { $start }
reminders-sample-patient = Asha Iyer
reminders-sample-doctor = Dr. Anjali Rao
reminders-rule-saved = Saved "{ $name }". Reminders are re-planned.
# Lead times are read with these units whatever the language (24 h, 90 min).
reminders-not-a-lead-time = "{ $typed }" is not a lead time: write hours or minutes, e.g. 24 h, 2 h or 90 min
reminders-not-days = "{ $typed }" is not a number of days: write 1 to 7
reminders-the-time = The time
reminders-not-a-time = "{ $typed }" is not a time: write it as HH:MM, e.g. 18:00

## Channels.

reminders-email-smtp = Email (SMTP)
reminders-email-about = Reminders by email go through your mail provider's SMTP server. Leave the host empty to send no email.
reminders-smtp-host = SMTP host
reminders-port = Port
reminders-encryption = Encryption
reminders-smtp-user = User name (empty: no login)
reminders-password = Password
reminders-forget = Forget
reminders-secret-forgotten = will be forgotten when you save
reminders-secret-stored = •••••• stored; type to replace
reminders-secret-none = none
reminders-sender = Sender
reminders-sender-example = Sunrise Clinic <reminders@clinic.example>
reminders-webhook = SMS / WhatsApp (webhook)
reminders-webhook-about = Each reminder is posted as JSON (to, text, patient, doctor, start, meeting_link …) to your gateway's URL. Leave it empty to send no SMS.
reminders-webhook-url = Webhook URL
reminders-webhook-token = Token (sent as Authorization: Bearer …)
reminders-video = Video visits
reminders-video-about = Each video appointment gets its own meeting link: the pattern followed by a unique room name, or with { "{" }id{ "}" } replaced by it.
reminders-meeting-pattern = Meeting link pattern
reminders-save-channels = Save channels
reminders-channels-saved = Saved. Reminders are re-planned for the channels that are set up.
reminders-not-a-port = "{ $typed }" is not a port: write a number from 1 to 65535, usually 587 (STARTTLS), 465 (TLS) or 25
