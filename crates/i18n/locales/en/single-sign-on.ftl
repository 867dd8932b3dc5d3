# skillgym: signing in with an organisation's account (OpenID Connect), and its settings.

nav-settings = Settings

## The sign-in page
sso-sign-in-button = Sign in with your organisation's account
sso-sign-in-intro = Sign in with the account you use for your organisation's email and computers.
sso-sign-in-or = Or sign in with your skillgym password.

## When a sign-in through the organisation's account does not work
sso-refused-title = You could not be signed in
sso-refused-expired = This sign-in has expired or has already been used. Start again from the sign-in page.
sso-refused-provider = Your organisation's sign-in service did not sign you in. You may have cancelled, or it may have refused. Start again from the sign-in page.
sso-refused-failed = Your organisation's sign-in service did not confirm who you are. Try again; if it keeps happening, tell your skillgym administrator.
sso-refused-unknown = Your organisation's account does not match anyone in skillgym. Ask your skillgym administrator to check the email address or employee number on your record.
sso-refused-other-identity = This skillgym account was first used with a different account at your organisation's sign-in service, so you cannot sign into it. If you have just joined, your email address or employee number may have been someone else's before: ask your skillgym administrator to check your record.
sso-refused-unavailable = Your organisation's sign-in service cannot be reached. Try again in a few minutes; if it keeps happening, tell your skillgym administrator.
sso-refused-back = Go to the sign-in page

## Settings
settings-title = Settings
settings-saved = Your settings have been saved.
settings-sso-heading = Sign in with your organisation's account
settings-sso-intro = skillgym can let people sign in with the account they already use at work, through OpenID Connect (for example Microsoft Entra ID or Google Workspace). Register skillgym with your provider first.
settings-redirect-uri = The redirect address to give your provider: { $uri }
sso-issuer = Issuer URL
sso-issuer-hint = The address your provider publishes its OpenID Connect settings under. It must start with https:// (http:// is only allowed for a provider on this computer, at 127.0.0.1 or localhost, for testing).
sso-client-id = Client ID
sso-client-id-hint = The ID your provider gave skillgym when you registered it.
sso-client-secret = Client secret
sso-client-secret-hint = The secret your provider gave skillgym. It is never shown again once saved.
sso-client-secret-hint-saved = A secret is saved. Leave this blank to keep it, or enter a new one to replace it. Saved secrets are never shown.
sso-employee-number-claim = Employee number claim (optional)
sso-employee-number-claim-hint = The name of the claim in which your provider sends a person's employee number, for example employee_id. Leave blank to match people by email address only.
sso-passwords = Can people also sign in with a skillgym password?
sso-passwords-hint = If you turn passwords off, everyone must sign in with their organisation's account, administrators too.
sso-passwords-on = Yes, passwords still work
sso-passwords-off = No, only organisation accounts

## Settings errors
sso-issuer-missing = Enter the issuer URL
sso-issuer-invalid = Enter the issuer URL as a web address, like https://login.example.com
sso-issuer-not-https = The issuer URL must start with https://
sso-issuer-unreachable = skillgym could not read the OpenID Connect settings at this issuer URL. Check the address, and that the provider is running.
sso-client-id-missing = Enter the client ID
sso-client-id-invalid = Enter the client ID without spaces, in at most 255 characters
sso-client-secret-missing = Enter the client secret
sso-client-secret-invalid = Enter the client secret without spaces, in at most 1000 characters
sso-employee-number-claim-invalid = Enter a claim name made of letters, digits, dots, dashes and underscores
sso-passwords-missing = Choose whether people can also sign in with a password
