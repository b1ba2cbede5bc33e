"""Generator for pii_de_heldout: a held-out German personal-data evaluation set for Rathaus.

Written by a second, independent author, without looking at the detector or at the first set's
generator. Standard library only. Deterministic: every item has its own ``random.Random`` seeded from
SEED and the item id, so editing one template does not change any other item.

Usage::

    python bench/data/pii_de_heldout/generate.py            # write pii_de_heldout.jsonl
    python bench/data/pii_de_heldout/generate.py --readme   # ... and refresh the counts in README.md
    python bench/data/pii_de_heldout/generate.py --check    # exit 1 if the file on disk differs

Templates and passages use a small markup:

* ``{key}`` is replaced by a value from the item's context (names, numbers, dates, see ``Ctx``);
* ``⟦CODE|text⟧`` marks an entity; CODE is a short type code (see ``CODES``).

Offsets are computed while the text is assembled, never by searching for values afterwards.

Licence: EUPL-1.2, like the Rathaus project.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "pii_de_heldout.jsonl"
README = HERE / "README.md"
SEED = "rathaus/pii_de_heldout/2025-second-author"
TODAY = dt.date(2025, 6, 16)  # reference date for ages and "recent" dates

TYPES = (
    "PERSON", "ADDRESS", "PHONE", "EMAIL", "IBAN", "BIC", "TAX_ID", "SOCIAL_SECURITY", "ID_CARD",
    "PASSPORT", "LICENSE_PLATE", "DATE_OF_BIRTH", "CASE_NUMBER", "SPECIAL_CATEGORY",
)
CODES = {
    "P": "PERSON", "A": "ADDRESS", "T": "PHONE", "E": "EMAIL", "I": "IBAN", "B": "BIC", "X": "TAX_ID",
    "S": "SOCIAL_SECURITY", "ID": "ID_CARD", "PP": "PASSPORT", "K": "LICENSE_PLATE", "D": "DATE_OF_BIRTH",
    "C": "CASE_NUMBER", "SC": "SPECIAL_CATEGORY",
}
DOMAINS = ("citizen_message", "letter", "case_note", "council", "form", "hard")

# ---------------------------------------------------------------------------------------------------
# Check digits
# ---------------------------------------------------------------------------------------------------

IBAN_LENGTHS = {"DE": 22, "AT": 20, "BE": 16, "FR": 27, "IT": 27, "ES": 24, "LU": 20, "NL": 18, "PL": 28,
                "CH": 21, "TR": 26}


def _iban_number(s: str) -> int:
    return int("".join(str(int(c, 36)) for c in s))


def iban_check_digits(country: str, bban: str) -> str:
    return f"{98 - _iban_number(bban + country + '00') % 97:02d}"


def iban_valid(value: str) -> bool:
    s = re.sub(r"\s", "", value).upper()
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]+", s) or IBAN_LENGTHS.get(s[:2]) != len(s):
        return False
    return _iban_number(s[4:] + s[:4]) % 97 == 1


def _digits(r: random.Random, n: int) -> str:
    return "".join(r.choice("0123456789") for _ in range(n))


def _be_bban(r: random.Random) -> str:
    first = _digits(r, 10)
    check = int(first) % 97 or 97
    return f"{first}{check:02d}"


def _fr_bban(r: random.Random) -> str:
    bank, branch, account = _digits(r, 5), _digits(r, 5), _digits(r, 11)
    key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
    return f"{bank}{branch}{account}{key:02d}"


_IT_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]


def _it_cin(s: str) -> str:
    total = 0
    for i, c in enumerate(s):
        v = int(c) if c.isdigit() else ord(c) - 65
        total += _IT_ODD[v] if i % 2 == 0 else v
    return chr(65 + total % 26)


def _it_bban(r: random.Random) -> str:
    rest = _digits(r, 5) + _digits(r, 5) + _digits(r, 12)
    return _it_cin(rest) + rest


def _es_dc(digits: str, weights: list[int]) -> int:
    d = 11 - sum(int(a) * w for a, w in zip(digits, weights, strict=True)) % 11
    return {11: 0, 10: 1}.get(d, d)


def _es_bban(r: random.Random) -> str:
    bank_branch, account = _digits(r, 8), _digits(r, 10)
    d1 = _es_dc("00" + bank_branch, [1, 2, 4, 8, 5, 10, 9, 7, 3, 6])
    d2 = _es_dc(account, [1, 2, 4, 8, 5, 10, 9, 7, 3, 6])
    return f"{bank_branch}{d1}{d2}{account}"


def _pl_bban(r: random.Random) -> str:
    bank = _digits(r, 7)
    check = (10 - sum(int(a) * w for a, w in zip(bank, [3, 9, 7, 1, 3, 9, 7], strict=True)) % 10) % 10
    return f"{bank}{check}{_digits(r, 16)}"


def _nl_bban(r: random.Random) -> str:
    while True:  # the old Dutch "elfproef" on the ten-digit account number
        acc = _digits(r, 10)
        if acc[0] != "0" and sum(int(a) * (10 - i) for i, a in enumerate(acc)) % 11 == 0:
            return r.choice(["RVBA", "KNOB", "TULP", "HAVN", "DIJK"]) + acc


BBAN = {
    "DE": lambda r: _digits(r, 8) + _digits(r, 10),
    "AT": lambda r: _digits(r, 16),
    "BE": _be_bban,
    "FR": _fr_bban,
    "IT": _it_bban,
    "ES": _es_bban,
    "LU": lambda r: _digits(r, 3) + _digits(r, 13),
    "NL": _nl_bban,
    "PL": _pl_bban,
    "CH": lambda r: _digits(r, 17),
    "TR": lambda r: _digits(r, 5) + "0" + _digits(r, 16),
}


def make_iban(r: random.Random, country: str = "DE") -> str:
    bban = BBAN[country](r)
    iban = country + iban_check_digits(country, bban) + bban
    assert iban_valid(iban) and len(iban) == IBAN_LENGTHS[country]
    return iban


def group4(s: str, sep: str = " ") -> str:
    return sep.join(s[i:i + 4] for i in range(0, len(s), 4))


def taxid_check_digit(first10: str) -> int:
    product = 10
    for c in first10:
        total = (int(c) + product) % 10 or 10
        product = (total * 2) % 11
    check = 11 - product
    return 0 if check == 10 else check


def taxid_structure_ok(first10: str) -> bool:
    if first10[0] == "0":
        return False
    counts = Counter(first10)
    multi = [c for c in counts.values() if c > 1]
    if len(multi) != 1 or multi[0] not in (2, 3):
        return False
    return not any(first10[i] == first10[i + 1] == first10[i + 2] for i in range(8))


def taxid_valid(value: str) -> bool:
    s = re.sub(r"\s", "", value)
    return (re.fullmatch(r"[0-9]{11}", s) is not None and taxid_structure_ok(s[:10])
            and taxid_check_digit(s[:10]) == int(s[10]))


def make_taxid(r: random.Random) -> str:
    while True:
        rep = r.choice("0123456789")
        n = r.choice([2, 2, 2, 3])
        others = r.sample([d for d in "0123456789" if d != rep], 10 - n)
        digits = others + [rep] * n
        r.shuffle(digits)
        first10 = "".join(digits)
        if taxid_structure_ok(first10):
            return first10 + str(taxid_check_digit(first10))


RV_WEIGHTS = (2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1)
RV_AREAS = ("02", "03", "04", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20",
            "21", "23", "24", "25", "26", "28", "29", "38", "39", "40", "42", "43", "44", "45", "48", "49",
            "50", "52", "53", "55", "56", "58", "59", "60", "61", "63", "64", "65", "66", "68", "69", "71",
            "72", "74", "75", "77", "78", "79", "80", "81", "82", "89")


def rv_check_digit(first11: str) -> int:
    """first11 = area (2) + birth date DDMMYY (6) + letter + serial (2)."""
    digits = first11[:8] + f"{ord(first11[8].upper()) - 64:02d}" + first11[9:11]
    total = 0
    for d, w in zip(digits, RV_WEIGHTS, strict=True):
        p = int(d) * w
        total += p // 10 + p % 10
    return total % 10


def rv_valid(value: str) -> bool:
    s = re.sub(r"\s", "", value).upper()
    return (re.fullmatch(r"[0-9]{8}[A-Z][0-9]{3}", s) is not None and rv_check_digit(s[:11]) == int(s[11]))


def fold_initial(name: str) -> str:
    """Surname initial for the Rentenversicherungsnummer: first letter, umlauts and accents folded."""
    core = re.sub(r"^(?:(?:von|van|de|der|den|ter|ten|zu|zur|vom|di|da|dos|del|la|el|al)[\s-])+", "", name,
                  flags=re.I)
    c = unicodedata.normalize("NFKD", core)[0].upper()
    return {"Ł": "L", "Ø": "O", "İ": "I", "Đ": "D"}.get(c, c)


def make_rv(r: random.Random, dob: dt.date, surname: str, sex: str) -> str:
    serial = r.randint(0, 49) + (50 if sex == "f" else 0)
    first11 = f"{r.choice(RV_AREAS)}{dob:%d%m%y}{fold_initial(surname)}{serial:02d}"
    return first11 + str(rv_check_digit(first11))


DOC_ALPHABET = "CFGHJKLMNPRTVWXYZ0123456789"


def doc_check_digit(s: str) -> int:
    total = 0
    for i, c in enumerate(s):
        v = int(c) if c.isdigit() else ord(c) - 55
        total += v * (7, 3, 1)[i % 3]
    return total % 10


def id_card_valid(value: str) -> bool:
    s = value.upper()
    if not re.fullmatch(f"[{DOC_ALPHABET}]{{9}}[0-9]?", s):
        return False
    return len(s) == 9 or doc_check_digit(s[:9]) == int(s[9])


def make_doc_number(r: random.Random, first: str, with_check: bool) -> str:
    s = r.choice(first) + "".join(r.choice(DOC_ALPHABET) for _ in range(8))
    return s + str(doc_check_digit(s)) if with_check else s


# ---------------------------------------------------------------------------------------------------
# Name lists (written for this set)
# ---------------------------------------------------------------------------------------------------

def _w(s: str) -> list[str]:
    return s.split()


NAMES: dict[str, dict[str, list]] = {
    "de": {
        "f": _w("Anna Lena Julia Katharina Sabine Monika Ursula Renate Petra Birgit Claudia Andrea Susanne "
                "Stefanie Nicole Melanie Jana Laura Lea Hannah Emma Mia Sophie Charlotte Greta Frieda Ilse "
                "Hildegard Gisela Waltraud Ingrid Elke Heike Anke Silke Doris Marianne Brigitte Christa "
                "Rosemarie Annegret Dörte Wiebke Frauke Gesine Johanna Magdalena Theresa Veronika Carina "
                "Franziska Svenja Nadine Tanja Sandra Simone Yvonne Anja Marlene Antje Kerstin Ulrike "
                "Gudrun Lieselotte Marie-Luise Anna-Lena Ann-Kathrin Elisabeth Luise Paula Ida Clara "
                "Mathilda Henriette Eva-Maria Lisa-Marie Irmgard Hedwig Roswitha Edeltraud Sieglinde"),
        "m": _w("Thomas Michael Andreas Stefan Jürgen Klaus Wolfgang Dieter Uwe Markus Matthias Christian "
                "Tobias Florian Sebastian Jonas Lukas Leon Finn Paul Felix Moritz Henrik Johannes Benedikt "
                "Hans-Peter Karl-Heinz Heinz Günter Manfred Gerhard Horst Bernd Rainer Joachim Ulrich "
                "Volker Dirk Holger Torsten Sven Jan Nils Malte Ole Jannik Till Konstantin Friedrich "
                "Wilhelm Ludwig Anton Emil Theo Oskar Vincent Philipp Dominik Timo Kai Lars Detlef "
                "Reinhard Siegfried Werner Alfons Gottfried Eberhard Armin Hartmut Hans-Jürgen "
                "Klaus-Dieter Jan-Hendrik Burkhard Egon Fridolin"),
        "s": _w("Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Hoffmann Schäfer Richter Klein "
                "Schröder Neumann Zimmermann Krüger Hartmann Lehmann Köhler Herrmann König Mayer Huber "
                "Kaiser Peters Scholz Möller Jung Hahn Schubert Keller Günther Berger Winkler Roth Beck "
                "Lorenz Baumann Albrecht Schuster Böhm Kraus Schumacher Krämer Vogt Stein Jäger Seidel "
                "Brandt Haas Schreiber Graf Dietrich Ziegler Kuhn Pohl Engel Horn Busch Bergmann Sauer "
                "Arnold Pfeiffer Eisele Häberle Kächele Schwörer Rombach Zipperle Gschwind Bühler Maier "
                "Pfisterer Ockenfuß Hägele Dörflinger Wörner Kienzle Stadelmann Trautwein Knöpfle Reichle "
                "Hummel Gehring Strobel Oberle Hörth Lämmle Mühlhäuser Kopp Rieger Zehnder Gutekunst "
                "Sieber Vetter Eckert Ruf Nägele Fritsch Wiedemann Brenneisen Ketterer Ganter Heitzmann "
                "Kuderer Oswald Rapp Dold Faller Kirner Mutschler Beuttler Hauber Dürr Kolb Leibold "
                "Ehrhardt Sackmann Tröndle Birkenmaier Scheuermann Kaltenbach Feger Vollmer Löffler "
                "Bächle Jehle Zeller Weißhaar Stöckle Ertl Hutter Mohr Plappert Ebner Grimm Janssen "
                "Hinrichs Petersen Carstens Ohlsen Tiedemann Brüning Meinders Rademacher Harms Claußen "
                "Pietsch Lehnert Kretschmer Schulze Rößler Uhlig Pfützner Lindner Reimer Friesen Penner "
                "Thiessen Klassen Neufeld Dyck Wiebe Fuchs Koch Lange Braun Winter Frank Weiß Sommer Vogel "
                "Wolf Bauer Kessler Ströbele Rübsamen Oberdorfer Berberich Gänswein Hafner Kinzler"),
    },
    "tr": {
        "f": _w("Ayşe Fatma Emine Elif Zeynep Merve Esra Büşra Özlem Gülsüm Hatice Sevgi Derya Selin Yasemin "
                "Dilek Songül Melek Cansu Ebru Sibel Hülya Aylin Ece Rojda Berfin Dilan Zozan Şirin Nur"),
        "m": _w("Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim Murat Emre Burak Serkan Kemal Osman Yusuf "
                "Onur Tolga Erdem Barış Oğuz Volkan Kaan Engin Recep Rojhat Baran Azad Serhat Welat Deniz"),
        "s": _w("Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan "
                "Çetin Kara Kurt Özkan Şimşek Polat Korkmaz Güneş Aktaş Bulut Keskin Ünal Tekin Karaca Acar "
                "Uçar Bozkurt Avcı Ateş Turan Sarı Gündoğdu Altıntaş Kazancı Erbil Tunç Sezer Coşkun"),
    },
    "pl": {
        "f": _w("Agnieszka Katarzyna Małgorzata Magdalena Joanna Aleksandra Ewa Zofia Dorota Justyna Beata "
                "Krystyna Marta Natalia Weronika Halina Bożena Grażyna"),
        "m": _w("Tomasz Piotr Krzysztof Paweł Marcin Michał Łukasz Grzegorz Jakub Wojciech Mateusz Kamil "
                "Dariusz Andrzej Mariusz Zbigniew Przemysław Sławomir"),
        "s": _w("Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański "
                "Woźniak Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski "
                "Pawlak Michalski Zając Król Wieczorek Jabłoński Wróbel Majewski Olszewski Stępień Jaworski "
                "Malinowski Górski Sikora Szewczyk Ostrowski Nowicki Wawrzyniak Chmielewski Sobczak"),
    },
    "ua": {
        "f": _w("Kateryna Yuliia Olha Iryna Tetiana Nataliia Oksana Svitlana Anastasiia Viktoriia Daryna "
                "Sofiia Mariia Liudmyla Halyna Valentyna Khrystyna Ulyana"),
        "m": _w("Oleksandr Andrii Dmytro Serhii Mykola Vasyl Yurii Ivan Maksym Bohdan Artem Denys Oleh "
                "Vitalii Roman Ihor Yaroslav Mykhailo"),
        "s": _w("Kovalenko Bondarenko Tkachenko Kravchenko Melnyk Boiko Oliinyk Kovalchuk Lysenko Moroz "
                "Marchenko Rudenko Savchenko Petrenko Polishchuk Tkachuk Klymenko Pavlenko Hnatiuk "
                "Kuzmenko Semeniuk Yaremchuk Honcharuk Dovhaniuk Levchenko Ostapchuk"),
    },
    "ru": {
        "f": _w("Natalja Olga Swetlana Jelena Irina Tatjana Ljudmila Galina Valentina Anastasia Oxana "
                "Jekaterina Larissa"),
        "m": _w("Waldemar Viktor Eugen Alexander Sergej Dmitrij Andrej Wladimir Juri Nikolai Artur Eduard "
                "Igor Alexej Witali"),
        "s": _w("Iwanow Petrow Smirnow Kusnezow Popow Wolkow Morosow Sokolow Lebedew Kowaljow Sacharow "
                "Reimer Dyck Friesen Penner Thiessen Enns Wiebe Klassen Neufeld Unruh Gering"),
    },
    "it": {
        "f": _w("Giulia Francesca Chiara Valentina Federica Alessia Martina Elena Silvia Antonella "
                "Giuseppina Carmela Rosaria Concetta"),
        "m": _w("Giuseppe Antonio Giovanni Francesco Salvatore Luca Marco Alessandro Matteo Davide Vincenzo "
                "Domenico Pasquale Lorenzo Andrea Gaetano"),
        "s": _w("Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Gallo De_Luca "
                "Mancini Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Rinaldi Caruso Ferrara "
                "Leone Longo Gentile Martinelli Vitale Coppola De_Santis D'Angelo Marchetti Parisi "
                "Ferraro Palumbo Sanna Cattaneo Morelli Amato Silvestri Caputo Sorrentino D'Amico "
                "Garibaldi Iannuzzi Scognamiglio"),
    },
    "gr": {
        "f": _w("Maria Eleni Katerina Georgia Sofia Dimitra Vasiliki Athina Despina Paraskevi"),
        "m": _w("Georgios Dimitrios Konstantinos Ioannis Nikolaos Christos Panagiotis Vasilios "
                "Athanasios Evangelos Stavros Spyros"),
        "s": [("Papadopoulos", "Papadopoulou"), ("Georgiou", "Georgiou"), ("Nikolaidis", "Nikolaidou"),
              ("Konstantinidis", "Konstantinidou"), ("Papadakis", "Papadaki"),
              ("Karagiannis", "Karagianni"), ("Vlachos", "Vlachou"), ("Oikonomou", "Oikonomou"),
              ("Christodoulou", "Christodoulou"), ("Dimitriou", "Dimitriou"), ("Makris", "Makri"),
              ("Antoniou", "Antoniou"), ("Ioannidis", "Ioannidou"), ("Tsoukalas", "Tsoukala")],
    },
    "bk": {
        "f": _w("Ana Ivana Marija Jelena Maja Mirela Amra Amela Lejla Emina Selma Dragana Snežana Vesna Arta "
                "Blerta Drita Fjolla Albulena"),
        "m": _w("Ivan Marko Luka Nikola Dragan Zoran Goran Milan Stefan Amir Emir Adnan Edin Kenan Haris "
                "Dario Josip Tomislav Arben Besnik Driton Fatmir Agron Valon Ilir"),
        "s": _w("Horvat Kovačević Babić Marić Jurić Kovačić Knežević Vuković Marković Petrović Jovanović "
                "Nikolić Đorđević Ilić Stojanović Hodžić Hadžić Begić Mehmedović Delić Selimović Krasniqi "
                "Berisha Gashi Morina Shala Hoxha Bytyqi Kryeziu Rexhepi Ahmeti Hasani Mujkić"),
    },
    "ro": {
        "f": _w("Andreea Ioana Mihaela Alina Cristina Gabriela Raluca Daniela Simona Desislava Milena"),
        "m": _w("Andrei Mihai Ionuț Alexandru Florin Bogdan Cătălin Marius Adrian Gheorghe Radoslav Plamen"),
        "s": _w("Popescu Ionescu Popa Radu Dumitru Stoica Munteanu Ciobanu Dobre Moldovan Lazăr Stanciu "
                "Iordache Ivanov Georgiev Dimitrov Petkov Stoyanov"),
    },
    "ar": {
        "f": _w("Fatima Aisha Mariam Noor Layla Rania Hiba Amal Yasmin Salma Dalia Huda Samira Lina Rasha "
                "Reem Zainab Sara Nour Ghada"),
        "m": _w("Mohammed Ahmad Omar Khaled Youssef Ali Hassan Mahmoud Tarek Bilal Karim Samer Rami Firas "
                "Nabil Ibrahim Walid Hamza Anas Abdullah Mustafa Jamal Mohamad Ayman"),
        "s": _w("Al-Hassan Haddad Khoury Nasser Mansour Saleh Darwish Hamdan Al-Masri Haidar Ibrahim Khalil "
                "Abboud Suleiman Yousef Othman Alhamoud Al-Ahmad Kassem Barakat Shaker El_Amrani Benali "
                "Bouzid El-Khatib Aziz Alshami Hamoud Qasim Khalaf"),
    },
    "fa": {
        "f": _w("Zahra Maryam Fereshteh Shirin Parisa Mina Nasrin Soraya Laleh Farida Mahsa Negin"),
        "m": _w("Mohammad Reza Hamid Farid Javad Omid Mehdi Amir Navid Behnam Shahram Wahid Habib Sayed"),
        "s": _w("Ahmadi Hosseini Karimi Rahimi Mohammadi Rezaei Jafari Hashemi Sadeghi Azizi Noori Sultani "
                "Popal Wardak Stanikzai Amiri Haidari Sharifi"),
    },
    "vn": {
        "f": _w("Lan Hoa Linh Huong Thu Ngoc Trang Thuy Hanh Thi_Lan Thi_Hoa Thi_Mai"),
        "m": _w("Minh Duc Tuan Hung Nam Quang Thanh Long Dung Hieu Khanh Bao Van_Hung"),
        "s": _w("Nguyen Tran Le Pham Hoang Phan Vu Dang Bui Ngo Duong Ly Trinh"),
    },
    "cn": {
        "f": _w("Xiaoyan Mei Jing Yan Fang Hui Xiuying Ling"),
        "m": _w("Wei Jun Lei Hao Jian Tao Yong Qiang"),
        "s": _w("Wang Zhang Liu Chen Yang Huang Zhao Zhou Xu Sun Zhu Guo Lin"),
    },
    "af": {
        "f": _w("Ama Akosua Abena Efua Chiamaka Ngozi Adaeze Aminata Fatoumata Awa Mariama Aissatou "
                "Blessing Grace Esther Senait Mehret Selam Yordanos Saba Rahel Eden"),
        "m": _w("Kwame Kofi Kwabena Yaw Kojo Emeka Chinedu Obinna Ikechukwu Ibrahima Mamadou Moussa "
                "Ousmane Abdoulaye Sekou Samuel Yonas Tesfaye Dawit Habtom Filmon Kidane Fotso"),
        "s": _w("Mensah Owusu Asante Appiah Osei Addo Okafor Okonkwo Eze Nwosu Adeyemi Oyelaran Diallo "
                "Bah Barry Camara Touré Traoré Keita Sow Ndiaye Fofana Kamara Tesfay Gebremedhin Haile "
                "Tekle Berhane Asfaha Woldemariam Tchamba Kamga Nkemelu"),
    },
    "fr": {
        "f": _w("Camille Chloé Manon Élodie Amélie Céline Juliette Margaux Sandrine Nathalie Isabelle"),
        "m": _w("Julien Nicolas Mathieu Guillaume Antoine Pierre Théo Hugo Olivier Stéphane Sébastien Benoît"),
        "s": _w("Bernard Dubois Robert Richard Petit Durand Leroy Moreau Laurent Lefèvre Michel Bertrand "
                "Roux Fournier Morel Girard Mercier Blanc Guérin Boyer Chevalier Lambert Faure Bonnet "
                "Gauthier Perrin Clément Fontaine Marchand"),
    },
    "es": {
        "f": _w("Lucía Carmen Marta Paula Alba Pilar Rocío Beatriz Inês Joana Mariana Conceição"),
        "m": _w("Javier Alejandro Pablo Diego Sergio Álvaro Jorge Carlos Miguel Raúl João Tiago Rui Pedro "
                "Nuno Gonçalo"),
        "s": _w("García Fernández González Rodríguez López Martínez Sánchez Pérez Gómez Ruiz Díaz Moreno "
                "Muñoz Álvarez Romero Navarro Torres Domínguez Vázquez Silva Santos Ferreira Pereira "
                "Oliveira Costa Rodrigues Martins Sousa Fernandes Gonçalves Lopes Marques Almeida Ribeiro "
                "Carvalho Teixeira dos_Santos da_Silva de_la_Cruz"),
    },
    "in": {
        "f": _w("Priya Ananya Divya Kavya Lakshmi Deepa Sunita Anjali Meera Shreya Ayesha Tharani"),
        "m": _w("Rahul Arjun Vikram Sanjay Anil Rajesh Karthik Suresh Aditya Rohan Imran Tharshan Kajan"),
        "s": _w("Sharma Patel Singh Kumar Gupta Reddy Iyer Nair Menon Rao Krishnan Chaudhary Joshi Mehta "
                "Banerjee Khan Qureshi Sivakumar Thiruchelvam Balasubramaniam"),
    },
    "uk": {
        "f": _w("Siobhan Aoife Niamh Ciara Orla Emily Olivia Fiona Bridget"),
        "m": _w("Seán Ciarán Niall Eoin Padraig Declan Oliver Harry George James Callum"),
        "s": _w("O'Brien O'Sullivan Murphy Kelly Walsh Byrne Ryan O'Connor McCarthy Doyle Gallagher Smith "
                "Jones Taylor Wilson Evans Thompson Davies Hughes Clarke"),
    },
    "nl": {
        "f": _w("Femke Sanne Lotte Anouk Maartje Astrid Linnea Sigrid Elin Karin Ingrid"),
        "m": _w("Daan Sem Bram Joost Ruud Pieter Lars Erik Anders Björn Gustav"),
        "s": _w("de_Vries van_den_Berg van_Dijk Bakker Jansen Visser Smit Meijer de_Boer Mulder de_Jong "
                "Bos Vos Peeters van_Leeuwen Dekker Brouwer de_Wit Dijkstra de_Graaf van_der_Meer Kok "
                "Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Lindqvist "
                "Bergström Sjöberg Holm"),
    },
    "hu": {
        "f": _w("Zsófia Eszter Katalin Réka Anikó"),
        "m": _w("László Zoltán Gábor Attila Balázs"),
        "s": _w("Nagy Kovács Tóth Szabó Horváth Varga Kiss Molnár Németh Farkas"),
    },
}
ORIGIN_WEIGHTS = {"de": 48, "tr": 10, "pl": 5, "ua": 5, "ru": 4, "it": 4, "gr": 2, "bk": 5, "ro": 3, "ar": 5,
                  "fa": 2, "vn": 2, "cn": 1, "af": 3, "fr": 1, "es": 2, "in": 2, "uk": 1, "nl": 1, "hu": 1}
GERMAN_PARTICLE_SURNAMES = _w("von_Bredow von_der_Heide vom_Stein zur_Nieden ter_Haar ten_Brink von_Lindenau "
                              "von_Ahlefeldt van_Essen von_Kessel zu_Ysenburg von_der_Osten")
GERMAN_DOUBLE_FIRST = {"f": _w("Anna-Lena Marie-Luise Eva-Maria Ann-Kathrin Lisa-Marie Hanna-Sophie"),
                       "m": _w("Hans-Peter Karl-Heinz Hans-Jürgen Klaus-Dieter Jan-Hendrik Franz-Josef")}
# Combinations that would name well-known public figures are re-drawn.
BLOCKED = {("Angela", "Merkel"), ("Olaf", "Scholz"), ("Helmut", "Kohl"), ("Helmut", "Schmidt"),
           ("Gerhard", "Schröder"), ("Thomas", "Müller"), ("Michael", "Schumacher"), ("Boris", "Becker"),
           ("Cem", "Özdemir"), ("Andrzej", "Duda"), ("Robert", "Lewandowski"), ("Christian", "Lindner"),
           ("Friedrich", "Merz"), ("Markus", "Söder"), ("Jürgen", "Klopp"), ("Joachim", "Löw"),
           ("Thomas", "Gottschalk"), ("Dieter", "Bohlen"), ("Giuseppe", "Conte"), ("Mario", "Monti"),
           ("Sebastian", "Vettel"), ("Manuel", "Neuer"), ("Til", "Schweiger"), ("Mehmet", "Scholl"),
           ("Wolfgang", "Schäuble"), ("Karl", "Lauterbach"), ("Frank-Walter", "Steinmeier")}

# ---------------------------------------------------------------------------------------------------
# Places, organisations and other values
# ---------------------------------------------------------------------------------------------------

# name, postcode prefix, area code, plate code
TOWNS = [
    ("Karlsruhe", "761", "0721", "KA"), ("Rastatt", "7643", "07222", "RA"), ("Baden-Baden", "7653", "07221", "BAD"),
    ("Stuttgart", "703", "0711", "S"), ("Freiburg im Breisgau", "791", "0761", "FR"), ("Heidelberg", "691", "06221", "HD"),
    ("Mannheim", "681", "0621", "MA"), ("Pforzheim", "751", "07231", "PF"), ("Heilbronn", "740", "07131", "HN"),
    ("Ulm", "890", "0731", "UL"), ("Tübingen", "720", "07071", "TÜ"), ("Reutlingen", "727", "07121", "RT"),
    ("Esslingen am Neckar", "737", "0711", "ES"), ("Ludwigsburg", "716", "07141", "LB"), ("Konstanz", "784", "07531", "KN"),
    ("Offenburg", "776", "0781", "OG"), ("Bruchsal", "7664", "07251", "KA"), ("Ettlingen", "7627", "07243", "KA"),
    ("Bühl", "7781", "07223", "RA"), ("Gaggenau", "7657", "07225", "RA"), ("Gernsbach", "7659", "07224", "RA"),
    ("Frankfurt am Main", "603", "069", "F"), ("Köln", "506", "0221", "K"), ("Berlin", "104", "030", "B"),
    ("Hamburg", "221", "040", "HH"), ("München", "803", "089", "M"), ("Nürnberg", "904", "0911", "N"),
    ("Dortmund", "441", "0231", "DO"), ("Leipzig", "043", "0341", "L"), ("Dresden", "011", "0351", "DD"),
    ("Kassel", "341", "0561", "KS"), ("Mainz", "551", "06131", "MZ"), ("Saarbrücken", "661", "0681", "SB"),
    ("Bremen", "283", "0421", "HB"), ("Hannover", "301", "0511", "H"), ("Bielefeld", "336", "0521", "BI"),
    ("Augsburg", "861", "0821", "A"), ("Regensburg", "930", "0941", "R"), ("Würzburg", "970", "0931", "WÜ"),
    ("Erfurt", "990", "0361", "EF"), ("Kiel", "241", "0431", "KI"), ("Rostock", "180", "0381", "HRO"),
    ("Göttingen", "370", "0551", "GÖ"), ("Offenbach am Main", "630", "069", "OF"), ("Duisburg", "470", "0203", "DU"),
    ("Speyer", "6734", "06232", "SP"), ("Landau in der Pfalz", "7682", "06341", "LD"), ("Kehl", "7769", "07851", "OG"),
    ("Lörrach", "7953", "07621", "LÖ"), ("Villingen-Schwenningen", "780", "07721", "VS"), ("Sinsheim", "7488", "07261", "HD"),
]
HOME_TOWNS = TOWNS[:21]  # the administration sits in Baden-Württemberg
AT_PLACES = [("5020", "Salzburg"), ("4020", "Linz"), ("1100", "Wien"), ("8010", "Graz"), ("6020", "Innsbruck")]

STREETS = _w(
    "Hauptstraße Bahnhofstraße Lindenweg Kaiserallee Schillerstraße Goethestraße Am_Mühlbach Im_Grund "
    "Kirchgasse Gartenstraße Rosenweg Eichendorffstraße Hans-Thoma-Straße Sophienstraße Karl-Friedrich-Straße "
    "Rheinstraße Durlacher_Allee Amalienstraße An_der_Stadtmauer Zum_Sportplatz Auf_dem_Berg Bergstraße "
    "Wiesenweg Fliederweg Ahornweg Birkenstraße Tulpenweg Max-Planck-Straße Albert-Schweitzer-Weg "
    "Geschwister-Scholl-Straße Bertha-von-Suttner-Straße Friedrichsplatz Am_Alten_Bahnhof Hinter_den_Gärten "
    "Untere_Mühlstraße Obere_Torstraße Neckarstraße Uferstraße Waldstraße Ringstraße Talweg Steinstraße "
    "Industriestraße Im_Vogelsang Mozartstraße Beethovenweg Lessingstraße Heinestraße Kantstraße "
    "Anne-Frank-Straße Weinbergstraße Schloßstraße Kronenstraße Adlerstraße Ludwig-Erhard-Allee Fasanenweg "
    "Buchenweg Mittelstraße Kastanienallee Kolpingstraße Robert-Koch-Straße Clara-Zetkin-Straße "
    "Alte_Landstraße Heidelberger_Straße Pforzheimer_Straße Badener_Straße Murgtalstraße Am_Federbach "
    "Lange_Straße An_der_Alten_Ziegelei Schwarzwaldstraße Hebelstraße Zähringerstraße Scheffelstraße "
    "Im_Winkel Gottlieb-Daimler-Straße Kapellenweg Ostendstraße Gutenbergstraße Luisenstraße Oststadtring"
)
FEM_STREETS = [s for s in STREETS if s.endswith(("straße", "gasse", "allee", "Straße", "Allee"))
               and not s.startswith(("Untere_", "Obere_", "Lange_", "Alte_"))]
CARS = ["VW Golf", "Opel Corsa", "Škoda Octavia", "Ford Fiesta", "BMW 320d", "Mercedes A-Klasse", "Fiat 500",
        "Renault Clio", "Toyota Yaris", "Dacia Sandero", "Seat Ibiza", "Hyundai i30", "VW Caddy", "Audi A4",
        "Tesla Model 3", "Peugeot 208", "Mazda CX-5", "VW ID.3"]
COMPANIES = ["Kessler & Söhne Bedachungen", "Autohaus Berberich", "Bäckerei Ströbele", "Elektro Kazancı GmbH",
             "Schreinerei Vollmer", "Malerbetrieb Nowicki", "Reinigungsservice Petrović", "Immobilien Garibaldi",
             "Steuerkanzlei Rübsamen & Partner", "Gerüstbau Oberdorfer GmbH", "Hausverwaltung Kinzler KG",
             "Fahrschule Papadakis", "Gänswein Wohnbau GmbH", "Pflegedienst Hafner", "Umzüge Mensah & Co."]
CLUBS = ["TSV Grünwinkel 1898 e. V.", "Kleingartenverein Am Federbach e. V.", "Förderverein Hebelschule",
         "Deutsch-Türkischer Kulturverein", "Polnischer Chor Słowik", "Schachclub Springer 1921",
         "Narrenzunft Schlosshexen", "Ukrainischer Elternverein Sonjashnyk", "Radsportverein Wanderlust"]
SCHOOLS = ["Sophie-Scholl-Gymnasium", "Anne-Frank-Realschule", "Albert-Schweitzer-Grundschule",
           "Johann-Peter-Hebel-Schule", "Clara-Schumann-Musikschule", "Astrid-Lindgren-Kita",
           "Kita Regenbogen", "Kita Pusteblume", "Waldkindergarten Eichhörnchen"]
DIAGNOSES = ["Diabetes Typ 1", "Multiple Sklerose", "Epilepsie", "Depression", "Long Covid", "Asthma",
             "Bandscheibenvorfall", "Morbus Crohn", "rheumatoide Arthritis", "Parkinson", "Brustkrebs",
             "Herzinsuffizienz", "chronische Niereninsuffizienz", "Angststörung",
             "posttraumatische Belastungsstörung", "Schlaganfall", "Lungenkrebs", "Autismus-Spektrum-Störung",
             "ADHS", "Alkoholabhängigkeit", "bipolare Störung", "Hörverlust beidseitig", "COPD"]
RELIGIONS = ["römisch-katholisch", "evangelisch", "muslimisch", "alevitisch", "jüdisch", "griechisch-orthodox",
             "evangelisch-lutherisch", "neuapostolisch", "jesidisch", "buddhistisch", "russisch-orthodox"]
UNIONS = ["Mitglied der IG Metall", "ver.di-Mitglied", "GEW-Mitglied", "Mitglied der IG BCE",
          "Mitglied der NGG", "Gewerkschaftsmitglied", "Mitglied bei ver.di", "Mitglied der EVG"]
DISABILITIES = ["Schwerbehinderung (GdB {g})", "GdB {g}, Merkzeichen G", "Schwerbehinderung mit GdB {g}",
                "GdB von {g}", "Schwerbehindertenausweis (GdB {g}, Merkzeichen aG)"]
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
MOBILE_PREFIXES = ["0151", "0152", "0157", "0159", "0160", "0162", "0163", "0170", "0171", "0172", "0173",
                   "0174", "0175", "0176", "0177", "0178", "0179", "0155", "0156"]
MAIL_DOMAINS = ["example.org", "example.com", "example.net", "mail.example", "posteingang.example",
                "web-mail.example", "familienpost.example", "briefkasten.example"]
DEPTS = ["buergerbuero", "wohngeld", "standesamt", "auslaenderbehoerde", "bussgeldstelle", "sozialamt",
         "jugendamt", "bauamt", "steueramt", "stadtkasse", "ordnungsamt", "friedhofsamt", "kita-anmeldung",
         "gewerbeamt", "datenschutz", "poststelle", "einbuergerung", "info"]
AMT = ["Bürgerbüro", "Amt für Soziales", "Ordnungsamt", "Standesamt", "Ausländerbehörde", "Bauordnungsamt",
       "Jugendamt", "Stadtkasse", "Steueramt", "Amt für Wohnungswesen", "Friedhofsverwaltung",
       "Straßenverkehrsbehörde"]


# ---------------------------------------------------------------------------------------------------
# Small helpers for values
# ---------------------------------------------------------------------------------------------------

def ascii_fold(s: str) -> str:
    s = (s.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("Ä", "Ae").replace("Ö", "Oe")
         .replace("Ü", "Ue").replace("ß", "ss"))
    s = s.translate(str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "İ": "I"}))
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def tr_fold(s: str) -> str:
    """How Turkish names are often written on German forms: ş/ç/ğ/ı folded, ö/ü kept."""
    return s.translate(str.maketrans({"ş": "s", "Ş": "S", "ç": "c", "Ç": "C", "ğ": "g", "ı": "i", "İ": "I"}))


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(s).lower()).strip("-")


def rand_date(r: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=r.randint(0, (end - start).days))


def fmt_date(d: dt.date, style: str) -> str:
    return {
        "dot": f"{d:%d.%m.%Y}",
        "dotshort": f"{d.day}.{d.month}.{d.year}",
        "long": f"{d.day}. {MONTHS[d.month - 1]} {d.year}",
        "iso": f"{d:%Y-%m-%d}",
        "en": f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}",
        "month": f"{MONTHS[d.month - 1]} {d.year}",
        "year": f"{d.year}",
        "dot2": f"{d:%d.%m.%y}",
    }[style]


def group_digits(s: str, r: random.Random) -> str:
    style = r.choice(["plain", "pairs", "split"])
    if style == "pairs":
        head = s[:len(s) % 2] if len(s) % 2 else ""
        rest = s[len(head):]
        return " ".join(([head] if head else []) + [rest[i:i + 2] for i in range(0, len(rest), 2)])
    if style == "split":
        k = len(s) // 2
        return f"{s[:k]} {s[k:]}"
    return s


def make_landline(r: random.Random, area: str) -> str:
    sub = str(r.randint(2, 9)) + _digits(r, 10 - len(area) + r.choice([0, 1]))
    a = area[1:]
    style = r.choice(["space", "slash", "slash_sp", "dash", "intl", "intl0", "0049", "paren", "spaced_ac",
                      "ext"])
    if style == "space":
        return f"{area} {group_digits(sub, r)}"
    if style == "slash":
        return f"{area}/{sub}"
    if style == "slash_sp":
        return f"{area} / {group_digits(sub, r)}"
    if style == "dash":
        return f"{area}-{sub}"
    if style == "intl":
        return f"+49 {a} {sub}"
    if style == "intl0":
        return f"+49 (0){a} {group_digits(sub, r)}"
    if style == "0049":
        return f"0049 {a} {sub}"
    if style == "paren":
        return f"({area}) {group_digits(sub, r)}"
    if style == "spaced_ac":
        return f"({' '.join(area[:2])} {area[2:]}) {group_digits(sub, r)}"
    return f"{area} {sub[:-2]}-{sub[-2:]}"


def make_mobile(r: random.Random) -> str:
    pre = r.choice(MOBILE_PREFIXES)
    sub = _digits(r, r.choice([7, 8]))
    style = r.choice(["plain", "dash", "slash", "intl", "intl0", "groups"])
    return {
        "plain": f"{pre} {sub}",
        "dash": f"{pre}-{sub}",
        "slash": f"{pre}/{sub[:4]} {sub[4:]}",
        "intl": f"+49 {pre[1:]} {sub}",
        "intl0": f"+49 (0) {pre[1:]} {sub[:3]} {sub[3:]}",
        "groups": f"{pre} {sub[:3]} {sub[3:6]} {sub[6:]}",
    }[style]


FOREIGN_PHONES = {
    "tr": lambda r: f"+90 5{r.randint(30, 59)} {_digits(r, 3)} {_digits(r, 2)} {_digits(r, 2)}",
    "pl": lambda r: f"+48 {r.choice('5678')}{_digits(r, 2)} {_digits(r, 3)} {_digits(r, 3)}",
    "ua": lambda r: f"+380 {r.choice(['50', '63', '66', '67', '68', '93', '97'])} {_digits(r, 3)} {_digits(r, 2)} {_digits(r, 2)}",
    "it": lambda r: f"+39 3{_digits(r, 2)} {_digits(r, 3)} {_digits(r, 4)}",
    "fr": lambda r: f"+33 6 {_digits(r, 2)} {_digits(r, 2)} {_digits(r, 2)} {_digits(r, 2)}",
    "at": lambda r: f"+43 662 {_digits(r, 6)}",
    "nl": lambda r: f"+31 6 {_digits(r, 8)}",
    "uk": lambda r: f"+44 7700 900{_digits(r, 3)}",
    "ro": lambda r: f"+40 7{_digits(r, 2)} {_digits(r, 3)} {_digits(r, 3)}",
    "gr": lambda r: f"+30 69{_digits(r, 1)} {_digits(r, 3)} {_digits(r, 4)}",
    "in": lambda r: f"+91 9{_digits(r, 4)} {_digits(r, 5)}",
    "af": lambda r: f"+233 {r.choice(['20', '24', '54'])} {_digits(r, 3)} {_digits(r, 4)}",
    "ar": lambda r: f"+963 9{_digits(r, 2)} {_digits(r, 3)} {_digits(r, 3)}",
    "fa": lambda r: f"+93 7{_digits(r, 1)} {_digits(r, 3)} {_digits(r, 4)}",
    "vn": lambda r: f"+84 9{_digits(r, 1)} {_digits(r, 3)} {_digits(r, 2)} {_digits(r, 2)}",
    "es": lambda r: f"+34 6{_digits(r, 2)} {_digits(r, 3)} {_digits(r, 3)}",
    "bk": lambda r: f"+383 4{r.choice('3459')} {_digits(r, 3)} {_digits(r, 3)}",
    "cn": lambda r: f"+86 13{_digits(r, 1)} {_digits(r, 4)} {_digits(r, 4)}",
    "hu": lambda r: f"+36 30 {_digits(r, 3)} {_digits(r, 4)}",
    "ru": lambda r: f"+7 9{_digits(r, 2)} {_digits(r, 3)}-{_digits(r, 2)}-{_digits(r, 2)}",
}
FOREIGN_PASSPORTS = {
    "tr": lambda r: "U" + _digits(r, 8),
    "uk": lambda r: r.choice(["PX", "PA", "LB"]) + _digits(r, 7),
    "pl": lambda r: r.choice(["EA", "EK", "ER"]) + _digits(r, 7),
    "ua": lambda r: r.choice(["FA", "FE", "FK", "GA"]) + _digits(r, 6),
    "it": lambda r: r.choice(["YA", "YB", "YC"]) + _digits(r, 7),
    "fr": lambda r: _digits(r, 2) + r.choice(["AB", "CK", "FD", "HR"]) + _digits(r, 5),
    "ar": lambda r: "N" + _digits(r, 9),
    "fa": lambda r: r.choice(["P", "R"]) + _digits(r, 8),
    "af": lambda r: r.choice(["G", "A"]) + _digits(r, 8),
    "in": lambda r: r.choice("JKLMNPRTUVWZ") + _digits(r, 7),
    "ru": lambda r: f"{_digits(r, 2)} {_digits(r, 7)}",
    "ro": lambda r: "05" + _digits(r, 7),
    "bk": lambda r: r.choice(["P0", "P1"]) + _digits(r, 7),
    "gr": lambda r: r.choice(["AK", "AN", "AT"]) + _digits(r, 7),
    "vn": lambda r: r.choice(["C", "B"]) + _digits(r, 7),
    "cn": lambda r: "E" + _digits(r, 8),
    "es": lambda r: r.choice(["PA", "CB", "XDB"]) + _digits(r, 6),
    "hu": lambda r: r.choice(["BE", "BK"]) + _digits(r, 7),
    "nl": lambda r: r.choice(["NW", "NX", "BN"]) + "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(6)) + _digits(r, 1),
}
BIRTHPLACES = {
    "de": ["Pforzheim", "Karlsruhe", "Stuttgart", "Freiburg", "Mannheim", "Leipzig", "Hamburg", "Bochum", "Kassel"],
    "tr": ["Izmir", "Kayseri", "Trabzon", "Ankara", "Gaziantep", "Diyarbakır", "Konya"],
    "pl": ["Wrocław", "Poznań", "Opole", "Gdańsk", "Katowice", "Kraków"],
    "ua": ["Lviv", "Odesa", "Kharkiv", "Dnipro", "Kyiv", "Zaporizhzhia"],
    "ru": ["Omsk", "Karaganda", "Nowosibirsk", "Barnaul", "Pawlodar"],
    "it": ["Palermo", "Bari", "Napoli", "Catania", "Cosenza"],
    "gr": ["Thessaloniki", "Ioannina", "Kavala", "Patras"],
    "bk": ["Sarajevo", "Tuzla", "Split", "Prishtina", "Prizren", "Niš"],
    "ro": ["Cluj-Napoca", "Timișoara", "Iași", "Plowdiw", "Warna"],
    "ar": ["Aleppo", "Damaskus", "Homs", "Mossul", "Beirut", "Casablanca"],
    "fa": ["Herat", "Kabul", "Mashhad", "Teheran", "Masar-e Scharif"],
    "vn": ["Hanoi", "Hải Phòng", "Huế", "Ho-Chi-Minh-Stadt"],
    "cn": ["Chengdu", "Shanghai", "Wuhan"],
    "af": ["Kumasi", "Enugu", "Conakry", "Asmara", "Douala", "Dakar"],
    "fr": ["Lyon", "Straßburg", "Metz"], "es": ["Sevilla", "Porto", "Braga", "Valencia"],
    "in": ["Chennai", "Pune", "Jaffna", "Lahore"], "uk": ["Cork", "Leeds", "Galway"],
    "nl": ["Utrecht", "Göteborg", "Groningen"], "hu": ["Pécs", "Debrecen"],
}
RELIGION_BY_ORIGIN = {
    "de": ["römisch-katholisch", "evangelisch", "neuapostolisch", "jüdisch"],
    "tr": ["muslimisch", "alevitisch", "jesidisch"], "ar": ["muslimisch", "syrisch-orthodox"],
    "pl": ["römisch-katholisch"], "ua": ["orthodox", "griechisch-katholisch"], "ru": ["russisch-orthodox", "mennonitisch"],
    "it": ["römisch-katholisch"], "es": ["römisch-katholisch"], "fr": ["römisch-katholisch"],
    "gr": ["griechisch-orthodox"], "bk": ["muslimisch", "serbisch-orthodox", "römisch-katholisch"],
    "ro": ["rumänisch-orthodox"], "fa": ["muslimisch", "schiitisch"], "vn": ["buddhistisch", "römisch-katholisch"],
    "cn": ["buddhistisch"], "af": ["muslimisch", "eritreisch-orthodox", "römisch-katholisch"],
    "in": ["hinduistisch", "muslimisch", "Sikh"], "uk": ["anglikanisch", "römisch-katholisch"],
    "nl": ["evangelisch-reformiert"], "hu": ["römisch-katholisch", "reformiert"],
}
NATIONALITY = {"de": "deutsch", "tr": "türkisch", "pl": "polnisch", "ua": "ukrainisch", "ru": "kasachisch",
               "it": "italienisch", "gr": "griechisch", "bk": "kosovarisch", "ro": "rumänisch", "ar": "syrisch",
               "fa": "afghanisch", "vn": "vietnamesisch", "cn": "chinesisch", "af": "eritreisch", "fr": "französisch",
               "es": "portugiesisch", "in": "indisch", "uk": "irisch", "nl": "niederländisch", "hu": "ungarisch"}
IBAN_COUNTRY_FOR_ORIGIN = {"pl": "PL", "it": "IT", "fr": "FR", "es": "ES", "nl": "NL", "tr": "TR"}


# ---------------------------------------------------------------------------------------------------
# Persons and the per-item context
# ---------------------------------------------------------------------------------------------------

def _pick_surname(r: random.Random, origin: str, sex: str) -> str:
    raw = r.choice(NAMES[origin]["s"])
    if isinstance(raw, tuple):
        return raw[1] if sex == "f" else raw[0]
    return inflect(raw.replace("_", " "), origin, sex)


def inflect(ln: str, origin: str, sex: str) -> str:
    """The same family name in the form for the given sex (Polish, Russian, Bulgarian, Greek surnames)."""
    if origin == "gr":
        for m, f in NAMES["gr"]["s"]:
            if ln in (m, f):
                return f if sex == "f" else m
        return ln
    if sex == "f":
        if origin == "pl" and ln.endswith(("ski", "cki", "dzki")):
            return ln[:-1] + "a"
        if origin == "ru" and ln.endswith(("ow", "ew", "in")):
            return ln + "a"
        if origin == "ro" and ln.endswith(("ov", "ev")):
            return ln + "a"
        return ln
    if origin == "pl" and ln.endswith(("ska", "cka", "dzka")):
        return ln[:-1] + "i"
    if origin in ("ru", "ro") and ln.endswith(("owa", "ewa", "ina", "ova", "eva")):
        return ln[:-1]
    return ln


def make_person(r: random.Random, origin: str | None = None, sex: str | None = None, kind: str = "adult",
                surname: str | None = None, avoid: frozenset = frozenset()) -> dict:
    origin = origin or r.choices(list(ORIGIN_WEIGHTS), weights=list(ORIGIN_WEIGHTS.values()))[0]
    sex = sex or r.choice("fm")
    for _ in range(100):
        fn = r.choice(NAMES[origin][sex]).replace("_", " ")
        if origin == "de" and r.random() < 0.06:
            fn = r.choice(GERMAN_DOUBLE_FIRST[sex])
        if surname:
            ln = surname
        else:
            ln = _pick_surname(r, origin, sex)
            roll = r.random()
            if origin == "de" and roll < 0.05:
                ln = r.choice(GERMAN_PARTICLE_SURNAMES).replace("_", " ")
            elif roll > 0.95 and " " not in ln:
                other = r.choice(["tr", "pl", "it", "bk", "es"]) if origin == "de" else "de"
                second = _pick_surname(r, other, sex)
                if " " not in second:
                    ln = f"{ln}-{second}"
        if origin == "tr" and r.random() < 0.4:
            fn = tr_fold(fn)
            ln = ln if surname else tr_fold(ln)
        if (fn, ln) not in BLOCKED and (fn.split("-")[0], ln) not in BLOCKED and fn not in avoid:
            break
    span = {"adult": (dt.date(1939, 1, 1), dt.date(2004, 12, 31)),
            "senior": (dt.date(1926, 1, 1), dt.date(1952, 12, 31)),
            "young": (dt.date(1996, 1, 1), dt.date(2006, 12, 31)),
            "child": (dt.date(2010, 1, 1), dt.date(2021, 12, 31)),
            "small": (dt.date(2019, 9, 1), dt.date(2023, 12, 31)),
            "parent": (dt.date(1975, 1, 1), dt.date(1996, 12, 31)),
            "pupil": (dt.date(2014, 9, 1), dt.date(2018, 8, 31))}[kind]
    return {"fn": fn, "ln": ln, "sex": sex, "origin": origin, "dob": rand_date(r, *span)}


PERSON_WORDS = {
    # key: (male, female)
    "hf": ("Herr", "Frau"), "hfn": ("Herrn", "Frau"), "sg": ("Sehr geehrter Herr", "Sehr geehrte Frau"),
    "lieb": ("Lieber", "Liebe"), "er": ("er", "sie"), "Er": ("Er", "Sie"), "sein": ("sein", "ihr"),
    "Sein": ("Sein", "Ihr"), "seine": ("seine", "ihre"), "seinen": ("seinen", "ihren"),
    "seiner": ("seiner", "ihrer"), "seinem": ("seinem", "ihrem"), "ihm": ("ihm", "ihr"),
    "ihn": ("ihn", "sie"), "in": ("", "in"), "der": ("der", "die"), "Der": ("Der", "Die"), "dem": ("dem", "der"),
    "den": ("den", "die"), "des": ("des", "der"), "ein": ("ein", "eine"), "sohn": ("Sohn", "Tochter"),
    "mann": ("Ehemann", "Ehefrau"), "vater": ("Vater", "Mutter"), "bruder": ("Bruder", "Schwester"),
    "kollege": ("Kollege", "Kollegin"), "mw": ("männlich", "weiblich"), "mf": ("M", "F"),
    "betr": ("Betroffener", "Betroffene"), "bew": ("Bewohner", "Bewohnerin"), "mr": ("Mr", "Ms"),
    "bay": ("Bay", "Bayan"), "pan": ("Pan", "Pani"), "mein": ("mein", "meine"), "unsacc": ("unseren", "unsere"),
    "unsnom": ("unser", "unsere"), "unsdat": ("unserem", "unserer"), "kind": ("Sohn", "Tochter"),
    "herrn": ("Herrn", "Frau"), "jung": ("Junge", "Mädchen"), "Ihrk": ("Ihr", "Ihre"), "ihrk": ("ihr", "ihre"),
    "Ihrkn": ("Ihren", "Ihre"), "ihrkm": ("ihrem", "ihrer"), "seinkm": ("seinem", "seiner"), "r": ("r", ""), "ihrvater": ("ihr Vater", "ihre Mutter"),
}
PERSON_BASES = set(PERSON_WORDS) | {
    "fn", "ln", "p", "pr", "ini", "iln", "FN", "LN", "pl", "mail", "mailo", "dob", "dobl", "doby", "dobm",
    "dobiso", "dobe", "dobsh", "dobv", "age", "rv", "rvs", "taxid", "taxidc", "taxidg", "ausweis",
    "ausweisc", "pass", "passx", "mob", "tel", "telx", "iban", "ibanc", "ibanl", "ibannb", "ibanx", "bic",
    "bicx", "plate", "street", "fstreet", "hn", "plz", "town", "addr", "addrat", "origin", "birthplace", "nat",
    "dy", "ibano", "telo", "lnl", "fnl", "mailb", "telfw", "relig", "taxswap",
}
SLOT = re.compile(r"\{([A-Za-z]+)([0-9]*)(?::([lu]))?\}")
MARK = re.compile(r"⟦([A-Z]+)\|(.*?)⟧", re.S)


class Ctx:
    """Values for one item, made on first use and then reused (so {p1} is the same person everywhere)."""

    def __init__(self, r: random.Random, setup: dict):
        self.r = r
        self.setup = setup
        self.cache: dict[str, str] = {}
        self.persons: dict[str, dict] = {}
        self.places: dict[str, tuple] = {}
        self.ibans: dict[str, str] = {}

    # -- persons ----------------------------------------------------------------------------------
    def person(self, i: str) -> dict:
        if i not in self.persons:
            s = {}
            for k in ("origin", "sex", "kind", "same", "fn", "ln"):
                v = self.setup.get(k + i)
                if v is not None:
                    s[k + i] = self.r.choice(v) if isinstance(v, tuple) else v
            same = s.get(f"same{i}")
            if same:
                base = self.person(str(same))
                taken = frozenset(p["fn"] for p in self.persons.values())
                sex = s.get(f"sex{i}") or self.r.choice("fm")
                self.persons[i] = make_person(self.r, base["origin"], sex, s.get(f"kind{i}", "adult"),
                                              surname=inflect(base["ln"], base["origin"], sex), avoid=taken)
            else:
                self.persons[i] = make_person(self.r, s.get(f"origin{i}"), s.get(f"sex{i}"),
                                              s.get(f"kind{i}", "adult"))
            if f"fn{i}" in s:
                self.persons[i]["fn"] = s[f"fn{i}"]
            if f"ln{i}" in s:
                self.persons[i]["ln"] = s[f"ln{i}"]
        return self.persons[i]

    def place(self, i: str) -> tuple:
        """(town, postcode prefix, area code, plate code) for address i."""
        if i not in self.places:
            if i == "a":
                name = self.setup.get("atown")
                t = next((t for t in TOWNS if t[0] == name), None) if name else None
                self.places[i] = t or self.r.choice(HOME_TOWNS)
            elif self.setup.get(f"home{i}"):
                self.places[i] = self.place("a")
            elif self.setup.get(f"away{i}") or self.r.random() < 0.3:
                self.places[i] = self.r.choice(TOWNS)
            else:
                self.places[i] = self.place("a")
        return self.places[i]

    def __getitem__(self, key: str) -> str:
        if key not in self.cache:
            m = SLOT.fullmatch("{" + key + "}")
            assert m and not m.group(3), key
            base, idx = m.group(1), m.group(2)
            value = self.make(base, idx)
            assert not re.search(r"[⟦⟧{}]", value), (key, value)
            self.cache[key] = value
        return self.cache[key]

    # -- value factory ----------------------------------------------------------------------------
    def make(self, base: str, idx: str) -> str:  # noqa: C901 - one dispatch table, kept flat on purpose
        r = self.r
        if base in PERSON_BASES or (base.startswith("iban") and base[4:] in BBAN):
            i = idx or "1"
            return self.person_value(base, i)
        i = idx or "0"
        if base == "atown":
            return self.place("a")[0]
        if base == "aplz":
            return self._plz(self.place("a"), "a")
        if base == "adom":
            return f"stadt-{slug(self['atown'])}.example"
        if base == "amail":
            return f"{r.choice(DEPTS)}@{self['adom']}"
        if base in ("atel", "afax"):
            area = self.place("a")[2]
            base_no = self.cache.setdefault("_abase", str(r.randint(2, 9)) + _digits(r, max(1, 7 - len(area))))
            ext = "0" if base == "afax" and r.random() < 0.3 else _digits(r, r.choice([2, 3, 4]))
            return r.choice([f"{area} {base_no}-{ext}", f"{area}/{base_no}-{ext}", f"+49 {area[1:]} {base_no}-{ext}",
                             f"({area}) {base_no}-{ext}"])
        if base == "astreet":
            return r.choice(["Marktplatz", "Rathausplatz", "Am Marktplatz", "Kaiserstraße", "Herrenstraße"])
        if base == "ahn":
            return r.choice(["1", "2", "3", "1-3", "8", "12"])
        if base == "aiban":
            return group4(self.cache.setdefault("_aiban", make_iban(r, "DE")))
        if base == "abic":
            return self.cache.setdefault("_abic", make_bic(r, "DE"))
        if base == "date":
            return fmt_date(rand_date(r, dt.date(2024, 9, 1), dt.date(2026, 3, 31)), r.choice(["dot", "dot", "dotshort"]))
        if base == "datel":
            return fmt_date(rand_date(r, dt.date(2024, 9, 1), dt.date(2026, 3, 31)), "long")
        if base == "datep":  # a date in the past (move-in, death, incident)
            return fmt_date(rand_date(r, dt.date(2012, 1, 1), dt.date(2025, 5, 31)), r.choice(["dot", "long"]))
        if base == "dateshort":
            d = rand_date(r, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
            return f"{d.day}.{d.month}."
        if base == "time":
            return f"{r.randint(7, 18)}:{r.choice(['00', '15', '30', '45'])}"
        if base == "year":
            return str(r.randint(2016, 2025))
        if base == "eur":
            v = r.randint(500, 250000)
            euros = f"{v // 100:,}".replace(",", ".")
            return f"{euros},{v % 100:02d}"
        if base == "nr":
            return str(r.randint(2, 40))
        if base == "az":
            return make_az(r)
        if base == "gz":
            return make_gz(r)
        if base == "vg":
            return r.choice([f"{r.randint(2024, 2025)}-{_digits(r, 6)}", f"VG-{r.randint(24, 25)}-{_digits(r, 5)}",
                             f"{_digits(r, 8)}", f"V{r.randint(24, 25)}/{_digits(r, 5)}"])
        if base == "kz":
            return r.choice([f"{r.randint(1, 9)}.{_digits(r, 4)}.{_digits(r, 6)}.{r.randint(0, 9)}",
                             f"{_digits(r, 4)}.{_digits(r, 4)}.{_digits(r, 4)}", f"{_digits(r, 2)}.00.{_digits(r, 6)}-{r.randint(0, 9)}",
                             f"KZ-{_digits(r, 9)}"])
        if base == "lz":
            ini = "".join(r.choice("ABDFGHKLMNRSTW") for _ in range(2))
            return r.choice([f"{r.randint(12, 980)}/{r.randint(24, 25)} {ini}/{ini[::-1].lower()}",
                             f"{ini[0]}{ini[1].lower()}-{r.randint(100, 2999)}/25", f"00{r.randint(100, 999)}-25/{ini[0]}{ini[1].lower()}"])
        if base == "ds":
            return r.choice([f"{r.randint(2024, 2025)}/{r.randint(1, 420):04d}", f"{r.randint(1, 180)}/{r.randint(2024, 2025)}",
                             f"DS {r.randint(24, 25)}/{r.randint(100, 999)}"])
        if base == "vorl":
            return r.choice([f"V-{r.randint(2024, 2025)}-{r.randint(10, 399)}", f"{r.randint(10, 299)}/{r.randint(2024, 2025)}",
                             f"GR/{r.randint(2024, 2025)}/{r.randint(1, 99):03d}"])
        if base == "top":
            return r.choice([str(r.randint(3, 16)), f"{r.randint(3, 12)}.{r.randint(1, 4)}", f"Ö {r.randint(2, 11)}"])
        if base == "bplan":
            return r.choice([f"{r.randint(100, 899)}", f"{r.randint(10, 99)}/{r.randint(1, 9)}", f"{r.randint(1, 60)}.{r.randint(1, 9)}"])
        if base == "flst":
            return f"{r.randint(10, 9999)}/{r.randint(1, 30)}"
        if base == "zaehler":
            return r.choice([f"1ESY{_digits(r, 10)}", f"{_digits(r, 11)}", f"1 EBZ 01 {_digits(r, 4)} {_digits(r, 4)}"])
        if base == "rechnr":
            return r.choice([f"RE-{r.randint(2024, 2025)}-{_digits(r, 5)}", f"{_digits(r, 9)}", f"R{_digits(r, 7)}/{r.randint(24, 25)}"])
        if base == "persnr":
            return _digits(r, r.choice([5, 6]))
        if base == "kdnr":
            return f"{_digits(r, 3)} {_digits(r, 3)} {_digits(r, 3)}"
        if base == "stnr":
            return f"{r.randint(30, 99)}/{_digits(r, 3)}/{_digits(r, 5)}"
        if base == "ustid":
            return "DE" + _digits(r, 9)
        if base == "badiban":
            return group4(break_iban(r, make_iban(r, r.choice(["DE", "DE", "AT", "NL", "FR"]))))
        if base == "badtax":
            good = make_taxid(r)
            bad = good[:10] + str((int(good[10]) + r.randint(1, 9)) % 10)
            return r.choice([bad, f"{bad[:2]} {bad[2:5]} {bad[5:8]} {bad[8:]}"])
        if base == "badrv":
            p = make_person(r)
            good = make_rv(r, p["dob"], p["ln"], p["sex"])
            return good[:11] + str((int(good[11]) + r.randint(1, 9)) % 10)
        if base == "badausweis":
            good = make_doc_number(r, "LMNPRTVWXY", True)
            return good[:9] + str((int(good[9]) + r.randint(1, 9)) % 10)
        if base == "car":
            return r.choice(CARS)
        if base == "company":
            return r.choice(COMPANIES)
        if base == "club":
            return r.choice(CLUBS)
        if base == "school":
            return r.choice(SCHOOLS)
        if base == "amt":
            return r.choice(AMT)
        if base == "health":
            return r.choice(DIAGNOSES)
        if base == "union":
            return r.choice(UNIONS)
        if base == "disab":
            return r.choice(DISABILITIES).format(g=r.choice([50, 60, 70, 80, 90, 100]))
        if base == "khealth":
            return r.choice(["Diabetes Typ 1", "Asthma", "Epilepsie", "Autismus-Spektrum-Störung", "Neurodermitis",
                             "Zöliakie", "Hörbehinderung", "Erdnussallergie", "ADHS", "Mukoviszidose"])
        if base == "kirche":
            return r.choice(["römisch-katholisch", "evangelisch", "evangelisch-reformiert", "altkatholisch", "jüdisch"])
        if base == "rk":
            return r.choice(["rk", "ev", "ak", "lt", "rf", "isr"])
        if base == "kita":
            return r.choice(["Kita Regenbogen", "Kita Pusteblume", "Astrid-Lindgren-Kita", "Kita Sonnenblume",
                             "Kita St. Martin", "Kita Schatzinsel", "Kita am Schlossgarten"])
        if base == "schule":
            return r.choice(["Johann-Peter-Hebel-Schule", "Anne-Frank-Realschule", "Albert-Schweitzer-Grundschule",
                             "Erich-Kästner-Schule", "Pestalozzischule", "Schule am Turmberg",
                             "Gemeinschaftsschule Weststadt"])
        if base == "pflegedienst":
            return r.choice(["Pflegedienst Hafner", "Sozialstation St. Elisabeth", "Pflegeteam Yıldız GmbH",
                             "Ambulante Pflege Kuderer & Kolb", "Diakoniestation Mitte"])
        if base == "lokal":
            return r.choice(["Pizzeria Bella Napoli", "Anadolu Grill", "Café am Markt", "Gasthaus Krone", "Saigon Bistro",
                             "Taverna Olympia", "Bistro Kowalski", "Shisha-Lounge Palmyra", "Weinstube Zum Ochsen"])
        if base == "red":
            return f"{r.choice(TOWNS)[2]} " + "*" * r.choice([4, 6, 7])
        if base == "pstreet":
            return r.choice(["Geschwister-Scholl-Straße", "Bertha-von-Suttner-Straße", "Hans-Thoma-Straße",
                             "Anne-Frank-Straße", "Robert-Koch-Straße", "Clara-Zetkin-Straße", "Max-Planck-Straße",
                             "Gottlieb-Daimler-Straße", "Carl-Benz-Straße", "Käthe-Kollwitz-Straße"])
        if base == "wday":
            return r.choice(["Mo.", "Di.", "Mi.", "Do.", "Fr."])
        if base == "bank":
            return r.choice(["Sparkasse", "Volksbank", "Commerzbank", "Deutsche Bank", "PSD Bank", "Postbank",
                             "GLS Bank", "Raiffeisenbank", "DKB", "ING"])
        if base == "glaeub":
            return f"DE{_digits(r, 2)}ZZZ{_digits(r, 11)}"
        if base == "ip":
            return f"192.0.2.{r.randint(2, 254)}"
        if base == "partei":
            return r.choice(["CDU", "SPD", "Grüne", "FDP", "Freie Wähler", "Die Linke", "AfD", "Volt", "ÖDP"])
        if base == "ortsteil":
            return r.choice(["Grünwinkel", "Rintheim", "Niederbühl", "Oberweier", "Sandweier", "Haueneberstein",
                             "Neuweier", "Hörden", "Ottenau", "Bietigheim"])
        if base == "pet":
            return r.choice(["Bruno", "Luna", "Balu", "Emma", "Paula", "Rocky", "Frieda", "Sammy", "Otto", "Nala"])
        if base == "month":
            return r.choice(MONTHS)
        if base == "pg":
            return f"Pflegegrad {r.randint(1, 5)}"
        if base == "gdb":
            return str(r.choice([50, 60, 70, 80, 100]))
        if base == "room":
            return f"{r.randint(0, 4)}.{r.randint(1, 40):02d}"
        if base == "hallo":
            return r.choice(["Guten Tag", "Hallo", "Sehr geehrte Damen und Herren", "Liebes Team", "Moin",
                             "Grüß Gott", "Guten Morgen", "Hallo zusammen"])
        if base == "gruss":
            return r.choice(["Mit freundlichen Grüßen", "Viele Grüße", "Freundliche Grüße", "Beste Grüße",
                             "MfG", "Herzliche Grüße", "Mit besten Grüßen", "Danke und Gruß", "Schöne Grüße",
                             "Gruß"])
        if base == "agruss":  # closing formulas used by the administration
            return r.choice(["Mit freundlichen Grüßen", "Freundliche Grüße", "Mit freundlichem Gruß",
                             "Im Auftrag", "Mit freundlichen Grüßen\nim Auftrag"])
        if base == "plate":
            return make_plate(r, r.choice(TOWNS)[3])
        raise KeyError(base)

    def _plz(self, t: tuple, i: str) -> str:
        key = f"_plz{i}"
        if key not in self.cache:
            self.cache[key] = t[1] + _digits(self.r, 5 - len(t[1]))
        return self.cache[key]

    def person_value(self, base: str, i: str) -> str:  # noqa: C901
        r = self.r
        if base in ("street", "fstreet", "hn", "plz", "town", "addr", "addrat", "tel", "telo", "plate"):
            return self.place_value(base, i)
        p = self.person(i)
        sex = p["sex"]
        if base in PERSON_WORDS:
            return PERSON_WORDS[base][sex == "f"]
        fn, ln = p["fn"], p["ln"]
        if base == "fn":
            return fn
        if base == "ln":
            return ln
        if base == "p":
            return f"{fn} {ln}"
        if base == "pr":
            return f"{ln}, {fn}"
        if base == "ini":
            return fn[0] + "."
        if base == "iln":
            return f"{fn[0]}. {ln}"
        if base == "lnl":
            return ln.lower()
        if base == "fnl":
            return fn.lower()
        if base == "FN":
            return fn.upper()
        if base == "LN":
            return ln.upper()
        if base == "pl":
            return f"{fn} {ln}".lower()
        if base == "origin":
            return p["origin"]
        if base == "relig":
            return r.choice(RELIGION_BY_ORIGIN.get(p["origin"], RELIGIONS))
        if base == "taxswap":  # the person's Steuer-ID with two neighbouring digits swapped (fails the check)
            raw = self.cache.setdefault(f"_tax{i}", make_taxid(r))
            for _ in range(100):
                k = r.randrange(0, 10)
                bad = raw[:k] + raw[k + 1] + raw[k] + raw[k + 2:]
                if bad != raw and not taxid_valid(bad):
                    return f"{bad[:2]} {bad[2:5]} {bad[5:8]} {bad[8:]}"
            raise ValueError(raw)
        if base == "nat":
            return NATIONALITY[p["origin"]]
        if base == "dy":
            return str(r.randint(max(p["dob"].year + 45, 1996), 2005))
        if base == "birthplace":
            return r.choice(BIRTHPLACES.get(p["origin"], BIRTHPLACES["de"]))
        if base in ("mail", "mailo"):
            return self.mail(i, obfuscate=base == "mailo")
        if base == "mailb":
            local, domain = self.mail(i).split("@")
            return f"{local}[at]{domain.replace('.', '[dot]')}"
        if base == "telfw":  # full-width digits
            return make_mobile(r).translate({ord(c): 0xFF10 + int(c) for c in "0123456789"})
        dob = p["dob"]
        if base == "dob":
            return fmt_date(dob, r.choice(["dot", "dot", "dot", "dotshort"]))
        if base == "dobl":
            return fmt_date(dob, "long")
        if base == "doby":
            return fmt_date(dob, "year")
        if base == "dobm":
            return fmt_date(dob, "month")
        if base == "dobiso":
            return fmt_date(dob, "iso")
        if base == "dobe":
            return fmt_date(dob, "en")
        if base == "dobsh":
            return fmt_date(dob, "dot2")
        if base == "dobv":  # the other common German variant of the same date
            return f"{dob.day}.{dob.month}.{dob.year}"
        if base == "age":
            return str(TODAY.year - dob.year - ((TODAY.month, TODAY.day) < (dob.month, dob.day)))
        if base in ("rv", "rvs"):
            raw = self.cache.setdefault(f"_rv{i}", make_rv(r, dob, ln, sex))
            return raw if base == "rv" else f"{raw[:2]} {raw[2:8]} {raw[8]} {raw[9:]}"
        if base in ("taxid", "taxidc", "taxidg"):
            raw = self.cache.setdefault(f"_tax{i}", make_taxid(r))
            grouped = f"{raw[:2]} {raw[2:5]} {raw[5:8]} {raw[8:]}"
            if base == "taxid":
                return r.choice([raw, grouped])
            return raw if base == "taxidc" else grouped
        if base == "ausweis":
            return make_doc_number(r, "LMNPRTVWXY", r.random() < 0.5)
        if base == "ausweisc":
            return make_doc_number(r, "LMNPRTVWXY", True)
        if base == "pass":
            return make_doc_number(r, "CFGHJK", r.random() < 0.4)
        if base == "passx":
            gen = FOREIGN_PASSPORTS.get(p["origin"]) or FOREIGN_PASSPORTS[r.choice(sorted(FOREIGN_PASSPORTS))]
            return gen(r)
        if base == "mob":
            return make_mobile(r)
        if base == "telx":
            gen = FOREIGN_PHONES.get(p["origin"]) or FOREIGN_PHONES[r.choice(sorted(FOREIGN_PHONES))]
            return gen(r)
        if base == "ibano":  # OCR-like irregular spacing; still the same valid IBAN
            raw = self.cache.setdefault(f"_ibanDE{i}", make_iban(r, "DE"))
            chunks, k = [], 0
            while k < len(raw):
                n = r.randint(2, 6)
                chunks.append(raw[k:k + n])
                k += n
            return "".join(c + (r.choice([" ", " ", "  "]) if j < len(chunks) - 1 else "") for j, c in enumerate(chunks))
        if base.startswith("iban"):
            if base == "ibanx":
                country = IBAN_COUNTRY_FOR_ORIGIN.get(p["origin"]) or r.choice(["AT", "BE", "FR", "IT", "ES", "LU", "NL", "PL"])
            elif base[4:] in BBAN:
                country = base[4:]
            else:
                country = "DE"
            key = f"_iban{country}{i}"
            raw = self.cache.setdefault(key, make_iban(r, country))
            self.ibans[i + ("x" if base != "iban" and country != "DE" else "")] = raw
            if base in ("iban", "ibanx") or base[4:] in BBAN:
                return r.choice([group4(raw), group4(raw), group4(raw), raw])
            if base == "ibanc":
                return raw
            if base == "ibanl":
                return group4(raw).lower()
            return group4(raw, "\u00a0")
        if base == "bic":
            return self.cache.setdefault(f"_bic{i}", make_bic(r, "DE"))
        if base == "bicx":
            raw = self.ibans.get(i + "x") or self.ibans.get(i) or "ATxx"
            return make_bic(r, raw[:2])
        raise KeyError(base)

    def place_value(self, base: str, i: str) -> str:
        r = self.r
        t = self.place(i)
        if base == "plate":
            return make_plate(r, t[3])
        if base == "tel":
            return make_landline(r, t[2])
        if base == "telo":  # OCR-like: every digit separated
            sub = str(r.randint(2, 9)) + _digits(r, 10 - len(t[2]))
            return f"{' '.join(t[2])} / {' '.join(sub)}"
        if base in ("street", "fstreet"):
            key = f"_street{i}"
            if key not in self.cache:
                pool = FEM_STREETS if base == "fstreet" else STREETS
                s = r.choice(pool).replace("_", " ")
                if base == "street" and s.endswith(("straße", "Straße")) and r.random() < 0.2:
                    s = s[:-6] + ("str." if s.endswith("straße") else "Str.")
                self.cache[key] = s
            return self.cache[key]
        if base == "hn":
            return make_house_number(r)
        if base == "plz":
            return self._plz(t, i)
        if base == "town":
            return t[0]
        if base == "addr":
            return f"{self['street' + i]} {self['hn' + i]}, {self['plz' + i]} {self['town' + i]}"
        if base == "addrat":
            plz, town = r.choice(AT_PLACES)
            return f"{r.choice(['Linzer Gasse', 'Mariahilfer Straße', 'Herrengasse', 'Landstraße', 'Getreidegasse'])} {r.randint(1, 60)}, {plz} {town}"
        raise KeyError(base)

    def mail(self, i: str, obfuscate: bool = False) -> str:
        key = f"_mail{i}"
        if key not in self.cache:
            r = self.r
            p = self.person(i)
            fn = re.sub(r"[^a-z]", "", ascii_fold(p["fn"].split()[0]).lower())
            ln = re.sub(r"[^a-z-]", "", ascii_fold(p["ln"]).lower().replace(" ", ""))
            local = r.choice([f"{fn}.{ln}", f"{fn[0]}.{ln}", f"{fn}{ln}{p['dob'].year % 100:02d}", f"{ln}.{fn}",
                              f"{fn}_{ln}", f"{fn}-{ln}", f"{fn}.{ln}{r.randint(1, 99)}", f"{ln}{fn[0]}"])
            if r.random() < 0.1:
                local = local.replace(".", "+", 1) if "." in local else local + "+stadt"
            domain = r.choice(MAIL_DOMAINS)
            if r.random() < 0.08:
                local = local.capitalize()
            self.cache[key] = f"{local}@{domain}"
        m = self.cache[key]
        if obfuscate:
            local, domain = m.split("@")
            return f"{local} (at) {domain.replace('.', ' (dot) ')}"
        return m


def make_bic(r: random.Random, country: str) -> str:
    bank = "".join(r.choice("ABCDEFGHIJKLMNOPRSTUVWYZ") for _ in range(4))
    loc = r.choice("ABCDEFGHJKLMNPRSTUVWXYZ23456789") + r.choice("ABCDEFGHJKLMNPRSTUVWXYZ123456789")
    branch = r.choice(["", "", "XXX", "".join(r.choice("ABCDEFGHKLMNPRSTUVWXYZ0123456789") for _ in range(3))])
    return bank + country + loc + branch


def make_plate(r: random.Random, code: str) -> str:
    while True:
        letters = "".join(r.choice("ABCDEFGHIJKLMNOPRSTUVWXYZ") for _ in range(r.choice([1, 2, 2])))
        if letters in {"SS", "SA", "KZ", "HJ", "NS", "SD"}:
            continue
        n_digits = min(r.choice([1, 2, 3, 4, 4]), 8 - len(code) - len(letters))
        if n_digits >= 1:
            break
    digits = str(r.randint(1, 9)) + _digits(r, n_digits - 1)
    sep = r.choice(["-", "-", " "])
    suffix = r.choice(["", "", "", "", "", "", "", "", "", "E", "H"])
    return f"{code}{sep}{letters} {digits}{suffix}"


def make_house_number(r: random.Random) -> str:
    n = r.choice([r.randint(1, 30), r.randint(1, 30), r.randint(1, 150)])
    style = r.choices(["plain", "letter", "letter_sp", "range", "slash"], weights=[60, 16, 6, 10, 8])[0]
    if style == "letter":
        return f"{n}{r.choice('abcdeAB')}"
    if style == "letter_sp":
        return f"{n} {r.choice('abc')}"
    if style == "range":
        return f"{n}{r.choice(['-', '–'])}{n + r.choice([1, 2, 4])}"
    if style == "slash":
        return f"{n}/{r.randint(1, 3)}"
    return str(n)


def make_az(r: random.Random) -> str:
    y2, y4 = r.choice(["24", "25"]), r.choice(["2024", "2025"])
    return r.choice([
        f"{r.randint(10, 68)}.{r.randint(1, 9)}-{_digits(r, 4)}/{y2}",
        f"{r.choice(['BA', 'OA', 'SO', 'WG', 'JA', 'AB', 'EB', 'GA'])}-{y4}-{_digits(r, 5)}",
        f"{r.randint(1, 9)}/{r.randint(100, 999)}/{y2}",
        f"{r.randint(30, 68)} {_digits(r, 4)}/{y4}",
        f"{r.choice(['II', 'III', 'IV'])}/{r.randint(1, 5)}-{r.randint(100, 799)}.{r.randint(1, 9)}",
        f"{r.randint(100, 699)}.{r.randint(10, 99)}.{_digits(r, 4)}",
        f"{r.randint(32, 68)}-{r.choice(['WoG', 'BuT', 'UVG', 'EGH', 'HzP'])}-{_digits(r, 5)}",
        f"{r.randint(50, 53)}/{r.choice(['WG', 'SH', 'GS', 'BT'])}/{_digits(r, 4)}",
    ])


def make_gz(r: random.Random) -> str:
    return r.choice([
        f"{r.choice(['OA', 'SoA', 'BOA', 'StA', 'ABH'])} {r.randint(10, 68)}.{r.randint(10, 99)}-{_digits(r, 4)}",
        f"{r.choice(['SoA', 'WoA', 'JuA'])}-{r.choice(['WG', 'HLU', 'GS'])}-{r.randint(2024, 2025)}-{_digits(r, 4)}",
        f"{r.randint(3, 6)}{r.randint(0, 9)}.{r.randint(1, 3)}/{_digits(r, 3)}-{r.randint(24, 25)}",
        f"{r.choice(['I', 'II', 'III'])}/{r.randint(1, 4)}-{r.randint(10, 99)}.{r.randint(10, 99)}/{_digits(r, 4)}",
    ])


def break_iban(r: random.Random, iban: str) -> str:
    """Change one BBAN digit: a single-digit error always breaks the mod-97 check."""
    while True:
        pos = r.randrange(4, len(iban))
        if iban[pos].isdigit():
            new = iban[:pos] + str((int(iban[pos]) + r.randint(1, 9)) % 10) + iban[pos + 1:]
            if not iban_valid(new):
                return new


# ---------------------------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------------------------

EDGE_PUNCT = set(" \t\n\u00a0,.;:!?\"'„“”‚‘’«»()[]/-–")
INTRO_WORDS = {
    "PERSON": ("Herr ", "Herrn ", "Frau ", "Dr. ", "Prof. ", "Stadtrat ", "Stadträtin ", "Bürgermeister"),
    "IBAN": ("IBAN",), "BIC": ("BIC",), "CASE_NUMBER": ("Az", "Aktenzeichen", "Kassenzeichen", "Zeichen"),
    "DATE_OF_BIRTH": ("geb", "geboren", "*"), "TAX_ID": ("Steuer", "IdNr"), "PHONE": ("Tel",),
}


def check_span(etype: str, value: str) -> None:
    assert value, etype
    assert value[0] not in EDGE_PUNCT or (etype == "PHONE" and value[0] in "+(") or (
        etype == "PERSON" and value[0] in "'"), (etype, value)
    end_ok = value[-1] not in EDGE_PUNCT or (value[-1] == ")" and "(" in value) or (
        etype == "PERSON" and re.search(r"\b[A-ZÄÖÜ]\.$", value) is not None)
    assert end_ok, (etype, value)
    for w in INTRO_WORDS.get(etype, ()):
        assert not value.startswith(w), (etype, value)


def fill(template: str, ctx: Ctx) -> str:
    """Replace {key} and {key:l}/{key:u} (lower/upper case) with values from the context."""
    def one(m: re.Match) -> str:
        value = ctx[m.group(1) + m.group(2)]
        return {"l": value.lower(), "u": value.upper()}.get(m.group(3) or "", value)
    return SLOT.sub(one, template)


def render(template: str, ctx: Ctx) -> tuple[str, list[dict]]:
    filled = fill(template, ctx)
    parts: list[str] = []
    entities: list[dict] = []
    n = 0
    last = 0
    for m in MARK.finditer(filled):
        before = filled[last:m.start()]
        assert "⟦" not in before and "⟧" not in before, before
        parts.append(before)
        n += len(before)
        code, value = m.group(1), m.group(2)
        assert "⟦" not in value, value
        etype = CODES[code]
        check_span(etype, value)
        entities.append({"start": n, "end": n + len(value), "type": etype, "text": value})
        parts.append(value)
        n += len(value)
        last = m.end()
    tail = filled[last:]
    assert "⟦" not in tail and "⟧" not in tail, tail
    parts.append(tail)
    text = "".join(parts)
    for e in entities:
        assert text[e["start"]:e["end"]] == e["text"]
    return text, entities


class Domain:
    """Collects the templates (rendered up to three times) and hand-written passages of one domain."""

    def __init__(self, name: str):
        self.name = name
        self.templates: list[tuple[str, str, int, dict]] = []
        self.passages: list[tuple[str, str, dict]] = []

    def t(self, text: str, notes: str = "", n: int = 3, **setup) -> None:
        assert 1 <= n <= 3
        self.templates.append((text.rstrip(), notes, n, setup))

    def h(self, text: str, notes: str = "", **setup) -> None:
        self.passages.append((text.rstrip(), notes, setup))


D = {name: Domain(name) for name in DOMAINS}
CM, LE, CN, CO, FO, HA = (D[n] for n in DOMAINS)


def make_item(item_id: str, domain: str, template: str, notes: str, setup: dict) -> dict:
    ctx = Ctx(random.Random(f"{SEED}|{item_id}"), setup)
    text, entities = render(template, ctx)
    note_text = fill(notes, ctx)
    return {"id": item_id, "domain": domain, "text": text, "entities": entities, "notes": note_text}


def build() -> list[dict]:
    items = []
    for name in DOMAINS:
        dom = D[name]
        for k, (text, notes, n, setup) in enumerate(dom.templates, 1):
            for rep in range(1, n + 1):
                items.append(make_item(f"{name}-t{k:02d}-{rep}", name, text, notes, setup))
        for k, (text, notes, setup) in enumerate(dom.passages, 1):
            items.append(make_item(f"{name}-h{k:02d}", name, text, notes, setup))
    return items


def dump(items: list[dict]) -> str:
    return "".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items)


def counts_markdown(items: list[dict]) -> str:
    lines = ["| domain | items | from templates | hand-written | templates | items without entities |",
             "|---|---:|---:|---:|---:|---:|"]
    tot = Counter()
    for name in DOMAINS:
        its = [it for it in items if it["domain"] == name]
        row = Counter(items=len(its), tpl=sum("-t" in it["id"] for it in its),
                      hand=sum("-h" in it["id"] for it in its), templates=len(D[name].templates),
                      empty=sum(not it["entities"] for it in its))
        tot.update(row)
        lines.append(f"| {name} | {row['items']} | {row['tpl']} | {row['hand']} | {row['templates']} | {row['empty']} |")
    lines.append(f"| **total** | {tot['items']} | {tot['tpl']} | {tot['hand']} | {tot['templates']} | {tot['empty']} |")
    lines += ["", "| type | " + " | ".join(DOMAINS) + " | total |", "|---|" + "---:|" * (len(DOMAINS) + 1)]
    per = Counter((e["type"], it["domain"]) for it in items for e in it["entities"])
    for t in TYPES:
        vals = [per[(t, d)] for d in DOMAINS]
        lines.append(f"| {t} | " + " | ".join(map(str, vals)) + f" | {sum(vals)} |")
    col = [sum(per[(t, d)] for t in TYPES) for d in DOMAINS]
    lines.append("| **total** | " + " | ".join(map(str, col)) + f" | {sum(col)} |")
    return "\n".join(lines)


def update_readme(items: list[dict]) -> None:
    start, end = "<!-- counts:start (written by generate.py --readme) -->", "<!-- counts:end -->"
    text = README.read_text(encoding="utf-8")
    a, b = text.index(start) + len(start), text.index(end)
    README.write_text(text[:a] + "\n" + counts_markdown(items) + "\n" + text[b:], encoding="utf-8")


def main(argv: list[str]) -> int:
    data = dump(build())
    if "--check" in argv:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == data
        print("pii_de_heldout.jsonl is up to date" if same else "pii_de_heldout.jsonl differs from the generator")
        return 0 if same else 1
    OUT.write_text(data, encoding="utf-8")
    if "--readme" in argv:
        update_readme([json.loads(line) for line in data.splitlines()])
    print(f"wrote {OUT.name}: {data.count(chr(10))} items")
    return 0


# ---------------------------------------------------------------------------------------------------
# Templates and hand-written passages
# ---------------------------------------------------------------------------------------------------

# ===== citizen_message: e-mails, web-form messages and letters from citizens ========================

CM.t("""\
Betreff: Wohngeldantrag – fehlender Mietnachweis

