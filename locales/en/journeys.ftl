# Issue 24: the journeys of a trainee and a trainer.

## Registering, as every badge says it (the form's rule)
registering-open = Registration open
registering-waiting-list = Full: waiting list
registering-not-yet = Registration opens later
registering-over = Registration closed
registering-started = Under way: registration closed
registering-held = Held: the session is over

## The catalogue's filters, folded on a phone
catalogue-filters-summary = Filter the sessions
catalogue-filters-active = filters set

## Cancelling: a second step
cancel-confirm-title = Cancel this registration?
cancel-confirm-explain = Your seat goes to the next person waiting and you will receive an e-mail. To come after all, you would have to register again, if seats are left.
cancel-confirm-submit = Yes, cancel my registration
cancel-confirm-keep = No, keep my registration

## My trainings: what happened, once a training is over
me-outcome-completed = Completed
me-outcome-not-completed = Not completed
me-outcome-attended = Attended
me-outcome-not-recorded = Over: attendance not yet recorded
me-outcome-meetings = Meetings attended: { $attended } of { $meetings }
me-outcome-certificate = Your certificate is ready
me-outcome-survey = A survey waits for your answer
me-outcome-survey-answer = Answer the survey

## A confirmation link replaced by a newer one
outcome-link-superseded = A newer link was sent
registration-link-superseded-body = You asked to register again on { $date }, so we sent you a new confirmation link and this one no longer works. Look for the most recent e-mail from Aula (and in your spam folder) and press its button. Nothing is lost: your request is kept and the newer link confirms it.

## Roll call: not before the meeting
roll-call-not-started = This meeting has not started yet: nothing can be marked. The roll call opens on { $opens }, one hour before the start.
error-meeting-not-started = This meeting has not started yet: marks can be entered from one hour before its start ({ $opens }). Nothing was changed.

## Attendance: completion before the marks
attendance-not-recorded = Not yet recorded
attendance-still-possible = Not yet: still possible

## Check-in: when, where to type the code, the projected view
check-in-opens-at = Check-in for this meeting opens on { $opens }.
check-in-or-type-at = No camera? Go to { $address } and type the code:
check-in-full-screen = Full screen, to project
check-in-leave-full-screen = Leave full screen
check-in-short-lead = Type the code shown on the trainer's screen.
check-in-short-code = Code on the screen
check-in-short-wrong = This code is not valid now: it changes every 20 seconds. Type the one on the screen now.

## Check-in in one tap: the personal link opened once on the phone
mail-reminder-check-in = At the door: open the “my registration” link below once on the phone you will bring. Then scanning the trainer's code checks you in with one tap, with no code to wait for.
registration-phone-remembers = This phone now keeps this page: at each meeting, scanning the trainer's code checks you in with one tap.

## Cancelling a session: a second step that says who is told
session-cancel-title = Cancel this session?
session-cancel-recipients = { $count ->
    [0] No one will be e-mailed.
    [one] One person registered will be told by e-mail, with a calendar update that removes the meetings.
   *[other] { $count } people registered will be told by e-mail, with a calendar update that removes the meetings.
}
session-cancel-explain = A cancelled session cannot be opened again: registrations end and pending reminders are dropped.
session-cancel-submit = Yes, cancel the session
session-cancel-keep = No, keep the session
