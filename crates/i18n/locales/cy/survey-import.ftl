# Welsh translation written for skillgym; to be reviewed by a native Welsh speaker before
# production use. A first review (December 2026, by a fluent reader who is not a native speaker)
# has been applied; the house style and word list it settled are in docs/welsh.md, and lines
# marked "review:" point a reviewer at choices worth a second look.

## Mewnforio ymatebion archwiliad a gynhaliwyd yn rhywle arall (SurveyMonkey, Microsoft Forms).

campaign-import-heading = Ymatebion o arolwg arall
campaign-import-explain = Os cynhalioch chi'r archwiliad hwn mewn offeryn arall, fel SurveyMonkey neu Microsoft Forms, gallwch fewnforio ei ymatebion yma.
campaign-import-link = Mewnforio ymatebion o arolwg arall

survey-import-title = Mewnforio ymatebion o arolwg arall
survey-import-intro = Lanlwythwch allforiad arolwg a gynhaliwyd mewn offeryn arall. Nesaf, byddwch chi'n gweld ei resi cyntaf ac yn dweud pa golofn sy'n dal pa gwestiwn. Os oes problem gydag unrhyw res, nid oes dim yn cael ei fewnforio ac mae pob problem yn cael ei rhestru.
survey-import-file-label = Ffeil allforio (CSV)
# review: "all responses" is SurveyMonkey's English name for the export, kept in English
survey-import-file-hint = Allforiad "all responses" SurveyMonkey (CSV), neu ffeil CSV gydag un rhes i bob ymatebydd, fel y mae Microsoft Forms yn ei hysgrifennu.
survey-import-file-missing = Dewiswch ffeil allforio i'w lanlwytho
survey-import-saved-label = Colofnau
survey-import-saved-none = Paru'r colofnau â chwestiynau'r ymgyrch i mi
# review: "mapping" rendered as "cyfatebiaeth"
survey-import-saved-use = Defnyddio'r gyfatebiaeth a gadwyd "{ $name }"
survey-import-upload-button = Lanlwytho a pharhau
survey-import-file-problems = Nid oes modd darllen y ffeil

survey-map-title = Paru'r colofnau
survey-map-intro = Dywedwch beth sydd ym mhob colofn o'r ffeil. Mae skillgym wedi dyfalu o benawdau'r colofnau; gwiriwch bob un. Nid yw colofnau sy'n cael eu gadael allan yn cael eu mewnforio.
survey-map-kind-surveymonkey = Allforiad SurveyMonkey yw hwn.
survey-map-kind-plain = Mae gan y ffeil hon un rhes i bob ymatebydd.
survey-map-rows = { $count ->
    [zero] Nid oes ganddi unrhyw ymatebion.
    [one] Mae ganddi un ymateb.
    [two] Mae ganddi ddau ymateb.
    [few] Mae ganddi dri ymateb.
    [many] Mae ganddi chwe ymateb.
   *[other] Mae ganddi { $count } o ymatebion.
}
survey-map-preview-caption = Rhesi cyntaf y ffeil
survey-map-columns-caption = Beth sydd ym mhob colofn
survey-map-column = Colofn
survey-map-header = Pennawd
survey-map-use = Beth sydd ynddi
survey-map-ignore = Gadael allan
survey-map-email = Cyfeiriad e-bost yr ymatebydd
survey-map-employee-number = Rhif cyflogai'r ymatebydd
survey-map-response-id = Rhif adnabod yr ymateb yn yr offeryn arall
survey-map-group-respondent = Pwy atebodd
survey-map-group-ratings = Hunanasesiad o gymhwysedd
survey-map-group-questions = Cwestiwn proffil
survey-map-group-quiz = Cwestiwn y rownd wybodaeth
survey-map-anonymous-note = Os nad oes colofn yn dal cyfeiriad e-bost neu rif cyflogai, caiff yr ymatebion eu mewnforio heb enwau.
survey-map-unmatched-legend = Ymatebwyr nad ydyn nhw yn skillgym
survey-map-unmatched-problem = Atal y mewnforio a'u rhestru
survey-map-unmatched-anonymous = Mewnforio eu hatebion heb enw
survey-map-save-label = Cadw'r gyfatebiaeth hon fel (dewisol)
survey-map-save-hint = Rhowch enw iddi i'w defnyddio eto ar gyfer allforiad nesaf yr un arolwg.
survey-map-button = Mewnforio ymatebion
# review: the quoted labels are what English-language surveys write, so they stay in English
survey-map-ratings-hint = Darllenir sgoriau o rif rhwng 1 a 5 ar y dechrau ("3 - about average"); mae "Not sure", "N/A" a "Don't know" (neu "Ddim yn siŵr") yn cyfrif fel ddim yn siŵr.

