//! Each question's answer as a person reads it back (the check-answers page, the printed
//! record), and whether it is answered at all: one match over the questions, so a question
//! added to the description is shown and counted in one place.

use chrono::{DateTime, NaiveDate, Utc};

use super::{
    ActionField, AreaField, CaseField, JudgementField, ParticipationField, Spot, StatementField,
    ViewsField, Whose,
};
use crate::model::{Plr, Views};

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

fn or_blank<'a, T>(value: Option<T>, shown: impl FnOnce(T) -> Shown<'a>) -> Shown<'a> {
    value.map_or(Shown::Blank, shown)
}

impl<'a> Spot<'a> {
    /// Its answer in `plr` (the review it was found in), as read back.
    pub fn shown(&self, plr: &'a Plr) -> Shown<'a> {
        if let Some(text) = self.text(plr) {
            return Shown::Text(text);
        }
        let (case, review, j) = (&plr.case, &plr.review, &plr.judgement);
        match *self {
            Spot::Case(field) => match field {
                CaseField::LegalStatus => or_blank(case.legal_status, |s| Shown::Choice(s.label())),
                CaseField::ChildAged4OrOver => or_blank(case.child_aged_4_or_over, Shown::YesNo),
                CaseField::IroOrCpChairAllocated => {
                    or_blank(case.iro_or_cp_chair_allocated, Shown::YesNo)
                }
                CaseField::ReviewDate => or_blank(review.date, Shown::Date),
                CaseField::ReviewerRole => {
                    or_blank(review.reviewer.role, |r| Shown::Choice(r.label()))
                }
                CaseField::PractitionerRole => {
                    or_blank(review.practitioner.role, |r| Shown::Choice(r.label()))
                }
                // Text, shown above.
                CaseField::ChildRef
                | CaseField::Team
                | CaseField::ReviewerName
                | CaseField::PractitionerName => Shown::Blank,
            },
            Spot::Participation(field) => {
                let p = &plr.participation;
                match field {
                    ParticipationField::SocialWorker => or_blank(p.social_worker, Shown::YesNo),
                    ParticipationField::TeamManager => or_blank(p.team_manager, Shown::YesNo),
                    ParticipationField::IroOrCpChair => or_blank(p.iro_or_cp_chair, Shown::YesNo),
                    ParticipationField::Views(whose, field) => {
                        let views = match whose {
                            Whose::Child => &p.child,
                            Whose::ParentCarer => &p.parent_carer,
                        };
                        views
                            .as_ref()
                            .map_or(Shown::Blank, |v| views_shown(v, field))
                    }
                }
            }
            Spot::Statement { item, field, .. } => match field {
                StatementField::Rating => or_blank(item.rating, |r| Shown::Choice(r.label())),
                StatementField::Note => Shown::Blank,
            },
            Spot::Judgement(field) => match field {
                JudgementField::FinalGrade => or_blank(j.final_grade, |g| Shown::Choice(g.label())),
                JudgementField::ImmediateConcern => Shown::Flag(j.immediate_concern),
                JudgementField::ConcernSharedAt => or_blank(j.concern_shared_at, Shown::Moment),
                JudgementField::ImpactOnChild
                | JudgementField::Rationale
                | JudgementField::ImmediateConcernDetails
                | JudgementField::ConcernSharedWith => Shown::Blank,
            },
            Spot::Actions => Shown::Count(plr.actions.len()),
            Spot::Action { action, field } => match field {
                ActionField::Kind => or_blank(action.kind, |k| Shown::Choice(k.label())),
                ActionField::DueOn => or_blank(action.due_on, Shown::Date),
                ActionField::Status => Shown::Choice(action.status.label()),
                ActionField::CompletedOn => or_blank(action.completed_on, Shown::Date),
                ActionField::TransferredOn => or_blank(action.transferred_on, Shown::Date),
                ActionField::Description | ActionField::Owner | ActionField::ProgressNote => {
                    Shown::Blank
                }
            },
            Spot::Area {
                field: AreaField::PractitionerReflection | AreaField::ReviewerEvaluation,
                ..
            } => Shown::Blank,
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

fn views_shown(views: &Views, field: ViewsField) -> Shown<'static> {
    match field {
        ViewsField::Views => or_blank(views.views, |o| Shown::Choice(o.label())),
        ViewsField::Feedback => or_blank(views.feedback, |f| Shown::Choice(f.label())),
        ViewsField::SocialWorkerConsulted => or_blank(views.social_worker_consulted, Shown::YesNo),
        ViewsField::PersistentAttempts => or_blank(views.persistent_attempts, Shown::YesNo),
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
