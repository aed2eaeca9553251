//! Which of the visible passages are in the DOM: a window over
//! `View::passages` that long articles render instead of everything.
//!
//! It starts with the first passages, grows as the reader scrolls either
//! way (dropping passages far behind so the DOM stays bounded), and moves
//! to wherever the current match or a jump target is, without rendering
//! everything before it. Plain data, tested natively.

/// Passages rendered at first, and added each time the reader nears an end.
pub const CHUNK: usize = 150;
/// Passages kept rendered after the one the reader is sent to.
pub const AHEAD: usize = 20;
/// Passages kept rendered before the one the reader is sent to.
pub const BEHIND: usize = 20;
/// Most passages rendered at once.
pub const MAX: usize = 1200;

/// Positions `start..end` (into the visible passages) that are rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderWindow {
    /// First rendered position.
    pub start: usize,
    /// One past the last rendered position (may exceed the passage count).
    pub end: usize,
}

impl Default for RenderWindow {
    fn default() -> Self {
        RenderWindow { start: 0, end: CHUNK }
    }
}

impl RenderWindow {
    /// The window with position `pos` rendered, and some passages after it:
    /// grown when `pos` is near, moved when it is far.
    pub fn show(self, pos: usize) -> RenderWindow {
        let mut w = self;
        if pos >= w.start && pos + AHEAD <= w.end {
            return w;
        }
        if pos >= w.start && pos < w.end + CHUNK {
            w.end = pos + AHEAD;
            if w.end - w.start > MAX {
                w.start = w.end - MAX;
            }
        } else if pos < w.start && pos + CHUNK >= w.start {
            w.start = pos.saturating_sub(BEHIND);
            if w.end - w.start > MAX {
                w.end = w.start + MAX;
            }
        } else {
            w.start = pos.saturating_sub(BEHIND);
            w.end = pos + AHEAD;
        }
        w
    }

    /// More passages after the window (the reader scrolled near its end).
    pub fn grow_down(self, len: usize) -> RenderWindow {
        if self.end >= len {
            return self;
        }
        let end = self.end + CHUNK;
        RenderWindow {
            start: self.start.max(end.saturating_sub(MAX)),
            end,
        }
    }

    /// More passages before the window (the reader scrolled near its top).
    pub fn grow_up(self) -> RenderWindow {
        let start = self.start.saturating_sub(CHUNK);
        RenderWindow {
            start,
            end: self.end.min(start + MAX),
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
        let last = RenderWindow { start: 0, end: 50 };
        assert_eq!(last.grow_down(50), last);
        assert_eq!(RenderWindow::default().grow_up(), RenderWindow::default());
    }
}
