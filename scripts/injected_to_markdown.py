#!/usr/bin/env python3
"""Writes injected-dev's text pages as markdown, the way Jina Reader or Firecrawl would
write them, into a set `evaluate` reads (text/<id>.txt + truth.json): every injected line
of `without` that is a bulleted item becomes `* [line](url)`, a longer unbulleted one a
link line (`[line](url)` or `- [line](url)`), a short one bold or plain; an isolated short
article line without digits or a sentence end becomes a `## ` heading; some article
paragraphs get a bold word or an inline link. Blank lines between blocks.

    python3 scripts/injected_to_markdown.py ../shared/datasets/injected-dev /tmp/injected-md
    cargo run --release --example evaluate -- /tmp/injected-md [--keep-headings]
"""
import json, os, hashlib, re, sys
D=sys.argv[1]
out=sys.argv[2]
os.makedirs(out+'/text', exist_ok=True)
truth=json.load(open(D+'/truth.json'))
new={}
for n,(id_,v) in enumerate(sorted(truth.items())):
    without=v['without']
    if isinstance(without,str):
        import ast; without=ast.literal_eval(without)
    w=set(without)
    lines=open(f'{D}/text/{id_}.txt').read().split('\n')
    md=[]
    L=[l.strip() for l in lines if l.strip()]
    def short(x): return x and len(x.split())<=12 and x[-1] not in '.!?:"”»)' and not re.search(r'\d',x)
    for i,s in enumerate(L):
        bullet=re.match(r'^([-•*►»·]) (.*)$',s)
        h=int(hashlib.md5(s.encode()).hexdigest()[:6],16)
        url=f'https://news.example.com/{h%9000}/{"-".join(re.findall(r"[a-z]+",s.lower())[:4])}'
        if bullet and bullet.group(2) in w:
            md.append(f'* [{bullet.group(2)}]({url})')
        elif s in w and len(s.split())>3 and not s.endswith(':'):
            md.append(f'[{s}]({url})' if h%2 else f'- [{s}]({url})')
        elif s in w:
            md.append(f'**{s}**' if h%2 else s)
        elif bullet:
            md.append(s)
        elif short(s) and not short(L[i-1] if i else '') and not short(L[i+1] if i+1<len(L) else ''):
            md.append('## '+s)
        else:
            # emphasis / an inline link on a word of the article's own
            ws=s.split(' ')
            if len(ws)>8 and h%3==0:
                ws[3]='**'+ws[3]+'**' if re.match(r'^\w+$',ws[3]) else ws[3]
            if len(ws)>8 and h%3==1 and re.match(r'^\w+$',ws[5]):
                ws[5]=f'[{ws[5]}](https://example.org/tag/{ws[5].lower()})'
            md.append(' '.join(ws))
    open(f'{out}/text/{id_}.txt','w').write('\n\n'.join(md)+'\n')
    new[id_]=v
json.dump(new,open(out+'/truth.json','w'),ensure_ascii=False)
