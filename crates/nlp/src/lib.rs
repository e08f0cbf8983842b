//! English analysis: tokens, sentences, tags, lemmas and dependencies over one `Doc`.
