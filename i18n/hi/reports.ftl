# रिपोर्ट पेज: अवधि, एक नज़र में आँकड़े, चार्ट, दिन की शीट और सहेजना।

reports-from = से
reports-to = तक
reports-field-from = शुरुआत की तारीख
reports-field-to = आख़िरी तारीख
reports-not-a-date = { $field } "{ $typed }" सही नहीं है: तारीख YYYY-MM-DD में लिखें, जैसे 2026-11-01।
reports-show = दिखाएँ
reports-last-days = { $count } दिन
reports-computing = गणना हो रही है…
reports-saving = सहेजा जा रहा है…
reports-computing-all = रिपोर्ट तैयार हो रही हैं…
reports-choose-range = अवधि चुनें और "दिखाएँ" दबाएँ।

reports-day-sheet = दिन की शीट
reports-doctor-or-room = डॉक्टर या कमरा
reports-save-pdf = PDF सहेजें…
reports-sheet-choose = वह डॉक्टर या कमरा चुनें जिसकी दिन की शीट छापनी है।
reports-sheet-not-a-date = दिन की शीट की तारीख "{ $typed }" सही नहीं है: तारीख YYYY-MM-DD में लिखें, जैसे 2026-11-24।
reports-not-saved = सहेजा नहीं गया: डायलॉग रद्द कर दिया गया।
reports-saved-beside = { $said } (इस डेस्कटॉप पर फ़ाइल चुनने का डायलॉग नहीं है, इसलिए फ़ाइल डेटाबेस के पास सहेजी गई; जगह चुनने के लिए zenity इंस्टॉल करें)
reports-saving-stopped = सहेजना अचानक रुक गया: { $reason }
reports-saved-csv = { $table } ({ $rows } पंक्तियाँ) { $file } में सहेजी गई।
reports-saved-sheet = { $name } की { $date } की दिन की शीट ({ $appointments } अपॉइंटमेंट, { $pages } पेज) { $file } में सहेजी गई।

reports-table-rooms = कमरों का उपयोग
reports-table-room-days = दिन-वार कमरों का उपयोग
reports-table-doctors = डॉक्टरों का उपयोग
reports-table-no-shows = न आने वाले और देर से रद्द
reports-table-waiting = इंतज़ार का समय और परामर्श की अवधि
reports-table-busiest-hours = सप्ताह के सबसे व्यस्त घंटे

reports-heading = { $clinic } · { $first } से { $last } तक ({ $days } दिन) · समय { $zone } के अनुसार
reports-rooms-booked = बुक हुए कमरे
reports-clinicians-booked = बुक हुए डॉक्टर
reports-no-shows = नहीं आए
reports-late-cancellations = देर से रद्द
reports-waiting-median = इंतज़ार (मीडियन)
reports-consultation-median = परामर्श (मीडियन)
reports-busiest-hour = सबसे व्यस्त घंटा
reports-used = उपयोग { $share }
reports-of-due = { $due } तय में से { $count }
reports-p90-of = 90वाँ पर्सेंटाइल { $minutes }
reports-mean-of = औसत { $minutes }
reports-minutes = { $minutes } मिनट
reports-busiest-when = { $weekday } { $time }
reports-busiest-count = उस घंटे में { $count } बुक
reports-nothing-booked = कुछ बुक नहीं

reports-section-room-days = दिन-वार कमरों का उपयोग (खुले समय में बुक हिस्सा)
reports-section-rooms = कमरों का उपयोग
reports-section-doctors = डॉक्टरों का उपयोग
reports-section-no-shows = डॉक्टर-वार न आने वाले और देर से रद्द
reports-section-by-visit-type = … विज़िट के प्रकार के अनुसार
reports-section-waiting = इंतज़ार का समय: पहुँचने से परामर्श तक (मिनट)
reports-section-consultation = परामर्श की अवधि: शुरू से पूरा होने तक (मिनट)
reports-section-busiest = सप्ताह के सबसे व्यस्त घंटे (शुरू होने के समय से बुक अपॉइंटमेंट)
reports-export-csv = CSV एक्सपोर्ट करें…

reports-series-booked = बुक
reports-series-used = उपयोग
reports-all-rooms = सभी कमरे
reports-all-doctors = सभी डॉक्टर
reports-median = मीडियन
reports-p90 = 90वाँ पर्सेंटाइल
reports-rates-of-due = { $no_shows } · { $late } ({ $due } तय में से)
reports-timing-figures = { $median } · { $p90 } मिनट · { $seen } देखे गए
reports-tick-weekday-day = { $weekday } { $day }
reports-room-day = { $room } · { $date }: { $open } में से { $booked } मिनट बुक ({ $share } %), { $used } मिनट उपयोग
reports-room-day-closed = { $room } · { $date }: बंद
reports-legend-full = 100 % बुक
reports-legend-closed = बंद
reports-hour = { $weekday } { $from }–{ $until }: { $count } बुक
reports-booked-count = { $count } बुक
reports-p90-and-called-to-seen = p90 { $minutes } · बुलाने से मिलने तक { $called }
