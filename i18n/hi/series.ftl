# सीरीज़: बुकिंग फ़ॉर्म का "दोहराएँ…" भाग और उसकी तारीखों की सूची, और अपॉइंटमेंट के विवरण में
# सीरीज़ वाला भाग (यह वाला या इसके बाद वाले बदलें)।

series-cancelled-count = { $count ->
        [one] { $count } अपॉइंटमेंट रद्द किया गया
       *[other] { $count } अपॉइंटमेंट रद्द किए गए
    }
series-moved-count = { $count ->
        [one] { $count } अपॉइंटमेंट खिसकाया गया
       *[other] { $count } अपॉइंटमेंट खिसकाए गए
    }
series-split = ; इसके बाद वाले अब एक नई सीरीज़ हैं
series-untouched = ; { $count } पहले जैसे छोड़े गए ({ $list })
series-reason-needed = पहले कारण लिखें: यह हर अपॉइंटमेंट के इतिहास में रखा जाता है।
series-days-unreadable = कितने दिन खिसकाना है, -{ $max } से { $max } के बीच पूरी संख्या में लिखें, जैसे 1 या -7 (0 से तारीख वही रहती है)।
series-time-unreadable = नया समय HH:MM के रूप में लिखें, जैसे 15:30।
series-place = { $count } में से क्रम { $number }
series-outside = सीरीज़ की तारीखों से बाहर (सीरीज़ पहले ख़त्म हो गई)
series-scope-this = सिर्फ़ यह वाला
series-scope-following = यह और इसके बाद वाले
series-title = सीरीज़
series-rule = { $rule }, { $time } पर ({ $zone })
series-standing = { $place } ({ $date }); { $booked } बुक, इसके बाद { $later }
series-change = क्या बदलें
series-move-by = खिसकाएँ
series-days-at = दिन, समय
series-move-this = सिर्फ़ यह खिसकाएँ
series-move-following = ये सब खिसकाएँ
series-reason-placeholder = रद्द करने का कारण
series-cancel-this = सिर्फ़ यह रद्द करें
series-cancel-following = ये सब रद्द करें
series-following-note = बाद वालों को खिसकाने से सीरीज़ इस अपॉइंटमेंट पर दो हिस्सों में बँट जाती है; उन्हें रद्द करने से सीरीज़ एक दिन पहले ख़त्म हो जाती है।

series-every-unreadable = कितनी बार, 1 से { $max } के बीच संख्या में लिखें, जैसे 1।
series-count-unreadable = कितनी बार, 1 से { $max } के बीच संख्या में लिखें, जैसे 6।
series-end-date = आख़िरी तारीख
series-end-date-unreadable = आख़िरी तारीख YYYY-MM-DD के रूप में लिखें, जैसे 2027-01-31।
series-rule-problem = { $problem }।
series-wall-time = सीरीज़ स्थानीय घड़ी के किसी समय पर शुरू होती है।
series-overbook-why = बताएँ कि ओवरबुक क्यों कर रहे हैं: यह कारण हर इतिहास में दर्ज होगा।
series-repeat = दोहराएँ…
series-days = दिन
series-weeks = हफ़्ते
series-after = कुल
series-until = तारीख तक
series-every = हर
series-ends = ख़त्म:
series-times = बार
series-book-skipping = { $free } बुक करें, टकराने वाले { $blocking } छोड़ें
series-overbook-all = सब ओवरबुक करें
series-all-free = { $count } अपॉइंटमेंट, सब खाली
series-some-conflicting = { $count } अपॉइंटमेंट: { $free } खाली, { $blocking } टकराते हैं
series-free = खाली
series-wall-time-note = समय { $zone } का स्थानीय समय है; घड़ी बदलने पर भी हर तारीख का समय वही रहता है।
series-doctor-booked = { $doctor } उस समय पहले से बुक हैं: { $patient }, { $hours }
series-room-booked = कमरा उस समय पहले से बुक है: { $patient }, { $doctor } के साथ, { $hours }
series-patient-booked = { $patient } का उस समय पहले से अपॉइंटमेंट है: { $doctor } के साथ, { $hours }
