//! This machine's time zone: read once, at start-up or when a session is
//! created, by the command line and the run loop (never by `update`, the
//! model or the exports, which are given it). Sessions keep their own zone
//! (`Session::time_zone`); this one is only for sessions that name none yet.

use crate::model::Zone;

/// The machine's time zone as an IANA name atelier knows: from `TZ`, else
/// `/etc/localtime`; a zone without a name (a POSIX `TZ` rule) becomes
/// `Etc/GMT±N` when its offset now is whole hours; anything else is UTC.
pub fn machine() -> Zone {
    let Ok(tz) = jiff::tz::TimeZone::try_system() else {
        return Zone::utc();
    };
    if let Some(zone) = tz.iana_name().and_then(|n| Zone::named(n).ok()) {
        return zone;
    }
    let seconds = tz.to_offset(jiff::Timestamp::now()).seconds();
    if seconds % 3600 == 0 {
        // The tz database's Etc zones count westwards: UTC+2 is Etc/GMT-2.
        let hours = -seconds / 3600;
        let name = match hours {
            0 => "UTC".to_owned(),
            h => format!("Etc/GMT{h:+}"),
        };
        if let Ok(zone) = Zone::named(&name) {
            return zone;
        }
    }
    Zone::utc()
}
