# People, sites, teams and the staff file.

## People
people-title = People
my-people-title = My people
people-add = Add a person
people-export = Download everyone as a staff file (CSV)
people-filter-label = Find people
people-search = Name, employee number, email or job role
people-any = Any
people-filter-button = Show people
people-count = { $count ->
    [0] No people match.
    [one] One person.
   *[other] { $count } people.
}
pagination-label = Pages
pagination-previous = Previous page
pagination-next = Next page
pagination-position = Page { $page } of { $pages }
me-title = My details
person-title = Person
person-new-title = Add a person
person-edit-title = Change a person's details
person-edit-link = Change details
person-name = Name
person-employee-number = Employee number
person-employee-number-hint = The number your HR system uses. For volunteers, any unique reference.
person-given-name = Given name
person-family-name = Family name
person-email = Email address
person-email-hint = Leave blank if they have none; they cannot sign in without one.
person-employment = Employee or volunteer
person-job-role = Job role
person-job-family = Job family
person-hours = Contracted hours a week
person-hours-hint = For example 18.5. Volunteers: the hours they usually give.
person-start-date = Start date
person-start-date-hint = For example 2024-03-31.
person-line-manager = Line manager
person-team = Team
person-sites = Sites
person-sites-hint = Choose every site they work at.
person-email-taken = Another person already has this email address
person-number-taken = Another person already has this employee number
person-manager-cycle = This line manager reports to this person, directly or indirectly
hours-a-week = { $hours } hours a week
employment-employee = Employee
employment-volunteer = Volunteer
job-family-frontline = Frontline
job-family-specialist = Specialist
job-family-manager = Manager
job-family-senior_leader = Senior leader
job-family-aspiring_leader = Aspiring leader
person-access-heading = Sign-in and roles
person-access-has-account = This person can sign in to skillgym.
person-access-closed = This person's account was closed when they left. Save their roles to open it again.
person-access-no-account = This person cannot sign in yet. Choose their roles and save to give them an account.
person-access-needs-email = This person needs an email address before they can sign in.
person-access-roles = Roles
person-access-roles-hint = Everyone is a learner. Choose any other roles they have.
person-access-make-link = Make a sign-in link so they can choose a password (it works once, for 7 days)
person-access-save = Save sign-in and roles
person-access-link-made = Give this link to the person, privately. It works once, for 7 days.

## Sites
sites-title = Sites
sites-add = Add a site
sites-none = There are no sites yet.
site-new-title = Add a site
site-edit-title = Change a site
site-name = Name
site-code = Code
site-code-hint = The short code your staff file uses for this site, for example CEN.
site-kind = Kind of site
site-kind-branch = Branch library
site-kind-community = Community library
site-kind-mobile = Mobile library
site-kind-headquarters = Headquarters or offices
site-postcode = Postcode
site-postcode-hint = Used to find digital champions near a place.
site-latitude = Latitude
site-longitude = Longitude
site-coordinates-hint = Optional. For example 51.6214 and -3.9436.
site-people = People
site-code-taken = Another site already has this code

## Teams
teams-title = Teams
teams-add = Add a team
teams-none = There are no teams yet.
team-new-title = Add a team
team-edit-title = Change a team
team-name = Name
team-manager = Manager
team-manager-hint = The manager sees everyone in the team.
team-members = Members
team-name-taken = Another team already has this name

