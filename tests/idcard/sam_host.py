#!/usr/bin/env python3
"""A SAM host program written from the public description of the GA 467 serial protocol alone,
independently of the kiosk's driver: it checks what `kiosk sim idcard serve` puts on the line.

    sam_host.py DEVICE read   find, select, read basic information; print the text as JSON
    sam_host.py DEVICE find   find only; print {"sw3": ...}

Every answer's preamble, length and XOR checksum are checked; a mismatch exits 1 with the reason.
Standard library only (os, termios, select, json, sys)."""
import json
import os
import select
import sys
import termios
import time

PREAMBLE = bytes([0xAA, 0xAA, 0xAA, 0x96, 0x69])


class ProtocolError(Exception):
    pass


def open_raw(path):
    fd = os.open(path, os.O_RDWR | os.O_NOCTTY)
    attrs = termios.tcgetattr(fd)
    iflag, oflag, cflag, lflag, ispeed, ospeed, cc = attrs
    iflag &= ~(termios.IGNBRK | termios.BRKINT | termios.PARMRK | termios.ISTRIP | termios.INLCR
               | termios.IGNCR | termios.ICRNL | termios.IXON | termios.IXOFF)
    oflag &= ~termios.OPOST
    lflag &= ~(termios.ECHO | termios.ECHONL | termios.ICANON | termios.ISIG | termios.IEXTEN)
    cflag &= ~(termios.CSIZE | termios.PARENB)
    cflag |= termios.CS8 | termios.CREAD | termios.CLOCAL
    cc[termios.VMIN] = 0
    cc[termios.VTIME] = 0
    termios.tcsetattr(fd, termios.TCSANOW, [iflag, oflag, cflag, lflag, termios.B115200, termios.B115200, cc])
    return fd


def xor(data):
    out = 0
    for b in data:
        out ^= b
    return out


def command_frame(cmd, para):
    body = bytes([cmd, para])
    length = len(body) + 1
    head = bytes([length >> 8, length & 0xFF])
    return PREAMBLE + head + body + bytes([xor(head + body)])


def read_exactly(fd, n, deadline):
    buf = b""
    while len(buf) < n:
        left = deadline - time.monotonic()
        if left <= 0:
            raise ProtocolError("timeout after %d of %d bytes" % (len(buf), n))
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            buf += os.read(fd, n - len(buf))
    return buf


def transact(fd, cmd, para, timeout=3.0):
    os.write(fd, command_frame(cmd, para))
    deadline = time.monotonic() + timeout
    head = read_exactly(fd, 7, deadline)
    if head[:5] != PREAMBLE:
        raise ProtocolError("bad preamble %s" % head[:5].hex())
    length = (head[5] << 8) | head[6]
    rest = read_exactly(fd, length, deadline)
    if xor(head[5:7] + rest[:-1]) != rest[-1]:
        raise ProtocolError("bad checksum %02x" % rest[-1])
    sw1, sw2, sw3 = rest[0], rest[1], rest[2]
    if (sw1, sw2) != (0, 0):
        raise ProtocolError("SW1 SW2 %02x %02x, 00 00 expected" % (sw1, sw2))
    return sw3, rest[3:-1], len(head) + len(rest)


FIELDS = [("name", 30), ("sex", 2), ("nation", 4), ("birthDate", 16), ("address", 70),
          ("idNumber", 36), ("issuingAuthority", 30), ("validFrom", 16), ("validUntil", 16)]


def main():
    path, mode = sys.argv[1], sys.argv[2]
    fd = open_raw(path)
    try:
        sw3, data, _ = transact(fd, 0x20, 0x01)
        if mode == "find":
            print(json.dumps({"sw3": sw3, "data": data.hex()}))
            return 0
        if sw3 != 0x9F:
            raise ProtocolError("find card: SW3 %02x, 9f expected" % sw3)
        sw3, data, _ = transact(fd, 0x20, 0x02)
        if sw3 != 0x90:
            raise ProtocolError("select card: SW3 %02x, 90 expected" % sw3)
        sw3, data, frame_length = transact(fd, 0x30, 0x01)
        if sw3 != 0x90:
            raise ProtocolError("read: SW3 %02x, 90 expected" % sw3)
        text_len = (data[0] << 8) | data[1]
        photo_len = (data[2] << 8) | data[3]
        if text_len != 256 or len(data) != 4 + text_len + photo_len:
            raise ProtocolError("text %d, photo %d, data %d bytes" % (text_len, photo_len, len(data)))
        text = data[4:4 + 256]
        out = {"frameLength": frame_length, "textLength": text_len, "photoLength": photo_len}
        at = 0
        for name, size in FIELDS:
            out[name] = text[at:at + size].decode("utf-16-le").rstrip(" \x00")
            at += size
        out["reservedBlank"] = text[at:].decode("utf-16-le").strip(" \x00") == ""
        print(json.dumps(out, ensure_ascii=False))
        return 0
    except ProtocolError as e:
        print("protocol error: %s" % e, file=sys.stderr)
        return 1
    finally:
        os.close(fd)


if __name__ == "__main__":
    sys.exit(main())
