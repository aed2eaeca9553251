//! Numbers as the page writes them (sizes, percentages, SVG coordinates),
//! with a fixed number of decimals done in integer arithmetic: `format!`
//! of an `f64` would link Rust's float formatting (about 15 KB of wasm) for
//! output that never needs more than three decimals.

/// `x` with `decimals` (0 to 3) digits after the point, rounded half away
/// from zero; non-finite values as 0.
///
/// ```
/// use article_explorer::units::fixed;
/// assert_eq!(fixed(12.345, 1), "12.3");
/// assert_eq!(fixed(-0.05, 1), "-0.1");
/// assert_eq!(fixed(7.0, 0), "7");
/// assert_eq!(fixed(0.0004, 3), "0.000");
/// ```
pub fn fixed(x: f64, decimals: u32) -> String {
    let decimals = decimals.min(3);
    let scale = 10_i64.pow(decimals);
    let scaled = if x.is_finite() {
        (x * scale as f64).round() as i64
    } else {
        0
    };
    let sign = if scaled < 0 { "-" } else { "" };
    let abs = scaled.unsigned_abs();
    let (whole, frac) = (abs / scale as u64, abs % scale as u64);
    if decimals == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{frac:0width$}", width = decimals as usize)
    }
}

/// "12.3 KB" style sizes.
///
/// ```
/// use article_explorer::units::human_size;
/// assert_eq!(human_size(900), "900 B");
/// assert_eq!(human_size(12_595), "12.3 KB");
/// assert_eq!(human_size(3_250_000), "3.1 MB");
/// ```
pub fn human_size(bytes: u64) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else if bytes < 1024 * 1024 {
        format!("{} KB", fixed(bytes as f64 / 1024.0, 1))
    } else {
        format!("{} MB", fixed(bytes as f64 / 1_048_576.0, 1))
    }
}
