# What the store says when something cannot be done: what happened and what to do.

store-not-frontdesk = { $file } is not a Frontdesk database (it is another kind of file): choose a Frontdesk .sqlite3 file, or a new file name to start a new clinic
store-encrypted = { $file } is encrypted: sign in to open it (nothing was changed)
store-wrong-key = { $file } cannot be opened with this key: the key belongs to another clinic's database, or is not this one's; sign in with an account of this clinic (nothing was changed)
store-not-encrypted = { $file } is not encrypted: open it without signing in to its keys, or encrypt it first (nothing was changed)
# $scheme: the URL's scheme ("mysql"); $known: the schemes Frontdesk knows
store-unknown-scheme = "{ $scheme }:" is not a kind of database Frontdesk can open (the URL schemes it knows: { $known }); for an SQLite database give the file's path, written ./{ $scheme }:… if its name starts that way
store-not-for-this-engine = { $what } is not something Frontdesk does for { $locator }: that database is not kept in a file here; use the database server's own backups
store-restore-onto-server = { $server } is not replaced in place: create a new, empty database on the server, run `frontdesk --db BACKUP-FILE migrate --to` with its address, check it with `frontdesk --db NEW-ADDRESS check`, then point the desks at it
store-newer-version = { $file } was written by a newer Frontdesk (schema version { $found }; this version knows up to { $supported }): update Frontdesk to open it
# $reason: what went wrong, in the database client's or server's words
store-server-unavailable = cannot reach the database server { $server }: { $reason }. Check that the server is running, that this PC can reach it, and the address given with --db or FRONTDESK_DB; nothing was changed
store-server-without-tls = the server does not offer TLS, and Frontdesk sends no patient data across a network in clear: set up TLS on the server (README, "Several desks"), or, on a network you trust, add sslmode=disable to the address
store-foreign-database = the database { $server } already holds tables that are not Frontdesk's: give Frontdesk an empty database of its own (for example CREATE DATABASE frontdesk OWNER frontdesk)
store-newer-server-version = the database { $server } was set up by a newer Frontdesk (schema version { $found }; this version knows up to { $supported }): update Frontdesk on this PC to use it
store-slot-just-taken = this time was just taken at another desk: the calendar shows it now; choose another time. Nothing was changed
store-server-busy = another desk has been saving a change for { $seconds } s and this one waited long enough: nothing was changed; try again in a moment
store-read-only = { $file } is read-only: give yourself write permission (chmod u+w) or open a copy
store-read-only-folder = the folder { $folder } is read-only: Frontdesk writes its journal and lock files beside the database, so it needs write permission there (chmod u+w on the folder), or move the database to a folder you may write to
store-lock-file = cannot open { $file }, one of Frontdesk's lock files beside the database: it belongs to another user (perhaps after Frontdesk ran with sudo); give it back to yourself (`sudo chown $USER` on it) or remove it while no Frontdesk is running
store-read-only-file-system = { $file } is on a read-only file system (a read-only mount, or a disk the system switched to read-only after errors): copy the database to a writable disk, or ask your IT person to remount it
store-restoring = { $file } is being restored from a backup (for over a minute): wait for the restore to finish, then try again
# $summary: what is wrong, in one line
store-damaged = { $file } is damaged ({ $summary }); nothing was written to it, and Frontdesk will not write to it until it is restored. Run `frontdesk check` to see which backups are good, then restore the newest good one with `frontdesk restore FILE`
store-damaged-with-backup = { $file } is damaged ({ $summary }); nothing was written to it, and Frontdesk will not write to it until it is restored. Run `frontdesk check` to see which backups are good, then restore the newest good one with `frontdesk restore FILE` (the newest daily backup is { $backup })
store-locked = { $file } is busy in another Frontdesk window or process: wait a moment or close the other one, then try again
store-io = cannot use { $file }: { $error }; check that the folder exists and that you may write there
# $what: a kind of thing (store-thing-…); $name: what was typed; $hint: advice starting with "; ", or nothing
store-not-found = no { $what } matches "{ $name }"{ $hint }
store-ambiguous = "{ $name }" matches several { $what }s: { $candidates }; be more specific
# $problems: one line per problem, each starting with "  - "
store-refused =
    refused, nothing was changed:
    { $problems }
