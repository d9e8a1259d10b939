//! The question catalogue: every question of a review declared once, as one entry of
//! [`review_questions`](crate::review_questions) (its variant of the field enum, where its
//! answer lives in the model, which is also its JSON key, its place in the form's order, and
//! its [`Declared`] row: label, hint, kind of answer and so its length limit, when it is
//! asked, what the error says when it is not answered, whether it stays editable once the
//! review is completed). Like a row of an XLSForm, typed: a row is a struct literal, so a
//! question does not compile until it says all of that. The walk ([`super::spots`]), the
//! answers' read-back ([`super::Shown`]) and the form's store fields are made from the same
//! list; which page asks a question is [`super::Task::of`].
//!
//! Adding a question to a part of the review: its answer's field in the model, its entry in
//! the list, and its control on its page. Labels and messages are templates: `{who}` is whose
//! views a views question asks about ("the child"), `{n}` an action's number, `{statement}` a
//! statement's id, `{text}` its wording and `{area}` its area's title. The questions recorded
//! apart from a review's answers (moderation, a Head of Service's update, the Ambassadors'
//! review) are rows of [`declared`] too.

use super::declare::declare_questions;
use super::{FieldPath, Spot, Whose};
use crate::concern::is_case_of_concern;
use crate::framework::Framework;
use crate::limits::{MAX_SHORT_CHARS, MAX_TEXT_CHARS};
use crate::model::{
    ActionStatus, AmbassadorsReview, ConcernUpdate, Grade, Moderation, Plr, ViewsOutcome,
};

/// Which question, apart from the list item it is about (the area, statement or action): the
/// key of its row in the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A question of "About the case".
    Case(CaseField),
    /// A question of "Who took part" other than a person's views.
    Participation(ParticipationField),
    /// A question of a person's views, on "Who took part".
    Views(ViewsField),
    /// A question asked of every statement.
    Statement(StatementField),
    /// A question asked once per area.
    Area(AreaField),
    /// A question of "Grade and judgement".
    Judgement(JudgementField),
    /// The list of actions itself.
    Actions,
    /// A question asked of every action.
    Action(ActionField),
    /// A question of "Moderate this review", recorded apart from the review's answers.
    Moderation(ModerationField),
    /// A question of a Head of Service's update on a Case of Concern.
    Update(UpdateField),
    /// A question of the Ambassadors' review, beside its five findings
    /// ([`crate::ambassadors::FINDINGS`]).
    Ambassadors(AmbassadorsField),
}

impl Recorded for ModerationField {
    fn dom_id(self) -> &'static str {
        match self {
            ModerationField::Moderator => "moderation-moderator",
            ModerationField::Grade => "moderation-grade",
            ModerationField::Comments => "moderation-comments",
        }
    }

    #[inline(always)]
    fn declared(self) -> Declared {
        declared(Kind::Moderation(self))
    }
}

/// A question recorded on a completed review apart from its own answers (a moderation, a Head
/// of Service's update, the Ambassadors' review), asked alike by the form and the dashboard:
/// its control's id and its row of the catalogue are all either needs.
pub trait Recorded: Copy {
    /// The id of its control (a date's day, a group's first radio), in both apps.
    fn dom_id(self) -> &'static str;

    /// Its row of the catalogue.
    fn declared(self) -> Declared;

    /// What the error says when it is left unanswered (blank for a question that may be).
    /// Inlined, so a reader of one message (import's, in the form's first download) carries no
    /// other part of the row.
    #[inline(always)]
    fn missing(self) -> &'static str {
        self.declared().missing().unwrap_or_default()
    }
}

/// The kind of answer a question takes, which is also how it reads back and, for text, its
/// length limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// A name, a reference or a team: at most [`MAX_SHORT_CHARS`] characters.
    Short,
    /// A narrative or a note: at most [`MAX_TEXT_CHARS`] characters.
    Long,
    /// One option of a list (radio buttons).
    Choice,
    /// Yes or no.
    YesNo,
    /// A date (day, month and year).
    Date,
    /// A moment, recorded when a box is ticked.
    Moment,
    /// A box ticked or not.
    Flag,
    /// A list of items (the actions).
    List,
}

