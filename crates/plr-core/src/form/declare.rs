//! How the catalogue's list of questions ([`crate::review_questions`]) becomes code. One entry
//! of the list, `ChildRef: case.child_ref { label: …, ..ASKED }`, declares a question whole:
//! its variant of the field enum, where its answer lives in the model (which is also its JSON
//! key, `case.child_ref`), its place in the form's order (the order of the list) and its row
//! of the catalogue. How its answer reads back follows from the type of that answer
//! ([`ReadBack`]); the form app makes each control's store field from the same list.

use chrono::{DateTime, NaiveDate, Utc};

use super::Shown;
use crate::model::{ActionKind, ActionStatus, Feedback, Grade, LegalStatus, Rating, Role};
use crate::model::{ConcernOutcome, ViewsOutcome};

/// Makes, from each group of the list (the questions asked about one part of the review, an
/// enum `of` the model type holding their answers): the field enum, every variant documented
/// by its JSON key; `ALL`, the variants in form order; `key`; `row`, its row of the catalogue;
/// and `text` and `shown`, its answer read from the model.
macro_rules! declare_questions {
    ($(
        $(#[$meta:meta])*
        pub enum $enum:ident of $root:ty {
            $(
                $(#[$vmeta:meta])*
                $variant:ident: $first:ident $(. $rest:ident)* { $($row:tt)* }
            ),* $(,)?
        }
    )*) => {$(
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $enum {
            $(
                #[doc = concat!("`", stringify!($first) $(, ".", stringify!($rest))*, "`")]
                $(#[$vmeta])*
                $variant,
            )*
        }

        impl $enum {
            /// Every one, in the order the form asks them.
            pub const ALL: &'static [$enum] = &[$($enum::$variant),*];

            /// The key of its answer within the part of the review holding it (the JSON path
            /// from there).
            pub fn key(self) -> &'static str {
                match self {
                    $($enum::$variant => concat!(stringify!($first) $(, ".", stringify!($rest))*),)*
                }
            }

            /// Its row of the catalogue. Inlined wherever it is read (see [`declared`]).
            #[inline(always)]
            pub fn row(self) -> Declared {
                #[allow(unused_imports)]
                use Answer::{Choice, Date, Flag, Long, Moment, YesNo};
                #[allow(unused_imports)]
                use Required::Yes;
                match self {
                    $($enum::$variant => Declared { $($row)* },)*
                }
            }

            /// Its answer in `of`, when the answer is text.
            pub fn text(self, of: &$root) -> Option<&str> {
                match self {
                    $($enum::$variant => $crate::form::ReadBack::text(&of.$first$(.$rest)*),)*
                }
            }

            /// Its answer in `of`, as read back.
            pub fn shown(self, of: &$root) -> $crate::form::Shown<'_> {
                match self {
                    $($enum::$variant => $crate::form::ReadBack::shown(&of.$first$(.$rest)*),)*
                }
            }
        }
    )*};
}
pub(crate) use declare_questions;

/// An answer's type, and so how it reads back: text as text, a yes or no, a ticked box, a
/// date, a moment, or the label of the option chosen; blank when nothing is.
pub trait ReadBack {
    /// The answer, when it is text.
    fn text(&self) -> Option<&str> {
        None
    }

    /// The answer as read back.
    fn shown(&self) -> Shown<'_>;
}

fn or_blank<'a, T: Copy>(value: &Option<T>, shown: impl FnOnce(T) -> Shown<'a>) -> Shown<'a> {
    value.map_or(Shown::Blank, shown)
}

impl ReadBack for String {
    fn text(&self) -> Option<&str> {
        Some(self)
    }

    fn shown(&self) -> Shown<'_> {
        Shown::Text(self)
    }
}

impl ReadBack for Option<bool> {
    fn shown(&self) -> Shown<'_> {
        or_blank(self, Shown::YesNo)
    }
}

impl ReadBack for bool {
    fn shown(&self) -> Shown<'_> {
        Shown::Flag(*self)
    }
}

impl ReadBack for Option<NaiveDate> {
    fn shown(&self) -> Shown<'_> {
        or_blank(self, Shown::Date)
    }
}

impl ReadBack for Option<DateTime<Utc>> {
    fn shown(&self) -> Shown<'_> {
        or_blank(self, Shown::Moment)
    }
}

impl ReadBack for NaiveDate {
    fn shown(&self) -> Shown<'_> {
        Shown::Date(*self)
    }
}

/// A closed set asked for as one option of a list: read back as the option's label, blank
/// while none is chosen (or, for a choice that always holds one, never blank).
macro_rules! choices {
    ($($choice:ty),*; always $($always:ty),*) => {
        $(impl ReadBack for Option<$choice> {
            fn shown(&self) -> Shown<'_> {
                or_blank(self, |choice| Shown::Choice(choice.label()))
            }
        })*
        $(impl ReadBack for $always {
            fn shown(&self) -> Shown<'_> {
                Shown::Choice(self.label())
            }
        })*
    };
}

choices!(
    LegalStatus, Role, ViewsOutcome, Feedback, Rating, Grade, ActionKind;
    always ActionStatus, Grade, ConcernOutcome
);
