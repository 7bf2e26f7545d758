# डेस्क पर पूर्ववत (Ctrl+Z) और फिर से करना (Ctrl+Shift+Z, Ctrl+Y), और उनका संदेश।

undo-unreachable-undo = डेटाबेस से संपर्क नहीं हो पा रहा: उसके वापस आने तक कुछ भी पूर्ववत नहीं हो सकता। बदलाव इतिहास में बना रहेगा।
undo-unreachable-redo = डेटाबेस से संपर्क नहीं हो पा रहा: उसके वापस आने तक कुछ भी फिर से नहीं किया जा सकता। बदलाव इतिहास में बना रहेगा।
undo-busy = पिछला पूर्ववत या फिर से करना अभी सहेजा जा रहा है: थोड़ी देर में फिर दबाएँ।
undo-nothing-to-undo = पूर्ववत करने को कुछ नहीं है।
undo-nothing-to-redo = फिर से करने को कुछ नहीं है।
undo-appointment-of = { $patient } का { $when } वाला अपॉइंटमेंट
undo-undone = पूर्ववत किया
undo-redone = फिर से किया
undo-undone-reason = डेस्क पर पूर्ववत किया गया
undo-redone-reason = डेस्क पर फिर से किया गया
undo-booking-entered-in-error = { $verb }: बुकिंग ({ $what }) गलती से दर्ज चिह्नित की गई।
undo-moved-back = { $verb }: { $patient } का अपॉइंटमेंट वापस { $back } पर है (पहले { $was } पर था)।
undo-status-again = { $verb }: { $what } फिर से "{ $status }" है (पहले "{ $was }" था)।
