//! Comments: the one way people answer a post, whether a horizon-scanning clipping or a tip on
//! the champions' board. A comment belongs to one thing, named by its kind and id.

use crate::{BoardPostId, ClippingId, Invalid};

/// The longest comment, in characters.
pub const MOST_COMMENT: usize = 4000;

/// What a comment is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CommentOn {
    Clipping(ClippingId),
    BoardPost(BoardPostId),
}

impl CommentOn {
    /// The kind as stored, in `comments.kind`.
    pub fn kind(self) -> &'static str {
        match self {
            CommentOn::Clipping(_) => "clipping",
            CommentOn::BoardPost(_) => "board-post",
        }
    }

    /// The id of the thing, in `comments.target_id`.
    pub fn target(self) -> i64 {
        match self {
            CommentOn::Clipping(id) => id.0,
            CommentOn::BoardPost(id) => id.0,
        }
    }

    /// From the stored kind and id; `None` for a kind this version does not know.
    pub fn from_stored(kind: &str, target: i64) -> Option<CommentOn> {
        match kind {
            "clipping" => Some(CommentOn::Clipping(ClippingId(target))),
            "board-post" => Some(CommentOn::BoardPost(BoardPostId(target))),
            _ => None,
        }
    }

    /// The page the thing is on, where its comments are.
    pub fn path(self) -> String {
        match self {
            CommentOn::Clipping(id) => format!("/horizon/{id}"),
            CommentOn::BoardPost(id) => format!("/champions/board/{id}"),
        }
    }
}

/// Text someone wrote: trimmed, with Windows line ends made plain, not empty, at most `most`
/// characters, and with no control characters but line breaks and tabs. The pages show it as
/// text (never as HTML), in paragraphs split at blank lines.
pub fn written(
    raw: &str,
    most: usize,
    missing: &'static str,
    long: &'static str,
) -> Result<String, Invalid> {
    let text = raw.trim().replace("\r\n", "\n");
    if text.is_empty() {
        Err(Invalid(missing))
    } else if text.chars().count() > most {
        Err(Invalid(long))
    } else if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        Err(Invalid("text-invalid-characters"))
    } else {
        Ok(text)
    }
}

/// A comment as written.
pub fn parse_comment(raw: &str) -> Result<String, Invalid> {
    written(raw, MOST_COMMENT, "comment-missing", "comment-too-long")
}

/// Plain text as paragraphs: split at blank lines, each paragraph's lines kept.
pub fn paragraphs(text: &str) -> Vec<Vec<&str>> {
    let mut all = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                all.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        all.push(current);
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comment_is_trimmed_and_refused_empty_or_long() {
        assert_eq!(parse_comment("  Good find \r\n"), Ok("Good find".into()));
        assert_eq!(parse_comment(" \n "), Err(Invalid("comment-missing")));
        let long = "a".repeat(MOST_COMMENT + 1);
        assert_eq!(parse_comment(&long), Err(Invalid("comment-too-long")));
        assert_eq!(
            parse_comment("bell\u{7}"),
            Err(Invalid("text-invalid-characters"))
        );
    }

    #[test]
    fn paragraphs_split_at_blank_lines() {
        let text = "One\ntwo\n\n\n  \nThree";
        assert_eq!(paragraphs(text), vec![vec!["One", "two"], vec!["Three"]]);
        assert!(paragraphs("").is_empty());
    }

    #[test]
    fn a_target_round_trips_through_its_stored_form() {
        for on in [
            CommentOn::Clipping(ClippingId(4)),
            CommentOn::BoardPost(BoardPostId(9)),
        ] {
            assert_eq!(CommentOn::from_stored(on.kind(), on.target()), Some(on));
        }
        assert_eq!(CommentOn::from_stored("other", 1), None);
    }
}
