# The participant report of an online meeting (Zoom, Teams, Meet, Jitsi,
# BigBlueButton): what is wrong with it, and the names of its columns.

## The report as a whole
error-report-unmapped = Choose the column that holds the participants' names or e-mail addresses, and either the columns of join and leave times or the column of durations. The CSV reports of Zoom (Participants › Export), Teams (Attendance › Download), Google Meet (the attendance sheet › Download › CSV) and BigBlueButton (Learning Dashboard › Download session data) are recognised as the platform gives them.
error-report-encoding = Aula cannot read this file as text. Upload the participant report exactly as the platform exports it, in CSV: Zoom, Reports › Usage › Participants › Export; Teams, the meeting's Attendance › Download (.csv); Google Meet, the attendance sheet › File › Download › CSV; BigBlueButton, Learning Dashboard › Download session data.

## One line of the report
error-report-time = “{ $value }” is not a time Aula can read. Write it as 2024-03-14 09:30, 14/03/2024 09:30 or 03/14/2024 09:30 AM.
error-report-leave-before-join = This line leaves ({ $leave }) before it joins ({ $join }): check the two columns, or the line in the report.
error-report-time-skipped = “{ $value }” does not exist in { $zone }: the clocks went forward at that hour. Check which time zone the report is written in.
error-report-duration = “{ $value }” is not a duration Aula can read. Write minutes (45), hours, minutes and seconds (1h 2m 3s) or 01:02:03.
error-report-outside = Line { $line } is entirely before or after the meeting: it counts no time.
error-report-other-meeting = No connection in this report falls within the meeting of { $date }: it looks like the report of another day or meeting. Nothing was recorded.
error-report-nameless = This line has neither a name nor an e-mail address, so it cannot be counted for anyone.
error-report-missing = This line gives neither a join and a leave time nor a duration, so it cannot be counted.

## The columns' fields
report-field-name = Name
report-field-surname = Family name
report-field-email = E-mail
report-field-join = Join time
report-field-leave = Leave time
report-field-duration = Duration
report-field-waiting-room = In waiting room
