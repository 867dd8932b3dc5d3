# The learning catalogue.

nav-learning = Learning
catalogue-title = Learning catalogue
catalogue-intro = Short videos, guides, clubs, courses, coaching and more, each with the skills it builds. Search for what fits the time you have.
catalogue-add = Add an activity
catalogue-import-link = Import a catalogue file
catalogue-download = Download the catalogue (CSV)
catalogue-search-label = Search the catalogue
catalogue-words = Words in the title or description
catalogue-competence = Skill it builds
catalogue-any = Any
catalogue-level = To level
catalogue-level-at-least = { $level } or above
catalogue-minutes = Time it takes
catalogue-minutes-at-most = { $minutes } minutes or less
catalogue-kind = Kind of activity
catalogue-language = Language
catalogue-provider = Provider
catalogue-search = Search
catalogue-found = { $count ->
    [one] 1 activity found, of { $total }
   *[other] { $count } activities found, of { $total }
}
catalogue-all = { $total ->
    [0] The catalogue is empty.
    [one] 1 activity
   *[other] { $total } activities
}
catalogue-back = Back to the learning catalogue

activity-kind-video = Video
activity-kind-guide = One-page guide
activity-kind-case-study = Case study
activity-kind-e-learning = E-learning
activity-kind-course = Course
activity-kind-webinar = Webinar
activity-kind-event = Event or bootcamp
activity-kind-club = Club with weekly assignments
activity-kind-drop-in = Drop-in surgery
activity-kind-shadowing = Shadowing a colleague
activity-kind-coaching = Coaching

activity-title = Activity
activity-minutes = { $minutes ->
    [one] 1 minute
   *[other] { $minutes } minutes
}
activity-free = Free
activity-builds = Builds:
activity-to-level = to level { $level }
activity-length = Time it takes
activity-cost = Cost
activity-builds-heading = Skills it builds
activity-where = Where to find it
activity-completion = How completing it is recorded
activity-usefulness = How useful people found it
activity-usefulness-mean = { $mean } out of 5, from { $count } ratings
activity-usefulness-few = Shown once { $threshold } people have rated it.
activity-code = Code
activity-edit = Change this activity
activity-rate-heading = Did you do it?
activity-rate-question = How useful was it to you?
activity-rate-hint = Your rating is counted with everyone's; nobody sees yours on its own.
activity-rated = You rated it { $usefulness } out of 5. You can change your rating.
activity-usefulness-1 = 1 – not useful
activity-usefulness-2 = 2 – a little useful
activity-usefulness-3 = 3 – useful
activity-usefulness-4 = 4 – very useful
activity-usefulness-5 = 5 – extremely useful
activity-rate-button = Save my rating
activity-rating-missing = Choose how useful it was, from 1 to 5

activity-new-title = Add an activity
activity-edit-title = Change an activity
activity-title-en = Title in English
activity-title-cy = Title in Welsh (optional)
activity-summary-en = What people will be able to do afterwards, in English
activity-summary-cy = The same in Welsh (optional)
activity-summary-hint = One or two plain sentences.
activity-choose = Choose
activity-minutes-label = Time it takes, in minutes
activity-minutes-hint = All of it: a club of six weekly hour-long sessions takes 360 minutes.
activity-cost-label = Cost to the service, in pounds
activity-cost-hint = 0 when it is free.
activity-languages = Languages it is delivered in
activity-url-label = Address (optional)
activity-url-hint = For a video, e-learning or a webinar that lives elsewhere: starts with https://
activity-completion-label = How completing it is recorded (optional)
activity-completion-hint = For e-learning elsewhere, for example "a certificate at the end".
activity-builds-hint = Up to three skills, each with the level of the framework it builds them to.
activity-competence-n = Skill { $n }
activity-level-n = Level it builds skill { $n } to
activity-none = None
activity-code-hint = A short code that stays the same when the catalogue is exported, imported again or shared: letters, digits and dashes.
activity-save = Save the activity
activity-code-taken = Another activity in the catalogue has this code

activity-title-missing = Enter a title
activity-provider-missing = Enter who provides it
activity-text-too-long = This is too long
activity-minutes-invalid = Enter the time it takes as a whole number of minutes, from 1 to 10,000
activity-competence-unknown = This is not a skill in any of your frameworks
activity-code-missing = Enter a code
activity-code-invalid = Use up to 40 letters, digits, dashes, dots and underscores for the code
activity-kind-invalid = Choose the kind of activity from the list
activity-languages-invalid = Give the languages as en, cy or both
activity-languages-missing = Choose at least one language
activity-cost-invalid = Enter the cost in pounds, such as 0 or 12.50, up to 10,000
activity-url-invalid = Enter an address starting with https:// or http://
activity-builds-invalid = Write each skill as its code and level, such as SAFE-1:2
activity-builds-level = Choose a level from 1 to 5
activity-builds-twice = This skill is listed twice
activity-builds-missing = Choose at least one skill it builds
activity-builds-too-many = List no more than 6 skills

catalogue-csv-not-utf8 = The file is not saved as UTF-8 text: save it from your spreadsheet as "CSV UTF-8"
catalogue-csv-unreadable = This line cannot be read as CSV: look for a quote that is never closed
catalogue-csv-empty = The file is empty
catalogue-csv-missing-column = The file has no { $value } column
catalogue-csv-unknown-column = The column { $value } is not one a catalogue file has (or it is there twice)
catalogue-csv-field-count = This line has { $value } cells, not as many as the header
catalogue-csv-no-rows = The file has a header but no activities
catalogue-csv-code-twice = The code { $value } is on an earlier line too

