"""The relationship map: entities as nodes, co-mention in a sentence as weighted edges.

Made from the store's ties (sentences that name two entities) and the collect stage's counts. The browser draws it with
Cytoscape.js from `site/data/graph.json`; for readers without scripts (and
for print) the map page also carries a static SVG, laid out here with a
plain force-directed pass (Fruchterman–Reingold) that starts from fixed ring
positions and uses no randomness, so the picture is the same on every build.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .model import Entity

WIDTH, HEIGHT = 960.0, 720.0
MARGIN = 60.0
# The map draws the most connected entities and the strongest ties between them: beyond this a
# picture says nothing more, the layout's cost grows with the square of the nodes, and the page
# would outgrow a phone. Every tie is still on the two entities' own pages.
MAX_NODES = 120
MAX_EDGES = 600


@dataclass(frozen=True)
class MapNode:
    entity: Entity
    articles: int  # how many articles mention it
    degree: int  # summed weight of its edges
    x: float = 0.0
    y: float = 0.0

    @property
    def key(self) -> str:
        return f"{self.entity.type}:{self.entity.id}"

    @property
    def radius(self) -> float:
        return round(6 + 4 * math.sqrt(self.articles), 1)


@dataclass(frozen=True)
class MapEdge:
    a: Entity
    b: Entity
    weight: int  # sentences that name both


@dataclass(frozen=True)
class RelationshipMap:
    nodes: list[MapNode]  # most connected first, at most MAX_NODES
    edges: list[MapEdge]  # strongest first, between drawn nodes, at most MAX_EDGES
    total_nodes: int = 0  # entities with at least one tie
    total_edges: int = 0  # all ties

    def to_json(self, url_of) -> dict:
        """The data for Cytoscape.js: `url_of(entity)` gives a site-relative page URL."""
        return {
            "nodes": [{"id": n.key, "label": n.entity.name, "type": n.entity.type, "url": url_of(n.entity),
                       "articles": n.articles, "degree": n.degree, "x": n.x, "y": n.y} for n in self.nodes],
            "edges": [{"source": f"{e.a.type}:{e.a.id}", "target": f"{e.b.type}:{e.b.id}", "weight": e.weight}
                      for e in self.edges],
        }


def relationship_map(entities: dict, ties: list[tuple[str, str, int]]) -> RelationshipMap:
    """The strongest pairs of entities named together in a sentence, and the entities in them.

    `entities`: {id: EntitySummary} (`builder.collect`); `ties`: (a, b, sentences naming both).
    """
    mentioned = {eid: s for eid, s in entities.items() if s.mentions}
    edges = [MapEdge(mentioned[a].entity, mentioned[b].entity, n) for a, b, n in ties
             if n > 0 and a in mentioned and b in mentioned]
    edges.sort(key=lambda e: (-e.weight, e.a.name.casefold(), e.b.name.casefold(), e.a.id, e.b.id))
    degree = {eid: 0 for eid in mentioned}
    for e in edges:
        degree[e.a.id] += e.weight
        degree[e.b.id] += e.weight
    mentioned = {eid: s for eid, s in mentioned.items() if degree[eid]}  # a map of ties: no islands
    order = sorted(mentioned, key=lambda eid: (-degree[eid], -mentioned[eid].articles,
                                               mentioned[eid].entity.name.casefold(), eid))
    drawn = set(order[:MAX_NODES])
    shown = [e for e in edges if e.a.id in drawn and e.b.id in drawn][:MAX_EDGES]
    linked = {eid for e in shown for eid in (e.a.id, e.b.id)}
    order = [eid for eid in order if eid in linked]
    positions = _layout(order, [(e.a.id, e.b.id, e.weight) for e in shown])
    nodes = [MapNode(mentioned[eid].entity, mentioned[eid].articles, degree[eid], *positions[eid]) for eid in order]
    return RelationshipMap(nodes, shown, total_nodes=len(mentioned), total_edges=len(edges))


def _layout(order: list[str], edges: list[tuple[str, str, int]], iterations: int = 300) -> dict[str, tuple]:
    """Force-directed positions in the WIDTH x HEIGHT box, rounded to 0.1 so output bytes repeat."""
    if not order:
        return {}
    # Start on rings: the most connected in the middle, six, then twelve, ... around it.
    pos: dict[str, list[float]] = {}
    ring, slot, capacity = 0, 0, 1
    for eid in order:
        if slot == capacity:
            ring, slot, capacity = ring + 1, 0, 6 * (ring + 1)
        angle = 2 * math.pi * slot / capacity + ring * 0.5
        pos[eid] = [ring * 90.0 * math.cos(angle), ring * 90.0 * math.sin(angle)]
        slot += 1
    area = WIDTH * HEIGHT
    k = math.sqrt(area / len(order)) * 0.6
    temperature = WIDTH / 10
    # Plain float lists indexed by position in `order`: the same arithmetic, in the same order, as
    # dictionaries of [x, y] pairs, several times faster (it is the map's whole cost).
    n = len(order)
    index = {eid: i for i, eid in enumerate(order)}
    xs = [pos[eid][0] for eid in order]
    ys = [pos[eid][1] for eid in order]
    links = [(index[a], index[b], 1 + math.log(weight)) for a, b, weight in edges]
    k2 = k * k
    hypot = math.hypot
    for _ in range(iterations):
        sx = [0.0] * n
        sy = [0.0] * n
        for i in range(n):
            xi, yi = xs[i], ys[i]
            for j in range(i + 1, n):
                dx, dy = xi - xs[j], yi - ys[j]
                dist = hypot(dx, dy) or 0.01
                force = k2 / dist
                fx, fy = dx / dist * force, dy / dist * force
                sx[i] += fx
                sy[i] += fy
                sx[j] -= fx
                sy[j] -= fy
        for a, b, strength in links:
            dx, dy = xs[a] - xs[b], ys[a] - ys[b]
            dist = hypot(dx, dy) or 0.01
            force = dist * dist / k * strength
            fx, fy = dx / dist * force, dy / dist * force
            sx[a] -= fx
            sy[a] -= fy
            sx[b] += fx
            sy[b] += fy
        for i in range(n):
            # A weak pull to the centre keeps unconnected nodes on the canvas.
            sx[i] -= xs[i] * 0.02 * k / 10
            sy[i] -= ys[i] * 0.02 * k / 10
            dx, dy = sx[i], sy[i]
            length = hypot(dx, dy) or 0.01
            step_length = min(length, temperature)
            xs[i] += dx / length * step_length
            ys[i] += dy / length * step_length
        temperature = max(1.0, temperature * 0.97)
    pos = {eid: [xs[i], ys[i]] for i, eid in enumerate(order)}
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0
    scale = min((WIDTH - 2 * MARGIN) / span_x, (HEIGHT - 2 * MARGIN) / span_y)
    return {eid: (round(MARGIN + (p[0] - min(xs)) * scale, 1), round(MARGIN + (p[1] - min(ys)) * scale, 1))
            for eid, p in pos.items()}

