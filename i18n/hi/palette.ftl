# कमांड पैलेट (Ctrl+K)।

palette-placeholder = मरीज़, तारीख़ (2026-12-01, कल), डॉक्टर, कमरा या कोई काम खोजें…
palette-word-today = आज
palette-word-tomorrow = कल
palette-word-yesterday = बीता कल
palette-go-to = { $date } पर जाएँ
palette-doctor-week = { $doctor } का सप्ताह · { $specialty }
palette-room-week = { $room } का सप्ताह
palette-patient = मरीज़ { $patient } · { $phone }
palette-walk-in = वॉक-इन या इमरजेंसी
palette-day-by-doctor = डॉक्टर के अनुसार दिन
palette-day-by-room = कमरे के अनुसार दिन
palette-today = आज
palette-theme = हल्की / गहरी थीम
palette-help = कीबोर्ड शॉर्टकट
palette-view-options = दृश्य के विकल्प: तारीख़, रद्द, कॉलम
palette-undo = पिछला बदलाव वापस लें
palette-asking = "{ $action }" से डेटा बदलता है: उस पर क्लिक करें, या उसका पहला शब्द पूरा लिखकर Enter दबाएँ।
