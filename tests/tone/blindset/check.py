#!/usr/bin/env python3
# Check every decisive segment is an exact substring of the row's text; report missing/unknown ids.
import json, sys
rows = {r['id']: r for r in json.load(open('sample.json'))}
bad = 0; seen = set()
for line in open(sys.argv[1] if len(sys.argv) > 1 else 'labels1.tsv'):
    if not line.strip(): continue
    i, lab, dec = line.rstrip('\n').split('\t')
    seen.add(i)
    assert lab in ('strength', 'concern', 'mixed', 'neutral'), (i, lab)
    for seg in dec.split(' | '):
        if not seg or seg not in rows[i]['text']:
            bad += 1; print('NOT SUBSTRING', i, repr(seg))
print('labelled', len(seen), 'bad segments', bad, 'missing', len(set(rows) - seen))
