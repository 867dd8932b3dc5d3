# The assisted-digital services catalogue: the online public services staff help people use.

nav-services = Services
services-title = Services we help people use
services-intro = The online public services people most often ask us for help with: who runs each, what the person needs ready, the steps, the common problems and their fixes, and the skills it takes to help. Say how confident you are with each, so your service knows where help is needed.
services-add = Add a service
services-import-link = Import a services file
services-download = Download the services (CSV)
services-search-label = Search the services
services-words = Words in its name, steps or problems
services-competence = Skill it takes to help
services-search = Search
services-found = { $count ->
    [one] 1 service found, of { $total }
   *[other] { $count } services found, of { $total }
}
services-all = { $total ->
    [0] No services yet.
    [one] 1 service
   *[other] { $total } services
}
services-imported = { $added } added and { $updated } changed.
services-back = Back to the services

service-notice-removed = The service was removed.
service-notice-rated = Saved: thank you for saying how confident you are.
service-notice-withdrawn = Done: what you said about your confidence has been removed.
service-notice-checked = Marked as checked today.
service-notice-saved = The service was saved.
service-due = Due a check
service-run-by-is = Run by { $run_by }
service-checked-is = Last checked { $date }
service-needs-skills = Skills it takes:
service-due-explained = A service is marked "Due a check" when it was last checked more than { $months } months ago. An administrator can change this under Settings.
service-due-warning = This entry was last checked more than { $months } months ago: the service may have changed since.

service-run-by = Run by
service-url = The service's address
service-competences = Skills it takes to help
service-checked = Last checked
service-code = Code
service-edit = Change this service
service-remove = Remove this service
service-mark-checked = Mark as checked today
service-needs = What the person needs ready
service-steps = Steps
service-problems = Common problems and their fixes
service-problem = Problem
service-fix = What to do
service-guides = Guides and videos
service-in-catalogue = in the learning catalogue

service-confidence-heading = Your confidence with this service
service-confidence-private = Only you see your own answer. Your manager and trainers see, per library, whether anyone working there is confident with a service, never who said what.
service-confidence-question = How confident are you helping someone use this service?
service-confidence-hint = Choose the answer closest to how you feel today. You can change or remove it at any time.
service-confidence-yours = You said: { $answer }
service-confidence-1 = I have not helped anyone with this yet, or only with a lot of help
service-confidence-2 = I can help with some of it, with a colleague's help
service-confidence-3 = I can help people with it on my own
service-confidence-4 = I can help people with it confidently, even when something goes wrong
service-confidence-5 = I could show colleagues how to help, and keep up with changes to it
service-confidence-not-sure = Not sure, or this does not apply to my role
service-confidence-save = Save my answer
service-confidence-withdraw = Remove my answer
service-confidence-missing = Choose how confident you are, or "not sure"

service-remove-title = Remove a service
service-remove-warning = Removing a service also removes what everyone said about their confidence with it. This cannot be undone.
service-remove-confirm = Yes, remove this service
service-remove-confirm-missing = Tick the box to say you want to remove this service
service-remove-cancel = Keep it

service-new-title = Add a service
service-edit-title = Change a service
service-name-en = Name (English)
service-name-hint = What a member of the public is doing, such as "Applying for Universal Credit".
service-name-cy = Name (Welsh)
service-run-by-hint = Such as DWP, the council, the NHS or DVLA.
service-url-hint = Where the service starts, beginning https://. Leave it empty if it has none.
service-needs-en = What the person needs ready (English)
service-needs-cy = What the person needs ready (Welsh)
service-lines-hint = One on each line.
service-steps-en = Steps (English)
service-steps-cy = Steps (Welsh)
service-problems-en = Common problems and their fixes (English)
service-problems-cy = Common problems and their fixes (Welsh)
service-problems-hint = One problem on each line, then a | and what to do, such as: Codes do not arrive | Check the phone number.
service-competences-hint = The skills of your framework it takes to help someone with this service. Choose at least one.
service-links = Guides and videos
service-links-hint = One on each line: its title, a |, then its address, such as: How to claim | https://www.gov.uk/universal-credit/how-to-claim
service-activities = Activities in the learning catalogue
service-activities-hint = Their codes, separated by spaces, such as ACT-UC-JOURNAL-GUIDE. Each activity's page shows its code.
service-checked-hint = The day someone last checked this entry against the live service, such as 2026-03-31.
service-code-hint = A short code that stays the same when the services are exported and imported again, such as UC-APPLY: letters, numbers, - _ and . only.
service-save = Save the service
service-code-taken = Another service has this code

service-code-missing = Enter a code
service-code-invalid = Use up to 40 letters, numbers, - _ and . for the code
service-name-missing = Enter the service's name
service-run-by-missing = Enter who runs the service
service-text-too-long = This is too long
service-url-invalid = Enter an address that starts with https:// or http://
service-competence-unknown = This is not a skill in your frameworks
service-competence-twice = This skill is listed twice
service-competences-missing = Choose at least one skill it takes to help
service-competences-too-many = List no more than 6 skills
service-activity-invalid = Write the activities' codes separated by spaces
service-activity-unknown = This is not the code of an activity in the learning catalogue
service-activities-too-many = List no more than 10 activities
service-link-invalid = Write each link on its own line as a title, a | and an address
service-link-url-invalid = A link's address must start with https:// or http://
service-links-too-many = List no more than 10 links
service-checked-missing = Enter the day it was last checked
service-checked-invalid = Enter the day as year-month-day, such as 2026-03-31
service-checked-future = The day it was last checked cannot be in the future

