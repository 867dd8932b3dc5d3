## Digital champions: nomination and approval, what they offer, find help, the help they log,
## and digital buddies for volunteers

champions-title = Digital champions
champions-intro = Digital champions help colleagues with digital skills and the online services the public use. A supervisor nominates someone; a trainer approves, and they become a champion people can find.
champions-nominate = Nominate a champion
champions-nominated = { $count ->
    [0] Nominations waiting
    [one] 1 nomination waiting
   *[other] { $count } nominations waiting
}
champions-nominated-none = No nominations are waiting.
champions-nominated-by = Nominated by { $name }
champions-approve = Approve { $name }
champions-decline = Decline { $name }’s nomination
champions-approved = { $count ->
    [0] Champions
    [one] 1 champion
   *[other] { $count } champions
}
champions-approved-none = There are no digital champions yet.
champions-approved-caption = Digital champions, where they help and when
champions-name = Name
champions-sites = Where
champions-skills = Skills and services
champions-when = When
champions-actions = Actions
champions-end = End { $name }’s time as a champion
champions-back = Back to digital champions
champions-notice-nominated = The nomination is sent. A trainer will approve or decline it.
champions-notice-approved = Approved. They are now a digital champion and can say what they help with.
champions-notice-ended = Done. They are no longer a champion or nominee; the help they logged still counts.
champion-no-account = They cannot sign in to skillgym yet, so they cannot be a champion. Give them access on their page first.

champion-nominate-title = Nominate a digital champion
champion-nominate-intro = Choose the person. Managers can nominate the people they manage; trainers and administrators anyone.
champion-nominate-search = Search by name, email or job
champion-nominate-nobody = Nobody matches.
champion-nominate-more = Showing { $shown } of { $total }. Search to narrow the list.
champion-nominate-who = You are nominating { $name }.
champion-nominate-other = Choose someone else
champion-reason = Why would they make a good digital champion?
champion-reason-hint = For example, what they already help colleagues with. The trainer who approves reads this.
champion-nominate-send = Send the nomination
champion-person-missing = Choose someone you can nominate
champion-already = They are a champion or have been nominated already
champion-reason-missing = Say why you are nominating them
champion-reason-too-long = Keep the reason to 1,000 characters or fewer
champion-text-invalid = The text holds characters that cannot be kept; type it again

champion-end-own-title = Stop being a digital champion
champion-end-own-lead = People will no longer find you when they look for help, and you lose the champion role. The help you logged still counts.
champion-decline-title = Decline the nomination
champion-decline-lead = { $name } will not become a digital champion. You can nominate them again later.
champion-end-title = End a champion’s time
champion-end-lead = { $name } will no longer be found when people look for help, and loses the champion role. The help they logged still counts.
champion-decline-confirm = Decline the nomination
champion-end-confirm = Stop being a champion
champion-step-down = Stop being a digital champion

champion-back = Back to your champion page
champion-offer-heading = What you help with
champion-offer-title = Say what you help with
champion-offer-intro = People looking for help find you by what you list here and where you help. Only what you tick is shown.
champion-offer-skills = Skills you can help with
champion-offer-skills-hint = Tick up to { $most }.
champion-offer-services = Online services you can help people use
champion-offer-sites = Where you can help
champion-offer-when = When you can help (optional)
champion-offer-when-hint = For example, “Tuesday mornings” or “any time by Teams”.
champion-offer-findable = Use my own audit answers to find me
champion-offer-findable-hint = If you tick this, the skills you rated 4 or 5 in an audit that kept your name, and the services you said you are confident with, also bring you up when someone looks for help. Nobody sees your ratings.
champion-offer-save = Save
champion-offer-saved = Saved. People looking for help can find you.
champion-offer-none = You have not said what you help with yet, so nobody can find you.
champion-offer-summary = You listed { $skills ->
    [one] 1 skill
   *[other] { $skills } skills
} and { $services ->
    [one] 1 service
   *[other] { $services } services
}, at:
champion-offer-findable-yes = Your own audit answers help people find you.
champion-offer-findable-no = Only what you listed helps people find you.
champion-competence-unknown = Choose skills from the list
champion-service-unknown = Choose services from the list
champion-site-unknown = Choose places from the list
champion-too-many = Choose 20 or fewer
champion-availability-missing = Say when you can help
champion-availability-too-long = Keep this to 300 characters or fewer

champion-requests = Requests for help
champion-requests-none = Nobody has asked you for help yet.

champion-help-title = Log help you gave
champion-help-intro = Log each time you help someone: it counts in the service’s reports of what champions do.
champion-help-day = Day
champion-help-about = What it was about
champion-help-about-none = Something else
champion-help-site = Where
champion-help-site-none = Somewhere else
champion-help-what = What you did
champion-help-what-hint = For example, “set up the NHS App with a customer”.
champion-help-minutes = Minutes
champion-help-minutes-hint = A whole number, up to 480.
champion-help-save = Log it
champion-help-logged = Logged. Thank you.
champion-help-yours = Help you logged
champion-help-none = You have not logged any help yet.
help-day-invalid = Enter the day as a date, for example 2026-12-01
help-day-future = The day cannot be in the future
help-day-old = The day must be within the last year
help-note-missing = Say what you did
help-note-too-long = Keep this to 1,000 characters or fewer
help-minutes-missing = Enter how many minutes it took
help-minutes-invalid = Enter minutes as a whole number from 1 to 480
help-about-unknown = Choose what it was about from the list
help-site-unknown = Choose where from the list
help-service-unknown = Choose a service from the list

