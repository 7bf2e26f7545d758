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
core-status-with-doctor = डॉक्टर के पास
core-status-done = हो गया
core-status-cancelled = रद्द
core-status-no-show = नहीं आए
core-status-entered-in-error = गलती से बना
core-cannot-move = "{ $status }" अपॉइंटमेंट को खिसकाया नहीं जा सकता: सिर्फ़ बुक, पक्के या आ चुके मरीज़ों वाले अपॉइंटमेंट खिसकते हैं
core-action-confirm = पक्का
core-action-check-in = चेक इन
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
core-needs-administrator = एडमिनिस्ट्रेटर की भूमिका
core-needs-role-or-above = { $role } या उससे ऊपर की भूमिका
core-signed-in-as-administrator = एडमिनिस्ट्रेटर के रूप में
core-signed-in-as = { $role } के रूप में
core-signed-in-as-service = सर्विस क्रेडेंशियल से
core-refused = { $doing } के लिए { $needs } चाहिए; आपने { $signed_in } साइन इन किया है: किसी ऐसे व्यक्ति से कहें जिसके पास यह हो
