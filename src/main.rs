//! Entry point of the browser app: mounts the Leptos root component.

fn main() {
    console_error_panic_hook::set_once();
    // The app is drawn in a task of its own, after the one that instantiated the WebAssembly:
    // one long task at start-up becomes two shorter ones, each under what Lighthouse counts as
    // blocking on a phone far more often (`bench/lighthouse.mjs`, `bench/profile.mjs`).
    leptos::prelude::set_timeout(
        || leptos::mount::mount_to_body(plr_app::App),
        std::time::Duration::ZERO,
    );
}
