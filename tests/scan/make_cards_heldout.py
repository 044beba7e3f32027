"""The held-out half of the card corpus (make_cards.py --pools heldout).

Every pool comes from heldout_pools.json beside this file; the layouts, logos,
QR placements and the photo effects are drawn here and never in make_cards.py,
so nothing the scanner was tuned on repeats: other names (other cultures, a
few with their native script beside), companies with other legal forms,
titles outside any word list, other TLDs and phone countries, other fonts and
colours, and photos as phones take them (perspective, a quarter turn, uneven
light and shadow, blur, low JPEG quality).
"""

import json
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))


def load_pools():
    with open(os.path.join(HERE, "heldout_pools.json"), encoding="utf-8") as handle:
        return json.load(handle)


def base():
    import make_cards  # pylint: disable=import-outside-toplevel  (the shared drawing helpers)
    return make_cards


def digits(rng, n):
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def make_phone(rng, pools):
    """Returns (printed, e164) for a valid mobile or landline of a held-out country."""
    kind = rng.choice(pools["phone_countries"])
    d = lambda n: digits(rng, n)
    if kind == "au":
        rest = "4" + d(8)
        return f"+61 {rest[:3]} {rest[3:6]} {rest[6:]}", "+61" + rest
    if kind == "nz":
        rest = "21" + d(7)
        return f"+64 {rest[:2]} {rest[2:5]} {rest[5:]}", "+64" + rest
    if kind == "nl":
        rest = "6" + str(rng.randint(1, 5)) + d(7)
        return f"+31 6 {rest[1:3]} {rest[3:5]} {rest[5:7]} {rest[7:]}", "+31" + rest
    if kind == "pl":
        rest = "60" + d(7)
        return f"+48 {rest[:3]} {rest[3:6]} {rest[6:]}", "+48" + rest
    if kind == "se":
        rest = "70" + d(7)
        return f"+46 {rest[:2]}-{rest[2:5]} {rest[5:7]} {rest[7:]}", "+46" + rest
    if kind == "br":
        rest = "119" + str(rng.randint(6, 9)) + d(7)
        return f"+55 {rest[:2]} {rest[2:7]}-{rest[7:]}", "+55" + rest
    if kind == "jp":
        rest = "90" + str(rng.randint(1, 9)) + d(7)
        return f"+81 {rest[:2]}-{rest[2:6]}-{rest[6:]}", "+81" + rest
    if kind == "ke":
        rest = "7" + rng.choice("12") + d(7)
        return f"+254 {rest[:3]} {rest[3:6]} {rest[6:]}", "+254" + rest
    if kind == "ie":
        rest = "8" + rng.choice("567") + d(7)
        return f"+353 {rest[:2]} {rest[2:5]} {rest[5:]}", "+353" + rest
    area = rng.choice(["303", "720", "503", "404", "305", "619", "702"])
    exch = str(rng.randint(2, 9)) + d(2)
    line = d(4)
    e164 = "+1" + area + exch + line
    if kind == "us_dots":
        return rng.choice([f"{area}.{exch}.{line}", f"+1.{area}.{exch}.{line}"]), e164
    return rng.choice([f"({area}) {exch} {line}", f"{area} {exch} {line}"]), e164


