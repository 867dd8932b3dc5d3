# Archwiliadau sgiliau: fframweithiau, ymgyrchoedd, tudalennau'r ymatebydd a'u canlyniadau.
# Welsh translation written for skillgym; to be reviewed by a native Welsh speaker before
# production use. A first review (December 2026, by a fluent reader who is not a native speaker)
# has been applied; the house style and word list it settled are in docs/welsh.md, and lines
# marked "review:" point a reviewer at choices worth a second look.

nav-audits = Fy archwiliadau
nav-campaigns = Ymgyrchoedd
nav-frameworks = Fframweithiau

## Ochr yr ymatebydd
audits-title = Fy archwiliadau
audits-none = Nid oes archwiliad sgiliau ar agor i chi ar hyn o bryd. Pan fydd eich gwasanaeth yn agor un, bydd yn ymddangos yma.
audit-status-new = Heb ddechrau
# review: "In progress" (status of an audit the person has started)
audit-status-started = Ar y gweill
audit-status-done = Wedi'i gwblhau
audit-closes-on = Ar agor tan { $date }
audit-start-title = Archwiliad sgiliau
# review: "tua" + aspirate mutation ("tua thair munud"); "munud" as feminine ("dwy funud"); zero minutes shown as "llai na munud" (less than a minute)
audit-start-estimate = Mae'n cymryd { $minutes ->
    [zero] llai na munud
    [one] tua munud
    [two] tua dwy funud
    [few] tua thair munud
    [many] tua chwe munud
   *[other] tua { $minutes } munud
}, mewn { $sections ->
    [zero] { $sections } o adrannau byr
    [one] un adran fer
    [two] dwy adran fer
    [few] tair adran fer
    [many] chwe adran fer
   *[other] { $sections } o adrannau byr
}.
audit-start-saved = Caiff pob adran ei chadw pan fyddwch chi'n parhau, felly gallwch chi stopio unrhyw bryd a dal ati'n nes ymlaen o'r man lle gwnaethoch chi stopio.
audit-start-not-a-test = Nid prawf arnoch chi yw hwn. Mae'n helpu eich gwasanaeth i weld ble y byddai hyfforddiant yn helpu fwyaf, ac yn eich helpu chi i ddewis beth i'w ddysgu nesaf. Atebwch yn onest: mae "ddim yn siŵr" yn ateb iawn.
audit-start-anonymous = Mae eich atebion yn ddienw i reolwyr: maen nhw'n gweld ffigurau ar gyfer grwpiau o bobl, a byth eich enw wrth ymyl eich atebion.
audit-start-named = Gall eich rheolwr a gweinyddwyr skillgym eich gwasanaeth weld eich atebion gyda'ch enw, er mwyn helpu i gynllunio eich dysgu gyda chi.
audit-start-now = Dechrau nawr
audit-continue = Parhau o'r man lle gwnaethoch chi stopio
audit-start-done = Rydych chi wedi gorffen yr archwiliad hwn. Diolch.
audit-see-results = Gweld eich canlyniadau
audit-section-title = Archwiliad sgiliau
audit-section-position = Adran { $number } o { $total }
audit-saved-as-you-go = Caiff eich atebion eu cadw pan fyddwch chi'n parhau.
audit-profile-heading = Amdanoch chi
audit-quiz-heading = Gwybodaeth gyffredinol ddigidol
audit-quiz-number = Cwestiwn { $number }
audit-quiz-part = Gwybodaeth gyffredinol ddigidol, rhan { $part }
audit-choose-all = Dewiswch bob un sy'n berthnasol.
audit-optional = (dewisol)
audit-picture-full-size = Agor y llun ar ei ben ei hun, maint llawn
audit-picture-of-question = (cwestiwn { $number })
audit-rating-not-sure = Ddim yn siŵr, neu nid yw hyn yn berthnasol i fy rôl
audit-rating-answer = { $level } – { $descriptor }
audit-save-continue = Cadw a pharhau
audit-save-later = Stopio yma a dod yn ôl yn nes ymlaen (mae'r adrannau sydd wedi'u gorffen wedi'u cadw)
audit-rating-missing = Dewiswch pa mor gryf ydych chi yn hyn, neu "ddim yn siŵr"
audit-rating-invalid = Dewiswch un o'r atebion a roddwyd
audit-option-invalid = Dewiswch un o'r atebion a roddwyd
audit-option-one = Dewiswch un ateb yn unig
audit-quiz-missing = Dewiswch ateb; os nad ydych chi'n gwybod, dewiswch yr un rydych chi'n meddwl sydd fwyaf tebygol
audit-number-invalid = Rhowch rif cyfan, fel 5
audit-number-range = Rhowch rif yn yr ystod a roddwyd
audit-text-too-long = Rhaid i'ch ateb fod yn 2,000 nod neu lai
audit-question-kind-invalid = Mae'r cwestiwn hwn o fath anhysbys
audit-check-title = Gwiriwch eich atebion cyn gorffen
audit-not-answered = Heb ei ateb
audit-change = Newid
audit-submit-heading = Nawr, gorffennwch yr archwiliad
audit-submit-explain = Pan fyddwch chi'n gorffen, byddwch chi'n gweld eich canlyniadau ar unwaith. Ni allwch chi newid eich atebion ar ôl hynny.
audit-submit = Gorffen a gweld fy nghanlyniadau
audit-sections-missing = Nid yw rhai adrannau wedi'u hateb eto
audit-section-missing = Atebwch adran { $number }

## Canlyniadau
audit-results-title = Eich canlyniadau
audit-results-intro = Diolch. Dyma beth mae eich atebion yn ei ddangos. Defnyddiwch hyn i ddewis beth i'w ddysgu nesaf; nid oes neb yn disgwyl marciau llawn ym mhob man.
audit-results-areas = Y sgoriau a roesoch chi i chi'ch hun, fesul maes
# review: "mean rating" is "sgôr gymedrig" and "mean" "cymedr" throughout, as in the statistics pages
audit-results-chart-caption = Siart bar o'ch sgôr gymedrig ym mhob maes, o 1 i 5. Mae'r un ffigurau yn y tabl isod.
audit-results-areas-caption = Y sgôr gymedrig a roesoch chi i chi'ch hun ym mhob maes (1 = ddim yn gryf, 5 = cryf iawn)
audit-results-area = Maes
audit-results-mean = Sgôr gymedrig
audit-results-not-sure = Wedi ateb "ddim yn siŵr"
audit-results-quiz = Gwybodaeth gyffredinol ddigidol
# plural: no [zero] arm: shown only when the knowledge round asked something.
audit-results-quiz-score = { $asked ->
    [one] Cawsoch chi { $right } allan o un cwestiwn yn gywir.
    [two] Cawsoch chi { $right } allan o ddau gwestiwn yn gywir.
    [few] Cawsoch chi { $right } allan o dri chwestiwn yn gywir.
    [many] Cawsoch chi { $right } allan o chwe chwestiwn yn gywir.
   *[other] Cawsoch chi { $right } allan o { $asked } o gwestiynau'n gywir.
}
audit-results-calibration = Lle mae eich hyder a'ch atebion yn wahanol
# review: "caught you out" rendered as "eich baglu chi" (tripped you up); "sesiwn gloywi" for "refresher"
results-more-confident = { $competence }: rhoesoch chi sgôr uchel i chi'ch hun, ond fe wnaeth rhai o'r cwestiynau amdano eich baglu chi. Gallai sesiwn gloywi byr fod yn werth eich amser.
results-knows-more = { $competence }: rydych chi'n gwybod mwy nag yr oeddech chi'n ei gredu. Gallech chi fod yn fwy hyderus yma.
audit-results-quiz-caption = Y cwestiynau, gyda'r atebion cywir
audit-results-question = Cwestiwn
audit-results-your-answer = Eich ateb
audit-results-right-answer = Yr ateb cywir
audit-results-right = Cywir
audit-results-not-quite = Ddim yn hollol gywir
audit-back-to-audits = Yn ôl i fy archwiliadau

## Fframweithiau
frameworks-title = Fframweithiau
frameworks-intro = Mae fframwaith yn nodi'r sgiliau y mae archwiliad yn holi amdanyn nhw: meysydd, y cymwyseddau ym mhob un, a beth mae pob lefel sgôr yn ei olygu.
framework-title = Fframwaith
framework-name = Enw
framework-code = Cod
framework-areas = Meysydd
framework-competences = Cymwyseddau
framework-levels = Beth mae'r sgoriau'n ei olygu
framework-title-missing = Rhowch deitl
framework-levels-count = Rhaid i fframwaith ddisgrifio pum lefel yn union
framework-level-missing = Disgrifiwch bob lefel
framework-no-areas = Mae angen o leiaf un maes ar fframwaith
framework-no-competences = Mae angen o leiaf un cymhwysedd ar bob maes
framework-code-invalid = Rhaid i godau ddefnyddio priflythrennau, digidau, cysylltnodau a dotiau yn unig
framework-code-duplicate = Mae'r cod hwn wedi'i ddefnyddio ddwywaith
# review: "identifier" = "dynodydd"
framework-identifier-missing = Mae angen dynodydd ar bob eitem
framework-identifier-duplicate = Mae'r dynodydd hwn wedi'i ddefnyddio ddwywaith

## Ymgyrchoedd
campaigns-title = Ymgyrchoedd
campaigns-add = Agor ymgyrch newydd
campaigns-none = Nid oes ymgyrchoedd eto.
campaign-title = Ymgyrch
campaign-new-title = Agor ymgyrch newydd
campaign-name = Enw
# review: "Open" taken as a state/column heading (the campaign is open), not the verb
campaign-open = Ar agor
campaign-opens-on = Yn agor ar
campaign-closes-on = Yn cau ar
campaign-in-progress = Ar y gweill
campaign-rate = Cyfradd ymateb
campaign-submitted = Wedi gorffen
# review: "Answers are" (label before the Named / Anonymous choice) shortened to "Atebion" to avoid a mutation clash with the options
campaign-answers = Atebion
campaign-anonymous-no = Wedi'u henwi: mae rheolwyr a gweinyddwyr yn gweld pwy atebodd beth
campaign-anonymous-yes = Dienw: mae rheolwyr yn gweld ffigurau grŵp yn unig
campaign-audience = Pwy sy'n cael ei holi
campaign-audience-everyone = Pawb
campaign-audience-sites = Holi pobl yn y safleoedd hyn
campaign-audience-families = Holi pobl yn y teuluoedd swyddi hyn
campaign-audience-hint = Gadewch bob un heb ei dicio i holi pawb.
campaign-profile-questions = Cwestiynau proffil
# review: "knowledge round" = "rownd wybodaeth"
campaign-quiz-items = Cwestiynau'r rownd wybodaeth
campaign-title-en = Enw yn Saesneg
campaign-title-cy = Enw yn Gymraeg
campaign-title-hint = Er enghraifft: Archwiliad sgiliau digidol 2027.
campaign-title-cy-hint = Dewisol. Hebddo, bydd darllenwyr Cymraeg yn gweld yr enw Saesneg, wedi'i farcio fel Saesneg.
campaign-areas = Beth i holi amdano
campaign-areas-hint = Dewiswch fframwaith, a'r meysydd ynddo i'w sgorio.
campaign-standard = Cynnwys y cwestiynau proffil safonol a'r rownd wybodaeth gyffredinol ddigidol
campaign-create = Agor ymgyrch
campaign-title-missing = Rhowch enw ar gyfer yr ymgyrch
campaign-framework-missing = Dewiswch fframwaith
campaign-areas-missing = Dewiswch o leiaf un maes o'r fframwaith
campaign-closes-before-opens = Rhaid i'r dyddiad cau fod ar y dyddiad agor neu ar ei ôl
campaign-clone-heading = Cynnal yr ymgyrch eto
# review: "re-audit" = "ail-archwiliad"
campaign-clone-explain = Mae ail-archwiliad yn gofyn yr un cwestiynau i'r un bobl, er mwyn i chi allu cymharu'r canlyniadau â'r ymgyrch hon.
campaign-clone-button = Copïo ar gyfer ail-archwiliad

## Adroddiadau
campaign-see-report = Gweld yr adroddiad
report-title = Adroddiad yr ymgyrch
report-title-for = Adroddiad: { $campaign }
report-responses = Mae { $finished } o'r { $asked } o bobl a holwyd wedi gorffen ({ $percent }%).
# plural: no [two], [few] or [many] arm: "{ $others } o ymatebion" reads right after any figure; no [zero] arm: shown only when there are such responses.
report-rate-outside = { $others ->
    [one] Mae'r gyfradd yn cyfrif pawb a holwyd yn skillgym ({ $people }) ac un ymateb gan rywun na chafodd ei holi (wedi'i fewnforio heb enw, neu gan rywun sydd wedi'i ddileu ers hynny neu nad yw'n cael ei holi mwyach): mae'r ymateb hwnnw'n cyfrif fel un a holwyd ac a orffennwyd.
   *[other] Mae'r gyfradd yn cyfrif pawb a holwyd yn skillgym ({ $people }), a hefyd { $others } o ymatebion gan bobl na chawson nhw eu holi (wedi'u mewnforio heb enwau, neu gan bobl sydd wedi'u dileu ers hynny neu nad ydyn nhw'n cael eu holi mwyach): mae pob un yn cyfrif fel un a holwyd ac a orffennwyd.
}
report-rate-outside-hidden = Mae'r gyfradd hefyd yn cyfrif ymatebion gan bobl na holodd skillgym (wedi'u mewnforio heb enwau, neu gan bobl sydd wedi'u dileu ers hynny neu nad ydyn nhw'n cael eu holi mwyach): mae pob un yn cyfrif fel un a holwyd ac a orffennwyd. Ni ddangosir faint, er mwyn cadw pobl yn ddienw.
report-threshold = Er mwyn cadw pobl yn ddienw, ni ddangosir unrhyw ffigur ar gyfer grŵp o lai na { $threshold } o bobl a atebodd, nac unrhyw ffigur a fyddai'n gadael i rywun gyfrifo grŵp o'r fath.
report-back = Yn ôl i'r ymgyrch
report-weakest = Y gwannaf drwyddi draw
report-strongest = Y cryfaf drwyddi draw
report-mean-of = cymedr { $mean }
report-ratings = Sut y sgoriwyd pob cymhwysedd
report-ratings-caption = Mae pob bar yn dangos sut y rhannwyd yr atebion, o sgôr 1 (y goleuaf) i sgôr 5 (y tywyllaf), yna “ddim yn siŵr” (â streipiau), fel cyfran o bawb a atebodd, ar y raddfa o 0% i 100%. Mae'r tabl isod yn rhoi'r rhifau.
report-rated = Sgôr { $level }
report-ratings-table = Sgoriau ar gyfer pob cymhwysedd: cymedr y sgoriau 1–5, a faint o bobl a roddodd bob sgôr
report-competence = Cymhwysedd
report-heat = Safleoedd a meysydd
report-heat-explain = Y sgôr gymedrig ym mhob maes o'r fframwaith, yn ôl y safle lle mae pobl yn gweithio, o 1 i 5. Mae pob cell yn rhoi ei chymedr: po dywyllaf y glas, cryfaf y sgôr. Mae cell â streipiau a'r gair “cudd” arni wedi'i chuddio i gadw pobl yn ddienw.
report-heat-caption = Map gwres o'r sgoriau cymedrig yn ôl safle a maes. Mae'r un ffigurau yn y tabl isod.
report-heat-scale = Sgôr gymedrig, o 1 (y goleuaf) i 5 (y tywyllaf)
report-heat-hidden-key = Cudd, i gadw pobl yn ddienw
report-heat-empty-key = Dim sgoriau: ni roddodd neb yn y safle sgôr i'r maes
report-heat-table = Sgôr gymedrig yn ôl safle a maes
report-hidden = cudd
# review:
report-fewer-than = llai na { $threshold }
# review:
report-responses-few = Mae llai na { $threshold } o'r { $asked } o bobl a holwyd wedi gorffen: ni ddangosir unrhyw ffigurau nes bod { $threshold } wedi gorffen.
# review:
report-stepped = Mae'r ymgyrch hon yn ddienw ac yn dal ar agor, felly mae ei ffigurau'n cyfrif yr atebion { $threshold } ar y tro, yn y drefn y daethon nhw i mewn: nid yw un ateb arall yn newid dim yma nes bod { $threshold } arall wedi dod i mewn. Pan fydd yr ymgyrch yn cau, byddan nhw'n cyfrif pob ateb.
report-rates = Pwy sydd wedi ateb
report-rates-sites = Cyfradd ymateb yn ôl safle
report-rates-teams = Cyfradd ymateb yn ôl tîm
report-group = Grŵp
report-asked = Holwyd
report-rate = Cyfradd
report-area = Maes
report-rank = Rheng
report-rate-percent = Cyfradd (%)
