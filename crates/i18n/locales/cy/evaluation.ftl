## Gwerthuso: adborth ar ôl gweithgaredd, holi eto wythnosau wedyn, a'r adroddiad ar bedair lefel

# review:
nav-evaluation = Gwerthuso
# review:
admin-evaluation-hint = Beth ddywedodd pobl am y gweithgareddau a wnaethon nhw, a wnaethon nhw eu defnyddio yn y gwaith, a sut symudodd archwiliadau'r gwasanaeth.
# review:
admin-follow-ups-hint = Sawl diwrnod ar ôl gweithgaredd y gofynnir i bobl a ydyn nhw wedi'i ddefnyddio yn y gwaith.
# review:
home-feedback = Dywedwch wrthym sut aeth eich dysgu

## Dywedwch wrthym sut aeth
# review:
feedback-list-title = Dywedwch wrthym sut aeth
# review:
feedback-list-heading = Beth wnaethoch chi
# review:
feedback-list-intro = Dewiswch weithgaredd i ddweud pa mor ddefnyddiol oedd e. Gallwch newid eich atebion unrhyw bryd.
# review:
feedback-list-none = Dim byd eto. Bydd y sesiynau y daethoch iddyn nhw, camau cynllun a diciwyd gennych a'r modiwlau gofynnol a gwblhawyd gennych yn ymddangos yma.
# review:
feedback-given = Adborth wedi'i roi
# review:
feedback-not-given = Dim adborth eto
# review:
feedback-saved = Diolch. Mae eich atebion wedi'u cadw.
# review:
feedback-title = Sut aeth hi?
# review:
feedback-again = Rydych chi wedi ateb o'r blaen. Newidiwch unrhyw beth a'i anfon eto.
# review:
feedback-usefulness = Pa mor ddefnyddiol oedd e?
# review:
feedback-scale-hint = Mae 1 yn golygu ddim o gwbl, 5 yn golygu yn fawr iawn.
# review:
feedback-facilitator = Pa mor dda oedd { $name } yn ei arwain?
# review:
feedback-objectives = A wnaeth e beth roedd yn dweud y byddai'n ei wneud?
evaluation-objectives-yes = Do
# review:
evaluation-objectives-partly = Yn rhannol
evaluation-objectives-no = Naddo
# review:
feedback-takeaways = Hyd at dri pheth y byddwch chi'n eu cofio
# review:
feedback-takeaways-hint = Un ym mhob blwch. Mae eich hyfforddwr yn eu gweld heb eich enw.
# review:
feedback-takeaway = Peth i'w gofio { $number }
# review:
feedback-more-effective = Byddaf yn fwy effeithiol yn y gwaith o ganlyniad
# review:
feedback-agree-hint = Mae 1 yn golygu anghytuno'n gryf, 5 yn golygu cytuno'n gryf.
feedback-send = Anfon
# review:
feedback-usefulness-missing = Dewiswch pa mor ddefnyddiol oedd e, o 1 i 5
# review:
feedback-facilitator-missing = Dewiswch pa mor dda oedd y person a'i harweiniodd, o 1 i 5
# review:
evaluation-objectives-missing = Dewiswch a wnaeth e beth roedd yn dweud y byddai'n ei wneud
# review:
evaluation-takeaways-missing = Ysgrifennwch o leiaf un peth y byddwch chi'n ei gofio
# review:
evaluation-takeaway-too-long = Ysgrifennwch bob peth mewn 1,000 nod neu lai
# review:
feedback-more-effective-missing = Dewiswch faint rydych chi'n cytuno, o 1 i 5
# review:
evaluation-score-out-of-range = Dewiswch rif o 1 i 5
# review:
evaluation-text-too-long = Ysgrifennwch 1,000 nod neu lai

## Holi eto
# review:
follow-up-waiting-heading = Cwestiynau yn aros amdanoch chi
# review:
follow-up-after = { $days } diwrnod wedyn
# review:
follow-up-title = Ydych chi wedi'i ddefnyddio yn y gwaith?
# review:
follow-up-used = Ydych chi wedi defnyddio'r hyn a ddysgoch chi yn y gwaith?
follow-up-used-yes = Ydw
# review:
follow-up-used-no = Nid eto
# review:
follow-up-barriers = Beth sydd wedi'ch atal chi, neu wedi'i wneud yn anoddach?
# review:
follow-up-barriers-hint = Dewiswch bob un sy'n berthnasol. Os nad ydych chi wedi'i ddefnyddio eto, dewiswch o leiaf un.
# review:
evaluation-barrier-no-chance = Dim cyfle i'w ddefnyddio
# review:
evaluation-barrier-no-encouragement = Dim anogaeth gan reolwr
evaluation-barrier-confidence = Hyder
evaluation-barrier-time = Amser
evaluation-barrier-equipment = Offer
# review:
evaluation-barrier-other = Rhywbeth arall
# review:
follow-up-other = Os rhywbeth arall, beth?
# review:
follow-up-effectiveness = Faint yn fwy effeithiol ydych chi yn y gwaith o'i herwydd?
# review:
follow-up-effectiveness-hint = Mae 1 yn golygu dim mwy effeithiol, 5 yn golygu llawer mwy effeithiol.
# review:
follow-up-example = Un enghraifft o'i ddefnyddio
# review:
follow-up-example-hint = Er enghraifft, pwy wnaethoch chi eu helpu a gyda beth. Gadewch y blwch yn wag os nad ydych chi wedi'i ddefnyddio eto.
# review:
follow-up-used-missing = Dewiswch a ydych chi wedi'i ddefnyddio yn y gwaith
# review:
follow-up-barriers-missing = Dewiswch beth wnaeth eich atal chi
# review:
evaluation-barrier-unknown = Dewiswch o'r rhestr
# review:
follow-up-effectiveness-missing = Dewiswch faint yn fwy effeithiol ydych chi, o 1 i 5
# review:
follow-up-email-subject = Ydych chi wedi'i ddefnyddio yn y gwaith? { $title }
# review:
follow-up-email-body =
    Annwyl { $name },

    { $days } diwrnod yn ôl gwnaethoch chi "{ $title }". Ydy e wedi helpu yn y gwaith? Pedwar cwestiwn byr, yn:
    { $url }

    Mewngofnodwch os gofynnir i chi. Nid oes dim yn cael ei gadw nes i chi anfon eich atebion.

