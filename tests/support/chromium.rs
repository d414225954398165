//! Headless Chromium as the browser tests run it.
#![allow(dead_code)]

/// The flags every run starts with: headless, no sandbox, no GPU, and
/// nothing that reaches the network or writes beside its profile.
pub const HEADLESS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];
