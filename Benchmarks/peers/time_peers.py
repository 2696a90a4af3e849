#!/usr/bin/env python3
"""Times Integraph's graph algorithms against networkx, igraph and rustworkx on the same
generated flow graphs, and prints a side-by-side Markdown table with ratios.

Run by hand, not by CI (it needs the peers installed: pip install networkx igraph rustworkx):

    swift build -c release --product integraph-benchmarks
    .build/release/integraph-benchmarks --systems 1000,10000 --export /tmp/integraph-bench
    python3 Benchmarks/peers/time_peers.py /tmp/integraph-bench

Every library computes the same things: strongly connected components; articulation points
and bridges of the undirected graph; dominators from node 0; exact, directed, unnormalised
betweenness. Timings are wall-clock seconds of one run in this process; Integraph's come
from its benchmark binary's --edges mode, so process start-up is not counted for anyone.
"""
import glob
import json
import os
import subprocess
import sys
import time


def load(path):
    with open(path) as handle:
        n = int(handle.readline())
        edges = [tuple(map(int, line.split())) for line in handle if line.strip()]
    return n, edges


def timed(function):
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def networkx_times(n, edges):
    import networkx as nx
    graph = nx.DiGraph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from(edges)
    undirected = nx.MultiGraph()
    undirected.add_nodes_from(range(n))
    undirected.add_edges_from(edges)
    simple_undirected = nx.Graph(undirected)
    return {
        "scc": timed(lambda: list(nx.strongly_connected_components(graph))),
        # networkx's bridges need a simple graph; parallel flows are never bridges anyway.
        "articulation_and_bridges": timed(lambda: (list(nx.articulation_points(simple_undirected)),
                                                   list(nx.bridges(simple_undirected)))),
        "dominators": timed(lambda: nx.immediate_dominators(graph, 0)),
        "betweenness": timed(lambda: nx.betweenness_centrality(graph, normalized=False)),
    }


def igraph_times(n, edges):
    import igraph
    graph = igraph.Graph(n=n, edges=edges, directed=True)
    graph.simplify()
    undirected = igraph.Graph(n=n, edges=edges, directed=False)
    return {
        "scc": timed(lambda: graph.connected_components(mode="strong")),
        "articulation_and_bridges": timed(lambda: (undirected.articulation_points(), undirected.bridges())),
        "dominators": timed(lambda: graph.dominator(0)),
        "betweenness": timed(lambda: graph.betweenness(directed=True)),
    }


def rustworkx_times(n, edges):
    import rustworkx as rx
    graph = rx.PyDiGraph(multigraph=False)
    graph.add_nodes_from(range(n))
    graph.add_edges_from_no_data(edges)
    undirected = rx.PyGraph(multigraph=False)
    undirected.add_nodes_from(range(n))
    undirected.add_edges_from_no_data(edges)
    return {
        "scc": timed(lambda: rx.strongly_connected_components(graph)),
        "articulation_and_bridges": timed(lambda: (rx.articulation_points(undirected), rx.bridges(undirected))),
        "dominators": timed(lambda: rx.immediate_dominators(graph, 0)),
        "betweenness": timed(lambda: rx.digraph_betweenness_centrality(graph, normalized=False)),
    }


def integraph_times(binary, path):
    output = subprocess.run([binary, "--edges", path], check=True, capture_output=True, text=True).stdout
    return json.loads(output)


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else "/tmp/integraph-bench"
    binary = os.environ.get("INTEGRAPH_BENCHMARKS", ".build/release/integraph-benchmarks")
    peers = {"networkx": networkx_times, "igraph": igraph_times, "rustworkx": rustworkx_times}
    print("| systems | flows | algorithm | integraph | " + " | ".join(f"{name} (ratio)" for name in peers) + " |")
    print("|---:|---:|---|---:|" + "---:|" * len(peers))
    for path in sorted(glob.glob(os.path.join(directory, "edges-*.txt")), key=lambda p: int(p.split("-")[-1][:-4])):
        n, edges = load(path)
        ours = integraph_times(binary, path)
        theirs = {}
        for name, function in peers.items():
            if name == "networkx" and n > 20_000:
                theirs[name] = None  # pure Python betweenness on 100k nodes takes hours
                continue
            try:
                theirs[name] = function(n, edges)
            except ImportError:
                theirs[name] = None
        for algorithm in ["scc", "articulation_and_bridges", "dominators", "betweenness"]:
            cells = []
            for name in peers:
                if theirs[name] is None:
                    cells.append("–")
                else:
                    seconds = theirs[name][algorithm]
                    cells.append(f"{seconds:.4f} s ({seconds / max(ours[algorithm], 1e-9):.1f}×)")
            print(f"| {n} | {len(edges)} | {algorithm} | {ours[algorithm]:.4f} s | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