impl Answer {
    /// For a text answer, the most characters it may have.
    pub fn limit(self) -> Option<usize> {
        match self {
            Answer::Short => Some(MAX_SHORT_CHARS),
            Answer::Long => Some(MAX_TEXT_CHARS),
            _ => None,
        }
    }
}

/// When a question is asked (shown, checked and read back), or when it must be answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// Always.
    Always,
    /// An Independent Reviewing Officer or Child Protection Chair is allocated.
    IroAllocated,
    /// The views question of its person is asked (the child's only for a child aged 4 or over)
    /// and, given an outcome, its answer is that outcome.
    Views(Option<ViewsOutcome>),
    /// The final grade differs from the suggested grade.
    GradeDiffers,
    /// An immediate concern about the child's safety is recorded.
    ImmediateConcern,
    /// Its action has this status.
    ActionIs(ActionStatus),
    /// The review is a Case of Concern.
    CaseOfConcern,
    /// The moderator's grade differs from the reviewer's (checked by
    /// [`crate::moderation::moderation_problems`], which is given both).
    ModerationDiffers,
}

/// Whether the question must be answered before the review can be completed, and what the
/// error says when it is not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Required {
    /// It may be left blank.
    No,
    /// Whenever it is asked.
    Yes(&'static str),
    /// When it is asked and this holds.
    When(When, &'static str),
}

impl Recorded for UpdateField {
    fn dom_id(self) -> &'static str {
        match self {
            UpdateField::On => "update-on",
            UpdateField::By => "update-by",
            UpdateField::ChildSafe => "update-child-safe",
            UpdateField::PlanInPlace => "update-plan",
            UpdateField::Outcome => "update-outcome",
            UpdateField::Note => "update-note",
        }
    }

    #[inline(always)]
    fn declared(self) -> Declared {
        declared(Kind::Update(self))
    }
}

impl Recorded for AmbassadorsField {
    fn dom_id(self) -> &'static str {
        match self {
            AmbassadorsField::On => "ambassadors-on",
            AmbassadorsField::By => "ambassadors-by",
            AmbassadorsField::Comments => "ambassadors-comments",
        }
    }

    #[inline(always)]
    fn declared(self) -> Declared {
        declared(Kind::Ambassadors(self))
    }
}

/// One question, declared: a row of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Declared {
    /// The label or legend (a template).
    pub label: &'static str,
    /// Help shown under the label.
    pub hint: Option<&'static str>,
    /// The kind of answer it takes.
    pub answer: Answer,
    /// When it is asked.
    pub asked: When,
    /// Whether it must be answered, and the error when it is not (a template).
    pub required: Required,
    /// Whether it can still be changed once the review is completed, without reopening it.
    pub after_completion: bool,
}

impl Declared {
    /// What the error says when it must be answered and is not, as declared (a template for
    /// the review's own questions; the recorded questions' messages name no one).
    pub fn missing(&self) -> Option<&'static str> {
        match self.required {
            Required::No => None,
            Required::Yes(message) | Required::When(_, message) => Some(message),
        }
    }
}

/// The defaults every row starts from: no hint, always asked, optional, fixed at completion.
const ASKED: Declared = Declared {
    label: "",
    hint: None,
    answer: Answer::Short,
    asked: When::Always,
    required: Required::No,
    after_completion: false,
};

/// How every date of the form is asked for (day, month and year fields).
const DATE_HINT: Option<&str> = Some("For example, 20 11 2026");

