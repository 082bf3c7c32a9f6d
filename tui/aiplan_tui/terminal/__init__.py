"""The only place that uses Textual's and Rich's private names, each behind a fallback: the
changed-cells writer, the theme an app starts in (theme_start.py) and parsed CSS kept for the
process (css_cache.py)."""
