# Inviting people to an audit by email, reminders, and password-free links.

## The campaign page
invitations-heading = Invitations by email
invitations-invited = Invited
invitations-reminded = Reminded
invitations-waiting = Not yet invited (with an email address)
invitations-explain = Invitations go to everyone asked by this campaign who has an email address and has not been invited. Reminders go to those invited who have not finished, once each.
invitations-send = Send invitations
reminders-send = Send reminders now
invitations-not-configured = Email is not set up, so invitations cannot be sent. Ask whoever runs skillgym to set SKILLGYM_SMTP_URL and SKILLGYM_MAIL_FROM.
invitations-sent = { $sent ->
    [0] No invitations were sent.
    [one] Invitation sent to one person.
   *[other] Invitations sent to { $sent } people.
}{ $failed ->
    [0] {""}
    [one] {" "}One could not be sent: see below.
   *[other] {" "}{ $failed } could not be sent: see below.
}
reminders-sent = { $sent ->
    [0] No reminders were sent.
    [one] Reminder sent to one person.
   *[other] Reminders sent to { $sent } people.
}{ $failed ->
    [0] {""}
    [one] {" "}One could not be sent: see below.
   *[other] {" "}{ $failed } could not be sent: see below.
}
invitations-campaign-not-open = Invitations and reminders can be sent only while the campaign is open.
invitations-failed-heading = Emails that could not be sent
invitations-kind-invite = invitation
invitations-kind-reminder = reminder
invitations-links-allowed = Let people open the audit from the email without a password
invitations-links-hint = Each email then carries a link for that person only, which works until the campaign closes. It opens this audit and their results, nothing else.
invitations-reminder-days = Remind those who have not finished after (days)
invitations-reminder-days-hint = A reminder is sent once, this many days after the invitation, while the campaign is open.
invitations-settings-save = Save email settings
invitations-settings-saved = Email settings saved.

## The link
invitation-link-refused-title = This link does not work
invitation-link-refused = The link may have expired, been changed, or been turned off by your service. You can still sign in to take the audit.
invitation-link-sign-in = Sign in
invitation-link-open-title = Open your audit
invitation-link-open-lead = This link is for you to take part in:
invitation-link-open-only = It opens this audit and your results only, without a password. If this link was not meant for you, close this page.
invitation-link-open-button = Continue to the audit

## The emails (plain text)
invitation-email-link-personal = This link is for you only: please do not forward it.
invitation-email-link-sign-in = You will be asked to sign in.
invitation-email-subject = Please take part: { $campaign }
invitation-email-body =
    Hello { $name },

    { $organisation } is asking staff and volunteers about their digital skills in "{ $campaign }". Your answers are saved as you go, so you can stop and carry on later.

    It is not a test: it helps your service see where training would help most, and helps you choose what to learn next.

    Please take part by { $closes }:
    { $link }

    { $how }

    Thank you,
    { $organisation }
reminder-email-subject = Reminder: { $campaign } closes on { $closes }
reminder-email-body =
    Hello { $name },

    A reminder that "{ $campaign }" is open until { $closes }. If you have started, you will carry on where you left off.

    { $link }

    { $how }

    Thank you,
    { $organisation }

## Command-line help for the email settings (see crates/skillgym/src/help.rs)
