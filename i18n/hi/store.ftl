# जब स्टोर कोई काम नहीं कर पाता: क्या हुआ और क्या करें।

store-not-frontdesk = { $file } Frontdesk का डेटाबेस नहीं है (यह किसी और तरह की फ़ाइल है): Frontdesk की कोई .sqlite3 फ़ाइल चुनें, या नया क्लिनिक शुरू करने के लिए फ़ाइल का नया नाम दें
store-encrypted = { $file } एन्क्रिप्टेड है: इसे खोलने के लिए साइन इन करें (कुछ नहीं बदला गया)
store-wrong-key = { $file } इस कुंजी से नहीं खुलता: यह कुंजी किसी दूसरे क्लिनिक के डेटाबेस की है, या इसकी नहीं है; इसी क्लिनिक के किसी खाते से साइन इन करें (कुछ नहीं बदला गया)
store-not-encrypted = { $file } एन्क्रिप्टेड नहीं है: इसे कुंजियों से साइन इन किए बिना खोलें, या पहले एन्क्रिप्ट करें (कुछ नहीं बदला गया)
store-unknown-scheme = "{ $scheme }:" ऐसा डेटाबेस नहीं है जिसे Frontdesk खोल सके (जाने-पहचाने URL प्रकार: { $known }); SQLite डेटाबेस के लिए फ़ाइल का पाथ दें, और अगर उसका नाम ऐसे ही शुरू होता है तो ./{ $scheme }:… लिखें
store-not-for-this-engine = { $what } Frontdesk { $locator } के लिए नहीं करता: वह डेटाबेस यहाँ किसी फ़ाइल में नहीं रखा है; डेटाबेस सर्वर के अपने बैकअप इस्तेमाल करें
store-restore-onto-server = { $server } की जगह सीधे नहीं बदली जाती: सर्वर पर एक नया, खाली डेटाबेस बनाएँ, उसके पते के साथ `frontdesk --db BACKUP-FILE migrate --to` चलाएँ, `frontdesk --db NEW-ADDRESS check` से जाँचें, फिर डेस्कों को उस पर लगाएँ
store-newer-version = { $file } Frontdesk के नए संस्करण ने लिखी है (स्कीमा संस्करण { $found }; यह संस्करण { $supported } तक जानता है): इसे खोलने के लिए Frontdesk अपडेट करें
store-server-unavailable = डेटाबेस सर्वर { $server } तक नहीं पहुँच पा रहे: { $reason }। देखें कि सर्वर चल रहा है, यह PC उस तक पहुँच सकता है, और --db या FRONTDESK_DB में दिया पता सही है; कुछ नहीं बदला गया
store-server-without-tls = सर्वर TLS नहीं देता, और Frontdesk मरीज़ों का कोई डेटा नेटवर्क पर बिना सुरक्षा के नहीं भेजता: सर्वर पर TLS सेट करें (README, "Several desks"), या भरोसेमंद नेटवर्क पर पते में sslmode=disable जोड़ें
store-foreign-database = डेटाबेस { $server } में पहले से ऐसी टेबलें हैं जो Frontdesk की नहीं हैं: Frontdesk को उसका अपना खाली डेटाबेस दें (जैसे CREATE DATABASE frontdesk OWNER frontdesk)
store-newer-server-version = डेटाबेस { $server } Frontdesk के नए संस्करण ने बनाया है (स्कीमा संस्करण { $found }; यह संस्करण { $supported } तक जानता है): इसे इस्तेमाल करने के लिए इस PC पर Frontdesk अपडेट करें
store-slot-just-taken = यह समय अभी-अभी दूसरी डेस्क पर ले लिया गया: कैलेंडर में अब दिख रहा है; कोई और समय चुनें। कुछ नहीं बदला गया
store-server-busy = दूसरी डेस्क { $seconds } सेकंड से एक बदलाव सहेज रही है और इस डेस्क ने काफ़ी इंतज़ार कर लिया: कुछ नहीं बदला गया; थोड़ी देर में फिर कोशिश करें
store-read-only = { $file } केवल पढ़ने के लिए है: ख़ुद को लिखने की अनुमति दें (chmod u+w) या इसकी कॉपी खोलें
store-read-only-folder = फ़ोल्डर { $folder } केवल पढ़ने के लिए है: Frontdesk अपनी जर्नल और लॉक फ़ाइलें डेटाबेस के पास लिखता है, इसलिए उसे वहाँ लिखने की अनुमति चाहिए (फ़ोल्डर पर chmod u+w), या डेटाबेस को ऐसे फ़ोल्डर में ले जाएँ जहाँ आप लिख सकें
store-lock-file = { $file } नहीं खुल रही, जो डेटाबेस के पास Frontdesk की एक लॉक फ़ाइल है: यह किसी दूसरे यूज़र की है (शायद Frontdesk sudo से चलाने के बाद); इसे वापस अपने नाम करें (उस पर `sudo chown $USER`) या जब कोई Frontdesk न चल रहा हो तब इसे हटा दें
store-read-only-file-system = { $file } केवल पढ़ने वाले फ़ाइल सिस्टम पर है (केवल पढ़ने के लिए माउंट, या ऐसी डिस्क जिसे सिस्टम ने गड़बड़ियों के बाद केवल पढ़ने वाली कर दिया): डेटाबेस को लिखने लायक डिस्क पर कॉपी करें, या अपने IT वाले से इसे फिर से माउंट करवाएँ
store-restoring = { $file } बैकअप से वापस लाई जा रही है (एक मिनट से ज़्यादा से): उसके पूरा होने तक रुकें, फिर दोबारा कोशिश करें
store-damaged = { $file } ख़राब हो गई है ({ $summary }); इसमें कुछ नहीं लिखा गया, और जब तक इसे बैकअप से वापस नहीं लाया जाता Frontdesk इसमें नहीं लिखेगा। कौन-से बैकअप ठीक हैं यह देखने के लिए `frontdesk check` चलाएँ, फिर सबसे नया ठीक बैकअप `frontdesk restore FILE` से वापस लाएँ
store-damaged-with-backup = { $file } ख़राब हो गई है ({ $summary }); इसमें कुछ नहीं लिखा गया, और जब तक इसे बैकअप से वापस नहीं लाया जाता Frontdesk इसमें नहीं लिखेगा। कौन-से बैकअप ठीक हैं यह देखने के लिए `frontdesk check` चलाएँ, फिर सबसे नया ठीक बैकअप `frontdesk restore FILE` से वापस लाएँ (सबसे नया रोज़ का बैकअप { $backup } है)
store-locked = { $file } किसी दूसरी Frontdesk विंडो या प्रोसेस में इस्तेमाल हो रही है: थोड़ा रुकें या दूसरी बंद करें, फिर दोबारा कोशिश करें
store-io = { $file } इस्तेमाल नहीं हो पा रही: { $error }; देखें कि फ़ोल्डर मौजूद है और आप वहाँ लिख सकते हैं
store-not-found = "{ $name }" से कोई { $what } नहीं मिला{ $hint }
store-ambiguous = "{ $name }" से कई { $what } मिलते हैं: { $candidates }; और साफ़ लिखें
store-refused =
    मना किया गया, कुछ नहीं बदला गया:
    { $problems }
