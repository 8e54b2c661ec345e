"""One ZIP per poster and language: every size of it in one download for a print shop."""

from __future__ import annotations

import io
import zipfile

# A fixed date inside the archive: the same PDFs give the same bytes (reproducible builds).
_STAMP = (2000, 1, 1, 0, 0, 0)


def zip_files(files: list[tuple[str, bytes]]) -> bytes:
    """``files``: (name in the archive, bytes). PDFs are already compressed: stored as they are."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_STORED) as z:
        for name, data in sorted(files):
            info = zipfile.ZipInfo(name, date_time=_STAMP)
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    return buf.getvalue()
