#!/usr/bin/env python3
"""Writes guides/data/demo-coding.json: how two demo coders coded the demo conversations.

The demo needs coding that looks like a workgroup's: codes applied to the sentences that call for
them, two coders who mostly agree and sometimes do not. This script makes it reproducibly from
guides/data/demo.json with keyword rules (a sentence naming costs gets "Cost", ...), whole-answer
codes from the structured answers (first-impression sentiment, interest), and a deterministic
share of disagreement for the second coder (a code left out, or a sibling code chosen instead).
Run it again after editing demo.json:  python3 guides/data/tools/make-demo-coding.py
"""
import hashlib
import json
import pathlib
import re

DATA = pathlib.Path(__file__).resolve().parent.parent
CODERS = ["Priya Raman", "Tom Becker"]

# lower-case word starts -> code slug
RULES = [
    (("cost", "fee", "afford", "budget", "money", "fund"), "obstacles.cost"),
    (("statute", "administrative code", "rule change", "legislat", "regulation"), "obstacles.code"),
    (("transcript", "tracking", "track them", "record-keeping", "database"), "obstacles.tracking"),
    (("assessor", "reviewer", "who scores", "scorer"), "evidence.assessors"),
    (("rubric",), "evidence.rubrics"),
    (("video", "portfolio", "artefact", "artifact", "lesson plan", "student work", "reflection"),
     "evidence.artefacts"),
    (("criteria", "standards"), "evidence.criteria"),
    (("clock hour", "pd hour", "hours"), "currency.clock_hours"),
    (("renewal", "relicens", "re-licens"), "currency.relicensure"),
    (("graduate credit", "credit hour", "university", "college"), "currency.graduate_credit"),
    (("endorsement", "designation"), "currency.designation"),
    (("salary", "pay lane", "promotion", "ladder"), "currency.salary"),
    (("stack",), "stacking.stack_value"),
    (("pathway",), "stacking.pathways"),
    (("shortage", "high-need", "special education", "bilingual"), "stacking.high_need"),
    (("equity", "access", "rural"), "concerns.equity"),
    (("dilut", "water", "lower the bar", "rigour", "rigor"), "concerns.dilution"),
    (("workload", "burden", "capacity"), "concerns.workload"),
    (("patchwork", "fragment", "confus"), "concerns.fragmentation"),
    (("student",), "benefits.students"),
    (("retention", "retain", "district"), "benefits.system"),
    (("priorit",), "benefits.state_priorities"),
    (("partner",), "issuers.partnerships"),
    (("accredit", "approv"), "issuers.approval"),
    (("track record", "reputation"), "issuers.track_record"),
    (("badge", "lighter", "quick", "easy"), "assumptions.quality_low"),
]
SENTIMENT = {"positive": "perceptions.positive", "negative": "perceptions.negative",
             "mixed": "perceptions.mixed", "unfamiliar": "perceptions.unfamiliar"}


def sentences(text):
    """Each sentence of text as it appears in it (so it can be found again)."""
    return [s for s in re.split(r"(?<=[.!?;])\s+", text) if s.strip()]


def share(*parts):
    """A number 0..99 fixed by the parts: the same input always disagrees the same way."""
    return int(hashlib.sha256("|".join(parts).encode()).hexdigest(), 16) % 100


def sibling(code):
    parent = code.split(".")[0]
    others = [c for _, c in RULES if c.startswith(parent + ".") and c != code]
    return others[0] if others else None


def first_coder(conv_index, answer):
    out = []
    value = answer.get("values", {})
    if answer["question"] == "perceptions.first_thoughts" and value.get("sentiment") in SENTIMENT:
        out.append({"code": SENTIMENT[value["sentiment"]]})
    if answer["question"] == "wrap_up.interest":
        if value.get("further_talks") == "yes":
            out.append({"code": "interest.further_talks"})
        if value.get("interest", 3) <= 2:
            out.append({"code": "interest.not_now"})
    seen = set()
    texts = [answer.get("notes", "")] + [q["text"] for q in answer.get("quotes", [])]
    for text in texts:
        for sentence in sentences(text):
            low = sentence.lower()
            for words, code in RULES:
                if code in seen or not any(w in low for w in words):
                    continue
                seen.add(code)
                out.append({"code": code, "excerpt": sentence.strip()})
    return out


def second_coder(conv_index, question, codings):
    out = []
    for c in codings:
        n = share(str(conv_index), question, c["code"])
        if n < 12:
            continue  # left out
        if n < 20 and "excerpt" in c and sibling(c["code"]):
            out.append(dict(c, code=sibling(c["code"])))
            continue
        out.append(dict(c))
    return out


def main():
    demo = json.loads((DATA / "demo.json").read_text())
    codings = []
    for i, conv in enumerate(demo["conversations"]):
        if conv.get("status") != "complete":
            continue
        # The second coder double-codes two conversations in three.
        double = share(str(i), "double") < 67
        for answer in conv.get("answers", []):
            first = first_coder(i, answer)
            for c in first:
                codings.append(dict(c, conversation=i, question=answer["question"], coder=CODERS[0]))
            if double:
                for c in second_coder(i, answer["question"], first):
                    codings.append(dict(c, conversation=i, question=answer["question"],
                                        coder=CODERS[1]))
    out = {"schema": 1, "kind": "demo-coding", "coders": CODERS,
           "generated_by": "guides/data/tools/make-demo-coding.py", "codings": codings}
    (DATA / "demo-coding.json").write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n")
    print(len(codings), "codings")


if __name__ == "__main__":
    main()
