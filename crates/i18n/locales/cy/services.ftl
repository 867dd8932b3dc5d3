# Y catalog gwasanaethau digidol â chymorth: y gwasanaethau cyhoeddus ar-lein y mae staff yn helpu pobl i'w defnyddio.

# review:
nav-services = Gwasanaethau
# review:
services-title = Gwasanaethau rydyn ni'n helpu pobl i'w defnyddio
# review:
services-intro = Y gwasanaethau cyhoeddus ar-lein y mae pobl yn gofyn i ni am help gyda nhw amlaf: pwy sy'n rhedeg pob un, beth sydd ei angen ar y person yn barod, y camau, y problemau cyffredin a sut i'w datrys, a'r sgiliau sydd eu hangen i helpu. Dywedwch pa mor hyderus ydych chi gyda phob un, er mwyn i'ch gwasanaeth wybod lle mae angen help.
# review:
services-add = Ychwanegu gwasanaeth
# review:
services-import-link = Mewnforio ffeil gwasanaethau
# review:
services-download = Lawrlwytho'r gwasanaethau (CSV)
# review:
services-search-label = Chwilio'r gwasanaethau
# review:
services-words = Geiriau yn ei enw, ei gamau neu ei broblemau
# review:
services-competence = Sgil sydd ei angen i helpu
# review:
services-search = Chwilio
# review:
# plural: no [two], [few] or [many] arm: "Cafwyd hyd i { $count } o wasanaethau" reads right after any figure.
services-found = { $count ->
    [zero] Ni chafwyd hyd i unrhyw wasanaeth, o { $total }
    [one] Cafwyd hyd i 1 gwasanaeth, o { $total }
   *[other] Cafwyd hyd i { $count } o wasanaethau, o { $total }
}
# review:
# plural: no [two], [few] or [many] arm: "{ $total } o wasanaethau" reads right after any figure.
services-all = { $total ->
    [0] Dim gwasanaethau eto.
    [one] 1 gwasanaeth
   *[other] { $total } o wasanaethau
}
# review:
services-imported = { $added } wedi'u hychwanegu a { $updated } wedi'u newid.
# review:
services-back = Yn ôl i'r gwasanaethau

# review:
service-notice-removed = Mae'r gwasanaeth wedi'i dynnu.
# review:
service-notice-rated = Wedi'i gadw: diolch am ddweud pa mor hyderus ydych chi.
# review:
service-notice-withdrawn = Wedi'i wneud: mae'r hyn a ddywedoch chi am eich hyder wedi'i dynnu.
# review:
service-notice-checked = Wedi'i nodi fel wedi'i wirio heddiw.
# review:
service-notice-saved = Mae'r gwasanaeth wedi'i gadw.
# review:
service-due = Angen ei wirio
# review:
service-run-by-is = Yn cael ei redeg gan { $run_by }
# review:
service-checked-is = Wedi'i wirio ddiwethaf { $date }
# review:
service-needs-skills = Sgiliau sydd eu hangen:
# review:
service-due-explained = Mae gwasanaeth yn cael ei nodi'n "Angen ei wirio" pan gafodd ei wirio ddiwethaf fwy na { $months } mis yn ôl. Gall gweinyddwr newid hyn o dan Gosodiadau.
# review:
service-due-warning = Cafodd y cofnod hwn ei wirio ddiwethaf fwy na { $months } mis yn ôl: efallai fod y gwasanaeth wedi newid ers hynny.

# review:
service-run-by = Yn cael ei redeg gan
# review:
service-url = Cyfeiriad y gwasanaeth
# review:
service-competences = Sgiliau sydd eu hangen i helpu
# review:
service-checked = Wedi'i wirio ddiwethaf
# review:
service-code = Cod
# review:
service-edit = Newid y gwasanaeth hwn
# review:
service-remove = Tynnu'r gwasanaeth hwn
# review:
service-mark-checked = Nodi ei fod wedi'i wirio heddiw
# review:
service-needs = Beth sydd ei angen ar y person yn barod
# review:
service-steps = Camau
# review:
service-problems = Problemau cyffredin a sut i'w datrys
# review:
service-problem = Problem
# review:
service-fix = Beth i'w wneud
# review:
service-guides = Canllawiau a fideos
# review:
service-in-catalogue = yn y catalog dysgu

