# दिन की शीट (PDF), डेस्क की भाषा में।

daysheet-time = समय
daysheet-patient = मरीज़
daysheet-phone = फ़ोन
daysheet-room = कमरा
daysheet-doctor = डॉक्टर
daysheet-visit-type = विज़िट का प्रकार
daysheet-reason = कारण
daysheet-status = स्थिति
daysheet-notes = टिप्पणी
daysheet-minutes = { $minutes } मिनट
daysheet-by-phone = फ़ोन पर
daysheet-by-video = वीडियो पर
daysheet-overbooked = ओवरबुक
daysheet-title = दिन की शीट — { $whose } — { $date }
daysheet-none = कोई अपॉइंटमेंट नहीं।
daysheet-count = { $count ->
    [one] { $count } अपॉइंटमेंट
   *[other] { $count } अपॉइंटमेंट
}
daysheet-count-cancelled = { $count ->
    [one] { $count } अपॉइंटमेंट ({ $cancelled } रद्द, सूची में नहीं)
   *[other] { $count } अपॉइंटमेंट ({ $cancelled } रद्द, सूची में नहीं)
}
daysheet-printed = छपाई { $at } · समय { $zone } के अनुसार · Frontdesk
daysheet-label = दिन की शीट
daysheet-empty-day = इस दिन कोई अपॉइंटमेंट नहीं।
daysheet-page = पेज { $page } / { $pages }