store-no-time-left-today = { $doctor } has no free { $minutes } minutes left today: choose another doctor, or see the patient as an emergency
store-no-time-left-today-any-doctor = no doctor has no free { $minutes } minutes left today: choose another doctor, or see the patient as an emergency
store-sign-in-needed = the window is locked: sign in again to go on
store-no-longer-active = you are no longer an active staff member here (an administrator changed it): nothing was changed; lock the window and let someone else sign in
store-corrupt = the database holds a value Frontdesk cannot read ({ $value }): run `frontdesk check`
store-database = database error: { $error }

## Kinds of things, as store-not-found and store-ambiguous name them

store-thing-appointment = appointment
store-thing-blockout = blockout
store-thing-clinic = clinic
store-thing-doctor = doctor
store-thing-doctor-or-room = doctor or room
store-thing-leave = leave
store-thing-password = password
store-thing-patient = patient
store-thing-reminder = reminder
store-thing-room = room
store-thing-series = series
store-thing-service-credential = service credential
store-thing-staff-member = staff member
store-thing-visit-type = visit type
store-thing-waitlist-entry = waitlist entry

## Keys and encryption. $label: a key slot's label (a staff id or name, never a password)

store-cipher-wrong-password = the password is not right for { $label }: type it again (an administrator can set a new one); nothing was changed
store-cipher-no-such-slot = { $label } has no key slot in { $file }: an administrator must add one
store-cipher-bad-label = a key slot's label is a staff id or name: not empty, at most 200 characters, no control characters
store-cipher-slot-exists = { $label } already has a key slot: replace it instead
store-cipher-last-password-slot = { $label } is the last person who can open the database with a password: add another person's slot first
store-cipher-wrong-recovery-key = this recovery key is not the one of { $file }: it belongs to another database or an older key; find the sheet printed for this clinic
# $mistake: store-cipher-typo-…
store-cipher-recovery-key-typo = this recovery key has a typing mistake ({ $mistake }): compare it with the printed sheet, group by group
store-cipher-typo-character = it holds a character that no recovery key has
store-cipher-typo-too-short = it is too short: a recovery key has 40 characters in 8 groups
store-cipher-typo-too-long = it is too long: a recovery key has 40 characters in 8 groups
store-cipher-typo-checksum = its checksum does not match: a character is wrong or two are swapped
store-cipher-wrong-key = { $file } cannot be opened with this key (it is not the key of this database): sign in with an account of this clinic; nothing was changed
store-cipher-keys-missing = the keys file { $file } of this encrypted database is missing: restore it from the backup folder (every backup has its .keys file beside it) or from where it was copied; without it only a backup and its keys can be used
store-cipher-other-clinic = { $keys } belongs to another clinic than { $database }: use the keys file that came with this database or backup; nothing was changed
store-cipher-damaged-keys = { $file } is not a readable keys file ({ $why }): restore it from a backup
store-cipher-newer-keys-format = { $file } was written by a newer Frontdesk (keys format { $found }): update Frontdesk
store-cipher-already-encrypted = { $file } is already encrypted: nothing was changed
store-cipher-not-convertible = { $file } is not a plain Frontdesk database ({ $why }): nothing was changed
store-cipher-in-use = { $file } is open in another Frontdesk window or process: close them, then try again (nothing was changed)
store-cipher-copy-failed = the encrypted copy of { $file } did not pass its check ({ $why }): the original is untouched and still in use
store-cipher-not-plaintext-copy = { $file } is not a plaintext copy of this database: it was not removed
store-cipher-pin-not-allowed = a PIN cannot open the database: sign in with your password
# $why: a technical detail ("no randomness")
store-cipher-crypto = a key could not be made just now ({ $why }); try again
store-cipher-io = cannot use { $file }: { $error }
store-cipher-database = database error on { $file }: { $details }

## Backups and restores. $file: the backup, the database or the destination

