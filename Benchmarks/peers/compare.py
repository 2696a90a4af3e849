#!/usr/bin/env python3
"""Cross-checks `integraph analyze --format json` against networkx (and igraph, when
installed) on generated landscapes: betweenness of every system, articulation points,
bridges, cycles (strongly connected components of more than one system), orphan systems and
flows per system; and, recomputed here from docs/analyses.md with networkx's components and
topological sort, each pilot's work (data lineage with `derives`, which this script adds to
some systems, and the three precedence rules) and its schedule (finish-to-finish for work
under way). Exits 1 on the first disagreement. Run by hand, not by CI:

    swift build -c release --product integraph
    python3 Benchmarks/peers/compare.py --systems 300 --seeds 1,2,3

The checks recompute each definition from the model file alone, so they exercise model
writing and reading as well as the algorithms.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

import networkx as nx


def run(binary, *arguments):
    return subprocess.run([binary, *arguments], check=True, capture_output=True, text=True).stdout


def check(name, ours, theirs):
    if ours != theirs:
        print(f"MISMATCH {name}:\n  integraph: {ours}\n  peer:      {theirs}")
        sys.exit(1)
    print(f"ok {name}")


def compare(binary, systems, seed, directory):
    model_path = os.path.join(directory, f"landscape-{systems}-{seed}.json")
    run(binary, "generate", "--systems", str(systems), "--seed", str(seed), "-o", model_path)
    with open(model_path) as handle:
        model = json.load(handle)
    add_derives(model, seed)
    with open(model_path, "w") as handle:
        json.dump(model, handle)
    analysis = json.loads(run(binary, "analyze", model_path, "--format", "json", "--samples", "200"))
    ids = [system["id"] for system in model["systems"]]
    flows = [(flow["from"], flow["to"]) for flow in model["flows"]]

    directed = nx.DiGraph()
    directed.add_nodes_from(ids)
    directed.add_edges_from(flows)
    bottlenecks = {entry["id"]: entry for entry in analysis["bottlenecks"]["systems"]}
    peer = nx.betweenness_centrality(directed, normalized=False)
    worst = max(abs(bottlenecks[node]["betweenness"] - peer[node]) for node in ids)
    check(f"betweenness (seed {seed}, largest difference {worst:.2e})", worst < 1e-3, True)

    undirected = nx.MultiGraph()
    undirected.add_nodes_from(ids)
    undirected.add_edges_from(flows)
    simple = nx.Graph(undirected)
    check(f"articulation points (seed {seed})",
          sorted(node for node in ids if bottlenecks[node]["articulationPoint"]),
          sorted(nx.articulation_points(simple)))
    multiplicity = collections.Counter(frozenset(edge) for edge in flows)
    peer_bridges = {frozenset(edge) for edge in nx.bridges(simple) if multiplicity[frozenset(edge)] == 1}
    flow_entries = {entry["id"]: entry for entry in analysis["bottlenecks"]["flows"]}
    ours_bridges = {frozenset((a, b)) for (a, b) in flows if flow_entries[f"{a}->{b}"]["bridge"]}
    check(f"bridges (seed {seed})", ours_bridges, peer_bridges)

    peer_cycles = sorted(sorted(component) for component in nx.strongly_connected_components(directed) if len(component) > 1)
    check(f"cycles (seed {seed})", analysis["sprawl"]["cycles"], peer_cycles)
    needed = {need if isinstance(need, str) else need["system"] for pilot in model["pilots"] for need in pilot.get("needs", [])}
    peer_orphans = sorted(node for node in ids if directed.degree(node) == 0 and node not in needed)
    check(f"orphan systems (seed {seed})", analysis["sprawl"]["orphanSystems"], peer_orphans)
    check(f"flows per system (seed {seed})", round(analysis["sprawl"]["flowsPerSystem"], 4), round(len(flows) / len(ids), 4))
    compare_schedules(model, analysis, seed)


def expected_days(effort):
    if isinstance(effort, dict):
        return (effort["optimistic"] + 4 * effort["likely"] + effort["pessimistic"]) / 6
    return float(effort or 0)


def add_derives(model, seed):
    """Gives every seventh system a `derives` rule over the generator's labels."""
    labels = sorted({label for flow in model["flows"] for label in flow.get("data", [])})
    for number, system in enumerate(model["systems"]):
        if number % 7 == seed % 7 and labels:
            made = labels[(number * 3) % len(labels)]
            system["derives"] = {made: [labels[(number * 5 + k) % len(labels)] for k in range(number % 3)]}


