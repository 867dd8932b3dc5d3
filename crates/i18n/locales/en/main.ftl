# skillgym: the frame of every page, sign-in, errors and the home page.

product-name = skillgym
skip-to-content = Skip to main content
nav-label = Main
nav-home = Home
nav-my-details = My details
nav-my-people = My people
nav-people = People
nav-sites = Sites
nav-teams = Teams
nav-import-staff = Import staff
sign-out = Sign out
footer-text = skillgym helps library staff and volunteers find and grow their digital skills.
language-name-en = English
language-name-cy = Cymraeg
save = Save
not-given = Not given

## Errors
error-summary-title = There is a problem
error-title-prefix = Error:
error-prefix = Error:
error-go-home = Go to the home page
error-not-found-title = Page not found
error-not-found-advice = If you typed the web address, check it is correct. If you followed a link, it may be out of date.
error-forbidden-title = You cannot see this page
error-forbidden-advice = Your account does not give you access to this page. If you think it should, ask your skillgym administrator.
error-csrf-title = This form is out of date
error-csrf-advice = Since the page was loaded you have signed in or out (perhaps in another tab), or your session has ended. Go back, reload the page and try again: you may need to enter what you typed again.
error-csrf-missing-title = Your browser did not send the form's security token
error-csrf-missing-advice = The page may not have loaded in full, or something in your browser changed the form. Go back, reload the page and try again.
error-csrf-no-cookie-title = Your browser did not send the form's security cookie
error-csrf-no-cookie-advice = Cookies may be blocked for this site. skillgym needs them to keep forms safe: allow cookies for this site, reload the page and try again.
error-other-site-title = This form was sent from another website
error-other-site-advice = skillgym only accepts forms sent from its own pages. Go to skillgym and try again. If this happens on every form, skillgym's public address may not match the one in your browser's address bar: tell your skillgym administrator.
error-bad-request-title = Something in the request was not right
error-bad-request-advice = Go back and try again. If it keeps happening, tell your skillgym administrator.
error-too-large-title = What you sent is too large
error-too-large-advice = skillgym did not accept it, and nothing was saved. If you were sending a file, make it smaller, for example by splitting it in two, then try again.
error-too-large-limit-advice = This page accepts at most { $megabytes } MB, so skillgym did not accept what you sent, and nothing was saved. If you were sending a file, make it smaller, for example by splitting it in two; if you were filling in a form, shorten what you typed. Then go back and try again.
error-unavailable-title = Sorry, skillgym is unavailable
error-unavailable-advice = The database is not answering. Nothing you saved before is lost. Try again in a few minutes.
error-busy-title = Sorry, skillgym is busy
error-busy-advice = Too many people are signing in or choosing a password at this moment. Nothing has been saved or counted against you. Wait a few seconds, then try again.
error-internal-title = Sorry, something went wrong
error-internal-advice = It has been logged. Try again in a few minutes; if it keeps happening, tell your skillgym administrator.

## Sign in
sign-in = Sign in
sign-in-title = Sign in
sign-in-intro = Sign in with the email address and password for your skillgym account.
sign-in-email = Email address
sign-in-password = Password
sign-in-button = Sign in
sign-in-help = If you do not have a password yet, ask your skillgym administrator for a sign-in link.
sign-in-password-missing = Enter your password
sign-in-wrong = Enter a correct email address and password. Check for typing mistakes, and that Caps Lock is off.
sign-in-throttled = There have been too many attempts to sign in. Wait 15 minutes, then try again.

## Access links
access-title = Choose a password
access-intro = Choose a password for your skillgym account. You will then sign in with it.
access-password = New password
access-password-hint = At least 10 characters. Three random words make a good password.
access-confirm = Type the password again
access-button = Save password
access-password-short = Your password must be at least 10 characters
access-password-mismatch = The two passwords do not match

## When someone who has left, or whose account is closed, tries to sign in
access-ended-title = Your access to skillgym has ended
access-ended-lead = You cannot sign in because your skillgym account has been closed, or because your record says you have left.
access-ended-advice = If you still work here, or have come back, ask your skillgym administrator to check your record. They can give you access again.

## Home
home-title = Home
home-welcome = Hello, { $name }
home-organisation = Your organisation
home-manage-people = Manage people
home-manage-sites = Manage sites
home-manage-teams = Manage teams
home-import-staff = Import a staff file
home-your-people = Your people
home-no-people = Nobody reports to you in skillgym yet.
home-you-manage = { $count ->
    [one] You manage one person.
   *[other] You manage { $count } people.
}
home-see-all-people = See all your people
home-your-audit = Your skills audit
home-no-audit = No skills audit is open for you at the moment. When your service opens one, it will appear here.
home-your-details = Your details
home-see-details = See all your details
home-you-are-champion = You are a digital champion.
home-you-are-trainer = You are a trainer.
figure-people = { $count ->
    [one] person
   *[other] people
}
figure-volunteers = { $count ->
    [one] volunteer
   *[other] volunteers
}
figure-part-time = { $count ->
    [one] employee works part-time
   *[other] employees work part-time
}
figure-sites = { $count ->
    [one] site
   *[other] sites
}
figure-teams = { $count ->
    [one] team
   *[other] teams
}

## Roles
role-learner = Learner
role-champion = Digital champion
role-trainer = Trainer
role-manager = Manager
role-admin = Administrator
role-coordinator = Network coordinator

## Demo sign-ins
demo-account-admin = administrator
demo-account-manager = branch manager
demo-account-learner = library assistant (part-time)
demo-account-champion = digital champion
demo-account-trainer = trainer (digital inclusion officer)

## Month names, for dates written out as people write them ("30 December 2026")
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## The box round a table, which scrolls sideways when the table is wider than the screen
table-region = Table: { $caption }

## The digital champion's page
champion-title = Your champion page
champion-lead = Where colleagues at your libraries are learning, and the sessions coming up there: where your help is wanted.
champion-no-sites = You work at no site in skillgym yet. Ask an administrator to add your library to your details.
champion-your-sites = Your libraries: { $sites }
champion-learning = What colleagues are learning
champion-learning-caption = Competences that colleagues at your libraries are working on in their learning plans
champion-competence = Competence
champion-people = People
champion-learning-none = No competence is the goal of enough colleagues' plans to show yet.
champion-learning-threshold = Counts only, and only where at least { $threshold } people share a goal, so that nobody can be picked out.
champion-sessions = Sessions at your libraries in the next four weeks
champion-sessions-none = No learning sessions are planned at your libraries in the next four weeks.
champion-catalogue = Browse the learning catalogue
home-champion-page = Go to your champion page
home-trainer-plans = See the learning plans and how each is going
nav-champion = Champion
