"""Checks for devset10: python benchmarks/devset10/check.py"""

import collections
import difflib
import json
import pathlib
import re

HERE = pathlib.Path(__file__).resolve().parent
BENCH = HERE.parent
SPLITS = [re.compile(r"(?<=[.!?])\s+"), re.compile(r"(?<=[.!?])[\"'\)\]]*\s+")]


def body(rid):
    return (HERE / "reviews" / f"{rid}.txt").read_text(encoding="utf-8").split("\n---\n", 1)[1]


def spans(text, rx):
    out, start = [], 0
    for m in rx.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def sentence(text, phrase, rx):
    i = text.find(phrase)
    for k, (s, e) in enumerate(spans(text, rx)):
        if s <= i and i + len(phrase) <= e:
            return k
    return None


qs = [json.loads(x) for x in (HERE / "questions.jsonl").read_text(encoding="utf-8").splitlines()]
bad = 0
for q in qs:
    text = body(q["review"])
    phrases = {
        "must": q.get("must", []),
        "forbid": q.get("forbid", []),
        "first": [q["first"]] if "first" in q else [],
    }
    for kind, ps in phrases.items():
        for p in ps:
            n, ni = text.count(p), text.lower().count(p.lower())
            if n != 1 or ni != 1 or "\n" in p:
                print("COUNT", q["review"], kind, repr(p), n, ni)
                bad += 1
                continue
            for rx in SPLITS:
                if sentence(text, p, rx) is None:
                    print("SPLIT", q["review"], kind, repr(p))
                    bad += 1
    for rx in SPLITS:
        ms = {sentence(text, p, rx) for p in phrases["must"]}
        for p in phrases["forbid"]:
            if sentence(text, p, rx) in ms:
                print("SHARE", q["review"], repr(p))
                bad += 1

old = []
for f in sorted(BENCH.glob("devset*/questions.jsonl")):
    if f.parent != HERE:
        old += [
            json.loads(x)["question"]
            for x in f.read_text(encoding="utf-8").splitlines()
            if x.strip()
        ]
top = []
for i, q in enumerate(qs):
    others = old + [x["question"] for j, x in enumerate(qs) if j != i]
    r, o = max(
        (difflib.SequenceMatcher(None, q["question"].lower(), x.lower()).ratio(), x) for x in others
    )
    top.append((r, q["question"], o))
    if r > 0.75:
        print("NEAR", round(r, 3), repr(q["question"]), "~", repr(o))
        bad += 1
top.sort(reverse=True)
print(
    "earlier questions:",
    len(old),
    "; highest ratio:",
    round(top[0][0], 3),
    top[0][1:],
)
print(collections.Counter(q.get("intent", "unanswerable") for q in qs))
print(collections.Counter(q["review"] for q in qs))
print("verdicts:", [(q["review"], q["verdict"]) for q in qs if q.get("intent") == "verdict"])
print("problems:", bad)
