"""Personal data at rest: AES-GCM tokens, key rotation, blind indexes, key loading."""

from __future__ import annotations

import base64
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liushou.pii import (
    BlindIndex,
    DecryptionError,
    FieldCipher,
    KeyConfigError,
    UnknownKeyId,
    generate_key,
    keys_from_settings,
    load_or_create_dev_keys,
    parse_keys,
)

# Fixed keys keep the parametrized test ids stable (pytest-xdist compares them across workers).
K1 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"
K2 = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8"
AD = b"person:0b7c1c55-7e1a-4d0e-9f43-2f8d1b9f3a10:id_number"

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- FieldCipher -----------------------------------------------------------------------


@given(st.text())
def test_round_trip(plaintext: str) -> None:
    cipher = FieldCipher(f"k1:{K1}")
    assert cipher.decrypt(cipher.encrypt(plaintext, AD), AD) == plaintext


def test_round_trip_chinese_and_token_shape() -> None:
    cipher = FieldCipher(f"k1:{K1}")
    token = cipher.encrypt("张三 山东省济宁市兖州区", AD)
    version, kid, payload = token.split(".")
    assert (version, kid) == ("v1", "k1")
    assert token.isascii() and "=" not in payload
    assert cipher.decrypt(token, AD) == "张三 山东省济宁市兖州区"


def test_same_plaintext_encrypts_differently() -> None:
    cipher = FieldCipher(f"k1:{K1}")
    assert cipher.encrypt("13812345678", AD) != cipher.encrypt("13812345678", AD)


def _flip(token: str, index: int) -> str:
    prefix, _, payload = token.rpartition(".")
    raw = bytearray(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    raw[index] ^= 0x01
    return f"{prefix}.{base64.urlsafe_b64encode(bytes(raw)).rstrip(b'=').decode()}"


@pytest.mark.parametrize("index", [0, 11, 12, -1])  # nonce, first ciphertext byte, tag
def test_tampered_token_fails(index: int) -> None:
    cipher = FieldCipher(f"k1:{K1}")
    token = cipher.encrypt("11010519491231002X", AD)
    with pytest.raises(DecryptionError):
        cipher.decrypt(_flip(token, index), AD)


@pytest.mark.parametrize(
    "token",
    ["", "v1", "v1.k1", "v1.k1.", "v2.k1.AAAA", "v1.k1.A", "v1.k1.AAAA", "v1.k1.AA!A" * 8],
)
def test_malformed_token_fails(token: str) -> None:
    with pytest.raises(DecryptionError):
        FieldCipher(f"k1:{K1}").decrypt(token, AD)


def test_wrong_associated_data_fails() -> None:
    cipher = FieldCipher(f"k1:{K1}")
    token = cipher.encrypt("11010519491231002X", AD)
    with pytest.raises(DecryptionError):
        cipher.decrypt(token, AD.replace(b"id_number", b"phone"))
    with pytest.raises(DecryptionError):
        cipher.decrypt(token, b"")


def test_rotation() -> None:
    old = FieldCipher(f"k1:{K1}")
    old_token = old.encrypt("13812345678", AD)
    rotated = FieldCipher(f"k2:{K2},k1:{K1}")
    assert rotated.decrypt(old_token, AD) == "13812345678"
    new_token = rotated.encrypt("13812345678", AD)
    assert new_token.startswith("v1.k2.")
    assert rotated.needs_rotation(old_token) and not rotated.needs_rotation(new_token)
    resealed = rotated.rotate(old_token, AD)
    assert rotated.key_id(resealed) == "k2"
    assert FieldCipher(f"k2:{K2}").decrypt(resealed, AD) == "13812345678"
    with pytest.raises(UnknownKeyId):
        old.decrypt(new_token, AD)


def test_unknown_key_id_fails() -> None:
    token = FieldCipher(f"k1:{K1}").encrypt("x", AD)
    with pytest.raises(UnknownKeyId):
        FieldCipher(f"k2:{K2}").decrypt(token, AD)


def test_same_key_id_for_another_key_fails() -> None:
    token = FieldCipher(f"k1:{K1}").encrypt("x", AD)
    with pytest.raises(DecryptionError):
        FieldCipher(f"k1:{K2}").decrypt(token, AD)


# --- key strings -----------------------------------------------------------------------


def test_parse_keys() -> None:
    keys = parse_keys(f"k2:{K2}, k1:{K1}=")
    assert [k.id for k in keys] == ["k2", "k1"]
    assert all(len(k.secret) == 32 for k in keys)
    assert [k.id for k in parse_keys(K1)] == ["k1"]  # a lone key is k1
    assert K1 not in repr(keys)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "k1:",
        "k1:short",
        f"k1:{base64.urlsafe_b64encode(bytes(16)).decode()}",  # AES-128 length
        f"k1:{K1},k1:{K2}",  # duplicate id
        f"k.1:{K1}",  # a dot would break the token format
        f"k1:{K1[:-1]}!",
        f"k1:{K1},",
    ],
)
def test_bad_key_strings_are_refused_without_echoing_them(text: str) -> None:
    with pytest.raises(KeyConfigError) as caught:
        parse_keys(text, "LIUSHOU_DATA_KEY")
    assert "LIUSHOU_DATA_KEY" in str(caught.value)
    assert K1 not in str(caught.value)


