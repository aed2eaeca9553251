//! Entry point of the web app: install the panic hook, mount the app,
//! register the service worker for offline use.

fn main() {
    article_explorer::panic::install();
    // The static copy of the first article that index.html carries (see
    // scripts/post-build.py) gives way to the app.
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("prerender"))
    {
        el.remove();
    }
    leptos::mount::mount_to_body(article_explorer::App);
    article_explorer::offline::register();
}
