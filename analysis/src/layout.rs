//! Positions for drawing a network: a force-directed layout
//! (Fruchterman–Reingold) that is deterministic, so the same network is
//! drawn the same way on every reload.
//!
//! Nodes start on a sunflower spiral in their given order (the most
//! mentioned in the middle); linked nodes pull together, all nodes push
//! apart, a weak pull to the centre keeps lone nodes in view, and the
//! movement cools down over a fixed number of rounds. Positions are inside
//! `[margin, width - margin] × [margin, height - margin]`: the drawing is
//! scaled to fill that area.
//!
//! ```
//! use article_analysis::layout::{layout, Frame};
//! let frame = Frame { width: 400.0, height: 300.0, margin: 20.0 };
//! let edges = [(0, 1, 5.0), (1, 2, 5.0), (2, 0, 5.0), (2, 3, 1.0)];
//! let points = layout(4, &edges, frame);
//! assert_eq!(points, layout(4, &edges, frame));
//! let d = |i: usize, j: usize| ((points[i].x - points[j].x).powi(2) + (points[i].y - points[j].y).powi(2)).sqrt();
//! assert!(d(0, 1) < d(0, 3), "linked nodes end up closer");
//! ```

/// A position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// From the left.
    pub x: f64,
    /// From the top.
    pub y: f64,
}

/// The drawing area.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
    /// Space kept free at each side.
    pub margin: f64,
}

const ROUNDS: usize = 300;
/// Rounds of pushing apart nodes that are too close after scaling.
const SPREAD_ROUNDS: usize = 60;
/// Distance wanted between two nodes, at most (SVG units).
const MAX_GAP: f64 = 46.0;
/// Room for one node of the row of unlinked nodes.
const ROW_STEP: f64 = 56.0;
/// Height of one row of unlinked nodes.
const ROW_HEIGHT: f64 = 26.0;

/// Lays out `n` nodes joined by `edges` (`(a, b, weight)`, weight ≥ 0; a
/// heavier edge pulls harder). Nodes without any edge are set in rows along
/// the bottom, in their given order, so they neither crowd the linked ones
/// nor stretch the drawing.
pub fn layout(n: usize, edges: &[(usize, usize, f64)], frame: Frame) -> Vec<Point> {
    let edges: Vec<(usize, usize, f64)> = edges
        .iter()
        .filter(|e| e.0 < n && e.1 < n && e.0 != e.1 && e.2.is_finite())
        .copied()
        .collect();
    let mut linked = vec![false; n];
    for &(a, b, _) in &edges {
        linked[a] = true;
        linked[b] = true;
    }
    let lone: Vec<usize> = (0..n).filter(|&i| !linked[i]).collect();
    if lone.is_empty() || lone.len() == n {
        return force(n, &edges, frame);
    }
    // Rows for the lone nodes, at most 40% of the height.
    let w = (frame.width - 2.0 * frame.margin).max(1.0);
    let per_row = ((w / ROW_STEP).floor() as usize).max(1);
    let rows = lone.len().div_ceil(per_row);
    let band = (rows as f64 * ROW_HEIGHT).min((frame.height - 2.0 * frame.margin) * 0.4);
    let row_gap = if rows > 1 { band / rows as f64 } else { 0.0 };
    let top = Frame {
        height: frame.height - band - ROW_HEIGHT,
        ..frame
    };
    let mut index = vec![usize::MAX; n];
    let kept: Vec<usize> = (0..n).filter(|&i| linked[i]).collect();
    for (k, &i) in kept.iter().enumerate() {
        index[i] = k;
    }
    let sub_edges: Vec<(usize, usize, f64)> =
        edges.iter().map(|&(a, b, wt)| (index[a], index[b], wt)).collect();
    let placed = force(kept.len(), &sub_edges, top);
    let mut out = vec![Point { x: 0.0, y: 0.0 }; n];
    for (k, &i) in kept.iter().enumerate() {
        out[i] = placed[k];
    }
    let bottom = frame.height - frame.margin;
    for (k, &i) in lone.iter().enumerate() {
        let (row, col) = (k / per_row, k % per_row);
        let in_row = (lone.len() - row * per_row).min(per_row);
        let step = w / in_row as f64;
        out[i] = Point {
            x: frame.margin + step * (col as f64 + 0.5),
            y: bottom - band + row_gap * row as f64 + row_gap.min(ROW_HEIGHT) / 2.0,
        };
    }
    out
}

