# डेस्क से पहले की स्क्रीनें और लॉक होने पर उसके ऊपर की: पहली बार की शुरुआत, साइन इन, पहला
# क्लिनिक, नई एन्क्रिप्टेड फ़ाइल की रिकवरी की, और लॉक विंडो।

signin-need-name = अपना नाम वैसे ही लिखें जैसे स्टाफ़ सूची में है
signin-need-password = अपना पासवर्ड लिखें
signin-need-pin = अपना PIN लिखें
signin-need-new-password = अपना नया पासवर्ड लिखें
signin-passwords-differ = दोनों पासवर्ड अलग हैं: एक ही पासवर्ड दो बार लिखें
signin-need-clinic-name = क्लिनिक का नाम लिखें, जिस नाम से मरीज़ उसे जानते हैं
signin-clinic-name-control = क्लिनिक के नाम में एक कंट्रोल कैरेक्टर है: नाम फिर से लिखें
signin-clinic-name-long = क्लिनिक का नाम { $max } अक्षरों से लंबा है: उसे छोटा करें
signin-your-name = आपका नाम
signin-your-name-hint = जैसा स्टाफ़ सूची में है
signin-checking = जाँच हो रही है…
signin-building-demo = डेमो क्लिनिक बन रहा है: डॉक्टर, कमरे, मरीज़ और 20,000 अपॉइंटमेंट…
signin-clinic-name = क्लिनिक का नाम
signin-clinic-name-hint = जैसे Lakeside Family Clinic
signin-zone = समय क्षेत्र (क्लिनिक का स्थानीय समय)
signin-zone-hint = जैसे Asia/Kolkata
signin-set-up-clinic = अपना क्लिनिक सेट करें
signin-first-administrator = पहला एडमिनिस्ट्रेटर बनाएँ
signin-first-administrator-about = पहला एडमिनिस्ट्रेटर बाकी स्टाफ़, उनकी भूमिकाएँ और पासवर्ड जोड़ता है। कम से कम 8 अक्षरों का ऐसा पासवर्ड चुनें जिसका कोई अंदाज़ा न लगा सके।
signin-password = पासवर्ड
signin-password-again = वही पासवर्ड फिर से
signin-create-administrator = एडमिनिस्ट्रेटर बनाएँ
signin-welcome = Frontdesk में आपका स्वागत है
signin-demo-title = या डेमो क्लिनिक देखें
signin-demo-about = 20 डॉक्टर, 12 कमरे और भरा हुआ कैलेंडर, हर भूमिका का एक स्टाफ़ सदस्य और उनके डेमो पासवर्ड के साथ। यह इसी कंप्यूटर की अपनी फ़ाइल है; कुछ भी बाहर नहीं जाता।
signin-load-demo = डेमो क्लिनिक लोड करें
signin-no-clinic-yet = इस डेटाबेस में अभी कोई क्लिनिक नहीं है।
signin-title = स्टाफ़ साइन इन
signin-sign-in = साइन इन करें
signin-demo-staff = डेमो क्लिनिक का स्टाफ़ (फ़ॉर्म भरने के लिए किसी एक को चुनें):
signin-add-clinic-title = अपना क्लिनिक जोड़ें
signin-add-clinic-about = इस डेटाबेस में अभी कोई क्लिनिक नहीं है। डॉक्टर, कमरे और समय बाद में सेटिंग्स में तय होते हैं।
signin-add-clinic = क्लिनिक जोड़ें
signin-recovery-title = आपके क्लिनिक की रिकवरी कुंजी
signin-recovery-about = इस क्लिनिक का डेटा इस कंप्यूटर पर एन्क्रिप्टेड है, और केवल किसी स्टाफ़ सदस्य के पासवर्ड से या इस कुंजी से खुलता है। इसे अभी प्रिंट करें या लिख लें, और डेस्क से दूर ताले में रखें: अगर हर एडमिनिस्ट्रेटर का पासवर्ड खो जाए, तो डेटा तक पहुँचने का यही एक रास्ता है। यह केवल इसी बार दिखाई जाती है।
signin-written-down = मैंने इसे लिख लिया है
signin-locked = लॉक है
signin-locked-by = { $name } ने यह विंडो लॉक की है। आगे बढ़ने के लिए साइन इन करें; कोई और अपना नाम लिखकर काम संभाल सकता है।
signin-pin = PIN
signin-use-pin = मेरा PIN इस्तेमाल करें
signin-unlock = अनलॉक करें
# विंडो, किसी के साइन इन करने के बाद।
signin-pin-not-today = PIN उसी दिन काम करता है जिस दिन किसी पासवर्ड से यह विंडो खोली गई हो: अपने पासवर्ड से साइन इन करें
signin-no-clinic-ask-manager = इस डेटाबेस में अभी कोई क्लिनिक नहीं है: कोई मैनेजर या एडमिनिस्ट्रेटर साइन इन करने पर इसे जोड़ेगा
signin-no-doctors = इस क्लिनिक में अभी कोई डॉक्टर नहीं है: उन्हें, उनके समय और कमरों को सेटिंग्स में जोड़ें।

