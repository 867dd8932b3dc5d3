# Rhwydweithiau: sefydliadau sy'n archwilio gyda'i gilydd, ac yn cymharu eu hunain heb gael eu henwi.

# review:
nav-network = Rhwydwaith
# review:
nav-networks = Rhwydweithiau
# review:
admin-group-networks = Rhwydweithiau
# review:
admin-networks-hint = Y rhwydweithiau y mae eich sefydliad yn perthyn iddyn nhw: rhannu eich ffigurau â'u cydlynwyr, agor eu hymgyrchoedd i'ch staff, a gweld ble rydych chi'n sefyll.

# review:
network-title = Eich rhwydweithiau
# review:
network-intro = Y rhwydweithiau y mae eich sefydliad yn eu rhedeg. Cyhoeddwch un o ymgyrchoedd eich sefydliad i rwydwaith, a gall ei aelodau ei hagor i'w staff eu hunain; mae eu hatebion yn aros gyda nhw, ac rydych chi'n gweld ffigurau'r rhwydwaith.
# review:
network-none = Nid yw eich sefydliad yn rhedeg unrhyw rwydwaith. Caiff rhwydwaith ei greu ar y llinell orchymyn: skillgym network create.
# review:
network-members = Aelodau
# review:
network-no-members = Nid oes gan y rhwydwaith hwn aelodau eto. Ychwanegwch nhw ar y llinell orchymyn: skillgym network add-member.
# review:
network-member = Aelod
# review:
network-member-shares = Yn rhannu ei ffigurau ei hun â chi
# review:
network-shares-yes = Ydy
# review:
network-shares-no = Nac ydy
# review:
network-campaigns = Ymgyrchoedd y rhwydwaith
# review:
network-no-campaigns = Nid oes ymgyrch wedi'i chyhoeddi i'r rhwydwaith hwn eto.
# review:
network-campaign-dates = { $opens } i { $closes }
# review:
network-publish-label = Cyhoeddi ymgyrch i'r rhwydwaith hwn
# review:
network-publish-hint = Yna gall ei aelodau ei hagor i'w staff eu hunain, ar gopi o'i fframwaith, gyda'u dyddiadau eu hunain a chwestiynau ychwanegol eu hunain.
# review:
network-publish-button = Cyhoeddi i'r rhwydwaith
# review:
network-back = Yn ôl i'ch rhwydweithiau
# review:
network-figures-title = Ffigurau'r rhwydwaith
# review:
network-figures-of = Ffigurau'r rhwydwaith:
# review:
network-opened = Aelodau sydd wedi agor yr ymgyrch hon i'w staff: { $opened } o { $members }.
# review:
network-how = Ar gyfer pob cymhwysedd, ffigur pob aelod yw cymedr hunan-sgôr ei bobl ei hun (1 i 5), a ddangosir dim ond lle atebodd digon ohonyn nhw i'w cadw'n ddienw. Mae canolrif a chwartelau'r rhwydwaith yn cael eu cyfrifo o ffigurau'r aelodau hynny, ac yn cael eu dangos dim ond pan fo gan o leiaf { $min } aelod ffigur, fel na all unrhyw aelod gyfrifo ffigur aelod arall.
# review:
network-figures-heading = Gwasgariad y rhwydwaith o gymedrau hunan-sgôr yr aelodau
# review:
network-none-sharing = Nid oes unrhyw aelod sydd wedi agor yr ymgyrch hon yn rhannu ei ffigurau ei hun â chydlynwyr y rhwydwaith, felly dim ond ffigurau'r rhwydwaith a ddangosir.
# review:
network-competence = Cymhwysedd
# review:
network-members-counted = Aelodau a gyfrifwyd
# review:
network-lower-quartile = Chwartel isaf
# review:
network-median = Canolrif
# review:
network-upper-quartile = Chwartel uchaf
# review:
network-weak-spots = Mannau gwan y rhwydwaith
# review:
network-weak-spots-intro = Y cymwyseddau sydd â'r canolrifau isaf ar draws y rhwydwaith, yr isaf yn gyntaf:
# review:
network-weak-spots-none = Dim eto: dangosir ffigurau'r rhwydwaith pan fo gan o leiaf { $min } aelod ffigurau eu hunain.
# review:
network-back-campaign = Yn ôl i'r ymgyrch
# review:
network-compare-title = O'i gymharu â'r rhwydwaith
# review:
network-compare-with = Eich sefydliad yn erbyn y rhwydwaith:
# review:
network-compare-opened = Aelodau sydd wedi agor yr ymgyrch hon: { $opened }.
# review:
network-compare-private = Nid oes unrhyw aelod arall wedi'i enwi yma, ac nid oes unrhyw aelod arall yn gweld eich ffigurau oni bai eich bod yn eu rhannu â chydlynwyr y rhwydwaith.
# review:
network-compare-heading = Cymedr eich hunan-sgôr ar gyfer pob cymhwysedd wrth ymyl gwasgariad y rhwydwaith
# review:
network-yours = Eich un chi
# review:
network-where = Ble rydych chi'n sefyll
# review:
network-position-bottom-quarter = Yn y chwarter isaf
# review:
network-position-below-median = O dan y canolrif
# review:
network-position-above-median = Ar y canolrif neu uwch ei ben
# review:
network-position-top-quarter = Yn y chwarter uchaf

