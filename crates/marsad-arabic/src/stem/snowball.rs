//! Snowball Arabic, through the `rust-stemmers` crate.
//!
//! The algorithm normalizes on its own (diacritics, tatweel, hamza seats, Arabic-Indic
//! digits, presentation forms) before stemming, so it takes raw words. `rust-stemmers` 1.2.0
//! embeds a revision that agrees with the current Snowball release on the whole of marsad's
//! peer vocabulary (`marsad eval snowball`).

use rust_stemmers::{Algorithm, Stemmer};
use std::borrow::Cow;

/// Stems `word` with Snowball Arabic. Borrows when the word is unchanged.
///
/// ```
/// use marsad_arabic::stem::snowball_arabic;
/// assert_eq!(snowball_arabic("الكتاب"), "كتاب");
/// ```
#[inline]
pub fn snowball_arabic(word: &str) -> Cow<'_, str> {
    // Creating the stemmer only copies a function pointer.
    Stemmer::create(Algorithm::Arabic).stem(word)
}
