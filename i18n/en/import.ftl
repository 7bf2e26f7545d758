# Importing patients and appointments from CSV and iCalendar files.

# $line: the file's line; $reason: what is wrong there
import-line = line { $line }: { $reason }
import-not-text = the file is not UTF-8 text: save it as UTF-8 (in a spreadsheet, choose "CSV UTF-8") and import it again
import-empty = the file is empty: choose the file you exported
# $column: the column's name; $example: a first line that names the columns
import-missing-column = the CSV has no { $column } column: the first line must name the columns, e.g. { $example }
# The summary of an import: a first part, then any of the parts that start with a comma, then the end.
import-bad-rows = { $count ->
    [one] { $count } bad row of { $rows }: nothing was imported. Fix it and import again.
   *[other] { $count } bad rows of { $rows }: nothing was imported. Fix them and import again.
}
import-what-patients = patients
import-what-appointments = appointments
# $what: import-what-…
import-imported = { $rows } rows read: imported { $imported } { $what }
import-would-import = { $rows } rows read: would import { $imported } { $what }
import-already-present = , { $count } already in the database (left as they are)
import-repeats = , { $count } { $count ->
    [one] repeats
   *[other] repeat
} an earlier row
import-patients-added = , { $count } new { $count ->
    [one] patient
   *[other] patients
}
import-end = .
import-end-dry-run = . Dry run: nothing was written.
