//! Charsets: BOM, `<meta charset>`, `http-equiv`, XML declarations, HTTP headers, and the
//! Windows-1256 archives that declare nothing or the wrong thing.
//!
//! Order of evidence, strongest first: a BOM; the transport's charset (HTTP header in a
//! WARC record); the document's own declaration; UTF-8 validity; the Windows-1256 guess.
//! A declaration that contradicts the bytes is overruled with a diagnostic when the bytes
//! are unambiguous (valid multi-byte UTF-8, or Arabic under Windows-1256), and is an error
//! otherwise.

use crate::error::ErrorKind;
use encoding_rs::{Encoding, UTF_8, WINDOWS_1252, WINDOWS_1256};
use marsad_core::Diagnostic;

/// How far into a document charset declarations are looked for.
const PRESCAN_BYTES: usize = 4096;

/// Known binary signatures: `(magic, name)`.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x7fELF", "ELF executable"),
    (b"RIFF", "RIFF media"),
    (b"\x00\x00\x00\x18ftyp", "MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "MP4 video"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!", "RAR archive"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
];

/// Fails on bytes that are not text: a known binary signature, or NUL bytes outside UTF-16.
pub fn check_text(bytes: &[u8]) -> Result<(), ErrorKind> {
    for (magic, name) in MAGIC {
        if bytes.starts_with(magic) {
            return Err(ErrorKind::Binary(format!("looks like a {name}")));
        }
    }
    if Encoding::for_bom(bytes).is_some_and(|(e, _)| e != UTF_8) {
        return Ok(());
    }
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        return Err(ErrorKind::Binary(format!("NUL byte at offset {pos}")));
    }
    Ok(())
}

/// Finds the charset a document declares: `<meta charset>`, `http-equiv` content, or the
/// XML declaration's `encoding`, within the first 4 KiB.
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    if lower.starts_with(b"<?xml")
        && let Some(end) = find(&lower, b"?>")
        && let Some(v) = attr_value(&lower[..end], b"encoding")
    {
        return Some(v);
    }
    let mut from = 0;
    while let Some(p) = find(&lower[from..], b"<meta") {
        let start = from + p;
        let end = find(&lower[start..], b">").map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(v) = attr_value(tag, b"charset") {
            return Some(v);
        }
        // http-equiv="Content-Type" content="text/html; charset=windows-1256"
        if find(tag, b"http-equiv").is_some()
            && let Some(content) = attr_value(tag, b"content")
            && let Some(i) = content.find("charset=")
        {
            let v: String = content[i + 8..]
                .chars()
                .take_while(|c| !matches!(c, ';' | '"' | '\'' | ' '))
                .collect();
            if !v.is_empty() {
                return Some(v);
            }
        }
        from = end;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The value of `name=` in a lower-cased tag, quoted or bare.
fn attr_value(tag: &[u8], name: &[u8]) -> Option<String> {
    let mut from = 0;
    while let Some(p) = find(&tag[from..], name) {
        let mut i = from + p + name.len();
        // Must be a whole attribute name: preceded by space/quote/<, followed by '='.
        let before_ok = from + p == 0
            || matches!(
                tag[from + p - 1],
                b' ' | b'\t' | b'\n' | b'\r' | b'"' | b'\'' | b';'
            );
        while i < tag.len() && tag[i].is_ascii_whitespace() {
            i += 1;
        }
        if before_ok && i < tag.len() && tag[i] == b'=' {
            i += 1;
            while i < tag.len() && tag[i].is_ascii_whitespace() {
                i += 1;
            }
            let quote = tag.get(i).copied().filter(|&q| q == b'"' || q == b'\'');
            if quote.is_some() {
                i += 1;
            }
            let start = i;
            while i < tag.len() {
                let c = tag[i];
                if Some(c) == quote
                    || (quote.is_none()
                        && (c.is_ascii_whitespace()
                            || matches!(c, b'/' | b'>' | b';' | b'"' | b'\'')))
                {
                    break;
                }
                i += 1;
            }
            let v = String::from_utf8_lossy(&tag[start..i]).trim().to_string();
            if !v.is_empty() {
                return Some(v);
            }
        }
        from += p + name.len();
    }
    None
}

/// True when `text` (decoded as Windows-1256) reads as Arabic prose: at least 60% of its
/// non-ASCII characters are core Arabic letters, marks or punctuation (not the Persian
/// and Urdu letters that random high bytes also map to), and the letters come in words,
/// with a space at least every 25 of them.
fn reads_as_arabic(text: &str) -> bool {
    let (mut arabic, mut other, mut spaces) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        if c == ' ' || c == '\n' {
            spaces += 1;
        } else if matches!(c, '\u{0621}'..='\u{0652}' | '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{0660}'..='\u{0669}')
        {
            arabic += 1;
        } else if !c.is_ascii() {
            other += 1;
        }
    }
    arabic >= 2 && arabic * 10 >= (arabic + other) * 6 && spaces * 25 >= arabic
}

