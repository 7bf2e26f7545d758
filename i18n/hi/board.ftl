# प्रतीक्षा कक्ष के टीवी पर कतार बोर्ड
board-title = { $clinic } — कतार बोर्ड
board-title-connecting = Frontdesk कतार बोर्ड
board-connecting = जुड़ रहा है…
board-cannot-reach = कतार अभी नहीं दिखाई जा सकती। यह अपने आप लौट आएगी।
board-now-calling = अभी बुलाया जा रहा है
board-nobody-called = कृपया बुलाए जाने तक प्रतीक्षा करें
board-waiting = प्रतीक्षा में
board-nobody-waiting = कोई प्रतीक्षा में नहीं
board-about-minutes = { $minutes ->
    [0] अगला
   *[other] लगभग { $minutes } मिनट
}
board-more-waiting = और { $count }
board-reconnecting = फिर से जुड़ रहा है… यह { $since } बजे की कतार है
board-call-again = { $calls } बार बुलाया गया
board-more-doctors = { $doctors } अन्य डॉक्टरों के लिए { $patients } और प्रतीक्षा में
board-silent = कुछ समय से डेटाबेस से कोई खबर नहीं
