//! About the case: the child's case reference, team, legal status, and who reviewed whom when.

use leptos::prelude::*;
use plr_core::{
    CaseStoreFields, LegalStatus, PersonStoreFields, PlrStoreFields, ReviewStoreFields, Role,
};

use plr_core::form::{CaseField, FieldPath};
use reactive_stores::Field;

use super::{Continue, Review};
use crate::components::fields::{DateInput, Radios, TextInput, YesNo};
use crate::components::title::PageTitle;

/// The "About the case" page.
#[component]
pub fn CasePage() -> impl IntoView {
    let review = Review::use_context();
    let store = review.store;
    let case = store.case();
    let people = store.review();
    let legal_status_options: Vec<(LegalStatus, &'static str)> =
        LegalStatus::ALL.iter().map(|s| (*s, s.label())).collect();
    let roles: Vec<(Role, &'static str)> = Role::ALL.iter().map(|r| (*r, r.label())).collect();

    let child_aged_4_or_over = Field::from(case.child_aged_4_or_over());

    view! {
        <span class="caption">"Practice Learning Review"</span>
        <h1>"About the case"</h1>
        <PageTitle title="About the case" />
        <TextInput
            path=FieldPath::Case(CaseField::ChildRef)
            label="Child's case reference"
            hint="The ID from the case management system, for example LL-482913. Do not enter the child's name."
            field=case.child_ref().into()
            class="input--width-10"
        />
        <TextInput path=FieldPath::Case(CaseField::Team) label="Team" field=case.team().into() class="input--width-20" />
        <Radios
            path=FieldPath::Case(CaseField::LegalStatus)
            legend="The child's legal status or service".to_string()
            options=legal_status_options
            field=case.legal_status().into()
        />
        <YesNo
            path=FieldPath::Case(CaseField::ChildAged4OrOver)
            legend="Is the child aged 4 or over?".to_string()
            hint="If so, the review asks whether the child's own views were obtained. For a younger child, their experience is understood through observation and play."
            field=child_aged_4_or_over
        />
        <YesNo
            path=FieldPath::Case(CaseField::IroOrCpChairAllocated)
            legend="Is an Independent Reviewing Officer or Child Protection Chair allocated?".to_string()
            field=case.iro_or_cp_chair_allocated().into()
        />
        <DateInput path=FieldPath::Case(CaseField::ReviewDate) label="Review date".to_string() field=people.date().into() />
        <h2>"Reviewing manager"</h2>
        <p class="hint">"The manager carrying out this review with the practitioner (not a Practice Learning Reviewer from the Quality Assurance service)."</p>
        <TextInput path=FieldPath::Case(CaseField::ReviewerName) label="Reviewing manager's name" field=people.reviewer().name().into() autocomplete="name" />
        <Radios
            path=FieldPath::Case(CaseField::ReviewerRole)
            legend="Reviewing manager's role".to_string()
            options=roles.clone()
            field=people.reviewer().role().into()
        />
        <h2>"Practitioner"</h2>
        <TextInput path=FieldPath::Case(CaseField::PractitionerName) label="Practitioner's name" field=people.practitioner().name().into() />
        <Radios
            path=FieldPath::Case(CaseField::PractitionerRole)
            legend="Practitioner's role".to_string()
            options=roles
            field=people.practitioner().role().into()
        />
        <Continue next="participation" />
    }
}
