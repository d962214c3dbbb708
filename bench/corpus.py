"""A synthetic corpus of war reporting, as JSONL, of any size.

Every article is assembled from sentence templates written for this file in
the shapes of war reporting (Air Force bulletins, ministry claims, General
Staff tallies, prisoner swaps, casualties, deployments, arms deliveries),
padded with prose full of numbers that are *not* facts (years, dates,
calibres, model names, ages, percentages, money, phone numbers), so the
extractor does the work it does on real news.

It is as dense in numbers as real reporting: about 6.5 numbers and 2 facts
per KB, against 5.7 and 2.4 in the dev gold articles (excerpts cut around
their figures) and 1.5 and 1.2 in the seeds (whole articles).
tests/test_bench_corpus.py holds it to that range. (Generator 1 had 15
numbers per KB, ten times a real article, so it timed mostly filler.)

The corpus is deterministic given `seed`: the same seed gives the same bytes,
and a smaller corpus is a prefix of a larger one. Articles are written one at
a time, so memory stays flat at any size.

    python -m bench.corpus --mb 200 --seed 1
"""
from __future__ import annotations

import argparse
import json
import os
import random
from datetime import date, timedelta
from pathlib import Path

# Bump when the templates change, so cached corpora are not reused.
GENERATOR_VERSION = "2"
OUT_DIR = Path(__file__).parent / "out"
MB = 1_000_000

WAR_START = date(2022, 2, 24)
LAST_DAY = date(2025, 6, 30)

OUTLETS = {
    "Ukrinform": "ukrinform.net", "Kyiv Independent": "kyivindependent.com",
    "Kyiv Post": "kyivpost.com", "RBC-Ukraine": "newsukraine.rbc.ua",
    "TASS": "tass.com", "Interfax": "interfax.com", "Reuters": "reuters.com",
    "Al Jazeera": "aljazeera.com", "MENAFN": "menafn.com",
    "The Moscow Times": "themoscowtimes.com", "Meduza": "meduza.io",
    "Euromaidan Press": "euromaidanpress.com", None: "newsdesk.example.org",
}
UA_REGIONS = [
    "Kharkiv", "Sumy", "Chernihiv", "Poltava", "Dnipropetrovsk", "Kyiv",
    "Zaporizhzhia", "Kherson", "Mykolaiv", "Odesa", "Donetsk", "Zhytomyr",
    "Vinnytsia", "Khmelnytskyi", "Cherkasy", "Kirovohrad", "Lviv", "Rivne",
]
UA_CITIES = [
    "Kyiv", "Kharkiv", "Odesa", "Dnipro", "Zaporizhzhia", "Sumy", "Kherson",
    "Mykolaiv", "Kryvyi Rih", "Pokrovsk", "Kramatorsk", "Sloviansk", "Lviv",
]
RU_REGIONS = [
    "Belgorod", "Kursk", "Bryansk", "Voronezh", "Rostov", "Oryol", "Tula",
    "Kaluga", "Lipetsk", "Tambov", "Ryazan", "Moscow", "Smolensk",
]
DRONES = ["Shahed-136/131", "Shahed", "Geran-2", "Gerbera", "Lancet"]
MISSILES = [
    "Kh-101", "Kh-59/69", "Kalibr", "Iskander-M", "Iskander-K", "Kinzhal",
    "Kh-22", "S-300", "Kh-31P", "KN-23",
]
WESTERN = [
    "Patriot", "HIMARS", "IRIS-T", "NASAMS", "Leopard 2", "Abrams", "F-16",
    "Storm Shadow", "ATACMS", "Bradley", "CV90", "Gepard", "Caesar",
]
DONORS = [
    "Germany", "the United States", "France", "the United Kingdom", "Poland",
    "the Netherlands", "Denmark", "Norway", "Sweden", "Canada", "Italy",
]
UA_BRIGADES = ["47th", "93rd", "3rd Assault", "110th", "59th", "92nd", "25th"]
AIRCRAFT = ["Su-34", "Su-35", "Tu-95MS", "Tu-22M3", "MiG-31K", "Su-25", "Ka-52"]
NAMES = [
    "Yurii Ihnat", "Mykola Oleshchuk", "Oleh Syniehubov", "Ivan Fedorov",
    "Vyacheslav Gladkov", "Alexander Khinshtein", "Dmytro Lubinets",
    "Andriy Yermak", "Vitali Klitschko", "Serhii Lysak", "Ihor Terekhov",
]
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
]
UNITS = ["a", "one", "two", "three", "four", "five", "six", "seven", "eight",
         "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
         "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
        "eighty", "ninety"]

