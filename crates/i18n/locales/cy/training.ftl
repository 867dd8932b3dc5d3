## Y matrics hyfforddiant: modiwlau gorfodol, pwy sy'n ddyledus, yn hwyr neu heb ddechrau

# review:
nav-training = Hyfforddiant
# review:
admin-group-training = Hyfforddiant gorfodol
# review:
admin-training-hint = Pwy sydd wedi gwneud y modiwlau y mae'r gwasanaeth yn eu gofyn, pwy sy'n ddyledus cyn hir a phwy sy'n hwyr.
# review:
training-title = Matrics hyfforddiant
# review:
training-lead = Y modiwlau y mae'r gwasanaeth yn eu gofyn, fel diogelu data bob blwyddyn: i bob person, wedi'i wneud, yn ddyledus cyn hir, yn hwyr neu heb ddechrau.
# review:
training-no-requirements = Nid oes modiwlau'n ofynnol eto. Mae gweinyddwr yn eu hychwanegu yma.
# review:
training-export = Lawrlwytho'r matrics fel CSV
# review:
training-summary = Pob modiwl
# review:
training-summary-caption = Faint o bobl sydd ym mhob cyflwr, o'r { $count } sy'n cyfateb i'r hidlwyr
# review:
training-module = Modiwl
# review:
training-state-done = Wedi'i wneud
# review:
training-state-due-soon = Yn ddyledus cyn hir
# review:
training-state-overdue = Yn hwyr
# review:
training-state-not-started = Heb ddechrau
# review:
training-people = Pobl
# review:
training-not-required = Nid yw'n ofynnol
# review:
training-cell-done = Wedi'i wneud, tan { $date }
# review:
training-cell-done-for-ever = Wedi'i wneud
# review:
training-cell-due-soon = Yn ddyledus erbyn { $date }
# review:
training-cell-overdue = Yn hwyr ers { $date }
# review:
training-cell-overdue-never = Heb ei wneud erioed, yn ddyledus { $date }
# review:
training-cell-not-started = Heb ddechrau, yn ddyledus { $date }
# review:
training-csv-employee-number = Rhif cyflogai
# review:
training-csv-name = Enw
# review:
training-csv-job-role = Swydd
# review:
training-csv-team = Tîm
# review:
training-csv-due = { $code } yn ddyledus
# review:
training-own-title = Eich hyfforddiant gofynnol
# review:
training-person-title = Hyfforddiant gofynnol: { $name }
# review:
training-none-apply = Nid oes modiwl gofynnol yn berthnasol i chi.
# review:
training-completed-line = Cwblhawyd ar { $date } ({ $source })
# review:
training-source-recorded = cofnodwyd yma
# review:
training-source-import = o ffeil system ddysgu arall
# review:
training-source-xapi = o system ddysgu arall
# review:
training-take-here = Dod o hyd iddo yn y catalog dysgu
# review:
training-take-elsewhere = Ble i'w wneud
# review:
training-record-heading = Cofnodi cwblhau
# review:
training-record-module = Modiwl
# review:
training-record-choose = Dewiswch fodiwl
# review:
training-record-date = Cwblhawyd ar
# review:
training-record-date-hint = Er enghraifft 2026-11-30.
# review:
training-record-evidence = Dolen i'r dystysgrif neu'r cofnod (dewisol)
# review:
training-record-evidence-hint = Cyfeiriad gwe sy'n dechrau https://
# review:
training-record-save = Ei gofnodi
# review:
training-recorded = Mae'r cwblhau wedi'i gofnodi.
# review:
training-requirement-missing = Dewiswch fodiwl sy'n berthnasol
# review:
training-date-invalid = Rhowch y diwrnod y cafodd ei gwblhau, er enghraifft 2026-11-30
# review:
training-date-future = Rhowch ddiwrnod nad yw yn y dyfodol
# review:
training-evidence-invalid = Rhowch gyfeiriad gwe sy'n dechrau https://, neu ei adael yn wag
# review:
audit-action-training-changed = Ychwanegu neu newid modiwl gofynnol
# review:
audit-action-training-completed = Cofnodi cwblhau hyfforddiant gofynnol
# review:
audit-detail-requirement = modiwl { $value }
# review:
training-new-title = Ychwanegu modiwl gofynnol
# review:
training-new-link = Ychwanegu modiwl gofynnol
# review:
training-added = Mae'r modiwl wedi'i ychwanegu: mae gan bawb y mae'n berthnasol iddyn nhw gell yn y matrics bellach.
# review:
training-new-code = Cod
# review:
training-new-code-hint = Enw byr ar gyfer colofnau'r matrics a'r CSV, fel DP-ANNUAL: llythrennau, digidau a chysylltnodau.
# review:
training-new-title-en = Teitl yn Saesneg
# review:
training-new-title-cy = Teitl yn Gymraeg (dewisol)
# review:
training-new-activity = Modiwl yn y catalog dysgu (dewisol)
# review:
training-new-activity-hint = Neu ei adael a rhoi'r cyfeiriad lle caiff ei wneud.
# review:
training-new-activity-none = Yn cael ei wneud yn rhywle arall
# review:
training-new-url = Ble caiff ei wneud (dewisol)
# review:
training-new-url-hint = Cyfeiriad gwe sy'n dechrau https://, ar gyfer modiwl y tu allan i'r catalog.
# review:
training-new-every = Yn cael ei adnewyddu bob (misoedd)
# review:
training-new-every-hint = Er enghraifft 12 ar gyfer bob blwyddyn. Ei adael yn wag ar gyfer modiwl a wneir unwaith.
# review:
training-new-window = Cyfnod adnewyddu (diwrnodau)
# review:
training-new-window-hint = Mae adnewyddu hyn o ddiwrnodau cyn i'r un olaf ddod i ben yn cyfrif am y cyfnod nesaf.
# review:
training-new-grace = Cyfnod gras i ddechreuwyr newydd (diwrnodau)
# review:
training-new-grace-hint = Faint o amser sydd gan rywun y mae'n dod yn berthnasol iddo (dechreuwr newydd, swydd newydd) cyn ei fod yn ddyledus.
# review:
training-new-starts = Yn berthnasol o
# review:
training-new-starts-hint = Er enghraifft 2026-04-01. Mae gan y rhai y mae'n berthnasol iddyn nhw bryd hynny eu cyfnod gras o'r diwrnod hwn.
# review:
training-new-employment = Staff neu wirfoddolwyr
# review:
training-new-employment-any = Y ddau
# review:
training-new-employment-staff = Staff yn unig
# review:
training-new-employment-volunteers = Gwirfoddolwyr yn unig
# review:
training-new-families = Teuluoedd swyddi
# review:
training-new-any-hint = Peidiwch â thicio dim ar gyfer pob un.
# review:
training-new-roles = Swyddi (dewisol)
# review:
training-new-roles-hint = Fel y mae'r ffeil staff yn eu hysgrifennu, wedi'u gwahanu gan atalnodau; yn wag ar gyfer pob un.
# review:
training-new-sites = Safleoedd
# review:
training-new-save = Ychwanegu'r modiwl
# review:
training-code-invalid = Rhowch god o hyd at 20 o lythrennau, digidau a chysylltnodau
# review:
training-code-taken = Mae gan fodiwl y cod hwn eisoes: dewiswch un arall
# review:
training-title-invalid = Rhowch deitl o hyd at 200 nod
# review:
training-activity-missing = Dewiswch weithgaredd o'r rhestr
# review:
training-period-invalid = Rhowch y misoedd fel rhif cyfan o 1 i 120, neu ei adael yn wag
# review:
training-window-invalid = Rhowch y cyfnod adnewyddu fel rhif cyfan o ddiwrnodau o 0 i 366
# review:
training-grace-invalid = Rhowch y cyfnod gras fel rhif cyfan o ddiwrnodau o 0 i 366
# review:
training-window-too-long = Gwnewch y cyfnod adnewyddu yn fyrrach na'r cyfnod
# review:
training-starts-invalid = Rhowch y diwrnod y mae'n berthnasol ohono, er enghraifft 2026-04-01

