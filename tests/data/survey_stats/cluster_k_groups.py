#!/usr/bin/python3
"""Reference values for the cluster-robust comparison of k >= 3 groups of pooled ratings
(tests/group_tests_test.cpp and tests/survey_comparison_test.cpp), from statsmodels (Debian 12's
python3-statsmodels 0.13), run with /usr/bin/python3; cluster_k_groups_output.txt keeps the output.

The model: OLS of rating on C(group) with the first group as the reference (treatment coding),
standard errors clustered by respondent (cov_type="cluster", use_t=True: the CR1 factor and t
with G - 1 df). Per contrast, group j minus the reference; jointly, the Wald test that every
contrast is zero, as f_test reports it: F with (k - 1, G - 1) df.
"""
import csv
import json
import os

import numpy as np
import pandas as pd
import statsmodels.formula.api as smf


def fit(groups, names):
    rows = []
    for name, respondents in zip(names, groups):
        for i, ratings in enumerate(respondents):
            for v in ratings:
                rows.append({"rating": float(v), "group": name, "respondent": name + str(i)})
    df = pd.DataFrame(rows)
    formula = "rating ~ C(group, Treatment(reference=%r))" % names[0]
    res = smf.ols(formula, data=df).fit(
        cov_type="cluster", cov_kwds={"groups": pd.factorize(df["respondent"])[0]}, use_t=True)
    return res, formula


def report(label, groups, names):
    res, formula = fit(groups, names)
    ci = res.conf_int()
    for name in names[1:]:
        term = "C(group, Treatment(reference=%r))[T.%s]" % (names[0], name)
        print(label, "contrast", name, "-", names[0], "diff", repr(res.params[term]),
              "se", repr(res.bse[term]), "t", repr(res.tvalues[term]),
              "p", repr(res.pvalues[term]), "ci", repr(ci.loc[term, 0]), repr(ci.loc[term, 1]))
    k = len(names)
    r = np.zeros((k - 1, k))
    for j in range(1, k):
        r[j - 1, j] = 1.0  # the contrasts, in the order of names (patsy sorts the levels)
    terms = ["Intercept"] + ["C(group, Treatment(reference=%r))[T.%s]" % (names[0], n)
                             for n in names[1:]]
    order = [list(res.params.index).index(t) for t in terms]
    r_model = np.zeros((k - 1, len(res.params)))
    for j in range(1, k):
        r_model[j - 1, order[j]] = 1.0
    f = res.f_test(r_model)
    print(label, "wald f", repr(float(np.squeeze(f.fvalue))), "df", repr(float(f.df_num)),
          repr(float(f.df_denom)), "p", repr(float(f.pvalue)),
          "ratings", int(res.nobs), "clusters", len(set(sum(
              [[n + str(i) for i in range(len(g))] for n, g in zip(names, groups)], []))))


# Three groups of respondents, each rating 2-5 items.
a = [[4, 5, 4], [3, 4, 4, 5], [5, 5, 4, 4, 5], [2, 3, 3], [4, 4, 5, 3]]
b = [[3, 3, 2], [4, 3, 3, 4], [2, 2, 3], [3, 4, 2, 3, 3], [4, 4, 3], [3, 2, 2, 3]]
c = [[3, 4], [4, 4, 3], [2, 3, 3, 3], [5, 4, 4], [3, 3, 4, 2]]
report("small", [a, b, c], ["a", "b", "c"])

# The demo survey (guides/data/demo-pl-standards.csv) as Convene imports it: every Likert rating
# by school level, reverse-scored items flipped; then the communities construct's ratings only.
here = os.path.dirname(os.path.abspath(__file__))
data_dir = os.path.join(here, "..", "..", "..", "guides", "data")
inst = json.load(open(os.path.join(data_dir, "pl-standards.instrument.json")))
labels = inst["scales"][0]["labels"]
by_text = {i["text"]: i for i in inst["items"] if i["type"] == "likert"}
levels = ["elementary", "middle", "high"]
communities = next(c["items"] for c in inst["constructs"] if c["id"] == "communities")
every, comm = {L: [] for L in levels}, {L: [] for L in levels}
with open(os.path.join(data_dir, "demo-pl-standards.csv"), newline="") as f:
    for rec in csv.DictReader(f):
        scores = {}
        for text, item in by_text.items():
            v = rec.get(text, "")
            if v in labels:
                n = labels.index(v) + 1
                scores[item["id"]] = 6 - n if item.get("reverse") else n
        level = rec["School level"]
        if level not in levels:
            continue
        if scores:
            every[level].append(list(scores.values()))
        if all(i in scores for i in communities):  # a construct needs every item answered
            comm[level].append([scores[i] for i in communities])
report("demo all", [every[L] for L in levels], levels)
report("demo communities", [comm[L] for L in levels], levels)