store-no-time-left-today = { $doctor } के पास आज { $minutes } मिनट का खाली समय नहीं बचा: कोई दूसरा डॉक्टर चुनें, या मरीज़ को इमरजेंसी में देखें
store-no-time-left-today-any-doctor = आज किसी डॉक्टर के पास { $minutes } मिनट का खाली समय नहीं बचा: कोई दूसरा डॉक्टर चुनें, या मरीज़ को इमरजेंसी में देखें
store-sign-in-needed = विंडो लॉक है: आगे बढ़ने के लिए फिर से साइन इन करें
store-no-longer-active = आप अब यहाँ सक्रिय स्टाफ़ नहीं हैं (किसी एडमिनिस्ट्रेटर ने बदला है): कुछ नहीं बदला गया; विंडो लॉक करें और किसी और को साइन इन करने दें
store-corrupt = डेटाबेस में ऐसा मान है जिसे Frontdesk पढ़ नहीं सकता ({ $value }): `frontdesk check` चलाएँ
store-database = डेटाबेस की गड़बड़ी: { $error }

## चीज़ों के प्रकार, जैसे store-not-found और store-ambiguous उन्हें कहते हैं

store-thing-appointment = अपॉइंटमेंट
store-thing-blockout = ब्लॉकआउट
store-thing-clinic = क्लिनिक
store-thing-doctor = डॉक्टर
store-thing-doctor-or-room = डॉक्टर या कमरा
store-thing-leave = छुट्टी
store-thing-password = पासवर्ड
store-thing-patient = मरीज़
store-thing-reminder = रिमाइंडर
store-thing-room = कमरा
store-thing-series = सीरीज़
store-thing-service-credential = सर्विस क्रेडेंशियल
store-thing-staff-member = स्टाफ़ सदस्य
store-thing-visit-type = विज़िट का प्रकार
store-thing-waitlist-entry = वेटलिस्ट एंट्री

## कुंजियाँ और एन्क्रिप्शन

