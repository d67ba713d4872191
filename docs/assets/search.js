// Site search: Material's search worker looks up every word of a query as the start of a word, so that
// "for" finds "forecasting" and "I" finds "image". The words its index leaves out (lunr's English stop
// words: "is", "for", "to", "I"...) can only match that way, so they are taken out of a query before the
// worker sees it; a query of nothing else is left as it is. And since every word is looked up as a
// prefix, "use" counted as much in a title with "used" as in one with "use" (more, where "used" is the
// rarer word): each whole word is also asked for exactly, with a boost, so that the section with the
// very words typed comes first, while a word still being typed keeps matching as a prefix. Loaded before
// Material's bundle, which starts the worker.
(function () {
  "use strict";
  var Native = window.Worker;
  if (!Native) return;
  var QUERY = 2; // Material's message type for a search query
  var SMALL = new Set((
    "a able about across after all almost also am among an and any are as at be because been but by can " +
    "cannot could dear did do does either else ever every for from get got had has have he her hers him his " +
    "how however i if in into is it its just least let like likely may me might most must my neither no nor " +
    "not of off often on only or other our own rather said say says she should since so some than that the " +
    "their them then there these they this tis to too twas us wants was we were what when where which while " +
    "who whom why will with would yet you your"
  ).split(" "));

  var EXACT = 5; // the boost of a word's exact match over its matches as a prefix
  var PLAIN = /^[a-z0-9]+$/i; // a word Material's query syntax leaves alone (no "+", "-", "^", "." or ":")

  function bare(word) {
    return word.replace(/^[^\w]+|[^\w]+$/g, "");
  }

  function withoutSmallWords(query) {
    var words = query.split(/\s+/);
    var kept = words.filter(function (word) {
      return !SMALL.has(bare(word).toLowerCase());
    });
    return kept.join(" ").trim() ? kept.join(" ") : query;
  }

  function exactFirst(query) {
    return query
      .split(/\s+/)
      .map(function (word) {
        var plain = bare(word);
        var marked = /^[+\-]/.test(word); // a word the reader requires or excludes stays as typed
        return PLAIN.test(plain) && !marked ? plain + "^" + EXACT + " " + word : word;
      })
      .join(" ");
  }

  window.Worker = function (url, options) {
    var worker = new Native(url, options);
    if (String(url).indexOf("/workers/search") === -1) return worker;
    var post = worker.postMessage;
    worker.postMessage = function (message) {
      var rest = Array.prototype.slice.call(arguments, 1);
      if (message && message.type === QUERY && typeof message.data === "string") {
        message = { type: QUERY, data: exactFirst(withoutSmallWords(message.data)) };
      }
      return post.apply(worker, [message].concat(rest));
    };
    return worker;
  };
  window.Worker.prototype = Native.prototype;
})();
