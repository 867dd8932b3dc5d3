# Y catalog dysgu.

# review:
nav-learning = Dysgu
# review:
catalogue-title = Catalog dysgu
# review:
catalogue-intro = Fideos byr, canllawiau, clybiau, cyrsiau, hyfforddi a mwy, pob un gyda'r sgiliau y mae'n eu datblygu. Chwiliwch am yr hyn sy'n ffitio'r amser sydd gennych.
# review:
catalogue-add = Ychwanegu gweithgaredd
# review:
catalogue-import-link = Mewnforio ffeil catalog
# review:
catalogue-download = Lawrlwytho'r catalog (CSV)
# review:
catalogue-search-label = Chwilio'r catalog
# review:
catalogue-words = Geiriau yn y teitl neu'r disgrifiad
# review:
catalogue-competence = Sgil y mae'n ei datblygu
# review:
catalogue-any = Unrhyw un
# review:
catalogue-level = I lefel
# review:
catalogue-level-at-least = { $level } neu uwch
# review:
catalogue-minutes = Yr amser y mae'n ei gymryd
# review:
catalogue-minutes-at-most = { $minutes } munud neu lai
# review:
catalogue-kind = Math o weithgaredd
# review:
catalogue-language = Iaith
# review:
catalogue-provider = Darparwr
# review:
catalogue-search = Chwilio
# review:
# plural: no [two], [few] or [many] arm: "Cafwyd hyd i { $count } o weithgareddau" reads right after any figure.
catalogue-found = { $count ->
    [zero] Ni chafwyd hyd i unrhyw weithgaredd, o { $total }
    [one] Cafwyd hyd i 1 gweithgaredd, o { $total }
   *[other] Cafwyd hyd i { $count } o weithgareddau, o { $total }
}
# review:
# plural: no [two], [few] or [many] arm: "{ $total } o weithgareddau" reads right after any figure.
catalogue-all = { $total ->
    [0] Mae'r catalog yn wag.
    [one] 1 gweithgaredd
   *[other] { $total } o weithgareddau
}
# review:
catalogue-back = Yn ôl i'r catalog dysgu

# review:
activity-kind-video = Fideo
# review:
activity-kind-guide = Canllaw un dudalen
# review:
activity-kind-case-study = Astudiaeth achos
# review:
activity-kind-e-learning = E-ddysgu
# review:
activity-kind-course = Cwrs
# review:
activity-kind-webinar = Gweminar
# review:
activity-kind-event = Digwyddiad neu wersyll hyfforddi
# review:
activity-kind-club = Clwb gydag aseiniadau wythnosol
# review:
activity-kind-drop-in = Sesiwn galw heibio
# review:
activity-kind-shadowing = Cysgodi cydweithiwr
# review:
activity-kind-coaching = Hyfforddi un i un

# review:
activity-title = Gweithgaredd
# review:
# plural: no [zero], [two], [few] or [many] arm: "{ $minutes } munud" reads right after any figure written in digits; an activity takes at least 1 minute.
activity-minutes = { $minutes ->
    [one] 1 munud
   *[other] { $minutes } munud
}
# review:
activity-free = Am ddim
# review:
activity-builds = Yn datblygu:
# review:
activity-to-level = i lefel { $level }
# review:
activity-length = Yr amser y mae'n ei gymryd
# review:
activity-cost = Cost
# review:
activity-builds-heading = Y sgiliau y mae'n eu datblygu
# review:
activity-where = Ble i ddod o hyd iddo
# review:
activity-completion = Sut mae ei gwblhau yn cael ei gofnodi
# review:
activity-usefulness = Pa mor ddefnyddiol oedd e i bobl
# review:
activity-usefulness-mean = { $mean } allan o 5, o { $count } o sgoriau
# review:
activity-usefulness-few = Caiff ei ddangos pan fydd { $threshold } o bobl wedi rhoi sgôr iddo.
# review:
activity-code = Cod
# review:
activity-edit = Newid y gweithgaredd hwn
# review:
activity-rate-heading = Ydych chi wedi'i wneud?
# review:
activity-rate-question = Pa mor ddefnyddiol oedd e i chi?
# review:
activity-rate-hint = Mae eich sgôr yn cael ei chyfrif gyda sgoriau pawb; nid oes neb yn gweld eich un chi ar ei phen ei hun.
# review:
activity-rated = Rhoesoch sgôr o { $usefulness } allan o 5. Gallwch newid eich sgôr.
# review:
activity-usefulness-1 = 1 – ddim yn ddefnyddiol
# review:
activity-usefulness-2 = 2 – ychydig yn ddefnyddiol
# review:
activity-usefulness-3 = 3 – defnyddiol
# review:
activity-usefulness-4 = 4 – defnyddiol iawn
# review:
activity-usefulness-5 = 5 – hynod ddefnyddiol
# review:
activity-rate-button = Cadw fy sgôr
# review:
activity-rating-missing = Dewiswch pa mor ddefnyddiol oedd e, o 1 i 5

