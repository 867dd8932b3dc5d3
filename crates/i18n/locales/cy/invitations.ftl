# Gwahodd pobl i archwiliad drwy e-bost, nodiadau atgoffa, a dolenni heb gyfrinair.
# Welsh translation written for skillgym; to be reviewed by a native Welsh speaker before
# production use. A first review (December 2026, by a fluent reader who is not a native speaker)
# has been applied; the house style and word list it settled are in docs/welsh.md, and lines
# marked "review:" point a reviewer at choices worth a second look.

## Tudalen yr ymgyrch
invitations-heading = Gwahoddiadau drwy e-bost
invitations-invited = Wedi'u gwahodd
invitations-reminded = Wedi'u hatgoffa
invitations-waiting = Heb eu gwahodd eto (gyda chyfeiriad e-bost)
invitations-explain = Mae gwahoddiadau'n mynd i bawb y mae'r ymgyrch hon yn eu holi sydd â chyfeiriad e-bost ac sydd heb gael gwahoddiad. Mae nodiadau atgoffa'n mynd i'r rhai a wahoddwyd sydd heb orffen, unwaith yr un.
invitations-send = Anfon gwahoddiadau
reminders-send = Anfon nodiadau atgoffa nawr
invitations-not-configured = Nid yw e-bost wedi'i osod, felly ni ellir anfon gwahoddiadau. Gofynnwch i bwy bynnag sy'n rhedeg skillgym osod SKILLGYM_SMTP_URL a SKILLGYM_MAIL_FROM.
# review: plural forms of "person" (person/pobl) after numbers
# plural: no [two], [few] or [many] arm for $failed: no noun follows its figure.
invitations-sent = { $sent ->
    [zero] Ni anfonwyd gwahoddiad at neb.
    [one] Anfonwyd gwahoddiad at un person.
    [two] Anfonwyd gwahoddiadau at ddau berson.
    [few] Anfonwyd gwahoddiadau at dri pherson.
    [many] Anfonwyd gwahoddiadau at chwe pherson.
   *[other] Anfonwyd gwahoddiadau at { $sent } o bobl.
}{ $failed ->
    [0] {""}
    [one] {" "}Ni ellid anfon un: gweler isod.
   *[other] {" "}Ni ellid anfon { $failed }: gweler isod.
}
# plural: no [two], [few] or [many] arm for $failed: no noun follows its figure.
reminders-sent = { $sent ->
    [zero] Ni anfonwyd nodyn atgoffa at neb.
    [one] Anfonwyd nodyn atgoffa at un person.
    [two] Anfonwyd nodiadau atgoffa at ddau berson.
    [few] Anfonwyd nodiadau atgoffa at dri pherson.
    [many] Anfonwyd nodiadau atgoffa at chwe pherson.
   *[other] Anfonwyd nodiadau atgoffa at { $sent } o bobl.
}{ $failed ->
    [0] {""}
    [one] {" "}Ni ellid anfon un: gweler isod.
   *[other] {" "}Ni ellid anfon { $failed }: gweler isod.
}
invitations-campaign-not-open = Dim ond tra bo'r ymgyrch ar agor y gellir anfon gwahoddiadau a nodiadau atgoffa.
invitations-failed-heading = Negeseuon e-bost na ellid eu hanfon
invitations-kind-invite = gwahoddiad
invitations-kind-reminder = nodyn atgoffa
invitations-links-allowed = Gadael i bobl agor yr archwiliad o'r e-bost heb gyfrinair
invitations-links-hint = Yna mae pob e-bost yn cynnwys dolen i'r person hwnnw yn unig, sy'n gweithio nes i'r ymgyrch gau. Mae'n agor yr archwiliad hwn a'u canlyniadau, a dim byd arall.
invitations-reminder-days = Atgoffa'r rhai sydd heb orffen ar ôl (diwrnodau)
invitations-reminder-days-hint = Anfonir nodyn atgoffa unwaith, hyn o ddiwrnodau ar ôl y gwahoddiad, tra bo'r ymgyrch ar agor.
invitations-settings-save = Cadw'r gosodiadau e-bost
invitations-settings-saved = Cadwyd y gosodiadau e-bost.

## Y ddolen
invitation-link-refused-title = Nid yw'r ddolen hon yn gweithio
invitation-link-refused = Efallai fod y ddolen wedi dod i ben, wedi'i newid, neu wedi'i diffodd gan eich gwasanaeth. Gallwch fewngofnodi o hyd i wneud yr archwiliad.
invitation-link-sign-in = Mewngofnodi
invitation-link-open-title = Agor eich archwiliad
invitation-link-open-lead = Mae'r ddolen hon i chi gymryd rhan yn:
invitation-link-open-only = Mae'n agor yr archwiliad hwn a'ch canlyniadau yn unig, heb gyfrinair. Os nad oedd y ddolen hon i chi, caewch y dudalen hon.
invitation-link-open-button = Ymlaen i'r archwiliad

## Y negeseuon e-bost (testun plaen)
invitation-email-link-personal = Mae'r ddolen hon i chi yn unig: peidiwch â'i hanfon ymlaen.
invitation-email-link-sign-in = Gofynnir i chi fewngofnodi.
# review: "Please take part" = "Cymerwch ran"
invitation-email-subject = Cymerwch ran: { $campaign }
invitation-email-body =
    Helo { $name },

    Mae { $organisation } yn holi staff a gwirfoddolwyr am eu sgiliau digidol yn "{ $campaign }". Mae eich atebion yn cael eu cadw wrth i chi fynd, felly gallwch stopio a pharhau yn nes ymlaen.

    Nid prawf yw hwn: mae'n helpu eich gwasanaeth i weld ble byddai hyfforddiant yn helpu fwyaf, ac yn eich helpu chi i ddewis beth i'w ddysgu nesaf.

    Cymerwch ran erbyn { $closes }:
    { $link }

    { $how }

    Diolch,
    { $organisation }
reminder-email-subject = Nodyn atgoffa: mae { $campaign } yn cau ar { $closes }
reminder-email-body =
    Helo { $name },

    Nodyn i'ch atgoffa bod "{ $campaign }" ar agor tan { $closes }. Os ydych chi wedi dechrau, byddwch chi'n parhau o'r man lle gwnaethoch chi stopio.

    { $link }

    { $how }

    Diolch,
    { $organisation }

## Cymorth y llinell orchymyn ar gyfer y gosodiadau e-bost (gweler crates/skillgym/src/help.rs)