/// The review's questions, each declared once: a group per part of the review (the field enum
/// of its questions, `of` the model type holding their answers), and in it one entry per
/// question, in the order the form asks them: its variant, where its answer lives (which is
/// also its JSON key) and its row of the catalogue ([`Declared`]). `$then` is the macro that
/// makes code of the list: this crate's makes the field enums, their keys, rows and read-backs
/// ([`crate::form`]); the form app makes each control's store field from it.
#[macro_export]
macro_rules! review_questions {
    ($then:ident) => { $then! {
    /// A question about the case or the review (the "About the case" page).
    pub enum CaseField of $crate::model::Plr {
        ChildRef: case.child_ref {
            label: "Child's case reference",
            hint: Some("The ID from the case management system, for example LL-482913. Do not enter the child's name."),
            required: Yes("Enter the child's case reference"),
            ..ASKED
        },
        Team: case.team {
            label: "Team",
            required: Yes("Enter the team"),
            ..ASKED
        },
        LegalStatus: case.legal_status {
            label: "The child's legal status or service",
            answer: Choice,
            required: Yes("Choose the child's legal status or service"),
            ..ASKED
        },
        ChildAged4OrOver: case.child_aged_4_or_over {
            label: "Is the child aged 4 or over?",
            hint: Some("If so, the review asks whether the child's own views were obtained. For a younger child, their experience is understood through observation and play."),
            answer: YesNo,
            required: Yes("Say whether the child is aged 4 or over"),
            ..ASKED
        },
        IroOrCpChairAllocated: case.iro_or_cp_chair_allocated {
            label: "Is an Independent Reviewing Officer or Child Protection Chair allocated?",
            answer: YesNo,
            required: Yes("Say whether an Independent Reviewing Officer or Child Protection Chair is allocated"),
            ..ASKED
        },
        ReviewDate: review.date {
            label: "Review date",
            hint: DATE_HINT,
            answer: Date,
            required: Yes("Enter the review date"),
            ..ASKED
        },
        ReviewerName: review.reviewer.name {
            label: "Reviewing manager's name",
            required: Yes("Enter the reviewer's name"),
            ..ASKED
        },
        ReviewerRole: review.reviewer.role {
            label: "Reviewing manager's role",
            answer: Choice,
            required: Yes("Choose the reviewer's role"),
            ..ASKED
        },
        PractitionerName: review.practitioner.name {
            label: "Practitioner's name",
            required: Yes("Enter the practitioner's name"),
            ..ASKED
        },
        PractitionerRole: review.practitioner.role {
            label: "Practitioner's role",
            answer: Choice,
            required: Yes("Choose the practitioner's role"),
            ..ASKED
        },
    }

    /// A question of the "Who took part" page other than a person's views.
    pub enum ParticipationField of $crate::model::Participation {
        SocialWorker: social_worker {
            label: "Was the social worker involved in the review?",
            answer: YesNo,
            required: Yes("Say whether the social worker was involved"),
            ..ASKED
        },
        TeamManager: team_manager {
            label: "Was the team manager involved in the review?",
            answer: YesNo,
            required: Yes("Say whether the team manager was involved"),
            ..ASKED
        },
        IroOrCpChair: iro_or_cp_chair {
            label: "Was the Independent Reviewing Officer or Child Protection Chair involved?",
            answer: YesNo,
            asked: When::IroAllocated,
            required: Yes("Say whether the Independent Reviewing Officer or Child Protection Chair was involved"),
            ..ASKED
        },
    }

    /// A question of one person's views ([`crate::form::Whose`]), on the "Who took part" page.
    pub enum ViewsField of $crate::model::Views {
        Views: views {
            label: "Were the views of {who} obtained?",
            answer: Choice,
            asked: When::Views(None),
            required: Yes("Say whether the views of {who} were obtained"),
            ..ASKED
        },
        Feedback: feedback {
            label: "What feedback did they give?",
            answer: Choice,
            asked: When::Views(Some(ViewsOutcome::Obtained)),
            required: Yes("Say what feedback {who} gave"),
            ..ASKED
        },
        SocialWorkerConsulted: social_worker_consulted {
            label: "Was the social worker consulted about that decision?",
            answer: YesNo,
            asked: When::Views(Some(ViewsOutcome::Inappropriate)),
            required: Yes("Say whether the social worker was consulted about not seeking the views of {who}"),
            ..ASKED
        },
        PersistentAttempts: persistent_attempts {
            label: "Were persistent attempts made to reach them?",
            answer: YesNo,
            asked: When::Views(Some(ViewsOutcome::Unreachable)),
            required: Yes("Say whether persistent attempts were made to reach {who}"),
            ..ASKED
        },
    }

    /// A question about one statement.
    pub enum StatementField of $crate::model::Item {
        Rating: rating {
            label: "{statement} {text}",
            answer: Choice,
            required: Yes("Rate statement {statement} ({area})"),
            ..ASKED
        },
        Note: note {
            label: "Evidence (optional)",
            answer: Long,
            ..ASKED
        },
    }

    /// A question of one area's page that is not about one statement. A reflection is needed
    /// in one area of the review, not in each: that rule is the completion check's.
    pub enum AreaField of $crate::model::Section {
        PractitionerReflection: practitioner_reflection {
            label: "Practitioner's reflection",
            hint: Some("What the practitioner takes from this area."),
            answer: Long,
            ..ASKED
        },
        ReviewerEvaluation: reviewer_evaluation {
            label: "Reviewer's evaluation",
            hint: Some("The reviewer's view of practice in this area."),
            answer: Long,
            ..ASKED
        },
    }

    /// A question of the "Grade and judgement" page.
    pub enum JudgementField of $crate::model::Judgement {
        ImpactOnChild: impact_on_child {
            label: "Impact on the child",
            hint: Some("How has the practice you reviewed affected the child's experience and progress? This informs the grade."),
            answer: Long,
            required: Yes("Describe the impact on the child"),
            ..ASKED
        },
        FinalGrade: final_grade {
            label: "Final grade",
            hint: Some("This follows the suggested grade (marked “suggested”). If your professional judgement differs, choose another grade and say why."),
            answer: Choice,
            required: Yes("Choose the final grade"),
            ..ASKED
        },
        Rationale: rationale {
            label: "Why is the final grade different from the suggested grade?",
            answer: Long,
            asked: When::GradeDiffers,
            required: Yes("Explain why the final grade is different from the suggested grade"),
            ..ASKED
        },
        ImmediateConcern: immediate_concern {
            label: "There is an immediate concern about the child's safety",
            hint: Some("The suggested grade becomes Inadequate, and the review becomes a Case of Concern: it must be shared with the Head of Service within 24 hours."),
            answer: Flag,
            ..ASKED
        },
        ImmediateConcernDetails: immediate_concern_details {
            label: "What is the concern?",
            hint: Some("What was seen or heard, and why the child may not be safe."),
            answer: Long,
            asked: When::ImmediateConcern,
            required: Yes("Describe the immediate concern about the child's safety"),
            ..ASKED
        },
        ConcernSharedWith: concern_shared_with {
            label: "Name of the Head of Service it was shared with",
            asked: When::ImmediateConcern,
            required: Yes("Enter the name of the Head of Service the concern was shared with"),
            after_completion: true,
            ..ASKED
        },
        ConcernSharedAt: concern_shared_at {
            label: "It has been shared with the Head of Service",
            hint: Some("Tick this once you have told them: the date and time are recorded."),
            answer: Moment,
            asked: When::ImmediateConcern,
            required: Yes("Record that the concern has been shared with the Head of Service"),
            after_completion: true,
        },
    }

    /// A question of one action, in the order of its card.
    pub enum ActionField of $crate::model::Action {
        Kind: kind {
            label: "Type of action",
            answer: Choice,
            required: Yes("Choose the type of action {n}"),
            ..ASKED
        },
        Description: description {
            label: "What needs to happen",
            answer: Long,
            required: Yes("Describe action {n}"),
            ..ASKED
        },
        Owner: owner {
            label: "Who will do it",
            required: Yes("Enter who will do action {n}"),
            ..ASKED
        },
        DueOn: due_on {
            label: "Due date",
            hint: DATE_HINT,
            answer: Date,
            required: Yes("Enter the due date of action {n}"),
            ..ASKED
        },
        // Every action has a status, open from the start.
        Status: status {
            label: "Status",
            answer: Choice,
            after_completion: true,
            ..ASKED
        },
        CompletedOn: completed_on {
            label: "Date completed",
            hint: DATE_HINT,
            answer: Date,
            asked: When::ActionIs(ActionStatus::Completed),
            required: Yes("Enter the date action {n} was completed"),
            after_completion: true,
        },
        TransferredOn: transferred_on {
            label: "Date transferred into the child's plan",
            hint: DATE_HINT,
            answer: Date,
            asked: When::ActionIs(ActionStatus::Transferred),
            required: Yes("Enter the date action {n} was transferred into the child's plan"),
            after_completion: true,
        },
        ProgressNote: progress_note {
            label: "Progress so far",
            hint: Some("Optional: a short note of what has happened since the review."),
            answer: Long,
            after_completion: true,
            ..ASKED
        },
    }
    } };
}

