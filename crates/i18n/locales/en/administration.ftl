# Administration: the administrators' pages, grouped on one page.

nav-admin = Administration
admin-title = Administration
admin-lead = Set up skillgym for your service: what audits ask about, who works where, how people sign in and what is kept.
admin-group-frameworks = Skills frameworks
admin-frameworks-hint = The areas, competences and levels campaigns ask people to rate, and the target level for each job family.
admin-group-people = People, sites and teams
admin-sites-hint = The places people work: branch, community and mobile libraries, and headquarters.
admin-teams-hint = Teams and their managers.
admin-import-staff-hint = Bring everyone in from your HR system's staff file, and mark those who have left.
admin-group-settings = Settings
admin-settings-hint = How people sign in: passwords, or your organisation's account. It also shows the retention period and the anonymity threshold.
admin-anonymity-hint = The smallest group whose figures any report shows.
admin-retention-hint = How long the details of people who have left are kept before they are erased.
admin-group-records = Records
admin-audit-trail-hint = Who viewed, exported, changed or erased people's details, and when.
