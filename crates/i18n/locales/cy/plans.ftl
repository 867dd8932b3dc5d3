# Cynlluniau dysgu: cynllun yr unigolyn ei hun, cynllun unigolyn i'w hyfforddwr neu ei reolwr, a'r rhestr.

# review:
nav-my-plan = Fy nghynllun
# review:
nav-plans = Cynlluniau

# review:
plan-link = Eu cynllun dysgu
# review:
plan-own-title = Fy nghynllun dysgu
# review:
plan-title = Cynllun dysgu { $name }
# review:
plan-none-own = Nid oes gennych gynllun dysgu eto. Ar ôl i chi orffen archwiliad, bydd hyfforddwr neu eich rheolwr yn cynnig un o'ch canlyniadau ac yn ei gytuno gyda chi.
# review:
plan-browse-catalogue = Pori'r catalog dysgu
# review:
plan-none-no-audit = Nid ydyn nhw wedi gorffen archwiliad gydag enwau eto, felly nid oes dim i gynllunio ohono. Mae cynllun yn cael ei gynnig o ganlyniadau archwiliad wedi'i orffen.
# review:
plan-none-propose = Mae skillgym yn cynnig deuddeg wythnos o ddysgu o ganlyniadau eu harchwiliad: y sgiliau pellaf o darged eu rôl, a gweithgareddau sy'n ffitio eu hamser. Gallwch ei newid cyn i chi ei gytuno gyda nhw.
# review:
plan-from-campaign = O ganlyniadau pa archwiliad i gynllunio
# review:
plan-minutes = Munudau'r wythnos ar gyfer dysgu
# review:
plan-minutes-hint = O'u horiau dan gontract: tri munud am bob awr, o 30 i 120. Newidiwch hyn i'r hyn rydych chi'n ei gytuno gyda nhw, o 15 i 600.
# review:
plan-minutes-again-hint = Cynnig y cynllun eto ar gyfer amser gwahanol bob wythnos.
# review:
plan-propose = Cynnig cynllun
# review:
plan-propose-again = Cynnig eto

# review:
plan-status = Sut mae'n mynd
# review:
plan-runs = Yn rhedeg
# review:
plan-dates = { $from } i { $to }
# review:
plan-week-days = { $from } i { $to }
# review:
plan-weekly = Amser yr wythnos
# review:
plan-minutes-a-week = { $minutes } munud yr wythnos
# review:
plan-agreed = Wedi'i gytuno
# review:
plan-agreed-by = gan { $name } ar { $date }
# review:
plan-agreed-on = ar { $date }
# review:
plan-own-proposed = Mae'r cynllun hwn wedi'i gynnig. Bydd eich hyfforddwr neu eich rheolwr yn mynd drwyddo gyda chi ac yn ei gytuno; wedyn gallwch dicio ei gamau.
# review:
plan-own-paused = Mae'r cynllun hwn wedi'i oedi. Pan fydd yn ailddechrau, bydd yr hyn sydd ar ôl yn symud ymlaen gan yr wythnosau y bu wedi'i oedi.

# review:
plan-goals = Nodau
# review:
plan-goal-line = o { $from } i lefel { $level } erbyn { $date }
# review:
plan-goal-why-quiz-below-rating = Dangosodd eich cwis { $right } o { $asked } yn gywir, yn is na'ch sgôr eich hun o { $rating }; mae eich rôl yn gofyn am lefel { $target }.
# review:
plan-goal-why-below-target = Rydych chi ar { $measured } ac mae eich rôl yn gofyn am lefel { $target }.
# review:
plan-goal-why-stretch = Rydych chi'n cyrraedd targed eich rôl ar { $measured }; dyma'r cam nesaf i fyny.
# review:
plan-unhelped = Nid oes dim yn y catalog dysgu yn datblygu'r sgiliau hyn, sy'n brin o darged y rôl: { $codes }. Ychwanegwch weithgareddau ar eu cyfer, neu dewch o hyd i hyrwyddwr a all helpu.

