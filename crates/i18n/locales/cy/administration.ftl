# Gweinyddu: tudalennau'r gweinyddwyr, wedi'u grwpio ar un dudalen.
# Welsh translation written for skillgym; to be reviewed by a native Welsh speaker before
# production use. The house style and word list are in docs/welsh.md.

nav-admin = Gweinyddu
admin-title = Gweinyddu
admin-lead = Gosod skillgym ar gyfer eich gwasanaeth: am beth mae archwiliadau'n holi, pwy sy'n gweithio ble, sut mae pobl yn mewngofnodi a beth sy'n cael ei gadw.
admin-group-frameworks = Fframweithiau sgiliau
admin-frameworks-hint = Y meysydd, y cymwyseddau a'r lefelau y mae ymgyrchoedd yn gofyn i bobl roi sgôr iddyn nhw, a'r lefel darged ar gyfer pob teulu swyddi.
admin-group-people = Pobl, safleoedd a thimau
admin-sites-hint = Y lleoedd lle mae pobl yn gweithio: llyfrgelloedd cangen, cymunedol a symudol, a'r pencadlys.
admin-teams-hint = Timau a'u rheolwyr.
admin-import-staff-hint = Dod â phawb i mewn o ffeil staff eich system Adnoddau Dynol, a nodi'r rhai sydd wedi gadael.
admin-group-settings = Gosodiadau
admin-settings-hint = Sut mae pobl yn mewngofnodi: cyfrineiriau, neu gyfrif eich sefydliad. Mae hefyd yn dangos y cyfnod cadw a'r trothwy anhysbysrwydd.
admin-anonymity-hint = Y grŵp lleiaf y mae unrhyw adroddiad yn dangos ei ffigurau.
admin-retention-hint = Am faint mae manylion pobl sydd wedi gadael yn cael eu cadw cyn iddyn nhw gael eu dileu.
admin-group-records = Cofnodion
admin-audit-trail-hint = Pwy wnaeth weld, allforio, newid neu ddileu manylion pobl, a phryd.
