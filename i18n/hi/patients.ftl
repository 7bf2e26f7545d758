# बुकिंग और वॉक-इन फ़ॉर्म में मरीज़ की खोज, और उनसे रजिस्टर होने वाला नया मरीज़।

patients-matches-registered = "{ $typed }" से रजिस्टर्ड मरीज़ मिलते हैं: किसी एक को चुनें (Enter हाइलाइट किया हुआ चुनता है), या "नया मरीज़ रजिस्टर करें" चुनें।
patients-still-looking = "{ $typed }" अभी खोजा जा रहा है: सूची से मरीज़ चुनें, या सूची आने पर नया रजिस्टर करें।
patients-keys-hint = Enter हाइलाइट किया हुआ चुनता है; Up और Down से ऊपर-नीचे; Escape सूची छिपाता है।
patients-register-new = + नया मरीज़ रजिस्टर करें "{ $typed }"
patients-book-duplicate = { $patient } को बुक करें  ·  { $phone }
patients-register-anyway = फिर भी रजिस्टर करें
patients-name-problem = नाम: { $problem }।
patients-phone-problem = फ़ोन: { $problem }।
patients-already-registered = इस फ़ोन के साथ { $patient } पहले से रजिस्टर्ड थे, इसलिए कोई नया मरीज़ नहीं जोड़ा गया।
