# What the store says when something cannot be done: what happened and what to do.

store-not-frontdesk = { $file } is not a Frontdesk database (it is another kind of file): choose a Frontdesk .sqlite3 file, or a new file name to start a new clinic
