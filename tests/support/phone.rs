//! A phone's HTTP client, for the tests that talk to the collector over
//! loopback: statuses are answers, not errors; redirects are answers too
//! (a post without the page's script gets a 303); a request that hangs
//! fails after twenty seconds.

use std::time::Duration;

/// The one agent the phone tests use.
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_global(Some(Duration::from_secs(20)))
        .build()
        .into()
}
