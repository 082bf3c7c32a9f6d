"""The saved-state store: round trips, bad files moved aside, failed writes reported, no torn files."""

from __future__ import annotations

import errno
import inspect
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import aiplan_tui
from aiplan_tui.core.atomic import STALE_TEMP_SECONDS
from aiplan_tui.settings.state import (
    MAX_HISTORY,
    MAX_QUERY_CHARS,
    ComparePlace,
    SavedState,
    StateStore,
    add_to_history,
)

SOME_STATE = SavedState(
    screen="compare",
    article="wire",
    paragraph=7,
    theme="paper",
    search_history=("chips", "export controls", "华为"),
    compare=ComparePlace("chips", "china", 2),
)


@pytest.fixture
def store(tmp_path: Path) -> StateStore:
    return StateStore(tmp_path / "state" / "state.json")


def assert_valid(state: SavedState) -> None:
    """What every loaded state must satisfy, whatever the file held."""
    assert isinstance(state.screen, str)
    assert state.screen
    assert state.article is None or isinstance(state.article, str)
    assert isinstance(state.paragraph, int)
    assert not isinstance(state.paragraph, bool)
    assert state.paragraph >= 0
    assert state.theme is None or isinstance(state.theme, str)
    history = state.search_history
    assert isinstance(history, tuple)
    assert len(history) <= MAX_HISTORY
    assert len(set(history)) == len(history)
    for entry in history:
        assert isinstance(entry, str)
        assert 0 < len(entry) <= MAX_QUERY_CHARS


def files_in(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.iterdir())


# Round trips and the file's shape


def test_round_trip(store: StateStore) -> None:
    assert store.save(SOME_STATE) is None
    assert store.load() == (SOME_STATE, [])
    assert StateStore(store.path).load() == (SOME_STATE, [])


def test_missing_file_gives_defaults_and_no_message(store: StateStore) -> None:
    assert store.load() == (SavedState(), [])
    assert not store.path.parent.exists()  # loading creates nothing


def test_save_creates_the_directory_and_a_private_versioned_file(store: StateStore) -> None:
    assert store.save(SOME_STATE) is None
    data = json.loads(store.path.read_text(encoding="utf-8"))
    assert data == {
        "version": 1,
        "screen": "compare",
        "article": "wire",
        "paragraph": 7,
        "theme": "paper",
        "search_history": ["chips", "export controls", "华为"],
        "compare": {"dimension": "chips", "side": "china", "point": 2},
    }
    assert store.path.stat().st_mode & 0o777 == 0o600
    assert files_in(store.path.parent) == ["state.json"]  # no temp file left


def test_default_store_lives_under_xdg_state_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    assert StateStore.default().path == tmp_path / "aiplan-tui" / "state.json"


def test_unknown_keys_and_other_versions_are_read(store: StateStore) -> None:
    store.path.parent.mkdir()
    data = {
        "version": 2,
        "screen": "search",
        "paragraph": 3,
        "bookmarks": ["a", "b"],
        "future": {"nested": True},
    }
    store.path.write_text(json.dumps(data), encoding="utf-8")
    assert store.load() == (SavedState(screen="search", paragraph=3), [])


def test_missing_keys_take_their_defaults(store: StateStore) -> None:
    store.path.parent.mkdir()
    store.path.write_text('{"article": "wire"}', encoding="utf-8")
    assert store.load() == (SavedState(article="wire"), [])


def test_save_writes_through_a_symlink(store: StateStore, tmp_path: Path) -> None:
    real = tmp_path / "dotfiles" / "state.json"
    real.parent.mkdir()
    real.write_text("{}", encoding="utf-8")
    store.path.parent.mkdir()
    store.path.symlink_to(real)
    assert store.save(SOME_STATE) is None
    assert store.path.is_symlink()
    assert StateStore(real).load() == (SOME_STATE, [])