{hallo},

mein Name ist ⟦P|{p1}⟧, ich habe am {date1} einen Antrag auf Wohngeld gestellt (Ihr Zeichen ⟦C|{az1}⟧). Frau ⟦P|{ln2}⟧ hat mir am Telefon gesagt, dass noch der Mietnachweis fehlt. Darf ich ihn als PDF an ⟦E|wohngeld@{adom}⟧ schicken oder muss ich ihn persönlich vorbeibringen?

Meine Anschrift: ⟦A|{street1} {hn1}, {plz1} {town1}⟧
Tagsüber erreichen Sie mich unter ⟦T|{mob1}⟧.

{gruss}
⟦P|{p1}⟧""", notes="organisational: EMAIL 'wohngeld@{adom}'. The application date is an ordinary date.", sex2="f")

CM.t("""\
Sehr geehrte Damen und Herren,

ich wende mich an Sie wegen der anhaltenden Ruhestörung in unserem Haus ⟦A|{street1} {hn1}⟧. Die Mieter im Erdgeschoss (Familie ⟦P|{ln2}⟧) feiern fast jedes Wochenende bis nach 2 Uhr, zuletzt am {date1}. Der Hausmeister, Herr ⟦P|{ln3}⟧, hat schon mehrfach mit ihnen gesprochen, ohne Erfolg. Die Polizei war zweimal da.

