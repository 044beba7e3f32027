#!/usr/bin/python3
"""Writes a deterministic, realistic LinkedIn Connections.csv to standard output.

Usage:
    bench/make_linkedin_csv.py N SEED [--crlf] [--distinct-names K] > Connections.csv

The file has the shape LinkedIn's "Get a copy of your data" export has:

    Notes:
    "When exporting your connection data, you may notice …"
    (a blank line)
    First Name,Last Name,URL,Email Address,Company,Position,Connected On
    … N data rows …

so the three preamble lines and the header are the first 4 CSV records (what
`sqlite3 .import --skip 4` skips). The rows are:
  - names from many cultures, with diacritics (José, Łukasz, Zoë, Nguyễn) and
    some in non-Latin scripts (Cyrillic, Greek, Arabic, Hebrew, Devanagari,
    CJK, Hangul, Thai, Georgian), about 6% of rows;
  - a unique profile URL per row, https://www.linkedin.com/in/<slug>-<8 hex>,
    the hex a bijection of the row number (so no two rows share a URL);
  - an email address on about 15% of rows (LinkedIn only exports those that
    people chose to share);
  - companies and positions, some containing commas or double quotes (then
    quoted, "" escaped, as RFC 4180 and LinkedIn do);
  - "Connected On" dates in both forms LinkedIn has used, "12 Mar 2024" and
    "7-Feb-22";
  - about 1 row in 2,000 near-empty (a deleted account: only the date, or only
    the URL; or a first name and nothing else).

With --distinct-names K every row's name is one of K full names, picked once
from the same pools (and in the same shares of cultures and scripts) before
the rows are written: a large network has many Wei Wangs and Maria Garcias,
each still a person of their own with their own profile URL and, when one is
shared, their own email address (the local part then ends in a number unique
to the row; the company, position and date are drawn as without the option).

UTF-8 without a byte order mark, LF line endings (CRLF with --crlf). Python
standard library only; the same N, SEED and options always give the same bytes.
"""

import random
import sys

PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are '
    "missing. You will only see email addresses for connections who have allowed their connections "
    "to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more about this here "
    'https://www.linkedin.com/help/linkedin/answer/261"\n'
    "\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
)

