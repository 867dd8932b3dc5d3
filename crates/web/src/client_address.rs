//! Who is on the other end: the TCP peer, or behind a proxy skillgym trusts, the address that
//! proxy says it forwarded for. The sign-in throttle counts by this address.

use crate::AppState;
use crate::error::AppError;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use std::fmt;
use std::net::{IpAddr, SocketAddr};
use std::str::FromStr;

/// A range of addresses written as `ADDRESS/PREFIX` (`10.0.0.0/8`, `2001:db8::/32`); a bare
/// address is that one address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IpNetwork {
    addr: IpAddr,
    prefix: u8,
}

/// Why a text is not an address range.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not an address range: {0}")]
pub struct BadNetwork(pub String);

impl FromStr for IpNetwork {
    type Err = BadNetwork;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || BadNetwork(text.to_string());
        let (addr, prefix) = match text.trim().split_once('/') {
            Some((addr, prefix)) => (addr, Some(prefix)),
            None => (text.trim(), None),
        };
        let addr: IpAddr = addr.parse().map_err(|_| bad())?;
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            // Digits only: `u8::from_str` would also take "+8".
            Some(p) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) => {
                p.parse::<u8>().ok().filter(|p| *p <= max).ok_or_else(bad)?
            }
            Some(_) => return Err(bad()),
            None => max,
        };
        Ok(Self {
            addr: mask(addr, prefix),
            prefix,
        })
    }
}

impl fmt::Display for IpNetwork {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.addr, self.prefix)
    }
}

impl IpNetwork {
    /// Whether `ip` is in the range. An IPv4 address written as IPv6 (`::ffff:10.0.0.1`, as a
    /// dual-stack socket reports it) counts as the IPv4 address.
    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = ip.to_canonical();
        ip.is_ipv4() == self.addr.is_ipv4() && mask(ip, self.prefix) == self.addr
    }
}

/// `addr` with every bit after the first `prefix` cleared.
fn mask(addr: IpAddr, prefix: u8) -> IpAddr {
    match addr {
        IpAddr::V4(v4) => {
            let bits = u32::from(v4);
            let kept = u32::MAX.checked_shl(32 - u32::from(prefix)).unwrap_or(0);
            IpAddr::V4((bits & kept).into())
        }
        IpAddr::V6(v6) => {
            let bits = u128::from(v6);
            let kept = u128::MAX.checked_shl(128 - u32::from(prefix)).unwrap_or(0);
            IpAddr::V6((bits & kept).into())
        }
    }
}

/// The client's address. `X-Forwarded-For` is believed only when the peer is a trusted proxy,
/// and then only as far as the proxies in it are trusted: reading from the right, the first
/// address that is not a trusted proxy is the client (anything left of it the client may have
/// written itself).
pub fn client_ip(peer: IpAddr, headers: &HeaderMap, trusted: &[IpNetwork]) -> IpAddr {
    let peer = peer.to_canonical();
    let is_trusted = |ip: IpAddr| trusted.iter().any(|n| n.contains(ip));
    if !is_trusted(peer) {
        return peer;
    }
    // Several headers count as one list, in order (RFC 9110, 5.3).
    let hops: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    let mut client = peer;
    for hop in hops.iter().rev() {
        let Some(ip) = parse_hop(hop) else {
            // Not an address: the last trusted hop is as far back as the chain can be followed.
            break;
        };
        client = ip;
        if !is_trusted(ip) {
            break;
        }
    }
    client
}

/// One entry of `X-Forwarded-For`: an address, perhaps with a port (`[::1]:80`, `1.2.3.4:80`).
fn parse_hop(hop: &str) -> Option<IpAddr> {
    hop.parse::<IpAddr>()
        .or_else(|_| hop.parse::<SocketAddr>().map(|s| s.ip()))
        .ok()
        .map(|ip| ip.to_canonical())
}

