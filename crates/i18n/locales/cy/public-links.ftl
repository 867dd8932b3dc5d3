# Archwiliadau sy'n agored i bobl y tu allan i'r ffeil staff, drwy ddolen gyhoeddus.

# review:
take-title = Gwneud yr archwiliad
# review:
take-lead = Mae'r archwiliad hwn yn gofyn pa mor hyderus rydych chi'n teimlo gyda sgiliau digidol bob dydd, ac yna ambell gwestiwn sy'n gwirio'r hyn rydych chi'n ei wybod. Caiff eich atebion eu cadw wrth i chi fynd.
# review:
take-who = Mae'n agored i bobl nad ydyn nhw ar restr staff gwasanaeth llyfrgell, fel gwirfoddolwyr, darpar arweinwyr a phartneriaid.
# review:
take-anonymous = Ni fyddwn yn gofyn am eich enw na'ch cyfeiriad e-bost. Mae eich atebion yn cyfrif yn y ffigurau gydag atebion pawb arall, ac ni ddangosir byth grwpiau sy'n rhy fach i guddio neb.
# review:
take-email-why = Byddwn yn anfon dolen i'ch cyfeiriad e-bost. Dilynwch hi i ddechrau: mae pob cyfeiriad yn ateb unwaith, ac mae dilyn dolen newydd yn nes ymlaen yn mynd â chi'n ôl at eich atebion. Dim ond ffurf wedi'i chodio o'ch cyfeiriad rydyn ni'n ei chadw, na ellir ei darllen, ac ni fyddwn yn ysgrifennu atoch eto.
# review:
take-cookie = Mae hyn yn gosod cwci fel y gallwch ddod yn ôl at eich atebion yn y porwr hwn nes i'r archwiliad gau.
# review:
take-organisation = Gyda pha wasanaeth llyfrgell rydych chi'n gweithio neu'n gwirfoddoli?
# review:
take-organisation-missing = Dewiswch y gwasanaeth llyfrgell rydych chi'n gweithio neu'n gwirfoddoli gydag ef
# review:
take-email = Cyfeiriad e-bost
# review:
take-email-hint = Byddwn yn anfon y ddolen i ddechrau yma.
# review:
take-send-link = Anfonwch y ddolen ataf
# review:
take-start = Dechrau nawr
# review:
take-throttled = Mae gormod o bobl wedi dechrau o'r cysylltiad hwn yn yr awr ddiwethaf. Rhowch gynnig arall arni yn nes ymlaen.
# review:
take-email-failed = Nid oedd modd anfon yr e-bost ar hyn o bryd. Rhowch gynnig arall arni ymhen ychydig funudau.
# review:
take-email-subject = Eich dolen i { $campaign }
# review:
take-email-body =
    Gofynnodd rhywun, chi mae'n debyg, am wneud { $campaign } gyda'r cyfeiriad e-bost hwn.

    Dilynwch y ddolen hon i ddechrau, neu i fynd yn ôl at eich atebion:
    { $url }

    Mae'r ddolen yn gweithio unwaith, am { $hours } awr. Os na wnaethoch ofyn amdani, gallwch anwybyddu'r e-bost hwn: nid oes dim wedi'i wneud gyda'ch cyfeiriad.
# review:
take-sent-title = Edrychwch ar eich e-bost
# review:
take-sent-lead = Os gall y cyfeiriad a roesoch dderbyn e-bost, mae dolen i ddechrau ar ei ffordd ato.
# review:
take-sent-expiry = Mae'r ddolen yn gweithio unwaith, am { $hours } awr. Os nad yw'n cyrraedd, edrychwch yn eich ffolder sothach, neu ewch yn ôl i ofyn am un arall.
# review:
take-sent-nothing = Nid oes dim yn cael ei gadw gyda'ch cyfeiriad nes i chi ddilyn y ddolen.
# review:
take-confirm-title = Cadarnhewch eich cyfeiriad e-bost
# review:
take-confirm-lead = Rydych chi wedi dilyn y ddolen a anfonwyd gennym. Ewch ymlaen i ddechrau, neu i fynd yn ôl at eich atebion i:
# review:
take-confirm-button = Parhau

# review:
audit-start-public = Rydych chi'n ateb drwy ddolen gyhoeddus. Nid oes enw ar eich atebion: maen nhw'n cyfrif yn y ffigurau gydag atebion pawb arall, ac ni ddangosir byth grwpiau sy'n rhy fach i guddio neb.

# review:
public-link-heading = Dolen gyhoeddus
# review:
public-link-explain = Mae dolen gyhoeddus yn gadael i bobl nad ydyn nhw ar unrhyw restr staff ateb: gwirfoddolwyr, darpar arweinwyr, partneriaid. Mae eu hatebion yn cyfrif yn y ffigurau fel atebion pawb arall, wedi'u grwpio yn ôl y cwestiynau proffil. Nid oes neb sy'n ateb drwyddi yn cael cyfrif.
# review:
public-link-address = Rhowch y cyfeiriad hwn i bobl:
# review:
public-link-counts = Drwy'r ddolen: { $started } wedi dechrau, { $submitted } wedi gorffen.
# review:
public-link-mode = Pwy sy'n gallu ateb drwy'r ddolen
# review:
public-link-closed = Neb: mae'r ddolen ar gau
# review:
public-link-anonymous = Unrhyw un sydd â'r ddolen, yn ddienw
# review:
public-link-email = Unrhyw un sydd â'r ddolen, unwaith fesul cyfeiriad e-bost, wedi'i gadarnhau gan ddolen a anfonir ato
# review:
public-link-email-needs-mail = Mae unwaith fesul cyfeiriad e-bost angen i e-bost gael ei osod (SKILLGYM_SMTP_URL).
# review:
public-link-save = Cadw

# review:
audit-action-public-link-changed = Newid dolen gyhoeddus ymgyrch
# review:
audit-detail-public-anonymous = yn agored i unrhyw un
# review:
audit-detail-public-email = yn agored unwaith fesul cyfeiriad e-bost wedi'i gadarnhau
# review:
audit-detail-public-closed = ar gau

# review:
cli-demo-public-link = Gall rhywun nad yw ar unrhyw restr staff ateb ymgyrch y rhwydwaith drwy ei dolen gyhoeddus: { $path } yn y cyfeiriad isod.
