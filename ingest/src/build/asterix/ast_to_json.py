#!/usr/bin/env python3
"""Reads an asterix-specs .ast file (the project's own text syntax, BSD-3-Clause) into the same structure as
its JSON export, so gen_tables.py can generate editions that were not exported as JSON.

Only what the tables need is kept: names, structure, bit sizes, contents (LSB, unit, signedness), UAP.
Documentation (definition / description / remark blocks and table texts) is skipped.
"""
import re
import sys

DOC = ('definition', 'description', 'remark')


class Lines:
    def __init__(self, text):
        self.lines = []
        skip_deeper_than = None
        for raw in text.splitlines():
            if not raw.strip():
                continue
            indent = len(raw) - len(raw.lstrip(' '))
            body = raw.strip()
            if skip_deeper_than is not None:
                if indent > skip_deeper_than:
                    continue
                skip_deeper_than = None
            if body in DOC or body == 'preamble':
                skip_deeper_than = indent
                continue
            self.lines.append((indent, body))
        self.i = 0

    def peek(self):
        return self.lines[self.i] if self.i < len(self.lines) else (-1, '')

    def next(self):
        line = self.lines[self.i]
        self.i += 1
        return line

    def skip_deeper(self, indent):
        while self.peek()[0] > indent:
            self.i += 1


def number(s):
    s = s.strip()
    if '^' in s:
        b, e = s.split('^')
        return {'tag': 'NumPow', 'contents': {'base': int(b), 'exponent': int(e)}}
    if '.' in s:
        # asterix-specs prefers fractions; a decimal is kept as a fraction of powers of ten
        whole, frac = s.split('.')
        return {'tag': 'NumDiv', 'contents': {'numerator': {'tag': 'NumInt', 'contents': int(whole + frac)},
                                              'denominator': {'tag': 'NumInt', 'contents': 10 ** len(frac)}}}
    return {'tag': 'NumInt', 'contents': int(s)}


def lsb(s):
    if '/' in s:
        a, b = s.split('/', 1)
        return {'tag': 'NumDiv', 'contents': {'numerator': number(a), 'denominator': number(b)}}
    return number(s)


def content(L, indent):
    ind, body = L.next()
    w = body.split()
    sign = {'tag': 'Signed' if w[0] == 'signed' else 'Unsigned', 'contents': []}
    if w[0] in ('raw',):
        L.skip_deeper(ind)
        return {'tag': 'ContentRaw', 'contents': []}
    if w[0] == 'table':
        L.skip_deeper(ind)
        return {'tag': 'ContentTable', 'contents': []}
    if w[0] == 'string':
        t = {'ascii': 'StringAscii', 'icao': 'StringICAO', 'octal': 'StringOctal'}[w[1]]
        return {'tag': 'ContentString', 'contents': {'tag': t, 'contents': []}}
    if w[0] == 'bds':
        return {'tag': 'ContentBds', 'contents': {'tag': 'BdsAt' if len(w) > 1 else 'BdsWithAddress'}}
    if w[0] in ('signed', 'unsigned') and w[1] == 'integer':
        return {'tag': 'ContentInteger', 'contents': {'signedness': sign, 'constraints': []}}
    if w[0] in ('signed', 'unsigned') and w[1] == 'quantity':
        m = re.match(r'^(?:un)?signed quantity (\S+) "([^"]*)"', body)
        return {'tag': 'ContentQuantity', 'contents': {'signedness': sign, 'lsb': lsb(m.group(1)),
                                                       'unit': m.group(2), 'constraints': []}}
    raise ValueError('content: ' + body)


def rule_content(L, indent):
    ind, body = L.peek()
    if body.startswith('case '):
        L.next()
        path = body[5:].split('/')
        cases, default = [], {'tag': 'ContentRaw', 'contents': []}
        while L.peek()[0] > ind:
            cind, cbody = L.next()
            c = content(L, cind)
            if cbody == 'default:':
                default = c
            else:
                cases.append([[int(cbody.rstrip(':'))], c])
        return {'tag': 'Dependent', 'contents': {'path': [path], 'default': default, 'cases': cases}}
    return {'tag': 'ContextFree', 'contents': content(L, ind)}


def items(L, indent, allow_fx):
    out = []
    while L.peek()[0] == indent:
        ind, body = L.peek()
        if body == '-':
            L.next()
            out.append(None)
        elif body.startswith('spare '):
            L.next()
            out.append({'tag': 'Spare', 'contents': int(body.split()[1])})
        else:
            out.append({'tag': 'Item', 'contents': nonspare(L)})
    return out


def nonspare(L):
    ind, body = L.next()
    m = re.match(r'^(\S+)\s+"(.*)"$', body)
    name, title = (m.group(1), m.group(2)) if m else (body, '')
    v = variation(L, L.peek()[0])
    return {'name': name, 'title': title, 'rule': {'tag': 'ContextFree', 'contents': v}}


def variation(L, indent):
    ind, body = L.next()
    w = body.split()
    if w[0] == 'element':
        return {'tag': 'Element', 'contents': {'bitSize': int(w[1]), 'rule': rule_content(L, ind)}}
    if w[0] == 'group':
        return {'tag': 'Group', 'contents': items(L, L.peek()[0], False)}
    if w[0] == 'extended':
        return {'tag': 'Extended', 'contents': [None if i is None else i for i in items(L, L.peek()[0], True)]}
    if w[0] == 'repetitive':
        typ = {'tag': 'RepetitiveFx', 'contents': []} if w[1] == 'fx' else \
            {'tag': 'RepetitiveRegular', 'contents': {'byteSize': int(w[1])}}
        return {'tag': 'Repetitive', 'contents': {'type': typ, 'variation': variation(L, L.peek()[0])}}
    if w[0] == 'explicit':
        kind = {'re': 'ReservedExpansion', 'sp': 'SpecialPurpose'}.get(w[1] if len(w) > 1 else '', None)
        return {'tag': 'Explicit', 'contents': {'tag': kind, 'contents': []} if kind else None}
    if w[0] == 'compound':
        subs = items(L, L.peek()[0], True)
        return {'tag': 'Compound', 'contents': [None if s is None else s['contents'] for s in subs]}
    raise ValueError('variation: ' + body)


def parse(text):
    L = Lines(text)
    cat = ed = None
    catalogue, uap = [], []
    while L.i < len(L.lines):
        ind, body = L.next()
        if body.startswith('asterix '):
            cat = int(body.split()[1])
        elif body.startswith('edition '):
            major, minor = body.split()[1].split('.')
            ed = {'major': int(major), 'minor': int(minor)}
        elif body == 'items':
            while L.peek()[0] == 4:
                catalogue.append(nonspare(L))
        elif body == 'uap':
            while L.peek()[0] == 4:
                _, u = L.next()
                uap.append({'tag': 'UapItemSpare', 'contents': []} if u == '-' else {'tag': 'UapItem', 'contents': u})
    return {'tag': 'AsterixBasic', 'contents': {'category': cat, 'edition': ed, 'catalogue': catalogue,
                                                 'uap': {'tag': 'Uap', 'contents': uap}}}


if __name__ == '__main__':
    import json
    print(json.dumps(parse(open(sys.argv[1]).read())))
