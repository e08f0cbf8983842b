//! Events found in the analysed text (see [`attache_text::normalize_for_analysis`]) pointed
//! back at the original text: every span mapped, every quote taken from the original bytes.

use attache_event::{ByteSpan, Event};
use attache_text::OffsetMap;

/// Maps every span of `event` (found in `analysed`) through `map`, and re-quotes from
/// `original` the words that quoted the analysed text exactly (a place named in other words,
/// "Cairo" for "CAIRO", keeps its words).
pub(crate) fn restore_spans(event: &mut Event, map: &OffsetMap, analysed: &str, original: &str) {
    let requote = |span: &mut ByteSpan, text: &mut String| {
        let quoted = analysed.get(span[0]..span[1]) == Some(text.as_str());
        *span = map.span(*span);
        if quoted {
            *text = original[span[0]..span[1]].to_string();
        }
    };
    requote(&mut event.trigger.span, &mut event.trigger.text);
    requote(&mut event.sentence.span, &mut event.sentence.text);
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
