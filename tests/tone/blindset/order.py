#!/usr/bin/env python3
# Labelling order: shuffle the sample's ids by --seed into label_order.txt (any prefix labelled is
# then a random sample); with BATCH, print that batch of 20 rows as id, section, text.
import argparse, json, random
ap = argparse.ArgumentParser()
ap.add_argument('--seed', type=int, required=True)
ap.add_argument('batch', type=int, nargs='?')
a = ap.parse_args()
rows = json.load(open('sample.json'))
ids = [r['id'] for r in rows]
random.Random(a.seed).shuffle(ids)
open('label_order.txt', 'w').write('\n'.join(ids) + '\n')
byid = {r['id']: r for r in rows}
if a.batch is not None:
    b = a.batch
    for i in ids[20*b:20*b+20]:
        r = byid[i]
        print('%s [%s | %s #%s]\n    %s\n' % (i, r['section'][:70], r['file'].split('-',1)[1][:40], r['number'], r['text']))
