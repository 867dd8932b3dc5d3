# Pobl, safleoedd, timau a'r ffeil staff.
# Welsh translation written for skillgym; to be reviewed by a native Welsh speaker before
# production use. A first review (December 2026, by a fluent reader who is not a native speaker)
# has been applied; the house style and word list it settled are in docs/welsh.md, and lines
# marked "review:" point a reviewer at choices worth a second look.

## Pobl
people-title = Pobl
# review: "My people" (the people a manager is responsible for)
my-people-title = Fy mhobl
people-add = Ychwanegu person
people-export = Lawrlwytho pawb fel ffeil staff (CSV)
people-filter-label = Dod o hyd i bobl
people-search = Enw, rhif cyflogai, e-bost neu rôl swydd
# review: "Any", the first option of a filter list (any site)
people-any = Unrhyw un
people-filter-button = Dangos pobl
people-count = { $count ->
    [zero] Nid oes neb yn cyfateb.
    [one] Un person.
    [two] Dau berson.
    [few] Tri pherson.
    [many] Chwe pherson.
   *[other] { $count } o bobl.
}
pagination-label = Tudalennau
pagination-previous = Tudalen flaenorol
pagination-next = Tudalen nesaf
pagination-position = Tudalen { $page } o { $pages }
me-title = Fy manylion
person-title = Person
person-new-title = Ychwanegu person
person-edit-title = Newid manylion person
person-edit-link = Newid manylion
person-name = Enw
person-employee-number = Rhif cyflogai
person-employee-number-hint = Y rhif y mae eich system Adnoddau Dynol yn ei ddefnyddio. Ar gyfer gwirfoddolwyr, unrhyw gyfeirnod unigryw.
person-given-name = Enw cyntaf
person-family-name = Cyfenw
person-email = Cyfeiriad e-bost
person-email-hint = Gadewch yn wag os nad oes ganddyn nhw un; ni allan nhw fewngofnodi hebddo.
person-employment = Cyflogai neu wirfoddolwr
# review: "Job role" (the person's own job, e.g. library assistant)
person-job-role = Rôl swydd
# review: "Job family" (group of similar jobs: frontline, specialist, manager…)
person-job-family = Teulu swyddi
person-hours = Oriau dan gontract yr wythnos
person-hours-hint = Er enghraifft 18.5. Gwirfoddolwyr: yr oriau y maen nhw'n eu rhoi fel arfer.
person-start-date = Dyddiad dechrau
person-start-date-hint = Er enghraifft 2024-03-31.
person-line-manager = Rheolwr llinell
person-team = Tîm
person-sites = Safleoedd
person-sites-hint = Dewiswch bob safle y maen nhw'n gweithio ynddo.
person-email-taken = Mae gan berson arall y cyfeiriad e-bost hwn yn barod
person-number-taken = Mae gan berson arall y rhif cyflogai hwn yn barod
person-manager-cycle = Mae'r rheolwr llinell hwn yn atebol i'r person hwn, yn uniongyrchol neu'n anuniongyrchol
hours-a-week = { $hours } awr yr wythnos
employment-employee = Cyflogai
employment-volunteer = Gwirfoddolwr
job-family-frontline = Rheng flaen
job-family-specialist = Arbenigwr
job-family-manager = Rheolwr
job-family-senior_leader = Uwch arweinydd
job-family-aspiring_leader = Darpar arweinydd
person-access-heading = Mewngofnodi a rolau
person-access-has-account = Gall y person hwn fewngofnodi i skillgym.
person-access-closed = Cafodd cyfrif y person hwn ei gau pan adawodd. Cadwch ei rolau i'w agor eto.
person-access-no-account = Ni all y person hwn fewngofnodi eto. Dewiswch eu rolau a'u cadw i roi cyfrif iddyn nhw.
person-access-needs-email = Mae angen cyfeiriad e-bost ar y person hwn cyn y gall fewngofnodi.
person-access-roles = Rolau
person-access-roles-hint = Mae pawb yn ddysgwr. Dewiswch unrhyw rolau eraill sydd ganddyn nhw.
person-access-make-link = Creu dolen mewngofnodi er mwyn iddyn nhw ddewis cyfrinair (mae'n gweithio unwaith, am 7 diwrnod)
person-access-save = Cadw'r mewngofnodi a'r rolau
person-access-link-made = Rhowch y ddolen hon i'r person, yn breifat. Mae'n gweithio unwaith, am 7 diwrnod.

## Safleoedd
sites-title = Safleoedd
sites-add = Ychwanegu safle
sites-none = Nid oes safleoedd eto.
site-new-title = Ychwanegu safle
site-edit-title = Newid safle
site-name = Enw
site-code = Cod
site-code-hint = Y cod byr y mae eich ffeil staff yn ei ddefnyddio ar gyfer y safle hwn, er enghraifft CEN.
site-kind = Math o safle
site-kind-branch = Llyfrgell gangen
site-kind-community = Llyfrgell gymunedol
site-kind-mobile = Llyfrgell deithiol
site-kind-headquarters = Pencadlys neu swyddfeydd
site-postcode = Cod post
site-postcode-hint = Yn cael ei ddefnyddio i ddod o hyd i hyrwyddwyr digidol yn agos at le.
site-latitude = Lledred
site-longitude = Hydred
site-coordinates-hint = Dewisol. Er enghraifft 51.6214 a -3.9436.
site-people = Pobl
site-code-taken = Mae gan safle arall y cod hwn yn barod

## Timau
teams-title = Timau
teams-add = Ychwanegu tîm
teams-none = Nid oes timau eto.
team-new-title = Ychwanegu tîm
team-edit-title = Newid tîm
team-name = Enw
team-manager = Rheolwr
team-manager-hint = Mae'r rheolwr yn gweld pawb yn y tîm.
team-members = Aelodau
team-name-taken = Mae gan dîm arall yr enw hwn yn barod

## Mewnforio ffeil staff
import-title = Mewnforio ffeil staff
import-done-title = Ffeil staff wedi'i mewnforio
import-intro = Lanlwythwch y ffeil staff y mae eich system Adnoddau Dynol yn ei hallforio, fel CSV. Mae pobl yn cael eu paru yn ôl rhif cyflogai: mae pobl newydd yn cael eu hychwanegu, mae manylion sydd wedi newid yn cael eu diweddaru, ac nid yw mewnforio'r un ffeil eto yn newid dim. Os oes problem gydag unrhyw linell, nid oes dim yn cael ei fewnforio ac mae pob problem yn cael ei rhestru.
import-example = Lawrlwytho ffeil staff enghreifftiol
import-file-label = Ffeil staff (CSV)
import-file-hint = Wedi'i chadw fel CSV UTF-8 (dyma enw'r math o ffeil yn Excel). Rhaid i'r llinell gyntaf roi enwau'r colofnau.
import-button = Mewnforio'r ffeil staff
import-file-missing = Dewiswch ffeil staff i'w mewnforio
import-problems-found = { $count ->
    [zero] Nid oes problemau yn y ffeil. Nid oes dim wedi'i fewnforio.
    [one] Mae un broblem yn y ffeil. Nid oes dim wedi'i fewnforio.
    [two] Mae dwy broblem yn y ffeil. Nid oes dim wedi'i fewnforio.
    [few] Mae tair problem yn y ffeil. Nid oes dim wedi'i fewnforio.
    [many] Mae chwe phroblem yn y ffeil. Nid oes dim wedi'i fewnforio.
   *[other] Mae { $count } o broblemau yn y ffeil. Nid oes dim wedi'i fewnforio.
}
import-nothing-written = Nid oes dim wedi'i fewnforio. Cywirwch y ffeil a'i lanlwytho eto.
import-problems-caption = Problemau yn y ffeil
import-line = Llinell
import-field = Colofn
import-problem = Problem
import-done-intro = Mae'r ffeil staff wedi'i mewnforio.
# review: shown after a figure in digits, e.g. "2 berson wedi'u hychwanegu"
import-added = { $count ->
    [zero] o bobl wedi'u hychwanegu
    [one] person wedi'i ychwanegu
    [two] berson wedi'u hychwanegu
    [few] pherson wedi'u hychwanegu
    [many] pherson wedi'u hychwanegu
   *[other] o bobl wedi'u hychwanegu
}
import-updated = { $count ->
    [zero] o bobl wedi'u diweddaru
    [one] person wedi'i ddiweddaru
    [two] berson wedi'u diweddaru
    [few] pherson wedi'u diweddaru
    [many] pherson wedi'u diweddaru
   *[other] o bobl wedi'u diweddaru
}
import-unchanged = { $count ->
    [zero] o bobl heb newid
    [one] person heb newid
    [two] berson heb newid
    [few] pherson heb newid
    [many] pherson heb newid
   *[other] o bobl heb newid
}
import-teams-added = { $count ->
    [zero] Timau newydd:
    [one] Tîm newydd:
    [two] Timau newydd:
    [few] Timau newydd:
    [many] Timau newydd:
   *[other] Timau newydd:
}
import-see-people = Gweld pawb
import-another = Mewnforio ffeil arall
import-check-title = Gwirio'r ffeil staff cyn ei mewnforio
import-check-file = { $count ->
    [zero] Nid yw'r ffeil { $file } yn rhestru neb
    [one] Mae'r ffeil { $file } yn rhestru un person
    [two] Mae'r ffeil { $file } yn rhestru dau berson
    [few] Mae'r ffeil { $file } yn rhestru tri pherson
    [many] Mae'r ffeil { $file } yn rhestru chwe pherson
   *[other] Mae'r ffeil { $file } yn rhestru { $count } o bobl
}. Nid oes dim wedi'i fewnforio eto.
import-absent-heading = Pobl nad ydyn nhw yn y ffeil
import-absent-count = { $count ->
    [zero] Mae pawb yn skillgym yn y ffeil hon.
    [one] Mae un person yn skillgym nad yw yn y ffeil hon.
    [two] Mae dau berson yn skillgym nad ydyn nhw yn y ffeil hon.
    [few] Mae tri pherson yn skillgym nad ydyn nhw yn y ffeil hon.
    [many] Mae chwe pherson yn skillgym nad ydyn nhw yn y ffeil hon.
   *[other] Mae { $count } o bobl yn skillgym nad ydyn nhw yn y ffeil hon.
}
import-absent-why = Os yw'r ffeil yn allforiad llawn o'ch system Adnoddau Dynol, mae'n debyg eu bod wedi gadael. Nid yw pobl y nodwyd eisoes eu bod wedi gadael yn cael eu cyfrif.
import-absent-caption = Pobl yn skillgym nad ydyn nhw yn y ffeil
import-absent-name = Enw
import-absent-number = Rhif cyflogai
import-absent-team = Tîm
import-absent-more = { $count ->
    [zero] Nid oes neb arall.
    [one] Mae un person arall hefyd.
    [two] Mae dau berson arall hefyd.
    [few] Mae tri pherson arall hefyd.
    [many] Mae chwe pherson arall hefyd.
   *[other] Mae { $count } o bobl eraill hefyd.
}
import-absent-question = Beth ddylai ddigwydd i'r bobl nad ydyn nhw yn y ffeil?
import-absent-keep = Eu gadael fel y maen nhw
import-absent-left = Nodi eu bod wedi gadael ar { $date }
import-absent-left-hint = Daw eu mynediad i ben ar unwaith: maen nhw'n cael eu hallgofnodi, mae eu rolau'n cael eu tynnu ac mae eu cyfrif yn cael ei gau, ac ni fyddan nhw'n cael eu gwahodd i archwiliadau. Byddan nhw'n cael eu dileu pan ddaw eich cyfnod cadw ar ôl y diwrnod hwnnw i ben; nid oes neb yn cael ei ddileu nawr.
import-absent-most = Byddai hyn yn nodi bod { $count } o'r { $current } o bobl yn skillgym wedi gadael: mwy na hanner. Dyma sut mae ffeil a gafodd ei thorri'n fyr drwy gamgymeriad yn edrych. Gwiriwch fod y ffeil yn allforiad llawn o'ch system Adnoddau Dynol cyn mynd ymlaen.
# plural: no [zero] arm: asked only when more than half the people would be marked as having left.
import-absent-confirm = { $count ->
    [one] Ydw, nodi bod un person wedi gadael
    [two] Ydw, nodi bod dau berson wedi gadael
    [few] Ydw, nodi bod tri pherson wedi gadael
    [many] Ydw, nodi bod chwe pherson wedi gadael
   *[other] Ydw, nodi bod { $count } o bobl wedi gadael
}
import-absent-confirm-missing = Ticiwch y blwch i gadarnhau eich bod am nodi bod mwy na hanner eich pobl wedi gadael, neu ddewiswch eu gadael fel y maen nhw
import-absent-choice-missing = Dewiswch beth ddylai ddigwydd i'r bobl nad ydyn nhw yn y ffeil
import-check-button = Mewnforio'r ffeil staff
import-check-cancel = Lanlwytho ffeil wahanol
# review: shown after a figure in digits, e.g. "3 pherson y nodwyd eu bod wedi gadael"
import-marked-left = { $count ->
    [zero] o bobl y nodwyd eu bod wedi gadael
    [one] person y nodwyd ei fod wedi gadael
    [two] berson y nodwyd eu bod wedi gadael
    [few] pherson y nodwyd eu bod wedi gadael
    [many] pherson y nodwyd eu bod wedi gadael
   *[other] o bobl y nodwyd eu bod wedi gadael
}
import-absent-kept = { $count ->
    [zero] o bobl nad ydyn nhw yn y ffeil, wedi'u gadael fel y maen nhw
    [one] person nad yw yn y ffeil, wedi'i adael fel y mae
    [two] berson nad ydyn nhw yn y ffeil, wedi'u gadael fel y maen nhw
    [few] pherson nad ydyn nhw yn y ffeil, wedi'u gadael fel y maen nhw
    [many] pherson nad ydyn nhw yn y ffeil, wedi'u gadael fel y maen nhw
   *[other] o bobl nad ydyn nhw yn y ffeil, wedi'u gadael fel y maen nhw
}

