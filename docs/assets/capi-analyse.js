/* The site's one French analyser, shared by the search (capi-search.js) and the explorer
 * (capi-explorer.js). It mirrors macros/content/words.py (fold) and
 * macros/outputs/search_index.py (terms, stem, STOP_WORDS) character for character:
 * tests/browser/test_analyser_parity.py runs both on the same words and compares.
 *
 * Lengths count code points, not UTF-16 units (Python's len), and the stop words are a
 * Set: a plain object would also "contain" constructor, toString, __proto__…
 */
(function () {
  "use strict";

  var STOP = new Set(("a ai au aux avec c ce ces cet cette d dans de des du elle elles en " +
    "est et etre il ils j l la le les leur leurs lui m ma mais me meme mes moi mon n ne nos " +
    "notre nous on ou par pas pour qu que qui s sa se ses son sont sur t ta te tes toi ton " +
    "tu un une vos votre vous y ici").split(" "));
  var WORD = /[\p{L}\p{N}]+/gu;

  /* Compatibility forms first (ℍ → H, ﬁ → fi, ² → 2, full-width letters), then lower case,
   * then ligatures and accents away: « ℍôpital », « Cœur » → « hopital », « coeur ». */
  function fold(text) {
    return String(text).normalize("NFKD").toLowerCase().normalize("NFKD")
      .replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/[\u0300-\u036f]/g, "");
  }

  function length(word) {
    var n = 0;
    for (var i = 0; i < word.length; i++) {
      var code = word.charCodeAt(i);
      if (code < 0xdc00 || code > 0xdfff) n++;  // a low surrogate ends a counted pair
    }
    return n;
  }

  /* Minimal French stemmer (plural and feminine endings). */
  function stem(word) {
    if (length(word) > 4 && /aux$/.test(word)) return word.slice(0, -3) + "al";
    if (length(word) > 3 && /[sx]$/.test(word)) word = word.slice(0, -1);
    if (length(word) > 4 && /e$/.test(word)) word = word.slice(0, -1);
    return word;
  }

  /* The searchable terms of a text, in order. */
  function terms(text) {
    var words = fold(text).match(WORD) || [];
    var out = [];
    for (var i = 0; i < words.length; i++) {
      if (length(words[i]) > 1 && !STOP.has(words[i])) out.push(stem(words[i]));
    }
    return out;
  }

  window.capiAnalyse = { fold: fold, terms: terms, stem: stem };
})();
