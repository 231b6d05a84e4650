import json,subprocess,os,sys,glob
from concurrent.futures import ThreadPoolExecutor
env=dict(os.environ,CSBRIEF_DATADIR='/work/main')
def strip(o):
    if isinstance(o,dict):
        for k in ('tone','why'): o.pop(k,None)
        for v in o.values(): strip(v)
    elif isinstance(o,list):
        for v in o: strip(v)
def one(p):
    b=os.path.basename(p)[:-4]
    out=f'json/{b}.json'
    if os.path.exists(out): return
    r=subprocess.run(['/work/main/build-dev/csbrief','extract','--format','json',p],capture_output=True,text=True,env=env)
    if r.returncode!=0:
        open(f'json/{b}.err','w').write(r.stderr[:2000]); return
    d=json.loads(r.stdout); strip(d)
    json.dump(d,open(out,'w'),ensure_ascii=False,indent=1)
with ThreadPoolExecutor(2) as ex: list(ex.map(one,sorted(glob.glob('/work/shared/corpus/pdf/*.pdf'))))