def lineage(model, pilot):
    """The demand walk of docs/analyses.md, iterated to its fixed point; None is *all*."""
    derives = {system["id"]: system.get("derives", {}) for system in model["systems"]}
    flows = model["flows"]
    demand, systems, lineage_flows = {}, set(), set()

    def add(labels, system):
        systems.add(system)
        old = demand.get(system, "absent")
        if old == "absent":
            demand[system] = None if labels is None else set(labels)
        elif old is not None:
            demand[system] = None if labels is None else old | set(labels)
        return demand[system] != old

    for need in pilot.get("needs", []):
        system, data = (need, None) if isinstance(need, str) else (need["system"], need.get("data") or None)
        add(data, system)
    by_id = {flow_id(flow): flow for flow in flows}
    for reference in pilot.get("flows", []):
        flow = by_id[reference]
        lineage_flows.add(reference)
        systems.add(flow["to"])
        add(flow.get("data") or None, flow["from"])
    changed = True
    while changed:
        changed = False
        for system, wanted in list(demand.items()):
            translated = None if wanted is None else {l for label in wanted for l in derives[system].get(label, [label])}
            for flow in flows:
                if flow["to"] != system:
                    continue
                data = flow.get("data") or []
                if translated is None:
                    passed = set(data) if data else None
                elif not translated:
                    continue
                elif not data:
                    passed = translated
                else:
                    passed = translated & set(data)
                    if not passed:
                        continue
                if flow_id(flow) not in lineage_flows:
                    lineage_flows.add(flow_id(flow))
                    changed = True
                changed |= add(passed, flow["from"])
    return systems, lineage_flows


def flow_id(flow):
    return flow.get("id", f"{flow['from']}->{flow['to']}")


def precedence(model):
    """Pending items with their efforts, the items under way, and the precedence graph."""
    graph = nx.DiGraph()
    graph.add_nodes_from(system["id"] for system in model["systems"])
    graph.add_edges_from((flow["from"], flow["to"]) for flow in model["flows"])
    component = {node: number for number, members in enumerate(nx.strongly_connected_components(graph)) for node in members}
    planned = {system["id"] for system in model["systems"] if system.get("status") == "planned"}
    pending_flows = [flow for flow in model["flows"] if flow.get("status", "live") != "live"]
    items = {system["id"]: expected_days(system.get("effort")) for system in model["systems"] if system["id"] in planned}
    items.update({flow_id(flow): expected_days(flow.get("effort")) for flow in pending_flows})
    items.update({gate["id"]: expected_days(gate.get("effort")) for gate in model.get("gates", [])
                  if gate.get("status", "pending") != "approved"})
    order = nx.DiGraph()
    order.add_nodes_from(items)
    for entity in model["systems"] + model["flows"] + model.get("gates", []):
        name = entity.get("id") or flow_id(entity)
        for before in entity.get("after", []):
            if name in items and before in items:
                order.add_edge(before, name)
    derives = {system["id"]: system.get("derives", {}) for system in model["systems"]}
    for flow in pending_flows:
        for end in (flow["from"], flow["to"]):
            if end in planned:
                order.add_edge(end, flow_id(flow))
    for g in pending_flows:
        for f in pending_flows:
            if g["to"] != f["from"] or component[g["from"]] == component[f["to"]]:
                continue
            wanted = {l for label in f.get("data", []) for l in derives[f["from"]].get(label, [label])} if f.get("data") else None
            if wanted is None or (wanted and (not g.get("data") or wanted & set(g["data"]))):
                order.add_edge(flow_id(g), flow_id(f))
    started = {flow_id(flow) for flow in pending_flows if flow.get("status") == "in-progress"}
    return items, started, order


def compare_schedules(model, analysis, seed):
    items, started, order = precedence(model)
    reported = {pilot["id"]: pilot for pilot in analysis["pilots"]}
    for pilot in model["pilots"]:
        systems, flows = lineage(model, pilot)
        seeds = {item for item in items if item in systems or item in flows}
        seeds |= {item for item in pilot.get("after", []) + pilot.get("flows", []) if item in items}
        work = set(seeds)
        for item in seeds:
            work |= nx.ancestors(order, item)
        ours = reported[pilot["id"]]
        check(f"work of {pilot['id']} (seed {seed}, {len(work)} items)", sorted(w["id"] for w in ours["work"]), sorted(work))
        finish, latest = {}, {}
        sub = order.subgraph(work)
        for item in nx.topological_sort(sub):
            before = max((finish[p] for p in sub.predecessors(item)), default=0.0)
            finish[item] = max(items[item], before) if item in started else before + items[item]
        end = max(finish.values(), default=0.0)
        for item in reversed(list(nx.topological_sort(sub))):
            bound = [latest[s] if s in started else latest[s] - items[s] for s in sub.successors(item)]
            latest[item] = min(bound, default=end)
        duration = end + expected_days(pilot.get("effort"))
        check(f"duration of {pilot['id']} (seed {seed})", round(ours["duration"], 6), round(duration, 6))
        worst = max((abs(w["earliestFinish"] - finish[w["id"]]) + abs(w["latestFinish"] - latest[w["id"]]) for w in ours["work"]),
                    default=0.0)
        check(f"earliest and latest finishes of {pilot['id']} (seed {seed})", worst < 1e-6, True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--systems", type=int, default=300)
    parser.add_argument("--seeds", default="1,2,3")
    parser.add_argument("--binary", default=".build/release/integraph")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        for seed in options.seeds.split(","):
            compare(options.binary, options.systems, int(seed), directory)
    print("all checks agree")


if __name__ == "__main__":
    main()
