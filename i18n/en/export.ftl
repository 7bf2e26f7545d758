# Exports to files: what was written, and what could not be.

# Exported 2 appointments to out.ics (iCalendar (.ics), 14 kB)
export-summary = { $count ->
    [one] Exported { $appointments } appointment to { $file } ({ $format }, { $size })
   *[other] Exported { $appointments } appointments to { $file } ({ $format }, { $size })
}
export-size-mb = { $size } MB
export-size-kb = { $size } kB
export-size-bytes = { $size } bytes
export-cannot-write = cannot write { $file }: { $error }; check that the folder exists and that you may write there
export-format-ics = iCalendar (.ics)
export-format-csv = CSV spreadsheet (.csv)
export-format-fhir = FHIR R4 JSON (.json)
