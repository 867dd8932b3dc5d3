## Sganio'r gorwel (toriadau, y crynodeb ac adroddiadau), bwrdd yr hyrwyddwyr, a'r sylwadau ar y ddau

# review:
horizon-title = Sganio'r gorwel
# review:
horizon-intro = Wedi gweld rhywbeth a fydd yn newid sut rydym yn gweithio neu beth mae'r cyhoedd yn ei ofyn i ni? Cadwch y ddolen gyda nodyn ar pam mae'n bwysig, a rhowch dag iddi. Bob chwe mis mae arweinydd yn grwpio'r hyn a gadwyd gennym ac yn ysgrifennu amdano i bawb.
# review:
horizon-clip-title = Cadw dolen
# review:
horizon-clip-intro = Rhannwch ddolen i erthygl, adroddiad neu gyhoeddiad, a dywedwch mewn brawddeg neu ddwy pam mae'n bwysig i'r gwasanaeth.
# review:
horizon-clip-send = Cadw'r ddolen
# review:
horizon-back = Yn ôl i sganio'r gorwel
# review:
horizon-url = Dolen
# review:
horizon-url-hint = Y cyfeiriad cyfan, yn dechrau https:// neu http://
# review:
horizon-url-missing = Rhowch y ddolen
# review:
horizon-url-invalid = Rhowch gyfeiriad gwe sy'n dechrau https:// neu http://, fel https://www.gov.uk
# review:
horizon-url-too-long = Rhaid i'r ddolen fod yn 2,000 o nodau neu lai
# review:
horizon-note = Pam mae'n bwysig
# review:
horizon-note-hint = Hyd at 4,000 o nodau. Testun plaen: gadewch linell wag rhwng paragraffau.
# review:
horizon-note-missing = Rhowch pam mae'n bwysig
# review:
horizon-note-too-long = Rhaid i'r nodyn fod yn 4,000 o nodau neu lai
# review:
horizon-tags = Tagiau (dewisol)
# review:
horizon-tags-hint = Rhowch goma rhwng tagiau, fel: ai, sgamiau. Hyd at 8 tag o hyd at 40 nod yr un.
# review:
horizon-tags-too-many = Rhowch 8 tag neu lai
# review:
horizon-tag-too-long = Rhaid i bob tag fod yn 40 nod neu lai
# review:
text-invalid-characters = Mae nodau yn y testun na ellir eu cadw: teipiwch ef eto yn hytrach na'i ludo
# review:
horizon-clipped = Mae'r ddolen wedi'i chadw. Gall eraill roi sylwadau arni nawr.
# review:
horizon-removed = Mae'r toriad wedi'i ddileu.
# review:
horizon-tags-heading = Tagiau
# review:
horizon-all-tags = Pob tag
# review:
horizon-tag-count = { $tag } ({ $count })
# review:
horizon-clippings-count = { $count ->
    [0] Nid oes toriadau
    [zero] Nid oes toriadau
    [one] 1 toriad
    [two] 2 doriad
    [few] { $count } toriad
    [many] { $count } thoriad
   *[other] { $count } toriad
}
# review:
horizon-clippings-tagged = { $count ->
    [0] Nid oes toriadau â'r tag “{ $tag }”
    [zero] Nid oes toriadau â'r tag “{ $tag }”
    [one] 1 toriad â'r tag “{ $tag }”
    [two] 2 doriad â'r tag “{ $tag }”
    [few] { $count } toriad â'r tag “{ $tag }”
    [many] { $count } thoriad â'r tag “{ $tag }”
   *[other] { $count } toriad â'r tag “{ $tag }”
}
# review:
horizon-none = Nid oes dim wedi'i gadw eto.
# review:
horizon-clipped-by = Cadwyd gan { $name } ar { $date }
# review:
horizon-clipped-on = Cadwyd ar { $date }
# review:
horizon-clipping-title = Toriad
# review:
horizon-remove-title = Dileu'r toriad
# review:
horizon-remove-warning = { $count ->
    [0] Bydd y toriad yn mynd am byth.
    [zero] Bydd y toriad yn mynd am byth.
    [one] Bydd y toriad a'i sylw yn mynd am byth.
    [two] Bydd y toriad a'i 2 sylw yn mynd am byth.
    [few] Bydd y toriad a'i { $count } sylw yn mynd am byth.
    [many] Bydd y toriad a'i { $count } sylw yn mynd am byth.
   *[other] Bydd y toriad a'i { $count } sylw yn mynd am byth.
}
# review:
horizon-remove-confirm = Dileu'r toriad
# review:
horizon-remove-cancel = Canslo
# review:
horizon-synthesis-title = Y crynodeb
# review:
horizon-synthesis-intro = Yr hyn a gadwyd mewn cyfnod, wedi'i grwpio yn ôl tag: mae toriad â dau dag o dan y ddau. Mae arweinydd yn ysgrifennu amdano i bawb.
# review:
horizon-halves-heading = Hanner blynyddoedd
# review:
horizon-half-first = Ionawr i Fehefin { $year }
# review:
horizon-half-second = Gorffennaf i Ragfyr { $year }
# review:
horizon-period-legend = Neu dewiswch y dyddiau
# review:
horizon-period-from = O
# review:
horizon-period-to = I
# review:
horizon-period-show = Dangos y cyfnod
# review:
horizon-period = { $from } i { $to }
# review:
horizon-period-date = Rhowch y dyddiau fel dyddiadau, fel 2026-01-31
# review:
horizon-period-backwards = Rhaid i'r diwrnod cyntaf fod ar y diwrnod olaf neu cyn hynny
# review:
horizon-synthesis-none = Ni chadwyd dim yn y cyfnod hwn.
# review:
horizon-synthesis-caption = Toriadau a sylwadau yn ôl tag
# review:
horizon-tag = Tag
# review:
horizon-clippings = Toriadau
# review:
horizon-comments = Sylwadau
# review:
horizon-no-tag = Dim tag
# review:
horizon-write-up-heading = Ysgrifennu amdano
# review:
horizon-write-up-intro = Cyhoeddwch beth mae toriadau'r cyfnod yn ei olygu i'r gwasanaeth. Gall pawb ei ddarllen, mae ar dudalen hafan pawb am 30 diwrnod, ac mae pob aelod o staff yn cael un e-bost amdano.
# review:
horizon-write-up-title = Teitl
# review:
horizon-write-up-text = Yr adroddiad
# review:
horizon-write-up-text-hint = Testun plaen, hyd at 20,000 o nodau: gadewch linell wag rhwng paragraffau.
# review:
horizon-title-missing = Rhowch deitl
# review:
horizon-title-too-long = Rhaid i'r teitl fod yn 200 o nodau neu lai
# review:
horizon-title-one-line = Rhaid i'r teitl fod ar un llinell
# review:
horizon-write-up-missing = Rhowch yr adroddiad
# review:
horizon-write-up-too-long = Rhaid i'r adroddiad fod yn 20,000 o nodau neu lai
# review:
horizon-publish = Cyhoeddi'r adroddiad
# review:
horizon-published = Mae'r adroddiad wedi'i gyhoeddi. Bydd pawb yn cael e-bost amdano o fewn ychydig funudau.
# review:
horizon-write-ups-title = Adroddiadau
# review:
horizon-write-ups-intro = Beth wnaeth yr arweinwyr o sganio'r gorwel ym mhob cyfnod.
# review:
horizon-write-ups-none = Nid oes dim wedi'i ysgrifennu eto.
# review:
horizon-write-ups-back = Yn ôl i'r adroddiadau
# review:
horizon-published-by = Cyhoeddwyd gan { $name } ar { $date }
# review:
horizon-published-on = Cyhoeddwyd ar { $date }
# review:
horizon-write-up-clippings = Toriadau'r cyfnod hwn
# review:
home-horizon-heading = Beth sydd i ddod: sganio'r gorwel
# review:
home-horizon-clip = Cadw dolen neu ddarllen beth a gadwodd eraill
# review:
horizon-email-subject = Beth sydd i ddod: { $title }
# review:
horizon-email-body =
    Annwyl { $name },

    { $title }

    { $text }

    Darllenwch y cyfan: { $url }
    Wedi gweld rhywbeth a fydd yn newid ein gwaith? Cadwch ef: { $clip }