store-cipher-wrong-password = { $label } के लिए पासवर्ड सही नहीं है: फिर से लिखें (कोई एडमिनिस्ट्रेटर नया सेट कर सकता है); कुछ नहीं बदला गया
store-cipher-no-such-slot = { $file } में { $label } का कोई कुंजी-स्लॉट नहीं है: किसी एडमिनिस्ट्रेटर को इसे जोड़ना होगा
store-cipher-bad-label = कुंजी-स्लॉट का लेबल स्टाफ़ आईडी या नाम होता है: ख़ाली नहीं, ज़्यादा से ज़्यादा 200 अक्षर, कोई कंट्रोल अक्षर नहीं
store-cipher-slot-exists = { $label } का कुंजी-स्लॉट पहले से है: इसकी जगह उसे बदलें
store-cipher-last-password-slot = { $label } आख़िरी व्यक्ति हैं जो पासवर्ड से डेटाबेस खोल सकते हैं: पहले किसी और का स्लॉट जोड़ें
store-cipher-wrong-recovery-key = यह रिकवरी कुंजी { $file } की नहीं है: यह किसी दूसरे डेटाबेस की या पुरानी कुंजी है; इस क्लिनिक के लिए छपी शीट ढूँढें
store-cipher-recovery-key-typo = इस रिकवरी कुंजी में टाइपिंग की गलती है ({ $mistake }): इसे छपी शीट से, एक-एक समूह करके मिलाएँ
store-cipher-typo-character = इसमें ऐसा अक्षर है जो किसी रिकवरी कुंजी में नहीं होता
store-cipher-typo-too-short = यह बहुत छोटी है: रिकवरी कुंजी में 8 समूहों में 40 अक्षर होते हैं
store-cipher-typo-too-long = यह बहुत लंबी है: रिकवरी कुंजी में 8 समूहों में 40 अक्षर होते हैं
store-cipher-typo-checksum = इसका चेकसम मेल नहीं खाता: कोई अक्षर गलत है या दो अक्षर आपस में बदल गए हैं
store-cipher-wrong-key = { $file } इस कुंजी से नहीं खुलता (यह इस डेटाबेस की कुंजी नहीं है): इसी क्लिनिक के किसी खाते से साइन इन करें; कुछ नहीं बदला गया
store-cipher-keys-missing = इस एन्क्रिप्टेड डेटाबेस की कुंजियों की फ़ाइल { $file } नहीं मिल रही: इसे बैकअप फ़ोल्डर से (हर बैकअप के पास उसकी .keys फ़ाइल होती है) या जहाँ से कॉपी की थी वहाँ से वापस लाएँ; इसके बिना सिर्फ़ कोई बैकअप और उसकी कुंजियाँ काम आ सकती हैं
store-cipher-other-clinic = { $keys } किसी और क्लिनिक की है, { $database } की नहीं: वही कुंजियों की फ़ाइल इस्तेमाल करें जो इस डेटाबेस या बैकअप के साथ आई थी; कुछ नहीं बदला गया
store-cipher-damaged-keys = { $file } पढ़ने लायक कुंजियों की फ़ाइल नहीं है ({ $why }): इसे किसी बैकअप से वापस लाएँ
store-cipher-newer-keys-format = { $file } Frontdesk के नए संस्करण ने लिखी है (कुंजियों का फ़ॉर्मैट { $found }): Frontdesk अपडेट करें
store-cipher-already-encrypted = { $file } पहले से एन्क्रिप्टेड है: कुछ नहीं बदला गया
store-cipher-not-convertible = { $file } सादा Frontdesk डेटाबेस नहीं है ({ $why }): कुछ नहीं बदला गया
store-cipher-in-use = { $file } किसी दूसरी Frontdesk विंडो या प्रोसेस में खुली है: उन्हें बंद करें, फिर दोबारा कोशिश करें (कुछ नहीं बदला गया)
store-cipher-copy-failed = { $file } की एन्क्रिप्टेड कॉपी अपनी जाँच में पास नहीं हुई ({ $why }): मूल फ़ाइल को छुआ नहीं गया और वही इस्तेमाल में है
store-cipher-not-plaintext-copy = { $file } इस डेटाबेस की सादी कॉपी नहीं है: इसे हटाया नहीं गया
store-cipher-pin-not-allowed = PIN से डेटाबेस नहीं खुलता: अपने पासवर्ड से साइन इन करें
store-cipher-crypto = अभी कुंजी नहीं बन सकी ({ $why }); फिर से कोशिश करें
store-cipher-io = { $file } इस्तेमाल नहीं हो पा रही: { $error }
store-cipher-database = { $file } पर डेटाबेस की गड़बड़ी: { $details }

## बैकअप और रिस्टोर