def make_truth(rng, pools):
    slug = base().slug
    native = None
    if rng.random() < 0.08:
        given, family, native = rng.choice(pools["native_names"])
    else:
        given, family = rng.choice(pools["given"]), rng.choice(pools["family"])
    name = f"{given} {family}"
    if rng.random() < 0.06:
        name = f"{given} {chr(ord('A') + rng.randint(0, 25))}. {family}"
    pick = rng.randrange(len(pools["company_names"]))
    company = pools["company_names"][pick]
    label = pools["domains"][pick % len(pools["domains"])]
    tld = rng.choice(pools["tlds"])
    domain = label + tld
    email_domain = domain
    if rng.random() < 0.15:  # the mail is on another TLD than the website (jo@acme.de, www.acme.com)
        email_domain = label + rng.choice([t for t in pools["other_tlds"] if t != tld])
    g, f = slug(given), slug(family)
    local = rng.choice(pools["email_locals"]).format(g=g, f=f, g0=g[0], f0=f[0])
    truth = {
        "name": name,
        "title": rng.choice(pools["titles"]),
        "company": company,
        "emails": [f"{local}@{email_domain}"],
        "phones": [],
        "website": "",
        "address": "",
        "linkedin": "",
        "twitter": "",
    }
    if native:
        truth["native_name"] = native
    printed, e164 = make_phone(rng, pools)
    truth["phones"].append({"printed": printed, "e164": e164})
    if rng.random() < 0.3:
        printed, e164 = make_phone(rng, pools)
        if e164 != truth["phones"][0]["e164"]:
            truth["phones"].append({"printed": printed, "e164": e164})
    if rng.random() < 0.8:
        truth["website"] = rng.choice(["www.", "", "https://", "https://www."]) + domain
    if rng.random() < 0.35:
        truth["linkedin"] = "linkedin.com/in/" + g + "-" + f
    if rng.random() < 0.2:
        truth["twitter"] = "@" + g[:7] + f[:5]
    if rng.random() < 0.45:
        truth["address"] = rng.choice(pools["addresses"])
    if rng.random() < 0.06:
        truth["title"] = ""
    return truth


def contact_lines(truth, rng):
    labelled = rng.random() < 0.5
    lines = []
    for phone in truth["phones"]:
        lines.append((rng.choice(["Mob ", "Ph: ", "Tel: ", "Cell: ", "Direct: "]) if labelled else "")
                     + phone["printed"])
    lines.append((rng.choice(["Email: ", "e: ", "Mail: "]) if labelled else "") + truth["emails"][0])
    if truth["website"]:
        lines.append((rng.choice(["Web: ", "w: "]) if labelled else "") + truth["website"])
    if truth["linkedin"]:
        lines.append(truth["linkedin"])
    if truth["twitter"]:
        lines.append(truth["twitter"])
    if truth["address"]:
        lines.append(truth["address"])
    return lines


def draw_logo(args, rng, kind, x, y, size, accent, background, company, font):
    if kind == "ho-logo-none":
        return
    args.extend(["-fill", accent, "-stroke", "none"])
    if kind == "ho-logo-circle":
        args.extend(["-draw", f"circle {x + size / 2:.0f},{y + size / 2:.0f} {x + size / 2:.0f},{y:.0f}"])
    elif kind == "ho-logo-square":
        args.extend(["-draw", f"roundrectangle {x:.0f},{y:.0f} {x + size:.0f},{y + size:.0f} 12,12"])
    else:
        args.extend(["-draw", f"polygon {x + size / 2:.0f},{y:.0f} {x + size:.0f},{y + size:.0f} {x:.0f},{y + size:.0f}"])
    initials = "".join(word[0] for word in company.split()[:2] if word[0].isalpha())
    if initials and rng.random() < 0.6:
        args.extend(["-fill", background, "-gravity", "NorthWest", "-font", font, "-pointsize", f"{size * 0.38:.0f}",
                     "-annotate", f"+{x + size * 0.22:.0f}+{y + size * 0.3:.0f}", initials])