store-backup-not-database = { $file } is not a database file or a Frontdesk backup (it may be damaged, or something else): choose a Frontdesk backup (.sqlite3 or .fdbackup)
# $details: what SQLite's check said
store-backup-damaged = { $file } is damaged ({ $details }): it cannot be restored; choose an older backup
store-backup-source-damaged = { $file } is damaged ({ $details }): no backup was made of it; run `frontdesk check` to see what is wrong and which backup to restore
store-backup-copy-damaged = the copy written to { $file } came out damaged although the database is sound: the disk or stick there may be failing; back up to another place
store-backup-newer-format = { $file } was written by a newer Frontdesk (backup format { $found }): update Frontdesk, then restore it
store-backup-destination-folder = { $file } is a folder: choose a file name for the backup
store-backup-destination-not-regular = { $file } is not a regular file (a device or a pipe): choose a file name for the backup
store-backup-destination-open-database = { $file } is a Frontdesk database that a window or command has open: choose a file name for the backup
# $why: what the destination is instead
store-backup-bad-destination = { $file } { $why }: choose a file name for the backup
store-backup-unusable = { $file } cannot be restored: { $why }
store-backup-not-frontdesk = { $file } is a database of another program, not a Frontdesk backup: nothing was restored
store-backup-newer = { $file } was written by a newer Frontdesk (schema version { $found }; this one knows up to { $supported }): update Frontdesk, then restore
store-backup-in-use = { $file } is open in another Frontdesk window or process (or its daily backup is running): close the other windows and wait for running commands, then restore again (nothing was changed)
store-backup-same-file = { $file } is the database itself: choose another file name
store-backup-io = cannot use { $file }: { $error }; check that the folder exists, that you may write there and that the disk has room
store-backup-encrypted = { $file } is encrypted: sign in (or give the recovery key of that backup) to use it; nothing was changed
store-backup-wrong-key = { $file } cannot be opened with the key given: use a password or the recovery key of that backup's keys file; nothing was changed
store-backup-other-clinic = { $file } is a backup of another clinic: it cannot replace this clinic's database; nothing was changed
store-backup-plain-over-encrypted = { $file } is a plain backup from before the database was encrypted: it is not restored over the encrypted database; restore it to a new file name and encrypt that, or choose a newer backup (nothing was changed)
store-backup-sqlite = database error while copying { $file }: { $details }
# Why a compressed backup (.fdbackup) cannot be read; $why: a technical detail
store-backup-file-header = its header is not a Frontdesk backup's ({ $why })
store-backup-file-missing-base = it needs the full backup { $file } beside it, which is missing: restore an older or newer daily backup
store-backup-file-wrong-base = the full backup { $file } beside it is not the one it was made from (it was replaced): restore that full backup itself, or another daily backup
store-backup-file-base-not-full = the file it names as its full backup, { $file }, is not a full backup: restore another daily backup
store-backup-file-base-damaged = its full backup { $file } is damaged ({ $details }): restore another daily backup
store-backup-file-version = it was written in backup format { $version }, which this Frontdesk cannot read: update Frontdesk, then restore it
store-backup-file-checksum = what it gives back does not match what was backed up (checksum): the file is damaged

## Signed-in work: who may do what, encrypting, staff

store-guard-other-database = that sign-in was to another database: sign in to this one
store-guard-encrypt-server = a database server's disks are the server's to encrypt (README, "Several desks"): nothing was changed
store-guard-already-encrypted = this database file is already encrypted: nothing was changed
store-guard-encrypt-for-themselves = the database is encrypted by the administrator signed in, for themselves: nothing was changed
store-guard-not-your-password = that is not your password (the one you sign in with): nothing was changed
# $left: wrong tries left before the account locks
store-guard-not-your-password-tries-left = that is not your password (the one you sign in with){ $left ->
    [one] ; one more wrong try locks your account for a while
   *[other] ; { $left } tries left before your account locks
}: nothing was changed
# $error: why it failed
store-guard-nothing-changed = { $error }: nothing was changed
store-guard-password-not-yours = that password is not yours: nothing was changed
store-guard-access-log-failed = the access log could not record it ({ $error })
store-guard-sign-in-recorded-by-signing-in = a sign-in is recorded only by signing in
store-guard-has-administrator = this database already has an administrator: add staff in Settings
# $kind: the access log's kind (core-access-…)
store-guard-logged-by-frontdesk = “{ $kind }” is logged by Frontdesk itself
store-guard-last-password = { $name } is the last person whose password opens this encrypted database: give another administrator a new password first (Settings, Staff), then try again; nothing was changed
store-unlock-service-name = that is the name of a service credential, which signs in with its file (--service-credential): sign in with your own name
store-unlock-no-writes = the database takes no writes
store-unlock-already-a-database = { $file } already holds a database: open it, or choose a new file