services-csv-not-utf8 = The file is not saved as UTF-8 text: save it from your spreadsheet as "CSV UTF-8"
services-csv-unreadable = This line cannot be read as CSV: look for a quote that is never closed
services-csv-empty = The file is empty
services-csv-missing-column = The file has no { $value } column
services-csv-unknown-column = The column { $value } is not one a services file has (or it is there twice)
services-csv-field-count = This line has { $value } cells, not as many as the header
services-csv-no-rows = The file has a header but no services
services-csv-code-twice = The code { $value } is on an earlier line too

services-import-title = Import a services file
services-import-intro = A CSV file with one service per line, as the services download gives it. Services whose code the catalogue has already are changed; the others are added. If any line is wrong, nothing is imported, and every problem is listed by line and column.
services-import-file-label = Services file
services-import-file-hint = Columns: code, name, name_cy, run_by, url, needs, needs_cy, steps, steps_cy, problems, problems_cy, competences, links, activities, checked_on (in English or Welsh). See docs/services.md.
services-import-file-missing = Choose a services file
services-import-button = Import the services
services-import-nothing-written = Nothing was imported. Correct the file and import it again.

service-gaps-title = Gaps in confidence, by library
service-gaps-intro = For each library, the services nobody working there now is confident with (nobody rates their confidence 4 or 5). Each is a gap to close with a champion or a learning plan: the links lead to the learning that builds the skills it takes.
service-gaps-privacy = This page never shows anyone's own answer. Where a number of people could tell a colleague who answered what (fewer than { $threshold } confident, or fewer than { $threshold } not), it says only "someone".
service-gaps-own-sites = You see the libraries where the people you manage work.
service-gaps-no-services = There are no services in the catalogue yet.
service-gaps-no-sites = Nobody works at any library you can see.
service-gaps-count = { $count ->
    [0] No gaps: someone here is confident with every service.
    [one] 1 service nobody here is confident with.
   *[other] { $count } services nobody here is confident with.
}
service-gaps-caption = Confidence with each service at { $site }
service-gaps-service = Service
service-gaps-confident = Confident here
service-gaps-close = Close the gap
service-gaps-nobody = Nobody
service-gaps-someone = Someone
service-gaps-people = { $count ->
    [one] 1 person
   *[other] { $count } people
}
service-gaps-learn = Learning for:

service-age-title = When services are due a check
service-age-intro = Online services change. An entry last checked longer ago than this is marked "Due a check" on the list and on its page, until a trainer or administrator checks it again.
service-age-label = Months
service-age-hint = Whole months, from 1 to 60.
service-age-missing = Enter a number of months
service-age-invalid = Enter a whole number of months from 1 to 60
admin-services-age-hint = How many months after its last check a service is marked as due a check.

audit-action-service-added = Added a service to the services catalogue
audit-action-service-changed = Changed a service in the services catalogue
audit-action-service-checked = Marked a service as checked
audit-action-service-removed = Removed a service from the services catalogue
audit-action-services-imported = Added or changed services from a file
audit-action-service-check-age-changed = Changed when services are due a check
audit-detail-service = service { $value }

my-data-column-service-confidence-service = Service code
my-data-column-service-confidence-name = Service
my-data-column-service-confidence-confidence = How confident (1 to 5, or not-sure)
my-data-column-service-confidence-rated-at = Said (UTC)

cli-services-refused = { $count ->
    [one] Nothing was imported: the services file has 1 problem.
   *[other] Nothing was imported: the services file has { $count } problems.
}
admin-services-hint = The online public services staff help people use, with the gaps in confidence by library.

## Services in an audit campaign

campaign-services-title = Services the audit asks about
campaign-services-of = Services { $campaign } asks about
campaign-services-link = Choose the services this audit asks about
campaign-services-asked = Services it asks about
campaign-services-intro = An audit can ask each person how confident they are helping someone use services from the services catalogue, on its last page. When they submit the audit, each answer becomes their answer on that service's page. It asks about none unless you choose them.
campaign-services-legend = Services it asks about (optional)
campaign-services-hint = Each person says how confident they are helping someone use each service you tick, on the audit's last page. Not for an anonymous audit: confidence with a service is tied to the person.
campaign-services-anonymous = An anonymous audit cannot ask about services, because confidence with a service is tied to the person
campaign-services-anonymous-explain = This audit is anonymous, so it cannot ask about services: confidence with a service is tied to the person, and it is used to find a champion who can help and to show the gaps per library.
campaign-services-fixed = People have started answering this audit, so the services it asks about can no longer change.
campaign-services-none = It asks about no services.
campaign-services-save = Save the services
campaign-services-saved = The services it asks about are saved.
campaign-services-catalogue-empty = The services catalogue has no services yet.
campaign-services-catalogue-link = Go to the services catalogue
audit-services-heading = Services you help people with
audit-services-intro = How confident are you helping someone use each of these services? When you submit the audit, each answer becomes your answer on that service's page, replacing what you said there before. Only you see your own answers.
audit-service-not-asked = This audit does not ask about that service
audit-action-campaign-services-changed = Changed the services a campaign asks about
audit-detail-services = services asked about: { $value }

my-data-column-audit-service-answers-campaign = Audit
my-data-column-audit-service-answers-service = Service code
my-data-column-audit-service-answers-name = Service
my-data-column-audit-service-answers-confidence = How confident (1 to 5, or not-sure)