Können Sie als Ordnungsamt etwas unternehmen? Ich möchte nicht, dass mein Name gegenüber den Nachbarn genannt wird.

{gruss}
⟦P|{iln4}⟧
⟦T|{tel1}⟧""", notes="'Familie {ln2}': only the surname is labelled. Times, dates, 'Hausmeister' and 'Ordnungsamt' are not entities.",
     sex3="m")

CM.t("""\
Hallo,

ich bin am {datep1} in die {fstreet1} gezogen und brauche einen Bewohnerparkausweis für Zone {nr1}. Mein Auto ist ein {car1} mit dem Kennzeichen ⟦K|{plate1}⟧, es ist allerdings auf meinen Lebensgefährten ⟦P|{p2}⟧ zugelassen. Geht das trotzdem? Die Kopie des Fahrzeugscheins und die Meldebestätigung für ⟦A|{fstreet1} {hn1}⟧ hänge ich an.

{gruss}
⟦P|{p1}⟧""", notes="'{fstreet1}' without a house number is a place, not an ADDRESS. The car model and the zone are not entities.",
     sex2="m")

CM.t("""\
Betreff: Anmeldung Kitaplatz für ⟦P|{fn2}⟧

{hallo},

wir möchten {unsacc2} {kind2} ⟦P|{fn2}⟧, geboren am ⟦D|{dobl2}⟧, für einen Ganztagsplatz ab September anmelden, am liebsten in der {kita}. ⟦P|{fn2}⟧ hat ⟦SC|{khealth}⟧; die Erzieherinnen müssten das bitte wissen, wir bringen auch den Notfallplan der Kinderärztin mit.