# (first names, last names, ascii slugs for them) per culture. Non-Latin
# names carry a romanised slug, as people pick for their public profile URL.
LATIN_FIRST = (
    "James Mary John Patricia Robert Jennifer Michael Linda David Elizabeth William Barbara Richard "
    "Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy Matthew Betty "
    "Anthony Sandra Mark Ashley Donald Emily Steven Kimberly Andrew Donna Paul Michelle Joshua Carol "
    "Kenneth Amanda Kevin Melissa Brian Deborah George Stephanie Timothy Rebecca Ronald Laura Jason "
    "Sharon Edward Cynthia Jeffrey Kathleen Ryan Amy Jacob Angela Gary Shirley Nicholas Anna Eric "
    "Brenda Jonathan Pamela Stephen Emma Larry Nicole Justin Helen Scott Samantha Brandon Katherine "
    "Benjamin Christine Samuel Debra Gregory Rachel Alexander Carolyn Frank Janet Patrick Maria Raymond "
    "Olivia Jack Heather Dennis Diane Jerry Julie Tyler Joyce Aaron Victoria Jose Kelly Adam Christina "
    "Nathan Lauren Henry Joan Zachary Evelyn Douglas Judith Peter Megan Kyle Andrea Noah Cheryl Ethan "
    "Hannah Jeremy Jacqueline Walter Martha Christian Gloria Keith Teresa Roger Ann Terry Sara Austin "
    "Madison Sean Frances Gerald Kathryn Carl Janice Harold Jean Dylan Abigail Arthur Alice Lawrence "
    "Judy Jordan Sophia Jesse Grace Bryan Denise Billy Amber Bruce Doris Gabriel Marilyn Joe Danielle "
    "Logan Beverly Alan Isabella Juan Theresa Albert Diana Willie Natalie Elijah Brittany Wayne "
    "Charlotte Randy Marie Vincent Kayla Mason Alexis Roy Lori Ralph Priya Oluwaseun Chidi Amara "
    "Kwame Ngozi Tariq Fatima Omar Layla Hiro Yuki Kenji Aiko Wei Mei Ravi Ananya Arjun Deepika "
    "Mateo Valentina Santiago Camila Lucas Sofia Luca Giulia Matteo Chiara Hans Greta Lars Ingrid "
    "Pieter Anouk Jan Eva Tomasz Katarzyna Piotr Agnieszka Dmitri Olga Ahmed Aisha Mehmet Elif "
    "Yusuf Zeynep Kofi Abena Tunde Folake Sipho Thandiwe"
).split()
LATIN_FIRST_DIACRITIC = (
    "José María Zoë Chloé Renée Łukasz Michał Paweł Małgorzata Agnieszka Søren Bjørn Åsa Jörg "
    "Jürgen Müller Ömer Çağla Şebnem Gülşen İlker François Hélène Gaël Anaïs Noël Inês João "
    "Conceição Sebastián Ramón Nuñez Ángel Íñigo Dvořák Tomáš Jiří Šárka Zdeněk Ondřej Mária "
    "Ľubomír Dóra Gergő Zsófia Ádám Nguyễn Thảo Đức Quỳnh Hương Ngọc Eðvarð Þóra Sigríður "
    "Ólafur Aurélie Benoît Cécile Frédéric Jérôme Léa Maëlle Raphaël Stéphane Björk"
).split()
LATIN_LAST = (
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez "
    "Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris "
    "Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill "
    "Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips "
    "Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers "
    "Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson "
    "Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders "
    "Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell Coleman Butler "
    "Henderson Barnes Gonzales Fisher Vasquez Simmons Romero Jordan Patterson Alexander Hamilton "
    "Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant Herrera Gibson Ellis Tran Medina "
    "Aguilar Stevens Murray Ford Castro Marshall Owens Harrison Fernandez McDonald Woods Washington "
    "Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns Crawford Olson Simpson Porter "
    "Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer Wagner Black "
    "Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson "
    "Nichols Stephens Soto Weaver Ryan Gardner Payne Grant Dunn Kelley Spencer Hawkins Arnold Pierce "
    "Hansen Peters Santos Hart Bradley Knight Elliott Cunningham Duncan Armstrong Hudson Carroll Lane "
    "Riley Andrews Ray Berry Perkins Hoffman Johnston Matthews Pena Richards Contreras Willis "
    "Carpenter Lawrence Sandoval Okafor Okonkwo Adeyemi Mensah Boateng Nakamura Tanaka Suzuki "
    "Watanabe Yamamoto Sharma Gupta Iyer Reddy Nair Kapoor Rossi Russo Ferrari Esposito Bianchi "
    "Schneider Fischer Weber Becker Wagner Jansen DeVries Bakker Nowak Kowalski Wisniewski Ivanov "
    "Petrov Yilmaz Kaya Demir Haddad Khalil Nasser Cohen Levi Mizrahi O'Brien O'Connor O'Neill "
    "MacLeod McAllister Van-der-Berg De-la-Cruz St.-John"
).split()
LATIN_LAST_DIACRITIC = (
    "Müller Schröder Jäger Größ Böhm Løvås Sørensen Ångström Håkansson Łukaszewski Wiśniewska "
    "Dąbrowski Żuławski Nuñez Peña Muñoz Gómez Hernández Martínez Rodríguez Sánchez Pérez González "
    "Fernández López Gonçalves Magalhães Simões Conceição Dvořák Novák Černý Procházka Kučera "
    "Horváth Szabó Tóth Kovács Nagy Öztürk Yıldız Çelik Şahin Doğan Nguyễn Trần Lê Phạm Hoàng "
    "Đặng Bùi Võ Lefèvre Laurent Dupré Bélanger Gagné Côté Thériault Guðmundsdóttir Jónsson "
    "Þórsson Ó-Súilleabháin"
).split()
# Names in their own scripts: per script, (given, romanised) and (family,
# romanised) pairs, combined at random; the slug is the romanised name, as
# people pick for their public profile URL.
def _pairs(text):
    return [tuple(item.split("=")) for item in text.split()]


