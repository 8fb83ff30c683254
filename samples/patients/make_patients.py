"""Writes patients.csv: a small, entirely invented patient table for the README's first command.

Nothing here comes from real people. The columns are chosen to exercise every column kind SynthFixtures
profiles: a key, integers, decimals with missing values, dates, booleans, categories, and e-mail addresses.
Run: python3 make_patients.py  (deterministic: seed 20261124)
"""
import csv, math, random
from datetime import date, timedelta

rng = random.Random(20261124)
departments = [("Cardiology", 0.22), ("Orthopedics", 0.18), ("Oncology", 0.12), ("Pediatrics", 0.15),
               ("Neurology", 0.10), ("General Surgery", 0.23)]
blood = [("O+", 0.37), ("A+", 0.34), ("B+", 0.09), ("AB+", 0.03), ("O-", 0.07), ("A-", 0.06), ("B-", 0.02), ("AB-", 0.02)]
insurers = [("Public", 0.55), ("Private", 0.35), ("None", 0.10)]
first = ["ana", "ben", "chloe", "dev", "elif", "femi", "gus", "hana", "ivan", "jun", "kira", "liam", "mei", "noor", "omar", "pia"]
last = ["smith", "garcia", "chen", "okafor", "novak", "silva", "kim", "muller", "rossi", "haddad"]

def pick(options):
    r, acc = rng.random(), 0.0
    for value, p in options:
        acc += p
        if r < acc:
            return value
    return options[-1][0]

with open("patients.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["patient_id", "age", "sex", "blood_type", "department", "admitted", "length_of_stay",
                "weight_kg", "systolic_bp", "smoker", "insurance", "email"])
    start = date(2024, 1, 1)
    for i in range(1, 2001):
        dept = pick(departments)
        age = max(0, min(98, int(rng.gauss(8, 4)) if dept == "Pediatrics" else int(rng.gauss(58, 17))))
        sex = "F" if rng.random() < 0.52 else "M"
        weight = rng.gauss(72 if sex == "M" else 63, 12) if age >= 16 else 10 + age * 3.2 + rng.gauss(0, 4)
        bp = int(round(105 + 0.45 * age + rng.gauss(0, 11) + (6 if weight > 85 else 0)))
        stay = max(1, int(rng.lognormvariate(1.2 + (0.5 if dept in ("Oncology", "General Surgery") else 0) + age / 200, 0.6)))
        admitted = start + timedelta(days=rng.randrange(0, 700))
        smoker = "true" if rng.random() < (0.05 if age < 18 else 0.21) else "false"
        insurance = pick(insurers)
        email = f"{rng.choice(first)}.{rng.choice(last)}{rng.randrange(1, 999)}@example.org"
        w.writerow([i, age, sex, pick(blood), dept, admitted.isoformat(), stay,
                    "" if rng.random() < 0.04 else f"{max(3.0, weight):.1f}", bp, smoker,
                    "NA" if rng.random() < 0.03 else insurance, email])
