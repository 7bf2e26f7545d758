# फ़ाइलों में एक्सपोर्ट: क्या लिखा गया, और क्या नहीं लिखा जा सका।

export-summary = { $count ->
    [one] { $appointments } अपॉइंटमेंट { $file } में एक्सपोर्ट किया गया ({ $format }, { $size })
   *[other] { $appointments } अपॉइंटमेंट { $file } में एक्सपोर्ट किए गए ({ $format }, { $size })
}
export-size-mb = { $size } MB
export-size-kb = { $size } kB
export-size-bytes = { $size } बाइट
export-cannot-write = { $file } में लिखा नहीं जा सका: { $error }; देखें कि फ़ोल्डर मौजूद है और आपको उसमें लिखने की अनुमति है
export-format-ics = iCalendar (.ics)
export-format-csv = CSV स्प्रेडशीट (.csv)
export-format-fhir = FHIR R4 JSON फ़ाइल (.json)
