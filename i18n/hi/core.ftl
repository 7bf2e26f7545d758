# शेड्यूलिंग का मूल हिस्सा क्या कहता है: बुकिंग क्यों टकराती है, बदलाव क्यों मना हुआ, इसकी जगह
# क्या लिखें। तारीख़ और समय YYYY-MM-DD और HH:MM में आते हैं।

## बुकिंग या बदलाव के टकराव

core-clash = { $patient }, { $doctor } के साथ, { $date } { $start }–{ $end }
core-clash-with-id = { $patient }, { $doctor } के साथ, { $date } { $start }–{ $end } (अपॉइंटमेंट { $id })
core-doctor-booked = { $doctor } उस समय पहले से बुक हैं: { $clash }
core-room-booked = कमरा उस समय पहले से बुक है: { $clash }
core-patient-booked = { $patient } का उस समय पहले से अपॉइंटमेंट है: { $clash }
core-outside-working-hours = { $doctor } के काम के समय से बाहर
core-doctor-on-leave = { $doctor } उस समय छुट्टी पर हैं ({ $reason })
core-doctor-inactive = { $doctor } अब बुकिंग नहीं लेते (निष्क्रिय)
core-room-blocked = { $room } उस समय बंद रखा गया है ({ $reason })
core-room-closed = { $room } उस समय बंद है या इस्तेमाल में नहीं है
core-clinic-closed = { $clinic } उस समय बंद है
core-start-in-past = शुरुआत { $start } बीत चुकी है
core-end-not-after-start = ख़त्म होने का समय शुरुआत के बाद होना चाहिए
core-outside-date-range = { $requested } उन तारीख़ों से बाहर है जिनमें Frontdesk बुक करता है, { $first } से { $last }: साल जाँचें
core-not-on-whole-minute = शुरुआत { $start } में सेकंड हैं: अपॉइंटमेंट पूरे मिनट पर शुरू होते हैं; { $whole } चुनें
core-not-whole-minutes-long = अंत { $end } में सेकंड हैं: अपॉइंटमेंट पूरे मिनटों के होते हैं; इसे { $whole } पर ख़त्म करें
core-too-long = { $minutes } मिनट, { $maximum } मिनट की सीमा से ज़्यादा है; इसे कई अपॉइंटमेंट में बाँटें
core-local-time-in-gap = { $requested } { $zone } में होता ही नहीं: उस समय घड़ियाँ आगे होती हैं; अगला सही समय { $next } है
core-local-time-ambiguous = { $requested } दो बार आता है (घड़ियाँ पीछे होती हैं); पहले वाला बुक किया, { $chosen } (UTC{ $offset })

## अपॉइंटमेंट की स्थिति और स्टाफ़ उसके साथ क्या करता है

core-status-booked = बुक
core-status-confirmed = पक्का
core-status-arrived = आ गए
core-status-called = बुलाए गए
core-status-with-doctor = डॉक्टर के पास
core-status-done = हो गया
core-status-cancelled = रद्द
core-status-no-show = नहीं आए
core-status-entered-in-error = गलती से बना
core-cannot-move = "{ $status }" अपॉइंटमेंट को खिसकाया नहीं जा सकता: सिर्फ़ बुक, पक्के या आ चुके मरीज़ों वाले अपॉइंटमेंट खिसकते हैं
core-action-confirm = पक्का
core-action-check-in = चेक इन
core-action-call = बुलाएँ
core-action-back-to-queue = कतार में वापस भेजें
core-action-start = शुरू
core-action-complete = पूरा
core-action-no-show = "नहीं आए" मार्क
core-action-cancel = रद्द
core-action-entered-in-error = "गलती से बना" मार्क
core-transition-not-allowed = "{ $from }" अपॉइंटमेंट को { $verb } नहीं कर सकते; अभी ये हो सकते हैं: { $allowed }
core-allowed-nothing = कुछ नहीं
core-no-show-before-start = अपॉइंटमेंट के शुरू होने से पहले "नहीं आए" मार्क नहीं कर सकते (अभी { $minutes } मिनट बाकी)
core-reason-required = { $verb } करने के लिए कारण ज़रूरी है: कुछ शब्दों में बताएँ क्यों
core-cannot-undo = पहले जैसा नहीं कर सकते: अपॉइंटमेंट अब "{ $status }" है, बीच में बदला गया; इसे सीधे बदलें

## विज़िट के दर्ज समय (आगमन, परामर्श की शुरुआत, पूरा होना)

