## The weekly question: questions to the digital team, their answers, and the weekly digest

home-questions-hint = Stuck with something digital at work? Ask the digital team: the answers go to everyone on Mondays.
questions-title = Ask the digital team
questions-intro = Ask the digital team (the service's trainers) anything about the digital side of your work. Every Monday, everyone gets an email with the week's answers, and every answer stays here to search.
questions-ask-link = Ask a question
questions-waiting-link = { $count ->
    [0] No questions are waiting for an answer
    [one] 1 question is waiting for an answer
   *[other] { $count } questions are waiting for an answer
}
questions-own-heading = Your questions
questions-answered-tag = Answered
questions-waiting-tag = Waiting for an answer
questions-faq-heading = Answers so far
questions-search-label = Search the answers
questions-found = { $count ->
    [one] 1 answer found, of { $total }
   *[other] { $count } answers found, of { $total }
}
questions-all = { $total ->
    [0] No questions have been answered yet.
    [one] 1 answer
   *[other] { $total } answers
}
questions-answered-on = Answered { $date }
questions-asked-named = Your question is sent. You will find it under "Your questions", and its answer in the weekly email.
questions-asked-anonymous = Your question is sent without your name. Nobody can tell who asked it, so look for its answer in the weekly email and here.
questions-removed = The question is removed.
questions-ask-title = Ask the digital team a question
questions-back = Back to the questions
questions-ask-intro = One question at a time is easiest to answer. Say what you were trying to do, and what happened.
questions-question = Your question
questions-question-hint = Up to 2,000 characters. Leave out the names and details of members of the public.
questions-anonymous = Ask without my name
questions-anonymous-hint = Without your name, skillgym keeps nothing of who asked: not even the digital team can tell, and the question will not be listed under "Your questions".
questions-send = Send the question
question-missing = Enter your question
question-too-long = The question must be 2,000 characters or fewer
question-text-invalid = The question has characters that cannot be kept: type it again rather than pasting it
answer-missing = Enter the answer
answer-too-long = The answer must be 8,000 characters or fewer
questions-question-title = A question to the digital team
questions-more-on-skill = More answers on this skill
questions-answer-heading = The answer
questions-not-answered-yet = The digital team has not answered this question yet.
questions-as-asked-heading = As it was asked
questions-asked-by = Asked by { $name } on { $date }
questions-asked-without-name = Asked without a name on { $date }
questions-answer-title = Answer the question
questions-change-answer-title = Change the answer
questions-remove-title = Remove the question
questions-answered-notice = The answer is published: it is in the answers now, and in next Monday's email.
questions-waiting-title = Questions waiting for an answer
questions-waiting-none = No questions are waiting for an answer.
questions-asked-heading = Asked
questions-who-heading = Who asked
questions-without-name = Without a name
questions-back-to-question = Back to the question
questions-wording = The question as everyone will read it
questions-wording-hint = Reword it if it needs it: take out anything that says who asked, or who they were helping.
questions-answer-hint = Everyone in the service will read it, in the answers and in the weekly email.
questions-competence = The skill it is about
questions-competence-hint = People find the answer from this skill's activities and from plans that build it.
questions-competence-unknown = Choose a skill from the list
questions-publish = Publish the answer
questions-remove-warning = The question and any answer go for good: from the answers, and from the list of whoever asked it.
questions-remove-confirm = Remove the question
questions-remove-cancel = Cancel
questions-about-heading = Questions answered on these skills
questions-about-more = All the answers
questions-digest-subject = { $count ->
    [one] This week's answer from the digital team
   *[other] This week's { $count } answers from the digital team
}
questions-digest-body =
    Dear { $name },

    { $count ->
        [one] The digital team answered one question last week:
       *[other] The digital team answered { $count } questions last week:
    }

    { $items }

    All the answers so far, to search: { $faq }
    Ask a question of your own: { $ask }
questions-digest-item =
    { $question }
    { $answer }
    { $url }
audit-action-question-answered = Answered a question to the digital team
audit-action-question-removed = Removed a question to the digital team
audit-detail-question = question { $value }
questions-question-heading = Question
