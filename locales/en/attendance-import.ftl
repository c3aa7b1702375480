# Recording a meeting's attendance from the participant report of its
# platform (Zoom, Teams, Meet, Jitsi, BigBlueButton): pages and API.

## Problems
error-attendance-import-no-file = Choose the participant report to upload.
error-attendance-import-no-column = The report has no column “{ $column }”.
error-attendance-import-parameter = Unknown parameter. Use dry_run, others_absent, reason, map.<field> (name, surname, email, join, leave, duration) or match.<key>.
error-attendance-import-no-person = The report has no person “{ $key }”.
flash-attendance-imported = The participant report is recorded in the attendance.

## Upload
attendance-import-title = Import the participant report
attendance-import-heading = Participant report, meeting { $number }
attendance-import-lead = Record this meeting's attendance from the participant report exported by its platform (Zoom, Teams, Google Meet, Jitsi, BigBlueButton…). Aula counts each person's minutes within the meeting: someone who left and came back, or who was connected on two devices at once, is counted once.
attendance-import-how = Once the meeting is over, download its participant report (or attendance report) from the platform and upload it as it is.
attendance-import-format = The CSV file as the platform exports it: Zoom's participants report, Teams' attendance report, Google Meet's attendance sheet, BigBlueButton's Learning Dashboard, or any table of names or e-mail addresses with join and leave times or durations. UTF-8, UTF-16, Windows-1252, Windows-1256 (Arabic) or Mac Roman; cells separated by commas, semicolons or tabs.
attendance-import-matching = People are recognised by their e-mail address, then by their name (whatever the accents, case or order). You choose by hand who the others are; your choices are remembered for the next report of this session. Nothing is recorded before you have seen the report and decided.
attendance-import-file = Participant report (CSV)
attendance-import-file-hint = The file is read first: you will see who was found, for how long, and which lines could not be read.
attendance-import-upload = Upload and read

## Report
attendance-import-report-title = Check the participant report
attendance-import-report-file = File: { $file }
attendance-import-report-rows = Lines: { $rows }
attendance-import-meeting-length = The meeting lasts { $minutes ->
    [one] one minute
   *[other] { $minutes } minutes
}: nobody is counted for more.
attendance-import-by-email = found by e-mail
attendance-import-by-name = found by name
attendance-import-by-earlier-choice = found by an earlier choice
attendance-import-unmatched-count = nobody of the session
attendance-import-unreadable-count = lines not read
attendance-import-mapping-title = Which column holds what
attendance-import-mapping-intro = Check the column chosen for each field. The report needs the names or the e-mail addresses, and either the join and leave times or the durations.
attendance-import-not-in-file = — not in the file —
attendance-import-check-again = Read the report again with these columns
attendance-import-problems-title = Lines not read
attendance-import-problems-intro = These lines were skipped; the rest of the report is counted. Correct them in the file and upload it again if they matter.
attendance-import-line = Line
attendance-import-problem = Problem
attendance-import-people-title = People in the report
attendance-import-people-intro = Each person of the report, who they were found to be and how, and what recording changes. People found are marked present with their minutes.
attendance-import-not-clipped = For the people marked *, the report gives only a total duration, or a duration shorter than the time between their first join and their last leave: it cannot be placed within the meeting, so it may include time before the start or after the end, and is only capped at the meeting's length (or at the part of their time within it). Check these figures.
attendance-import-not-clipped-mark = total from the file, not clipped
attendance-import-nobody = The report names nobody.
attendance-import-lines = Lines
attendance-import-name = Name in the report
attendance-import-email = E-mail in the report
attendance-import-kept = Times kept
attendance-import-minutes = Minutes
attendance-import-participant = Participant
attendance-import-how-found = Found
attendance-import-matched-email = by e-mail
attendance-import-matched-name = by name
attendance-import-matched-earlier-choice = matched by an earlier choice
attendance-import-matched-by-hand = by hand
attendance-import-matched-unmatched = unmatched
attendance-import-change = What changes
attendance-import-from-to = { $from } → { $to }
attendance-import-unchanged = No change ({ $mark })
attendance-import-mark = { $status }, { $minutes } min
attendance-import-not-marked = not marked
attendance-import-not-recorded = Not recorded
attendance-import-nobody-of-session = Nobody of the session
attendance-import-choose-title = Who is who
attendance-import-choose-intro = For each person not found by e-mail, choose the participant they are, or “Not one of them”. Your choices are remembered for the next report of this session.
attendance-import-choose-later = People of the report not offered here: { $count }. They keep what was found; record these choices, then upload the report again to choose for them.
attendance-import-who-is = Who is “{ $name }” (lines { $lines })?
attendance-import-minutes-found = { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}
attendance-import-not-one-of-them = Not one of them
attendance-import-partial-help = Someone connected for less than { $percent } % of the meeting is marked “partial”: their minutes still count toward the session's hours, which decide completion. The session's settings set this share.
attendance-import-absent-title = Participants not in the report
attendance-import-absent-intro = These people hold a confirmed place, but nobody of the report is them.
attendance-import-everyone-found = Every participant of the session is in the report.
attendance-import-record-title = Record the attendance
attendance-import-record-intro = Marks are set, not added: importing the same report again records the same minutes, so nothing is counted twice.
attendance-import-others-absent = Mark the other participants absent
attendance-import-others-absent-hint = Those nobody of the report is. Otherwise their marks stay as they are.
attendance-import-reason = Reason for the correction
attendance-import-reason-hint = The session is completed: the attendance and the completions are corrected, and the audit log keeps the reason.
attendance-import-record = Record the attendance
attendance-import-nothing = Nobody in this report can be recorded with these columns.
attendance-import-another = Upload another file