## Importing appointments: why a row is refused, what staff should know

# $what: store-thing-…; $name: the name as the file gives it, quoted
store-import-no-such-id = no { $what } has the id { $id } in this database
store-import-several-named = several { $what }s are called { $name }: give the { $what } id instead
store-import-none-named = no { $what } { $name } in this database: add it first, or correct the name (known: { $known })
store-import-twice-in-file-zone = { $wall } happens twice in the file's time zone (the clocks go back): took the earlier one
store-import-twice = { $wall } happens twice in { $zone } (the clocks go back): took the earlier one
# $problems: the row's conflicts and problems, joined by "; "
store-import-overbook-hint = { $problems } (import with an overbook reason to accept it anyway)
store-import-overbook-hint-partly = { $problems } (an overbook reason would accept only the double booking: fix the rest in the file)
# $what, $read_from: column names (start_local, start_utc)
store-import-times-disagree = { $what } "{ $stated }" and { $read_from } "{ $read }" disagree: { $read_from } is { $wall } in { $zone }; correct the one that is wrong, or empty the other
store-import-minutes-disagree = minutes "{ $minutes }" and the end disagree: { $start } to { $end } is { $length } minutes; correct the one that is wrong, or empty the other
store-import-repeats-line = this row repeats the appointment of line { $first } (same id)
store-import-no-doctor = no doctor: name one in the row, or choose the doctor for the whole file
store-import-no-doctor-short = no doctor
store-import-length-beyond-dates = a length of { $minutes } minutes ends beyond any date: an appointment lasts at most { $max } minutes
store-import-patient-not-registered = the patient { $name } is not registered: import the patients first, or add their patient_id
store-import-stranded = { $conflicts }: imported as it is, as a change of setup leaves an appointment stranded; move it, or change the setup
# $conflict: core-…; $line: the other row's line
store-import-clash-in-file = { $conflict }, the row on line { $line } of this file
store-import-walk-in-token-given = the file gives this walk-in no queue token: it gets { $token }, the next free one on { $day }
store-import-emergency-token-given = the file gives this emergency no queue token: it gets { $token }, the next free one on { $day }

## Advice after store-not-found (each starts with "; ")

store-hint-choose-registered-patient = ; choose a registered patient
store-hint-copy-id-from-agenda = ; copy the id from `frontdesk agenda`
store-hint-removed-at-another-desk = ; they may have been removed at another desk
store-hint-removed-reload-staff = ; they may have been removed at another desk: reload the staff list
store-hint-pick-from-outbox = ; pick one from the outbox
store-hint-copy-id-from-waitlist = ; copy the id from `frontdesk waitlist list`
store-hint-doctor-and-room-must-exist = ; the doctor and room must exist, and the room must belong to the clinic
store-hint-removed-reload-settings = ; it may have been removed at another desk: reload the settings
store-hint-removed-already = ; it may have been removed at another desk already

## The waitlist

