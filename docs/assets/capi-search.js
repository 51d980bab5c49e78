/* French full-text search of the knowledge base (see macros/outputs/search_index.py).
 *
 * The index is a set of small scripts (one per two-letter term prefix, plus page
 * descriptions in chunks) loaded with <script> tags, so search also works from
 * file:// (offline bundle). The analyser below mirrors the Python one exactly.
 */
(function () {
  "use strict";

  var STOP = ("a ai au aux avec c ce ces cet cette d dans de des du elle elles en est et etre " +
    "il ils j l la le les leur leurs lui m ma mais me meme mes moi mon n ne nos notre nous on " +
    "ou par pas pour qu que qui s sa se ses son sont sur t ta te tes toi ton tu un une vos " +
    "votre vous y ici").split(" ");
  var STOP_SET = {};
  STOP.forEach(function (w) { STOP_SET[w] = true; });
  var MAX_QUERY = 200;
  var RESULTS = 10;

  function fold(text) {
    return text.toLowerCase().replace(/œ/g, "oe").replace(/æ/g, "ae")
      .normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }

  function stem(word) {
    if (word.length > 4 && /aux$/.test(word)) return word.slice(0, -3) + "al";
    if (word.length > 3 && /[sx]$/.test(word)) word = word.slice(0, -1);
    if (word.length > 4 && /e$/.test(word)) word = word.slice(0, -1);
    return word;
  }

  function terms(text) {
    var words = fold(text).match(/[\p{L}\p{N}]+/gu) || [];
    return words.filter(function (w) { return w.length > 1 && !STOP_SET[w]; }).map(stem);
  }

  function shardKey(term) {
    var key = term.slice(0, 2);
    return /^[a-z0-9]{1,2}$/.test(key) ? key : "_";
  }

  var base = "";
  var shards = {};
  var chunks = {};
  var meta = null;
  var loading = {};

  function load(path) {
    if (!loading[path]) {
      loading[path] = new Promise(function (resolve) {
        var script = document.createElement("script");
        script.src = base + "index-recherche/" + path;
        script.onload = function () { resolve(true); };
        script.onerror = function () { resolve(false); };  // a missing shard: no such term
        document.head.appendChild(script);
      });
    }
    return loading[path];
  }

  window.capiSearch = {
    shard: function (key, table) { shards[key] = table; },
    docs: function (index, list) { chunks[index] = list; },
    meta: function (value) { meta = value; },
    terms: terms,
    search: search
  };

  function postingsFor(term, isPrefix) {
    var table = shards[shardKey(term)] || {};
    var found = {};
    function add(list, factor) {
      for (var i = 0; i < list.length; i += 2) {
        found[list[i]] = Math.max(found[list[i]] || 0, list[i + 1] * factor);
      }
    }
    if (Object.prototype.hasOwnProperty.call(table, term)) add(table[term], 1);
    if (isPrefix && term.length >= 3) {
      Object.keys(table).forEach(function (t) {
        if (t !== term && t.indexOf(term) === 0) add(table[t], 0.7);
      });
    }
    return found;
  }

  /* Resolves to {results: [{title, url, kind, excerpt}], total} for a query string. */
  function search(query) {
    query = String(query || "").slice(0, MAX_QUERY);
    var list = terms(query);
    var seen = {};
    list = list.filter(function (t) { return seen[t] ? false : (seen[t] = true); }).slice(0, 8);
    if (!list.length) return Promise.resolve({ results: [], total: 0, empty: true });
    var typing = !/\s$/.test(query);
    var keys = {};
    list.forEach(function (t) { keys[shardKey(t)] = true; });
    return load("meta.js").then(function () {
      var known = (meta && meta.shards) || [];
      return Promise.all(Object.keys(keys).filter(function (k) {
        return known.indexOf(k) >= 0;
      }).map(function (k) { return load("t/" + k + ".js"); }));
    }).then(function () {
      var scores = {};
      var matched = {};
      list.forEach(function (term, i) {
        var found = postingsFor(term, typing && i === list.length - 1);
        Object.keys(found).forEach(function (doc) {
          scores[doc] = (scores[doc] || 0) + found[doc];
          matched[doc] = (matched[doc] || 0) + 1;
        });
      });
      var ranked = Object.keys(scores).sort(function (a, b) {
        return (matched[b] - matched[a]) || (scores[b] - scores[a]) || (a - b);
      });
      var all = ranked.filter(function (d) { return matched[d] === list.length; });
      if (all.length) ranked = all;  // every word found: only those pages
      var top = ranked.slice(0, RESULTS).map(Number);
      var size = meta ? meta.chunk : 50;
      var needed = {};
      top.forEach(function (d) { needed[Math.floor(d / size)] = true; });
      return Promise.all(Object.keys(needed).map(function (c) {
        return load("d/" + c + ".js");
      })).then(function () {
        return {
          total: ranked.length,
          results: top.map(function (d) {
            var row = (chunks[Math.floor(d / size)] || [])[d % size] || ["", "", "", ""];
            return { title: row[0], url: row[1], kind: row[2], excerpt: row[3] };
          })
        };
      });
    });
  }

  /* ------------------------------------------------------------ user interface */

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }

  function setup(root) {
    base = root.getAttribute("data-capi-base") || "";
    var input = root.querySelector("input[type=search]");
    var list = root.querySelector(".capi-search__results");
    var status = root.querySelector(".capi-search__status");
    var toggle = document.getElementById("__search");
    var counter = 0;
    var timer = null;

    function open(state) {
      if (toggle) toggle.checked = state;
      root.classList.toggle("capi-search--open", state);
    }

    function render(query, answer) {
      list.textContent = "";
      if (answer.empty) {
        status.textContent = query.trim() ? "Aucun résultat : essayez d'autres mots " +
          "(les mots très courants comme « le » ou « de » sont ignorés)." : "";
        return;
      }
      if (!answer.total) {
        status.textContent = "Aucun résultat pour « " + query.trim().slice(0, 60) +
          " ». Vérifiez l'orthographe ou essayez un mot plus général.";
        return;
      }
      status.textContent = answer.total + (answer.total > 1 ? " résultats" : " résultat") +
        (answer.total > answer.results.length ? " ; les " + answer.results.length +
          " plus pertinents sont affichés." : ".");
      answer.results.forEach(function (r) {
        var item = el("li", { "class": "capi-search__result" });
        var link = el("a", { href: base + r.url });
        link.appendChild(el("span", { "class": "capi-search__title" }, r.title));
        link.appendChild(el("span", { "class": "capi-search__kind" }, r.kind));
        item.appendChild(link);
        if (r.excerpt) item.appendChild(el("p", { "class": "capi-search__excerpt" }, r.excerpt));
        list.appendChild(item);
      });
    }

    function run() {
      var query = input.value;
      var ticket = ++counter;
      search(query).then(function (answer) {
        if (ticket === counter) render(query, answer);  // ignore stale answers
      }, function () {
        if (ticket === counter) status.textContent = "La recherche n'a pas pu être chargée.";
      });
    }

    input.addEventListener("input", function () {
      open(true);
      clearTimeout(timer);
      timer = setTimeout(run, 120);
    });
    input.addEventListener("focus", function () { open(true); });
    root.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = list.querySelector("a");
      if (first) first.focus(); else run();
    });
    root.addEventListener("keydown", function (event) {
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      var index = links.indexOf(document.activeElement);
      if (event.key === "Escape") {
        open(false);
        input.blur();
        var button = document.querySelector("label[for=__search].md-header__button");
        if (button && getComputedStyle(button).display !== "none") button.focus();
      } else if (event.key === "ArrowDown" && links.length) {
        event.preventDefault();
        links[Math.min(index + 1, links.length - 1)].focus();
      } else if (event.key === "ArrowUp" && links.length) {
        event.preventDefault();
        if (index <= 0) input.focus(); else links[index - 1].focus();
      }
    });
    document.addEventListener("click", function (event) {
      // the toggle itself gets a click when its label (the phone's search button) is pressed
      if (event.target === toggle) return;
      if (!root.contains(event.target) && !event.target.closest("label[for=__search]")) open(false);
    });
    if (toggle) {
      // the phone's search button opens the panel: put the cursor in the box
      toggle.addEventListener("change", function () {
        if (toggle.checked) setTimeout(function () { input.focus(); }, 50);
      });
    }
    var params = new URLSearchParams(window.location.search);
    if (params.get("q")) {
      input.value = params.get("q");
      open(true);
      run();
    }
  }

  function start() {
    var root = document.querySelector("form.capi-search");
    if (root) setup(root);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