# review:
service-confidence-heading = Eich hyder gyda'r gwasanaeth hwn
# review:
service-confidence-private = Dim ond chi sy'n gweld eich ateb eich hun. Mae eich rheolwr a hyfforddwyr yn gweld, fesul llyfrgell, a oes unrhyw un sy'n gweithio yno'n hyderus gyda gwasanaeth, byth pwy ddywedodd beth.
# review:
service-confidence-question = Pa mor hyderus ydych chi'n helpu rhywun i ddefnyddio'r gwasanaeth hwn?
# review:
service-confidence-hint = Dewiswch yr ateb sydd agosaf at sut rydych chi'n teimlo heddiw. Gallwch ei newid neu ei dynnu unrhyw bryd.
# review:
service-confidence-yours = Dywedoch chi: { $answer }
# review:
service-confidence-1 = Rydw i heb helpu neb gyda hyn eto, neu dim ond gyda llawer o gymorth
# review:
service-confidence-2 = Rwy'n gallu helpu gyda rhywfaint ohono, gyda chymorth cydweithiwr
# review:
service-confidence-3 = Rwy'n gallu helpu pobl gydag ef ar fy mhen fy hun
# review:
service-confidence-4 = Rwy'n gallu helpu pobl gydag ef yn hyderus, hyd yn oed pan fydd rhywbeth yn mynd o'i le
# review:
service-confidence-5 = Gallwn i ddangos i gydweithwyr sut i helpu, a chadw i fyny â newidiadau iddo
# review:
service-confidence-not-sure = Ddim yn siŵr, neu nid yw hyn yn berthnasol i fy rôl
# review:
service-confidence-save = Cadw fy ateb
# review:
service-confidence-withdraw = Tynnu fy ateb
# review:
service-confidence-missing = Dewiswch pa mor hyderus ydych chi, neu "ddim yn siŵr"

# review:
service-remove-title = Tynnu gwasanaeth
# review:
service-remove-warning = Mae tynnu gwasanaeth hefyd yn tynnu'r hyn a ddywedodd pawb am eu hyder gydag ef. Nid oes modd dadwneud hyn.
# review:
service-remove-confirm = Ydw, tynnwch y gwasanaeth hwn
# review:
service-remove-confirm-missing = Ticiwch y blwch i ddweud eich bod eisiau tynnu'r gwasanaeth hwn
# review:
service-remove-cancel = Ei gadw

# review:
service-new-title = Ychwanegu gwasanaeth
# review:
service-edit-title = Newid gwasanaeth
# review:
service-name-en = Enw (Saesneg)
# review:
service-name-hint = Beth mae aelod o'r cyhoedd yn ei wneud, fel "Gwneud cais am Gredyd Cynhwysol".
# review:
service-name-cy = Enw (Cymraeg)
# review:
service-run-by-hint = Fel DWP, y cyngor, y GIG neu DVLA.
# review:
service-url-hint = Lle mae'r gwasanaeth yn dechrau, gan ddechrau gyda https://. Gadewch yn wag os nad oes un.
# review:
service-needs-en = Beth sydd ei angen ar y person yn barod (Saesneg)
# review:
service-needs-cy = Beth sydd ei angen ar y person yn barod (Cymraeg)
# review:
service-lines-hint = Un ar bob llinell.
# review:
service-steps-en = Camau (Saesneg)
# review:
service-steps-cy = Camau (Cymraeg)
# review:
service-problems-en = Problemau cyffredin a sut i'w datrys (Saesneg)
# review:
service-problems-cy = Problemau cyffredin a sut i'w datrys (Cymraeg)
# review:
service-problems-hint = Un broblem ar bob llinell, yna | a beth i'w wneud, fel: Dyw'r codau ddim yn cyrraedd | Gwirio'r rhif ffôn.
# review:
service-competences-hint = Sgiliau eich fframwaith sydd eu hangen i helpu rhywun gyda'r gwasanaeth hwn. Dewiswch o leiaf un.
# review:
service-links = Canllawiau a fideos
# review:
service-links-hint = Un ar bob llinell: ei deitl, |, yna ei gyfeiriad, fel: Sut i wneud cais | https://www.gov.uk/universal-credit/how-to-claim
# review:
service-activities = Gweithgareddau yn y catalog dysgu
# review:
service-activities-hint = Eu codau, wedi'u gwahanu gan fylchau, fel ACT-UC-JOURNAL-GUIDE. Mae tudalen pob gweithgaredd yn dangos ei god.
# review:
service-checked-hint = Y diwrnod y gwiriodd rhywun y cofnod hwn ddiwethaf yn erbyn y gwasanaeth byw, fel 2026-03-31.
# review:
service-code-hint = Cod byr sy'n aros yr un fath pan fydd y gwasanaethau'n cael eu hallforio a'u mewnforio eto, fel UC-APPLY: llythrennau, rhifau, - _ a . yn unig.
# review:
service-save = Cadw'r gwasanaeth
# review:
service-code-taken = Mae gan wasanaeth arall y cod hwn