# review:
horizon-reminder-subject = Mae'n bryd llunio crynodeb o sganio'r gorwel
# review:
horizon-reminder-body =
    Annwyl { $name },

    Mae chwe mis ers i rywun ysgrifennu adroddiad ar sganio'r gorwel ddiwethaf, felly mae'n bryd llunio crynodeb. Mae tudalen y crynodeb yn grwpio'r hyn a gadwyd rhwng { $from } a { $to } yn ôl tag; oddi yno gallwch chi ysgrifennu amdano i bawb:

    { $url }

    Rydych chi'n cael y nodyn atgoffa hwn fel arweinydd (hyfforddwr neu weinyddwr). Daw bob chwe mis nes bod rhywun yn cyhoeddi adroddiad.
# review:
audit-action-clipping-removed = Dileu toriad sganio'r gorwel
# review:
audit-action-comment-removed = Dileu sylw
# review:
audit-action-write-up-published = Cyhoeddi adroddiad sganio'r gorwel
# review:
audit-action-board-post-removed = Dileu awgrym o fwrdd yr hyrwyddwyr
# review:
audit-detail-clipping = toriad { $value }
# review:
audit-detail-comment = sylw { $value }
# review:
audit-detail-write-up = adroddiad { $value }
# review:
audit-detail-board-post = neges ar y bwrdd { $value }
# review:
board-title = Bwrdd yr hyrwyddwyr
# review:
board-champion-link = Bwrdd yr hyrwyddwyr: rhannwch awgrym
# review:
board-intro = Awgrymiadau ac arfer da gan yr hyrwyddwyr digidol a'r tîm digidol. Gall unrhyw un roi sylw.
# review:
board-new-title = Postio awgrym
# review:
board-back = Yn ôl i'r bwrdd
# review:
board-post-title = Teitl
# review:
board-post-text = Yr awgrym
# review:
board-post-text-hint = Testun plaen, hyd at 8,000 o nodau: gadewch linell wag rhwng paragraffau.
# review:
board-competence = Y sgil dan sylw (dewisol)
# review:
board-competence-hint = O fframwaith sgiliau'r sefydliad.
# review:
board-competence-unknown = Dewiswch sgil o'r rhestr
# review:
board-post-send = Postio'r awgrym
# review:
board-title-missing = Rhowch deitl
# review:
board-title-too-long = Rhaid i'r teitl fod yn 200 o nodau neu lai
# review:
board-title-one-line = Rhaid i'r teitl fod ar un llinell
# review:
board-text-missing = Rhowch yr awgrym
# review:
board-text-too-long = Rhaid i'r awgrym fod yn 8,000 o nodau neu lai
# review:
board-posted = Mae'r awgrym wedi'i bostio.
# review:
board-removed = Mae'r awgrym wedi'i ddileu.
# review:
board-none = Nid oes dim wedi'i bostio eto.
# review:
board-posted-by = Postiwyd gan { $name } ar { $date }
# review:
board-posted-on = Postiwyd ar { $date }
# review:
board-remove-title = Dileu'r awgrym
# review:
board-remove-warning = { $count ->
    [0] Bydd yr awgrym yn mynd am byth.
    [zero] Bydd yr awgrym yn mynd am byth.
    [one] Bydd yr awgrym a'i sylw yn mynd am byth.
    [two] Bydd yr awgrym a'i 2 sylw yn mynd am byth.
    [few] Bydd yr awgrym a'i { $count } sylw yn mynd am byth.
    [many] Bydd yr awgrym a'i { $count } sylw yn mynd am byth.
   *[other] Bydd yr awgrym a'i { $count } sylw yn mynd am byth.
}
# review:
board-remove-confirm = Dileu'r awgrym
# review:
board-remove-cancel = Canslo
# review:
comments-heading = { $count ->
    [0] Sylwadau
    [zero] Sylwadau
    [one] 1 sylw
    [two] 2 sylw
    [few] { $count } sylw
    [many] { $count } sylw
   *[other] { $count } sylw
}
# review:
comments-count = { $count ->
    [0] dim sylwadau
    [zero] dim sylwadau
    [one] 1 sylw
    [two] 2 sylw
    [few] { $count } sylw
    [many] { $count } sylw
   *[other] { $count } sylw
}
# review:
comments-none = Nid oes sylwadau eto.
# review:
comments-by = { $name } ar { $date }
# review:
comments-by-former = Cyn-gydweithiwr ar { $date }
# review:
comments-remove = Dileu
# review:
comments-remove-whose = y sylw o { $date }
# review:
comments-label = Ychwanegu sylw
# review:
comments-hint = Hyd at 4,000 o nodau. Gall pawb yn y gwasanaeth ei ddarllen, gyda'ch enw.
# review:
comments-send = Ychwanegu'r sylw
# review:
comment-missing = Rhowch eich sylw
# review:
comment-too-long = Rhaid i'r sylw fod yn 4,000 o nodau neu lai
# review:
comments-added = Mae eich sylw wedi'i ychwanegu.
# review:
comments-removed = Mae'r sylw wedi'i ddileu.
# review:
my-data-column-horizon-clippings-clipped-at = Cadwyd (UTC)
# review:
my-data-column-horizon-clippings-url = Dolen
# review:
my-data-column-horizon-clippings-note = Nodyn
# review:
my-data-column-horizon-clippings-tags = Tagiau
# review:
my-data-column-horizon-write-ups-published-at = Cyhoeddwyd (UTC)
# review:
my-data-column-horizon-write-ups-title = Teitl
# review:
my-data-column-horizon-write-ups-body = Adroddiad
# review:
my-data-column-board-posts-posted-at = Postiwyd (UTC)
# review:
my-data-column-board-posts-title = Teitl
# review:
my-data-column-board-posts-body = Awgrym
# review:
my-data-column-board-posts-competence = Sgil
# review:
my-data-column-comments-written-at = Ysgrifennwyd (UTC)
# review:
my-data-column-comments-on = Ar (toriad neu neges ar y bwrdd)
# review:
my-data-column-comments-on-id = Ei rif
# review:
my-data-column-comments-comment = Sylw
