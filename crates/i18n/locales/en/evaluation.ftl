## Evaluation: feedback after an activity, follow-ups weeks later, and the report at four levels

nav-evaluation = Evaluation
admin-evaluation-hint = What people said about the activities they did, whether they used them at work, and how the service's audits moved.
admin-follow-ups-hint = How many days after an activity people are asked whether they used it at work.
home-feedback = Tell us how your learning went

## Tell us how it went
feedback-list-title = Tell us how it went
feedback-list-heading = What you did
feedback-list-intro = Choose an activity to say how useful it was. You can change what you said at any time.
feedback-list-none = Nothing yet. Sessions you came to, plan steps you ticked off and required modules you completed will appear here.
feedback-given = Feedback given
feedback-not-given = No feedback yet
feedback-saved = Thank you. Your answers are saved.
feedback-title = How did it go?
feedback-again = You answered before. Change anything and send it again.
feedback-usefulness = How useful was it?
feedback-scale-hint = 1 is not at all, 5 is very.
feedback-facilitator = How good was { $name } at running it?
feedback-objectives = Did it do what it said it would?
evaluation-objectives-yes = Yes
evaluation-objectives-partly = Partly
evaluation-objectives-no = No
feedback-takeaways = Up to three things you will take away
feedback-takeaways-hint = One in each box. Your trainer sees these without your name.
feedback-takeaway = Thing to take away { $number }
feedback-more-effective = I will be more effective at work as a result
feedback-agree-hint = 1 is strongly disagree, 5 is strongly agree.
feedback-send = Send
feedback-usefulness-missing = Choose how useful it was, from 1 to 5
feedback-facilitator-missing = Choose how good the person running it was, from 1 to 5
evaluation-objectives-missing = Choose whether it did what it said it would
evaluation-takeaways-missing = Write at least one thing you will take away
evaluation-takeaway-too-long = Write each thing in 1,000 characters or fewer
feedback-more-effective-missing = Choose how much you agree, from 1 to 5
evaluation-score-out-of-range = Choose a number from 1 to 5
evaluation-text-too-long = Write 1,000 characters or fewer

## Follow-ups
follow-up-waiting-heading = Questions waiting for you
follow-up-after = { $days } days on
follow-up-title = Have you used it at work?
follow-up-used = Have you used what you learned at work?
follow-up-used-yes = Yes
follow-up-used-no = Not yet
follow-up-barriers = What has stopped you, or made it harder?
follow-up-barriers-hint = Choose all that apply. If you have not used it yet, choose at least one.
evaluation-barrier-no-chance = No chance to use it
evaluation-barrier-no-encouragement = No encouragement from a manager
evaluation-barrier-confidence = Confidence
evaluation-barrier-time = Time
evaluation-barrier-equipment = Equipment
evaluation-barrier-other = Something else
follow-up-other = If something else, what?
follow-up-effectiveness = How much more effective are you at work because of it?
follow-up-effectiveness-hint = 1 is no more effective, 5 is much more effective.
follow-up-example = One example of using it
follow-up-example-hint = For example, who you helped and with what. Leave it empty if you have not used it yet.
follow-up-used-missing = Choose whether you have used it at work
follow-up-barriers-missing = Choose what stopped you
evaluation-barrier-unknown = Choose from the list
follow-up-effectiveness-missing = Choose how much more effective you are, from 1 to 5
follow-up-email-subject = Have you used it at work? { $title }
follow-up-email-body =
    Dear { $name },

    { $days } days ago you did "{ $title }". Has it helped at work? Four short questions, at:
    { $url }

    Sign in if you are asked to. Nothing is saved until you send your answers.

## The follow-up days (administrators)
follow-up-days-title = Follow-up days
follow-up-days-intro = People who gave feedback on an activity are emailed these many days after it, and asked whether they have used it at work.
follow-up-days-label = Days after the activity
follow-up-days-hint = Up to four numbers from 7 to 365, separated by commas, such as 30, 90.
follow-up-days-change-link = Change the follow-up days
follow-up-days-invalid = Write whole numbers of days, separated by commas
follow-up-days-out-of-range = Each number of days must be from 7 to 365
follow-up-days-missing = Write at least one number of days
follow-up-days-too-many = Write four numbers of days or fewer
audit-action-follow-up-days-changed = Changed the follow-up days
audit-detail-previous-days = before { $value }
audit-detail-days = now { $value }

## Sessions' facilitators
session-facilitator = Who runs it
session-facilitator-hint = Their name is on the feedback form, and the evaluation report groups by it.
session-facilitator-none = Nobody in particular
session-facilitator-invalid = Choose someone from the list

## The report
evaluation-report-title = Evaluation
evaluation-report-intro = What people said right after the activities they did (reaction), how their own ratings moved between their audits before and after (learning), whether they used it at work when asked weeks later (behaviour), and how the whole service's ratings moved between its last two audits on what the activities build (results).
evaluation-report-threshold = A group with fewer than { $threshold } people is hidden, and so is any figure about fewer than { $threshold } people.
evaluation-report-groupings = Group by
evaluation-by-activity = Activity
evaluation-by-provider = Provider
evaluation-by-format = Format
evaluation-by-trainer = Trainer
evaluation-report-none = Nobody has given feedback yet.
evaluation-report-csv = Download this table (CSV)
evaluation-report-levels = Means are on the 1 to 5 scale. Learning and results are changes in ratings on the same scale. Takeaways and examples are never shown here.
evaluation-report-hidden = Hidden: fewer than { $threshold } people gave feedback
evaluation-report-n = People
evaluation-report-usefulness = Useful (mean)
evaluation-report-more-effective = More effective (mean)
evaluation-report-objectives = Met its objectives
evaluation-report-learning-n = Audited before and after
evaluation-report-learning = Change in own rating
evaluation-report-quiz-n = Quiz answered before and after
evaluation-report-quiz = Change in quiz marks (points)
evaluation-report-behaviour-n = Followed up
evaluation-report-used = Used at work
evaluation-report-effectiveness = More effective at work (mean)
evaluation-report-barriers = What stopped them
evaluation-report-results = Service's change between audits
evaluation-report-hidden-heading = Why hidden
evaluation-grouping-unknown = There is no such grouping
session-facilitator-change-hint = Change it if someone else runs it, or ran it. Feedback already given on this session moves to them.
session-facilitator-save = Save who runs it
session-facilitator-changed = Who runs the session is saved.
