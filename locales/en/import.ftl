# Registering people from a CSV file: what is wrong with the file, and the
# names of the fields on the form that maps its columns.

## The file as a whole
error-csv-encoding = The file is not text (a workbook or a PDF?). In your spreadsheet, save it as “CSV UTF-8” and upload it again.
error-csv-empty = The file has no people in it: it needs a header line, then one line per person.
error-csv-row-length = Line { $line } has { $found ->
    [one] one cell
   *[other] { $found } cells
} where the header line has { $expected }. Look for a separator too many or too few on that line.
error-csv-header = Column { $column } of the header line has no name, or the same name as another column. Give each column its own name.
error-csv-too-many-rows = The file has more than { $max } people. Split it into several files.
error-csv-too-many-columns = The file has more than { $max } columns. Keep only the columns of the list.
error-csv-malformed = The file cannot be read from line { $line } on. Look for a quotation mark that opens a cell and is never closed.
error-import-unmapped = Choose the column that holds “{ $field }”.

## One line of the file
error-import-region = There is no region “{ $value }”. Write a region's name or code as Aula knows it, or leave the cell empty.
error-import-duplicate = The same e-mail address is already on line { $line }.

## The columns' fields
import-field-given-name = Given name
import-field-family-name = Family name
import-field-email = E-mail
import-field-phone = Phone
import-field-employer = Workplace
import-field-job-title = Job title
import-field-audience = Profile
import-field-region = Region
import-field-language = Language
import-field-identifier = Identifier for the accrediting body
error-import-duplicate-person = Line { $line } already has a person of these names without e-mail and with the same telephone: if they are two people, add a telephone number or an address to tell them apart.
