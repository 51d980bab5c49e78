/* Faceted explorer (page /explorer/): filters, counts per value, text box, URL state.
 * Data: window.capiExplorerData, written at build time from the knowledge graph
 * (macros/render/explorer.py). Plain JavaScript, no library, works from file://.
 */
(function () {
  "use strict";

  var PAGE = 50;
  var SINGLE = { type: true, seance: true, territoire: true, acteur: true, statut: true };

  // the site's one folding (capi-analyse.js, loaded on every page): « coeur » finds « Cœur »
  function fold(text) {
    return window.capiAnalyse.fold(text);
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // column of each facet in an item row: [title, url, type, seance, territoire,
  // [pratiques], [thematiques], acteur, statut]
  var COLUMN = { type: 2, seance: 3, territoire: 4, pratique: 5, thematique: 6, acteur: 7,
    statut: 8 };

  function start() {
    var root = document.getElementById("capi-explorer");
    var data = window.capiExplorerData;
    if (!root || !data) return;
    var base = root.getAttribute("data-capi-base") || "../";
    var facets = data.facets;
    var items = data.items;
    var folded = items.map(function (row) { return fold(row[0]); });
    var state = { q: "", selected: {} };
    var shown = PAGE;

    root.textContent = "";
    var notice = el("p", { "class": "capi-explorer__notice", role: "status" });
    var form = el("form", { "class": "capi-explorer__form", role: "search",
      "aria-label": "Filtres de l'explorateur" });
    var textLabel = el("label", { "for": "capi-explorer-q" }, "Mots du titre");
    var text = el("input", { type: "search", id: "capi-explorer-q", name: "q",
      autocomplete: "off", maxlength: "200" });
    form.appendChild(textLabel);
    form.appendChild(text);
    // on a phone the facets fold behind one button that tells how many filters are active
    var toggle = el("button", { type: "button", "class": "md-button capi-explorer__toggle",
      "aria-expanded": "false", "aria-controls": "capi-explorer-filters" }, "Filtres");
    var filters = el("div", { "class": "capi-explorer__filters", id: "capi-explorer-filters" });
    form.appendChild(toggle);
    form.appendChild(filters);
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      filters.classList.toggle("capi-explorer__filters--open", open);
    });
    var groups = {};
    facets.forEach(function (facet) {
      var box = el("fieldset", { "class": "capi-explorer__facet" });
      box.appendChild(el("legend", {}, facet.label));
      var list = el("ul", {});
      facet.values.forEach(function (value, index) {
        var id = "capi-f-" + facet.key + "-" + index;
        var item = el("li", {});
        var input = el("input", { type: "checkbox", id: id, name: facet.key, value: value });
        var label = el("label", { "for": id });
        label.appendChild(document.createTextNode(facet.labels[index] + " "));
        var count = el("span", { "class": "capi-explorer__count" });
        label.appendChild(count);
        item.appendChild(input);
        item.appendChild(label);
        list.appendChild(item);
        input.addEventListener("change", function () { update(true); });
        groups[facet.key + "\u0000" + index] = { input: input, count: count, item: item };
      });
      box.appendChild(list);
      filters.appendChild(box);
    });
    var reset = el("button", { type: "button", "class": "md-button" }, "Tout effacer");
    filters.appendChild(reset);
    var status = el("p", { "class": "capi-explorer__status", role: "status",
      "aria-live": "polite", id: "capi-explorer-status" });
    var results = el("ol", { "class": "capi-explorer__results",
      "aria-describedby": "capi-explorer-status" });
    var more = el("button", { type: "button", "class": "md-button" }, "Afficher plus");
    root.appendChild(notice);
    root.appendChild(form);
    root.appendChild(status);
    root.appendChild(results);
    root.appendChild(more);

    function selectedOf(key) {
      var out = [];
      facets.forEach(function (facet) {
        if (facet.key !== key) return;
        facet.values.forEach(function (_, i) {
          if (groups[key + "\u0000" + i].input.checked) out.push(i);
        });
      });
      return out;
    }

    function matchesFacet(row, key, chosen) {
      if (!chosen.length) return true;
      var cell = row[COLUMN[key]];
      if (Array.isArray(cell)) return chosen.some(function (i) { return cell.indexOf(i) >= 0; });
      return chosen.indexOf(cell) >= 0;
    }

    function matchesText(index, words) {
      return words.every(function (w) { return folded[index].indexOf(w) >= 0; });
    }

    function update(push) {
      var words = fold(text.value).split(/[\s'’-]+/).filter(Boolean);
      var chosen = {};
      facets.forEach(function (f) { chosen[f.key] = selectedOf(f.key); });
      var hits = [];
      var counts = {};
      for (var n = 0; n < items.length; n++) {
        var row = items[n];
        if (!matchesText(n, words)) continue;
        var failing = null;
        var fails = 0;
        for (var k = 0; k < facets.length; k++) {
          var key = facets[k].key;
          if (!matchesFacet(row, key, chosen[key])) { fails++; failing = key; }
        }
        if (fails === 0) hits.push(n);
        // a value's count: entries matching every other facet (standard faceted search)
        for (var j = 0; j < facets.length; j++) {
          var fk = facets[j].key;
          if (fails === 0 || (fails === 1 && failing === fk)) {
            var cell = row[COLUMN[fk]];
            (Array.isArray(cell) ? cell : [cell]).forEach(function (v) {
              if (v >= 0) counts[fk + "\u0000" + v] = (counts[fk + "\u0000" + v] || 0) + 1;
            });
          }
        }
      }
      Object.keys(groups).forEach(function (id) {
        var c = counts[id] || 0;
        groups[id].count.textContent = "(" + c + ")";
        groups[id].item.classList.toggle("capi-explorer__empty", c === 0 &&
          !groups[id].input.checked);
      });
      var active = Object.keys(groups).filter(function (id) {
        return groups[id].input.checked;
      }).length;
      toggle.textContent = "Filtres" + (active ? " (" + active + (active > 1 ? " actifs)" :
        " actif)") : "");
      render(hits);
      if (push) saveState(chosen);
    }

    function render(hits) {
      results.textContent = "";
      hits.slice(0, shown).forEach(function (n) {
        var row = items[n];
        var li = el("li", {});
        li.appendChild(el("a", { href: base + data.folders[row[1][0]] + row[1][1] }, row[0]));
        li.appendChild(el("span", { "class": "capi-explorer__type" },
          " — " + facets[0].labels[row[2]]));
        results.appendChild(li);
      });
      status.textContent = hits.length === 0 ? "Aucune fiche ne correspond à ces filtres." :
        hits.length + (hits.length > 1 ? " fiches correspondent" : " fiche correspond") +
        (hits.length > shown ? " ; les " + shown + " premières sont affichées." : ".");
      more.hidden = hits.length <= shown;
    }

    function saveState(chosen) {
      var params = new URLSearchParams();
      if (text.value.trim()) params.set("q", text.value.trim());
      facets.forEach(function (f) {
        chosen[f.key].forEach(function (i) { params.append(f.key, f.values[i]); });
      });
      var query = params.toString();
      var url = window.location.pathname + (query ? "?" + query : "");
      if (url !== window.location.pathname + window.location.search) {
        try { window.history.pushState(null, "", url); } catch (e) { /* file:// may refuse */ }
      }
    }

    function loadState() {
      var params = new URLSearchParams(window.location.search);
      var unknown = [];
      text.value = params.get("q") || "";
      Object.keys(groups).forEach(function (id) { groups[id].input.checked = false; });
      params.forEach(function (value, key) {
        if (key === "q") return;
        var facet = facets.filter(function (f) { return f.key === key; })[0];
        var index = facet ? facet.values.indexOf(value) : -1;
        if (index < 0) unknown.push(key + "=" + value);
        else groups[key + "\u0000" + index].input.checked = true;
      });
      notice.textContent = unknown.length ? "Filtres inconnus ignorés : " +
        unknown.join(", ") + "." : "";
      shown = PAGE;
      update(false);
    }

    text.addEventListener("input", function () { shown = PAGE; update(true); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    reset.addEventListener("click", function () {
      text.value = "";
      Object.keys(groups).forEach(function (id) { groups[id].input.checked = false; });
      shown = PAGE;
      update(true);
      text.focus();
    });
    more.addEventListener("click", function () {
      shown += PAGE;
      update(false);
      var links = results.querySelectorAll("a");
      if (links[shown - PAGE]) links[shown - PAGE].focus();
    });
    window.addEventListener("popstate", loadState);
    loadState();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
