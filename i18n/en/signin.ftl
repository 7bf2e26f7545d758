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