core-step-arrival = आगमन
core-step-consultation-start = परामर्श की शुरुआत
core-step-completion = पूरा होना
core-steps-none = इसमें अभी न आगमन, न परामर्श, न पूरा होना है
core-steps-arrival-only = इसमें सिर्फ़ आगमन हो सकता है
core-steps-no-completion = इसमें आगमन और परामर्श की शुरुआत हो सकती है, पूरा होना नहीं
core-steps-every = इसमें हर चरण हो सकता है
core-timestamps-out-of-order = { $later } ({ $later_at }), { $earlier } ({ $earlier_at }) से पहले है: विज़िट का क्रम है आगमन, परामर्श, पूरा होना; समय ठीक करें
core-arrival-on-another-day = आगमन ({ $arrived_at }) अपॉइंटमेंट ({ $day }) से अलग दिन है: मरीज़ विज़िट वाले दिन ही आता है; आगमन या तारीख़ ठीक करें
core-step-on-another-day = { $what } ({ $at }) अपॉइंटमेंट के दिन ({ $day }) पर नहीं है, न ही (आधी रात के बाद तक चलने वाली विज़िट के लिए) अगले दिन: { $what } या तारीख़ ठीक करें
core-step-not-for-status = { $what } ({ $at }) दर्ज है, पर अपॉइंटमेंट "{ $status }" है: { $allowed }; { $what } ख़ाली छोड़ें या स्थिति ठीक करें
core-step-in-the-future = { $what } ({ $at }) अभी ({ $now }) के बाद का है: सिर्फ़ जो हो चुका है वही दर्ज हो सकता है; समय ठीक करें या ख़ाली छोड़ें

## क्लिनिक की सेटिंग: फ़ील्ड और उनमें क्या गलत है

core-field-name = नाम
core-field-address = पता
core-field-time-zone = टाइम ज़ोन
core-field-slot-length = स्लॉट की लंबाई
core-field-hours = समय
core-field-colour = रंग
core-field-length = लंबाई
core-field-from = से
core-field-until = तक
core-kind-clinic = क्लिनिक
core-kind-doctor = डॉक्टर
core-kind-room = कमरा
core-kind-visit-type = विज़िट का प्रकार
core-kind-staff-member = स्टाफ़ सदस्य
core-empty-name = { $what } का नाम चाहिए: वह नाम लिखें जिससे स्टाफ़ इसे जानता है
core-duplicate-name = "{ $name }" नाम से { $what } पहले से है: इसे कोई दूसरा नाम दें
core-unknown-zone = "{ $text }" कोई टाइम ज़ोन नहीं है: IANA नाम लिखें, जैसे Asia/Kolkata, Europe/London या America/New_York
core-unknown-zone-suggest = "{ $text }" कोई टाइम ज़ोन नहीं है: क्या आपका मतलब { $zone } है? पूरा IANA नाम लिखें
core-slot-length = स्लॉट की लंबाई 5 से 240 तक पूरे मिनटों में होनी चाहिए, "{ $text }" नहीं: जैसे 15
core-visit-length = लंबाई 1 से 480 तक पूरे मिनटों में होनी चाहिए, "{ $text }" नहीं: जैसे 15
core-colour = "{ $text }" कोई रंग नहीं है: # और छह hex अंक लिखें, जैसे #3b82f6
core-bad-time = "{ $text }" दिन का समय नहीं है: समय HH:MM में लिखें, जैसे 09:00 या 14:30
core-not-a-span = "{ $text }" घंटों का दायरा नहीं है: इसे शुरू–अंत लिखें, जैसे 09:00–13:00
core-span-backwards = { $span } शुरू होने से पहले ख़त्म होता है: पहले वाला समय पहले लिखें, जैसे 09:00–13:00
core-spans-overlap = { $first } और { $second } एक-दूसरे पर चढ़ते हैं: इन्हें एक दायरा बनाएँ या एक को दूसरे के शुरू होने से पहले ख़त्म करें
core-never-open = क्लिनिक कभी खुलेगा ही नहीं: कम से कम एक दिन का खुलने का समय दें
core-bad-date = "{ $text }" तारीख़ नहीं है: YYYY-MM-DD या YYYY-MM-DD HH:MM लिखें, जैसे 2026-12-01 या 2026-12-01 14:00
core-ends-before-start = यह शुरू होने ({ $start }) से पहले ख़त्म ({ $end }) होता है: शुरुआत के बाद का अंत दें
core-absence-too-long = यह { $days } दिन लंबा है; एक एंट्री ज़्यादा से ज़्यादा { $maximum } दिन की हो सकती है: साल जाँचें, या इसकी जगह डॉक्टर या कमरे को निष्क्रिय करें
core-happens-twice-earlier-used = { $wall } { $zone } में दो बार आता है (घड़ियाँ पीछे होती हैं): पहले वाला लिया गया है
core-absence-span = { $first } – { $last }

## किसी फ़ील्ड में लिखा टेक्स्ट: नाम, फ़ोन, ईमेल, कारण, नोट्स

