//! Pictures an admin uploads for knowledge-round questions: only PNG and JPEG, told apart by
//! their bytes (never by a file name or a declared type), with their width and height read from
//! the header. SVG is refused: it can carry script.

use crate::Invalid;

/// The largest picture accepted, in bytes.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;
/// The largest width or height accepted, in pixels.
pub const MAX_SIDE: u32 = 10_000;

/// The kinds of picture accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PictureKind {
    Png,
    Jpeg,
}

impl PictureKind {
    /// The `Content-Type` it is served with.
    pub fn content_type(self) -> &'static str {
        match self {
            PictureKind::Png => "image/png",
            PictureKind::Jpeg => "image/jpeg",
        }
    }

    /// The file extension given to its stored name.
    pub fn extension(self) -> &'static str {
        match self {
            PictureKind::Png => "png",
            PictureKind::Jpeg => "jpg",
        }
    }
}

/// A picture whose bytes have been checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckedPicture {
    pub kind: PictureKind,
    pub width: u32,
    pub height: u32,
}

/// Checks uploaded bytes: a PNG or JPEG no larger than [`MAX_BYTES`], whose header reads and
/// gives a width and height from 1 to [`MAX_SIDE`]. Each refusal names a message id.
pub fn check(bytes: &[u8]) -> Result<CheckedPicture, Invalid> {
    if bytes.is_empty() {
        return Err(Invalid("picture-missing"));
    }
    if bytes.len() > MAX_BYTES {
        return Err(Invalid("picture-too-large"));
    }
    let (kind, width, height) = if bytes.starts_with(PNG_SIGNATURE) {
        let (w, h) = png_size(bytes).ok_or(Invalid("picture-corrupt"))?;
        (PictureKind::Png, w, h)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        let (w, h) = jpeg_size(bytes).ok_or(Invalid("picture-corrupt"))?;
        (PictureKind::Jpeg, w, h)
    } else {
        return Err(Invalid("picture-not-png-or-jpeg"));
    };
    if width == 0 || height == 0 || width > MAX_SIDE || height > MAX_SIDE {
        return Err(Invalid("picture-size-out-of-range"));
    }
    Ok(CheckedPicture {
        kind,
        width,
        height,
    })
}

const PNG_SIGNATURE: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];

fn be32(b: &[u8]) -> u32 {
    u32::from_be_bytes([b[0], b[1], b[2], b[3]])
}

/// Walks every chunk of a PNG, checking each one's CRC, and reads the size from IHDR, which must
/// come first; the file must end with IEND and have at least one IDAT.
fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let mut at = PNG_SIGNATURE.len();
    let mut size = None;
    let mut seen_data = false;
    loop {
        let header = bytes.get(at..at.checked_add(8)?)?;
        let length = usize::try_from(be32(&header[..4])).ok()?;
        let kind = &header[4..8];
        let data_end = at.checked_add(8)?.checked_add(length)?;
        let data = bytes.get(at + 8..data_end)?;
        let stored_crc = be32(bytes.get(data_end..data_end.checked_add(4)?)?);
        if crc32(&bytes[at + 4..data_end]) != stored_crc {
            return None;
        }
        match (kind, size) {
            (b"IHDR", None) if length == 13 => {
                let (bit_depth, colour) = (data[8], data[9]);
                let valid_depth = match colour {
                    0 => matches!(bit_depth, 1 | 2 | 4 | 8 | 16),
                    3 => matches!(bit_depth, 1 | 2 | 4 | 8),
                    2 | 4 | 6 => matches!(bit_depth, 8 | 16),
                    _ => false,
                };
                if !valid_depth || data[10] != 0 || data[11] != 0 || data[12] > 1 {
                    return None;
                }
                size = Some((be32(&data[..4]), be32(&data[4..8])));
            }
            (_, None) => return None,
            (b"IHDR", Some(_)) => return None,
            (b"IDAT", Some(_)) => seen_data = true,
            (b"IEND", Some(found)) => {
                return (seen_data && data_end + 4 == bytes.len()).then_some(found);
            }
            _ => {}
        }
        at = data_end + 4;
    }
}

