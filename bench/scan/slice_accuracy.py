#!/usr/bin/env python3
# Exact match per field for cards [FROM, TO) of a corpus, from the
# --show-misses output of kith_scan_bench runs (slices run side by side):
# every card the index lists in the range counts, and a field is right
# unless a miss names it. Gives the same figures as the bench's own table.
#
#   bench/scan/slice_accuracy.py CORPUS_DIR FROM TO MISSES_TXT...
import json, sys, re
corpus, lo, hi = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
idx = json.load(open(corpus + '/index.json'))
missed = {}
cur = None
for path in sys.argv[4:]:
    for line in open(path, errors='replace'):
        m = re.match(r'^\S+ (\S+) \(', line)
        if m: cur = m.group(1); continue
        m = re.match(r'^   (\w+): want', line)
        if m and cur: missed.setdefault(cur, set()).add(m.group(1))
fields = ['name','title','company','email','phone','website','linkedin','twitter','address']
tot = {f: 0 for f in fields}; right = {f: 0 for f in fields}
for i, e in enumerate(idx):
    if not (lo <= i < hi) or e['kind'] != 'ocr' or e.get('format') == 'heic': continue
    t = e['truth']
    vals = {'name': t['name'], 'title': t.get('title',''), 'company': t['company'], 'email': ' '.join(t['emails']),
            'phone': ' '.join(p['e164'] for p in t['phones']), 'website': t.get('website',''),
            'linkedin': t.get('linkedin',''), 'twitter': t.get('twitter',''), 'address': t.get('address','')}
    for f in fields:
        if vals[f]:
            tot[f] += 1
            if f not in missed.get(e['file'], ()): right[f] += 1
print(' | '.join(f"{f} {100*right[f]/tot[f]:.1f}% ({right[f]}/{tot[f]})" for f in fields if tot[f]))
