/* Territory comparison (page /territoires/comparer/): the reader chooses the territories
 * shown side by side. State in the URL (?t=slug1,slug2), kept by the back button.
 * Without this script the full table is shown. Plain JavaScript, works from file://.
 */
(function () {
  "use strict";

  function slugOf(anchor) {
    var parts = anchor.pathname.split("/").filter(function (p) {
      return p && p !== "index.html";
    });
    return parts.length ? decodeURIComponent(parts[parts.length - 1]) : "";
  }

  function territories(table) {
    var heads = table.querySelectorAll("thead th");
    var out = [];
    for (var i = 1; i < heads.length; i++) {
      var a = heads[i].querySelector("a");
      out.push({ slug: a ? slugOf(a) : "", label: heads[i].textContent.trim() });
    }
    return out;
  }

  function fromUrl(all) {
    var match = /[?&]t=([^&#]*)/.exec(window.location.search);
    if (!match) return all.slice();
    var wanted = decodeURIComponent(match[1]).split(",");
    var chosen = all.filter(function (s) { return wanted.indexOf(s) >= 0; });
    return chosen.length ? chosen : all.slice();
  }

  function apply(tables, order, chosen) {
    tables.forEach(function (table) {
      var rows = table.querySelectorAll("tr");
      for (var r = 0; r < rows.length; r++) {
        var cells = rows[r].children;
        for (var c = 1; c < cells.length; c++) {
          cells[c].hidden = chosen.indexOf(order[c - 1]) < 0;
        }
      }
    });
  }

  function init() {
    var box = document.getElementById("capi-compare-choice");
    var tables = Array.prototype.slice.call(document.querySelectorAll(".capi-compare table"));
    if (!box || !tables.length) return;
    var list = territories(tables[0]);
    var order = list.map(function (t) { return t.slug; });
    var fieldset = document.createElement("fieldset");
    var legend = document.createElement("legend");
    legend.textContent = "Territoires comparés";
    fieldset.appendChild(legend);
    var boxes = list.map(function (t) {
      var label = document.createElement("label");
      var input = document.createElement("input");
      input.type = "checkbox";
      input.value = t.slug;
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + t.label));
      fieldset.appendChild(label);
      return input;
    });
    var all = document.createElement("button");
    all.type = "button";
    all.textContent = "Tous les territoires";
    fieldset.appendChild(all);
    box.appendChild(fieldset);

    function show(chosen) {
      boxes.forEach(function (b) { b.checked = chosen.indexOf(b.value) >= 0; });
      apply(tables, order, chosen);
    }

    function choose(chosen) {
      var query = chosen.length === order.length ? "" : "?t=" + chosen.join(",");
      try {
        window.history.pushState(null, "", window.location.pathname + query);
      } catch (e) { /* some file:// contexts refuse: the view still changes */ }
      show(chosen);
    }

    boxes.forEach(function (b) {
      b.addEventListener("change", function () {
        var chosen = boxes.filter(function (x) { return x.checked; }).map(function (x) {
          return x.value;
        });
        if (!chosen.length) { b.checked = true; return; }  // never an empty table
        choose(chosen);
      });
    });
    all.addEventListener("click", function () { choose(order.slice()); });
    window.addEventListener("popstate", function () { show(fromUrl(order)); });
    show(fromUrl(order));
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
