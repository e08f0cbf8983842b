//! Events found in the analysed text (see [`attache_text::normalize_for_analysis`]) pointed
//! back at the original text: every span mapped, every quote taken from the original bytes.

use attache_event::{ByteSpan, Event};
use attache_text::OffsetMap;
use std::collections::HashMap;
use std::sync::Arc;

/// The original text of each sentence re-quoted so far, by index: the events of one sentence
/// keep sharing one text.
pub(crate) type Sentences = HashMap<usize, Arc<str>>;

/// Maps every span of `event` (found in `analysed`) through `map`, and re-quotes from
/// `original` the words that quoted the analysed text exactly (a place named in other words,
/// "Cairo" for "CAIRO", keeps its words). The sentence is re-quoted once per index, into
/// `sentences`, and shared.
pub(crate) fn restore_spans(
    event: &mut Event,
    map: &OffsetMap,
    analysed: &str,
    original: &str,
    sentences: &mut Sentences,
) {
    let requote = |span: &mut ByteSpan, text: &mut String| {
        let quoted = analysed.get(span[0]..span[1]) == Some(text.as_str());
        *span = map.span(*span);
        if quoted {
            *text = original[span[0]..span[1]].to_string();
        }
    };
    requote(&mut event.trigger.span, &mut event.trigger.text);
    let sentence = &mut event.sentence;
    sentence.span = map.span(sentence.span);
    let [lo, hi] = sentence.span;
    sentence.text = sentences
        .entry(sentence.index)
        .or_insert_with(|| original[lo..hi].into())
        .clone();
    for actor in event.actors.iter_mut().chain(&mut event.recipients) {
        requote(&mut actor.span, &mut actor.text);
    }
    for quantity in event.quantity.iter_mut().chain(&mut event.other_quantities) {
        requote(&mut quantity.span, &mut quantity.text);
    }
    for mention in &mut event.mentions {
        requote(&mut mention.span, &mut mention.text);
    }
    if let Some(location) = &mut event.location
        && let Some(span) = &mut location.span
    {
        requote(span, &mut location.text);
    }
}
