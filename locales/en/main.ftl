# Aula — English catalogue. Every user-visible string lives here and in
# the fr and es catalogues beside it, with the same keys.

## Layout
skip-to-content = Skip to main content
nav-label = Main menu
nav-language = Language
nav-catalogue = Catalogue
nav-sessions = Sessions
nav-courses = Courses
nav-programmes = Programmes
nav-bodies = Accrediting bodies
nav-my-sessions = My sessions
nav-users = Users
nav-regions = Regions
nav-tokens = API tokens
nav-password = My password
nav-sign-in = Staff sign-in
nav-sign-out = Sign out
footer-about = Aula — accredited training on diversity and equal treatment
footer-api = API for integrations
breadcrumbs = Breadcrumbs
pagination = Pages
page = Page
page-previous = Previous
page-next = Next
page-past-end = This page is past the end of the list.
page-go-last = Go to the last page
save = Save
add = Add
filter = Filter
choose = Choose…
all = All
none = None
yes = Yes
no = No
form-has-errors = There is a problem
hours-count = { $hours ->
    [one] { $hours } hour
   *[other] { $hours } hours
}

## One-time messages after an action
flash-saved = Saved.
flash-signed-in = You are signed in.
flash-signed-out = You are signed out.
flash-status-changed = The session's status has changed.
flash-token-revoked = The token is revoked; it no longer works.
flash-password-changed = Your password is changed. Your other sign-ins are ended; your API tokens still work.

## Dates
date-long = { $day } { $month } { $year }
date-with-weekday = { $weekday } { $date }
datetime = { $date }, { $time }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday

## Vocabularies
modality-in-person = In person
modality-online = Online
modality-blended = Blended
audience-public-servant = Public servants
audience-union-delegate = Union delegates
audience-elected-official = Elected officials
audience-mediator = Mediators
audience-civil-society = Civil society
audience-other = Others
language-fr = French
language-es = Spanish
language-en = English
language-ar = Arabic
status-draft = Draft
status-open = Open for registration
status-closed = Registration closed
status-cancelled = Cancelled
status-completed = Completed
status-action-draft = Back to draft
status-action-open = Open registration
status-action-closed = Close registration
status-action-cancelled = Cancel the session
status-action-completed = Mark as completed
role-admin = Administrator
role-organiser = Organiser
role-trainer = Trainer
role-accreditor = Accreditor

## Catalogue
catalogue-title = Training catalogue
catalogue-lead = Find a training session on diversity, equal treatment and non-discrimination, and register online.
catalogue-filters = Search the catalogue
catalogue-text = Words
catalogue-region = Region
catalogue-audience = For
catalogue-from = From
catalogue-to = To
catalogue-search = Search
catalogue-reset = Clear the filters
catalogue-count = { $count ->
    [0] No sessions found.
    [one] One session found.
   *[other] { $count } sessions found.
}
catalogue-none = No session matches these filters. Try fewer words or another date range.
catalogue-accredited-by = Accredited ({ $body })
seats-left = { $count ->
    [one] One seat left
   *[other] { $count } seats left
}
seats-full = Full: new registrations join the waiting list

## Programmes
programmes-title = Programmes
programmes-new = New programme
programmes-none = No programme yet.
programme-edit = Edit the programme
programme-title = Title
programme-funder = Funder
programme-funder-hint = For example: European Social Fund Plus (ESF+)
programme-description = Description
programme-starts-on = Starts on
programme-ends-on = Ends on
programme-period = Period
programme-indicators = The programme’s indicators
programme-courses = Its courses
programme-no-courses = No course in this programme yet.
programme-sessions = Its sessions, upcoming first
programme-no-sessions = No session in this programme yet.

## Accrediting bodies
bodies-title = Accrediting bodies
bodies-lead = Universities and other bodies that accredit courses and verify their certificates.
bodies-none = No accrediting body yet.
bodies-new = Add an accrediting body
body-name = Name
body-code = Code
body-code-hint = 2 to 10 letters or digits, used in certificate numbers (for example ULE).
body-website = Website

## Regions
regions-title = Regions
regions-new = Add a region
region-name = Name
region-code = Code
region-code-hint = A short stable code, for example ES-AN.

