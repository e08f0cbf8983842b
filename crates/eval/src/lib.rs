//! Evaluation against gold standards.
