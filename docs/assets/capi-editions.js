/* The editions selector of the header, in Material's own markup (.md-version, as its mike
   selector), filled from window.capiEditions: the list « capi publish --edition » writes in
   editions.js next to each edition's home (macros/outputs/editions.py). Read from a script
   and not fetched, so it also works from file://. Pages built without an edition (make
   serve, make build) have no list: nothing is drawn. */
(function () {
  "use strict";
  var data = window.capiEditions;
  var topic = document.querySelector(".md-header__topic");
  var config = document.getElementById("__config");
  if (!data || !topic || !config || document.querySelector(".md-version")) return;
  var base = JSON.parse(config.textContent).base || ".";
  var top = base.replace(/\/?$/, "/") + data.racine; // from this page to the root edition

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text) node.textContent = text;
    return node;
  }

  var box = el("div", { "class": "md-version capi-editions" });
  box.appendChild(el("button", {
    "class": "md-version__current",
    "type": "button",
    "aria-label": "Édition " + data.actuelle + " : choisir une autre édition"
  }, data.actuelle));
  var list = el("ul", { "class": "md-version__list" });
  data.liste.forEach(function (item) {
    var entry = el("li", { "class": "md-version__item" });
    var attrs = { "class": "md-version__link", "href": top + item.chemin };
    if (item.nom === data.actuelle) attrs["aria-current"] = "true";
    entry.appendChild(el("a", attrs, "Édition " + item.nom));
    list.appendChild(entry);
  });
  var compare = el("li", { "class": "md-version__item" });
  compare.appendChild(el("a", {
    "class": "md-version__link",
    "href": top + data.comparaison
  }, "Comparer les éditions"));
  list.appendChild(compare);
  box.appendChild(list);
  topic.appendChild(box);
})();
