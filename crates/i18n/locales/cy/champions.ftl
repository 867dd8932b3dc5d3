## Hyrwyddwyr digidol: enwebu a chymeradwyo, beth maen nhw'n ei gynnig, dod o hyd i help, yr help
## maen nhw'n ei gofnodi, a chyfeillion digidol i wirfoddolwyr

# review:
champions-title = Hyrwyddwyr digidol
# review:
champions-intro = Mae hyrwyddwyr digidol yn helpu cydweithwyr gyda sgiliau digidol a'r gwasanaethau ar-lein y mae'r cyhoedd yn eu defnyddio. Mae rheolwr yn enwebu rhywun; mae hyfforddwr yn cymeradwyo, ac maen nhw'n dod yn hyrwyddwr y gall pobl ddod o hyd iddo.
# review:
champions-nominate = Enwebu hyrwyddwr
# review:
champions-nominated = { $count ->
    [0] Enwebiadau sy'n aros
    [one] 1 enwebiad yn aros
    [two] { $count } enwebiad yn aros
    [few] { $count } enwebiad yn aros
    [many] { $count } enwebiad yn aros
   *[other] { $count } enwebiad yn aros
}
# review:
champions-nominated-none = Nid oes enwebiadau'n aros.
# review:
champions-nominated-by = Enwebwyd gan { $name }
# review:
champions-approve = Cymeradwyo { $name }
# review:
champions-decline = Gwrthod enwebiad { $name }
# review:
champions-approved = { $count ->
    [0] Hyrwyddwyr
    [one] 1 hyrwyddwr
    [two] { $count } hyrwyddwr
    [few] { $count } hyrwyddwr
    [many] { $count } hyrwyddwr
   *[other] { $count } hyrwyddwr
}
# review:
champions-approved-none = Nid oes hyrwyddwyr digidol eto.
# review:
champions-approved-caption = Hyrwyddwyr digidol, ble maen nhw'n helpu a phryd
# review:
champions-name = Enw
# review:
champions-sites = Ble
# review:
champions-skills = Sgiliau a gwasanaethau
# review:
champions-when = Pryd
# review:
champions-actions = Camau gweithredu
# review:
champions-end = Dod â chyfnod { $name } fel hyrwyddwr i ben
# review:
champions-back = Yn ôl i'r hyrwyddwyr digidol
# review:
champions-notice-nominated = Mae'r enwebiad wedi'i anfon. Bydd hyfforddwr yn ei gymeradwyo neu'n ei wrthod.
# review:
champions-notice-approved = Wedi'i gymeradwyo. Mae'r person yn hyrwyddwr digidol nawr, a gall ddweud gyda beth mae'n helpu.
# review:
champions-notice-ended = Wedi'i wneud. Nid yw'r person yn hyrwyddwr nac wedi'i enwebu mwyach; mae'r help a gofnododd yn dal i gyfrif.
# review:
champion-no-account = Ni all y person fewngofnodi i skillgym eto, felly ni all fod yn hyrwyddwr. Rhowch fynediad iddo ar ei dudalen yn gyntaf.

# review:
champion-nominate-title = Enwebu hyrwyddwr digidol
# review:
champion-nominate-intro = Dewiswch y person. Gall rheolwyr enwebu'r bobl maen nhw'n eu rheoli; gall hyfforddwyr a gweinyddwyr enwebu unrhyw un.
# review:
champion-nominate-search = Chwilio yn ôl enw, e-bost neu swydd
# review:
champion-nominate-nobody = Nid oes neb yn cyfateb.
# review:
champion-nominate-more = Yn dangos { $shown } o { $total }. Chwiliwch i gwtogi'r rhestr.
# review:
champion-nominate-who = Rydych chi'n enwebu { $name }.
# review:
champion-nominate-other = Dewis rhywun arall
# review:
champion-reason = Pam y bydden nhw'n hyrwyddwr digidol da?
# review:
champion-reason-hint = Er enghraifft, gyda beth maen nhw'n helpu cydweithwyr yn barod. Mae'r hyfforddwr sy'n cymeradwyo yn darllen hwn.
# review:
champion-nominate-send = Anfon yr enwebiad
# review:
champion-person-missing = Dewiswch rywun y gallwch ei enwebu
# review:
champion-already = Maen nhw'n hyrwyddwr neu wedi'u henwebu yn barod
# review:
champion-reason-missing = Dywedwch pam rydych chi'n eu henwebu
# review:
champion-reason-too-long = Rhaid i'r rheswm fod yn 1,000 o nodau neu lai
# review:
champion-text-invalid = Mae nodau yn y testun na ellir eu cadw: teipiwch ef eto

