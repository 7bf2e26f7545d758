# कैलेंडर की ऊपरी पट्टी।

calendar-today = आज
calendar-week-title = सप्ताह { $range }
calendar-week-range-in-month = { $first }–{ $last }
calendar-week-range = { $first } – { $last }
calendar-week-of = किसका सप्ताह …
calendar-more = और ▾
calendar-less = कम ▴
calendar-walk-in = वॉक-इन (Ctrl+I)
calendar-by-doctor = डॉक्टर के अनुसार
calendar-by-room = कमरे के अनुसार
calendar-find-slot = स्लॉट खोजें
calendar-view-options = दृश्य…
calendar-zoom-out = ज़ूम आउट (Ctrl+−)
calendar-zoom-in = ज़ूम इन (Ctrl++)
calendar-theme = हल्की / गहरी (Ctrl+D)
calendar-help = कीबोर्ड सहायता (F1)