## Mewnforio cwblhau
# review:
training-import-title = Mewnforio cwblhau
# review:
training-import-intro = Ffeil CSV o gwblhau o system ddysgu arall, un ar bob llinell. Pwy ydyw (yn ôl rhif cyflogai, neu e-bost pan nad oes un), cod y modiwl, y diwrnod y cafodd ei gwblhau ac, os mynnwch, dolen i'r dystiolaeth. Nid yw cwblhau sydd wedi'i gofnodi eisoes ar gyfer yr un diwrnod yn cael ei ychwanegu eto. Os oes unrhyw linell yn anghywir, nid oes dim yn cael ei fewnforio, ac mae pob problem wedi'i rhestru yn ôl llinell a cholofn.
# review:
training-import-file-label = Ffeil cwblhau
# review:
training-import-file-hint = Colofnau: rhif_cyflogai, ebost, modiwl, cwblhawyd_ar, tystiolaeth (yn Saesneg neu'n Gymraeg). Gweler docs/training.md.
# review:
training-import-file-missing = Dewiswch ffeil cwblhau
# review:
training-import-button = Mewnforio'r cwblhau
# review:
training-import-nothing-written = Nid oes dim wedi'i fewnforio. Cywirwch y ffeil a'i mewnforio eto.
# review:
training-imported = Cwblhau wedi'u hychwanegu: { $added }. Wedi'u cofnodi eisoes: { $unchanged }.
# review:
training-csv-not-utf8 = Nid yw'r ffeil wedi'i chadw fel testun UTF-8: cadwch hi o'ch taenlen fel "CSV UTF-8"
# review:
training-csv-unreadable = Nid oes modd darllen y llinell hon fel CSV: chwiliwch am ddyfynnod nad yw byth yn cael ei gau
# review:
training-csv-empty = Mae'r ffeil yn wag
# review:
training-csv-missing-column = Nid oes colofn { $value } yn y ffeil
# review:
training-csv-unknown-column = Nid yw'r golofn { $value } yn un sydd mewn ffeil cwblhau (neu mae yno ddwywaith)
# review:
training-csv-field-count = Mae { $value } cell yn y llinell hon, nid yr un nifer â'r pennawd
# review:
training-csv-no-rows = Mae pennawd yn y ffeil ond dim cwblhau
# review:
training-csv-who-missing = Rhowch rif cyflogai neu e-bost yr unigolyn
# review:
training-csv-email-invalid = Nid yw { $value } yn gyfeiriad e-bost
# review:
training-csv-module-unknown = Nid yw { $value } yn god modiwl gofynnol
# review:
training-csv-person-unknown = Nid oes gan neb yn y ffeil staff y rhif cyflogai na'r e-bost hwn
# review:
training-csv-not-theirs = Nid yw'r modiwl hwn yn berthnasol i'r unigolyn hwn
# review:
audit-action-training-imported = Mewnforio cwblhau hyfforddiant gofynnol
# review:
# plural: no [few] or [many] arm: "{ $count } o broblemau" reads right after any figure; no [zero] arm: a file is refused only with a problem.
cli-completions-refused = { $count ->
    [one] Nid oes dim wedi'i fewnforio: mae 1 broblem yn y ffeil cwblhau.
    [two] Nid oes dim wedi'i fewnforio: mae 2 broblem yn y ffeil cwblhau.
   *[other] Nid oes dim wedi'i fewnforio: mae { $count } o broblemau yn y ffeil cwblhau.
}
# The weekly email to each manager.
# review:
# plural: no [two], [few] or [many] arm: "{ $people } o'ch pobl" reads right after any figure; no [zero] arm: sent only when someone has a module to do.
training-digest-subject = { $people ->
    [one] Hyfforddiant gofynnol: mae gan un o'ch pobl fodiwl i'w wneud
   *[other] Hyfforddiant gofynnol: mae gan { $people } o'ch pobl fodiwlau i'w gwneud
}
# review:
# plural: no [two], [few] or [many] arm: "{ $people } o'r bobl" reads right after any figure; no [zero] arm: sent only when someone has a module to do.
training-digest-body =
    Annwyl { $name },

    { $people ->
        [one] Mae gan un o'r bobl rydych chi'n eu rheoli
       *[other] Mae gan { $people } o'r bobl rydych chi'n eu rheoli
    } hyfforddiant gofynnol sy'n ddyledus cyn bo hir, yn hwyr neu heb ei ddechrau:

    { $lines }

    Mae'r manylion yn y matrics hyfforddiant, gyda CSV i'w lawrlwytho:
    { $url }
# review:
training-digest-line = - { $name }, { $module }: { $state }
# review:
audit-action-training-retired = Ymddeol modiwl gofynnol
# Changing and retiring a module.
# review:
training-change = Newid
# review:
training-edit-title = Newid modiwl gofynnol
# review:
training-edit-code = Cod: { $code }
# review:
training-edit-hint = Caiff celloedd pawb eu cyfrifo eto o'u cwblhadau fel y maen nhw: gall cyfnod byrrach wneud pobl yn hwyr ar unwaith. Nid yw'r cod yn newid.
# review:
training-edit-save = Cadw'r newidiadau
# review:
training-changed = Mae'r modiwl wedi'i newid: caiff celloedd pawb eu cyfrifo eto.
# review:
training-retire-link = Ymddeol y modiwl hwn
# review:
training-retire-title = Ymddeol modiwl gofynnol
# review:
training-retire-warning = Ar ôl ei ymddeol, mae'r modiwl yn gadael y matrics, tudalennau pobl a negeseuon e-bost rheolwyr, ac nid yw'n derbyn rhagor o gwblhadau. Nid oes modd dod ag ef yn ôl: ychwanegwch fodiwl newydd yn lle hynny.
# review:
training-retire-what-stays = Mae'r cwblhadau a gofnododd pobl yn aros gyda nhw, yn eu data i'w lawrlwytho, nes iddyn nhw gael eu dileu.
# review:
training-retire-confirm = Ymddeol y modiwl
# review:
training-retire-cancel = Canslo
# review:
training-retired = Mae'r modiwl wedi'i ymddeol.
# Evidence.
# review:
training-evidence-link = (tystiolaeth)
# review:
training-evidence-download = Lawrlwytho { $name }
# review:
training-record-evidence-file = Tystysgrif (dewisol)
# review:
training-record-evidence-file-hint = PDF, PNG neu JPEG o 2 MB ar y mwyaf.
# review:
training-evidence-file-too-large = Dewiswch dystysgrif o 2 MB ar y mwyaf
# review:
training-evidence-file-corrupt = Nid oedd modd darllen y dystysgrif: dewiswch y ffeil eto, neu un arall
# review:
training-evidence-file-kind = Dewiswch dystysgrif sy'n PDF, PNG neu JPEG
