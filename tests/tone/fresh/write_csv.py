import json, csv
rows = {r['id']: r for r in json.load(open('sample.json'))}
lab = {l.split('\t')[0]: l.rstrip('\n').split('\t')[1:] for l in open('labels1.tsv')}
with open('tone-fresh.csv', 'w', newline='') as f:
    w = csv.writer(f, quoting=csv.QUOTE_MINIMAL, lineterminator='\n')
    w.writerow(['id', 'file', 'page', 'number', 'section', 'label', 'decisive', 'text'])
    for i in sorted(rows):
        r = rows[i]
        w.writerow([i, r['file'], r['page'], r['number'], r['section'], lab[i][0], lab[i][1], r['text']])
