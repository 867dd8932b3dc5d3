# `skillgym sign-in`: troi mewngofnodi gyda chyfrinair yn ôl ymlaen pan fydd mewngofnodi sengl yn torri.
# Welsh translation written for skillgym; to be reviewed by a native Welsh speaker before
# production use. A first review (December 2026, by a fluent reader who is not a native speaker)
# has been applied; the house style and word list it settled are in docs/welsh.md, and lines
# marked "review:" point a reviewer at choices worth a second look.

cli-help-sign-in = Sut mae pobl yn mewngofnodi: troi mewngofnodi gyda chyfrinair yn ôl ymlaen os bydd mewngofnodi sengl yn peidio â gweithio
cli-help-sign-in-passwords = Gadael i bobl fewngofnodi gyda'u cyfeiriad e-bost a'u cyfrinair yn ogystal â mewngofnodi sengl (on), neu gyda mewngofnodi sengl yn unig (off)
cli-help-sign-in-passwords--state = on neu off
cli-passwords-on = Mae mewngofnodi gyda chyfrinair ymlaen eto: gall pobl fewngofnodi gyda'u cyfeiriad e-bost a'u cyfrinair, yn ogystal â gyda chyfrif eich sefydliad. Caiff hyn ei gofnodi yn y trywydd archwilio.
cli-passwords-already-on = Roedd mewngofnodi gyda chyfrinair ymlaen yn barod: gall pobl fewngofnodi gyda'u cyfeiriad e-bost a'u cyfrinair.
cli-passwords-off = Mae mewngofnodi gyda chyfrinair i ffwrdd: mae pobl yn mewngofnodi gyda chyfrif eich sefydliad yn unig. Caiff hyn ei gofnodi yn y trywydd archwilio.
cli-passwords-already-off = Roedd mewngofnodi gyda chyfrinair i ffwrdd yn barod: mae pobl yn mewngofnodi gyda chyfrif eich sefydliad yn unig.
cli-passwords-need-sso = Nid yw mewngofnodi sengl wedi'i osod, felly mae mewngofnodi gyda chyfrinair yn aros ymlaen: hebddo ni allai neb fewngofnodi. Gosodwch fewngofnodi sengl ar y dudalen gosodiadau yn gyntaf.
cli-passwords-no-password = Gall gweinyddwr nad oes ganddo gyfrinair eto gael dolen i ddewis un gyda: skillgym user create-admin --email eu.cyfeiriad@example.org