review_questions!(declare_questions);

// The questions recorded on a completed review apart from its own answers, asked alike by the
// form and the dashboard (`Recorded`): declared as the review's are.
declare_questions! {
    /// A question of "Moderate this review" (the export's `moderation`), asked of a completed
    /// review, so every one stays open to the moderator.
    pub enum ModerationField of Moderation {
        Moderator: moderator {
            label: "Your name (the moderator)",
            required: Yes("Enter your name"),
            after_completion: true,
            ..ASKED
        },
        Grade: grade {
            label: "Moderated grade",
            answer: Choice,
            required: Yes("Choose the moderated grade"),
            after_completion: true,
            ..ASKED
        },
        Comments: comments {
            label: "Comments for the manager",
            hint: Some("Needed when your grade differs from the reviewer's: say why."),
            answer: Long,
            required: Required::When(
                When::ModerationDiffers,
                "Tell the manager why your grade differs from the reviewer's",
            ),
            after_completion: true,
            ..ASKED
        },
    }

    /// A question of a Head of Service's update on a Case of Concern (an item of the export's
    /// `concern_updates`), recorded on a completed review without reopening it.
    pub enum UpdateField of ConcernUpdate {
        On: on {
            label: "Date of the update",
            hint: Some("Not before the Case of Concern was raised, and not in the future."),
            answer: Date,
            required: Yes("Enter the date of the update"),
            after_completion: true,
            ..ASKED
        },
        By: by {
            label: "Name of the Head of Service",
            required: Yes("Enter the name of the Head of Service who gave the update"),
            after_completion: true,
            ..ASKED
        },
        ChildSafe: child_safe {
            label: "Is the Head of Service assured the child is safe?",
            answer: YesNo,
            required: Yes("Select whether the Head of Service is assured the child is safe"),
            after_completion: true,
            ..ASKED
        },
        PlanInPlace: plan_in_place {
            label: "Is the Head of Service assured a plan is in place?",
            answer: YesNo,
            required: Yes("Select whether the Head of Service is assured a plan is in place"),
            after_completion: true,
            ..ASKED
        },
        Outcome: outcome {
            label: "What happens next",
            hint: Some("Resolved only when both answers above are yes."),
            answer: Choice,
            required: Yes("Select what happens next"),
            after_completion: true,
            ..ASKED
        },
        Note: note {
            label: "Note (optional)",
            answer: Long,
            after_completion: true,
            ..ASKED
        },
    }

    /// A question of the Ambassadors' review (the export's `ambassadors_review`) other than its
    /// findings ([`crate::ambassadors::FINDINGS`]), recorded on a completed review without
    /// reopening it.
    pub enum AmbassadorsField of AmbassadorsReview {
        On: reviewed_on {
            label: "Date of the Ambassadors' review",
            hint: Some("Not before the review was completed, and not in the future."),
            answer: Date,
            required: Yes("Enter the date of the Ambassadors' review"),
            after_completion: true,
            ..ASKED
        },
        By: by {
            label: "Name of who recorded it",
            required: Yes("Enter the name of who recorded the Ambassadors' review"),
            after_completion: true,
            ..ASKED
        },
        Comments: comments {
            label: "The Ambassadors' comments (optional)",
            answer: Long,
            after_completion: true,
            ..ASKED
        },
    }
}

