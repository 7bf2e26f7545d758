# CSV और iCalendar फ़ाइलों से मरीज़ और अपॉइंटमेंट इंपोर्ट करना।

import-line = लाइन { $line }: { $reason }
import-not-text = फ़ाइल UTF-8 टेक्स्ट नहीं है: इसे UTF-8 में सहेजें (स्प्रेडशीट में "CSV UTF-8" चुनें) और फिर से इंपोर्ट करें
import-empty = फ़ाइल ख़ाली है: वह फ़ाइल चुनें जो आपने एक्सपोर्ट की थी
import-missing-column = CSV में { $column } कॉलम नहीं है: पहली लाइन में कॉलमों के नाम होने चाहिए, जैसे { $example }
import-bad-rows = { $rows } में से { $count } { $count ->
    [one] पंक्ति ग़लत है: कुछ इंपोर्ट नहीं हुआ। इसे ठीक करके फिर से इंपोर्ट करें।
   *[other] पंक्तियाँ ग़लत हैं: कुछ इंपोर्ट नहीं हुआ। इन्हें ठीक करके फिर से इंपोर्ट करें।
}
import-what-patients = मरीज़
import-what-appointments = अपॉइंटमेंट
import-imported = { $rows } पंक्तियाँ पढ़ी गईं: { $imported } { $what } इंपोर्ट हुए
import-would-import = { $rows } पंक्तियाँ पढ़ी गईं: { $imported } { $what } इंपोर्ट होंगे
import-already-present = , { $count } पहले से डेटाबेस में (जैसे थे वैसे छोड़े गए)
import-repeats = , { $count } { $count ->
    [one] पंक्ति पिछली किसी पंक्ति को दोहराती है
   *[other] पंक्तियाँ पिछली पंक्तियों को दोहराती हैं
}
import-patients-added = , { $count } नए मरीज़
import-end = ।
import-end-dry-run = । ड्राई रन: कुछ नहीं लिखा गया।
