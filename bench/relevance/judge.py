#!/usr/bin/python3
"""The reference judge for `kith match`: grades every person 0-3 per opportunity.

This is the independent side of the relevance benchmark. It does not import,
call or copy kith's ranking code; it only reads the people (the JSON of
`kith --json list`) and bench/relevance/opportunities.json, and applies the
rules below, which are written as a person would judge a list of friends.

Usage:
  bench/relevance/judge.py                       # generates the network with build/src/kith
  bench/relevance/judge.py --people people.json  # or grades an existing dump
  bench/relevance/judge.py --check               # only print counts, do not write qrels.json

The judging rule
----------------
Each opportunity names what its ideal recipient has (`judge.wants`; by default
the skills the user typed, verbatim) and may name a place, and, for a few,
phrases of what people say they are looking for (`judge.looking_for`).

1. Terms are compared after folding case, spaces and hyphens, and after mapping
   through SAME_THING below: short forms and word forms a person reads as the
   same skill ("K8s" is Kubernetes, "photographer" is photography). Nothing
   else counts as the same: no stemming, no partial words.
2. A person HAS a wanted term if one of their skills is it; for tickets,
   intros and "other", one of their interests counts too (tickets to the
   opera are for people who love opera; a job wants the skill).
3. A person FITS when they have at least half of the wanted terms, rounded up
   (one of one or two, two of three), or when their "looking for" contains a
   listed phrase.
4. OPEN means open to opportunities, confirmed within the last six calendar
   months (open_since on or after today minus 6 months; open with no date
   counts as open).
5. IN PLACE means no place was given, or the person's city (or neighbourhood)
   is the place.
6. Grades:
   job, project:            3 = fits, open and in place
                            2 = fits (but not open, or elsewhere)
   tickets, intro, other:   3 = fits and in place
                            2 = fits, elsewhere
   any kind:                1 = does not fit but has some of the wanted terms,
                                or a skill or interest from the same family as
                                one (RELATED below: Docker for Kubernetes,
                                bouldering for climbing)
                            0 = nothing of the above
Relevant, for precision, is grade >= 2.
"""
import argparse
import datetime
import hashlib
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

# Words a person reads as the same skill or interest. Each line: the name
# used here, then the other ways people write it.
SAME_THING = {
    "javascript": ["js"],
    "typescript": ["ts"],
    "go": ["golang"],
    "postgresql": ["postgres"],
    "kubernetes": ["k8s"],
    "machine learning": ["ml"],
    "nlp": ["natural language processing"],
    "react": ["react.js", "reactjs"],
    "ehr systems": ["ehr", "electronic health records"],
    "financial modeling": ["financial modelling"],
    "recruiting": ["recruiter", "recruitment"],
    "teaching": ["teacher"],
    "photography": ["photographer"],
    "copywriting": ["copywriter"],
    "fundraising": ["fundraiser"],
    "formula 1": ["f1", "formula one"],
    "tax planning": ["taxes", "tax"],
    "accounting": ["bookkeeping", "bookkeeper", "accountant"],
    "video editing": ["video editor"],
    "ios": ["ios development"],
    "stand-up comedy": ["standup comedy", "stand-up", "comedy"],
    "telemedicine": ["telehealth"],
}

# Families: holding another member of a wanted term's family is "related" (grade 1).
RELATED = [
    ["c++", "rust", "go", "compilers", "embedded systems", "performance tuning"],
    ["javascript", "typescript", "react", "graphql"],
    ["machine learning", "nlp", "computer vision", "llms", "data analysis", "data engineering",
     "spark", "biostatistics", "python"],
    ["kubernetes", "docker", "terraform", "devops", "aws", "linux", "ci/cd"],
    ["sqlite", "postgresql", "data engineering"],
    ["ios", "swift", "android", "kotlin"],
    ["figma", "ux research", "typography", "branding", "illustration", "art direction",
     "motion design", "graphic design"],
    ["patient care", "telemedicine", "care coordination", "ehr systems", "pediatrics",
     "mental health", "public health"],
    ["financial modeling", "excel", "valuation", "accounting", "due diligence", "tax planning",
     "portfolio management", "m&a", "fintech", "risk management"],
    ["venture capital", "fintech", "due diligence", "m&a"],
    ["teaching", "curriculum design", "instructional design", "stem education", "esl teaching",
     "classroom management", "assessment design", "educational technology"],
    ["fundraising", "grant writing", "donor relations", "nonprofit governance", "program design",
     "volunteer management", "community organizing", "advocacy"],
    ["video editing", "storytelling", "podcast production", "photography", "film",
     "documentaries", "motion design"],
    ["copywriting", "writing", "editing", "storytelling", "marketing"],
    ["recruiting", "hiring"],
    ["security", "linux", "privacy law", "compliance"],
    ["spanish", "portuguese", "french", "languages"],
    ["jazz", "opera", "classical music", "choir", "piano", "guitar", "drumming", "vinyl records",
     "hip-hop"],
    ["climbing", "bouldering", "hiking", "camping"],
    ["hiking", "camping", "kayaking", "bikepacking", "birdwatching", "fly fishing", "sailing"],
    ["baseball", "basketball", "soccer", "football", "cricket", "formula 1", "tennis"],
    ["pottery", "woodworking", "knitting", "calligraphy", "painting", "urban sketching"],
    ["gardening", "houseplants", "volunteering"],
    ["urban planning", "public transit", "architecture"],
    ["stand-up comedy", "improv", "theater"],
]


