# Negeseuon y mae'r llinell orchymyn yn eu hargraffu.
# Welsh translation written for skillgym; to be reviewed by a native Welsh speaker before
# production use. A first review (December 2026, by a fluent reader who is not a native speaker)
# has been applied; the house style and word list it settled are in docs/welsh.md, and lines
# marked "review:" point a reviewer at choices worth a second look.

cli-listening = Mae skillgym yn rhedeg ar { $url }
cli-stop-hint = Pwyswch Ctrl+C i stopio.
cli-demo-ready = Mae'r sefydliad demo { $name } yn barod, gyda { $people } o bobl.
cli-demo-sign-ins = Mewngofnodwch fel unrhyw un o'r rhain (cyfrinair: { $password }):
cli-demo-sign-in-line = { $email } – { $label }
cli-demo-created = Wrthi'n creu'r sefydliad demo…
cli-migrated = Mae'r gronfa ddata yn gyfredol.
cli-import-checking = Wrthi'n gwirio { $file }…
cli-import-saving = Wrthi'n cadw { $count ->
    [zero] { $count } o bobl
    [one] un person
    [two] dau berson
    [few] tri pherson
    [many] chwe pherson
   *[other] { $count } o bobl
}…
cli-import-done = Wedi mewnforio: { $added } wedi'u hychwanegu, { $updated } wedi'u diweddaru, { $unchanged } heb newid.
cli-import-teams-added = Timau newydd: { $teams }
cli-import-marked-left = { $count ->
    [zero] Ni nodwyd bod neb wedi gadael heddiw.
    [one] Nodwyd bod un person nad yw yn y ffeil wedi gadael heddiw.
    [two] Nodwyd bod dau berson nad ydyn nhw yn y ffeil wedi gadael heddiw.
    [few] Nodwyd bod tri pherson nad ydyn nhw yn y ffeil wedi gadael heddiw.
    [many] Nodwyd bod chwe pherson nad ydyn nhw yn y ffeil wedi gadael heddiw.
   *[other] Nodwyd bod { $count } o bobl nad ydyn nhw yn y ffeil wedi gadael heddiw.
}
cli-import-absent-kept = { $count ->
    [zero] Mae pawb yn skillgym yn y ffeil.
    [one] Mae un person yn skillgym nad yw yn y ffeil, ac mae wedi'i adael fel y mae; byddai --absent left yn nodi ei fod wedi gadael.
    [two] Mae dau berson yn skillgym nad ydyn nhw yn y ffeil, ac maen nhw wedi'u gadael fel y maen nhw; byddai --absent left yn nodi eu bod wedi gadael.
    [few] Mae tri pherson yn skillgym nad ydyn nhw yn y ffeil, ac maen nhw wedi'u gadael fel y maen nhw; byddai --absent left yn nodi eu bod wedi gadael.
    [many] Mae chwe pherson yn skillgym nad ydyn nhw yn y ffeil, ac maen nhw wedi'u gadael fel y maen nhw; byddai --absent left yn nodi eu bod wedi gadael.
   *[other] Mae { $count } o bobl yn skillgym nad ydyn nhw yn y ffeil, ac maen nhw wedi'u gadael fel y maen nhw; byddai --absent left yn nodi eu bod wedi gadael.
}
cli-import-most-would-leave = Nid oes dim wedi'i fewnforio: byddai'r ffeil yn nodi bod { $count } o'r { $current } o bobl yn skillgym wedi gadael, sef mwy na hanner. Gwiriwch fod y ffeil yn allforiad llawn o'ch system Adnoddau Dynol; i nodi eu bod i gyd wedi gadael serch hynny, ychwanegwch --yes.
cli-import-refused = Nid oes dim wedi'i fewnforio: mae { $count ->
    [zero] { $count } o broblemau
    [one] un broblem
    [two] dwy broblem
    [few] tair problem
    [many] chwe phroblem
   *[other] { $count } o broblemau
} yn y ffeil.
cli-import-problem = llinell { $line }, colofn { $field }: { $message }
cli-import-problem-file = { $message }
cli-no-organisation = Nid oes sefydliad eto. Crëwch un gyda: skillgym user create-admin --organisation-name "Eich gwasanaeth llyfrgell" --email you@example.org --given-name "Eich enw cyntaf" --family-name "Eich cyfenw"
cli-admin-created = Mae { $email } bellach yn weinyddwr.
cli-admin-link = Gallan nhw ddewis cyfrinair yma (mae'r ddolen yn gweithio unwaith, am 7 diwrnod): { $url }
cli-admin-exists = Mae gan { $email } gyfrif yn barod; maen nhw bellach yn weinyddwr.
cli-error = Gwall: { $message }
cli-database-unreachable = Nid oes modd cyrraedd y gronfa ddata yn { $url }. Gwiriwch DATABASE_URL, a bod y gronfa ddata yn rhedeg.
cli-file-unreadable = Nid oes modd darllen { $file }: { $reason }
cli-report-no-campaign = Nid oes ymgyrch { $campaign }. Mae ei rhif yn ei chyfeiriad: /campaigns/RHIF.
cli-report-no-grouping = Ni all yr ymgyrch gymharu grwpiau yn ôl “{ $by }”. Dewiswch un o: { $offered }.
cli-report-no-earlier = Ni ellir cymharu ymgyrch { $campaign } ag ymgyrch { $earlier }: nid yw honno'n ymgyrch gynharach ar yr un fframwaith. Dewiswch un o: { $offered }.
cli-report-no-earlier-none = Ni ellir cymharu ymgyrch { $campaign } ag ymgyrch { $earlier }: nid oes ymgyrch gynharach ar yr un fframwaith.
# review: "tabl" for a table of figures.
cli-report-no-table = Nid oes tabl “{ $table }” mewn adroddiad. Dewiswch un o: { $offered }.
cli-report-no-person = Nid oes neb â'r rhif neu'r cyfeiriad e-bost “{ $person }”.
cli-report-anonymous = Mae ymgyrch { $campaign } yn ddienw: dim ond i'r person a'u rhoddodd y dangosir ei hatebion, felly ni ellir ei hadrodd gyda --person neu --profiles.

## Camgymeriadau ar y llinell orchymyn, a gosodiadau na ellir eu defnyddio.
cli-usage-invalid-value = Nid yw “{ $value }” yn werth y mae { $arg } yn ei gymryd.
cli-usage-invalid-choice = Nid yw “{ $value }” yn werth y mae { $arg } yn ei gymryd. Dewiswch un o: { $valid }.
cli-usage-unknown-argument = Nid yw { $arg } yn un o opsiynau'r gorchymyn hwn.
cli-usage-unknown-command = Nid oes gorchymyn o'r enw “{ $command }”.
cli-usage-missing = Rhowch { $args } hefyd.
cli-usage-missing-command = Dewiswch orchymyn: { $commands }.
cli-usage-conflict = Ni ellir rhoi { $arg } ynghyd â { $prior }.
cli-usage-values = Mae gan { $arg } y nifer anghywir o werthoedd.
cli-usage-not-utf8 = Nid yw un o'r dadleuon yn destun UTF-8 dilys.
cli-usage-not-understood = Ni ellir deall y llinell orchymyn.
cli-usage-did-you-mean = Oeddech chi'n golygu { $suggested }?
cli-usage-more = I weld beth mae'n ei gymryd, rhedwch: { $command } --help
cli-data-folder-uncreatable = Ni ellir creu'r ffolder data { $folder }
cli-settings-unreadable = Ni ellir darllen y ffeil gosodiadau { $file }
cli-settings-invalid = Nid yw'r ffeil gosodiadau { $file } yn ddilys
cli-session-lifetime-invalid = Rhaid i oes sesiwn (SKILLGYM_SESSION_LIFETIME_HOURS, --session-lifetime-hours neu session_lifetime_hours) fod yn nifer cyfan o oriau o 1 i { $max }.
cli-mail-from-missing = Mae SKILLGYM_SMTP_URL wedi'i osod ond nid yw SKILLGYM_MAIL_FROM: gosodwch y cyfeiriad y daw gwahoddiadau ohono.
cli-cannot-listen = Ni ellir gwrando ar { $address }: efallai bod rhaglen arall yn ei ddefnyddio.
cli-migration-failed = Ni ellid diweddaru'r gronfa ddata.
cli-admin-not-created = Ni ellid creu'r gweinyddwr.
cli-organisation-unknown = Nid oes sefydliad “{ $slug }”. Dewiswch un o: { $slugs }
cli-organisation-which = Mae'r skillgym hwn yn gwasanaethu mwy nag un sefydliad: dywedwch pa un gyda --organisation, un o: { $slugs }
cli-organisation-created = Crëwyd { $name }, a'i enw byr yw { $slug }. Rhowch weinyddwr iddo gyda: skillgym user create-admin --organisation { $slug } --email eu.cyfeiriad@example.org
cli-organisation-line = { $slug }: { $name } ({ $people ->
        [zero] { $people } o bobl
        [one] { $people } person
        [two] { $people } berson
        [few] { $people } pherson
        [many] { $people } pherson
       *[other] { $people } o bobl
    })
cli-organisation-bad-name = Rhowch enw'r sefydliad gyda --name, mewn 200 nod ar y mwyaf.
cli-organisation-bad-language = Dewiswch en (Saesneg) neu cy (Cymraeg) ar gyfer --language.
cli-organisation-slug-taken = Mae gan sefydliad arall yr enw byr { $slug } eisoes. Dewiswch un arall gyda --slug.
cli-admin-elsewhere = Mae gan { $email } gyfrif mewn sefydliad arall. Mae person yn perthyn i un sefydliad: defnyddiwch gyfeiriad e-bost arall.
invalid-organisation-slug = Rhowch enw byr o hyd at 40 o lythrennau bach, digidau a chysylltnodau sengl (-), heb ddechrau na gorffen gydag un
invalid-organisation-slug-missing = Rhowch enw byr ar gyfer y sefydliad
cli-network-created = Crëwyd y rhwydwaith { $name }, a'i enw byr yw { $slug }, wedi'i redeg gan { $organisation }. Rhowch rôl cydlynydd i'w gydlynwyr, ac ychwanegwch aelodau gyda: skillgym network add-member { $slug } --organisation AELOD
cli-network-slug-taken = Mae gan rwydwaith arall yr enw byr { $slug } eisoes. Dewiswch un arall gyda --slug.
cli-network-unknown = Nid oes rhwydwaith “{ $slug }”. Gwelwch nhw gyda: skillgym network list
cli-network-member-added = Mae { $organisation } bellach yn aelod o { $network }.
cli-network-member-already = Roedd { $organisation } eisoes yn aelod o { $network }.
cli-network-none = Nid oes rhwydwaith eto. Crëwch un gyda: skillgym network create --name "Eich rhwydwaith" --organisation SLUG
cli-network-line = { $slug }: { $name }, wedi'i redeg gan { $organisation }; aelodau: { $members }
cli-network-no-members = dim eto

## skillgym plans propose
# review:
cli-plans-proposed = Cynigiwyd { $made ->
    [zero] dim cynlluniau
    [one] 1 cynllun
    [two] 2 gynllun
    [few] { $made } chynllun
    [many] { $made } chynllun
   *[other] { $made } cynllun
} mewn { $seconds } eiliad ({ $worked } yn eu cyfrifo, { $written } yn eu hysgrifennu). Gyda chynllun yn barod: { $planned }. Dim i gynllunio ohono: { $unmeasured }. Dim yn y catalog sy'n ffitio: { $unfitted }.
# review:
cli-plans-anonymous = Mae ymgyrch { $campaign } yn ddienw: dim ond i'r sawl a'u rhoddodd y dangosir ei hatebion, felly ni chynigir cynllun ohoni.

## skillgym xapi
# review:
cli-xapi-client-created = Gwnaed y cleient “{ $name }” ar gyfer { $organisation }. Mae'n anfon datganiadau i { $endpoint } gyda manylion HTTP Basic:
    allwedd: { $key }
    cyfrinach: { $secret }
    Cadwch y gyfrinach nawr: nid yw'n cael ei storio ac ni ellir ei dangos eto.
# review:
cli-xapi-bad-name = Rhowch enw i'r cleient gyda --name, mewn 200 nod ar y mwyaf.
# review:
cli-xapi-bad-activity = Nid yw “{ $activity }” yn IRI: rhowch id y Gweithgaredd fel y mae'r system ddysgu yn ei anfon, e.e. https://learning.example.org/courses/data-protection
# review:
cli-xapi-mapped = Mae datganiadau bod rhywun wedi cwblhau neu basio { $activity } bellach yn cyfrif fel cwblhau { $requirement }.
# review:
cli-xapi-unmapped = Nid oes datganiadau'n cyfrif fel cwblhau { $requirement } mwyach.
# review:
cli-xapi-no-requirement = Nid oes gofyniad hyfforddiant â'r cod “{ $requirement }”.
