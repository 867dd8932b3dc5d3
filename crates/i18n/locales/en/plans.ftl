# Learning plans: the person's own, a person's for their trainer or manager, and the list.

nav-my-plan = My plan
nav-plans = Plans

plan-link = Their learning plan
plan-own-title = My learning plan
plan-title = { $name }'s learning plan
plan-none-own = You do not have a learning plan yet. After you finish an audit, a trainer or your manager proposes one from your results and agrees it with you.
plan-browse-catalogue = Browse the learning catalogue
plan-none-no-audit = They have not finished an audit with names yet, so there is nothing to plan from. A plan is proposed from a finished audit's results.
plan-none-propose = skillgym proposes twelve weeks of learning from their audit results: the competences furthest from their role's target, and activities that fit their time. You can change it before you agree it with them.
plan-from-campaign = Which audit's results to plan from
plan-minutes = Minutes a week for learning
plan-minutes-hint = From their contracted hours: three minutes for each hour, from 30 to 120. Change it to what you agree with them, from 15 to 600.
plan-minutes-again-hint = Propose the plan again for a different amount of time a week.
plan-propose = Propose a plan
plan-propose-again = Propose again

plan-status = How it is going
plan-runs = Runs
plan-dates = { $from } to { $to }
plan-week-days = { $from } to { $to }
plan-weekly = Time a week
plan-minutes-a-week = { $minutes } minutes a week
plan-agreed = Agreed
plan-agreed-by = by { $name } on { $date }
plan-agreed-on = on { $date }
plan-own-proposed = This plan is proposed. Your trainer or manager will go through it with you and agree it; then you can tick off its steps.
plan-own-paused = This plan is paused. When it starts again, what is left moves on by the weeks it was paused.

plan-goals = Goals
plan-goal-line = from { $from } to level { $level } by { $date }
plan-goal-why-quiz-below-rating = Your quiz showed { $right } of { $asked } right, below your own rating of { $rating }; your role asks for level { $target }.
plan-goal-why-below-target = You are at { $measured } and your role asks for level { $target }.
plan-goal-why-stretch = You meet your role's target at { $measured }; this is the next step up.
plan-unhelped = Nothing in the learning catalogue builds these competences, which are short of the role's target: { $codes }. Add activities for them, or find a champion who can help.

plan-steps = Week by week
plan-this-week = This is week { $week } of the plan.
plan-week = Week { $week }
plan-now = This week
plan-step-done = Done
plan-step-why-own-time = { $goal ->
    [yes] Builds it to level { $level }, the goal
   *[no] A first step, to level { $level }
}, in your own time: { $minutes } minutes{ $weeks ->
    [1] {""}
   *[other] {" "}over { $weeks } weeks
}.
plan-step-why-own-site = { $goal ->
    [yes] Builds it to level { $level }, the goal
   *[no] A first step, to level { $level }
}, at your library, { $site }, on { $date }.
plan-step-why-online = { $goal ->
    [yes] Builds it to level { $level }, the goal
   *[no] A first step, to level { $level }
}, online on { $date }.
plan-step-why-away = { $goal ->
    [yes] Builds it to level { $level }, the goal
   *[no] A first step, to level { $level }
}, at { $site }, { $km } km from your library, on { $date }: the nearest with a place.
plan-step-why-elsewhere = { $goal ->
    [yes] Builds it to level { $level }, the goal
   *[no] A first step, to level { $level }
}, at { $site } on { $date }.
plan-step-new-format = A new kind of learning in your plan.
plan-reflection = What you wrote
plan-reflection-label = What did you take from it? (optional)
plan-reflection-hint = A sentence or two: what you learned, or what you will do differently.
plan-step-tick = Mark as done
plan-step-undo = Mark as not done

plan-manage = Agree and change the plan
plan-agree = Agree the plan
plan-pause = Pause the plan
plan-resume = Start the plan again
plan-finish = Finish the plan
plan-remove-step = Take a step out
plan-remove-choose = Choose a step
plan-remove = Take it out

plan-notes = Notes of your meetings
plan-no-notes = No notes yet.
plan-note-by = { $name }, { $date }
plan-note-author-gone = Someone no longer here
plan-note-label = Add a note of a meeting
plan-note-hint = What you talked about and agreed. The person sees these notes, and they are in the data they can download.
plan-note-save = Save the note

plan-progress-to-agree = To agree
plan-progress-on-track = On track
plan-progress-behind = Behind
plan-progress-paused = Paused
plan-progress-finished = Finished

plan-notice-proposed = The plan is proposed. Go through it with them, change it if need be, and agree it.
plan-notice-agreed = The plan is agreed.
plan-notice-paused = The plan is paused.
plan-notice-resumed = The plan has started again; what was left has moved on.
plan-notice-finished = The plan is finished.
plan-notice-edited = The plan is changed.
plan-notice-noted = The note is saved.
plan-notice-ticked = Saved.

plan-minutes-invalid = Enter the minutes a week as a whole number, such as 60
plan-minutes-range = Enter from 15 to 600 minutes a week
plan-campaign-missing = Choose which audit's results to plan from
plan-exists = They already have a plan that is not finished
plan-nothing-fits = Nothing in the learning catalogue fits their gaps in twelve weeks at this time a week
plan-nothing-measured = Their results give nothing to plan from: no competence with a target for their role was rated
plan-not-proposed = Only a proposed plan can be proposed again
plan-change-missing = Choose what to do with the plan
plan-change-stale = The plan has changed since this page was shown: look again
plan-step-missing = Choose a step of the plan
plan-not-agreed = Steps are ticked off once the plan is agreed
plan-note-missing = Enter the note
plan-note-too-long = Enter a note of 2,000 characters or fewer
plan-reflection-too-long = Enter 2,000 characters or fewer

