"""config.toml and state.json faults, met by the real app: read by the command line the way a
user's start reads them. Whatever is wrong, the app starts, says so in one notice naming the
file, keeps answering keys, and never loses the state the user had: a bad state.json is moved
aside, and a failed save leaves the old one intact.

One case of each kind is driven with Textual's pilot from start to quit (`drive`); the others
meet the same app without a screen (`settle`): what it will say as it starts, then the two
saves a search and a quit make. The driven cases show the two paths say the same.

Tests run as root here, so permissions are refused by patching the call that would meet them
(`io.open` for reads, `os.open` / `os.write` for writes), for the one path concerned only."""

from __future__ import annotations

import errno
import io
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from aiplan_tui.cli import app as cli_app
from aiplan_tui.cli.main import main
from aiplan_tui.settings.state import SavedState
from aiplan_tui.ui.app import AiplanApp
from aiplan_tui.ui.notices import Notice
from conftest import until

GOOD_CONFIG = 'theme = "aiplan-light"\n\n[keys]\nquotes = "4"\n'
GOOD_STATE = SavedState(screen="reader", theme="aiplan-light", search_history=("chips", "camps"))


def config_path() -> Path:
    return Path(os.environ["XDG_CONFIG_HOME"]) / "aiplan-tui" / "config.toml"


def state_path() -> Path:
    return Path(os.environ["XDG_STATE_HOME"]) / "aiplan-tui" / "state.json"


def good_state_bytes() -> bytes:
    return (json.dumps(GOOD_STATE.to_json(), indent=2) + "\n").encode()


def put(path: Path, content: bytes | None) -> None:
    """Write the file, or make a directory there when content is None."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if content is None:
        path.mkdir()
        (path / "inside").write_text("keep me", encoding="utf-8")
    else:
        path.write_bytes(content)


def start(monkeypatch: pytest.MonkeyPatch) -> AiplanApp:
    """The app exactly as `aiplan-tui` makes it (config and state read by the command line),
    caught before it would take over the terminal."""
    made: list[AiplanApp] = []
    monkeypatch.setattr(cli_app, "no_terminal_for_app", lambda: None)
    monkeypatch.setattr(AiplanApp, "run", lambda self, *a, **k: made.append(self))
    assert main([]) == 0
    (app,) = made
    return app


def refuse_reading(monkeypatch: pytest.MonkeyPatch, refused: Path) -> None:
    """Opening `refused` fails with EACCES, as for a mode-000 file when not root (whether it
    is opened by `open` or `os.open`)."""
    real_open, real_os_open = io.open, os.open

    def guarded(file: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, (str, os.PathLike)) and Path(file) == refused:
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    def guarded_os(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if not flags & (os.O_WRONLY | os.O_RDWR) and Path(path) == refused:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_os_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(io, "open", guarded)
    monkeypatch.setattr(os, "open", guarded_os)


def refuse_creating_in(monkeypatch: pytest.MonkeyPatch, directory: Path) -> None:
    """Creating a file in `directory` fails with EACCES, as in a read-only directory."""
    real_open = os.open

    def guarded(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & os.O_CREAT and Path(path).parent == directory:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded)


def fill_the_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int, data: Any) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)


async def drive(app: AiplanApp) -> list[Notice]:
    """Start, search (which saves the state), check that keys still work, and quit; the
    notices shown, in order."""
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"chips", "escape")  # the search history is saved here
        await pilot.pause()
        await pilot.press("2")  # keys still work: Compare, then the reader again
        await until(pilot, lambda: app.screen is app.compare_screen, "Compare")
        await pilot.press("1")
        await until(pilot, lambda: app.screen is app.reader, "the reader")
        await pilot.press("q")
    return app.notices


def settle(app: AiplanApp) -> list[Notice]:
    """What `drive` does, without a screen: the notices the app shows as it starts (each
    startup note, titled "Settings"), then the two saves: closing the search screen's and
    quitting's."""
    notices = [Notice(note, "Settings", "warning") for note in app.startup.notes]
    app.save_state()
    app.save_state()
    return notices + app.notices


async def meet(app: AiplanApp, driven: bool) -> list[Notice]:
    return await drive(app) if driven else settle(app)


def texts(notices: list[Any]) -> list[str]:
    return [f"{n.title}: {n.message}" for n in notices]


# config.toml --------------------------------------------------------------------------------

ConfigCase = tuple[bytes | None, Callable[[pytest.MonkeyPatch], None] | None, str]

CONFIG_FAULTS: dict[str, ConfigCase] = {
    "truncated": (
        GOOD_CONFIG.encode()[:16],  # 'theme = "aiplan-' : the string never ends
        None,
        "config.toml:1:17: error: TOML syntax: Unterminated string",
    ),
    "a directory": (None, None, "config.toml:1:1: error: is a directory, not a config file"),
    "unreadable (EACCES)": (
        GOOD_CONFIG.encode(),
        lambda mp: refuse_reading(mp, config_path()),
        "config.toml:1:1: error: cannot read file: Permission denied",
    ),
}


