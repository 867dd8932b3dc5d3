# Newid dros amser: ail-archwiliad o'i gymharu ag ymgyrch gynharach.
# Welsh translation written for skillgym; to be reviewed by a native Welsh speaker before
# production use. A first review (December 2026, by a fluent reader who is not a native speaker)
# has been applied; the house style and word list it settled are in docs/welsh.md, and lines
# marked "review:" point a reviewer at choices worth a second look.
# review: the statistical terms in particular want a Welsh speaker's check.

change-title = Newid dros amser
change-title-for = Newid dros amser: { $campaign }
change-link = Newid dros amser
change-no-earlier = Nid oes ymgyrch gynharach ar yr un fframwaith i gymharu hon â hi. Unwaith y byddwch chi'n copïo'r ymgyrch hon ar gyfer ail-archwiliad, bydd tudalen yr ail-archwiliad yn dangos beth sydd wedi newid.
change-compare-with = Cymharu â
change-against = O'i gymharu â { $campaign }.
# review: "prawf rheng-arwyddedig Wilcoxon" for the Wilcoxon signed-rank test.
change-method-paired = Ar gyfer y bobl a atebodd y ddwy ymgyrch, rydyn ni'n gosod sgôr pob person ar gyfer cymhwysedd nawr yn erbyn ei sgôr ei hun bryd hynny, gan gyfrif dim ond y bobl a roddodd sgôr 1 i 5 y ddau dro (mae "ddim yn siŵr" yn cael ei adael allan). Y newid cymedrig yw cymedr y newidiadau personol hynny. I farnu a yw'r newidiadau'n pwyso un ffordd neu a allai hynny fod yn siawns, rydyn ni'n defnyddio prawf rheng-arwyddedig Wilcoxon: mae pobl na newidiodd eu sgôr yn cael eu gadael allan, mae'r lleill yn cael eu rhestru yn ôl pa mor bell y symudon nhw, ac mae rhengoedd y rhai a aeth i fyny yn cael eu gosod yn erbyn rhengoedd y rhai a aeth i lawr. Rydyn ni'n cyfrifo ei werth p o'r brasamcan normal, wedi'i gywiro ar gyfer y newidiadau cyfartal niferus a geir gyda sgoriau. Ar gyfer maes, canlyniad pob person yw cymedr ei sgoriau ar gyfer cymwyseddau'r maes, gan gyfrif dim ond y cymwyseddau y rhoddodd sgôr iddyn nhw y ddau dro.
change-method-whole = Ar gyfer y gwasanaeth cyfan, rydyn ni'n cymryd pawb a atebodd bob ymgyrch, p'un a atebon nhw'r llall ai peidio, ac yn cymharu'r ddwy set o sgoriau fel grwpiau ar wahân: y cymedr bryd hynny a nawr, y gwahaniaeth rhyngddyn nhw, a phrawf Mann–Whitney, sy'n cymharu trefn y sgoriau yn hytrach na'u maint. Mae hyn yn dangos ble mae'r gwasanaeth cyfan yn sefyll, gan gynnwys pobl sydd wedi ymuno neu adael; mae'r ffigurau pâr yn dangos sut mae'r un bobl wedi newid.
change-method-effect = Mae meintiau'r effaith yn rhedeg o −1 i 1, ac maen nhw'n uwch na 0 pan aeth sgoriau i fyny. Ar gyfer y bobl yn y ddwy ymgyrch, maint yr effaith yw'r cydberthyniad rheng-deuol parau cyfatebol: rhengoedd y rhai a aeth i fyny llai rhengoedd y rhai a aeth i lawr, fel cyfran o'r holl rengoedd. Ar gyfer y gwasanaeth cyfan, maint yr effaith yw'r cydberthyniad rheng-deuol: faint yn amlach y mae sgôr nawr yn uwch na sgôr bryd hynny, nag i'r gwrthwyneb. Mae mwy na 0.3 y naill ffordd neu'r llall yn newid clir. Mae gwerth p o dan 0.05 yn golygu y byddai newid mor fawr â hyn yn anarferol pe na bai dim wedi newid mewn gwirionedd.
change-threshold = Er mwyn cadw pobl yn ddienw, nid oes unrhyw ffigur yn cael ei ddangos ar gyfer llai na { $threshold } o bobl. Mae'r ffigurau ar gyfer y bobl yn y ddwy ymgyrch hefyd yn cael eu cuddio pan fo nifer y bobl a atebodd un ohonyn nhw yn unig yn fwy na sero ond yn llai na { $threshold }, gan y gellid fel arall gyfrifo eu sgoriau drwy dynnu un set o ffigurau o'r llall.
change-rates = Cyfraddau ymateb bryd hynny a nawr
change-rates-caption = Faint o bobl a holwyd ym mhob ymgyrch, a faint a orffennodd
change-campaign = Ymgyrch
change-asked = Holwyd
change-finished = Wedi gorffen
change-rate = Cyfradd ymateb
change-percent = { $percent }%
change-people-in-both = { $count ->
    [zero] Ni atebodd neb y ddwy ymgyrch.
    [one] Atebodd un person y ddwy ymgyrch.
    [two] Atebodd dau berson y ddwy ymgyrch.
    [few] Atebodd tri pherson y ddwy ymgyrch.
    [many] Atebodd chwe pherson y ddwy ymgyrch.
   *[other] Atebodd { $count } o bobl y ddwy ymgyrch.
}
# review:
change-people-in-both-hidden = Mae nifer y bobl a atebodd y ddwy ymgyrch yn gudd: atebodd llai na { $threshold } y ddwy, neu atebodd cyn lleied un ohonyn nhw yn unig fel y gellid eu cyfrif.
change-chart = Sgôr gymedrig y gwasanaeth cyfan ar gyfer pob cymhwysedd, bryd hynny a nawr
change-chart-caption = Ar gyfer pob cymhwysedd, y cylch llwyd yw sgôr gymedrig y gwasanaeth cyfan yn yr ymgyrch gynharach a'r sgwâr glas yw ei sgôr gymedrig nawr, ar y raddfa o 1 i 5; mae symbol sydd ar goll wedi'i guddio i gadw pobl yn ddienw. Mae'r tablau isod yn rhoi'r ffigurau, ar gyfer y bobl yn y ddwy ymgyrch ac ar gyfer y gwasanaeth cyfan.
change-then = Bryd hynny
change-now = Nawr
change-areas-table = Newid ym mhob maes
change-competences-table = Newid ym mhob cymhwysedd
change-areas-caption = Pob maes bryd hynny a nawr: ar gyfer y bobl a atebodd y ddwy ymgyrch, cymedr canlyniadau eu maes eu hunain a chymedr eu newidiadau, gyda phrawf Wilcoxon; ar gyfer y gwasanaeth cyfan, cymedrau pawb a atebodd bob tro, gyda phrawf Mann–Whitney
change-competences-caption = Pob cymhwysedd bryd hynny a nawr: ar gyfer y bobl a atebodd y ddwy ymgyrch, eu sgôr gymedrig a'u newid cymedrig, gyda phrawf Wilcoxon; ar gyfer y gwasanaeth cyfan, cymedrau pawb a atebodd bob tro, gyda phrawf Mann–Whitney
change-paired-heading = Pobl a atebodd y ddwy
change-whole-heading = Y gwasanaeth cyfan
change-area = Maes
change-mean-change = Newid cymedrig
change-difference = Gwahaniaeth (nawr llai bryd hynny)
change-effect = Maint yr effaith (rheng-deuol)
# Geiriau plaen o dan werth p newid.
change-p-real = newid go iawn, nid siawns
change-p-chance = gallai fod yn siawns

