# Cadw data: am faint mae skillgym yn cadw data pobl sydd wedi gadael (gosodiadau, i weinyddwyr).

retention-title = Cyfnod cadw ar gyfer pobl sydd wedi gadael
retention-heading = Cyfnod cadw
retention-current = { $months ->
    [one] Caiff pobl sydd wedi gadael eu dileu 1 mis ar ôl y diwrnod y gwnaethant adael.
   *[other] Caiff pobl sydd wedi gadael eu dileu { $months } mis ar ôl y diwrnod y gwnaethant adael.
}
retention-change-link = Newid y cyfnod cadw
retention-back = Yn ôl i'r gosodiadau
retention-saved = Mae'r cyfnod cadw wedi'i gadw.
retention-how-heading = Beth sy'n digwydd
retention-how-left-on = Pan fydd rhywun yn gadael, rhowch y diwrnod y gadawodd ar ei dudalen (neu, pan fydd ffeil staff lawn gan Adnoddau Dynol yn eu gadael allan, dewiswch eu nodi fel wedi gadael ar dudalen wirio'r mewnforio). Tan hynny, mae skillgym yn ei drin fel aelod o staff.
retention-how-erased = Pan fydd y cyfnod cadw ar ôl y diwrnod hwnnw wedi dod i ben, mae skillgym yn ei ddileu'n awtomatig, o fewn yr awr. Mae hyn yn dileu, am byth:
retention-how-kept = Dim ond mewn ffigurau ar gyfer grwpiau o { $threshold } neu fwy o bobl y mae ei atebion i'r archwiliad yn aros, ac ni all y rheini ei adnabod.
retention-how-trail = Caiff pob dileu ei gofnodi yn y trywydd archwilio, fel gwaith tasg amserlenedig skillgym. Caiff newidiadau i'r cyfnod cadw eu cofnodi yno hefyd.
retention-now-heading = I bwy mae'n berthnasol nawr
retention-leavers = { $count ->
    [0] Nid yw skillgym yn cadw data neb sydd wedi gadael.
    [one] Mae skillgym yn cadw data 1 person sydd wedi gadael.
   *[other] Mae skillgym yn cadw data { $count } o bobl sydd wedi gadael.
}
retention-next = Y nesaf: rhywun a adawodd ar { $left }, a gaiff ei ddileu ar { $erased }.
retention-change-heading = Newid y cyfnod cadw
retention-months = Cyfnod cadw, mewn misoedd
retention-months-hint = Misoedd cyfan, o 1 i 120 (10 mlynedd). Dilynwch amserlen cadw cofnodion eich cyngor: mae llawer yn cadw cofnodion staff am 24 mis (2 flynedd) neu 72 mis (6 blynedd) ar ôl i rywun adael.
retention-months-missing = Rhowch y cyfnod cadw mewn misoedd
retention-months-not-whole = Rhowch y cyfnod cadw fel nifer cyfan o fisoedd, fel 24
retention-months-out-of-range = Rhaid i'r cyfnod cadw fod rhwng 1 a 120 mis
retention-erasing-warning = { $count ->
    [one] Gyda'r cyfnod hwn, caiff 1 person a adawodd cyn { $date } ei ddileu o fewn yr awr. Does dim modd dadwneud hyn.
   *[other] Gyda'r cyfnod hwn, caiff { $count } o bobl a adawodd cyn { $date } eu dileu o fewn yr awr. Does dim modd dadwneud hyn.
}
retention-confirm = { $count ->
    [one] Rwy'n deall y caiff 1 person ei ddileu
   *[other] Rwy'n deall y caiff { $count } o bobl eu dileu
}
retention-confirm-missing = Ticiwch y blwch i gadarnhau, neu dewiswch gyfnod cadw hirach
retention-save-and-erase = Cadw a dileu

## Yn y trywydd archwilio
audit-action-retention-changed = Newidiodd y cyfnod cadw
audit-action-sign-in-changed = Newidiodd sut mae pobl yn mewngofnodi
audit-detail-previous-months = { $value } mis cyn hynny
audit-detail-months = { $value } mis nawr
audit-detail-passwords-on = mewngofnodi gyda chyfrinair wedi'i droi ymlaen
audit-detail-passwords-off = mewngofnodi gyda chyfrinair wedi'i droi i ffwrdd
audit-detail-issuer-changed = newidiwyd y gwasanaeth mewngofnodi
audit-detail-identities-forgotten = { $value } o gyfrifon i'w cysylltu eto pan fyddant yn mewngofnodi nesaf
