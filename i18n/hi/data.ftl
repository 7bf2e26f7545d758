# डेटा पेज: एक्सपोर्ट, इम्पोर्ट, बैकअप और रीस्टोर (एन्क्रिप्शन कार्ड encryption.ftl में है)।

data-kind-patients = मरीज़ (CSV)
data-kind-appointments = अपॉइंटमेंट (CSV या iCalendar)
data-saved-without-chooser = इस डेस्कटॉप पर फ़ाइल चुनने का डायलॉग नहीं है, इसलिए फ़ाइल डेटाबेस के पास दिखाए गए नाम से सहेजी गई (जगह चुनने के लिए zenity इंस्टॉल करें: sudo apt-get install zenity)।
data-cancelled = कोई फ़ाइल नहीं चुनी गई, इसलिए कुछ नहीं किया गया। अगर कोई डायलॉग नहीं खुला, तो इस डेस्कटॉप पर फ़ाइल चुनने का डायलॉग नहीं है (xdg-desktop-portal या zenity इंस्टॉल करें), या कमांड लाइन इस्तेमाल करें: frontdesk --help।
data-none-to-open = इस डेस्कटॉप पर फ़ाइल चुनने का डायलॉग नहीं है (न डेस्कटॉप पोर्टल इंस्टॉल है न zenity: `sudo apt-get install zenity` से एक जुड़ जाता है), इसलिए यहाँ कोई फ़ाइल नहीं चुनी जा सकती। इसकी जगह कमांड लाइन इस्तेमाल करें (frontdesk --help सारी कमांड बताता है)।
data-all-scopes = सभी डॉक्टर और कमरे
# तारीख़ के फ़ील्ड, जैसे कोई गलती उनका नाम लेती है।
data-from = शुरू की तारीख़
data-to = आख़िरी तारीख़
data-not-a-date = "{ $typed }" { $field } के लिए तारीख़ नहीं है: इसे YYYY-MM-DD की तरह लिखें, जैसे 2026-12-01, या बिना सीमा के लिए खाली छोड़ दें।
data-from-after-to = शुरू की तारीख़ ({ $from }) आख़िरी तारीख़ ({ $to }) के बाद है: पहले वाली तारीख़ पहले लिखें।
# चल रहा काम: उसका नाम, फिर वह कितना हो चुका है।
data-exporting = एक्सपोर्ट हो रहा है
data-checking = जाँच हो रही है
data-importing = इम्पोर्ट हो रहा है
data-backing-up = बैकअप हो रहा है
data-restoring = रीस्टोर हो रहा है
data-progress = { $title }… { $phase } { $total } में से { $done } ({ $percent }%)
data-phase-starting = शुरू हो रहा है
data-phase-writing = लिखा जा रहा है
data-phase-checking = जाँच
data-phase-waiting = इंतज़ार
data-phase-replacing = बदला जा रहा है
data-phase-copying = कॉपी हो रहा है
data-phase-saving = सहेजा जा रहा है
# काम कैसे खत्म हुआ: उसका नाम, फिर उसने क्या किया।
data-title-export = एक्सपोर्ट
data-title-import = इम्पोर्ट
data-title-dry-run = ड्राई रन
data-title-backup = बैकअप
data-title-restore = रीस्टोर
data-title-not-done = नहीं हुआ
data-title-restore-refused = रीस्टोर मना हुआ
data-title-encryption = एन्क्रिप्शन
data-cannot-read = { $file } पढ़ी नहीं जा सकती: { $reason }।
data-patients-from-csv = मरीज़ CSV से इम्पोर्ट होते हैं; कैलेंडर फ़ाइल के लिए अपॉइंटमेंट चुनें।
data-note = नोट: { $note }
data-backed-up = { $file } में बैकअप हो गया ({ $kb } kB)।
data-restored = { $file } से रीस्टोर हो गया।
data-restored-kept = { $file } से रीस्टोर हो गया। जिस डेटाबेस की जगह यह आया, वह { $kept } के रूप में रखा गया है।
data-restored-no-clinic = रीस्टोर किए गए डेटाबेस में कोई क्लिनिक नहीं है: कोई दूसरा बैकअप रीस्टोर करें, या Frontdesk को नए डेटाबेस पर शुरू करें।
# फ़ाइल डायलॉग।
data-backup-dialog = डेटाबेस का बैकअप लें
data-restore-dialog = बैकअप रीस्टोर करें
data-csv-or-icalendar = CSV या iCalendar
data-sqlite-database = SQLite डेटाबेस
data-any-file = कोई भी फ़ाइल
# कार्ड।
data-export-title = अपॉइंटमेंट एक्सपोर्ट करें
data-export-about = कैलेंडर ऐप (iCalendar), स्प्रेडशीट (CSV) या EMR (FHIR R4) के लिए। फ़ाइलों में मरीज़ों का डेटा होता है और उन्हें केवल आप पढ़ सकते हैं।
data-format = फ़ॉर्मैट
data-whose = किसके
data-from-label = से (YYYY-MM-DD, खाली: सबसे पहले से)
data-to-label = तक (शामिल, खाली: आख़िर तक)
data-export = एक्सपोर्ट…
data-import-about = मरीज़ CSV से; अपॉइंटमेंट हमारी CSV से या iCalendar (.ics) से। या तो सारी पंक्तियाँ इम्पोर्ट होती हैं, या एक भी नहीं: हर गलत पंक्ति उसकी लाइन के साथ दिखाई जाती है।
data-what = क्या
data-dry-run = ड्राई रन: हर पंक्ति जाँचें, कुछ न लिखें
data-overbook = ओवरबुकिंग का कारण (वैकल्पिक: दोहरी बुकिंग स्वीकार करें, इतिहास में दर्ज होता है)
data-overbook-hint = जैसे दोनों कैलेंडर मिलाना
data-check-file = फ़ाइल जाँचें…
data-import = इम्पोर्ट…
data-automatic-backups = अपने-आप होने वाले बैकअप: दिन में एक बार पहली बार खोलने पर, और हर अपग्रेड से पहले एक, { $folder } में।
data-automatic-backups-server = अपने-आप होने वाले बैकअप डेटाबेस सर्वर खुद करता है।
data-backup-about = बैकअप एक पूरी कॉपी है, जो डेस्क पर काम चलते-चलते सुरक्षित रूप से ली जाती है।
data-back-up-now = अभी बैकअप लें…
data-restore-about = इस क्लिनिक के डेटाबेस की जगह कोई बैकअप रखें। बैकअप पहले जाँचा जाता है; जिस डेटाबेस की जगह वह आता है, वह उसके पास रखा जाता है।
data-restore = रीस्टोर…
data-replace-with = डेटाबेस की जगह { $file } रखें?
data-replace-about = उस बैकअप के बाद का सब कुछ बदल जाएगा; मौजूदा डेटाबेस उसके पास .replaced फ़ाइल के रूप में रखा जाता है। पहले इस डेटाबेस पर खुली बाकी Frontdesk विंडो बंद करें।
data-replace = इस बैकअप से बदलें
data-cancel = रद्द करें
