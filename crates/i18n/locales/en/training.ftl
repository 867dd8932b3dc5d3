## The training matrix: mandatory modules, who is due, overdue or never started

nav-training = Training
admin-group-training = Mandatory training
admin-training-hint = Who has done the modules the service requires, who is due soon and who is overdue.
training-title = Training matrix
training-lead = The modules the service requires, such as data protection every year: for each person, done, due soon, overdue or not started.
training-no-requirements = No modules are required yet. An administrator adds them here.
training-export = Download the matrix as CSV
training-summary = Each module
training-summary-caption = How many people are in each state, of the { $count } the filters match
training-module = Module
training-state-done = Done
training-state-due-soon = Due soon
training-state-overdue = Overdue
training-state-not-started = Not started
training-people = People
training-not-required = Not required
training-cell-done = Done, until { $date }
training-cell-done-for-ever = Done
training-cell-due-soon = Due by { $date }
training-cell-overdue = Overdue since { $date }
training-cell-overdue-never = Never done, due { $date }
training-cell-not-started = Not started, due { $date }
training-csv-employee-number = Employee number
training-csv-name = Name
training-csv-job-role = Job role
training-csv-team = Team
training-csv-due = { $code } due
training-own-title = Your required training
training-person-title = Required training: { $name }
training-none-apply = No required module applies to you.
training-completed-line = Completed on { $date } ({ $source })
training-source-recorded = recorded here
training-source-import = from another learning system's file
training-source-xapi = from another learning system
training-take-here = Find it in the learning catalogue
training-take-elsewhere = Where to take it
training-record-heading = Record a completion
training-record-module = Module
training-record-choose = Choose a module
training-record-date = Completed on
training-record-date-hint = For example 2026-11-30.
training-record-evidence = Link to the certificate or record (optional)
training-record-evidence-hint = A web address starting https://
training-record-save = Record it
training-recorded = The completion is recorded.
training-requirement-missing = Choose a module that applies
training-date-invalid = Enter the day it was completed, for example 2026-11-30
training-date-future = Enter a day that is not in the future
training-evidence-invalid = Enter a web address starting https://, or leave it empty
audit-action-training-changed = Added or changed a required module
audit-action-training-completed = Recorded a completion of required training
audit-detail-requirement = module { $value }
training-new-title = Add a required module
training-new-link = Add a required module
training-added = The module is added: everyone it applies to now has a cell in the matrix.
training-new-code = Code
training-new-code-hint = A short name for the matrix's columns and the CSV, such as DP-ANNUAL: letters, digits and hyphens.
training-new-title-en = Title in English
training-new-title-cy = Title in Welsh (optional)
training-new-activity = Module in the learning catalogue (optional)
training-new-activity-hint = Or leave it and give the address where it is taken.
training-new-activity-none = Taken elsewhere
training-new-url = Where it is taken (optional)
training-new-url-hint = A web address starting https://, for a module outside the catalogue.
training-new-every = Renewed every (months)
training-new-every-hint = For example 12 for every year. Leave it empty for a module done once.
training-new-window = Renewal window (days)
training-new-window-hint = A renewal this many days before the last one runs out counts for the next period.
training-new-grace = Grace for new starters (days)
training-new-grace-hint = How long someone it newly applies to (a new starter, a new job) has before it is due.
training-new-starts = Applies from
training-new-starts-hint = For example 2026-04-01. Those it applies to then have their grace from this day.
training-new-employment = Staff or volunteers
training-new-employment-any = Both
training-new-employment-staff = Staff only
training-new-employment-volunteers = Volunteers only
training-new-families = Job families
training-new-any-hint = Tick none for all of them.
training-new-roles = Job roles (optional)
training-new-roles-hint = As the staff file writes them, separated by commas; empty for all.
training-new-sites = Sites
training-new-save = Add the module
training-code-invalid = Enter a code of up to 20 letters, digits and hyphens
training-code-taken = A module already has this code: choose another
training-title-invalid = Enter a title of up to 200 characters
training-activity-missing = Choose an activity from the list
training-period-invalid = Enter the months as a whole number from 1 to 120, or leave it empty
training-window-invalid = Enter the renewal window as a whole number of days from 0 to 366
training-grace-invalid = Enter the grace as a whole number of days from 0 to 366
training-window-too-long = Make the renewal window shorter than the period
training-starts-invalid = Enter the day it applies from, for example 2026-04-01

