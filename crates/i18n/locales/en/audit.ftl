# Skills audits: frameworks, campaigns, the respondent's pages and their results.

nav-audits = My audits
nav-campaigns = Campaigns
nav-frameworks = Frameworks

## The respondent's side
audits-title = My audits
audits-none = No skills audit is open for you at the moment. When your service opens one, it will appear here.
audit-status-new = Not started
audit-status-started = In progress
audit-status-done = Done
audit-closes-on = Open until { $date }
audit-start-title = Skills audit
audit-start-estimate = It takes about { $minutes ->
    [one] one minute
   *[other] { $minutes } minutes
}, in { $sections ->
    [one] one short section
   *[other] { $sections } short sections
}.
audit-start-saved = Each section is saved when you continue, so you can stop at any time and carry on later from where you left off.
audit-start-not-a-test = This is not a test of you. It helps your service see where training would help most, and helps you choose what to learn next. Answer honestly: "not sure" is a fine answer.
audit-start-anonymous = Your answers are anonymous to managers: they see figures for groups of people, never your name against your answers.
audit-start-named = Your manager and your service's skillgym administrators can see your answers with your name, to help plan your learning with you.
audit-start-now = Start now
audit-continue = Continue where you left off
audit-start-done = You have finished this audit. Thank you.
audit-see-results = See your results
audit-section-title = Skills audit
audit-section-position = Section { $number } of { $total }
audit-saved-as-you-go = Your answers are saved when you continue.
audit-profile-heading = About you
audit-quiz-heading = Digital general knowledge
audit-quiz-number = Question { $number }
audit-quiz-part = Digital general knowledge, part { $part }
audit-choose-all = Choose all that apply.
audit-optional = (optional)
audit-picture-full-size = Open the picture on its own, full size
audit-picture-of-question = (question { $number })
audit-rating-not-sure = Not sure, or this does not apply to my role
audit-rating-answer = { $level } – { $descriptor }
audit-save-continue = Save and continue
audit-save-later = Stop here and come back later (finished sections are saved)
audit-rating-missing = Choose how strong you are at this, or "not sure"
audit-rating-invalid = Choose one of the answers given
audit-option-invalid = Choose one of the answers given
audit-option-one = Choose only one answer
audit-quiz-missing = Choose an answer; if you do not know, choose the one you think most likely
audit-number-invalid = Enter a whole number, like 5
audit-number-range = Enter a number in the range given
audit-text-too-long = Your answer must be 2,000 characters or fewer
audit-question-kind-invalid = This question is of an unknown kind
audit-check-title = Check your answers before finishing
audit-not-answered = Not answered
audit-change = Change
audit-submit-heading = Now finish the audit
audit-submit-explain = When you finish, you will see your results straight away. You cannot change your answers after that.
audit-submit = Finish and see my results
audit-sections-missing = Some sections are not answered yet
audit-section-missing = Answer section { $number }

## Results
audit-results-title = Your results
audit-results-intro = Thank you. Here is what your answers show. Use it to choose what to learn next; nobody expects top marks everywhere.
audit-results-areas = How you rated yourself, by area
audit-results-chart-caption = Bar chart of your mean rating in each area, from 1 to 5. The same figures are in the table below.
audit-results-areas-caption = Your mean self-rating in each area (1 = not strong, 5 = very strong)
audit-results-area = Area
audit-results-mean = Mean rating
audit-results-not-sure = Answered "not sure"
audit-results-quiz = Digital general knowledge
audit-results-quiz-score = { $asked ->
    [one] You answered { $right } of 1 question correctly.
   *[other] You answered { $right } of { $asked } questions correctly.
}
audit-results-calibration = Where your confidence and your answers differ
results-more-confident = { $competence }: you rated yourself highly, and some questions on it caught you out. A short refresher could be worth your time.
results-knows-more = { $competence }: you know more than you gave yourself credit for. You could be more confident here.
audit-results-quiz-caption = The questions, with the right answers
audit-results-question = Question
audit-results-your-answer = Your answer
audit-results-right-answer = The right answer
audit-results-right = Right
audit-results-not-quite = Not quite
audit-back-to-audits = Back to my audits

## Frameworks
frameworks-title = Frameworks
frameworks-intro = A framework sets out the skills an audit asks about: areas, the competences in each, and what each level of rating means.
framework-title = Framework
framework-name = Name
framework-code = Code
framework-areas = Areas
framework-competences = Competences
framework-levels = What the ratings mean
framework-title-missing = Enter a title
framework-levels-count = A framework must describe exactly five levels
framework-level-missing = Describe every level
framework-no-areas = A framework needs at least one area
framework-no-competences = Every area needs at least one competence
framework-code-invalid = Codes use capital letters, digits, dashes and dots only
framework-code-duplicate = This code is used twice
framework-identifier-missing = Every item needs an identifier
framework-identifier-duplicate = This identifier is used twice

