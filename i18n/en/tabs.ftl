# The page tabs under the top bar.

tabs-calendar = Calendar
tabs-settings = Settings
tabs-waitlist = Waitlist
tabs-reports = Reports
tabs-reminders = Reminders
tabs-reminders-failed = Reminders ({ $failed } failed)
tabs-data = Data
tabs-access-log = Access log
