//! Command-line options of the training tools (`train.rs`, `clusters.rs`).

/// The value after option `name` (`--bits 18` → "18"), if any.
pub fn value(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}
