## Importing the responses of an audit run elsewhere (SurveyMonkey, Microsoft Forms).

campaign-import-heading = Responses from another survey
campaign-import-explain = If you ran this audit in another tool, such as SurveyMonkey or Microsoft Forms, you can import its responses here.
campaign-import-link = Import responses from another survey

survey-import-title = Import responses from another survey
survey-import-intro = Upload the export of a survey run in another tool. Next you will see its first rows and say which column holds which question. If any row has a problem, nothing is imported and every problem is listed.
survey-import-file-label = Export file (CSV)
survey-import-file-hint = SurveyMonkey's "all responses" export (CSV), or a CSV file with one row per respondent, as Microsoft Forms writes.
survey-import-file-missing = Choose an export file to upload
survey-import-saved-label = Columns
survey-import-saved-none = Match the columns to the campaign's questions for me
survey-import-saved-use = Use the saved mapping "{ $name }"
survey-import-upload-button = Upload and continue
survey-import-file-problems = The file cannot be read

survey-map-title = Match the columns
survey-map-intro = Say what each column of the file holds. skillgym has guessed from the column headings; check each one. Columns left out are not imported.
survey-map-kind-surveymonkey = This is a SurveyMonkey export.
survey-map-kind-plain = This file has one row per respondent.
survey-map-rows = { $count ->
    [one] It has one response.
   *[other] It has { $count } responses.
}
survey-map-preview-caption = The first rows of the file
survey-map-columns-caption = What each column holds
survey-map-column = Column
survey-map-header = Heading
survey-map-use = What it holds
survey-map-ignore = Leave out
survey-map-email = The respondent's email address
survey-map-employee-number = The respondent's employee number
survey-map-response-id = The response's ID in the other tool
survey-map-group-respondent = Who answered
survey-map-group-ratings = Self-rating of a competence
survey-map-group-questions = Profile question
survey-map-group-quiz = Knowledge round question
survey-map-anonymous-note = If no column holds an email address or employee number, the responses are imported without names.
survey-map-unmatched-legend = Respondents who are not in skillgym
survey-map-unmatched-problem = Stop the import and list them
survey-map-unmatched-anonymous = Import their answers without a name
survey-map-save-label = Save this mapping as (optional)
survey-map-save-hint = Give it a name to use it again for the next export of the same survey.
survey-map-button = Import responses
survey-map-ratings-hint = Ratings are read from a leading number from 1 to 5 ("3 - about average"); "Not sure", "N/A" and "Don't know" count as not sure.

survey-import-done-title = Responses imported
survey-import-added = { $count ->
    [one] response added
   *[other] responses added
}
survey-import-updated = { $count ->
    [one] response updated (it was imported before)
   *[other] responses updated (they were imported before)
}
survey-import-empty = { $count ->
    [one] row answered nothing and was left out
   *[other] rows answered nothing and were left out
}
survey-import-saved = The mapping is saved as "{ $name }".
survey-import-back = Back to the campaign
survey-import-problems-found = { $count ->
    [one] There is one problem. Nothing was imported.
   *[other] There are { $count } problems. Nothing was imported.
}
survey-import-nothing-written = Nothing was imported. Correct the file or the columns and import again.
survey-import-problems-caption = Problems with the file or the columns
survey-import-line = Line
survey-import-column = Column
survey-import-problem = Problem
survey-import-whole-file = the whole file

survey-file-not-utf8 = The file is not saved as UTF-8. Export it again, or save it as "CSV UTF-8" in your spreadsheet
survey-file-empty = The file is empty
survey-file-no-rows = The file has headings but no responses
survey-file-unreadable = A quoted value starts here and is never closed
survey-wrong-field-count = This row has { $value } values, not one for each column
survey-too-many-problems = There are more than { $value } problems; checking stopped there
survey-mapping-invalid = The mapping is not valid: { $value }
survey-mapping-not-json = The mapping is not valid JSON: it stops making sense on line { $value }
survey-mapping-not-object = The mapping must be one JSON object holding "respondent" and "columns"
survey-mapping-respondent-needed = The mapping does not say who answered. Add "respondent": by "email" or "employee_number" with the column that holds it, or by "anonymous" to import the responses without names
survey-mapping-version = The mapping is for a newer skillgym (format { $value })
survey-mapping-column-unknown = The file has no such column
survey-mapping-column-twice = This column is mapped twice
survey-mapping-column-ambiguous = More than one column has this label (columns { $value }). Name the column by its whole heading, "question | label", or by its letter
survey-mapping-target = Map the column to one competence, question or knowledge-round question
survey-mapping-competence-unknown = The campaign does not rate the competence { $value }
survey-mapping-competence-twice = Another column already holds the rating of { $value }
survey-mapping-question-unknown = The campaign has no profile question { $value }
survey-mapping-quiz-unknown = The campaign has no knowledge-round question { $value }
survey-mapping-rating-invalid = The label "{ $value }" must stand for a rating from 1 to 5 or not-sure
survey-mapping-option-invalid = The label "{ $value }" stands for an answer the question does not have
survey-mapping-nothing = Choose at least one column to import
survey-rating-invalid = "{ $value }" is not a rating from 1 to 5 or "not sure"
survey-option-unknown = "{ $value }" is not one of the question's answers
survey-respondent-missing = The respondent is missing
survey-respondent-twice = This respondent also answered on line { $value }
survey-response-id-missing = The response ID is missing
survey-response-twice = Line { $value } has the same response
survey-respondent-unknown = Nobody in skillgym has { $value }
survey-respondent-answered = { $value } has already answered this campaign in skillgym

cli-survey-checking = Checking { $file }…
cli-survey-done = Imported: { $added } responses added, { $updated } updated, { $empty } empty rows left out.
cli-survey-refused = { $count ->
    [one] Nothing was imported: there is one problem.
   *[other] Nothing was imported: there are { $count } problems.
}
cli-survey-problem = line { $line }, column { $column }: { $message }
cli-survey-campaign-unknown = There is no campaign { $id }. Campaign numbers are in the campaign's address, /campaigns/NUMBER.
cli-survey-mapping-unreadable = Cannot read the mapping { $file }: it is neither a file nor a mapping saved for this campaign.
