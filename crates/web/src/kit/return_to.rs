//! Where to send someone back to after signing in (`next`): the one place a
//! return address taken from a request is judged.
//!
//! Only a path of this site is accepted, and only if a browser would read it
//! as one. Browsers drop tabs and newlines inside a URL, read `\` as `/`,
//! and take `//host` as another host, so `/\t/evil.example` or `/\evil`
//! lead elsewhere although they start with `/`. Anything doubtful falls back
//! to the default page rather than being repaired.

use url::Url;

/// Longer return addresses are not ours.
const MAX_LEN: usize = 2048;

/// A stand-in origin: `next` must resolve against it to the same origin.
const HERE: &str = "http://aula.invalid/";

/// `next` as a path of this site (normalised, ASCII, ready for a
/// `Location` header), or `None` when it could lead elsewhere.
pub fn local_path(next: &str) -> Option<String> {
    if next.len() > MAX_LEN || !plain_path(next) {
        return None;
    }
    // Percent-encoded slashes, backslashes or control characters are
    // refused too: a proxy or a second decoding could turn them into the
    // real thing.
    let mut decoded = next.to_owned();
    for _ in 0..3 {
        let once = percent_decode(&decoded);
        if once == decoded {
            break;
        }
        if !plain_path(&once) {
            return None;
        }
        decoded = once;
    }
    // Finally, resolve it as a browser would and insist on the same origin.
    let here = Url::parse(HERE).ok()?;
    let resolved = here.join(next).ok()?;
    if resolved.origin() != here.origin() || resolved.username() != "" || resolved.password().is_some() {
        return None;
    }
    let mut path = resolved.path().to_owned();
    if path.starts_with("//") {
        return None;
    }
    if let Some(query) = resolved.query() {
        path.push('?');
        path.push_str(query);
    }
    if let Some(fragment) = resolved.fragment() {
        path.push('#');
        path.push_str(fragment);
    }
    Some(path)
}

/// `next` when it is a path of this site, else `default`.
pub fn or_default(next: &str, default: &str) -> String {
    local_path(next).unwrap_or_else(|| default.to_owned())
}

/// Starts with one `/`, holds no backslash, control character or whitespace
/// other than a plain space (a search term may have one).
fn plain_path(path: &str) -> bool {
    let mut chars = path.chars();
    chars.next() == Some('/')
        && !matches!(chars.next(), Some('/' | '\\'))
        && !path
            .chars()
            .any(|c| c == '\\' || c.is_control() || (c.is_whitespace() && c != ' '))
}

/// Decodes `%XX` escapes; invalid ones and invalid UTF-8 are kept as they are
/// (lossily), which is enough to judge the result.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = bytes.get(i + 1..i + 3)
            && let Ok(hex) = std::str::from_utf8(hex)
            && let Ok(byte) = u8::from_str_radix(hex, 16)
        {
            out.push(byte);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_15_paths_of_this_site_are_kept() {
        for (given, kept) in [
            ("/staff", "/staff"),
            (
                "/staff/sessions?status=open&page=2",
                "/staff/sessions?status=open&page=2",
            ),
            ("/staff/sessions#list", "/staff/sessions#list"),
            (
                "/sessions/01890a5d-ac96-774b-b9aa-000000000000",
                "/sessions/01890a5d-ac96-774b-b9aa-000000000000",
            ),
            ("/staff/sessions?q=caf%C3%A9", "/staff/sessions?q=caf%C3%A9"),
            ("/staff/sessions?q=café", "/staff/sessions?q=caf%C3%A9"),
            ("/a/../staff", "/staff"),
            ("/staff/people?q=Ana%20Garc%C3%ADa", "/staff/people?q=Ana%20Garc%C3%ADa"),
            ("/", "/"),
        ] {
            assert_eq!(local_path(given).as_deref(), Some(kept), "{given:?}");
        }
    }

    #[test]
    fn issue_15_attacks_fall_back_to_the_default() {
        let attacks = [
            "",
            "staff",
            "//evil.example",
            "//evil.example/",
            "///evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "/\t/evil.example/",
            "/\t\\evil.example",
            "\t//evil.example",
            " //evil.example",
            "/\n/evil.example",
            "/\r\n/evil.example",
            "/staff\r\nSet-Cookie: x=y",
            "/staff\0",
            "/\u{0085}/evil.example",
            "/\u{2028}/evil.example",
            "https://evil.example",
            "http://evil.example/staff",
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "evil.example",
            "/%2F/evil.example",
            "/%2f%2fevil.example",
            "/%5Cevil.example",
            "/%09/evil.example",
            "%2F%09%2Fevil.example%2F",
            "/%0D%0ALocation: https://evil.example",
            "/%00",
            "/%252F/evil.example",
            "/%25252F/evil.example",
            "/x%0A",
            "/@evil.example\\@",
        ];
        for attack in attacks {
            assert_eq!(local_path(attack), None, "{attack:?}");
            assert_eq!(or_default(attack, "/staff"), "/staff", "{attack:?}");
        }
        assert_eq!(local_path(&format!("/{}", "a".repeat(MAX_LEN))), None);
    }
}
