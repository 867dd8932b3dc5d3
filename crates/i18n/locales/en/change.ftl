# Change over time: a re-audit against an earlier campaign.

change-title = Change over time
change-title-for = Change over time: { $campaign }
change-link = Change over time
change-no-earlier = There is no earlier campaign on the same framework to compare this one with. Once you clone this campaign for a re-audit, the re-audit's page will show what changed.
change-compare-with = Compare with
change-against = Compared with { $campaign }.
change-method-paired = For the people who answered both campaigns, we set each person's rating of a competence now against their own rating then, counting only the people who gave a 1 to 5 rating both times ("not sure" is left out). The mean change is the mean of those personal changes. To judge whether the changes lean one way or could be chance, we use the Wilcoxon signed-rank test: people whose rating did not change are left out, the others are ranked by how far they moved, and the ranks of those who went up are set against the ranks of those who went down. We work out its p-value from the normal approximation, corrected for the many tied changes ratings give. For an area, each person's score is the mean of their ratings of its competences, counting only the competences they rated both times.
change-method-whole = For the whole service, we take everyone who answered each campaign, whether or not they answered the other, and compare the two sets of ratings as separate groups: the mean then and now, their difference, and the Mann–Whitney test, which compares the order of the ratings rather than their size. This shows where the service as a whole stands, including people who have joined or left; the paired figures show how the same people have changed.
change-method-effect = The effect sizes run from −1 to 1, and are above 0 when ratings went up. For the people in both, it is the matched-pairs rank-biserial correlation: the ranks of those who went up less the ranks of those who went down, as a share of all the ranks. For the whole service, it is the rank-biserial correlation: how much more often a rating now is higher than a rating then than the other way round. Beyond 0.3 either way is a clear change. A p-value under 0.05 means a change this large would be unusual if nothing had really changed.
change-threshold = To keep people anonymous, no figure is shown for fewer than { $threshold } people. The figures for the people in both campaigns are also hidden when the people who answered only one of them are more than none but fewer than { $threshold }, since their ratings could otherwise be worked out by subtracting one set of figures from the other.
change-rates = Response rates then and now
change-rates-caption = How many people each campaign asked, and how many finished
change-campaign = Campaign
change-asked = Asked
change-finished = Finished
change-rate = Response rate
change-percent = { $percent }%
change-people-in-both = { $count ->
    [one] One person answered both campaigns.
   *[other] { $count } people answered both campaigns.
}
change-people-in-both-hidden = How many people answered both campaigns is hidden: fewer than { $threshold } did, or so few answered only one of them that they could be counted.
change-chart = The whole service's mean rating of every competence, then and now
change-chart-caption = For each competence, the grey circle is the whole service's mean rating in the earlier campaign and the blue square its mean now, on the scale from 1 to 5; a missing mark is hidden to keep people anonymous. The tables below give the figures, for the people in both campaigns and for the whole service.
change-then = Then
change-now = Now
change-areas-table = Change in each area
change-competences-table = Change in each competence
change-areas-caption = Each area then and now: for the people who answered both campaigns, the mean of their own area scores and of their changes, with the Wilcoxon test; for the whole service, the means of everyone who answered each time, with the Mann–Whitney test
change-competences-caption = Each competence then and now: for the people who answered both campaigns, their mean rating and mean change, with the Wilcoxon test; for the whole service, the means of everyone who answered each time, with the Mann–Whitney test
change-paired-heading = People who answered both
change-whole-heading = Whole service
change-area = Area
change-mean-change = Mean change
change-difference = Difference (now less then)
change-effect = Effect size (rank-biserial)
# Plain words shown under a p-value of change.
change-p-real = a real change, not chance
change-p-chance = could be chance

## Column headings of the CSV downloads that the page's tables do not name as such.
change-csv-campaign-number = Campaign number
change-csv-rate = Response rate (0 to 1)
change-csv-in-area = In area
change-csv-paired-n = People in both campaigns
change-csv-paired-before = People in both: mean then
change-csv-paired-after = People in both: mean now
change-csv-paired-change = People in both: mean change
change-csv-wilcoxon-t = People in both: Wilcoxon T
change-csv-wilcoxon-z = People in both: Wilcoxon z
change-csv-wilcoxon-p = People in both: Wilcoxon p-value
change-csv-paired-effect = People in both: effect size (matched-pairs rank-biserial)
change-csv-before-n = Whole service: people then
change-csv-before-mean = Whole service: mean then
change-csv-after-n = Whole service: people now
change-csv-after-mean = Whole service: mean now
change-csv-difference = Whole service: difference (now less then)
change-csv-mann-whitney-u = Whole service: Mann–Whitney U
change-csv-mann-whitney-p = Whole service: Mann–Whitney p-value
change-csv-effect = Whole service: effect size (rank-biserial)