store-backup-not-database = { $file } न डेटाबेस फ़ाइल है न Frontdesk बैकअप (यह ख़राब हो सकती है, या कुछ और है): Frontdesk का बैकअप चुनें (.sqlite3 या .fdbackup)
store-backup-damaged = { $file } ख़राब है ({ $details }): इसे वापस नहीं लाया जा सकता; कोई पुराना बैकअप चुनें
store-backup-source-damaged = { $file } ख़राब है ({ $details }): इसका बैकअप नहीं बना; क्या गड़बड़ है और कौन-सा बैकअप वापस लाना है, यह देखने के लिए `frontdesk check` चलाएँ
store-backup-copy-damaged = { $file } में लिखी कॉपी ख़राब निकली, जबकि डेटाबेस ठीक है: वहाँ की डिस्क या पेन ड्राइव ख़राब हो रही हो सकती है; किसी दूसरी जगह बैकअप लें
store-backup-newer-format = { $file } Frontdesk के नए संस्करण ने लिखी है (बैकअप फ़ॉर्मैट { $found }): Frontdesk अपडेट करें, फिर इसे वापस लाएँ
store-backup-destination-folder = { $file } एक फ़ोल्डर है: बैकअप के लिए फ़ाइल का नाम चुनें
store-backup-destination-not-regular = { $file } सामान्य फ़ाइल नहीं है (डिवाइस या पाइप है): बैकअप के लिए फ़ाइल का नाम चुनें
store-backup-destination-open-database = { $file } Frontdesk का डेटाबेस है जो किसी विंडो या कमांड में खुला है: बैकअप के लिए फ़ाइल का नाम चुनें
store-backup-bad-destination = { $file } { $why }: बैकअप के लिए फ़ाइल का नाम चुनें
store-backup-unusable = { $file } वापस नहीं लाई जा सकती: { $why }
store-backup-not-frontdesk = { $file } किसी दूसरे प्रोग्राम का डेटाबेस है, Frontdesk का बैकअप नहीं: कुछ वापस नहीं लाया गया
store-backup-newer = { $file } Frontdesk के नए संस्करण ने लिखी है (स्कीमा संस्करण { $found }; यह संस्करण { $supported } तक जानता है): Frontdesk अपडेट करें, फिर वापस लाएँ
store-backup-in-use = { $file } किसी दूसरी Frontdesk विंडो या प्रोसेस में खुली है (या उसका रोज़ का बैकअप चल रहा है): दूसरी विंडो बंद करें और चल रही कमांड पूरी होने दें, फिर दोबारा वापस लाएँ (कुछ नहीं बदला गया)
store-backup-same-file = { $file } ख़ुद डेटाबेस है: कोई दूसरा फ़ाइल नाम चुनें
store-backup-io = { $file } इस्तेमाल नहीं हो पा रही: { $error }; देखें कि फ़ोल्डर मौजूद है, आप वहाँ लिख सकते हैं और डिस्क में जगह है
store-backup-encrypted = { $file } एन्क्रिप्टेड है: इसे इस्तेमाल करने के लिए साइन इन करें (या उस बैकअप की रिकवरी कुंजी दें); कुछ नहीं बदला गया
store-backup-wrong-key = { $file } दी गई कुंजी से नहीं खुलता: उस बैकअप की कुंजियों की फ़ाइल का कोई पासवर्ड या रिकवरी कुंजी इस्तेमाल करें; कुछ नहीं बदला गया
store-backup-other-clinic = { $file } किसी दूसरे क्लिनिक का बैकअप है: यह इस क्लिनिक के डेटाबेस की जगह नहीं ले सकता; कुछ नहीं बदला गया
store-backup-plain-over-encrypted = { $file } डेटाबेस के एन्क्रिप्ट होने से पहले का सादा बैकअप है: इसे एन्क्रिप्टेड डेटाबेस पर वापस नहीं लाया जाता; इसे नए फ़ाइल नाम पर वापस लाकर एन्क्रिप्ट करें, या कोई नया बैकअप चुनें (कुछ नहीं बदला गया)
store-backup-sqlite = { $file } कॉपी करते समय डेटाबेस की गड़बड़ी: { $details }
store-backup-file-header = इसका हेडर Frontdesk बैकअप का नहीं है ({ $why })
store-backup-file-missing-base = इसे अपने पास पूरा बैकअप { $file } चाहिए, जो नहीं मिल रहा: कोई पुराना या नया रोज़ का बैकअप वापस लाएँ
store-backup-file-wrong-base = पास रखा पूरा बैकअप { $file } वह नहीं है जिससे यह बना था (उसे बदल दिया गया): वही पूरा बैकअप वापस लाएँ, या कोई और रोज़ का बैकअप
store-backup-file-base-not-full = जिस फ़ाइल को यह अपना पूरा बैकअप बताता है, { $file }, वह पूरा बैकअप नहीं है: कोई और रोज़ का बैकअप वापस लाएँ
store-backup-file-base-damaged = इसका पूरा बैकअप { $file } ख़राब है ({ $details }): कोई और रोज़ का बैकअप वापस लाएँ
store-backup-file-version = यह बैकअप फ़ॉर्मैट { $version } में लिखा है, जिसे यह Frontdesk नहीं पढ़ सकता: Frontdesk अपडेट करें, फिर इसे वापस लाएँ
store-backup-file-checksum = इससे जो वापस मिलता है वह बैकअप किए गए से मेल नहीं खाता (चेकसम): फ़ाइल ख़राब है

## साइन इन के बाद का काम: कौन क्या कर सकता है, एन्क्रिप्शन, स्टाफ़

