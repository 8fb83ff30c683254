"""Writes reviews.csv: a small, entirely invented table of product reviews for the typed text sample.

Nothing here comes from real reviews. Each review's wording depends on its rating (praise for 4-5 stars, complaints
for 1-2, mixed words for 3), so a text model that ignores the rating writes reviews that do not fit it; the sample's
tests check that the generated ones do. The phrases are recombined at random, so nearly every review is unique (free
text, not a label) while the vocabulary stays small enough to learn in seconds at build time.
Run: python3 make_reviews.py  (deterministic: seed 20261205)
"""
import csv, random

rng = random.Random(20261205)
products = [("dress", 0.3), ("sweater", 0.25), ("jeans", 0.25), ("blouse", 0.2)]
ratings = [(5, 0.36), (4, 0.22), (3, 0.14), (2, 0.14), (1, 0.14)]
tone_of = {5: "good", 4: "good", 3: "mixed", 2: "bad", 1: "bad"}
openers = {
    "good": ["i love this {p}", "what a lovely {p}", "this {p} is perfect", "so happy with this {p}", "a beautiful {p}"],
    "mixed": ["this {p} is okay", "the {p} is fine", "an average {p}", "this {p} is alright", "not sure about this {p}"],
    "bad": ["i returned this {p}", "so disappointed with this {p}", "this {p} is awful", "what a poor {p}", "sadly this {p} failed"],
}
details = {
    "good": ["the fabric is soft", "the fit is great", "the colour is gorgeous", "it feels comfortable", "the quality is excellent",
             "it washes well", "the cut is flattering"],
    "mixed": ["the fabric is thin", "the fit is a bit loose", "the colour is plain", "it feels a little stiff", "the quality is average",
              "it runs slightly small", "the cut is simple"],
    "bad": ["the fabric is cheap", "the fit is terrible", "the colour faded", "it feels scratchy", "the quality is poor",
            "it shrank in the wash", "the seams came apart"],
}
closers = {
    "good": ["highly recommend", "i would buy it again", "worth every penny", "i wear it all the time", "love it"],
    "mixed": ["it will do", "maybe in another size", "fine for the price", "i might keep it", "not bad not great"],
    "bad": ["do not buy", "i want a refund", "a waste of money", "sending it back", "never again"],
}

def pick(options):
    r, acc = rng.random(), 0.0
    for value, p in options:
        acc += p
        if r < acc:
            return value
    return options[-1][0]

with open("reviews.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["review_id", "product", "rating", "review"])
    for i in range(1, 801):
        product, rating = pick(products), pick(ratings)
        tone = tone_of[rating]
        parts = [rng.choice(openers[tone]).format(p=product)]
        parts += rng.sample(details[tone], rng.randint(1, 3))
        parts.append(rng.choice(closers[tone]))
        text = ", ".join(parts) + "."
        w.writerow([f"R{i:04d}", product, rating, text[0].upper() + text[1:]])
