//! Each question's answer as a person reads it back (the check-answers page, the printed
//! record), and whether it is answered at all: one match over the questions, so a question
//! added to the description is shown and counted in one place.

use chrono::{DateTime, NaiveDate, Utc};

use super::{ActionField, Spot};
use crate::model::Plr;

/// An answer as it is read back. The app renders dates in the reader's own format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown<'a> {
    /// Nothing chosen or entered yet.
    Blank,
    /// Text as entered (possibly blank).
    Text(&'a str),
    /// The label of the option chosen.
    Choice(&'static str),
    /// A yes-or-no question answered.
    YesNo(bool),
    /// A box ticked or not (never blank: not ticked is "No").
    Flag(bool),
    /// A date.
    Date(NaiveDate),
    /// A moment (shown in local time).
    Moment(DateTime<Utc>),
    /// How many items a list holds.
    Count(usize),
}

impl Shown<'_> {
    /// Whether it holds an answer: text that is not blank, a choice made, a box ticked, a
    /// list with an item.
    pub fn is_answer(&self) -> bool {
        match *self {
            Shown::Blank => false,
            Shown::Text(text) => !text.trim().is_empty(),
            Shown::Flag(on) => on,
            Shown::Count(n) => n > 0,
            Shown::Choice(_) | Shown::YesNo(_) | Shown::Date(_) | Shown::Moment(_) => true,
        }
    }
}

impl Shown<'_> {
    /// The answer in words, as a person reads it back: "Not answered" for a blank (or blank
    /// text), the text, the option's label, "Yes" or "No", a list's count; a date and a moment
    /// as `date` and `moment` write them (the form in the reader's own format, the dashboard
    /// as written in the file).
    pub fn words(
        self,
        date: impl FnOnce(NaiveDate) -> String,
        moment: impl FnOnce(DateTime<Utc>) -> String,
    ) -> String {
        match self {
            Shown::Blank => "Not answered".into(),
            Shown::Text(text) if text.trim().is_empty() => "Not answered".into(),
            Shown::Text(text) => text.to_string(),
            Shown::Choice(label) => label.to_string(),
            Shown::YesNo(yes) | Shown::Flag(yes) => if yes { "Yes" } else { "No" }.to_string(),
            Shown::Date(day) => date(day),
            Shown::Moment(at) => moment(at),
            Shown::Count(n) => n.to_string(),
        }
    }
}

impl<'a> Spot<'a> {
    /// Its answer in `plr` (the review it was found in), as read back.
    pub fn shown(&self, plr: &'a Plr) -> Shown<'a> {
        match *self {
            Spot::Case(field) => field.shown(plr),
            Spot::Participation(field) => field.shown(&plr.participation),
            Spot::Views { whose, field } => {
                whose.views(plr).map_or(Shown::Blank, |v| field.shown(v))
            }
            Spot::Statement { item, field, .. } => field.shown(item),
            Spot::Area { section, field } => field.shown(section),
            Spot::Judgement(field) => field.shown(&plr.judgement),
            Spot::Actions => Shown::Count(plr.actions.len()),
            Spot::Action { action, field } => field.shown(action),
        }
    }

    /// Whether `plr` (the review it was found in) holds an answer to it: text that is not
    /// blank, a choice made, the concern flag ticked, at least one action. An action's status
    /// is not an answer of its own (every action has one, open by default).
    pub fn answered(&self, plr: &'a Plr) -> bool {
        let status = matches!(
            self,
            Spot::Action {
                field: ActionField::Status,
                ..
            }
        );
        !status && self.shown(plr).is_answer()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_reads_back_in_words_with_dates_as_the_reader_writes_them() {
        let date = |d: NaiveDate| d.format("%d/%m/%Y").to_string();
        let moment = |at: DateTime<Utc>| at.format("%H:%M").to_string();
        let day = NaiveDate::from_ymd_opt(2022, 7, 20).unwrap();
        let at = day.and_hms_opt(14, 5, 0).unwrap().and_utc();
        let words = [
            Shown::Blank,
            Shown::Text("  "),
            Shown::Text("Seen at home"),
            Shown::Choice("Good"),
            Shown::YesNo(true),
            Shown::Flag(false),
            Shown::Date(day),
            Shown::Moment(at),
            Shown::Count(2),
        ]
        .map(|shown| shown.words(date, moment));
        assert_eq!(
            words,
            [
                "Not answered",
                "Not answered",
                "Seen at home",
                "Good",
                "Yes",
                "No",
                "20/07/2022",
                "14:05",
                "2"
            ]
        );
    }
}
