# skillgym: mewngofnodi gyda chyfrif y sefydliad (OpenID Connect), a'i osodiadau.
# Welsh translation written for skillgym; to be reviewed by a native Welsh speaker before
# production use. A first review (December 2026, by a fluent reader who is not a native speaker)
# has been applied; the house style and word list it settled are in docs/welsh.md, and lines
# marked "review:" point a reviewer at choices worth a second look.

nav-settings = Gosodiadau

## Y dudalen fewngofnodi
# review: "your organisation's account" = the work account (Microsoft / Google) people already use
sso-sign-in-button = Mewngofnodi gyda chyfrif eich sefydliad
sso-sign-in-intro = Mewngofnodwch gyda'r cyfrif rydych chi'n ei ddefnyddio ar gyfer e-bost a chyfrifiaduron eich sefydliad.
sso-sign-in-or = Neu fewngofnodwch gyda'ch cyfrinair skillgym.

## Pan nad yw mewngofnodi drwy gyfrif y sefydliad yn gweithio
sso-refused-title = Nid oedd modd eich mewngofnodi
sso-refused-expired = Mae'r mewngofnodi hwn wedi dod i ben neu wedi'i ddefnyddio'n barod. Dechreuwch eto o'r dudalen mewngofnodi.
# review: "sign-in service" = the organisation's identity provider
sso-refused-provider = Ni wnaeth gwasanaeth mewngofnodi eich sefydliad eich mewngofnodi. Efallai eich bod wedi canslo, neu efallai ei fod wedi gwrthod. Dechreuwch eto o'r dudalen mewngofnodi.
sso-refused-failed = Ni wnaeth gwasanaeth mewngofnodi eich sefydliad gadarnhau pwy ydych chi. Rhowch gynnig arall arni; os yw'n dal i ddigwydd, dywedwch wrth eich gweinyddwr skillgym.
sso-refused-unknown = Nid yw cyfrif eich sefydliad yn cyfateb i neb yn skillgym. Gofynnwch i'ch gweinyddwr skillgym wirio'r cyfeiriad e-bost neu'r rhif cyflogai ar eich cofnod.
sso-refused-other-identity = Cafodd y cyfrif skillgym hwn ei ddefnyddio gyntaf gyda chyfrif gwahanol yng ngwasanaeth mewngofnodi eich sefydliad, felly ni allwch chi fewngofnodi iddo. Os ydych chi newydd ymuno, efallai mai rhywun arall oedd piau eich cyfeiriad e-bost neu'ch rhif cyflogai o'r blaen: gofynnwch i'ch gweinyddwr skillgym wirio'ch cofnod.
sso-refused-unavailable = Nid oes modd cyrraedd gwasanaeth mewngofnodi eich sefydliad. Rhowch gynnig arall arni ymhen ychydig funudau; os yw'n dal i ddigwydd, dywedwch wrth eich gweinyddwr skillgym.
sso-refused-back = Mynd i'r dudalen mewngofnodi

## Gosodiadau
settings-title = Gosodiadau
settings-saved = Mae eich gosodiadau wedi'u cadw.
settings-sso-heading = Mewngofnodi gyda chyfrif eich sefydliad
# review: technical terms (OpenID Connect, Microsoft Entra ID, Google Workspace) are left in English on purpose
settings-sso-intro = Gall skillgym adael i bobl fewngofnodi gyda'r cyfrif maen nhw eisoes yn ei ddefnyddio yn y gwaith, drwy OpenID Connect (er enghraifft Microsoft Entra ID neu Google Workspace). Cofrestrwch skillgym gyda'ch darparwr yn gyntaf.
# review: "redirect address" (redirect URI)
settings-redirect-uri = Y cyfeiriad ailgyfeirio i'w roi i'ch darparwr: { $uri }
# review: "Issuer URL" (the OpenID Connect issuer)
sso-issuer = URL y cyhoeddwr
sso-issuer-hint = Y cyfeiriad lle mae eich darparwr yn cyhoeddi ei osodiadau OpenID Connect. Rhaid iddo ddechrau gyda https:// (dim ond ar gyfer darparwr ar y cyfrifiadur hwn, yn 127.0.0.1 neu localhost, i brofi, y caniateir http://).
# review: "Client ID" is often left in English in Welsh IT guidance
sso-client-id = ID cleient
sso-client-id-hint = Yr ID a roddodd eich darparwr i skillgym pan wnaethoch chi ei gofrestru.
sso-client-secret = Cyfrinach cleient
sso-client-secret-hint = Y gyfrinach a roddodd eich darparwr i skillgym. Ni chaiff ei dangos eto ar ôl ei chadw.
sso-client-secret-hint-saved = Mae cyfrinach wedi'i chadw. Gadewch hwn yn wag i'w chadw, neu rowch un newydd yn ei lle. Ni chaiff cyfrinachau sydd wedi'u cadw fyth eu dangos.
# review: "claim" (a field in the ID token)
sso-employee-number-claim = Hawliad rhif cyflogai (dewisol)
sso-employee-number-claim-hint = Enw'r hawliad y mae eich darparwr yn anfon rhif cyflogai unigolyn ynddo, er enghraifft employee_id. Gadewch yn wag i baru pobl yn ôl cyfeiriad e-bost yn unig.
sso-passwords = A all pobl fewngofnodi gyda chyfrinair skillgym hefyd?
sso-passwords-hint = Os byddwch chi'n diffodd cyfrineiriau, rhaid i bawb fewngofnodi gyda chyfrif eu sefydliad, gan gynnwys gweinyddwyr.
sso-passwords-on = Gallan, mae cyfrineiriau'n dal i weithio
sso-passwords-off = Na allan, cyfrifon y sefydliad yn unig

## Gwallau yn y gosodiadau
sso-issuer-missing = Rhowch URL y cyhoeddwr
sso-issuer-invalid = Rhowch URL y cyhoeddwr fel cyfeiriad gwe, fel https://login.example.com
sso-issuer-not-https = Rhaid i URL y cyhoeddwr ddechrau gyda https://
sso-issuer-unreachable = Nid oedd skillgym yn gallu darllen y gosodiadau OpenID Connect yn URL y cyhoeddwr hwn. Gwiriwch y cyfeiriad, a bod y darparwr yn rhedeg.
sso-client-id-missing = Rhowch yr ID cleient
sso-client-id-invalid = Rhowch yr ID cleient heb fylchau, mewn 255 nod ar y mwyaf
sso-client-secret-missing = Rhowch y gyfrinach cleient
sso-client-secret-invalid = Rhowch y gyfrinach cleient heb fylchau, mewn 1000 nod ar y mwyaf
sso-employee-number-claim-invalid = Rhowch enw hawliad sydd wedi'i wneud o lythrennau, digidau, dotiau, cysylltnodau a thanlinellau
sso-passwords-missing = Dewiswch a all pobl fewngofnodi gyda chyfrinair hefyd