# General Staff tally lines: (label, units per day of war, daily increment).
TALLY = [
    ("personnel", 1_000, (900, 1_600)), ("tanks", 9.5, (0, 12)),
    ("armoured combat vehicles", 19.5, (0, 25)),
    ("artillery systems", 25, (5, 60)), ("MLRS", 1.2, (0, 4)),
    ("air defence systems", 1.0, (0, 3)), ("aircraft", 0.34, (0, 1)),
    ("helicopters", 0.33, (0, 1)), ("operational-tactical UAVs", 32, (20, 180)),
    ("cruise missiles", 3.0, (0, 9)), ("warships / boats", 0.03, (0, 1)),
    ("submarines", 0.001, (0, 0)), ("vehicles and fuel tanks", 40, (20, 110)),
    ("special equipment", 3.6, (0, 6)),
]


# --- numbers as reporters write them -------------------------------------

def words(n: int) -> str:
    """0 < n < 100 as words, e.g. 88 -> 'eighty-eight'."""
    if n < 20:
        return UNITS[n] if n > 1 else "one"
    tens, units = divmod(n, 10)
    return TENS[tens] + (f"-{UNITS[units]}" if units else "")


def num(rng: random.Random, n: int) -> str:
    """`n` in one of the forms seen in news: 1,200 / 1 200 / 1200 / twelve."""
    if n < 100 and rng.random() < 0.3:
        return words(n)
    if n >= 1000:
        form = rng.random()
        if form < 0.75:
            return f"{n:,}"
        if form < 0.9:
            return f"{n:,}".replace(",", " ")
    return str(n)


def hedge(rng: random.Random, n: int) -> str:
    """`n`, sometimes with a qualifier: about / more than / up to / 'dozens'."""
    r = rng.random()
    if r < 0.6:
        return num(rng, n)
    if r < 0.9:
        word = rng.choice(["about", "around", "more than", "over", "at least",
                           "up to", "nearly", "some", "approximately"])
        return f"{word} {num(rng, n)}"
    if r < 0.95:
        return f"between {num(rng, n)} and {num(rng, n + rng.randint(2, 50))}"
    return rng.choice(["dozens of", "hundreds of", "several hundred"])