def test_generated_keys_differ() -> None:
    assert len({generate_key() for _ in range(10)}) == 10
    assert len(parse_keys(generate_key())[0].secret) == 32


# --- BlindIndex ------------------------------------------------------------------------


def test_blind_index_is_deterministic_and_fixed_length() -> None:
    index = BlindIndex(f"i1:{K1}")
    assert index.index("11010519491231002X") == BlindIndex(f"i1:{K1}").index("11010519491231002X")
    assert len(index.index("")) == len(index.index("张三" * 100)) == 64
    assert index.index("11010519491231002X") != index.index("360426199101010071")


def test_blind_index_depends_on_the_key() -> None:
    assert BlindIndex(K1).index("13812345678") != BlindIndex(K2).index("13812345678")


def test_blind_index_hashes_exactly_what_it_is_given() -> None:
    # Documented: callers normalise first (normalize_id_number), the index does not.
    index = BlindIndex(K1)
    assert index.index("11010519491231002x") != index.index("11010519491231002X")
    assert index.index(" 13812345678") != index.index("13812345678")


def test_blind_index_rotation_lookups() -> None:
    rotated = BlindIndex(f"i2:{K2},i1:{K1}")
    assert rotated.indexes("x") == (BlindIndex(K2).index("x"), BlindIndex(K1).index("x"))
    assert rotated.index("x") == BlindIndex(K2).index("x")


# --- development keys and settings -----------------------------------------------------


@posix_only
def test_dev_key_file_is_created_private_and_reused(tmp_path: Path) -> None:
    path = tmp_path / ".liushou" / "dev-keys.json"
    first = load_or_create_dev_keys(path)
    assert mode_of(path) == 0o600
    assert mode_of(path.parent) == 0o700
    assert load_or_create_dev_keys(path) == first
    assert first.data_key != first.index_key
    assert list(tmp_path.glob(".liushou/.*tmp")) == []  # no temporary file left behind
    assert first.data_key not in repr(first)
    assert first.secret_key not in repr(first)


@posix_only
def test_dev_key_file_is_private_even_under_a_permissive_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        load_or_create_dev_keys(tmp_path / "keys.json")
    finally:
        os.umask(old)
    assert mode_of(tmp_path / "keys.json") == 0o600


