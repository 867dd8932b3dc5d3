# Gweinyddwyr yn ysgrifennu fframweithiau a chwestiynau ymgyrch ar y we.
# Welsh translation written for skillgym; to be reviewed by a native Welsh speaker before
# production use. A first review (December 2026, by a fluent reader who is not a native speaker)
# has been applied; the house style and word list it settled are in docs/welsh.md, and lines
# marked "review:" point a reviewer at choices worth a second look.

editing-back = Yn ôl
editing-cancel = Canslo
text-in-english-only = Saesneg yn unig

## Fframweithiau
framework-new-title = Creu fframwaith
framework-edit-title = Newid teitl a disgrifiad y fframwaith
framework-edit-link = Newid y teitl a'r disgrifiad
framework-saved = Mae eich newid wedi'i gadw.
framework-welsh-optional = Ysgrifennwch bob testun yn Saesneg, ac yn Gymraeg os gallwch. Lle mae'r Gymraeg yn wag, mae tudalennau Cymraeg yn dangos y Saesneg, wedi'i nodi "Saesneg yn unig".
framework-item-code = Cod
framework-item-code-hint = Priflythrennau, digidau, cysylltnodau a dotiau, er enghraifft COMM-3. Fe'i defnyddir mewn ffeiliau ac adroddiadau ac ni ellir ei newid wedyn.
framework-item-code-kept = Mae'r cod yn aros fel y mae, fel bod ffeiliau, adroddiadau a chyfatebiaethau mewnforio sydd wedi'u cadw yn dal i ddod o hyd i'r eitem hon.
framework-item-title-en = Teitl yn Saesneg
framework-item-title-cy = Teitl yn Gymraeg
framework-item-description-en = Disgrifiad yn Saesneg
framework-item-description-cy = Disgrifiad yn Gymraeg
framework-item-description-hint = Dewisol. Brawddeg sy'n helpu pobl i adnabod beth mae hyn yn ei gwmpasu.
framework-item-cy-hint = Dewisol. Gadewch yn wag i ddangos y Saesneg.
framework-item-add = Ychwanegu
framework-code-missing = Rhowch god
framework-code-taken = Mae'r cod hwn eisoes yn cael ei ddefnyddio yn y fframwaith hwn
framework-text-too-long = Mae'r testun hwn yn rhy hir
framework-no-areas-yet = Nid oes gan y fframwaith hwn feysydd eto. Ychwanegwch faes, yna'r cymwyseddau ynddo.
framework-change = Newid
framework-remove = Dileu
framework-move-up = Symud i fyny
framework-move-down = Symud i lawr
framework-move-invalid = Dewiswch i fyny neu i lawr

## Lefelau
framework-levels-edit-link = Newid beth mae'r sgoriau'n ei olygu
framework-levels-edit-title = Beth mae'r sgoriau'n ei olygu
framework-levels-edit-intro = Disgrifiwch bob sgôr o 1 (ddim yn gryf) i 5 (cryf iawn) mewn geiriau y gall person adnabod ei hun ynddyn nhw.
framework-level-legend = Sgôr { $level }
framework-level-en = Disgrifiad yn Saesneg
framework-level-cy = Disgrifiad yn Gymraeg

## Meysydd a chymwyseddau
framework-area-new-title = Ychwanegu maes
framework-area-edit-title = Newid maes
framework-area-remove-title = Dileu maes
framework-competence-new-title = Ychwanegu cymhwysedd
framework-competence-edit-title = Newid cymhwysedd
framework-competence-remove-title = Dileu cymhwysedd
framework-competence-area = Maes
framework-area-missing = Dewiswch y maes y mae'r cymhwysedd hwn yn perthyn iddo

