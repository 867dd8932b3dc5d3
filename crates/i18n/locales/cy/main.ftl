# skillgym: ffrâm pob tudalen, mewngofnodi, gwallau a'r hafan.
# Welsh translation written for skillgym; to be reviewed by a native Welsh speaker before
# production use. A first review (December 2026, by a fluent reader who is not a native speaker)
# has been applied; the house style and word list it settled are in docs/welsh.md, and lines
# marked "review:" point a reviewer at choices worth a second look.

product-name = skillgym
skip-to-content = Neidio i'r prif gynnwys
nav-label = Prif ddewislen
nav-home = Hafan
nav-my-details = Fy manylion
# review: "My people" (the people a manager is responsible for)
nav-my-people = Fy mhobl
nav-people = Pobl
nav-sites = Safleoedd
nav-teams = Timau
nav-import-staff = Mewnforio staff
sign-out = Allgofnodi
footer-text = Mae skillgym yn helpu staff a gwirfoddolwyr llyfrgelloedd i ddod o hyd i'w sgiliau digidol a'u datblygu.
language-name-en = English
language-name-cy = Cymraeg
save = Cadw
not-given = Heb ei nodi

## Gwallau
error-summary-title = Mae problem
error-title-prefix = Gwall:
error-prefix = Gwall:
error-go-home = Mynd i'r hafan
error-not-found-title = Heb ddod o hyd i'r dudalen
error-not-found-advice = Os gwnaethoch chi deipio'r cyfeiriad gwe, gwiriwch ei fod yn gywir. Os gwnaethoch chi ddilyn dolen, efallai ei bod wedi dyddio.
error-forbidden-title = Ni allwch chi weld y dudalen hon
error-forbidden-advice = Nid yw eich cyfrif yn rhoi mynediad i chi i'r dudalen hon. Os ydych chi'n credu y dylai, gofynnwch i'ch gweinyddwr skillgym.
error-csrf-title = Mae'r ffurflen hon wedi dyddio
error-csrf-advice = Ers i'r dudalen gael ei llwytho rydych chi wedi mewngofnodi neu allgofnodi (efallai mewn tab arall), neu mae eich sesiwn wedi dod i ben. Ewch yn ôl, ail-lwythwch y dudalen a rhowch gynnig arall arni: efallai y bydd angen i chi deipio'r hyn a deipioch chi eto.
error-csrf-missing-title = Ni anfonodd eich porwr docyn diogelwch y ffurflen
error-csrf-missing-advice = Efallai na lwythodd y dudalen yn llawn, neu fod rhywbeth yn eich porwr wedi newid y ffurflen. Ewch yn ôl, ail-lwythwch y dudalen a rhowch gynnig arall arni.
error-csrf-no-cookie-title = Ni anfonodd eich porwr gwci diogelwch y ffurflen
error-csrf-no-cookie-advice = Efallai fod cwcis wedi'u rhwystro ar gyfer y wefan hon. Mae skillgym eu hangen i gadw ffurflenni'n ddiogel: caniatewch gwcis ar gyfer y wefan hon, ail-lwythwch y dudalen a rhowch gynnig arall arni.
error-other-site-title = Anfonwyd y ffurflen hon o wefan arall
error-other-site-advice = Dim ond ffurflenni a anfonir o'i dudalennau ei hun y mae skillgym yn eu derbyn. Ewch i skillgym a rhowch gynnig arall arni. Os yw hyn yn digwydd ar bob ffurflen, efallai nad yw cyfeiriad cyhoeddus skillgym yn cyfateb i'r un ym mar cyfeiriad eich porwr: dywedwch wrth eich gweinyddwr skillgym.
error-bad-request-title = Roedd rhywbeth o'i le yn y cais
error-bad-request-advice = Ewch yn ôl a rhowch gynnig arall arni. Os yw'n dal i ddigwydd, rhowch wybod i'ch gweinyddwr skillgym.
error-too-large-title = Mae'r hyn a anfonoch chi'n rhy fawr
error-too-large-advice = Ni dderbyniodd skillgym y cais, ac ni chadwyd dim. Os oeddech chi'n anfon ffeil, gwnewch hi'n llai, er enghraifft drwy ei rhannu'n ddwy, yna rhowch gynnig arall arni.
error-too-large-limit-advice = Mae'r dudalen hon yn derbyn { $megabytes } MB ar y mwyaf, felly ni dderbyniodd skillgym yr hyn a anfonoch chi, ac ni chadwyd dim. Os oeddech chi'n anfon ffeil, gwnewch hi'n llai, er enghraifft drwy ei rhannu'n ddwy; os oeddech chi'n llenwi ffurflen, byrhewch yr hyn a deipioch chi. Yna ewch yn ôl a rhowch gynnig arall arni.
error-unavailable-title = Mae'n ddrwg gennym, nid yw skillgym ar gael
error-unavailable-advice = Nid yw'r gronfa ddata yn ymateb. Nid oes dim a gadwoch chi o'r blaen wedi'i golli. Rhowch gynnig arall arni mewn ychydig funudau.
error-busy-title = Mae'n ddrwg gennym, mae skillgym yn brysur
error-busy-advice = Mae gormod o bobl yn mewngofnodi neu'n dewis cyfrinair ar hyn o bryd. Nid oes dim wedi'i gadw na'i gyfrif yn eich erbyn. Arhoswch ychydig eiliadau, ac yna rhowch gynnig arall arni.
error-internal-title = Mae'n ddrwg gennym, aeth rhywbeth o'i le
error-internal-advice = Rydyn ni wedi cofnodi'r gwall. Rhowch gynnig arall arni mewn ychydig funudau; os yw'n dal i ddigwydd, rhowch wybod i'ch gweinyddwr skillgym.