/// True when `bytes` are valid UTF-8 with at least one multi-byte sequence: text that was
/// written as UTF-8, whatever it declares.
fn is_multibyte_utf8(bytes: &[u8]) -> bool {
    !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok()
}

fn utf8_error(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Err(e) => format!("invalid UTF-8 at byte {}", e.valid_up_to()),
        Ok(_) => "valid UTF-8".into(),
    }
}

/// Decodes a document. `transport` is a charset from outside the document (an HTTP header);
/// `sniff_declarations` looks for `<meta>`/XML declarations (HTML and feeds).
pub fn decode(
    bytes: &[u8],
    transport: Option<&str>,
    sniff_declarations: bool,
) -> Result<(String, Vec<Diagnostic>), ErrorKind> {
    let mut diags = Vec::new();
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            if enc == UTF_8 {
                return Err(ErrorKind::Encoding(format!(
                    "UTF-8 BOM but {}",
                    utf8_error(&bytes[bom_len..])
                )));
            }
            diags.push(Diagnostic::new(
                "encoding.replaced",
                format!("undecodable {} sequences replaced", enc.name()),
            ));
        }
        return Ok((text.into_owned(), diags));
    }
    check_text(bytes)?;
    let declared = transport
        .map(|t| (t.to_string(), "the HTTP header"))
        .or_else(|| {
            sniff_declarations
                .then(|| declared_charset(bytes))
                .flatten()
                .map(|d| (d, "the document"))
        });
    if let Some((label, whence)) = declared {
        match Encoding::for_label(label.trim().as_bytes()) {
            None => diags.push(Diagnostic::new(
                "encoding.unknown-label",
                format!("{whence} declares unknown charset '{label}'; guessed from the bytes"),
            )),
            Some(enc) if enc == UTF_8 => {
                if let Ok(s) = std::str::from_utf8(bytes) {
                    return Ok((s.to_string(), diags));
                }
                let (text, _) = WINDOWS_1256.decode_without_bom_handling(bytes);
                if reads_as_arabic(&text) {
                    diags.push(Diagnostic::new(
                        "encoding.declaration-wrong",
                        format!("{whence} declares utf-8 but the bytes are Windows-1256; decoded as Windows-1256"),
                    ));
                    return Ok((text.into_owned(), diags));
                }
                return Err(ErrorKind::Encoding(format!(
                    "{whence} declares utf-8 but the bytes are not: {}",
                    utf8_error(bytes)
                )));
            }
            Some(enc) => {
                if is_multibyte_utf8(bytes) && enc.is_single_byte() {
                    diags.push(Diagnostic::new(
                        "encoding.declaration-wrong",
                        format!(
                            "{whence} declares {} but the bytes are UTF-8; decoded as UTF-8",
                            enc.name()
                        ),
                    ));
                    return Ok((String::from_utf8_lossy(bytes).into_owned(), diags));
                }
                // Arabic sites served as Latin-1 are common: the bytes are Windows-1256.
                if enc == WINDOWS_1252 {
                    let (arabic, _) = WINDOWS_1256.decode_without_bom_handling(bytes);
                    if reads_as_arabic(&arabic) {
                        diags.push(Diagnostic::new(
                            "encoding.declaration-wrong",
                            format!("{whence} declares {label} but the text is Arabic; decoded as Windows-1256"),
                        ));
                        return Ok((arabic.into_owned(), diags));
                    }
                }
                let (text, had_errors) = enc.decode_without_bom_handling(bytes);
                if had_errors {
                    let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
                    if bad * 100 > text.chars().count().max(1) {
                        return Err(ErrorKind::Encoding(format!(
                            "{whence} declares {} but {bad} byte sequences are invalid in it",
                            enc.name()
                        )));
                    }
                    diags.push(Diagnostic::new(
                        "encoding.replaced",
                        format!("{bad} bytes invalid in {} replaced by U+FFFD", enc.name()),
                    ));
                }
                return Ok((text.into_owned(), diags));
            }
        }
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_string(), diags));
    }
    let (text, _) = WINDOWS_1256.decode_without_bom_handling(bytes);
    if reads_as_arabic(&text) {
        diags.push(Diagnostic::new(
            "encoding.guessed",
            "not UTF-8 and no charset declared; decoded as Windows-1256",
        ));
        return Ok((text.into_owned(), diags));
    }
    Err(ErrorKind::Encoding(format!(
        "{} and no charset declared",
        utf8_error(bytes)
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cp1256(s: &str) -> Vec<u8> {
        WINDOWS_1256.encode(s).0.into_owned()
    }

    #[test]
    fn finds_each_declaration_form() {
        assert_eq!(
            declared_charset(b"<meta charset=\"windows-1256\">").as_deref(),
            Some("windows-1256")
        );
        assert_eq!(
            declared_charset(b"<META CHARSET=utf-8 />").as_deref(),
            Some("utf-8")
        );
        assert_eq!(
            declared_charset(
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-6\">"
            )
            .as_deref(),
            Some("iso-8859-6")
        );
        assert_eq!(
            declared_charset(b"<?xml version=\"1.0\" encoding='windows-1256'?><rss>").as_deref(),
            Some("windows-1256")
        );
        assert_eq!(declared_charset(b"<html><p>charset=utf-8</p>"), None);
    }

    #[test]
    fn undeclared_windows_1256_is_guessed() {
        let (text, d) = decode(&cp1256("خبر عاجل من الرياض"), None, false).unwrap();
        assert_eq!(text, "خبر عاجل من الرياض");
        assert_eq!(d[0].kind, "encoding.guessed");
    }

    #[test]
    fn a_wrong_declaration_is_overruled_by_unambiguous_bytes() {
        let mut page = b"<meta charset=\"windows-1256\"><p>".to_vec();
        page.extend_from_slice("خبر".as_bytes());
        let (text, d) = decode(&page, None, true).unwrap();
        assert!(text.ends_with("خبر"));
        assert_eq!(d[0].kind, "encoding.declaration-wrong");

        let mut page = b"<meta charset=\"utf-8\"><p>".to_vec();
        page.extend_from_slice(&cp1256("خبر عاجل"));
        let (text, _) = decode(&page, None, true).unwrap();
        assert!(text.ends_with("خبر عاجل"));
    }

    #[test]
    fn garbage_is_an_error_not_mojibake() {
        let junk = [0xC3u8, 0x28, 0xA0, 0xA1, b'a', b'b', 0xE2, 0x82];
        assert!(matches!(
            decode(&junk, None, false),
            Err(ErrorKind::Encoding(_))
        ));
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n....", None, false),
            Err(ErrorKind::Binary(_))
        ));
        assert!(matches!(
            decode(b"abc\0def", None, false),
            Err(ErrorKind::Binary(_))
        ));
    }

    #[test]
    fn iso_8859_6_and_utf16_decode() {
        let (bytes, _, _) = encoding_rs::ISO_8859_6.encode("سلام");
        let mut page = b"<meta charset=iso-8859-6>".to_vec();
        page.extend_from_slice(&bytes);
        assert!(decode(&page, None, true).unwrap().0.ends_with("سلام"));
        let mut u16 = vec![0xFF, 0xFE];
        for unit in "سلام".encode_utf16() {
            u16.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&u16, None, false).unwrap().0, "سلام");
    }
}