/// Reads a JPEG's segments up to its first start-of-frame, which gives the size.
fn jpeg_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let mut at = 2;
    loop {
        if *bytes.get(at)? != 0xFF {
            return None;
        }
        // Fill bytes may pad a marker.
        while *bytes.get(at + 1)? == 0xFF {
            at += 1;
        }
        let marker = bytes[at + 1];
        match marker {
            // Markers without a length.
            0x01 | 0xD0..=0xD7 => {
                at += 2;
                continue;
            }
            // End of image or start of scan before any frame: no size to read.
            0xD8 | 0xD9 | 0xDA | 0x00 => return None,
            _ => {}
        }
        let length = usize::from(u16::from_be_bytes([
            *bytes.get(at + 2)?,
            *bytes.get(at + 3)?,
        ]));
        if length < 2 {
            return None;
        }
        let segment = bytes.get(at + 4..at + 2 + length)?;
        if matches!(marker, 0xC0..=0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF) {
            if segment.len() < 6 {
                return None;
            }
            let height = u32::from(u16::from_be_bytes([segment[1], segment[2]]));
            let width = u32::from(u16::from_be_bytes([segment[3], segment[4]]));
            let components = usize::from(segment[5]);
            if components == 0 || segment.len() < 6 + 3 * components {
                return None;
            }
            return Some((width, height));
        }
        at += 2 + length;
    }
}

/// CRC-32 as PNG uses it (ISO 3309, reflected, polynomial 0xEDB88320).
fn crc32(bytes: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut n = 0;
        while n < 256 {
            let mut c = n as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 == 1 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
                k += 1;
            }
            table[n] = c;
            n += 1;
        }
        table
    };
    let mut c = 0xFFFF_FFFFu32;
    for &b in bytes {
        c = TABLE[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8);
    }
    c ^ 0xFFFF_FFFF
}

/// Builds small, valid pictures for tests: a PNG and a JPEG of a given size.
pub mod samples {
    use super::crc32;

    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let start = out.len();
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        let crc = crc32(&out[start..]);
        out.extend_from_slice(&crc.to_be_bytes());
    }

    /// A greyscale PNG of the given size (its pixel data is a stored, uncompressed zlib stream
    /// of black pixels, so browsers show it).
    pub fn png(width: u32, height: u32) -> Vec<u8> {
        let mut out = super::PNG_SIGNATURE.to_vec();
        let mut ihdr = Vec::new();
        ihdr.extend_from_slice(&width.to_be_bytes());
        ihdr.extend_from_slice(&height.to_be_bytes());
        ihdr.extend_from_slice(&[8, 0, 0, 0, 0]);
        chunk(&mut out, b"IHDR", &ihdr);
        // Raw scanlines: a filter byte then one byte a pixel.
        let raw: Vec<u8> = (0..height)
            .flat_map(|_| std::iter::once(0).chain(std::iter::repeat_n(0, width as usize)))
            .collect();
        let mut zlib = vec![0x78, 0x01];
        let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
        for (i, block) in blocks.iter().enumerate() {
            zlib.push(u8::from(i + 1 == blocks.len()));
            let len = block.len() as u16;
            zlib.extend_from_slice(&len.to_le_bytes());
            zlib.extend_from_slice(&(!len).to_le_bytes());
            zlib.extend_from_slice(block);
        }
        let (mut a, mut b) = (1u32, 0u32);
        for &byte in &raw {
            a = (a + u32::from(byte)) % 65_521;
            b = (b + a) % 65_521;
        }
        zlib.extend_from_slice(&((b << 16) | a).to_be_bytes());
        chunk(&mut out, b"IDAT", &zlib);
        chunk(&mut out, b"IEND", &[]);
        out
    }

    /// The header of a baseline JPEG of the given size (enough for the size to be read).
    pub fn jpeg(width: u16, height: u16) -> Vec<u8> {
        let mut out = vec![0xFF, 0xD8];
        // JFIF APP0.
        out.extend_from_slice(&[0xFF, 0xE0, 0x00, 0x10]);
        out.extend_from_slice(b"JFIF\0");
        out.extend_from_slice(&[1, 1, 0, 0, 1, 0, 1, 0, 0]);
        // SOF0: precision, height, width, one component.
        out.extend_from_slice(&[0xFF, 0xC0, 0x00, 0x0B, 8]);
        out.extend_from_slice(&height.to_be_bytes());
        out.extend_from_slice(&width.to_be_bytes());
        out.extend_from_slice(&[1, 1, 0x11, 0]);
        out.extend_from_slice(&[0xFF, 0xD9]);
        out
    }
}