champions-help-title = Help from champions
champions-help-from = From
champions-help-to = To
champions-help-show = Show
champions-help-total = { $times ->
    [one] Champions logged 1 piece of help
   *[other] Champions logged { $times } pieces of help
}, { $hours } hours in all.
champions-help-by-month = By month
champions-help-by-site = By place
champions-help-by-skill = By skill
champions-help-by-champion = By champion
champions-help-times = Times
champions-help-hours = Hours
champions-help-no-site = Somewhere else
champions-help-no-skill = Something else
champions-help-erased = A former champion

help-title = Find help
help-intro = Find a digital champion who can help you with a skill or an online service, nearest first.
help-search-label = Find help
help-about = What do you need help with?
help-choose = Choose
help-skills = Skills
help-services = Online services
help-near = Near
help-near-mine = Where I work
help-search = Find help
help-found = { $count ->
    [one] 1 champion can help with
   *[other] { $count } champions can help with
}
help-none = No champion has offered help with
help-none-advice = You can ask the digital team instead.
help-ask-team = Ask the digital team
help-strong = Knows it well
help-able = Can help
help-listed = They offered to help with this.
help-from-audit = From their own audit answers.
help-same-site = Works where you are looking
help-km = About { $km } km away
help-distance-unknown = Distance not known
help-when = When:
help-ask-button = Ask { $name }
help-more = Showing the first { $shown } of { $total }.
help-how-ranked = Champions who know it well come first, then those who can help; within each, the nearest first: the same place, then by distance.
help-asked = Your request is sent. The champion will reply by email or come and find you.
help-ask-title = Ask a champion for help
help-ask-heading = Ask { $name } for help
help-ask-about = About:
help-ask-intro = They get your message by email, with your name and email address so that they can reply.
help-back = Back to find help
help-message = What do you need help with?
help-message-hint = Say what you are trying to do and when you could meet.
help-send = Send
help-message-missing = Say what you need help with
help-message-too-long = Keep your message to 2,000 characters or fewer
help-too-many = You have asked for help 10 times today. Try again tomorrow, or ask the digital team.
help-email-subject = { $name } asked you for help with { $about }
help-email-intro = { $name } would like your help, as a digital champion, with { $about }. They wrote:
help-email-reply = Reply to them at { $email }. Their request is also on your champion page: { $url }
help-email-no-topic = something digital

buddies-title = Digital buddies
buddies-intro = A digital buddy is a colleague who helps a volunteer with the digital side of their role. Record when they meet.
buddies-new-title = Pair a volunteer with a buddy
buddies-none = No volunteer has a digital buddy yet.
buddies-none-yours = You are not in a buddy pairing.
buddies-caption = Volunteers and their digital buddies
buddies-volunteer = Volunteer
buddies-buddy = Buddy
buddies-since = Since
buddies-meetings = Meetings
buddies-last-met = Last met
buddies-ended-on = Ended { $date }
buddies-back = Back to digital buddies
buddies-no-volunteers = There are no volunteers you can pair.
buddies-choose = Choose a volunteer
buddies-buddy-who = The buddy’s email address or employee number
buddies-buddy-hint = Often a digital champion at the same place.
buddies-pair = Pair them
buddies-notice-paired = Paired.
buddies-notice-ended = The pairing has ended.
buddy-volunteer-invalid = Choose a volunteer you can pair
buddy-buddy-missing = Enter the buddy’s email address or employee number
buddy-buddy-invalid = Nobody current has that email address or employee number
buddy-same-person = The buddy must be someone other than the volunteer
buddy-taken = That volunteer has a buddy already; end that pairing first
buddy-pairing-title = Digital buddies
buddy-pairing-heading = { $volunteer } and { $buddy }
buddy-pairing-since = Buddies since { $date }.
buddy-meetings = { $count ->
    [0] Meetings
    [one] 1 meeting
   *[other] { $count } meetings
}
buddy-meetings-none = No meetings recorded yet.
buddy-minutes = { $minutes ->
    [one] 1 minute
   *[other] { $minutes } minutes
}
buddy-logged-by = recorded by { $name }
buddy-meeting-log = Record a meeting
buddy-met-on = Day you met
buddy-note = What you covered
buddy-note-hint = For example, “how to use the self-service kiosk”.
buddy-meeting-save = Record it
buddy-meeting-logged = Recorded.
buddy-end = End this pairing

audit-action-champion-nominated = Nominated a digital champion
audit-action-champion-approved = Approved a digital champion
audit-action-nomination-declined = Declined a champion nomination
audit-action-champion-ended = Ended a champion’s time
audit-action-buddies-paired = Paired a volunteer with a digital buddy
audit-action-buddies-ended = Ended a digital buddy pairing
champion-step-down-sure = I want to stop being a digital champion
champion-step-down-unsure = Tick the box to say you want to stop being a champion
plan-find-champion = Find a champion who can help with this
service-find-champion = Find a champion who helps people with this service
home-help-hint = Stuck with something digital? A digital champion near you can help.
home-help-link = Find a digital champion
help-kit = Kit
