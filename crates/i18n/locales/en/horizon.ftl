## Horizon scanning (clippings, the synthesis and write-ups), the champions' board, and the comments on both

horizon-title = Horizon scanning
horizon-intro = Seen something that will change how we work or what the public asks us? Clip the link with a note on why it matters, and tag it. Every six months a lead groups what we clipped and writes it up for everyone.
horizon-clip-title = Clip a link
horizon-clip-intro = Share a link to an article, report or announcement, and say in a sentence or two why it matters to the service.
horizon-clip-send = Clip the link
horizon-back = Back to horizon scanning
horizon-url = Link
horizon-url-hint = The whole address, starting https:// or http://
horizon-url-missing = Enter the link
horizon-url-invalid = Enter a web address starting https:// or http://, like https://www.gov.uk
horizon-url-too-long = The link must be 2,000 characters or fewer
horizon-note = Why it matters
horizon-note-hint = Up to 4,000 characters. Plain text: leave a blank line between paragraphs.
horizon-note-missing = Enter why it matters
horizon-note-too-long = The note must be 4,000 characters or fewer
horizon-tags = Tags (optional)
horizon-tags-hint = Separate tags with commas, like: ai, scams. Up to 8 tags of up to 40 characters each.
horizon-tags-too-many = Give 8 tags or fewer
horizon-tag-too-long = Each tag must be 40 characters or fewer
text-invalid-characters = The text has characters that cannot be kept: type it again rather than pasting it
horizon-clipped = The link is clipped. Others can comment on it now.
horizon-removed = The clipping is removed.
horizon-tags-heading = Tags
horizon-all-tags = All tags
horizon-tag-count = { $tag } ({ $count })
horizon-clippings-count = { $count ->
    [0] No clippings
    [one] 1 clipping
   *[other] { $count } clippings
}
horizon-clippings-tagged = { $count ->
    [0] No clippings tagged “{ $tag }”
    [one] 1 clipping tagged “{ $tag }”
   *[other] { $count } clippings tagged “{ $tag }”
}
horizon-none = Nothing has been clipped yet.
horizon-clipped-by = Clipped by { $name } on { $date }
horizon-clipped-on = Clipped on { $date }
horizon-clipping-title = A clipping
horizon-remove-title = Remove the clipping
horizon-remove-warning = { $count ->
    [0] The clipping goes for good.
    [one] The clipping and its comment go for good.
   *[other] The clipping and its { $count } comments go for good.
}
horizon-remove-confirm = Remove the clipping
horizon-remove-cancel = Cancel
horizon-synthesis-title = The synthesis
horizon-synthesis-intro = What was clipped in a period, grouped by tag: a clipping with two tags is under both. A lead writes it up for everyone.
horizon-halves-heading = Half-years
horizon-half-first = January to June { $year }
horizon-half-second = July to December { $year }
horizon-period-legend = Or choose the days
horizon-period-from = From
horizon-period-to = To
horizon-period-show = Show the period
horizon-period = { $from } to { $to }
horizon-period-date = Enter the days as dates, like 2026-01-31
horizon-period-backwards = The first day must be on or before the last day
horizon-synthesis-none = Nothing was clipped in this period.
horizon-synthesis-caption = Clippings and comments by tag
horizon-tag = Tag
horizon-clippings = Clippings
horizon-comments = Comments
horizon-no-tag = No tag
horizon-write-up-heading = Write it up
horizon-write-up-intro = Publish what the period's clippings mean for the service. Everyone can read it, it is on everyone's home page for 30 days, and each member of staff gets one email of it.
horizon-write-up-title = Title
horizon-write-up-text = The write-up
horizon-write-up-text-hint = Plain text, up to 20,000 characters: leave a blank line between paragraphs.
horizon-title-missing = Enter a title
horizon-title-too-long = The title must be 200 characters or fewer
horizon-title-one-line = The title must be one line
horizon-write-up-missing = Enter the write-up
horizon-write-up-too-long = The write-up must be 20,000 characters or fewer
horizon-publish = Publish the write-up
horizon-published = The write-up is published. Everyone will get an email of it within a few minutes.
horizon-write-ups-title = Write-ups
horizon-write-ups-intro = What the leads made of each period's horizon scanning.
horizon-write-ups-none = Nothing has been written up yet.
horizon-write-ups-back = Back to the write-ups
horizon-published-by = Published by { $name } on { $date }
horizon-published-on = Published on { $date }
horizon-write-up-clippings = The clippings of this period
home-horizon-heading = What is coming: horizon scanning
home-horizon-clip = Clip a link or read what others clipped
horizon-email-subject = What is coming: { $title }
horizon-email-body =
    Dear { $name },

    { $title }

    { $text }

    Read it all: { $url }
    Seen something that will change our work? Clip it: { $clip }