/// The row of the catalogue for `kind`.
///
/// Inlined wherever it is read, so each reader compiles only the part of the row it uses:
/// import's length limits (in the form's first download) carry no label or message.
#[inline(always)]
pub fn declared(kind: Kind) -> Declared {
    match kind {
        Kind::Case(field) => field.row(),
        Kind::Participation(field) => field.row(),
        Kind::Views(field) => field.row(),
        Kind::Statement(field) => field.row(),
        Kind::Area(field) => field.row(),
        Kind::Judgement(field) => field.row(),
        Kind::Action(field) => field.row(),
        // A Case of Concern cannot be completed without an action; other reviews may have none.
        Kind::Actions => Declared {
            label: "Actions",
            answer: Answer::List,
            required: Required::When(
                When::CaseOfConcern,
                "Add at least one action: a Case of Concern cannot be completed without one",
            ),
            ..ASKED
        },
        Kind::Moderation(field) => field.row(),
        Kind::Update(field) => field.row(),
        Kind::Ambassadors(field) => field.row(),
    }
}

impl Spot<'_> {
    /// Which question this is, apart from the list item it is about.
    #[inline(always)]
    pub fn kind(&self) -> Kind {
        match *self {
            Spot::Case(field) => Kind::Case(field),
            Spot::Participation(field) => Kind::Participation(field),
            Spot::Views { field, .. } => Kind::Views(field),
            Spot::Statement { field, .. } => Kind::Statement(field),
            Spot::Area { field, .. } => Kind::Area(field),
            Spot::Judgement(field) => Kind::Judgement(field),
            Spot::Actions => Kind::Actions,
            Spot::Action { field, .. } => Kind::Action(field),
        }
    }

    /// Its row of the catalogue.
    #[inline(always)]
    pub fn declared(&self) -> Declared {
        declared(self.kind())
    }

    /// The label or legend of this question, as the form asks it.
    pub fn label(&self, framework: &Framework) -> String {
        self.fill(self.declared().label, None, framework)
    }

    /// Help shown under its label, if any.
    pub fn hint(&self) -> Option<&'static str> {
        self.declared().hint
    }

    /// For a text answer, the most characters it may have: names and references are short,
    /// narratives and notes long. `None` for every answer that is not text.
    pub fn limit(&self) -> Option<usize> {
        self.declared().answer.limit()
    }

    /// Whether this question of `plr` (the review it was found in) is asked now, given the
    /// suggested grade `suggested` (see [`super::applies`]).
    pub fn applies(&self, plr: &Plr, suggested: Option<Grade>) -> bool {
        self.holds(self.declared().asked, plr, suggested)
    }

    /// What the error says when this question of `plr` (the review it was found in) applies
    /// and is not answered; `None` for a question a review may leave blank (an evidence note,
    /// the reviewer's evaluation, an action's progress note) or need not answer now (the
    /// actions of a review that is not a Case of Concern).
    pub fn missing(&self, plr: &Plr, framework: &Framework) -> Option<String> {
        let message = match self.declared().required {
            Required::No => return None,
            Required::Yes(message) => message,
            Required::When(when, message) if self.holds(when, plr, None) => message,
            Required::When(..) => return None,
        };
        Some(self.fill(message, Some(plr), framework))
    }

    /// Whether `when` holds for this question of `plr`.
    #[inline(always)]
    fn holds(&self, when: When, plr: &Plr, suggested: Option<Grade>) -> bool {
        let case = &plr.case;
        match when {
            When::Always => true,
            When::IroAllocated => case.iro_or_cp_chair_allocated == Some(true),
            When::Views(outcome) => {
                let Spot::Views { whose, .. } = *self else {
                    return false;
                };
                if whose == Whose::Child && case.child_aged_4_or_over != Some(true) {
                    return false;
                }
                outcome.is_none() || whose.views(plr).and_then(|v| v.views) == outcome
            }
            When::GradeDiffers => plr.judgement.final_grade_differs(suggested),
            When::ImmediateConcern => plr.judgement.immediate_concern,
            When::ActionIs(status) => {
                matches!(*self, Spot::Action { action, .. } if action.status == status)
            }
            When::CaseOfConcern => is_case_of_concern(plr),
            // Not a question of the review's own walk.
            When::ModerationDiffers => false,
        }
    }

    /// `template` with this question's words in place of its `{…}` names (see the module's
    /// documentation); an action's `{n}` is its number in `plr`.
    fn fill(&self, template: &'static str, plr: Option<&Plr>, framework: &Framework) -> String {
        if !template.contains('{') {
            return template.to_string();
        }
        let mut text = template.to_string();
        match *self {
            Spot::Views { whose, .. } => {
                text = text.replace("{who}", whose.named());
            }
            Spot::Statement { section, item, .. } => {
                let area = framework.area(&section.id);
                let wording = area
                    .and_then(|a| a.statements.iter().find(|s| s.id == item.id))
                    .map_or("", |s| s.text.as_str());
                let title = area.map_or(section.id.0.as_str(), |a| a.title.as_str());
                text = text
                    .replace("{statement}", &item.id.0)
                    .replace("{text}", wording)
                    .replace("{area}", title)
                    .trim_end()
                    .to_string();
            }
            Spot::Action { action, .. } => {
                let n = plr
                    .and_then(|plr| plr.actions.iter().position(|a| std::ptr::eq(a, action)))
                    .map_or(0, |n| n + 1);
                text = text.replace("{n}", &n.to_string());
            }
            _ => {}
        }
        text
    }
}

