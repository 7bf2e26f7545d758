# कैलेंडर के पास का "आज" पैनल: कतार, कौन डॉक्टर के पास है, अगले आने वाले।

today-title = आज
today-waiting = इंतज़ार में ({ $count })
today-nobody-waiting = कोई इंतज़ार में नहीं है।
today-waiting-line = { $token }{ $patient } · { $minutes } मिनट · { $doctor }
today-with-doctor = डॉक्टर के पास ({ $count })
today-next-arrivals = अगले आने वाले
today-no-more-bookings = आज और कोई बुकिंग नहीं।
today-nobody-for = { $doctor } के लिए कोई इंतज़ार नहीं कर रहा
today-called = { $who } को { $to } में बुलाया{ $calls ->
    [1] {""}
   *[other] {" "}({ $calls }वीं बार)
}
today-call-next-title = अगले को बुलाएँ
today-call-next = { $doctor } ({ $count })
today-waiting-too-long = { $line } ({ $limit } मिनट से ज़्यादा)
today-called-title = बुलाए गए ({ $count })
