#!/usr/bin/env python3
"""The reference a data analyst would write: the generated actuals joined with the node list,
each indicator's attainment against its target, and the weighted means up the tree to the body's
score. Used by `benches/scale/run` only.

The node list is either `nodes.csv`, pre-exported by `scale_inputs` (the script then never reads
the plan), or made here from the plan itself, read with Python's own TOML reader (`--plan`): the
same job from the same files as `cruscotto score`, without its checks.

Usage: pandas_score.py NODES_CSV ACTUALS_CSV YEAR
       pandas_score.py --plan PLAN_TOML ACTUALS_CSV YEAR
"""
import re
import sys
import tomllib

try:
    import numpy as np
    import pandas as pd
except ImportError:
    sys.exit("pandas is missing: install it with `pip install pandas` to compare against it")


# The key that names a node's parent, by the node's table.
PARENT_KEYS = {
    "mission": None,
    "strategic-objective": "mission",
    "program": "strategic-objective",
    "operational-objective": "program",
    "indicator": "objective",
}
NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)?")


def nodes_of_plan(plan_path, year):
    """The node list of `nodes.csv`, from the plan: the target is the number in the plan year's
    target text (`≥ 85%` is 85, `> 1,2` is 1.2)."""
    with open(plan_path, "rb") as file:
        plan = tomllib.load(file)
    rows = []
    for table, parent_key in PARENT_KEYS.items():
        for node in plan.get(table, []):
            target = None
            text = node.get("targets", {}).get(str(year))
            if text is not None:
                number = NUMBER.search(str(text))
                target = float(number.group().replace(",", ".")) if number else None
            polarity = node.get("polarity", "increase") if table == "indicator" else None
            parent = node.get(parent_key) if parent_key else None
            rows.append((node["id"], parent, node.get("weight", 1), target, polarity))
    return pd.DataFrame(rows, columns=["id", "parent", "weight", "target", "polarity"])


def main(nodes_path, actuals_path, year, from_plan=False):
    if from_plan:
        nodes = nodes_of_plan(nodes_path, year)
    else:
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
    args = sys.argv[1:]
    from_plan = args[:1] == ["--plan"]
    if from_plan:
        args = args[1:]
    if len(args) != 3:
        sys.exit(__doc__)
    main(args[0], args[1], int(args[2]), from_plan)