# review:
plan-steps = Wythnos wrth wythnos
# review:
plan-this-week = Dyma wythnos { $week } y cynllun.
# review:
plan-week = Wythnos { $week }
# review:
plan-now = Yr wythnos hon
# review:
plan-step-done = Wedi'i wneud
# review:
# plural: no [zero], [two], [few] or [many] arm: the week count is only told apart from one week, and "{ $weeks } wythnos" reads right after any figure written in digits.
plan-step-why-own-time = { $goal ->
    [yes] Yn ei ddatblygu i lefel { $level }, y nod
   *[no] Cam cyntaf, i lefel { $level }
}, yn eich amser eich hun: { $minutes } munud{ $weeks ->
    [1] {""}
   *[other] {" "}dros { $weeks } wythnos
}.
# review:
plan-step-why-own-site = { $goal ->
    [yes] Yn ei ddatblygu i lefel { $level }, y nod
   *[no] Cam cyntaf, i lefel { $level }
}, yn eich llyfrgell, { $site }, ar { $date }.
# review:
plan-step-why-online = { $goal ->
    [yes] Yn ei ddatblygu i lefel { $level }, y nod
   *[no] Cam cyntaf, i lefel { $level }
}, ar-lein ar { $date }.
# review:
plan-step-why-away = { $goal ->
    [yes] Yn ei ddatblygu i lefel { $level }, y nod
   *[no] Cam cyntaf, i lefel { $level }
}, yn { $site }, { $km } km o'ch llyfrgell, ar { $date }: yr agosaf gyda lle.
# review:
plan-step-why-elsewhere = { $goal ->
    [yes] Yn ei ddatblygu i lefel { $level }, y nod
   *[no] Cam cyntaf, i lefel { $level }
}, yn { $site } ar { $date }.
# review:
plan-step-new-format = Math newydd o ddysgu yn eich cynllun.
# review:
plan-reflection = Beth ysgrifennoch chi
# review:
plan-reflection-label = Beth gawsoch chi ohono? (dewisol)
# review:
plan-reflection-hint = Brawddeg neu ddwy: beth ddysgoch chi, neu beth fyddwch chi'n ei wneud yn wahanol.
# review:
plan-step-tick = Marcio ei fod wedi'i wneud
# review:
plan-step-undo = Marcio nad yw wedi'i wneud

# review:
plan-manage = Cytuno a newid y cynllun
# review:
plan-agree = Cytuno'r cynllun
# review:
plan-pause = Oedi'r cynllun
# review:
plan-resume = Ailddechrau'r cynllun
# review:
plan-finish = Gorffen y cynllun
# review:
plan-remove-step = Tynnu cam allan
# review:
plan-remove-choose = Dewiswch gam
# review:
plan-remove = Ei dynnu allan

# review:
plan-notes = Nodiadau o'ch cyfarfodydd
# review:
plan-no-notes = Dim nodiadau eto.
# review:
plan-note-by = { $name }, { $date }
# review:
plan-note-author-gone = Rhywun nad yw yma mwyach
# review:
plan-note-label = Ychwanegu nodyn o gyfarfod
# review:
plan-note-hint = Beth fuoch chi'n ei drafod a'i gytuno. Mae'r unigolyn yn gweld y nodiadau hyn, ac maen nhw yn y data y gall ei lawrlwytho.
# review:
plan-note-save = Cadw'r nodyn

# review:
plan-progress-to-agree = I'w gytuno
# review:
plan-progress-on-track = Ar y trywydd iawn
# review:
plan-progress-behind = Ar ei hôl hi
# review:
plan-progress-paused = Wedi'i oedi
# review:
plan-progress-finished = Wedi'i orffen

