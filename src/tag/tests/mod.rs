//! Unit tests of the tagger, one module per rule family.

mod claimants;
mod examples;
mod negation;
mod negatives;
mod other_conflicts;
mod props;
mod sentences;
mod slavic;
mod statuses;