# Fields of the wrong type


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("screen", 3, "reader"),
        ("screen", "", "reader"),
        ("article", ["wire"], None),
        ("paragraph", "7", 0),
        ("paragraph", -1, 0),
        ("paragraph", True, 0),
        ("paragraph", 2.5, 0),
        ("theme", {"name": "paper"}, None),
        ("search_history", "chips", ()),
        ("search_history", {"0": "chips"}, ()),
    ],
)
def test_a_wrong_typed_field_falls_back_alone(
    store: StateStore, field: str, value: object, expected: object
) -> None:
    data = SOME_STATE.to_json()
    data[field] = value
    store.path.parent.mkdir()
    store.path.write_text(json.dumps(data), encoding="utf-8")
    state, messages = store.load()
    assert getattr(state, field) == expected
    for other in ("screen", "article", "paragraph", "theme", "search_history"):
        if other != field:
            assert getattr(state, other) == getattr(SOME_STATE, other)
    assert len(messages) == 1
    assert (
        f'state.json:1:{json.dumps(data).index(json.dumps(field)) + 1}: error: "{field}" must be '
        in messages[0]
    )
    assert messages[0].endswith(f"; using {json.dumps(expected if expected != () else [])}")
    assert files_in(store.path.parent) == ["state.json"]  # a bad field is not a bad file


def test_history_entries_that_are_not_strings_are_dropped(store: StateStore) -> None:
    store.path.parent.mkdir()
    store.path.write_text('{"search_history": ["a", 1, null, "b", ["c"]]}', encoding="utf-8")
    state, messages = store.load()
    assert state.search_history == ("a", "b")
    (message,) = messages
    assert message.endswith(
        'state.json:1:2: warning: "search_history" should hold only strings; dropped 3 entries'
    )


def test_history_in_the_file_is_capped_on_load(store: StateStore) -> None:
    history = [f"query {i}" for i in range(150)] + ["x" * 2000, "query 149", "  "]
    store.path.parent.mkdir()
    store.path.write_text(json.dumps({"search_history": history}), encoding="utf-8")
    state, messages = store.load()
    assert messages == []
    assert len(state.search_history) == MAX_HISTORY
    assert state.search_history[-2:] == ("x" * MAX_QUERY_CHARS, "query 149")
    assert state.search_history[0] == "query 51"
    assert_valid(state)


# Files that cannot be read are moved aside


def _valid_bytes() -> bytes:
    return json.dumps(SOME_STATE.to_json(), indent=2).encode()


