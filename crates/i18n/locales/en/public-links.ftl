# Audits open to people outside the staff file, through a public link.

take-title = Take the audit
take-lead = This audit asks how confident you feel with everyday digital skills, then a few questions that check what you know. Your answers are saved as you go.
take-who = It is open to people who are not on a library service's staff list, such as volunteers, aspiring leaders and partners.
take-anonymous = You will not be asked your name or your email address. Your answers count in the figures with everyone else's, and groups too small to hide anyone are never shown.
take-email-why = We will send a link to your email address. Follow it to start: each address answers once, and following a new link later takes you back to your answers. We keep only a coded form of your address, from which it cannot be read, and we will not write to you again.
take-cookie = This sets a cookie so that you can come back to your answers in this browser until the audit closes.
take-organisation = Which library service do you work or volunteer with?
take-organisation-missing = Choose the library service you work or volunteer with
take-email = Email address
take-email-hint = We will send the link to start here.
take-send-link = Send me the link
take-start = Start now
take-throttled = Too many people have started from this connection in the last hour. Try again later.
take-email-failed = The email could not be sent just now. Try again in a few minutes.
take-email-subject = Your link to { $campaign }
take-email-body =
    Someone, probably you, asked to take { $campaign } with this email address.

    Follow this link to start, or to go back to your answers:
    { $url }

    The link works once, for { $hours } hours. If you did not ask for it, you can ignore this email: nothing has been made with your address.
take-sent-title = Check your email
take-sent-lead = If the address you gave can receive email, a link to start is on its way to it.
take-sent-expiry = The link works once, for { $hours } hours. If it does not arrive, look in your junk folder, or go back and ask for another.
take-sent-nothing = Nothing is kept with your address until you follow the link.
take-confirm-title = Confirm your email address
take-confirm-lead = You followed the link we sent. Continue to start, or to go back to your answers to:
take-confirm-button = Continue

audit-start-public = You are answering through a public link. Your answers have no name: they count in the figures with everyone else's, and groups too small to hide anyone are never shown.

public-link-heading = Public link
public-link-explain = A public link lets people who are not on any staff list answer: volunteers, aspiring leaders, partners. Their answers count in the figures like anyone else's, grouped by the profile questions. Nobody answering through it gets an account.
public-link-address = Give out this address:
public-link-counts = Through the link: { $started } started, { $submitted } finished.
public-link-mode = Who can answer through the link
public-link-closed = Nobody: the link is closed
public-link-anonymous = Anyone with the link, anonymously
public-link-email = Anyone with the link, once per email address, confirmed by a link sent to it
public-link-email-needs-mail = Once per email address needs email to be set up (SKILLGYM_SMTP_URL).
public-link-save = Save

audit-action-public-link-changed = Changed a campaign's public link
audit-detail-public-anonymous = open to anyone
audit-detail-public-email = open once per confirmed email address
audit-detail-public-closed = closed

cli-demo-public-link = Someone on no staff list can answer the network's campaign through its public link: { $path } at the address below.
