//! Bytes to text: UTF-8 with or without BOM, UTF-16 with BOM transcoded. Anything else is an
//! error that says what is wrong and what to do, rather than a guess.

/// Decodes an input; the error is the reason, for a message naming the file.
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest);
    }
    for (bom, encoding) in
        [(&b"\xFF\xFE"[..], encoding_rs::UTF_16LE), (&b"\xFE\xFF"[..], encoding_rs::UTF_16BE)]
    {
        if bytes.starts_with(bom) {
            let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[2..]);
            if had_errors {
                return Err(format!("not valid {} (a broken surrogate pair or odd length)", encoding.name()));
            }
            return Ok(text.into_owned());
        }
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        if let Some(order) = utf16_without_bom(head) {
            return Err(format!(
                "looks like UTF-16 {order} without a byte-order mark, skipped; save it as UTF-8 (or UTF-16 with a BOM)"
            ));
        }
        return Err("binary file (contains NUL bytes), skipped".into());
    }
    utf8(bytes)
}

/// Text in UTF-16 without a BOM has a NUL in every other byte (for Latin-script text).
fn utf16_without_bom(head: &[u8]) -> Option<&'static str> {
    if head.len() < 4 || !head.len().is_multiple_of(2) {
        return None;
    }
    let pairs = head.len() / 2;
    let even_nul = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd_nul * 10 >= pairs * 9 && even_nul * 10 < pairs {
        Some("LE")
    } else if even_nul * 10 >= pairs * 9 && odd_nul * 10 < pairs {
        Some("BE")
    } else {
        None
    }
}

fn utf8(bytes: &[u8]) -> Result<String, String> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => {
            let at = e.valid_up_to();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            Err(format!(
                "not valid UTF-8 (byte 0x{:02X} at offset {at}, line {line}); convert the file to UTF-8",
                bytes[at]
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms_and_utf16() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi").unwrap(), "hi");
        assert_eq!(decode(b"\xFF\xFEh\x00i\x00").unwrap(), "hi");
        assert!(decode(b"caf\xE9").unwrap_err().contains("offset 3"));
        assert!(decode(b"\x00\x01\x02").unwrap_err().contains("binary"));
        assert_eq!(decode(b"\xFE\xFF\x00h\x00i").unwrap(), "hi");
        assert!(decode(b"h\x00e\x00l\x00l\x00o\x00")
            .unwrap_err()
            .contains("UTF-16 LE without a byte-order mark"));
        assert!(decode(b"\xFF\xFEh\x00\x00").unwrap_err().contains("UTF-16LE"));
        assert_eq!(decode(b"\xEF\xBB\xBF").unwrap(), "");
    }
}
