use std::fmt;

/// Why a statement, or a query parameter, breaks a rule of xAPI 1.0.3: the LRS answers
/// `400 Bad Request` with this text (Communication 3.2 "Error Codes": an LRS SHOULD return a
/// message explaining the cause).
///
/// `path` names the property, as in `context.instructor.mbox` or `[2].verb.id` for the third
/// statement of a batch; `message` says what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Invalid {
    /// Where the fault is: property names joined by dots, array positions in brackets; empty
    /// when it is the whole document.
    pub path: String,
    /// What is wrong, with the rule's section when there is one.
    pub message: String,
}

impl Invalid {
    pub(crate) fn new(path: impl Into<String>, message: impl Into<String>) -> Invalid {
        Invalid {
            path: path.into(),
            message: message.into(),
        }
    }

    /// The same fault seen from a containing document, e.g. `[3]` + `actor.mbox`.
    pub(crate) fn within(self, prefix: &str) -> Invalid {
        let path = match (prefix.is_empty(), self.path.is_empty()) {
            (true, _) => self.path,
            (false, true) => prefix.to_owned(),
            (false, false) if self.path.starts_with('[') => format!("{prefix}{}", self.path),
            (false, false) => format!("{prefix}.{}", self.path),
        };
        Invalid { path, ..self }
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}
