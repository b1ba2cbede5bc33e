"""Personal data in German administrative text: rules with check digits, phone-number parsing, name lists
and context words.

    detector = Detector()                       # or Detector(case_patterns=[r"\\d{2}\\.\\d-\\d{4}/\\d+"])
    for entity in detector.find(text): entity.type, entity.start, entity.end, entity.text

Types: PERSON, ADDRESS, PHONE, EMAIL, IBAN, BIC, TAX_ID, SOCIAL_SECURITY, ID_CARD, PASSPORT,
LICENSE_PLATE, DATE_OF_BIRTH, CASE_NUMBER, and SPECIAL_CATEGORY for mentions of DSGVO Art. 9 data
(health, religion, ethnic origin, political opinion, trade-union membership, sexual orientation,
biometric and genetic data).

How each is found:
- Identifiers with a check digit (IBAN, Steuer-ID, Rentenversicherungsnummer, ID-card and passport
  numbers) only when the check holds; ID documents also need a context word ("Ausweis", "Pass").
- Phone numbers with Google's ``phonenumbers`` (region DE); e-mail addresses by pattern.
- Addresses: a street word (…straße, …weg, Am …, An der …) with a house number, and a postcode
  with its town.
- Names: a title or salutation (Herr, Frau, Dr.) before capitalised words, or a first name from the
  name lists that ship in the ``Faker`` package (German and 14 other locales, MIT) followed by a
  capitalised surname, or "Surname, Firstname".
- Birth dates, case-file numbers (Aktenzeichen) and licence plates by their context words.

No German named-entity model ships in any package registry (see ../shared/MODELS.md), so names are
the weak spot of a rule-based detector; its recall is measured in bench/pii.py.

Look-alike letters (Cyrillic "а" for Latin "a") are folded before matching, character for
character, so offsets stay those of the original text.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers

from rathaus.privacy import checksums

TYPES = ("PERSON", "ADDRESS", "PHONE", "EMAIL", "IBAN", "BIC", "TAX_ID", "SOCIAL_SECURITY", "ID_CARD", "PASSPORT",
         "LICENSE_PLATE", "DATE_OF_BIRTH", "CASE_NUMBER", "SPECIAL_CATEGORY")
# When spans overlap, the more specific type wins.
PRIORITY = {t: i for i, t in enumerate(("EMAIL", "IBAN", "TAX_ID", "SOCIAL_SECURITY", "ID_CARD", "PASSPORT", "BIC",
                                        "CASE_NUMBER", "DATE_OF_BIRTH", "PHONE", "LICENSE_PLATE", "ADDRESS", "PERSON",
                                        "SPECIAL_CATEGORY"))}


# How the user interface names the types, German first (counts of personal data in an upload).
LABELS = {
    "de": {"PERSON": "Namen", "ADDRESS": "Anschriften", "PHONE": "Telefonnummern", "EMAIL": "E-Mail-Adressen",
           "IBAN": "IBAN", "BIC": "BIC", "TAX_ID": "Steuer-IDs", "SOCIAL_SECURITY": "Rentenversicherungsnummern",
           "ID_CARD": "Ausweisnummern", "PASSPORT": "Passnummern", "LICENSE_PLATE": "Kfz-Kennzeichen",
           "DATE_OF_BIRTH": "Geburtsdaten", "CASE_NUMBER": "Aktenzeichen",
           "SPECIAL_CATEGORY": "besondere Kategorien (Art. 9 DSGVO)"},
    "en": {"PERSON": "names", "ADDRESS": "addresses", "PHONE": "phone numbers", "EMAIL": "e-mail addresses",
           "IBAN": "IBANs", "BIC": "BICs", "TAX_ID": "tax IDs", "SOCIAL_SECURITY": "social-security numbers",
           "ID_CARD": "ID-card numbers", "PASSPORT": "passport numbers", "LICENSE_PLATE": "licence plates",
           "DATE_OF_BIRTH": "dates of birth", "CASE_NUMBER": "case numbers",
           "SPECIAL_CATEGORY": "special categories (GDPR Art. 9)"},
}


@dataclass(frozen=True)
class Entity:
    type: str
    start: int
    end: int
    text: str


# -- look-alike letters ------------------------------------------------------------------------------
_CONFUSABLES = str.maketrans("аеорсхуіјѕԁɡАВЕКМНОРСТХУІЈЅ", "aeopcxyijsdgABEKMHOPCTXYIJS")


def fold(text: str) -> str:
    """Cyrillic and other look-alikes to Latin, one character for one, so offsets do not move."""
    return text.translate(_CONFUSABLES)


@lru_cache(maxsize=8192)
def _fold_char(c: str) -> str:
    if c == "\u00ad" or unicodedata.category(c) in ("Cf", "Mn"):  # soft hyphen, zero-width, combining marks
        return ""
    return unicodedata.normalize("NFKC", c).translate(_CONFUSABLES)


def normalise(text: str) -> tuple[str, list[int] | None]:
    """The text as the patterns read it, and where each of its characters came from (None: nowhere else).

    Beyond look-alike letters, this undoes what hides an identifier from a pattern while a reader still
    sees it: full-width and mathematical letters and digits ("ＩＢＡＮ", "𝐌𝐞𝐢𝐞𝐫") become plain ones
    (NFKC), and invisible characters inside a value (zero-width spaces, soft hyphens, combining marks
    of decomposed umlauts) are dropped. ``origin[j]`` is the index in ``text`` of character ``j``."""
    folded = fold(text)
    if folded.isascii() or not _INVISIBLE_OR_COMPAT.search(folded):
        return folded, None  # one for one: offsets are the same
    parts: list[str] = []
    origin: list[int] = []
    for i, c in enumerate(text):
        out = _fold_char(c)
        parts.append(out)
        origin.extend([i] * len(out))
    return "".join(parts), origin


# Characters that normalise() changes beyond the one-for-one folding.
_INVISIBLE_OR_COMPAT = re.compile(r"[\u00a0\u2000-\u200a\u202f\u00ad\u0300-\u036f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\ufb00-\ufb06"
                                  r"\uff01-\uff5e\U0001d400-\U0001d7ff\u2460-\u24ff\u2070-\u209f]")


# -- patterns ------------------------------------------------------------------------------------------
# Capitals and small letters of names: Latin with accents (Çelik, Łukasz, Šimić), Vietnamese (Nguyễn Thị),
# Greek and Cyrillic (Олена Шевченко). Folding (below) may leave a Cyrillic name with some Latin letters.
_UP = r"[A-ZÀ-ÖØ-ÞĀ-ŽḀ-ỿΑ-ΩА-ЯЀ-ЏҐ]"
_LOW = r"[a-zß-öø-ÿā-žḀ-ỿά-ώа-яѐ-џґ]"
_SP = r"[ \t\u00a0]{1,4}"  # a name never runs across a line break
# Every repetition in these patterns is bounded: hostile input ("Abc-Abc-Abc-…", "1-1-1-…") must not
# make a match take quadratic or exponential time (bench: 80,000 characters in well under a second).
_NAME = rf"{_UP}{_LOW}{{1,40}}(?:-{_UP}{_LOW}{{1,40}})?"
_PARTICLE = r"(?:von|van|de|der|den|zu|di|da|del|la|le|ten|ter|el|al|bin|ibn)"
_SURNAME = rf"(?:{_PARTICLE}{_SP}){{0,3}}{_UP}[\w'’]{{0,40}}(?:-{_UP}[\w'’]{{1,40}})?"

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![\w-])")
# Written out against spam harvesters: "jana.lorenz (at) example (dot) org", "jana[at]example.org",
# "jana punkt lorenz ät example punkt de", "jana @ example.org".
_AT = r"(?:[ \t]?(?:\(at\)|\[at\]|\{at\}|\(ät\)|\[ät\]|\(a\)|@)[ \t]?|[ \t](?:at|ät)[ \t])"
_DOT = r"(?:\.|[ \t]?(?:\(dot\)|\[dot\]|\(punkt\)|\[punkt\])[ \t]?|[ \t](?:dot|punkt)[ \t])"
OBFUSCATED_EMAIL = re.compile(rf"(?i)(?<![\w.+-])[\w+-]{{1,64}}(?:{_DOT}[\w+-]{{1,64}}){{0,4}}{_AT}[\w-]{{1,63}}"
                              rf"(?:{_DOT}[\w-]{{1,63}}){{0,6}}{_DOT}[a-z]{{2,24}}(?![\w-])")
# A country code and check digits, then letters and digits with spaces anywhere (grouped by four, or as a
# form or an OCR scan spaces them); the country's IBAN length decides where it ends.
IBAN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}(?:[ ]{0,2}\d){2}(?:[ ]{0,3}[0-9A-Za-z]){11,30}")
BIC = re.compile(r"\b[A-Z]{4}(?:DE|AT|CH|LU|NL|BE|FR|IT|ES|PL|CZ|DK|SE|GB|IE|PT)[A-Z0-9]{2}(?:[A-Z0-9]{3})?\b")
ELEVEN_DIGITS = re.compile(r"(?<!\d)(?<!\d[.,])\d{2}\s?\d{3}\s?\d{3}\s?\d{3}(?!\d|[.,]\d)")
RVNR = re.compile(r"(?<![\w])\d{2}\s?\d{6}\s?[A-Z]\s?\d{3}(?!\w)")
ID_DOC = re.compile(r"(?<![\w])[CFGHJKLMNPRTVWXYZ0-9]{9}\d?(?!\w)")
PLATE = re.compile(rf"(?<![\w-])(?:{_UP}{{1,3}})(?:-|\s)[A-Z]{{1,2}}\s?[1-9]\d{{0,3}}[EH]?(?![\w-])")
DATE = r"(?:\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)?\d{2}|\d{1,2}\.\s?(?:Januar|Februar|März|April|Mai|Juni|Juli|August|" \
       r"September|Oktober|November|Dezember)\s(?:19|20)\d{2}|(?:19|20)\d{2}-\d{2}-\d{2}|" \
       r"\d{1,2}(?:st|nd|rd|th)?\s(?:January|February|March|April|May|June|July|August|September|October|November|" \
       r"December)\s(?:19|20)\d{2}|(?:January|February|March|April|May|June|July|August|September|October|November|" \
       r"December)\s\d{1,2},?\s(?:19|20)\d{2}|\d{1,2}/\d{1,2}/(?:19|20)\d{2})"
# Birth dates by their cue, also in the languages citizens write in (English, Turkish, Polish, Ukrainian
# transliterated); a birth year alone after "geboren" or "Jahrgang", and the first year of life dates.
BIRTH = re.compile(rf"(?:geb(?:oren)?\.?(?:\s+am)?|Geburtsdatum:?|geboren\s+am|\*|Geb\.-Datum:?|DOB:?|born(?:\s+on)?|"
                   rf"date\s+of\s+birth:?|birth\s*date:?|doğum\s+tarihi:?|ur\.|data\s+urodzenia:?|"
                   rf"data\s+narodzhennia:?|né(?:e)?\s+le)\s*({DATE})", re.IGNORECASE)
_MONTH = r"(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)"
BIRTH_YEAR = re.compile(rf"\b(?:geboren(?:\s+(?:im\s+)?{_MONTH})?(?:\s+im\s+Jahr)?|Jahrgangs?)\s+((?:19|20)\d{{2}})\b|"
                        r"\((?:\*\s?)?((?:18|19|20)\d{2})\s?[–-]\s?(?:†\s?)?(?:19|20)\d{2}\)")
CASE = re.compile(r"(?:\bAz\.?|\bAZ|\bAktenzeichen|\bGeschäftszeichen|\bGz\.?|\bGZ|\bUnser Zeichen|\bIhr Zeichen|"
                  r"\bVorgangsnummer|\bVorgang|\bKassenzeichen|\bzur Akte|\bIhr(?:em)? Antrag)"
                  r"(?:\s(?:im|in|des|der|beim)\s\w+)?(?:\s(?:war|ist|lautet|lautete|bei\suns(?:\sist)?))?\s*[:.]?\s*"
                  # bounded and unambiguous, so a hostile "1-1-1-…" cannot make the match take exponential time
                  r"((?:[A-ZÄÖÜ][A-Za-zäöü]{0,3}[ ](?=\d))?(?=[\w./-]{0,60}\d)[\w][\w./-]{0,60}[\w](?:[ ]-[ ]\w{1,20}){0,3}"
                  r"(?:[ ]\d{2,5}(?![\w.])){0,4})")
# Last parts of street names: "Hauptstraße", "Lindenweg"; after a hyphen capitalised: "Clara-Zetkin-Straße"
_STREET_WORDS = ("straße", "strasse", r"str\.", "weg", "platz", "allee", "gasse", "ring", "damm", "ufer", "chaussee",
                 "steig", "pfad", "markt", "promenade", "kai", "graben", "stieg", "wall", "berg", "tor", "hof", "anger",
                 "feld", "garten", "park", "höhe", "grund")
_STREET_END = f"(?:{'|'.join(_STREET_WORDS)})"
_STREET_END_CAPITAL = f"(?:{'|'.join(w[0].upper() + w[1:] for w in _STREET_WORDS)})"
STREET = re.compile(
    rf"(?:\b(?:{_UP}[\w.'-]{{0,40}}[ \t]+)?(?:{_UP}[\wäöüß-]{{0,40}}{_STREET_END}|{_UP}[\w-]{{0,40}}[ \t](?:Straße|Str\.|Weg|Platz|Allee|Gasse|Ring|"
    rf"Damm|Ufer|Chaussee)|{_UP}[\w-]{{0,60}}-{_STREET_END_CAPITAL})|\b(?:Am|An der|An den|Auf dem|Auf der|Auf den|Im|In der|In den|"
    rf"Hinter der|Hinter dem|Hinter den|Unter der|Unter den|Vor dem|Bei der|Beim|Zum|Zur|Alte|Neue)\s"
    rf"(?:{_UP}[\wäöüß-]{{1,40}}\s)?{_UP}[\wäöüß-]{{1,40}})\s(?:Nr\.\s?)?\d{{1,4}}(?:\s?[a-zA-Z]\b)?(?:\s?[-–/]\s?\d{{1,4}}(?:[a-zA-Z]\b)?)?(?!\w)")
POSTCODE_TOWN = re.compile(rf"\b(?:D-)?\d{{5}}[ \t\u00a0]{{1,3}}(?!Euro\b|EUR\b|Einwohner)({_UP}[\wäöüß]{{1,40}}(?:[ -](?:am|an der|im|bei|"
                           rf"{_UP}[\wäöüß.]{{1,40}})){{0,3}})")
SALUTATION = re.compile(rf"\b(?:Herrn?|Frau|Hr\.|Fr\.|Familie|Eheleute){_SP}((?:(?:Dr\.|Prof\.|Dipl\.-\w+\.?){_SP}){{0,3}}"
                        rf"(?:{_NAME}{_SP})?{_SURNAME})")
TITLE = re.compile(rf"\b(?:Dr\.|Prof\.){_SP}((?:(?:Dr\.|med\.|rer\.\s?nat\.){_SP}){{0,3}}(?:{_NAME}{_SP})?{_SURNAME})")
CAPITALISED = re.compile(rf"{_UP}[\w'’]{{0,40}}(?:-{_UP}[\w'’]{{1,40}})?")
SURNAME_FIRST = re.compile(rf"\b({_NAME}),[ ]({_UP}{_LOW}{{1,40}})(?![\w-])(?![ \t]+{_UP})")
# Titles and roles before a name that are not part of it.
_TITLES = re.compile(r"^(?:(?:Dr\.|Prof\.|Dipl\.-\w+\.?|med\.|rer\.\s?nat\.|Rechtsanw\w+|Stadtr[aä]t\w*|"
                     r"(?:Ober)?[Bb]ürgermeister\w*|Ortschaftsr[aä]t\w*|Gemeinder[aä]t\w*)\s+)+")
# A single word that names an organisation, not a person ("Mit freundlichen Grüßen\nJugendamt").
_ORG_WORD = re.compile(r"(?:amt|ung|heit|keit|schaft|verein|rat|stadt|schule|behörde|ausschuss|werk|werke|gericht|"
                       r"kasse|büro|zentrum|dienst|team|stelle|verwaltung)$")
# "Anna Roth von der Stadtverwaltung": a particle phrase ending in an organisation word is no surname.
_ORG_TAIL = re.compile(rf"{_SP}(?:{_PARTICLE}{_SP}){{1,3}}{_UP}\w{{0,40}}(?:ung|heit|keit|schaft|verein|amt|rat|stadt|schule|"
                       rf"behörde|ausschuss|werk|werke|verwaltung|gericht|kasse|büro|zentrum|dienst)$")
INITIAL = re.compile(rf"(?<![\w.])({_UP}\.{_SP}(?:{_UP}\.{_SP})?{_SURNAME})")
# Words after which a person's name follows on the same line (forms, signatures, roles).
_SIGN_CUE = (r"(?:(?:Mit )?(?:freundlichen|besten|herzlichen|vielen)? ?Grüß?(?:en|e)|Viele Grüße|Herzliche Grüße|"
             r"Beste Grüße|Liebe Grüße|Danke und viele Grüße|Vielen Dank|In Trauer|Hochachtungsvoll|gez\.|"
             r"i\.\s?A\.|Im Auftrag|In Vertretung|i\.\s?V\.|"
             # sign-offs in the other languages citizens write in, and short thanks before a name
             r"Danke(?: schön| sehr)?|Vielen Dank|Cheers|Thanks|Thank you|Best regards|Kind regards|Regards|"
             r"Teşekkürler|Saygılarımla|Pozdrawiam|Z poważaniem|Dziękuję|Diakuiu|Dyakuyu|Merci|Grazie|Gracias|"
             r"Cordialement|Saluti)[,!.]?")
# Form labels count only with their colon ("Name: …"); in running text "Namen von Ämtern" is no name.
_LABEL_CUE = (r"(?:(?:Familien|Vor|Nach|Geburts)?[Nn]ame[n]?|Vornamen|Antragsteller(?:in)?|Kontoinhaber(?:in)?|"
              r"Halter(?:in)?(?: laut Zulassung)?|Ansprechpartner(?:in)?|Sachbearbeiter(?:in)?|Verfasser(?:in)?|"
              r"Absender(?:in)?|Empfänger(?:in)?|Mieter(?:in)?|Vermieter(?:in)?|Eigentümer(?:in)?|Bearbeiter(?:in)?|"
              r"Erziehungsberechtigte[rn]?|Verstorbene[rn]?|Zeug(?:e|in)|Betroffene[rn]?|Kind|Inhaber(?:in)?|"
              r"Finder(?:in)?|Vorsitz|Niederschrift|Protokoll|Schriftführer(?:in)?|Protokollführer(?:in)?|"
              r"Ehemann|Ehefrau|Mutter|Vater|Eltern)")
# Self-introductions in the languages citizens write in besides German (matched in folded text, so the
# Cyrillic cues are folded too).
_INTRO_CUE = fold(r"(?:[Mm]y name is|[Ii]ch heiße|[Mm]ein Name ist|[Bb]enim adım|adım|[Nn]azywam się|[Mm]am na imię|"
                  r"[Мм]ене звати|[Мм]еня зовут|[Jj]e m'appelle|[Mm]i chiamo|[Mm]e llamo|[Mm]eu nome é|[Zz]ovem se)")
_CUE = rf"(?:{_SIGN_CUE}\s*:?|{_LABEL_CUE}\s*:|{_INTRO_CUE})"
CUED = re.compile(rf"(?:^|(?<=[\s(]))(?:{_CUE})[ \t]*\n?[ \t]*((?:{_UP}\.{_SP})?(?:{_UP}[\w'’]{{0,40}}(?:-{_UP}[\w'’]{{1,40}})?"
                  rf"{_SP}){{0,4}}?(?:{_PARTICLE}{_SP}){{0,3}}{_UP}[\w'’]{{0,40}}(?:-{_UP}[\w'’]{{1,40}})?)(?=[ \t]*(?:$|[,.;:()–\n]|{_SP}(?:und|"
                  rf"geb\.|[a-zß-ö])))", re.MULTILINE)

# A relative or a role just before a name ("für Ihren Sohn Holger", "Bürgermeister Lange", "Hallo Lea,"):
# German capitalises every noun, so after these the first word must be a listed first name, except after
# the roles that only ever name a person.
RELATION = re.compile(rf"\b(?:Sohn(?:es)?|Tochter|Enkel(?:in|sohn|tochter)?|Ehemann|Ehefrau|Ehepartner(?:in)?|"
                      rf"Lebensgefährt(?:e|in)|Mutter|Vater|Bruder|Schwester|Kind(?:es)?|Neffe|Nichte|Oma|Opa|"
                      rf"Stadtrat|Gemeinderat|Kreisrat|Servicekraft|Lehrer(?:in)?|Klassenlehrer(?:in)?|Schüler(?:in)?|"
                      rf"Mitarbeiter(?:in)?|Hausmeister(?:in)?|Hallo|Hi|Moin|Servus|Liebe|Lieber|Dear|Hello|Merhaba)"
                      rf"{_SP}({_NAME}(?:{_SP}(?:{_PARTICLE}{_SP}){{0,3}}{_UP}[\w'’]{{1,40}}(?:-{_UP}[\w'’]{{1,40}})?)?)")
PERSON_ROLE = re.compile(rf"\b(?:(?:Ober)?[Bb]ürgermeister(?:in)?|Stadträtin|Ortschaftsrät(?:in)?|Ortschaftsrat|"
                         rf"Gemeinderätin|Kreisrätin|Rechtsanwalt|Rechtsanwältin|Kolleg(?:e|in)|Nachbar(?:in)?)"
                         rf"{_SP}((?:{_NAME}{_SP}){{0,2}}(?:{_PARTICLE}{_SP}){{0,3}}{_UP}[\w'’]{{1,40}}(?:-{_UP}[\w'’]{{1,40}})?)")
ADDRESSEE = re.compile(rf"(?m)^[ \t]*(?:Herrn?|Frau)[ \t]*\n[ \t]*((?:(?:Dr\.|Prof\.){_SP})*(?:{_NAME}{_SP}){{0,3}}"
                       rf"{_SURNAME})[ \t]*$")

WORD = re.compile(r"[^\W\d_][\w'’-]*")
ARABIC_WORD = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff][\u0610-\u061a\u0620-\u065f\u066e-\u06d3\u06fa-\u06ff]{0,30}")

# DSGVO Art. 9 special categories: the phrase that reveals them.
SPECIAL = re.compile(
    r"\b(?:(?:Schwer)?[Bb]ehinderung(?:\s\(GdB\s\d+\)|\smit\s(?:einem\s)?GdB\s(?:von\s)?\d+)?|"
    r"(?:Schwer)?[Bb]ehindertenausweis(?:\s\((?:GdB\s\d+)?(?:,\s)?(?:Merkzeichen\s\w+)?\))?|GdB\s\d+|[Dd]iabet\w*|[Dd]epression\w*|[Kk]rebs\w*|"
    r"Tumor\w*|HIV\S*|AIDS|Demenz\w*|Alzheimer|Epilepsie|[Ss]chwangerschaft|schwanger|[Ss]ucht\w*|alkoholabhängig|"
    r"Alkoholabhängigkeit|[Pp]sychiatri\w+|psychisch\w* (?:Erkrankung|Störung)\w*|Therapie\w*|Diagnose\w*|"
    r"Pflegegrad\s?\d|[Aa]rbeitsunfähig\w*|Krankschreibung|Reha\w*|Multiple Sklerose|Asthma|Herzinfarkt|Schlaganfall|"
    r"katholisch\w*|evangelisch\w*|muslimisch\w*|jüdisch\w*|islamisch\w*|orthodox\w*|buddhistisch\w*|konfessionslos|"
    r"Kirchenaustritt|Religionszugehörigkeit|Konfession|Sinti|Roma|ethnische\w* Herkunft|[Hh]omosexuell\w*|"
    r"lesbisch\w*|schwul\w*|bisexuell\w*|transgender|transsexuell\w*|sexuelle\w* Orientierung|Gewerkschaft\w*|"
    r"ver\.di-Mitglied|IG Metall|Parteimitglied\w*|Mitglied der (?:SPD|CDU|CSU|FDP|AfD|Linken|Grünen)|"
    r"politische\w* (?:Meinung|Überzeugung)|Fingerabdr\w+|biometrisch\w*|genetisch\w*|DNA-\w+|"
    # open-ended: word families of illness and disability, "Morbus …", "Merkzeichen …", origin and faith
    r"(?:(?:außergewöhnliche|schwere|chronische\w*|stark)\s)?(?<![\w-])[\w-]{0,40}(?:[Bb]ehinderung|behindert|[Aa]llergie|(?<!be)(?<!ver)(?<!ge)(?<!unter)(?<!durch)(?<!aus)(?<!heim)sucht|"
    r"krankheit|[Ee]rkrankung|gelähmt|lähmung|insuffizienz|losigkeit)(?:\s\(Merkzeichen\s\w+\))?|"
    r"(?:Angst|Ess|Persönlichkeits|Belastungs|Entwicklungs|Sprach|Hör|Seh|Schlaf|Aufmerksamkeits|Zwangs|Panik|"
    r"Lese-Rechtschreib|Rechen|Verhaltens|Anpassungs)störung\w*|"
    r"Morbus\s[A-Z]\w+|Colitis\s\w+|Trisomie\s\d+|COPD|Zöliakie|Autismus[\w-]*|GdB\svon\s\d+|"
    r"(?<![\w-])[A-Za-zäöü]{1,30}(?:ischer|ischen) Herkunft|alevitisch\w*|jesidisch\w*|hinduistisch\w*|"
    r"Homosexualität|Transsexualität|Bisexualität|"
    # health in everyday words: "aus gesundheitlichen Gründen", "Krankheit", "Hüftoperation", "alkoholkrank"
    r"gesundheitliche\w*\s(?:Gründe\w*|Beschwerden|Probleme\w*|Einschränkung\w*)|[Kk]rankheit(?!s?vertretung)\w*|"
    r"(?<![\w-])[\w-]{2,30}(?<!Ko)(?<!ko)operation|(?:Bandscheiben|Darm|Gebärmutter)vorfall|[\w-]{0,30}(?:degeneration|phrenie)|[\w-]{2,30}krank(?!\w)|"
    # named conditions and what reveals them ("ADHS", "Rollstuhlfahrerin", "ist blind", "Hüft-OP")
    r"ADHS|Neurodermitis|Mukoviszidose|Rheuma\w*|Arthrose|Parkinson|Bipolar\w*|Borderline|Burn-?out|Hepatitis\s?\w?|"
    r"Tuberkulose|Migräne|Tinnitus|Legasthenie|Dyskalkulie|Down-Syndrom|querschnitts\w+|Querschnitts\w+|"
    r"Rollstuhlfahrer(?:in)?|blind|gehörlos|sehbehindert|hörgeschädigt|dialysepflichtig|Dialyse|Chemotherapie|"
    r"[A-ZÄÖÜ][\w]{1,20}-OP|stationäre\w*\sBehandlung|im\sKrankenhaus|"
    r"depressive\w*\sEpisode|Psychose\w*|psychotisch\w*|"
    # faith as a person ("gläubige Muslimin", "praktizierender Katholik") and trade-union membership
    r"(?:gläubige|praktizierende|getaufte)\w*\s(?:Muslim|Christ|Jüdin|Jude|Katholik|Protestant|Buddhist|Hindu|Alevit|"
    r"Jesid|Sikh)\w*|Muslimin|Katholikin|Jüdin|"
    r"Mitglied\s(?:der|bei der|in der)\s(?:IG\s[A-Z]{2,5}|GEW|NGG|EVG|GdP|ver\.di|Verdi|DGB|dbb|IG\sMetall)|"
    r"(?:GEW|NGG|EVG|GdP|IG-Metall|IG-BAU|IG-BCE|Verdi|ver\.di)-Mitglied\w*|Gewerkschaftsmitglied\w*)")

GENERIC_SPECIAL = re.compile(r"Religionszugehörigkeit|Konfession|Kirchenaustritt|biometrisch\w*|Therapie\w*|Reha\w*|"
                             r"Sucht\w*beratung\w*|Schwerbehindertenvertretung|Krankheits(?:tage|fall|fälle)|Diagnose")
# A church-tax or register code for a person's religion ("Konfession (Kirchensteuer): rk")
RELIGION_CODE = re.compile(r"(?:Konfession|Religion\w*|Religionsgesellschaft|Kirchensteuer\w*)[^:\n]{0,40}:[ \t]*"
                           r"(rk|ev|lt|rf|ak|fr|ka|is|jd|vd|[a-z]{2})\b")
_ID_CONTEXT = re.compile(r"(?i)(personalausweis|ausweis|id-karte|identity card|reisepass|pass(?:nummer|-nr|nr)?\b|"
                         r"passport|dokumentennummer)")
_PASSPORT = re.compile(r"(?i)(reisepass|pass(?:nummer|-nr|nr)?\b|passport)")
# Passports of other countries: letters and digits without a check digit we know; only right after the word.
FOREIGN_PASSPORT = re.compile(r"(?i:reisepass|pass(?:nummer|-nr\.?|nr\.?)|passport)[^\n]{0,30}?(?<![\w])"
                              r"((?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{7,10})(?![\w])")
_PHONE_CUE = re.compile(r"(?i)(?:tel\w*|phone|fon|mobil\w*|handy|fax|erreichbar\w*|rückruf\w*|ruf\w*|anrufen|call|"
                        r"whatsapp)\.?\s*[:/]?\s*(?:unter\s*)?\Z")
_PLATE_CONTEXT = re.compile(r"(?i)(kennzeichen|kfz|fahrzeug|pkw|lkw|auto|wagen|falschpark|parkt|abgeschleppt)")
_TAX_CONTEXT = re.compile(r"(?i)(steuer|idnr|identifikationsnummer|tin\b)")


def _faker_first_names(locales: Iterable[str] | None = None) -> Iterable[str]:
    """Every first name in Faker's person providers (MIT licence) of these locales (None: all of them)."""
    import importlib
    import pkgutil

    import faker.providers.person as people

    for locale in sorted(locales or (m.name for m in pkgutil.iter_modules(people.__path__))):
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except (ImportError, AttributeError):
            continue
        for attr in ("first_names", "first_names_male", "first_names_female"):
            values = getattr(provider, attr, ())
            if isinstance(values, dict | list | tuple):  # some locales compute them (a property)
                yield from (values.keys() if isinstance(values, dict) else values)


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """First names of every locale Faker has, folded like the text they are compared with (Cyrillic too)."""
    from rathaus.language.german import STOPWORDS

    names = {fold(v) for v in _faker_first_names() if v[:1].isupper() and v.isalpha()}
    # a German function word is no name here, whatever it is elsewhere ("Nur", "Bis", "Man")
    return frozenset(n for n in names - NOT_FIRST_NAMES if n.lower() not in STOPWORDS)


