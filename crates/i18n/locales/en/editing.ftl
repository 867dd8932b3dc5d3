# Admins writing frameworks and a campaign's own questions on the web.

editing-back = Back
editing-cancel = Cancel
text-in-english-only = English only

## Frameworks
framework-new-title = Create a framework
framework-edit-title = Change the framework's title and description
framework-edit-link = Change the title and description
framework-saved = Your change has been saved.
framework-welsh-optional = Write each text in English, and in Welsh if you can. Where the Welsh is left blank, Welsh pages show the English, marked "English only".
framework-item-code = Code
framework-item-code-hint = Capital letters, digits, dashes and dots, for example COMM-3. It is used in files and reports and cannot be changed later.
framework-item-code-kept = The code stays as it is, so files, reports and saved import mappings keep finding this item.
framework-item-title-en = Title in English
framework-item-title-cy = Title in Welsh
framework-item-description-en = Description in English
framework-item-description-cy = Description in Welsh
framework-item-description-hint = Optional. A sentence that helps people recognise what this covers.
framework-item-cy-hint = Optional. Leave blank to show the English.
framework-item-add = Add
framework-code-missing = Enter a code
framework-code-taken = This code is already used in this framework
framework-text-too-long = This text is too long
framework-no-areas-yet = This framework has no areas yet. Add an area, then the competences in it.
framework-change = Change
framework-remove = Remove
framework-move-up = Move up
framework-move-down = Move down
framework-move-invalid = Choose up or down

## Levels
framework-levels-edit-link = Change what the ratings mean
framework-levels-edit-title = What the ratings mean
framework-levels-edit-intro = Describe each rating from 1 (not strong) to 5 (very strong) in words a person can recognise themselves in.
framework-level-legend = Rating { $level }
framework-level-en = Description in English
framework-level-cy = Description in Welsh

## Areas and competences
framework-area-new-title = Add an area
framework-area-edit-title = Change an area
framework-area-remove-title = Remove an area
framework-competence-new-title = Add a competence
framework-competence-edit-title = Change a competence
framework-competence-remove-title = Remove a competence
framework-competence-area = Area
framework-area-missing = Choose the area this competence belongs to

## Removing
framework-remove-final = Removing cannot be undone.
framework-remove-area-explain = { $count ->
    [one] Its 1 competence is removed with it.
   *[other] Its { $count } competences are removed with it.
}
framework-remove-campaigns = { $count ->
    [one] 1 campaign that nobody has answered yet will stop asking about it.
   *[other] { $count } campaigns that nobody has answered yet will stop asking about it.
}
framework-remove-confirm = Yes, remove it
framework-remove-confirm-missing = Tick the box to confirm you want to remove it
framework-remove-button = Remove
framework-remove-cannot = This cannot be removed
framework-remove-has-answers = { $answers ->
    [one] People have already answered about this (1 answer). Removing it would change their results, so it stays. You can still change its wording, or leave it out of new campaigns.
   *[other] People have already answered about this ({ $answers } answers). Removing it would change their results, so it stays. You can still change its wording, or leave it out of new campaigns.
}
framework-remove-tested-by-quiz = { $questions ->
    [one] A knowledge-round question tests this.
   *[other] { $questions } knowledge-round questions test this.
} Change those questions to test another competence, or remove them, first.
framework-back-to-framework = Back to the framework

## A campaign's own questions
campaign-questions-link = See and change this campaign's questions
campaign-questions-title = Questions
campaign-questions-of = Questions in { $campaign }
campaign-questions-intro = Nobody has started answering this campaign yet, so you can add, change and remove its questions.
campaign-questions-fixed-title = These questions can no longer change
campaign-questions-fixed = People have started answering this campaign, so its questions stay as they are: changing them would make answers mean different things. To ask different questions, make a copy of the campaign (a re-audit) and change the copy before it opens.
campaign-questions-saved = Your change has been saved.
campaign-questions-none = None yet.
campaign-profile-questions-explain = Questions about the person, such as years in post, used to compare groups in the results. Every one is optional for the person answering.
campaign-quiz-explain = Questions with right and wrong answers, each testing one competence the campaign rates. They are marked on the server; the right answers are never sent to the page before the round is submitted.

