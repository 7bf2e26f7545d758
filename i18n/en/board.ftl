# The queue board on the waiting room's TV (issue 17). Large type: keep the words short.
# $clinic: the clinic's name
board-title = { $clinic } — queue board
board-title-connecting = Frontdesk queue board
board-connecting = Connecting…
board-cannot-reach = The queue cannot be shown just now. It will come back by itself.
board-now-calling = Now calling
board-nobody-called = Please wait to be called
board-waiting = Waiting
board-nobody-waiting = Nobody is waiting
# $minutes: the estimated wait
board-about-minutes = { $minutes ->
    [0] next
   *[other] about { $minutes } min
}
# $count: how many more wait than are listed
board-more-waiting = and { $count } more
# $since: the clinic-local time the board was last current, 10:42
board-reconnecting = Reconnecting… this is the queue as it was at { $since }
# $calls: how many times the patient was called
board-call-again = called { $calls } times
# $doctors: doctors not listed for lack of room; $patients: how many wait for them
board-more-doctors = { $patients } more waiting for { $doctors } other doctors
board-silent = no news from the database for a while
