"""A folder kept in step with a collection: added, changed, removed files; nothing removed when the
folder is empty or unreadable; unreadable files keep what was stored for them."""

from __future__ import annotations

import pytest

from rathaus.config import Settings
from rathaus.documents import Access, Collection
from rathaus.errors import SourceError
from rathaus.sources.files.folder import FolderSync

pytestmark = pytest.mark.integration
OP = Access.operator()


@pytest.fixture
def sync(store, settings: Settings):
    store.ensure_collection(Collection("bauhof", "intern"))
    return FolderSync(store, settings, "bauhof")


def ids(store) -> set[str]:
    return {d.id for d in store.list_documents(OP, limit=100) if d.collection == "bauhof"}


def test_a_folder_stays_in_step(sync, store, tmp_path):
    share = tmp_path / "share"
    (share / "winter").mkdir(parents=True)
    (share / "winter" / "Streuplan.md").write_text("# Streuplan\n\nStreusalz in Halle 3.", encoding="utf-8")
    (share / "Fuhrpark.txt").write_text("Der Fuhrpark hat 12 Fahrzeuge.", encoding="utf-8")
    (share / ".DS_Store").write_bytes(b"\x00\x01")
    first = sync.run(share)
    assert (first.seen, first.written, first.deleted) == (2, 2, 0)
    assert ids(store) == {"file:bauhof/winter/Streuplan.md", "file:bauhof/Fuhrpark.txt"}

    (share / "Fuhrpark.txt").write_text("Der Fuhrpark hat 14 Fahrzeuge.", encoding="utf-8")
    (share / "winter" / "Streuplan.md").unlink()
    (share / "kaputt.pdf").write_bytes(b"%PDF-1.4 kaputt")
    second = sync.run(share)
    assert (second.written, second.unchanged, second.deleted) == (1, 0, 1) and "kaputt.pdf" in second.skipped
    assert ids(store) == {"file:bauhof/Fuhrpark.txt"}
    assert "14 Fahrzeuge" in store.document_chunks("file:bauhof/Fuhrpark.txt", OP)[0].text


def test_an_empty_or_broken_folder_removes_nothing(sync, store, tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    (share / "a.txt").write_text("Dienstanweisung A.", encoding="utf-8")
    sync.run(share)
    (share / "a.txt").unlink()
    (share / "b.pdf").write_bytes(b"%PDF-1.4 kaputt")  # nothing readable: looks like a broken share
    report = sync.run(share)
    assert report.deleted == 0 and ids(store) == {"file:bauhof/a.txt"}
    (share / "b.pdf").unlink()
    assert sync.run(share).deleted == 0 and ids(store) == {"file:bauhof/a.txt"}  # empty: an unmounted share?


def test_an_unreadable_file_keeps_its_document(sync, store, tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    (share / "a.txt").write_text("Version eins.", encoding="utf-8")
    (share / "b.txt").write_text("Anderes Dokument.", encoding="utf-8")
    sync.run(share)
    (share / "a.txt").write_bytes(bytes(range(256)))  # now unreadable
    report = sync.run(share)
    assert "a.txt" in report.skipped and report.deleted == 0
    assert "Version eins" in store.document_chunks("file:bauhof/a.txt", OP)[0].text


def test_a_missing_folder_is_a_clear_error(sync, tmp_path):
    with pytest.raises(SourceError) as info:
        sync.run(tmp_path / "nicht-da")
    assert "kein Ordner" in info.value.user_message
