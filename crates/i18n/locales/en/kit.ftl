# The kit register: equipment at each site, who is trained on it and how much it is used.

kit-title = Kit register
kit-intro = The equipment at each library (3D printers, VR headsets, laser cutters, self-service kiosks, tablets for lending): what it is, the skills it takes to use, who is trained on it and how much it is used.
kit-add = Add kit
kit-import-link = Import a kit file
kit-download = Download the kit register (CSV)
kit-filter-label = Show the kit at one library
kit-site = Library
kit-all-sites = All libraries
kit-show = Show
kit-count = { $count ->
    [0] No kit here yet.
    [one] 1 item
   *[other] { $count } items
}
kit-needs-skills = Skills it takes:
kit-imported = { $added } added and { $updated } changed.
kit-at-site = Kit at { $site }
kit-back = Back to the kit register
kit-notice-removed = The kit was removed.
kit-notice-saved = The kit was saved.
kit-notice-trained = Training recorded.
kit-notice-untrained = Training taken off the register.
kit-notice-used = Use logged: thank you.
admin-kit-hint = Equipment at each library, who is trained on it and how much it is used.

kit-description = What it is
kit-competences = Skills it takes
kit-use-total = Use so far
kit-use-totals = { $sessions ->
    [one] 1 session
   *[other] { $sessions } sessions
}, { $people ->
    [one] 1 person helped
   *[other] { $people } people helped
}
kit-last-used = last used { $date }
kit-code = Code
kit-find-help = Find someone who can help with this kit
kit-edit = Change
kit-remove = Remove
kit-warning-untrained = Nobody working at this library now is trained on it.
kit-warning-unused = { $months ->
    [one] It has not been used for over a month.
   *[other] It has not been used for over { $months } months.
}

kit-trained-heading = Who is trained on it
kit-trained-none = Nobody is recorded as trained on it yet.
kit-trained-on = trained { $date }
kit-trained-left = Has left
kit-trained-elsewhere = works at another library
kit-trained-remove = Take { $name }'s training off
kit-trained-add = Record someone as trained
kit-employee-number = Their staff number
kit-employee-number-hint = As on the staff file.
kit-trained-date = Day they were trained
kit-trained-save = Record training
kit-person-missing = Enter a staff number
kit-person-unknown = There is nobody with this staff number

kit-use-heading = Use
kit-use-none = No use has been logged yet.
kit-use-date = Day
kit-use-sessions = Sessions run
kit-use-sessions-hint = A whole number; 0 if it was lent rather than used in a session.
kit-use-people = People helped
kit-use-note = Note
kit-use-note-hint = Optional, up to 200 characters: what it was used for. No names, please.
kit-use-add = Log use
kit-use-save = Log use
kit-use-empty = Enter how many sessions were run or people helped (at least one of them more than 0)
kit-count-invalid = Enter a whole number (0 or more)
kit-date-missing = Enter a day
kit-date-invalid = Enter a real day, for example 2026-03-31
kit-date-future = The day cannot be in the future

kit-new-title = Add kit
kit-edit-title = Change kit
kit-name = Name
kit-name-hint = What staff call it, for example "3D printer" or "Tablets for lending".
kit-description-hint = Optional: what it is for, where it is kept, how it is booked.
kit-choose-site = Choose a library
kit-competences-hint = The skills from your framework it takes to use it: at least one.
kit-code-hint = Letters, digits, dashes and dots, up to 40: it stays the same when the register is exported and imported again.
kit-save = Save
kit-code-missing = Enter a code
kit-code-invalid = A code is letters, digits, dashes, underscores and dots, up to 40
kit-code-taken = Other kit already has this code
kit-name-missing = Enter a name
kit-text-too-long = This is too long
kit-site-missing = Choose the library it is kept at
kit-site-unknown = There is no library with this code
kit-competence-unknown = This is not a skill in your framework
kit-competence-twice = This skill is chosen twice
kit-competences-missing = Choose at least one skill it takes
kit-competences-too-many = Choose at most 6 skills

kit-remove-title = Remove kit
kit-remove-warning = Who is trained on it and its use log are removed with it. This cannot be undone.
kit-remove-confirm = I want to remove this kit
kit-remove-confirm-missing = Tick the box to confirm you want to remove this kit
kit-remove-cancel = Cancel