## Dileu
framework-remove-final = Ni ellir dadwneud dileu.
framework-remove-area-explain = { $count ->
    [zero] Nid oes cymwyseddau ynddo.
    [one] Mae ei unig gymhwysedd yn cael ei ddileu gydag ef.
    [two] Mae ei ddau gymhwysedd yn cael eu dileu gydag ef.
    [few] Mae ei dri chymhwysedd yn cael eu dileu gydag ef.
    [many] Mae ei chwe chymhwysedd yn cael eu dileu gydag ef.
   *[other] Mae ei { $count } cymhwysedd yn cael eu dileu gydag ef.
}
framework-remove-campaigns = { $count ->
    [zero] Ni fydd unrhyw ymgyrch yn peidio â holi amdano.
    [one] Bydd un ymgyrch nad oes neb wedi'i hateb eto yn peidio â holi amdano.
    [two] Bydd dwy ymgyrch nad oes neb wedi'u hateb eto yn peidio â holi amdano.
    [few] Bydd tair ymgyrch nad oes neb wedi'u hateb eto yn peidio â holi amdano.
    [many] Bydd chwe ymgyrch nad oes neb wedi'u hateb eto yn peidio â holi amdano.
   *[other] Bydd { $count } ymgyrch nad oes neb wedi'u hateb eto yn peidio â holi amdano.
}
framework-remove-confirm = Ydw, dileu
framework-remove-confirm-missing = Ticiwch y blwch i gadarnhau eich bod am ei ddileu
framework-remove-button = Dileu
framework-remove-cannot = Ni ellir dileu hwn
framework-remove-has-answers = Mae pobl eisoes wedi ateb am hyn ({ $answers } ateb). Byddai ei ddileu yn newid eu canlyniadau, felly mae'n aros. Gallwch newid ei eiriad o hyd, neu ei adael allan o ymgyrchoedd newydd.
# plural: no [zero] arm: shown only when a knowledge-round question tests the competence.
framework-remove-tested-by-quiz = { $questions ->
    [one] Mae cwestiwn yn y rownd wybodaeth yn profi hyn.
    [two] Mae dau gwestiwn yn y rownd wybodaeth yn profi hyn.
    [few] Mae tri chwestiwn yn y rownd wybodaeth yn profi hyn.
    [many] Mae chwe chwestiwn yn y rownd wybodaeth yn profi hyn.
   *[other] Mae { $questions } cwestiwn yn y rownd wybodaeth yn profi hyn.
} Newidiwch y cwestiynau hynny i brofi cymhwysedd arall, neu eu dileu, yn gyntaf.
framework-back-to-framework = Yn ôl i'r fframwaith

## Cwestiynau ymgyrch
campaign-questions-link = Gweld a newid cwestiynau'r ymgyrch hon
campaign-questions-title = Cwestiynau
campaign-questions-of = Cwestiynau yn { $campaign }
campaign-questions-intro = Nid oes neb wedi dechrau ateb yr ymgyrch hon eto, felly gallwch ychwanegu, newid a dileu ei chwestiynau.
campaign-questions-fixed-title = Ni all y cwestiynau hyn newid mwyach
campaign-questions-fixed = Mae pobl wedi dechrau ateb yr ymgyrch hon, felly mae ei chwestiynau'n aros fel y maen nhw: byddai eu newid yn gwneud i atebion olygu pethau gwahanol. I ofyn cwestiynau gwahanol, gwnewch gopi o'r ymgyrch (ail-archwiliad) a newidiwch y copi cyn iddo agor.
campaign-questions-saved = Mae eich newid wedi'i gadw.
campaign-questions-none = Dim eto.
campaign-profile-questions-explain = Cwestiynau am y person, fel blynyddoedd yn y swydd, a ddefnyddir i gymharu grwpiau yn y canlyniadau. Mae pob un yn ddewisol i'r person sy'n ateb.
campaign-quiz-explain = Cwestiynau ag atebion cywir ac anghywir, pob un yn profi un cymhwysedd y mae'r ymgyrch yn ei sgorio. Maen nhw'n cael eu marcio ar y gweinydd; ni anfonir yr atebion cywir i'r dudalen cyn cyflwyno'r rownd.

question-new-title = Ychwanegu cwestiwn proffil
question-edit-title = Newid cwestiwn proffil
question-remove-title = Dileu cwestiwn
question-remove-confirm = Ydw, dileu'r cwestiwn hwn
question-remove-confirm-missing = Ticiwch y blwch i gadarnhau eich bod am ddileu'r cwestiwn
question-add = Ychwanegu cwestiwn
question-kind = Math o ateb
question-kind-single = Dewis un opsiwn
question-kind-multiple = Dewis unrhyw nifer o opsiynau
question-kind-number = Rhif cyfan
question-kind-text = Testun rhydd
question-prompt-en = Cwestiwn yn Saesneg
question-prompt-cy = Cwestiwn yn Gymraeg
question-prompt-missing = Rhowch y cwestiwn
question-hint-en = Awgrym yn Saesneg
question-hint-cy = Awgrym yn Gymraeg
question-hint-hint = Dewisol. Llinell o dan y cwestiwn sy'n helpu pobl i'w ateb.
question-options-heading = Opsiynau (ar gyfer cwestiynau ag opsiynau i ddewis ohonyn nhw)
question-options-en = Opsiynau yn Saesneg
question-options-hint = Un opsiwn ar bob llinell, yn y drefn i'w dangos.
question-options-cy = Opsiynau yn Gymraeg
question-options-cy-hint = Dewisol. Un ar bob llinell, yn yr un drefn â'r Saesneg.
question-options-too-few = Rhowch o leiaf ddau opsiwn, un ar bob llinell
question-options-too-many = Peidiwch â rhoi mwy na 12 opsiwn
question-options-cy-count = Rhowch gymaint o opsiynau Cymraeg ag o rai Saesneg, yn yr un drefn, neu adewch nhw i gyd yn wag
question-range-heading = Lleiaf a mwyaf (ar gyfer rhif)
question-range-hint = Dewisol. Caiff atebion y tu allan i'r ystod eu gwrthod gyda neges glir.
question-min = Rhif lleiaf
question-max = Rhif mwyaf
question-max-below-min = Ni ddylai'r rhif mwyaf fod yn llai na'r lleiaf