# review:
networks-title = Rhwydweithiau
# review:
networks-intro = Rhwydweithiau y mae eich sefydliad yn perthyn iddyn nhw. Gellir agor ymgyrchoedd pob rhwydwaith i'ch staff eich hun: mae eu hatebion yn aros yn eich sefydliad, ac rydych chi'n gweld eich ffigurau wrth ymyl rhai'r rhwydwaith.
# review:
networks-none = Nid yw eich sefydliad yn perthyn i unrhyw rwydwaith.
# review:
networks-sharing-legend = Gadael i gydlynwyr y rhwydwaith hwn weld ffigurau eich sefydliad ei hun?
# review:
networks-sharing-hint = Maen nhw bob amser yn gweld ffigurau'r rhwydwaith, nad ydyn nhw byth yn enwi aelod. Os dywedwch ie, maen nhw hefyd yn gweld eich cymedr ar gyfer pob cymhwysedd (byth unrhyw beth am grŵp sy'n rhy fach i'w ddangos). Cofnodir y newid yn eich trywydd archwilio.
# review:
networks-sharing-yes = Ie, rhannu ein ffigurau â'r cydlynwyr
# review:
networks-sharing-no = Na, cadw ein ffigurau i ni ein hunain
# review:
networks-your-campaign = Eich ymgyrch
# review:
networks-compare-link = Cymharu â'r rhwydwaith
# review:
networks-open-explain = Agor yr ymgyrch hon i'ch staff: mae eich sefydliad yn cael ymgyrch ei hun, ar gopi o fframwaith y rhwydwaith, y gallwch ei newid fel unrhyw un arall nes bod pobl yn ateb (ei dyddiadau, neu gwestiynau eich hun).
# review:
networks-open-button = Agor i'n staff
# review:
networks-open-conflict = Nid oedd modd agor yr ymgyrch hon: mae gan eich sefydliad fframwaith gyda'r un cod â fframwaith y rhwydwaith ond dynodydd gwahanol, neu mae wedi newid fframwaith y rhwydwaith fel bod cymhwysedd ar goll. Holwch gydlynwyr y rhwydwaith.

# review:
audit-action-network-sharing-changed = Newid a yw cydlynwyr rhwydwaith yn gweld ein ffigurau
# review:
audit-action-network-campaign-published = Cyhoeddi ymgyrch i rwydwaith
# review:
audit-action-network-campaign-opened = Agor ymgyrch rhwydwaith i'n staff
# review:
audit-detail-network = rhwydwaith { $value }
# review:
audit-detail-network-campaign = ymgyrch rhwydwaith { $value }
# review:
audit-detail-sharing-on = ffigurau wedi'u rhannu
# review:
audit-detail-sharing-off = ffigurau heb eu rhannu

# review:
cli-demo-network-ready = Mae'r rhwydwaith demo { $name } yn barod, gyda { $members } gwasanaeth yn aelodau.
# review:
demo-account-coordinator = cydlynydd y rhwydwaith
# review:
demo-account-member-admin = gweinyddwr { $member }

# review:
network-frameworks = Fframweithiau a rennir
# review:
network-no-frameworks = Nid oes fframwaith wedi'i rannu â'r rhwydwaith hwn eto.
# review:
network-share-framework-label = Rhannu fframwaith â'r rhwydwaith hwn
# review:
network-share-framework-hint = Yna gall ei aelodau ei fabwysiadu: copi eu hunain sy'n cadw ei ddynodyddion sefydlog, fel bod eich ymgyrchoedd a'ch ffeiliau CASE yn cyfateb i'w rhai nhw.
# review:
network-share-framework-button = Rhannu â'r rhwydwaith
# review:
networks-adopted = Eich copi
# review:
networks-adopt-button = Mabwysiadu
# review:
networks-adopt-conflict = Nid oedd modd mabwysiadu'r fframwaith hwn: mae gan eich sefydliad fframwaith gyda'r un cod ond dynodydd gwahanol. Newidiwch god eich fframwaith yn gyntaf, neu holwch gydlynwyr y rhwydwaith.
# review:
campaign-of-network = Mae'r ymgyrch hon yn agor ymgyrch rhwydwaith i'ch staff.
# review:
network-chart-heading = Y gwasgariad ar yr olwg gyntaf
# review:
network-chart-caption = Chwartel isaf, canolrif a chwartel uchaf cymedrau hunanasesu'r aelodau ar gyfer pob cymhwysedd, ar y raddfa 1 i 5: yr un ffigurau â'r tabl isod.
# review:
networks-open-dates = Rhowch y dyddiadau fel diwrnod, mis a blwyddyn, gyda'r dyddiad cau ar neu ar ôl y dyddiad agor
# review:
network-activities = Gweithgareddau dysgu a rannwyd
# review:
network-no-activities = Nid oes unrhyw weithgaredd dysgu wedi'i rannu â'r rhwydwaith hwn eto.
# review:
network-share-activity-label = Rhannu gweithgaredd dysgu â'r rhwydwaith hwn
# review:
network-share-activity-hint = Gall ei aelodau wedyn ei fabwysiadu: copi yn eu catalog dysgu eu hunain, gyda'r un cod.
# review:
network-share-activity-button = Rhannu â'r rhwydwaith
