# The live calendar: the database out of reach, and back.

live-watch-failed = the window could not start watching the database ({ $reason })
live-back = The database can be reached again (it was out of reach from { $since }): everything shown was read again, and changes can be made.
live-lost-file = The database file cannot be reached since { $since } ({ $reason }). What is shown may be out of date, and changes are refused until it is back.
live-lost-server = The database server cannot be reached since { $since } ({ $reason }). What is shown may be out of date, and changes are refused until it is back.
