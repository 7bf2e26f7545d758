# खाली हुए स्लॉट: कैलेंडर के ऊपर की पट्टी और बगल का पैनल (वेटलिस्ट में से कौन स्लॉट लेगा)।

offer-booked = { $patient } को वेटलिस्ट से बुक किया: { $slot }।
offer-declined-reason = खाली हुआ स्लॉट लेने से मना किया
offer-moved-earlier-reason = वेटलिस्ट से पहले के स्लॉट में ले जाया गया
offer-keeps-both = { $patient } का { $doctor } के साथ { $when } वाला अपॉइंटमेंट भी बना रहेगा।
offer-cancelled-later = { $patient } का बाद वाला अपॉइंटमेंट रद्द किया ({ $when }, { $doctor } के साथ)।
offer-title = खाली हुआ स्लॉट
offer-looking = इंतज़ार कर रहे मरीज़ खोजे जा रहे हैं…
offer-nobody = वेटलिस्ट में से अभी कोई यह स्लॉट नहीं ले सकता।
offer-fit = { $count ->
        [one] इंतज़ार कर रहा { $count } मरीज़ इस स्लॉट में आ सकता है, सबसे उपयुक्त पहले। फ़ोन करें; चुनें कि स्लॉट कौन लेगा।
       *[other] इंतज़ार कर रहे { $count } मरीज़ इस स्लॉट में आ सकते हैं, सबसे उपयुक्त पहले। फ़ोन करें; चुनें कि स्लॉट कौन लेगा।
    }
offer-book-patient = { $patient } को बुक करें · { $phone }
offer-visit = { $span } · { $visit } · { $minutes } मिनट
offer-visit-default = विज़िट
offer-booking = बुक हो रहा है…
offer-confirm = बुकिंग पक्की करें
offer-they-said-no = मरीज़ ने मना किया
offer-booked-at = { $patient } को बुक किया: { $span }।
offer-holds-later = { $patient } का एक बाद वाला अपॉइंटमेंट भी है: { $when }, { $doctor } के साथ। उसे रद्द करें? मरीज़ से पूछें।
offer-cancel-later = बाद वाला अपॉइंटमेंट रद्द करें
offer-keep-both = दोनों रखें
offer-waiting = { $waited } से इंतज़ार
offer-priority = प्राथमिकता: { $priority }
offer-wants = { $visit } { $minutes } मिनट
offer-holds = पहले से बुक: { $when }
offer-book = { $patient } को बुक करें
offer-said-no = मना किया

offer-banner-line = { $count ->
        [one] { $slot } खाली है: इंतज़ार कर रहा { $count } मरीज़ मेल खाता है
       *[other] { $slot } खाली है: इंतज़ार कर रहे { $count } मरीज़ मेल खाते हैं
    }
offer-see-who = देखें कौन
offer-dismiss = अभी नहीं
offer-banner-more = और खाली हुए { $count } स्लॉट
