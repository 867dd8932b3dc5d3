# Atebion testun rhydd: yr atebion i gwestiynau teipio ymgyrch, a'r geiriau a ddefnyddir fwyaf.
# Welsh translation written for skillgym; to be reviewed by a native Welsh speaker before
# production use. Lines marked "review:" point a reviewer at choices worth a second look.

free-text-title = Atebion testun rhydd
free-text-title-for = Atebion testun rhydd: { $campaign }
free-text-link = Atebion testun rhydd
# review: "ymadroddion dau air" for two-word phrases.
free-text-intro = Yr atebion a deipiodd pobl i gwestiynau testun rhydd yr ymgyrch, gyda'r geiriau a'r ymadroddion dau air maen nhw'n eu defnyddio fwyaf. Mae pob ateb yn cyfrif gair unwaith, pa mor aml bynnag y mae'n ei ddefnyddio. Mae geiriau cyffredin fel "the", "and", "y" ac "yn" yn cael eu gadael allan.
free-text-privacy = Nid yw enwau byth yn cael eu dangos ar y dudalen hon, hyd yn oed ar gyfer ymgyrch nad yw'n ddienw, ac mae'r atebion wedi'u rhestru yn nhrefn yr wyddor, byth yn y drefn y daethon nhw i mewn.
free-text-threshold = Er mwyn cadw pobl yn ddienw, dim ond pan fydd o leiaf { $threshold } o bobl wedi ateb cwestiwn y caiff ei atebion eu dangos. Dim ond pan fydd o leiaf { $threshold } o'i bobl wedi ateb y caiff geiriau grŵp eu dangos, a dim ond y geiriau a'r ymadroddion y mae o leiaf { $threshold } o'i atebion yn eu defnyddio; mae unrhyw grŵp a fyddai'n gadael i rywun gyfrifo grŵp a adawyd allan yn cael ei adael allan hefyd.
free-text-no-questions = Nid oes gan yr ymgyrch hon unrhyw gwestiynau testun rhydd.
free-text-too-few = Mae llai na { $threshold } o bobl wedi ateb y cwestiwn hwn, felly nid yw ei atebion yn cael eu dangos, er mwyn cadw pobl yn ddienw.
free-text-answered = Atebion: { $count }
free-text-words = Y geiriau a ddefnyddir fwyaf
free-text-phrases = Yr ymadroddion a ddefnyddir fwyaf
free-text-word = Gair
free-text-phrase = Ymadrodd
# review: "Atebion sy'n ei ddefnyddio" as a column heading for how many answers use a word.
free-text-answers-using = Atebion sy'n ei ddefnyddio
free-text-no-words = Nid oes geiriau i'w cyfrif: mae pob gair yn yr atebion yn un cyffredin.
free-text-by-group = Yn ôl grŵp
free-text-by-group-caption = Y geiriau a'r ymadroddion a ddefnyddir fwyaf ym mhob grŵp
free-text-group-answers = Atebion
free-text-groups-left-out = Mae rhai grwpiau wedi'u gadael allan er mwyn cadw eu pobl yn ddienw.
free-text-no-groups = Nid oes gan unrhyw grŵp ddigon o atebion i'w dangos.
free-text-answers-heading = Yr atebion
free-text-answers-order = Yn nhrefn yr wyddor.
# review: the figure before "ateb" keeps the noun singular, as Welsh does after a number.
free-text-answers-more = Dim ond y { $shown } ateb cyntaf sydd wedi'u rhestru yma; mae'r CSV i'w lawrlwytho yn cynnwys y { $count } i gyd.
free-text-download = Lawrlwytho'r atebion a'r geiriau (CSV)
free-text-csv-question-code = Cod y cwestiwn
free-text-csv-question = Cwestiwn
free-text-csv-kind = Math
free-text-csv-text = Testun
free-text-csv-answer = Ateb