quiz-new-title = Ychwanegu cwestiwn i'r rownd wybodaeth
quiz-edit-title = Newid cwestiwn yn y rownd wybodaeth
quiz-form-intro = Ysgrifennwch y cwestiwn a'i opsiynau yn Saesneg, ac yn Gymraeg os gallwch, a thiciwch bob ateb cywir. Gyda mwy nag un ateb cywir, mae pobl yn dewis pob un sy'n berthnasol.
quiz-competence = Y cymhwysedd y mae'n ei brofi
quiz-competence-hint = Un o'r cymwyseddau y mae'r ymgyrch hon yn gofyn i bobl eu sgorio.
quiz-competence-choose = Dewiswch gymhwysedd
quiz-competence-missing = Dewiswch gymhwysedd y mae'r ymgyrch hon yn ei sgorio
quiz-tests = Yn profi:
quiz-options-heading = Opsiynau
quiz-options-hint = Gadewch y rhesi nad oes eu hangen arnoch yn wag.
quiz-option-legend = Opsiwn { $number }
quiz-option-en = Yn Saesneg
quiz-option-cy = Yn Gymraeg
quiz-correct = Ateb cywir
quiz-option-missing = Ysgrifennwch yr opsiwn yn Saesneg, neu adewch ei res yn wag
quiz-options-too-few = Rhowch o leiaf ddau opsiwn
quiz-correct-missing = Ticiwch o leiaf un ateb cywir
quiz-all-correct = Gadewch o leiaf un opsiwn nad yw'n gywir
quiz-picture-heading = Llun (dewisol)
quiz-picture = Llun
quiz-picture-hint = Llun i'w adnabod: un sy'n dod gyda skillgym, neu un a lanlwythwyd i'r archwiliad hwn.
quiz-picture-none = Dim llun
quiz-picture-upload = Neu lanlwythwch eich llun eich hun
quiz-picture-upload-hint = Ffeil PNG neu JPEG, llai na 2 MB, fel sgrinlun o'ch catalog. Mae'n cymryd lle'r llun a ddewiswyd uchod: disgrifiwch ef yn y blychau uchod.
quiz-picture-unknown = Dewiswch un o'r lluniau a restrir
quiz-picture-alt-en = Beth mae'r llun yn ei ddangos, yn Saesneg
quiz-picture-alt-hint = Caiff ei ddarllen gan ddarllenwyr sgrin yn lle'r llun. Mae ei angen pan fo llun.
quiz-picture-alt-cy = Beth mae'r llun yn ei ddangos, yn Gymraeg
quiz-picture-alt-missing = Disgrifiwch y llun i bobl na allan nhw ei weld
quiz-picture-cy = Llun Cymraeg
quiz-picture-cy-hint = Dewisol. Yr un llun yn Gymraeg, fel yr e-bost wedi'i ysgrifennu yn Gymraeg: mae darllenwyr Cymraeg yn ei weld yn lle'r llun uchod.
quiz-picture-cy-none = Dim llun Cymraeg: mae darllenwyr Cymraeg yn gweld y llun uchod
quiz-picture-cy-alone = Dewiswch y llun uchod hefyd: mae'r llun Cymraeg yn mynd gydag ef
quiz-picture-cy-alt-missing = Disgrifiwch y llun Cymraeg yn Gymraeg i bobl na allan nhw ei weld
quiz-picture-alt-cy-hint = Pan fo llun Cymraeg, disgrifiwch hwnnw. Os byddwch yn ei adael yn wag, bydd tudalennau Cymraeg yn defnyddio'r Saesneg.
quiz-picture-upload-for = Defnyddio'r ffeil rydych chi'n ei lanlwytho fel
quiz-picture-upload-for-en = Y llun
quiz-picture-upload-for-cy = Y llun Cymraeg
quiz-explanation-en = Esboniad yn Saesneg
quiz-explanation-hint = Dewisol. Fe'i dangosir gyda'r canlyniadau, i ddweud pam mae'r ateb cywir yn gywir.
quiz-explanation-cy = Esboniad yn Gymraeg

## Lluniau wedi'u lanlwytho ar gyfer cwestiynau'r rownd wybodaeth
picture-missing = Dewiswch lun i'w lanlwytho
picture-too-large = Rhaid i'r llun fod yn llai na 2 MB
picture-not-png-or-jpeg = Rhaid i'r llun fod yn ffeil PNG neu JPEG
picture-corrupt = Nid oedd modd darllen y llun: mae'r ffeil wedi'i difrodi neu nid yw'n ffeil PNG neu JPEG go iawn
picture-size-out-of-range = Rhaid i'r llun fod rhwng 1 a 10,000 picsel o led ac o uchder
