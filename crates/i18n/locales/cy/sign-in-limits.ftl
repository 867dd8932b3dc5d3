# Mewngofnodi dan bwysau a thu ôl i ddirprwy: dirprwyon dibynadwy a faint o wiriadau cyfrinair sy'n rhedeg ar yr un pryd.
# Welsh translation written for skillgym; to be reviewed by a native Welsh speaker before
# production use. A first review (December 2026, by a fluent reader who is not a native speaker)
# has been applied; the house style and word list it settled are in docs/welsh.md, and lines
# marked "review:" point a reviewer at choices worth a second look.

cli-help-serve--trusted_proxies = Dirprwy y mae ei bennyn X-Forwarded-For yn dweud cyfeiriad y cleient, fel cyfeiriad neu ystod (127.0.0.1, 10.0.0.0/8); ailadroddwch ef neu wahanwch gydag atalnodau [rhagosodiad: dim]
cli-help-demo--trusted_proxies = Dirprwy y mae ei bennyn X-Forwarded-For yn dweud cyfeiriad y cleient, fel cyfeiriad neu ystod (127.0.0.1, 10.0.0.0/8); ailadroddwch ef neu wahanwch gydag atalnodau [rhagosodiad: dim]
cli-help-serve--password_checks = Faint o gyfrineiriau y gellir eu stwnsio a'u gwirio ar yr un pryd (mae pob un yn rhedeg ar ei edefyn ei hun, sy'n cadw 19 MiB ar ôl ei ddefnyddio) [rhagosodiad: dau i bob craidd]
cli-help-demo--password_checks = Faint o gyfrineiriau y gellir eu stwnsio a'u gwirio ar yr un pryd (mae pob un yn rhedeg ar ei edefyn ei hun, sy'n cadw 19 MiB ar ôl ei ddefnyddio) [rhagosodiad: dau i bob craidd]
cli-trusted-proxy-invalid = Nid yw'r dirprwy dibynadwy "{ $value }" yn gyfeiriad nac yn ystod o gyfeiriadau. Ysgrifennwch ef fel 10.0.0.1, 10.0.0.0/8 neu 2001:db8::/32.