Unsere Adresse: ⟦A|{street1} {hn1}, {plz1} {town1}⟧
Telefon ⟦T|{mob1}⟧, E-Mail ⟦E|{mail1}⟧

{gruss}
⟦P|{fn1}⟧ und ⟦P|{p3}⟧""", notes="A child's diagnosis is SPECIAL_CATEGORY. The signature names two people: first name alone and full name.",
     kind1="parent", same2=1, kind2="small", same3=1, kind3="parent")

CM.t("""\
Einspruch gegen den Bußgeldbescheid vom {date1}, Kassenzeichen ⟦C|{kz1}⟧

Sehr geehrte Damen und Herren,

hiermit lege ich Einspruch gegen den oben genannten Bescheid ein. Das Fahrzeug mit dem Kennzeichen ⟦K|{plate1}⟧ wurde am {date2} nicht von mir gefahren: Ich war an diesem Tag ⟦SC|arbeitsunfähig erkrankt⟧ und lag zu Hause, eine Bescheinigung meiner Hausärztin liegt bei. Gefahren ist {mein2} {bruder2} ⟦P|{p2}⟧, wohnhaft ⟦A|{addr2}⟧.

Falls der Betrag von {eur1} € erstattet wird, bitte auf mein Konto ⟦I|{iban1}⟧.

{gruss}

⟦P|{p1}⟧
⟦A|{street1} {hn1}⟧
⟦A|{plz1} {town1}⟧""", notes="Address block on separate lines: street and 'PLZ Ort' are two spans. The amount is not an entity.",
     same2=1)

CM.t("""\
Betreff: Hundesteuer – neue Bankverbindung (Kassenzeichen ⟦C|{kz1}⟧)

{hallo},

bitte buchen Sie die Hundesteuer für unseren Hund {pet} ab dem nächsten Quartal von meinem neuen Konto ab:

Kontoinhaberin: ⟦P|{p1}⟧
IBAN: ⟦I|{iban1}⟧
BIC: ⟦B|{bic1}⟧

Das alte Konto wird zum {date1} aufgelöst. Ein neues SEPA-Mandat unterschreibe ich gerne, falls nötig.

{gruss}
⟦P|{p1}⟧""", notes="The dog's name '{pet}' is a pet, not a PERSON.", sex1="f")

CM.t("""\
Guten Tag,

ich ziehe zum {date1} innerhalb der Stadt um, von der ⟦A|{fstreet1} {hn1}⟧ in die ⟦A|{fstreet2} {hn2}⟧. Muss ich für die Ummeldung persönlich ins Bürgerbüro kommen, oder reicht es, wenn meine Frau ⟦P|{fn2}⟧ das für uns beide erledigt? Eine Vollmacht würde ich ihr mitgeben.

Außerdem steht im Melderegister bei mir noch die Religionszugehörigkeit ⟦SC|{kirche}⟧, obwohl ich letztes Jahr ausgetreten bin. Muss ich dafür den Nachweis vom Standesamt mitbringen?

Danke und viele Grüße
⟦P|{p1}⟧""", notes="A (former) religious affiliation of the writer is SPECIAL_CATEGORY.", sex1="m", sex2="f")

CM.t("""\
Subject: Anmeldung / registration – appointment?

Hello,

sorry for writing in English, mein Deutsch ist noch nicht so gut. My name is ⟦P|{p1}⟧ and I moved to Germany last month. I need to register my address (Anmeldung). My landlord, Herr ⟦P|{p2}⟧, gave me the Wohnungsgeberbestätigung for ⟦A|{street1} {hn1}, {plz1} {town1}⟧.

Do you need my passport number for the appointment? It is ⟦PP|{passx1}⟧, date of birth ⟦D|{dobe1}⟧. You can reach me at ⟦T|{telx1}⟧ or ⟦E|{mail1}⟧.

Thank you very much / vielen Dank!
⟦P|{fn1}⟧""", notes="Mixed English/German. 'date of birth' marks the birth date.", origin1=("uk", "in", "it", "fr", "nl"), sex2="m",
     origin2="de")

CM.t("""\
Merhaba, kolay gelsin!

Ich schreibe für meine Mutter ⟦P|{p1}⟧, geb. ⟦D|{dob1}⟧, annem Almanca pek iyi konuşamıyor. Sie hat seit März ⟦SC|{pg}⟧ und schafft die Treppen in ihrer Wohnung ⟦A|{street1} {hn1}⟧ nicht mehr allein. Wir möchten einen Wohnberechtigungsschein für eine barrierefreie Wohnung beantragen. Was brauchen Sie dafür?

Bitte rufen Sie mich an, nicht sie: ⟦T|{mob2}⟧ (ben onun oğluyum, ⟦P|{p2}⟧).

Teşekkürler,
⟦P|{fn2}⟧""", notes="Mixed German/Turkish. 'barrierefreie Wohnung' is not SPECIAL_CATEGORY; the care level of the named mother is.",
     origin1="tr", sex1="f", kind1="senior", same2=1, sex2="m")

CM.t("""\
Dzień dobry,

przepraszam, mój niemiecki nie jest najlepszy. Ich möchte ein Gewerbe anmelden (Reinigungsservice, nebenberuflich). Mein Name: ⟦P|{p1}⟧, ur. ⟦D|{dob1}⟧ w Polsce, wohnhaft seit {datep1} in ⟦A|{street1} {hn1}, {plz1} {town1}⟧.

Brauche ich dafür eine Steuer-ID? Meine Identifikationsnummer ist ⟦X|{taxid1}⟧, eine Steuernummer vom Finanzamt habe ich noch nicht.

Mój telefon: ⟦T|{telx1}⟧ lub ⟦T|{mob1}⟧.

Dziękuję bardzo,
⟦P|{p1}⟧""", notes="Mixed German/Polish. 'ur.' (urodzony/urodzona) marks the birth date; 'w Polsce' (in Poland) is not an entity.",
     origin1="pl")

CM.t("""\
Dobryi den!

Mene zvaty ⟦P|{p1}⟧, ya z Ukrainy. Ich habe eine Aufenthaltserlaubnis nach § 24 AufenthG, sie läuft am {date1} ab. Wie kann ich sie verlängern? Mein Reisepass: ⟦PP|{passx1}⟧, data narodzhennia ⟦D|{dob1}⟧.

Mein Sohn ⟦P|{fn2}⟧, geboren am ⟦D|{dob2}⟧, steht auch in meinem Antrag. Ihr Aktenzeichen war ⟦C|{az1}⟧.

Diakuiu! Danke!
⟦P|{p1}⟧
⟦T|{telx1}⟧""", notes="Ukrainian in Latin transliteration inside German. 'data narodzhennia' = date of birth. § 24 AufenthG is a legal reference.",
     origin1="ua", sex1="f", kind1="parent", same2=1, kind2="child", sex2="m")

CM.t("""\
Hallo,

vor dem Haus ⟦A|{street1} {hn1}⟧ liegt seit {nr1} Tagen Sperrmüll auf dem Gehweg: zwei Matratzen, ein Sofa und Farbeimer. Ich vermute, das stammt vom Auszug im zweiten Stock, dort hat bis vor Kurzem Herr ⟦P|{ln2}⟧ gewohnt. Die Hausverwaltung Brenneisen & Partner reagiert auf meine Mails nicht.

Können Sie das abholen lassen? Für Rückfragen: ⟦P|{p1}⟧, ⟦T|{tel1}⟧.""",
     notes="'Hausverwaltung Brenneisen & Partner' is a company name, not a PERSON.", sex2="m")

CM.t("""\
Auskunftsersuchen nach Art. 15 DSGVO

Sehr geehrte Damen und Herren,

hiermit bitte ich um Auskunft über alle Daten, die das {amt} der Stadt über mich speichert. Zur Identifizierung:

Name: ⟦P|{p1}⟧
geboren am: ⟦D|{dob1}⟧
Anschrift: ⟦A|{addr1}⟧
frühere Anschrift: ⟦A|{addr2}⟧

Bitte senden Sie die Auskunft an ⟦E|{mail1}⟧, nicht per Post. Eine Kopie meines Personalausweises (Nummer ⟦ID|{ausweis1}⟧) lege ich bei, Foto und Zugangsnummer habe ich geschwärzt.

{gruss}
⟦P|{p1}⟧""", notes="Art. 15 DSGVO is a legal reference.")

CM.t("""\
Betreff: Eheschließung im Frühjahr – welche Unterlagen?

Liebes Team vom Standesamt,

wir, ⟦P|{p1}⟧ (geb. ⟦D|{dob1}⟧) und ⟦P|{p2}⟧ (geb. ⟦D|{dob2}⟧), möchten nächstes Jahr bei Ihnen heiraten. ⟦P|{fn2}⟧ ist in {birthplace2} geboren und hat nur eine Geburtsurkunde in der Landessprache. Reicht eine beglaubigte Übersetzung?

Künftiger Ehename: ⟦P|{ln1}⟧. Eine kirchliche Trauung ist auch geplant, wir sind beide ⟦SC|{kirche}⟧.

Erreichbar sind wir unter ⟦T|{mob1}⟧ oder ⟦E|{mail2}⟧.

⟦P|{fn1}⟧ & ⟦P|{fn2}⟧""", notes="'Künftiger Ehename' is a surname alone (PERSON). The birthplace is not an entity.",
     origin2=("tr", "bk", "it", "gr", "ro", "es", "vn"), origin1="de")

CM.t("""\
Beschwerde über meinen Besuch im Bürgerbüro am {date1}

{hallo},

ich war wegen meines neuen Reisepasses bei Ihnen. Die Mitarbeiterin am Schalter {nr1}, laut Namensschild Frau ⟦P|{ln2}⟧, war ausgesprochen unfreundlich und hat mich vor allen Wartenden gefragt, ob ich „überhaupt lesen“ könne. Ich habe eine ⟦SC|Legasthenie⟧, das ist mir auch so schon unangenehm genug.

Ich erwarte eine Entschuldigung. Die Amtsleitung darf sich gern bei mir melden: ⟦T|{tel1}⟧.

⟦P|{p1}⟧""", notes="'Amtsleitung' is a role without a name. The counter number is not an entity.", sex2="f")

CM.t("""\
Antrag auf einen personenbezogenen Behindertenparkplatz

Sehr geehrte Damen und Herren,

{mein2} {mann2} ⟦P|{p2}⟧ ist seit einem Arbeitsunfall ⟦SC|querschnittsgelähmt⟧. Laut Bescheid des Versorgungsamts: ⟦SC|{disab}⟧. Vor unserem Haus ⟦A|{fstreet1} {hn1}⟧ gibt es keinen Behindertenparkplatz, der nächste ist am Marktplatz, 300 Meter entfernt.

Unser Auto hat das Kennzeichen ⟦K|{plate1}⟧. Den Parkausweis für Schwerbehinderte legen wir in Kopie bei.

{gruss}
⟦P|{p1}⟧""", notes="'Behindertenparkplatz' and 'Parkausweis für Schwerbehinderte' are about groups, not SPECIAL_CATEGORY.",
     same2=1)

# ----- hand-written citizen messages -----

CM.h("""\
Hallo, hat das Bürgerbüro am Samstag vor Ostern geöffnet? Ich müsste nur kurz eine Meldebescheinigung abholen. Danke!""",
     notes="No entities.")

CM.h("""\
Sehr geehrte Damen und Herren,

die Linde vor unserem Haus ⟦A|Weinbergstraße 17⟧ verliert seit Wochen große Äste. Ich wohne hier schon lange und habe so etwas noch nicht erlebt. Mein Nachbar, Herr ⟦P|Lange⟧, hat gestern einen Ast auf sein Autodach bekommen.

Bitte schicken Sie jemanden vom Grünflächenamt vorbei.

Mit freundlichen Grüßen
⟦P|Gerda Wiedemann⟧""", notes="'lange' is an adverb here; 'Herr Lange' is a PERSON.")

CM.h("""\
Hi there,

we're a family from Cork and just moved to ⟦A|Luisenstraße 41, 76137 Karlsruhe⟧. Our daughter ⟦P|Aoife⟧ (date of birth ⟦D|14 February 2019⟧) should start Grundschule in September – how do we enrol her? Is it the Johann-Peter-Hebel-Schule or the one near the Festplatz?

Cheers,
⟦P|Niamh⟧ and ⟦P|Declan Ó Súilleabháin⟧
⟦T|+353 87 412 3390⟧ (still our Irish number, sorry)
""", notes="Mixed English/German. 'Johann-Peter-Hebel-Schule' is a school name: the name inside is not a PERSON.")

CM.h("""\
Sehr geehrte Frau ⟦P|Hägele⟧,

mein Mann ⟦P|Herbert Rombach⟧ (⟦D|1938⟧–2024) ist im Februar verstorben. Er war sein Leben lang ⟦SC|evangelisch⟧ und hat sich eine Urnenbestattung im Gemeinschaftsfeld gewünscht, neben seiner Schwester ⟦P|Irmgard⟧. Ist dort noch ein Platz frei? Die Grabnummer von ⟦P|Irmgard⟧ ist Feld 12, Reihe 4.

Sie erreichen mich vormittags unter ⟦T|07222 31 84 06⟧.

Mit freundlichen Grüßen
⟦P|Hildegard Rombach⟧
⟦A|Am Federbach 9⟧
⟦A|76437 Rastatt⟧""", notes="Life dates: only the birth year is DATE_OF_BIRTH; the year of death is not. The grave field is not an ADDRESS.")

CM.h("""\
Guten Abend,

der Hund unserer Nachbarn ({hf1} ⟦P|{ln1}⟧, ⟦A|{street1} {hn1}⟧) bellt jeden Tag stundenlang, wenn niemand zu Hause ist. Er heißt Fritz und ist ein großer Schäferhundmischling. Ich habe nichts gegen Hunde, wir haben selbst einen (Frau Holle, ein Dackel), aber das ist nicht mehr normal.

Bitte behandeln Sie meine Beschwerde vertraulich.
⟦P|Ozan Kılınç⟧""", notes="Pets (Fritz, 'Frau Holle' the dachshund) are not persons.")

CM.h("""\
Betreff: Ermäßigung Kita-Gebühren

Guten Tag Herr ⟦P|Sieber⟧,

anbei wie besprochen die Unterlagen für die Gebührenermäßigung für ⟦P|Mila⟧ und ⟦P|Jonah Kessler⟧. Unser gemeinsames Einkommen lag 2024 bei 41.300 €. Auf dem Steuerbescheid sehen Sie die Identifikationsnummern, meine ist ⟦X|{taxidg1}⟧ und die meines Mannes ⟦X|{taxidc2}⟧. Der Bescheid hat 6 Seiten, die Seiten 3 bis 5 habe ich weggelassen.

Viele Grüße
⟦P|Sandra Kessler⟧
⟦T|0176 22 45 01 78⟧""", notes="'Lisa und Tom Brecht' pattern: 'Mila' and 'Jonah Kessler' are two spans. The income and page numbers are not entities.")

CM.h("""\
Sehr geehrte Damen und Herren,

mein Vater ⟦P|Abdulkarim Haddad⟧ ist am Dienstag im Städtischen Klinikum gestorben. Er war ⟦SC|gläubiger Muslim⟧, deshalb bitten wir um eine Bestattung innerhalb von 24 Stunden im muslimischen Grabfeld, mit dem Gesicht nach Mekka. Wir wissen, dass die Friedhofsordnung eine Sargpflicht hat, und bitten um eine Ausnahme nach § 39 BestattG.

Die Totenwaschung übernimmt die Moscheegemeinde in der Rheinstraße.

⟦P|Rania Haddad⟧
⟦T|0157 39 61 22 08⟧
⟦E|rania.haddad@example.com⟧""", notes="A deceased person's religion is SPECIAL_CATEGORY. 'muslimischen Grabfeld' and the 'Moscheegemeinde' are not about a person. 'Rheinstraße' without a number is not an ADDRESS.")

CM.h("""\
Merhaba,

benim adım ⟦P|Sevda Aktaş⟧, Türk vatandaşıyım. Ich möchte mich einbürgern lassen und habe gelesen, dass ich meinen türkischen Pass behalten darf. Stimmt das seit dem neuen Gesetz? Pasaport numaram ⟦PP|{passx1}⟧, doğum tarihim ⟦D|{dob1}⟧.

Ich wohne seit 2009 in Deutschland und arbeite als Pflegehelferin bei der Diakonie.

Saygılarımla / Mit freundlichen Grüßen
⟦P|Sevda Aktaş⟧""", notes="Mixed German/Turkish. 'doğum tarihim' = my date of birth. Nationality is not SPECIAL_CATEGORY; the employer (Diakonie) does not reveal religion.", origin1="tr", sex1="f")

CM.h("""\
Hallo,

in der Zähringerstraße steht seit über drei Wochen ein weißer Transporter ohne gültige Plakette, Kennzeichen ⟦K|PF-XR 410⟧. Die Reifen sind platt und jemand hat „Wasch mich“ auf die Heckscheibe geschrieben. Das Fahrzeug blockiert zwei Parkplätze.

Gruß
⟦P|T. Vollmer⟧""", notes="'Zähringerstraße' without a number is not an ADDRESS. 'weißer' is a colour adjective.")

CM.h("""\
Liebes Team vom Standesamt,

ein ganz herzliches Dankeschön an Frau ⟦P|Öztürk⟧ und ihre Kollegin ⟦P|Beate⟧ für die wunderschöne Trauung am Freitag! Meine Oma ⟦P|Luise⟧ hat noch den ganzen Abend davon erzählt.

Alles Liebe
⟦P|Karin⟧""", notes="First names alone and a signature with a first name are PERSON.")

# ===== letter: letters and notices from the administration ==========================================

LE.t("""\
Stadt {atown} · Amt für Wohnungswesen · ⟦A|{astreet} {ahn}, {aplz} {atown}⟧

{hf1}
⟦P|{p1}⟧
⟦A|{street1} {hn1}⟧
⟦A|{plz1} {town1}⟧

Unser Zeichen: ⟦C|{az1}⟧
Datum: {date1}

Bescheid über Wohngeld (Mietzuschuss)

{sg1} ⟦P|{ln1}⟧,

auf Ihren Antrag vom {date2} bewilligen wir Ihnen für die Zeit vom 01.07.2025 bis 30.06.2026 Wohngeld in Höhe von monatlich {eur1} €. Berücksichtigt wurden drei Haushaltsmitglieder. Der Betrag wird jeweils zum Monatsanfang auf Ihr Konto ⟦I|{iban1}⟧ überwiesen.

Gegen diesen Bescheid können Sie innerhalb eines Monats nach Bekanntgabe Widerspruch erheben.

