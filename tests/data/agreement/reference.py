#!/usr/bin/python3
"""Reference values for tests/agreement_test.cpp, computed straight from the definitions.

Independent of the C++ code: plain Python with exact fractions, no statistics package.
Run with `/usr/bin/python3 reference.py > reference_output.txt`. Where python3-statsmodels
is installed, Cohen's and Fleiss' kappa are also checked against statsmodels.

Sources of the definitions:
- Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and
  Psychological Measurement, 20(1), 37-46: kappa = (po - pe) / (1 - pe).
- Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological
  Bulletin, 76(5), 378-382: p_j, P_i, P-bar, P-bar_e, kappa.
- Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability. Annenberg School for
  Communication, University of Pennsylvania, departmental paper 43: coincidence matrix o_ck,
  alpha = 1 - (n - 1) * sum o_ck delta2_ck / sum n_c n_k delta2_ck.
"""
from fractions import Fraction as F

# ---------------------------------------------------------------------------------------------
# Krippendorff's alpha


def coincidences(units):
    """units: list of rows, one entry per coder, None for missing. Returns (o, n_c, n)."""
    o = {}
    for row in units:
        values = [v for v in row if v is not None]
        m = len(values)
        if m < 2:
            continue  # not pairable
        for i, c in enumerate(values):
            for j, k in enumerate(values):
                if i != j:
                    o[(c, k)] = o.get((c, k), F(0)) + F(1, m - 1)
    n_c = {}
    for (c, _k), w in o.items():
        n_c[c] = n_c.get(c, F(0)) + w
    return o, n_c, sum(n_c.values(), F(0))


def delta2(metric, c, k, n_c):
    if metric == "nominal":
        return F(0) if c == k else F(1)
    if metric == "interval":
        return F((c - k) ** 2)
    if metric == "ordinal":
        lo, hi = min(c, k), max(c, k)
        between = sum((n for g, n in n_c.items() if lo <= g <= hi), F(0))
        return (between - (n_c[c] + n_c[k]) / 2) ** 2
    raise ValueError(metric)


def alpha(units, metric):
    o, n_c, n = coincidences(units)
    values = sorted(n_c)
    if len(values) < 2:
        return None  # D_e = 0: undefined
    num = sum((o.get((c, k), F(0)) * delta2(metric, c, k, n_c) for c in values for k in values),
              F(0))
    den = sum((n_c[c] * n_c[k] * delta2(metric, c, k, n_c) for c in values for k in values),
              F(0))
    return 1 - (n - 1) * num / den, o, n_c, n


# Krippendorff (2011), section C: four observers, twelve units, missing values (None).
K2011 = list(zip(
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
))

# Krippendorff (2011), section A: binary data, two observers, ten units, alpha = 0.095.
K2011_BINARY = list(zip(
    [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
    [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
))

# ---------------------------------------------------------------------------------------------
# Cohen's kappa


def cohen(pairs):
    n = len(pairs)
    cats = sorted({a for a, _ in pairs} | {b for _, b in pairs})
    po = F(sum(1 for a, b in pairs if a == b), n)
    pe = sum((F(sum(1 for a, _ in pairs if a == c), n) * F(sum(1 for _, b in pairs if b == c), n)
              for c in cats), F(0))
    return n, po, pe, (po - pe) / (1 - pe)


# Wikipedia, "Cohen's kappa", section "Simple example": 50 proposals, yes = 1, no = 0.
WIKI_COHEN = [(1, 1)] * 20 + [(1, 0)] * 5 + [(0, 1)] * 10 + [(0, 0)] * 15

# ---------------------------------------------------------------------------------------------
# Fleiss' kappa


def fleiss(counts):
    N = len(counts)
    m = sum(counts[0])
    assert all(sum(row) == m for row in counts)
    k = len(counts[0])
    p = [F(sum(row[j] for row in counts), N * m) for j in range(k)]
    P = [F(sum(x * (x - 1) for x in row), m * (m - 1)) for row in counts]
    P_bar = sum(P, F(0)) / N
    P_e = sum((pj * pj for pj in p), F(0))
    return p, P, P_bar, P_e, (P_bar - P_e) / (1 - P_e)


# Wikipedia, "Fleiss' kappa", section "Worked example": 10 subjects, 14 raters, 5 categories.
WIKI_FLEISS = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
]


def fmt(x):
    return "%.15g" % float(x)


def main():
    print("Krippendorff (2011) section C, 4 observers x 12 units with missing values")
    for metric in ("nominal", "ordinal", "interval"):
        a, o, n_c, n = alpha(K2011, metric)
        print("  alpha %-8s = %s  (exact %s)" % (metric, fmt(a), a))
    _a, o, n_c, n = alpha(K2011, "nominal")
    print("  n = %s, n_c = %s" % (n, {c: str(v) for c, v in sorted(n_c.items())}))
    for c in sorted(n_c):
        print("  o[%d] = %s" % (c, [str(o.get((c, k), F(0))) for k in sorted(n_c)]))
    a, o, n_c, n = alpha(K2011_BINARY, "nominal")
    print("Krippendorff (2011) section A, binary, 2 observers x 10 units")
    print("  alpha nominal  = %s  (exact %s)" % (fmt(a), a))

    n, po, pe, kappa = cohen(WIKI_COHEN)
    print("Cohen, Wikipedia simple example: n = %d, po = %s, pe = %s, kappa = %s"
          % (n, fmt(po), fmt(pe), fmt(kappa)))

    p, P, P_bar, P_e, kappa = fleiss(WIKI_FLEISS)
    print("Fleiss, Wikipedia worked example")
    print("  p_j   = %s" % [fmt(x) for x in p])
    print("  P_i   = %s" % [fmt(x) for x in P])
    print("  P_bar = %s, P_e = %s, kappa = %s" % (fmt(P_bar), fmt(P_e), fmt(kappa)))

    # tests/agreement_test.cpp's coding fixture, code "cost": ann and ben on answers a1-a3,
    # cleo alone on a4 (1 = applied, 0 = not applied, None = answer not coded by that coder).
    cost = [(1, 1, None), (0, 1, None), (1, 0, None), (None, None, 1)]
    n, po, pe, kappa = cohen([(a, b) for a, b, _c in cost[:3]])
    print("Coding fixture, code cost: Cohen ann/ben n = %d, po = %s, pe = %s, kappa = %s"
          % (n, po, pe, kappa))
    print("Coding fixture, code cost: nominal alpha = %s" % alpha(cost, "nominal")[0])

    try:
        from statsmodels.stats.inter_rater import cohens_kappa, fleiss_kappa
        import numpy as np
    except ImportError:
        print("statsmodels not installed: cross-check skipped")
        return
    table = np.array([[20, 5], [10, 15]])
    print("statsmodels cohens_kappa (Wikipedia table) = %s" % fmt(cohens_kappa(table).kappa))
    print("statsmodels fleiss_kappa (Wikipedia table) = %s"
          % fmt(fleiss_kappa(np.array(WIKI_FLEISS), method="fleiss")))


if __name__ == "__main__":
    main()
