//! Entity extraction stays linear for every shape of input: adversarial texts
//! at n, 2n, 4n and 8n bytes, where each doubling may cost at most about
//! three times as much (ratios of median times, never absolute times).
//!
//! Each generator is a shape that once froze the app or that a quadratic
//! scan would meet: a surname repeated after its full name, one huge
//! paragraph of place names, one word in many case variants, a long
//! paragraph in capitals, many distinct names with descriptions, many
//! quoted titles, resolutions and designations in one paragraph, one long
//! results line and a long sports report.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use article_analysis::entities::extract;

/// Bytes of the smallest input.
const N: usize = 40_000;
/// Runs per size (the median is compared).
const RUNS: usize = 5;
/// Measurements before a test fails (the machine may be shared).
const ATTEMPTS: usize = 3;
/// One measurement at a time: the tests of this file would otherwise time
/// each other.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
/// The largest cost of one doubling.
const MAX_RATIO: f64 = 3.0;

/// `text` repeated (or `make` called with a counter) until `n` bytes.
fn grow(n: usize, mut make: impl FnMut(usize) -> String) -> String {
    let mut out = String::with_capacity(n + 256);
    let mut i = 0;
    while out.len() < n {
        out.push_str(&make(i));
        i += 1;
    }
    out
}

/// A word made from a counter: "Bakodi", "Fenuma", ... (distinct per `i`).
fn made_word(mut i: usize) -> String {
    const C: &[u8] = b"bdfgklmnprstvz";
    const V: &[u8] = b"aeiou";
    let mut s = String::new();
    for _ in 0..3 {
        s.push(C[i % C.len()] as char);
        i /= C.len();
        s.push(V[i % V.len()] as char);
        i /= V.len();
    }
    while i > 0 {
        s.push(C[i % C.len()] as char);
        i /= C.len();
    }
    let mut cs = s.chars();
    cs.next()
        .map(|c| c.to_ascii_uppercase().to_string() + cs.as_str())
        .unwrap_or_default()
}

fn median_time(text: &str) -> Duration {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let e = extract(text);
            let t = start.elapsed();
            std::hint::black_box(e);
            t
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}

/// Fails when a doubling of the input costs more than [`MAX_RATIO`] times
/// as much (measured up to [`ATTEMPTS`] times before failing: the machine
/// is shared).
fn assert_linear(name: &str, make: impl Fn(usize) -> String) {
    let texts: Vec<String> = [1, 2, 4, 8].iter().map(|k| make(N * k)).collect();
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let mut worst = Vec::new();
    for attempt in 0..ATTEMPTS {
        let times: Vec<Duration> = texts.iter().map(|t| median_time(t)).collect();
        let ratios: Vec<f64> = times
            .windows(2)
            .map(|w| w[1].as_secs_f64() / w[0].as_secs_f64().max(1e-6))
            .collect();
        if ratios.iter().all(|&r| r <= MAX_RATIO) {
            eprintln!("{name}: times {times:?}, ratios {ratios:.2?}");
            return;
        }
        worst = ratios;
        eprintln!("{name}: attempt {attempt}: times {times:?}");
    }
    panic!("{name}: a doubling of the input costs {worst:.2?} times as much (at most {MAX_RATIO})");
}

#[test]
fn a_surname_repeated_after_its_full_name() {
    assert_linear("John Smith met Smith", |n| {
        grow(n, |_| "John Smith met Smith. ".into())
    });
}

#[test]
fn one_paragraph_of_place_names() {
    const PLACES: &[&str] = &[
        "Paris", "London", "Berlin", "New York", "Kyiv", "Lyon", "Texas", "Ukraine",
    ];
    assert_linear("place names, commas", |n| {
        grow(n, |i| format!("{}, ", PLACES[i % PLACES.len()]))
    });
    assert_linear("place names and scores, one results line", |n| {
        grow(n, |i| format!("{} {} ", PLACES[i % PLACES.len()], i % 7))
    });
    assert_linear("place names, spaces", |n| {
        grow(n, |i| format!("{} ", PLACES[i % PLACES.len()]))
    });
}

#[test]
fn one_word_in_many_case_variants() {
    // "constantinople" has 2^14 case variants: every one is distinct.
    assert_linear("case variants", |n| {
        grow(n, |i| {
            let v: String = "constantinople"
                .chars()
                .enumerate()
                .map(|(b, c)| {
                    if (i >> b) & 1 == 1 {
                        c.to_ascii_uppercase()
                    } else {
                        c
                    }
                })
                .collect();
            if i % 12 == 11 {
                format!("{v}.\n")
            } else {
                format!("{v} met ")
            }
        })
    });
}

#[test]
fn a_long_paragraph_in_capitals() {
    assert_linear("capitals", |n| {
        grow(n, |_| {
            "UKRAINE WAR: RUSSIA LAUNCHES DRONE ATTACK ON KYIV AS NATO LEADERS MEET IN PARIS. ".into()
        })
    });
}

#[test]
fn many_distinct_names() {
    assert_linear("distinct names", |n| {
        grow(n, |i| {
            let (a, b, c) = (made_word(i), made_word(i + 7919), made_word(i + 104_729));
            format!("{a} {b} met {b} in {c}. {c} is a town in Ukraine. {a} works for {c} Group. ")
        })
    });
    assert_linear("distinct names, one paragraph each", |n| {
        grow(n, |i| {
            format!("Mr. {} and {} spoke.\n", made_word(i), made_word(i + 31))
        })
    });
}

#[test]
fn many_quotes_in_one_paragraph() {
    assert_linear("quotes", |n| {
        grow(n, |i| {
            format!(
                "the single \"{} Days\", \"Hello\" and \"World\" by Joe \"{}\" Smith, he said \"we will go\". ",
                made_word(i),
                made_word(i + 3)
            )
        })
    });
}

#[test]
fn a_sports_report_of_many_lines() {
    assert_linear("sports report", |n| {
        let mut s = String::from("SOCCER - RESULTS\n");
        s.push_str(&grow(n, |i| {
            format!(
                "{} {} Lyon {}\nTexas beat {} 2-1 .\n",
                made_word(i),
                i % 5,
                i % 3,
                made_word(i + 1)
            )
        }));
        s
    });
}

#[test]
fn resolutions_and_designations_in_one_paragraph() {
    assert_linear("resolutions and designations", |n| {
        grow(n, |i| {
            format!(
                "the Security Council Resolution {} and the F-{} Super Sabre and the {}th Air Division and Washington, D.C. and ",
                i % 3000,
                i % 100,
                i % 90 + 1
            )
        })
    });
}