{agruss}

⟦P|{p2}⟧
Telefon ⟦T|{atel}⟧
⟦E|wohngeld@{adom}⟧""", notes="organisational: ADDRESS '{astreet} {ahn}, {aplz} {atown}', PHONE '{atel}', EMAIL 'wohngeld@{adom}'. Periods and amounts are not entities.",
     home1=True)

LE.t("""\
Stadt {atown} – Bußgeldstelle

⟦P|{p1}⟧
⟦A|{street1} {hn1}⟧
⟦A|{plz1} {town1}⟧

Anhörung im Bußgeldverfahren – Aktenzeichen ⟦C|{az1}⟧

{sg1} ⟦P|{ln1}⟧,

Ihnen wird vorgeworfen, am {date1} um {time1} Uhr in der {fstreet2}, Höhe Einmündung {street3}, als Führer{in1} des Pkw ⟦K|{plate1}⟧ die zulässige Höchstgeschwindigkeit innerorts um 17 km/h überschritten zu haben (§ 3 Abs. 3 StVO). Wenn Sie das Fahrzeug nicht selbst geführt haben, teilen Sie uns bitte Namen und Anschrift der Person mit, die es gefahren hat.

Sie können den Vorgang mit einem Verwarnungsgeld von 50,00 € erledigen. Überweisen Sie dazu innerhalb einer Woche an die Stadtkasse, IBAN ⟦I|{aiban}⟧, BIC ⟦B|{abic}⟧, Kassenzeichen ⟦C|{kz1}⟧.

Ihre Ansprechpartnerin: ⟦P|{p2}⟧, Zimmer {room}, Telefon ⟦T|{atel}⟧""",
     notes="organisational: IBAN '{aiban}', BIC '{abic}', PHONE '{atel}'. Streets without house numbers are places. § 3 StVO is a legal reference.",
     sex2="f")

LE.t("""\
Ihr Antrag auf Einbürgerung – unser Zeichen ⟦C|{gz1}⟧

{sg1} ⟦P|{ln1}⟧,

für die weitere Bearbeitung Ihres Antrags benötigen wir noch folgende Unterlagen:

– eine Kopie Ihres gültigen Nationalpasses (Nr. ⟦PP|{passx1}⟧),
– den Nachweis über den bestandenen Test „Leben in Deutschland“,
– Ihre Geburtsurkunde (geboren am ⟦D|{dob1}⟧ in {birthplace1}) mit beglaubigter Übersetzung,
– die Verdienstbescheinigungen der letzten sechs Monate.

Ihre Ehefrau ⟦P|{p2}⟧ ist in den Antrag einbezogen. Für sie fehlt noch das Sprachzertifikat B1.

Bitte reichen Sie die Unterlagen bis zum {date1} ein. Bei Fragen erreichen Sie mich dienstags und donnerstags unter ⟦T|{atel}⟧.

{agruss}
⟦P|{p3}⟧
Staatsangehörigkeitsbehörde""", notes="The birthplace and the test name are not entities. organisational: PHONE '{atel}'.",
     origin1=("tr", "ar", "bk", "fa", "ua", "vn", "in"), sex1="m", same2=1, sex2="f")

LE.t("""\
Mahnung

Kassenzeichen: ⟦C|{kz1}⟧
Datum: {date1}

{sg1} ⟦P|{ln1}⟧,

die Grundsteuer B für das Grundstück ⟦A|{street2} {hn2}⟧ (Flurstück {flst}) in Höhe von {eur1} € war am 15.05. fällig und ist bei uns noch nicht eingegangen. Zusätzlich erheben wir eine Mahngebühr von 5,00 € und Säumniszuschläge nach § 240 AO.

Bitte überweisen Sie den Gesamtbetrag innerhalb einer Woche:
IBAN ⟦I|{aiban}⟧ – BIC ⟦B|{abic}⟧
Verwendungszweck: ⟦C|{kz1}⟧

Falls Sie inzwischen gezahlt haben, betrachten Sie dieses Schreiben bitte als gegenstandslos.

Stadtkasse {atown} · ⟦T|{atel}⟧ · ⟦E|stadtkasse@{adom}⟧""",
     notes="The Kassenzeichen repeated as 'Verwendungszweck' is a CASE_NUMBER both times. The Flurstück number is not an entity. organisational: IBAN, BIC, PHONE, EMAIL of the Stadtkasse.",
     home2=True)

LE.t("""\
Bescheinigung über Elternbeiträge für das Kalenderjahr 2024
(zur Vorlage beim Finanzamt)

Kind: ⟦P|{p2}⟧, geb. ⟦D|{dob2}⟧
Einrichtung: {kita}
Beitragsschuldner{in1}: ⟦P|{p1}⟧
Steuerliche Identifikationsnummer: ⟦X|{taxid1}⟧
Anschrift: ⟦A|{addr1}⟧
Kundennummer: {kdnr}

Gezahlte Elternbeiträge 2024: {eur1} €
davon Verpflegungsentgelt (steuerlich nicht abziehbar): 612,00 €

Die Beiträge wurden per Lastschrift vom Konto ⟦I|{iban1}⟧ eingezogen. Diese Bescheinigung wurde maschinell erstellt und ist ohne Unterschrift gültig.""",
     notes="The Kundennummer is a customer number, not a CASE_NUMBER. Amounts are not entities.", kind1="parent", same2=1, kind2="small")

LE.t("""\
Rechtsanwältin
⟦P|{p3}⟧
Kanzlei Oberdorfer Rechtsanwälte
⟦A|{street3} {hn3}⟧
⟦A|{plz3} {town3}⟧

Ihr Zeichen: ⟦C|{lz1}⟧
Unser Zeichen: ⟦C|{az1}⟧

Widerspruch Ihres Mandanten ⟦P|{p1}⟧ gegen unseren Bescheid vom {date1}

Sehr geehrte Frau Rechtsanwältin ⟦P|{ln3}⟧,

wir bestätigen den Eingang Ihres Schreibens vom {date2}. Akteneinsicht gewähren wir gern in unseren Räumen; alternativ übersenden wir Ihnen die Akte in Kopie gegen eine Auslagenpauschale von 12,00 €. Ihr Mandant, geboren am ⟦D|{dob1}⟧, ist uns unter der Anschrift ⟦A|{addr1}⟧ bekannt. Bitte teilen Sie uns mit, ob sich diese geändert hat.

Die Begründung des Widerspruchs erwarten wir bis zum {date3}.

{agruss}
⟦P|{iln4}⟧""", notes="A lawyer's 'Ihr Zeichen' is a CASE_NUMBER. 'Kanzlei Oberdorfer Rechtsanwälte' is a firm name.",
     sex1="m", sex3="f")

LE.t("""\
Grundsicherung im Alter und bei Erwerbsminderung (SGB XII)
Az.: ⟦C|{az1}⟧

{sg1} ⟦P|{ln1}⟧,

zur Prüfung Ihres Anspruchs haben wir bei der Deutschen Rentenversicherung eine Auskunft über Ihre Altersrente angefordert. Bitte prüfen Sie die Angaben, die uns vorliegen:

Name: ⟦P|{p1}⟧
Geburtsdatum: ⟦D|{dob1}⟧
Versicherungsnummer: ⟦S|{rv1}⟧
Pflege: ⟦SC|{pg}⟧ seit {datep1}

Die Kosten des ambulanten Pflegedienstes ({pflegedienst}) können wir nur übernehmen, wenn Sie uns die Rechnungen der letzten drei Monate vorlegen.

{agruss}
⟦P|{p2}⟧
Sozialamt, ⟦T|{atel}⟧""", notes="The Rentenversicherungsnummer is derived from the birth date, surname initial and sex in the same text. The name of the care service is not a PERSON.",
     kind1="senior")

LE.t("""\
Einladung zur Abgabe biometrischer Daten

{sg1} ⟦P|{ln1}⟧,

Ihr elektronischer Aufenthaltstitel kann hergestellt werden. Bitte kommen Sie am {date1} um {time1} Uhr zur Ausländerbehörde, Zimmer {room}. Dort werden Ihre ⟦SC|Fingerabdrücke⟧ erfasst und Ihre Unterschrift digital aufgenommen.

Bitte bringen Sie mit:
• Ihren Reisepass (⟦PP|{passx1}⟧),
• ein aktuelles biometrisches Passbild,
• die Gebühr von 100,00 € (EC-Karte oder bar).

Staatsangehörigkeit laut Akte: {nat1}
Aktenzeichen: ⟦C|{az1}⟧

Kommen Sie bitte pünktlich; bei Verhinderung sagen Sie den Termin unter ⟦E|auslaenderbehoerde@{adom}⟧ ab.""",
     notes="The fingerprints of the addressee are biometric data (SPECIAL_CATEGORY); 'biometrisches Passbild' is a document requirement. Nationality is not SPECIAL_CATEGORY.",
     origin1=("ar", "fa", "af", "tr", "ua", "in", "cn", "bk"))

LE.t("""\
Friedhofsverwaltung {atown}

{sg1} ⟦P|{ln1}⟧,

die Ruhezeit der Grabstätte von ⟦P|{p2}⟧ (⟦D|{doby2}⟧–{dy2}) auf dem Hauptfriedhof, Abteilung {nr1}, Reihe 3, endet am 31.12.2025. Sie sind als Nutzungsberechtigte{r1} eingetragen. Eine Verlängerung des Nutzungsrechts ist möglich; die Gebühr beträgt {eur1} € für fünf Jahre.

Wenn Sie keine Verlängerung wünschen, räumen Sie das Grab bitte bis zum {date1} ab. Grabsteine nehmen wir nur zurück, wenn sie von einem Steinmetzbetrieb abgebaut wurden.

Fragen beantwortet Ihnen ⟦P|{p3}⟧, ⟦T|{atel}⟧.""",
     notes="Life dates: only the birth year is DATE_OF_BIRTH. Grave section and row are not ADDRESS.",
     kind2="senior", same2=1)

LE.t("""\
Baugenehmigung
Az. ⟦C|{az1}⟧ – Anbau eines Wintergartens
Grundstück: ⟦A|{street1} {hn1}, {plz1} {town1}⟧, Flurstück {flst}

{sg1} ⟦P|{ln1}⟧,

die Baugenehmigung für das oben genannte Vorhaben wird nach § 58 LBO erteilt. Entwurfsverfasser ist Dipl.-Ing. ⟦P|{p2}⟧. Die Einwendungen Ihrer Nachbarin ⟦P|{p3}⟧ (⟦A|{street1} {hn3}⟧) wegen der Abstandsflächen haben wir geprüft und zurückgewiesen; sie erhält einen eigenen Bescheid.

Der Baubeginn ist uns mindestens eine Woche vorher schriftlich anzuzeigen. Die Gebühr von {eur1} € setzen wir gesondert fest.

{agruss}
⟦P|{p4}⟧
Baurechtsamt""", notes="'Wintergarten' contains the word Winter and is not a name. Flurstück and § references are not entities.",
     sex3="f", home1=True)

LE.t("""\
Unterhaltsvorschuss für ⟦P|{p2}⟧, geb. ⟦D|{dob2}⟧
Az.: ⟦C|{az1}⟧

{sg1} ⟦P|{ln1}⟧,

wir haben den anderen Elternteil, ⟦P|{p3}⟧, zuletzt gemeldet unter ⟦A|{addr3}⟧, aufgefordert, Auskunft über sein Einkommen zu erteilen. Er hat bisher nicht reagiert. Sollte Ihnen eine neue Anschrift oder ein Arbeitgeber bekannt sein, teilen Sie uns dies bitte mit.

Die Leistung von monatlich {eur1} € zahlen wir unverändert weiter auf das Konto ⟦I|{iban1}⟧.

Mit freundlichen Grüßen
Jugendamt – Beistandschaften und Unterhaltsvorschuss
⟦P|{p4}⟧, ⟦T|{atel}⟧""", notes="", kind1="parent", same2=1, kind2="child", sex3="m", kind3="parent")

LE.t("""\
Ihr Personalausweis liegt zur Abholung bereit

{sg1} ⟦P|{ln1}⟧,

Ihr neuer Personalausweis mit der Ausweisnummer ⟦ID|{ausweis1}⟧ kann im Bürgerbüro abgeholt werden (Vorgangsnummer ⟦C|{vg1}⟧). Bitte bringen Sie Ihren bisherigen Ausweis mit, er wird bei der Abholung entwertet. Eine andere Person kann den Ausweis nur mit schriftlicher Vollmacht abholen.

Den PIN-Brief mit Ihrer Geheimnummer schickt Ihnen die Bundesdruckerei gesondert an ⟦A|{addr1}⟧.

Ihr Bürgerbüro {atown}
⟦A|{astreet} {ahn}⟧ · Mo–Fr 8–12 Uhr, Do 14–18 Uhr""",
     notes="organisational: ADDRESS '{astreet} {ahn}'. Opening hours are not entities.", home1=True)

LE.t("""\
Gewerbeummeldung – Ihre Anzeige vom {date1}

{sg1} ⟦P|{ln1}⟧,

wir bestätigen den Eingang Ihrer Ummeldung für den Betrieb „{company}“. Neue Betriebsstätte ist ab dem {date2} ⟦A|{street2} {hn2}, {plz2} {town2}⟧. Ihre Steuernummer {stnr} und Ihre USt-IdNr. {ustid} haben wir an das Finanzamt übermittelt. Eine steuerliche Identifikationsnummer brauchen wir für die Gewerbeanzeige nicht.

Eine Kopie der Anzeige geht an die Handwerkskammer und das Gewerbeaufsichtsamt.

Im Auftrag
⟦P|{p3}⟧
Gewerbeamt · ⟦E|gewerbeamt@{adom}⟧ · Fax ⟦T|{afax}⟧""",
     notes="Steuernummer '{stnr}' and USt-IdNr '{ustid}' are not TAX_ID. The company name '{company}' is not a PERSON. organisational: EMAIL, PHONE (fax).")

LE.t("""\
Erweiterte Meldebescheinigung nach § 18 Abs. 2 BMG

Familienname: ⟦P|{LN1}⟧
Vornamen: ⟦P|{fn1}⟧
Geburtsdatum: ⟦D|{dob1}⟧
Geburtsort: {birthplace1}
Geschlecht: {mw1}
Staatsangehörigkeit: {nat1}
rechtliche Zugehörigkeit zu einer Religionsgesellschaft: ⟦SC|{rk}⟧
Anschrift: ⟦A|{addr1}⟧ (alleinige Wohnung)
Einzugsdatum: {datep1}

Diese Bescheinigung wurde elektronisch erstellt. Gebühr: 10,00 €.""",
     notes="The religious affiliation code (rk/ev/ak/lt/rf/isr) is SPECIAL_CATEGORY. The surname in capitals is a PERSON. Move-in date, sex and nationality are not entities.",
     home1=True)

LE.t("""\
Schülerbeförderung – Kostenübernahme für ⟦P|{p2}⟧

{sg1} ⟦P|{ln1}⟧,

für {Ihrkn2} {kind2} ⟦P|{fn2}⟧ übernehmen wir ab dem Schuljahr 2025/26 die Kosten des Fahrdienstes zur {schule}. Grundlage ist der von Ihnen vorgelegte Bescheid: ⟦SC|{disab}⟧. Da ⟦P|{fn2}⟧ ⟦SC|Rollstuhlfahrer{in2}⟧ ist, setzen wir ein Fahrzeug mit Rampe ein.

Der Fahrdienst holt ⟦P|{fn2}⟧ ab dem ersten Schultag gegen 7:10 Uhr an der Haustür ab (⟦A|{street1} {hn1}⟧). Bitte melden Sie Krankheitstage direkt beim Fahrdienst unter ⟦T|{tel3}⟧.

{agruss}
⟦P|{p4}⟧""", notes="The child's disability is SPECIAL_CATEGORY. The school name and the time are not entities.",
     kind1="parent", same2=1, kind2="pupil")

LE.t("""\
{company}
z. Hd. Personalabteilung

Auskunft über das Arbeitseinkommen nach § 23 WoGG
Unser Zeichen: ⟦C|{az1}⟧

Sehr geehrte Damen und Herren,

{Ihrk1} Mitarbeiter{in1} ⟦P|{p1}⟧ (geb. ⟦D|{dob1}⟧, Rentenversicherungsnummer ⟦S|{rvs1}⟧, Steuer-ID ⟦X|{taxid1}⟧) hat Wohngeld beantragt. Nach § 23 Abs. 2 WoGG sind Sie verpflichtet, uns über die Höhe des Arbeitsentgelts Auskunft zu geben. Bitte füllen Sie den beigefügten Vordruck für die Monate Januar bis Juni aus und senden Sie ihn bis zum {date1} zurück.

Das Einverständnis von {hf1} ⟦P|{ln1}⟧ liegt uns vor.

{agruss}
⟦P|{p2}⟧
Wohngeldstelle, ⟦T|{atel}⟧""",
     notes="Addressed to an employer: the employee's identifiers are labelled. § 23 WoGG is a legal reference.", kind1="parent")

LE.t("""\
Erstattung einer Sondernutzungsgebühr – Kassenzeichen ⟦C|{kz1}⟧

{sg1} ⟦P|{ln1}⟧,

Sie haben Ihren Antrag auf Sondernutzung der Straße für den Umzug am {date1} zurückgenommen. Die bereits gezahlte Gebühr von {eur1} € erstatten wir, wie von Ihnen gewünscht, auf Ihr Konto bei einer Bank im Ausland:

Kontoinhaber{in1}: ⟦P|{p1}⟧
IBAN: ⟦I|{ibanx1}⟧
BIC: ⟦B|{bicx1}⟧

Bitte beachten Sie, dass Ihre Bank für Zahlungen aus dem SEPA-Raum Gebühren erheben kann.

{agruss}
⟦P|{p2}⟧, Stadtkasse""", notes="Foreign IBANs with valid check digits (national check digits where the country has them).",
     origin1=("pl", "it", "fr", "es", "nl", "tr"))

# ----- hand-written letters -----

LE.h("""\
Sehr geehrte Frau ⟦P|Kächele⟧,

zu Ihrem 100. Geburtstag am 3. Mai gratuliere ich Ihnen im Namen der ganzen Stadt sehr herzlich. Als Angehörige des Jahrgangs ⟦D|1925⟧ haben Sie die Geschichte unserer Stadt fast ein Jahrhundert lang miterlebt – vom Wiederaufbau bis zur neuen Stadtbahn.

Ich wünsche Ihnen Gesundheit, Freude und viele schöne Stunden mit Ihrer Familie. Ihr Enkel ⟦P|Florian⟧ hat mir verraten, dass Sie noch jeden Morgen die Zeitung von vorne bis hinten lesen.

Herzliche Grüße
Ihre Oberbürgermeisterin""", notes="The date of the 100th birthday is an anniversary, not the birth date; 'Jahrgangs 1925' marks the birth year. 'Oberbürgermeisterin' is a role without a name.")

LE.h("""\
Nachlassangelegenheit ⟦P|Walter Ketterer⟧, verstorben am 2. Februar 2025
Unser Zeichen: ⟦C|SoA 50.31-0718⟧

Sehr geehrter Herr ⟦P|Ketterer⟧,

nach unseren Unterlagen sind Sie Sohn und Miterbe des verstorbenen ⟦P|Walter Ketterer⟧ (geb. ⟦D|11.09.1934⟧). Ihr Vater hat bis zu seinem Tod Hilfe zur Pflege erhalten, zuletzt wegen ⟦SC|Pflegegrad 4⟧ in der Pflegeeinrichtung Haus Abendrot. Nach § 102 SGB XII sind die Erben zum Ersatz der Kosten verpflichtet, soweit der Nachlass reicht.

Bitte teilen Sie uns bis zum 30. Juni mit, wer außer Ihnen noch Erbe ist, und legen Sie den Erbschein oder das Testament vor.

Mit freundlichen Grüßen
Im Auftrag
⟦P|Yvonne Gehring⟧""", notes="The date of death is not an entity. The care level of the deceased is SPECIAL_CATEGORY (deceased persons are persons). 'Haus Abendrot' is an institution.")

LE.h("""\
Betriebliches Eingliederungsmanagement (BEM)

Sehr geehrte Frau ⟦P|Mutschler⟧,

Sie waren in den vergangenen zwölf Monaten insgesamt länger als sechs Wochen ⟦SC|arbeitsunfähig⟧. Nach § 167 Abs. 2 SGB IX bieten wir Ihnen deshalb ein Betriebliches Eingliederungsmanagement an. Die Teilnahme ist freiwillig. Ziel ist es, gemeinsam zu klären, wie Ihre Arbeitsfähigkeit erhalten werden kann.

Wenn Sie möchten, kann ein Mitglied des Personalrats oder die Schwerbehindertenvertretung am Gespräch teilnehmen. Ihre Ansprechpartnerin im Personalamt ist ⟦P|Hanna-Sophie Ruf⟧, ⟦T|07231 39-2471⟧, ⟦E|hanna-sophie.ruf@stadt-pforzheim.example⟧.

Personalnummer: 048213

Mit freundlichen Grüßen
Personal- und Organisationsamt""", notes="Sick leave of a named employee is SPECIAL_CATEGORY. The Personalnummer is a staff number, not a CASE_NUMBER. 'Schwerbehindertenvertretung' is a body, not about a person.")

LE.h("""\
Bescheinigung über den Kirchenaustritt

Herr ⟦P|Dominik Zipperle⟧, geboren am ⟦D|21.04.1990⟧ in Offenburg, wohnhaft ⟦A|Kronenstraße 5, 77652 Offenburg⟧, hat heute vor dem Standesamt Offenburg seinen Austritt aus der ⟦SC|römisch-katholischen⟧ Kirche erklärt. Der Austritt wird mit Ablauf des Tages wirksam.

Offenburg, den 14.03.2025
Der Standesbeamte""", notes="The adjective alone reveals the (former) religion. The birthplace and the date of the declaration are not entities.")

LE.h("""\
Jugendamt – Allgemeiner Sozialer Dienst
Az.: ⟦C|51.2-HzE-0415/25⟧

Liebe Familie ⟦P|Osei⟧,

wie am Telefon besprochen, laden wir Sie zum Hilfeplangespräch für ⟦P|Kwabena⟧ am Mittwoch, 9. Juli, um 10 Uhr ins Jugendamt ein (Raum 2.17). Herr ⟦P|Brenneisen⟧ von der Jugendhilfeeinrichtung und die Klassenlehrerin kommen auch.

Bitte bringen Sie, wenn möglich, den Bericht der Kinder- und Jugendpsychiaterin mit. Dort ist die Diagnose einer ⟦SC|Angststörung⟧ beschrieben, die wir bei der weiteren Planung berücksichtigen möchten.

Viele Grüße
⟦P|Julia Kienzle⟧ (⟦T|0781 82-2560⟧)""", notes="'Familie Osei': the surname is labelled. Room number and meeting time are not entities.")

LE.h("""\
Wohngeld – in Leichter Sprache

Hallo Herr ⟦P|Bytyqi⟧,

Sie bekommen Wohngeld.
Wohngeld ist Geld für die Miete.
Sie bekommen jeden Monat 214 Euro.
Das Geld kommt auf Ihr Konto.
Ihr Konto hat diese Nummer:
⟦I|{iban1}⟧

Haben Sie Fragen?
Dann rufen Sie Frau ⟦P|Nägele⟧ an.
Die Telefon-Nummer ist: ⟦T|07141 910-3318⟧.

Ihr Zeichen bei uns ist: ⟦C|{az1}⟧""", notes="Easy-language letter; short lines.")

LE.h("""\
Erstattung zu viel gezahlter Gebühren

Madame ⟦P|Camille Fournier⟧
⟦A|12 rue des Tanneurs⟧
⟦A|67000 Strasbourg⟧
FRANKREICH

Sehr geehrte Frau ⟦P|Fournier⟧,

für die Sondernutzung des Gehwegs vor Ihrem Café in der Kehler Hauptstraße haben Sie versehentlich zweimal bezahlt. Den Betrag von 86,40 € erstatten wir auf Ihr französisches Konto:

IBAN ⟦I|{ibanFR1}⟧
BIC ⟦B|{bicx1}⟧

Der Zahlungseingang kann einige Tage dauern.

Mit freundlichen Grüßen
⟦P|M. Hafner⟧, Stadtkasse Kehl""", notes="A French address block: house number before the street name, still ADDRESS. 'Kehler Hauptstraße' has no number.")

LE.h("""\
Sehr geehrte Damen und Herren,

wir danken für Ihre Anfrage vom 17. April zu den Öffnungszeiten des Hallenbads während der Sanierung. Das Bad bleibt vom 1. Juli bis voraussichtlich 15. September geschlossen. In dieser Zeit können Sie das Freibad am Stadtgarten nutzen; die Zehnerkarte gilt dort ebenfalls.

Mit freundlichen Grüßen
Ihre Bäderverwaltung""", notes="No entities: dates and places only.")

LE.h("""\
Namensänderung nach dem Namensänderungsgesetz
Az.: ⟦C|32.4-NÄG-0077/24⟧

Sehr geehrte Frau ⟦P|Hartmann⟧,

Ihrem Antrag, den Familiennamen Ihrer Tochter ⟦P|Leonie⟧ von „⟦P|Pfützner⟧“ in „⟦P|Hartmann⟧“ zu ändern, geben wir statt. Der Vater, Herr ⟦P|Marcel Pfützner⟧, hat der Änderung schriftlich zugestimmt.

⟦P|Leonie Hartmann⟧, geb. ⟦D|02.12.2013⟧, führt den neuen Namen ab Zustellung dieser Entscheidung. Bitte beantragen Sie einen neuen Kinderreisepass; die Gebühr für die Namensänderung beträgt 255,00 €.

Mit freundlichen Grüßen
⟦P|Benedikt Oberle⟧
Ordnungsamt, ⟦T|06221 58-17250⟧""", notes="Surnames quoted alone as names are PERSON.")

# ===== case_note: internal notes, file memos, hand-overs ============================================

CN.t("""\
Telefonvermerk – Az. ⟦C|{az1}⟧

Anruf am {date1}, {time1} Uhr, von {hfn1} ⟦P|{p1}⟧ (Rückruf unter ⟦T|{mob1}⟧). {Er1} teilt mit, dass {er1} sich derzeit ⟦SC|in stationärer Behandlung⟧ befindet und die Frist zur Vorlage der Kontoauszüge nicht einhalten kann. Bitte um Verlängerung bis Monatsende; die Entlassung ist in etwa zwei Wochen geplant.

→ Frist verlängert bis {date2}, Antragsteller{in1} telefonisch informiert.
gez. ⟦P|{iln2}⟧""", notes="The bare fact of a hospital stay is SPECIAL_CATEGORY.")

CN.t("""\
Vermerk Hausbesuch – Seniorenberatung
Datum: {date1}
Klient{in1}: ⟦P|{p1}⟧, geb. ⟦D|{dob1}⟧, ⟦A|{street1} {hn1}⟧

{hf1} ⟦P|{ln1}⟧ lebt allein in einer Zweizimmerwohnung im 3. OG ohne Aufzug. Seit dem Frühjahr verlässt {er1} die Wohnung kaum noch. Die Tochter, ⟦P|{p2}⟧ (⟦T|{tel2}⟧), kommt zweimal in der Woche; sie berichtet, dass {ihrvater1} Termine vergisst. Der Hausarzt vermutet eine beginnende ⟦SC|Demenz⟧. Anerkannt ist derzeit ⟦SC|{pg}⟧, eine Höherstufung wird beantragt.

Die Nachbarin {hf3} ⟦P|{ln3}⟧ hat einen Wohnungsschlüssel.
Nächster Besuch in vier Wochen.""", notes="The floor ('3. OG') is not part of an ADDRESS.",
     kind1="senior", same2=1, sex2="f", sex3="f")

CN.t("""\
Aktenvermerk
Az.: ⟦C|{az1}⟧
Betr.: ⟦P|{p1}⟧, geb. ⟦D|{dob1}⟧, StA: {nat1}

