//! Progress of a long run on standard error: at most one line every two
//! seconds ("analysed 1,200 of 10,000 articles (12%), 3.1 MB/s, about
//! 4 min left"), and the total at the end.

use std::time::{Duration, Instant};

/// How often a line is printed.
const EVERY: Duration = Duration::from_secs(2);

/// Counts work done against a total.
#[derive(Debug)]
pub struct Progress {
    what: &'static str,
    total: usize,
    done: usize,
    bytes: u64,
    start: Instant,
    last: Instant,
}

/// `1234567` → `1,234,567`.
pub fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl Progress {
    /// Starts counting `total` items of `what` ("articles analysed").
    pub fn new(what: &'static str, total: usize) -> Progress {
        let now = Instant::now();
        Progress {
            what,
            total,
            done: 0,
            bytes: 0,
            start: now,
            last: now,
        }
    }

    /// One item done, of `bytes` bytes.
    pub fn step(&mut self, bytes: u64) {
        self.done += 1;
        self.bytes += bytes;
        if self.last.elapsed() >= EVERY && self.done < self.total {
            self.last = Instant::now();
            eprintln!("site: {}", self.line());
        }
    }

    fn line(&self) -> String {
        let secs = self.start.elapsed().as_secs_f64().max(1e-3);
        let left = (self.total - self.done.min(self.total)) as f64 * secs / self.done.max(1) as f64;
        let eta = if left >= 90.0 {
            format!("about {:.0} min left", left / 60.0)
        } else {
            format!("about {left:.0} s left")
        };
        format!(
            "{} {} of {} ({}%), {:.1} MB/s, {eta}",
            self.what,
            thousands(self.done),
            thousands(self.total),
            self.done * 100 / self.total.max(1),
            self.bytes as f64 / 1e6 / secs
        )
    }

    /// The closing line: how many, how fast.
    pub fn finish(&self) -> String {
        let secs = self.start.elapsed().as_secs_f64();
        format!(
            "{} {} ({:.1} MB) in {secs:.1} s",
            self.what,
            thousands(self.done),
            self.bytes as f64 / 1e6
        )
    }
}

/// Wall time of a run's phases, for one closing line ("times: list 0.1 s,
/// state 0.4 s, …"): where a re-run's fixed cost goes.
#[derive(Debug)]
pub struct Phases {
    last: Instant,
    done: Vec<(&'static str, f64)>,
}

impl Phases {
    /// Starts timing the first phase.
    pub fn start() -> Phases {
        Phases {
            last: Instant::now(),
            done: Vec::new(),
        }
    }

    /// Ends the phase in progress, named `what`, and starts the next.
    pub fn mark(&mut self, what: &'static str) {
        let now = Instant::now();
        self.done.push((what, (now - self.last).as_secs_f64()));
        self.last = now;
    }

    /// The closing line.
    pub fn line(&self) -> String {
        let parts: Vec<String> = self.done.iter().map(|(w, s)| format!("{w} {s:.2} s")).collect();
        format!("times: {}", parts.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_in_thousands() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
