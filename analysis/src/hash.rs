//! FNV-1a (64 bits): a small, stable, non-cryptographic hash that names
//! content: the ids of the reader's opened texts and the files of the
//! static index. Stable across platforms and versions, so a name computed
//! by one build matches the next; not meant to resist a deliberate
//! collision (the worst a collision does is a missed cache or a shared id).
//!
//! ```
//! use article_analysis::hash::fnv1a;
//! assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
//! assert_ne!(fnv1a(b"a"), fnv1a(b"b"));
//! ```

/// The FNV-1a 64-bit hash of `bytes`.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}