# review:
plan-notice-proposed = Mae'r cynllun wedi'i gynnig. Ewch drwyddo gyda nhw, newidiwch ef os oes angen, a'i gytuno.
# review:
plan-notice-agreed = Mae'r cynllun wedi'i gytuno.
# review:
plan-notice-paused = Mae'r cynllun wedi'i oedi.
# review:
plan-notice-resumed = Mae'r cynllun wedi ailddechrau; mae'r hyn oedd ar ôl wedi symud ymlaen.
# review:
plan-notice-finished = Mae'r cynllun wedi'i orffen.
# review:
plan-notice-edited = Mae'r cynllun wedi'i newid.
# review:
plan-notice-noted = Mae'r nodyn wedi'i gadw.
# review:
plan-notice-ticked = Wedi'i gadw.

# review:
plan-minutes-invalid = Rhowch y munudau'r wythnos fel rhif cyfan, fel 60
# review:
plan-minutes-range = Rhowch rhwng 15 a 600 munud yr wythnos
# review:
plan-campaign-missing = Dewiswch o ganlyniadau pa archwiliad i gynllunio
# review:
plan-exists = Mae ganddyn nhw gynllun yn barod sydd heb ei orffen
# review:
plan-nothing-fits = Nid oes dim yn y catalog dysgu yn ffitio eu bylchau mewn deuddeg wythnos ar yr amser hwn yr wythnos
# review:
plan-nothing-measured = Nid yw eu canlyniadau yn rhoi dim i gynllunio ohono: ni chafodd unrhyw sgil gyda tharged ar gyfer eu rôl ei sgorio
# review:
plan-not-proposed = Dim ond cynllun wedi'i gynnig y gellir ei gynnig eto
# review:
plan-change-missing = Dewiswch beth i'w wneud â'r cynllun
# review:
plan-change-stale = Mae'r cynllun wedi newid ers i'r dudalen hon gael ei dangos: edrychwch eto
# review:
plan-step-missing = Dewiswch gam o'r cynllun
# review:
plan-not-agreed = Mae camau'n cael eu ticio unwaith y bydd y cynllun wedi'i gytuno
# review:
plan-note-missing = Rhowch y nodyn
# review:
plan-note-too-long = Rhowch nodyn o 2,000 nod neu lai
# review:
plan-reflection-too-long = Rhowch 2,000 nod neu lai

# review:
plans-title = Cynlluniau dysgu
# review:
plans-intro = Cynlluniau pawb rydych chi'n gweithio gyda nhw, sut mae pob un yn mynd, ac ar gyfer y gwasanaeth a phob tîm. Mae cynllun ar ei hôl hi pan nad yw cam oedd i'w wneud erbyn yr wythnos diwethaf wedi'i wneud.
# review:
plans-by-progress = Cynlluniau yn ôl sut maen nhw'n mynd
# review:
plans-who = Pwy
# review:
plans-total = Y cyfan
# review:
plans-whole-service = Y gwasanaeth cyfan
# review:
plans-no-team = Dim tîm
# review:
plans-show = Dangos
# review:
plans-show-all = Pob cynllun
# review:
plans-filter = Dangos
# review:
plans-none = Dim cynlluniau i'w dangos.
# review:
plans-count = { $count ->
    [zero] Dim cynlluniau
    [one] 1 cynllun
    [two] 2 gynllun
    [few] { $count } chynllun
    [many] { $count } chynllun
   *[other] { $count } cynllun
}
# review:
plans-name = Enw
# review:
plans-starts = Yn dechrau

# review:
audit-action-plans-proposed = Cynnig cynlluniau dysgu
# review:
audit-action-plan-changed = Newid cynllun dysgu
# review:
audit-detail-plan-agreed = wedi'i gytuno
# review:
audit-detail-plan-paused = wedi'i oedi
# review:
audit-detail-plan-resumed = wedi ailddechrau
# review:
audit-detail-plan-finished = wedi'i orffen
# review:
audit-detail-plan-edited = wedi'i newid

