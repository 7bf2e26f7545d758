# The patient typeahead of the booking and walk-in forms, and the new patient they register.

# $typed is the name or phone typed, quoted as typed.
patients-matches-registered = "{ $typed }" matches registered patients: pick one (Enter picks the highlighted one), or choose "Register new patient".
patients-still-looking = Still looking up "{ $typed }": pick the patient from the list, or register a new one when it shows.
patients-keys-hint = Enter picks the highlighted one; Up and Down move; Escape hides the list.
patients-register-new = + Register new patient "{ $typed }"
# A registered patient the new one is likely to be: "Book Asha Rao  ·  98450 12345".
patients-book-duplicate = Book { $patient }  ·  { $phone }
patients-register-anyway = Register anyway
# $problem: the entry rules' words ("… is empty: …").
patients-name-problem = Name: { $problem }.
patients-phone-problem = Phone: { $problem }.
patients-already-registered = { $patient } with this phone was already registered, so no new patient was added.
