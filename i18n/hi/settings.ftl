# सेटिंग्स पेज।

settings-title = सेटिंग्स
settings-section-clinic = क्लिनिक
settings-section-doctors = डॉक्टर
settings-section-rooms = कमरे
settings-section-visit-types = विज़िट के प्रकार
settings-section-staff = स्टाफ़
settings-section-history = इतिहास
settings-section-this-desk = यह डेस्क
settings-recorded-as = बदलाव { $actor } के नाम से दर्ज होते हैं।
settings-desk-title = यह डेस्क
settings-desk-about = यह कंप्यूटर क्या पसंद करता है, क्लिनिक चाहे जो भी हो: क्लिनिक के बाकी डेस्क अपनी पसंद रखते हैं।
settings-desk-language-note = विंडो और उसके संदेश तुरंत बदल जाते हैं; बाकी डेस्क पर कोई असर नहीं पड़ता।

## सेटिंग्स के हर फ़ॉर्म में काम आने वाले हिस्से।

settings-not-saved = कुछ भी सहेजा नहीं गया: लाल निशान वाले खाने ठीक करें, फिर दोबारा सहेजें।
settings-name = नाम
settings-colour = रंग (#rrggbb)
settings-details = विवरण
settings-saving = सहेजा जा रहा है…
settings-checking = जाँच हो रही है…
settings-active-bookable = सक्रिय: नई बुकिंग लेता है
settings-opening-hours = खुलने का समय
settings-open = खोलें
settings-remove = हटाएँ
settings-save-anyway = फिर भी सहेजें
settings-hours-closed = बंद
settings-inactive = { $name } (निष्क्रिय)
settings-saved-added = जोड़ा गया: { $what }।
settings-saved-saved = सहेजा गया: { $what }।
settings-saved-unchanged = सहेजने को कुछ नहीं: { $what } में कोई बदलाव नहीं है।
settings-what-clinic = क्लिनिक
settings-what-hours = काम के घंटे
settings-what-room-hours = कमरे का समय

## किसी बदलाव से अटकने वाले बुक अपॉइंटमेंट।

settings-stranded-saved = सहेजा गया। { $count ->
        [one] { $count } बुक अपॉइंटमेंट { $place } है
       *[other] { $count } बुक अपॉइंटमेंट { $place } हैं
    }: हर एक को खोलकर खिसकाएँ।
settings-stranded-ahead = ⚠ { $count ->
        [one] { $count } बुक अपॉइंटमेंट { $place } होगा। सहेजने पर भी वह बुक रहेगा
       *[other] { $count } बुक अपॉइंटमेंट { $place } होंगे। सहेजने पर भी वे बुक रहेंगे
    }; हर एक को खोलकर खिसकाएँ।
settings-stranded-more = … और { $count }
settings-stranded-outside-clinic-hours = खुलने के नए समय से बाहर
settings-stranded-outside-doctor-hours = नए समय से बाहर
settings-stranded-outside-room-hours = कमरे के नए समय से बाहर
settings-stranded-doctor-inactive = निष्क्रिय किए गए डॉक्टर के साथ
settings-stranded-room-inactive = निष्क्रिय किए गए कमरे में
settings-stranded-leave = इस छुट्टी में
settings-stranded-blockout = इस बंद समय में

## क्लिनिक।

settings-clinic-card = क्लिनिक
settings-clinic-name-example = जैसे लोटस फ़ैमिली क्लिनिक
settings-clinic-address = पता
settings-clinic-address-example = गली, शहर, पिनकोड
settings-clinic-zone = समय क्षेत्र (IANA नाम)
settings-clinic-slot = स्लॉट की सामान्य अवधि (मिनट)
settings-clinic-hours-hint = हर दिन की एक पंक्ति, जैसे 08:00–13:00, 14:00–20:00। जिस दिन क्लिनिक बंद हो, उसे खाली छोड़ दें।
settings-clinic-save = क्लिनिक सहेजें

## डॉक्टर।

settings-doctor-add = + डॉक्टर जोड़ें
settings-doctor-choose = बदलने के लिए कोई डॉक्टर चुनें, या नया जोड़ें।
settings-doctor-new = नया डॉक्टर
settings-doctor-name-example = जैसे डॉ. अंजलि राव
settings-doctor-specialty = विशेषज्ञता
settings-doctor-specialty-example = जैसे बाल रोग
settings-doctor-save = डॉक्टर सहेजें
settings-doctor-save-first = पहले डॉक्टर को सहेजें; फिर उनके काम के घंटे और छुट्टी भरें।
settings-doctor-hours = { $clinic } में काम के घंटे
settings-doctor-hours-hint = हर दिन की एक पंक्ति, जैसे 09:00–13:00, 14:00–18:00। जिस दिन वे काम न करें, उसे खाली छोड़ दें।
settings-doctor-save-hours = घंटे सहेजें
settings-doctor-leave = छुट्टी
settings-doctor-leave-hint = पूरे दिन (2026-12-01 से 2026-12-05), या समय के साथ (2026-12-01 14:00)।

## डॉक्टर की छुट्टी और कमरे का बंद समय।

settings-absence-from = से
settings-absence-until = तक (पूरा दिन, या कोई समय)
settings-absence-reason = कारण
settings-absence-reason-example = जैसे सालाना छुट्टी
settings-leave-add = छुट्टी जोड़ें
settings-leave-added-on = { $day } की छुट्टी जोड़ी गई।
settings-leave-added-from = { $start } से { $end } तक की छुट्टी जोड़ी गई।
settings-leave-removed = छुट्टी हटा दी गई।
settings-leave-none = पिछले हफ़्ते से अब तक कोई छुट्टी नहीं।
settings-blockout-add = बंद समय जोड़ें
settings-blockout-added-on = { $day } का बंद समय जोड़ा गया।
settings-blockout-added-from = { $start } से { $end } तक का बंद समय जोड़ा गया।
settings-blockout-removed = बंद समय हटा दिया गया।
settings-blockout-none = पिछले हफ़्ते से अब तक कोई बंद समय नहीं।

## कमरे।

settings-room-add = + कमरा जोड़ें
settings-room-choose = बदलने के लिए कोई कमरा चुनें, या नया जोड़ें।
settings-room-new = नया कमरा
settings-room-name-example = जैसे कमरा 3
settings-room-kind = प्रकार
settings-room-kind-consultation = परामर्श
settings-room-kind-procedure = प्रोसीजर
settings-room-kind-tele-booth = टेली-बूथ
settings-room-detail-own-hours = { $kind } · अपना समय
settings-room-save = कमरा सहेजें
settings-room-save-first = पहले कमरे को सहेजें; फिर उसका समय और बंद समय भरें।
settings-room-own-hours = अपना खुलने का समय (नहीं तो { $clinic } का)
settings-room-never-open = कमरा कभी नहीं खुलेगा: कम से कम एक दिन का समय दें, या "अपना खुलने का समय" से निशान हटाएँ
settings-room-save-hours = कमरे का समय सहेजें
settings-room-hours-hint = कमरा तभी खुला रहता है जब क्लिनिक भी खुला हो।
settings-room-blockouts = बंद समय
settings-room-blockouts-hint = जिस समय कमरा बुक नहीं हो सकता: सफ़ाई, रखरखाव, मरम्मत।

## विज़िट के प्रकार।

settings-visit-add = + विज़िट का प्रकार जोड़ें
settings-visit-choose = बदलने के लिए विज़िट का कोई प्रकार चुनें, या नया जोड़ें।
settings-visit-new = विज़िट का नया प्रकार
settings-visit-name-example = जैसे फ़ॉलो-अप
settings-visit-minutes = सामान्य अवधि (मिनट)
settings-visit-mode = सामान्य तरीका
settings-mode-in-clinic = क्लिनिक में
settings-mode-phone = फ़ोन
settings-mode-video = वीडियो
settings-visit-save = विज़िट का प्रकार सहेजें
settings-visit-details-hint = नई अवधि नई बुकिंग पर लागू होती है; बुक अपॉइंटमेंट अपनी अवधि रखते हैं।
settings-visit-detail = { $minutes } मिनट · { $mode }

## स्टाफ़।

settings-staff-add = + स्टाफ़ सदस्य जोड़ें
settings-staff-choose = भूमिका बदलने, नया पासवर्ड या PIN देने, या निष्क्रिय करने के लिए कोई स्टाफ़ सदस्य चुनें; या नया जोड़ें।
settings-staff-new = नया स्टाफ़ सदस्य
settings-staff-name = नाम (जैसा रिकॉर्ड में दर्ज होगा)
settings-staff-name-example = जैसे मारिया डिसूज़ा
settings-staff-role = भूमिका
settings-staff-active = सक्रिय: साइन इन कर सकते हैं
settings-staff-save = स्टाफ़ सदस्य सहेजें
settings-staff-save-first = पहले स्टाफ़ सदस्य को सहेजें
settings-staff-details-hint = पुराने स्टाफ़ इतिहास में बने रहते हैं; उनका नाम बदलने के बजाय उन्हें निष्क्रिय करें।
settings-staff-sign-in = साइन इन
settings-staff-sign-in-hint = दोनों में से कोई भी फिर कभी नहीं दिखता: भूल जाने पर यहीं नया दें।
settings-staff-new-password = नया पासवर्ड (8 से 256 अक्षर)
settings-staff-new-pin = नया PIN (4 से 8 अंक, डेस्क पर उपयोगकर्ता बदलने के लिए)
settings-staff-set-password = पासवर्ड सेट करें
settings-staff-set-pin = PIN सेट करें
settings-staff-password-set = { $name } के लिए नया पासवर्ड सेट हो गया।
settings-staff-pin-set = { $name } के लिए नया PIN सेट हो गया।

## सेटअप का इतिहास: "जोड़ा गया: डॉक्टर Dr. Rao"।

settings-history-title = सेटअप के हाल के बदलाव
settings-history-none = अभी तक सेटअप का कोई बदलाव दर्ज नहीं हुआ।
settings-history-line = { $action }: { $what }
settings-history-created = जोड़ा गया
settings-history-updated = बदला गया
settings-history-removed = हटाया गया
settings-history-clinic = क्लिनिक { $subject }
settings-history-doctor = डॉक्टर { $subject }
settings-history-doctor-hours = { $subject } के काम के घंटे
settings-history-doctor-leave = { $subject } की छुट्टी
settings-history-room = कमरा { $subject }
settings-history-room-hours = { $subject } के खुलने का समय
settings-history-room-blockout = { $subject } का बंद समय
settings-history-visit-type = विज़िट का प्रकार { $subject }
settings-history-staff = स्टाफ़ सदस्य { $subject }
settings-history-reminder-rule = रिमाइंडर नियम { $subject }
settings-history-reminder-settings = रिमाइंडर चैनल और क्लिनिक की भाषा
settings-history-reminder-opt-out = मरीज़ { $subject } के रिमाइंडर बंद या चालू किए गए
settings-history-reminder-job = रिमाइंडर { $subject } फिर से भेजा गया
settings-history-patient-language = मरीज़ { $subject } के रिमाइंडर की भाषा
settings-section-waiting-room = प्रतीक्षा कक्ष
settings-waiting-loading = प्रतीक्षा कक्ष के नियम पढ़ रहे हैं…
settings-waiting-order = बुलाने का क्रम
settings-waiting-order-hint = "अगले को बुलाएँ" पहले उस समूह से बुलाता है जिसमें कोई प्रतीक्षा में है, फिर अगले से।
settings-waiting-calls = बुलावे और प्रतीक्षा
settings-waiting-calls-hint = इतनी बार बुलाने पर भी न आने वाला मरीज़ "नहीं आए" माना जाता है; इससे लंबी प्रतीक्षा Today पैनल पर चिह्नित होती है और एक बार बताई जाती है।
settings-waiting-call-limit = "नहीं आए" से पहले बुलावे (1–9)
settings-waiting-wait = बहुत लंबी प्रतीक्षा (मिनट)
settings-waiting-emergency-wait = आपातकालीन के लिए (मिनट)
settings-waiting-board = कतार बोर्ड
settings-waiting-board-hint = बोर्ड कभी पूरा नाम, फ़ोन नंबर या कारण नहीं दिखाता।
settings-board-shows = मरीज़ दिखाए जाते हैं
settings-board-shows-token = केवल टोकन या बुकिंग के समय से
settings-board-shows-initials = टोकन और नाम के पहले अक्षरों से
settings-board-announce = हर बुलावे पर घंटी और घोषणा
settings-waiting-kiosk = खुद चेक इन कियोस्क (बुकिंग के समय से पहले और बाद के मिनट)
settings-kiosk-early = से (मिनट पहले)
settings-kiosk-late = तक (मिनट बाद)
settings-waiting-save = प्रतीक्षा कक्ष के नियम सहेजें
settings-waiting-saved = प्रतीक्षा कक्ष के नियम सहेज दिए गए।
settings-waiting-managers = ये नियम केवल मैनेजर या एडमिनिस्ट्रेटर बदलते हैं।
settings-waiting-not-a-number = { $what }: पूरी संख्या लिखें
settings-history-waiting-room = प्रतीक्षा कक्ष के नियम
