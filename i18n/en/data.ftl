# The Data page: export, import, backup and restore (the encryption card is in encryption.ftl).

data-kind-patients = Patients (CSV)
data-kind-appointments = Appointments (CSV or iCalendar)
data-saved-without-chooser = This desktop has no file chooser, so the file was saved beside the database under the name shown (install zenity to choose where: sudo apt-get install zenity).
data-cancelled = No file was chosen, so nothing was done. If no dialog opened, this desktop has no file chooser (install xdg-desktop-portal or zenity), or use the command line: frontdesk --help.
data-none-to-open = This desktop has no file chooser (neither the desktop portal nor zenity is installed: `sudo apt-get install zenity` adds one), so no file can be picked here. Use the command line instead (frontdesk --help lists the commands).
data-all-scopes = All doctors and rooms
# The date fields, as an error names them.
data-from = From
data-to = To
data-not-a-date = "{ $typed }" is not a date for { $field }: write it as YYYY-MM-DD, e.g. 2026-12-01, or leave it empty for no limit.
data-from-after-to = From ({ $from }) is after To ({ $to }): give the earlier date first.
# A job running: its title, then how far it has got.
data-exporting = Exporting
data-checking = Checking
data-importing = Importing
data-backing-up = Backing up
data-restoring = Restoring
data-progress = { $title }… { $phase } { $done } of { $total } ({ $percent }%)
data-phase-starting = starting
data-phase-writing = writing
data-phase-checking = checking
data-phase-waiting = waiting
data-phase-replacing = replacing
data-phase-copying = copying
data-phase-saving = saving
# How a job ended: its title, then what it did.
data-title-export = Export
data-title-import = Import
data-title-dry-run = Dry run
data-title-backup = Backup
data-title-restore = Restore
data-title-not-done = Not done
data-title-restore-refused = Restore refused
data-title-encryption = Encryption
data-cannot-read = Cannot read { $file }: { $reason }.
data-patients-from-csv = Patients are imported from CSV; choose Appointments for a calendar file.
data-note = note: { $note }
data-backed-up = Backed up to { $file } ({ $kb } kB).
data-restored = Restored from { $file }.
data-restored-kept = Restored from { $file }. The database it replaced is kept as { $kept }.
data-restored-no-clinic = The database restored holds no clinic: restore another backup, or start Frontdesk on a new database.
# The file dialogs.
data-backup-dialog = Back up the database
data-restore-dialog = Restore a backup
data-csv-or-icalendar = CSV or iCalendar
data-sqlite-database = SQLite database
data-any-file = Any file
# The cards.
data-export-title = Export appointments
data-export-about = For calendar clients (iCalendar), spreadsheets (CSV) or EMRs (FHIR R4). Files hold patient data and are readable by you only.
data-format = Format
data-whose = Whose
data-from-label = From (YYYY-MM-DD, empty: the first)
data-to-label = To (included, empty: the last)
data-export = Export…
data-import-about = Patients from CSV; appointments from our CSV or from iCalendar (.ics). All rows are imported, or none: every bad row is listed with its line.
data-what = What
data-dry-run = Dry run: check every row, write nothing
data-overbook = Overbook reason (optional: accept double bookings, recorded in the history)
data-overbook-hint = e.g. merging the two calendars
data-check-file = Check a file…
data-import = Import…
data-automatic-backups = Automatic backups: one a day at the first launch, and one before every upgrade, in { $folder }.
data-automatic-backups-server = Automatic backups are the database server's own.
data-backup-about = A backup is a complete copy taken safely while desks keep working.
data-back-up-now = Back up now…
data-restore-about = Replace this clinic's database with a backup. The backup is checked first; the database it replaces is kept beside it.
data-restore = Restore…
data-replace-with = Replace the database with { $file }?
data-replace-about = Everything since that backup is replaced; the current database is kept beside it as a .replaced file. Close other Frontdesk windows on this database first.
data-replace = Replace with this backup
data-cancel = Cancel
