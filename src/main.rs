//! Entry point of the browser app: mounts the Leptos root component.

fn main() {
    console_error_panic_hook::set_once();
    // The app is drawn in a task of its own, after the one that instantiated the WebAssembly:
    // one long task at start-up becomes two shorter ones, and only each task's time over 50 ms
    // counts as blocking (Lighthouse's TBT, `bench/lighthouse.mjs`).
    leptos::prelude::set_timeout(
        || leptos::mount::mount_to_body(plr_app::App),
        std::time::Duration::ZERO,
    );
}