def fold(text):
    out = " ".join(text.lower().replace("-", " ").replace("_", " ").split())
    return out


ALIAS = {}
for name, others in SAME_THING.items():
    for word in [name] + others:
        ALIAS[fold(word)] = fold(name)


def concept(term):
    folded = fold(term)
    return ALIAS.get(folded, folded)


FAMILY = {}
for family in RELATED:
    members = {concept(m) for m in family}
    for member in members:
        FAMILY.setdefault(member, set()).update(members - {member})


def six_months_before(day):
    month = day.month - 6
    year = day.year
    if month < 1:
        month += 12
        year -= 1
    last = [31, 29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28, 31, 30, 31, 30,
            31, 31, 30, 31, 30, 31][month - 1]
    return datetime.date(year, month, min(day.day, last))


def is_open(person, today):
    if not person.get("open_to_opportunities"):
        return False
    since = person.get("open_since")
    if not since:
        return True
    return datetime.date.fromisoformat(since) >= six_months_before(today)


def in_place(person, place):
    if not place:
        return True
    wanted = fold(place)
    return wanted in (fold(person.get("city") or ""), fold(person.get("neighborhood") or ""))


def judge_terms(opportunity):
    judge = opportunity.get("judge", {})
    wants = judge.get("wants", opportunity.get("skills", []))
    return ([concept(w) for w in wants], [fold(p) for p in judge.get("looking_for", [])],
            judge.get("place", opportunity.get("place", "")))


def grade(opportunity, person, today):
    wants, phrases, place = judge_terms(opportunity)
    kind = opportunity["kind"]
    skills = {concept(s) for s in person.get("skills", [])}
    interests = {concept(i) for i in person.get("interests", [])}
    held = skills | interests if kind in ("tickets", "intro", "other") else skills
    have = [w for w in wants if w in held]
    looking = fold(person.get("looking_for") or "")
    fits = (wants and len(have) >= (len(wants) + 1) // 2) or any(p in looking for p in phrases)
    if fits:
        ideal = in_place(person, place)
        if kind in ("job", "project"):
            ideal = ideal and is_open(person, today)
        return 3 if ideal else 2
    if have:
        return 1
    for want in wants:
        if FAMILY.get(want, set()) & (skills | interests):
            return 1
    return 0


def fingerprint(people):
    """A digest of what the judge reads, so evaluate.py can tell the network is the same."""
    keys = ["id", "name", "city", "neighborhood", "skills", "interests", "open_to_opportunities",
            "open_since", "looking_for"]
    rows = sorted(([p.get(k) for k in keys] for p in people), key=lambda r: r[0])
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()[:16]


def generate(kith, network):
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "judge.db")
        base = [kith, "--db", db, "--today", network["today"]]
        subprocess.run(base + ["gen", str(network["gen"]), "--seed", str(network["seed"])],
                       check=True, stdout=subprocess.DEVNULL)
        out = subprocess.run(base + ["--json", "list", "--limit", "100000"], check=True,
                             capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--opportunities", default=os.path.join(HERE, "opportunities.json"))
    parser.add_argument("--people", help="JSON of `kith --json list --limit 100000`")
    parser.add_argument("--kith", default=os.path.join(REPO, "build", "src", "kith"))
    parser.add_argument("--out", default=os.path.join(HERE, "qrels.json"))
    parser.add_argument("--check", action="store_true", help="print counts only")
    args = parser.parse_args()

    spec = json.load(open(args.opportunities, encoding="utf-8"))
    network = spec["network"]
    if args.people:
        people = json.load(open(args.people, encoding="utf-8"))
    else:
        people = generate(args.kith, network)
    today = datetime.date.fromisoformat(network["today"])

    qrels = {}
    short = []
    print(f"{'opportunity':32} {'3':>4} {'2':>4} {'1':>4}  >=2")
    for opportunity in spec["opportunities"]:
        grades = {}
        for person in people:
            g = grade(opportunity, person, today)
            if g:
                grades[str(person["id"])] = g
        counts = [sum(1 for g in grades.values() if g == n) for n in (3, 2, 1)]
        relevant = counts[0] + counts[1]
        if relevant < 5:
            short.append(opportunity["key"])
        print(f"{opportunity['key']:32} {counts[0]:4} {counts[1]:4} {counts[2]:4}  {relevant}")
        qrels[opportunity["key"]] = dict(sorted(grades.items(), key=lambda kv: int(kv[0])))
    if short:
        print("fewer than 5 people graded >= 2:", ", ".join(short), file=sys.stderr)
    if args.check:
        return 1 if short else 0
    result = {
        "about": "Grades 0-3 per opportunity and person id (absent = 0), written by judge.py; "
                 "see its docstring for the rule. Relevant = grade >= 2.",
        "network": dict(network, people=len(people), fingerprint=fingerprint(people)),
        "qrels": qrels,
    }
    with open(args.out, "w", encoding="utf-8") as out:
        json.dump(result, out, indent=1, ensure_ascii=False)
        out.write("\n")
    print(f"wrote {os.path.relpath(args.out, REPO)}")
    return 1 if short else 0


if __name__ == "__main__":
    sys.exit(main())
