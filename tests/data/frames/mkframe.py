#!/usr/bin/env python3
"""tests/data/frames/mkframe.py TYPE META PAYLOAD [--claim N] [--zlib] [--raw N]: one frame on
stdout, CRCs right, for tests that need frames mdf refuses to write.

META and PAYLOAD are Python bytes literals' bodies (backslash escapes
allowed: 'width=1\\nheight=1\\n'); '@FILE' reads a file instead.
--claim N stores N as the payload length whatever the payload holds;
--zlib compresses the payload (8-byte raw length, then zlib), --raw N
stores N as that raw length."""
import struct
import sys
import zlib


def lit(s):
    return s.encode('latin-1').decode('unicode_escape').encode('latin-1')


def main(argv):
    typ, meta, payload = argv[1], argv[2], argv[3]
    meta = open(meta[1:], 'rb').read() if meta.startswith('@') else lit(meta)
    payload = open(payload[1:], 'rb').read() if payload.startswith('@') else lit(payload)
    opts = argv[4:]
    flags = 0
    if '--zlib' in opts:
        flags = 1
        raw = len(payload)
        if '--raw' in opts:
            raw = int(opts[opts.index('--raw') + 1])
        payload = struct.pack('<Q', raw) + zlib.compress(payload, 6)
    claim = len(payload)
    if '--claim' in opts:
        claim = int(opts[opts.index('--claim') + 1])
    dcrc = zlib.crc32(meta + payload)
    h = b'\x89MDF' + bytes([1, flags, 0, 0]) + typ.encode('ascii')
    h += struct.pack('<IQI', len(meta), claim, dcrc)
    h += struct.pack('<I', zlib.crc32(h))
    sys.stdout.buffer.write(h + meta + payload)


main(sys.argv)