kit-flags-title = Kit to look at, by library
kit-flags-intro = Kit nobody working at its library now is trained on (people who have left do not count), and kit nobody has logged any use of for a while. Choose a library to see its kit and where to find help.
kit-flags-unused-explained = { $months ->
    [one] Unused: no use logged for over 1 month (or, never used, added over 1 month ago).
   *[other] Unused: no use logged for over { $months } months (or, never used, added over { $months } months ago).
}
kit-flags-summary = Summary
kit-flags-totals = { $kit ->
    [one] 1 item in the register
   *[other] { $kit } items in the register
}: { $untrained } with nobody trained where it is kept, { $unused } unused.
kit-flags-caption = Kit to look at in each library
kit-flags-site = Library
kit-flags-kit = Kit
kit-flags-untrained = Nobody trained
kit-flags-unused = Unused
kit-flags-none = There is no kit in the register yet.
kit-flags-at = Kit to look at in { $site }
kit-flags-nothing = Nothing to look at here: someone working here is trained on every item, and every item has been used recently.
kit-flags-tag-untrained = Nobody here trained
kit-flags-tag-unused = Unused
kit-flags-last-used = Last used { $date }.
kit-flags-never-used = Never used.
kit-flags-help = Find help with it
kit-flags-learn = Learning for:
kit-flags-learn-hint = A trainer or manager can use this learning in someone's plan.

kit-age-title = When kit counts as unused
kit-age-intro = Kit with no use logged for longer than this (or, never used, added to the register longer ago) is flagged as unused on the kit flags page.
kit-age-label = Months
kit-age-hint = Whole months, from 1 to 60.
kit-age-missing = Enter a number of months
kit-age-invalid = Enter a whole number of months from 1 to 60
admin-kit-age-hint = How many months without use before kit is flagged as unused.

kit-csv-not-utf8 = The file is not UTF-8 text: save it as "CSV UTF-8"
kit-csv-unreadable = This line cannot be read as CSV: look for a quote that is never closed
kit-csv-empty = The file is empty
kit-csv-missing-column = The file has no { $value } column
kit-csv-unknown-column = The column { $value } is not one a kit file has (or it is there twice)
kit-csv-field-count = This line has { $value } cells, not as many as the header
kit-csv-no-rows = The file has a header but no kit
kit-csv-code-twice = The code { $value } is on an earlier line too

kit-import-title = Import a kit file
kit-import-intro = A CSV file with one item of kit per line, as the kit download gives it. Kit whose code the register has already is changed; the rest is added. If any line is wrong, nothing is imported, and every problem is listed by line and column.
kit-import-file-label = Kit file
kit-import-file-hint = Columns: code, name, description, site (the library's code), competences (in English or Welsh). See docs/kit.md.
kit-import-file-missing = Choose a kit file
kit-import-button = Import the kit
kit-import-nothing-written = Nothing was imported. Correct the file and import it again.

audit-action-kit-added = Added kit to the kit register
audit-action-kit-changed = Changed kit in the kit register
audit-action-kit-removed = Removed kit from the kit register
audit-action-kit-imported = Added or changed kit from a file
audit-action-kit-trained = Recorded someone as trained on kit
audit-action-kit-training-removed = Took someone's training on kit off the register
audit-action-kit-unused-age-changed = Changed when kit counts as unused
audit-detail-kit = kit { $value }

my-data-column-kit-trained-kit = Kit code
my-data-column-kit-trained-name = Kit
my-data-column-kit-trained-trained-on = Trained on
my-data-column-kit-trained-recorded-at = Recorded (UTC)
my-data-column-kit-use-kit = Kit code
my-data-column-kit-use-used-on = Used on
my-data-column-kit-use-sessions = Sessions run
my-data-column-kit-use-people-helped = People helped
my-data-column-kit-use-note = Note
my-data-column-kit-use-logged-at = Logged (UTC)

cli-kit-refused = { $count ->
    [one] Nothing was imported: the kit file has 1 problem.
   *[other] Nothing was imported: the kit file has { $count } problems.
}
