# Personal data rights: the audit trail, downloading one's own data, erasing a person,
# retention, and backups on the command line.

## The audit trail
nav-audit-trail = Audit trail
audit-trail-title = Audit trail
audit-trail-intro = Who viewed, exported, changed or erased whose personal data, newest first. Nobody can change or delete these records.
audit-trail-for-person = Showing what { $name } did, and what was done to their data.
audit-trail-for-erased = Showing the records of a person who has been erased.
audit-trail-everyone = Show everyone's records
audit-trail-person-page = Go to their page
audit-trail-filter-label = Filter the audit trail
audit-trail-search = Name or employee number
audit-trail-action = What was done
audit-trail-any-action = Anything
audit-trail-filter-button = Show records
audit-trail-count = { $count ->
    [0] No records match.
    [one] One record.
   *[other] { $count } records.
}
audit-trail-download = Download these records (CSV)
audit-trail-when = When (UTC)
audit-trail-who = Who
audit-trail-what = What
audit-trail-about = Whose data
audit-trail-detail = Details
audit-actor-system = skillgym (scheduled job)
audit-actor-command-line = The command line
audit-actor-sign-in = Someone signing in
audit-erased-person = A person who has been erased
audit-action-person-viewed = Viewed their details
audit-action-person-added = Added them
audit-action-person-changed = Changed their details
audit-action-access-changed = Changed their sign-in and roles
audit-action-staff-imported = Imported a staff file
audit-action-staff-exported = Exported everyone as a staff file
audit-action-own-data-downloaded = Downloaded their own data
audit-action-person-erased = Erased them
audit-action-audit-trail-exported = Exported the audit trail
audit-action-person-left = Marked as having left: their access ended
audit-action-single-sign-on-refused = Refused a sign-in through the organisation's account
audit-action-team-reminded = Reminded their people who had not finished an audit
audit-detail-added = { $value } added
audit-detail-updated = { $value } updated
audit-detail-unchanged = { $value } unchanged
audit-detail-left = { $value } marked as having left
audit-detail-people = { $value ->
    [one] { $value } person
   *[other] { $value } people
}
audit-detail-events = { $value ->
    [one] { $value } record
   *[other] { $value } records
}
audit-detail-roles = roles: { $value }
audit-detail-link = a sign-in link was made
audit-detail-former-id = former person number { $value }
audit-detail-retention = their retention period had ended
audit-detail-command-line = at the command line
audit-detail-left-on = left on { $value }
audit-detail-account-closed = sessions ended, roles removed and account closed
audit-detail-other-identity = the account is linked to someone else at the sign-in service
audit-detail-view = { $value ->
    [profile] their skills profile
    [plan] their learning plan
   *[other] { $value }
}
audit-detail-campaign = campaign number { $value }

## A person's own data
my-data-heading = Your data
my-data-intro = Download everything skillgym holds about you: your details, sites, team, line manager, sign-in and roles, and the record of who has looked at or changed your data. You get one zip file with JSON and CSV files inside.
my-data-download = Download my data
my-data-readme = This is everything skillgym held about you on { $date }. Each table is here twice: as JSON and as CSV (which opens in a spreadsheet). person: your details. sites: where you work. account: your sign-in, language and roles, how many sessions are open, and who your organisation's sign-in service says you are, if you have used it. audit_events: who viewed, exported or changed your data, and when. activity_ratings: how useful you found activities in the learning catalogue. service_confidence: how confident you said you are helping people with the services in the services catalogue. audit_service_answers: how confident you said you are with services in an audit you have not submitted yet (submitting it makes them your service_confidence). session_bookings: the sessions you booked or waited for, and whether you came. plans, plan_goals, plan_steps and plan_notes: your learning plans, their goals and steps, what you ticked off and wrote about each, and the notes kept when you met about them. plan_credentials: the badges your finished plans earned, by the end of their address. club_submissions: what you handed in to clubs' weekly assignments, and the feedback on it. training_completions: the required modules (such as data protection) you completed, the day, how skillgym learned of it and any evidence given. xapi_statements: the xAPI statements other learning systems sent about you (naming your email or employee number), by their id, what they say you did and to what. xapi-attachments: the files those statements carried (attachments), each named by the SHA-2 hash the statements give it. certificates: the certificates you uploaded as evidence of a completion, each named in training_completions. evaluations: what you said about activities you did. evaluation_follow_ups: the follow-up questions sent to you weeks later, and your answers. weekly_questions: the questions you asked the digital team with your name, and their answers (questions asked without a name are not tied to you, so they are not here). champion and champion_offer: your nomination as a digital champion, and the skills, services and places you said you help with. help_requests: the help you asked champions for. help_given: the help you logged as a champion. buddy_meetings: your digital buddy pairings, as volunteer or buddy, and the meetings recorded. horizon_clippings: the links you clipped for horizon scanning, with your notes and tags. horizon_write_ups: the horizon-scanning write-ups you published. board_posts: the tips you posted on the champions' board. comments: your comments on clippings and tips. kit_trained: the kit (such as a 3D printer) you are recorded as trained on, and the day. kit_use: the entries you logged of kit's use.

