# The anonymity threshold (settings, for admins).

anonymity-title = Anonymity threshold
anonymity-heading = Anonymity threshold
anonymity-current = No figure in a report is about fewer than { $threshold } people.
anonymity-change-link = Change the anonymity threshold
anonymity-saved = The anonymity threshold has been saved. Every report uses it from now on.
anonymity-how-heading = What it does
anonymity-how-groups = Reports, comparisons, CSV files, the print-ready report and the command line's JSON show no figure about fewer people than this: not a group's count, its mean rating or how many rated one competence. Nothing at all is shown about a campaign until this many people have answered it.
anonymity-how-subtraction = A figure is also hidden when it would let a hidden one be worked out by taking shown figures away from each other: the total less the groups shown, one group less another inside it, or a site less the teams within it.
anonymity-how-steps = While an anonymous campaign is open, its figures count the answers this many at a time, so that looking at the report before and after one person answers tells you nothing about them.
anonymity-how-trail = Changes to the threshold are recorded in the audit trail.
anonymity-change-heading = Change the anonymity threshold
anonymity-threshold = Smallest group shown, in people
anonymity-threshold-hint = A whole number from { $min } to { $max }. The higher it is, the more small groups are hidden. { $default } suits most library services; raise it if your sites and teams are small enough that people could be recognised.
anonymity-threshold-missing = Enter the smallest group shown, in people
anonymity-threshold-not-whole = Enter the smallest group shown as a whole number of people, like 5
anonymity-threshold-out-of-range = The smallest group shown must be from 3 to 50 people

## In the audit trail
audit-action-anonymity-threshold-changed = Changed the anonymity threshold
audit-detail-previous-threshold = was { $value }
audit-detail-threshold = now { $value }