# review:
service-code-missing = Rhowch god
# review:
service-code-invalid = Defnyddiwch hyd at 40 o lythrennau, rhifau, - _ a . ar gyfer y cod
# review:
service-name-missing = Rhowch enw'r gwasanaeth
# review:
service-run-by-missing = Rhowch pwy sy'n rhedeg y gwasanaeth
# review:
service-text-too-long = Mae hwn yn rhy hir
# review:
service-url-invalid = Rhowch gyfeiriad sy'n dechrau gyda https:// neu http://
# review:
service-competence-unknown = Nid yw hwn yn sgil yn eich fframweithiau
# review:
service-competence-twice = Mae'r sgil hwn wedi'i restru ddwywaith
# review:
service-competences-missing = Dewiswch o leiaf un sgil sydd ei angen i helpu
# review:
service-competences-too-many = Peidiwch â rhestru mwy na 6 sgil
# review:
service-activity-invalid = Ysgrifennwch godau'r gweithgareddau wedi'u gwahanu gan fylchau
# review:
service-activity-unknown = Nid yw hwn yn god gweithgaredd yn y catalog dysgu
# review:
service-activities-too-many = Peidiwch â rhestru mwy na 10 gweithgaredd
# review:
service-link-invalid = Ysgrifennwch bob dolen ar ei llinell ei hun fel teitl, | a chyfeiriad
# review:
service-link-url-invalid = Rhaid i gyfeiriad dolen ddechrau gyda https:// neu http://
# review:
service-links-too-many = Peidiwch â rhestru mwy na 10 dolen
# review:
service-checked-missing = Rhowch y diwrnod y cafodd ei wirio ddiwethaf
# review:
service-checked-invalid = Rhowch y diwrnod fel blwyddyn-mis-diwrnod, fel 2026-03-31
# review:
service-checked-future = Ni all y diwrnod y cafodd ei wirio ddiwethaf fod yn y dyfodol

# review:
services-csv-not-utf8 = Nid yw'r ffeil wedi'i chadw fel testun UTF-8: cadwch hi o'ch taenlen fel "CSV UTF-8"
# review:
services-csv-unreadable = Nid oes modd darllen y llinell hon fel CSV: chwiliwch am ddyfynnod nad yw byth yn cael ei gau
# review:
services-csv-empty = Mae'r ffeil yn wag
# review:
services-csv-missing-column = Nid oes colofn { $value } yn y ffeil
# review:
services-csv-unknown-column = Nid yw'r golofn { $value } yn un sydd mewn ffeil gwasanaethau (neu mae yno ddwywaith)
# review:
services-csv-field-count = Mae { $value } cell yn y llinell hon, nid yr un nifer â'r pennawd
# review:
services-csv-no-rows = Mae pennawd yn y ffeil ond dim gwasanaethau
# review:
services-csv-code-twice = Mae'r cod { $value } ar linell gynharach hefyd

