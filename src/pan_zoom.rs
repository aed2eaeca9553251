//! Panning and zooming an SVG drawing (the network) by moving its
//! `viewBox`, with fingers, a mouse or buttons, without taking the page's
//! scrolling away: the drawing is `touch-action: pan-y`, so one finger
//! moving up or down still scrolls the page; one finger moving sideways
//! pans, two fingers pinch to zoom and move together to pan; a mouse drags;
//! the wheel scrolls the page. The Zoom in / Zoom out / Reset buttons do the same with a single tap or
//! key (WCAG 2.5.1, 2.5.7).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::units::fixed;

/// The furthest one can zoom in.
pub const MAX_SCALE: f64 = 6.0;
/// A press that moves further than this (CSS pixels) is a drag, not a tap.
const DRAG_PX: f64 = 6.0;
/// Zoom factor of one button press.
const STEP: f64 = 1.5;

/// The visible part of a drawing of `width` x `height` user units: its top
/// left corner and the magnification (1 shows all of it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ViewBox {
    /// Left edge, in user units.
    pub x: f64,
    /// Top edge, in user units.
    pub y: f64,
    /// Magnification, 1 to [`MAX_SCALE`].
    pub scale: f64,
}

impl Default for ViewBox {
    fn default() -> Self {
        ViewBox {
            x: 0.0,
            y: 0.0,
            scale: 1.0,
        }
    }
}

impl ViewBox {
    /// Kept inside the drawing of `w` x `h`, magnification 1 to the maximum.
    fn clamped(self, w: f64, h: f64) -> ViewBox {
        let scale = if self.scale.is_finite() {
            self.scale.clamp(1.0, MAX_SCALE)
        } else {
            1.0
        };
        let fit = |v: f64, room: f64| if v.is_finite() { v.clamp(0.0, room) } else { 0.0 };
        ViewBox {
            x: fit(self.x, w - w / scale),
            y: fit(self.y, h - h / scale),
            scale,
        }
    }

    /// Zoomed by `factor` about the point (`ux`, `uy`) of the drawing, which
    /// stays where it is on screen.
    pub fn zoom_at(self, factor: f64, ux: f64, uy: f64, w: f64, h: f64) -> ViewBox {
        let scale = (self.scale * factor).clamp(1.0, MAX_SCALE);
        let k = self.scale / scale;
        ViewBox {
            x: ux - (ux - self.x) * k,
            y: uy - (uy - self.y) * k,
            scale,
        }
        .clamped(w, h)
    }

    /// Moved by (`dx`, `dy`) user units.
    pub fn pan(self, dx: f64, dy: f64, w: f64, h: f64) -> ViewBox {
        ViewBox {
            x: self.x + dx,
            y: self.y + dy,
            ..self
        }
        .clamped(w, h)
    }

    /// The `viewBox` attribute.
    pub fn attr(self, w: f64, h: f64) -> String {
        format!(
            "{} {} {} {}",
            fixed(self.x, 1),
            fixed(self.y, 1),
            fixed(w / self.scale, 1),
            fixed(h / self.scale, 1)
        )
    }
}

/// A pointer that is down on the drawing: id and position on screen.
type Down = (i32, f64, f64);

/// The pan and zoom of one drawing.
#[derive(Clone, Copy)]
pub struct PanZoom {
    /// What is shown.
    pub view: RwSignal<ViewBox>,
    width: f64,
    height: f64,
    down: StoredValue<Vec<Down>>,
    /// How far the pointers have moved since the gesture began (CSS px).
    travel: StoredValue<f64>,
}

/// The drawing's box on screen, from an event on it.
fn svg_box(ev: &web_sys::Event) -> Option<(web_sys::Element, web_sys::DomRect)> {
    let el = ev.current_target()?.dyn_into::<web_sys::Element>().ok()?;
    let r = el.get_bounding_client_rect();
    (r.width() > 0.0 && r.height() > 0.0).then_some((el, r))
}

impl PanZoom {
    /// Nothing zoomed, for a drawing of `width` x `height` user units.
    pub fn new(width: f64, height: f64) -> PanZoom {
        PanZoom {
            view: RwSignal::new(ViewBox::default()),
            width,
            height,
            down: StoredValue::new(Vec::new()),
            travel: StoredValue::new(0.0),
        }
    }

    /// The `viewBox` attribute (tracked).
    pub fn attr(&self) -> String {
        self.view.get().attr(self.width, self.height)
    }

    /// Whether the last press was a drag: the click that ends it must not
    /// also toggle a node or an edge.
    pub fn dragged(&self) -> bool {
        self.travel.get_value() > DRAG_PX
    }

    /// Zooms by `factor` about the middle of what is shown (buttons).
    pub fn zoom(&self, factor: f64) {
        let (w, h) = (self.width, self.height);
        self.view.update(|v| {
            let (cx, cy) = (v.x + w / v.scale / 2.0, v.y + h / v.scale / 2.0);
            *v = v.zoom_at(factor, cx, cy, w, h);
        });
    }

    /// Zoom in one step.
    pub fn zoom_in(&self) {
        self.zoom(STEP);
    }

    /// Zoom out one step.
    pub fn zoom_out(&self) {
        self.zoom(1.0 / STEP);
    }

