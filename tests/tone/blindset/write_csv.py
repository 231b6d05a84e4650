#!/usr/bin/env python3
# Join labels (labels1.tsv) to the sample's text, check every decisive segment is a substring of it,
# and write the set (--out): all rows by id, or a labelled prefix in the shuffled labelling order.
import argparse, json, csv, collections
ap = argparse.ArgumentParser()
ap.add_argument('--out', required=True, help='tone-freshN.csv')
a = ap.parse_args()
rows = {r['id']: r for r in json.load(open('sample.json'))}
lab = {l.split('\t')[0]: l.rstrip('\n').split('\t')[1:] for l in open('labels1.tsv') if l.strip()}
assert set(lab) <= set(rows)
full = set(lab) == set(rows)
order = [] if full else [l.strip() for l in open('label_order.txt') if l.strip()]
print('labelled', len(lab), 'of', len(rows), '(full)' if full else '(PREFIX in shuffled order)')
for i, (l, d) in lab.items():
    for seg in d.split(' | '):
        assert seg and seg in rows[i]['text'], (i, seg)
with open(a.out, 'w', newline='') as f:
    w = csv.writer(f, quoting=csv.QUOTE_MINIMAL, lineterminator='\n')
    w.writerow(['id', 'file', 'page', 'number', 'section', 'label', 'decisive', 'text'])
    for i in (sorted(rows) if full else [i for i in order if i in lab]):
        r = rows[i]
        w.writerow([i, r['file'], r['page'], r['number'], r['section'], lab[i][0], lab[i][1], r['text']])
c = collections.Counter(); cs = collections.Counter()
for i, r in rows.items():
    if i not in lab: continue
    c[lab[i][0]] += 1; cs[(r['stratum'], lab[i][0])] += 1
print(c)
for s in ['ILACS2018-22', 'ILACS2023-26', 'SIF2013-18', 'LAC2013+LSCBreview']:
    print(s, [cs[(s, l)] for l in ('strength', 'concern', 'mixed', 'neutral')], sum(cs[(s, l)] for l in ('strength', 'concern', 'mixed', 'neutral')))
# sub-split of LAC2013+LSCB
print(collections.Counter((r['stratum'], r['kind'], r['lscb']) for r in rows.values() if r['id'] in lab))
