//! Entry point of the QA dashboard: mounts the Leptos root component.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(plr_dashboard::Dashboard);
}
