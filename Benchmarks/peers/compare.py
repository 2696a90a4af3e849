#!/usr/bin/env python3
"""Cross-checks `integraph analyze --format json` against networkx (and igraph, when
installed) on generated landscapes: betweenness of every system, articulation points,
bridges, cycles (strongly connected components of more than one system), orphan systems and
flows per system. Exits 1 on the first disagreement. Run by hand, not by CI:

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
    analysis = json.loads(run(binary, "analyze", model_path, "--format", "json", "--samples", "200"))
    with open(model_path) as handle:
        model = json.load(handle)
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