store-waitlist-doctor-inactive = { $doctor } no longer takes bookings: choose another doctor or "any doctor"
store-waitlist-held-not-theirs = appointment { $appointment } is not { $patient }'s at this clinic: give one of their own, or none
# $status: core-status-…
store-waitlist-held-holds-no-time = appointment { $appointment } is { $status }: it holds no time to improve on; leave it out
# $since: the date the entry was made
store-waitlist-already-waiting = { $patient } is already on the waitlist for { $doctor } (since { $since }): edit that entry instead
store-waitlist-already-waiting-any-doctor = { $patient } is already on the waitlist for any doctor (since { $since }): edit that entry instead
store-waitlist-keeps-patient = a waitlist entry keeps its patient and clinic: remove it and add a new one
store-waitlist-booking-not-for-them = this booking is not for { $patient }, whose waitlist entry it is: book them, or book without the waitlist
store-waitlist-already-registered = a waitlisted patient is already registered: book them without a new patient

## Series and their occurrences

store-occurrence-not-in-series = this appointment is not part of a series: change it on its own
store-occurrence-only-cancel = only a cancellation applies to several occurrences
# Why an occurrence was left as it was; $status: core-status-…
store-occurrence-left-as-it-is = left as it is: { $status }
store-occurrence-left-in-old-series = left in the old series: { $status }
store-occurrence-not-a-rule-date = left as it is: not a date of the series' rule
store-occurrence-refused-move = a refused move cannot be written
# $list: one line per occurrence, "  - 2026-12-01 10:00: why"
store-occurrence-cannot-move =
    { $refused } of the { $count } occurrences cannot move there, so nothing was changed:
    { $list }
    Choose another time, overbook with a reason, or move them one by one
store-occurrence-say-how = say how to move it: a number of days, a new time, or both
store-occurrence-too-far = { $days } days is more than a year: give a move of at most 366 days either way
store-occurrence-of = the occurrence of { $date }: { $error }
store-series-local-start = a series starts at a clinic-local wall time (YYYY-MM-DD HH:MM), which every occurrence keeps
store-series-not-scheduled = walk-ins and emergencies do not repeat: book the series as scheduled appointments
store-series-overbook-reason = say why you overbook the series: the reason goes into each appointment's history
store-series-conflicts =
    { $conflicting } of the { $count } occurrences conflict, so nothing was saved:
    { $list }
    Skip those occurrences, overbook them with a reason, or change the time or the rule
store-series-none-bookable =
    none of the { $count } occurrences can be booked, so nothing was saved:
    { $list }
    Choose another time, doctor or rule

## Reminder settings, staff, copying a clinic, opening, servers

store-reminder-unknown-clinic = the rule names a clinic that is not in this database ({ $clinic }): choose one of its clinics, or every clinic
store-reminder-smtp-host = the SMTP host is a name such as smtp.example.org, without spaces or slashes
store-reminder-smtp-port = the SMTP port is a number from 1 to 65535, usually 587, 465 or 25
store-reminder-smtp-from = the sender must be an email address, e.g. reminders@clinic.example or "Sunrise Clinic <reminders@clinic.example>"
store-reminder-webhook-url = the webhook URL must be a web address starting with https:// (or http:// on a local network), e.g. https://sms.example.org/send
store-staff-last-administrator = this is the last active administrator who can sign in: make another staff member an administrator with a password first; nothing was changed
store-staff-first-must-be-administrator = the first staff member must be an active administrator
store-staff-has-administrator = this database already has an administrator: sign in instead
store-staff-name-taken = a staff member is already named { $name }: give the first administrator a name of their own
store-copy-circular-tables = the schema's tables refer to each other in a circle: they cannot be copied one after the other
store-copy-destination-not-empty = the database to copy into already holds a clinic: give an empty database (a new one, with nothing in it)
# $here, $there: row counts
store-copy-rows-differ = the copy of { $table } holds { $here } rows where the database copied holds { $there }: nothing was copied
store-copy-source-missing = { $from } is not there: give the clinic's database file with --db
store-copy-destination-exists = { $to } already exists: give the name of a new file to copy the clinic into
store-copy-not-a-move = a clinic moves between a file and a server: from { $from } to { $to } is not such a move
# $mode: the journal mode SQLite kept
store-open-no-wal = { $file } cannot use write-ahead logging (journal mode stays { $mode }); put the database on a local disk
store-encrypt-name-not-written = { $error }: your name was not written to the keys file, so your password cannot open it yet; run `frontdesk recover --name "YOUR NAME"` with the recovery key
store-encrypt-not-reopened = the file is encrypted, but Frontdesk could not open it again ({ $error }): close Frontdesk and start it again
store-password-slot-not-put-back = { $error }; and the key slot set for the new password could not be put back ({ $undo }): set the password again
# $address: as given, without any password; $what: what is wrong with it
store-server-bad-address = { $address } is not a PostgreSQL address ({ $what }): write it as postgres://USER@HOST/DATABASE, for example postgres://frontdesk@db.clinic.lan/frontdesk?sslmode=verify-full
store-server-bad-sslmode = sslmode '{ $mode }' is not one of disable, allow, prefer, require, verify-ca, verify-full
store-server-no-host = it names no server: add the host after @
store-server-no-trusted-authorities = this PC has no trusted authorities: give the clinic's own with sslrootcert=/path/to/root.crt

