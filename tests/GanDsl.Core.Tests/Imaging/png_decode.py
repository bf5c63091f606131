#!/usr/bin/env python3
"""Independent PNG/APNG decoder for the Imaging tests: standard library only (zlib, struct).

Usage: png_decode.py FILE...   Prints one JSON object per file:
  {"width", "height", "channels", "chunks": [types], "num_frames", "num_plays",
   "sequence": [fcTL/fdAT sequence numbers in file order], "delays": [[num, den], ...],
   "filters": [row filter types used], "frames": [base64 of the decoded 8-bit pixels, rows top to bottom,
   channels interleaved]}
A still PNG has one frame (its IDAT) and num_frames null. Any violation exits with status 1.
"""
import base64, json, struct, sys, zlib

SIGNATURE = b"\x89PNG\r\n\x1a\n"


def fail(path, message):
    sys.stderr.write(f"{path}: {message}\n")
    sys.exit(1)


def chunks(path, data):
    if data[:8] != SIGNATURE:
        fail(path, "bad signature")
    pos = 8
    while pos < len(data):
        if pos + 8 > len(data):
            fail(path, "truncated chunk header")
        length, ctype = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if len(body) != length or pos + 12 + length > len(data):
            fail(path, f"truncated {ctype!r} chunk")
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        if zlib.crc32(ctype + body) & 0xFFFFFFFF != crc:
            fail(path, f"CRC mismatch in {ctype!r}")
        yield ctype.decode("ascii"), body
        pos += 12 + length


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def unfilter(path, raw, width, height, bpp, filters):
    stride = width * bpp
    if len(raw) != height * (stride + 1):
        fail(path, f"decompressed {len(raw)} bytes, expected {height * (stride + 1)}")
    out = bytearray()
    prev = bytearray(stride)
    for y in range(height):
        ftype = raw[y * (stride + 1)]
        filters.add(ftype)
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ftype == 0:
                pred = 0
            elif ftype == 1:
                pred = a
            elif ftype == 2:
                pred = b
            elif ftype == 3:
                pred = (a + b) >> 1
            elif ftype == 4:
                pred = paeth(a, b, c)
            else:
                fail(path, f"unknown filter type {ftype} in row {y}")
            line[i] = (line[i] + pred) & 0xFF
        out += line
        prev = line
    return bytes(out)


def inflate(path, data):
    d = zlib.decompressobj()
    raw = d.decompress(data) + d.flush()
    if not d.eof or d.unused_data:
        fail(path, "zlib stream is incomplete or has trailing bytes")
    return raw


def decode(path):
    with open(path, "rb") as f:
        data = f.read()
    found = list(chunks(path, data))
    types = [t for t, _ in found]
    if not types or types[0] != "IHDR" or types[-1] != "IEND" or types.count("IEND") != 1:
        fail(path, f"bad chunk order {types}")
    width, height, depth, ctype, comp, filt, interlace = struct.unpack(">IIBBBBB", found[0][1])
    if depth != 8 or ctype not in (0, 2) or comp or filt or interlace:
        fail(path, f"unsupported IHDR depth={depth} colour={ctype} interlace={interlace}")
    channels = 1 if ctype == 0 else 3
    num_frames = num_plays = None
    sequence, delays, frame_data = [], [], []
    idat = bytearray()
    for t, body in found[1:-1]:
        if t == "acTL":
            num_frames, num_plays = struct.unpack(">II", body)
        elif t == "fcTL":
            seq, w, h, x, y, dn, dd, dispose, blend = struct.unpack(">IIIIIHHBB", body)
            if (w, h, x, y) != (width, height, 0, 0):
                fail(path, f"frame {len(delays)} region {w}x{h}+{x}+{y} is not the full canvas")
            sequence.append(seq)
            delays.append([dn, dd])
            frame_data.append(bytearray())
        elif t == "IDAT":
            idat += body
            if frame_data:
                frame_data[-1] += body
        elif t == "fdAT":
            sequence.append(struct.unpack(">I", body[:4])[0])
            if not frame_data:
                fail(path, "fdAT before any fcTL")
            frame_data[-1] += body[4:]
    if not idat:
        fail(path, "no IDAT")
    if sequence != list(range(len(sequence))):
        fail(path, f"APNG sequence numbers {sequence} do not run 0, 1, 2, ... without gaps")
    if num_frames is None:
        frame_data = [idat]
    elif num_frames != len(delays):
        fail(path, f"acTL says {num_frames} frames but there are {len(delays)} fcTL chunks")
    filters = set()
    frames = [unfilter(path, inflate(path, bytes(fd)), width, height, channels, filters) for fd in frame_data]
    return {"width": width, "height": height, "channels": channels, "chunks": types,
            "num_frames": num_frames, "num_plays": num_plays, "sequence": sequence, "delays": delays,
            "filters": sorted(filters),
            "frames": [base64.b64encode(fr).decode("ascii") for fr in frames]}


if __name__ == "__main__":
    for p in sys.argv[1:]:
        print(json.dumps(decode(p)))
