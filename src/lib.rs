//! claimwatch watches what ministries, governments, international bodies and news outlets
//! publish about armed conflict, stores every statement in SQLite and marks in it the
//! mentions of ceasefires, armed clashes and casualty claims.
//!
//! Data flows one way:
//!
//! [`config`] → [`schedule`] → [`fetch`] → [`parse`] → [`tag`] → [`store`] → [`digest`]
//!
//! [`daemon`] ties them together for `claimwatch run`; [`demo`] runs the whole path against
//! bundled statements on a [`loopback`] server.
#![deny(missing_docs)]

pub mod bench;
pub mod config;
pub mod daemon;
pub mod demo;
pub mod digest;
pub mod fetch;
pub mod loopback;
pub mod parse;
pub mod schedule;
pub mod store;
pub mod tag;
pub mod web;
