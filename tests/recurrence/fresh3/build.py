import json,glob,csv,collections
def load(a,date):
    d=json.load(open(f'json/{a}__{date}.json')); d=d[0] if isinstance(d,list) else d
    return [x['text'] for x in d['findings']]
order=json.load(open('order.json'))
rows=[]
for fn in sorted(glob.glob('raw/dec_*.txt')):
    for line in open(fn):
        line=line.rstrip('\n')
        if not line.strip(): continue
        p=line.split('|')
        if len(p)==8:
            assert p[5]=='',line; del p[5]
        assert len(p)==7,(fn,line)
        a,ld,li,ed,ei,lab,ev=p
        rows.append((a,ld,int(li),ed,ei,lab,ev))
chosen=[a for a in order if any(r[0]==a for r in rows)]
# chosen must be a prefix of the seeded order
assert chosen==order[:len(chosen)],(chosen,order[:len(chosen)])
rows.sort(key=lambda r:(order.index(r[0]),r[1],r[2]))
# completeness: every report with findings that has an earlier report
for a in chosen:
    dates=sorted(f.split('__')[1][:-5] for f in glob.glob(f'json/{a}__*.json'))
    for i,d in enumerate(dates):
        if i==0: continue
        n=len(load(a,d))
        idx=sorted(r[2] for r in rows if r[0]==a and r[1]==d)
        assert idx==list(range(n)),(a,d,idx,n)
out=[]
for i,(a,ld,li,ed,ei,lab,ev) in enumerate(rows,1):
    later=f'{a}__{ld}.pdf'; item=load(a,ld)[li]
    if ed:
        assert ed<ld and ed in [f.split('__')[1][:-5] for f in glob.glob(f'json/{a}__*.json')]
        ef=f'{a}__{ed}.pdf'; eitem=ei if ei.startswith('(') else load(a,ed)[int(ei)]
    else:
        ef=''; eitem=ei
    label={'r':'recurring','n':'new'}[lab]
    if label=='new': assert not ef and not eitem
    if label=='recurring' and not ef: assert 'not in the corpus' in eitem
    out.append([f'R{i:03d}',a,later,item,ef,eitem,label,ev])
with open('labels.csv','w',newline='') as f:
    w=csv.writer(f); w.writerow('id,authority,later_file,later_item,earlier_file,earlier_item,label,evidence'.split(',')); w.writerows(out)
c=collections.Counter(r[6] for r in out); b=collections.Counter(r[6] for r in out if '[borderline]' in r[7])
print(len(out),dict(c),'borderline',dict(b),'empty-earlier recurring',sum(1 for r in out if r[6]=='recurring' and not r[4]))
for a in chosen:
    rs=[r for r in out if r[1]==a]
    print(a, sorted({r[2].split('__')[1][:-4] for r in rs}), len(rs), sum(r[6]=='recurring' for r in rs), sum(r[6]=='new' for r in rs), sum('[borderline]' in r[7] for r in rs))
