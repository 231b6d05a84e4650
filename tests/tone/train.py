#!/usr/bin/env python3
"""train.py - the learned tone layer: a regularised multinomial logistic
model over what the rules read in a paragraph (src/themes/tone_features.c),
trained on the labelled sets here and written to templates/tone-model.csv,
which src/themes/tone_model.c applies, when cues.yaml names it (`model:`),
to every paragraph the rules do not decide alone (recommendations and
context sections stay theirs).

Plain python3, no numpy; deterministic (full-batch L-BFGS from zero). The
rows come from the agreement test (the rules as they are), or, with
--features FILE, from oof.py: the development rows read by the rules as
pruned for their fold, which is what the layer must be trained and judged
on (the rules as they are were tuned on those rows, and a layer trained on
what they read there only learns to trust them).

  tests/tone/train.py [--build DIR] cv [--sets 813|all] [options]
      cross-validation by authority (folds dealt as cv.py deals them): fit on
      four folds, score the fifth; pooled confusion matrix, per-fold figures,
      and the rules' own figure on the same rows.
  tests/tone/train.py ... select
      the grid of options below scored by cv over the 813 development rows
      (tone.csv, engineer-dev.csv, tone-fresh.csv); the one to ship is the
      best there, never chosen on tone-fresh2.csv.
  tests/tone/train.py ... heldout [options]
      fit on the 813 rows, score tone-fresh2.csv (200 rows labelled blind).
      The later blind sets (tone-fresh3.csv to tone-fresh5.csv) were scored by
      test_tone_agreement with the model frozen; `write` trains on them too.
  tests/tone/train.py ... write [options] [--out FILE]
      fit on every labelled row and write the model.

Options: --lam-s L (L2 on the rules' features, scaled to unit deviation),
--lam-w L (L2 on word features), --min-df N (a word or pair of words counts
when at least N training paragraphs hold it), --words none|all|shortfall.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cv  # noqa: E402  (folds by authority, as cv.py deals them)

CLASSES = ["strength", "concern", "mixed", "neutral"]
K = len(CLASSES)
DEV_SETS = {"dev", "test", "engineer", "fresh"}  # the 813 rows
BLIND = "fresh2"
MEASURE = cv.MEASURE  # the blind measure: never trained on

# Chosen by `select` on oof.py's rows (cross-validation over the 813 rows):
# every setting within 83.0-84.5%, words adding nothing beyond noise, so the
# simplest near the top (tests/tone/README.md, fourth round). With 2613 rows
# (`cv --sets all`, folds by authority) words added a little: every word and
# pair of words in 10 paragraphs at least, lam_w 0.3, with three features of
# the weaker side, 2255 (86.3%) against 2240 (85.7%) for these defaults; but
# scored once on tone-fresh10.csv that layer read 257 of 300 against these
# defaults' 259, so it was not shipped (tests/tone/README.md, fresh10). On
# 3213 rows words added nothing (2776 both); the layer was retrained with
# these defaults and scored 253 of 300 on tone-fresh12.csv (fresh12). On
# 3513 rows words added 3 (3028 against 3025), under the 10 required; the
# layer retrained with these defaults scored 270 of 300 on tone-fresh13.csv.
# On 5013 rows words added 13 (4349 against 4336, `cv --sets all`), so the
# layer retrained for the eighteenth blind set reads them, as decided
# before it was scored (tests/tone/preregistered.md); these are its options.
DEFAULTS = {"lam_s": 0.03, "lam_w": 0.3, "min_df": 10, "words": "all"}
GRID = (
    [{"lam_s": ls, "lam_w": 0.1, "min_df": 5, "words": "none"} for ls in (0.01, 0.03, 0.1)]
    + [{"lam_s": ls, "lam_w": lw, "min_df": df, "words": "shortfall"}
       for ls in (0.01, 0.03, 0.1) for lw in (0.03, 0.1, 0.3) for df in (5, 10)]
    + [{"lam_s": ls, "lam_w": lw, "min_df": 10, "words": "all"}
       for ls in (0.01, 0.03, 0.1) for lw in (0.03, 0.1, 0.3)]
)


def load(build, cues=""):
    """Rows: dict(id, set, auth, label, got, fixed, feats{name: value}), as
    the agreement test reads them with cues (templates/cues.yaml when empty)."""
    with tempfile.TemporaryDirectory() as tmp:
        dump, feats = os.path.join(tmp, "dump.tsv"), os.path.join(tmp, "feats.tsv")
        env = dict(os.environ, CSB_TONE_DUMP=dump, CSB_TONE_FEATURES=feats,
                   CSB_TONE_MISSES="none", CSB_TONE_CUES=cues)
        subprocess.run([os.path.join(build, "tests", "test_tone_agreement")], env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(dump) as f:
            meta = [line.rstrip("\n").split("\t") for line in f]
        with open(feats) as f:
            flines = [line.rstrip("\n").split("\t") for line in f]
    rows = []
    for m, fl in zip(meta, flines):
        assert m[0] == fl[0], (m[0], fl[0])
        feats = {}
        for kv in fl[2:]:
            k, v = kv.rsplit("=", 1)
            feats[k] = float(v)
        if m[1] in MEASURE:
            continue
        rows.append({"id": m[0], "set": m[1], "auth": m[2].split("-")[0], "label": m[3],
                     "got": m[4], "fixed": fl[1] == "1", "feats": feats})
    return rows


def rules_tone(r):
    if r["fixed"]:
        return r["got"]
    for c in CLASSES:
        if r["feats"].get("rules say " + c):
            return c
    return r["got"]


def is_word(name):
    return name.startswith("w: ") or name.startswith("shortfall w: ")


def vocabulary(rows, opt):
    """The features a model over rows may use, with their scales."""
    df, sums, sq = {}, {}, {}
    for r in rows:
        for k, v in r["feats"].items():
            df[k] = df.get(k, 0) + 1
            sums[k] = sums.get(k, 0.0) + v
            sq[k] = sq.get(k, 0.0) + v * v
    n = len(rows)
    names, scales = [], []
    for k in sorted(df):
        if k.startswith("rules say ") and not opt.get("verdict", True):
            continue
        if not is_word(k) and not k.startswith("rules say ") and not opt.get("structure", True):
            continue
        if is_word(k):
            if opt["words"] == "none" or df[k] < opt["min_df"]:
                continue
            if opt["words"] == "shortfall" and not k.startswith("shortfall w: "):
                continue
            scale = 1.0
        else:
            mean = sums[k] / n
            var = sq[k] / n - mean * mean
            if var <= 1e-12:
                continue
            scale = math.sqrt(var)
        names.append(k)
        scales.append(scale)
    return names, scales


def design(rows, names, scales):
    index = {k: i for i, k in enumerate(names)}
    X = []
    for r in rows:
        X.append(sorted((index[k], v / scales[index[k]]) for k, v in r["feats"].items()
                        if k in index))
    return X


def objective(w, X, y, lam):
    """Mean negative log-likelihood plus the L2 penalty, and its gradient.
    w: K biases, then K weights per feature."""
    n = len(X)
    g = [0.0] * len(w)
    loss = 0.0
    for xi, yi in zip(X, y):
        s = w[:K]
        s = [s[k] for k in range(K)]
        for j, v in xi:
            b = K + j * K
            for k in range(K):
                s[k] += w[b + k] * v
        top = max(s)
        e = [math.exp(t - top) for t in s]
        z = sum(e)
        loss += math.log(z) + top - s[yi]
        p = [t / z for t in e]
        p[yi] -= 1
        for k in range(K):
            g[k] += p[k]
        for j, v in xi:
            b = K + j * K
            for k in range(K):
                g[b + k] += p[k] * v
    loss /= n
    for i in range(len(g)):
        g[i] /= n
    for i in range(K, len(w)):
        loss += 0.5 * lam[i] * w[i] * w[i]
        g[i] += lam[i] * w[i]
    return loss, g


def dot(a, b):
    return sum(x * y for x, y in zip(a, b))


def lbfgs(f, w, iters=300, m=10, tol=1e-6):
    loss, g = f(w)
    hist = []
    for _ in range(iters):
        q = list(g)
        alphas = []
        for s, yv, rho in reversed(hist):
            a = rho * dot(s, q)
            alphas.append(a)
            q = [qi - a * yi for qi, yi in zip(q, yv)]
        if hist:
            s, yv, _ = hist[-1]
            gamma = dot(s, yv) / dot(yv, yv)
            q = [gamma * qi for qi in q]
        for (s, yv, rho), a in zip(hist, reversed(alphas)):
            b = rho * dot(yv, q)
            q = [qi + si * (a - b) for qi, si in zip(q, s)]
        d = [-qi for qi in q]
        slope = dot(g, d)
        if slope >= 0:
            d, slope, hist = [-gi for gi in g], -dot(g, g), []
        step = 1.0 if hist else 1.0 / max(1.0, math.sqrt(dot(g, g)))
        while True:
            w2 = [wi + step * di for wi, di in zip(w, d)]
            loss2, g2 = f(w2)
            if loss2 <= loss + 1e-4 * step * slope or step < 1e-10:
                break
            step /= 2
        s = [a - b for a, b in zip(w2, w)]
        yv = [a - b for a, b in zip(g2, g)]
        sy = dot(s, yv)
        if sy > 1e-12:
            hist.append((s, yv, 1.0 / sy))
            hist = hist[-m:]
        done = loss - loss2 < tol * max(1.0, abs(loss))
        w, loss, g = w2, loss2, g2
        if done:
            break
    return w


def fit(rows, opt):
    train = [r for r in rows if not r["fixed"]]
    names, scales = vocabulary(train, opt)
    X = design(train, names, scales)
    y = [CLASSES.index(r["label"]) for r in train]
    lam = [0.0] * K
    for k in names:
        lam += [opt["lam_w"] if is_word(k) else opt["lam_s"]] * K
    w = lbfgs(lambda v: objective(v, X, y, lam), [0.0] * (K * (len(names) + 1)))
    return {"names": names, "scales": scales, "w": w}


def predict(model, r):
    if r["fixed"]:
        return r["got"]
    w = model["w"]
    s = list(w[:K])
    for j, (k, sc) in enumerate(zip(model["names"], model["scales"])):
        v = r["feats"].get(k)
        if v:
            for c in range(K):
                s[c] += w[K + j * K + c] * v / sc
    return CLASSES[max(range(K), key=lambda c: s[c])]


def show(title, pairs):
    """The confusion matrix of (label, got) pairs, as cv.py prints it."""
    cv.matrix([(None, None, None, want, got) for want, got in pairs], title)


def crossval(rows, opt, folds, quiet=False):
    pairs, rules, per = [], [], []
    for k in range(cv.FOLDS):
        train = [r for r in rows if folds[r["auth"]] != k]
        held = [r for r in rows if folds[r["auth"]] == k]
        model = fit(train, opt)
        got = [(r["label"], predict(model, r)) for r in held]
        pairs += got
        rules += [(r["label"], rules_tone(r)) for r in held]
        per.append((sum(a == b for a, b in got), sum(r["label"] == rules_tone(r) for r in held),
                    len(held)))
    if not quiet:
        print("per fold (model / rules / rows): " +
              ", ".join(f"{a}/{b}/{n}" for a, b, n in per))
    return pairs, rules


def options(a):
    return {"lam_s": a.lam_s, "lam_w": a.lam_w, "min_df": a.min_df, "words": a.words,
            "verdict": not a.no_verdict, "structure": not a.no_structure}


def write_model(model, path):
    with open(path, "w") as f:
        f.write("feature,mean,scale," + ",".join(CLASSES) + "\n")
        w = model["w"]
        f.write("(bias),0,1," + ",".join(f"{x:.6g}" for x in w[:K]) + "\n")
        for j, (k, sc) in enumerate(zip(model["names"], model["scales"])):
            ws = w[K + j * K:K + j * K + K]
            if max(abs(x) for x in ws) < 1e-4:
                continue
            name = '"' + k.replace('"', '""') + '"' if ("," in k or '"' in k) else k
            f.write(f"{name},0,{sc:.6g}," + ",".join(f"{x:.6g}" for x in ws) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default="build")
    ap.add_argument("what", choices=["cv", "select", "heldout", "write"])
    ap.add_argument("--sets", choices=["813", "all"], default="813")
    ap.add_argument("--lam-s", type=float, default=DEFAULTS["lam_s"])
    ap.add_argument("--lam-w", type=float, default=DEFAULTS["lam_w"])
    ap.add_argument("--min-df", type=int, default=DEFAULTS["min_df"])
    ap.add_argument("--words", choices=["none", "all", "shortfall"], default=DEFAULTS["words"])
    ap.add_argument("--no-verdict", action="store_true", help="leave out 'rules say ...'")
    ap.add_argument("--no-structure", action="store_true",
                    help="leave out every feature but the verdict and the words")
    ap.add_argument("--out", default="templates/tone-model.csv")
    ap.add_argument("--features", help="rows from oof.py (out-of-fold features) instead of "
                                       "the rules as they are")
    a = ap.parse_args()
    if a.features:
        with open(a.features) as f:
            rows = json.load(f)
    else:
        rows = load(a.build)
    dev = [r for r in rows if r["set"] in DEV_SETS]
    # Folds dealt over every labelled row's authority, as cv.py and oof.py deal them.
    folds = cv.folds_of([(r["id"], r["set"], r["auth"]) for r in rows])
    if a.what == "cv":
        pairs, rules = crossval(dev if a.sets == "813" else rows, options(a), folds)
        show("model, cross-validated by authority", pairs)
        show("rules, same rows", rules)
    elif a.what == "select":
        for opt in GRID:
            pairs, _ = crossval(dev, opt, folds, quiet=True)
            agree = sum(x == y for x, y in pairs)
            print(f"{agree} of {len(pairs)} ({100.0 * agree / len(pairs):.1f}%)  {opt}",
                  flush=True)
    elif a.what == "heldout":
        model = fit(dev, options(a))
        blind = [r for r in rows if r["set"] == BLIND]
        show("model fitted on the 813, tone-fresh2.csv",
             [(r["label"], predict(model, r)) for r in blind])
        show("rules, tone-fresh2.csv", [(r["label"], rules_tone(r)) for r in blind])
    else:
        write_model(fit(rows, options(a)), a.out)
        print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
