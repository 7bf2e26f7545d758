# Dates as English writes them in the window and in reminders. Times are always 24-hour.

dates-weekday-mon = Monday
dates-weekday-tue = Tuesday
dates-weekday-wed = Wednesday
dates-weekday-thu = Thursday
dates-weekday-fri = Friday
dates-weekday-sat = Saturday
dates-weekday-sun = Sunday

dates-weekday-short-mon = Mon
dates-weekday-short-tue = Tue
dates-weekday-short-wed = Wed
dates-weekday-short-thu = Thu
dates-weekday-short-fri = Fri
dates-weekday-short-sat = Sat
dates-weekday-short-sun = Sun

dates-month-1 = January
dates-month-2 = February
dates-month-3 = March
dates-month-4 = April
dates-month-5 = May
dates-month-6 = June
dates-month-7 = July
dates-month-8 = August
dates-month-9 = September
dates-month-10 = October
dates-month-11 = November
dates-month-12 = December

dates-month-short-1 = Jan
dates-month-short-2 = Feb
dates-month-short-3 = Mar
dates-month-short-4 = Apr
dates-month-short-5 = May
dates-month-short-6 = Jun
dates-month-short-7 = Jul
dates-month-short-8 = Aug
dates-month-short-9 = Sep
dates-month-short-10 = Oct
dates-month-short-11 = Nov
dates-month-short-12 = Dec

# Tuesday 24 November 2026
dates-long = { $weekday } { $day } { $month } { $year }
# Tue 24 Nov 2026
dates-medium = { $weekday } { $day } { $month } { $year }
# Tue 24 Nov
dates-weekday-day-month = { $weekday } { $day } { $month }
# 24 Nov
dates-day-month = { $day } { $month }
# 24 Nov 2026
dates-day-month-year = { $day } { $month } { $year }
# November 2026
dates-month-year = { $month } { $year }
# Tue 24 Nov 14:30 (a date as above, then the time)
dates-with-time = { $date } { $time }