@pytest.mark.parametrize("fault", list(CONFIG_FAULTS))
async def test_a_bad_config_gives_one_notice_and_defaults(
    fault: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    driven = fault == "truncated"
    content, patch, expected = CONFIG_FAULTS[fault]
    put(config_path(), content)
    put(state_path(), good_state_bytes())
    with pytest.MonkeyPatch.context() as patched:
        if patch:
            patch(patched)
        app = start(patched)
        notices = await meet(app, driven)
    (notice,) = notices  # one notice, and only about the config
    assert str(config_path()) in notice.message, texts(notices)
    assert expected in notice.message
    assert notice.title == "Settings"
    # The state is unaffected: restored, then saved with the new search.
    assert app.startup.saved == GOOD_STATE
    saved = json.loads(state_path().read_bytes())
    assert saved["search_history"] == ["chips", "camps"]
    if content is None:
        assert (config_path() / "inside").read_text(encoding="utf-8") == "keep me"
    else:
        assert config_path().read_bytes() == content


async def test_an_empty_config_means_the_defaults_without_a_notice(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """By design: an empty file is a valid config that sets nothing (`touch config.toml`)."""
    put(config_path(), b"")
    app = start(monkeypatch)
    assert settle(app) == []
    assert config_path().read_bytes() == b""


async def test_a_read_only_config_is_read_and_never_written(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The app only reads its config, so a read-only one is no fault: writes to it are refused
    (root would not be) and none is attempted."""
    put(config_path(), GOOD_CONFIG.encode())
    config_path().chmod(0o444)
    config_path().parent.chmod(0o555)
    refuse_creating_in(monkeypatch, config_path().parent)
    before = config_path().stat()
    try:
        app = start(monkeypatch)
        assert settle(app) == []
        assert app.startup.keymap == {"quotes": "4"}
    finally:
        config_path().parent.chmod(0o755)
    after = config_path().stat()
    assert (after.st_mtime_ns, after.st_size) == (before.st_mtime_ns, before.st_size)
    assert config_path().read_text(encoding="utf-8") == GOOD_CONFIG


async def test_a_full_disk_never_touches_the_config(monkeypatch: pytest.MonkeyPatch) -> None:
    put(config_path(), GOOD_CONFIG.encode())
    put(state_path(), good_state_bytes())
    app = start(monkeypatch)
    with pytest.MonkeyPatch.context() as patched:
        fill_the_disk(patched)
        (notice,) = settle(app)
    assert notice.title == "State not saved"
    assert config_path().read_text(encoding="utf-8") == GOOD_CONFIG
    assert state_path().read_bytes() == good_state_bytes()


# state.json ---------------------------------------------------------------------------------

StateCase = tuple[bytes | None, Callable[[pytest.MonkeyPatch], None] | None, str]

STATE_FAULTS: dict[str, StateCase] = {
    "empty": (b"", None, "it is empty"),
    "truncated": (good_state_bytes()[:40], None, "not valid JSON"),
    "a directory": (None, None, "it is a directory"),
    "unreadable (EACCES)": (
        good_state_bytes(),
        lambda mp: refuse_reading(mp, state_path()),
        "Permission denied",
    ),
}


@pytest.mark.parametrize("fault", list(STATE_FAULTS))
async def test_a_bad_state_is_moved_aside_with_one_notice(
    fault: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    driven = fault == "a directory"
    content, patch, reason = STATE_FAULTS[fault]
    put(state_path(), content)
    with pytest.MonkeyPatch.context() as patched:
        if patch:
            patch(patched)
        app = start(patched)
    notices = await meet(app, driven)
    (notice,) = notices
    (aside,) = state_path().parent.glob("state.json.corrupt-*")
    # The full path, so the user can find both files; and what became of the old one.
    assert notice.message.startswith(f"{state_path()} could not be read ({reason}")
    assert notice.message.endswith(f"; moved it to {aside.name} and started fresh")
    # Nothing the user had is lost: the old bytes (or folder) are kept under the new name.
    if content is None:
        assert (aside / "inside").read_text(encoding="utf-8") == "keep me"
    else:
        assert aside.read_bytes() == content
    # And the app saved a fresh, valid state in its place.
    assert json.loads(state_path().read_bytes())["screen"] == "reader"


async def test_a_save_into_a_read_only_directory_keeps_the_old_state(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    put(state_path(), good_state_bytes())
    state_path().parent.chmod(0o555)
    refuse_creating_in(monkeypatch, state_path().parent)
    try:
        app = start(monkeypatch)
        assert app.startup.saved == GOOD_STATE  # reading is fine
        notices = settle(app)
    finally:
        state_path().parent.chmod(0o755)
    (notice,) = notices  # one notice, though the state was saved twice (search, quit)
    assert notice.title == "State not saved"
    assert notice.message == f"state not saved to {state_path()}: Permission denied"
    assert state_path().read_bytes() == good_state_bytes()
    assert [p.name for p in state_path().parent.iterdir()] == ["state.json"]


async def test_a_read_only_state_file_is_replaced_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """A read-only file in a writable directory: saving renames a new file over it (the
    atomic write never opens the old one for writing), as any editor's safe save does."""
    put(state_path(), good_state_bytes())
    state_path().chmod(0o444)
    before = state_path().stat().st_ino
    app = start(monkeypatch)
    app.save_state()
    assert app.notices == []
    assert state_path().stat().st_ino != before  # a new file took its place
    saved = json.loads(state_path().read_bytes())
    assert (saved["theme"], saved["search_history"]) == ("aiplan-light", ["chips", "camps"])


async def test_a_full_disk_on_save_keeps_the_old_state(monkeypatch: pytest.MonkeyPatch) -> None:
    put(state_path(), good_state_bytes())
    app = start(monkeypatch)
    with pytest.MonkeyPatch.context() as patched:
        fill_the_disk(patched)
        notices = await drive(app)  # driven: the notice and the keys with a full disk
    (notice,) = notices
    assert notice.title == "State not saved"
    assert notice.message == f"state not saved to {state_path()}: No space left on device"
    assert state_path().read_bytes() == good_state_bytes()
    assert [p.name for p in state_path().parent.iterdir()] == ["state.json"]  # no temp left