@posix_only
@pytest.mark.parametrize("mode", [0o640, 0o604, 0o644])
def test_group_or_world_readable_key_file_is_refused(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "keys.json"
    load_or_create_dev_keys(path)
    path.chmod(mode)
    with pytest.raises(KeyConfigError, match="chmod 600"):
        load_or_create_dev_keys(path)
    with pytest.raises(KeyConfigError):
        keys_from_settings(None, None, production=False, dev_key_file=path)


@posix_only
def test_corrupt_key_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "keys.json"
    for body in ("not json", "[]", '{"data_key": 1, "index_key": 2}', '{"data_key": "k1:x"}'):
        path.unlink(missing_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(body)
        with pytest.raises(KeyConfigError):
            load_or_create_dev_keys(path)


def test_keys_from_settings_in_development_uses_the_dev_file(tmp_path: Path) -> None:
    path = tmp_path / "dev-keys.json"
    cipher, index = keys_from_settings(None, "", production=False, dev_key_file=path)
    token = cipher.encrypt("13812345678", AD)
    assert token.startswith("v1.dev1.")
    again, index_again = keys_from_settings(None, None, production=False, dev_key_file=path)
    assert again.decrypt(token, AD) == "13812345678"
    assert index_again.index("x") == index.index("x")


def test_configured_keys_win_over_the_dev_file(tmp_path: Path) -> None:
    path = tmp_path / "dev-keys.json"
    pii = keys_from_settings(f"k1:{K1}", f"i1:{K2}", production=False, dev_key_file=path)
    assert pii.cipher.current_key_id == "k1"
    assert pii.index.index("x") == BlindIndex(K2).index("x")
    assert not path.exists()


@pytest.mark.parametrize(
    ("data_key", "index_key", "missing"),
    [
        (None, None, "LIUSHOU_DATA_KEY and LIUSHOU_INDEX_KEY"),
        (f"k1:{K1}", None, "LIUSHOU_INDEX_KEY"),
        ("  ", f"k1:{K2}", "LIUSHOU_DATA_KEY"),
    ],
)
def test_production_without_keys_raises(
    tmp_path: Path, data_key: str | None, index_key: str | None, missing: str
) -> None:
    path = tmp_path / "dev-keys.json"
    with pytest.raises(KeyConfigError, match=f"^{missing} must be set in production$"):
        keys_from_settings(data_key, index_key, production=True, dev_key_file=path)
    assert not path.exists()


def test_production_with_keys(tmp_path: Path) -> None:
    cipher, index = keys_from_settings(
        f"k2:{K2},k1:{K1}",
        f"i1:{generate_key()}",
        production=True,
        dev_key_file=tmp_path / "unused.json",
    )
    assert cipher.current_key_id == "k2"
    assert len(index.index("x")) == 64


def test_one_key_for_both_jobs_is_refused(tmp_path: Path) -> None:
    with pytest.raises(KeyConfigError, match="different keys"):
        keys_from_settings(f"k1:{K1}", f"i1:{K1}", production=True, dev_key_file=tmp_path / "x")


def test_key_file_json_layout(tmp_path: Path) -> None:
    path = tmp_path / "dev-keys.json"
    keys = load_or_create_dev_keys(path)
    assert json.loads(path.read_text()) == {
        "data_key": keys.data_key,
        "index_key": keys.index_key,
        "secret_key": keys.secret_key,
    }


@posix_only
def test_a_key_file_from_before_the_signing_secret_gains_one_and_keeps_its_keys(
    tmp_path: Path,
) -> None:
    path = tmp_path / "dev-keys.json"
    old = {"data_key": f"dev1:{K1}", "index_key": f"dev1:{K2}"}
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as out:
        json.dump(old, out)

    keys = load_or_create_dev_keys(path)

    assert (keys.data_key, keys.index_key) == (old["data_key"], old["index_key"])
    assert len(keys.secret_key) >= 43
    assert json.loads(path.read_text()) == {**old, "secret_key": keys.secret_key}
    assert mode_of(path) == 0o600
    assert load_or_create_dev_keys(path) == keys
    assert list(tmp_path.glob(".*tmp")) == []


@posix_only
@pytest.mark.parametrize("secret", [None, 42, "too-short"])
def test_a_key_file_with_a_bad_signing_secret_is_refused(tmp_path: Path, secret: object) -> None:
    path = tmp_path / "dev-keys.json"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as out:
        json.dump({"data_key": f"dev1:{K1}", "index_key": f"dev1:{K2}", "secret_key": secret}, out)

    with pytest.raises(KeyConfigError, match="not a valid development key file"):
        load_or_create_dev_keys(path)


# --- liushou keys generate ---------------------------------------------------------------


def _keys_generate(*args: str) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).with_name("liushou")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "liushou"]
    return subprocess.run(
        [*command, "keys", "generate", *args], capture_output=True, text=True, timeout=60
    )


def test_keys_generate_prints_two_distinct_keys_production_accepts(tmp_path: Path) -> None:
    result = _keys_generate("--id", "k7")
    assert result.returncode == 0, result.stderr
    printed = dict(line.split("=", 1) for line in result.stdout.splitlines())
    assert set(printed) == {"LIUSHOU_DATA_KEY", "LIUSHOU_INDEX_KEY"}
    assert printed["LIUSHOU_DATA_KEY"].startswith("k7:")
    assert printed["LIUSHOU_DATA_KEY"] != printed["LIUSHOU_INDEX_KEY"]
    cipher, index = keys_from_settings(
        printed["LIUSHOU_DATA_KEY"],
        printed["LIUSHOU_INDEX_KEY"],
        production=True,
        dev_key_file=tmp_path / "unused.json",
    )
    assert cipher.decrypt(cipher.encrypt("13812345678", AD), AD) == "13812345678"
    assert not (tmp_path / "unused.json").exists()


def test_keys_generate_refuses_a_bad_key_id() -> None:
    result = _keys_generate("--id", "k.2")
    assert result.returncode == 2
    assert "invalid key id" in result.stderr
    assert result.stdout == ""
