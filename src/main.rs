//! Entry point of the web app: install the panic hook, mount the app.

fn main() {
    article_explorer::panic::install();
    leptos::mount::mount_to_body(article_explorer::App);
}
