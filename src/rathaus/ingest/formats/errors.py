"""The errors of upload extraction: each an ``InputError`` with a code and a German ``user_message``."""

from __future__ import annotations

from rathaus.errors import InputError

__all__ = ["CorruptFile", "EmptyDocument", "EncryptedFile", "TooLarge", "UnsupportedFormat"]


class UnsupportedFormat(InputError):
    code = "unsupported_format"
    user_message = ("Dieses Dateiformat wird nicht unterstützt. Möglich sind PDF, Word (DOCX), "
                    "OpenDocument-Text (ODT), HTML, Markdown, Text und E-Mail (EML).")


class CorruptFile(InputError):
    code = "corrupt_file"
    user_message = "Die Datei ist beschädigt oder unvollständig und kann nicht gelesen werden."


class EncryptedFile(InputError):
    code = "encrypted_file"
    user_message = ("Die Datei ist verschlüsselt oder mit einem Passwort geschützt. "
                    "Bitte laden Sie eine Fassung ohne Passwortschutz hoch.")


class TooLarge(InputError):
    code = "file_too_large"
    user_message = "Die Datei ist zu groß."


class EmptyDocument(InputError):
    code = "empty_document"
    user_message = "Die Datei enthält keinen lesbaren Text."
