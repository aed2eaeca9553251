//! Times quotes and the timeline against the rest of the analysis of a text
//! file, and prints what they found with `--print`:
//! `cargo run --release -p article-analysis --example quotes_timeline -- FILE [--print]`
use std::time::{Duration, Instant};

use article_analysis::{entities, quotes, Analysis, Article};

/// The fastest of `runs` runs of `f`, and its last result.
fn fastest<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut out = f();
    for _ in 0..runs {
        let t = Instant::now();
        out = f();
        best = best.min(t.elapsed());
    }
    (best, out)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: quotes_timeline FILE [--print]");
        std::process::exit(2);
    };
    let raw = match std::fs::read(path) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let _ = entities::extract("Warm up in Kyiv on Friday.");
    let (analysis_time, a) = fastest(2, || Analysis::new(Article::parse(path, &raw)));
    let (quotes_time, q) = fastest(5, || a.find_quotes());
    let (timeline_time, t) = fastest(5, || a.find_timeline());
    let share = (quotes_time + timeline_time).as_secs_f64() / analysis_time.as_secs_f64() * 100.0;
    println!(
        "{} bytes: Analysis::new {analysis_time:?}; quotes {quotes_time:?} ({} quotes); timeline {timeline_time:?} ({} points, {} durations, {} unplaced); quotes + timeline = {share:.1}% of Analysis::new",
        raw.len(),
        q.len(),
        t.points.len(),
        t.durations.len(),
        t.unplaced.len()
    );
    if !args.iter().any(|x| x == "--print") {
        return;
    }
    let body = &a.article.body;
    let name = |e: Option<usize>| {
        e.and_then(|e| a.entities.entities.get(e))
            .map_or("-".to_string(), |e| e.name.clone())
    };
    for x in &q {
        let phrase = x.speaker_span.clone().and_then(|s| body.get(s)).unwrap_or("");
        println!(
            "quote p{} {:?} [{}] ({phrase}) {}",
            x.paragraph,
            x.kind,
            name(x.speaker),
            body.get(x.span.clone()).unwrap_or("")
        );
    }
    for s in quotes::speakers(&q) {
        println!(
            "speaker {}: {} quotes, {} direct",
            name(s.speaker),
            s.quotes,
            s.direct
        );
    }
    println!("anchor {:?}", t.anchor);
    for x in t.in_text_order() {
        println!(
            "time p{} {:?} {:?} {} = {}",
            x.paragraph,
            x.kind,
            x.precision,
            body.get(x.span.clone()).unwrap_or(""),
            x.datetime
        );
    }
}