question-new-title = Add a profile question
question-edit-title = Change a profile question
question-remove-title = Remove a question
question-remove-confirm = Yes, remove this question
question-remove-confirm-missing = Tick the box to confirm you want to remove the question
question-add = Add question
question-kind = Kind of answer
question-kind-single = Choose one option
question-kind-multiple = Choose any number of options
question-kind-number = A whole number
question-kind-text = Free text
question-prompt-en = Question in English
question-prompt-cy = Question in Welsh
question-prompt-missing = Enter the question
question-hint-en = Hint in English
question-hint-cy = Hint in Welsh
question-hint-hint = Optional. A line under the question that helps people answer it.
question-options-heading = Options (for questions with options to choose)
question-options-en = Options in English
question-options-hint = One option a line, in the order to show them.
question-options-cy = Options in Welsh
question-options-cy-hint = Optional. One a line, in the same order as the English.
question-options-too-few = Give at least two options, one a line
question-options-too-many = Give no more than 12 options
question-options-cy-count = Give as many Welsh options as English ones, in the same order, or leave them all blank
question-range-heading = Smallest and largest (for a number)
question-range-hint = Optional. Answers outside the range are refused with a clear message.
question-min = Smallest number
question-max = Largest number
question-max-below-min = The largest number must not be less than the smallest

quiz-new-title = Add a knowledge-round question
quiz-edit-title = Change a knowledge-round question
quiz-form-intro = Write the question and its options in English, and in Welsh if you can, and tick every right answer. With more than one right answer, people choose all that apply.
quiz-competence = Competence it tests
quiz-competence-hint = One of the competences this campaign asks people to rate.
quiz-competence-choose = Choose a competence
quiz-competence-missing = Choose a competence this campaign rates
quiz-tests = Tests:
quiz-options-heading = Options
quiz-options-hint = Leave the rows you do not need blank.
quiz-option-legend = Option { $number }
quiz-option-en = In English
quiz-option-cy = In Welsh
quiz-correct = Right answer
quiz-option-missing = Write the option in English, or leave its row blank
quiz-options-too-few = Give at least two options
quiz-correct-missing = Tick at least one right answer
quiz-all-correct = Leave at least one option that is not right
quiz-picture-heading = Picture (optional)
quiz-picture = Picture
quiz-picture-hint = A picture to recognise: one that comes with skillgym, or one uploaded to this audit.
quiz-picture-none = No picture
quiz-picture-upload = Or upload your own picture
quiz-picture-upload-hint = A PNG or JPEG file, smaller than 2 MB, such as a screenshot of your catalogue. It replaces the picture chosen above: describe it in the boxes above.
quiz-picture-unknown = Choose one of the pictures listed
quiz-picture-alt-en = What the picture shows, in English
quiz-picture-alt-hint = Read out by screen readers in place of the picture. Needed when there is a picture.
quiz-picture-alt-cy = What the picture shows, in Welsh
quiz-picture-alt-missing = Describe the picture for people who cannot see it
quiz-picture-cy = Welsh picture
quiz-picture-cy-hint = Optional. The same picture in Welsh, such as the email written in Welsh: Welsh readers see it instead of the picture above.
quiz-picture-cy-none = No Welsh picture: Welsh readers see the picture above
quiz-picture-cy-alone = Choose the picture above as well: the Welsh picture goes with it
quiz-picture-cy-alt-missing = Describe the Welsh picture in Welsh for people who cannot see it
quiz-picture-alt-cy-hint = When there is a Welsh picture, describe that one. Left blank, Welsh pages use the English.
quiz-picture-upload-for = Use the file you upload as
quiz-picture-upload-for-en = The picture
quiz-picture-upload-for-cy = The Welsh picture
quiz-explanation-en = Explanation in English
quiz-explanation-hint = Optional. Shown with the results, to say why the right answer is right.
quiz-explanation-cy = Explanation in Welsh

## Uploaded pictures for knowledge-round questions
picture-missing = Choose a picture to upload
picture-too-large = The picture must be smaller than 2 MB
picture-not-png-or-jpeg = The picture must be a PNG or JPEG file
picture-corrupt = The picture could not be read: the file is damaged or not really a PNG or JPEG
picture-size-out-of-range = The picture must be between 1 and 10,000 pixels wide and high