store-guard-other-database = वह साइन इन किसी दूसरे डेटाबेस में था: इस डेटाबेस में साइन इन करें
store-guard-encrypt-server = डेटाबेस सर्वर की डिस्क एन्क्रिप्ट करना सर्वर का काम है (README, "Several desks"): कुछ नहीं बदला गया
store-guard-already-encrypted = यह डेटाबेस फ़ाइल पहले से एन्क्रिप्टेड है: कुछ नहीं बदला गया
store-guard-encrypt-for-themselves = डेटाबेस को साइन इन किया हुआ एडमिनिस्ट्रेटर अपने लिए ही एन्क्रिप्ट करता है: कुछ नहीं बदला गया
store-guard-not-your-password = यह आपका पासवर्ड नहीं है (जिससे आप साइन इन करते हैं): कुछ नहीं बदला गया
store-guard-not-your-password-tries-left = यह आपका पासवर्ड नहीं है (जिससे आप साइन इन करते हैं){ $left ->
    [one] ; एक और गलत कोशिश पर आपका खाता कुछ देर के लिए लॉक हो जाएगा
   *[other] ; आपका खाता लॉक होने से पहले { $left } कोशिशें बाकी हैं
}: कुछ नहीं बदला गया
store-guard-nothing-changed = { $error }: कुछ नहीं बदला गया
store-guard-password-not-yours = वह पासवर्ड आपका नहीं है: कुछ नहीं बदला गया
store-guard-access-log-failed = एक्सेस लॉग इसे दर्ज नहीं कर सका ({ $error })
store-guard-sign-in-recorded-by-signing-in = साइन इन सिर्फ़ साइन इन करने से ही दर्ज होता है
store-guard-has-administrator = इस डेटाबेस में पहले से एक एडमिनिस्ट्रेटर है: सेटिंग्स में स्टाफ़ जोड़ें
store-guard-logged-by-frontdesk = “{ $kind }” Frontdesk ख़ुद दर्ज करता है
store-guard-last-password = { $name } आख़िरी व्यक्ति हैं जिनका पासवर्ड यह एन्क्रिप्टेड डेटाबेस खोलता है: पहले किसी दूसरे एडमिनिस्ट्रेटर को नया पासवर्ड दें (सेटिंग्स, स्टाफ़), फिर दोबारा कोशिश करें; कुछ नहीं बदला गया
store-unlock-service-name = यह एक सर्विस क्रेडेंशियल का नाम है, जो अपनी फ़ाइल से साइन इन करता है (--service-credential): अपने नाम से साइन इन करें
store-unlock-no-writes = डेटाबेस में कुछ लिखा नहीं जा सकता
store-unlock-already-a-database = { $file } में पहले से एक डेटाबेस है: उसे खोलें, या नई फ़ाइल चुनें

## अपॉइंटमेंट इंपोर्ट: पंक्ति क्यों मना हुई, स्टाफ़ को क्या जानना चाहिए

store-import-no-such-id = इस डेटाबेस में किसी { $what } की आईडी { $id } नहीं है
store-import-several-named = { $name } नाम के कई { $what } हैं: इसकी जगह { $what } की आईडी दें
store-import-none-named = इस डेटाबेस में { $name } नाम का कोई { $what } नहीं है: पहले उसे जोड़ें, या नाम ठीक करें (मौजूद: { $known })
store-import-twice-in-file-zone = { $wall } फ़ाइल के टाइम ज़ोन में दो बार आता है (घड़ियाँ पीछे होती हैं): पहले वाला लिया
store-import-twice = { $wall } { $zone } में दो बार आता है (घड़ियाँ पीछे होती हैं): पहले वाला लिया
store-import-overbook-hint = { $problems } (फिर भी स्वीकार करने के लिए ओवरबुक के कारण के साथ इंपोर्ट करें)
store-import-overbook-hint-partly = { $problems } (ओवरबुक का कारण सिर्फ़ दोहरी बुकिंग को स्वीकार करेगा: बाकी फ़ाइल में ठीक करें)
store-import-times-disagree = { $what } "{ $stated }" और { $read_from } "{ $read }" मेल नहीं खाते: { $read_from }, { $zone } में { $wall } है; जो गलत है उसे ठीक करें, या दूसरे को ख़ाली करें
store-import-minutes-disagree = minutes "{ $minutes }" और अंत मेल नहीं खाते: { $start } से { $end } तक { $length } मिनट हैं; जो गलत है उसे ठीक करें, या दूसरे को ख़ाली करें
store-import-repeats-line = यह पंक्ति लाइन { $first } के अपॉइंटमेंट को दोहराती है (वही आईडी)
store-import-no-doctor = कोई डॉक्टर नहीं: पंक्ति में डॉक्टर का नाम दें, या पूरी फ़ाइल के लिए डॉक्टर चुनें
store-import-no-doctor-short = कोई डॉक्टर नहीं
store-import-length-beyond-dates = { $minutes } मिनट की लंबाई किसी भी तारीख़ से आगे ख़त्म होती है: अपॉइंटमेंट ज़्यादा से ज़्यादा { $max } मिनट का होता है
store-import-patient-not-registered = मरीज़ { $name } रजिस्टर्ड नहीं है: पहले मरीज़ इंपोर्ट करें, या उनका patient_id जोड़ें
store-import-stranded = { $conflicts }: जैसा है वैसा इंपोर्ट किया, क्योंकि सेटिंग बदलने से अपॉइंटमेंट अटक जाता है; इसे खिसकाएँ, या सेटिंग बदलें
store-import-clash-in-file = { $conflict }, इस फ़ाइल की लाइन { $line } वाली पंक्ति
store-import-walk-in-token-given = फ़ाइल में इस वॉक-इन का कोई कतार टोकन नहीं है: इसे { $token } मिलता है, जो { $day } का अगला ख़ाली टोकन है
store-import-emergency-token-given = फ़ाइल में इस इमरजेंसी का कोई कतार टोकन नहीं है: इसे { $token } मिलता है, जो { $day } का अगला ख़ाली टोकन है

## store-not-found के बाद की सलाह ("; " से शुरू)