@lru_cache(maxsize=1)
def arabic_names() -> frozenset[str]:
    """First names in Arabic and Persian script (Faker's ar_AA and fa_IR lists): the script has no capitals,
    so a name is a listed first name followed by one or two more words."""
    return frozenset(v for v in _faker_first_names(("ar_AA", "fa_IR")) if re.fullmatch(r"[\u0600-\u06ff]+", v))


# Capitalised German words that are also first names in some locale but rarely names in city texts.
NOT_FIRST_NAMES = frozenset({
    "Mai", "April", "August", "Juli", "Juni", "Winter", "Sommer", "Ernst", "Frieden", "Grün", "Rose", "Stern", "See",
    "Wald", "Berg", "Sonne", "Sonntag", "Montag", "Freitag", "Frank", "Glaube", "Hoffnung", "Art", "Bildung",
    "Gemeinde", "Stadt", "Rat", "Amt", "Fall", "Antrag", "Bürger", "Ober", "Major", "Will", "Mark", "Eure", "Ihre",
    "Dank", "Gute", "Rain", "Fortuna", "Heide", "Linde", "Marke", "Tanne", "Christ", "Engel", "Ali", "Bill",
})
# Capitalised words that follow a first name but are no surname ("Anna beantragt" is lower case anyway;
# these are nouns that commonly follow a name in a sentence start).
NOT_SURNAMES = frozenset({"Sie", "Ihnen", "Ihr", "Ihre", "Euch", "Dir", "Dich", "Gott", "Allen", "Alle", "Team",
                          "Ich", "Wir", "Er", "Es", "Gern", "Gerne", "Auch", "Noch", "Schon", "Heute", "Morgen",
                          "Grüße", "Gruß", "Grüßen", "Danke", "Dank", "Hilfe",
                          "Stadt", "Straße", "Amt", "Rat", "Antrag", "Und", "Oder", "Der", "Die", "Das", "Den", "Dem",
                          "Mit", "Von", "Vom", "Im", "In", "Am", "An", "Zu", "Zur", "Zum", "Bei", "Für", "Auf",
                          "Bitte", "Sehr", "Herr", "Frau", "Euro", "GmbH", "AG", "Schule", "Kita", "Platz"})


