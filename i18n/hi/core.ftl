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
