#!/usr/bin/env python3
"""Precision of event extraction on articles nobody tuned on: a random sample of extracted
events, judged by hand, scored again after every change.

The gold of `marsad eval events` scores recall and precision on 120 annotated articles; this
audit measures what a user sees in the rest of the corpus. It is not part of CI: the
judgments are made by reading (see docs/benchmarks.md, "Event audit").

    target/release/marsad analyze ../shared/data/news_saudinewsnet/saudinewsnet_sample3000.jsonl.gz \
        --json > /tmp/analysis.jsonl
    # Draw the sample (seeded; articles of the events gold are left out) with the text a
    # judge needs; the sample stays outside the repo (it quotes the articles).
    python3 bench/event_audit.py sample /tmp/analysis.jsonl > /tmp/audit_sample.jsonl
    # Judge each line (event, type_ok, source_ok, target_ok, certainty_ok), then keep only
    # the keys and labels: bench/event_audit/judgments-*.jsonl hold no article text.
    python3 bench/event_audit.py score bench/event_audit/judgments-2026-11-29.jsonl \
        /tmp/analysis.jsonl

`score` prints the judged figures and, for an analysis of a later build, which judged events
are still extracted: a false event that is gone is a gain, a true event that is gone a loss.
Events are keyed by (article id, cue start, type).
"""

import json
import random
import sys
from pathlib import Path

GOLD = Path(__file__).resolve().parent.parent / "crates/marsad-extract/tests/gold/events.jsonl"
SEED = 20261129
SIZE = 150


def events(analysis):
    """(key, event, article) for every event of a `marsad analyze --json` output."""
    with open(analysis, encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            aid = a.get("external_id") or a["id"]
            for e in a.get("events", []):
                yield (aid, e["cue_start"], e["type"]), e, a


def name(arg):
    return (arg or {}).get("name")


def sample(analysis):
    gold = {json.loads(l)["id"] for l in open(GOLD, encoding="utf-8")}
    pool = [(k, e) for k, e, _ in events(analysis) if k[0] not in gold]
    random.seed(SEED)
    for n, (k, e) in enumerate(random.sample(pool, min(SIZE, len(pool))), 1):
        print(json.dumps({
            "n": n, "article": k[0], "cue_start": k[1], "type": k[2], "cue": e["cue"],
            "source": name(e.get("source")), "target": name(e.get("target")),
            "certainty": e["certainty"]["label"], "sentence": e["sentence"],
        }, ensure_ascii=False))
    print(f"{len(pool)} events outside the gold articles; sampled {min(SIZE, len(pool))}",
          file=sys.stderr)


def score(judgments, analysis):
    judged = [json.loads(l) for l in open(judgments, encoding="utf-8")]
    yes = [j for j in judged if j["event"] == "yes"]
    print(f"judged events: {len(judged)}; events: {len(yes)} "
          f"(precision {len(yes) / max(1, len(judged)):.3f})")
    for field in ("type_ok", "source_ok", "target_ok", "certainty_ok"):
        ok = sum(1 for j in yes if j[field])
        print(f"  {field}: {ok} of {len(yes)} ({ok / max(1, len(yes)):.3f})")
    if analysis:
        now = {k for k, _, _ in events(analysis)}
        kept = [j for j in judged if (j["article"], j["cue_start"], j["type"]) in now]
        kept_yes = sum(1 for j in kept if j["event"] == "yes")
        gone_yes = len(yes) - kept_yes
        gone_no = len(judged) - len(yes) - (len(kept) - kept_yes)
        print(f"in {analysis}: {len(kept)} of {len(judged)} judged events still extracted; "
              f"false events gone {gone_no}, true events gone {gone_yes}; precision of the "
              f"kept {kept_yes / max(1, len(kept)):.3f}")


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "sample":
        sample(sys.argv[2])
    elif len(sys.argv) >= 3 and sys.argv[1] == "score":
        score(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
    else:
        sys.exit(__doc__)