## Problemau gyda gwerthoedd, ar ffurflenni ac mewn ffeiliau staff
invalid-employee-number = Rhowch rif cyflogai sydd â hyd at 32 o lythrennau, digidau, cysylltnodau (-) neu slaesau (/)
invalid-employee-number-missing = Rhowch rif cyflogai
invalid-email = Rhowch gyfeiriad e-bost yn y fformat cywir, fel name@example.org
invalid-name = Rhowch enw sydd â hyd at 100 nod
invalid-name-missing = Rhowch enw
invalid-job-role = Rhowch rôl swydd sydd â hyd at 100 nod
invalid-job-role-missing = Rhowch rôl swydd
invalid-employment = Rhowch employee (cyflogai) neu volunteer (gwirfoddolwr)
invalid-job-family = Rhowch frontline (rheng flaen), specialist (arbenigwr), manager (rheolwr), senior_leader (uwch arweinydd) neu aspiring_leader (darpar arweinydd)
invalid-hours = Rhowch yr oriau dan gontract fel rhif rhwng 0 a 48
invalid-hours-quarter = Rhowch yr oriau dan gontract i'r chwarter awr agosaf, fel 18.25
invalid-date = Rhowch ddyddiad ar ffurf blwyddyn-mis-diwrnod, fel 2024-03-31
invalid-site-code = Rhowch god safle sydd â hyd at 16 o lythrennau, digidau neu gysylltnodau (-)
invalid-site-code-missing = Rhowch god safle
invalid-site-name = Rhowch enw safle sydd â hyd at 120 nod
invalid-site-name-missing = Rhowch enw'r safle
invalid-site-kind = Dewiswch y math o safle
invalid-team-name = Rhowch enw tîm sydd â hyd at 120 nod
invalid-team-name-missing = Rhowch enw'r tîm
invalid-postcode = Rhowch god post go iawn yn y DU, fel SA1 1AA
invalid-coordinates = Rhowch ledred rhwng -90 a 90 a hydred rhwng -180 a 180
invalid-coordinates-pair = Rhowch y lledred a'r hydred, neu adewch y ddau yn wag
invalid-role = Dewiswch rôl o'r rhestr
invalid-sites-missing = Dewiswch o leiaf un safle
staff-file-not-utf8 = Nid yw'r ffeil wedi'i chadw fel UTF-8. Yn Excel, cadwch hi fel "CSV UTF-8".
staff-file-empty = Mae'r ffeil yn wag
staff-file-no-rows = Mae enwau colofnau yn y ffeil ond dim pobl
staff-file-missing-column = Mae colofn ofynnol ar goll
staff-file-unknown-column = Nid yw'r golofn "{ $value }" yn rhan o fformat y ffeil staff
staff-file-duplicate-column = Mae'r golofn "{ $value }" yn ymddangos ddwywaith
staff-file-wrong-field-count = Mae nifer y gwerthoedd ar y llinell hon yn wahanol i'r llinell gyntaf
staff-file-duplicate-employee-number = Mae'r rhif cyflogai { $value } yn ymddangos ar linell gynharach
staff-file-duplicate-site = Mae'r safle { $value } wedi'i restru ddwywaith
staff-file-unknown-site = Nid oes safle gyda'r cod "{ $value }". Ychwanegwch ef o dan Safleoedd yn gyntaf.
staff-file-unknown-manager = Nid oes gan neb y rhif cyflogai { $value }, yn y ffeil nac yn skillgym
# review: "A person cannot be their own line manager"
staff-file-self-manager = Ni all person fod yn rheolwr llinell iddo'i hun
staff-file-manager-cycle = Mae'r rheolwyr llinell hyn yn atebol i'w gilydd mewn cylch
staff-file-email-taken = Mae'r cyfeiriad e-bost { $value } yn perthyn i berson arall
staff-file-too-many-problems = Mae rhagor o broblemau; mae'r 500 cyntaf wedi'u rhestru
staff-file-unreadable = Nid oes modd darllen y llinell hon fel CSV; gwiriwch ei dyfynodau

