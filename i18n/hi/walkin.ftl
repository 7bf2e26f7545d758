# वॉक-इन जल्दी जोड़ना (Ctrl+I) और जुड़ने के बाद डेस्क का संदेश।

walkin-name-needed = मरीज़ का नाम लिखें (या नाम या फ़ोन से खोजें)।
walkin-no-doctor-now = अभी कोई डॉक्टर काम पर नहीं है: वह डॉक्टर चुनें जो इमरजेंसी देखेंगे।
walkin-emergency-reason = इमरजेंसी: तुरंत देखा गया
walkin-first-available = जो पहले खाली हो
walkin-title = वॉक-इन
walkin-patient = मरीज़ (खोजें, या नया नाम लिखें)
walkin-phone = फ़ोन (नया मरीज़)
walkin-reason-placeholder = जैसे, कल से बुखार
walkin-emergency = इमरजेंसी: अभी देखें, ज़रूरत हो तो ओवरबुक करके
walkin-adding = जोड़ा जा रहा है…
walkin-add-emergency = इमरजेंसी जोड़ें
walkin-add = वॉक-इन जोड़ें
walkin-added = वॉक-इन { $token }, { $time } पर
walkin-added-emergency = इमरजेंसी { $token }, { $time } पर
walkin-reveal = वॉक-इन { $token }:
walkin-reveal-emergency = इमरजेंसी { $token }:
walkin-late = ; बाद के { $count } अपॉइंटमेंट अब देर से चलेंगे ({ $worst } मिनट तक)