# review:
champion-end-own-title = Rhoi'r gorau i fod yn hyrwyddwr digidol
# review:
champion-end-own-lead = Ni fydd pobl yn dod o hyd i chi mwyach pan fyddan nhw'n chwilio am help, a byddwch chi'n colli rôl yr hyrwyddwr. Mae'r help a gofnodwyd gennych chi yn dal i gyfrif.
# review:
champion-decline-title = Gwrthod yr enwebiad
# review:
champion-decline-lead = Ni fydd { $name } yn dod yn hyrwyddwr digidol. Gallwch chi eu henwebu eto yn nes ymlaen.
# review:
champion-end-title = Dod â chyfnod hyrwyddwr i ben
# review:
champion-end-lead = Ni fydd pobl yn dod o hyd i { $name } mwyach pan fyddan nhw'n chwilio am help, a bydd { $name } yn colli rôl yr hyrwyddwr. Mae'r help a gofnododd yn dal i gyfrif.
# review:
champion-decline-confirm = Gwrthod yr enwebiad
# review:
champion-end-confirm = Rhoi'r gorau i fod yn hyrwyddwr
# review:
champion-step-down = Rhoi'r gorau i fod yn hyrwyddwr digidol

# review:
champion-back = Yn ôl i'ch tudalen hyrwyddwr
# review:
champion-offer-heading = Gyda beth rydych chi'n helpu
# review:
champion-offer-title = Dweud gyda beth rydych chi'n helpu
# review:
champion-offer-intro = Mae pobl sy'n chwilio am help yn dod o hyd i chi drwy'r hyn rydych chi'n ei restru yma a ble rydych chi'n helpu. Dim ond yr hyn rydych chi'n ei dicio sy'n cael ei ddangos.
# review:
champion-offer-skills = Sgiliau y gallwch chi helpu gyda nhw
# review:
champion-offer-skills-hint = Ticiwch hyd at { $most }.
# review:
champion-offer-services = Gwasanaethau ar-lein y gallwch chi helpu pobl i'w defnyddio
# review:
champion-offer-sites = Ble gallwch chi helpu
# review:
champion-offer-when = Pryd gallwch chi helpu (dewisol)
# review:
champion-offer-when-hint = Er enghraifft, “bore dydd Mawrth” neu “unrhyw bryd ar Teams”.
# review:
champion-offer-findable = Defnyddio fy atebion archwilio fy hun i ddod o hyd i mi
# review:
champion-offer-findable-hint = Os ydych chi'n ticio hwn, mae'r sgiliau y rhoddoch chi 4 neu 5 iddyn nhw mewn archwiliad a gadwodd eich enw, a'r gwasanaethau y dywedoch chi eich bod yn hyderus gyda nhw, hefyd yn dod â chi i fyny pan fydd rhywun yn chwilio am help. Nid oes neb yn gweld eich sgoriau.
# review:
champion-offer-save = Cadw
# review:
champion-offer-saved = Wedi'i gadw. Gall pobl sy'n chwilio am help ddod o hyd i chi.
# review:
champion-offer-none = Nid ydych chi wedi dweud gyda beth rydych chi'n helpu eto, felly ni all neb ddod o hyd i chi.
# review: "and" reworded as a list ending "a'r lleoedd hyn:" (the places follow), to avoid "a"/"ac" before a figure.
champion-offer-summary = Rydych chi wedi rhestru { $skills ->
    [zero] dim sgiliau
    [one] un sgil
    [two] dwy sgil
    [few] tair sgil
    [many] chwe sgil
   *[other] { $skills } sgil
}, { $services ->
    [zero] dim gwasanaethau
    [one] un gwasanaeth
    [two] dau wasanaeth
    [few] tri gwasanaeth
    [many] chwe gwasanaeth
   *[other] { $services } gwasanaeth
} a'r lleoedd hyn:
# review:
champion-offer-findable-yes = Mae eich atebion archwilio eich hun yn helpu pobl i ddod o hyd i chi.
# review:
champion-offer-findable-no = Dim ond yr hyn rydych chi wedi'i restru sy'n helpu pobl i ddod o hyd i chi.
# review:
champion-competence-unknown = Dewiswch sgiliau o'r rhestr
# review:
champion-service-unknown = Dewiswch wasanaethau o'r rhestr
# review:
champion-site-unknown = Dewiswch leoedd o'r rhestr
# review:
champion-too-many = Dewiswch 20 neu lai
# review:
champion-availability-missing = Dywedwch pryd gallwch chi helpu
# review:
champion-availability-too-long = Rhaid i hyn fod yn 300 o nodau neu lai

