//! About the case: the child's case reference, team, legal status, and who reviewed whom when.

use leptos::prelude::*;
use plr_core::form::{CaseField, Task};
use plr_core::{LegalStatus, Role};

use super::{Continue, Review};
use crate::components::fields::{DateInput, Radios, TextInput, YesNo};
use crate::components::title::PageTitle;

/// The "About the case" page.
#[component]
pub fn CasePage() -> impl IntoView {
    let review = Review::use_context();
    let legal_status_options: Vec<(LegalStatus, &'static str)> =
        LegalStatus::ALL.iter().map(|s| (*s, s.label())).collect();
    let roles: Vec<(Role, &'static str)> = Role::ALL.iter().map(|r| (*r, r.label())).collect();

    view! {
        <span class="caption">"Practice Learning Review"</span>
        <h1>"About the case"</h1>
        <PageTitle title="About the case" error=review.has_problems() />
        <TextInput answer=review.bind(CaseField::ChildRef) class="input--width-10" />
        <TextInput answer=review.bind(CaseField::Team) class="input--width-20" />
        <Radios answer=review.bind(CaseField::LegalStatus) options=legal_status_options />
        <YesNo answer=review.bind(CaseField::ChildAged4OrOver) />
        <YesNo answer=review.bind(CaseField::IroOrCpChairAllocated) />
        <DateInput answer=review.bind(CaseField::ReviewDate) />
        <h2>"Reviewing manager"</h2>
        <p class="hint">"The manager carrying out this review with the practitioner (not a Practice Learning Reviewer from the Quality Assurance service)."</p>
        <TextInput answer=review.bind(CaseField::ReviewerName) autocomplete="name" />
        <Radios answer=review.bind(CaseField::ReviewerRole) options=roles.clone() />
        <h2>"Practitioner"</h2>
        <TextInput answer=review.bind(CaseField::PractitionerName) />
        <Radios answer=review.bind(CaseField::PractitionerRole) options=roles />
        <Continue after=Task::Case />
    }
}