class Detector:
    def __init__(self, case_patterns: Iterable[str] = (), types: Iterable[str] | None = None) -> None:
        self.case_patterns = [re.compile(p) for p in case_patterns]
        self.types = frozenset(types or TYPES)

    def find(self, text: str) -> list[Entity]:
        folded, origin = normalise(text)
        found: list[Entity] = []
        for finder in (self._email, self._iban, self._bic, self._tax_id, self._rvnr, self._id_documents,
                       self._phone, self._birth, self._case, self._plate, self._address, self._person,
                       self._special):
            found.extend(e for e in finder(folded, text if origin is None else folded) if e.type in self.types)
        if "PERSON" in self.types:
            found += _mentions(resolve(found), folded, text if origin is None else folded)
        if origin is not None:  # back to the offsets of the text as it came
            found = [Entity(e.type, origin[e.start], origin[e.end - 1] + 1, text[origin[e.start]:origin[e.end - 1] + 1])
                     for e in found]
        return resolve(found)

    # -- structured identifiers ------------------------------------------------------------
    @staticmethod
    def _email(f: str, t: str) -> Iterable[Entity]:
        for m in EMAIL.finditer(f):
            yield Entity("EMAIL", m.start(), m.end(), t[m.start():m.end()])
        for m in OBFUSCATED_EMAIL.finditer(f):
            if "@" not in m.group() or " " in m.group():  # a plain address is found above
                yield Entity("EMAIL", m.start(), m.end(), t[m.start():m.end()])

    @staticmethod
    def _iban(f: str, t: str) -> Iterable[Entity]:
        for m in IBAN.finditer(f):
            length = checksums.IBAN_LENGTHS.get(m.group()[:2].upper())
            if length is None:
                continue
            # the first `length` letters and digits; what follows belongs to the next word
            ends = [i + 1 for i, c in enumerate(m.group()) if c != " "]
            if len(ends) < length:
                continue
            value = m.group()[:ends[length - 1]]
            if checksums.iban_valid(value.upper()):
                yield Entity("IBAN", m.start(), m.start() + len(value), t[m.start():m.start() + len(value)])

    @staticmethod
    def _bic(f: str, t: str) -> Iterable[Entity]:
        for m in BIC.finditer(f):
            if re.search(r"(?i)(bic|swift)\W{0,3}$", f[max(0, m.start() - 12):m.start()]) or any(
                    ch.isdigit() for ch in m.group()[6:]):
                yield Entity("BIC", m.start(), m.end(), t[m.start():m.end()])

    @staticmethod
    def _tax_id(f: str, t: str) -> Iterable[Entity]:
        for m in ELEVEN_DIGITS.finditer(f):
            if checksums.steuer_id_valid(m.group()):
                yield Entity("TAX_ID", m.start(), m.end(), t[m.start():m.end()])

    @staticmethod
    def _rvnr(f: str, t: str) -> Iterable[Entity]:
        for m in RVNR.finditer(f):
            if checksums.rvnr_valid(m.group()):
                yield Entity("SOCIAL_SECURITY", m.start(), m.end(), t[m.start():m.end()])

    @staticmethod
    def _id_documents(f: str, t: str) -> Iterable[Entity]:
        for m in ID_DOC.finditer(f):
            before = f[max(0, m.start() - 60):m.start()]
            context = _ID_CONTEXT.findall(before)
            if context and checksums.id_document_valid(m.group()):
                kind = "PASSPORT" if _PASSPORT.search(context[-1]) else "ID_CARD"
                yield Entity(kind, m.start(), m.end(), t[m.start():m.end()])
        for m in FOREIGN_PASSPORT.finditer(f):
            yield Entity("PASSPORT", m.start(1), m.end(1), t[m.start(1):m.end(1)])

    @staticmethod
    def _phone(f: str, t: str) -> Iterable[Entity]:
        try:
            matches = list(phonenumbers.PhoneNumberMatcher(f, "DE", leniency=phonenumbers.Leniency.POSSIBLE))
        except Exception:  # noqa: BLE001 - the parser must never break detection
            return
        for m in matches:
            digits = re.sub(r"\D", "", m.raw_string)
            if len(digits) < 6 or re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{2,4}", m.raw_string.strip()):
                continue
            # A number the allocation plan does not know is still someone's number when it looks like one:
            # a mobile prefix (015x, 016x, 017x), or a phone word just before it ("Tel.", "erreichbar unter").
            before = f[max(0, m.start - 30):m.start]
            if re.search(r"(?:\w|[A-Z]{2}\d{2}\s)\Z", before):  # inside a code, or the rest of an IBAN look-alike
                continue
            cued = _PHONE_CUE.search(before)
            if not cued and not re.match(r"[+(]|0", m.raw_string):  # written out, a number starts with 0 or +
                continue
            if not phonenumbers.is_valid_number(m.number) and not (
                    cued or re.match(r"(?:(?:\+49|0049)[ (]*0?|\(?0)1[5-7]\d", m.raw_string)):
                continue
            if re.fullmatch(r"\d{5}", m.raw_string.strip()):  # a postcode
                continue
            yield Entity("PHONE", m.start, m.end, t[m.start:m.end])

    # -- by context ------------------------------------------------------------------------
    @staticmethod
    def _birth(f: str, t: str) -> Iterable[Entity]:
        for m in BIRTH.finditer(f):
            yield Entity("DATE_OF_BIRTH", m.start(1), m.end(1), t[m.start(1):m.end(1)])
        for m in BIRTH_YEAR.finditer(f):
            g = 1 if m.group(1) else 2
            yield Entity("DATE_OF_BIRTH", m.start(g), m.end(g), t[m.start(g):m.end(g)])

    def _case(self, f: str, t: str) -> Iterable[Entity]:
        for m in CASE.finditer(f):
            yield Entity("CASE_NUMBER", m.start(1), m.end(1), t[m.start(1):m.end(1)])
        for pattern in self.case_patterns:
            for m in pattern.finditer(f):
                yield Entity("CASE_NUMBER", m.start(), m.end(), t[m.start():m.end()])

    @staticmethod
    def _plate(f: str, t: str) -> Iterable[Entity]:
        for m in PLATE.finditer(f):
            hyphenated = "-" in m.group()
            if hyphenated or _PLATE_CONTEXT.search(f[max(0, m.start() - 80):m.start()]):
                yield Entity("LICENSE_PLATE", m.start(), m.end(), t[m.start():m.end()])

    @staticmethod
    def _address(f: str, t: str) -> Iterable[Entity]:
        spans = [(m.start(), m.end()) for m in STREET.finditer(f)]
        spans += [(m.start(), m.end()) for m in POSTCODE_TOWN.finditer(f)]
        spans.sort()
        merged: list[list[int]] = []
        for start, end in spans:  # "Hauptstraße 5, 70173 Stuttgart" is one address
            if merged and start <= merged[-1][1] + 2 and re.fullmatch(r",?[ \t]*", f[merged[-1][1]:start]):
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        for start, end in merged:
            yield Entity("ADDRESS", start, end, t[start:end])

    @staticmethod
    def _person(f: str, t: str) -> Iterable[Entity]:
        for e in Detector._person_spans(f, t):
            tail = _ORG_TAIL.search(e.text)
            if tail is None:
                yield e
            elif tail.start() > 0:
                yield Entity("PERSON", e.start, e.start + tail.start(), e.text[:tail.start()])

    @staticmethod
    def _person_spans(f: str, t: str) -> Iterable[Entity]:
        names = first_names()
        for pattern in (SALUTATION, TITLE, CUED, INITIAL):
            for m in pattern.finditer(f):
                start, end = m.start(1), m.end(1)
                value = _TITLES.sub("", f[start:end])  # "Frau Rechtsanwältin Friesen": the name is Friesen
                start = end - len(value)
                words = value.split()
                if not words or words[-1] in NOT_SURNAMES or words[0] in NOT_SURNAMES or len(words) > 5 or (
                        len(words) == 1 and _ORG_WORD.search(value)):
                    continue
                yield Entity("PERSON", start, end, t[start:end])
        for m in WORD.finditer(f):
            if m.group() not in names:
                continue
            rest = f[m.end():]
            nxt = re.match(rf"({_SP}(?:{_NAME}{_SP})?{_SURNAME})", rest)
            if nxt is None:
                continue
            surname = nxt.group(1).split()[-1]
            if surname in NOT_SURNAMES or not CAPITALISED.fullmatch(surname) or surname.upper() == surname:
                continue
            yield Entity("PERSON", m.start(), m.end() + len(nxt.group(1)), t[m.start():m.end() + len(nxt.group(1))])
        for m in SURNAME_FIRST.finditer(f):
            if m.group(2) in names and m.group(1) not in NOT_SURNAMES:
                yield Entity("PERSON", m.start(), m.end(), t[m.start():m.end()])
        for m in RELATION.finditer(f):
            words = m.group(1).split()
            if words[0].split("-")[0] in names and words[-1] not in NOT_SURNAMES:
                yield Entity("PERSON", m.start(1), m.end(1), t[m.start(1):m.end(1)])
        for pattern in (PERSON_ROLE, ADDRESSEE):
            for m in pattern.finditer(f):
                words = m.group(1).split()
                if words[0] not in ("Herr", "Herrn", "Frau") and words[-1] not in NOT_SURNAMES and \
                        words[-1].upper() != words[-1]:
                    yield Entity("PERSON", m.start(1), m.end(1), t[m.start(1):m.end(1)])
        yield from Detector._arabic_person(f, t)

    @staticmethod
    def _arabic_person(f: str, t: str) -> Iterable[Entity]:
        """A listed Arabic or Persian first name and the one or two words after it ("أحمد الحسن")."""
        names = arabic_names()
        words = list(ARABIC_WORD.finditer(f))
        i = 0
        while i < len(words):
            if words[i].group() not in names:
                i += 1
                continue
            end, j = words[i].end(), i + 1
            while j < len(words) and j <= i + 2 and re.fullmatch(r"[ \t\u00a0]{1,3}", f[end:words[j].start()]):
                end, j = words[j].end(), j + 1
            if j > i + 1:
                yield Entity("PERSON", words[i].start(), end, t[words[i].start():end])
            i = j

    @staticmethod
    def _special(f: str, t: str) -> Iterable[Entity]:
        for m in SPECIAL.finditer(f):
            before, after = f[max(0, m.start() - 20):m.start()], f[m.end():m.end() + 2]
            # about a group or a form field, not about a person: "Menschen mit Behinderung",
            # "Parkausweis für Schwerbehinderte", "Religionszugehörigkeit:", "biometrisches Passbild"
            if re.search(r"(?:Menschen mit|für|Beirat|Beauftragte\w* für)\s$", before) or after.startswith(":") or \
                    GENERIC_SPECIAL.fullmatch(m.group()):
                continue
            yield Entity("SPECIAL_CATEGORY", m.start(), m.end(), t[m.start():m.end()])
        for m in RELIGION_CODE.finditer(f):
            yield Entity("SPECIAL_CATEGORY", m.start(1), m.end(1), t[m.start(1):m.end(1)])


