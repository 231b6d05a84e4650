# Blind pass: draw 30 rows, print text only (no id, no label), in a shuffled order.
import csv, random
rows = list(csv.DictReader(open('tone-fresh.csv')))
pick = random.Random(20261202).sample(rows, 30)
open('blind_ids.txt', 'w').write('\n'.join(r['id'] for r in pick) + '\n')
for k, r in enumerate(pick, 1):
    print('B%02d [%s]' % (k, r['section'][:60])); print('   ', r['text']); print()
