#!/usr/bin/python3
"""Renders a deterministic corpus of business-card photos from ground truth.

Every card is drawn by ImageMagick (/usr/bin/convert) from a ground-truth
record, then photographed: rotated by up to 5 degrees, put in slight
perspective on a table, blurred, given noise and JPEG compression. QR cards
carry a vCard or MECARD payload (UTF-8 names) drawn by a small libqrencode
helper (--qr-tool); a few cards are also written as HEIC (libheif, x265).

    make_cards.py --out DIR [--count 200] [--qr 20] [--heic 6] [--seed 7]
                  [--qr-tool PATH] [--pools train|heldout]

--pools train (the default) draws from the pools in this file: the cards the
scanner was developed on. --pools heldout draws every name, company, title,
domain, TLD, phone country, address, font, colour, layout, logo and QR
placement from tests/scan/heldout_pools.json instead, and photographs the
cards as phones do: stronger perspective, a quarter turn on some (90/180/270),
uneven light and shadow, more blur, lower JPEG quality. No file under src/
reads that file or copies from it (tests/scan/heldout_not_in_src.py): its
figures say how kith does on cards it has never seen.

Writes DIR/index.json: [{"file": "...", "kind": "ocr"|"qr", "truth": {...}}]
and the images beside it. Standard library only.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import unicodedata

CONVERT = "/usr/bin/convert"
FONT_DIRS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation2",
             "/usr/share/fonts/truetype/lato"]
FONTS = [
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
    ("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"),
    ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf"),
]

GIVEN = [
    "José", "María", "Zoë", "François", "Hélène", "Jürgen", "Ángel", "Inés", "Chloé", "Björn",
    "Ana", "Lucía", "Andrés", "Jérôme", "Noémie", "Günter", "Jörg", "Renée", "Raúl", "Sofía",
    "Wei", "Haruto", "Chinedu", "Priya", "Omar", "Aisha", "Kwame", "Mei", "Arjun", "Fatima",
    "Ada", "James", "Emily", "Liam", "Olivia", "Noah", "Grace", "Daniel", "Sarah", "Thomas",
    "Léa", "Élodie", "Matthäus", "Dörte", "Íñigo", "Begoña", "Maël", "Anaïs", "Joël", "Zoé",
]
FAMILY = [
    "Álvarez-Núñez", "Müller", "Lefèvre", "Schäfer", "García", "Peña", "Dubois", "Weiß",
    "Fernández", "Gómez", "Brontë", "Köhler", "Ibáñez", "Bérubé", "Großmann", "Châtelain",
    "Zhang", "Sato", "Okafor", "Raghunathan", "Haddad", "Mensah", "Chen", "Patel", "Bello",
    "Okonkwo", "Smith", "Johnson", "O'Brien", "Murphy", "Nguyen", "Kowalski", "Rossi",
    "Martín", "Jiménez", "Fournier", "Lambert", "Hoffmann", "Krüger", "Vogel", "Roux",
    "MacLeod", "Fitzgerald", "Delacroix", "Santos", "Ortega", "Becker", "Moreau", "Suárez",
]
COMPANY_HEADS = [
    "Northwind", "Brightline", "Kestrel", "Bluefin", "Harbor", "Silverleaf", "Granite", "Redwood",
    "Lumière", "Andina", "Alpenglow", "Meridian", "Cobalt", "Juniper", "Orchard", "Tidewater",
    "Falcon", "Quarry", "Beacon", "Saffron", "Nordlicht", "Solera", "Vireo", "Marlow",
]
COMPANY_TAILS = [
    "Analytics", "Systems", "Labs", "Consulting", "Partners", "Logistics", "Robotics", "Health",
    "Energy", "Studio", "Software", "Capital", "Foods", "Design", "Networks", "Solutions",
]
SUFFIXES = ["Inc.", "LLC", "GmbH", "Ltd", "Ltd.", "S.A.", "SARL", "AG", "Corp.", "S.L.", "", ""]
TITLES = [
    "Senior Software Engineer", "Head of Marketing", "Chief Executive Officer", "Product Designer",
    "Directora Comercial", "Geschäftsführer", "Data Scientist", "Account Manager", "VP of Sales",
    "Founder & CEO", "Ingeniera de Datos", "Responsable Marketing", "Managing Partner",
    "Principal Consultant", "Chief Technology Officer", "Operations Manager", "UX Researcher",
    "Business Development Lead", "Directeur Financier", "Projektleiterin", "Sales Director",
    "Software Architect", "Marketing Coordinator", "Research Scientist", "Head of Product",
    "Chief Financial Officer", "Art Director", "Community Manager", "Gerente General",
    "Cheffe de Projet", "Senior Accountant", "Talent Acquisition Specialist",
]
TLDS = [".com", ".io", ".de", ".fr", ".es", ".co.uk", ".co", ".net"]
ADDRESSES = [
    "1 Market Street, San Francisco, CA 94105", "Friedrichstraße 123, 10117 Berlin",
    "12 rue de Rivoli, 75001 Paris", "Calle de Alcalá 45, 28014 Madrid",
    "221B Baker Street, London NW1 6XE", "350 Fifth Avenue, New York, NY 10118",
    "Av. Reforma 222, 06600 Ciudad de México", "Königsallee 60, 40212 Düsseldorf",
    "8 place Bellecour, 69002 Lyon", "Passeig de Gràcia 92, 08008 Barcelona",
    "77 Queen Street West, Toronto, ON M5H 2N2", "45 Wellington Road, Dublin 4",
]
SCHEMES = [  # background, text, accent, dark?
    ("#ffffff", "#1a1a1a", "#1f4e8c", False),
    ("#f7f3e8", "#3b2f2f", "#8b2e16", False),
    ("#eef2f5", "#14213d", "#0b6e4f", False),
    ("#fdfdfd", "#333333", "#c0392b", False),
    ("#fffaf0", "#222222", "#222222", False),
    ("#14213d", "#f5f5f5", "#fca311", True),
    ("#111111", "#eeeeee", "#d4af37", True),
    ("#0b3d2e", "#f0f0f0", "#ffffff", True),
]
TABLES = ["#6b4f3a", "#9a8c7a", "#3c3c3c", "#c8c3b8", "#5a6b73"]


def fold(text):
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def slug(text):
    text = fold(text).lower().replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("œ", "oe")
    return "".join(c for c in text if c.isascii() and c.isalnum())


def make_phone(rng):
    """Returns (printed, e164)."""
    kind = rng.choice(["us", "us_local", "uk", "de", "fr", "es", "mx", "in"])
    d = lambda n: "".join(str(rng.randint(0, 9)) for _ in range(n))
    if kind in ("us", "us_local"):
        area = rng.choice(["415", "212", "646", "312", "617", "206", "512"])
        exch = str(rng.randint(2, 9)) + d(2)
        line = d(4)
        e164 = "+1" + area + exch + line
        if kind == "us_local":
            printed = rng.choice([f"({area}) {exch}-{line}", f"{area}.{exch}.{line}", f"{area}-{exch}-{line}"])
        else:
            printed = rng.choice([f"+1 {area} {exch} {line}", f"+1 ({area}) {exch}-{line}", f"+1-{area}-{exch}-{line}"])
    elif kind == "uk":
        rest = "7" + str(rng.randint(4, 9)) + d(8)
        e164 = "+44" + rest
        printed = f"+44 {rest[:4]} {rest[4:]}"
    elif kind == "de":
        rest = rng.choice(["30", "89", "40"]) + str(rng.randint(2, 9)) + d(7)
        e164 = "+49" + rest
        printed = rng.choice([f"+49 {rest[:2]} {rest[2:]}", f"+49 ({rest[:2]}) {rest[2:6]} {rest[6:]}"])
    elif kind == "fr":
        rest = rng.choice(["1", "6", "4"]) + d(8)
        e164 = "+33" + rest
        printed = f"+33 {rest[0]} {rest[1:3]} {rest[3:5]} {rest[5:7]} {rest[7:9]}"
    elif kind == "es":
        rest = rng.choice(["91", "93", "6"]) + d(9 - 2)
        rest = rest[:9].ljust(9, "5")
        e164 = "+34" + rest
        printed = f"+34 {rest[:3]} {rest[3:6]} {rest[6:]}"
    elif kind == "mx":
        rest = "55" + d(8)
        e164 = "+52" + rest
        printed = f"+52 {rest[:2]} {rest[2:6]} {rest[6:]}"
    else:
        rest = rng.choice(["98", "99", "97"]) + d(8)
        e164 = "+91" + rest
        printed = f"+91 {rest[:5]} {rest[5:]}"
    return printed, e164


def make_truth(rng, pools=None):
    if pools is not None:
        return heldout.make_truth(rng, pools)
    given, family = rng.choice(GIVEN), rng.choice(FAMILY)
    head, tail, suffix = rng.choice(COMPANY_HEADS), rng.choice(COMPANY_TAILS), rng.choice(SUFFIXES)
    company = " ".join(x for x in [head, tail, suffix] if x)
    domain = slug(head) + rng.choice(["", slug(tail)]) + rng.choice(TLDS)
    local = rng.choice([f"{slug(given)}.{slug(family)}", f"{slug(given)[0]}{slug(family)}", slug(given)])
    truth = {
        "name": f"{given} {family}",
        "title": rng.choice(TITLES),
        "company": company,
        "emails": [f"{local}@{domain}"],
        "phones": [],
        "website": "",
        "address": "",
        "linkedin": "",
        "twitter": "",
    }
    printed, e164 = make_phone(rng)
    truth["phones"].append({"printed": printed, "e164": e164})
    if rng.random() < 0.25:
        printed, e164 = make_phone(rng)
        truth["phones"].append({"printed": printed, "e164": e164})
    if rng.random() < 0.8:
        truth["website"] = rng.choice(["www.", "", "https://www."]) + domain
    if rng.random() < 0.45:
        truth["linkedin"] = "linkedin.com/in/" + slug(given) + "-" + slug(family)
    if rng.random() < 0.3:
        truth["twitter"] = "@" + slug(given)[:6] + slug(family)[:6]
    if rng.random() < 0.5:
        truth["address"] = rng.choice(ADDRESSES)
    if rng.random() < 0.08:
        truth["title"] = ""
    return truth


def contact_lines(truth, rng):
    labelled = rng.random() < 0.5
    lines = []
    for i, phone in enumerate(truth["phones"]):
        label = rng.choice(["T: ", "Tel. ", "M: ", "Phone: ", "Mobile "]) if labelled else ""
        lines.append(label + phone["printed"])
    lines.append((rng.choice(["E: ", "Email: "]) if labelled else "") + truth["emails"][0])
    if truth["website"]:
        lines.append((rng.choice(["W: ", "Web: "]) if labelled else "") + truth["website"])
    if truth["linkedin"]:
        lines.append(truth["linkedin"])
    if truth["twitter"]:
        lines.append(("Twitter: " if labelled else "") + truth["twitter"])
    if truth["address"]:
        lines.append(truth["address"])
    return lines


def escape(text):
    return text.replace("\\", "\\\\").replace("%", "%%")


def font_path(name):
    for directory in FONT_DIRS:
        path = os.path.join(directory, name)
        if os.path.exists(path):
            return path
    raise SystemExit(f"font {name} not found")


def draw_card(truth, rng, width):
    """ImageMagick arguments that draw the flat card (before the photo effects)."""
    height = int(width * 0.58)
    background, ink, accent, _ = rng.choice(SCHEMES)
    regular, bold = rng.choice(FONTS)
    regular, bold = font_path(regular), font_path(bold)
    layout = rng.choice(["left", "center", "split", "company_top"])
    name_pt = width * rng.uniform(0.050, 0.062)
    title_pt = width * rng.uniform(0.030, 0.036)
    small_pt = width * rng.uniform(0.026, 0.031)
    margin = int(width * 0.07)
    args = ["-size", f"{width}x{height}", f"xc:{background}"]

    def text(x, y, words, pt, font, colour, gravity="NorthWest"):
        args.extend(["-gravity", gravity, "-font", font, "-pointsize", f"{pt:.1f}", "-fill", colour,
                     "-annotate", f"+{int(x)}+{int(y)}", escape(words)])

    contacts = contact_lines(truth, rng)
    step = small_pt * 1.45
    company_pt = title_pt * rng.uniform(1.0, 1.25)
    if layout == "left":
        y = margin
        text(margin, y, truth["name"], name_pt, bold, accent)
        y += name_pt * 1.35
        if truth["title"]:
            text(margin, y, truth["title"], title_pt, regular, ink)
            y += title_pt * 1.5
        text(margin, y, truth["company"], company_pt, bold, ink)
        y = height - margin - step * len(contacts)
        for line in contacts:
            text(margin, y, line, small_pt, regular, ink)
            y += step
    elif layout == "center":
        y = margin * 0.8
        text(0, y, truth["company"], company_pt, bold, accent, "North")
        y += company_pt * 1.9
        text(0, y, truth["name"], name_pt, bold, ink, "North")
        y += name_pt * 1.35
        if truth["title"]:
            text(0, y, truth["title"], title_pt, regular, ink, "North")
        y = height - margin * 0.7 - step * len(contacts)
        for line in contacts:
            text(0, y, line, small_pt, regular, ink, "North")
            y += step
    elif layout == "split":
        y = margin
        text(margin, y, truth["name"], name_pt, bold, accent)
        y += name_pt * 1.35
        if truth["title"]:
            text(margin, y, truth["title"], title_pt, regular, ink)
            y += title_pt * 1.5
        text(margin, height - margin - company_pt, truth["company"], company_pt, bold, ink)
        # Long lines (addresses) would collide with the left column: keep the
        # right column to the short ones and put the rest under the name.
        right = [line for line in contacts if len(line) <= 30]
        rest = [line for line in contacts if len(line) > 30]
        y = height * 0.45 - step * len(right) / 2
        small = small_pt * 0.92
        for line in right:
            text(margin, y, line, small, regular, ink, "NorthEast")
            y += step
        y = height - margin - company_pt - step * (len(rest) + 0.6)
        for line in rest:
            text(margin, y, line, small, regular, ink)
            y += step
    else:  # company_top: a band with the company, the person below
        band = int(height * 0.2)
        args.extend(["-fill", accent, "-draw", f"rectangle 0,0 {width},{band}"])
        text(margin, band * 0.25, truth["company"], company_pt, bold, background)
        y = band + margin * 0.6
        text(margin, y, truth["name"], name_pt, bold, ink)
        y += name_pt * 1.35
        if truth["title"]:
            text(margin, y, truth["title"], title_pt, regular, ink)
        y = height - margin * 0.6 - step * len(contacts)
        for line in contacts:
            text(margin, y, line, small_pt, regular, ink)
            y += step
    return args, height, layout


def photograph(rng, width, height, seed):
    """Arguments that turn the flat card into a photo of it."""
    table = rng.choice(TABLES)
    pad = int(width * rng.uniform(0.03, 0.10))
    args = ["-bordercolor", table, "-border", str(pad), "-background", table]
    w, h = width + 2 * pad, height + 2 * pad
    j = lambda: rng.uniform(-0.025, 0.025) * w
    corners = [(0, 0), (w, 0), (w, h), (0, h)]
    moved = [(x + j(), y + j()) for x, y in corners]
    points = " ".join(f"{x},{y} {mx:.1f},{my:.1f}" for (x, y), (mx, my) in zip(corners, moved))
    args += ["-virtual-pixel", "background", "-distort", "Perspective", points]
    args += ["-rotate", f"{rng.uniform(-5, 5):.2f}"]
    blur = rng.choice([0, 0, 0.4, 0.7, 1.0])
    if blur:
        args += ["-blur", f"0x{blur}"]
    args += ["-seed", str(seed), "-attenuate", f"{rng.uniform(0.1, 0.6):.2f}", "+noise", "Gaussian"]
    return args


# With --jobs, the ImageMagick commands are collected here (in the order the
# random draws made them, so the corpus is the same) and run side by side.
JOBS = None
CLEANUP = None


def render(out_path, draw_args, photo_args, quality):
    command = [CONVERT] + draw_args + photo_args + ["-quality", str(quality), out_path]
    if JOBS is not None:
        JOBS.append((out_path, command))
    else:
        subprocess.run(command, check=True)


def cleanup(path):
    if CLEANUP is not None:
        CLEANUP.append(path)
    else:
        os.remove(path)


def run_jobs(jobs, workers, resume):
    """Runs the collected commands, `workers` at a time; with `resume`, skips outputs already there."""
    import concurrent.futures  # pylint: disable=import-outside-toplevel
    todo = [(out, command) for out, command in jobs if not (resume and os.path.exists(out))]
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        for future in [pool.submit(subprocess.run, command, check=True) for _, command in todo]:
            future.result()


def vcard_payload(truth):
    given, family = truth["name"].split(" ", 1)
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"N:{family};{given};;;", f"FN:{truth['name']}"]
    if truth["company"]:
        lines.append(f"ORG:{truth['company']}")
    if truth["title"]:
        lines.append(f"TITLE:{truth['title']}")
    for phone in truth["phones"]:
        lines.append(f"TEL;TYPE=WORK:{phone['e164']}")
    for email in truth["emails"]:
        lines.append(f"EMAIL;TYPE=WORK:{email}")
    if truth["website"]:
        lines.append(f"URL:{truth['website']}")
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


def mecard_payload(truth):
    def esc(value):
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(":", "\\:").replace(",", "\\,")
    given, family = truth["name"].split(" ", 1)
    parts = [f"N:{esc(family)},{esc(given)}"]
    for phone in truth["phones"]:
        parts.append(f"TEL:{phone['e164']}")
    for email in truth["emails"]:
        parts.append(f"EMAIL:{esc(email)}")
    if truth["company"]:
        parts.append(f"ORG:{esc(truth['company'])}")
    if truth["title"]:
        parts.append(f"TITLE:{esc(truth['title'])}")
    if truth["website"]:
        parts.append(f"URL:{esc(truth['website'])}")
    return "MECARD:" + ";".join(parts) + ";;"


def qr_card(truth, rng, directory, index, qr_tool, seed):
    payload = vcard_payload(truth) if index % 2 == 0 else mecard_payload(truth)
    payload_path = os.path.join(directory, f"qr_{index:03d}.payload")
    pbm_path = os.path.join(directory, f"qr_{index:03d}.pbm")
    with open(payload_path, "w", encoding="utf-8") as handle:
        handle.write(payload)
    subprocess.run([qr_tool, payload_path, pbm_path], check=True)
    width = rng.choice([900, 1050, 1200])
    height = int(width * 0.58)
    regular, bold = rng.choice(FONTS)
    qr_size = int(height * 0.75)
    draw = ["-size", f"{width}x{height}", "xc:#ffffff",
            "-gravity", "NorthWest", "-font", font_path(bold), "-pointsize", str(int(width * 0.05)),
            "-fill", "#222222", "-annotate", f"+{int(width * 0.06)}+{int(height * 0.15)}", escape(truth["name"]),
            "(", pbm_path, "-filter", "point", "-resize", f"{qr_size}x{qr_size}", ")",
            "-gravity", "East", "-geometry", f"+{int(width * 0.05)}+0", "-composite", "-gravity", "NorthWest"]
    photo = ["-background", "#c8c3b8", "-rotate", f"{rng.uniform(-4, 4):.2f}", "-blur", "0x0.5",
             "-seed", str(seed), "-attenuate", "0.3", "+noise", "Gaussian"]
    name = f"qr_{index:03d}.jpg"
    render(os.path.join(directory, name), draw, photo, rng.choice([75, 85, 92]))
    cleanup(pbm_path)
    return name, "vcard" if index % 2 == 0 else "mecard"


sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import make_cards_heldout as heldout  # noqa: E402  (beside this file)


def finish_jobs(options):
    """Runs the collected commands (HEIC copies need their JPEGs), then removes the QR bitmaps."""
    if JOBS is None:
        return
    if not options.index_only:
        run_jobs(JOBS, options.jobs, options.resume)
    for path in CLEANUP:
        os.remove(path)
    del JOBS[:]
    del CLEANUP[:]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--qr", type=int, default=20)
    parser.add_argument("--heic", type=int, default=6)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--qr-tool", default="")
    parser.add_argument("--pools", choices=["train", "heldout"], default="train")
    parser.add_argument("--jobs", type=int, default=1, help="ImageMagick commands run side by side")
    parser.add_argument("--resume", action="store_true", help="keep images already rendered in --out")
    parser.add_argument("--index-only", action="store_true",
                        help="write index.json (the same draws) without rendering any image")
    options = parser.parse_args()
    global JOBS, CLEANUP  # pylint: disable=global-statement
    if options.jobs > 1 or options.resume or options.index_only:
        JOBS, CLEANUP = [], []
        import make_cards as shared  # pylint: disable=import-outside-toplevel  (the copy the held-out module uses)
        shared.JOBS, shared.CLEANUP = JOBS, CLEANUP
    pools = heldout.load_pools() if options.pools == "heldout" else None
    os.makedirs(options.out, exist_ok=True)
    rng = random.Random(options.seed)
    index = []
    for i in range(options.count):
        truth = make_truth(rng, pools)
        name = f"card_{i:03d}.jpg"
        if pools is not None:
            entry = heldout.render_card(truth, rng, pools, os.path.join(options.out, name),
                                        options.seed * 1000 + i)
            index.append(dict(entry, file=name, kind="ocr", truth=truth))
            continue
        width = rng.choice([700, 850, 1050, 1300, 1600])
        draw, height, layout = draw_card(truth, rng, width)
        photo = photograph(rng, width, height, options.seed * 1000 + i)
        render(os.path.join(options.out, name), draw, photo, rng.choice([60, 75, 85, 95]))
        index.append({"file": name, "kind": "ocr", "layout": layout, "width": width, "truth": truth})
    finish_jobs(options)
    for i in range(options.heic if options.count else 0):
        source = index[i * max(1, options.count // max(1, options.heic)) % options.count]
        heic_name = source["file"].replace(".jpg", ".heic")
        if not options.index_only:
            subprocess.run([CONVERT, os.path.join(options.out, source["file"]), "-quality", "90",
                            os.path.join(options.out, heic_name)], check=True)
        index.append(dict(source, file=heic_name, format="heic"))
    if options.qr and not options.qr_tool:
        sys.exit("--qr needs --qr-tool (the libqrencode helper)")
    for i in range(options.qr):
        truth = make_truth(rng, pools)
        # The payload holds name, company, title, phones, emails and website.
        truth.update(address="", linkedin="", twitter="")
        if pools is not None:
            name, payload = heldout.qr_card(truth, rng, pools, options.out, i, options.qr_tool,
                                            options.seed * 1000 + 900 + i)
            index.append({"file": name, "kind": "qr", "payload": payload, "truth": truth})
            continue
        if i == 0:  # zbar without binary mode turns this into "M羹ller"
            truth.update(name="Jürgen Müller", emails=["juergen.mueller@nordlicht.de"])
        name, payload = qr_card(truth, rng, options.out, i, options.qr_tool, options.seed * 1000 + 900 + i)
        index.append({"file": name, "kind": "qr", "payload": payload, "truth": truth})
    finish_jobs(options)
    with open(os.path.join(options.out, "index.json"), "w", encoding="utf-8") as handle:
        json.dump(index, handle, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