## Campaigns
campaigns-title = Campaigns
campaigns-add = Open a new campaign
campaigns-none = There are no campaigns yet.
campaign-title = Campaign
campaign-new-title = Open a new campaign
campaign-name = Name
campaign-open = Open
campaign-opens-on = Opens on
campaign-closes-on = Closes on
campaign-in-progress = In progress
campaign-rate = Response rate
campaign-submitted = Finished
campaign-answers = Answers are
campaign-anonymous-no = Named: managers and administrators see who answered what
campaign-anonymous-yes = Anonymous: managers see group figures only
campaign-audience = Who is asked
campaign-audience-everyone = Everyone
campaign-audience-sites = Ask people at these sites
campaign-audience-families = Ask people in these job families
campaign-audience-hint = Leave all unticked to ask everyone.
campaign-profile-questions = Profile questions
campaign-quiz-items = Knowledge round questions
campaign-title-en = Name in English
campaign-title-cy = Name in Welsh
campaign-title-hint = For example: Digital skills audit 2027.
campaign-title-cy-hint = Optional. Without it, Welsh readers see the English name, marked as English.
campaign-areas = What to ask about
campaign-areas-hint = Choose a framework and the areas of it to rate.
campaign-standard = Include the standard profile questions and the digital general knowledge round
campaign-create = Open campaign
campaign-title-missing = Enter a name for the campaign
campaign-framework-missing = Choose a framework
campaign-areas-missing = Choose at least one area of the framework
campaign-closes-before-opens = The closing date must be on or after the opening date
campaign-clone-heading = Run it again
campaign-clone-explain = A re-audit asks the same questions of the same people, so that you can compare the results with this campaign.
campaign-clone-button = Copy for a re-audit

## Reports
campaign-see-report = See the report
report-title = Campaign report
report-title-for = Report: { $campaign }
report-responses = { $finished } of { $asked } people asked have finished ({ $percent }%).
report-rate-outside = { $others ->
    [one] The rate counts everyone asked in skillgym ({ $people }) and one response from someone it did not ask (imported without a name, or from someone since erased or no longer asked): that response counts as asked and as finished.
   *[other] The rate counts everyone asked in skillgym ({ $people }) and { $others } responses from people it did not ask (imported without names, or from people since erased or no longer asked): each counts as asked and as finished.
}
report-rate-outside-hidden = The rate also counts responses from people skillgym did not ask (imported without names, or from people since erased or no longer asked): each counts as asked and as finished. How many is not shown, to keep people anonymous.
report-threshold = To keep people anonymous, no figure is shown for a group of fewer than { $threshold } people who answered, nor one that would let such a group be worked out.
report-back = Back to the campaign
report-weakest = Weakest across the board
report-strongest = Strongest across the board
report-mean-of = mean { $mean }
report-ratings = How every competence was rated
report-ratings-caption = Each bar shows how the answers split, from rated 1 (lightest) to rated 5 (darkest), then “not sure” (hatched), as a share of everyone who answered, on the scale from 0% to 100%. The table below gives the numbers.
report-rated = Rated { $level }
report-ratings-table = Ratings for every competence: the mean of 1–5 ratings, and how many people gave each rating
report-competence = Competence
report-heat = Sites and areas
report-heat-explain = The mean rating in each area of the framework, by the site people work at, from 1 to 5. Each cell gives its mean: the darker the blue, the stronger the rating. A hatched cell marked “hidden” is kept back to keep people anonymous.
report-heat-caption = Heat map of mean ratings by site and area. The same figures are in the table below.
report-heat-scale = Mean rating, from 1 (lightest) to 5 (darkest)
report-heat-hidden-key = Hidden, to keep people anonymous
report-heat-empty-key = No ratings: nobody at the site rated the area
report-heat-table = Mean rating by site and area
report-hidden = hidden
report-fewer-than = fewer than { $threshold }
report-responses-few = Fewer than { $threshold } of the { $asked } people asked have finished: no figures are shown until { $threshold } have.
report-stepped = This campaign is anonymous and still open, so its figures count the answers { $threshold } at a time, in the order they came in: one more answer changes nothing here until { $threshold } more have come in. Once the campaign closes, they count every answer.
report-rates = Who has answered
report-rates-sites = Response rate by site
report-rates-teams = Response rate by team
report-group = Group
report-asked = Asked
report-rate = Rate
report-area = Area
report-rank = Rank
report-rate-percent = Rate (%)
