/* The relationship map, drawn by Cytoscape.js (vendored in static/vendor/) from data/graph.json.
 * Without scripts the page shows the same graph as a still SVG and a list of ties. */
(function () {
  "use strict";
  var root = document.body.getAttribute("data-root") || "./";
  var canvas = document.getElementById("map-canvas");
  if (!canvas || typeof window.cytoscape !== "function") return;

  function cssVar(name, fallback) {
    var value = window.getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return value || fallback;
  }

  // Cytoscape adds an inline <style> unless an element with this id exists; the CSP would block it,
  // and style.css already gives the container `position: relative`.
  if (!document.getElementById("__________cytoscape_stylesheet")) {
    var marker = document.createElement("meta");
    marker.id = "__________cytoscape_stylesheet";
    document.head.appendChild(marker);
  }

  fetch(root + "data/graph.json")
    .then(function (r) { if (!r.ok) throw new Error("graph.json: " + r.status); return r.json(); })
    .then(function (graph) {
      canvas.hidden = false;
      document.getElementById("map-help").hidden = false;
      document.querySelector(".map-frame").classList.add("interactive");
      var maxWeight = graph.edges.reduce(function (m, e) { return Math.max(m, e.weight); }, 1);
      var elements = graph.nodes.map(function (n) {
        return { group: "nodes", data: { id: n.id, label: n.label, type: n.type, url: n.url, size: 14 + 8 * Math.sqrt(n.articles) },
                 position: { x: n.x, y: n.y } };
      }).concat(graph.edges.map(function (e, i) {
        return { group: "edges", data: { id: "e" + i, source: e.source, target: e.target, weight: e.weight,
                                         width: 1 + 7 * e.weight / maxWeight } };
      }));
      var colours = {};
      ["person", "mechanism", "organisation", "place"].forEach(function (t) { colours[t] = cssVar("--" + t, "#555"); });
      var cy = window.cytoscape({
        container: canvas,
        elements: elements,
        layout: { name: "cose", randomize: false, animate: false, fit: true, padding: 30, numIter: 2000,
                  nodeRepulsion: function () { return 120000; }, idealEdgeLength: function () { return 80; },
                  nodeOverlap: 40, componentSpacing: 60, gravity: 60, nestingFactor: 1.2 },
        minZoom: 0.2,
        maxZoom: 4,
        style: [
          { selector: "node", style: {
            "background-color": function (n) { return colours[n.data("type")] || "#555"; },
            "width": "data(size)", "height": "data(size)", "label": "data(label)",
            "font-size": 13, "font-family": "system-ui, sans-serif", "color": cssVar("--fg", "#1d1d1f"),
            "text-valign": "bottom", "text-margin-y": 4, "text-wrap": "ellipsis", "text-max-width": 150, "min-zoomed-font-size": 8,
            "text-background-color": cssVar("--bg", "#fdfcf9"), "text-background-opacity": 0.8, "text-background-padding": 1 } },
          { selector: "edge", style: {
            "width": "data(width)", "line-color": cssVar("--rule", "#d9d6cf"), "curve-style": "haystack", "opacity": 0.9 } },
          { selector: "node:selected, node.hover", style: { "border-width": 3, "border-color": cssVar("--focus", "#1a73e8") } },
          { selector: "edge.hover", style: { "line-color": cssVar("--accent", "#8a1c1c") } }
        ]
      });
      cy.on("mouseover", "node", function (ev) { ev.target.addClass("hover"); ev.target.connectedEdges().addClass("hover"); canvas.classList.add("pointing"); });
      cy.on("mouseout", "node", function (ev) { ev.target.removeClass("hover"); ev.target.connectedEdges().removeClass("hover"); canvas.classList.remove("pointing"); });
      cy.on("tap", "node", function (ev) { window.location.href = root + ev.target.data("url"); });
      canvas.setAttribute("data-ready", String(cy.nodes().length));
    })
    .catch(function () {
      canvas.hidden = true;  // the still picture and the list of ties stay
    });
})();