store-hint-choose-registered-patient = ; कोई रजिस्टर्ड मरीज़ चुनें
store-hint-copy-id-from-agenda = ; आईडी `frontdesk agenda` से कॉपी करें
store-hint-removed-at-another-desk = ; हो सकता है उन्हें किसी दूसरी डेस्क पर हटा दिया गया हो
store-hint-removed-reload-staff = ; हो सकता है उन्हें किसी दूसरी डेस्क पर हटा दिया गया हो: स्टाफ़ की सूची फिर से लोड करें
store-hint-pick-from-outbox = ; आउटबॉक्स से कोई एक चुनें
store-hint-copy-id-from-waitlist = ; आईडी `frontdesk waitlist list` से कॉपी करें
store-hint-doctor-and-room-must-exist = ; डॉक्टर और कमरा मौजूद होने चाहिए, और कमरा इसी क्लिनिक का होना चाहिए
store-hint-removed-reload-settings = ; हो सकता है इसे किसी दूसरी डेस्क पर हटा दिया गया हो: सेटिंग्स फिर से लोड करें
store-hint-removed-already = ; हो सकता है इसे किसी दूसरी डेस्क पर पहले ही हटा दिया गया हो

## वेटलिस्ट

store-waitlist-doctor-inactive = { $doctor } अब बुकिंग नहीं लेते: कोई दूसरा डॉक्टर या "कोई भी डॉक्टर" चुनें
store-waitlist-held-not-theirs = अपॉइंटमेंट { $appointment } इस क्लिनिक में { $patient } का नहीं है: उनका अपना कोई अपॉइंटमेंट दें, या कोई नहीं
store-waitlist-held-holds-no-time = अपॉइंटमेंट { $appointment } "{ $status }" है: इसमें बेहतर करने लायक कोई समय नहीं है; इसे छोड़ दें
store-waitlist-already-waiting = { $patient } पहले से { $doctor } की वेटलिस्ट में हैं ({ $since } से): उसी एंट्री को बदलें
store-waitlist-already-waiting-any-doctor = { $patient } पहले से किसी भी डॉक्टर की वेटलिस्ट में हैं ({ $since } से): उसी एंट्री को बदलें
store-waitlist-keeps-patient = वेटलिस्ट एंट्री का मरीज़ और क्लिनिक नहीं बदलता: इसे हटाकर नई जोड़ें
store-waitlist-booking-not-for-them = यह बुकिंग { $patient } के लिए नहीं है, जिनकी यह वेटलिस्ट एंट्री है: उन्हें बुक करें, या वेटलिस्ट के बिना बुक करें
store-waitlist-already-registered = वेटलिस्ट वाला मरीज़ पहले से रजिस्टर्ड है: उन्हें नए मरीज़ के बिना बुक करें

## सीरीज़ और उसके अपॉइंटमेंट

store-occurrence-not-in-series = यह अपॉइंटमेंट किसी सीरीज़ का हिस्सा नहीं है: इसे अकेले बदलें
store-occurrence-only-cancel = कई अपॉइंटमेंट पर सिर्फ़ रद्द करना लागू होता है
store-occurrence-left-as-it-is = जैसा था वैसा छोड़ा: { $status }
store-occurrence-left-in-old-series = पुरानी सीरीज़ में छोड़ा: { $status }
store-occurrence-not-a-rule-date = जैसा था वैसा छोड़ा: सीरीज़ के नियम की तारीख़ नहीं है
store-occurrence-refused-move = मना किया गया बदलाव लिखा नहीं जा सकता
store-occurrence-cannot-move =
    { $count } में से { $refused } अपॉइंटमेंट वहाँ नहीं खिसक सकते, इसलिए कुछ नहीं बदला गया:
    { $list }
    कोई और समय चुनें, कारण के साथ ओवरबुक करें, या उन्हें एक-एक करके खिसकाएँ
store-occurrence-say-how = बताएँ कि कैसे खिसकाना है: कितने दिन, नया समय, या दोनों
store-occurrence-too-far = { $days } दिन एक साल से ज़्यादा है: किसी भी तरफ़ ज़्यादा से ज़्यादा 366 दिन खिसकाएँ
store-occurrence-of = { $date } का अपॉइंटमेंट: { $error }
store-series-local-start = सीरीज़ क्लिनिक के स्थानीय समय (YYYY-MM-DD HH:MM) पर शुरू होती है, जिसे हर अपॉइंटमेंट रखता है
store-series-not-scheduled = वॉक-इन और इमरजेंसी दोहराए नहीं जाते: सीरीज़ को पहले से तय अपॉइंटमेंट के रूप में बुक करें
store-series-overbook-reason = बताएँ कि आप सीरीज़ को ओवरबुक क्यों कर रहे हैं: कारण हर अपॉइंटमेंट के इतिहास में जाता है
store-series-conflicts =
    { $count } में से { $conflicting } अपॉइंटमेंट टकराते हैं, इसलिए कुछ नहीं सहेजा गया:
    { $list }
    उन अपॉइंटमेंट को छोड़ें, कारण के साथ ओवरबुक करें, या समय या नियम बदलें
