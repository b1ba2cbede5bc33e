"""The German personal-data detector, type by type, with check-digit negatives, and the pseudonymisation
round trip."""

from __future__ import annotations

import pytest

from rathaus.privacy import checksums
from rathaus.privacy.detect import Detector
from rathaus.privacy.pseudonym import pseudonymise

pytestmark = pytest.mark.unit
DETECTOR = Detector(case_patterns=[r"\bBV-\d{4}-\d{3}\b"])


def found(text: str) -> list[tuple[str, str]]:
    return [(e.type, e.text) for e in DETECTOR.find(text)]


@pytest.mark.parametrize("text, expected", [
    ("Bitte an anna.roth@example.de schreiben.", [("EMAIL", "anna.roth@example.de")]),
    ("IBAN DE89 3704 0044 0532 0130 00 bitte.", [("IBAN", "DE89 3704 0044 0532 0130 00")]),
    ("IBAN DE89370400440532013000.", [("IBAN", "DE89370400440532013000")]),
    ("Konto AT61 1904 3002 3457 3201.", [("IBAN", "AT61 1904 3002 3457 3201")]),
    ("BIC: COBADEFFXXX", [("BIC", "COBADEFFXXX")]),
    ("Steuer-ID 86095742719.", [("TAX_ID", "86095742719")]),
    ("Rentenversicherungsnummer 65170839J003", [("SOCIAL_SECURITY", "65170839J003")]),
    ("Personalausweis-Nr. T22000129 liegt vor.", [("ID_CARD", "T22000129")]),
    ("Reisepass C01X00T47 ist abgelaufen.", [("PASSPORT", "C01X00T47")]),
    ("Rückruf unter 0711 / 216-12345.", [("PHONE", "0711 / 216-12345")]),
    ("Mobil: +49 171 1234567", [("PHONE", "+49 171 1234567")]),
    ("Kennzeichen KA XY 123 parkte falsch.", [("LICENSE_PLATE", "KA XY 123")]),
    ("Der Wagen S-AB 1234E stand dort.", [("LICENSE_PLATE", "S-AB 1234E")]),
    ("Herr Meier, geb. 12.03.1961, beantragt", [("PERSON", "Meier"), ("DATE_OF_BIRTH", "12.03.1961")]),
    ("Az. 32.1-2024/0815 bitte angeben", [("CASE_NUMBER", "32.1-2024/0815")]),
    ("Vorgang BV-2024-117 ist offen", [("CASE_NUMBER", "BV-2024-117")]),
    ("Sie wohnt in der Hauptstraße 12a, 70173 Stuttgart.", [("ADDRESS", "Hauptstraße 12a, 70173 Stuttgart")]),
    ("Post an Am Anger 5 schicken.", [("ADDRESS", "Am Anger 5")]),
    ("Frau Dr. Anna-Lena Müller-Lüdenscheidt schreibt.", [("PERSON", "Anna-Lena Müller-Lüdenscheidt")]),
    ("Peter van der Berg ruft an.", [("PERSON", "Peter van der Berg")]),
    ("Gemeldet von Müller, Hans.", [("PERSON", "Müller, Hans")]),
    ("Er ist katholisch und hat Diabetes.", [("SPECIAL_CATEGORY", "katholisch"), ("SPECIAL_CATEGORY", "Diabetes")]),
    # names in forms and signatures, also when the first name is in no list; never across a line break
    ("Mit freundlichen Grüßen\nOlena Shevchenko\nMörikestraße 29", [("PERSON", "Olena Shevchenko"),
                                                                   ("ADDRESS", "Mörikestraße 29")]),
    ("Kontoinhaberin: Noor Haddad.", [("PERSON", "Noor Haddad")]),
    ("Mit freundlichen Grüßen U. Pohl, Ordnungsamt", [("PERSON", "U. Pohl")]),
    ("Es sprach Anna Roth von der Stadtverwaltung.", [("PERSON", "Anna Roth")]),
    ("Sein Reisepass (Nr. U74290643) liegt vor.", [("PASSPORT", "U74290643")]),
    ("Aktenzeichen: SO 32/179/2024", [("CASE_NUMBER", "SO 32/179/2024")]),
    ("Kassenzeichen 536 308 0989 angeben", [("CASE_NUMBER", "536 308 0989")]),
    ("Bei ihr wurde eine Erdnussallergie diagnostiziert.", [("SPECIAL_CATEGORY", "Erdnussallergie")]),
    ("Er leidet an Morbus Parkinson.", [("SPECIAL_CATEGORY", "Morbus Parkinson")]),
    ("Ich bin sorbischer Herkunft.", [("SPECIAL_CATEGORY", "sorbischer Herkunft")]),
    ("Sie legt ihr Mandat aus gesundheitlichen Gründen nieder.", [("SPECIAL_CATEGORY", "gesundheitlichen Gründen")]),
    ("Er sei gläubiger Muslim.", [("SPECIAL_CATEGORY", "gläubiger Muslim")]),
    ("Sie ist Mitglied der IG BAU.", [("SPECIAL_CATEGORY", "Mitglied der IG BAU")]),
    ("Wegen einer Knieoperation fehlt er.", [("SPECIAL_CATEGORY", "Knieoperation")]),
])
def test_each_type(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "IBAN DE89 3704 0044 0532 0130 01 ist falsch.",  # checksum fails
    "Steuer-ID 86095742711.",  # check digit wrong
    "Nummer 11111111111",  # digit rule
    "Rentenversicherungsnummer 65170839J004",
    "Personalausweis T220001294",  # wrong check digit
    "Die Sitzung am 12.03.2025 beginnt um 17 Uhr.",  # a date, not a birth date
    "Die Hauptstraße wird ab Mai saniert.",  # a street without a house number is a place
    "Im Winter räumt der Bauhof.",
    "Nach § 34 BauGB ist das zulässig; Kosten 120.000 Euro.",
    "Vorlage an [PERSON_1] weiterleiten.",  # a placeholder is no name
    "Der Beirat für Menschen mit Behinderung tagt.",  # about a group, not a person
    "Bitte ein biometrisches Passbild mitbringen.",
    "Namen von Ämtern bleiben im Original.",  # "Namen" in running text is no form label
    "Die Kooperation mit dem Landkreis wird fortgesetzt.",  # "…operation" that is no surgery
    "Vermerk zum Datenschutzvorfall im Bürgerbüro",
    "Die Krankheitsvertretung übernimmt das Sekretariat.",
    "Sie hat die Kita am Montag besucht.",  # "…sucht" that is no addiction
    "Keine weitere Störung bis Schichtende; die Ruhestörung ist beendet.",
    "Personalnummer: 33143\nSteuerklasse: 1",  # a number and a word on the next line are no postcode and town
    "Beschlussvorlage 168/2024 zur Kenntnis",  # no phone number
])
def test_negatives(text):
    assert found(text) == []


