# Yr allwedd gyfrinachol sy'n amgryptio cyfrinach cleient mewngofnodi sengl yn y gronfa ddata, ac
# y daw'r allwedd sy'n llofnodi dolenni archwilio heb gyfrinair ohoni.
# Welsh translation written for skillgym; to be reviewed by a native Welsh speaker before
# production use. A first review (December 2026, by a fluent reader who is not a native speaker)
# has been applied; the house style and word list it settled are in docs/welsh.md, and lines
# marked "review:" point a reviewer at choices worth a second look.

cli-help-serve--secret_key = Yr allwedd sy'n amgryptio cyfrinach cleient mewngofnodi sengl ac yn llofnodi dolenni archwilio heb gyfrinair (32 beit ar hap fel base64, e.e. o `openssl rand -base64 32`); mae'n well defnyddio'r newidyn amgylchedd. Rhagosodiad: y ffeil allwedd DATA_DIR/secret.key, a wneir y tro cyntaf
cli-help-demo--secret_key = Yr allwedd sy'n amgryptio cyfrinach cleient mewngofnodi sengl ac yn llofnodi dolenni archwilio heb gyfrinair (32 beit ar hap fel base64); rhagosodiad: y ffeil allwedd DATA_DIR/secret.key, a wneir y tro cyntaf
cli-secret-key-created = Gwnaed allwedd gyfrinachol newydd yn { $file }. Mae'n amgryptio cyfrinach cleient mewngofnodi sengl ac yn llofnodi dolenni archwilio heb gyfrinair: gwnewch gopi wrth gefn ohoni, a rhowch yr un allwedd i bob enghraifft o skillgym sy'n rhannu'r gronfa ddata hon (y ffeil hon, neu SKILLGYM_SECRET_KEY).
cli-secret-key-malformed = Nid yw'r allwedd gyfrinachol o { $source } yn ddilys: rhaid iddi fod yn 32 beit ar hap wedi'u hysgrifennu fel base64, er enghraifft o: openssl rand -base64 32
cli-secret-key-file = Nid oes modd darllen na chreu'r ffeil allwedd gyfrinachol { $file }: { $reason }
cli-secret-key-wrong = Cafodd cyfrinach cleient mewngofnodi sengl yn y gronfa ddata ei hamgryptio gydag allwedd gyfrinachol wahanol, felly ni fydd mewngofnodi sengl yn gweithio ar yr enghraifft hon o skillgym. Rhowch yr un allwedd i bob enghraifft (copïwch y ffeil allwedd, neu osodwch SKILLGYM_SECRET_KEY); daeth allwedd yr enghraifft hon o { $source }. Os yw'r allwedd ar goll, gall gweinyddwr roi'r gyfrinach cleient eto ar y dudalen gosodiadau (mae skillgym sign-in passwords on yn gadael iddyn nhw fewngofnodi yn y cyfamser).
sso-client-secret-unreadable = Nid oes modd dadgryptio'r gyfrinach cleient sydd wedi'i chadw yma: mae gan yr enghraifft hon o skillgym allwedd gyfrinachol wahanol i'r un a'i hamgryptiodd, felly nid yw mewngofnodi sengl yn gweithio. Rhowch yr un allwedd i bob enghraifft, neu rowch y gyfrinach cleient eto.
