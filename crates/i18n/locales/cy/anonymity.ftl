# Y trothwy anhysbysrwydd (gosodiadau, ar gyfer gweinyddwyr).

# review:
anonymity-title = Trothwy anhysbysrwydd
# review:
anonymity-heading = Trothwy anhysbysrwydd
# review:
anonymity-current = Nid oes unrhyw ffigur mewn adroddiad am lai na { $threshold } o bobl.
# review:
anonymity-change-link = Newid y trothwy anhysbysrwydd
# review:
anonymity-saved = Mae'r trothwy anhysbysrwydd wedi'i gadw. Mae pob adroddiad yn ei ddefnyddio o hyn ymlaen.
# review:
anonymity-how-heading = Beth mae'n ei wneud
# review:
anonymity-how-groups = Nid yw adroddiadau, cymariaethau, ffeiliau CSV, yr adroddiad i'w argraffu na JSON y llinell orchymyn yn dangos unrhyw ffigur am lai o bobl na hyn: nid nifer grŵp, ei sgôr gymedrig na faint a sgoriodd un cymhwysedd. Ni ddangosir dim o gwbl am ymgyrch nes bod cymaint â hyn o bobl wedi'i hateb.
# review:
anonymity-how-subtraction = Mae ffigur hefyd yn cael ei guddio pan fyddai'n gadael i rywun gyfrifo un cudd drwy dynnu ffigurau a ddangosir oddi wrth ei gilydd: y cyfanswm llai'r grwpiau a ddangosir, un grŵp llai un arall y tu mewn iddo, neu safle llai'r timau ynddo.
# review:
anonymity-how-steps = Tra bo ymgyrch ddienw ar agor, mae ei ffigurau'n cyfrif yr atebion cymaint â hyn ar y tro, fel nad yw edrych ar yr adroddiad cyn ac ar ôl i un person ateb yn dweud dim wrthych amdanyn nhw.
# review:
anonymity-how-trail = Cofnodir newidiadau i'r trothwy yn y trywydd archwilio.
# review:
anonymity-change-heading = Newid y trothwy anhysbysrwydd
# review:
anonymity-threshold = Y grŵp lleiaf a ddangosir, mewn pobl
# review:
anonymity-threshold-hint = Rhif cyfan o { $min } i { $max }. Po uchaf ydyw, y mwyaf o grwpiau bach sy'n cael eu cuddio. Mae { $default } yn addas i'r rhan fwyaf o wasanaethau llyfrgell; codwch ef os yw eich safleoedd a'ch timau'n ddigon bach i rywun allu adnabod pobl.
# review:
anonymity-threshold-missing = Rhowch y grŵp lleiaf a ddangosir, mewn pobl
# review:
anonymity-threshold-not-whole = Rhowch y grŵp lleiaf a ddangosir fel rhif cyfan o bobl, fel 5
# review:
anonymity-threshold-out-of-range = Rhaid i'r grŵp lleiaf a ddangosir fod rhwng 3 a 50 o bobl

## Yn y trywydd archwilio
# review:
audit-action-anonymity-threshold-changed = Newidiodd y trothwy anhysbysrwydd
# review:
audit-detail-previous-threshold = roedd yn { $value }
# review:
audit-detail-threshold = nawr { $value }