# Surnames that are also ordinary words: a name found once does not make every "Winter" a person.
_WORDLIKE_NAMES = frozenset({"Winter", "Sommer", "Braun", "Koch", "Fuchs", "Lange", "Frank", "Weiß", "Klein", "Groß",
                             "Kurz", "Lang", "Neu", "Alt", "Jung", "Ernst", "Wolf", "Bauer", "Meister", "Fischer",
                             "Schneider", "Richter", "Becker", "Vogel", "Hahn", "Graf", "König", "Kaiser", "Engel",
                             "Stein", "Berg", "Busch", "Sonne", "Mai", "Will", "Ruf", "Mann", "Friedrich", "Martin"})


def _mentions(found: list[Entity], f: str, t: str) -> list[Entity]:
    """Every other mention of a name found once: the whole name, and each part of it ("Rasha Al-Hassan"
    found, so "Rasha" later in the text is her too). Parts that are also ordinary words are left out."""
    names = {e.text for e in found if e.type == "PERSON" and e.text not in _WORDLIKE_NAMES}
    parts = {p for name in names for p in name.split() if len(p) > 2 and p[0].isupper() and p not in NOT_SURNAMES
             and p not in _WORDLIKE_NAMES and not p.endswith(".")}
    wanted = sorted(names | parts, key=len, reverse=True)[:200]  # bounded: the longest first
    if not wanted:
        return []
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in wanted) + r")(?![\w-])")
    return [Entity("PERSON", m.start(), m.end(), t[m.start():m.end()]) for m in pattern.finditer(f)]