## Mewngofnodi
sign-in = Mewngofnodi
sign-in-title = Mewngofnodi
sign-in-intro = Mewngofnodwch gyda'r cyfeiriad e-bost a'r cyfrinair ar gyfer eich cyfrif skillgym.
sign-in-email = Cyfeiriad e-bost
sign-in-password = Cyfrinair
sign-in-button = Mewngofnodi
sign-in-help = Os nad oes gennych chi gyfrinair eto, gofynnwch i'ch gweinyddwr skillgym am ddolen mewngofnodi.
sign-in-password-missing = Rhowch eich cyfrinair
sign-in-wrong = Rhowch gyfeiriad e-bost a chyfrinair cywir. Gwiriwch am gamgymeriadau teipio, a bod Caps Lock wedi'i ddiffodd.
sign-in-throttled = Mae gormod o ymdrechion i fewngofnodi wedi bod. Arhoswch 15 munud, ac yna rhowch gynnig arall arni.

## Dolenni mynediad
access-title = Dewis cyfrinair
access-intro = Dewiswch gyfrinair ar gyfer eich cyfrif skillgym. Byddwch chi'n mewngofnodi gydag ef wedyn.
access-password = Cyfrinair newydd
access-password-hint = O leiaf 10 nod. Mae tri gair ar hap yn gwneud cyfrinair da.
access-confirm = Teipiwch y cyfrinair eto
access-button = Cadw'r cyfrinair
access-password-short = Rhaid i'ch cyfrinair fod yn 10 nod o leiaf
access-password-mismatch = Nid yw'r ddau gyfrinair yr un fath

## Pan fydd rhywun sydd wedi gadael, neu y mae ei gyfrif wedi'i gau, yn ceisio mewngofnodi
access-ended-title = Mae eich mynediad i skillgym wedi dod i ben
access-ended-lead = Ni allwch chi fewngofnodi oherwydd bod eich cyfrif skillgym wedi'i gau, neu oherwydd bod eich cofnod yn dweud eich bod wedi gadael.
access-ended-advice = Os ydych chi'n dal i weithio yma, neu wedi dod yn ôl, gofynnwch i'ch gweinyddwr skillgym wirio'ch cofnod. Gallan nhw roi mynediad i chi eto.

