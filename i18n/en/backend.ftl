# The window's way to the database: what it says when a database task fails, and its daily
# backup and damage check.

backend-damaged = This database is damaged ({ $damage }): nothing can be saved until it is restored. On the Data page, choose Restore… and the newest daily backup in the backups folder beside it (`frontdesk check` names the newest good one).
# Followed by the appointments in the way, one a line.
backend-refused = refused, nothing was changed:
backend-opening-stopped = opening the database stopped unexpectedly: { $reason }
backend-earlier-task-failed = an earlier database task failed; restart Frontdesk
backend-task-stopped = a database task stopped unexpectedly: { $reason }
backend-job-stopped = the task stopped unexpectedly: { $reason }
backend-check-failed = the database could not be checked: { $reason }
backend-check-stopped = the database check stopped unexpectedly: { $reason }
backend-backup-stopped = the daily backup stopped unexpectedly: { $reason }
backend-daily-backup-failed = Today's automatic backup failed: { $reason }
backend-lost-signing-in = the database was lost while signing in: restart Frontdesk
backend-demo-before-sign-in = the demo clinic is built only before anyone signs in
backend-encrypted-file-only = only a file is made encrypted here
backend-already-signed-in = someone is already signed in
backend-administrator-not-stored = the administrator was not stored
backend-administrator-gone = the administrator signed in is no longer a staff member here
backend-server-no-copies = a database server keeps no plaintext copies here