Vorsprache heute mit der Dolmetscherin ⟦P|{p2}⟧. Die Betroffene legt ihren Nationalpass Nr. ⟦PP|{passx1}⟧ vor (gültig bis {date1}). Sie trägt vor, sie sei in ihrem Herkunftsland als ⟦SC|konvertierte Christin⟧ bedroht worden, und möchte wissen, ob dies für ihre Aufenthaltserlaubnis eine Rolle spielt.

Hinweis gegeben, dass asylrelevante Gründe beim BAMF vorzutragen sind. Kopie des Passes zur Akte.
Wiedervorlage: {date2}
⟦P|{iln3}⟧""", notes="Religion (conversion) of the named person is SPECIAL_CATEGORY; nationality is not.",
     origin1=("fa", "ar"), sex1="f", sex2="f")

CN.t("""\
Kurzvermerk Kinderschutz (§ 8a SGB VIII) – vertraulich
Az.: ⟦C|{az1}⟧

Kind: ⟦P|{p2}⟧, geb. ⟦D|{dob2}⟧, besucht die 3. Klasse
Mutter: ⟦P|{p1}⟧, ⟦A|{addr1}⟧, ⟦T|{mob1}⟧
Vater: ⟦P|{p3}⟧, getrennt lebend, Anschrift unbekannt

Meldung der Klassenlehrerin ⟦P|{p4}⟧ am {date1}: ⟦P|{fn2}⟧ kam in den letzten Wochen mehrfach ohne Frühstück und unentschuldigt zu spät. Die Mutter gibt an, der Vater sei ⟦SC|alkoholabhängig⟧ und habe beim letzten Umgangswochenende „die Kontrolle verloren“.

Einschätzung: latente Gefährdung. Hausbesuch innerhalb von 48 Stunden, Fachkraft ⟦P|{iln5}⟧.""",
     notes="§ 8a SGB VIII is a legal reference. '3. Klasse' is not an entity.",
     kind1="parent", same2=1, kind2="pupil", sex1="f", same3=1, sex3="m", kind3="parent", sex4="f")

CN.t("""\
Vermerk Zeugenbefragung – Az. ⟦C|{az1}⟧

Die Zeugin ⟦P|{p2}⟧ (⟦A|{addr2}⟧, ⟦T|{mob2}⟧) gibt an, am {date1} gegen {time1} Uhr gesehen zu haben, wie der Fahrer eines {car1} mit dem Kennzeichen ⟦K|{plate1}⟧ beim Ausparken ein abgestelltes Lastenrad beschädigt hat und weitergefahren ist. Halter laut Auskunft: ⟦P|{p1}⟧, ⟦A|{addr1}⟧.

Der Halter wird angehört. Fotos der Zeugin zur Akte genommen.""", notes="The car model is not an entity.",
     sex2="f")

CN.t("""\
Übergabe Sachgebiet Wohngeld, KW {nr1}

– ⟦P|{p1}⟧ ist ab Montag ⟦SC|krankgeschrieben⟧, voraussichtlich bis {date1}. Ihre Fälle übernimmt ⟦P|{fn2}⟧.
– Antrag ⟦P|{p3}⟧ (Az. ⟦C|{az1}⟧): Mietbescheinigung fehlt, Erinnerung ist raus.
– Antrag ⟦P|{p4}⟧ (Az. ⟦C|{az2}⟧): Bescheid geschrieben, muss noch gezeichnet werden.
– Telefonsprechzeit am Donnerstag übernehmen ⟦P|{fn5}⟧ und ⟦P|{fn2}⟧.
– Drucker im 2. OG ist wieder kaputt, Ticket ist gemeldet.""",
     notes="Sick leave of a named colleague is SPECIAL_CATEGORY. The calendar week is not an entity.", sex1="f")

CN.t("""\
Prüfvermerk Wohngeld – ⟦P|{pr1}⟧
Az. ⟦C|{az1}⟧

Identifikationsnummer lt. Antrag: ⟦X|{taxid1}⟧ – stimmt mit Steuerbescheid überein.
Rentenversicherungsnummer: ⟦S|{rv1}⟧ (Abgleich ohne Befund).
Bankverbindung: ⟦I|{iban1}⟧, Kontoinhaber ist der Antragsteller selbst.
Einkommen: {eur1} € brutto/Monat, Werbungskostenpauschale berücksichtigt.
Haushaltsmitglied: ⟦P|{fn2}⟧, geb. ⟦D|{dob2}⟧, Tochter, Schülerin, kein Einkommen.

Ergebnis: Anspruch dem Grunde nach gegeben, Berechnung folgt.""",
     notes="'{pr1}' (surname, first name) is one PERSON span. The income is not an entity.",
     sex1="m", kind1="parent", same2=1, kind2="child", sex2="f")

CN.t("""\
Vermerk Unterbringung nach Polizeirecht – Obdachlosenbehörde
Az. ⟦C|{az1}⟧

⟦P|{p1}⟧, geb. ⟦D|{dob1}⟧, zuletzt wohnhaft ⟦A|{addr1}⟧, wurde nach der Räumung der Wohnung am {date1} in die Notunterkunft in der {fstreet2} eingewiesen (Zimmer 4, Doppelbelegung). Nach eigenen Angaben besteht eine ⟦SC|Suchterkrankung⟧; der Kontakt zur Suchtberatung wurde vermittelt.

Mitbewohner im Zimmer: ⟦P|{p3}⟧.
Erreichbar über die Sozialarbeiterin ⟦P|{p4}⟧, ⟦T|{mob4}⟧.""",
     notes="The shelter street without a house number is not an ADDRESS. 'Suchtberatung' is a service, not about a person.",
     sex1="m", sex3="m", sex4="f")

CN.t("""\
Interne Meldung an die Datenschutzbeauftragte

Am {date1} um {time1} Uhr wurde der Bescheid für ⟦P|{p1}⟧ (Az. ⟦C|{az1}⟧) versehentlich an ⟦E|{mail2}⟧ statt an ⟦E|{mail1}⟧ geschickt. Der falsche Empfänger, ⟦P|{p2}⟧, hat sich telefonisch gemeldet (⟦T|{tel2}⟧) und bestätigt, die Nachricht gelöscht zu haben. Der Bescheid enthielt Name, Anschrift und Bankverbindung.

Im Ticketsystem wurde der Vorfall pseudonymisiert erfasst: „Bescheid für [PERSON_1] an [EMAIL_2], Konto [IBAN_1]“.
Meldung an die Aufsichtsbehörde: nach Einschätzung nicht erforderlich, Begründung siehe Anlage.""",
     notes="Placeholders like [PERSON_1] and [IBAN_1] are already pseudonymised and not entities. 'Datenschutzbeauftragte' is a role.",
     sex2="m")

CN.t("""\
Kontrollbericht Gaststättenbehörde – Az. ⟦C|{az1}⟧
Betrieb: {lokal}, ⟦A|{street1} {hn1}⟧
Inhaber{in1}: ⟦P|{p1}⟧, geb. ⟦D|{dob1}⟧, ⟦T|{mob1}⟧
Kontrolle am {date1}, {time1} Uhr, durch ⟦P|{iln2}⟧ und ⟦P|{iln3}⟧

Feststellungen: Sperrzeit nicht eingehalten (Gäste bis 1:40 Uhr), Aushang zum Jugendschutzgesetz fehlt, im Gastraum wurde geraucht. Die anwesende Servicekraft ⟦P|{p4}⟧ gab an, nicht eingewiesen worden zu sein.

Maßnahme: Anhörung wegen Ordnungswidrigkeit, Nachkontrolle in vier Wochen.""",
     notes="The business name '{lokal}' is not a PERSON.")

CN.t("""\
Vermerk Anmeldung zur Eheschließung – Standesamt

Verlobter: ⟦P|{p1}⟧, geb. ⟦D|{dob1}⟧, Reisepass ⟦PP|{pass1}⟧
Verlobte: ⟦P|{p2}⟧, geb. ⟦D|{dob2}⟧, Reisepass ⟦PP|{passx2}⟧ (StA {nat2})
Künftiger Ehename: ⟦P|{ln2}⟧

Ein Ehefähigkeitszeugnis des Heimatstaats der Verlobten wird nicht ausgestellt; Befreiung beim Oberlandesgericht beantragt. Trauung vorgemerkt für {datel1}, Trausaal im Alten Rathaus. Die Verlobte spricht gut Deutsch, eine Dolmetscherin ist nicht nötig.
⟦P|{iln3}⟧""", notes="A surname alone as future married name is PERSON.",
     sex1="m", origin1="de", sex2="f", origin2=("ua", "vn", "af", "ar", "in", "ro", "bk"))

CN.t("""\
Einsatzbericht Kommunaler Ordnungsdienst, {date1}, Streife ⟦P|{iln1}⟧ / ⟦P|{iln2}⟧

22:40 Uhr Beschwerde über laute Musik, ⟦A|{street3} {hn3}⟧, 2. OG links. Vor Ort angetroffen: Mieter ⟦P|{p4}⟧, geb. ⟦D|{dob4}⟧; Personalien über den Personalausweis festgestellt (⟦ID|{ausweis4}⟧). Musik auf Zimmerlautstärke reduziert, Mieter einsichtig.

Anrufer: ⟦P|{p5}⟧, Nachbar im 1. OG, ⟦T|{tel3}⟧. Keine weitere Störung bis Schichtende.""",
     notes="Floor numbers are not part of the ADDRESS.", sex4="m", sex5="m")

CN.t("""\
Personalakte ⟦P|{pr1}⟧ – Änderungsmitteilung an die Bezügestelle

Personalnummer: {persnr}
Steuer-ID: ⟦X|{taxidg1}⟧
Sozialversicherungsnummer: ⟦S|{rvs1}⟧
neue Bankverbindung: ⟦I|{iban1}⟧, BIC ⟦B|{bic1}⟧
Konfession (Kirchensteuer): ⟦SC|{rk}⟧
Schwerbehinderung: ⟦SC|GdB {gdb}⟧ ab {datep1} – Zusatzurlaub nach § 208 SGB IX eintragen.

Bearbeitet: ⟦P|{iln2}⟧, Personalamt""",
     notes="The Personalnummer is a staff number, not a CASE_NUMBER. The Sozialversicherungsnummer is the Rentenversicherungsnummer (SOCIAL_SECURITY).", kind1="parent")

CN.t("""\
Verlustanzeige Personalausweis
Vorgangsnummer: ⟦C|{vg1}⟧

Antragsteller{in1}: ⟦P|{p1}⟧, geb. ⟦D|{dob1}⟧
Anschrift: ⟦A|{addr1}⟧
Verlorenes Dokument: Personalausweis Nr. ⟦ID|{ausweisc1}⟧, ausgestellt {datep1}

Verlust bemerkt am {date1}, vermutlich im Bus der Linie 5. Der Ausweis wurde im Sperrregister gesperrt. {Er1} hat einen neuen Ausweis beantragt und ist über die Gebühr (37,00 €) informiert.""",
     notes="The bus line and the fee are not entities.")

CN.t("""\
Fallvermerk Eingliederungshilfe – Az. ⟦C|{az1}⟧
Leistungsberechtigt: ⟦P|{p2}⟧, geb. ⟦D|{dob2}⟧
Sorgeberechtigt: ⟦P|{p1}⟧, ⟦T|{mob1}⟧, ⟦E|{mail1}⟧

Diagnose laut Gutachten des Sozialpädiatrischen Zentrums: ⟦SC|{khealth}⟧. Die {schule} beantragt eine Schulbegleitung für 20 Wochenstunden. Im Gespräch am {date1} schilderte die Mutter, dass ⟦P|{fn2}⟧ ohne Begleitung den Schulweg nicht bewältigt.

Nächster Schritt: Teilhabeplankonferenz, Einladung an Schule und Eltern.""", notes="",
     kind1="parent", same2=1, kind2="pupil", sex1="f")

CN.t("""\
Beurkundung Sterbefall – Vermerk

Verstorben: ⟦P|{p1}⟧, geb. ⟦D|{dob1}⟧ in {birthplace1}
gestorben am {datep1} im Klinikum
letzte Anschrift: ⟦A|{addr1}⟧
Religion: ⟦SC|{relig}⟧
Todesbescheinigung: ausgestellt von Dr. ⟦P|{p2}⟧
Anzeigende Person: ⟦P|{p3}⟧ (⟦T|{tel3}⟧), Bestattungsinstitut Sänger & Sohn

Sterbeurkunden: 4 Exemplare, Gebühr bezahlt.""",
     notes="The date of death is not DATE_OF_BIRTH. 'Sänger & Sohn' is a company name. 'Dr.' stays outside the PERSON span.",
     kind1="senior")

# ----- hand-written case notes -----

CN.h("""\
Notiz für ⟦P|Ramona⟧: Frau ⟦P|Dąbrowska⟧ war heute ohne Termin da und hat den Mietvertrag für die ⟦A|Ringstraße 7⟧ abgegeben. Sie hat nach dir gefragt. Ich habe ihr gesagt, du rufst sie morgen zurück (⟦T|0162 47 02 91 55⟧). Sie wirkte sehr erschöpft, hat erzählt, dass sie gerade ihre ⟦SC|Chemotherapie⟧ beendet hat. – ⟦P|Jörg⟧""",
     notes="Informal note between colleagues: first names alone are PERSON.")

CN.h("""\
AV – Az. ⟦C|32-OA-1184/25⟧ – Hundehaltung ⟦A|Am Alten Bahnhof 3⟧

Halterin ⟦P|R. Zeller⟧ (Listenhund, American Staffordshire, Rufname Kira) legt Sachkundenachweis und Haftpflichtnachweis vor. Chipnummer 276098106482731. Wesenstest am 12.03. bestanden. Erlaubnis nach § 3 PolVOgH kann erteilt werden.""", notes="The dog's name and chip number are not entities.")

CN.h("""\
Gesprächsnotiz, 4. Juni – Schuldnerberatung

Herr ⟦P|Gashi⟧ kam mit seiner Frau ⟦P|Blerta⟧. Mietschulden 2.840 €, Stromschulden 610 €. Er arbeitet als Lagerhelfer bei Logistik Rheinhafen, sie ist seit der Geburt des dritten Kindes zu Hause. Der Vermieter, Herr ⟦P|Claußen⟧, droht mit der Kündigung.

Vereinbart: Ratenplan über 150 € im Monat, Antrag auf Übernahme der Mietschulden beim Sozialamt (§ 36 SGB XII). Die Kontoauszüge der letzten drei Monate bringt Herr ⟦P|Gashi⟧ am 18.06. mit.""",
     notes="Amounts, dates and § 36 SGB XII are not entities. 'Logistik Rheinhafen' is a company.")

CN.h("""\
Übergabe Nachtdienst Notunterkunft Schillerstraße

- Zi. 3: Hr. ⟦P|Amiri⟧ hat ⟦SC|Fieber⟧, Notarzt nicht nötig, morgen früh zum Hausarzt.
- Zi. 5: Fr. ⟦P|Tesfay⟧ mit Kind (⟦P|Eden⟧, 4 J.), alles ruhig.
- Zi. 8: neu aufgenommen ⟦P|Waldemar Penner⟧, geb. ⟦D|07.01.1969⟧, ⟦SC|Diabetiker⟧, Insulin im Kühlschrank im Büro.
- Hausmeister ⟦P|Ralf⟧ kommt wegen der Heizung um 7.""",
     notes="Bullet-list hand-over. 'Hr.'/'Fr.' stay outside the spans. Room numbers and the age are not entities. 'Schillerstraße' has no number.")

CN.h("""\
Rückruf Frau ⟦P|Selma Begić⟧ (⟦T|0176 5530 2194⟧): Die IBAN aus dem Antrag, {badiban}, wird von der Bank abgelehnt. Richtig ist laut Kontoauszug ⟦I|{iban1}⟧. Im Verfahren geändert, Az. ⟦C|50.2-WoG-3317/25⟧.""",
     notes="not an entity: '{badiban}' (IBAN checksum fails)")

CN.h("""\
Vermerk: Das Jobcenter fragt nach der Anschrift von ⟦P|Mirela Hodžić⟧ (geb. ⟦D|30.10.1987⟧). Nach § 34 BMG darf eine einfache Melderegisterauskunft erteilt werden: ⟦A|Gutenbergstraße 22/1, 73728 Esslingen am Neckar⟧. Eine Auskunftssperre ist nicht eingetragen. Auskunft am 11.06. erteilt, Gebühr entfällt (Behördenauskunft).""",
     notes="§ 34 BMG is a legal reference. The date of the information request is not an entity.")

CN.h("""\
Rückruf Standesamt Zwickau, Frau ⟦P|Uhlig⟧: Die Geburtsurkunde für ⟦P|Lina-Marie Pietsch⟧, * ⟦D|18.08.2004⟧, ist dort beurkundet. Urkunde wird per Post geschickt, Gebühr 12 €. Tel. für Rückfragen ⟦T|0375 83-5106⟧.""",
     notes="'*' before a date marks a birth date. The town of the registry office is not an entity.")

CN.h("""\
Vermerk über ein Gespräch mit dem Personalrat, 2. Juli

Teilnehmende: ⟦P|Sabine Eckert⟧ (Personalratsvorsitzende), ⟦P|Jens Hörth⟧ (Amtsleiter 50), Unterzeichnerin.

Der Personalrat weist darauf hin, dass Kollege ⟦P|Milan Jovanović⟧ als ⟦SC|ver.di-Mitglied⟧ bei der Arbeitszeitumstellung nicht benachteiligt werden dürfe. Herr ⟦P|Hörth⟧ sagt zu, die Schichtplanung bis Ende August neu aufzustellen. Der Arbeitsplatz von Frau ⟦P|Eckert⟧ wird wegen ihrer ⟦SC|Sehbehinderung⟧ mit einem größeren Bildschirm ausgestattet.""",
     notes="Role titles in parentheses stay outside the PERSON spans. 'Amt 50' style numbers are not entities.")

CN.h("""\
Notiz aus dem Bürgerbüro: Kunde (Name nicht genannt) hat am Schalter einen fremden Reisepass abgegeben, gefunden an der Haltestelle Europaplatz. Pass liegt im Tresor. Inhaber laut Pass: ⟦P|Huong Pham⟧, Passnummer ⟦PP|{pass1}⟧. Im Melderegister nicht gefunden; Weitergabe an das Fundbüro.""",
     notes="A person without a name is not an entity.")

CN.h("""\
Aktenvermerk zur Akte ⟦C|61-BV-2231/24⟧

Ortstermin am 5. Mai mit dem Bauherrn Herrn ⟦P|Kuderer⟧ und seinem Architekten ⟦P|Stefan Rapp⟧. Die Garage steht 40 cm zu nah an der Grenze zum Grundstück Flst. 1873/2. Der Nachbar Herr ⟦P|Fuchs⟧ war anwesend und hat zugestimmt, eine Baulast zu übernehmen, wenn die Dachentwässerung nicht auf sein Grundstück geht. Der Fuchsbau am Hang (!) ist zu erhalten, Hinweis der Naturschutzbehörde.""",
     notes="'Fuchsbau' is an animal's den; 'Herr Fuchs' is a PERSON. Flst. numbers and measurements are not entities.")

# ===== council: minutes, proposals, inquiries of the municipal council ==============================

CO.t("""\
Niederschrift über die öffentliche Sitzung des Gemeinderats am {datel1}

TOP {top1}: Sanierung der Sporthalle Nord (Drucksache {ds1})

Stadträtin ⟦P|{p1}⟧ ({partei1}) begrüßt die Vorlage, fragt aber nach dem Zeitplan. Bürgermeister ⟦P|{p2}⟧ erläutert, dass die Arbeiten in den Sommerferien beginnen sollen. Stadtrat ⟦P|{p3}⟧ ({partei3}) beantragt, den Punkt zu vertagen; der Antrag wird mit 9 : 21 Stimmen bei 2 Enthaltungen abgelehnt.

Beschluss: Der Gemeinderat stimmt der Vorlage mit 26 Ja-Stimmen, 4 Nein-Stimmen und 2 Enthaltungen zu.

Für die Niederschrift: ⟦P|{p4}⟧""",
     notes="Party of council members acting in office is not SPECIAL_CATEGORY. Drucksache, TOP and vote counts are not entities.",
     sex1="f", sex2="m", sex3="m")

CO.t("""\
Beschlussvorlage {vorl1} – Verleihung der Bürgermedaille

Beschlussvorschlag: Der Gemeinderat verleiht {hfn1} ⟦P|{p1}⟧, geboren am ⟦D|{dobl1}⟧, die Bürgermedaille der Stadt {atown}.

Begründung: {hf1} ⟦P|{ln1}⟧ engagiert sich seit über dreißig Jahren ehrenamtlich, zuerst als Übungsleiter{in1} im Verein „{club}“, seit 2011 auch in der Hausaufgabenhilfe für geflüchtete Kinder. Vorgeschlagen wurde {er1} von ⟦P|{p2}⟧ und ⟦P|{p3}⟧. Die Medaille soll beim Neujahrsempfang überreicht werden.""",
     notes="The Vorlage number and the club name are not entities.", kind1="senior")

CO.t("""\
TOP 1 – Fragestunde für Einwohnerinnen und Einwohner

{hf1} ⟦P|{p1}⟧, wohnhaft ⟦A|{street1} {hn1}⟧, fragt, warum die Fußgängerampel an der {fstreet2} seit Monaten außer Betrieb ist. Die Oberbürgermeisterin antwortet, das Ersatzteil sei bestellt und werde bis Ende des Monats eingebaut.

{hf3} ⟦P|{p3}⟧ beklagt die Parksituation in der {fstreet4} und übergibt eine Unterschriftenliste mit 212 Unterschriften. Bürgermeister ⟦P|{p5}⟧ sagt eine Prüfung durch das Ordnungsamt zu.""",
     notes="'Oberbürgermeisterin' is a role without a name. Streets without numbers are places.", home1=True, sex5="m")

CO.t("""\
Anfrage der Fraktion {partei1} vom {date1} – Drucksache {ds1}
Bearbeitungsdauer von Wohngeldanträgen

Stadtrat ⟦P|{p1}⟧ fragt: Wie lange dauert die Bearbeitung eines Wohngeldantrags derzeit im Durchschnitt? In einem ihm bekannten Fall (Az. ⟦C|{az1}⟧) habe die Bearbeitung elf Monate gedauert.

Antwort der Verwaltung: Die durchschnittliche Bearbeitungsdauer lag 2024 bei 9,4 Wochen. Zu Einzelfällen äußert sich die Verwaltung in öffentlicher Sitzung nicht. Das Amt für Wohnungswesen hat zum 1. April zwei zusätzliche Stellen besetzt.

Gez. ⟦P|{p2}⟧, Bürgermeisterin""",
     notes="An Aktenzeichen inside a council paper is labelled; the Drucksache number is not.", sex1="m", sex2="f")

CO.t("""\
Nachruf

Die Stadt {atown} trauert um ihren früheren Stadtrat ⟦P|{p1}⟧ (⟦D|{doby1}⟧–2025). Von 1989 bis 2014 gehörte er dem Gemeinderat an, viele Jahre als Vorsitzender des Sozialausschusses. ⟦P|{p1}⟧ – viele kannten ihn nur als „⟦P|{fn1}⟧“ – setzte sich unermüdlich für bezahlbaren Wohnraum ein.

Unser Mitgefühl gilt seiner Frau ⟦P|{p2}⟧ und der ganzen Familie.

⟦P|{p3}⟧
Oberbürgermeister{in3}""",
     notes="Life dates: only the birth year is DATE_OF_BIRTH. Years in office are not entities. Deceased persons are persons.",
     kind1="senior", sex1="m", same2=1, sex2="f")

CO.t("""\
Bebauungsplan Nr. {bplan} „Am Sandbuckel“ – Abwägung der Stellungnahmen (Vorlage {vorl1})

Stellungnahme 7: ⟦P|{p1}⟧, ⟦A|{street1} {hn1}, {plz1} {town1}⟧
Inhalt: befürchtet eine Verschattung des eigenen Gartens durch die viergeschossige Bebauung.
Abwägung: Die Abstandsflächen werden eingehalten; der Anregung wird nicht gefolgt.

Stellungnahme 8: ⟦P|{fn2}⟧ und ⟦P|{p3}⟧, ⟦A|{street2} {hn2}⟧
Inhalt: fordern Tempo 30 in der {fstreet4} wegen des zusätzlichen Verkehrs.
Abwägung: Verkehrsrechtliche Anordnungen sind nicht Gegenstand des Bebauungsplans.

Stellungnahme 9: Privatperson (Name und Anschrift sind der Verwaltung bekannt)
Inhalt: Hinweis auf Fledermausquartiere im Bestandsgebäude.""",
     notes="'Privatperson' without a name is not an entity. Bebauungsplan and Vorlage numbers are not entities.",
     home1=True, home2=True, same3=2)

CO.t("""\
Einwohnerantrag nach § 20b GemO – Erhalt des Freibads West

Vertrauenspersonen:
1. ⟦P|{p1}⟧, ⟦A|{addr1}⟧
2. ⟦P|{p2}⟧, ⟦A|{addr2}⟧
3. ⟦P|{p3}⟧, ⟦A|{addr3}⟧

Kontakt für Rückfragen: ⟦E|{mail1}⟧, ⟦T|{mob1}⟧

Der Antrag wurde von 2.318 Einwohnerinnen und Einwohnern unterzeichnet. Die Verwaltung hat die Unterschriften geprüft; 2.207 sind gültig. Das Quorum von 3 Prozent ist erreicht.""",
     notes="§ 20b GemO is a legal reference. Counts and percentages are not entities.", home1=True, home2=True, home3=True)

CO.t("""\
Nichtöffentliche Sitzung – Personalangelegenheit (Vorlage {vorl1})
Besetzung der Stelle „Leitung Bauordnungsamt“

Die Verwaltung schlägt vor, die Stelle mit ⟦P|{p1}⟧ zu besetzen, derzeit stellvertretende{r1} Amtsleiter{in1} im Landratsamt. Weitere Bewerbungen in der engeren Wahl: ⟦P|{p2}⟧ und ⟦P|{p3}⟧. {hf2} ⟦P|{ln2}⟧ ist ⟦SC|schwerbehindert⟧ und wurde deshalb nach § 165 SGB IX zum Vorstellungsgespräch eingeladen. Die Schwerbehindertenvertretung hat dem Vorschlag zugestimmt.""",
     notes="'Schwerbehindertenvertretung' is a body. The job title is not an entity.")

CO.t("""\
Niederschrift – Sitzung des Ausschusses für Umwelt und Technik am {datel1}

Anwesend: 11 von 13 Mitgliedern
Entschuldigt: Stadträtin ⟦P|{p1}⟧ (⟦SC|erkrankt⟧), Stadtrat ⟦P|{p2}⟧ (beruflich verhindert)
Vorsitz: Bürgermeister ⟦P|{p3}⟧

TOP {top1}: Radschnellweg – Planungsvereinbarung (Drucksache {ds1})
Stadtrat ⟦P|{p4}⟧ ({partei4}) begrüßt das Projekt. Die Verwaltung sagt zu, die Anwohner der {fstreet5} frühzeitig zu beteiligen.
Beschluss: einstimmig.""",
     notes="The bare fact that a named council member is ill is SPECIAL_CATEGORY; 'beruflich verhindert' is not.",
     sex1="f", sex2="m", sex3="m", sex4="m")

CO.t("""\
Wahl des Jugendgemeinderats 2025 – Ergebnis

Gewählt sind (Stimmen in Klammern):
1. ⟦P|{p1}⟧, 16 Jahre (412)
2. ⟦P|{p2}⟧, 15 Jahre (377)
3. ⟦P|{p3}⟧, 17 Jahre (351)
4. ⟦P|{p4}⟧, 14 Jahre (298)