## Erasing a person
person-erase-link = Erase this person
person-audit-trail-link = See their audit trail
warning-prefix = Warning
erase-title = Erase { $name }
erase-warning = Erasing a person cannot be undone.
erase-what-goes = This deletes, for good:
erase-goes-person = their details, sites and team membership
erase-goes-account = their sign-in, roles, sessions and sign-in links
erase-goes-links = their place as anyone's line manager or team manager (those become empty)
erase-goes-free-text = everything they wrote in their own words in a skills audit
erase-goes-ratings = how useful they said activities in the learning catalogue were, how confident they said they are with the services in the services catalogue, and the kit they were trained on (the kit's use they logged stays, tied to nobody)
erase-what-stays = The audit trail keeps its records, without saying who they were about. Their audit ratings and chosen answers stay in the campaigns' figures, without anything that says they were theirs.
erase-confirm = I want to erase { $name }, and understand this cannot be undone
erase-confirm-missing = Tick the box to confirm you want to erase this person
erase-button = Erase this person
erase-cancel = Cancel
erased-title = The person has been erased
erased-body = Their personal data has been deleted, and the erasure is in the audit trail.
erased-back = Back to people

## Retention
person-left-on = Left on
person-left-on-hint = The day they left, for example 2025-08-29. On that day their access ends: they are signed out, their roles are removed and their account is closed. They are erased when your retention period after this date ends.
person-leaving-on = Leaving on
person-left-access-ended = This person has left, so they cannot sign in. To give them access again, first clear their "left on" date.
people-left-tag = Left
people-leaving-tag = Leaving on { $date }

## Backups on the command line
cli-backup-done = Backup written to { $file }.
cli-backup-unwritable = Cannot write { $file } ({ $reason }). Check that its folder exists and that skillgym may write there.
cli-backup-postgres = skillgym uses PostgreSQL here: back it up with pg_dump, for example: pg_dump -Fc skillgym > skillgym.dump
cli-restore-postgres = skillgym uses PostgreSQL here: restore it with pg_restore, for example: pg_restore --clean -d skillgym skillgym.dump
cli-restore-checking = Checking { $file }…
cli-restore-not-sqlite = { $file } is not a SQLite database, or cannot be read. Nothing was restored.
cli-restore-damaged = { $file } is damaged ({ $reason }). Nothing was restored.
cli-restore-not-skillgym = { $file } is not a skillgym database. Nothing was restored.
cli-restore-newer = { $file } was made by a newer skillgym (it has migration { $version }). Install that version to restore it. Nothing was restored.
cli-restore-in-use = skillgym is running on { $database }. Stop it first, then restore. Nothing was restored.
cli-restore-in-use-by = skillgym is running on { $database } (process { $processes }). Stop it first, then restore. Nothing was restored.
cli-database-restoring = A restore is putting another database in place of { $database }. Start again once it has finished. Nothing was changed.
cli-database-restoring-by = A restore (process { $processes }) is putting another database in place of { $database }. Start again once it has finished. Nothing was changed.
cli-restore-done = Restored { $file }. The database it replaced is kept as { $previous }.
cli-restore-done-fresh = Restored { $file }.

# The audit trail's CSV download: one heading per column. The cells hold stored codes.
audit-trail-csv-at = When (UTC)
audit-trail-csv-actor-kind = Who: kind
audit-trail-csv-actor-id = Who: account number
audit-trail-csv-actor = Who
audit-trail-csv-action = What
audit-trail-csv-subject-id = Whose data: person number
audit-trail-csv-subject = Whose data
audit-trail-csv-detail = Details

## Column headings of the CSV files in "download my data" (the JSON keeps the column names)
my-data-column-person-employee-number = Employee number
my-data-column-person-given-name = Given name
my-data-column-person-family-name = Family name
my-data-column-person-email = Email
my-data-column-person-employment = Employment
my-data-column-person-job-role = Job role
my-data-column-person-job-family = Job family
my-data-column-person-contracted-hours = Contracted hours a week
my-data-column-person-start-date = Start date
my-data-column-person-left-on = Left on
my-data-column-person-line-manager = Line manager
my-data-column-person-team = Team
my-data-column-person-created-at = Added (UTC)
my-data-column-person-updated-at = Last changed (UTC)
my-data-column-sites-code = Site code
my-data-column-sites-name = Site
my-data-column-account-email = Sign-in email
my-data-column-account-language = Language
my-data-column-account-roles = Roles
my-data-column-account-created-at = Account created (UTC)
my-data-column-account-sessions = Signed-in sessions
my-data-column-account-single-sign-on-issuer = Organisation sign-in service
my-data-column-account-single-sign-on-subject = Your identifier at that service
my-data-column-audit-events-at = When (UTC)
my-data-column-audit-events-action = What happened
my-data-column-audit-events-by = By
my-data-column-audit-events-detail = Detail
my-data-column-audit-responses-campaign = Audit
my-data-column-audit-responses-source = How answered
my-data-column-audit-responses-started-at = Started (UTC)
my-data-column-audit-responses-submitted-at = Submitted (UTC)
my-data-column-audit-ratings-campaign = Audit
my-data-column-audit-ratings-competence-code = Competence code
my-data-column-audit-ratings-competence = Competence
my-data-column-audit-ratings-rating = Your rating (1 to 5; blank for not sure)
my-data-column-audit-profile-answers-campaign = Audit
my-data-column-audit-profile-answers-question-code = Question code
my-data-column-audit-profile-answers-question = Question
my-data-column-audit-profile-answers-answer = Your answer
my-data-column-audit-quiz-answers-campaign = Audit
my-data-column-audit-quiz-answers-question-code = Question code
my-data-column-audit-quiz-answers-question = Question
my-data-column-audit-quiz-answers-chosen = Your answer
my-data-column-audit-quiz-answers-correct = Right (1) or not (0)
my-data-column-audit-invitations-campaign = Audit
my-data-column-audit-invitations-kind = Invitation or reminder
my-data-column-audit-invitations-sent-at = Sent (UTC)
my-data-column-activity-ratings-activity = Activity code
my-data-column-activity-ratings-title = Activity
my-data-column-activity-ratings-usefulness = How useful (1 to 5)
my-data-column-activity-ratings-rated-at = Rated (UTC)
my-data-column-session-bookings-activity = Activity code
my-data-column-session-bookings-starts-at = Starts (UTC)
my-data-column-session-bookings-status = Booked, waiting or cancelled
my-data-column-session-bookings-attended = Came
my-data-column-plans-plan = Plan number
my-data-column-plans-status = Proposed, agreed, paused or finished
my-data-column-plans-starts-on = Starts on
my-data-column-plans-weekly-minutes = Minutes a week
my-data-column-plans-proposed-at = Proposed (UTC)
my-data-column-plans-agreed-at = Agreed (UTC)
my-data-column-plan-goals-plan = Plan number
my-data-column-plan-goals-competence = Competence code
my-data-column-plan-goals-from-level = Level at the start (1 to 5)
my-data-column-plan-goals-level = Goal level
my-data-column-plan-goals-deadline-week = By the end of week
my-data-column-plan-goals-end-rating = Your own rating at the end (1 to 5)
my-data-column-plan-steps-plan = Plan number
my-data-column-plan-steps-activity = Activity code
my-data-column-plan-steps-first-week = From week
my-data-column-plan-steps-last-week = To week
my-data-column-plan-steps-done-at = Done (UTC)
my-data-column-plan-steps-reflection = What you wrote
my-data-column-plan-notes-plan = Plan number
my-data-column-plan-notes-written-at = Written (UTC)
my-data-column-plan-notes-note = Note
my-data-column-plan-credentials-plan = Plan number
my-data-column-plan-credentials-credential = Credential (its address ends with this)
my-data-column-plan-credentials-issued-at = Issued (UTC)
my-data-column-club-submissions-assignment = Assignment
my-data-column-club-submissions-submitted-at = Handed in (UTC)
my-data-column-club-submissions-submission = What you handed in
my-data-column-club-submissions-link = Link
my-data-column-club-submissions-feedback = Feedback
my-data-column-training-completions-requirement = Module code
my-data-column-training-completions-title = Module
my-data-column-training-completions-completed-on = Completed on
my-data-column-training-completions-source = Recorded from
my-data-column-training-completions-evidence = Evidence
my-data-column-training-completions-evidence-file = Certificate file
my-data-column-training-completions-recorded-at = Recorded (UTC)
my-data-column-xapi-statements-statement = Statement id
my-data-column-xapi-statements-stored = Stored (UTC)
my-data-column-xapi-statements-verb = Verb
my-data-column-xapi-statements-activity = Activity
my-data-column-xapi-statements-voided = Voided (1) or not (0)

my-data-column-evaluations-activity = Activity code
my-data-column-evaluations-title = Activity
my-data-column-evaluations-done-on = Done on
my-data-column-evaluations-usefulness = How useful (1 to 5)
my-data-column-evaluations-facilitator-rating = The person running it (1 to 5)
my-data-column-evaluations-objectives = Did what it said
my-data-column-evaluations-takeaways = Things to take away
my-data-column-evaluations-more-effective = More effective at work as a result (1 to 5)
my-data-column-evaluations-submitted-at = Given (UTC)
my-data-column-evaluations-updated-at = Last changed (UTC)
my-data-column-evaluation-follow-ups-activity = Activity code
my-data-column-evaluation-follow-ups-days = Days after
my-data-column-evaluation-follow-ups-sent-at = Sent (UTC)
my-data-column-evaluation-follow-ups-used-at-work = Used at work
my-data-column-evaluation-follow-ups-barriers = What stopped you
my-data-column-evaluation-follow-ups-barrier-other = Something else
my-data-column-evaluation-follow-ups-effectiveness = More effective (1 to 5)
my-data-column-evaluation-follow-ups-example = Example
my-data-column-evaluation-follow-ups-answered-at = Answered (UTC)
my-data-column-weekly-questions-asked-at = Asked (UTC)
my-data-column-weekly-questions-question = Your question
my-data-column-weekly-questions-wording = As the digital team worded it
my-data-column-weekly-questions-answer = Answer
my-data-column-weekly-questions-answered-at = Answered (UTC)
my-data-column-champion-status = Status
my-data-column-champion-reason = Why you were nominated
my-data-column-champion-nominated-at = Nominated (UTC)
my-data-column-champion-availability = When you can help
my-data-column-champion-found-by-own-answers = Found by your own audit answers
my-data-column-champion-skills = Skills listed
my-data-column-champion-services = Services listed
my-data-column-champion-sites = Places listed
my-data-column-champion-offer-kind = Kind
my-data-column-champion-offer-what = What
my-data-column-help-requests-asked-at = Asked (UTC)
my-data-column-help-requests-competence = Skill
my-data-column-help-requests-message = Your message
my-data-column-help-requests-emailed-at = Emailed (UTC)
my-data-column-help-given-given-on = Day
my-data-column-help-given-competence = Skill
my-data-column-help-given-what = What you did
my-data-column-help-given-minutes = Minutes
my-data-column-buddy-meetings-as = As
my-data-column-buddy-meetings-started-on = Paired on
my-data-column-buddy-meetings-ended-on = Ended on
my-data-column-buddy-meetings-met-on = Met on
my-data-column-buddy-meetings-minutes = Minutes
my-data-column-buddy-meetings-note = What you covered
