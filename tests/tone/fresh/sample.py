# Draw 170 stratified paragraphs from test-authority reports (seed 20261201).
import csv, json, os, random, collections, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'blindset'))
from pool import boilerplate, tag_lscb  # noqa: E402
pool = json.load(open('pool.json'))
have = {(r['file'], str(r['number'])) for r in csv.DictReader(open('tests/tone/tone.csv'))}
tag_lscb(pool)

def stratum(p):
    if p['kind'] == 'lac' or p['lscb']: return 'LAC2013+LSCB'
    if p['kind'] == 'sif': return 'SIF2013-18'
    if p['kind'] == 'ilacs':
        y = int((p['start'] or p['file'].split('__')[1])[:4])
        return 'ILACS2018-22' if y <= 2022 else 'ILACS2023-26'
    return None

elig = collections.defaultdict(list)
for p in pool:
    if not p['number']: continue
    if (p['file'], str(p['number'])) in have: continue
    if len(p['text'].split()) < 15: continue
    if boilerplate(p): continue
    s = stratum(p)
    if s: elig[s].append(p)
target = {'ILACS2018-22': 42, 'ILACS2023-26': 60, 'SIF2013-18': 51, 'LAC2013+LSCB': 17}
for s in target: print(s, 'eligible', len(elig[s]), 'reports', len({p['file'] for p in elig[s]}))
rng = random.Random(20261201)
per = collections.Counter(); out = []
for s in ['ILACS2018-22', 'ILACS2023-26', 'SIF2013-18', 'LAC2013+LSCB']:
    ps = sorted(elig[s], key=lambda p: (p['file'], p['number']))
    rng.shuffle(ps); got = 0
    for p in ps:
        if got == target[s]: break
        if per[p['file']] >= 6: continue
        per[p['file']] += 1; got += 1; p['stratum'] = s; out.append(p)
    print(s, 'drawn', got)
out.sort(key=lambda p: (p['file'], p['number']))
rows = []
for i, p in enumerate(out, 1):
    rows.append(dict(id='F%03d' % i, file=p['file'], page=p['page'], number=p['number'], section=p['section'],
                     stratum=p['stratum'], text=p['text']))
json.dump(rows, open('sample.json', 'w'), indent=0)
print(len(rows), 'reports', len(per), 'max per report', max(per.values()))
