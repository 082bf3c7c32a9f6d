"""Colour arithmetic for checking themes: WCAG contrast, colour-blindness simulation, CIE76 ΔE.

Pure standard library, so tests and scripts can judge a theme without starting Textual.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal

RGB = tuple[int, int, int]
"""Red, green, blue, each 0..255 (sRGB)."""

Deficiency = Literal["protanopia", "deuteranopia", "tritanopia"]

_Matrix = tuple[tuple[float, float, float], tuple[float, float, float], tuple[float, float, float]]

# Textual's default dark ANSI palette (textual.app.App.ansi_theme_dark, which is
# textual._ansi_theme.MONOKAI in Textual 8.2.8), copied here so that this module never imports
# Textual. `ansi_default` stands for the terminal's own foreground or background, which in that
# palette are (217, 217, 217) and (12, 12, 12); resolve it with `ansi_rgb(name, role)`.
ANSI_DEFAULT_FOREGROUND: RGB = (217, 217, 217)
ANSI_DEFAULT_BACKGROUND: RGB = (12, 12, 12)
ANSI_RGB: Mapping[str, RGB] = MappingProxyType(
    {
        "ansi_black": (26, 26, 26),
        "ansi_red": (244, 0, 95),
        "ansi_green": (152, 224, 36),
        "ansi_yellow": (253, 151, 31),
        "ansi_blue": (157, 101, 255),
        "ansi_magenta": (244, 0, 95),
        "ansi_cyan": (88, 209, 235),
        "ansi_white": (196, 197, 181),
        "ansi_bright_black": (98, 94, 76),
        "ansi_bright_red": (244, 0, 95),
        "ansi_bright_green": (152, 224, 36),
        "ansi_bright_yellow": (224, 213, 97),
        "ansi_bright_blue": (157, 101, 255),
        "ansi_bright_magenta": (244, 0, 95),
        "ansi_bright_cyan": (88, 209, 235),
        "ansi_bright_white": (246, 246, 239),
    }
)
"""Textual's ANSI colour names as the RGB its default dark palette draws them in."""

# Machado, Oliveira & Fernandes (2009), "A Physiologically-based Model for Simulation of Color
# Vision Deficiency", severity 1.0 (full dichromacy); rows sum to 1, so greys map to themselves.
_MACHADO: Mapping[str, _Matrix] = MappingProxyType(
    {
        "protanopia": (
            (0.152286, 1.052583, -0.204868),
            (0.114503, 0.786281, 0.099216),
            (-0.003882, -0.048116, 1.051998),
        ),
        "deuteranopia": (
            (0.367322, 0.860646, -0.227968),
            (0.280085, 0.672501, 0.047413),
            (-0.011820, 0.042940, 0.968881),
        ),
        "tritanopia": (
            (1.255528, -0.076749, -0.178779),
            (-0.078411, 0.930809, 0.147602),
            (0.004733, 0.691367, 0.303900),
        ),
    }
)
DEFICIENCIES: tuple[Deficiency, ...] = ("protanopia", "deuteranopia", "tritanopia")

# Linear sRGB to CIE XYZ and the D65 white point (IEC 61966-2-1, derived to 7 places).
_RGB_TO_XYZ: _Matrix = (
    (0.4124564, 0.3575761, 0.1804375),
    (0.2126729, 0.7151522, 0.0721750),
    (0.0193339, 0.1191920, 0.9503041),
)
_D65 = (0.95047, 1.0, 1.08883)


def parse_hex(text: str) -> RGB:
    """A "#RRGGBB" or "#RGB" colour as RGB; anything else raises, so a typo cannot pass."""
    digits = text.strip().removeprefix("#")
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    if len(digits) != 6 or not all(c in "0123456789abcdefABCDEF" for c in digits):
        raise ValueError(f"not a #RRGGBB or #RGB colour: {text!r}")
    return (int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16))


def ansi_rgb(name: str, role: Literal["foreground", "background"] = "foreground") -> RGB:
    """An ANSI colour name as Textual's default dark palette shows it; `ansi_default` is the
    palette's default foreground or background, depending on where it is used."""
    if name == "ansi_default":
        return ANSI_DEFAULT_FOREGROUND if role == "foreground" else ANSI_DEFAULT_BACKGROUND
    try:
        return ANSI_RGB[name]
    except KeyError:
        raise ValueError(f"not an ANSI colour name: {name!r}") from None


def _to_linear(channel: int) -> float:
    value = channel / 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def _to_channel(linear: float) -> int:
    linear = min(1.0, max(0.0, linear))
    value = 12.92 * linear if linear <= 0.0031308 else 1.055 * linear ** (1 / 2.4) - 0.055
    return round(value * 255)


def _apply(matrix: _Matrix, vector: tuple[float, float, float]) -> tuple[float, float, float]:
    x, y, z = (sum(m * v for m, v in zip(row, vector, strict=True)) for row in matrix)
    return (x, y, z)


def _linear(rgb: RGB) -> tuple[float, float, float]:
    return (_to_linear(rgb[0]), _to_linear(rgb[1]), _to_linear(rgb[2]))


def relative_luminance(rgb: RGB) -> float:
    """WCAG 2.x relative luminance, 0 (black) to 1 (white): what contrast ratios are made of."""
    red, green, blue = _linear(rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(a: RGB, b: RGB) -> float:
    """WCAG 2.x contrast ratio, 1 to 21, in either order; AA body text needs 4.5, AAA 7."""
    lighter, darker = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def simulate(rgb: RGB, kind: Deficiency) -> RGB:
    """How a colour looks with full protanopia, deuteranopia or tritanopia (Machado 2009,
    applied in linear RGB, clamped to the gamut), to check that two colours stay apart."""
    try:
        matrix = _MACHADO[kind]
    except KeyError:
        raise ValueError(f"unknown colour vision deficiency: {kind!r}") from None
    red, green, blue = _apply(matrix, _linear(rgb))
    return (_to_channel(red), _to_channel(green), _to_channel(blue))


def to_lab(rgb: RGB) -> tuple[float, float, float]:
    """CIELAB (D65) coordinates, where straight-line distance roughly follows what eyes see."""

    def f(t: float) -> float:
        delta = 6 / 29
        return t ** (1 / 3) if t > delta**3 else t / (3 * delta**2) + 4 / 29

    x, y, z = _apply(_RGB_TO_XYZ, _linear(rgb))
    fx, fy, fz = f(x / _D65[0]), f(y / _D65[1]), f(z / _D65[2])
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def delta_e(a: RGB, b: RGB) -> float:
    """CIE76 colour difference (distance in CIELAB); about 2.3 is just noticeable side by side."""
    lab_a, lab_b = to_lab(a), to_lab(b)
    return float(sum((p - q) ** 2 for p, q in zip(lab_a, lab_b, strict=True)) ** 0.5)
