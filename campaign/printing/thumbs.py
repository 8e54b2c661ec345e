"""Gallery thumbnails drawn from the PDFs themselves (poppler's pdftoppm), as small WebP."""

from __future__ import annotations

import io
import subprocess
import tempfile
from pathlib import Path

from PIL import Image

THUMB_VERSION = "thumb-2 200px webp q55"
WIDTH = 200  # the gallery shows cards ~150-180 CSS px wide


def thumbnail(pdf: bytes, width: int = WIDTH) -> bytes:
    with tempfile.TemporaryDirectory(prefix="campaign-thumb-") as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-png", "-singlefile", "-f", "1", "-l", "1",
                        "-scale-to-x", str(width), "-scale-to-y", "-1", "-aa", "yes",
                        "-aaVector", "yes", str(src), str(Path(tmp) / "out")],
                       check=True, capture_output=True, timeout=60)
        img = Image.open(Path(tmp) / "out.png").convert("RGB")
        buf = io.BytesIO()
        img.save(buf, "WEBP", quality=55, method=6)
        return buf.getvalue()


def size_of(data: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(data)) as img:
        return img.size