Wahlbeteiligung: 31,2 %. Die konstituierende Sitzung findet am {date1} im Ratssaal statt. Ansprechpartnerin im Jugendbüro: ⟦P|{p5}⟧, ⟦E|jugendbuero@{adom}⟧.""",
     notes="Ages are not DATE_OF_BIRTH. Vote counts are not entities. organisational: EMAIL.",
     kind1="young", kind2="young", kind3="young", kind4="young", sex5="f")

CO.t("""\
Ehrenamtspreis – Vorschläge der Jury (Vorlage {vorl1})

1. ⟦P|{p1}⟧ ({club}) organisiert seit zehn Jahren den Mittagstisch für Senioren im Gemeindehaus.
2. ⟦P|{fn2}⟧ und ⟦P|{p3}⟧ haben nach dem Hochwasser die Nachbarschaftshilfe im Stadtteil {ortsteil} aufgebaut.
3. Die Initiative „Hand in Hand“ begleitet geflüchtete Familien zu Behördenterminen; Sprecherin ist ⟦P|{p4}⟧.

Die Jury empfiehlt, den Preis zu teilen. Preisgeld je Vorschlag: 500 €.""",
     notes="Club and initiative names are not entities. 'Lisa und Tom Brecht' pattern: '{fn2}' and '{p3}' are two spans.",
     same3=2, sex4="f")

CO.t("""\
Beschlussvorlage {vorl1} – Vergabe der Unterhaltsreinigung, Los 2 (Schulen Nord)

Wirtschaftlichstes Angebot: {company}, Angebotssumme {eur1} € brutto pro Jahr.
Ansprechpartner{in1} des Bieters: ⟦P|{p1}⟧, ⟦T|{tel1}⟧, ⟦E|{mail1}⟧
Prüfung und Wertung: ⟦P|{iln2}⟧, Hochbauamt

Drei weitere Angebote wurden ausgeschlossen, weil die Tariftreueerklärung fehlte. Die Mittel stehen im Produkt 1.21.10 zur Verfügung.""",
     notes="The company name and the budget product number are not entities.")

CO.t("""\
Informationsvorlage – Belegung der Gemeinschaftsunterkunft {fstreet1}

In der Unterkunft leben derzeit 86 Personen, darunter 31 Kinder. Etwa die Hälfte der Bewohnerinnen und Bewohner ist muslimischen Glaubens; ein Gebetsraum steht zur Verfügung. Für Menschen mit Behinderungen gibt es zwei barrierefreie Zimmer im Erdgeschoss.

Ansprechpartnerin der Stadt vor Ort: ⟦P|{p2}⟧, ⟦T|{mob2}⟧
Hausmeister: ⟦P|{p3}⟧
Ehrenamtliche Koordination: ⟦P|{p4}⟧ ({club})""",
     notes="Statements about groups of residents (religion, disability) are not SPECIAL_CATEGORY. The street without a number is not an ADDRESS.",
     sex2="f", sex3="m")

CO.t("""\
Protokoll der Sitzung des Ortschaftsrats {ortsteil} vom {date1}

Ortsvorsteher{in1} ⟦P|{p1}⟧ eröffnet die Sitzung um 19:30 Uhr. Ortschaftsrat ⟦P|{p2}⟧ berichtet, dass die Hecken am Friedhofsweg im Sommer braun geworden sind und der Bauhof nicht gießt. Ortschaftsrätin ⟦P|{p3}⟧ regt an, die Bank vor dem Haus ⟦A|{street4} {hn4}⟧ zu ersetzen; die Eigentümerin, Frau ⟦P|{ln4}⟧, hat eine Spende angeboten.

Nächste Sitzung: {date2}""",
     notes="'braun' is a colour. The meeting time is not an entity.", sex2="m", sex3="f", sex4="f", home4=True)

CO.t("""\
Nichtöffentlich – Härtefallantrag auf Erlass der Stellplatzablöse (Vorlage {vorl1})

Antragsteller{in1}: ⟦P|{p1}⟧, Eigentümer{in1} des Hauses ⟦A|{street1} {hn1}⟧
Sachverhalt: {hf1} ⟦P|{ln1}⟧ möchte das Dachgeschoss zu einer barrierefreien Wohnung für {seinen1} {kind2} ⟦P|{fn2}⟧ ausbauen. Ärztlich bescheinigt ist bei ⟦P|{fn2}⟧: ⟦SC|{health}⟧. Ein Stellplatz kann auf dem Grundstück nicht hergestellt werden. Die Ablöse beträgt {eur1} €.

Vorschlag der Verwaltung: Stundung über fünf Jahre, kein Erlass. Der Ausschuss folgt dem Vorschlag mit 7 : 2 Stimmen.""",
     notes="The diagnosis of the named son is SPECIAL_CATEGORY. The amount and the vote are not entities.", kind1="senior", same2=1, sex2="m", home1=True)

# ----- hand-written council texts -----

CO.h("""\
Niederschrift – öffentliche Sitzung des Gemeinderats

TOP 4: Winterdienst auf Geh- und Radwegen

Stadtrat ⟦P|Frank Winter⟧ (Freie Wähler) erklärt frank und frei, dass der Winterdienst im letzten Winter „eine Katastrophe“ gewesen sei. Stadträtin ⟦P|Ilse Koch-Brandt⟧ (SPD) widerspricht: Die Bauhöfe hätten mit zu wenig Personal viel geleistet. Bürgermeister ⟦P|Lange⟧ räumt ein, dass es lange gedauert habe, bis die Nebenstraßen geräumt waren.

Beschluss: Die Verwaltung legt bis zum Herbst ein Konzept vor (einstimmig).""",
     notes="'Winter' and 'Winterdienst' are seasons/services, 'frank' is an adverb, 'lange' an adverb; as names they are PERSON.")

CO.h("""\
Beschlussvorlage 2025/0142

Betreff: Bebauungsplan Nr. 7-12 „Gewerbegebiet Rheinhafen Süd“ – Aufstellungsbeschluss

Der Gemeinderat beschließt die Aufstellung des Bebauungsplans nach § 2 Abs. 1 BauGB für den Bereich zwischen der Rheinhafenstraße, der Bahnlinie und dem Hafenbecken II (Flurstücke 4411/2 und 4412). Die frühzeitige Beteiligung der Öffentlichkeit erfolgt durch eine Auslegung im Rathaus vom 14. Juli bis 15. August.

Finanzielle Auswirkungen: Produkt 5.11.01, Planungskosten ca. 85.000 €.""",
     notes="No entities: Vorlage, Bebauungsplan, Flurstück, product and legal references are not entities.")

CO.h("""\
Anfrage von Stadträtin ⟦P|Derya Karaca⟧ (Grüne) zur Einbürgerungsbehörde

Mir ist der Fall einer Pflegekraft bekannt, Frau ⟦P|Adaeze Okonkwo⟧, die seit 14 Monaten auf ihre Einbürgerung wartet (Az. ⟦C|33.1-EB-00913/24⟧). Sie hat mich ausdrücklich gebeten, ihren Fall zu nennen. Ich frage die Verwaltung:

1. Wie viele Einbürgerungsanträge sind derzeit offen?
2. Wie viele davon warten länger als zwölf Monate?
3. Plant die Verwaltung, die Sachbearbeitung zu digitalisieren?""",
     notes="The council member's party is not SPECIAL_CATEGORY. The Az. inside a council paper is labelled.")

CO.h("""\
Nachruf

Wir trauern um Dr. ⟦P|Gisela Hauber⟧ (⟦D|1941⟧–2025), Stadträtin von 1994 bis 2019 und Trägerin der Bürgermedaille. Als Ärztin hat sie die Sozialstation im Stadtteil mit aufgebaut und war bis ins hohe Alter im Hospizverein aktiv. Ihr Rat war über alle Fraktionsgrenzen hinweg geschätzt.

Die Trauerfeier findet am Freitag, 27. Juni, um 14 Uhr in der Friedhofskapelle statt.

Für den Gemeinderat
⟦P|Christoph Ertl⟧, Oberbürgermeister""",
     notes="'Dr.' stays outside the span. Life dates: only the birth year is DATE_OF_BIRTH; years in office are not entities.")

CO.h("""\
Antrag auf Überlassung des Bürgersaals – Vorlage an den Ältestenrat

Frau ⟦P|Ljudmila Sacharowa⟧ beantragt als Privatperson, den Bürgersaal am 20. September für eine Informationsveranstaltung zu nutzen. Nach ihren eigenen Angaben ist sie ⟦SC|Mitglied der Partei Die Linke⟧, die Veranstaltung sei aber keine Parteiveranstaltung. Der Ältestenrat hat in vergleichbaren Fällen (zuletzt Antrag von Herrn ⟦P|Gutekunst⟧, FDP-Stadtrat) die Überlassung abgelehnt, wenn Parteien als Mitveranstalter auftreten.

Empfehlung der Verwaltung: Zustimmung unter der Auflage, dass keine Parteiwerbung ausgelegt wird.""",
     notes="A private citizen's party membership is SPECIAL_CATEGORY (political opinion); the party of a council member in office is not.")

CO.h("""\
Ältestenrat – Kurzprotokoll

1. Stadtrat ⟦P|Ömer Doğan⟧ ist seit drei Wochen ⟦SC|krank⟧ und lässt sich bis auf Weiteres in den Ausschüssen von Stadträtin ⟦P|Petra Maier⟧ vertreten.
2. Die Sitzungsgelder werden ab Januar an die Tariferhöhung angepasst (Vorlage GR/2025/077).
3. Die Haushaltsklausur findet am 8. und 9. November im Kloster Maria Hilf statt.""",
     notes="The illness of a named council member is SPECIAL_CATEGORY. 'Kloster Maria Hilf' is a place name.")

CO.h("""\
Verleihung der Ehrenbürgerwürde – Beschlussvorlage

Der Gemeinderat verleiht Frau Prof. Dr. ⟦P|Anneliese Gschwind⟧, geboren ⟦D|1932⟧ in Gernsbach, das Ehrenbürgerrecht der Stadt. Frau ⟦P|Gschwind⟧ hat als Historikerin die Geschichte der jüdischen Gemeinde unserer Stadt erforscht und die Verlegung von 46 Stolpersteinen angeregt. Gemeinsam mit ihrem verstorbenen Mann ⟦P|Heinrich⟧ gründete sie 1978 den Geschichtsverein.

Die Verleihung soll am 9. November im Rahmen der Gedenkveranstaltung stattfinden.""",
     notes="'geboren 1932' marks a birth year. 'jüdischen Gemeinde' is about a community, not a person's religion. The birthplace is not an entity.")

CO.h("""\
Bauausschuss – Niederschrift (Auszug)

TOP 6: Bauvoranfrage ⟦A|Kolpingstraße 14⟧, Neubau eines Mehrfamilienhauses (Az. ⟦C|63-BV-0551/25⟧)

Bauherr ist die Gänswein Wohnbau GmbH. Deren Geschäftsführer, Herr ⟦P|Tobias Gänswein⟧, stellt das Projekt vor. Stadtrat ⟦P|Koch⟧ (CDU) fragt, ob im Erdgeschoss wieder eine Kantine mit eigenem Koch geplant sei, wie im Vorgängerbau. Dies wird verneint.

Der Ausschuss stellt das Einvernehmen mit 8 : 3 Stimmen her.""",
     notes="'Gänswein Wohnbau GmbH' is a company name, but its managing director 'Tobias Gänswein' is a PERSON. 'Koch' as a job is not a name.")

CO.h("""\
Sitzung des Jugendhilfeausschusses – Bericht aus der Verwaltung

Die Zahl der Inobhutnahmen ist 2024 auf 143 gestiegen (2023: 118). In 41 Fällen lag eine Suchterkrankung mindestens eines Elternteils vor, in 27 Fällen eine psychische Erkrankung. Die Zahl der unbegleiteten minderjährigen Ausländer liegt stabil bei 35.

Frau ⟦P|Reimer⟧ (Amtsleitung Jugendamt) bittet um Verständnis, dass aus Datenschutzgründen keine Einzelfälle dargestellt werden.""",
     notes="Statistics about groups are not SPECIAL_CATEGORY. 'Amtsleitung' in parentheses is a role.")

# ===== form: filled-in forms, e-mail forwards, chat messages, lists =================================

FO.t("""\
Antrag auf Bewohnerparkausweis                         Zone: {nr1}
----------------------------------------------------------------
Name, Vorname:          ⟦P|{pr1}⟧
Anschrift:              ⟦A|{street1} {hn1}⟧
PLZ / Ort:              ⟦A|{plz1} {town1}⟧
Telefon (tagsüber):     ⟦T|{tel1}⟧
E-Mail:                 ⟦E|{mail1}⟧
Amtl. Kennzeichen:      ⟦K|{plate1}⟧
Fahrzeug:               {car1}
Halter, falls abweichend: ⟦P|{p2}⟧
[x] Ich bin unter der oben genannten Anschrift mit Hauptwohnung gemeldet.
Datum / Unterschrift:   {date1}   ⟦P|{iln1}⟧""",
     notes="'Name, Vorname' field: '{pr1}' is one PERSON span. The zone number and the car model are not entities.")

FO.t("""\
Hallo ⟦P|{fn2}⟧,

kannst du das bitte übernehmen? Die Dame war schon zweimal am Schalter.
Danke, ⟦P|{fn3}⟧

---------- Weitergeleitete Nachricht ---------
Von: ⟦P|{p1}⟧ <⟦E|{mail1}⟧>
Datum: {wday}, {datel1} um {time1}
Betreff: Re: Ihr Antrag ⟦C|{az1}⟧
An: <⟦E|wohngeld@{adom}⟧>

> Sehr geehrte Damen und Herren,
> anbei die fehlende Verdienstbescheinigung meines Mannes ⟦P|{p4}⟧.
> Die neue Bankverbindung lautet ⟦I|{iban1}⟧.
> Mit freundlichen Grüßen
> ⟦P|{p1}⟧""",
     notes="E-mail header lines: the display name is PERSON, the address inside <> is EMAIL. organisational: EMAIL 'wohngeld@{adom}'.",
     sex1="f", same4=1, sex4="m")

FO.t("""\
#team-bürgerbüro · {datel1}

[08:52] ⟦P|{p1}⟧: morgen! wer macht heute schalter 3?
[08:53] ⟦P|{p2}⟧: ich. frau ⟦P|{lnl3}⟧ hat übrigens wieder angerufen wg. ihrem ausweis, nr. ⟦ID|{ausweis3}⟧ – ist der schon da?
[08:55] ⟦P|{p1}⟧: liegt im fach. sie kann aber nicht selbst kommen, ist grad ⟦SC|im krankenhaus⟧. ihr sohn ⟦P|{fn4}⟧ holt ihn mit vollmacht ab
[08:56] ⟦P|{p2}⟧: ok 👍 hast du die nummer vom sohn?
[08:57] ⟦P|{p1}⟧: ⟦T|{mob4}⟧
[08:57] ⟦P|{p2}⟧: danke!!""",
     notes="Chat display names are PERSON. A lower-case surname is still a PERSON. Times are not entities.",
     sex3="f", same4=3, sex4="m")

FO.t("""\
Anmeldung bei der Meldebehörde                                   Seite 1/2

Tag des Einzugs: {datep1}
Neue Wohnung
  Straße, Hausnummer:  ⟦A|{street1} {hn1}⟧
  PLZ, Gemeinde:       ⟦A|{plz1} {town1}⟧
Bisherige Wohnung:     ⟦A|{addr2}⟧

Person 1
  Familienname:        ⟦P|{LN1}⟧
  Vornamen:            ⟦P|{fn1}⟧
  Geburtsdatum:        ⟦D|{dob1}⟧
  Geburtsort:          {birthplace1}
  Geschlecht:          {mf1}
  Religion:            ⟦SC|{rk1}⟧
  Staatsangehörigkeit: {nat1}
  Personalausweis:     ⟦ID|{ausweis1}⟧
Person 2
  Familienname:        ⟦P|{LN2}⟧
  Vornamen:            ⟦P|{fn2}⟧
  Geburtsdatum:        ⟦D|{dob2}⟧
  Religion:            ⟦SC|{rk2}⟧""",
     notes="Surnames in capitals are PERSON. Birthplace, sex and nationality are not entities. The move-in date is not DATE_OF_BIRTH.",
     origin1="de", kind1="parent", home1=True, same2=1, kind2="child")

FO.t("""\
SEPA-Lastschriftmandat
Zahlungsempfänger: Stadt {atown}, Gläubiger-Identifikationsnummer {glaeub}
Kassenzeichen: ⟦C|{kz1}⟧

Ich ermächtige die Stadt {atown}, Zahlungen von meinem Konto mittels Lastschrift einzuziehen.

Kontoinhaber (Name, Vorname): ⟦P|{pr1}⟧
Straße und Hausnummer:        ⟦A|{street1} {hn1}⟧
PLZ und Ort:                  ⟦A|{plz1} {town1}⟧
Kreditinstitut:               {bank}
I B A N:  ⟦I|{ibano1}⟧
B I C:    ⟦B|{bic1}⟧

Ort, Datum: {town1}, {date1}        Unterschrift: ⟦P|{p1}⟧""",
     notes="The Gläubiger-Identifikationsnummer '{glaeub}' is the city's creditor ID, not an IBAN. The IBAN has OCR-like spacing. The town in 'Ort, Datum' is not an ADDRESS.")

FO.t("""\
Offene Fälle Pflegestützpunkt – Stand {date1}

• ⟦P|{iln1}⟧ (geb. ⟦D|{dob1}⟧), ⟦SC|{pg}⟧, Rückruf Tochter wg. Kurzzeitpflege – ⟦T|{tel1}⟧
• Ehepaar ⟦P|{ln2}⟧, ⟦A|{street2} {hn2}⟧: Antrag Hausnotruf; Herr ⟦P|{ln2}⟧ ist nach ⟦SC|Schlaganfall⟧ halbseitig gelähmt
• ⟦P|{p3}⟧: Wohnberatung, Badumbau nach ⟦SC|Hüft-OP⟧, Kostenvoranschlag liegt vor
• Hr. ⟦P|{ln4}⟧: kein Rückruf mehr gewünscht, Angehörige kümmern sich""",
     notes="'Ehepaar {ln2}': the surname is PERSON. 'Hausnotruf' and 'Wohnberatung' are services.",
     kind1="senior", kind2="senior", sex2="m", kind3="senior", sex4="m")

FO.t("""\
W o h n g e l d a n t r a g  ( M i e t z u s c h u s s )          Eingang: {date1}

1 . Antragsteller/in
Fa milienname :  ⟦P|{ln1}⟧            Vorname :  ⟦P|{fn1}⟧
Geburts datum :  ⟦D|{dobv1}⟧       Familienstand :  verh.
Anschrift :  ⟦A|{street1} {hn1} ,  {plz1} {town1}⟧
Telefon :  ⟦T|{telo1}⟧
Steuer-ldentifikationsnr. :  ⟦X|{taxidg1}⟧

2 . Haushaltsmitglieder
 Name                     geb. am        Verwandtschaft
 ⟦P|{p2}⟧        ⟦D|{dob2}⟧     Ehe-
                                          gatte/in
 ⟦P|{p3}⟧        ⟦D|{dob3}⟧     Kind

3 . Bankverbindung
IBAN :  ⟦I|{ibano1}⟧      Kontoinhaber :  ⟦P|{iln1}⟧""",
     notes="OCR-like spacing in field labels and values. Street, postcode and town on one line form one ADDRESS span even with ' , '. The 'geb. am' column marks birth dates.",
     kind1="parent", same2=1, kind2="parent", same3=1, kind3="child", home1=True)

FO.t("""\
Neue Nachricht über das Kontaktformular
--------------------------------------------
Anrede:    {hf1}
Vorname:   ⟦P|{fn1}⟧
Nachname:  ⟦P|{ln1}⟧
E-Mail:    ⟦E|{mail1}⟧
Telefon:   ⟦T|{mob1}⟧
Anliegen:  Fundsachen
Nachricht:
Guten Tag, ich habe am {date1} meinen Geldbeutel im Bus der Linie 2 verloren, darin waren mein Führerschein und meine Gesundheitskarte. Wurde er vielleicht abgegeben? Ich wohne ⟦A|{street1} {hn1}⟧, Sie können ihn auch schicken.
--------------------------------------------
IP-Adresse: {ip}
Datenschutzhinweis akzeptiert: ja""",
     notes="The IP address is personal data but not one of the 14 types; it is not labelled.")

FO.t("""\
GewA 1 – Gewerbe-Anmeldung (Auszug)

Feld 3  Name:                 ⟦P|{ln1}⟧
Feld 4  Vornamen:             ⟦P|{fn1}⟧
Feld 6  Geburtsdatum:         ⟦D|{dob1}⟧
Feld 7  Geburtsort, -land:    {birthplace1}
Feld 8  Staatsangehörigkeit:  {nat1}
Feld 9  Anschrift der Wohnung: ⟦A|{addr1}⟧
        Telefon: ⟦T|{tel1}⟧   E-Mail: ⟦E|{mail1}⟧
Feld 12 Betriebsstätte:       ⟦A|{addr2}⟧
Feld 15 Angemeldete Tätigkeit: Kosmetikstudio, Nageldesign
Feld 17 Beginn der Tätigkeit: {date1}""",
     notes="Field numbers and the start date are not entities.", sex1="f", kind1="parent")

FO.t("""\
Antrag Wohnberechtigungsschein – Haushaltsangehörige

- ⟦P|{p1}⟧ (Antragsteller{in1}), geb. ⟦D|{dob1}⟧
- ⟦P|{p2}⟧, geb. ⟦D|{dob2}⟧, {kind2}
- ⟦P|{p3}⟧, geb. ⟦D|{dob3}⟧, {kind3}

Besonderer Wohnbedarf: ⟦SC|{disab}⟧ (⟦P|{fn2}⟧) → Erdgeschoss oder Aufzug erforderlich
Derzeitige Wohnung: ⟦A|{addr1}⟧, 3 Zimmer, 68 m²
Monatliche Kaltmiete: {eur1} €""",
     notes="Room count, size and rent are not entities.", kind1="parent", same2=1, kind2="child", same3=1, kind3="child")

FO.t("""\
Fundbuch – Eingang {date1}

Gegenstand: Geldbörse, schwarz, Leder
Fundort:    Haltestelle {fstreet1}
Inhalt:     Personalausweis ⟦ID|{ausweis2}⟧ auf ⟦P|{p2}⟧, Bankkarte, 23,40 € Bargeld
Finder{in3}: ⟦P|{p3}⟧, ⟦A|{addr3}⟧, ⟦T|{mob3}⟧ – Finderlohn gewünscht: ja
Eigentümer{in2} benachrichtigt am {date2} per Brief an ⟦A|{addr2}⟧""",
     notes="A stop named after a street is a place, not an ADDRESS.")

FO.t("""\
Terminübersicht Bürgerbüro – {datel1}
Uhrzeit;Name;Geburtsdatum;Telefon;Anliegen
08:00;⟦P|{pr1}⟧;⟦D|{dob1}⟧;⟦T|{mob1}⟧;Reisepass
08:15;⟦P|{pr2}⟧;⟦D|{dob2}⟧;⟦T|{mob2}⟧;Anmeldung
08:30;⟦P|{pr3}⟧;⟦D|{dob3}⟧;⟦T|{tel3}⟧;Führungszeugnis
08:45;(frei);;;
09:00;⟦P|{pr4}⟧;⟦D|{dob4}⟧;⟦T|{mob4}⟧;Personalausweis""",
     notes="CSV export: the 'Geburtsdatum' column marks birth dates. 'Surname, first name' is one PERSON span.")

FO.t("""\
Vorgang ⟦C|{vg1}⟧ · Kategorie: Straßenschäden · Status: in Bearbeitung
Gemeldet von: ⟦P|{p1}⟧ (⟦E|{mail1}⟧)
Ort: vor ⟦A|{street1} {hn1}⟧
Beschreibung: Schlagloch, ca. 40 cm Durchmesser, Radfahrer gefährdet.
Zugewiesen an: ⟦P|{iln2}⟧ (Tiefbauamt)
Kommentar ⟦P|{iln2}⟧, {date1}: Kolonne informiert, Absperrung steht.""",
     notes="A Vorgangsnummer is a CASE_NUMBER.", home1=True)

FO.t("""\
Personalbogen – Neueinstellung zum {date1}

Name:            ⟦P|{ln1}⟧
Vorname:         ⟦P|{fn1}⟧
Geburtsdatum:    ⟦D|{dob1}⟧
Geburtsort:      {birthplace1}
Anschrift:       ⟦A|{addr1}⟧
Steuer-ID:       ⟦X|{taxidc1}⟧     Steuerklasse: IV     Kinderfreibeträge: 1,0
Konfession:      ⟦SC|{rk}⟧
RV-Nummer:       ⟦S|{rv1}⟧
Krankenkasse:    AOK Baden-Württemberg
IBAN:            ⟦I|{iban1}⟧    BIC: ⟦B|{bic1}⟧
Schwerbehindert: [ ] nein  [x] ja, ⟦SC|GdB {gdb}⟧
Notfallkontakt:  ⟦P|{p2}⟧, ⟦T|{mob2}⟧""",
     notes="Tax class and the health insurer are not entities.", kind1="parent")

FO.t("""\
Von: ⟦P|{p2}⟧ <⟦E|{mail2}⟧>
Gesendet: {wday}, {datel1} {time1}
An: ⟦P|{p1}⟧ <⟦E|{mail1}⟧>
Betreff: AW: Sperrmüllanmeldung ⟦A|{street1} {hn1}⟧

{sg1} ⟦P|{ln1}⟧,

Ihr Termin ist bestätigt: {date1}, Bereitstellung ab 6 Uhr am Straßenrand.

{agruss}
⟦P|{p2}⟧
Abfallwirtschaft der Stadt {atown}
⟦A|{astreet} {ahn}, {aplz} {atown}⟧
Tel. ⟦T|{atel}⟧ | Fax ⟦T|{afax}⟧

-----Ursprüngliche Nachricht-----
Von: ⟦E|{mail1}⟧
Betreff: Sperrmüllanmeldung ⟦A|{street1} {hn1}⟧

Hallo, ich möchte Sperrmüll anmelden: 1 Kleiderschrank, 2 Stühle, 1 Teppich. Adresse siehe Betreff.
⟦P|{fn1}⟧""",
     notes="organisational: ADDRESS, PHONE and fax of the Abfallwirtschaft.", home1=True)

FO.t("""\
Anmeldung eines Hundes zur Hundesteuer

Halter{in1}:        ⟦P|{p1}⟧, geb. ⟦D|{dob1}⟧
Anschrift:         ⟦A|{addr1}⟧
Hund:              Name {pet}, Labrador-Mischling, Farbe braun, gewölft 2023
gehalten seit:     {datep1}
Steuerbefreiung:   [x] Blindenführhund – Halter{in1} ist ⟦SC|blind⟧ (Ausweis mit Merkzeichen Bl liegt bei)
Abbuchung von:     ⟦I|{ibano1}⟧""",
     notes="The dog's name, colour ('braun') and whelping year are not entities; 'gewölft 2023' is not a person's birth date.")

# ----- hand-written form texts -----

FO.h("""\
[Chatverlauf exportiert, Bürgerbüro ↔ Dolmetscherdienst]

