"""Writes a small, entirely invented shop database as one CSV per table, for samples/Shop.Sample.Tests.

customers (1) -> (*) orders (1) -> (*) order_lines (*) <- (1) products. Nothing here comes from real people or shops.
The shape is what a multi-table model should keep: business customers order more often and buy more per order,
newer customers have fewer orders, order totals are exactly the sum of their lines (quantity x unit price), and a
line's price is its product's list price with an occasional discount.
The keys are declared in relations.json beside the CSVs (hand-written, not generated).
Run: python3 make_shop.py  (deterministic: seed 20261205)
"""
import csv, random
from datetime import date, timedelta
from decimal import Decimal, ROUND_HALF_UP

rng = random.Random(20261205)
countries = [("DE", 0.30), ("FR", 0.22), ("NL", 0.13), ("ES", 0.15), ("IT", 0.20)]
categories = [("books", 0.35), ("games", 0.20), ("garden", 0.15), ("kitchen", 0.30)]
channels = [("web", 0.62), ("store", 0.28), ("phone", 0.10)]
cent = Decimal("0.01")

def pick(options):
    r, acc = rng.random(), 0.0
    for value, p in options:
        acc += p
        if r < acc:
            return value
    return options[-1][0]

def writer(name, header):
    f = open(name, "w", newline="", encoding="utf-8")
    w = csv.writer(f, lineterminator="\n")
    w.writerow(header)
    return f, w

products = []
f, w = writer("products.csv", ["product_id", "category", "list_price"])
for product_id in range(1, 41):
    category = pick(categories)
    base = {"books": 14, "games": 45, "garden": 30, "kitchen": 22}[category]
    price = Decimal(str(max(2.0, rng.lognormvariate(0, 0.45) * base))).quantize(cent, ROUND_HALF_UP)
    products.append((product_id, price))
    w.writerow([product_id, category, price])
f.close()

today = date(2026, 6, 30)
fc, wc = writer("customers.csv", ["customer_id", "signup_date", "country", "segment"])
fo, wo = writer("orders.csv", ["order_id", "customer_id", "order_date", "channel", "total"])
fl, wl = writer("order_lines.csv", ["line_id", "order_id", "product_id", "quantity", "unit_price"])
order_id = line_id = 0
for customer_id in range(1, 201):
    signup = date(2022, 1, 1) + timedelta(days=rng.randrange(0, 1600))
    segment = "business" if rng.random() < 0.2 else "consumer"
    wc.writerow([customer_id, signup.isoformat(), pick(countries), segment])
    years = (today - signup).days / 365.25
    expected = years * (3.0 if segment == "business" else 1.2)
    orders = min(15, int(rng.expovariate(1 / max(0.3, expected))))
    for _ in range(orders):
        order_id += 1
        ordered = signup + timedelta(days=rng.randrange(0, max(1, (today - signup).days)))
        lines = 1 + min(7, int(rng.expovariate(1 / (2.2 if segment == "business" else 0.9))))
        total = Decimal(0)
        rows = []
        for _ in range(lines):
            line_id += 1
            product_id, list_price = products[rng.randrange(len(products))]
            quantity = 1 + int(rng.expovariate(1 / (3.0 if segment == "business" else 0.6)))
            price = (list_price * Decimal("0.85")).quantize(cent, ROUND_HALF_UP) if rng.random() < 0.15 else list_price
            total += price * quantity
            rows.append([line_id, order_id, product_id, quantity, price])
        wo.writerow([order_id, customer_id, ordered.isoformat(), pick(channels), total.quantize(cent)])
        for row in rows:
            wl.writerow(row)
for handle in (fc, fo, fl):
    handle.close()
