# ऊपरी पट्टी के नीचे पेजों के टैब।

tabs-calendar = कैलेंडर
tabs-settings = सेटिंग्स
tabs-waitlist = वेटलिस्ट
tabs-reports = रिपोर्ट
tabs-reminders = रिमाइंडर
tabs-reminders-failed = रिमाइंडर ({ $failed } विफल)
tabs-data = डेटा
tabs-access-log = एक्सेस लॉग
