#!/usr/bin/python3
"""Reference values for tests/group_tests_test.cpp, from SciPy and statsmodels (Debian 12's
python3-scipy 1.10 and python3-statsmodels 0.13), run with /usr/bin/python3. Every number the
test checks is printed here with repr, at full precision; reference_output.txt keeps the output.
"""
import numpy as np
from scipy import stats
import statsmodels.api as sm
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.oneway import anova_oneway

# Three school levels rating one construct (means of 1-5 items).
elementary = [3.2, 4.0, 3.6, 4.4, 3.8, 4.2, 3.0, 4.6, 3.4, 4.0]
middle = [2.8, 3.4, 3.0, 3.6, 2.6, 3.2, 3.8, 3.0]
high = [3.0, 2.2, 3.6, 2.4, 4.2, 2.0, 3.2, 2.8, 3.8, 2.6, 3.4]
groups = [elementary, middle, high]

f, p = stats.f_oneway(*groups)
print("anova f", repr(f), "p", repr(p))
allv = np.concatenate(groups)
grand = allv.mean()
ssb = sum(len(g) * (np.mean(g) - grand) ** 2 for g in groups)
ssw = sum(((np.array(g) - np.mean(g)) ** 2).sum() for g in groups)
msw = ssw / (len(allv) - 3)
print("eta2", repr(ssb / (ssb + ssw)), "omega2", repr((ssb - 2 * msw) / (ssb + ssw + msw)))

w = anova_oneway(groups, use_var="unequal", welch_correction=True)
print("welch f", repr(w.statistic), "df", repr(w.df), "p", repr(w.pvalue))

h, p = stats.kruskal(*groups)
print("kruskal h", repr(h), "p", repr(p))

pairs = [(0, 1), (0, 2), (1, 2)]
raw = [stats.ttest_ind(groups[a], groups[b], equal_var=False).pvalue for a, b in pairs]
print("pairwise welch p", [repr(x) for x in raw])
print("holm", [repr(x) for x in multipletests(raw, method="holm")[1]])
print("holm textbook", [repr(x) for x in multipletests([0.01, 0.04, 0.03, 0.005], method="holm")[1]])

table = [[25, 13], [25, 37]]
chi2, p, dof, expected = stats.chi2_contingency(table, correction=False)
print("chi2", repr(chi2), "p", repr(p), "dof", dof, "expected", expected.tolist())
print("cramer v", repr(np.sqrt(chi2 / (np.sum(table) * 1))))
table3 = [[12, 5, 9], [7, 14, 6], [3, 8, 16]]
chi2, p, dof, expected = stats.chi2_contingency(table3, correction=False)
print("chi2 3x3", repr(chi2), "p", repr(p), "dof", dof)
print("cramer v 3x3", repr(np.sqrt(chi2 / (np.sum(table3) * 2))))

print("fisher tea", stats.fisher_exact([[3, 1], [1, 3]]))
print("fisher tea greater", repr(stats.fisher_exact([[3, 1], [1, 3]], alternative="greater")[1]))
print("fisher kvec", [repr(x) for x in stats.fisher_exact(table)])
print("fisher kvec less", repr(stats.fisher_exact(table, alternative="less")[1]))
print("fisher small", [repr(x) for x in stats.fisher_exact([[7, 2], [1, 9]])])
# Thousands of respondents (the bench survey's size), and tables whose observed count sits above
# the mode, at an edge, and at the mode.
for t in ([[2600, 2400], [1700, 3300]], [[2540, 2460], [2460, 2540]], [[1700, 3300], [2600, 2400]], [[0, 40], [25, 35]],
          [[12, 8], [10, 10]]):
    print("fisher", t, [repr(x) for x in stats.fisher_exact(t)],
          repr(stats.fisher_exact(t, alternative="less")[1]),
          repr(stats.fisher_exact(t, alternative="greater")[1]))

# Cluster-robust: respondents (clusters) each rating 3-5 items.
a = [[4, 5, 4], [3, 4, 4, 5], [5, 5, 4, 4, 5], [2, 3, 3], [4, 4, 5, 3]]
b = [[3, 3, 2], [4, 3, 3, 4], [2, 2, 3], [3, 4, 2, 3, 3], [4, 4, 3], [3, 2, 2, 3]]
y, x, g = [], [], []
for i, r in enumerate(a):
    y += r; x += [1] * len(r); g += [i] * len(r)
for i, r in enumerate(b):
    y += r; x += [0] * len(r); g += [100 + i] * len(r)
X = sm.add_constant(np.array(x, dtype=float))
fit = sm.OLS(np.array(y, dtype=float), X).fit(cov_type="cluster", cov_kwds={"groups": np.array(g)},
                                              use_t=True)
