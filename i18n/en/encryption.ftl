# The Data page's encryption card, and the recovery key of a file just encrypted.

encryption-need-password = Type your password: it opens the encrypted file.
encryption-kept = Kept { $count } plaintext { $count ->
        [one] copy
       *[other] copies
    }: they hold every patient in clear. Delete them once you are sure the encrypted file works (they stay listed here).
encryption-removed = Removed { $count } plaintext { $count ->
        [one] copy
       *[other] copies
    }.
encryption-running = Encrypting: the file is copied encrypted and the copy checked, table by table. The desk is back when it is done.
encryption-server = The server encrypts its own disks; backups saved here are plain files: keep them safe.
encryption-encrypted = This database file is encrypted, and so are its backups; each backup needs its .keys file beside it.
encryption-plain = This database file is not encrypted: a copy of it shows every patient.
encryption-start = Encrypt this file…
encryption-copies-left = Plaintext copies are left (the original and backups made before): they show every patient to anyone who copies them.
encryption-remove = Remove them
encryption-keep = Keep them for now
encryption-asking = Encrypting needs this file to itself: close Frontdesk on every other desk and stop its jobs first. Only you can sign in afterwards until you give each staff member a new password (Settings, Staff); service credentials must be issued again. A recovery key is shown once: have paper ready.
encryption-your-password = Your password (the one you sign in with)
encryption-encrypt-now = Encrypt now
encryption-cancel = Cancel
encryption-recovery-title = This clinic's recovery key
encryption-recovery-about = The file is encrypted now: it opens only with a staff member's password or with this key. Print it or write it down now and keep it locked away from the desk: if every administrator's password is lost, it is the only way back to the data. It is shown this once.
encryption-written-down = I have written it down
# On the status line once the file is encrypted.
encryption-now-encrypted = This database file is encrypted now. Give each staff member a new password (Settings, Staff): until then the file opens only with yours (this window goes on as it is).