# review:
activity-new-title = Ychwanegu gweithgaredd
# review:
activity-edit-title = Newid gweithgaredd
# review:
activity-title-en = Teitl yn Saesneg
# review:
activity-title-cy = Teitl yn Gymraeg (dewisol)
# review:
activity-summary-en = Beth fydd pobl yn gallu ei wneud wedyn, yn Saesneg
# review:
activity-summary-cy = Yr un peth yn Gymraeg (dewisol)
# review:
activity-summary-hint = Un neu ddwy frawddeg syml.
# review:
activity-choose = Dewiswch
# review:
activity-minutes-label = Yr amser y mae'n ei gymryd, mewn munudau
# review:
activity-minutes-hint = Y cyfan ohono: mae clwb o chwe sesiwn wythnosol awr o hyd yn cymryd 360 munud.
# review:
activity-cost-label = Y gost i'r gwasanaeth, mewn punnoedd
# review:
activity-cost-hint = 0 pan fydd am ddim.
# review:
activity-languages = Yr ieithoedd y caiff ei gyflwyno ynddyn nhw
# review:
activity-url-label = Cyfeiriad (dewisol)
# review:
activity-url-hint = Ar gyfer fideo, e-ddysgu neu weminar sydd yn rhywle arall: yn dechrau gyda https://
# review:
activity-completion-label = Sut mae ei gwblhau yn cael ei gofnodi (dewisol)
# review:
activity-completion-hint = Ar gyfer e-ddysgu yn rhywle arall, er enghraifft "tystysgrif ar y diwedd".
# review:
activity-builds-hint = Hyd at dri sgil, pob un gyda'r lefel yn y fframwaith y mae'n eu datblygu iddi.
# review:
activity-competence-n = Sgil { $n }
# review:
activity-level-n = Y lefel y mae'n datblygu sgil { $n } iddi
# review:
activity-none = Dim
# review:
activity-code-hint = Cod byr sy'n aros yr un fath pan fydd y catalog yn cael ei allforio, ei fewnforio eto neu ei rannu: llythrennau, digidau a llinellau toriad.
# review:
activity-save = Cadw'r gweithgaredd
# review:
activity-code-taken = Mae gan weithgaredd arall yn y catalog y cod hwn

# review:
activity-title-missing = Rhowch deitl
# review:
activity-provider-missing = Rhowch pwy sy'n ei ddarparu
# review:
activity-text-too-long = Mae hwn yn rhy hir
# review:
activity-minutes-invalid = Rhowch yr amser y mae'n ei gymryd fel nifer cyfan o funudau, o 1 i 10,000
# review:
activity-competence-unknown = Nid yw hwn yn sgil yn unrhyw un o'ch fframweithiau
# review:
activity-code-missing = Rhowch god
# review:
activity-code-invalid = Defnyddiwch hyd at 40 o lythrennau, digidau, llinellau toriad, atalnodau llawn a thanlinellau ar gyfer y cod
# review:
activity-kind-invalid = Dewiswch y math o weithgaredd o'r rhestr
# review:
activity-languages-invalid = Rhowch yr ieithoedd fel en, cy neu'r ddwy
# review:
activity-languages-missing = Dewiswch o leiaf un iaith
# review:
activity-cost-invalid = Rhowch y gost mewn punnoedd, fel 0 neu 12.50, hyd at 10,000
# review:
activity-url-invalid = Rhowch gyfeiriad sy'n dechrau gyda https:// neu http://
# review:
activity-builds-invalid = Ysgrifennwch bob sgil fel ei god a'i lefel, fel SAFE-1:2
# review:
activity-builds-level = Dewiswch lefel o 1 i 5
# review:
activity-builds-twice = Mae'r sgil hwn wedi'i restru ddwywaith
# review:
activity-builds-missing = Dewiswch o leiaf un sgil y mae'n ei ddatblygu
# review:
activity-builds-too-many = Peidiwch â rhestru mwy na 6 sgil

