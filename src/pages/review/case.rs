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
    let ask = move |field| review.ask(FieldPath::Case(field));

    view! {
        <span class="caption">"Practice Learning Review"</span>
        <h1>"About the case"</h1>
        <PageTitle title="About the case" error=review.has_problems() />
        <TextInput question=ask(CaseField::ChildRef) field=case.child_ref().into() class="input--width-10" />
        <TextInput question=ask(CaseField::Team) field=case.team().into() class="input--width-20" />
        <Radios question=ask(CaseField::LegalStatus) options=legal_status_options field=case.legal_status().into() />
        <YesNo question=ask(CaseField::ChildAged4OrOver) field=child_aged_4_or_over />
        <YesNo question=ask(CaseField::IroOrCpChairAllocated) field=case.iro_or_cp_chair_allocated().into() />
        <DateInput question=ask(CaseField::ReviewDate) field=people.date().into() />
        <h2>"Reviewing manager"</h2>
        <p class="hint">"The manager carrying out this review with the practitioner (not a Practice Learning Reviewer from the Quality Assurance service)."</p>
        <TextInput question=ask(CaseField::ReviewerName) field=people.reviewer().name().into() autocomplete="name" />
        <Radios question=ask(CaseField::ReviewerRole) options=roles.clone() field=people.reviewer().role().into() />
        <h2>"Practitioner"</h2>
        <TextInput question=ask(CaseField::PractitionerName) field=people.practitioner().name().into() />
        <Radios question=ask(CaseField::PractitionerRole) options=roles field=people.practitioner().role().into() />
        <Continue next="participation" />
    }
}
