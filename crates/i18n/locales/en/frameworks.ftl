# Frameworks as files: importing and exporting them as CASE 1.0 (JSON) and as CSV.

## The import page
frameworks-import-link = Import a framework
frameworks-import-title = Import a framework
frameworks-import-intro = Upload a framework as a CASE 1.0 file (JSON), as other skills tools and other skillgym services export it, or as a framework CSV file edited in a spreadsheet. If the file has any problem, nothing is imported and every problem is listed.
frameworks-import-file-label = Framework file (CASE JSON or CSV)
frameworks-import-file-hint = skillgym tells the two formats apart by what is in the file. Its code and identifier must not be used by a framework you already have.
frameworks-import-button = Import framework
frameworks-import-file-missing = Choose a framework file to import
frameworks-import-problems-found = { $count ->
    [one] The file has 1 problem
   *[other] The file has { $count } problems
}
frameworks-import-nothing-written = Nothing was imported. Correct the file and upload it again.
frameworks-import-problems-caption = Problems in the file
frameworks-import-where = Item or line
frameworks-import-field = Field
frameworks-import-problem = Problem
frameworks-import-line = line { $line }
frameworks-import-whole-file = the whole file
frameworks-import-code-taken = A framework with this code already exists
frameworks-import-identifier-taken = A framework with this identifier already exists

## Downloads on a framework's page
frameworks-download-title = Download this framework
frameworks-download-case = Download as CASE 1.0 (JSON)
frameworks-download-csv = Download as CSV for a spreadsheet

## Problems in a CASE file
case-json-malformed = This is not a valid JSON file: it stops making sense at line { $line }, column { $column }
case-document-missing = There is no CFDocument: this is not a CASE framework
case-wrong-type = This field has the wrong kind of value (for example, text where a list is expected)
case-identifier-missing = Every item needs an identifier
case-identifier-duplicate = This identifier is used by another item
case-statement-missing = Every item needs a fullStatement
case-association-unknown-item = This association points to an item that is not in the file
case-item-no-parent = This item is not attached to the framework: no isChildOf association starts from it
case-item-many-parents = This item is attached to more than one parent
case-association-cycle = The isChildOf associations go round in a circle and never reach the framework
case-competence-no-area = This competence is attached to the framework itself: attach it to an area
case-item-too-deep = This item is more than two levels below the framework: skillgym has areas, each with competences
case-rubric-missing = There is no CFRubric describing the five levels of rating
case-levels-count = The rubric must describe exactly five levels

## Problems in a framework CSV file
framework-csv-not-utf8 = The file is not saved as UTF-8: save it as “CSV UTF-8” and try again
framework-csv-unreadable = This line cannot be read as CSV: check for a quote mark that is never closed
framework-csv-empty = The file is empty
framework-csv-missing-column = The column { $value } is missing
framework-csv-unknown-column = The column { $value } is not a framework file column, or is given twice
framework-csv-field-count = This line has { $value } cells, not the same number as the first line
framework-csv-kind-invalid = The kind must be framework, level, area or competence, not “{ $value }”
framework-csv-no-framework = There is no line of the kind framework giving its code and title
framework-csv-framework-twice = There is more than one line of the kind framework
framework-csv-level-invalid = A level's code must be a number from 1 to 5, not “{ $value }”
framework-csv-level-duplicate = Level { $value } is given twice
framework-csv-level-missing = Level { $value } is missing: describe all five levels
framework-csv-area-missing = Give the code of the area this competence belongs to
framework-csv-area-unknown = There is no area with the code { $value }

## The command line
cli-framework-imported = { $competences ->
    [one] Imported framework { $code } with 1 competence.
   *[other] Imported framework { $code } with { $competences } competences.
}
cli-framework-refused = Nothing was imported: the file has { $count ->
    [one] 1 problem
   *[other] { $count } problems
}
cli-framework-problem-item = { $item }, { $field }: { $message }
cli-framework-problem-line = line { $line }, column { $field }: { $message }
cli-framework-not-found = There is no framework with the code { $code }.
