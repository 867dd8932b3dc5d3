# Cymorth y llinell orchymyn: un neges i bob gorchymyn ac opsiwn.
# Welsh translation written for skillgym; to be reviewed by a native Welsh speaker before
# production use. A first review (December 2026, by a fluent reader who is not a native speaker)
# has been applied; the house style and word list it settled are in docs/welsh.md, and lines
# marked "review:" point a reviewer at choices worth a second look.

cli-help = skillgym: dod o hyd i sgiliau digidol staff a gwirfoddolwyr llyfrgelloedd a'u datblygu. Dechreuwch gyda `skillgym demo` i roi cynnig arno gyda gwasanaeth llyfrgell dychmygol, neu `skillgym serve` ar gyfer eich un chi. Cedwir data yn SQLite yn y ffolder data oni bai bod DATABASE_URL yn pwyntio at PostgreSQL.
cli-help-usage = Defnydd
cli-help-options = Opsiynau
cli-help-commands = Gorchmynion
cli-help-print-help = Dangos cymorth
cli-help-default = rhagosodiad
cli-help-print-version = Dangos y fersiwn
cli-help-help-command = Dangos y neges hon neu gymorth y gorchymyn a roddir
cli-help--data_dir = Ffolder ar gyfer cronfa ddata SQLite a ffeiliau eraill [rhagosodiad: ./skillgym-data]
cli-help--config = Ffeil gosodiadau (TOML); fel rhagosodiad, darllenir DATA_DIR/skillgym.toml os yw'n bodoli
cli-help--database_url = Y gronfa ddata: postgres://defnyddiwr@gwesteiwr/cronfa ar gyfer PostgreSQL [rhagosodiad: SQLite yn DATA_DIR]
cli-help--organisation = Pa sefydliad y mae gorchymyn yn gweithio arno, wrth ei enw byr (skillgym organisation list); dim ond pan fo mwy nag un y mae ei angen
cli-help-serve = Rhedeg y rhyngwyneb gwe ar gyfer eich sefydliad
cli-help-serve--bind = Cyfeiriad a phorth i wrando arnyn nhw [rhagosodiad: 127.0.0.1:8080]
cli-help-serve--public_url = Y cyfeiriad y mae pobl yn ei ddefnyddio i gyrraedd skillgym, e.e. https://sgiliau.example.gov.uk
cli-help-serve--smtp_url = Y gweinydd SMTP ar gyfer gwahoddiadau, e.e. smtp://defnyddiwr:cyfrinair@gwesteiwr:587?tls=required
cli-help-serve--mail_from = Y cyfeiriad y daw gwahoddiadau ohono, e.e. "Sgiliau <sgiliau@example.gov.uk>"
cli-help-serve--session_lifetime_hours = Sawl awr y mae sesiwn yn para faint bynnag y caiff ei defnyddio, 1 i 720 [rhagosodiad: 12]
cli-help-demo = Rhedeg y rhyngwyneb gwe gyda gwasanaeth llyfrgell dychmygol i'w archwilio
cli-help-demo--bind = Cyfeiriad a phorth i wrando arnyn nhw [rhagosodiad: 127.0.0.1:8080]
cli-help-demo--public_url = Y cyfeiriad y mae pobl yn ei ddefnyddio i gyrraedd skillgym, e.e. https://sgiliau.example.gov.uk
cli-help-demo--smtp_url = Y gweinydd SMTP ar gyfer gwahoddiadau, e.e. smtp://defnyddiwr:cyfrinair@gwesteiwr:587?tls=required
cli-help-demo--mail_from = Y cyfeiriad y daw gwahoddiadau ohono, e.e. "Sgiliau <sgiliau@example.gov.uk>"
cli-help-demo--session_lifetime_hours = Sawl awr y mae sesiwn yn para faint bynnag y caiff ei defnyddio, 1 i 720 [rhagosodiad: 12]
cli-help-demo--people = Faint o bobl sydd gan y sefydliad enghreifftiol
cli-help-demo--seed = Hedyn ar gyfer y data dychmygol: mae'r un hedyn yn rhoi'r un sefydliad
cli-help-demo--reset = Taflu'r gronfa ddata enghreifftiol a gwneud un newydd
cli-help-demo--no_serve = Creu'r data enghreifftiol a gorffen heb weini
cli-help-demo--national = Archwilio 60 cymhwysedd gydag 20 cwestiwn cwis (yr argraffiad cenedlaethol) yn lle 36 a 12; y rhagosodiad o 10,000 o bobl ymlaen
cli-help-demo--response_rate = Canran y bobl sy'n ateb pob archwiliad demo (1–100): 72 fel rhagosodiad, neu 100 o 10,000 o bobl ymlaen
cli-help-demo--network = Gwneud rhwydwaith o bedwar gwasanaeth llyfrgell yn lle un ("Llyfrgelloedd cyhoeddus Cymru"), gydag ymgyrch rhwydwaith y mae pob un wedi'i hagor a'i hateb
cli-help-demo--members = Gyda --network, cynifer â hynny o aelodau o --people o bobl yr un, heb archwiliadau eu hunain (ar gyfer meincnodau) yn lle pedwar y demo
cli-help-migrate = Diweddaru'r gronfa ddata (mae serve a demo yn gwneud hyn eu hunain)
cli-help-import = Mewnforio data o ffeil
cli-help-import-staff = Mewnforio ffeil staff (CSV) o'ch system Adnoddau Dynol; gweler docs/staff-file.md
cli-help-import-staff--file = Y ffeil CSV
cli-help-import-staff--absent = Beth i'w wneud â'r bobl yn skillgym nad ydyn nhw yn y ffeil: keep (eu gadael fel y maen nhw) neu left (nodi eu bod wedi gadael heddiw)
cli-help-import-staff--yes = Cadarnhau nodi bod mwy na hanner y bobl bresennol wedi gadael
cli-help-import-responses = Mewnforio ymatebion archwiliad a gynhaliwyd mewn offeryn arall (SurveyMonkey, Microsoft Forms) i ymgyrch; gweler docs/survey-import.md
cli-help-import-responses--file = Yr allforiad (CSV)
cli-help-import-responses--campaign = Rhif yr ymgyrch, fel yn ei chyfeiriad /campaigns/RHIF
cli-help-import-responses--mapping = Ffeil gyfatebiaeth (JSON), neu enw cyfatebiaeth a gadwyd ar gyfer yr ymgyrch ar y we
cli-help-import-framework = Mewnforio fframwaith sgiliau: ffeil CASE 1.0 (JSON) neu ffeil CSV fframwaith; gweler docs/frameworks.md
cli-help-import-framework--file = Y ffeil JSON CASE neu CSV (yn cael eu gwahaniaethu yn ôl eu cynnwys)
cli-help-export = Allforio data i ffeil
cli-help-export-staff = Allforio pawb fel ffeil staff (CSV)
cli-help-export-staff--output = Ysgrifennu i'r ffeil hon yn lle'r sgrin
cli-help-export-staff--language = Iaith enwau'r colofnau (fel rhagosodiad, iaith y llinell orchymyn ei hun)
cli-help-export-framework = Allforio fframwaith sgiliau fel CASE 1.0 (JSON) neu fel ffeil CSV fframwaith
cli-help-export-framework--code = Cod y fframwaith, fel y dangosir ar ei dudalen
cli-help-export-framework--format = Fformat y ffeil: case (JSON CASE 1.0 1EdTech) neu csv (un ddalen i'w golygu mewn taenlen)
cli-help-export-framework--output = Ysgrifennu i'r ffeil hon yn lle'r sgrin
cli-help-export-framework--language = Iaith enwau colofnau ffeil CSV (fel rhagosodiad, iaith y llinell orchymyn ei hun)
cli-help-report = Ysgrifennu ffigurau ymgyrch ar gyfer offer eraill: ei hadroddiad, un gymhariaeth rhwng grwpiau, hyder yn erbyn gwybodaeth a newid dros amser, gan adael grwpiau bach allan fel ar y we, a phroffiliau sgiliau pobl pan ofynnir amdanyn nhw
cli-help-report--campaign = Rhif yr ymgyrch, fel yn ei chyfeiriad /campaigns/RHIF
cli-help-report--format = Y fformat: json, neu csv ar gyfer un o'i dablau; disgrifir y ddau yn docs/report-json.md
cli-help-report--table = Gyda --format csv, y tabl i'w ysgrifennu: competences, sites, teams, heat-map, comparison, calibration, calibration-competences, change-rates, change-areas, change-competences neu profiles
cli-help-report--by = Cymharu grwpiau yn ôl job_family, employment, hours (llawn amser, rhan amser neu wirfoddolwr), service (hyd gwasanaeth), team (pan nad oes mwy na 40 tîm), site (pob person yn ei brif safle, pan nad oes mwy na 40 safle), neu god cwestiwn proffil un dewis [rhagosodiad: job_family]
cli-help-report--earlier = Mesur newid dros amser o'r ymgyrch gynharach hon ar yr un fframwaith [rhagosodiad: yr ymgyrch y copïwyd hon ohoni, neu fel arall yr un gynharach ddiweddaraf]
cli-help-report--person = Cynnwys proffil sgiliau'r person hwn (ei rif neu ei gyfeiriad e-bost); ailadroddwch am fwy. Cofnodir hyn yn y trywydd archwilio; fe'i gwrthodir ar gyfer ymgyrch ddienw
cli-help-report--profiles = Cynnwys proffil sgiliau pawb a orffennodd yr ymgyrch. Cofnodir hyn yn y trywydd archwilio; fe'i gwrthodir ar gyfer ymgyrch ddienw
cli-help-report--output = Ysgrifennu i'r ffeil hon yn lle'r sgrin
cli-help-user = Rheoli cyfrifon
cli-help-user-create-admin = Gwneud rhywun yn weinyddwr, gan greu'r sefydliad a'r person os oes angen
cli-help-user-create-admin--email = Eu cyfeiriad e-bost (maen nhw'n mewngofnodi gydag ef)
cli-help-user-create-admin--given_name = Eu henw cyntaf (os nad ydyn nhw yn skillgym eto)
cli-help-user-create-admin--family_name = Eu cyfenw (os nad ydyn nhw yn skillgym eto)
cli-help-user-create-admin--organisation_name = Enw'r sefydliad i'w greu pan nad oes un eto (pan fo mwy nag un, dewiswch eu sefydliad nhw gyda --organisation)
cli-help-user-create-admin--public_url = Y cyfeiriad y mae pobl yn ei ddefnyddio i gyrraedd skillgym, ar gyfer y ddolen fewngofnodi a argraffir, e.e. https://sgiliau.example.gov.uk
cli-help-organisation = Y sefydliadau (gwasanaethau llyfrgell) y mae'r skillgym hwn yn eu gwasanaethu
cli-help-organisation-create = Ychwanegu sefydliad, heb neb ynddo eto: rhowch weinyddwr iddo gyda `skillgym user create-admin --organisation SLUG`
cli-help-organisation-create--name = Ei enw, fel y mae ei bobl yn ei adnabod
cli-help-organisation-create--welsh_name = Ei enw yn Gymraeg, os oes ganddo un
cli-help-organisation-create--slug = Yr enw byr yn ei gyfeiriadau ac yn --organisation [rhagosodiad: wedi'i wneud o'r enw]
cli-help-organisation-create--language = Yr iaith y mae'n gweithio ynddi gyntaf: en neu cy
cli-help-organisation-list = Rhestru'r sefydliadau, gyda'u henwau byr a faint o bobl sydd gan bob un
cli-help-network = Rhwydweithiau o sefydliadau sy'n archwilio gyda'i gilydd ac yn cymharu eu ffigurau
cli-help-network-create = Creu rhwydwaith a redir gan y sefydliad a enwir gan --organisation (mae ei bobl sydd â rôl cydlynydd yn ei gydlynu)
cli-help-network-create--name = Ei enw
cli-help-network-create--welsh_name = Ei enw yn Gymraeg, os oes ganddo un
cli-help-network-create--slug = Ei enw byr [rhagosodiad: wedi'i wneud o'r enw]
cli-help-network-add-member = Gwneud y sefydliad a enwir gan --organisation yn aelod o'r rhwydwaith
cli-help-network-add-member--network = Enw byr y rhwydwaith
cli-help-network-list = Rhestru'r rhwydweithiau, gyda phwy sy'n rhedeg pob un a'i aelodau
cli-help-backup = Copïo cronfa ddata SQLite i FFEIL, yn gyson, tra bod skillgym yn dal i redeg
cli-help-backup--file = Ble i ysgrifennu'r copi (yn cymryd lle unrhyw ffeil sy'n bodoli)
cli-help-restore = Rhoi copi wrth gefn yn lle cronfa ddata SQLite; stopiwch skillgym yn gyntaf
cli-help-restore--file = Ffeil a wnaed gan `skillgym backup`
# review:
cli-help-import-catalogue = Mewnforio catalog dysgu (CSV): mae gweithgareddau y mae eu cod yn y catalog yn cael eu newid, a'r lleill yn cael eu hychwanegu, y cyfan neu ddim; gweler docs/catalogue.md
# review:
cli-help-import-catalogue--file = Y ffeil CSV
# review:
cli-help-import-completions = Mewnforio cwblhau hyfforddiant gofynnol o system ddysgu arall (CSV), y cyfan neu ddim; gweler docs/training.md
# review:
cli-help-import-completions--file = Y ffeil CSV
# review:
cli-help-export-catalogue = Allforio'r catalog dysgu fel ffeil CSV
# review:
cli-help-export-catalogue--output = Ysgrifennu i'r ffeil hon yn lle'r sgrin
# review:
cli-help-export-catalogue--language = Iaith enwau'r colofnau (fel rhagosodiad, iaith y llinell orchymyn ei hun)
# review:
cli-help-import-services = Mewnforio'r catalog gwasanaethau (CSV): mae gwasanaethau y mae eu cod yn y catalog yn cael eu newid, a'r lleill yn cael eu hychwanegu, y cyfan neu ddim; gweler docs/services.md
# review:
cli-help-import-services--file = Y ffeil CSV
# review:
cli-help-export-services = Allforio'r catalog gwasanaethau fel ffeil CSV
# review:
cli-help-export-services--output = Ysgrifennu i'r ffeil hon yn lle'r sgrin
# review:
cli-help-import-kit = Mewnforio'r gofrestr gyfarpar (CSV): mae cyfarpar y mae ei god yn y gofrestr yn cael ei newid, a'r gweddill yn cael ei ychwanegu, y cyfan neu ddim; gweler docs/kit.md
# review:
cli-help-import-kit--file = Y ffeil CSV
# review:
cli-help-export-kit = Allforio'r gofrestr gyfarpar fel ffeil CSV
# review:
cli-help-export-kit--output = Ysgrifennu i'r ffeil hon yn lle'r sgrin
# review:
cli-help-export-kit--language = Iaith enwau'r colofnau (fel rhagosodiad, iaith y llinell orchymyn ei hun)
# review:
cli-help-export-services--language = Iaith enwau'r colofnau (fel rhagosodiad, iaith y llinell orchymyn ei hun)
# review:
cli-help-plans = Cynlluniau dysgu: eu cynnig o ganlyniadau ymgyrch
# review:
cli-help-plans-propose = Cynnig cynllun dysgu deuddeg wythnos i bawb a fesurwyd gan yr ymgyrch sy'n gweithio yma a heb gynllun, a dweud faint a pha mor hir y cymerodd
# review:
cli-help-plans-propose--campaign = Rhif yr ymgyrch, fel yn ei chyfeiriad /campaigns/RHIF
# review:
cli-help-xapi = Y Storfa Cofnodion Dysgu yn /xapi/: y systemau sy'n anfon datganiadau xAPI ati, a'r Gweithgareddau y mae eu cwblhau'n cyfrif yn y matrics hyfforddiant
# review:
cli-help-xapi-client = Y systemau sy'n cael anfon datganiadau
# review:
cli-help-xapi-client-create = Gwneud allwedd a chyfrinach ar gyfer system sy'n anfon datganiadau (platfform dysgu); dangosir y gyfrinach y tro hwn yn unig
# review:
cli-help-xapi-client-create--name = Beth yw'r system, e.e. "Moodle"
# review:
cli-help-xapi-map = Cyfrif datganiadau `completed` a `passed` am Weithgaredd xAPI fel cwblhau modiwl gofyniad hyfforddiant (docs/xapi.md)
# review:
cli-help-xapi-map--requirement = Cod y gofyniad, fel ar y matrics hyfforddiant
# review:
cli-help-xapi-map--activity = Id y Gweithgaredd (IRI); gadewch ef allan i beidio â chyfrif datganiadau ar gyfer y gofyniad mwyach