## Courses
courses-title = Courses
courses-new = New course
courses-none = No course yet.
course-edit = Edit the course
course-texts-title = Texts in other languages
course-texts-intro = The course is written in { $language }. Give its title, summary and objectives in other languages: their readers see them, everyone else sees the course's own. Leave a language blank for none.
course-public-page = See the public page
course-title = Title
course-programme = Programme
course-no-programme = No programme
course-summary = Summary
course-objectives = Learning objectives
course-objectives-hint = One per line.
course-hours = Hours
course-hours-hint = Nominal hours, for example 20 or 7.5.
course-modality = Modality
course-language = Language
course-audiences = Audiences
course-accreditation = Accreditation
course-accreditation-body = Accrediting body
course-not-accredited = Not accredited
course-credits = Credits
course-recognised-hours = Recognised hours
course-minimum-attendance = Minimum attendance (%)
course-minimum-attendance-hint = Share of the session's hours needed to complete it. 80 unless the body says otherwise.
course-survey-required = The satisfaction survey must be answered before the certificate
error-needs-accreditation = This is what an accrediting body recognises: choose the body above, or leave it empty.
course-sessions = Sessions
course-no-sessions = No session of this course is scheduled.
credits-count = { $credits ->
    [one] { $credits } credit
   *[other] { $credits } credits
}
minimum-attendance = minimum attendance { $percent } %

## Sessions
sessions-title = Sessions
my-sessions-title = My sessions
sessions-new = New session
sessions-none = No session here.
sessions-from = Running on or after
sessions-to = Starting on or before
sessions-order = Sessions to come first, the soonest at the top; then past sessions, the latest first.
sessions-past = Past sessions
session-edit = Edit the session
session-public-page = See the public page
session-course = Course
session-capacity = Seats
session-time-zone = Time zone
session-time-zone-frequent = Frequent
session-time-zone-hint = Type the first letters of a city to find its zone (for example Africa/Tunis).
time-zone-region-africa = Africa
time-zone-region-america = America
time-zone-region-antarctica = Antarctica
time-zone-region-asia = Asia
time-zone-region-atlantic = Atlantic Ocean
time-zone-region-australia = Australia
time-zone-region-europe = Europe
time-zone-region-indian = Indian Ocean
time-zone-region-pacific = Pacific Ocean
session-meetings = Meetings
session-meetings-hint = Date, start and end of each meeting, in the session's time zone. Leave rows empty to ignore them; three more rows appear after saving. A meeting that starts at 18:00 or later and ends after midnight: give its end time, and it ends the next day.
session-no-meetings = Dates to be announced
session-venue = Venue
session-venue-hint = For in-person and blended sessions.
venue-name = Name of the venue
venue-address = Address
venue-city = City
venue-region = Region
session-online-url = Online meeting link
session-online-url-hint = For online and blended sessions; only registered participants receive it.
session-registration-opens = Registration opens
session-registration-closes = Registration closes
session-trainers = Trainers
session-status = Status
session-change-status = Change the status:
session-final-notice = This session is completed or cancelled: it can no longer be changed.
session-dates = Dates
session-place = Place
session-seats = Seats
session-hours = Hours
session-online = Online
session-online-link-later = Online (the link is sent to registered participants)
session-times-in-zone = Times are in the { $zone } time zone.
meeting-date = Date
meeting-start = Start
meeting-end = End
meeting-date-n = Date of meeting { $n }
meeting-start-n = Start of meeting { $n }
meeting-end-n = End of meeting { $n }

## Users
users-title = Users
users-new = New user
user-edit = Edit the user
user-name = Name
user-email = E-mail
user-roles = Roles
user-body = Accrediting body (accreditors)
user-language = Language
user-password = Password
user-password-hint = At least 10 characters. Leave empty to set it later.
user-password-keep = Leave empty to keep the current password.
user-password-own = Your own password is changed with your current one, on your own page:
user-active = Active
user-active-hint = An inactive user cannot sign in and is signed out at once.

