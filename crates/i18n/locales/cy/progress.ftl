# Rhestr ddilyn ymgyrch: pwy sydd heb orffen, fesul safle a thîm, a nodiadau atgoffa.
# Welsh translation written for skillgym; to be reviewed by a native Welsh speaker before
# production use. The house style and word list are in docs/welsh.md.

progress-link = Gweld pwy sydd heb orffen
progress-title-for = Pwy sydd heb orffen: { $campaign }
progress-explain = Pawb y gwnaeth yr ymgyrch hon eu holi sy'n dal gyda'r gwasanaeth, fesul y safle a'r tîm yr oedden nhw ynddyn nhw pan gawson nhw eu holi. Mae'r rhai sydd wedi gorffen yn cael eu cyfrif, nid eu rhestru.
progress-anonymous = Mae'r ymgyrch hon yn ddienw, felly nid yw'r dudalen hon yn dangos pwy sydd wedi ateb neu heb ateb. Ffigurau'r adroddiad yw'r rhain: dim ond lle mae'n cadw pobl yn ddienw y dangosir faint sydd wedi gorffen ym mhob grŵp.
progress-filter-label = Dewis pwy i'w rhestru
progress-site = Prif safle
progress-started = Wedi dechrau, heb orffen
progress-not-started = Heb ddechrau
progress-where = Pa mor bell maen nhw wedi mynd
progress-emails = E-byst
progress-invited = Wedi cael gwahoddiad
progress-reminded = Wedi cael nodyn atgoffa
progress-not-invited = Heb gael gwahoddiad
progress-group = { $site }, { $team }
progress-no-site = Dim safle
progress-no-team = Dim tîm
progress-group-counts = Holwyd: { $asked }. Wedi gorffen: { $finished }. Heb orffen: { $unfinished }.
progress-group-caption = Pwy sydd heb orffen yn { $group }
progress-remind-heading = Nodiadau atgoffa
progress-remind-explain = Mae nodyn atgoffa'n mynd unwaith i bob person a gafodd wahoddiad drwy e-bost ac sydd heb orffen. Nid yw'r rhai sydd wedi cael nodyn atgoffa eisoes, na'r rhai heb wahoddiad, yn cael un.
progress-remind-all = Atgoffa pawb a restrir sydd heb orffen
progress-remind-group = Atgoffa'r rhai yn { $group } sydd heb orffen
progress-nobody-to-remind = Ni ellir anfon nodyn atgoffa at neb a restrir: mae pawb sydd heb orffen wedi cael nodyn atgoffa eisoes neu heb gael gwahoddiad.
progress-remind-anonymous-explain = Mae nodyn atgoffa'n mynd unwaith i bob person a gafodd wahoddiad drwy e-bost ac sydd heb orffen. Ni chewch chi wybod pwy, na faint: byddai hynny'n dweud wrthych chi pwy sydd heb ateb.
progress-remind-everyone = Atgoffa pawb sydd heb orffen
progress-reminded-anonymous = Mae nodiadau atgoffa wedi'u hanfon at bawb a gafodd wahoddiad sydd heb orffen ac nad oedd wedi cael nodyn atgoffa eisoes.
audit-action-reminders-sent = Wedi anfon nodiadau atgoffa at y rhai oedd heb orffen ymgyrch
audit-detail-site = safle rhif { $value }
audit-detail-team = tîm rhif { $value }
audit-detail-sent = { $value } wedi'u hanfon
