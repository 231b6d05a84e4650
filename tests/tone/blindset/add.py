#!/usr/bin/env python3
# Check one batch of labels (id TAB label TAB decisive segments joined by ' | ') and append it
# to labels1.tsv: every id known to sample.json and not yet labelled, every label one of the
# four, every decisive segment an exact substring of its paragraph. Nothing is appended unless
# the whole batch passes.
import json, os, sys
if len(sys.argv) != 2:
    sys.exit('usage: add.py bNN.tsv')
rows = {r['id']: r for r in json.load(open('sample.json'))}
done = set()
if os.path.exists('labels1.tsv'):
    done = {l.split('\t')[0] for l in open('labels1.tsv') if l.strip()}
lines, errors = [], []
for n, line in enumerate(open(sys.argv[1]), 1):
    if not line.strip():
        continue
    cols = line.rstrip('\n').split('\t')
    if len(cols) != 3:
        errors.append('%d: %d columns, not 3' % (n, len(cols))); continue
    i, lab, dec = cols
    if i not in rows:
        errors.append('%d: unknown id %s' % (n, i)); continue
    if i in done or i in [l.split('\t')[0] for l in lines]:
        errors.append('%d: %s already labelled' % (n, i)); continue
    if lab not in ('strength', 'concern', 'mixed', 'neutral'):
        errors.append('%d: %s: label %r' % (n, i, lab)); continue
    for seg in dec.split(' | '):
        if not seg or seg not in rows[i]['text']:
            errors.append('%d: %s: not in the text: %r' % (n, i, seg))
    lines.append('\t'.join(cols) + '\n')
if errors:
    print('\n'.join(errors))
    sys.exit('batch %s not added: %d errors' % (sys.argv[1], len(errors)))
with open('labels1.tsv', 'a') as f:
    f.writelines(lines)
print('added', len(lines), 'labelled now', len(done) + len(lines))