## Staff file import
import-title = Import a staff file
import-done-title = Staff file imported
import-intro = Upload the staff file your HR system exports, as CSV. People are matched by employee number: new people are added, changed details are updated, and importing the same file again changes nothing. If any line has a problem, nothing is imported and every problem is listed.
import-example = Download an example staff file
import-file-label = Staff file (CSV)
import-file-hint = Saved as CSV UTF-8. The first line must name the columns.
import-button = Import staff file
import-file-missing = Choose a staff file to import
import-problems-found = { $count ->
    [one] The file has one problem. Nothing was imported.
   *[other] The file has { $count } problems. Nothing was imported.
}
import-nothing-written = Nothing was imported. Correct the file and upload it again.
import-problems-caption = Problems in the file
import-line = Line
import-field = Column
import-problem = Problem
import-done-intro = The staff file was imported.
import-added = { $count ->
    [one] person added
   *[other] people added
}
import-updated = { $count ->
    [one] person updated
   *[other] people updated
}
import-unchanged = { $count ->
    [one] person unchanged
   *[other] people unchanged
}
import-teams-added = { $count ->
    [one] New team:
   *[other] New teams:
}
import-see-people = See everyone
import-another = Import another file
import-check-title = Check the staff file before importing it
import-check-file = The file { $file } lists { $count ->
    [one] one person
   *[other] { $count } people
}. Nothing has been imported yet.
import-absent-heading = People not in the file
import-absent-count = { $count ->
    [one] One person in skillgym is not in this file.
   *[other] { $count } people in skillgym are not in this file.
}
import-absent-why = If the file is the full extract from your HR system, they have most likely left. People already marked as having left are not counted.
import-absent-caption = People in skillgym who are not in the file
import-absent-name = Name
import-absent-number = Employee number
import-absent-team = Team
import-absent-more = and { $count ->
    [one] one more person
   *[other] { $count } more people
}
import-absent-question = What should happen to the people who are not in the file?
import-absent-keep = Leave them as they are
import-absent-left = Mark them as having left on { $date }
import-absent-left-hint = Their access ends at once: they are signed out, their roles are removed and their account is closed, and they are not invited to audits. They are erased when your retention period after that day ends; nobody is erased now.
import-absent-most = This would mark { $count } of the { $current } people in skillgym as having left: more than half. A file cut short by mistake looks like this. Check it is the full extract before you go on.
import-absent-confirm = { $count ->
    [one] Yes, mark one person as having left
   *[other] Yes, mark { $count } people as having left
}
import-absent-confirm-missing = Tick the box to confirm marking more than half of your people as having left, or choose to leave them as they are
import-absent-choice-missing = Choose what should happen to the people who are not in the file
import-check-button = Import staff file
import-check-cancel = Upload a different file
# shown after a figure in digits, e.g. "3 people marked as having left"
import-marked-left = { $count ->
    [one] person marked as having left
   *[other] people marked as having left
}
import-absent-kept = { $count ->
    [one] person not in the file, left as they are
   *[other] people not in the file, left as they are
}

## Problems with values, on forms and in staff files
invalid-employee-number = Enter an employee number of up to 32 letters, digits, dashes or slashes
invalid-employee-number-missing = Enter an employee number
invalid-email = Enter an email address in the correct format, like name@example.org
invalid-name = Enter a name of up to 100 characters
invalid-name-missing = Enter a name
invalid-job-role = Enter a job role of up to 100 characters
invalid-job-role-missing = Enter a job role
invalid-employment = Enter employee or volunteer
invalid-job-family = Enter frontline, specialist, manager, senior_leader or aspiring_leader
invalid-hours = Enter contracted hours as a number from 0 to 48
invalid-hours-quarter = Enter contracted hours to the nearest quarter hour, like 18.25
invalid-date = Enter a date as year-month-day, like 2024-03-31
invalid-site-code = Enter a site code of up to 16 letters, digits or dashes
invalid-site-code-missing = Enter a site code
invalid-site-name = Enter a site name of up to 120 characters
invalid-site-name-missing = Enter the site's name
invalid-site-kind = Choose the kind of site
invalid-team-name = Enter a team name of up to 120 characters
invalid-team-name-missing = Enter the team's name
invalid-postcode = Enter a real UK postcode, like SA1 1AA
invalid-coordinates = Enter latitude from -90 to 90 and longitude from -180 to 180
invalid-coordinates-pair = Enter both latitude and longitude, or neither
invalid-role = Choose a role from the list
invalid-sites-missing = Choose at least one site
staff-file-not-utf8 = The file is not saved as UTF-8. In Excel, save it as "CSV UTF-8".
staff-file-empty = The file is empty
staff-file-no-rows = The file has column names but no people
staff-file-missing-column = A required column is missing
staff-file-unknown-column = The column "{ $value }" is not part of the staff file format
staff-file-duplicate-column = The column "{ $value }" appears twice
staff-file-wrong-field-count = This line has a different number of values from the first line
staff-file-duplicate-employee-number = The employee number { $value } appears on an earlier line
staff-file-duplicate-site = The site { $value } is listed twice
staff-file-unknown-site = There is no site with the code "{ $value }". Add it under Sites first.
staff-file-unknown-manager = No one has the employee number { $value }, in the file or in skillgym
staff-file-self-manager = A person cannot be their own line manager
staff-file-manager-cycle = These line managers report to each other in a loop
staff-file-email-taken = The email address { $value } belongs to another person
staff-file-too-many-problems = There are more problems; the first 500 are listed
staff-file-unreadable = This line cannot be read as CSV; check its quotation marks

