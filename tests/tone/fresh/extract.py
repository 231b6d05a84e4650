# Extract paragraphs from test-authority reports; drop classifier fields (tone, why) immediately.
import csv, json, os, subprocess, glob
split = {r['authority']: r['split'] for r in csv.DictReader(open('tests/tone/tone-split.csv'))}
env = dict(os.environ, CSBRIEF_DATADIR='/work/main')
def strip(o):
    if isinstance(o, dict):
        o.pop('tone', None); o.pop('why', None)
        for v in o.values(): strip(v)
    elif isinstance(o, list):
        for v in o: strip(v)
out = []
for f in sorted(glob.glob('/work/shared/corpus/pdf/*.pdf')):
    b = os.path.basename(f)
    if split.get(b.split('-')[0]) != 'test': continue
    r = subprocess.run(['build-dev/csbrief', 'extract', '--format', 'json', f], env=env, capture_output=True, text=True)
    if r.returncode != 0:
        print('FAIL', b, r.stderr[:200]); continue
    d = json.loads(r.stdout); strip(d)
    for rep in d:
        for p in rep['paragraphs']:
            out.append(dict(file=b, kind=rep['kind'], title=rep['title'], start=rep['inspection_start'],
                            page=p['page'], number=p['number'], section=p['section'], text=p['text']))
json.dump(out, open('pool.json', 'w'))
print(len(out))
