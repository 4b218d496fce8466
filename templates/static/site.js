/* The archive's pages: link preview cards and the timeline filter.
 * Progressive enhancement only: every link, list and page works without this file.
 * No inline scripts or styles anywhere (the Content-Security-Policy forbids them);
 * text is inserted with textContent, never as HTML. */
(function () {
  "use strict";
  var root = document.body.getAttribute("data-root") || "./";

  /* ---- link previews ------------------------------------------------------------------- */
  // Cards come from data/previews/: entities.json (every entity), fetched once, and
  // dates/<article>.json (one article's dates), fetched when one of its dates is first shown,
  // with date-counts.json (how many articles have each date value), fetched once.
  var loaded = {};
  var entities = null;
  var dates = {};
  var dateCounts = {};
  function fetchJSON(path) {
    if (!loaded[path]) {
      loaded[path] = fetch(root + path)
        .then(function (r) { return r.ok ? r.json() : null; })
        .catch(function () { return null; });
    }
    return loaded[path];
  }
  function dateAnchor(link) {
    // A date links to its timeline entry, `#t-<article>-d<n>` (the article's n-th date).
    var fragment = (link.getAttribute("href") || "").split("#")[1] || "";
    var m = /^t-(.+)-d[0-9]+$/.exec(fragment);
    return m ? { article: m[1], anchor: fragment } : null;
  }
  function loadPreview(link) {
    if (link.hasAttribute("data-entity")) {
      return fetchJSON("data/previews/entities.json").then(function (d) { entities = d && d.entities; });
    }
    var where = dateAnchor(link);
    if (!where || !/^[a-z0-9-]+$/.test(where.article)) return Promise.resolve();
    return Promise.all([fetchJSON("data/previews/dates/" + where.article + ".json"),
                        fetchJSON("data/previews/date-counts.json")]).then(function (found) {
      dates[where.article] = found[0];
      dateCounts = found[1] || {};
    });
  }

  var card = null;
  var current = null;
  var showTimer = 0;
  var hideTimer = 0;
  var lastPointer = "mouse";

  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function ensureCard() {
    if (card) return card;
    card = make("div", "preview-card");
    card.id = "preview-card";
    card.setAttribute("role", "tooltip");
    card.hidden = true;
    card.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    card.addEventListener("mouseleave", scheduleHide);
    document.body.appendChild(card);
    return card;
  }

  function previewFor(link) {
    var id = link.getAttribute("data-entity");
    if (id) {
      var e = entities && entities[id];
      return e ? { kind: "entity", data: e } : null;
    }
    if (link.classList.contains("date")) {
      var where = dateAnchor(link);
      var d = where && dates[where.article] && dates[where.article][where.anchor];
      return d ? { kind: "date", data: d } : null;
    }
    return null;
  }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function fillEntity(e, link) {
    var kind = { person: "Person", mechanism: "Mechanism", organisation: "Organisation", place: "Place" }[e.type] || e.type;
    card.appendChild(make("p", "preview-kind", kind));
    var name = make("p", "preview-name", e.name);
    if (e.lang) name.lang = e.lang;
    card.appendChild(name);
    if (e.titles && e.titles.length) card.appendChild(make("p", "preview-titles", e.titles.join("; ")));
    if (e.summary) card.appendChild(make("p", "preview-summary", e.summary));
    var facts = plural(e.articles, "article") + ", " + plural(e.mentions, "mention");
    if (e.first) facts += e.first === e.last ? " · " + e.first : " · " + e.first + " – " + e.last;
    card.appendChild(make("p", "preview-facts", facts));
    addOpen(link, "Open the page");
  }

  function fillDate(d, link) {
    card.appendChild(make("p", "preview-kind", d.scheduled ? "Date · scheduled" : "Date"));
    card.appendChild(make("p", "preview-name", d.label));
    card.appendChild(make("p", "preview-facts", d.iso + (d.relative ? " · resolved from the publication date" : "")));
    card.appendChild(make("p", "preview-summary", d.sentence));
    var others = (dateCounts[d.iso] || 1) - 1;  // the article itself is one of them
    if (others > 0) {
      card.appendChild(make("p", "preview-facts", "Also on the timeline for this date: " + plural(others, "other article")));
    }
    addOpen(link, "Open on the timeline");
  }

  function addOpen(link, label) {
    var open = make("a", "preview-open", label + " →");
    open.href = link.href;
    card.appendChild(open);
  }

  function show(link) {
    var p = previewFor(link);
    if (!p) return;
    ensureCard();
    if (current && current !== link) current.removeAttribute("aria-describedby");
    current = link;
    card.textContent = "";
    card.className = "preview-card " + (p.kind === "date" ? "date" : p.data.type);
    if (p.kind === "date") fillDate(p.data, link); else fillEntity(p.data, link);
    link.setAttribute("aria-describedby", card.id);
    card.hidden = false;
    place(link);
  }

  function place(link) {
    var r = link.getClientRects()[0] || link.getBoundingClientRect();
    var doc = document.documentElement;
    var width = card.offsetWidth;
    var left = Math.min(Math.max(8, r.left + window.scrollX), window.scrollX + doc.clientWidth - width - 8);
    var top = r.bottom + window.scrollY + 6;
    if (r.bottom + card.offsetHeight + 12 > doc.clientHeight && r.top > card.offsetHeight + 12) {
      top = r.top + window.scrollY - card.offsetHeight - 6;  // no room below: above the link
    }
    card.style.left = Math.max(8, left) + "px";
    card.style.top = top + "px";
  }

  function hide() {
    clearTimeout(showTimer);
    if (card) card.hidden = true;
    if (current) current.removeAttribute("aria-describedby");
    current = null;
  }

  function scheduleHide() {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 250);
  }

  function scheduleShow(link, delay) {
    clearTimeout(hideTimer);
    clearTimeout(showTimer);
    loadPreview(link).then(function () {
      showTimer = setTimeout(function () { show(link); }, delay);
    });
  }

  function previewLink(target) {
    var link = target && target.closest ? target.closest("a.mention") : null;
    if (!link || (!link.hasAttribute("data-entity") && !link.classList.contains("date"))) return null;
    if (link.closest(".preview-card")) return null;
    return link;
  }

  document.addEventListener("pointerdown", function (ev) { lastPointer = ev.pointerType || "mouse"; }, true);
  document.addEventListener("mouseover", function (ev) {
    var link = previewLink(ev.target);
    if (link && lastPointer !== "touch") scheduleShow(link, 300);
  });
  document.addEventListener("mouseout", function (ev) {
    var link = previewLink(ev.target);
    if (link && !(ev.relatedTarget && link.contains(ev.relatedTarget))) scheduleHide();
  });
  document.addEventListener("focusin", function (ev) {
    var link = previewLink(ev.target);
    if (link) scheduleShow(link, 0);
    else if (!(card && card.contains(ev.target))) hide();
  });
  document.addEventListener("focusout", function (ev) {
    if (previewLink(ev.target) && !(ev.relatedTarget && card && card.contains(ev.relatedTarget))) scheduleHide();
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && card && !card.hidden) hide();
  });
  // Touch: the first tap on a link shows its card (with a link to open the page), the second follows it.
  // A tap before the cards have arrived waits for them, then shows the card, or follows the link if
  // there is none.
  document.addEventListener("click", function (ev) {
    var link = previewLink(ev.target);
    if (!link) {
      if (card && !card.hidden && !card.contains(ev.target)) hide();
      return;
    }
    if (lastPointer !== "touch" || current === link) return;
    ev.preventDefault();
    if (previewFor(link)) { show(link); return; }
    loadPreview(link).then(function () {
      if (previewFor(link)) show(link); else window.location.assign(link.href);
    });
  });
  window.addEventListener("resize", function () { if (current && card && !card.hidden) place(current); });
  // Fetch early on pages with mentions, so the first card appears without a wait: the entities, and
  // the dates of the page's first dated article (on an article page, all of them).
  var firstEntity = document.querySelector("a.mention[data-entity]");
  var firstDate = document.querySelector("a.mention.date");
  if (firstEntity || firstDate) {
    var early = function () {
      if (firstEntity) loadPreview(firstEntity);
      if (firstDate) loadPreview(firstDate);
    };
    if ("requestIdleCallback" in window) window.requestIdleCallback(early); else setTimeout(early, 500);
  }

  /* ---- timeline filter --------------------------------------------------------------------- */
  var filter = document.getElementById("timeline-filter");
  if (filter) {
    var select = document.getElementById("timeline-entity");
    var count = document.getElementById("timeline-count");
    var empty = document.getElementById("timeline-empty");
    var entries = Array.prototype.slice.call(document.querySelectorAll("li.timeline-entry"));
    var apply = function () {
      var id = select.value;
      var shown = 0;
      entries.forEach(function (li) {
        var on = !id || (" " + li.getAttribute("data-entities") + " ").indexOf(" " + id + " ") >= 0;
        li.hidden = !on;
        if (on) shown += 1;
      });
      document.querySelectorAll(".timeline-month, .timeline-year").forEach(function (group) {
        group.hidden = !group.querySelector("li.timeline-entry:not([hidden])");
      });
      document.querySelectorAll(".year-jump li").forEach(function (li) {
        // Only a jump within this page can be left without entries; other years have pages of their own.
        var a = li.querySelector("a[href^='#']");
        var section = a && document.getElementById(a.getAttribute("href").slice(1));
        li.hidden = section ? section.closest(".timeline-year").hidden : false;
      });
      count.textContent = id ? shown + " of " + entries.length + " entries" : "";
      empty.hidden = shown > 0;
      var url = new URL(window.location.href);
      if (id) url.searchParams.set("entity", id); else url.searchParams.delete("entity");
      window.history.replaceState(null, "", url.pathname + url.search + url.hash);
    };
    filter.hidden = false;
    filter.addEventListener("submit", function (ev) { ev.preventDefault(); });
    select.addEventListener("change", apply);
    var wanted = new URLSearchParams(window.location.search).get("entity");
    if (wanted && select.querySelector("option[value='" + wanted.replace(/[^a-z0-9-]/g, "") + "']")) {
      select.value = wanted;
      apply();
    }
  }
})();
