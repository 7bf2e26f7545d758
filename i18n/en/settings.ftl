# The Settings page.

settings-title = Settings
settings-section-clinic = Clinic
settings-section-doctors = Doctors
settings-section-rooms = Rooms
settings-section-visit-types = Visit types
settings-section-staff = Staff
settings-section-history = History
settings-section-this-desk = This desk
settings-recorded-as = Changes are recorded as made by { $actor }.
settings-desk-title = This desk
settings-desk-about = What this computer prefers, whatever the clinic: the other desks of the clinic keep their own.
settings-desk-language-note = The window and its messages change at once; the other desks are not affected.
