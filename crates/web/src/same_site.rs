//! Where a form may send the browser back to: only a path on this site. Every `back`-style
//! parameter goes through [`same_site_path`], so no form can be used to send people elsewhere
//! (an open redirect lends skillgym's address to a phishing link).

/// `raw` if it is a path on this site, else `/`.
///
/// A path starts with one `/` and is followed by anything but a second `/` or a `\`: browsers
/// read `//host`, `/\host` and `\\host` as another site. It holds only visible ASCII (no
/// spaces, control characters, or anything a `Location` header cannot carry), no `\` anywhere,
/// and no encoded slash or backslash (`%2F`, `%5C`) in its path part, which some servers and
/// proxies decode into the same tricks.
pub fn same_site_path(raw: &str) -> &str {
    if is_same_site_path(raw) { raw } else { "/" }
}

fn is_same_site_path(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    if bytes.first() != Some(&b'/') || matches!(bytes.get(1), Some(b'/' | b'\\')) {
        return false;
    }
    if !bytes.iter().all(|b| b.is_ascii_graphic()) || raw.contains('\\') {
        return false;
    }
    let path = raw
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    !path.contains("%2f") && !path.contains("%5c")
}

#[cfg(test)]
mod tests {
    use super::same_site_path;

    #[test]
    fn paths_on_this_site_are_kept() {
        for kept in [
            "/",
            "/people",
            "/people/12/edit",
            "/audits/3/section/2",
            "/people?q=jones&page=2",
            "/people?q=a%2Fb",
            "/campaigns/4/report#heat-map",
            "/http://not-a-scheme-here",
        ] {
            assert_eq!(same_site_path(kept), kept, "{kept}");
        }
    }

    #[test]
    fn anything_that_could_leave_the_site_goes_home() {
        for refused in [
            "",
            "people",
            "//evil.example",
            "//evil.example/path",
            "/\\evil.example",
            "\\\\evil.example",
            "/%2Fevil.example",
            "/%2fevil.example",
            "/%5Cevil.example",
            "/%5cevil.example",
            "/people/%2F%2Fevil.example",
            "/a\\b",
            "https://evil.example",
            "http://evil.example/",
            "javascript:alert(1)",
            "data:text/html,hi",
            " /people",
            "/peo ple",
            "/people\r\nSet-Cookie: x=1",
            "/people\t",
            "/caf\u{e9}",
        ] {
            assert_eq!(same_site_path(refused), "/", "{refused:?}");
        }
    }
}