    /// Shows the whole drawing again.
    pub fn reset(&self) {
        self.view.set(ViewBox::default());
    }

    /// A point on screen as user units of the drawing in `r`.
    fn user_point(&self, r: &web_sys::DomRect, cx: f64, cy: f64) -> (f64, f64) {
        let v = self.view.get_untracked();
        (
            v.x + (cx - r.left()) / r.width() * self.width / v.scale,
            v.y + (cy - r.top()) / r.height() * self.height / v.scale,
        )
    }

    /// `pointerdown` on the drawing.
    pub fn press(&self, ev: &web_sys::PointerEvent) {
        self.down.update_value(|d| {
            if d.is_empty() {
                self.travel.set_value(0.0);
            }
            d.retain(|p| p.0 != ev.pointer_id());
            d.push((
                ev.pointer_id(),
                f64::from(ev.client_x()),
                f64::from(ev.client_y()),
            ));
        });
    }

    /// `pointerup` or `pointercancel` on the drawing.
    pub fn release(&self, ev: &web_sys::PointerEvent) {
        self.down.update_value(|d| d.retain(|p| p.0 != ev.pointer_id()));
    }

    /// `pointermove` on the drawing: one pointer pans, two pinch.
    pub fn drag(&self, ev: &web_sys::PointerEvent) {
        // A mouse released outside the drawing before it was captured.
        if ev.buttons() == 0 {
            self.release(ev);
            return;
        }
        let id = ev.pointer_id();
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        let before = self.down.get_value();
        let Some(&(_, px, py)) = before.iter().find(|p| p.0 == id) else {
            return;
        };
        let Some((el, r)) = svg_box(ev) else {
            return;
        };
        self.down.update_value(|d| {
            if let Some(p) = d.iter_mut().find(|p| p.0 == id) {
                *p = (id, x, y);
            }
        });
        let (w, h) = (self.width, self.height);
        match before.as_slice() {
            [_] => {
                let travel = self.travel.get_value() + (x - px).hypot(y - py);
                self.travel.set_value(travel);
                if travel <= DRAG_PX {
                    return;
                }
                // Keep the drag once it leaves the drawing (not before: a
                // captured press would click the drawing, not the node).
                let _ = el.set_pointer_capture(id);
                // A finger moving up or down is the page's (it scrolls).
                let dy = if ev.pointer_type() == "touch" { 0.0 } else { y - py };
                let v = self.view.get_untracked();
                let k = w / v.scale / r.width();
                self.view.set(v.pan(-(x - px) * k, -dy * k, w, h));
            }
            [a, b] => {
                let other = if a.0 == id { b } else { a };
                let (ox, oy) = (other.1, other.2);
                let before_len = (px - ox).hypot(py - oy);
                let after_len = (x - ox).hypot(y - oy);
                self.travel.set_value(self.travel.get_value() + DRAG_PX + 1.0);
                if before_len < 1.0 {
                    return;
                }
                // Zoom about the fingers' middle, then follow it.
                let (mx0, my0) = ((px + ox) / 2.0, (py + oy) / 2.0);
                let (mx1, my1) = ((x + ox) / 2.0, (y + oy) / 2.0);
                let (ux, uy) = self.user_point(&r, mx0, my0);
                let zoomed = self
                    .view
                    .get_untracked()
                    .zoom_at(after_len / before_len, ux, uy, w, h);
                let k = w / zoomed.scale / r.width();
                self.view
                    .set(zoomed.pan(-(mx1 - mx0) * k, -(my1 - my0) * k, w, h));
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{ViewBox, MAX_SCALE};

    const W: f64 = 720.0;
    const H: f64 = 460.0;

    #[test]
    fn zooming_keeps_the_point_under_the_fingers_in_place() {
        let v = ViewBox::default().zoom_at(2.0, 360.0, 230.0, W, H);
        assert_eq!(v.scale, 2.0);
        // The middle stays in the middle: a quarter of the drawing each side.
        assert_eq!((v.x, v.y), (180.0, 115.0));
        assert_eq!(v.attr(W, H), "180.0 115.0 360.0 230.0");
        // About a corner: that corner stays.
        let c = ViewBox::default().zoom_at(3.0, 0.0, 0.0, W, H);
        assert_eq!((c.x, c.y), (0.0, 0.0));
    }

    #[test]
    fn the_view_never_leaves_the_drawing_or_zooms_out_past_it() {
        let v = ViewBox::default().pan(100.0, 100.0, W, H);
        assert_eq!(v, ViewBox::default(), "nothing to pan when all is shown");
        let z = ViewBox::default().zoom_at(2.0, 360.0, 230.0, W, H);
        let far = z.pan(10_000.0, -10_000.0, W, H);
        assert_eq!((far.x, far.y), (W / 2.0, 0.0));
        assert_eq!(z.zoom_at(0.01, 0.0, 0.0, W, H), ViewBox::default());
        assert_eq!(z.zoom_at(100.0, 0.0, 0.0, W, H).scale, MAX_SCALE);
        assert_eq!(z.zoom_at(f64::NAN, 0.0, 0.0, W, H).scale, 1.0);
    }
}
