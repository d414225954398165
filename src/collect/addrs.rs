//! The addresses under which participants can reach this machine, read
//! from the interfaces' list (no packet is sent).

use std::net::{IpAddr, Ipv4Addr};

/// The hosts to put in the page's address, best first: the bound address
/// itself, or, when bound to every interface, each non-loopback IPv4
/// address (loopback when there is none).
pub(super) fn hosts(bind: IpAddr) -> Vec<IpAddr> {
    if !bind.is_unspecified() {
        return vec![bind];
    }
    let found: Vec<(String, Ipv4Addr)> = if_addrs::get_if_addrs()
        .unwrap_or_default()
        .into_iter()
        .filter(|i| {
            !matches!(
                i.oper_status,
                if_addrs::IfOperStatus::Down | if_addrs::IfOperStatus::NotPresent
            )
        })
        .filter_map(|i| match i.ip() {
            IpAddr::V4(v4) if !v4.is_loopback() && !v4.is_unspecified() => Some((i.name, v4)),
            _ => None,
        })
        .collect();
    let mut ranked = rank(found);
    if ranked.is_empty() {
        ranked.push(IpAddr::V4(Ipv4Addr::LOCALHOST));
    }
    ranked
}

/// Interfaces most likely to be the room's network first: private
/// addresses of physical-looking interfaces, then other addresses, then
/// virtual interfaces (containers, VMs, VPNs), link-local last.
fn rank(mut found: Vec<(String, Ipv4Addr)>) -> Vec<IpAddr> {
    found.sort_by_key(|(name, ip)| (score(name, *ip), *ip));
    let mut out: Vec<IpAddr> = Vec::new();
    for (_, ip) in found {
        if !out.contains(&IpAddr::V4(ip)) {
            out.push(IpAddr::V4(ip));
        }
    }
    out
}

fn score(name: &str, ip: Ipv4Addr) -> u8 {
    const VIRTUAL: [&str; 14] = [
        "docker",
        "br-",
        "veth",
        "virbr",
        "vmnet",
        "vboxnet",
        "lxc",
        "lxd",
        "tun",
        "tap",
        "wg",
        "zt",
        "utun",
        "tailscale",
    ];
    let name = name.to_ascii_lowercase();
    let virtual_if = VIRTUAL.iter().any(|p| name.starts_with(p));
    match (ip.is_link_local(), virtual_if, ip.is_private()) {
        (true, _, _) => 4,
        (false, true, _) => 3,
        (false, false, true) => 0,
        (false, false, false) => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v4(s: &str) -> Ipv4Addr {
        s.parse().unwrap()
    }

    #[test]
    fn wifi_before_docker_before_link_local() {
        let ranked = rank(vec![
            ("docker0".into(), v4("172.17.0.1")),
            ("eth1".into(), v4("169.254.3.4")),
            ("wlan0".into(), v4("192.168.43.12")),
            ("en0".into(), v4("100.64.1.2")),
        ]);
        let order: Vec<String> = ranked.iter().map(|ip| ip.to_string()).collect();
        assert_eq!(
            order,
            ["192.168.43.12", "100.64.1.2", "172.17.0.1", "169.254.3.4"]
        );
    }

    #[test]
    fn a_bound_address_is_the_only_host() {
        let ip: IpAddr = "127.0.0.1".parse().unwrap();
        assert_eq!(hosts(ip), vec![ip]);
    }

    #[test]
    fn every_interface_gives_at_least_one_host() {
        let all = hosts(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
        assert!(!all.is_empty());
        assert!(all.iter().all(|ip| !ip.is_unspecified()));
    }
}
