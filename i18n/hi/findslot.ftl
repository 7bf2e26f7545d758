# स्लॉट खोजें: कैलेंडर के पास की खोज, उसके नतीजे, और सीरीज़ बुक होने के बाद की सूचना।

findslot-title = स्लॉट खोजें
findslot-title-for = { $name } के लिए स्लॉट खोजें
findslot-close = बंद करें
findslot-visit-type = विज़िट का प्रकार
findslot-visit-type-choice = { $name } ({ $minutes } मिनट)
findslot-minutes = मिनट
findslot-doctor = डॉक्टर
findslot-any-doctor = कोई भी डॉक्टर
findslot-room = कमरा
findslot-no-room = कमरा नहीं चाहिए
findslot-any-room = कोई भी कमरा
findslot-from = से
findslot-to = तक
findslot-time-of-day = दिन का समय
findslot-any-time = कभी भी
findslot-morning = सुबह (12:00 से पहले)
findslot-afternoon = दोपहर (12:00–17:00)
findslot-evening = शाम (17:00 से)
findslot-between = इनके बीच…
findslot-after = के बाद
findslot-before = से पहले
findslot-search = खोजें
findslot-searching = खोजा जा रहा है…
findslot-none = इस अवधि में कोई खाली स्लॉट नहीं: दूसरा डॉक्टर, कमरा, दिन का समय या ज़्यादा दिन आज़माएँ।
findslot-found = { $count } खाली स्लॉट, सबसे पहले वाला ऊपर: बुक करने के लिए एक चुनें
findslot-result = { $date }  { $start }–{ $end }

findslot-length-not-minutes = अवधि 1 से { $max } तक मिनटों में लिखें, जैसे 20।
findslot-the-first-date = पहली तारीख
findslot-the-last-date = आख़िरी तारीख
findslot-not-a-first-date = "{ $typed }" सही पहली तारीख नहीं है: इसे YYYY-MM-DD में लिखें, जैसे 2026-12-01।
findslot-not-a-last-date = "{ $typed }" सही आख़िरी तारीख नहीं है: इसे YYYY-MM-DD में लिखें, जैसे 2026-12-01।
findslot-last-before-first = आख़िरी तारीख पहली तारीख से पहले है: बाद की आख़िरी तारीख चुनें।
findslot-range-too-long = एक बार में ज़्यादा से ज़्यादा { $days } दिन खोजें: पास की आख़िरी तारीख चुनें।
findslot-range-over = यह अवधि बीत चुकी है: आज या उसके बाद की तारीखें चुनें।

findslot-series-booked = { $first } से { $count } अपॉइंटमेंट की सीरीज़ बुक हुई
findslot-series-overbooked = , { $count } ओवरबुक
findslot-series-left-out = ; टकराव वाले { $count } छोड़े गए ({ $dates })
findslot-series-end = ।
