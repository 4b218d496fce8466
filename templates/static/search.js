/* The search page: Pagefind's index (built by `python -m builder build`) queried in the browser.
 * The query is folded like builder.text.fold (no case, no diacritics, đ -> d), so `to lam`,
 * `To Lam` and `Tô Lâm` are one query; every page carries a folded copy of its names. */
(function () {
  "use strict";
  var root = document.body.getAttribute("data-root") || "./";
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var types = document.getElementById("search-types");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var pagefind = null;
  var serial = 0;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }

  function selectedType() {
    var checked = form.querySelector("input[name=type]:checked");
    return checked ? checked.value : "";
  }

  function excerptInto(parent, html) {
    // Pagefind's excerpt is escaped text with <mark>: keep the text and the marks, nothing else.
    var template = document.createElement("template");
    template.innerHTML = html;
    template.content.childNodes.forEach(function (node) {
      if (node.nodeType === 3) parent.appendChild(document.createTextNode(node.textContent));
      else if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        parent.appendChild(mark);
      } else parent.appendChild(document.createTextNode(node.textContent));
    });
  }

  function render(results, query) {
    list.textContent = "";
    results.forEach(function (d) {
      var type = (d.filters && d.filters.type && d.filters.type[0]) || "page";
      var li = document.createElement("li");
      li.className = "search-result " + type;
      var kind = document.createElement("span");
      kind.className = "badge type-" + type;
      kind.textContent = type;
      var a = document.createElement("a");
      a.href = d.url;
      a.className = "result-title";
      a.textContent = (d.meta && d.meta.title) || d.url;
      var head = document.createElement("p");
      head.className = "result-head";
      head.appendChild(kind);
      head.appendChild(document.createTextNode(" "));
      head.appendChild(a);
      if (d.meta && d.meta.date) {
        var when = document.createElement("span");
        when.className = "meta";
        when.textContent = " " + d.meta.date;
        head.appendChild(when);
      }
      li.appendChild(head);
      var excerpt = document.createElement("p");
      excerpt.className = "result-excerpt";
      excerptInto(excerpt, d.excerpt || "");
      li.appendChild(excerpt);
      list.appendChild(li);
    });
    status.textContent = results.length ? results.length + " result" + (results.length === 1 ? "" : "s") + " for “" + query + "”"
      : "Nothing found for “" + query + "”. Try fewer words, or another spelling.";
  }

  function run() {
    var query = input.value.trim();
    var type = selectedType();
    var url = new URL(window.location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    if (type) url.searchParams.set("type", type); else url.searchParams.delete("type");
    window.history.replaceState(null, "", url.pathname + url.search);
    var mine = ++serial;
    if (!query) { list.textContent = ""; status.textContent = ""; return; }
    status.textContent = "Searching…";
    pagefind.search(fold(query), { filters: type ? { type: type } : {} })
      .then(function (found) { return Promise.all(found.results.slice(0, 25).map(function (r) { return r.data(); })); })
      .then(function (data) { if (mine === serial) render(data, query); })
      .catch(function () { status.textContent = "Search failed to load; browse the articles instead."; });
  }

  var timer = 0;
  function soon() { clearTimeout(timer); timer = setTimeout(run, 150); }

  var params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  var wantedType = params.get("type");
  if (wantedType) {
    var radio = form.querySelector("input[name=type][value='" + wantedType.replace(/[^a-z]/g, "") + "']");
    if (radio) radio.checked = true;
  }
  types.hidden = false;
  document.getElementById("search-nojs").hidden = true;  // shown only where this script does not run
  form.addEventListener("submit", function (ev) { ev.preventDefault(); run(); });
  input.addEventListener("input", soon);
  types.addEventListener("change", run);

  // The index is in bundles (builder/search.py): the entities' and one per publication year, listed in
  // pagefind/bundles.json; the first is loaded, the others merged into it, and searched as one.
  function bundleUrl(name) { return new URL(root + "pagefind/" + name + "/", document.baseURI); }
  var baseUrl = new URL(root, document.baseURI).pathname;
  fetch(new URL(root + "pagefind/bundles.json", document.baseURI).href)
    .then(function (r) { if (!r.ok) throw new Error("no index"); return r.json(); })
    .then(function (listing) {
      var names = (listing && listing.bundles) || [];
      if (!names.length) throw new Error("no index");
      return import(new URL("pagefind.js", bundleUrl(names[0])).href).then(function (module) {
        pagefind = module;
        return pagefind.options({ basePath: bundleUrl(names[0]).pathname, baseUrl: baseUrl });
      }).then(function () {
        pagefind.init();
        return Promise.all(names.slice(1).map(function (name) {
          return pagefind.mergeIndex(bundleUrl(name).pathname, { baseUrl: baseUrl });
        }));
      });
    }).then(function () {
      document.body.classList.add("search-ready");
      if (input.value) run();
    }).catch(function () {
      status.textContent = "The search index did not load. Browse the articles and the entity pages instead.";
    });
})();
