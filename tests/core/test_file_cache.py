"""The file cache counts its files at most every few seconds, and still drops old ones."""

from engagementnetz.core import file_cache
from engagementnetz.core.file_cache import FileCache


def test_the_folder_is_counted_once_in_a_while_and_culled_when_full(tmp_path, monkeypatch):
    cache = FileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 10, "CULL_FREQUENCY": 2}})
    listings = []
    original = FileCache._list_cache_files

    def counting(self):
        listings.append(1)
        return original(self)

    monkeypatch.setattr(FileCache, "_list_cache_files", counting)
    clock = [1000.0]
    monkeypatch.setattr(file_cache.time, "monotonic", lambda: clock[0])
    for number in range(12):
        cache.set(f"key-{number}", number)
    assert len(listings) == 1  # the first write only
    assert len(list(tmp_path.glob("*.djcache"))) == 12
    clock[0] += file_cache.CULL_EVERY_SECONDS
    cache.set("key-12", 12)
    assert len(listings) == 2
    # 12 files were there: half of them went before the 13th was written.
    assert len(list(tmp_path.glob("*.djcache"))) == 7
    assert cache.get("key-12") == 12
