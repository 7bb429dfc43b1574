"""Django's file cache, but without listing the whole folder on every write.

Django's FileBasedCache counts its files before each ``set`` to see whether it must drop
some. With thousands of kept pages that listing took milliseconds, and every API read pays a
write (its rate-limit counter). Here each process counts at most every few seconds; between
counts the folder may grow a little past ``MAX_ENTRIES``.
"""

import time

from django.core.cache.backends.filebased import FileBasedCache

CULL_EVERY_SECONDS = 5


class FileCache(FileBasedCache):
    _culled_at = 0.0

    def _cull(self):
        now = time.monotonic()
        if now - self._culled_at < CULL_EVERY_SECONDS:
            return
        self._culled_at = now
        super()._cull()
