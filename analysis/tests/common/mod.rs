//! The measuring helper of the scaling tests (`tests/scaling*.rs`,
//! `tests/annotations_scaling.rs`): does a stage's cost grow linearly with its
//! input?
//!
//! [`assert_scales`] builds the input at sizes n, 2n, 4n and 8n, times the
//! stage on each (the median of a few runs, the sizes taken in turn so a
//! burst of load on a shared machine falls on all of them), and fails when
//! one doubling of the input costs more than [`MAX_RATIO`] times as much:
//! about 2 for a linear stage, a little more for n log n, 4 for a quadratic
//! one. Only ratios are compared, never absolute times. A failing series is
//! measured again (up to [`ATTEMPTS`] times) before the test fails, so noise
//! alone does not fail it; a quadratic stage fails every time.
//!
//! ```ignore
//! mod common;
//! use common::assert_scales;
//!
//! #[test]
//! fn sorting_is_n_log_n() {
//!     assert_scales("sort", 50_000, |n| (0..n).rev().collect::<Vec<_>>(), |v| {
//!         let mut v = v.clone();
//!         v.sort();
//!         v
//!     });
//! }
//! ```

use std::hint::black_box;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// One measurement at a time: the test harness runs tests in parallel, and
/// two stages timed at once would disturb each other.
static MEASURING: Mutex<()> = Mutex::new(());

/// The largest accepted cost of one doubling of the input.
pub const MAX_RATIO: f64 = 3.0;
/// Sizes measured: `n << 0 ..= n << DOUBLINGS`.
pub const DOUBLINGS: u32 = 3;
/// Runs per size (the median is kept).
pub const RUNS: usize = 5;
/// Series measured before a test fails.
pub const ATTEMPTS: usize = 3;
/// A run shorter than this repeats the stage (the same number of times at
/// every size) so that timer resolution does not decide the ratio.
const MIN_RUN: Duration = Duration::from_millis(2);

/// Asserts that `stage` scales linearly (or n log n) in the input built by
/// `make(size)`, at sizes `n`, `2n`, `4n`, `8n`: each doubling may cost at
/// most [`MAX_RATIO`] times as much (median of [`RUNS`] runs per size,
/// [`ATTEMPTS`] series before failing). Measurements of parallel tests take
/// turns. `make` runs outside the timing;
/// `name` labels the figures printed (`cargo test -- --nocapture`) and the
/// failure. Returns the median times of the passing series.
pub fn assert_scales<T, R>(
    name: &str,
    n: usize,
    make: impl Fn(usize) -> T,
    stage: impl Fn(&T) -> R,
) -> Vec<Duration> {
    let sizes: Vec<usize> = (0..=DOUBLINGS).map(|d| n << d).collect();
    let inputs: Vec<T> = sizes.iter().map(|&s| make(s)).collect();
    // (A test that failed while holding the lock leaves it usable.)
    let _one_at_a_time = MEASURING.lock().unwrap_or_else(|e| e.into_inner());
    // Repetitions per run, from one run at the smallest size.
    let first = time(&inputs[0], 1, &stage);
    let reps = (MIN_RUN.as_nanos() / first.as_nanos().max(1)).clamp(1, 1_000) as u32;
    let mut report = String::new();
    for attempt in 1..=ATTEMPTS {
        match series(&inputs, reps, &stage) {
            Ok(medians) => {
                eprintln!("scaling {name}: {}", describe(&sizes, &medians));
                return medians;
            }
            Err(medians) => {
                report = describe(&sizes, &medians);
                eprintln!("scaling {name}: attempt {attempt}: {report}");
            }
        }
    }
    panic!("{name}: a doubling of the input costs more than {MAX_RATIO}x: {report}");
}

/// One series: `Ok` with the medians, or `Err` with what was measured when a
/// doubling costs too much (a first pass that is clearly over stops early,
/// so a quadratic stage is not run at its largest size again and again).
fn series<T, R>(inputs: &[T], reps: u32, stage: &impl Fn(&T) -> R) -> Result<Vec<Duration>, Vec<Duration>> {
    let mut runs: Vec<Vec<Duration>> = vec![Vec::new(); inputs.len()];
    for round in 0..RUNS {
        for (i, input) in inputs.iter().enumerate() {
            let t = time(input, reps, stage);
            runs[i].push(t);
            if round == 0 && i > 0 && ratio(runs[i - 1][0], t) > 2.0 * MAX_RATIO {
                return Err(runs.iter().filter_map(|r| r.first().copied()).collect());
            }
        }
    }
    let medians: Vec<Duration> = runs.into_iter().map(median).collect();
    if medians.windows(2).all(|w| ratio(w[0], w[1]) <= MAX_RATIO) {
        Ok(medians)
    } else {
        Err(medians)
    }
}

fn time<T, R>(input: &T, reps: u32, stage: &impl Fn(&T) -> R) -> Duration {
    let start = Clock::now();
    for _ in 0..reps {
        black_box(stage(black_box(input)));
    }
    start.elapsed()
}

/// The CPU time of this thread where the system has it (Unix): it does not
/// count the time other processes hold the cores, which on a shared
/// machine would decide the ratios. Elsewhere, wall time.
enum Clock {
    #[cfg(unix)]
    Cpu(Duration),
    #[cfg_attr(unix, allow(dead_code))]
    Wall(Instant),
}

impl Clock {
    fn now() -> Clock {
        #[cfg(unix)]
        if let Some(t) = thread_cpu_time() {
            return Clock::Cpu(t);
        }
        Clock::Wall(Instant::now())
    }

    fn elapsed(&self) -> Duration {
        match self {
            #[cfg(unix)]
            Clock::Cpu(start) => thread_cpu_time().map_or(Duration::ZERO, |t| t.saturating_sub(*start)),
            Clock::Wall(start) => start.elapsed(),
        }
    }
}

#[cfg(unix)]
fn thread_cpu_time() -> Option<Duration> {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid, writable timespec; clock_gettime only fills it.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) } == 0;
    let secs = u64::try_from(t.tv_sec).ok()?;
    let nanos = u32::try_from(t.tv_nsec).ok()?;
    ok.then(|| Duration::new(secs, nanos))
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort_unstable();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn ratio(a: Duration, b: Duration) -> f64 {
    b.as_secs_f64() / a.as_secs_f64().max(1e-9)
}

fn describe(sizes: &[usize], times: &[Duration]) -> String {
    let mut out = String::new();
    for (i, (s, t)) in sizes.iter().zip(times).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&format!("{s}: {:.2} ms", t.as_secs_f64() * 1e3));
        if let Some(prev) = i.checked_sub(1).and_then(|j| times.get(j)) {
            out.push_str(&format!(" ({:.1}x)", ratio(*prev, *t)));
        }
    }
    out
}
