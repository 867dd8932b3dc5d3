# `skillgym sign-in`: turning password sign-in back on when single sign-on breaks.

cli-help-sign-in = How people sign in: turn password sign-in back on if single sign-on stops working
cli-help-sign-in-passwords = Let people sign in with their email address and password as well as single sign-on (on), or with single sign-on only (off)
cli-help-sign-in-passwords--state = on or off
cli-passwords-on = Password sign-in is on again: people can sign in with their email address and password, as well as with your organisation's account. This is recorded in the audit trail.
cli-passwords-already-on = Password sign-in was already on: people can sign in with their email address and password.
cli-passwords-off = Password sign-in is off: people sign in with your organisation's account only. This is recorded in the audit trail.
cli-passwords-already-off = Password sign-in was already off: people sign in with your organisation's account only.
cli-passwords-need-sso = Single sign-on is not set up, so password sign-in stays on: without it nobody could sign in. Set up single sign-on on the settings page first.
cli-passwords-no-password = An administrator who has no password yet can get a link to choose one with: skillgym user create-admin --email their.address@example.org
