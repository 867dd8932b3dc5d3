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
cli-import-marked-left = { $count ->
    [one] One person who is not in the file was marked as having left today.
   *[other] { $count } people who are not in the file were marked as having left today.
}
cli-import-absent-kept = { $count ->
    [one] One person in skillgym is not in the file and was left as they are; --absent left would mark them as having left.
   *[other] { $count } people in skillgym are not in the file and were left as they are; --absent left would mark them as having left.
}
cli-import-most-would-leave = Nothing was imported: the file would mark { $count } of the { $current } people in skillgym as having left, more than half. Check that it is the full extract from HR; to mark them all the same, add --yes.
cli-import-refused = Nothing was imported: the file has { $count ->
    [one] one problem
   *[other] { $count } problems
}.
cli-import-problem = line { $line }, column { $field }: { $message }
cli-import-problem-file = { $message }
cli-no-organisation = There is no organisation yet. Create one with: skillgym user create-admin --organisation-name "Your library service" --email you@example.org --given-name "Your given name" --family-name "Your family name"
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
cli-report-no-table = There is no table “{ $table }” in a report. Choose one of: { $offered }.
cli-report-no-person = There is nobody with the number or email address “{ $person }”.
cli-report-anonymous = Campaign { $campaign } is anonymous: its answers are shown only to the person who gave them, so it cannot be reported with --person or --profiles.

## Mistakes on the command line, and settings that cannot be used.
cli-usage-invalid-value = “{ $value }” is not a value { $arg } takes.
cli-usage-invalid-choice = “{ $value }” is not a value { $arg } takes. Choose one of: { $valid }.
cli-usage-unknown-argument = { $arg } is not an option of this command.
cli-usage-unknown-command = There is no command called “{ $command }”.
cli-usage-missing = Give { $args } as well.
cli-usage-missing-command = Choose a command: { $commands }.
cli-usage-conflict = { $arg } cannot be given together with { $prior }.
cli-usage-values = { $arg } has the wrong number of values.
cli-usage-not-utf8 = An argument is not valid UTF-8 text.
cli-usage-not-understood = The command line cannot be understood.
cli-usage-did-you-mean = Did you mean { $suggested }?
cli-usage-more = For what it takes, run: { $command } --help
cli-data-folder-uncreatable = Cannot create the data folder { $folder }
cli-settings-unreadable = Cannot read the settings file { $file }
cli-settings-invalid = The settings file { $file } is not valid
cli-session-lifetime-invalid = The session lifetime (SKILLGYM_SESSION_LIFETIME_HOURS, --session-lifetime-hours or session_lifetime_hours) must be a whole number of hours from 1 to { $max }.
cli-mail-from-missing = SKILLGYM_SMTP_URL is set but SKILLGYM_MAIL_FROM is not: set the address invitations come from.
cli-cannot-listen = Cannot listen on { $address }: another program may be using it.
cli-migration-failed = The database could not be brought up to date.
cli-admin-not-created = The administrator could not be created.
cli-organisation-unknown = There is no organisation “{ $slug }”. Choose one of: { $slugs }
cli-organisation-which = This skillgym serves more than one organisation: say which with --organisation, one of: { $slugs }
cli-organisation-created = Created { $name }, whose short name is { $slug }. Give it an administrator with: skillgym user create-admin --organisation { $slug } --email their.address@example.org
cli-organisation-line = { $slug }: { $name } ({ $people ->
        [one] 1 person
       *[other] { $people } people
    })
cli-organisation-bad-name = Enter the organisation's name with --name, in at most 200 characters.
cli-organisation-bad-language = Choose en (English) or cy (Welsh) for --language.
cli-organisation-slug-taken = Another organisation already has the short name { $slug }. Choose another with --slug.
cli-admin-elsewhere = { $email } has an account in another organisation. A person belongs to one organisation: use another email address.
invalid-organisation-slug = Enter a short name of up to 40 lower-case letters, digits and single hyphens (-), not starting or ending with one
invalid-organisation-slug-missing = Enter a short name for the organisation
cli-network-created = Created the network { $name }, whose short name is { $slug }, run by { $organisation }. Give its coordinators the coordinator role, and add members with: skillgym network add-member { $slug } --organisation MEMBER
cli-network-slug-taken = Another network already has the short name { $slug }. Choose another with --slug.
cli-network-unknown = There is no network “{ $slug }”. See them with: skillgym network list
cli-network-member-added = { $organisation } is now a member of { $network }.
cli-network-member-already = { $organisation } was already a member of { $network }.
cli-network-none = There is no network yet. Create one with: skillgym network create --name "Your network" --organisation SLUG
cli-network-line = { $slug }: { $name }, run by { $organisation }; members: { $members }
cli-network-no-members = none yet

## skillgym plans propose
cli-plans-proposed = Proposed { $made ->
    [one] 1 plan
   *[other] { $made } plans
} in { $seconds } seconds ({ $worked } working them out, { $written } writing them). Already with a plan: { $planned }. Nothing to plan from: { $unmeasured }. Nothing in the catalogue that fits: { $unfitted }.
cli-plans-anonymous = Campaign { $campaign } is anonymous: its answers are shown only to the person who gave them, so no plan is proposed from it.

## skillgym xapi
cli-xapi-client-created = Made the client “{ $name }” for { $organisation }. It sends statements to { $endpoint } with HTTP Basic credentials:
    key: { $key }
    secret: { $secret }
    Keep the secret now: it is not stored and cannot be shown again.
cli-xapi-bad-name = Give the client a name with --name, of at most 200 characters.
cli-xapi-bad-activity = “{ $activity }” is not an IRI: give the Activity's id as the learning system sends it, e.g. https://learning.example.org/courses/data-protection
cli-xapi-mapped = Statements that someone completed or passed { $activity } now count as completing { $requirement }.
cli-xapi-unmapped = No statements count as completing { $requirement } any more.
cli-xapi-no-requirement = There is no training requirement with the code “{ $requirement }”.
