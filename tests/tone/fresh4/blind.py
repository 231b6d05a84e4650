# Blind pass: draw 30 rows (seed 20261206), print section + text only (no id, no label), in drawn order.
import json, random
rows = json.load(open('sample.json'))
pick = random.Random(20261206).sample(rows, 30)
open('blind_ids.txt', 'w').write('\n'.join(r['id'] for r in pick) + '\n')
with open('blind_print.txt', 'w') as f:
    for k, r in enumerate(pick, 1):
        f.write('B%02d [%s]\n    %s\n\n' % (k, r['section'][:60], r['text']))