## A manager's people and the audits they are asked to take
team-audits-heading = Audits your people are asked to take
team-audits-none = None of your people is asked to take an audit that is open, or that closed in the last 90 days.
team-audit-counts = { $finished } finished, { $started } in progress, { $waiting } not started
team-audit-anonymous = Anonymous: you see your team's figures once enough people have answered, never who has.
team-people-heading = Your people
team-back = Back to your people
team-campaign-title = { $campaign }: your people
team-campaign-open-until = Open until { $date }
team-campaign-closed-on = Closed on { $date }
team-anonymous-explain = This audit is anonymous: you do not see who has finished or what anyone answered. Your team's figures are below, once enough people have answered to keep everyone anonymous.
team-progress-heading = Who has finished
team-progress-caption = Your people asked to take this audit, and how far each has got
team-progress-status = Progress
team-progress-finished = Finished
team-progress-in-progress = In progress
team-progress-not-started = Not started
team-reminders-heading = Reminders
team-reminders-explain = This emails the audit's reminder to those of your people who were invited and have not finished. Each person gets one reminder for an audit, however many times anyone presses a button.
team-reminders-send = Remind my people who have not finished
team-reminders-none = Everyone you manage who was asked has finished.
team-reminders-sent = { $sent ->
    [0] No reminders were sent: those who have not finished were reminded already, or were never invited.
    [one] Reminder sent to one person.
   *[other] Reminders sent to { $sent } people.
}{ $failed ->
    [0] {""}
    [one] {" "}One could not be sent.
   *[other] {" "}{ $failed } could not be sent.
}
team-reminders-sent-anonymous = Reminders sent to those of your people who had not finished and had not been reminded already. The audit is anonymous, so how many is not shown.
team-figures-heading = Your team's figures
team-figures-explain = A team's figures are shown only when at least { $threshold } people in it have answered, and only where they cannot be set against other figures to single anyone out: the same rule as the audit's report. Nobody's own answers are shown.
team-figures-hidden = Not enough people in this team have answered to show its ratings: they are shown once at least { $threshold } have, and only where they cannot be set against other figures to single anyone out.
team-figures-areas-caption = { $team }: mean rating in each area
team-figures-competences-caption = { $team }: mean rating of each competence
team-figures-rated = Rated (1 to 5)
team-figures-no-team = You do not manage a team, so there are no team figures: figures are given for teams, never for a few people picked out.

## Working hours and length of service, as the analysis groups people
working-hours-full_time = Full-time (37 hours or more)
working-hours-part_time = Part-time (under 37 hours)
working-hours-volunteer = Volunteer
service-length-under_1 = Under a year
service-length-1_to_4 = 1 to 4 years
service-length-5_to_9 = 5 to 9 years
service-length-10_or_more = 10 years or more
