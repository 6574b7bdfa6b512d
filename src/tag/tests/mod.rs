//! Unit tests of the tagger, one module per rule family.

mod agency_wire;
mod armed_context;
mod attribution_turns;
mod careful_reader;
mod ceasefire_predicates;
mod claimant_shape;
mod claimants;
mod clash_official;
mod coordinated_counts;
mod desk_probes;
mod examples;
mod fresh;
mod fresh_cases;
mod fresh_ceasefire_clash;
mod lists_and_drills;
mod named_and_rejected;
mod negation;
mod negatives;
mod not_casualties;
mod official_register;
mod other_conflicts;
mod props;

mod causes_apart;
mod regional_reports;
mod running_tolls;
mod sentences;
mod sides;
mod slavic;
mod slavic_attribution;
mod slavic_briefings;
mod slavic_forms;
mod speakers_as_written;
mod statuses;
mod unseen_reports;
mod wire_copy;