plans-title = Learning plans
plans-intro = Everyone's plans you work with, how each is going, and for the service and each team. A plan is behind when a step due by last week is not done.
plans-by-progress = Plans by how they are going
plans-who = Who
plans-total = All
plans-whole-service = The whole service
plans-no-team = No team
plans-show = Show
plans-show-all = All plans
plans-filter = Show
plans-none = No plans to show.
plans-count = { $count ->
    [one] 1 plan
   *[other] { $count } plans
}
plans-name = Name
plans-starts = Starts

audit-action-plans-proposed = Proposed learning plans
audit-action-plan-changed = Changed a learning plan
audit-detail-plan-agreed = agreed
audit-detail-plan-paused = paused
audit-detail-plan-resumed = started again
audit-detail-plan-finished = finished
audit-detail-plan-edited = changed

home-your-learning = Your learning
home-no-plan = You do not have a learning plan yet. After you finish an audit, a trainer or your manager proposes one and agrees it with you.
home-plan-not-running = Your plan is not running this week.
home-plan-nothing-this-week = Nothing is planned for this week.
home-plan-step-late = from an earlier week
home-see-plan = See your whole plan
home-your-sessions = Sessions you have a place on
home-calendar = Put your sessions in your calendar
home-plan-not-agreed = Your plan is proposed: your trainer or manager will agree it with you.
home-plan-starts = Your plan starts on { $date }.

## The badge a finished plan earns, and its public page
badge-name = Twelve-week learning plan
badge-description = Finished a twelve-week learning plan agreed with a trainer or manager at { $organisation }. Goals: { $goals }.
badge-goal = { $competence } to level { $level }
badge-criteria = Agree a twelve-week plan of learning, built from a skills audit, with a trainer or manager, and do every step of it.
credential-title = A skillgym badge
credential-genuine = This badge is genuine: it was signed by the organisation that awarded it, and has not been changed since.
credential-not-verified = This badge could not be checked against the issuer's current key: the organisation may have changed its key since it was awarded.
credential-achievement = Achievement
credential-holder = Awarded to
credential-issuer = Awarded by
credential-issued = Awarded on
credential-description = What it was for
credential-criteria = What it takes
credential-download = Download the signed badge (Open Badges 3.0)
credential-how-to-check = Other tools check the badge with the issuer's public key:
credential-key-link = the issuer's key (JWK Set)
plan-badge-earned = This plan earned a badge. Share its address with anyone who should see it:
plan-badge-view = See the badge
plan-finished-without-badge = This plan was finished before every step was done, so it did not earn a badge.
plan-new = Propose a new plan

## The weekly check-in email
plan-check-in-subject = Week { $week } of your learning plan
plan-check-in-body =
    Dear { $name },

    This is week { $week } of your learning plan. { $planned ->
        [none] Nothing is planned for this week.
       *[other] This week:
    }

    { $steps }

    Tick off what you have done, and write a line about each, at:
    { $url }
plan-check-in-step = - { $title }: { $url }
plan-check-in-step-done = - { $title } (done)
plan-check-in-step-late = - { $title }, from an earlier week: { $url }

## Rating oneself again at the end
plan-reassess = How would you rate yourself now?
plan-reassess-again = Change your ratings
plan-reassess-intro = Rate each of your plan's competences again, as you did in the audit: 1 is just starting, 5 is confident enough to teach others. Your trainer or manager sees your ratings beside where you started.
plan-reassess-level = Level { $level }
plan-reassess-save = Save my ratings
plan-reassess-missing = Choose a level from 1 to 5
plan-reassess-not-yet = You can rate yourself again once every step is done or the plan's last week has come
plan-notice-reassessed = Your ratings are saved.
plan-reassessment = Where you started and where you are now
plan-reassessment-caption = Each goal's competence: measured at the start (from the audit's ratings and quiz), the person's own rating at the end, and the goal
plan-reassessment-start = At the start
plan-reassessment-now = At the end
plan-reassessment-goal = Goal

profile-plan-own = Your learning plan
profile-plan = Their learning plan

## Adding a step by hand
plan-step-chosen = Chosen when you met about your plan.
plan-add-heading = Add a step
plan-add-label = Activity or session
plan-add-hint = Activities from the catalogue that build a goal's competence, under the goal. A session is put in the week of its date.
plan-add-choose = Choose an activity or session
plan-add-activity = { $title } ({ $kind }, { $minutes } minutes)
plan-add-session = { $title } ({ $kind }): { $date } at { $time }, { $place }
plan-add-online = online
plan-add-week = Week of the plan
plan-add-week-hint = For an activity done in the person's own time: the week to start it, as a number.
plan-add = Add it to the plan
plan-notice-added = The step is added to the plan.
plan-add-missing = Choose an activity or session from the list
plan-add-week-invalid = Enter the week as a number from 1 to the plan's last week
plan-add-week-past = Choose this week or a later one
plan-add-outside-weeks = The step would run past the plan's last week: choose an earlier week
plan-add-off-goal = Choose an activity that builds the goal's competence
plan-add-needs-session = Choose one of the activity's sessions
plan-add-full = The session is full: choose another
