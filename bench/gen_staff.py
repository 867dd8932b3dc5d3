#!/usr/bin/env python3
"""Writes a made-up staff file of N people for benchmarking `skillgym import staff`.

    bench/gen_staff.py N OUT [--sites CODE;CODE;...] [--seed S]

The file follows docs/staff-file.md: the twelve columns, UTF-8, LF line endings. Employee
numbers are B000001, B000002, ...; every email is unique; every 20th person (B000001,
B000021, ...) is the line manager of the 19 people after them; people are spread over about
20 teams and over the site codes given (they must exist in the organisation the file is
imported into: by default the sites of the default `skillgym demo` organisation).
"""

import argparse
import csv
import random
import sys

COLUMNS = [
    "employee_number", "given_name", "family_name", "email", "employment", "job_role",
    "job_family", "contracted_hours", "start_date", "line_manager", "team", "sites",
]
# The sites of the default demo organisation (`skillgym demo`, 230 people, seed 2026).
DEFAULT_SITES = "CEN;HQ"
GIVEN = ["Siân", "Llŷr", "Siôn", "Rhiannon", "Gareth", "Eleri", "Dafydd", "Megan", "Iwan",
         "Ffion", "Owain", "Catrin", "Tomos", "Nia", "Huw", "Alys", "Rhys", "Elin", "Aled",
         "Mari", "James", "Sarah", "David", "Emma", "Mohammed", "Aisha", "Priya", "Tomasz"]
FAMILY = ["Jones", "Davies", "Williams", "Evans", "Thomas", "Roberts", "Hughes", "Lewis",
          "Morgan", "Griffiths", "Price", "Rees", "Owen", "Powell", "Pritchard", "Ap Huw",
          "O'Brien", "Kowalski", "Khan", "Patel"]
TEAMS = [f"Bench team {name}" for name in [
    "Aber", "Bala", "Caron", "Dyfi", "Elan", "Ffestiniog", "Gwaun", "Hafren", "Irfon",
    "Llynfi", "Mawddach", "Nedd", "Ogwen", "Prysor", "Rheidol", "Sawdde", "Taf", "Tywi",
    "Wysg", "Ystwyth"]]
ROLES = [
    ("Library Assistant", "frontline"),
    ("Senior Library Assistant", "frontline"),
    ("Children's Librarian", "specialist"),
    ("Digital Inclusion Officer", "specialist"),
    ("Library Assistant, Children's", "frontline"),  # a value with a comma: quoted
    ("Local Studies Librarian", "specialist"),
    ("Trainee Manager", "aspiring_leader"),
]
HOURS = ["7.5", "11", "14.5", "18.5", "22.5", "30", "37", "7.25"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="how many people")
    parser.add_argument("out", help="the CSV file to write")
    parser.add_argument("--sites", default=DEFAULT_SITES,
                        help=f"site codes separated by ; (default {DEFAULT_SITES})")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.count < 1:
        parser.error("count must be at least 1")
    sites = [s.strip().upper() for s in args.sites.split(";") if s.strip()]
    if not sites:
        parser.error("no site codes given")
    rng = random.Random(args.seed)

    with open(args.out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(COLUMNS)
        manager = ""
        team = TEAMS[0]
        for i in range(args.count):
            number = f"B{i + 1:06d}"
            given, family = rng.choice(GIVEN), rng.choice(FAMILY)
            if i % 20 == 0:
                # A manager of the next 19 people, who share the manager's team.
                manager, team = number, TEAMS[(i // 20) % len(TEAMS)]
                role, job_family, hours, line_manager = "Branch Manager", "manager", "37", ""
                employment = "employee"
            else:
                role, job_family = rng.choice(ROLES)
                hours, line_manager = rng.choice(HOURS), manager
                employment = "volunteer" if i % 7 == 3 else "employee"
                if employment == "volunteer":
                    role, job_family, hours = "Volunteer", "frontline", rng.choice(["2", "3", "4"])
            email = "" if employment == "volunteer" and i % 3 == 0 else \
                f"{number.lower()}.{family.lower().replace(' ', '').replace(chr(39), '')}@bench.example"
            person_sites = [sites[i % len(sites)]]
            if len(sites) > 1 and i % 5 == 0:
                person_sites.append(sites[(i + 1) % len(sites)])
            start = f"{2000 + i % 26}-{1 + i % 12:02d}-{1 + i % 28:02d}"
            w.writerow([number, given, family, email, employment, role, job_family, hours,
                        start, line_manager, team, ";".join(person_sites)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