# साइन इन: पासवर्ड, PIN और सर्विस क्रेडेंशियल।

signin-word-password = पासवर्ड
signin-word-pin = PIN
signin-word-service-credential = सर्विस क्रेडेंशियल
signin-secret-empty = { $what } लिखें: यह ख़ाली है
signin-secret-only-spaces = { $what } में सिर्फ़ स्पेस हैं: अक्षर, अंक या चिह्न भी लिखें
signin-secret-control = { $what } में लाइन ब्रेक, टैब या कोई और छिपा कंट्रोल अक्षर है: इसे उसके बिना फिर से लिखें
signin-password-too-short = पासवर्ड में कम से कम { $min } अक्षर होते हैं; इसमें { $chars } हैं
signin-password-too-long = पासवर्ड में ज़्यादा से ज़्यादा { $max } अक्षर होते हैं; इसमें { $chars } हैं
signin-not-a-pin = PIN { $min } से { $max } अंकों का होता है, 0 से 9, और कुछ नहीं
signin-damaged-record = सहेजा गया साइन-इन रिकॉर्ड ख़राब है: किसी एडमिनिस्ट्रेटर को नया { $what } सेट करना होगा
signin-hashing = { $what } अभी सुरक्षित नहीं हो सका ({ $error }); फिर से कोशिश करें
signin-wrong = नाम या { $what } गलत है
signin-wrong-tries-left = नाम या { $what } गलत है{ $left ->
    [one] ; एक और गलत कोशिश पर खाता कुछ देर के लिए लॉक हो जाएगा
   *[other] ; खाता कुछ देर के लिए लॉक होने से पहले { $left } कोशिशें बाकी हैं
}
signin-not-active = यह स्टाफ़ सदस्य अब यहाँ काम नहीं करता: कोई एडमिनिस्ट्रेटर उन्हें फिर से सक्रिय कर सकता है
signin-not-set = इस स्टाफ़ सदस्य का कोई { $what } सेट नहीं है: पासवर्ड से साइन इन करें, या किसी एडमिनिस्ट्रेटर से सेट करवाएँ
signin-administrator-not-stored = एडमिनिस्ट्रेटर सहेजा नहीं गया
signin-service-bad-name = सर्विस क्रेडेंशियल का नाम 1 से { $max } छोटे अक्षरों a–z, अंकों, '-' या '_' का होता है, जैसे reminders
signin-service-io = क्रेडेंशियल फ़ाइल { $file }: { $error }
signin-service-readable = क्रेडेंशियल फ़ाइल { $file } को मालिक के अलावा दूसरे भी पढ़ सकते हैं: उस पर chmod 600 चलाएँ, या नया क्रेडेंशियल जारी करें
signin-service-no-randomness = सिस्टम के रैंडम स्रोत से क्रेडेंशियल बनाने के लिए कुछ नहीं मिला: फिर से कोशिश करें
signin-service-not-a-credential = फ़ाइल { $file } Frontdesk का सर्विस क्रेडेंशियल नहीं है (या उसे बदला गया है)