## Appointments, patients, reminders, checks

# $reason: core-skip-…
store-outbox-cannot-resend = this reminder cannot be sent again: { $reason }
store-check-schema-version = schema version { $found }, expected { $expected }
store-booking-move-needs-start = a walk-in's first free time is found when it is booked: give a start to move an appointment
store-undo-other-appointment = cannot undo: the change to undo is of another appointment
store-edit-entered-in-error = an appointment entered in error cannot be edited
# $patient: core-match-… (name, born, phone…)
store-patient-name-taken = a patient with this name is already registered ({ $patient }): choose them from the list to book them, or give the new patient's phone so the two can be told apart
store-patient-choose-from-list = { $why }: choose the patient from the list
store-patient-invalid = the patient: { $error }
store-video-join-in-clinic = this is a in clinic appointment: joining is recorded for video consultations only
store-video-join-phone = this is a phone appointment: joining is recorded for video consultations only
store-video-join-not-now = the appointment is { $status }: joining can be recorded only before or during the visit
store-server-not-utf8 = the database { $server } holds text as { $encoding }, which cannot keep every script's names: create it with ENCODING 'UTF8' (for example CREATE DATABASE frontdesk OWNER frontdesk ENCODING 'UTF8' TEMPLATE template0)
store-server-address-not-text = a database server's address must be text (UTF-8): it holds bytes that are not; type it again

## Importing patients and series

# $why: core-match-…
store-import-patient-contradicts = { $why }: nothing was booked to either; check which is right, correct the row (or the stored patient) and import again
store-import-patient-say-which = { $why }: add a patient_id column to say which
store-import-patient-likely-duplicate = registered { $patient } as a new patient; already registered with the same name or phone: { $listed } (if they are one person, correct the row's details or patient_id and import again)
store-import-patient-no-name = the name is empty: every patient needs a name
store-import-series-other-clinic = its series { $series } belongs to another clinic here, so it is imported as an appointment of its own
store-import-series-no-master = the file has no repeating event for its series { $series }, so it is imported as an appointment of its own
store-room-never-open = the room would never be open: give it hours on at least one day, or let it follow the clinic's hours
store-backup-folder-not-writable = { $file } cannot be written ({ $error }): give the backups folder back to yourself (chown) or make it writable
store-tls-starttls = STARTTLS (port 587)
store-tls-tls = TLS (port 465)
store-tls-none = None (port 25, local relay only)

# The waiting room (issue 17)
store-call-lost = the patient to call changed while calling: call again
# $status: core-status-…
store-not-here-not-called = only a called patient can be "not here"; this one is { $status }: call them first
# $calls, $limit: numbers
store-not-here-reason = not here at call { $calls } of { $limit }
store-kiosk-not-found = We could not find this appointment for today: please ask at the desk
# $from: the clinic-local time self check-in opens, 10:30
store-kiosk-too-early = It is too early to check in: please come back at { $from }, or ask at the desk
store-kiosk-too-late = It is too late to check in here: please go to the desk
store-kiosk-reason = self check-in at the kiosk
store-call-not-today = only today's patients can be called: this appointment is on another day
store-call-not-in-clinic = this is a phone or video visit, so the patient is not in the waiting room: start the visit instead
