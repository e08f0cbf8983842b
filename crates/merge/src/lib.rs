//! The same-event rule: when two mentions report one event.
//!
//! One rule serves both places where mentions are merged: the coder, within one document
//! ([`Policy::WITHIN_DOCUMENT`]), and the store, across documents
//! ([`Policy::ACROSS_DOCUMENTS`]). Each side describes a mention by its [`Evidence`];
//! [`decide`] compares two and returns a [`Decision`]: whether they merge, why, and how well
//! they fit (to choose among several candidates). The two policies differ only in named
//! settings: how strictly actor and recipient sets, modes, aggregate claims, figures and
//! missing dates must agree.

pub mod cluster;
pub mod content;
pub mod dates;
pub mod document;
mod figures;
mod policy;
mod rule;
pub mod words;

pub use dates::{DateSpan, UNDATED_WINDOW_DAYS, announcement_fits, lookup_span, report_date};
pub use figures::Count;
pub use policy::{ClaimRule, ContentRule, FigureRule, Policy, SetRule, Strictness};
pub use rule::{Decision, Evidence, decide, is_statement, kept_apart_in_document};
