# The screens before the desk and over it when locked: the first run, signing in, the first
# clinic, the recovery key of a new encrypted file, and the locked window.

signin-need-name = type your name as the staff list has it
signin-need-password = type your password
signin-need-pin = type your PIN
signin-need-new-password = type your new password
signin-passwords-differ = the two passwords differ: type the same password twice
signin-need-clinic-name = type the clinic's name, as patients know it
signin-clinic-name-control = the clinic's name has a control character: type it again
signin-clinic-name-long = the clinic's name is longer than { $max } characters: shorten it
signin-your-name = Your name
signin-your-name-hint = as the staff list has it
signin-checking = Checking…
signin-building-demo = Creating the demo clinic: doctors, rooms, patients and 20,000 appointments…
signin-clinic-name = Clinic name
signin-clinic-name-hint = e.g. Lakeside Family Clinic
signin-zone = Time zone (the clinic's wall clock)
signin-zone-hint = e.g. Asia/Kolkata
signin-set-up-clinic = Set up your clinic
signin-first-administrator = Create the first administrator
signin-first-administrator-about = The first administrator adds the other staff, their roles and passwords. Choose a password of at least 8 characters that no one can guess.
signin-password = Password
signin-password-again = The same password again
signin-create-administrator = Create the administrator
signin-welcome = Welcome to Frontdesk
signin-demo-title = Or explore the demo clinic
signin-demo-about = 20 doctors, 12 rooms and a busy calendar, with a staff member of each role and their demo passwords. It is this computer's own file; nothing leaves it.
signin-load-demo = Load the demo clinic
signin-no-clinic-yet = This database holds no clinic yet.
signin-title = Staff sign-in
signin-sign-in = Sign in
signin-demo-staff = The demo clinic's staff (choose one to fill in the form):
signin-add-clinic-title = Add your clinic
signin-add-clinic-about = This database holds no clinic yet. Doctors, rooms and hours are set in Settings afterwards.
signin-add-clinic = Add the clinic
signin-recovery-title = Your clinic's recovery key
signin-recovery-about = This clinic's data is encrypted on this computer, and opens only with a staff member's password or with this key. Print it or write it down now, and keep it locked away from the desk: if every administrator's password is lost, it is the only way back to the data. It is shown this once.
signin-written-down = I have written it down
signin-locked = Locked
signin-locked-by = { $name } locked this window. Sign in to go on; someone else can take over by typing their own name.
signin-pin = PIN
signin-use-pin = Use my PIN
signin-unlock = Unlock
# The window, once someone signed in.
signin-pin-not-today = a PIN works only on a day a password opened this window: sign in with your password
signin-no-clinic-ask-manager = this database holds no clinic yet: a manager or administrator adds it when they sign in
signin-no-doctors = This clinic has no doctors yet: add them, their hours and the rooms in Settings.

# Signing in: passwords, PINs and service credentials.

signin-word-password = password
signin-word-pin = PIN
signin-word-service-credential = service credential
# $what: signin-word-…
signin-secret-empty = type the { $what }: it is empty
signin-secret-only-spaces = the { $what } is only spaces: type letters, digits or signs too
signin-secret-control = the { $what } holds a line break, tab or other invisible control character: type it again without
signin-password-too-short = a password has at least { $min } characters; this one has { $chars }
signin-password-too-long = a password has at most { $max } characters; this one has { $chars }
signin-not-a-pin = a PIN is { $min } to { $max } digits, 0 to 9, and nothing else
signin-damaged-record = the stored sign-in record is damaged: an administrator must set a new { $what }
# $error: what the system said
signin-hashing = the { $what } could not be secured just now ({ $error }); try again
signin-wrong = the name or { $what } is wrong
# $left: wrong tries left before the account locks
signin-wrong-tries-left = the name or { $what } is wrong{ $left ->
    [one] ; one more wrong try locks the account for a while
   *[other] ; { $left } tries left before the account locks for a while
}
signin-not-active = this staff member no longer works here: an administrator can make them active again
signin-not-set = no { $what } is set for this staff member: sign in with the password, or ask an administrator to set one
signin-administrator-not-stored = the administrator was not stored
signin-service-bad-name = a service credential's name is 1 to { $max } lower-case letters a–z, digits, '-' or '_', e.g. reminders
signin-service-io = the credential file { $file }: { $error }
signin-service-readable = the credential file { $file } can be read by others than its owner: run chmod 600 on it, or issue a new credential
signin-service-no-randomness = the system's random source gave nothing to make a credential from: try again
signin-service-not-a-credential = the file { $file } is not a Frontdesk service credential (or it was edited)
