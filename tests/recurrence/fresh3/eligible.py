import json,glob,csv,collections,random
split={r['authority'] for r in csv.DictReader(open('/work/main/tests/recurrence/split.csv'))}
prev={'80464-dudley','80552-shropshire','80436-bracknell-forest','80494-enfield','80495-greenwich','80491-camden','80444-calderdale','80562-stockport','80469-gateshead','80567-surrey','2532283-dorset','80476-kent','80447-cheshire-east','80482-leicester','80571-thurrock'}
by=collections.defaultdict(list)
for f in sorted(glob.glob('json/*.json')):
    b=f[5:-5]; a,date=b.split('__')
    d=json.load(open(f)); d=d[0] if isinstance(d,list) else d
    by[a].append((date,len(d['findings']),d['kind']))
elig=sorted(a for a,v in by.items() if a not in split and a not in prev and sum(1 for x in v if x[1]>0)>=2)
print(len(by),len(split),len(elig))
json.dump(elig,open('eligible.json','w'),indent=0)
order=list(elig); random.Random(20261201).shuffle(order)
json.dump(order,open('order.json','w'),indent=0)
for a in order: print(a,by[a])
