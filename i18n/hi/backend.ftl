# विंडो का डेटाबेस तक का रास्ता: डेटाबेस का कोई काम विफल होने पर वह क्या कहती है, और उसका रोज़ का
# बैकअप और खराबी की जाँच।

backend-damaged = यह डेटाबेस खराब है ({ $damage }): जब तक इसे रीस्टोर नहीं किया जाता, कुछ भी सहेजा नहीं जा सकता। डेटा पेज पर रीस्टोर… चुनें और इसके पास वाले बैकअप फ़ोल्डर से सबसे नया रोज़ का बैकअप चुनें (`frontdesk check` सबसे नए सही बैकअप का नाम बताता है)।
# इसके बाद रास्ते में आने वाले अपॉइंटमेंट, हर पंक्ति में एक।
backend-refused = मना कर दिया गया, कुछ नहीं बदला:
backend-opening-stopped = डेटाबेस खोलना अचानक रुक गया: { $reason }
backend-earlier-task-failed = डेटाबेस का पिछला काम विफल हुआ; Frontdesk फिर से शुरू करें
backend-task-stopped = डेटाबेस का एक काम अचानक रुक गया: { $reason }
backend-job-stopped = काम अचानक रुक गया: { $reason }
backend-check-failed = डेटाबेस की जाँच नहीं हो सकी: { $reason }
backend-check-stopped = डेटाबेस की जाँच अचानक रुक गई: { $reason }
backend-backup-stopped = रोज़ का बैकअप अचानक रुक गया: { $reason }
backend-daily-backup-failed = आज का अपने-आप होने वाला बैकअप विफल हुआ: { $reason }
backend-lost-signing-in = साइन इन करते समय डेटाबेस छूट गया: Frontdesk फिर से शुरू करें
backend-demo-before-sign-in = डेमो क्लिनिक केवल किसी के साइन इन करने से पहले ही बनता है
backend-encrypted-file-only = यहाँ केवल फ़ाइल ही एन्क्रिप्टेड बनाई जाती है
backend-already-signed-in = कोई पहले से साइन इन है
backend-administrator-not-stored = एडमिनिस्ट्रेटर सहेजा नहीं गया
backend-administrator-gone = साइन इन किया हुआ एडमिनिस्ट्रेटर अब यहाँ का स्टाफ़ सदस्य नहीं है
backend-server-no-copies = डेटाबेस सर्वर यहाँ कोई प्लेनटेक्स्ट कॉपी नहीं रखता
