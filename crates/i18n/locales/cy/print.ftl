# Adroddiad ymgyrch gyfan yn barod i'w argraffu.
# Welsh translation written for skillgym; to be reviewed by a native Welsh speaker before
# production use. A first review (December 2026, by a fluent reader who is not a native speaker)
# has been applied; the house style and word list it settled are in docs/welsh.md, and lines
# marked "review:" point a reviewer at choices worth a second look.

print-title = Adroddiad yn barod i'w argraffu
print-title-for = Adroddiad yn barod i'w argraffu: { $campaign }
print-link = Adroddiad yn barod i'w argraffu
print-how = Mae'r dudalen hon yn rhoi adroddiad cyfan yr ymgyrch at ei gilydd: y trosolwg, grwpiau wedi'u cymharu yn ôl teulu swyddi, hyder o'i gymharu â gwybodaeth, a'r newid ers yr ymgyrch gynharach. Defnyddiwch orchymyn Argraffu eich porwr i'w argraffu neu i'w gadw fel PDF; mae'r llywio a'r botymau'n cael eu gadael allan o'r copi printiedig.

## Y crynodeb ar ddechrau'r adroddiad yn barod i'w argraffu: dwy ochr A4 i bennaeth gwasanaeth
print-summary = Crynodeb
print-figure-asked = o bobl wedi'u holi
print-figure-finished = o bobl wedi gorffen
print-figure-rate = cyfradd ymateb
print-weakest = Y cymwyseddau gwannaf
print-strongest = Y cymwyseddau cryfaf
print-scale = Mae'r cymedrau'n dod o'r sgoriau a roddodd pobl iddyn nhw eu hunain, o 1 (isaf) i 5 (uchaf).
print-findings = Prif ganfyddiadau
print-finding-compare = { $competence }: uchaf – { $high } ({ $high_mean }); isaf – { $low } ({ $low_mean }). Gwahaniaeth go iawn yw hwn, nid siawns ({ $test }, { $p }).
print-finding-compare-none = Nid yw sgoriau unrhyw gymhwysedd yn wahanol rhwng y grwpiau a gymharwyd fwy nag y byddai siawns yn ei esbonio.
print-finding-calibration = { $group }: { $reading } (hyder { $confidence }, marc y rownd wybodaeth { $score }, y ddau o 0 i 1).
print-finding-change = { $area }: sgôr gymedrig { $then } bryd hynny, { $now } nawr ({ $difference }). Newid go iawn yw hwn, nid siawns ({ $p }).
print-finding-change-none = Ers { $campaign }, nid yw sgoriau unrhyw faes wedi newid fwy nag y byddai siawns yn ei esbonio.
print-detail-follows = Mae'r manylion yn dilyn o'r dudalen nesaf: sgoriau pob cymhwysedd, safleoedd a meysydd, cyfraddau ymateb, grwpiau wedi'u cymharu, hyder o'i gymharu â gwybodaeth, a newid dros amser.