store-series-none-bookable =
    { $count } में से कोई भी अपॉइंटमेंट बुक नहीं हो सकता, इसलिए कुछ नहीं सहेजा गया:
    { $list }
    कोई और समय, डॉक्टर या नियम चुनें

## रिमाइंडर की सेटिंग, स्टाफ़, क्लिनिक की कॉपी, खोलना, सर्वर

store-reminder-unknown-clinic = नियम में ऐसा क्लिनिक है जो इस डेटाबेस में नहीं है ({ $clinic }): इसका कोई क्लिनिक चुनें, या हर क्लिनिक
store-reminder-smtp-host = SMTP होस्ट smtp.example.org जैसा नाम होता है, बिना स्पेस या स्लैश के
store-reminder-smtp-port = SMTP पोर्ट 1 से 65535 तक की संख्या होती है, आम तौर पर 587, 465 या 25
store-reminder-smtp-from = भेजने वाला ईमेल पता होना चाहिए, जैसे reminders@clinic.example या "Sunrise Clinic <reminders@clinic.example>"
store-reminder-webhook-url = वेबहुक URL https:// (या लोकल नेटवर्क पर http://) से शुरू होने वाला वेब पता होना चाहिए, जैसे https://sms.example.org/send
store-staff-last-administrator = यह आख़िरी सक्रिय एडमिनिस्ट्रेटर है जो साइन इन कर सकता है: पहले किसी और स्टाफ़ सदस्य को पासवर्ड के साथ एडमिनिस्ट्रेटर बनाएँ; कुछ नहीं बदला गया
store-staff-first-must-be-administrator = पहला स्टाफ़ सदस्य सक्रिय एडमिनिस्ट्रेटर होना चाहिए
store-staff-has-administrator = इस डेटाबेस में पहले से एक एडमिनिस्ट्रेटर है: इसकी जगह साइन इन करें
store-staff-name-taken = { $name } नाम का स्टाफ़ सदस्य पहले से है: पहले एडमिनिस्ट्रेटर को उनका अपना नाम दें
store-copy-circular-tables = स्कीमा की टेबलें गोल-गोल एक-दूसरे की ओर इशारा करती हैं: उन्हें एक के बाद एक कॉपी नहीं किया जा सकता
store-copy-destination-not-empty = जिस डेटाबेस में कॉपी करना है उसमें पहले से क्लिनिक है: ख़ाली डेटाबेस दें (नया, जिसमें कुछ न हो)
store-copy-rows-differ = { $table } की कॉपी में { $here } पंक्तियाँ हैं, जबकि कॉपी किए गए डेटाबेस में { $there }: कुछ कॉपी नहीं हुआ
store-copy-source-missing = { $from } मौजूद नहीं है: --db से क्लिनिक की डेटाबेस फ़ाइल दें
store-copy-destination-exists = { $to } पहले से मौजूद है: क्लिनिक को कॉपी करने के लिए नई फ़ाइल का नाम दें
store-copy-not-a-move = क्लिनिक फ़ाइल और सर्वर के बीच जाता है: { $from } से { $to } ऐसा बदलाव नहीं है
store-open-no-wal = { $file } write-ahead logging इस्तेमाल नहीं कर सकती (जर्नल मोड { $mode } ही रहता है); डेटाबेस को लोकल डिस्क पर रखें
store-encrypt-name-not-written = { $error }: आपका नाम कुंजियों की फ़ाइल में नहीं लिखा गया, इसलिए आपका पासवर्ड अभी इसे नहीं खोल सकता; रिकवरी कुंजी के साथ `frontdesk recover --name "YOUR NAME"` चलाएँ
store-encrypt-not-reopened = फ़ाइल एन्क्रिप्ट हो गई, पर Frontdesk उसे फिर से नहीं खोल सका ({ $error }): Frontdesk बंद करके फिर से शुरू करें
store-password-slot-not-put-back = { $error }; और नए पासवर्ड के लिए बना कुंजी-स्लॉट वापस नहीं रखा जा सका ({ $undo }): पासवर्ड फिर से सेट करें
store-server-bad-address = { $address } PostgreSQL का पता नहीं है ({ $what }): इसे postgres://USER@HOST/DATABASE लिखें, जैसे postgres://frontdesk@db.clinic.lan/frontdesk?sslmode=verify-full
store-server-bad-sslmode = sslmode '{ $mode }' इनमें से कोई नहीं है: disable, allow, prefer, require, verify-ca, verify-full
store-server-no-host = इसमें कोई सर्वर नहीं है: @ के बाद होस्ट जोड़ें
store-server-no-trusted-authorities = इस PC पर कोई भरोसेमंद प्रमाणपत्र-प्राधिकारी नहीं है: sslrootcert=/path/to/root.crt से क्लिनिक का अपना दें

## अपॉइंटमेंट, मरीज़, रिमाइंडर, जाँच

