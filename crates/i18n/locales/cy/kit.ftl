# Y gofrestr gyfarpar: cyfarpar ym mhob safle, pwy sydd wedi'u hyfforddi arno a faint mae'n cael ei ddefnyddio.

# review:
kit-title = Cofrestr gyfarpar
# review:
kit-intro = Y cyfarpar ym mhob llyfrgell (argraffwyr 3D, penwisgoedd rhith-wirionedd, torwyr laser, ciosgau hunanwasanaeth, llechi i'w benthyg): beth ydyw, y sgiliau sydd eu hangen i'w ddefnyddio, pwy sydd wedi'u hyfforddi arno a faint mae'n cael ei ddefnyddio.
# review:
kit-add = Ychwanegu cyfarpar
# review:
kit-import-link = Mewnforio ffeil gyfarpar
# review:
kit-download = Lawrlwytho'r gofrestr gyfarpar (CSV)
# review:
kit-filter-label = Dangos y cyfarpar mewn un llyfrgell
kit-site = Llyfrgell
kit-all-sites = Pob llyfrgell
kit-show = Dangos
# review:
# plural: no [two], [few] or [many] arm: "{ $count } o eitemau" reads right after any figure.
kit-count = { $count ->
    [0] Dim cyfarpar yma eto.
    [one] 1 eitem
   *[other] { $count } o eitemau
}
# review:
kit-needs-skills = Sgiliau sydd eu hangen:
# review:
kit-imported = { $added } wedi'u hychwanegu a { $updated } wedi'u newid.
# review:
kit-at-site = Cyfarpar yn { $site }
# review:
kit-back = Yn ôl i'r gofrestr gyfarpar
# review:
kit-notice-removed = Cafodd y cyfarpar ei dynnu.
# review:
kit-notice-saved = Cafodd y cyfarpar ei gadw.
# review:
kit-notice-trained = Cofnodwyd yr hyfforddiant.
# review:
kit-notice-untrained = Tynnwyd yr hyfforddiant oddi ar y gofrestr.
# review:
kit-notice-used = Cofnodwyd y defnydd: diolch.
# review:
admin-kit-hint = Y cyfarpar ym mhob llyfrgell, pwy sydd wedi'u hyfforddi arno a faint mae'n cael ei ddefnyddio.

# review:
kit-description = Beth ydyw
# review:
kit-competences = Sgiliau sydd eu hangen
# review:
kit-use-total = Defnydd hyd yma
# review:
# plural: no [zero], [two], [few] or [many] arm: "{ $sessions } sesiwn" and "{ $people } o bobl" read right after any figure.
kit-use-totals = { $sessions ->
    [one] 1 sesiwn
   *[other] { $sessions } sesiwn
}, { $people ->
    [one] helpwyd 1 person
   *[other] helpwyd { $people } o bobl
}
# review:
kit-last-used = defnyddiwyd ddiwethaf { $date }
kit-code = Cod
# review:
kit-find-help = Dod o hyd i rywun sy'n gallu helpu gyda'r cyfarpar hwn
kit-edit = Newid
kit-remove = Tynnu
# review:
kit-warning-untrained = Nid oes neb sy'n gweithio yn y llyfrgell hon nawr wedi'i hyfforddi arno.
# review:
# plural: no [zero], [two], [few] or [many] arm: "{ $months } mis" reads right after any figure.
kit-warning-unused = { $months ->
    [one] Nid yw wedi cael ei ddefnyddio ers dros fis.
   *[other] Nid yw wedi cael ei ddefnyddio ers dros { $months } mis.
}

# review:
kit-trained-heading = Pwy sydd wedi'u hyfforddi arno
# review:
kit-trained-none = Nid oes neb wedi'i gofnodi fel rhywun sydd wedi'i hyfforddi arno eto.
# review:
kit-trained-on = hyfforddwyd { $date }
# review:
kit-trained-left = Wedi gadael
# review:
kit-trained-elsewhere = yn gweithio mewn llyfrgell arall
# review:
kit-trained-remove = Tynnu hyfforddiant { $name }
# review:
kit-trained-add = Cofnodi bod rhywun wedi'i hyfforddi
# review:
kit-employee-number = Eu rhif staff
# review:
kit-employee-number-hint = Fel ar y ffeil staff.
# review:
kit-trained-date = Y diwrnod y cawson nhw eu hyfforddi
# review:
kit-trained-save = Cofnodi'r hyfforddiant
# review:
kit-person-missing = Rhowch rif staff
# review:
kit-person-unknown = Nid oes neb gyda'r rhif staff hwn

kit-use-heading = Defnydd
# review:
kit-use-none = Nid oes defnydd wedi'i gofnodi eto.
kit-use-date = Diwrnod
# review:
kit-use-sessions = Sesiynau a gynhaliwyd
# review:
kit-use-sessions-hint = Rhif cyfan; 0 os cafodd ei fenthyg yn hytrach na'i ddefnyddio mewn sesiwn.
# review:
kit-use-people = Pobl a helpwyd
kit-use-note = Nodyn
# review:
kit-use-note-hint = Dewisol, hyd at 200 nod: at beth y cafodd ei ddefnyddio. Dim enwau, os gwelwch yn dda.
# review:
kit-use-add = Cofnodi defnydd
# review:
kit-use-save = Cofnodi defnydd
# review:
kit-use-empty = Rhowch faint o sesiynau a gynhaliwyd neu faint o bobl a helpwyd (o leiaf un ohonyn nhw'n fwy na 0)
# review:
kit-count-invalid = Rhowch rif cyfan (0 neu fwy)
kit-date-missing = Rhowch ddiwrnod
# review:
kit-date-invalid = Rhowch ddiwrnod go iawn, er enghraifft 2026-03-31
# review:
kit-date-future = Ni all y diwrnod fod yn y dyfodol

# review:
kit-new-title = Ychwanegu cyfarpar
# review:
kit-edit-title = Newid cyfarpar
kit-name = Enw
# review:
kit-name-hint = Beth mae'r staff yn ei alw, er enghraifft "Argraffydd 3D" neu "Llechi i'w benthyg".
# review:
kit-description-hint = Dewisol: at beth mae e, ble mae'n cael ei gadw, sut i'w archebu.
kit-choose-site = Dewiswch lyfrgell
# review:
kit-competences-hint = Y sgiliau o'ch fframwaith sydd eu hangen i'w ddefnyddio: o leiaf un.
# review:
kit-code-hint = Llythrennau, digidau, llinellau toriad a dotiau, hyd at 40: mae'n aros yr un fath pan fydd y gofrestr yn cael ei hallforio a'i mewnforio eto.
kit-save = Cadw
kit-code-missing = Rhowch god
# review:
kit-code-invalid = Mae cod yn llythrennau, digidau, llinellau toriad, tanlinellau a dotiau, hyd at 40
# review:
kit-code-taken = Mae gan gyfarpar arall y cod hwn yn barod
kit-name-missing = Rhowch enw
kit-text-too-long = Mae hwn yn rhy hir
# review:
kit-site-missing = Dewiswch y llyfrgell lle mae'n cael ei gadw
# review:
kit-site-unknown = Nid oes llyfrgell gyda'r cod hwn
# review:
kit-competence-unknown = Nid yw hwn yn sgil yn eich fframwaith
# review:
kit-competence-twice = Mae'r sgil hwn wedi'i ddewis ddwywaith
# review:
kit-competences-missing = Dewiswch o leiaf un sgil sydd ei angen
# review:
kit-competences-too-many = Dewiswch 6 sgil ar y mwyaf

# review:
kit-remove-title = Tynnu cyfarpar
# review:
kit-remove-warning = Mae pwy sydd wedi'u hyfforddi arno a'i gofnod defnydd yn cael eu tynnu gydag ef. Ni ellir dadwneud hyn.
# review:
kit-remove-confirm = Rydw i eisiau tynnu'r cyfarpar hwn
# review:
kit-remove-confirm-missing = Ticiwch y blwch i gadarnhau eich bod eisiau tynnu'r cyfarpar hwn
kit-remove-cancel = Canslo

# review:
kit-flags-title = Cyfarpar i edrych arno, fesul llyfrgell
# review:
kit-flags-intro = Cyfarpar nad oes neb sy'n gweithio yn ei lyfrgell nawr wedi'i hyfforddi arno (nid yw pobl sydd wedi gadael yn cyfrif), a chyfarpar nad oes neb wedi cofnodi defnydd ohono ers tro. Dewiswch lyfrgell i weld ei chyfarpar a ble i gael help.
# review:
# plural: no [zero], [two], [few] or [many] arm: "{ $months } mis" reads right after any figure.
kit-flags-unused-explained = { $months ->
    [one] Heb ei ddefnyddio: dim defnydd wedi'i gofnodi ers dros 1 mis (neu, heb ei ddefnyddio erioed, wedi'i ychwanegu dros 1 mis yn ôl).
   *[other] Heb ei ddefnyddio: dim defnydd wedi'i gofnodi ers dros { $months } mis (neu, heb ei ddefnyddio erioed, wedi'i ychwanegu dros { $months } mis yn ôl).
}
kit-flags-summary = Crynodeb
# review:
# plural: no [zero], [two], [few] or [many] arm: "{ $kit } o eitemau" reads right after any figure.
kit-flags-totals = { $kit ->
    [one] 1 eitem yn y gofrestr
   *[other] { $kit } o eitemau yn y gofrestr
}: { $untrained } heb neb wedi'i hyfforddi lle mae'n cael ei gadw, { $unused } heb eu defnyddio.
# review:
kit-flags-caption = Cyfarpar i edrych arno ym mhob llyfrgell
kit-flags-site = Llyfrgell
kit-flags-kit = Cyfarpar
# review:
kit-flags-untrained = Neb wedi'i hyfforddi
# review:
kit-flags-unused = Heb ei ddefnyddio
# review:
kit-flags-none = Nid oes cyfarpar yn y gofrestr eto.
# review:
kit-flags-at = Cyfarpar i edrych arno yn { $site }
# review:
kit-flags-nothing = Dim byd i edrych arno yma: mae rhywun sy'n gweithio yma wedi'i hyfforddi ar bob eitem, ac mae pob eitem wedi'i defnyddio'n ddiweddar.
# review:
kit-flags-tag-untrained = Neb yma wedi'i hyfforddi
# review:
kit-flags-tag-unused = Heb ei ddefnyddio
# review:
kit-flags-last-used = Defnyddiwyd ddiwethaf { $date }.
# review:
kit-flags-never-used = Heb ei ddefnyddio erioed.
# review:
kit-flags-help = Cael help gydag ef
# review:
kit-flags-learn = Dysgu ar gyfer:
# review:
kit-flags-learn-hint = Gall hyfforddwr neu reolwr ddefnyddio'r dysgu hwn yng nghynllun rhywun.

