# The print-ready report of a whole campaign.

print-title = Print-ready report
print-title-for = Print-ready report: { $campaign }
print-link = Print-ready report
print-how = This page puts the campaign's whole report together: the overview, groups compared by job family, confidence against knowledge, and change since the earlier campaign. Use your browser's Print command to print it or save it as a PDF; the navigation and buttons are left out of the printout.

## The summary at the start of the print-ready report: two sides of A4 for a head of service
print-summary = Summary
print-figure-asked = people asked
print-figure-finished = people finished
print-figure-rate = response rate
print-weakest = Weakest competences
print-strongest = Strongest competences
print-scale = Means are of the ratings people gave themselves, from 1 (lowest) to 5 (highest).
print-findings = Main findings
print-finding-compare = { $competence }: highest { $high } ({ $high_mean }), lowest { $low } ({ $low_mean }). A real difference, not chance ({ $test }, { $p }).
print-finding-compare-none = No competence's ratings differ between the groups compared by more than chance would explain.
print-finding-calibration = { $group }: { $reading } (confidence { $confidence }, knowledge round score { $score }, both from 0 to 1).
print-finding-change = { $area }: mean { $then } then, { $now } now ({ $difference }). A real change, not chance ({ $p }).
print-finding-change-none = Since { $campaign }, no area's ratings have changed by more than chance would explain.
print-detail-follows = The detail follows from the next page: every competence's ratings, sites and areas, response rates, groups compared, confidence against knowledge, and change over time.
