//! Re-anchoring a highlight scales linearly with the text: each case is
//! timed at n, 2n, 4n and 8n bytes and fails when a doubling costs more than
//! about 3× (ratios only; absolute times go in BENCHMARKS.md). Times are the
//! thread's CPU time where the platform gives it: on a loaded machine, wall
//! time also counts other processes' time slices, which long runs collect
//! and short ones escape.

use std::time::Duration;

use article_analysis::annotations::anchor::{anchor, Anchor, Target};

const WORDS: &[&str] = &[
    "the",
    "said",
    "of",
    "and",
    "Kyiv",
    "officials",
    "missile",
    "on",
    "Monday",
    "a",
    "power",
    "plant",
    "river",
    "governor",
    "forces",
    "in",
    "to",
    "was",
    "troops",
    "near",
];

/// `bytes` of news-like filler, the same for the same seed.
fn filler(bytes: usize, seed: u64) -> String {
    let mut s = String::with_capacity(bytes + 16);
    let mut x = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut n = 0;
    while s.len() < bytes {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        s.push_str(WORDS[(x >> 33) as usize % WORDS.len()]);
        n += 1;
        s.push_str(if n % 15 == 0 { ".\n" } else { " " });
    }
    s
}

/// CPU time used by this thread so far.
#[cfg(unix)]
fn now() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the call.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) } == 0;
    assert!(ok, "no thread CPU clock");
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Elsewhere: time since the first call.
#[cfg(not(unix))]
fn now() -> Duration {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed()
}

/// The fastest of five runs.
fn time(f: impl Fn() -> Anchor) -> Duration {
    (0..5)
        .map(|_| {
            let t = now();
            std::hint::black_box(f());
            now().saturating_sub(t)
        })
        .min()
        .unwrap_or_default()
}

/// Runs `case(n)` for n, 2n, 4n, 8n and fails on a doubling above 3×.
/// The machine is shared: a failing series is measured again (up to three
/// times, keeping each size's fastest time) before the test fails, and
/// times under half a millisecond count as half a millisecond.
fn assert_linear(name: &str, case: impl Fn(usize) -> Duration) {
    // From 512 KiB: below that the text fits in a core's fastest caches.
    let base = 512 * 1024;
    let floor = Duration::from_micros(500);
    let mut times = vec![Duration::MAX; 4];
    let mut worst = f64::INFINITY;
    for _attempt in 0..3 {
        for (i, t) in times.iter_mut().enumerate() {
            *t = (*t).min(case(base << i));
        }
        worst = times
            .windows(2)
            .map(|w| w[1].max(floor).as_secs_f64() / w[0].max(floor).as_secs_f64())
            .fold(0.0, f64::max);
        if worst <= 3.0 {
            break;
        }
    }
    eprintln!("{name}: {times:?}");
    assert!(worst <= 3.0, "{name}: a doubling cost {worst:.1}× ({times:?})");
}

const PASSAGE: &str = "The governor said the missiles hit a power plant near the river on Monday.";
const QUOTE: &str = "the missiles hit a power plant near the river";

fn target_in(text: &str) -> Target {
    let start = text.find(QUOTE).unwrap();
    Target::new(text, start..start + QUOTE.len()).unwrap()
}

#[test]
fn a_moved_quote_is_found_in_linear_time() {
    let target = target_in(PASSAGE);
    assert_linear("moved", |n| {
        let text = format!("{}{PASSAGE}{}", filler(n / 2, 1), filler(n / 2, 2));
        assert!(matches!(anchor(&text, &target), Anchor::Moved(_)));
        time(|| anchor(&text, &target))
    });
}

#[test]
fn thousands_of_occurrences_are_scored_in_linear_time() {
    // The quote in every sentence; the recorded context only once, in the
    // middle.
    let original = format!("Earlier, {PASSAGE} Later.");
    let target = target_in(&original);
    assert_linear("many occurrences", |n| {
        let copy = format!("Then {QUOTE} again. ");
        let half = copy.repeat(n / 2 / copy.len());
        let text = format!("{half}{original}{half}");
        let count = text.matches(QUOTE).count();
        assert!(count >= 2000, "{count} occurrences");
        let found = anchor(&text, &target).span().unwrap();
        assert_eq!(found.start, half.len() + "Earlier, The governor said ".len());
        time(|| anchor(&text, &target))
    });
}

#[test]
fn an_edited_quote_is_found_approximately_in_linear_time() {
    let target = target_in(PASSAGE);
    let edited = PASSAGE.replace("power plant", "power station");
    assert_linear("approximate", |n| {
        let text = format!("{}{edited}{}", filler(n / 2, 3), filler(n / 2, 4));
        assert!(matches!(anchor(&text, &target), Anchor::Approximate(_)));
        time(|| anchor(&text, &target))
    });
}

#[test]
fn thousands_of_near_copies_are_found_approximately_in_linear_time() {
    let target = target_in(PASSAGE);
    assert_linear("many near copies", |n| {
        let copy = format!("{} ", PASSAGE.replace("power plant", "power station"));
        let text = copy.repeat(n / copy.len());
        assert!(matches!(anchor(&text, &target), Anchor::Approximate(_)));
        time(|| anchor(&text, &target))
    });
}

#[test]
fn an_orphan_costs_linear_time_even_when_its_words_are_everywhere() {
    // The filler is made of the quote's own words: every piece of the quote
    // hits all over the text, and nothing matches.
    let target = target_in(PASSAGE);
    assert_linear("orphaned", |n| {
        let text = filler(n, 5);
        assert_eq!(anchor(&text, &target), Anchor::Orphaned);
        time(|| anchor(&text, &target))
    });
}