core-entry-field-address = पता
core-entry-field-cancellation-reason = रद्द करने का कारण
core-entry-field-email = ईमेल
core-entry-field-external-id = बाहरी आईडी
core-entry-field-name = नाम
core-entry-field-name-at-desk = डेस्क पर नाम
core-entry-field-notes = नोट्स
core-entry-field-overbook-reason = ओवरबुक का कारण
core-entry-field-phone = फ़ोन
core-entry-field-reason = कारण
core-entry-hint-patient-name = वह नाम लिखें जिससे मरीज़ जाना जाता है
core-entry-empty = { $field } ख़ाली है: { $hint }
core-entry-too-long = { $field } { $chars } अक्षरों का है; ज़्यादा से ज़्यादा { $max } अक्षर चलते हैं: इसे छोटा करें
core-entry-character = { $field } में अक्षर { $at } पर { $what } (U+{ $code }) है: { $fix }
core-entry-char-variation-selector = वेरिएशन सिलेक्टर
core-entry-char-combining-mark = जुड़ने वाला चिह्न
core-entry-char-unusual-line-break = असामान्य लाइन ब्रेक
core-entry-char-line-break = लाइन ब्रेक
core-entry-char-tab = टैब
core-entry-char-control = कंट्रोल अक्षर
core-entry-char-direction-control = छिपा हुआ दिशा-नियंत्रण
core-entry-char-direction-mark = छिपा हुआ दिशा-चिह्न
core-entry-char-joiner = शून्य-चौड़ाई जोड़क (zero-width joiner)
core-entry-char-invisible = छिपा हुआ अक्षर
core-entry-fix-mark-without-letter = यह सिर्फ़ किसी अक्षर या चिह्न के ठीक बाद आता है, जिसे यह बदलता है: इसे हटाएँ
core-entry-fix-line-break = इसकी जगह सामान्य लाइन ब्रेक (Enter) इस्तेमाल करें
core-entry-fix-one-line = इसे एक लाइन में लिखें
core-entry-fix-tab = इसकी जगह स्पेस इस्तेमाल करें
core-entry-fix-type-again = इसे हटाएँ (पेस्ट करने की जगह टेक्स्ट फिर से टाइप करें)
core-entry-fix-direction-control = इसे हटाएँ; इससे टेक्स्ट सहेजे गए क्रम से अलग क्रम में दिख सकता है
core-entry-fix-direction-mark = इसे हटाएँ; नाम अपनी ही दिशा में दिखता है
core-entry-fix-joiner = यह सिर्फ़ दो अक्षरों के बीच आता है: इसे हटाएँ
core-entry-stacked-marks = { $field } में अक्षर { $at } पर एक अक्षर के ऊपर { $max } से ज़्यादा मात्राएँ/चिह्न हैं: ज़्यादा वाले हटाएँ
core-entry-no-letter = { $field } में कोई अक्षर या अंक नहीं है: कम से कम एक अक्षर (किसी भी लिपि का) या अंक वाला नाम लिखें
core-entry-phone-character = फ़ोन में अक्षर { $at } पर "{ $ch }" है: सिर्फ़ अंक, स्पेस और + - ( ) . / लिखें, जैसे +91 98450 12345
core-entry-phone-plus = फ़ोन में अक्षर { $at } पर + है: + सिर्फ़ नंबर की शुरुआत में, देश के कोड से पहले आ सकता है, जैसे +91 98450 12345
core-entry-phone-digits = फ़ोन में { $digits } अंक हैं; फ़ोन नंबर में { $min } से { $max } अंक होते हैं: नंबर जाँचें
core-entry-email = ईमेल सही पता नहीं है: इसे name@example.org की तरह लिखें, बिना स्पेस के

## लिखी गई तारीख़ें और समय

core-not-a-date = "{ $text }" तारीख़ नहीं है: इसे YYYY-MM-DD लिखें, जैसे 2026-03-09
core-date-out-of-range = "{ $text }" सीमा से बाहर है: { $first } से { $last } तक की तारीख़ दें, YYYY-MM-DD में
core-not-a-time = "{ $text }" दिन का समय नहीं है: इसे HH:MM (00:00 से 23:59) लिखें, जैसे 09:30
core-time-has-seconds = "{ $text }" में सेकंड हैं: समय पूरे मिनटों में होता है, इसलिए { $minute } लिखें
core-not-a-date-time = "{ $text }" तारीख़ और समय नहीं है: इसे "YYYY-MM-DD HH:MM" लिखें, जैसे "2026-03-09 09:30"
core-hours-end-not-after-start = { $day } को, { $span } शुरू होने से पहले ख़त्म होता है: शुरू होने के समय के बाद का ख़त्म होने का समय दें
core-hours-past-midnight = { $day } को, { $span } आधी रात के बाद तक चलता है: इसे ज़्यादा से ज़्यादा 24:00 पर ख़त्म करें
core-hours-overlap = { $day } को, { $first } और { $second } एक-दूसरे पर चढ़ते हैं: इन्हें एक दायरा बनाएँ या अलग करें
core-window-not-a-time = "{ $text }" दिन का समय नहीं है: इसे HH:MM लिखें, जैसे 14:30
core-window-backwards = समय-दायरा { $window } शुरू होने से पहले ख़त्म होता है: "पहले" वाला समय "बाद" वाले समय से आगे का दें

## स्टाफ़, भूमिकाएँ और कौन क्या कर सकता है