/// The client's address (see [`client_ip`]), for handlers.
pub struct ClientAddr(pub IpAddr);

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let ConnectInfo(peer) = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .copied()
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("the peer's address is missing")))?;
        Ok(ClientAddr(client_ip(
            peer.ip(),
            &parts.headers,
            &state.config.trusted_proxies,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn net(text: &str) -> IpNetwork {
        text.parse().unwrap()
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn ranges_parse_and_match_on_both_families() {
        let ten = net("10.0.0.0/8");
        assert!(ten.contains(ip("10.255.1.2")));
        assert!(!ten.contains(ip("11.0.0.0")));
        assert!(ten.contains(ip("::ffff:10.1.2.3")), "IPv4 written as IPv6");
        assert!(
            !ten.contains(ip("::a00:1")),
            "an IPv6 address is not in an IPv4 range"
        );
        let host = net("192.0.2.7");
        assert_eq!(host, net("192.0.2.7/32"));
        assert!(host.contains(ip("192.0.2.7")) && !host.contains(ip("192.0.2.8")));
        let odd = net("172.16.0.0/12");
        assert!(odd.contains(ip("172.31.255.255")) && !odd.contains(ip("172.32.0.0")));
        assert!(net("0.0.0.0/0").contains(ip("203.0.113.1")));
        let v6 = net("2001:db8::/32");
        assert!(v6.contains(ip("2001:db8:ffff::1")) && !v6.contains(ip("2001:db9::1")));
        assert!(net("::1").contains(ip("::1")) && !net("::1").contains(ip("::2")));
        assert!(net("::/0").contains(ip("2001:db8::1")));
        let nearly = net("2001:db8::/127");
        assert!(nearly.contains(ip("2001:db8::1")) && !nearly.contains(ip("2001:db8::2")));
        // Bits after the prefix are ignored, as `ip route` does.
        assert_eq!(net("10.1.2.3/8"), ten);
        assert_eq!(ten.to_string(), "10.0.0.0/8");
    }

    #[test]
    fn malformed_ranges_are_refused() {
        for bad in [
            "",
            "10.0.0.0/33",
            "::/129",
            "10.0.0.0/",
            "10.0.0.0/+8",
            "10.0.0/8",
            "example.org",
            "10.0.0.0/8/8",
            "10.0.0.0/-1",
        ] {
            assert!(bad.parse::<IpNetwork>().is_err(), "{bad:?}");
        }
    }

    fn forwarded(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for v in values {
            headers.append("x-forwarded-for", v.parse().unwrap());
        }
        headers
    }

    #[test]
    fn forwarded_addresses_count_only_from_trusted_proxies() {
        let trusted = [net("10.0.0.0/8"), net("127.0.0.1")];
        let spoofed = forwarded(&["198.51.100.1"]);
        // An untrusted peer's header is ignored.
        assert_eq!(
            client_ip(ip("203.0.113.5"), &spoofed, &trusted),
            ip("203.0.113.5")
        );
        assert_eq!(
            client_ip(ip("203.0.113.5"), &spoofed, &[]),
            ip("203.0.113.5")
        );
        // A trusted proxy's: the right-most address that is not a trusted proxy.
        assert_eq!(
            client_ip(ip("127.0.0.1"), &spoofed, &trusted),
            ip("198.51.100.1")
        );
        let chain = forwarded(&["198.51.100.1, 203.0.113.9", "10.0.0.2"]);
        assert_eq!(
            client_ip(ip("10.0.0.1"), &chain, &trusted),
            ip("203.0.113.9"),
            "the client's own claim (198.51.100.1) is left of its real address"
        );
        // Through several trusted proxies, all of them skipped.
        let deep = forwarded(&["203.0.113.9, 10.0.0.3, 10.0.0.2"]);
        assert_eq!(
            client_ip(ip("10.0.0.1"), &deep, &trusted),
            ip("203.0.113.9")
        );
        // Only trusted addresses: the left-most.
        let inside = forwarded(&["10.0.0.9, 10.0.0.2"]);
        assert_eq!(client_ip(ip("10.0.0.1"), &inside, &trusted), ip("10.0.0.9"));
        // No header: the proxy itself.
        assert_eq!(
            client_ip(ip("10.0.0.1"), &HeaderMap::new(), &trusted),
            ip("10.0.0.1")
        );
        // Garbage stops the walk at the last trusted hop.
        let garbage = forwarded(&["203.0.113.9, nonsense, 10.0.0.2"]);
        assert_eq!(
            client_ip(ip("10.0.0.1"), &garbage, &trusted),
            ip("10.0.0.2")
        );
        // Ports and IPv6, and a dual-stack peer.
        let ports = forwarded(&["[2001:db8::7]:4711"]);
        assert_eq!(
            client_ip(ip("::ffff:127.0.0.1"), &ports, &trusted),
            ip("2001:db8::7")
        );
        let v4_port = forwarded(&["203.0.113.9:5000"]);
        assert_eq!(
            client_ip(ip("127.0.0.1"), &v4_port, &trusted),
            ip("203.0.113.9")
        );
    }
}
