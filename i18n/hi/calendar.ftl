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
calendar-view-options = व्यू…
calendar-zoom-out = ज़ूम आउट (Ctrl+−)
calendar-zoom-in = ज़ूम इन (Ctrl++)
calendar-theme = लाइट / डार्क थीम (Ctrl+D)
calendar-help = कीबोर्ड सहायता (F1)

## ग्रिड: ब्लॉक, उनका पॉपओवर, खींचते समय का पूर्वावलोकन।

calendar-late-mark = +{ $minutes } मिनट देर
calendar-walk-in-token = वॉक-इन { $token }
calendar-emergency-token = इमरजेंसी { $token }
calendar-overbooked-mark = ओवरबुक
calendar-with-doctor = { $doctor } के साथ
calendar-no-room = कोई कमरा नहीं
calendar-no-visit-type = विज़िट का कोई प्रकार नहीं
calendar-running-late = { $minutes } मिनट देर से चल रहा है (इमरजेंसी के बाद)
calendar-overbooked = ओवरबुक
calendar-has-note = इसमें एक नोट है (पढ़ने के लिए खोलें)
calendar-cancelled-free = रद्द: यह समय खाली है
calendar-in-words = { $patient }, { $doctor } के साथ, { $start }–{ $end }
calendar-drag-span = { $from } – { $until } ({ $minutes } मिनट)
calendar-room-kind-consultation = परामर्श
calendar-room-kind-procedure = प्रोसीजर
calendar-room-kind-tele-booth = टेली-बूथ

## छोटे महीने वाले कैलेंडर के दिन, सोमवार से।

calendar-mini-mon = सो
calendar-mini-tue = मं
calendar-mini-wed = बु
calendar-mini-thu = गु
calendar-mini-fri = शु
calendar-mini-sat = श
calendar-mini-sun = र