def test_confusable_letters_are_still_found_with_original_offsets():
    text = "Mail an аnna.roth@example.de (kyrillisches а)."  # Cyrillic а at the start
    [(kind, value)] = [(e.type, e.text) for e in DETECTOR.find(text) if e.type == "EMAIL"]
    assert value == "аnna.roth@example.de" and value[0] == "\u0430"


def test_checksums():
    assert checksums.iban_valid("DE89370400440532013000") and not checksums.iban_valid("DE8937040044053201300")
    assert checksums.steuer_id_valid("86095742719") and not checksums.steuer_id_valid("06095742719")
    assert checksums.rvnr_valid("65170839J003") and not checksums.rvnr_valid("65170839J00")
    assert checksums.id_document_valid("T220001293") and not checksums.id_document_valid("T220001294")


def test_pseudonymisation_round_trip():
    text = ("Frau Anna Roth (anna.roth@example.de) überweist von DE89 3704 0044 0532 0130 00. "
            "Anna Roth schreibt erneut an anna.roth@example.de. Im Text steht schon [PERSON_1].")
    p = pseudonymise(text, DETECTOR)
    assert "Anna Roth" not in p.text and "anna.roth@example.de" not in p.text and "DE89" not in p.text
    assert p.text.count("[PERSON_2]") == 2 and p.text.count("[EMAIL_1]") == 2  # the same value, the same placeholder
    assert "[PERSON_1]" in p.text and "[PERSON_1]" not in p.mapping  # the user's own text is never ours
    assert p.restore(p.text) == text
    assert p.restore("Antwort an [PERSON 2] und [ EMAIL_1 ], nicht an [PERSON_1].") == \
        "Antwort an Anna Roth und anna.roth@example.de, nicht an [PERSON_1]."
    assert "Anna" not in str(p) and "Anna" not in repr(p)  # nothing to leak into a log line


