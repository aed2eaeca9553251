use leptos::prelude::*;

use crate::state::ImportJob;

/// The progress of a long text being analysed, with a button to cancel it.
/// The rest of the app keeps answering meanwhile.
#[component]
pub fn AnalysisProgress() -> impl IntoView {
    let import = expect_context::<ImportJob>();
    move || {
        import.progress.get().map(|job| {
            let percent = (job.done * 100.0).round().clamp(0.0, 100.0) as u32;
            view! {
                <div class="job">
                    <span class="job-text">
                        {format!("Analysing \u{201c}{}\u{201d}\u{2026} {percent}%", job.title)}
                    </span>
                    <progress
                        max="100"
                        value=percent.to_string()
                        aria-label="Analysis progress"
                        aria-valuenow=percent.to_string()
                    >
                        {format!("{percent}%")}
                    </progress>
                    <button type="button" class="small-button" on:click=move |_| import.cancel()>
                        "Cancel"
                    </button>
                </div>
            }
        })
    }
}
