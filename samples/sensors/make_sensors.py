"""Writes sensors.csv: invented daily readings of 40 sensors, for the typed-sequence sample (samples/Fixtures.Sample.Tests).

Nothing here is measured. Each sensor is an entity with a constant site (indoor or outdoor) and 30 consecutive daily
readings from its own start date; its temperature is an AR(1) series around the site's level (indoor 21 °C, calm;
outdoor 12 °C, with larger swings), and its status is "alert" on days above 22 °C, "ok" otherwise.
Run: python3 make_sensors.py  (deterministic: seed 20261205)
"""
import csv, random
from datetime import date, timedelta

rng = random.Random(20261205)
levels = {"indoor": (21.0, 0.8), "outdoor": (12.0, 3.0)}

with open("sensors.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["sensor", "site", "day", "temperature", "status"])
    for s in range(1, 41):
        site = "indoor" if s % 2 == 0 else "outdoor"
        mean, sd = levels[site]
        start = date(2024, 3, 1) + timedelta(days=rng.randrange(0, 60))
        t = mean + rng.gauss(0, sd)
        for d in range(30):
            t = mean + 0.8 * (t - mean) + rng.gauss(0, sd * 0.6)
            w.writerow([f"S-{s:03d}", site, (start + timedelta(days=d)).isoformat(), f"{t:.1f}", "alert" if t > 22 else "ok"])