## API tokens
tokens-title = API tokens
error-token-no-organisation = A token works in an organisation, and your account works in none: ask an administrator to add you to one.
password-title = My password
password-lead = Change the password you sign in with. Every other sign-in of yours ends; this one stays. Your API tokens keep working: revoke them on the API tokens page if someone else may know them.
password-current = Current password
password-new = New password
password-new-hint = At least { $min } characters. A sentence of a few words is easy to remember and hard to guess.
password-new-again = The new password again
password-submit = Change my password
tokens-lead = Tokens let an integration use the API on your behalf, with your roles. Send one as "Authorization: Bearer" followed by the token.
tokens-created = Your new token
tokens-created-once = Copy it now: it is shown only this once.
tokens-none = You have no token yet.
tokens-new = Create a token
tokens-create = Create the token
token-name = What it is for
token-name-hint = For example: the union's intranet.
token-created = Created
token-last-used = Last used
token-state = State
token-revoked = Revoked
token-revoke = Revoke “{ $name }”

## Sign-in
sign-in-title = Staff sign-in
sign-in-lead = For organisers, trainers, accreditors and administrators. Trainees do not need an account.
sign-in-email = E-mail
sign-in-password = Password
sign-in-submit = Sign in
sign-in-failed = The e-mail or the password is not right.

## Errors
error-title-400 = The request cannot be read
error-title-401 = Please sign in
error-title-403 = Not allowed
error-title-404 = Page not found
error-title-405 = This page does not open this way
error-title-408 = Too slow
error-title-409 = Not possible now
error-title-413 = Too large
error-title-415 = Wrong format
error-title-422 = Some values are not right
error-title-429 = Too many attempts
error-title-500 = Something went wrong
error-code = Error { $status }
error-back-home = Back to the catalogue
error-unauthenticated = Please sign in to continue.
error-forbidden = Your role does not allow this.
error-organisation-suspended-staff = { $name } is suspended: its staff cannot work in it until an administrator of this site reactivates it.
error-csrf = This form has expired. Go back, reload the page and try again.
error-cross-site = This change must come from Aula's own pages, or use an API token.
error-not-found = We could not find what you asked for.
error-method-not-allowed = This address does not take that kind of request.
error-too-large = What you sent is too large.
error-timeout = The request took too long: try again. If you were sending a file, a faster connection may help.
error-media-type = Send the body with the header Content-Type: { $expected }.
error-invalid = Some values are not right; see each field.
error-too-many-requests = Too many attempts. Wait a minute and try again.
error-internal = Something went wrong on our side. Please try again later.
error-body = The request's body cannot be read.
error-form = The form cannot be read.
error-encoding = The text is not in UTF-8; send it again from the form.
error-query = The address's parameters cannot be read.
error-query-repeated = Give this parameter once.
error-query-unknown = This address does not read this parameter. It reads: { $known }.
error-query-value = This value cannot be read here.
error-json-syntax = The JSON is malformed.
error-json-object = Send a JSON object.
error-json-missing = The field “{ $field }” is missing.
error-json-type = The field “{ $field }” does not have the expected type.
error-json-duplicate = The field “{ $field }” is given twice.
error-unknown-field = There is no such field.
error-duplicate = This already exists.
error-in-use = Other records depend on this.
error-required = Required.
error-too-long = At most { $max ->
    [one] one character
   *[other] { $max } characters
}.
error-too-many = At most { $max }.
error-control-characters = Remove the invisible control characters.
error-invisible-characters = This name holds a character that shows nothing (a zero-width space, a soft hyphen…): type it again without it.
error-email = Give an e-mail address such as name@example.org.
error-email-taken = A user already has this e-mail.
error-url = Give a web address starting with https://.
error-range = Give a number from { $min } to { $max }.
error-range-above-zero = Give a number above 0, up to { $max }.
error-whole-number = Give a whole number.
error-number = Give a number.
error-choice = Choose one of the options.
error-choose-one = Choose at least one.
error-unknown-choice = This choice does not exist (any more).
error-course-text-language = The course's own language is written on the course itself, and each other language once.
error-course-language-has-text = The course has a text in this language: remove it under “Texts in other languages” first.
error-date = Give a date as YYYY-MM-DD.
error-date-range = The end of the period must not be before its start.
error-time = Give a time as HH:MM.
error-datetime = Give a date and time.
error-time-zone = Unknown time zone.
error-time-skipped = This time does not exist on that day (the clocks change).
error-end-before-start = The end must come after the start.
error-record-past-to-come = Only a session that has already begun can be recorded after the fact: its first meeting is still to come, and its people would hear nothing about it.
error-meeting-order = The meeting must end after it starts.
error-meeting-too-long = A meeting lasts at most 24 hours.
error-meeting-year = A meeting takes place between the years { $min } and { $max }.
error-year = Give a date between the years { $min } and { $max }.
error-meetings-overlap = Two meetings overlap.
error-meeting-outside-programme = The programme runs from { $from } to { $to }: every meeting must fall within these dates (change the meeting or the programme’s dates).
error-activity-outside-programme = The programme runs from { $from } to { $to }: the activity must fall within these dates (change its day or the programme’s dates).
error-venue-needed = An in-person session needs a venue.
error-online-url-needed = An online session needs its meeting link.
error-venue-or-url-needed = Give a venue, an online link, or both.
error-unknown-trainer = Choose trainers among the users with the trainer role.
error-session-course-fixed = A session's course cannot be changed; create a new session instead.
error-capacity-below-taken = { $taken ->
    [one] One seat is already taken
   *[other] { $taken } seats are already taken
}; the capacity cannot be lower.
error-session-final = A completed or cancelled session can no longer be changed.
error-status-transition = A session cannot go from “{ $from }” to “{ $to }”.
error-complete-before-end = A session can be marked completed once its last meeting is over.
error-open-needs-meetings = Add at least one meeting before opening registration.
error-keep-a-meeting = A session open or closed for registration keeps at least one meeting, and one without meetings is not completed: to call it off, cancel it.
error-meeting-has-marks = The meeting of { $date } has attendance recorded: it can be given other times on its day, but not removed or moved to another day.
error-body-code = 2 to 10 letters or digits.
error-body-code-taken = Another body already uses this code.
error-region-code-taken = Another region already uses this code.
error-region-name-taken = Another region already has this name.
error-accreditor-body = An accreditor must belong to an accrediting body.
error-password-short = At least { $min ->
    [one] one character
   *[other] { $min } characters
}.
error-password-spaces = A password cannot be made of spaces alone.
error-current-password = This is not your current password.
error-sender-name-address = A name only: without “<”, “>” or “@”, which would make it read as an address.
error-password-mismatch = The two new passwords are not the same.
error-cannot-demote-self = You cannot remove your own administrator role or deactivate yourself.
error-own-password-elsewhere = Your own password is changed on “My password”, with your current one.
table-region = Table; it scrolls sideways on small screens
error-unavailable = The database is not answering for a moment; nothing was changed. Please try again in a few seconds.
error-email-and-without = An address was given for a person marked as having none: remove the address or untick the box.