impl FieldPath {
    /// Which question this is, apart from the list item it is about.
    pub fn kind(&self) -> Kind {
        match *self {
            FieldPath::Case(field) => Kind::Case(field),
            FieldPath::Participation(field) => Kind::Participation(field),
            FieldPath::Views { field, .. } => Kind::Views(field),
            FieldPath::Statement { field, .. } => Kind::Statement(field),
            FieldPath::Area { field, .. } => Kind::Area(field),
            FieldPath::Judgement(field) => Kind::Judgement(field),
            FieldPath::Actions => Kind::Actions,
            FieldPath::Action { field, .. } => Kind::Action(field),
        }
    }

    /// Whether the answer here can be changed on a completed review without reopening it: an
    /// action's status, its completion or transfer date and its progress note, and who a Case
    /// of Concern was shared with and when (each row's `after_completion`).
    pub fn editable_after_completion(&self) -> bool {
        declared(self.kind()).after_completion
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::completion::tests::complete_plr;
    use crate::form::{spot_list, Shown};
    use crate::model::Action;

    /// Every question of a review with two actions, one of each status that asks a date.
    fn every_spot_plr() -> Plr {
        let mut plr = complete_plr();
        for status in [ActionStatus::Completed, ActionStatus::Transferred] {
            let mut action = Action::new_after(&plr.actions);
            action.status = status;
            plr.actions.push(action);
        }
        plr
    }

    #[test]
    fn each_answer_reads_back_as_the_kind_its_row_declares() {
        let plr = every_spot_plr();
        for spot in spot_list(&plr) {
            let answer = spot.declared().answer;
            let fits = match spot.shown(&plr) {
                Shown::Blank => true,
                Shown::Text(_) => matches!(answer, Answer::Short | Answer::Long),
                Shown::Choice(_) => answer == Answer::Choice,
                Shown::YesNo(_) => answer == Answer::YesNo,
                Shown::Flag(_) => answer == Answer::Flag,
                Shown::Date(_) => answer == Answer::Date,
                Shown::Moment(_) => answer == Answer::Moment,
                Shown::Count(_) => answer == Answer::List,
            };
            assert!(
                fits,
                "{:?} reads back unlike its row's {answer:?}",
                spot.path()
            );
            assert_eq!(
                spot.text(&plr).is_some(),
                answer.limit().is_some(),
                "{:?}: a text answer, and only a text answer, has a limit",
                spot.path()
            );
        }
    }

    #[test]
    fn every_question_is_at_its_json_path_in_the_review() {
        let mut plr = every_spot_plr();
        let views = crate::model::Views {
            views: Some(ViewsOutcome::Obtained),
            feedback: Some(crate::model::Feedback::Positive),
            social_worker_consulted: Some(true),
            persistent_attempts: Some(false),
        };
        plr.participation.child = Some(views.clone());
        plr.participation.parent_carer = Some(views);
        let json = serde_json::to_value(&plr).unwrap();
        let spots = spot_list(&plr);
        assert_eq!(
            spots
                .iter()
                .filter(|s| matches!(s, Spot::Views { .. }))
                .count(),
            8
        );
        for spot in spots {
            let path = spot.path().json_path(&plr);
            let pointer = format!("/{}", path.replace(['.', '['], "/").replace(']', ""));
            assert!(
                json.pointer(&pointer).is_some(),
                "{path} is not in the review"
            );
        }
    }

    #[test]
    fn templates_name_the_person_the_statement_and_the_action() {
        let f = Framework::practice_fundamentals();
        let mut plr = every_spot_plr();
        plr.case.child_aged_4_or_over = Some(true);
        let spots = spot_list(&plr);
        let find = |path: FieldPath| spots.iter().find(|s| s.path() == path).copied().unwrap();

        let views = find(FieldPath::Views {
            whose: Whose::ParentCarer,
            field: ViewsField::Views,
        });
        assert_eq!(
            views.label(f),
            "Were the views of the parent or carer obtained?"
        );
        assert_eq!(
            views.missing(&plr, f).as_deref(),
            Some("Say whether the views of the parent or carer were obtained")
        );

        let section = &plr.sections[1];
        let item = &section.items[0];
        let rating = find(FieldPath::Statement {
            area: section.id.clone(),
            statement: item.id.clone(),
            field: StatementField::Rating,
        });
        let area = f.area(&section.id).unwrap();
        assert_eq!(
            rating.label(f),
            format!("{} {}", item.id.0, area.statements[0].text)
        );
        assert_eq!(
            rating.missing(&plr, f),
            Some(format!("Rate statement {} ({})", item.id.0, area.title))
        );

        let second = find(FieldPath::Action {
            id: plr.actions[1].id.clone(),
            field: ActionField::TransferredOn,
        });
        assert_eq!(
            second.missing(&plr, f).as_deref(),
            Some("Enter the date action 2 was transferred into the child's plan")
        );
        assert!(!templates_left(&spots, &plr, f));
    }

    /// Whether any label or message of `spots` still holds a `{name}` unfilled.
    fn templates_left(spots: &[Spot<'_>], plr: &Plr, f: &Framework) -> bool {
        spots.iter().any(|spot| {
            spot.label(f).contains('{') || spot.missing(plr, f).is_some_and(|m| m.contains('{'))
        })
    }

    #[test]
    fn the_actions_are_required_only_of_a_case_of_concern() {
        let f = Framework::practice_fundamentals();
        let mut plr = complete_plr();
        let actions = Spot::Actions;
        assert_eq!(actions.missing(&plr, f), None);
        plr.judgement.immediate_concern = true;
        assert_eq!(
            actions.missing(&plr, f).as_deref(),
            Some("Add at least one action: a Case of Concern cannot be completed without one")
        );
    }

    #[test]
    fn only_follow_up_answers_stay_editable_after_completion() {
        let action = |field| FieldPath::Action {
            id: "a1".into(),
            field,
        };
        assert!(action(ActionField::Status).editable_after_completion());
        assert!(action(ActionField::CompletedOn).editable_after_completion());
        assert!(action(ActionField::ProgressNote).editable_after_completion());
        assert!(!action(ActionField::Description).editable_after_completion());
        assert!(!action(ActionField::DueOn).editable_after_completion());
        assert!(FieldPath::Judgement(JudgementField::ConcernSharedAt).editable_after_completion());
        assert!(!FieldPath::Judgement(JudgementField::FinalGrade).editable_after_completion());
        assert!(!FieldPath::Case(CaseField::ChildRef).editable_after_completion());
    }
}
