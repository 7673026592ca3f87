import yaml,sys,glob,re,collections
tot=collections.Counter()
for f in sorted(glob.glob('/work/wt/dev-gold/international/cases/*.yaml')):
    c=yaml.safe_load(open(f))
    docs={}
    for d in c['documents']:
        if d['kind']=='call':
            turns=[]
            for line in d['transcript'].splitlines():
                m=re.match(r'\[(\d\d:\d\d:\d\d)\] ([^:]+): (.*)$',line)
                if not m: print(f,'BAD LINE',line); continue
                turns.append((m.group(2),m.group(3)))
            full=d['transcript']
        else:
            turns=[(cm['by'],cm['body']) for cm in d['comments']]
            full='\n'.join(cm['body'] for cm in d['comments'])
        docs[str(d['id'])]=(turns,full)
    for kind in ('labels','hard_negatives'):
        for l in c.get(kind,[]):
            t,full=docs[str(l['document'])]
            q=l['quote']
            n=full.count(q)
            inturn=[sp for sp,tx in t if q in tx]
            if n!=1 or len(inturn)!=1: print(f,kind,'COUNT',n,len(inturn),q)
    labs=c['labels']
    for l in labs: tot[l['signal']]+=1
    print(f.split('/')[-1], len(labs), len(c.get('hard_negatives',[])), c['readiness']['expected_verdict'])
import importlib
print(dict(tot))
sigs=re.findall(r'^    id: "(\w+)",',open('/work/main/src/taxonomy/signals.ts').read(),re.M)
for s in sigs:
    if tot[s]<2: print('LOW',s,tot[s])
