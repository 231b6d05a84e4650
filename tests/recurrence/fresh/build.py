import json,glob,csv,sys
def load(a,date):
    f=f'json/{a}__{date}.json'; d=json.load(open(f)); d=d[0] if isinstance(d,list) else d
    return [x['text'] for x in d['findings']]
rows=[]
for fn in sorted(glob.glob('dec_*.txt')):
    for line in open(fn):
        line=line.rstrip('\n')
        if not line.strip(): continue
        p=line.split('|')
        if len(p)==8:
            assert p[5]=='',line; del p[5]
        assert len(p)==7,(fn,line)
        a,ld,li,ed,ei,lab,ev=p
        rows.append((a,ld,int(li),ed,ei,lab,ev))
order=['80464-dudley','80552-shropshire','80436-bracknell-forest','80494-enfield','80495-greenwich','80491-camden','80444-calderdale','80562-stockport','80469-gateshead','80567-surrey','2532283-dorset','80476-kent','80447-cheshire-east','80482-leicester','80571-thurrock']
rows.sort(key=lambda r:(order.index(r[0]),r[1],r[2]))
# completeness check
seen={}
for r in rows: seen.setdefault((r[0],r[1]),[]).append(r[2])
for (a,ld),idx in seen.items():
    n=len(load(a,ld)); assert sorted(idx)==list(range(n)),(a,ld,idx,n)
out=[]
for i,(a,ld,li,ed,ei,lab,ev) in enumerate(rows,1):
    later=f'{a}__{ld}.pdf'; item=load(a,ld)[li]
    if ed:
        ef=f'{a}__{ed}.pdf'; eitem=ei if ei.startswith('(') else load(a,ed)[int(ei)]
        assert ed<ld
    else:
        ef=''; eitem=ei
    label={'r':'recurring','n':'new'}[lab]
    if label=='new': assert not ef and not eitem
    if label=='recurring' and not ef: assert 'not in the corpus' in eitem
    out.append([f'Q{i:03d}',a,later,item,ef,eitem,label,ev])
with open('labels-fresh.csv','w',newline='') as f:
    w=csv.writer(f); w.writerow('id,authority,later_file,later_item,earlier_file,earlier_item,label,evidence'.split(',')); w.writerows(out)
import collections
c=collections.Counter(r[6] for r in out); b=collections.Counter(r[6] for r in out if '[borderline]' in r[7])
print(len(out),c,'borderline',b, 'empty-earlier recurring',sum(1 for r in out if r[6]=='recurring' and not r[4]))
print(collections.Counter(r[1] for r in out))