# Commissioning and partners (issue 20)
programme-funders = Funders
programme-funders-hint = In the order reports name them, each with its reference (a grant agreement’s number). Empty rows are left out; save to get more rows.
programme-funder-n = Funder { $n }
programme-funder-reference-n = Reference of funder { $n }
programme-funder-with-reference = { $name } (ref. { $detail })
programme-commissioner = Commissioning body
programme-commissioner-hint = The body that commissioned the programme, e.g. a city. Its courses and sessions are commissioned by it unless they name their own.
programme-contract-reference = Contract reference
programme-commissioner-with-contract = { $name }, contract { $detail }
programme-partners = Partners
programme-partner-n = Partner { $n }
programme-partner-role-n = Role of partner { $n }
programme-partner-with-role = { $name }: { $detail }
course-commissioner-hint = Only when this course was commissioned by a body other than its programme’s, e.g. a local authority.
session-commissioner-hint = Only when this session was commissioned by a body other than its course’s or programme’s, e.g. a local authority.
indicators-commissioner = Commissioning body
error-funder-twice = { $name } is named twice among the funders.
error-contract-without-commissioner = A contract reference needs the commissioning body it is with.
programme-funder-logos = Funders’ logos
programme-funder-logos-hint = PNG or SVG. Printed at the foot of the certificates issued from now on, and on this programme’s reports. A logo stays with its funder’s name when the funders are reordered.
programme-funder-logo-of = Logo of { $name }
programme-funder-logo-file = Logo of { $name } (PNG or SVG)
programme-funder-logo-save = Upload
programme-funder-logo-remove = Remove the logo
programme-funder-logo-remove-of = Remove the logo of { $name }
funder-logo-saved = The funder’s logo is saved.
funder-logo-removed = The funder’s logo is removed.
