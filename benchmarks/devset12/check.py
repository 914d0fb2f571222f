"""Checks for devset12: python benchmarks/devset12/check.py

devset10's check.py, plus: the JSONL fields, the review headers and bodies (against the
unpacked polarity-v2 data when it is at DATA), and phrase length (4-10 words, counting
tokens that hold a letter or digit).
"""

import collections
import difflib
import json
import pathlib
import re
import sys

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
DATA = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/pl12/movie_reviews")
INTENTS = {"dislikes", "likes", "verdict", "aspect", "lookup", "plot", "ending", "summary"}
KEYS = {"review", "question", "intent", "must", "forbid", "verdict", "first", "answerable"}
ids = sorted(f.stem for f in (HERE / "reviews").glob("*.txt"))
for rid in ids:
    f = HERE / "reviews" / f"{rid}.txt"
    raw = f.read_text(encoding="utf-8")
    head = dict(x.split(": ", 1) for x in raw.split("\n---\n", 1)[0].splitlines()[1:])
    _, label, cv = rid.split("-")
    if (
        head.get("id") != rid
        or head.get("source") != "Pang & Lee polarity v2.0"
        or not head.get("film")
    ):
        print("HEADER", rid, head)
        bad += 1
    if head.get("critic") != f"rec.arts.movies.reviews critic ({cv})":
        print("CRITIC", rid, head.get("critic"))
        bad += 1
    if "year" in head and not re.fullmatch(r"\d{4}", head["year"]):
        print("YEAR", rid, head["year"])
        bad += 1
    orig = DATA / label / f"{cv}.txt"
    if orig.exists() and orig.read_text(encoding="utf-8") != body(rid):
        print("BODY", rid, "differs from", orig)
        bad += 1
    if not body(rid).endswith("\n"):
        print("NEWLINE", rid)
        bad += 1
for n, q in enumerate(qs, 1):
    err = []
    if set(q) - KEYS:
        err.append(f"unknown keys {set(q) - KEYS}")
    if q.get("review") not in ids or not q.get("question", "").strip():
        err.append("review/question")
    if q.get("answerable", True) is False:
        if set(q) - {"review", "question", "answerable"}:
            err.append("unanswerable with extra fields")
    else:
        it = q.get("intent")
        if it not in INTENTS or "answerable" in q:
            err.append(f"intent {it!r}")
        if it == "verdict" and q.get("verdict") not in {"positive", "negative", "mixed"}:
            err.append("verdict value")
        if it != "verdict" and "verdict" in q:
            err.append("verdict on a non-verdict question")
        if it == "lookup" and not q.get("first"):
            err.append("lookup without first")
        if it not in {"verdict", "lookup"} and not q.get("must"):
            err.append("no must")
        if it != "lookup" and "first" in q:
            err.append("first on a non-lookup question")
    for p in q.get("must", []) + q.get("forbid", []) + ([q["first"]] if "first" in q else []):
        w = sum(1 for t in p.split() if re.search(r"[a-z0-9]", t, re.I))
        if not 4 <= w <= 10:
            err.append(f"{w} words: {p!r}")
    for e in err:
        print("FIELD", n, q.get("review"), e)
        bad += 1
print(len(qs), "questions;", len(ids), "reviews")
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
