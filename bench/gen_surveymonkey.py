#!/usr/bin/env python3
"""Writes a made-up SurveyMonkey "all responses" export of N respondents and M items, and the
mapping that imports it, for benchmarking `skillgym import responses`.

    bench/gen_surveymonkey.py N M OUT.csv [--mapping OUT.json] [--seed S]
        [--framework crates/domain/content/default-framework.json]
        [--content crates/domain/content/demo-campaign.json]

The file follows SurveyMonkey's layout (docs/survey-import.md): the nine respondent columns,
then two header rows. Items are filled in this order, M in all: one Likert column per
competence of the framework (cells "1 - not strong" … "5 - very strong" or "Not sure"), one
column per knowledge-round question of the campaign content (the option text), then the
profile questions (a number, single choices as text, a multiple choice as one column per
option); items past those are extra Likert rows that the mapping leaves out. Respondents are
anonymous (the mapping says so), each with a unique Respondent ID, so the import into the
demo's current campaign writes every row: with the defaults, 60 items are 36 ratings, 12
knowledge-round answers and 12 profile columns.
"""

import argparse
import csv
import json
import random
import sys

METADATA = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address",
            "Email Address", "First Name", "Last Name", "Custom Data 1"]
LEVELS = ["1 - not strong", "2 - fairly weak", "3 - about average", "4 - fairly strong",
          "5 - very strong", "Not sure"]
RATE = "How strong are you at each of these?"


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("n", type=int, help="respondents")
    p.add_argument("m", type=int, help="items (answer columns)")
    p.add_argument("out", help="the CSV to write")
    p.add_argument("--mapping", help="also write the mapping (JSON) here")
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--framework", default="crates/domain/content/default-framework.json")
    p.add_argument("--content", default="crates/domain/content/demo-campaign.json")
    args = p.parse_args()
    rng = random.Random(args.seed)
    framework = json.load(open(args.framework, encoding="utf-8"))
    content = json.load(open(args.content, encoding="utf-8"))

    # Each item: (question text, row label, mapping entry or None, cell maker).
    items = []
    for area in framework["areas"]:
        for c in area["competences"]:
            title = c["title"]["en"] if isinstance(c["title"], dict) else c["title"]
            items.append((RATE, title, {"column": f"{RATE} | {title}", "competence": c["code"]},
                          lambda: rng.choice(LEVELS)))
    for q in content["quiz"]:
        prompt = q["prompt"]["en"]
        options = [o["text"]["en"] for o in q["options"]]
        items.append((prompt, "Response", {"column": prompt, "quiz": q["code"]},
                      lambda options=options: rng.choice(options)))
    for q in content["profile_questions"]:
        prompt = q["prompt"]["en"]
        options = [o["en"] for o in q.get("options", [])]
        if q["kind"] == "number":
            items.append((prompt, "Open-Ended Response", {"column": prompt, "question": q["code"]},
                          lambda: str(rng.randint(0, 40))))
        elif q["kind"] == "single":
            items.append((prompt, "Response", {"column": prompt, "question": q["code"]},
                          lambda options=options: rng.choice(options)))
        elif q["kind"] == "multiple":
            for o in options:
                items.append((prompt, o, {"column": f"{prompt} | {o}", "question": q["code"]},
                              lambda o=o: o if rng.random() < 0.4 else ""))
        else:
            items.append((prompt, "Open-Ended Response", {"column": prompt, "question": q["code"]},
                          lambda: rng.choice(["", "More on online safety", "Spreadsheets, please"])))
    extra = 0
    while len(items) < args.m:
        extra += 1
        items.append((RATE, f"Extra item {extra}", None, lambda: rng.choice(LEVELS)))
    items = items[:args.m]

    with open(args.out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        top, second, last = [], [], None
        for question, label, _, _ in items:
            top.append(question if question != last else "")
            second.append(label)
            last = question
        w.writerow(METADATA + top)
        w.writerow([""] * len(METADATA) + second)
        makers = [make for _, _, _, make in items]
        for i in range(args.n):
            w.writerow([str(110_000_000 + i), "431234", "03/01/2024 10:00:00 AM",
                        "03/01/2024 10:12:00 AM", "10.0.0.1", "", "", "", ""]
                       + [make() for make in makers])
    if args.mapping:
        mapping = {
            "version": 1,
            "respondent": {"by": "anonymous"},
            "columns": [entry for _, _, entry, _ in items if entry is not None],
        }
        with open(args.mapping, "w", encoding="utf-8") as f:
            json.dump(mapping, f, indent=2, ensure_ascii=False)
    print(f"{args.out}: {args.n} respondents x {len(items)} items", file=sys.stderr)


if __name__ == "__main__":
    main()
