#!/usr/bin/env python3
"""Writes one ASTERIX edition definition (org/skydas/ingest/asterix/editions/catCCC-x.y.txt), the data that
org.skydas.ingest.asterix.EditionReader turns into an AsterixCategory, from an asterix-specs definition.

asterix-specs (github.com/zoranbosnjak/asterix-specs) is BSD-3-Clause; only its structure (item names and
titles, bit sizes, content kinds, LSBs, units, UAP) goes into the definition, not its documentation text.

Usage: gen_edition.py DEFINITION.ast|DEFINITION.json > catCCC-x.y.txt (see generate_all.sh, which also writes
the list of editions). The format, one item a line (see EditionReader for the grammar):

    asterix 062 1.19
    uap 010 - 015 070 ...
    010 "Data Source Identifier" (group SAC (el 8 raw) SIC (el 8 raw))
    380 "Aircraft Derived Data" (compound ADR (el 24 raw) ... IAS (group IM (el 1 raw)
        IAS (el 15 raw (on IM 0 (q unsigned 1 16384 "NM/s") 1 (q unsigned 1 1000 "Mach")))) ...)
"""
import json
import sys


def number(n):
    t, c = n['tag'], n['contents']
    if t == 'NumInt':
        return float(c)
    if t == 'NumPow':
        return float(c['base']) ** c['exponent']
    if t == 'NumDiv':
        return number(c['numerator']) / number(c['denominator'])
    raise ValueError(t)


def lsb(n):
    """(numerator, denominator) so that value = raw * num / den stays exact for 1/1000-like LSBs."""
    if n['tag'] == 'NumDiv':
        return number(n['contents']['numerator']), number(n['contents']['denominator'])
    return number(n), 1.0


def num(x):
    """A double as text Java's Double.parseDouble reads back exactly: integers without '.0', else repr."""
    return str(int(x)) if x == int(x) and abs(x) < 2 ** 53 else repr(x)


def quoted(s):
    assert '"' not in s and '\n' not in s, s
    return '"%s"' % s


def content(c):
    t, v = c['tag'], c['contents']
    if t in ('ContentRaw', 'ContentTable'):
        return 'raw'
    if t == 'ContentString':
        return {'StringICAO': 'icao', 'StringAscii': 'ascii', 'StringOctal': 'octal'}[v['tag']]
    if t == 'ContentInteger':
        return 'signed' if v['signedness']['tag'] == 'Signed' else 'unsigned'
    if t == 'ContentQuantity':
        n, d = lsb(v['lsb'])
        sign = 'signed' if v['signedness']['tag'] == 'Signed' else 'unsigned'
        return '(q %s %s %s %s)' % (sign, num(n), num(d), quoted(v['unit']))
    if t == 'ContentBds':
        return 'bds'
    raise ValueError(t)


def rule_content(r, bits):
    if r['tag'] == 'ContextFree':
        return '(el %d %s)' % (bits, content(r['contents']))
    # Dependent: {'path'|'depends': [[path...]], 'default': content, 'cases': [[[values], content], ...]}
    v = r['contents']
    deps = v.get('path') or v.get('depends')
    cases = ' '.join('%d %s' % (case[0][0], content(case[1])) for case in v['cases'])
    return '(el %d %s (on %s %s))' % (bits, content(v['default']), deps[0][-1], cases)


def variation(v):
    t, c = v['tag'], v['contents']
    if t == 'Element':
        return rule_content(c['rule'], c['bitSize'])
    if t == 'Group':
        return '(group %s)' % ' '.join(item(i) for i in c)
    if t == 'Extended':
        parts, cur = [], []
        for i in c:
            if i is None:
                parts.append('(fx %s)' % ' '.join(cur))
                cur = []
            else:
                cur.append(item(i))
        if cur:
            parts.append('(nofx %s)' % ' '.join(cur))
        return '(ext %s)' % ' '.join(parts)
    if t == 'Repetitive':
        typ = c['type']
        size = 'fx' if typ['tag'] == 'RepetitiveFx' else str(typ['contents']['byteSize'])
        return '(rep %s %s)' % (size, variation(c['variation']))
    if t == 'Explicit':
        kind = {'ReservedExpansion': ' re', 'SpecialPurpose': ' sp'}[c['tag']] if c else ''
        return '(explicit%s)' % kind
    if t == 'Compound':
        return '(compound %s)' % ' '.join('-' if s is None else nonspare(s) for s in c)
    raise ValueError(t)


def rule_variation(r):
    if r['tag'] != 'ContextFree':
        raise ValueError('dependent variation not supported')
    return variation(r['contents'])


def nonspare(ns):
    return '%s %s' % (ns['name'], rule_variation(ns['rule']))


def item(i):
    if i['tag'] == 'Spare':
        return '(spare %d)' % i['contents']
    return nonspare(i['contents'])


# Corrections of a definition, applied to the generated text of one item: (category, item) -> (old, new, why).
ERRATA = {
    (48, '090'): ('(q unsigned 1 4 "FL")', '(q signed 1 4 "FL")',
                  'FL is two\'s complement (EUROCONTROL spec; asterix-specs corrected it in cat048 1.32)'),
}


def main():
    path = sys.argv[1]
    if path.endswith('.ast'):
        import ast_to_json
        spec = ast_to_json.parse(open(path, encoding='utf-8').read())
    else:
        spec = json.load(open(path, encoding='utf-8'))
    assert spec['tag'] == 'AsterixBasic', 'only basic categories'
    d = spec['contents']
    cat = d['category']
    ed = '%d.%d' % (d['edition']['major'], d['edition']['minor'])
    assert d['uap']['tag'] == 'Uap', 'single UAP only'
    names = [u['contents'] if u['tag'] == 'UapItem' else None for u in d['uap']['contents']]
    cata = {it['name']: it for it in d['catalogue']}
    out = ['# CAT%03d edition %s: UAP and item structures, read by org.skydas.ingest.asterix.EditionReader.' % (cat, ed),
           '# GENERATED by ingest/src/build/asterix/generate_all.sh from the asterix-specs definition',
           '# (BSD-3-Clause, github.com/zoranbosnjak/asterix-specs); do not edit by hand.',
           'asterix %03d %s' % (cat, ed),
           'uap ' + ' '.join('-' if n is None else n for n in names)]
    for n in names:
        if n is None:
            continue
        it = cata[n]
        text = rule_variation(it['rule'])
        fix = ERRATA.get((cat, n))
        if fix and fix[0] in text:
            text = text.replace(fix[0], fix[1])
            out.append('# Erratum: %s.' % fix[2])
        out.append('%s %s %s' % (n, quoted(it['title'].replace('"', "'")), text))
    sys.stdout.write('\n'.join(out) + '\n')


if __name__ == '__main__':
    main()
