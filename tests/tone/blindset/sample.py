#!/usr/bin/env python3
# Draw --size (default 200) stratified paragraphs from pool.json, spread over as many reports as possible, none of
# them already labelled in the --exclude sets (read only for their (file, number) keys).
import argparse, csv, json, os, random, collections, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pool import boilerplate, tag_lscb  # noqa: E402
ap = argparse.ArgumentParser()
ap.add_argument('--seed', type=int, required=True)
ap.add_argument('--prefix', required=True, help="the ids' letter (G, K, L, ...)")
ap.add_argument('--exclude', nargs='+', required=True, help='labelled sets in tests/tone (tone.csv ...)')
ap.add_argument('--setdir', default=None, help='folder holding the --exclude sets (default: this script\'s parent)')
ap.add_argument('--check-keys', action=argparse.BooleanOptionalAction, default=True,
                help='require every excluded key in the pool (fresh2 ran without this check)')
ap.add_argument('--size', type=int, default=200,
                help='rows to draw, shared 25/35/30/10%% over the four strata (default 200, as fresh3-7)')
a = ap.parse_args()
pool = json.load(open('pool.json'))
T = a.setdir or os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
have = set()
for fn in a.exclude:
    for r in csv.DictReader(open(os.path.join(T, fn))):
        have.add((r['file'], str(r['number'])))
tag_lscb(pool)
def stratum(p):
    # brief: SIF 2013-18 *including* the LSCB part of SIF reports; LAC 2013 + standalone LSCB reviews
    if p['kind'] in ('lac', 'lscb-review'): return 'LAC2013+LSCBreview'
    if p['kind'] == 'sif': return 'SIF2013-18'
    if p['kind'] == 'ilacs':
        y = int((p['start'] or p['file'].split('__')[1])[:4])
        return 'ILACS2018-22' if y <= 2022 else 'ILACS2023-26'
    return None
elig = collections.defaultdict(list); nex = 0
for p in pool:
    if not p['number']: continue
    if (p['file'], str(p['number'])) in have: nex += 1; continue
    if len(p['text'].split()) < 15: continue
    if boilerplate(p): continue
    s = stratum(p)
    if s: elig[s].append(p)
print('keys', len(have), 'excluded as already labelled:', nex)
if a.check_keys:
    assert nex == len(have), 'not all keys found in pool'
ORDER = ['ILACS2018-22', 'ILACS2023-26', 'SIF2013-18', 'LAC2013+LSCBreview']
SHARE = {'ILACS2018-22': 25, 'ILACS2023-26': 35, 'SIF2013-18': 30, 'LAC2013+LSCBreview': 10}
target = {s: a.size * SHARE[s] // 100 for s in ORDER}
target['SIF2013-18'] += a.size - sum(target.values())   # rounding remainder
# capacity check: at most 4 rows per report, so a stratum with few reports may be short;
# its shortfall is moved to SIF 2013-18 (the nearest stratum) before drawing.
for s in ORDER:
    cap = sum(min(4, n) for n in collections.Counter(p['file'] for p in elig[s]).values())
    if cap < target[s]:
        print(s, 'capacity', cap, '< target', target[s], '-> moving', target[s] - cap, 'to SIF2013-18')
        target['SIF2013-18'] += target[s] - cap; target[s] = cap
rng = random.Random(a.seed)
per = collections.Counter(); out = []; stats = {}
for s in ORDER:
    g = collections.defaultdict(list)
    for p in elig[s]: g[p['file']].append(p)
    files = sorted(g)
    rng.shuffle(files)
    for f in files:
        g[f].sort(key=lambda p: p['number']); rng.shuffle(g[f])
    got = 0
    for k in range(4):                       # round-robin: one per report per round
        for f in files:
            if got == target[s]: break
            if per[f] >= 4 or k >= len(g[f]): continue
            p = g[f][k]; p['stratum'] = s; out.append(p); per[f] += 1; got += 1
    stats[s] = (len(elig[s]), len(files), got, len({p['file'] for p in out if p['stratum'] == s}))
    print(s, 'eligible', len(elig[s]), 'reports', len(files), 'drawn', got, 'from reports', stats[s][3])
out.sort(key=lambda p: (p['file'], p['number']))
rows = [dict(id=a.prefix + '%03d' % i, file=p['file'], page=p['page'], number=p['number'], section=p['section'],
             stratum=p['stratum'], kind=p['kind'], lscb=p['lscb'], text=p['text']) for i, p in enumerate(out, 1)]
json.dump(rows, open('sample.json', 'w'), indent=0)
json.dump(stats, open('sample_stats.json', 'w'))
print(len(rows), 'rows from', len(per), 'reports; max per report', max(per.values()))