catalogue-import-title = Import a catalogue file
catalogue-import-intro = A CSV file with one activity per line, as the catalogue's download gives it. Activities whose code the catalogue has already are changed; the others are added. If any line is wrong, nothing is imported, and every problem is listed by line and column.
catalogue-import-file-label = Catalogue file
catalogue-import-file-hint = Columns: code, title, title_cy, summary, summary_cy, kind, provider, minutes, cost, languages, url, completion, competences (in English or Welsh). See docs/catalogue.md.
catalogue-import-file-missing = Choose a catalogue file
catalogue-import-button = Import the catalogue
catalogue-import-nothing-written = Nothing was imported. Correct the file and import it again.
catalogue-imported = { $added } added and { $updated } changed.

audit-action-catalogue-imported = Added or changed activities in the learning catalogue
cli-catalogue-refused = { $count ->
    [one] Nothing was imported: the catalogue file has 1 problem.
   *[other] Nothing was imported: the catalogue file has { $count } problems.
}

session-heading = Sessions
session-order = At your own library first, then online, then the nearest.
session-when = { $date }, { $from } to { $to }
session-online = Online
session-your-site = your library
session-places-left = { $left ->
    [one] 1 place left of { $capacity }
   *[other] { $left } places left of { $capacity }
}
session-full = { $waiting ->
    [0] Full: nobody is waiting yet
    [one] Full: 1 person is waiting
   *[other] Full: { $waiting } people are waiting
}
session-book = Book a place
session-join-waiting = Join the waiting list
session-cancel = Give up my place
session-stop-waiting = Leave the waiting list
session-you-are-booked = You have a place.
session-you-are-waiting = { $ahead ->
    [0] You are next on the waiting list: a place that comes free is yours at once.
    [one] You are on the waiting list, with 1 person before you.
   *[other] You are on the waiting list, with { $ahead } people before you.
}
session-notice-booked = You have a place.
session-notice-waiting = The session is full: you are on the waiting list, and a place that comes free goes to whoever has waited longest.
session-notice-cancelled = Done: you no longer have a place or a place on the waiting list.
session-add = Add a session
session-attendance-link = Bookings and who came
session-new-title = Add a session
session-date = Date
session-starts = Starts at
session-time-hint = In UK time.
session-ends = Ends at
session-place = Where
session-capacity = Number of places
session-save = Add the session
session-title = Session
session-back = Back to the activity
session-booked-count = { $booked } booked of { $capacity } places
session-nobody-booked = Nobody has booked yet.
session-who-came = Who came
session-save-attendance = Save who came
session-waiting-count = { $count ->
    [one] 1 person waiting
   *[other] { $count } people waiting
}
session-date-invalid = Enter the date the session is on
session-time-invalid = Enter the time as hours and minutes, such as 14:30
time-skipped-by-clocks = The clocks go forward over this time that day, so it does not exist: choose another
session-ends-before = The session must end after it starts
session-in-the-past = The session must start in the future
session-place-missing = Choose where the session is
session-capacity-invalid = Enter the number of places, from 1 to 1,000
session-add-to-calendar = Add to my calendar
session-calendar-feed = Keep my calendar up to date
calendar-name = My learning sessions
calendar-title = Your sessions in your calendar
calendar-intro = A private address your calendar program (Outlook, Google Calendar, Apple Calendar) can subscribe to: it shows every session you have a place on, and keeps up as you book and give up places.
calendar-new-address = Your calendar address:
calendar-once = Copy it into your calendar program now: skillgym keeps only a coded form of it, so it cannot show it again.
calendar-have = You made a calendar address on { $date }.
calendar-secret = Anyone with the address can see your sessions, so keep it to yourself. Making a new one stops the old one working. It stops working when you leave.
calendar-make = Make my calendar address
calendar-renew = Make a new address (the old one stops working)
session-reminder-subject = Tomorrow: { $title }
session-reminder-body =
    Dear { $name },

    This is a reminder that you have a place on { $title } tomorrow:
    { $when }, { $place }.

    If you cannot come, please give up your place so that someone on the waiting list can have it:
    { $url }

## Clubs' weekly assignments
club-assignments = Weekly assignments
club-assignments-intro = Everyone with a place on one of the club's sessions is in its cohort: they read each week's assignment, hand in what they did, and get feedback from a trainer.
club-no-assignments = No assignments yet.
club-due = Due { $date }
club-set-assignment = Set an assignment
club-title = Title
club-brief = What to do
club-brief-hint = A week's task: what to try, and what to hand in.
club-due-label = Due on
club-set = Set the assignment
club-assignment-title = Assignment
club-yours = What you hand in
club-body = What you did
club-body-hint = A few lines: what you tried, what worked and what did not.
club-link = A link (optional)
club-link-hint = To something you made or found, starting http:// or https://
club-hand-in = Hand it in
club-hand-in-again = Change what you handed in
club-feedback = Feedback
club-cohort = The cohort and what they handed in
club-no-cohort = Nobody has a place on the club's sessions yet.
club-not-handed-in = Not handed in yet.
club-feedback-for = Feedback for { $name }
club-save-feedback = Save the feedback
club-notice-handed-in = Handed in.
club-notice-feedback = The feedback is saved.
club-field-missing = Enter this
club-field-too-long = This is too long: shorten it
club-due-invalid = Enter the day it is due
club-submission-has-feedback = This has feedback already, so it cannot change
club-feedback-nobody = Choose a submission to give feedback on