store-outbox-cannot-resend = यह रिमाइंडर फिर से नहीं भेजा जा सकता: { $reason }
store-check-schema-version = स्कीमा संस्करण { $found }, अपेक्षित { $expected }
store-booking-move-needs-start = वॉक-इन का पहला ख़ाली समय बुकिंग के समय ढूँढा जाता है: अपॉइंटमेंट खिसकाने के लिए शुरू होने का समय दें
store-undo-other-appointment = पहले जैसा नहीं कर सकते: जिस बदलाव को पलटना है वह किसी दूसरे अपॉइंटमेंट का है
store-edit-entered-in-error = गलती से बना अपॉइंटमेंट बदला नहीं जा सकता
store-patient-name-taken = इस नाम का मरीज़ पहले से रजिस्टर्ड है ({ $patient }): बुक करने के लिए उन्हें सूची से चुनें, या नए मरीज़ का फ़ोन दें ताकि दोनों अलग पहचाने जा सकें
store-patient-choose-from-list = { $why }: मरीज़ को सूची से चुनें
store-patient-invalid = मरीज़: { $error }
store-video-join-in-clinic = यह क्लिनिक में होने वाला अपॉइंटमेंट है: जुड़ना सिर्फ़ वीडियो परामर्श के लिए दर्ज होता है
store-video-join-phone = यह फ़ोन वाला अपॉइंटमेंट है: जुड़ना सिर्फ़ वीडियो परामर्श के लिए दर्ज होता है
store-video-join-not-now = अपॉइंटमेंट "{ $status }" है: जुड़ना सिर्फ़ विज़िट से पहले या उसके दौरान दर्ज हो सकता है
store-server-not-utf8 = डेटाबेस { $server } टेक्स्ट को { $encoding } में रखता है, जिसमें हर लिपि के नाम नहीं आ सकते: इसे ENCODING 'UTF8' के साथ बनाएँ (जैसे CREATE DATABASE frontdesk OWNER frontdesk ENCODING 'UTF8' TEMPLATE template0)
store-server-address-not-text = डेटाबेस सर्वर का पता टेक्स्ट (UTF-8) होना चाहिए: इसमें ऐसे बाइट हैं जो टेक्स्ट नहीं हैं; इसे फिर से लिखें

## मरीज़ और सीरीज़ इंपोर्ट करना

store-import-patient-contradicts = { $why }: किसी के नाम कुछ बुक नहीं हुआ; देखें कौन सही है, पंक्ति (या सहेजा गया मरीज़) ठीक करें और फिर से इंपोर्ट करें
store-import-patient-say-which = { $why }: कौन-सा है यह बताने के लिए patient_id कॉलम जोड़ें
store-import-patient-likely-duplicate = { $patient } को नए मरीज़ के रूप में रजिस्टर किया; इसी नाम या फ़ोन से पहले से रजिस्टर्ड: { $listed } (अगर ये एक ही व्यक्ति हैं, तो पंक्ति का विवरण या patient_id ठीक करके फिर से इंपोर्ट करें)
store-import-patient-no-name = नाम ख़ाली है: हर मरीज़ का नाम होना चाहिए
store-import-series-other-clinic = इसकी सीरीज़ { $series } यहाँ किसी दूसरे क्लिनिक की है, इसलिए यह अलग अपॉइंटमेंट के रूप में इंपोर्ट होता है
store-import-series-no-master = फ़ाइल में इसकी सीरीज़ { $series } का दोहराने वाला इवेंट नहीं है, इसलिए यह अलग अपॉइंटमेंट के रूप में इंपोर्ट होता है
store-room-never-open = कमरा कभी खुलेगा ही नहीं: इसे कम से कम एक दिन का समय दें, या क्लिनिक के समय पर चलने दें
store-backup-folder-not-writable = { $file } में लिखा नहीं जा सकता ({ $error }): बैकअप फ़ोल्डर को फिर से अपने नाम करें (chown) या लिखने लायक बनाएँ
store-tls-starttls = STARTTLS (पोर्ट 587)
store-tls-tls = TLS (पोर्ट 465)
store-tls-none = कोई नहीं (पोर्ट 25, केवल स्थानीय रिले)

# The waiting room (issue 17)
store-call-lost = बुलाते समय मरीज़ बदल गया: फिर से बुलाएँ
store-not-here-not-called = केवल बुलाए गए मरीज़ को "यहाँ नहीं" कहा जा सकता है; यह { $status } है: पहले उन्हें बुलाएँ
store-not-here-reason = { $limit } में से { $calls } बार बुलाने पर यहाँ नहीं
store-kiosk-not-found = आज के लिए यह अपॉइंटमेंट नहीं मिला: कृपया डेस्क पर पूछें
store-kiosk-too-early = चेक इन के लिए अभी जल्दी है: कृपया { $from } बजे आएँ, या डेस्क पर पूछें
store-kiosk-too-late = यहाँ चेक इन के लिए देर हो गई है: कृपया डेस्क पर जाएँ
store-kiosk-reason = कियोस्क पर खुद चेक इन
store-call-not-today = केवल आज के मरीज़ बुलाए जा सकते हैं: यह अपॉइंटमेंट किसी और दिन का है
store-call-not-in-clinic = यह फ़ोन या वीडियो विज़िट है, मरीज़ प्रतीक्षा कक्ष में नहीं है: इसके बजाय विज़िट शुरू करें
