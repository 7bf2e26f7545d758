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