## Y diwrnodau holi eto (gweinyddwyr)
# review:
follow-up-days-title = Diwrnodau holi eto
# review:
follow-up-days-intro = Mae pobl a roddodd adborth ar weithgaredd yn cael e-bost hyn o ddiwrnodau wedyn, yn gofyn a ydyn nhw wedi'i ddefnyddio yn y gwaith.
# review:
follow-up-days-label = Diwrnodau ar ôl y gweithgaredd
# review:
follow-up-days-hint = Hyd at bedwar rhif o 7 i 365, wedi'u gwahanu gan atalnodau, fel 30, 90.
# review:
follow-up-days-change-link = Newid y diwrnodau holi eto
# review:
follow-up-days-invalid = Ysgrifennwch rifau cyfan o ddiwrnodau, wedi'u gwahanu gan atalnodau
# review:
follow-up-days-out-of-range = Rhaid i bob nifer o ddiwrnodau fod o 7 i 365
# review:
follow-up-days-missing = Ysgrifennwch o leiaf un nifer o ddiwrnodau
# review:
follow-up-days-too-many = Ysgrifennwch bedwar nifer o ddiwrnodau neu lai
# review:
audit-action-follow-up-days-changed = Newid y diwrnodau holi eto
# review:
audit-detail-previous-days = cyn { $value }
# review:
audit-detail-days = nawr { $value }

## Pwy sy'n arwain sesiynau
# review:
session-facilitator = Pwy sy'n ei arwain
# review:
session-facilitator-hint = Mae eu henw ar y ffurflen adborth, ac mae'r adroddiad gwerthuso yn grwpio yn ôl hwn.
# review:
session-facilitator-none = Neb yn benodol
# review:
session-facilitator-invalid = Dewiswch rywun o'r rhestr

## Yr adroddiad
# review:
evaluation-report-title = Gwerthuso
# review:
evaluation-report-intro = Beth ddywedodd pobl yn syth ar ôl y gweithgareddau a wnaethon nhw (ymateb), sut symudodd eu sgoriau eu hunain rhwng eu harchwiliadau cyn ac ar ôl (dysgu), a wnaethon nhw ei ddefnyddio yn y gwaith pan ofynnwyd wythnosau wedyn (ymddygiad), a sut symudodd sgoriau'r gwasanaeth cyfan rhwng ei ddau archwiliad diwethaf ar yr hyn y mae'r gweithgareddau yn ei ddatblygu (canlyniadau).
# review:
evaluation-report-threshold = Mae grŵp o lai na { $threshold } o bobl wedi'i guddio, a hefyd unrhyw ffigur am lai na { $threshold } o bobl.
# review:
evaluation-report-groupings = Grwpio yn ôl
evaluation-by-activity = Gweithgaredd
evaluation-by-provider = Darparwr
evaluation-by-format = Fformat
evaluation-by-trainer = Hyfforddwr
# review:
evaluation-report-none = Nid oes neb wedi rhoi adborth eto.
# review:
evaluation-report-csv = Lawrlwytho'r tabl hwn (CSV)
# review:
evaluation-report-levels = Mae'r cymedrau ar y raddfa 1 i 5. Newidiadau mewn sgoriau ar yr un raddfa yw dysgu a chanlyniadau. Ni ddangosir pethau i'w cofio nac enghreifftiau yma byth.
# review:
evaluation-report-hidden = Wedi'i guddio: rhoddodd llai na { $threshold } o bobl adborth
evaluation-report-n = Pobl
# review:
evaluation-report-usefulness = Defnyddiol (cymedr)
# review:
evaluation-report-more-effective = Mwy effeithiol (cymedr)
# review:
evaluation-report-objectives = Wedi cyflawni ei amcanion
# review:
evaluation-report-learning-n = Archwiliwyd cyn ac ar ôl
# review:
evaluation-report-learning = Newid yn eu sgôr eu hunain
# review:
evaluation-report-quiz-n = Cwis wedi'i ateb cyn ac ar ôl
# review:
evaluation-report-quiz = Newid mewn marciau cwis (pwyntiau)
# review:
evaluation-report-behaviour-n = Holwyd eto
# review:
evaluation-report-used = Wedi'i ddefnyddio yn y gwaith
# review:
evaluation-report-effectiveness = Mwy effeithiol yn y gwaith (cymedr)
# review:
evaluation-report-barriers = Beth wnaeth eu hatal
# review:
evaluation-report-results = Newid y gwasanaeth rhwng archwiliadau
# review:
evaluation-report-hidden-heading = Pam wedi'i guddio
# review:
evaluation-grouping-unknown = Nid oes grwpio o'r fath
# review:
session-facilitator-change-hint = Newidiwch hyn os bydd rhywun arall yn ei arwain, neu os gwnaeth rhywun arall ei arwain. Mae'r adborth a roddwyd eisoes ar y sesiwn hon yn symud atyn nhw.
# review:
session-facilitator-save = Cadw pwy sy'n ei arwain
# review:
session-facilitator-changed = Mae pwy sy'n arwain y sesiwn wedi'i gadw.
