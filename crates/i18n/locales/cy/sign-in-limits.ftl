# Mewngofnodi tu ôl i ddirprwy: y dirprwyon y credir eu pennyn X-Forwarded-For.

cli-help-serve--trusted_proxies = Dirprwy y mae ei bennyn X-Forwarded-For yn dweud cyfeiriad y cleient, fel cyfeiriad neu ystod (127.0.0.1, 10.0.0.0/8); ailadroddwch ef neu gwahanwch gydag atalnodau [rhagosodiad: dim]
cli-help-demo--trusted_proxies = Dirprwy y mae ei bennyn X-Forwarded-For yn dweud cyfeiriad y cleient, fel cyfeiriad neu ystod (127.0.0.1, 10.0.0.0/8); ailadroddwch ef neu gwahanwch gydag atalnodau [rhagosodiad: dim]
cli-trusted-proxy-invalid = Nid yw'r dirprwy dibynadwy "{ $value }" yn gyfeiriad nac yn ystod o gyfeiriadau. Ysgrifennwch ef fel 10.0.0.1, 10.0.0.0/8 neu 2001:db8::/32.
