# Proffil person, a'r proffiliau rôl (lefelau targed) y mae'n cael ei fesur yn eu herbyn.
# Welsh translation written for skillgym; to be reviewed by a native Welsh speaker before
# production use. A first review (December 2026, by a fluent reader who is not a native speaker)
# has been applied; the house style and word list it settled are in docs/welsh.md, and lines
# marked "review:" point a reviewer at choices worth a second look.

profile-title = Proffil sgiliau
profile-title-own = Eich proffil sgiliau
profile-title-for = Proffil sgiliau: { $name }
profile-link = Gweld y proffil sgiliau
profile-link-own = Gweld eich proffil sgiliau
profile-back = Yn ôl at y person
profile-back-own = Yn ôl at eich manylion
profile-none = Nid yw'r person hwn wedi gorffen archwiliad y gellir ei ddangos yma. Dim ond i'r person a'u rhoddodd y mae atebion i archwiliadau dienw yn cael eu dangos.
profile-none-own = Nid ydych chi wedi gorffen archwiliad eto. Ar ôl i chi wneud hynny, bydd eich proffil yn dangos eich sgoriau, canlyniadau eich cwis a sut maen nhw'n cymharu â'r lefelau ar gyfer eich rôl.
profile-campaign = Archwiliad
profile-family = Y lefelau targed yw'r rhai ar gyfer y teulu swyddi { $family }.
profile-method = Y sgoriau yw'r lefelau 1 i 5 a roddwyd yn yr archwiliad (mae "ddim yn siŵr" yn cael ei adael allan); ffigur maes yw cymedr sgoriau ei gymwyseddau, wedi'i osod yn erbyn cymedr pawb a atebodd yr archwiliad (dim ond pan atebodd digon o bobl i'w cadw'n ddienw). Mae lefel fesuredig cymhwysedd yn rhoi mwy o bwys ar wybodaeth a brofwyd nag ar hyder: lle gofynnodd y cwis amdano, dwy ran marc y cwis (dim un yn gywir yn cyfrif fel 1, pob un yn gywir fel 5) i un rhan yr hunanasesiad; fel arall yr hunanasesiad yn unig. Y bwlch yw'r lefel darged ar gyfer y rôl llai'r lefel fesuredig: uwchlaw 0, mae ffordd i fynd o hyd.
profile-areas = Sgoriau fesul maes
profile-areas-caption = Ar gyfer pob maes, y bar uchaf yw'r sgôr gymedrig o'r proffil hwn a'r bar isaf yw cymedr y gwasanaeth cyfan, y ddau ar y raddfa o 0 i 5, gyda'r ffigur ar ddiwedd pob bar. Mae'r tabl isod yn rhoi'r ffigurau.
profile-areas-table = Sgôr gymedrig ym mhob maes, o'i chymharu â'r gwasanaeth cyfan
profile-you = Chi
profile-this-person = Y person hwn
profile-service = Y gwasanaeth cyfan
profile-gaps = Y bylchau mwyaf o'u cymharu â lefelau targed y rôl
profile-no-targets = Nid oes lefelau targed wedi'u gosod ar gyfer y teulu swyddi hwn eto. Gall gweinyddwr eu gosod ar y dudalen proffiliau rôl.
profile-no-gaps = Mae pob cymhwysedd sydd â lefel darged ar y lefel honno neu uwch.
profile-gap-of = { $gap } islaw'r targed
profile-competences = Pob cymhwysedd
profile-competences-table = Sgôr, canlyniad cwis, lefel fesuredig, lefel darged a bwlch ar gyfer pob cymhwysedd
profile-rating = Sgôr
profile-not-sure = Ddim yn siŵr
profile-quiz = Cwis
profile-quiz-of = { $right } o { $asked }
profile-measured = Lefel fesuredig
profile-target = Lefel darged
profile-gap = Bwlch
profile-met = Wedi'i chyrraedd

role-profiles-title = Proffiliau rôl
role-profiles-link = Proffiliau rôl: lefelau targed ar gyfer pob teulu swyddi
role-profiles-explain = Mae proffil rôl yn gosod y lefel (1 i 5) y dylai pob teulu swyddi ei chyrraedd ym mhob cymhwysedd. Mae proffiliau pobl yn dangos eu bylchau o'u cymharu â'r lefelau ar gyfer eu teulu swyddi. Gadewch flwch yn wag lle nad yw cymhwysedd yn rhan o rôl.
role-profiles-no-framework = Nid oes fframwaith eto. Mewnforiwch neu grëwch un yn gyntaf.
role-profiles-framework = Fframwaith
role-profiles-table = Lefel darged ar gyfer pob cymhwysedd a theulu swyddi
role-profiles-cell = Lefel darged ar gyfer { $competence }, { $family }
role-profiles-save = Cadw'r lefelau targed
role-profiles-saved = Mae'r lefelau targed wedi'u cadw.
role-profile-level-invalid = Rhowch lefel darged o 1 i 5 ar gyfer { $competence }, { $family }, neu adewch y blwch yn wag

## Penawdau colofnau'r ffeil CSV nad yw tablau'r dudalen yn eu henwi felly.
profile-csv-quiz-right = Cwestiynau cwis yn gywir
profile-csv-quiz-asked = Cwestiynau cwis a ofynnwyd
profile-csv-area-mean = Sgôr gymedrig yn y maes
profile-csv-service-area-mean = Sgôr gymedrig y gwasanaeth cyfan yn y maes
profile-gaps-next-intro = Ar gyfer pob bwlch, dyma sut mae'r lefel nesaf i fyny yn edrych, yng ngeiriau'r fframwaith sgiliau.
profile-gap-next = Y lefel nesaf ({ $level }):
profile-gap-framework = { $competence } yn y fframwaith
