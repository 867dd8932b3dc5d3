# Fframweithiau fel ffeiliau: eu mewnforio a'u hallforio fel CASE 1.0 (JSON) ac fel CSV.
# Welsh translation written for skillgym; to be reviewed by a native Welsh speaker before
# production use. A first review (December 2026, by a fluent reader who is not a native speaker)
# has been applied; the house style and word list it settled are in docs/welsh.md, and lines
# marked "review:" point a reviewer at choices worth a second look.

## Y dudalen fewnforio
frameworks-import-link = Mewnforio fframwaith
frameworks-import-title = Mewnforio fframwaith
# review: "CASE 1.0" and "JSON" kept as the names of the formats
frameworks-import-intro = Lanlwythwch fframwaith fel ffeil CASE 1.0 (JSON), fel y mae offer sgiliau eraill a gwasanaethau skillgym eraill yn ei hallforio, neu fel ffeil CSV fframwaith wedi'i golygu mewn taenlen. Os oes unrhyw broblem gyda'r ffeil, nid oes dim yn cael ei fewnforio ac mae pob problem yn cael ei rhestru.
frameworks-import-file-label = Ffeil fframwaith (CASE JSON neu CSV)
frameworks-import-file-hint = Mae skillgym yn gwahaniaethu rhwng y ddau fformat yn ôl beth sydd yn y ffeil. Ni ddylai fframwaith sydd gennych eisoes ddefnyddio'r un cod na'r un dynodydd.
frameworks-import-button = Mewnforio'r fframwaith
frameworks-import-file-missing = Dewiswch ffeil fframwaith i'w mewnforio
frameworks-import-problems-found = { $count ->
    [zero] Nid oes gan y ffeil unrhyw broblemau
    [one] Mae gan y ffeil un broblem
    [two] Mae gan y ffeil ddwy broblem
    [few] Mae gan y ffeil dair problem
    [many] Mae gan y ffeil chwe phroblem
   *[other] Mae gan y ffeil { $count } o broblemau
}
frameworks-import-nothing-written = Nid oes dim wedi'i fewnforio. Cywirwch y ffeil a'i lanlwytho eto.
frameworks-import-problems-caption = Problemau yn y ffeil
frameworks-import-where = Eitem neu linell
frameworks-import-field = Maes data
frameworks-import-problem = Problem
frameworks-import-line = llinell { $line }
frameworks-import-whole-file = y ffeil gyfan
frameworks-import-code-taken = Mae fframwaith gyda'r cod hwn yn bodoli'n barod
# review: "dynodydd" for "identifier"
frameworks-import-identifier-taken = Mae fframwaith gyda'r dynodydd hwn yn bodoli'n barod

## Lawrlwytho ar dudalen fframwaith
frameworks-download-title = Lawrlwytho'r fframwaith hwn
frameworks-download-case = Lawrlwytho fel CASE 1.0 (JSON)
frameworks-download-csv = Lawrlwytho fel CSV ar gyfer taenlen

## Problemau mewn ffeil CASE
case-json-malformed = Nid yw hon yn ffeil JSON ddilys: mae'n peidio â gwneud synnwyr yn llinell { $line }, colofn { $column }
case-document-missing = Nid oes CFDocument: nid fframwaith CASE yw hwn
case-wrong-type = Mae'r math anghywir o werth yn y maes data hwn (er enghraifft, testun lle mae disgwyl rhestr)
case-identifier-missing = Mae angen dynodydd ar bob eitem
case-identifier-duplicate = Mae eitem arall yn defnyddio'r dynodydd hwn
case-statement-missing = Mae angen fullStatement ar bob eitem
# review: "cysylltiad" for "association"
case-association-unknown-item = Mae'r cysylltiad hwn yn pwyntio at eitem nad yw yn y ffeil
case-item-no-parent = Nid yw'r eitem hon ynghlwm wrth y fframwaith: nid oes cysylltiad isChildOf yn dechrau ohoni
case-item-many-parents = Mae'r eitem hon ynghlwm wrth fwy nag un rhiant
case-association-cycle = Mae'r cysylltiadau isChildOf yn mynd mewn cylch a byth yn cyrraedd y fframwaith
case-competence-no-area = Mae'r cymhwysedd hwn ynghlwm wrth y fframwaith ei hun: rhowch ef ynghlwm wrth faes
case-item-too-deep = Mae'r eitem hon fwy na dwy lefel o dan y fframwaith: mae gan skillgym feysydd, pob un â chymwyseddau
# review: "cyfarwyddyd sgorio" for "rubric"
case-rubric-missing = Nid oes CFRubric (cyfarwyddyd sgorio) yn disgrifio pum lefel y sgôr
case-levels-count = Rhaid i'r cyfarwyddyd sgorio ddisgrifio pum lefel yn union

## Problemau mewn ffeil CSV fframwaith
framework-csv-not-utf8 = Nid yw'r ffeil wedi'i chadw fel UTF-8: cadwch hi fel “CSV UTF-8” a rhowch gynnig arall arni
framework-csv-unreadable = Nid oes modd darllen y llinell hon fel CSV: chwiliwch am ddyfynnod nad yw byth yn cael ei gau
framework-csv-empty = Mae'r ffeil yn wag
framework-csv-missing-column = Mae'r golofn { $value } ar goll
framework-csv-unknown-column = Nid yw'r golofn { $value } yn golofn ffeil fframwaith, neu mae'n cael ei rhoi ddwywaith
framework-csv-field-count = Mae gan y llinell hon { $value } o gelloedd, nid yr un nifer â'r llinell gyntaf
# review: the kinds stay in English (framework, level, area, competence) because they are values typed in the file
framework-csv-kind-invalid = Rhaid i'r math fod yn framework, level, area neu competence, nid “{ $value }”
framework-csv-no-framework = Nid oes llinell o'r math framework yn rhoi ei god a'i deitl
framework-csv-framework-twice = Mae mwy nag un llinell o'r math framework
framework-csv-level-invalid = Rhaid i god lefel fod yn rhif o 1 i 5, nid “{ $value }”
framework-csv-level-duplicate = Mae lefel { $value } yn cael ei rhoi ddwywaith
framework-csv-level-missing = Mae lefel { $value } ar goll: disgrifiwch bob un o'r pum lefel
framework-csv-area-missing = Rhowch god y maes y mae'r cymhwysedd hwn yn perthyn iddo
framework-csv-area-unknown = Nid oes maes gyda'r cod { $value }

## Y llinell orchymyn
cli-framework-imported = { $competences ->
    [zero] Wedi mewnforio fframwaith { $code }; nid oes ganddo gymwyseddau.
    [one] Wedi mewnforio fframwaith { $code }; mae ganddo un cymhwysedd.
    [two] Wedi mewnforio fframwaith { $code }; mae ganddo ddau gymhwysedd.
    [few] Wedi mewnforio fframwaith { $code }; mae ganddo dri chymhwysedd.
    [many] Wedi mewnforio fframwaith { $code }; mae ganddo chwe chymhwysedd.
   *[other] Wedi mewnforio fframwaith { $code }; mae ganddo { $competences } o gymwyseddau.
}
cli-framework-refused = Nid oes dim wedi'i fewnforio: mae { $count ->
    [zero] { $count } o broblemau
    [one] un broblem
    [two] dwy broblem
    [few] tair problem
    [many] chwe phroblem
   *[other] { $count } o broblemau
} yn y ffeil
cli-framework-problem-item = { $item }, { $field }: { $message }
cli-framework-problem-line = llinell { $line }, colofn { $field }: { $message }
cli-framework-not-found = Nid oes fframwaith gyda'r cod { $code }.
