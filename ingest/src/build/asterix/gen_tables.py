#!/usr/bin/env python3
"""Generates the Java item tables of org.skydas.ingest.asterix from asterix-specs JSON definitions.

asterix-specs (github.com/zoranbosnjak/asterix-specs) is BSD-3-Clause; only its structure (item names,
bit sizes, content kinds, LSBs, units, UAP) goes into the generated code, not its documentation text.

Usage: gen_tables.py DEFINITION.json|DEFINITION.ast ClassName > ClassName.java (see generate_all.sh)
The JSON files live in the shared reference data (data/protocols/asterix/asterix-specs/json/), which is not
part of the build; the generated sources are committed, so re-run this only when adding an edition.
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


def jstr(s):
    return '"' + ''.join(c if 32 <= ord(c) < 127 and c not in '"\\' else '\\u%04x' % ord(c) for c in s) + '"'


def content(c):
    t, v = c['tag'], c['contents']
    if t in ('ContentRaw', 'ContentTable'):
        return 'RAW'
    if t == 'ContentString':
        return {'StringICAO': 'ICAO', 'StringAscii': 'ASCII', 'StringOctal': 'OCTAL'}[v['tag']]
    if t == 'ContentInteger':
        return 'SIGNED' if v['signedness']['tag'] == 'Signed' else 'UNSIGNED'
    if t == 'ContentQuantity':
        num, den = lsb(v['lsb'])
        return 'q(%s, %r, %r, %s)' % ('true' if v['signedness']['tag'] == 'Signed' else 'false', num, den,
                                      jstr(v['unit']))
    if t == 'ContentBds':
        return 'BDS'
    raise ValueError(t)


def rule_content(r, bits):
    if r['tag'] == 'ContextFree':
        return 'el(%d, %s)' % (bits, content(r['contents']))
    # Dependent: {'depends': [[path...]], 'default': content, 'cases': [[[values], content], ...]}
    v = r['contents']
    deps = v.get('path') or v.get('depends')
    sibling = deps[0][-1]
    values = ', '.join(str(case[0][0]) for case in v['cases'])
    contents = ', '.join(content(case[1]) for case in v['cases'])
    return 'dep(%d, %s, %s, new int[] {%s}, new Content[] {%s})' % (
        bits, content(v['default']), jstr(sibling), values, contents)


def variation(v):
    t, c = v['tag'], v['contents']
    if t == 'Element':
        return rule_content(c['rule'], c['bitSize'])
    if t == 'Group':
        return 'group(%s)' % ', '.join(item(i) for i in c)
    if t == 'Extended':
        parts, cur = [], []
        for i in c:
            if i is None:
                parts.append((cur, True))
                cur = []
            else:
                cur.append(item(i))
        if cur:
            parts.append((cur, False))
        return 'ext(%s)' % ', '.join('part(%s, %s)' % ('true' if fx else 'false', ', '.join(fs)) for fs, fx in parts)
    if t == 'Repetitive':
        typ = c['type']
        inner = variation(c['variation'])
        if typ['tag'] == 'RepetitiveFx':
            return 'repFx(%s)' % inner
        return 'rep(%d, %s)' % (typ['contents']['byteSize'], inner)
    if t == 'Explicit':
        kind = c['tag'] if c else 'Explicit'
        return 'explicit(%s)' % jstr(kind)
    if t == 'Compound':
        return 'compound(%s)' % ', '.join('null' if s is None else nonspare(s) for s in c)
    raise ValueError(t)


def rule_variation(r):
    if r['tag'] != 'ContextFree':
        raise ValueError('dependent variation not supported')
    return variation(r['contents'])


def nonspare(ns):
    return 'f(%s, %s)' % (jstr(ns['name']), rule_variation(ns['rule']))


def item(i):
    if i['tag'] == 'Spare':
        return 'spare(%d)' % i['contents']
    return nonspare(i['contents'])


# Corrections of a definition, applied to the generated text of one item: (category, item) -> (old, new, why).
ERRATA = {
    (48, '090'): ('q(false, 1.0, 4.0, "FL")', 'q(true, 1.0, 4.0, "FL")',
                  'FL is two\'s complement (EUROCONTROL spec; asterix-specs corrected it in cat048 1.32)'),
}


def main():
    if sys.argv[1].endswith('.ast'):
        import ast_to_json
        spec = ast_to_json.parse(open(sys.argv[1], encoding='utf-8').read())
    else:
        spec = json.load(open(sys.argv[1], encoding='utf-8'))
    cls = sys.argv[2]
    assert spec['tag'] == 'AsterixBasic', 'only basic categories'
    d = spec['contents']
    cat = d['category']
    ed = '%d.%d' % (d['edition']['major'], d['edition']['minor'])
    assert d['uap']['tag'] == 'Uap', 'single UAP only'
    uap = d['uap']['contents']
    cata = {it['name']: it for it in d['catalogue']}
    out = []
    out.append('package org.skydas.ingest.asterix;\n')
    out.append('import static org.skydas.ingest.asterix.SpecDsl.*;\n')
    out.append('/**\n * CAT%03d edition %s item tables and UAP.\n *\n'
               ' * <p>GENERATED by ingest/src/build/asterix/gen_tables.py from the asterix-specs definition\n'
               ' * (BSD-3-Clause, github.com/zoranbosnjak/asterix-specs); do not edit by hand.\n */' % (cat, ed))
    out.append('@SuppressWarnings("checkstyle:all")\nfinal class %s {\n' % cls)
    out.append('    private %s() {\n    }\n' % cls)
    names = []
    for u in uap:
        if u['tag'] == 'UapItem':
            names.append(u['contents'])
        else:
            names.append(None)
    out.append('    static AsterixCategory create() {')
    out.append('        return new AsterixCategory(%d, "%s", new String[] {%s}, new Variation[] {%s});' % (
        cat, ed, ', '.join('null' if n is None else jstr(n) for n in names),
        ', '.join('null' if n is None else 'i%s()' % n for n in names)))
    out.append('    }\n')
    for n in names:
        if n is None:
            continue
        it = cata[n]
        out.append('    /** I%03d/%s %s. */' % (cat, n, it['title'].replace('*/', '')))
        out.append('    private static Variation i%s() {' % n)
        text = rule_variation(it['rule'])
        fix = ERRATA.get((cat, n))
        if fix and fix[0] in text:
            text = text.replace(fix[0], fix[1])
            out.append('        // Erratum: %s.' % fix[2])
        out.append('        return %s;' % text)
        out.append('    }\n')
    out.append('}')
    print('\n'.join(out))


if __name__ == '__main__':
    main()