## Pobl rheolwr a'r archwiliadau y gofynnir iddyn nhw eu gwneud
team-audits-heading = Archwiliadau y gofynnir i'ch pobl eu gwneud
team-audits-none = Nid oes gofyn i neb o'ch pobl wneud archwiliad sydd ar agor, neu a gaeodd yn ystod y 90 diwrnod diwethaf.
team-audit-counts = { $finished } wedi gorffen, { $started } ar y gweill, { $waiting } heb ddechrau
team-audit-anonymous = Dienw: rydych chi'n gweld ffigurau eich tîm unwaith y bydd digon o bobl wedi ateb, ond byth pwy sydd wedi ateb.
team-people-heading = Eich pobl
team-back = Yn ôl at eich pobl
team-campaign-title = { $campaign }: eich pobl
team-campaign-open-until = Ar agor tan { $date }
team-campaign-closed-on = Wedi cau ar { $date }
team-anonymous-explain = Mae'r archwiliad hwn yn ddienw: nid ydych chi'n gweld pwy sydd wedi gorffen na beth atebodd neb. Mae ffigurau eich tîm isod, unwaith y bydd digon o bobl wedi ateb i gadw pawb yn ddienw.
team-progress-heading = Pwy sydd wedi gorffen
team-progress-caption = Eich pobl y gofynnwyd iddyn nhw wneud yr archwiliad hwn, a pha mor bell mae pob un wedi mynd
team-progress-status = Cynnydd
team-progress-finished = Wedi gorffen
team-progress-in-progress = Ar y gweill
team-progress-not-started = Heb ddechrau
team-reminders-heading = Nodiadau atgoffa
team-reminders-explain = Mae hyn yn anfon nodyn atgoffa'r archwiliad drwy e-bost at y rhai o'ch pobl a gafodd wahoddiad ac sydd heb orffen. Mae pob person yn cael un nodyn atgoffa ar gyfer archwiliad, ni waeth faint o weithiau mae unrhyw un yn pwyso botwm.
team-reminders-send = Atgoffa fy mhobl sydd heb orffen
team-reminders-none = Mae pawb rydych chi'n eu rheoli y gofynnwyd iddyn nhw wedi gorffen.
# plural: no [two], [few] or [many] arm for $failed: no noun follows its figure.
team-reminders-sent = { $sent ->
    [zero] Ni anfonwyd nodyn atgoffa at neb: cafodd y rhai sydd heb orffen nodyn atgoffa eisoes, neu ni chawson nhw wahoddiad erioed.
    [one] Anfonwyd nodyn atgoffa at un person.
    [two] Anfonwyd nodiadau atgoffa at ddau berson.
    [few] Anfonwyd nodiadau atgoffa at dri pherson.
    [many] Anfonwyd nodiadau atgoffa at chwe pherson.
   *[other] Anfonwyd nodiadau atgoffa at { $sent } o bobl.
}{ $failed ->
    [0] {""}
    [one] {" "}Ni ellid anfon un.
   *[other] {" "}Ni ellid anfon { $failed }.
}
team-reminders-sent-anonymous = Anfonwyd nodiadau atgoffa at y rhai o'ch pobl oedd heb orffen ac oedd heb gael nodyn atgoffa eisoes. Mae'r archwiliad yn ddienw, felly nid yw'n dangos faint.
team-figures-heading = Ffigurau eich tîm
team-figures-explain = Dim ond pan fydd o leiaf { $threshold } o bobl yn y tîm wedi ateb y dangosir ffigurau tîm, a dim ond lle na ellir eu gosod yn erbyn ffigurau eraill i ddatgelu unrhyw un: yr un rheol ag adroddiad yr archwiliad. Nid yw atebion neb eu hunain yn cael eu dangos.
team-figures-hidden = Nid oes digon o bobl yn y tîm hwn wedi ateb i ddangos ei sgoriau: maen nhw'n cael eu dangos unwaith y bydd o leiaf { $threshold } wedi ateb, a dim ond lle na ellir eu gosod yn erbyn ffigurau eraill i ddatgelu unrhyw un.
team-figures-areas-caption = { $team }: sgôr gymedrig ym mhob maes
team-figures-competences-caption = { $team }: sgôr gymedrig pob cymhwysedd
team-figures-rated = Wedi sgorio (1 i 5)
team-figures-no-team = Nid ydych chi'n rheoli tîm, felly nid oes ffigurau tîm: rhoddir ffigurau ar gyfer timau, byth ar gyfer ychydig o bobl wedi'u dewis.

## Working hours and length of service, as the analysis groups people
working-hours-full_time = Llawn amser (37 awr neu fwy)
working-hours-part_time = Rhan amser (llai na 37 awr)
working-hours-volunteer = Gwirfoddolwr
service-length-under_1 = Llai na blwyddyn
service-length-1_to_4 = 1 i 4 blynedd
service-length-5_to_9 = 5 i 9 mlynedd
service-length-10_or_more = 10 mlynedd neu fwy
