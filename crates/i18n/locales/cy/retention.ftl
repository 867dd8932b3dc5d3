# Cadw data: am faint mae skillgym yn cadw data pobl sydd wedi gadael (gosodiadau, i weinyddwyr).
# Welsh translation written for skillgym; to be reviewed by a native Welsh speaker before
# production use. A first review (December 2026, by a fluent reader who is not a native speaker)
# has been applied; the house style and word list it settled are in docs/welsh.md, and lines
# marked "review:" point a reviewer at choices worth a second look.

retention-title = Cyfnod cadw ar gyfer pobl sydd wedi gadael
retention-heading = Cyfnod cadw
# plural: no [zero] arm: the retention period is at least 1 month.
retention-current = { $months ->
    [one] Caiff pobl sydd wedi gadael eu dileu pan fydd mis wedi mynd heibio ers y diwrnod y gwnaethon nhw adael.
    [two] Caiff pobl sydd wedi gadael eu dileu pan fydd dau fis wedi mynd heibio ers y diwrnod y gwnaethon nhw adael.
    [few] Caiff pobl sydd wedi gadael eu dileu pan fydd tri mis wedi mynd heibio ers y diwrnod y gwnaethon nhw adael.
    [many] Caiff pobl sydd wedi gadael eu dileu pan fydd chwe mis wedi mynd heibio ers y diwrnod y gwnaethon nhw adael.
   *[other] Caiff pobl sydd wedi gadael eu dileu pan fydd { $months } mis wedi mynd heibio ers y diwrnod y gwnaethon nhw adael.
}
retention-change-link = Newid y cyfnod cadw
retention-back = Yn ôl i'r gosodiadau
retention-saved = Mae'r cyfnod cadw wedi'i gadw.
retention-how-heading = Beth sy'n digwydd
retention-how-left-on = Pan fydd rhywun yn gadael, rhowch y diwrnod y gadawodd ar ei dudalen (neu, pan fydd ffeil staff lawn gan Adnoddau Dynol yn ei adael allan, dewiswch nodi ei fod wedi gadael ar dudalen wirio'r mewnforio). Tan hynny, mae skillgym yn ei drin fel aelod o staff.
retention-how-erased = Pan fydd y cyfnod cadw ar ôl y diwrnod hwnnw wedi dod i ben, mae skillgym yn ei ddileu'n awtomatig, o fewn yr awr. Mae hyn yn dileu, am byth:
retention-how-kept = Dim ond mewn ffigurau ar gyfer grwpiau o { $threshold } neu fwy o bobl y mae ei atebion i'r archwiliad yn aros, ac ni all y rheini ei adnabod.
retention-how-trail = Caiff pob dileu ei gofnodi yn y trywydd archwilio, fel gwaith a wnaed gan skillgym (tasg wedi'i threfnu). Caiff newidiadau i'r cyfnod cadw eu cofnodi yno hefyd.
retention-now-heading = I bwy mae'n berthnasol nawr
retention-leavers = { $count ->
    [zero] Nid yw skillgym yn cadw data neb sydd wedi gadael.
    [one] Mae skillgym yn cadw data un person sydd wedi gadael.
    [two] Mae skillgym yn cadw data dau berson sydd wedi gadael.
    [few] Mae skillgym yn cadw data tri pherson sydd wedi gadael.
    [many] Mae skillgym yn cadw data chwe pherson sydd wedi gadael.
   *[other] Mae skillgym yn cadw data { $count } o bobl sydd wedi gadael.
}
retention-next = Y nesaf: rhywun a adawodd ar { $left }, a gaiff ei ddileu ar { $erased }.
retention-change-heading = Newid y cyfnod cadw
retention-months = Cyfnod cadw, mewn misoedd
retention-months-hint = Misoedd cyfan, o 1 i 120 (10 mlynedd). Dilynwch amserlen cadw cofnodion eich cyngor: mae llawer yn cadw cofnodion staff am 24 mis (2 flynedd) neu 72 mis (6 blynedd) ar ôl i rywun adael.
retention-months-missing = Rhowch y cyfnod cadw mewn misoedd
retention-months-not-whole = Rhowch y cyfnod cadw fel nifer cyfan o fisoedd, fel 24
retention-months-out-of-range = Rhaid i'r cyfnod cadw fod rhwng 1 a 120 mis
# plural: no [zero] arm: shown only when someone would be erased.
retention-erasing-warning = { $count ->
    [one] Gyda'r cyfnod hwn, caiff un person a adawodd cyn { $date } ei ddileu o fewn yr awr. Nid oes modd dadwneud hyn.
    [two] Gyda'r cyfnod hwn, caiff dau berson a adawodd cyn { $date } eu dileu o fewn yr awr. Nid oes modd dadwneud hyn.
    [few] Gyda'r cyfnod hwn, caiff tri pherson a adawodd cyn { $date } eu dileu o fewn yr awr. Nid oes modd dadwneud hyn.
    [many] Gyda'r cyfnod hwn, caiff chwe pherson a adawodd cyn { $date } eu dileu o fewn yr awr. Nid oes modd dadwneud hyn.
   *[other] Gyda'r cyfnod hwn, caiff { $count } o bobl a adawodd cyn { $date } eu dileu o fewn yr awr. Nid oes modd dadwneud hyn.
}
# plural: no [zero] arm: asked only when someone would be erased.
retention-confirm = { $count ->
    [one] Rydw i'n deall y caiff un person ei ddileu
    [two] Rydw i'n deall y caiff dau berson eu dileu
    [few] Rydw i'n deall y caiff tri pherson eu dileu
    [many] Rydw i'n deall y caiff chwe pherson eu dileu
   *[other] Rydw i'n deall y caiff { $count } o bobl eu dileu
}
retention-confirm-missing = Ticiwch y blwch i gadarnhau, neu ddewiswch gyfnod cadw hirach
retention-save-and-erase = Cadw a dileu

## Yn y trywydd archwilio
audit-action-retention-changed = Newid y cyfnod cadw
audit-action-sign-in-changed = Newid sut mae pobl yn mewngofnodi
# plural: no [zero] arm: a retention period is at least 1 month.
audit-detail-previous-months = { $value ->
    [one] roedd yn { $value } mis
    [two] roedd yn { $value } fis
    [few] roedd yn { $value } mis
    [many] roedd yn { $value } mis
   *[other] roedd yn { $value } mis
}
# plural: no [zero] arm: a retention period is at least 1 month.
audit-detail-months = { $value ->
    [one] bellach yn { $value } mis
    [two] bellach yn { $value } fis
    [few] bellach yn { $value } mis
    [many] bellach yn { $value } mis
   *[other] bellach yn { $value } mis
}
audit-detail-passwords-on = mewngofnodi gyda chyfrinair wedi'i droi ymlaen
audit-detail-passwords-off = mewngofnodi gyda chyfrinair wedi'i droi i ffwrdd
audit-detail-issuer-changed = newidiwyd y gwasanaeth mewngofnodi
audit-detail-identities-forgotten = { $value ->
    [zero] { $value } o gyfrifon i'w cysylltu eto
    [one] { $value } cyfrif i'w gysylltu eto pan fydd yn mewngofnodi nesaf
    [two] { $value } gyfrif i'w cysylltu eto pan fyddan nhw'n mewngofnodi nesaf
    [few] { $value } chyfrif i'w cysylltu eto pan fyddan nhw'n mewngofnodi nesaf
    [many] { $value } chyfrif i'w cysylltu eto pan fyddan nhw'n mewngofnodi nesaf
   *[other] { $value } o gyfrifon i'w cysylltu eto pan fyddan nhw'n mewngofnodi nesaf
}