# review:
champion-requests = Ceisiadau am help
# review:
champion-requests-none = Nid oes neb wedi gofyn i chi am help eto.

# review:
champion-help-title = Cofnodi help a roddoch chi
# review:
champion-help-intro = Cofnodwch bob tro rydych chi'n helpu rhywun: mae'n cyfrif yn adroddiadau'r gwasanaeth ar yr hyn mae hyrwyddwyr yn ei wneud.
# review:
champion-help-day = Diwrnod
# review:
champion-help-about = Y pwnc
# review:
champion-help-about-none = Rhywbeth arall
# review:
champion-help-site = Ble
# review:
champion-help-site-none = Rhywle arall
# review:
champion-help-what = Beth wnaethoch chi
# review:
champion-help-what-hint = Er enghraifft, “gosod Ap y GIG gyda chwsmer”.
# review:
champion-help-minutes = Munudau
# review:
champion-help-minutes-hint = Rhif cyfan, hyd at 480.
# review:
champion-help-save = Ei gofnodi
# review:
champion-help-logged = Wedi'i gofnodi. Diolch.
# review:
champion-help-yours = Help a gofnodwyd gennych chi
# review:
champion-help-none = Nid ydych chi wedi cofnodi unrhyw help eto.
# review:
help-day-invalid = Rhowch y diwrnod fel dyddiad, er enghraifft 2026-12-01
# review:
help-day-future = Ni all y diwrnod fod yn y dyfodol
# review:
help-day-old = Rhaid i'r diwrnod fod o fewn y flwyddyn ddiwethaf
# review:
help-note-missing = Dywedwch beth wnaethoch chi
# review:
help-note-too-long = Rhaid i hyn fod yn 1,000 o nodau neu lai
# review:
help-minutes-missing = Rhowch faint o funudau a gymerodd
# review:
help-minutes-invalid = Rhowch y munudau fel rhif cyfan o 1 i 480
# review:
help-about-unknown = Dewiswch y pwnc o'r rhestr
# review:
help-site-unknown = Dewiswch y lle o'r rhestr
# review:
help-service-unknown = Dewiswch wasanaeth o'r rhestr

# review:
champions-help-title = Help gan hyrwyddwyr
# review:
champions-help-from = O
# review:
champions-help-to = I
# review:
champions-help-show = Dangos
# review: "help ... gwaith" (helped N times) for "N pieces of help".
champions-help-total = { $times ->
    [zero] Ni chofnododd hyrwyddwyr unrhyw help
    [one] Cofnododd hyrwyddwyr help unwaith
    [two] Cofnododd hyrwyddwyr help ddwywaith
    [few] Cofnododd hyrwyddwyr help dair gwaith
    [many] Cofnododd hyrwyddwyr help chwe gwaith
   *[other] Cofnododd hyrwyddwyr help { $times } gwaith
}, { $hours } awr i gyd.
# review:
champions-help-by-month = Yn ôl mis
# review:
champions-help-by-site = Yn ôl lle
# review:
champions-help-by-skill = Yn ôl sgil
# review:
champions-help-by-champion = Yn ôl hyrwyddwr
# review:
champions-help-times = Sawl gwaith
# review:
champions-help-hours = Oriau
# review:
champions-help-no-site = Rhywle arall
# review:
champions-help-no-skill = Rhywbeth arall
# review:
champions-help-erased = Cyn-hyrwyddwr