# review:
home-your-learning = Eich dysgu
# review:
home-no-plan = Nid oes gennych gynllun dysgu eto. Ar ôl i chi orffen archwiliad, bydd hyfforddwr neu eich rheolwr yn cynnig un ac yn ei gytuno gyda chi.
# review:
home-plan-not-running = Nid yw eich cynllun yn rhedeg yr wythnos hon.
# review:
home-plan-nothing-this-week = Nid oes dim wedi'i gynllunio ar gyfer yr wythnos hon.
# review:
home-plan-step-late = o wythnos gynharach
# review:
home-see-plan = Gweld eich cynllun cyfan
# review:
home-your-sessions = Sesiynau y mae gennych le arnyn nhw
# review:
home-calendar = Rhoi eich sesiynau yn eich calendr
# review:
home-plan-not-agreed = Mae eich cynllun wedi'i gynnig: bydd eich hyfforddwr neu eich rheolwr yn ei gytuno gyda chi.
# review:
home-plan-starts = Mae eich cynllun yn dechrau ar { $date }.

## Y bathodyn y mae cynllun gorffenedig yn ei ennill, a'i dudalen gyhoeddus
# review:
badge-name = Cynllun dysgu deuddeg wythnos
# review:
badge-description = Wedi gorffen cynllun dysgu deuddeg wythnos a gytunwyd gyda hyfforddwr neu reolwr yn { $organisation }. Nodau: { $goals }.
# review:
badge-goal = { $competence } i lefel { $level }
# review:
badge-criteria = Cytuno cynllun dysgu deuddeg wythnos, wedi'i seilio ar archwiliad sgiliau, gyda hyfforddwr neu reolwr, a gwneud pob cam ohono.
# review:
credential-title = Bathodyn skillgym
# review:
credential-genuine = Mae'r bathodyn hwn yn ddilys: cafodd ei lofnodi gan y sefydliad a'i dyfarnodd, ac nid yw wedi newid ers hynny.
# review:
credential-not-verified = Nid oedd modd gwirio'r bathodyn hwn yn erbyn allwedd bresennol y cyhoeddwr: efallai fod y sefydliad wedi newid ei allwedd ers ei ddyfarnu.
# review:
credential-achievement = Cyflawniad
# review:
credential-holder = Wedi'i ddyfarnu i
# review:
credential-issuer = Wedi'i ddyfarnu gan
# review:
credential-issued = Wedi'i ddyfarnu ar
# review:
credential-description = Am beth oedd e
# review:
credential-criteria = Beth sydd ei angen
# review:
credential-download = Lawrlwytho'r bathodyn wedi'i lofnodi (Open Badges 3.0)
# review:
credential-how-to-check = Mae offer eraill yn gwirio'r bathodyn gydag allwedd gyhoeddus y cyhoeddwr:
# review:
credential-key-link = allwedd y cyhoeddwr (set JWK)
# review:
plan-badge-earned = Enillodd y cynllun hwn fathodyn. Rhannwch ei gyfeiriad gydag unrhyw un a ddylai ei weld:
# review:
plan-badge-view = Gweld y bathodyn
# review:
plan-finished-without-badge = Cafodd y cynllun hwn ei orffen cyn i bob cam gael ei wneud, felly ni enillodd fathodyn.
# review:
plan-new = Cynnig cynllun newydd

## E-bost wythnosol y cynllun
# review:
plan-check-in-subject = Wythnos { $week } o'ch cynllun dysgu
# review:
plan-check-in-body =
    Annwyl { $name },

    Dyma wythnos { $week } o'ch cynllun dysgu. { $planned ->
        [none] Nid oes dim wedi'i gynllunio ar gyfer yr wythnos hon.
       *[other] Yr wythnos hon:
    }

    { $steps }

    Ticiwch yr hyn rydych chi wedi'i wneud, ac ysgrifennwch linell am bob un, yn:
    { $url }