horizon-reminder-subject = A horizon-scanning synthesis is due
horizon-reminder-body =
    Dear { $name },

    It is six months since the horizon scanning was last written up, so a synthesis is due. The synthesis page groups what was clipped from { $from } to { $to } by tag; from there you can write it up for everyone:

    { $url }

    You get this reminder as a lead (a trainer or administrator). It comes every six months until a write-up is published.
audit-action-clipping-removed = Removed a horizon-scanning clipping
audit-action-comment-removed = Removed a comment
audit-action-write-up-published = Published a horizon-scanning write-up
audit-action-board-post-removed = Removed a tip from the champions' board
audit-detail-clipping = clipping { $value }
audit-detail-comment = comment { $value }
audit-detail-write-up = write-up { $value }
audit-detail-board-post = board post { $value }

board-title = The champions' board
board-champion-link = The champions' board: share a tip
board-intro = Tips and good practice from the digital champions and the digital team. Anyone can comment.
board-new-title = Post a tip
board-back = Back to the board
board-post-title = Title
board-post-text = The tip
board-post-text-hint = Plain text, up to 8,000 characters: leave a blank line between paragraphs.
board-competence = The skill it is about (optional)
board-competence-hint = From the organisation's skills framework.
board-competence-unknown = Choose a skill from the list
board-post-send = Post the tip
board-title-missing = Enter a title
board-title-too-long = The title must be 200 characters or fewer
board-title-one-line = The title must be one line
board-text-missing = Enter the tip
board-text-too-long = The tip must be 8,000 characters or fewer
board-posted = The tip is posted.
board-removed = The tip is removed.
board-none = Nothing has been posted yet.
board-posted-by = Posted by { $name } on { $date }
board-posted-on = Posted on { $date }
board-remove-title = Remove the tip
board-remove-warning = { $count ->
    [0] The tip goes for good.
    [one] The tip and its comment go for good.
   *[other] The tip and its { $count } comments go for good.
}
board-remove-confirm = Remove the tip
board-remove-cancel = Cancel

comments-heading = { $count ->
    [0] Comments
    [one] 1 comment
   *[other] { $count } comments
}
comments-count = { $count ->
    [0] no comments
    [one] 1 comment
   *[other] { $count } comments
}
comments-none = No comments yet.
comments-by = { $name } on { $date }
comments-by-former = A former colleague on { $date }
comments-remove = Remove
comments-remove-whose = the comment of { $date }
comments-label = Add a comment
comments-hint = Up to 4,000 characters. Everyone in the service can read it, with your name.
comments-send = Add the comment
comment-missing = Enter your comment
comment-too-long = The comment must be 4,000 characters or fewer
comments-added = Your comment is added.
comments-removed = The comment is removed.

my-data-column-horizon-clippings-clipped-at = Clipped (UTC)
my-data-column-horizon-clippings-url = Link
my-data-column-horizon-clippings-note = Note
my-data-column-horizon-clippings-tags = Tags
my-data-column-horizon-write-ups-published-at = Published (UTC)
my-data-column-horizon-write-ups-title = Title
my-data-column-horizon-write-ups-body = Write-up
my-data-column-board-posts-posted-at = Posted (UTC)
my-data-column-board-posts-title = Title
my-data-column-board-posts-body = Tip
my-data-column-board-posts-competence = Skill
my-data-column-comments-written-at = Written (UTC)
my-data-column-comments-on = On (clipping or board post)
my-data-column-comments-on-id = Its number
my-data-column-comments-comment = Comment
