"""Pick devset13's ten reviews from the aclImdb train split.

Run from the project root:  python benchmarks/devset13/pick.py
Optional: --seed S  --skip DIR [DIR ...]  --even  (the last two for re-checking older sets).
"""

import argparse
import csv
import gzip
import random
import re
from pathlib import Path

DATA = Path("../shared/data/aclimdb/reviews.csv.gz")
BENCH = Path("benchmarks")
ID_RE = re.compile(r"\b(?:train|test)-(?:neg|pos)-\d+(?!\d)")
TT_RE = re.compile(r"\btt\d{7,8}(?!\d)")

ap = argparse.ArgumentParser()
ap.add_argument("--seed", default="devset13-20261202")
ap.add_argument("--skip", nargs="*", default=["devset13", "devset12"])
ap.add_argument("--even", action="store_true", help="even review numbers only (devset9)")
ap.add_argument("--n", type=int, default=5)
args = ap.parse_args()
if not DATA.exists():
    DATA = Path("/work/shared/data/aclimdb/reviews.csv.gz")

csv.field_size_limit(10**9)
with gzip.open(DATA, "rt", encoding="utf-8", newline="") as f:
    rows = list(csv.DictReader(f))
film_of = {r["review_id"]: r["imdb_id"] for r in rows}

# Everything already in benchmarks/ (every file, heldout* included), minus the skipped folders.
used_ids, used_films = set(), set()
for p in sorted(BENCH.rglob("*")):
    if not p.is_file() or p.relative_to(BENCH).parts[0] in args.skip:
        continue
    text = p.read_text(encoding="utf-8", errors="replace")
    used_ids |= set(ID_RE.findall(text))
    used_films |= set(TT_RE.findall(text))
tt_only = len(used_films)
used_films |= {film_of[i] for i in used_ids if i in film_of}

text_count = {}
for r in rows:
    text_count[r["text"]] = text_count.get(r["text"], 0) + 1


def words(text):
    return len(text.replace("<br />", " ").split())


def number(review_id):
    return int(review_id.rsplit("-", 1)[1])


pools = {}
for label in ("neg", "pos"):
    pool = [
        r
        for r in rows
        if r["split"] == "train"
        and r["label"] == label
        and (not args.even or number(r["review_id"]) % 2 == 0)
        and r["review_id"] not in used_ids
        and r["imdb_id"] not in used_films
        and text_count[r["text"]] == 1
        and 120 <= words(r["text"]) <= 500
    ]
    pools[label] = sorted(pool, key=lambda r: number(r["review_id"]))

print(f"excluded: {len(used_ids)} review ids, {tt_only} IMDb ids, {len(used_films)} films in all")
rng = random.Random(args.seed)
for label in ("neg", "pos"):
    rng.shuffle(pools[label])
    print(f"{label} pool: {len(pools[label])}")
    for r in pools[label][: args.n]:
        print(f"  {r['review_id']}  {r['imdb_id']}  {words(r['text'])} words")
