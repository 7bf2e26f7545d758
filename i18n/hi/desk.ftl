# कामकाजी डेस्क: स्टेटस लाइन, दृश्य के विकल्प, और डेस्क के अपने संदेश।

desk-help-hint = कीबोर्ड शॉर्टकट के लिए F1 दबाएँ।
desk-dismiss = छिपाएँ
desk-undo = वापस लें (Ctrl+Z)
desk-clinic-missing = क्लिनिक नहीं मिला।
desk-parked-dropped = { $count } से ज़्यादा फ़ॉर्म अलग रखे गए थे: सबसे पुराना छोड़ दिया गया।
desk-took-over = { $name } ने डेस्क संभाल लिया है: अब से बदलाव इसी नाम से दर्ज होंगे।
desk-role-changed = एक एडमिनिस्ट्रेटर ने आपकी भूमिका बदल दी है: अब आप { $role } के रूप में साइन इन हैं, और विंडो वही दिखाती है जो यह भूमिका कर सकती है।
desk-panel-storing = सहेजा जा रहा है… बदलाव सहेजे जाने तक पैनल खुला रहेगा।
desk-date-label = तारीख़
desk-not-a-date = "{ $typed }" कोई तारीख़ नहीं है: इसे YYYY-MM-DD की तरह लिखें, जैसे 2026-12-01।
desk-moved = खिसकाया गया:
desk-moved-tail = । Ctrl+Z से वापस हो जाएगा।
desk-moved-tail-taken = {" "}({ $taken } खाली नहीं था)। Ctrl+Z से वापस हो जाएगा।
desk-next-appointment = अगला अपॉइंटमेंट:
desk-next-appointment-end = ।
desk-no-next-appointment = { $name } का कोई आने वाला अपॉइंटमेंट नहीं है: बुक करने के लिए किसी खाली स्लॉट पर क्लिक करें।
desk-undo-failed = यह बदलाव वापस नहीं लिया जा सका: { $error }। इसे इतिहास से हटा दिया गया है (वापस लेने के लिए { $undo }, दोबारा करने के लिए { $redo } बाकी हैं)।
desk-redo-failed = यह बदलाव दोबारा नहीं किया जा सका: { $error }। इसे इतिहास से हटा दिया गया है (वापस लेने के लिए { $undo }, दोबारा करने के लिए { $redo } बाकी हैं)।
desk-opened-from-settings = { $patient }, { $doctor } के साथ: इसे किसी खाली स्लॉट पर खींचें या खिसकाने का बटन इस्तेमाल करें। सेटिंग्स टैब पर सूची वापस मिलेगी।
desk-signed-in = साइन इन: { $name } · { $role }
desk-role-service = सर्विस खाता
desk-lock = लॉक करें (Ctrl+L)

## दृश्य के विकल्प (Ctrl+G)।

desk-view-title = व्यू
desk-close = बंद करें
desk-go-to-date = तारीख़ पर जाएँ (YYYY-MM-DD, Enter)
desk-go = जाएँ
desk-show-cancelled = रद्द अपॉइंटमेंट दिखाएँ
desk-doctors-shown = दिखाए गए डॉक्टर
desk-rooms-shown = दिखाए गए कमरे
