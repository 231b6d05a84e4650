#!/usr/bin/env python3
# Blind re-read: draw 30 rows by --seed; blind_print.txt has their section and text only
# (no id, no label), in drawn order; blind_ids.txt the ids to compare by.
import argparse, json, random
ap = argparse.ArgumentParser()
ap.add_argument('--seed', type=int, required=True)
a = ap.parse_args()
rows = json.load(open('sample.json'))
pick = random.Random(a.seed).sample(rows, 30)
open('blind_ids.txt', 'w').write('\n'.join(r['id'] for r in pick) + '\n')
with open('blind_print.txt', 'w') as f:
    for k, r in enumerate(pick, 1):
        f.write('B%02d [%s]\n    %s\n\n' % (k, r['section'][:60], r['text']))
