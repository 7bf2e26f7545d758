# एक अपॉइंटमेंट का विवरण पैनल, उसका वीडियो भाग, ब्लॉक का राइट-क्लिक मेनू, पिनबोर्ड और ग्रिड पर
# छोड़ने का संदेश।

details-confirm = पक्का करें
details-check-in = चेक-इन करें
details-start = शुरू करें
details-complete = पूरा करें
details-no-show = नहीं आया
details-cancel = रद्द करें…
details-entered-in-error = गलती से दर्ज…
details-reason-needed-cancel = कारण वाले खाने में लिखें कि यह क्यों रद्द हो रहा है, फिर बटन दोबारा दबाएँ: कारण इतिहास में रखा जाता है।
details-reason-needed-error = कारण वाले खाने में लिखें कि यह गलती से क्यों दर्ज हुआ, फिर बटन दोबारा दबाएँ: कारण इतिहास में रखा जाता है।
details-move-unreadable = नई तारीख YYYY-MM-DD और समय HH:MM के रूप में लिखें।
details-new-date = नई तारीख
details-new-time = नया समय
details-loading = लोड हो रहा है…
details-close = बंद करें
details-kind-scheduled = पहले से बुक
details-kind-walk-in = वॉक-इन, कतार टोकन { $token }
details-kind-emergency = इमरजेंसी, टोकन { $token }
details-mode-in-clinic = क्लिनिक में
details-mode-phone = फ़ोन
details-mode-video = वीडियो
details-patient = मरीज़
details-doctor = डॉक्टर
details-room = कमरा
details-when = कब
details-when-span = { $start }–{ $end } ({ $minutes } मिनट)
details-visit-type = विज़िट का प्रकार
details-mode = तरीका
details-kind = किस्म
details-status = स्थिति
details-reason = कारण
details-notes = नोट्स
details-arrived = पहुँचे
details-with-doctor = डॉक्टर के पास
details-completed = पूरा हुआ
details-cancelled = रद्द
details-cancelled-by = { $by ->
        [clinic] क्लिनिक
       *[patient] मरीज़
    } द्वारा: { $reason }
details-cancelled-by-late = { $by ->
        [clinic] क्लिनिक
       *[patient] मरीज़
    } द्वारा (देर से): { $reason }
details-overbooked = ओवरबुक
details-meeting-link = मीटिंग लिंक
details-by-patient = मरीज़ द्वारा
details-by-clinic = क्लिनिक द्वारा
details-reason-placeholder = रद्द करने / गलती का कारण
details-move = समय बदलें
details-overbook-placeholder = ओवरबुक का कारण (सिर्फ़ ज़रूरी हो तो)
details-move-appointment = अपॉइंटमेंट खिसकाएँ
details-edit = बदलाव करें
details-notes-placeholder = डेस्क और डॉक्टर के लिए नोट्स
details-link-placeholder = मीटिंग लिंक (वीडियो)
details-save-changes = बदलाव सहेजें
details-history = इतिहास
details-history-line = { $at }  { $action }, { $actor } द्वारा
details-action = { $action ->
        [created] बनाया गया
        [moved] खिसकाया गया
        [imported] इम्पोर्ट किया गया
        [edited] बदलाव किया गया
        [undo] वापस लिया गया
        [ended] समाप्त किया गया
        [split] अलग सीरीज़ बनी
        [from_waitlist] वेटलिस्ट से बुक
        [doctor_joined] डॉक्टर जुड़े
        [patient_joined] मरीज़ जुड़ा
        [scheduled] बुक किया गया
        [confirmed] पक्का किया गया
        [checked_in] चेक-इन हुआ
        [in_consultation] डॉक्टर के पास
        [completed] पूरा हुआ
        [cancelled] रद्द किया गया
        [no_show] नहीं आया
        [entered_in_error] गलती से दर्ज
       *[other] { $words }
    }

# वीडियो भाग।
details-join = जुड़ें
details-doctor-joined = डॉक्टर जुड़े
details-patient-joined = मरीज़ जुड़ा
details-doctor-joined-at = डॉक्टर { $time } पर जुड़े
details-patient-joined-at = मरीज़ { $time } पर जुड़ा

# ब्लॉक का राइट-क्लिक मेनू।
details-menu-move = किसी तारीख पर ले जाएँ…
details-menu-copy = कॉपी: फिर से बुक करें
details-menu-pin = पिन: किसी और दिन ले जाएँ

# पिनबोर्ड।
details-pinned-notice = { $patient } पिन हो गया: किसी और दिन पर जाएँ और वहाँ ले जाने के लिए खाली समय पर क्लिक करें।
details-pinned = पिन किया: { $patient } · { $minutes } मिनट · { $doctor } (पहले { $was })। किसी भी दिन के खाली समय पर क्लिक करके उसे वहाँ ले जाएँ।
details-unpin = पिन हटाएँ

# ग्रिड पर छोड़ने का संदेश।
details-dropped = { $when } पर { $doctor } के साथ खिसका दिया गया। Ctrl+Z से वापस करें।
details-dropped-room = { $when } पर { $doctor } के साथ, { $room } में खिसका दिया गया। Ctrl+Z से वापस करें।
details-dropped-taken = { $when } पर { $doctor } के साथ खिसका दिया गया ({ $taken } खाली नहीं था)। Ctrl+Z से वापस करें।
details-dropped-room-taken = { $when } पर { $doctor } के साथ, { $room } में खिसका दिया गया ({ $taken } खाली नहीं था)। Ctrl+Z से वापस करें।
details-language = रिमाइंडर की भाषा
details-language-clinic = क्लिनिक की भाषा
details-language-saving = सहेजा जा रहा है…
details-call = बुलाएँ
details-call-again = फिर बुलाएँ
details-not-here = यहाँ नहीं
details-check-in-code = खुद चेक इन कोड