/// The width and height a shipped SVG picture declares on its root element (`width="480"`),
/// for the page's `<img>`. Only skillgym's own drawings are SVG: uploads never are.
pub fn svg_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let text = std::str::from_utf8(bytes).ok()?;
    let start = text.find("<svg")?;
    let tag = &text[start..start + text[start..].find('>')?];
    let attribute = |name: &str| -> Option<u32> {
        let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        let value = &tag[at..at + tag[at..].find('"')?];
        value.strip_suffix("px").unwrap_or(value).parse().ok()
    };
    Some((attribute("width")?, attribute("height")?)).filter(|(w, h)| *w > 0 && *h > 0)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_shipped_svg_gives_its_declared_size() {
        assert_eq!(
            svg_size(br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9" width="480" height="300px"><rect width="1"/></svg>"#),
            Some((480, 300))
        );
        assert_eq!(svg_size(br#"<svg viewBox="0 0 9 9"></svg>"#), None);
        assert_eq!(svg_size(b"\x89PNG"), None);
        for (name, body) in super::super::campaign::standard_pictures() {
            assert!(svg_size(body).is_some(), "{name} declares its size");
        }
    }

    use super::*;

    #[test]
    fn reads_png_and_jpeg_sizes_from_their_headers() {
        assert_eq!(
            check(&samples::png(40, 30)),
            Ok(CheckedPicture {
                kind: PictureKind::Png,
                width: 40,
                height: 30
            })
        );
        assert_eq!(
            check(&samples::jpeg(640, 480)),
            Ok(CheckedPicture {
                kind: PictureKind::Jpeg,
                width: 640,
                height: 480
            })
        );
    }

    #[test]
    fn refuses_svg_html_and_other_files_whatever_they_are_called() {
        for bytes in [
            &b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"[..],
            b"<!doctype html><script>alert(1)</script>",
            b"GIF89a....",
        ] {
            assert_eq!(check(bytes), Err(Invalid("picture-not-png-or-jpeg")));
        }
    }

    #[test]
    fn refuses_a_png_signature_in_front_of_anything_else() {
        let mut disguised = PNG_SIGNATURE.to_vec();
        disguised.extend_from_slice(b"<html><script>alert(1)</script></html>");
        assert_eq!(check(&disguised), Err(Invalid("picture-corrupt")));
    }

    #[test]
    fn refuses_corrupt_headers() {
        let mut png = samples::png(4, 4);
        png[20] ^= 0xFF; // inside IHDR: the CRC no longer matches
        assert_eq!(check(&png), Err(Invalid("picture-corrupt")));
        let png = samples::png(4, 4);
        assert_eq!(
            check(&png[..png.len() - 1]),
            Err(Invalid("picture-corrupt"))
        );
        let mut trailing = samples::png(4, 4);
        trailing.extend_from_slice(b"<script>");
        assert_eq!(check(&trailing), Err(Invalid("picture-corrupt")));
        let jpeg = samples::jpeg(10, 10);
        assert_eq!(check(&jpeg[..12]), Err(Invalid("picture-corrupt")));
        assert_eq!(
            check(&[0xFF, 0xD8, 0xFF, 0xDA, 0, 2]),
            Err(Invalid("picture-corrupt"))
        );
    }

    #[test]
    fn refuses_empty_too_large_and_unreasonable_sizes() {
        assert_eq!(check(&[]), Err(Invalid("picture-missing")));
        let mut big = samples::jpeg(10, 10);
        big.resize(MAX_BYTES + 1, 0);
        assert_eq!(check(&big), Err(Invalid("picture-too-large")));
        assert_eq!(
            check(&samples::jpeg(0, 10)),
            Err(Invalid("picture-size-out-of-range"))
        );
        assert_eq!(
            check(&samples::jpeg(20_000, 10)),
            Err(Invalid("picture-size-out-of-range"))
        );
    }

    #[test]
    fn the_fuzz_seeds_read_as_expected() {
        let png = check(include_bytes!("../../../../fuzz/seeds/picture/red.png")).unwrap();
        assert_eq!((png.kind, png.width, png.height), (PictureKind::Png, 3, 2));
        let jpeg = check(include_bytes!("../../../../fuzz/seeds/picture/header.jpg")).unwrap();
        assert_eq!(
            (jpeg.kind, jpeg.width, jpeg.height),
            (PictureKind::Jpeg, 3, 2)
        );
        assert!(check(include_bytes!("../../../../fuzz/seeds/picture/script.svg")).is_err());
        assert!(
            check(include_bytes!(
                "../../../../fuzz/seeds/picture/disguised.png"
            ))
            .is_err()
        );
    }

    #[test]
    fn crc_matches_the_png_reference() {
        assert_eq!(crc32(b"IEND"), 0xAE42_6082);
    }
}