# review:
kit-age-title = Pryd mae cyfarpar yn cyfrif fel heb ei ddefnyddio
# review:
kit-age-intro = Mae cyfarpar heb ddefnydd wedi'i gofnodi ers yn hirach na hyn (neu, heb ei ddefnyddio erioed, wedi'i ychwanegu at y gofrestr yn hirach yn ôl) yn cael ei nodi fel heb ei ddefnyddio ar dudalen y cyfarpar i edrych arno.
kit-age-label = Misoedd
# review:
kit-age-hint = Misoedd cyfan, o 1 i 60.
# review:
kit-age-missing = Rhowch nifer o fisoedd
# review:
kit-age-invalid = Rhowch nifer cyfan o fisoedd o 1 i 60
# review:
admin-kit-age-hint = Faint o fisoedd heb ddefnydd cyn i gyfarpar gael ei nodi fel heb ei ddefnyddio.

# review:
kit-csv-not-utf8 = Nid yw'r ffeil yn destun UTF-8: cadwch hi fel "CSV UTF-8"
# review:
kit-csv-unreadable = Ni ellir darllen y llinell hon fel CSV: chwiliwch am ddyfynnod nad yw byth yn cau
kit-csv-empty = Mae'r ffeil yn wag
# review:
kit-csv-missing-column = Nid oes colofn { $value } yn y ffeil
# review:
kit-csv-unknown-column = Nid yw'r golofn { $value } yn un sydd gan ffeil gyfarpar (neu mae hi yno ddwywaith)
# review:
kit-csv-field-count = Mae gan y llinell hon { $value } cell, nid cymaint â'r pennawd
# review:
kit-csv-no-rows = Mae gan y ffeil bennawd ond dim cyfarpar
# review:
kit-csv-code-twice = Mae'r cod { $value } ar linell gynharach hefyd

