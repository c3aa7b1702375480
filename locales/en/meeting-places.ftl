## Hybrid sessions: a meeting's own place (issue 20)
meeting-place = Place or link, if not the session's
meeting-place-n = Place or link of meeting { $n }, if not the session's
meeting-place-hint = For a hybrid session: a room and its address, or the link of a meeting held elsewhere than the session's venue or link. Leave it empty for the session's.
mail-meeting-place = at { $place }
session-meeting-where = Where
session-meeting-usual-place = The session's place
session-meeting-online = Online (the link is e-mailed to participants)
