#!/usr/bin/env python3
"""Per-field agreement of parsed records with hand-written letters' expected records.

The unit test (tests/unit/parser_layouts_test.cpp) says whether every letter
reads right; this says how far off a set of letters is, field by field, as
figures to report for letters written before the parser was fixed for them:

    BUILD/imr-index extract tests/data/letters/NEW-CLASS ... \
        | python3 tests/accuracy/letters_score.py

Each record's "source" names its letter; NAME.expected.json beside it is the truth.
Items are compared in order; a letter with too few or too many items counts
against items.count and only its first items are compared.
"""
import collections
import json
import sys


def main():
    right, seen = collections.Counter(), collections.Counter()
    misses = []

    def compare(letter, field, got, expected):
        seen[field] += 1
        if got == expected:
            right[field] += 1
        else:
            misses.append((letter, field, got, expected))

    for line in sys.stdin:
        if not line.startswith('{'):
            continue
        got = json.loads(line)
        with open(got['source'].rsplit('.', 1)[0] + '.expected.json', encoding='utf-8') as f:
            expected = json.load(f)
        letter = got['source']
        for key in ['case_number', 'case_number_from', 'layout', 'outcome', 'priority', 'diagnoses']:
            compare(letter, key, got.get(key), expected.get(key))
        for group in ['dates', 'reviewer', 'patient']:
            for key in expected[group]:
                compare(letter, group + '.' + key, got[group].get(key), expected[group][key])
        compare(letter, 'items.count', len(got['items']), len(expected['items']))
        for got_item, expected_item in zip(got['items'], expected['items']):
            for key in expected_item:
                compare(letter, 'item.' + key, got_item.get(key), expected_item[key])

    for field in seen:
        print(f'{field:28s} {100.0 * right[field] / seen[field]:7.2f}%  ({right[field]}/{seen[field]})')
    total_right, total = sum(right.values()), sum(seen.values())
    if total:
        print(f"{'all fields':28s} {100.0 * total_right / total:7.2f}%  ({total_right}/{total})")
    for letter, field, got, expected in misses:
        print(f'  wrong {letter} {field}: got {json.dumps(got)}, expected {json.dumps(expected)}')
    return 1 if misses else 0


if __name__ == '__main__':
    sys.exit(main())