# review:
help-title = Dod o hyd i help
# review:
help-intro = Dewch o hyd i hyrwyddwr digidol a all eich helpu gyda sgil neu wasanaeth ar-lein, yr agosaf yn gyntaf.
# review:
help-search-label = Dod o hyd i help
# review:
help-about = Gyda beth mae angen help arnoch chi?
# review:
help-choose = Dewiswch
# review:
help-skills = Sgiliau
# review:
help-services = Gwasanaethau ar-lein
# review:
help-near = Yn agos at
# review:
help-near-mine = Lle rydw i'n gweithio
# review:
help-search = Dod o hyd i help
# review: the topic follows "gyda" in a separate element, so it cannot take the aspirate mutation.
# plural: no [zero] arm: shown only when at least one champion was found; help-none says when none was.
help-found = { $count ->
    [one] Gall un hyrwyddwr helpu gyda
    [two] Gall dau hyrwyddwr helpu gyda
    [few] Gall tri hyrwyddwr helpu gyda
    [many] Gall chwe hyrwyddwr helpu gyda
   *[other] Gall { $count } hyrwyddwr helpu gyda
}
# review: the topic follows "gyda" in a separate element, so it cannot take the aspirate mutation.
help-none = Nid oes hyrwyddwr wedi cynnig help gyda
# review:
help-none-advice = Gallwch chi ofyn i'r tîm digidol yn lle hynny.
# review:
help-ask-team = Gofyn i'r tîm digidol
# review:
help-strong = Yn gwybod hyn yn dda
# review:
help-able = Yn gallu helpu
# review:
help-listed = Maen nhw wedi cynnig helpu gyda hyn.
# review:
help-from-audit = O'u hatebion archwilio eu hunain.
# review:
help-same-site = Yn gweithio yn y lle rydych chi'n chwilio
# review:
help-km = Tua { $km } km i ffwrdd
# review:
help-distance-unknown = Nid yw'r pellter yn hysbys
# review:
help-when = Pryd:
# review:
help-ask-button = Gofyn i { $name }
# review:
help-more = Yn dangos y { $shown } cyntaf o { $total }.
# review:
help-how-ranked = Daw'r hyrwyddwyr sy'n gwybod hyn yn dda yn gyntaf, yna'r rhai sy'n gallu helpu; ym mhob grŵp, y rhai agosaf sy'n dod gyntaf: yr un lle, yna yn ôl pellter.
# review:
help-asked = Mae eich cais wedi'i anfon. Bydd yr hyrwyddwr yn ateb drwy e-bost neu'n dod i chwilio amdanoch chi.
# review:
help-ask-title = Gofyn i hyrwyddwr am help
# review:
help-ask-heading = Gofyn i { $name } am help
# review:
help-ask-about = Am:
# review:
help-ask-intro = Maen nhw'n cael eich neges drwy e-bost, gyda'ch enw a'ch cyfeiriad e-bost er mwyn iddyn nhw allu ateb.
# review:
help-back = Yn ôl i ddod o hyd i help
# review:
help-message = Gyda beth mae angen help arnoch chi?
# review:
help-message-hint = Dywedwch beth rydych chi'n ceisio'i wneud a phryd y gallech chi gyfarfod.
# review:
help-send = Anfon
# review:
help-message-missing = Dywedwch gyda beth mae angen help arnoch chi
# review:
help-message-too-long = Rhaid i'ch neges fod yn 2,000 o nodau neu lai
# review:
help-too-many = Rydych chi wedi gofyn am help 10 gwaith heddiw. Rhowch gynnig arall yfory, neu ofynnwch i'r tîm digidol.
# review:
help-email-subject = Mae { $name } wedi gofyn i chi am help gyda { $about }
# review:
help-email-intro = Hoffai { $name } gael eich help, fel hyrwyddwr digidol, gyda { $about }. Dyma eu neges:
# review:
help-email-reply = Atebwch drwy e-bostio { $email }. Mae eu cais hefyd ar eich tudalen hyrwyddwr: { $url }
# review:
help-email-no-topic = rhywbeth digidol