/// The force-directed layout of every node, scaled into `frame`.
fn force(n: usize, edges: &[(usize, usize, f64)], frame: Frame) -> Vec<Point> {
    let w = (frame.width - 2.0 * frame.margin).max(1.0);
    let h = (frame.height - 2.0 * frame.margin).max(1.0);
    let (cx, cy) = (frame.margin + w / 2.0, frame.margin + h / 2.0);
    if n == 0 {
        return Vec::new();
    }
    // Sunflower spiral: even spread, first nodes in the middle.
    let golden = std::f64::consts::PI * (3.0 - 5f64.sqrt());
    let mut pos: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let r = ((i as f64 + 0.5) / n as f64).sqrt();
            let t = i as f64 * golden;
            (cx + r * t.cos() * w / 2.0, cy + r * t.sin() * h / 2.0)
        })
        .collect();
    let k = (w * h / n as f64).sqrt();
    let max_weight = edges.iter().map(|e| e.2).fold(0.0f64, f64::max).max(1e-9);
    let edges: Vec<(usize, usize, f64)> = edges
        .iter()
        .map(|&(a, b, wt)| (a, b, 0.5 + (wt.max(0.0) / max_weight)))
        .collect();
    let mut temp = w.min(h) / 8.0;
    let cool = temp / (ROUNDS as f64 + 1.0);
    let mut disp = vec![(0.0f64, 0.0f64); n];
    for _ in 0..ROUNDS {
        disp.iter_mut().for_each(|d| *d = (0.0, 0.0));
        for i in 0..n {
            for j in i + 1..n {
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let d2 = (dx * dx + dy * dy).max(0.01);
                let f = k * k / d2;
                disp[i].0 += dx * f;
                disp[i].1 += dy * f;
                disp[j].0 -= dx * f;
                disp[j].1 -= dy * f;
            }
        }
        for &(a, b, wt) in &edges {
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let d = (dx * dx + dy * dy).sqrt().max(0.1);
            let f = d * wt / k;
            disp[a].0 -= dx * f;
            disp[a].1 -= dy * f;
            disp[b].0 += dx * f;
            disp[b].1 += dy * f;
        }
        for i in 0..n {
            // Gravity towards the centre, so unlinked nodes stay near.
            disp[i].0 += (cx - pos[i].0) * 0.05 * k / 10.0;
            disp[i].1 += (cy - pos[i].1) * 0.05 * k / 10.0;
            let len = (disp[i].0 * disp[i].0 + disp[i].1 * disp[i].1).sqrt();
            if len > 0.0 {
                let step = len.min(temp);
                pos[i].0 += disp[i].0 / len * step;
                pos[i].1 += disp[i].1 / len * step;
            }
        }
        temp = (temp - cool).max(0.5);
    }
    // Fit the drawing into the frame (free movement, then scaling, rather
    // than clamping, which would pile nodes up at the edges).
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for p in &pos {
        x0 = x0.min(p.0);
        x1 = x1.max(p.0);
        y0 = y0.min(p.1);
        y1 = y1.max(p.1);
    }
    // Fill the frame, then push apart nodes that ended up too close to
    // read (circles and labels need room).
    let fit = |v: f64, lo: f64, hi: f64, start: f64, size: f64| {
        if hi - lo < 1e-9 || !(hi - lo).is_finite() {
            start + size / 2.0
        } else {
            start + (v - lo) / (hi - lo) * size
        }
    };
    let mut pts: Vec<(f64, f64)> = pos
        .into_iter()
        .map(|(x, y)| (fit(x, x0, x1, frame.margin, w), fit(y, y0, y1, frame.margin, h)))
        .collect();
    let gap = (w.min(h) / ((n as f64).sqrt() + 1.0)).min(MAX_GAP);
    for _ in 0..SPREAD_ROUNDS {
        let mut moved = false;
        for i in 0..n {
            for j in i + 1..n {
                let (dx, dy) = (pts[j].0 - pts[i].0, pts[j].1 - pts[i].1);
                let d = (dx * dx + dy * dy).sqrt();
                if d >= gap {
                    continue;
                }
                moved = true;
                let (ux, uy) = if d > 1e-6 {
                    (dx / d, dy / d)
                } else {
                    let t = (i * 7 + j * 13) as f64;
                    (t.cos(), t.sin())
                };
                let push = (gap - d) / 2.0;
                pts[i].0 -= ux * push;
                pts[i].1 -= uy * push;
                pts[j].0 += ux * push;
                pts[j].1 += uy * push;
            }
        }
        for p in &mut pts {
            p.0 = p.0.clamp(frame.margin, frame.margin + w);
            p.1 = p.1.clamp(frame.margin, frame.margin + h);
        }
        if !moved {
            break;
        }
    }
    pts.into_iter().map(|(x, y)| Point { x, y }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRAME: Frame = Frame {
        width: 640.0,
        height: 420.0,
        margin: 30.0,
    };

    #[test]
    fn every_point_is_inside_the_frame_and_finite() {
        for n in [0, 1, 2, 7, 60, 150] {
            let edges: Vec<_> = (1..n).map(|i| (i - 1, i, i as f64)).collect();
            let pts = layout(n, &edges, FRAME);
            assert_eq!(pts.len(), n);
            for p in pts {
                assert!(p.x.is_finite() && p.y.is_finite());
                assert!(
                    (30.0..=610.0).contains(&p.x) && (30.0..=390.0).contains(&p.y),
                    "{p:?}"
                );
            }
        }
    }

    #[test]
    fn nodes_do_not_pile_up() {
        let pts = layout(40, &[(0, 1, 1.0), (2, 3, 1.0)], FRAME);
        let mut min = f64::MAX;
        for i in 0..pts.len() {
            for j in i + 1..pts.len() {
                let d = ((pts[i].x - pts[j].x).powi(2) + (pts[i].y - pts[j].y).powi(2)).sqrt();
                min = min.min(d);
            }
        }
        assert!(min > 5.0, "closest pair {min}");
    }

    #[test]
    fn unlinked_nodes_go_in_rows_below_the_linked_ones() {
        let pts = layout(6, &[(0, 1, 2.0), (1, 2, 1.0)], FRAME);
        let lowest_linked = pts[..3].iter().map(|p| p.y).fold(f64::MIN, f64::max);
        for p in &pts[3..] {
            assert!(p.y > lowest_linked, "{pts:?}");
        }
        // One row, left to right in the given order.
        assert!(pts[3].x < pts[4].x && pts[4].x < pts[5].x);
        assert_eq!(pts[3].y, pts[5].y);
        // Many unlinked nodes wrap into rows that stay in the frame.
        let many = layout(150, &[(0, 1, 1.0)], FRAME);
        assert!(many
            .iter()
            .all(|p| p.y <= 390.0 && p.y >= 30.0 && p.x >= 30.0 && p.x <= 610.0));
    }

    #[test]
    fn bad_edges_are_ignored() {
        let pts = layout(2, &[(0, 5, 1.0), (1, 1, 1.0), (0, 1, f64::NAN)], FRAME);
        assert_eq!(pts, layout(2, &[], FRAME));
    }
}