core-role-receptionist = रिसेप्शनिस्ट
core-role-nurse = नर्स
core-role-manager = मैनेजर
core-role-administrator = एडमिनिस्ट्रेटर
core-role-word-receptionist = रिसेप्शनिस्ट
core-role-word-nurse = नर्स
core-role-word-manager = मैनेजर
core-role-word-administrator = एडमिनिस्ट्रेटर
core-desk-name-empty = बताएँ कि डेस्क पर कौन है: हर बदलाव स्टाफ़ के नाम के साथ दर्ज होता है
core-desk-name-control = डेस्क पर नाम में कंट्रोल अक्षर ({ $character }) है: नाम सादे टेक्स्ट में लिखें
core-desk-name-too-long = डेस्क पर नाम { $chars } अक्षरों का है: ज़्यादा से ज़्यादा { $max } अक्षरों का नाम दें
core-locked-out = { $tries } बार गलत कोशिश के बाद यह खाता { $until } UTC तक लॉक है: इंतज़ार करें, या किसी एडमिनिस्ट्रेटर से नया पासवर्ड सेट करवाएँ
core-doing-see-schedule = शेड्यूल देखने
core-doing-book = बुकिंग करने
core-doing-walk-in = वॉक-इन जोड़ने
core-doing-move = अपॉइंटमेंट खिसकाने
core-doing-change-status = अपॉइंटमेंट की स्थिति बदलने
core-doing-start-or-complete = परामर्श शुरू या पूरा करने
core-doing-waitlist = वेटलिस्ट संभालने
core-doing-print-day-sheet = दिन की शीट प्रिंट करने
core-doing-send-reminders = रिमाइंडर भेजने
core-doing-settings = क्लिनिक की सेटिंग्स बदलने
core-doing-reports = रिपोर्ट देखने
core-doing-export-reports = रिपोर्ट एक्सपोर्ट करने
core-doing-staff-and-roles = स्टाफ़, भूमिकाएँ, पासवर्ड और PIN बदलने
core-doing-backup = बैकअप लेने
core-doing-restore = बैकअप से वापस लाने
core-doing-import = इंपोर्ट करने
core-doing-export-appointments = अपॉइंटमेंट एक्सपोर्ट करने
core-doing-reminder-channels = रिमाइंडर भेजने का तरीका सेट करने
core-doing-access-log = एक्सेस लॉग पढ़ने
core-doing-queue-board = कतार बोर्ड दिखाना
core-doing-self-check-in = मरीज़ों को खुद चेक इन करने देना
core-needs-administrator = एडमिनिस्ट्रेटर की भूमिका
core-needs-role-or-above = { $role } या उससे ऊपर की भूमिका
core-signed-in-as-administrator = एडमिनिस्ट्रेटर के रूप में
core-signed-in-as = { $role } के रूप में
core-signed-in-as-service = सर्विस क्रेडेंशियल से
core-refused = { $doing } के लिए { $needs } चाहिए; आपने { $signed_in } साइन इन किया है: किसी ऐसे व्यक्ति से कहें जिसके पास यह हो

## अपॉइंटमेंट की सीरीज़

