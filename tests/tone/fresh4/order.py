# Labelling order: shuffle the 200 ids with random.Random(20261205); print batch N (20 rows) as id, section, text.
import json, random, sys
rows = json.load(open('sample.json'))
ids = [r['id'] for r in rows]
random.Random(20261205).shuffle(ids)
open('label_order.txt', 'w').write('\n'.join(ids) + '\n')
byid = {r['id']: r for r in rows}
if len(sys.argv) > 1:
    b = int(sys.argv[1])
    for i in ids[20*b:20*b+20]:
        r = byid[i]
        print('%s [%s | %s #%s]\n    %s\n' % (i, r['section'][:70], r['file'].split('-',1)[1][:40], r['number'], r['text']))
