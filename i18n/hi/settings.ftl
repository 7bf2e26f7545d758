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
