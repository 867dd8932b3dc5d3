# A person's profile, and the role profiles (target levels) it is measured against.

profile-title = Skills profile
profile-title-own = Your skills profile
profile-title-for = Skills profile: { $name }
profile-link = See the skills profile
profile-link-own = See your skills profile
profile-back = Back to the person
profile-back-own = Back to your details
profile-none = This person has not finished an audit that can be shown here. Answers to anonymous audits are shown only to the person who gave them.
profile-none-own = You have not finished an audit yet. Once you do, your profile will show your ratings, your quiz results and how they compare with the levels for your role.
profile-campaign = Audit
profile-family = Target levels are those for the job family { $family }.
profile-method = Ratings are the 1 to 5 levels given in the audit ("not sure" is left out); an area's figure is the mean of its competences' ratings, set against the mean of everyone who answered the audit (shown only when enough people answered to keep them anonymous). The measured level of a competence weighs tested knowledge above confidence: where the quiz asked about it, two parts the quiz score (none right counts as 1, all right as 5) to one part the rating; otherwise the rating alone. The gap is the target level for the role less the measured level: above 0, there is still some way to go.
profile-areas = Ratings by area
profile-areas-caption = For each area, the upper bar is the mean rating from this profile and the lower bar the whole service's mean, both on the scale from 0 to 5, with the figure at the end of each bar. The table below gives the figures.
profile-areas-table = Mean rating in each area, against the whole service's
profile-you = You
profile-this-person = This person
profile-service = Whole service
profile-gaps = Biggest gaps against the role's target levels
profile-no-targets = No target levels are set for this job family yet. An admin can set them on the role profiles page.
profile-no-gaps = Every competence with a target level is at or above it.
profile-gap-of = { $gap } below the target
profile-competences = Every competence
profile-competences-table = Rating, quiz result, measured level, target level and gap for every competence
profile-rating = Rating
profile-not-sure = Not sure
profile-quiz = Quiz
profile-quiz-of = { $right } of { $asked }
profile-measured = Measured level
profile-target = Target level
profile-gap = Gap
profile-met = Met

role-profiles-title = Role profiles
role-profiles-link = Role profiles: target levels for each job family
role-profiles-explain = A role profile sets the level (1 to 5) each job family should reach in each competence. People's profiles show their gaps against the levels for their job family. Leave a box empty where a competence is not part of a role.
role-profiles-no-framework = There is no framework yet. Import or create one first.
role-profiles-framework = Framework
role-profiles-table = Target level for each competence and job family
role-profiles-cell = Target level for { $competence }, { $family }
role-profiles-save = Save the target levels
role-profiles-saved = The target levels are saved.
# The same words go in the error summary and beside the box, so each names its box.
role-profile-level-invalid = Enter a target level from 1 to 5 for { $competence }, { $family }, or leave the box empty

## Column headings of the CSV download that the page's tables do not name as such.
profile-csv-quiz-right = Quiz questions right
profile-csv-quiz-asked = Quiz questions asked
profile-csv-area-mean = Mean rating in the area
profile-csv-service-area-mean = Whole service's mean rating in the area
profile-gaps-next-intro = For each gap, this is what the next level up looks like, in the words of the skills framework.
profile-gap-next = Next level ({ $level }):
profile-gap-framework = { $competence } in the framework
