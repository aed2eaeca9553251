//! Which training documents the held-out proxies keep back
//! (`scripts/eval-heldout.sh`), shared by the trainer (`train.rs`), which
//! does not train on them with `--holdout`, and the word-cluster builder
//! (`clusters.rs`), which never reads their text, so that the proxies
//! measure text no part of the model has seen.

/// Documents of the news proxy: re3d's press releases and statements (not
/// its Wikipedia pages), GUM's news and interviews and UNER-PUD's news and
/// Wikipedia sentences.
pub fn is_news(id: &str) -> bool {
    (id.starts_with("re3d") && !id.starts_with("re3d-Wikipedia"))
        || id.starts_with("gum-GUM_news")
        || id.starts_with("gum-GUM_interview")
        || id.starts_with("uner-en-pud")
}

/// Is document `id` held out? One document in ten of every corpus but the
/// tweets, GUM's news and interviews all, re3d's news one in two.
pub fn is_held_out(id: &str) -> bool {
    let news = is_news(id);
    !id.starts_with("btc")
        && !id.starts_with("wnut")
        && (fnv(id).is_multiple_of(10)
            || (news && id.starts_with("gum"))
            || (news && id.starts_with("re3d") && fnv(id).is_multiple_of(2)))
}

fn fnv(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}
