# Hawliau data personol: y trywydd archwilio, lawrlwytho eich data eich hun, dileu person,
# cadw data, a chopïau wrth gefn ar y llinell orchymyn.
# Welsh translation written for skillgym; to be reviewed by a native Welsh speaker before
# production use. A first review (December 2026, by a fluent reader who is not a native speaker)
# has been applied; the house style and word list it settled are in docs/welsh.md, and lines
# marked "review:" point a reviewer at choices worth a second look.

## Y trywydd archwilio
nav-audit-trail = Trywydd archwilio
audit-trail-title = Trywydd archwilio
audit-trail-intro = Pwy a edrychodd ar ddata personol pwy, ei allforio, ei newid neu ei ddileu, y diweddaraf yn gyntaf. Ni all neb newid na dileu'r cofnodion hyn.
audit-trail-for-person = Yn dangos beth wnaeth { $name }, a beth a wnaed i'w data.
audit-trail-for-erased = Yn dangos cofnodion person sydd wedi'i ddileu.
audit-trail-everyone = Dangos cofnodion pawb
audit-trail-person-page = Mynd i'w tudalen
audit-trail-filter-label = Hidlo'r trywydd archwilio
audit-trail-search = Enw neu rif cyflogai
audit-trail-action = Beth a wnaed
audit-trail-any-action = Unrhyw beth
audit-trail-filter-button = Dangos cofnodion
audit-trail-count = { $count ->
    [zero] Nid oes cofnod yn cyfateb.
    [one] Un cofnod.
    [two] Dau gofnod.
    [few] Tri chofnod.
    [many] Chwe chofnod.
   *[other] { $count } o gofnodion.
}
audit-trail-download = Lawrlwytho'r cofnodion hyn (CSV)
audit-trail-when = Pryd (UTC)
audit-trail-who = Pwy
audit-trail-what = Beth
audit-trail-about = Data pwy
audit-trail-detail = Manylion
audit-actor-system = skillgym (tasg wedi'i threfnu)
audit-actor-command-line = Y llinell orchymyn
audit-actor-sign-in = Rhywun yn mewngofnodi
audit-erased-person = Person sydd wedi'i ddileu
audit-action-person-viewed = Edrych ar eu manylion
audit-action-person-added = Eu hychwanegu
audit-action-person-changed = Newid eu manylion
audit-action-access-changed = Newid eu mewngofnodi a'u rolau
audit-action-staff-imported = Mewnforio ffeil staff
audit-action-staff-exported = Allforio pawb fel ffeil staff
audit-action-own-data-downloaded = Lawrlwytho eu data eu hunain
audit-action-person-erased = Eu dileu
audit-action-audit-trail-exported = Allforio'r trywydd archwilio
audit-action-person-left = Nodi eu bod wedi gadael: daeth eu mynediad i ben
audit-action-single-sign-on-refused = Gwrthod mewngofnodi drwy gyfrif y sefydliad
audit-action-team-reminded = Atgoffa eu pobl oedd heb orffen archwiliad
# plural: no [zero], [two], [few] or [many] arm: no noun follows the figure, so only one and more than one differ.
audit-detail-added = { $value ->
    [one] { $value } wedi'i ychwanegu
   *[other] { $value } wedi'u hychwanegu
}
# plural: no [zero], [two], [few] or [many] arm: no noun follows the figure, so only one and more than one differ.
audit-detail-updated = { $value ->
    [one] { $value } wedi'i ddiweddaru
   *[other] { $value } wedi'u diweddaru
}
# plural: no [zero], [two], [few] or [many] arm: no noun follows the figure, so only one and more than one differ.
audit-detail-unchanged = { $value ->
    [one] { $value } heb ei newid
   *[other] { $value } heb eu newid
}
audit-detail-left = nodwyd bod { $value } wedi gadael
audit-detail-people = { $value ->
    [zero] { $value } o bobl
    [one] { $value } person
    [two] { $value } berson
    [few] { $value } pherson
    [many] { $value } pherson
   *[other] { $value } o bobl
}
audit-detail-events = { $value ->
    [zero] { $value } o gofnodion
    [one] { $value } cofnod
    [two] { $value } gofnod
    [few] { $value } chofnod
    [many] { $value } chofnod
   *[other] { $value } o gofnodion
}
audit-detail-roles = rolau: { $value }
audit-detail-link = gwnaed dolen mewngofnodi
audit-detail-former-id = hen rif person { $value }
audit-detail-retention = roedd eu cyfnod cadw wedi dod i ben
audit-detail-command-line = ar y llinell orchymyn
audit-detail-left-on = wedi gadael ar { $value }
audit-detail-account-closed = sesiynau wedi dod i ben, rolau wedi'u tynnu a'r cyfrif wedi'i gau
audit-detail-other-identity = mae'r cyfrif wedi'i gysylltu â rhywun arall yn y gwasanaeth mewngofnodi
audit-detail-view = { $value ->
    [profile] eu proffil sgiliau
    [plan] eu cynllun dysgu
   *[other] { $value }
}
audit-detail-campaign = ymgyrch rhif { $value }

## Data person ei hun
my-data-heading = Eich data
my-data-intro = Lawrlwythwch bopeth sydd gan skillgym amdanoch chi: eich manylion, safleoedd, tîm, rheolwr llinell, mewngofnodi a rolau, a'r cofnod o bwy sydd wedi edrych ar eich data neu ei newid. Cewch un ffeil zip gyda ffeiliau JSON a CSV ynddi.
my-data-download = Lawrlwytho fy nata
# review:
my-data-readme = Dyma bopeth oedd gan skillgym amdanoch chi ar { $date }. Mae pob tabl yma ddwywaith: fel JSON ac fel CSV (sy'n agor mewn taenlen). person: eich manylion. sites: ble rydych chi'n gweithio. account: eich mewngofnodi, iaith a rolau, faint o sesiynau sydd ar agor, a phwy mae gwasanaeth mewngofnodi eich sefydliad yn dweud ydych chi, os ydych chi wedi'i ddefnyddio. audit_events: pwy a edrychodd ar eich data, ei allforio neu ei newid, a phryd. activity_ratings: pa mor ddefnyddiol oedd gweithgareddau yn y catalog dysgu i chi. service_confidence: pa mor hyderus y dywedoch chi eich bod yn helpu pobl gyda'r gwasanaethau yn y catalog gwasanaethau. audit_service_answers: pa mor hyderus y dywedoch chi eich bod gyda gwasanaethau mewn archwiliad nad ydych chi wedi'i gyflwyno eto (mae ei gyflwyno yn eu gwneud yn service_confidence i chi). session_bookings: y sesiynau y gwnaethoch eu harchebu neu aros amdanyn nhw, ac a ddaethoch chi. plans, plan_goals, plan_steps a plan_notes: eich cynlluniau dysgu, eu nodau a'u camau, beth wnaethoch chi ei dicio a'i ysgrifennu am bob un, a'r nodiadau a gadwyd pan wnaethoch chi gyfarfod amdanyn nhw. plan_credentials: y bathodynnau a enillodd eich cynlluniau gorffenedig, yn ôl diwedd eu cyfeiriad. club_submissions: yr hyn a gyflwynoch i aseiniadau wythnosol clybiau, a'r adborth arno. training_completions: y modiwlau gofynnol (fel diogelu data) a gwblhawyd gennych, y diwrnod, sut y clywodd skillgym amdano ac unrhyw dystiolaeth a roddwyd. xapi_statements: y datganiadau xAPI a anfonodd systemau dysgu eraill amdanoch chi (yn enwi eich e-bost neu eich rhif cyflogai), yn ôl eu id, beth maen nhw'n dweud a wnaethoch chi ac i beth. xapi-attachments: y ffeiliau a ddaeth gyda'r datganiadau hynny (atodiadau), pob un wedi'i enwi â'r hash SHA-2 y mae'r datganiadau'n ei roi iddo. certificates: y tystysgrifau a lwythwyd gennych fel tystiolaeth o gwblhau, pob un wedi'i enwi yn training_completions. evaluations: beth ddywedoch chi am weithgareddau a wnaethoch chi. evaluation_follow_ups: y cwestiynau a anfonwyd atoch chi wythnosau wedyn, a'ch atebion. weekly_questions: y cwestiynau a ofynnoch i'r tîm digidol gyda'ch enw, a'u hatebion (nid yw cwestiynau a ofynnwyd heb enw wedi'u cysylltu â chi, felly nid ydyn nhw yma). champion a champion_offer: eich enwebiad yn hyrwyddwr digidol, a'r sgiliau, y gwasanaethau a'r lleoedd y dywedoch y gallwch helpu gyda nhw. help_requests: yr help a ofynnoch i hyrwyddwyr amdano. help_given: yr help a gofnodoch fel hyrwyddwr. buddy_meetings: eich parau cyfaill digidol, fel gwirfoddolwr neu gyfaill, a'r cyfarfodydd a gofnodwyd. horizon_clippings: y dolenni a gadwoch ar gyfer sganio'r gorwel, gyda'ch nodiadau a'ch tagiau. horizon_write_ups: yr adroddiadau sganio'r gorwel a gyhoeddwyd gennych. board_posts: yr awgrymiadau a bostiwyd gennych ar fwrdd yr hyrwyddwyr. comments: eich sylwadau ar doriadau ac awgrymiadau. kit_trained: y cyfarpar (fel argraffydd 3D) y cofnodwyd eich bod wedi'ch hyfforddi arno, a'r diwrnod. kit_use: y cofnodion a wnaethoch o ddefnydd cyfarpar.

## Dileu person
person-erase-link = Dileu'r person hwn
person-audit-trail-link = Gweld eu trywydd archwilio
warning-prefix = Rhybudd
erase-title = Dileu { $name }
erase-warning = Ni ellir dadwneud dileu person.
erase-what-goes = Mae hyn yn dileu, am byth:
erase-goes-person = eu manylion, safleoedd ac aelodaeth tîm
erase-goes-account = eu mewngofnodi, rolau, sesiynau a dolenni mewngofnodi
erase-goes-links = eu lle fel rheolwr llinell neu reolwr tîm unrhyw un (bydd y rheini'n wag)
erase-goes-free-text = popeth a ysgrifennon nhw yn eu geiriau eu hunain mewn archwiliad sgiliau
# review:
erase-goes-ratings = pa mor ddefnyddiol y dywedon nhw oedd gweithgareddau yn y catalog dysgu, pa mor hyderus y dywedon nhw eu bod gyda'r gwasanaethau yn y catalog gwasanaethau, a'r cyfarpar y cawson nhw eu hyfforddi arno (mae'r defnydd o gyfarpar a gofnodwyd ganddyn nhw'n aros, heb ei gysylltu â neb)
erase-what-stays = Mae'r trywydd archwilio yn cadw ei gofnodion, heb ddweud am bwy roedden nhw. Mae eu sgoriau a'r atebion a ddewison nhw yn yr archwiliadau yn aros yn ffigurau'r ymgyrchoedd, heb ddim sy'n dweud mai eu rhai nhw oedden nhw.
erase-confirm = Rydw i am ddileu { $name }, ac rydw i'n deall na ellir dadwneud hyn
erase-confirm-missing = Ticiwch y blwch i gadarnhau eich bod am ddileu'r person hwn
erase-button = Dileu'r person hwn
erase-cancel = Canslo
erased-title = Mae'r person wedi'i ddileu
erased-body = Mae eu data personol wedi'i ddileu, ac mae'r dileu yn y trywydd archwilio.
erased-back = Yn ôl at bobl

## Cadw data
person-left-on = Wedi gadael ar
person-left-on-hint = Y diwrnod y gwnaethon nhw adael, er enghraifft 2025-08-29. Ar y diwrnod hwnnw daw eu mynediad i ben: maen nhw'n cael eu hallgofnodi, mae eu rolau'n cael eu tynnu ac mae eu cyfrif yn cael ei gau. Byddan nhw'n cael eu dileu pan ddaw eich cyfnod cadw ar ôl y dyddiad hwn i ben.
person-leaving-on = Yn gadael ar
person-left-access-ended = Mae'r person hwn wedi gadael, felly ni all fewngofnodi. I roi mynediad iddyn nhw eto, cliriwch eu dyddiad "wedi gadael ar" yn gyntaf.
people-left-tag = Wedi gadael
people-leaving-tag = Yn gadael ar { $date }

## Copïau wrth gefn ar y llinell orchymyn
cli-backup-done = Ysgrifennwyd y copi wrth gefn i { $file }.
cli-backup-unwritable = Nid oes modd ysgrifennu { $file } ({ $reason }). Gwiriwch fod ei ffolder yn bodoli a bod skillgym yn cael ysgrifennu yno.
cli-backup-postgres = Mae skillgym yn defnyddio PostgreSQL yma: gwnewch gopi wrth gefn gyda pg_dump, er enghraifft: pg_dump -Fc skillgym > skillgym.dump
cli-restore-postgres = Mae skillgym yn defnyddio PostgreSQL yma: adferwch gyda pg_restore, er enghraifft: pg_restore --clean -d skillgym skillgym.dump
cli-restore-checking = Wrthi'n gwirio { $file }…
cli-restore-not-sqlite = Nid yw { $file } yn gronfa ddata SQLite, neu ni ellir ei darllen. Ni adferwyd dim.
cli-restore-damaged = Mae { $file } wedi'i difrodi ({ $reason }). Ni adferwyd dim.
cli-restore-not-skillgym = Nid yw { $file } yn gronfa ddata skillgym. Ni adferwyd dim.
cli-restore-newer = Gwnaed { $file } gan fersiwn mwy newydd o skillgym (mae ganddi fudo { $version }). Gosodwch y fersiwn hwnnw i'w hadfer. Ni adferwyd dim.
cli-restore-in-use = Mae skillgym yn rhedeg ar { $database }. Stopiwch ef yn gyntaf, yna adferwch. Ni adferwyd dim.
cli-restore-in-use-by = Mae skillgym yn rhedeg ar { $database } (proses { $processes }). Stopiwch ef yn gyntaf, yna adferwch. Ni adferwyd dim.
cli-database-restoring = Mae adferiad yn rhoi cronfa ddata arall yn lle { $database }. Dechreuwch eto pan fydd wedi gorffen. Ni newidiwyd dim.
cli-database-restoring-by = Mae adferiad (proses { $processes }) yn rhoi cronfa ddata arall yn lle { $database }. Dechreuwch eto pan fydd wedi gorffen. Ni newidiwyd dim.
cli-restore-done = Adferwyd { $file }. Cedwir y gronfa ddata a ddisodlwyd fel { $previous }.
cli-restore-done-fresh = Adferwyd { $file }.

# The audit trail's CSV download: one heading per column. The cells hold stored codes.
audit-trail-csv-at = Pryd (UTC)
audit-trail-csv-actor-kind = Pwy: math
audit-trail-csv-actor-id = Pwy: rhif cyfrif
audit-trail-csv-actor = Pwy
audit-trail-csv-action = Beth
audit-trail-csv-subject-id = Data pwy: rhif person
audit-trail-csv-subject = Data pwy
audit-trail-csv-detail = Manylion

## Column headings of the CSV files in "download my data" (the JSON keeps the column names)
# review: y penawdau isod i gyd
my-data-column-person-employee-number = Rhif cyflogai
my-data-column-person-given-name = Enw cyntaf
my-data-column-person-family-name = Cyfenw
my-data-column-person-email = E-bost
my-data-column-person-employment = Cyflogaeth
my-data-column-person-job-role = Rôl swydd
my-data-column-person-job-family = Teulu swyddi
my-data-column-person-contracted-hours = Oriau dan gontract yr wythnos
my-data-column-person-start-date = Dyddiad dechrau
my-data-column-person-left-on = Wedi gadael ar
my-data-column-person-line-manager = Rheolwr llinell
my-data-column-person-team = Tîm
my-data-column-person-created-at = Ychwanegwyd (UTC)
my-data-column-person-updated-at = Newidiwyd ddiwethaf (UTC)
my-data-column-sites-code = Cod safle
my-data-column-sites-name = Safle
my-data-column-account-email = E-bost mewngofnodi
my-data-column-account-language = Iaith
my-data-column-account-roles = Rolau
my-data-column-account-created-at = Crëwyd y cyfrif (UTC)
my-data-column-account-sessions = Sesiynau wedi mewngofnodi
my-data-column-account-single-sign-on-issuer = Gwasanaeth mewngofnodi'r sefydliad
my-data-column-account-single-sign-on-subject = Eich dynodydd yn y gwasanaeth hwnnw
my-data-column-audit-events-at = Pryd (UTC)
my-data-column-audit-events-action = Beth ddigwyddodd
my-data-column-audit-events-by = Gan
my-data-column-audit-events-detail = Manylion
my-data-column-audit-responses-campaign = Archwiliad
my-data-column-audit-responses-source = Sut yr atebwyd
my-data-column-audit-responses-started-at = Dechreuwyd (UTC)
my-data-column-audit-responses-submitted-at = Cyflwynwyd (UTC)
my-data-column-audit-ratings-campaign = Archwiliad
my-data-column-audit-ratings-competence-code = Cod cymhwysedd
my-data-column-audit-ratings-competence = Cymhwysedd
my-data-column-audit-ratings-rating = Eich sgôr (1 i 5; gwag os nad oeddech chi'n siŵr)
my-data-column-audit-profile-answers-campaign = Archwiliad
my-data-column-audit-profile-answers-question-code = Cod cwestiwn
my-data-column-audit-profile-answers-question = Cwestiwn
my-data-column-audit-profile-answers-answer = Eich ateb
my-data-column-audit-quiz-answers-campaign = Archwiliad
my-data-column-audit-quiz-answers-question-code = Cod cwestiwn
my-data-column-audit-quiz-answers-question = Cwestiwn
my-data-column-audit-quiz-answers-chosen = Eich ateb
my-data-column-audit-quiz-answers-correct = Cywir (1) neu beidio (0)
my-data-column-audit-invitations-campaign = Archwiliad
my-data-column-audit-invitations-kind = Gwahoddiad neu nodyn atgoffa
my-data-column-audit-invitations-sent-at = Anfonwyd (UTC)
# review:
my-data-column-activity-ratings-activity = Cod y gweithgaredd
# review:
my-data-column-activity-ratings-title = Gweithgaredd
# review:
my-data-column-activity-ratings-usefulness = Pa mor ddefnyddiol (1 i 5)
# review:
my-data-column-activity-ratings-rated-at = Sgôr wedi'i rhoi (UTC)
# review:
my-data-column-session-bookings-activity = Cod y gweithgaredd
# review:
my-data-column-session-bookings-starts-at = Yn dechrau (UTC)
# review:
my-data-column-session-bookings-status = Wedi archebu, yn aros neu wedi canslo
# review:
my-data-column-session-bookings-attended = Daeth
# review:
my-data-column-plans-plan = Rhif y cynllun
# review:
my-data-column-plans-status = Wedi'i gynnig, ei gytuno, ei oedi neu ei orffen
# review:
my-data-column-plans-starts-on = Yn dechrau ar
# review:
my-data-column-plans-weekly-minutes = Munudau'r wythnos
# review:
my-data-column-plans-proposed-at = Cynigiwyd (UTC)
# review:
my-data-column-plans-agreed-at = Cytunwyd (UTC)
# review:
my-data-column-plan-goals-plan = Rhif y cynllun
# review:
my-data-column-plan-goals-competence = Cod y sgil
# review:
my-data-column-plan-goals-from-level = Lefel ar y dechrau (1 i 5)
# review:
my-data-column-plan-goals-level = Lefel y nod
# review:
my-data-column-plan-goals-deadline-week = Erbyn diwedd wythnos
# review:
my-data-column-plan-goals-end-rating = Eich sgôr eich hun ar y diwedd (1 i 5)
# review:
my-data-column-plan-steps-plan = Rhif y cynllun
# review:
my-data-column-plan-steps-activity = Cod y gweithgaredd
# review:
my-data-column-plan-steps-first-week = O wythnos
# review:
my-data-column-plan-steps-last-week = I wythnos
# review:
my-data-column-plan-steps-done-at = Wedi'i wneud (UTC)
# review:
my-data-column-plan-steps-reflection = Beth ysgrifennoch chi
# review:
my-data-column-plan-notes-plan = Rhif y cynllun
# review:
my-data-column-plan-notes-written-at = Ysgrifennwyd (UTC)
# review:
my-data-column-plan-notes-note = Nodyn
# review:
my-data-column-plan-credentials-plan = Rhif y cynllun
# review:
my-data-column-plan-credentials-credential = Bathodyn (mae ei gyfeiriad yn gorffen gyda hyn)
# review:
my-data-column-plan-credentials-issued-at = Cyhoeddwyd (UTC)
# review:
my-data-column-club-submissions-assignment = Aseiniad
# review:
my-data-column-club-submissions-submitted-at = Cyflwynwyd (UTC)
# review:
my-data-column-club-submissions-submission = Beth wnaethoch chi ei gyflwyno
# review:
my-data-column-club-submissions-link = Dolen
# review:
my-data-column-club-submissions-feedback = Adborth
# review:
my-data-column-training-completions-requirement = Cod y modiwl
# review:
my-data-column-training-completions-title = Modiwl
# review:
my-data-column-training-completions-completed-on = Cwblhawyd ar
# review:
my-data-column-training-completions-source = Cofnodwyd o
# review:
my-data-column-training-completions-evidence = Tystiolaeth
# review:
my-data-column-training-completions-evidence-file = Ffeil tystysgrif
# review:
my-data-column-training-completions-recorded-at = Cofnodwyd (UTC)
# review:
my-data-column-xapi-statements-statement = Id y datganiad
# review:
my-data-column-xapi-statements-stored = Cadwyd (UTC)
# review:
my-data-column-xapi-statements-verb = Berf
# review:
my-data-column-xapi-statements-activity = Gweithgaredd
# review:
my-data-column-xapi-statements-voided = Wedi'i ddirymu (1) neu beidio (0)

# review:
my-data-column-evaluations-activity = Cod y gweithgaredd
# review:
my-data-column-evaluations-title = Gweithgaredd
# review:
my-data-column-evaluations-done-on = Gwnaed ar
# review:
my-data-column-evaluations-usefulness = Pa mor ddefnyddiol (1 i 5)
# review:
my-data-column-evaluations-facilitator-rating = Y person a'i harweiniodd (1 i 5)
# review:
my-data-column-evaluations-objectives = Wedi gwneud beth roedd yn ei ddweud
# review:
my-data-column-evaluations-takeaways = Pethau i'w cofio
# review:
my-data-column-evaluations-more-effective = Mwy effeithiol yn y gwaith o ganlyniad (1 i 5)
# review:
my-data-column-evaluations-submitted-at = Rhoddwyd (UTC)
# review:
my-data-column-evaluations-updated-at = Newidiwyd ddiwethaf (UTC)
# review:
my-data-column-evaluation-follow-ups-activity = Cod y gweithgaredd
# review:
my-data-column-evaluation-follow-ups-days = Diwrnodau wedyn
# review:
my-data-column-evaluation-follow-ups-sent-at = Anfonwyd (UTC)
# review:
my-data-column-evaluation-follow-ups-used-at-work = Wedi'i ddefnyddio yn y gwaith
# review:
my-data-column-evaluation-follow-ups-barriers = Beth wnaeth eich atal
# review:
my-data-column-evaluation-follow-ups-barrier-other = Rhywbeth arall
# review:
my-data-column-evaluation-follow-ups-effectiveness = Mwy effeithiol (1 i 5)
# review:
my-data-column-evaluation-follow-ups-example = Enghraifft
# review:
my-data-column-evaluation-follow-ups-answered-at = Atebwyd (UTC)
# review:
my-data-column-weekly-questions-asked-at = Gofynnwyd (UTC)
# review:
my-data-column-weekly-questions-question = Eich cwestiwn
# review:
my-data-column-weekly-questions-wording = Fel y'i geiriwyd gan y tîm digidol
# review:
my-data-column-weekly-questions-answer = Ateb
# review:
my-data-column-weekly-questions-answered-at = Atebwyd (UTC)
# review:
my-data-column-champion-status = Statws
# review:
my-data-column-champion-reason = Pam y cawsoch eich enwebu
# review:
my-data-column-champion-nominated-at = Enwebwyd (UTC)
# review:
my-data-column-champion-availability = Pryd y gallwch helpu
# review:
my-data-column-champion-found-by-own-answers = Eich atebion archwilio eich hun yn eich dangos
# review:
my-data-column-champion-skills = Sgiliau a restrwyd
# review:
my-data-column-champion-services = Gwasanaethau a restrwyd
# review:
my-data-column-champion-sites = Lleoedd a restrwyd
# review:
my-data-column-champion-offer-kind = Math
# review:
my-data-column-champion-offer-what = Beth
# review:
my-data-column-help-requests-asked-at = Gofynnwyd (UTC)
# review:
my-data-column-help-requests-competence = Sgil
# review:
my-data-column-help-requests-message = Eich neges
# review:
my-data-column-help-requests-emailed-at = Anfonwyd e-bost (UTC)
# review:
my-data-column-help-given-given-on = Diwrnod
# review:
my-data-column-help-given-competence = Sgil
# review:
my-data-column-help-given-what = Beth wnaethoch chi
# review:
my-data-column-help-given-minutes = Munudau
# review:
my-data-column-buddy-meetings-as = Fel
# review:
my-data-column-buddy-meetings-started-on = Parwyd ar
# review:
my-data-column-buddy-meetings-ended-on = Daeth i ben ar
# review:
my-data-column-buddy-meetings-met-on = Cyfarfod ar
# review:
my-data-column-buddy-meetings-minutes = Munudau
# review:
my-data-column-buddy-meetings-note = Beth a drafodwyd
