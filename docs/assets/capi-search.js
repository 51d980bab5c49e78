/* French full-text search of the knowledge base (see macros/outputs/search_index.py).
 *
 * The index is a set of small scripts (one per two-letter term prefix, plus page
 * descriptions in chunks) loaded with <script> tags, so search also works from
 * file:// (offline bundle). Words are analysed by capi-analyse.js, as in Python.
 * Each result quotes the passage of its page that holds the most words of the query.
 */
(function () {
  "use strict";

  var terms = window.capiAnalyse.terms;  // capi-analyse.js, listed before this script
  var MAX_QUERY = 200;
  var RESULTS = 10;
  var MORE = 10;  // results added by « Afficher plus » on the results page
  var WINDOW = 220;  // characters of a passage shown around the matched words

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
    search: search,
    excerpt: excerpt
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

  /* The analysed query: its distinct terms (at most 8), the last one completed while typing. */
  function analyse(query) {
    var seen = new Set();
    var list = terms(query).filter(function (t) {
      return seen.has(t) ? false : (seen.add(t), true);
    }).slice(0, 8);
    return { terms: list, prefix: list.length > 0 && !/\s$/.test(query) };
  }

  /* Resolves to {results: [{title, url, kind, passages, keywords, headings}], total, query}
   * for a query string; ``count`` results at most (RESULTS by default). */
  function search(query, count) {
    query = String(query || "").slice(0, MAX_QUERY);
    var analysed = analyse(query);
    var list = analysed.terms;
    if (!list.length) return Promise.resolve({ results: [], total: 0, empty: true });
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
        var found = postingsFor(term, analysed.prefix && i === list.length - 1);
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
      var top = ranked.slice(0, count || RESULTS).map(Number);
      var size = meta ? meta.chunk : 50;
      var needed = {};
      top.forEach(function (d) { needed[Math.floor(d / size)] = true; });
      return Promise.all(Object.keys(needed).map(function (c) {
        return load("d/" + c + ".js");
      })).then(function () {
        return {
          total: ranked.length,
          query: analysed,
          results: top.map(function (d) {
            var row = (chunks[Math.floor(d / size)] || [])[d % size] || ["", "", "", []];
            return { title: row[0], url: row[1], kind: row[2], passages: row[3] || [],
              keywords: row[4] || "", headings: row[5] || "" };
          })
        };
      });
    });
  }

  /* ------------------------------------------------------------ the quoted passage */

  /* Where the query's words are in a text: [{start, end, term}] for each word whose terms
   * include a query term (or, while typing, begin with the last one). The text is cut into
   * runs of letters, digits and accents, each analysed as the index was. */
  function hits(text, query) {
    var out = [];
    var last = query.terms[query.terms.length - 1];
    var word = /[\p{L}\p{N}\p{M}]+/gu;
    var m;
    while ((m = word.exec(text)) !== null) {
      var found = terms(m[0]);
      for (var i = 0; i < found.length; i++) {
        var t = found[i];
        var hit = query.terms.indexOf(t) >= 0 ? t :
          (query.prefix && last.length >= 3 && t.indexOf(last) === 0 ? last : null);
        if (hit) {
          out.push({ start: m.index, end: m.index + m[0].length, term: hit });
          break;
        }
      }
    }
    return out;
  }

  function distinct(found) {
    var seen = new Set();
    found.forEach(function (h) { seen.add(h.term); });
    return seen.size;
  }

  /* The window of at most WINDOW characters holding the most matched words. */
  function clip(text, found) {
    if (text.length <= WINDOW) return { text: text, hits: found };
    var best = 0;
    var bestCount = -1;
    found.forEach(function (h, i) {
      var start = Math.max(0, h.start - 40);
      var count = found.slice(i).filter(function (o) { return o.end <= start + WINDOW; }).length;
      if (count > bestCount) { best = start; bestCount = count; }
    });
    var start = best > 0 ? text.indexOf(" ", best) + 1 || best : 0;
    var end = Math.min(text.length, start + WINDOW);
    if (end < text.length) end = Math.max(text.lastIndexOf(" ", end), start + 1);
    var lead = start > 0 ? "… " : "";
    var shift = lead.length - start;
    return {
      text: lead + text.slice(start, end) + (end < text.length ? " …" : ""),
      hits: found.filter(function (h) { return h.start >= start && h.end <= end; })
        .map(function (h) { return { start: h.start + shift, end: h.end + shift }; })
    };
  }

  /* The passage of a result that holds the most words of the query, cut around them:
   * {text, hits}. Without any, the page's keywords or section headings if they match (what
   * the page was found by), else its first passage. */
  function excerpt(result, query) {
    var best = null;
    var bestScore = 0;
    (result.passages || []).forEach(function (passage) {
      var found = hits(passage, query);
      var score = distinct(found) * 100 + found.length;
      if (score > bestScore) { best = { text: passage, hits: found }; bestScore = score; }
    });
    [result.keywords, result.headings].forEach(function (text) {
      var found = !best && text ? hits(text, query) : [];
      if (found.length) best = { text: text, hits: found };
    });
    if (!best) best = { text: (result.passages || [""])[0] || "", hits: [] };
    return clip(best.text, best.hits);
  }

  /* ------------------------------------------------------------ user interface */

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }

  /* The excerpt as text nodes and <mark> elements: page text is never parsed as HTML. */
  function excerptNode(result, query) {
    var quoted = excerpt(result, query);
    var node = el("p", { "class": "capi-search__excerpt" });
    var at = 0;
    quoted.hits.forEach(function (h) {
      node.appendChild(document.createTextNode(quoted.text.slice(at, h.start)));
      node.appendChild(el("mark", {}, quoted.text.slice(h.start, h.end)));
      at = h.end;
    });
    node.appendChild(document.createTextNode(quoted.text.slice(at)));
    return quoted.text ? node : null;
  }

  function resultItem(r, query) {
    var item = el("li", { "class": "capi-search__result" });
    var link = el("a", { href: base + r.url });
    link.appendChild(el("span", { "class": "capi-search__title" }, r.title));
    link.appendChild(el("span", { "class": "capi-search__kind" }, r.kind));
    item.appendChild(link);
    var quoted = excerptNode(r, query);
    if (quoted) item.appendChild(quoted);
    return item;
  }

  /* Fills ``list`` and ``status`` with an answer; returns true when there are results. */
  function show(list, status, query, answer) {
    list.textContent = "";
    if (answer.empty) {
      status.textContent = query.trim() ? "Aucun résultat : essayez d'autres mots " +
        "(les mots très courants comme « le » ou « de » sont ignorés)." : "";
      return false;
    }
    if (!answer.total) {
      status.textContent = "Aucun résultat pour « " + query.trim().slice(0, 60) +
        " ». Vérifiez l'orthographe ou essayez un mot plus général.";
      return false;
    }
    status.textContent = answer.total + (answer.total > 1 ? " résultats" : " résultat") +
      " pour « " + query.trim().slice(0, 60) + " »" +
      (answer.total > answer.results.length ? " ; les " + answer.results.length +
        " plus pertinents sont affichés." : ".");
    answer.results.forEach(function (r) { list.appendChild(resultItem(r, answer.query)); });
    return true;
  }

  /* The box in the header: results appear under it while the reader types. */
  function setup(root, resultsPage) {
    base = root.getAttribute("data-capi-base") || "";
    var input = root.querySelector("input[type=search]");
    var list = root.querySelector(".capi-search__results");
    var status = root.querySelector(".capi-search__status");
    var more = root.querySelector(".capi-search__more");
    var toggle = document.getElementById("__search");
    var counter = 0;
    var timer = null;

    function open(state) {
      if (toggle) toggle.checked = state;
      root.classList.toggle("capi-search--open", state);
    }

    function run() {
      var query = input.value;
      var ticket = ++counter;
      search(query).then(function (answer) {
        if (ticket !== counter) return;  // ignore stale answers
        var found = show(list, status, query, answer);
        if (more) {
          more.textContent = "";
          more.hidden = !found;
          if (found) {
            more.appendChild(el("a", { href: root.getAttribute("action") + "?q=" +
              encodeURIComponent(query.trim()) }, "Tous les résultats sur la page de recherche"));
          }
        }
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
    // Enter opens the results page (the form's action, /recherche/?q=…): an address to share
    root.addEventListener("submit", function (event) {
      if (!input.value.trim()) event.preventDefault();
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
      if (!resultsPage) {
        open(true);
        run();
      }
    }
    return input;
  }

  /* The results page (/recherche/?q=…): the query lives in the address, so a search can be
   * shared, reloaded and left with the back button. */
  function setupPage(container, headerInput) {
    var form = el("form", { "class": "capi-resultats__form", role: "search" });
    var label = el("label", { "for": "capi-resultats-q" }, "Mots à chercher");
    var input = el("input", { type: "search", id: "capi-resultats-q", name: "q",
      maxlength: String(MAX_QUERY), autocomplete: "off", spellcheck: "false",
      "aria-describedby": "capi-resultats-status" });
    var button = el("button", { type: "submit", "class": "md-button md-button--primary" },
      "Rechercher");
    var status = el("p", { "class": "capi-resultats__status", id: "capi-resultats-status",
      role: "status", "aria-live": "polite" });
    var list = el("ol", { "class": "capi-resultats__liste", "aria-label": "Résultats" });
    var moreButton = el("button", { type: "button", "class": "md-button", hidden: "" },
      "Afficher plus de résultats");
    var title = document.title;
    var count = RESULTS;
    var counter = 0;
    form.appendChild(label);
    form.appendChild(input);
    form.appendChild(button);
    container.textContent = "";
    [form, status, list, moreButton].forEach(function (n) { container.appendChild(n); });

    function run(query) {
      var ticket = ++counter;
      document.title = query.trim() ? "« " + query.trim().slice(0, 60) + " » — " + title : title;
      if (!query.trim()) {
        list.textContent = "";
        status.textContent = "";
        moreButton.hidden = true;
        return;
      }
      search(query.trim(), count).then(function (answer) {
        if (ticket !== counter) return;
        show(list, status, query, answer);
        moreButton.hidden = !(answer.total > answer.results.length);
      }, function () {
        if (ticket === counter) status.textContent = "La recherche n'a pas pu être chargée.";
      });
    }

    function fromAddress() {
      var query = new URLSearchParams(window.location.search).get("q") || "";
      input.value = query;
      if (headerInput) headerInput.value = query;
      count = RESULTS;
      run(query);
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var query = input.value.trim();
      var address = window.location.pathname + (query ? "?q=" + encodeURIComponent(query) : "");
      try {
        history.pushState(null, "", address);
      } catch (error) {
        // some browsers refuse pushState on file:// pages: the results still show
      }
      if (headerInput) headerInput.value = query;
      count = RESULTS;
      run(query);
    });
    moreButton.addEventListener("click", function () {
      count += MORE;
      run(input.value);
    });
    window.addEventListener("popstate", fromAddress);
    fromAddress();
  }

  function start() {
    var root = document.querySelector("form.capi-search");
    var page = document.getElementById("capi-resultats");
    if (root) base = root.getAttribute("data-capi-base") || "";
    var headerInput = root ? setup(root, Boolean(page)) : null;
    if (page) setupPage(page, headerInput);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