NON_LATIN = [
    (_pairs("Иван=ivan Анна=anna Дмитрий=dmitriy Ольга=olga Сергей=sergey Наталья=natalya Алексей=aleksey "
            "Екатерина=ekaterina Михаил=mikhail Татьяна=tatyana Олександр=oleksandr Юлия=yuliya"),
     _pairs("Петров=petrov Смирнова=smirnova Соколов=sokolov Кузнецова=kuznetsova Шевченко=shevchenko "
            "Попов=popov Лебедева=lebedeva Козлов=kozlov Новикова=novikova Морозов=morozov Волкова=volkova "
            "Бондаренко=bondarenko")),
    (_pairs("Νίκος=nikos Ελένη=eleni Γιώργος=giorgos Μαρία=maria Δημήτρης=dimitris Κατερίνα=katerina "
            "Κώστας=kostas Σοφία=sofia Γιάννης=giannis Αθηνά=athina"),
     _pairs("Παπαδόπουλος=papadopoulos Γεωργίου=georgiou Οικονόμου=oikonomou Παππάς=pappas "
            "Βασιλείου=vasileiou Νικολάου=nikolaou Καραγιάννης=karagiannis Δημητρίου=dimitriou "
            "Ιωάννου=ioannou Αντωνίου=antoniou")),
    (_pairs("محمد=mohammed فاطمة=fatima أحمد=ahmed مريم=maryam علي=ali نور=nour عمر=omar ليلى=layla "
            "يوسف=youssef سارة=sara خالد=khaled هدى=huda"),
     _pairs("العلي=alali الزهراء=alzahra حسن=hassan الحسيني=alhusseini الخطيب=alkhatib منصور=mansour "
            "إبراهيم=ibrahim الشامي=alshami حداد=haddad عثمان=othman النجار=alnajjar سليمان=suleiman")),
    (_pairs("יוסי=yossi נועה=noa דוד=david תמר=tamar משה=moshe מיכל=michal אבי=avi שירה=shira יעל=yael "
            "איתי=itai"),
     _pairs("כהן=cohen לוי=levi מזרחי=mizrahi פרץ=peretz ביטון=biton דהן=dahan אברהם=avraham פרידמן=friedman "
            "שפירא=shapira גולן=golan")),
    (_pairs("राज=raj प्रिया=priya अमित=amit सुनीता=sunita विक्रम=vikram अनीता=anita राहुल=rahul पूजा=pooja "
            "संजय=sanjay नेहा=neha अर्जुन=arjun कविता=kavita"),
     _pairs("शर्मा=sharma पटेल=patel वर्मा=verma सिंह=singh गुप्ता=gupta कुमार=kumar जोशी=joshi मेहता=mehta "
            "अग्रवाल=agarwal चौधरी=chaudhary मिश्रा=mishra यादव=yadav")),
    (_pairs("太郎=taro 花子=hanako 健=ken 陽子=yoko 翔=sho 美咲=misaki 大輔=daisuke 由美=yumi 拓也=takuya "
            "さくら=sakura 誠=makoto 恵=megumi"),
     _pairs("田中=tanaka 山田=yamada 佐藤=sato 鈴木=suzuki 高橋=takahashi 渡辺=watanabe 伊藤=ito 中村=nakamura "
            "小林=kobayashi 加藤=kato 吉田=yoshida 山本=yamamoto")),
    (_pairs("伟=wei 芳=fang 静=jing 明=ming 丽=li 强=qiang 敏=min 磊=lei 洋=yang 艳=yan 军=jun 娜=na"),
     _pairs("王=wang 李=li 张=zhang 刘=liu 陈=chen 杨=yang 黄=huang 赵=zhao 吴=wu 周=zhou 徐=xu 孙=sun")),
    (_pairs("민준=minjun 서연=seoyeon 지훈=jihoon 하은=haeun 도윤=doyun 지우=jiwoo 현우=hyunwoo 수빈=subin "
            "예준=yejun 지민=jimin"),
     _pairs("김=kim 이=lee 박=park 최=choi 정=jung 강=kang 조=cho 윤=yoon 장=jang 임=lim")),
    (_pairs("สมชาย=somchai สมศรี=somsri วิชัย=wichai มาลี=malee ประเสริฐ=prasert สุดา=suda อนันต์=anan "
            "นภา=napa"),
     _pairs("ใจดี=jaidee ศรีสุข=srisuk วงศ์ใหญ่=wongyai สุขสวัสดิ์=suksawat ทองดี=thongdee แก้วมณี=kaewmanee "
            "บุญมา=boonma รักไทย=rakthai")),
    (_pairs("ანა=ana გიორგი=giorgi ნინო=nino დავით=davit მარიამ=mariam ლევან=levan"),
     _pairs("ბერიძე=beridze კაპანაძე=kapanadze გელაშვილი=gelashvili მაისურაძე=maisuradze ლომიძე=lomidze "
            "ჯაფარიძე=japaridze")),
]