[10:02] ⟦P|Tetiana Hnatiuk⟧: Dobryi den, ich bin mit Frau ⟦P|Kovalchuk⟧ am Schalter 2, sie versteht den Bescheid nicht.
[10:03] ⟦P|Melanie Bühler⟧: Danke! Es geht um die Meldebescheinigung für ihre Tochter ⟦P|Sofiia⟧, geb. ⟦D|03.02.2016⟧.
[10:03] ⟦P|Tetiana Hnatiuk⟧: Vona kazhe, donka zhyve z neyu na ⟦A|Scheffelstraße 31⟧ – sie sagt, die Tochter wohnt bei ihr in der ⟦A|Scheffelstraße 31⟧.
[10:05] ⟦P|Melanie Bühler⟧: Passt, dann drucke ich das aus.""",
     notes="Mixed German/Ukrainian (Latin transliteration). The same address is labelled in both languages.")

FO.h("""\
AN MELDUNG  —  gescannt, Seite 1

Familien name:  ⟦P|WÓJCIK⟧
Vor namen:  ⟦P|Przemysław Jan⟧
Geburts datum:  ⟦D|1 4 . 0 9 . 1 9 8 2⟧
Geburts ort:  Opole
Neue Woh nung:  ⟦A|Gottlieb-Daimler-Straße 8/1⟧
                ⟦A|7 3 7 3 0  Esslingen am Neckar⟧
Tele fon:  ⟦T|0 1 7 2 / 5 4 1 8 8 0 3⟧
Ausweis:  Reise pass  Polen  Nr. ⟦PP|ER 6 1 8 4 0 2 7⟧""",
     notes="OCR spacing inside values: the spans cover the spaced values. The birthplace is not an entity.")

FO.h("""\
-------- Forwarded Message --------
Subject: Re: Wohnungsgeberbestätigung
Date: Tue, 3 Jun 2025 18:22:10 +0200
From: ⟦P|Oliver Thompson⟧ <⟦E|oliver.thompson@example.com⟧>
To: ⟦P|Finn Olsson⟧ <⟦E|f.olsson@mail.example⟧>

Hi ⟦P|Finn⟧, attached is the confirmation for the flat at ⟦A|Oststadtring 88, 68165 Mannheim⟧. Let me know if the Bürgeramt needs anything else. My landlord number is ⟦T|+44 7700 900417⟧.

Best, ⟦P|Oliver⟧

> Hallo ⟦P|Oliver⟧, kannst du mir die Wohnungsgeberbestätigung schicken? Ohne die kann ich mich nicht anmelden.
> Danke, ⟦P|Finn⟧""",
     notes="Mixed English/German forward. The time-zone offset '+0200' is not a phone number. First names alone are PERSON.")

FO.h("""\
Warteliste Kita Schatzinsel – Stand 01.06.

1. ⟦P|Yusuf Erbil⟧ – * ⟦D|12.11.2022⟧ – Aufnahme gewünscht ab 09/2025 – Geschwisterkind
2. ⟦P|Ela Doğan⟧ – * ⟦D|04.01.2023⟧ – ab 01/2026
3. ⟦P|Mats Harms⟧ – * ⟦D|29.03.2023⟧ – ab 09/2025 – ⟦SC|Erdnussallergie⟧, Notfallset
4. ⟦P|Aylin Sarı⟧ – * ⟦D|17.07.2022⟧ – ab sofort – Mutter alleinerziehend, berufstätig""",
     notes="'*' marks a birth date. Requested start months are not entities.")

FO.h("""\
Vollmacht

Hiermit bevollmächtige ich, Name: ______________________, geboren am __.__.____,

Herrn / Frau ______________________, für mich folgende Angelegenheit zu erledigen:
[ ] Abholung Personalausweis   [ ] Abholung Reisepass   [ ] Meldebescheinigung

Bitte legen Sie den Ausweis der vollmachtgebenden Person im Original vor.""",
     notes="Empty form: no entities.")

FO.h("""\
Vollmacht

Ich, ⟦P|Giuseppina Caruso⟧, geb. ⟦D|23.06.1941⟧, wohnhaft ⟦A|Kastanienallee 2, 76189 Karlsruhe⟧, Personalausweis-Nr. ⟦ID|{ausweis1}⟧,
bevollmächtige meinen Enkel ⟦P|Luca Caruso⟧, geb. ⟦D|08.10.1999⟧, Personalausweis-Nr. ⟦ID|{ausweisc2}⟧,
meinen neuen Reisepass im Bürgerbüro abzuholen, weil ich wegen einer ⟦SC|Knie-OP⟧ nicht selbst kommen kann.

Karlsruhe, 12. Mai 2025
⟦P|G. Caruso⟧""", notes="Place and date of signing are not entities. Initial plus surname is a PERSON.")

FO.h("""\
TELEFAX

An:      Stadt Offenburg, Ausländerbehörde – Fax ⟦T|0781 82-7290⟧
Von:     Kanzlei Tchamba & Kollegen, Rechtsanwältin ⟦P|Mireille Tchamba⟧
Fax:     ⟦T|0781 948 12-99⟧   Tel.: ⟦T|0781 948 12-0⟧
Datum:   16.06.2025          Seiten: 4 (inkl. Deckblatt)

Ihr Zeichen: ⟦C|ABH 32.41-7718⟧
Unser Zeichen: ⟦C|311/25 MT⟧

Betreff: Mandant ⟦P|Abdoulaye Diallo⟧, geb. ⟦D|01.01.1996⟧ – Antrag auf Beschäftigungserlaubnis

Anbei übersenden wir den Arbeitsvertrag mit der Bäckerei Ströbele vorab per Fax. Das Original folgt per Post.""",
     notes="'Kanzlei Tchamba & Kollegen' and 'Bäckerei Ströbele' are firm names; 'Mireille Tchamba' is a PERSON. A birth date of 01.01. is a common placeholder date for refugees but is still labelled.")

FO.h("""\
[Teams] ⟦P|Kerstin Lämmle⟧ 11:14
kurze frage: die steuer-id von frau ⟦P|Haidari⟧ geht bei mir nicht durch die prüfung – {taxswap1} – hab ich mich vertippt oder sie?

[Teams] ⟦P|Volkan Tunç⟧ 11:16
laut kopie vom bescheid ist es ⟦X|{taxid1}⟧. da hast du wohl zwei ziffern vertauscht 😉

[Teams] ⟦P|Kerstin Lämmle⟧ 11:16
ah danke!!""", notes="not an entity: '{taxswap1}' (TAX_ID checksum fails)")

FO.h("""\
Auszahlungsliste Rückerstattung Elternbeiträge – Konten im Ausland, Stand 30.05.

Nr. | Empfänger               | IBAN                               | BIC
1   | ⟦P|Lotte Visser⟧            | ⟦I|{ibanNL1}⟧             | ⟦B|{bicx1}⟧
2   | ⟦P|Pieter Peeters⟧          | ⟦I|{ibanBE2}⟧                | ⟦B|{bicx2}⟧
3   | ⟦P|Claude Weber-Hoffmann⟧   | ⟦I|{ibanLU3}⟧           | ⟦B|{bicx3}⟧
4   | ⟦P|Veronika Hutter⟧         | ⟦I|{ibanAT4}⟧           | ⟦B|{bicx4}⟧
5   | ⟦P|João Ferreira⟧           | ⟦I|{ibanES5}⟧      | ⟦B|{bicx5}⟧
6   | ⟦P|Reto Gschwind⟧           | ⟦I|{ibanCH6}⟧         | ⟦B|{bicx6}⟧
7   | ⟦P|Hatice Yıldız⟧           | ⟦I|{ibanTR7}⟧    | ⟦B|{bicx7}⟧

Summe: 7 Zahlungen, 2.114,50 €. Freigabe: ⟦P|S. Ganter⟧""",
     notes="Table of foreign IBANs (NL, BE, LU, AT, ES, CH, TR) with valid check digits; BICs match the country.")

FO.h("""\
Abmeldung eines Fahrzeugs (Auszug aus der Vorgangsübersicht)

Kennzeichen:        ⟦K|BAD-LM 77⟧ (Saisonkennzeichen 04–10)
Halterin:           ⟦P|Maria Oikonomou⟧
neue Anschrift:     ⟦A|Getreidegasse 14, 5020 Salzburg⟧, Österreich
Grund:              Wegzug ins Ausland
Vorgangsnummer:     ⟦C|V25/40913⟧
Kennzeichen reserviert bis: 15.09.""",
     notes="An Austrian address with a four-digit postcode. The season range is not an entity.")

FO.h("""\
Sperrmülltermine KW 26 – Tour Süd

Mo  ⟦A|Im Grund 12⟧          2 m³  Möbel
Mo  ⟦A|Im Grund 19 b⟧        1 m³  Matratzen
Di  ⟦A|Talweg 3–5⟧           4 m³  Entrümpelung (Hausverwaltung)
Di  ⟦A|Auf dem Berg 41⟧      1 m³  Elektro
Mi  Am Federbach (ohne Nr., Anrufer meldet sich nochmal)""",
     notes="A street without a house number is not an ADDRESS. Volumes and weekdays are not entities.")

# ===== hard: edge cases for span boundaries, look-alikes and unusual spellings ======================

HA.t("""\
hallo

hier ist ⟦P|{pl1}⟧, ich wohn in der ⟦A|{fstreet1:l} {hn1}⟧ und wollte fragen ob ich meinen wohngeldbescheid auch per mail bekommen kann, an ⟦E|{mail1:l}⟧. mein konto hat sich geändert, die neue iban ist ⟦I|{ibanl1}⟧. mein nachbar herr ⟦P|{ln2:l}⟧ meinte das geht

danke
⟦P|{fn1:l}⟧""", notes="Everything in lower case: names, street and IBAN are still entities.", sex2="m")

HA.t("""\
Beschwerde über den Winterdienst

{hallo},

ich wohne schon lange in der {fstreet1}, aber so schlecht wie in diesem Winter war der Räumdienst noch nie. Der Schnee lag nach drei Tagen braun und matschig auf dem Gehweg, und niemand weiß, wann überhaupt geräumt wird. Ich sage Ihnen frank und frei: So geht das nicht. Frau ⟦P|{ln2}⟧ vom Bauhof war am Telefon sehr freundlich, konnte aber auch nichts machen.

{gruss}
⟦P|{p1}⟧, ⟦A|{fstreet1} {hn1}⟧""",
     notes="'lange', 'Winter', 'braun', 'weiß' and 'frank' are ordinary words here. The street without a number is a place; with the number it is an ADDRESS.",
     sex2="f")

HA.t("""\
Testlauf Pseudonymisierung – Auszug aus dem Protokoll, Stand {date1}

Ausgabe: „[PERSON_1] wohnt in [ADRESSE_1] und ist unter [TELEFON_1] erreichbar. Die Erstattung erfolgt auf [IBAN_1], Aktenzeichen [AZ_1].“

Nicht ersetzt wurden: der Name ⟦P|{p2}⟧ in der Signatur, die Durchwahl ⟦T|{atel}⟧ und die Anschrift ⟦A|{addr2}⟧ im Briefkopf. Bitte die Regeln prüfen.
– ⟦P|{iln3}⟧""", notes="Placeholders in square brackets are already pseudonymised and are not entities. organisational: PHONE '{atel}'.")

HA.t("""\
Betreff: Frage zur Hundesteuer

Hallo, bitte antworten Sie nicht an die Absenderadresse (Arbeit), sondern an ⟦E|{mailo1}⟧ oder an ⟦E|{mailb2}⟧ (meine Frau, ⟦P|{p2}⟧). Telefonisch bin ich unter ⟦T|{telfw1}⟧ erreichbar. Die alte Festnetznummer ({red}) ist abgeschaltet.
– ⟦P|{p1}⟧""",
     notes="Obfuscated e-mail addresses are EMAIL. The phone number uses full-width digits. The redacted number '{red}' is not an entity.",
     sex1="m", sex2="f")

HA.t("""\
Prüfprotokoll Import Wohngeld – Datensatz {nr1}

Steuer-ID (Feld 14):        {badtax} → Prüfziffer falsch, Datensatz zurückgewiesen
Steuer-ID (korrigiert):     ⟦X|{taxid1}⟧ → ok
IBAN (Feld 22):             {badiban} → Prüfsumme falsch
IBAN (korrigiert):          ⟦I|{iban1}⟧ → ok
RV-Nummer (Feld 31):        {badrv} → Prüfziffer falsch
RV-Nummer (korrigiert):     ⟦S|{rv1}⟧ → ok
Antragsteller{in1}:         ⟦P|{pr1}⟧, geb. ⟦D|{dob1}⟧""",
     notes="not an entity: '{badtax}' (TAX_ID checksum fails); not an entity: '{badiban}' (IBAN checksum fails); not an entity: '{badrv}' (SOCIAL_SECURITY checksum fails)")

HA.t("""\
Aktennotiz Verkehrsschau {date1}

Die {pstreet1} zwischen dem Sophie-Scholl-Gymnasium und der Einfahrt von {company} ist morgens zugeparkt. Eine Anwohnerin, Frau ⟦P|{p2}⟧ (⟦A|{pstreet1} {hn2}⟧), regt ein absolutes Halteverbot an. Vor der Albert-Schweitzer-Grundschule besteht das Problem nicht. Herr ⟦P|{ln3}⟧ (Verein „{club}“) bittet, die Zufahrt zum Vereinsheim freizuhalten.""",
     notes="Person names inside street, school and company names are not PERSON. The street named after a person is an ADDRESS only with a house number.",
     sex2="f", sex3="m")

HA.t("""\
Betreff: Rückerstattung Kita-Gebühren

Die Kontoinhaber sind ⟦P|{fn1}⟧ und ⟦P|{p2}⟧, wohnhaft ⟦A|{addr1}⟧. Bitte überweisen Sie den zu viel gezahlten Betrag ({eur1} €) auf
IBAN ⟦I|{ibannb1}⟧
(aus dem Onlinebanking kopiert, daher die geschützten Leerzeichen)
Verwendungszweck: Erstattung ⟦P|{p3}⟧""",
     notes="'Lisa und Tom Brecht' pattern: the first name alone and the full name are two spans. The IBAN contains no-break spaces.",
     kind1="parent", same2=1, kind2="parent", same3=1, kind3="small")

HA.t("""\
Anfrage Stadtrat ⟦P|{p1}⟧ – Drucksache {ds1}

„Wie viele Menschen mit Behinderungen arbeiten in der Stadtverwaltung?“

Antwort: 7,1 Prozent der Beschäftigten sind schwerbehindert oder gleichgestellt; die Pflichtquote ist erfüllt. Auf die Nachfrage zu einem laufenden Widerspruchsverfahren (Az. ⟦C|{az1}⟧) einer Mitarbeiterin, Frau ⟦P|{ln2}⟧, die mit ⟦SC|GdB {gdb}⟧ eine Versetzung beantragt hat, kann in öffentlicher Sitzung nicht eingegangen werden.""",
     notes="Statements about groups are not SPECIAL_CATEGORY; the named employee's GdB is. The Az. inside a council paper is labelled, the Drucksache is not.",
     sex1="m", sex2="f")

HA.t("""\
Sterbefallanzeige (Auszug)

Verstorbene: ⟦P|{p1}⟧ geb. ⟦P|{ln3}⟧, * ⟦D|{dob1}⟧, † {datep1}
Ehemann: ⟦P|{p2}⟧, vorverstorben
Letzte Anschrift: ⟦A|{addr1}⟧
Anzeigende: ⟦P|{p4}⟧, Tochter""",
     notes="'geb. {ln3}' introduces the birth name (PERSON), not a date. '*' marks the birth date, '†' the date of death (not an entity).",
     sex1="f", kind1="senior", same2=1, sex2="m", sex4="f", same4=1)

HA.t("""\
Rückfrage Stadtkasse – Zuordnung einer Zahlung

Kundennummer {kdnr}, Zählernummer {zaehler}, Rechnungsnummer {rechnr}: Die Zahlung über {eur1} € ging mit dem Verwendungszweck „Kassenzeichen ⟦C|{kz1}⟧“ ein. Im Verwendungszweck stehen außerdem die Steuernummer des Einzahlers ({stnr}) und seine USt-IdNr. ({ustid}). Einzahler laut Kontoauszug: ⟦P|{pr2}⟧, ⟦I|{iban2}⟧.""",
     notes="Customer, meter and invoice numbers, the Steuernummer and the USt-IdNr are not entities.", sex2="m")

HA.t("""\
Nachreichung Unterlagen Elternbeitrag

IdNr. Mutter: ⟦X|{taxidg1}⟧ · IdNr. Vater: ⟦X|{taxidc2}⟧
(bitte nicht mit der Steuernummer {stnr} verwechseln!)
Konto für die Erstattung: ⟦I|{ibanx1}⟧, BIC ⟦B|{bicx1}⟧
Kennzeichen für den Eltern-Parkausweis am Kita-Parkplatz: ⟦K|{plate1}⟧ und ⟦K|{plate2}⟧""",
     notes="The Steuernummer '{stnr}' is not a TAX_ID. The label 'IdNr.' stays outside the spans.", sex1="f", sex2="m")

HA.t("""\
Parkraumüberwachung – Schicht {date1}, Bezirk Innenstadt

1. ⟦K|{plate1}⟧, {car1}, Parken im Halteverbot, 25 €
2. ⟦K|{plate2}⟧, {car2}, Parkscheibe fehlt, 20 €
3. ohne Kennzeichen (abgemeldet), Anhänger, Meldung an die Bußgeldstelle
4. ⟦K|{plate3}⟧, {car3}, Gehwegparken, 55 € – Fahrer{in4} ⟦P|{p4}⟧ kam dazu, Personalien festgestellt
Aufnehmende Kraft: ⟦P|{iln5}⟧""", notes="Car models and amounts are not entities.")

# ----- hand-written hard passages -----

HA.h("""\
Guten Tag,

ich heiße ⟦P|Оlga Friesen⟧ und brauche eine Meldebescheinigung für die Familienkasse. Meine Adresse ist ⟦A|Uferstraße 6, 88212 Ravensburg⟧.

Danke""", notes="confusable: PERSON 'Оlga Friesen' has Cyrillic U+041E (О) in place of Latin O.")

HA.h("""\
Bitte schicken Sie die Unterlagen an ⟦E|mаria.rossi@example.org⟧, nicht an meine alte Adresse. – ⟦P|Maria Rossi⟧""",
     notes="confusable: EMAIL 'mаria.rossi@example.org' has Cyrillic U+0430 (а) in place of Latin a.")

HA.h("""\
Rückruf erbeten: Herr ⟦P|Nguyễn Văn Hùng⟧, ⟦T|０１７６ ４４８ ２０ ９１⟧, wegen Gewerbeummeldung. Er spricht gut Deutsch, aber langsam sprechen hilft. Konto für die Rückzahlung der Gebühr: ⟦I|{ibannb1}⟧.""",
     notes="Vietnamese name in native order with diacritics. Full-width digits in the phone number; no-break spaces in the IBAN.")

HA.h("""\
Vermerk Ortstermin Kleingartenanlage

Anwesend: Herr ⟦P|Braun⟧ (Vorsitzender), Frau ⟦P|Fuchs⟧ (Kassiererin), Herr ⟦P|Koch⟧.

Die Hecken an Parzelle 14 sind braun und müssen gerodet werden. Ein Fuchs hat sich unter dem Geräteschuppen eingegraben; der Jagdpächter wird informiert. Herr ⟦P|Koch⟧, von Beruf Koch, bietet an, beim Sommerfest zu grillen. Es hat lange gedauert, bis sich alle auf einen Termin geeinigt hatten.""",
     notes="'Braun'/'braun', 'Fuchs', 'Koch', 'lange' as ordinary words are not entities; after 'Herr'/'Frau' they are names. The plot number is not an entity.")

HA.h("""\
Auszug aus dem anonymisierten Entscheidungsregister:

„Der Antragsteller [PERSON_1], wohnhaft [ADRESSE_1], beantragte am [DATUM_1] Wohngeld. Die Zahlung erfolgte auf das Konto [IBAN_1]. Der Sachbearbeiter [PERSON_2] lehnte den Antrag mit Bescheid vom [DATUM_2] ab.“""",
     notes="No entities: all personal data are already replaced by placeholders.")

HA.h("""\
Ausdruck aus dem Kundenportal (geschwärzt für die Akte):

Name: ⟦P|M. Özdemir⟧
Telefon: 0711 ******
IBAN: DE** **** **** **** **47 11
Geburtsdatum: **.**.****
Anschrift: ⟦A|Neckarstraße 140, 70190 Stuttgart⟧""",
     notes="Redacted fragments of a phone number, an IBAN and a birth date are not entities.")

HA.h("""\
Merhaba ⟦P|Zeynep⟧ Hanım,

⟦P|Ayşe⟧'nin doğum tarihi ⟦D|14.02.2017⟧, okul kaydı için lazım. Die Schulanmeldung für ⟦P|Ayşe Korkmaz⟧ ist bei uns eingegangen, es fehlt nur noch die Geburtsurkunde.

Saygılarımla
⟦P|Elif Şimşek⟧, Schulsekretariat""",
     notes="Turkish: the case suffix in \"Ayşe'nin\" is outside the PERSON span; 'Hanım' is a form of address and stays outside. 'doğum tarihi' marks the birth date.")

HA.h("""\
Dzień dobry,

dzwoniłam w sprawie Pani ⟦P|Kowalskiej⟧ – ich habe wegen Frau ⟦P|Kowalska⟧ angerufen. Sie wohnt jetzt bei ihrer Tochter, ⟦A|ul. Długa 14, 80-827 Gdańsk⟧, und möchte sich abmelden. Telefon der Tochter: ⟦T|+48 601 734 298⟧.""",
     notes="Polish genitive 'Kowalskiej' is still a PERSON; 'Pani' stays outside like 'Frau'. A Polish address with 'ul.' and a postcode of the form 80-827.")

HA.h("""\
Notiz Bürgerbüro: Die Antragstellerin ⟦P|Олена Шевчук⟧ (lateinisch ⟦P|Olena Shevchuk⟧) legt ihren ukrainischen Reisepass ⟦PP|{passx1}⟧ vor. Im Pass steht der Name nur in kyrillischer und englischer Schreibweise; im Melderegister wird ⟦P|Olena Shevchuk⟧ übernommen.""",
     notes="A name in Cyrillic script is a PERSON (not a confusable: the whole name is Cyrillic).", origin1="ua")

HA.h("""\
Adressliste Hausbesuche, nur intern:

⟦A|Am Alten Schlachthof 3 a⟧ – Haus 2, Zimmer 114
⟦A|Talstraße 40–44⟧ – Hinterhaus
⟦A|Schillerplatz 4/1⟧
⟦A|76185 Karlsruhe⟧ (Postfach-Adresse, Straße unbekannt)
Winterhalde – Baugebiet, noch keine Hausnummern""",
     notes="Building, room and area names are not entities. 'Winterhalde' is an area name.")

HA.h("""\
Glückwunschliste Seniorengeburtstage Juli:

- Frau ⟦P|Erna Kolb⟧, Jahrgang ⟦D|1936⟧
- Herr ⟦P|Alfons Ruf⟧, geboren im ⟦D|Mai 1938⟧ (Nachfeier, war ⟦SC|im Krankenhaus⟧)
- Frau ⟦P|Hedwig Sieber⟧, 91 Jahre
- Herr ⟦P|Gottfried Mohr⟧, geb. ⟦D|7.7.1930⟧""",
     notes="'Jahrgang', 'geboren im' and 'geb.' mark birth dates; an age ('91 Jahre') is not DATE_OF_BIRTH. A named person's hospital stay is SPECIAL_CATEGORY.")

HA.h("""\
Ihr Zeichen: –
Unser Zeichen: ⟦C|61.2-BV-0473/2024⟧
Bezug: Drucksache 2025/118, Vorlage 77/2025, TOP 4.1

Sehr geehrte Damen und Herren,

wir nehmen Bezug auf die Sitzung des Bauausschusses und den dort beratenen Bebauungsplan Nr. 712. Das Verfahren unter unserem Geschäftszeichen ⟦C|II/3-512.14⟧ ist inzwischen abgeschlossen.""",
     notes="A dash instead of a reference is not an entity. Drucksache, Vorlage, TOP and Bebauungsplan numbers are not entities.")

HA.h("""\
Hi, I got a parking ticket yesterday near the castle (Schlossplatz). My car is a rental from the UK, plate AB12 CDE, and I was only five minutes late. Can you cancel it? Thanks, ⟦P|Callum Hughes⟧, ⟦E|callum.hughes@example.com⟧""",
     notes="A British number plate is not a German LICENSE_PLATE (the type covers German plates). 'Schlossplatz' without a number is a place.")

HA.h("""\
Gesprächsnotiz Personalplanung Kita Pusteblume

Frau ⟦P|Blessing Adeyemi⟧ (Erzieherin, Kita Pusteblume) ist ⟦SC|schwanger⟧; die Ärztin hat ein ⟦SC|Beschäftigungsverbot⟧ ausgesprochen. Die Vertretung übernimmt ⟦P|Svenja Wörner⟧. Der Beirat für Menschen mit Behinderungen tagt übrigens am selben Tag im Raum daneben.""",
     notes="Pregnancy of a named person and a medical employment ban are health data. The advisory board is about a group.")

HA.h("""\
Die katholische Kirchengemeinde St. Martin hat den Gemeindesaal für das Sommerfest angeboten. Herr ⟦P|Wolfgang Stöckle⟧, ein ⟦SC|gläubiger Katholik⟧ und Kirchengemeinderat, koordiniert die Helfer. Die Moscheegemeinde und die evangelische Kirche beteiligen sich mit Ständen.""",
     notes="Religious communities are organisations; a named person's faith is SPECIAL_CATEGORY.")

HA.h("""\
Frau ⟦P|Doris Eisele⟧ ist ⟦SC|Mitglied der IG Metall⟧ und hat die Betriebsversammlung organisiert. Die GEW hat für Donnerstag zum Warnstreik aufgerufen; ver.di schließt sich an.""",
     notes="A named person's union membership is SPECIAL_CATEGORY; unions mentioned as organisations are not.")

HA.h("""\
Erreichbarkeit Team Wohngeld:
Zentrale ⟦T|+49 (0)721 133-5126⟧, Fax ⟦T|07 21 / 1 33-51 09⟧, Servicenummer ⟦T|0800 100 200 3⟧.
Öffnungszeiten 8–12 Uhr, Do 14–18 Uhr. Zimmer 1.14 bis 1.19.""",
     notes="organisational: all three PHONE spans are the office's numbers. Opening hours and room numbers are not entities.")

HA.h("""\
Verteiler: ⟦E|JANA.LORENZ@EXAMPLE.NET⟧; ⟦E|t.kaya+wohngeld@mail.example⟧; ⟦E|Buergerbuero@Stadt-Ettlingen.example⟧
Betreff: Termin verschoben

Hallo zusammen, der Termin mit Frau ⟦P|Lorenz⟧ und Herrn ⟦P|Kaya⟧ wird auf nächste Woche verschoben.""",
     notes="E-mail addresses in capitals, with plus-addressing and mixed case are EMAIL. organisational: EMAIL 'Buergerbuero@Stadt-Ettlingen.example'.")

HA.h("""\
Ausweiskontrolle bei der Briefwahl: Die Nummer ⟦ID|{ausweisc1}⟧ stimmt mit dem Register überein. Die zweite angegebene Nummer {badausweis} ist falsch abgeschrieben. Wähler: ⟦P|Jonas Hinrichs⟧, ⟦A|Max-Planck-Straße 9⟧.""",
     notes="not an entity: '{badausweis}' (ID_CARD checksum fails)")

HA.h("""\
The following residents asked for an English-language appointment: ⟦P|Priya Nair⟧ (date of birth ⟦D|{dobe1}⟧, passport ⟦PP|{passx1}⟧), and ⟦P|Rohan Mehta⟧, who lives at ⟦A|Lessingstraße 3, 69115 Heidelberg⟧ and can be reached on ⟦T|+49 1522 4478190⟧. Both need the Aufenthaltstitel (Blaue Karte EU); Az. ⟦C|ABH-2025-07712⟧.""",
     notes="English text with German identifiers.", origin1="in", sex1="f", kind1="parent")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
