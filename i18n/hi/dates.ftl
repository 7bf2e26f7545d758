# तारीख़ें जैसे हिन्दी में लिखी जाती हैं (CLDR के अनुसार)। समय हमेशा 24 घंटे का।

dates-weekday-mon = सोमवार
dates-weekday-tue = मंगलवार
dates-weekday-wed = बुधवार
dates-weekday-thu = गुरुवार
dates-weekday-fri = शुक्रवार
dates-weekday-sat = शनिवार
dates-weekday-sun = रविवार

dates-weekday-short-mon = सोम
dates-weekday-short-tue = मंगल
dates-weekday-short-wed = बुध
dates-weekday-short-thu = गुरु
dates-weekday-short-fri = शुक्र
dates-weekday-short-sat = शनि
dates-weekday-short-sun = रवि

dates-month-1 = जनवरी
dates-month-2 = फ़रवरी
dates-month-3 = मार्च
dates-month-4 = अप्रैल
dates-month-5 = मई
dates-month-6 = जून
dates-month-7 = जुलाई
dates-month-8 = अगस्त
dates-month-9 = सितंबर
dates-month-10 = अक्तूबर
dates-month-11 = नवंबर
dates-month-12 = दिसंबर

dates-month-short-1 = जन॰
dates-month-short-2 = फ़र॰
dates-month-short-3 = मार्च
dates-month-short-4 = अप्रैल
dates-month-short-5 = मई
dates-month-short-6 = जून
dates-month-short-7 = जुल॰
dates-month-short-8 = अग॰
dates-month-short-9 = सित॰
dates-month-short-10 = अक्तू॰
dates-month-short-11 = नव॰
dates-month-short-12 = दिस॰

dates-long = { $weekday }, { $day } { $month } { $year }
dates-medium = { $weekday }, { $day } { $month } { $year }
dates-weekday-day-month = { $weekday }, { $day } { $month }
dates-day-month = { $day } { $month }
dates-day-month-year = { $day } { $month } { $year }
dates-month-year = { $month } { $year }
dates-with-time = { $date } { $time }
