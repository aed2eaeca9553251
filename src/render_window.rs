//! Which of the visible passages are in the DOM: a window over
//! `View::passages` that long articles render instead of everything.
//!
//! It starts with the first passages, grows as the reader scrolls either
//! way (dropping passages far behind so the DOM stays bounded), and moves
//! to wherever the current match or a jump target is, without rendering
//! everything before it. Plain data, tested natively.
//!
//! How many passages make a step depends on how long they are and how many
//! marks (entity mentions) they hold: about [`TEXT_PER_STEP`] bytes of text
//! and [`MARKS_PER_STEP`] marks, at most [`CHUNK`] passages, so a text of
//! long passages dense with mentions renders as little at a time as one of
//! short ones (rendering is what takes the page's time: measured in
//! headless Chromium, some 60 ms for a 4 KB passage with 370 marked
//! mentions, 200 ms for eight of them).

/// Passages rendered at first, and added each time the reader nears an end,
/// when they are short.
pub const CHUNK: usize = 150;
/// Text rendered at first and added in a step, in bytes, roughly (a few
/// screens).
pub const TEXT_PER_STEP: usize = 32 * 1024;
/// Marked mentions rendered at first and added in a step, roughly: a
/// transcript that names a speaker in every line ("John Smith met Smith.")
/// has ten times the marks per kilobyte of a news text.
pub const MARKS_PER_STEP: usize = 400;
/// Fewest passages in a step (each is at most 4 KB of text, a screenful or
/// more).
const MIN_CHUNK: usize = 1;
/// Most passages rendered at once, in steps.
pub const MAX_STEPS: usize = 8;
/// Passages kept rendered after (and before) the one the reader is sent to,
/// in fifteenths of a step (20 passages for a step of 150).
const AROUND: usize = 2;

/// Positions `start..end` (into the visible passages) that are rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderWindow {
    /// First rendered position.
    pub start: usize,
    /// One past the last rendered position (may exceed the passage count).
    pub end: usize,
    /// Passages added in one step.
    pub chunk: usize,
}

impl Default for RenderWindow {
    fn default() -> Self {
        RenderWindow::with_chunk(CHUNK)
    }
}

impl RenderWindow {
    /// The first window of a text of `bytes` bytes in `passages` passages
    /// with `marks` mentions.
    pub fn for_text(bytes: usize, passages: usize, marks: usize) -> RenderWindow {
        let passages = passages.max(1);
        let by_text = TEXT_PER_STEP / (bytes / passages).max(1);
        let by_marks = MARKS_PER_STEP / marks.div_ceil(passages).max(1);
        RenderWindow::with_chunk(by_text.min(by_marks).clamp(MIN_CHUNK, CHUNK))
    }

    fn with_chunk(chunk: usize) -> RenderWindow {
        RenderWindow {
            start: 0,
            end: chunk,
            chunk,
        }
    }

    fn max(self) -> usize {
        self.chunk * MAX_STEPS
    }

    fn around(self) -> usize {
        (self.chunk * AROUND / 15).max(MIN_CHUNK)
    }

    /// The window with position `pos` rendered, and some passages after it:
    /// grown when `pos` is near, moved when it is far.
    pub fn show(self, pos: usize) -> RenderWindow {
        let mut w = self;
        let (around, max, chunk) = (w.around(), w.max(), w.chunk);
        if pos >= w.start && pos + around <= w.end {
            return w;
        }
        if pos >= w.start && pos < w.end + chunk {
            w.end = pos + around;
            if w.end - w.start > max {
                w.start = w.end - max;
            }
        } else if pos < w.start && pos + chunk >= w.start {
            w.start = pos.saturating_sub(around);
            if w.end - w.start > max {
                w.end = w.start + max;
            }
        } else {
            w.start = pos.saturating_sub(around);
            w.end = pos + around;
        }
        w
    }

    /// More passages after the window (the reader scrolled near its end).
    pub fn grow_down(self, len: usize) -> RenderWindow {
        if self.end >= len {
            return self;
        }
        let end = self.end + self.chunk;
        RenderWindow {
            start: self.start.max(end.saturating_sub(self.max())),
            end,
            ..self
        }
    }

    /// More passages before the window (the reader scrolled near its top).
    pub fn grow_up(self) -> RenderWindow {
        let start = self.start.saturating_sub(self.chunk);
        RenderWindow {
            start,
            end: self.end.min(start + self.max()),
            ..self
        }
    }

    /// The rendered positions for `len` visible passages.
    pub fn range(self, len: usize) -> std::ops::Range<usize> {
        self.start.min(len)..self.end.min(len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAX: usize = CHUNK * MAX_STEPS;

    #[test]
    fn starts_with_the_first_chunk() {
        assert_eq!(RenderWindow::default().range(1000), 0..CHUNK);
        assert_eq!(RenderWindow::default().range(10), 0..10);
    }

    #[test]
    fn a_near_target_grows_the_window_a_far_one_moves_it() {
        let w = RenderWindow::default();
        assert_eq!(w.show(10), w);
        assert_eq!(w.show(200).range(100_000), 0..220);
        let far = w.show(99_990);
        assert_eq!(far.range(100_000), 99_970..100_000);
        assert!(far.range(100_000).len() <= MAX);
        // Back near the top: a new window there.
        assert_eq!(far.show(3).range(100_000), 0..23);
    }

    #[test]
    fn scrolling_grows_either_way_and_stays_bounded() {
        let mut w = RenderWindow::default();
        for _ in 0..100 {
            w = w.grow_down(100_000);
            assert!(w.end - w.start <= MAX);
        }
        assert_eq!(w.end, CHUNK * 101);
        assert_eq!(w.start, w.end - MAX);
        let top = w.start;
        w = w.grow_up();
        assert_eq!(w.start, top - CHUNK);
        assert!(w.end - w.start <= MAX);
        // Nothing more below the last passage.
        let last = RenderWindow {
            start: 0,
            end: 50,
            chunk: CHUNK,
        };
        assert_eq!(last.grow_down(50), last);
        assert_eq!(RenderWindow::default().grow_up(), RenderWindow::default());
    }

    #[test]
    fn long_passages_render_fewer_at_a_time() {
        // News paragraphs: the usual step.
        assert_eq!(RenderWindow::for_text(100_000, 1_000, 1_500).chunk, CHUNK);
        // A text cut into 4 KB passages: about 32 KB at a time.
        let w = RenderWindow::for_text(1_000_000, 250, 5_000);
        assert_eq!(w.range(250), 0..8);
        assert_eq!(w.grow_down(250).range(250), 0..16);
        assert!(w.show(200).range(250).len() <= 2 * 2 + 1);
        // Never fewer than one, even for one huge passage.
        assert_eq!(RenderWindow::for_text(5_000_000, 1, 0).chunk, MIN_CHUNK);
    }

    #[test]
    fn passages_dense_with_mentions_render_fewer_at_a_time() {
        // "John Smith met Smith." over 1.1 MB: 275 passages of 4 KB with
        // some 370 mentions each.
        let w = RenderWindow::for_text(1_100_000, 275, 100_000);
        assert_eq!(w.chunk, MIN_CHUNK);
        // The same length of plain prose: the text decides.
        assert_eq!(RenderWindow::for_text(1_100_000, 275, 2_000).chunk, 8);
        // A line of places and people every few words: two passages.
        assert_eq!(RenderWindow::for_text(1_000_000, 245, 45_000).chunk, 2);
        // Short news paragraphs dense with names: still a screenful or more.
        let news = RenderWindow::for_text(100_000, 400, 4_000);
        assert_eq!(news.chunk, 40);
    }
}