core-series-every-day = { $interval ->
    [one] हर दिन
   *[other] हर { $interval } दिन पर
}
core-series-every-week = { $interval ->
    [one] हर हफ़्ते
   *[other] हर { $interval } हफ़्ते पर
}
core-series-on-days = { $rule } { $days } को
core-series-times = { $count ->
    [one] { $rule }, एक बार
   *[other] { $rule }, { $count } बार
}
core-series-until = { $rule } { $date } तक
core-list-and = { $rest } और { $last }
core-series-interval-out-of-range = हर { $interval } पर दोहराना: 1 से { $max } तक की संख्या दें
core-series-count-zero = सीरीज़ में कम से कम 1 अपॉइंटमेंट होना चाहिए: 1 से { $max } तक की गिनती दें
core-series-count-too-large = { $count } अपॉइंटमेंट, सीरीज़ की सीमा { $max } (दो साल तक हर हफ़्ते की विज़िट) से ज़्यादा है: कम गिनती दें, और ज़रूरत हो तो बाद में दूसरी सीरीज़ बुक करें
core-series-too-many = इस सीरीज़ में आख़िरी तारीख़ से पहले { $max } से ज़्यादा अपॉइंटमेंट (दो साल तक हर हफ़्ते की विज़िट) हो जाएँगे: इसे जल्दी ख़त्म करें, और ज़रूरत हो तो बाद में दूसरी सीरीज़ बुक करें
core-series-until-before-start = सीरीज़ { $until } को ख़त्म होती है, अपनी पहली तारीख़ { $start } से पहले: बाद की आख़िरी तारीख़ चुनें
core-series-no-occurrence = { $start } से { $until } तक कोई तारीख़ चुने हुए दिनों पर नहीं पड़ती: दूसरे दिन या बाद की आख़िरी तारीख़ चुनें
core-series-weekdays-on-daily = हफ़्ते के दिन साप्ताहिक सीरीज़ के साथ चलते हैं: चुने हुए दिनों पर दोहराने के लिए "weekly" चुनें
core-series-repeated-part = नियम में { $part } दो बार है: हर हिस्सा एक बार दें
core-series-part-freq = कितनी बार (daily या weekly)
core-series-count-and-until = नियम में गिनती और आख़िरी तारीख़ दोनों हैं: सीरीज़ या तो कुछ अपॉइंटमेंट के बाद (count=N) या किसी तारीख़ पर (until=DATE) ख़त्म होती है, दोनों नहीं
core-series-unreadable = { $problem }: नियम ऐसे लिखें, जैसे weekly;interval=1;byday=TU,TH;count=10 या daily;interval=2;until=2027-01-31
core-series-part-not-a-number = "{ $part }" पूरी संख्या नहीं है
core-series-part-number-out-of-range = "{ $part }" सीमा से बाहर है: 1 से { $max } तक दें
core-series-part-not-a-frequency = "{ $part }" न daily है न weekly
core-series-part-unknown-weekday = "{ $part }" में हफ़्ते का अनजान दिन है (MO, TU, WE, TH, FR, SA, SU इस्तेमाल करें)
core-series-part-not-a-date = "{ $part }" तारीख़ नहीं है (YYYY-MM-DD)
core-series-part-date-out-of-range = "{ $part }" सीमा से बाहर है: { $first } से { $last } तक की तारीख़ दें
core-series-part-unknown = "{ $part }" नियम का कोई हिस्सा नहीं है
core-series-no-frequency = "{ $rule }" में न daily है न weekly
core-series-no-end = "{ $rule }" का कोई अंत नहीं है (count=N या until=DATE)
core-series-not-an-occurrence = { $date } इस सीरीज़ की तारीख़ नहीं है
core-series-shift-too-far = { $days } दिन खिसकाना एक साल से ज़्यादा है: आगे के अपॉइंटमेंट किसी भी तरफ़ ज़्यादा से ज़्यादा { $max } दिन खिसकाएँ
core-series-shift-breaks-pattern = आगे के अपॉइंटमेंट { $days } दिन खिसकाने से उनका हर-{ $interval }-हफ़्ते का क्रम टूटता है: उन्हें पूरे हफ़्तों में खिसकाएँ, या एक-एक करके बदलें

## वेटलिस्ट

core-any-day = कोई भी दिन
core-preferred-window = { $days } { $window }
core-preferred-any-time = { $days }, कोई भी समय
core-preferred-from = { $preferred }, { $date } से
core-preferred-until = { $preferred }, { $date } तक
core-wait-status-waiting = इंतज़ार में
core-wait-status-offered = ऑफ़र किया
core-wait-status-booked = बुक
core-wait-status-removed = हटाया गया
core-wait-action-edit = बदल
core-wait-action-offer = स्लॉट ऑफ़र कर
core-wait-action-decline = मना कर
core-wait-action-book = बुक कर
core-wait-action-remove = हटा
core-wait-no-weekday = कम से कम एक दिन चुनें जिस दिन मरीज़ आ सकता है
core-wait-window-backwards = समय-दायरा { $end } पर ख़त्म होता है, { $start } पर शुरू होने के बाद नहीं: शुरुआत के बाद का अंत दें
core-wait-window-past-midnight = समय-दायरा आधी रात के बाद तक चलता है: इसे ज़्यादा से ज़्यादा 24:00 पर ख़त्म करें
core-wait-window-too-short = समय-दायरा { $window }, { $minutes } मिनट की विज़िट से छोटा है: इसे बढ़ाएँ या विज़िट छोटी करें
core-wait-earliest-after-latest = सबसे पहली तारीख़ { $earliest }, आख़िरी तारीख़ { $latest } के बाद है: इन्हें आपस में बदलें या एक हटा दें
core-wait-latest-passed = आख़िरी तारीख़ { $latest } बीत चुकी है (आज { $today } है): बाद की तारीख़ दें या इसे हटा दें
core-wait-length = { $minutes } मिनट की विज़िट नहीं हो सकती: 5 से { $max } मिनट दें
core-wait-not-allowed = "{ $status }" वेटलिस्ट एंट्री को { $action } नहीं सकते

## रिमाइंडर टेम्पलेट और मीटिंग लिंक