COMPANIES = (
    "Google|Microsoft|Amazon|Apple|Meta|Netflix|Stripe|Shopify|Atlassian|Salesforce|Oracle|SAP|"
    "Siemens|Bosch|Spotify|Klarna|Zalando|Booking.com|Adyen|ASML|Philips|Unilever|Nestlé|L'Oréal|"
    "Société Générale|BNP Paribas|Deutsche Bank|Crédit Agricole|Banco Santander|Telefónica|"
    "Infosys|Tata Consultancy Services|Wipro|Accenture|Deloitte|PwC|EY|KPMG|McKinsey & Company|"
    "Boston Consulting Group|Bain & Company|Goldman Sachs|JPMorgan Chase & Co.|Morgan Stanley|"
    "Toyota|Sony|Samsung Electronics|LG|Hyundai|Alibaba Group|Tencent|Baidu|ByteDance|Flutterwave|"
    "Paystack|Andela|M-Pesa|Safaricom|Jumia|Nubank|Mercado Libre|Rappi|Globant|Canva|Xero|"
    "Freelance|Self-employed|Stealth Startup|University of Toronto|MIT|Stanford University|"
    "ETH Zürich|Universidad de Buenos Aires|Université de Montréal|NHS|World Health Organization|"
    "Médecins Sans Frontières|UNICEF|Red Cross|City of Chicago|Acme Robotics|Initech|Globex|"
    "Hooli|Pied Piper|Umbrella Corp|Wayne Enterprises|Stark Industries|Cyberdyne Systems|"
    "Yandex|Kaspersky|Škoda Auto|Nokia|Ericsson|Volvo Cars|IKEA|Maersk|Novo Nordisk|Lego Group"
).split("|")
# Written with a comma or a quote, so the CSV must quote them.
TRICKY_COMPANIES = [
    "Acme, Inc.", "Smith, Jones & Partners", "Widgets, Gadgets and Gizmos, LLC", "Foo, Bar & Baz",
    'The "Good" Company', 'Studio "Nord", GmbH', "Müller, Schmidt & Co. KG", "Dewey, Cheatham & Howe",
    'Café "Le Petit", SARL', "Ernst & Young, LLP",
]
SUFFIXES = [" Labs", " Technologies", " Solutions", " Group", " Ventures", " Consulting", " Studio",
            " Analytics", " Systems", " Health", " Capital", " Partners", " AI", " Software"]
STEMS = (
    "Blue Orbit Nimbus Quanta Vertex Lumen Helix Apex Nova Cobalt Silverline Northwind Evergreen "
    "Ironbridge Brightpath Clearwater Redwood Bluefin Sunstone Greenleaf Starling Kestrel Falcon "
    "Meridian Horizon Atlas Pioneer Summit Harbor Beacon Catalyst Keystone Lighthouse Monarch "
    "Obsidian Paragon Quantum Radiant Sapphire Tidal Umber Vanguard Willow Zenith Aurora Boreal "
    "Cascade Delta Ember Fjord Granite Halcyon Indigo Juniper Kinetic Lattice Mosaic"
).split()