# review:
plan-check-in-step = - { $title }: { $url }
# review:
plan-check-in-step-done = - { $title } (wedi'i wneud)
# review:
plan-check-in-step-late = - { $title }, o wythnos gynharach: { $url }

## Sgorio eich hun eto ar y diwedd
# review:
plan-reassess = Sut fyddech chi'n sgorio eich hun nawr?
# review:
plan-reassess-again = Newid eich sgoriau
# review:
plan-reassess-intro = Sgoriwch bob un o sgiliau eich cynllun eto, fel y gwnaethoch yn yr archwiliad: mae 1 yn dechrau arni, mae 5 yn ddigon hyderus i addysgu eraill. Mae eich hyfforddwr neu eich rheolwr yn gweld eich sgoriau wrth ymyl lle dechreuoch chi.
# review:
plan-reassess-level = Lefel { $level }
# review:
plan-reassess-save = Cadw fy sgoriau
# review:
plan-reassess-missing = Dewiswch lefel o 1 i 5
# review:
plan-reassess-not-yet = Gallwch sgorio eich hun eto unwaith y bydd pob cam wedi'i wneud neu pan ddaw wythnos olaf y cynllun
# review:
plan-notice-reassessed = Mae eich sgoriau wedi'u cadw.
# review:
plan-reassessment = Lle dechreuoch chi a lle rydych chi nawr
# review:
plan-reassessment-caption = Sgil pob nod: wedi'i fesur ar y dechrau (o sgoriau a chwis yr archwiliad), sgôr yr unigolyn ei hun ar y diwedd, a'r nod
# review:
plan-reassessment-start = Ar y dechrau
# review:
plan-reassessment-now = Ar y diwedd
# review:
plan-reassessment-goal = Nod

# review:
profile-plan-own = Eich cynllun dysgu
# review:
profile-plan = Eu cynllun dysgu

## Ychwanegu cam â llaw
# review:
plan-step-chosen = Wedi'i ddewis pan wnaethoch gyfarfod am eich cynllun.
# review:
plan-add-heading = Ychwanegu cam
# review:
plan-add-label = Gweithgaredd neu sesiwn
# review:
plan-add-hint = Gweithgareddau o'r catalog sy'n meithrin cymhwysedd nod, o dan y nod. Rhoddir sesiwn yn wythnos ei dyddiad.
# review:
plan-add-choose = Dewiswch weithgaredd neu sesiwn
# review:
plan-add-activity = { $title } ({ $kind }, { $minutes } munud)
# review:
plan-add-session = { $title } ({ $kind }): { $date } am { $time }, { $place }
# review:
plan-add-online = ar-lein
# review:
plan-add-week = Wythnos y cynllun
# review:
plan-add-week-hint = Ar gyfer gweithgaredd a wneir yn amser yr unigolyn ei hun: yr wythnos i'w ddechrau, fel rhif.
# review:
plan-add = Ei ychwanegu at y cynllun
# review:
plan-notice-added = Mae'r cam wedi'i ychwanegu at y cynllun.
# review:
plan-add-missing = Dewiswch weithgaredd neu sesiwn o'r rhestr
# review:
plan-add-week-invalid = Rhowch yr wythnos fel rhif o 1 i wythnos olaf y cynllun
# review:
plan-add-week-past = Dewiswch yr wythnos hon neu un ddiweddarach
# review:
plan-add-outside-weeks = Byddai'r cam yn rhedeg y tu hwnt i wythnos olaf y cynllun: dewiswch wythnos gynharach
# review:
plan-add-off-goal = Dewiswch weithgaredd sy'n meithrin cymhwysedd y nod
# review:
plan-add-needs-session = Dewiswch un o sesiynau'r gweithgaredd
# review:
plan-add-full = Mae'r sesiwn yn llawn: dewiswch un arall
