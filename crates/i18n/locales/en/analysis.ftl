# Analysis: comparing groups, and confidence against knowledge.

analysis-compare-title = Compare groups
analysis-compare-title-for = Compare groups: { $campaign }
analysis-compare-link = Compare groups
analysis-calibration-title = Confidence and knowledge
analysis-calibration-title-for = Confidence and knowledge: { $campaign }
analysis-calibration-link = Confidence and knowledge
analysis-group-by = Group people by
analysis-by-job-family = Job family
analysis-by-employment = Employee or volunteer
analysis-by-hours = Full-time, part-time or volunteer
analysis-by-service = Length of service
analysis-by-team = Team
analysis-by-site = Main site
analysis-show = Show
analysis-method-heading = How these figures are worked out
analysis-compare-method = For each competence, we take the 1 to 5 ratings people gave themselves ("not sure" is left out) and work out each group's mean. To judge whether groups really differ or could differ by chance, we use a test that compares the order of the ratings rather than their size, which suits ratings: the Mann–Whitney test for two groups, and the Kruskal–Wallis test for more. A p-value under 0.05 means a difference this large would be unusual if the groups were really alike.
analysis-compare-effect = The size of a difference matters more than the p-value. With two groups, the rank-biserial correlation runs from −1 to 1: how much more often someone in the first group rated higher than someone in the second, than the other way round (0 means no difference; beyond 0.3 either way is a clear difference). With more groups, epsilon squared runs from 0 to 1: the share of the spread in ratings that the groups account for.
analysis-threshold = To keep people anonymous, a group of fewer than { $threshold } people who answered is left out altogether, and so is any group whose figures would let a left-out group be worked out.
analysis-left-out = { $count ->
    [one] One group is left out to keep its people anonymous.
   *[other] { $count } groups are left out to keep their people anonymous.
}
analysis-grouped-by-question-instead = No response has a job family, because they were imported without names, so people are grouped by their answer to the campaign's first question with one answer. Choose another grouping above.
analysis-no-group-person = { $total ->
    [one] The response is in no group: it was imported without a name, or its person has since been erased, so skillgym does not know their job family or whether they are an employee or a volunteer.
   *[other] { $count } of the { $total } responses are in no group: they were imported without names, or their people have since been erased, so skillgym does not know their job family or whether they are employees or volunteers.
}
analysis-no-group-question = { $total ->
    [one] The response did not answer this question, so it is in no group.
   *[other] { $count } of the { $total } responses did not answer this question, so they are in no group.
}
analysis-no-group-person-hidden = Some responses are in no group: they were imported without names, or their people have since been erased, so skillgym does not know their job family or whether they are employees or volunteers. How many is not shown, to keep people anonymous.
analysis-no-group-hours = { $total ->
    [one] The response is in no group: it was imported without a name, or its person has since been erased, so skillgym does not know their working hours.
   *[other] { $count } of the { $total } responses are in no group: they were imported without names, or their people have since been erased, so skillgym does not know their working hours.
}
analysis-no-group-hours-hidden = Some responses are in no group: they were imported without names, or their people have since been erased, so skillgym does not know their working hours. How many is not shown, to keep people anonymous.
analysis-no-group-service = { $total ->
    [one] The response is in no group: its person's staff record has no start date, or one after the campaign opened, or it was imported without a name, or its person has since been erased.
   *[other] { $count } of the { $total } responses are in no group: their people's staff records have no start date, or one after the campaign opened, or they were imported without names, or their people have since been erased.
}
analysis-no-group-service-hidden = Some responses are in no group: their people's staff records have no start date, or one after the campaign opened, or they were imported without names, or their people have since been erased. How many is not shown, to keep people anonymous.
analysis-no-group-team = { $total ->
    [one] The response is in no group: its person was in no team when the campaign asked them, or it was imported without a name, or its person has since been erased.
   *[other] { $count } of the { $total } responses are in no group: their people were in no team when the campaign asked them, or they were imported without names, or their people have since been erased.
}
analysis-no-group-team-hidden = Some responses are in no group: their people were in no team when the campaign asked them, or they were imported without names, or their people have since been erased. How many is not shown, to keep people anonymous.
analysis-no-group-site = { $total ->
    [one] The response is in no group: its person had no site when the campaign asked them, or it was imported without a name, or its person has since been erased.
   *[other] { $count } of the { $total } responses are in no group: their people had no site when the campaign asked them, or they were imported without names, or their people have since been erased.
}
analysis-no-group-site-hidden = Some responses are in no group: their people had no site when the campaign asked them, or they were imported without names, or their people have since been erased. How many is not shown, to keep people anonymous.
analysis-site-explained = Each person counts at their main site only: the first site their staff record lists, when the campaign asked them.
analysis-no-group-question-hidden = Some responses did not answer this question, so they are in no group. How many is not shown, to keep people anonymous.
analysis-try-questions = Responses imported without names can be grouped by their answers to the campaign's questions instead:
analysis-too-few-groups = There are not enough groups big enough to compare. Try another way of grouping people, or wait for more responses.
analysis-compare-chart = Group means for every competence
analysis-compare-caption = Each mark is one group's mean rating of a competence, on the scale from 1 to 5; the key above gives each group's colour and shape. A missing mark is hidden to keep people anonymous. The table below gives the figures.
analysis-compare-table = Each group's mean rating of every competence, with the test of whether the groups differ
analysis-respondents = { $count ->
    [one] { $count } person
   *[other] { $count } people
}
analysis-n = from { $n }
analysis-difference = Difference (first less second)
analysis-spread = Spread (highest less lowest)
analysis-test = Test
analysis-test-mann-whitney = Mann–Whitney
analysis-test-kruskal-wallis = Kruskal–Wallis
analysis-statistic = Statistic (U or H)
analysis-p-value = p-value
# Plain words shown under a p-value and a correlation, so the figure reads without statistics.
analysis-p-real = a real difference, not chance
analysis-p-chance = could be chance
analysis-r-strong = a strong link
analysis-r-some = some link
analysis-r-little = little or no link
analysis-rank-biserial = Effect size (rank-biserial)
analysis-epsilon-squared = Effect size (epsilon squared)
analysis-download-csv = Download this table (CSV)
analysis-calibration-method = For each person, confidence is the mean of the ratings they gave themselves on the competences the knowledge round tests, put on a scale from 0 to 1 (a rating of 1 counts as 0, 3 as 0.5 and 5 as 1). Their score is the share of the knowledge round's questions they got right, also from 0 to 1. Each group's figures are the means of its people's. The gap is confidence less score: above 0, the group is more confident than the knowledge round shows; below 0, it knows more than it thinks.
analysis-calibration-correlation = The correlation (Pearson's r, from −1 to 1) says whether, within a group, the people who rate themselves higher also score higher: near 1, closely; near 0, not at all. Only people who rated a tested competence and answered the knowledge round are counted.
analysis-no-quiz = This campaign has no knowledge round, so there is nothing to set confidence against.
analysis-nothing-shown = No group is big enough to show without putting its people's anonymity at risk.
analysis-calibration-chart = Confidence and score by group
analysis-calibration-caption = For each group, the upper bar is its confidence and the lower bar its score, both on the scale from 0 to 1, with the figure at the end of each bar. The table below gives the figures.
analysis-calibration-table = Each group's confidence, knowledge round score, the gap between them and their correlation
analysis-people = People
analysis-confidence = Confidence (0 to 1)
analysis-quiz-score = Score (0 to 1)
analysis-gap = Gap
analysis-correlation = Correlation (r)
analysis-calibration-over = more confident than tested
analysis-calibration-under = knows more than they think
analysis-calibration-matched = about right
analysis-everyone = Everyone

## Column headings of the CSV downloads that the pages' tables do not name (the others reuse the
## tables' headings). The codes columns hold the framework's and the grouping's own codes.
analysis-csv-competence-code = Competence code
analysis-csv-area-code = Area code
analysis-csv-group-code = Group code
analysis-csv-respondents = People in the group who answered
analysis-csv-n = People who rated it 1 to 5

## Confidence against knowledge, competence by competence
analysis-knowledge-heading = Confidence against knowledge, competence by competence
analysis-knowledge-method = For each competence the knowledge round tests: each group's mean self-rating (1 to 5) beside the share of its answers to that competence's questions that were right. Where the self-rating, put on a scale from 0 to 1, is 0.25 or more (a whole point on the 1 to 5 scale) above or below the share right, the row says so. Where one group rated itself at least a quarter of a point lower than another but got at least 10 percentage points more right, that is said too. A group is shown for a competence only when enough of its people both rated the competence and answered its questions.
analysis-knowledge-table = Each group's self-rating and right answers, competence by competence
analysis-knowledge-raters = People who rated it
analysis-knowledge-mean = Mean self-rating
analysis-knowledge-answerers = People who answered its questions
analysis-knowledge-right = Right answers
analysis-knowledge-reading = What it shows
analysis-knowledge-over = Rated themselves more highly than their answers bear out
analysis-knowledge-under = Knew more than they rated themselves
analysis-knowledge-agrees = Ratings and answers agree
analysis-knowledge-reversed = Rated themselves lower than “{ $group }” but got more right
analysis-knowledge-download = Download the table by competence (CSV)
