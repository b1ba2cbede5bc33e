"""Generate the Rathaus German PII evaluation set (bench/data/pii_de/pii_de.jsonl).

Everything here was written for Rathaus: the templates, the hand-written passages and the name lists.
No text is copied from elsewhere; all names, numbers and addresses are made up (IBANs, tax and social
security numbers are random but carry valid check digits; any match with a real person or account is
coincidental). Deterministic: every item gets its own random.Random seeded from SEED and the item id.

    python bench/data/pii_de/generate.py            # writes pii_de.jsonl next to this file, prints counts
    python bench/data/pii_de/generate.py --readme   # also refreshes the counts block in README.md
    python bench/data/pii_de/generate.py --out /tmp/x.jsonl

Texts are written in a small markup: [[span|TYPE]] marks an entity (short aliases such as PER, ADR, SC
are allowed), {slot} inserts a generated value (see Ctx.expand), {~a~b} picks one alternative and
{p1?männlich|weiblich} picks by the gender of person p1. See README.md for the labelling rules.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

SEED = "rathaus-pii-de-v1"
HERE = Path(__file__).resolve().parent
OUT = HERE / "pii_de.jsonl"
README = HERE / "README.md"

LABELS = (
    "PERSON", "ADDRESS", "PHONE", "EMAIL", "IBAN", "BIC", "TAX_ID", "SOCIAL_SECURITY", "ID_CARD", "PASSPORT",
    "LICENSE_PLATE", "DATE_OF_BIRTH", "CASE_NUMBER", "SPECIAL_CATEGORY",
)
DOMAINS = ("citizen_message", "letter", "case_note", "council", "hard")
ALIASES = {
    "PER": "PERSON", "ADR": "ADDRESS", "TEL": "PHONE", "MAIL": "EMAIL", "TAX": "TAX_ID", "SV": "SOCIAL_SECURITY",
    "ID": "ID_CARD", "PASS": "PASSPORT", "KFZ": "LICENSE_PLATE", "DOB": "DATE_OF_BIRTH", "AZ": "CASE_NUMBER",
    "SC": "SPECIAL_CATEGORY",
}


# --------------------------------------------------------------------------------------------------
# Check digits
# --------------------------------------------------------------------------------------------------

def compact(value: str) -> str:
    """Drop all whitespace (including no-break spaces) and upper-case."""
    return "".join(value.split()).upper()


def iban_check_digits(country: str, bban: str) -> str:
    """ISO 13616 / ISO 7064 MOD 97-10: the two check digits for country code + BBAN.

    Move "CC00" behind the BBAN, turn letters into numbers (A=10 … Z=35), take the number modulo 97;
    the check digits are 98 minus that remainder."""
    digits = "".join(str(int(c, 36)) for c in (bban + country + "00").upper())
    return f"{98 - int(digits) % 97:02d}"


def iban_is_valid(value: str) -> bool:
    """An IBAN is valid when the rearranged number (first four characters moved to the end) mod 97 is 1."""
    iban = compact(value)
    if len(iban) < 15 or not iban[:2].isalpha() or not iban[2:4].isdigit() or not iban.isalnum():
        return False
    return int("".join(str(int(c, 36)) for c in iban[4:] + iban[:4])) % 97 == 1


def steuer_id_check_digit(first10: str) -> int:
    """Check digit of the Steuer-Identifikationsnummer: ISO/IEC 7064 MOD 11,10 over the first ten digits."""
    product = 10
    for d in first10:
        total = (int(d) + product) % 10 or 10
        product = (total * 2) % 11
    check = 11 - product
    return 0 if check == 10 else check


def steuer_id_is_valid(value: str) -> bool:
    """11 digits, first not 0; in the first ten exactly one digit occurs twice or three times (three times
    only if not all three stand in a row), every other digit at most once; last digit = MOD 11,10."""
    s = compact(value)
    if len(s) != 11 or not s.isdigit() or s[0] == "0":
        return False
    counts = Counter(s[:10])
    repeated = [c for c in counts.values() if c > 1]
    if len(repeated) != 1 or repeated[0] not in (2, 3):
        return False
    if repeated[0] == 3 and any(s[i] == s[i + 1] == s[i + 2] for i in range(8)):
        return False
    return steuer_id_check_digit(s[:10]) == int(s[10])


RV_WEIGHTS = (2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1)


def rvnr_check_digit(first11: str) -> int:
    """Check digit of the Rentenversicherungsnummer (area 2 digits, DDMMYY, letter, serial 2 digits).

    The letter becomes its two-digit position in the alphabet (A=01 … Z=26), giving 12 digits; they are
    weighted 2,1,2,5,7,1,2,1,2,1,2,1, the cross sums of the products are added, the result modulo 10."""
    s = compact(first11)
    digits = s[:8] + f"{ord(s[8]) - 64:02d}" + s[9:11]
    return sum(sum(divmod(int(d) * w, 10)) for d, w in zip(digits, RV_WEIGHTS, strict=True)) % 10


def rvnr_is_valid(value: str) -> bool:
    s = compact(value)
    if not re.fullmatch(r"\d{8}[A-Z]\d{3}", s):
        return False
    day, month = int(s[2:4]), int(s[4:6])
    if not (1 <= day % 50 <= 31 and 1 <= month <= 12):
        return False
    return rvnr_check_digit(s[:11]) == int(s[11])


ID_ALPHABET = "CFGHJKLMNPRTVWXYZ0123456789"


def check_digit_731(chars: str) -> int:
    """ICAO 9303 check digit used on the Personalausweis and Reisepass: weights 7, 3, 1 repeating,
    digits count as themselves, letters A=10 … Z=35, sum modulo 10."""
    return sum((int(c) if c.isdigit() else ord(c) - 55) * (7, 3, 1)[i % 3] for i, c in enumerate(chars)) % 10


def id_document_is_valid(value: str) -> bool:
    """9 characters of the document alphabet (at least one letter and one digit), optionally followed by
    the 7-3-1 check digit."""
    s = compact(value)
    if len(s) not in (9, 10) or any(c not in ID_ALPHABET for c in s[:9]):
        return False
    if not any(c.isalpha() for c in s[:9]) or not any(c.isdigit() for c in s[:9]):
        return False
    return len(s) == 9 or (s[9].isdigit() and check_digit_731(s[:9]) == int(s[9]))


# --------------------------------------------------------------------------------------------------
# Name lists (written for this project)
# --------------------------------------------------------------------------------------------------

ORIGINS: dict[str, tuple[list[str], list[str], list[str]]] = {
    # origin: (male first names, female first names, surnames)
    "de": (
        ["Thomas", "Michael", "Andreas", "Stefan", "Peter", "Klaus", "Jürgen", "Wolfgang", "Hans", "Uwe", "Frank",
         "Bernd", "Dieter", "Markus", "Christian", "Jan", "Tobias", "Lukas", "Felix", "Jonas", "Maximilian", "Paul",
         "Leon", "Ben", "Elias", "Matthias", "Sebastian", "Florian", "Daniel", "Martin", "Günter", "Horst",
         "Werner", "Manfred", "Helmut", "Rainer", "Ralf", "Jörg", "Dirk", "Holger", "Sven", "Timo", "Moritz",
         "Niklas", "Philipp", "Konstantin", "Friedrich", "Karl-Heinz", "Hans-Peter", "Jens", "Gottfried", "Till"],
        ["Anna", "Maria", "Ursula", "Monika", "Petra", "Sabine", "Claudia", "Susanne", "Andrea", "Birgit", "Heike",
         "Katrin", "Julia", "Laura", "Lena", "Sophie", "Hannah", "Emma", "Mia", "Lea", "Johanna", "Charlotte",
         "Gisela", "Helga", "Ingrid", "Renate", "Karin", "Brigitte", "Christine", "Elke", "Jutta", "Tanja",
         "Nicole", "Stefanie", "Melanie", "Silke", "Anja", "Franziska", "Theresa", "Greta", "Ida", "Marlene",
         "Frieda", "Dorothea", "Hildegard", "Annegret", "Bärbel", "Jana", "Nadine", "Anna-Lena", "Marie-Luise"],
        ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
         "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
         "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier",
         "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber",
         "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Vogel", "Keller",
         "Günther", "Frank", "Berger", "Winkler", "Roth", "Beck", "Lorenz", "Baumann", "Franke", "Albrecht",
         "Winter", "Sommer", "Ludwig", "Böhm", "Kühn", "Pohl", "Engel", "Horn", "Brandt", "Haas", "Schreiber",
         "Graf", "Dietrich", "Kuhn", "Kraus", "Seidel", "Ziegler", "Stein", "Jäger", "Sauer", "Heinrich",
         "Brenner", "Riedel", "Pfeiffer", "Ebert", "Hübner", "Kessler", "Bergmann", "Voigt", "Thiel", "Straub",
         "Gärtner", "Wendt", "Rösch", "Ostertag", "Häberle", "Eisele", "Maurer", "Späth", "Kübler", "Dreher"],
    ),
    "tr": (["Mehmet", "Mustafa", "Emre", "Can", "Murat", "Hakan", "Burak", "Ömer"],
           ["Ayşe", "Fatma", "Elif", "Zeynep", "Emine", "Derya", "Gülay", "Selin"],
           ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Arslan", "Doğan", "Koç"]),
    "pl": (["Piotr", "Tomasz", "Krzysztof", "Paweł", "Marek"],
           ["Agnieszka", "Katarzyna", "Małgorzata", "Joanna", "Ewa"],
           ["Nowak", "Wójcik", "Kamiński", "Zieliński", "Szymański", "Dąbrowski"]),
    "ua": (["Andrij", "Dmytro", "Oleksandr", "Serhij", "Taras"],
           ["Olena", "Oksana", "Iryna", "Natalija", "Switlana"],
           ["Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Melnyk", "Kravchuk"]),
    "it": (["Giuseppe", "Luca", "Marco", "Alessandro", "Giovanni"],
           ["Giulia", "Francesca", "Chiara", "Sara", "Valentina"],
           ["Rossi", "Russo", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci"]),
    "gr": (["Nikolaos", "Georgios", "Dimitrios", "Konstantinos"],
           ["Eleni", "Maria", "Katerina", "Sofia"],
           ["Papadopoulos", "Georgiou", "Nikolaidis", "Karagiannis"]),
    "vn": (["Van Minh", "Duc Anh", "Quang Huy", "Thanh Long"],
           ["Thi Lan", "Ngoc Anh", "Thu Trang", "Thi Mai"],
           ["Nguyen", "Tran", "Pham", "Le", "Hoang"]),
    "ar": (["Ahmad", "Mohammed", "Omar", "Khaled", "Yusuf", "Ali", "Hassan"],
           ["Fatima", "Yasmin", "Leila", "Amira", "Rania", "Noor"],
           ["Al-Hassan", "Haddad", "Khalil", "Rahimi", "Hosseini", "Mansour", "Saleh", "Ibrahim"]),
    "wa": (["Kwame", "Chinedu", "Emeka", "Kofi"],
           ["Amara", "Ngozi", "Abena", "Chiamaka"],
           ["Okafor", "Mensah", "Adeyemi", "Boateng", "Eze"]),
    "fr": (["Jean-Pierre", "Antoine", "Julien", "Mathieu"],
           ["Camille", "Amélie", "Claire", "Élodie"],
           ["Dubois", "Lefèvre", "Moreau", "Girard", "Fontaine"]),
    "es": (["José", "Javier", "Alejandro", "Pablo"],
           ["Lucía", "Carmen", "Elena", "Marta"],
           ["García", "Fernández", "Martínez", "López", "Sánchez"]),
    "pt": (["João", "Rui", "Tiago"], ["Ana", "Inês", "Beatriz"], ["Pereira", "Ferreira", "Costa", "Oliveira"]),
    "hr": (["Aleksandar", "Ivan", "Marko", "Nikola", "Goran"],
           ["Milica", "Ivana", "Jelena", "Ana", "Marija"],
           ["Horvat", "Petrović", "Jovanović", "Kovačević", "Babić", "Marković"]),
    "in": (["Rahul", "Arjun", "Vikram"], ["Priya", "Ananya", "Deepa"], ["Sharma", "Singh", "Patel", "Iyer"]),
    "gb": (["Liam", "Oliver", "Sean"], ["Siobhan", "Emily", "Grace"], ["O'Brien", "Murphy", "Taylor", "Walsh"]),
    "nl": (["Daan", "Bram", "Sander"], ["Sanne", "Marieke", "Femke"], ["de Vries", "van Dijk", "Bakker", "Visser"]),
    "se": (["Björn", "Erik", "Lars"], ["Ingrid", "Astrid", "Karin"], ["Andersson", "Lindqvist", "Johansson"]),
}
ORIGIN_WEIGHTS = {"de": 62, "tr": 7, "pl": 4, "ua": 4, "it": 4, "gr": 2, "vn": 2, "ar": 5, "wa": 2, "fr": 2,
                  "es": 1.5, "pt": 1.5, "hr": 3, "in": 1, "gb": 1, "nl": 1, "se": 1}
NATIONALITY = {"tr": "türkisch", "pl": "polnisch", "ua": "ukrainisch", "it": "italienisch", "gr": "griechisch",
               "vn": "vietnamesisch", "ar": "syrisch", "wa": "nigerianisch", "fr": "französisch",
               "es": "spanisch", "pt": "portugiesisch", "hr": "kroatisch", "in": "indisch", "gb": "irisch",
               "nl": "niederländisch", "se": "schwedisch"}
CHILD_NAMES_DE = (["Noah", "Leon", "Paul", "Ben", "Finn", "Elias", "Felix", "Jonas", "Emil", "Luis", "Anton",
                   "Theo", "Matteo", "Henry", "Jakob"],
                  ["Emilia", "Mia", "Sophia", "Emma", "Hanna", "Lina", "Mila", "Ella", "Clara", "Lea", "Marie",
                   "Frieda", "Ida", "Leni", "Paulina"])
PARTICLE_SURNAMES = ["von der Heyde", "von Bergen", "von Hohenfels", "vom Stein", "zu Wittgenfels",
                     "von Altenau", "van der Meulen", "de la Fontaine", "di Stefano", "da Silva", "dos Santos",
                     "ter Horst", "van den Berg", "von Bredow-Laake", "de Boer"]
DOUBLE_SURNAMES = ["Müller-Lüdenscheidt", "Schulte-Overberg", "Meier-Heßler", "Krause-Lindner",
                   "Weber-Stöckle", "Yilmaz-Hofer", "Hoffmann-Raith", "Nowak-Berger"]
# combinations that would name well-known public figures are skipped
BLOCKED_NAMES = {("Thomas", "Müller"), ("Christian", "Lindner"), ("Martin", "Schulz"), ("Helmut", "Schmidt"),
                 ("Karl", "Lauterbach"), ("Thomas", "Gottschalk"), ("Michael", "Ballack")}


# --------------------------------------------------------------------------------------------------
# Places, streets, organisations (written for this project; street names are generic)
# --------------------------------------------------------------------------------------------------

# town, postcode prefix, telephone area code (without 0), licence-plate code
TOWNS = [
    ("Musterstadt", "1234", "7231", "MU"), ("Karlsruhe", "761", "721", "KA"), ("Stuttgart", "701", "711", "S"),
    ("Freiburg im Breisgau", "791", "761", "FR"), ("Heidelberg", "691", "6221", "HD"),
    ("Mannheim", "681", "621", "MA"), ("Ulm", "890", "731", "UL"), ("Tübingen", "720", "7071", "TÜ"),
    ("Reutlingen", "727", "7121", "RT"), ("Pforzheim", "751", "7231", "PF"), ("Ludwigsburg", "716", "7141", "LB"),
    ("Esslingen am Neckar", "737", "711", "ES"), ("Konstanz", "784", "7531", "KN"), ("Offenburg", "776", "781", "OG"),
    ("München", "803", "89", "M"), ("Köln", "506", "221", "K"), ("Leipzig", "041", "341", "L"),
    ("Berlin", "104", "30", "B"), ("Hamburg", "220", "40", "HH"), ("Frankfurt am Main", "603", "69", "F"),
    ("Halle (Saale)", "061", "345", "HAL"), ("Rastatt", "764", "7222", "RA"), ("Böblingen", "710", "7031", "BB"),
]
TOWN_WEIGHTS = [30] + [3] * (len(TOWNS) - 1)
PLATE_CODES_EXTRA = ["KA", "S", "M", "B", "HH", "K", "F", "GP", "WN", "RV", "FDS", "CW", "LÖ", "BAD", "SHA", "HN"]
STREETS_F = ["Hauptstraße", "Bahnhofstraße", "Goethestraße", "Schillerstraße", "Kirchstraße", "Gartenstraße",
             "Lindenstraße", "Bergstraße", "Friedrichstraße", "Karl-Friedrich-Straße", "Berliner Straße",
             "Alte Landstraße", "Kaiserallee", "Lindenallee", "Mühlgasse", "Schulgasse", "Uhlandstraße",
             "Mörikestraße", "Blumenstraße", "Rheinstraße", "Ringstraße", "Wilhelmstraße", "Talstraße",
             "Bahnhofstr.", "Hauptstr.", "Schwarzwaldstraße", "Luisenstraße", "Kastanienallee"]
STREETS_M = ["Lindenweg", "Rosenweg", "Ahornweg", "Birkenweg", "Wiesenweg", "Friedhofweg", "Mühlweg",
             "Tulpenweg", "Ahornring", "Nordring", "Eichendamm", "Kirchsteig"]
STREETS_PLATZ = ["Schillerplatz", "Marktplatz", "Lutherplatz", "Rathausplatz", "Holzmarkt"]
STREETS_SPECIAL = ["Am Mühlbach", "Am Schlossgarten", "An der Stadtmauer", "Im Gässle", "Auf der Höhe",
                   "Am Sonnenhang", "Zum Steinbruch", "In den Weinbergen"]
PLACE_STREETS = ["Hauptstraße", "Bahnhofstraße", "Kaiserallee", "Marktplatz", "Karlstraße", "Lange Straße",
                 "Schillerstraße", "Ringstraße", "Kriegsstraße", "Südendstraße", "Durlacher Allee"]
HARD_STREETS = ["Karl-Friedrich-Str.", "Am Alten Schlachthof", "Schillerplatz", "Kaiserallee", "Lindenallee",
                "An der Stadtmauer", "Hauptstr.", "Robert-Bosch-Str.", "Im Gässle", "Ahornweg", "Marktplatz",
                "Sankt-Georgen-Weg", "Alte Weinsteige", "Kaiser-Wilhelm-Allee"]
OFFICES = ["Amt 32 (Ordnungsamt)", "das Bürgerbüro", "die Stadtwerke", "das Amt für Soziales", "Amt 63",
           "die Kämmerei", "das Jugendamt"]
CARS = ["VW Golf", "Opel Corsa", "Skoda Octavia", "Ford Fiesta", "BMW 320d", "Mercedes-Benz A 180",
        "Fiat 500", "Toyota Yaris", "Renault Clio", "Dacia Sandero"]
DOGS = ["Bello", "Luna", "Balu", "Max", "Paula", "Rocky", "Emma", "Sammy", "Frieda", "Benno"]
BUSINESSES = ["Café Sonnenschein", "Kosmetikstudio Anmut", "Fahrradwerkstatt Speiche", "Imbiss zur Linde",
              "Nähstube Fadenlauf", "Teestube Kardamom", "Bistro am Tor"]
GASTRO = ["Café Sonnenschein", "Imbiss zur Linde", "Teestube Kardamom", "Bistro am Tor", "Weinstube Rebstock",
          "Pizzeria da Nino", "Dönerhaus Anatolia"]
BUSINESS_KINDS = ["Friseursalon", "Handwerksbetrieb", "Imbiss", "Getränkehandel", "Blumenladen"]
CLUBS = ["TSV Musterstadt 1888 e. V.", "Kleingartenverein Am Sonnenhang e. V.", "Musikverein Harmonie e. V.",
         "Förderverein Freibad e. V.", "Schachclub Springer e. V.", "Heimatverein Altstadt e. V."]
PARTIES = ["CDU", "SPD", "GRÜNE", "FDP", "DIE LINKE", "FREIE WÄHLER", "Volt", "Die PARTEI"]
BPLAENE = ["Am Mühlbach", "Westlich der Bahnlinie", "Gewerbegebiet Nord", "Winterhalde", "Sommerrain",
           "Hinter den Gärten", "Lerchenberg II"]
DISTRICTS = ["Weststadt", "Südstadt", "Oberdorf", "Neureut", "Altstadt", "Rintheim"]
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember"]
RV_AREAS = ["02", "03", "04", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21",
            "23", "24", "25", "26", "28", "29", "38", "39", "40", "42", "43", "44", "45", "46", "47", "48", "49",
            "50", "51", "52", "53", "54", "55", "56", "57", "58", "59", "60", "61", "62", "63", "64", "65", "66",
            "67", "68", "69", "70", "71", "72", "73", "74", "75", "76", "77", "78", "79", "80", "81", "82", "89"]
EMAIL_DOMAINS = ["example.org", "example.com", "example.net", "mail.example.org", "post.example", "web.example"]
STAFF_DOMAIN = "musterstadt.example"
FORBIDDEN_PLATE_LETTERS = {"HJ", "KZ", "NS", "SA", "SS"}
MOBILE_PREFIXES = ["151", "152", "157", "160", "162", "170", "171", "172", "175", "176", "177", "178", "179"]

# Art. 9 DSGVO phrases, already marked up, grouped by the grammatical frame they fit into
SC = {
    # after a colon
    "diag": ["[[Diabetes mellitus Typ 2|SC]]", "[[Multiple Sklerose|SC]]", "[[Epilepsie|SC]]",
             "[[rezidivierende depressive Störung|SC]]", "[[Morbus Crohn|SC]]", "[[COPD|SC]]",
             "[[Demenz vom Alzheimer-Typ|SC]]", "[[Posttraumatische Belastungsstörung|SC]]",
             "[[Brustkrebs|SC]]", "[[Parkinson-Erkrankung|SC]]", "[[HIV-Infektion|SC]]"],
    # after "an" (dative)
    "diag_dat": ["[[Diabetes mellitus Typ 2|SC]]", "einer [[chronischen Herzinsuffizienz|SC]]",
                 "[[Morbus Parkinson|SC]]", "einer [[COPD|SC]]", "[[Demenz|SC]]",
                 "einer [[rezidivierenden Depression|SC]]", "[[Arthrose in beiden Kniegelenken|SC]]",
                 "[[Multipler Sklerose|SC]]"],
    # feminine noun phrases: "die festgestellte …", "Folgendes vor: …"
    "disab": ["[[Schwerbehinderung (GdB 50)|SC]]", "[[Schwerbehinderung mit GdB 80 und Merkzeichen aG|SC]]",
              "[[Gehbehinderung (Merkzeichen G)|SC]]", "[[Blindheit (Merkzeichen Bl)|SC]]",
              "[[Gehörlosigkeit (Merkzeichen Gl)|SC]]", "[[außergewöhnliche Gehbehinderung (Merkzeichen aG)|SC]]",
              "[[Schwerbehinderung (GdB 100, Merkzeichen H)|SC]]"],
    "disab_rel": ["eine [[Sehbehinderung|SC]]", "eine [[Hörbehinderung|SC]]", "eine [[Gehbehinderung|SC]]",
                  "eine [[Schwerbehinderung (GdB 70)|SC]]", "eine [[Lernbehinderung|SC]]"],
    "care": ["[[Pflegegrad 2|SC]]", "[[Pflegegrad 3|SC]]", "[[Pflegegrad 4|SC]]"],
    "relig": ["[[römisch-katholisch|SC]]", "[[evangelisch|SC]]", "[[muslimisch|SC]]", "[[jüdisch|SC]]",
              "[[alevitisch|SC]]", "[[griechisch-orthodox|SC]]", "[[neuapostolisch|SC]]", "[[buddhistisch|SC]]"],
    "union": ["[[Mitglied der Gewerkschaft ver.di|SC]]", "[[Mitglied der IG Metall|SC]]", "[[GEW-Mitglied|SC]]",
              "[[Mitglied der IG BAU|SC]]", "[[ver.di-Mitglied|SC]]"],
    "origin": ["[[kurdischer Herkunft|SC]]", "[[sorbischer Herkunft|SC]]", "[[armenischer Abstammung|SC]]",
               "[[jesidischer Herkunft|SC]]", "[[tamilischer Herkunft|SC]]"],
    "sexual": ["[[Homosexualität|SC]]", "[[Bisexualität|SC]]", "[[sexuellen Orientierung|SC]]"],
    # after "wurde … diagnostiziert"
    "child": ["eine [[Erdnussallergie|SC]]", "[[Typ-1-Diabetes|SC]]", "[[Epilepsie|SC]]",
              "eine [[Autismus-Spektrum-Störung|SC]]", "[[ADHS|SC]]", "eine [[Zöliakie|SC]]",
              "[[Trisomie 21|SC]]", "ein [[Asthma bronchiale|SC]]"],
    # after "wegen" (genitive)
    "child_gen": ["einer [[Epilepsie|SC]]", "eines [[Typ-1-Diabetes|SC]]", "einer [[Autismus-Spektrum-Störung|SC]]",
                  "eines [[angeborenen Herzfehlers|SC]]", "einer [[schweren Neurodermitis|SC]]"],
    # after "besteht"
    "psych": ["eine [[Alkoholabhängigkeit|SC]]", "eine [[Suchterkrankung|SC]]",
              "eine [[Opiatabhängigkeit (Substitution)|SC]]", "eine [[Spielsucht|SC]]",
              "eine [[paranoide Schizophrenie|SC]]"],
    "psych2": ["eine [[mittelgradige depressive Episode|SC]]", "ein [[Burn-out-Syndrom|SC]]",
               "eine [[generalisierte Angststörung|SC]]", "ein [[Bandscheibenvorfall|SC]]",
               "eine [[Long-COVID-Erkrankung|SC]]"],
    # after "da bei Ihnen ärztlich … festgestellt wurde"
    "diet": ["eine [[Zöliakie|SC]]", "eine [[Niereninsuffizienz|SC]]", "[[Mukoviszidose|SC]]",
             "eine [[Colitis ulcerosa|SC]]", "[[Morbus Crohn|SC]]"],
    # after "Wegen"
    "reason": ["einer [[schweren Krebserkrankung|SC]]", "eines [[Herzinfarkts|SC]]", "einer [[Hüftoperation|SC]]",
               "einer [[längeren Krankheit|SC]]", "eines [[Schlaganfalls|SC]]"],
    # "… Mandat … niederzulegen"
    "mandate": ["aus [[gesundheitlichen Gründen|SC]]", "wegen einer [[schweren Erkrankung|SC]]",
                "wegen [[anhaltender gesundheitlicher Beschwerden|SC]]"],
}
RELIG_NOUN = {"m": ["gläubiger Muslim", "praktizierender Katholik", "gläubiger Jude", "praktizierender Alevit"],
              "f": ["gläubige Muslimin", "praktizierende Katholikin", "gläubige Jüdin", "praktizierende Alevitin"]}
CONFUSABLES = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441", "A": "\u0410",
               "E": "\u0415", "O": "\u041e", "M": "\u041c", "K": "\u041a", "T": "\u0422", "B": "\u0412",
               "H": "\u041d", "P": "\u0420", "C": "\u0421"}

PARA = {
    "bau": ["§ 34 BauGB", "§ 35 Abs. 2 BauGB", "§ 30 Abs. 1 BauGB", "§ 31 Abs. 2 BauGB", "§ 58 LBO"],
    "stvo": ["§ 12 Abs. 1 StVO", "§ 12 Abs. 4 StVO", "§ 49 StVO", "§ 46 Abs. 1 Nr. 11 StVO"],
    "sgb": ["§ 24 SGB X", "§ 60 SGB I", "§ 45 SGB X", "§ 50 SGB X", "§ 66 SGB I"],
    "abfall": ["§ 69 KrWG", "§ 3 Abs. 1 der Abfallwirtschaftssatzung", "§ 17 der Polizeiverordnung"],
}


# --------------------------------------------------------------------------------------------------
# Value helpers
# --------------------------------------------------------------------------------------------------

S, M, E = "\x01", "\x02", "\x03"  # internal entity markers while rendering
MARK_RE = re.compile(r"\[\[(.+?)\|([A-Z_]+)\]\]", re.S)
BRACE_RE = re.compile(r"\{([^{}]*)\}")
INTERNAL_RE = re.compile(f"{S}([^{S}{M}{E}]*){M}([A-Z_]+){E}")


def mark(text: str, label: str) -> str:
    label = ALIASES.get(label, label)
    if label not in LABELS:
        raise ValueError(f"unknown label {label!r}")
    return f"{S}{text}{M}{label}{E}"


def ascii_fold(text: str) -> str:
    """For e-mail local parts: ä→ae, ö→oe, ü→ue, ß→ss, other accents dropped, spaces and apostrophes removed."""
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"), ("ß", "ss"),
                 ("ı", "i"), ("ł", "l"), ("Ł", "L"), ("đ", "d")):
        text = text.replace(a, b)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^A-Za-z-]", "", text).lower()


def digits(rng: random.Random, n: int, first_nonzero: bool = False) -> str:
    s = "".join(rng.choice("0123456789") for _ in range(n))
    if first_nonzero and s[0] == "0":
        s = rng.choice("123456789") + s[1:]
    return s


def letters(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(n))


def pairs_from_right(s: str) -> str:
    """'2345678' -> '2 34 56 78' (the old German grouping of telephone digits)."""
    out = []
    while s:
        out.insert(0, s[-2:])
        s = s[:-2]
    return " ".join(out)


def group4(s: str, sep: str = " ") -> str:
    return sep.join(s[i:i + 4] for i in range(0, len(s), 4))


def make_bban(rng: random.Random, country: str) -> str:
    if country == "DE":
        return rng.choice("12345678") + digits(rng, 7) + digits(rng, 10)
    if country == "AT":
        return digits(rng, 5, True) + digits(rng, 11)
    if country == "NL":
        return letters(rng, 4) + digits(rng, 10)
    if country == "BE":
        d10 = digits(rng, 10, True)
        return d10 + f"{int(d10) % 97 or 97:02d}"  # Belgian national check digits
    if country == "FR":
        bank, branch, acct = digits(rng, 5, True), digits(rng, 5), digits(rng, 11)
        key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(acct)) % 97  # clé RIB
        return bank + branch + acct + f"{key:02d}"
    if country == "LU":
        return digits(rng, 3, True) + digits(rng, 13)
    if country == "ES":
        return digits(rng, 20, True)
    if country == "IT":
        return letters(rng, 1) + digits(rng, 10, True) + digits(rng, 12)
    if country == "PL":
        return digits(rng, 24, True)
    raise ValueError(country)


IBAN_LENGTHS = {"DE": 22, "AT": 20, "NL": 18, "BE": 16, "FR": 27, "LU": 20, "ES": 24, "IT": 27, "PL": 28}


def make_iban(rng: random.Random, country: str = "DE") -> str:
    bban = make_bban(rng, country)
    iban = country + iban_check_digits(country, bban) + bban
    assert len(iban) == IBAN_LENGTHS[country] and iban_is_valid(iban)
    return iban


def make_steuer_id(rng: random.Random) -> str:
    while True:
        rep = rng.choice("0123456789")
        times = 2 if rng.random() < 0.8 else 3
        others = [d for d in "0123456789" if d != rep]
        rng.shuffle(others)
        body = [rep] * times + others[: 10 - times]
        rng.shuffle(body)
        s = "".join(body)
        if s[0] == "0" or (times == 3 and any(s[i] == s[i + 1] == s[i + 2] for i in range(8))):
            continue
        s += str(steuer_id_check_digit(s))
        assert steuer_id_is_valid(s)
        return s


def make_rvnr(rng: random.Random, born: date, surname: str, gender: str) -> str:
    initial = ascii_fold(surname.split()[-1] if surname.split()[0].islower() else surname)[:1].upper()
    serial = rng.randint(0, 49) if gender == "m" else rng.randint(50, 99)
    body = f"{rng.choice(RV_AREAS)}{born:%d%m%y}{initial}{serial:02d}"
    s = body + str(rvnr_check_digit(body))
    assert rvnr_is_valid(s)
    return s


def make_id_document(rng: random.Random, first_chars: str) -> str:
    while True:
        s = rng.choice(first_chars) + "".join(rng.choice(ID_ALPHABET) for _ in range(8))
        if any(c.isdigit() for c in s):
            return s


def corrupt(rng: random.Random, value: str, is_valid, positions: list[int]) -> str:
    """Change one digit at one of the given positions so that the checksum fails."""
    while True:
        i = rng.choice(positions)
        if not value[i].isdigit():
            continue
        new = value[:i] + rng.choice([d for d in "0123456789" if d != value[i]]) + value[i + 1:]
        if not is_valid(new):
            return new


def rand_date(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, (end - start).days))


def fmt_date(rng: random.Random, d: date, short_ok: bool = True) -> str:
    forms = [f"{d:%d.%m.%Y}", f"{d:%d.%m.%Y}", f"{d.day}. {MONTHS[d.month - 1]} {d.year}", f"{d.day}.{d.month}.{d.year}"]
    return rng.choice(forms)


def make_plate(rng: random.Random, code: str) -> str:
    while True:
        letter_part = letters(rng, rng.choice([1, 2, 2, 2]))
        n_digits = rng.choice([1, 2, 3, 3, 4, 4])
        number = str(rng.randint(1 if n_digits == 1 else 10 ** (n_digits - 1), 10 ** n_digits - 1))
        r = rng.random()
        suffix = "E" if r < 0.08 else "H" if r < 0.16 else ""
        if len(code) + len(letter_part) + len(number) + len(suffix) > 8 or letter_part in FORBIDDEN_PLATE_LETTERS:
            continue
        return f"{code}{rng.choice(['-', '-', ' '])}{letter_part} {number}{suffix}"


def foreign_passport(rng: random.Random, origin: str) -> str:
    forms = {
        "tr": lambda: "U" + digits(rng, 8), "pl": lambda: letters(rng, 2) + digits(rng, 7),
        "ua": lambda: letters(rng, 2) + digits(rng, 6), "it": lambda: letters(rng, 2) + digits(rng, 7),
        "gr": lambda: letters(rng, 2) + digits(rng, 7), "vn": lambda: "C" + digits(rng, 7),
        "ar": lambda: "N" + digits(rng, 9), "wa": lambda: "A" + digits(rng, 8),
        "fr": lambda: digits(rng, 2) + letters(rng, 2) + digits(rng, 5), "es": lambda: letters(rng, 3) + digits(rng, 6),
        "pt": lambda: letters(rng, 1) + digits(rng, 6), "hr": lambda: digits(rng, 9, True),
        "in": lambda: letters(rng, 1) + digits(rng, 7), "gb": lambda: letters(rng, 2) + digits(rng, 7),
        "nl": lambda: letters(rng, 2) + "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(6))
        + digits(rng, 1), "se": lambda: digits(rng, 8, True),
    }
    return forms[origin]()


def phone_forms(rng: random.Random, area: str, sub: str) -> str:
    """One of the many ways a German landline number is written."""
    forms = [
        f"0{area} {sub}", f"0{area}/{sub}", f"0{area} / {pairs_from_right(sub)}", f"+49 {area} {sub}",
        f"+49 (0){area} {sub}", f"+49 (0) {area} {pairs_from_right(sub)}", f"(0{area}) {sub}",
        f"(0 {pairs_from_right(area)}) {pairs_from_right(sub)}", f"0{area}-{sub}", f"+49-{area}-{sub}",
        f"0049 {area} {sub}", f"0{area} {sub[:-2]}-{sub[-2:]}", f"0{area} {pairs_from_right(sub)}",
    ]
    return rng.choice(forms)


def mobile_forms(rng: random.Random, prefix: str, sub: str) -> str:
    forms = [f"0{prefix} {sub}", f"0{prefix}/{sub}", f"+49 {prefix} {sub}", f"+49 (0){prefix} {sub}",
             f"0{prefix}-{sub}", f"0{prefix} {sub[:3]} {sub[3:5]} {sub[5:]}", f"+49{prefix}{sub}",
             f"0{prefix} {group4(sub)}"]
    return rng.choice(forms)


def weighted(rng: random.Random, weights: dict[str, float]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


# --------------------------------------------------------------------------------------------------
# Rendering context: persons and slots
# --------------------------------------------------------------------------------------------------

PERSON_KEY = re.compile(r"^(s|r|cm|cf|c|pf|pm|pi|pv|pd|p|lot)(\d*)$")


class Person:
    """A made-up person. Attributes are generated on first use and then stay fixed within one item."""

    def __init__(self, ctx: Ctx, key: str) -> None:
        self.ctx, self.key = ctx, key
        rng = ctx.rng
        kind = PERSON_KEY.match(key).group(1)
        self.kind = kind
        ov = ctx.overrides.get(key, {})
        self.gender = ov.get("gender") or ("f" if kind in ("pf", "cf") else "m" if kind in ("pm", "cm")
                                           else rng.choice("mf"))
        parent = None
        if kind in ("c", "cm", "cf"):  # children share the surname of the first parent in the item
            parent = next((ctx.people[k] for k in ("p1", "pf", "pm", "pi") if k in ctx.people), None)
            parent = parent or ctx.person("p1")
        if kind in ("c", "cm", "cf") and parent is not None:
            self.origin = parent.origin
        elif kind == "pi":
            self.origin = weighted(rng, {k: v for k, v in ORIGIN_WEIGHTS.items() if k != "de"})
        elif kind in ("s", "pv", "pd"):
            self.origin = "de" if kind != "s" or rng.random() < 0.85 else weighted(rng, ORIGIN_WEIGHTS)
        elif kind == "r":
            self.origin = "de" if rng.random() < 0.8 else weighted(rng, ORIGIN_WEIGHTS)
        else:
            self.origin = weighted(rng, ORIGIN_WEIGHTS)
        males, females, surnames = ORIGINS[self.origin]
        if kind in ("c", "cm", "cf") and self.origin == "de":
            males, females = CHILD_NAMES_DE
        while True:
            first = rng.choice(males if self.gender == "m" else females)
            if kind in ("c", "cm", "cf") and parent is not None:
                last = parent.last_raw
            elif kind == "pv":
                last = rng.choice(PARTICLE_SURNAMES)
            elif kind == "pd":
                last = rng.choice(DOUBLE_SURNAMES) if rng.random() < 0.4 else "-".join(
                    rng.sample(ORIGINS["de"][2], 2))
            else:
                last = rng.choice(surnames)
                if self.origin == "de" and kind in ("p", "pf", "pm", "r") and rng.random() < 0.08:
                    last = rng.choice(PARTICLE_SURNAMES + DOUBLE_SURNAMES)
            if (first, last) not in BLOCKED_NAMES:
                break
        if self.origin == "pl" and self.gender == "f" and last.endswith("ki"):
            last = last[:-1] + "a"  # Kamiński -> Kamińska
        self.first_raw = ov.get("first", first)
        self.last_raw = ov.get("last", last)
        r = rng.random()
        title_p = {"p": 0.08, "pf": 0.08, "pm": 0.08, "pv": 0.3, "pd": 0.2, "r": 0.12, "s": 0.04}.get(kind, 0)
        self.title = ov.get("title", "Prof. Dr." if r < title_p / 5 else "Dr." if r < title_p else "")
        self.values: dict[str, str] = {}
        self.raw: dict[str, object] = {}
        if "dob" in ov:
            self.raw["dob"] = date(*ov["dob"])

    # ---- helpers
    def get(self, attr: str) -> str:
        if attr not in self.values:
            fn = getattr(self, "v_" + attr, None)
            if fn is None:
                raise KeyError(f"unknown person attribute {self.key}.{attr}")
            self.values[attr] = fn()
        return self.values[attr]

    @property
    def rng(self) -> random.Random:
        return self.ctx.rng

    def title_prefix(self) -> str:
        return self.title + " " if self.title else ""

    def born(self) -> date:
        if "dob" not in self.raw:
            lo, hi = {"c": (2019, 2023), "cm": (2013, 2018), "cf": (2013, 2018), "r": (1952, 1992),
                      "s": (1962, 2000)}.get(self.kind, (1938, 2004))
            self.raw["dob"] = rand_date(self.rng, date(lo, 1, 1), date(hi, 12, 31))
        return self.raw["dob"]

    def address(self, which: str = "home") -> tuple[str, str, str, str, str]:
        """(category, street, number, postcode, town) -- category f/m/platz/special decides the article."""
        if which not in self.raw:
            rng = self.rng
            cat = rng.choices(["f", "m", "platz", "special"], weights=[60, 25, 7, 8])[0]
            street = rng.choice({"f": STREETS_F, "m": STREETS_M, "platz": STREETS_PLATZ, "special": STREETS_SPECIAL}[cat])
            n = rng.randint(1, 140)
            number = rng.choices([str(n), f"{n}a", f"{n} b", f"{n}-{n + 2}", f"{n}/1", f"{n}c"],
                                 weights=[70, 10, 4, 5, 4, 3])[0]
            if which == "home" and "town" in self.raw:
                town = self.raw["town"]
            else:
                town = rng.choices(TOWNS, weights=TOWN_WEIGHTS)[0]
            if which == "home":
                self.raw["town"] = town
            prefix = town[1]
            postcode = prefix + digits(rng, 5 - len(prefix))
            self.raw[which] = (cat, street, number, postcode, town[0])
        return self.raw[which]

    def home_town(self) -> tuple[str, str, str, str]:
        if "town" not in self.raw:
            self.address()
        return self.raw["town"]

    def email_local(self) -> str:
        rng = self.rng
        f = ascii_fold(self.first_raw.split()[0])
        last = self.last_raw
        if last.split()[0].islower():  # particles: "von der Heyde" -> "vonderheyde" or "heyde"
            last = rng.choice([last.replace(" ", ""), last.split()[-1]])
        ln = ascii_fold(last)
        yy = f"{self.born().year % 100:02d}"
        return rng.choice([f"{f}.{ln}", f"{f[0]}.{ln}", f"{f}{ln}", f"{ln}.{f}", f"{f}_{ln}{yy}",
                           f"{f}.{ln}{yy}", f"{f}{yy}", f"{f[0]}{ln}"])

    def iban_raw(self) -> str:
        if "iban" not in self.raw:
            country = "DE"
            foreign = {"it": "IT", "fr": "FR", "es": "ES", "pl": "PL", "nl": "NL"}
            if self.origin in foreign and self.rng.random() < 0.5:
                country = foreign[self.origin]
            elif self.rng.random() < 0.12:
                country = self.rng.choice(["AT", "BE", "LU", "FR", "NL", "IT", "ES", "PL"])
            self.raw["iban"] = make_iban(self.rng, country)
        return self.raw["iban"]

    def _confuse(self, value: str, label: str) -> str:
        idx = [i for i, c in enumerate(value) if c in CONFUSABLES]
        i = self.rng.choice(idx)
        new = value[:i] + CONFUSABLES[value[i]] + value[i + 1:]
        self.ctx.notes.append(f"confusable: {label} '{new}' has Cyrillic U+{ord(new[i]):04X} in place of Latin "
                              f"'{value[i]}' (position {i}); still labelled")
        return new

    # ---- names
    def v_name(self) -> str:
        return mark(f"{self.first_raw} {self.last_raw}", "PERSON")

    def v_full(self) -> str:
        return self.title_prefix() + self.get("name")

    def v_last(self) -> str:
        return mark(self.last_raw, "PERSON")

    def v_tlast(self) -> str:
        return self.title_prefix() + self.get("last")

    def v_first(self) -> str:
        return mark(self.first_raw, "PERSON")

    def v_initial(self) -> str:
        return mark(f"{self.first_raw[0]}. {self.last_raw}", "PERSON")

    def v_first_plain(self) -> str:
        return self.first_raw

    def v_last_plain(self) -> str:
        return self.last_raw

    def v_name_lower(self) -> str:
        return mark(f"{self.first_raw} {self.last_raw}".lower(), "PERSON")

    def v_name_conf(self) -> str:
        return mark(self._confuse(f"{self.first_raw} {self.last_raw}", "PERSON"), "PERSON")

    def v_Herr(self) -> str:  # noqa: N802 - reads like the text it produces
        return "Herr" if self.gender == "m" else "Frau"

    def v_relig_noun(self) -> str:
        return mark(self.rng.choice(RELIG_NOUN[self.gender]), "SPECIAL_CATEGORY")

    def v_nat(self) -> str:
        return NATIONALITY.get(self.origin, "deutsch")

    # ---- contact
    def v_email(self) -> str:
        if self.kind == "s":
            local = f"{ascii_fold(self.first_raw.split()[0])}.{ascii_fold(self.last_raw.replace(' ', ''))}"
            return mark(f"{local}@{STAFF_DOMAIN}", "EMAIL")
        return mark(f"{self.email_local()}@{self.rng.choice(EMAIL_DOMAINS)}", "EMAIL")

    def v_email_lower(self) -> str:
        return mark(f"{self.email_local()}@{self.rng.choice(EMAIL_DOMAINS)}".lower(), "EMAIL")

    def v_email_conf(self) -> str:
        local = self.email_local()
        return mark(self._confuse(local, "EMAIL") + "@" + self.rng.choice(EMAIL_DOMAINS), "EMAIL")

    def v_phone(self) -> str:
        rng = self.rng
        if self.kind == "s":
            area = self.ctx.city_area()
            return mark(rng.choice([f"0{area} {self.ctx.switchboard()}-{rng.randint(200, 9899)}",
                                    f"+49 {area} {self.ctx.switchboard()}-{rng.randint(200, 9899)}",
                                    f"0{area}/{self.ctx.switchboard()}-{rng.randint(200, 9899)}"]), "PHONE")
        area = self.home_town()[2] if rng.random() < 0.8 else rng.choice([t[2] for t in TOWNS])
        sub = rng.choice("23456789") + digits(rng, rng.randint(4, 7) if len(area) < 4 else rng.randint(4, 6))
        return mark(phone_forms(rng, area, sub), "PHONE")

    def v_mobile(self) -> str:
        rng = self.rng
        return mark(mobile_forms(rng, rng.choice(MOBILE_PREFIXES), digits(rng, rng.choice([7, 7, 8]), True)), "PHONE")

    # ---- address
    def v_street(self) -> str:
        _, street, number, _, _ = self.address()
        return mark(f"{street} {number}", "ADDRESS")

    def v_plz(self) -> str:
        _, _, _, postcode, town = self.address()
        return mark(f"{postcode} {town}", "ADDRESS")

    def v_addr(self) -> str:
        _, street, number, postcode, town = self.address()
        return mark(f"{street} {number}, {postcode} {town}", "ADDRESS")

    def v_oldaddr(self) -> str:
        _, street, number, postcode, town = self.address("old")
        return mark(f"{street} {number}, {postcode} {town}", "ADDRESS")

    def v_in_street(self) -> str:
        cat, street, number, _, _ = self.address()
        span = mark(f"{street} {number}", "ADDRESS")
        return {"f": "in der ", "m": "im ", "platz": "am "}.get(cat, "unter der Anschrift ") + span

    def _hard_address(self) -> str:
        rng = self.rng
        n = rng.randint(1, 120)
        number = rng.choice([f"{n}a", f"{n} a", f"{n}-{n + 2}", f"{n}–{n + 4}", f"{n}/1", f"{n} - {n + 1}",
                             f"{n}B", f"{n}a-c"])
        street = f"{rng.choice(HARD_STREETS)} {number}"
        if rng.random() < 0.5:
            town = rng.choices(TOWNS, weights=TOWN_WEIGHTS)[0]
            street += f", {town[1]}{digits(rng, 5 - len(town[1]))} {town[0]}"
        return mark(street, "ADDRESS")

    def v_addr_hard(self) -> str:
        return self._hard_address()

    def v_addr_hard2(self) -> str:
        return self._hard_address()

    # ---- numbers
    def v_iban(self) -> str:
        iban = self.iban_raw()
        return mark(group4(iban) if self.rng.random() < 0.65 else iban, "IBAN")

    def v_bic(self) -> str:
        rng = self.rng
        country = self.iban_raw()[:2]
        loc = rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ23456789") + rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ123456789")
        branch = rng.choices(["", "XXX", letters(rng, 1) + digits(rng, 2)], weights=[45, 40, 15])[0]
        return mark(f"{letters(rng, 4)}{country}{loc}{branch}", "BIC")

    def v_taxid(self) -> str:
        s = make_steuer_id(self.rng)
        return mark(s if self.rng.random() < 0.5 else f"{s[:2]} {s[2:5]} {s[5:8]} {s[8:]}", "TAX_ID")

    def v_svnr(self) -> str:
        s = make_rvnr(self.rng, self.born(), self.last_raw, self.gender)
        return mark(s if self.rng.random() < 0.5 else f"{s[:2]} {s[2:8]} {s[8]} {s[9:]}", "SOCIAL_SECURITY")

    def v_idcard(self) -> str:
        s = make_id_document(self.rng, "LMNPRTVWXY")
        return mark(s + str(check_digit_731(s)) if self.rng.random() < 0.5 else s, "ID_CARD")

    def v_passport(self) -> str:
        if self.origin == "de":
            s = make_id_document(self.rng, "CFGHJK")
            if self.rng.random() < 0.3:
                s += str(check_digit_731(s))
        else:
            s = foreign_passport(self.rng, self.origin)
        return mark(s, "PASSPORT")

    def v_plate(self) -> str:
        code = self.home_town()[3]
        if code == "MU" or self.rng.random() < 0.25:
            code = self.rng.choice(PLATE_CODES_EXTRA)
        return mark(make_plate(self.rng, code), "LICENSE_PLATE")

    def v_dob(self) -> str:
        return mark(fmt_date(self.rng, self.born()), "DATE_OF_BIRTH")


class Ctx:
    """Everything one item needs: its random generator, its persons, cached values and notes."""

    def __init__(self, rng: random.Random, overrides: dict | None = None) -> None:
        self.rng = rng
        self.overrides = overrides or {}
        self.people: dict[str, Person] = {}
        self.cache: dict[str, str] = {}
        self.notes: list[str] = []

    def person(self, key: str) -> Person:
        if key not in self.people:
            self.people[key] = Person(self, key)
        return self.people[key]

    def once(self, key: str, make) -> str:
        if key not in self.cache:
            self.cache[key] = make()
        return self.cache[key]

    def city_area(self) -> str:
        return self.once("city_area", lambda: self.rng.choice(["7231", "721", "711", "7141", "761", "731"]))

    def switchboard(self) -> str:
        return self.once("switchboard", lambda: str(self.rng.randint(12, 999)))

    def expand(self, inner: str) -> str:
        rng = self.rng
        if inner.startswith("~"):
            return rng.choice(inner[1:].split("~"))
        if "?" in inner:
            key, rest = inner.split("?", 1)
            male, female = rest.split("|")
            return male if self.person(key).gender == "m" else female
        if "." in inner:
            head, attr = inner.split(".", 1)
            if head == "sc":
                return rng.choice(SC[attr])
            if head == "para":
                return rng.choice(PARA[attr])
            if head == "org":
                return self.org(attr)
            if head == "bad":
                return self.bad(attr)
            if PERSON_KEY.match(head):
                return self.person(head).get(attr)
            raise KeyError(inner)
        return self.global_slot(inner)

    # ---- organisation contact data (labelled by type, see README)
    def org(self, attr: str) -> str:
        rng = self.rng
        if attr == "addr":
            return self.once("org.addr", lambda: mark(
                f"{rng.choice(['Rathausplatz 1', 'Marktplatz 1', 'Marktplatz 1-3', 'Rathausstraße 5'])}, "
                f"1234{rng.randint(0, 9)} Musterstadt", "ADDRESS"))
        if attr == "iban":
            return self.once("org.iban", lambda: mark(group4(make_iban(rng, "DE")), "IBAN"))
        if attr == "bic":
            return self.once("org.bic", lambda: mark(f"{letters(rng, 4)}DE{rng.choice('ABCDEFGHJKLMN')}"
                                                     f"{rng.choice('123456789')}XXX", "BIC"))
        if attr == "email":
            return self.once("org.email", lambda: mark(
                f"{rng.choice(['buergerbuero', 'stadtkasse', 'auslaenderbehoerde', 'info'])}@{STAFF_DOMAIN}", "EMAIL"))
        if attr == "phone":
            return self.once("org.phone", lambda: mark(f"0{self.city_area()} {self.switchboard()}-0", "PHONE"))
        raise KeyError("org." + attr)

    # ---- look-alikes that fail their checksum: never entities, always noted
    def bad(self, attr: str) -> str:
        rng = self.rng
        if attr == "iban":
            value = corrupt(rng, make_iban(rng, "DE"), iban_is_valid, list(range(2, 22)))
            shown, kind = group4(value), "IBAN"
        elif attr == "taxid":
            value = corrupt(rng, make_steuer_id(rng), steuer_id_is_valid, [10])
            shown, kind = value, "TAX_ID"
        elif attr == "svnr":
            value = corrupt(rng, make_rvnr(rng, rand_date(rng, date(1950, 1, 1), date(2000, 12, 31)),
                                           rng.choice(ORIGINS["de"][2]), rng.choice("mf")), rvnr_is_valid, [11])
            shown, kind = value, "SOCIAL_SECURITY"
        elif attr == "idcard":
            s = make_id_document(rng, "LMNPRTVWXY")
            value = s + str((check_digit_731(s) + rng.randint(1, 9)) % 10)
            shown, kind = value, "ID_CARD"
        else:
            raise KeyError("bad." + attr)
        self.notes.append(f"not an entity: '{shown}' ({kind} checksum fails)")
        return shown

    def global_slot(self, name: str) -> str:
        rng = self.rng
        if name == "date":
            return fmt_date(rng, rand_date(rng, date(2024, 9, 1), date(2026, 3, 31)))
        if name == "deadline":
            return fmt_date(rng, rand_date(rng, date(2025, 6, 1), date(2026, 9, 30)))
        if name == "time":
            return rng.choice([f"{rng.randint(8, 18)}:{rng.choice(['00', '15', '30', '45'])}",
                               f"{rng.randint(8, 18)}.{rng.choice(['00', '10', '30', '50'])}"])
        if name == "amount":
            euros = rng.choice([rng.randint(15, 120), rng.randint(120, 2500), rng.randint(2500, 48000)])
            cents = rng.choice([0, 0, rng.randint(1, 99)])
            num = f"{euros:,}".replace(",", ".") + f",{cents:02d}"
            return rng.choice([f"{num} €", f"{num} Euro", f"EUR {num}", f"{euros:,} €".replace(",", ".")])
        if name == "fee":
            euros, cents = rng.randint(8, 380), rng.choice([0, 0, 50, rng.randint(1, 99)])
            return rng.choice([f"{euros},{cents:02d} €", f"{euros},{cents:02d} Euro", f"EUR {euros},{cents:02d}"])
        if name == "monthly":
            euros, cents = rng.randint(320, 1450), rng.randint(0, 99)
            num = f"{euros:,}".replace(",", ".") + f",{cents:02d}"
            return rng.choice([f"{num} €", f"{num} Euro"])
        if name == "price":
            euros = rng.randint(140, 690) * 1000
            return rng.choice([f"{euros:,} €".replace(",", "."), f"EUR {euros:,},00".replace(",", ".", 1)])
        if name == "period":
            a = rand_date(rng, date(2022, 1, 1), date(2024, 12, 31))
            b = a + timedelta(days=rng.randint(60, 500))
            return f"vom {fmt_date(rng, a)} bis {fmt_date(rng, b)}"
        if name == "months":
            a = rng.randint(0, 8)
            return f"von {MONTHS[a]} bis {MONTHS[a + rng.randint(1, 3)]}"
        if name == "since":
            return str(rng.randint(2005, 2022))
        if name == "month":
            return rng.choice(MONTHS)
        if name == "year":
            return self.once("year", lambda: str(rng.choice([2025, 2026])))
        if name in ("n", "n2"):
            return str(rng.randint(2, 24))
        if name == "num3":
            return str(rng.randint(320, 2400))
        if name in ("by", "dy", "y1", "y2"):
            if "bio" not in self.cache:
                b = rng.randint(1921, 1945)
                y1 = b + rng.randint(30, 45)
                y2 = y1 + rng.randint(5, 25)
                self.cache["bio"] = ""
                self.cache.update(by=str(b), y1=str(y1), y2=str(y2), dy=str(max(y2 + 1, 2000) + rng.randint(0, 20)))
            return self.cache[name]
        if name == "street0":
            return rng.choice(PLACE_STREETS)
        if name == "town":
            return rng.choices(TOWNS, weights=TOWN_WEIGHTS)[0][0]
        pools = {"office": OFFICES, "car": CARS, "dog": DOGS, "biz": BUSINESSES, "bizkind": BUSINESS_KINDS,
                 "club": CLUBS, "gastro": GASTRO, "party": PARTIES, "bplan": BPLAENE, "district": DISTRICTS}
        if name in pools:
            return rng.choice(pools[name])
        if name == "party1":
            return self.once("party1", lambda: rng.choice(PARTIES))
        if name == "party1_email":
            slug = ascii_fold(self.global_slot("party1").replace(" ", "-"))
            return mark(f"fraktion-{slug}@gemeinderat.{STAFF_DOMAIN}", "EMAIL")
        if name == "zone":
            return rng.choice(["A", "B", "C", "Innenstadt-Ost", "W2"])
        if name == "flst":
            return f"{rng.randint(100, 9999)}/{rng.randint(1, 12)}"
        if name == "persnr":
            return digits(rng, 6, True)
        if name == "az":
            return mark(make_case_number(rng), "CASE_NUMBER")
        if name == "kz":
            return mark(make_kassenzeichen(rng), "CASE_NUMBER")
        if name == "ds":
            y, n = rng.choice([2024, 2025, 2026]), rng.randint(1, 999)
            return rng.choice([f"{y}/{n:04d}", f"{n:04d}/{y}", f"V-{y}-{n:03d}", f"{y}/{n}"])
        # stand-alone identifiers for hand-written passages
        if name == "iban":
            return mark(group4(make_iban(rng, "DE")), "IBAN")
        if name == "iban_compact":
            return mark(make_iban(rng, "DE"), "IBAN")
        if name == "iban_at":
            return self.once("iban_at", lambda: mark(group4(make_iban(rng, "AT")), "IBAN"))
        if name == "iban_nbsp":
            return mark(group4(make_iban(rng, "DE"), "\u00a0"), "IBAN")
        if name.startswith("iban_") and name[5:].upper() in IBAN_LENGTHS:  # e.g. {iban_fr}
            iban = make_iban(rng, name[5:].upper())
            return mark(group4(iban) if rng.random() < 0.6 else iban, "IBAN")
        if name == "iban_lower":
            return mark(make_iban(rng, rng.choice(["DE", "NL", "BE"])).lower(), "IBAN")
        if name == "bic_at":
            return mark(f"{letters(rng, 4)}AT{rng.choice('ABCDEFGHJKLMN')}{rng.choice('123456789')}XXX", "BIC")
        if name == "bic":
            return mark(f"{letters(rng, 4)}DE{rng.choice('ABCDEFGHJKLMN')}{rng.choice('123456789')}", "BIC")
        if name == "taxid":
            return mark(make_steuer_id(rng), "TAX_ID")
        if name == "idcard":
            s = make_id_document(rng, "LMNPRTVWXY")
            return mark(s + str(check_digit_731(s)), "ID_CARD")
        raise KeyError(f"unknown slot {{{name}}}")


def make_case_number(rng: random.Random) -> str:
    amt = rng.choice(["10", "20", "32", "33", "50", "51", "61", "63", "67", "32.1", "50.2", "63.3", "33.2"])
    year, n = rng.choice([2023, 2024, 2025]), rng.randint(1, 9999)
    return rng.choice([
        f"{amt}-{year}/{n:04d}",
        f"{amt}/{year}-{rng.choice(['BV', 'BG', 'WG', 'OW', 'GU', 'EB', 'UV'])}-{rng.randint(1, 999)}",
        f"{amt}-{rng.choice(['B', 'WG', 'OA', 'FS'])}-{year}-{n:05d}",
        f"{rng.choice(['OA', 'BA', 'SO', 'JA'])} {amt}/{rng.randint(1, 999)}/{year}",
        f"{year}-{rng.choice(['WG', 'EG', 'HZ', 'UH'])}-{rng.randint(1, 999999):06d}",
        f"{amt}.{rng.randint(1, 9)}-{n}/{year % 100:02d}",
        f"{rng.choice(['II', 'III', 'IV'])}/{amt}-{rng.randint(100, 999)}.{rng.randint(10, 99)}",
    ])


def make_kassenzeichen(rng: random.Random) -> str:
    return rng.choice([
        f"{rng.randint(1, 9)}.{digits(rng, 4)}.{digits(rng, 6)}.{rng.randint(0, 9)}",
        f"{digits(rng, 4, True)}.{digits(rng, 4)}.{digits(rng, 4)}",
        digits(rng, 12, True),
        f"{rng.randint(5, 8)}{digits(rng, 2)} {digits(rng, 3)} {digits(rng, 4)}",
    ])


def render(template: str, ctx: Ctx) -> tuple[str, list[dict]]:
    """Expand slots (innermost braces first), then turn the markers into text and entity offsets."""
    s = MARK_RE.sub(lambda m: mark(m.group(1), m.group(2)), template)
    while "{" in s:
        new = BRACE_RE.sub(lambda m: MARK_RE.sub(lambda k: mark(k.group(1), k.group(2)), ctx.expand(m.group(1))), s)
        if new == s:
            raise ValueError(f"unbalanced braces in template: {template[:60]!r}")
        s = new
    out: list[str] = []
    entities: list[dict] = []
    pos = length = 0
    for m in INTERNAL_RE.finditer(s):
        before = s[pos:m.start()]
        out.append(before)
        length += len(before)
        value = m.group(1)
        entities.append({"start": length, "end": length + len(value), "type": m.group(2), "text": value})
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(s[pos:])
    text = "".join(out)
    if any(c in text for c in (S, M, E)) or "[[" in text or "]]" in text:
        raise ValueError(f"nested or broken entity markup in {template[:60]!r}")
    return text, entities


# --------------------------------------------------------------------------------------------------
# Templates: each is rendered several times with fresh values. (text, notes)
# --------------------------------------------------------------------------------------------------

GREET = "{~Sehr geehrte Damen und Herren,~Guten Tag,~Hallo,~Sehr geehrte Damen und Herren,}"
DEAR = "{p1?Sehr geehrter Herr|Sehr geehrte Frau} {p1.tlast},"

CITIZEN_TEMPLATES: list[tuple[str, str]] = [
    ("Betreff: Ummeldung\n\n" + GREET + "\n\nich bin zum {date} umgezogen und möchte mich ummelden.\n"
     "Bisherige Anschrift: {p1.oldaddr}\nNeue Anschrift: {p1.addr}\n\nKönnen Sie mir bitte einen Termin "
     "vorschlagen? Tagsüber bin ich unter {p1.mobile} erreichbar.\n\nMit freundlichen Grüßen\n{p1.name}",
     "moving date is an ordinary date"),
    ("Guten Tag,\n\nleider ist unser Hund {dog} im {month} gestorben. Ich möchte ihn deshalb zur Hundesteuer "
     "abmelden (Kassenzeichen {kz}). Den zu viel gezahlten Betrag überweisen Sie bitte auf mein Konto: "
     "IBAN {p1.iban}, BIC {p1.bic}, Kontoinhaber{p1?|in}: {p1.name}.\n\nViele Grüße\n{p1.name}\n{p1.addr}",
     "the dog's name is not a PERSON even where it is also a human first name"),
    (GREET + "\n\nich habe am {date} Wohngeld beantragt (Aktenzeichen {az}). In Ihrem Schreiben werde ich nach "
     "meiner Steuer-Identifikationsnummer und meiner Rentenversicherungsnummer gefragt. Die Steuer-ID lautet "
     "{p1.taxid}, die Rentenversicherungsnummer {p1.svnr}. Bitte teilen Sie mir mit, ob noch weitere Unterlagen "
     "fehlen.\n\n{~Gruß~Viele Grüße~Mit freundlichen Grüßen}\n{p1.name}\nTel. {p1.mobile}", ""),
    ("Sehr geehrte Damen und Herren,\n\nhiermit beantrage ich einen Parkausweis für Menschen mit Behinderung. "
     "Laut Bescheid des Versorgungsamts liegt bei mir Folgendes vor: {sc.disab}. Den Bescheid füge ich in Kopie "
     "bei. Mein Fahrzeug hat das amtliche Kennzeichen {p1.plate}.\n\nMit freundlichen Grüßen\n{p1.name}, "
     "geb. {p1.dob}\n{p1.addr}",
     "'Parkausweis für Menschen mit Behinderung' names a permit type, not a fact about the writer: not labelled"),
    ("Sehr geehrte Damen und Herren,\n\nseit Wochen wird auf der Baustelle in der {street0} schon ab 6 Uhr "
     "morgens gearbeitet. Ich wohne direkt gegenüber ({p1.street}) und arbeite im Schichtdienst. Bitte prüfen "
     "Sie, ob die zulässigen Bauzeiten eingehalten werden. Über eine kurze Rückmeldung an {p1.email} würde ich "
     "mich freuen.\n\nFreundliche Grüße\n{p1.name}",
     "a street name without house number used as a place is not an ADDRESS"),
    ("Betreff: Anmeldung für einen Betreuungsplatz\n\nSehr geehrte Damen und Herren,\n\nfür {c1?unseren Sohn|"
     "unsere Tochter} {c1.name}, geboren am {c1.dob}, suchen wir ab {date} einen Platz in einer "
     "Kindertagesstätte in der Nähe. Bei {c1?ihm|ihr} wurde {sc.child} diagnostiziert; die Einrichtung sollte "
     "darauf eingestellt sein.\n\nSie erreichen uns unter {p1.phone} oder per E-Mail an {p1.email}.\n\n"
     "Mit freundlichen Grüßen\n{p1.name} und {p2.name}", "the wished start date is an ordinary date"),
    ("Antrag auf einen Bewohnerparkausweis für die Zone {zone}\n\nAntragsteller{p1?|in}: {p1.name}\nAnschrift: "
     "{p1.addr}\nKennzeichen: {p1.plate}\nTelefon: {p1.phone}\n\nDie Gebühr von {fee} soll per "
     "SEPA-Lastschrift von meinem Konto {p1.iban} eingezogen werden.", "parking zone and amount are not entities"),
    ("Sehr geehrte Damen und Herren,\n\nich möchte mich über das Verhalten {s?von Herrn|von Frau} {s.last} am "
     "Schalter des Bürgerbüros am {date} beschweren. Ich musste trotz Termin über eine Stunde warten und wurde "
     "anschließend sehr unfreundlich behandelt. Ich bitte um eine Stellungnahme.\n\n{p1.name}\n{p1.street}\n"
     "{p1.plz}\n{p1.email}",
     "street line and postcode line of the signature block are two ADDRESS spans (separate lines)"),
    ("Hallo,\n\nich hätte gerne einen Termin für die Sperrmüllabholung. Abzuholen sind: Braune Ledercouch, zwei "
     "Stühle, ein Lattenrost. Abholadresse: {p1.addr}. Am besten erreichen Sie mich nach 17 Uhr unter "
     "{p1.mobile}.\n\nDanke und viele Grüße\n{p1.first}",
     "'Braune' is a colour, not the surname Braun; a first name alone as signature is a PERSON"),
    ("Auskunftsersuchen nach Art. 15 DSGVO\n\nIch, {p1.name}, geboren am {p1.dob}, wohnhaft {p1.addr}, bitte um "
     "Auskunft über alle zu meiner Person gespeicherten Daten, insbesondere im Verfahren mit dem Aktenzeichen "
     "{az}. Zur Identifikation gebe ich meine Personalausweisnummer an: {p1.idcard}. Die Antwort senden Sie "
     "bitte an {p1.email}.\n\n{town}, den {date}\n{p1.name}",
     "'Art. 15 DSGVO' is a legal reference; the place and date of signing are not entities"),
    ("Widerspruch gegen den Gebührenbescheid vom {date}\nKassenzeichen: {kz}\n\nSehr geehrte Damen und Herren,"
     "\n\ngegen den oben genannten Bescheid lege ich fristgerecht Widerspruch ein. Die Gebühr von {fee} wurde "
     "nach {para.abfall} für eine Leistung berechnet, die ich nie in Anspruch genommen habe. Bitte erstatten Sie "
     "den bereits abgebuchten Betrag auf das Konto {p1.iban} (BIC {p1.bic}).\n\nMit freundlichen Grüßen\n{p1.name}\n{p1.street}"
     "\n{p1.plz}", "Kassenzeichen counts as CASE_NUMBER; legal reference and amount are not entities"),
    ("Sehr geehrte Damen und Herren,\n\nwährend einer Reise ist mir mein Reisepass mit der Nummer "
     "{p1.passport} abhandengekommen. Die Verlustanzeige der Polizei liegt mir vor. Ich benötige für eine "
     "Dienstreise am {deadline} dringend ein Ersatzdokument. Bitte rufen Sie mich unter {p1.phone} zurück.\n\n"
     "Freundliche Grüße\n{p1.full}", "academic title is outside the PERSON span"),
    ("Guten Tag,\n\n{p2?mein Nachbar, Herr|meine Nachbarin, Frau} {p2.name}, hat im Winter ohne Genehmigung zwei große Linden auf "
     "{p2?seinem|ihrem} Grundstück {p2.street} gefällt. Nach meinem Kenntnisstand fallen diese Bäume unter die "
     "Baumschutzsatzung. Ich bitte Sie, den Vorgang zu prüfen. Für Rückfragen: {p1.phone}.\n\n"
     "Mit freundlichen Grüßen\n{p1.name}", "'Winter' is the season and 'Linden' are trees"),
    ("Kontaktformular – Anliegen an das Ordnungsamt\nName: {p1.name}\nE-Mail: {p1.email}\nTelefon: {p1.mobile}\n"
     "Nachricht: Mein Auto ({car}, Kennzeichen {p1.plate}) wurde am {date} in der {street0} abgeschleppt, obwohl "
     "dort kein Halteverbotsschild stand. Ich bitte um Prüfung und Erstattung der Kosten von {fee}.",
     "car model, street without number and amount are not entities"),
    ("Sehr geehrte Damen und Herren,\n\nich möchte zum {date} ein Gewerbe anmelden ({biz}). Vorab meine Daten: "
     "{p1.name}, geb. {p1.dob}, Steuer-ID {p1.taxid}, Betriebsstätte {p1.addr}. {p2?Mein Steuerberater, Herr|Meine Steuerberaterin, Frau} "
     "{p2.tlast}, ist unter {p2.phone} erreichbar und kann fehlende Angaben ergänzen.\n\n"
     "Viele Grüße\n{p1.name}", "business name is an organisation, not labelled"),
    ("Betreff: Kirchenaustritt\n\n" + GREET + "\n\nich möchte meinen Austritt aus der Kirche erklären und bitte "
     "um einen Termin beim Standesamt.\n\nName: {p1.name}\nGeburtsdatum: {p1.dob}\nAnschrift: {p1.addr}\n"
     "Bisherige Religionszugehörigkeit: {sc.relig}\n\nFür die Meldung an das Finanzamt benötigen Sie vermutlich "
     "auch meine Steuer-ID: {p1.taxid}.\n\nVielen Dank\n{p1.name}", ""),
    ("Sehr geehrte Damen und Herren,\n\n{p2?mein Vater|meine Mutter} {p2.name} ist am {date} verstorben. "
     "{p2?Er|Sie} war {sc.relig} und wünschte sich eine Bestattung nach den Regeln {p2?seines|ihres} Glaubens. "
     "Gibt es auf dem Hauptfriedhof ein entsprechendes Grabfeld? Bitte melden Sie sich bei mir unter {p1.phone} "
     "oder {p1.email}.\n\nIn Trauer\n{p1.name}",
     "a deceased person is still a PERSON; date of death is not DATE_OF_BIRTH"),
    ("Guten Tag,\n\nich lebe seit acht Jahren in Deutschland und möchte mich einbürgern lassen. Ich bin "
     "{sc.origin} und wurde in meinem Herkunftsland verfolgt. Benötigen Sie meinen Reisepass ({pi.passport}) "
     "im Original? Meine Anschrift lautet {pi.addr}, erreichbar bin ich unter {pi.mobile}.\n\n"
     "Mit freundlichen Grüßen\n{pi.name}", ""),
]

LETTER_TEMPLATES: list[tuple[str, str]] = [
    ("Stadt Musterstadt – Amt für Soziales\nUnser Zeichen: {az}\n\n" + DEAR + "\n\nwir bestätigen den Eingang "
     "Ihres Antrags auf Wohngeld vom {date}. Zur weiteren Bearbeitung benötigen wir noch die Kontoauszüge der "
     "letzten drei Monate sowie eine Mietbescheinigung Ihres Vermieters. Bitte reichen Sie die Unterlagen bis "
     "zum {deadline} ein.\n\nFür Rückfragen erreichen Sie {s?Ihren Sachbearbeiter, Herrn|Ihre Sachbearbeiterin, "
     "Frau} {s.name}, unter {s.phone} oder {s.email}.\n\nMit freundlichen Grüßen\nIm Auftrag\n{s.name}",
     "'Amt für Soziales' is an organisation; staff names and contact data are labelled like any other"),
    ("{p1?Herrn|Frau}\n{p1.full}\n{p1.street}\n{p1.plz}\n\nBescheid über die Festsetzung der Hundesteuer {year}\n"
     "Kassenzeichen: {kz}\n\n" + DEAR + "\n\nfür das Halten Ihres Hundes wird die Hundesteuer für das Jahr "
     "{year} auf {fee} festgesetzt. Der Betrag wird zum {deadline} von Ihrem Konto {p1.iban} abgebucht "
     "(SEPA-Lastschriftmandat vom {date}).\n\nRechtsbehelfsbelehrung: Gegen diesen Bescheid kann innerhalb "
     "eines Monats nach Bekanntgabe Widerspruch erhoben werden.\n\nMit freundlichen Grüßen\nStadtkasse Musterstadt",
     "address block: street line and postcode line are separate ADDRESS spans"),
    ("Verwarnung mit Verwarnungsgeld\nAktenzeichen: {az}\n\n{p1?Sehr geehrter Herr|Sehr geehrte Frau} {p1.last},"
     "\n\nIhnen wird vorgeworfen, am {date} um {time} Uhr in der {street0} im eingeschränkten Halteverbot geparkt "
     "zu haben ({para.stvo}). Fahrzeug: {car}, amtliches Kennzeichen {p1.plate}. Halter{p1?|in} laut Zulassung: "
     "{p1.name}, geb. {p1.dob}, {p1.addr}.\n\nDas Verwarnungsgeld beträgt {fee}. Bitte überweisen Sie den "
     "Betrag bis zum {deadline} unter Angabe des Aktenzeichens auf das Konto der Stadtkasse, IBAN {org.iban}."
     "\n\nIhre Bußgeldstelle",
     "the city's own account is labelled IBAN by the type rule; the time of the offence is not an entity"),
    ("Meldebescheinigung (einfach) nach § 18 Abs. 1 BMG\n\nFamilienname: {p1.last}\nVornamen: {p1.first}\n"
     "Geburtsdatum: {p1.dob}\nGeburtsort: {town}\nAnschrift: {p1.addr}\nEinzugsdatum: {date}\n\nDiese "
     "Bescheinigung wurde elektronisch erstellt und ist ohne Unterschrift gültig. Ausgestellt am {date} durch "
     "das Bürgerbüro Musterstadt.",
     "surname and first name on separate lines are two PERSON spans; the birthplace alone is not labelled"),
    ("Anhörung im Bußgeldverfahren\nGeschäftszeichen: {az}\n\n{p1?Sehr geehrter Herr|Sehr geehrte Frau} "
     "{p1.last},\n\nam {date} wurden auf dem Gehweg vor dem Anwesen {p1.street} mehrere Säcke Hausmüll "
     "abgestellt. In einem der Säcke befand sich Post, die an Sie adressiert war. Bevor wir entscheiden, ob ein "
     "Bußgeld nach {para.abfall} festgesetzt wird, geben wir Ihnen Gelegenheit zur Äußerung bis zum {deadline}."
     "\n\nMit freundlichen Grüßen\n{s.initial}\nOrdnungsamt, Tel. {s.phone}", ""),
    ("Ausnahmegenehmigung (Parkerleichterung)\nAz. {az}\n\n" + DEAR + "\n\nauf Ihren Antrag vom {date} erteilen "
     "wir Ihnen eine Ausnahmegenehmigung nach {para.stvo}. Grundlage ist die festgestellte {sc.disab}. Die "
     "Genehmigung gilt für das Fahrzeug mit dem Kennzeichen {p1.plate} und ist bis zum {deadline} befristet."
     "\n\nMit freundlichen Grüßen\nIm Auftrag\n{s.name}", ""),
    (DEAR + "\n\nIhr neuer Personalausweis (Seriennummer {p1.idcard}) liegt ab sofort zur Abholung im Bürgerbüro "
     "bereit. Bitte bringen Sie Ihr bisheriges Dokument mit; es wird bei der Abholung entwertet. Den PIN-Brief "
     "haben Sie bereits per Post erhalten. Sollten Sie verhindert sein, kann eine bevollmächtigte Person den "
     "Ausweis abholen.\n\nIhr Bürgerbüro Musterstadt\n{org.addr} · {org.phone}",
     "the city's own address and switchboard number are labelled by the type rule"),
    ("Zahlungserinnerung\nKassenzeichen: {kz}\n\n" + DEAR + "\n\nbei der Durchsicht unserer Konten haben wir "
     "festgestellt, dass der am {date} fällige Betrag von {amount} noch nicht eingegangen ist. Bitte überweisen "
     "Sie den Betrag bis zum {deadline} auf das Konto der Stadtkasse Musterstadt, IBAN {org.iban}, BIC {org.bic}."
     " Sollten Sie zwischenzeitlich gezahlt haben, betrachten Sie dieses Schreiben bitte als gegenstandslos.\n\n"
     "Mit freundlichen Grüßen\nStadtkasse", "the city's own bank account is labelled by the type rule"),
    ("Rückforderung von Leistungen nach dem SGB XII\nAz.: {az}\n\n" + DEAR + "\n\nnach einem Datenabgleich mit "
     "der Deutschen Rentenversicherung (Versicherungsnummer {p1.svnr}) und dem Bundeszentralamt für Steuern "
     "(Steuer-ID {p1.taxid}) haben wir festgestellt, dass Sie im Zeitraum {period} Einkünfte "
     "erzielt haben, die Sie nicht angegeben haben. Wir beabsichtigen daher, einen Betrag von {amount} "
     "zurückzufordern. Sie haben Gelegenheit, sich bis zum {deadline} zu äußern ({para.sgb}).\n\n"
     "Mit freundlichen Grüßen\n{s.name}", "'SGB XII' and the paragraph are legal references"),
    ("Baugenehmigung\nAz. {az}\n\nBauherr{p1?|in}: {p1.name}, {p1.addr}\nBauvorhaben: Anbau eines "
     "Wintergartens\nBaugrundstück: {lot.street}\nEntwurfsverfasser{p2?|in}: {p2.full}, Architekt{p2?|in}, "
     "{p2.email}\n\nDie Baugenehmigung wird nach {para.bau} erteilt. Der Wintergarten fügt sich nach Art und Maß "
     "der baulichen Nutzung in die Eigenart der näheren Umgebung ein. Mit den Bauarbeiten darf erst begonnen "
     "werden, wenn der Baufreigabeschein vorliegt.\n\nIm Auftrag\n{s.name}",
     "'Wintergarten' is a common noun; paragraph references are not entities"),
    (DEAR + "\n\nvielen Dank für Ihre E-Mail vom {date}. Wir haben Ihre Hinweise zur Beleuchtung in der "
     "{street0} an die Stadtwerke weitergeleitet. Nach Auskunft der Stadtwerke werden die defekten Leuchten bis "
     "Ende {month} ersetzt. Für weitere Fragen steht Ihnen {s.name} (Tiefbauamt) unter {s.phone} zur Verfügung."
     "\n\nFreundliche Grüße\nIhre Stadtverwaltung", "organisations (Stadtwerke, Tiefbauamt) are not labelled"),
    ("Anmeldung der Eheschließung – Terminbestätigung\n\nSehr geehrte Frau {pf.last}, sehr geehrter Herr "
     "{pm.last},\n\nhiermit bestätigen wir Ihre Anmeldung zur Eheschließung. Die Trauung findet am {date} um "
     "{time} Uhr im Trauzimmer des Rathauses statt.\n\nVerlobte: {pf.name}, geb. {pf.dob}, und {pm.name}, "
     "geb. {pm.dob}\nKünftiger Ehename: {pm.last}\nTrauzeugen: {p3.name}, {p4.name}\n\nBitte bringen Sie zum "
     "Termin Ihre Personalausweise mit.\n\nIhr Standesamt", "a surname alone (future married name) is a PERSON"),
    ("Bescheid über Leistungen der Grundsicherung im Alter\nAz. {az}\n\n" + DEAR + "\n\nab dem {date} erhalten "
     "Sie monatlich {monthly}. Darin enthalten ist ein Mehrbedarf für kostenaufwändige Ernährung, da bei Ihnen "
     "ärztlich {sc.diet} festgestellt wurde. Die Zahlung erfolgt auf Ihr Konto {p1.iban}.\n\nBitte teilen Sie "
     "uns jede Änderung Ihrer Verhältnisse unverzüglich mit ({para.sgb}).\n\nMit freundlichen Grüßen\n"
     "Im Auftrag\n{s.name}", ""),
    ("Ausländerbehörde Musterstadt\nAz.: {az}\n\n{pi?Sehr geehrter Herr|Sehr geehrte Frau} {pi.last},\n\nIhre "
     "Aufenthaltserlaubnis läuft am {deadline} ab. Für die Verlängerung benötigen wir: Ihren gültigen Reisepass "
     "(derzeit hinterlegt: Nr. {pi.passport}), ein aktuelles biometrisches Passbild, den Nachweis über die "
     "Krankenversicherung und die Meldebescheinigung für {pi.addr}. Bitte vereinbaren Sie einen Termin unter "
     "{org.phone}.\n\nMit freundlichen Grüßen\n{s.name}",
     "'biometrisches Passbild' names a document requirement, not data about the person: not labelled"),
    ("Empfangsbestätigung Gewerbeanmeldung\n\n" + DEAR + "\n\nIhre Gewerbeanmeldung vom {date} für den Betrieb "
     "„{biz}“ an der Betriebsstätte {p1.addr} ist eingegangen. Eine Durchschrift haben wir an das Finanzamt, die "
     "Industrie- und Handelskammer und die Berufsgenossenschaft übermittelt. Die angegebene "
     "Steuer-Identifikationsnummer {p1.taxid} wurde nur an das Finanzamt weitergegeben.\n\nMit freundlichen "
     "Grüßen\nGewerbeamt", "business and authority names are not labelled"),
    ("Festsetzung des Elternbeitrags für die Kindertagesbetreuung\nAz. {az}\n\n" + DEAR + "\n\nfür die "
     "Betreuung Ihres Kindes {c1.name} (geb. {c1.dob}) in der Kita Regenbogen wird ab {date} ein monatlicher "
     "Beitrag von {fee} festgesetzt. Grundlage ist das von Ihnen nachgewiesene Jahreseinkommen; die Steuer-ID "
     "{p1.taxid} haben wir zum Abgleich mit dem Einkommensteuerbescheid verwendet. Der Beitrag wird von Ihrem "
     "Konto {p1.iban} eingezogen.\n\nMit freundlichen Grüßen\n{s.name}", "'Kita Regenbogen' is an organisation"),
    ("Hallo {p1?Herr|Frau} {p1.last},\n\nvielen Dank für Ihre Nachricht. Wir haben Ihr Anliegen an das Amt für "
     "Umwelt- und Arbeitsschutz weitergegeben, die Kolleginnen und Kollegen melden sich direkt bei Ihnen. Bitte "
     "halten Sie dafür Ihre Vorgangsnummer {az} bereit.\n\nViele Grüße\n{s.name}\nBürgerservice Musterstadt\n"
     "Telefon {s.phone}\nE-Mail {s.email}", ""),
]

CASE_NOTE_TEMPLATES: list[tuple[str, str]] = [
    ("Aktenvermerk\nAz.: {az}\nBetreff: Vorsprache von {p1?Herrn|Frau} {p1.name}, geb. {p1.dob}\n\n{p1.Herr} {p1.last} "
     "sprach am {date} ohne Termin vor und wies sich mit {p1?seinem|ihrem} Personalausweis (Nr. {p1.idcard}) "
     "aus. {p1?Er|Sie} legte die fehlenden Gehaltsnachweise vor. Die Unterlagen wurden eingescannt und der Akte "
     "beigefügt. Weitere Bearbeitung durch {s.initial}.\n\ngez. {s.last}", ""),
    ("Telefonvermerk vom {date}, {time} Uhr\nAnrufer{p1?|in}: {p1.name}, Rückrufnummer {p1.phone}\nAnliegen: "
     "Rückfrage zum Bescheid vom {date} (Az. {az}). {p1?Der Anrufer|Die Anruferin} versteht die Berechnung der "
     "Nachzahlung nicht und bittet um einen Rückruf durch die Sachbearbeitung.\nErledigung: Rückruf durch "
     "{s.name} am selben Tag zugesagt.", "call date and time are ordinary dates"),
    ("Vermerk über einen Hausbesuch\n\nAm {date} erfolgte ein angekündigter Hausbesuch bei {p1?Herrn|Frau} {p1.name}, "
     "{p1.addr}. Anwesend waren außerdem {p1?seine|ihre} Tochter {pf2.name} und eine Mitarbeiterin des "
     "Pflegedienstes. {p1.Herr} {p1.last} ist in {sc.care} eingestuft und leidet nach eigenen Angaben an "
     "{sc.diag_dat}. Die Wohnung ist nicht barrierefrei; ein Umzug in eine Wohnung im Erdgeschoss wird "
     "empfohlen.\n\n{s.initial}, Sozialdienst", "the care level (Pflegegrad) reveals health data"),
    ("Vermerk Ordnungsamt – abgemeldetes Fahrzeug\n\nDas Fahrzeug {car} mit dem Kennzeichen {p1.plate} steht "
     "seit dem {date} ohne gültige Zulassung in der {street0} auf öffentlichem Verkehrsgrund. Die Halterabfrage "
     "beim Kraftfahrt-Bundesamt ergab: {p1.name}, {p1.addr}. Ein roter Aufkleber mit Frist zur Entfernung bis "
     "zum {deadline} wurde angebracht. Fotos liegen in der E-Akte.\n\n{s.name}, Gemeindevollzugsdienst",
     "authority names are not labelled"),
    ("Vermerk\nAz.: {az}\n\nDie von {p1?Herrn|Frau} {p1.name} im Antrag angegebene Steuer-Identifikationsnummer "
     "{bad.taxid} ist ungültig (Prüfziffer stimmt nicht). Nach telefonischer Rückfrage unter {p1.phone} teilte "
     "{p1?der Antragsteller|die Antragstellerin} die korrekte Nummer {p1.taxid} mit; sie stimmt mit dem "
     "Einkommensteuerbescheid überein. Die Angaben wurden im Fachverfahren berichtigt.\n\n{s.initial}", ""),
    ("Vermerk Fallbesprechung Allgemeiner Sozialer Dienst\n\nKind: {c1.name}, geb. {c1.dob}\nSorgeberechtigt: "
     "{p1.name} ({p1?Vater|Mutter}), {p1.addr}\n\nDie Kita meldet wiederholte Fehlzeiten. Bei {c1.first} wurde "
     "im letzten Jahr {sc.child} diagnostiziert; die notwendige Behandlung findet nach Auskunft der Kita nur "
     "unregelmäßig statt. {p1.Herr} {p1.last} ist telefonisch schwer erreichbar ({p1.mobile}). Nächster Schritt: "
     "Einladung zu einem Gespräch am {date}.\n\nFallverantwortlich: {s.name}", ""),
    ("Vermerk über eine Vorsprache\nAz.: {az}\n\n{pi.Herr} {pi.name}, geb. {pi.dob}, Staatsangehörigkeit: "
     "{pi.nat}, sprach heute mit einer Dolmetscherin vor. {pi?Er|Sie} legte {pi?seinen|ihren} Reisepass Nr. "
     "{pi.passport} vor, gültig bis {deadline}. {pi?Er|Sie} trägt vor, im Herkunftsland wegen {pi?seiner|ihrer} "
     "{sc.sexual} verfolgt worden zu sein. Der Vortrag wurde an das Bundesamt für Migration und Flüchtlinge "
     "weitergeleitet.\n\n{s.name}", "nationality is not an Art. 9 category and is not labelled"),
    ("Vermerk: Weiterleitung\n\nDie E-Mail von {p1.name} ({p1.email}) vom {date} betrifft nicht unsere "
     "Zuständigkeit, sondern die Schuldnerberatung. Sie wurde mit Einverständnis {p1?des Absenders|der "
     "Absenderin} am selben Tag an Amt 50 weitergeleitet. Aktenzeichen im Fachverfahren: {az}.\n\n{s.initial}",
     "'Amt 50' is an organisational unit"),
    ("Gesprächsnotiz Ortstermin\nAz. {az}\n\nOrt: Baugrundstück {lot.addr}\nDatum: {date}, {time} Uhr\n"
     "Anwesend: {p1.name} (Bauherr{p1?|in}), {p2.name} (Nachbar{p2?|in}, {p2.street}), {s.name} (Bauaufsicht)"
     "\n\n{p2.Herr} {p2.last} rügt, dass die Grenzgarage höher als genehmigt errichtet wurde. Eine Messung ergab "
     "3,20 m statt der zulässigen 3,00 m. {p1.Herr} {p1.last} sagt zu, bis zum {deadline} eine Stellungnahme "
     "des Architekten vorzulegen.", "measurements are not entities"),
    ("Vermerk Stadtkasse\n\nAm {date} ging eine Zahlung über {amount} ein. Auftraggeberkonto: IBAN {p2.iban}, BIC {p2.bic}, "
     "Kontoinhaber{p2?|in}: {p2.name}. Verwendungszweck: „Kassenzeichen {kz}“. Das Kassenzeichen gehört zum "
     "Vorgang {p1?von Herrn|von Frau} {p1.name}. Nach telefonischer Rückfrage handelt es sich um eine Zahlung "
     "für einen Angehörigen. Die Zahlung wurde zugeordnet.\n\n{s.initial}", ""),
    ("Vermerk Fachstelle Wohnungsnotfälle\n\n{p1.name}, geb. {p1.dob}, ist seit dem {date} ohne Wohnung. Letzte "
     "Meldeanschrift: {p1.addr}. Derzeit übernachtet {p1?er|sie} bei Bekannten und ist über das Mobiltelefon "
     "{p1.mobile} erreichbar. Nach eigenen Angaben besteht {sc.psych}; eine Anbindung an eine Beratungsstelle "
     "wird angeboten. Die Einweisung in die Notunterkunft ab {date} wurde verfügt.\n\n{s.name}", ""),
    ("Aktenvermerk Unterhaltsvorschuss\nAz.: {az}\n\nAntragstellerin: {pf.name}, geb. {pf.dob}, "
     "Rentenversicherungsnummer {pf.svnr}\nKind: {c1.name}\nBarunterhaltspflichtiger Elternteil: {pm.name}, "
     "letzte bekannte Anschrift {pm.addr}, Aufenthalt derzeit unbekannt.\n\nEine Anfrage an die Meldebehörde "
     "wurde am {date} gestellt. Die Leistung wird vorläufig ab {date} bewilligt.", ""),
    ("Vermerk Einbürgerungsverfahren\nAz. {az}\n\nAntragsteller{pi?|in}: {pi.name}, geb. {pi.dob}\nAnschrift: "
     "{pi.addr}\nVorgelegte Dokumente: Reisepass Nr. {pi.passport}, Aufenthaltstitel, Zertifikat Deutsch B1, "
     "Nachweis Einbürgerungstest\n\nDie Regelanfrage beim Landesamt für Verfassungsschutz ergab keine "
     "Erkenntnisse. {pi?Der Antragsteller|Die Antragstellerin} gab an, {sc.union} zu sein; dies ist für das "
     "Verfahren ohne Bedeutung. Die Einbürgerungszusicherung kann erteilt werden.\n\n{s.name}",
     "trade-union membership is an Art. 9 category even when irrelevant to the case"),
    ("Vermerk Personalamt – vertraulich\n\nBetreff: {s2.name}, Sachbearbeiter{s2?|in} im Bürgerbüro, "
     "Personalnummer {persnr}\n\n{s2.Herr} {s2.last} ist seit dem {date} [[arbeitsunfähig erkrankt|SC]]. Laut "
     "dem eingereichten Attest besteht {sc.psych2}. Ein Gespräch zum Betrieblichen Eingliederungsmanagement "
     "wird für den {deadline} angeboten. {s2.Herr} {s2.last} ist {sc.union}; auf {s2?seinen|ihren} Wunsch nimmt "
     "ein Mitglied des Personalrats teil.\n\n{s.name}, Personalamt",
     "the staff number (Personalnummer) is outside the label set; the bare fact of illness is SPECIAL_CATEGORY"),
    ("Vermerk Datenschutzvorfall\n\nAm {date} wurde ein Bescheid für {p1?Herrn|Frau} {p1.name} versehentlich an "
     "{p2.name}, {p2.addr}, versandt. Der Bescheid enthielt die IBAN {p1.iban} und die Steuer-ID {p1.taxid}. "
     "{p2.Herr} {p2.last} hat das Schreiben am {date} zurückgegeben und bestätigt, keine Kopien angefertigt zu "
     "haben. Der behördliche Datenschutzbeauftragte wurde informiert; eine Meldung nach Art. 33 DSGVO ist nach "
     "seiner Einschätzung nicht erforderlich.\n\n{s.name}", "a role without a name (Datenschutzbeauftragter) is not a PERSON"),
    ("Fundbüro – Eingangsvermerk\n\nFundsache: schwarze Geldbörse, abgegeben am {date} von einem Busfahrer der "
     "Verkehrsbetriebe.\nInhalt: {fee} Bargeld, Personalausweis Nr. {p1.idcard} auf den Namen {p1.name}, "
     "Krankenversichertenkarte, Fahrkarte.\nAnschrift laut Ausweis: {p1.addr}\n\n{p1?Der Eigentümer|Die "
     "Eigentümerin} wurde am {date} per E-Mail an {p1.email} benachrichtigt.",
     "'schwarze' is a colour; an unnamed bus driver is not a PERSON"),
    ("Vermerk Gaststättenrecht\nAz. {az}\n\n{p1.Herr} {p1.name} (geb. {p1.dob}) beantragt die Erlaubnis für die "
     "Gaststätte „{gastro}“, {lot.addr}. Das Führungszeugnis und die Auskunft aus dem Gewerbezentralregister "
     "enthalten keine Eintragungen. Die Steuer-ID {p1.taxid} wurde für die steuerliche "
     "Unbedenklichkeitsbescheinigung angegeben. Gegen die Erteilung bestehen keine Bedenken.\n\n{s.initial}", ""),
]

COUNCIL_TEMPLATES: list[tuple[str, str]] = [
    ("Sitzungsvorlage Drucksache Nr. {ds}\nBeratungsfolge: Ausschuss für Umwelt und Technik, öffentliche Sitzung "
     "am {date}\n\nBetreff: Bauvoranfrage zur Errichtung eines Mehrfamilienhauses, {lot.addr} (Az. {az})\n\n"
     "Sachverhalt: {p1?Der Bauherr|Die Bauherrin}, {p1.name}, beabsichtigt, das bestehende Wohnhaus abzubrechen "
     "und durch ein Mehrfamilienhaus mit acht Wohneinheiten zu ersetzen. Das Grundstück liegt im unbeplanten "
     "Innenbereich; die Zulässigkeit richtet sich nach {para.bau}.\n\nBeschlussvorschlag: Das Einvernehmen der "
     "Gemeinde wird erteilt.",
     "the Drucksache number is a public council paper number, not labelled; the Az. of the building application "
     "is a case file number and is labelled"),
    ("Niederschrift über die {n}. öffentliche Sitzung des Gemeinderats am {date}\n\nVorsitz: "
     "Oberbürgermeister{r1?|in} {r1.full}\nAnwesend: {r2?Stadtrat|Stadträtin} {r2.name} ({party}), "
     "{r3?Stadtrat|Stadträtin} {r3.name} ({party}), {r4?Stadtrat|Stadträtin} {r4.name} ({party}) sowie {n2} "
     "weitere Mitglieder\nEntschuldigt: {r5?Stadtrat|Stadträtin} {r5.name}\nSchriftführung: {s.name}\n\n"
     "{r1?Der Vorsitzende|Die Vorsitzende} stellt die ordnungsgemäße Einberufung und die Beschlussfähigkeit fest.",
     "council members acting in office are PERSONs; their party affiliation in office is not labelled"),
    ("Anfrage der Fraktion {party1} vom {date}\nDrucksache {ds}\n\n{r1?Stadtrat|Stadträtin} {r1.name} fragt die "
     "Verwaltung:\n1. Wie viele Anträge auf Wohngeld sind derzeit unbearbeitet?\n2. Wie lange ist die "
     "durchschnittliche Bearbeitungszeit?\n\nAntwort der Verwaltung: Zum Stichtag {date} waren {num3} Anträge "
     "offen. Die durchschnittliche Bearbeitungszeit beträgt elf Wochen. Für Rückfragen steht die Amtsleitung des "
     "Amtes für Soziales zur Verfügung.", "'Amtsleitung' is a role without a name"),
    ("Auszug aus der Niederschrift – TOP {n}\n\n{r1?Stadtrat|Stadträtin} {r1.name} erklärt sich zu diesem "
     "Tagesordnungspunkt für befangen (§ 18 GemO), da {r1?er|sie} Eigentümer{r1?|in} des angrenzenden "
     "Grundstücks {r1.addr} ist, und nimmt im Zuhörerbereich Platz. {r2?Stadtrat|Stadträtin} {r2.last} übernimmt "
     "die Berichterstattung.\n\nBeschluss: Der Bebauungsplan „{bplan}“ wird als Satzung beschlossen (einstimmig "
     "bei einer Befangenheit).", "the name of the development plan is not an entity"),
    ("TOP 1: Einwohnerfragestunde\n\n{p1.Herr} {p1.name}, wohnhaft {p1.street}, beklagt den schlechten Zustand "
     "der Gehwege in der {street0} und fragt, wann mit einer Sanierung zu rechnen ist. Bürgermeister{r1?|in} "
     "{r1.name} antwortet, die Maßnahme sei im Haushalt {year} vorgesehen. {p1.Herr} {p1.last} bittet um "
     "schriftliche Antwort an {p1.email}; dies wird zugesagt.", ""),
    ("Nichtöffentliche Vorlage Nr. {ds}\nGremium: Haupt- und Finanzausschuss\n\nBetreff: Stundung von "
     "Gewerbesteuer – {p1.name}, {p1.addr}\nGeschäftszeichen: {az}\n\n{p1.Herr} {p1.last} betreibt als "
     "Einzelunternehmer{p1?|in} einen {bizkind}. Wegen {sc.reason} war der Betrieb {months} "
     "geschlossen. Die Verwaltung schlägt vor, die Gewerbesteuer in Höhe von {amount} bis zum {deadline} "
     "zinslos zu stunden.", ""),
    ("Sitzungsvorlage {ds}\nBetreff: Verleihung der Bürgermedaille\n\nDer Gemeinderat möge beschließen, "
     "{p1?Herrn|Frau} {p1.full} (geb. {p1.dob}), {p1.addr}, die Bürgermedaille der Stadt zu verleihen. "
     "{p1.Herr} {p1.last} engagiert sich seit über 30 Jahren ehrenamtlich im Sportverein, in der "
     "Nachbarschaftshilfe und im Seniorenbeirat. Die Verleihung soll beim Neujahrsempfang am {date} erfolgen.", ""),
    ("Beschlussvorlage {ds}\nBetreff: Neubesetzung des Beirats für Menschen mit Behinderungen\n\nDer Beirat "
     "berät den Gemeinderat in allen Fragen der Inklusion. Für die laufende Amtszeit werden als Mitglieder "
     "vorgeschlagen: {p1.name} (Vertreter{p1?|in} der Selbsthilfegruppen), {p2.name} (Kreisseniorenrat) und "
     "{p3.name}. Als stellvertretendes Mitglied wird {p4.name} vorgeschlagen, {p4?der|die} selbst "
     "{sc.disab_rel} hat und den Beirat bereits seit {since} unterstützt.\n\nDie Wahl erfolgt in offener "
     "Abstimmung.", "'Menschen mit Behinderungen' describes a group, not a person: not labelled"),
    ("Bürgerantrag nach § 20b GemO – Eingang {date}\n\nBetreff: Einrichtung einer Fahrradstraße in der "
     "{street0}\n\nVertrauenspersonen:\n1. {p1.name}, {p1.addr}, {p1.email}\n2. {p2.name}, {p2.addr}, Tel. "
     "{p2.phone}\n\nDem Antrag liegen {num3} gültige Unterschriften bei. Das Quorum ist erreicht. Die Verwaltung "
     "empfiehlt, den Antrag im Ausschuss für Umwelt und Technik am {date} zu behandeln.", ""),
    ("Nichtöffentliche Sitzungsvorlage {ds}\nBetreff: Verkauf des städtischen Grundstücks Flst. {flst}, "
     "{lot.street}\n\nDer Gemeinderat beschließt, das Grundstück an die Eheleute {pm.name} und {pf.name}, "
     "derzeit wohnhaft {pm.addr}, zum Kaufpreis von {price} zu veräußern. Die Käufer haben sich verpflichtet, "
     "das Grundstück innerhalb von drei Jahren mit einem selbst genutzten Wohnhaus zu bebauen. Die "
     "Finanzierungsbestätigung der Hausbank liegt vor.",
     "the Flurstück number is outside the label set and not labelled"),
    ("Aus der Niederschrift zu TOP {n} (Radverkehrskonzept)\n\n{r1?Stadtrat|Stadträtin} {r1.name} ({party}) "
     "begrüßt das Konzept, fordert aber eine schnellere Umsetzung in der {street0}. {r2?Stadtrat|Stadträtin} "
     "{r2.last} ({party}) verweist auf die Kosten von {amount} und beantragt, die Entscheidung zu vertagen. "
     "Bürgermeister{r3?|in} {r3.name} erläutert, dass Fördermittel des Landes in Höhe von 60 Prozent beantragt "
     "sind.\n\nAbstimmung über den Vertagungsantrag: 12 Ja-Stimmen, 27 Nein-Stimmen, 2 Enthaltungen. Der Antrag "
     "ist abgelehnt.", "party of council members in office not labelled; vote counts are not entities"),
    ("Beschlussvorlage {ds}\nBetreff: Ausscheiden aus dem Gemeinderat und Feststellung des Nachrückers\n\n"
     "{r1?Stadtrat|Stadträtin} {r1.name} hat mit Schreiben vom {date} erklärt, {r1?sein|ihr} Mandat "
     "{sc.mandate} niederzulegen. Der Gemeinderat stellt fest, dass ein wichtiger Grund nach § 16 GemO "
     "vorliegt. Nachrücker{r2?|in} aus dem Wahlvorschlag {party} ist {r2.name}, {r2.addr}.",
     "health reasons for leaving office are SPECIAL_CATEGORY"),
    ("Antrag der Fraktion {party1}\nDrucksache {ds}\n\nBetreff: Kostenlose Nutzung der Stadtbibliothek für "
     "Schülerinnen und Schüler\n\nDer Gemeinderat möge beschließen: Die Jahresgebühr der Stadtbibliothek für "
     "Personen unter 18 Jahren entfällt ab dem {date}.\n\nBegründung: Die Gebühr von {fee} hält gerade "
     "Familien mit geringem Einkommen von der Anmeldung ab.\n\nFür die Fraktion: {r1.name}, {r2.name}\n"
     "Fraktionsgeschäftsstelle, {org.addr}, E-Mail {party1_email}",
     "the faction's office contact data are labelled by the type rule"),
    ("Beschlussvorlage {ds}\nBetreff: Benennung einer Straße im Neubaugebiet „{bplan}“\n\nDie Verwaltung schlägt "
     "vor, die Planstraße A nach der früheren Stadträtin {pf.name} ([[{by}|DOB]]–{dy}) zu benennen: "
     "„{pf.first_plain}-{pf.last_plain}-Straße“. Frau {pf.last} gehörte dem Gemeinderat von {y1} bis {y2} an und "
     "setzte sich besonders für den sozialen Wohnungsbau ein. Die Angehörigen haben der Benennung zugestimmt. "
     "Die Kosten für die Beschilderung betragen {fee}.",
     "a person's name inside a street name is not a PERSON; in the life dates the birth year is "
     "DATE_OF_BIRTH, the year of death and the years in office are not"),
    ("Sitzungsvorlage {ds}\nBetreff: Zuschuss an den Verein „{club}“\n\nDer Verein beantragt einen Zuschuss von "
     "{amount} für die Sanierung des Vereinsheims. Ansprechpartner{p1?|in} ist {p1?der|die} Vorsitzende "
     "{p1.name}, Tel. {p1.phone}. Der Antrag ist vollständig; die Verwendungsnachweise der Vorjahre liegen vor. "
     "Die Mittel stehen im Haushalt {year} unter dem Produkt 4210 zur Verfügung.",
     "the budget product number is not an entity; the club is an organisation"),
    ("Niederschrift Bürgerversammlung {district}, {date}\n\nZur geplanten Umnutzung des ehemaligen Gemeindehauses "
     "meldet sich {p1.Herr} {p1.name} zu Wort. {p1?Er|Sie} sei {p1.relig_noun} und besuche seit Jahren die "
     "Gebetsräume im Gebäude; {p1?er|sie} bitte darum, eine Ersatzfläche im Stadtteil zu prüfen. {p2.Herr} "
     "{p2.name} vom Bürgerverein unterstützt das Anliegen. Bürgermeister{r1?|in} {r1.name} sagt eine Prüfung "
     "bis zum {deadline} zu.", ""),
]

HARD_TEMPLATES: list[tuple[str, str]] = [
    ("Dear Sir or Madam,\n\nmy name is {pi.name} and I moved to {pi.addr} on {date}. For the Anmeldung I was "
     "asked for a Wohnungsgeberbestätigung, but my landlord, {p2?Mr|Ms} {p2.name}, says {p2?he|she} already sent "
     "it to the Bürgerbüro. Could you please check? You can reach me at {pi.mobile} or {pi.email}. My tax ID "
     "(Steuer-ID) is {pi.taxid}, in case you need it.\n\nKind regards / Mit freundlichen Grüßen\n{pi.name}",
     "mixed English and German"),
    ("Sehr geehrte/r [PERSON_1],\n\nIhr Antrag vom [DATUM_1] auf Erteilung einer Sondernutzungserlaubnis für "
     "[ADRESSE_1] ist bei uns eingegangen. Bitte überweisen Sie die Verwaltungsgebühr von [BETRAG] auf das Konto "
     "[IBAN_1]. Für Rückfragen wenden Sie sich an {s.name}, Tel. {s.phone}, {s.email}.\n\nAz.: {az}",
     "placeholders such as [PERSON_1] or [IBAN_1] are already pseudonymised and are not entities"),
    ("Betreff: Rückruf erbeten\n\n{~Hallo,~Guten Tag,} hier schreibt {p1.name_conf}. Ich habe am {date} eine "
     "E-Mail von {p1.email_conf} geschickt, aber keine Antwort erhalten. Es geht um den Bescheid mit dem "
     "Aktenzeichen {az}. Bitte rufen Sie mich unter {p1.phone} an.",
     "Unicode confusables inside entities"),
    ("Nachdem {p1.Herr} {p1.name}, geboren am {p1.dob} und wohnhaft {p1.addr}, bereits am {date} telefonisch "
     "unter {p1.phone} mitgeteilt hatte, dass {p1?sein|ihr} Sohn {cm1.name}, der im vergangenen Winter an die "
     "Grundschule am Park gewechselt ist und seitdem wegen {sc.child_gen} regelmäßig ärztlich betreut wird, die "
     "Erstattung der Fahrtkosten für den Schulweg benötigt, und nachdem {p1?er|sie} die Erstattung zusätzlich "
     "schriftlich unter Angabe {p1?seiner|ihrer} Bankverbindung {p1.iban} sowie {p1?seiner|ihrer} "
     "E-Mail-Adresse {p1.email} beantragt hatte, wurde der Vorgang unter dem Aktenzeichen {az} an {s.name} vom "
     "Schulamt weitergeleitet, {s?der|die} nach Prüfung der Unterlagen, insbesondere der ärztlichen "
     "Bescheinigung vom {date} und der Schulbescheinigung, die Erstattung in Höhe von {fee} für das laufende "
     "Schuljahr bewilligt und {p1?Herrn|Frau} {p1.last} darüber am {date} per Brief an die genannte Anschrift "
     "informiert hat.", "one very long sentence; 'Winter' is the season"),
    ("{~Betreff: Nachlassangelegenheit~Betreff: Anfrage zur Grabstätte}\n\nSehr geehrte Damen und Herren,\n\nals "
     "Testamentsvollstrecker{pv?|in} von {pd.full} (verstorben am {date}) bitte ich um Auskunft zur Grabstätte der "
     "Familie auf dem Bergfriedhof. {pd.Herr} {pd.tlast} hatte zu Lebzeiten ein Nutzungsrecht erworben; die "
     "Rechnung ging damals an {pd.addr}. Bitte antworten Sie an meine Kanzlei: {pv.full}, {pv.addr}, {pv.email}."
     "\n\nMit freundlichen Grüßen\n{pv.full}", "surnames with particles and double names; titles outside the span"),
    ("Vermerk Adressklärung\n\nDie Post an {p1?Herrn|Frau} {p1.name} kam mehrfach mit dem Vermerk „unbekannt verzogen“ "
     "zurück. Im Melderegister steht {p1.addr_hard}, auf dem Klingelschild steht laut Zusteller jedoch "
     "{p1.addr_hard2}. {p1.Herr} {p1.last} ist unter {p1.mobile} erreichbar und hat die richtige Anschrift "
     "inzwischen bestätigt. Die Meldeadresse wird berichtigt.\n\n{s.initial}",
     "addresses with abbreviations, ranges and house-number suffixes"),
    ("{~hi~hallo~moin}, hier ist {p1.name_lower}. wollte nur sagen dass ich meinen termin am {date} nicht "
     "schaffe. bitte neuen termin per mail an {p1.email_lower} oder whatsapp {p1.mobile}. danke!!",
     "chat style, all lower case"),
    ("Vermerk Kasse – Klärungsfall\n\nAuf dem Überweisungsträger stehen zwei Kontonummern: die IBAN {p1.iban} "
     "{p1?des Auftraggebers|der Auftraggeberin} {p1.name} und im Verwendungszweck die Zeichenfolge {bad.iban}. "
     "Letztere ist keine gültige IBAN (Prüfsumme falsch) und wurde vermutlich aus einer alten Rechnung kopiert. "
     "Zählernummer laut Ablesekarte: {bad.taxid}. Die Zahlung wird dem Kassenzeichen {kz} zugeordnet.",
     "look-alike numbers that fail their checksum are not entities"),
]


# --------------------------------------------------------------------------------------------------
# Hand-written passages: each is rendered once. Identifiers with check digits come from slots so that
# they are valid; everything else is written out.
# --------------------------------------------------------------------------------------------------

CITIZEN_HANDWRITTEN: list[dict] = [
    dict(text="Sehr geehrte Damen und Herren,\n\nam Dienstag wurde mir auf dem Wochenmarkt am Marktplatz die "
         "Handtasche gestohlen. Darin waren mein Personalausweis (Nummer {idcard}) und meine Bankkarte. Die "
         "Polizei hat die Anzeige bereits aufgenommen. Was muss ich tun, um möglichst schnell einen neuen "
         "Ausweis zu bekommen? Tagsüber erreichen Sie mich unter [[0176 48213907|TEL]].\n\nFreundliche Grüße\n"
         "[[Gertrud Hanselmann|PER]]",
         notes="'Marktplatz' without house number is a place; the weekday is not an entity"),
    dict(text="Hallo,\n\nwann wird die Baustelle in der Hauptstraße endlich fertig? Seit dem 4. März staut sich "
         "dort jeden Morgen der Verkehr, und im Winter war es auch schon so. Der Bus der Linie 5 fährt nur noch "
         "bis zum Bahnhof, und die Umleitung über die Kaiserallee ist nicht ausgeschildert. Ich bitte um "
         "Auskunft, wie lange das noch dauert.\n\nViele Grüße aus der Weststadt",
         notes="negatives only: streets without house numbers, an ordinary date, 'Winter' as season, a bus line"),
    dict(text="Guten Tag,\n\nBraun und trüb ist das Wasser, das seit gestern Abend aus unseren Leitungen kommt. "
         "Betroffen sind nach meinem Eindruck alle Häuser zwischen der Kirche und dem Sportplatz. Ich wohne in "
         "der [[Mühlgasse 14|ADR]] und habe zwei kleine Kinder. Darf das Wasser trotzdem zum Kochen verwendet "
         "werden? Rückruf bitte unter [[07071 / 55 20 91|TEL]].\n\n[[Jörg Wendling|PER]]",
         notes="'Braun' at the start of the sentence is a colour, not a surname"),
    dict(text="Sehr geehrte Damen und Herren,\n\nich bin seit einem Verkehrsunfall [[querschnittsgelähmt|SC]]. "
         "Der Eingang des Bürgerbüros hat zwei Stufen, die ich ohne Hilfe nicht überwinden kann. Gibt es einen "
         "barrierefreien Zugang, oder kann der Termin bei mir zu Hause stattfinden? Meine Anschrift: "
         "[[Am Sonnenhang 3, 72074 Tübingen|ADR]]. E-Mail: [[m.oezdemir@example.net|MAIL]]\n\n"
         "Mit freundlichen Grüßen\n[[Melek Özdemir|PER]]"),
    dict(text="Betreff: Kirchenaustritt\n\nSehr geehrte Damen und Herren,\n\nich, [[Bernhard Ostermaier|PER]], "
         "geboren am [[14. Februar 1979|DOB]] in Augsburg, möchte meinen Austritt aus der Kirche erklären. Ich "
         "bin [[römisch-katholisch|SC]] getauft und seit 2004 in Musterstadt gemeldet. Meine "
         "Steuer-Identifikationsnummer lautet {taxid}, damit die Kirchensteuer korrekt eingestellt wird. Bitte "
         "nennen Sie mir einen Termin.\n\n[[Bernhard Ostermaier|PER]]\n[[Goethestraße 41, 12345 Musterstadt|ADR]]",
         notes="the birthplace alone ('Augsburg') and the year of registration are not labelled"),
    dict(text="Liebe Kita-Leitung,\n\nunser Sohn [[Emil Brecht|PER]] (geb. [[02.09.2020|DOB]]) hat eine "
         "[[schwere Erdnussallergie|SC]] und trägt immer ein Notfallset bei sich. Wir bitten darum, dass alle "
         "Erzieherinnen und Erzieher eingewiesen werden. Bei Fragen sind wir unter [[+49 1523 7710456|TEL]] "
         "erreichbar, tagsüber auch per Mail an [[familie.brecht@example.org|MAIL]].\n\nHerzliche Grüße\n"
         "[[Lisa|PER]] und [[Tom Brecht|PER]]",
         notes="'Lisa und Tom Brecht' is two PERSON spans: the shared surname belongs to the second"),
    dict(text="Hallo,\n\nim Garten meines Nachbarn, [[Herbert Fuchs|PER]], hat sich offenbar ein Fuchs "
         "eingenistet. Herr [[Fuchs|PER]] meint, das Tier sei harmlos, aber nachts werden unsere Mülltonnen "
         "umgeworfen. Ist dafür die Stadt oder der Jagdpächter zuständig?\n\nBeste Grüße\n"
         "[[Svenja Kowalczyk|PER]], [[Ahornweg 9|ADR]]",
         notes="'ein Fuchs' (the animal) is not a PERSON; the unnamed Jagdpächter is a role"),
    dict(text="Sehr geehrte Damen und Herren,\n\nmeine Mutter, [[Hannelore Winter|PER]], ist 91 Jahre alt und "
         "kann den Schnee im Winter nicht mehr selbst räumen. Gibt es für ältere Menschen eine Befreiung von der "
         "Räumpflicht vor dem Haus [[Kirchstraße 8|ADR]]? Frau [[Winter|PER]] ist zudem "
         "[[stark sehbehindert|SC]]. Ich kümmere mich um ihre Angelegenheiten und bin unter "
         "[[0 71 41 / 90 32 17|TEL]] erreichbar.\n\n[[Andreas Winter|PER]]",
         notes="'im Winter' is the season; an age in years is not DATE_OF_BIRTH"),
    dict(text="Betreff: Abschleppen am Samstag\n\nMein Wagen mit dem Kennzeichen [[RT-KM 417|KFZ]] wurde am "
         "Samstag vor dem Freibad abgeschleppt, obwohl die Parkverbotsschilder erst am Freitagabend aufgestellt "
         "wurden. Der Wagen meiner Frau ([[RT KM 418E|KFZ]]) stand daneben und wurde nicht abgeschleppt. Ich "
         "bitte um Überprüfung.\n\n[[Klaus-Dieter Merkle|PER]]\n[[Uhlandstr. 23, 72764 Reutlingen|ADR]]\n"
         "[[k.merkle@example.com|MAIL]]", notes="the unnamed wife is not a PERSON"),
]

LETTER_HANDWRITTEN: list[dict] = [
    dict(text="Stadt Musterstadt · Amt für Soziales · [[Rathausplatz 1, 12345 Musterstadt|ADR]]\n\nFrau\n"
         "[[Jelena Marković|PER]]\n[[Friedhofweg 2a|ADR]]\n[[12347 Musterstadt|ADR]]\n\nWohngeldbescheid\nAz. "
         "[[50.3-WG-2025/00417|AZ]]\n\nSehr geehrte Frau [[Marković|PER]],\n\nauf Ihren Antrag vom 12. Mai "
         "bewilligen wir Ihnen ab dem 1. Juni monatlich 287,00 € Wohngeld. Die Zahlung erfolgt auf Ihr Konto "
         "{iban}. Der Bewilligungszeitraum endet am 31. Mai des Folgejahres. Änderungen beim Einkommen oder bei "
         "der Miete müssen Sie uns unverzüglich mitteilen (§ 27 WoGG).\n\nMit freundlichen Grüßen\nIm Auftrag\n"
         "[[Frieder Kallenberg|PER]]",
         notes="ordinary dates, amounts and § 27 WoGG are not entities; the city's own address is labelled by type"),
    dict(text="Sehr geehrte Frau [[Müller-Lüdenscheidt|PER]], sehr geehrter Herr [[Schulte-Overberg|PER]],\n\n"
         "Ihre Eheschließung ist für den 14. August um 11:30 Uhr im Trausaal des Alten Rathauses vorgesehen. Sie "
         "haben erklärt, dass Sie künftig den Ehenamen „[[Schulte-Overberg|PER]]“ führen möchten; Frau "
         "[[Sabine Müller-Lüdenscheidt|PER]] hat außerdem die Ausstellung eines neuen Personalausweises "
         "beantragt. Bitte bringen Sie beglaubigte Abschriften aus dem Geburtenregister mit.\n\n"
         "Ihr Standesamt Musterstadt", notes="double names; the wedding date is an ordinary date"),
    dict(text="Liebe Bürgerinnen und Bürger,\n\nab dem 1. Januar gilt die neue Abfallgebührensatzung. Die "
         "Grundgebühr für eine Restmülltonne mit 120 Litern steigt von 98,40 € auf 104,00 € im Jahr. Die "
         "Biotonne (braune Tonne) bleibt gebührenfrei. Die Abfuhrtermine für Ihre Straße finden Sie im "
         "Abfallkalender oder in der App der Stadtwerke. Bei Fragen wenden Sie sich bitte an die Abfallberatung "
         "im Amt für Umwelt.\n\nIhr Oberbürgermeister",
         notes="negatives only: a role without a name, amounts, dates, organisations, 'braune' as colour"),
    dict(text="Az.: [[32.4-AP-0098/2025|AZ]]\n\nSehr geehrter Herr Dr. [[Lindqvist|PER]],\n\nIhren Antrag auf "
         "einen Parkausweis für Schwerbehinderte müssen wir leider ablehnen. Nach dem vorgelegten Bescheid ist "
         "bei Ihnen zwar ein [[GdB von 60|SC]] festgestellt, das erforderliche Merkzeichen aG ist jedoch nicht "
         "eingetragen. Sie können innerhalb eines Monats Widerspruch einlegen. Ihr Fahrzeug [[KN-AL 64|KFZ]] darf "
         "weiterhin nicht auf den gekennzeichneten Behindertenparkplätzen abgestellt werden.\n\nMit freundlichen "
         "Grüßen\n[[Regina Haaf|PER]]\nTel. [[07531 900-2417|TEL]]",
         notes="'Parkausweis für Schwerbehinderte' and 'Behindertenparkplätze' are generic; the missing "
               "Merkzeichen is stated about the person but only the GdB is labelled as the revealing phrase"),
    dict(text="Sehr geehrte Frau [[Nguyen|PER]],\n\nSie haben für Ihre Tochter [[Thi Mai Nguyen|PER]], geboren "
         "am [[23.11.2016|DOB]], eine Beistandschaft beantragt. Wir werden den Unterhalt gegenüber dem Vater, "
         "Herrn [[Van Duc Tran|PER]], geltend machen. Nach unseren Unterlagen wohnt er in der "
         "[[Leipziger Straße 112, 04178 Leipzig|ADR]]. Bitte teilen Sie uns mit, ob diese Anschrift noch aktuell "
         "ist.\n\nIhre Ansprechpartnerin: [[Dorothee Angerer|PER]], Jugendamt, Tel. [[(07 21) 1 33-51 26|TEL]], "
         "[[dorothee.angerer@musterstadt.example|MAIL]]\n\nGeschäftszeichen: [[51-BS-2025-0173|AZ]]"),
    dict(text="Anhörung vor Erlass einer Gewerbeuntersagung\nAz. [[32.2-GU-2025/014|AZ]]\n\nSehr geehrter Herr "
         "[[Kaya|PER]],\n\nnach Mitteilung des Finanzamts bestehen bei Ihnen Steuerrückstände von 18.420,17 € "
         "(Steuernummer 35/123/45678). Wir beabsichtigen daher, Ihnen die Ausübung des Gewerbes „Kfz-Handel“ am "
         "Standort [[Industriestraße 7, 76189 Karlsruhe|ADR]] nach § 35 GewO zu untersagen. Sie können sich bis "
         "zum 30. September schriftlich äußern.\n\nMit freundlichen Grüßen\nIm Auftrag\n[[T. Brunnhuber|PER]]",
         notes="the Steuernummer is not the Steuer-ID and is outside the label set: not labelled"),
    dict(text="Sehr geehrter Herr [[Al-Hassan|PER]],\n\nIhre Fiktionsbescheinigung wurde verlängert. Bitte "
         "bringen Sie zum Termin am 3. November Ihren syrischen Reisepass (Nr. [[N011482376|PASS]]) und den "
         "Mietvertrag für die Wohnung [[Karlstraße 18 c|ADR]] mit. Ihre Ehefrau, Frau [[Rania Al-Hassan|PER]], "
         "erhält einen eigenen Termin.\n\nMit freundlichen Grüßen\nAusländerbehörde",
         notes="the nationality adjective 'syrischen' is not labelled"),
    dict(text="Sehr geehrte Frau [[Gruber|PER]],\n\nvielen Dank für Ihre Zahlung. Leider ist der Betrag von "
         "120,00 € doppelt eingegangen. Wir erstatten Ihnen 120,00 € auf das Konto, von dem die Zahlung kam: "
         "{iban_at}, BIC {bic_at}. Kontoinhaberin laut Überweisung: [[Magdalena Gruber|PER]], "
         "[[Linzer Straße 4, 5020 Salzburg|ADR]].\n\nMit freundlichen Grüßen\nStadtkasse Musterstadt",
         notes="Austrian IBAN and four-digit Austrian postcode"),
    dict(text="Bußgeldbescheid\nAktenzeichen [[2025-OW-004471|AZ]]\n\nBetroffener: [[Marco Rossi|PER]], geb. "
         "[[07.07.1987|DOB]] in Bari, [[Schwarzwaldstraße 21, 79102 Freiburg im Breisgau|ADR]]\n\nIhnen wird "
         "zur Last gelegt, am 18.03. um 07:42 Uhr innerorts die zulässige Höchstgeschwindigkeit von 50 km/h um "
         "18 km/h überschritten zu haben. Fahrzeug: [[FR-MR 870|KFZ]]. Gegen Sie wird ein Bußgeld von 115,00 € "
         "festgesetzt; hinzu kommen Gebühren und Auslagen von 28,50 €.",
         notes="offence date, speeds and amounts are not entities; the birthplace alone is not labelled"),
]

CASE_NOTE_HANDWRITTEN: list[dict] = [
    dict(text="Aktenvermerk – Gefährdungseinschätzung nach § 8a SGB VIII\n\nMeldung der Grundschule am 17.03.: "
         "Die Schülerin [[Mia Schönfelder|PER]] (8 Jahre) kam wiederholt ohne Frühstück und in unzureichender "
         "Kleidung zum Unterricht. Die Mutter, Frau [[Katrin Schönfelder|PER]], ist nach Auskunft der "
         "Schulsozialarbeiterin [[alkoholkrank|SC]]. Hausbesuch am 19.03. in der [[Bahnhofstraße 56|ADR]] durch "
         "Herrn [[Polat|PER]]. Ergebnis: keine akute Gefährdung, ein Hilfeplangespräch wird vereinbart.\n\n"
         "gez. [[S. Polat|PER]]", notes="the age '8 Jahre' is not DATE_OF_BIRTH; the social worker is a role"),
    dict(text="Telefonnotiz 09:40 Uhr\nFrau Dr. [[Ewa Zielińska|PER]] (Hausärztin von Herrn [[Lothar Kern|PER]]) "
         "bittet um Rückruf wegen des Antrags auf Eingliederungshilfe. Herr [[Kern|PER]] sei nach einem "
         "[[Schlaganfall|SC]] im Frühjahr auf Hilfe im Alltag angewiesen. Praxis: [[0731 / 96 48 20|TEL]], "
         "Fax [[0731 / 96 48 29|TEL]].", notes="fax numbers are labelled PHONE"),
    dict(text="Vermerk\n\nBei der Prüfung der Ablage im Archivraum 2.14 wurde festgestellt, dass zwei Ordner aus "
         "dem Jahr 2019 nicht gemäß Aktenplan abgelegt waren. Der behördliche Datenschutzbeauftragte und die "
         "Amtsleitung wurden informiert. Personenbezogene Daten waren nicht betroffen, da es sich um "
         "Sitzungsunterlagen des Ausschusses für Umwelt und Technik handelte (Vorlagen 2019/0112 bis "
         "2019/0140). Die Ordner wurden am selben Tag umsortiert.\n\nHausverwaltung",
         notes="negatives only: roles, a room number and public council paper numbers"),
    dict(text="Vermerk zur Steuer-ID\n\nIm Antrag von Frau [[Ines Hollerbach|PER]] war als Steuer-ID "
         "{bad.taxid} eingetragen. Die Prüfziffernkontrolle im Fachverfahren schlug fehl. Nach Rücksprache per "
         "E-Mail ([[ines.hollerbach@example.com|MAIL]]) wurde die Nummer berichtigt: {taxid}. Der Antrag kann "
         "weiterbearbeitet werden."),
    dict(text="Vermerk Friedhofsverwaltung\n\nDie Angehörigen des am 2. Februar verstorbenen Herrn "
         "[[Yusuf Demirci|PER]] (zuletzt wohnhaft [[Schwarzwaldstraße 88, 79117 Freiburg im Breisgau|ADR]]) "
         "wünschen eine Bestattung nach [[islamischem|SC]] Ritus im Grabfeld 14. Ansprechpartner ist der Sohn, "
         "Herr [[Serkan Demirci|PER]], Tel. [[0761 4 58 23 90|TEL]]. Die Bestattung ohne Sarg wurde nach "
         "§ 39 BestattG genehmigt.", notes="the grave field number and the date of death are not entities"),
    dict(text="Vertraulicher Vermerk Personalamt\n\nFrau [[Beate Kronmüller|PER]], Erzieherin in der Kita "
         "Sonnenblume, hat mitgeteilt, dass sie [[Mitglied der GEW|SC]] ist und den Beitrag künftig nicht mehr "
         "über die Gehaltsabrechnung abführen möchte. Die Änderung wird zum Monatsende umgesetzt. Ihre private "
         "Anschrift hat sich ebenfalls geändert: [[Tulpenweg 5, 71638 Ludwigsburg|ADR]]."),
    dict(text="Belegungsvermerk Notunterkunft Eichendorffstraße\n\nHerr [[Piotr Wiśniewski|PER]], geb. "
         "[[11.01.1969|DOB]], wird ab heute in Zimmer 4 untergebracht. Er ist [[Diabetiker|SC]] und benötigt "
         "einen Kühlschrank für seine Medikamente; ein Kühlschrank wurde bereitgestellt. Kontakt zur Schwester, "
         "Frau [[Agata Nowicka|PER]]: [[+48 601 234 567|TEL]].",
         notes="'Eichendorffstraße' without house number names the shelter's street; foreign phone number"),
    dict(text="Vermerk Ausländerbehörde – Familiennachzug\nAz. [[AB-FN-2025-0311|AZ]]\n\nFür den Nachzug des "
         "Kindes [[Amina Warsame|PER]] zum Vater, Herrn [[Abdi Warsame|PER]], hat die Botschaft ein "
         "[[DNA-Abstammungsgutachten|SC]] angefordert. Das Gutachten bestätigt die Vaterschaft. Die "
         "[[Fingerabdrücke|SC]] des Kindes wurden bei der Visumbeantragung erfasst und mit dem "
         "Visa-Informationssystem abgeglichen. Die Zustimmung zur Visumerteilung wird erteilt.",
         notes="genetic and biometric data about a named person"),
    dict(text="Vermerk – Halterermittlung\n\nAnzeige wegen Parkens auf dem Behindertenparkplatz vor der "
         "Stadthalle am 08.10., 19:12 Uhr. Fahrzeug: grauer Kombi, Kennzeichen [[HD-Z 9014|KFZ]]. Halter laut "
         "Register: [[Ralf Sturm|PER]], [[Rohrbacher Str. 130, 69126 Heidelberg|ADR]]. Ein Parkausweis war "
         "nicht ausgelegt. Anhörungsbogen versandt.",
         notes="'Behindertenparkplatz' is generic and says nothing about the driver"),
]

COUNCIL_HANDWRITTEN: list[dict] = [
    dict(text="Niederschrift über die öffentliche Sitzung des Ausschusses für Umwelt und Technik\n\nTOP 3: "
         "Sanierung der Schillerschule\n\nDie Oberbürgermeisterin eröffnet die Aussprache. Stadtrat "
         "[[Matthias Eberle|PER]] (CDU) hält die Kostensteigerung von 1,2 Mio. € für nicht hinnehmbar. "
         "Stadträtin [[Aylin Karataş|PER]] (GRÜNE) widerspricht: Die Schule sei seit Jahren sanierungsbedürftig. "
         "Stadtrat Dr. [[Henning Vollmer|PER]] (FDP) beantragt, die Fassadendämmung getrennt auszuschreiben. "
         "Baubürgermeister [[Uwe Lämmle|PER]] sagt eine Prüfung bis zur nächsten Sitzung zu.\n\nBeschluss: "
         "einstimmig (Drucksache 2025/0233).",
         notes="parties of council members in office not labelled; 'Oberbürgermeisterin' without a name is a "
               "role; Drucksache number not labelled"),
    dict(text="Sitzungsvorlage Drucksache 2025/0312\n\nBetreff: Sanierung der Kaiserallee zwischen Marktplatz "
         "und Bahnhof\n\nDie Kaiserallee weist auf einer Länge von 640 m erhebliche Schäden auf. Die "
         "Gesamtkosten betragen 2,4 Mio. €, davon werden 1,1 Mio. € vom Land gefördert. Die Bauzeit ist von März "
         "bis November vorgesehen. Der Bebauungsplan Nr. 78 „Innenstadt West“ bleibt unberührt. Der "
         "Ortschaftsrat wurde am 12.02. angehört (§ 70 GemO).\n\nBeschlussvorschlag: Der Gemeinderat stimmt der "
         "Sanierung zu und beauftragt die Verwaltung mit der Ausschreibung.",
         notes="negatives only: streets as places, Drucksache and Bebauungsplan numbers, amounts, dates, § 70 GemO"),
    dict(text="Nichtöffentlich – Auszug aus der Niederschrift TOP 7\n\nVerkauf des Bauplatzes Nr. 12 im "
         "Baugebiet „Winterhalde“ an Herrn [[Erik Johansson|PER]] und Frau [[Lina Johansson-Berg|PER]], derzeit "
         "wohnhaft [[Schillerplatz 2/1, 70173 Stuttgart|ADR]]. Kaufpreis: 312.000 €. Die Käufer haben "
         "nachgewiesen, dass Frau [[Johansson-Berg|PER]] eine [[Schwerbehinderung (GdB 70)|SC]] hat; nach den "
         "Vergaberichtlinien erhalten sie dafür zusätzliche Punkte. Der Gemeinderat stimmt dem Verkauf zu.",
         notes="'Winterhalde' is the name of a building area"),
    dict(text="Anfrage der Fraktion FREIE WÄHLER\n\nEine Bürgerin aus der Südstadt hat sich an unsere Fraktion "
         "gewandt, weil ihr Antrag auf Wohngeld seit fünf Monaten unbearbeitet ist. Wir fragen die Verwaltung: "
         "Wie viele Anträge sind älter als drei Monate, und welche Maßnahmen sind geplant?\n\nStadtrat "
         "[[Gerhard Kienzle|PER]]\nStadträtin [[Petra Yilmaz-Hofer|PER]]",
         notes="the anonymous citizen is not an entity"),
    dict(text="Sitzungsvorlage 2025/0198\nBetreff: Ehrenbürgerrecht\n\nDie Verwaltung schlägt vor, Frau Prof. "
         "Dr. [[Irmgard Seeberger|PER]], geboren am [[30. Juni 1938|DOB]], das Ehrenbürgerrecht zu verleihen. "
         "Frau [[Seeberger|PER]] hat 1972 die erste Beratungsstelle für Frauen in Musterstadt gegründet und das "
         "Stadtarchiv über Jahrzehnte ehrenamtlich unterstützt. Die Verleihung soll im Rahmen des "
         "Neujahrsempfangs erfolgen.", notes="academic titles are outside the PERSON span; 1972 is not a birth date"),
    dict(text="Auszug Niederschrift – TOP 9 Bebauungsplan „Mühlwiesen“\n\nStadträtin [[Renate Obergfell|PER]] "
         "erklärt sich für befangen, weil ihr Ehemann Eigentümer eines Grundstücks im Plangebiet ist, und "
         "verlässt den Sitzungstisch. Stadtrat [[Okan Aydın|PER]] weist darauf hin, dass auch sein Bruder "
         "[[Murat Aydın|PER]], [[Mühlwiesenweg 4|ADR]], Einwendungen erhoben hat. Die Verwaltung prüft, ob auch "
         "insoweit eine Befangenheit vorliegt.", notes="the unnamed husband is not a PERSON"),
    dict(text="TOP 1 Einwohnerfragestunde\n\nHerr [[Wolfgang Brenner|PER]] fragt, warum die Hundewiese im "
         "Stadtgarten geschlossen wurde. Die Bürgermeisterin antwortet, der Rasen werde neu angelegt. Frau "
         "[[Fatma Aksoy|PER]] aus der [[Bergstraße 21|ADR]] bittet um eine zusätzliche Querungshilfe vor der "
         "Grundschule; ihr Sohn habe eine [[Autismus-Spektrum-Störung|SC]] und könne die Straße nicht allein "
         "überqueren. Die Verwaltung nimmt die Anregung auf.",
         notes="health data of an unnamed but identifiable child (via the named mother) is labelled"),
    dict(text="Beschlussvorlage Drucksache 2025/0407\nBetreff: Widerspruch gegen die Ablehnung der "
         "Bauvoranfrage Az. [[63-BV-2024-00871|AZ]]\n\nDie Bauvoranfrage der Hellmann Wohnbau GmbH für das "
         "Grundstück [[Talstraße 40–44|ADR]] wurde am 14.01. abgelehnt. Gegen die Ablehnung hat die Firma "
         "Widerspruch eingelegt. Der Widerspruch wird dem Regierungspräsidium vorgelegt, da die Stadt nicht "
         "abhilft.\n\nAnlage: Lageplan, Stellungnahme Amt 61",
         notes="a surname inside a company name is not a PERSON; Drucksache not labelled, Az. labelled"),
    dict(text="Auszug aus der Niederschrift\n\nDer Gemeinderat stellt fest, dass für Stadtrat "
         "[[Friedhelm Görlitz|PER]], der sein Mandat aus [[gesundheitlichen Gründen|SC]] niedergelegt hat, Frau "
         "[[Anja Schreiber|PER]] (SPD) als Ersatzperson nachrückt. Frau [[Schreiber|PER]] wird in der heutigen "
         "Sitzung verpflichtet. Die Oberbürgermeisterin dankt Herrn [[Görlitz|PER]] für 19 Jahre im Gemeinderat."),
]

HARD_HANDWRITTEN: list[dict] = [
    dict(text="Hi there,\n\nI'm [[Siobhan O'Connell|PER]], I just moved from Dublin to "
         "[[Weinbergweg 17, 69118 Heidelberg|ADR]]. The Bürgeramt says I need a Termin for the Anmeldung, but "
         "the online system only shows appointments in six weeks. My Irish passport number is "
         "[[PX4821937|PASS]]. Could someone call me back on [[+353 87 412 9930|TEL]] or on my German number "
         "[[0157 3384 2190|TEL]]? Thanks a lot!\n\n[[Siobhan|PER]]", notes="English with German terms"),
    dict(text="Vermerk (pseudonymisiert für die Schulung)\n\n[PERSON_1] sprach am [DATUM] im Bürgerbüro vor und "
         "legte den Mietvertrag für [ADRESSE_1] vor. Die Sachbearbeiterin [PERSON_2] stellte fest, dass die "
         "Unterschrift des Vermieters fehlte. Nicht ersetzt wurde nur die Nummer der Hotline "
         "[[0800 3344 556|TEL]]. Rückfragen zur Schulung an [[Tamara Weidinger|PER]].",
         notes="placeholders are not entities; a service number is still a PHONE"),
    dict(text="Sehr geehrte Damen und Herren,\n\nmein Name ist [[N\u0430t\u0430lia Petrenko|PER]]. Ich wohne "
         "in der [[Rheinstr\u0430ße 12|ADR]] und habe Ihnen am Montag von [[n.petrenk\u043e@example.org|MAIL]] "
         "geschrieben. Bitte rufen Sie mich unter [[0621 3 94 71 02|TEL]] an.",
         notes="Cyrillic U+0430 in the name and street, Cyrillic U+043E in the e-mail; still entities"),
    dict(text="Da Frau [[Roswitha Engelhardt-Kühn|PER]], die nach eigenen Angaben seit dem Tod ihres Mannes "
         "allein in dem Haus [[Am Mühlbach 17, 12345 Musterstadt|ADR]] lebt, wegen ihrer "
         "[[fortschreitenden Makuladegeneration|SC]] die Schreiben der Stadtkasse nicht mehr lesen kann und ihr "
         "Sohn, Herr [[Dominik Engelhardt|PER]], der in Hamburg wohnt und unter [[040 / 38 61 27 90|TEL]] oder "
         "[[dominik.engelhardt@example.com|MAIL]] erreichbar ist, inzwischen eine Vorsorgevollmacht vorgelegt "
         "hat, werden alle Bescheide zum Kassenzeichen [[6.0412.338190.4|AZ]] ab sofort in Kopie auch an ihn "
         "geschickt, wobei die Abbuchung der Grundsteuer weiterhin von dem Konto {iban} erfolgt, das auf Frau "
         "[[Engelhardt-Kühn|PER]] lautet, und die nächste Fälligkeit am 15. Mai in dem Schreiben ausdrücklich "
         "hervorgehoben werden soll, damit keine Säumniszuschläge entstehen.",
         notes="one very long sentence; 'Hamburg' alone is not an ADDRESS"),
    dict(text="Teilnehmende der Bürgerwerkstatt „Neue Mitte“ (Einwilligung zur Veröffentlichung liegt vor): "
         "[[Johannes von der Heyde|PER]], [[Marieke van den Berg|PER]], [[Luís de Oliveira Santos|PER]], "
         "[[Chiara Di Lorenzo|PER]], [[Kwame Mensah-Bonsu|PER]], [[Nguyễn Thị Hoa|PER]], "
         "[[Hans-Georg zu Wittgenfels|PER]] und [[Ursula ter Horst|PER]]. Moderation: Dr. "
         "[[Leonie vom Bruch|PER]].", notes="name particles, double names and non-German names"),
    dict(text="Adressberichtigungen für das Melderegister (Stand: Oktober)\n– [[Karl-Friedrich-Str. 12-14|ADR]]: "
         "Hausnummernbereich statt Einzelnummer\n– [[Am Alten Schlachthof 3 a|ADR]]: Zusatz mit Leerzeichen\n– "
         "[[Schillerplatz 4/1|ADR]]: Teilnummer in württembergischer Schreibweise\n– "
         "[[Kaiserallee 105a, 76185 Karlsruhe|ADR]]\n– [[An der Stadtmauer 7–9, 06108 Halle (Saale)|ADR]]\n– "
         "[[Im Gässle 2|ADR]]\nDie Bewohnerinnen und Bewohner werden schriftlich informiert. Die Kaiserallee und "
         "der Schillerplatz selbst sind von der Änderung nicht betroffen.",
         notes="house-number ranges and suffixes; the last sentence names streets without numbers"),
    dict(text="Bitte überweisen Sie die Kaution an [[Ilse Marquardt|PER]], IBAN {iban_nbsp}; Rückfragen unter "
         "[[\uff10\uff17\uff11\uff11 \uff12\uff13 \uff14\uff15 \uff16\uff17|TEL]] oder "
         "[[ilse.marquardt@example.net|MAIL]]. Die IBAN in Kleinbuchstaben aus dem alten Formular lautet "
         "{iban_lower}.", notes="no-break spaces inside the IBAN; full-width digits in the phone number; "
                            "a lower-case IBAN"),
    dict(text="Vermerk Kantine\n\nHerr [[Koch|PER]] arbeitet seit März als Koch in der Rathauskantine. Die "
         "Beschwerde von Frau [[Braun|PER]] über das zu braun gebratene Schnitzel wurde mit ihm besprochen. Herr "
         "[[Lange|PER]] vom Personalrat wartet schon lange auf einen neuen Speiseplan; dieser soll im Winter "
         "erscheinen.", notes="'Koch', 'braun', 'lange', 'Winter' as ordinary words are not PERSON"),
    dict(text="Die Hannah-Arendt-Straße wird ab Montag gesperrt. Betroffen sind auch die Anlieger der "
         "Sophie-Scholl-Allee. Die Bewohner des Hauses [[Hannah-Arendt-Straße 3|ADR]] werden gebeten, ihre "
         "Fahrzeuge bis Sonntagabend umzuparken. Ansprechpartnerin vor Ort ist Frau [[Greta Scholl|PER]] vom "
         "Tiefbauamt.", notes="names inside street names are not PERSON; streets without numbers are places"),
    dict(text="Der Antragsteller (Name geschwärzt: XXXXX XXXXX) wohnt laut Akte in der ████████ 12. Die "
         "Telefonnummer lautet 0711 ******. Beim Schwärzen übersehen wurde lediglich die E-Mail-Adresse "
         "[[kontakt.bauer@example.net|MAIL]].", notes="redacted fragments are not entities"),
    dict(text="Sehr geehrter Herr [[İbrahim Yıldırım|PER]],\n\nIhr Antrag auf Einbürgerung ist vollständig. "
         "Bitte bringen Sie zur Aushändigung der Urkunde Ihren türkischen Reisepass [[U18462930|PASS]] sowie den "
         "Nachweis über die Entlassung aus der bisherigen Staatsangehörigkeit mit. Ihre Ehefrau, Frau "
         "[[Şükran Yıldırım|PER]], kann Sie begleiten.\n\nAz. [[33.3-EB-2024/1187|AZ]]",
         notes="Turkish letters İ, ı, Ş"),
    dict(text="Kontakt für die Rückfragen zum Antrag: [[Jana.Lorenz+stadt@Example.org|MAIL]] oder, falls das "
         "nicht ankommt, [[jana.lorenz (at) example (dot) net|MAIL]]. Mobil: [[+49 (0)170 5552134|TEL]]. "
         "Antragstellerin ist [[Jana Lorenz|PER]].",
         notes="plus-addressing, mixed case and an obfuscated e-mail address are still EMAIL"),
    dict(text="Prüfung der Angaben im Antrag von Frau [[Doris Hämmerle|PER]]:\n– Steuer-ID laut Antrag: "
         "{bad.taxid} (Prüfziffer falsch, Rückfrage erforderlich)\n– Steuer-ID laut Bescheid des Finanzamts: "
         "{taxid}\n– IBAN laut Antrag: {bad.iban} (ungültig)\n– IBAN laut Kontoauszug: {iban}\n– "
         "Rentenversicherungsnummer laut Antrag: {bad.svnr} (Prüfziffer falsch)\n– Rentenversicherungsnummer "
         "laut Bescheid: {pf.svnr}\n– Ausweisnummer: {bad.idcard} (Prüfziffer falsch)",
         people={"pf": {"first": "Doris", "last": "Hämmerle", "gender": "f", "dob": (1966, 4, 9)}}),
    dict(text="hallo, hier ist [[jonas krämer|PER]] aus der [[weststr. 9|ADR]]. mein perso läuft ab "
         "(nummer {idcard}), wann kann ich vorbeikommen? handy [[01512 3456789|TEL]]",
         notes="lower-case name and street"),
    dict(text="Teilnehmerliste Seniorenausflug\n1. [[Elfriede Baumgärtner|PER]], * [[12.03.1931|DOB]]\n2. "
         "[[Karl Heinz Zöllner|PER]], geb. [[1.1.34|DOB]]\n3. [[Mathilde Esposito|PER]], Jahrgang [[1936|DOB]]\n"
         "4. [[Wilhelm Gerstenmaier|PER]], geboren im [[Mai 1938|DOB]]\nAbfahrt: 14. Juni, 8:30 Uhr am "
         "Busbahnhof. Rückkehr gegen 18 Uhr.",
         notes="birth dates of any precision are DATE_OF_BIRTH; the trip date is not"),
    dict(text="Frank und frei gesagt: Die Sprechstunde war eine Zumutung. Herr [[Frank|PER]] am Empfang war zwar "
         "freundlich, aber [[Frank Weiß|PER]] aus der Nachbarschaft wartete genau wie ich über zwei Stunden. Die "
         "weiß gestrichenen Wände im Wartebereich könnten auch mal wieder Farbe vertragen.\n\n"
         "[[Heike Albrecht|PER]]", notes="'Frank' and 'weiß' as ordinary words are not PERSON"),
    dict(text="Städtepartnerschaft – Erstattung der Reisekosten für die Gastfamilien\n\n1. [[Camille Roux|PER]] "
         "(Partnerstadt in Frankreich): {iban_fr}\n2. [[Giulia Ferraro|PER]] (Italien): {iban_it}\n3. "
         "[[Łukasz Wiśniewski|PER]] (Polen): {iban_pl}\n4. [[Marta Ruiz Ortega|PER]] (Spanien): {iban_es}\n5. "
         "[[Paul Weyland|PER]] (Luxemburg): {iban_lu}\n6. [[Sanne de Wit|PER]] (Niederlande): {iban_nl}\n"
         "Je Gastfamilie werden 240,00 € überwiesen. Rückfragen an das Partnerschaftsbüro, "
         "[[partnerschaft@musterstadt.example|MAIL]].",
         notes="IBANs from six EU countries, with and without spaces; the countries are not entities"),
    dict(text="Bezug: Ihr Schreiben vom 3. Mai, Ihr Zeichen [[HB/kr-2025-41|AZ]]\nUnser Az. "
         "[[61.2-2025/0815|AZ]]\n\nSehr geehrter Herr Rechtsanwalt [[Hellbach|PER]],\n\nzu Ihrer Anfrage "
         "verweisen wir auf die öffentliche Drucksache 2025/0815 und auf § 3 Abs. 2 BauGB. Die von Ihnen genannte "
         "Rechnungsnummer R-2025-0815 betrifft einen anderen Vorgang.",
         notes="a lawyer's 'Ihr Zeichen' is a CASE_NUMBER; the Drucksache and the invoice number are not"),
]


# --------------------------------------------------------------------------------------------------
# Build, check, write
# --------------------------------------------------------------------------------------------------

SPECS = [  # domain, templates, instances per template, hand-written passages
    ("citizen_message", CITIZEN_TEMPLATES, 4, CITIZEN_HANDWRITTEN),
    ("letter", LETTER_TEMPLATES, 4, LETTER_HANDWRITTEN),
    ("case_note", CASE_NOTE_TEMPLATES, 4, CASE_NOTE_HANDWRITTEN),
    ("council", COUNCIL_TEMPLATES, 4, COUNCIL_HANDWRITTEN),
    ("hard", HARD_TEMPLATES, 3, HARD_HANDWRITTEN),
]
CHECKSUMS = {"IBAN": iban_is_valid, "TAX_ID": steuer_id_is_valid, "SOCIAL_SECURITY": rvnr_is_valid,
             "ID_CARD": id_document_is_valid}


def make_item(item_id: str, domain: str, template: str, notes: str, overrides: dict | None = None) -> dict:
    ctx = Ctx(random.Random(f"{SEED}:{item_id}"), overrides)
    text, entities = render(template, ctx)
    all_notes = "; ".join(n for n in [notes, *ctx.notes] if n)
    item = {"id": item_id, "domain": domain, "text": text, "entities": entities, "notes": all_notes}
    check_item(item)
    return item


def check_item(item: dict) -> None:
    text, last_end = item["text"], 0
    for ent in item["entities"]:
        assert ent["type"] in LABELS, item["id"]
        assert text[ent["start"]:ent["end"]] == ent["text"], item["id"]
        assert ent["start"] >= last_end, f"{item['id']}: overlapping entities"
        assert ent["text"] == ent["text"].strip() and ent["text"], f"{item['id']}: whitespace at span edge"
        last_end = ent["end"]
        check = CHECKSUMS.get(ent["type"])
        assert check is None or check(ent["text"]), f"{item['id']}: {ent['type']} {ent['text']!r} fails checksum"


def build() -> list[dict]:
    items = []
    for domain, templates, per_template, handwritten in SPECS:
        for ti, (template, notes) in enumerate(templates, 1):
            for k in range(1, per_template + 1):
                items.append(make_item(f"{domain}-t{ti:02d}-{k}", domain, template, notes))
        for hi, passage in enumerate(handwritten, 1):
            items.append(make_item(f"{domain}-h{hi:02d}", domain, passage["text"], passage.get("notes", ""),
                                   passage.get("people")))
    ids = [it["id"] for it in items]
    assert len(ids) == len(set(ids))
    return items


def dumps(items: list[dict]) -> str:
    return "".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items)


def write(path: Path) -> list[dict]:
    items = build()
    path.write_text(dumps(items), encoding="utf-8", newline="\n")
    return items


def summary(items: list[dict]) -> str:
    """Markdown tables: items per domain, entities per type and domain."""
    per_domain = Counter(it["domain"] for it in items)
    hand = Counter(it["domain"] for it in items if "-h" in it["id"])
    empty = Counter(it["domain"] for it in items if not it["entities"])
    cross = Counter((e["type"], it["domain"]) for it in items for e in it["entities"])
    templates = {d: len(t) for d, t, _, _ in SPECS}
    lines = ["| domain | items | from templates | hand-written | templates | items without entities |",
             "|---|---:|---:|---:|---:|---:|"]
    for d in DOMAINS:
        lines.append(f"| {d} | {per_domain[d]} | {per_domain[d] - hand[d]} | {hand[d]} | {templates[d]} | {empty[d]} |")
    lines.append(f"| **total** | {len(items)} | {len(items) - sum(hand.values())} | {sum(hand.values())} | "
                 f"{sum(templates.values())} | {sum(empty.values())} |")
    lines += ["", "| type | " + " | ".join(DOMAINS) + " | total |", "|---|" + "---:|" * (len(DOMAINS) + 1)]
    for t in LABELS:
        row = [cross[(t, d)] for d in DOMAINS]
        lines.append(f"| {t} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
    total = [sum(cross[(t, d)] for t in LABELS) for d in DOMAINS]
    lines.append("| **total** | " + " | ".join(map(str, total)) + f" | {sum(total)} |")
    return "\n".join(lines) + "\n"


COUNTS_START, COUNTS_END = "<!-- counts:start (written by generate.py --readme) -->", "<!-- counts:end -->"


def update_readme(table: str) -> None:
    text = README.read_text(encoding="utf-8")
    head, rest = text.split(COUNTS_START, 1)
    _, tail = rest.split(COUNTS_END, 1)
    README.write_text(f"{head}{COUNTS_START}\n{table}{COUNTS_END}{tail}", encoding="utf-8", newline="\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the JSONL file")
    parser.add_argument("--readme", action="store_true", help="refresh the counts block in README.md")
    args = parser.parse_args(argv)
    items = write(args.out)
    table = summary(items)
    sys.stdout.write(f"wrote {len(items)} items to {args.out}\n\n{table}")
    if args.readme:
        update_readme(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
