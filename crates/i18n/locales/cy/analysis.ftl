# Dadansoddi: cymharu grwpiau, a hyder o'i gymharu â gwybodaeth.
# Welsh translation written for skillgym; to be reviewed by a native Welsh speaker before
# production use. A first review (December 2026, by a fluent reader who is not a native speaker)
# has been applied; the house style and word list it settled are in docs/welsh.md, and lines
# marked "review:" point a reviewer at choices worth a second look.
# review: the statistical terms in particular want a Welsh speaker's check.

analysis-compare-title = Cymharu grwpiau
analysis-compare-title-for = Cymharu grwpiau: { $campaign }
analysis-compare-link = Cymharu grwpiau
analysis-calibration-title = Hyder a gwybodaeth
analysis-calibration-title-for = Hyder a gwybodaeth: { $campaign }
analysis-calibration-link = Hyder a gwybodaeth
analysis-group-by = Grwpio pobl yn ôl
analysis-by-job-family = Teulu swyddi
analysis-by-employment = Cyflogai neu wirfoddolwr
analysis-by-hours = Llawn amser, rhan amser neu wirfoddolwr
analysis-by-service = Hyd gwasanaeth
analysis-by-team = Tîm
analysis-by-site = Prif safle
analysis-show = Dangos
analysis-method-heading = Sut mae'r ffigurau hyn yn cael eu cyfrifo
# review: "prawf Mann–Whitney" / "prawf Kruskal–Wallis" keep the English names of the tests.
analysis-compare-method = Ar gyfer pob cymhwysedd, rydyn ni'n cymryd y sgoriau 1 i 5 a roddodd pobl iddyn nhw eu hunain (mae "ddim yn siŵr" yn cael ei adael allan) ac yn cyfrifo cymedr pob grŵp. I farnu a yw grwpiau'n wahanol mewn gwirionedd neu a allai'r gwahaniaeth fod yn siawns, rydyn ni'n defnyddio prawf sy'n cymharu trefn y sgoriau yn hytrach na'u maint, sy'n addas i sgoriau: prawf Mann–Whitney ar gyfer dau grŵp, a phrawf Kruskal–Wallis ar gyfer mwy. Mae gwerth p o dan 0.05 yn golygu y byddai gwahaniaeth mor fawr â hyn yn anarferol pe bai'r grwpiau'n debyg mewn gwirionedd.
# review: "cydberthyniad rheng-deuol" for rank-biserial correlation; "epsilon sgwâr" for epsilon squared.
analysis-compare-effect = Mae maint gwahaniaeth yn bwysicach na'r gwerth p. Gyda dau grŵp, mae'r cydberthyniad rheng-deuol yn rhedeg o −1 i 1: faint yn amlach y rhoddodd rhywun yn y grŵp cyntaf sgôr uwch na rhywun yn yr ail, nag i'r gwrthwyneb (mae 0 yn golygu dim gwahaniaeth; mae mwy na 0.3 y naill ffordd neu'r llall yn wahaniaeth clir). Gyda mwy o grwpiau, mae epsilon sgwâr yn rhedeg o 0 i 1: y gyfran o'r amrywiaeth yn y sgoriau y mae'r grwpiau'n ei hesbonio.
analysis-threshold = Er mwyn cadw pobl yn ddienw, mae grŵp o lai na { $threshold } o bobl a atebodd yn cael ei adael allan yn llwyr, a hefyd unrhyw grŵp y byddai ei ffigurau'n gadael i rywun gyfrifo grŵp a adawyd allan.
analysis-left-out = { $count ->
    [zero] Nid oes unrhyw grŵp wedi'i adael allan.
    [one] Mae un grŵp wedi'i adael allan er mwyn cadw ei bobl yn ddienw.
    [two] Mae dau grŵp wedi'u gadael allan er mwyn cadw eu pobl yn ddienw.
    [few] Mae tri grŵp wedi'u gadael allan er mwyn cadw eu pobl yn ddienw.
    [many] Mae chwe grŵp wedi'u gadael allan er mwyn cadw eu pobl yn ddienw.
   *[other] Mae { $count } grŵp wedi'u gadael allan er mwyn cadw eu pobl yn ddienw.
}
analysis-grouped-by-question-instead = Nid oes gan unrhyw ymateb deulu swyddi, gan iddyn nhw gael eu mewnforio heb enwau, felly caiff pobl eu grwpio yn ôl eu hateb i gwestiwn cyntaf yr ymgyrch sydd ag un ateb. Dewiswch ffordd arall o grwpio uchod.
# plural: no [two], [few] or [many] arm: "{ $count } o'r { $total } o ymatebion" reads right after any figure; no [zero] arm: shown only when some response is in no group.
analysis-no-group-person = { $total ->
    [one] Nid yw'r ymateb mewn unrhyw grŵp: cafodd ei fewnforio heb enw, neu mae'r person wedi'i ddileu ers hynny, felly nid yw skillgym yn gwybod teulu swyddi'r person nac a yw'n gyflogai neu'n wirfoddolwr.
   *[other] Nid yw { $count } o'r { $total } o ymatebion mewn unrhyw grŵp: cawson nhw eu mewnforio heb enwau, neu mae'r bobl wedi'u dileu ers hynny, felly nid yw skillgym yn gwybod eu teulu swyddi nac a ydyn nhw'n gyflogeion neu'n wirfoddolwyr.
}
# plural: no [two], [few] or [many] arm: "{ $count } o'r { $total } o ymatebion" reads right after any figure; no [zero] arm: shown only when some response is in no group.
analysis-no-group-question = { $total ->
    [one] Ni atebodd yr ymateb y cwestiwn hwn, felly nid yw mewn unrhyw grŵp.
   *[other] Ni atebodd { $count } o'r { $total } o ymatebion y cwestiwn hwn, felly nid ydyn nhw mewn unrhyw grŵp.
}
analysis-no-group-person-hidden = Nid yw rhai ymatebion mewn unrhyw grŵp: cawson nhw eu mewnforio heb enwau, neu mae eu pobl wedi'u dileu ers hynny, felly nid yw skillgym yn gwybod eu teulu swyddi nac a ydyn nhw'n gyflogeion neu'n wirfoddolwyr. Ni ddangosir faint, er mwyn cadw pobl yn ddienw.
# plural: no [two], [few] or [many] arm: "{ $count } o'r { $total } o ymatebion" reads right after any figure; no [zero] arm: shown only when some response is in no group.
analysis-no-group-hours = { $total ->
    [one] Nid yw'r ymateb mewn unrhyw grŵp: cafodd ei fewnforio heb enw, neu mae'r person wedi'i ddileu ers hynny, felly nid yw skillgym yn gwybod oriau gwaith y person.
   *[other] Nid yw { $count } o'r { $total } o ymatebion mewn unrhyw grŵp: cawson nhw eu mewnforio heb enwau, neu mae'r bobl wedi'u dileu ers hynny, felly nid yw skillgym yn gwybod eu horiau gwaith.
}
analysis-no-group-hours-hidden = Nid yw rhai ymatebion mewn unrhyw grŵp: cawson nhw eu mewnforio heb enwau, neu mae eu pobl wedi'u dileu ers hynny, felly nid yw skillgym yn gwybod eu horiau gwaith. Ni ddangosir faint, er mwyn cadw pobl yn ddienw.
# plural: no [two], [few] or [many] arm: "{ $count } o'r { $total } o ymatebion" reads right after any figure; no [zero] arm: shown only when some response is in no group.
analysis-no-group-service = { $total ->
    [one] Nid yw'r ymateb mewn unrhyw grŵp: nid oes dyddiad dechrau yng nghofnod staff y person, neu mae'n ddiweddarach na dyddiad agor yr ymgyrch, neu cafodd ei fewnforio heb enw, neu mae'r person wedi'i ddileu ers hynny.
   *[other] Nid yw { $count } o'r { $total } o ymatebion mewn unrhyw grŵp: nid oes dyddiad dechrau yng nghofnodion staff eu pobl, neu mae'n ddiweddarach na dyddiad agor yr ymgyrch, neu cawson nhw eu mewnforio heb enwau, neu mae'r bobl wedi'u dileu ers hynny.
}
analysis-no-group-service-hidden = Nid yw rhai ymatebion mewn unrhyw grŵp: nid oes dyddiad dechrau yng nghofnodion staff eu pobl, neu mae'n ddiweddarach na dyddiad agor yr ymgyrch, neu cawson nhw eu mewnforio heb enwau, neu mae eu pobl wedi'u dileu ers hynny. Ni ddangosir faint, er mwyn cadw pobl yn ddienw.
# plural: no [two], [few] or [many] arm: "{ $count } o'r { $total } o ymatebion" reads right after any figure; no [zero] arm: shown only when some response is in no group.
analysis-no-group-team = { $total ->
    [one] Nid yw'r ymateb mewn unrhyw grŵp: nid oedd y person mewn unrhyw dîm pan ofynnodd yr ymgyrch iddo, neu cafodd ei fewnforio heb enw, neu mae'r person wedi'i ddileu ers hynny.
   *[other] Nid yw { $count } o'r { $total } o ymatebion mewn unrhyw grŵp: nid oedd eu pobl mewn unrhyw dîm pan ofynnodd yr ymgyrch iddyn nhw, neu cawson nhw eu mewnforio heb enwau, neu mae'r bobl wedi'u dileu ers hynny.
}
analysis-no-group-team-hidden = Nid yw rhai ymatebion mewn unrhyw grŵp: nid oedd eu pobl mewn unrhyw dîm pan ofynnodd yr ymgyrch iddyn nhw, neu cawson nhw eu mewnforio heb enwau, neu mae eu pobl wedi'u dileu ers hynny. Ni ddangosir faint, er mwyn cadw pobl yn ddienw.
# plural: no [two], [few] or [many] arm: "{ $count } o'r { $total } o ymatebion" reads right after any figure; no [zero] arm: shown only when some response is in no group.
analysis-no-group-site = { $total ->
    [one] Nid yw'r ymateb mewn unrhyw grŵp: nid oedd gan y person unrhyw safle pan ofynnodd yr ymgyrch iddo, neu cafodd ei fewnforio heb enw, neu mae'r person wedi'i ddileu ers hynny.
   *[other] Nid yw { $count } o'r { $total } o ymatebion mewn unrhyw grŵp: nid oedd gan eu pobl unrhyw safle pan ofynnodd yr ymgyrch iddyn nhw, neu cawson nhw eu mewnforio heb enwau, neu mae'r bobl wedi'u dileu ers hynny.
}
analysis-no-group-site-hidden = Nid yw rhai ymatebion mewn unrhyw grŵp: nid oedd gan eu pobl unrhyw safle pan ofynnodd yr ymgyrch iddyn nhw, neu cawson nhw eu mewnforio heb enwau, neu mae eu pobl wedi'u dileu ers hynny. Ni ddangosir faint, er mwyn cadw pobl yn ddienw.
analysis-site-explained = Mae pob person yn cyfrif yn ei brif safle yn unig: y safle cyntaf a restrir yn ei gofnod staff, pan ofynnodd yr ymgyrch iddo.
analysis-no-group-question-hidden = Ni atebodd rhai ymatebion y cwestiwn hwn, felly nid ydyn nhw mewn unrhyw grŵp. Ni ddangosir faint, er mwyn cadw pobl yn ddienw.
analysis-try-questions = Gallwch grwpio ymatebion a fewnforiwyd heb enwau yn ôl eu hatebion i gwestiynau'r ymgyrch yn lle hynny:
analysis-too-few-groups = Nid oes digon o grwpiau sy'n ddigon mawr i'w cymharu. Rhowch gynnig ar ffordd arall o grwpio pobl, neu arhoswch am ragor o ymatebion.
analysis-compare-chart = Cymedrau'r grwpiau ar gyfer pob cymhwysedd
analysis-compare-caption = Mae pob symbol yn gymedr sgôr un grŵp ar gyfer cymhwysedd, ar y raddfa o 1 i 5; mae'r allwedd uchod yn rhoi lliw a siâp pob grŵp. Mae symbol sydd ar goll wedi'i guddio i gadw pobl yn ddienw. Mae'r tabl isod yn rhoi'r ffigurau.
analysis-compare-table = Cymedr sgôr pob grŵp ar gyfer pob cymhwysedd, gyda'r prawf a yw'r grwpiau'n wahanol
analysis-respondents = { $count ->
    [zero] { $count } o bobl
    [one] { $count } person
    [two] { $count } berson
    [few] { $count } pherson
    [many] { $count } pherson
   *[other] { $count } o bobl
}
analysis-n = o { $n }
analysis-difference = Gwahaniaeth (y cyntaf llai'r ail)
analysis-spread = Ystod (yr uchaf llai'r isaf)
analysis-test = Prawf
analysis-test-mann-whitney = Mann–Whitney
analysis-test-kruskal-wallis = Kruskal–Wallis
analysis-statistic = Ystadegyn (U neu H)
analysis-p-value = Gwerth p
# Geiriau plaen o dan werth p a chydberthyniad, er mwyn i'r ffigur wneud synnwyr heb ystadegau.
analysis-p-real = gwahaniaeth go iawn, nid siawns
analysis-p-chance = gallai fod yn siawns
analysis-r-strong = cysylltiad cryf
analysis-r-some = rhywfaint o gysylltiad
analysis-r-little = fawr ddim cysylltiad, neu ddim
analysis-rank-biserial = Maint yr effaith (rheng-deuol)
analysis-epsilon-squared = Maint yr effaith (epsilon sgwâr)
analysis-download-csv = Lawrlwytho'r tabl hwn (CSV)
analysis-calibration-method = Ar gyfer pob person, hyder yw cymedr y sgoriau a roddodd iddyn nhw eu hunain ar y cymwyseddau y mae'r rownd wybodaeth yn eu profi, ar raddfa o 0 i 1 (mae sgôr o 1 yn cyfrif fel 0, 3 fel 0.5 a 5 fel 1). Eu marc yw'r gyfran o gwestiynau'r rownd wybodaeth a gawson nhw'n gywir, hefyd o 0 i 1. Ffigurau pob grŵp yw cymedrau ffigurau ei bobl. Y bwlch yw hyder llai marc: dros 0, mae'r grŵp yn fwy hyderus nag y mae'r rownd wybodaeth yn ei ddangos; o dan 0, mae'n gwybod mwy nag y mae'n ei feddwl.
# review: "cydberthyniad (r Pearson)".
analysis-calibration-correlation = Mae'r cydberthyniad (r Pearson, o −1 i 1) yn dweud a yw'r bobl mewn grŵp sy'n rhoi sgôr uwch iddyn nhw eu hunain hefyd yn cael marc uwch: yn agos at 1, yn agos iawn; yn agos at 0, dim o gwbl. Dim ond pobl a roddodd sgôr i gymhwysedd sy'n cael ei brofi ac a atebodd y rownd wybodaeth sy'n cael eu cyfrif.
analysis-no-quiz = Nid oes gan yr ymgyrch hon rownd wybodaeth, felly nid oes dim i osod hyder yn ei erbyn.
analysis-nothing-shown = Nid oes unrhyw grŵp yn ddigon mawr i'w ddangos heb beryglu anhysbysrwydd ei bobl.
analysis-calibration-chart = Hyder a marc yn ôl grŵp
analysis-calibration-caption = Ar gyfer pob grŵp, y bar uchaf yw ei hyder a'r bar isaf ei farc, y ddau ar y raddfa o 0 i 1, gyda'r ffigur ar ddiwedd pob bar. Mae'r tabl isod yn rhoi'r ffigurau.
analysis-calibration-table = Hyder pob grŵp, ei farc yn y rownd wybodaeth, y bwlch rhyngddyn nhw a'u cydberthyniad
analysis-people = Pobl
analysis-confidence = Hyder (0 i 1)
analysis-quiz-score = Marc (0 i 1)
analysis-gap = Bwlch
analysis-correlation = Cydberthyniad (r)
analysis-calibration-over = yn fwy hyderus nag a brofwyd
analysis-calibration-under = yn gwybod mwy nag y maen nhw'n ei feddwl
analysis-calibration-matched = mwy neu lai'n gywir
analysis-everyone = Pawb

## Penawdau colofnau'r ffeiliau CSV nad yw tablau'r tudalennau'n eu henwi (mae'r lleill yn
## defnyddio penawdau'r tablau).
analysis-csv-competence-code = Cod y cymhwysedd
analysis-csv-area-code = Cod y maes
analysis-csv-group-code = Cod y grŵp
analysis-csv-respondents = Pobl yn y grŵp a atebodd
analysis-csv-n = Pobl a roddodd sgôr 1 i 5 iddo

## Confidence against knowledge, competence by competence
analysis-knowledge-heading = Hyder yn erbyn gwybodaeth, fesul cymhwysedd
analysis-knowledge-method = Ar gyfer pob cymhwysedd y mae'r rownd wybodaeth yn ei brofi: sgôr gymedrig pob grŵp iddo'i hun (1 i 5) wrth ymyl y gyfran o'i atebion i gwestiynau'r cymhwysedd hwnnw a oedd yn gywir. Lle mae'r sgôr, ar raddfa o 0 i 1, 0.25 neu fwy (pwynt cyfan ar y raddfa 1 i 5) uwchlaw neu islaw'r gyfran gywir, mae'r rhes yn dweud hynny. Lle rhoddodd un grŵp sgôr o leiaf chwarter pwynt yn is iddo'i hun nag un arall ond cael o leiaf 10 pwynt canran yn fwy yn gywir, dywedir hynny hefyd. Dangosir grŵp ar gyfer cymhwysedd dim ond pan fydd digon o'i bobl wedi rhoi sgôr i'r cymhwysedd ac wedi ateb ei gwestiynau.
analysis-knowledge-table = Sgôr pob grŵp iddo'i hun a'i atebion cywir, fesul cymhwysedd
analysis-knowledge-raters = Pobl a roddodd sgôr
analysis-knowledge-mean = Sgôr gymedrig iddyn nhw eu hunain
analysis-knowledge-answerers = Pobl a atebodd ei gwestiynau
analysis-knowledge-right = Atebion cywir
analysis-knowledge-reading = Beth mae'n ei ddangos
analysis-knowledge-over = Rhoesant sgôr uwch iddyn nhw eu hunain nag y mae eu hatebion yn ei gefnogi
analysis-knowledge-under = Roedden nhw'n gwybod mwy nag a feddylient
analysis-knowledge-agrees = Mae'r sgoriau a'r atebion yn cytuno
analysis-knowledge-reversed = Rhoesant sgôr is iddyn nhw eu hunain na “{ $group }” ond cael mwy yn gywir
analysis-knowledge-download = Lawrlwytho'r tabl fesul cymhwysedd (CSV)