def ordinal(n: int) -> str:
    """21 -> '21st', 62 -> '62nd', 13 -> '13th'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def long_date(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


# --- fact-shaped paragraphs -----------------------------------------------
# Each takes (rng, day) and returns one paragraph of text.

def air_force_bulletin(rng, day):
    launched = rng.randint(6, 480)
    downed = rng.randint(0, launched)
    lost = rng.randint(0, launched - downed)
    drone = rng.choice(DRONES)
    start = rng.choice(RU_REGIONS[:8] + ["Primorsko-Akhtarsk", "Crimea"])
    hour = rng.randint(18, 23)
    text = (
        f"On the night of {day.day} {MONTHS[day.month - 1]} (from {hour}:00), "
        f"the enemy attacked with {num(rng, launched)} {drone} attack UAVs "
        f"and imitator drones of various types from the {start} direction. "
        f"As of 08:30, {num(rng, downed)} were shot down / suppressed by air "
        f"defence in the north, south and east of the country, and "
        f"{num(rng, lost)} were locationally lost (without negative "
        f"consequences), the Air Force of the Armed Forces of Ukraine said."
    )
    if rng.random() < 0.4:
        missiles = rng.randint(1, 40)
        model = rng.choice(MISSILES)
        text += (
            f" In addition, {num(rng, missiles)} {model} missiles were fired "
            f"from {rng.choice(AIRCRAFT)} aircraft over the Caspian Sea; "
            f"{num(rng, rng.randint(0, missiles))} of them were intercepted."
        )
    if rng.random() < 0.3:
        text += (f" Hits were recorded at {num(rng, rng.randint(2, 15))} "
                 f"locations in {rng.choice(UA_REGIONS)} region.")
    return text


def ministry_claim(rng, day):
    regions = rng.sample(RU_REGIONS, rng.randint(1, 3))
    where = " and ".join([", ".join(regions[:-1]), regions[-1]] if len(regions) > 1 else regions)
    n = rng.randint(2, 340)
    verb = rng.choice(["destroyed", "intercepted", "shot down", "neutralised"])
    text = (
        f"Russia's Defence Ministry said air defence systems had {verb} "
        f"{hedge(rng, n)} Ukrainian drones over {where} "
        f"region{'s' if len(regions) > 1 else ''} overnight, "
        f"{num(rng, rng.randint(1, n))} of them over {regions[0]} alone."
    )
    if rng.random() < 0.5:
        text += (
            f" Governor {rng.choice(NAMES)} wrote on Telegram that "
            f"{num(rng, rng.randint(1, 12))} people were injured and a "
            f"{rng.randint(18, 85)}-year-old woman was killed when debris "
            f"fell on a house on {rng.choice(['Lenin', 'Sadovaya', 'Mira'])} "
            f"Street, No. {rng.randint(1, 140)}."
        )
    return text


def general_staff_tally(rng, day):
    days = (day - WAR_START).days
    lines = [
        f"The total combat losses of the enemy from 24.02.22 to "
        f"{day:%d.%m.%y} are approximately:"
    ]
    for label, per_day, (lo, hi) in TALLY:
        total = int(per_day * days * rng.uniform(0.97, 1.03))
        extra = rng.randint(lo, hi)
        about = " (about)" if label == "personnel" else ""
        lines.append(f"{label} – {total:,}{about} (+{extra})")
    return "\n".join(lines)


def prisoner_swap(rng, day):
    n = rng.choice([rng.randint(10, 320), 95, 103, 115, 150, 390])
    bodies = rng.randint(0, 1000)
    text = (
        f"Ukraine and Russia exchanged {hedge(rng, n)} prisoners of war in a "
        f"swap mediated by the United Arab Emirates, the "
        f"{ordinal(rng.randint(40, 65))} such exchange since {rng.choice(MONTHS)} "
        f"2022. Among those freed were {num(rng, rng.randint(1, n))} "
        f"defenders of Mariupol and {num(rng, rng.randint(1, 9))} civilians, "
        f"the youngest aged {rng.randint(19, 24)}."
    )
    if bodies:
        text += (f" Separately, the bodies of {num(rng, bodies)} fallen "
                 f"soldiers were repatriated to Ukraine.")
    return text


def casualty_report(rng, day):
    city = rng.choice(UA_CITIES)
    killed, injured = rng.randint(0, 40), rng.randint(0, 120)
    weapon = rng.choice(["a guided aerial bomb", "a ballistic missile",
                         "a Shahed drone", "artillery fire", "an Iskander-M"])
    text = (
        f"A Russian strike with {weapon} on {city} killed "
        f"{num(rng, killed)} people and injured {num(rng, injured)}, "
        f"including {num(rng, rng.randint(1, 6))} children, regional governor "
        f"{rng.choice(NAMES)} said. A {rng.randint(2, 17)}-year-old girl is "
        f"among the wounded; {rng.randint(10, 90)}% of the building's "
        f"{rng.randint(40, 240)} flats were damaged."
    )
    if rng.random() < 0.4:
        text += (f" Rescuers evacuated {num(rng, rng.randint(20, 4000))} "
                 f"residents; {num(rng, rng.randint(1000, 400000))} "
                 f"households were left without power.")
    return text


def deployment_report(rng, day):
    n = rng.choice([rng.randint(1, 15) * 1000, rng.randint(100, 900)])
    text = (
        f"Pyongyang has sent {hedge(rng, n)} North Korean soldiers to the "
        f"Kursk region, according to South Korea's intelligence service, "
        f"and Moscow plans to call up {num(rng, rng.randint(100, 160) * 1000)}"
        f" conscripts in its autumn draft. Ukraine's military intelligence "
        f"said {num(rng, rng.randint(2, 60) * 1000)} Russian troops were "
        f"massed near {rng.choice(UA_CITIES)}, with the "
        f"{rng.choice(UA_BRIGADES)} Brigade holding the line."
    )
    return text


def weapons_delivery(rng, day):
    donor, system = rng.choice(DONORS), rng.choice(WESTERN)
    text = (
        f"{donor} will deliver {num(rng, rng.randint(2, 60))} more {system} "
        f"systems and {num(rng, rng.randint(10, 300) * 1000)} rounds of "
        f"155mm ammunition under a ${rng.randint(1, 9)}.{rng.randint(0, 9)} "
        f"billion package announced on {long_date(day)}. President Zelensky "
        f"said Ukraine needs at least {num(rng, rng.randint(5, 25))} more "
        f"Patriot batteries to cover its cities."
    )
    return text


def front_line(rng, day):
    clashes = rng.randint(60, 280)
    text = (
        f"Over the past day, {num(rng, clashes)} combat clashes took place "
        f"along the front line, {num(rng, rng.randint(10, clashes))} of them "
        f"in the Pokrovsk direction. The enemy launched "
        f"{num(rng, rng.randint(10, 120))} air strikes, dropping "
        f"{num(rng, rng.randint(20, 220))} guided aerial bombs, and carried "
        f"out {num(rng, rng.randint(500, 6000))} shellings, the General "
        f"Staff reported at {rng.randint(6, 22):02d}:00."
    )
    if rng.random() < 0.4:
        text += (f" Russian forces captured {num(rng, rng.randint(1, 4))} "
                 f"villages and {num(rng, rng.randint(5, 500))} square "
                 f"kilometres in the past week, analysts said.")
    return text


FACT_PARAGRAPHS = [
    air_force_bulletin, ministry_claim, general_staff_tally, prisoner_swap,
    casualty_report, deployment_report, weapons_delivery, front_line,
]


# --- prose whose numbers are not facts -------------------------------------

FILLER = [
    "The war, now in its {nth} year, has reshaped the economy of the region, "
    "with inflation running at {pct}% and the central bank rate at {rate}%.",
    "The {brigade} Brigade, equipped with {calibre}mm howitzers and "
    "{aircraft} support, has held the sector since {month} {year}.",
    "Officials met in {city2} on {month} {dd}, {year}, for the {nth} round of "
    "talks; the next meeting is planned for {month2} {dd2}.",
    "The {age}-year-old commander, who joined the army in {year0}, said "
    "morale was high despite {pct}% of equipment needing repair.",
    "The European Union approved €{money} million in aid, part of a "
    "{money2} billion euro package running to {year2}.",
    "Residents can call the hotline at +380 44 {tel1} {tel2} or the "
    "emergency number 112 between 08:00 and 20:00.",
    "Analysts at the Institute for the Study of War said the offensive, which "
    "began on {dd} {month} {year}, was the largest since {year0}.",
    "Photo: {outlet} / {dd}.{mm}.{year} · {reads} views · {comments} comments",
    "Read also: {nth} anniversary of the liberation of {city2}; page {page} "
    "of {pages}.",
    "Article {article} of the Constitution and Resolution No. {resolution} "
    "govern martial law, extended on {dd} {month} for {days} days.",
    "Prices for fuel rose by {pct}% to {uah} hryvnias per litre in "
    "{month}, the {nth} increase this year.",
    "The {aircraft} crew, flying at {alt} metres, reported at {hh}:{mi} "
    "local time; the {missile} can reach targets {range_km} km away.",
    "Grain exports via the Black Sea corridor reached {grain} million "
    "tonnes in {year}, up from {grain2} million a year earlier.",
    "Turnout at the rally in {city2} was estimated at {pct}% of the "
    "{pop} residents, according to local authorities.",
    "The meeting lasted {hours} hours and ended with a joint statement "
    "signed by {countries} countries.",
]
ORDINALS = ["second", "third", "fourth", "fifth", "sixth", "tenth", "12th"]

# Sentences with no number at all: most of a real article is like this.
PROSE = [
    "The attack came as air raid sirens sounded across much of the country.",
    "Emergency crews worked through the night to put out fires and clear "
    "rubble from residential streets.",
    "The Kremlin did not immediately respond to a request for comment.",
    "Western officials warned that the escalation risked drawing in "
    "neighbouring states.",
    "Local authorities urged residents to stay in shelters until the all "
    "clear was given.",
    "The claims could not be independently verified.",
    "Diplomats said talks on a ceasefire had stalled over the status of the "
    "occupied territories.",
    "Energy infrastructure has been a frequent target of the strikes, "
    "leaving many homes without heating.",
    "Ukrainian forces have been on the defensive in the east for months, "
    "short of ammunition and fresh troops.",
    "The governor said schools in the border districts would move to remote "
    "learning.",
    "Both sides accuse each other of targeting civilians, which they deny.",
    "Satellite images reviewed by analysts showed damage to a fuel depot and "
    "a nearby airfield.",
]


def filler_sentence(rng: random.Random, day: date) -> str:
    slots = {
        "nth": rng.choice(ORDINALS), "pct": f"{rng.uniform(1, 95):.1f}",
        "rate": rng.choice(["13.5", "15", "21", "25"]),
        "brigade": rng.choice(UA_BRIGADES), "calibre": rng.choice([105, 152, 155]),
        "aircraft": rng.choice(AIRCRAFT), "missile": rng.choice(MISSILES),
        "month": rng.choice(MONTHS), "month2": rng.choice(MONTHS),
        "year": rng.randint(2014, day.year), "year0": rng.randint(1991, 2014),
        "year2": rng.randint(day.year + 1, 2030),
        "dd": rng.randint(1, 28), "dd2": rng.randint(1, 28),
        "mm": f"{rng.randint(1, 12):02d}", "age": rng.randint(19, 67),
        "city2": rng.choice(UA_CITIES + ["Geneva", "Istanbul", "Jeddah"]),
        "money": rng.randint(50, 900), "money2": rng.randint(2, 60),
        "tel1": rng.randint(100, 999), "tel2": rng.randint(1000, 9999),
        "outlet": rng.choice([o for o in OUTLETS if o]),
        "reads": f"{rng.randint(100, 90000):,}", "comments": rng.randint(0, 400),
        "page": rng.randint(1, 9), "pages": rng.randint(10, 40),
        "article": rng.randint(5, 120), "resolution": rng.randint(100, 4000),
        "days": 90, "uah": f"{rng.uniform(45, 70):.2f}",
        "alt": f"{rng.randint(1, 12) * 1000:,}", "hh": f"{rng.randint(0, 23):02d}",
        "mi": f"{rng.randint(0, 59):02d}", "range_km": rng.randint(300, 5500),
        "grain": rng.randint(20, 60), "grain2": rng.randint(10, 40),
        "pop": f"{rng.randint(20, 3000) * 1000:,}", "hours": rng.randint(2, 11),
        "countries": rng.randint(3, 50),
    }
    return rng.choice(FILLER).format(**slots)


def filler_paragraph(rng: random.Random, day: date) -> str:
    return " ".join(
        filler_sentence(rng, day) if rng.random() < 0.08 else rng.choice(PROSE)
        for _ in range(rng.randint(2, 6))
    )


# --- articles and the file ------------------------------------------------

def make_article(rng: random.Random, n: int) -> dict:
    """Article number `n`: 2–8 KB of fact paragraphs mixed with filler."""
    day = WAR_START + timedelta(days=rng.randint(0, (LAST_DAY - WAR_START).days))
    outlet = rng.choice(list(OUTLETS))
    kinds = [rng.choice(FACT_PARAGRAPHS) for _ in range(rng.randint(1, 3))]
    title = f"{kinds[0].__name__.replace('_', ' ').capitalize()}: {rng.choice(UA_CITIES)}, {long_date(day)}"
    target = rng.randint(2_000, 8_000)
    paragraphs = [title]
    size = len(title)
    while size < target:
        if kinds and rng.random() < 0.4:
            para = kinds.pop()(rng, day)
        else:
            para = filler_paragraph(rng, day)
        if size + len(para) > 8_000:  # keep every article under 8 KB
            break
        paragraphs.append(para)
        size += len(para) + 2
    art_id = f"bench-{n:07d}"
    return {
        "id": art_id,
        # Some articles are undated, as real feeds are.
        "published": None if rng.random() < 0.05 else day.isoformat(),
        "outlet": outlet,
        "url": f"https://{OUTLETS[outlet]}/{day:%Y/%m/%d}/{art_id}",
        "title": title,
        "text": "\n\n".join(paragraphs),
    }


def corpus_path(mb: float, seed: int = 1, out_dir: Path = OUT_DIR) -> Path:
    return Path(out_dir) / f"corpus-{mb:g}mb-s{seed}-g{GENERATOR_VERSION}.jsonl"


def write_corpus(path: Path, mb: float, seed: int = 1) -> int:
    """Stream articles to `path` until it holds `mb` MB; returns articles."""
    rng = random.Random(seed)
    limit, written, n = int(mb * MB), 0, 0
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".part")
    with open(tmp, "w", encoding="utf-8", newline="\n") as out:
        while written < limit:
            line = json.dumps(make_article(rng, n), ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            n += 1
    # Rename last, so an interrupted run never leaves a file that looks done.
    os.replace(tmp, path)
    return n


def ensure_corpus(mb: float, seed: int = 1, out_dir: Path = OUT_DIR) -> Path:
    """The corpus for (mb, seed), generated only if not already on disk."""
    path = corpus_path(mb, seed, out_dir)
    if not path.exists():
        write_corpus(path, mb, seed)
    return path


def sample_articles(path: Path, mb: float) -> list:
    """Articles read from the corpus by `read_articles`, up to `mb` MB of text."""
    from etl.sources import read_articles

    articles, size = [], 0
    for article in read_articles([path]):
        if size >= mb * MB:
            break
        articles.append(article)
        size += len(article.text.encode("utf-8"))
    return articles


def long_article(chars: int, seed: int = 1, source: list[str] | None = None):
    """One Article of about `chars` characters: the bench corpus's articles
    (or the texts of `source`) one after another, as a long report or a
    transcript holds many reports. For the length-scaling figure and the
    size guard's test: generated, never stored."""
    from etl.model import Article

    rng = random.Random(seed)
    parts, size, n = [], 0, 0
    while size < chars:
        text = source[n % len(source)] if source else make_article(rng, n)["text"]
        parts.append(text)
        size += len(text) + 2
        n += 1
    text = "\n\n".join(parts)[:chars]
    return Article(id=f"long-{chars}-s{seed}", text=text, published=date(2024, 8, 23))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=200, help="size in MB (10^6 bytes)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, help="file to write (default: bench/out/...)")
    args = parser.parse_args(argv)
    path = args.out or corpus_path(args.mb, args.seed)
    n = write_corpus(path, args.mb, args.seed)
    print(f"{path}: {n:,} articles, {path.stat().st_size / MB:.1f} MB")


if __name__ == "__main__":
    main()