LEVELS = ["", "", "", "Senior ", "Senior ", "Lead ", "Principal ", "Staff ", "Junior ", "Associate "]
# Roles that take a level ("Senior Software Engineer"), and roles that do not.
LEVELLED_ROLES = (
    "Software Engineer|Product Manager|Data Scientist|UX Designer|Recruiter|Account Executive|"
    "Marketing Manager|Engineering Manager|DevOps Engineer|Financial Analyst|Consultant|"
    "Research Scientist|Architect|Project Manager|Business Analyst|Customer Success Manager|"
    "Software Developer|Machine Learning Engineer|Site Reliability Engineer|Security Engineer|"
    "Content Strategist|Copywriter|Graphic Designer|Software Architect|QA Engineer|Technical Writer|"
    "Ingénieur logiciel|Diseñador UX|Entwickler"
).split("|")
PLAIN_ROLES = (
    "Sales Director|Nurse|Physician|Teacher|Professor|Lawyer|Founder|Co-Founder|CEO|CTO|CFO|"
    "Chief of Staff|Operations Manager|HR Business Partner|Talent Acquisition Specialist|Journalist|"
    "Photographer|Student|Intern|Investment Banker|Portfolio Manager|Responsable marketing|"
    "Gerente de ventas|Software Engineering Intern|PhD Candidate|Registered Nurse|Barista"
).split("|")
# Positions with a comma or quotes in them.
TRICKY_POSITIONS = [
    "Head of Product, EMEA", "VP, Engineering", "Director, Global Partnerships",
    'Senior Engineer, "Platform" team', "Founder, CEO", "Manager, Data & Analytics",
    "Lead, Developer Relations", 'Chief "Happiness" Officer',
]
MAIL_HOSTS = ["gmail.com", "gmail.com", "gmail.com", "outlook.com", "yahoo.com", "hotmail.com",
              "icloud.com", "proton.me", "gmx.de", "web.de", "yandex.ru", "qq.com", "orange.fr"]
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

ASCII_FOLD = str.maketrans({
    "á": "a", "à": "a", "â": "a", "ä": "a", "ã": "a", "å": "a", "ą": "a", "ă": "a", "ạ": "a",
    "Á": "a", "Å": "a", "ç": "c", "č": "c", "ć": "c", "Č": "c", "Ç": "c", "đ": "d", "Đ": "d",
    "ď": "d", "é": "e", "è": "e", "ê": "e", "ë": "e", "ě": "e", "ę": "e", "ễ": "e", "ð": "d",
    "í": "i", "ì": "i", "î": "i", "ï": "i", "ı": "i", "İ": "i", "Í": "i", "ł": "l", "Ł": "l",
    "ľ": "l", "Ľ": "l", "ñ": "n", "ń": "n", "ň": "n", "ó": "o", "ò": "o", "ô": "o", "ö": "o",
    "õ": "o", "ø": "o", "ő": "o", "ọ": "o", "Ó": "o", "Ö": "o", "Ô": "o", "ř": "r", "š": "s",
    "ś": "s", "ş": "s", "Š": "s", "Ş": "s", "ß": "ss", "ť": "t", "ú": "u", "ù": "u", "û": "u",
    "ü": "u", "ů": "u", "ű": "u", "ý": "y", "ỳ": "y", "ž": "z", "ź": "z", "ż": "z", "Ż": "z",
    "Ž": "z", "æ": "ae", "œ": "oe", "þ": "th", "Þ": "th", "ğ": "g", "ả": "a", "ậ": "a",
    "ứ": "u", "ơ": "o", "ư": "u", "ỳ": "y", "ồ": "o", "ợ": "o", "ọ": "o", "ị": "i", "ạ": "a",
    "ặ": "a", "ù": "u", "ễ": "e", "ư": "u", "ỹ": "y", "ầ": "a", "Ả": "a", "Ộ": "o",
})


def slugify(text):
    folded = text.lower().translate(ASCII_FOLD)
    out = []
    for ch in folded:
        if "a" <= ch <= "z" or "0" <= ch <= "9":
            out.append(ch)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-") or "member"


def csv_field(text):
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def permute(n):
    """A bijection of 0..2^32-1: distinct rows get distinct URL suffixes."""
    x = (n * 0x9E3779B1 + 0x7F4A7C15) & 0xFFFFFFFF
    x ^= x >> 16
    x = (x * 0x85EBCA6B) & 0xFFFFFFFF
    x ^= x >> 13
    return x


def draw_name(rng):
    """(first, last, slug) of one person, in the shares of cultures and scripts above."""
    script = rng.random()
    if script < 0.06:
        givens, families = rng.choice(NON_LATIN)
        first, first_slug = rng.choice(givens)
        last, last_slug = rng.choice(families)
        return first, last, first_slug + "-" + last_slug
    first = rng.choice(LATIN_FIRST_DIACRITIC if script < 0.18 else LATIN_FIRST)
    last = rng.choice(LATIN_LAST_DIACRITIC if script < 0.28 else LATIN_LAST)
    if rng.random() < 0.04:  # a middle initial, or a double-barrelled name
        last = (rng.choice("ABCDEFGHJKLMNPRSTW") + ". " + last if rng.random() < 0.5
                else last + "-" + rng.choice(LATIN_LAST))
    return first, last, slugify(first + " " + last)