print("cluster diff", repr(fit.params[1]), "se", repr(fit.bse[1]), "t", repr(fit.tvalues[1]),
      "p", repr(fit.pvalues[1]), "df", repr(fit.df_resid_inference),
      "ci", [repr(v) for v in fit.conf_int()[1]])

# The demo survey (guides/data/demo-pl-standards.csv, 100 teachers) as Convene imports it:
# answers by their label on the 1-5 scale, reverse-scored items flipped, empty cells missing.
import csv, json, os
here = os.path.dirname(os.path.abspath(__file__))
data_dir = os.path.join(here, "..", "..", "..", "guides", "data")
inst = json.load(open(os.path.join(data_dir, "pl-standards.instrument.json")))
labels = inst["scales"][0]["labels"]
by_text = {i["text"]: i for i in inst["items"] if i["type"] == "likert"}
rows = []
with open(os.path.join(data_dir, "demo-pl-standards.csv"), newline="") as f:
    for rec in csv.DictReader(f):
        scores = {}
        for text, item in by_text.items():
            v = rec.get(text, "")
            if v in labels:
                n = labels.index(v) + 1
                scores[item["id"]] = 6 - n if item.get("reverse") else n
        rows.append((rec["School level"], rec["Professional-learning format"], scores))


def construct_score(scores, cid):
    items = next(c["items"] for c in inst["constructs"] if c["id"] == cid)
    if any(i not in scores for i in items):
        return None
    return sum(scores[i] for i in items) / len(items)


levels = ["elementary", "middle", "high"]
demo = [[s for lvl, _, sc in rows if lvl == L for s in [construct_score(sc, "communities")]
         if s is not None] for L in levels]
print("demo communities n", [len(g) for g in demo],
      "in groups", [sum(1 for lvl, _, _ in rows if lvl == L) for L in levels])
print("demo anova", repr(stats.f_oneway(*demo).statistic), repr(stats.f_oneway(*demo).pvalue))
w = anova_oneway(demo, use_var="unequal", welch_correction=True)
print("demo welch", repr(w.statistic), repr(w.df[1]), repr(w.pvalue))
print("demo kruskal", repr(stats.kruskal(*demo).statistic), repr(stats.kruskal(*demo).pvalue))
raw = [stats.ttest_ind(demo[a], demo[b], equal_var=False).pvalue for a, b in pairs]
print("demo holm", [repr(x) for x in multipletests(raw, method="holm")[1]])

# All Likert ratings pooled by professional-learning format, respondents as clusters.
y, x, g = [], [], []
for i, (_, fmt, sc) in enumerate(rows):
    if fmt not in ("micro-credential", "other"):
        continue
    for v in sc.values():
        y.append(v); x.append(1 if fmt == "micro-credential" else 0); g.append(i)
fit = sm.OLS(np.array(y, dtype=float), sm.add_constant(np.array(x, dtype=float))).fit(
    cov_type="cluster", cov_kwds={"groups": np.array(g)}, use_t=True)
print("demo pooled ratings", len(y), "diff", repr(fit.params[1]), "se", repr(fit.bse[1]),
      "p", repr(fit.pvalues[1]), "df", repr(fit.df_resid_inference))

# Years of experience by professional-learning format in the demo survey (KVEC's Table 3).
exp_by_fmt = {}
with open(os.path.join(data_dir, "demo-pl-standards.csv"), newline="") as f:
    for rec in csv.DictReader(f):
        key = (rec["Years of experience"], rec["Professional-learning format"])
        exp_by_fmt[key] = exp_by_fmt.get(key, 0) + 1
t3 = [[exp_by_fmt.get((e, fm), 0) for fm in ("micro-credential", "other")]
      for e in ("10 or fewer", "more than 10")]
chi2, p, dof, _ = stats.chi2_contingency(t3, correction=False)
print("demo experience table", t3, "chi2", repr(chi2), "p", repr(p),
      "fisher p", repr(stats.fisher_exact(t3)[1]))

# Answer shares of one item as a survey service reports them (percent of those who answered).
ans = [sc["lc.regular_time"] for _, _, sc in rows if "lc.regular_time" in sc]
print("demo lc.regular_time n", len(ans), "percent",
      [repr(100 * ans.count(v) / len(ans)) for v in range(1, 6)],
      "agree", repr(100 * sum(1 for v in ans if v >= 4) / len(ans)),
      "disagree", repr(100 * sum(1 for v in ans if v <= 2) / len(ans)))

# Complete responses: every Likert item answered (pl-standards has no number items).
print("demo complete respondents", sum(1 for _, _, sc in rows if len(sc) == len(by_text)),
      "of", len(rows))
