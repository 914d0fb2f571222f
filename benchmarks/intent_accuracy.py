"""How well questions' intents are read: the cue rules alone, and with the learned model.

1. 10-fold cross-validation over the example questions (config/questions.jsonl), the model
   fitted on nine folds each time: intent accuracy of the model alone, the rules alone, and the
   rules with the model (as the bot runs). The rules were never tuned on these examples.
2. Each question set scored twice in one run, with the learned model and without it
   ([answer] learned_intents = false), from `reviewbot eval`'s own tallies.

    python benchmarks/intent_accuracy.py [SET ...]   (default: every dev set and heldout2)
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from train_intents import Featurizer, fit, read_examples  # noqa: E402

from bot.app import build_service  # noqa: E402
from bot.config import load_settings  # noqa: E402
from bot.reviews.evaluation import Tally, evaluate, load_questions, pct  # noqa: E402
from bot.reviews.qa.intents import normalise, parse_question, question_aspects  # noqa: E402

SETS = ("devset", "devset2", "devset3", "devset4", "devset5", "devset6", "heldout2")
FOLDS = 10


def cross_validate(path: Path) -> None:
    examples = read_examples(path)
    order = list(range(len(examples)))
    random.Random(0).shuffle(order)
    featurizer = Featurizer()
    right: dict[str, Counter[str]] = {"model": Counter(), "rules": Counter(), "both": Counter()}
    total: Counter[str] = Counter()
    for fold in range(FOLDS):
        held = set(order[fold::FOLDS])
        model = fit([e for i, e in enumerate(examples) if i not in held], featurizer)
        for i in sorted(held):
            question, intent = examples[i]
            total[intent] += 1
            normalised = normalise(question, featurizer.vocabulary, keep=set())
            guess = model.guess(normalised, question_aspects(normalised, featurizer.vocabulary))
            right["model"][intent] += guess is not None and guess.intent == intent
            for name, used in (("rules", None), ("both", model)):
                parsed = parse_question(question, featurizer.vocabulary, people=set(), model=used)
                right[name][intent] += parsed.intent == intent
    print(f"{FOLDS}-fold cross-validation over {len(examples)} example questions ({path.name}):")
    print(f"  {'intent':<10}{'n':>5}{'model':>8}{'rules':>8}{'rules+model':>13}")
    for intent in [*sorted(total), "ALL"]:
        n = total[intent] if intent != "ALL" else sum(total.values())
        cells = [
            (r[intent] if intent != "ALL" else sum(r.values())) / n * 100 for r in right.values()
        ]
        print(f"  {intent:<10}{n:>5}{cells[0]:>7.1f}%{cells[1]:>7.1f}%{cells[2]:>12.1f}%")


def score(name: str, learned: bool) -> Tally:
    base = load_settings()
    settings = dataclasses.replace(
        base, answer=dataclasses.replace(base.answer, learned_intents=learned)
    )
    folder = ROOT / "benchmarks" / name
    with tempfile.TemporaryDirectory() as tmp:
        service = build_service(settings, db_url=f"sqlite:///{tmp}/eval.sqlite3")
        service.ingest_paths_sync([folder / "reviews"])
        tallies, _ = evaluate(service, load_questions(folder / "questions.jsonl"))
        service.store.close()
    total = Tally()
    for tally in tallies.values():
        total.add(tally)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", default=SETS)
    parser.add_argument("--no-cv", action="store_true", help="skip the cross-validation")
    args = parser.parse_args()
    if not args.no_cv:
        cross_validate(ROOT / "config" / "questions.jsonl")
        print()
    print(f"{'set':<10}{'model':>7}{'intent ok':>11}{'must':>7}{'forbid':>8}{'abstain u/a':>13}")
    for name in args.sets:
        for learned in (False, True):
            t = score(name, learned)
            abstain = f"{pct(t.abstained_right, t.unanswerable)}/"
            abstain += pct(t.abstained_wrong, t.answerable)
            print(
                f"{name:<10}{'yes' if learned else 'no':>7}{pct(t.intent_right, t.answerable):>11}"
                f"{pct(t.must_found, t.must_total):>7}{pct(t.forbid_cited, t.forbid_total):>8}"
                f"{abstain:>13}"
            )


if __name__ == "__main__":
    main()
