# Words used all over the window.

# The language picker's first line: follow the system's language (named in itself).
common-language-system = As the system ({ $language })
common-language = Language
common-desk-prefs-unreadable = This desk's preferences ({ $file }) could not be read ({ $reason }); the usual ones are used.
common-desk-prefs-language = This desk's preferences ({ $file }) name a language Frontdesk is not written in; the system's is used.
common-desk-prefs-unsaved = This desk's preferences could not be saved to { $file } ({ $reason }); the choice holds until the window closes.