# review:
kit-import-title = Mewnforio ffeil gyfarpar
# review:
kit-import-intro = Ffeil CSV gydag un eitem o gyfarpar ar bob llinell, fel y mae lawrlwythiad y cyfarpar yn ei rhoi. Mae cyfarpar y mae ei god yn y gofrestr yn barod yn cael ei newid; mae'r gweddill yn cael ei ychwanegu. Os oes unrhyw linell yn anghywir, nid oes dim yn cael ei fewnforio, ac mae pob problem wedi'i rhestru fesul llinell a cholofn.
# review:
kit-import-file-label = Ffeil gyfarpar
# review:
kit-import-file-hint = Colofnau: cod, enw, disgrifiad, safle (cod y llyfrgell), cymwyseddau (yn Gymraeg neu'n Saesneg). Gweler docs/kit.md.
# review:
kit-import-file-missing = Dewiswch ffeil gyfarpar
# review:
kit-import-button = Mewnforio'r cyfarpar
# review:
kit-import-nothing-written = Nid oes dim wedi'i fewnforio. Cywirwch y ffeil a'i mewnforio eto.

# review:
audit-action-kit-added = Ychwanegu cyfarpar at y gofrestr gyfarpar
# review:
audit-action-kit-changed = Newid cyfarpar yn y gofrestr gyfarpar
# review:
audit-action-kit-removed = Tynnu cyfarpar o'r gofrestr gyfarpar
# review:
audit-action-kit-imported = Ychwanegu neu newid cyfarpar o ffeil
# review:
audit-action-kit-trained = Cofnodi bod rhywun wedi'i hyfforddi ar gyfarpar
# review:
audit-action-kit-training-removed = Tynnu hyfforddiant rhywun ar gyfarpar oddi ar y gofrestr
# review:
audit-action-kit-unused-age-changed = Newid pryd mae cyfarpar yn cyfrif fel heb ei ddefnyddio
# review:
audit-detail-kit = cyfarpar { $value }

# review:
my-data-column-kit-trained-kit = Cod y cyfarpar
my-data-column-kit-trained-name = Cyfarpar
# review:
my-data-column-kit-trained-trained-on = Hyfforddwyd ar
# review:
my-data-column-kit-trained-recorded-at = Cofnodwyd (UTC)
# review:
my-data-column-kit-use-kit = Cod y cyfarpar
# review:
my-data-column-kit-use-used-on = Defnyddiwyd ar
# review:
my-data-column-kit-use-sessions = Sesiynau a gynhaliwyd
# review:
my-data-column-kit-use-people-helped = Pobl a helpwyd
my-data-column-kit-use-note = Nodyn
# review:
my-data-column-kit-use-logged-at = Cofnodwyd (UTC)

# review:
# plural: no [few] or [many] arm: "{ $count } o broblemau" reads right after any figure; no [zero] arm: a file is refused only with a problem.
cli-kit-refused = { $count ->
    [one] Nid oes dim wedi'i fewnforio: mae 1 broblem yn y ffeil gyfarpar.
    [two] Nid oes dim wedi'i fewnforio: mae 2 broblem yn y ffeil gyfarpar.
   *[other] Nid oes dim wedi'i fewnforio: mae { $count } o broblemau yn y ffeil gyfarpar.
}