@pytest.mark.parametrize("text, expected", [
    ("Hello, my name is John Smith and I need an appointment.", [("PERSON", "John Smith")]),
    ("Merhaba, adım Ayşe Yılmaz. Telefonum 0176 12345678.", [("PERSON", "Ayşe Yılmaz"), ("PHONE", "0176 12345678")]),
    ("Dzień dobry, nazywam się Katarzyna Wiśniewska i mieszkam przy Lindenweg 4.",
     [("PERSON", "Katarzyna Wiśniewska"), ("ADDRESS", "Lindenweg 4")]),
    ("Добрий день, мене звати Олена Шевченко. Ich brauche einen Termin.", [("PERSON", "Олена Шевченко")]),
    ("Mit freundlichen Grüßen\nОлена Шевченко", [("PERSON", "Олена Шевченко")]),
    ("مرحبا، اسمي أحمد الحسن. Telefon 0151 23456789", [("PERSON", "أحمد الحسن"), ("PHONE", "0151 23456789")]),
    ("Bonjour, je m'appelle Marie Dubois. Mein Sohn hat Diabetes.",
     [("PERSON", "Marie Dubois"), ("SPECIAL_CATEGORY", "Diabetes")]),
    ("Herr Παπαδόπουλος hat angerufen.", [("PERSON", "Παπαδόπουλος")]),
])
def test_mixed_languages_and_scripts(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Mail: jana.lorenz (at) example (dot) org", [("EMAIL", "jana.lorenz (at) example (dot) org")]),
    ("jana.lorenz[at]example.org", [("EMAIL", "jana.lorenz[at]example.org")]),
    ("jana punkt lorenz ät example punkt de", [("EMAIL", "jana punkt lorenz ät example punkt de")]),
    ("jana.lorenz @ example.org", [("EMAIL", "jana.lorenz @ example.org")]),
    ("Nach der Sitzung gehen wir at home.", []),
    ("Frau Rasha Al-Hassan ruft an. Rasha fährt mit.", [("PERSON", "Rasha Al-Hassan"), ("PERSON", "Rasha")]),
    ("Für ihren Sohn Holger übernehmen wir die Kosten.", [("PERSON", "Holger")]),
    ("Stadträtin Ingrid Haas (SPD) fragt nach.", [("PERSON", "Ingrid Haas")]),
    ("Herr\nKlaus-Dieter Ziegler\nKapellenweg 74b", [("PERSON", "Klaus-Dieter Ziegler"), ("ADDRESS", "Kapellenweg 74b")]),
    ("Sehr geehrte Frau Rechtsanwältin Friesen,", [("PERSON", "Friesen")]),
    ("Die Ruhezeit der Grabstätte von Marianne Böhm (1926–1998) endet.",
     [("PERSON", "Marianne Böhm"), ("DATE_OF_BIRTH", "1926")]),
    ("Er wohnt in der Clara-Zetkin-Straße 9, 76596 Gernsbach.", [("ADDRESS", "Clara-Zetkin-Straße 9, 76596 Gernsbach")]),
    ("IBAN:  DE89 3704 0044  0532 0130 00", [("IBAN", "DE89 3704 0044  0532 0130 00")]),  # spaced as in a form
    ("Konfession (Kirchensteuer): rk", [("SPECIAL_CATEGORY", "rk")]),
    ("Ihr Aktenzeichen war 466.94.6610.", [("CASE_NUMBER", "466.94.6610")]),
])
def test_written_out_and_cued_values(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, kind, value", [
    ("IBAN DE89\u200b3704\u200b0044\u200b0532\u200b0130\u200b00 bitte", "IBAN",
     "DE89\u200b3704\u200b0044\u200b0532\u200b0130\u200b00"),  # zero-width spaces
    ("Mail: anna\u200b.roth@example.de", "EMAIL", "anna\u200b.roth@example.de"),
    ("Frau An\u200bna Ro\u00adth ruft an", "PERSON", "An\u200bna Ro\u00adth"),  # zero-width space, soft hyphen
    ("ＩＢＡＮ ＤＥ８９３７０４００４４０５３２０１３０００", "IBAN", "ＤＥ８９３７０４００４４０５３２０１３０００"),  # full width
    ("Mail ａｎｎａ＠example.de", "EMAIL", "ａｎｎａ＠example.de"),
    ("Herr 𝐌𝐞𝐢𝐞𝐫 ruft an", "PERSON", "𝐌𝐞𝐢𝐞𝐫"),  # mathematical bold letters
    ("Frau Mu\u0308ller-Lu\u0308denscheidt ruft an", "PERSON", "Mu\u0308ller-Lu\u0308denscheidt"),  # decomposed umlauts
])
def test_invisible_and_compatibility_characters_hide_nothing(text, kind, value):
    [entity] = [e for e in DETECTOR.find(text) if e.type == kind]
    assert entity.text == value and text[entity.start:entity.end] == value  # offsets of the text as it came
    p = pseudonymise(text, DETECTOR)
    assert value not in p.text and p.restore(p.text) == text
