//! The split build's parts of the WebAssembly (`--cfg plr_split`, set by `scripts/release-env`;
//! `scripts/split.mjs` splits the release build): [`when_loaded`] draws the view a part gives
//! once it has loaded. The review's pages (`pages::lazy`) and the outcomes of opened files
//! (`components::import`) are each such a part. A module of its own, below both.

use leptos::prelude::*;

/// The view a fallible split point gives once its part has loaded, or `not_fetched`'s when the
/// part could not be fetched. The load is awaited through `Suspend`, whose future must be
/// `Send`, which a WebAssembly load is not: wrapped, as Leptos's own `#[lazy]` does (the app
/// has one thread).
pub(crate) fn when_loaded(
    part: impl std::future::Future<Output = Result<AnyView, leptos::wasm_split::SplitLoaderError>>
        + 'static,
    not_fetched: fn() -> AnyView,
) -> AnyView {
    Suspend::new(send_wrapper::SendWrapper::new(async move {
        part.await.unwrap_or_else(|_| not_fetched())
    }))
    .into_any()
}