def counts(entities: Iterable[Entity]) -> dict[str, int]:
    """How many distinct values of each type, in the order of TYPES: what may be stored and shown about
    personal data (never the values themselves)."""
    found: dict[str, int] = {}
    for kind, _ in {(e.type, e.text) for e in entities}:
        found[kind] = found.get(kind, 0) + 1
    return {t: found[t] for t in TYPES if t in found}


def describe(found: dict[str, int], lang: str = "de") -> str:
    """"Namen (3), IBAN (1)" for counts by type."""
    labels = LABELS["en" if lang == "en" else "de"]
    return ", ".join(f"{labels.get(t, t)} ({n})" for t, n in found.items())


def resolve(found: list[Entity]) -> list[Entity]:
    """Overlapping spans: the more specific type wins, then the longer span."""
    starts: list[int] = []  # the kept spans never overlap, so sorted by start they are sorted by end too
    kept: list[Entity] = []
    for e in sorted(found, key=lambda e: (PRIORITY[e.type], -(e.end - e.start), e.start)):
        i = bisect.bisect_right(starts, e.start)
        if (i == 0 or kept[i - 1].end <= e.start) and (i == len(kept) or e.end <= kept[i].start):
            starts.insert(i, e.start)
            kept.insert(i, e)
    return kept