# review:
services-import-title = Mewnforio ffeil gwasanaethau
# review:
services-import-intro = Ffeil CSV gydag un gwasanaeth ar bob llinell, fel y mae lawrlwythiad y gwasanaethau yn ei rhoi. Mae gwasanaethau y mae eu cod yn y catalog eisoes yn cael eu newid; mae'r lleill yn cael eu hychwanegu. Os oes unrhyw linell yn anghywir, nid oes dim yn cael ei fewnforio, ac mae pob problem wedi'i rhestru yn ôl llinell a cholofn.
# review:
services-import-file-label = Ffeil gwasanaethau
# review:
services-import-file-hint = Colofnau: cod, enw, enw_cy, rhedir_gan, cyfeiriad, angen, angen_cy, camau, camau_cy, problemau, problemau_cy, cymwyseddau, dolenni, gweithgareddau, gwiriwyd (yn Saesneg neu'n Gymraeg). Gweler docs/services.md.
# review:
services-import-file-missing = Dewiswch ffeil gwasanaethau
# review:
services-import-button = Mewnforio'r gwasanaethau
# review:
services-import-nothing-written = Nid oes dim wedi'i fewnforio. Cywirwch y ffeil a'i mewnforio eto.

# review:
service-gaps-title = Bylchau mewn hyder, fesul llyfrgell
# review:
service-gaps-intro = Ar gyfer pob llyfrgell, y gwasanaethau nad oes neb sy'n gweithio yno nawr yn hyderus gyda nhw (does neb yn rhoi 4 neu 5 i'w hyder). Mae pob un yn fwlch i'w gau gyda hyrwyddwr neu gynllun dysgu: mae'r dolenni'n arwain at y dysgu sy'n datblygu'r sgiliau sydd eu hangen.
# review:
service-gaps-privacy = Nid yw'r dudalen hon byth yn dangos ateb neb. Lle gallai nifer o bobl ddweud wrth gydweithiwr pwy atebodd beth (llai na { $threshold } yn hyderus, neu lai na { $threshold } ddim), mae'n dweud "rhywun" yn unig.
# review:
service-gaps-own-sites = Rydych chi'n gweld y llyfrgelloedd lle mae'r bobl rydych chi'n eu rheoli'n gweithio.
# review:
service-gaps-no-services = Nid oes gwasanaethau yn y catalog eto.
# review:
service-gaps-no-sites = Nid oes neb yn gweithio mewn unrhyw lyfrgell y gallwch ei gweld.
# review:
# plural: no [two], [few] or [many] arm: "{ $count } o wasanaethau" reads right after any figure.
service-gaps-count = { $count ->
    [0] Dim bylchau: mae rhywun yma'n hyderus gyda phob gwasanaeth.
    [one] 1 gwasanaeth nad oes neb yma'n hyderus gydag ef.
   *[other] { $count } o wasanaethau nad oes neb yma'n hyderus gyda nhw.
}
# review:
service-gaps-caption = Hyder gyda phob gwasanaeth yn { $site }
# review:
service-gaps-service = Gwasanaeth
# review:
service-gaps-confident = Yn hyderus yma
# review:
service-gaps-close = Cau'r bwlch
# review:
service-gaps-nobody = Neb
# review:
service-gaps-someone = Rhywun
# review:
# plural: no [zero], [two], [few] or [many] arm: "{ $count } o bobl" reads right after any figure, and a count of none is never shown.
service-gaps-people = { $count ->
    [one] 1 person
   *[other] { $count } o bobl
}
# review:
service-gaps-learn = Dysgu ar gyfer:

# review:
service-age-title = Pryd mae angen gwirio gwasanaethau
# review:
service-age-intro = Mae gwasanaethau ar-lein yn newid. Mae cofnod a gafodd ei wirio ddiwethaf yn hirach yn ôl na hyn yn cael ei nodi'n "Angen ei wirio" ar y rhestr ac ar ei dudalen, nes bydd hyfforddwr neu weinyddwr yn ei wirio eto.
# review:
service-age-label = Misoedd
# review:
service-age-hint = Misoedd cyfan, o 1 i 60.
# review:
service-age-missing = Rhowch nifer o fisoedd
# review:
service-age-invalid = Rhowch nifer cyfan o fisoedd o 1 i 60
# review:
admin-services-age-hint = Sawl mis ar ôl ei wirio ddiwethaf y mae gwasanaeth yn cael ei nodi fel un sydd angen ei wirio.

# review:
audit-action-service-added = Ychwanegu gwasanaeth at y catalog gwasanaethau
# review:
audit-action-service-changed = Newid gwasanaeth yn y catalog gwasanaethau
# review:
audit-action-service-checked = Nodi bod gwasanaeth wedi'i wirio
# review:
audit-action-service-removed = Tynnu gwasanaeth o'r catalog gwasanaethau
# review:
audit-action-services-imported = Ychwanegu neu newid gwasanaethau o ffeil
# review:
audit-action-service-check-age-changed = Newid pryd mae angen gwirio gwasanaethau
# review:
audit-detail-service = gwasanaeth { $value }

# review:
my-data-column-service-confidence-service = Cod y gwasanaeth
# review:
my-data-column-service-confidence-name = Gwasanaeth
# review:
my-data-column-service-confidence-confidence = Pa mor hyderus (1 i 5, neu not-sure)
# review:
my-data-column-service-confidence-rated-at = Wedi'i ddweud (UTC)

