//! Actor dictionaries and gazetteers loaded from the data files in `data/lexicon/`.
