//! The tests' one support module: each test crate that drives the app says
//! `mod support;` once, and the `*_support` modules build on it.
#![allow(dead_code)]

pub mod chromium;

pub mod cli;

pub mod keys;

pub mod model;

pub mod screen;

pub mod tmux;
