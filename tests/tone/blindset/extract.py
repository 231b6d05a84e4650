#!/usr/bin/env python3
# Extract the numbered and unnumbered paragraphs of every corpus report into pool.json,
# dropping csbrief's tone and why straight after json.loads (a blind reader never sees them).
import argparse, csv, glob, json, os, subprocess
from concurrent.futures import ThreadPoolExecutor
ap = argparse.ArgumentParser()
ap.add_argument('--bin', required=True, help='the csbrief binary')
ap.add_argument('--datadir', required=True, help='CSBRIEF_DATADIR (the project root)')
ap.add_argument('--corpus', default='/work/shared/corpus/pdf')
ap.add_argument('--part', help="only the authorities of this part of tests/tone/tone-split.csv "
                               "(the first fresh set drew on 'test')")
a = ap.parse_args()
split = {}
if a.part:
    here = os.path.dirname(os.path.abspath(__file__))
    split = {r['authority']: r['split'] for r in csv.DictReader(open(os.path.join(here, '..', 'tone-split.csv')))}
env = dict(os.environ, CSBRIEF_DATADIR=a.datadir)
def strip(o):
    if isinstance(o, dict):
        o.pop('tone', None); o.pop('why', None)
        for v in o.values(): strip(v)
    elif isinstance(o, list):
        for v in o: strip(v)
def run(f):
    b = os.path.basename(f)
    r = subprocess.run([a.bin, 'extract', '--format', 'json', f], env=env, capture_output=True, text=True)
    if r.returncode != 0:
        return b, None, r.stderr[:200]
    d = json.loads(r.stdout); strip(d)
    rows = []
    for rep in d:
        for p in rep['paragraphs']:
            rows.append(dict(file=b, kind=rep['kind'], title=rep['title'], start=rep['inspection_start'],
                             page=p['page'], number=p['number'], section=p['section'], text=p['text']))
    return b, rows, None
out = []
with ThreadPoolExecutor(8) as ex:
    files = [f for f in sorted(glob.glob(os.path.join(a.corpus, '*.pdf')))
             if not a.part or split.get(os.path.basename(f).split('-')[0]) == a.part]
    for b, rows, err in ex.map(run, files):
        if rows is None: print('FAIL', b, err); continue
        out.extend(rows)
json.dump(out, open('pool.json', 'w'))
print(len(out), 'paragraphs', len({p['file'] for p in out}), 'files')