core-template-unknown = { $name } कोई प्लेसहोल्डर नहीं है: इनमें से कोई इस्तेमाल करें: { $known }
core-template-unclosed = एक "{"{"}" बंद नहीं हुआ: प्लेसहोल्डर ऐसे लिखें {"{"}patient{"}"}, और ब्रेस ख़ुद लिखना हो तो {"{"}{"{"} या {"}"}{"}"}
core-template-unopened = एक "{"}"}" से पहले "{"{"}" नहीं है: ब्रेस ख़ुद लिखना हो तो {"}"}{"}"} लिखें
core-template-empty = संदेश ख़ाली है: वह लिखें जो मरीज़ को पढ़ना है
core-templates-none = नियम में कोई संदेश नहीं है: कम से कम एक भाषा में वह लिखें जो मरीज़ को पढ़ना है
core-templates-in-language = { $language } वाला संदेश: { $problem }
core-reminder-where-video = वीडियो कॉल से जुड़ें: { $link }
core-reminder-where-video-later = वीडियो पर; लिंक बाद में भेजा जाएगा
core-reminder-where-phone = फ़ोन पर; डॉक्टर आपको कॉल करेंगे
core-link-pattern-not-web = मीटिंग लिंक का पैटर्न https:// (या http://) से शुरू होने वाला वेब पता होता है, जैसे https://meet.jit.si/ या https://video.example.org/room/{"{"}id{"}"}
core-link-pattern-spaces = मीटिंग लिंक के पैटर्न में स्पेस नहीं हो सकते
core-link-not-a-link = "{ $link }" मीटिंग लिंक नहीं है: मीटिंग का वेब पता चिपकाएँ, जो https:// से शुरू हो

## दिन की वॉक-इन और इमरजेंसी की कतार

core-queue-walk-in = वॉक-इन
core-queue-emergency = इमरजेंसी
core-queue-kind-token = { $what } { $token }
core-queue-not-queued = पहले से तय अपॉइंटमेंट को कतार का टोकन नहीं मिलता: दिन की कतार में सिर्फ़ वॉक-इन और इमरजेंसी आते हैं
core-queue-full = { $day } की { $what } कतार { $last } तक पहुँच गई है, जो एक दिन का आख़िरी टोकन है: मरीज़ का पहले से तय अपॉइंटमेंट बुक करें
core-queue-token-other-kind = कतार टोकन { $file } { $file_kind } का टोकन है, और यह पंक्ति { $row_kind } की है: इस मरीज़ को इसकी जगह { $token } मिलता है
core-queue-token-not-ours = कतार टोकन "{ $file }" वैसे नहीं लिखा है जैसे Frontdesk { $what } टोकन लिखता है (अक्षर { $letter }, एक डैश और तीन अंक, जैसे { $example }): इस मरीज़ को इसकी जगह { $token } मिलता है
core-queue-token-taken = कतार टोकन { $file } { $day } को पहले ही दिया जा चुका है: इस मरीज़ को इसकी जगह { $token } मिलता है
core-queue-token-beyond = कतार टोकन { $file }, { $day } की { $what } कतार से आगे है, जिसमें इस फ़ाइल वालों के साथ { $tokens } { $tokens ->
    [one] टोकन है
   *[other] टोकन हैं
}: इस मरीज़ को इसकी जगह { $token } मिलता है
core-queue-token-dropped = कतार टोकन { $file } हटाया गया: पहले से तय अपॉइंटमेंट को कतार टोकन नहीं मिलता, इसलिए यह बिना टोकन के इंपोर्ट होता है
core-queue-token-unusable = queue_token "{ $file }" कतार टोकन नहीं है: बिना लाइन ब्रेक या कंट्रोल अक्षरों के ज़्यादा से ज़्यादा { $max } अक्षर लिखें (जैसे W-007), या ख़ाली छोड़ें
core-queue-not-today = { $what } अभी आता है और आज की कतार में जुड़ता है, इसलिए यह आज ({ $today }, क्लिनिक का समय) शुरू होता है, { $day } को नहीं: मरीज़ को { $day } को देखने के लिए पहले से तय अपॉइंटमेंट बुक करें
core-queue-not-its-day = { $today } को चेक इन नहीं हो सकता: अपॉइंटमेंट { $day } का है, और मरीज़ अपने अपॉइंटमेंट वाले दिन ही आता है ({ $what })
core-queue-check-in-later-day = उन्हें आज देखने के लिए पहले अपॉइंटमेंट को आज पर खिसकाएँ, या उन्हें वॉक-इन के रूप में जोड़ें
core-queue-check-in-day-over = वह दिन बीत गया: इसे "नहीं आए" मार्क करें, और उन्हें फिर से बुक करें या वॉक-इन के रूप में जोड़ें
core-queue-this-walk-in = यह वॉक-इन
core-queue-this-emergency = यह इमरजेंसी
core-queue-this-patient = यह मरीज़
core-queue-who-arrived-token = { $kind } आ चुका है और उसके पास कतार टोकन { $token } है
core-queue-who-arrived = { $kind } आ चुका है (चेक इन)
core-queue-who-token = { $kind } के पास कतार टोकन { $token } है
core-queue-who-queued = { $kind } कतार में है
core-queue-stays-on-its-day = { $to } पर नहीं खिसका सकते: { $who }, { $from } को, और दिन की कतार वाला मरीज़ उसी दिन रहता है ({ $from } के भीतर खिसकाने से टोकन और आगमन वैसे ही रहते हैं)। उन्हें { $to } को देखने के लिए उस दिन नया अपॉइंटमेंट बुक करें और यह रद्द करें (कारण: "{ $to } के लिए फिर से बुक")

## रिमाइंडर

core-reminder-lead-out-of-range = रिमाइंडर अपॉइंटमेंट से 1 मिनट से 8 दिन पहले तक जाता है: { $minutes } मिनट सीमा से बाहर है
core-reminder-days-out-of-range = "एक दिन पहले इस समय" 1 से 7 दिन पहले तक लेता है: { $days } सीमा से बाहर है
core-reminder-rule-no-name = नियम को नाम दें, जैसे "ईमेल 24 घंटे पहले"
core-channel-email = ईमेल
core-channel-webhook = SMS / WhatsApp
core-skip-cancelled = अपॉइंटमेंट रद्द हो गया
core-skip-moved = अपॉइंटमेंट खिसक गया; नए समय का रिमाइंडर इसकी जगह लेता है
core-skip-no-email = मरीज़ का कोई ईमेल पता नहीं है
core-skip-no-phone = मरीज़ का कोई फ़ोन नंबर नहीं है
core-skip-opted-out = मरीज़ ने रिमाइंडर न भेजने को कहा है
core-skip-too-late = इस रिमाइंडर के समय के बाद बुक हुआ या खिसका
core-skip-passed = रिमाइंडर जाने से पहले ही अपॉइंटमेंट शुरू हो गया
core-skip-arrived = मरीज़ पहले ही आ चुका है
core-skip-rule-off = नियम बंद किया गया या बदला गया
core-job-already-sent = यह रिमाइंडर पहले ही भेजा जा चुका है; इसे दोबारा भेजने के लिए "फिर से भेजें" इस्तेमाल करें
core-job-skipped = यह रिमाइंडर छोड़ा गया है ({ $reason }) और नहीं जाएगा
core-job-gave-up = यह रिमाइंडर { $attempts } बार विफल रहा; दोबारा कोशिश के लिए "फिर से भेजें" इस्तेमाल करें
core-job-not-resendable = सिर्फ़ विफल या भेजा गया रिमाइंडर फिर से भेजा जा सकता है; यह { $state } है

## रिपोर्ट

core-report-end-before-start = दायरा शुरू होने ({ $first }) से पहले ख़त्म ({ $last }) होता है: "तक" की तारीख़ "से" की तारीख़ के दिन या उसके बाद की दें
core-report-too-long = दायरे में { $days } दिन हैं; एक रिपोर्ट ज़्यादा से ज़्यादा { $max } दिन की होती है: छोटा दायरा चुनें या हर साल की अलग रिपोर्ट चलाएँ

## मरीज़ों को अलग पहचानना (इंपोर्ट, रजिस्ट्रेशन)

core-detail-name = नाम
core-detail-birth-date = जन्म तिथि
core-detail-external-id = बाहरी आईडी
core-detail-phone = फ़ोन
core-detail-email = ईमेल
core-match-quoted-name = "{ $name }"
core-match-no-name = (कोई नाम नहीं)
core-match-born = जन्म { $date }
core-match-phone = फ़ोन { $phone }
core-match-no-phone = कोई फ़ोन नहीं
core-match-email = ईमेल { $email }
core-match-external-id = बाहरी आईडी { $id }
core-match-id = आईडी { $id }
core-match-which-external-id = बाहरी आईडी { $id }
core-match-which-patient-id = मरीज़ आईडी { $id }
core-match-same-name-differs = इस डेटाबेस में { $stored } का नाम और { $agrees } वही है, पर इसमें लिखा है { $claim }: { $differs } { $count ->
    [one] अलग है
   *[other] अलग हैं
}, इसलिए हो भी सकता है कि यह वही मरीज़ हो, और नहीं भी
core-match-belongs-to = { $which } इस डेटाबेस में { $stored } की है, पर इसमें लिखा है { $claim }: { $differs } { $count ->
    [one] अलग है
   *[other] अलग हैं
}
core-match-more = { $count } और
core-match-several-fit = { $count } रजिस्टर्ड मरीज़ { $shared } से मेल खाते हैं: { $listed }
core-match-new-patient-differs = नए मरीज़ की आईडी बुकिंग वाले मरीज़ से अलग है
core-match-by-phone = वही फ़ोन
core-match-by-name-and-birth = वही नाम और जन्म तिथि
core-match-registered-by = { $patient } ({ $by })
core-match-already-registered = पहले से रजिस्टर्ड: { $listed }। बुक करने के लिए उन्हें चुनें, या फिर भी "{ $name }" को नए मरीज़ के रूप में रजिस्टर करें।

## स्टाफ़ के लिए सूचनाएँ (डेस्कटॉप नोटिफ़िकेशन)

core-notice-arrived = { $patient } आ गए हैं
core-notice-arrived-for = { $doctor } के लिए।
core-notice-overdue = देर हो रही है: { $patient }, { $doctor } के साथ
core-notice-overdue-waiting = { $minutes } मिनट पहले का समय था; मरीज़ इंतज़ार कर रहा है।
core-notice-overdue-not-arrived = { $minutes } मिनट पहले का समय था; मरीज़ अभी नहीं आया।
core-notice-reminders-failed = { $count } रिमाइंडर विफल रहे
core-notice-reminders-failed-example = उदाहरण: { $error }। रिमाइंडर → आउटबॉक्स देखें।
core-notice-reminder-failed = { $patient } को रिमाइंडर विफल रहा
core-notice-reminder-gave-up = { $error } अब और कोशिश नहीं होगी: आउटबॉक्स से इसे फिर से भेजें।
core-notice-reminder-retry = { $error } इसे फिर से भेजने की कोशिश होगी।

## वेटलिस्ट एंट्री खाली हुए स्लॉट में क्यों नहीं बैठती

core-misfit-not-waiting = इंतज़ार में नहीं
core-misfit-other-clinic = दूसरे क्लिनिक में इंतज़ार कर रहे हैं
core-misfit-own-slot = यह उनका अपना अपॉइंटमेंट था
core-misfit-other-doctor = कोई दूसरा डॉक्टर चाहते हैं
core-misfit-past = स्लॉट शुरू हो चुका है
core-misfit-too-short = उनकी विज़िट के लिए स्लॉट छोटा है
core-misfit-weekday = उस दिन नहीं आ सकते
core-misfit-window = उनके आ सकने के समय से बाहर
core-misfit-before-earliest = उनकी सबसे पहली तारीख़ से पहले
core-misfit-after-latest = उनकी आख़िरी तारीख़ के बाद
core-misfit-not-earlier = उनके पहले से बुक अपॉइंटमेंट से पहले नहीं

## एक्सेस लॉग

core-access-signed-in = साइन इन किया
core-access-sign-in-failed = साइन इन विफल
core-access-signed-out = साइन आउट किया
core-access-opened-appointment = अपॉइंटमेंट खोला
core-access-searched-patients = मरीज़ खोजे
core-access-printed-day-sheet = दिन की शीट प्रिंट की
core-access-exported = एक्सपोर्ट किया
core-access-imported = इंपोर्ट किया
core-access-backed-up = बैकअप लिया
core-access-restored = बैकअप से वापस लाया
core-access-changed-permission = स्टाफ़ या अनुमति बदली
core-access-read-access-log = एक्सेस लॉग पढ़ा
core-report-no-visit-type = कोई विज़िट प्रकार नहीं

## मीटिंग लिंक ब्राउज़र में खोलना

core-open-link-not-web = "{ $link }" वेब पता (https://…) नहीं है: पहले मीटिंग लिंक ठीक करें
core-open-link-no-browser = ब्राउज़र नहीं खुल सका ({ $error }); इसकी जगह लिंक कॉपी करें: { $link }
core-lead-hours-before = { $hours } घंटे पहले
core-lead-minutes-before = { $minutes } मिनट पहले
core-lead-days-before-at = { $days ->
    [one] एक दिन पहले { $at } बजे
   *[other] { $days } दिन पहले { $at } बजे
}
core-call-order-unknown = "{ $word }" बुलाने के क्रम का कोई समूह नहीं है: emergency, due, walk_in और early इस्तेमाल करें
core-call-order-not-each-once = बुलाने के क्रम में हर समूह एक बार आता है: emergency, due, walk_in और early, किसी भी क्रम में

# प्रतीक्षा कक्ष (issue 17)
core-waiting-rule-range = { $what } { $low } से { $high } तक होना चाहिए, { $given } नहीं
core-waiting-rule-call-limit = "नहीं आए" से पहले बुलाने की संख्या
core-waiting-rule-wait = मरीज़ को चिह्नित करने से पहले प्रतीक्षा (मिनट)
core-waiting-rule-emergency-wait = आपातकालीन मरीज़ को चिह्नित करने से पहले प्रतीक्षा (मिनट)
core-waiting-rule-kiosk-early = कियोस्क कितनी जल्दी आगमन स्वीकार करे (मिनट)
core-waiting-rule-kiosk-late = कियोस्क कितनी देर तक आगमन स्वीकार करे (मिनट)
core-board-say-token = टोकन { $letter } { $number }
core-board-say-appointment = { $time } बजे का अपॉइंटमेंट
core-board-announcement = { $who }, कृपया { $to } में जाएँ
core-notice-waited-long = { $patient } बहुत देर से इंतज़ार कर रहे हैं
core-notice-waited-long-for = { $doctor } के लिए { $minutes } मिनट से इंतज़ार (क्लिनिक की सीमा { $limit } मिनट)
core-group-emergency = आपातकालीन, आने के क्रम में
core-group-due = समय पर या देर वाले अपॉइंटमेंट, समय के क्रम में
core-group-walk-in = वॉक-इन, टोकन के क्रम में
core-group-early = जल्दी आए अपॉइंटमेंट, समय के क्रम में