## Penawdau colofnau'r ffeiliau CSV nad yw tablau'r dudalen yn eu henwi felly.
# review: "T Wilcoxon", "U Mann–Whitney" keep the statistics' usual letters.
change-csv-campaign-number = Rhif yr ymgyrch
change-csv-rate = Cyfradd ymateb (0 i 1)
change-csv-in-area = Yn y maes
change-csv-paired-n = Pobl yn y ddwy ymgyrch
change-csv-paired-before = Pobl yn y ddwy: cymedr bryd hynny
change-csv-paired-after = Pobl yn y ddwy: cymedr nawr
change-csv-paired-change = Pobl yn y ddwy: newid cymedrig
change-csv-wilcoxon-t = Pobl yn y ddwy: T Wilcoxon
change-csv-wilcoxon-z = Pobl yn y ddwy: z Wilcoxon
change-csv-wilcoxon-p = Pobl yn y ddwy: gwerth p Wilcoxon
change-csv-paired-effect = Pobl yn y ddwy: maint yr effaith (rheng-deuol parau cyfatebol)
change-csv-before-n = Y gwasanaeth cyfan: pobl bryd hynny
change-csv-before-mean = Y gwasanaeth cyfan: cymedr bryd hynny
change-csv-after-n = Y gwasanaeth cyfan: pobl nawr
change-csv-after-mean = Y gwasanaeth cyfan: cymedr nawr
change-csv-difference = Y gwasanaeth cyfan: gwahaniaeth (nawr llai bryd hynny)
change-csv-mann-whitney-u = Y gwasanaeth cyfan: U Mann–Whitney
change-csv-mann-whitney-p = Y gwasanaeth cyfan: gwerth p Mann–Whitney
change-csv-effect = Y gwasanaeth cyfan: maint yr effaith (rheng-deuol)
