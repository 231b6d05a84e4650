# Draw 170 stratified paragraphs from test-authority reports (seed 20261201).
import csv, json, random, re, collections
pool = json.load(open('pool.json'))
have = {(r['file'], str(r['number'])) for r in csv.DictReader(open('tests/tone/tone.csv'))}
BOILER = re.compile(r'about this inspection|information about this inspection|inspection judgements and what they mean|'
                    r'grade descriptions?|crown copyright|ofsted\.gov\.uk|open government licence|this publication is available', re.I)
LSCB = re.compile(r'LSCB|Local Safeguarding Children Board|safeguarding children board', re.I)

# mark LSCB-review part of SIF reports: from first LSCB-headed section (plus an immediately
# preceding Recommendations / Executive summary block) to the end of the report
byfile = collections.defaultdict(list)
for p in pool: byfile[p['file']].append(p)
for f, ps in byfile.items():
    for p in ps: p['lscb'] = False
    if ps[0]['kind'] != 'sif': continue
    idx = next((i for i, p in enumerate(ps) if p['number'] and LSCB.search(p['section'])), None)
    if idx is None: continue
    j = idx
    while j > 0 and ps[j-1]['section'].strip(' :') in ('Recommendations', 'Executive summary') and not LSCB.search(ps[j-1]['section']):
        j -= 1
    for p in ps[j:]: p['lscb'] = True

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
    if BOILER.search(p['section']) or BOILER.search(p['text']): continue
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
