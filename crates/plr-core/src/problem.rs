//! [`Problem`]: one thing wrong with a PLR, at the JSON path of the value to fix. The one type
//! of both the completion check (what stops completing) and import (what stops a file being
//! read, or a warning about it).

use crate::form::FieldPath;
use crate::model::Plr;

/// One problem, at a JSON path (`$` for the whole file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// e.g. `case.child_ref`, `sections[0].items[3].rating`: where the value is in the PLR
    /// as it was when the problem was found.
    pub path: String,
    /// Plain English, e.g. "Enter the child's case reference".
    pub message: String,
    /// The question it is about, for a problem of the completion check (whose control shows
    /// it and whose element id the error summary links to). `None` for a problem of a file.
    pub field: Option<FieldPath>,
}

impl Problem {
    /// A problem at a JSON path that is no question of the form (a file's structure).
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            path: path.into(),
            message: message.into(),
            field: None,
        }
    }

    /// A problem with the answer to `field` in `plr`; its JSON path is rendered now.
    pub fn at(field: FieldPath, plr: &Plr, message: impl Into<String>) -> Problem {
        Problem {
            path: field.json_path(plr),
            message: message.into(),
            field: Some(field),
        }
    }

    /// Plain English first, then where in the file: "unknown framework ... (in the file at
    /// `framework`)"; the whole file (`$`) is not named.
    pub fn plain(&self) -> String {
        if self.path == "$" {
            self.message.clone()
        } else {
            format!("{} (in the file at {})", self.message, self.path)
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}
