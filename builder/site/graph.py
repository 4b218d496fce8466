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
from typing import Callable

from builder.model import Entity

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


Layout = Callable[[list[str], list[tuple[str, str, int]]], dict[str, tuple]]


def relationship_map(entities: dict, ties: list[tuple[str, str, int]], layout: Layout | None = None) -> RelationshipMap:
    """The strongest pairs of entities named together in a sentence, and the entities in them.

    `entities`: {id: EntitySummary} (`builder.site.collect`); `ties`: (a, b, sentences naming both);
    `layout`: places the drawn nodes, `force_layout` or what gives the same positions.
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
    positions = (layout or force_layout)(order, [(e.a.id, e.b.id, e.weight) for e in shown])
    nodes = [MapNode(mentioned[eid].entity, mentioned[eid].articles, degree[eid], *positions[eid]) for eid in order]
    return RelationshipMap(nodes, shown, total_nodes=len(mentioned), total_edges=len(edges))


def force_layout(order: list[str], edges: list[tuple[str, str, int]], iterations: int = 300) -> dict[str, tuple]:
    """Force-directed positions in the WIDTH x HEIGHT box, rounded to 0.1 so output bytes repeat.

    Every pair of nodes repels (k²/d) and every tie attracts (d²/k, stronger for heavier ties), the
    moves capped by a temperature that cools each round. The rounds are NumPy array operations over
    all pairs at once: in plain Python this layout was the largest cost of a rebuild.
    """
    if not order:
        return {}
    import numpy as np  # here, not at the top: a rebuild that finds its layout remembered never needs it

    n = len(order)
    # Start on rings: the most connected in the middle, six, then twelve, ... around it.
    start = np.zeros((n, 2))
    ring, slot, capacity = 0, 0, 1
    for i in range(n):
        if slot == capacity:
            ring, slot, capacity = ring + 1, 0, 6 * (ring + 1)
        angle = 2 * math.pi * slot / capacity + ring * 0.5
        start[i] = (ring * 90.0 * math.cos(angle), ring * 90.0 * math.sin(angle))
        slot += 1
    k = math.sqrt(WIDTH * HEIGHT / n) * 0.6
    index = {eid: i for i, eid in enumerate(order)}
    a = np.array([index[x] for x, _, _ in edges], dtype=np.int64)
    b = np.array([index[y] for _, y, _ in edges], dtype=np.int64)
    strength = np.array([1 + math.log(w) for _, _, w in edges])
    x, y = start[:, 0].copy(), start[:, 1].copy()
    k2 = k * k
    centre = 0.02 * k / 10  # a weak pull to the centre keeps unconnected nodes on the canvas
    temperature = WIDTH / 10
    diagonal = np.eye(n, dtype=bool)
    for _ in range(iterations):
        dx = x[:, None] - x[None, :]  # i minus j, for every pair
        dy = y[:, None] - y[None, :]
        d2 = dx * dx + dy * dy
        d2[diagonal] = np.inf  # a node does not push itself
        np.maximum(d2, 0.0001, out=d2)
        push = k2 / d2  # k²/d along the unit vector: (dx, dy) · k²/d²
        sx = (dx * push).sum(axis=1) - x * centre
        sy = (dy * push).sum(axis=1) - y * centre
        if len(edges):
            ex, ey = x[a] - x[b], y[a] - y[b]
            pull = np.sqrt(ex * ex + ey * ey) / k * strength  # d²/k · strength along the unit vector
            np.add.at(sx, a, -ex * pull)
            np.add.at(sy, a, -ey * pull)
            np.add.at(sx, b, ex * pull)
            np.add.at(sy, b, ey * pull)
        length = np.maximum(np.sqrt(sx * sx + sy * sy), 0.01)
        step = np.minimum(length, temperature) / length
        x += sx * step
        y += sy * step
        temperature = max(1.0, temperature * 0.97)
    pos = np.stack([x, y], axis=1)
    low, high = pos.min(axis=0), pos.max(axis=0)
    span = np.where(high - low > 0, high - low, 1.0)
    scale = min((WIDTH - 2 * MARGIN) / span[0], (HEIGHT - 2 * MARGIN) / span[1])
    placed = MARGIN + (pos - low) * scale
    return {eid: (round(float(x), 1), round(float(y), 1)) for eid, (x, y) in zip(order, placed.tolist(), strict=True)}
