//! Times re-anchoring a highlight and applying entity corrections on a long
//! text (thread CPU time where the platform gives it, fastest of 5):
//! `cargo run --release -p article-analysis --example annotations_timing -- FILE`
//! (BENCHMARKS.md uses *War and Peace*, `../shared/data/texts/`).

use article_analysis::annotations::anchor::{anchor, Target};
use article_analysis::annotations::corrections::{apply, Correction, EntityKey};
use article_analysis::annotations::occurrences::occurrences;
use article_analysis::entities::{extract, EntityKind};

/// CPU time of this thread, in milliseconds.
#[cfg(unix)]
fn now_ms() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the call.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 * 1e3 + ts.tv_nsec as f64 / 1e6
}

/// Elsewhere: wall time since the first call, in milliseconds.
#[cfg(not(unix))]
fn now_ms() -> f64 {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed().as_secs_f64() * 1e3
}

/// Prints the fastest of 5 runs of `f` and returns its result.
fn time<R>(label: &str, f: impl Fn() -> R) -> R {
    let mut best = f64::MAX;
    let mut out = f();
    for _ in 0..5 {
        let t = now_ms();
        out = f();
        best = best.min(now_ms() - t);
    }
    println!("{label}: {best:.2} ms");
    out
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: annotations_timing FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read(&path) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    println!("{} bytes", text.len());
    // A 60-character passage starting after the first sentence end past
    // the middle.
    let mid = (text.len() / 2..text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let start = mid + text[mid..].find(". ").map_or(0, |i| i + 2);
    let end = start + text[start..].char_indices().nth(60).map_or(0, |(i, _)| i);
    let Some(target) = Target::new(&text, start..end) else {
        eprintln!("no passage of 60 characters past the middle");
        std::process::exit(1);
    };
    println!("quote {:?}", target.quote.exact);
    time("anchor: exact", || anchor(&text, &target));
    let moved = format!("A new preface.\n\n{text}");
    time("anchor: moved (text inserted before)", || anchor(&moved, &target));
    let mut edited = moved.clone();
    let at = edited.find(&target.quote.exact).unwrap_or(0) + 20;
    let at = (at..edited.len())
        .find(|&i| edited.is_char_boundary(i))
        .unwrap_or(0);
    edited.insert_str(at, "XY");
    let a = time("anchor: approximate (2 characters inserted)", || {
        anchor(&edited, &target)
    });
    println!("  {a:?}");
    let deleted = format!("{}{}", &text[..start], &text[end..]);
    let a = time("anchor: orphaned (passage deleted)", || anchor(&deleted, &target));
    println!("  {a:?}");
    let found = extract(&text);
    println!(
        "{} entities, {} mentions",
        found.entities.len(),
        found.mentions.len()
    );
    let mut list = Vec::new();
    for (i, e) in found.entities.iter().take(40).enumerate() {
        let key = EntityKey::of(e);
        list.push(match i % 4 {
            0 => Correction::NotAnEntity { key },
            1 => Correction::Rename {
                key,
                name: format!("{} (renamed)", e.name),
            },
            2 => Correction::ChangeType {
                key,
                kind: EntityKind::Other,
            },
            _ => Correction::Merge {
                from: key,
                into: EntityKey::of(&found.entities[0]),
            },
        });
    }
    for name in [
        "Moscow",
        "Pierre",
        "Prince Andrew",
        "Natasha",
        "Napoleon",
        "Kutuzov",
        "the Emperor",
        "Rostov",
        "Denisov",
        "Dolokhov",
    ] {
        list.push(Correction::AddEntity {
            name: name.into(),
            kind: EntityKind::Person,
        });
    }
    time("apply: no correction", || apply(&text, &found, &[]));
    time("apply: 40 corrections, no AddEntity", || {
        apply(&text, &found, &list[..40])
    });
    time("apply: 10 AddEntity", || apply(&text, &found, &list[40..]));
    time("apply: all 50", || apply(&text, &found, &list));
    time("occurrences of \"Prince Andrew\"", || {
        occurrences(&text, "Prince Andrew")
    });
}
