#!/usr/bin/env python3
"""The reference a data analyst would write: the generated actuals joined with the node list
(`nodes.csv`, pre-exported by `scale_inputs`), each indicator's attainment against its target,
and the weighted means up the tree to the body's score. Used by `benches/scale/run` only.

Usage: pandas_score.py NODES_CSV ACTUALS_CSV YEAR
"""
import sys

try:
    import numpy as np
    import pandas as pd
except ImportError:
    sys.exit("pandas is missing: install it with `pip install pandas` to compare against it")


def main(nodes_path, actuals_path, year):
    nodes = pd.read_csv(nodes_path, dtype={"id": str, "parent": str})
    actuals = pd.read_csv(actuals_path, sep=";", decimal=",", dtype={"indicatore": str})
    actuals = actuals[actuals["anno"] == year]

    # How deep each node is, from its parent's depth: missions are at depth 0.
    depth = pd.Series(np.where(nodes["parent"].isna(), 0, -1), index=nodes["id"])
    parents = nodes.set_index("id")["parent"]
    while (depth < 0).any():
        unknown = depth[depth < 0].index
        parent_depth = depth.reindex(parents[unknown]).to_numpy()
        known = parent_depth >= 0
        depth[unknown[known]] = parent_depth[known] + 1
    nodes["depth"] = depth.to_numpy()

    indicators = nodes[nodes["target"].notna()].merge(actuals, left_on="id", right_on="indicatore")
    ratio = np.where(
        indicators["polarity"] == "decrease",
        indicators["target"] / indicators["valore"],
        indicators["valore"] / indicators["target"],
    )
    attainment = pd.Series(np.minimum(ratio, 1.0) * 100, index=indicators["id"].to_numpy())

    for level in range(int(nodes["depth"].max()), 0, -1):
        children = nodes[nodes["depth"] == level]
        children = children.assign(attainment=attainment.reindex(children["id"]).to_numpy()).dropna(
            subset=["attainment"]
        )
        weighted = (children["attainment"] * children["weight"]).groupby(children["parent"]).sum()
        means = weighted / children["weight"].groupby(children["parent"]).sum()
        attainment = pd.concat([attainment, means])
    missions = attainment.reindex(nodes.loc[nodes["depth"] == 0, "id"]).dropna()
    print(f"{len(indicators)} indicators scored; body {missions.mean():.2f}%")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