## Importing completions
training-import-title = Import completions
training-import-intro = A CSV file of completions from another learning system, one per line. Who it is (by employee number, or email when there is none), the module's code, the day it was completed and, if you like, a link to the evidence. A completion already recorded for the same day is not added again. If any line is wrong, nothing is imported, and every problem is listed by line and column.
training-import-file-label = Completions file
training-import-file-hint = Columns: employee_number, email, module, completed_on, evidence (in English or Welsh). See docs/training.md.
training-import-file-missing = Choose a completions file
training-import-button = Import the completions
training-import-nothing-written = Nothing was imported. Correct the file and import it again.
training-imported = Completions added: { $added }. Already recorded: { $unchanged }.
training-csv-not-utf8 = The file is not saved as UTF-8 text: save it from your spreadsheet as "CSV UTF-8"
training-csv-unreadable = This line cannot be read as CSV: look for a quote that is never closed
training-csv-empty = The file is empty
training-csv-missing-column = The file has no { $value } column
training-csv-unknown-column = The column { $value } is not one a completions file has (or it is there twice)
training-csv-field-count = This line has { $value } cells, not as many as the header
training-csv-no-rows = The file has a header but no completions
training-csv-who-missing = Give the employee number or the email of the person
training-csv-email-invalid = { $value } is not an email address
training-csv-module-unknown = { $value } is not the code of a required module
training-csv-person-unknown = Nobody in the staff file has this employee number or email
training-csv-not-theirs = This module does not apply to this person
audit-action-training-imported = Imported completions of required training
cli-completions-refused = { $count ->
    [one] Nothing was imported: the completions file has 1 problem.
   *[other] Nothing was imported: the completions file has { $count } problems.
}
# The weekly email to each manager.
training-digest-subject = { $people ->
    [one] Required training: one of your people has a module to do
   *[other] Required training: { $people } of your people have modules to do
}
training-digest-body =
    Dear { $name },

    { $people ->
        [one] One of the people you manage has
       *[other] { $people } of the people you manage have
    } required training that is due soon, overdue or not started:

    { $lines }

    The training matrix has the detail, and a CSV to download:
    { $url }
training-digest-line = - { $name }, { $module }: { $state }
audit-action-training-retired = Retired a required module
# Changing and retiring a module.
training-change = Change
training-edit-title = Change a required module
training-edit-code = Code: { $code }
training-edit-hint = Everyone's cells are worked out again from their completions as they are: a shorter period can make people overdue at once. The code does not change.
training-edit-save = Save the changes
training-changed = The module is changed: everyone's cells are worked out again.
training-retire-link = Retire this module
training-retire-title = Retire a required module
training-retire-warning = Once retired, the module leaves the matrix, people's pages and managers' emails, and takes no more completions. It cannot be brought back: add a new module instead.
training-retire-what-stays = The completions people recorded stay with them, in their data download, until they are erased.
training-retire-confirm = Retire the module
training-retire-cancel = Cancel
training-retired = The module is retired.
# Evidence.
training-evidence-link = (evidence)
training-evidence-download = Download { $name }
training-record-evidence-file = Certificate (optional)
training-record-evidence-file-hint = A PDF, PNG or JPEG of at most 2 MB.
training-evidence-file-too-large = Choose a certificate of at most 2 MB
training-evidence-file-corrupt = The certificate could not be read: choose the file again, or another
training-evidence-file-kind = Choose a certificate that is a PDF, PNG or JPEG