def ink_width(words, pt, font):
    """How wide ImageMagick draws `words` at `pt` in `font`, in pixels (the ink, trimmed)."""
    mc = base()
    size = f"{int(pt * (len(words) + 4))}x{int(pt * 3)}"
    command = [mc.CONVERT, "-size", size, "xc:white", "-gravity", "NorthWest", "-font", font, "-pointsize",
               f"{pt:.1f}", "-fill", "black", "-annotate", f"+{int(pt)}+{int(pt)}", mc.escape(words), "-trim",
               "-format", "%w", "info:"]
    return int(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def fitted(words, pt, font, room):
    """`pt`, or smaller so that `words` fit in `room` pixels (from where they start to a quarter
    margin before the card's edge): a long name in a large font ran off the rendered card, where
    no scanner can read it (about 1 held-out card in 12 before this). Only those are set
    smaller; nothing is drawn from the random generator, so every other card stays the same."""
    width = ink_width(words, pt, font)
    return pt if width <= room else pt * room / width * 0.98


def draw_card(truth, rng, pools, width):
    mc = base()
    background, ink, accent, dark = rng.choice(pools["schemes"])
    fonts = rng.choice(pools["fonts"])
    regular, bold = (mc.font_path(name) for name in fonts)
    layout = rng.choice(pools["layouts"])
    logo = rng.choice(pools["logos"])
    height = int(width * (1.65 if layout == "ho-vertical" else 0.58))
    short = min(width, height)
    name_pt = short * rng.uniform(0.085, 0.105)
    title_pt = short * rng.uniform(0.050, 0.060)
    small_pt = short * rng.uniform(0.044, 0.052)
    company_pt = title_pt * rng.uniform(1.0, 1.3)
    margin = int(short * 0.11)
    step = small_pt * 1.45
    args = ["-size", f"{width}x{height}", f"xc:{background}"]

    def text(x, y, words, pt, font, colour, gravity="NorthWest"):
        args.extend(["-gravity", gravity, "-font", font, "-pointsize", f"{pt:.1f}", "-fill", colour,
                     "-annotate", f"+{int(x)}+{int(y)}", mc.escape(words)])

    contacts = contact_lines(truth, rng)
    native = truth.get("native_name")
    logo_size = short * 0.2
    if layout == "ho-two-column":
        draw_logo(args, rng, logo, margin, margin, logo_size, accent, background, truth["company"], bold)
        y = margin + (logo_size * 1.2 if logo != "ho-logo-none" else 0)
        text(margin, y, truth["name"], fitted(truth["name"], name_pt, bold, width - margin * 1.25), bold, ink)
        y += name_pt * 1.3
        if native:
            text(margin, y, native, title_pt, regular, ink)
            y += title_pt * 1.4
        if truth["title"]:
            text(margin, y, truth["title"], title_pt, regular, accent)
            y += title_pt * 1.5
        text(margin, y, truth["company"], company_pt, bold, ink)
        right = [line for line in contacts if len(line) <= 28]
        rest = [line for line in contacts if len(line) > 28]
        y = height * 0.5 - step * len(right) / 2
        for line in right:
            text(margin, y, line, small_pt * 0.9, regular, ink, "NorthEast")
            y += step
        y = height - margin - step * len(rest)
        for line in rest:
            text(margin, y, line, small_pt * 0.9, regular, ink)
            y += step
    elif layout == "ho-vertical":
        draw_logo(args, rng, logo, width / 2 - logo_size / 2, margin, logo_size, accent, background,
                  truth["company"], bold)
        y = margin + logo_size * 1.3
        text(0, y, truth["company"], company_pt, bold, accent, "North")
        y += company_pt * 2.2
        text(0, y, truth["name"], fitted(truth["name"], name_pt * 0.9, bold, width - margin * 0.5), bold, ink, "North")
        y += name_pt * 1.3
        if native:
            text(0, y, native, title_pt, regular, ink, "North")
            y += title_pt * 1.4
        if truth["title"]:
            text(0, y, truth["title"], title_pt, regular, ink, "North")
        y = height - margin - step * len(contacts)
        for line in contacts:
            pt = small_pt * (0.8 if len(line) > 28 else 0.95)
            text(0, y, line, pt, regular, ink, "North")
            y += step
    elif layout == "ho-right-aligned":
        draw_logo(args, rng, logo, margin, height / 2 - logo_size / 2, logo_size * 1.2, accent, background,
                  truth["company"], bold)
        y = margin
        text(margin, y, truth["name"], fitted(truth["name"], name_pt, bold, width - margin * 1.25), bold, ink, "NorthEast")
        y += name_pt * 1.3
        if native:
            text(margin, y, native, title_pt, regular, ink, "NorthEast")
            y += title_pt * 1.4
        if truth["title"]:
            text(margin, y, truth["title"], title_pt, regular, ink, "NorthEast")
            y += title_pt * 1.5
        text(margin, y, truth["company"], company_pt, bold, accent, "NorthEast")
        y = height - margin - step * len(contacts)
        for line in contacts:
            text(margin, y, line, small_pt * (0.85 if len(line) > 30 else 1.0), regular, ink, "NorthEast")
            y += step
    elif layout == "ho-name-bottom":
        draw_logo(args, rng, logo, margin, margin, logo_size * 0.8, accent, background, truth["company"], bold)
        offset = logo_size if logo != "ho-logo-none" else 0
        text(margin + offset, margin, truth["company"], company_pt, bold, accent)
        y = margin + max(company_pt * 1.9, logo_size)
        for line in contacts:
            text(margin, y, line, small_pt * (0.85 if len(line) > 30 else 1.0), regular, ink)
            y += step
        y = height - margin - name_pt * 1.3 - (title_pt * 1.4 if truth["title"] else 0)
        text(margin, y, truth["name"], fitted(truth["name"], name_pt, bold, width - margin * 1.25), bold, ink)
        if truth["title"]:
            text(margin, y + name_pt * 1.3, truth["title"], title_pt, regular, ink)
    else:  # ho-side-band: a coloured band on the left with the company, the person on the right
        band = int(width * 0.3)
        args.extend(["-fill", accent, "-draw", f"rectangle 0,0 {band},{height}"])
        draw_logo(args, rng, logo, band / 2 - logo_size / 2, margin, logo_size, background, accent,
                  truth["company"], bold)
        words = truth["company"].split()
        y = margin + logo_size * 1.4
        parts = [part for part in [" ".join(words[:2]), " ".join(words[2:])] if part]
        # Drawn in the paper's colour: past the band's edge it is white on white, so a company
        # too wide for the band is set smaller (both its lines alike) to end a quarter margin inside it.
        pt = min(fitted(part, company_pt * 0.8, bold, band - margin * 0.75) for part in parts)
        for part in parts:
            text(margin * 0.5, y, part, pt, bold, background)
            y += company_pt * 1.2
        x = band + margin * 0.7
        y = margin
        text(x, y, truth["name"], fitted(truth["name"], name_pt * 0.9, bold, width - x - margin * 0.25), bold, ink)
        y += name_pt * 1.25
        if native:
            text(x, y, native, title_pt, regular, ink)
            y += title_pt * 1.4
        if truth["title"]:
            text(x, y, truth["title"], title_pt, regular, ink)
        y = height - margin - step * len(contacts)
        for line in contacts:
            text(x, y, line, small_pt * (0.75 if len(line) > 26 else 0.9), regular, ink)
            y += step
    return args, height, layout, logo, {"dark": dark, "font": fonts[0]}


def photograph(rng, pools, width, height, seed):
    """A phone photo of the card: table, uneven light, shadow, perspective, turn, blur, noise."""
    table = rng.choice(pools["tables"])
    pad = int(width * rng.uniform(0.04, 0.14))
    args = ["-bordercolor", table, "-border", str(pad), "-background", table]
    w, h = width + 2 * pad, height + 2 * pad
    effects = []
    if rng.random() < 0.5:  # light falling off across the card
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        dark = rng.choice(["gray55", "gray65", "gray75"])
        args += ["(", "-size", f"{w}x{h}", "-define", f"gradient:center={cx:.0f},{cy:.0f}",
                 "-define", f"gradient:radii={w * 0.9:.0f},{h * 1.2:.0f}", f"radial-gradient:white-{dark}",
                 ")", "-compose", "Multiply", "-composite", "-compose", "Over"]
        effects.append("uneven-light")
    if rng.random() < 0.3:  # the shadow of the phone or a hand over one corner
        x0, y0 = rng.uniform(0.5, 0.9) * w, rng.uniform(0.4, 0.9) * h
        args += ["-fill", "rgba(0,0,0,0.28)", "-draw",
                 f"polygon {x0:.0f},{h} {w},{y0:.0f} {w},{h}"]
        effects.append("shadow")
    j = lambda: rng.uniform(-0.055, 0.055) * w
    corners = [(0, 0), (w, 0), (w, h), (0, h)]
    moved = [(x + j(), y + j()) for x, y in corners]
    points = " ".join(f"{x},{y} {mx:.1f},{my:.1f}" for (x, y), (mx, my) in zip(corners, moved))
    args += ["-virtual-pixel", "background", "-distort", "Perspective", points]
    args += ["-rotate", f"{rng.uniform(-8, 8):.2f}"]
    blur = rng.choice([0, 0.5, 0.9, 1.3, 1.6])
    if blur:
        args += ["-blur", f"0x{blur}"]
        effects.append(f"blur-{blur}")
    if rng.random() < 0.15:
        args += ["-motion-blur", f"0x{rng.uniform(2, 4):.1f}+{rng.uniform(0, 180):.0f}"]
        effects.append("motion-blur")
    args += ["-seed", str(seed), "-attenuate", f"{rng.uniform(0.3, 0.9):.2f}", "+noise", "Gaussian"]
    turn = rng.choice([0, 0, 0, 0, 0, 0, 0, 90, 180, 270])
    if turn:
        args += ["-rotate", str(turn)]
        effects.append(f"turned-{turn}")
    return args, effects


def render_card(truth, rng, pools, out_path, seed):
    width = rng.choice([900, 1000, 1150, 1300, 1450])
    draw, height, layout, logo, look = draw_card(truth, rng, pools, width)
    photo, effects = photograph(rng, pools, width, height, seed)
    quality = rng.choice([45, 55, 65, 72, 80])
    base().render(out_path, draw, photo, quality)
    # The scheme's darkness and the font are recorded for the benchmark's
    # breakdown of misses (bench/scan/classify_misses.py); the draws are as before.
    return dict(look, layout=layout, logo=logo, width=width, quality=quality, effects=effects)


def qr_card(truth, rng, pools, directory, index, qr_tool, seed):
    mc = base()
    payload = mc.vcard_payload(truth) if index % 2 == 0 else mc.mecard_payload(truth)
    payload_path = os.path.join(directory, f"qr_{index:03d}.payload")
    pbm_path = os.path.join(directory, f"qr_{index:03d}.pbm")
    with open(payload_path, "w", encoding="utf-8") as handle:
        handle.write(payload)
    subprocess.run([qr_tool, payload_path, pbm_path], check=True)
    width = rng.choice([1000, 1200, 1500])
    height = int(width * 0.58)
    background, ink, _, _ = rng.choice([s for s in pools["schemes"] if not s[3]])
    regular, bold = (mc.font_path(name) for name in rng.choice(pools["fonts"]))
    place = rng.choice(pools["qr_places"])
    qr_size = int(height * (0.45 if place == "ho-qr-top-right" else 0.7))
    gravity, text_gravity = {"ho-qr-left": ("West", "NorthEast"), "ho-qr-top-right": ("NorthEast", "NorthWest"),
                             "ho-qr-bottom-right": ("SouthEast", "NorthWest"),
                             "ho-qr-back-centre": ("Center", "North")}[place]
    draw = ["-size", f"{width}x{height}", f"xc:{background}"]
    if place != "ho-qr-back-centre":
        draw += ["-gravity", text_gravity, "-font", bold, "-pointsize", str(int(width * 0.05)), "-fill", ink,
                 "-annotate", f"+{int(width * 0.06)}+{int(height * 0.15)}", mc.escape(truth["name"])]
        if truth["title"]:
            draw += ["-font", regular, "-pointsize", str(int(width * 0.03)), "-annotate",
                     f"+{int(width * 0.06)}+{int(height * 0.28)}", mc.escape(truth["title"])]
    draw += ["(", pbm_path, "-filter", "point", "-resize", f"{qr_size}x{qr_size}", ")",
             "-gravity", gravity, "-geometry", f"+{int(width * 0.05)}+{int(height * 0.06)}", "-composite",
             "-gravity", "NorthWest"]
    photo, _ = photograph(rng, pools, width, height, seed)
    name = f"qr_{index:03d}.jpg"
    mc.render(os.path.join(directory, name), draw, photo, rng.choice([60, 72, 85]))
    mc.cleanup(pbm_path)
    return name, "vcard" if index % 2 == 0 else "mecard"