CORRUPT = {
    "bad JSON": (b'{"screen": "reader",,}', "not valid JSON"),
    "truncated": (_valid_bytes()[: len(_valid_bytes()) // 2], "not valid JSON"),
    "empty": (b"", "it is empty"),
    "blank": (b"  \n\t\n", "it is empty"),
    "not UTF-8": (b'{"screen": "\xff\xfe"}', "not UTF-8 text"),
    "a list": (b'["reader", "wire"]', "expected a JSON object, found a list"),
    "a string": (b'"reader"', "expected a JSON object, found a string"),
    "a number": (b"42", "expected a JSON object, found a number"),
    "null": (b"null", "expected a JSON object, found null"),
    "deep nesting": (b"[" * 100_000 + b"]" * 100_000, "not usable JSON: RecursionError"),
    "huge integer": (b'{"paragraph": ' + b"9" * 5000 + b"}", "not usable JSON: ValueError"),
    "NUL bytes": (b"\x00" * 64, "not valid JSON"),
}


@pytest.mark.parametrize("kind", list(CORRUPT))
def test_an_unreadable_file_is_moved_aside_with_its_bytes(store: StateStore, kind: str) -> None:
    content, reason = CORRUPT[kind]
    store.path.parent.mkdir()
    store.path.write_bytes(content)

    state, messages = store.load()

    assert state == SavedState()
    [aside] = store.path.parent.glob("state.json.corrupt-*")
    assert aside.read_bytes() == content
    assert not store.path.exists()
    [message] = messages
    assert message.startswith(f"{store.path} could not be read ({reason}")
    assert message.endswith(f"); moved it to {aside.name} and started fresh")
    # Only the next save writes state.json again, and the aside copy stays.
    assert store.save(SOME_STATE) is None
    assert store.load() == (SOME_STATE, [])
    assert aside.read_bytes() == content


def test_a_directory_in_place_of_the_file_is_moved_aside(store: StateStore) -> None:
    store.path.mkdir(parents=True)
    (store.path / "inside").write_text("keep me", encoding="utf-8")

    state, messages = store.load()

    assert state == SavedState()
    [aside] = store.path.parent.glob("state.json.corrupt-*")
    assert (aside / "inside").read_text(encoding="utf-8") == "keep me"
    assert "(it is a directory)" in messages[0]
    assert store.save(SOME_STATE) is None
    assert store.load() == (SOME_STATE, [])


def test_an_oversized_file_is_moved_aside(store: StateStore) -> None:
    store.path.parent.mkdir()
    content = b'{"pad": "' + b"x" * (5 * 1024 * 1024) + b'"}'
    store.path.write_bytes(content)
    _state, messages = store.load()
    assert "(larger than 4 MiB)" in messages[0]
    [aside] = store.path.parent.glob("state.json.corrupt-*")
    assert aside.read_bytes() == content


def test_two_bad_files_in_the_same_second_are_both_kept(store: StateStore) -> None:
    store.path.parent.mkdir()
    store.path.write_bytes(b"first")
    store.load()
    store.path.write_bytes(b"second")
    store.load()
    asides = sorted(store.path.parent.glob("state.json.corrupt-*"))
    assert sorted(path.read_bytes() for path in asides) == [b"first", b"second"]


def test_a_bad_file_that_cannot_be_moved_is_left_untouched(
    store: StateStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.path.parent.mkdir()
    store.path.write_bytes(b"{broken")

    def refuse(*_args: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "rename", refuse)
    state, messages = store.load()
    monkeypatch.undo()

    assert state == SavedState()
    assert messages == [
        f"{store.path} could not be read (not valid JSON: Expecting property name enclosed in "
        "double quotes at line 1) nor moved aside (Permission denied); started fresh and will "
        "not save over it"
    ]
    assert store.save(SOME_STATE) == (
        f"state not saved: {store.path} could not be read nor moved aside; fix or remove it"
    )
    assert store.path.read_bytes() == b"{broken"
    assert files_in(store.path.parent) == ["state.json"]


def test_a_file_that_vanishes_before_the_move_is_not_an_error(
    store: StateStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two instances starting together may both find the bad file; only one can move it."""
    store.path.parent.mkdir()
    store.path.write_bytes(b"{broken")
    real_rename = os.rename

    def other_instance_first(source: str | Path, destination: str | Path) -> None:
        real_rename(source, Path(destination).with_name("moved-by-the-other"))
        real_rename(source, destination)

    monkeypatch.setattr(os, "rename", other_instance_first)
    state, messages = store.load()
    monkeypatch.undo()
    assert state == SavedState()
    assert "it is gone now" in messages[0]
    assert store.save(SOME_STATE) is None


# Writes that fail


def test_a_read_only_directory_gives_a_message(
    store: StateStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert store.save(SOME_STATE) is None
    directory = store.path.parent
    directory.chmod(0o500)
    try:
        probe = directory / "probe"
        try:
            probe.touch()
        except PermissionError:
            pass
        else:
            # Root ignores the mode bits (as in CI containers): refuse the create the way the
            # kernel refuses it to everyone else, so the same path is tested everywhere.
            probe.unlink()
            real_open = os.open

            def refusing_open(path: object, flags: int, *args: object, **kwargs: object) -> int:
                if str(path).startswith(str(directory)) and flags & os.O_CREAT:
                    raise PermissionError(errno.EACCES, "Permission denied", str(path))
                return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

            monkeypatch.setattr(os, "open", refusing_open)
        message = store.save(SavedState(article="other"))
        monkeypatch.undo()
        assert message == f"state not saved to {store.path}: Permission denied"
        assert store.load() == (SOME_STATE, [])
    finally:
        directory.chmod(0o700)


@pytest.mark.parametrize("call", ["write", "fsync", "replace"])
def test_a_full_disk_keeps_the_old_file_intact(
    store: StateStore, monkeypatch: pytest.MonkeyPatch, call: str
) -> None:
    assert store.save(SOME_STATE) is None
    before = store.path.read_bytes()

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, call, full)
    message = store.save(SavedState(article="new", search_history=("x" * 400,) * 50))
    monkeypatch.undo()

    assert message == f"state not saved to {store.path}: No space left on device"
    assert store.path.read_bytes() == before
    assert files_in(store.path.parent) == ["state.json"]  # the temp file was removed


def test_a_file_where_the_directory_should_be_gives_a_message(tmp_path: Path) -> None:
    (tmp_path / "state").write_text("not a directory", encoding="utf-8")
    store = StateStore(tmp_path / "state" / "state.json")
    assert store.load() == (SavedState(), [])
    message = store.save(SOME_STATE)
    assert message is not None
    assert message.startswith(f"state not saved to {store.path}: ")
    assert (tmp_path / "state").read_text(encoding="utf-8") == "not a directory"


def test_old_temp_files_of_dead_writers_are_cleaned_up(store: StateStore) -> None:
    store.path.parent.mkdir()
    stale = store.path.parent / ".state.json.99999.deadbeef.tmp"
    fresh = store.path.parent / ".state.json.99998.cafebabe.tmp"
    stale.write_text("{", encoding="utf-8")
    fresh.write_text("{", encoding="utf-8")
    old = time.time() - STALE_TEMP_SECONDS - 60
    os.utime(stale, (old, old))
    assert store.save(SOME_STATE) is None
    assert files_in(store.path.parent) == [fresh.name, "state.json"]  # a live writer's is kept


# History


def test_add_to_history_puts_the_newest_last_without_repeats() -> None:
    history = add_to_history((), "chips")
    history = add_to_history(history, "  export controls ")
    history = add_to_history(history, "chips")
    assert history == ("export controls", "chips")
    assert add_to_history(history, "   ") == history


def test_add_to_history_caps_count_and_length() -> None:
    history: tuple[str, ...] = ()
    for i in range(MAX_HISTORY + 20):
        history = add_to_history(history, f"q{i}")
    assert len(history) == MAX_HISTORY
    assert history[0] == "q20"
    assert history[-1] == f"q{MAX_HISTORY + 19}"
    assert add_to_history((), "y" * 2000) == ("y" * MAX_QUERY_CHARS,)


# Few short texts so repeats are common, plus runs long enough to be cut.
queries = st.text(alphabet="ab \t", max_size=4) | st.integers(0, 700).map(lambda n: "z" * n)


@given(st.lists(queries, max_size=130), queries)
def test_add_to_history_properties(items: list[str], query: str) -> None:
    history: tuple[str, ...] = ()
    for item in items:
        history = add_to_history(history, item)
    after = add_to_history(history, query)
    assert_valid(SavedState(search_history=after))
    if query.strip():
        assert after[-1] == query.strip()[:MAX_QUERY_CHARS]


def test_save_caps_an_oversized_history(store: StateStore) -> None:
    state = SavedState(search_history=tuple(f"q{i}" for i in range(300)))
    assert store.save(state) is None
    loaded, _ = store.load()
    assert loaded.search_history == tuple(f"q{i}" for i in range(200, 300))


# Whatever the file holds, load returns a valid state and never raises

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
state_like = st.fixed_dictionaries(
    {},
    optional={
        key: json_values | st.text()
        for key in ("version", "screen", "article", "paragraph", "theme", "search_history")
    },
)
property_settings = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _load_written(write: Callable[[Path], object]) -> tuple[SavedState, list[str]]:
    with tempfile.TemporaryDirectory() as directory:
        store = StateStore(Path(directory) / "state.json")
        write(store.path)
        state, messages = store.load()
        assert all(isinstance(message, str) and "\n" not in message for message in messages)
        assert_valid(state)
        assert store.save(state) is None
        assert store.load() == (state, [])  # what was kept saves and loads cleanly
        return state, messages


@property_settings
@given(json_values | state_like)
def test_any_json_value_loads_to_a_valid_state(value: object) -> None:
    _load_written(lambda path: path.write_text(json.dumps(value), encoding="utf-8"))


@property_settings
@given(st.binary(max_size=200))
def test_any_bytes_load_to_a_valid_state(content: bytes) -> None:
    _load_written(lambda path: path.write_bytes(content))


# Writers that die or race


def writer_state(n: int) -> SavedState:
    """State number n of the writer processes: every field can be derived from `paragraph`."""
    history = tuple(f"{n}:{i}:" + "x" * 400 for i in range(100))
    return SavedState(
        screen="reader",
        article=f"article-{n}",
        paragraph=n,
        theme=f"theme-{n % 7}",
        search_history=history,
    )


WRITER = (
    "import sys, time\n"
    "from pathlib import Path\n"
    "from aiplan_tui.settings.state import SavedState, StateStore\n"
    + inspect.getsource(writer_state)
    + "store = StateStore(Path(sys.argv[1]))\n"
    "n, step, deadline = int(sys.argv[2]), int(sys.argv[3]), time.monotonic() + float(sys.argv[4])\n"
    "print('ready', flush=True)\n"
    "while time.monotonic() < deadline:\n"
    "    message = store.save(writer_state(n))\n"
    "    if message is not None:\n"
    "        sys.exit(message)\n"
    "    n += step\n"
)


def start_writer(path: Path, first: int, step: int, seconds: float) -> subprocess.Popen[str]:
    """A separate Python running WRITER against `path`, once it has imported the store."""
    package_root = str(Path(aiplan_tui.__file__).resolve().parent.parent)
    inherited = os.environ.get("PYTHONPATH")
    env = {
        **os.environ,
        "PYTHONPATH": package_root + (os.pathsep + inherited if inherited else ""),
    }
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(first), str(step), str(seconds)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    if process.stdout.readline().strip() != "ready":
        process.kill()
        _out, err = process.communicate()
        pytest.fail(f"writer did not start: {err}")
    return process


def assert_a_written_state(store: StateStore) -> SavedState:
    state, messages = store.load()
    assert messages == []
    assert state == writer_state(state.paragraph)
    return state


@pytest.mark.slow
def test_a_writer_killed_mid_save_leaves_the_old_or_the_new_state(store: StateStore) -> None:
    rng = random.Random(20250723)
    assert store.save(writer_state(0)) is None
    last = 0
    advanced = 0
    for round_ in range(30):
        writer = start_writer(store.path, first=(round_ + 1) * 1_000_000, step=1, seconds=60)
        time.sleep(rng.uniform(0.0, 0.04))
        writer.send_signal(signal.SIGKILL)
        writer.communicate()
        assert writer.returncode == -signal.SIGKILL
        state = assert_a_written_state(store)
        assert state.paragraph >= last
        advanced += state.paragraph > last
        last = state.paragraph
    assert advanced > 0  # the writers did get to save, so the kills landed among saves
    assert not list(store.path.parent.glob("state.json.corrupt-*"))


@pytest.mark.slow
def test_two_writers_at_once_never_leave_a_broken_file(store: StateStore) -> None:
    assert store.save(writer_state(0)) is None
    writers = [start_writer(store.path, first=first, step=2, seconds=1.0) for first in (1, 2)]
    seen = set()
    while any(writer.poll() is None for writer in writers):
        seen.add(assert_a_written_state(store).paragraph % 2)
    for writer in writers:
        _out, err = writer.communicate()
        assert writer.returncode == 0, err
    assert assert_a_written_state(store).paragraph > 0
    assert seen  # the file was read while both wrote
    assert not list(store.path.parent.glob("state.json.corrupt-*"))


def test_a_bad_compare_place_is_said_with_its_line_and_the_rest_is_kept(
    store: StateStore,
) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_text(
        '{"screen": "compare",\n "compare": {"dimension": "chips",\n  "point": -1}}\n',
        encoding="utf-8",
    )
    state, messages = store.load()
    assert state.screen == "compare" and state.compare is None
    assert len(messages) == 2, messages
    assert any('missing required field "side"' in m for m in messages)
    assert any(":3:" in m and '"point"' in m for m in messages)
    store.path.write_text('{"compare": {"dimension": "chips", "side": "us", "point": "x"}}')
    state, messages = store.load()
    assert state.compare == ComparePlace("chips", "us", 0)  # a bad point: the first one
