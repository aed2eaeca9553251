//! Bytes to text: UTF-8 with or without BOM, UTF-16 LE/BE with BOM;
//! anything else is decoded as UTF-8 with replacement characters and a
//! notice. Binary data (NUL bytes in a non-UTF-16 file) is recognised so the
//! app can refuse it with a clear message. NUL and other control characters
//! (except tab and line breaks) are dropped from the text.

/// The result of decoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// Which encoding was used ("UTF-8", "UTF-16LE", "UTF-16BE").
    pub encoding: &'static str,
    /// How many characters could not be decoded and became U+FFFD.
    pub replaced: usize,
    /// Whether the bytes look like binary data rather than text.
    pub binary: bool,
}

impl Decoded {
    /// A sentence for the reader when something was replaced.
    pub fn notice(&self) -> Option<String> {
        (self.replaced > 0).then(|| {
            format!(
                "{} character{} in this file could not be read as {} and {} shown as \u{fffd}.",
                self.replaced,
                if self.replaced == 1 { "" } else { "s" },
                self.encoding,
                if self.replaced == 1 { "is" } else { "are" }
            )
        })
    }
}

/// Decodes `bytes`.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes, "UTF-16LE");
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes, "UTF-16BE");
    }
    let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let sample = &body[..body.len().min(8192)];
    // A stray NUL is damage in a text; many are binary data (or UTF-16
    // without a byte-order mark, which cannot be told apart reliably).
    let nuls = sample.iter().filter(|&&b| b == 0).count();
    let binary = nuls * 100 > sample.len() || looks_like_known_binary(body);
    let (text, replaced) = match std::str::from_utf8(body) {
        Ok(s) => (s.to_string(), 0),
        Err(_) => {
            let s = String::from_utf8_lossy(body);
            let replaced = s.chars().filter(|&c| c == '\u{fffd}').count() - count_literal_replacements(body);
            (s.into_owned(), replaced)
        }
    };
    Decoded {
        text: clean_controls(&text),
        encoding: "UTF-8",
        replaced,
        binary,
    }
}

fn count_literal_replacements(bytes: &[u8]) -> usize {
    bytes.windows(3).filter(|w| *w == [0xEF, 0xBF, 0xBD]).count()
}

fn looks_like_known_binary(b: &[u8]) -> bool {
    const MAGIC: &[&[u8]] = &[
        b"\x89PNG",
        b"PK\x03\x04",
        b"%PDF",
        b"GIF8",
        b"\xFF\xD8\xFF",
        b"\x1F\x8B",
        b"\x7FELF",
    ];
    MAGIC.iter().any(|m| b.starts_with(m))
}

fn utf16(bytes: &[u8], word: fn([u8; 2]) -> u16, encoding: &'static str) -> Decoded {
    let units = bytes.chunks(2).map(|c| match c {
        [a, b] => word([*a, *b]),
        _ => 0xFFFD,
    });
    let mut replaced = usize::from(bytes.len() % 2 == 1);
    let text: String = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                replaced += 1;
                '\u{fffd}'
            })
        })
        .collect();
    Decoded {
        text: clean_controls(&text),
        encoding,
        replaced,
        binary: false,
    }
}

/// Drops NUL and control characters other than tab, line feed and carriage
/// return; keeps everything else (including bidi and zero-width characters,
/// which are text).
pub fn clean_controls(s: &str) -> String {
    if !s.chars().any(is_dropped_control) {
        return s.to_string();
    }
    s.chars().filter(|&c| !is_dropped_control(c)).collect()
}

fn is_dropped_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode("café".as_bytes());
        assert_eq!((d.text.as_str(), d.replaced, d.binary), ("café", 0, false));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("Kyiv".as_bytes());
        assert_eq!(decode(&bom).text, "Kyiv");
    }

    #[test]
    fn utf16_both_orders_and_lone_surrogates() {
        let mut le = vec![0xFF, 0xFE];
        for u in "Ké".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&le).text, "Ké");
        assert_eq!(decode(&le).encoding, "UTF-16LE");
        let mut be = vec![0xFE, 0xFF];
        for u in "Ké".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&be).text, "Ké");
        // A lone high surrogate followed by "A".
        let lone = [0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00];
        let d = decode(&lone);
        assert_eq!(d.text, "\u{fffd}A");
        assert_eq!(d.replaced, 1);
        assert!(d.notice().is_some());
    }

    #[test]
    fn invalid_utf8_is_replaced_and_counted() {
        let d = decode(b"ok \xFF\xFE done \xEF\xBF\xBD");
        assert_eq!(d.replaced, 2);
        assert!(d.text.starts_with("ok "));
        assert!(d.notice().is_some_and(|n| n.starts_with("2 characters")));
    }

    #[test]
    fn binary_files_are_recognised_and_controls_dropped() {
        assert!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").binary);
        assert!(decode(b"PK\x03\x04rest").binary);
        let d = decode(b"a\0b\x07c\td\ne");
        assert!(d.binary);
        assert_eq!(d.text, "abc\td\ne");
        // One stray NUL in a long text is damage, not binary data.
        let mut long = b"Vienna ".repeat(40);
        long.push(0);
        let d = decode(&long);
        assert!(!d.binary);
        assert!(!d.text.contains('\0'));
    }
}