# review:
catalogue-csv-not-utf8 = Nid yw'r ffeil wedi'i chadw fel testun UTF-8: cadwch hi o'ch taenlen fel "CSV UTF-8"
# review:
catalogue-csv-unreadable = Nid oes modd darllen y llinell hon fel CSV: chwiliwch am ddyfynnod nad yw byth yn cael ei gau
# review:
catalogue-csv-empty = Mae'r ffeil yn wag
# review:
catalogue-csv-missing-column = Nid oes colofn { $value } yn y ffeil
# review:
catalogue-csv-unknown-column = Nid yw'r golofn { $value } yn un sydd mewn ffeil catalog (neu mae yno ddwywaith)
# review:
catalogue-csv-field-count = Mae { $value } cell yn y llinell hon, nid yr un nifer â'r pennawd
# review:
catalogue-csv-no-rows = Mae pennawd yn y ffeil ond dim gweithgareddau
# review:
catalogue-csv-code-twice = Mae'r cod { $value } ar linell gynharach hefyd

# review:
catalogue-import-title = Mewnforio ffeil catalog
# review:
catalogue-import-intro = Ffeil CSV gydag un gweithgaredd ar bob llinell, fel y mae lawrlwythiad y catalog yn ei rhoi. Mae gweithgareddau y mae eu cod yn y catalog eisoes yn cael eu newid; mae'r lleill yn cael eu hychwanegu. Os oes unrhyw linell yn anghywir, nid oes dim yn cael ei fewnforio, ac mae pob problem wedi'i rhestru yn ôl llinell a cholofn.
# review:
catalogue-import-file-label = Ffeil catalog
# review:
catalogue-import-file-hint = Colofnau: cod, teitl, teitl_cy, crynodeb, crynodeb_cy, math, darparwr, munudau, cost, ieithoedd, cyfeiriad, cwblhau, cymwyseddau (yn Saesneg neu'n Gymraeg). Gweler docs/catalogue.md.
# review:
catalogue-import-file-missing = Dewiswch ffeil catalog
# review:
catalogue-import-button = Mewnforio'r catalog
# review:
catalogue-import-nothing-written = Nid oes dim wedi'i fewnforio. Cywirwch y ffeil a'i mewnforio eto.
# review:
catalogue-imported = { $added } wedi'u hychwanegu a { $updated } wedi'u newid.

# review:
audit-action-catalogue-imported = Ychwanegu neu newid gweithgareddau yn y catalog dysgu
# review:
# plural: no [few] or [many] arm: "{ $count } o broblemau" reads right after any figure; no [zero] arm: a file is refused only with a problem.
cli-catalogue-refused = { $count ->
    [one] Nid oes dim wedi'i fewnforio: mae 1 broblem yn y ffeil catalog.
    [two] Nid oes dim wedi'i fewnforio: mae 2 broblem yn y ffeil catalog.
   *[other] Nid oes dim wedi'i fewnforio: mae { $count } o broblemau yn y ffeil catalog.
}

# review:
session-heading = Sesiynau
# review:
session-order = Yn eich llyfrgell eich hun yn gyntaf, yna ar-lein, yna'r agosaf.
# review:
session-when = { $date }, { $from } i { $to }
# review:
session-online = Ar-lein
# review:
session-your-site = eich llyfrgell
# review:
# plural: no [zero] arm: shown only while a place is left; no [two], [few] or [many] arm: "{ $left } o leoedd ar ôl" reads right after any figure.
session-places-left = { $left ->
    [one] 1 lle ar ôl o { $capacity }
   *[other] { $left } o leoedd ar ôl o { $capacity }
}
# review:
# plural: no [two], [few] or [many] arm: "{ $waiting } o bobl yn aros" reads right after any figure.
session-full = { $waiting ->
    [0] Llawn: nid oes neb yn aros eto
    [one] Llawn: mae 1 person yn aros
   *[other] Llawn: mae { $waiting } o bobl yn aros
}
# review:
session-book = Archebu lle
# review:
session-join-waiting = Ymuno â'r rhestr aros
# review:
session-cancel = Rhoi'r gorau i fy lle
# review:
session-stop-waiting = Gadael y rhestr aros
# review:
session-you-are-booked = Mae gennych le.
# review:
# plural: no [two], [few] or [many] arm: "{ $ahead } o bobl o'ch blaen" reads right after any figure.
session-you-are-waiting = { $ahead ->
    [0] Chi sydd nesaf ar y rhestr aros: mae lle sy'n dod yn rhydd yn eiddo i chi ar unwaith.
    [one] Rydych chi ar y rhestr aros, gydag 1 person o'ch blaen.
   *[other] Rydych chi ar y rhestr aros, gyda { $ahead } o bobl o'ch blaen.
}
# review:
session-notice-booked = Mae gennych le.
# review:
session-notice-waiting = Mae'r sesiwn yn llawn: rydych chi ar y rhestr aros, ac mae lle sy'n dod yn rhydd yn mynd i bwy bynnag sydd wedi aros hiraf.
# review:
session-notice-cancelled = Wedi'i wneud: nid oes gennych le na lle ar y rhestr aros mwyach.
# review:
session-add = Ychwanegu sesiwn
# review:
session-attendance-link = Archebion a phwy ddaeth
# review:
session-new-title = Ychwanegu sesiwn
# review:
session-date = Dyddiad
# review:
session-starts = Yn dechrau am
# review:
session-time-hint = Yn amser y DU.
# review:
session-ends = Yn gorffen am
# review:
session-place = Ble
# review:
session-capacity = Nifer y lleoedd
# review:
session-save = Ychwanegu'r sesiwn
# review:
session-title = Sesiwn
# review:
session-back = Yn ôl i'r gweithgaredd
# review:
session-booked-count = { $booked } wedi archebu o { $capacity } o leoedd
# review:
session-nobody-booked = Nid oes neb wedi archebu eto.
# review:
session-who-came = Pwy ddaeth
# review:
session-save-attendance = Cadw pwy ddaeth
# review:
# plural: no [zero] arm: shown only when someone is waiting; no [two], [few] or [many] arm: "{ $count } o bobl yn aros" reads right after any figure.
session-waiting-count = { $count ->
    [one] 1 person yn aros
   *[other] { $count } o bobl yn aros
}
# review:
session-date-invalid = Rhowch y dyddiad y mae'r sesiwn arno
# review:
session-time-invalid = Rhowch yr amser fel oriau a munudau, fel 14:30
# review:
time-skipped-by-clocks = Mae'r clociau'n mynd ymlaen dros yr amser hwn y diwrnod hwnnw, felly nid yw'n bod: dewiswch amser arall
# review:
session-ends-before = Rhaid i'r sesiwn orffen ar ôl iddi ddechrau
# review:
session-in-the-past = Rhaid i'r sesiwn ddechrau yn y dyfodol
# review:
session-place-missing = Dewiswch ble mae'r sesiwn
# review:
session-capacity-invalid = Rhowch nifer y lleoedd, o 1 i 1,000
# review:
session-add-to-calendar = Ychwanegu at fy nghalendr
# review:
session-calendar-feed = Cadw fy nghalendr yn gyfoes
# review:
calendar-name = Fy sesiynau dysgu
# review:
calendar-title = Eich sesiynau yn eich calendr
# review:
calendar-intro = Cyfeiriad preifat y gall eich rhaglen galendr (Outlook, Google Calendar, Apple Calendar) danysgrifio iddo: mae'n dangos pob sesiwn y mae gennych le arni, ac yn cadw i fyny wrth i chi archebu a rhoi'r gorau i leoedd.
# review:
calendar-new-address = Cyfeiriad eich calendr:
# review:
calendar-once = Copïwch ef i'ch rhaglen galendr nawr: dim ond ffurf wedi'i chodio ohono y mae skillgym yn ei chadw, felly ni all ei ddangos eto.
# review:
calendar-have = Gwnaethoch gyfeiriad calendr ar { $date }.
# review:
calendar-secret = Gall unrhyw un sydd â'r cyfeiriad weld eich sesiynau, felly cadwch ef i chi'ch hun. Mae gwneud un newydd yn atal yr hen un rhag gweithio. Mae'n peidio â gweithio pan fyddwch chi'n gadael.
# review:
calendar-make = Gwneud cyfeiriad fy nghalendr
# review:
calendar-renew = Gwneud cyfeiriad newydd (mae'r hen un yn peidio â gweithio)
# review:
session-reminder-subject = Yfory: { $title }
# review:
session-reminder-body =
    Annwyl { $name },

    Dyma nodyn i'ch atgoffa bod gennych le ar { $title } yfory:
    { $when }, { $place }.

    Os na allwch ddod, rhowch y gorau i'ch lle er mwyn i rywun ar y rhestr aros ei gael:
    { $url }

## Aseiniadau wythnosol clybiau
# review:
club-assignments = Aseiniadau wythnosol
# review:
club-assignments-intro = Mae pawb sydd â lle ar un o sesiynau'r clwb yn ei garfan: maen nhw'n darllen aseiniad pob wythnos, yn cyflwyno'r hyn a wnaethon nhw, ac yn cael adborth gan hyfforddwr.
# review:
club-no-assignments = Dim aseiniadau eto.
# review:
club-due = I'w gyflwyno erbyn { $date }
# review:
club-set-assignment = Gosod aseiniad
# review:
club-title = Teitl
# review:
club-brief = Beth i'w wneud
# review:
club-brief-hint = Tasg wythnos: beth i roi cynnig arno, a beth i'w gyflwyno.
# review:
club-due-label = I'w gyflwyno ar
# review:
club-set = Gosod yr aseiniad
# review:
club-assignment-title = Aseiniad
# review:
club-yours = Beth rydych chi'n ei gyflwyno
# review:
club-body = Beth wnaethoch chi
# review:
club-body-hint = Ychydig linellau: beth y rhoesoch gynnig arno, beth weithiodd a beth na weithiodd.
# review:
club-link = Dolen (dewisol)
# review:
club-link-hint = I rywbeth a wnaethoch neu a ddaethoch o hyd iddo, yn dechrau gyda http:// neu https://
# review:
club-hand-in = Ei gyflwyno
# review:
club-hand-in-again = Newid yr hyn a gyflwynoch
# review:
club-feedback = Adborth
# review:
club-cohort = Y garfan a'r hyn a gyflwynon nhw
# review:
club-no-cohort = Nid oes gan neb le ar sesiynau'r clwb eto.
# review:
club-not-handed-in = Heb ei gyflwyno eto.
# review:
club-feedback-for = Adborth i { $name }
# review:
club-save-feedback = Cadw'r adborth
# review:
club-notice-handed-in = Wedi'i gyflwyno.
# review:
club-notice-feedback = Mae'r adborth wedi'i gadw.
# review:
club-field-missing = Rhowch hyn
# review:
club-field-too-long = Mae hyn yn rhy hir: byrhewch ef
# review:
club-due-invalid = Rhowch y diwrnod y mae i'w gyflwyno
# review:
club-submission-has-feedback = Mae adborth ar hwn yn barod, felly ni all newid
# review:
club-feedback-nobody = Dewiswch gyflwyniad i roi adborth arno
