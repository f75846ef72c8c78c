"""Bytes from files and the web to text: UTF-8 first, then a detected legacy encoding (Arabic
sites still serve windows-1256), refusing binary data instead of producing mojibake."""

from __future__ import annotations

from charset_normalizer import from_bytes

from rasad.record import InputError


def looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    return b"\x00" in sample and not (sample.startswith(b"\xff\xfe") or sample.startswith(b"\xfe\xff"))


def decode_bytes(data: bytes, where: str) -> tuple[str, str | None]:
    """The text and, when it was not UTF-8, a note saying which encoding it was decoded from."""
    if looks_binary(data):
        raise InputError(f"{where}: binary data, not text (pass a text, JSON Lines, CSV, HTML or feed file)")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(f"{where}: not valid UTF-8 and no known encoding fits; convert it to UTF-8")
    return str(best), f"decoded from {best.encoding}"
