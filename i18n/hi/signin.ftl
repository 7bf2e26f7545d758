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