# review: "cyfaill digidol" for "digital buddy".
buddies-title = Cyfeillion digidol
# review:
buddies-intro = Mae cyfaill digidol yn gydweithiwr sy'n helpu gwirfoddolwr gydag ochr ddigidol ei rôl. Cofnodwch pryd maen nhw'n cyfarfod.
# review:
buddies-new-title = Paru gwirfoddolwr â chyfaill
# review:
buddies-none = Nid oes gan unrhyw wirfoddolwr gyfaill digidol eto.
# review:
buddies-none-yours = Nid ydych chi mewn pâr cyfeillion.
# review:
buddies-caption = Gwirfoddolwyr a'u cyfeillion digidol
# review:
buddies-volunteer = Gwirfoddolwr
# review:
buddies-buddy = Cyfaill
# review:
buddies-since = Ers
# review:
buddies-meetings = Cyfarfodydd
# review:
buddies-last-met = Cyfarfod diwethaf
# review:
buddies-ended-on = Daeth i ben ar { $date }
# review:
buddies-back = Yn ôl i'r cyfeillion digidol
# review:
buddies-no-volunteers = Nid oes gwirfoddolwyr y gallwch chi eu paru.
# review:
buddies-choose = Dewiswch wirfoddolwr
# review:
buddies-buddy-who = Cyfeiriad e-bost neu rif cyflogai'r cyfaill
# review:
buddies-buddy-hint = Yn aml, hyrwyddwr digidol yn yr un lle.
# review:
buddies-pair = Eu paru
# review:
buddies-notice-paired = Wedi'u paru.
# review:
buddies-notice-ended = Mae'r pâr wedi dod i ben.
# review:
buddy-volunteer-invalid = Dewiswch wirfoddolwr y gallwch chi ei baru
# review:
buddy-buddy-missing = Rhowch gyfeiriad e-bost neu rif cyflogai'r cyfaill
# review:
buddy-buddy-invalid = Nid oes neb presennol gyda'r cyfeiriad e-bost neu'r rhif cyflogai hwnnw
# review:
buddy-same-person = Rhaid i'r cyfaill fod yn rhywun heblaw'r gwirfoddolwr
# review:
buddy-taken = Mae gan y gwirfoddolwr hwnnw gyfaill yn barod: dewch â'r pâr hwnnw i ben yn gyntaf
# review:
buddy-pairing-title = Cyfeillion digidol
# review:
buddy-pairing-heading = { $volunteer } a { $buddy }
# review:
buddy-pairing-since = Yn gyfeillion ers { $date }.
# review: label: the noun after the figure mutates as spoken ("2 gyfarfod", "3 chyfarfod").
buddy-meetings = { $count ->
    [0] Cyfarfodydd
    [one] 1 cyfarfod
    [two] { $count } gyfarfod
    [few] { $count } chyfarfod
    [many] { $count } chyfarfod
   *[other] { $count } cyfarfod
}
# review:
buddy-meetings-none = Nid oes cyfarfodydd wedi'u cofnodi eto.
# review: "munud" as feminine, as in audit-start-estimate ("1 funud", "2 funud").
buddy-minutes = { $minutes ->
    [zero] { $minutes } munud
    [one] 1 funud
    [two] { $minutes } funud
    [few] { $minutes } munud
    [many] { $minutes } munud
   *[other] { $minutes } munud
}
# review:
buddy-logged-by = cofnodwyd gan { $name }
# review:
buddy-meeting-log = Cofnodi cyfarfod
# review:
buddy-met-on = Y diwrnod y gwnaethoch chi gyfarfod
# review:
buddy-note = Beth wnaethoch chi ei drafod
# review:
buddy-note-hint = Er enghraifft, “sut i ddefnyddio'r ciosg hunanwasanaeth”.
# review:
buddy-meeting-save = Ei gofnodi
# review:
buddy-meeting-logged = Wedi'i gofnodi.
# review:
buddy-end = Dod â'r pâr hwn i ben

# review:
audit-action-champion-nominated = Enwebu hyrwyddwr digidol
# review:
audit-action-champion-approved = Cymeradwyo hyrwyddwr digidol
# review:
audit-action-nomination-declined = Gwrthod enwebiad hyrwyddwr
# review:
audit-action-champion-ended = Dod â chyfnod hyrwyddwr i ben
# review:
audit-action-buddies-paired = Paru gwirfoddolwr â chyfaill digidol
# review:
audit-action-buddies-ended = Dod â phâr cyfeillion digidol i ben
# review:
champion-step-down-sure = Rydw i am roi'r gorau i fod yn hyrwyddwr digidol
# review:
champion-step-down-unsure = Ticiwch y blwch i ddweud eich bod am roi'r gorau i fod yn hyrwyddwr
# review:
plan-find-champion = Dod o hyd i hyrwyddwr a all helpu gyda hyn
# review:
service-find-champion = Dod o hyd i hyrwyddwr sy'n helpu pobl gyda'r gwasanaeth hwn
# review:
home-help-hint = Yn sownd gyda rhywbeth digidol? Gall hyrwyddwr digidol yn agos atoch chi helpu.
# review:
home-help-link = Dod o hyd i hyrwyddwr digidol
# review:
help-kit = Cyfarpar
