# पूरी विंडो में काम आने वाले शब्द।

common-language-system = सिस्टम के अनुसार ({ $language })
common-language = भाषा
common-desk-prefs-unreadable = इस डेस्क की पसंद ({ $file }) पढ़ी नहीं जा सकी ({ $reason }); सामान्य पसंद इस्तेमाल हो रही है।
common-desk-prefs-language = इस डेस्क की पसंद ({ $file }) में ऐसी भाषा लिखी है जिसमें Frontdesk उपलब्ध नहीं है; सिस्टम की भाषा इस्तेमाल हो रही है।
common-desk-prefs-unsaved = इस डेस्क की पसंद { $file } में सहेजी नहीं जा सकी ({ $reason }); यह चुनाव विंडो बंद होने तक रहेगा।
