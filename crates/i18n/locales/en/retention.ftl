# Retention: how long skillgym keeps the data of people who have left (settings, for admins).

retention-title = Retention period for people who have left
retention-heading = Retention period
retention-current = { $months ->
    [one] People who have left are erased 1 month after the day they left.
   *[other] People who have left are erased { $months } months after the day they left.
}
retention-change-link = Change the retention period
retention-back = Back to settings
retention-saved = The retention period has been saved.
retention-how-heading = What happens
retention-how-left-on = When someone leaves, enter the day they left on their page (or, when a full staff file from HR leaves them out, choose to mark them as having left on the import's check page). Until then, skillgym treats them as staff.
retention-how-erased = When the retention period after that day has ended, skillgym erases them automatically, within the hour. This deletes, for good:
retention-how-kept = Their audit answers stay only inside figures for groups of { $threshold } or more people, which cannot identify them.
retention-how-trail = Each erasure is recorded in the audit trail, as done by skillgym's scheduled job. Changes to the retention period are recorded there too.
retention-now-heading = Who it applies to now
retention-leavers = { $count ->
    [0] skillgym holds no data about anyone who has left.
    [one] skillgym holds the data of 1 person who has left.
   *[other] skillgym holds the data of { $count } people who have left.
}
retention-next = The next: someone who left on { $left }, who will be erased on { $erased }.
retention-change-heading = Change the retention period
retention-months = Retention period, in months
retention-months-hint = Whole months, from 1 to 120 (10 years). Follow your council's records retention schedule: many keep staff records for 24 months (2 years) or 72 months (6 years) after someone leaves.
retention-months-missing = Enter the retention period in months
retention-months-not-whole = Enter the retention period as a whole number of months, like 24
retention-months-out-of-range = The retention period must be between 1 and 120 months
retention-erasing-warning = { $count ->
    [one] With this period, 1 person who left before { $date } will be erased within the hour. This cannot be undone.
   *[other] With this period, { $count } people who left before { $date } will be erased within the hour. This cannot be undone.
}
retention-confirm = { $count ->
    [one] I understand that 1 person will be erased
   *[other] I understand that { $count } people will be erased
}
retention-confirm-missing = Tick the box to confirm, or choose a longer retention period
retention-save-and-erase = Save and erase

## In the audit trail
audit-action-retention-changed = Changed the retention period
audit-action-sign-in-changed = Changed how people sign in
audit-detail-previous-months = was { $value ->
    [one] 1 month
   *[other] { $value } months
}
audit-detail-months = now { $value ->
    [one] 1 month
   *[other] { $value } months
}
audit-detail-passwords-on = password sign-in turned on
audit-detail-passwords-off = password sign-in turned off
audit-detail-issuer-changed = the sign-in service changed
audit-detail-identities-forgotten = { $value ->
    [one] { $value } account to be linked again at its next sign-in
   *[other] { $value } accounts to be linked again at their next sign-in
}
