# Messages the command line prints.

cli-listening = skillgym is running at { $url }
cli-stop-hint = Press Ctrl+C to stop.
cli-demo-ready = The demo organisation { $name } is ready, with { $people } people.
cli-demo-sign-ins = Sign in as any of these (password: { $password }):
cli-demo-sign-in-line = { $email } – { $label }
cli-demo-created = Creating the demo organisation…
cli-migrated = The database is up to date.
cli-import-checking = Checking { $file }…
cli-import-saving = Saving { $count } people…
cli-import-done = Imported: { $added } added, { $updated } updated, { $unchanged } unchanged.
cli-import-teams-added = New teams: { $teams }
cli-import-refused = Nothing was imported: the file has { $count ->
    [one] one problem
   *[other] { $count } problems
}.
cli-import-problem = line { $line }, column { $field }: { $message }
cli-import-problem-file = { $message }
cli-no-organisation = There is no organisation yet. Create one with: skillgym user create-admin --organisation "Your library service" --email you@example.org --name "Your Name"
cli-admin-created = { $email } is now an administrator.
cli-admin-link = They can choose a password here (the link works once, for 7 days): { $url }
cli-admin-exists = { $email } already has an account; they are now an administrator.
cli-error = Error: { $message }
cli-database-unreachable = Cannot reach the database at { $url }. Check DATABASE_URL, and that the database is running.
cli-file-unreadable = Cannot read { $file }: { $reason }
cli-report-no-campaign = There is no campaign { $campaign }. Its number is in its address: /campaigns/NUMBER.
cli-report-no-grouping = The campaign cannot compare groups by “{ $by }”. Choose one of: { $offered }.
cli-report-no-earlier = Campaign { $campaign } cannot be compared with campaign { $earlier }: that is not an earlier campaign on the same framework. Choose one of: { $offered }.
cli-report-no-earlier-none = Campaign { $campaign } cannot be compared with campaign { $earlier }: there is no earlier campaign on the same framework.
cli-report-no-person = There is nobody with the number or email address “{ $person }”.
cli-report-anonymous = Campaign { $campaign } is anonymous: its answers are shown only to the person who gave them, so it cannot be reported with --person or --profiles.