survey-import-done-title = Ymatebion wedi'u mewnforio
survey-import-added = { $count ->
    [zero] ymateb wedi'u hychwanegu
    [one] ymateb wedi'i ychwanegu
    [two] ymateb wedi'u hychwanegu
    [few] ymateb wedi'u hychwanegu
    [many] ymateb wedi'u hychwanegu
   *[other] o ymatebion wedi'u hychwanegu
}
survey-import-updated = { $count ->
    [zero] ymateb wedi'u diweddaru (roedden nhw wedi'u mewnforio o'r blaen)
    [one] ymateb wedi'i ddiweddaru (roedd wedi'i fewnforio o'r blaen)
    [two] ymateb wedi'u diweddaru (roedden nhw wedi'u mewnforio o'r blaen)
    [few] ymateb wedi'u diweddaru (roedden nhw wedi'u mewnforio o'r blaen)
    [many] ymateb wedi'u diweddaru (roedden nhw wedi'u mewnforio o'r blaen)
   *[other] o ymatebion wedi'u diweddaru (roedden nhw wedi'u mewnforio o'r blaen)
}
survey-import-empty = { $count ->
    [zero] o resi heb ateb dim, wedi'u gadael allan
    [one] rhes heb ateb dim, wedi'i gadael allan
    [two] res heb ateb dim, wedi'u gadael allan
    [few] rhes heb ateb dim, wedi'u gadael allan
    [many] rhes heb ateb dim, wedi'u gadael allan
   *[other] o resi heb ateb dim, wedi'u gadael allan
}
survey-import-saved = Mae'r gyfatebiaeth wedi'i chadw fel "{ $name }".
survey-import-back = Yn ôl i'r ymgyrch
survey-import-problems-found = { $count ->
    [zero] Nid oes problemau. Nid oes dim wedi'i fewnforio.
    [one] Mae un broblem. Nid oes dim wedi'i fewnforio.
    [two] Mae dwy broblem. Nid oes dim wedi'i fewnforio.
    [few] Mae tair problem. Nid oes dim wedi'i fewnforio.
    [many] Mae chwe phroblem. Nid oes dim wedi'i fewnforio.
   *[other] Mae { $count } o broblemau. Nid oes dim wedi'i fewnforio.
}
survey-import-nothing-written = Nid oes dim wedi'i fewnforio. Cywirwch y ffeil neu'r colofnau a mewnforiwch eto.
survey-import-problems-caption = Problemau gyda'r ffeil neu'r colofnau
survey-import-line = Llinell
survey-import-column = Colofn
survey-import-problem = Problem
survey-import-whole-file = y ffeil gyfan

