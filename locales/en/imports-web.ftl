# Registering people from a CSV file: the organisers' pages and the API's words.

## Problems
error-import-no-file = Choose the file to upload.
error-import-no-column = The file has no column “{ $column }”.
error-import-unknown-parameter = Unknown parameter. Use on_error, dry_run, without_email or map.<field> (given_name, family_name, email, phone, employer, job_title, audience, region, language, identifier).
import-field-problem = { $field }: { $problem }
import-aborted = Nothing was registered: some lines of the file are rejected. Correct them and upload the file again, or register only the valid people.
flash-import-done = The import is done. Each person registered gets an e-mail.
flash-import-discarded = The file was set aside: nobody was registered.

## Upload
import-title = Import people from a file
import-lead = Register a list of people at once from a spreadsheet saved as CSV. Nothing is registered before you have seen the report of the whole file and decided.
import-columns-title = Columns
import-columns-intro = The first line of the file names the columns. These columns are read:
import-required = required
import-columns-choices = Column names in English, French or Spanish are recognised (for example “E-mail”, “Courriel” or “Correo electrónico”); you can choose the columns yourself on the next page. Other columns are ignored. An empty profile is “Other”; an empty language is the course's language; a region is written as its name or its code.
import-format-title = File format
import-format-encoding = Text as your spreadsheet saves it: “CSV UTF-8” is best; “CSV” from Excel on Windows or a Mac and “Unicode Text” are read too.
import-format-separators = Cells separated by commas (,), semicolons (;) or tabs.
import-format-limits = One line per person, at most { $max } people and 2 MB.
import-file = CSV file
import-file-hint = The file is checked first: you will see which lines can be registered and which cannot.
import-upload = Upload and check

## Report
import-report-title = Check the file before registering
import-report-file = File: { $file }
import-report-rows = Lines with people: { $rows }
import-accepted = can be registered
import-rejected = rejected
import-over-capacity = There are more people to register than seats left: those beyond the seats go on the waiting list.
import-mapping-title = Which column holds what
import-mapping-intro = Check the column chosen for each field, then check the file again if you change one.
import-not-in-file = — not in the file —
import-check-again = Check the file again with these columns
import-rejected-title = Rejected lines
import-rejected-intro = These lines cannot be registered as they are. Correct them in your spreadsheet and upload the file again, or register only the valid people.
import-line = Line
import-problems = Problems
import-preview-title = First people to register
import-preview-more = And { $count } more.
import-decide-title = Register
import-decide-intro = Each person registered gets an e-mail, as for a registration by hand. People already registered for this session are left as they are.
import-register-all = Register these people ({ $count })
import-register-valid = Register the valid people ({ $accepted }) and skip the rejected lines ({ $rejected })
import-nothing-to-register = Nobody can be registered from this file as it is.
import-register-nobody = Register nobody

## After the import
import-done-title = Import done
import-done-registered = Newly registered
import-done-waitlisted = Of whom on the waiting list
import-done-pending = Of whom waiting for their e-mail confirmation
import-done-already = Already registered (unchanged)
import-done-skipped = Rejected lines skipped
import-see-registrations = See the registrations
import-another = Import another file
import-without-email = Rows without an e-mail address are people who have none
import-without-email-help = Newly arrived people, walk-ins: they are registered without e-mail and get none. An address that is in the file must still be valid.
