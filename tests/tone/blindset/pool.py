# What every blind set's draw reads of pool.json the same way: the boilerplate sections and
# paragraphs never drawn, and the LSCB-review part of a SIF report (from its first LSCB-headed
# section, with a Recommendations or Executive summary block just before it, to the end).
import collections, re
BOILER = re.compile(r'about this inspection|information about this inspection|inspection judgements and what they mean|'
                    r'grade descriptions?|crown copyright|ofsted\.gov\.uk|open government licence|this publication is available', re.I)
LSCB = re.compile(r'LSCB|Local Safeguarding Children Board|safeguarding children board', re.I)


def boilerplate(p):
    return bool(BOILER.search(p['section']) or BOILER.search(p['text']))


def tag_lscb(pool):
    """Sets p['lscb'] on every paragraph of pool."""
    byfile = collections.defaultdict(list)
    for p in pool: byfile[p['file']].append(p)
    for f, ps in byfile.items():
        for p in ps: p['lscb'] = False
        if ps[0]['kind'] != 'sif': continue
        idx = next((i for i, p in enumerate(ps) if p['number'] and LSCB.search(p['section'])), None)
        if idx is None: continue
        j = idx
        while j > 0 and ps[j-1]['section'].strip(' :') in ('Recommendations', 'Executive summary') and not LSCB.search(ps[j-1]['section']):
            j -= 1
        for p in ps[j:]: p['lscb'] = True
