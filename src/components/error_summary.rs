//! GOV.UK's error summary: the one markup of every list of problems in the form (the check
//! page, moderation, a recording panel, merging two copies, a file that could not be opened).
//! Callers say what the problems are and where each leads; this draws them.

use leptos::prelude::*;

use crate::browser;

/// One problem in a summary.
pub struct Listed {
    /// What is wrong, in words.
    pub text: String,
    /// Where it leads: `#<id>` of a field on this page (focused on click, whatever the router
    /// makes of `#`), another page's address, or nowhere.
    pub to: Option<String>,
}

impl Listed {
    /// A problem of the field `id` on this page.
    pub fn field(id: &str, text: String) -> Listed {
        Listed {
            text,
            to: Some(format!("#{id}")),
        }
    }
}

/// The summary `id` (where focus goes when it appears; its title is `<id>-title`), titled
/// `title`, with `intro` above the list. `alert`: announced at once, for the only summary on
/// the page.
pub fn error_summary(
    id: &str,
    title: String,
    intro: Option<String>,
    problems: Vec<Listed>,
    alert: bool,
) -> impl IntoView + use<> {
    let (title_id, labelled_by) = (format!("{id}-title"), format!("{id}-title"));
    let list = (!problems.is_empty()).then(|| {
        let items = problems.into_iter().map(item).collect_view();
        view! { <ul class="error-summary__list">{items}</ul> }
    });
    view! {
        <div class="error-summary" id=id.to_string() tabindex="-1" role=alert.then_some("alert") aria-labelledby=labelled_by>
            <h2 class="error-summary__title" id=title_id>{title}</h2>
            {intro.map(|intro| view! { <p>{intro}</p> })}
            {list}
        </div>
    }
}

fn item(listed: Listed) -> AnyView {
    let Listed { text, to } = listed;
    match to {
        Some(to) => match to.strip_prefix('#').map(str::to_string) {
            Some(field) => {
                let focus = move |ev: leptos::ev::MouseEvent| {
                    ev.prevent_default();
                    browser::focus(&field);
                };
                view! { <li><a href=to on:click=focus>{text}</a></li> }.into_any()
            }
            None => view! { <li><a href=to>{text}</a></li> }.into_any(),
        },
        None => view! { <li>{text}</li> }.into_any(),
    }
}