# review:
# plural: no [few] or [many] arm: "{ $count } o broblemau" reads right after any figure; no [zero] arm: a file is refused only with a problem.
cli-services-refused = { $count ->
    [one] Nid oes dim wedi'i fewnforio: mae 1 broblem yn y ffeil gwasanaethau.
    [two] Nid oes dim wedi'i fewnforio: mae 2 broblem yn y ffeil gwasanaethau.
   *[other] Nid oes dim wedi'i fewnforio: mae { $count } o broblemau yn y ffeil gwasanaethau.
}
# review:
admin-services-hint = Y gwasanaethau cyhoeddus ar-lein y mae staff yn helpu pobl i'w defnyddio, gyda'r bylchau mewn hyder fesul llyfrgell.

## Gwasanaethau mewn ymgyrch archwilio

campaign-services-title = Y gwasanaethau mae'r archwiliad yn holi amdanyn nhw

campaign-services-of = Y gwasanaethau mae { $campaign } yn holi amdanyn nhw

campaign-services-link = Dewis y gwasanaethau mae'r archwiliad hwn yn holi amdanyn nhw

campaign-services-asked = Gwasanaethau mae'n holi amdanyn nhw

# review: "ar ei dudalen olaf"
campaign-services-intro = Gall archwiliad ofyn i bob person pa mor hyderus ydyn nhw'n helpu rhywun i ddefnyddio gwasanaethau o'r catalog gwasanaethau, ar ei dudalen olaf. Pan fyddan nhw'n cyflwyno'r archwiliad, mae pob ateb yn dod yn ateb iddyn nhw ar dudalen y gwasanaeth hwnnw. Nid yw'n holi am unrhyw un oni bai eich bod chi'n eu dewis.

campaign-services-legend = Gwasanaethau mae'n holi amdanyn nhw (dewisol)

campaign-services-hint = Mae pob person yn dweud pa mor hyderus ydyn nhw'n helpu rhywun i ddefnyddio pob gwasanaeth rydych chi'n ei dicio, ar dudalen olaf yr archwiliad. Nid ar gyfer archwiliad dienw: mae hyder gyda gwasanaeth yn perthyn i'r person.

campaign-services-anonymous = Ni all archwiliad dienw holi am wasanaethau, gan fod hyder gyda gwasanaeth yn perthyn i'r person

# review: "i ddod o hyd i hyrwyddwr"
campaign-services-anonymous-explain = Mae'r archwiliad hwn yn ddienw, felly ni all holi am wasanaethau: mae hyder gyda gwasanaeth yn perthyn i'r person, ac fe'i defnyddir i ddod o hyd i hyrwyddwr sy'n gallu helpu ac i ddangos y bylchau fesul llyfrgell.

campaign-services-fixed = Mae pobl wedi dechrau ateb yr archwiliad hwn, felly ni all y gwasanaethau mae'n holi amdanyn nhw newid mwyach.

campaign-services-none = Nid yw'n holi am unrhyw wasanaeth.

campaign-services-save = Cadw'r gwasanaethau

campaign-services-saved = Mae'r gwasanaethau mae'n holi amdanyn nhw wedi'u cadw.

campaign-services-catalogue-empty = Nid oes gwasanaethau yn y catalog gwasanaethau eto.

campaign-services-catalogue-link = Mynd i'r catalog gwasanaethau

audit-services-heading = Gwasanaethau rydych chi'n helpu pobl gyda nhw

audit-services-intro = Pa mor hyderus ydych chi'n helpu rhywun i ddefnyddio pob un o'r gwasanaethau hyn? Pan fyddwch chi'n cyflwyno'r archwiliad, mae pob ateb yn dod yn ateb i chi ar dudalen y gwasanaeth hwnnw, yn lle'r hyn a ddywedoch chi yno o'r blaen. Dim ond chi sy'n gweld eich atebion eich hun.

audit-service-not-asked = Nid yw'r archwiliad hwn yn holi am y gwasanaeth hwnnw

audit-action-campaign-services-changed = Newid y gwasanaethau mae ymgyrch yn holi amdanyn nhw

audit-detail-services = nifer y gwasanaethau: { $value }

my-data-column-audit-service-answers-campaign = Archwiliad

my-data-column-audit-service-answers-service = Cod y gwasanaeth

my-data-column-audit-service-answers-name = Gwasanaeth

my-data-column-audit-service-answers-confidence = Pa mor hyderus (1 i 5, neu not-sure)
