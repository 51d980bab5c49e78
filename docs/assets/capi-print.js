/* Printing a page: each link to another page of the site gets its public address (from the
   page's canonical address, so a page printed from the offline copy still gives the
   website's address) in data-capi-url, which the print stylesheet writes after the link
   (docs/assets/capi.css). Links to other sites and e-mail addresses need no script. */
(function () {
  "use strict";
  function addresses() {
    var canonical = document.querySelector('link[rel="canonical"]');
    if (!canonical) return;
    document.querySelectorAll(".md-content a[href]").forEach(function (link) {
      var href = link.getAttribute("href");
      if (/^(#|[a-z][a-z0-9+.-]*:|\/\/)/i.test(href)) return;  /* same page, other site, e-mail */
      link.setAttribute("data-capi-url", new URL(href, canonical.href).href);
    });
  }
  if (typeof document$ !== "undefined") {
    document$.subscribe(addresses);
  } else {
    addresses();
  }
})();