def distinct_names(count, seed):
    """`count` different full names, drawn from their own generator so the rows'
    other values do not depend on how many draws it took to find them."""
    rng = random.Random(f"names-{seed}")
    names, seen = [], set()
    while len(names) < count:
        first, last, slug = draw_name(rng)
        if (first, last) not in seen:
            seen.add((first, last))
            names.append((first, last, slug))
    return names


USAGE = "usage: make_linkedin_csv.py N SEED [--crlf] [--distinct-names K] > Connections.csv\n"


def main(argv):
    args, crlf, distinct = [], False, 0
    rest = argv[1:]
    while rest:
        arg = rest.pop(0)
        if arg == "--crlf":
            crlf = True
        elif arg == "--distinct-names" and rest and rest[0].isdigit() and int(rest[0]) > 0:
            distinct = int(rest.pop(0))
        elif arg.startswith("--"):
            sys.stderr.write(USAGE)
            return 2
        else:
            args.append(arg)
    if len(args) != 2:
        sys.stderr.write(USAGE)
        return 2
    count, seed = int(args[0]), int(args[1])
    newline = "\r\n" if crlf else "\n"
    rng = random.Random(seed)
    names = distinct_names(distinct, seed) if distinct else []
    companies = COMPANIES + [s + x for s in STEMS for x in SUFFIXES]

    out = sys.stdout
    out.reconfigure(encoding="utf-8", newline="")
    out.write(PREAMBLE.replace("\n", newline))
    lines = []
    for n in range(count):
        roll = rng.random()
        if roll < 0.0005:  # near-empty rows: a deleted account, a bare name
            kind = rng.randrange(3)
            url = f"https://www.linkedin.com/in/member-{permute(n):08x}"
            date = f"{rng.randint(1, 28)} {MONTHS[rng.randrange(12)]} {rng.randint(2008, 2025)}"
            row = [("", "", "", "", "", "", date), ("", "", url, "", "", "", ""),
                   (rng.choice(LATIN_FIRST), "", "", "", "", "", "")][kind]
            lines.append(",".join(csv_field(f) for f in row))
            continue
        first, last, slug = rng.choice(names) if names else draw_name(rng)
        url = f"https://www.linkedin.com/in/{slug}-{permute(n):08x}"
        email = ""
        if rng.random() < 0.15:
            local = slug.replace("-", rng.choice([".", "", "_"]))
            if names:  # namesakes: one address each, as two people never share one
                local += str(permute(n))
            elif rng.random() < 0.5:
                local += str(rng.randint(1, 999))
            email = f"{local}@{rng.choice(MAIL_HOSTS)}"
        pick = rng.random()
        if pick < 0.03:
            company = rng.choice(TRICKY_COMPANIES)
        elif pick < 0.06:
            company = ""
        else:
            company = rng.choice(companies)
        pick = rng.random()
        if pick < 0.03:
            position = rng.choice(TRICKY_POSITIONS)
        elif pick < 0.05:
            position = ""
        else:
            position = (rng.choice(LEVELS) + rng.choice(LEVELLED_ROLES) if rng.random() < 0.75
                        else rng.choice(PLAIN_ROLES))
        year = rng.randint(2008, 2025)
        month = rng.randrange(12)
        day = rng.randint(1, DAYS_IN_MONTH[month])
        if rng.random() < 0.7:
            date = f"{day:02d} {MONTHS[month]} {year}" if rng.random() < 0.5 else f"{day} {MONTHS[month]} {year}"
        else:
            date = f"{day}-{MONTHS[month]}-{year % 100:02d}"
        lines.append(",".join(csv_field(f) for f in (first, last, url, email, company, position, date)))
        if len(lines) >= 10000:
            out.write(newline.join(lines) + newline)
            lines.clear()
    if lines:
        out.write(newline.join(lines) + newline)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