## Hafan
home-title = Hafan
home-welcome = Helo, { $name }
home-organisation = Eich sefydliad
home-manage-people = Rheoli pobl
home-manage-sites = Rheoli safleoedd
home-manage-teams = Rheoli timau
home-import-staff = Mewnforio ffeil staff
home-your-people = Eich pobl
home-no-people = Nid oes neb yn atebol i chi yn skillgym eto.
home-you-manage = { $count ->
    [zero] Nid ydych chi'n rheoli neb.
    [one] Rydych chi'n rheoli un person.
    [two] Rydych chi'n rheoli dau berson.
    [few] Rydych chi'n rheoli tri pherson.
    [many] Rydych chi'n rheoli chwe pherson.
   *[other] Rydych chi'n rheoli { $count } o bobl.
}
home-see-all-people = Gweld eich holl bobl
home-your-audit = Eich archwiliad sgiliau
home-no-audit = Nid oes archwiliad sgiliau ar agor i chi ar hyn o bryd. Pan fydd eich gwasanaeth yn agor un, bydd yn ymddangos yma.
home-your-details = Eich manylion
home-see-details = Gweld eich holl fanylion
home-you-are-champion = Rydych chi'n hyrwyddwr digidol.
home-you-are-trainer = Rydych chi'n hyfforddwr.
# review: shown after a figure in digits, e.g. "2 berson", "12 o bobl"
figure-people = { $count ->
    [zero] o bobl
    [one] person
    [two] berson
    [few] pherson
    [many] pherson
   *[other] o bobl
}
figure-volunteers = { $count ->
    [zero] o wirfoddolwyr
    [one] gwirfoddolwr
    [two] wirfoddolwr
    [few] gwirfoddolwr
    [many] gwirfoddolwr
   *[other] o wirfoddolwyr
}
# review: "cyflogai" (employee) after a figure in digits
figure-part-time = { $count ->
    [zero] o gyflogeion yn gweithio'n rhan-amser
    [one] cyflogai yn gweithio'n rhan-amser
    [two] gyflogai yn gweithio'n rhan-amser
    [few] chyflogai yn gweithio'n rhan-amser
    [many] chyflogai yn gweithio'n rhan-amser
   *[other] o gyflogeion yn gweithio'n rhan-amser
}
figure-sites = { $count ->
    [zero] o safleoedd
    [one] safle
    [two] safle
    [few] safle
    [many] safle
   *[other] o safleoedd
}
figure-teams = { $count ->
    [zero] o dimau
    [one] tîm
    [two] dîm
    [few] thîm
    [many] thîm
   *[other] o dimau
}

## Rolau
role-learner = Dysgwr
role-champion = Hyrwyddwr digidol
role-trainer = Hyfforddwr
role-manager = Rheolwr
role-admin = Gweinyddwr
role-coordinator = Cydlynydd rhwydwaith

## Mewngofnodi i'r demo
demo-account-admin = gweinyddwr
demo-account-manager = rheolwr cangen
demo-account-learner = cynorthwyydd llyfrgell (rhan-amser)
demo-account-champion = hyrwyddwr digidol
demo-account-trainer = hyfforddwr (swyddog cynhwysiant digidol)

## Enwau'r misoedd, ar gyfer dyddiadau fel mae pobl yn eu hysgrifennu ("30 Rhagfyr 2026")
month-1 = Ionawr
month-2 = Chwefror
month-3 = Mawrth
month-4 = Ebrill
month-5 = Mai
month-6 = Mehefin
month-7 = Gorffennaf
month-8 = Awst
month-9 = Medi
month-10 = Hydref
month-11 = Tachwedd
month-12 = Rhagfyr

## Y blwch o amgylch tabl, sy'n sgrolio i'r ochr pan fo'r tabl yn lletach na'r sgrin
table-region = Tabl: { $caption }

## Tudalen yr hyrwyddwr digidol
# review:
champion-title = Eich tudalen hyrwyddwr
# review:
champion-lead = Lle mae cydweithwyr yn eich llyfrgelloedd yn dysgu, a'r sesiynau sydd i ddod yno: lle mae angen eich help.
# review:
champion-no-sites = Nid ydych yn gweithio mewn unrhyw safle yn skillgym eto. Gofynnwch i weinyddwr ychwanegu eich llyfrgell at eich manylion.
# review:
champion-your-sites = Eich llyfrgelloedd: { $sites }
# review:
champion-learning = Beth mae cydweithwyr yn ei ddysgu
# review:
champion-learning-caption = Cymwyseddau y mae cydweithwyr yn eich llyfrgelloedd yn gweithio arnyn nhw yn eu cynlluniau dysgu
# review:
champion-competence = Cymhwysedd
# review:
champion-people = Pobl
# review:
champion-learning-none = Nid yw unrhyw gymhwysedd yn nod i ddigon o gynlluniau cydweithwyr i'w ddangos eto.
# review:
champion-learning-threshold = Cyfrifon yn unig, a dim ond lle mae o leiaf { $threshold } o bobl yn rhannu nod, fel na ellir adnabod neb.
# review:
champion-sessions = Sesiynau yn eich llyfrgelloedd yn ystod y pedair wythnos nesaf
# review:
champion-sessions-none = Nid oes sesiynau dysgu wedi'u cynllunio yn eich llyfrgelloedd yn ystod y pedair wythnos nesaf.
# review:
champion-catalogue = Pori'r catalog dysgu
# review:
home-champion-page = Ewch i'ch tudalen hyrwyddwr
# review:
home-trainer-plans = Gweld y cynlluniau dysgu a sut mae pob un yn mynd
# review:
nav-champion = Hyrwyddwr
