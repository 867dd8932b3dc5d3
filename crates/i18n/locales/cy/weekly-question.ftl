## Cwestiwn yr wythnos: cwestiynau i'r tîm digidol, eu hatebion, a'r crynodeb wythnosol

# review:
home-questions-hint = Yn sownd gyda rhywbeth digidol yn y gwaith? Gofynnwch i'r tîm digidol: mae'r atebion yn mynd i bawb ar ddydd Llun.
# review:
questions-title = Gofyn i'r tîm digidol
# review:
questions-intro = Gofynnwch unrhyw beth i'r tîm digidol (hyfforddwyr y gwasanaeth) am ochr ddigidol eich gwaith. Bob dydd Llun, mae pawb yn cael e-bost gydag atebion yr wythnos, ac mae pob ateb yn aros yma i chwilio drwyddo.
# review:
questions-ask-link = Gofyn cwestiwn
# review:
questions-waiting-link = { $count ->
    [0] Nid oes cwestiynau'n aros am ateb
    [zero] Nid oes cwestiynau'n aros am ateb
    [one] Mae 1 cwestiwn yn aros am ateb
    [two] Mae 2 gwestiwn yn aros am ateb
    [few] Mae { $count } chwestiwn yn aros am ateb
    [many] Mae { $count } chwestiwn yn aros am ateb
   *[other] Mae { $count } cwestiwn yn aros am ateb
}
# review:
questions-own-heading = Eich cwestiynau
# review:
questions-answered-tag = Wedi'i ateb
# review:
questions-waiting-tag = Yn aros am ateb
# review:
questions-faq-heading = Yr atebion hyd yma
# review:
questions-search-label = Chwilio'r atebion
# review:
# plural: no [two], [few] or [many] arm: "Cafwyd hyd i { $count } o atebion" reads right after any figure.
questions-found = { $count ->
    [zero] Ni chafwyd hyd i unrhyw ateb, o { $total }
    [one] Cafwyd hyd i 1 ateb, o { $total }
   *[other] Cafwyd hyd i { $count } o atebion, o { $total }
}
# review:
# plural: no [two], [few] or [many] arm: "{ $total } o atebion" reads right after any figure.
questions-all = { $total ->
    [0] Nid oes unrhyw gwestiwn wedi'i ateb eto.
    [one] 1 ateb
   *[other] { $total } o atebion
}
# review:
questions-answered-on = Atebwyd { $date }
# review:
questions-asked-named = Mae eich cwestiwn wedi'i anfon. Fe welwch chi ef dan "Eich cwestiynau", a'i ateb yn yr e-bost wythnosol.
# review:
questions-asked-anonymous = Mae eich cwestiwn wedi'i anfon heb eich enw. Nid oes neb yn gallu dweud pwy a'i gofynnodd, felly chwiliwch am ei ateb yn yr e-bost wythnosol ac yma.
# review:
questions-removed = Mae'r cwestiwn wedi'i ddileu.
# review:
questions-ask-title = Gofyn cwestiwn i'r tîm digidol
# review:
questions-back = Yn ôl i'r cwestiynau
# review:
questions-ask-intro = Un cwestiwn ar y tro sydd hawsaf i'w ateb. Dywedwch beth roeddech chi'n ceisio'i wneud, a beth ddigwyddodd.
# review:
questions-question = Eich cwestiwn
# review:
questions-question-hint = Hyd at 2,000 o nodau. Peidiwch â rhoi enwau a manylion aelodau'r cyhoedd.
# review:
questions-anonymous = Gofyn heb fy enw
# review:
questions-anonymous-hint = Heb eich enw, nid yw skillgym yn cadw dim am bwy a ofynnodd: ni all hyd yn oed y tîm digidol ddweud, ac ni fydd y cwestiwn dan "Eich cwestiynau".
# review:
questions-send = Anfon y cwestiwn
# review:
question-missing = Rhowch eich cwestiwn
# review:
question-too-long = Rhaid i'r cwestiwn fod yn 2,000 o nodau neu lai
# review:
question-text-invalid = Mae nodau yn y cwestiwn na ellir eu cadw: teipiwch ef eto yn lle ei ludo
# review:
answer-missing = Rhowch yr ateb
# review:
answer-too-long = Rhaid i'r ateb fod yn 8,000 o nodau neu lai
# review:
questions-question-title = Cwestiwn i'r tîm digidol
# review:
questions-more-on-skill = Rhagor o atebion am y sgil hon
# review:
questions-answer-heading = Yr ateb
# review:
questions-not-answered-yet = Nid yw'r tîm digidol wedi ateb y cwestiwn hwn eto.
# review:
questions-as-asked-heading = Fel y'i gofynnwyd
# review:
questions-asked-by = Gofynnwyd gan { $name } ar { $date }
# review:
questions-asked-without-name = Gofynnwyd heb enw ar { $date }
# review:
questions-answer-title = Ateb y cwestiwn
# review:
questions-change-answer-title = Newid yr ateb
# review:
questions-remove-title = Dileu'r cwestiwn
# review:
questions-answered-notice = Mae'r ateb wedi'i gyhoeddi: mae yn yr atebion nawr, ac yn e-bost dydd Llun nesaf.
# review:
questions-waiting-title = Cwestiynau sy'n aros am ateb
# review:
questions-waiting-none = Nid oes cwestiynau'n aros am ateb.
# review:
questions-asked-heading = Gofynnwyd
# review:
questions-who-heading = Pwy a ofynnodd
# review:
questions-without-name = Heb enw
# review:
questions-back-to-question = Yn ôl i'r cwestiwn
# review:
questions-wording = Y cwestiwn fel y bydd pawb yn ei ddarllen
# review:
questions-wording-hint = Aralleiriwch ef os oes angen: tynnwch allan unrhyw beth sy'n dweud pwy a ofynnodd, neu pwy roedden nhw'n ei helpu.
# review:
questions-answer-hint = Bydd pawb yn y gwasanaeth yn ei ddarllen, yn yr atebion ac yn yr e-bost wythnosol.
# review:
questions-competence = Y sgil y mae'n ymwneud â hi
# review:
questions-competence-hint = Mae pobl yn dod o hyd i'r ateb o weithgareddau'r sgil hon ac o gynlluniau sy'n ei datblygu.
# review:
questions-competence-unknown = Dewiswch sgil o'r rhestr
# review:
questions-publish = Cyhoeddi'r ateb
# review:
questions-remove-warning = Mae'r cwestiwn ac unrhyw ateb yn mynd am byth: o'r atebion, ac o restr pwy bynnag a'i gofynnodd.
# review:
questions-remove-confirm = Dileu'r cwestiwn
# review:
questions-remove-cancel = Canslo
# review:
questions-about-heading = Cwestiynau a atebwyd am y sgiliau hyn
# review:
questions-about-more = Yr holl atebion
# review:
# plural: no [zero] arm: sent only when something was answered.
questions-digest-subject = { $count ->
    [one] Ateb yr wythnos hon gan y tîm digidol
    [two] 2 ateb yr wythnos hon gan y tîm digidol
    [few] { $count } ateb yr wythnos hon gan y tîm digidol
    [many] { $count } ateb yr wythnos hon gan y tîm digidol
   *[other] { $count } ateb yr wythnos hon gan y tîm digidol
}
# review:
# plural: no [zero] arm: sent only when something was answered; no [two], [few] or [many] arm: "{ $count } o gwestiynau" reads right after any figure.
questions-digest-body =
    Annwyl { $name },

    { $count ->
        [one] Atebodd y tîm digidol un cwestiwn yr wythnos diwethaf:
       *[other] Atebodd y tîm digidol { $count } o gwestiynau yr wythnos diwethaf:
    }

    { $items }

    Yr holl atebion hyd yma, i chwilio drwyddyn nhw: { $faq }
    Gofyn cwestiwn eich hun: { $ask }
# review:
questions-digest-item =
    { $question }
    { $answer }
    { $url }
# review:
audit-action-question-answered = Ateb cwestiwn i'r tîm digidol
# review:
audit-action-question-removed = Dileu cwestiwn i'r tîm digidol
# review:
audit-detail-question = cwestiwn { $value }
# review:
questions-question-heading = Cwestiwn