survey-file-not-utf8 = Nid yw'r ffeil wedi'i chadw fel UTF-8. Allforiwch hi eto, neu gadwch hi fel "CSV UTF-8" yn eich taenlen
survey-file-empty = Mae'r ffeil yn wag
survey-file-no-rows = Mae penawdau yn y ffeil ond dim ymatebion
survey-file-unreadable = Mae gwerth mewn dyfynodau yn dechrau yma ac nid yw byth yn cau
survey-wrong-field-count = Mae gan y rhes hon { $value } o werthoedd, nid un ar gyfer pob colofn
survey-too-many-problems = Mae mwy na { $value } o broblemau; daeth y gwirio i ben yno
survey-mapping-invalid = Nid yw'r gyfatebiaeth yn ddilys: { $value }
survey-mapping-not-json = Nid yw'r gyfatebiaeth yn JSON dilys: mae'n peidio â gwneud synnwyr ar linell { $value }
survey-mapping-not-object = Rhaid i'r gyfatebiaeth fod yn un gwrthrych JSON sy'n dal "respondent" a "columns"
survey-mapping-respondent-needed = Nid yw'r gyfatebiaeth yn dweud pwy atebodd. Ychwanegwch "respondent": drwy "email" neu "employee_number" gyda'r golofn sy'n ei dal, neu drwy "anonymous" i fewnforio'r ymatebion heb enwau
survey-mapping-version = Mae'r gyfatebiaeth ar gyfer skillgym mwy newydd (fformat { $value })
survey-mapping-column-unknown = Nid oes colofn o'r fath yn y ffeil
survey-mapping-column-twice = Mae'r golofn hon wedi'i pharu ddwywaith
survey-mapping-column-ambiguous = Mae gan fwy nag un golofn y label hwn (colofnau { $value }). Enwch y golofn wrth ei phennawd cyfan, "cwestiwn | label", neu wrth ei llythyren
survey-mapping-target = Parwch y golofn ag un cymhwysedd, cwestiwn neu gwestiwn rownd wybodaeth
survey-mapping-competence-unknown = Nid yw'r ymgyrch yn sgorio'r cymhwysedd { $value }
survey-mapping-competence-twice = Mae colofn arall eisoes yn dal y sgôr ar gyfer { $value }
survey-mapping-question-unknown = Nid oes gan yr ymgyrch gwestiwn proffil { $value }
survey-mapping-quiz-unknown = Nid oes gan yr ymgyrch gwestiwn rownd wybodaeth { $value }
survey-mapping-rating-invalid = Rhaid i'r label "{ $value }" olygu sgôr o 1 i 5 neu not-sure
survey-mapping-option-invalid = Mae'r label "{ $value }" yn golygu ateb nad oes gan y cwestiwn
survey-mapping-nothing = Dewiswch o leiaf un golofn i'w mewnforio
survey-rating-invalid = Nid yw "{ $value }" yn sgôr o 1 i 5 nac yn "ddim yn siŵr"
survey-option-unknown = Nid yw "{ $value }" yn un o atebion y cwestiwn
survey-respondent-missing = Mae'r ymatebydd ar goll
survey-respondent-twice = Atebodd yr ymatebydd hwn ar linell { $value } hefyd
survey-response-id-missing = Mae rhif adnabod yr ymateb ar goll
survey-response-twice = Mae'r un ymateb ar linell { $value }
survey-respondent-unknown = Nid oes gan neb yn skillgym { $value }
survey-respondent-answered = Mae { $value } eisoes wedi ateb yr ymgyrch hon yn skillgym

cli-survey-checking = Wrthi'n gwirio { $file }…
cli-survey-done = Wedi mewnforio: { $added } o ymatebion wedi'u hychwanegu, { $updated } wedi'u diweddaru, { $empty } o resi gwag wedi'u gadael allan.
# plural: no [zero] arm: printed only when there are problems.
cli-survey-refused = { $count ->
    [one] Nid oes dim wedi'i fewnforio: mae un broblem.
    [two] Nid oes dim wedi'i fewnforio: mae dwy broblem.
    [few] Nid oes dim wedi'i fewnforio: mae tair problem.
    [many] Nid oes dim wedi'i fewnforio: mae chwe phroblem.
   *[other] Nid oes dim wedi'i fewnforio: mae { $count } o broblemau.
}
cli-survey-problem = llinell { $line }, colofn { $column }: { $message }
cli-survey-campaign-unknown = Nid oes ymgyrch { $id }. Mae rhifau ymgyrchoedd yng nghyfeiriad yr ymgyrch, /campaigns/RHIF.
cli-survey-mapping-unreadable = Nid oes modd darllen y gyfatebiaeth { $file }: nid yw'n ffeil nac yn gyfatebiaeth a gadwyd ar gyfer yr ymgyrch hon.
